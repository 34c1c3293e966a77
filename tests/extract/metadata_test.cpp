// Metadata on small pages, through the public Extractor: each case is a page and the fields
// it must give (an empty expectation is not checked).
#include <gtest/gtest.h>

#include "pages.h"
#include "pith/extract.h"

namespace pith {
namespace {

struct MetaCase {
  std::string_view name{};
  std::string html{};
  std::string_view url{};  // PageInfo::url
  std::string_view title{}, author{}, author_source{}, date{}, date_source{}, modified{}, sitename{}, lang{},
      page_url{};
};

using testing::kProse;

std::string page(std::string_view head, std::string_view body) { return testing::page(head, body, "en-US"); }

std::vector<MetaCase> cases() {
  return {
      {.name = "json-ld article with a site suffix in <title>",
       .html = page(R"(<title>Storms Reach the Valley | Daily Planet</title>
          <meta property="og:site_name" content="Daily Planet">
          <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
            "headline":"Storms Reach the Valley","datePublished":"2023-03-21T08:00:00Z","dateModified":"2023-03-22",
            "author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chen"}],
            "publisher":{"@type":"Organization","name":"Daily Planet"}}</script>)",
                    "<article><h1>Storms Reach the Valley</h1>" + kProse + "</article>"),
       .title = "Storms Reach the Valley",
       .author = "Ann Lee, Bo Chen",
       .author_source = "json-ld",
       .date = "2023-03-21",
       .date_source = "json-ld",
       .modified = "2023-03-22",
       .sitename = "Daily Planet",
       .lang = "en"},
      {.name = "a product named after the site heads the <title>",
       .html = page(R"(<title>Skyward Lines | Strong line for every kite</title>
          <meta property="og:site_name" content="Skyward">
          <meta property="og:title" content="Skyward Lines | Strong line for every kite">)",
                    "<main><h1>Lines</h1>" + kProse + "</main>"),
       .title = "Skyward Lines"},
      {.name = "an h1 ending in a colon introduces what follows, it is not the headline",
       .html = page("<title>The Kite Knot (Ann Lee)</title>",
                    "<main><h1>Ann Lee's Knots and Lines:</h1><h1>The Kite Knot</h1>" + kProse + "</main>"),
       .title = "The Kite Knot"},
      {.name = "an h1 that opens with a trail of links ends in the page's own name",
       .html = page("<title>Best line for stunt kites - Kite Club Forums</title>",
                    "<main><h1><a href=\"/\">Kite Club</a> \xE2\x80\xBA <a href=\"/forums\">Forums</a> <i "
                    "class=\"icon-angle\"></i> <a href=\"/forums/stunt\">Stunt kites</a> \xE2\x80\xBA Best line "
                    "for stunt kites</h1>" +
                        kProse + "</main>"),
       .title = "Best line for stunt kites"},
      {.name = "the site's name with a word before the headline that the h1 shows",
       .html = page(R"(<title>Planet News - Storms reach the valley</title>
          <link rel="canonical" href="https://www.planet.example/valley/storms">)",
                    "<main><h1>Storms reach the valley</h1>" + kProse + "</main>"),
       .title = "Storms reach the valley"},
      {.name = "the host written as a name is the site, not the author",
       .html = page(R"(<title>Storms reach the valley</title><meta name="author" content="Kiteweekly.example">
          <link rel="canonical" href="https://www.kiteweekly.example/valley/storms">)",
                    "<main><h1>Storms reach the valley</h1><p class=\"byline\">By Ann Lee</p>" + kProse + "</main>"),
       .author = "Ann Lee"},
      {.name = "a heading inside the h1 after its text is the deck, not the headline",
       .html = page("",
                    "<main><h1><div><p>Tax basics for kite shops</p><h4>A guide to the taxes a kite shop pays and "
                    "when</h4></div></h1>" +
                        kProse + "</main>"),
       .title = "Tax basics for kite shops"},
      {.name = "meta tags only",
       .html = page(R"(<title>Rain at last - The Valley Times</title>
          <meta name="author" content="By Carla Diaz">
          <meta property="article:published_time" content="2022-07-01T09:00:00+02:00">
          <meta property="og:title" content="Rain at last">
          <link rel="canonical" href="https://valley.example/news/rain-at-last">)",
                    "<main><h1>Rain at last</h1>" + kProse + "</main>"),
       .title = "Rain at last",
       .author = "Carla Diaz",
       .author_source = "meta",
       .date = "2022-07-01",
       .date_source = "meta",
       .page_url = "https://valley.example/news/rain-at-last"},
      {.name = "byline and <time> under the headline",
       .html = page("<title>Farmers count the cost - Farm Weekly</title>",
                    "<article><h1>Farmers count the cost</h1><div class=\"byline\">By <a href=\"/author/dan-ek\">Dan "
                    "Ek</a> <time datetime=\"2021-05-04T10:00\">May 4, 2021</time></div>" +
                        kProse + "</article>"),
       .title = "Farmers count the cost",
       .author = "Dan Ek",
       .author_source = "byline",
       .date = "2021-05-04",
       .date_source = "time"},
      {.name = "a printed date wins over a re-stamped structured one",
       .html = page(R"(<title>Old news | Site</title>
          <meta property="article:published_time" content="2025-01-01T00:00:00Z">)",
                    "<article><h1>Old news</h1><p class=\"meta\">March 3, 2019</p>" + kProse + "</article>"),
       .date = "2019-03-03",
       .date_source = "byline"},
      {.name = "an updated date does not replace the structured publication date",
       .html = page(R"(<title>Guide | Site</title>
          <meta property="article:published_time" content="2020-02-02T00:00:00Z">)",
                    "<article><h1>Guide</h1><p>Last updated: June 5, 2024</p>" + kProse + "</article>"),
       .date = "2020-02-02",
       .date_source = "meta",
       .modified = ""},
      {.name = "an evergreen guide showing only its update date is dated by it",
       .html = page(R"(<title>Kite Line Guide | Site</title>
          <script type="application/ld+json">{"@type":"Article","headline":"Kite Line Guide",
            "datePublished":"2019-04-02T10:00:00Z","dateModified":"2024-06-05T08:00:00Z"}</script>)",
                    "<article><h1>Kite Line Guide</h1><p>Last updated: June 5, 2024</p>" + kProse + "</article>"),
       .date = "2024-06-05",
       .date_source = "byline",
       .modified = "2024-06-05"},
      {.name = "so is one whose publication date is only schema.org microdata",
       .html = page(R"(<title>Reel Care | Site</title>)",
                    "<article itemscope itemtype=\"https://schema.org/Article\"><meta itemprop=\"datePublished\" "
                    "content=\"2018-01-09\"><h1>Reel Care</h1><p><span>Updated</span> <span>3 March 2023</span></p>" +
                        kProse + "</article>"),
       .date = "2023-03-03",
       .date_source = "byline"},
      {.name = "a news report showing only its update date keeps its published date",
       .html = page(R"(<title>Storm Closes Harbour | Site</title>
          <script type="application/ld+json">{"@type":"NewsArticle","headline":"Storm Closes Harbour",
            "datePublished":"2024-01-10T07:00:00Z"}</script>)",
                    "<article><h1>Storm Closes Harbour</h1><p>Updated January 11, 2024</p>" + kProse + "</article>"),
       .date = "2024-01-10",
       .date_source = "json-ld"},
      {.name = "date from the URL",
       .html = page("<title>Harvest report</title>", "<article><h1>Harvest report</h1>" + kProse + "</article>"),
       .url = "https://example.com/2020/09/14/harvest-report/",
       .date = "2020-09-14",
       .date_source = "url",
       .page_url = "https://example.com/2020/09/14/harvest-report/"},
      {.name = "a labelled date far below the headline",
       .html = page("<title>Notes</title>", "<article><h1>Notes</h1>" + kProse + kProse + kProse +
                                                "<footer><span>Posted on</span> <span>12 October 2018</span></footer>"
                                                "</article>"),
       .date = "2018-10-12",
       .date_source = "byline"},
      {.name = "joined dates of forum users are not the page's date",
       .html = page("<title>Which pump? - Garden Forum</title>",
                    "<div class=\"thread\"><h1>Which pump?</h1><div class=\"post\"><span class=\"username\">greenthumb"
                    "</span><span>Joined: Jan 5, 2015</span><span>Posted: Mar 9, 2023</span>" +
                        kProse + "</div></div>"),
       .title = "Which pump?",
       .date = "2023-03-09"},
      {.name = "microdata author and language from content-language",
       .html = "<html><head><title>Soil</title><meta http-equiv=\"content-language\" content=\"en-GB\"></head>"
               "<body><article><h1>Soil</h1><span itemprop=\"author\" itemscope><span itemprop=\"name\">Rui "
               "Costa</span></span>" +
               kProse + "</article></body></html>",
       .author = "Rui Costa",
       .author_source = "microdata",
       .lang = "en"},
      {.name = "organisation author gives way to a person in the byline",
       .html = page(R"(<title>Wells | Water Co</title>
          <script type="application/ld+json">{"@type":"Article","headline":"Wells",
            "author":{"@type":"Organization","name":"Water Co"}}</script>)",
                    "<article><h1>Wells</h1><p class=\"author-name\">By Eva Mann</p>" + kProse + "</article>"),
       .author = "Eva Mann",
       .author_source = "byline"},
      {.name = "controls and hidden tooltips in the h1 are not part of the title",
       .html = page("<title>Docs</title>",
                    "<main><h1>Module runtime <button>Copy item path</button><span hidden>Save this page to a "
                    "collection</span></h1>" + kProse + "</main>"),
       .title = "Module runtime"},
      {.name = "a <title> repeated by an h2 deep in the article: the date is the one by the h1",
       .html = page(R"(<title>How Mapping Works</title><meta property="og:title" content="How Mapping Works">)",
                    "<main><h1>How Robots Find Their Way</h1><h5><span>2024-11-06</span></h5>" + kProse +
                        kProse + kProse + kProse + kProse + kProse + "<h2>How Mapping Works</h2>" + kProse +
                        "</main>"),
       .date = "2024-11-06",
       .date_source = "byline"},
      {.name = "an h1 that links to the front page is the site's logo, not the headline",
       .html = page("<title>Why the tides turn</title>",
                    "<header><a href=\"/\"><h1>Ann's Notes</h1></a></header><article><h2>Why the tides "
                    "turn</h2>" + kProse + "</article>"),
       .title = "Why the tides turn"},
      {.name = "a logo h1 holding a link to the site's root",
       .html = page("<title>Why the tides turn</title>",
                    "<div id=\"banner\"><h1><a href=\"https://annsnotes.example/\">annsnotes.example</a></h1>"
                    "</div><article>" + kProse + "</article>"),
       .title = "Why the tides turn"},
      {.name = "a thread's prefix label at the start of the h1 is not part of its title",
       .html = page(R"(<title>Tips - Which saw for oak? | Wood Forum</title>
          <script type="application/ld+json">{"@type":"DiscussionForumPosting","headline":"Which saw for oak?"}</script>)",
                    "<main><h1 class=\"p-title-value\"><span class=\"label label--primary\">Tips</span><span "
                    "class=\"label-append\">&nbsp;</span>Which saw for oak?</h1>" + kProse + "</main>"),
       .title = "Which saw for oak?"},
      {.name = "a screen-reader-only label at the start of the h1 is not part of its title",
       .html = page("",
                    "<main><h1 class=\"lead-heading\">\n  <span class=\"visually-hidden\">Category: </span>Brass "
                    "lamps</h1>" + kProse + "</main>"),
       .title = "Brass lamps"},
      {.name = "a manual's section number before the h1 is not part of the title",
       .html = page("<title>Book - Branches in a Nutshell</title>",
                    "<main><h1>3.1 Book Branching - Branches in a Nutshell</h1>" + kProse + "</main>"),
       .title = "Book Branching - Branches in a Nutshell"},
      {.name = "a dotted number the <title> carries too stays in the title",
       .html = page("<title>2.0 Release Notes</title>", "<main><h1>2.0 Release Notes</h1>" + kProse + "</main>"),
       .title = "2.0 Release Notes"},
      {.name = "the comment count and the source's host linked after a story's h1 are not its title",
       .html = page("<title>Grads Find Degrees No Longer Guarantee Jobs - Newsdesk</title>",
                    "<main><h1><span><a href=\"/story/1\">Grads Find Degrees No Longer Guarantee Jobs</a> <a "
                    "href=\"https://paper.example/x\">(paper.example)</a></span> <span class=\"bubble\"><a "
                    "href=\"/story/1#comments\">87</a></span></h1>" + kProse + "</main>"),
       .title = "Grads Find Degrees No Longer Guarantee Jobs"},
      {.name = "a date in the h1 that the <title> carries too is part of the title",
       .html = page("<title>Release Wrap-Up 12/19/2025</title><meta property=\"og:title\" content=\"Release Wrap-Up\">",
                    "<main><h1>Release Wrap-Up 12/19/2025</h1>" + kProse + "</main>"),
       .title = "Release Wrap-Up 12/19/2025"},
      {.name = "a date typed in the h1's own text is part of the title though the <title> lacks it",
       .html = page("", "<main><h1>Garden Log 04/11/2025</h1>" + kProse + "</main>"),
       .title = "Garden Log 04/11/2025"},
      {.name = "a dateline in an element of its own at the start of the h1 is not part of the title",
       .html = page("", "<main><h1><time datetime=\"2025-12-18\">Dec 18 2025</time> Moving the beehives</h1>" +
                            kProse + "</main>"),
       .title = "Moving the beehives"},
      {.name = "a Chinese site's name after an underscore is not part of the title",
       .html = page("<title>\xE6\x98\xA5\xE5\xA4\xA9\xE7\x9A\x84\xE8\x8A\xB1\xE5\x9B\xAD\xE5\xBC\x80\xE4\xBA\x86_"
                    "\xE7\xA4\xBA\xE4\xBE\x8B\xE6\x96\xB0\xE9\x97\xBB\xE7\xBD\x91</title>",
                    "<main>" + kProse + "</main>"),
       .title = "\xE6\x98\xA5\xE5\xA4\xA9\xE7\x9A\x84\xE8\x8A\xB1\xE5\x9B\xAD\xE5\xBC\x80\xE4\xBA\x86"},  // 春天的花园开了_示例新闻网
      {.name = "a range of years in the <title> is not a separator",
       .html = page("<title>Garden shows in Europe 2026 / 2027</title>",
                    "<main><h1>Garden shows in Europe 2026 / 2027</h1>" + kProse + "</main>"),
       .title = "Garden shows in Europe 2026 / 2027"},
      {.name = "a front page's \"Home\" label is not its title; the site's name is",
       .html = page(R"(<title>Home - Example Garden Club</title><meta property="og:title" content="Home">
          <meta property="og:site_name" content="Example Garden Club">)",
                    "<main>" + kProse + "</main>"),
       .url = "https://gardenclub.example/",
       .title = "Example Garden Club"},
      {.name = "a forum's name before its \"View topic\" label is not the thread's title",
       .html = page("<title>Kite Fliers \xE2\x80\xA2 View topic - Best line for stunt kites</title>",
                    "<main>" + kProse + "</main>"),
       .title = "Best line for stunt kites"},
      {.name = "no metadata at all",
       .html = "<html><body><p>" + kProse + "</p></body></html>",
       .title = "",
       .author = "",
       .date = ""},
  };
}

