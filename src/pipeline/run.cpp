#include "pipeline/run.h"

#include <fcntl.h>
#include <glob.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_set>

#include "core/json_writer.h"
#include "core/strings.h"
#include "core/work_item.h"
#include "io/input.h"
#include "io/writer.h"
#include "pipeline/ordered.h"
#include "pith/clean.h"
#include "report/run_profile.h"
#include "report/run_report.h"
#include "text/pii.h"

namespace pith {

namespace fs = std::filesystem;

namespace {

// Stage names in the order a document meets them; the recipe's stages go between
// "clean" and "pii".
constexpr std::string_view kRead = "read", kExtract = "extract", kClean = "clean", kPii = "pii", kDedup = "dedup";

// What the reader thread hands to the workers: one record of the input layer.
struct Item {
  InputRecord rec;
  size_t bytes = 0;  // held in memory
};

struct Message {
  std::optional<uint64_t> offset;  // none: about the whole file
  std::string reason;
  std::string what;
};

// A message to the caller: on_report with its reason, else on_message (offset 0 for the file).
void report_message(const RunOptions& o, std::string_view file, std::optional<uint64_t> offset, std::string_view reason,
                    std::string_view what) {
  if (o.on_report) o.on_report(file, offset, reason, what);
  else if (o.on_message) o.on_message(file, offset.value_or(0), what);
}

// What a worker hands back, in input order.
struct Outcome {
  std::vector<std::string_view> visited;  // stages the document went through
  std::string_view dropped_at;            // "" = kept by every worker stage
  std::string reason;
  bool reject_line = true;   // false for records that are not documents (warcinfo, request, ...)
  std::string head;          // {"id":...,"text":...,"metadata":{...}} without the closing }
  uint64_t hash = 0;
  size_t text_bytes = 0;
  PiiCounts pii;
  std::vector<Message> messages;
  std::vector<std::string> input_errors;  // kinds, for stats
  size_t bytes = 0;
  // For the run's report (report/run_profile.h): text_bytes above is then the text the deciding
  // stage saw; the preview is for a sample when this record's reason still wants one.
  std::string id, url, lang, page_type, preview;
  uint64_t offset = 0;
  bool has_text = false;
};

// What the report needs of a document, copied when its outcome is decided.
void note_report_facts(const Doc& d, Outcome& o) {
  o.id = d.id;
  o.url = d.url;
  o.lang = d.lang;
  o.page_type = d.page_type;
  o.offset = d.offset;
  o.has_text = !d.text.empty();
  o.text_bytes = d.text.size();
  if (o.has_text) o.preview = report::preview_of(d.text);
}

// Per worker: the extractor, the cleaner and scratch buffers.
struct Worker {
  Extractor extractor;
  TextCleaner cleaner;
  FilterScratch scratch;
  std::string buf;
  explicit Worker(const Options& o) : extractor(o) {}
};

void write_head(const Doc& d, std::string& out) {
  out.clear();
  JsonWriter w(out);
  w.begin_object();
  w.field("id", std::string_view(d.id));
  w.field("text", std::string_view(d.text));
  w.key("metadata").begin_object();
  w.field("url", std::string_view(d.url));
  w.field("date", std::string_view(d.date));
  w.field("lang", std::string_view(d.lang));
  w.field("lang_score", d.lang_score);
  w.field("title", std::string_view(d.title));
  w.field("author", std::string_view(d.author));
  w.field("published", std::string_view(d.published));
  w.field("sitename", std::string_view(d.sitename));
  w.field("description", std::string_view(d.description));
  w.field("page_type", std::string_view(d.page_type));
  w.field("source", std::string_view(d.source));
  w.field("offset", static_cast<uint64_t>(d.offset));
  if (!d.comments.empty()) w.field("comments", std::string_view(d.comments));
  if (d.noise >= 0) w.field("noise", std::round(d.noise * 1000) / 1000);
  w.end_object();
  w.end_object();
  out.pop_back();  // the closing brace: the writer adds it, or a reject reason before it
}

class Engine {
 public:
  Engine(const RunOptions& o, const Recipe& recipe) : o_(o), recipe_(recipe) {
    stage_names_.push_back(kRead);
    stage_names_.push_back(kExtract);
    stage_names_.push_back(kClean);
    for (const auto& s : recipe_.stages) stage_names_.push_back(s->name());
    stage_names_.push_back(kPii);
    stage_names_.push_back(kDedup);
  }

  const std::vector<std::string_view>& stage_names() const { return stage_names_; }

