// Listing pages (content.cpp choose, SelectionHints::list_region): on a page typed as a listing
// or collection, a short container beside a list of cards that are nothing but links is the
// list's intro, and the list is the content; the cards' header, footer and caption parts stay. Selection through ContentSelector with the hints
// a listing page gets, against the untyped selection.
#include <gtest/gtest.h>

#include <string>

#include "selection.h"

namespace pith {
namespace {

using testing::select_text;

// Sections of recipe cards whose text is all link text (the linked name of each recipe).
std::string card_sections(int count) {
  const char* names[] = {"Crispy Lemon Chicken Thighs", "Garlic Butter Salmon Bites", "Honey Sesame Tofu Cubes",
                         "Smashed Potatoes with Herbs", "Sweet Chili Cauliflower", "Buffalo Chickpea Wraps",
                         "Parmesan Zucchini Fries", "Maple Glazed Carrots"};
  std::string out;
  const char* sections[] = {"Top Rated", "Weeknight Dinners", "Sheet Pan Suppers"};
  for (int s = 0; s < count; ++s) {
    const char* section = sections[s];
    out += std::string("<section class=\"recipes\"><h2>") + section + "</h2><ul class=\"grid\">";
    for (int i = 0; i < 8; ++i)
      out += std::string("<li class=\"card\"><a href=\"/r/") + std::to_string(i) + "\">" + names[i] + "</a></li>";
    out += "</ul></section>";
  }
  return out;
}

const std::string kIntro =
    "<p>These recipes come out of the oven in under thirty minutes, with crisp edges and very little oil, "
    "and most of them need nothing more than a sheet pan and a few staples from the pantry.</p>";

std::string listing_page(const std::string& intro_block, int sections = 3) {
  return "<html><body><main><div class=\"category-intro\"><h1>Quick Recipes</h1>" + intro_block + "</div>" +
         card_sections(sections) + "</main><footer><a href=\"/about\">About</a></footer></body></html>";
}

TEST(ListingRegion, TypedListingTakesInCardsThatAreOnlyLinks) {
  const std::string html = listing_page(kIntro);
  const std::string typed = select_text(html, hints_for_page_type("listing"));
  EXPECT_NE(typed.find("crisp edges"), std::string::npos) << typed;
  EXPECT_NE(typed.find("Garlic Butter Salmon Bites"), std::string::npos) << typed;
  EXPECT_NE(typed.find("Weeknight Dinners"), std::string::npos) << typed;
  EXPECT_EQ(typed.find("About"), std::string::npos) << typed;
  const std::string collection = select_text(html, hints_for_page_type("collection"));
  EXPECT_NE(collection.find("Garlic Butter Salmon Bites"), std::string::npos) << collection;
  // Untyped, link-only cards around a short text are a link list: the text alone is kept.
  const std::string untyped = select_text(html, SelectionHints{});
  EXPECT_NE(untyped.find("crisp edges"), std::string::npos) << untyped;
  EXPECT_EQ(untyped.find("Garlic Butter Salmon Bites"), std::string::npos) << untyped;
}

// With two sections the intro is over a quarter of the region (the untyped switch's limit)
// but under half: the list is still the larger part.
TEST(ListingRegion, IntroOfUnderHalfTheRegionGivesWay) {
  const std::string typed = select_text(listing_page(kIntro, 2), hints_for_page_type("listing"));
  EXPECT_NE(typed.find("crisp edges"), std::string::npos) << typed;
  EXPECT_NE(typed.find("Garlic Butter Salmon Bites"), std::string::npos) << typed;
}

// A container of several paragraphs is a text of its own, not a list's intro.
TEST(ListingRegion, ContainerOfManyParagraphsStays) {
  const std::string html = listing_page(
      "<p>Preheat the oven.</p><p>Set the table.</p><p>Slice the bread.</p><p>Pour the water.</p>"
      "<p>Serve it hot.</p><p>Add some salt.</p><p>Wash the pan.</p><p>Dry the pan.</p>");
  const std::string typed = select_text(html, hints_for_page_type("listing"));
  EXPECT_NE(typed.find("Set the table"), std::string::npos) << typed;
  EXPECT_EQ(typed.find("Garlic Butter Salmon Bites"), std::string::npos) << typed;
}

// A container inside an <article> is a story (a video's text above the other videos).
TEST(ListingRegion, ContainerInAnArticleStays) {
  const std::string html = listing_page("<article>" + kIntro + "</article>");
  const std::string typed = select_text(html, hints_for_page_type("listing"));
  EXPECT_NE(typed.find("crisp edges"), std::string::npos) << typed;
  EXPECT_EQ(typed.find("Garlic Butter Salmon Bites"), std::string::npos) << typed;
}

// A site menu that holds most of the page's text (so the <header> rule yields) is navigation,
// not the list the intro opens.
TEST(ListingRegion, MenuHoldingMostOfThePageIsNoListing) {
  std::string menu;
  for (int i = 0; i < 40; ++i)
    menu += "<li class=\"item\"><a href=\"/c/" + std::to_string(i) + "\">Garden category number " +
            std::to_string(i) + "</a></li>";
  const std::string html = "<html><body><header><nav><ul class=\"groups\">" + menu +
                           "</ul></nav></header><div class=\"category-intro\"><h1>Pottery</h1>" + kIntro +
                           "</div></body></html>";
  const std::string typed = select_text(html, hints_for_page_type("listing"));
  EXPECT_NE(typed.find("crisp edges"), std::string::npos) << typed;
  EXPECT_EQ(typed.find("Garden category"), std::string::npos) << typed;
}

// A job board: each card's title row and its footer line are BEM parts of the card
// ("job-card__header", "job-card__footer"), not the page's header and footer; on a listing
// they stay. Elsewhere (untyped) the class rules still drop them.
TEST(ListingRegion, CardHeaderAndFooterPartsStay) {
  std::string cards;
  const char* companies[] = {"Northwind Labs", "Bluefin Systems", "Cedar Analytics", "Dovetail Works"};
  for (int i = 0; i < 4; ++i)
    cards += std::string("<li class=\"job-card\"><a href=\"/j/") + std::to_string(i) +
             "\">Senior Backend Engineer</a><div class=\"job-card__header\">" + companies[i] +
             " hires for its platform team</div><div class=\"job-card__footer\">Remote, full time, posted " +
             std::to_string(i + 2) + " days ago</div></li>";
  const std::string html = "<html><body><main><h1>Backend Jobs</h1>" + kIntro + "<ul class=\"jobs\">" + cards +
                           "</ul></main><footer><a href=\"/about\">About</a></footer></body></html>";
  const std::string typed = select_text(html, hints_for_page_type("listing"));
  EXPECT_NE(typed.find("Bluefin Systems hires"), std::string::npos) << typed;
  EXPECT_NE(typed.find("posted 3 days ago"), std::string::npos) << typed;
  const std::string untyped = select_text(html, SelectionHints{});
  EXPECT_EQ(untyped.find("Bluefin Systems hires"), std::string::npos) << untyped;
}

// A shop's product cards: each card's star rating reads out as a caption of the rating
// component ("rating__caption"), a part of the card, not a photo's caption or credit. On a
// collection it stays.
TEST(ListingRegion, CardCaptionPartStays) {
  std::string cards;
  const char* names[] = {"Trail Running Vest", "Insulated Water Bottle", "Packable Rain Shell", "Merino Hiking Socks"};
  for (int i = 0; i < 8; ++i)
    cards += std::string("<li class=\"product-card\"><a href=\"/p/") + std::to_string(i) + "\">" + names[i % 4] +
             "</a><span class=\"rating__caption\">Rated 4." + std::to_string(i + 1) + " out of 5 stars by " +
             std::to_string(40 + i) + " reviewers</span><span class=\"price\">$" + std::to_string(30 + i) +
             ".00</span><p>Light enough for long days on the trail, tough enough for the season.</p></li>";
  const std::string html = "<html><body><main><h1>Hiking Gear</h1><ul class=\"products\">" + cards +
                           "</ul></main><footer><a href=\"/about\">About</a></footer></body></html>";
  const std::string typed = select_text(html, hints_for_page_type("collection"));
  EXPECT_NE(typed.find("Rated 4.3 out of 5 stars"), std::string::npos) << typed;
}

// A shop's category page: a grid of fifteen product cards (a linked name and a price) and,
// under it, the shop's long buying guide. The guide's paragraphs outweigh the short cards, but
// on a page typed as a collection the grid is what the page lists: the container takes in both.
TEST(ListingRegion, ProductGridBeforeBuyingGuideIsKept) {
  std::string cards;
  const char* names[] = {"Alpine Down Sleeping Bag", "Summit Synthetic Quilt", "Ridge Fleece Liner",
                         "Canyon Mummy Bag", "Meadow Rectangular Bag"};
  for (int i = 0; i < 15; ++i)
    cards += std::string("<div class=\"tile\"><a href=\"/p/") + std::to_string(i) + "\">" + names[i % 5] + " " +
             std::to_string(i) + "</a><span class=\"price\">$" + std::to_string(120 + i) + ".00</span></div>";
  std::string guide;
  for (int i = 0; i < 6; ++i)
    guide += "<p>A bag's temperature rating tells you the lowest temperature at which an average sleeper stays "
             "warm, so choose one rated a little below the coldest night you expect on the trip, and think about "
             "the shape, the fill and the weight you are willing to carry.</p>";
  const std::string html = "<html><body><main><h1>Sleeping Bags</h1><div class=\"results\">" + cards +
                           "</div><div class=\"guide\"><h2>How to choose</h2>" + guide +
                           "</div></main><footer><a href=\"/about\">About</a></footer></body></html>";
  const std::string typed = select_text(html, hints_for_page_type("collection"));
  EXPECT_NE(typed.find("Canyon Mummy Bag 3"), std::string::npos) << typed;
  EXPECT_NE(typed.find("$127.00"), std::string::npos) << typed;
  EXPECT_NE(typed.find("temperature rating"), std::string::npos) << typed;
  EXPECT_EQ(typed.find("About"), std::string::npos) << typed;
}

// A shop's category page whose product grid sits, with its sort menu and page links, in a
// wrapper named for the filters and pagination (a navigation word), beside a short text for
// search engines. On a page typed as a collection the wrapper's class rule yields: the grid is
// what the page lists. Untyped, the rule still drops the wrapper.
TEST(ListingRegion, ProductGridInPaginationWrapperIsKept) {
  std::string cards;
  const char* names[] = {"Harbor Linen Shirt", "Coastal Chino Shorts", "Breton Striped Tee", "Dockside Canvas Shoe",
                         "Pier Cotton Hoodie"};
  for (int i = 0; i < 15; ++i)
    cards += std::string("<div class=\"tile\"><a href=\"/p/") + std::to_string(i) + "\">" + names[i % 5] + " " +
             std::to_string(i) + "</a><span class=\"price\">$" + std::to_string(40 + i) + ".00</span></div>";
  const std::string html =
      "<html><body><main><h1>Summer Clothing</h1><div class=\"filters-and-pagination-container\">"
      "<div class=\"sort\"><a href=\"?sort=price\">Price</a> <a href=\"?sort=new\">Newest</a></div>"
      "<div class=\"results\">" + cards + "</div><a href=\"?page=2\">Next page</a></div>"
      "<div class=\"seo-text\"><p>Our summer clothing is cut from light linen and cotton that breathe on the "
      "warmest days, in relaxed fits for the beach, the city and everything in between, and every piece is made "
      "to be washed and worn again all season long without losing its shape or its colour.</p>"
      "<p>Pair a linen shirt with chino shorts for the harbour, or a striped tee with canvas shoes for a walk "
      "along the pier, and add a cotton hoodie for the cooler evenings by the sea when the wind picks up.</p>"
      "</div></main><footer><a href=\"/about\">About</a></footer></body></html>";
  const std::string typed = select_text(html, hints_for_page_type("collection"));
  EXPECT_NE(typed.find("Dockside Canvas Shoe 3"), std::string::npos) << typed;
  EXPECT_NE(typed.find("$47.00"), std::string::npos) << typed;
  const std::string untyped = select_text(html, SelectionHints{});
  EXPECT_EQ(untyped.find("Dockside Canvas Shoe 3"), std::string::npos) << untyped;
}

// A short news story and, under a "Related news" heading drawn as a <div>, other stories' headlines
// with their summaries, more prose than the story itself. On a page typed article
// (strict_listing_switch) the summaries under a list heading are other pages' teasers, no sign of a
// listing: the story stays the content. Without the heading they count, and the region wins.
std::string story_with_related(bool headed) {
  std::string related;
  const char* heads[] = {"Harbour ferry adds an evening crossing", "New cycle lane opens on the river road",
                         "Council delays the vote on parking fees", "Bus drivers agree a new timetable",
                         "Station car park to close for repairs", "Night trains return to the coast line",
                         "Tram depot gets a new roof this summer", "Taxi ranks move away from the market"};
  for (int i = 0; i < 8; ++i)
    related += std::string("<li><a href=\"/n/") + std::to_string(i) + "\"><img src=\"t.jpg\"></a><a href=\"/n/" +
               std::to_string(i) + "\">" + heads[i] +
               ": what the change means for commuters</a><p>The change follows months of complaints from "
               "commuters about long waits at the stops on winter evenings. <a href=\"/n/" + std::to_string(i) + "\">[more]</a></p><span>2012-05-2" + std::to_string(i) +
               " 10:00</span></li>";
  return "<html><body><div class=\"page\"><div class=\"story\"><p>The city's buses will run every ten minutes on "
         "the three busiest routes from Monday, the transport office said, after a trial in the spring cut "
         "waiting times by half.</p><p>Fares stay the same, and the night buses keep their hourly timetable until "
         "the autumn review, when the office will count passengers again.</p></div>" +
         std::string(headed ? "<div class=\"box-title\">Related news</div>" : "") + "<ul class=\"news\">" + related +
         "</ul></div></body></html>";
}

TEST(ListingRegion, RelatedSummariesBesideAShortStoryAreNoListing) {
  SelectionHints article;
  article.strict_listing_switch = true;
  const std::string headed = select_text(story_with_related(true), article);
  EXPECT_NE(headed.find("every ten minutes"), std::string::npos) << headed;
  EXPECT_EQ(headed.find("Night trains return"), std::string::npos) << headed;
  const std::string bare = select_text(story_with_related(false), article);
  EXPECT_NE(bare.find("Night trains return"), std::string::npos) << bare;
}


// A page that marks its story with a <main> and puts a consent dialog of legal prose after its
// layout, with no class or role to tell it by: the dialog outweighs the story, the choice goes
// into the <main>, and the text region around both (the body) must not take the story for a
// listing's intro. The region of a listing lies in the <main> that holds the container.
std::string story_in_main_beside_consent() {
  const std::string paragraphs =
      "<p>The city's buses will run every ten minutes on the three busiest routes from Monday, the transport "
      "office said, after a trial in the spring cut waiting times by half.</p><p>Fares stay the same, and the "
      "night buses keep their hourly timetable until the autumn review, when the office will count passengers "
      "again.</p><p>Drivers welcomed the change, which adds forty shifts a week, and the office expects to hire "
      "twelve more of them before the summer.</p><p>The routes along the river will follow in the autumn if the "
      "budget allows it, the office said on Friday.</p><p>Passengers can find the new timetables at every stop "
      "and on the office's website from this weekend.</p>";
  std::string menu, consent;
  for (int i = 0; i < 38; ++i)
    menu += "<a href=\"/s/" + std::to_string(i) + "\">Section number " + std::to_string(i) + "</a> ";
  for (int i = 0; i < 20; ++i)
    consent += "<p>We and our " + std::to_string(i + 2) +
               " partners store and read information on your device, such as cookies and unique identifiers, to "
               "measure audiences, show you personalised content and improve our services. You can change your "
               "choice at any time in the settings.</p>";
  return "<html><body><div class=\"layout\"><div class=\"top\">" + menu +
         "</div><main><article><h1>Buses to run every ten minutes</h1><div class=\"body\">" + paragraphs +
         paragraphs + "</div></article></main></div><div class=\"x7f3q\"><div class=\"k2p9\"><h2>We value your "
         "privacy</h2>" + consent + "<button>Accept</button></div></div></body></html>";
}

TEST(ListingRegion, ConsentDialogBesideTheMainIsNoListing) {
  const std::string text = select_text(story_in_main_beside_consent(), SelectionHints{});
  EXPECT_NE(text.find("every ten minutes"), std::string::npos) << text;
  EXPECT_EQ(text.find("partners store and read"), std::string::npos) << text;
}


// An article set in several blocks of a page builder, one section each, and under them the
// site's links to its other pages: the heaviest section is a small share of the column, which
// the listing switch takes. On a page typed article (prose_region_is_text) a column that is
// mostly prose is the article's text: it is selected without list mode, and the link list goes.
std::string article_in_blocks() {
  const char* sections[] = {"Size of the home", "Level of dirt", "Pets in the house", "Cleaning products",
                            "What you can save"};
  std::string blocks;
  for (int i = 0; i < 5; ++i)
    blocks += std::string("<div class=\"block html-block\"><h2>") + sections[i] +
              "</h2><p>Prices for a regular clean depend on how long the crew needs, and a larger or busier "
              "home takes longer to clean, so the hourly rate adds up over the visit. A crew of " +
              std::to_string(i + 2) + " cleans a flat of " + std::to_string(i + 3) +
              " rooms in about three hours, a family house in five or six.</p><p>Ask the company "
              "what its rate includes before you book, since some charge extra for supplies, for the oven and "
              "the fridge, or for windows, and others bring everything and quote one price for the whole "
              "visit, whatever it takes: " + sections[i] + ".</p></div>";
  std::string links;
  for (int i = 0; i < 72; ++i)
    links += "<li><a href=\"/blog/costs-" + std::to_string(i) + "\">Cleaning costs in town " + std::to_string(i) +
             "</a></li>";
  return "<html><body><article><div class=\"column\">" + blocks + "<div class=\"block links-block\"><ul>" + links +
         "</ul></div></div></article></body></html>";
}

TEST(ListingRegion, ProseRegionOfAnArticleIsTextNotList) {
  SelectionHints article;
  article.prose_region_is_text = true;
  const std::string typed = select_text(article_in_blocks(), article);
  EXPECT_NE(typed.find("Pets in the house"), std::string::npos) << typed;
  EXPECT_NE(typed.find("What you can save"), std::string::npos) << typed;
  EXPECT_EQ(typed.find("Cleaning costs in town 7"), std::string::npos) << typed;
  const std::string untyped = select_text(article_in_blocks(), SelectionHints{});
  EXPECT_NE(untyped.find("Cleaning costs in town 7"), std::string::npos) << untyped;
}

// An article whose items sit in a table, one row each with a link and a sentence, reads as a card
// list; the table (not only its <tbody>) is the list, so the intro paragraphs beside it in the
// same block come with it.
TEST(ListingRegion, ArticleTableOfCardsKeepsItsIntro) {
  std::string rows;
  const char* games[] = {"Harbour Pilots", "Tin Lanterns", "Salt Road", "Copper Kites", "Moor Walkers",
                         "Glass Orchard", "River Tolls", "Night Market", "Stone Ferry", "Lamp Keepers"};
  for (const char* game : games)
    rows += std::string("<tr><td><a href=\"/games/") + game + "\">" + game +
            "</a></td><td>Plays in under an hour at a kitchen table and teaches in five minutes, which "
            "suits a weeknight.</td></tr>";
  const std::string html =
      "<html><body><div class=\"article\"><h1>Games for two players</h1><div class=\"holder\"><p>Most "
      "board games shine with four players, but a few play just as well with two, as long as the rules "
      "give each player something to do on the other's turn.</p><p>The games below were picked for "
      "couples and pairs of friends, and each one packs away small enough for a shelf.</p><table><tbody>" +
      rows + "</tbody></table></div></div></body></html>";
  const std::string text = select_text(html, SelectionHints{});
  EXPECT_NE(text.find("Most board games shine"), std::string::npos) << text;
  EXPECT_NE(text.find("Lamp Keepers"), std::string::npos) << text;
}

// A story of five paragraphs on a page without class names: around it, in the same column, the
// readers' comments (a name, one short line and a date each) and a column of other headlines.
// The region holds five times the story's text, and its plain text outside is the comments', so
// the switch would take the page for a listing; the text of paragraphs is judged as on a page
// typed article: the prose beside it is too little, and the story stays alone.
std::string story_with_comments() {
  std::string story;
  const char* topics[] = {"the harbour wall", "the old ferry pier", "the fish market", "the lifeboat station",
                          "the sea front"};
  for (const char* topic : topics)
    story += std::string("<p>Work on ") + topic +
             " starts in the spring, the council said on Tuesday, after a survey found cracks that the winter "
             "storms had widened, and the repairs should be finished before the summer season.</p>";
  std::string comments;
  for (int i = 0; i < 50; ++i)
    comments += "<div><div>reader" + std::to_string(i) + "</div><div>About time they fixed it, number " +
                std::to_string(i) + " agrees</div><div>May " + std::to_string(i % 28 + 1) + " 10:1" +
                std::to_string(i % 10) + "</div></div>";
  std::string heads;
  for (int i = 0; i < 20; ++i)
    heads += "<li><a href=\"/n/" + std::to_string(i) + "\">Another story about the coast, part " +
             std::to_string(i) + "</a></li>";
  return "<html><body><div><div><h1>Harbour repairs to start in spring</h1><div>" + story + "</div></div><div>" +
         comments + "</div><ul>" + heads + "</ul></div></body></html>";
}

TEST(ListingRegion, TextOfParagraphsBesideCommentsIsNoListing) {
  const std::string text = select_text(story_with_comments(), SelectionHints{});
  EXPECT_NE(text.find("the lifeboat station"), std::string::npos) << text;
  EXPECT_EQ(text.find("About time they fixed it"), std::string::npos) << text;
  EXPECT_EQ(text.find("Another story about the coast"), std::string::npos) << text;
}

}  // namespace
}  // namespace pith
