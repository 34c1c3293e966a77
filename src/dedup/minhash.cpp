// MinHash signatures: text normalisation, word n-gram shingles, the per-function mixing, and
// datatrove's scheme for the compatibility mode.
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <xxhash.h>

#include <algorithm>
#include <cstring>
#include <random>

#include "core/utf8.h"
#include "pith/dedup.h"
#include "text/line_features.h"

namespace pith {

namespace {

// White space as Python's str.isspace() (the \s of datatrove's regular expressions): ASCII
// \t\n\v\f\r and space, \x1c-\x1f, NEL, NBSP and the Unicode space separators.
bool is_space_cp(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}

// datatrove's utils/text.py PUNCTUATION: these characters are deleted (not turned into spaces)
// by simplify_text, with the C0 controls but \t and \n, and DEL and the C1 controls.
constexpr std::u32string_view kDatatrovePunctuation =
    U"!/—”:％１〈&(、━\\【#%「」，】；+^]~“《„';’{|∶´[=-`*．（–？！：$～«〉,><》)?）。…@_.\"}►»";

bool is_datatrove_punctuation(char32_t c) {
  if (c <= 8 || c == 11 || c == 12 || (c >= 13 && c <= 31) || (c >= 127 && c <= 159)) return true;
  return kDatatrovePunctuation.find(c) != std::u32string_view::npos;
}

const UNormalizer2* nfd() {
  static const UNormalizer2* n = [] {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2* p = unorm2_getNFDInstance(&err);
    return U_SUCCESS(err) ? p : nullptr;
  }();
  return n;
}

// The code points of c's canonical decomposition without its non-spacing marks (é -> e):
// unicodedata.normalize("NFD") followed by dropping category Mn, one code point at a time.
void append_without_marks(char32_t c, std::u32string& out) {
  UChar buf[16];
  UErrorCode err = U_ZERO_ERROR;
  int32_t n = nfd() ? unorm2_getDecomposition(nfd(), static_cast<UChar32>(c), buf, 16, &err) : -1;
  if (n < 0 || U_FAILURE(err)) {
    if (u_charType(static_cast<UChar32>(c)) != U_NON_SPACING_MARK) out.push_back(c);
    return;
  }
  for (int32_t i = 0; i < n;) {
    UChar32 d;
    U16_NEXT(buf, i, n, d);
    if (u_charType(d) != U_NON_SPACING_MARK) out.push_back(static_cast<char32_t>(d));
  }
}

// Appends the UTF-8 of a word's code points, with each run of digits as one "0".
class WordBuilder {
 public:
  explicit WordBuilder(NormalizedText& out) : out_(out) {}
  void letter(char32_t c) {
    start();
    in_digits_ = false;
    if (c < 0x80) out_.text.push_back(static_cast<char>(c));
    else utf8_append(c, out_.text);
  }
  void digit() {
    start();
    if (!in_digits_) out_.text.push_back('0');
    in_digits_ = true;
  }
  void end() {
    if (open_) out_.ends.push_back(static_cast<uint32_t>(out_.text.size()));
    open_ = false;
    in_digits_ = false;
  }

 private:
  void start() {
    if (open_) return;
    if (!out_.text.empty()) out_.text.push_back(' ');
    out_.starts.push_back(static_cast<uint32_t>(out_.text.size()));
    open_ = true;
  }
  NormalizedText& out_;
  bool open_ = false, in_digits_ = false;
};

// pith's normalisation, as FineWeb's: lower case, punctuation and symbols removed (inside a word
// they glue its pieces: "e-mail" -> "email"), each run of digits one "0" (also across
// punctuation: "1,000" -> "0"), diacritics removed, and a CJK, kana or hangul character a word of
// its own, so that text written without spaces has words too. ASCII takes the fast path.
void normalize_fast(std::string_view s, NormalizedText& out) {
  WordBuilder w(out);
  std::u32string tmp;
  for (size_t i = 0; i < s.size();) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      if (b >= 'a' && b <= 'z') w.letter(b);
      else if (b >= 'A' && b <= 'Z') w.letter(b | 0x20);
      else if (b >= '0' && b <= '9') w.digit();
      else if (is_space_cp(b)) w.end();
      continue;  // punctuation, symbols and controls are removed
    }
    size_t len = utf8_sequence_length(s, i);
    if (len == 0) {
      ++i;
      continue;
    }
    char32_t c = utf8_decode(s, i);
    if (is_space_cp(c)) {
      w.end();
      continue;
    }
    if (is_cjk_code_point(c)) {
      w.end();
      w.letter(c);
      w.end();
      continue;
    }
    const int8_t type = u_charType(static_cast<UChar32>(c));
    if (type == U_DECIMAL_DIGIT_NUMBER) {
      w.digit();
      continue;
    }
    const bool letter_like = type == U_UPPERCASE_LETTER || type == U_LOWERCASE_LETTER || type == U_TITLECASE_LETTER ||
                             type == U_MODIFIER_LETTER || type == U_OTHER_LETTER || type == U_COMBINING_SPACING_MARK ||
                             type == U_LETTER_NUMBER || type == U_OTHER_NUMBER;
    if (!letter_like) continue;  // punctuation, symbols, marks, format and control characters
    tmp.clear();
    append_without_marks(static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))), tmp);
    for (char32_t d : tmp) w.letter(d);
  }
  w.end();
}

