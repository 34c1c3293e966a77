// pith._pith: the compiled half of the Python module. It converts between Python objects and
// the library's types and releases the GIL around every call into the library; it holds no
// extraction logic (that lives once, in src/). pith/__init__.py adds the module-level
// functions (extract, clean, extract_many, read, run) with their signatures and docs.
//
// Threads: an Extractor or Cleaner serves one call at a time (a mutex, taken with the GIL
// released); extract_many runs the library's one ordered pool (src/pipeline/ordered.h) on a
// thread of its own, which takes the GIL only to pull the next item from the Python iterable,
// and hands results to the consumer one at a time, so items are pulled only as results are
// consumed (at most the pool's window ahead).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/strings.h"
#include "pipeline/ordered.h"
#include "pith/input.h"
#include "pith/pith.h"
#include "pith/run.h"
#include "text/clean_json.h"

namespace py = pybind11;

namespace pith::python {
namespace {

// pith.Error: a per-item error as a value (extract_many, read), never raised.
struct ErrorValue {
  std::string code;  // error_code_name(): "empty_input", "too_large", ..., or a record's reason
  std::string message;
  uint64_t offset = 0;
};

ErrorValue to_value(const Error& e) { return {std::string(error_code_name(e.code)), e.message, e.offset}; }

// Looked up once and kept for the life of the process: a py::object destroyed after the
// interpreter finalised would crash at exit.
py::object& json_loads() {
  static auto* loads = new py::object(py::module_::import("json").attr("loads"));
  return *loads;
}
py::object& errors_module() {
  static auto* module = new py::object(py::module_::import("pith._errors"));
  return *module;
}

py::object parse_json(const std::string& json) { return json_loads()(py::str(json)); }

// Raises the pith.PithError subclass of the error's code (pith/_errors.py), with .code,
// .message and .offset.
[[noreturn]] void raise_error(const Error& e) {
  py::object cls = errors_module().attr("error_class")(std::string(error_code_name(e.code)));
  py::object exc = cls(e.message, e.offset);
  PyErr_SetObject(cls.ptr(), exc.ptr());
  throw py::error_already_set();
}

std::string type_name(py::handle obj) { return Py_TYPE(obj.ptr())->tp_name; }

// A page's bytes, given as str (its UTF-8) or bytes-like. `view` points into the Python object
// (alive for the call: the caller holds it) or into `copy` for mutable buffers, which another
// thread could change while the GIL is released.
struct PageBytes {
  std::string_view view;
  std::string copy;
  bool from_str = false;
};

PageBytes page_bytes(py::handle obj, const char* what) {
  PageBytes b;
  PyObject* p = obj.ptr();
  if (PyUnicode_Check(p)) {
    Py_ssize_t n = 0;
    const char* s = PyUnicode_AsUTF8AndSize(p, &n);  // UnicodeEncodeError for lone surrogates
    if (!s) throw py::error_already_set();
    b.view = std::string_view(s, static_cast<size_t>(n));
    b.from_str = true;
  } else if (PyBytes_Check(p)) {
    b.view = std::string_view(PyBytes_AS_STRING(p), static_cast<size_t>(PyBytes_GET_SIZE(p)));
  } else if (PyObject_CheckBuffer(p)) {
    Py_buffer view;
    if (PyObject_GetBuffer(p, &view, PyBUF_C_CONTIGUOUS) != 0) throw py::error_already_set();
    b.copy.assign(static_cast<const char*>(view.buf), static_cast<size_t>(view.len));
    PyBuffer_Release(&view);
    b.view = b.copy;
  } else {
    throw py::type_error(std::string(what) + " must be str or bytes, not " + type_name(obj));
  }
  return b;
}

std::string optional_str(py::handle obj, const char* what) {
  if (obj.is_none()) return {};
  if (!PyUnicode_Check(obj.ptr()))
    throw py::type_error(std::string(what) + " must be str or None, not " + type_name(obj));
  return obj.cast<std::string>();
}

// The charset of a page given as str: Python already decoded it, and its UTF-8 is what the
// library gets, so a <meta charset> in the page must not re-decode it.
std::string page_charset(const PageBytes& b, std::string charset) {
  if (charset.empty() && b.from_str) return "utf-8";
  return charset;
}

Favor parse_favor(const std::string& favor) {
  if (favor == "balanced") return Favor::kBalanced;
  if (favor == "precision") return Favor::kPrecision;
  if (favor == "recall") return Favor::kRecall;
  throw py::value_error("favor must be \"precision\", \"balanced\" or \"recall\", not \"" + favor + "\"");
}

Options extract_options(const std::string& format, const std::string& favor, bool comments, bool links, bool images,
                        bool tables, bool explain, const std::string& parser, size_t max_bytes, uint32_t max_millis) {
  Options o;
  if (format != "text" && format != "markdown")
    throw py::value_error("format must be \"text\" or \"markdown\" (the dict holds every field of pith extract "
                          "--format json; \"markdown\" adds a markdown field), not \"" + format + "\"");
  o.markdown = format == "markdown";
  o.favor = parse_favor(favor);
  o.comments = comments;
  o.links = links;
  o.images = images;
  o.tables = tables;
  o.explain = explain;
  if (parser != "html5" && parser != "libxml2")
    throw py::value_error("parser must be \"html5\" or \"libxml2\", not \"" + parser + "\"");
  o.parser = parser == "html5" ? Parser::kHtml5 : Parser::kLibxml2;
  o.budgets.max_input_bytes = max_bytes;
  o.budgets.max_millis = max_millis;
  return o;
}

class PyExtractor {
 public:
  explicit PyExtractor(const Options& options) : extractor_(options) {}

