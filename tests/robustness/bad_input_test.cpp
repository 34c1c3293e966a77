// Issue 2, point 7: bad input never crashes or hangs, and gets a clear message. One test per
// kind of bad page; each asserts the exact error or the text that must survive.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "helpers.h"

namespace pith::robustness {
namespace {

PITH_PARSER_SUITE(BadInput);

TEST_P(BadInput, EmptyAndBlankPagesAreTypedErrors) {
  Extractor ex(options());
  for (std::string_view bytes : {std::string_view(""), std::string_view(" \n\t\r\f  ")}) {
    auto r = ex.extract(bytes);
    ASSERT_FALSE(r) << "input of " << bytes.size() << " bytes";
    EXPECT_EQ(r.error().code, ErrorCode::kEmptyInput);
    EXPECT_EQ(r.error().message, "empty page");
  }
}

TEST_P(BadInput, BinaryMagicIsRejected) {
  const std::vector<std::string> cases = {
      std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "GIF89a\x01\x00\x01\x00", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
      std::string("PK\x03\x04\x14\0\0\0", 8), std::string("\x1f\x8b\x08\0\0\0\0\0", 8),
      "\xFF\xD8\xFF\xE0\x00\x10JFIF", std::string("\x7f" "ELF\x02\x01\x01\0", 8),
      "\x28\xB5\x2F\xFD\x04\x58"};
  Extractor ex(options());
  for (const auto& c : cases) {
    auto r = ex.extract(c + page(prose_p()));  // magic first, then something that looks like HTML
    ASSERT_FALSE(r) << "magic " << c.substr(0, 4);
    EXPECT_EQ(r.error().code, ErrorCode::kBinaryInput);
    EXPECT_EQ(r.error().message, "not HTML: binary data");
  }
}

// Uniform random bytes hold about 10.5% control bytes; the check must not sit on that edge.
TEST_P(BadInput, RandomBytesAreRejectedAsBinary) {
  Extractor ex(options());
  for (uint32_t seed = 1; seed <= 40; ++seed) {
    for (size_t n : {256u, 1000u, 4096u, 65536u}) {
      auto r = ex.extract(random_bytes(seed, n));
      ASSERT_FALSE(r) << "seed " << seed << ", " << n << " bytes";
      EXPECT_EQ(r.error().code, ErrorCode::kBinaryInput) << "seed " << seed << ", " << n << " bytes";
    }
  }
}

TEST_P(BadInput, LegacyEncodedTextIsNotBinary) {
  // Latin-1 bytes with no meta: high bytes are text, not junk.
  std::string latin = page("<p>Caf\xE9 cr\xE8me br\xFBl\xE9" "e, na\xEFve fa\xE7" "ade. " + std::string(kProse) + "</p>");
  Extractor ex(options());
  auto r = ex.extract(latin);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(contains(r->text, "Caf\xC3\xA9 cr\xC3\xA8me")) << r->text;
}

// A UTF-16 page with no BOM is half NUL bytes: with the charset from the caller it is a page,
// without it the message says what is wrong.
TEST_P(BadInput, Utf16WithoutBomNeedsTheCallersCharset) {
  std::string html = page(prose_p());
  std::string le;
  for (char c : html) le += c, le += '\0';
  Extractor ex(options());
  auto r = ex.extract(le, with_charset("utf-16le"));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->charset, "utf-16le");
  EXPECT_EQ(r->text, kProse);
  auto bad = ex.extract(le);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kBinaryInput);
  EXPECT_EQ(bad.error().message, "not HTML: looks like UTF-16 without a byte-order mark (give its charset)");
}

// No main text is not an error (the metadata is still wanted), but a warning says so.
TEST_P(BadInput, PageThatIsAllScriptHasNoMainText) {
  const std::string cases[] = {
      page("<script>document.write('<p>" + std::string(kProse) + "</p>');</script>",
           "<script src=a.js></script><style>p { color: red }</style>"),
      "<script>var s = \"" + std::string(kProse) + "\";</script>",
      page("<style>body{}</style><noscript></noscript><template><p>" + std::string(kProse) + "</p></template>"),
      "<html><head><title>Only a title</title></head></html>",
      "<!-- " + std::string(kProse) + " -->",
  };
  Extractor ex(all_outputs());
  for (const auto& c : cases) {
    auto r = ex.extract(c);
    ASSERT_TRUE(r) << c << ": " << r.error().message;
    expect_sane(*r);
    EXPECT_EQ(r->text, "") << c;
    EXPECT_EQ(r->markdown, "") << c;
    EXPECT_EQ(r->warnings, std::vector<std::string>{std::string(kNoMainTextWarning)}) << c;
  }
  // The metadata survives.
  auto meta = ex.extract(page("<script>render()</script>", "<meta property=\"og:title\" content=\"Script page\">"));
  ASSERT_TRUE(meta);
  EXPECT_EQ(meta->title, "Script page");
}