// datatrove's simplify_text (lower, white space, punctuation, NFD without Mn, \d+ -> 0), then
// words split on white space.
void normalize_datatrove(std::string_view s, NormalizedText& out) {
  WordBuilder w(out);
  std::u32string tmp;
  for (size_t i = 0; i < s.size();) {
    char32_t c;
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      c = static_cast<unsigned char>(s[i++]);
    } else if (utf8_sequence_length(s, i) == 0) {
      ++i;
      continue;
    } else {
      c = utf8_decode(s, i);
    }
    c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
    if (is_space_cp(c)) {
      w.end();
      continue;
    }
    if (is_datatrove_punctuation(c)) continue;
    tmp.clear();
    if (c < 0x80) tmp.push_back(c);
    else append_without_marks(c, tmp);
    for (char32_t d : tmp) {
      if (d < 0x80 ? (d >= '0' && d <= '9') : u_charType(static_cast<UChar32>(d)) == U_DECIMAL_DIGIT_NUMBER) w.digit();
      else w.letter(d);
    }
  }
  w.end();
}

// The Mersenne prime of datatrove's (and datasketch's) universal hashing, 2^61 - 1.
constexpr uint64_t kMersenne61 = (1ull << 61) - 1;

// numpy's RandomState(seed).randint(low, high, dtype=np.uint64, size=count): MT19937 seeded by
// init_genrand, 64-bit draws as (first << 32 | second), and the masked rejection sampling that
// the legacy generator keeps for backward compatibility.
std::vector<uint64_t> numpy_randint_u64(std::mt19937& mt, uint64_t low, uint64_t high, size_t count) {
  const uint64_t range = high - 1 - low;
  uint64_t mask = range;
  for (int shift = 1; shift < 64; shift <<= 1) mask |= mask >> shift;
  std::vector<uint64_t> out(count);
  for (auto& v : out) {
    uint64_t x;
    do {
      uint64_t hi = mt();
      uint64_t lo = mt();
      x = ((hi << 32) | lo) & mask;
    } while (x > range);
    v = low + x;
  }
  return out;
}

uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// One shingle hash through every hash function, keeping the minimum per function. Function j is
// murmur3's 32-bit finaliser of the hash's low half xor seed j, with the high half folded in
// between the two multiplications: two multiplies and five shifts/xors per 32-bit lane, which
// compilers vectorise (8 lanes with AVX2: the clone picked at load time on CPUs that have it).
// (GCC only, as in text/line_features.cpp: clang's sanitizer builds crash in the clone's resolver.)
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("avx2", "default")))
#endif
void minhash_lanes(const uint64_t* shingles, size_t n, const uint32_t* seeds, uint32_t* mins, size_t k) {
  for (size_t j = 0; j < k; ++j) mins[j] = UINT32_MAX;
  for (size_t i = 0; i < n; ++i) {
    const uint32_t lo = static_cast<uint32_t>(shingles[i]);
    const uint32_t hi = static_cast<uint32_t>(shingles[i] >> 32);
    for (size_t j = 0; j < k; ++j) {
      uint32_t v = lo ^ seeds[j];
      v ^= v >> 16;
      v *= 0x85EBCA6Bu;
      v ^= hi;
      v ^= v >> 13;
      v *= 0xC2B2AE35u;
      v ^= v >> 16;
      mins[j] = v < mins[j] ? v : mins[j];
    }
  }
}

}  // namespace

