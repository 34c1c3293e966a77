// Renderers: the kept part of the DOM as plain text or Markdown. Plain text puts each block on
// its own line and a blank line between paragraphs; <pre> keeps its white space exactly.
// Markdown is CommonMark with GitHub's pipe tables, in one walk with the text: ATX headings,
// lists and block quotes with every line prefixed as CommonMark reads them, fenced code, a pipe
// table for each data table (one that holds no table, heading, code or quote), links and
// images when Options asks, and text that would read as syntax escaped.
#pragma once
#include <string>

#include "extract/content.h"
#include "html/dom.h"
#include "pith/extract.h"

namespace pith {

enum class RenderMode { kText, kMarkdown };

// Renders the subtree of `scope`, skipping nodes that sel.drop marks, unless `only_dropped`
// names a rule prefix whose subtrees should be rendered instead (used for comments).
void render(const Document& doc, const ContentSelection& sel, NodeId scope, RenderMode mode,
            const Options& options, std::string& out);

}  // namespace pith
