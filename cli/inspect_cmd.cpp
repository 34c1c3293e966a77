// pith inspect: a self-contained HTML report of what pith kept of a page and why (the report is
// the library's, pith/inspect.h; this file reads the inputs and writes the files).
#include <CLI/CLI.hpp>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include "commands.h"
#include "common.h"
#include "io/writer.h"
#include "pith/inspect.h"

namespace pith::cli {

namespace {

struct InspectArgs {
  std::vector<std::string> inputs;
  std::string output;
  std::string url;
  std::string charset;
  std::string input_format = "auto";
  std::string field;
  std::optional<uint64_t> record;
  std::string favor = "balanced";
  bool comments = false;
  bool tables = true;
  size_t max_bytes = Budgets{}.max_input_bytes;
  uint32_t max_millis = Budgets{}.max_millis;
};

// A report's file name in the output folder: the input's path below its folder with anything
// but letters, digits, '.', '-' and '_' made '_', the record's offset for a crawl file's page.
std::string report_name(const InputFile& file, const StreamRecord& r, std::set<std::string>& taken) {
  std::string base;
  for (char c : file.rel) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                       c == '-' || c == '_';
    base += plain ? c : '_';
  }
  if (base.empty() || base == "index") base = "page-" + base;
  if (r.multi) base += "@" + std::to_string(r.rec.line ? r.rec.line : r.rec.offset);
  std::string name = base + ".html";
  for (int k = 2; !taken.insert(name).second; ++k) name = base + "-" + std::to_string(k) + ".html";
  return name;
}

int run_inspect(const InspectArgs& a) {
  InspectOptions io;
  io.extract.favor = a.favor == "precision" ? Favor::kPrecision : a.favor == "recall" ? Favor::kRecall : Favor::kBalanced;
  io.extract.comments = a.comments;
  io.extract.tables = a.tables;
  io.extract.budgets.max_input_bytes = a.max_bytes;
  io.extract.budgets.max_millis = a.max_millis;
  io.clean.max_input_bytes = a.max_bytes;
  io.clean.max_millis = a.max_millis;

  namespace fs = std::filesystem;
  std::error_code ec;
  const bool to_dir = (!a.output.empty() && (a.output.back() == '/' || fs::is_directory(a.output, ec))) ||
                      a.inputs.size() > 1;
  if (a.inputs.size() > 1 && a.output.empty()) {
    report("several inputs: give -o DIR/ for one report per page and an index.html");
    return kExitFailed;
  }
  // A folder gives every page it holds: HTML, text and crawl files alike (.walk empty).
  InputList in = list_inputs(a.inputs, {.exclude = {a.output}, .walk = {}});
  Console& con = console();
  for (const auto& e : in.errors) con.error("io", e.path, e.what);
  if (in.files.empty()) {
    report("no input (give HTML or text files, a WARC with --record or --url, or - for stdin)");
    return kExitFailed;
  }
  if (std::string clash = check_outputs(in, a.output, to_dir); !clash.empty()) {
    report(clash);
    return kExitFailed;
  }
  if (to_dir) {
    fs::create_directories(a.output, ec);
    if (ec) {
      report(a.output + ": " + ec.message());
      return kExitFailed;
    }
  }
  ReaderOptions ro = reader_options(a.input_format, a.field, "html", PageKind::kAny, a.max_bytes);
  ro.url = a.url;
  ro.charset = a.charset;

  Inspector inspector(io);
  InputStream stream(in, ro);
  StreamRecord r;
  std::vector<InspectIndexEntry> index;
  std::set<std::string> taken = {"index.html"};
  size_t written = 0, failed = 0, multi_pages = 0;
  std::string single_path, single_html;
  while (stream.next(r)) {
    const InputFile& file = in.files[r.file];
    const std::string source = r.multi ? file.path + ":" + std::to_string(r.rec.line ? r.rec.line : r.rec.offset) : file.path;
    if (r.file_error) {
      con.error(r.rec.reason, file.path, r.rec.error.message);
      ++failed;
      continue;
    }
    if (r.trailing || r.rec.kind == InputRecord::kSkip) continue;
    // In a crawl file, --record and --url choose the page.
    if (r.multi) {
      if (a.record && r.rec.offset != *a.record && r.rec.line != *a.record) continue;
      if (!a.url.empty() && r.rec.url != a.url) continue;
    }
    if (r.rec.kind == InputRecord::kBad) {
      con.error(r.rec.reason, source, r.rec.error.message);
      ++failed;
      continue;
    }
    if (r.multi && !to_dir && !a.record && a.url.empty() && ++multi_pages > 1) {
      report(file.path + " holds several pages: choose one with --record OFFSET or --url URL, or give -o DIR/");
      return kExitFailed;
    }
    // As pith extract reads a record, so that the report shows what pith extract writes.
    InspectPage page;
    page.bytes = r.rec.body;
    page.text = r.rec.kind == InputRecord::kText;
    page.source = source;
    page.info.url = r.rec.url;
    page.info.charset = r.rec.charset;
    page.info.language = r.rec.http_header("Content-Language");
    page.info.http_status = r.rec.http_status;
    page.info.fetched = r.rec.date;  // WARC-Date or the JSONL "date": no page date after it
    auto rep = inspector.inspect(page);
    if (!rep) {
      con.error(std::string(error_code_name(rep.error().code)), source, rep.error().message);
      ++failed;
      if (to_dir) {
        InspectIndexEntry entry;
        entry.summary.source = source;
        entry.error = rep.error().message;
        index.push_back(std::move(entry));
      }
      continue;
    }
    std::string path;
    if (to_dir) {
      std::string name = report_name(file, r, taken);
      path = (fs::path(a.output) / name).string();
      index.push_back({.summary = rep->summary, .href = name, .error = {}});
    } else {
      path = !a.output.empty() ? a.output : fs::path(file.path == "-" ? "stdin" : file.path).filename().string() + ".inspect.html";
    }
    if (!to_dir) {
      // One report: written once the input is known to hold no second page.
      single_path = path;
      single_html = std::move(rep->html);
      if (r.multi && (a.record || !a.url.empty())) break;  // the chosen record
      continue;
    }
    if (auto w = write_file_atomic(path, rep->html); !w) {
      report(path + ": " + w.error().message);
      return kExitFailed;
    }
    ++written;
  }
  if (!to_dir && !single_path.empty()) {
    if (auto w = write_file_atomic(single_path, single_html); !w) {
      report(single_path + ": " + w.error().message);
      return kExitFailed;
    }
    ++written;
    con.summary("wrote " + single_path);
  }
  if (to_dir) {
    const std::string path = (fs::path(a.output) / "index.html").string();
    if (auto w = write_file_atomic(path, inspect_index_html(index)); !w) {
      report(path + ": " + w.error().message);
      return kExitFailed;
    }
    con.summary("wrote " + std::to_string(written) + " reports and " + path);
  }
  con.finish();
  if (written == 0 && failed == 0) {
    report(a.record || !a.url.empty() ? "no page matched --record / --url" : "no page in the input");
    return kExitFailed;
  }
  if (written == 0) return kExitFailed;
  return failed ? kExitSomeRejected : kExitOk;
}

}  // namespace

