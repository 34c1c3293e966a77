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

#include "filter/quality.h"
#include "pith/result.h"

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
};

class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::string_view name() const = 0;
  // "" keeps the document; anything else is the reason it is dropped.
  virtual std::string_view process(Doc& doc, FilterScratch& scratch) const = 0;
};

// Language identification (CLD2). With no languages it only labels; otherwise it keeps
// documents in one of them whose score is above the threshold.
class LanguageStage : public Stage {
 public:
  // inclusive: keep at score >= threshold (C4's "at least 0.99"); else > (datatrove's rule).
  LanguageStage(std::vector<std::string> languages, double threshold, bool inclusive = false)
      : languages_(std::move(languages)), threshold_(threshold), inclusive_(inclusive) {}
  std::string_view name() const override { return "language"; }
  std::string_view process(Doc& doc, FilterScratch& scratch) const override;

 private:
  std::vector<std::string> languages_;
  double threshold_;
  bool inclusive_;
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
};

struct RecipeOptions {
  bool languages_set = false;          // when true, `languages` replaces the recipe's list
  std::vector<std::string> languages;  // empty = label only
  double lang_threshold = -1;          // < 0: the recipe's own
};

// "none", "gopher", "c4", "fineweb" (docs/recipes.md). An unknown name is kBadInput.
Result<Recipe> make_recipe(std::string_view name, const RecipeOptions& options = {});
std::vector<std::string_view> recipe_names();

// The hook for WET / plain-text records: rewrites doc.text (and may fill title and
// published) or returns a drop reason. run_pipeline's default is pith::Cleaner (pith clean).
using TextCleaner = std::function<std::string_view(Doc& doc)>;

}  // namespace pith