TEST_P(BadInput, NoBodyStillGivesTheText) {
  const std::string cases[] = {
      prose_p(),
      std::string(kProse),
      "<html><head><title>T</title></head>" + prose_p() + "</html>",
      "<head><meta charset=utf-8></head>" + prose_p(),
      "<html>" + prose_p(),
  };
  Extractor ex(options());
  for (const auto& c : cases) {
    auto r = ex.extract(c);
    ASSERT_TRUE(r) << c << ": " << r.error().message;
    EXPECT_EQ(r->text, kProse) << c;
  }
}

TEST_P(BadInput, TruncatedHtmlKeepsTheTextBeforeTheCut) {
  // The cut falls in a second paragraph long enough to be content on its own.
  const std::string lead = "<html><body><article>" + prose_p() + "<p>" + std::string(kProse) + " ";
  const std::string cuts[] = {
      "Second para",                       // inside a text node
      "Second para <a href=\"http://exa",  // inside an attribute value
      "Second para <a hre",                // inside an attribute name
      "Second para <",                     // a lone '<'
      "Second para </",                    // an end tag's start
      "Second para &am",                   // inside an entity
      "Second para <!-- a comm",           // inside a comment
      "Second para <![CDATA[ x",           // inside a CDATA section
      "Second para <!DOCTYPE",             // a doctype in the middle
      "Second para <scr",                  // inside a tag name
      "Second para \xE2\x82",              // inside a UTF-8 sequence
  };
  Extractor ex(all_outputs());
  for (const auto& cut : cuts) {
    auto r = ex.extract(lead + cut);
    ASSERT_TRUE(r) << cut << ": " << r.error().message;
    expect_sane(*r);
    EXPECT_TRUE(contains(r->text, kProse)) << cut << " -> " << r->text;
    EXPECT_TRUE(contains(r->text, "Second para")) << cut << " -> " << r->text;
    EXPECT_EQ(r->charset, "utf-8") << cut;
  }
}

// Every prefix of a real-looking page: no crash, and a result or a typed error.
TEST_P(BadInput, EveryPrefixOfAPageIsHandled) {
  const std::string full = page(
      "<nav><a href=/>Home</a><a href=/news>News</a></nav><article><h1>Title &amp; more</h1>" + prose_p() +
          "<!-- note --><ul><li>one<li>two</ul><table><tr><td>cell</td></tr></table><pre>  code\n</pre>"
          "<script>var a = '<p>x</p>';</script>" + prose_p() + "</article><footer>\xC2\xA9 2024</footer>",
      "<meta charset=\"utf-8\"><meta property=\"og:title\" content=\"T\">");
  Extractor ex(all_outputs());
  for (size_t n = 0; n <= full.size(); ++n) {
    auto r = ex.extract(std::string_view(full).substr(0, n));
    if (r) {
      expect_sane(*r);
    } else {
      EXPECT_EQ(r.error().code, ErrorCode::kEmptyInput) << n << ": " << r.error().message;
    }
  }
}

TEST_P(BadInput, InvalidUtf8BecomesReplacementCharacters) {
  std::string html = page("<p>Bad \xFF\xFE bytes and a lone \x80 continuation. " + std::string(kProse) + "</p>",
                          "<meta charset=\"utf-8\">");
  Extractor ex(options());
  auto r = ex.extract(html);
  ASSERT_TRUE(r) << r.error().message;
  expect_sane(*r);
  EXPECT_EQ(r->charset, "utf-8");
  EXPECT_TRUE(contains(r->text, "Bad \xEF\xBF\xBD\xEF\xBF\xBD bytes and a lone \xEF\xBF\xBD continuation.")) << r->text;
  EXPECT_TRUE(any_warning_contains(*r, "invalid bytes for utf-8 replaced by U+FFFD"));
}

// A UTF-8 page cut inside its last character (crawlers cap page sizes) is still UTF-8: one bad
// tail must not send the whole page to the charset detector.
TEST_P(BadInput, Utf8CutInsideTheLastCharacterStaysUtf8) {
  std::string html = "<html><body><p>Caf\xC3\xA9 na\xC3\xAFve \xE2\x80\x9Cquoted\xE2\x80\x9D. " +
                     std::string(kProse) + " \xE6\x97\xA5\xE6\x9C";  // cut inside U+672C
  Extractor ex(options());
  auto r = ex.extract(html);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->charset, "utf-8");
  EXPECT_TRUE(contains(r->text, "Caf\xC3\xA9 na\xC3\xAFve \xE2\x80\x9Cquoted\xE2\x80\x9D.")) << r->text;
  EXPECT_TRUE(contains(r->text, "\xE6\x97\xA5\xEF\xBF\xBD")) << r->text;
}

// libxml2 stops at a NUL byte; browsers drop it from text. The text after it must survive.
TEST_P(BadInput, NulBytesInTheMiddleDoNotEndThePage) {
  std::string html = page(prose_p() + prose_p() + std::string("<p>mid\0word</p>", 15) + std::string(20, '\0') +
                          "<p>After the NUL bytes. " + std::string(kProse) + "</p>");
  Extractor ex(all_outputs());
  auto r = ex.extract(html);
  ASSERT_TRUE(r) << r.error().message;
  expect_sane(*r);
  EXPECT_TRUE(contains(r->text, "midword")) << r->text;
  EXPECT_TRUE(contains(r->text, "After the NUL bytes.")) << r->text;
}