TEST(Metadata, Table) {
  Extractor ex;
  for (const MetaCase& c : cases()) {
    PageInfo info;
    info.url = c.url;
    auto r = ex.extract(c.html, info);
    ASSERT_TRUE(r.ok()) << c.name << ": " << r.error().message;
    const Extraction& e = *r;
    if (!c.title.empty() || c.name == "no metadata at all") {
      EXPECT_EQ(e.title, c.title) << c.name;
    }
    if (!c.author.empty() || c.name == "no metadata at all") {
      EXPECT_EQ(e.author.value, c.author) << c.name;
    }
    if (!c.author_source.empty()) {
      EXPECT_EQ(e.author.source, c.author_source) << c.name;
    }
    if (!c.date.empty() || c.name == "no metadata at all") {
      EXPECT_EQ(e.date.value, c.date) << c.name;
    }
    if (!c.date_source.empty()) {
      EXPECT_EQ(e.date.source, c.date_source) << c.name;
    }
    if (!c.modified.empty()) {
      EXPECT_EQ(e.modified.value, c.modified) << c.name;
    }
    if (!c.sitename.empty()) {
      EXPECT_EQ(e.sitename, c.sitename) << c.name;
    }
    if (!c.lang.empty()) {
      EXPECT_EQ(e.lang, c.lang) << c.name;
    }
    if (!c.page_url.empty()) {
      EXPECT_EQ(e.url, c.page_url) << c.name;
    }
  }
}

