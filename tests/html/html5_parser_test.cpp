// pith's HTML5 parser beyond html5lib conformance: the HtmlParser interface, budgets (depth,
// nodes, attributes, deadline), inputs built to be slow or deep, and the DOM conventions the
// rest of pith relies on.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "html/html5/tree_builder.h"
#include "html/html5/tree_dump.h"
#include "html/parser.h"

namespace pith {
namespace {

struct Parsed {
  Document doc;
  ParseReport report;
};

Parsed parse(std::string_view html, ParseLimits limits = {}) {
  Parsed p;
  auto parser = make_parser(ParserKind::kHtml5);
  auto r = parser->parse(html, limits, p.doc);
  EXPECT_TRUE(r.ok());
  if (r.ok()) p.report = *r;
  return p;
}

NodeId find_element(const Document& doc, Tag tag) {
  for (NodeId n = doc.root(); n != kNoNode; n = doc.next_in_subtree(n, doc.root()))
    if (doc.is_element(n, tag)) return n;
  return kNoNode;
}

uint16_t max_depth(const Document& doc) {
  uint16_t d = 0;
  for (NodeId n = doc.root(); n != kNoNode; n = doc.next_in_subtree(n, doc.root())) d = std::max(d, doc.node(n).depth);
  return d;
}

double seconds_to_parse(std::string_view html, ParseLimits limits = {}) {
  auto t0 = std::chrono::steady_clock::now();
  parse(html, limits);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

TEST(Html5Parser, MakeParserGivesTheHtml5Parser) {
  auto parser = make_parser(ParserKind::kHtml5);
  ASSERT_NE(parser, nullptr);
  EXPECT_EQ(parser->name(), "html5");
}

TEST(Html5Parser, BuildsTheBrowserTree) {
  Parsed p = parse("<!DOCTYPE html><title>T</title><p>One<p>Two &amp; <b>three</b>");
  EXPECT_EQ(html5::dump_html5lib(p.doc, p.doc.root()),
            "| <!DOCTYPE html>\n| <html>\n|   <head>\n|     <title>\n|       \"T\"\n|   <body>\n|     <p>\n"
            "|       \"One\"\n|     <p>\n|       \"Two & \"\n|       <b>\n|         \"three\"\n");
  NodeId doctype = p.doc.node(p.doc.root()).first_child;
  EXPECT_EQ(p.doc.node(doctype).kind, NodeKind::kDoctype);
  EXPECT_EQ(p.doc.text(doctype), "html");
}

TEST(Html5Parser, ForeignElementsKeepTheirTagAndNamespace) {
  Parsed p = parse("<title>Page</title><svg viewBox='0 0 1 1'><title>Icon</title><foreignObject><p>x</svg>");
  NodeId svg_title = kNoNode;
  for (NodeId n = p.doc.root(); n != kNoNode; n = p.doc.next_in_subtree(n, p.doc.root()))
    if (p.doc.is_element(n, Tag::k_title) && p.doc.node(n).ns == Namespace::kSvg) svg_title = n;
  ASSERT_NE(svg_title, kNoNode);
  NodeId svg = find_element(p.doc, Tag::k_svg);
  EXPECT_EQ(p.doc.node(svg).ns, Namespace::kSvg);
  EXPECT_EQ(p.doc.attr(svg, "viewbox"), "0 0 1 1");  // lower-case in the DOM
  NodeId para = find_element(p.doc, Tag::k_p);
  EXPECT_EQ(p.doc.node(para).ns, Namespace::kHtml);  // inside foreignObject: HTML again
  EXPECT_NE(html5::dump_html5lib(p.doc, p.doc.root()).find("<svg foreignObject>"), std::string::npos);
}

TEST(Html5Parser, NoscriptIsMarkupAndTemplateContentIsChildren) {
  Parsed p = parse("<body><noscript><p>Enable JS</p></noscript><template><span>t</span></template>");
  NodeId noscript = find_element(p.doc, Tag::k_noscript);
  ASSERT_NE(noscript, kNoNode);
  ASSERT_NE(p.doc.node(noscript).first_child, kNoNode);
  EXPECT_TRUE(p.doc.is_element(p.doc.node(noscript).first_child, Tag::k_p));
  NodeId tmpl = find_element(p.doc, Tag::k_template);
  EXPECT_TRUE(p.doc.is_element(p.doc.node(tmpl).first_child, Tag::k_span));
}

// Raw text opened inside a <noscript> ends at "</noscript>" too (TreeBuilder::
// set_noscript_bounds_raw_text): "<iframe ... />" never closes, and the spec's scripting-off
// parse would read the rest of the page as the iframe's text. A closed <iframe> and raw text
// outside any <noscript> parse as the spec says; the TreeBuilder alone (the conformance tests)
// keeps the spec's scripting-off parse.
TEST(Html5Parser, RawTextInsideNoscriptEndsAtItsEndTag) {
  const std::string_view html = "<body><noscript><iframe src=\"/t\" /></noscript><p>Story</p></body>";
  Parsed p = parse(html);
  EXPECT_EQ(html5::dump_html5lib(p.doc, p.doc.root()),
            "| <html>\n|   <head>\n|   <body>\n|     <noscript>\n|       <iframe>\n|         src=\"/t\"\n"
            "|     <p>\n|       \"Story\"\n");
  Parsed closed = parse("<body><noscript><iframe></iframe>x</noscript><iframe></noscript>y</iframe>");
  EXPECT_EQ(html5::dump_html5lib(closed.doc, closed.doc.root()),
            "| <html>\n|   <head>\n|   <body>\n|     <noscript>\n|       <iframe>\n|       \"x\"\n|     <iframe>\n"
            "|       \"</noscript>y\"\n");
  Document spec;
  html5::TreeBuilder builder;
  builder.parse(html, ParseLimits{}, spec);
  EXPECT_EQ(find_element(spec, Tag::k_p), kNoNode) << html5::dump_html5lib(spec, spec.root());
}

TEST(Html5Parser, NewlinesAreNormalized) {
  Parsed p = parse("<p>a\r\nb\rc</p>");
  std::string text;
  p.doc.append_text(p.doc.root(), text);
  EXPECT_EQ(text, "a\nb\nc");
}

TEST(Html5Parser, DeepNestingIsCappedWithoutRecursion) {
  std::string html;
  for (int i = 0; i < 200000; ++i) html += "<div>";
  html += "deep";
  ParseLimits limits;
  limits.max_depth = 100;
  Parsed p = parse(html, limits);
  EXPECT_TRUE(p.report.depth_capped);
  EXPECT_LE(max_depth(p.doc), 100);
  std::string text;
  p.doc.append_text(p.doc.root(), text);
  EXPECT_EQ(text, "deep");
}

TEST(Html5Parser, DeepFormattingNestingIsCapped) {
  std::string html;
  for (int i = 0; i < 50000; ++i) html += "<b><i><div>";
  for (int i = 0; i < 50000; ++i) html += "</b>x";
  ParseLimits limits;
  limits.max_depth = 64;
  EXPECT_LT(seconds_to_parse(html, limits), 20.0);
}

TEST(Html5Parser, NodeBudgetStopsTheParse) {
  std::string html;
  for (int i = 0; i < 10000; ++i) html += "<span>x</span>";
  ParseLimits limits;
  limits.max_nodes = 1000;
  Parsed p = parse(html, limits);
  EXPECT_TRUE(p.report.node_budget_hit);
  EXPECT_LT(p.doc.size(), 1100u);
}

TEST(Html5Parser, DeadlineStopsTheParse) {
  std::string html;
  for (int i = 0; i < 200000; ++i) html += "<span>x</span>";
  ParseLimits limits;
  limits.deadline = std::chrono::steady_clock::now();
  Parsed p = parse(html, limits);
  EXPECT_TRUE(p.report.time_budget_hit);
}

TEST(Html5Parser, AttributesPastTheCapAndDuplicatesAreDropped) {
  std::string html = "<div id=a id=b";
  for (int i = 0; i < 300; ++i) html += " a" + std::to_string(i) + "=v";
  html += ">";
  ParseLimits limits;
  limits.max_attrs = 256;
  Parsed p = parse(html, limits);
  NodeId div = find_element(p.doc, Tag::k_div);
  EXPECT_EQ(p.doc.node(div).attr_count, 256);
  EXPECT_EQ(p.doc.attr(div, "id"), "a");
}

TEST(Html5Parser, ManyAttributesAreLinear) {
  std::string html = "<div";
  for (int i = 0; i < 200000; ++i) html += " a" + std::to_string(i) + "=v";
  html += ">";
  EXPECT_LT(seconds_to_parse(html), 5.0);
}

TEST(Html5Parser, FosterParentedTextGrowsInLinearTime) {
  // Text before a table that keeps growing while other strings are stored between the pieces.
  std::string html = "<table>";
  for (int i = 0; i < 100000; ++i) html += "x<tr class=r><td>c</td></tr>";
  html += "</table>";
  auto t0 = std::chrono::steady_clock::now();
  Parsed p = parse(html);
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), 10.0);
  NodeId table = find_element(p.doc, Tag::k_table);
  NodeId before = p.doc.node(table).prev_sibling;
  ASSERT_NE(before, kNoNode);
  EXPECT_EQ(p.doc.text(before), std::string(100000, 'x'));
}

TEST(Html5Parser, StrayEndTagsOnADeepStackAreCheap) {
  std::string html;
  for (int i = 0; i < 20000; ++i) html += "<span>";
  for (int i = 0; i < 200000; ++i) html += "</nosuch></em>";
  EXPECT_LT(seconds_to_parse(html), 10.0);
}

TEST(Html5Parser, ADocumentIsReusable) {
  auto parser = make_parser(ParserKind::kHtml5);
  Document doc;
  ParseLimits limits;
  ASSERT_TRUE(parser->parse("<table><tr><td>big page</td></tr></table><p>more", limits, doc).ok());
  ASSERT_TRUE(parser->parse("<p>small", limits, doc).ok());
  EXPECT_EQ(html5::dump_html5lib(doc, doc.root()), "| <html>\n|   <head>\n|   <body>\n|     <p>\n|       \"small\"\n");
}

TEST(Html5Parser, FragmentParsing) {
  html5::TreeBuilder builder;
  Document doc;
  builder.parse_fragment("<td>cell</td><tr>", "tr", Namespace::kHtml, ParseLimits{}, doc);
  NodeId html = doc.node(doc.root()).first_child;
  EXPECT_EQ(html5::dump_html5lib(doc, html), "| <td>\n|   \"cell\"\n");
}

}  // namespace
}  // namespace pith
