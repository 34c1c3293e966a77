// A <header> inside an <article> or <section> heads that section (content.cpp
// is_section_header): on a service page, whose pitch opens each section with its own header
// (heading and lead), the header is text; the page's own <header> (the site's banner) still goes.
#include <gtest/gtest.h>

#include <string>

#include "extract/content.h"
#include "selection.h"

namespace pith {
namespace {

using testing::select_text;

const std::string kServicePage =
    "<html><body><header class=\"site\"><a href=\"/\">Brightline Plumbing</a> <a href=\"/about\">About</a> "
    "<a href=\"/contact\">Call us today for a free quote</a></header><main><h1>Drain cleaning</h1>"
    "<section><article><header><h2>Clear drains in one visit</h2><p>Our crews clear blocked sinks, "
    "showers and main lines with cameras and water jets, and we show you the footage before we leave "
    "so you can see the pipe is clean.</p></header><p>Every visit comes with a written price before any "
    "work starts, and a ninety-day guarantee on the line we cleared.</p></article></section>"
    "<section><header><h2>Emergency service</h2><p>A burst pipe at night does not wait for Monday: our "
    "on-call plumbers reach most homes in the county within the hour, weekends and holidays included."
    "</p></header><p>We carry the common parts on every van, so most repairs are done on the first "
    "visit without a second trip to the supplier.</p></section></main></body></html>";

TEST(SectionHeader, ServicePageKeepsItsSectionsHeaders) {
  const std::string text = select_text(kServicePage, hints_for_page_type("service"));
  EXPECT_NE(text.find("cameras and water jets"), std::string::npos) << text;
  EXPECT_NE(text.find("within the hour"), std::string::npos) << text;
  EXPECT_NE(text.find("ninety-day guarantee"), std::string::npos) << text;
  EXPECT_EQ(text.find("Call us today"), std::string::npos) << text;
}

TEST(SectionHeader, OtherPagesDropHeadersAsBefore) {
  const std::string text = select_text(kServicePage, SelectionHints{});
  EXPECT_NE(text.find("ninety-day guarantee"), std::string::npos) << text;
  EXPECT_EQ(text.find("cameras and water jets"), std::string::npos) << text;
  EXPECT_EQ(text.find("Call us today"), std::string::npos) << text;
}

}  // namespace
}  // namespace pith