void normalize_words(std::string_view text, bool datatrove_compat, NormalizedText& out) {
  out.text.clear();
  out.starts.clear();
  out.ends.clear();
  if (datatrove_compat) normalize_datatrove(text, out);
  else normalize_fast(text, out);
}

std::string dedup_normalize(std::string_view text, bool datatrove_compat) {
  NormalizedText n;
  normalize_words(text, datatrove_compat, n);
  return std::move(n.text);
}

MinHasher::MinHasher(const DedupOptions& o) : options(o) {
  const size_t k = static_cast<size_t>(o.bands) * o.rows;
  if (o.datatrove_compat) {
    std::mt19937 mt(static_cast<uint32_t>(o.seed));
    compat_a = numpy_randint_u64(mt, 1, kMersenne61, k);
    compat_b = numpy_randint_u64(mt, 0, kMersenne61, k);
  } else {
    uint64_t state = o.seed;
    seeds.resize(k);
    for (auto& s : seeds) s = static_cast<uint32_t>(splitmix64(state));
  }
}

void MinHasher::shingles(std::string_view text, std::vector<uint64_t>& out) const {
  NormalizedText n;
  normalize_words(text, options.datatrove_compat, n);
  shingles_of(n, out);
}

void MinHasher::shingles_of(const NormalizedText& n, std::vector<uint64_t>& out) const {
  out.clear();
  const size_t words = n.starts.size();
  if (words == 0) return;
  const size_t g = std::max(1u, options.ngram);
  auto hash = [&](size_t first, size_t last) {
    const char* p = n.text.data() + n.starts[first];
    const size_t len = n.ends[last] - n.starts[first];
    return options.datatrove_compat ? XXH64(p, len, 0) : XXH3_64bits(p, len);
  };
  if (words < g) {
    // datatrove's ngrams() yields nothing for a short text: no signature in compat mode.
    if (!options.datatrove_compat) out.push_back(hash(0, words - 1));
    return;
  }
  out.reserve(words - g + 1);
  for (size_t i = 0; i + g <= words; ++i) out.push_back(hash(i, i + g - 1));
}

void MinHasher::signature_of(const std::vector<uint64_t>& sh, std::vector<uint64_t>& out) const {
  out.clear();
  if (sh.empty()) return;
  const size_t k = static_cast<size_t>(options.bands) * options.rows;
  if (options.datatrove_compat) {
    // numpy: (shingles * a + b) % p in uint64, the product and sum wrapping modulo 2^64.
    out.assign(k, UINT64_MAX);
    for (uint64_t h : sh)
      for (size_t j = 0; j < k; ++j) out[j] = std::min(out[j], (h * compat_a[j] + compat_b[j]) % kMersenne61);
    return;
  }
  uint32_t mins[1024];
  std::vector<uint32_t> big;
  uint32_t* m = mins;
  if (k > 1024) {
    big.resize(k);
    m = big.data();
  }
  minhash_lanes(sh.data(), sh.size(), seeds.data(), m, k);
  out.assign(m, m + k);
}

void MinHasher::signature(std::string_view text, std::vector<uint64_t>& out) const {
  std::vector<uint64_t> sh;
  shingles(text, sh);
  signature_of(sh, out);
}

void MinHasher::band_keys(const std::vector<uint64_t>& sig, std::vector<uint64_t>& out) const {
  out.clear();
  if (sig.empty()) return;
  // The band's values in the width they have (32-bit lanes, or datatrove's 64-bit values).
  const size_t rows = options.rows;
  if (options.datatrove_compat) {
    for (size_t b = 0; b < options.bands; ++b) out.push_back(XXH3_64bits(sig.data() + b * rows, rows * 8));
    return;
  }
  uint32_t lanes[256];
  for (size_t b = 0; b < options.bands; ++b) {
    for (size_t r = 0; r < rows && r < 256; ++r) lanes[r] = static_cast<uint32_t>(sig[b * rows + r]);
    out.push_back(XXH3_64bits(lanes, std::min<size_t>(rows, 256) * 4));
  }
}

}  // namespace pith
