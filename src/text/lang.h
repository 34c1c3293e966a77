// Language identification with CLD2 (Compact Language Detector 2, as used in Chrome).
#pragma once
#include <string>
#include <string_view>

namespace pith {

struct LanguageGuess {
  std::string code;    // ISO 639-1 where there is one ("en", "de", "zh"), "un" when unknown
  double score = 0;    // CLD2's share of the text in that language, 0..1
  bool reliable = false;
};

// Thread-safe: CLD2 keeps no state between calls.
LanguageGuess detect_language(std::string_view utf8_text);

}  // namespace pith
