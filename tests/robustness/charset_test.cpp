// Decoding as a browser does (issue 2, point 2), with pages built from bytes: BOM first, then
// the caller's charset, then <meta charset> in the first 1024 bytes, then valid UTF-8, then the
// detector. Each case names the bytes and the text they must become.
#include <gtest/gtest.h>

#include <string>

#include "helpers.h"
#include "html/charset.h"

namespace pith::robustness {
namespace {

PITH_PARSER_SUITE(Charset);

std::string with_meta(std::string_view charset, std::string_view body_bytes) {
  return "<html><head><meta charset=\"" + std::string(charset) + "\"><title>x</title></head><body><p>" +
         std::string(body_bytes) + " " + std::string(kProse) + "</p></body></html>";
}

struct CharsetCase {
  const char* label;        // written in <meta charset>
  std::string bytes;        // the word in that charset
  const char* utf8;         // the word in UTF-8
  const char* canonical;    // Extraction::charset
};

TEST_P(Charset, MetaCharsetDecodesLegacyPages) {
  const CharsetCase cases[] = {
      // "Café “quoted” – 5 €" in windows-1252: 0x93/0x94 quotes, 0x96 en dash, 0x80 euro.
      {"windows-1252", "Caf\xE9 \x93quoted\x94 \x96 5 \x80", "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x93 5 \xE2\x82\xAC",
       "windows-1252"},
      // ISO-8859-1 is decoded as windows-1252, as browsers do: 0x93 is a quote, not a C1 control.
      {"iso-8859-1", "\x93quoted\x94", "\xE2\x80\x9Cquoted\xE2\x80\x9D", "windows-1252"},
      // 日本語 in Shift_JIS.
      {"Shift_JIS", "\x93\xFA\x96\x7B\x8C\xEA", "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", "shift_jis"},
      // 한국어 in EUC-KR.
      {"EUC-KR", "\xC7\xD1\xB1\xB9\xBE\xEE", "\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4", "euc-kr"},
      // 中文 in GBK, and labelled gb2312 (decoded as GBK).
      {"GBK", "\xD6\xD0\xCE\xC4", "\xE4\xB8\xAD\xE6\x96\x87", "gbk"},
      {"gb2312", "\xD6\xD0\xCE\xC4", "\xE4\xB8\xAD\xE6\x96\x87", "gbk"},
      // Привет in windows-1251 and KOI8-R.
      {"windows-1251", "\xCF\xF0\xE8\xE2\xE5\xF2", "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82", "windows-1251"},
      {"koi8-r", "\xF0\xD2\xC9\xD7\xC5\xD4", "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82", "koi8-r"},
      // 日本 in EUC-JP; 中文 in Big5.
      {"euc-jp", "\xC6\xFC\xCB\xDC", "\xE6\x97\xA5\xE6\x9C\xAC", "euc-jp"},
      {"big5", "\xA4\xA4\xA4\xE5", "\xE4\xB8\xAD\xE6\x96\x87", "big5"},
  };
  Extractor ex(options());
  for (const auto& c : cases) {
    auto r = ex.extract(with_meta(c.label, c.bytes));
    ASSERT_TRUE(r) << c.label << ": " << r.error().message;
    expect_sane(*r);
    EXPECT_EQ(r->charset, c.canonical) << c.label;
    EXPECT_TRUE(r->text.starts_with(std::string(c.utf8) + " ")) << c.label << ": " << r->text;
    EXPECT_TRUE(r->warnings.empty()) << c.label << ": " << r->warnings.front();
  }
}

TEST_P(Charset, HttpEquivContentTypeIsRead) {
  std::string html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"></head><body><p>"
                     "\x93\xFA\x96\x7B\x8C\xEA " + std::string(kProse) + "</p></body></html>";
  Extractor ex(options());
  auto r = ex.extract(html);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->charset, "shift_jis");
  EXPECT_TRUE(r->text.starts_with("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E ")) << r->text;
}

TEST_P(Charset, CallerHintOverridesMeta) {
  // The meta says windows-1252; the HTTP header (the caller) says Shift_JIS and wins.
  std::string html = with_meta("windows-1252", "\x93\xFA\x96\x7B\x8C\xEA");
  Extractor ex(options());
  auto r = ex.extract(html, with_charset("shift_jis"));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->charset, "shift_jis");
  EXPECT_TRUE(r->text.starts_with("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E ")) << r->text;
  // An unknown label from the caller is ignored, and the meta decides.
  auto unknown = ex.extract(html, with_charset("x-no-such-charset"));
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->charset, "windows-1252");
}

