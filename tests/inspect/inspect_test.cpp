// The report of pith inspect (pith/inspect.h): hostile text from every field of a page stays
// text; blocks in document order, kept and dropped; dropped characters by rule; the index's sort
// keys; the Markdown renderer; the form page of pith serve.
#include "pith/inspect.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "../extract/pages.h"
#include "report/html.h"

namespace pith {
namespace {

using testing::kProse;
using testing::page;

// The elements and attributes of an HTML string, read the way a browser's tokenizer starts a
// tag: '<' then a letter. Enough to see whether anything from the page became markup.
struct Markup {
  std::multiset<std::string> tags;
  std::set<std::string> attributes;
};

Markup read_markup(std::string_view html) {
  Markup m;
  auto is_alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  for (size_t i = 0; i + 1 < html.size(); ++i) {
    if (html[i] != '<' || !is_alpha(html[i + 1])) continue;
    size_t j = i + 1;
    std::string tag;
    while (j < html.size() && html[j] != ' ' && html[j] != '>' && html[j] != '/' && html[j] != '\n')
      tag += static_cast<char>(std::tolower(static_cast<unsigned char>(html[j++])));
    m.tags.insert(tag);
    // Attributes up to the tag's end; quoted values are skipped whole.
    while (j < html.size() && html[j] != '>') {
      if (html[j] == '"' || html[j] == '\'') {
        j = html.find(html[j], j + 1);
        if (j == std::string_view::npos) return m;
        ++j;
        continue;
      }
      if (is_alpha(html[j])) {
        std::string name;
        while (j < html.size() && html[j] != '=' && html[j] != ' ' && html[j] != '>' && html[j] != '/')
          name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[j++])));
        m.attributes.insert(name);
        continue;
      }
      ++j;
    }
  }
  return m;
}

// Nothing but the report's own markup: its one script, no element that loads or runs anything,
// no event handler, no link or source attribute.
void expect_no_live_markup(std::string_view html) {
  Markup m = read_markup(html);
  EXPECT_LE(m.tags.count("script"), 1u) << "a second <script>";
  for (std::string_view tag : {"img", "svg", "iframe", "object", "embed", "a", "form", "base", "link", "video",
                               "audio", "math", "frame"})
    EXPECT_EQ(m.tags.count(std::string(tag)), 0u) << "<" << tag << "> in the report";
  EXPECT_LE(m.tags.count("meta"), 4u);
  for (const std::string& a : m.attributes) {
    EXPECT_FALSE(a.starts_with("on")) << "event handler attribute " << a;
    EXPECT_NE(a, "src");
    EXPECT_NE(a, "href");
    EXPECT_NE(a, "srcdoc");
    EXPECT_NE(a, "formaction");
  }
}

// The page's text in the places where each field is shown.
std::string between(std::string_view html, std::string_view open, std::string_view close) {
  size_t b = html.find(open);
  if (b == std::string_view::npos) return "<" + std::string(open) + " missing>";
  b += open.size();
  size_t e = html.find(close, b);
  return std::string(html.substr(b, e - b));
}

InspectPage html_page(std::string_view bytes, std::string_view source) {
  InspectPage p;
  p.bytes = bytes;
  p.source = source;
  return p;
}

InspectPage text_page(std::string_view bytes, std::string_view source) {
  InspectPage p = html_page(bytes, source);
  p.text = true;
  return p;
}

constexpr std::string_view kPayload = "<script>alert(1)</script><img src=x onerror=alert(2)>";
const std::string kPayloadEscaped = report::escape_html(kPayload);

std::string hostile_page() {
  // Every field a report shows carries the payload: the title (RCDATA, so the payload is its
  // text), the class and id of a dropped block (the reason and the path), the text of a kept
  // and of a dropped block (escaped in the source, so text after parsing), and real markup that
  // must never survive as markup.
  return page("<title>Moon &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;</title>"
              "<script>window.pwned = 1</script>",
              "<nav id='\"><svg onload=alert(3)>' class='menu'><a href='javascript:alert(4)'>Home &lt;script&gt;"
              "alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;</a></nav>"
              "<article><h1>Moon finds ice</h1>" + kProse +
              "<p>A line that looks like markup: &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x "
              "onerror=alert(2)&gt; and it stays text in the article because it is escaped.</p>"
              "<img src=\"http://evil.example/pixel.png\" onerror=\"alert(5)\">"
              "<div class='share \"><script>alert(6)</script>'><a href='#'>Share this story on the web</a></div>"
              "</article><footer><p>Copyright 2024 &lt;b onmouseover=alert(7)&gt;</p></footer>"
              "<script>alert(8)</script>");
}

