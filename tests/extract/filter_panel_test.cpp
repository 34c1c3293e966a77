// Faceted filter panels (content.cpp is_filter_panel): on a page typed as a listing or
// collection, a list of short options that are each a checkbox to tick or a choice followed by
// its count in brackets is the shop's filter panel, chrome beside the product grid, even where
// no class names it.
#include <gtest/gtest.h>

#include <string>

#include "selection.h"

namespace pith {
namespace {

using testing::select_text;

std::string product_grid() {
  const char* names[] = {"Walnut Desk Lamp", "Brass Reading Lamp", "Paper Globe Pendant", "Clamp Task Light",
                         "Marble Floor Lamp", "Rattan Table Lamp"};
  std::string out = "<ul class=\"grid\">";
  for (int i = 0; i < 6; ++i)
    out += std::string("<li class=\"tile\"><a href=\"/p/") + std::to_string(i) + "\"><h3>" + names[i] +
           "</h3></a><p>A warm light with a linen shade, dimmable, shipped in three days, from $49.</p></li>";
  return out + "</ul>";
}

std::string shop_page(const std::string& panel) {
  return "<html><body><main><h1>Lamps</h1><p>Table, desk and floor lamps from small workshops, each one "
         "tested for a year of evenings before it goes on sale, with spare shades kept for ten years.</p>"
         "<div>" + panel + "</div>" +
         product_grid() + "</main></body></html>";
}

// Choices each followed by how many products they leave (picked by a script, so no links).
const std::string kCountedLinks =
    "<h4>Brand</h4><ul class=\"opts\"><li><span>Lumora</span> <span>(12)</span></li>"
    "<li><span>Brightwell</span> <span>(7)</span></li><li><span>Oakshade</span> <span>(31)</span></li>"
    "<li><span>Nordlux</span> <span>(4)</span></li><li><span>Halvard</span> <span>(19)</span></li></ul>";

// Checkboxes, each with a short label outside a <label> element.
const std::string kCheckboxes =
    "<h4>Colour</h4><ul class=\"opts\"><li><input type=\"checkbox\"><span>Amber</span></li>"
    "<li><input type=\"checkbox\"><span>Slate</span></li><li><input type=\"checkbox\"><span>Ivory</span></li>"
    "<li><input type=\"checkbox\"><span>Moss</span></li><li><input type=\"checkbox\"><span>Coral</span></li></ul>";

TEST(FilterPanel, CountedChoicesGoOnATypedListing) {
  const std::string html = shop_page(kCountedLinks);
  const std::string typed = select_text(html, hints_for_page_type("collection"));
  EXPECT_NE(typed.find("Paper Globe Pendant"), std::string::npos) << typed;
  EXPECT_EQ(typed.find("Brightwell"), std::string::npos) << typed;
  EXPECT_EQ(typed.find("Oakshade"), std::string::npos) << typed;
}

TEST(FilterPanel, CheckboxChoicesGoOnATypedListing) {
  const std::string typed = select_text(shop_page(kCheckboxes), hints_for_page_type("collection"));
  EXPECT_NE(typed.find("Marble Floor Lamp"), std::string::npos) << typed;
  EXPECT_EQ(typed.find("Slate"), std::string::npos) << typed;
  EXPECT_EQ(typed.find("Coral"), std::string::npos) << typed;
}

// A list whose entries only end in a bracket with words ("(new)") or hold no count is no panel.
TEST(FilterPanel, PlainShortListStays) {
  const std::string list =
      "<ul class=\"opts\"><li>Amber (new)</li><li>Slate</li><li>Ivory</li><li>Moss</li><li>Coral</li></ul>";
  const std::string html = "<html><body><main><h1>Lamps</h1><p>Our lamps come in five glazes, each fired twice "
                           "in a small kiln by hand, and each glaze is named after a stone or a plant.</p>" +
                           list + product_grid() + "</main></body></html>";
  const std::string typed = select_text(html, hints_for_page_type("collection"));
  EXPECT_NE(typed.find("Slate"), std::string::npos) << typed;
}

// A shop's subcategory tiles, each a linked picture and a heading with how many products it
// holds ("Radios (4)"), are what a category page lists: a filter's choice is no heading.
TEST(FilterPanel, CategoryTilesWithCountsStay) {
  const char* names[] = {"Home Appliances", "Radios", "Power Banks", "Speakers", "Camera Parts", "Cables"};
  std::string tiles = "<ul class=\"products\">";
  for (int i = 0; i < 18; ++i)
    tiles += std::string("<li class=\"product-category\"><a href=\"/c/") + std::to_string(i) +
             "\"><img src=\"/i.png\" alt=\"\"><h2>" + names[i % 6] + " " + std::to_string(i) + " <mark>(" +
             std::to_string(3 + i * 7) + ")</mark></h2></a></li>";
  tiles += "</ul>";
  std::string footer = "<footer>";
  for (int i = 0; i < 30; ++i) footer += "<a href=\"/f/" + std::to_string(i) + "\">Customer service page " + std::to_string(i) + "</a> ";
  footer += "<p>We are a family shop that has sold radios, speakers and the parts to mend them since 1987, from "
            "a small store by the harbour that still opens every morning at nine.</p></footer>";
  const std::string html = "<html><body><header><a href=\"/\">Home</a></header><main><h1>Electronics</h1>" + tiles +
                           "<div class=\"sidebar\"><a href=\"/c/9\">Garden tools</a></div></main>" + footer +
                           "</body></html>";
  const std::string typed = select_text(html, hints_for_page_type("collection"));
  EXPECT_NE(typed.find("Power Banks"), std::string::npos) << typed;
  EXPECT_NE(typed.find("Camera Parts"), std::string::npos) << typed;
  EXPECT_EQ(typed.find("Customer service page"), std::string::npos) << typed;
  EXPECT_EQ(typed.find("Garden tools"), std::string::npos) << typed;
}

// A panel of facets drawn as tiles: each group a heading and its choices' names, with nothing
// to tick and no counts, in blocks whose class calls them filters.
const std::string kFacetTiles =
    "<div class=\"shop-filter__group\"><h4>Shade colour</h4><div class=\"opts\"><p>Amber</p><p>Slate</p>"
    "<p>Ivory</p><p>Moss</p></div></div>"
    "<div class=\"shop-filter__group\"><h4>Bulb fitting</h4><div class=\"opts\"><p>Screw</p><p>Bayonet</p>"
    "<p>Pin</p><p>Wedge</p></div></div>";

TEST(FilterPanel, BlockNamedFilterWithoutProseGoesOnATypedListing) {
  const std::string html = shop_page(kFacetTiles);
  const std::string typed = select_text(html, hints_for_page_type("collection"));
  EXPECT_NE(typed.find("Paper Globe Pendant"), std::string::npos) << typed;
  EXPECT_EQ(typed.find("Bulb fitting"), std::string::npos) << typed;
  EXPECT_EQ(typed.find("Cord length"), std::string::npos) << typed;
}

// A card that a filterable grid marks for its script ("filter-item") shows a picture: it is an
// item of the list (a name and a price, no prose), not a filter.
TEST(FilterPanel, FilterableCardWithPictureStays) {
  const char* names[] = {"Copper Wall Sconce", "Linen Drum Shade", "Glass Bell Pendant", "Oak Tripod Lamp",
                         "Tin Lantern", "Cork Desk Light"};
  std::string cards = "<div class=\"cards\">";
  for (int i = 0; i < 6; ++i)
    cards += std::string("<div class=\"filter-item\"><img src=\"/l.png\" alt=\"\"><h3>") + names[i] +
             "</h3><span>$" + std::to_string(30 + i) + "</span></div>";
  cards += "</div>";
  const std::string html = "<html><body><main><h1>Lamps</h1><p>Table, desk and floor lamps from small workshops, "
                           "each one tested for a year of evenings before it goes on sale.</p>" +
                           cards + "</main></body></html>";
  const std::string typed = select_text(html, hints_for_page_type("collection"));
  EXPECT_NE(typed.find("Linen Drum Shade"), std::string::npos) << typed;
  EXPECT_NE(typed.find("Cork Desk Light"), std::string::npos) << typed;
}

// A small category page (a few products or subcategories, under the 300 characters a listing
// region needs untyped) typed as a collection: the cards are its content. The container of
// the strict rules is no help there (an empty wrapper, a card's options line), and relaxing
// the rules brought back the sidebar, menus and footer around the cards.
TEST(ListingRegionSmall, FewCardsOnATypedCollectionAreTheContent) {
  const char* names[] = {"Pocket Radio", "Solar Power Bank", "Clip Speaker", "Camera Strap"};
  std::string cards = "<ul class=\"products\">";
  for (int i = 0; i < 4; ++i)
    cards += std::string("<li class=\"product\"><a href=\"/p/") + std::to_string(i) + "\"><h2>" + names[i] +
             "</h2></a><span class=\"price\">$" + std::to_string(19 + i) +
             ".00</span></li>";
  cards += "</ul>";
  std::string menu = "<nav>";
  for (int i = 0; i < 4; ++i) menu += "<a href=\"/m/" + std::to_string(i) + "\">Department number " + std::to_string(i) + "</a> ";
  menu += "</nav>";
  const std::string html =
      "<html><body><header>" + menu + "</header><div id=\"main\"><div class=\"wrap\"><div class=\"clear\"></div>" + cards +
      "<div class=\"sidebar\"><a href=\"/c/2\">Outdoor items</a></div></div></div>"
      "<footer><a href=\"/about\">About our company</a> <a href=\"/terms\">Terms and conditions</a></footer>"
      "</body></html>";
  const std::string typed = select_text(html, hints_for_page_type("collection"));
  EXPECT_NE(typed.find("Solar Power Bank"), std::string::npos) << typed;
  EXPECT_NE(typed.find("$21.00"), std::string::npos) << typed;
  EXPECT_EQ(typed.find("Outdoor items"), std::string::npos) << typed;
  EXPECT_EQ(typed.find("Department number"), std::string::npos) << typed;
}

}  // namespace
}  // namespace pith
