#include "text/lang.h"

#include <cld2/public/compact_lang_det.h>

#include <algorithm>

namespace pith {

namespace {
// CLD2 looks at the first ~160 KB at most in practice; cap the work on very long texts.
constexpr size_t kMaxDetectBytes = 1 << 17;
}  // namespace

LanguageGuess detect_language(std::string_view text) {
  LanguageGuess g;
  size_t n = std::min(text.size(), kMaxDetectBytes);
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

}  // namespace pith
