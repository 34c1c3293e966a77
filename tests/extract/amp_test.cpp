// AMP pages (rules.cpp amp_component_rule): AMP's ad, consent, menu, share, player and
// next-article components never reach the text, whatever their ids say; its content
// components (amp-img, amp-accordion, amp-live-list) are read like any element.
#include <gtest/gtest.h>

#include <algorithm>

#include "pages.h"
#include "pith/extract.h"

namespace pith {
namespace {

using testing::extract_page;
using testing::kProse;

std::string amp_page() {
  return testing::page(
      R"(<title>River floods the valley</title><script async src="https://cdn.ampproject.org/v0.js"></script>)",
      R"(<amp-sidebar id="drawer1" layout="nodisplay" side="left"><ul><li><a href="/">Home</a></li>
         <li><a href="/n">News</a></li></ul><p>Get the morning briefing in your inbox every single day.</p></amp-sidebar>
         <amp-consent id="c1" layout="nodisplay"><div><p>We and our partners store information on your device to
         personalise content.</p><button>Accept</button></div></amp-consent>
         <article><h1>River floods the valley</h1>)" +
          kProse +
          R"(<amp-ad width="300" height="250" type="network"><div fallback>Sponsored content failed to load here</div></amp-ad>
         <amp-accordion><section><h2>Staying safe</h2><p>Keep away from the water's edge and follow the advice
         of the emergency services until the river is back within its banks.</p></section></amp-accordion>
         <amp-live-list id="updates" data-poll-interval="15000" data-max-items-per-page="5"><div items>
         <div id="u1" data-sort-time="1">Update: the bridge on the east road has reopened to traffic.</div></div></amp-live-list>
         <amp-social-share type="email">Email this story to a friend</amp-social-share>
         <amp-lightbox id="promo1" layout="nodisplay"><p>Subscribe now and save half on your first year.</p></amp-lightbox>
         <amp-list src="/related.json" height="100" layout="fixed-height"><div placeholder>Please wait</div></amp-list>
         <my-widget layout="nodisplay">A custom element of the site's own is no AMP component.</my-widget>
         </article>
         <amp-next-page><script type="application/json">{"pages":[]}</script><div separator>Next story</div>
         <div>Another story entirely about a football match last weekend in another town.</div></amp-next-page>)");
}

bool dropped_by(const Extraction& e, std::string_view rule, std::string_view element) {
  return std::any_of(e.dropped.begin(), e.dropped.end(),
                     [&](const Dropped& d) { return d.rule == rule && d.element.starts_with(element); });
}

TEST(AmpPages, ComponentsThatAreNeverTextAreDroppedByWhatTheyAre) {
  Options opt;
  opt.explain = true;
  const Extraction e = extract_page(amp_page(), opt);
  EXPECT_NE(e.text.find("Storms moved across the valley"), std::string::npos) << e.text;
  for (std::string_view chrome : {"morning briefing", "store information", "failed to load", "Email this story",
                                  "save half", "football match", "Next story", "Please wait"})
    EXPECT_EQ(e.text.find(chrome), std::string::npos) << chrome << "\n" << e.text;
  EXPECT_TRUE(dropped_by(e, "amp:menu", "amp-sidebar"));
  EXPECT_TRUE(dropped_by(e, "amp:consent", "amp-consent"));
  EXPECT_TRUE(dropped_by(e, "amp:ad", "amp-ad"));
  EXPECT_TRUE(dropped_by(e, "amp:social", "amp-social-share"));
  EXPECT_TRUE(dropped_by(e, "amp:lightbox", "amp-lightbox"));
  EXPECT_TRUE(dropped_by(e, "amp:next-page", "amp-next-page"));
  EXPECT_TRUE(dropped_by(e, "amp:placeholder", "div"));
}

TEST(AmpPages, ContentComponentsAndOtherCustomElementsAreRead) {
  const Extraction e = extract_page(amp_page());
  EXPECT_NE(e.text.find("Keep away from the water"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("the bridge on the east road has reopened"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("A custom element of the site's own"), std::string::npos) << e.text;
}

TEST(AmpPages, AnyAmpElementLaidOutAsNodisplayIsHidden) {
  const Extraction e = extract_page(testing::page(
      "", "<article><h1>Headline</h1>" + kProse +
              R"(<amp-position-observer layout="nodisplay">A panel a script opens later.</amp-position-observer></article>)"));
  EXPECT_EQ(e.text.find("A panel a script opens later"), std::string::npos) << e.text;
}

}  // namespace
}  // namespace pith
