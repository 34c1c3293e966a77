// The fine print that closes a page's content (a block classed "disclaimer" or "legal": offer
// terms, licence notices) is dropped inside the chosen container; fine print with the content
// still after it (a table's footnotes) stays, and so does a page that is all fine print.
#include <gtest/gtest.h>

#include "pages.h"
#include "pith/extract.h"

namespace pith {
namespace {

using testing::kProse;
using testing::page;

const std::string kFeatureTour =
    "<section><h2>A brighter screen</h2><p>The new display reaches twice the brightness of the last model, so "
    "photos and maps stay easy to read outdoors at noon, and it dims further at night for reading in bed.*</p>"
    "</section><section><h2>All-day battery</h2><p>A larger cell and a more frugal chip keep the phone going "
    "from morning to night on one charge, with a fast charger that fills half the battery in thirty "
    "minutes.</p></section>";

const std::string kOfferTerms =
    "<div class=\"page-bottom-disclaimer\"><p>*Brightness measured in the lab at full screen white; results in "
    "daily use vary with settings and ambient light.</p><p>Offer valid while supplies last, one per customer, "
    "not combinable with other promotions or trade-in credits.</p></div>";

const std::string kLicence =
    "<p class=\"store_legal\">Software licence terms apply; an online account is required to play. All "
    "trademarks are property of their respective owners in the country of sale.</p>";

bool dropped_as_fine_print(const Extraction& e, std::string_view preview) {
  for (const Dropped& d : e.dropped)
    if (d.rule == "class:fine-print" && d.preview.find(preview) != std::string::npos) return true;
  return false;
}

TEST(FinePrint, ClosingTheContentIsDropped) {
  Options options;
  options.explain = true;
  Extraction e = testing::extract_page(
      page("<title>Phone X</title>", "<main><h1>Phone X</h1>" + kProse + kFeatureTour + kOfferTerms + kLicence + "</main>"),
      options);
  EXPECT_NE(e.text.find("All-day battery"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("twice the brightness"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Offer valid while supplies last"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Software licence terms"), std::string::npos) << e.text;
  EXPECT_TRUE(dropped_as_fine_print(e, "Brightness measured"));
}

TEST(FinePrint, WithContentAfterItStays) {
  // A table's footnotes, classed as a disclaimer, with the page's text going on below them.
  Extraction e = testing::extract_page(page(
      "<title>Tuition</title>",
      "<main><h1>Tuition</h1>" + kProse +
          "<table><tr><td>Undergraduate</td><td>$390 per credit hour</td></tr></table>"
          "<p class=\"disclaimer\">1 Applicable to the School of Education's programs only, from the fall term.</p>" +
          kFeatureTour + "</main>"));
  EXPECT_NE(e.text.find("School of Education"), std::string::npos) << e.text;
}

TEST(FinePrint, APageOfFinePrintKeepsIt) {
  const std::string terms =
      "<div class=\"legal\"><h1>Terms of sale</h1><p>These terms apply to every order placed in the shop, "
      "whatever the country of delivery, and take precedence over any terms in the buyer's order.</p><p>An order "
      "is accepted when the shop confirms it by email; until then the buyer may withdraw it without cost, and "
      "the shop may decline it without giving a reason.</p><p>Prices include the taxes of the country of "
      "delivery; shipping is charged at the rates shown in the cart before payment.</p></div>";
  Extraction e = testing::extract_page(page("<title>Terms</title>", "<main>" + terms + "</main>"));
  EXPECT_NE(e.text.find("These terms apply to every order"), std::string::npos) << e.text;
}

}  // namespace
}  // namespace pith
