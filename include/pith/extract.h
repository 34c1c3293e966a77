// pith/extract.h: the main content and metadata of one HTML page, from bytes in memory.
//
//   pith::Extractor extractor;                       // one per thread; reuse it
//   pith::PageInfo page{.url = "https://example.com/a"};
//   pith::Result<pith::Extraction> r = extractor.extract(html_bytes, page);
//   if (r) std::cout << r->title << "\n\n" << r->text;
//   else   std::cerr << r.error().message;
//
// An Extractor holds no global state: its parser, DOM arena and scratch buffers are its own,
// so N threads use N extractors. Nothing here prints, throws for a bad page, or exits.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pith/export.h"
#include "pith/result.h"

namespace pith {

enum class Favor { kBalanced, kPrecision, kRecall };

// Which HTML parser builds the DOM: pith's own WHATWG HTML5 parser, or libxml2's HTML parser.
enum class Parser { kHtml5, kLibxml2 };

// Caps that keep one bad page from taking the process down. Over max_input_bytes is an error;
// over max_nodes or max_millis the DOM is cut and a warning says so.
struct Budgets {
  size_t max_input_bytes = 64u << 20;  // 64 MiB: ~50x the largest page of the bench sets
  size_t max_nodes = 2'000'000;
  uint16_t max_depth = 512;             // as deep as Blink's own parser cap (512)
  uint32_t max_millis = 10'000;         // wall time for one page
};

struct Options {
  Favor favor = Favor::kBalanced;
  bool comments = false;   // extract the comment section into Extraction::comments
  bool links = false;      // markdown: keep link targets
  bool images = false;     // markdown: keep images
  bool tables = true;      // keep tables in the text
  bool markdown = false;   // also render Extraction::markdown
  bool explain = false;    // record every dropped block in Extraction::dropped
  bool blocks = false;     // record every block of the page in Extraction::blocks (pith inspect)
  Parser parser = Parser::kHtml5;  // pith's own WHATWG parser; kLibxml2 stays for differential tests
  // The page type steers a second selection (wider for products, services, documentation and
  // collections; src/extract/README.md) only when the type model's confidence is at least this.
  // 0.5: the lowest threshold at which the pages it mistypes lose nothing against the untyped
  // selection, on wcxb-dev with cross-validated types and on magic-html (tools/type_threshold.py).
  // 0 = always, > 1 = never.
  double type_hints_min_confidence = 0.5;
  // Let the learned block classifier decide every block (src/extract/block_model.h): the text is
  // the blocks it keeps, in page order; a block of the rules' text that it drops is explained as
  // "block-model". Off by default: on sites it never saw it gains on forum-heavy magic-html and
  // loses a little on dev and wcxb-dev (bench/results/2026-12-06-block-classifier.md).
  bool block_model = false;
  // For development (tools/cv_blocks.sh): the model's text (tools/train_blocks.py --export) to use
  // instead of the built-in one, when block_model is on. The caller keeps it alive; a text that is
  // no model leaves the rules' text and says so in the warnings.
  std::string_view block_model_text{};
  Budgets budgets{};
};

// What the caller knows about a page beyond its bytes (from a crawl record or the command line).
struct PageInfo {
  std::string_view url{};      // page URL, used for metadata and dates in the path
  std::string_view charset{};  // charset label from HTTP or WARC headers
  // The HTTP Content-Language header ("de", "pt-BR"): the page's language where its markup
  // names none (`lang_source` "http"), as a browser takes it.
  std::string_view language{};
  int http_status = 0;       // HTTP status when known (0: unknown); 4xx and 5xx pages have no main text
  // When the page was fetched (a WARC-Date, an HTTP Date; any form parse_date reads): dates
  // after it are impossible and ignored. Empty: today.
  std::string_view fetched{};
};

// Where a metadata value was found.
struct Sourced {
  std::string value;
  std::string source;  // "json-ld", "meta", "time", "url", "byline", "title", ...
};

// One block that extraction dropped, and why (a rule name from src/extract/rules.cpp).
struct Dropped {
  std::string rule;     // e.g. "tag:nav", "class:share", "link-dense", "outside-main"
  std::string element;  // e.g. "div.share-bar#top"
  std::string preview;  // the first ~80 characters of its text
  uint32_t chars = 0;   // characters of text dropped
};

// One block of the page's body, in document order, kept or dropped (Options::blocks): what
// `pith inspect` shows. A block is the smallest element (or run of inline text) that is wholly
// kept, wholly dropped by one rule, or wholly outside the main container.
struct Block {
  bool kept = false;
  std::string rule;       // empty when kept; else the rule that dropped it (as in Dropped::rule)
  std::string element;    // "p.intro", "#text" for loose text
  std::string path;       // its ancestors from <body>: "body > div#page > article.post > p.intro"
  std::string reason;     // why the rule fired, in words, with the numbers it used
  std::string text;       // kept: as the text output renders it; dropped: its text, collapsed, capped
  uint32_t chars = 0;     // visible characters (not capped)
  uint32_t link_chars = 0;  // of which inside links
  float score = 0;        // content weight summed over the element (trace's sum); 0 when dropped unscored
};

struct Extraction {
  std::string url;
  std::string title;       // the headline, as the page writes it (no site name)
  std::string html_title;  // the page's <title>, white space collapsed, site name and all
  Sourced author;          // every author, joined with ", "
  std::vector<std::string> authors;  // each person or organisation named as author, in page order
  Sourced date;       // published, YYYY-MM-DD
  Sourced modified;   // YYYY-MM-DD
  std::string sitename;
  std::string description;
  std::string lang;         // "en", "pt-br", "zh-hant": the page's language tag, primary subtag
  // Where lang came from: "html" (lang or xml:lang on <html>), "meta" (content-language,
  // og:locale, ...), "json-ld" (inLanguage), "http" (the Content-Language header,
  // PageInfo::language), "detected" (CLD2 on the main text, where the markup
  // names no language and CLD2 is sure); empty with an empty lang.
  std::string lang_source;
  std::vector<std::string> tags;
  std::string image;
  std::string page_type;  // article, forum, product, listing, collection, documentation, service, other
  double page_type_confidence = 0;
  std::string text;       // plain text; paragraphs separated by blank lines
  std::string markdown;   // when Options::markdown
  std::string comments;   // when Options::comments
  std::string charset;    // the charset the bytes were decoded from
  // Which rule chose it: "bom", "caller" (HTTP), "meta", "utf8-valid", "utf8-valid-over-declared"
  // (declared legacy, but the bytes are valid UTF-8 with multibyte sequences), "detector", "default".
  std::string charset_source;
  std::vector<Dropped> dropped;        // when Options::explain
  std::string main_element;            // when Options::explain: the chosen container, e.g. "article.post"
  std::string trace;                   // when Options::explain: the scored tree around the container
  // When Options::explain: drop rules that matched but yielded, because their element held half
  // the page's text or most of its prose (a <form> or "sidebar" wrapping the article); rule is
  // the rule that yielded.
  std::vector<Dropped> yielded;
  std::vector<Block> blocks;           // when Options::blocks
  std::vector<std::string> warnings;   // budgets hit, bytes replaced, kNoMainTextWarning, ...
};

// The warning of a page whose text came out empty (all script, or all boilerplate): the
// extraction still carries its metadata.
inline constexpr std::string_view kNoMainTextWarning =
    "no main text found (nothing visible outside scripts, styles and boilerplate)";
// The warning of a page that has no main content by design, followed by why: "http_status" (a
// 4xx or 5xx response), "error_page" (404, "page not found", "access denied", ... in its title,
// heading or short text), "no_results" (a search that found nothing), "login_wall" (a sign-in
// form under a "Sign in" title). Its text is empty; its metadata is kept.
inline constexpr std::string_view kNoMainContentWarning = "no_main_content: ";

class PITH_API Extractor {
 public:
  explicit Extractor(Options options = {});
  ~Extractor();
  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;

  Result<Extraction> extract(std::string_view bytes, const PageInfo& page = {});
  const Options& options() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// JSON for one extraction (one line, no trailing newline), with `source` first when given.
PITH_API void write_json(const Extraction& e, std::string_view source, std::string& out);

}  // namespace pith
