// pith clean: text pages (.txt files, folders of them) or JSONL records in; the article text,
// JSON with every dropped line and its reason, or the same JSONL records cleaned out.
// With --learn-boilerplate a first pass counts lines across all inputs (pith/clean.h
// BoilerplateLearner), the second pass cleans with those counts.
#include <simdjson.h>
#include <zlib.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <cmath>
#include <cstring>
#include <map>
#include <unistd.h>
#include <memory>
#include <thread>

#include "commands.h"
#include "common.h"
#include "core/json_writer.h"
#include "core/strings.h"
#include "io/input.h"
#include "parallel.h"
#include "pith/clean.h"

namespace pith::cli {

namespace {

namespace fs = std::filesystem;

struct CleanArgs {
  std::vector<std::string> inputs;
  std::string format;  // empty: jsonl when every input is JSONL, else text
  std::string input_format = "auto";
  std::string output;
  std::string field = "text";
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
};

// Records per batch handed to the worker threads; a batch also stops at kBatchBytes.
constexpr size_t kBatchRecords = 2048;
constexpr size_t kBatchBytes = 4u << 20;

struct InputFile {
  std::string path;
  std::string rel;  // path under the folder it was found in (for -o DIR)
  bool jsonl = false;
};

// One page: a whole text file, or one line of a JSONL file. Its bytes live in the batch's arena
// (Arena), so that a batch of thousands of records costs no allocation per record once the arena
// has grown to the batch size.
struct Record {
  size_t file = 0;
  uint32_t line = 0;  // 1-based JSONL line; 1 for a text file
  size_t offset = 0, size = 0;  // in the arena
  std::string error;  // set when reading already failed
  std::string reason;
};

// The bytes of a batch of records, each followed by kPadding bytes so that simdjson parses a
// record in place (it reads up to SIMDJSON_PADDING bytes past the end).
constexpr size_t kPadding = simdjson::SIMDJSON_PADDING;
struct Arena {
  std::string bytes;
  std::string_view view(const Record& r) const { return std::string_view(bytes.data() + r.offset, r.size); }
  void clear() { bytes.clear(); }
  void pad() { bytes.append(kPadding, ' '); }
};

struct Done {
  std::string out;
  std::string error, reason;
  uint32_t line = 0;
  size_t bytes = 0;
  size_t dropped = 0;
  bool empty = false;  // a JSONL record whose text was empty: written with nothing kept
};

bool is_jsonl_name(std::string_view name) {
  std::string n = ascii_lowercase(name);
  if (n.ends_with(".gz")) n.resize(n.size() - 3);
  if (n.ends_with(".zst")) n.resize(n.size() - 4);
  return n.ends_with(".jsonl") || n.ends_with(".ndjson") || n.ends_with(".json");
}

bool is_text_name(std::string_view name) {
  std::string n = ascii_lowercase(name);
  if (n.ends_with(".gz")) n.resize(n.size() - 3);
  return n.ends_with(".txt") || n.ends_with(".text") || n.ends_with(".wet") || is_jsonl_name(name);
}

std::vector<InputFile> list_inputs(const CleanArgs& a, std::vector<std::string>& errors) {
  std::vector<InputFile> out;
  auto add = [&](const std::string& path, const std::string& rel) {
    bool jsonl = a.input_format == "jsonl" || (a.input_format == "auto" && is_jsonl_name(path));
    out.push_back(InputFile{path, rel, jsonl});
  };
  for (const auto& p : a.inputs) {
    if (p == "-") {
      add(p, "stdin");
      continue;
    }
    std::error_code ec;
    auto st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      errors.push_back(p + ": no such file or folder");
      continue;
    }
    if (!fs::is_directory(st)) {
      add(p, fs::path(p).filename().string());
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec))
      if (it->is_regular_file(ec) && is_text_name(it->path().filename().string())) found.push_back(it->path().string());
    if (ec) errors.push_back(p + ": " + ec.message());
    std::sort(found.begin(), found.end());
    for (const auto& f : found) add(f, fs::relative(f, p).string());
  }
  return out;
}

