// Forum threads (content.cpp widen_to_posts): selection on small pages through ContentSelector
// with the hints a forum page gets.
#include <gtest/gtest.h>

#include <string>

#include "extract/content.h"
#include "extract/render.h"
#include "html/parser.h"

namespace pith {
namespace {

struct Selected {
  std::string text;
};

Selected select_text(const std::string& html, const SelectionHints& hints) {
  auto parser = make_parser(ParserKind::kHtml5);
  Document doc;
  EXPECT_TRUE(parser->parse(html, {}, doc).ok());
  ContentSelector selector;
  ContentSelection sel;
  Options options;
  selector.select(doc, options, sel, hints);
  Selected out;
  if (sel.main != kNoNode) render(doc, sel, sel.main, RenderMode::kText, options, out.text);
  return out;
}

// A thread of three posts built alike; the replies carry their posters' profile links and
// badges, so the first post outweighs each of them and the selection ends inside it.
std::string thread() {
  std::string posts;
  const char* bodies[] = {
      "The upgrade to version 4 fails on my server with a permission error in the cache folder, although "
      "the folder belongs to the web user and I cleared it twice before running the installer again.",
      "Check that the cache folder is not mounted read-only.",
      "That was it, thanks."};
  const char* users[] = {"alice", "bob", "carol"};
  for (int i = 0; i < 3; ++i) {
    posts += "<li class=\"post" + std::string(i == 0 ? " post-first" : "") + "\" id=\"post-" + std::to_string(100 + i) +
             "\"><div class=\"post-side\"><a href=\"/u/" + users[i] + "\">" + users[i] +
             "</a> <a href=\"/badges\">Member</a> <a href=\"/u/" + users[i] + "/posts\">120 posts</a></div>" +
             "<div class=\"post-body\"><p>" + bodies[i] + "</p></div></li>";
  }
  return "<html><body><nav><a href=\"/\">Home</a> <a href=\"/forum\">Forum</a></nav><div class=\"page\"><ul "
         "class=\"posts\">" +
         posts + "</ul></div><footer><a href=\"/about\">About</a></footer></body></html>";
}

TEST(ForumPosts, ThreadKeepsEveryPost) {
  SelectionHints forum;
  forum.widen_to_posts = true;
  Selected s = select_text(thread(), forum);
  EXPECT_NE(s.text.find("The upgrade to version 4"), std::string::npos) << s.text;
  EXPECT_NE(s.text.find("mounted read-only"), std::string::npos) << s.text;
  EXPECT_NE(s.text.find("That was it"), std::string::npos) << s.text;
  EXPECT_EQ(s.text.find("About"), std::string::npos) << s.text;
  // Without the hint (an article), the first post alone is the content.
  Selected a = select_text(thread(), {});
  EXPECT_EQ(a.text.find("mounted read-only"), std::string::npos) << a.text;
}

TEST(ForumPosts, LayoutColumnsAreNoThread) {
  // Two columns share a class, but the one beside the content is a list of links.
  std::string html =
      "<html><body><div class=\"col\"><p>The upgrade to version 4 fails on my server with a permission error in "
      "the cache folder, although the folder belongs to the web user.</p></div><div class=\"col\"><a href=\"/a\">"
      "Latest topics here</a> <a href=\"/b\">Popular topics here</a> <a href=\"/c\">Unanswered topics</a></div>"
      "</body></html>";
  SelectionHints forum;
  forum.widen_to_posts = true;
  Selected s = select_text(html, forum);
  EXPECT_EQ(s.text.find("Latest topics"), std::string::npos) << s.text;
}

}  // namespace
}  // namespace pith
