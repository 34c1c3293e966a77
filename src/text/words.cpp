#include "text/words.h"

#include <unicode/uchar.h>

#include <array>
#include <iterator>

#include "core/strings.h"
#include "core/utf8.h"

namespace pith {

namespace {

// Where each script of ScriptWords lies. Han: the unified ideographs, extension A, the
// compatibility ideographs and the supplementary planes' extensions; kana: hiragana, katakana
// and their extensions, half-width katakana; Hangul: jamo and syllables.
constexpr ScriptWords kHan{"han", 1.5, false};
constexpr ScriptWords kKana{"kana", 2.5, false};
constexpr ScriptWords kHangul{"hangul", 2.5, true};
constexpr ScriptWords kThai{"thai", 4, false};
constexpr ScriptWords kLao{"lao", 4, false};
constexpr ScriptWords kKhmer{"khmer", 4, false};
constexpr ScriptWords kMyanmar{"myanmar", 4, false};
constexpr ScriptWords kTibetan{"tibetan", 4, false};

struct ScriptRange {
  char32_t first, last;
  const ScriptWords* script;
};
constexpr ScriptRange kScriptRanges[] = {
    {0x0E00, 0x0E7F, &kThai},     {0x0E80, 0x0EFF, &kLao},      {0x0F00, 0x0FFF, &kTibetan},
    {0x1000, 0x109F, &kMyanmar},  {0x1100, 0x11FF, &kHangul},   {0x1780, 0x17FF, &kKhmer},
    {0x3041, 0x3096, &kKana},     {0x309D, 0x30FA, &kKana},     {0x30FC, 0x30FF, &kKana},
    {0x3131, 0x318E, &kHangul},   {0x31F0, 0x31FF, &kKana},     {0x3400, 0x4DBF, &kHan},
    {0x4E00, 0x9FFF, &kHan},      {0xA960, 0xA97F, &kHangul},   {0xAC00, 0xD7AF, &kHangul},
    {0xF900, 0xFAFF, &kHan},      {0xFF66, 0xFF9D, &kKana},     {0x20000, 0x3134F, &kHan},
};

// Word units of one character of an unspaced script, and the Latin characters one character
// of a script stands for (text_width).
constexpr uint32_t units_per_char(const ScriptWords& s) {
  return static_cast<uint32_t>(kWordUnits / s.chars_per_word + 0.5);
}
constexpr uint32_t width_per_char(const ScriptWords& s) {
  return static_cast<uint32_t>(kSpacedCharsPerWord / s.chars_per_word + 0.5);
}
static_assert(units_per_char(kHan) == 40 && units_per_char(kKana) == 24 && units_per_char(kThai) == 15);
static_assert(width_per_char(kHan) == 3 && width_per_char(kKana) == 2 && width_per_char(kHangul) == 2 &&
              width_per_char(kThai) == 1);

// The code point at s[i] without validation (a malformed sequence decodes to something that
// is in no script range, or counts as one character); advances i past its lead byte's length.
char32_t decode_loose(std::string_view s, size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  if (i + len > s.size()) {
    i = s.size();
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

bool is_alnum(char32_t cp) {
  return cp < 0x80 ? ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || (cp >= '0' && cp <= '9')
                   : u_isalnum(static_cast<UChar32>(cp)) != 0;
}

// An unspaced script's character: its word units, else 0.
uint32_t unspaced_units(char32_t cp) {
  const ScriptWords* w = script_words(cp);
  return w && !w->spaced ? units_per_char(*w) : 0;
}

bool is_ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}
constexpr bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
// Split off the front of a chunk: quotes and opening brackets.
bool leading_split(char c) { return c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' || c == '<' || c == '`'; }
// Split off the back of a chunk: closing punctuation.
bool trailing_split(char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == ']' || c == '}' ||
         c == '>' || c == '"' || c == '\'';
}

void push(std::string_view s, std::vector<Token>& out) {
  if (s.empty()) return;
  Token t;
  t.s = s;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') t.has_alpha = true;
      ++i;
    } else if (!t.has_alpha) {
      t.has_alpha = is_letter_at(s, i);
    } else {
      ++i;
      while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    }
    ++t.chars;
  }
  t.punct = s.size() == 1 && is_ascii_punct(s[0]);
  t.units = kWordUnits;
  out.push_back(t);
}

// A chunk of spaced-script text: quotes and brackets split off its front, closing punctuation
// off its back.
void push_chunk(std::string_view chunk, std::vector<Token>& out) {
  if (chunk.empty()) return;
  while (chunk.size() > 1 && leading_split(chunk.front())) {
    push(chunk.substr(0, 1), out);
    chunk.remove_prefix(1);
  }
  // Trailing punctuation, with "..." kept together as one token.
  size_t end = chunk.size();
  while (end > 0 && trailing_split(chunk[end - 1])) --end;
  if (end == 0) {  // all punctuation: one token ("...", "?!")
    push(chunk, out);
    return;
  }
  push(chunk.substr(0, end), out);
  std::string_view tail = chunk.substr(end);
  while (!tail.empty()) {
    if (tail.starts_with("...")) {
      push(tail.substr(0, 3), out);
      tail.remove_prefix(3);
    } else {
      push(tail.substr(0, 1), out);
      tail.remove_prefix(1);
    }
  }
}

// A chunk holding characters of an unspaced script: each of them a token at its script's
// share of a word; the runs between them tokens as a spaced chunk's, and a run without a
// letter or digit (，。「」) punctuation.
void push_mixed(std::string_view chunk, std::vector<Token>& out) {
  auto push_run = [&](std::string_view run) {
    const size_t first = out.size();
    push_chunk(run, out);
    for (size_t k = first; k < out.size(); ++k) {
      bool alnum = false;
      for (size_t j = 0; j < out[k].s.size() && !alnum;) alnum = is_alnum(decode_loose(out[k].s, j));
      if (!alnum) out[k].punct = true;
    }
  };
  size_t run = 0;
  for (size_t i = 0; i < chunk.size();) {
    const size_t at = i;
    const uint32_t u = unspaced_units(decode_loose(chunk, i));
    if (!u) continue;
    push_run(chunk.substr(run, at - run));
    Token t;
    t.s = chunk.substr(at, i - at);
    t.chars = 1;
    t.has_alpha = true;
    t.units = u;
    out.push_back(t);
    run = i;
  }
  push_run(chunk.substr(run));
}

}  // namespace

const ScriptWords* script_words(char32_t cp) {
  if (cp < 0x0E00) return nullptr;
  // A binary search over kScriptRanges (18 entries).
  size_t lo = 0, hi = std::size(kScriptRanges);
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (kScriptRanges[mid].last < cp) lo = mid + 1;
    else hi = mid;
  }
  return lo < std::size(kScriptRanges) && kScriptRanges[lo].first <= cp ? kScriptRanges[lo].script : nullptr;
}

uint32_t unspaced_word_units(char32_t cp) { return unspaced_units(cp); }

bool has_unspaced_script(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0xE0) {  // all of the scripts lie above U+0800
      ++i;
    } else if (unspaced_units(decode_loose(s, i))) {
      return true;
    }
  }
  return false;
}

uint64_t chunk_word_units(std::string_view chunk) {
  bool maybe_unspaced = false;  // a byte of a 3- or 4-byte sequence: U+0800 and above
  for (char c : chunk) maybe_unspaced |= static_cast<unsigned char>(c) >= 0xE0;
  if (!maybe_unspaced) return kWordUnits;
  uint64_t units = 0;
  bool run_counted = false;  // the current run of spaced-script characters has its word
  for (size_t i = 0; i < chunk.size();) {
    const char32_t cp = decode_loose(chunk, i);
    if (const uint32_t u = unspaced_units(cp)) {
      units += u;
      run_counted = false;
    } else if (!run_counted && is_alnum(cp)) {
      units += kWordUnits;
      run_counted = true;
    }
  }
  // A chunk of punctuation only is a word to str.split(), as a spaced chunk is.
  return units ? units : kWordUnits;
}

uint64_t word_units(std::string_view text) {
  uint64_t units = 0;
  size_t i = 0, n = text.size();
  while (i < n) {
    while (i < n && is_space(static_cast<unsigned char>(text[i]))) ++i;
    size_t start = i;
    while (i < n && !is_space(static_cast<unsigned char>(text[i]))) ++i;
    if (i > start) units += chunk_word_units(text.substr(start, i - start));
  }
  return units;
}

// The generic combining diacritical marks (U+0300-036F, U+1AB0-1AFF, U+1DC0-1DFF, U+20D0-20FF,
// U+FE20-FE2F) sit on the character before them and take no width of their own: a "zalgo"
// line stacks dozens of them on each letter. The marks of a script's own block (Thai vowels,
// Devanagari matras) are part of its words' code points (ScriptWords) and keep their width.
namespace {
bool is_combining_diacritic(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
         (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F);
}
}  // namespace

// The width of a byte below 0xC2: 1 for a character that is not white space (ASCII, or the lead
// 0xC0/0xC1 of an overlong sequence), 0 for white space and continuation bytes.
constexpr std::array<uint8_t, 0xC2> kByteWidth = [] {
  std::array<uint8_t, 0xC2> t{};
  for (unsigned b = 0; b < 0xC2; ++b) t[b] = b < 0x80 ? !is_space(static_cast<unsigned char>(b)) : b >= 0xC0;
  return t;
}();

// White space with a 3-byte sequence: en, em, thin and ideographic spaces and their kin
// (U+1680, U+2000-U+200B, U+202F, U+205F, U+3000, U+FEFF). The first test sends every CJK
// character (U+3001 and up, bar U+FEFF) on without another compare.
constexpr bool is_wide_space(char32_t cp) {
  return cp <= 0x3000 ? cp == 0x3000 || (cp >= 0x2000 && (cp <= 0x200B || cp == 0x202F || cp == 0x205F)) || cp == 0x1680
                      : cp == 0xFEFF;
}

uint32_t text_width(std::string_view s) {
  uint32_t n = 0;
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0xC2) {  // ASCII or a continuation byte: one table look-up (the common case)
      n += kByteWidth[b];
      ++i;
    } else if (b < 0xE0) {
      const auto next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0xFF;
      // U+00A0, the no-break space (C2 A0): a spacer <div>&nbsp;</div> has no visible text, so
      // it is no fragment to be scored. Leads 0xCC and 0xCD up to U+036F are the combining
      // diacritics: no width either.
      const bool blank = (b == 0xC2 && next == 0xA0) || b == 0xCC || (b == 0xCD && next < 0xB0);
      n += !blank;
      ++i;
    } else {
      const char32_t cp = decode_loose(s, i);
      if (is_wide_space(cp)) continue;
      const ScriptWords* w = script_words(cp);
      n += w ? width_per_char(*w) : !is_combining_diacritic(cp);
    }
  }
  return n;
}

size_t char_count(std::string_view s) { return utf8_length(s); }

bool is_letter_at(std::string_view s, size_t& i) {
  size_t len = utf8_sequence_length(s, i);
  if (len == 0) {
    ++i;
    return false;
  }
  char32_t cp = utf8_decode(s, i);
  return u_isalpha(static_cast<UChar32>(cp));
}

void tokenize_words(std::string_view text, std::vector<Token>& out) {
  out.clear();
  size_t i = 0, n = text.size();
  while (i < n) {
    while (i < n && is_space(static_cast<unsigned char>(text[i]))) ++i;
    size_t start = i;
    while (i < n && !is_space(static_cast<unsigned char>(text[i]))) ++i;
    std::string_view chunk = text.substr(start, i - start);
    if (chunk.empty()) continue;
    if (has_unspaced_script(chunk)) {
      push_mixed(chunk, out);
    } else {
      push_chunk(chunk, out);
    }
  }
}

void split_lines(std::string_view text, std::vector<std::string_view>& out) {
  out.clear();
  size_t start = 0, i = 0, n = text.size();
  while (i < n) {
    char c = text[i];
    if (c == '\n' || c == '\r') {
      out.push_back(text.substr(start, i - start));
      if (c == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
      start = ++i;
    } else {
      ++i;
    }
  }
  if (start < n) out.push_back(text.substr(start));
}

}  // namespace pith
