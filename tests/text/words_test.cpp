// Words in every script (src/text/words.h): spaced scripts by their spaces, scripts without
// spaces by characters at their share of a word, dense scripts' characters as the Latin
// characters they stand for.
#include <gtest/gtest.h>

#include <iterator>
#include <string>

#include "text/words.h"

namespace pith {
namespace {

std::string times(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(Words, SpacedScriptsCountAsSplitDoes) {
  EXPECT_EQ(word_units("Hello, world! 42 times"), 4 * kWordUnits);
  EXPECT_EQ(word_units("  Привет   мир  "), 2 * kWordUnits);
  EXPECT_EQ(word_units("안녕하세요 여러분"), 2 * kWordUnits);  // Hangul is written with spaces
  EXPECT_EQ(word_units(""), 0u);
}

TEST(Words, UnspacedScriptsCountByCharacters) {
  // 15 Han characters are 10 words; 40 Thai code points 10; 5 kana 2.
  EXPECT_DOUBLE_EQ(count_words(times("中", 15)), 10.0);
  EXPECT_DOUBLE_EQ(count_words(times("ก", 40)), 10.0);
  EXPECT_DOUBLE_EQ(count_words(times("か", 5)), 2.0);
  // A Latin word inside a run of Han is a word of its own; punctuation makes none.
  EXPECT_EQ(word_units("新款iPhone发布，"), 4 * 40 + kWordUnits);
  EXPECT_TRUE(has_unspaced_script("abc 中"));
  EXPECT_FALSE(has_unspaced_script("abc é 안녕"));
}

TEST(Words, TextWidthWeighsDenseScripts) {
  EXPECT_EQ(text_width("ab c\n"), 3u);
  EXPECT_EQ(text_width("中文"), 6u);     // a Han character stands for about 3 Latin ones
  EXPECT_EQ(text_width("かな"), 4u);
  EXPECT_EQ(text_width("한국"), 4u);
  EXPECT_EQ(text_width("ไทย"), 3u);    // Thai code points are about as long as Latin letters
  EXPECT_EQ(text_width("é ü"), 2u);
}

// White space beyond ASCII is no visible text: a spacer <div>&nbsp;</div> between paragraphs
// set as <div>s must not cost a fragment's weight.
TEST(Words, UnicodeSpacesHaveNoWidth) {
  EXPECT_EQ(text_width("\xC2\xA0"), 0u);                     // no-break space
  EXPECT_EQ(text_width("a\xC2\xA0" "b"), 2u);
  EXPECT_EQ(text_width("\xE2\x80\x83\xE2\x80\xAF"), 0u);    // em space, narrow no-break space
  EXPECT_EQ(text_width("中\xE3\x80\x80文"), 6u);              // ideographic space
  EXPECT_EQ(text_width("\xC2\xA9"), 1u);                     // the copyright sign shares the lead byte
}

// text_width reads ASCII and 2-byte leads by a table and other characters by script: the same
// widths for a text as for its pieces, in every mix of scripts.
TEST(Words, TextWidthIsTheSumOfItsCharactersAtAnyAlignment) {
  const std::string pieces[] = {"word ", "\t", "\n", "Ελληνικά ", "Кириллица ", "עברית ", "中文", "かな", "한국",
                                "ไทย", "e\xCC\x81", "\xCD\xB1", "’", "x", "  ", "\xC2\xA0"};
  uint32_t seed = 1;
  for (int round = 0; round < 200; ++round) {
    std::string text;
    uint32_t want = 0;
    for (int k = 0; k < 12; ++k) {
      seed = seed * 1103515245u + 12345u;
      const std::string& piece = pieces[(seed >> 16) % std::size(pieces)];
      text += piece;
      want += text_width(piece);
    }
    EXPECT_EQ(text_width(text), want) << text;
  }
  EXPECT_EQ(text_width(std::string(40, 'a') + "\xCE\x91" + std::string(40, ' ') + "b"), 42u);  // Greek capital alpha
}

TEST(Words, CombiningDiacriticsHaveNoWidth) {
  // A decomposed "é" (e + U+0301) is one character wide, and a "zalgo" letter stacked with
  // marks from U+0300-036F, U+1DC0-1DFF and U+20D0-20FF is too: such a line must not outweigh
  // a thread's posts. Greek letters just after the block (U+0370-03FF) keep theirs.
  EXPECT_EQ(text_width("e\xCC\x81"), 1u);
  EXPECT_EQ(text_width("w\xCC\xB4\xCC\xA7\xCD\x87\xCD\x9C\xE1\xB7\x80\xE2\x83\x90h"), 2u);
  EXPECT_EQ(text_width("\xCD\xB1\xCE\xB1"), 2u);  // U+0371, U+03B1
  EXPECT_EQ(text_width("ไม้"), 3u);  // a Thai tone mark keeps its width
}

TEST(Words, TokensOfUnspacedScriptsAreCharacters) {
  std::vector<Token> t;
  tokenize_words("我们去北京。 OK", t);
  ASSERT_EQ(t.size(), 7u);
  EXPECT_EQ(t[0].s, "我");
  EXPECT_EQ(t[0].units, 40u);
  EXPECT_EQ(t[5].s, "。");
  EXPECT_TRUE(t[5].punct);
  EXPECT_EQ(t[6].s, "OK");
  EXPECT_EQ(t[6].units, kWordUnits);
  tokenize_words("Hello, world!", t);  // spaced text: as before
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[1].s, ",");
  EXPECT_TRUE(t[1].punct);
}

}  // namespace
}  // namespace pith
