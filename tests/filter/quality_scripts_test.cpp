// The quality filters count words the same way in every script (text/words.h): a document or a
// line of Chinese is the words it holds, not one long word per chunk between spaces.
#include <gtest/gtest.h>

#include <string>

#include "filter/quality.h"

namespace pith {
namespace {

// Varied Chinese text: common Han characters in a pseudo-random order, a sentence of 12-20
// characters ending in "。", no spaces; `sentences` of them on one line.
std::string chinese_text(int sentences, unsigned seed = 7) {
  std::string s;
  unsigned x = seed;
  for (int i = 0; i < sentences; ++i) {
    x = x * 1103515245u + 12345u;
    const int len = 12 + static_cast<int>((x >> 8) % 9);
    for (int k = 0; k < len; ++k) {
      x = x * 1103515245u + 12345u;
      const char32_t cp = 0x4E00 + (x >> 8) % 0x5000;
      s += static_cast<char>(0xE0 | (cp >> 12));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    }
    s += "。";
  }
  return s;
}

TEST(QualityScripts, GopherCountsChineseWordsByCharacters) {
  GopherQuality g;
  g.min_stop_words = 0;  // the English stop words are not the point here
  FilterScratch s;
  // 6 lines of ~80 characters: ~330 words. Split on spaces, each line was one 240-byte word.
  std::string text;
  for (int i = 0; i < 6; ++i) text += chinese_text(5, i + 1) + "\n";
  EXPECT_EQ(g.check(text, s), "");
  EXPECT_EQ(g.check(chinese_text(2), s), "gopher_short_doc");  // ~25 words
}

TEST(QualityScripts, C4KeepsLinesOfChinese) {
  C4Quality c;
  c.filter_no_terminal_punct = false;  // the line ends in "。", not "."
  c.min_num_sentences = 3;
  FilterScratch s;
  std::string text;
  for (int i = 0; i < 4; ++i) text += chinese_text(3, i + 1) + "\n";
  EXPECT_EQ(c.check(text, s), "");  // each line is dozens of words, not one
  EXPECT_EQ(text.size() > 100, true);
}

TEST(QualityScripts, RepetitionFindsRepeatedChinesePhrases) {
  GopherRepetition r;
  FilterScratch s;
  EXPECT_EQ(r.check(chinese_text(30), s), "");
  // One line, no spaces, a 20-character phrase 8 times among varied text.
  const std::string phrase = "我们今天在北京的会议上讨论了新的预算方案。";
  std::string text;
  for (int i = 0; i < 8; ++i) text += chinese_text(3, i + 1) + phrase;
  EXPECT_EQ(r.check(text, s).substr(0, 11), "duplicated_");
}

// C4's rule keeps only lines that end a sentence, FineWeb's counts them: "。", "？", "؟" and
// "।" end sentences as "." does, with or without a space after them. Thai writes no sentence
// marks: a prose line in Thai (9 words or more) ends one, a menu item does not.
TEST(QualityScripts, SentenceEndsInEveryScript) {
  C4Quality c;  // the published rules, terminal punctuation on
  c.min_num_sentences = 5;
  FilterScratch s;
  std::string zh = chinese_text(3, 1) + "\n" + chinese_text(3, 2) + "\n首页\n";
  EXPECT_EQ(c.check(zh, s), "");  // 6 sentences: each "。" ends one without a space after it
  EXPECT_EQ(zh.find("首页"), std::string::npos) << zh;  // the menu item has no sentence end
  EXPECT_EQ(count_sentences("你好吗？我很好！谢谢。"), 3u);
  EXPECT_EQ(count_sentences("真的吗？！"), 1u);  // a run of marks ends one sentence
  EXPECT_EQ(count_sentences("He said \"yes.\" Then he left."), 2u);  // ASCII as before

  std::string ar = "هل قرأت الكتاب الذي أرسلته إليك الأسبوع الماضي مع صديقنا المشترك؟\n";
  std::string hi = "हमारे गाँव में कल रात बहुत तेज़ बारिश हुई और नदी का पानी बढ़ गया।\n";
  for (std::string* text : {&ar, &hi}) {
    std::string many;
    for (int i = 0; i < 5; ++i) many += *text;
    EXPECT_EQ(c.check(many, s), "") << *text;
    EXPECT_FALSE(many.empty());
  }

  // Thai: spaces between sentences, no marks. 22 words of prose, and a button's label.
  const std::string thai_prose =
      "เมื่อวานนี้ฝนตกหนักมากในหมู่บ้านของเรา แม่น้ำเอ่อล้นตลิ่ง ชาวบ้านต้องย้ายของขึ้นที่สูงตลอดทั้งคืน";
  std::string th;
  for (int i = 0; i < 5; ++i) th += thai_prose + "\n";
  th += "เข้าสู่ระบบเพื่อแสดงความคิดเห็น\n";  // "log in to comment": 8 words of a button
  EXPECT_EQ(c.check(th, s), "");
  EXPECT_NE(th.find("ชาวบ้าน"), std::string::npos) << th;
  EXPECT_EQ(th.find("เข้าสู่ระบบ"), std::string::npos) << th;

  FineWebQuality f;
  std::string zh_lines;
  for (int i = 0; i < 6; ++i) zh_lines += chinese_text(2, i + 1) + "\n";
  zh_lines.pop_back();
  EXPECT_NE(f.check(zh_lines, s), "line_punct_ratio");
}

}  // namespace
}  // namespace pith
