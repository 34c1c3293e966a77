// Hand-made pages of the older web (CleanEval style): table layouts, <font> and <center>,
// paragraphs set with <br><br> instead of <p>, no <article>, <main> or <nav>, a page that is one
// <pre>. What a reader wants from them: the text cell with all its paragraphs, without the menu
// column, the breadcrumb trail, the copyright line and the row of links back (content.cpp
// drop_edge_chrome_lines).
#include <gtest/gtest.h>

#include <string>

#include "extract/rules.h"
#include "pages.h"
#include "pith/extract.h"

namespace pith {
namespace {

using testing::extract_page;

bool has(const Extraction& e, std::string_view s) { return e.text.find(s) != std::string::npos; }

// The paragraphs of a text cell, set with <br><br> inside <font> as editors of the time wrote.
const std::string kCellText =
    "<b><font size=\"4\">Planting Garlic in Autumn</font></b><br><br>"
    "Garlic is one of the easiest crops for the home gardener, and autumn is the best time to plant it. The "
    "cloves need a long cold spell to divide into a proper bulb, so they go into the ground six weeks before "
    "the first hard frost.<br><br>"
    "Choose a sunny bed with loose soil that drains well. Break each bulb into single cloves a day before "
    "planting, and keep the largest ones for the bed; the small inner cloves make green garlic in spring."
    "<br><br>"
    "Set each clove pointed end up, five centimetres deep and fifteen apart, in rows thirty centimetres "
    "apart. Cover the bed with straw or shredded leaves against the worst of the winter.<br><br>";

const std::string kMenuColumn =
    "<td width=\"150\" valign=\"top\"><font face=\"Arial\" size=\"2\"><a href=\"index.html\">Home</a><br>"
    "<a href=\"about.html\">About the Club</a><br><a href=\"meetings.html\">Meetings</a><br>"
    "<a href=\"articles.html\">Articles</a><br><a href=\"shows.html\">Flower Shows</a><br>"
    "<a href=\"members.html\">Members Area</a><br><a href=\"contact.html\">Contact Us</a><br></font></td>";

std::string old_page(std::string_view title, std::string_view body) {
  return "<html><head><title>" + std::string(title) + "</title></head><body bgcolor=\"#ffffff\">" +
         std::string(body) + "</body></html>";
}

// A table layout: banner row, menu column beside the text cell, copyright row under them.
TEST(OldLayout, TableLayoutKeepsTheTextCellAndItsBrParagraphs) {
  Extraction e = extract_page(old_page(
      "Garden Club - Planting Garlic",
      "<table width=\"760\" border=\"0\"><tr><td colspan=\"2\"><img src=\"logo.gif\" alt=\"Garden Club\"></td></tr>"
      "<tr>" + kMenuColumn + "<td width=\"610\" valign=\"top\"><font face=\"Times\">" + kCellText +
      "</font></td></tr><tr><td colspan=\"2\" align=\"center\"><font size=\"1\">Copyright &copy; 2003 Garden "
      "Club. All rights reserved.<br><a href=\"privacy.html\">Privacy</a> | <a href=\"map.html\">Site map</a>"
      "</font></td></tr></table>"));
  EXPECT_TRUE(has(e, "Garlic is one of the easiest crops")) << e.text;
  EXPECT_TRUE(has(e, "Choose a sunny bed")) << e.text;
  EXPECT_TRUE(has(e, "against the worst of the winter")) << e.text;
  EXPECT_FALSE(has(e, "Flower Shows")) << e.text;
  EXPECT_FALSE(has(e, "All rights reserved")) << e.text;
  // Each <br><br> paragraph is a paragraph of its own, as a <p> is: a blank line between.
  EXPECT_TRUE(has(e, "frost.\n\nChoose")) << e.text;
}

// The site's copyright notice as the last line of the text cell, after a <br><br>: no element
// of its own, so only its place and its words tell it from the text.
TEST(OldLayout, CopyrightLineEndingTheTextCellGoes) {
  Extraction e = extract_page(old_page(
      "Garden Club - Planting Garlic",
      "<table width=\"100%\"><tr>" + kMenuColumn + "<td valign=\"top\">" + kCellText +
      "Copyright &copy; 2002-2005 Garden Club. All rights reserved.</td>"
      "<td><font size=\"1\"><b>Sponsors</b><br><a href=\"http://example.com/a\">Smith Builders</a></font></td>"
      "</tr></table>"));
  EXPECT_TRUE(has(e, "against the worst of the winter")) << e.text;
  EXPECT_FALSE(has(e, "All rights reserved")) << e.text;
}

// The text set in rows of the layout table under the banner (a row of an ad between them): the
// copyright notice in a row of its own at the bottom goes, every row of text stays.
TEST(OldLayout, CopyrightRowOfTheLayoutTableGoes) {
  Extraction e = extract_page(old_page(
      "Ridgeway Cycling Club - Club history",
      "<table width=\"760\" border=\"0\"><tr><td colspan=\"2\"><img src=\"banner.gif\" alt=\"Ridgeway\"></td></tr>"
      "<tr><td width=\"150\" valign=\"top\" rowspan=\"3\"><a href=\"/\">Home</a><br><a href=\"/rides\">Rides</a><br>"
      "<a href=\"/history\">History</a><br><a href=\"/join\">Join</a><br><a href=\"/links\">Links</a></td>"
      "<td valign=\"top\"><h2>Club history</h2>The club was founded in 1923 by six members of the village "
      "football team who wanted something to do in the summer. For the first years they rode to the coast and "
      "back every Sunday.<br><br>After the war the club grew quickly and in 1951 it held its first open race on "
      "the ridge road.</td></tr><tr><td align=\"center\"><a href=\"http://ads.example.com/c\"><img src=\"ad.gif\">"
      "</a></td></tr><tr><td valign=\"top\">In the 1980s the club started the winter time trials that now "
      "attract riders from all over the county. Today it has about two hundred members.</td></tr>"
      "<tr><td colspan=\"2\" align=\"center\"><font size=\"1\">&copy; 2004 Ridgeway Cycling Club</font></td></tr>"
      "</table>"));
  EXPECT_TRUE(has(e, "The club was founded in 1923")) << e.text;
  EXPECT_TRUE(has(e, "about two hundred members.")) << e.text;
  EXPECT_FALSE(has(e, "2004 Ridgeway Cycling Club")) << e.text;
}

// A data table's last cell with one link to a document stays: only a copyright notice goes
// from a cell.
TEST(OldLayout, LastCellOfADataTableWithOneLinkStays) {
  Extraction e = extract_page(old_page(
      "Minutes of the parish council",
      "<h2>Minutes of the parish council</h2><table border=\"1\">"
      "<tr><th>Meeting</th><th>Summary</th><th>Minutes</th></tr>"
      "<tr><td>January</td><td>The council agreed the budget for the coming year and the repair of the bus "
      "shelter on Mill Lane.</td><td><a href=\"jan.pdf\">January minutes</a></td></tr>"
      "<tr><td>February</td><td>The council heard the residents on the new car park and asked for a second "
      "survey of the traffic.</td><td><a href=\"feb.pdf\">February minutes</a></td></tr></table>"));
  EXPECT_TRUE(has(e, "second survey of the traffic")) << e.text;
  EXPECT_TRUE(has(e, "February minutes")) << e.text;
}

// A report set in the body with <p>s, closed by a centred <p> of links back: that row goes; a
// closing paragraph whose links stand in a sentence stays.
std::string report_page(std::string_view closing) {
  return old_page("Annual report of the Birch Hill Society 2003",
                  "<h2>Annual report 2003</h2><p>The society had a busy year. Membership rose to 214, the highest "
                  "number since the society was founded, and the monthly talks drew an average of forty people."
                  "<p>The restoration of the old boundary stones was finished in September. All twelve stones are "
                  "now cleaned, set upright and marked on the new footpath map." +
                      std::string(closing));
}

TEST(OldLayout, ClosingParagraphOfLinksBackGoes) {
  Extraction e = extract_page(report_page(
      "<p align=\"center\"><a href=\"/reports/2002.html\">Previous report</a> | <a href=\"/reports/\">All "
      "reports</a> | <a href=\"#top\">Top</a></p>"));
  EXPECT_TRUE(has(e, "marked on the new footpath map.")) << e.text;
  EXPECT_FALSE(has(e, "All reports")) << e.text;
}

TEST(OldLayout, ClosingParagraphWithLinksInASentenceStays) {
  Extraction e = extract_page(report_page(
      "<p>See the <a href=\"/reports/2002.html\">previous report</a> and <a href=\"/map.html\">the map</a>.</p>"));
  EXPECT_TRUE(has(e, "See the previous report and the map.")) << e.text;
}

// A story set over several pages ends its text cell with the pager as a line of text: it goes.
TEST(OldLayout, PagerLineEndingTheTextCellGoes) {
  Extraction e = extract_page(old_page(
      "A short history of the village school - Page 1",
      "<table width=\"100%\"><tr>" + kMenuColumn + "<td valign=\"top\">" + kCellText +
          "Page 1 of 3 &nbsp; <a href=\"p2.html\">2</a> <a href=\"p3.html\">3</a> <a href=\"p2.html\">Next "
          "&raquo;</a></td></tr></table>"));
  EXPECT_TRUE(has(e, "against the worst of the winter")) << e.text;
  EXPECT_FALSE(has(e, "Page 1 of 3")) << e.text;
  EXPECT_FALSE(has(e, "Next")) << e.text;
}

TEST(OldLayout, PagerTextWords) {
  EXPECT_TRUE(is_pager_text("Page 1 of 3 \xC2\xA0 2 3 Next \xC2\xBB"));
  EXPECT_TRUE(is_pager_text("\xC2\xAB Previous | 1 | 2 | 3 | Next \xC2\xBB"));
  EXPECT_TRUE(is_pager_text("Seite 2 von 5 weiter"));
  EXPECT_FALSE(is_pager_text("Next \xC2\xBB"));              // no number: a link to the next story
  EXPECT_FALSE(is_pager_text("See page 3 of the report"));  // words of a sentence
}

// A guide's paragraph of links to its own sections is its table of contents: it goes, the
// sections stay. A paragraph with links to other pages stays.
std::string guide_page(std::string_view contents) {
  return old_page(
      "Beekeeping for beginners",
      "<h1>Beekeeping for beginners</h1>" + std::string(contents) +
          "<h3><a name=\"hive\"></a>The hive</h3><p>Most beginners start with a National or a Langstroth hive. "
          "Both are made of boxes stacked on top of each other, with frames inside for the comb.</p>"
          "<h3><a name=\"bees\"></a>Getting bees</h3><p>The easiest way is to buy a nucleus, a small colony of five "
          "frames with a laying queen, from a local beekeeper in late spring.</p>"
          "<h3><a name=\"year\"></a>The beekeeper's year</h3><p>In summer the honey is collected, and in autumn "
          "the bees are treated against mites and left enough stores for the winter.</p>");
}

TEST(OldLayout, ParagraphOfLinksToTheOwnSectionsGoes) {
  Extraction e = extract_page(guide_page(
      "<p>Contents: <a href=\"#hive\">The hive</a> | <a href=\"#bees\">Getting bees</a> | "
      "<a href=\"#year\">The beekeeper's year</a></p>"));
  EXPECT_TRUE(has(e, "buy a nucleus")) << e.text;
  EXPECT_FALSE(has(e, "Contents:")) << e.text;
}

TEST(OldLayout, ParagraphOfLinksToOtherPagesStays) {
  Extraction e = extract_page(guide_page(
      "<p>Read first: <a href=\"/safety.html\">Safety</a> | <a href=\"/kit.html\">Kit</a> | "
      "<a href=\"/costs.html\">Costs</a></p>"));
  EXPECT_TRUE(has(e, "Read first: Safety | Kit | Costs")) << e.text;
}

// A page laid out with <center> and <font>, its text in the body: the centered footer with the
// author's copyright goes, the heading and paragraphs stay.
TEST(OldLayout, CenteredCopyrightFooterGoes) {
  Extraction e = extract_page(old_page(
      "The History of Our Village Church",
      "<center><font size=\"5\"><b>The History of Our Village Church</b></font></center>"
      "<center><a href=\"index.htm\">Home</a> | <a href=\"history.htm\">History</a> | "
      "<a href=\"photos.htm\">Photos</a></center><hr><font face=\"Verdana\">"
      "<p>The first church on this site was built of wood in the twelfth century, and nothing of it survives "
      "except a carved stone that is now set into the wall of the porch."
      "<p>The present building dates from 1420, when a wool merchant paid for the nave and the tower. His "
      "coat of arms can still be seen above the west door, although the paint has long since worn away."
      "</font><hr><center><font size=\"1\">Last updated 12 March 2004. &copy; 2004 J. Smith. Best viewed "
      "at 800x600.</font></center>"));
  EXPECT_TRUE(has(e, "The first church on this site")) << e.text;
  EXPECT_TRUE(has(e, "long since worn away")) << e.text;
  EXPECT_FALSE(has(e, "Best viewed")) << e.text;
}

// A poem set with <br> in a centred table: the verses stay, the row of links back goes.
TEST(OldLayout, RowOfLinksUnderAPoemGoes) {
  Extraction e = extract_page(old_page(
      "Autumn Evening - poems",
      "<table width=\"600\" align=\"center\"><tr><td><font face=\"Georgia\"><center><b>Autumn Evening</b>"
      "</center><br>The light goes early from the hill,<br>the swallows gather on the wire,<br>"
      "the kitchen window, warm and still,<br>holds the last colour of the fire.<br><br>"
      "My father walks the lane alone<br>and counts the apples on the tree;<br>"
      "the garden wall of grey old stone<br>keeps all the summer's warmth for me.<br><br><br>"
      "<a href=\"poems.html\">Back to poems</a> | <a href=\"index.html\">Home</a></font></td></tr></table>"));
  EXPECT_TRUE(has(e, "The light goes early from the hill,")) << e.text;
  EXPECT_TRUE(has(e, "keeps all the summer's warmth for me.")) << e.text;
  EXPECT_FALSE(has(e, "Back to poems")) << e.text;
}

// The text cell opens with a breadcrumb trail set as a line of text, the current page unlinked,
// or with a row of links; the heading and text after them stay.
// A page without class names whose container ends in the site's footer: columns of links, a
// line about the site and the copyright notice with "Terms" and "Privacy" ("legal-footer"). It
// has too much text of its own for link-dense; the notice closing it tells it apart.
const std::string kNetPage =
    "<div><div><h1>Mending a Fishing Net</h1><p>A torn net loses fish at every haul, and a small tear gro"
    "ws fast once the knots around it start to slip. Mending it on the quay takes a needle, twine of the "
    "same weight and an hour of patience.</p><p>Cut the broken meshes back to sound knots so that the hol"
    "e has clean edges, then count the meshes along each side. Start at a corner and work across in rows,"
    " tying each new mesh with a sheet bend pulled tight against the gauge.</p></div><div><p>When the las"
    "t row is tied, wet the net and stretch it: a mended patch that puckers has a row too many, and one t"
    "hat gapes a row too few. Trim the loose ends a finger's width from the knots.</p><p>Hang the net to "
    "dry out of the sun, which weakens the twine, and check the patch again after the next trip before th"
    "e knots have settled.</p></div><div><div><h4>Guides</h4><ul><li><a href=\"/a\">Knots</a></li><li><a hr"
    "ef=\"/b\">Nets</a></li><li><a href=\"/c\">Boats</a></li><li><a href=\"/d\">Engines</a></li><li><a href=\"/e"
    "\">Weather</a></li></ul><h4>Harbour</h4><ul><li><a href=\"/f\">Moorings</a></li><li><a href=\"/g\">Tide t"
    "ables</a></li><li><a href=\"/h\">Contact the harbour master</a></li><li><a href=\"/i\">Winter storage of"
    " small boats</a></li><li><a href=\"/j\">Second-hand gear for sale</a></li><li><a href=\"/k\">Courses in "
    "net making and splicing</a></li><li><a href=\"/l\">Letters from our readers</a></li><li><a href=\"/m\">P"
    "hotographs of the old fleet</a></li><li><a href=\"/n\">Recipes for the catch of the day</a></li></ul><"
    "p>Quayside Notes is written by two retired skippers on the north coast, who answer every letter abou"
    "t nets, knots and boats that reaches them before the spring comes round.</p></div><ul><li>Copyright "
    "© 2024 Quayside Notes. All rights reserved.</li><li><a href=\"/t\">Terms of use</a></li><li><a href=\"/"
    "p\">Privacy</a></li></ul></div></div>";

TEST(OldLayout, FooterOfLinksClosedByACopyrightNoticeGoes) {
  Extraction e = extract_page(old_page("Mending a Fishing Net", kNetPage));
  EXPECT_TRUE(has(e, "Cut the broken meshes back")) << e.text;
  EXPECT_TRUE(has(e, "before the knots have settled")) << e.text;
  EXPECT_FALSE(has(e, "All rights reserved")) << e.text;
  EXPECT_FALSE(has(e, "Winter storage of small boats")) << e.text;
  EXPECT_FALSE(has(e, "retired skippers")) << e.text;
}

// The same footer followed by what the page prints after it (a cart's counter, a text-size
// widget), which on a page without <footer> sits in the container too: the footer still goes, and
// those blocks with it.
TEST(OldLayout, FooterClosedByACopyrightNoticeGoesWithTheBlocksAfterIt) {
  std::string page = kNetPage;
  page.insert(page.size() - 6, "<div><a href=\"/basket\">Basket</a> 0</div><div>Text size: A A A</div>");
  Extraction e = extract_page(old_page("Mending a Fishing Net", page));
  EXPECT_TRUE(has(e, "Cut the broken meshes back")) << e.text;
  EXPECT_TRUE(has(e, "before the knots have settled")) << e.text;
  EXPECT_FALSE(has(e, "All rights reserved")) << e.text;
  EXPECT_FALSE(has(e, "Winter storage of small boats")) << e.text;
  EXPECT_FALSE(has(e, "Text size")) << e.text;
}

// A shop's footer: its address and opening hours beside the columns of links (under half its
// text in links), then the notice and a row of policy links after it (the notice more than 300
// bytes before the end): it goes too.
TEST(OldLayout, ShopFooterWithAddressAndPolicyRowGoes) {
  std::string page = kNetPage;
  const std::string footer =
      "<div><div><p>Visit the chandlery at 4 Harbour Row, open Monday to Saturday from eight until five, "
      "and on Sunday mornings from May to September when the boats are out.</p><p>Orders placed before noon "
      "leave the same day by the carrier; twine, needles and gauges are kept in stock all year round.</p>"
      "<ul><li><a href=\"/a\">Knots</a></li><li><a href=\"/b\">Nets</a></li><li><a href=\"/c\">Boats</a></li>"
      "<li><a href=\"/d\">Engines</a></li><li><a href=\"/e\">Weather</a></li><li><a href=\"/f\">Moorings</a>"
      "</li></ul></div><p>Copyright © 2024 Quayside Chandlery. All rights reserved.</p><p>"
      "<a href=\"/t\">Terms and conditions of sale</a> | <a href=\"/p\">Privacy and cookie policy</a> | "
      "<a href=\"/r\">Returns and refunds policy</a> | <a href=\"/s\">Shipping and delivery information</a> | "
      "<a href=\"/w\">Warranty and repair service</a> | <a href=\"/x\">Accessibility statement</a> | "
      "<a href=\"/y\">Modern slavery statement</a> | <a href=\"/z\">Sitemap of the whole shop</a> | "
      "<a href=\"/q\">Frequently asked questions</a> | <a href=\"/v\">Careers at the chandlery</a></p></div>";
  const size_t at = page.find("<div><div><h4>Guides");
  page = page.substr(0, at) + footer + "</div></div>";
  Extraction e = extract_page(old_page("Mending a Fishing Net", page));
  EXPECT_TRUE(has(e, "Cut the broken meshes back")) << e.text;
  EXPECT_TRUE(has(e, "before the knots have settled")) << e.text;
  EXPECT_FALSE(has(e, "All rights reserved")) << e.text;
  EXPECT_FALSE(has(e, "Harbour Row")) << e.text;
}

// A shop's footer whose notice comes before its fine print on prices and a row of policy links
// (more than 600 bytes before the end), with about a third of its text in links: it goes.
TEST(OldLayout, ShopFooterWithFinePrintAfterTheNoticeGoes) {
  std::string page = kNetPage;
  const std::string footer =
      "<div><ul><li><a href=\"/a\">Knots</a></li><li><a href=\"/b\">Nets</a></li><li><a href=\"/c\">Boats</a>"
      "</li><li><a href=\"/d\">Engines</a></li></ul><p>Copyright © 2024 Quayside Chandlery. All rights "
      "reserved.</p><p>Prices on this site include sales tax at the current rate. Twine is sold by the "
      "metre and cut to order, so it cannot be taken back once cut. Gauges and needles may be returned "
      "unused within thirty days of delivery. Orders to the islands travel on the Tuesday ferry and may "
      "take a week longer in winter. Colours of dyed twine may differ a little from one batch to the next, "
      "and the pictures on this site are a guide only.</p><p>"
      "<a href=\"/t\">Terms and conditions of sale</a> | <a href=\"/p\">Privacy and cookie policy</a> | "
      "<a href=\"/r\">Returns and refunds policy</a> | <a href=\"/s\">Shipping and delivery information</a> | "
      "<a href=\"/w\">Warranty and repair service</a> | <a href=\"/x\">Accessibility statement</a> | "
      "<a href=\"/y\">Modern slavery statement</a> | <a href=\"/z\">Sitemap of the whole shop</a> | "
      "<a href=\"/q\">Frequently asked questions</a> | <a href=\"/v\">Careers at the chandlery</a></p></div>";
  const std::string more =
      "<div><p>A net that has been mended several times in the same place is weaker there than the new "
      "meshes around it, and it is often better to cut out the whole panel and lace in a fresh one. Keep the "
      "old panel: its twine makes good ties for floats and weights.</p><p>Nets stored wet rot from the inside "
      "of the bundle, where the air cannot reach, so spread them out on a dry day before winter.</p></div>";
  const size_t at = page.find("<div><div><h4>Guides");
  page = page.substr(0, at) + more + footer + "</div></div>";
  Extraction e = extract_page(old_page("Mending a Fishing Net", page));
  EXPECT_TRUE(has(e, "Cut the broken meshes back")) << e.text;
  EXPECT_TRUE(has(e, "spread them out on a dry day")) << e.text;
  EXPECT_FALSE(has(e, "All rights reserved")) << e.text;
  EXPECT_FALSE(has(e, "Tuesday ferry")) << e.text;
}

TEST(OldLayout, BreadcrumbLineOpeningTheTextCellGoes) {
  for (const std::string lead : {"<font size=\"2\"><a href=\"/\">Home</a> &gt; <a href=\"/a\">Articles</a> &gt; "
                                 "Planting garlic</font><br><br>",
                                 "[<a href=\"/\">Home</a>] [<a href=\"/up\">Up</a>] [<a href=\"/next\">Next</a>]<br>"}) {
    Extraction e = extract_page(old_page(
        "Garden Club - Planting Garlic",
        "<table width=\"100%\"><tr>" + kMenuColumn + "<td valign=\"top\">" + lead + kCellText + "</td></tr></table>"));
    EXPECT_TRUE(has(e, "Planting Garlic in Autumn")) << e.text;
    EXPECT_TRUE(has(e, "against the worst of the winter")) << e.text;
    EXPECT_FALSE(has(e, "Home")) << e.text;
  }
}

// Two links side by side with no separator (a poster's name and handle above the post) are no
// breadcrumb trail: the line stays.
TEST(OldLayout, LinksWithoutSeparatorsAreNoBreadcrumb) {
  Extraction e = extract_page(old_page(
      "Garden Club - Planting Garlic",
      "<table width=\"100%\"><tr>" + kMenuColumn + "<td valign=\"top\"><a href=\"/u/1\">Margaret</a> "
      "<a href=\"/u/1/posts\">Ellison</a> Club secretary<br><br>" + kCellText + "</td></tr></table>"));
  EXPECT_TRUE(has(e, "Margaret Ellison Club secretary")) << e.text;
}

// The page's contact line in an <address> under a rule, as editors closed a page: it goes.
TEST(OldLayout, ClosingAddressGoes) {
  Extraction e = extract_page(old_page(
      "Garden Club - Planting Garlic",
      "<table width=\"100%\"><tr>" + kMenuColumn + "<td valign=\"top\">" + kCellText +
      "<hr><address>Page maintained by the webmaster. Last modified: 3 May 2001</address></td></tr></table>"));
  EXPECT_TRUE(has(e, "against the worst of the winter")) << e.text;
  EXPECT_FALSE(has(e, "maintained by")) << e.text;
}

// One link closing the page's text, under its contact line ("Back to the home page"), leads away
// from it: it goes, and the <address> before it then closes the text and goes too.
TEST(OldLayout, SingleLinkBackClosingTheTextGoes) {
  Extraction e = extract_page(old_page(
      "Notes on an old sailplane",
      "<h2>Notes on an old sailplane</h2><p>I bought the glider in the autumn of 1996 from a syndicate that "
      "had flown it for twenty years, with its trailer and a box of logbooks.</p><p>Rigging it takes three "
      "people, and the wing pins are easy to damage when the wings are not lined up.</p><hr>"
      "<address>Page by the owner. Last changed 4 February 2007.</address>"
      "<a href=\"../index.html\">Back to the home page</a>"));
  EXPECT_TRUE(has(e, "Rigging it takes three people")) << e.text;
  EXPECT_FALSE(has(e, "Back to the home page")) << e.text;
  EXPECT_FALSE(has(e, "Last changed")) << e.text;
}

// The link back in a <div> of its own under a news story's text ("Back", as a portal's CMS closes
// its stories): it goes too; a <p> would be the story's own paragraph.
TEST(OldLayout, SingleLinkBackInItsOwnDivGoes) {
  Extraction e = extract_page(old_page(
      "Town news - Library reopens",
      "<table width=\"100%\"><tr>" + kMenuColumn + "<td valign=\"top\">" + kCellText +
      "<div align=\"right\"><a href=\"javascript:history.back()\">Back to the list</a></div></td></tr></table>"));
  EXPECT_TRUE(has(e, "against the worst of the winter")) << e.text;
  EXPECT_FALSE(has(e, "Back to the list")) << e.text;
}

// A closing link whose text is its own address (where to write) is the text's information.
TEST(OldLayout, ClosingLinkWritingOutAnAddressStays) {
  Extraction e = extract_page(old_page(
      "Garden Club - Planting Garlic",
      "<table width=\"100%\"><tr>" + kMenuColumn + "<td valign=\"top\">" + kCellText +
      "Questions about the bed? Write to the club's grower:<br>"
      "<a href=\"mailto:grower@example.org\">grower@example.org</a></td></tr></table>"));
  EXPECT_TRUE(has(e, "grower@example.org")) << e.text;
}

// The heading in a row of its own above the text row (two columns of text under it): the text row
// is chosen, and its heading comes with it; the menu row above the heading does not.
TEST(OldLayout, HeadingRowAboveTheTextRowIsTakenIn) {
  Extraction e = extract_page(old_page(
      "Lakeside Bowls Club: History",
      "<table width=\"700\"><tr><td colspan=\"2\"><a href=\"/\">Home</a> - <a href=\"/history.html\">History</a> - "
      "<a href=\"/join.html\">Join</a></td></tr>"
      "<tr><td colspan=\"2\"><font size=\"5\"><b>Ninety years on the green</b></font></td></tr>"
      "<tr><td valign=\"top\">The club was started in 1931 by the staff of the brickworks, who levelled a "
      "meadow behind the kilns and bought their first woods from a shop that was closing down.<br><br>"
      "The war took most of the younger members, and the green was dug up for potatoes until 1946.</td>"
      "<td valign=\"top\">In the fifties the club won the county league three times, and its pavilion was "
      "built by the members themselves over four summers.<br><br>Today it has a hundred and twenty "
      "members and still plays on the meadow behind the old kilns.</td></tr>"
      "<tr><td colspan=\"2\"><font size=\"1\">&copy; Lakeside Bowls Club 2006</font></td></tr></table>"));
  EXPECT_TRUE(has(e, "Ninety years on the green")) << e.text;
  EXPECT_TRUE(has(e, "levelled a meadow")) << e.text;
  EXPECT_TRUE(has(e, "behind the old kilns")) << e.text;
  EXPECT_FALSE(has(e, "Join")) << e.text;
}

// The text cell inside a table nested in the layout's cell, six levels under the layout's rows:
// the heading row above still comes with it.
TEST(OldLayout, HeadingRowAboveANestedTextTableIsTakenIn) {
  Extraction e = extract_page(old_page(
      "County Archaeology Society",
      "<table width=\"760\"><tr><td colspan=\"2\"><a href=\"/\">Home</a> | <a href=\"/digs.html\">Digs</a></td></tr>"
      "<tr><td colspan=\"2\"><h2>A well found under a drained field</h2></td></tr>"
      "<tr><td width=\"160\"><img src=\"well.jpg\" alt=\"\"></td><td><table width=\"100%\"><tr><td>"
      "Members spent three weekends clearing the well that a farmer found while draining a field. It is "
      "lined with cut stone and goes down almost nine metres.<br><br>At the bottom lay pottery from the "
      "second century and a bronze ladle, now with the county museum.</td></tr></table></td></tr></table>"));
  EXPECT_TRUE(has(e, "A well found under a drained field")) << e.text;
  EXPECT_TRUE(has(e, "almost nine metres")) << e.text;
  EXPECT_FALSE(has(e, "Digs")) << e.text;
}

// The heading set above a nested table of text inside one cell: it comes with the text. A date
// set in bold there instead (a blog's date header) is no heading and stays out.
std::string heading_over_nested_text(std::string_view heading) {
  return old_page("Parish news",
                  "<table width=\"700\"><tr>" + kMenuColumn + "<td valign=\"top\"><font size=\"5\"><b>" +
                      std::string(heading) +
                      "</b></font><br><table width=\"100%\"><tr><td>After eighteen months of silence the church "
                      "bells rang again on Sunday morning, when the ringers marked the end of the repairs to the "
                      "tower.<br><br>The last of the money came from a summer fair and a sponsored walk along the "
                      "old railway line.</td></tr></table></td></tr></table>");
}

TEST(OldLayout, HeadingAboveNestedTextInOneCellIsTakenIn) {
  Extraction e = extract_page(heading_over_nested_text("The bells ring again"));
  EXPECT_TRUE(has(e, "The bells ring again")) << e.text;
  EXPECT_TRUE(has(e, "sponsored walk")) << e.text;
  EXPECT_FALSE(has(e, "Flower Shows")) << e.text;
  Extraction dated = extract_page(heading_over_nested_text("Sunday, 14 May 2006"));
  EXPECT_FALSE(has(dated, "14 May 2006")) << dated.text;
  EXPECT_TRUE(has(dated, "sponsored walk")) << dated.text;
}

// A row above the text that is not set as a heading (plain text, or a line with a link) stays out.
// Questions and answers set in a table's cells under a centred <h2>: the heading is the text's.
TEST(OldLayout, HeadingAboveATableOfTextIsTakenIn) {
  Extraction e = extract_page(old_page(
      "FAQ - Meadow Lane Allotments",
      "<center><h2>Frequently asked questions</h2></center><table border=\"0\" width=\"600\">"
      "<tr><td><b>Q:</b></td><td><b>How long is the waiting list?</b></td></tr>"
      "<tr><td><b>A:</b></td><td>At the moment about eighteen months for a full plot and six months for a half "
      "plot.</td></tr><tr><td><b>Q:</b></td><td><b>Can I keep chickens?</b></td></tr>"
      "<tr><td><b>A:</b></td><td>Yes, up to six hens but no cockerels, in a run that the committee has "
      "approved.</td></tr><tr><td><b>Q:</b></td><td><b>Is there water on site?</b></td></tr>"
      "<tr><td><b>A:</b></td><td>There are four taps, turned off from November to March to stop the pipes "
      "freezing.</td></tr></table>"
      "<p align=\"center\"><a href=\"index.html\">Home</a> | <a href=\"rules.html\">Rules</a></p>"));
  EXPECT_TRUE(has(e, "Frequently asked questions\n")) << e.text;
  EXPECT_TRUE(has(e, "Can I keep chickens?")) << e.text;
  EXPECT_FALSE(has(e, "Rules")) << e.text;
}

// A site's banner heading above a layout table whose text cell sits beside a menu column stays
// out: the climb from the text cell stops at the menu cell.
TEST(OldLayout, BannerHeadingAboveALayoutTableStaysOut) {
  Extraction e = extract_page(old_page(
      "Garden Club - Planting Garlic",
      "<h2>The Riverside Garden Club</h2><table width=\"760\"><tr>" + kMenuColumn +
          "<td valign=\"top\">" + kCellText + "</td></tr></table>"));
  EXPECT_TRUE(has(e, "Garlic is one of the easiest crops")) << e.text;
  EXPECT_FALSE(has(e, "Riverside Garden Club")) << e.text;
}

TEST(OldLayout, PlainRowAboveTheTextRowStaysOut) {
  Extraction e = extract_page(old_page(
      "Garden Club - Planting Garlic",
      "<table width=\"700\"><tr><td colspan=\"2\"><b>Garden Club of <a href=\"/\">Millbrook</a></b></td></tr>"
      "<tr>" + kMenuColumn + "<td valign=\"top\">" + kCellText + "</td></tr></table>"));
  EXPECT_TRUE(has(e, "against the worst of the winter")) << e.text;
  EXPECT_FALSE(has(e, "Millbrook")) << e.text;
}

// "Related stories" drawn as a <div> of its own, not a heading tag, over a box of links to other
// stories under the text: the box goes with it, up to the next box drawn the same way, which goes
// with its own heading ("Most read").
TEST(OldLayout, ListHeadingDrawnAsADivTakesItsBox) {
  Extraction e = extract_page(old_page(
      "Valley Courier - Barn fire",
      "<table width=\"760\"><tr>" + kMenuColumn + "<td valign=\"top\"><font size=\"4\"><b>Fire destroys a barn "
      "near Alder Creek</b></font><br><p>A fire destroyed a hay barn on a farm near Alder Creek late on Saturday "
      "night. Nobody was hurt, but about three hundred bales were lost.</p><p>Firefighters from three stations "
      "fought the blaze for five hours; a faulty lamp is suspected.</p>"
      "<div class=\"boxtitle\">Related stories</div><div class=\"box\"><a href=\"/a/1\">Dry summer raises fire "
      "risk on farms, officials warn in a county report</a><br><a href=\"/a/2\">Alder Creek station gets a new "
      "engine after years of waiting</a><br><a href=\"/a/3\">Farmers urged to check the wiring in old "
      "buildings</a></div><div class=\"boxtitle\">Most read</div><div class=\"box\"><a href=\"/a/4\">School "
      "board delays its vote</a><br><a href=\"/a/5\">Bridge plan goes to council</a></div></td></tr></table>"));
  EXPECT_TRUE(has(e, "a faulty lamp is suspected")) << e.text;
  EXPECT_FALSE(has(e, "check the wiring")) << e.text;
  EXPECT_FALSE(has(e, "Bridge plan")) << e.text;
}

// An academic's home page lists her papers, each item opening with its title linked to the PDF:
// a list of links, but to the page's own documents, not to other pages. It stays; the menu of
// the site's pages beside it goes.
TEST(OldLayout, ListOfLinksToDocumentsStays) {
  Extraction e = extract_page(old_page(
      "Dana Whitlow - Home Page",
      "<table width=\"100%\"><tr><td width=\"150\" valign=\"top\"><a href=\"index.html\">Home</a><br>"
      "<a href=\"research.html\">Research</a><br><a href=\"teaching.html\">Teaching</a></td><td valign=\"top\">"
      "<h1>Dana Whitlow</h1>I study how sea ice forms in sheltered bays, and how quickly it breaks up when the "
      "spring storms come. Most of my work is in the field, with instruments frozen into the ice for months."
      "<br><br><b>Recent papers</b><ul>"
      "<li><a href=\"papers/ice-bays.pdf\">Freezing in sheltered bays</a>, Polar Field Notes, 2009.</li>"
      "<li><a href=\"papers/storms.PDF\">Spring storms and ice break-up</a>, Coastal Letters, 2008.</li>"
      "<li><a href=\"papers/buoys.ps.gz\">Cheap buoys for ice tracking</a>, Instruments Today, 2007.</li>"
      "</ul></td></tr></table>"));
  EXPECT_TRUE(has(e, "Freezing in sheltered bays")) << e.text;
  EXPECT_TRUE(has(e, "Cheap buoys for ice tracking")) << e.text;
  EXPECT_FALSE(has(e, "Teaching")) << e.text;
}

// The same list linking to pages of other sites' stories is a list of other pages: it goes.
TEST(OldLayout, ListOfLinksToPagesGoes) {
  Extraction e = extract_page(old_page(
      "Dana Whitlow - Home Page",
      "<table width=\"100%\"><tr><td width=\"150\" valign=\"top\"><a href=\"index.html\">Home</a><br>"
      "<a href=\"research.html\">Research</a><br><a href=\"teaching.html\">Teaching</a></td><td valign=\"top\">"
      "<h1>Dana Whitlow</h1>I study how sea ice forms in sheltered bays, and how quickly it breaks up when the "
      "spring storms come. Most of my work is in the field, with instruments frozen into the ice for months."
      "<br><br><b>Elsewhere</b><ul>"
      "<li><a href=\"/news/ice-bays.html\">Freezing in sheltered bays</a>, Polar Field Notes, 2009.</li>"
      "<li><a href=\"/news/storms.html\">Spring storms and ice break-up</a>, Coastal Letters, 2008.</li>"
      "<li><a href=\"/news/buoys.html\">Cheap buoys for ice tracking</a>, Instruments Today, 2007.</li>"
      "</ul></td></tr></table>"));
  EXPECT_TRUE(has(e, "Most of my work is in the field")) << e.text;
  EXPECT_FALSE(has(e, "Cheap buoys for ice tracking")) << e.text;
}

// A page set in its body with <br>, its menu one link per line above the heading: the menu lines
// go, the heading and paragraphs stay.
TEST(OldLayout, MenuOfOneLinkPerLineOpeningTheTextGoes) {
  Extraction e = extract_page(old_page(
      "Backyard Astronomy Notes",
      "<a href=\"index.html\">Home</a><br><a href=\"scopes.html\">Telescopes</a><br><a href=\"log.html\">"
      "Observing log</a><br><br><font size=\"5\"><b>Watching Saturn from a city garden</b></font><br><br>"
      "Even a small refractor shows Saturn's rings and its largest moon on a clear night, though the city's "
      "lights wash out the fainter moons.<br><br>Use a magnification of about 100x; more than that and the "
      "image gets dim unless the air is calm.<br><br>"));
  EXPECT_TRUE(has(e, "Watching Saturn from a city garden")) << e.text;
  EXPECT_TRUE(has(e, "unless the air is calm")) << e.text;
  EXPECT_FALSE(has(e, "Telescopes")) << e.text;
  EXPECT_FALSE(has(e, "Observing log")) << e.text;
}

// One linked line opening the text (a post's title linked to itself) is no menu: it stays.
TEST(OldLayout, OneLinkedLineOpeningTheTextStays) {
  Extraction e = extract_page(old_page(
      "Backyard Astronomy Notes",
      "<a href=\"/2006/05/saturn.html\">Watching Saturn from a city garden</a><br><br>"
      "Even a small refractor shows Saturn's rings and its largest moon on a clear night, though the city's "
      "lights wash out the fainter moons.<br><br>Use a magnification of about 100x; more than that and the "
      "image gets dim unless the air is calm.<br><br>"));
  EXPECT_TRUE(has(e, "Watching Saturn from a city garden")) << e.text;
  EXPECT_TRUE(has(e, "unless the air is calm")) << e.text;
}

// A page of links with a line about each is the page's own content: chosen as the container, the
// list takes in the heading and the paragraphs around it in its cell; the menu beside stays out.
TEST(OldLayout, LinksPageKeepsItsIntroAroundTheList) {
  Extraction e = extract_page(old_page(
      "Beekeeping links",
      "<table width=\"100%\"><tr>" + kMenuColumn + "<td valign=\"top\"><h2>Links for beginners</h2>"
      "<p>These are the sites I found most useful in my first two years with bees. I have no connection with "
      "any of them.</p><ul>"
      "<li><a href=\"http://a.example.org/\">The Hive Diary</a> - a beekeeper's weekly notes through the season, "
      "with photos of every inspection.</li>"
      "<li><a href=\"http://b.example.org/\">Swarm Watch</a> - how to catch a swarm safely, and who to call if you "
      "find one.</li>"
      "<li><a href=\"http://c.example.org/\">Queen Rearing Basics</a> - a clear guide to raising your own queens "
      "from your best colony.</li>"
      "<li><a href=\"http://d.example.org/\">Varroa Facts</a> - what the mite does to a colony and the treatments "
      "that work.</li></ul></td></tr></table>"));
  EXPECT_TRUE(has(e, "Links for beginners")) << e.text;
  EXPECT_TRUE(has(e, "most useful in my first two years")) << e.text;
  EXPECT_TRUE(has(e, "treatments that work")) << e.text;
  EXPECT_FALSE(has(e, "Flower Shows")) << e.text;
}

// The same box set inside the story, the story going on under it: the box goes, the paragraphs
// after it stay.
TEST(OldLayout, ListHeadingDrawnAsADivStopsAtTheStoryGoingOn) {
  Extraction e = extract_page(old_page(
      "Valley Courier - Barn fire",
      "<table width=\"760\"><tr>" + kMenuColumn + "<td valign=\"top\"><font size=\"4\"><b>Fire destroys a barn "
      "near Alder Creek</b></font><br><p>A fire destroyed a hay barn on a farm near Alder Creek late on Saturday "
      "night. Nobody was hurt, but about three hundred bales were lost, and the family fears the winter feed "
      "for the herd will now have to be bought in at a high price.</p><p>The barn was built by the farmer's "
      "grandfather and had stood for ninety years.</p>"
      "<div class=\"boxtitle\">Related stories</div><div class=\"box\"><a href=\"/a/1\">Dry summer raises fire "
      "risk on farms</a><br><a href=\"/a/2\">Alder Creek station gets a new engine</a><br><a href=\"/a/3\">Farmers "
      "urged to check the wiring in old buildings</a></div><p>Firefighters from three stations fought the blaze "
      "for five hours, and a faulty lamp is suspected.</p></td></tr></table>"));
  EXPECT_FALSE(has(e, "check the wiring")) << e.text;
  EXPECT_TRUE(has(e, "a faulty lamp is suspected")) << e.text;
}

// The text cell between the menu column and a column of other stories, each a linked headline
// with a sentence under it set with <br>: the text cell is the content, the teasers are not.
TEST(OldLayout, TeaserColumnBesideTheTextCellStaysOut) {
  Extraction e = extract_page(old_page(
      "Hillside Gazette - School roof repaired",
      "<table width=\"780\"><tr><td width=\"140\"><a href=\"/a\">Local</a><br><a href=\"/b\">Region</a></td>"
      "<td width=\"440\" valign=\"top\">Builders finished work on the roof of Hillside Primary School on Friday, two days before the pupils "
      "return from the summer holiday. The old roof had leaked for three winters.<br><br>The repairs cost the "
      "county about eighty thousand pounds, and the head teacher thanked the builders for working through the "
      "August bank holiday.</td><td width=\"200\" valign=\"top\"><b>Also in the news</b><br><br>"
      "<a href=\"/n/1\">Market square to get new lights</a><br>The council has approved new street lights for "
      "the old market square.<br><br><a href=\"/n/2\">Library extends its hours</a><br>From next month the "
      "library will stay open until eight on Tuesdays.<br><br><a href=\"/n/3\">Bus route changes</a><br>The "
      "number 12 bus will not stop at the station during the roadworks.</td></tr></table>"));
  EXPECT_TRUE(has(e, "Builders finished work on the roof")) << e.text;
  EXPECT_TRUE(has(e, "August bank holiday")) << e.text;
  EXPECT_FALSE(has(e, "street lights")) << e.text;
  EXPECT_FALSE(has(e, "Bus route changes")) << e.text;
}

// In Markdown too, <br><br> ends a paragraph and a single <br> is a hard line break.
TEST(OldLayout, BrBrIsAParagraphBreakInMarkdown) {
  Options o;
  o.markdown = true;
  Extraction e = extract_page(old_page("My trip",
                                       "We left early on Saturday morning and drove for four hours along the "
                                       "old road,<br>stopping once for coffee in a small town where the baker "
                                       "still bakes in a wood oven.<br><br>The weather was cold but clear, and "
                                       "in the afternoon we walked along the cliffs to the lighthouse."),
                              o);
  EXPECT_NE(e.markdown.find("old road,\\\nstopping"), std::string::npos) << e.markdown;
  EXPECT_NE(e.markdown.find("wood oven.\n\nThe weather"), std::string::npos) << e.markdown;
}

// A text file served as a page: one <pre>, kept as written.
TEST(OldLayout, PlainPageOfOnePreIsKept) {
  Extraction e = extract_page(
      "<html><head><title>notes.txt</title></head><body><pre>\nNotes on restoring an old bicycle\n\n"
      "The frame was rusty along the lower tube, so I sanded it by hand\nwith coarse paper first and then "
      "with fine paper.\n\nThe wheels needed new spokes on one side, and I trued them myself.\n\n"
      "(c) 2004 a cyclist\n</pre></body></html>");
  EXPECT_TRUE(has(e, "The frame was rusty along the lower tube, so I sanded it by hand\nwith coarse")) << e.text;
  EXPECT_TRUE(has(e, "I trued them myself.")) << e.text;
  EXPECT_TRUE(has(e, "(c) 2004 a cyclist")) << e.text;  // a text file's lines are its content
}

// <xmp>, HTML 2's example of markup, is drawn as <pre> is: its lines stay lines, without the
// newline that follows the start tag; in Markdown it is a code block.
TEST(OldLayout, XmpKeepsItsLines) {
  const std::string html = old_page(
      "My cat Felix",
      "<p>Felix is nine years old and likes to sleep on the warm monitor of my computer. I wrote him a "
      "program on the old computer when I was twelve, and he watched the screen for an hour.</p>"
      "<xmp>\n10 PRINT \"FELIX\"\n20 GOTO 10\n</xmp><p>That is his favourite program, and he still "
      "likes it better than any of the new games.</p>");
  Extraction e = extract_page(html);
  EXPECT_TRUE(has(e, "hour.\n\n10 PRINT \"FELIX\"\n20 GOTO 10\n")) << e.text;
  Options o;
  o.markdown = true;
  Extraction m = extract_page(html, o);
  EXPECT_NE(m.markdown.find("```\n10 PRINT \"FELIX\"\n20 GOTO 10\n```"), std::string::npos) << m.markdown;
}

// A text file served as a page, without one tag: its lines stay lines, and an '&' is text.
TEST(OldLayout, PageWithoutMarkupIsReadAsWritten) {
  Extraction e = extract_page(
      "Minutes of the meeting\n\nThe committee met on Tuesday & agreed the budget.\nAll members were "
      "present.\n\nThe next meeting is on the 4th &amp; in the hall.\n");
  EXPECT_TRUE(has(e, "Minutes of the meeting\n\nThe committee met on Tuesday & agreed the budget.\nAll members"))
      << e.text;
  EXPECT_TRUE(has(e, "on the 4th &amp; in the hall.")) << e.text;
}

// A body that is nothing but text and <br>s is all content.
TEST(OldLayout, BodyOfTextSetWithBrIsKept) {
  Extraction e = extract_page(old_page(
      "My trip to the coast",
      "My trip to the coast<br><br>We left early on Saturday morning and drove for four hours along the old "
      "road, stopping once for coffee in a small town.<br><br>The weather was cold but clear, and in the "
      "afternoon we walked along the cliffs to the lighthouse.<br><br>We drove home on Monday, tired but "
      "happy."));
  EXPECT_TRUE(has(e, "We left early on Saturday morning")) << e.text;
  EXPECT_TRUE(has(e, "We drove home on Monday, tired but happy.")) << e.text;
}

// What the author set apart as a paragraph stays: a news story's closing wire notice and its
// paragraph of topic links are the story's (the benchmarks' readers keep them).
TEST(OldLayout, ParagraphsOfTheAuthorAtTheEndStay) {
  Extraction e = extract_page(testing::page(
      "<title>Storms</title>",
      "<div class=\"story\"><h1>Storms in the valley</h1>" + testing::kProse +
          "<p>Topics: <a href=\"/t/weather\">Weather</a>, <a href=\"/t/floods\">Floods</a></p>"
          "<p><em>&copy; 2019 Example Wire. All rights reserved. This material may not be published."
          "</em></p></div>"));
  EXPECT_TRUE(has(e, "Example Wire. All rights reserved")) << e.text;
  EXPECT_TRUE(has(e, "Weather, Floods")) << e.text;
}

// A closing <p> with a notice on reprinting is the site's line under every story, not the
// story's: it goes, while the story's own last paragraph stays.
TEST(OldLayout, ClosingParagraphOnReprintingGoes) {
  Extraction e = extract_page(testing::page(
      "<title>Storms</title>",
      "<div class=\"story\"><h1>Storms in the valley</h1>" + testing::kProse +
          "<p>河畔的樱花今年开得早。</p><p>河畔日报原创，未经授权不得转载。</p></div>"));
  EXPECT_TRUE(has(e, "河畔的樱花今年开得早")) << e.text;
  EXPECT_FALSE(has(e, "不得转载")) << e.text;
}

TEST(OldLayout, CopyrightNoticeWords) {
  EXPECT_TRUE(is_copyright_notice("Copyright (c) 2003 Garden Club. All rights reserved."));
  EXPECT_TRUE(is_copyright_notice("\xC2\xA9 2004 J. Smith"));
  EXPECT_TRUE(is_copyright_notice("Copyright 1998-2006 the authors"));
  EXPECT_TRUE(is_copyright_notice("Alle Rechte vorbehalten."));
  EXPECT_TRUE(is_copyright_notice("版权所有 某某网"));
  EXPECT_FALSE(is_copyright_notice("Copyright law was changed by parliament."));  // no year
  EXPECT_FALSE(is_copyright_notice("The river rose in 2004."));                   // no mark
  EXPECT_FALSE(is_copyright_notice("Copyright no. 120045"));                      // no year
}

// A blog of the 2000s (Movable Type, Blogger): each post ends with a line saying who posted it and
// when, with links to its comments and trackbacks. The post's paragraphs stay, that line goes.
TEST(OldLayout, OldBlogPostFooterLineGoes) {
  Extraction e = extract_page(old_page(
      "Field Notes: The heron at the weir",
      "<div id=\"container\"><div id=\"banner\"><h1><a href=\"/\">Field Notes</a></h1></div>"
      "<div id=\"center\"><div class=\"content\"><h2 class=\"date\">June 02, 2005</h2>"
      "<div class=\"blog\"><div class=\"blogbody\"><h3 class=\"title\">The heron at the weir</h3>"
      "<p>Every morning this week a grey heron has stood on the lip of the weir, waiting for fish to be "
      "washed over. It never seems to move until the very moment it strikes.</p>"
      "<p>I counted eleven catches in an hour on Thursday, most of them small roach. The heron swallows "
      "them head first and then goes straight back to waiting.</p>"
      "<div class=\"posted\">Posted by Anna at 07:41 AM | <a href=\"#c\">Comments (2)</a> | "
      "<a href=\"#t\">TrackBack (0)</a></div></div></div></div></div>"
      "<div id=\"right\"><div class=\"sidetitle\">Archives</div><div class=\"side\">"
      "<a href=\"/2005_06.html\">June 2005</a><br><a href=\"/2005_05.html\">May 2005</a><br></div></div>"
      "</div>"));
  EXPECT_TRUE(has(e, "Every morning this week a grey heron")) << e.text;
  EXPECT_TRUE(has(e, "goes straight back to waiting.")) << e.text;
  EXPECT_FALSE(has(e, "Posted by Anna")) << e.text;
  EXPECT_FALSE(has(e, "TrackBack")) << e.text;
}

// WordPress's default theme of the 2000s closes a single post with a sentence in
// <p class="postmetadata"> on when it was posted and where it is filed: no part of the post.
TEST(OldLayout, PostMetadataSentenceOfAnOldWordPressThemeGoes) {
  Extraction e = extract_page(old_page(
      "Small Garden Diary &raquo; Compost at last",
      "<div id=\"page\"><div id=\"header\"><h1><a href=\"/\">Small Garden Diary</a></h1></div>"
      "<div id=\"content\" class=\"widecolumn\"><div class=\"post\" id=\"post-41\"><h2>Compost at last</h2>"
      "<div class=\"entry\"><p>After two years of waiting, the compost bin finally gave us something usable "
      "this spring. The bottom layer had turned dark and crumbly and smelled of the woods.</p>"
      "<p>The secret, as far as I can tell, was turning it every few weeks over the winter and adding more "
      "cardboard when it got too wet.</p>"
      "<p class=\"postmetadata alt\"><small>This entry was posted on Sunday, June 3rd, 2007 at 10:14 am and "
      "is filed under <a href=\"/category/soil/\">Soil</a>. You can follow any responses to this entry "
      "through the <a href=\"/feed/\">RSS 2.0</a> feed. You can <a href=\"#respond\">leave a response</a>, "
      "or <a href=\"/trackback/\">trackback</a> from your own site.</small></p></div></div></div></div>"));
  EXPECT_TRUE(has(e, "After two years of waiting")) << e.text;
  EXPECT_TRUE(has(e, "when it got too wet.")) << e.text;
  EXPECT_FALSE(has(e, "This entry was posted")) << e.text;
}

// A thread of an old forum engine (phpBB 2): a table of posts, each under a line "Posted: <date
// and time>  Post subject: ...". The messages stay, those lines go.
TEST(OldLayout, OldForumPostedLineGoes) {
  auto post = [](std::string_view poster, std::string_view when, std::string_view subject,
                 std::string_view message) {
    return "<tr><td width=\"150\" valign=\"top\" class=\"row1\"><span class=\"name\"><b>" + std::string(poster) +
           "</b></span></td><td class=\"row1\" valign=\"top\"><table width=\"100%\"><tr><td>"
           "<span class=\"postdetails\">Posted: " + std::string(when) + "&nbsp; &nbsp;Post subject: " +
           std::string(subject) + "</span></td></tr><tr><td><hr /></td></tr><tr><td><span class=\"postbody\">" +
           std::string(message) + "</span></td></tr></table></td></tr>";
  };
  Extraction e = extract_page(old_page(
      "Model Railway Forum :: View topic - Cleaning old track",
      "<table class=\"forumline\" width=\"100%\">" +
          post("oldsteam", "Mon Jun 05, 2006 10:12 am", "Cleaning old track",
               "I bought a box of old brass track at a swap meet and it is black with tarnish. What is the "
               "best way to clean it without damaging the sleepers?") +
          post("sidings", "Mon Jun 05, 2006 12:40 pm", "Re: Cleaning old track",
               "Soak it in white vinegar for an hour, then rinse and dry it well. Do not use anything abrasive "
               "on the rail tops or the locos will not pick up current properly.") +
          "</table>"));
  EXPECT_TRUE(has(e, "black with tarnish")) << e.text;
  EXPECT_TRUE(has(e, "Soak it in white vinegar")) << e.text;
  EXPECT_FALSE(has(e, "Posted:")) << e.text;
}

// An old blog's post and its comments in one table cell, with no class to name them: the
// comments follow a heading that counts them, and go with it. A section headed "Comments"
// without a count (a manual's section on comments in a file) stays.
std::string wall_post(std::string_view after) {
  return old_page(
      "On repairing stone walls",
      "<table width=\"760\"><tr><td width=\"160\" valign=\"top\"><a href=\"/\">Home</a><br><a href=\"/archive\">"
      "Archive</a><br><a href=\"/about\">About</a></td><td valign=\"top\"><h2>On repairing stone walls</h2>"
      "<p>The wall along the top field came down in two places during the winter. Dry stone walls are easier "
      "to repair than most people think, as long as you sort the stones before you start.</p>"
      "<p>Take the fallen section down to a sound base, lay the large stones first with their long side into "
      "the wall, and fill the middle with small stones as you go.</p>" +
          std::string(after) + "</td></tr></table>");
}

TEST(OldLayout, CommentsUnderACountingHeadingGo) {
  Extraction e = extract_page(wall_post(
      "<a name=\"comments\"></a><h3>3 Comments</h3>"
      "<p><b>Peter</b> wrote on March 3, 2007:<br>Good advice. Our wall fell last year and we paid someone to "
      "fix it.</p><p><b>Jane</b> wrote on March 4, 2007:<br>Do you use a frame to keep the batter right?</p>"
      "<p><b>admin</b> wrote on March 4, 2007:<br>Yes, two wooden frames and a string line between them.</p>"));
  EXPECT_TRUE(has(e, "small stones as you go.")) << e.text;
  EXPECT_FALSE(has(e, "Good advice")) << e.text;
  EXPECT_FALSE(has(e, "string line")) << e.text;
  // A count the phrase rules do not know as a counter ("2 responses") opens the section too.
  Extraction r = extract_page(wall_post(
      "<h3>2 responses</h3><p><b>Peter</b> wrote on March 3, 2007:<br>Good advice. Our wall fell last year.</p>"
      "<p><b>Jane</b> wrote on March 4, 2007:<br>Do you use a frame to keep the batter right?</p>"));
  EXPECT_TRUE(has(r, "small stones as you go.")) << r.text;
  EXPECT_FALSE(has(r, "2 responses")) << r.text;
  EXPECT_FALSE(has(r, "Good advice")) << r.text;
}

// A blog engine's comment section opens with its heading inside a wrapper of its own, the
// post before the wrapper: the wrapper goes whole, whatever its class names (none here).
TEST(OldLayout, CommentSectionThatItsHeadingOpensGoes) {
  Extraction e = extract_page(wall_post(
      "<div><div><h3>2 responses to \xE2\x80\x9COn repairing stone walls\xE2\x80\x9D</h3><ol><li><article>"
      "<footer><b>Peter</b> says:</footer><p>Good advice. Our wall fell last year and we paid someone to fix "
      "it.</p></article></li><li><article><footer><b>Jane</b> says:</footer><p>Do you use a frame to keep the "
      "batter right?</p></article></li></ol></div></div>"));
  EXPECT_TRUE(has(e, "small stones as you go.")) << e.text;
  EXPECT_FALSE(has(e, "2 responses")) << e.text;
  EXPECT_FALSE(has(e, "Good advice")) << e.text;
  EXPECT_FALSE(has(e, "batter right")) << e.text;
  // A wrapper with prose of its own before the heading is no comment section.
  Extraction k = extract_page(wall_post(
      "<div><p>Walls on a slope need a wider base and through stones every metre.</p><h3>2 responses</h3>"
      "<p>Readers wrote in about mortar and about frames; both are answered above.</p></div>"));
  EXPECT_TRUE(has(k, "through stones every metre")) << k.text;
}

// A comment thread longer than the post, in a branch of its own that a counting heading opens
// and no class names: it goes before the container is chosen, so the post is the text.
TEST(OldLayout, LongCommentThreadThatAHeadingOpensGoesBeforeSelection) {
  std::string comments;
  std::string menu;
  for (int i = 0; i < 40; ++i) menu += "<a href=\"/walls/" + std::to_string(i) + "\">Walls and hedges " + std::to_string(i) + "</a> ";
  for (const char* who : {"Peter", "Jane", "Tom"})
    comments += std::string("<li><p><b>") + who +
                "</b> on March 3, 2007 at 9:12 am said:</p><p>We rebuilt a long stretch of field wall last autumn "
                "with a neighbour and two borrowed frames. The hardest part was finding enough through stones; in "
                "the end we split some of the larger ones and it held through the frost without trouble.</p></li>";
  Extraction e = extract_page(old_page(
      "On repairing stone walls",
      "<div><div><div><h1>On repairing stone walls</h1><p>The wall along the top field came down in two places "
      "during the winter. Dry stone walls are easier to repair than most people think, as long as you sort the "
      "stones before you start.</p><p>Take the fallen section down to a sound base, lay the large stones first "
      "with their long side into the wall, and fill the middle with small stones as you go.</p></div></div>"
      "<div><div><div><h3>Comments (3)</h3></div><section><ol>" +
          comments + "</ol></section></div></div><div>" + menu + "</div></div>"));
  EXPECT_TRUE(has(e, "small stones as you go.")) << e.text;
  EXPECT_FALSE(has(e, "borrowed frames")) << e.text;
}

// A theme's comment counter set as a heading at the top of the post, before its text: the
// post after it stays.
TEST(OldLayout, CommentCounterAboveThePostKeepsThePost) {
  Extraction e = extract_page(old_page(
      "On repairing stone walls",
      "<table width=\"760\"><tr><td width=\"160\" valign=\"top\"><a href=\"/\">Home</a><br><a href=\"/archive\">"
      "Archive</a><br><a href=\"/about\">About</a></td><td valign=\"top\"><h2>On repairing stone walls</h2>"
      "<h4>3 Comments</h4><p>The wall along the top field came down in two places during the winter. Dry stone "
      "walls are easier to repair than most people think, as long as you sort the stones before you start.</p>"
      "<p>Take the fallen section down to a sound base, lay the large stones first with their long side into "
      "the wall, and fill the middle with small stones as you go.</p></td></tr></table>"));
  EXPECT_TRUE(has(e, "came down in two places")) << e.text;
  EXPECT_TRUE(has(e, "small stones as you go.")) << e.text;
}

// A comment thread longer than the post, under a heading without a count and no class names:
// each comment's date links to the comment's own anchor ("#comment-NNN"), and those permalinks
// tell the comments from the post.
TEST(OldLayout, CommentsToldByTheirPermalinksGo) {
  std::string comments;
  int id = 7100;
  for (const char* who : {"Peter", "Jane", "Tom"})
    comments += std::string("<li><div><div><b>") + who + "</b> on <a href=\"/2007/03/walls/#comment-" +
                std::to_string(id++) +
                "\">March 3, 2007 at 9:12 am</a> said:</div><p>We rebuilt a long stretch of field wall last autumn "
                "with a neighbour and two borrowed frames. The hardest part was finding enough through stones; in "
                "the end we split some of the larger ones and it held through the frost without trouble.</p>"
                "</div></li>";
  const std::string post =
      "<div><h1>On repairing stone walls</h1><p>The wall along the top field came down in two places during the "
      "winter. Dry stone walls are easier to repair than most people think, as long as you sort the stones "
      "before you start.</p><p>Take the fallen section down to a sound base, lay the large stones first with "
      "their long side into the wall, and fill the middle with small stones as you go.</p></div>";
  Extraction e = extract_page(old_page("On repairing stone walls",
                                       "<div><div>" + post + "<div><h3>Comments</h3><ul>" + comments + "</ul></div></div></div>"));
  EXPECT_TRUE(has(e, "small stones as you go.")) << e.text;
  EXPECT_FALSE(has(e, "borrowed frames")) << e.text;
  // Permalinks to comments on other posts (a list of recent comments) are no thread of this page.
  std::string recent;
  for (const char* slug : {"hedges", "gates", "ponds"})
    recent += std::string("<li><div><b>Ann</b> on <a href=\"/2007/02/") + slug +
              "/#comment-55\">a post</a></div><p>We rebuilt a long stretch of field wall last autumn with a "
              "neighbour and two borrowed frames, and it held through the frost without trouble.</p></li>";
  Extraction k = extract_page(old_page("On repairing stone walls",
                                       "<div><div>" + post + "<ul>" + recent + "</ul></div></div>"));
  EXPECT_TRUE(has(k, "borrowed frames")) << k.text;
}

TEST(OldLayout, CommentPermalinks) {
  std::string_view base;
  EXPECT_TRUE(comment_permalink("https://example.org/2007/03/walls/#comment-4512", base));
  EXPECT_EQ(base, "https://example.org/2007/03/walls/");
  EXPECT_TRUE(comment_permalink("#comment_88", base));
  EXPECT_EQ(base, "");
  EXPECT_TRUE(comment_permalink("/walls#comment12", base));
  EXPECT_FALSE(comment_permalink("/walls#comments", base));
  EXPECT_FALSE(comment_permalink("/walls#comment-form", base));
  EXPECT_FALSE(comment_permalink("/walls#respond", base));
  EXPECT_FALSE(comment_permalink("/walls/comment-4512", base));
}

TEST(OldLayout, SectionHeadedCommentsWithoutACountStays) {
  Extraction e = extract_page(wall_post(
      "<h3>Comments</h3><p>Some readers asked about mortar. A dry stone wall has none: the weight of the "
      "stones and the through stones hold it together.</p>"));
  EXPECT_TRUE(has(e, "A dry stone wall has none")) << e.text;
}

TEST(OldLayout, CommentCountWords) {
  EXPECT_TRUE(counts_comments("4 Comments"));
  EXPECT_TRUE(counts_comments(" 12 responses: "));
  EXPECT_TRUE(counts_comments("1 comment"));
  EXPECT_FALSE(counts_comments("Comments"));
  EXPECT_FALSE(counts_comments("4 comments on the draft law"));
  // A blog engine's heading: a word before the noun, "One", the post's title in quotes.
  EXPECT_TRUE(counts_comments("124 Reader Comments"));
  EXPECT_TRUE(counts_comments("One thought on \xE2\x80\x9C" "A walk in May\xE2\x80\x9D"));
  EXPECT_TRUE(counts_comments("34 responses to \"A walk in May\""));
  EXPECT_TRUE(counts_comments("59 Comments on \xE2\x80\x9C" "A walk in May\xE2\x80\x9D"));
  EXPECT_FALSE(counts_comments("4 comments on \xE2\x80\x9C"));
  EXPECT_FALSE(counts_comments("12 great reader comments"));
  EXPECT_FALSE(counts_comments("Someone commented"));
  EXPECT_TRUE(counts_comments("Comments 115"));
  EXPECT_TRUE(counts_comments("Replies (3)"));
  EXPECT_TRUE(counts_comments("Comments\n    115\n"));
  EXPECT_FALSE(counts_comments("Comments (closed)"));
  EXPECT_FALSE(counts_comments("Comments 2024-05"));
}

TEST(OldLayout, PostFooterLineWords) {
  EXPECT_EQ(boilerplate_phrase_rule("posted by Martin at 10:12 PM | 3 comments | Links to this post"),
            "phrase:post-footer");
  EXPECT_EQ(boilerplate_phrase_rule("Posted in Garden | Comments (2)"), "phrase:post-footer");
  EXPECT_EQ(boilerplate_phrase_rule("Filed under: Birds |"), "phrase:post-footer");
  EXPECT_EQ(boilerplate_phrase_rule("Eingestellt von Martin um 22:12"), "phrase:post-footer");
  // Without the time of posting or a '|', a line naming a category or a site stays.
  EXPECT_EQ(boilerplate_phrase_rule("Posted in Garden Notes"), "");
  EXPECT_EQ(boilerplate_phrase_rule("Posted by the club secretary after the meeting"), "");
  // A time inside a longer number is none ("Posted by Ann at 10:123").
  EXPECT_EQ(boilerplate_phrase_rule("Posted by Ann at 10:123"), "");
  EXPECT_EQ(boilerplate_phrase_rule("Posted: Mon Jun 05, 2006 10:12 am   Post subject: Re: Track"),
            "phrase:post-header");
  EXPECT_EQ(boilerplate_phrase_rule("Posted: the forms to every member"), "");
}

// A share bar without its class: the networks' names and the mail and print buttons, nothing else
// (rules.cpp share_bar_line). Two names, common words alone or a list with commas in a sentence or
// a table cell stay.
TEST(OldLayout, ShareBarOfNetworkNamesWords) {
  EXPECT_EQ(boilerplate_phrase_rule("Facebook Twitter Email Pinterest LinkedIn WhatsApp"), "phrase:share");
  EXPECT_EQ(boilerplate_phrase_rule("Facebook | Reddit | Print"), "phrase:share");
  EXPECT_EQ(boilerplate_phrase_rule("VKontakte Odnoklassniki Telegram"), "phrase:share");
  EXPECT_EQ(boilerplate_phrase_rule("Facebook Twitter"), "");
  EXPECT_EQ(boilerplate_phrase_rule("Email Print Twitter"), "");
  EXPECT_EQ(boilerplate_phrase_rule("YouTube, TikTok, X"), "");
  EXPECT_EQ(boilerplate_phrase_rule("Facebook Twitter and Pinterest"), "");
}

// The same bar as a row of buttons (no links, so no link rule takes it) between the headline and
// an old page's text: it goes, the text stays.
TEST(OldLayout, ShareBarOfButtonsGoes) {
  Extraction e = extract_page(old_page(
      "Planting Garlic in Autumn",
      "<h1>Planting Garlic in Autumn</h1><div><span>Facebook</span> <span>Twitter</span> <span>Pinterest</span> "
      "<span>Email</span></div>" + kCellText));
  EXPECT_TRUE(has(e, "Garlic is one of the easiest crops")) << e.text;
  EXPECT_FALSE(has(e, "Pinterest")) << e.text;
}

// A frameset page: its frames are other pages, and what a reader without frames gets is the
// <noframes> markup, which the parser keeps as raw text (extractor.cpp noframes_page).
std::string frameset_page(std::string_view noframes) {
  return "<html><head><title>Garden Club Archive</title></head><frameset cols=\"20%,80%\">"
         "<frame src=\"menu.html\"><frame src=\"main.html\"><noframes>" +
         std::string(noframes) + "</noframes></frameset></html>";
}

TEST(OldLayout, FramesetPageReadsItsNoframesBody) {
  Extraction e = extract_page(frameset_page("<body>" + kCellText + "</body>"));
  EXPECT_TRUE(has(e, "Garlic is one of the easiest crops")) << e.text;
  EXPECT_TRUE(has(e, "Cover the bed with straw")) << e.text;
  EXPECT_FALSE(has(e, "<br>")) << e.text;  // the markup is parsed, not printed
  EXPECT_EQ(e.html_title, "Garden Club Archive");
}

TEST(OldLayout, FramesetNoticeIsNoText) {
  Extraction e = extract_page(frameset_page(
      "<body><p>This site uses frames, which your browser does not show. Please use a newer browser.</p></body>"));
  EXPECT_FALSE(has(e, "browser")) << e.text;
}

// A short <noframes> body that names the browser beside a paragraph of its own is the page: the
// paragraph is read, the note on frames is not.
TEST(OldLayout, FramesetWelcomeBesideTheNoticeIsRead) {
  Extraction e = extract_page(frameset_page(
      "<body><h1>Hillside Pottery Studio</h1><p>We make hand thrown stoneware in a small studio at the edge "
      "of the village. Visitors are welcome on weekday afternoons and we run classes on Saturdays.</p>"
      "<p>Your browser does not support frames. Please use the links below.</p></body>"));
  EXPECT_TRUE(has(e, "We make hand thrown stoneware")) << e.text;
  EXPECT_FALSE(has(e, "does not support frames")) << e.text;
}

// A short story in a news page's table layout, and under it a row of other stories, each
// headline and summary inside its link ("<a><div>...</div></a>"), no <nav>, no heading over them.
// The page is typed article (a dated story URL): the linked summaries point to other pages and
// are no listing's descriptions, so the story alone is the text (content.cpp linked_prose).
TEST(OldLayout, LinkedTeasersUnderAShortStoryAreNoListing) {
  const char* heads[][2] = {
      {"Storm closes the ferry to the islands",
       "Crossings stop until Friday while crews check the landing stage and the harbour wall after the gale."},
      {"New library opens on Mill Street",
       "The town's readers get three floors of books, a reading garden and evening hours for the first time."},
      {"Farmers count the cost of late frost",
       "Orchards on the north slope lost half their blossom in one night, and growers fear a thin harvest."},
      {"Council delays the ring road vote",
       "Members want another survey of the marsh before they decide where the new road crosses the river."},
      {"Choir wins the county festival",
       "Forty singers from the valley took first prize with a programme of old songs from the hill farms."}};
  std::string teasers;
  for (int k = 0; k < 3; ++k)
    for (int n = 0; n < 5; ++n)
      teasers += "<a href=\"/story" + std::to_string(k * 5 + n) + ".html\"><div><b>" + heads[n][0] + "</b> " +
                 heads[n][1] + "</div></a>\n";
  std::string menu;
  for (const char* w : {"Home", "News", "Sport", "Weather", "Letters", "Photos", "Contact"})
    menu += std::string("<a href=\"/") + w + ".html\">" + w + "</a> | ";
  Extraction e = extract_page(
      "<html><head><title>Harbour master retires - The Valley Gazette</title><link rel=\"canonical\" "
      "href=\"http://www.valley-gazette.example/news/2008/05/21/harbour-master-retires-after-forty-years.html\">"
      "</head><body>"
      "<table width=\"780\" border=\"0\"><tr><td colspan=\"2\"><img src=\"masthead.gif\" alt=\"The Valley "
      "Gazette\"><br><font size=\"2\">" + menu + "</font></td></tr>"
      "<tr><td colspan=\"2\" valign=\"top\"><font face=\"Georgia\"><font size=\"5\"><b>Harbour master retires "
      "after forty years</b></font><br><br>After forty years of watching boats come and go, the harbour master "
      "hands over his keys on Saturday. He started as a deck hand at sixteen and knows every rock between the "
      "point and the lighthouse.<br><br>Friends will gather on the quay at noon for a lunch of fish soup and "
      "bread, and the lifeboat crew plans a short run past the pier in his honour. The harbour board will name "
      "the new pilot boat after him.<br><br></font></td></tr>"
      "<tr><td colspan=\"2\"><font face=\"Arial\" size=\"2\">" + teasers + "</font></td></tr>"
      "<tr><td colspan=\"2\" align=\"center\"><font size=\"1\">Copyright 2008 The Valley Gazette. All rights "
      "reserved. Printed every Thursday at the old mill on River Lane since 1921.<br><a href=\"/privacy.html\">"
      "Privacy</a> | <a href=\"/terms.html\">Terms</a></font></td></tr></table></body></html>");
  ASSERT_EQ(e.page_type, "article");
  EXPECT_TRUE(has(e, "After forty years of watching boats")) << e.text;
  EXPECT_TRUE(has(e, "the new pilot boat after him")) << e.text;
  EXPECT_FALSE(has(e, "Storm closes the ferry")) << e.text;
  EXPECT_FALSE(has(e, "Weather")) << e.text;
  EXPECT_FALSE(has(e, "All rights reserved")) << e.text;
}

// A hand-made page of the older web in a table layout: a menu column of links set with <br>, the
// text cell with its headings, <br><br> paragraphs and a list, a copyright row. The whole text
// cell is the text, headings and list included (what CleanEval's annotators kept); the menu and
// the copyright row go.
TEST(OldLayout, TextCellKeepsItsHeadingsAndListBesideAMenuColumn) {
  Extraction e = extract_page(
      "<html><head><title>Keeping Bees - Hill Farm Notes</title></head><body bgcolor=\"#ffffff\">"
      "<table width=\"760\" border=\"0\"><tr><td colspan=\"2\"><img src=\"banner.gif\" alt=\"Hill Farm Note"
      "s\"></td></tr>"
      "<tr><td width=\"150\" valign=\"top\"><font face=\"Arial\" size=\"2\"><a href=\"index.html\">Home</a>"
      "<br><a href=\"bees.html\">Bees</a><br><a href=\"hens.html\">Hens</a><br><a href=\"orchard.html\">Orc"
      "hard</a><br><a href=\"recipes.html\">Recipes</a><br><a href=\"links.html\">Links</a><br><a href=\"ma"
      "il.html\">Write to us</a></font></td>"
      "<td width=\"610\" valign=\"top\"><font face=\"Times\">"
      "<h2>Keeping Bees on a Small Farm</h2>"
      "A single hive in the corner of an orchard will pollinate the trees and give a good crop of honey in "
      "a warm summer. We started with one colony bought from a neighbour and now keep four.<br><br>"
      "The hives face south east, out of the wind, with a hedge behind them so that the bees fly up and ove"
      "r the path rather than across it.<br><br>"
      "<h3>What you need to start</h3>"
      "<ul><li>A hive with two boxes and a roof</li><li>A veil, gloves and a smoker</li><li>A hive tool for"
      " lifting the frames</li><li>A colony from a local beekeeper</li></ul>"
      "<h3>Through the year</h3>"
      "In spring we check each hive every week for queen cells. In late summer the honey comes off, and the"
      " bees are left enough stores to see them through the winter.<br><br>"
      "</font></td></tr>"
      "<tr><td colspan=\"2\" align=\"center\"><font size=\"1\">Copyright &copy; 2004 Hill Farm Notes. All r"
      "ights reserved.<br><a href=\"index.html\">Home</a> | <a href=\"mail.html\">Contact</a></font></td></"
      "tr></table></body></html>");
  EXPECT_TRUE(has(e, "Keeping Bees on a Small Farm")) << e.text;
  EXPECT_TRUE(has(e, "A single hive in the corner of an orchard")) << e.text;
  EXPECT_TRUE(has(e, "What you need to start")) << e.text;
  EXPECT_TRUE(has(e, "A veil, gloves and a smoker")) << e.text;
  EXPECT_TRUE(has(e, "Through the year")) << e.text;
  EXPECT_TRUE(has(e, "enough stores to see them through the winter")) << e.text;
  EXPECT_FALSE(has(e, "Write to us")) << e.text;
  EXPECT_FALSE(has(e, "All rights reserved")) << e.text;
}

// The same age in <div>s without a class: a bar of links, a floated column of links, the text in
// <font> with <br><br> paragraphs, a copyright line. The text stays whole, the rest goes.
TEST(OldLayout, DivLayoutWithoutClassesKeepsTheText) {
  Extraction e = extract_page(
      "<html><head><title>The Old Mill Walk - Valley Rambles</title></head><body>"
      "<div><a href=\"/\">Valley Rambles</a> | <a href=\"/walks/\">Walks</a> | <a href=\"/maps/\">Maps</a> "
      "| <a href=\"/pubs/\">Pubs</a> | <a href=\"/about/\">About</a></div>"
      "<div style=\"float:left;width:160px\"><b>Walks</b><br><a href=\"/walks/ridge.html\">The Ridge</a><br"
      "><a href=\"/walks/mill.html\">The Old Mill</a><br><a href=\"/walks/lakes.html\">Three Lakes</a><br><"
      "a href=\"/walks/church.html\">Church Path</a><br><a href=\"/walks/forest.html\">Forest Loop</a><br><"
      "a href=\"/walks/river.html\">River Meadows</a></div>"
      "<div style=\"margin-left:180px\">"
      "<font size=\"5\"><b>The Old Mill Walk</b></font><br><br>"
      "<font face=\"Verdana\" size=\"2\">This easy walk of six miles follows the river from the village gre"
      "en to the ruined mill and back over the hill. Allow three hours with a stop for lunch.<br><br>"
      "From the green take the lane past the church and cross the stile into the first meadow. Keep the riv"
      "er on your left until you reach the footbridge.<br><br>"
      "Across the bridge the path climbs gently through the beech wood. The mill stands in a clearing at th"
      "e top of the wood, its wheel still in place though the roof fell in long ago.<br><br>"
      "Return by the bridleway over the hill, which gives fine views back down the valley on a clear day.</"
      "font></div>"
      "<div style=\"clear:both\" align=\"center\"><font size=\"1\">&copy; 2006 Valley Rambles. Maps drawn b"
      "y hand. <a href=\"/privacy.html\">Privacy</a> | <a href=\"/contact.html\">Contact</a></font></div>"
      "</body></html>");
  EXPECT_TRUE(has(e, "The Old Mill Walk")) << e.text;
  EXPECT_TRUE(has(e, "This easy walk of six miles")) << e.text;
  EXPECT_TRUE(has(e, "fine views back down the valley")) << e.text;
  EXPECT_FALSE(has(e, "Three Lakes")) << e.text;
  EXPECT_FALSE(has(e, "Maps drawn by hand")) << e.text;
}

// A news page of 2008 in a table: a column of other stories (a linked headline and an unlinked
// line each) beside a short story, no type hints. The story is the text, not the column.
TEST(OldLayout, ShortStoryBesideAColumnOfOtherStories) {
  Extraction e = extract_page(
      "<html><head><title>Harbour master retires - The Valley Gazette</title></head><body>"
      "<table width=\"780\"><tr><td colspan=\"2\"><img src=\"mast.gif\" alt=\"The Valley Gazette\"><br><a h"
      "ref=\"/\">Home</a> | <a href=\"/news/\">News</a> | <a href=\"/sport/\">Sport</a> | <a href=\"/letter"
      "s/\">Letters</a></td></tr>"
      "<tr><td width=\"220\" valign=\"top\"><font face=\"Arial\" size=\"2\"><b>Other stories</b><br><br><a "
      "href=\"/news/0.html\"><b>Storm closes the ferry to the islands</b></a><br><font size=\"1\">Crossings"
      " stop until Friday while crews check the landing stage.</font><br><br><a href=\"/news/1.html\"><b>Ne"
      "w library opens on Mill Street</b></a><br><font size=\"1\">Three floors of books, a reading garden a"
      "nd evening hours.</font><br><br><a href=\"/news/2.html\"><b>Farmers count the cost of late frost</b>"
      "</a><br><font size=\"1\">Orchards on the north slope lost half their blossom in one night.</font><br"
      "><br><a href=\"/news/3.html\"><b>Council delays the ring road vote</b></a><br><font size=\"1\">Membe"
      "rs want another survey of the marsh before they decide.</font><br><br><a href=\"/news/4.html\"><b>Ch"
      "oir wins the county festival</b></a><br><font size=\"1\">Forty singers from the valley took first pr"
      "ize with old songs.</font><br><br><a href=\"/news/5.html\"><b>Bus fares rise in the new year</b></a>"
      "<br><font size=\"1\">The operator blames fuel and wages for the rise.</font><br><br></font></td>"
      "<td valign=\"top\"><font size=\"5\"><b>Harbour master retires after forty years</b></font><br><font "
      "size=\"1\">May 21, 2008</font><br><br>"
      "After forty years of watching boats come and go, the harbour master hands over his keys on Saturday."
      " He started as a deck hand at sixteen and knows every rock between the point and the lighthouse.<br>"
      "<br>"
      "Friends will gather on the quay at noon for a lunch of fish soup and bread, and the lifeboat crew pl"
      "ans a short run past the pier in his honour.<br><br></td></tr>"
      "<tr><td colspan=\"2\" align=\"center\"><font size=\"1\">Copyright 2008 The Valley Gazette. All right"
      "s reserved.</font></td></tr></table></body></html>");
  EXPECT_TRUE(has(e, "After forty years of watching boats")) << e.text;
  EXPECT_TRUE(has(e, "in his honour")) << e.text;
  EXPECT_FALSE(has(e, "Other stories")) << e.text;
  EXPECT_FALSE(has(e, "Storm closes the ferry")) << e.text;
  EXPECT_FALSE(has(e, "All rights reserved")) << e.text;
}

TEST(OldLayout, FramesNoticeWords) {
  EXPECT_EQ(boilerplate_phrase_rule("Your browser does not support frames."), "phrase:script-notice");
  EXPECT_EQ(boilerplate_phrase_rule("This site uses frames. Please use the links below."), "phrase:script-notice");
  EXPECT_EQ(boilerplate_phrase_rule("The frames of the old windows were rotten."), "");
}

// A short story under its headline, on a page without class names: after it, cards of other
// stories and the footer's links, and then a help desk's box of prose that outweighs the story.
// The headline, which the <title> repeats, tells the story (content.cpp story_under_headline).
TEST(OldLayout, ShortStoryUnderTheHeadlineBeatsAProseBoxPastTheLinks) {
  std::string cards;
  const char* heads[] = {"Harbour crane repaired after storm", "Ferry timetable changes for winter",
                         "Lighthouse museum reopens its tower", "Fishing fleet returns early this season",
                         "New footbridge opens over the estuary", "Council votes on the marina car park"};
  for (const char* h : heads)
    cards += std::string("<div><a href=\"/story/") + h[0] + "\"><span>" + h +
             "</span><ul><li>By Staff</li><li>11/20/2019 01:14 PM</li></ul></a></div>";
  Extraction e = extract_page(old_page(
      "Tugboat rescues stranded yacht off the point - Breaking News - Harbour Gazette",
      "<div><div><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></div>"
      "<div><div>BREAKING NEWS</div><div><h1>Tugboat rescues stranded yacht off the point</h1>"
      "<div><span>By Staff</span> <div>NOVEMBER 20, 2019 10:43</div></div></div>"
      "<div><div>A tugboat towed a stranded yacht back to the harbour on Wednesday after its engine failed "
      "off the point, the harbour master said.<div></div>The two sailors on board were unhurt and walked "
      "ashore after the yacht was tied up at the north quay.The crew of the tug praised them for calling "
      "early. The yacht will be lifted out of the water on Friday so that a mechanic can look at its engine, "
      "and the harbour master asked owners to check their fuel lines before the winter storms.</div></div></div><div>" + cards + "</div></div>"
      "<div><a href=\"/about\">About Us</a> <a href=\"/contact\">Contact</a> <a href=\"/terms\">Terms of Use</a> "
      "<a href=\"/privacy\">Privacy</a> <a href=\"/advertise\">Advertise</a> <a href=\"/jobs\">Jobs</a> "
      "<a href=\"/archive\">Archive</a> <a href=\"/letters\">Letters to the Editor</a> <a href=\"/weather\">Weather "
      "and Tides</a> <a href=\"/events\">Events Calendar</a> <a href=\"/obituaries\">Obituaries</a> "
      "<a href=\"/classifieds\">Classifieds</a> <a href=\"/photos\">Photo Galleries</a> <a href=\"/rss\">RSS "
      "Feeds</a> <a href=\"/newsletters\">Newsletters</a> <a href=\"/epaper\">Digital Edition</a></div>"
      "<div><div>The Harbour Gazette reader service desk can be reached with any questions or requests about "
      "deliveries and subscriptions by telephone or by letter to the office on the quay. The desk is staffed "
      "and answers on weekdays between eight in the morning and two in the afternoon, and on Saturdays it "
      "handles only delivery requests between eight and noon. Readers abroad can call the desk on weekdays "
      "between eight in the morning and six in the evening, and write at any time of the day or night.</div>"
      "</div>"));
  EXPECT_TRUE(has(e, "A tugboat towed a stranded yacht")) << e.text;
  EXPECT_TRUE(has(e, "praised them for calling early")) << e.text;
  EXPECT_FALSE(has(e, "reader service desk")) << e.text;
}

// On a page without class names the story may share its wrapper with the site's menu of cards
// (look-alike link items), and a modal's terms after the layout keep the container at the body.
// The wrapper reads as a list of links to other pages, but it holds the page's headline: it is
// judged block by block, not dropped whole as a teaser list (content.cpp prune).
TEST(OldLayout, TeaserListHoldingTheHeadlineIsNotDroppedWhole) {
  std::string menu;
  const char* items[] = {"Harbour and shipping news", "Weather and tides this week", "Letters to the editor",
                         "Sport on the waterfront", "Obituaries and notices", "Events in the old town",
                         "Photo galleries of the coast", "Classified advertisements", "Property and moorings",
                         "Opinion and columnists", "Business on the waterfront", "Schools and colleges",
                         "Arts, music and theatre", "Food and drink by the sea", "Travel and day trips",
                         "Motoring and the coast road"};
  for (const char* it : items) menu += std::string("<p><a href=\"/section/") + it[0] + "\">" + it + "</a></p>";
  std::string story;
  const char* paras[] = {
      "The old swing bridge over the harbour mouth will close for three months from March while engineers "
      "replace the machinery that turns it, the port authority said on Tuesday.",
      "Boats taller than the bridge will have to wait for the tide and pass under the east span with a pilot, "
      "and the ferry to the island will leave from the south quay until the work is done.",
      "Shopkeepers on the quay asked for a footpath to stay open during the work, and the authority promised a "
      "temporary walkway along the harbour wall for people on foot and on bicycles.",
      "The bridge was built in the last century and has turned more than a million times; its gears were last "
      "replaced forty years ago, when the harbour still handled coal.",
      "Engineers will lift the old gears out with a floating crane in the first week and ship them to a works "
      "up the river, where the new ones are being cast, machined and tested before they come back by barge.",
      "The council will pay a third of the cost, and the rest comes from the harbour dues that every boat "
      "calling at the port has paid since the authority raised them two years ago for this very purpose."};
  for (const char* p : paras) story += std::string("<p>") + p + "</p>";
  Extraction e = extract_page(old_page(
      "Swing bridge to close for repairs",
      "<div>" + menu + "<h1>Swing bridge to close for repairs</h1>" + story + "</div>"
      "<div><div>Community rules</div><div>Readers who comment agree to be polite to one another and to stay on "
      "the subject of the story. Comments that insult other readers, that advertise goods or services, or that "
      "repeat the same words many times will be removed by the moderators without notice. Readers whose "
      "comments are removed twice lose the right to comment, and the moderators' decision is final. Write to "
      "the moderators by letter if you think a comment was removed in error.</div></div>"));
  EXPECT_TRUE(has(e, "The old swing bridge over the harbour mouth")) << e.text;
  EXPECT_TRUE(has(e, "when the harbour still handled coal")) << e.text;
}

// A story under its headline and, right after it, the readers' top comments without a count in
// their heading, each opening with its poster's link: the comments outweigh the story, but the
// headline, which the <title> repeats, tells the page's text (content.cpp story_under_headline).
// The page of the two tests below: the story in blocks of its own, or in one block set with <br><br>.
Extraction tide_gauge_page(bool one_block) {
  std::string story;
  const char* paras[] = {
      "The town's new tide gauge went into service on the north pier on Monday, replacing the float gauge "
      "that had recorded the sea's height there since the harbour was dredged for larger ships.",
      "The new gauge measures the water with radar from a mast above the pier and sends a reading every "
      "minute to the harbour office, where the pilots plan the passage of the deepest ships in and out.",
      "Fishermen had asked for live readings for years: the old gauge was read by hand twice a day, and a "
      "boat leaving at night had to guess the depth over the bar from the printed tide tables alone.",
      "The readings will be published on the harbour office's notice board and read out on the morning "
      "weather forecast from the coastguard station, together with the wind and the state of the sea.",
      "The old float gauge will stay in its hut on the pier as a backup, and the museum has asked for its "
      "paper charts, which go back more than a hundred years, for an exhibition on the harbour's history.",
      "The harbour master thanked the divers who set the mast's footings in the pier during the spring tides, "
      "working in cold water and strong currents for three weeks to finish before the summer's busy season.",
      "A second gauge of the same kind is planned for the ferry berth at the south quay next year, where the "
      "ferries have waited for the tide on the lowest springs since the channel began to silt up again."};
  for (const char* p : paras) story += one_block ? std::string(p) + "<br><br>" : std::string("<div>") + p + "</div><br>";
  if (one_block) story = "<div>" + story + "</div>";
  std::string comments;
  const char* names[] = {"Skipper Ann", "Old Tom", "Marina Jo", "Net Mender", "Pier Watcher"};
  for (const char* n : names)
    comments += std::string("<div><a href=\"/user/") + n[0] + "\">" + n + "</a><div>2 days ago at 07:52 am</div>"
                "<div>I have sailed out of this harbour for thirty years and I have lost count of the nights we "
                "waited at the bar for the water to come up, guessing from the tables and the marks on the "
                "wall. A live reading would have saved us many hours and more than one scrape on the sand. "
                "Well done to the harbour office for finally getting it done, and let us hope the radar copes "
                "with the spray in a winter gale.</div><div>Rating: 12 Votes</div></div>";
  // A long reply that opens with the comment it answers: no card, and the heaviest block.
  comments += "<div><div>Old Tom wrote: A live reading would have saved us many hours.</div>"
              "<a href=\"/user/q\">Quay Keeper</a><div>2 days ago at 08:10 am</div><div>";
  for (int i = 0; i < 4; ++i)
    comments += "It would, but the radar has its own troubles: spray and heavy rain scatter the beam, and the "
                "makers admit that a reading in a full gale may drift by a hand's width, which matters over the "
                "bar at low water when every boat is drawing close to the bottom. ";
  comments += "</div><div>Rating: 40 Votes</div></div>";
  // A guide to the site's sections in the same wrapper: with it, the story in one block is a
  // quarter of the region or less.
  std::string guide;
  for (int i = 0; i < 60; ++i)
    guide += "<div><a href=\"/guide/" + std::to_string(i) + "\">Harbour guide section " + std::to_string(i) +
             ": moorings, tides and charts</a></div>";
  return extract_page(old_page(
      "New tide gauge goes live on the north pier - Harbour Gazette",
      "<div><a href=\"/\">Home</a> <a href=\"/news\">News</a></div><div><div><div>"
      "<h1>New tide gauge goes live on the north pier</h1><div>Monday by Staff</div>" + story +
      "</div><div><h2>Top Rated Comments</h2>" + comments + "</div></div>" + (one_block ? guide : "") + "</div>"));
}

TEST(OldLayout, StoryUnderTheHeadlineBeatsTheCommentsAfterIt) {
  Extraction e = tide_gauge_page(false);
  EXPECT_TRUE(has(e, "The town's new tide gauge went into service")) << e.text;
  EXPECT_TRUE(has(e, "for an exhibition on the harbour's history")) << e.text;
  EXPECT_FALSE(has(e, "lost count of the nights")) << e.text;
}

// Set as one block, the story reads as no text of paragraphs, and the region around it and the
// comments would read as a listing: a story taken under the headline is the page's text.
TEST(OldLayout, StoryUnderTheHeadlineInOneBlockIsNoListingIntro) {
  Extraction e = tide_gauge_page(true);
  EXPECT_TRUE(has(e, "The town's new tide gauge went into service")) << e.text;
  EXPECT_TRUE(has(e, "for an exhibition on the harbour's history")) << e.text;
  EXPECT_FALSE(has(e, "lost count of the nights")) << e.text;
}

}  // namespace
}  // namespace pith