// Reads lines of any length from a plain or gzip file (zlib reads both); a line over max is
// skipped to its end and reported, not stored.
class LineReader {
 public:
  bool open(const std::string& path) {
    gz_ = path == "-" ? gzdopen(dup(0), "rb") : gzopen(path.c_str(), "rb");
    if (gz_) gzbuffer(gz_, 1 << 17);
    return gz_ != nullptr;
  }
  ~LineReader() {
    if (gz_) gzclose(gz_);
  }
  // 1 = a line, appended to `line`; 0 = end, -1 = read error; too_long set when the line was
  // over max (then nothing is appended).
  int next(std::string& line, size_t max, bool& too_long) {
    const size_t line_start = line.size();
    too_long = false;
    bool any = false;
    while (true) {
      if (pos_ == len_) {
        int n = gzread(gz_, buf_, sizeof buf_);
        if (n < 0) return -1;
        if (n == 0) return any ? 1 : 0;
        pos_ = 0;
        len_ = static_cast<size_t>(n);
      }
      any = true;
      const char* start = buf_ + pos_;
      const char* nl = static_cast<const char*>(std::memchr(start, '\n', len_ - pos_));
      size_t take = nl ? static_cast<size_t>(nl - start) : len_ - pos_;
      if (!too_long) {
        if (line.size() - line_start + take > max) {
          too_long = true;
          line.resize(line_start);
        } else {
          line.append(start, take);
        }
      }
      pos_ += take;
      if (nl) {
        ++pos_;
        return 1;
      }
    }
  }

 private:
  gzFile gz_ = nullptr;
  char buf_[1 << 16];
  size_t pos_ = 0, len_ = 0;
};

// Pulls records from all inputs in order.
class RecordSource {
 public:
  RecordSource(const std::vector<InputFile>& files, size_t max_bytes) : files_(files), max_(max_bytes) {}
  // The next record; its bytes are appended to the arena (with padding).
  bool next(Record& r, Arena& arena) {
    while (file_ < files_.size()) {
      const InputFile& f = files_[file_];
      if (!f.jsonl) {
        r = Record{};
        r.file = file_++;
        r.line = 1;
        auto bytes = read_page_file(f.path, max_);
        if (!bytes) {
          r.error = bytes.error().message;
          r.reason = std::string(error_code_name(bytes.error().code));
        } else {
          r.offset = arena.bytes.size();
          r.size = bytes->size();
          arena.bytes += *bytes;
          arena.pad();
        }
        return true;
      }
      if (!reader_) {
        reader_ = std::make_unique<LineReader>();
        line_ = 0;
        if (!reader_->open(f.path)) {
          reader_.reset();
          r = Record{};
          r.file = file_++;
          r.error = std::string("cannot read: ") + std::strerror(errno);
          r.reason = "io";
          return true;
        }
      }
      bool too_long = false;
      const size_t start = arena.bytes.size();
      int got = reader_->next(arena.bytes, max_, too_long);
      if (got == 1) {
        ++line_;
        if (!too_long && trim(std::string_view(arena.bytes).substr(start)).empty()) {
          arena.bytes.resize(start);
          continue;  // blank lines between records are fine
        }
        r = Record{};
        r.file = file_;
        r.line = line_;
        if (too_long) {
          r.error = "record over the budget of " + std::to_string(max_) + " bytes (--max-bytes)";
          r.reason = "too_large";
        } else {
          r.offset = start;
          r.size = arena.bytes.size() - start;
          arena.pad();
        }
        return true;
      }
      bool failed = got < 0;
      reader_.reset();
      ++file_;
      if (failed) {
        r = Record{};
        r.file = file_ - 1;
        r.line = line_ + 1;
        r.error = "read error (corrupt gzip data?)";
        r.reason = "io";
        return true;
      }
    }
    return false;
  }

 private:
  const std::vector<InputFile>& files_;
  size_t max_;
  size_t file_ = 0;
  uint32_t line_ = 0;
  std::unique_ptr<LineReader> reader_;
};

