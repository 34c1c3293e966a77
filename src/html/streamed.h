// Streamed server rendering (React 18+ Suspense, as Next.js and Remix pages send it): the server
// first sends each pending part as a fallback ("Loading...") after an empty
// <template id="B:x"> (or as an empty <template id="P:x">), then, further down the page, the
// part itself in <div hidden id="S:x">, with an inline script ($RC, $RS) that moves it into
// place. A browser runs those scripts at once; pith runs none, so it moves the parts itself
// after parsing: otherwise a page's article sits hidden after its footer.
#pragma once
#include <cstddef>

#include "html/dom.h"

namespace pith {

// Puts every streamed part (<div hidden id="S:x">) of the page where its scripts would: in place
// of the fallback after <template id="B:x">, up to the boundary's end comment ("/$"; where the
// comments were stripped the fallback stays), or in place of <template id="P:x">. A part
// without its template stays where it is (hidden). Walks the whole page: call it only where the
// parse saw a <template> (ParseReport::templates). Returns the number of parts moved.
size_t place_streamed_parts(Document& doc);

}  // namespace pith
