#include "extract/block_model.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/strings.h"
#include "core/utf8.h"
#include "text/line_features.h"

namespace pith {

namespace {

constexpr std::string_view kFeatureNames[] = {
#define PITH_BF_NAME(name) #name,
    PITH_BLOCK_FEATURES(PITH_BF_NAME)
#undef PITH_BF_NAME
};

size_t index_of(BlockFeature f) { return static_cast<size_t>(f); }

// Rule families (rules.cpp, content.cpp): the first that matches names the feature; a dropped
// block of no family gets rule_other.
enum class Match : uint8_t { kExact, kPrefix };
struct RuleGroup {
  std::string_view rule;
  Match match;
  BlockFeature feature;
};
constexpr RuleGroup kRuleGroups[] = {
    {"outside-main", Match::kExact, BlockFeature::k_rule_outside},
    {"class:comments", Match::kExact, BlockFeature::k_rule_comments},
    {"class:hidden", Match::kExact, BlockFeature::k_rule_hidden_class},
    {"hidden", Match::kExact, BlockFeature::k_rule_hidden_class},
    {"class:", Match::kPrefix, BlockFeature::k_rule_class},
    {"tag:nav", Match::kExact, BlockFeature::k_rule_nav_tag},
    {"tag:header", Match::kExact, BlockFeature::k_rule_nav_tag},
    {"tag:footer", Match::kExact, BlockFeature::k_rule_nav_tag},
    {"tag:aside", Match::kExact, BlockFeature::k_rule_nav_tag},
    {"tag:menu", Match::kExact, BlockFeature::k_rule_nav_tag},
    {"tag:form", Match::kExact, BlockFeature::k_rule_form},
    {"tag:", Match::kPrefix, BlockFeature::k_rule_tag},
    {"role:", Match::kPrefix, BlockFeature::k_rule_role},
    {"phrase:", Match::kPrefix, BlockFeature::k_rule_phrase},
    {"link-dense", Match::kExact, BlockFeature::k_rule_link_dense},
    {"teaser-list", Match::kExact, BlockFeature::k_rule_teaser},
    {"related-section", Match::kExact, BlockFeature::k_rule_related},
    {"orphan-heading", Match::kExact, BlockFeature::k_rule_orphan},
    {"duplicate", Match::kExact, BlockFeature::k_rule_duplicate},
    {"chrome-only", Match::kExact, BlockFeature::k_rule_chrome_only},
};

// Tags in groups that read alike; any other tag is tag_other.
struct TagGroup {
  std::string_view tag;
  BlockFeature feature;
};
constexpr TagGroup kTagGroups[] = {
    {"p", BlockFeature::k_tag_p},         {"#text", BlockFeature::k_tag_text},  {"li", BlockFeature::k_tag_list},
    {"ul", BlockFeature::k_tag_list},     {"ol", BlockFeature::k_tag_list},     {"dl", BlockFeature::k_tag_list},
    {"dd", BlockFeature::k_tag_list},     {"dt", BlockFeature::k_tag_list},     {"h1", BlockFeature::k_tag_h},
    {"h2", BlockFeature::k_tag_h},        {"h3", BlockFeature::k_tag_h},        {"h4", BlockFeature::k_tag_h},
    {"h5", BlockFeature::k_tag_h},        {"h6", BlockFeature::k_tag_h},        {"div", BlockFeature::k_tag_div},
    {"section", BlockFeature::k_tag_div}, {"article", BlockFeature::k_tag_div}, {"span", BlockFeature::k_tag_inline},
    {"a", BlockFeature::k_tag_inline},    {"em", BlockFeature::k_tag_inline},   {"strong", BlockFeature::k_tag_inline},
    {"b", BlockFeature::k_tag_inline},    {"i", BlockFeature::k_tag_inline},    {"table", BlockFeature::k_tag_table},
    {"tr", BlockFeature::k_tag_table},    {"td", BlockFeature::k_tag_table},    {"th", BlockFeature::k_tag_table},
    {"tbody", BlockFeature::k_tag_table}, {"pre", BlockFeature::k_tag_pre},     {"code", BlockFeature::k_tag_pre},
    {"blockquote", BlockFeature::k_tag_quote},
};

constexpr TagGroup kAncestorTags[] = {
    {"article", BlockFeature::k_anc_article}, {"main", BlockFeature::k_anc_main},
    {"nav", BlockFeature::k_anc_nav},         {"header", BlockFeature::k_anc_header},
    {"footer", BlockFeature::k_anc_footer},   {"aside", BlockFeature::k_anc_aside},
    {"form", BlockFeature::k_anc_form},       {"li", BlockFeature::k_anc_li},
    {"table", BlockFeature::k_anc_table},     {"section", BlockFeature::k_anc_section},
};

// Class and id words that name chrome or content in most of the web's templates (English-named
// templates are the norm in every language).
constexpr std::string_view kChromeWords[] = {
    "comment", "comments", "share", "social", "related", "footer", "sidebar", "widget", "nav", "menu",
    "breadcrumb", "breadcrumbs", "promo", "banner", "cookie", "newsletter", "subscribe", "tags", "tag",
    "meta", "byline", "caption", "ad", "ads", "advert", "sponsor", "recommended", "popular", "more",
    "login", "signup", "search", "toolbar", "pagination", "pager", "author", "date", "copyright"};
constexpr std::string_view kContentWords[] = {"content", "article", "post",  "entry",       "body",    "text",
                                              "story",   "main",    "prose", "description", "message", "answer",
                                              "question", "thread", "detail", "details"};

template <size_t N>
bool in_list(std::string_view w, const std::string_view (&list)[N]) {
  for (std::string_view l : list)
    if (l == w) return true;
  return false;
}

// The tag of an element description "div.a-b#c" ("#text" stays whole).
std::string_view tag_of(std::string_view element) {
  if (element.starts_with("#")) return element;
  return element.substr(0, element.find_first_of(".#"));
}

struct WordHits {
  bool chrome = false, content = false;
};

// Class and id words of an element description: "div.share-bar#top2" -> share, bar, top (split
// at '-', '_', digits and spaces, lower-cased).
void class_words(std::string_view element, WordHits& hits) {
  if (element.starts_with("#")) return;
  const size_t start = element.find_first_of(".#");
  if (start == std::string_view::npos) return;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    hits.chrome |= in_list(word, kChromeWords);
    hits.content |= in_list(word, kContentWords);
    word.clear();
  };
  for (size_t i = start; i < element.size(); ++i) {
    const char c = element[i];
    if (c == '.' || c == '#' || c == '-' || c == '_' || is_ascii_space(c) || (c >= '0' && c <= '9')) flush();
    else word += ascii_lower(c);
  }
  flush();
}

bool is_sentence_end(char32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == U'\u3002' || cp == U'\uff01' || cp == U'\uff1f' ||
         cp == U'\u0964';
}

// A word character as Python's \w reads it, approximately: letters and marks of any script,
// digits, '_'.
bool is_word_char(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
  return is_letter_code_point(cp);
}

struct TextCounts {
  uint32_t words = 0, sentence_ends = 0, punct = 0, digits = 0;
  bool ends_sentence = false;
};

TextCounts count_text(std::string_view text) {
  TextCounts c;
  bool in_word = false;
  char32_t pending_end = 0;  // a sentence end waiting for a space or the end
  char32_t last_visible = 0;
  for (size_t i = 0; i < text.size();) {
    const char32_t cp = utf8_decode(text, i);
    const bool space = cp < 0x80 ? is_ascii_space(static_cast<char>(cp)) : is_unicode_space(cp);
    if (pending_end && space) ++c.sentence_ends;
    pending_end = 0;
    if (space) {
      in_word = false;
      continue;
    }
    last_visible = cp;
    if (is_word_char(cp)) {
      c.words += !in_word;
      in_word = true;
      c.digits += cp >= '0' && cp <= '9';
    } else {
      in_word = false;
      ++c.punct;
      if (is_sentence_end(cp)) pending_end = cp;
    }
  }
  if (pending_end) ++c.sentence_ends;
  c.ends_sentence = is_sentence_end(last_visible) || last_visible == ':';
  return c;
}

double signed_log(double s) { return std::copysign(std::log1p(std::fabs(s)), s); }

}  // namespace

