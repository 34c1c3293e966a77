// C4's bad-words rule: Raffel et al. 2020, "Exploring the Limits of Transfer Learning with a
// Unified Text-to-Text Transformer", section 2.2: a page is dropped when it contains any word of
// the "List of Dirty, Naughty, Obscene or Otherwise Bad Words" (LDNOOBW). The list is not
// shipped with pith: the user gives it (pith run --badwords FILE).
//
// Matching is datatrove's C4BadWordsFilter for languages with spaces (and TFDS C4's): the text
// is lowercased and an entry matches where it is flanked by a non-word character (Python's
// \W: not a letter, digit or "_") or the start / end of the text, i.e. the regular expression
// (?:\W|^)(entry1|entry2|...)(?:\W|$). Entries may be phrases ("bar baz") and may hold
// punctuation; they match byte for byte after lowercasing.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "filter/quality.h"
#include "pith/result.h"

namespace pith {

class BadWords {
 public:
  // One entry per line, trimmed of white space; blank lines are skipped. Errors: kIo
  // ("FILE: cannot read bad-words list: ..."), kBadInput (no entries).
  static Result<BadWords> load(const std::string& path);
  explicit BadWords(const std::vector<std::string>& entries);

  // "c4_badwords" when the text contains an entry as a whole word or phrase, else "".
  std::string_view check(std::string_view text, FilterScratch& s) const;
  // The first entry found (for tests and messages), or "" when none.
  std::string find(std::string_view text, FilterScratch& s) const;
  size_t size() const { return entries_; }

 private:
  struct Node {
    std::vector<std::pair<unsigned char, uint32_t>> next;
    bool end = false;
  };
  // Byte trie of the lowercased entries; root_[b] is the child of the root for byte b (0 = none).
  std::vector<Node> nodes_;
  uint32_t root_[256] = {};
  size_t entries_ = 0;
  void add(std::string_view lowered);
  // Length of an entry that starts at t[i] and ends before a non-word character or the end, or 0.
  size_t match_at(std::string_view t, size_t i) const;
};

// Unicode simple lowercase of UTF-8 text (malformed bytes are copied as they are).
void utf8_lowercase(std::string_view s, std::string& out);

}  // namespace pith