// Issue 12, class 5: the headline keeps the page's own characters (typographic quotes and
// dashes), and html_title is the <title> as written, site name included.
TEST(Metadata, TitleKeepsCharactersAndHtmlTitle) {
  Extractor ex;
  auto r = ex.extract(page("<title>\xE2\x80\x9CNew Ways\xE2\x80\x9D \xE2\x80\x94 it\xE2\x80\x99s  here | Daily "
                           "Planet</title><meta property=\"og:site_name\" content=\"Daily Planet\">",
                           "<article><h1>\xE2\x80\x9CNew Ways\xE2\x80\x9D \xE2\x80\x94 it\xE2\x80\x99s here</h1>" +
                               kProse + "</article>"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->title, "\xE2\x80\x9CNew Ways\xE2\x80\x9D \xE2\x80\x94 it\xE2\x80\x99s here");
  EXPECT_EQ(r->html_title, "\xE2\x80\x9CNew Ways\xE2\x80\x9D \xE2\x80\x94 it\xE2\x80\x99s here | Daily Planet");
  std::string json;
  write_json(*r, {}, json);
  EXPECT_NE(json.find("\"html_title\":\"\xE2\x80\x9CNew Ways"), std::string::npos) << json;
}

// Issue 12, class 6: several authors as a list, `author` as the list joined; labels, dates and
// reading times in a byline are not authors.
TEST(Metadata, AuthorsList) {
  Extractor ex;
  auto r = ex.extract(page(R"(<title>Wells</title><meta name="author" content="By Ann Lee and Bo Chen">)",
                           "<article><h1>Wells</h1>" + kProse + "</article>"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->authors, (std::vector<std::string>{"Ann Lee", "Bo Chen"}));
  EXPECT_EQ(r->author.value, "Ann Lee, Bo Chen");
  std::string json;
  write_json(*r, {}, json);
  EXPECT_NE(json.find(R"("authors":["Ann Lee","Bo Chen"])"), std::string::npos) << json;

  auto label = ex.extract(page("<title>Wells</title>",
                               "<article><h1>Wells</h1><div class=\"author-box\"><span class=\"author\">Name</span> "
                               "<span class=\"byline\">ca. 8 Min</span></div>" + kProse + "</article>"));
  ASSERT_TRUE(label.ok());
  EXPECT_EQ(label->author.value, "");
  EXPECT_TRUE(label->authors.empty());
}

// Issue 12, class 6: a link to a profile introduced as someone else's (the editor's card of a
// question, a thread's "last post by", a reviewer) is not the author.
TEST(Metadata, AuthorLinksIntroducedAsSomeoneElse) {
  Extractor ex;
  auto question = ex.extract(page("<title>Which pan?</title>",
                                  "<div class=\"question\"><h1>Which pan?</h1>" + kProse +
                                      "<div class=\"card\">edited Feb 12, 2011 at 1:23 <a href=\"/users/7/bo\">Bo "
                                      "Chen</a></div><div class=\"card\">asked Feb 11, 2011 at 23:49 <a "
                                      "href=\"/users/4/ann\">Ann Lee</a></div></div>"));
  ASSERT_TRUE(question.ok());
  EXPECT_EQ(question->author.value, "Ann Lee");

  auto thread = ex.extract(page("<title>Pumps</title>",
                                "<div class=\"thread\"><h1>Pumps</h1><p>last post by <a "
                                "href=\"/members/greenthumb.12/\">greenthumb</a></p><article>" +
                                    kProse + "</article><p>Thread starter <a href=\"/members/joe.7/\">joe</a></p></div>"));
  ASSERT_TRUE(thread.ok());
  EXPECT_EQ(thread->author.value, "joe");

  auto reviewed = ex.extract(page("<title>Puppies</title>",
                                  "<article><h1>Puppies</h1><p>Reviewed by <a href=\"/experts/molly\">Molly Price</a>"
                                  "</p>" + kProse + "<p>Written by <a href=\"/experts/shelby\">Nell Varga</a></p></article>"));
  ASSERT_TRUE(reviewed.ok());
  EXPECT_EQ(reviewed->author.value, "Nell Varga");
}

// Issue 12, class 6: bylines away from the headline: a label with the name after it, a phrase
// that names the author, Twitter's "Written by" card field; a label in the comments is not one.
TEST(Metadata, LabelledAuthorsAnywhere) {
  Extractor ex;
  auto boxed = ex.extract(page("<title>Plants</title>", "<article><h1>Plants</h1>" + kProse + kProse + kProse +
                                                            "</article><aside><h3>Author</h3><p>Lisa D. Ellis</p></aside>"));
  ASSERT_TRUE(boxed.ok());
  EXPECT_EQ(boxed->author.value, "Lisa D. Ellis");

  auto phrase = ex.extract(page("<title>Loans</title>", "<article><h1>Loans</h1>" + kProse + kProse + kProse +
                                                            "<h3>Written by Cassidy Horton</h3><p>Cassidy writes about "
                                                            "money.</p></article>"));
  ASSERT_TRUE(phrase.ok());
  EXPECT_EQ(phrase->author.value, "Cassidy Horton");

  auto linked = ex.extract(page("<title>Diets</title>", "<article><h1>Diets</h1>" + kProse + kProse + kProse +
                                                            "<p><em>This post was written by <a href=\"/providers/"
                                                            "2838\">Rhea Santos, MD</a>, gastroenterologist.</em></p>"
                                                            "</article>"));
  ASSERT_TRUE(linked.ok());
  EXPECT_EQ(linked->author.value, "Rhea Santos, MD");

  auto twitter = ex.extract(page(R"(<title>Queries</title><meta name="twitter:label1" content="Written by">
      <meta name="twitter:data1" content="Nawaz Dhandala"><meta name="twitter:label2" content="Est. reading time">
      <meta name="twitter:data2" content="5 minutes">)",
                                 "<article><h1>Queries</h1>" + kProse + "</article>"));
  ASSERT_TRUE(twitter.ok());
  EXPECT_EQ(twitter->author.value, "Nawaz Dhandala");
  EXPECT_EQ(twitter->author.source, "meta");

  auto comment = ex.extract(page("<title>Pumps</title>", "<article><h1>Pumps</h1>" + kProse +
                                                             "</article><div class=\"comments\"><p>Posted by</p><p>Joe "
                                                             "Bloggs</p></div>"));
  ASSERT_TRUE(comment.ok());
  EXPECT_EQ(comment->author.value, "");
}

// Issue 12, class 6: what sits where a byline is but names no one: an entry classed after its
// author whose first text is the headline, a category link after a "By" label.
TEST(Metadata, BylineLookalikesAreNotAuthors) {
  Extractor ex;
  auto entry = ex.extract(page("<title>My Top Herbs</title>",
                               "<article class=\"hentry author-annette-thurmon\"><h1>My Top Herbs</h1>" + kProse +
                                   kProse + kProse + "<p class=\"byline\">annette thurmon</p></article>"));
  ASSERT_TRUE(entry.ok());
  EXPECT_EQ(entry->author.value, "annette thurmon");

  auto avatar = ex.extract(page("<title>Summit</title>",
                                "<article><h1>Summit</h1>" + kProse + kProse + kProse +
                                    "<div class=\"author_box\"><svg><text>CM</text></svg><h3>Craig McCarthy</h3></div>"
                                    "</article>"));
  ASSERT_TRUE(avatar.ok());
  EXPECT_EQ(avatar->author.value, "Craig McCarthy");

  auto tag = ex.extract(page("<title>Checklist</title>",
                             "<article><h1>Checklist</h1><p>By</p><p><a href=\"/wedding-checklists/\" rel=\"tag\">Wedding "
                             "Checklists</a></p>" + kProse + "</article>"));
  ASSERT_TRUE(tag.ok());
  EXPECT_EQ(tag->author.value, "");
}

// A byline that no class names: the author's photo, the name, the date, under the headline.
// A product's photo over its name, without a date, names no author.
TEST(Metadata, PhotoNameAndDateUnderTheHeadlineAreTheByline) {
  Extractor ex;
  auto post = ex.extract(page("<title>Valley storms</title>",
                              "<article><h1>Valley storms</h1><div><div><img src=\"/img/people/ann_lee.jpg\" alt=\"\">"
                              "</div><div><span>Ann Lee</span> <span>March 3, 2024</span></div></div>" +
                                  kProse + "</article>"));
  ASSERT_TRUE(post.ok());
  EXPECT_EQ(post->author.value, "Ann Lee");

  auto alt = ex.extract(page("<title>Valley storms</title>",
                             "<article><h1>Valley storms</h1><img src=\"/i/p1.webp\" alt=\"Portrait of Nick van Dam\">"
                             "<p>Nick van Dam</p><p>2024-03-03</p>" + kProse + "</article>"));
  ASSERT_TRUE(alt.ok());
  EXPECT_EQ(alt->author.value, "Nick van Dam");

  auto product = ex.extract(page("<title>Garden Hose</title>",
                                 "<div><h1>Garden Hose</h1><img src=\"/p/hose.jpg\" alt=\"Garden Hose Pro\">"
                                 "<p>Garden Hose Pro</p><p>In stock</p>" + kProse + "</div>"));
  ASSERT_TRUE(product.ok());
  EXPECT_EQ(product->author.value, "");
  auto label = ex.extract(page("<title>Garden Hose</title>",
                               "<div><h1>Garden Hose</h1><img src=\"/p/hose.jpg\" alt=\"\">"
                               "<p>NEW ARRIVAL</p><p>March 3, 2024</p>" + kProse + "</div>"));
  ASSERT_TRUE(label.ok());
  EXPECT_EQ(label->author.value, "");
}

// A portrait by the headline whose alt text is the name printed after it ("Headshot of Ann
// Lee", "Ann Lee, Staff Writer"; a byline label between them) is the byline without a date.
// Not cards (the photo over its name repeated for several names, or in a link to elsewhere),
// not the headline over its own picture, not a caption.
TEST(Metadata, PortraitNamedByItsAltTextIsTheByline) {
  Extractor ex;
  auto post = ex.extract(page("<title>Harbour lights</title>",
                              "<div><h1>Harbour lights</h1><p>A short standfirst.</p><div><div><img "
                              "src=\"/img/p/42.webp\" alt=\"Headshot of Oren Falk, Staff Writer\"></div><div>"
                              "<span>Written by</span> <span>Oren Falk</span></div></div>" + kProse + "</div>"));
  ASSERT_TRUE(post.ok());
  EXPECT_EQ(post->author.value, "Oren Falk");
  EXPECT_EQ(post->author.source, "byline");

  auto twice = ex.extract(page("<title>Harbour lights</title>",
                               "<div><h1>Harbour lights</h1><div><img src=\"/a.jpg\" alt=\"Oren Falk\"><div>Oren "
                               "Falk</div></div><div><img src=\"/a.jpg\" alt=\"Oren Falk\"><div>Oren Falk</div>"
                               "</div>" + kProse + "</div>"));
  ASSERT_TRUE(twice.ok());
  EXPECT_EQ(twice->author.value, "Oren Falk");

  auto cards = ex.extract(page("<title>Lamps</title>",
                               "<div><h1>Lamps</h1><div><img src=\"/d.jpg\" alt=\"Desk Lamps\"><p>Desk Lamps</p>"
                               "</div><div><img src=\"/f.jpg\" alt=\"Floor Lamps\"><p>Floor Lamps</p></div>" +
                                   kProse + "</div>"));
  ASSERT_TRUE(cards.ok());
  EXPECT_EQ(cards->author.value, "");

  auto linked = ex.extract(page("<title>Lamps</title>",
                                "<div><h1>Lamps</h1><a href=\"/c/desk-lamps\"><img src=\"/d.jpg\" alt=\"Desk "
                                "Lamps\"><p>Desk Lamps</p></a>" + kProse + "</div>"));
  ASSERT_TRUE(linked.ok());
  EXPECT_EQ(linked->author.value, "");

  auto headline = ex.extract(page("<title>Desk Lamps</title>",
                                  "<div><img src=\"/d.jpg\" alt=\"desk lamps\"><h1>Desk Lamps</h1>" + kProse +
                                      "</div>"));
  ASSERT_TRUE(headline.ok());
  EXPECT_EQ(headline->author.value, "");

  auto caption = ex.extract(page("<title>Harbour lights</title>",
                                 "<div><h1>Harbour lights</h1><figure><img src=\"/x.jpg\" alt=\"Brass Lantern\">"
                                 "<figcaption>Brass Lantern</figcaption></figure>" + kProse + "</div>"));
  ASSERT_TRUE(caption.ok());
  EXPECT_EQ(caption->author.value, "");
}

// A person in the byline that no class names (photo and name, name and date) is the author
// where JSON-LD names only an organisation: an organisation stands in only when no person is
// named. A mark or a symbol opening a word ("∙ Paid") is no capital of a name.
TEST(Metadata, UnclassedBylinePersonBeatsAnOrganisation) {
  Extractor ex;
  const std::string ld = R"(<script type="application/ld+json">{"@context":"https://schema.org",
      "@type":"BlogPosting","headline":"Kiln care","author":{"@type":"Organization","name":"Potters Guild"}}</script>)";
  auto person = ex.extract(page("<title>Kiln care</title>" + ld,
                                "<div><h1>Kiln care</h1><div><img src=\"/i/9.webp\" alt=\"\"><div><div>Mara "
                                "Quill</div><div>May 4, 2025</div></div></div>" + kProse + "</div>"));
  ASSERT_TRUE(person.ok());
  EXPECT_EQ(person->author.value, "Mara Quill");
  EXPECT_EQ(person->author.source, "byline");

  auto glyph = ex.extract(page("<title>Kiln care</title>" + ld,
                               "<div><h1>Kiln care</h1><p>\xe2\x88\x99 Paid</p><p>May 4, 2025</p>" + kProse +
                                   "</div>"));
  ASSERT_TRUE(glyph.ok());
  EXPECT_EQ(glyph->author.value, "Potters Guild");
}