  py::object extract(py::handle html, py::handle url, py::handle charset, py::handle language) {
    PageBytes b = page_bytes(html, "html");
    const std::string u = optional_str(url, "url");
    const std::string cs = page_charset(b, optional_str(charset, "charset"));
    const std::string lang = optional_str(language, "language");
    std::string json;
    std::optional<Error> error;
    {
      py::gil_scoped_release nogil;
      std::lock_guard lock(mu_);
      auto r = extractor_.extract(b.view, PageInfo{.url = u, .charset = cs, .language = lang});
      if (r) write_json(*r, {}, json);
      else error = r.error();
    }
    if (error) raise_error(*error);
    return parse_json(json);
  }
  const Options& options() const { return extractor_.options(); }

 private:
  Extractor extractor_;
  std::mutex mu_;  // one call at a time: the Extractor's buffers are its own
};

class PyCleaner {
 public:
  explicit PyCleaner(const CleanOptions& options) : cleaner_(options) {}

  py::object clean(py::handle text, py::handle url) {
    PageBytes b = page_bytes(text, "text");
    const std::string u = optional_str(url, "url");
    std::string json;
    std::optional<Error> error;
    {
      py::gil_scoped_release nogil;
      std::lock_guard lock(mu_);
      auto r = cleaner_.clean(b.view, u);
      if (r) write_clean_json(*r, {}, u, json);
      else error = r.error();
    }
    if (error) raise_error(*error);
    return parse_json(json);
  }

 private:
  Cleaner cleaner_;
  std::mutex mu_;
};

// pith.Record: one record of an input file (pith.read).
struct RecordValue {
  std::string kind;    // "html", "text", "skip", "bad"
  std::string format;  // of the file: "html", "text", "jsonl", "warc"
  std::string path;    // the file
  std::string source;  // path, or path:line (JSONL) / path:offset (WARC), as pith's messages name it
  uint64_t offset = 0, line = 0;
  std::string id, url, date, charset, warc_type, reason;
  int http_status = 0;
  std::vector<std::pair<std::string, std::string>> http_headers;
  py::object body;  // bytes
  std::optional<ErrorValue> error;
};

std::string_view kind_name(InputRecord::Kind k) {
  switch (k) {
    case InputRecord::kHtml: return "html";
    case InputRecord::kText: return "text";
    case InputRecord::kSkip: return "skip";
    case InputRecord::kBad: return "bad";
  }
  return "bad";
}

// One item of extract_many, converted on the thread that pulled it (with the GIL).
struct BatchItem {
  std::string body, url, charset;
  std::string language;  // an HTTP Content-Language value
  std::string fetched;   // the record's date (WARC-Date, JSONL "date")
  int http_status = 0;
  std::optional<ErrorValue> error;  // no page: handed back as it is
};

struct BatchResult {
  std::string json;
  std::optional<ErrorValue> error;
};

void fill_page(py::handle html, py::handle url, py::handle charset, BatchItem& item,
               py::handle language = py::none()) {
  PageBytes b = page_bytes(html, "html");
  item.body.assign(b.view);
  item.url = optional_str(url, "url");
  item.charset = page_charset(b, optional_str(charset, "charset"));
  item.language = optional_str(language, "language");
}

// A record's HTTP header by name, compared without case as HTTP does; None when absent.
py::object record_header(const RecordValue& r, std::string_view name) {
  for (const auto& [k, v] : r.http_headers)
    if (iequals(k, name)) return py::str(v);
  return py::none();
}

// str / bytes (the HTML), (html, url) or (html, url, charset), {"html": ..., "url": ...,
// "charset": ..., "language": ...}, or a pith.Record of a page. A Record is extracted as pith
// extract extracts it: its HTTP status (a 4xx/5xx page has no main text), its date (no page
// date after the crawl) and its Content-Language header (the language where the markup names
// none). Anything else is a bad_input Error for that item.
void to_item(py::handle obj, uint64_t index, BatchItem& item) {
  const std::string where = "item " + std::to_string(index) + ": ";
  try {
    PyObject* p = obj.ptr();
    if (PyUnicode_Check(p) || PyBytes_Check(p) || PyByteArray_Check(p) || PyMemoryView_Check(p)) {
      fill_page(obj, py::none(), py::none(), item);
    } else if (PyTuple_Check(p) || PyList_Check(p)) {
      py::sequence seq = py::reinterpret_borrow<py::sequence>(obj);
      if (seq.size() < 1 || seq.size() > 3)
        throw py::type_error("a tuple item is (html, url) or (html, url, charset), not " + std::to_string(seq.size()) +
                             " values");
      fill_page(seq[0], seq.size() > 1 ? py::object(seq[1]) : py::none(),
                seq.size() > 2 ? py::object(seq[2]) : py::none(), item);
    } else if (PyDict_Check(p)) {
      py::dict d = py::reinterpret_borrow<py::dict>(obj);
      if (!d.contains("html")) throw py::type_error("a dict item needs an \"html\" key");
      fill_page(d["html"], d.contains("url") ? py::object(d["url"]) : py::none(),
                d.contains("charset") ? py::object(d["charset"]) : py::none(), item,
                d.contains("language") ? py::object(d["language"]) : py::none());
    } else if (py::isinstance<RecordValue>(obj)) {
      const RecordValue& r = obj.cast<const RecordValue&>();
      if (r.kind != "html" && r.kind != "text") {
        item.error = r.error ? *r.error : ErrorValue{r.reason, "not a page: " + r.reason, r.offset};
        item.error->message = where + item.error->message;
        return;
      }
      fill_page(r.body, py::str(r.url), r.charset.empty() ? py::object(py::none()) : py::str(r.charset), item,
                record_header(r, "Content-Language"));
      item.http_status = r.http_status;
      item.fetched = r.date;
    } else {
      throw py::type_error("expected str or bytes (the HTML), an (html, url) tuple, a dict with \"html\" or a "
                           "pith.Record, not " + type_name(obj));
    }
  } catch (py::error_already_set& e) {
    item = BatchItem{};
    item.error = ErrorValue{"bad_input", where + e.what(), 0};
  } catch (py::builtin_exception& e) {
    item = BatchItem{};
    item.error = ErrorValue{"bad_input", where + e.what(), 0};
  }
}

// The generator of extract_many.
class ExtractBatch {
 public:
  ExtractBatch(py::iterator items, const Options& options, unsigned jobs, size_t window)
      : items_(std::move(items)), jobs_(std::max(1u, jobs)), window_(window) {
    for (unsigned t = 0; t < jobs_; ++t) extractors_.push_back(std::make_unique<Extractor>(options));
  }
  ExtractBatch(const ExtractBatch&) = delete;
  ExtractBatch& operator=(const ExtractBatch&) = delete;