  Outcome process(Item& item, Worker& w, const std::string& source) const {
    Outcome o;
    o.bytes = item.bytes;
    InputRecord& r = item.rec;
    for (const Error& e : r.stream_errors) {
      o.messages.push_back({e.offset, e.code == ErrorCode::kIo ? "stream_damage" : "stream_garbage", e.message});
      o.input_errors.push_back(e.code == ErrorCode::kIo ? "stream_damage" : "stream_garbage");
    }
    o.visited.push_back(kRead);
    Doc d;
    auto drop = [&](std::string_view stage, std::string reason) {
      o.dropped_at = stage;
      o.reason = std::move(reason);
      note_report_facts(d, o);
      return std::move(o);
    };
    d.source = source;
    d.id = !r.id.empty() || !r.line ? r.id : fs::path(source).filename().string() + ":" + std::to_string(r.line);
    d.url = std::move(r.url);
    d.date = std::move(r.date);
    d.offset = r.offset;
    write_head(d, o.head);
    if (r.kind == InputRecord::kBad) {
      o.messages.push_back({r.error.offset ? r.error.offset : r.offset, r.reason, r.error.message});
      o.input_errors.push_back(r.reason);
      return drop(kRead, r.reason);
    }
    if (r.kind == InputRecord::kSkip) {
      // Records that are no documents (warcinfo, request, metadata) are counted, not rejected.
      if (r.reason.starts_with("warc_type:")) o.reject_line = false;
      return drop(kRead, r.reason);
    }
    const bool is_text = r.kind == InputRecord::kText;
    if (is_text) w.buf = std::move(r.body);
    std::string_view html = r.body;
    const std::string& charset = r.charset;

    if (is_text) {
      o.visited.push_back(kClean);
      d.text = std::move(w.buf);
      if (w.cleaner) {
        std::string_view why = w.cleaner(d);
        if (!why.empty()) {
          write_head(d, o.head);
          return drop(kClean, std::string(why));
        }
      }
    } else {
      o.visited.push_back(kExtract);
      PageInfo page;
      page.url = d.url;
      page.charset = charset;
      page.language = r.http_header("Content-Language");
      page.fetched = d.date;  // the crawl date: no page date after it
      auto ex = w.extractor.extract(html, page);
      if (!ex) {
        if (ex.error().code != ErrorCode::kNoContent && ex.error().code != ErrorCode::kEmptyInput)
          o.messages.push_back({d.offset, std::string(error_code_name(ex.error().code)), "extract: " + ex.error().message});
        return drop(kExtract, std::string(error_code_name(ex.error().code)));
      }
      Extraction& e = *ex;
      if (o_.extract_options.markdown) {
        d.text = std::move(e.markdown);  // blank lines between blocks are markdown's own
      } else {
        d.text = std::move(e.text);
        one_paragraph_per_line(d.text);
      }
      d.comments = std::move(e.comments);
      d.title = std::move(e.title);
      d.author = std::move(e.author.value);
      d.published = std::move(e.date.value);
      d.sitename = std::move(e.sitename);
      d.description = std::move(e.description);
      d.page_type = std::move(e.page_type);
      if (d.text.empty()) {
        // The reject line carries what the extractor found (title, page type, ...), as the
        // report counts it.
        write_head(d, o.head);
        return drop(kExtract, "no_content");
      }
    }

    for (const auto& stage : recipe_.stages) {
      o.visited.push_back(stage->name());
      std::string_view why = stage->process(d, w.scratch);
      if (!why.empty()) {
        write_head(d, o.head);
        return drop(stage->name(), std::string(why));
      }
    }
    if (o_.mask_pii) {
      o.visited.push_back(kPii);
      o.pii = mask_pii(d.text);
    }
    o.hash = XXH3_64bits(d.text.data(), d.text.size());
    note_report_facts(d, o);
    write_head(d, o.head);
    return o;
  }

 private:
  const RunOptions& o_;
  const Recipe& recipe_;
  std::vector<std::string_view> stage_names_;
};

// A part's profile for the report (report/run_profile.h): OUT/NAME.report beside OUT/NAME.done.
std::string profile_path(const std::string& done_path) {
  return done_path.substr(0, done_path.size() - std::string_view(".done").size()) + ".report";
}

Result<std::string> read_small_file(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Error{ErrorCode::kIo, std::strerror(errno)};
  std::string s;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) s.append(buf, n);
  std::fclose(f);
  return s;
}

// Runs one input file through the engine; writes its part, hashes and done marker.
class FileJob {
 public:
  FileJob(const RunOptions& o, const Engine& engine, std::vector<std::unique_ptr<Worker>>& workers,
          std::unordered_set<uint64_t>& seen, const InputFile& input, uint64_t raw_done_before,
          RunProgress& progress)
      : o_(o), engine_(engine), workers_(workers), seen_(seen), input_(input), path_(input.path),
        raw_done_before_(raw_done_before), progress_(progress) {
    for (auto name : engine_.stage_names()) stats_.stage(std::string(name));
  }

  // False when the file could not be read or its output written (reported already). The
  // marker written last is `marker` (the input's and the settings' fingerprints) with the counters.
  bool run(const std::string& out_path, const std::string& rejects_path, const std::string& hashes_path,
           const std::string& done_path, PartMarker marker) {
    auto reader = RecordReader::open(input_, reader_options());
    if (!reader) {
      // Unreadable, or a format pith does not read: counted as the file's input error; no part
      // is written, so a later run tries it again.
      message(std::nullopt, reader.error().code == ErrorCode::kIo ? "io" : "unsupported_format", reader.error().message);
      unreadable_ = true;
      stats_.files = 1;
      ++stats_.input_errors[reader.error().code == ErrorCode::kIo ? "io" : "unsupported_format"];
      return false;
    }
    auto opened = out_.open(out_path);
    if (!opened) {
      message(std::nullopt, "write", opened.error().message);
      return false;
    }
    if (!rejects_path.empty()) {
      auto r = rejects_.open(rejects_path);
      if (!r) {
        message(std::nullopt, "write", r.error().message);
        return false;
      }
    }
    RecordReader& items = **reader;
    run_records(items);
    for (const Error& e : items.take_trailing_errors()) {
      message(e.offset, e.code == ErrorCode::kIo ? "stream_damage" : "stream_garbage", e.message);
      ++stats_.input_errors[e.code == ErrorCode::kIo ? "stream_damage" : "stream_garbage"];
    }
    stats_.files = 1;
    stats_.bytes_raw = items.raw_offset();
    stats_.bytes_uncompressed = items.offset();
    if (!write_ok_) return false;
    auto c = out_.commit();
    if (!c) {
      message(std::nullopt, "write", c.error().message);
      return false;
    }
    if (rejects_.is_open()) {
      auto rc = rejects_.commit();
      if (!rc) {
        message(std::nullopt, "write", rc.error().message);
        return false;
      }
    }
    std::string hashes(reinterpret_cast<const char*>(hashes_.data()), hashes_.size() * sizeof(uint64_t));
    auto h = write_file_atomic(hashes_path, hashes);
    if (!h) {
      message(std::nullopt, "write", h.error().message);
      return false;
    }
    // The part's profile for the report, before the marker: a part with a marker has its profile.
    profile_.trim_hosts();
    auto p = write_file_atomic(profile_path(done_path), profile_.to_tsv());
    if (!p) {
      message(std::nullopt, "write", p.error().message);
      return false;
    }
    marker.stats = stats_;
    auto d = write_file_atomic(done_path, format_part_marker(marker));
    if (!d) {
      message(std::nullopt, "write", d.error().message);
      return false;
    }
    return true;
  }

  const RunStats& stats() const { return stats_; }
  const report::RunProfile& profile() const { return profile_; }
  bool unreadable() const { return unreadable_; }

 private:
  ReaderOptions reader_options() const {
    ReaderOptions ro;
    ro.want = PageKind::kAny;
    ro.jsonl_as = o_.input_type == "html" ? PageKind::kHtml : o_.input_type == "text" ? PageKind::kText : PageKind::kAny;
    ro.field = o_.input_field;
    ro.max_record_bytes = o_.max_record_bytes;
    return ro;
  }

