// Word tokens for the quality filters: whitespace-separated chunks with leading and trailing
// punctuation split off as tokens of their own, close to what NLTK's Treebank word_tokenize
// (used by datatrove's filters) gives for English ("Hello, world!" -> Hello , world !).
// Tokens are views into the text; lengths for the rules are in code points, as Python's len().
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace pith {

struct Token {
  std::string_view s;
  uint32_t chars = 0;   // code points
  bool punct = false;   // a single ASCII punctuation character (Python: w in string.punctuation)
  bool has_alpha = false;
};

void tokenize_words(std::string_view text, std::vector<Token>& out);

// Lines as Python's str.splitlines() (on \n, \r\n, \r), without the line breaks.
void split_lines(std::string_view text, std::vector<std::string_view>& out);

// Code points in s.
size_t char_count(std::string_view s);

// True if the code point at s[i] is a letter (Unicode category L*, as Python's isalpha()).
bool is_letter_at(std::string_view s, size_t& i);

}  // namespace pith
