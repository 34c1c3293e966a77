// pith clean: text pages (.txt files, folders of them) or JSONL records in; the article text,
// JSON with every dropped line and its reason, or the same JSONL records cleaned out.
// With --learn-boilerplate a first pass counts lines across all inputs (pith/clean.h
// BoilerplateLearner), the second pass cleans with those counts.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <thread>

#include "commands.h"
#include "core/work_item.h"
#include "common.h"
#include "core/json_writer.h"
#include "core/strings.h"
#include "io/input.h"
#include "pipeline/ordered.h"
#include "pith/clean.h"
#include "text/clean_json.h"

namespace pith::cli {

namespace {

namespace fs = std::filesystem;

struct CleanArgs {
  std::vector<std::string> inputs;
  std::string format;  // empty: jsonl when every input is JSONL, else text
  std::string input_format = "auto";
  std::string output;
  std::string field;  // JSONL: the field with the text (default text); given alone, it says the input is JSONL
  std::string url_field = "url";
  std::string url;
  std::string rejects;
  bool learn = false;
  bool keep_title = false;
  size_t learn_memory_mb = LearnerOptions{}.memory_bytes >> 20;
  uint32_t min_pages = LearnerOptions{}.min_pages;
  double min_share = LearnerOptions{}.min_share;
  unsigned jobs = 0;
  size_t max_bytes = CleanOptions{}.max_input_bytes;
  size_t max_line_bytes = CleanOptions{}.max_line_bytes;
  uint32_t max_millis = CleanOptions{}.max_millis;
};

struct Done {
  std::string out;
  std::string error, reason, skipped;
  std::string source;
  size_t file = 0;
  uint64_t where = 0;  // JSONL line, or WARC offset
  bool is_line = false;
  bool multi = false;  // a record of a JSONL or WARC file: `where` says which
  bool file_error = false, notes_only = false;
  std::vector<Error> notes;
  size_t bytes = 0;
  size_t dropped = 0;
  bool empty = false;  // a record whose text was empty: written with nothing kept
  std::vector<std::string> budget_warnings;  // "time budget hit: ...": the record was cut short
};

struct Sink {
  Output out;
  bool open = false;
  std::string path;
};

int run_clean(const CleanArgs& args) {
  CleanArgs a = args;
  const bool to_dir = !a.output.empty() && (a.output.ends_with('/') || fs::is_directory(a.output));
  InputList in = list_inputs(
      a.inputs, {.exclude = {a.output, a.rejects}, .walk = {InputFormat::kText, InputFormat::kJsonl, InputFormat::kWarc}});
  Console& con = console();
  con.set_rejects_path(a.rejects);
  for (const auto& e : in.errors) con.error("io", e.path, e.what);
  if (in.files.empty()) {
    report("no input (give text files, JSONL files, WET/WARC files, folders of them, quoted globs, or - for stdin)");
    return kExitFailed;
  }
  ReaderOptions ro = reader_options(a.input_format, a.field, "text", PageKind::kText, a.max_bytes);
  ro.url_field = a.url_field;
  ro.url = a.url;

  // JSONL in, the same records out, unless another format is asked for: the formats are found
  // by content, so each input is sniffed first (stdin can only be read once: its name decides).
  std::vector<InputFormat> formats;
  for (const auto& f : in.files) {
    if (ro.format != InputFormat::kAuto) formats.push_back(ro.format);
    else if (f.path == "-") formats.push_back(InputFormat::kText);
    else {
      auto r = RecordReader::open(f, ro);
      formats.push_back(r ? (*r)->format() : InputFormat::kAuto);
    }
  }
  auto is_jsonl = [](InputFormat f) { return f == InputFormat::kJsonl; };
  if (a.format.empty()) a.format = std::all_of(formats.begin(), formats.end(), is_jsonl) ? "jsonl" : "text";
  if (a.format == "jsonl") {
    for (size_t i = 0; i < in.files.size(); ++i)
      if (formats[i] != InputFormat::kJsonl && formats[i] != InputFormat::kAuto) {
        report(escape_for_terminal(in.files[i].path) +
               ": --format jsonl writes JSONL records back: give JSONL input (or --input-format jsonl)");
        return kExitFailed;
      }
    ro.keep_line = true;
  }
  if (a.format == "jsonl" && in.files.size() == 1 && in.files[0].path == "-") ro.format = InputFormat::kJsonl;
  const std::string suffix = a.format == "json" ? ".json" : "";
  if (std::string clash = check_outputs(in, a.output, to_dir, to_dir ? suffix : ""); !clash.empty()) {
    report(clash);
    return kExitFailed;
  }
  if (!a.rejects.empty())
    if (std::string clash = check_outputs(in, a.rejects, false); !clash.empty()) {
      report(clash);
      return kExitFailed;
    }
  CleanOptions copt;
  copt.max_input_bytes = a.max_bytes;
  copt.max_line_bytes = a.max_line_bytes;
  copt.keep_title = a.keep_title;
  copt.max_millis = a.max_millis;
  copt.list_dropped = a.format == "json";  // the other formats write no dropped lines

  std::unique_ptr<BoilerplateLearner> learner;
  if (a.learn) {
    for (const auto& f : in.files)
      if (f.path == "-") {
        report("--learn-boilerplate reads the input twice: give files, not stdin");
        return kExitFailed;
      }
    LearnerOptions lo;
    lo.memory_bytes = a.learn_memory_mb << 20;
    lo.min_pages = a.min_pages;
    lo.min_share = a.min_share;
    learner = std::make_unique<BoilerplateLearner>(lo);
    InputStream src(in, ro);
    StreamRecord item;
    while (src.next(item))  // errors are reported in pass 2
      if (item.rec.kind == InputRecord::kText) learner->observe(item.rec.body, item.rec.url);
    copt.learned = learner.get();
  }

  unsigned threads = a.jobs ? a.jobs : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::unique_ptr<Cleaner>> cleaners;
  for (unsigned t = 0; t < threads; ++t) cleaners.push_back(std::make_unique<Cleaner>(copt));

  Output shared;
  if (!to_dir) {
    if (!shared.open(a.output)) return kExitFailed;
  } else {
    std::error_code ec;
    fs::create_directories(a.output, ec);
  }
  Output rejects;
  bool rejects_open = !a.rejects.empty() && rejects.open(a.rejects);
  if (!a.rejects.empty() && !rejects_open) return kExitFailed;

  const bool many = in.files.size() > 1;
  auto work = [&](StreamRecord& item, unsigned w) -> Done {
    Done d;
    d.file = item.file;
    d.notes = std::move(item.rec.stream_errors);
    d.notes_only = item.trailing;
    d.file_error = item.file_error;
    InputRecord& r = item.rec;
    const InputFile& f = in.files[item.file];
    d.is_line = r.line != 0;
    d.where = r.line ? r.line : r.offset;
    d.source = item.multi ? f.path + ":" + std::to_string(d.where) : f.path;
    WorkItemScope scope(d.source.c_str());  // named by the crash report
    d.multi = item.multi;
    d.bytes = r.kind == InputRecord::kText ? r.body.size() : 0;
    if (d.notes_only) return d;
    if (r.kind == InputRecord::kSkip) {
      d.skipped = r.reason;
      return d;
    }
    if (r.kind == InputRecord::kBad) {
      d.error = r.error.message;
      d.reason = r.reason;
      if (!d.is_line && r.error.offset) {  // the offset of the damage itself
        d.where = r.error.offset;
        d.multi = true;
      }
      return d;
    }
    const bool jsonl_record = r.format == InputFormat::kJsonl;
    auto c = cleaners[w]->clean(r.body, r.url);
    if (!c && (jsonl_record || r.format == InputFormat::kWarc) && c.error().code == ErrorCode::kEmptyInput) {
      // A record with an empty text is written as it is, an empty page among others; it is
      // counted as empty, not rejected.
      d.empty = true;
      c = Cleaned{};
      c->warnings.push_back("empty text");
    }
    if (!c) {
      d.error = c.error().message;
      d.reason = std::string(error_code_name(c.error().code));
      return d;
    }
    d.dropped = c->lines - c->kept_lines;
    for (const auto& w : c->warnings)
      if (w.find("budget hit") != std::string::npos) d.budget_warnings.push_back(w);
    if (a.format == "json") {
      write_clean_json(*c, d.source, r.url, d.out);
      d.out.push_back('\n');
    } else if (a.format == "jsonl") {
      const std::string_view line = r.line_bytes;
      d.out.reserve(line.size() + c->text.size() / 8 + 256);
      d.out.append(line.substr(0, r.value_begin));
      if (d.empty) d.out += line.substr(r.value_begin, r.value_end - r.value_begin);
      else json_escape_valid_utf8(c->text, d.out);
      d.out.append(line.substr(r.value_end, r.object_end - r.value_end));
      JsonWriter w2(d.out);
      d.out += ",\"pith\":";
      w2.begin_object().field("title", c->title).field("date", c->date);
      w2.field("dropped_lines", static_cast<uint64_t>(c->lines - c->kept_lines));
      w2.field("noise", std::round(c->noise.score * 1000) / 1000);
      if (d.empty) w2.field("empty", true);
      w2.end_object();
      d.out.append(line.substr(r.object_end));
      d.out.push_back('\n');
    } else {
      if ((many && !to_dir) || item.multi) d.out = "==> " + d.source + " <==\n";
      d.out += c->text;
      if ((many && !to_dir) || item.multi) d.out += "\n";
    }
    return d;
  };

  size_t records = 0, cleaned = 0, rejected = in.errors.size(), empty = 0, dropped_lines = 0, skipped_total = 0;
  uint64_t total_bytes = 0;
  for (const auto& f : in.files) total_bytes += f.size;
  std::map<std::string, size_t> reasons, skipped;
  if (!in.errors.empty()) reasons["io"] = in.errors.size();
  con.start_progress({.unit = "records", .bytes = total_bytes, .files = in.files.size()});
  Output per_file;
  bool per_file_open = false;
  size_t per_file_index = SIZE_MAX;
  bool write_failed = false, stopped = false;
  auto sink_for = [&](size_t file) -> Output* {
    if (!to_dir) return &shared;
    if (per_file_index == file && per_file_open) return &per_file;
    if (per_file_open) write_failed |= !per_file.close();
    per_file = Output{};
    fs::path p = fs::path(a.output) / (in.files[file].rel + suffix);
    std::error_code ec;
    fs::create_directories(p.parent_path(), ec);
    per_file_open = per_file.open(p.string());
    per_file_index = file;
    return per_file_open ? &per_file : nullptr;
  };
  auto write_reject = [&](const Done& d) {
    if (!rejects_open) return;
    std::string line;
    JsonWriter w(line);
    w.begin_object().field("source", in.files[d.file].path);
    w.field(d.is_line ? "line" : "offset", static_cast<uint64_t>(d.where));
    w.field("reason", d.reason).field("message", d.error).end_object();
    line.push_back('\n');
    rejects.write(line);
  };
  InputStream src(in, ro);
  auto produce = [&](StreamRecord& item) { return src.next(item); };
  auto bytes = [](const StreamRecord& item) { return item.rec.body.size() + item.rec.line_bytes.size() + 256; };
  auto emit = [&](Done& d) -> bool {
    for (const Error& e : d.notes) {
      con.error("stream_damage", in.files[d.file].path, e.offset, e.message);
      ++rejected;
      ++reasons["stream_damage"];
      Done note;
      note.file = d.file;
      note.where = e.offset;
      note.reason = "stream_damage";
      note.error = e.message;
      write_reject(note);
    }
    if (d.notes_only) return true;
    ++records;
    if (!d.skipped.empty()) {
      ++skipped[d.skipped];
      ++skipped_total;
    } else if (!d.error.empty()) {
      ++rejected;
      ++reasons[d.reason];
      con.error(d.reason, in.files[d.file].path, d.multi ? std::optional<uint64_t>(d.where) : std::nullopt, d.error);
      write_reject(d);
    } else {
      ++cleaned;
      for (const auto& w : d.budget_warnings) con.warning("budget", d.source, w);
      dropped_lines += d.dropped;
      empty += d.empty;
      Output* o = sink_for(d.file);
      if (!o || !o->write(d.out)) {
        if (!to_dir && shared.broken_pipe()) {
          stopped = true;
          return false;
        }
        write_failed = true;
      }
    }
    con.progress({.items = records, .bytes = src.raw_done(), .files = src.files_done()});
    return true;
  };
  ordered_stream<StreamRecord, Done>({.threads = threads}, produce, bytes, work, emit);
  con.finish();
  if (per_file_open) write_failed |= !per_file.close();
  if (!to_dir) write_failed |= !shared.close();
  if (rejects_open) write_failed |= !rejects.close();
  if (stopped || (!to_dir && shared.broken_pipe())) return kExitOk;
  if (rejected || records > 1 || skipped_total) {
    auto list = [](const std::map<std::string, size_t>& m) {
      std::string s;
      for (auto& [k, v] : m) s += (s.empty() ? "" : ", ") + k + " " + std::to_string(v);
      return s;
    };
    std::string summary = std::to_string(records + in.errors.size()) + " records: " + std::to_string(cleaned) +
                          " cleaned (" + (empty ? std::to_string(empty) + " empty, " : std::string()) +
                          std::to_string(dropped_lines) + " lines dropped), " + std::to_string(rejected) + " rejected";
    if (rejected) summary += " (" + list(reasons) + ")";
    if (skipped_total) summary += ", " + std::to_string(skipped_total) + " not text (" + list(skipped) + ")";
    if (learner) summary += "; learned from " + std::to_string(learner->pages_observed()) + " distinct pages";
    con.summary(summary);
  }
  if (write_failed) return kExitFailed;
  return rejected ? kExitSomeRejected : kExitOk;
}

}  // namespace

Runner add_clean_command(CLI::App& app) {
  auto a = std::make_shared<CleanArgs>();
  CLI::App* sub = app.add_subcommand(
      "clean", "Strip the chrome from already-extracted text (WET, C4-style dumps): the article, each drop explained");
  sub->add_option("inputs", a->inputs,
                  "Text files (one page each), JSONL files, WET files (each conversion record), folders of them, "
                  "quoted globs, or - for stdin; plain, gzip or zstd")
      ->required();
  sub->add_option("-f,--format", a->format,
                  "Output: text, json (per page: title, date, text, dropped lines with reasons, noise) or jsonl "
                  "(the input records with the text cleaned and a `pith` object added); default: jsonl when every "
                  "input is JSONL, else text")
      ->check(CLI::IsMember({"text", "json", "jsonl"}));
  sub->add_option("-o,--output", a->output, "Write here instead of stdout; a folder (existing, or ending in /) "
                                            "gets one output file per input file");
  sub->add_option("--input-format", a->input_format, "auto (by content), text, jsonl or warc (WET conversion records)")
      ->check(CLI::IsMember({"auto", "text", "jsonl", "warc"}));
  sub->add_option("--field", a->field, "JSONL: the field that holds the text (default text); implies JSONL input");
  sub->add_option("--url-field", a->url_field, "JSONL: the field that holds the page URL (groups learned boilerplate)");
  sub->add_option("--url", a->url, "Text input: the page URL");
  sub->add_flag("--learn-boilerplate", a->learn,
                "Two passes: first count lines across all inputs (per site), then drop lines that recur on many pages");
  sub->add_option("--learn-memory", a->learn_memory_mb, "Memory for the line counts, in MiB (fixed, whatever the input size)");
  sub->add_option("--min-pages", a->min_pages, "Learned boilerplate: a line on at least this many pages of a site");
  sub->add_option("--min-share", a->min_share, "Learned boilerplate: ... and on at least this share of the site's pages");
  sub->add_flag("--keep-title", a->keep_title, "Keep the headline line in the text too");
  sub->add_option("--rejects", a->rejects, "Write every rejected record here as JSONL: source, line, reason, message");
  sub->add_option("-j,--jobs", a->jobs, "Threads; output order is input order")->default_str(all_cores_default());
  sub->add_option("--max-bytes", a->max_bytes, "Reject pages / records larger than this many bytes");
  sub->add_option("--max-millis", a->max_millis,
                  "Time budget per record in milliseconds: past it, what was cleaned so far, with a warning");
  sub->add_option("--max-line-bytes", a->max_line_bytes, "Drop lines longer than this many bytes (overlong_line)");
  return [a] { return run_clean(*a); };
}

}  // namespace pith::cli
