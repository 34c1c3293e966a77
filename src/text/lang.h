// Language identification: CLD2 (Compact Language Detector 2, as used in Chrome) by default,
// or a fastText model given by path (lid.176.bin, the model FineWeb and datatrove use).
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "pith/result.h"

namespace pith {

struct LanguageGuess {
  std::string code;    // ISO 639-1 where there is one ("en", "de", "zh"), "un" when unknown
  double score = 0;    // CLD2: its share of the text in that language; fastText: the probability
  bool reliable = false;
};

// Thread-safe: CLD2 keeps no state between calls. Reads at most max_bytes of the text (cut at a
// character boundary): CLD2 costs about as much per byte as parsing the HTML, and a few KB
// name a language as surely as the whole text does.
LanguageGuess detect_language(std::string_view utf8_text, size_t max_bytes = size_t(1) << 17);

// Whether a text's letters are in a script its declared language is written in: a Latin-script
// language's text with most of its letters in other scripts (lang="en" on a Chinese page), or
// another script's language with almost all in Latin letters, contradicts it. Languages written
// in both (Serbian, Azerbaijani, Uzbek) fit any text; so does a text of under 20 letters.
// Reads at most max_bytes. kUnknownLanguage: a code CLD2 does not know as a language ("utf").
enum class ScriptFit { kFits, kContradicts, kUnknownLanguage };
ScriptFit script_fit(std::string_view language_code, std::string_view utf8_text, size_t max_bytes);

// A fastText supervised model whose labels are languages ("__label__en"). Loaded once; detect()
// is const and allocates its own state, so one model is shared read-only by any number of
// threads (fastText's FastText::predict builds a fresh Model::State per call).
class FastTextLanguageModel {
 public:
  // Errors: kIo "PATH: cannot load fastText model: <fastText's reason>".
  static Result<std::shared_ptr<const FastTextLanguageModel>> load(const std::string& path);
  ~FastTextLanguageModel();

  // The top label without "__label__" and its probability, on the text with its newlines
  // replaced by spaces and a "\n" at the end, as datatrove's FastTextLID and fastText's Python
  // predict() do (so even an empty text gets a label, from fastText's end-of-line token).
  LanguageGuess detect(std::string_view utf8_text) const;
  const std::string& path() const { return path_; }

 private:
  FastTextLanguageModel() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string path_;
};

}  // namespace pith
