// "banner" and "promo" blocks on service pages (SelectionHints::keep_prose_promos): selection on a
// small page through ContentSelector with the hints a service page gets, and without them.
#include <gtest/gtest.h>

#include <string>

#include "extract/content.h"
#include "selection.h"

namespace pith {
namespace {

using testing::select_text;

// A cleaning company's page built from sections that its theme calls "banner" and "promo": the
// sections with their headings and paragraphs are the pitch, and the service page keeps them. A
// banner of links (the offer strip above the page) is still dropped, and so is a sponsor's block
// however well it reads (another company's advertisement). Without the service hints the
// class rules drop every such block.
const std::string kServicePage =
    "<html><body><div class=\"offer-banner\"><a href=\"/a\">Spring offer</a> <a href=\"/b\">Gift cards</a> "
    "<a href=\"/c\">Refer a friend</a></div><main><div class=\"content\"><h1>Office cleaning</h1><p>We clean "
    "offices of every size after hours, so that your team starts each morning in a tidy and healthy "
    "workplace without any disruption to the working day.</p></div>"
    "<div class=\"banner has-hover\"><h2>Why choose our crews</h2><p>Every crew is trained in house, insured "
    "and vetted, and the same people come back each week, so they learn how your office works and what "
    "matters most to the people who use it.</p><p>We bring our own equipment and supplies, all of them "
    "certified for low emissions, and we adapt the schedule when your office is closed for the holidays.</p>"
    "</div><div class=\"promo-block\"><h2>Deep cleaning twice a year</h2><p>Carpets are shampooed, windows "
    "washed inside and out and kitchens descaled by a specialist team that works over a weekend, included "
    "in every yearly contract at no extra cost.</p></div><div class=\"sponsor-box\"><h2>Our partner</h2><p>Fresh "
    "Linen Supplies delivers towels, mats and soap refills to offices across the region every week, with "
    "a discount for customers who sign a yearly contract.</p></div></main></body></html>";

TEST(ServicePromos, ServicePageKeepsPromotionalSectionsThatReadAsProse) {
  std::string text = select_text(kServicePage, hints_for_page_type("service"));
  EXPECT_NE(text.find("We clean offices"), std::string::npos) << text;
  EXPECT_NE(text.find("Every crew is trained in house"), std::string::npos) << text;
  EXPECT_NE(text.find("Carpets are shampooed"), std::string::npos) << text;
  EXPECT_EQ(text.find("Refer a friend"), std::string::npos) << text;
  EXPECT_EQ(text.find("Fresh Linen Supplies"), std::string::npos) << text;
}

TEST(ServicePromos, UntypedPageDropsThem) {
  std::string text = select_text(kServicePage, SelectionHints{});
  EXPECT_NE(text.find("We clean offices"), std::string::npos) << text;
  EXPECT_EQ(text.find("Every crew is trained in house"), std::string::npos) << text;
  EXPECT_EQ(text.find("Carpets are shampooed"), std::string::npos) << text;
}

}  // namespace
}  // namespace pith
