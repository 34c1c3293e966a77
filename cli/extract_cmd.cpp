// pith extract: pages in (files, folders, stdin), text / markdown / JSON / JSONL out.
#include <CLI/CLI.hpp>
#include <atomic>
#include <map>
#include <memory>
#include <thread>

#include "commands.h"
#include "common.h"
#include "io/input.h"
#include "parallel.h"
#include "pith/extract.h"

namespace pith::cli {

namespace {

struct ExtractArgs {
  std::vector<std::string> inputs;
  std::string format = "text";
  std::string output;
  std::string url;
  std::string charset;
  std::string favor = "balanced";
  std::string parser = "html5";
  bool comments = false, links = false, images = false, no_tables = false, explain = false;
  bool tables = true;
  unsigned jobs = 0;
  size_t max_bytes = Budgets{}.max_input_bytes;
  uint32_t max_millis = Budgets{}.max_millis;
};

struct PageResult {
  std::string record;   // formatted output
  std::string error;    // message if rejected
  std::string reason;   // error code name
  size_t offset = 0;
  size_t bytes = 0;
  bool no_text = false;  // extracted, but no main text (Extraction::text is empty)
};

int run_extract(const ExtractArgs& a) {
  Options opt;
  opt.favor = a.favor == "precision" ? Favor::kPrecision : a.favor == "recall" ? Favor::kRecall : Favor::kBalanced;
  opt.comments = a.comments;
  opt.links = a.links;
  opt.images = a.images;
  opt.tables = a.tables && !a.no_tables;
  opt.markdown = a.format == "markdown";
  opt.explain = a.explain;
  opt.parser = a.parser == "html5" ? Parser::kHtml5 : Parser::kLibxml2;
  opt.budgets.max_input_bytes = a.max_bytes;
  opt.budgets.max_millis = a.max_millis;

  std::vector<PathError> missing;
  std::vector<std::string> files = list_page_files(a.inputs, missing);
  for (const auto& e : missing) report(e.path, 0, e.what);
  if (files.empty()) {
    report("no input pages (give .html, .htm or .html.gz files, folders, or - for stdin)");
    return kExitFailed;
  }
  unsigned threads = a.jobs ? a.jobs : std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, static_cast<unsigned>(files.size()));
  std::vector<std::unique_ptr<Extractor>> extractors;
  for (unsigned t = 0; t < std::max(1u, threads); ++t) extractors.push_back(std::make_unique<Extractor>(opt));

  Output out;
  if (!out.open(a.output)) return kExitFailed;
  const bool many = files.size() > 1;
  const bool json = a.format == "json" || a.format == "jsonl";

  // Once the reader of stdout has gone (`| head`), the remaining pages are skipped.
  std::atomic<bool> stop{false};
  auto work = [&](size_t i, unsigned w) -> PageResult {
    PageResult r;
    if (stop.load(std::memory_order_relaxed)) return r;
    const std::string& path = files[i];
    auto bytes = read_page_file(path, opt.budgets.max_input_bytes);
    if (!bytes) {
      r.error = bytes.error().message;
      r.reason = std::string(error_code_name(bytes.error().code));
      r.offset = bytes.error().offset;
      return r;
    }
    r.bytes = bytes->size();
    PageInfo page;
    page.url = a.url;
    page.charset = a.charset;
    auto ex = extractors[w]->extract(*bytes, page);
    if (!ex) {
      r.error = ex.error().message;
      r.reason = std::string(error_code_name(ex.error().code));
      r.offset = ex.error().offset;
      return r;
    }
    const Extraction& e = *ex;
    r.no_text = e.text.empty();
    if (json) {
      write_json(e, path == "-" ? "-" : path, r.record);
      r.record.push_back('\n');
    } else {
      if (many) r.record = "==> " + path + " <==\n";
      r.record += a.format == "markdown" ? e.markdown : e.text;
      r.record += many ? "\n\n" : "\n";
    }
    return r;
  };

