// Drop rules that would remove the article yield (content.cpp kYieldProseShare): a chrome rule
// on an element holding most of the page's prose spares it, and --explain names the rule.
#include <gtest/gtest.h>

#include "pages.h"
#include "pith/extract.h"

namespace pith {
namespace {

using testing::kProse;
using testing::page;

// Link lists long enough that the article holds well under half of the page's text.
std::string link_list(std::string_view tag, int n) {
  std::string s = "<" + std::string(tag) + "><ul>";
  for (int i = 0; i < n; ++i)
    s += "<li><a href=\"/section/" + std::to_string(i) + "\">Section number " + std::to_string(i) +
         " of the site's long menu</a></li>";
  return s + "</ul></" + std::string(tag) + ">";
}

const std::string kArticle =
    "<h1>Storms in the valley</h1>" + kProse +
    "<p>The weather service expects more rain at the weekend, and the council has opened two shelters "
    "for families whose homes were flooded. Volunteers brought sandbags to the lower streets.</p>";

Extraction run_explained(const std::string& html) {
  Extractor ex(Options{.explain = true});
  auto r = ex.extract(html);
  EXPECT_TRUE(r.ok());
  return r.ok() ? *r : Extraction{};
}

// An ASP.NET-style page: one <form> wraps the article; menus and footer outweigh it in text.
TEST(Yield, FormWrappingTheArticleYields) {
  Extraction e = run_explained(page("<title>Storms</title>", link_list("nav", 40) +
                                                                 "<form id=\"aspnetForm\"><div class=\"story\">" +
                                                                 kArticle + "</div></form>" + link_list("footer", 40)));
  EXPECT_NE(e.text.find("Storms moved across the valley"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("Volunteers brought sandbags"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("long menu"), std::string::npos) << e.text;
  bool named = false;
  for (const auto& y : e.yielded) named = named || (y.rule == "tag:form" && y.element == "form#aspnetForm");
  EXPECT_TRUE(named);
}

// A class rule (an ad-like "promo") on the element that holds the article yields too (one
// without an <h1>, which alone spares an element from class rules); the sidebar beside it,
// which holds little, still goes.
TEST(Yield, ClassRuleOnTheArticleYields) {
  std::string article = kArticle;
  article.replace(article.find("<h1>"), 4, "<h2>");
  article.replace(article.find("</h1>"), 5, "</h2>");
  Extraction e = run_explained(page(
      "<title>Storms</title>", link_list("nav", 40) + "<div class=\"promo-layout\"><div class=\"entry\">" +
                                   article + "</div></div><div class=\"sidebar\"><p>Ads and offers: subscribe "
                                              "today for only one euro a month.</p></div>" +
                                   link_list("footer", 40)));
  EXPECT_NE(e.text.find("Storms moved across the valley"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("one euro"), std::string::npos) << e.text;
  EXPECT_FALSE(e.yielded.empty());
}

// A sidebar holding the page's prose beside a thin column of content does not yield.
TEST(Yield, SidebarsDoNotYield) {
  std::string feed = "<div class=\"sidebar\">";
  for (int i = 0; i < 3; ++i) feed += "<div class=\"activity\">" + kProse + "</div>";
  feed += "</div>";
  Extraction e = run_explained(page("<title>Thread</title>", link_list("nav", 40) +
                                                                "<div class=\"thread\"><h1>Thread</h1><p>Is the river "
                                                                "open to boats again after the storm?</p><p>Not yet, "
                                                                "the council says to try again next week.</p></div>" +
                                                                feed));
  EXPECT_EQ(e.text.find("Officials warned drivers"), std::string::npos) << e.text;
}

// A comment section never yields for its prose, however much it holds: it is the page's comments.
TEST(Yield, CommentsDoNotYield) {
  std::string comments = "<div class=\"comments\">";
  for (int i = 0; i < 4; ++i) comments += "<div class=\"comment\">" + kProse + "</div>";
  comments += "</div>";
  Extraction e = run_explained(
      page("<title>Storms</title>", link_list("nav", 40) +
           "<article><h1>Storms</h1><p>Rain fell all day on the valley, and the river rose by half a metre.</p>"
           "<p>Schools stayed closed.</p></article>" + comments));
  EXPECT_EQ(e.text.find("Officials warned drivers"), std::string::npos) << e.text;
}

}  // namespace
}  // namespace pith
