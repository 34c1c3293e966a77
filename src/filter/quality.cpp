#include "filter/quality.h"

#include <xxhash.h>

#include <algorithm>

#include "core/strings.h"
#include "core/utf8.h"

namespace pith {

namespace {

uint64_t hash_of(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

std::string_view lstrip(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (is_ascii_space(s[i]) || s[i] == '\v') {
      ++i;
    } else if (s.substr(i, 2) == "\xc2\xa0") {  // NBSP, which Python's strip() also removes
      i += 2;
    } else {
      break;
    }
  }
  return s.substr(i);
}
std::string_view rstrip(std::string_view s) {
  size_t n = s.size();
  while (n > 0) {
    if (is_ascii_space(s[n - 1]) || s[n - 1] == '\v') {
      --n;
    } else if (n >= 2 && s.substr(n - 2, 2) == "\xc2\xa0") {
      n -= 2;
    } else {
      break;
    }
  }
  return s.substr(0, n);
}
std::string_view strip(std::string_view s) { return rstrip(lstrip(s)); }

size_t count_substr(std::string_view hay, std::string_view needle) {
  size_t n = 0;
  for (size_t p = hay.find(needle); p != std::string_view::npos; p = hay.find(needle, p + needle.size())) ++n;
  return n;
}

// datatrove's find_duplicates: elements seen before, and their characters.
std::pair<size_t, size_t> find_duplicates(const std::vector<std::string_view>& xs, FilterScratch& s) {
  s.table.reset(xs.size());
  size_t dup = 0, dup_chars = 0;
  for (std::string_view x : xs) {
    if (!s.table.insert(hash_of(x))) {
      ++dup;
      dup_chars += char_count(x);
    }
  }
  return {dup, dup_chars};
}

// Paragraphs: re.split(r"\n{2,}", text.strip()).
void split_paragraphs(std::string_view text, std::vector<std::string_view>& out) {
  out.clear();
  text = strip(text);
  size_t start = 0, i = 0;
  while (i < text.size()) {
    if (text[i] == '\n' && i + 1 < text.size() && text[i + 1] == '\n') {
      out.push_back(text.substr(start, i - start));
      while (i < text.size() && text[i] == '\n') ++i;
      start = i;
    } else {
      ++i;
    }
  }
  out.push_back(text.substr(start));
}

uint64_t ngram_hash(const std::vector<uint64_t>& wh, size_t i, size_t end) {
  return XXH3_64bits(&wh[i], (end - i) * sizeof(uint64_t));
}

// Characters of the n-gram words[i, end) joined by spaces; characters of unspaced scripts
// are joined without one, as the text writes them.
size_t ngram_chars(const std::vector<Token>& words, size_t i, size_t end) {
  size_t c = words[i].chars;
  for (size_t k = i + 1; k < end; ++k)
    c += words[k].chars + (words[k].units == kWordUnits || words[k - 1].units == kWordUnits);
  return c;
}

// The n-grams of the repetition rules span n words: n tokens of a spaced script, more tokens
// where characters of an unspaced script are a share of a word each (text/words.h). prefix[k]
// is the units of words[0, k); starts are asked for in increasing order.
class NgramSpans {
 public:
  NgramSpans(const std::vector<uint64_t>& prefix, int n) : prefix_(prefix), need_(static_cast<uint64_t>(n) * kWordUnits) {}
  // The end of the n-gram starting at token i, or 0 when the text has no n words from i on.
  size_t end(size_t i) {
    if (prefix_.back() - prefix_[i] < need_) return 0;
    if (end_ <= i) end_ = i + 1;
    while (prefix_[end_] - prefix_[i] < need_) ++end_;
    return end_;
  }

