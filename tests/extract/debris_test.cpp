// Template debris (src/extract/debris.h): unrendered shortcodes, template tags and raw
// JSON/CSS/JavaScript never reach the text; code shown on purpose and brackets in prose stay.
#include "extract/debris.h"

#include <gtest/gtest.h>

#include "extract/blocks.h"
#include "pages.h"
#include "pith/extract.h"

namespace pith {
namespace {

using testing::kProse;
using testing::extract_page;
using testing::page;

std::string strip(std::string_view text) {
  std::string out;
  return strip_template_markup(text, out) ? out : std::string(text);
}

TEST(Debris, ShortcodesAndTemplateTagsGo) {
  struct Case {
    std::string_view in, out;
  } cases[] = {
      {"[vc_row][vc_column][vc_column_text]The river rose.[/vc_column_text][/vc_column][/vc_row]",
       "   The river rose.   "},
      {"[caption id=\"attachment_12\" align=\"alignnone\" width=\"300\"]A heron at dawn[/caption]",
       " A heron at dawn "},
      {"[/et_pb_section]", " "},
      {"[contact-form-7 id=\"42\" title=\"Contact\"]", " "},
      {"[gallery]", " "},
      {"[et_pb_text admin_label='Text' /]Hello", " Hello"},
      {"Hello {{ user.name }}, welcome", "Hello  , welcome"},
      {"{% if logged_in %}Welcome back{% endif %}", " Welcome back "},
      {"Price: <%= price %> dollars", "Price:   dollars"},
  };
  for (const auto& c : cases) EXPECT_EQ(strip(c.in), c.out) << c.in;
}

TEST(Debris, BracketsInProseStay) {
  for (std::string_view s : {"He said it [sic] twice.", "As shown before [1], the rate fell.",
                             "[Editor's note: this story was updated.]", "See note [a] below.", "[Video]",
                             "a set {1, 2, 3} of numbers", "arrays like a[i] and [x, y]", "[1/2]",
                             "[see figure 3 = the graph]", "{{}}"}) {
    std::string out;
    EXPECT_FALSE(strip_template_markup(s, out)) << s << " -> " << out;
  }
}

TEST(Debris, RawCodeIsToldFromProse) {
  EXPECT_TRUE(looks_like_raw_code(
      R"({"@context":"https://schema.org","@type":"NewsArticle","headline":"Storms in the valley","datePublished":"2024-05-01"})"));
  EXPECT_TRUE(looks_like_raw_code(
      ".vc_custom_1524{margin-top:0px !important;padding-bottom:20px !important;}"
      ".vc_custom_1525{background-color:#f5f5f5 !important;border-radius:4px;}"));
  EXPECT_TRUE(looks_like_raw_code(
      "window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} "
      "gtag('js', new Date()); gtag('config', 'G-XXXXXXX');"));
  EXPECT_TRUE(looks_like_raw_code(
      "var settings = {\"ajaxurl\":\"https://example.com/wp-admin/admin-ajax.php\",\"nonce\":\"abc\"}; "
      "jQuery(document).ready(function($){ $('.menu').show(); });"));
  // Prose, even with a semicolon, an equals sign or a bracket.
  EXPECT_FALSE(looks_like_raw_code(
      "The council met on Tuesday; the vote was 7 = 7 until the mayor cast hers. Residents [who had "
      "waited for hours] cheered when the result was read out at the end of the meeting."));
  EXPECT_FALSE(looks_like_raw_code("{short: 1}"));
  // HTML printed as text (escaped tags in a <noscript>): tags make up most of it.
  EXPECT_TRUE(looks_like_raw_code(
      R"(<p style="position: absolute; top: -999em"><img src="https://stats.example.com/s?name=news.story.page&amp;lang=en" height="1" width="1" alt="" /></p>)"));
  // A sentence about tags is words, whatever it opens and ends with.
  EXPECT_FALSE(looks_like_raw_code(
      "<p> opens a paragraph and </p> closes it; a browser closes it for you when the next block "
      "starts, as it does for <li>"));
  // Formulas in prose: braces without declarations, not ending as code does.
  EXPECT_FALSE(looks_like_raw_code(
      "The sum \\sum_{i=1}^{n} x_{i} equals n times the mean \\bar{x} of the sample, as the reader "
      "will recall from the first chapter $"));
}

Extraction run(const std::string& html) { return testing::extract_page(html); }

// A WordPress page whose page builder is gone: its shortcodes stay in the HTML as text.
TEST(Debris, UnrenderedShortcodesLeaveTheText) {
  Extraction e = run(page("<title>Storms</title>",
                          "<article><p>[vc_row][vc_column][vc_column_text]</p>" + kProse +
                              "<p>[caption id=\"attachment_7\" align=\"alignnone\" width=\"640\"]The flooded road"
                              "[/caption]</p><p>[/vc_column_text][/vc_column][/vc_row]</p></article>"));
  EXPECT_NE(e.text.find("Storms moved across the valley"), std::string::npos) << e.text;
  EXPECT_NE(rule_description("placeholder-text").find("filler"), std::string_view::npos);  // for reports
  EXPECT_NE(e.text.find("The flooded road"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find('['), std::string::npos) << e.text;
}

// Raw JSON and CSS printed as text (a script or style tag lost by a broken template) go, with
// the rule that dropped them in --explain.
TEST(Debris, RawJsonAndCssBlocksGo) {
  Extractor ex(Options{.explain = true});
  auto r = ex.extract(page(
      "<title>Storms</title>",
      "<article>" + kProse +
          R"(<p>{"@context":"https://schema.org","@type":"NewsArticle","headline":"Storms","author":{"@type":"Person","name":"Ann Lee"}}</p>)"
          "<div>.vc_custom_1524{margin-top:0px !important;padding-bottom:20px !important;}"
          ".vc_custom_1525{background-color:#f5f5f5 !important;}</div></article>"));
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->text.find("Storms moved"), std::string::npos) << r->text;
  EXPECT_EQ(r->text.find("@context"), std::string::npos) << r->text;
  EXPECT_EQ(r->text.find("vc_custom"), std::string::npos) << r->text;
  int raw = 0;
  for (const auto& d : r->dropped) raw += d.rule == "raw-code";
  EXPECT_EQ(raw, 2);
}

// A <noscript> whose tracking pixel is escaped markup (long with its URL) is no text.
TEST(Debris, EscapedMarkupInNoscriptGoes) {
  Extraction e = run(page("<title>Storms</title>",
                          "<noscript>&lt;img src=\"https://stats.example.com/s?name=news.story.4598&amp;amp;site=world"
                          "&amp;amp;section=asia&amp;amp;type=view&amp;amp;lang=my&amp;amp;partner=none&amp;amp;"
                          "page=story-page-view&amp;amp;ref=home-page-top-stories\" height=\"1\" width=\"1\" "
                          "alt=\"\"/&gt;</noscript><article>" + kProse + "</article>"));
  EXPECT_NE(e.text.find("Storms moved"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("stats.example.com"), std::string::npos) << e.text;
}

// Documentation shows template tags and JSON on purpose: in <pre>, <code> and highlighted
// blocks they stay, word for word.
TEST(Debris, CodeShownOnPurposeStays) {
  const std::string json =
      R"({"name":"pith","version":"1.0","dependencies":{"zlib":"^1.3","icu":"^74"},"scripts":{"test":"ctest"}})";
  Extraction e = run(page("<title>Templates</title>",
                          "<main>" + kProse + "<p>Write <code>{{ user.name }}</code> to print the name, and "
                              "<code>[gallery]</code> for a gallery.</p><pre>{% for item in items %}\n{{ item }}\n"
                              "{% endfor %}</pre><div class=\"highlight\">" + json + "</div><pre>" + json +
                              "</pre></main>"));
  EXPECT_NE(e.text.find("{{ user.name }}"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("[gallery]"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("{% for item in items %}"), std::string::npos) << e.text;
  size_t first = e.text.find(json);
  ASSERT_NE(first, std::string::npos) << e.text;
  EXPECT_NE(e.text.find(json, first + 1), std::string::npos) << e.text;
}

// A theme's demo blocks left on the page open with filler text; two or more of them go as
// "placeholder-text". One such paragraph stays: a page about typesetting may quote it.
TEST(Debris, TemplateFillerBlocksGo) {
  const std::string filler =
      "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et "
      "dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris.";
  const std::string two = "<article><h1>Winter Care for Fig Trees</h1>" + kProse + kProse +
                          "<div><h3>Our Services</h3><p>" + filler + "</p></div><div><h3>Our Team</h3><p><strong>" +
                          filler + "</strong></p></div></article>";
  Extraction e = extract_page(page("<title>Winter Care for Fig Trees</title>", two));
  EXPECT_EQ(e.text.find("Lorem ipsum"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("Storms moved across the valley"), std::string::npos) << e.text;

  const std::string one =
      "<article><h1>Setting Body Text</h1>" + kProse + "<p>" + filler + "</p>" + kProse + "</article>";
  Extraction q = extract_page(page("<title>Setting Body Text</title>", one));
  EXPECT_NE(q.text.find("Lorem ipsum"), std::string::npos) << q.text;
}

}  // namespace
}  // namespace pith
