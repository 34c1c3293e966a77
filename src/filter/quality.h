// Quality filters from the published web-corpus recipes. Each filter is a struct of thresholds
// whose defaults are the published values (docs/recipes.md cites the source of every number)
// and a check that returns "" to keep a document or the name of the rule that dropped it
// (the rule names are datatrove's, so stats compare across the two tools).
//
// Text conventions are datatrove's: a document's lines are separated by "\n", paragraphs by
// blank lines, and lengths are counted in code points.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/words.h"

namespace pith {

// Counts 64-bit hashes in an open-addressing table that is reused between documents, so the
// repetition rules allocate nothing per n-gram.
class HashCounter {
 public:
  // Empties the table, sized for up to `expected` distinct keys.
  void reset(size_t expected);
  // Adds one to h's count (recording `index` as its first position when new); returns the slot.
  size_t add(uint64_t h, uint32_t index);
  // True when h was not in the table (and now is).
  bool insert(uint64_t h) { return count(add(h, 0)) == 1; }
  uint32_t count(size_t slot) const { return counts_[slot]; }
  uint32_t first(size_t slot) const { return firsts_[slot]; }

 private:
  std::vector<uint64_t> keys_;  // 0 = empty (a real 0 hash is stored as 1)
  std::vector<uint32_t> counts_, firsts_;
  size_t mask_ = 0;
};

// Reused buffers: one per worker thread.
struct FilterScratch {
  std::vector<Token> words;
  std::vector<std::string_view> lines, paragraphs;
  std::vector<uint64_t> word_hashes;
  std::vector<uint64_t> word_units;  // GopherRepetition: units of the first k words (text/words.h)
  HashCounter table;
  std::string lowered;  // BadWords: the lowercased text
};

// Rae et al. 2021, "Scaling Language Models: Methods, Analysis & Insights from Training
// Gopher", appendix A.1.1 "MassiveWeb" quality filters; defaults as datatrove's
// GopherQualityFilter.
struct GopherQuality {
  size_t min_doc_words = 50;
  size_t max_doc_words = 100000;
  double min_avg_word_length = 3;
  double max_avg_word_length = 10;
  double max_symbol_word_ratio = 0.1;
  double max_bullet_lines_ratio = 0.9;
  double max_ellipsis_lines_ratio = 0.3;
  double max_non_alpha_words_ratio = 0.8;  // at least this share of words must have a letter
  size_t min_stop_words = 2;
  std::vector<std::string_view> stop_words = {"the", "be", "to", "of", "and", "that", "have", "with"};
  std::string_view check(std::string_view text, FilterScratch& s) const;
};

// Rae et al. 2021, table A1: repetition removal.
struct GopherRepetition {
  double dup_line_frac = 0.3;
  double dup_para_frac = 0.3;
  double dup_line_char_frac = 0.2;
  double dup_para_char_frac = 0.2;
  std::vector<std::pair<int, double>> top_n_grams = {{2, 0.2}, {3, 0.18}, {4, 0.16}};
  std::vector<std::pair<int, double>> dup_n_grams = {{5, 0.15}, {6, 0.14}, {7, 0.13},
                                                     {8, 0.12}, {9, 0.11}, {10, 0.10}};
  std::string_view check(std::string_view text, FilterScratch& s) const;
};

// Raffel et al. 2020, "Exploring the Limits of Transfer Learning with a Unified Text-to-Text
// Transformer" (C4), section 2.2, with the extra line rules of the TensorFlow Datasets C4 code
// that datatrove's C4QualityFilter follows. It rewrites the text: dropped lines go.
struct C4Quality {
  bool filter_no_terminal_punct = true;  // FineWeb turns this one off
  size_t min_num_sentences = 5;
  size_t min_words_per_line = 3;
  size_t max_word_length = 1000;
  bool remove_citations = true;
  bool filter_lorem_ipsum = true;
  bool filter_javascript = true;
  bool filter_curly_bracket = true;
  bool filter_policy = true;
  std::string_view check(std::string& text, FilterScratch& s) const;
};

// Penedo et al. 2024, "The FineWeb Datasets", section 3.3, custom filters; defaults as
// datatrove's FineWebQualityFilter.
struct FineWebQuality {
  double line_punct_thr = 0.12;
  bool line_punct_exclude_zero = false;
  double short_line_thr = 0.67;
  size_t short_line_length = 30;
  double char_duplicates_ratio = 0.01;
  double new_line_ratio = 0.3;
  std::string_view check(std::string_view text, FilterScratch& s) const;
};

// Counts the sentences of one line (terminal punctuation followed by space or the end).
size_t count_sentences(std::string_view line);

}  // namespace pith