  void message(std::optional<uint64_t> offset, std::string_view reason, std::string_view what) {
    report_message(o_, path_, offset, reason, what);
  }

  void emit(Outcome& oc) {
    ++stats_.records;
    for (const auto& m : oc.messages) message(m.offset, m.reason, m.what);
    for (const auto& k : oc.input_errors) ++stats_.input_errors[k];
    std::string_view dropped_at = oc.dropped_at;
    if (dropped_at.empty() && o_.dedup) {
      oc.visited.push_back(kDedup);
      if (!seen_.insert(oc.hash).second) {
        dropped_at = kDedup;
        oc.reason = "duplicate";
      } else {
        hashes_.push_back(oc.hash);
      }
    }
    for (std::string_view s : oc.visited) {
      StageCounts& c = stats_.stage(std::string(s));
      ++c.in;
      if (s == dropped_at) ++c.dropped[oc.reason];
      else ++c.kept;
    }
    profile_record(oc, dropped_at);
    if (dropped_at.empty()) {
      ++stats_.written;
      stats_.text_bytes_written += oc.text_bytes;
      stats_.emails_masked += oc.pii.emails;
      stats_.ips_masked += oc.pii.ips;
      oc.head += "}\n";
      auto r = out_.write(oc.head);
      if (!r && write_ok_) {
        message(std::nullopt, "write", r.error().message);
        write_ok_ = false;
      }
    } else {
      ++stats_.rejected;
      if (rejects_.is_open() && oc.reject_line) {
        oc.head += ",\"reject\":";
        json_escape(std::string(dropped_at) + "/" + oc.reason, oc.head);
        oc.head += "}\n";
        auto r = rejects_.write(oc.head);
        if (!r && write_ok_) {
          message(std::nullopt, "write", r.error().message);
          write_ok_ = false;
        }
      }
    }
  }

  // Counts the record in the part's profile; a rejected document becomes a sample while its
  // reason has fewer than report::kSamplesPerReason.
  void profile_record(Outcome& oc, std::string_view dropped_at) {
    std::string reason;
    if (!dropped_at.empty()) reason = std::string(dropped_at) + "/" + oc.reason;
    profile_.count({.reason = reason, .is_document = oc.reject_line, .url = oc.url, .lang = oc.lang,
                    .page_type = oc.page_type, .has_text = oc.has_text, .text_bytes = oc.text_bytes});
    if (dropped_at.empty() || !oc.reject_line || !profile_.wants_sample(reason)) return;
    profile_.add_sample({.reason = std::move(reason), .source = path_, .record = stats_.records, .offset = oc.offset,
                         .id = std::move(oc.id), .url = std::move(oc.url), .preview = std::move(oc.preview)});
  }

  void report_progress(uint64_t raw, uint64_t uncompressed) {
    progress_.records = records_before_ + stats_.records;
    progress_.bytes_raw_done = raw_done_before_ + raw;
    progress_.bytes_uncompressed = uncompressed_before_ + uncompressed;
    if (o_.on_progress) o_.on_progress(progress_);
  }

  void init_progress() {
    records_before_ = progress_.records;
    uncompressed_before_ = progress_.bytes_uncompressed;
  }

  // The file's records through the engine on the workers, emitted in input order.
  void run_records(RecordReader& items) {
    init_progress();
    std::atomic<uint64_t> raw{0}, uncompressed{0};
    auto produce = [&](Item& item) {
      if (!items.next(item.rec)) return false;
      item.bytes = item.rec.body.size() + 1024;
      raw.store(items.raw_offset(), std::memory_order_relaxed);
      uncompressed.store(items.offset(), std::memory_order_relaxed);
      return true;
    };
    auto bytes = [](const Item& item) { return item.bytes; };
    auto work = [&](Item& item, unsigned t) {
      std::string where = path_ + ":" + std::to_string(item.rec.line ? item.rec.line : item.rec.offset);
      WorkItemScope scope(where.c_str());  // named by the crash report
      return engine_.process(item, *workers_[t], path_);
    };
    auto emit_one = [&](Outcome& oc) {
      emit(oc);
      if ((stats_.records & 63) == 0) {
        report_progress(raw.load(), uncompressed.load());
        clock_.tick(stats_.records, raw.load(), time_);
      }
      return true;
    };
    OrderedLimits limits{.threads = static_cast<unsigned>(workers_.size()),
                         .max_inflight_bytes = o_.max_inflight_bytes};
    clock_.start(time_);
    ordered_stream<Item, Outcome>(limits, produce, bytes, work, emit_one);
    report_progress(items.raw_offset(), items.offset());
    clock_.finish(stats_.records, items.raw_offset(), time_);
    profile_.parts.push_back(std::move(time_));
  }

  const RunOptions& o_;
  const Engine& engine_;
  std::vector<std::unique_ptr<Worker>>& workers_;
  std::unordered_set<uint64_t>& seen_;
  const InputFile& input_;
  const std::string& path_;
  uint64_t raw_done_before_;
  RunProgress& progress_;
  uint64_t records_before_ = 0, uncompressed_before_ = 0;
  RunStats stats_;
  report::RunProfile profile_;
  report::PartTime time_;
  report::PartClock clock_;
  AtomicWriter out_, rejects_;
  std::vector<uint64_t> hashes_;
  bool write_ok_ = true;
  bool unreadable_ = false;
};

// pith clean on a WET record or a text field: the article lines, one paragraph per line; the
// headline and date it finds fill title and published when the record had none.
TextCleaner pith_cleaner() {
  auto cleaner = std::make_shared<Cleaner>();
  return [cleaner](Doc& d) -> std::string_view {
    auto r = cleaner->clean(d.text, d.url);
    if (!r) return error_code_name(r.error().code);
    d.text = std::move(r->text);
    one_paragraph_per_line(d.text);
    d.noise = r->noise.score;
    if (d.title.empty()) d.title = std::move(r->title);
    if (d.published.empty()) d.published = std::move(r->date);
    if (d.text.empty()) return "no_content";
    return {};
  };
}

std::string reject_ext(const std::string& path) {
  switch (compression_for_name(path)) {
    case Compression::kGzip: return ".jsonl.gz";
    case Compression::kZstd: return ".jsonl.zst";
    default: return ".jsonl";
  }
}

}  // namespace

