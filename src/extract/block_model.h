// The learned block classifier (issue 12): every block of blocks.cpp (the smallest element wholly
// kept, wholly dropped by one rule or wholly outside the main container) gets the features below,
// which mean the same on every site, and small gradient-boosted trees decide whether it is main
// text. Options::block_model turns it on (off by default: on sites it never saw it gains on
// magic-html and loses a little on dev and wcxb-dev, bench/results/2026-12-06-block-classifier.md).
//
// The features are defined here once: a -DPITH_RECORD_FEATURES build writes them with each block
// and tools/train_blocks.py reads them by the names of PITH_BLOCK_FEATURES; it writes the trees
// in the text format of parse_block_model, the built-in model as block_model.inc.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pith/extract.h"

namespace pith {

// What each feature is (block_model.cpp computes them, in this order):
//   kept, in_main, on_path      the rules kept it; it lies in the main container; it is an
//                               ancestor of the container (then never a block of its own: 0)
//   rule_*                      the family of the rule that dropped it (kRuleGroups), rule_other
//                               for a rule of no family; all 0 when kept
//   tag_*                       its tag's group (kTagGroups), tag_other for the rest
//   anc_*                       an ancestor (its path from <body>, up to 12 levels) has that tag
//   log_chars                   log(1 + visible characters)
//   link_density                characters inside links / characters
//   log_words                   log(1 + words), a word a run of letters, digits, marks or '_'
//   word_len                    characters per word, at most 20, / 10
//   sentence_ends               sentence ends (. ! ? and their CJK and Devanagari forms before a
//                               space or the end) per word, x 10, at most 3
//   ends_sentence               its text ends with . ! ? : (or the CJK forms), then spaces
//   punct_share, digit_share    code points neither word nor space / ASCII digits, per character
//   log_depth                   log(1 + elements between it and <body>)
//   position                    its index among the page's blocks / (blocks - 1)
//   before_kept, after_kept     it comes before the first / after the last block the rules kept
//   score                       the selection's content weight: sign(s) log(1 + |s|) / 5
//   prev_kept, next_kept        the blocks just before / after it were kept by the rules
//   near_kept_share             share of the characters of the 3 blocks on either side that the
//                               rules kept
//   page_kept_share             share of the page's block characters the rules kept
//   log_page_chars              log(1 + the page's block characters) / 10
//   neg_self, pos_self          its class or id holds a word of chrome / of content (kChromeWords,
//   neg_anc, pos_anc            kContentWords); the same for its ancestors
//   kept_x_*, outside_x_*       products: kept x link_density, kept x log_chars, rule_outside x
//                               log_chars, rule_outside x sentence_ends
#define PITH_BLOCK_FEATURES(X)                                                                            \
  X(kept) X(in_main) X(on_path) X(rule_outside) X(rule_comments) X(rule_hidden_class) X(rule_class)       \
  X(rule_nav_tag) X(rule_form) X(rule_tag) X(rule_role) X(rule_phrase) X(rule_link_dense) X(rule_teaser)  \
  X(rule_related) X(rule_orphan) X(rule_duplicate) X(rule_chrome_only) X(rule_other) X(tag_div) X(tag_h)   \
  X(tag_inline) X(tag_list) X(tag_p) X(tag_pre) X(tag_quote) X(tag_table) X(tag_text) X(tag_other)        \
  X(anc_article) X(anc_main) X(anc_nav) X(anc_header) X(anc_footer) X(anc_aside) X(anc_form) X(anc_li)    \
  X(anc_table) X(anc_section) X(log_chars) X(link_density) X(log_words) X(word_len) X(sentence_ends)     \
  X(ends_sentence) X(punct_share) X(digit_share) X(log_depth) X(position) X(before_kept) X(after_kept)    \
  X(score) X(prev_kept) X(next_kept) X(near_kept_share) X(page_kept_share) X(log_page_chars) X(neg_self)  \
  X(pos_self) X(neg_anc) X(pos_anc) X(kept_x_link_density) X(kept_x_log_chars) X(outside_x_log_chars)     \
  X(outside_x_sentence_ends)

enum class BlockFeature : uint8_t {
#define PITH_BF_ENUM(name) k_##name,
  PITH_BLOCK_FEATURES(PITH_BF_ENUM)
#undef PITH_BF_ENUM
  kCount
};
inline constexpr size_t kBlockFeatureCount = static_cast<size_t>(BlockFeature::kCount);
using BlockFeatureRow = std::array<double, kBlockFeatureCount>;

std::string_view block_feature_name(size_t i);

// What a block's features need beyond its Block fields (blocks.cpp knows them from the tree).
struct BlockFacts {
  bool in_main = false;
  bool on_path = false;
  uint32_t depth = 0;  // elements from <body> down to it
};

// The features of every block of one page (blocks and facts in document order, the same length).
void block_features(const std::vector<Block>& blocks, const std::vector<BlockFacts>& facts,
                    std::vector<BlockFeatureRow>& out);

// "name=value ..." of a row's non-zero features, each value exact (%.17g): what a
// -DPITH_RECORD_FEATURES build records for tools/train_blocks.py.
std::string format_block_features(const BlockFeatureRow& row);

// Gradient-boosted trees, each a full binary tree of one depth. An inner node sends a row right
// when row[feature] >= threshold (feature -1: always left); the leaves hold the additive scores.
struct BlockModel {
  uint32_t depth = 0;
  double base = 0;
  struct Node {
    int32_t feature = -1;
    double threshold = 0;
  };
  std::vector<Node> nodes;     // per tree, 2^depth - 1 inner nodes in level order
  std::vector<double> leaves;  // per tree, 2^depth leaves
};

// Reads a model in its text format (what tools/train_blocks.py --export writes):
//   pith-block-model 1
//   features NAME ...          (must be PITH_BLOCK_FEATURES, in order)
//   depth D
//   base B
//   tree F T F T ... L L ...   (one line per tree: 2^D-1 pairs of feature index and threshold,
//                               then 2^D leaf scores)
// false, with why in error, when the text is not such a model.
bool parse_block_model(std::string_view text, BlockModel& model, std::string& error);

// The model shipped in the binary (block_model.inc), parsed once.
const BlockModel& builtin_block_model();

// The probability that the block of row is main text.
double block_probability(const BlockModel& model, const BlockFeatureRow& row);

}  // namespace pith
