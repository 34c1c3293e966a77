#include "pipeline/run.h"

#include <glob.h>
#include <xxhash.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
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
#include "io/input.h"
#include "io/jsonl_reader.h"
#include "io/warc_reader.h"
#include "io/writer.h"
#include "pith/clean.h"
#include "text/pii.h"

namespace pith {

namespace fs = std::filesystem;

namespace {

// Stage names in the order a document meets them; the recipe's stages go between
// "clean" and "pii".
constexpr std::string_view kRead = "read", kExtract = "extract", kClean = "clean", kPii = "pii", kDedup = "dedup";

enum class InputKind { kWarc, kJsonl };

bool is_crawl_name(std::string_view name) {
  std::string n = ascii_lowercase(name);
  for (std::string_view ext : {".gz", ".zst", ".zstd"})
    if (n.ends_with(ext)) n.resize(n.size() - ext.size());
  return n.ends_with(".warc") || n.ends_with(".wet") || n.ends_with(".arc") || n.ends_with(".jsonl") ||
         n.ends_with(".json") || n.ends_with(".ndjson");
}

InputKind kind_from_name(std::string_view path, std::string_view first_bytes) {
  std::string n = ascii_lowercase(fs::path(path).filename().string());
  if (n.find(".jsonl") != std::string::npos || n.find(".ndjson") != std::string::npos ||
      n.find(".json") != std::string::npos)
    return InputKind::kJsonl;
  if (n.find(".warc") != std::string::npos || n.find(".wet") != std::string::npos) return InputKind::kWarc;
  std::string_view t = trim(first_bytes);
  return t.starts_with("{") ? InputKind::kJsonl : InputKind::kWarc;
}

// What the reader thread hands to the workers.
struct Item {
  enum Kind { kWarc, kJsonl, kBad } kind = kBad;
  WarcRecord warc;
  JsonlDoc jsonl;
  Error error{ErrorCode::kBadInput, "", 0};
  std::vector<Error> stream_errors;  // gzip/zstd damage found while reading up to this item
  size_t bytes = 0;                  // held in memory
};

struct Message {
  uint64_t offset;
  std::string what;
};

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
};

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
  w.end_object();
  w.end_object();
  out.pop_back();  // the closing brace: the writer adds it, or a reject reason before it
}

bool is_html_mime(std::string_view mime) {
  return mime == "text/html" || mime == "application/xhtml+xml" || mime == "application/xml+xhtml";
}

