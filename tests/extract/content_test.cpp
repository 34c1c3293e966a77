// Content selection and rendering on small pages, through the public Extractor.
#include <gtest/gtest.h>

#include "pages.h"
#include "selection.h"
#include "pith/extract.h"

namespace pith {
namespace {

using testing::kProse;
using testing::page;

Extraction run(const std::string& html) { return testing::extract_page(html); }

TEST(Render, CapitalAfterAnElementBoundaryStartsAWord) {
  Extraction e = run(page("<title>Kayaks</title>",
                          "<main>" + kProse +
                              "<p><span>Brookfin</span><span>Heron 140</span> costs "
                              "<span>$973</span><span>Length</span> and the iPhone stays whole.</p></main>"));
  EXPECT_NE(e.text.find("Brookfin Heron 140"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("$973 Length"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("iPhone"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Brookfin\xE2"), std::string::npos);
}

TEST(Render, CapitalisedWordAfterAnAcronymAcrossABoundaryStartsAWord) {
  // A brand in capitals and the model's name, a genre tag after an acronym tag: two words. An
  // acronym split over elements, or one capital before lower case ("<b>T</b>he"), stays whole.
  Extraction e = run(page("<title>Tents</title>",
                          "<main>" + kProse +
                              "<p><span>NEMO</span><span>Aurora 2P</span> in <span>RPG</span><span>Fantasy</span> "
                              "from <b>NA</b>SA and <b>T</b>he Lodge.</p></main>"));
  EXPECT_NE(e.text.find("NEMO Aurora 2P in RPG Fantasy from NASA and The Lodge."), std::string::npos) << e.text;
}

TEST(Render, LowerCaseAfterABoundaryIsTheSameWord) {
  Extraction e = run(page("<title>T</title>", "<main>" + kProse + "<p>A <b>bold</b>ly marked word.</p></main>"));
  EXPECT_NE(e.text.find("boldly marked"), std::string::npos) << e.text;
}

// A product page: the name and price sit in a block beside the description, the specification
// in a closed tab. The product's text takes in all three; the menu stays out.
const std::string kProductHead = R"(<title>Trail Pack 25 | Shop</title>
  <script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Trail Pack 25",
  "offers":{"@type":"Offer","price":"99.00","priceCurrency":"USD"}}</script>)";

std::string product_body() {
  return R"(<nav><a href="/">Home</a> <a href="/packs">Packs</a> <a href="/tents">Tents</a></nav>
    <div class="pdp"><div class="buy-box"><h1>Trail Pack 25</h1><span class="price">$99.00</span>
    <a href="/cart">Add to cart</a></div>
    <div class="details"><div class="description"><p>The Trail Pack 25 carries a day's gear on any trail, with a
    padded back panel, a hydration sleeve and two side pockets that hold a bottle each. Its fabric is
    recycled nylon with a water-repellent finish, and the hip belt folds away when you do not need it.</p>
    <p>Compression straps keep the load close, and a top lid holds the small things you reach for most,
    like a map, a snack or a headlamp for the walk back after dark.</p></div>
    <div class="tab-panel" style="display:none"><p>Weight: 1.9 pounds. Volume: 25 liters. Fabric: recycled nylon
    ripstop, 210 denier, with a durable water repellent finish free of PFAS chemicals.</p></div>
    <div class="tab-panel hidden"><p>Warranty: every pack is covered for life against defects in materials
    and workmanship, and we repair worn buckles and zippers for free.</p></div></div></div>
    <footer><a href="/help">Help</a> <a href="/jobs">Jobs</a></footer>)";
}

TEST(Selection, ProductTakesInItsHeadingAndClosedTabs) {
  Extraction e = run(page(kProductHead, product_body()));
  ASSERT_EQ(e.page_type, "product");
  EXPECT_NE(e.text.find("Trail Pack 25\n"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("$99.00"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("padded back panel"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("Volume: 25 liters"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("covered for life"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Tents"), std::string::npos) << e.text;
}

// A template that prints a product's fields as a list of image URLs (a <dl> a stylesheet hides)
// makes a data dump: runs of characters too long for words. The list goes; the description
// stays, and so do a sentence with a link address in it and code with a long command line.
std::string token_dump_body() {
  std::string dump = "<dl class=\"product-info\">";
  for (const char* colour : {"bone", "sage", "navy", "coral", "black", "white", "sand", "clay"}) {
    dump += std::string("<dt>thumb_") + colour + ":</dt><dd>https://cdn.example.com/images/stencil/160x160/uploads/"
            "5001/thumbnails/5001_tee_" + colour + "_thumb_1.jpg</dd>";
  }
  dump += "</dl>";
  return "<main><h1>Staple Tee</h1>" + kProse +
         "<p>Read the care guide at https://example.com/guides/care-for-cotton-shirts-without-shrinking-them-2024 "
         "before the first wash.</p>"
         "<table><tr><td>1 2 3</td><td><pre><code>"
         "curl -fL https://downloads.example.org/corpora/wikipedia_2016_sentences_1M.tar.gz | tar -xzf -\n"
         "curl -fL https://downloads.example.org/corpora/wikipedia_2021_sentences_1M.tar.gz | tar -xzf -\n"
         "curl -fL https://downloads.example.org/corpora/wikipedia_2023_sentences_1M.tar.gz | tar -xzf -"
         "</code></pre></td></tr></table>" +
         dump + "</main>";
}

TEST(Selection, ListOfUrlTokensIsADataDump) {
  Extraction e = run(page("<title>Staple Tee</title>", token_dump_body()));
  EXPECT_NE(e.text.find(kProse.substr(3, 40)), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("thumb_1.jpg"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("thumb_sage"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("care-for-cotton-shirts"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("wikipedia_2016_sentences_1M"), std::string::npos) << e.text;
}

// The type steers the selection only at Options::type_hints_min_confidence or above: below it
// the page keeps the untyped selection (no closed tabs).
TEST(Selection, PageTypeSteersOnlyFromTheMinimumConfidence) {
  const std::string html = page(kProductHead, product_body());
  auto extract_with = [&](double min_confidence) {
    Options opt;
    opt.type_hints_min_confidence = min_confidence;
    Extractor ex(opt);
    auto r = ex.extract(html);
    EXPECT_TRUE(r.ok());
    return r.ok() ? *r : Extraction{};
  };
  Extraction typed = run(html);
  ASSERT_EQ(typed.page_type, "product");
  ASSERT_GE(typed.page_type_confidence, Options{}.type_hints_min_confidence);
  EXPECT_NE(typed.text.find("Volume: 25 liters"), std::string::npos) << typed.text;
  Extraction untyped = extract_with(typed.page_type_confidence + 0.01);
  EXPECT_EQ(untyped.page_type, "product");  // the type is still reported
  EXPECT_EQ(untyped.text.find("Volume: 25 liters"), std::string::npos) << untyped.text;
  EXPECT_NE(untyped.text.find("padded back panel"), std::string::npos) << untyped.text;
  EXPECT_EQ(extract_with(typed.page_type_confidence).text, typed.text);
}

// A product page with a second <h1> further down (a section title): the first is the name.
TEST(Selection, ProductWidensToItsFirstH1) {
  std::string body = product_body();
  body.insert(body.find("<div class=\"tab-panel\""), "<h1>Reviews</h1><p>No reviews yet.</p>");
  Extraction e = run(page(kProductHead, body));
  ASSERT_EQ(e.page_type, "product");
  EXPECT_NE(e.text.find("$99.00"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("padded back panel"), std::string::npos) << e.text;
}

// A shop repeats a section (its mobile and desktop versions): the product's text has it once.
TEST(Selection, ProductDropsSecondCopiesOfABlock) {
  std::string body = product_body();
  const std::string banner = "<p>Free shipping on orders over fifty dollars, and returns within ninety days.</p>";
  body.insert(body.find("<div class=\"description\">"), banner);
  body.insert(body.find("<div class=\"tab-panel\""), banner);
  Extraction e = run(page(kProductHead, body));
  ASSERT_EQ(e.page_type, "product");
  size_t first = e.text.find("Free shipping on orders");
  ASSERT_NE(first, std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Free shipping on orders", first + 1), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("padded back panel"), std::string::npos) << e.text;
}

// A class that reads as chrome ("subscription") does not drop the block holding the page's
// only <h1>; without an <h1> inside, it does.
TEST(Selection, ClassRulesSpareTheBlockOfTheOnlyH1) {
  const std::string more =
      "<p>The second part of the page tells how the coffee is roasted, in small batches over two days, "
      "and how the beans are chosen from farms on three continents for a dark and even taste.</p>"
      "<p>Every bag is sealed on the day it is roasted and shipped the morning after.</p>";
  const std::string body = "<div class=\"product product--subscription\"><h1>Dark Roast</h1>" + kProse +
                           "</div><div class=\"story\">" + more + more + "</div>";
  Extraction e = run(page("<title>Dark Roast</title>", body));
  EXPECT_NE(e.text.find("Storms moved across"), std::string::npos) << e.text;
  std::string no_h1 = body;
  no_h1.replace(no_h1.find("<h1>Dark Roast</h1>"), 19, "");
  Extraction f = run(page("<title>Dark Roast</title>", no_h1));
  EXPECT_EQ(f.text.find("Storms moved across"), std::string::npos) << f.text;
}

// An article keeps its body only: the headline above it and hidden blocks stay out.
TEST(Selection, ArticleIsNotWidened) {
  Extraction e = run(page(R"(<title>Storms Reach the Valley</title>
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
      "headline":"Storms Reach the Valley","datePublished":"2023-03-21"}</script>)",
                          "<div class=\"wrap\"><div class=\"head\"><h1>Storms Reach the Valley</h1>"
                          "<span>By Ann Lee, March 21, 2023</span></div><div class=\"story\">" +
                              kProse + kProse + kProse +
                              "<div style=\"display:none\"><p>A hidden paragraph of prose that no reader sees on "
                              "the page, long enough to count as a paragraph of its own text.</p></div>"
                              "</div></div>"));
  ASSERT_EQ(e.page_type, "article");
  EXPECT_EQ(e.text.find("Storms Reach the Valley"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("hidden paragraph"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("Storms moved across"), std::string::npos) << e.text;
}

// An element with the popover attribute is hidden until a button opens it (HTML's popover
// API): an app-install card or a notification-settings panel inside the thread is no text.
TEST(Selection, PopoverIsHiddenUntilOpened) {
  Extraction e = run(page("<title>Tent poles</title>",
                          "<main><h1>Tent poles</h1>" + kProse +
                              "<div popover id=\"install\"><p>A full-screen app on your home screen with push "
                              "notifications, badges and more, for every reader of this forum.</p>"
                              "<ol><li>Tap the Share icon in the browser.</li><li>Tap Add to Home Screen.</li></ol>"
                              "</div>" +
                              kProse + "</main>"));
  EXPECT_NE(e.text.find("Storms moved across"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("full-screen app"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Add to Home Screen"), std::string::npos) << e.text;
}

// hidden="until-found" is a collapsed section that find-in-page opens, as a closed <details> is:
// content, not chrome. A plain hidden attribute still hides.
TEST(Selection, HiddenUntilFoundIsACollapsedSection) {
  Extraction e = run(page("<title>Repotting</title>",
                          "<article><h1>Repotting</h1>" + kProse +
                              "<h2>Before you start</h2><div hidden=\"until-found\"><p>Water the plant well a day "
                              "before repotting, so the root ball slides out of the old pot in one piece.</p></div>"
                              "<div hidden><p>Thanks for signing up to the weekly gardening letter!</p></div></article>"));
  EXPECT_NE(e.text.find("Water the plant well"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Thanks for signing up"), std::string::npos) << e.text;
}

// A schema.org InteractionCounter under a post is its like count, data about the post: it goes,
// whatever language the count is written in; the post stays.
TEST(Selection, InteractionCounterIsNoText) {
  const std::string post =
      "<div class=\"topic-body\">" + kProse +
      "<div itemprop=\"interactionStatistic\" itemscope itemtype=\"http://schema.org/InteractionCounter\">"
      "<meta itemprop=\"userInteractionCount\" content=\"6\"><span>6 Likes</span></div></div>";
  Extraction e = run(page("<title>Certificates</title>", "<main><h1>Certificates</h1>" + post + post + "</main>"));
  EXPECT_NE(e.text.find("Storms moved across"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("6 Likes"), std::string::npos) << e.text;
}

// A category page: a heading and a short intro, and beside them a grid of product cards (a
// link, a line and a price each). The grid is the content, with its heading and intro.
TEST(Selection, GridBesideItsIntroTakesBothIn) {
  std::string cards;
  const char* names[] = {"Alpine Tent", "Bivy Sack", "Canyon Tarp", "Dome Tent",
                         "Ember Stove", "Glacier Bag", "Harbor Cot", "Fjord Pad"};
  for (int i = 0; i < 8; ++i)
    cards += std::string("<li class=\"card\"><a href=\"/p/") + std::to_string(i) + "\"><span>" + names[i] +
             "</span><span>Two-person shelter for three seasons</span></a><span>$" + std::to_string(100 + i) +
             ".00</span></li>";
  Extraction e = run(page("<title>Tents</title>",
                          "<nav><a href=\"/\">Home</a> <a href=\"/shop\">Shop</a></nav><main><div class=\"hero\">"
                          "<h1>Tents</h1><p>Shelters for every trip, from a night out to a month on the trail.</p>"
                          "</div><div class=\"results\"><ul class=\"grid\">" +
                              cards + "</ul></div></main><footer><a href=\"/help\">Help</a></footer>"));
  EXPECT_NE(e.text.find("Shelters for every trip"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("Alpine Tent"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("Fjord Pad"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Help"), std::string::npos) << e.text;
}

// A news story cut short by a paywall: two short paragraphs under the headline, and beside them a
// long list of other headlines with their dates and bylines. The story is a small share of the
// text, as a listing's intro is, but what surrounds it is links and short lines, no prose: on a
// page typed article the story stays the content and the list goes.
TEST(Selection, ShortStoryBesideHeadlinesIsNoListing) {
  std::string cards;
  for (int i = 1; i <= 20; ++i)
    cards += "<li class=\"story\"><a href=\"/news/" + std::to_string(i) +
             "\">Council votes on the new harbour plan, part " + std::to_string(i) +
             " of the series</a> <span>May " + std::to_string(i) +
             ", 2024</span> <span>By Ana Ruiz and Tom Berg</span></li>";
  Extraction e = run(page(
      R"(<title>Harbour closes after storm | The Daily</title><meta property="og:type" content="article">
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
      "headline":"Harbour closes after storm","datePublished":"2024-05-21"}</script>)",
      "<div class=\"page\"><div class=\"story-body\"><h1>Harbour closes after storm</h1><p>The harbour closed on "
      "Tuesday after the storm tore two boats from their moorings and left the pier under water. Harbour staff "
      "said it would stay shut until divers had checked the walls, which could take the rest of the week.</p>"
      "<p>Subscribers can read the rest of this story.</p></div><div class=\"latest\"><h2>More news</h2><ul>" +
          cards + "</ul></div></div>"));
  ASSERT_EQ(e.page_type, "article");
  ASSERT_GE(e.page_type_confidence, Options{}.type_hints_min_confidence);
  EXPECT_NE(e.text.find("The harbour closed on Tuesday"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Council votes"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Ana Ruiz"), std::string::npos) << e.text;
}

// A story on a page without class names: a lead photo whose long caption and credit line sits in
// a box beside the <img>, then the headline, and the story, weighed down by the links of its
// embedded posts and "related" lines, below a menu and beside a sidebar of other stories. The
// caption box outweighed the story and became the container; the story after it, under the
// box's ancestor, is the container, with the caption (content.cpp story_after_caption).
TEST(Selection, StoryAfterAPhotoCaptionBeatsTheCaption) {
  std::string embed;
  for (int i = 1; i <= 9; ++i)
    embed += "<blockquote><p>Look at the water on the quay this morning <a href=\"https://social.example/p/" +
             std::to_string(i) + "\">social.example/p/harbour-photo-number-" + std::to_string(i) +
             "</a></p>&mdash; Harbour Watch (@harbourwatch) <a href=\"https://social.example/s/" + std::to_string(i) +
             "\">May 21, 2024 at 07:1" + std::to_string(i) + "</a></blockquote>";
  std::string lines;
  for (int i = 1; i <= 16; ++i) lines += "<div>Update at 9:" + std::to_string(10 + i) + ".</div>";
  std::string side;
  for (int i = 1; i <= 30; ++i)
    side += "<div><a href=\"/news/" + std::to_string(i) + "\">Ferry timetable changes for the summer, part " +
            std::to_string(i) + "</a><div>9:1" + std::to_string(i) + " AM 5/2" + std::to_string(i) + "/2024</div></div>";
  Extraction e = run(page(
      "<title>Harbour closes after storm | The Daily Tide</title><meta property=\"og:type\" content=\"article\">"
      "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
      "\"headline\":\"Harbour closes after storm\",\"datePublished\":\"2024-05-21\"}</script>",
      "<div><div><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a> "
      "<a href=\"/weather\">Weather</a> <a href=\"/about\">About</a></div>"
      "<div><div><div><img src=\"/img/harbour.jpg\" width=\"640\"><span>May 21, 2024; Port Elly, UK; Waves break over "
      "the north pier of the harbour as the storm passes the coast on Tuesday morning, seen from the old lighthouse on "
      "the hill. Required credit: Sam Teller, Coast Picture Agency</span></div>"
      "<h1>Harbour closes after storm</h1><div>8:02 AM 5/21/2024</div>"
      "<div><a href=\"/share/fb\">Share</a> <a href=\"/share/tw\">Post</a> <a href=\"/share/mail\">Mail</a></div>"
      "<div><a href=\"/staff/lee\">Morgan Lee</a><div>Coast Reporter</div><a href=\"/staff/lee/all\">All stories "
      "by this writer</a> <a href=\"/staff/lee/mail\">Write to the writer</a> <a href=\"/staff/lee/feed\">Feed</a></div>"
      "<div><p>The harbour closed on Tuesday after the storm tore two boats from their moorings. (SEE ALSO: "
      "<a href=\"/news/pier\">The pier that has stood for two hundred years of winter gales</a>)</p>"
      "<p>Staff said it would stay shut until divers had checked the walls, which could take the rest of the week, "
      "they said on Tuesday.</p><p>The ferry to the islands will leave from the beach landing until then, and its "
      "timetable stays as it was for the summer.</p><p>Shops on the quay stayed open, though few people came down "
      "to the water during the worst of the wind and rain at noon.</p>" + embed + lines +
      "<p>Fishing crews moved their boats to the river mouth. (SEE ALSO: <a href=\"/news/fleet\">How the fleet "
      "rides out the worst storms of the year on the river</a>)</p><p>The harbour master expects to open on "
      "Friday if the weather holds, though the forecast for the weekend brings another band of wind and rain "
      "across the bay.</p></div></div>"
      "<div>" + side + "</div></div></div>"));
  EXPECT_EQ(e.page_type, "article");
  EXPECT_NE(e.text.find("The harbour closed on Tuesday"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("expects to open on Friday"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Ferry timetable"), std::string::npos) << e.text;
}

// A news index: cards of a topic, a headline and a byline each, the byline in a card "footer"
// that the class rules drop. The headline is the card's own, not the heading of a dropped list:
// it stays.
TEST(Selection, CardHeadlineOutlivesItsDroppedFooter) {
  std::string cards;
  const char* titles[] = {"Dam opens its gates after the storm passes the upper valley",
                          "Farm prices rise in the valley as the harvest comes in late",
                          "Schools reopen near the river once the water goes down",
                          "Bridge repairs start on Monday and close the north road",
                          "Ferry service returns to the lake after two weeks of wind",
                          "Orchards count the cost of hail that fell on Sunday night"};
  for (int i = 0; i < 6; ++i)
    cards += std::string("<li class=\"card\"><a class=\"thumb\" href=\"/n/") + std::to_string(i) +
             "\"><img src=\"a.jpg\" alt=\"\"></a><div class=\"card__body\"><span class=\"topic\">Weather and "
             "rivers</span><h4 class=\"card__title\"><a href=\"/n/" +
             std::to_string(i) + "\">" + titles[i] +
             "</a></h4><div class=\"card__footer\"><a href=\"/by/jo\">Jo Marsh</a> on Mar 0" + std::to_string(i + 1) +
             "</div></div></li>";
  Extraction e = run(page("<title>News</title>",
                          "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><main><h1>Latest</h1>"
                          "<p>The week in the valley: storms, prices and the roads that are open again.</p>"
                          "<section class=\"news\"><h2>News</h2><ul class=\"cards\">" +
                              cards + "</ul></section></main><footer><a href=\"/help\">Help</a></footer>"));
  EXPECT_NE(e.text.find("Dam opens its gates"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("Orchards count the cost"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Help"), std::string::npos) << e.text;
}

// "Similar items" heads a grid of other products, "Related news" cards of other articles:
// the section goes with its heading.
TEST(Selection, ListHeadingDropsTheSectionItOpens) {
  std::string others;
  const char* names[] = {"Summit Pack 30", "Ridge Pack 18", "Valley Sling 5", "Canyon Duffel 40"};
  for (const char* name : names)
    others += std::string("<div class=\"tile\"><a href=\"/p\">") + name +
              "</a><span>A light pack for long days on the trail, now in four colours.</span></div>";
  std::string body = product_body();
  body.insert(body.find("<div class=\"tab-panel\""),
              "<section><div class=\"head\"><h2>Similar items</h2></div><div class=\"row\">" + others +
                  "</div></section>");
  Extraction e = run(page(kProductHead, body));
  ASSERT_EQ(e.page_type, "product");
  EXPECT_NE(e.text.find("padded back panel"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Similar items"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Summit Pack"), std::string::npos) << e.text;

  std::string cards;
  for (const char* c : {"Dam opens its gates", "Farm prices rise", "Schools reopen"})
    cards += std::string("<div class=\"card\"><a href=\"/a\">") + c +
             "</a><span>What happened next in the valley after a week of rain upstream.</span></div>";
  Extraction a = run(page("<title>Storms</title>", "<article><h1>Storms reach the valley</h1>" + kProse +
                                                       "<h3>Related news</h3><div class=\"cards\">" + cards +
                                                       "</div></article>"));
  EXPECT_NE(a.text.find("autumn harvest"), std::string::npos) << a.text;
  EXPECT_EQ(a.text.find("Dam opens"), std::string::npos) << a.text;
  EXPECT_EQ(a.text.find("after a week of rain"), std::string::npos) << a.text;
}

// A box's title row that a class rule takes out ("box-header", class:header) still heads the
// box: "Related questions" over other pages' summaries takes the box along, as an <h3> would.
TEST(Selection, ListHeadingDroppedAsBoxHeaderStillDropsItsBox) {
  std::string items;
  for (const char* c : {"Dam opens its gates", "Farm prices rise", "Schools reopen"})
    items += std::string("<div class=\"item\"><span>What happened next in the valley after a week of rain "
                         "upstream, and who paid for it.</span> <a href=\"/a\">") +
             c + "</a></div>";
  for (const char* heading : {"Related questions", "相关问题"}) {
    Extraction e = run(page("<title>Storms</title>", std::string("<article><h1>Storms reach the valley</h1>") +
                                                         kProse + "<div class=\"box\"><div class=\"box-header\">" +
                                                         heading + "</div><div class=\"items\">" + items +
                                                         "</div></div></article>"));
    EXPECT_NE(e.text.find("autumn harvest"), std::string::npos) << heading << ": " << e.text;
    EXPECT_EQ(e.text.find("Dam opens"), std::string::npos) << heading << ": " << e.text;
    EXPECT_EQ(e.text.find("who paid for it"), std::string::npos) << heading << ": " << e.text;
  }
}

// The heading of a list of other articles in another language ("相关新闻：" with its full-width
// colon under a Chinese news article, "เรื่องที่เกี่ยวข้อง" under a Thai one) opens its section as
// "Related news" does: the cards go with it, the article stays.
TEST(Selection, RelatedListHeadingInOtherLanguagesDropsItsSection) {
  const std::string kChineseProse =
      "<p>周二，暴雨席卷山谷，给等待了几个月雨水的农场带来了充足的降水。农民们说，这场雨对早季作物来说来得太晚，"
      "但会帮助秋季的收成，河水在一夜之间上涨了半米。</p><p>官员提醒司机在河水退去之前避开河边的低洼道路，"
      "两个村庄的学校当天停课。</p>";
  std::string cards;
  for (const char* c : {"水坝开闸泄洪", "农产品价格上涨", "学校恢复上课"})
    cards += std::string("<div class=\"card\"><a href=\"/a\">") + c +
             "</a><span>上游下了一周雨之后，山谷里接下来发生的事情。</span></div>";
  Extraction zh = run(page("<title>暴雨</title>", "<article><h1>暴雨抵达山谷</h1>" + kChineseProse +
                                                    "<h3>相关新闻：</h3><div class=\"cards\">" + cards +
                                                    "</div></article>",
                           "zh"));
  EXPECT_NE(zh.text.find("秋季的收成"), std::string::npos) << zh.text;
  EXPECT_EQ(zh.text.find("相关新闻"), std::string::npos) << zh.text;
  EXPECT_EQ(zh.text.find("水坝开闸泄洪"), std::string::npos) << zh.text;
  EXPECT_EQ(zh.text.find("上游下了一周雨"), std::string::npos) << zh.text;

  std::string links;
  for (const char* c : {"Dam opens its gates", "Farm prices rise", "Schools reopen"})
    links += std::string("<li><a href=\"/a\">") + c + "</a></li>";
  Extraction th = run(page("<title>Storms</title>", "<article><h1>Storms reach the valley</h1>" + kProse +
                                                        "<div class=\"box\"><h2>เรื่องที่เกี่ยวข้อง</h2><ul>" + links +
                                                        "</ul></div></article>",
                           "th"));
  EXPECT_NE(th.text.find("autumn harvest"), std::string::npos) << th.text;
  EXPECT_EQ(th.text.find("เรื่องที่เกี่ยวข้อง"), std::string::npos) << th.text;
  EXPECT_EQ(th.text.find("Dam opens"), std::string::npos) << th.text;
}

// A stream of other stories under its heading ("大家都在看", "more stories") may hold far more
// text than a short wire brief beside it, its teasers with their summaries: the stream still
// goes with its heading, as a box's title row the class rules took out, and the brief stays.
TEST(Selection, MoreStoriesStreamOutweighingAShortArticleGoesWithItsHeading) {
  std::string items;
  for (int i = 0; i < 12; ++i)
    items += "<li><a href=\"/s" + std::to_string(i) + "\">Story " + std::to_string(i) +
             " from the hills</a><p>Farmers in the upper valley counted the cost of the week's weather, and the "
             "council promised help with the repairs before winter comes to the hills.</p></li>";
  for (const char* heading : {"More stories", "\xE5\xA4\xA7\xE5\xAE\xB6\xE9\x83\xBD\xE5\x9C\xA8\xE7\x9C\x8B"}) {  // 大家都在看
    Extraction e = run(page("<title>Storms</title>",
                            std::string("<div class=\"story\"><h1>Storms reach the valley</h1>") + kProse +
                                "</div><div class=\"stream\"><div class=\"stream-header\"><h2>" + heading +
                                "</h2></div><ul>" + items + "</ul></div>"));
    EXPECT_NE(e.text.find("autumn harvest"), std::string::npos) << heading << ": " << e.text;
    EXPECT_EQ(e.text.find("upper valley"), std::string::npos) << heading << ": " << e.text;
  }
}

// A search box shows trending searches in its field until the reader types, rotated one by one
// in elements its class calls placeholders, beside the <input> (a Chinese portal's "热搜"): what
// the field shows, not the page's text. An element called a placeholder with no field beside it
// (a layout's slot that the story fills) stays.
TEST(Selection, SearchFieldPlaceholdersAreDropped) {
  std::string items;
  for (const char* q : {"腾讯宣布降价", "美联储再向世界发声", "多地楼市活跃度渐升", "高校生源竞争日益激烈"})
    items += std::string("<div class=\"placeholder-item\">") + q + "</div>";
  Extraction e = run(page("<title>Storms</title>",
                          "<div class=\"search-box\"><input type=\"text\" value=\"\"><div class=\"placeholder-wrap\">" +
                              items + "</div></div><h1>Storms reach the valley</h1>" + kProse +
                              "<div class=\"story-placeholder\"><p>The weather service expects more rain on "
                              "Thursday.</p></div>"));
  EXPECT_NE(e.text.find("autumn harvest"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("more rain on Thursday"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("腾讯宣布降价"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("高校生源"), std::string::npos) << e.text;
}

// A Chinese self-media platform prints its notice under every post its users publish: the
// platform "only provides information storage services" (仅提供信息存储服务), a line of 40 to 60
// characters, longer than the blocks compared with the boilerplate phrases. It goes; a paragraph
// of the article stays, and so does a wrapper holding the notice beside the article's paragraphs.
TEST(Selection, ChinesePlatformNoticeIsDropped) {
  const std::string kChineseProse =
      "<p>周二，暴雨席卷山谷，给等待了几个月雨水的农场带来了充足的降水。农民们说，这场雨对早季作物来说来得太晚，"
      "但会帮助秋季的收成，河水在一夜之间上涨了半米。</p><p>官员提醒司机在水位下降之前不要走河边的低洼道路，"
      "两个村庄的学校当天停课。</p>";
  Extraction e = run(page("<title>暴雨</title>",
                          "<article><h1>暴雨抵达山谷</h1>" + kChineseProse +
                              "<p class=\"statement\">以上内容（包括图片及视频）为创作者平台用户上传并发布，"
                              "本平台仅提供信息存储服务。</p></article>",
                          "zh"));
  EXPECT_NE(e.text.find("秋季的收成"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("两个村庄的学校"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("仅提供信息存储"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("创作者平台"), std::string::npos) << e.text;
}

// The buttons under a Japanese or a Korean article, each a block of its own (comment, like,
// share, see more; 댓글, 좋아요, 공유, 더보기), go; the article's sentences using the words stay.
TEST(Selection, JapaneseAndKoreanArticleButtonsAreDropped) {
  Extraction ja = run(page("<title>大雨</title>",
                           "<article><h1>谷に大雨</h1><p>火曜日、谷に大雨が降り、何か月も雨を待っていた農家に十分な水をもたらした。"
                           "農家の人々は、早い作物には遅すぎたが秋の収穫には役立つと話し、川の水位は一晩で半メートル上がった。</p>"
                           "<p>読者からのコメントも多く寄せられた。</p><div class=\"tools\"><div><span>コメント</span></div>"
                           "<div><span>いいね</span></div><div><span>シェア</span></div><div><span>もっと見る</span></div></div>"
                           "</article>",
                           "ja"));
  EXPECT_NE(ja.text.find("秋の収穫"), std::string::npos) << ja.text;
  EXPECT_NE(ja.text.find("読者からのコメント"), std::string::npos) << ja.text;
  EXPECT_EQ(ja.text.find("いいね"), std::string::npos) << ja.text;
  EXPECT_EQ(ja.text.find("もっと見る"), std::string::npos) << ja.text;
  EXPECT_EQ(ja.text.find("\nコメント"), std::string::npos) << ja.text;
  Extraction ko = run(page("<title>폭우</title>",
                           "<article><h1>계곡에 폭우</h1><p>화요일 계곡에 폭우가 쏟아져 몇 달 동안 비를 기다리던 농가에 충분한 물을 "
                           "가져다주었다. 농민들은 이른 작물에는 너무 늦었지만 가을 수확에는 도움이 될 것이라고 말했고, 강물은 "
                           "하룻밤 사이에 반 미터 불어났다.</p><div class=\"tools\"><div><span>댓글</span></div>"
                           "<div><span>좋아요</span></div><div><span>공유</span></div><div><span>더보기</span></div></div>"
                           "</article>",
                           "ko"));
  EXPECT_NE(ko.text.find("가을 수확"), std::string::npos) << ko.text;
  EXPECT_EQ(ko.text.find("좋아요"), std::string::npos) << ko.text;
  EXPECT_EQ(ko.text.find("더보기"), std::string::npos) << ko.text;
  EXPECT_EQ(ko.text.find("댓글"), std::string::npos) << ko.text;
}

// The buttons under a Chinese article, each its own block ("分享到：" before the share icons,
// "举报" to report the article, "收藏" to save it, "点赞" to like it), go; the article's own
// sentences that use these words stay.
TEST(Selection, ChineseArticleButtonsAreDropped) {
  const std::string kChineseProse =
      "<p>周二，暴雨席卷山谷，给等待了几个月雨水的农场带来了充足的降水。农民们说，这场雨对早季作物来说来得太晚，"
      "但会帮助秋季的收成，河水在一夜之间上涨了半米。</p><p>村民们纷纷点赞救援队的工作，并把照片收藏起来。</p>";
  Extraction e = run(page("<title>暴雨</title>",
                          "<article><h1>暴雨抵达山谷</h1>" + kChineseProse +
                              "<div class=\"tools\"><div class=\"s\"><span>分享到：</span><i class=\"wx\"></i></div>"
                              "<div class=\"r\"><span>举报</span></div><div class=\"f\"><span>收藏</span></div>"
                              "<div class=\"l\"><span>点赞</span></div></div></article>",
                          "zh"));
  EXPECT_NE(e.text.find("秋季的收成"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("纷纷点赞救援队"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("分享到"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("举报"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("\n收藏"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("\n点赞"), std::string::npos) << e.text;
}

// The author's box under an article: "About the author" (or "Written by"), the writer's name and a short bio
// that reads as prose. It goes with its heading, whether the heading opens a box of its own
// (a two-column block of heading and bio) or is a paragraph among the article's last ones.
TEST(Selection, AboutTheAuthorHeadingDropsTheAuthorBox) {
  const std::string kBio =
      "<p>Ann Lee has covered farming and the weather in the valley for twelve years, and before that she "
      "wrote about rivers and floods for a paper on the coast.</p>";
  Extraction boxed = run(page("<title>Storms</title>",
                              "<main><article><h1>Storms reach the valley</h1>" + kProse +
                                  "<div class=\"columns\"><div class=\"column\"><h2>About The Author</h2></div>"
                                  "<div class=\"column\"><p>Ann Lee</p>" + kBio +
                                  "<a href=\"/author/ann-lee\">View all posts</a></div></div></article></main>"));
  EXPECT_NE(boxed.text.find("autumn harvest"), std::string::npos) << boxed.text;
  EXPECT_EQ(boxed.text.find("About The Author"), std::string::npos) << boxed.text;
  EXPECT_EQ(boxed.text.find("twelve years"), std::string::npos) << boxed.text;

  Extraction inline_box = run(page("<title>Storms</title>", "<main><article><h1>Storms reach the valley</h1>" +
                                                               kProse + "<p>About the Author:</p>" + kBio +
                                                               "</article></main>"));
  EXPECT_NE(inline_box.text.find("autumn harvest"), std::string::npos) << inline_box.text;
  EXPECT_EQ(inline_box.text.find("twelve years"), std::string::npos) << inline_box.text;

  // "Written by" over the writer's name and bio: the same box under another heading.
  Extraction written = run(page("<title>Storms</title>",
                                "<main><article><h1>Storms reach the valley</h1>" + kProse +
                                    "<div class=\"card\"><p>WRITTEN BY</p><a href=\"/author/ann-lee\">Ann Lee</a>" +
                                    kBio + "</div></article></main>"));
  EXPECT_NE(written.text.find("autumn harvest"), std::string::npos) << written.text;
  EXPECT_EQ(written.text.find("twelve years"), std::string::npos) << written.text;

  // A section longer than a box under the heading is the article's own (a profile's chapter).
  std::string chapter;
  for (int i = 0; i < 8; ++i) chapter += kBio;
  Extraction essay = run(page("<title>Storms</title>", "<main><article><h1>Storms reach the valley</h1>" + kProse +
                                                          "<h2>About the author</h2>" + chapter + "</article></main>"));
  EXPECT_NE(essay.text.find("twelve years"), std::string::npos) << essay.text;
}

// On a product page (a book) the author is the product's: the bio under "About the author" is
// part of its description.
TEST(Selection, AboutTheAuthorStaysOnAProductPage) {
  const std::string html = page("<title>Storms</title>",
                                "<main><h1>Storms of the Valley</h1>" + kProse +
                                    "<h2>About the author</h2><p>Ann Lee has covered farming and the weather in the "
                                    "valley for twelve years, and this is her first book.</p></main>");
  EXPECT_NE(testing::select_text(html, hints_for_page_type("product")).find("twelve years"), std::string::npos);
  EXPECT_EQ(testing::select_text(html, hints_for_page_type("")).find("twelve years"), std::string::npos);
}

// Related posts as <article> cards: each card's headline and byline sit in its <header>, which
// goes as the card's header, leaving only its summary paragraph. The summaries read as prose,
// but several <article>s under a list heading are other pages: the section goes with it.
TEST(Selection, ListHeadingOverArticleCardsDropsThem) {
  const std::string kMoreProse =
      "<p>The council met on Wednesday evening to count the cost of the flooding, and its members agreed to "
      "ask the region for help with the repairs to the two bridges that the river had damaged.</p><p>Shop "
      "owners on the main street spent the morning sweeping mud out of their doors, and most of them said "
      "they hoped to open again before the weekend market brings visitors back to the town.</p><p>Forecasters "
      "expect drier weather for the rest of the week, though another band of rain may reach the hills on "
      "Sunday night and keep the river high for a few more days.</p>";
  std::string cards;
  for (const char* c : {"Dam opens its gates", "Farm prices rise", "Schools reopen"})
    cards += std::string("<li><article><header><h3><a href=\"/a\">") + c +
             "</a></h3><span>By Ann Lee</span></header><div class=\"summary\"><p>What happened after a week of "
             "rain upstream, and what the farmers and the schools made of it when the water went down.</p></div><footer><a href=\"/a\">Read More</a></footer></article></li>";
  Extraction a = run(page("<title>Storms</title>",
                          "<main><div class=\"content\"><h1>Storms reach the valley</h1>" + kProse + kMoreProse +
                              "</div><div class=\"more\"><div class=\"inner\"><h2>You might also like</h2>"
                              "<div class=\"carousel\"><ul>" + cards + "</ul></div></div></div></main>"));
  EXPECT_NE(a.text.find("autumn harvest"), std::string::npos) << a.text;
  EXPECT_EQ(a.text.find("after a week of"), std::string::npos) << a.text;
}

// A "Related" heading over paragraphs of prose is a section of the article, not a list.
TEST(Selection, ListHeadingOverProseKeepsIt) {
  Extraction a = run(page("<title>Folding</title>",
                          "<article><h1>Folding and cutting</h1>" + kProse +
                              "<h2>Related</h2><p>A later paper with three co-authors extends the method to "
                              "polygons with holes, and shows how to fold any such shape flat before one cut "
                              "(<a href=\"/paper\">paper</a>).</p></article>"));
  EXPECT_NE(a.text.find("polygons with holes"), std::string::npos) << a.text;
}

// Lyrics set as one <p> of lines: the heaviest block is that paragraph, but the line in bold
// above it is a paragraph of the text too. The container is the paragraph's parent; its
// tag links are pruned.
TEST(Selection, LoneParagraphTakesInTheParagraphsBesideIt) {
  std::string verses;
  for (int i = 0; i < 12; ++i) verses += "I only see you when the room is full of people around<br>";
  Extraction e = run(page("<title>Lyrics</title>",
                          "<nav><a href=\"/\">Home</a> <a href=\"/a\">Artists</a></nav>"
                          "<div class=\"post\"><div class=\"body\"><p><strong>PJ North - Only You Lyrics</strong></p>"
                          "<p>" + verses + "</p><div>Tags: <a href=\"/t/1\">PJ North</a>, <a href=\"/t/2\">Wonder</a></div>"
                          "</div></div>"));
  EXPECT_NE(e.text.find("PJ North - Only You Lyrics"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("room is full of people"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Tags:"), std::string::npos) << e.text;
}

// An inline element of a paragraph with words between its links (a credit line) is part of
// the sentence; an inline run of links alone (a hover card of headlines behind a name) goes.
TEST(Selection, InlineLinksInAParagraphAreJudgedByTheirWords) {
  Extraction e = run(page("<title>Apps</title>",
                          "<article>" + kProse +
                              "<p>Charge your gadgets and you will make it through the term. [<em>Top image: "
                              "<a href=\"/a\">Creativa Studio</a>, <a href=\"/b\">wavebreakmedia</a></em>]</p>"
                              "<p>Gov. <span><a href=\"/p\">Kristi Nolan</a> <a href=\"/n1\">Governor doubles down "
                              "on campaign</a> <a href=\"/n2\">State drops protest laws</a></span> (R) defended the "
                              "campaign on Monday, and her office said the ads would run until spring.</p></article>"));
  EXPECT_NE(e.text.find("Top image: Creativa Studio, wavebreakmedia"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("protest laws"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("defended the campaign"), std::string::npos) << e.text;
}

// Paragraphs set as look-alike <div>s that each mention a link mid-sentence are prose, not a
// list of teaser cards (a card opens with its link or heading): the article around them, with
// its lede in the header beside them, is the main text.
TEST(Selection, ParagraphsWithALinkMidSentenceAreNotTeaserCards) {
  std::string body;
  for (int i = 0; i < 5; ++i)
    body += "<div class=\"para\">The ministry said on Tuesday that the new rules for the harbour would take effect "
            "next spring, after a review by the <a href=\"/r" + std::to_string(i) + "\">port authority</a> found that "
            "the old ones no longer matched the size of the ships that call there every week of the year.</div>";
  Extraction e = run(page("<title>Harbour</title>",
                          "<article><div class=\"head\"><h1>New harbour rules</h1><p class=\"lede\">Ships over four "
                          "hundred metres will need a second pilot from March, the ministry announced.</p></div>"
                          "<div class=\"text\">" + body + "</div></article>"));
  EXPECT_NE(e.text.find("need a second pilot"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("port authority"), std::string::npos) << e.text;
}

// A story printed twice (a responsive page's desktop and mobile copies of its intro): the text
// has it once.
const std::string kIntro =
    "<p>Disney's movies made for television were events, something you looked forward to for weeks as if "
    "it were an opening night, only at home.</p><p>Find these seven over the holidays and watch them again "
    "and again; scrunchies optional.</p>";

size_t count_of(const std::string& text, std::string_view what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(Selection, ArticleDropsASectionPrintedTwice) {
  Extraction e = run(page("<title>Seven movies</title>",
                          "<article><h1>Seven movies</h1><div class=\"intro-wide\">" + kIntro +
                              "</div><div class=\"slides\"><p>Slide one: a girl from the future.</p></div>"
                              "<div class=\"intro-narrow\">" + kIntro + "</div></article>"));
  EXPECT_EQ(count_of(e.text, "opening night"), 1u) << e.text;
  EXPECT_EQ(count_of(e.text, "scrunchies optional"), 1u) << e.text;
  EXPECT_NE(e.text.find("Slide one"), std::string::npos) << e.text;
}

// What repeats on purpose stays: a question put to each guest (one block between blocks of
// their own), lines repeated inside larger items, and a reply quoting the post it answers.
TEST(Selection, ArticleKeepsRepeatsThatAreNoSecondCopy) {
  const std::string question = "<h3>What made you start cooking for others, and what do you cook most often?</h3>";
  const std::string credit =
      "<p>This image is provided courtesy of the park's friends.</p><p>You can support this camera and the park "
      "with a gift to the conservancy.</p>";
  Extraction e = run(page(
      "<title>Interviews</title>",
      "<article>" + kProse + question + "<p>Anna: my grandmother taught me, and soup is what I make most.</p>" +
          question + "<p>Boris: I started at university; dumplings, every Sunday, for the whole floor.</p>" +
          "<div class=\"cam\"><h3>Half Dome camera</h3>" + credit + "</div><div class=\"cam\"><h3>Valley camera</h3>" +
          credit + "</div>" + "<div class=\"post\">" + kIntro + "</div><div class=\"post\"><blockquote>" + kIntro +
          "</blockquote><p>Agreed, and the old ones were better.</p></div></article>"));
  EXPECT_EQ(count_of(e.text, "What made you start cooking"), 2u) << e.text;
  EXPECT_EQ(count_of(e.text, "courtesy of the park"), 2u) << e.text;
  EXPECT_EQ(count_of(e.text, "opening night"), 2u) << e.text;
}

// Readers' comments under a story: an article of kArticleMinProse (1500) characters and more.
std::string long_story() {
  std::string story;
  for (int i = 0; i < 6; ++i) story += kProse;
  return story;
}

std::string reader_comments(int n) {
  std::string out;
  for (int i = 0; i < n; ++i)
    out += "<div class=\"c\"><p>Reader " + std::to_string(i) +
           " wrote: I have lived by this river for forty years and the council never once cleared the drains "
           "before the autumn storms, so none of this surprises anyone on our street.</p></div>";
  return out;
}

// A comment section named with a content word ("storyComments", "post-comments") is still the
// comment section: the content word says whose comments they are.
TEST(Selection, CommentSectionNamedAfterTheStoryGoes) {
  for (const char* name : {"id=\"storyComments\"", "class=\"post-comments\""}) {
    Extraction e = run(page("<title>Storms</title>", "<div class=\"story\">" + kProse + "<div " + name + ">" +
                                                         reader_comments(2) + "</div></div>"));
    EXPECT_NE(e.text.find("Storms moved"), std::string::npos) << name << ": " << e.text;
    EXPECT_EQ(e.text.find("Reader 0 wrote"), std::string::npos) << name << ": " << e.text;
  }
}

// A long thread holding most of the page still goes when an article lies beside it.
TEST(Selection, CommentSectionHoldingMostOfThePageGoesBesideAnArticle) {
  Extraction e = run(page("<title>Storms</title>", "<div class=\"page\"><div class=\"story\">" + long_story() +
                                                       "</div><div class=\"comments\">" + reader_comments(24) +
                                                       "</div></div>"));
  EXPECT_NE(e.text.find("Storms moved"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Reader 0 wrote"), std::string::npos) << e.text;
}

// A short post of two paragraphs under a date box: its first paragraph outweighs the net sum of
// the rest, yet the post is both paragraphs.
TEST(Selection, ShortPostKeepsItsParagraphsBesideChrome) {
  Extraction e = run(page(
      "<title>Phone cases</title>",
      "<section class=\"module\"><div class=\"date\">29 May</div>"
      "<h2>Favourite: a phone case like a nail polish bottle</h2><p>Designed like a bottle of nail polish, these "
      "phone cases turn heads wherever a phone comes out of a bag. They come in the colour of the matching polish "
      "or in a contrasting one, in four colours in all: red, black, pink and a pale beige that goes with "
      "everything, and each has a matt cap that protects the camera.</p><figure><img src=\"a.jpg\"></figure>"
      "<p>The polishes cost 24 euros; the cases, 45 euros.</p></section>"));
  EXPECT_NE(e.text.find("turn heads"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("the cases, 45 euros"), std::string::npos) << e.text;
}

// A comment section that a script fills sits under its heading and notice: they go with it;
// the story's last paragraph, a bare <p> before such a section, stays.
TEST(Selection, NoticeOfAScriptFilledCommentSectionGoes) {
  Extraction e = run(page("<title>Storms</title>",
                          "<div class=\"story\">" + kProse +
                              "<div><div class=\"title\">Comments</div><p>To post a comment, log into your chosen "
                              "social network and then add your comment below.</p></div>"
                              "<div id=\"comments\" class=\"comments-wrap\"></div></div>"));
  EXPECT_NE(e.text.find("Storms moved"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("To post a comment"), std::string::npos) << e.text;
  Extraction f = run(page("<title>Storms</title>", "<div class=\"story\">" + kProse +
                                                       "<p>The river is expected to fall by Friday.</p>"
                                                       "<div id=\"disqus_thread\"></div></div>"));
  EXPECT_NE(f.text.find("fall by Friday"), std::string::npos) << f.text;
}

// A tweet embedded in an article sits in a wrapper whose class says "social": it is quoted
// content, not a share bar. The share bar beside it still goes.
TEST(Selection, EmbeddedPostIsQuotedNotAShareBar) {
  Extraction e = run(page(
      "<title>Slogan</title>",
      "<article>" + kProse +
          "<div class=\"social-media-embed\"><blockquote class=\"twitter-tweet\"><p>The whole point of the "
          "campaign is to raise awareness, and it is working.</p>&mdash; The Governor (@governor) <a "
          "href=\"https://twitter.com/governor/status/1\">November 18, 2019</a></blockquote></div>"
          "<p>The state paid an agency nearly half a million dollars for the campaign, officials said.</p>"
          "<div class=\"social-share\"><a href=\"/fb\">Facebook</a> <a href=\"/tw\">Twitter</a></div></article>"));
  EXPECT_NE(e.text.find("raise awareness"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("half a million"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Facebook"), std::string::npos) << e.text;
}

// A strip of teaser cards (headline links with their first sentences) above the article
// outweighs its paragraphs, but cards are excerpts of other pages: the article is the content.
TEST(Selection, ProseBeatsACardListBesideIt) {
  std::string cards;
  for (int i = 0; i < 8; ++i)
    cards += "<li><a href=\"/story-" + std::to_string(i) + "\">Council votes on the new budget for schools number " +
             std::to_string(i) + "</a><span>CITY HALL: The council voted on Tuesday to raise the budget for the "
             "schools of the district by four per cent, after a long debate about teachers' pay and the cost of "
             "buses and...</span></li>";
  Extraction e = run(page("<title>Storms</title>",
                          "<div class=\"wrap\"><div class=\"breaking\"><ul>" + cards +
                              "</ul></div><div class=\"story\"><h2>Storms reach the valley</h2>" + kProse +
                              "<p>The weather service expects more rain at the weekend, and asked people living "
                              "near the river to keep an eye on its level.</p></div></div>"));
  EXPECT_NE(e.text.find("Storms moved across the valley"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("CITY HALL"), std::string::npos) << e.text;
}

// A grid of story cards below the article: each card an image link, a <header> with its
// headline (dropped as chrome by its tag) and a summary. Without their headlines the cards
// read as prose, but they are still a list of other pages.
TEST(Selection, CardsWhoseHeadlinesWentInAHeaderAreStillATeaserList) {
  std::string cards;
  for (int i = 0; i < 6; ++i)
    cards += "<div class=\"card\"><a href=\"/s" + std::to_string(i) + "\"><img src=\"/i.jpg\" alt=\"\"></a>"
             "<header><a href=\"/s" + std::to_string(i) + "\">A headline about another story number " +
             std::to_string(i) + "</a></header><p>Readers of another story learned on Monday that the museum "
             "of the town would open a new wing for old maps.</p></div>";
  Extraction e = run(page("<title>Storms</title>",
                          "<div class=\"page\"><section><h1>Storms reach the valley</h1>" + kProse + kProse +
                              "</section><div class=\"grid\">" + cards + "</div></div>"));
  EXPECT_NE(e.text.find("Storms moved across the valley"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("old maps"), std::string::npos) << e.text;
}

// The container descends into a child that holds nearly all of its weight, counting the
// bonus of a <main> or <article> as the choice does: a note beside <main> stays out.
TEST(Selection, DescentCountsTheBonusOfMain) {
  Extraction e = run(page("<title>Storms</title>",
                          "<div class=\"wrap\"><main>" + kProse +
                              "</main><div class=\"note\"><p>Our office is closed on public holidays, and letters "
                              "reach us a day later.</p></div></div>"));
  EXPECT_NE(e.text.find("Storms moved across the valley"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("public holidays"), std::string::npos) << e.text;
}

// An author card beside a short story: the avatar and the name link to the same profile (its
// address differing in the query only), and a badge's blurb reads as prose. The card does not
// hold the container above the story.
TEST(Selection, AuthorCardBesideTheTextDoesNotHoldTheContainer) {
  Extraction e = run(page("<title>Ferry</title>",
                          "<div class=\"area\"><div class=\"col-a\"><div class=\"who\"><a href=\"/people/ferryman?from=1\">"
                          "<img src=\"/face.jpg\" alt=\"\"></a><h4><a href=\"/people/ferryman?from=2\">Harbour Desk</a></h4>"
                          "<div class=\"medal\"><p>Medals are awarded by the quality of writing, the replies of readers and "
                          "how widely a piece is passed on.</p></div><p>7,400 stories</p><a href=\"/people/ferryman\">All "
                          "stories</a></div></div><div class=\"col-b\"><h1>Ferry returns to the island</h1><p>The morning "
                          "ferry sailed again on Monday after the storm, carrying the first visitors of the season and the "
                          "post that had waited on the quay for a week.</p><p>The harbour master said the crossing was calm "
                          "and that the evening boat would run as usual from Tuesday.</p><p>Shops on the island expect a busy "
                          "weekend.</p></div></div>"));
  EXPECT_NE(e.text.find("morning ferry sailed"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Medals are awarded"), std::string::npos) << e.text;
}

// Cards below a post, each an <article> whose class names its own record and category
// ("card post-101 category-faith"), are look-alike cards all the same (by their first class
// name): the list outweighs the post, but it is a list of other pages.
TEST(Selection, CardsWhoseClassesNameTheirRecordsAreLookAlike) {
  std::string cards;
  const char* topics[] = {"faith", "family", "life", "hope", "work", "love", "peace", "time"};
  for (int i = 0; i < 8; ++i)
    cards += std::string("<article class=\"card post-10") + std::to_string(i) + " category-" + topics[i] +
             "\"><a href=\"/p" + std::to_string(i) + "\"><img src=\"/i.jpg\" alt=\"\"></a><p>Another message "
             "about " + topics[i] + " that readers shared this week, on patience, on small kindnesses and on "
             "the long road that every one of us walks from one day to the next, with friends beside us.</p>"
             "</article>";
  Extraction e = run(page("<title>Storms</title>",
                          "<div id=\"primary\"><article class=\"entry\"><h1>Storms reach the valley</h1>" + kProse +
                              kProse + "</article><section><h3>Mais</h3>" + cards + "</section></div>"));
  EXPECT_NE(e.text.find("Storms moved across the valley"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("small kindnesses"), std::string::npos) << e.text;
}

// "More in this section" below the story: each card an image link, a <header> (dropped by its
// tag) with the linked headline and a date, and a long excerpt. Link text is a small share
// of what is left, but every card lost a linked headline: a list of other pages.
TEST(Selection, CardsThatEachLostALinkedHeadlineAreATeaserList) {
  std::string cards;
  for (int i = 0; i < 6; ++i)
    cards += "<li><a href=\"/s" + std::to_string(i) + "\"><img src=\"/i.jpg\" alt=\"\"></a><header><h5><a href=\"/s" +
             std::to_string(i) + "\">Wild win again</a></h5><time>November 19</time></header><div class=\"excerpt\">"
             "BUFFALO: About three years ago, a young prospect started working out with some veterans at the "
             "academy, and the coach said he looked like he was twelve years old when he walked in that day, "
             "small and quiet, with a stick that was taller than he was and a grin that never left...</div></li>";
  Extraction e = run(page("<title>Storms</title>",
                          "<div class=\"site\"><div class=\"area\"><main><h1>Storms reach the valley</h1>" + kProse +
                              kProse + kProse + kProse + "</main></div><div class=\"more\"><h2>More in Sports</h2><ul>" +
                              cards + "</ul></div></div>"));
  EXPECT_NE(e.text.find("Storms moved across the valley"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("prospect"), std::string::npos) << e.text;
}

// A page whose only text is its footer (the product is drawn by script) has no main text.
TEST(Selection, FooterOnlyPageHasNoMainText) {
  std::string groups;
  for (const char* g : {"Help", "Multi-Language Sites", "Browse by Category"})
    groups += std::string("<dl><dt>") + g +
              "</dt><dd><a href=\"/x\">Help Center</a>, <a href=\"/x\">Returns</a>, <a href=\"/x\">Low Price</a>, "
              "<a href=\"/x\">Promotion</a></dd></dl>";
  Extraction e = run(page("<title>Item</title>",
                          "<div id=\"root\"></div><footer><div class=\"site-footer\">" + groups + "</div></footer>"));
  EXPECT_EQ(e.text, "");
  ASSERT_FALSE(e.warnings.empty());
}

// A script-drawn page without its script says only that: no main text.
TEST(Selection, ScriptNoticeIsNotMainText) {
  Extraction e = run(page("<title>Shop</title>",
                          "<noscript>You need to enable JavaScript to run this app.</noscript><div id=\"root\"></div>"
                          "<script>start()</script>"));
  EXPECT_EQ(e.text, "");
  // Case and white space (a no-break space too) do not hide the phrase.
  Extraction f = run(page("<title>Shop</title>", "<div>" + kProse +
                                                     "<p>Please\xC2\xA0" "enable   JAVASCRIPT to view the comments.</p></div>"));
  EXPECT_NE(f.text.find("autumn harvest"), std::string::npos) << f.text;
  EXPECT_EQ(f.text.find("JAVASCRIPT"), std::string::npos) << f.text;
}

// A consent pop-up after the page's layout, with obfuscated classes and no role to tell it by,
// holds nearly all of the page's weight, more than the article in the page's <main>: the descent
// from the body goes into <main>, not into the pop-up.
TEST(Selection, NeverLeavesAProseMainForAnOverlayBesideIt) {
  std::string legal;
  for (int i = 0; i < 160; ++i)
    legal += "<p>By clicking the button you agree that we and our trusted partners store and read data on your "
             "device, build profiles of your interests, measure the reach of advertising and content, and share "
             "identifiers with partners outside the area, as described in the settings.</p>";
  std::string story;  // prose enough that the page reads as an article, not a listing
  for (int i = 0; i < 5; ++i) story += kProse;
  Extraction e = run(page("<title>Rain</title>",
                          "<div id=\"app\"><header><a href=\"/\">Home</a> <a href=\"/news\">News</a></header><main>"
                          "<article><h1>Rain at last</h1>" +
                              story +
                              "</article></main><footer><a href=\"/about\">About</a></footer></div>"
                              "<div class=\"q7w5\"><div class=\"f1r5\"><h3>We value your privacy</h3>" +
                              legal + "</div><div class=\"sf9p\"><button>Settings</button><button>Accept</button></div></div>"));
  EXPECT_NE(e.text.find("Storms moved across the valley"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("trusted partners"), std::string::npos) << e.text;
}

// A listicle puts each item's text in a "figure-footer" under its photo: inside a <figure>, the
// class names the figure's caption, not the page's footer, and the items stay.
TEST(Selection, FooterClassInsideAFigureIsItsCaption) {
  const char* items[] = {"A rain jacket that packs into its own pocket and keeps the wind out on long walks.",
                         "Boots with a wide toe box that stayed dry through a whole week of wet trails.",
                         "A flask that keeps tea hot for a full day, even on a cold and windy ridge."};
  std::string list;
  for (const char* item : items)
    list += std::string("<figure><img src=\"x.jpg\" alt=\"\"><div class=\"item__figure-footer\"><p>") + item +
            " Reviewers say it held up for years of use.</p></div></figure>";
  Extraction e = run(page("<title>Gear</title>", "<main><article><h1>Gear for wet walks</h1>" + kProse + list +
                                                     "</article></main><div class=\"site-footer\">"
                                                     "<a href=\"/about\">About us</a></div>"));
  EXPECT_NE(e.text.find("Boots with a wide toe box"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("About us"), std::string::npos) << e.text;
}

// A specifications table labels its rows with <th> cells whose class names them the table's
// header ("specs__header"): a table's heading cell, not the page's header, so the labels stay
// beside their values. The page's own header still goes.
TEST(Selection, HeaderClassOnATableHeadingCellIsTheTables) {
  Extraction e = run(page("<title>Pack</title>",
                          "<div class=\"site-header\"><a href=\"/\">Home</a> <a href=\"/packs\">Packs</a></div>"
                          "<main><h1>Trail Pack 25</h1>" +
                              kProse +
                              "<table class=\"specs\"><tr><th class=\"specs__header\">Gear capacity</th><td>25 "
                              "litres</td></tr><tr><th class=\"specs__header\">Frame material</th><td>Aluminum</td>"
                              "</tr><tr><th class=\"specs__header\">Hipbelt</th><td>Padded, removable</td></tr>"
                              "</table></main>"));
  EXPECT_NE(e.text.find("Gear capacity"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("Frame material"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("Aluminum"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Packs"), std::string::npos) << e.text;
}

// An accordion (the WAI-ARIA pattern) puts each section's toggle, a <button>, inside a heading:
// the button's label is the section's heading and stays; a button elsewhere ("Add to cart") is
// a control and goes, and so does the heading of a section whose panel is empty and hidden.
TEST(Selection, ButtonInsideAHeadingIsTheHeading) {
  Extraction e = run(page(
      "<title>Pack</title>",
      "<main><h1>Trail Pack 25</h1>" + kProse +
          "<button type=\"button\">Add to cart</button><div class=\"accordion\">"
          "<h3><button type=\"button\" aria-expanded=\"true\" aria-controls=\"p1\">Specifications</button></h3>"
          "<div id=\"p1\" role=\"region\"><p>Weighs 1.2 kg with a frame of aluminum and a padded hipbelt that "
          "comes off for day hikes.</p></div>"
          "<h3><button type=\"button\" aria-expanded=\"false\" aria-controls=\"p2\">Reviews</button></h3>"
          "<div id=\"p2\" role=\"region\" hidden></div></div></main>"));
  EXPECT_NE(e.text.find("Specifications"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("Weighs 1.2 kg"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Add to cart"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Reviews"), std::string::npos) << e.text;
}

// A code sample is verbatim: a highlighter wraps each identifier in a <span>, and one named
// like a button ("subscribe", "share") is still the program's text, not a call to action.
TEST(Selection, PhraseRulesDoNotJudgeInsideCode) {
  Extraction e = run(page("<title>Effects</title>",
                          "<main><h1>Using effects</h1>" + kProse +
                              "<pre><code><span class=\"token keyword\">const</span> handle = <span "
                              "class=\"token function\">subscribe</span>(friendId);\n<span class=\"token "
                              "function\">share</span>(handle);</code></pre></main>"));
  EXPECT_NE(e.text.find("handle = subscribe(friendId);"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("share(handle);"), std::string::npos) << e.text;
}

// A highlighter names each token of a code sample for its colour ("token comment",
// "hljs-comment", "hljs-tag"): a comment of the program, not the page's comment section.
TEST(Selection, ClassRulesDoNotJudgeInsideCode) {
  Extraction e = run(page("<title>Effects</title>",
                          "<main><h1>Using effects</h1>" + kProse +
                              "<pre><code><span class=\"token comment\">// wait for the lantern to warm up</span>\n"
                              "<span class=\"hljs-comment\"># then dim it by half</span>\nlantern.dim(0.5);"
                              "</code></pre><p>Inline, <code><span class=\"token comment\">/* keep me */</span></code> "
                              "marks a note.</p></main>"));
  EXPECT_NE(e.text.find("// wait for the lantern to warm up"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("# then dim it by half"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("/* keep me */"), std::string::npos) << e.text;
}

// A skip link (a same-page link named for skipping to a part) is for keyboard and screen-reader
// users, not text; the part it leads to stays, though its id carries the same words.
TEST(Selection, SkipLinkGoesItsTargetStays) {
  Extraction e = run(page("<title>Lamps</title>",
                          "<main><a class=\"plp-skip-to-product-list\" href=\"#skip-to-products\">Jump past the "
                          "filters</a><h1>Lamps</h1>" +
                              kProse +
                              "<div id=\"skip-to-products\"><p>Brightwell desk lamp with a brass arm.</p>"
                              "<p>Lumo floor lamp with a linen shade.</p></div></main>"));
  EXPECT_EQ(e.text.find("Jump past the filters"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("Brightwell desk lamp"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("Lumo floor lamp"), std::string::npos) << e.text;
}

const std::string kStoryParagraphs =
    "<p>Storms moved across the valley on Tuesday, bringing heavy rain to farms that had waited months for "
    "water. Farmers said the rain came too late for the early crops but would help the autumn harvest.</p>"
      "<p>Officials warned drivers to avoid low roads near the river until the water goes down, and schools in "
      "two villages stayed closed for the day.</p>"
      "<p>The weather service expects more rain on Thursday, though less than this week, and says the river "
      "should fall back to its usual level by the weekend if the forecast holds.</p>"
      "<p>Volunteers filled sandbags outside the town hall through the night, and the fire brigade pumped water "
      "out of a dozen cellars on the main street before dawn.</p>"
      "<p>The mayor thanked the crews and said the town would ask the region for help with the cost of "
      "repairing the two bridges that the water damaged.</p>"
      "<p>Insurers said they had received more than two hundred claims by noon, most of them for flooded "
      "kitchens, garages and cars left in low streets.</p>";

// A news story's lead set apart from its body, between the headline and a share bar: the body
// is chosen, and the block its class calls the lead ("story-dek") is taken in before it.
std::string story_with_lead(const std::string& lead) {
  return "<header><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav></header>"
         "<div class=\"story\"><h1>Storm floods the valley</h1>" + lead +
         "<div class=\"share\"><a href=\"/s/fb\">Facebook</a> <a href=\"/s/x\">X</a></div>"
         "<div class=\"story-body\">" +
         kStoryParagraphs +
         "</div></div><aside><h2>Most read</h2><ul><li><a href=\"/a\">One story</a></li>"
         "<li><a href=\"/b\">Another story</a></li></ul></aside>";
}

TEST(Selection, TakesInTheLeadSetApartFromTheBody) {
  std::string body = story_with_lead(
      "<div class=\"story-dek\">Farmers welcomed the rain after a dry summer, but officials told drivers to keep "
      "off the low roads.</div>");
  Extraction e = run(page("<title>Storm floods the valley</title>", body));
  EXPECT_EQ(e.text.find("Farmers welcomed the rain after a dry summer"), 0u) << e.text;
  EXPECT_NE(e.text.find("Insurers said"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Facebook"), std::string::npos) << e.text;
}

TEST(Selection, LeavesOutABlockNamedIntroThatIsNoLead) {
  // An "intro" block that lists the story's sections is a table of contents, not its lead.
  std::string body = story_with_lead(
      "<div class=\"story-intro\"><ul><li>Where the river rose and the roads that closed</li>"
      "<li>What the weather service expects for the rest of the week</li></ul></div>");
  Extraction e = run(page("<title>Storm floods the valley</title>", body));
  EXPECT_EQ(e.text.find("Where the river rose"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("Insurers said"), std::string::npos) << e.text;
}

}  // namespace
}  // namespace pith
