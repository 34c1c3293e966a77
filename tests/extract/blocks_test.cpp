// Extraction::blocks (extract/blocks.cpp, Options::blocks): off by default; on, the blocks cover
// the page's visible text in document order, kept ones as the text output renders them.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/utf8.h"
#include "extract/blocks.h"
#include "pages.h"
#include "pith/extract.h"

namespace pith {
namespace {

using testing::kProse;
using testing::page;

std::string without_spaces(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r') out += c;
  return out;
}

const std::string kBody =
    "<header>Valley News</header><nav><a href=/>Home</a> <a href=/w>Weather</a></nav>"
    "<script>var hidden = 'not text';</script><style>p{color:red}</style>"
    "<article><h1>Rain at last</h1>" + kProse +
    "<div class=\"share\"><a href=#>Share on Facebook</a></div></article>"
    "<aside><p>Most read: the bridge reopens</p></aside><footer>Contact us</footer><!-- a comment -->";

TEST(Blocks, OffByDefault) {
  Extractor extractor;
  auto r = extractor.extract(page("<title>Rain</title>", kBody), {});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_FALSE(r->text.empty());
  EXPECT_TRUE(r->blocks.empty());
  EXPECT_FALSE(Options{}.blocks);
}

TEST(Blocks, KeptAndDroppedCoverThePageText) {
  Options options;
  options.blocks = true;
  Extractor extractor(options);
  auto r = extractor.extract(page("<title>Rain</title>", kBody), {});
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_FALSE(r->blocks.empty());

  // Every visible character of the body is in exactly one block, in document order: the blocks'
  // text, spaces aside, is the body's visible text (no script, style or comment).
  const std::string visible = "Valley News Home Weather Rain at last " +
                              std::string("Storms moved across the valley on Tuesday, bringing heavy rain to farms "
                                          "that had waited months for water. Farmers said the rain came too late for "
                                          "the early crops but would help the autumn harvest, and the river rose by "
                                          "half a metre overnight. Officials warned drivers to avoid low roads near "
                                          "the river until the water goes down, and schools in two villages stayed "
                                          "closed for the day.") +
                              " Share on Facebook Most read: the bridge reopens Contact us";
  std::string covered;
  uint32_t chars = 0;
  size_t kept = 0, dropped = 0;
  for (const Block& b : r->blocks) {
    covered += b.text;
    chars += b.chars;
    (b.kept ? kept : dropped) += 1;
    EXPECT_EQ(b.kept, b.rule.empty()) << b.element << " " << b.rule;
    EXPECT_EQ(b.kept, b.reason.empty()) << b.element << " " << b.rule;
    EXPECT_FALSE(b.path.empty());
    EXPECT_TRUE(b.path.starts_with("body")) << b.path;
  }
  EXPECT_EQ(without_spaces(covered), without_spaces(visible));
  EXPECT_EQ(chars, utf8_length(without_spaces(visible)));
  EXPECT_GE(kept, 3u);    // the heading and two paragraphs
  EXPECT_GE(dropped, 5u);  // header, nav, share, aside, footer

  // The kept blocks, in order, are the text output.
  std::string kept_text;
  for (const Block& b : r->blocks)
    if (b.kept) kept_text += b.text + "\n";
  EXPECT_EQ(without_spaces(kept_text), without_spaces(r->text));

  // Dropped blocks name their rule and say why.
  auto find = [&](std::string_view rule) -> const Block* {
    for (const Block& b : r->blocks)
      if (b.rule == rule) return &b;
    return nullptr;
  };
  const Block* nav = find("tag:nav");
  ASSERT_NE(nav, nullptr);
  EXPECT_EQ(nav->text, "Home Weather");
  EXPECT_EQ(nav->path, "body > nav");
  EXPECT_EQ(nav->link_chars, nav->chars);
  EXPECT_EQ(nav->reason, rule_description("tag:nav"));
  ASSERT_NE(find("tag:footer"), nullptr);
  ASSERT_NE(find("tag:aside"), nullptr);
}

TEST(Blocks, EveryRuleOfTheTableHasADescription) {
  for (std::string_view rule : {"tag:nav", "tag:iframe", "role:navigation", "class:share", "phrase:read more",
                                "hidden", "link-dense", "related-section", "author-box", "outside-main"})
    EXPECT_FALSE(rule_description(rule).empty()) << rule;
  EXPECT_TRUE(rule_description("no-such-rule").empty());
}

}  // namespace
}  // namespace pith
