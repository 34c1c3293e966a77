#include "pipeline/stage.h"

#include <algorithm>

#include "text/lang.h"

namespace pith {

std::string_view LanguageStage::process(Doc& doc, FilterScratch&) const {
  LanguageGuess g = model_ ? model_->detect(doc.text) : detect_language(doc.text);
  doc.lang = g.code;
  doc.lang_score = g.score;
  if (languages_.empty()) return {};
  if (std::find(languages_.begin(), languages_.end(), g.code) == languages_.end()) return "other_language";
  // datatrove keeps a document when its score is strictly above the threshold; C4 at or above.
  if (inclusive_ ? !(g.score >= threshold_) : !(g.score > threshold_)) return "low_language_score";
  return {};
}

namespace {

// FineWeb keeps English with a fastText score above 0.65 (Penedo et al. 2024, section 3.2;
// datatrove LanguageFilter language_threshold=0.65). pith's score is CLD2's share of the text.
constexpr double kFineWebLangThreshold = 0.65;
// C4 keeps pages langdetect gives English with probability >= 0.99 (Raffel et al. 2020, 2.2).
constexpr double kC4LangThreshold = 0.99;

void add_language(Recipe& r, const RecipeOptions& o, std::vector<std::string> langs, double threshold,
                  bool inclusive = false) {
  if (o.languages_set) langs = o.languages;
  if (o.lang_threshold >= 0) threshold = o.lang_threshold;
  r.stages.push_back(std::make_unique<LanguageStage>(std::move(langs), threshold, inclusive, o.lang_model));
}

constexpr std::string_view kBadWordsStage = "c4_badwords";

}  // namespace

std::vector<std::string_view> recipe_names() { return {"none", "gopher", "c4", "fineweb"}; }

Result<Recipe> make_recipe(std::string_view name, const RecipeOptions& options) {
  RecipeOptions o = options;
  if (!o.lang_model && !o.lang_model_path.empty()) {
    auto m = FastTextLanguageModel::load(o.lang_model_path);
    if (!m) return m.error();
    o.lang_model = *m;
  }
  std::unique_ptr<BadWords> badwords;
  if (!o.badwords_path.empty()) {
    auto b = BadWords::load(o.badwords_path);
    if (!b) return b.error();
    badwords = std::make_unique<BadWords>(std::move(*b));
  }
  Recipe r;
  r.name = name;
  r.version = "1";
  r.language_model = o.lang_model ? "fasttext:" + o.lang_model->path() : "cld2";
  if (name == "none") {
    add_language(r, o, {}, 0);
  } else if (name == "gopher") {
    add_language(r, o, {}, 0);
    r.stages.push_back(std::make_unique<FilterStage<GopherRepetition>>("gopher_repetition", GopherRepetition{}));
    r.stages.push_back(std::make_unique<FilterStage<GopherQuality>>("gopher_quality", GopherQuality{}));
  } else if (name == "c4") {
    // Version 2: the bad-words rule.
    r.version = "2";
    add_language(r, o, {"en"}, kC4LangThreshold, /*inclusive=*/true);
    r.stages.push_back(std::make_unique<FilterStage<C4Quality>>("c4_quality", C4Quality{}));
    if (!badwords)
      r.skipped_rules.emplace_back(kBadWordsStage, "no bad-words list given (--badwords FILE)");
  } else if (name == "fineweb") {
    // The order of datatrove's examples/fineweb.py: language, Gopher repetition, Gopher
    // quality, C4 (without the terminal punctuation rule), FineWeb's own.
    add_language(r, o, {"en"}, kFineWebLangThreshold);
    r.stages.push_back(std::make_unique<FilterStage<GopherRepetition>>("gopher_repetition", GopherRepetition{}));
    r.stages.push_back(std::make_unique<FilterStage<GopherQuality>>("gopher_quality", GopherQuality{}));
    C4Quality c4;
    c4.filter_no_terminal_punct = false;
    r.stages.push_back(std::make_unique<FilterStage<C4Quality>>("c4_quality", c4));
    r.stages.push_back(std::make_unique<FilterStage<FineWebQuality>>("fineweb_quality", FineWebQuality{}));
  } else {
    return Error{ErrorCode::kBadInput, "unknown recipe \"" + std::string(name) + "\" (none, gopher, c4, fineweb)"};
  }
  // C4's bad-words rule, after the recipe's quality filters (TFDS C4 also runs it after the
  // line cleaning).
  if (badwords) {
    r.badwords_file = o.badwords_path;
    r.stages.push_back(std::make_unique<FilterStage<BadWords>>(std::string(kBadWordsStage), std::move(*badwords)));
  }
  return r;
}

}  // namespace pith
