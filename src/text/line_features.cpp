#include "text/line_features.h"

#include <algorithm>
#include <cstring>

#include "core/utf8.h"
#include "text/stop_words.h"
#include "text/words.h"

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

// A word of up to 7 bytes (most words): one multiply and xorshift of its bytes and its length.
// For a given length the bytes map one to one onto hashes, and the length constants differ in
// their top byte, which such a word leaves zero: two short words never share a hash.
inline uint64_t hash_short(uint64_t v, size_t n) {
  uint64_t x = (v ^ (n * 0x9E3779B97F4A7C15ull)) * 0xD6E8FEB86659FD93ull;
  x ^= x >> 32;
  return x ? x : 1;
}

// buf holds n <= kWordBytes bytes and at least 8 readable bytes after each 8-byte step, so the
// last step is a full load, masked.
constexpr size_t kWordBytes = 64;
inline uint64_t hash_normalised(const char* buf, size_t n) {
  uint64_t v;
  if (n < 8) {
    std::memcpy(&v, buf, 8);
    return hash_short(v & ~(~0ull << (8 * n)), n);
  }
  uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xFF51AFD7ED558CCDull);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::memcpy(&v, buf + i, 8);
    h = mix64(h ^ v);
  }
  if (i < n) {
    std::memcpy(&v, buf + i, 8);
    v &= ~0ull >> (8 * (8 - (n - i)));
    h = mix64(h ^ v ^ 0x5555);
  }
  return h ? h : 1;
}

inline char normalise_byte(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : (c >= '1' && c <= '9') ? '0' : c;
}

}  // namespace

uint64_t word_hash(std::string_view w) {
  char buf[kWordBytes + 8] = {};
  size_t n = w.size() < kWordBytes ? w.size() : kWordBytes;
  for (size_t i = 0; i < n; ++i) buf[i] = normalise_byte(w[i]);
  return hash_normalised(buf, n);
}

namespace {

// One table lookup per ASCII byte instead of a chain of comparisons.
enum : uint8_t {
  kLower = 1,       // a-z
  kUpper = 2,       // A-Z
  kDigit = 4,       // 0-9
  kSpace = 8,       // is_space_cp
  kPlainPunct = 16, // punctuation that is not a symbol: , ; : ' ( ) " -
  kWordChar = kLower | kUpper | kDigit,
};

struct AsciiTable {
  uint8_t cls[256] = {};  // bytes of multi-byte sequences: 0
  char norm[128] = {};
  constexpr AsciiTable() {
    for (int c = 0; c < 128; ++c) {
      uint8_t k = 0;
      if (c >= 'a' && c <= 'z') k = kLower;
      else if (c >= 'A' && c <= 'Z') k = kUpper;
      else if (c >= '0' && c <= '9') k = kDigit;
      else if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') k = kSpace;
      else if (c == ',' || c == ';' || c == ':' || c == '\'' || c == '(' || c == ')' || c == '"' || c == '-') k = kPlainPunct;
      cls[c] = k;
      norm[c] = static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : (c >= '1' && c <= '9') ? '0' : c);
    }
  }
};
constexpr AsciiTable kAscii;

// Eight bytes at a time (SWAR, "Bit Twiddling Hacks", Anderson: hasbetween): the high bit of
// each byte of the result is set when that byte lies strictly between m and n (m, n <= 128);
// exact per byte, bytes >= 0x80 never match.
constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHigh = 0x80 * kOnes;
constexpr uint64_t kLow7 = 0x7F * kOnes;
inline uint64_t bytes_between(uint64_t x, uint64_t m, uint64_t n) {
  return ((kOnes * (127 + n) - (x & kLow7)) & ~x & ((x & kLow7) + kOnes * (127 - m))) & kHigh;
}

// The number of bytes whose high bit is set in a bytes_between() mask. In the x86-64-v3 build
// of the line scan (line_features below) this is one popcnt; the baseline build, for CPUs
// older than Haswell, and word(), which is out of line and not cloned, call libgcc's popcount
// instead (where a multiply of the bits moved to the low end of each byte would be a little
// faster): a cost of the rare long words and of old CPUs.
inline uint32_t count_high_bits(uint64_t m) {
  return static_cast<uint32_t>(__builtin_popcountll(m));
}

}  // namespace