  ~ExtractBatch() {
    stop_.store(true);
    cv_.notify_all();
    if (runner_.joinable()) {
      py::gil_scoped_release nogil;
      runner_.join();
    }
    Py_XDECREF(exc_type_);
    Py_XDECREF(exc_value_);
    Py_XDECREF(exc_tb_);
  }

  py::object next() {
    if (!started_) {  // nothing is pulled before the first result is asked for
      started_ = true;
      runner_ = std::thread([this] { run(); });
    }
    std::optional<BatchResult> got;
    bool finished = false;
    while (!got && !finished) {
      {
        py::gil_scoped_release nogil;
        std::unique_lock lock(mu_);
        cv_.wait_for(lock, std::chrono::milliseconds(100), [&] { return ready_.has_value() || finished_; });
        if (ready_) {
          got = std::move(ready_);
          ready_.reset();
          cv_.notify_all();
        } else {
          finished = finished_;
        }
      }
      if (!got && !finished && PyErr_CheckSignals() != 0) throw py::error_already_set();  // Ctrl-C
    }
    if (finished) {
      if (runner_.joinable()) {
        py::gil_scoped_release nogil;
        runner_.join();
      }
      if (exc_type_) {  // the iterable itself raised: after every result before it
        PyErr_Restore(exc_type_, exc_value_, exc_tb_);
        exc_type_ = exc_value_ = exc_tb_ = nullptr;
        throw py::error_already_set();
      }
      throw py::stop_iteration();
    }
    ++yielded_;
    if (got->error) return py::cast(*got->error);
    return parse_json(got->json);
  }

  uint64_t pulled() const { return pulled_; }
  uint64_t yielded() const { return yielded_; }
  size_t window() const { return jobs_ <= 1 ? 1 : (window_ ? window_ : 16 * jobs_ + 16); }

 private:
  void run() {
    std::function<bool(BatchItem&)> produce = [this](BatchItem& item) { return pull(item); };
    std::function<size_t(const BatchItem&)> bytes = [](const BatchItem& item) { return item.body.size() + 256; };
    std::function<BatchResult(BatchItem&, unsigned)> work = [this](BatchItem& item, unsigned w) {
      BatchResult r;
      if (item.error) {
        r.error = std::move(item.error);
        return r;
      }
      auto e = extractors_[w]->extract(item.body,
                                       PageInfo{.url = item.url,
                                                .charset = item.charset,
                                                .language = item.language,
                                                .http_status = item.http_status,
                                                .fetched = item.fetched});
      if (e) write_json(*e, {}, r.json);
      else r.error = to_value(e.error());
      return r;
    };
    std::function<bool(BatchResult&)> emit = [this](BatchResult& r) {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return !ready_.has_value() || stop_.load(); });
      if (stop_.load()) return false;
      ready_ = std::move(r);
      cv_.notify_all();
      return true;
    };
    ordered_stream<BatchItem, BatchResult>({.threads = jobs_, .window = window_}, produce, bytes, work, emit);
    std::lock_guard lock(mu_);
    finished_ = true;
    cv_.notify_all();
  }

