// pith dedup's stages: the plan, signatures per part, buckets per key stream (external sort),
// clusters (union-find), filter per part, finish. See include/pith/dedup.h for the contract and
// src/dedup/README.md for the files each stage writes.
#include <simdjson.h>
#include <sys/stat.h>
#include <unistd.h>
#include <fcntl.h>
#include <xxhash.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <numeric>
#include <thread>
#include <unordered_map>

#include "core/json_writer.h"
#include "core/strings.h"
#include "dedup/external_sort.h"
#include "dedup/text_units.h"
#include "io/jsonl_reader.h"
#include "io/stream.h"
#include "io/writer.h"
#include "pipeline/run.h"
#include "pith/dedup.h"
#include "report/dedup_report.h"

namespace fs = std::filesystem;

namespace pith {

namespace {

// Version of the files under OUTPUT/.dedup: part of the plan's fingerprint, so that files of an
// older layout are never read.
constexpr std::string_view kDedupFormat = "pith-dedup 1";
// Part extensions pith run writes (--format), the ones tried next to a NAME.done.
constexpr std::string_view kPartExtensions[] = {".jsonl.gz", ".jsonl.zst", ".jsonl"};
// Bounds of the options: rows are hashed from a fixed buffer; beyond these the LSH curve is a
// step anyway.
constexpr unsigned kMaxRows = 256, kMaxBands = 1024, kMaxNgram = 64;
constexpr uint64_t kMinMemoryBudget = 4096;
// Bytes written to a stream file at once by the signature stage.
constexpr size_t kStreamFlushBytes = 1u << 20;

// A document: (part << 32) | its ordinal in the part. Sorting by it is input order.
inline uint64_t doc_of(uint64_t part, uint64_t ordinal) { return (part << 32) | ordinal; }
inline uint32_t part_of(uint64_t doc) { return static_cast<uint32_t>(doc >> 32); }
inline uint32_t ordinal_of(uint64_t doc) { return static_cast<uint32_t>(doc); }

struct KeyDoc {
  uint64_t key, doc;
  bool operator<(const KeyDoc& o) const { return key < o.key || (key == o.key && doc < o.doc); }
};
struct KeyDocItem {
  uint64_t key, doc;
  uint32_t item, pad;
  bool operator<(const KeyDocItem& o) const {
    if (key != o.key) return key < o.key;
    if (doc != o.doc) return doc < o.doc;
    return item < o.item;
  }
};
// A candidate pair from one bucket: `other` may duplicate `first` (first < other).
struct DocPair {
  uint64_t first, other;
};
// What the filter removes from a document, by kind.
enum DropKind : uint32_t { kDropExact = 1, kDropNear = 2, kDropSpan = 3, kDropParagraph = 4 };
struct ItemDrop {
  uint64_t doc;
  uint32_t kind, item;
  bool operator<(const ItemDrop& o) const {
    if (doc != o.doc) return doc < o.doc;
    if (kind != o.kind) return kind < o.kind;
    return item < o.item;
  }
};
// One line of a part's drop list (clusters -> filter): ref is the kept document for a removal.
struct PartDrop {
  uint32_t ordinal, kind, item, pad;
  uint64_t ref;
};

enum class StreamKind { kBand, kExact, kSpans, kParagraphs };

StreamKind stream_kind(const DedupOptions& o, unsigned index) {
  if (index < o.bands) return StreamKind::kBand;
  index -= o.bands;
  if (o.exact) {
    if (index == 0) return StreamKind::kExact;
    --index;
  }
  if (o.c4_spans) {
    if (index == 0) return StreamKind::kSpans;
    --index;
  }
  return StreamKind::kParagraphs;
}

std::string_view stream_name(StreamKind k) {
  switch (k) {
    case StreamKind::kBand: return "band";
    case StreamKind::kExact: return "exact";
    case StreamKind::kSpans: return "c4_spans";
    case StreamKind::kParagraphs: return "paragraphs";
  }
  return "";
}

std::string padded(uint64_t n, int width = 6) {
  std::string s = std::to_string(n);
  return std::string(s.size() < static_cast<size_t>(width) ? width - s.size() : 0, '0') + s;
}

std::string work_dir(const DedupPlan& p) { return (fs::path(p.output_dir) / ".dedup").string(); }
std::string sig_dir(const DedupPlan& p, size_t part) { return work_dir(p) + "/signatures/" + padded(part); }
std::string stream_path(const DedupPlan& p, size_t part, unsigned s) { return sig_dir(p, part) + "/stream-" + padded(s, 4) + ".bin"; }
std::string bucket_path(const DedupPlan& p, unsigned b) { return work_dir(p) + "/buckets/" + padded(b, 4) + ".bin"; }
std::string drops_path(const DedupPlan& p, size_t part) { return work_dir(p) + "/drops/" + padded(part) + ".bin"; }
std::string filter_done_path(const DedupPlan& p, size_t part) { return work_dir(p) + "/filter/" + padded(part) + ".done"; }

std::string rejects_ext(const std::string& path) {
  switch (compression_for_name(path)) {
    case Compression::kGzip: return ".jsonl.gz";
    case Compression::kZstd: return ".jsonl.zst";
    default: return ".jsonl";
  }
}
std::string reject_part_path(const DedupPlan& p, size_t part) {
  return work_dir(p) + "/rejects/" + padded(part) + rejects_ext(p.options.rejects_path);
}

Error io_error(const std::string& path, std::string_view what) {
  return Error{ErrorCode::kIo, path + ": " + std::string(what)};
}

Result<std::string> read_file(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return io_error(path, std::strerror(errno));
  std::string s;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) s.append(buf, n);
  bool bad = std::ferror(f);
  std::fclose(f);
  if (bad) return io_error(path, "read error");
  return s;
}

Result<bool> make_dirs(const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return io_error(dir, "cannot create: " + ec.message());
  return true;
}

// Done markers and counters: "key<TAB>value" lines.
using Counters = std::map<std::string, uint64_t>;

std::string format_counters(const Counters& c) {
  std::string s;
  for (const auto& [k, v] : c) s += k + "\t" + std::to_string(v) + "\n";
  return s;
}

Counters parse_counters(std::string_view text) {
  Counters c;
  for (auto line : split_any(text, "\n")) {
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    c[std::string(line.substr(0, tab))] = std::strtoull(std::string(line.substr(tab + 1)).c_str(), nullptr, 10);
  }
  return c;
}

bool exists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

Result<Counters> read_counters(const std::string& path) {
  auto text = read_file(path);
  if (!text) return text.error();
  return parse_counters(*text);
}

// A binary file of records, read whole (drop lists, pair lists of a bucket are read streaming).
template <class Rec>
Result<std::vector<Rec>> read_records(const std::string& path) {
  auto bytes = read_file(path);
  if (!bytes) return bytes.error();
  std::vector<Rec> out(bytes->size() / sizeof(Rec));
  if (!out.empty()) std::memcpy(out.data(), bytes->data(), out.size() * sizeof(Rec));
  return out;
}

// Streams the records of a file in chunks: fn(const Rec&).
template <class Rec, class Fn>
Result<bool> for_each_record(const std::string& path, Fn&& fn) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return io_error(path, std::strerror(errno));
  std::vector<Rec> buf(1u << 14);
  size_t n;
  while ((n = std::fread(buf.data(), sizeof(Rec), buf.size(), f)) > 0)
    for (size_t i = 0; i < n; ++i) fn(buf[i]);
  bool bad = std::ferror(f);
  std::fclose(f);
  if (bad) return io_error(path, "read error");
  return true;
}

