// Stop words: the most frequent function words of a language. Prose is dense with them; menus,
// headlines and widgets are not (jusText, Pomikalek 2011, classifies paragraphs this way).
#pragma once
#include <cstddef>
#include <cstdint>

namespace pith {

// True if the hash (word_hash() of the lower-cased word) is a stop word of any table.
bool is_stop_word_hash(uint64_t hash);

// The same lookup without a call per word, for the hot loop of line_features: an open-addressing
// table of kStopWordSlots hashes (0 = empty), and the longest stop word in bytes (a longer word
// is no stop word, so it needs no probe).
inline constexpr size_t kStopWordSlots = 1024;
struct StopWordTable {
  const uint64_t* slots;
  size_t max_bytes;
  const uint64_t* filter;  // 4096 bits, one per value of the hash's top 12 bits: most words that
                           // are no stop word are turned away here without a probe
  bool has(uint64_t h) const {
    if (!((filter[h >> 58] >> ((h >> 52) & 63)) & 1)) return false;
    for (size_t i = h & (kStopWordSlots - 1);; i = (i + 1) & (kStopWordSlots - 1)) {
      if (slots[i] == h) return true;
      if (slots[i] == 0) return false;
    }
  }
};
const StopWordTable& stop_word_table();

}  // namespace pith