  // On the pool's reader thread: the next item of the iterable, with the GIL.
  bool pull(BatchItem& item) {
    if (stop_.load()) return false;
    py::gil_scoped_acquire gil;
    if (stop_.load() || exhausted_) return false;
    PyObject* next = PyIter_Next(items_.ptr());
    if (!next) {
      exhausted_ = true;
      if (PyErr_Occurred()) PyErr_Fetch(&exc_type_, &exc_value_, &exc_tb_);
      return false;
    }
    py::object obj = py::reinterpret_steal<py::object>(next);
    to_item(obj, pulled_, item);
    ++pulled_;
    return true;
  }

  py::iterator items_;  // touched with the GIL only
  unsigned jobs_;
  size_t window_;
  std::vector<std::unique_ptr<Extractor>> extractors_;
  std::thread runner_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::optional<BatchResult> ready_;  // the next result, waiting for the consumer
  bool finished_ = false;
  std::atomic<bool> stop_{false};
  bool started_ = false, exhausted_ = false;
  uint64_t pulled_ = 0, yielded_ = 0;
  PyObject *exc_type_ = nullptr, *exc_value_ = nullptr, *exc_tb_ = nullptr;
};

std::vector<std::string> path_list(py::handle paths) {
  py::module_ os = py::module_::import("os");
  std::vector<std::string> out;
  auto one = [&](py::handle p) {
    if (!PyUnicode_Check(p.ptr()) && !PyBytes_Check(p.ptr()) && !py::hasattr(p, "__fspath__"))
      throw py::type_error("paths must be str or os.PathLike (or a list of them), not " + type_name(p));
    out.push_back(py::str(os.attr("fsdecode")(p)).cast<std::string>());
  };
  if (PyUnicode_Check(paths.ptr()) || PyBytes_Check(paths.ptr()) || py::hasattr(paths, "__fspath__")) {
    one(paths);
  } else if (py::isinstance<py::iterable>(paths)) {
    for (py::handle p : paths) one(p);
  } else {
    throw py::type_error("paths must be str or os.PathLike (or a list of them), not " + type_name(paths));
  }
  return out;
}

InputFormat parse_format(const std::string& name) {
  auto f = parse_input_format(name);
  if (!f) throw py::value_error("format must be auto, html, text, jsonl or warc (also wet, arc), not \"" + name + "\"");
  return *f;
}

// The iterator of pith.read: the input layer's records, in input order.
class RecordIterator {
 public:
  RecordIterator(std::vector<std::string> paths, ReaderOptions options, std::vector<std::string> exclude) {
    py::gil_scoped_release nogil;
    list_ = list_inputs(paths, {.exclude = std::move(exclude), .walk = {}});
    stream_ = std::make_unique<InputStream>(list_, std::move(options));
    for (const InputError& e : list_.errors) {
      RecordValue r;
      r.kind = "bad";
      r.path = r.source = e.path;
      r.reason = "io";
      r.error = ErrorValue{"io", e.what, 0};
      pending_.push_back(std::move(r));
    }
  }
  RecordIterator(const RecordIterator&) = delete;
  RecordIterator& operator=(const RecordIterator&) = delete;

  RecordValue next() {
    while (pending_.empty()) {
      StreamRecord sr;
      bool more;
      {
        py::gil_scoped_release nogil;
        more = stream_->next(sr);
      }
      if (!more) throw py::stop_iteration();
      add(sr);
    }
    RecordValue r = std::move(pending_.front());
    pending_.pop_front();
    if (!r.body) r.body = py::bytes();
    return r;
  }

 private:
  // Stream damage found before a record comes first, as records of its own ("stream_damage").
  void add(StreamRecord& sr) {
    const InputFile& f = list_.files[sr.file];
    const InputRecord& rec = sr.rec;
    for (const Error& e : rec.stream_errors) {
      RecordValue d;
      d.kind = "bad";
      d.format = std::string(input_format_name(rec.format));
      d.path = f.path;
      d.source = f.path + ":" + std::to_string(e.offset);
      d.offset = e.offset;
      d.reason = "stream_damage";
      d.error = to_value(e);
      pending_.push_back(std::move(d));
    }
    if (sr.trailing) return;
    RecordValue r;
    r.kind = std::string(kind_name(rec.kind));
    r.format = std::string(input_format_name(rec.format));
    r.path = f.path;
    const uint64_t where = rec.line ? rec.line : rec.offset;
    r.source = sr.multi ? f.path + ":" + std::to_string(where) : f.path;
    r.offset = rec.offset;
    r.line = rec.line;
    r.id = rec.id;
    r.url = rec.url;
    r.date = rec.date;
    r.charset = rec.charset;
    r.warc_type = rec.warc_type;
    r.reason = rec.reason;
    r.http_status = rec.http_status;
    r.http_headers = rec.http_headers;
    r.body = py::bytes(rec.body);
    if (rec.kind == InputRecord::kBad) {
      r.error = to_value(rec.error);
      r.error->code = rec.reason.empty() ? r.error->code : rec.reason;
    }
    pending_.push_back(std::move(r));
  }