// A binary output written atomically, buffered.
class RecordFile {
 public:
  Result<bool> open(const std::string& path) { return w_.open(path, Compression::kNone); }
  template <class Rec>
  Result<bool> add(const Rec& r) {
    buf_.append(reinterpret_cast<const char*>(&r), sizeof r);
    if (buf_.size() >= kStreamFlushBytes) return flush();
    return true;
  }
  Result<bool> write_bytes(std::string_view b) {
    buf_.append(b);
    if (buf_.size() >= kStreamFlushBytes) return flush();
    return true;
  }
  Result<bool> commit() {
    auto f = flush();
    if (!f) return f;
    return w_.commit();
  }

 private:
  Result<bool> flush() {
    auto r = w_.write(buf_);
    buf_.clear();
    return r;
  }
  AtomicWriter w_;
  std::string buf_;
};

// The options as JSON; for stats.json without threads and memory, which do not change the output.
std::string options_json(const DedupOptions& o, bool with_resources = true) {
  std::string s;
  JsonWriter w(s);
  w.begin_object();
  w.field("ngram", static_cast<uint64_t>(o.ngram));
  w.field("bands", static_cast<uint64_t>(o.bands));
  w.field("rows", static_cast<uint64_t>(o.rows));
  w.field("seed", o.seed);
  w.field("verify", o.verify);
  w.field("verify_threshold", o.verify_threshold);
  w.field("exact", o.exact);
  w.field("c4_spans", o.c4_spans);
  w.field("c4_span_sentences", static_cast<uint64_t>(o.c4_span_sentences));
  w.field("paragraphs", static_cast<uint64_t>(o.paragraphs));
  w.field("datatrove_compat", o.datatrove_compat);
  if (with_resources) {
    w.field("threads", static_cast<uint64_t>(o.threads));
    w.field("memory_budget", o.memory_budget);
  }
  w.key("rejects_path").value(std::string_view(o.rejects_path));
  w.end_object();
  return s;
}

std::string plan_json(const DedupPlan& p) {
  std::string s;
  JsonWriter w(s);
  w.begin_object();
  w.field("format", kDedupFormat);
  w.field("fingerprint", std::string_view(p.fingerprint));
  w.key("input_dirs").begin_array();
  for (const auto& d : p.input_dirs) w.value(std::string_view(d));
  w.end_array();
  w.key("output_dir").value(std::string_view(p.output_dir));
  w.key("options");
  s += options_json(p.options);
  // JsonWriter knows nothing of the raw object spliced in: the next key needs its comma.
  s += ",\"parts\":[";
  for (size_t i = 0; i < p.parts.size(); ++i) {
    if (i) s += ",";
    std::string one;
    JsonWriter pw(one);
    pw.begin_object();
    pw.key("path").value(std::string_view(p.parts[i].path));
    pw.key("name").value(std::string_view(p.parts[i].name));
    pw.field("size", p.parts[i].size);
    pw.end_object();
    s += one;
  }
  s += "]}\n";
  return s;
}

// What shapes the output: the parts (their order, names and sizes) and every option but
// threads, memory and the rejects path.
std::string plan_fingerprint(const DedupPlan& p) {
  DedupOptions o = p.options;
  o.threads = 0;
  o.memory_budget = 0;
  o.rejects_path.clear();
  std::string all(kDedupFormat);
  all += options_json(o);
  for (const auto& part : p.parts) all += "\n" + part.path + "\t" + part.name + "\t" + std::to_string(part.size);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(XXH3_64bits(all.data(), all.size())));
  return hex;
}

Result<bool> check_options(const DedupOptions& o) {
  auto bad = [](std::string what) { return Error{ErrorCode::kBadInput, std::move(what)}; };
  if (o.ngram < 1 || o.ngram > kMaxNgram) return bad("ngram must be 1.." + std::to_string(kMaxNgram));
  if (o.bands < 1 || o.bands > kMaxBands) return bad("bands must be 1.." + std::to_string(kMaxBands));
  if (o.rows < 1 || o.rows > kMaxRows) return bad("rows must be 1.." + std::to_string(kMaxRows));
  if (!(o.verify_threshold >= 0 && o.verify_threshold <= 1)) return bad("the verify threshold must be 0..1");
  if (o.c4_span_sentences < 1) return bad("a C4 span has at least one sentence");
  if (o.memory_budget < kMinMemoryBudget) return bad("the memory budget must be at least 4096 bytes");
  if (o.datatrove_compat && o.seed > 0xFFFFFFFFull) return bad("datatrove's seed is 32-bit (numpy RandomState)");
  return true;
}

// The finished parts of one pith run folder, by name.
Result<std::vector<DedupPart>> find_parts(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return io_error(dir, "not a folder (give pith run's output folders)");
  std::vector<std::string> bases;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    if (name.size() > 5 && name.ends_with(".done")) bases.push_back(name.substr(0, name.size() - 5));
  }
  if (ec) return io_error(dir, ec.message());
  // In pith run's input order, the order of the inputs' rel paths (list_inputs sorts a folder's
  // files by path; a part name turns '/' into "__", which sorts differently: "a/x" < "a0" but
  // "a__x" > "a0"), so that the first copy pith run would keep is the one dedup keeps too.
  // A marker that cannot be read sorts by its name.
  std::vector<std::pair<std::string, std::string>> order;  // (rel, base)
  for (auto& base : bases) {
    PartMarker marker;
    auto text = read_file((fs::path(dir) / (base + ".done")).string());
    std::string rel = text && parse_part_marker(*text, marker) ? marker.rel : base;
    order.emplace_back(std::move(rel), std::move(base));
  }
  std::sort(order.begin(), order.end());
  bases.clear();
  for (auto& [rel, base] : order) bases.push_back(std::move(base));
  std::vector<DedupPart> parts;
  for (const auto& base : bases) {
    for (std::string_view ext : kPartExtensions) {
      std::string path = (fs::path(dir) / (base + std::string(ext))).string();
      struct stat st;
      if (::stat(path.c_str(), &st) != 0) continue;
      parts.push_back({path, base + std::string(ext), static_cast<uint64_t>(st.st_size)});
      break;
    }
  }
  return parts;
}

// Removes every stage's files (a new plan): all of OUTPUT/.dedup but the plan.
void clear_stages(const std::string& work) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(work, ec))
    if (e.path().filename() != "plan.json") fs::remove_all(e.path(), ec);
}