// What a JSONL record holds for cleaning: its text (unescaped), its URL, and where the text
// value stands in the line, so that the record can be written back with only that changed.
// text and url point into the parser's string buffer: valid until it parses the next record.
struct JsonFields {
  std::string_view text, url;
  size_t value_begin = 0, value_end = 0, object_end = 0;
};

// line must be followed by kPadding readable bytes (Arena).
Result<JsonFields> read_json_record(simdjson::ondemand::parser& parser, std::string_view line,
                                    const std::string& field, const std::string& url_field) {
  using namespace simdjson;
  ondemand::document doc;
  if (auto err = parser.iterate(line.data(), line.size(), line.size() + kPadding).get(doc))
    return Error{ErrorCode::kBadInput, std::string("invalid JSON: ") + error_message(err)};
  ondemand::object obj;
  if (doc.get_object().get(obj)) return Error{ErrorCode::kBadInput, "record is not a JSON object"};
  JsonFields out;
  bool found = false;
  for (auto f : obj) {
    std::string_view key;
    if (auto err = f.unescaped_key().get(key)) return Error{ErrorCode::kBadInput, std::string("invalid JSON: ") + error_message(err)};
    ondemand::value v;
    if (auto err = f.value().get(v)) return Error{ErrorCode::kBadInput, std::string("invalid JSON: ") + error_message(err)};
    if (key == field && !found) {
      std::string_view token = v.raw_json_token();
      std::string_view s;
      // null is an empty text (a page with no visible text, as `pith wet` writes it): the
      // record goes through with nothing kept, it is not lost.
      if (v.is_null().value_unsafe()) s = {};
      else if (v.get_string().get(s))
        return Error{ErrorCode::kBadInput, "field \"" + field + "\" is not a string"};
      token = trim(token);
      out.value_begin = static_cast<size_t>(token.data() - line.data());
      out.value_end = out.value_begin + token.size();
      out.text = s;
      found = true;
    } else if (key == url_field) {
      std::string_view s;
      if (!v.get_string().get(s)) out.url = s;
    } else {
      // Walk over the value so that a broken record is found here, not half-written later.
      ondemand::json_type type;
      if (auto err = v.type().get(type)) return Error{ErrorCode::kBadInput, std::string("invalid JSON: ") + error_message(err)};
      std::string_view raw;
      error_code err = SUCCESS;
      if (type == ondemand::json_type::object) {
        ondemand::object o;
        err = v.get_object().get(o);
        if (!err) err = o.raw_json().get(raw);
      } else if (type == ondemand::json_type::array) {
        ondemand::array arr;
        err = v.get_array().get(arr);
        if (!err) err = arr.raw_json().get(raw);
      }
      if (err) return Error{ErrorCode::kBadInput, std::string("invalid JSON: ") + error_message(err)};
    }
  }
  if (!found) return Error{ErrorCode::kBadInput, "no field \"" + field + "\" (--field)"};
  size_t end = line.find_last_of('}');
  out.object_end = end == std::string_view::npos ? line.size() : end;
  return out;
}

void write_dropped_json(JsonWriter& w, const Cleaned& c) {
  w.key("dropped").begin_array();
  for (const auto& d : c.dropped)
    w.begin_object().field("line", static_cast<uint64_t>(d.line)).field("reason", d.reason).field("text", d.text).end_object();
  w.end_array();
}

void write_noise_json(JsonWriter& w, const NoiseSignals& n) {
  w.key("noise").begin_object();
  w.field("score", std::round(n.score * 1000) / 1000);
  w.field("quote_marks", static_cast<uint64_t>(n.quote_marks));
  w.field("unbalanced_quotes", static_cast<uint64_t>(n.unbalanced_quotes));
  w.field("misplaced_quotes", static_cast<uint64_t>(n.misplaced_quotes));
  w.field("glued_fragments", static_cast<uint64_t>(n.glued_fragments));
  w.field("doubled_punctuation", static_cast<uint64_t>(n.doubled_punctuation));
  w.field("replacement_chars", static_cast<uint64_t>(n.replacement_chars));
  w.end_object();
}