  InputList list_;
  std::unique_ptr<InputStream> stream_;
  std::deque<RecordValue> pending_;
};

// Calls a Python callback from the run's calling thread with the GIL; the first exception it
// raises is kept (and raised when the run ends) and the callback is not called again.
class Callback {
 public:
  explicit Callback(py::object fn) : fn_(std::move(fn)) {}
  ~Callback() {
    Py_XDECREF(type_);
    Py_XDECREF(value_);
    Py_XDECREF(tb_);
  }
  bool active() const { return !fn_.is_none() && !type_; }
  template <class... Args>
  void operator()(Args&&... args) {
    py::gil_scoped_acquire gil;
    if (!active()) return;
    try {
      fn_(std::forward<Args>(args)...);
    } catch (py::error_already_set& e) {
      e.restore();
      PyErr_Fetch(&type_, &value_, &tb_);
    }
  }
  void reraise() {
    if (!type_) return;
    PyErr_Restore(type_, value_, tb_);
    type_ = value_ = tb_ = nullptr;
    throw py::error_already_set();
  }

 private:
  py::object fn_;
  PyObject *type_ = nullptr, *value_ = nullptr, *tb_ = nullptr;
};

// The inputs of a run: paths listed as `pith run` lists them, or the dicts of pith.list_inputs
// ({path, root, rel, size}) taken as they are, so that a task given one file of a folder keeps
// its rel and so its part name.
InputList run_inputs(py::handle inputs, const std::vector<std::string>& exclude) {
  if (py::isinstance<py::list>(inputs) && py::len(inputs) > 0 && py::isinstance<py::dict>(inputs[py::int_(0)])) {
    InputList in;
    for (py::handle item : inputs) {
      if (!py::isinstance<py::dict>(item)) throw py::type_error("inputs mixes dicts of pith.list_inputs and paths");
      py::dict d = py::reinterpret_borrow<py::dict>(item);
      in.files.push_back(InputFile{d["path"].cast<std::string>(), d["root"].cast<std::string>(),
                                   d["rel"].cast<std::string>(), d["size"].cast<uint64_t>()});
    }
    return in;
  }
  const std::vector<std::string> paths = path_list(inputs);
  py::gil_scoped_release nogil;
  return list_inputs(paths, {.exclude = exclude, .walk = {InputFormat::kWarc, InputFormat::kJsonl}});
}

py::object list_run_inputs(py::handle inputs, py::handle exclude) {
  InputList in = run_inputs(inputs, exclude.is_none() ? std::vector<std::string>{} : path_list(exclude));
  py::list files, errors;
  for (const InputFile& f : in.files)
    files.append(py::dict(py::arg("path") = f.path, py::arg("root") = f.root, py::arg("rel") = f.rel,
                          py::arg("size") = f.size, py::arg("part") = part_name(f)));
  for (const auto& e : in.errors) errors.append(py::dict(py::arg("path") = e.path, py::arg("what") = e.what));
  return py::make_tuple(files, errors);
}

