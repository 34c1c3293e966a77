#include "text/noise.h"

#include <algorithm>

#include "core/utf8.h"
#include "text/line_features.h"

namespace pith {

namespace {

constexpr char32_t kLeftDouble = 0x201C, kRightDouble = 0x201D;

bool is_lower(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7); }
bool is_end(char32_t c) { return c == '.' || c == '!' || c == '?'; }
bool is_close_quote(char32_t c) { return c == '"' || c == kRightDouble; }

// Weight of one artefact against the sentences around it: one artefact per ten sentences
// gives a score of 0.5 (score = a / (a + 0.1 * sentences)).
constexpr double kSentencesPerArtefact = 0.1;

}  // namespace

NoiseSignals noise_signals(const std::vector<std::string_view>& paragraphs) {
  NoiseSignals n;
  uint32_t sentences = 0;
  std::vector<char32_t> cps;
  for (std::string_view p : paragraphs) {
    cps.clear();
    for (size_t i = 0; i < p.size();) cps.push_back(utf8_decode(p, i));
    uint32_t straight = 0, left = 0, right = 0;
    for (size_t i = 0; i < cps.size(); ++i) {
      char32_t c = cps[i];
      char32_t prev = i ? cps[i - 1] : U' ';
      char32_t next = i + 1 < cps.size() ? cps[i + 1] : U' ';
      if (c == 0xFFFD) ++n.replacement_chars;
      if (c == '"') ++straight;
      if (c == kLeftDouble) ++left;
      if (c == kRightDouble) ++right;
      if (c == '"' || c == kLeftDouble || c == kRightDouble || c == 0x201E) ++n.quote_marks;
      if (is_end(c) && (next == ' ' || i + 1 == cps.size())) ++sentences;
      // A curly quote facing the wrong way: a closing quote after a space and before a
      // letter, or an opening quote at the end of a word.
      if (c == kRightDouble && prev == ' ' && is_letter_code_point(next)) ++n.misplaced_quotes;
      if (c == kLeftDouble && is_letter_code_point(prev) && (next == ' ' || is_end(next))) ++n.misplaced_quotes;
      // A sentence closed inside a quote, then the sentence goes on in lower case:
      // `would be.” another continued violation`.
      if (is_end(c) && i + 3 < cps.size() && is_close_quote(next) && cps[i + 2] == ' ' && is_lower(cps[i + 3]))
        ++n.glued_fragments;
      if (is_end(c) && next == ' ' && i + 2 < cps.size() && is_lower(cps[i + 2]) && i >= 3 &&
          std::all_of(cps.begin() + static_cast<long>(i) - 3, cps.begin() + static_cast<long>(i),
                      [](char32_t x) { return is_lower(x); }))
        ++n.glued_fragments;  // `word. another`: a full stop inside a sentence
      if ((c == '.' || c == ',') && next == c && !(c == '.' && i + 2 < cps.size() && cps[i + 2] == '.'))
        ++n.doubled_punctuation;
      if (is_close_quote(c) && next == '.' && i >= 1 && is_end(prev)) ++n.doubled_punctuation;
    }
    if (straight % 2 == 1 || left != right) ++n.unbalanced_quotes;
  }
  uint32_t artefacts = n.unbalanced_quotes + n.misplaced_quotes + n.glued_fragments + n.doubled_punctuation;
  double s = sentences ? sentences : 1;
  n.score = artefacts ? artefacts / (artefacts + kSentencesPerArtefact * s) : 0.0;
  return n;
}

}  // namespace pith
