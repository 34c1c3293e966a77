#include "text/line_features.h"

#include <cstring>

#include "core/utf8.h"
#include "text/stop_words.h"

namespace pith {

namespace {

bool is_space_cp(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == '\f' || cp == '\v' || cp == 0xA0 ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

bool is_quote_cp(char32_t cp) {
  return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0xAB || cp == 0xBB;
}

// Characters that close a sentence's tail and are skipped when looking for its last mark.
bool is_closer(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 || cp == 0xBB ||
         cp == 0x300D || cp == 0xFF09 || cp == '*';
}

bool is_sentence_end(char32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F;
}

bool is_separator(char32_t cp) {
  return cp == '|' || cp == 0x2022 || cp == 0xB7 || cp == 0xBB || cp == 0x203A || cp == '/' || cp == '>' ||
         cp == '~' || cp == 0x2013 || cp == 0x2014 || cp == 0x25B8 || cp == 0x25BA || cp == 0x2192;
}

bool is_bullet(char32_t cp) {
  return cp == '-' || cp == '*' || cp == 0x2022 || cp == 0xB7 || cp == 0x25AA || cp == 0x25BA || cp == 0x203A ||
         cp == '>' || cp == 0x2013 || cp == 0x25CF || cp == 0x25A0 || cp == 0x2192;
}

bool is_upper_latin(char32_t cp) {
  return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
         (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x410 && cp <= 0x42F);
}

bool is_lower_latin(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) ||
         (cp >= 0x3B1 && cp <= 0x3C9) || (cp >= 0x430 && cp <= 0x44F);
}

}  // namespace

bool is_cjk_code_point(char32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
         (cp >= 0xF900 && cp <= 0xFAFF);
}

bool is_letter_code_point(char32_t cp) {
  if (cp < 0x80) return (cp | 32) >= 'a' && (cp | 32) <= 'z';
  if (is_space_cp(cp)) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows, shapes
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFF00 && cp <= 0xFF20) return false;  // full-width punctuation
  if (cp >= 0x1F000) return false;                  // emoji
  if (cp == 0xFFFD || cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0xA0 && cp <= 0xBF) return false;       // Latin-1 punctuation and symbols
  return true;
}

namespace {

// Words are short: most fit in one 8-byte load. A multiply-xorshift mix per 8 bytes is enough
// for table lookups (the phrase and stop-word tables verify nothing else) and for line keys.
inline uint64_t mix64(uint64_t x) {
  x ^= x >> 32;
  x *= 0xD6E8FEB86659FD93ull;
  x ^= x >> 32;
  x *= 0xD6E8FEB86659FD93ull;
  x ^= x >> 32;
  return x;
}

inline uint64_t hash_normalised(const char* buf, size_t n) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xFF51AFD7ED558CCDull);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t v;
    std::memcpy(&v, buf + i, 8);
    h = mix64(h ^ v);
  }
  if (i < n) {
    uint64_t v = 0;
    std::memcpy(&v, buf + i, n - i);
    h = mix64(h ^ v ^ 0x5555);
  }
  return h ? h : 1;
}

inline char normalise_byte(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : (c >= '1' && c <= '9') ? '0' : c;
}

}  // namespace

uint64_t word_hash(std::string_view w) {
  char buf[64];
  size_t n = w.size() < sizeof buf ? w.size() : sizeof buf;
  for (size_t i = 0; i < n; ++i) buf[i] = normalise_byte(w[i]);
  return hash_normalised(buf, n);
}