TEST(Inspect, HostileTextInEveryFieldStaysText) {
  Inspector inspector;
  const std::string url = "https://news.example/a?\"><script>alert(9)</script>";
  const std::string html = hostile_page();
  InspectPage hostile;
  hostile.bytes = html;
  hostile.source = "<b>name</b>\".html";
  hostile.info.url = url;
  auto r = inspector.inspect(hostile);
  ASSERT_TRUE(r) << r.error().message;
  const std::string& out = r->html;
  expect_no_live_markup(out);
  // Title, URL, source, preview and reason show the payload as escaped text.
  EXPECT_NE(between(out, "<h1 id=\"page-title\">", "</h1>").find(kPayloadEscaped), std::string::npos)
      << between(out, "<h1 id=\"page-title\">", "</h1>");
  EXPECT_NE(between(out, "<span id=\"url\">", "</span>").find("&quot;&gt;&lt;script&gt;alert(9)&lt;/script&gt;"),
            std::string::npos)
      << between(out, "<span id=\"url\">", "</span>");
  EXPECT_EQ(between(out, "<span id=\"source\">", "</span>"), "&lt;b&gt;name&lt;/b&gt;&quot;.html");
  EXPECT_NE(out.find("<title>pith inspect: &lt;b&gt;name&lt;/b&gt;&quot;.html</title>"), std::string::npos);
  // The dropped menu: its preview, its path (the id) and the share block's reason (the class).
  EXPECT_NE(out.find("Home " + kPayloadEscaped), std::string::npos);
  EXPECT_NE(out.find("#&quot;&gt;&lt;svg onload=alert(3)&gt;"), std::string::npos);
  EXPECT_NE(out.find("class=&quot;share &quot;&gt;&lt;script&gt;alert(6)&lt;/script&gt;&quot;"), std::string::npos);
  // The kept paragraph with markup in its text.
  EXPECT_NE(out.find("looks like markup: " + kPayloadEscaped), std::string::npos);
  // The page's own script never reaches the report.
  EXPECT_EQ(out.find("window.pwned"), std::string::npos);
  EXPECT_EQ(out.find("alert(8)"), std::string::npos);
  // The policy in the page is the one handed out for a server's header.
  EXPECT_NE(out.find(report::escape_html(r->content_security_policy)), std::string::npos);
  EXPECT_NE(r->content_security_policy.find("default-src 'none'"), std::string::npos);
  EXPECT_NE(r->content_security_policy.find("script-src 'nonce-"), std::string::npos);
  EXPECT_NE(r->content_security_policy.find("form-action 'none'"), std::string::npos);
}

TEST(Inspect, HostileRuleNamesAndTextPagesStayText) {
  // A text page: its lines are the blocks, each dropped one with its reason.
  Inspector inspector;
  const std::string text = "Home | News | Sport | <script>alert(1)</script>\n"
                           "The rover drilled into the crater floor on Tuesday and found water ice a metre below "
                           "the surface, the agency said in a statement. <img src=x onerror=alert(2)>\n"
                           "Engineers had planned the drill for months, and the sample will be analysed on board "
                           "over the coming weeks before the results are sent back.\n"
                           "Share on Facebook\n";
  auto r = inspector.inspect(text_page(text, "t.txt"));
  ASSERT_TRUE(r) << r.error().message;
  expect_no_live_markup(r->html);
  EXPECT_NE(r->html.find("&lt;img src=x onerror=alert(2)&gt;"), std::string::npos);
  EXPECT_EQ(r->summary.page_type, "text");
}

// The rules of the dropped blocks, and "kept", in the order the report lists them.
std::vector<std::string> listed_blocks(std::string_view html) {
  std::vector<std::string> out;
  for (size_t at = html.find("<li class=\"blk "); at != std::string_view::npos;
       at = html.find("<li class=\"blk ", at + 1)) {
    const bool kept = html.substr(at + 15, 4) == "kept";
    size_t rule = html.find("data-rule=\"", at) + 11;
    std::string name(html.substr(rule, html.find('"', rule) - rule));
    out.push_back(kept ? "kept" : name);
  }
  return out;
}