py::object run_corpus(py::handle inputs, const std::string& output, const std::string& recipe, unsigned jobs,
                      const std::string& format, py::object progress, py::object on_message, bool restart,
                      py::object shard, py::object rejects, py::object languages, py::object lang_threshold,
                      py::object lang_model, py::object badwords, bool clean, bool pii, bool dedup,
                      const std::string& favor, const std::string& text_format, bool comments,
                      const std::string& input_field, const std::string& input_type, size_t max_record_bytes,
                      size_t max_inflight_mb, bool parts_only) {
  RunOptions o;
  const std::string rejects_path = optional_str(rejects, "rejects");
  InputList in = run_inputs(inputs, {output, rejects_path});
  if (in.files.empty()) {
    std::string why;
    for (const auto& e : in.errors) why += "; " + e.path + ": " + e.what;
    raise_error({ErrorCode::kIo, "no input files (give WARC, WET, ARC or JSONL files, folders, globs)" + why, 0});
  }
  o.inputs = std::move(in.files);
  o.output_dir = output;
  o.recipe = recipe;
  o.format = format;
  if (!shard.is_none()) {
    auto s = parse_shard(optional_str(shard, "shard"));
    if (!s) throw py::value_error(s.error().message);
    o.shard_index = s->first;
    o.shard_count = s->second;
  }
  o.restart = restart;
  o.parts_only = parts_only;
  o.rejects_path = rejects_path;
  o.input_field = input_field;
  o.input_type = input_type;
  if (!languages.is_none()) {
    o.recipe_options.languages_set = true;
    if (PyUnicode_Check(languages.ptr())) throw py::type_error("languages must be a list of ISO 639-1 codes, not str");
    for (py::handle l : languages) o.recipe_options.languages.push_back(optional_str(l, "a language"));
  }
  if (!lang_threshold.is_none()) o.recipe_options.lang_threshold = lang_threshold.cast<double>();
  o.recipe_options.lang_model_path = optional_str(lang_model, "lang_model");
  o.recipe_options.badwords_path = optional_str(badwords, "badwords");
  o.clean_text = clean;
  o.mask_pii = pii;
  o.dedup = dedup;
  o.threads = jobs ? jobs : std::max(1u, std::thread::hardware_concurrency());
  o.max_record_bytes = max_record_bytes;
  o.max_inflight_bytes = max_inflight_mb << 20;
  o.extract_options.budgets.max_input_bytes = max_record_bytes;
  o.extract_options.favor = parse_favor(favor);
  if (text_format != "text" && text_format != "markdown")
    throw py::value_error("text_format must be \"text\" or \"markdown\", not \"" + text_format + "\"");
  o.extract_options.markdown = text_format == "markdown";
  o.extract_options.comments = comments;

  Callback progress_cb(std::move(progress)), message_cb(std::move(on_message));
  for (const auto& e : in.errors) message_cb(e.path, 0, e.what);
  if (progress_cb.active())
    o.on_progress = [&](const RunProgress& p) {
      // C++ values here: they become a dict inside the call, with the GIL.
      progress_cb(std::map<std::string, uint64_t>{{"records", p.records},
                                                  {"bytes_raw_done", p.bytes_raw_done},
                                                  {"bytes_raw_total", p.bytes_raw_total},
                                                  {"bytes_uncompressed", p.bytes_uncompressed},
                                                  {"files_done", p.files_done},
                                                  {"files_total", p.files_total}});
    };
  if (message_cb.active())
    o.on_message = [&](std::string_view file, uint64_t offset, std::string_view what) {
      message_cb(std::string(file), offset, std::string(what));
    };

  std::optional<Result<RunSummary>> r;
  {
    py::gil_scoped_release nogil;
    r = run_pipeline(o);
  }
  progress_cb.reraise();
  message_cb.reraise();
  if (!*r) raise_error((*r).error());
  const RunSummary& s = **r;
  // parts_only writes no stats.json: the counters of this call's parts.
  py::object stats = parse_json(
      s.stats_path.empty()
          ? s.stats.to_json("")
          : py::module_::import("pathlib").attr("Path")(s.stats_path).attr("read_text")("utf-8").cast<std::string>());
  stats["stats_path"] = s.stats_path;
  stats["parts_deleted"] = s.parts_deleted;
  stats["files_unreadable"] = s.files_unreadable;
  py::list not_read;
  for (const auto& e : in.errors) not_read.append(py::dict(py::arg("path") = e.path, py::arg("what") = e.what));
  stats["inputs_not_listed"] = not_read;
  return stats;
}

}  // namespace
}  // namespace pith::python

namespace pith::python {
void bind_dedup(pybind11::module_& m);  // dedup_bindings.cpp
}

PYBIND11_MODULE(_pith, m) {
  using namespace pith;
  using namespace pith::python;
  m.doc() = "pith's compiled core; use the pith package (import pith), which documents every call.";
  m.attr("__version__") = std::string(kPithVersion);

  py::class_<ErrorValue>(m, "Error", R"doc(A per-item error, returned as a value by extract_many and carried by
pith.read's bad records; never raised.

code: the library's error code ("empty_input", "binary_input", "too_large", "decode", "parse",
"budget_nodes", "budget_time", "no_content", "io", "bad_input"), or a record's reason
("bad_record", "stream_damage", ...); message: what went wrong; offset: the byte offset in the
input where it is known, else 0.)doc")
      .def(py::init([](std::string code, std::string message, uint64_t offset) {
             return ErrorValue{std::move(code), std::move(message), offset};
           }),
           py::arg("code"), py::arg("message"), py::arg("offset") = 0)
      .def_readonly("code", &ErrorValue::code)
      .def_readonly("message", &ErrorValue::message)
      .def_readonly("offset", &ErrorValue::offset)
      .def("__eq__", [](const ErrorValue& a, const ErrorValue& b) {
        return a.code == b.code && a.message == b.message && a.offset == b.offset;
      })
      .def("__repr__", [](const ErrorValue& e) {
        return "pith.Error(" + py::repr(py::str(e.code)).cast<std::string>() + ", " +
               py::repr(py::str(e.message)).cast<std::string>() + (e.offset ? ", " + std::to_string(e.offset) : "") + ")";
      })
      .def("__str__", [](const ErrorValue& e) { return e.code + ": " + e.message; });

  py::class_<PyExtractor>(m, "Extractor", R"doc(Extractor(*, format="text", favor="balanced", comments=False, links=False,
          images=False, tables=True, explain=False, parser="html5",
          max_bytes=67108864, max_millis=10000)

