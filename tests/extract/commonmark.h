// Reads Markdown back with cmark-gfm (the CommonMark reference parser with GitHub's table
// extension) into an outline of its blocks, so that tests can check what a real parser makes
// of pith's output, not what pith meant to write.
#pragma once
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <string>
#include <string_view>
#include <vector>

namespace pith::testing {

struct MarkdownOutline {
  struct Heading {
    int level = 0;
    std::string text;
  };
  std::vector<Heading> headings;
  std::vector<std::string> items;        // each list item's text, nested items' text included
  std::vector<std::string> code_blocks;  // literal text
  std::vector<std::vector<std::vector<std::string>>> tables;  // rows (header first) of cells
  std::vector<std::string> paragraphs;   // top-level and nested alike
  int quotes = 0;
  int links = 0;
  int images = 0;
  int html = 0;  // raw HTML blocks or inlines: pith never means to write any
};

// The text a reader sees in a node: text, code, breaks as spaces; images give their alt text.
inline std::string cmark_text(cmark_node* node) {
  std::string out;
  cmark_iter* it = cmark_iter_new(node);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it);
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT: case CMARK_NODE_CODE: case CMARK_NODE_CODE_BLOCK: case CMARK_NODE_HTML_INLINE:
        if (const char* lit = cmark_node_get_literal(n)) out += lit;
        break;
      case CMARK_NODE_SOFTBREAK: case CMARK_NODE_LINEBREAK: out += ' '; break;
      default:
        // Block boundaries (paragraphs, cells) separate words.
        if (n != node && (cmark_node_get_type(n) & CMARK_NODE_TYPE_BLOCK) && !out.empty()) out += ' ';
        break;
    }
  }
  cmark_iter_free(it);
  return out;
}

inline MarkdownOutline parse_commonmark(std::string_view markdown) {
  cmark_gfm_core_extensions_ensure_registered();
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
  cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension("table"));
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  cmark_node* doc = cmark_parser_finish(parser);
  MarkdownOutline o;
  cmark_iter* it = cmark_iter_new(doc);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it);
    std::string_view type = cmark_node_get_type_string(n);
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_HEADING: o.headings.push_back({cmark_node_get_heading_level(n), cmark_text(n)}); break;
      case CMARK_NODE_ITEM: o.items.push_back(cmark_text(n)); break;
      case CMARK_NODE_CODE_BLOCK: o.code_blocks.emplace_back(cmark_node_get_literal(n)); break;
      case CMARK_NODE_PARAGRAPH: o.paragraphs.push_back(cmark_text(n)); break;
      case CMARK_NODE_BLOCK_QUOTE: ++o.quotes; break;
      case CMARK_NODE_LINK: ++o.links; break;
      case CMARK_NODE_IMAGE: ++o.images; break;
      case CMARK_NODE_HTML_BLOCK: case CMARK_NODE_HTML_INLINE: ++o.html; break;
      default:
        if (type == "table") {
          o.tables.emplace_back();
        } else if (type == "table_header" || type == "table_row") {
          if (!o.tables.empty()) o.tables.back().emplace_back();
        } else if (type == "table_cell") {
          if (!o.tables.empty() && !o.tables.back().empty()) o.tables.back().back().push_back(cmark_text(n));
        }
        break;
    }
  }
  cmark_iter_free(it);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return o;
}

}  // namespace pith::testing