TEST_P(Charset, BomOverridesCallerAndMeta) {
  // UTF-8 BOM, then UTF-8 bytes, in a page whose meta says windows-1252 and whose caller says
  // Shift_JIS: the BOM wins.
  std::string html = "\xEF\xBB\xBF" + with_meta("windows-1252", "Caf\xC3\xA9 \xE6\x97\xA5");
  Extractor ex(options());
  auto r = ex.extract(html, with_charset("shift_jis"));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->charset, "utf-8");
  EXPECT_TRUE(r->text.starts_with("Caf\xC3\xA9 \xE6\x97\xA5 ")) << r->text;
}

std::string utf16(std::string_view utf8, bool little_endian, bool bom) {
  std::string out;
  auto put = [&](char16_t u) {
    char lo = static_cast<char>(u & 0xFF), hi = static_cast<char>(u >> 8);
    if (little_endian) out += lo, out += hi;
    else out += hi, out += lo;
  };
  if (bom) put(0xFEFF);
  size_t i = 0;
  while (i < utf8.size()) {
    char32_t cp = utf8_decode(utf8, i);
    if (cp >= 0x10000) {
      put(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
      put(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
    } else {
      put(static_cast<char16_t>(cp));
    }
  }
  return out;
}

TEST_P(Charset, Utf16WithBom) {
  // é, 日本, and an astral character (U+1F600) that needs a surrogate pair.
  const std::string words = "Caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80";
  // The meta (ASCII, so it would be misread) says windows-1252: the BOM wins.
  const std::string html = with_meta("windows-1252", words);
  Extractor ex(options());
  for (bool le : {true, false}) {
    auto r = ex.extract(utf16(html, le, true), with_charset("iso-8859-1"));
    ASSERT_TRUE(r) << (le ? "LE: " : "BE: ") << r.error().message;
    expect_sane(*r);
    EXPECT_EQ(r->charset, le ? "utf-16le" : "utf-16be");
    EXPECT_TRUE(r->text.starts_with(words + " ")) << r->text;
    EXPECT_TRUE(r->warnings.empty());
  }
}

TEST_P(Charset, Utf16WithBomAndOddLengthIsRepaired) {
  std::string bytes = utf16(with_meta("utf-8", "odd"), true, true) + "\x41";  // half a code unit
  Extractor ex(options());
  auto r = ex.extract(bytes);
  ASSERT_TRUE(r) << r.error().message;
  expect_sane(*r);
  EXPECT_EQ(r->charset, "utf-16le");
  EXPECT_TRUE(r->text.starts_with("odd ")) << r->text;
}

TEST_P(Charset, MetaUtf16InAnAsciiPageMeansUtf8) {
  // WHATWG prescan: a <meta> that says UTF-16 was read as ASCII, so the page is UTF-8.
  Extractor ex(options());
  auto r = ex.extract(with_meta("utf-16", "Caf\xC3\xA9"));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->charset, "utf-8");
  EXPECT_TRUE(r->text.starts_with("Caf\xC3\xA9 ")) << r->text;
}

TEST_P(Charset, MetaAfterTheFirstKilobyteIsIgnored) {
  std::string html = "<html><head><!--" + std::string(1100, 'x') + "--><meta charset=shift_jis></head><body><p>Caf\xC3\xA9 " +
                     std::string(kProse) + "</p></body></html>";
  Extractor ex(options());
  auto r = ex.extract(html);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->charset, "utf-8");  // valid UTF-8
  EXPECT_TRUE(r->text.starts_with("Caf\xC3\xA9 ")) << r->text;
}

TEST_P(Charset, BadBytesForTheDeclaredCharsetAreReplacedAndWarned) {
  // 0x82 0x20: a Shift_JIS lead byte followed by a byte that cannot trail it.
  Extractor ex(options());
  auto r = ex.extract(with_meta("shift_jis", "a\x82 b"));
  ASSERT_TRUE(r) << r.error().message;
  expect_sane(*r);
  EXPECT_TRUE(contains(r->text, "\xEF\xBF\xBD")) << r->text;
  EXPECT_TRUE(any_warning_contains(*r, "invalid bytes for shift_jis replaced by U+FFFD"));
}

TEST_P(Charset, UnlabelledLegacyPagesGoToTheDetector) {
  // No BOM, hint or meta, and not UTF-8: the detector decides; the result is valid UTF-8.
  std::string sjis;
  for (int i = 0; i < 200; ++i) sjis += "\x93\xFA\x96\x7B\x8C\xEA\x82\xCC\x95\xB6\x8F\xCD\x82\xC5\x82\xB7\x81\x42";  // 日本語の文章です。
  Extractor ex(options());
  auto r = ex.extract("<html><body><p>" + sjis + "</p></body></html>");
  ASSERT_TRUE(r) << r.error().message;
  expect_sane(*r);
  EXPECT_EQ(r->charset, "shift_jis");
  EXPECT_TRUE(r->text.starts_with("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xAE")) << r->text.substr(0, 40);
}

