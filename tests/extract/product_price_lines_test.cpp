// Price lines on a product page (SelectionHints::drop_price_lines): a short block that is a
// price is the shop's offer, not the product's description. Selection through ContentSelector
// with the hints a product page gets, and with a service page's.
#include <gtest/gtest.h>

#include <string>

#include "extract/content.h"
#include "selection.h"

namespace pith {
namespace {

using testing::select_text;

// A product page: the name, its price and an old one, a monthly plan, the description, and a
// card of another product with its price.
const std::string kPricePage =
    "<html><body><main><div class=\"item-sheet\">"
    "<h1>Harbour Canvas Tote</h1>"
    "<div class=\"cost\">$48.00</div>"
    "<p class=\"was\">Was: 64,90 €</p>"
    "<div class=\"plan\">As low as $9/mo. with</div>"
    "<p>A heavy canvas tote with a flat base and leather handles, stitched twice at every seam so it "
    "carries a week of groceries or a laptop and its charger without sagging or tearing at the corners.</p>"
    "<p>The inside pocket closes with a brass snap and holds keys, a phone and a wallet apart from "
    "everything else, and the canvas softens and fades a little with every wash. Made for $20 less "
    "than our last one, it costs the same to carry for years.</p>"
    "<div class=\"tile\"><h3>Dockside Duffel</h3><div class=\"tile-cost\">£75</div></div>"
    "</div></main></body></html>";

TEST(ProductPriceLines, ProductPageDropsPrices) {
  std::string text = select_text(kPricePage, hints_for_page_type("product"));
  EXPECT_NE(text.find("Harbour Canvas Tote"), std::string::npos) << text;
  EXPECT_NE(text.find("leather handles"), std::string::npos) << text;
  EXPECT_NE(text.find("Made for $20 less"), std::string::npos) << text;  // a price in prose stays
  EXPECT_EQ(text.find("$48.00"), std::string::npos) << text;
  EXPECT_EQ(text.find("64,90"), std::string::npos) << text;
  EXPECT_EQ(text.find("As low as"), std::string::npos) << text;
  EXPECT_EQ(text.find("£75"), std::string::npos) << text;
}

// Not on other pages: a service page's plans are what it offers.
TEST(ProductPriceLines, ServicePageKeepsThem) {
  std::string text = select_text(kPricePage, hints_for_page_type("service"));
  EXPECT_NE(text.find("$48.00"), std::string::npos) << text;
  EXPECT_NE(text.find("leather handles"), std::string::npos) << text;
}

}  // namespace
}  // namespace pith