void one_paragraph_per_line(std::string& text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0, n = text.size();
  while (i < n && (text[i] == '\n' || text[i] == '\r')) ++i;
  for (; i < n; ++i) {
    char c = text[i];
    if (c == '\r') continue;
    if (c == '\n') {
      while (i + 1 < n && (text[i + 1] == '\n' || text[i + 1] == '\r')) ++i;
      if (i + 1 < n) out.push_back('\n');
      continue;
    }
    out.push_back(c);
  }
  text.swap(out);
}

namespace {

// A part name longer than this keeps its first bytes and a hash of the whole rel: with
// ".jsonl.zst.tmp-PID" after it, it stays under the 255 bytes of a file name.
constexpr size_t kMaxPartName = 200;
constexpr size_t kPartNameKept = 180;
// The fingerprint of an input reads this much of its start and of its end: enough to tell
// crawl files apart (their headers name record IDs and dates), cheap on files of gigabytes.
constexpr uint64_t kFingerprintSpan = 1u << 20;
// Marker lines of a part's .done file before its counters ("part", "setting"); see
// format_part_marker.
constexpr std::string_view kMarkerPart = "part", kMarkerSetting = "setting";
// Every file a part can have besides its .done: the output in each format, its hashes, its
// profile for the report.
constexpr std::string_view kPartEndings[] = {".jsonl", ".jsonl.gz", ".jsonl.zst", ".hashes", ".report"};
// Mismatched parts listed one by one before the run stops; the rest are counted.
constexpr size_t kMismatchesShown = 10;

std::string hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

// Marker values may hold any byte of a file name: tab, newline and backslash are escaped.
std::string escape_marker_value(std::string_view v) {
  std::string out;
  for (char c : v) {
    if (c == '\\') out += "\\\\";
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else out += c;
  }
  return out;
}

std::string unescape_marker_value(std::string_view v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] != '\\' || i + 1 == v.size()) {
      out += v[i];
      continue;
    }
    char c = v[++i];
    out += c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
  }
  return out;
}

struct InputStamp {
  uint64_t size = 0;
  std::string fingerprint;
};

Result<InputStamp> stamp_file(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Error{ErrorCode::kIo, path + ": " + std::strerror(errno)};
  struct stat st;
  if (::fstat(::fileno(f), &st) != 0) {
    std::fclose(f);
    return Error{ErrorCode::kIo, path + ": " + std::strerror(errno)};
  }
  InputStamp stamp;
  stamp.size = static_cast<uint64_t>(st.st_size);
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  std::string buf(kFingerprintSpan, '\0');
  bool ok = true;
  auto hash_range = [&](uint64_t offset, uint64_t n) {
    size_t got = static_cast<size_t>(::pread(::fileno(f), buf.data(), n, static_cast<off_t>(offset)));
    if (got != n) ok = false;
    else XXH3_64bits_update(state, buf.data(), n);
  };
  hash_range(0, std::min(stamp.size, kFingerprintSpan));
  if (stamp.size > kFingerprintSpan) {
    uint64_t tail = std::min(stamp.size - kFingerprintSpan, kFingerprintSpan);
    hash_range(stamp.size - tail, tail);
  }
  XXH3_64bits_update(state, &stamp.size, sizeof stamp.size);
  stamp.fingerprint = hex64(XXH3_64bits_digest(state));
  XXH3_freeState(state);
  std::fclose(f);
  if (!ok) return Error{ErrorCode::kIo, path + ": cannot read"};
  return stamp;
}

std::string yes_no(bool b) { return b ? "yes" : "no"; }

std::string number_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

// A file that shapes the output (a language model, a bad-words list): its path and content.
std::string file_setting(const std::string& path) {
  if (path.empty()) return "none";
  auto stamp = stamp_file(path);
  return path + " (" + (stamp ? stamp->fingerprint : std::string("unreadable")) + ")";
}

// Everything that changes what a part holds, by name: the settings fingerprint covers these,
// and a part written with other values is not reused. An option added to RunOptions that
// changes the output belongs here.
std::map<std::string, std::string> output_settings(const RunOptions& o, const Recipe& recipe) {
  std::map<std::string, std::string> s;
  s["pith_version"] = std::string(kPithVersion);
  s["recipe"] = recipe.name;
  s["recipe_version"] = recipe.version;
  s["format"] = o.format;
  const RecipeOptions& r = o.recipe_options;
  std::string langs = "recipe's";
  if (r.languages_set) {
    langs = r.languages.empty() ? "all" : "";
    for (const auto& l : r.languages) langs += (langs.empty() ? "" : ",") + l;
  }
  s["languages"] = langs;
  s["lang_threshold"] = r.lang_threshold < 0 ? "recipe's" : number_text(r.lang_threshold);
  s["language_model"] = recipe.language_model;
  if (!r.lang_model_path.empty()) s["language_model"] += " " + file_setting(r.lang_model_path);
  else if (r.lang_model) s["language_model"] += " (given by the caller)";
  s["badwords"] = file_setting(r.badwords_path);
  s["mask_pii"] = yes_no(o.mask_pii);
  s["dedup"] = yes_no(o.dedup);
  s["clean_text"] = o.make_cleaner ? "the caller's cleaner" : yes_no(o.clean_text);
  s["input_field"] = o.input_field;
  s["input_type"] = o.input_type;
  s["max_record_bytes"] = std::to_string(o.max_record_bytes);
  const Options& e = o.extract_options;
  s["extract_favor"] = e.favor == Favor::kPrecision ? "precision" : e.favor == Favor::kRecall ? "recall" : "balanced";
  s["extract_comments"] = yes_no(e.comments);
  s["extract_links"] = yes_no(e.links);
  s["extract_images"] = yes_no(e.images);
  s["extract_tables"] = yes_no(e.tables);
  s["extract_markdown"] = yes_no(e.markdown);
  s["extract_parser"] = std::to_string(static_cast<int>(e.parser));
  s["extract_budgets"] = std::to_string(e.budgets.max_input_bytes) + " bytes, " + std::to_string(e.budgets.max_nodes) +
                         " nodes, depth " + std::to_string(e.budgets.max_depth) + ", " +
                         std::to_string(e.budgets.max_millis) + " ms";
  return s;
}

std::string settings_fingerprint(const std::map<std::string, std::string>& settings) {
  std::string all;
  for (const auto& [k, v] : settings) all += k + "\t" + escape_marker_value(v) + "\n";
  return hex64(XXH3_64bits(all.data(), all.size()));
}

