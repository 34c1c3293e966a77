// The block that only says when a post was last updated ("Updated on March 4, 2024") is the
// page's metadata, not its text: it goes wherever it stands in the container (rule
// "update-line"). A line that says more than that, or a date inside a sentence, stays.
#include <gtest/gtest.h>

#include "pages.h"
#include "pith/extract.h"

namespace pith {
namespace {

using testing::kProse;
using testing::page;

const std::string kGardenText =
    "<p>Tomatoes want six hours of direct sun, soil that drains well and a stake or cage put in at "
    "planting time, before the roots spread and a late stake would tear them.</p>"
    "<p>Water at the base in the morning rather than over the leaves in the evening: wet leaves overnight "
    "invite the blight that ends most home gardens' season in August.</p>";

bool dropped_as_update_line(const Extraction& e, std::string_view preview) {
  for (const Dropped& d : e.dropped)
    if (d.rule == "update-line" && d.preview.find(preview) != std::string::npos) return true;
  return false;
}

TEST(UpdateLine, BlocksThatOnlyDateAnUpdateAreDropped) {
  Options options;
  options.explain = true;
  Extraction e = testing::extract_page(
      page("<title>Growing tomatoes</title>",
           "<article><h1>Growing tomatoes</h1>" + kProse +
               "<div class=\"meta-row\"><div><span>By </span><span>Ann Example</span></div>"
               "<div><span class=\"font-normal\">Updated on <!-- --> March 4, 2024</span></div></div>" +
               kGardenText + "<p class=\"stamp\">Last updated: <strong>April 9th, 2024</strong> at 10:15 am</p>" +
               kProse + "</article>"),
      options);
  EXPECT_NE(e.text.find("six hours of direct sun"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Updated on"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Last updated"), std::string::npos) << e.text;
  EXPECT_TRUE(dropped_as_update_line(e, "Updated on"));
  EXPECT_TRUE(dropped_as_update_line(e, "Last updated"));
}

TEST(UpdateLine, MoreThanADateStays) {
  Extraction e = testing::extract_page(page(
      "<title>Growing tomatoes</title>",
      "<article><h1>Growing tomatoes</h1>" + kProse + kGardenText +
          "<p>Updated guidance for cold frames from March 4, 2024</p>"
          "<p>The seed list was <em>updated March 4, 2024</em> with two blight-resistant varieties.</p>" +
          kProse + "</article>"));
  EXPECT_NE(e.text.find("Updated guidance for cold frames"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("updated March 4, 2024 with two"), std::string::npos) << e.text;
}

}  // namespace
}  // namespace pith
