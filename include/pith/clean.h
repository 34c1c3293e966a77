// pith/clean.h: the article inside text that a crawler already extracted (a WET record, a
// C4-style dump, a scrape), line by line, with a named reason for every line it drops.
//
//   pith::Cleaner cleaner;                              // one per thread; reuse it
//   pith::Result<pith::Cleaned> r = cleaner.clean(page_text, "https://example.com/a");
//   if (r) std::cout << r->title << "\n" << r->date << "\n\n" << r->text;
//   for (const auto& d : r->dropped) std::cout << d.line << " " << d.reason << ": " << d.text;
//
// Each line is classified from general signals (length, terminal punctuation, stop-word
// density, letters vs digits and symbols, title case, position, neighbours) and from named
// tables of phrases that are boilerplate anywhere on the web (src/text/boilerplate_phrases.cpp).
// The article is the densest run of prose lines; the headline and the date that the chrome
// around it carries become metadata. Noise signals (quotation marks out of place, fragments
// glued across quotes) are reported, never used to drop.
//
// Cross-page boilerplate: a BoilerplateLearner sees every page once (pass 1) and then tells
// the Cleaner which lines recur on many pages of the same site (pass 2), in fixed memory.
//
// Nothing here prints, throws for a bad page, or exits; a page that cannot be cleaned comes
// back as an Error (empty, binary, over budget).
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pith/export.h"
#include "pith/result.h"

namespace pith {

class BoilerplateLearner;

struct CleanOptions {
  size_t max_input_bytes = 64u << 20;  // the page cap of pith extract (Budgets::max_input_bytes)
  size_t max_line_bytes = 1u << 20;    // a longer line is no prose: dropped as "overlong_line"
  // Wall time for one page (pith extract's Budgets::max_millis). Past it, the lines read so far
  // are cleaned and the rest left out, or the search for further runs of the article stops; a
  // warning names the pass.
  uint32_t max_millis = 10'000;
  bool keep_title = false;             // also keep the headline line in the text
  // Fill Cleaned::dropped (line, reason, text of each dropped line). Off, only the counts are
  // kept (Cleaned::lines - kept_lines): a corpus run that writes the text alone spares a
  // string per dropped line.
  bool list_dropped = true;
  // Lines that recur across pages (pass 2 of --learn-boilerplate); not owned, may be null.
  const BoilerplateLearner* learned = nullptr;
};

// One line that cleaning dropped, and why. Reasons are stable names: see drop_reason_names().
struct DroppedLine {
  uint32_t line = 0;     // 1-based line number in the input
  std::string reason;    // "navigation", "date_line", "comment_form", ...
  std::string text;      // the line, trimmed, cut to 200 bytes
};

// Per-document noise scores: artefacts of machine translation, spinning or bad extraction.
// Reported only. Counts are raw; `score` is a 0..1 summary (0 = clean).
struct NoiseSignals {
  uint32_t quote_marks = 0;          // quotation marks seen (straight and curly)
  uint32_t unbalanced_quotes = 0;    // paragraphs whose quotation marks do not pair up
  uint32_t misplaced_quotes = 0;     // a closing quote after a space / before a word, `."` + lowercase
  uint32_t glued_fragments = 0;      // a sentence end glued to a new quote or fragment (`be.” another`)
  uint32_t doubled_punctuation = 0;  // `..`, `,,`, `” be able to record”.`-style repeats
  uint32_t replacement_chars = 0;    // U+FFFD from invalid bytes
  double score = 0;
};

struct Cleaned {
  std::string title;    // the headline, if the chrome carried one
  std::string date;     // YYYY-MM-DD, from a date line near the headline
  std::string text;     // the kept lines; a blank line of the input between two kept lines stays
  std::vector<DroppedLine> dropped;  // empty when CleanOptions::list_dropped is off
  NoiseSignals noise;
  bool list_like = false;     // no dominant run of prose: kept every line that is not chrome
  uint32_t lines = 0;         // non-empty input lines
  uint32_t kept_lines = 0;    // the others were dropped
  std::vector<std::string> warnings;  // invalid UTF-8 repaired, time budget hit, ...
};

class PITH_API Cleaner {
 public:
  explicit Cleaner(CleanOptions options = {});
  ~Cleaner();
  Cleaner(Cleaner&&) noexcept;
  Cleaner& operator=(Cleaner&&) noexcept;

  // url: the page URL when known (its host groups learned boilerplate; its path helps to find
  // the headline). Text in any encoding that is mostly UTF-8; bad bytes become U+FFFD.
  Result<Cleaned> clean(std::string_view text, std::string_view url = {});
  const CleanOptions& options() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Every reason a line can be dropped for, in a stable order (for stats and docs).
PITH_API const std::vector<std::string_view>& drop_reason_names();

// Cross-page boilerplate in bounded memory. Pass 1: observe(text, url) for every page (any
// order; pages with identical text count once). Pass 2: give the learner to CleanOptions.
// A line is boilerplate for a site when it is on at least min_pages pages of that site and on
// at least min_share of the site's pages. Memory is fixed at construction (memory_bytes()),
// whatever the number of pages: counts live in a set-associative table of 64-bit
// (site, line) hashes where rare entries decay to make room (HeavyKeeper, Gong et al.,
// USENIX ATC 2018), so counts are never over the truth (short of a 64-bit hash collision):
// under memory pressure the learner can miss boilerplate, never invent it.
struct LearnerOptions {
  size_t memory_bytes = 256u << 20;  // 16M slots of 16 bytes
  uint32_t min_pages = 5;            // a line on 4 pages of a site may be a quote; on 5, chrome
  double min_share = 0.2;            // and on a fifth of the site's pages
  size_t max_line_bytes = 2048;      // longer lines are prose; they are not counted
};

class PITH_API BoilerplateLearner {
 public:
  explicit BoilerplateLearner(LearnerOptions options = {});
  ~BoilerplateLearner();
  BoilerplateLearner(BoilerplateLearner&&) noexcept;
  BoilerplateLearner& operator=(BoilerplateLearner&&) noexcept;

  void observe(std::string_view text, std::string_view url = {});
  // Pages of the site of url that held this line (a lower bound), and pages of that site.
  uint32_t line_pages(std::string_view line, std::string_view url) const;
  uint32_t site_pages(std::string_view url) const;
  bool is_boilerplate(std::string_view line, std::string_view url) const;
  // The same by precomputed keys (src/text/boilerplate_learner.h line_key, site_key).
  bool is_boilerplate_key(uint64_t site_key, uint64_t line_key) const;

  size_t memory_bytes() const;  // fixed at construction
  uint64_t pages_observed() const;
  const LearnerOptions& options() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The site of a URL, as learned boilerplate groups it: the host, lower-cased, without "www.".
PITH_API std::string_view url_site(std::string_view url);

}  // namespace pith