// Documents per part, from the signature stage's markers.
Result<std::vector<uint64_t>> part_doc_counts(const DedupPlan& p) {
  std::vector<uint64_t> counts;
  for (size_t i = 0; i < p.parts.size(); ++i) {
    std::string done = sig_dir(p, i) + ".done";
    auto c = read_counters(done);
    if (!c) return Error{ErrorCode::kBadInput, "the signatures of part " + std::to_string(i) + " (" + p.parts[i].path +
                                                   ") are not done: run that stage first"};
    counts.push_back((*c)["documents"]);
  }
  return counts;
}

Result<bool> check_part_unchanged(const DedupPart& part) {
  struct stat st;
  if (::stat(part.path.c_str(), &st) != 0) return io_error(part.path, std::strerror(errno));
  if (static_cast<uint64_t>(st.st_size) != part.size)
    return Error{ErrorCode::kBadInput, part.path + ": changed since the plan (" + std::to_string(st.st_size) +
                                           " bytes, planned " + std::to_string(part.size) +
                                           "): plan the dedup again"};
  return true;
}

Result<std::unique_ptr<JsonlReader>> open_part(const DedupPart& part, bool keep_line) {
  auto src = open_source(part.path);
  if (!src) return io_error(part.path, src.error().message);
  JsonlReaderOptions ro;
  ro.field = "text";
  ro.keep_line = keep_line;
  return std::make_unique<JsonlReader>(std::move(*src), ro);
}

Error bad_line(const DedupPart& part, const Error& e) {
  return Error{e.code, part.path + ":" + std::to_string(e.offset) + ": " + e.message, e.offset};
}

Result<bool> stream_errors(const DedupPart& part, JsonlReader& r) {
  auto errs = r.take_stream_errors();
  if (errs.empty()) return true;
  return Error{ErrorCode::kIo, part.path + ":" + std::to_string(errs[0].offset) + ": " + errs[0].message,
               errs[0].offset};
}

std::string ids_path(const DedupPlan& p, size_t part) { return sig_dir(p, part) + "/ids.bin"; }
std::string shingles_path(const DedupPlan& p, size_t part) { return sig_dir(p, part) + "/shingles.bin"; }

}  // namespace

unsigned DedupPlan::bucket_count() const {
  return options.bands + (options.exact ? 1 : 0) + (options.c4_spans ? 1 : 0) + (options.paragraphs ? 1 : 0);
}

Result<DedupPlan> plan_dedup(const std::vector<std::string>& input_dirs, const std::string& output_dir,
                             const DedupOptions& options) {
  auto ok = check_options(options);
  if (!ok) return ok.error();
  if (input_dirs.empty()) return Error{ErrorCode::kBadInput, "no input folders (give pith run's output folders)"};
  if (output_dir.empty()) return Error{ErrorCode::kBadInput, "no output folder"};
  DedupPlan plan;
  plan.options = options;
  plan.output_dir = output_dir;
  std::error_code ec;
  std::map<std::string, std::string> names;  // part name -> its folder
  for (const auto& dir : input_dirs) {
    if (fs::exists(output_dir, ec) && fs::equivalent(dir, output_dir, ec))
      return Error{ErrorCode::kBadInput, output_dir + ": the output folder is an input folder: write elsewhere"};
    auto parts = find_parts(dir);
    if (!parts) return parts.error();
    if (parts->empty())
      return Error{ErrorCode::kBadInput, dir + ": no finished part of pith run (NAME.jsonl[.gz|.zst] with NAME.done)"};
    for (auto& part : *parts) {
      auto [it, fresh] = names.emplace(part.name, dir);
      if (!fresh)
        return Error{ErrorCode::kBadInput, part.path + ": a part of the same name is in " + it->second +
                                               ": the output would hold one file for both (rename, or dedup the "
                                               "folders separately)"};
      plan.parts.push_back(std::move(part));
    }
    plan.input_dirs.push_back(dir);
  }
  plan.fingerprint = plan_fingerprint(plan);
  const std::string work = work_dir(plan);
  auto md = make_dirs(work);
  if (!md) return md.error();
  const std::string path = work + "/plan.json";
  auto old = load_dedup_plan(output_dir);
  if (!old || old->fingerprint != plan.fingerprint) clear_stages(work);
  auto w = write_file_atomic(path, plan_json(plan));
  if (!w) return w.error();
  return plan;
}

Result<DedupPlan> load_dedup_plan(const std::string& output_dir) {
  const std::string path = (fs::path(output_dir) / ".dedup" / "plan.json").string();
  auto text = read_file(path);
  if (!text) return text.error();
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(*text).get(root)) return Error{ErrorCode::kBadInput, path + ": damaged plan (not JSON)"};
  DedupPlan p;
  auto str = [&](simdjson::dom::element e, std::string_view key, std::string& out) {
    std::string_view v;
    if (e[key].get_string().get(v)) return false;
    out.assign(v);
    return true;
  };
  std::string format;
  if (!str(root, "format", format) || format != kDedupFormat)
    return Error{ErrorCode::kBadInput, path + ": a plan of another pith version: plan the dedup again"};
  bool good = str(root, "fingerprint", p.fingerprint) && str(root, "output_dir", p.output_dir);
  simdjson::dom::array dirs, parts;
  simdjson::dom::object o;
  good = good && !root["input_dirs"].get_array().get(dirs) && !root["parts"].get_array().get(parts) &&
         !root["options"].get_object().get(o);
  if (!good) return Error{ErrorCode::kBadInput, path + ": damaged plan"};
  for (auto d : dirs) {
    std::string_view s;
    if (!d.get_string().get(s)) p.input_dirs.emplace_back(s);
  }
  for (auto part : parts) {
    DedupPart dp;
    if (!str(part, "path", dp.path) || !str(part, "name", dp.name) || part["size"].get_uint64().get(dp.size))
      return Error{ErrorCode::kBadInput, path + ": damaged plan (a part)"};
    p.parts.push_back(std::move(dp));
  }
  auto u = [&](std::string_view k, auto& field) {
    uint64_t v;
    if (!o[k].get_uint64().get(v)) field = static_cast<std::remove_reference_t<decltype(field)>>(v);
  };
  auto b = [&](std::string_view k, bool& field) {
    bool v;
    if (!o[k].get_bool().get(v)) field = v;
  };
  DedupOptions& op = p.options;
  u("ngram", op.ngram);
  u("bands", op.bands);
  u("rows", op.rows);
  u("seed", op.seed);
  b("verify", op.verify);
  double t;
  if (!o["verify_threshold"].get_double().get(t)) op.verify_threshold = t;
  b("exact", op.exact);
  b("c4_spans", op.c4_spans);
  u("c4_span_sentences", op.c4_span_sentences);
  u("paragraphs", op.paragraphs);
  b("datatrove_compat", op.datatrove_compat);
  u("threads", op.threads);
  u("memory_budget", op.memory_budget);
  std::string_view rp;
  if (!o["rejects_path"].get_string().get(rp)) op.rejects_path.assign(rp);
  // The plan is what the stages trust: one edited by hand is refused.
  if (plan_fingerprint(p) != p.fingerprint)
    return Error{ErrorCode::kBadInput, path + ": the plan does not match its fingerprint: plan the dedup again"};
  return p;
}