bool looks_like_html(std::string_view body) {
  std::string_view t = trim(body.substr(0, 1024));
  if (t.starts_with("\xef\xbb\xbf")) t.remove_prefix(3);
  return t.starts_with("<");
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
    for (const Error& e : item.stream_errors) {
      o.messages.push_back({e.offset, e.message});
      o.input_errors.push_back(e.code == ErrorCode::kIo ? "stream_damage" : "stream_garbage");
    }
    o.visited.push_back(kRead);
    auto drop = [&](std::string_view stage, std::string reason) {
      o.dropped_at = stage;
      o.reason = std::move(reason);
      return std::move(o);
    };
    Doc d;
    d.source = source;
    if (item.kind == Item::kBad) {
      o.messages.push_back({item.error.offset, item.error.message});
      std::string why = item.error.code == ErrorCode::kTooLarge ? "too_large" : "bad_record";
      o.input_errors.push_back(why);
      d.offset = item.error.offset;
      write_head(d, o.head);
      return drop(kRead, why);
    }
    std::string_view html;
    std::string charset;  // from the HTTP Content-Type
    std::string decoded;  // a de-chunked or inflated body
    bool is_text = false;
    if (item.kind == Item::kWarc) {
      WarcRecord& r = item.warc;
      d.id = r.record_id;
      d.url = r.target_uri;
      d.date = r.date;
      d.offset = r.offset;
      write_head(d, o.head);
      if (r.type != "response" && r.type != "resource" && r.type != "conversion") {
        o.reject_line = false;
        return drop(kRead, "warc_type:" + r.type);
      }
      if (!r.block_kept) {
        o.messages.push_back({r.offset, "WARC record of " + std::to_string(r.content_length) +
                                            " bytes is over the cap of " + std::to_string(o_.max_record_bytes) +
                                            " bytes; skipped"});
        o.input_errors.push_back("too_large");
        return drop(kRead, "too_large");
      }
      if (r.type == "conversion") {
        is_text = true;
        w.buf = std::move(r.block);
      } else if (r.type == "resource") {
        std::string mime = ascii_lowercase(trim(std::string_view(r.content_type).substr(0, r.content_type.find(';'))));
        if (!is_html_mime(mime) && !(mime.empty() && looks_like_html(r.block))) return drop(kRead, "not_html");
        html = r.block;
      } else {
        auto http = parse_http_response(r.block);
        if (!http) {
          o.messages.push_back({r.offset, "WARC response record: " + http.error().message});
          return drop(kRead, "bad_http");
        }
        if (http->status < 200 || http->status >= 300) return drop(kRead, "http_status");
        if (!is_html_mime(http->mime) && !(http->mime.empty() && looks_like_html(http->body)))
          return drop(kRead, "not_html");
        html = http->body;
        charset = std::move(http->charset);
        if (http->transfer_encoding.find("chunked") != std::string::npos) {
          decoded = dechunk(html);
          html = decoded;
        }
        const std::string& ce = http->content_encoding;
        if (ce == "gzip" || ce == "x-gzip") {
          std::string inflated;
          auto g = gunzip(html, o_.max_record_bytes, inflated);
          if (!g) return drop(kRead, "content_encoding");
          decoded.swap(inflated);
          html = decoded;
        } else if (!ce.empty() && ce != "identity") {
          return drop(kRead, "content_encoding");
        }
      }
    } else {
      JsonlDoc& j = item.jsonl;
      d.id = j.id.empty() ? fs::path(source).filename().string() + ":" + std::to_string(j.line) : j.id;
      d.url = j.url;
      d.date = j.date;
      d.offset = j.offset;
      write_head(d, o.head);
      bool text_input = o_.input_type == "text" || (o_.input_type == "auto" && o_.input_field == "text");
      if (text_input) {
        is_text = true;
        w.buf = std::move(j.content);
      } else {
        html = j.content;
      }
    }

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
      auto ex = w.extractor.extract(html, page);
      if (!ex) {
        if (ex.error().code != ErrorCode::kNoContent && ex.error().code != ErrorCode::kEmptyInput)
          o.messages.push_back({d.offset, "extract: " + ex.error().message});
        return drop(kExtract, std::string(error_code_name(ex.error().code)));
      }
      Extraction& e = *ex;
      d.text = std::move(e.text);
      one_paragraph_per_line(d.text);
      d.title = std::move(e.title);
      d.author = std::move(e.author.value);
      d.published = std::move(e.date.value);
      d.sitename = std::move(e.sitename);
      d.description = std::move(e.description);
      d.page_type = std::move(e.page_type);
      if (d.text.empty()) return drop(kExtract, "no_content");
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
    o.text_bytes = d.text.size();
    write_head(d, o.head);
    return o;
  }

 private:
  const RunOptions& o_;
  const Recipe& recipe_;
  std::vector<std::string_view> stage_names_;
};