// One pass over the line, in a small hot loop: spaces, and ASCII words shorter than 8 bytes that
// end inside one 8-byte load (most words), which are classified, case-folded and hashed in
// registers (SWAR). Everything else (longer words, apostrophes, UTF-8, punctuation) takes the
// out-of-line paths of LineScanner, which follow the per-code-point rules.
class LineScanner {
 public:
  // padded: at least kPadding bytes after the line may be read (they are not looked at).
  LineScanner(std::string_view s, std::vector<uint64_t>* hashes, size_t max_hashes, bool padded,
              const StopWordTable& stop)
      : s_(s), p_(s.data()), n_(s.size()), hashes_(hashes), max_hashes_(max_hashes), stop_(stop), padded_(padded) {}

  [[gnu::always_inline]] void run(LineFeatures& out) {
    if (hashes_) hashes_->clear();
    hash_room_ = hashes_ ? std::min(max_hashes_, kBufferedHashes) : 0;
    size_t i = 0;
    const char* const p = p_;
    const size_t n = n_;
    while (i < n) {
      const unsigned char b = static_cast<unsigned char>(p[i]);
      if (kAscii.cls[b] & kWordChar) {
        if (padded_ || i + 16 <= n) {
          if (short_word(p + i, i, n - i)) continue;
        } else {
          // The last bytes of the line, copied into a zero-padded block: a zero byte ends a
          // word as the end of the line does.
          char tail[24] = {};
          std::memcpy(tail, p + i, n - i);
          if (short_word(tail, i, n - i)) continue;
        }
        i = word(i);
        continue;
      }
      if (b == ' ') {
        ++chars_;
        ++i;
        continue;
      }
      i = other(i);
    }
    finish(out);
  }

 private:
  void add_word(uint64_t h, bool alpha, bool title, bool all_upper, uint32_t letters, bool digits, size_t len) {
    ++f_.words;
    // Without a branch (StopWordTable): the table is probed for every word.
    f_.stop_words += !digits & (len <= stop_.max_bytes) & stop_.has(h);
    if (alpha) {
      ++f_.alpha_words;
      f_.title_words += title;
      f_.upper_words += all_upper && letters >= 2;
    }
    if (nhashes_ < hash_room_) {
      hash_buf_[nhashes_++] = h;
    } else if (hashes_ && nhashes_ < max_hashes_) {  // more than kBufferedHashes wanted
      if (hashes_->empty()) hashes_->assign(hash_buf_, hash_buf_ + nhashes_);
      hashes_->push_back(h);
      ++nhashes_;
    }
  }

  // The letters, upper-case letters and digits of an 8-byte block, as high-bit masks, and the
  // block lower-cased with digits 1-9 as '0' (as word_hash() normalises).
  struct Block {
    uint64_t letters, upper, digits, stop, norm;
    explicit Block(uint64_t v) {
      letters = bytes_between(v | (0x20 * kOnes), '`', '{');
      digits = bytes_between(v, '/', ':');
      stop = ~(letters | digits) & kHigh;
      upper = letters & ~(v << 2);  // letters with the 0x20 bit clear
      // Letters get the 0x20 bit; digits '0'-'9' (0x30-0x39) lose their low four bits.
      norm = (v | (letters >> 2)) & ~((digits >> 7) * 0x0F);
    }
    void keep(size_t len) {  // only the first len bytes (len < 8)
      const uint64_t k = (1ull << (8 * len)) - 1;
      letters &= k;
      upper &= k;
      digits &= k;
      norm &= k;
    }
    void end_at(size_t limit) {  // the line ends after limit bytes: what follows is no word
      if (limit >= 8) return;
      const uint64_t k = (1ull << (8 * limit)) - 1;
      letters &= k;
      upper &= k;
      digits &= k;
      stop = ~(letters | digits) & kHigh;
    }
  };

