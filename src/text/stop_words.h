// Stop words: the most frequent function words of a language. Prose is dense with them; menus,
// headlines and widgets are not (jusText, Pomikalek 2011, classifies paragraphs this way).
#pragma once
#include <cstddef>
#include <cstdint>

namespace pith {

// True if the hash (word_hash() of the lower-cased word) is a stop word of any table.
bool is_stop_word_hash(uint64_t hash);

// The same lookup without a call per word, for the hot loop of line_features: a cuckoo table
// (Pagh and Rodler 2001) of kStopWordSlots hashes (0 = empty), where each hash sits in one of its
// two slots, so that a lookup is two compares and no branch: whether a word is a stop word is
// close to random for a branch predictor (a third of its guesses at a probe loop missed). And
// the longest stop word in bytes (a longer word is no stop word).
inline constexpr size_t kStopWordSlots = 1024;
struct StopWordTable {
  const uint64_t* slots;
  size_t max_bytes;
  static size_t first_slot(uint64_t h) { return h & (kStopWordSlots - 1); }
  static size_t second_slot(uint64_t h) { return (h >> 32) & (kStopWordSlots - 1); }
  bool has(uint64_t h) const { return (slots[first_slot(h)] == h) | (slots[second_slot(h)] == h); }
};
const StopWordTable& stop_word_table();

}  // namespace pith
