#include "extract/title.h"

#include <algorithm>
#include <bit>
#include <cmath>

#include "core/strings.h"

namespace pith {

namespace {

// Weights per feature, written by tools/train_title.py.
#include "extract/title_model.inc"

// Is `a` (a loose key) the same title as the text `b`: equal, or equal to a run of b's
// segments, or b equal to a run of a's? (Runs that are only the last segment of a
// multi-segment title are left out: that is where sites put their own name.)
bool run_of(std::string_view key, std::string_view title) {
  std::vector<std::string_view> segs = split_title(title);
  if (segs.size() < 2 || segs.size() > 12) return false;
  for (size_t a = 0; a + 1 < segs.size(); ++a) {
    std::string run;
    for (size_t b = a; b < segs.size(); ++b) {
      run += loose_key(segs[b]);
      if (run == key) return true;
      if (run.size() > key.size()) break;
    }
  }
  return false;
}

bool same_title(std::string_view a_text, const std::string& a_key, std::string_view b_text, const std::string& b_key) {
  if (a_key.empty() || b_key.empty()) return false;
  return a_key == b_key || run_of(a_key, b_text) || run_of(b_key, a_text);
}

double overlap(std::string_view a, std::string_view b) {
  std::vector<std::string> wa = word_keys(a), wb = word_keys(b);
  if (wa.empty() || wb.empty()) return 0;
  std::sort(wa.begin(), wa.end());
  wa.erase(std::unique(wa.begin(), wa.end()), wa.end());
  std::sort(wb.begin(), wb.end());
  wb.erase(std::unique(wb.begin(), wb.end()), wb.end());
  size_t common = 0;
  for (const auto& w : wa) common += std::binary_search(wb.begin(), wb.end(), w);
  return static_cast<double>(common) / static_cast<double>(std::min(wa.size(), wb.size()));
}

bool is_h1(TitleSource s) {
  return s == TitleSource::k_h1_0 || s == TitleSource::k_h1_1 || s == TitleSource::k_h1_2;
}

// Whether a candidate's source flags (one per TitleSource, merged when several sources give
// the same text) include s.
bool has_source(const TitleFeatures& f, TitleSource s) {
  return f[static_cast<size_t>(TitleFeature::k_src_h1_0) + static_cast<size_t>(s)] > 0;
}

// Whether one of a candidate's sources is an <h1>.
bool from_an_h1(const TitleFeatures& f) {
  return has_source(f, TitleSource::k_h1_0) || has_source(f, TitleSource::k_h1_1) ||
         has_source(f, TitleSource::k_h1_2);
}

// An h1 that is the chosen candidate followed by a colon and more words ("Kite Care: A Field
// Guide" where og:title and the <title> give "Kite Care"; "风筝护理：入门指南"): the colon
// joins a headline and its subtitle in one heading, while the shorter form is where the
// <title>'s separator or the site cut it. The h1 is the whole headline. Returns its index,
// or -1.
constexpr std::string_view kSubtitleColons[] = {":", "\xEF\xBC\x9A" /* fullwidth, Chinese and Japanese */};

// Whether `longer` is `shorter` followed by a colon and more words.
bool goes_on_after_colon(std::string_view longer, std::string_view shorter) {
  if (shorter.empty() || longer.size() <= shorter.size() || !iequals(longer.substr(0, shorter.size()), shorter))
    return false;
  std::string_view rest = trim(longer.substr(shorter.size()));
  for (std::string_view colon : kSubtitleColons)
    if (rest.size() > colon.size() && rest.starts_with(colon) && !loose_key(rest.substr(colon.size())).empty())
      return true;
  return false;
}

int h1_with_subtitle(const std::vector<TitleCandidate>& cands, int pick) {
  if (pick < 0) return -1;
  const TitleCandidate& chosen = cands[static_cast<size_t>(pick)];
  if (chosen.text.empty() || from_an_h1(chosen.features)) return -1;
  for (size_t i = 0; i < cands.size(); ++i)
    if (from_an_h1(cands[i].features) && goes_on_after_colon(cands[i].text, chosen.text)) return static_cast<int>(i);
  return -1;
}

// The other way round: the chosen <title> or og:title is an h1 followed by a colon and more
// words ("Trail Boots: Shop Boots for Hiking & Camping" with the h1 "Trail Boots"). There the
// words after the colon are the page's description for search engines, which the heading
// the reader sees leaves out: the h1 is the headline. Returns its index, or -1.
int h1_before_colon(const std::vector<TitleCandidate>& cands, int pick) {
  if (pick < 0) return -1;
  const TitleCandidate& chosen = cands[static_cast<size_t>(pick)];
  if (from_an_h1(chosen.features)) return -1;
  for (size_t i = 0; i < cands.size(); ++i)
    if (from_an_h1(cands[i].features) && goes_on_after_colon(chosen.text, cands[i].text)) return static_cast<int>(i);
  return -1;
}

}  // namespace

std::string_view title_feature_name(size_t i) {
  static constexpr std::string_view kNames[] = {
#define PITH_TF_NAME(name) #name,
      PITH_TITLE_FEATURES(PITH_TF_NAME)
#undef PITH_TF_NAME
  };
  return i < kTitleFeatureCount ? kNames[i] : std::string_view();
}

void title_candidates(const TitleInputs& in, std::vector<TitleCandidate>& out) {
  out.clear();
  static const SiteNames kNoSite;
  const SiteNames& site = in.site ? *in.site : kNoSite;
  auto add = [&](std::string text, TitleSource src, NodeId node) {
    if (text.empty() || text.size() > 600 || is_page_label(text)) return;
    TitleCandidate c;
    c.text = std::move(text);
    c.source = src;
    c.node = node;
    out.push_back(std::move(c));
  };
  for (size_t i = 0; i < in.heads.size() && i < 3; ++i)
    add(in.heads[i].text, static_cast<TitleSource>(static_cast<size_t>(TitleSource::k_h1_0) + i), in.heads[i].node);
  // A segment that adds a word to the site's name at the start is kept (clean_title), unless
  // what follows it is the page's h1: then it is the site's section ("Planet News - Storms
  // reach the valley", with that h1), not a product's name.
  auto cleaned = [&](std::string_view text) {
    if (text.empty()) return std::string();
    std::string name_only = clean_title(text, site);
    std::string with_words = clean_title(text, site, nullptr, SiteMatch::kWithWordsAround);
    if (with_words != name_only) {
      const std::string key = loose_key(with_words);
      for (size_t i = 0; i < in.heads.size() && i < 3; ++i)
        if (loose_key(in.heads[i].text) == key) return with_words;
    }
    return name_only;
  };
  const std::string og_clean = cleaned(in.og);
  const std::string title_clean = cleaned(in.title_tag);
  add(og_clean, TitleSource::k_og, kNoNode);
  add(title_clean, TitleSource::k_title, kNoNode);
  if (!in.ld.empty()) add(clean_title(in.ld, site), TitleSource::k_ld, kNoNode);
  if (collapse_whitespace(in.title_tag) != title_clean) add(collapse_whitespace(in.title_tag), TitleSource::k_title_full, kNoNode);
  if (collapse_whitespace(in.og) != og_clean) add(collapse_whitespace(in.og), TitleSource::k_og_full, kNoNode);
  // The <title>'s own segments, whatever the site's name: its first segment, all but the
  // first ("Forum - Topic"), all but the last ("Topic - Section - Site").
  {
    std::string full = collapse_whitespace(in.title_tag);
    std::vector<std::string_view> segs = split_title(full);
    if (segs.size() > 1) {
      add(std::string(segs.front()), TitleSource::k_title_head, kNoNode);
      std::string_view v = full;
      size_t tail_at = static_cast<size_t>(segs[1].data() - full.data());
      add(std::string(v.substr(tail_at)), TitleSource::k_title_tail, kNoNode);
      if (segs.size() > 2) {
        size_t end = static_cast<size_t>(segs[segs.size() - 2].data() - full.data()) + segs[segs.size() - 2].size();
        add(std::string(v.substr(0, end)), TitleSource::k_title_butlast, kNoNode);
      }
    }
  }

  // Merge candidates with the same text (loose key): one candidate, every source flagged.
  // Its spelling is the one most of the page's elements give it: each h1, og:title, the
  // <title> and the JSON-LD headline vote once (the <title>'s segments and uncleaned forms are
  // the <title>'s vote); a tie goes to the earliest, the h1. Only the punctuation between words
  // is voted on (dashes, separators, spaces: same_wording); spellings that differ in a word,
  // its case, a quote mark or the marks at either end ("## Title", "Title ⋆") are kept apart, so
  // the h1's typographic quotes stay as they are.
  std::vector<std::string> keys;
  std::vector<TitleCandidate> merged;
  struct SpellingVote {
    size_t candidate;
    std::string_view text;  // into `out`, which outlives the votes
    uint32_t origins;       // bit per page element that gave this spelling
  };
  std::vector<SpellingVote> votes;
  auto origin_bit = [](TitleSource s) -> uint32_t {
    switch (s) {
      case TitleSource::k_h1_0: return 1u << 0;
      case TitleSource::k_h1_1: return 1u << 1;
      case TitleSource::k_h1_2: return 1u << 2;
      case TitleSource::k_og:
      case TitleSource::k_og_full: return 1u << 3;
      case TitleSource::k_ld: return 1u << 4;
      default: return 1u << 5;  // the <title> and its segments
    }
  };
  for (auto& c : out) {
    std::string k = loose_key(c.text);
    if (k.empty()) continue;
    const size_t flag = static_cast<size_t>(TitleFeature::k_src_h1_0) + static_cast<size_t>(c.source);
    auto it = std::find(keys.begin(), keys.end(), k);
    size_t at;
    if (it == keys.end()) {
      keys.push_back(std::move(k));
      merged.push_back(c);
      at = merged.size() - 1;
    } else {
      at = static_cast<size_t>(it - keys.begin());
    }
    merged[at].features[flag] = 1;
    auto v = std::find_if(votes.begin(), votes.end(),
                          [&](const SpellingVote& x) { return x.candidate == at && x.text == c.text; });
    if (v == votes.end()) votes.push_back({at, c.text, origin_bit(c.source)});
    else v->origins |= origin_bit(c.source);
  }
  // A spelling that puts a title separator where the first one has a colon ("Kite Care - A
  // Field Guide" against the h1's "Kite Care: A Field Guide") is not voted for: the colon joins
  // a headline and its subtitle as the writer wrote them, the separator is how the site's
  // template joins a <title>'s parts.
  for (size_t at = 0; at < merged.size(); ++at) {
    const SpellingVote* best = nullptr;
    const std::string& first = merged[at].text;
    const size_t first_segments = split_title(first).size();
    const auto first_colons = std::count(first.begin(), first.end(), ':');
    auto colon_to_separator = [&](std::string_view text) {
      return split_title(text).size() > first_segments && std::count(text.begin(), text.end(), ':') < first_colons;
    };
    for (const auto& v : votes)
      if (v.candidate == at && (!best || std::popcount(v.origins) > std::popcount(best->origins)) &&
          same_wording(v.text, first) && !colon_to_separator(v.text))
        best = &v;
    if (best && best->text != merged[at].text) merged[at].text = std::string(best->text);
  }
  out.swap(merged);

  const std::string og_key = loose_key(in.og), title_key = loose_key(in.title_tag), ld_key = loose_key(in.ld);
  std::vector<std::string> head_keys;
  for (size_t i = 0; i < in.heads.size() && i < 3; ++i) head_keys.push_back(loose_key(in.heads[i].text));
  const std::string& meta_ref = !og_clean.empty() ? og_clean : title_clean;
  const std::string& meta_alt = !title_clean.empty() ? title_clean : og_clean;

  for (size_t ci = 0; ci < out.size(); ++ci) {
    TitleCandidate& c = out[ci];
    TitleFeatures& f = c.features;
    auto set = [&](TitleFeature k, double v) { f[static_cast<size_t>(k)] = static_cast<float>(v); };
    auto src = [&](TitleSource s) { return has_source(f, s); };
    const std::string& key = keys[ci];
    const bool from_h1 = from_an_h1(f);
    const bool from_og = src(TitleSource::k_og) || src(TitleSource::k_og_full);
    const bool from_title = src(TitleSource::k_title) || src(TitleSource::k_title_full) ||
                            src(TitleSource::k_title_head) || src(TitleSource::k_title_tail) ||
                            src(TitleSource::k_title_butlast);
    const bool from_ld = src(TitleSource::k_ld);

    bool agree_h1 = false;
    for (size_t i = 0; i < head_keys.size(); ++i) {
      if (in.heads[i].node == c.node && is_h1(c.source)) continue;
      agree_h1 = agree_h1 || same_title(c.text, key, in.heads[i].text, head_keys[i]);
    }
    bool agree_og = !from_og && same_title(c.text, key, in.og, og_key);
    bool agree_title = !from_title && same_title(c.text, key, in.title_tag, title_key);
    bool agree_ld = !from_ld && same_title(c.text, key, in.ld, ld_key);
    set(TitleFeature::k_agree_h1, agree_h1);
    set(TitleFeature::k_agree_og, agree_og);
    set(TitleFeature::k_agree_title, agree_title);
    set(TitleFeature::k_agree_ld, agree_ld);
    set(TitleFeature::k_n_agree, (agree_h1 + agree_og + agree_title + agree_ld + from_h1 + from_og + from_title + from_ld) / 4.0);
    size_t words = word_count(c.text);
    set(TitleFeature::k_words, std::log1p(static_cast<double>(words)) / 3);
    std::vector<std::string_view> segs = split_title(c.text);
    set(TitleFeature::k_has_sep, segs.size() > 1);
    set(TitleFeature::k_ends_q, !c.text.empty() && c.text.back() == '?');
    set(TitleFeature::k_is_site, is_site_segment(c.text, site) && (site.keys.size() + site.host_labels.size()) > 0);
    bool site_seg = false;
    if (segs.size() > 1)
      for (auto s : segs) site_seg = site_seg || is_site_segment(s, site);
    set(TitleFeature::k_has_site_seg, site_seg);
    if (!in.heads.empty() && !(from_h1 && c.node == in.heads[0].node)) set(TitleFeature::k_overlap_h1, overlap(c.text, in.heads[0].text));
    const std::string& other_meta = (from_og || from_title) && meta_ref == c.text ? meta_alt : meta_ref;
    if (!other_meta.empty() && other_meta != c.text) set(TitleFeature::k_overlap_meta, overlap(c.text, other_meta));
    if (from_h1) {
      for (const auto& h : in.heads)
        if (h.node == c.node) {
          set(TitleFeature::k_h1_in_main, h.in_main);
          set(TitleFeature::k_h1_before_main, h.before_main);
        }
      set(TitleFeature::k_first_h1_of_many, src(TitleSource::k_h1_0) && in.heads.size() > 1);
    }
    set(TitleFeature::k_article_h1, in.article && from_h1);
    set(TitleFeature::k_article_meta, in.article && (from_og || from_title || from_ld));
    bool prefix = false, extends = false;
    for (size_t j = 0; j < out.size(); ++j) {
      if (j == ci) continue;
      const std::string& o = keys[j];
      if (o.size() > key.size() && o.compare(0, key.size(), key) == 0) prefix = true;
      if (key.size() > o.size() && key.compare(0, o.size(), o) == 0) extends = true;
    }
    set(TitleFeature::k_prefix_of_other, prefix);
    set(TitleFeature::k_extends_other, extends);
    set(TitleFeature::k_only_source, out.size() == 1);
    const bool from_meta = from_og || from_title || from_ld;
    const double slug_words = std::min<double>(std::count(in.slug.begin(), in.slug.end(), '-'), 8) / 8;
    set(TitleFeature::k_home_h1, in.homepage && from_h1);
    set(TitleFeature::k_home_meta, in.homepage && from_meta);
    set(TitleFeature::k_slug_h1, from_h1 ? slug_words : 0);
    set(TitleFeature::k_slug_meta, from_meta ? slug_words : 0);
    set(TitleFeature::k_product_h1, in.product && from_h1);
    set(TitleFeature::k_product_meta, in.product && from_meta);
    if (!in.slug.empty()) {
      set(TitleFeature::k_slug_overlap, overlap(c.text, in.slug));
      std::vector<std::string> cw = word_keys(c.text), sw = word_keys(in.slug);
      size_t covered = 0;
      for (const auto& w : cw) covered += std::find(sw.begin(), sw.end(), w) != sw.end();
      if (!cw.empty()) set(TitleFeature::k_slug_cover, static_cast<double>(covered) / cw.size());
    }
    // Equal to the last segment of a multi-segment <title> or og:title: where sites put their
    // own or their section's name ("What is Ownership? - The Rust Programming Language").
    bool last_seg = false;
    for (std::string_view t : {std::string_view(in.title_tag), std::string_view(in.og)}) {
      std::vector<std::string_view> ts = split_title(t);
      if (ts.size() > 1 && loose_key(ts.back()) == key) last_seg = true;
    }
    set(TitleFeature::k_is_last_seg, last_seg);
    set(TitleFeature::k_dated_h1, in.dated && from_h1);
    set(TitleFeature::k_dated_meta, in.dated && from_meta);
    double score = 0;
    for (size_t i = 0; i < kTitleFeatureCount; ++i) score += kTitleWeights[i] * f[i];
    c.score = score;
  }
}

int simple_title(const std::vector<TitleCandidate>& cands) {
  if (cands.empty()) return -1;
  auto has = [](const TitleCandidate& c, TitleFeature f) { return c.features[static_cast<size_t>(f)] > 0; };
  for (size_t i = 0; i < cands.size(); ++i) {
    const TitleCandidate& c = cands[i];
    if (has(c, TitleFeature::k_src_h1_0) &&
        (has(c, TitleFeature::k_agree_og) || has(c, TitleFeature::k_agree_title) || has(c, TitleFeature::k_agree_ld) ||
         has(c, TitleFeature::k_src_og) || has(c, TitleFeature::k_src_title) || has(c, TitleFeature::k_src_ld)))
      return static_cast<int>(i);
  }
  for (TitleFeature f : {TitleFeature::k_src_og, TitleFeature::k_src_title, TitleFeature::k_src_ld,
                         TitleFeature::k_src_h1_0})
    for (size_t i = 0; i < cands.size(); ++i)
      if (has(cands[i], f)) return static_cast<int>(i);
  return 0;
}

int best_title(const std::vector<TitleCandidate>& cands) {
  int best = -1;
  for (size_t i = 0; i < cands.size(); ++i)
    if (best < 0 || cands[i].score > cands[static_cast<size_t>(best)].score) best = static_cast<int>(i);
  if (best < 0) return best;
  double sum = 0;
  for (const auto& c : cands) sum += std::exp(c.score - cands[static_cast<size_t>(best)].score);
  const double confidence = 1.0 / sum;
  const int pick = confidence >= kMinTitleConfidence ? best : simple_title(cands);
  if (const int whole = h1_with_subtitle(cands, pick); whole >= 0) return whole;
  if (const int head = h1_before_colon(cands, pick); head >= 0) return head;
  return pick;
}

}  // namespace pith
