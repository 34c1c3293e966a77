// A card's call to action on a page that lists items (content.cpp label, "call-to-action"): a short
// element whose class names a button ("btn", "button", "cta") or with role=button is a control,
// not the item's text.
#include <gtest/gtest.h>

#include <string>

#include "selection.h"

namespace pith {
namespace {

using testing::select_text;

std::string shop_grid() {
  const char* names[] = {"Harbor Mug", "Drift Bowl", "Tide Plate", "Shell Cup", "Reef Jug", "Kelp Vase"};
  const char* notes[] = {"holds a large coffee", "takes soup or cereal", "fits a full dinner",
                         "for an espresso or two", "pours water or lemonade", "shows off a few stems"};
  std::string out = "<html><body><nav><a href=\"/\">Home</a></nav><div class=\"page\"><div class=\"grid\">";
  for (int i = 0; i < 6; ++i)
    out += std::string("<div class=\"card\"><a href=\"/p/") + std::to_string(i) + "\"><h3>" + names[i] +
           "</h3></a><p>Glazed by hand in small batches, this piece " + notes[i] +
           " and each one comes out of the kiln a little different.</p><div class=\"btn btn-peek\">Take a "
           "peek</div><span class=\"button add-bag\">Put in bag</span></div>";
  return out + "</div></div><footer><a href=\"/contact\">Contact</a></footer></body></html>";
}

TEST(CallToAction, TypedListingDropsCardButtons) {
  const std::string html = shop_grid();
  const std::string typed = select_text(html, hints_for_page_type("collection"));
  EXPECT_NE(typed.find("Kelp Vase"), std::string::npos) << typed;
  EXPECT_EQ(typed.find("Take a peek"), std::string::npos) << typed;
  EXPECT_EQ(typed.find("Put in bag"), std::string::npos) << typed;
}

// ARIA names the control as well as a class does: <div role="button">.
TEST(CallToAction, RoleButtonInACardGoes) {
  std::string html = shop_grid();
  for (size_t at = 0; (at = html.find("<div class=\"btn btn-peek\">", at)) != std::string::npos;)
    html.replace(at, 26, "<div role=\"button\">");
  ASSERT_EQ(html.find("btn-peek"), std::string::npos);
  const std::string typed = select_text(html, hints_for_page_type("listing"));
  EXPECT_NE(typed.find("Kelp Vase"), std::string::npos) << typed;
  EXPECT_EQ(typed.find("Take a peek"), std::string::npos) << typed;
}

// "cta" names a call to action as well: <a class="cta-arrow cta">.
TEST(CallToAction, CtaClassInACardGoes) {
  std::string html = shop_grid();
  for (size_t at = 0; (at = html.find("<div class=\"btn btn-peek\">", at)) != std::string::npos;)
    html.replace(at, 26, "<div class=\"cta peek\">");
  const std::string typed = select_text(html, hints_for_page_type("listing"));
  EXPECT_NE(typed.find("Kelp Vase"), std::string::npos) << typed;
  EXPECT_EQ(typed.find("Take a peek"), std::string::npos) << typed;
}

// Longer text in an element so named is no call to action (a banner's sentence in a button-styled
// box): it stays.
TEST(CallToAction, LongTextInAButtonClassStays) {
  std::string html = shop_grid();
  const std::string card_end = "Put in bag</span>";
  html.replace(html.find(card_end) + card_end.size(), 0,
               "<div class=\"button-note\">Ships in recycled paper from our studio</div>");
  const std::string typed = select_text(html, hints_for_page_type("collection"));
  EXPECT_NE(typed.find("recycled paper"), std::string::npos) << typed;
}

}  // namespace
}  // namespace pith
