// A story's body in parts (content.cpp take_in_twin_parts): the editor's rich-text blocks are
// siblings of one tag and class, with a list of other stories between them; the container chosen
// is the longer part, and its twin, a paragraph of prose drawn as it is, is the same story. The
// link list and the share row between and after them stay out.
#include <gtest/gtest.h>

#include <string>

#include "selection.h"

namespace pith {
namespace {

using testing::select_text;

std::string pilot_paragraph(int i) {
  return "<p>The harbour pilots of the northern coast guide " + std::to_string(i) +
         " freighters a night through the shoals, reading the tide tables and the lights on the breakwater "
         "while the town sleeps behind them.</p>";
}

std::string story_page(const std::string& first_part_class) {
  std::string links;
  for (int i = 0; i < 12; ++i)
    links += "<li><a href=\"/story/" + std::to_string(i) + "\">Another story about the fishing fleet number " +
             std::to_string(i) + "</a></li>";
  std::string rest;
  for (int i = 2; i < 8; ++i) rest += pilot_paragraph(i);
  return "<html><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><div class=\"layout\">"
         "<div class=\"post-body\"><div class=\"" + first_part_class + "\">" + pilot_paragraph(1) +
         "</div><div class=\"more-links\"><ul>" + links + "</ul></div><div class=\"rich-text\">" + rest +
         "</div><div class=\"share-row\"><a href=\"/s1\">Post it</a> <a href=\"/s2\">Send it</a></div></div></div>"
         "<footer><a href=\"/about\">About us</a></footer></body></html>";
}

TEST(TwinParts, TakesInTheBodysOtherPartDrawnAsItIs) {
  const std::string text = select_text(story_page("rich-text"), {});
  EXPECT_NE(text.find("guide 1 freighters"), std::string::npos) << text;
  EXPECT_NE(text.find("guide 7 freighters"), std::string::npos) << text;
  EXPECT_EQ(text.find("fishing fleet"), std::string::npos) << text;
  EXPECT_EQ(text.find("Send it"), std::string::npos) << text;
  EXPECT_LT(text.find("guide 1 freighters"), text.find("guide 2 freighters")) << text;
}

TEST(TwinParts, ABlockOfAnotherClassIsNoPartOfTheBody) {
  const std::string text = select_text(story_page("note-text"), {});
  EXPECT_EQ(text.find("guide 1 freighters"), std::string::npos) << text;
  EXPECT_NE(text.find("guide 7 freighters"), std::string::npos) << text;
}

}  // namespace
}  // namespace pith
