// A site's menu above the page's <h1> in a list-mode container (content.cpp prune,
// "menu-above-h1"): on a page without class names or <nav> (an old layout, a stripped copy),
// a list-mode container may hold the site's menu bar above the heading; a block of links before
// the <h1> is that menu, not the listing's items, which follow their heading.
#include <gtest/gtest.h>

#include <string>

#include "selection.h"

namespace pith {
namespace {

using testing::select_text;

std::string menu_bar() {
  const char* entries[] = {"Home", "Kettles", "Teapots", "Cups and Saucers", "Loose Leaf", "Gift Boxes",
                           "Brewing Guides", "Our Story", "Contact", "My Basket"};
  std::string out = "<div><ul>";
  for (int i = 0; i < 10; ++i)
    out += std::string("<li><a href=\"/m/") + std::to_string(i) + "\">" + entries[i] + "</a></li>";
  return out + "</ul></div>";
}

std::string card_grid() {
  const char* names[] = {"Blue Glaze Teapot", "Cast Iron Kettle", "Bamboo Tea Tray", "Porcelain Cup Pair",
                         "Glass Infuser Mug", "Clay Tasting Set", "Copper Tea Caddy", "Willow Strainer"};
  std::string out = "<div>";
  for (int i = 0; i < 8; ++i)
    out += std::string("<div><div><a href=\"/p/") + std::to_string(i) + "\">" + names[i] +
           "</a></div><div>Made by hand, ships in a week</div><div>From $" + std::to_string(12 + i) +
           ".00</div></div>";
  return out + "</div>";
}

const std::string kIntro =
    "<p>Our teaware is thrown by hand in a small studio by the river, glazed in colours that change "
    "with every firing.</p>";

std::string shop_page() {
  return "<html><body><div>" + menu_bar() + "<div><h1>Teaware</h1>" + kIntro + "</div>" + card_grid() +
         "</div></body></html>";
}

TEST(MenuAboveH1, TypedListingDropsTheLinkBlockAboveItsHeading) {
  const std::string typed = select_text(shop_page(), hints_for_page_type("collection"));
  EXPECT_NE(typed.find("Teaware"), std::string::npos) << typed;
  EXPECT_NE(typed.find("Cast Iron Kettle"), std::string::npos) << typed;
  EXPECT_EQ(typed.find("Brewing Guides"), std::string::npos) << typed;
  EXPECT_EQ(typed.find("My Basket"), std::string::npos) << typed;
}

// The same links after the heading are the listing's items (a category's sub-categories).
TEST(MenuAboveH1, LinkBlockAfterTheHeadingStays) {
  const std::string html = "<html><body><div><div><h1>Teaware</h1>" + kIntro + "</div>" + menu_bar() +
                           card_grid() + "</div></body></html>";
  const std::string typed = select_text(html, hints_for_page_type("collection"));
  EXPECT_NE(typed.find("Cast Iron Kettle"), std::string::npos) << typed;
  EXPECT_NE(typed.find("Brewing Guides"), std::string::npos) << typed;
}

}  // namespace
}  // namespace pith
