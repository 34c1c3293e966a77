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

// A <footer> of footnotes longer than the page's <main> (a product tour whose every claim has
// its fine print below) is still the footer: the page marked its content with <main>. Without
// a <main>, the same footer holding most of the page and the page's <h1> yields, as a page in a
// <footer> does.
TEST(Yield, FooterBesideMainDoesNotYield) {
  const std::string main_part =
      "<main><h1>Trail Pack 25</h1><p>A light pack for long days on the trail, with a frame that carries "
      "the weight on your hips and pockets you can reach while walking. The fabric is recycled nylon.</p>"
      "<p>The back panel keeps air moving, and the rain cover folds into its own pocket at the base, so "
      "that a wet afternoon does not soak the spare clothes inside it.</p><p>Two side pockets hold a bottle "
      "each, and the lid opens wide enough to pack a jacket without taking everything else out.</p><p>The "
      "straps come in two lengths, and the hip belt can be taken off for short walks in town or on the "
      "bus, where a lighter pack is easier to carry.</p></main>";
  std::string notes = "<footer><ol>";
  for (int i = 1; i <= 6; ++i)
    notes += "<li>Testing conducted in the spring on preproduction packs of size " + std::to_string(i) +
             " loaded with ten kilograms; results vary with load, fit and weather, and actual results may "
             "differ from these figures.</li>";
  notes += "</ol></footer>";
  Extraction e = run_explained(page("<title>Trail Pack 25</title>", main_part + notes));
  EXPECT_NE(e.text.find("A light pack for long days"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("preproduction packs"), std::string::npos) << e.text;

  std::string no_main = main_part;
  no_main.replace(no_main.find("<main>"), 6, "<div>");
  no_main.replace(no_main.find("</main>"), 7, "</div>");
  no_main.replace(no_main.find("<h1>Trail Pack 25</h1>"), 22, "");
  std::string headed_notes = notes;
  headed_notes.insert(headed_notes.find("<ol>"), "<h1>Trail Pack 25</h1>");
  Extraction f = run_explained(page("<title>Trail Pack 25</title>", no_main + headed_notes));
  EXPECT_NE(f.text.find("preproduction packs"), std::string::npos) << f.text;
}

// role="main" marks the content as <main> does (markup older than <main>, or a shop's app root
// drawn in a <div>): a <footer role="contentinfo"> of fine print longer than it is still the
// footer.
TEST(Yield, FooterBesideRoleMainDoesNotYield) {
  const std::string main_part =
      "<div role=\"main\"><h1>Trail Pack 25</h1><p>A light pack for long days on the trail, with a frame "
      "that carries the weight on your hips and pockets you can reach while walking. The fabric is recycled "
      "nylon.</p><p>The back panel keeps air moving, and the rain cover folds into its own pocket at the "
      "base, so that a wet afternoon does not soak the spare clothes inside it.</p><p>Two side pockets hold "
      "a bottle each, and the lid opens wide enough to pack a jacket without taking everything else "
      "out.</p><p>The straps come in two lengths, and the hip belt can be taken off for short walks in town "
      "or on the bus, where a lighter pack is easier to carry.</p></div>";
  std::string notes = "<footer role=\"contentinfo\"><div class=\"fine-print\">";
  for (int i = 1; i <= 6; ++i)
    notes += "<p>Testing conducted in the spring on preproduction packs of size " + std::to_string(i) +
             " loaded with ten kilograms; results vary with load, fit and weather, and actual results may "
             "differ from these figures.</p>";
  notes += "</div></footer>";
  Extraction e = run_explained(page("<title>Trail Pack 25</title>", main_part + notes));
  EXPECT_NE(e.text.find("A light pack for long days"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("preproduction packs"), std::string::npos) << e.text;
}

// A page's own <footer> listing the places a business serves, in words without links, can hold
// more text than the page. The page's <h1> is outside it: the footer closes the page and does
// not yield. A <footer> inside an <article> is the article's (a transcript below a video) and
// still yields when it holds most of the page.
TEST(Yield, PageFooterWithoutTheHeadingDoesNotYield) {
  const std::string intro =
      "<h1>Rowing Machine Rentals</h1><p>Rent a rowing machine, a treadmill or a spin bike for your event "
      "and we deliver it the day before, set it up and take it away when you are done with it.</p>"
      "<p>Every machine is cleaned and checked between rentals, and our drivers call an hour before they "
      "arrive so that someone is there to show them where the equipment goes.</p>";
  std::string places = "<footer><div class=\"areas\"><h3>Areas we serve</h3>";
  for (int i = 0; i < 60; ++i)
    places += "<div>Springfield Heights " + std::to_string(90001 + i) + "</div>";
  places += "</div></footer>";
  Extraction e = run_explained(page("<title>Rowing Machine Rentals</title>", "<div>" + intro + "</div>" + places));
  EXPECT_NE(e.text.find("Rent a rowing machine"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Springfield Heights"), std::string::npos) << e.text;

  std::string transcript = "<footer><h3>Transcript</h3>";
  for (int i = 0; i < 3; ++i)
    transcript += "<p>Well, the first time I took the dog to the park he ran straight to the water, and "
                  "I had to wade in after him while everyone watched and laughed at the two of us.</p>";
  transcript += "</footer>";
  Extraction f = run_explained(page(
      "<title>A Dog and His Owner</title>",
      "<div><article><header><h1>A Dog and His Owner</h1></header><div><p>A short video about a dog and "
      "the veteran who owns him, filmed over a summer in a small town by the lake, with the two of them at "
      "home and at work.</p><p>The clinic that trained the dog says it has placed forty dogs with veterans "
      "this year.</p></div>" +
          transcript + "</article><aside><p>More stories</p></aside></div><footer><p>Copyright the site.</p></footer>"));
  EXPECT_NE(f.text.find("wade in after him"), std::string::npos) << f.text;
}

// A shop's mega menu in a <nav> can hold more than half of a category page's text. The page's
// <h1> is outside it, so the menu does not yield: with it gone, the product grid under the <h1>
// is the content, not the description alone.
TEST(Yield, NavigationWithoutTheHeadingDoesNotYield) {
  std::string grid = "<div class=\"grid\">";
  for (int i = 0; i < 12; ++i) {
    const std::string n = std::to_string(i);
    grid += "<div class=\"thumb\"><a href=\"/p/" + n + "\"><img src=\"/i/" + n + ".jpg\"></a><a href=\"/p/" + n +
            "\">Glazed pot number " + n + "</a><span class=\"price\">$" + std::to_string(10 + i) + ".99</span></div>";
  }
  grid += "</div>";
  const std::string content =
      "<section><div class=\"info\"><h1>Indoor Pottery</h1><div class=\"description\"><p>Glazed pots for "
      "houseplants in three sizes, each with a drainage hole and a saucer, fired in a small workshop and "
      "packed by hand before they are sent out.</p></div></div>" +
      grid + "</section>";
  Extraction e = run_explained(
      page("<title>Indoor Pottery</title>", "<header class=\"site-header\">" + link_list("nav", 60) + "</header>" + content));
  EXPECT_NE(e.text.find("Glazed pot number 7"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("long menu"), std::string::npos) << e.text;
}

}  // namespace
}  // namespace pith