// Reads the items of one input file.
class ItemSource {
 public:
  ItemSource(std::unique_ptr<ByteSource> src, InputKind kind, const RunOptions& o) : kind_(kind) {
    if (kind == InputKind::kWarc) {
      WarcReaderOptions wo;
      wo.max_block_bytes = o.max_record_bytes;
      warc_ = std::make_unique<WarcReader>(std::move(src), wo);
    } else {
      JsonlReaderOptions jo;
      jo.field = o.input_field;
      jo.max_line_bytes = o.max_record_bytes;
      jsonl_ = std::make_unique<JsonlReader>(std::move(src), jo);
    }
  }
  // False at the end; stream damage found at the end, with no record, is kept for trailing_errors().
  bool next(Item& item) {
    item = Item{};
    if (done_) return false;
    if (warc_) {
      auto st = warc_->next(item.warc);
      item.stream_errors = warc_->take_stream_errors();
      if (st == WarcReader::kEnd) {
        // Damage found while looking for another record (a file that ends inside a gzip member
        // or zstd frame that gave no bytes): trailing_errors() reports it.
        end_errors_ = std::move(item.stream_errors);
        done_ = true;
        return false;
      }
      if (st == WarcReader::kBad) {
        item.kind = Item::kBad;
        item.error = item.warc.error;
      } else {
        item.kind = Item::kWarc;
      }
      item.bytes = item.warc.block.size() + 1024;
    } else {
      auto st = jsonl_->next(item.jsonl);
      item.stream_errors = jsonl_->take_stream_errors();
      if (st == JsonlReader::kEnd) {
        end_errors_ = std::move(item.stream_errors);
        done_ = true;
        return false;
      }
      if (st == JsonlReader::kBad) {
        item.kind = Item::kBad;
        item.error = item.jsonl.error;
      } else {
        item.kind = Item::kJsonl;
      }
      item.bytes = item.jsonl.content.size() + 1024;
    }
    return true;
  }
  // Stream damage that came with no record: at the end of the file.
  std::vector<Error> trailing_errors() {
    std::vector<Error> e = std::move(end_errors_);
    for (Error& more : warc_ ? warc_->take_stream_errors() : jsonl_->take_stream_errors()) e.push_back(std::move(more));
    return e;
  }
  uint64_t raw_offset() const { return warc_ ? warc_->raw_offset() : jsonl_->raw_offset(); }
  uint64_t offset() const { return warc_ ? warc_->offset() : jsonl_->offset(); }

 private:
  InputKind kind_;
  std::unique_ptr<WarcReader> warc_;
  std::unique_ptr<JsonlReader> jsonl_;
  std::vector<Error> end_errors_;
  bool done_ = false;
};