  // An ASCII word of under 16 bytes at q (16 readable bytes, of which limit belong to the line),
  // ended by an ASCII byte that does not glue it on (not an apostrophe) or by the end of the
  // line: classified and hashed from two loads at most. False when the word is not such a word
  // (word() takes it).
  [[gnu::always_inline]] bool short_word(const char* q, size_t& i, size_t limit) {
    uint64_t v;
    std::memcpy(&v, q, 8);
    Block a(v);
    a.end_at(limit);
    size_t len;
    uint64_t h;
    uint32_t letters, uppers;
    bool title = false, all_upper, digits;
    uint64_t first_letters, first_upper;  // the block that holds the first letter
    unsigned char next;                   // the byte after the word, 0 at the end of the line
    if (a.stop) {
      len = static_cast<size_t>(__builtin_ctzll(a.stop)) >> 3;  // >= 1
      next = len < limit ? static_cast<unsigned char>(q[len]) : 0;
      if (next >= 0x80 || next == '\'') return false;
      a.keep(len);
      h = hash_short(a.norm, len);  // == hash_normalised of the same bytes
      letters = count_high_bits(a.letters);
      uppers = count_high_bits(a.upper);
      all_upper = a.upper == a.letters;
      digits = a.digits != 0;
      first_letters = a.letters;
      first_upper = a.upper;
    } else {
      std::memcpy(&v, q + 8, 8);
      Block b(v);
      b.end_at(limit - 8);
      if (!b.stop) return false;
      const size_t rest = static_cast<size_t>(__builtin_ctzll(b.stop)) >> 3;  // may be 0
      next = 8 + rest < limit ? static_cast<unsigned char>(q[8 + rest]) : 0;
      if (next >= 0x80 || next == '\'') return false;
      b.keep(rest);
      len = 8 + rest;
      // == hash_normalised of the same bytes: a full block, then the masked rest if any.
      h = mix64((0x9E3779B97F4A7C15ull ^ (len * 0xFF51AFD7ED558CCDull)) ^ a.norm);
      if (rest) h = mix64(h ^ b.norm ^ 0x5555);
      h = h ? h : 1;
      letters = count_high_bits(a.letters) + count_high_bits(b.letters);
      uppers = count_high_bits(a.upper) + count_high_bits(b.upper);
      all_upper = a.upper == a.letters && b.upper == b.letters;
      digits = (a.digits | b.digits) != 0;
      first_letters = a.letters ? a.letters : b.letters;
      first_upper = a.letters ? a.upper : b.upper;
    }
    if (first_letters) {
      title = (first_upper >> __builtin_ctzll(first_letters)) & 1;
      // The first letter of the line sets starts_lower (false until then), without a branch.
      f_.starts_lower |= !seen_letter_ & !title;
      seen_letter_ = true;
    }
    add_word(h, letters != 0, title, all_upper, letters, digits, len);
    f_.letters += letters;
    f_.upper_letters += uppers;
    f_.digits += static_cast<uint32_t>(len) - letters;
    chars_ += static_cast<uint32_t>(len);
    first_sig_ = false;
    last_sig_ = static_cast<unsigned char>(q[len - 1]);
    i += len;
    // The space after most words: taken here, not by another turn of the loop (and without a
    // branch, as words end in spaces and punctuation in no predictable order).
    const uint32_t space = next == ' ';
    chars_ += space;
    i += space;
    return true;
  }