// A byline that neither a class nor a picture marks: a name with a date right after it (or
// right before it) under the headline. A label over a date, a link, a heading or a name
// introduced as a reviewer is not one; nor is a category's name above the headline.
TEST(Metadata, NameBesideADateUnderTheHeadlineIsTheByline) {
  Extractor ex;
  auto post = ex.extract(page("<title>Ferry routes</title>",
                              "<div><h1>Ferry routes</h1><p>Wren Halvorsen<br>4 August 2019</p>" + kProse + "</div>"));
  ASSERT_TRUE(post.ok());
  EXPECT_EQ(post->author.value, "Wren Halvorsen");
  EXPECT_EQ(post->author.source, "byline");

  auto after = ex.extract(page("<title>Ferry routes</title>",
                               "<div><h1>Ferry routes</h1><div><span>Aug 4, 2019</span><span>Wren Halvorsen</span>"
                               "</div>" + kProse + "</div>"));
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->author.value, "Wren Halvorsen");

  auto label = ex.extract(page("<title>Ferry Pass</title>",
                               "<div><h1>Ferry Pass</h1><div><div>Release Date:</div><div>9 Jul, 2019</div></div>" +
                                   kProse + "</div>"));
  ASSERT_TRUE(label.ok());
  EXPECT_EQ(label->author.value, "");

  auto linked = ex.extract(page("<title>Ferry routes</title>",
                                "<div><h1>Ferry routes</h1><p><a href=\"/c/harbour-news\">Harbour News</a> "
                                "<span>Aug 4, 2019</span></p>" + kProse + "</div>"));
  ASSERT_TRUE(linked.ok());
  EXPECT_EQ(linked->author.value, "");

  auto reviewer = ex.extract(page("<title>Ferry routes</title>",
                                  "<div><h1>Ferry routes</h1><p>Reviewed by Olga Brandt</p><p>Senior Reviewer</p>"
                                  "<p>Aug 4, 2019</p>" + kProse + "</div>"));
  ASSERT_TRUE(reviewer.ok());
  EXPECT_EQ(reviewer->author.value, "");

  auto kicker = ex.extract(page("<title>Ferry routes</title>",
                                "<div><div>Harbour Notice</div><div>August 4, 2019</div><h1>Ferry routes</h1>" +
                                    kProse + "</div>"));
  ASSERT_TRUE(kicker.ok());
  EXPECT_EQ(kicker->author.value, "");
}

// JSON-LD or <meta> names one person; the byline under the headline names them with others:
// every name of the byline. Author links joined by separators, and a label's list, are one
// byline; a link after "Fact-checked by", "Tested by" (and the names joined to it) is not.
TEST(Metadata, BylineListsEveryAuthorWhereStructuredDataNamesOne) {
  Extractor ex;
  const std::string ld = R"(<script type="application/ld+json">{"@context":"https://schema.org",
      "@type":"BlogPosting","headline":"Tide tables","author":{"@type":"Person","name":"Ivo Marsh"}}</script>)";
  auto written = ex.extract(page("<title>Tide tables</title>" + ld,
                                 "<article><h1>Tide tables</h1><div class=\"entry-byline\">Written by <span>Dr Ivo "
                                 "Marsh</span>, <span>Lena Okafor</span>, <span>Tomas Reyes</span></div>" +
                                     kProse + "</article>"));
  ASSERT_TRUE(written.ok());
  EXPECT_EQ(written->author.value, "Dr Ivo Marsh, Lena Okafor, Tomas Reyes");
  EXPECT_EQ(written->author.source, "byline");

  auto links = ex.extract(page("<title>Tide tables</title>" + ld,
                               "<article><h1>Tide tables</h1><div><a href=\"/writers/ivo\">Ivo Marsh</a><span>, "
                               "</span><a href=\"/writers/lena\">Lena Okafor</a><span> &amp;</span> <a "
                               "href=\"/writers/tomas\">Tomas Reyes</a></div>" + kProse + "</article>"));
  ASSERT_TRUE(links.ok());
  EXPECT_EQ(links->author.value, "Ivo Marsh, Lena Okafor, Tomas Reyes");

  // A byline that does not name the structured author is another list (a related card's).
  auto other = ex.extract(page("<title>Tide tables</title>" + ld,
                               "<article><h1>Tide tables</h1><p>By Lena Okafor and Tomas Reyes</p>" + kProse +
                                   "</article>"));
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(other->author.value, "Ivo Marsh");

  auto checked = ex.extract(page("<title>Tide tables</title>" + ld,
                                 "<article><h1>Tide tables</h1><div class=\"byline\">By <a href=\"/author/ivo\">Ivo "
                                 "Marsh</a> Fact-checked by <a href=\"/author/lena\">Lena Okafor</a> Tested by <a "
                                 "href=\"/author/tomas\">Tomas Reyes</a> and <a href=\"/author/kim\">Kim Sato</a>"
                                 "</div>" + kProse + "</article>"));
  ASSERT_TRUE(checked.ok());
  EXPECT_EQ(checked->author.value, "Ivo Marsh");

  auto listed = ex.extract(page("<title>Tide tables</title>",
                                "<article><h1>Tide tables</h1><h6>Author(s)</h6><ul><li><a href=\"/lib?who=ivo\">Ivo "
                                "Marsh</a></li><li><a href=\"/lib?who=lena\">Lena Okafor</a></li></ul>" + kProse +
                                    "</article>"));
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->author.value, "Ivo Marsh, Lena Okafor");

  // A place after a comma in one text; a list's next item that is a labelled date.
  auto place = ex.extract(page("<title>Tide tables</title>" + ld,
                               "<article><h1>Tide tables</h1><div class=\"byline\"><p>Ivo Marsh, Harbour Point "
                               "Stadium</p></div>" + kProse + "</article>"));
  ASSERT_TRUE(place.ok());
  EXPECT_EQ(place->author.value, "Ivo Marsh");
  auto dated = ex.extract(page("<title>Tide tables</title>",
                               "<article><h1>Tide tables</h1><ul><li>Par <span><a href=\"#w\">Ivo Marsh</a></span>, "
                               "<span><a href=\"#w\">Lena Okafor</a></span></li><li>Mis à jour <time>le 06/04/2023"
                               "</time></li></ul>" + kProse + "</article>"));
  ASSERT_TRUE(dated.ok());
  EXPECT_EQ(dated->author.value, "Ivo Marsh, Lena Okafor");
}