  size_t total_bytes = 0;
  Progress progress(files.size(), 0);
  size_t done = 0, rejected = missing.size(), no_text = 0;
  std::map<std::string, size_t> reasons;
  if (!missing.empty()) reasons[std::string(error_code_name(ErrorCode::kIo))] = missing.size();
  auto emit = [&](size_t i, PageResult& r) {
    if (stop.load(std::memory_order_relaxed)) return;
    ++done;
    total_bytes += r.bytes;
    if (!r.error.empty()) {
      ++rejected;
      ++reasons[r.reason];
      report(files[i], r.offset, r.error);
    } else if (!out.write(r.record)) {
      stop.store(true, std::memory_order_relaxed);
    } else if (r.no_text) {
      ++no_text;
      report(files[i], 0, kNoMainTextWarning);
    }
    progress.update(done, total_bytes);
  };
  ordered_parallel<PageResult>(files.size(), threads, work, emit);
  progress.finish();
  bool closed = out.close();
  if (out.broken_pipe()) return kExitOk;
  if (rejected || no_text) {
    // "8 pages: 4 extracted (1 with no main text), 4 rejected (empty_input 2, io 2)"
    const size_t pages = files.size() + missing.size();
    std::string summary = std::to_string(pages) + " pages: " + std::to_string(pages - rejected) + " extracted";
    if (no_text) summary += " (" + std::to_string(no_text) + " with no main text)";
    if (rejected) {
      summary += ", " + std::to_string(rejected) + " rejected (";
      bool first = true;
      for (auto& [k, v] : reasons) {
        summary += (first ? "" : ", ") + k + " " + std::to_string(v);
        first = false;
      }
      summary += ")";
    }
    report(summary);
  }
  if (!closed) return kExitFailed;
  return rejected ? kExitSomeRejected : kExitOk;
}

}  // namespace

Runner add_extract_command(CLI::App& app) {
  auto a = std::make_shared<ExtractArgs>();
  CLI::App* sub = app.add_subcommand("extract", "Extract the main text and metadata of HTML pages");
  sub->add_option("inputs", a->inputs, ".html, .htm or .html.gz files, folders (read recursively), or - for stdin")
      ->required();
  sub->add_option("-f,--format", a->format, "Output: text, markdown, json (one object per page) or jsonl")
      ->check(CLI::IsMember({"text", "markdown", "json", "jsonl"}));
  sub->add_option("-o,--output", a->output, "Write here instead of stdout (appears atomically when done)");
  sub->add_option("--url", a->url, "The page's URL (for metadata and dates in the URL)");
  sub->add_option("--charset", a->charset, "The charset from HTTP headers, if known (else sniffed)");
  sub->add_option("--favor", a->favor, "Trade-off: precision, balanced or recall")
      ->check(CLI::IsMember({"precision", "balanced", "recall"}));
  sub->add_option("--parser", a->parser, "HTML parser: html5 (pith's own, the default) or libxml2 (for differential runs)")
      ->check(CLI::IsMember({"html5", "libxml2"}));
  sub->add_flag("--comments", a->comments, "Extract the comment section into the `comments` field");
  sub->add_flag("--links", a->links, "Markdown: keep link targets");
  sub->add_flag("--images", a->images, "Markdown: keep images");
  sub->add_flag("--tables,!--no-tables", a->tables, "Keep tables (default) or drop them");
  sub->add_flag("--explain", a->explain, "JSON: list every dropped block with the rule that dropped it");
  sub->add_option("-j,--jobs", a->jobs, "Threads (default: all cores); output order is input order");
  sub->add_option("--max-bytes", a->max_bytes, "Reject pages larger than this many bytes");
  sub->add_option("--max-millis", a->max_millis, "Time budget per page in milliseconds");
  return [a] { return run_extract(*a); };
}

}  // namespace pith::cli
