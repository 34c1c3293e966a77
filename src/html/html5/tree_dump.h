// The pith DOM in the html5lib tree-construction test format ("| <html>", "|   <head>", ...),
// for the conformance tests and for looking at what the parser built.
#pragma once
#include <string>

#include "html/dom.h"

namespace pith::html5 {

// The children of `parent` and everything below them, one line per node (a trailing newline
// after each). Foreign names are shown with their adjusted case ("<svg foreignObject>",
// "xlink href"), template contents under a "content" line.
std::string dump_html5lib(const Document& doc, NodeId parent);

}  // namespace pith::html5