std::string_view block_feature_name(size_t i) { return i < kBlockFeatureCount ? kFeatureNames[i] : std::string_view(); }

void block_features(const std::vector<Block>& blocks, const std::vector<BlockFacts>& facts,
                    std::vector<BlockFeatureRow>& out) {
  out.assign(blocks.size(), BlockFeatureRow{});
  const size_t n = blocks.size();
  double total = 0, kept_chars = 0;
  size_t first_kept = n, last_kept = 0;
  bool any_kept = false;
  for (size_t i = 0; i < n; ++i) {
    total += blocks[i].chars;
    if (!blocks[i].kept) continue;
    kept_chars += blocks[i].chars;
    if (!any_kept) first_kept = i;
    last_kept = i;
    any_kept = true;
  }
  const double page_total = total > 0 ? total : 1;
  for (size_t i = 0; i < n; ++i) {
    const Block& b = blocks[i];
    BlockFeatureRow& x = out[i];
    auto set = [&x](BlockFeature f, double v) { x[index_of(f)] = v; };
    auto get = [&x](BlockFeature f) { return x[index_of(f)]; };
    set(BlockFeature::k_kept, b.kept);
    set(BlockFeature::k_in_main, facts[i].in_main);
    set(BlockFeature::k_on_path, facts[i].on_path);
    if (!b.rule.empty()) {
      BlockFeature group = BlockFeature::k_rule_other;
      for (const RuleGroup& g : kRuleGroups) {
        if (g.match == Match::kExact ? b.rule == g.rule : b.rule.starts_with(g.rule)) {
          group = g.feature;
          break;
        }
      }
      set(group, 1);
    }
    const std::string_view tag = tag_of(b.element);
    BlockFeature tag_group = BlockFeature::k_tag_other;
    for (const TagGroup& g : kTagGroups)
      if (g.tag == tag) tag_group = g.feature;
    set(tag_group, 1);
    // Ancestors: the path's components before the block's own ("body > div.a > p" -> body, div.a).
    std::string_view path = b.path;
    const size_t own = path.rfind(" > ");
    path = own == std::string_view::npos ? std::string_view() : path.substr(0, own);
    WordHits ancestor_words;
    while (!path.empty()) {
      const size_t sep = path.find(" > ");
      const std::string_view comp = path.substr(0, sep);
      path = sep == std::string_view::npos ? std::string_view() : path.substr(sep + 3);
      const std::string_view comp_tag = tag_of(comp);
      for (const TagGroup& g : kAncestorTags)
        if (g.tag == comp_tag) set(g.feature, 1);
      class_words(comp, ancestor_words);
    }
    WordHits own_words;
    class_words(b.element, own_words);

    const TextCounts t = count_text(b.text);
    const double chars = b.chars > 0 ? b.chars : 1;
    const double words = t.words > 0 ? t.words : 1;
    set(BlockFeature::k_log_chars, std::log1p(b.chars));
    set(BlockFeature::k_link_density, b.link_chars / chars);
    set(BlockFeature::k_log_words, std::log1p(t.words));
    set(BlockFeature::k_word_len, std::min(b.chars / words, 20.0) / 10);
    set(BlockFeature::k_sentence_ends, std::min(t.sentence_ends / words * 10, 3.0));
    set(BlockFeature::k_ends_sentence, t.ends_sentence);
    set(BlockFeature::k_punct_share, t.punct / chars);
    set(BlockFeature::k_digit_share, t.digits / chars);
    set(BlockFeature::k_log_depth, std::log1p(facts[i].depth));
    set(BlockFeature::k_position, n > 1 ? static_cast<double>(i) / static_cast<double>(n - 1) : 0.0);
    set(BlockFeature::k_before_kept, i < first_kept);
    set(BlockFeature::k_after_kept, any_kept && i > last_kept);
    set(BlockFeature::k_score, signed_log(b.score) / 5);
    set(BlockFeature::k_prev_kept, i > 0 && blocks[i - 1].kept);
    set(BlockFeature::k_next_kept, i + 1 < n && blocks[i + 1].kept);
    double near = 0, near_kept = 0;
    for (size_t j = i >= 3 ? i - 3 : 0; j < std::min(n, i + 4); ++j) {
      if (j == i) continue;
      near += blocks[j].chars;
      if (blocks[j].kept) near_kept += blocks[j].chars;
    }
    set(BlockFeature::k_near_kept_share, near > 0 ? near_kept / near : 0.0);
    set(BlockFeature::k_page_kept_share, kept_chars / page_total);
    set(BlockFeature::k_log_page_chars, std::log1p(total) / 10);
    set(BlockFeature::k_neg_self, own_words.chrome);
    set(BlockFeature::k_pos_self, own_words.content);
    set(BlockFeature::k_neg_anc, ancestor_words.chrome);
    set(BlockFeature::k_pos_anc, ancestor_words.content);
    set(BlockFeature::k_kept_x_link_density, get(BlockFeature::k_kept) * get(BlockFeature::k_link_density));
    set(BlockFeature::k_kept_x_log_chars, get(BlockFeature::k_kept) * get(BlockFeature::k_log_chars));
    set(BlockFeature::k_outside_x_log_chars, get(BlockFeature::k_rule_outside) * get(BlockFeature::k_log_chars));
    set(BlockFeature::k_outside_x_sentence_ends,
        get(BlockFeature::k_rule_outside) * get(BlockFeature::k_sentence_ends));
  }
}

