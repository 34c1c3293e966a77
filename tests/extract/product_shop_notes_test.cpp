// A shop's notes on a product page (SelectionHints::drop_shop_notes, rules.h names_shop_notes):
// selection through ContentSelector with the hints a product page gets, and with a service page's.
#include <gtest/gtest.h>

#include <string>

#include "extract/content.h"
#include "extract/rules.h"
#include "selection.h"

namespace pith {
namespace {

using testing::select_text;

// A product page whose description is followed by the shop's returns policy, a row of trust
// seals, a seller badge and a tooltip that explains a field of the specifications.
const std::string kProductPage =
    "<html><body><main><h1>Walnut Cutting Board</h1><div class=\"item-sheet\"><p>A cutting board planed "
    "from a single slab of walnut, finished with food-safe oil and beeswax, heavy enough to stay put on "
    "the counter while you carve a roast or chop a pile of onions for the week.</p>"
    "<p>Each board measures about forty by thirty centimetres, has a juice groove along its edge and "
    "rubber feet on its underside, and is cut and sanded by hand in a small workshop.</p>"
    "<div class=\"pdp-shipping-returns\"><p>Free returns within thirty days of delivery. Items must be "
    "unused and in their original packaging; refunds go back to the card you paid with.</p></div>"
    "<ul class=\"trust-row\"><li>Secure checkout with every card we accept</li><li>Carbon-neutral "
    "parcels from our warehouse</li></ul>"
    "<div class=\"seller-badge\"><p>Top Maker. This shop has shipped every order on time and answers "
    "messages within a day.</p></div>"
    "<table><tr><th>Finish</th><td>Oil and wax<span class=\"spec-tooltip\">The finish is the coating a "
    "maker lays on the wood to keep it from drying out and cracking.</span></td></tr></table>"
    "<p>Ships in a cotton bag.<span class=\"popover-body\">Pay in four parts with no interest on orders over "
    "fifty pounds.</span></p></div></main></body></html>";

TEST(ProductShopNotes, ProductPageDropsShopNotes) {
  std::string text = select_text(kProductPage, hints_for_page_type("product"));
  EXPECT_NE(text.find("single slab of walnut"), std::string::npos) << text;
  EXPECT_NE(text.find("juice groove"), std::string::npos) << text;
  EXPECT_NE(text.find("Oil and wax"), std::string::npos) << text;
  EXPECT_EQ(text.find("Free returns"), std::string::npos) << text;
  EXPECT_EQ(text.find("Secure checkout"), std::string::npos) << text;
  EXPECT_EQ(text.find("Top Maker"), std::string::npos) << text;
  EXPECT_EQ(text.find("keep it from drying out"), std::string::npos) << text;
  EXPECT_EQ(text.find("Pay in four parts"), std::string::npos) << text;
}

// A service page: its badges (an accreditation) are part of the pitch.
TEST(ProductShopNotes, ServicePageKeepsBadges) {
  const std::string page =
      "<html><body><main><h1>Garden Design</h1><section><p>We plan and plant gardens of every size, from a "
      "city courtyard to a country acre, drawing the beds, paths and planting lists with you over two "
      "visits and a month of revisions until the plan fits the way you live.</p>"
      "<div class=\"award-badge\"><p>Accredited by the national society of garden designers since the "
      "year our studio opened, with three of its medals for public gardens.</p></div></section>"
      "</main></body></html>";
  std::string text = select_text(page, hints_for_page_type("service"));
  EXPECT_NE(text.find("city courtyard"), std::string::npos) << text;
  EXPECT_NE(text.find("Accredited by the national society"), std::string::npos) << text;
}

TEST(ProductShopNotes, NamesShopNotes) {
  EXPECT_TRUE(names_shop_notes("pdp-shipping-returns"));
  EXPECT_TRUE(names_shop_notes("trust-row"));
  EXPECT_TRUE(names_shop_notes("seller-badge"));
  EXPECT_TRUE(names_shop_notes("spec-tooltip"));
  EXPECT_TRUE(names_shop_notes("popover-body"));
  EXPECT_FALSE(names_shop_notes("trustee-list"));      // a token, not a prefix
  EXPECT_FALSE(names_shop_notes("badger-facts"));
  EXPECT_FALSE(names_shop_notes("product-description"));
}

}  // namespace
}  // namespace pith
