#include "text/lang.h"

#include <cld2/public/compact_lang_det.h>

#include <algorithm>
#include <string>

#include "core/utf8.h"
#include "text/words.h"

namespace pith {

LanguageGuess detect_language(std::string_view text, size_t max_bytes) {
  LanguageGuess g;
  size_t n = std::min(text.size(), max_bytes);
  // Do not cut inside a UTF-8 sequence.
  while (n > 0 && n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  CLD2::Language language3[3];
  int percent3[3] = {0, 0, 0};
  int text_bytes = 0;
  bool reliable = false;
  // The Ext version says UNKNOWN_LANGUAGE where the others default to English.
  CLD2::Language top = CLD2::ExtDetectLanguageSummary(text.data(), static_cast<int>(n), /*is_plain_text=*/true,
                                                      language3, percent3, &text_bytes, &reliable);
  if (top == CLD2::UNKNOWN_LANGUAGE) {
    g.code = "un";
    return g;
  }
  g.code = CLD2::LanguageCode(top);
  for (int i = 0; i < 3; ++i)
    if (language3[i] == top) g.score = percent3[i] / 100.0;
  g.reliable = reliable;
  return g;
}

ScriptFit script_fit(std::string_view language_code, std::string_view text, size_t max_bytes) {
  // Share of the letters, out of 10, beyond which the text contradicts the language.
  constexpr uint32_t kMinLetters = 20;
  constexpr uint32_t kOtherInLatinLanguage = 5;   // more than half in other scripts
  constexpr uint32_t kLatinInOtherLanguage = 9;   // more than nine in ten Latin
  const std::string code(language_code);
  const CLD2::Language language = CLD2::GetLanguageFromName(code.c_str());
  if (language == CLD2::UNKNOWN_LANGUAGE) return ScriptFit::kUnknownLanguage;
  const bool latin = CLD2::IsLatnLanguage(language), other = CLD2::IsOthrLanguage(language);
  if (latin == other) return ScriptFit::kFits;
  uint32_t latin_letters = 0, other_letters = 0;
  const size_t n = std::min(text.size(), max_bytes);
  for (size_t i = 0; i < n;) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      latin_letters += ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
      ++i;
      continue;
    }
    size_t at = i;
    if (!is_letter_at(text, i)) continue;
    const char32_t cp = utf8_decode(text, at);
    const bool latin_cp = cp < 0x250 || (cp >= 0x1E00 && cp < 0x1F00) || (cp >= 0xFF21 && cp <= 0xFF5A);
    (latin_cp ? latin_letters : other_letters) += 1;
  }
  const uint32_t letters = latin_letters + other_letters;
  if (letters < kMinLetters) return ScriptFit::kFits;
  if (latin && other_letters * 10 > letters * kOtherInLatinLanguage) return ScriptFit::kContradicts;
  if (other && latin_letters * 10 > letters * kLatinInOtherLanguage) return ScriptFit::kContradicts;
  return ScriptFit::kFits;
}

}  // namespace pith
