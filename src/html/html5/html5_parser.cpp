// The HtmlParser adapter over pith's own HTML5 parser (tokenizer.h, tree_builder.h).
#include <memory>

#include "html/html5/tree_builder.h"
#include "html/parser.h"

namespace pith {

namespace {

// DOM strings are addressed by 32-bit offsets and decoding can double a page's text (named
// references, text joined after foster parenting), so inputs stay well below 4 GiB.
constexpr size_t kMaxInputBytes = size_t{1} << 30;

class Html5Parser final : public HtmlParser {
 public:
  Html5Parser() { builder_.set_noscript_bounds_raw_text(true); }
  std::string_view name() const override { return "html5"; }

  Result<ParseReport> parse(std::string_view utf8, const ParseLimits& limits, Document& doc) override {
    if (utf8.size() > kMaxInputBytes) return Error{ErrorCode::kTooLarge, "input over 1 GiB cannot be parsed"};
    return builder_.parse(utf8, limits, doc);
  }

 private:
  html5::TreeBuilder builder_;
};

}  // namespace

std::unique_ptr<HtmlParser> make_html5_parser() { return std::make_unique<Html5Parser>(); }

}  // namespace pith
