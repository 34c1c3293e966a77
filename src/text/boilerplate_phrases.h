// Phrases that are chrome on any site, as named data: each table is one reason a line is
// dropped, each entry a phrase and where on the line it must stand. Matching runs on word
// hashes (text/line_features.h), so case, punctuation and spacing do not matter, and a line
// costs one hash probe per word unless a phrase starts at that word.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace pith {

// Why a line was dropped. Names (drop_reason_name) are stable: stats and tests use them.
enum class DropReason : uint8_t {
  kNone,
  kTitle,              // the headline: moved to metadata
  kDateLine,           // a line that is a date (moved to metadata) or a byline with a date
  kByline,             // "By NAME", author and reading-time lines
  kWidget,             // weather, clock, stock ticker: numbers and units
  kNavigation,         // menus, breadcrumbs, pagination, short link-like lines
  kListHeading,        // the heading of a list of other pages: "Related news", "Latest posts"
  kCallToAction,       // "Read more", "Click here", "Download now"
  kCommentForm,        // "Leave a reply", "Please enter your comment!"
  kComments,           // the comment section after the article
  kFeedback,           // page-rating widgets: "Was this page helpful?", "Yes / No"
  kAuthorBio,          // "About the author": the author's box under the article
  kShare,              // share/follow buttons
  kSubscribe,          // newsletter and subscription prompts
  kLogin,              // sign in / register
  kCookieLegal,        // cookie banners, privacy and terms links
  kCopyright,          // "(c) 2023 ... All rights reserved."
  kAdvertisement,      // "Advertisement", "Sponsored"
  kCaption,            // image credits: "Photo: ...", "Getty Images"
  kRepeatedInPage,     // the same line again on the same page
  kRepeatedAcrossPages,// learned: on many pages of the same site
  kOutsideArticle,     // not chrome by itself, but outside the run of article prose
  kOverlongLine,       // over CleanOptions::max_line_bytes
  kNoLetters,          // symbols, digits and punctuation only
  kTooLittleText,      // what was left of the page is a few words and no sentence
  kCount
};
std::string_view drop_reason_name(DropReason r);

// Where the phrase must stand for the line to match.
enum class PhraseScope : uint8_t {
  kWholeLine,  // the line is the phrase (numbers around it allowed: "Comments (12)")
  kLineStart,  // the line starts with it and is short (<= kMaxStartLineWords words)
  kHeading,    // the line starts with it and is a heading (<= kMaxHeadingWords words):
               // "Most Popular Videos", "More from Science", "Next Up in Health"
  kAnywhere,   // anywhere in a line that is not long prose (<= kMaxAnywhereLineWords words,
               // or <= kMaxLongChromeLineWords holding kMinPhrasesOfLongChromeLine phrases)
};
inline constexpr uint32_t kMaxStartLineWords = 25;     // a prompt or a heading, not a paragraph
inline constexpr uint32_t kMaxHeadingWords = 6;        // the section headings of teaser lists
inline constexpr uint32_t kMaxAnywhereLineWords = 45;  // a cookie banner is ~20-45 words
// A longer line is chrome when it holds this many anywhere-phrases: the legal links of a footer
// glued into one line ("Privacy Policy - Terms of Use - ... All rights reserved. <licence no.>"),
// which prose of that length does not hold. Han text counts ~1.5 characters a word, so a
// licence number line in Chinese pushes such a footer past kMaxAnywhereLineWords.
inline constexpr uint32_t kMaxLongChromeLineWords = 90;
inline constexpr uint32_t kMinPhrasesOfLongChromeLine = 3;

struct BoilerplatePhrase {
  std::string_view phrase;
  PhraseScope scope;
};

struct PhraseTable {
  std::string_view name;  // for docs and tests
  DropReason reason;
  bool ends_article;      // the line starts the comment section: the article is over
  const BoilerplatePhrase* phrases;
  size_t count;
};

// All tables, in match priority order.
const std::vector<PhraseTable>& boilerplate_tables();

struct PhraseHit {
  DropReason reason = DropReason::kNone;
  PhraseScope scope = PhraseScope::kWholeLine;
  std::string_view phrase;
  bool ends_article = false;
  explicit operator bool() const { return reason != DropReason::kNone; }
};

// Finds the first table phrase on a line given its word hashes (all of its words, or the
// first 64 when longer) and its word count.
PhraseHit match_boilerplate(const std::vector<uint64_t>& word_hashes, uint32_t words);

}  // namespace pith
