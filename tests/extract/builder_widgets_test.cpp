// A page builder's class on every block of the page ("elementor-widget", HubSpot's "widget-span"):
// the strict rules drop it all, and rather than relaxing every class rule, the "widget" rule alone
// is let off (content.cpp bulk_drop_rule), so the other class rules still hold.
#include <gtest/gtest.h>

#include "pages.h"
#include "pith/extract.h"

namespace pith {
namespace {

using testing::extract_page;
using testing::page;

std::string widget_section(int i) {
  return "<section class=\"builder-widget widget\"><h2>Step " + std::to_string(i) +
         " of our consulting process</h2><p>In step " + std::to_string(i) +
         " we sit down with your team, look at the numbers you already have and agree on what the next "
         "quarter should change. Every plan is written down, priced and signed off before any work "
         "starts.</p></section>";
}

TEST(BuilderWidgets, OnlyTheWidgetRuleIsLetOff) {
  std::string body = "<nav><a href=\"/\">Home</a> <a href=\"/about\">About</a></nav><div class=\"page\">";
  for (int i = 1; i <= 4; ++i) body += widget_section(i);
  // The other class rules still hold: a share strip and a screen-reader label inside the page.
  body += "<div class=\"social-share\"><p>Tell your colleagues about this page on every network you use</p></div>";
  body += "<p><span class=\"screen-reader-text\">Opens the contact form in a new window</span></p>";
  body += "</div><footer><a href=\"/privacy\">Privacy</a></footer>";
  Options options;
  options.explain = true;
  Extraction e = extract_page(page("<title>Consulting</title>", body), options);
  EXPECT_NE(e.text.find("In step 1 we sit down"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("In step 4 we sit down"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Tell your colleagues"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Opens the contact form"), std::string::npos) << e.text;
  bool named = false;
  for (const auto& y : e.yielded) named = named || y.rule == "class:widget";
  EXPECT_TRUE(named);
}

// A rule that names a part of the layout is never let off alone: a page whose every block is a
// "sidebar" is relaxed as before (all class rules off), and nothing names a sidebar rule yielded.
TEST(BuilderWidgets, LayoutRulesAreNotLetOffAlone) {
  std::string body = "<div class=\"page\">";
  for (int i = 1; i <= 4; ++i) {
    std::string s = widget_section(i);
    s.replace(s.find("builder-widget widget"), 21, "sidebar-block");
    body += s;
  }
  body += "</div>";
  Options options;
  options.explain = true;
  Extraction e = extract_page(page("<title>Consulting</title>", body), options);
  EXPECT_NE(e.text.find("In step 1 we sit down"), std::string::npos) << e.text;
  for (const auto& y : e.yielded) EXPECT_NE(y.rule, "class:sidebar");
}

}  // namespace
}  // namespace pith
