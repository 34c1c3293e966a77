// The page's headline, chosen among candidates: the first h1s, og:title, <title> and the
// JSON-LD headline (with and without the site's name removed). Each candidate gets features
// (where it came from, which other sources agree with it, its length, how it overlaps the
// others, whether the page is an article), a linear model scores them and the best wins.
// The weights are data: src/extract/title_model.inc, written by tools/train_title.py from
// candidates that a build with -DPITH_RECORD_FEATURES records (see docs/metadata.md).
#pragma once
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "extract/meta_text.h"
#include "html/dom.h"

namespace pith {

#define PITH_TITLE_SOURCES(X) \
  X(h1_0) X(h1_1) X(h1_2) X(og) X(title) X(ld) X(title_full) X(og_full) X(title_head) X(title_tail) X(title_butlast)

enum class TitleSource : uint8_t {
#define PITH_TS_ENUM(name) k_##name,
  PITH_TITLE_SOURCES(PITH_TS_ENUM)
#undef PITH_TS_ENUM
  kCount
};

#define PITH_TITLE_FEATURES(X)                                                                   \
  X(src_h1_0) X(src_h1_1) X(src_h1_2) X(src_og) X(src_title) X(src_ld) X(src_title_full)         \
  X(src_og_full) X(src_title_head) X(src_title_tail) X(src_title_butlast) X(agree_h1) X(agree_og) X(agree_title) X(agree_ld) X(n_agree) X(words)          \
  X(has_sep) X(ends_q) X(is_site) X(overlap_h1) X(overlap_meta) X(h1_in_main) X(h1_before_main)  \
  X(article_h1) X(article_meta) X(prefix_of_other) X(extends_other) X(first_h1_of_many)          \
  X(has_site_seg) X(only_source) X(home_h1) X(home_meta) X(slug_h1) X(slug_meta) X(product_h1)    \
  X(product_meta) X(slug_overlap) X(slug_cover) X(dated_h1) X(dated_meta)  \
  X(is_last_seg)

enum class TitleFeature : uint8_t {
#define PITH_TF_ENUM(name) k_##name,
  PITH_TITLE_FEATURES(PITH_TF_ENUM)
#undef PITH_TF_ENUM
  kCount
};
inline constexpr size_t kTitleFeatureCount = static_cast<size_t>(TitleFeature::kCount);
using TitleFeatures = std::array<float, kTitleFeatureCount>;

std::string_view title_feature_name(size_t i);

struct HeadingCandidate {
  NodeId node = kNoNode;
  std::string text;  // clean_heading() of its text
  bool in_main = false;
  bool before_main = false;
};

struct TitleInputs {
  std::string title_tag;  // <title>
  std::string og;         // og:title or twitter:title
  std::string ld;         // JSON-LD headline (or name) of the page's main thing
  std::vector<HeadingCandidate> heads;  // h1s, most likely first
  bool article = false;   // schema.org or og:type say the page is an article
  bool product = false;   // schema.org or og:type say the page is a product
  bool homepage = false;  // the URL's path is "/"
  bool dated = false;     // JSON-LD or <meta> give a publication or modification date
  std::string slug;       // the URL's last path segment ("how-we-did-it")
  const SiteNames* site = nullptr;
};

struct TitleCandidate {
  std::string text;
  TitleSource source;
  NodeId node = kNoNode;  // the h1, for h1 candidates
  TitleFeatures features{};
  double score = 0;
};

// All candidates with their features and model scores.
void title_candidates(const TitleInputs& in, std::vector<TitleCandidate>& out);

// Index of the best candidate, or -1 when there is none: the model's choice when its softmax
// probability among the page's candidates is at least kMinTitleConfidence, else simple_title's;
// an h1 that is that choice with a colon and more words after it, or that the choice is with a
// colon and more words after it, is taken instead.
int best_title(const std::vector<TitleCandidate>& cands);

// The rule the model must beat, from the candidates' source and agreement features: the first
// h1 when og:title, the <title> or the JSON-LD headline say the same; else og:title, the
// <title>, the JSON-LD headline (without the site's name), the first h1, in that order.
int simple_title(const std::vector<TitleCandidate>& cands);

// Below this confidence the model's choice was right less often than the simple rule's on
// held-out sites (tools/train_title.py, 5 site-disjoint folds of wcxb-dev: confidence
// 0.3-0.4: model 0.15, rule 0.38 of 13 pages; 0.4-0.5: model 0.43, rule 0.41 of 73 pages).
inline constexpr double kMinTitleConfidence = 0.4;

}  // namespace pith