TEST(Inspect, BlocksInDocumentOrderKeptAndDropped) {
  Inspector inspector;
  const std::string html = page("<title>Rain</title>",
                                "<header>Valley News</header><nav><a href=/>Home</a> <a href=/w>Weather</a></nav>"
                                "<article><h1>Rain at last</h1>" + kProse + "</article>"
                                "<footer>Contact us</footer>");
  auto r = inspector.inspect(html_page(html, "rain.html"));
  ASSERT_TRUE(r) << r.error().message;
  const std::vector<std::string> expected = {"tag:header", "tag:nav", "kept", "kept", "kept", "tag:footer"};
  EXPECT_EQ(listed_blocks(r->html), expected);
  EXPECT_EQ(r->summary.kept_blocks, 3u);
  EXPECT_EQ(r->summary.dropped_blocks, 3u);
  // Kept blocks are open, dropped ones collapsed with their rule shown.
  EXPECT_NE(r->html.find("<li class=\"blk dropped collapsed\" tabindex=\"0\" data-index=\"0\" data-rule=\"tag:header\">"
                         "<div class=\"head\"><span class=\"rule\">tag:header</span>"),
            std::string::npos);
  EXPECT_NE(r->html.find("<li class=\"blk kept\" tabindex=\"0\" data-index=\"2\" data-rule=\"\"><div class=\"txt\">"
                         "Rain at last</div>"),
            std::string::npos);
  EXPECT_NE(r->html.find("<dd class=\"i-path mono\">body &gt; nav</dd>"), std::string::npos);
}

TEST(Inspect, DroppedCharactersByRuleMostFirst) {
  Inspector inspector;
  const std::string html = page("<title>Rain</title>",
                                "<nav><a href=/>Home</a> <a href=/w>Weather</a> <a href=/s>Sport</a></nav>"
                                "<article><h1>Rain at last</h1>" + kProse + "</article>"
                                "<footer>Contact</footer><nav><a href=/x>More</a></nav>");
  auto r = inspector.inspect(html_page(html, "rain.html"));
  ASSERT_TRUE(r) << r.error().message;
  // tag:nav: "HomeWeatherSport" (16) + "More" (4) in 2 blocks; tag:footer: "Contact" (7).
  const std::string table = between(r->html, "<table id=\"dropped-by-rule\">", "</table>");
  size_t nav = table.find("<tr data-rule=\"tag:nav\"><td class=\"mono\">tag:nav</td><td class=\"num\">2</td>"
                          "<td class=\"num chars\">20</td>");
  size_t footer = table.find("<tr data-rule=\"tag:footer\"><td class=\"mono\">tag:footer</td><td class=\"num\">1</td>"
                             "<td class=\"num chars\">7</td>");
  ASSERT_NE(nav, std::string::npos) << table;
  ASSERT_NE(footer, std::string::npos) << table;
  EXPECT_LT(nav, footer);
  EXPECT_EQ(r->summary.dropped_chars, 27u);
}

TEST(Inspect, IndexRowsCarryTheSortKeys) {
  auto entry = [](std::string source, std::string title, std::string type, double confidence, uint32_t text_chars,
                  size_t warnings) {
    InspectIndexEntry e;
    e.summary.source = source;
    e.summary.title = std::move(title);
    e.summary.page_type = std::move(type);
    e.summary.page_type_confidence = confidence;
    e.summary.text_chars = text_chars;
    e.summary.warnings.assign(warnings, "w");
    e.href = source + ".html";
    return e;
  };
  InspectIndexEntry full = entry("a.html", "<i>A</i>", "article", 0.91, 1200, 2);
  InspectIndexEntry empty = entry("b.html", "B", "listing", 0.3, 0, 0);
  InspectIndexEntry failed;
  failed.summary.source = "c.bin";
  failed.error = "binary <data>";
  const std::string html = inspect_index_html({full, empty, failed});
  // Numeric columns sort by their numbers (the script reads data-type and data-sort).
  EXPECT_NE(html.find("<th data-type=\"num\" class=\"num\">text chars</th>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"num text\" data-sort=\"1200\">1200</td>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"num warnings\" data-sort=\"2\">2</td>"), std::string::npos);
  // An empty text and a low confidence are marked; a failed page sorts below every number.
  EXPECT_NE(html.find("<tr class=\"empty\"><td data-sort=\"b.html\"><a href=\"b.html.html\">b.html</a></td>"),
            std::string::npos);
  EXPECT_NE(html.find("<td class=\"num low\" data-sort=\"0.30\">0.30</td>"), std::string::npos);
  EXPECT_NE(html.find("<tr class=\"error\"><td data-sort=\"c.bin\">c.bin</td><td data-sort=\"\">error: binary "
                      "&lt;data&gt;</td><td data-sort=\"-1\"></td>"),
            std::string::npos);
  EXPECT_NE(html.find("<td data-sort=\"&lt;i&gt;A&lt;/i&gt;\">&lt;i&gt;A&lt;/i&gt;</td>"), std::string::npos);
  // Rows in the order given: the sorting is the reader's.
  EXPECT_LT(html.find("a.html.html"), html.find("b.html.html"));
  EXPECT_LT(html.find("b.html.html"), html.find("c.bin"));
  Markup m = read_markup(html);
  EXPECT_EQ(m.tags.count("a"), 2u);
  EXPECT_EQ(m.tags.count("script"), 1u);
}

