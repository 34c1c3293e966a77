#include "html/parser.h"

namespace pith {

// Defined by the adapters (libxml2_parser.cpp, html5/html5_parser.cpp).
std::unique_ptr<HtmlParser> make_libxml2_parser();
std::unique_ptr<HtmlParser> make_html5_parser();

std::unique_ptr<HtmlParser> make_parser(ParserKind kind) {
  switch (kind) {
    case ParserKind::kLibxml2: return make_libxml2_parser();
    case ParserKind::kHtml5: return make_html5_parser();
  }
  return nullptr;
}

}  // namespace pith