// Issue 12, class 6: away from the headline, a byline in a comment names a commenter and one
// in a list of related items another story's author; neither is the page's author.
TEST(Metadata, CommentAndRelatedBylinesAreNotTheAuthor) {
  Extractor ex;
  auto comment = ex.extract(page("<title>Lagoons</title>",
                                 "<article><h1>Lagoons</h1>" + kProse + kProse + kProse +
                                     "</article><ol class=\"commentlist\"><li class=\"comment\"><div "
                                     "class=\"comment-author vcard\"><b class=\"fn\">reefwalker42</b> says:</div><p>"
                                     "Lovely.</p></li></ol>"));
  ASSERT_TRUE(comment.ok());
  EXPECT_EQ(comment->author.value, "");

  auto related = ex.extract(page("<title>Lagoons</title>",
                                 "<article><h1>Lagoons</h1>" + kProse + kProse + kProse +
                                     "</article><div class=\"related-posts\"><div class=\"card\"><p>Reefs at "
                                     "night</p><div class=\"author-name\"><a href=\"/team/mo\">Mo Ellery</a></div>"
                                     "</div></div>"));
  ASSERT_TRUE(related.ok());
  EXPECT_EQ(related->author.value, "");

  auto own = ex.extract(page("<title>Lagoons</title>",
                             "<article><h1>Lagoons</h1>" + kProse + kProse + kProse +
                                 "<div class=\"author-box\"><span class=\"author-name\">Ines Okafor</span></div>"
                                 "</article><ol class=\"commentlist\"><li class=\"comment\"><div class=\"comment-author\">"
                                 "reefwalker42</div></li></ol>"));
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(own->author.value, "Ines Okafor");
}

// Issue 12, class 6: an element classed as what it says about the author (a role, a bio) and
// a link to a tag page in a byline name no one; the name beside them does.
TEST(Metadata, AuthorRolesAndTopicsAreNotNames) {
  Extractor ex;
  auto role = ex.extract(page("<title>Beans</title>",
                              "<article><h1>Beans</h1>" + kProse + kProse + kProse +
                                  "<div class=\"author-description\">Licensed Tea Taster, M.A. Botany</div></article>"));
  ASSERT_TRUE(role.ok());
  EXPECT_EQ(role->author.value, "");
  auto topic = ex.extract(page("<title>Budgets</title>",
                               "<article><h1>Budgets</h1><div class=\"post-byline\"><ul><li><a "
                               "href=\"/blog/tag/household-money\">Household money</a></li></ul></div>" +
                                   kProse + "</article>"));
  ASSERT_TRUE(topic.ok());
  EXPECT_EQ(topic->author.value, "");
  auto named = ex.extract(page("<title>Budgets</title>",
                               "<article><h1>Budgets</h1><div class=\"post-byline\"><a href=\"/blog/tag/money\">"
                               "Money</a> <span>Rosa Lindqvist</span></div>" + kProse + "</article>"));
  ASSERT_TRUE(named.ok());
  EXPECT_EQ(named->author.value, "Rosa Lindqvist");
}

// Issue 12, class 6: with no byline anywhere, the author GTM4WP (WordPress's Google Tag Manager
// plugin) writes into the data layer, on a post or a page; a product's is its shop clerk's.
TEST(Metadata, DataLayerAuthorAsTheLastResort) {
  Extractor ex;
  const std::string body = "<article><h1>Tides</h1>" + kProse + "</article>";
  auto post = ex.extract(page(R"(<title>Tides</title><script>var dataLayer_content = {"pagePostType":"post",
      "pagePostType2":"single-post","pagePostAuthor":"Wren Abernathy"};</script>)", body));
  ASSERT_TRUE(post.ok());
  EXPECT_EQ(post->author.value, "Wren Abernathy");
  auto product = ex.extract(page(R"(<title>Tides</title><script>var dataLayer_content = {"pagePostType":"product",
      "pagePostAuthor":"Wren Abernathy"};</script>)", body));
  ASSERT_TRUE(product.ok());
  EXPECT_EQ(product->author.value, "");
  auto shown = ex.extract(page(R"(<title>Tides</title><meta name="author" content="Ola Brandt"><script>
      var dataLayer_content = {"pagePostType":"post","pagePostAuthor":"Wren Abernathy"};</script>)", body));
  ASSERT_TRUE(shown.ok());
  EXPECT_EQ(shown->author.value, "Ola Brandt");
}

// Issue 12, class 6: the site's own name after named people is their affiliation.
TEST(Metadata, SiteBesidePeopleIsAnAffiliation) {
  Extractor ex;
  auto r = ex.extract(page(R"(<title>Meditation day</title><meta property="og:site_name" content="The River Courier">
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"Meditation day",
        "author":{"@type":"Person","name":"Mira Joshi and Harpal Sethi, The River Courier"}}</script>)",
                           "<article><h1>Meditation day</h1>" + kProse + "</article>"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->authors, (std::vector<std::string>{"Mira Joshi", "Harpal Sethi"}));

  // after one name's comma, as a domain or as the site's short name; a credential stays
  PageInfo info;
  info.url = "https://www.riverbend.com/2024/05/13/bridge.html";
  auto domain = ex.extract(page(R"(<title>Bridge</title><meta name="author" content="Keith Sterling, Riverbend.com">)",
                                "<article><h1>Bridge</h1>" + kProse + "</article>"),
                           info);
  ASSERT_TRUE(domain.ok());
  EXPECT_EQ(domain->authors, std::vector<std::string>{"Keith Sterling"});
  auto shortname = ex.extract(page(R"(<title>Bridge</title><meta property="og:site_name" content="KRBT">
      <meta name="author" content="Dana Ruiz, KRBT">)",
                                   "<article><h1>Bridge</h1>" + kProse + "</article>"));
  ASSERT_TRUE(shortname.ok());
  EXPECT_EQ(shortname->authors, std::vector<std::string>{"Dana Ruiz"});
  auto credential = ex.extract(page(R"(<title>Bridge</title><meta property="og:site_name" content="KRBT">
      <meta name="author" content="Nell Varga, DVM">)",
                                    "<article><h1>Bridge</h1>" + kProse + "</article>"));
  ASSERT_TRUE(credential.ok());
  EXPECT_EQ(credential->authors, std::vector<std::string>{"Nell Varga, DVM"});
}

// Issue 12, class 6: a scholarly page lists every author in citation_author, its "author"
// <meta> only the first: the full list wins.
TEST(Metadata, CitationAuthorsListEveryAuthor) {
  Extractor ex;
  auto paper = ex.extract(page(R"(<title>Yoga study</title><meta name="author" content="Jolene Hart">
      <meta name="citation_author" content="Jolene Hart"><meta name="citation_author" content="Jeni Green">
      <meta name="citation_author" content="Chong Lee">)",
                               "<article><h1>Yoga study</h1>" + kProse + "</article>"));
  ASSERT_TRUE(paper.ok());
  EXPECT_EQ(paper->authors, (std::vector<std::string>{"Jolene Hart", "Jeni Green", "Chong Lee"}));
}

