// Pages with no main content (src/extract/no_content.h): error pages, empty searches and login
// walls give an empty text and a named warning; short real pages keep their text.
#include <gtest/gtest.h>

#include <algorithm>

#include "pages.h"
#include "pith/extract.h"

namespace pith {
namespace {

using testing::kProse;
using testing::page;

const std::string kChrome =
    "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/about\">About</a></nav>";
const std::string kFooter = "<footer><p>Copyright 2024 Example Media. All rights reserved.</p></footer>";

Extraction run(const std::string& html, PageInfo info = {}) {
  Extractor ex;
  auto r = ex.extract(html, info);
  EXPECT_TRUE(r.ok());
  return r.ok() ? *r : Extraction{};
}

std::string warning_of(const Extraction& e) {
  for (const auto& w : e.warnings)
    if (w.starts_with(kNoMainContentWarning)) return w.substr(kNoMainContentWarning.size());
  return {};
}

TEST(NoContent, ErrorPagesInSeveralLanguagesAreEmpty) {
  struct Case {
    std::string title, body, lang;
  } cases[] = {
      {"Page not found | Example News",
       "<main><h1>Oops! That page can&rsquo;t be found.</h1><p>It looks like nothing was found at this "
       "location. Maybe try one of the links below or a search?</p></main>", "en"},
      {"404 | Example", "<div class=\"content\"><p>The link you followed may be broken, or the page may have "
                        "been removed.</p><p><a href=\"/\">Go back home</a></p></div>", "en"},
      {"Example Zeitung", "<main><h1>Seite nicht gefunden</h1><p>Die angeforderte Seite existiert leider nicht "
                          "(mehr). Nutzen Sie unsere Suche.</p></main>", "de"},
      {"Page introuvable - Le Journal", "<main><p>Nous sommes désolés, la page que vous cherchez n'existe "
                                        "pas ou a été déplacée.</p></main>", "fr"},
      {"Страница не найдена", "<main><p>Возможно, она была удалена или вы ошиблись адресом. Вернитесь на "
                              "главную страницу сайта.</p></main>", "ru"},
      {"新闻网", "<div class=\"err\"><h1>抱歉，您访问的页面不存在</h1><p>请检查网址是否正确，或返回首页。</p></div>", "zh"},
      {"Access Denied", "<h1>Access Denied</h1><p>You don't have permission to access this page on this "
                        "server. Reference #18.6f2c1002.1717000000.1a2b3c</p>", "en"},
      {"Example Daily", "<article><p>Sorry, this content is no longer available. It may have been removed by "
                        "its author, or its link may have expired.</p></article>", "en"},
  };
  for (const auto& c : cases) {
    Extraction e = run(page("<title>" + c.title + "</title>", kChrome + c.body + kFooter, c.lang));
    EXPECT_EQ(e.text, "") << c.title;
    EXPECT_EQ(warning_of(e), "error_page") << c.title;
    EXPECT_FALSE(e.title.empty()) << c.title;  // the metadata is kept
  }
}

// A short article whose title or text names an error, a removal or a login is content.
TEST(NoContent, ShortArticlesAboutErrorsKeepTheirText) {
  const std::string article =
      "<article><h1>How to fix a 404 page not found error on your blog</h1>" + kProse + kProse + kProse + kProse +
      "<p>When a page not found error appears, first check the address for typos, then the server's "
      "redirect rules, and at last the links that point to the missing page.</p></article>";
  Extraction e = run(page("<title>How to fix a 404 page not found error</title>", kChrome + article + kFooter));
  EXPECT_NE(e.text.find("Storms moved"), std::string::npos) << e.text;
  EXPECT_EQ(warning_of(e), "");

  // Short news under a title with "no longer" and "login": neither is a notice of the page.
  Extraction news = run(page("<title>Bank says its old login page is no longer safe to use</title>",
                             kChrome + "<article><h1>Bank says its old login page is no longer safe</h1>" +
                                 kProse + "</article>" + kFooter));
  EXPECT_NE(news.text.find("Storms moved"), std::string::npos) << news.text;
  EXPECT_EQ(warning_of(news), "");
}

TEST(NoContent, HttpErrorStatusIsNoContent) {
  const std::string html = page("<title>Storms</title>", "<article>" + kProse + "</article>");
  Extraction e = run(html, PageInfo{.http_status = 404});
  EXPECT_EQ(e.text, "");
  EXPECT_EQ(warning_of(e), "http_status");
  Extraction ok = run(html, PageInfo{.http_status = 200});
  EXPECT_NE(ok.text, "");
  EXPECT_EQ(warning_of(ok), "");
}

TEST(NoContent, EmptySearchResultsAreEmpty) {
  Extraction e = run(page("<title>Search results for “qwzx” – Example</title>",
                          kChrome + "<main><h1>Search results</h1><p>No results found for “qwzx”. Try "
                                    "different keywords.</p></main>" + kFooter),
                     PageInfo{.url = "https://example.com/?s=qwzx"});
  EXPECT_EQ(e.text, "");
  EXPECT_EQ(warning_of(e), "no_results");
  // The same notice on a page that is no search (a shop's empty category) is left alone.
  Extraction shop = run(page("<title>Garden tools</title>",
                             kChrome + "<main><h1>Garden tools</h1><p>No products found in this category yet. "
                                       "New tools arrive every spring.</p></main>" + kFooter),
                        PageInfo{.url = "https://example.com/garden-tools"});
  EXPECT_NE(shop.text, "");
}

TEST(NoContent, LoginWallIsEmpty) {
  Extraction e = run(page("<title>Sign in | Example</title>",
                          kChrome + "<main><h2>Welcome back</h2><p>Members can read every story.</p>"
                                    "<form><input name=\"user\"><input type=\"password\" name=\"pw\">"
                                    "<button>Sign in</button></form><p>Forgot your password?</p></main>" + kFooter));
  EXPECT_EQ(e.text, "");
  EXPECT_EQ(warning_of(e), "login_wall");
  // A page with a password field in its header but an article of its own is content.
  Extraction a = run(page("<title>Storms in the valley | Example</title>",
                          "<header><form><input type=\"password\"></form></header><article><h1>Storms</h1>" +
                              kProse + "</article>"));
  EXPECT_NE(a.text.find("Storms moved"), std::string::npos);
  EXPECT_EQ(warning_of(a), "");
}

}  // namespace
}  // namespace pith
