// A newsletter's sign-up box inside a story (content.cpp drop_signup_box): the form asks only for
// an e-mail address, and its pitch around it (a heading, what comes by mail, the consent line)
// goes with it. A form that also takes a message (a contact or comment form) is no sign-up: the
// text around it stays.
#include <gtest/gtest.h>

#include <string>

#include "selection.h"

namespace pith {
namespace {

using testing::select_text;

std::string ferry_paragraph(int i) {
  return "<p>The ferry crews of the island route counted " + std::to_string(i) +
         " crossings last winter, most of them in fog, and the harbour master kept a log of every late "
         "arrival and every cancelled sailing for the council.</p>";
}

std::string story_with_box(const std::string& form_fields) {
  std::string body;
  for (int i = 1; i < 4; ++i) body += ferry_paragraph(i);
  body += "<div class=\"box-7\"><h3>Tide tables and timetables</h3><p>The coming week's sailings, each Friday "
          "morning.</p><form action=\"/join\">" + form_fields + "<button type=\"submit\">Join</button></form>"
          "<p>We keep your address to ourselves.</p></div>";
  for (int i = 4; i < 8; ++i) body += ferry_paragraph(i);
  return "<html><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>Fog on the "
         "island route</h1><div class=\"story\">" + body + "</div></article><footer><a href=\"/about\">About "
         "us</a></footer></body></html>";
}

TEST(SignupBox, AnEmailOnlyFormTakesItsPitchAlong) {
  const std::string text = select_text(story_with_box("<input type=\"email\" name=\"address\">"), {});
  EXPECT_NE(text.find("counted 1 crossings"), std::string::npos) << text;
  EXPECT_NE(text.find("counted 7 crossings"), std::string::npos) << text;
  EXPECT_EQ(text.find("Tide tables and timetables"), std::string::npos) << text;
  EXPECT_EQ(text.find("each Friday morning"), std::string::npos) << text;
  EXPECT_EQ(text.find("to ourselves"), std::string::npos) << text;
}

TEST(SignupBox, AFormThatTakesAMessageLeavesItsTextAlone) {
  const std::string text =
      select_text(story_with_box("<input type=\"email\" name=\"address\"><textarea name=\"note\"></textarea>"), {});
  EXPECT_NE(text.find("each Friday morning"), std::string::npos) << text;
  EXPECT_NE(text.find("counted 7 crossings"), std::string::npos) << text;
}

}  // namespace
}  // namespace pith