struct Sink {
  Output out;
  bool open = false;
  std::string path;
};

int run_clean(const CleanArgs& args) {
  std::vector<std::string> errors;
  std::vector<InputFile> files = list_inputs(args, errors);
  for (const auto& e : errors) report(e);
  if (files.empty()) {
    report("no input (give .txt files, .jsonl files, folders of them, or - for stdin)");
    return kExitFailed;
  }
  // JSONL in, the same records out, unless another format is asked for.
  CleanArgs a = args;
  if (a.format.empty())
    a.format = std::all_of(files.begin(), files.end(), [](const InputFile& f) { return f.jsonl; }) ? "jsonl" : "text";
  if (a.format == "jsonl") {
    for (const auto& f : files)
      if (!f.jsonl) {
        report(f.path, 0, "--format jsonl writes JSONL records back: give JSONL input (or --input-format jsonl)");
        return kExitFailed;
      }
  }
  const bool to_dir = !a.output.empty() && (a.output.ends_with('/') || fs::is_directory(a.output));
  CleanOptions copt;
  copt.max_input_bytes = a.max_bytes;
  copt.max_line_bytes = a.max_line_bytes;
  copt.keep_title = a.keep_title;
  copt.list_dropped = a.format == "json";  // the other formats write no dropped lines

  std::unique_ptr<BoilerplateLearner> learner;
  if (a.learn) {
    for (const auto& f : files)
      if (f.path == "-") {
        report("--learn-boilerplate reads the input twice: give files, not stdin");
        return kExitFailed;
      }
    LearnerOptions lo;
    lo.memory_bytes = a.learn_memory_mb << 20;
    lo.min_pages = a.min_pages;
    lo.min_share = a.min_share;
    learner = std::make_unique<BoilerplateLearner>(lo);
    simdjson::ondemand::parser parser;
    RecordSource src(files, a.max_bytes);
    Record r;
    Arena arena;
    while (src.next(r, arena)) {
      if (r.error.empty()) {  // errors are reported in pass 2
        if (files[r.file].jsonl) {
          auto fields = read_json_record(parser, arena.view(r), a.field, a.url_field);
          if (fields) learner->observe(fields->text, fields->url);
        } else {
          learner->observe(arena.view(r), a.url);
        }
      }
      arena.clear();
    }
    copt.learned = learner.get();
  }

  unsigned threads = a.jobs ? a.jobs : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::unique_ptr<Cleaner>> cleaners;
  std::vector<std::unique_ptr<simdjson::ondemand::parser>> parsers;
  for (unsigned t = 0; t < threads; ++t) {
    cleaners.push_back(std::make_unique<Cleaner>(copt));
    parsers.push_back(std::make_unique<simdjson::ondemand::parser>());
  }

  Sink shared;
  if (!to_dir) {
    if (!shared.out.open(a.output)) return kExitFailed;
    shared.open = true;
  } else {
    std::error_code ec;
    fs::create_directories(a.output, ec);
  }
  Output rejects;
  bool rejects_open = !a.rejects.empty() && rejects.open(a.rejects);
  if (!a.rejects.empty() && !rejects_open) return kExitFailed;

  const bool many = files.size() > 1 || files[0].jsonl;
  std::vector<Record> batch;
  Arena arena;
  arena.bytes.reserve(kBatchBytes + (1u << 20));  // one allocation, reused by every batch
  auto work = [&](size_t i, unsigned w) -> Done {
    Done d;
    Record& r = batch[i];
    const std::string_view data = arena.view(r);
    d.line = r.line;
    d.bytes = r.size;
    if (!r.error.empty()) {
      d.error = r.error;
      d.reason = r.reason;
      return d;
    }
    const InputFile& f = files[r.file];
    JsonFields fields;
    std::string_view text = data, url = a.url;
    if (f.jsonl) {
      auto jf = read_json_record(*parsers[w], data, a.field, a.url_field);
      if (!jf) {
        d.error = jf.error().message;
        d.reason = std::string(error_code_name(jf.error().code));
        return d;
      }
      fields = *jf;
      text = fields.text;
      url = fields.url;
    }
    auto c = cleaners[w]->clean(text, url);
    if (!c && f.jsonl && c.error().code == ErrorCode::kEmptyInput) {
      // A JSONL record with an empty text is written as it is, an empty page among others; it
      // is counted as empty, not rejected.
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
    auto source = [&] { return f.jsonl ? f.path + ":" + std::to_string(r.line) : f.path; };
    if (a.format == "json") {
      JsonWriter w2(d.out);
      w2.begin_object().field("source", source());
      w2.field("url", url).field("title", c->title).field("date", c->date).field("text", c->text);
      w2.field("lines", static_cast<uint64_t>(c->lines)).field("kept_lines", static_cast<uint64_t>(c->kept_lines));
      w2.field("list_like", c->list_like);
      write_dropped_json(w2, *c);
      write_noise_json(w2, c->noise);
      w2.key("warnings").begin_array();
      for (const auto& s : c->warnings) w2.value(s);
      w2.end_array().end_object();
      d.out.push_back('\n');
    } else if (a.format == "jsonl") {
      d.out.reserve(data.size() + c->text.size() / 8 + 256);
      d.out.append(data.substr(0, fields.value_begin));
      if (d.empty) d.out += data.substr(fields.value_begin, fields.value_end - fields.value_begin);
      else json_escape_valid_utf8(c->text, d.out);
      d.out.append(data.substr(fields.value_end, fields.object_end - fields.value_end));
      JsonWriter w2(d.out);
      d.out += ",\"pith\":";
      w2.begin_object().field("title", c->title).field("date", c->date);
      w2.field("dropped_lines", static_cast<uint64_t>(c->lines - c->kept_lines));
      w2.field("noise", std::round(c->noise.score * 1000) / 1000);
      if (d.empty) w2.field("empty", true);
      w2.end_object();
      d.out.append(data.substr(fields.object_end));
      d.out.push_back('\n');
    } else {
      if (many && !to_dir) d.out = "==> " + source() + " <==\n";
      d.out += c->text;
      if (many && !to_dir) d.out += "\n";
    }
    return d;
  };

  size_t records = 0, rejected = 0, empty = 0, total_bytes = 0, dropped_lines = 0;
  std::map<std::string, size_t> reasons;
  Progress progress(0, 0);
  Sink per_file;
  size_t per_file_index = SIZE_MAX;
  bool write_failed = false;
  auto sink_for = [&](size_t file) -> Output* {
    if (!to_dir) return &shared.out;
    if (per_file_index == file && per_file.open) return &per_file.out;
    if (per_file.open) write_failed |= !per_file.out.close();
    per_file = Sink{};
    fs::path p = fs::path(a.output) / files[file].rel;
    if (a.format == "json" && !files[file].jsonl) p += ".json";
    std::error_code ec;
    fs::create_directories(p.parent_path(), ec);
    per_file.open = per_file.out.open(p.string());
    per_file_index = file;
    return per_file.open ? &per_file.out : nullptr;
  };
  auto emit = [&](size_t i, Done& d) {
    ++records;
    total_bytes += d.bytes;
    const Record& r = batch[i];
    if (!d.error.empty()) {
      ++rejected;
      ++reasons[d.reason];
      report(files[r.file].path, d.line, d.error);
      if (rejects_open) {
        std::string line;
        JsonWriter w(line);
        w.begin_object().field("source", files[r.file].path).field("line", static_cast<uint64_t>(d.line));
        w.field("reason", d.reason).field("message", d.error).end_object();
        line.push_back('\n');
        rejects.write(line);
      }
      return;
    }
    dropped_lines += d.dropped;
    empty += d.empty;
    if (Output* o = sink_for(r.file)) o->write(d.out);
    progress.update(records, total_bytes);
  };

  RecordSource src(files, a.max_bytes);
  bool more = true;
  while (more) {
    batch.clear();
    arena.clear();
    Record r;
    while (batch.size() < kBatchRecords && arena.bytes.size() < kBatchBytes && (more = src.next(r, arena)))
      batch.push_back(std::move(r));
    if (batch.empty()) break;
    unsigned t = std::min<unsigned>(threads, static_cast<unsigned>(batch.size()));
    ordered_parallel<Done>(batch.size(), t, work, emit);
    if (shared.open && shared.out.broken_pipe()) break;
  }
  progress.finish();
  if (per_file.open) write_failed |= !per_file.out.close();
  if (shared.open) write_failed |= !shared.out.close();
  if (rejects_open) write_failed |= !rejects.close();
  if (shared.open && shared.out.broken_pipe()) return kExitOk;
  if (rejected || records > 1) {
    std::string summary = std::to_string(records) + " records: " + std::to_string(records - rejected) + " cleaned (" +
                          (empty ? std::to_string(empty) + " empty, " : std::string()) + std::to_string(dropped_lines) +
                          " lines dropped), " + std::to_string(rejected) + " rejected";
    if (rejected) {
      summary += " (";
      bool first = true;
      for (auto& [k, v] : reasons) {
        summary += (first ? "" : ", ") + k + " " + std::to_string(v);
        first = false;
      }
      summary += ")";
    }
    if (learner) summary += "; learned from " + std::to_string(learner->pages_observed()) + " distinct pages";
    report(summary);
  }
  if (write_failed) return kExitFailed;
  return rejected ? kExitSomeRejected : kExitOk;
}

}  // namespace