std::string part_name(size_t index) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%05zu", index);
  return buf;
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
          std::unordered_set<uint64_t>& seen, size_t index, const std::string& path, uint64_t raw_done_before,
          RunProgress& progress)
      : o_(o), engine_(engine), workers_(workers), seen_(seen), index_(index), path_(path),
        raw_done_before_(raw_done_before), progress_(progress) {
    for (auto name : engine_.stage_names()) stats_.stage(std::string(name));
  }

  // False when the file could not be read or its output written (reported already).
  bool run(const std::string& out_path, const std::string& rejects_path, const std::string& hashes_path,
           const std::string& done_path) {
    auto src = open_source(path_);
    if (!src) {
      message(0, "cannot read: " + src.error().message);
      return false;
    }
    auto opened = out_.open(out_path);
    if (!opened) {
      message(0, opened.error().message);
      return false;
    }
    if (!rejects_path.empty()) {
      auto r = rejects_.open(rejects_path);
      if (!r) {
        message(0, r.error().message);
        return false;
      }
    }
    // Sniff the kind from the first decompressed bytes when the name does not say.
    InputKind kind = kind_from_name(path_, peek_first_bytes());
    ItemSource items(std::move(*src), kind, o_);
    if (o_.threads <= 1) {
      run_inline(items);
    } else {
      run_parallel(items);
    }
    for (const Error& e : items.trailing_errors()) {
      message(e.offset, e.message);
      ++stats_.input_errors[e.code == ErrorCode::kIo ? "stream_damage" : "stream_garbage"];
    }
    stats_.files = 1;
    stats_.bytes_raw = items.raw_offset();
    stats_.bytes_uncompressed = items.offset();
    if (!write_ok_) return false;
    auto c = out_.commit();
    if (!c) {
      message(0, c.error().message);
      return false;
    }
    if (rejects_.is_open()) {
      auto rc = rejects_.commit();
      if (!rc) {
        message(0, rc.error().message);
        return false;
      }
    }
    std::string hashes(reinterpret_cast<const char*>(hashes_.data()), hashes_.size() * sizeof(uint64_t));
    auto h = write_file_atomic(hashes_path, hashes);
    if (!h) {
      message(0, h.error().message);
      return false;
    }
    auto d = write_file_atomic(done_path, stats_.to_tsv());
    if (!d) {
      message(0, d.error().message);
      return false;
    }
    return true;
  }

  const RunStats& stats() const { return stats_; }

 private:
  std::string peek_first_bytes() {
    auto s = open_source(path_);
    if (!s) return {};
    std::string head(256, '\0');
    size_t n = (*s)->read(head.data(), head.size());
    head.resize(n);
    return head;
  }

  void message(uint64_t offset, std::string_view what) {
    if (o_.on_message) o_.on_message(path_, offset, what);
  }

  void emit(Outcome& oc) {
    ++stats_.records;
    for (const auto& m : oc.messages) message(m.offset, m.what);
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
    if (dropped_at.empty()) {
      ++stats_.written;
      stats_.text_bytes_written += oc.text_bytes;
      stats_.emails_masked += oc.pii.emails;
      stats_.ips_masked += oc.pii.ips;
      oc.head += "}\n";
      auto r = out_.write(oc.head);
      if (!r && write_ok_) {
        message(0, r.error().message);
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
          message(0, r.error().message);
          write_ok_ = false;
        }
      }
    }
  }

  void report_progress(uint64_t raw, uint64_t uncompressed) {
    progress_.records = records_before_ + stats_.records;
    progress_.bytes_raw_done = raw_done_before_ + raw;
    progress_.bytes_uncompressed = uncompressed_before_ + uncompressed;
    if (o_.on_progress) o_.on_progress(progress_);
  }

  void run_inline(ItemSource& items) {
    Item item;
    Worker& w = *workers_[0];
    init_progress();
    while (items.next(item)) {
      Outcome oc = engine_.process(item, w, path_);
      emit(oc);
      if ((stats_.records & 63) == 0) report_progress(items.raw_offset(), items.offset());
    }
    report_progress(items.raw_offset(), items.offset());
  }

  void init_progress() {
    records_before_ = progress_.records;
    uncompressed_before_ = progress_.bytes_uncompressed;
  }

  void run_parallel(ItemSource& items) {
    init_progress();
    const size_t window = 16 * workers_.size() + 16;
    std::mutex mu;
    std::condition_variable cv_work, cv_space, cv_done;
    std::deque<std::pair<uint64_t, Item>> work;
    std::map<uint64_t, Outcome> done;
    uint64_t produced = 0, emitted = 0;
    size_t inflight = 0;
    bool finished = false;
    std::atomic<uint64_t> raw{0}, uncompressed{0};

    std::thread reader([&] {
      Item item;
      while (items.next(item)) {
        raw.store(items.raw_offset(), std::memory_order_relaxed);
        uncompressed.store(items.offset(), std::memory_order_relaxed);
        size_t b = item.bytes;
        std::unique_lock lock(mu);
        cv_space.wait(lock, [&] {
          return produced - emitted < window && (inflight + b <= o_.max_inflight_bytes || produced == emitted);
        });
        inflight += b;
        work.emplace_back(produced++, std::move(item));
        cv_work.notify_one();
      }
      std::lock_guard lock(mu);
      finished = true;
      cv_work.notify_all();
      cv_done.notify_all();
    });
    std::vector<std::thread> pool;
    for (size_t t = 0; t < workers_.size(); ++t) {
      pool.emplace_back([&, t] {
        while (true) {
          std::pair<uint64_t, Item> job;
          {
            std::unique_lock lock(mu);
            cv_work.wait(lock, [&] { return !work.empty() || finished; });
            if (work.empty()) return;
            job = std::move(work.front());
            work.pop_front();
          }
          Outcome oc = engine_.process(job.second, *workers_[t], path_);
          job.second = Item{};  // free the record before waiting on the lock
          std::lock_guard lock(mu);
          done.emplace(job.first, std::move(oc));
          cv_done.notify_all();
        }
      });
    }
    while (true) {
      Outcome oc;
      {
        std::unique_lock lock(mu);
        cv_done.wait(lock, [&] { return done.count(emitted) || (finished && emitted == produced); });
        auto it = done.find(emitted);
        if (it == done.end()) break;
        oc = std::move(it->second);
        done.erase(it);
      }
      emit(oc);
      {
        std::lock_guard lock(mu);
        inflight -= oc.bytes;
        ++emitted;
      }
      cv_space.notify_one();
      if ((stats_.records & 63) == 0) report_progress(raw.load(), uncompressed.load());
    }
    reader.join();
    for (auto& t : pool) t.join();
    report_progress(items.raw_offset(), items.offset());
  }

  const RunOptions& o_;
  const Engine& engine_;
  std::vector<std::unique_ptr<Worker>>& workers_;
  std::unordered_set<uint64_t>& seen_;
  size_t index_;
  const std::string& path_;
  uint64_t raw_done_before_;
  RunProgress& progress_;
  uint64_t records_before_ = 0, uncompressed_before_ = 0;
  RunStats stats_;
  AtomicWriter out_, rejects_;
  std::vector<uint64_t> hashes_;
  bool write_ok_ = true;
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

