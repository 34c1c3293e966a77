#include "text/noise.h"

#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace pith {

namespace {

// UTF-8 of the curly double quotes and of U+FFFD.
constexpr std::string_view kLeftDouble = "\xE2\x80\x9C", kRightDouble = "\xE2\x80\x9D", kLowDouble = "\xE2\x80\x9E";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Weight of one artefact against the sentences around it: one artefact per ten sentences
// gives a score of 0.5 (score = a / (a + 0.1 * sentences)).
constexpr double kSentencesPerArtefact = 0.1;

// Bytes that the scan stops at; every other byte is skipped in a tight loop.
struct Interesting {
  bool at[256] = {};
  constexpr Interesting() {
    for (unsigned char c : {'"', '.', '!', '?', ',', '\xE2', '\xEF'}) at[c] = true;
  }
};
constexpr Interesting kInteresting;

// The first interesting byte at or after i (or size). With SSE2 sixteen bytes at a time; then
// eight bytes at a time while none of them can be one (SWAR, "Bit Twiddling Hacks": a superset
// test: ! " # ... . and ? and UTF-8 lead bytes of 3-byte sequences), then byte by byte.
inline size_t next_interesting(std::string_view p, size_t i) {
#if defined(__SSE2__)
  // Sixteen bytes at a time, exactly: one compare per interesting byte.
  {
    const size_t size = p.size();
    const __m128i quote = _mm_set1_epi8('"'), dot = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!'),
                  question = _mm_set1_epi8('?'), comma = _mm_set1_epi8(','), e2 = _mm_set1_epi8('\xE2'),
                  ef = _mm_set1_epi8('\xEF');
    for (; i + 16 <= size; i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p.data() + i));
      const __m128i hit = _mm_or_si128(
          _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, dot)),
                       _mm_or_si128(_mm_cmpeq_epi8(v, bang), _mm_cmpeq_epi8(v, question))),
          _mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_or_si128(_mm_cmpeq_epi8(v, e2), _mm_cmpeq_epi8(v, ef))));
      if (const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit))) return i + static_cast<size_t>(__builtin_ctz(mask));
    }
  }
#endif
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x80 * kOnes, kLow7 = 0x7F * kOnes;
  const size_t size = p.size();
  while (true) {
    while (i + 8 <= size) {
      uint64_t v;
      std::memcpy(&v, p.data() + i, 8);
      const uint64_t punct = ((kOnes * (127 + 0x2F) - (v & kLow7)) & ~v & ((v & kLow7) + kOnes * (127 - 0x20))) & kHigh;
      const uint64_t q = v ^ (kOnes * '?');
      const uint64_t question = (q - kOnes) & ~q & kHigh;
      const uint64_t lead3 = v & (v << 1) & (v << 2) & kHigh;
      if (punct | question | lead3) break;
      i += 8;
    }
    const size_t end = i + 8 < size ? i + 8 : size;
    for (; i < end; ++i)
      if (kInteresting.at[static_cast<unsigned char>(p[i])]) return i;
    if (i >= size) return size;
  }
}

inline bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
inline bool is_letter(unsigned char c) { return ((c | 32) >= 'a' && (c | 32) <= 'z') || c >= 0xC3; }
inline bool is_end(unsigned char c) { return c == '.' || c == '!' || c == '?'; }

// The closing double quote at p, if any: its length in bytes (1 for ", 3 for ”), else 0.
inline size_t close_quote_at(std::string_view s, size_t p) {
  if (p >= s.size()) return 0;
  if (s[p] == '"') return 1;
  return s.substr(p, 3) == kRightDouble ? 3 : 0;
}

}  // namespace

// One pass over the bytes; only quotes, sentence marks and U+FFFD are looked at closely.
NoiseSignals noise_signals(const std::vector<std::string_view>& paragraphs) {
  NoiseSignals n;
  uint32_t sentences = 0;
  for (std::string_view p : paragraphs) {
    uint32_t straight = 0, left = 0, right = 0;
    const size_t size = p.size();
    for (size_t i = 0; i < size; ++i) {
      i = next_interesting(p, i);
      if (i == size) break;
      const auto c = static_cast<unsigned char>(p[i]);
      if (c == '"') {
        ++straight;
        ++n.quote_marks;
        continue;
      }
      if (c == 0xE2 && i + 2 < size && p[i + 1] == '\x80') {
        std::string_view q = p.substr(i, 3);
        const unsigned char prev = i ? static_cast<unsigned char>(p[i - 1]) : ' ';
        const unsigned char next = i + 3 < size ? static_cast<unsigned char>(p[i + 3]) : ' ';
        if (q == kLeftDouble) {
          ++left;
          ++n.quote_marks;
          // An opening quote at the end of a word.
          if (is_letter(prev) && prev < 0x80 && (next == ' ' || is_end(next))) ++n.misplaced_quotes;
        } else if (q == kRightDouble) {
          ++right;
          ++n.quote_marks;
          // A closing quote after a space and before a letter.
          if (prev == ' ' && is_letter(next)) ++n.misplaced_quotes;
        } else if (q == kLowDouble) {
          ++n.quote_marks;
        }
        i += 2;
        continue;
      }
      if (c == 0xEF && p.substr(i, 3) == kReplacement) {
        ++n.replacement_chars;
        i += 2;
        continue;
      }
      if (!is_end(c)) {
        if (c == ',' && i + 1 < size && p[i + 1] == ',') ++n.doubled_punctuation;
        continue;
      }
      const unsigned char next = i + 1 < size ? static_cast<unsigned char>(p[i + 1]) : ' ';
      if (next == ' ' || i + 1 == size) ++sentences;
      if (c == '.' && next == '.') {
        size_t run = 1;
        while (i + run < size && p[i + run] == '.') ++run;
        if (run == 2) ++n.doubled_punctuation;  // ".." (an ellipsis "..." is fine)
        i += run - 1;
        continue;
      }
      // A sentence closed inside a quote, then the sentence goes on in lower case:
      // `would be.” another continued violation`.
      size_t q = close_quote_at(p, i + 1);
      if (q && i + q + 2 < size && p[i + 1 + q] == ' ' && is_lower(static_cast<unsigned char>(p[i + 2 + q])))
        ++n.glued_fragments;
      // A closed quote closed again: `choosing.” be able to record”.`
      if (q && i + 1 + q < size && p[i + 1 + q] == '.') ++n.doubled_punctuation;
      // A full stop inside a sentence: `word. another` (three lower-case letters before it,
      // so abbreviations like "U.S." and "e.g." do not count).
      if (c == '.' && next == ' ' && i + 2 < size && is_lower(static_cast<unsigned char>(p[i + 2])) && i >= 3 &&
          is_lower(static_cast<unsigned char>(p[i - 1])) && is_lower(static_cast<unsigned char>(p[i - 2])) &&
          is_lower(static_cast<unsigned char>(p[i - 3])))
        ++n.glued_fragments;
    }
    if (straight % 2 == 1 || left != right) ++n.unbalanced_quotes;
  }
  uint32_t artefacts = n.unbalanced_quotes + n.misplaced_quotes + n.glued_fragments + n.doubled_punctuation;
  double s = sentences ? sentences : 1;
  n.score = artefacts ? artefacts / (artefacts + kSentencesPerArtefact * s) : 0.0;
  return n;
}

}  // namespace pith