  // A whole word from i (ASCII letters and digits, letters of other scripts but CJK, glued by an
  // apostrophe before a letter: "don't" is one word, hashed as "dont"); returns its end.
  [[gnu::noinline]] size_t word(size_t i) {
    char buf[kWordBytes + 16];  // room for an 8-byte load at any length up to kWordBytes
    size_t len = 0;
    bool alpha = false, title = false, all_upper = true, digits = false;
    uint32_t letters = 0;
    auto letter = [&](bool up, bool lower) {
      ++f_.letters;
      ++letters;
      if (up) ++f_.upper_letters;
      else all_upper = false;
      if (!alpha) title = up;
      if (!seen_letter_) f_.starts_lower = lower;
      alpha = true;
      seen_letter_ = true;
    };
    auto ascii_letter_at = [&](size_t k) {
      return k < n_ && (kAscii.cls[static_cast<unsigned char>(p_[k])] & (kLower | kUpper));
    };
    // Runs of ASCII letters and digits 8 bytes at a time, as in short_word(); the bytes after
    // the run (an apostrophe, UTF-8, the end of the line) take the loop below.
    while (i + 8 <= n_) {
      uint64_t v;
      std::memcpy(&v, p_ + i, 8);
      uint64_t lt = bytes_between(v | (0x20 * kOnes), '`', '{');
      uint64_t dg = bytes_between(v, '/', ':');
      const uint64_t stop_mask = ~(lt | dg) & kHigh;
      const size_t run = stop_mask ? static_cast<size_t>(__builtin_ctzll(stop_mask)) >> 3 : 8;
      if (run == 0) break;
      const uint64_t keep = run == 8 ? ~0ull : (1ull << (8 * run)) - 1;
      lt &= keep;
      dg &= keep;
      const uint64_t up = lt & ~(v << 2);
      const uint32_t nl = count_high_bits(lt), nu = count_high_bits(up);
      if (lt) {
        const bool first_up = (up >> __builtin_ctzll(lt)) & 1;
        if (!alpha) {
          title = first_up;
          alpha = true;
        }
        if (!seen_letter_) {
          f_.starts_lower = !first_up;
          seen_letter_ = true;
        }
        if (up != lt) all_upper = false;
      }
      digits |= dg != 0;
      letters += nl;
      f_.letters += nl;
      f_.upper_letters += nu;
      f_.digits += static_cast<uint32_t>(run) - nl;
      if (len < kWordBytes) {
        const uint64_t norm = (v | (lt >> 2)) & ~((dg >> 7) * 0x0F);  // as in Block
        std::memcpy(buf + len, &norm, 8);
        len = std::min(len + run, kWordBytes);
      }
      chars_ += static_cast<uint32_t>(run);
      first_sig_ = false;
      last_sig_ = static_cast<unsigned char>(p_[i + run - 1]);
      i += run;
      if (run < 8) break;
    }
    while (i < n_) {
      const unsigned char b = static_cast<unsigned char>(p_[i]);
      if (b < 0x80) {
        const uint8_t k = kAscii.cls[b];
        if (k & (kLower | kUpper)) {
          letter(k & kUpper, k & kLower);
        } else if (k & kDigit) {
          ++f_.digits;
          digits = true;
        } else if (b == '\'' && ascii_letter_at(i + 1)) {
          ++chars_;
          last_sig_ = b;
          ++i;
          continue;
        } else {
          break;
        }
        if (len < kWordBytes) buf[len++] = kAscii.norm[b];
        ++chars_;
        first_sig_ = false;
        last_sig_ = b;
        ++i;
        continue;
      }
      size_t next = i;
      const char32_t cp = utf8_decode(s_, next);
      if (is_letter_code_point(cp) && !unspaced_word_units(cp)) {
        letter(is_upper_latin(cp), is_lower_latin(cp));
        for (size_t k = i; k < next && len < kWordBytes; ++k) buf[len++] = p_[k];
      } else if (cp == 0x2019 && ascii_letter_at(next)) {
        // the apostrophe glues the word on
      } else {
        break;
      }
      ++chars_;
      first_sig_ = false;
      last_sig_ = cp;
      i = next;
    }
    add_word(hash_normalised(buf, len), alpha, title, all_upper, letters, digits, len);
    return i;
  }