std::vector<std::string> list_crawl_files(const std::vector<std::string>& args, std::vector<std::string>& errors) {
  std::set<std::string> found;
  for (const auto& a : args) {
    std::error_code ec;
    if (a.find_first_of("*?[") != std::string::npos && !fs::exists(a, ec)) {
      glob_t g{};
      int rc = ::glob(a.c_str(), 0, nullptr, &g);
      if (rc == 0) {
        for (size_t i = 0; i < g.gl_pathc; ++i) {
          std::string p = g.gl_pathv[i];
          if (fs::is_regular_file(p, ec)) found.insert(p);
        }
      } else {
        errors.push_back(a + ": no file matches");
      }
      globfree(&g);
      continue;
    }
    auto st = fs::status(a, ec);
    if (ec || !fs::exists(st)) {
      errors.push_back(a + ": no such file or folder");
      continue;
    }
    if (fs::is_directory(st)) {
      size_t before = found.size();
      fs::recursive_directory_iterator it(a, fs::directory_options::skip_permission_denied, ec), end;
      for (; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec) && is_crawl_name(it->path().filename().string())) found.insert(it->path().string());
      if (ec) errors.push_back(a + ": " + ec.message());
      if (found.size() == before) errors.push_back(a + ": no .warc, .wet or .jsonl files in this folder");
    } else {
      found.insert(a);
    }
  }
  return {found.begin(), found.end()};
}

