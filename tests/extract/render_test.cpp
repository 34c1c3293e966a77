// The text renderer's handling of invisible code points (src/extract/render.cpp): joiners and
// soft hyphens inside a word are kept, at a word's edge dropped.
#include <gtest/gtest.h>

#include <string>

#include "pages.h"

namespace pith {
namespace {

using testing::extract_page;
using testing::page;

// "می‌خواهد" (he wants), "همه‌ی" (all of): Persian joins a prefix or suffix to its word with a
// zero-width non-joiner, which is part of the spelling: dropping it glues two words into one.
const std::string kMiKhahad = "\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE\xD9\x88\xD8\xA7\xD9\x87\xD8\xAF";
const std::string kHameye = "\xD9\x87\xD9\x85\xD9\x87\xE2\x80\x8C\xDB\x8C";

std::string persian_story() {
  std::string p;
  for (int i = 0; i < 12; ++i)
    p += "<p>" + kMiKhahad + " " + kHameye + " " + kMiKhahad + " " + kHameye + " " + kMiKhahad + " " + kHameye +
         " " + kMiKhahad + " " + kHameye + " " + kMiKhahad + " " + kHameye + ".</p>";
  return "<article>" + p + "</article>";
}

TEST(Render, KeepsZeroWidthNonJoinerInsideAWord) {
  const auto ex = extract_page(page("<title>t</title>", persian_story(), "fa"));
  EXPECT_NE(ex.text.find(kMiKhahad + " " + kHameye), std::string::npos) << ex.text;
}

TEST(Render, KeepsZeroWidthJoinerOfAnEmojiSequence) {
  // Man, ZWJ, woman, ZWJ, girl: one family emoji.
  const std::string family = "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7";
  const auto ex = extract_page(page("<title>t</title>", "<article>" + testing::kProse + "<p>The family emoji " +
                                                            family + " is three people joined.</p></article>"));
  EXPECT_NE(ex.text.find("emoji " + family + " is"), std::string::npos) << ex.text;
}

TEST(Render, KeepsSoftHyphensInsideAWord) {
  // The author's hyphenation points are part of the word as written; a stray one after a space
  // is not.
  const auto ex = extract_page(page("<title>t</title>", "<article>" + testing::kProse +
                                                            "<p>Fill in the Antrags&shy;formular by noon. &shy;"
                                                            "Then wait.</p></article>", "de"));
  EXPECT_NE(ex.text.find("Antrags\xC2\xAD" "formular by noon. Then wait."), std::string::npos) << ex.text;
}

TEST(Render, DropsJoinersAtAWordsEdge) {
  // Site builders close paragraphs with "&zwj;" and fill empty ones with it: no word goes on.
  const auto ex = extract_page(page("<title>t</title>", "<article>" + testing::kProse +
                                                            "<p>The river fell again.&zwj;</p><p>&zwnj; Roads "
                                                            "opened&zwj; <b>&zwj;at</b> noon.</p></article>"));
  EXPECT_NE(ex.text.find("The river fell again.\n\nRoads opened at noon."), std::string::npos) << ex.text;
  EXPECT_EQ(ex.text.find("\xE2\x80\x8D"), std::string::npos) << ex.text;
  EXPECT_EQ(ex.text.find("\xE2\x80\x8C"), std::string::npos) << ex.text;
}

}  // namespace
}  // namespace pith
