// A page's footer whose tag and class names are gone, told by the heading that names it for
// screen readers ("Footer"; content.cpp find_headed_footers, "footer-heading"): the wrapper that
// the heading opens goes, even when its fine print is over half the page's text, as the page's
// own <footer> would.
#include <gtest/gtest.h>

#include <string>

#include "selection.h"

namespace pith {
namespace {

using testing::select_text;

const std::string kProduct =
    "<div><h1>Garden Shears</h1><p>Our forged garden shears cut clean through branches up to two centimetres "
    "thick and keep their edge for years of pruning in the orchard and the hedge.</p><p>Price $45.00</p></div>";

std::string page(const std::string& heading) {
  return "<html><body><div>" + kProduct + "<div>" + heading +
         "<div><p>* Free delivery applies to orders over a stated value within the mainland only, and excludes "
         "bulky items, which are charged by weight at checkout, and all promotional bundles sold during "
         "seasonal events.</p></div></div></div></body></html>";
}

TEST(FooterHeading, WrapperANamingHeadingOpensGoes) {
  const std::string text = select_text(page("<h2>Footer</h2>"), SelectionHints{});
  EXPECT_NE(text.find("forged garden shears"), std::string::npos) << text;
  EXPECT_EQ(text.find("Free delivery"), std::string::npos) << text;
}

// Any other heading opens a section of the page's text.
TEST(FooterHeading, OtherHeadingStays) {
  const std::string text = select_text(page("<h2>Delivery</h2>"), SelectionHints{});
  EXPECT_NE(text.find("Free delivery"), std::string::npos) << text;
}

}  // namespace
}  // namespace pith