A reusable extractor with fixed options: build one per thread and call .extract(html, url)
for each page (its parser and buffers are reused). One call runs at a time; the GIL is
released while it runs. Options as for pith.extract.)doc")
      .def(py::init([](const std::string& format, const std::string& favor, bool comments, bool links, bool images,
                       bool tables, bool explain, const std::string& parser, size_t max_bytes, uint32_t max_millis) {
             return std::make_unique<PyExtractor>(
                 extract_options(format, favor, comments, links, images, tables, explain, parser, max_bytes, max_millis));
           }),
           py::kw_only(), py::arg("format") = "text", py::arg("favor") = "balanced", py::arg("comments") = false,
           py::arg("links") = false, py::arg("images") = false, py::arg("tables") = true, py::arg("explain") = false,
           py::arg("parser") = "html5", py::arg("max_bytes") = Budgets{}.max_input_bytes,
           py::arg("max_millis") = Budgets{}.max_millis)
      .def("extract", &PyExtractor::extract, py::arg("html"), py::arg("url") = py::none(), py::kw_only(),
           py::arg("charset") = py::none(), py::arg("language") = py::none(),
           R"doc(extract(html, url=None, *, charset=None) -> dict

The main text and metadata of one page: a dict with exactly the fields of
`pith extract --format json` (without "source"). html is bytes (decoded from charset, else
sniffed: BOM, <meta>, UTF-8 check, uchardet) or str (taken as UTF-8). Raises a pith.PithError
subclass (EmptyInputError, BinaryInputError, TooLargeError, ...) for a page that cannot be
extracted, TypeError for an argument of the wrong type.)doc");

  py::class_<PyCleaner>(m, "Cleaner", R"doc(Cleaner(*, keep_title=False, max_bytes=67108864, max_line_bytes=1048576,
        max_millis=10000)