// Stage 1: per part, the documents' ids, their band keys, exact hash, span and paragraph keys
// (one unsorted stream file per bucket), and with verify their shingle sets.
Result<bool> dedup_signatures(const DedupPlan& plan, size_t part_index) {
  if (part_index >= plan.parts.size()) return Error{ErrorCode::kBadInput, "no part " + std::to_string(part_index)};
  const std::string done = sig_dir(plan, part_index) + ".done";
  if (exists(done)) return false;
  const DedupPart& part = plan.parts[part_index];
  auto same = check_part_unchanged(part);
  if (!same) return same.error();
  const DedupOptions& o = plan.options;
  const std::string dir = sig_dir(plan, part_index);
  auto md = make_dirs(dir);
  if (!md) return md.error();
  auto reader = open_part(part, false);
  if (!reader) return reader.error();

  const unsigned streams = plan.bucket_count();
  std::vector<RecordFile> files(streams);
  for (unsigned s = 0; s < streams; ++s) {
    auto r = files[s].open(stream_path(plan, part_index, s));
    if (!r) return r.error();
  }
  RecordFile shingle_file;
  std::vector<uint64_t> shingle_offsets{0};
  if (o.verify) {
    auto r = shingle_file.open(shingles_path(plan, part_index));
    if (!r) return r.error();
  }
  std::string ids;
  std::vector<uint64_t> id_offsets{0};

  MinHasher hasher(o);
  NormalizedText words;
  std::vector<uint64_t> shingles, sig, keys;
  std::vector<uint32_t> set32;
  std::vector<TextUnit> units;
  std::string scratch;
  Counters c;
  uint64_t ordinal = 0;
  JsonlDoc doc;
  for (;;) {
    auto st = (*reader)->next(doc);
    if (st == JsonlReader::kEnd) break;
    if (st == JsonlReader::kBad) return bad_line(part, doc.error);
    const uint64_t d = doc_of(part_index, ordinal);
    ids += doc.id;
    id_offsets.push_back(ids.size());
    normalize_words(doc.content, o.datatrove_compat, words);
    hasher.shingles_of(words, shingles);
    hasher.signature_of(shingles, sig);
    if (sig.empty()) ++c["no_signature"];
    hasher.band_keys(sig, keys);
    for (unsigned b = 0; b < keys.size(); ++b) {
      auto r = files[b].add(KeyDoc{keys[b], d});
      if (!r) return r.error();
    }
    if (o.verify) {
      set32.clear();
      for (uint64_t h : shingles) set32.push_back(static_cast<uint32_t>(h));
      std::sort(set32.begin(), set32.end());
      set32.erase(std::unique(set32.begin(), set32.end()), set32.end());
      auto r = shingle_file.write_bytes(std::string_view(reinterpret_cast<const char*>(set32.data()), set32.size() * 4));
      if (!r) return r.error();
      shingle_offsets.push_back(shingle_offsets.back() + set32.size());
    }
    unsigned s = o.bands;
    if (o.exact) {
      auto r = files[s++].add(KeyDoc{XXH3_64bits(doc.content.data(), doc.content.size()), d});
      if (!r) return r.error();
    }
    if (o.c4_spans) {
      sentences(doc.content, units);
      for (size_t i = 0; i + o.c4_span_sentences <= units.size(); ++i) {
        scratch.clear();
        for (size_t k = i; k < i + o.c4_span_sentences; ++k) {
          scratch += dedup_normalize(std::string_view(doc.content).substr(units[k].begin, units[k].end - units[k].begin));
          scratch += '\n';
        }
        auto r = files[s].add(KeyDocItem{XXH3_64bits(scratch.data(), scratch.size()), d, static_cast<uint32_t>(i), 0});
        if (!r) return r.error();
      }
      ++s;
    }
    if (o.paragraphs) {
      paragraphs(doc.content, units);
      for (size_t i = 0; i < units.size(); ++i) {
        scratch = dedup_normalize(std::string_view(doc.content).substr(units[i].begin, units[i].end - units[i].begin));
        if (scratch.empty()) continue;  // a line of punctuation or symbols only
        auto r = files[s].add(KeyDocItem{XXH3_64bits(scratch.data(), scratch.size()), d, static_cast<uint32_t>(i), 0});
        if (!r) return r.error();
      }
      ++s;
    }
    ++ordinal;
    c["text_bytes"] += doc.content.size();
  }
  auto se = stream_errors(part, **reader);
  if (!se) return se.error();
  if (ordinal > 0xFFFFFFFFull) return Error{ErrorCode::kTooLarge, part.path + ": more than 2^32 documents in one part"};
  for (auto& f : files) {
    auto r = f.commit();
    if (!r) return r.error();
  }
  if (o.verify) {
    auto r = shingle_file.commit();
    if (!r) return r.error();
    std::string offs(reinterpret_cast<const char*>(shingle_offsets.data()), shingle_offsets.size() * 8);
    auto w = write_file_atomic(shingles_path(plan, part_index) + ".idx", offs);
    if (!w) return w.error();
  }
  std::string table;
  uint64_t n = ordinal;
  table.append(reinterpret_cast<const char*>(&n), 8);
  table.append(reinterpret_cast<const char*>(id_offsets.data()), id_offsets.size() * 8);
  table += ids;
  auto w = write_file_atomic(ids_path(plan, part_index), table);
  if (!w) return w.error();
  c["documents"] = ordinal;
  c["no_signature"] += 0;
  auto dw = write_file_atomic(done, format_counters(c));
  if (!dw) return dw.error();
  return true;
}