// Issue 12, class 7: a date in the headline is part of the title; an all-numeric date by the
// headline whose other reading is the page's structured date (or a date written with the
// month's name) is read that way.
TEST(Metadata, HeadlineDatesAndDayOrder) {
  Extractor ex;
  auto in_title = ex.extract(page(R"(<title>Release 2024.4.4 breaks startup</title>
      <meta property="article:published_time" content="2024-05-03T08:45:44+00:00">)",
                                  "<article><h1>Release 2024.4.4 breaks startup</h1>" + kProse + "</article>"));
  ASSERT_TRUE(in_title.ok());
  EXPECT_EQ(in_title->date.value, "2024-05-03");

  auto dotted = ex.extract(testing::page(R"(<title>Phases</title>
      <script type="application/ld+json">{"@type":"Article","headline":"Phases","datePublished":"2024-09-10T16:07:00Z"}</script>)",
                                         "<article><h1>Phases</h1><p class=\"post-date\">09.10.2024</p>" + kProse +
                                             "</article>",
                                         "en-GB"));
  ASSERT_TRUE(dotted.ok());
  EXPECT_EQ(dotted->date.value, "2024-09-10");

  auto spelled = ex.extract(testing::page("<title>Wine styles</title>",
                                          "<article><h1>Wine styles</h1><p>03/10/2023</p><p>- 3 October 2023</p>" +
                                              kProse + "</article>",
                                          "en-US"));
  ASSERT_TRUE(spelled.ok());
  EXPECT_EQ(spelled->date.value, "2023-10-03");

  auto founded = ex.extract(page("<title>Football</title>",
                                 "<div><h1>Football</h1><div class=\"profile\">Posts: 4032 Founded: Dec 11, 2021</div>"
                                 "<div class=\"post\">by Outer &raquo; Tue Aug 27, 2019 1:47 am " + kProse + "</div></div>"));
  ASSERT_TRUE(founded.ok());
  EXPECT_EQ(founded->date.value, "2019-08-27");
}

// Issue 12, class 7: impossible dates (after the page was fetched, before 1995) are no dates,
// dates of comments and related items are not the page's, and a full date in the URL comes first.
TEST(Metadata, DatePriorityAndRange) {
  Extractor ex;
  PageInfo info;
  info.fetched = "2024-01-10T08:00:00Z";
  auto future = ex.extract(page(R"(<title>Wells</title>
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"Wells","datePublished":"2024-06-01"}</script>
      <meta property="article:published_time" content="2023-12-01">)",
                                "<article><h1>Wells</h1>" + kProse + "</article>"),
                           info);
  ASSERT_TRUE(future.ok());
  EXPECT_EQ(future->date.value, "2023-12-01");
  EXPECT_EQ(future->date.source, "meta");

  auto before_web = ex.extract(page(R"(<title>Wells</title><meta property="article:published_time" content="1990-05-01">)",
                                    "<article><h1>Wells</h1>" + kProse + "</article>"));
  ASSERT_TRUE(before_web.ok());
  EXPECT_EQ(before_web->date.value, "");

  auto comment = ex.extract(page("<title>Wells</title>",
                                 "<article><h1>Wells</h1>" + kProse + "</article><div class=\"comment-list\"><p>Great "
                                 "piece!</p><time datetime=\"2023-01-05\">Jan 5, 2023</time></div>"));
  ASSERT_TRUE(comment.ok());
  EXPECT_EQ(comment->date.value, "");

  PageInfo dated_url;
  dated_url.url = "https://news.example/2021/03/04/wells";
  auto url = ex.extract(page(R"(<title>Wells</title><meta property="article:published_time" content="2021-03-05T01:00:00Z">)",
                             "<article><h1>Wells</h1>" + kProse + "</article>"),
                        dated_url);
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(url->date.value, "2021-03-04");
  EXPECT_EQ(url->date.source, "url");
}

// Issue 12, class 7: the day the reader sees. A <figcaption> dates its picture, not the page;
// a UTC timestamp printed as the next (or previous) day was rendered in the site's time zone,
// while a timestamp with its own offset, or a bare date, is read as written.
TEST(Metadata, DatesReadersSee) {
  Extractor ex;
  auto caption = ex.extract(page(R"(<title>Wells</title>
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"Wells","datePublished":"2023-11-02T10:00:00-04:00"}</script>)",
                                 "<article><h1>Wells</h1><figure><img src=\"w.jpg\"><figcaption>An oil field near "
                                 "Lost Hills, March 24, 2014.</figcaption></figure>" +
                                     kProse + "</article>"));
  ASSERT_TRUE(caption.ok());
  EXPECT_EQ(caption->date.value, "2023-11-02");
  EXPECT_EQ(caption->date.source, "json-ld");

  auto utc = ex.extract(page("<title>Agents</title>",
                             "<article><h1>Agents</h1><p>Posted <time datetime=\"2024-04-17T21:13:04Z\">April 18, "
                             "2024</time></p>" + kProse + "</article>"));
  ASSERT_TRUE(utc.ok());
  EXPECT_EQ(utc->date.value, "2024-04-18");

  auto own_offset = ex.extract(page("<title>Agents</title>",
                                    "<article><h1>Agents</h1><p><time datetime=\"2024-01-14T21:50:50-0500\">Jan 15, "
                                    "2024</time></p>" + kProse + "</article>"));
  ASSERT_TRUE(own_offset.ok());
  EXPECT_EQ(own_offset->date.value, "2024-01-14");

  auto bare = ex.extract(page("<title>Agents</title>",
                              "<article><h1>Agents</h1><p><time datetime=\"2024-12-20\">December 21, 2024</time></p>" +
                                  kProse + "</article>"));
  ASSERT_TRUE(bare.ok());
  EXPECT_EQ(bare->date.value, "2024-12-20");

  PageInfo named_month;
  named_month.url = "https://wine.example/blog/2023/october/03/styles/";
  auto url = ex.extract(page("<title>Wine styles</title>",
                             "<article><h1>Wine styles</h1><p>03/10/2023</p>" + kProse + "</article>"),
                        named_month);
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(url->date.value, "2023-10-03");
  EXPECT_EQ(url->date.source, "url");
}

// Issue 12, class 7: <time pubdate> is HTML's mark for the article's publication date, shown on
// the page: it wins over JSON-LD wherever it stands, except inside a comment or in an <article>
// other than the headline's.
TEST(Metadata, PubdateTimeWinsOverJsonLd) {
  Extractor ex;
  const std::string head = R"(<title>Ledgers</title>
      <script type="application/ld+json">{"@type":"Article","headline":"Ledgers","datePublished":"2025-11-29"}</script>)";
  auto below = ex.extract(page(head, "<article><h1>Ledgers</h1>" + kProse + kProse + kProse +
                                         "<div class=\"article-body__published\">Published <time pubdate "
                                         "datetime=\"2025-08-13\">August 13, 2025</time></div></article>"));
  ASSERT_TRUE(below.ok());
  EXPECT_EQ(below->date.value, "2025-08-13");
  EXPECT_EQ(below->date.source, "time");

  auto in_comment = ex.extract(page(head, "<article><h1>Ledgers</h1>" + kProse + kProse + kProse +
                                              "</article><div class=\"comment\"><p>Thanks!</p><time pubdate "
                                              "datetime=\"2025-12-01\">December 1, 2025</time></div>"));
  ASSERT_TRUE(in_comment.ok());
  EXPECT_EQ(in_comment->date.value, "2025-11-29");
  EXPECT_EQ(in_comment->date.source, "json-ld");

  // A customer review is an <article> of its own: its pubdate is the review's.
  auto review = ex.extract(page("<title>Interface</title>",
                                "<main><h1>Interface</h1>" + kProse + kProse + kProse + "<article class=\"product-review\"><p>Works "
                                "well.</p><footer>by Sam on <time datetime=\"2025-11-24\" pubdate>November 24, "
                                "2025</time></footer></article></main>"));
  ASSERT_TRUE(review.ok());
  EXPECT_EQ(review->date.value, "");
}

// Issue 12, class 7: a date labelled "published" under the headline wins over the structured
// date as an unlabelled one does, except one day from it (a time zone's difference) or above
// the headline.
TEST(Metadata, PublishedLabelUnderHeadline) {
  Extractor ex;
  auto head = [](std::string_view published) {
    return "<title>Streaming</title><script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":"
           "\"Streaming\",\"datePublished\":\"" + std::string(published) + "\"}</script>";
  };
  auto under = ex.extract(page(head("2024-08-29T10:00:00+00:00"),
                               "<article><h1>Streaming</h1><p class=\"byline\">By Jo Reed</p><p>Published Nov 25, "
                               "2025</p>" + kProse + "</article>"));
  ASSERT_TRUE(under.ok());
  EXPECT_EQ(under->date.value, "2025-11-25");
  EXPECT_EQ(under->date.source, "byline");

  auto next_day = ex.extract(page(head("2025-12-02T23:00:55+00:00"),
                                  "<article><h1>Streaming</h1><p>Published: 03 Dec 2025</p>" + kProse + "</article>"));
  ASSERT_TRUE(next_day.ok());
  EXPECT_EQ(next_day->date.value, "2025-12-02");

  auto above = ex.extract(page(head("2024-02-21T11:54:45+00:00"),
                               "<article><p>Published October 26, 2025</p><h1>Streaming</h1>" + kProse + "</article>"));
  ASSERT_TRUE(above.ok());
  EXPECT_EQ(above->date.value, "2024-02-21");
}

