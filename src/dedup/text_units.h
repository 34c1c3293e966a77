// The units that span and paragraph dedup remove from a text: sentences (C4's spans are runs
// of them) and paragraphs (pith's text has one paragraph per line). The signature stage hashes
// them and the filter stage removes them, so both cut a text the same way here.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pith {

struct TextUnit {
  uint32_t begin = 0, end = 0;  // bytes of the text; a sentence's end takes the spaces after it
  uint32_t line = 0;            // the line (paragraph) it is on
};

// Sentences: a line is cut after . ! ? or … (and any closing quotes or brackets) followed by a
// space, after 。 ！ ？ anywhere, and at its end; the same rule as pith run's sentence counts
// (docs/recipes.md), close to NLTK's Punkt on plain prose.
void sentences(std::string_view text, std::vector<TextUnit>& out);

// Paragraphs: the lines of the text (empty ones too, so that a unit's index is its line).
void paragraphs(std::string_view text, std::vector<TextUnit>& out);

// The text without the units marked in `removed`: the kept pieces of each line, trimmed; lines
// left empty are dropped; lines joined by '\n'.
void rebuild_without(std::string_view text, const std::vector<TextUnit>& units, const std::vector<char>& removed,
                     std::string& out);

}  // namespace pith
