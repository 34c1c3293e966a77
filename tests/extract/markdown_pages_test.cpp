// pith's Markdown of real pages (../shared/bench), read back by cmark-gfm: the headings, list
// items, code blocks and tables it finds are those of the page's kept content, in number and
// text. Skipped where the sets are absent.
#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <filesystem>

#include "commonmark.h"
#include "core/utf8.h"
#include "extract/content.h"
#include "extract/render.h"
#include "html/charset.h"
#include "html/parser.h"

namespace pith {
namespace {

namespace fs = std::filesystem;
using testing::MarkdownOutline;
using testing::parse_commonmark;

// Every n-th page of each set: enough pages for every construct, fast enough for the fast tests.
constexpr size_t kDevStride = 6;
constexpr size_t kWcxbStride = 20;

std::string read_gz(const fs::path& path) {
  std::string out;
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return out;
  char buf[1 << 16];
  for (int n; (n = gzread(f, buf, sizeof buf)) > 0;) out.append(buf, n);
  gzclose(f);
  return out;
}

// Words without the white space between them: the renderer may join or split words at element
// boundaries ("Brookfin" + "Heron"), and drops invisible characters.
std::string squeeze(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    char32_t cp = utf8_decode(s, i);
    bool space = cp <= 0x20 || cp == 0xA0 || cp == 0x200B || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x3000 ||
                 cp == 0x202F || cp == 0xAD || cp == 0xFEFF || cp == 0x200C || cp == 0x200D;
    if (!space) out.append(s.substr(start, i - start));
  }
  return out;
}

// The page's own blocks, from the DOM: what a reader of the kept content sees as headings, list
// items, code blocks and data tables (a table holding a table, heading, code or quote is layout).
struct PageBlocks {
  std::vector<std::string> headings, items, code_blocks, tables;
};

bool dropped(const ContentSelection& sel, NodeId n, NodeId scope) { return n != scope && !sel.drop[n].empty(); }

std::string kept_text(const Document& doc, const ContentSelection& sel, NodeId n, NodeId scope) {
  std::string out;
  for (NodeId m = n; m != kNoNode;) {
    if (dropped(sel, m, scope)) {
      m = doc.next_skip_children(m, n);
      continue;
    }
    if (doc.node(m).kind == NodeKind::kText) out += doc.text(m);
    m = doc.next_in_subtree(m, n);
  }
  return out;
}

bool has_block_inside(const Document& doc, const ContentSelection& sel, NodeId table, NodeId scope) {
  for (NodeId m = doc.next_in_subtree(table, table); m != kNoNode;) {
    if (dropped(sel, m, scope)) {
      m = doc.next_skip_children(m, table);
      continue;
    }
    Tag t = doc.node(m).kind == NodeKind::kElement ? doc.node(m).tag : Tag::kUnknown;
    if (t == Tag::k_table || is_heading_tag(t) || t == Tag::k_pre || t == Tag::k_blockquote) return true;
    m = doc.next_in_subtree(m, table);
  }
  return false;
}

PageBlocks page_blocks(const Document& doc, const ContentSelection& sel, NodeId scope) {
  PageBlocks b;
  for (NodeId n = scope; n != kNoNode;) {
    if (dropped(sel, n, scope)) {
      n = doc.next_skip_children(n, scope);
      continue;
    }
    const Node& node = doc.node(n);
    Tag t = node.kind == NodeKind::kElement ? node.tag : Tag::kUnknown;
    // Inside a heading, code block or data table there are no blocks of their own.
    bool inline_only = is_heading_tag(t) || t == Tag::k_pre || (t == Tag::k_table && !has_block_inside(doc, sel, n, scope));
    std::string text = kept_text(doc, sel, n, scope);
    if (is_heading_tag(t) && !squeeze(text).empty()) b.headings.push_back(squeeze(text));
    if (t == Tag::k_li && !squeeze(text).empty()) b.items.push_back(squeeze(text));
    if (t == Tag::k_pre && !text.empty()) b.code_blocks.push_back(text);
    if (t == Tag::k_table && inline_only && !squeeze(text).empty()) b.tables.push_back(squeeze(text));
    n = inline_only ? doc.next_skip_children(n, scope) : doc.next_in_subtree(n, scope);
  }
  return b;
}

std::vector<std::string> squeezed(const std::vector<std::string>& v) {
  std::vector<std::string> out;
  for (const std::string& s : v) out.push_back(squeeze(s));
  return out;
}

TEST(MarkdownPages, CommonMarkReadsThePageBlocks) {
  const fs::path bench = fs::path(PITH_SOURCE_DIR) / ".." / "shared" / "bench";
  if (!fs::is_directory(bench)) GTEST_SKIP() << bench << " is absent (only the team's workspace has ../shared)";
  auto parser = make_parser(ParserKind::kHtml5);
  CharsetDecoder decoder;
  ContentSelector selector;
  Document doc;
  ContentSelection sel;
  Options options;
  size_t pages = 0, headings = 0, items = 0, code_blocks = 0, tables = 0;
  for (auto [set, stride] : {std::pair{"dev", kDevStride}, std::pair{"wcxb-dev", kWcxbStride}}) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(bench / set / "pages")) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (size_t i = 0; i < files.size(); i += stride) {
      std::string utf8;
      if (!decoder.decode(read_gz(files[i]), "", utf8).ok() || !parser->parse(utf8, {}, doc).ok()) continue;
      selector.select(doc, options, sel);
      if (sel.main == kNoNode) continue;
      std::string md;
      render(doc, sel, sel.main, RenderMode::kMarkdown, options, md);
      MarkdownOutline o = parse_commonmark(md);
      PageBlocks want = page_blocks(doc, sel, sel.main);
      SCOPED_TRACE(files[i].string());
      std::vector<std::string> got_headings;
      for (const auto& h : o.headings) got_headings.push_back(squeeze(h.text));
      EXPECT_EQ(got_headings, want.headings);
      EXPECT_EQ(squeezed(o.items), want.items);
      EXPECT_EQ(o.code_blocks.size(), want.code_blocks.size());
      for (size_t k = 0; k < std::min(o.code_blocks.size(), want.code_blocks.size()); ++k)
        EXPECT_EQ(squeeze(o.code_blocks[k]), squeeze(want.code_blocks[k]));
      std::vector<std::string> got_tables;
      for (const auto& table : o.tables) {
        std::string all;
        for (const auto& row : table)
          for (const auto& cell : row) all += cell;
        got_tables.push_back(squeeze(all));
      }
      EXPECT_EQ(got_tables, want.tables);
      EXPECT_EQ(o.html, 0);
      ++pages;
      headings += want.headings.size();
      items += want.items.size();
      code_blocks += want.code_blocks.size();
      tables += want.tables.size();
    }
  }
  // The sample must hold every kind of block, or the test checks less than it says.
  EXPECT_GT(pages, 90u);
  EXPECT_GT(headings, 100u);
  EXPECT_GT(items, 100u);
  EXPECT_GT(code_blocks, 5u);
  EXPECT_GT(tables, 5u);
}

}  // namespace
}  // namespace pith