// Issue 12, class 7: date labels in more languages. An "updated" date by the headline does
// not replace the structured published date, in Chinese as in English; a registration date in a
// Russian poster's card is not the post's.
TEST(Metadata, DateLabelsInMoreLanguages) {
  Extractor ex;
  auto zh = ex.extract(testing::page(R"(<title>城市公园</title>
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"城市公园","datePublished":"2024-01-01T09:00:00+08:00"}</script>)",
                                     "<article><h1>城市公园</h1><p>更新于 2024年5月1日</p>" + kProse + "</article>", "zh"));
  ASSERT_TRUE(zh.ok());
  EXPECT_EQ(zh->date.value, "2024-01-01");
  EXPECT_EQ(zh->modified.value, "2024-05-01");

  auto ru = ex.extract(testing::page("<title>Ремонт крыши</title>",
                                     "<div><h1>Ремонт крыши</h1><div class=\"profile\">Зарегистрирован: 12 марта 2012</div>"
                                     "<div class=\"post\">Опубликовано 5 мая 2024 " + kProse + "</div></div>",
                                     "ru"));
  ASSERT_TRUE(ru.ok());
  EXPECT_EQ(ru->date.value, "2024-05-05");

  // Month names and labels of multilingual news: a Czech update under the headline is the
  // modified date, the Hungarian byline (year first) the published one.
  auto cs = ex.extract(testing::page(R"(<title>Povodně na Moravě</title>
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"Povodně na Moravě","datePublished":"2024-09-14T09:00:00+02:00"}</script>)",
                                     "<article><h1>Povodně na Moravě</h1><p>Aktualizováno 16. září 2024</p>" + kProse +
                                         "</article>",
                                     "cs"));
  ASSERT_TRUE(cs.ok());
  EXPECT_EQ(cs->date.value, "2024-09-14");
  EXPECT_EQ(cs->modified.value, "2024-09-16");

  auto hu = ex.extract(testing::page("<title>Árvíz a Dunán</title>",
                                     "<article><h1>Árvíz a Dunán</h1><p class=\"byline\">Kovács Anna, 2024. szeptember 18.</p>" +
                                         kProse + "</article>",
                                     "hu"));
  ASSERT_TRUE(hu.ok());
  EXPECT_EQ(hu->date.value, "2024-09-18");

  // A byline in Arabic digits.
  auto ar = ex.extract(testing::page("<title>أمطار غزيرة في المدينة</title>",
                                     "<article><h1>أمطار غزيرة في المدينة</h1><p class=\"byline\">الثلاثاء ٥ مارس ٢٠٢٤</p>" +
                                         kProse + "</article>",
                                     "ar"));
  ASSERT_TRUE(ar.ok());
  EXPECT_EQ(ar->date.value, "2024-03-05");
}

// hAtom, the microformat of blog posts: an <abbr class="published"> whose title is the date
// its text tells in words; "updated" is the modified date; a comment's hAtom date is not the
// page's.
TEST(Metadata, HatomAbbrDates) {
  Extractor ex;
  auto r = ex.extract(page("<title>Pruning Roses</title>",
                           "<div class=\"hentry\"><h1 class=\"entry-title\">Pruning Roses</h1>" + kProse +
                               "<p class=\"meta\">Posted <abbr class=\"published\" title=\"2011-10-27T05:06:00-07:00\">"
                               "a while ago</abbr>, edited <abbr class=\"updated\" title=\"2012-01-03T09:00:00-08:00\">"
                               "later</abbr></p></div>"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->date.value, "2011-10-27");
  EXPECT_EQ(r->date.source, "microformat");
  EXPECT_EQ(r->modified.value, "2012-01-03");

  auto comment = ex.extract(page("<title>Pruning Roses</title>",
                                 "<div class=\"hentry\"><h1>Pruning Roses</h1>" + kProse +
                                     "</div><ol class=\"commentlist\"><li class=\"hentry\"><p>Thanks!</p><abbr "
                                     "class=\"published\" title=\"2013-05-02T10:00:00Z\">last year</abbr></li></ol>"));
  ASSERT_TRUE(comment.ok());
  EXPECT_EQ(comment->date.value, "");
}

// JSON-LD written as <meta name="script:ld+json" content="{...}"> (Remix's key for a JSON-LD
// script, printed as a plain meta by head renderers that do not know it) is read as JSON-LD.
TEST(Metadata, JsonLdInAMetaTag) {
  Extractor ex;
  auto r = ex.extract(page(R"(<title>Heat Pumps Explained | Example Energy</title>
      <meta name="script:ld+json" content="{&quot;@type&quot;:&quot;Article&quot;,&quot;headline&quot;:&quot;Heat Pumps Explained&quot;,&quot;datePublished&quot;:&quot;2025-11-17T09:00:00-05:00&quot;,&quot;author&quot;:{&quot;@type&quot;:&quot;Person&quot;,&quot;name&quot;:&quot;Ida Moss&quot;}}">)",
                           "<article><h1>Heat Pumps Explained</h1>" + kProse + "</article>"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->date.value, "2025-11-17");
  EXPECT_EQ(r->date.source, "json-ld");
  EXPECT_EQ(r->author.value, "Ida Moss");
}

// Issue 12, class 7: custom elements that print a time as <time> does, from their datetime
// (GitHub's <relative-time>, a "-timeago" component's ts), date the post under its headline
// when a script renders them ("3 days ago") and the HTML holds no text; other custom elements
// with a datetime attribute do not.
TEST(Metadata, TimeCustomElementsByTheHeadline) {
  Extractor ex;
  auto post = [&](std::string_view credit) {
    return ex.extract(page("<title>Which kettle lasts?</title>",
                           "<main><div class=\"credit\"><a href=\"/u/ann\">u/ann</a> " + std::string(credit) +
                               "</div><h1>Which kettle lasts?</h1>" + kProse + "</main>"));
  };
  auto ts = post(R"(<board-timeago ts="2026-03-03T09:47:05.754000+0000" format="narrow"></board-timeago>)");
  ASSERT_TRUE(ts.ok());
  EXPECT_EQ(ts->date.value, "2026-03-03");
  EXPECT_EQ(ts->date.source, "time");

  auto relative = post(R"(<relative-time datetime="2025-12-18T23:01:55+01:00"></relative-time>)");
  ASSERT_TRUE(relative.ok());
  EXPECT_EQ(relative->date.value, "2025-12-18");

  auto other = post(R"(<event-card datetime="2025-12-18T23:01:55Z"></event-card>)");
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(other->date.value, "");
}

// Issue 12, class 7: text no reader sees (the hidden attribute, a CMS's never-shown condition
// class) does not put the byline's date far from the headline: the date printed under the
// standfirst wins over the structured date as a date right under the headline does.
TEST(Metadata, NeverShownTextIsNotBetweenHeadlineAndByline) {
  Extractor ex;
  const std::string head = R"(<title>Pricing Classes</title>
      <script type="application/ld+json">{"@type":"Article","headline":"Pricing Classes","datePublished":"2025-06-24"}</script>)";
  const std::string standfirst =
      "A guide to what teachers charge for a class, what moves the price up or down from one town to the "
      "next, and what to weigh when you set a price list of your own for the first time.";
  auto byline_after = [&](std::string_view hidden_block) {
    return ex.extract(page(head, "<article><h1>Pricing Classes</h1><p class=\"summary\">" + standfirst + "</p>" +
                                     std::string(hidden_block) +
                                     "<div class=\"staff\"><div class=\"author\">Ann Lee</div><div "
                                     "class=\"text-date\">August 25, 2024</div></div>" + kProse + "</article>"));
  };
  auto condition = byline_after("<p class=\"summary-fallback w-condition-invisible\">" + standfirst + "</p>");
  ASSERT_TRUE(condition.ok());
  EXPECT_EQ(condition->date.value, "2024-08-25");
  EXPECT_EQ(condition->date.source, "byline");

  auto attribute = byline_after("<p hidden>" + standfirst + "</p>");
  ASSERT_TRUE(attribute.ok());
  EXPECT_EQ(attribute->date.value, "2024-08-25");

  // Shown text there keeps the date too far for it to win.
  auto shown = byline_after("<p class=\"summary-more\">" + standfirst + "</p>");
  ASSERT_TRUE(shown.ok());
  EXPECT_EQ(shown->date.value, "2025-06-24");
  EXPECT_EQ(shown->date.source, "json-ld");
}

