// pith clean's page-level rules (src/text/clean.cpp), one small page each. Every test fails
// with its rule switched off.
#include <gtest/gtest.h>

#include <string>

#include "pith/clean.h"
#include "clean_support.h"

namespace pith {
namespace {

TEST(CleanRules, PageRatingWidgetIsFeedbackAndEndsTheArticle) {
  Cleaner cleaner;
  auto r = cleaner.clean(paras(0, 4) + "Was this page helpful?\nYes No\nTerms of service\nSitemap\n");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(reason_of(*r, "Was this page helpful?"), "feedback");
  EXPECT_EQ(reason_of(*r, "Yes No"), "feedback");
  EXPECT_TRUE(kept(*r, "A final vote"));
}

TEST(CleanRules, AnswerFormOfQaSoftwareIsACommentForm) {
  Cleaner cleaner;
  auto r = cleaner.clean(paras(0, 4) +
                         "Your Answer\nThanks for contributing an answer to Example Stack Exchange!\n"
                         "Please be sure to answer the question. Provide details and share your research!\n"
                         "Draft saved\nPost as a guest\nRequired, but never shown\n");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(reason_of(*r, "Your Answer"), "comment_form");
  EXPECT_EQ(reason_of(*r, "Thanks for contributing"), "comment_form");
  EXPECT_EQ(reason_of(*r, "Please be sure to answer"), "comment_form");
  EXPECT_EQ(reason_of(*r, "Required, but never shown"), "comment_form");
}

TEST(CleanRules, CommentCountsOfAListingsRecordsDoNotEndIt) {
  // A blog's front page: an introduction, then teasers, each with a date, a title, a summary,
  // an author and a comment count. The counts repeat with the records: they are fields, not
  // the start of a comment section that would end the page's text at the first teaser.
  std::string page = "Blog\nPodcast\nNewsletter\n" + paras(0, 2) +
                     "Topics\nAI\nSecurity\nCareers\nOpen source\nEvents\nLatest posts from the team\n";
  const char* titles[] = {"Making tools that people actually use", "A sneak peek at the redesigned site",
                          "Defense against uploads with a file scanner", "Closing the trust gap for developers"};
  for (size_t i = 0; i < std::size(titles); ++i) {
    page += "March " + std::to_string(i + 2) + ", 2026\n";
    page += std::string(titles[i]) + "\n";
    page += std::string(kPara[i + 2]) + "\n";
    page += "Jane Writer\n";
    page += std::to_string(i * 4) + " comments\n";
    page += "engineering\n";
  }
  page += "Privacy Policy\nTerms of Use\n";
  Cleaner cleaner;
  auto r = cleaner.clean(page);
  ASSERT_TRUE(r.ok());
  for (const char* p : kPara) EXPECT_TRUE(kept(*r, p)) << p << "\n" << r->text;
  EXPECT_EQ(reason_of(*r, "8 comments"), "comments");
}

TEST(CleanRules, ADateLineIsNoHeadline) {
  // Teasers only, each opened by its date: the dates are fields of the records, and the line
  // before the first paragraph is no headline when it is a date.
  std::string page = "Blog\n";
  for (size_t i = 0; i < 6; ++i)
    page += "March " + std::to_string(i + 2) + ", 2026\nPost number " + std::string(1, static_cast<char>('A' + i)) +
            " of the season\n" + kPara[i] + "\nJane Writer\nengineering\n";
  Cleaner cleaner;
  auto r = cleaner.clean(page);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->title.find("2026"), std::string::npos) << r->title;
}

// A forum thread: each post is its poster's name, rank and post count, then the post.
std::string thread_page() {
  std::string page = "Forums\nNew posts\n";
  const char* posters[] = {"gardenfan42", "OldOakTree", "rosie_b"};
  const char* ranks[] = {"Senior Member", "Junior Member", "Moderator"};
  for (size_t i = 0; i < 3; ++i) {
    page += std::string(posters[i]) + "\n" + ranks[i] + "\n" + std::to_string(100 * (i + 1)) + " posts\n";
    page += std::string(kPara[2 * i]) + "\n" + kPara[2 * i + 1] + "\n";
  }
  return page + "Privacy Policy\n";
}

TEST(CleanRules, PostHeadersOfADiscussionPageGo) {
  Cleaner cleaner;
  auto thread = cleaner.clean(thread_page(), "https://forum.example.org/threads/library-hours.1234/");
  ASSERT_TRUE(thread.ok());
  for (const char* p : kPara) EXPECT_TRUE(kept(*thread, p)) << p;
  EXPECT_EQ(reason_of(*thread, "Junior Member"), "byline");
  EXPECT_EQ(reason_of(*thread, "Moderator"), "byline");
  // The same text on a page that is no discussion keeps those lines inside the article.
  auto article = cleaner.clean(thread_page(), "https://news.example.org/2026/03/library-hours");
  ASSERT_TRUE(article.ok());
  EXPECT_TRUE(kept(*article, "Junior Member")) << article->text;
}

TEST(CleanRules, TopicNamesAThreadOnlyWithItsNumber) {
  Cleaner cleaner;
  auto thread = cleaner.clean(thread_page(), "https://forum.example.org/topic/188682-library-hours/");
  auto section = cleaner.clean(thread_page(), "https://www.example.com/topic/libraries/");
  ASSERT_TRUE(thread.ok() && section.ok());
  EXPECT_EQ(reason_of(*thread, "Junior Member"), "byline");
  EXPECT_EQ(reason_of(*section, "Junior Member"), "kept");
}

TEST(CleanRules, TheArticleStartsAtTheLineThatNamesThePage) {
  // Teasers above the headline that read as sentences, in the same run as the article: they
  // go; the headline (the words of the URL path) is the title.
  std::string page = "Home\nServices\nSee our guide to spring events.\nThe new cafe opens in May.\n"
                     "Library Opening Hours Extended\n" +
                     paras(0, 4) + "Privacy Policy\n";
  Cleaner cleaner;
  auto r = cleaner.clean(page, "https://news.example.org/2026/03/library-opening-hours-extended");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->title, "Library Opening Hours Extended");
  EXPECT_TRUE(r->text.starts_with(kPara[0])) << r->text;
  EXPECT_FALSE(kept(*r, "The new cafe")) << r->text;
}