// Stage 2: one key stream of every part, sorted within the memory budget; equal keys make
// candidate pairs (first in input order, each other), repeated spans and paragraphs.
Result<bool> dedup_buckets(const DedupPlan& plan, unsigned bucket_index) {
  if (bucket_index >= plan.bucket_count())
    return Error{ErrorCode::kBadInput, "no bucket " + std::to_string(bucket_index) + " (the plan has " +
                                           std::to_string(plan.bucket_count()) + ")"};
  const std::string out = bucket_path(plan, bucket_index);
  const std::string done = out + ".done";
  if (exists(done)) return false;
  auto counts = part_doc_counts(plan);
  if (!counts) return counts.error();
  const std::string tmp = work_dir(plan) + "/tmp/bucket-" + padded(bucket_index, 4);
  std::error_code ec;
  fs::remove_all(tmp, ec);  // runs of a killed attempt
  auto md = make_dirs(tmp);
  if (!md) return md.error();
  auto md2 = make_dirs(work_dir(plan) + "/buckets");
  if (!md2) return md2.error();
  const StreamKind kind = stream_kind(plan.options, bucket_index);
  RecordFile file;
  auto op = file.open(out);
  if (!op) return op.error();
  Counters c;
  Result<bool> status = true;
  auto keep = [&](const Result<bool>& r) {
    if (!r && status) status = r;
    return bool(status);
  };

  if (kind == StreamKind::kBand || kind == StreamKind::kExact) {
    ExternalSorter<KeyDoc> sorter(tmp, plan.options.memory_budget);
    for (size_t p = 0; p < plan.parts.size() && status; ++p) {
      auto r = for_each_record<KeyDoc>(stream_path(plan, p, bucket_index), [&](const KeyDoc& k) { keep(sorter.add(k)); });
      keep(r);
    }
    if (!status) return status.error();
    c["keys"] = sorter.count();
    KeyDoc group{0, 0};
    bool have = false;
    auto fin = sorter.finish([&](const KeyDoc& k) {
      if (have && k.key == group.key) {
        ++c["pairs"];
        return keep(file.add(DocPair{group.doc, k.doc}));
      }
      group = k;
      have = true;
      return true;
    });
    if (!fin) return fin.error();
  } else {
    ExternalSorter<KeyDocItem> sorter(tmp, plan.options.memory_budget);
    for (size_t p = 0; p < plan.parts.size() && status; ++p) {
      auto r = for_each_record<KeyDocItem>(stream_path(plan, p, bucket_index),
                                           [&](const KeyDocItem& k) { keep(sorter.add(k)); });
      keep(r);
    }
    if (!status) return status.error();
    c["keys"] = sorter.count();
    const uint32_t drop_kind = kind == StreamKind::kSpans ? kDropSpan : kDropParagraph;
    const uint64_t limit = plan.options.paragraphs;
    // Paragraphs: a group is dropped whole once it is larger than the limit, so it is held
    // until its end (up to the limit, then written through).
    std::vector<KeyDocItem> pending;
    uint64_t group_size = 0;
    uint64_t group_key = 0;
    auto flush_group = [&]() {
      pending.clear();
      group_size = 0;
    };
    auto fin = sorter.finish([&](const KeyDocItem& k) {
      if (group_size == 0 || k.key != group_key) {
        flush_group();
        group_key = k.key;
      }
      ++group_size;
      if (drop_kind == kDropSpan) {
        if (group_size == 1) return true;  // the first occurrence stays
        ++c["drops"];
        return keep(file.add(ItemDrop{k.doc, drop_kind, k.item}));
      }
      if (group_size <= limit) {
        pending.push_back(k);
        return true;
      }
      for (const auto& p : pending) {
        ++c["drops"];
        if (!keep(file.add(ItemDrop{p.doc, drop_kind, p.item}))) return false;
      }
      pending.clear();
      ++c["drops"];
      return keep(file.add(ItemDrop{k.doc, drop_kind, k.item}));
    });
    if (!fin) return fin.error();
  }
  if (!status) return status.error();
  auto cm = file.commit();
  if (!cm) return cm.error();
  fs::remove_all(tmp, ec);
  c["stream_" + std::string(stream_name(kind))] = 1;
  auto dw = write_file_atomic(done, format_counters(c));
  if (!dw) return dw.error();
  return true;
}

namespace {

// Union-find over documents numbered in input order; the root of a set is its smallest member,
// so the kept document of a cluster is its first in input order whatever the union order.
class Clusters {
 public:
  explicit Clusters(uint64_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0u); }
  uint32_t find(uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  void unite(uint32_t a, uint32_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (a < b) parent_[b] = a;
    else parent_[a] = b;
  }

 private:
  std::vector<uint32_t> parent_;
};

// Exact Jaccard of two documents' shingle sets, read from the signature stage's files.
class ShingleSets {
 public:
  explicit ShingleSets(const DedupPlan& p) : plan_(p), index_(p.parts.size()), fds_(p.parts.size(), -1) {}
  ~ShingleSets() {
    for (int fd : fds_)
      if (fd >= 0) ::close(fd);
  }
  Result<double> jaccard(uint64_t a, uint64_t b) {
    auto sa = load(a, a_);
    if (!sa) return sa.error();
    auto sb = load(b, b_);
    if (!sb) return sb.error();
    size_t i = 0, j = 0, common = 0;
    while (i < a_.size() && j < b_.size()) {
      if (a_[i] < b_[j]) ++i;
      else if (b_[j] < a_[i]) ++j;
      else {
        ++common;
        ++i;
        ++j;
      }
    }
    const size_t all = a_.size() + b_.size() - common;
    return all ? static_cast<double>(common) / static_cast<double>(all) : 1.0;
  }

 private:
  Result<bool> load(uint64_t doc, std::vector<uint32_t>& out) {
    const uint32_t part = part_of(doc), ord = ordinal_of(doc);
    if (index_[part].empty()) {
      auto idx = read_records<uint64_t>(shingles_path(plan_, part) + ".idx");
      if (!idx) return idx.error();
      index_[part] = std::move(*idx);
      fds_[part] = ::open(shingles_path(plan_, part).c_str(), O_RDONLY | O_CLOEXEC);
      if (fds_[part] < 0) return io_error(shingles_path(plan_, part), std::strerror(errno));
    }
    if (ord + 1 >= index_[part].size()) return io_error(shingles_path(plan_, part), "damaged shingle index");
    const uint64_t from = index_[part][ord], to = index_[part][ord + 1];
    out.resize(to - from);
    const size_t bytes = out.size() * 4;
    if (bytes && ::pread(fds_[part], out.data(), bytes, static_cast<off_t>(from * 4)) != static_cast<ssize_t>(bytes))
      return io_error(shingles_path(plan_, part), "short read");
    return true;
  }
  const DedupPlan& plan_;
  std::vector<std::vector<uint64_t>> index_;
  std::vector<int> fds_;
  std::vector<uint32_t> a_, b_;
};

}  // namespace