// Why a finished part cannot be reused by this run ("" when it can).
std::string marker_mismatch(const PartMarker& old, const std::string& rel, const InputStamp& input, const PartMarker& now) {
  if (old.rel != rel) return "it was written from another input (" + old.rel + ")";
  if (old.size != input.size)
    return "the input changed: " + std::to_string(old.size) + " bytes then, " + std::to_string(input.size) + " now";
  if (old.input_fingerprint != input.fingerprint)
    return "the input changed: its content differs (same size, other first or last MiB)";
  if (old.settings_fingerprint == now.settings_fingerprint) return {};
  std::string what;
  for (const auto& [k, v] : now.settings) {
    auto it = old.settings.find(k);
    std::string then = it == old.settings.end() ? "unset" : it->second;
    if (then != v) what += (what.empty() ? "" : ", ") + k + " " + then + " then, " + v + " now";
  }
  for (const auto& [k, v] : old.settings)
    if (!now.settings.count(k)) what += (what.empty() ? "" : ", ") + k + " " + v + " then, unset now";
  return "it was written with other settings: " + (what.empty() ? std::string("fingerprints differ") : what);
}

// flock on OUT/.lock (a run of all inputs) or on OUT/.lock-i-of-N (one shard, which also holds
// OUT/.lock shared, so that shards of one job run side by side but never beside a whole run).
// A parts_only run holds OUT/.lock shared only: many run side by side, each on its own inputs.
// The kernel drops the locks when the process ends, however it ends; the files stay.
class OutputLock {
 public:
  OutputLock() = default;
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;
  ~OutputLock() {
    for (int fd : {shard_fd_, folder_fd_})
      if (fd >= 0) ::close(fd);
  }

  // "" when locked, else why not.
  std::string acquire(const std::string& dir, unsigned shard_index, unsigned shard_count, bool parts_only) {
    std::string folder_path = (fs::path(dir) / ".lock").string();
    folder_fd_ = ::open(folder_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (folder_fd_ < 0) return "cannot create " + folder_path + ": " + std::strerror(errno);
    if (parts_only) return ::flock(folder_fd_, LOCK_SH | LOCK_NB) != 0 ? busy(dir, folder_path, "") : "";
    if (shard_count == 1) {
      if (::flock(folder_fd_, LOCK_EX | LOCK_NB) != 0) return busy(dir, folder_path, "");
      write_owner(folder_fd_);
      return {};
    }
    if (::flock(folder_fd_, LOCK_SH | LOCK_NB) != 0) return busy(dir, folder_path, "");
    std::string shard_path = (fs::path(dir) / (".lock-" + std::to_string(shard_index) + "-of-" +
                                                std::to_string(shard_count)))
                                 .string();
    shard_fd_ = ::open(shard_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (shard_fd_ < 0) return "cannot create " + shard_path + ": " + std::strerror(errno);
    if (::flock(shard_fd_, LOCK_EX | LOCK_NB) != 0)
      return busy(dir, shard_path, " for shard " + std::to_string(shard_index) + "/" + std::to_string(shard_count));
    write_owner(shard_fd_);
    return {};
  }

 private:
  static void write_owner(int fd) {
    char host[256] = "?";
    ::gethostname(host, sizeof host - 1);
    std::string owner = "pid " + std::to_string(::getpid()) + " host " + host + "\n";
    if (::ftruncate(fd, 0) == 0 && ::pwrite(fd, owner.data(), owner.size(), 0) < 0) return;
  }

  static std::string owner_of(const std::string& path) {
    auto text = read_small_file(path);
    std::string owner = text ? std::string(trim(*text)) : std::string();
    return owner.empty() ? "" : " (" + owner + ")";
  }

  // Another run holds `path`. A whole run's lock held shared means shards are running: name them.
  static std::string busy(const std::string& dir, const std::string& path, const std::string& what) {
    std::string msg = "another pith run is writing into " + dir + what;
    if (fs::path(path).filename() == ".lock") {
      std::string shards;
      std::error_code ec;
      for (const auto& entry : fs::directory_iterator(dir, ec)) {
        std::string name = entry.path().filename().string();
        if (!name.starts_with(".lock-")) continue;
        int fd = ::open(entry.path().c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) continue;
        bool held = ::flock(fd, LOCK_SH | LOCK_NB) != 0;
        ::close(fd);
        if (held) shards += (shards.empty() ? "" : ", ") + name.substr(6) + owner_of(entry.path().string());
      }
      msg += shards.empty() ? owner_of(path) : " (shards " + shards + ")";
    } else {
      msg += owner_of(path);
    }
    return msg + "; one run (or one set of shards i/N) writes into a folder at a time";
  }

  int folder_fd_ = -1, shard_fd_ = -1;
};

// Removes a part's files, its .done first: a restart killed half-way leaves no marker without
// its output.
void remove_part(const std::string& dir, const std::string& name) {
  std::error_code ec;
  fs::path base = fs::path(dir) / name;
  fs::remove(base.string() + ".done", ec);
  for (std::string_view ending : kPartEndings) fs::remove(base.string() + std::string(ending), ec);
  fs::path rejects = fs::path(dir) / ".rejects" / name;
  for (std::string_view ending : kPartEndings) fs::remove(rejects.string() + std::string(ending), ec);
}

}  // namespace

Result<std::pair<unsigned, unsigned>> parse_shard(std::string_view text) {
  auto bad = [&](std::string_view why) -> Error {
    return Error{ErrorCode::kBadInput, "--shard " + std::string(text) + ": " + std::string(why) +
                                           "; give i/N with 0 <= i < N, e.g. 3/64"};
  };
  size_t slash = text.find('/');
  if (slash == std::string_view::npos) return bad("no '/'");
  if (text.find('/', slash + 1) != std::string_view::npos) return bad("more than one '/'");
  auto number = [](std::string_view digits, unsigned& out) {
    if (digits.empty() || digits.size() > 10) return false;
    for (char c : digits)
      if (c < '0' || c > '9') return false;
    uint64_t v = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), v);
    if (v > UINT32_MAX) return false;
    out = static_cast<unsigned>(v);
    return true;
  };
  unsigned i = 0, n = 0;
  if (!number(text.substr(0, slash), i)) return bad("i is not a number from 0 to 4294967295");
  if (!number(text.substr(slash + 1), n)) return bad("N is not a number from 1 to 4294967295");
  if (n == 0) return bad("N is 0");
  if (i >= n) return bad("i is not below N");
  return std::make_pair(i, n);
}

