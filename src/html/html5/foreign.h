// Foreign content names (13.2.6.1 "adjust SVG attributes", "adjust MathML attributes", "adjust
// foreign attributes"; 13.2.6.5 the SVG tag name table). pith's DOM keeps every name lower-case,
// as the tokenizer produced it; these tables give the names a browser's DOM would show, for
// serializers (tree_dump.h) and anyone who needs the exact case.
#pragma once
#include <string_view>

#include "html/dom.h"

namespace pith::html5 {

// The SVG element name for a lower-case one ("foreignobject" -> "foreignObject"); other names
// come back unchanged.
std::string_view svg_element_name(std::string_view lower);

struct ForeignAttrName {
  std::string_view prefix;  // "xlink", "xml", "xmlns" or empty: the attribute's namespace
  std::string_view local;   // the local name, case-adjusted
};
// The adjusted name of an attribute (lower-case, as stored) on an element in namespace ns.
ForeignAttrName adjusted_attribute_name(Namespace ns, std::string_view lower);

}  // namespace pith::html5
