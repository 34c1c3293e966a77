// Closed tabs of a typed page's tab set (ContentSelector::closed_tab_panel): selection on a
// small product page through ContentSelector with the hints a product page gets, and without.
#include <gtest/gtest.h>

#include <string>

#include "extract/content.h"
#include "selection.h"

namespace pith {
namespace {

using testing::select_text;

// A product page whose description sits in the open tab and whose specifications (a table of
// short cells, no prose) and box contents (a list marked as an ARIA tab panel) sit in closed
// tabs that a style hides. The closed tabs are the product's text. A closed tab of links (other
// products) and a size chart hidden beside the tabs with no open look-alike (a pop-up) stay out.
const std::string kProductPage =
    "<html><body><main><h1>Ridge Pack 30</h1><div class=\"tabs\">"
    "<div class=\"tab-pane\" style=\"display:block\"><p>The Ridge Pack 30 carries a long day's gear on any "
    "trail, with a ventilated back panel, a hydration sleeve and stretch pockets that hold a bottle each. "
    "Its fabric is recycled nylon with a water-repellent finish that needs no harmful chemicals.</p>"
    "<p>Compression straps keep the load close, and the lid holds the small things you reach for most, "
    "like a map, a snack or a headlamp for the walk back after dark.</p></div>"
    "<div class=\"tab-pane\" style=\"display:none\"><table>"
    "<tr><td>Weight</td><td>2.1 lb</td></tr><tr><td>Volume</td><td>30 liters</td></tr>"
    "<tr><td>Torso fit</td><td>15 to 21 inches</td></tr><tr><td>Fabric</td><td>210D ripstop</td></tr>"
    "</table></div>"
    "<div class=\"tab-pane\" style=\"display:none\"><a href=\"/t\">Tents and shelters for every season</a> "
    "<a href=\"/s\">Sleeping bags and pads</a> <a href=\"/k\">Kitchen and stoves</a></div>"
    "<div role=\"tabpanel\" hidden><ul><li>Rain cover</li><li>Whistle buckle</li><li>Repair patch</li></ul></div>"
    "</div><div class=\"size-chart\" style=\"display:none\"><table><tr><td>Small</td><td>15 to 17 in"
    "</td></tr><tr><td>Large</td><td>18 to 21 in</td></tr></table></div></main></body></html>";

TEST(ProductTabs, ProductPageKeepsClosedTabPanels) {
  std::string text = select_text(kProductPage, hints_for_page_type("product"));
  EXPECT_NE(text.find("ventilated back panel"), std::string::npos) << text;
  EXPECT_NE(text.find("30 liters"), std::string::npos) << text;
  EXPECT_NE(text.find("Whistle buckle"), std::string::npos) << text;
  EXPECT_EQ(text.find("18 to 21 in"), std::string::npos) << text;
  EXPECT_EQ(text.find("Sleeping bags"), std::string::npos) << text;
}

// An untyped page keeps a closed tab only where its markup names it a panel (below): the
// style-hidden look-alike of the open tab goes.
TEST(ProductTabs, UntypedPageDropsThem) {
  std::string text = select_text(kProductPage, SelectionHints{});
  EXPECT_NE(text.find("ventilated back panel"), std::string::npos) << text;
  EXPECT_EQ(text.find("30 liters"), std::string::npos) << text;
}

// A service page's questions in an accordion: each answer (short, no paragraph of prose) is the
// panel that the button just before it controls (aria-controls), closed with hidden and
// aria-hidden, which the script that opens it toggles; a tab panel closed with aria-hidden is
// kept too. A carousel's cloned slide (its class says so), hidden from screen readers beside its
// shown look-alike, and a hidden block that no control names stay out.
const std::string kAccordionPage =
    "<html><body><main><h1>Window cleaning</h1><p>We clean the windows of homes and small offices inside "
    "and out, with purified water that leaves no streaks, and we come back every four or eight weeks on "
    "the day that suits you, with the same crew every time.</p>"
    "<div class=\"faq\"><h3><button aria-expanded=\"false\" aria-controls=\"answer-1\">Do I need to be home?"
    "</button></h3><div id=\"answer-1\" hidden aria-hidden=\"true\">No, only for the inside panes.</div>"
    "<h3><button aria-expanded=\"false\" aria-controls=\"answer-2\">Can I skip a visit?</button></h3>"
    "<div id=\"answer-2\" hidden aria-hidden=\"true\">Yes, tell us two days ahead.</div></div>"
    "<div role=\"tabpanel\" aria-hidden=\"true\" hidden>Gutters cleared twice a year.</div>"
    "<div class=\"slide\">Spotless results</div><div class=\"slide slide-clone\" aria-hidden=\"true\" "
    "style=\"display:none\">Cloned slide text</div>"
    "<div id=\"answer-3\" hidden>Unused draft answer.</div></main></body></html>";

TEST(ProductTabs, AccordionPanelsThatAButtonControlsAreKept) {
  std::string text = select_text(kAccordionPage, hints_for_page_type("service"));
  EXPECT_NE(text.find("purified water"), std::string::npos) << text;
  EXPECT_NE(text.find("only for the inside panes"), std::string::npos) << text;
  EXPECT_NE(text.find("tell us two days ahead"), std::string::npos) << text;
  EXPECT_NE(text.find("Gutters cleared"), std::string::npos) << text;
  EXPECT_EQ(text.find("Cloned slide"), std::string::npos) << text;
  EXPECT_EQ(text.find("Unused draft"), std::string::npos) << text;
}

// The markup of an accordion (aria-controls, role=tabpanel) says so on any page: an untyped
// page (an article's questions and answers) keeps the closed answers too; a hidden block that no
// control names stays out.
const std::string kArticleWithQuestions =
    "<html><body><article><h1>How to store winter squash</h1><p>Winter squash keeps for months when it "
    "is cured first: leave it in a warm, dry room for ten days so that its skin hardens and small cuts "
    "heal over before the cold weeks begin.</p><p>After curing, move it to a cool shelf away from apples "
    "and pears, whose gas shortens its life, and check it every few weeks for soft spots.</p>"
    "<h2>Questions</h2><div class=\"faq\"><h3><button aria-expanded=\"false\" aria-controls=\"q1\">Can I "
    "freeze squash?</button></h3><div id=\"q1\" hidden>Yes, cooked and mashed, for up to a year.</div>"
    "<h3><button aria-expanded=\"false\" aria-controls=\"q2\">Which kinds keep longest?</button></h3>"
    "<div id=\"q2\" hidden>Butternut and hubbard, often until spring.</div>"
    "<h3><button aria-expanded=\"false\" aria-controls=\"q3\">Should I wash it?</button></h3>"
    "<div class=\"collapse-wrap\" style=\"display:none;height:0px\"><div role=\"region\" id=\"q3\"><p>Only "
    "just before cooking: a wet skin invites mould.</p></div></div></div>"
    "<div role=\"tabpanel\" hidden>Acorn squash keeps the shortest time.</div>"
    "<div id=\"draft\" hidden>Unused draft answer.</div></article></body></html>";

TEST(ProductTabs, AnyPageKeepsPanelsThatItsMarkupNames) {
  std::string text = select_text(kArticleWithQuestions, SelectionHints{});
  EXPECT_NE(text.find("cured first"), std::string::npos) << text;
  EXPECT_NE(text.find("cooked and mashed"), std::string::npos) << text;
  EXPECT_NE(text.find("often until spring"), std::string::npos) << text;
  EXPECT_NE(text.find("a wet skin invites"), std::string::npos) << text;  // in a wrapper the script animates
  EXPECT_NE(text.find("keeps the shortest"), std::string::npos) << text;
  EXPECT_EQ(text.find("Unused draft"), std::string::npos) << text;
}

// A page whose ids are gone or never were: the answer has no id for the button's aria-controls
// to name, and the button just before it still controls it (the answer is kept). A hidden item of
// a menu of flyouts opens with a control of its own and is no panel of the item before it; a
// hidden block after no control stays out.
const std::string kQuestionsWithoutIds =
    "<html><body><article><h1>How to store winter squash</h1><p>Winter squash keeps for months when it "
    "is cured first: leave it in a warm, dry room for ten days so that its skin hardens and small cuts "
    "heal over before the cold weeks begin.</p><p>After curing, move it to a cool shelf away from apples "
    "and pears, whose gas shortens its life, and check it every few weeks for soft spots.</p>"
    "<h2>Questions</h2><div><h3><button aria-expanded=\"false\" aria-controls=\"q1\">Can I "
    "freeze squash?</button></h3><div hidden>Yes, cooked and mashed, for up to a year.</div>"
    "<h3><button aria-expanded=\"false\" aria-controls=\"q2\">Should I wash it?</button></h3>"
    "<div style=\"display:none\"><div role=\"region\"><p>Only just before cooking: a wet skin invites "
    "mould.</p></div></div></div>"
    "<div><div><button aria-expanded=\"false\" aria-controls=\"f1\">Sort</button><div>Newest first</div></div>"
    "<div style=\"display:none\"><button aria-expanded=\"false\" aria-controls=\"f2\">Filter</button>"
    "<div>Show only the squash recipes you saved</div></div></div>"
    "<p>Store it dry.</p><div hidden>Unused draft answer.</div></article></body></html>";

TEST(ProductTabs, PanelsWithoutIdsAfterTheirButtonAreKept) {
  std::string text = select_text(kQuestionsWithoutIds, SelectionHints{});
  EXPECT_NE(text.find("cured first"), std::string::npos) << text;
  EXPECT_NE(text.find("cooked and mashed"), std::string::npos) << text;
  EXPECT_NE(text.find("a wet skin invites"), std::string::npos) << text;
  EXPECT_EQ(text.find("squash recipes you saved"), std::string::npos) << text;
  EXPECT_EQ(text.find("Unused draft"), std::string::npos) << text;
}

// A service page's customer quotes in a slider: the slides out of view are hidden from screen
// readers too (aria-hidden) beside the shown one, and are the page's text as much as it; the
// copies that a looping slider adds at both ends ("slick-cloned") stay out. An untyped page keeps
// the shown slide only.
const std::string kQuoteSliderPage =
    "<html><body><main><h1>Garden design</h1><p>We plan and plant gardens of every size, from a city "
    "courtyard to a country orchard, and we look after them through the first year so that every plant "
    "takes root before we hand the garden over to you.</p><h2>What our clients say</h2><div class=\"track\">"
    "<div class=\"slick-slide slick-cloned\" aria-hidden=\"true\"><blockquote>They made our yard a "
    "meadow.</blockquote></div>"
    "<div class=\"slick-slide slick-active\"><blockquote>The new beds were finished in a week.</blockquote></div>"
    "<div class=\"slick-slide\" aria-hidden=\"true\"><blockquote>Our roses have never looked better.</blockquote></div>"
    "<div class=\"slick-slide\" aria-hidden=\"true\"><blockquote>They made our yard a meadow.</blockquote></div>"
    "<div class=\"slick-slide slick-cloned\" aria-hidden=\"true\"><blockquote>The new beds were finished in a "
    "week.</blockquote></div></div></main></body></html>";

size_t count_of(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

TEST(ProductTabs, SlidesOutOfViewAreKeptButNotTheirCopies) {
  std::string text = select_text(kQuoteSliderPage, hints_for_page_type("service"));
  EXPECT_EQ(count_of(text, "finished in a week"), 1u) << text;
  EXPECT_EQ(count_of(text, "roses have never"), 1u) << text;
  EXPECT_EQ(count_of(text, "yard a meadow"), 1u) << text;
  std::string untyped = select_text(kQuoteSliderPage, SelectionHints{});
  EXPECT_NE(untyped.find("finished in a week"), std::string::npos) << untyped;
  EXPECT_EQ(untyped.find("roses have never"), std::string::npos) << untyped;
}

}  // namespace
}  // namespace pith
