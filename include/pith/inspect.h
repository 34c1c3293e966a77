// pith/inspect.h: one self-contained HTML page that shows what pith kept of a page and why
// (`pith inspect`, `pith serve`).
//
//   pith::Inspector inspector;                         // one per thread; reuse it
//   pith::Result<pith::InspectReport> r = inspector.inspect({.bytes = html, .source = "a.html"});
//   if (r) write_file("a.report.html", r->html);
//
// The report lists the page's blocks in document order (kept ones as the text output renders
// them, dropped ones greyed and collapsed with their rule; a click shows the rule, the element's
// path, its score and why the rule fired), the metadata with the signal each field came from,
// the page type, the charset, the warnings, dropped characters by rule, and tabs with the text,
// the Markdown (rendered) and the JSON exactly as `pith extract --format json` writes it. A text
// page goes through pith clean's engine instead: its lines are the blocks.
//
// Safe by construction: everything that came from the page is escaped text, never markup; the
// page's Content-Security-Policy forbids every load from the network or another file and every
// script but the report's own; links and images of the page are shown as text, never followed
// or loaded. The page opens from disk.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pith/clean.h"
#include "pith/export.h"
#include "pith/extract.h"
#include "pith/result.h"

namespace pith {

struct InspectOptions {
  // How the page is extracted (favor, comments, tables, budgets, ...). The inspector turns on
  // what it shows (Options::blocks, explain, markdown); the JSON tab is written as the CLI
  // writes it with these options.
  Options extract;
  CleanOptions clean;  // for text pages
};

struct InspectPage {
  std::string_view bytes;
  bool text = false;         // text that a crawler already extracted: cleaned (pith clean), not extracted
  std::string_view source;   // where it came from ("a.html", "crawl.warc.gz:1234"): shown, and the JSON's source
  PageInfo info;             // URL and HTTP charset
};

// What an index of many reports shows of each.
struct InspectSummary {
  std::string source;
  std::string title;
  std::string url;
  std::string page_type;            // "text" for a text page
  double page_type_confidence = 0;  // 1 for a text page
  uint32_t text_chars = 0;          // characters of the text output (code points)
  uint32_t kept_blocks = 0;
  uint32_t dropped_blocks = 0;
  uint32_t dropped_chars = 0;
  std::vector<std::string> warnings;
};

struct InspectReport {
  std::string html;
  InspectSummary summary;
  // The policy that html's <meta> carries, for a server to send as a header too (pith serve).
  std::string content_security_policy;
};

class PITH_API Inspector {
 public:
  explicit Inspector(InspectOptions options = {});
  ~Inspector();
  Inspector(Inspector&&) noexcept;
  Inspector& operator=(Inspector&&) noexcept;

  // Errors are the extractor's or the cleaner's (empty page, binary data, over the budget).
  Result<InspectReport> inspect(const InspectPage& page);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A row of the index: a report's summary and the relative link to it; or a page that could not
// be inspected (error set, href empty).
struct InspectIndexEntry {
  InspectSummary summary;
  std::string href;
  std::string error;
};

// The index page of several reports: one row per page, sortable by each column (empty text,
// low confidence, many warnings first with one click). Self-contained like the reports.
PITH_API std::string inspect_index_html(const std::vector<InspectIndexEntry>& entries);

// The page of `pith serve`: a form where a user pastes a page's HTML or chooses a file (and may
// give its URL, as metadata only), which posts to `action` on the same server. No script; its
// policy lets the form post to its own origin only, and loads nothing.
struct InspectFormOptions {
  std::string_view action = "/inspect";
  size_t max_bytes = Budgets{}.max_input_bytes;  // the largest page the server takes, shown
  uint32_t max_millis = Budgets{}.max_millis;    // the time budget per page, shown
};

// The names of the form's fields, which the server reads (multipart/form-data, UTF-8).
inline constexpr std::string_view kInspectFieldHtml = "html";  // pasted HTML (or text)
inline constexpr std::string_view kInspectFieldFile = "file";  // a chosen file; wins over the pasted text
inline constexpr std::string_view kInspectFieldUrl = "url";    // the page's URL: metadata, never fetched
inline constexpr std::string_view kInspectFieldKind = "kind";  // "html", or "text" for pith clean's engine

struct InspectFormPage {
  std::string html;
  std::string content_security_policy;  // as html's <meta> carries it
};

PITH_API InspectFormPage inspect_form_page(const InspectFormOptions& options = {});

// The Markdown pith writes (CommonMark with GFM pipe tables: headings, paragraphs, lists, block
// quotes, fenced code, tables, links, images) as HTML for the report's Markdown tab. Every piece
// of text is escaped; links and images become text (their targets shown, never followed or
// loaded).
PITH_API std::string markdown_to_safe_html(std::string_view markdown);

}  // namespace pith