TEST(CleanRules, ANewsletterBoxInTheMiddleDoesNotEndTheArticle) {
  // Two paragraphs, a newsletter box, six more: one article. (Were the box's fields the start
  // of a comment section, the two paragraphs above it would be too light to join the rest.)
  auto two = [](size_t i, size_t j) { return std::string(kPara[i]) + " " + kPara[j] + "\n"; };
  std::string page = "Backpacking essentials\n" + two(0, 2) + two(1, 3) + "Join my newsletter!\nName*\nEmail*\n";
  for (size_t i = 0; i < 6; ++i) page += two(i, (i + 1) % 6);
  page += "Privacy Policy\n";
  Cleaner cleaner;
  auto r = cleaner.clean(page);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(kept(*r, two(0, 2).substr(0, 200))) << r->text;
  EXPECT_TRUE(kept(*r, two(5, 0).substr(0, 200))) << r->text;
  EXPECT_EQ(reason_of(*r, "Name*"), "comment_form");
}

TEST(CleanRules, AContactFormAfterTheArticleStillEndsIt) {
  // What follows the form (a disclaimer in the footer) is not a second part of the article.
  Cleaner cleaner;
  auto r = cleaner.clean(paras(0, 3) + "Request a quote\nFirst Name*\nEmail*\nCompany*\nPhone*\nSubmit\n" +
                         paras(3, 5) + "Copyright 2026 Example Inc.\n");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(kept(*r, kPara[0]));
  EXPECT_FALSE(kept(*r, kPara[3])) << r->text;
}

TEST(CleanRules, TheSmallPrintUnderTheCopyrightNoticeIsNoPartOfTheArticle) {
  const std::string small_print =
      "Some policies are underwritten by the Example Casualty Insurance Company and its affiliates, and the "
      "terms of each policy decide what it covers in the state where you live, which may differ from what this "
      "page describes for the plans that are sold in most of the other states.\n"
      "Prices vary based on how you buy, and the savings that are shown on this page are an average of what new "
      "customers who switched to one of the plans told us they saved in the first year after they had made the "
      "change.\n";
  Cleaner cleaner;
  auto r = cleaner.clean(paras(0, 6) + "About us\nCareers\nPress\n\xC2\xA9 2026 Example Inc. All rights reserved.\n" +
                         small_print);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(kept(*r, kPara[5]));
  EXPECT_FALSE(kept(*r, "Some policies are underwritten")) << r->text;
  // Without the notice the same paragraph joins the article as a part of it.
  auto no_notice = cleaner.clean(paras(0, 6) + "About us\nCareers\nPress\n" + small_print);
  ASSERT_TRUE(no_notice.ok());
  EXPECT_TRUE(kept(*no_notice, "Some policies are underwritten")) << no_notice->text;
}