Runner add_inspect_command(CLI::App& app) {
  auto a = std::make_shared<InspectArgs>();
  CLI::App* sub = app.add_subcommand(
      "inspect",
      "Write an HTML report of what pith kept of a page and why: blocks kept and dropped with their rules, "
      "metadata and its sources, text, Markdown and JSON (self-contained; opens from disk)");
  sub->add_option("inputs", a->inputs, "HTML or text pages, a WARC/JSONL file (with --record or --url), - for stdin")
      ->required();
  sub->add_option("-o,--output", a->output,
                  "Report file (default NAME.inspect.html here); a folder (DIR/) for one report per page plus index.html");
  sub->add_option("--url", a->url, "The page's URL; in a WARC or JSONL file, the record with this URL");
  sub->add_option("--record", a->record, "In a WARC or JSONL file: the record at this offset (JSONL: line), as pith's messages name it");
  sub->add_option("--charset", a->charset, "Charset from HTTP headers");
  sub->add_option("--input-format", a->input_format, "auto, html, text, jsonl, warc")
      ->check(CLI::IsMember({"auto", "html", "text", "jsonl", "warc", "wet", "arc"}));
  sub->add_option("--field", a->field, "JSONL: the field with the page (implies JSONL input)");
  sub->add_option("--favor", a->favor, "precision, balanced or recall")->check(CLI::IsMember({"precision", "balanced", "recall"}));
  sub->add_flag("--comments", a->comments, "Extract the comment section apart from the text");
  sub->add_flag("--tables,!--no-tables", a->tables, "Keep tables (default) or drop them");
  sub->add_option("--max-bytes", a->max_bytes, "Reject pages larger than this many bytes");
  sub->add_option("--max-millis", a->max_millis, "Time budget per page in milliseconds");
  return [a] { return run_inspect(*a); };
}

}  // namespace pith::cli
