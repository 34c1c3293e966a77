// A service page's run of sections (SelectionHints::widen_to_sections): selection on a small page
// through ContentSelector with the hints a service page gets, and without them.
#include <gtest/gtest.h>

#include <string>

#include "extract/content.h"
#include "selection.h"

namespace pith {
namespace {

using testing::select_text;

std::string link_strip(const std::string& name) {
  std::string out = "<div class=\"" + name + "\">";
  for (int i = 0; i < 6; ++i) out += "<a href=\"/p" + std::to_string(i) + "\">Partner number " + std::to_string(i) + "</a> ";
  return out + "</div>";
}

// A landing page without <main>: its sections sit in the body between strips of partner links.
// The testimonials weigh most, but the hero and the list of benefits are the pitch too: the
// service page takes the whole run of sections, without the strips of links.
const std::string kLandingPage =
    "<html><body><header><a href=\"/\">Home</a></header>"
    "<section class=\"hero\"><h1>Bookkeeping for small firms</h1><p>We keep the books of small firms up to "
    "date every month, file their returns on time and answer their questions within a day.</p></section>" +
    link_strip("partners") +
    "<section class=\"benefits\"><h2>What you get</h2><p>A named bookkeeper who knows your business, a "
    "monthly report that fits on one page, and reminders a week before every tax deadline.</p></section>" +
    link_strip("logos") +
    "<section class=\"testimonials\"><h2>What clients say</h2><p>Since we moved our books to this team we "
    "have not missed a single deadline, and the monthly report finally tells us where the money goes "
    "without an accountant to explain it to us.</p><p>Our bookkeeper noticed a supplier that had billed us "
    "twice for a whole year, and the refund paid for the service several times over, which we did not "
    "expect when we signed up.</p><p>Questions get an answer the same day, usually within the hour, from "
    "the same person who has worked on our accounts since the first month of the contract.</p></section>"
    "<footer>Contact us</footer></body></html>";

TEST(ServiceSections, ServicePageTakesTheRunOfSections) {
  std::string text = select_text(kLandingPage, hints_for_page_type("service"));
  EXPECT_NE(text.find("We keep the books"), std::string::npos) << text;
  EXPECT_NE(text.find("A named bookkeeper"), std::string::npos) << text;
  EXPECT_NE(text.find("not missed a single deadline"), std::string::npos) << text;
  EXPECT_EQ(text.find("Partner number"), std::string::npos) << text;
}

TEST(ServiceSections, UntypedPageKeepsTheHeaviestSection) {
  std::string text = select_text(kLandingPage, SelectionHints{});
  EXPECT_NE(text.find("not missed a single deadline"), std::string::npos) << text;
  EXPECT_EQ(text.find("A named bookkeeper"), std::string::npos) << text;
}

}  // namespace
}  // namespace pith
