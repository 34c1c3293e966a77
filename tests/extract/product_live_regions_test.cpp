// Live regions on a product page (SelectionHints::drop_live_regions): the shop's status
// messages, which a script fills or shows. Selection through ContentSelector with the hints a
// product page gets, and with an article's.
#include <gtest/gtest.h>

#include <string>

#include "extract/content.h"
#include "selection.h"

namespace pith {
namespace {

using testing::select_text;

// A product page: the name in a live region (a script changes it with the chosen colour), the
// description, a gallery's position counter, a "Loading" spinner and a feedback thanks.
const std::string kLivePage =
    "<html><body><main><div class=\"product\">"
    "<div aria-live=\"polite\"><h1>Harbour Canvas Tote</h1></div>"
    "<span class=\"counter\" aria-live=\"polite\">Photo 2 of 7</span>"
    "<p>A heavy canvas tote with a flat base and leather handles, stitched twice at every seam so it "
    "carries a week of groceries or a laptop and its charger without sagging or tearing at the corners.</p>"
    "<p>The inside pocket closes with a brass snap and holds keys, a phone and a wallet apart from "
    "everything else, and the canvas softens and fades a little with every wash.</p>"
    "<div class=\"spinner\" role=\"status\">Loading</div>"
    "<div class=\"note\" role=\"alert\">Thanks, your answer helps other shoppers</div>"
    "</div></main></body></html>";

TEST(ProductLiveRegions, ProductPageDropsStatusMessages) {
  std::string text = select_text(kLivePage, hints_for_page_type("product"));
  EXPECT_NE(text.find("Harbour Canvas Tote"), std::string::npos) << text;
  EXPECT_NE(text.find("leather handles"), std::string::npos) << text;
  EXPECT_EQ(text.find("Photo 2 of 7"), std::string::npos) << text;
  EXPECT_EQ(text.find("Loading"), std::string::npos) << text;
  EXPECT_EQ(text.find("your answer helps"), std::string::npos) << text;
}

// Not on other pages: an article's note in role=alert is the writer's own aside.
TEST(ProductLiveRegions, ArticleKeepsThem) {
  const std::string page =
      "<html><body><article><h1>Sewing a canvas tote</h1><p>Cut two panels of heavy canvas, fold the top "
      "edge twice and stitch it down, then sew the sides and box the corners so the bag stands on its "
      "own.</p><div class=\"callout\" role=\"alert\">Note: wash the canvas before you cut it, or the "
      "finished bag shrinks unevenly the first time it goes through the machine.</div></article></body></html>";
  std::string text = select_text(page, hints_for_page_type("article"));
  EXPECT_NE(text.find("box the corners"), std::string::npos) << text;
  EXPECT_NE(text.find("wash the canvas"), std::string::npos) << text;
}

}  // namespace
}  // namespace pith