  // One code point at i that does not start an ASCII word and is not a plain space: other
  // white space, punctuation, a CJK character (a word of its own), or the first letter of a
  // word in another script. Returns the end of what it took.
  [[gnu::noinline]] size_t other(size_t i) {
    const unsigned char b = static_cast<unsigned char>(p_[i]);
    if (b < 0x80) {
      ++chars_;
      ++i;
      const uint8_t k = kAscii.cls[b];
      if (k & kSpace) return i;
      if (first_sig_) f_.starts_bullet = b == '-' || b == '*' || b == '>';
      first_sig_ = false;
      switch (b) {
        case '"': ++f_.quote_marks; break;
        case '|': case '/': case '>': case '~': ++f_.separators; break;
        case ',': ++f_.commas; break;
        case '@': if (f_.letters > 0) f_.has_email = true; break;
        case ':':
          if (!f_.has_url && i + 1 < n_ && p_[i] == '/' && p_[i + 1] == '/' &&
              ((i >= 5 && std::memcmp(p_ + i - 5, "http", 4) == 0) || (i >= 6 && std::memcmp(p_ + i - 6, "https", 5) == 0)))
            f_.has_url = true;
          break;
        case '.':
          if (!f_.has_url && i >= 4 && std::memcmp(p_ + i - 4, "www", 3) == 0) f_.has_url = true;
          break;
        default: break;
      }
      if (b == '.' || b == '!' || b == '?') {
        if (i >= n_ || p_[i] == ' ' || is_closer(static_cast<unsigned char>(p_[i]))) ++f_.sentence_marks;
      } else if (!(k & kPlainPunct)) {
        ++f_.symbols;
      }
      if (!is_closer(b)) last_sig_ = b;
      else if (last_sig_ == 0) last_sig_ = b;
      return i;
    }
    size_t next = i;
    const char32_t cp = utf8_decode(s_, next);
    if (is_letter_code_point(cp)) {
      const uint32_t units = unspaced_word_units(cp);
      if (!units) return word(i);
      ++chars_;
      ++f_.cjk;
      ++f_.letters;
      unspaced_units_ += units;
      seen_letter_ = true;
      first_sig_ = false;
      last_sig_ = cp;
      return next;
    }
    ++chars_;
    if (is_space_cp(cp)) return next;
    if (first_sig_) f_.starts_bullet = is_bullet(cp);
    first_sig_ = false;
    if (is_quote_cp(cp)) ++f_.quote_marks;
    if (is_separator(cp)) ++f_.separators;
    if (is_sentence_end(cp)) {
      if (next >= n_ || p_[next] == ' ' || is_closer(static_cast<unsigned char>(p_[next]))) ++f_.sentence_marks;
    } else if (!(is_quote_cp(cp) || cp == 0x2019 || cp == 0x2018)) {
      ++f_.symbols;
    }
    if (!is_closer(cp)) last_sig_ = cp;
    else if (last_sig_ == 0) last_sig_ = cp;
    return next;
  }

  void finish(LineFeatures& out) {
    // Characters of scripts without spaces, as the words they make (a Han character is 2/3 of
    // a word): "a prose line needs 9 words" means as much text in every script.
    const uint32_t unspaced_words = static_cast<uint32_t>((unspaced_units_ + kWordUnits / 2) / kWordUnits);
    f_.words += unspaced_words;
    f_.alpha_words += unspaced_words;
    f_.bytes = static_cast<uint32_t>(n_);
    f_.chars = chars_;
    f_.ends_sentence = is_sentence_end(last_sig_);
    f_.ends_colon = last_sig_ == ':' || last_sig_ == ';';
    f_.ends_comma = last_sig_ == ',';
    f_.ends_ellipsis = last_sig_ == 0x2026 || s_.ends_with("...");
    if (f_.has_email && s_.find('.', s_.find('@')) == std::string_view::npos) f_.has_email = false;
    if (hashes_ && hashes_->empty()) hashes_->assign(hash_buf_, hash_buf_ + std::min(nhashes_, hash_room_));
    out = f_;
  }

  const std::string_view s_;
  const char* const p_;
  const size_t n_;
  std::vector<uint64_t>* const hashes_;
  const size_t max_hashes_;
  const StopWordTable& stop_;
  const bool padded_;
  LineFeatures f_{};
  uint32_t chars_ = 0;
  uint64_t unspaced_units_ = 0;  // word units of the characters of scripts without spaces
  size_t nhashes_ = 0;
  static constexpr size_t kBufferedHashes = 64;  // kLineKeyWords: all that the Cleaner asks for
  size_t hash_room_ = 0;
  uint64_t hash_buf_[kBufferedHashes];
  bool seen_letter_ = false, first_sig_ = true;
  char32_t last_sig_ = 0;
};

// Built twice: for baseline x86-64 and for x86-64-v3 (popcnt, BMI, AVX2), chosen when the
// program loads (GCC function multi-versioning). The loop is the same; the newer instructions
// make the SWAR steps shorter.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("default", "arch=x86-64-v3")))
#endif
void line_features(std::string_view s, LineFeatures& out, std::vector<uint64_t>* hashes, size_t max_hashes) {
  static const StopWordTable& stop = stop_word_table();  // a guard test per line, not a call
  LineScanner(s, hashes, max_hashes, false, stop).run(out);
}

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("default", "arch=x86-64-v3")))
#endif
void line_features_padded(std::string_view s, LineFeatures& out, std::vector<uint64_t>* hashes, size_t max_hashes) {
  static const StopWordTable& stop = stop_word_table();
  LineScanner(s, hashes, max_hashes, true, stop).run(out);
}

}  // namespace pith
