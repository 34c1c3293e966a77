// Double-encoded UTF-8 (html/mojibake.h): UTF-8 once read as windows-1252 and saved as UTF-8
// again is repaired where it is unmistakable, and text that only looks like it is left alone.
#include "html/mojibake.h"

#include <gtest/gtest.h>

#include <string>

#include "pith/extract.h"

namespace pith {
namespace {

// "’" (E2 80 99) read as windows-1252 ("â€™") and as Latin-1 with C1 controls ("â\u0080\u0099").
const std::string kApostropheCp1252 = "\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2";
const std::string kApostropheLatin1 = "\xC3\xA2\xC2\x80\xC2\x99";
const std::string kApostrophe = "\xE2\x80\x99";
// "é" (C3 A9) read as windows-1252: "Ã©".
const std::string kEAcuteTwice = "\xC3\x83\xC2\xA9";
const std::string kEAcute = "\xC3\xA9";

std::string repaired(std::string s) {
  repair_double_encoded_utf8(s);
  return s;
}

TEST(Mojibake, ApostrophesAndAccentsOfADoubleEncodedPageAreRepaired) {
  std::string page = "it" + kApostropheCp1252 + "s the caf" + kEAcuteTwice + " we" + kApostropheLatin1 + "ve liked";
  EXPECT_EQ(repair_double_encoded_utf8(page), 3u);
  EXPECT_EQ(page, "it" + kApostrophe + "s the caf" + kEAcute + " we" + kApostrophe + "ve liked");
}

TEST(Mojibake, ChineseReadAsWindows1252IsRepaired) {
  // 欢迎 (E6 AC A2, E8 BF 8E) read as windows-1252: "æ¬¢è¿Ž".
  EXPECT_EQ(repaired("\xC3\xA6\xC2\xAC\xC2\xA2\xC3\xA8\xC2\xBF\xC5\xBD"), "\xE6\xAC\xA2\xE8\xBF\x8E");
}

TEST(Mojibake, OneQuotedExampleIsLeftAsWritten) {
  // A page that explains mojibake: one example, among ordinary accented text.
  const std::string page = "I saw \"" + kEAcuteTwice + "\" instead of \"" + kEAcute + "\" on a page about " +
                           "caf" + kEAcute + "s, cr" + kEAcute + "pes and na" + "\xC3\xAF" + "ve r" + kEAcute + "sum" +
                           kEAcute + "s.";
  EXPECT_EQ(repaired(page), page);
}

TEST(Mojibake, AnAccentedLetterBeforeASymbolIsOrdinaryText) {
  // "BRÛLÉ®" (É then ®) and "Fern × hybrid" read as two-byte sequences, but nothing unmistakable.
  const std::string page = "BR\xC3\x9BL\xC3\x89\xC2\xAE Gold, BR\xC3\x9BL\xC3\x89\xC2\xAE Classic, Fern\xC2\xA0\xC3\x97\xC2\xA0hybrid";
  EXPECT_EQ(repaired(page), page);
}

TEST(Mojibake, OtherTwoByteReadingsAreRepairedOnlyWhereMojibakeIsTheMainKind) {
  // "Слой" (D0 A1 D0 BB D0 BE D0 B9) read as windows-1252: "Ð¡Ð»Ð¾Ð¹".
  const std::string cyrillic = "\xC3\x90\xC2\xA1\xC3\x90\xC2\xBB\xC3\x90\xC2\xBE\xC3\x90\xC2\xB9";
  const std::string quotes = kApostropheCp1252 + " " + kApostropheCp1252;
  EXPECT_EQ(repaired(cyrillic + " " + quotes), "\xD0\xA1\xD0\xBB\xD0\xBE\xD0\xB9 " + kApostrophe + " " + kApostrophe);
  // Beside 8 unmistakable sequences and much ordinary non-ASCII text, only those 8 are repaired.
  std::string mixed = cyrillic;
  for (int i = 0; i < 8; ++i) mixed += " don" + kApostropheCp1252 + "t";
  for (int i = 0; i < 40; ++i) mixed += " caf" + kEAcute;
  std::string expected = cyrillic;
  for (int i = 0; i < 8; ++i) expected += " don" + kApostrophe + "t";
  for (int i = 0; i < 40; ++i) expected += " caf" + kEAcute;
  EXPECT_EQ(repaired(mixed), expected);
}

TEST(Mojibake, ExtractionRepairsAndWarns) {
  std::string body;
  for (int i = 0; i < 6; ++i)
    body += "<p>We" + kApostropheCp1252 + "re told the caf" + kEAcuteTwice +
            " opens at noon, and it is worth the walk across town for its coffee.</p>";
  Extractor ex;
  auto r = ex.extract("<html><head><meta charset=\"utf-8\"><title>Caf" + kEAcuteTwice + " notes</title></head><body><article>" +
                      body + "</article></body></html>");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_NE(r->text.find("We" + kApostrophe + "re told the caf" + kEAcute), std::string::npos) << r->text;
  EXPECT_EQ(r->text.find("\xC3\xA2"), std::string::npos) << r->text;
  EXPECT_EQ(r->title, "Caf" + kEAcute + " notes");
  ASSERT_FALSE(r->warnings.empty());
  EXPECT_NE(r->warnings.front().find("13 double-encoded characters repaired"), std::string::npos) << r->warnings.front();
}

}  // namespace
}  // namespace pith
