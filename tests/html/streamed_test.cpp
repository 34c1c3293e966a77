// Streamed server rendering (src/html/streamed.h): React's hidden parts ("S:x") are put where the
// page's inline scripts put them, in place of a boundary's fallback ("B:x") or of a placeholder
// ("P:x"); and Document's tree moves (detach, insert_before) that it uses.
#include <gtest/gtest.h>

#include <string>

#include "html/html5/tree_dump.h"
#include "html/parser.h"
#include "html/streamed.h"
#include "pith/extract.h"

namespace pith {
namespace {

const std::string kStreamedPage =
    "<html><head><title>Tide tables</title></head><body><main><h1>Tide tables for the bay</h1>"
    "<!--$?--><template id=\"B:0\"></template><p>Loading...</p><!--/$-->"
    "<template id=\"P:1\"></template><p>Closing line of the page.</p></main><footer>Site footer</footer>"
    "<div hidden id=\"S:0\"><p>High tide comes twice a day, about fifty minutes later each day, and the "
    "harbour office posts the times for the week every Monday morning on the pier.</p></div>"
    "<script>$RC(\"B:0\",\"S:0\")</script>"
    "<div hidden id=\"S:1\"><p>Spring tides follow the new and the full moon.</p></div>"
    "<script>$RS(\"S:1\",\"P:1\")</script>"
    "<div hidden id=\"S:7\"><p>A part without its template stays hidden.</p></div></body></html>";

std::string text_of(const Document& doc) {
  std::string out;
  doc.append_text(doc.root(), out);
  return out;
}

TEST(Streamed, PartsGoWhereTheirScriptsPutThem) {
  Document doc;
  auto parser = make_parser(ParserKind::kHtml5);
  auto report = parser->parse(kStreamedPage, ParseLimits{}, doc);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->templates, 2u);  // the extractor places parts only where the parse saw templates
  EXPECT_EQ(place_streamed_parts(doc), 2u);
  const std::string text = text_of(doc);
  const size_t h1 = text.find("Tide tables for the bay"), high = text.find("High tide comes"),
               spring = text.find("Spring tides"), closing = text.find("Closing line"),
               footer = text.find("Site footer");
  ASSERT_NE(high, std::string::npos);
  EXPECT_LT(h1, high);
  EXPECT_LT(high, spring);
  EXPECT_LT(spring, closing);
  EXPECT_LT(closing, footer);
  EXPECT_EQ(text.find("Loading..."), std::string::npos) << text;
  EXPECT_NE(text.find("stays hidden"), std::string::npos);
  // The moved paragraph sits at its new depth: main's child, as the fallback was.
  const std::string dump = html5::dump_html5lib(doc, doc.root());
  EXPECT_NE(dump.find("|       <p>\n|         \"High tide"), std::string::npos) << dump;
  EXPECT_EQ(dump.find("id=\"S:0\""), std::string::npos) << dump;
}

TEST(Streamed, ExtractionReadsThePartsInPlace) {
  Extractor ex;
  auto r = ex.extract(kStreamedPage, PageInfo{});
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->text.find("harbour office posts the times"), std::string::npos) << r->text;
  EXPECT_LT(r->text.find("harbour office"), r->text.find("Spring tides")) << r->text;
  EXPECT_EQ(r->text.find("Loading..."), std::string::npos) << r->text;
}

TEST(Streamed, PagesWithoutPartsAreLeftAlone) {
  const std::string html = "<p>No streamed parts <template id=\"B:0\"></template> here.</p>";
  Document doc;
  auto parser = make_parser(ParserKind::kHtml5);
  ASSERT_TRUE(parser->parse(html, ParseLimits{}, doc).ok());
  const size_t nodes = doc.size();
  EXPECT_EQ(place_streamed_parts(doc), 0u);
  EXPECT_EQ(doc.size(), nodes);
  EXPECT_NE(html5::dump_html5lib(doc, doc.root()).find("B:0"), std::string::npos);
}

TEST(DocumentMoves, InsertBeforeMovesASubtreeAndSetsDepths) {
  Document doc;
  const NodeId body = doc.append_element(doc.root(), Tag::k_body, {});
  const NodeId a = doc.append_element(body, Tag::k_div, {});
  const NodeId b = doc.append_element(body, Tag::k_div, {});
  const NodeId p = doc.append_element(a, Tag::k_p, {});
  doc.append_text_node(p, "moved");
  doc.insert_before(body, p, b);  // between a and b
  EXPECT_EQ(doc.node(p).parent, body);
  EXPECT_EQ(doc.node(a).next_sibling, p);
  EXPECT_EQ(doc.node(p).next_sibling, b);
  EXPECT_EQ(doc.node(b).prev_sibling, p);
  EXPECT_EQ(doc.node(a).first_child, kNoNode);
  EXPECT_EQ(doc.node(p).depth, doc.node(a).depth);
  EXPECT_EQ(doc.node(doc.node(p).first_child).depth, doc.node(a).depth + 1);
  doc.insert_before(a, b, kNoNode);  // b into a, at the end
  EXPECT_EQ(doc.node(body).last_child, p);
  EXPECT_EQ(doc.node(a).first_child, b);
  doc.detach(p);
  EXPECT_EQ(doc.node(body).first_child, a);
  EXPECT_EQ(doc.node(body).last_child, a);
  EXPECT_EQ(doc.node(p).parent, kNoNode);
}

}  // namespace
}  // namespace pith
