// Modal dialogs whose class names and roles are gone (content.cpp is_tabindex_dialog): a <div>
// with tabindex="-1" whose first element is a title bar of a heading and an icon-only close
// button. Made-up pages, no class or id anywhere.
#include <gtest/gtest.h>

#include <string>

#include "extract/content.h"
#include "selection.h"

namespace pith {
namespace {

using testing::select_text;

const std::string kThread =
    "<div><h1>Bicycle lamp keeps flickering after rain</h1>"
    "<div><p>posted by lanternfox on 3 March</p>"
    "<p>My front lamp flickers every time I ride through rain, and it stays that way for an hour "
    "or so before it settles down again. The battery is new and the contacts look clean.</p></div>"
    "<div><p>posted by gearwhistle on 4 March</p>"
    "<p>Water gets behind the lens seal on that model. Dry it out overnight and put a thin ring of "
    "grease around the seal, the flicker should stop for good after that.</p></div></div>";

// A help sheet hidden until opened, longer than the thread; its title bar holds a heading and
// a close button that shows an icon only.
std::string help_sheet(const std::string& tabindex) {
  std::string items;
  for (int i = 0; i < 12; ++i)
    items += "<p>Wrap a word in double tildes to strike it through, and in single carets to raise "
             "it above the line, as the editor preview shows.</p>";
  return "<div " + tabindex + "><div><div><div><h5>Formatting help</h5><button type=\"button\">"
         "</button></div><div>" + items + "</div></div></div></div>";
}

std::string page(const std::string& dialog) {
  return "<html><body><div><a href=\"/\">Home</a> <a href=\"/boards\">Boards</a></div>" + kThread +
         dialog + "<div><p>Made-up Lamp Forum</p></div></body></html>";
}

TEST(TabindexDialog, HelpSheetIsDropped) {
  const std::string text = select_text(page(help_sheet("tabindex=\"-1\"")), {});
  EXPECT_NE(text.find("lens seal"), std::string::npos) << text;
  EXPECT_EQ(text.find("double tildes"), std::string::npos) << text;
}

// Without tabindex="-1" the same block is not known as a dialog.
TEST(TabindexDialog, NoTabindexNothingDropped) {
  const std::string text = select_text(page(help_sheet("")), {});
  EXPECT_NE(text.find("double tildes"), std::string::npos) << text;
}

}  // namespace
}  // namespace pith