// Stage 3: the pairs of every bucket into clusters; each part's drop list (documents removed
// with the kept document they duplicate, spans and paragraphs removed).
Result<bool> dedup_clusters(const DedupPlan& plan) {
  const std::string done = work_dir(plan) + "/clusters.done";
  if (exists(done)) return false;
  auto counts = part_doc_counts(plan);
  if (!counts) return counts.error();
  for (unsigned b = 0; b < plan.bucket_count(); ++b)
    if (!exists(bucket_path(plan, b) + ".done"))
      return Error{ErrorCode::kBadInput, "bucket " + std::to_string(b) + " is not done: run that stage first"};
  std::vector<uint64_t> offset(counts->size() + 1, 0);
  for (size_t i = 0; i < counts->size(); ++i) offset[i + 1] = offset[i] + (*counts)[i];
  const uint64_t n = offset.back();
  if (n > 0xFFFFFFFFull) return Error{ErrorCode::kTooLarge, "more than 2^32 documents: split the dedup in folders"};
  auto global = [&](uint64_t doc) { return static_cast<uint32_t>(offset[part_of(doc)] + ordinal_of(doc)); };
  Clusters clusters(n);
  std::vector<bool> exact_copy(n, false);
  Counters c;
  const DedupOptions& o = plan.options;
  std::unique_ptr<ShingleSets> sets;
  if (o.verify) sets = std::make_unique<ShingleSets>(plan);
  Result<bool> status = true;
  std::vector<std::string> item_files;
  for (unsigned b = 0; b < plan.bucket_count(); ++b) {
    const StreamKind kind = stream_kind(o, b);
    if (kind == StreamKind::kSpans || kind == StreamKind::kParagraphs) {
      item_files.push_back(bucket_path(plan, b));
      continue;
    }
    auto r = for_each_record<DocPair>(bucket_path(plan, b), [&](const DocPair& p) {
      if (!status) return;
      const uint32_t a = global(p.first), x = global(p.other);
      if (kind == StreamKind::kExact) {
        exact_copy[x] = true;
        clusters.unite(a, x);
        return;
      }
      ++c["candidate_pairs"];
      if (sets && clusters.find(a) != clusters.find(x)) {
        auto j = sets->jaccard(p.first, p.other);
        if (!j) {
          status = j.error();
          return;
        }
        if (*j < o.verify_threshold) {
          ++c["pairs_rejected_by_verify"];
          return;
        }
      }
      clusters.unite(a, x);
    });
    if (!r) return r.error();
    if (!status) return status.error();
  }

  // Span and paragraph drops in document order (they were written in key order).
  const std::string tmp = work_dir(plan) + "/tmp/clusters";
  std::error_code ec;
  fs::remove_all(tmp, ec);
  auto md = make_dirs(tmp);
  if (!md) return md.error();
  auto md2 = make_dirs(work_dir(plan) + "/drops");
  if (!md2) return md2.error();
  ExternalSorter<ItemDrop> items(tmp, o.memory_budget);
  for (const auto& f : item_files) {
    auto r = for_each_record<ItemDrop>(f, [&](const ItemDrop& d) {
      if (status) {
        auto a = items.add(d);
        if (!a) status = a;
      }
    });
    if (!r) return r.error();
  }
  if (!status) return status.error();

  size_t part = 0;
  uint64_t ordinal = 0;
  RecordFile out;
  // Documents removed into each cluster, by its root: the report's cluster sizes.
  std::unordered_map<uint32_t, uint64_t> cluster_members;
  auto open_next = [&]() -> Result<bool> { return out.open(drops_path(plan, part)); };
  // Writes the document-level drops of every document before `upto` (a global number), and
  // closes finished parts; item drops arrive in order and are written beside them.
  auto advance_to = [&](uint64_t upto) -> Result<bool> {
    while (part < plan.parts.size()) {
      while (ordinal < (*counts)[part] && offset[part] + ordinal < upto) {
        const uint32_t g = static_cast<uint32_t>(offset[part] + ordinal);
        const uint32_t root = clusters.find(g);
        if (root != g) {
          const bool exact = exact_copy[g];
          ++c[exact ? "exact_duplicate" : "near_duplicate"];
          ++cluster_members[root];
          const size_t rp = static_cast<size_t>(std::upper_bound(offset.begin(), offset.end(), root) - offset.begin() - 1);
          auto r = out.add(PartDrop{static_cast<uint32_t>(ordinal), exact ? kDropExact : kDropNear, 0, 0,
                                    doc_of(rp, root - offset[rp])});
          if (!r) return r;
        }
        ++ordinal;
      }
      if (ordinal < (*counts)[part]) return true;
      auto cm = out.commit();
      if (!cm) return cm;
      ++part;
      ordinal = 0;
      if (part < plan.parts.size()) {
        auto r = open_next();
        if (!r) return r;
      }
    }
    return true;
  };
  if (!plan.parts.empty()) {
    auto r = open_next();
    if (!r) return r.error();
  }
  auto fin = items.finish([&](const ItemDrop& d) {
    const uint64_t g = offset[part_of(d.doc)] + ordinal_of(d.doc);
    auto r = advance_to(g);
    if (!r) {
      status = r;
      return false;
    }
    // The document itself: removed whole (then its spans do not matter) or kept.
    if (ordinal == ordinal_of(d.doc) && part == part_of(d.doc)) {
      // Not yet passed: decide for this document once, on its first item.
      const uint32_t root = clusters.find(static_cast<uint32_t>(g));
      if (root != g) return true;  // written as a whole-document drop when advance_to passes it
      ++c[d.kind == kDropSpan ? "spans_to_remove" : "paragraphs_to_remove"];
      r = out.add(PartDrop{ordinal_of(d.doc), d.kind, d.item, 0, 0});
      if (!r) {
        status = r;
        return false;
      }
    }
    return true;
  });
  if (!fin) return fin.error();
  if (!status) return status.error();
  auto r = advance_to(UINT64_MAX);
  if (!r) return r.error();
  for (const auto& [root, members] : cluster_members) ++c[report::cluster_size_key(members + 1)];
  fs::remove_all(tmp, ec);
  c["documents"] = n;
  auto dw = write_file_atomic(done, format_counters(c));
  if (!dw) return dw.error();
  return true;
}

namespace {

// The kept documents' ids, read from each part's id table (COUNT, then OFFSETS as u64 x
// (COUNT+1), then the bytes) with pread: a filter names the kept document of each removed one,
// and its memory does not grow with the parts' sizes.
class IdLookup {
 public:
  explicit IdLookup(const DedupPlan& p) : plan_(p), fds_(p.parts.size(), -1) {}
  ~IdLookup() {
    for (int fd : fds_)
      if (fd >= 0) ::close(fd);
  }
  Result<std::string> id(uint64_t doc) {
    const uint32_t part = part_of(doc);
    const std::string path = ids_path(plan_, part);
    if (part >= fds_.size()) return io_error(path, "no such part");
    if (fds_[part] < 0) {
      fds_[part] = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
      if (fds_[part] < 0) return io_error(path, std::strerror(errno));
    }
    const int fd = fds_[part];
    uint64_t count = 0, range[2];
    const uint64_t ord = ordinal_of(doc);
    if (::pread(fd, &count, 8, 0) != 8 || ord >= count ||
        ::pread(fd, range, 16, static_cast<off_t>(8 + ord * 8)) != 16 || range[1] < range[0])
      return io_error(path, "damaged id table");
    std::string out(range[1] - range[0], '\0');
    const off_t base = static_cast<off_t>(8 + (count + 1) * 8 + range[0]);
    if (!out.empty() && ::pread(fd, out.data(), out.size(), base) != static_cast<ssize_t>(out.size()))
      return io_error(path, "damaged id table");
    return out;
  }

 private:
  const DedupPlan& plan_;
  std::vector<int> fds_;
};

std::string_view reason_of(uint32_t kind) {
  switch (kind) {
    case kDropExact: return "dedup/exact_duplicate";
    case kDropNear: return "dedup/near_duplicate";
    case kDropSpan: return "dedup/c4_span";
    default: return "dedup/paragraphs";
  }
}

}  // namespace