// Issue 12, class 1: a page re-saved as UTF-8 after its legacy declaration was written. Bytes
// that are valid UTF-8 with multibyte sequences are read as UTF-8 whatever the <meta> or the HTTP
// header says; bytes that are not valid UTF-8, and pure ASCII, follow the declaration as before.
TEST_P(Charset, ValidMultibyteUtf8BeatsADeclaredLegacyCharset) {
  Extractor ex(options());
  auto meta = ex.extract(with_meta("gb2312", "\xE4\xB8\xAD\xE6\x96\x87\xE7\xBD\x91\xE9\xA1\xB5"));  // 中文网页
  ASSERT_TRUE(meta) << meta.error().message;
  EXPECT_EQ(meta->charset, "utf-8");
  EXPECT_EQ(meta->charset_source, "utf8-valid-over-declared");
  EXPECT_TRUE(meta->text.starts_with("\xE4\xB8\xAD\xE6\x96\x87\xE7\xBD\x91\xE9\xA1\xB5 ")) << meta->text;
  auto http = ex.extract(with_meta("euc-jp", "Caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC"), with_charset("windows-1252"));
  ASSERT_TRUE(http);
  EXPECT_EQ(http->charset, "utf-8");
  EXPECT_EQ(http->charset_source, "utf8-valid-over-declared");
  EXPECT_TRUE(http->text.starts_with("Caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC ")) << http->text;
  // Real GBK bytes are not valid UTF-8: the declaration decides.
  auto gbk = ex.extract(with_meta("gb2312", "\xD6\xD0\xCE\xC4"));
  ASSERT_TRUE(gbk);
  EXPECT_EQ(gbk->charset, "gbk");
  EXPECT_EQ(gbk->charset_source, "meta");
  // Pure ASCII reads the same either way: the declaration stays.
  auto ascii = ex.extract(with_meta("shift_jis", "plain words"), with_charset(""));
  ASSERT_TRUE(ascii);
  EXPECT_EQ(ascii->charset, "shift_jis");
  EXPECT_EQ(ascii->charset_source, "meta");
}

// The other way round (issue 12, old pages): a template that declares UTF-8 over text that a
// Windows editor saved in windows-1252. Bytes with non-ASCII and not one well-formed multibyte
// sequence are read in the charset the detector names (the Western default here), not as
// replacement characters; UTF-8 with a stray bad byte beside its good sequences stays UTF-8, and
// so do bad bytes between spaces (BadInput.InvalidUtf8BecomesReplacementCharacters).
TEST_P(Charset, LegacyBytesUnderAUtf8DeclarationAreReadAsLegacy) {
  Extractor ex(options());
  auto r = ex.extract(with_meta("utf-8", "the caf\xE9 serves cr\xE8me br\xFBl\xE9" "e, \x93" "fresh\x94 every day"));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->charset_source, "legacy-over-declared-utf8");
  EXPECT_TRUE(r->text.starts_with("the caf\xC3\xA9 serves cr\xC3\xA8me br\xC3\xBBl\xC3\xA9" "e, \xE2\x80\x9C"
                                  "fresh\xE2\x80\x9D every day"))
      << r->text;
  auto mixed = ex.extract(with_meta("utf-8", "Caf\xC3\xA9 and one bad byte \xE9 here"));
  ASSERT_TRUE(mixed) << mixed.error().message;
  EXPECT_EQ(mixed->charset, "utf-8");
  EXPECT_TRUE(mixed->text.starts_with("Caf\xC3\xA9 and one bad byte \xEF\xBF\xBD here")) << mixed->text;
  // Two bad bytes inside a word are damage too: too few to name a charset by.
  auto damaged = ex.extract(with_meta("utf-8", "The board met on Tues\xFF\xFEday to agree the budget"));
  ASSERT_TRUE(damaged) << damaged.error().message;
  EXPECT_EQ(damaged->charset, "utf-8");
  EXPECT_NE(damaged->text.find("Tues\xEF\xBF\xBD"), std::string::npos) << damaged->text;
}

TEST(CharsetPrescan, PrescanFindsLabelsAsBrowsersDo) {
  struct Case {
    const char* head;
    const char* want;
  };
  const Case cases[] = {
      {"<meta charset=utf-8>", "utf-8"},
      {"<META CHARSET='Windows-1252'>", "windows-1252"},
      {"<meta charset = \"latin1\" >", "windows-1252"},
      {"<meta http-equiv=content-type content='text/html;charset=euc-kr'>", "euc-kr"},
      {"<meta charset=no-such-thing>", ""},
      {"<meta charset=", ""},
      {"<meta", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(prescan_meta_charset(c.head), c.want) << c.head;
}

}  // namespace
}  // namespace pith::robustness