unsigned shard_of(const InputFile& input, unsigned shard_count) {
  if (shard_count <= 1) return 0;
  return static_cast<unsigned>(XXH3_64bits(input.rel.data(), input.rel.size()) % shard_count);
}

std::string part_name(const InputFile& input) {
  std::string name;
  for (char c : input.rel) {
    if (c == '/') name += "__";
    else name += c;
  }
  if (name.empty() || name == "." || name == "..") name = "_" + name;
  if (name.size() > kMaxPartName) {
    size_t keep = kPartNameKept;
    while (keep > 0 && (static_cast<unsigned char>(name[keep]) & 0xC0) == 0x80) --keep;  // not inside a UTF-8 character
    name = name.substr(0, keep) + "~" + hex64(XXH3_64bits(input.rel.data(), input.rel.size()));
  }
  return name;
}

std::string format_part_marker(const PartMarker& m) {
  std::string out;
  auto line = [&](std::string_view kind, std::string_view key, std::string_view value) {
    out.append(kind).append("\t").append(key).append("\t\t").append(escape_marker_value(value)).append("\n");
  };
  line(kMarkerPart, "rel", m.rel);
  line(kMarkerPart, "size", std::to_string(m.size));
  line(kMarkerPart, "input_fingerprint", m.input_fingerprint);
  line(kMarkerPart, "settings_fingerprint", m.settings_fingerprint);
  for (const auto& [k, v] : m.settings) line(kMarkerSetting, k, v);
  return out + m.stats.to_tsv();
}

bool parse_part_marker(std::string_view text, PartMarker& out) {
  out = PartMarker{};
  std::string counters;
  bool has_rel = false, has_size = false;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) return false;  // a marker always ends with a newline
    std::string_view line = text.substr(pos, nl + 1 - pos);
    pos = nl + 1;
    size_t tab1 = line.find('\t');
    std::string_view kind = line.substr(0, tab1);
    if (kind != kMarkerPart && kind != kMarkerSetting) {
      counters.append(line);
      continue;
    }
    size_t tab2 = line.find('\t', tab1 + 1), tab3 = tab2 == std::string_view::npos ? tab2 : line.find('\t', tab2 + 1);
    if (tab1 == std::string_view::npos || tab3 == std::string_view::npos) return false;
    std::string key(line.substr(tab1 + 1, tab2 - tab1 - 1));
    std::string value = unescape_marker_value(line.substr(tab3 + 1, line.size() - tab3 - 2));
    if (kind == kMarkerSetting) {
      out.settings[key] = std::move(value);
    } else if (key == "rel") {
      out.rel = std::move(value);
      has_rel = true;
    } else if (key == "size") {
      if (std::from_chars(value.data(), value.data() + value.size(), out.size).ec != std::errc()) return false;
      has_size = true;
    } else if (key == "input_fingerprint") {
      out.input_fingerprint = std::move(value);
    } else if (key == "settings_fingerprint") {
      out.settings_fingerprint = std::move(value);
    } else {
      return false;
    }
  }
  if (!has_rel || !has_size || out.input_fingerprint.empty() || out.settings_fingerprint.empty()) return false;
  return RunStats::parse_tsv(counters, out.stats);
}

Result<std::string> file_fingerprint(const std::string& path) {
  auto stamp = stamp_file(path);
  if (!stamp) return stamp.error();
  return stamp->fingerprint;
}