TEST(Inspect, MarkdownRendererNeverEmitsALiveLinkOrImage) {
  const std::string md =
      "# Title <script>alert(1)</script>\n\n"
      "A [link](javascript:alert(2)) and an ![image](http://evil.example/x.png \"t\") and "
      "<http://auto.example/> and <a href=\"http://raw.example/\">raw</a> <img src=x onerror=alert(3)>.\n\n"
      "- [item](http://list.example/)\n"
      "> quoted ![pic](data:image/svg+xml,<svg onload=alert(4)>)\n\n"
      "| a | b |\n|---|---|\n| [c](http://cell.example/) | <b>d</b> |\n\n"
      "```\n<script>alert(5)</script>\n```\n";
  const std::string html = markdown_to_safe_html(md);
  Markup m = read_markup(html);
  for (std::string_view tag : {"a", "img", "script", "svg", "b", "iframe"})
    EXPECT_EQ(m.tags.count(std::string(tag)), 0u) << "<" << tag << "> in " << html;
  for (const std::string& a : m.attributes) {
    EXPECT_NE(a, "href") << html;
    EXPECT_NE(a, "src") << html;
    EXPECT_FALSE(a.starts_with("on")) << html;
  }
  // Targets are shown, as text.
  EXPECT_NE(html.find("javascript:alert(2)"), std::string::npos) << html;
  EXPECT_NE(html.find("http://evil.example/x.png"), std::string::npos) << html;
  EXPECT_NE(html.find("&lt;script&gt;alert(5)&lt;/script&gt;"), std::string::npos) << html;
  EXPECT_NE(html.find("<h1>"), std::string::npos) << html;
  EXPECT_NE(html.find("<table>"), std::string::npos) << html;
}

TEST(Inspect, FormPagePostsToItselfOnlyAndRunsNothing) {
  InspectFormPage form = inspect_form_page({.action = "/inspect?\"x", .max_bytes = 2u << 20, .max_millis = 500});
  EXPECT_NE(form.content_security_policy.find("form-action 'self'"), std::string::npos);
  EXPECT_NE(form.content_security_policy.find("default-src 'none'"), std::string::npos);
  EXPECT_NE(form.content_security_policy.find("script-src 'none'"), std::string::npos);
  EXPECT_NE(form.html.find(report::escape_html(form.content_security_policy)), std::string::npos);
  Markup m = read_markup(form.html);
  EXPECT_EQ(m.tags.count("script"), 0u);
  EXPECT_EQ(m.tags.count("form"), 1u);
  EXPECT_NE(form.html.find("action=\"/inspect?&quot;x\""), std::string::npos);
  EXPECT_NE(form.html.find("enctype=\"multipart/form-data\""), std::string::npos);
  for (std::string_view field : {kInspectFieldHtml, kInspectFieldFile, kInspectFieldUrl, kInspectFieldKind})
    EXPECT_NE(form.html.find("name=\"" + std::string(field) + "\""), std::string::npos) << field;
  EXPECT_NE(form.html.find("Up to 2 MiB and 500 ms per page."), std::string::npos);
}

}  // namespace
}  // namespace pith
