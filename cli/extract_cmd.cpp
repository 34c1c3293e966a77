// pith extract: pages in (files, folders, stdin), text / markdown / JSON / JSONL out.
#include <CLI/CLI.hpp>
#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <thread>

#include <fstream>
#include <iterator>

#include "commands.h"
#include "core/work_item.h"
#include "common.h"
#include "extract/block_model.h"
#include "io/input.h"
#include "pipeline/ordered.h"
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
  std::string input_format = "auto";
  std::string field;  // JSONL: the field with the HTML; given alone, it says the input is JSONL
  bool comments = false, links = false, images = false, no_tables = false, explain = false;
  std::optional<double> type_hints_min_confidence;
  bool tables = true;
  bool block_model = false;
  std::string block_model_file;  // dev: a model file of tools/train_blocks.py --export
  unsigned jobs = 0;
  size_t max_bytes = Budgets{}.max_input_bytes;
  uint32_t max_millis = Budgets{}.max_millis;
};

struct PageResult {
  std::string record;   // formatted output
  std::string error;    // message if rejected
  std::string reason;   // error code name
  std::string skipped;  // a record that is no page (a WARC request record): why
  std::string file, source;
  uint64_t where = 0;
  std::vector<std::pair<uint64_t, std::string>> notes;  // damage of the compressed stream
  bool file_error = false, notes_only = false, multi = false;
  bool no_text = false;  // extracted, but no main text (Extraction::text is empty)
  std::string no_text_warning;  // why: kNoMainTextWarning, or kNoMainContentWarning and its reason
  std::vector<std::string> budget_warnings;  // "time budget hit: ...": the page was cut short
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
  if (a.type_hints_min_confidence) opt.type_hints_min_confidence = *a.type_hints_min_confidence;
  opt.parser = a.parser == "html5" ? Parser::kHtml5 : Parser::kLibxml2;
  opt.budgets.max_input_bytes = a.max_bytes;
  opt.budgets.max_millis = a.max_millis;
  opt.block_model = a.block_model || !a.block_model_file.empty();
  std::string block_model_text;
  if (!a.block_model_file.empty()) {
    std::ifstream f(a.block_model_file, std::ios::binary);
    block_model_text.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
    BlockModel model;
    std::string error;
    if (!f.is_open()) error = "cannot open it";
    else parse_block_model(block_model_text, model, error);
    if (!error.empty()) {
      report("--block-model-file " + a.block_model_file + ": " + error);
      return kExitFailed;
    }
    opt.block_model_text = block_model_text;
  }

  // A folder's HTML pages and crawl files (and its JSONL files when --field says they hold pages).
  std::vector<InputFormat> walk = {InputFormat::kHtml, InputFormat::kWarc};
  if (!a.field.empty() || a.input_format == "jsonl") walk.push_back(InputFormat::kJsonl);
  InputList in = list_inputs(a.inputs, {.exclude = {a.output}, .walk = walk});
  Console& con = console();
  for (const auto& e : in.errors) con.error("io", e.path, e.what);
  if (in.files.empty()) {
    report("no input (give HTML files, folders, WARC/ARC or JSONL files, quoted globs, or - for stdin)");
    return kExitFailed;
  }
  if (std::string clash = check_outputs(in, a.output, false); !clash.empty()) {
    report(clash);
    return kExitFailed;
  }
  ReaderOptions ro = reader_options(a.input_format, a.field, "html", PageKind::kHtml, opt.budgets.max_input_bytes);
  ro.url = a.url;
  ro.charset = a.charset;

  unsigned threads = a.jobs ? a.jobs : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::unique_ptr<Extractor>> extractors;
  for (unsigned t = 0; t < threads; ++t) extractors.push_back(std::make_unique<Extractor>(opt));

  Output out;
  if (!out.open(a.output)) return kExitFailed;
  const bool json = a.format == "json", jsonl = a.format == "jsonl";

