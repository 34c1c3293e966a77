// A photo gallery whose class names are gone (content.cpp prune, "gallery-box"): the lowest box
// holding two counters of the same total ("Picture 2 of 6", "2 / 6") is the slide show's, with
// its captions and buttons; the story's "Part 1 of 2" lines above and below the text are not.
#include <gtest/gtest.h>

#include <string>

#include "selection.h"

namespace pith {
namespace {

using testing::select_text;

const std::string kParagraphs =
    "<p>The orchard on the hill was planted by the first families of the valley, who carried the young "
    "trees up the slope in baskets and watered them by hand through three dry summers in a row.</p>"
    "<p>Today the trees still bear fruit, and every autumn the village school spends a morning picking "
    "pears, which are pressed into juice and sold at the harvest fair to pay for the school trip.</p>"
    "<p>The fair opens at ten on the green, with music from the brass band and a stall of old tools that "
    "the museum lends for the day, so that children can see how the presses once worked.</p>"
    "<p>Volunteers are still needed to mind the stalls in the afternoon; they can sign up at the village "
    "hall, where a list hangs beside the notice board until the end of the month.</p>";

TEST(GalleryBox, SlideShowWithTwoCountersGoes) {
  const std::string gallery =
      "<div><div><div><img src=\"/img/orchard-1.jpg\"></div><div><span>Picture 2</span> <span>of 6</span></div>"
      "<div>Pickers on the lower terrace in the morning light.</div></div>"
      "<div><p>Info</p><p>Hide</p></div>"
      "<div><div>Harvest on the hill</div><div><span>2</span> / <span>6</span></div><div>Return to photos</div></div></div>";
  const std::string page = "<html><body><div><h1>Harvest on the hill</h1>" + gallery + kParagraphs +
                           "</div></body></html>";
  const std::string text = select_text(page, SelectionHints{});
  EXPECT_NE(text.find("pressed into juice"), std::string::npos) << text;
  EXPECT_EQ(text.find("Return to photos"), std::string::npos) << text;
  EXPECT_EQ(text.find("Pickers on the lower terrace"), std::string::npos) << text;
}

TEST(GalleryBox, PageCountersAroundTheStoryStay) {
  const std::string page = "<html><body><div><h1>Harvest on the hill</h1><div><div>Part 1 of 2</div>" + kParagraphs +
                           "<div>Part 1 of 2</div></div></div></body></html>";
  const std::string text = select_text(page, SelectionHints{});
  EXPECT_NE(text.find("pressed into juice"), std::string::npos) << text;
  EXPECT_NE(text.find("sign up at the village"), std::string::npos) << text;
}

// Pages of the 2000s lay out their boxes in the cells of a table: a layout table's cells (they
// hold <div>s) are read like any box, and the slide show inside one still goes.
TEST(GalleryBox, SlideShowInsideALayoutTableGoes) {
  const std::string gallery =
      "<table><tr><td><div><div><img src=\"/img/orchard-1.jpg\"></div><div><span>Picture 2</span> <span>of 6</span>"
      "</div><div>Pickers on the lower terrace in the morning light.</div></div></td></tr>"
      "<tr><td><div><div>Harvest on the hill</div><div><span>2</span> / <span>6</span></div>"
      "<div>Return to photos</div></div></td></tr></table>";
  const std::string page = "<html><body><table><tr><td><div><h1>Harvest on the hill</h1>" + gallery + kParagraphs +
                           "</div></td></tr></table></body></html>";
  const std::string text = select_text(page, SelectionHints{});
  EXPECT_NE(text.find("pressed into juice"), std::string::npos) << text;
  EXPECT_EQ(text.find("Return to photos"), std::string::npos) << text;
  EXPECT_EQ(text.find("Pickers on the lower terrace"), std::string::npos) << text;
}

// A data table's cells are figures: a fixture list's "2 / 6" and "Round 2 of 6" stay.
TEST(GalleryBox, CountersInADataTableStay) {
  const std::string table =
      "<table><tr><th>Round</th><th>Heat</th><th>Winner</th></tr>"
      "<tr><td>Round 2 of 6</td><td>2 / 6</td><td>Long pears from the west slope</td></tr></table>";
  const std::string page =
      "<html><body><div><h1>Harvest on the hill</h1>" + kParagraphs + table + "</div></body></html>";
  const std::string text = select_text(page, SelectionHints{});
  EXPECT_NE(text.find("Long pears from the west slope"), std::string::npos) << text;
  EXPECT_NE(text.find("Round 2 of 6"), std::string::npos) << text;
}

// Code is code: two lines of a listing that read like "1 / 8" in a code block laid out in a
// table (a line-number gutter beside the code) are no slide show.
TEST(GalleryBox, CodeLinesAreNoCounters) {
  const std::string code =
      "<table><tr><td><pre>1\n2</pre></td><td><pre><code><div>Step 1 of 8</div><div>1 / 8</div>"
      "<div>keep_rows(orchard, pears)</div></code></pre></td></tr></table>";
  const std::string page = "<html><body><div><h1>Harvest on the hill</h1>" + kParagraphs + code +
                           "</div></body></html>";
  const std::string text = select_text(page, SelectionHints{});
  EXPECT_NE(text.find("keep_rows(orchard, pears)"), std::string::npos) << text;
}

}  // namespace
}  // namespace pith