// Stage 4: one part rewritten without what the clusters stage dropped.
Result<bool> dedup_filter(const DedupPlan& plan, size_t part_index) {
  if (part_index >= plan.parts.size()) return Error{ErrorCode::kBadInput, "no part " + std::to_string(part_index)};
  const std::string done = filter_done_path(plan, part_index);
  if (exists(done)) return false;
  if (!exists(work_dir(plan) + "/clusters.done"))
    return Error{ErrorCode::kBadInput, "the clusters stage is not done: run it first"};
  const DedupPart& part = plan.parts[part_index];
  auto same = check_part_unchanged(part);
  if (!same) return same.error();
  auto drops = read_records<PartDrop>(drops_path(plan, part_index));
  if (!drops) return drops.error();
  auto md = make_dirs(work_dir(plan) + "/filter");
  if (!md) return md.error();
  auto md2 = make_dirs(plan.output_dir);
  if (!md2) return md2.error();
  const bool with_rejects = !plan.options.rejects_path.empty();
  AtomicWriter out, rejects;
  auto op = out.open((fs::path(plan.output_dir) / part.name).string());
  if (!op) return op.error();
  if (with_rejects) {
    auto m = make_dirs(work_dir(plan) + "/rejects");
    if (!m) return m.error();
    auto r = rejects.open(reject_part_path(plan, part_index));
    if (!r) return r.error();
  }
  auto reader = open_part(part, true);
  if (!reader) return reader.error();
  IdLookup ids(plan);
  Counters c;
  std::vector<TextUnit> units;
  std::vector<char> removed;
  std::string line, text;
  size_t next = 0;
  uint64_t ordinal = 0;
  JsonlDoc doc;
  for (;; ++ordinal) {
    auto st = (*reader)->next(doc);
    if (st == JsonlReader::kEnd) break;
    if (st == JsonlReader::kBad) return bad_line(part, doc.error);
    ++c["documents"];
    c["bytes_in"] += doc.line_bytes.size() + 1;
    while (next < drops->size() && (*drops)[next].ordinal < ordinal) ++next;
    std::string_view reason;
    std::string duplicate_of;
    bool have_ref = false;
    const std::string_view raw = doc.line_bytes;
    std::string_view kept_line = raw;
    if (next < drops->size() && (*drops)[next].ordinal == ordinal) {
      const PartDrop& first = (*drops)[next];
      if (first.kind == kDropExact || first.kind == kDropNear) {
        reason = reason_of(first.kind);
        auto id = ids.id(first.ref);
        if (!id) return id.error();
        duplicate_of = std::move(*id);
        have_ref = true;
      } else {
        // Spans and paragraphs of this document: the units named are removed.
        const bool spans = first.kind == kDropSpan;
        if (spans) sentences(doc.content, units);
        else paragraphs(doc.content, units);
        removed.assign(units.size(), 0);
        for (size_t k = next; k < drops->size() && (*drops)[k].ordinal == ordinal; ++k) {
          const PartDrop& d = (*drops)[k];
          const size_t span = d.kind == kDropSpan ? plan.options.c4_span_sentences : 1;
          for (size_t u = d.item; u < d.item + span && u < units.size(); ++u) {
            if (!removed[u]) ++c[d.kind == kDropSpan ? "sentences_removed" : "paragraphs_removed"];
            removed[u] = 1;
          }
        }
        rebuild_without(doc.content, units, removed, text);
        if (trim(text).empty()) {
          reason = spans ? "dedup/c4_span" : "dedup/paragraphs";
        } else {
          ++c[spans ? "documents_with_spans_removed" : "documents_with_paragraphs_removed"];
          line.assign(raw.substr(0, doc.value_begin));
          json_escape(text, line);
          line.append(raw.substr(doc.value_end));
          kept_line = line;
        }
      }
    }
    if (reason.empty()) {
      ++c["kept"];
      c["bytes_out"] += kept_line.size() + 1;
      auto w = out.write(kept_line);
      if (w) w = out.write("\n");
      if (!w) return w.error();
      continue;
    }
    ++c["removed\t" + std::string(reason)];
    if (!with_rejects) continue;
    std::string rej(raw.substr(0, doc.object_end));
    rej += ",\"reject\":";
    json_escape(reason, rej);
    if (have_ref) {
      rej += ",\"duplicate_of\":";
      json_escape(duplicate_of, rej);
    }
    rej += "}\n";
    auto w = rejects.write(rej);
    if (!w) return w.error();
  }
  auto se = stream_errors(part, **reader);
  if (!se) return se.error();
  auto cm = out.commit();
  if (!cm) return cm.error();
  if (with_rejects) {
    auto rc = rejects.commit();
    if (!rc) return rc.error();
  }
  // "removed<TAB>reason" keys hold a tab: the marker writes them as "removed:reason".
  Counters marker;
  for (const auto& [k, v] : c) {
    std::string key = k;
    std::replace(key.begin(), key.end(), '\t', ':');
    marker[key] = v;
  }
  auto dw = write_file_atomic(done, format_counters(marker));
  if (!dw) return dw.error();
  return true;
}

