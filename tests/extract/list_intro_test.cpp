// A listing's or collection's intro above its card list (content.cpp take_in_list_intro): on a
// page typed as a listing or collection whose container is a card list, the paragraph saying what
// the category holds, in a block of its own before the list's wrapper (or in the category's
// header block that a header class rule dropped), is taken in; the sort bar between the two goes.
#include <gtest/gtest.h>

#include <string>

#include "selection.h"

namespace pith {
namespace {

using testing::select_text;

// Eight product cards, each a linked name and a sentence about it.
std::string card_grid() {
  const char* names[] = {"Ridge Runner Two", "Moss Hopper", "Granite Glide", "Fern Dash",
                         "Pebble Sprint", "Cedar Climb", "Brook Trekker", "Summit Pacer"};
  std::string out = "<div class=\"grid\">";
  for (int i = 0; i < 8; ++i)
    out += std::string("<div class=\"card\"><a href=\"/shoe/") + std::to_string(i) + "\"><h3>" + names[i] +
           "</h3></a><p>A light shoe with a grippy outsole and a roomy toe box for long days on rough, wet "
           "ground.</p></div>";
  return out + "</div>";
}

const std::string kIntro =
    "<p>Our trail shoes are picked by staff who run the hills every weekend, and each pair here has "
    "been tested on mud, scree and wet roots before it joins the shelf.</p>";

std::string category_page(const std::string& top_block) {
  return "<html><body><nav><a href=\"/\">Home</a> <a href=\"/shop\">Shop</a></nav><div class=\"page\">" +
         top_block +
         "<div class=\"results\"><div class=\"toolbar\"><span>Sort by</span> <a href=\"?s=new\">Newest</a> "
         "<a href=\"?s=price\">Price</a></div>" +
         card_grid() + "</div></div><footer><a href=\"/about\">About us</a></footer></body></html>";
}

TEST(ListIntro, TypedListingTakesInTheIntroAboveItsCards) {
  const std::string html = category_page("<div class=\"intro-block\"><div class=\"copy\">" + kIntro + "</div></div>");
  for (const char* type : {"listing", "collection"}) {
    const std::string typed = select_text(html, hints_for_page_type(type));
    EXPECT_NE(typed.find("tested on mud"), std::string::npos) << type << ": " << typed;
    EXPECT_NE(typed.find("Summit Pacer"), std::string::npos) << type << ": " << typed;
    EXPECT_EQ(typed.find("Sort by"), std::string::npos) << type << ": " << typed;
    EXPECT_EQ(typed.find("About us"), std::string::npos) << type << ": " << typed;
  }
}

TEST(ListIntro, IntroInTheCategoryHeaderBlockComesBackAlone) {
  const std::string html = category_page("<div class=\"shelf-header\"><div class=\"shelf-header__blurb\">" +
                                         kIntro + "</div><div class=\"shelf-header__links\"><a href=\"/sale\">"
                                         "Sale</a> <a href=\"/new\">New in</a></div></div>");
  const std::string typed = select_text(html, hints_for_page_type("listing"));
  EXPECT_NE(typed.find("tested on mud"), std::string::npos) << typed;
  EXPECT_NE(typed.find("Summit Pacer"), std::string::npos) << typed;
  EXPECT_EQ(typed.find("New in"), std::string::npos) << typed;
}

// The grid may sit deep under the block beside the intro (layout wrappers, a results column, a
// list wrapper): five levels between the two here.
TEST(ListIntro, IntroAboveADeeplyNestedGrid) {
  const std::string html =
      "<html><body><div class=\"page\"><div class=\"intro-block\">" + kIntro +
      "</div><div class=\"layout\"><div class=\"column\"><div class=\"results\"><div class=\"results-inner\">" +
      card_grid() + "</div></div></div></div></div><footer><a href=\"/about\">About us</a></footer></body></html>";
  const std::string typed = select_text(html, hints_for_page_type("listing"));
  EXPECT_NE(typed.find("tested on mud"), std::string::npos) << typed;
  EXPECT_NE(typed.find("Summit Pacer"), std::string::npos) << typed;
}

// A line of links (subcategories) is no intro: the cards stay alone.
TEST(ListIntro, LineOfLinksIsNoIntro) {
  const std::string html = category_page(
      "<div class=\"intro-block\"><p>Shop by ground: <a href=\"/forest\">soft forest paths and woodland "
      "trails</a>, <a href=\"/rock\">sharp mountain rock and scree</a>, <a href=\"/road\">road to trail "
      "hybrids</a>.</p></div>");
  const std::string typed = select_text(html, hints_for_page_type("listing"));
  EXPECT_NE(typed.find("Summit Pacer"), std::string::npos) << typed;
  EXPECT_EQ(typed.find("soft forest paths"), std::string::npos) << typed;
}

}  // namespace
}  // namespace pith