void line_features(std::string_view s, LineFeatures& f, std::vector<uint64_t>* hashes, size_t max_hashes) {
  f = LineFeatures{};
  f.bytes = static_cast<uint32_t>(s.size());
  if (hashes) hashes->clear();
  char word[64];
  size_t wlen = 0;  // bytes of the current word kept in `word` (its first 64)
  bool in_word = false, word_alpha = false, word_title = false, word_all_upper = true;
  uint32_t word_letters = 0;
  bool seen_letter = false, first_sig = true;
  char32_t last_sig = 0, prev = ' ';
  auto end_word = [&] {
    if (!in_word) return;
    ++f.words;
    uint64_t h = hash_normalised(word, wlen);  // `word` is normalised as it is collected
    if (is_stop_word_hash(h)) ++f.stop_words;
    if (word_alpha) {
      ++f.alpha_words;
      if (word_title) ++f.title_words;
      if (word_all_upper && word_letters >= 2) ++f.upper_words;
    }
    if (hashes && hashes->size() < max_hashes) hashes->push_back(h);
    in_word = false;
    wlen = 0;
  };
  size_t i = 0;
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    size_t start = i;
    char32_t cp;
    if (b < 0x80) {
      cp = b;
      ++i;
    } else {
      cp = utf8_decode(s, i);
    }
    ++f.chars;
    bool letter = false, digit = false;
    if (cp < 0x80) {
      letter = ((cp | 32) >= 'a' && (cp | 32) <= 'z');
      digit = cp >= '0' && cp <= '9';
    } else {
      letter = is_letter_code_point(cp);
    }
    if (letter || digit) {
      if (letter && is_cjk_code_point(cp)) {
        end_word();
        ++f.cjk;
        ++f.letters;
        ++f.words;
        ++f.alpha_words;
        seen_letter = true;
        first_sig = false;
        last_sig = cp;
        prev = cp;
        continue;
      }
      if (!in_word) {
        in_word = true;
        word_alpha = false;
        word_title = false;
        word_all_upper = true;
        word_letters = 0;
      }
      if (letter) {
        ++f.letters;
        ++word_letters;
        bool up = is_upper_latin(cp);
        if (up) ++f.upper_letters;
        else word_all_upper = false;
        if (!word_alpha) word_title = up;
        if (!seen_letter) f.starts_lower = is_lower_latin(cp);
        word_alpha = true;
        seen_letter = true;
      } else {
        ++f.digits;
      }
      for (size_t k = start; k < i && wlen < sizeof word; ++k) word[wlen++] = normalise_byte(s[k]);
      first_sig = false;
      last_sig = cp;
      prev = cp;
      continue;
    }
    // Apostrophes inside a word join it ("don't" is one word, hashed as "dont").
    if ((cp == '\'' || cp == 0x2019) && in_word && i < s.size() && static_cast<unsigned char>(s[i]) >= 'A' &&
        (static_cast<unsigned char>(s[i]) | 32) >= 'a' && (static_cast<unsigned char>(s[i]) | 32) <= 'z') {
      last_sig = cp;
      prev = cp;
      continue;
    }
    end_word();
    if (is_space_cp(cp)) {
      prev = cp;
      continue;
    }
    if (first_sig) f.starts_bullet = is_bullet(cp);
    first_sig = false;
    if (is_quote_cp(cp)) ++f.quote_marks;
    if (is_separator(cp)) ++f.separators;
    if (cp == ',') ++f.commas;
    if (is_sentence_end(cp)) {
      if (i >= s.size() || s[i] == ' ' || is_closer(static_cast<unsigned char>(s[i]))) ++f.sentence_marks;
    } else if (!(cp == ',' || cp == ';' || cp == ':' || cp == '\'' || cp == '(' || cp == ')' || is_quote_cp(cp) ||
                 cp == 0x2019 || cp == 0x2018 || cp == '-')) {
      ++f.symbols;
    }
    if (cp == '@' && f.letters > 0) f.has_email = true;
    if (!is_closer(cp)) last_sig = cp;
    else if (last_sig == 0) last_sig = cp;
    prev = cp;
  }
  (void)prev;
  end_word();
  f.ends_sentence = is_sentence_end(last_sig);
  f.ends_colon = last_sig == ':' || last_sig == ';';
  f.ends_comma = last_sig == ',';
  f.ends_ellipsis = last_sig == 0x2026 || s.ends_with("...");
  f.has_url = s.find("http://") != std::string_view::npos || s.find("https://") != std::string_view::npos ||
              s.find("www.") != std::string_view::npos;
  if (f.has_email && s.find('.', s.find('@')) == std::string_view::npos) f.has_email = false;
}

}  // namespace pith