// Issue 12, class 7: Parse.ly's "parsely-page" meta, a JSON object, gives its "pub_date" as
// the published date; other keys of the object and look-alike keys ("first_pub_date") do not.
TEST(Metadata, ParselyPageMetaDate) {
  Extractor ex;
  auto with_meta = [&](std::string_view json) {
    return ex.extract(page("<title>Kite Season</title><meta name='parsely-page' content='" + std::string(json) + "'>",
                           "<article><h1>Kite Season</h1>" + kProse + "</article>"));
  };
  auto r = with_meta(R"({"title": "Kite Season", "link": "http://example.com/2014/12/kites/", "post_id": "2014-01-01", "pub_date": "2014-12-29T16:29:25Z", "section": "Outdoors"})");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->date.value, "2014-12-29");
  EXPECT_EQ(r->date.source, "meta");

  auto look_alike = with_meta(R"({"title": "Kite Season", "first_pub_date": "2014-12-29T16:29:25Z"})");
  ASSERT_TRUE(look_alike.ok());
  EXPECT_EQ(look_alike->date.value, "");

  auto empty = with_meta(R"({"title": "Kite Season", "pub_date": ""})");
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->date.value, "");
}

// Issue 12, class 7: a day-first numeric date by the headline ("02-12-2025" on an en-US page)
// is read the other way when an ISO <time> elsewhere on the page (its own entry in a list of
// recent posts) gives that reading and none gives the first.
TEST(Metadata, DayOrderFromTimesElsewhere) {
  Extractor ex;
  auto body = [](std::string_view elsewhere) {
    return "<article><h1>Pixel pipelines</h1><p>By Bence <time datetime=\"02-12-2025\">02-12-2025</time></p>" +
           kProse + kProse + kProse + "</article><aside><h3>Recent posts</h3><div><h4><a href=\"/p\">Pixel "
           "pipelines</a></h4>" + std::string(elsewhere) + "</div></aside>";
  };
  auto listed = ex.extract(page("<title>Pixel pipelines</title>",
                                body("<time datetime=\"2025-12-02\">December 02, 2025</time>")));
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->date.value, "2025-12-02");

  auto both = ex.extract(page("<title>Pixel pipelines</title>",
                              body("<time datetime=\"2025-12-02\">Dec 2</time><time datetime=\"2025-02-12\">Feb "
                                   "12</time>")));
  ASSERT_TRUE(both.ok());
  EXPECT_EQ(both->date.value, "2025-02-12");
}

// Issue 12: where the title matches no heading and the first heading of the content ("Day
// 7") stood in for the headline, the dateline printed where the content starts is the page's
// date; a date further in is not, nor one at the top of a page whose content is its whole body.
TEST(Metadata, DatelineAtContentStartWhenNoHeadingIsTheTitle) {
  Extractor ex;
  auto body = [](std::string_view dateline) {
    return "<div class=\"title\"><h1><a href=\"/\">Mara's Log</a></h1></div><fieldset><legend>Puzzle "
           "season, week two</legend> " + std::string(dateline) + " <div class=\"body\">" + kProse +
           "<h1>Day 7</h1>" + kProse + kProse + "<h1>Day 8</h1>" + kProse + "</div></fieldset>";
  };
  const std::string head = "<title>Mara's Log: Puzzle season, week two</title>"
                           "<meta property=\"og:title\" content=\"Puzzle season, week two\">";
  auto dated = ex.extract(page(head, body("14 December 2025")));
  ASSERT_TRUE(dated.ok());
  EXPECT_EQ(dated->date.value, "2025-12-14");
  EXPECT_EQ(dated->date.source, "byline");

  // Past the first paragraph the date is the text's, not the page's.
  auto further_in = ex.extract(page(head, "<div class=\"title\"><h1><a href=\"/\">Mara's Log</a></h1></div>"
                                          "<fieldset><legend>Puzzle season, week two</legend><div class=\"body\">" +
                                              kProse + "<p>14 December 2025</p>" + kProse + "<h1>Day 7</h1>" + kProse +
                                              "</div></fieldset>"));
  ASSERT_TRUE(further_in.ok());
  EXPECT_EQ(further_in->date.value, "");

  // Where no container holds the content, its start is the top of the page, where a site's
  // header prints the day's date.
  auto whole_body = ex.extract(page("<title>Valley paper: Puzzle season, week two</title>",
                                    "<span>Friday, 4 December 2025</span>" + kProse + "<h1>Day 7</h1>" + kProse +
                                        "<h1>Day 8</h1>" + kProse));
  ASSERT_TRUE(whole_body.ok());
  EXPECT_EQ(whole_body->date.value, "");
}

// An element whose title is a timestamp and whose text renders it ("a day ago") is read as a
// <time datetime>: the dateline of pages older than <time>. A title that is no timestamp, an
// element of more text, or one whose text links to another page, is not.
TEST(Metadata, TimestampTitleIsReadAsATime) {
  Extractor ex;
  auto post = ex.extract(page("<title>Moss walls</title>",
                              "<div><h1>Moss walls</h1><p>Posted <span title=\"2023-06-14 08:30:00Z\">2 years "
                              "ago</span></p>" + kProse + "</div>"));
  ASSERT_TRUE(post.ok());
  EXPECT_EQ(post->date.value, "2023-06-14");
  EXPECT_EQ(post->date.source, "time");

  auto plain = ex.extract(page("<title>Moss walls</title>",
                               "<div><h1>Moss walls</h1><p><span title=\"Moss walls\">2 years ago</span></p>" +
                                   kProse + "</div>"));
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->date.value, "");
  auto block = ex.extract(page("<title>Moss walls</title>",
                               "<div><h1>Moss walls</h1><div title=\"2023-06-14 08:30:00Z\"><p>A long block of "
                               "text that says more than when</p><p>and more</p></div>" + kProse + "</div>"));
  ASSERT_TRUE(block.ok());
  EXPECT_EQ(block->date.value, "");

  // The label inside the element is its label: the question's "Asked" date before the
  // "Modified" one.
  auto asked = ex.extract(page("<title>Moss walls</title>",
                               "<div><h1>Moss walls</h1><div title=\"2021-02-03 10:00:00Z\"><span>Asked</span> "
                               "<span>4 years ago</span></div><div><span>Modified</span> <a href=\"?active\" "
                               "title=\"2024-09-30 11:26:28Z\">1 year ago</a></div>" + kProse + "</div>"));
  ASSERT_TRUE(asked.ok());
  EXPECT_EQ(asked->date.value, "2021-02-03");

  // A list's item ages link to the items: not the page's date.
  auto listed = ex.extract(page("<title>Moss walls</title>",
                                "<div><h1>Moss walls</h1><p><span title=\"2023-06-14 08:30:00Z\"><a "
                                "href=\"/item/7\">2 years ago</a></span></p>" + kProse + "</div>"));
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->date.value, "");
}

// Issue 12: a date told in a short paragraph of prose, with words leading up to it and another
// sentence after it, is the story's fact, not the page's date; a byline's date stays.
TEST(Metadata, DateInsideProseIsNotTheDateline) {
  Extractor ex;
  auto prose = ex.extract(page("<title>Filing your taxes</title>",
                               "<article><h1>Filing your taxes</h1><p>The filing season for most households ends "
                               "on April 15, 2025. If you cannot file before then, you can still ask for more "
                               "time.</p>" + kProse + "<p>Page last modified <time datetime=\"2025-01-17\">Jan. 17, "
                               "2025</time></p></article>"));
  ASSERT_TRUE(prose.ok());
  EXPECT_EQ(prose->date.value, "2025-01-17");

  auto byline = ex.extract(page("<title>Filing your taxes</title>",
                                "<article><h1>Filing your taxes</h1><p>Ann Lee for the Tax Desk, March 3, 2025. "
                                "5 min read</p>" + kProse + "</article>"));
  ASSERT_TRUE(byline.ok());
  EXPECT_EQ(byline->date.value, "2025-03-03");
}

TEST(Metadata, TagsDescriptionImage) {
  Extractor ex;
  auto r = ex.extract(page(R"(<title>T</title>
      <meta name="description" content="A short &amp; plain summary.">
      <meta property="og:image" content="https://img.example/a.jpg">
      <meta property="article:tag" content="Weather">
      <meta property="article:tag" content="Farming">
      <meta name="keywords" content="weather, rain , Farming">)",
                           "<article><h1>T</h1>" + kProse + "</article>"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->description, "A short & plain summary.");
  EXPECT_EQ(r->image, "https://img.example/a.jpg");
  EXPECT_EQ(r->tags, (std::vector<std::string>{"Weather", "Farming", "rain"}));
}

TEST(Metadata, CallerUrlWinsOverCanonical) {
  Extractor ex;
  PageInfo info;
  info.url = "https://caller.example/a";
  auto r = ex.extract(page(R"(<title>T</title><link rel="canonical" href="https://canonical.example/a">)",
                           "<p>" + kProse + "</p>"),
                      info);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->url, "https://caller.example/a");
}

TEST(Metadata, HostileJsonLdDoesNotHurt) {
  std::string deep;
  for (int i = 0; i < 20000; ++i) deep += "[";
  std::string scripts;
  for (int i = 0; i < 40; ++i) scripts += "<script type=\"application/ld+json\">" + deep + "</script>";
  Extractor ex;
  auto r = ex.extract(page("<title>Deep | Site</title>" + scripts, "<article><h1>Deep</h1>" + kProse + "</article>"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->title, "Deep");
}

}  // namespace
}  // namespace pith
