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
#include "pith/run.h"  // Doc, RecipeOptions, TextCleaner, recipe_names
#include "text/lang.h"

namespace pith {

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

// "none", "gopher", "c4", "fineweb" (docs/recipes.md). An unknown name is kBadInput; a model or
// list that cannot be loaded is kIo / kBadInput with "PATH: ..." in the message.
Result<Recipe> make_recipe(std::string_view name, const RecipeOptions& options = {});

}  // namespace pith