 private:
  const std::vector<uint64_t>& prefix_;
  const uint64_t need_;
  size_t end_ = 0;
};

// Sentence ends besides the ASCII ones of C4 and FineWeb (. ! ? and the quotes " '): the full
// stops, question and exclamation marks of other scripts (as datatrove's later
// TERMINAL_PUNCTUATION, which FineWeb's line rule uses by default), and the closing quotes a
// quoted sentence ends with. Chinese and Japanese write 。！？ with no space after them.
constexpr char32_t kSentenceMarks[] = {
    0x3002, 0xFF0E, 0xFF61,  // 。．｡ ideographic, full-width and half-width full stops
    0xFF01, 0xFF1F,          // ！？ full-width exclamation and question marks
    0x203C, 0x2047, 0x2048, 0x2049,  // ‼ ⁇ ⁈ ⁉
    0x061F, 0x06D4,          // ؟ Arabic question mark, ۔ Urdu full stop
    0x0964, 0x0965,          // । ॥ Devanagari danda, double danda (Hindi, Bengali, ...)
    0x0589,                  // ։ Armenian full stop
    0x1362, 0x1367, 0x1368,  // ። ፧ ፨ Ethiopic full stop, question mark, paragraph separator
    0x104A, 0x104B,          // ၊ ။ Myanmar section marks
    0x17D4, 0x17D5,          // ។ ៕ Khmer khan, bariyoosan
    0x0F0D, 0x0F0E,          // ། ༎ Tibetan shad
    0x201D, 0x2019, 0x00BB,  // ” ’ » closing quotes
    0x300D, 0x300F, 0xFF02,  // 」』＂ CJK closing quotes
};
// Thai and Lao mark no sentence end: a space or the line break ends a sentence. A line that
// ends in their letters ends a sentence when it is prose, this many words at least (pith
// clean's prose line, text/clean.cpp); a menu item or a label is a word or two.
constexpr double kUnmarkedSentenceMinWords = 9;

bool is_unmarked_script(char32_t cp) { return cp >= 0x0E00 && cp <= 0x0EFF; }

// The last code point of s (s not empty), or U+FFFD for a broken sequence.
char32_t last_code_point(std::string_view s) {
  size_t i = s.size() - 1;
  while (i > 0 && i + 4 > s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  if (utf8_sequence_length(s, i) != s.size() - i) return 0xFFFD;
  return utf8_decode(s, i);
}

// Whether a line (stripped) ends a sentence, as C4's and FineWeb's line rules ask, in every
// script: C4's marks, kSentenceMarks, or a prose line in a script without sentence marks.
bool ends_sentence(std::string_view line) {
  if (line.empty()) return false;
  const char last = line.back();
  if (last == '.' || last == '?' || last == '!' || last == '"' || last == '\'') return true;
  if (static_cast<unsigned char>(last) < 0x80) return false;
  const char32_t cp = last_code_point(line);
  if (std::find(std::begin(kSentenceMarks), std::end(kSentenceMarks), cp) != std::end(kSentenceMarks)) return true;
  return is_unmarked_script(cp) && static_cast<double>(word_units(line)) >= kUnmarkedSentenceMinWords * kWordUnits;
}

// A sentence end inside a line: the CJK and other marks of kSentenceMarks that are no quotes
// end a sentence without a space after them.
bool is_inner_sentence_mark(char32_t cp) {
  return cp != 0x201D && cp != 0x2019 && cp != 0x00BB && cp != 0x300D && cp != 0x300F && cp != 0xFF02 &&
         std::find(std::begin(kSentenceMarks), std::end(kSentenceMarks), cp) != std::end(kSentenceMarks);
}

constexpr std::string_view kTopNames[] = {"", "", "top_2_gram", "top_3_gram", "top_4_gram", "top_5_gram"};
constexpr std::string_view kDupNames[] = {"", "", "", "", "", "duplicated_5_n_grams", "duplicated_6_n_grams",
                                          "duplicated_7_n_grams", "duplicated_8_n_grams", "duplicated_9_n_grams",
                                          "duplicated_10_n_grams"};

}  // namespace

void HashCounter::reset(size_t expected) {
  size_t cap = 64;
  while (cap < 2 * expected + 16) cap <<= 1;
  if (keys_.size() != cap) {
    keys_.assign(cap, 0);
    counts_.assign(cap, 0);
    firsts_.assign(cap, 0);
  } else {
    std::fill(keys_.begin(), keys_.end(), 0);
  }
  mask_ = cap - 1;
}

size_t HashCounter::add(uint64_t h, uint32_t index) {
  if (h == 0) h = 1;
  size_t i = static_cast<size_t>(h) & mask_;
  while (keys_[i] != 0 && keys_[i] != h) i = (i + 1) & mask_;
  if (keys_[i] == 0) {
    keys_[i] = h;
    counts_[i] = 0;
    firsts_[i] = index;
  }
  ++counts_[i];
  return i;
}

std::string_view GopherQuality::check(std::string_view text, FilterScratch& s) const {
  tokenize_words(text, s.words);
  // Words and their length in word equivalents (text/words.h): a Han character is 2/3 of a
  // word and as long as the Latin characters it stands for, so that Chinese passes the length
  // rules as English does; for spaced scripts these are the token count and code points.
  double n_words = 0, word_chars = 0;
  for (const Token& w : s.words)
    if (!w.punct) {
      const double share = static_cast<double>(w.units) / kWordUnits;
      n_words += share;
      word_chars += w.units == kWordUnits ? w.chars : kSpacedCharsPerWord * share;
    }
  if (min_doc_words && n_words < min_doc_words) return "gopher_short_doc";
  if (max_doc_words && n_words > max_doc_words) return "gopher_long_doc";
  double avg = n_words > 0 ? word_chars / n_words : 0;
  if (min_avg_word_length && avg < min_avg_word_length) return "gopher_below_avg_threshold";
  if (max_avg_word_length && avg > max_avg_word_length) return "gopher_above_avg_threshold";
  if (max_symbol_word_ratio && static_cast<double>(count_substr(text, "#")) / n_words > max_symbol_word_ratio)
    return "gopher_too_many_hashes";
  if (max_symbol_word_ratio &&
      static_cast<double>(count_substr(text, "...") + count_substr(text, "\xe2\x80\xa6")) / n_words >
          max_symbol_word_ratio)
    return "gopher_too_many_ellipsis";
  split_lines(text, s.lines);
  if (!s.lines.empty()) {
    size_t bullets = 0, ellipsis = 0;
    for (std::string_view line : s.lines) {
      if (lstrip(line).starts_with("\xe2\x80\xa2")) ++bullets;  // U+2022 BULLET
      std::string_view r = rstrip(line);
      if (r.ends_with("...") || r.ends_with("\xe2\x80\xa6")) ++ellipsis;
    }
    double n = static_cast<double>(s.lines.size());
    if (max_bullet_lines_ratio && bullets / n > max_bullet_lines_ratio) return "gopher_too_many_bullets";
    if (max_ellipsis_lines_ratio && ellipsis / n > max_ellipsis_lines_ratio) return "gopher_too_many_end_ellipsis";
  }
  double alpha = 0;
  size_t stops = 0;
  for (const Token& w : s.words) {
    if (w.has_alpha) alpha += static_cast<double>(w.units) / kWordUnits;
    if (std::find(stop_words.begin(), stop_words.end(), w.s) != stop_words.end()) ++stops;
  }
  if (max_non_alpha_words_ratio && alpha / n_words < max_non_alpha_words_ratio)
    return "gopher_below_alpha_threshold";
  if (min_stop_words && stops < min_stop_words) return "gopher_enough_stop_words";
  return {};
}

std::string_view GopherRepetition::check(std::string_view text, FilterScratch& s) const {
  const double text_chars = static_cast<double>(char_count(text));
  if (text_chars == 0) return "dup_para_frac";
  split_paragraphs(text, s.paragraphs);
  auto [para_dups, para_chars] = find_duplicates(s.paragraphs, s);
  if (dup_para_frac && static_cast<double>(para_dups) / s.paragraphs.size() > dup_para_frac) return "dup_para_frac";
  if (dup_para_char_frac && para_chars / text_chars > dup_para_char_frac) return "dup_para_char_frac";

  split_lines(text, s.lines);
  if (!s.lines.empty()) {
    auto [line_dups, line_chars] = find_duplicates(s.lines, s);
    if (dup_line_frac && static_cast<double>(line_dups) / s.lines.size() > dup_line_frac) return "dup_line_frac";
    if (dup_line_char_frac && line_chars / text_chars > dup_line_char_frac) return "dup_line_char_frac";
  }

  tokenize_words(text, s.words);
  const auto& words = s.words;
  s.word_hashes.resize(words.size());
  s.word_units.resize(words.size() + 1);
  s.word_units[0] = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    s.word_hashes[i] = hash_of(words[i].s);
    s.word_units[i + 1] = s.word_units[i] + words[i].units;
  }

