// Dismissible banners whose class names are gone (content.cpp dismissible_banner): a block at
// the page's start opened by a bar that holds only a close button with no label (an icon), its
// message in prose after it. Made-up pages, no class or id anywhere.
#include <gtest/gtest.h>

#include <string>

#include "extract/content.h"
#include "selection.h"

namespace pith {
namespace {

using testing::select_text;

const std::string kThread =
    "<div><h1>Kettle descaling with citric acid?</h1>"
    "<div><p>asked by tealeaf on 2 May</p>"
    "<p>Does citric acid work on a steel kettle, or does it stain the bottom?</p></div>"
    "<div><p>reply by brassmonkey on 2 May</p>"
    "<p>It works fine on steel. Two spoons in a full kettle, boil, leave it an hour.</p></div>"
    "<div><p>reply by tealeaf on 3 May</p><p>Worked a treat, thanks, the scale is gone.</p></div>"
    "<div><p>reply by oolong on 3 May</p><p>Vinegar does the same but the smell stays for days.</p></div>"
    "<div><p>reply by brassmonkey on 4 May</p><p>Rinse twice after, or the first cup tastes sour.</p></div>"
    "<div><p>reply by kettlebell on 4 May</p><p>Mine has a filter in the spout, soak that too.</p></div>"
    "<div><p>reply by tealeaf on 5 May</p><p>Good tip, the filter was the worst part of it.</p></div>"
    "<div><p>reply by oolong on 6 May</p><p>Hard water here, I do it once a month now.</p></div></div>";

// A site-wide notice, longer than the thread, dismissed by an icon button.
std::string banner(const std::string& label) {
  return "<div><div><div><button type=\"button\"><svg><use href=\"#x\"></use></svg>" + label +
         "</button></div><div><h2>Our spring member survey is open</h2>"
         "<p>Every spring we ask members how the board works for them: what they like about the "
         "categories, what they miss in the editor, and which parts of the site they never use. "
         "The answers shape what the volunteers work on for the rest of the year.</p>"
         "<p>The survey takes about ten minutes and is anonymous. Everyone who finishes it may "
         "enter a draw for one of twenty mugs with the board's old teapot logo on them.</p>"
         "<p>The survey stays open until the end of the month, and the results are posted in "
         "the announcements board once they are counted.</p></div></div></div>";
}

std::string page(const std::string& top) {
  return "<html><body><div><a href=\"/\">Home</a> <a href=\"/boards\">Boards</a></div>" + top +
         kThread + "<div><p>Made-up Kettle Board</p></div></body></html>";
}

TEST(DismissibleBanner, IconCloseBannerIsDropped) {
  const std::string text = select_text(page(banner("")), {});
  EXPECT_NE(text.find("full kettle"), std::string::npos) << text;
  EXPECT_EQ(text.find("member survey"), std::string::npos) << text;
}

// A button with a label is a control of the block's own ("Read more"), not an icon's close.
TEST(DismissibleBanner, LabelledButtonNothingDropped) {
  const std::string text = select_text(page(banner("Read the notes")), {});
  EXPECT_NE(text.find("twenty mugs"), std::string::npos) << text;
}

}  // namespace
}  // namespace pith