  InputStream stream(in, ro);
  auto produce = [&](StreamRecord& p) { return stream.next(p); };
  auto bytes = [](const StreamRecord& p) { return p.rec.body.size() + 512; };
  auto work = [&](StreamRecord& p, unsigned w) -> PageResult {
    PageResult r;
    InputRecord& rec = p.rec;
    r.file = in.files[p.file].path;
    r.where = rec.line ? rec.line : rec.offset;
    r.source = p.multi ? r.file + ":" + std::to_string(r.where) : r.file;
    WorkItemScope scope(r.source.c_str());  // named by the crash report
    r.multi = p.multi;
    r.file_error = p.file_error;
    r.notes_only = p.trailing;
    for (const Error& e : rec.stream_errors) r.notes.emplace_back(e.offset, e.message);
    if (r.notes_only) return r;
    if (rec.kind == InputRecord::kSkip) {
      r.skipped = rec.reason;
      return r;
    }
    if (rec.kind == InputRecord::kBad) {
      r.error = rec.error.message;
      r.reason = rec.reason;
      if (rec.error.offset && !rec.line) {  // the offset of the damage itself
        r.where = rec.error.offset;
        r.multi = true;
      }
      return r;
    }
    PageInfo page;
    page.url = rec.url;
    page.charset = rec.charset;
    page.language = rec.http_header("Content-Language");
    page.http_status = rec.http_status;
    page.fetched = rec.date;  // WARC-Date or the JSONL "date": no page date after it
    auto ex = extractors[w]->extract(rec.body, page);
    if (!ex) {
      r.error = ex.error().message;
      r.reason = std::string(error_code_name(ex.error().code));
      return r;
    }
    const Extraction& e = *ex;
    r.no_text = e.text.empty();
    for (const auto& w : e.warnings)
      if (w.starts_with(kNoMainContentWarning) || w == kNoMainTextWarning) r.no_text_warning = w;
    for (const auto& w : e.warnings)
      if (w.find("budget hit") != std::string::npos) r.budget_warnings.push_back(w);
    if (json || jsonl) {
      write_json(e, r.source == "-" ? "-" : r.source, r.record);
    } else {
      r.record = a.format == "markdown" ? e.markdown : e.text;
    }
    return r;
  };

  // --format json: one object for one page, an array for several (decided when a second page
  // comes, so that a single page stays one object).
  std::string first_json;
  size_t pages_out = 0;
  auto write_record = [&](PageResult& r) -> bool {
    ++pages_out;
    if (json) {
      if (pages_out == 1) {
        first_json = std::move(r.record);
        return true;
      }
      bool ok = true;
      if (pages_out == 2) ok = out.write("[\n" + first_json);
      return ok && out.write(",\n" + r.record);
    }
    if (jsonl) return out.write(r.record + "\n");
    if (pages_out > 1) r.record = "\n==> " + r.source + " <==\n" + r.record;
    else if (in.files.size() > 1 || r.source != r.file) r.record = "==> " + r.source + " <==\n" + r.record;
    return out.write(r.record + "\n");
  };

  uint64_t total_bytes = 0;
  for (const auto& f : in.files) total_bytes += f.size;
  con.start_progress({.unit = "pages", .bytes = total_bytes, .files = in.files.size()});

