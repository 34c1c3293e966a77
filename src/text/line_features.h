// One pass over one line: the signals that tell prose from chrome. ASCII takes a fast path;
// other code points are decoded (the input is valid UTF-8: Cleaner repairs it first).
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace pith {

struct LineFeatures {
  uint32_t bytes = 0;
  uint32_t chars = 0;          // code points
  uint32_t words = 0;          // runs of letters/digits, and characters of scripts without spaces
                               // at their share of a word (text/words.h), rounded
  uint32_t stop_words = 0;     // words in the stop-word tables (text/stop_words.h)
  uint32_t alpha_words = 0;    // words with at least one letter
  uint32_t title_words = 0;    // words whose first letter is upper case
  uint32_t upper_words = 0;    // words of 2+ letters, all upper case
  uint32_t letters = 0;
  uint32_t upper_letters = 0;
  uint32_t digits = 0;
  uint32_t cjk = 0;            // characters of scripts written without spaces: Han, kana, Thai...
  uint32_t symbols = 0;        // neither letter, digit, space nor sentence punctuation
  uint32_t separators = 0;     // | • · » › / > ~ and friends: menu and breadcrumb glue
  uint32_t quote_marks = 0;    // " “ ” „ « »
  uint32_t commas = 0;
  uint32_t sentence_marks = 0; // . ! ? … 。 ！ ？ followed by space or end
  bool ends_sentence = false;  // last significant character (closing quotes/brackets skipped) is . ! ? …
  bool ends_colon = false;     // ... or : ;
  bool ends_comma = false;
  bool starts_bullet = false;  // - * • · ▪ ► › > as first character
  bool starts_lower = false;   // first letter is lower case
  bool has_url = false;        // http:// https:// www.
  bool has_email = false;
  bool ends_ellipsis = false;  // ... or …
};

// Hash of a normalised word (ASCII lower case, digits as '0'); never 0.
uint64_t word_hash(std::string_view lower_word);

// Fills f. When hashes is given, it receives word_hash() of the first max_hashes words.
void line_features(std::string_view line, LineFeatures& f, std::vector<uint64_t>* hashes = nullptr,
                   size_t max_hashes = 64);

// The same, for a line inside a larger buffer: at least kLinePadding bytes after the end of the
// line may be read (they are not looked at), which spares the copy of each line's last bytes.
inline constexpr size_t kLinePadding = 16;
void line_features_padded(std::string_view line, LineFeatures& f, std::vector<uint64_t>* hashes, size_t max_hashes);

// Unicode classes used above, for the other stages.
bool is_cjk_code_point(char32_t cp);
bool is_letter_code_point(char32_t cp);  // approximation: not space/punct/symbol/digit

}  // namespace pith
