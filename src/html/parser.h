// The parser interface: UTF-8 HTML in, pith DOM out. Extraction depends only on this and on
// html/dom.h, never on a parser library's types, so parsers can be swapped (see make_parser).
#pragma once
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "html/dom.h"
#include "pith/result.h"

namespace pith {

struct ParseLimits {
  size_t max_nodes = 2'000'000;       // a 50 MB page of tiny elements stays below this
  uint16_t max_depth = 512;           // deeper elements are attached at this depth
  uint16_t max_attrs = 256;           // per element; the rest are dropped
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
};

struct ParseReport {
  size_t nodes = 0;
  bool node_budget_hit = false;   // the DOM was cut at max_nodes
  bool time_budget_hit = false;   // parsing stopped at the deadline
  bool depth_capped = false;      // some elements were attached at max_depth
  size_t templates = 0;           // <template> elements (streamed pages' slots: html/streamed.h)
};

class HtmlParser {
 public:
  virtual ~HtmlParser() = default;
  // Parses UTF-8 HTML into doc (cleared first). Never throws.
  virtual Result<ParseReport> parse(std::string_view utf8, const ParseLimits& limits, Document& doc) = 0;
  virtual std::string_view name() const = 0;
};

// kLibxml2: libxml2's HTML parser (SAX) through DomBuilder. kHtml5: pith's own WHATWG HTML5
// parser (html/html5/), which builds the same DOM the way a browser would.
enum class ParserKind { kLibxml2, kHtml5 };
std::unique_ptr<HtmlParser> make_parser(ParserKind kind);

}  // namespace pith