A reusable cleaner for text that a crawler already extracted (pith clean): build one per
thread and call .clean(text, url). One call runs at a time; the GIL is released while it runs.)doc")
      .def(py::init([](bool keep_title, size_t max_bytes, size_t max_line_bytes, uint32_t max_millis) {
             CleanOptions o;
             o.keep_title = keep_title;
             o.max_input_bytes = max_bytes;
             o.max_line_bytes = max_line_bytes;
             o.max_millis = max_millis;
             o.list_dropped = true;
             return std::make_unique<PyCleaner>(o);
           }),
           py::kw_only(), py::arg("keep_title") = false, py::arg("max_bytes") = CleanOptions{}.max_input_bytes,
           py::arg("max_line_bytes") = CleanOptions{}.max_line_bytes, py::arg("max_millis") = CleanOptions{}.max_millis)
      .def("clean", &PyCleaner::clean, py::arg("text"), py::arg("url") = py::none(),
           R"doc(clean(text, url=None) -> dict

The article lines of one page's text: a dict with the fields of `pith clean --format json`
(without "source"): url, title, date, text, lines, kept_lines, list_like, dropped (line,
reason, text), noise, warnings. text is str or UTF-8 bytes (bad bytes become U+FFFD). Raises
a pith.PithError subclass (EmptyInputError, BinaryInputError, TooLargeError) when it cannot.)doc");

  py::class_<ExtractBatch>(m, "ExtractBatch", "The generator that pith.extract_many returns: results in input order.")
      .def(py::init([](py::iterable items, const std::string& format, const std::string& favor, bool comments,
                       bool links, bool images, bool tables, bool explain, const std::string& parser,
                       size_t max_bytes, uint32_t max_millis, unsigned jobs, size_t window) {
             Options o = extract_options(format, favor, comments, links, images, tables, explain, parser, max_bytes,
                                         max_millis);
             if (!jobs) jobs = std::max(1u, std::thread::hardware_concurrency());
             return std::make_unique<ExtractBatch>(py::iter(items), o, jobs, window);
           }),
           py::arg("items"), py::kw_only(), py::arg("format"), py::arg("favor"), py::arg("comments"),
           py::arg("links"), py::arg("images"), py::arg("tables"), py::arg("explain"), py::arg("parser"),
           py::arg("max_bytes"), py::arg("max_millis"), py::arg("jobs"), py::arg("window"))
      .def("__iter__", [](py::object self) { return self; })
      .def("__next__", &ExtractBatch::next)
      .def_property_readonly("pulled", &ExtractBatch::pulled, "Items taken from the iterable so far.")
      .def_property_readonly("yielded", &ExtractBatch::yielded, "Results handed out so far.")
      .def_property_readonly("window", &ExtractBatch::window,
                             "Results computed ahead of the consumer at most (items pulled ahead: this plus two).");

  py::class_<RecordValue>(m, "Record", R"doc(One record of an input file (pith.read).

kind: "html" or "text" (a page), "skip" (not a page: reason says why, e.g. "warc_type:request",
"http_status", "not_html"), or "bad" (damaged or unreadable: reason and error say what);
format: the file's format ("html", "text", "jsonl", "warc"); path: the file; source: path, or
path:line for JSONL and path:offset for WARC, as pith's messages name it; offset, line; id
(WARC-Record-ID, JSONL "id"), url, date (WARC-Date), charset (from the HTTP Content-Type),
warc_type; body: the page's bytes (HTTP body de-chunked and inflated) or its text as UTF-8;
error: a pith.Error for bad records, else None.)doc")
      .def_readonly("kind", &RecordValue::kind)
      .def_readonly("format", &RecordValue::format)
      .def_readonly("path", &RecordValue::path)
      .def_readonly("source", &RecordValue::source)
      .def_readonly("offset", &RecordValue::offset)
      .def_readonly("line", &RecordValue::line)
      .def_property_readonly("id", [](const RecordValue& r) { return r.id.empty() ? py::object(py::none()) : py::str(r.id); })
      .def_property_readonly("url", [](const RecordValue& r) { return r.url.empty() ? py::object(py::none()) : py::str(r.url); })
      .def_property_readonly("date", [](const RecordValue& r) { return r.date.empty() ? py::object(py::none()) : py::str(r.date); })
      .def_property_readonly("charset", [](const RecordValue& r) { return r.charset.empty() ? py::object(py::none()) : py::str(r.charset); })
      .def_property_readonly("warc_type", [](const RecordValue& r) { return r.warc_type.empty() ? py::object(py::none()) : py::str(r.warc_type); })
      .def_property_readonly("reason", [](const RecordValue& r) { return r.reason.empty() ? py::object(py::none()) : py::str(r.reason); })
      .def_property_readonly("status", [](const RecordValue& r) { return r.http_status ? py::object(py::int_(r.http_status)) : py::object(py::none()); },
                             "The HTTP status of a WARC/ARC response record; None for other records.")
      .def_property_readonly("headers",
                             [](const RecordValue& r) {
                               py::dict d;  // names as sent; a repeated header keeps its last value
                               for (const auto& [k, v] : r.http_headers) d[py::str(k)] = py::str(v);
                               return d;
                             },
                             "The HTTP headers of a WARC/ARC response record ({} for other records).")
      .def_readonly("body", &RecordValue::body)
      .def_property_readonly("text", [](const RecordValue& r) { return r.body.attr("decode")("utf-8", "replace"); },
                             "body decoded as UTF-8 (bad bytes as U+FFFD).")
      .def_property_readonly("error", [](const RecordValue& r) { return r.error ? py::cast(*r.error) : py::none(); })
      .def("__repr__", [](const RecordValue& r) {
        std::string s = "<pith.Record " + r.kind + " " + r.source;
        if (!r.url.empty()) s += " " + r.url;
        if (!r.reason.empty()) s += " (" + r.reason + ")";
        return s + " " + std::to_string(py::len(r.body)) + " bytes>";
      });

  py::class_<RecordIterator>(m, "RecordIterator", "The iterator that pith.read returns: every record, in input order.")
      .def(py::init([](py::handle paths, const std::string& format, const std::string& kind, const std::string& field,
                       const std::string& url_field, py::handle url, py::handle charset, size_t max_record_bytes,
                       py::handle exclude) {
             ReaderOptions ro;
             ro.format = parse_format(format);
             if (kind == "any") ro.want = PageKind::kAny;
             else if (kind == "html") ro.want = PageKind::kHtml;
             else if (kind == "text") ro.want = PageKind::kText;
             else throw py::value_error("kind must be \"any\", \"html\" or \"text\", not \"" + kind + "\"");
             ro.field = field;
             ro.url_field = url_field;
             ro.url = optional_str(url, "url");
             ro.charset = optional_str(charset, "charset");
             ro.max_record_bytes = max_record_bytes;
             std::vector<std::string> ex = exclude.is_none() ? std::vector<std::string>{} : path_list(exclude);
             return std::make_unique<RecordIterator>(path_list(paths), ro, ex);
           }),
           py::arg("paths"), py::kw_only(), py::arg("format"), py::arg("kind"), py::arg("field"),
           py::arg("url_field"), py::arg("url"), py::arg("charset"), py::arg("max_record_bytes"), py::arg("exclude"))
      .def("__iter__", [](py::object self) { return self; })
      .def("__next__", &RecordIterator::next);

  m.def("run", &run_corpus, py::arg("inputs"), py::arg("output"), py::kw_only(), py::arg("recipe"), py::arg("jobs"),
        py::arg("format"), py::arg("progress"), py::arg("on_message"), py::arg("restart"), py::arg("shard"),
        py::arg("rejects"), py::arg("languages"), py::arg("lang_threshold"), py::arg("lang_model"),
        py::arg("badwords"), py::arg("clean"), py::arg("pii"), py::arg("dedup"), py::arg("favor"),
        py::arg("text_format"), py::arg("comments"), py::arg("input_field"), py::arg("input_type"),
        py::arg("max_record_bytes"), py::arg("max_inflight_mb"), py::arg("parts_only") = false,
        "The body of pith.run (see there).");
  m.def("list_inputs", &list_run_inputs, py::arg("inputs"), py::arg("exclude") = py::none(),
        "The body of pith.list_inputs (see there).");
  bind_dedup(m);  // pith.dedup, pith.dedup_plan, pith.dedup_stage
}
