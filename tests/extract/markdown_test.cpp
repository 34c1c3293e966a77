// The Markdown renderer, on its own (every element kept) and as a CommonMark parser reads it.
#include <gtest/gtest.h>

#include "commonmark.h"
#include "extract/render.h"
#include "html/parser.h"

namespace pith {
namespace {

using testing::MarkdownOutline;
using testing::parse_commonmark;

struct Rendered {
  std::string markdown;
  std::string text;
};

// Renders the whole <body> of `body_html` (nothing dropped) in both modes.
Rendered render_body(std::string_view body_html, bool links = false, bool images = false) {
  std::string html = "<!doctype html><html><head><title>t</title></head><body>" + std::string(body_html) +
                     "</body></html>";
  Document doc;
  auto parser = make_parser(ParserKind::kHtml5);
  EXPECT_TRUE(parser->parse(html, {}, doc).ok());
  ContentSelection sel;
  sel.drop.assign(doc.size(), {});
  for (NodeId n = doc.root(); n != kNoNode; n = doc.next_in_subtree(n, doc.root()))
    if (doc.is_element(n, Tag::k_body)) sel.body = sel.main = n;
  Options options;
  options.links = links;
  options.images = images;
  Rendered r;
  render(doc, sel, sel.main, RenderMode::kMarkdown, options, r.markdown);
  render(doc, sel, sel.main, RenderMode::kText, options, r.text);
  return r;
}

struct Case {
  const char* name;
  const char* html;
  const char* markdown;
  bool links = false;
  bool images = false;
};

const Case kCases[] = {
    {"heading", "<h2>Title</h2><p>Text</p>", "## Title\n\nText"},
    {"heading_levels", "<h1>A</h1><h6>F</h6>", "# A\n\n###### F"},
    {"heading_is_one_line", "<h1>A<br>B<div>C</div></h1>", "# A B C"},
    {"heading_closing_hashes_escaped", "<h3>Learn C #</h3>", "### Learn C \\#"},
    {"empty_heading_left_out", "<h2> </h2><p>x</p>", "x"},
    {"bullet_list", "<ul><li>one</li><li>two</li></ul>", "- one\n- two"},
    {"ordered_list", "<ol><li>a</li><li>b</li></ol>", "1. a\n2. b"},
    {"ordered_list_start", "<ol start=\"9\"><li>a</li><li>b</li></ol>", "9. a\n10. b"},
    {"list_after_paragraph", "<p>Intro</p><ul><li>a</li></ul><p>After</p>", "Intro\n\n- a\n\nAfter"},
    {"nested_list_indented_to_content", "<ul><li>a<ol><li>b</li><li>c</li></ol></li><li>d</li></ul>",
     "- a\n  1. b\n  2. c\n- d"},
    {"nested_in_ordered", "<ol><li>a<ul><li>b</li></ul>after</li></ol>", "1. a\n   - b\n\n   after"},
    {"items_of_paragraphs_stay_tight", "<ul><li><p>one</p></li><li><p>two</p></li></ul>", "- one\n- two"},
    {"empty_item_left_out", "<ul><li></li><li>a</li></ul>", "- a"},
    {"heading_in_item", "<ul><li><h3>T</h3><p>x</p></li></ul>", "- ### T\n\n  x"},
    {"quote", "<blockquote><p>a</p><p>b</p></blockquote><p>c</p>", "> a\n>\n> b\n\nc"},
    {"nested_quote", "<blockquote><p>a</p><blockquote><p>b</p></blockquote></blockquote>", "> a\n>\n> > b"},
    {"list_in_quote", "<blockquote><ul><li>a</li><li>b</li></ul></blockquote>", "> - a\n> - b"},
    {"code_block_exact", "<pre>int x = 1;\n  y();  \n</pre>", "```\nint x = 1;\n  y();  \n```"},
    {"code_fence_longer_than_backticks", "<pre>a ``` b</pre>", "````\na ``` b\n````"},
    {"code_block_in_item", "<ul><li>x<pre>a\n\nb</pre></li></ul>", "- x\n\n  ```\n  a\n\n  b\n  ```"},
    {"code_block_in_quote", "<blockquote><pre>a\n\nb</pre></blockquote>", "> ```\n> a\n>\n> b\n> ```"},
    {"code_block_keeps_markup_chars", "<pre># *x* [y](z)</pre>", "```\n# *x* [y](z)\n```"},
    {"inline_code", "<p>Use <code>a*b</code> now</p>", "Use `a*b` now"},
    {"inline_code_with_backtick", "<p>Use <code>a`b</code></p>", "Use ``a`b``"},
    {"inline_code_starting_with_backtick", "<p><code>`x</code></p>", "`` `x ``"},
    {"table_with_header", "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>x|y</td></tr></table>",
     "| A | B |\n| --- | --- |\n| 1 | x\\|y |"},
    {"table_thead", "<table><thead><tr><td>A</td></tr></thead><tbody><tr><td>1</td></tr></tbody></table>",
     "| A |\n| --- |\n| 1 |"},
    {"table_without_header_gets_one", "<table><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></table>",
     "| | |\n| --- | --- |\n| 1 | 2 |\n| 3 |"},
    {"table_colspan", "<table><tr><th colspan=2>A</th></tr><tr><td>1</td><td>2</td></tr></table>",
     "| A | |\n| --- | --- |\n| 1 | 2 |"},
    {"table_cell_is_one_line", "<table><tr><td><p>a</p><p>b<br>c</p><ul><li>d</li></ul></td></tr></table>",
     "| |\n| --- |\n| a b c d |"},
    {"layout_table_is_blocks", "<table><tr><td><h2>T</h2><p>x</p></td></tr></table>", "## T\n\nx"},
    {"table_in_item", "<ul><li>x<table><tr><td>1</td></tr></table></li></ul>", "- x\n\n  | |\n  | --- |\n  | 1 |"},
    {"link", "<p>See <a href=\"/a b\">the (docs)</a>.</p>", "See [the (docs)](/a%20b).", true},
    {"link_destination_parens", "<p><a href=\"/w/A_(b)\">A</a></p>", "[A](/w/A_\\(b\\))", true},
    {"link_text_brackets", "<p><a href=\"u\">a [1</a></p>", "[a \\[1](u)", true},
    {"links_off", "<p>See <a href=\"u\">docs</a>.</p>", "See docs."},
    {"link_across_blocks", "<a href=\"u\"><h3>T</h3><p>D</p></a>", "### [T](u)\n\n[D](u)", true},
    {"link_after_bang", "<p>Wow!<a href=\"u\">x</a></p>", "Wow\\![x](u)", true},
    {"empty_link_left_out", "<p>a <a href=\"u\"></a>b</p>", "a b", true},
    {"image", "<p><img src=\"x.png\" alt=\"A [b]\"> cap</p>", "![A \\[b\\]](x.png) cap", false, true},
    {"images_off", "<p><img src=\"x.png\" alt=\"A\">cap</p>", "cap"},
    {"image_in_link", "<p><a href=\"u\"><img src=\"i\" alt=\"a\"></a></p>", "[![a](i)](u)", true, true},
    {"hard_break", "<p>a<br>b</p>", "a\\\nb"},
    {"break_at_block_end", "<p>a<br></p><p>b</p>", "a\n\nb"},
    {"thematic_break", "<p>a</p><hr><p>b</p>", "a\n\n***\n\nb"},
    {"escape_heading_start", "<p># not a heading</p>", "\\# not a heading"},
    {"escape_bullet_start", "<p>- not an item</p>", "\\- not an item"},
    {"escape_plus_start", "<p>+ not an item</p>", "\\+ not an item"},
    {"escape_star_start", "<p>* not an item</p>", "\\* not an item"},
    {"escape_ordered_start", "<p>2019. A year</p>", "2019\\. A year"},
    {"escape_quote_start", "<p>> not a quote</p>", "\\> not a quote"},
    {"escape_setext_underline", "<p>a<br>---</p>", "a\\\n\\---"},
    {"escape_after_soft_break", "<p>a</p><div>- b</div>", "a\n\n\\- b"},
    {"escape_emphasis", "<p>a *b* __c__ d</p>", "a \\*b\\* \\_\\_c\\_\\_ d"},
    {"escape_backtick", "<p>a `b` c</p>", "a \\`b\\` c"},
    {"escape_link_syntax", "<p>[a](b) and [c]: d</p>", "\\[a]\\(b) and [c]: d"},
    {"escape_reference_definition_start", "<p>[c]: d</p>", "\\[c]: d"},
    {"escape_html", "<p>a &lt;b&gt; c</p>", "a \\<b> c"},
    {"escape_entity", "<p>&amp;copy; &amp; co</p>", "\\&copy; & co"},
    {"escape_backslash", "<p>a\\*b c\\d</p>", "a\\\\\\*b c\\d"},
    {"prose_not_escaped", "<p>5 * 3 = 15, snake_case, [1], a < b, it's 50% - done. Fish & chips #1.</p>",
     "5 * 3 = 15, snake_case, [1], a < b, it's 50% - done. Fish & chips #1."},
    {"hashtag_not_escaped", "<p>#hashtag</p>", "#hashtag"},
};

class MarkdownRender : public ::testing::TestWithParam<Case> {};

TEST_P(MarkdownRender, WritesCommonMark) {
  const Case& c = GetParam();
  EXPECT_EQ(render_body(c.html, c.links, c.images).markdown, c.markdown) << c.html;
}

INSTANTIATE_TEST_SUITE_P(Constructs, MarkdownRender, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

// What cmark-gfm reads in the Markdown of each construct: the blocks of the HTML, and the
// words of the text (escapes gone, nothing read as syntax that was text).
struct ParsedCase {
  const char* name;
  const char* html;
  size_t headings, items, code_blocks, tables, quotes;
  const char* paragraph = nullptr;  // the only paragraph's text, when given
};

const ParsedCase kParsedCases[] = {
    {"headings", "<h1>A</h1><h2>B</h2><h3>C #</h3><p>x</p>", 3, 0, 0, 0, 0},
    {"lists", "<ul><li>a<ul><li>b<ol start=3><li>c</li></ol>tail</li></ul></li><li>d</li></ul>", 0, 4, 0, 0, 0},
    {"items_with_blocks", "<ol><li><p>a</p><pre>x\n\ny</pre><p>b</p></li><li><blockquote>q</blockquote></li></ol>",
     0, 2, 1, 0, 1},
    {"table", "<table><tr><td>a|b</td><td><code>c|d</code></td></tr></table>", 0, 0, 0, 1, 0},
    {"quote_then_text", "<blockquote>q</blockquote>after", 0, 0, 0, 0, 1, nullptr},
    {"prose_with_marks", "<p>5 * 3, a_b, *c*, _d_, [e](f), `g`, &lt;h&gt;, &amp;amp;, \\*</p>", 0, 0, 0, 0, 0,
     "5 * 3, a_b, *c*, _d_, [e](f), `g`, <h>, &amp;, \\*"},
    {"line_starts", "<p>1. a<br>- b<br># c<br>> d<br>=<br>| e |</p>", 0, 0, 0, 0, 0, "1. a - b # c > d = | e |"},
};

class MarkdownParsed : public ::testing::TestWithParam<ParsedCase> {};

TEST_P(MarkdownParsed, CommonMarkReadsTheSameBlocks) {
  const ParsedCase& c = GetParam();
  std::string md = render_body(c.html).markdown;
  MarkdownOutline o = parse_commonmark(md);
  EXPECT_EQ(o.headings.size(), c.headings) << md;
  EXPECT_EQ(o.items.size(), c.items) << md;
  EXPECT_EQ(o.code_blocks.size(), c.code_blocks) << md;
  EXPECT_EQ(o.tables.size(), c.tables) << md;
  EXPECT_EQ(o.quotes, static_cast<int>(c.quotes)) << md;
  EXPECT_EQ(o.html, 0) << md;
  if (c.paragraph) {
    ASSERT_EQ(o.paragraphs.size(), 1u) << md;
    EXPECT_EQ(o.paragraphs[0], c.paragraph) << md;
  }
}

INSTANTIATE_TEST_SUITE_P(Constructs, MarkdownParsed, ::testing::ValuesIn(kParsedCases),
                         [](const ::testing::TestParamInfo<ParsedCase>& info) { return std::string(info.param.name); });

TEST(MarkdownParsed, CodeBlockTextIsExact) {
  std::string code = "def f(x):\n\treturn x  \n\n```nested```\n";
  MarkdownOutline o = parse_commonmark(render_body("<ul><li><blockquote><pre>" + code + "</pre></blockquote></li></ul>").markdown);
  ASSERT_EQ(o.code_blocks.size(), 1u);
  EXPECT_EQ(o.code_blocks[0], code);
}

TEST(MarkdownParsed, TableCellsAndHeader) {
  MarkdownOutline o = parse_commonmark(
      render_body("<table><tr><th>Name</th><th>Note</th></tr><tr><td>a|b</td><td>x <b>y</b></td></tr></table>").markdown);
  ASSERT_EQ(o.tables.size(), 1u);
  std::vector<std::vector<std::string>> want = {{"Name", "Note"}, {"a|b", "x y"}};
  EXPECT_EQ(o.tables[0], want);
}

// The text rendering knows nothing of Markdown.
TEST(MarkdownRender, TextModeHasNoMarkup) {
  Rendered r = render_body("<h2>T</h2><ul><li>a</li></ul><pre>x</pre><p>*b* <code>c</code></p>", true);
  EXPECT_EQ(r.text, "T\n\na\n\nx\n\n*b* c");
}

}  // namespace
}  // namespace pith
