// Declarative shadow DOM (<template shadowrootmode="open"> as the first child of its host, as
// Lit, Stencil and other server renderers of web components send it): a browser attaches the
// template's content as the host's shadow root and renders that tree in place of the host's
// children, each <slot> showing the host children assigned to it (slot="name", or the unnamed
// slot for the rest) or, where none are, its own fallback. A host child no slot takes is not
// rendered. pith renders no shadow trees, so it flattens them after parsing: otherwise the
// text of a component's shadow root is dropped with the <template>, and children a browser
// never shows are read.
#pragma once
#include <cstddef>

#include "html/dom.h"

namespace pith {

// Replaces the children of every host of a declarative shadow root by the shadow tree, its slots
// filled as a browser fills them; innermost hosts first, so a shadow tree inside another one is
// flattened before its host is slotted. Only the first such <template> of a host attaches (a
// second one stays an inert <template>). Also reads the pre-2023 attribute `shadowroot`. Walks
// the whole page: call it only where the parse saw a <template> (ParseReport::templates).
// At most 4096 roots (the rest stay inert templates). Returns the number of roots flattened.
size_t flatten_shadow_roots(Document& doc);

}  // namespace pith
