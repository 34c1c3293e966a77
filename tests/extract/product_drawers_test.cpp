// A product's drawers (SelectionHints::keep_detail_dialogs): dialogs inside <main> that a button
// opens, holding the description or the care notes under a heading of their own. Selection
// through ContentSelector with the hints a product page gets, and with an article's.
#include <gtest/gtest.h>

#include <string>

#include "extract/content.h"
#include "selection.h"

namespace pith {
namespace {

using testing::select_text;

// A product page: name, price and buttons in <main>; the description in a role=dialog drawer
// (its panel an <aside>, as some shops build it), the care notes in a "details-modal" that
// the class rules call a popup, and beside them a stock alert that asks for an e-mail address.
const std::string kDrawerPage =
    "<html><body><header><nav><a href=\"/\">Home</a> <a href=\"/shop\">Shop</a></nav></header><main>"
    "<div class=\"pdp\"><h1>Trail Runner Jacket</h1><p class=\"price\">$120</p>"
    "<button aria-controls=\"desc\">Description</button><button>Care</button>"
    "<div id=\"desc\" class=\"sheet\" role=\"dialog\" aria-modal=\"false\"><aside class=\"sheet-panel\">"
    "<div class=\"sheet-header\"><h5>Description</h5><button aria-label=\"Close\">x</button></div>"
    "<p>A light shell for wet mornings on the ridge: the seams are taped, the hood rolls into the "
    "collar and the fabric breathes when the climb gets steep, so you stay dry from both sides.</p>"
    "<p>Two zipped pockets sit above the hip belt of a pack, and the whole jacket packs into its own "
    "chest pocket to the size of an orange.</p></aside></div>"
    "<div class=\"details-modal\"><h2 class=\"details-modal__title\">Care</h2>"
    "<div class=\"details-modal__body\"><p>Wash it cold with a mild soap and no softener, then tumble it "
    "dry on low heat for twenty minutes to wake the water-repellent finish up again. Store it loose "
    "on a hanger, never balled up in a damp bag, and re-proof "
    "the shell with a spray once a season.</p></div></div>"
    "<div class=\"sheet\" role=\"dialog\" aria-modal=\"false\"><h5>Stock alerts</h5>"
    "<p>Tell me when this jacket is back in my size, and only then, by a single short message.</p>"
    "<input type=\"email\" placeholder=\"Your e-mail\"><button>Notify me</button></div>"
    "</div></main><footer><p>Made-up Outdoor Co.</p></footer></body></html>";

TEST(ProductDrawers, ProductPageKeepsDetailDrawers) {
  std::string text = select_text(kDrawerPage, hints_for_page_type("product"));
  EXPECT_NE(text.find("Trail Runner Jacket"), std::string::npos) << text;
  EXPECT_NE(text.find("seams are taped"), std::string::npos) << text;
  EXPECT_NE(text.find("size of an orange"), std::string::npos) << text;
  EXPECT_NE(text.find("mild soap"), std::string::npos) << text;
  EXPECT_EQ(text.find("back in my size"), std::string::npos) << text;
}

// The same drawer on a page of another type is a dialog: dropped.
TEST(ProductDrawers, ArticleDropsDialogs) {
  std::string text = select_text(kDrawerPage, hints_for_page_type("article"));
  EXPECT_EQ(text.find("seams are taped"), std::string::npos) << text;
}

// Dialogs outside <main> (a cookie notice after the layout), one inside a list item (a
// promoted card's popover), dialogs that repeat one heading (each card's "Why this ad?") and
// one whose class calls it a cookie notice are not the product's, whatever their prose.
TEST(ProductDrawers, NoticesAndCardPopoversStayDropped) {
  const std::string popover =
      "<div class=\"pop\" role=\"dialog\" aria-modal=\"true\"><h2>Why this ad?</h2><p>Promoted items are "
      "chosen from what you looked at before and what sellers pay for, and they help keep the shop running "
      "for everyone who visits it every day. You can turn off promoted items based on your visits in the "
      "settings of your account at any time.</p></div>";
  const std::string page =
      "<html><body><main><div class=\"pdp\"><h1>Trail Runner Jacket</h1><p>A light shell for wet mornings "
      "on the ridge: the seams are taped, the hood rolls into the collar and the fabric breathes when the "
      "climb gets steep, so you stay dry from both sides.</p><p>Two zipped pockets sit above the hip belt of a "
      "pack, and the whole jacket packs into its own chest pocket to the size of an orange, so it rides in "
      "any bag until the clouds come in.</p><p>The shell is cut long at the back and short at the front, "
      "with stretch panels under the arms, so it moves with you on a scramble and covers you on a bike.</p>"
      "<div class=\"cookie-consent\" role=\"dialog\"><h2>Cookies on this shop</h2><p>We and our partners "
      "store small files on your device to remember your basket, count visits and choose the offers you "
      "see here and on other sites, if you agree to it. You can change your mind at any time from the link "
      "at the foot of every page of the shop.</p><button>Accept</button></div>"
      "<ul class=\"cards\"><li><a href=\"/a\">Rain Pants</a>" + popover + "</li></ul>"
      "<div class=\"row\"><div><a href=\"/b\">Fleece</a>" + popover + "</div><div><a href=\"/c\">Cap</a>" +
      popover + "</div></div></div></main>"
      "<div role=\"dialog\" aria-modal=\"true\"><h2>Your privacy</h2><p>We use cookies to keep the shop "
      "working and, with your consent, to measure visits and show offers that suit you better on this and "
      "other sites.</p></div></body></html>";
  std::string text = select_text(page, hints_for_page_type("product"));
  EXPECT_NE(text.find("seams are taped"), std::string::npos) << text;
  EXPECT_EQ(text.find("Promoted items"), std::string::npos) << text;
  EXPECT_EQ(text.find("We use cookies"), std::string::npos) << text;
  EXPECT_EQ(text.find("remember your basket"), std::string::npos) << text;
}

}  // namespace
}  // namespace pith