std::string format_block_features(const BlockFeatureRow& row) {
  std::string out;
  char buf[40];
  for (size_t i = 0; i < kBlockFeatureCount; ++i) {
    if (row[i] == 0) continue;
    std::snprintf(buf, sizeof buf, "%.17g", row[i]);
    if (!out.empty()) out += ' ';
    out += kFeatureNames[i];
    out += '=';
    out += buf;
  }
  return out;
}

namespace {

// The next white-space separated word of text from pos.
std::string_view next_word(std::string_view text, size_t& pos) {
  while (pos < text.size() && is_ascii_space(text[pos])) ++pos;
  const size_t start = pos;
  while (pos < text.size() && !is_ascii_space(text[pos])) ++pos;
  return text.substr(start, pos - start);
}

bool parse_number(std::string_view word, double& value) {
  if (word == "inf") {
    value = HUGE_VAL;
    return true;
  }
  auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), value);
  return ec == std::errc() && end == word.data() + word.size();
}

}  // namespace

bool parse_block_model(std::string_view text, BlockModel& model, std::string& error) {
  model = BlockModel{};
  size_t pos = 0;
  if (next_word(text, pos) != "pith-block-model" || next_word(text, pos) != "1") {
    error = "not a block model (it starts with \"pith-block-model 1\")";
    return false;
  }
  if (next_word(text, pos) != "features") {
    error = "block model: no feature list";
    return false;
  }
  for (size_t i = 0; i < kBlockFeatureCount; ++i) {
    if (next_word(text, pos) != kFeatureNames[i]) {
      error = "block model: its features are not this build's (feature " + std::to_string(i) + " should be " +
              std::string(kFeatureNames[i]) + ")";
      return false;
    }
  }
  double depth = 0;
  if (next_word(text, pos) != "depth" || !parse_number(next_word(text, pos), depth) || depth < 1 || depth > 8 ||
      next_word(text, pos) != "base" || !parse_number(next_word(text, pos), model.base)) {
    error = "block model: depth (1-8) and base expected after the features";
    return false;
  }
  model.depth = static_cast<uint32_t>(depth);
  const size_t inner = (size_t(1) << model.depth) - 1;
  for (std::string_view w = next_word(text, pos); !w.empty(); w = next_word(text, pos)) {
    if (w != "tree") {
      error = "block model: \"tree\" expected, not \"" + std::string(w.substr(0, 40)) + "\"";
      return false;
    }
    for (size_t k = 0; k < inner; ++k) {
      double feature = 0;
      BlockModel::Node node;
      if (!parse_number(next_word(text, pos), feature) || !parse_number(next_word(text, pos), node.threshold) ||
          feature < -1 || feature >= static_cast<double>(kBlockFeatureCount)) {
        error = "block model: a tree's node is not a feature index and a threshold";
        return false;
      }
      node.feature = static_cast<int32_t>(feature);
      model.nodes.push_back(node);
    }
    for (size_t k = 0; k <= inner; ++k) {
      double leaf = 0;
      if (!parse_number(next_word(text, pos), leaf)) {
        error = "block model: a tree's leaf is not a number";
        return false;
      }
      model.leaves.push_back(leaf);
    }
  }
  return true;
}

