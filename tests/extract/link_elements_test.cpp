// Links that are not <a> (content.h is_link_element): a script-driven mega menu writes its
// entries as custom elements that carry an href ("<shelf-entry href=...>"); their text is link
// text for link density as an <a>'s is, so on a page without class names or <nav> (an old
// layout, a stripped copy) the menu does not win the region over a short product description.
#include <gtest/gtest.h>

#include <string>

#include "extract/content.h"
#include "html/parser.h"
#include "selection.h"

namespace pith {
namespace {

using testing::select_text;

std::string mega_menu(const char* open, const char* close) {
  const char* words[] = {"Garden Hoses and Reels", "Watering Cans in Tin", "Pruning Shears for Roses",
                         "Raised Bed Planters", "Compost Bins and Tumblers", "Seed Trays and Domes",
                         "Bird Feeders of Cedar", "Outdoor Lanterns", "Potting Benches", "Trellis Panels"};
  std::string out = "<div><div>Browse the shop</div>";
  for (int g = 0; g < 6; ++g) {
    out += "<div><div>Aisle " + std::to_string(g) + "</div><div>";
    for (int i = 0; i < 10; ++i)
      out += std::string(open) + std::to_string(g * 10 + i) + "\">" + words[i] + " " + std::to_string(g) + close;
    out += "</div></div>";
  }
  return out + "</div>";
}

const std::string kProduct =
    "<div><h1>Copper Rain Gauge</h1><p>A hand-hammered copper gauge that reads up to five inches "
    "of rain, set on a spiral stake you push into the lawn; the glass tube lifts out for winter.</p>"
    "<div>$34.00</div></div>";

std::string page(const char* open, const char* close) {
  return "<html><body><div>" + mega_menu(open, close) + kProduct + "</div></body></html>";
}

TEST(LinkElements, CustomElementMenuWithHrefIsLinkText) {
  const std::string text = select_text(page("<shelf-entry href=\"/c/", "</shelf-entry>"), SelectionHints{});
  EXPECT_NE(text.find("hand-hammered copper gauge"), std::string::npos) << text;
  EXPECT_EQ(text.find("Trellis Panels"), std::string::npos) << text;
}

// The same menu written with <a> is already link text: the product wins either way.
TEST(LinkElements, AnchorMenuIsLinkText) {
  const std::string text = select_text(page("<a href=\"/c/", "</a>"), SelectionHints{});
  EXPECT_NE(text.find("hand-hammered copper gauge"), std::string::npos) << text;
  EXPECT_EQ(text.find("Trellis Panels"), std::string::npos) << text;
}

NodeId find_named(const Document& doc, std::string_view name) {
  for (NodeId n = 0; n < doc.size(); ++n)
    if (doc.node(n).kind == NodeKind::kElement && doc.name(n) == name) return n;
  return kNoNode;
}

// Not a link: a known element with an href, a custom element without one, a tile component that
// hands its href to the <a> inside it, and a button drawn inside an <a> (that one link).
TEST(LinkElements, WhichElementsAreLinks) {
  auto parser = make_parser(ParserKind::kHtml5);
  Document doc;
  ASSERT_TRUE(parser
                  ->parse("<html><body><shelf-entry href=\"/x\">Pots</shelf-entry><plain-box>Box</plain-box>"
                          "<div href=\"/y\">Div</div><pot-tile href=\"/t\"><span>Tile</span><a href=\"/t\">Go</a>"
                          "</pot-tile><a href=\"/z\"><pot-button href=\"/z\">Press</pot-button></a></body></html>",
                          {}, doc)
                  .ok());
  EXPECT_TRUE(is_link_element(doc, find_named(doc, "shelf-entry")));
  EXPECT_TRUE(is_link_element(doc, find_named(doc, "a")));
  EXPECT_FALSE(is_link_element(doc, find_named(doc, "plain-box")));
  EXPECT_FALSE(is_link_element(doc, find_named(doc, "div")));
  EXPECT_FALSE(is_link_element(doc, find_named(doc, "pot-tile")));
  EXPECT_FALSE(is_link_element(doc, find_named(doc, "pot-button")));
}

}  // namespace
}  // namespace pith