// Stage 5: the counts of every stage in stats.json, and the rejects file.
Result<DedupSummary> finish_dedup(const DedupPlan& plan) {
  DedupSummary s;
  s.parts = plan.parts.size();
  Counters sig, buckets, filter;
  for (size_t p = 0; p < plan.parts.size(); ++p) {
    auto a = read_counters(sig_dir(plan, p) + ".done");
    if (!a) return Error{ErrorCode::kBadInput, "the signatures of part " + std::to_string(p) + " are not done"};
    for (const auto& [k, v] : *a) sig[k] += v;
    auto f = read_counters(filter_done_path(plan, p));
    if (!f) return Error{ErrorCode::kBadInput, "the filter of part " + std::to_string(p) + " is not done"};
    for (const auto& [k, v] : *f) filter[k] += v;
  }
  uint64_t exact_keys = 0, exact_pairs = 0, span_drops = 0, paragraph_drops = 0;
  for (unsigned b = 0; b < plan.bucket_count(); ++b) {
    auto c = read_counters(bucket_path(plan, b) + ".done");
    if (!c) return Error{ErrorCode::kBadInput, "bucket " + std::to_string(b) + " is not done"};
    switch (stream_kind(plan.options, b)) {
      case StreamKind::kBand: buckets["candidate_pairs"] += (*c)["pairs"]; break;
      case StreamKind::kExact:
        exact_keys += (*c)["keys"];
        exact_pairs += (*c)["pairs"];
        break;
      case StreamKind::kSpans: span_drops += (*c)["drops"]; break;
      case StreamKind::kParagraphs: paragraph_drops += (*c)["drops"]; break;
    }
  }
  auto cl = read_counters(work_dir(plan) + "/clusters.done");
  if (!cl) return Error{ErrorCode::kBadInput, "the clusters stage is not done"};
  s.documents = filter["documents"];
  s.kept = filter["kept"];
  for (const auto& [k, v] : filter)
    if (k.starts_with("removed:")) s.removed[k.substr(8)] = v;
  s.no_signature = sig["no_signature"];
  s.candidate_pairs = (*cl)["candidate_pairs"];
  s.pairs_rejected_by_verify = (*cl)["pairs_rejected_by_verify"];
  s.spans_removed = filter["sentences_removed"];
  s.paragraphs_removed = filter["paragraphs_removed"];
  s.bytes_in = filter["bytes_in"];
  s.bytes_out = filter["bytes_out"];

  if (!plan.options.rejects_path.empty()) {
    AtomicWriter w;
    auto r = w.open(plan.options.rejects_path, Compression::kNone);
    if (!r) return r.error();
    for (size_t p = 0; p < plan.parts.size(); ++p) {
      auto bytes = read_file(reject_part_path(plan, p));
      if (!bytes) return bytes.error();
      auto wr = w.write(*bytes);
      if (!wr) return wr.error();
    }
    auto c = w.commit();
    if (!c) return c.error();
  }

  std::string js;
  JsonWriter j(js);
  uint64_t removed_total = 0;
  for (const auto& [k, v] : s.removed) removed_total += v;
  j.begin_object();
  j.field("documents", s.documents);
  j.field("kept", s.kept);
  j.field("removed", removed_total);
  j.key("removed_by_reason").begin_object();
  for (const auto& [k, v] : s.removed) j.field(k, v);
  j.end_object();
  j.field("parts", s.parts);
  j.field("bytes_in", s.bytes_in);
  j.field("bytes_out", s.bytes_out);
  j.key("stages").begin_object();
  j.key("signatures").begin_object();
  j.field("documents", sig["documents"]);
  j.field("no_signature", s.no_signature);
  j.field("text_bytes", sig["text_bytes"]);
  j.end_object();
  j.key("buckets").begin_object();
  j.field("streams", static_cast<uint64_t>(plan.bucket_count()));
  j.field("candidate_pairs", buckets["candidate_pairs"]);
  if (plan.options.exact) {
    j.field("exact_keys", exact_keys);
    j.field("exact_pairs", exact_pairs);
  }
  if (plan.options.c4_spans) j.field("repeated_spans", span_drops);
  if (plan.options.paragraphs) j.field("repeated_paragraph_occurrences", paragraph_drops);
  j.end_object();
  j.key("clusters").begin_object();
  j.field("candidate_pairs", s.candidate_pairs);
  j.field("pairs_rejected_by_verify", s.pairs_rejected_by_verify);
  j.field("exact_duplicate", (*cl)["exact_duplicate"]);
  j.field("near_duplicate", (*cl)["near_duplicate"]);
  j.end_object();
  j.key("filter").begin_object();
  j.field("documents", s.documents);
  j.field("kept", s.kept);
  j.field("sentences_removed", s.spans_removed);
  j.field("paragraphs_removed", s.paragraphs_removed);
  j.field("documents_with_spans_removed", filter["documents_with_spans_removed"]);
  j.field("documents_with_paragraphs_removed", filter["documents_with_paragraphs_removed"]);
  j.end_object();
  j.end_object();
  j.field("plan_fingerprint", std::string_view(plan.fingerprint));
  j.end_object();
  js.pop_back();
  js += ",\"options\":" + options_json(plan.options, false) + "}\n";
  s.stats_path = (fs::path(plan.output_dir) / "stats.json").string();
  auto sw = write_file_atomic(s.stats_path, js);
  if (!sw) return sw.error();
  // report.html beside stats.json (docs/report.md).
  std::map<uint64_t, uint64_t> cluster_sizes;
  for (const auto& [k, v] : *cl)
    if (uint64_t size = report::cluster_size_of_key(k)) cluster_sizes[size] = v;
  const report::DedupReportContext context{.input_dirs = plan.input_dirs, .stats_file = "stats.json"};
  auto rw = write_file_atomic((fs::path(plan.output_dir) / "report.html").string(),
                              report::render_dedup_report(s, cluster_sizes, context));
  if (!rw) return rw.error();
  return s;
}

namespace {

// Runs fn(i) for i < n on up to `threads` threads; the first error (lowest i) wins.
Result<bool> parallel_tasks(size_t n, unsigned threads, const std::function<Result<bool>(size_t)>& fn,
                            const std::function<void(uint64_t)>& progress) {
  std::atomic<size_t> next{0};
  std::atomic<uint64_t> done{0};
  std::mutex mu;
  std::optional<std::pair<size_t, Error>> first_error;
  auto work = [&] {
    for (;;) {
      size_t i = next.fetch_add(1);
      if (i >= n) return;
      {
        std::lock_guard<std::mutex> lock(mu);
        if (first_error) return;
      }
      auto r = fn(i);
      std::lock_guard<std::mutex> lock(mu);
      if (!r) {
        if (!first_error || i < first_error->first) first_error.emplace(i, r.error());
        return;
      }
      if (progress) progress(done.fetch_add(1) + 1);
    }
  };
  std::vector<std::thread> pool;
  const unsigned t = static_cast<unsigned>(std::min<size_t>(threads, std::max<size_t>(1, n)));
  for (unsigned k = 1; k < t; ++k) pool.emplace_back(work);
  work();
  for (auto& th : pool) th.join();
  if (first_error) return first_error->second;
  return true;
}

}  // namespace

Result<DedupSummary> run_dedup(const DedupPlan& plan, unsigned threads,
                               const std::function<void(const DedupProgress&)>& on_progress) {
  if (!threads) threads = plan.options.threads;
  if (!threads) threads = std::max(1u, std::thread::hardware_concurrency());
  std::map<std::string, double> seconds;
  std::mutex progress_mu;
  auto stage = [&](std::string_view name, size_t n, const std::function<Result<bool>(size_t)>& fn) -> Result<bool> {
    auto t0 = std::chrono::steady_clock::now();
    if (on_progress) on_progress({name, 0, n});
    auto r = parallel_tasks(n, threads, fn, [&](uint64_t done) {
      if (!on_progress) return;
      std::lock_guard<std::mutex> lock(progress_mu);
      on_progress({name, done, n});
    });
    seconds[std::string(name)] = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return r;
  };
  auto sig = stage("signatures", plan.parts.size(), [&](size_t i) -> Result<bool> {
    auto r = dedup_signatures(plan, i);
    if (!r) return r.error();
    return true;
  });
  if (!sig) return sig.error();
  // Each concurrent bucket sort gets its share of the budget.
  DedupPlan bucket_plan = plan;
  const unsigned bucket_threads = std::min<unsigned>(threads, plan.bucket_count());
  bucket_plan.options.memory_budget = std::max<uint64_t>(kMinMemoryBudget, plan.options.memory_budget / bucket_threads);
  auto bk = stage("buckets", plan.bucket_count(), [&](size_t b) -> Result<bool> {
    auto r = dedup_buckets(bucket_plan, static_cast<unsigned>(b));
    if (!r) return r.error();
    return true;
  });
  if (!bk) return bk.error();
  auto cl = stage("clusters", 1, [&](size_t) -> Result<bool> {
    auto r = dedup_clusters(plan);
    if (!r) return r.error();
    return true;
  });
  if (!cl) return cl.error();
  auto fl = stage("filter", plan.parts.size(), [&](size_t i) -> Result<bool> {
    auto r = dedup_filter(plan, i);
    if (!r) return r.error();
    return true;
  });
  if (!fl) return fl.error();
  auto t0 = std::chrono::steady_clock::now();
  if (on_progress) on_progress({"finish", 0, 1});
  auto s = finish_dedup(plan);
  if (!s) return s.error();
  if (on_progress) on_progress({"finish", 1, 1});
  seconds["finish"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  s->stage_seconds = std::move(seconds);
  return s;
}

}  // namespace pith
