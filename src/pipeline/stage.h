// Pipeline stages: each takes a document and keeps it or drops it with a reason, as
// datatrove's filters do. Stages are immutable and shared by the workers; what a worker
// reuses between documents lives in its FilterScratch.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "filter/badwords.h"
#include "filter/quality.h"
#include "pith/result.h"
#include "text/lang.h"

namespace pith {

// One document on its way through the pipeline.
struct Doc {
  std::string id, url, date;  // date: crawl date (WARC-Date) or the input's "date"
  std::string source;         // input file
  uint64_t offset = 0;        // decompressed offset of its record in the input
  std::string text;
  std::string title, author, published, sitename, description, page_type, html_lang;
  std::string lang;
  double lang_score = 0;
  std::string comments;  // HTML records with --comments: the comment section
  double noise = -1;     // text records: pith clean's noise score (0..1); -1 when not measured
};

class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::string_view name() const = 0;
  // "" keeps the document; anything else is the reason it is dropped.
  virtual std::string_view process(Doc& doc, FilterScratch& scratch) const = 0;
};

// Language identification: CLD2, or the fastText model when one is given (shared read-only
// by every worker). With no languages it only labels; otherwise it keeps documents in one of
// them whose score is above the threshold.
class LanguageStage : public Stage {
 public:
  // inclusive: keep at score >= threshold (C4's "at least 0.99"); else > (datatrove's rule).
  LanguageStage(std::vector<std::string> languages, double threshold, bool inclusive = false,
                std::shared_ptr<const FastTextLanguageModel> model = nullptr)
      : languages_(std::move(languages)), threshold_(threshold), inclusive_(inclusive), model_(std::move(model)) {}
  std::string_view name() const override { return "language"; }
  std::string_view process(Doc& doc, FilterScratch& scratch) const override;

 private:
  std::vector<std::string> languages_;
  double threshold_;
  bool inclusive_;
  std::shared_ptr<const FastTextLanguageModel> model_;  // null: CLD2
};

// Wraps a filter struct from filter/quality.h.
template <class F>
class FilterStage : public Stage {
 public:
  FilterStage(std::string name, F filter) : name_(std::move(name)), filter_(std::move(filter)) {}
  std::string_view name() const override { return name_; }
  std::string_view process(Doc& doc, FilterScratch& scratch) const override { return filter_.check(doc.text, scratch); }

 private:
  std::string name_;
  F filter_;
};

struct Recipe {
  std::string name;     // e.g. "fineweb"
  std::string version;  // bumped whenever a rule or threshold changes
  std::vector<std::unique_ptr<Stage>> stages;
  std::string language_model;              // "cld2" or "fasttext:PATH"
  std::string badwords_file;               // the list of the c4_badwords stage, "" when none
  // Rules of the recipe that could not run, rule -> why (e.g. "c4_badwords" -> "no list ...").
  std::vector<std::pair<std::string, std::string>> skipped_rules;
};

struct RecipeOptions {
  bool languages_set = false;          // when true, `languages` replaces the recipe's list
  std::vector<std::string> languages;  // empty = label only
  double lang_threshold = -1;          // < 0: the recipe's own
  // A fastText language-ID model (lid.176.bin): used instead of CLD2 when given. lang_model
  // wins over lang_model_path, which make_recipe loads.
  std::shared_ptr<const FastTextLanguageModel> lang_model;
  std::string lang_model_path;
  // C4's bad-words list (LDNOOBW), one entry per line: the c4 recipe's c4_badwords stage; other
  // recipes add the stage after their quality filters. Without it the c4 recipe skips the rule.
  std::string badwords_path;
};

// "none", "gopher", "c4", "fineweb" (docs/recipes.md). An unknown name is kBadInput; a model or
// list that cannot be loaded is kIo / kBadInput with "PATH: ..." in the message.
Result<Recipe> make_recipe(std::string_view name, const RecipeOptions& options = {});
std::vector<std::string_view> recipe_names();

// The hook for WET / plain-text records: rewrites doc.text (and may fill title and
// published) or returns a drop reason. run_pipeline's default is pith::Cleaner (pith clean).
using TextCleaner = std::function<std::string_view(Doc& doc)>;

}  // namespace pith
