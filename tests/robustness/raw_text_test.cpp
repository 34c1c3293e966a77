// <iframe>, <noembed>, <noframes> and <textarea> bodies are raw text in HTML5 that a browser
// does not show: never page text. libxml2 parses them as markup, so its adapter skips them;
// these tests pin that no word of them leaks, with either parser, however many there are and
// however they nest. (<xmp> is raw text too, but browsers show it: not tested here.)
#include <gtest/gtest.h>

#include <string>

#include "helpers.h"

namespace pith::robustness {
namespace {

PITH_PARSER_SUITE(RawText);

constexpr const char* kRawTags[] = {"iframe", "noembed", "noframes", "textarea"};

void expect_no_leak(const Extraction& e, std::string_view marker, std::string_view where) {
  EXPECT_FALSE(contains(e.text, marker)) << where << "\n" << e.text.substr(0, 400);
  EXPECT_FALSE(contains(e.markdown, marker)) << where;
  EXPECT_FALSE(contains(e.comments, marker)) << where;
  EXPECT_FALSE(contains(e.title, marker)) << where;
}

TEST_P(RawText, ManyBodiesDoNotLeak) {
  for (const char* tag : kRawTags) {
    std::string body = "<article>";
    for (int i = 0; i < 10'000; ++i) {
      body += "<p>Kept " + std::to_string(i) + ". " + std::string(kProse) + "</p>";
      body += "<" + std::string(tag) + "><p>LEAK " + std::to_string(i) + "</p><div>LEAK div</div>LEAK</" + tag + ">";
    }
    body += "</article>";
    Extractor ex(all_outputs());
    auto r = ex.extract(page(body));
    ASSERT_TRUE(r) << tag << ": " << r.error().message;
    expect_sane(*r);
    expect_no_leak(*r, "LEAK", tag);
    EXPECT_TRUE(contains(r->text, "Kept 0. ")) << tag;
    EXPECT_TRUE(contains(r->text, "Kept 9999. ")) << tag;
  }
}

struct LeakCase {
  const char* html;  // inserted between two paragraphs of prose
};

// Markup that libxml2 reads differently from an HTML5 parser around raw-text elements.
TEST_P(RawText, TrickyBodiesDoNotLeak) {
  const LeakCase cases[] = {
      {"<textarea><p>LEAK</p></textarea>"},
      {"<p><iframe><div>LEAK</div></iframe></p>"},
      {"<noembed><table><tr><td>LEAK</td></tr></table></noembed>"},
      {"<table><tr><td><textarea>LEAK</td></tr></table></textarea>"},
      {"<select><textarea>LEAK</textarea></select>"},
      {"<TEXTAREA>LEAK</TEXTAREA>"},
      {"<IFrame Src=x>LEAK</iFRAME>"},
      {"<noframes><body>LEAK</body></noframes>"},
      {"<iframe><script>LEAK</script></iframe>"},
      {"<iframe/>LEAK</iframe>"},
      {"<textarea/>LEAK</textarea>"},
      {"<ul><li><textarea><li>LEAK</textarea></ul>"},
      {"<iframe><html><body>LEAK</body></html></iframe>"},
      {"<math><textarea>LEAK</textarea></math>"},
      {"<svg><iframe>LEAK</iframe></svg>"},
      {"<iframe><iframe>LEAK</iframe></iframe>"},
      {"<noembed><noembed>LEAK</noembed></noembed>"},
      {"<textarea><![CDATA[LEAK]]></textarea>"},
      {"<iframe>&lt;p&gt;LEAK&amp;</iframe>"},
      {"<h2>Heading</h2><iframe>LEAK</iframe>"},
      {"<a href=x><iframe>LEAK</iframe></a>"},
      {"<pre><textarea>LEAK\n  LEAK</textarea></pre>"},
      {"<table><iframe>LEAK</iframe><tr><td>cell</td></tr></table>"},
  };
  Extractor ex(all_outputs());
  for (const auto& c : cases) {
    std::string html = page("<article>" + prose_p() + c.html + "<p>Tail. " + std::string(kProse) + "</p></article>");
    auto r = ex.extract(html);
    ASSERT_TRUE(r) << c.html << ": " << r.error().message;
    expect_sane(*r);
    expect_no_leak(*r, "LEAK", c.html);
    EXPECT_TRUE(contains(r->text, "Tail. ")) << c.html << "\n" << r->text;
  }
}

TEST_P(RawText, RawTextInHeadDoesNotLeak) {
  for (const char* tag : kRawTags) {
    std::string t(tag);
    std::string html = "<html><head><" + t + ">LEAK</" + t + "><title>T</title></head><body>" + prose_p() + "</body></html>";
    Extractor ex(all_outputs());
    auto r = ex.extract(html);
    ASSERT_TRUE(r) << tag << ": " << r.error().message;
    expect_no_leak(*r, "LEAK", tag);
    EXPECT_EQ(r->text, kProse) << tag;
  }
}

}  // namespace
}  // namespace pith::robustness