Result<RunSummary> run_pipeline(const RunOptions& o) {
  if (o.shard_count == 0 || o.shard_index >= o.shard_count)
    return Error{ErrorCode::kBadInput, "--shard must be i/N with 0 <= i < N"};
  if (o.format != "jsonl" && o.format != "jsonl.gz" && o.format != "jsonl.zst")
    return Error{ErrorCode::kBadInput, "output format must be jsonl, jsonl.gz or jsonl.zst"};
  auto recipe = make_recipe(o.recipe, o.recipe_options);
  if (!recipe) return recipe.error();
  std::error_code ec;
  fs::create_directories(o.output_dir, ec);
  if (ec) return Error{ErrorCode::kIo, "cannot create " + o.output_dir + ": " + ec.message()};
  std::string rejects_dir;
  if (!o.rejects_path.empty()) {
    rejects_dir = (fs::path(o.output_dir) / ".rejects").string();
    fs::create_directories(rejects_dir, ec);
    if (ec) return Error{ErrorCode::kIo, "cannot create " + rejects_dir + ": " + ec.message()};
  }

  Engine engine(o, *recipe);
  RunSummary summary;
  std::vector<size_t> mine;
  uint64_t raw_total = 0;
  for (size_t i = 0; i < o.inputs.size(); ++i) {
    if (i % o.shard_count != o.shard_index) continue;
    mine.push_back(i);
    raw_total += fs::file_size(o.inputs[i], ec);
  }
  summary.files_total = mine.size();
  RunProgress progress;
  progress.bytes_raw_total = raw_total;
  progress.files_total = mine.size();

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
  // Temporary files of this shard's parts left by a killed run ("00003.jsonl.gz.tmp-PID").
  // Other shards may be writing into the same folder, so only our parts' names are touched.
  {
    std::set<std::string> my_parts;
    for (size_t i : mine) my_parts.insert(part_name(i));
    for (const std::string& dir : {o.output_dir, rejects_dir}) {
      if (dir.empty()) continue;
      for (const auto& entry : fs::directory_iterator(dir, ec)) {
        std::string name = entry.path().filename().string();
        if (name.find(".tmp-") != std::string::npos && my_parts.count(name.substr(0, name.find('.'))))
          fs::remove(entry.path(), ec);
      }
    }
  }
  uint64_t raw_done = 0;
  size_t done_without_rejects = 0;
  for (size_t i : mine) {
    const std::string& path = o.inputs[i];
    std::string base = (fs::path(o.output_dir) / part_name(i)).string();
    std::string done_path = base + ".done", hashes_path = base + ".hashes";
    uint64_t size = fs::file_size(path, ec);
    auto marker = read_small_file(done_path);
    RunStats file_stats;
    if (marker && RunStats::parse_tsv(*marker, file_stats)) {
      // Finished by an earlier run: count it, and remember its documents for dedup.
      total.add(file_stats);
      ++summary.files_done_before;
      auto hashes = read_small_file(hashes_path);
      if (hashes) {
        for (size_t k = 0; k + sizeof(uint64_t) <= hashes->size(); k += sizeof(uint64_t)) {
          uint64_t h;
          std::memcpy(&h, hashes->data() + k, sizeof h);
          seen.insert(h);
        }
      }
      if (!rejects_dir.empty() &&
          !fs::exists((fs::path(rejects_dir) / part_name(i)).string() + reject_ext(o.rejects_path), ec))
        ++done_without_rejects;
      raw_done += size;
      progress.records += file_stats.records;
      ++progress.files_done;
      continue;
    }
    std::string rejects_part;
    if (!rejects_dir.empty()) rejects_part = (fs::path(rejects_dir) / part_name(i)).string() + reject_ext(o.rejects_path);
    FileJob job(o, engine, workers, seen, i, path, raw_done, progress);
    if (job.run(base + "." + o.format, rejects_part, hashes_path, done_path)) {
      total.add(job.stats());
    } else {
      ++summary.files_failed;
    }
    raw_done += size;
    ++progress.files_done;
  }

  if (done_without_rejects && o.on_message)
    o.on_message(o.rejects_path, 0,
                 std::to_string(done_without_rejects) +
                     " input files were finished by an earlier run without --rejects; their rejects are not here");
  // Rejects: the parts of every finished file, concatenated (gzip members and zstd frames
  // concatenate into a valid stream).
  if (!o.rejects_path.empty()) {
    AtomicWriter w;
    auto r = w.open(o.rejects_path, Compression::kNone);
    if (!r) return r.error();
    for (size_t i : mine) {
      std::string part = (fs::path(rejects_dir) / part_name(i)).string() + reject_ext(o.rejects_path);
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
  summary.stats = std::move(total);
  summary.skipped_rules = recipe->skipped_rules;
  return summary;
}

}  // namespace pith
