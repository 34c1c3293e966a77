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

}  // namespace
}  // namespace pith
