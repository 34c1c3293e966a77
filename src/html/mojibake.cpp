#include "html/mojibake.h"

#include <cstring>
#include <string_view>

#include "core/utf8.h"

namespace pith {

namespace {

// The windows-1252 bytes 0x80..0x9F that are not C1 controls, by the code point they decode to.
struct Cp1252Special {
  char32_t cp;
  unsigned char byte;
};
constexpr Cp1252Special kCp1252Specials[] = {
    {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85}, {0x2020, 0x86},
    {0x2021, 0x87}, {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A}, {0x2039, 0x8B}, {0x0152, 0x8C},
    {0x017D, 0x8E}, {0x2018, 0x91}, {0x2019, 0x92}, {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95},
    {0x2013, 0x96}, {0x2014, 0x97}, {0x02DC, 0x98}, {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B},
    {0x0153, 0x9C}, {0x017E, 0x9E}, {0x0178, 0x9F},
};

// The byte a continuation character stood for (0x80..0xBF), or -1: U+0080..U+00BF stand for
// themselves (Latin-1, and the C1 controls windows-1252 leaves undefined), the specials for theirs.
int continuation_byte(char32_t cp) {
  if (cp >= 0x80 && cp <= 0xBF) return static_cast<int>(cp);
  for (const auto& s : kCp1252Specials)
    if (s.cp == cp) return s.byte;
  return -1;
}

// One double-encoded character found at a position of s.
struct Sequence {
  size_t end = 0;      // byte after the sequence in s
  std::string bytes;   // the original character (valid UTF-8), empty if none is there
  bool strong = false;  // unmistakable: 3-4 bytes, or 2 opening with U+00C2/U+00C3
};

// Reads a double-encoded character at s[i], which holds a code point U+00C2..U+00F4 (a UTF-8
// lead byte read as Latin-1).
Sequence read_sequence(std::string_view s, size_t i) {
  Sequence seq;
  size_t j = i;
  const char32_t lead = utf8_decode(s, j);
  if (lead < 0xC2 || lead > 0xF4) return seq;
  const size_t continuations = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
  std::string bytes(1, static_cast<char>(lead));
  for (size_t k = 0; k < continuations; ++k) {
    if (j >= s.size() || utf8_sequence_length(s, j) == 0) return seq;
    const int b = continuation_byte(utf8_decode(s, j));
    if (b < 0) return seq;
    bytes += static_cast<char>(b);
  }
  if (utf8_sequence_length(bytes, 0) != bytes.size()) return seq;
  seq.end = j;
  seq.bytes = std::move(bytes);
  seq.strong = continuations >= 2 || lead == 0xC2 || lead == 0xC3;
  return seq;
}

// The lead characters U+00C2..U+00F4 are C3 82..C3 B4 in UTF-8 (all of U+00C0..U+00FF are C3 xx).
bool may_open_sequence(std::string_view s, size_t i) {
  if (i + 1 >= s.size()) return false;
  const auto b0 = static_cast<unsigned char>(s[i]), b1 = static_cast<unsigned char>(s[i + 1]);
  return b0 == 0xC3 && b1 >= 0x82 && b1 <= 0xB4;
}

constexpr size_t kMinSequences = 2;          // one may be a quoted example
constexpr size_t kSequencesAlwaysRepaired = 8;
constexpr size_t kOtherNonAsciiPerSequence = 4;  // "main kind": other non-ASCII at most 4x as many

}  // namespace

// Calls f(i, sequence) for each double-encoded character of s, in order.
template <typename F>
void for_each_sequence(std::string_view s, F&& f) {
  for (size_t i = 0; i + 1 < s.size();) {
    const void* hit = std::memchr(s.data() + i, 0xC3, s.size() - i);
    if (!hit) break;
    i = static_cast<size_t>(static_cast<const char*>(hit) - s.data());
    Sequence seq = may_open_sequence(s, i) ? read_sequence(s, i) : Sequence{};
    if (seq.end) {
      f(i, seq);
      i = seq.end;
    } else {
      i += 2;
    }
  }
}

size_t repair_double_encoded_utf8(std::string& text) {
  const std::string_view s = text;
  size_t strong = 0, code_points_in_sequences = 0;
  for_each_sequence(s, [&](size_t i, const Sequence& seq) {
    if (!seq.strong) return;
    ++strong;
    code_points_in_sequences += utf8_length(s.substr(i, seq.end - i));
  });
  if (strong < kMinSequences) return 0;
  size_t non_ascii = 0;  // code points: lead bytes
  for (unsigned char c : s) non_ascii += c >= 0xC0;
  const bool main_kind = non_ascii - code_points_in_sequences <= kOtherNonAsciiPerSequence * strong;
  if (!main_kind && strong < kSequencesAlwaysRepaired) return 0;

  // Unmistakable sequences always; the others only where mojibake is the page's main kind.
  std::string out;
  out.reserve(s.size());
  size_t repaired = 0, copied = 0;
  for_each_sequence(s, [&](size_t i, const Sequence& seq) {
    if (!seq.strong && !main_kind) return;
    out.append(s.substr(copied, i - copied));
    out += seq.bytes;
    copied = seq.end;
    ++repaired;
  });
  out.append(s.substr(copied));
  text = std::move(out);
  return repaired;
}

}  // namespace pith