const BlockModel& builtin_block_model() {
  static const BlockModel model = [] {
    constexpr std::string_view kText =
#include "extract/block_model.inc"
        ;
    BlockModel m;
    std::string error;
    // The shipped text is written by tools/train_blocks.py and tested (block_model_test.cpp);
    // were it broken, the empty model keeps every block the rules keep.
    if (!parse_block_model(kText, m, error)) m = BlockModel{};
    return m;
  }();
  return model;
}

double block_probability(const BlockModel& model, const BlockFeatureRow& row) {
  if (model.depth == 0) return row[index_of(BlockFeature::k_kept)];
  const size_t inner = (size_t(1) << model.depth) - 1;
  const size_t trees = model.nodes.size() / inner;
  double f = model.base;
  for (size_t t = 0; t < trees; ++t) {
    const BlockModel::Node* nodes = &model.nodes[t * inner];
    size_t node = 0;
    for (uint32_t level = 0; level < model.depth; ++level) {
      const BlockModel::Node& split = nodes[(size_t(1) << level) - 1 + node];
      const bool right = split.feature >= 0 && row[static_cast<size_t>(split.feature)] >= split.threshold;
      node = node * 2 + right;
    }
    f += model.leaves[t * (inner + 1) + node];
  }
  return 1 / (1 + std::exp(-f));
}

}  // namespace pith