Result<RunSummary> run_pipeline(const RunOptions& o) {
  if (o.shard_count == 0 || o.shard_index >= o.shard_count)
    return Error{ErrorCode::kBadInput, "--shard must be i/N with 0 <= i < N"};
  if (o.format != "jsonl" && o.format != "jsonl.gz" && o.format != "jsonl.zst")
    return Error{ErrorCode::kBadInput, "output format must be jsonl, jsonl.gz or jsonl.zst"};
  // One part per input, named after its rel: two inputs with one name would share a part.
  std::vector<std::string> names;
  names.reserve(o.inputs.size());
  {
    std::map<std::string, size_t> by_name;
    for (size_t i = 0; i < o.inputs.size(); ++i) {
      names.push_back(part_name(o.inputs[i]));
      auto [it, fresh] = by_name.emplace(names.back(), i);
      if (!fresh)
        return Error{ErrorCode::kBadInput,
                     "inputs " + o.inputs[it->second].path + " and " + o.inputs[i].path + " would both be written as " +
                         (fs::path(o.output_dir) / names.back()).string() + "." + o.format +
                         " (a part is named after the input's path below its folder argument, '/' as \"__\"): give "
                         "them from one folder, or run them into separate output folders"};
    }
  }
  auto recipe = make_recipe(o.recipe, o.recipe_options);
  if (!recipe) return recipe.error();
  std::error_code ec;
  fs::create_directories(o.output_dir, ec);
  if (ec) return Error{ErrorCode::kIo, "cannot create " + o.output_dir + ": " + ec.message()};
  OutputLock lock;
  if (std::string why = lock.acquire(o.output_dir, o.shard_index, o.shard_count, o.parts_only); !why.empty())
    return Error{ErrorCode::kIo, why};
  std::string rejects_dir;
  if (!o.rejects_path.empty()) {
    rejects_dir = (fs::path(o.output_dir) / ".rejects").string();
    fs::create_directories(rejects_dir, ec);
    if (ec) return Error{ErrorCode::kIo, "cannot create " + rejects_dir + ": " + ec.message()};
  }

  Engine engine(o, *recipe);
  RunSummary summary;
  PartMarker now;  // the settings of this run, as a part's marker holds them
  now.settings = output_settings(o, *recipe);
  now.settings_fingerprint = settings_fingerprint(now.settings);
  std::vector<size_t> mine;
  std::vector<std::optional<InputStamp>> stamps;  // nullopt: stdin, or the file cannot be read
  uint64_t raw_total = 0;
  for (size_t i = 0; i < o.inputs.size(); ++i) {
    if (shard_of(o.inputs[i], o.shard_count) != o.shard_index) continue;
    mine.push_back(i);
    std::optional<InputStamp> stamp;
    if (o.inputs[i].path != "-") {
      auto s = stamp_file(o.inputs[i].path);
      if (s) stamp = std::move(*s);
    }
    raw_total += stamp ? stamp->size : o.inputs[i].size;
    stamps.push_back(std::move(stamp));
  }
  summary.files_total = mine.size();
  RunProgress progress;
  progress.bytes_raw_total = raw_total;
  progress.files_total = mine.size();

  // Finished parts in the folder: this shard's are reused when their input and settings match;
  // one that does not match stops the run (or, with restart, every part of the shard is redone).
  std::map<std::string, std::string> done_files;  // part name -> its .done path
  if (o.parts_only) {
    // This run's own markers only, without a walk of a folder that may hold thousands of parts.
    for (size_t i : mine) {
      std::string done_path = (fs::path(o.output_dir) / names[i]).string() + ".done";
      if (fs::exists(done_path, ec)) done_files.emplace(names[i], done_path);
    }
  } else {
    for (const auto& entry : fs::directory_iterator(o.output_dir, ec)) {
      std::string name = entry.path().filename().string();
      if (name.ends_with(".done") && name.size() > 5)
        done_files.emplace(name.substr(0, name.size() - 5), entry.path().string());
    }
  }
  std::vector<char> reuse(mine.size(), 0);
  std::vector<RunStats> reused_stats(mine.size());
  std::vector<std::pair<std::string, std::string>> mismatches;  // (file, why)
  std::vector<std::string> to_delete;                           // part names
  for (size_t k = 0; k < mine.size(); ++k) {
    const std::string& name = names[mine[k]];
    auto it = done_files.find(name);
    if (it == done_files.end()) continue;
    std::string done_path = it->second;
    done_files.erase(it);
    to_delete.push_back(name);
    if (!stamps[k]) continue;  // stdin or unreadable: redone (or reported) below
    auto text = read_small_file(done_path);
    PartMarker old;
    std::string why;
    if (!text || !parse_part_marker(*text, old)) {
      why = "its marker " + done_path + " is from an older pith or damaged (no input fingerprint)";
    } else {
      why = marker_mismatch(old, o.inputs[mine[k]].rel, *stamps[k], now);
    }
    if (why.empty()) {
      reuse[k] = 1;
      reused_stats[k] = std::move(old.stats);
    } else {
      mismatches.emplace_back(o.inputs[mine[k]].path, "its part " + name + " cannot be reused: " + why);
    }
  }
  // Markers of parts of no input of this run: an older pith's stop the run too; a part of an
  // input that is not given this time is left alone (and named), unless restart deletes it.
  for (const auto& [name, done_path] : done_files) {
    auto text = read_small_file(done_path);
    PartMarker old;
    if (!text || !parse_part_marker(*text, old)) {
      mismatches.emplace_back(done_path, "a part written by an older pith (or damaged): its input and settings are unknown");
      to_delete.push_back(name);
    } else if (o.shard_count == 1 || shard_of(InputFile{"", "", old.rel, 0}, o.shard_count) == o.shard_index) {
      if (o.restart) to_delete.push_back(name);
      else
        report_message(o, done_path, std::nullopt, "resume",
                     "a part of " + old.rel + ", which this run was not given: left as it is and not counted in "
                     "stats (a restart deletes it)");
    }
  }
  if (!mismatches.empty() && !o.restart) {
    for (size_t k = 0; k < mismatches.size() && k < kMismatchesShown; ++k)
      report_message(o, mismatches[k].first, std::nullopt, "resume", mismatches[k].second);
    std::string more = mismatches.size() > kMismatchesShown
                           ? " (" + std::to_string(mismatches.size() - kMismatchesShown) + " more not shown)"
                           : "";
    return Error{ErrorCode::kBadInput,
                 std::to_string(mismatches.size()) + " finished part" + (mismatches.size() == 1 ? "" : "s") + " in " +
                     o.output_dir + " cannot be reused by this run" + more +
                     ": run again with --restart to delete this run's old parts and redo them all, or write into "
                     "another folder"};
  }
  if (o.restart) {
    for (const std::string& name : to_delete) remove_part(o.output_dir, name);
    summary.parts_deleted = to_delete.size();
    std::fill(reuse.begin(), reuse.end(), 0);
  }

  unsigned threads = std::max(1u, o.threads);
  std::vector<std::unique_ptr<Worker>> workers;
  for (unsigned t = 0; t < threads; ++t) {
    workers.push_back(std::make_unique<Worker>(o.extract_options));
    if (o.make_cleaner) workers.back()->cleaner = o.make_cleaner();
    else if (o.clean_text) workers.back()->cleaner = pith_cleaner();
  }
  std::unordered_set<uint64_t> seen;
  RunStats total;
  for (auto name : engine.stage_names()) total.stage(std::string(name));
  report::RunProfile profile;  // every part's, for report.html
  // Temporary files of this shard's parts left by a killed run ("a.warc.gz.jsonl.gz.tmp-PID").
  // Other shards may be writing into the same folder, so only our parts' files are touched.
  // parts_only runs leave them: a task run twice at once (a worker thought lost) may be writing
  // one; the run of all inputs that follows them removes them.
  if (!o.parts_only) {
    std::set<std::string> my_files;
    for (size_t i : mine) {
      for (std::string_view ending : kPartEndings) my_files.insert(names[i] + std::string(ending));
      my_files.insert(names[i] + ".done");
    }
    for (const std::string& dir : {o.output_dir, (fs::path(o.output_dir) / ".rejects").string()}) {
      for (const auto& entry : fs::directory_iterator(dir, ec)) {
        std::string name = entry.path().filename().string();
        size_t tmp = name.rfind(".tmp-");
        if (tmp != std::string::npos && my_files.count(name.substr(0, tmp))) fs::remove(entry.path(), ec);
      }
    }
  }
  // Documents of reused parts are known to dedup before any part is redone, so that a part
  // added to the folder later never repeats one of theirs (not loaded when nothing is redone).
  const bool redo_any = std::count(reuse.begin(), reuse.end(), 0) > 0;
  for (size_t k = 0; k < mine.size() && redo_any; ++k) {
    if (!reuse[k]) continue;
    auto hashes = read_small_file((fs::path(o.output_dir) / names[mine[k]]).string() + ".hashes");
    if (!hashes) continue;
    for (size_t b = 0; b + sizeof(uint64_t) <= hashes->size(); b += sizeof(uint64_t)) {
      uint64_t h;
      std::memcpy(&h, hashes->data() + b, sizeof h);
      seen.insert(h);
    }
  }
  uint64_t raw_done = 0;
  size_t done_without_rejects = 0;
  for (size_t k = 0; k < mine.size(); ++k) {
    const size_t i = mine[k];
    const InputFile& input = o.inputs[i];
    std::string base = (fs::path(o.output_dir) / names[i]).string();
    std::string done_path = base + ".done", hashes_path = base + ".hashes";
    uint64_t size = stamps[k] ? stamps[k]->size : 0;
    if (reuse[k]) {
      // Finished by an earlier run with this input and these settings: count it.
      const RunStats& file_stats = reused_stats[k];
      total.add(file_stats);
      if (o.report) {
        auto text = read_small_file(profile_path(done_path));
        report::RunProfile part;
        if (text && report::RunProfile::parse_tsv(*text, part)) profile.merge(part);
        else ++profile.parts_without_profile;
      }
      ++summary.files_done_before;
      if (!rejects_dir.empty() && !fs::exists((fs::path(rejects_dir) / names[i]).string() + reject_ext(o.rejects_path), ec))
        ++done_without_rejects;
      raw_done += size;
      progress.records += file_stats.records;
      ++progress.files_done;
      continue;
    }
    if (!stamps[k] && input.path != "-") {
      auto s = stamp_file(input.path);
      report_message(o, input.path, std::nullopt, "io",
                     "cannot read: " + (s ? std::string("changed while listed") : s.error().message));
      ++summary.files_failed;
      ++progress.files_done;
      continue;
    }
    PartMarker marker;
    marker.rel = input.rel;
    marker.size = size;
    marker.input_fingerprint = stamps[k] ? stamps[k]->fingerprint : "stdin";
    marker.settings = now.settings;
    marker.settings_fingerprint = now.settings_fingerprint;
    std::string rejects_part;
    if (!rejects_dir.empty()) rejects_part = (fs::path(rejects_dir) / names[i]).string() + reject_ext(o.rejects_path);
    FileJob job(o, engine, workers, seen, input, raw_done, progress);
    if (job.run(base + "." + o.format, rejects_part, hashes_path, done_path, std::move(marker))) {
      total.add(job.stats());
      profile.merge(job.profile());
    } else if (job.unreadable()) {
      total.add(job.stats());
      ++summary.files_unreadable;
    } else {
      ++summary.files_failed;
    }
    raw_done += size;
    ++progress.files_done;
  }

  if (o.parts_only) {  // the run of all inputs that follows writes stats.json and the rejects file
    summary.stats = std::move(total);
    summary.skipped_rules = recipe->skipped_rules;
    return summary;
  }
  if (done_without_rejects)
    report_message(o, o.rejects_path, std::nullopt, "rejects",
                 std::to_string(done_without_rejects) +
                     " input files were finished by an earlier run without --rejects; their rejects are not here");
  // Rejects: the parts of every finished file, concatenated (gzip members and zstd frames
  // concatenate into a valid stream).
  if (!o.rejects_path.empty()) {
    AtomicWriter w;
    auto r = w.open(o.rejects_path, Compression::kNone);
    if (!r) return r.error();
    for (size_t i : mine) {
      std::string part = (fs::path(rejects_dir) / names[i]).string() + reject_ext(o.rejects_path);
      auto bytes = read_small_file(part);
      if (bytes) {
        auto wr = w.write(*bytes);
        if (!wr) return wr.error();
      }
    }
    auto c = w.commit();
    if (!c) return c.error();
  }

  std::string extra;
  {
    JsonWriter jw(extra);
    jw.begin_object();
    jw.field("recipe", std::string_view(recipe->name));
    jw.field("recipe_version", std::string_view(recipe->version));
    jw.field("settings_fingerprint", std::string_view(now.settings_fingerprint));
    jw.field("language_model", std::string_view(recipe->language_model));
    if (!recipe->badwords_file.empty()) jw.field("badwords_file", std::string_view(recipe->badwords_file));
    jw.key("skipped_rules").begin_object();
    for (const auto& [rule, why] : recipe->skipped_rules) jw.field(rule, std::string_view(why));
    jw.end_object();
    jw.field("shard", std::string_view(std::to_string(o.shard_index) + "/" + std::to_string(o.shard_count)));
    jw.field("files_in_shard", static_cast<uint64_t>(summary.files_total));
    jw.field("files_done_before", static_cast<uint64_t>(summary.files_done_before));
    jw.field("files_failed", static_cast<uint64_t>(summary.files_failed));
    jw.end_object();
    extra = extra.substr(1, extra.size() - 2);
  }
  summary.stats_path = (fs::path(o.output_dir) / (o.shard_count == 1 ? std::string("stats.json")
                                                                       : "stats-" + std::to_string(o.shard_index) +
                                                                             "-of-" + std::to_string(o.shard_count) +
                                                                             ".json"))
                           .string();
  auto sw = write_file_atomic(summary.stats_path, total.to_json(extra));
  if (!sw) return sw.error();
  if (o.report) {
    std::string shard = std::to_string(o.shard_index) + "/" + std::to_string(o.shard_count);
    report::RunReportContext context{.output_dir = o.output_dir,
                                     .stats_file = fs::path(summary.stats_path).filename().string(),
                                     .recipe = recipe->name,
                                     .recipe_version = recipe->version,
                                     .shard = shard,
                                     .files_total = summary.files_total,
                                     .files_done_before = summary.files_done_before,
                                     .files_failed = summary.files_failed,
                                     .skipped_rules = recipe->skipped_rules};
    std::string stats_file = fs::path(summary.stats_path).filename().string();
    context.stats_file = stats_file;
    summary.report_path = (fs::path(o.output_dir) / (o.shard_count == 1 ? std::string("report.html")
                                                                         : "report-" + std::to_string(o.shard_index) +
                                                                               "-of-" + std::to_string(o.shard_count) +
                                                                               ".html"))
                              .string();
    auto rw = write_file_atomic(summary.report_path, report::render_run_report(total, profile, context));
    if (!rw) return rw.error();
  }
  summary.stats = std::move(total);
  summary.skipped_rules = recipe->skipped_rules;
  return summary;
}

}  // namespace pith
