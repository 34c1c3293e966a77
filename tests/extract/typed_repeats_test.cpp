// Repeats on typed pages (content.cpp drop_duplicates, drop_repeated_runs): selection on small
// pages through ContentSelector with the hints a product page gets.
#include <gtest/gtest.h>

#include <string>

#include "selection.h"

namespace pith {
namespace {

using testing::select_text;

size_t count_of(const std::string& text, std::string_view what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// A shop's list of perks, each line too short to be a duplicate on its own, printed under the
// buy box and again under the description: the product page keeps one copy. The description,
// once, stays whole.
TEST(TypedRepeats, ProductDropsAListOfShortLinesPrintedTwice) {
  const std::string perks =
      "<ul class=\"perks\"><li>Fast free shipping.</li><li>Risk-free 99 day trial.</li><li>Lifetime "
      "warranty.</li><li>Recycled packaging.</li><li>Carbon neutral delivery.</li><li>Repairs at cost.</li><li>Free engraving.</li></ul>";
  const std::string html =
      "<html><body><div class=\"product\"><h1>Slim Wallet</h1>" + perks +
      "<div class=\"description\"><p>A slim wallet machined from one block of aluminium, with a band that "
      "holds up to twelve cards and a clip for the notes you still carry.</p><p>The plates are held by "
      "screws you can open with a coin, so that a worn band is replaced in a minute at home.</p></div>" +
      perks + "</div></body></html>";
  std::string text = select_text(html, hints_for_page_type("product"));
  EXPECT_NE(text.find("machined from one block"), std::string::npos) << text;
  EXPECT_EQ(count_of(text, "Risk-free 99 day trial"), 1u) << text;
  EXPECT_EQ(count_of(text, "Carbon neutral delivery"), 1u) << text;
}

// A page builder's section printed for wide and for narrow screens: each copy is a <div>
// whose only child is a <span> holding a heading and a paragraph, the heading shorter for
// narrow screens. The product page keeps the paragraph once; a collection page, whose cards repeat a
// paragraph each, compares whole blocks and keeps both.
std::string builder_section_twice() {
  const std::string paragraph =
      "<p>The plates are held by screws you can open with a coin, so that a worn band is replaced in a "
      "minute at home.</p>";
  return "<html><body><div class=\"product\"><h1>Slim Wallet</h1><div class=\"description\"><p>A slim "
         "wallet machined from one block of aluminium, with a band that holds up to twelve cards and a clip "
         "for the notes you still carry.</p></div>"
         "<div class=\"wide\"><span class=\"rich-text\"><h4>Built to be mended</h4><p><br></p>" +
         paragraph + "</span></div><div class=\"narrow\"><span class=\"rich-text\"><h6>Mend it</h6>" + paragraph + "</span></div></div></body></html>";
}

TEST(TypedRepeats, ProductDropsParagraphsOfASectionPrintedTwiceInsideSpans) {
  std::string text = select_text(builder_section_twice(), hints_for_page_type("product"));
  EXPECT_NE(text.find("machined from one block"), std::string::npos) << text;
  EXPECT_EQ(count_of(text, "screws you can open with a coin"), 1u) << text;
}

TEST(TypedRepeats, CollectionComparesWholeBlocks) {
  std::string text = select_text(builder_section_twice(), hints_for_page_type("collection"));
  EXPECT_EQ(count_of(text, "screws you can open with a coin"), 2u) << text;
}

// A colour name and a perk, each a short block of its own, printed by the buy box and again in a
// sticky bar at the foot: the product page keeps one copy of each. A specifications table's
// short values ("Yes") repeat on purpose and stay.
TEST(TypedRepeats, ProductDropsShortBlocksPrintedTwice) {
  const std::string picked = "<div class=\"picked\"><span>Colour:</span><p>Slate Grey</p><p>Free returns</p></div>";
  const std::string html =
      "<html><body><div class=\"product\"><h1>Slim Wallet</h1>" + picked +
      "<div class=\"description\"><p>A slim wallet machined from one block of aluminium, with a band that "
      "holds up to twelve cards and a clip for the notes you still carry.</p><p>The plates are held by "
      "screws you can open with a coin, so that a worn band is replaced in a minute at home.</p></div>"
      "<table><tr><td>Card band</td><td>Yes</td></tr><tr><td>Money clip</td><td>Yes</td></tr></table>"
      "<div class=\"sticky\"><p>Slim Wallet in</p><p>Slate Grey</p><p>Free returns</p></div></div></body></html>";
  std::string text = select_text(html, hints_for_page_type("product"));
  EXPECT_NE(text.find("machined from one block"), std::string::npos) << text;
  EXPECT_EQ(count_of(text, "Slate Grey"), 1u) << text;
  EXPECT_EQ(count_of(text, "Free returns"), 1u) << text;
  EXPECT_EQ(count_of(text, "Yes"), 2u) << text;
}

}  // namespace
}  // namespace pith
