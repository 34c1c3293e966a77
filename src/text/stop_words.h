// Stop words: the most frequent function words of a language. Prose is dense with them; menus,
// headlines and widgets are not (jusText, Pomikalek 2011, classifies paragraphs this way).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "text/cuckoo_set.h"

namespace pith {

// True if the hash (word_hash() of the lower-cased word) is a stop word of any table.
bool is_stop_word_hash(uint64_t hash);

// The same lookup without a call per word, for the hot loop of line_features: the hashes in a
// CuckooSet (two compares, no branch), and the longest stop word in bytes (a longer word is no
// stop word).
inline constexpr size_t kStopWordSlots = 1024;
struct StopWordTable {
  CuckooSet<kStopWordSlots> set;
  size_t max_bytes = 0;
  bool has(uint64_t h) const { return set.has(h); }
};
const StopWordTable& stop_word_table();

// Whether a text's stop words fit a language tag (primary subtag, "en"): kContradicts when, in
// its first max_bytes, another table's stop words outnumber the tag's own three to one (a
// German text tagged "en" by its template); kUnknownLanguage for a language without a table
// here (en, de, fr, es, it, pt, nl have one); kFits otherwise, and for a text too short to tell.
enum class StopWordFit { kFits, kContradicts, kUnknownLanguage };
StopWordFit stop_word_fit(std::string_view language, std::string_view text, size_t max_bytes);

}  // namespace pith
