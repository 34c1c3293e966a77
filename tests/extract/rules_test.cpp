// Boilerplate rule tables (src/extract/rules.cpp): class patterns, on their own and on small pages.
#include <gtest/gtest.h>

#include <string>

#include "extract/rules.h"
#include "pages.h"
#include "pith/extract.h"

namespace pith {
namespace {

using testing::kProse;
using testing::page;

Extraction run(const std::string& html) { return testing::extract_page(html); }

// A class naming a layout that has or lacks a part is not that part; the part itself still is.
TEST(ClassRules, LayoutModifierIsNotThePart) {
  EXPECT_EQ(match_class("section-with-header").rule, "");
  EXPECT_EQ(match_class("layout has-sidebar").rule, "");
  EXPECT_EQ(match_class("page no-sidebar").rule, "");
  EXPECT_EQ(match_class("card has_footer").rule, "");
  EXPECT_EQ(match_class("site-header").rule, "class:header");
  EXPECT_EQ(match_class("header header--has-menu").rule, "class:header");
  EXPECT_EQ(match_class("left-sidebar").rule, "class:sidebar");
  EXPECT_EQ(match_class("mega-menu").rule, "class:nav");
  // Only right after the modifier word: "width-header" is no "with-".
  EXPECT_EQ(match_class("width-header").rule, "class:header");
}

// A blog's front page in sections, each a heading row over its cards ("section-with-header"):
// the sections are the listing, not the site's header.
TEST(ClassRules, SectionsWithHeaderStayInTheListing) {
  std::string sections;
  const char* topics[] = {"Engineering", "Security", "Open source"};
  for (const char* topic : topics) {
    sections += std::string("<div class=\"wp-block-group section-with-header\"><h2>") + topic + "</h2>";
    for (int i = 0; i < 3; ++i)
      sections += std::string("<article class=\"card\"><h3><a href=\"/") + topic + std::to_string(i) + "\">" + topic +
                  " story number " + std::to_string(i) +
                  " about how our teams ship software</a></h3><p>A look at what changed this quarter in " + topic +
                  ", what we learned from it and what comes next for the people who build with us.</p></article>";
    sections += "</div>";
  }
  Extraction e = run(page("<title>The Blog</title>",
                          "<div class=\"site-header\"><a href=\"/\">Home</a> <a href=\"/about\">About</a></div>"
                          "<main><h1>The Blog</h1>" + kProse + sections + "</main>"));
  EXPECT_NE(e.text.find("Security story number 1"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("what comes next"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("About"), std::string::npos) << e.text;
}

}  // namespace
}  // namespace pith
