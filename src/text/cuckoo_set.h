// A fixed set of 64-bit hashes (never 0) for lookups in hot loops: a cuckoo table (Pagh and
// Rodler 2001) where each hash sits in one of two slots, taken from its low and its high bits
// (the hashes must be well mixed in both), so that a lookup is two compares and no branch.
// Whether a word is in such a set (a stop word, the first word of a phrase) is close to random
// for a branch predictor: a probe loop missed a third of its guesses.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <utility>

namespace pith {

template <size_t N>  // slots, a power of two; keep the set under a third full
struct CuckooSet {
  static_assert((N & (N - 1)) == 0);
  std::array<uint64_t, N> slots{};  // 0 = empty

  static size_t first_slot(uint64_t h) { return h & (N - 1); }
  static size_t second_slot(uint64_t h) { return (h >> 32) & (N - 1); }

  bool has(uint64_t h) const { return (slots[first_slot(h)] == h) | (slots[second_slot(h)] == h); }

  // A hash whose slots are taken moves the one in its slot to that one's other slot, and so on.
  // At a third full a free slot is a few moves away; the bound only turns a table filled past
  // that into a loud mistake rather than a hang.
  void add(uint64_t h) {
    if (has(h)) return;
    size_t at = first_slot(h);
    if (slots[at] != 0 && slots[second_slot(h)] == 0) at = second_slot(h);
    for (int moves = 0; moves < 1000; ++moves) {
      if (slots[at] == 0) {
        slots[at] = h;
        return;
      }
      std::swap(h, slots[at]);
      at = at == first_slot(h) ? second_slot(h) : first_slot(h);
    }
    std::abort();
  }
};

}  // namespace pith