TEST(CleanRules, TheAuthorsBoxUnderTheArticleGoes) {
  const std::string bio =
      "Jane Writer has covered local government for the Example Gazette since 2015, and before that she "
      "reported on schools and transport for a weekly paper in the north of the county.\n"
      "She lives in the old town with her two children and a dog, and when she is not at a council meeting she "
      "can be found on the river, where she has rowed for the town's club for more than twenty years now.\n";
  Cleaner cleaner;
  auto below = cleaner.clean("Home\n" + paras(0, 4) + "About the author\n" + bio + "Privacy Policy\n");
  ASSERT_TRUE(below.ok());
  EXPECT_EQ(reason_of(*below, "About the author"), "author_bio");
  EXPECT_FALSE(kept(*below, "Jane Writer has covered")) << below->text;
  EXPECT_TRUE(kept(*below, kPara[3]));
  // Printed above the article, it does not end it.
  auto above = cleaner.clean("Home\nAbout the author\nJane Writer\n" + paras(0, 4) + "Privacy Policy\n");
  ASSERT_TRUE(above.ok());
  for (size_t i = 0; i < 4; ++i) EXPECT_TRUE(kept(*above, kPara[i])) << above->text;
}

TEST(CleanRules, NumberedSectionHeadingsInARowAreATableOfContents) {
  // A table of contents between the introduction and the sections: it goes, the numbered
  // heading of a section in the text stays.
  std::string page = paras(0, 2) + "Contents\n1.1 Two basic rules\n1.2 The failure of probability theory\n"
                     "1.3 The double-slit experiment\n1.4 Superpositions\n1.5 Interferometers\n";
  page += "2.1 Opening hours\n" + paras(2, 4) + "2.2 Costs\n" + paras(4, 6);
  Cleaner cleaner;
  auto r = cleaner.clean(page);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(reason_of(*r, "1.3 The double-slit"), "navigation");
  EXPECT_FALSE(kept(*r, "1.4 Superpositions")) << r->text;
  EXPECT_TRUE(kept(*r, "2.2 Costs")) << r->text;
  for (const char* p : kPara) EXPECT_TRUE(kept(*r, p)) << p;
}

TEST(CleanRules, InvisibleLinesAreBlankLines) {
  // Some page builders put a zero-width joiner between paragraphs: blank lines, not chrome that
  // breaks the article into pieces.
  const std::string zwj = "\xE2\x80\x8D\n", nbsp = "\xC2\xA0\xE2\x80\x8B\n";
  std::string page = "Home\nNews\n";
  for (size_t i = 0; i < 6; ++i) page += std::string(kPara[i]) + "\n" + (i % 2 ? zwj : nbsp);
  Cleaner cleaner;
  auto r = cleaner.clean(page);
  ASSERT_TRUE(r.ok());
  for (const char* p : kPara) EXPECT_TRUE(kept(*r, p)) << p;
  for (const auto& d : r->dropped) EXPECT_NE(d.reason, "no_letters") << d.line;
  EXPECT_EQ(r->text.find("\xE2\x80\x8D"), std::string::npos);
}

TEST(CleanRules, FiguresInsideTheArticleAreTableCells) {
  std::string page = "9.9 C\nHome\n" + paras(0, 3) + "Cost per credit hour\nPublic, in-state\n$337\n$516\n" +
                     "Bachelor's degree\n$40,536\n$63,185\n" + paras(3, 6) + "Privacy Policy\n";
  Cleaner cleaner;
  auto r = cleaner.clean(page);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(kept(*r, "$337\n$516")) << r->text;
  EXPECT_TRUE(kept(*r, "$63,185")) << r->text;
  EXPECT_EQ(reason_of(*r, "9.9 C"), "widget");  // before the article: a weather widget
  for (const char* p : kPara) EXPECT_TRUE(kept(*r, p)) << p;
}

}  // namespace
}  // namespace pith
