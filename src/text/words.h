// Word tokens for the quality filters: whitespace-separated chunks with leading and trailing
// punctuation split off as tokens of their own, close to what NLTK's Treebank word_tokenize
// (used by datatrove's filters) gives for English ("Hello, world!" -> Hello , world !).
// Tokens are views into the text; lengths for the rules are in code points, as Python's len().
//
// Words in every script: a rule that counts words ("a prose line needs 9 words", "a document
// needs 50 words") or characters (the link density and weight of a block) must mean the same
// amount of text whether the page is English, Chinese or Thai. Scripts that separate words
// with spaces are counted by their spaces. The scripts that write no spaces between words
// (Han, kana, Thai, Lao, Khmer, Myanmar, Tibetan) are counted by code points, at the code
// points a word takes in that script (kUnspacedScripts below); a run of them is one chunk to a
// space splitter, and would otherwise count as one word. Where characters are counted, a
// character of a dense script (Han, kana, Hangul) weighs the Latin characters it stands for
// (text_width).
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
  // Word equivalents in kWordUnits: kWordUnits for a spaced word, less for one character of a
  // script written without spaces (a Han character is 2/3 of a word).
  uint32_t units = 0;
};

// One word in fixed point: a unit is 1/60 of a word, so that the per-character shares of the
// scripts below (1/1.5, 1/2.5, 1/4) are whole units.
inline constexpr uint32_t kWordUnits = 60;
// Visible characters (no spaces) of a word in the spaced scripts: about 4.7 letters per English
// word plus its punctuation; the unit of text_width.
inline constexpr double kSpacedCharsPerWord = 5;

// A script that matters to word counting: its code points per word, and whether its words are
// separated by spaces.
struct ScriptWords {
  std::string_view name;
  double chars_per_word;
  bool spaced;
};

// The scripts that are not counted as plain spaced words (Latin, Cyrillic, Greek, Arabic, ...
// are: they return nullptr). Sources of the ratios: Chinese words average 1.5-1.7 characters in
// segmented corpora (PKU, Sighan bakeoffs), and Chinese text runs about 1.5 characters per word
// of its English translation; Japanese text mixes kanji with kana, about 2.5 kana per word;
// Hangul is written with spaces, a syllable block standing for about 2.5 Latin letters; Thai,
// Lao, Khmer, Myanmar and Tibetan words average about 4 code points with their vowel and tone
// marks.
const ScriptWords* script_words(char32_t cp);

// Word units of one character of a script written without spaces; 0 for any other.
uint32_t unspaced_word_units(char32_t cp);

// Whether s holds a character of a script written without spaces.
bool has_unspaced_script(std::string_view s);

// Words in text, in kWordUnits.
// A chunk between white space counts one word (as str.split() counts it) unless it holds
// characters of an unspaced script: then those at their share, plus one per run of other
// characters holding a letter or digit ("iPhone" in "新款iPhone发布").
uint64_t word_units(std::string_view text);
uint64_t chunk_word_units(std::string_view chunk);
inline double count_words(std::string_view text) { return static_cast<double>(word_units(text)) / kWordUnits; }

// Visible (non-space) characters of text in Latin-character equivalents: a character of a
// script counts kSpacedCharsPerWord / chars_per_word, rounded (Han 3, kana and Hangul 2, the
// rest 1). ASCII takes a fast path.
uint32_t text_width(std::string_view text);

// A run of an unspaced script inside a chunk becomes one token per character (units at the
// script's share), and its punctuation (，。「」) tokens of their own (punct).
void tokenize_words(std::string_view text, std::vector<Token>& out);

// Lines as Python's str.splitlines() (on \n, \r\n, \r), without the line breaks.
void split_lines(std::string_view text, std::vector<std::string_view>& out);

// Code points in s.
size_t char_count(std::string_view s);

// True if the code point at s[i] is a letter (Unicode category L*, as Python's isalpha()).
bool is_letter_at(std::string_view s, size_t& i);

}  // namespace pith