TEST_P(BadInput, ControlCharactersDoNotEndThePage) {
  std::string ctl;
  for (int c = 1; c < 0x20; ++c)
    if (c != '\t' && c != '\n' && c != '\r' && c != '\f') ctl += static_cast<char>(c);
  ctl += '\x7F';
  // 28 control bytes in a 1 KB page: stray bytes in text, not a binary file.
  std::string html = page(prose_p() + prose_p() + prose_p() + "<p>before" + ctl + "after</p><p>Next paragraph. " + std::string(kProse) + "</p>");
  Extractor ex(all_outputs());
  auto r = ex.extract(html);
  ASSERT_TRUE(r) << r.error().message;
  expect_sane(*r);
  EXPECT_TRUE(contains(r->text, "before")) << r->text;
  EXPECT_TRUE(contains(r->text, "after")) << r->text;
  EXPECT_TRUE(contains(r->text, "Next paragraph.")) << r->text;
}

TEST_P(BadInput, UnterminatedCommentHidesTheRest) {
  std::string html = "<html><body>" + prose_p() + "<!-- never closed <p>HIDDEN comment text</p>";
  Extractor ex(options());
  auto r = ex.extract(html);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->text, kProse);
}

TEST_P(BadInput, UnterminatedRawTextElementsHideTheRest) {
  const char* openers[] = {"<script>var s = '", "<style>p::after { content: '", "<textarea>",
                           "<iframe>", "<noembed>", "<noframes>", "<xmp>", "<title>"};
  Extractor ex(all_outputs());
  for (const char* open : openers) {
    std::string html = "<html><body>" + prose_p() + open + "<p>HIDDEN raw text</p> more HIDDEN";
    auto r = ex.extract(html);
    ASSERT_TRUE(r) << open << ": " << r.error().message;
    expect_sane(*r);
    EXPECT_EQ(r->text, kProse) << open;
    EXPECT_FALSE(contains(r->markdown, "HIDDEN")) << open;
  }
}

TEST_P(BadInput, CommentFormsThatHtml5EndsEarly) {
  // "<!-->" and "<!--->" are empty comments and "--!>" ends one (HTML5 13.2.5.43-51).
  const char* forms[] = {"<!-->", "<!--->", "<!-- x --!>"};
  Extractor ex(options());
  for (const char* form : forms) {
    std::string html = page(std::string(form) + prose_p() + "<!-- real comment HIDDEN -->");
    auto r = ex.extract(html);
    ASSERT_TRUE(r) << form << ": " << r.error().message;
    EXPECT_EQ(r->text, kProse) << form;
  }
}

// An extractor that has seen every bad page above still gives the same result as a fresh one.
TEST_P(BadInput, ExtractorIsReusableAfterBadPages) {
  const std::string good =
      page("<article><h1>Heading</h1>" + prose_p() + "<ul><li>a</li><li>b</li></ul></article>");
  Extractor fresh(all_outputs());
  auto want = fresh.extract(good);
  ASSERT_TRUE(want) << want.error().message;

  Extractor used(all_outputs());
  const std::string bad[] = {
      "", random_bytes(7, 5000), "<html><body>" + prose_p() + "<iframe><p>x",
      "<html><body>" + prose_p() + "<!-- open", std::string(3000, '<'), std::string(3000, '>'),
      "<div>" + std::string(5000, '\0'), page("<script>x</script>"), "<textarea>" + prose_p(),
  };
  for (const auto& b : bad) {
    (void)used.extract(b);
    auto got = used.extract(good);
    ASSERT_TRUE(got) << got.error().message;
    EXPECT_EQ(got->text, want->text);
    EXPECT_EQ(got->markdown, want->markdown);
    EXPECT_EQ(got->title, want->title);
    EXPECT_EQ(got->warnings, want->warnings);
  }
}

TEST_P(BadInput, MarkupOnlyJunkNeverCrashes) {
  const std::string cases[] = {
      std::string(100000, '<'), std::string(100000, '>'), std::string(100000, '&'),
      [] { std::string s; for (int i = 0; i < 20000; ++i) s += "</p>"; return s; }(),
      [] { std::string s; for (int i = 0; i < 20000; ++i) s += "<!"; return s; }(),
      [] { std::string s; for (int i = 0; i < 20000; ++i) s += "<a"; return s; }(),
      [] { std::string s; for (int i = 0; i < 20000; ++i) s += "&#x10FFFF;&#0;&#xD800;&#99999999999;"; return s; }(),
      [] { std::string s; for (int i = 0; i < 20000; ++i) s += "<p><b><i>x</p></i></b>"; return s; }(),
      [] { std::string s; for (int i = 0; i < 20000; ++i) s += "<html><body><head>"; return s; }(),
  };
  Extractor ex(all_outputs());
  for (const auto& c : cases) {
    auto t = timed_extract(ex, c);
    if (t.result) expect_sane(*t.result);
    EXPECT_LT(t.seconds, 10.0) << c.substr(0, 40);
  }
}

}  // namespace
}  // namespace pith::robustness