  // The most frequent n-gram (the first seen on a tie, as Counter.most_common) times its count.
  for (auto [n, frac] : top_n_grams) {
    NgramSpans spans(s.word_units, n);
    if (spans.end(0) == 0) continue;
    s.table.reset(words.size());
    uint32_t best_count = 0, best_first = 0;
    for (size_t i = 0, end; (end = spans.end(i)) != 0; ++i) {
      size_t slot = s.table.add(ngram_hash(s.word_hashes, i, end), static_cast<uint32_t>(i));
      uint32_t count = s.table.count(slot), first = s.table.first(slot);
      if (count > best_count || (count == best_count && first < best_first)) {
        best_count = count;
        best_first = first;
      }
    }
    NgramSpans best(s.word_units, n);
    double top_chars = static_cast<double>(ngram_chars(words, best_first, best.end(best_first))) * best_count;
    if (top_chars / text_chars > frac) return kTopNames[std::min(n, 5)];
  }

  // Characters in n-grams seen before; after a repeat, the scan jumps past it so that
  // overlapping repeats count once.
  for (auto [n, frac] : dup_n_grams) {
    NgramSpans spans(s.word_units, n);
    if (spans.end(0) == 0) continue;
    s.table.reset(words.size());
    size_t repeated = 0, i = 0;
    for (size_t end; (end = spans.end(i)) != 0;) {
      if (!s.table.insert(ngram_hash(s.word_hashes, i, end))) {
        repeated += ngram_chars(words, i, end);
        i = end;
      } else {
        ++i;
      }
    }
    if (repeated / text_chars > frac) return kDupNames[std::clamp(n, 5, 10)];
  }
  return {};
}

size_t count_sentences(std::string_view line) {
  size_t n = 0, i = 0;
  bool after_mark = false;  // since the last sentence counted at a mark of kSentenceMarks: only marks
  while (i < line.size()) {
    char c = line[i];
    if (c == '.' || c == '!' || c == '?') {
      after_mark = false;
      while (i < line.size() && (line[i] == '.' || line[i] == '!' || line[i] == '?')) ++i;
      while (i < line.size() && (line[i] == '"' || line[i] == '\'' || line[i] == ')' || line[i] == ']')) ++i;
      if (i == line.size() || line[i] == ' ' || line[i] == '\t') ++n;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      // 。！？ and the other scripts' marks end a sentence with or without a space after them;
      // a run of them ("！？", "。」") ends one.
      const char32_t cp = utf8_sequence_length(line, i) ? utf8_decode(line, i) : (++i, 0xFFFD);
      if (is_inner_sentence_mark(cp)) {
        n += !after_mark;
        after_mark = true;
      } else if (std::find(std::begin(kSentenceMarks), std::end(kSentenceMarks), cp) == std::end(kSentenceMarks)) {
        after_mark = false;
      }
    } else {
      after_mark = after_mark && is_ascii_space(c);
      ++i;
    }
  }
  // Text after the last terminal mark is a sentence of its own.
  std::string_view t = rstrip(line);
  if (!t.empty() && !ends_sentence(t)) ++n;
  return std::max<size_t>(n, t.empty() ? 0 : 1);
}

std::string_view C4Quality::check(std::string& text, FilterScratch& s) const {
  static constexpr std::string_view kPolicy[] = {"terms of use",  "privacy policy", "cookie policy",
                                                 "uses cookies",  "use of cookies", "use cookies"};
  split_lines(text, s.lines);
  std::string kept;
  kept.reserve(text.size());
  size_t sentences = 0;
  std::string cleaned, lower;
  for (std::string_view raw : s.lines) {
    std::string_view line = strip(raw);
    // words = line.split(), where a chunk of an unspaced script's characters is the words it
    // holds (text/words.h), not one word: a line of Chinese is neither one word nor a long one.
    uint64_t word_units = 0;
    bool long_word = false;
    for (size_t i = 0; i < line.size();) {
      while (i < line.size() && is_ascii_space(line[i])) ++i;
      size_t st = i;
      while (i < line.size() && !is_ascii_space(line[i])) ++i;
      if (i > st) {
        const uint64_t units = chunk_word_units(line.substr(st, i - st));
        word_units += units;
        if (max_word_length && i - st > max_word_length && char_count(line.substr(st, i - st)) > max_word_length &&
            !has_unspaced_script(line.substr(st, i - st)))
          long_word = true;
      }
    }
    const double n_words = static_cast<double>(word_units) / kWordUnits;
    if (long_word) continue;
    cleaned.assign(line);
    if (remove_citations) {
      // [123], [], [edit], [citation needed]
      std::string out;
      for (size_t i = 0; i < cleaned.size();) {
        if (cleaned[i] == '[') {
          size_t j = i + 1;
          while (j < cleaned.size() && cleaned[j] >= '0' && cleaned[j] <= '9') ++j;
          if (j < cleaned.size() && cleaned[j] == ']') {
            i = j + 1;
            continue;
          }
          std::string_view rest = std::string_view(cleaned).substr(i);
          if (rest.starts_with("[edit]")) {
            i += 6;
            continue;
          }
          if (rest.starts_with("[citation needed]")) {
            i += 17;
            continue;
          }
        }
        out.push_back(cleaned[i++]);
      }
      cleaned.swap(out);
    }
    std::string_view cl = cleaned;
    if (filter_no_terminal_punct) {
      if (!ends_sentence(cl) || cl.ends_with("...")) continue;
    }
    if (n_words < min_words_per_line) continue;
    lower = ascii_lowercase(cl);
    if (filter_lorem_ipsum && lower.find("lorem ipsum") != std::string::npos) return "lorem_ipsum";
    if (filter_javascript && lower.find("javascript") != std::string::npos) continue;
    if (filter_curly_bracket && cl.find('{') != std::string_view::npos) return "curly_bracket";
    if (filter_policy) {
      bool hit = false;
      for (std::string_view p : kPolicy) hit = hit || lower.find(p) != std::string::npos;
      if (hit) continue;
    }
    sentences += count_sentences(cl);
    if (!kept.empty()) kept.push_back('\n');
    kept.append(cl);
  }
  if (sentences < min_num_sentences) return "too_few_sentences";
  text.assign(strip(kept));
  return {};
}

std::string_view FineWebQuality::check(std::string_view text, FilterScratch& s) const {
  // lines = text.split("\n")
  s.lines.clear();
  for (size_t start = 0;;) {
    size_t nl = text.find('\n', start);
    s.lines.push_back(text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  size_t punct = 0, short_lines = 0;
  for (std::string_view line : s.lines) {
    if (ends_sentence(line)) ++punct;
    if (char_count(line) <= short_line_length) ++short_lines;
  }
  double n = static_cast<double>(s.lines.size());
  double ratio = punct / n;
  if (ratio <= line_punct_thr && !(ratio == 0 && line_punct_exclude_zero)) return "line_punct_ratio";
  if (short_lines / n >= short_line_thr) return "short_line_ratio";

  std::vector<std::string_view> non_empty;
  non_empty.reserve(s.lines.size());
  size_t newlines = s.lines.size() - 1;
  for (std::string_view line : s.lines)
    if (!strip(line).empty()) non_empty.push_back(line);
  double chars_without_nl = static_cast<double>(char_count(text) - newlines);
  auto [dups, dup_chars] = find_duplicates(non_empty, s);
  (void)dups;
  if (chars_without_nl <= 0 || dup_chars / chars_without_nl >= char_duplicates_ratio) return "char_dup_ratio";

  tokenize_words(text, s.words);
  double words = 0;  // tokens, in word equivalents (text/words.h)
  for (const Token& w : s.words) words += static_cast<double>(w.units) / kWordUnits;
  if (s.words.empty() || static_cast<double>(newlines) / words > new_line_ratio) return "list_ratio";
  return {};
}

}  // namespace pith
