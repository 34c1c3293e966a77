// Page type: article, forum, product, listing, collection, documentation, service or other,
// with a confidence in [0,1], from the URL, schema.org types, og:type and the DOM's shape.
#pragma once
#include "extract/content.h"
#include "html/dom.h"
#include "pith/extract.h"

namespace pith {

void classify_page_type(const Document& doc, const PageInfo& page, const ContentSelection& sel, Extraction& out);

}  // namespace pith
