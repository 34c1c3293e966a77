// Selection on small pages through ContentSelector with the hints a typed page gets (forum,
// listing, product ...), for tests that compare a typed selection against the untyped one.
#pragma once
#include <gtest/gtest.h>

#include <string>

#include "extract/content.h"
#include "extract/render.h"
#include "html/parser.h"

namespace pith::testing {

// The text of the main container ContentSelector chooses in html with these hints ("" if none).
inline std::string select_text(const std::string& html, const SelectionHints& hints) {
  auto parser = make_parser(ParserKind::kHtml5);
  Document doc;
  EXPECT_TRUE(parser->parse(html, {}, doc).ok());
  ContentSelector selector;
  ContentSelection sel;
  Options options;
  selector.select(doc, options, sel, hints);
  std::string text;
  if (sel.main != kNoNode) render(doc, sel, sel.main, RenderMode::kText, options, text);
  return text;
}

}  // namespace pith::testing