Runner add_clean_command(CLI::App& app) {
  auto a = std::make_shared<CleanArgs>();
  CLI::App* sub = app.add_subcommand(
      "clean", "Strip the chrome from already-extracted text (WET, C4-style dumps): the article, each drop explained");
  sub->add_option("inputs", a->inputs, "Text files (one page each), JSONL files, folders of them, or - for stdin")
      ->required();
  sub->add_option("-f,--format", a->format,
                  "Output: text, json (per page: title, date, text, dropped lines with reasons, noise) or jsonl "
                  "(the input records with the text cleaned and a `pith` object added); default: jsonl when every "
                  "input is JSONL, else text")
      ->check(CLI::IsMember({"text", "json", "jsonl"}));
  sub->add_option("-o,--output", a->output, "Write here instead of stdout; a folder (existing, or ending in /) "
                                            "gets one output file per input file");
  sub->add_option("--input-format", a->input_format, "auto (by name: .jsonl/.ndjson/.json are JSONL), text or jsonl")
      ->check(CLI::IsMember({"auto", "text", "jsonl"}));
  sub->add_option("--field", a->field, "JSONL: the field that holds the text");
  sub->add_option("--url-field", a->url_field, "JSONL: the field that holds the page URL (groups learned boilerplate)");
  sub->add_option("--url", a->url, "Text input: the page URL");
  sub->add_flag("--learn-boilerplate", a->learn,
                "Two passes: first count lines across all inputs (per site), then drop lines that recur on many pages");
  sub->add_option("--learn-memory", a->learn_memory_mb, "Memory for the line counts, in MiB (fixed, whatever the input size)");
  sub->add_option("--min-pages", a->min_pages, "Learned boilerplate: a line on at least this many pages of a site");
  sub->add_option("--min-share", a->min_share, "Learned boilerplate: ... and on at least this share of the site's pages");
  sub->add_flag("--keep-title", a->keep_title, "Keep the headline line in the text too");
  sub->add_option("--rejects", a->rejects, "Write every rejected record here as JSONL: source, line, reason, message");
  sub->add_option("-j,--jobs", a->jobs, "Threads (default: all cores); output order is input order");
  sub->add_option("--max-bytes", a->max_bytes, "Reject pages / records larger than this many bytes");
  sub->add_option("--max-line-bytes", a->max_line_bytes, "Drop lines longer than this many bytes (overlong_line)");
  return [a] { return run_clean(*a); };
}

}  // namespace pith::cli