  size_t records = 0, rejected = in.errors.size(), no_text = 0;
  std::map<std::string, size_t> reasons, skipped;
  if (!in.errors.empty()) reasons["io"] = in.errors.size();
  bool stopped = false;
  auto emit = [&](PageResult& r) -> bool {
    for (const auto& [off, what] : r.notes) {
      con.error("stream_damage", r.file, off, what);
      ++rejected;
      ++reasons["stream_damage"];
    }
    if (r.notes_only) return true;
    ++records;
    if (!r.skipped.empty()) {
      ++skipped[r.skipped];
    } else if (!r.error.empty()) {
      ++rejected;
      ++reasons[r.reason];
      con.error(r.reason, r.file, r.multi ? std::optional<uint64_t>(r.where) : std::nullopt, r.error);
    } else if (!write_record(r)) {
      stopped = true;
      return false;
    } else if (r.no_text) {
      ++no_text;
      con.warning("no_text", r.source, r.no_text_warning.empty() ? std::string(kNoMainTextWarning) : r.no_text_warning);
    }
    for (const auto& w : r.budget_warnings) con.warning("budget", r.source, w);
    con.progress({.items = records, .bytes = stream.raw_done(), .files = stream.files_done()});
    return true;
  };
  ordered_stream<StreamRecord, PageResult>({.threads = threads}, produce, bytes, work, emit);
  if (!stopped && json) {
    if (pages_out == 1) out.write(first_json + "\n");
    else if (pages_out > 1) out.write("\n]\n");
    else if (in.files.size() > 1) out.write("[]\n");
  }
  con.finish();
  bool closed = out.close();
  if (out.broken_pipe()) return kExitOk;
  size_t skipped_total = 0;
  for (auto& [k, v] : skipped) skipped_total += v;
  if (rejected || no_text || skipped_total) {
    // "8 pages: 3 extracted (1 with no main text), 4 rejected (empty_input 2, io 2), 1 skipped (warc_type:request 1)"
    auto list = [](const std::map<std::string, size_t>& m) {
      std::string s;
      for (auto& [k, v] : m) s += (s.empty() ? "" : ", ") + k + " " + std::to_string(v);
      return s;
    };
    std::string summary = std::to_string(records + in.errors.size()) + " pages: " + std::to_string(pages_out) + " extracted";
    if (no_text) summary += " (" + std::to_string(no_text) + " with no main text)";
    if (rejected) summary += ", " + std::to_string(rejected) + " rejected (" + list(reasons) + ")";
    if (skipped_total) summary += ", " + std::to_string(skipped_total) + " not pages (" + list(skipped) + ")";
    con.summary(summary);
  }
  if (!closed) return kExitFailed;
  return rejected ? kExitSomeRejected : kExitOk;
}

}  // namespace

Runner add_extract_command(CLI::App& app) {
  auto a = std::make_shared<ExtractArgs>();
  CLI::App* sub = app.add_subcommand("extract", "Extract the main text and metadata of HTML pages");
  sub->add_option("inputs", a->inputs,
                  "HTML files, folders (read recursively), WARC/ARC files (each HTML response), JSONL files "
                  "(--field), quoted globs, or - for stdin; plain, gzip or zstd")
      ->required();
  sub->add_option("-f,--format", a->format,
                  "Output: text, markdown, json (one object for one page, a JSON array for several) or jsonl "
                  "(one object per line)")
      ->check(CLI::IsMember({"text", "markdown", "json", "jsonl"}));
  sub->add_option("-o,--output", a->output, "Write here instead of stdout (appears atomically when done)");
  sub->add_option("--input-format", a->input_format, "auto (by content), html, text, jsonl or warc (also WET, ARC)")
      ->check(CLI::IsMember({"auto", "html", "text", "jsonl", "warc"}));
  sub->add_option("--field", a->field, "JSONL: the field with the page's HTML (default html); implies JSONL input");
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
  sub->add_option("--type-hints-min-confidence", a->type_hints_min_confidence,
                  "Let the page type widen the selection only at this confidence or above (0..1; 2 = never)")
      ->check(CLI::Range(0.0, 2.0));
  sub->add_flag("--block-model", a->block_model,
                "Let the learned block classifier decide which blocks make the text (off by default: see "
                "bench/results/2026-12-06-block-classifier.md)");
  sub->add_option("--block-model-file", a->block_model_file,
                  "For development: the block classifier's model from FILE (tools/train_blocks.py --export) "
                  "instead of the built-in one; implies --block-model");
  sub->add_option("-j,--jobs", a->jobs, "Threads; output order is input order")->default_str(all_cores_default());
  sub->add_option("--max-bytes", a->max_bytes, "Reject pages larger than this many bytes");
  sub->add_option("--max-millis", a->max_millis, "Time budget per page in milliseconds");
  return [a] { return run_extract(*a); };
}

}  // namespace pith::cli
