// RecordReader (io/input.h): the records of one file, whatever its container and format.
#include <algorithm>
#include <cstring>

#include "core/strings.h"
#include "io/input.h"
#include "io/jsonl_reader.h"
#include "io/warc_reader.h"

namespace pith {

std::string_view InputRecord::http_header(std::string_view name) const {
  for (const auto& [key, value] : http_headers)
    if (iequals(key, name)) return value;
  return {};
}

namespace {

constexpr size_t kSniffBytes = 4096;

// Magic numbers of files pith does not read, with what to say about them.
struct Unsupported {
  std::string_view magic;
  size_t at;
  std::string_view what;
};
constexpr Unsupported kUnsupported[] = {
    {"BZh", 0, "a bzip2-compressed file: pith reads plain, gzip and zstd files (recompress it, or pipe it: bzcat F | pith ... -)"},
    {"\xFD" "7zXZ", 0, "an xz-compressed file: pith reads plain, gzip and zstd files (recompress it, or pipe it: xzcat F | pith ... -)"},
    {"\x04\x22\x4D\x18", 0, "an LZ4-compressed file: pith reads plain, gzip and zstd files"},
    {"PK\x03\x04", 0, "a ZIP archive: unpack it first"},
    {"7z\xBC\xAF\x27\x1C", 0, "a 7-Zip archive: unpack it first"},
    {"Rar!\x1A\x07", 0, "a RAR archive: unpack it first"},
    {"ustar", 257, "a tar archive: unpack it first"},
    {"%PDF-", 0, "a PDF file: pith reads HTML, text, JSONL and WARC/ARC"},
    {"\x89PNG", 0, "a PNG image: pith reads HTML, text, JSONL and WARC/ARC"},
    {"\xFF\xD8\xFF", 0, "a JPEG image: pith reads HTML, text, JSONL and WARC/ARC"},
    {"GIF8", 0, "a GIF image: pith reads HTML, text, JSONL and WARC/ARC"},
    {"SQLite format 3", 0, "an SQLite database: pith reads HTML, text, JSONL and WARC/ARC"},
    {"PAR1", 0, "a Parquet file: pith reads JSONL (convert it, e.g. with duckdb or pyarrow)"},
};

bool looks_like_html(std::string_view head) {
  std::string_view t = trim(head);
  if (t.starts_with("<")) return true;
  std::string lower = ascii_lowercase(t.substr(0, kSniffBytes));
  for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body", "<meta ", "<title", "<div", "<p>", "<table"})
    if (lower.find(tag) != std::string::npos) return true;
  return false;
}

// Bytes already read from a source (to sniff the format), served again before the rest.
class HeadSource : public ByteSource {
 public:
  HeadSource(std::unique_ptr<ByteSource> inner, std::string head) : inner_(std::move(inner)), head_(std::move(head)) {}
  size_t read(char* buf, size_t n) override {
    if (pos_ < head_.size()) {
      size_t k = std::min(n, head_.size() - pos_);
      std::memcpy(buf, head_.data() + pos_, k);
      pos_ += k;
      if (pos_ == head_.size()) {
        std::string().swap(head_);
        pos_ = 0;
      }
      return k;
    }
    size_t k = inner_->read(buf, n);
    for (Error& e : inner_->take_errors()) errors_.push_back(std::move(e));
    return k;
  }
  uint64_t raw_offset() const override { return inner_->raw_offset(); }

 private:
  std::unique_ptr<ByteSource> inner_;
  std::string head_;
  size_t pos_ = 0;
};

void clear(InputRecord& r) {
  r.kind = InputRecord::kBad;
  r.offset = r.line = 0;
  r.id.clear();
  r.url.clear();
  r.date.clear();
  r.charset.clear();
  r.warc_type.clear();
  r.http_status = 0;
  r.http_headers.clear();
  r.body.clear();
  r.line_bytes.clear();
  r.value_begin = r.value_end = r.object_end = 0;
  r.value_null = false;
  r.reason.clear();
  r.error = Error{ErrorCode::kBadInput, "", 0};
  r.stream_errors.clear();
}

InputRecord::Kind kind_of(PageKind k) { return k == PageKind::kText ? InputRecord::kText : InputRecord::kHtml; }

// Whole-file pages: one record.
class PageReader : public RecordReader {
 public:
  PageReader(std::unique_ptr<ByteSource> src, InputFormat format, const ReaderOptions& o) : in_(std::move(src)), o_(o) {
    format_ = format;
  }
  bool next(InputRecord& rec) override {
    if (done_) return false;
    done_ = true;
    clear(rec);
    rec.format = format_;
    rec.url = o_.url;
    rec.charset = o_.charset;
    size_t got = in_.read(o_.max_record_bytes + 1, rec.body);
    std::vector<Error> damage = in_.source().take_errors();
    if (!damage.empty()) {
      // A page whose compressed bytes are damaged is not the page: rejected, with where.
      rec.body.clear();
      rec.kind = InputRecord::kBad;
      rec.reason = "stream_damage";
      rec.error = std::move(damage[0]);
      if (damage.size() > 1) rec.error.message += " (and " + std::to_string(damage.size() - 1) + " more)";
      return true;
    }
    if (got > o_.max_record_bytes) {
      rec.body.clear();
      rec.kind = InputRecord::kBad;
      rec.reason = "too_large";
      rec.error = Error{ErrorCode::kTooLarge, "file over the budget of " + std::to_string(o_.max_record_bytes) +
                                                  " bytes (--max-bytes)"};
      return true;
    }
    if (o_.want != PageKind::kAny) rec.kind = kind_of(o_.want);
    else rec.kind = format_ == InputFormat::kText ? InputRecord::kText : InputRecord::kHtml;
    return true;
  }
  std::vector<Error> take_trailing_errors() override { return in_.source().take_errors(); }
  uint64_t raw_offset() const override { return const_cast<BufferedReader&>(in_).source().raw_offset(); }
  uint64_t offset() const override { return in_.offset(); }

 private:
  BufferedReader in_;
  const ReaderOptions o_;
  bool done_ = false;
};

class JsonlRecords : public RecordReader {
 public:
  JsonlRecords(std::unique_ptr<ByteSource> src, const ReaderOptions& o) : reader_(std::move(src), jsonl_options(o)) {
    format_ = InputFormat::kJsonl;
    PageKind as = o.jsonl_as != PageKind::kAny ? o.jsonl_as
                  : o.want != PageKind::kAny   ? o.want
                  : o.field == "text"          ? PageKind::kText
                                               : PageKind::kHtml;
    kind_ = kind_of(as);
    mismatch_ = o.want != PageKind::kAny && o.want != as;
    mismatch_reason_ = o.want == PageKind::kHtml ? "not_html" : "not_text";
  }
  bool next(InputRecord& rec) override {
    auto st = reader_.next(doc_);
    if (st == JsonlReader::kEnd) return false;
    clear(rec);
    rec.format = format_;
    rec.stream_errors = reader_.take_stream_errors();
    rec.offset = doc_.offset;
    rec.line = doc_.line;
    if (st == JsonlReader::kBad) {
      rec.kind = InputRecord::kBad;
      rec.reason = doc_.error.code == ErrorCode::kTooLarge ? "too_large" : "bad_record";
      rec.error = std::move(doc_.error);
      return true;
    }
    rec.id = std::move(doc_.id);
    rec.url = std::move(doc_.url);
    rec.date = std::move(doc_.date);
    rec.body = std::move(doc_.content);
    rec.value_null = doc_.content_null;
    rec.line_bytes = std::move(doc_.line_bytes);
    rec.value_begin = doc_.value_begin;
    rec.value_end = doc_.value_end;
    rec.object_end = doc_.object_end;
    rec.kind = kind_;
    if (mismatch_) {
      rec.kind = InputRecord::kSkip;
      rec.reason = mismatch_reason_;
    }
    return true;
  }
  std::vector<Error> take_trailing_errors() override { return reader_.take_stream_errors(); }
  uint64_t raw_offset() const override { return reader_.raw_offset(); }
  uint64_t offset() const override { return reader_.offset(); }

 private:
  static JsonlReaderOptions jsonl_options(const ReaderOptions& o) {
    JsonlReaderOptions j;
    j.field = o.field;
    j.url_field = o.url_field;
    j.keep_line = o.keep_line;
    j.max_line_bytes = o.max_record_bytes;
    return j;
  }
  JsonlReader reader_;
  JsonlDoc doc_;
  InputRecord::Kind kind_;
  bool mismatch_ = false;
  std::string mismatch_reason_;
};

bool is_html_mime(std::string_view mime) {
  return mime == "text/html" || mime == "application/xhtml+xml" || mime == "application/xml+xhtml";
}

// The header lines of an HTTP message (after its status line), as name and value.
void keep_http_headers(std::string_view head, std::vector<std::pair<std::string, std::string>>& out) {
  size_t nl = head.find('\n');
  while (nl != std::string_view::npos) {
    size_t start = nl + 1;
    nl = head.find('\n', start);
    std::string_view line = trim(head.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
    size_t colon = line.find(':');
    if (line.empty() || colon == std::string_view::npos) continue;
    out.emplace_back(std::string(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1))));
  }
}

// WARC 1.x, WET, WARC/0.18 and ARC records (WarcReader reads them all).
class WarcRecords : public RecordReader {
 public:
  WarcRecords(std::unique_ptr<ByteSource> src, const ReaderOptions& o) : reader_(std::move(src), warc_options(o)), o_(o) {
    format_ = InputFormat::kWarc;
  }
  bool next(InputRecord& rec) override {
    auto st = reader_.next(w_);
    if (st == WarcReader::kEnd) return false;
    clear(rec);
    rec.format = format_;
    rec.stream_errors = reader_.take_stream_errors();
    rec.offset = w_.offset;
    rec.id = std::move(w_.record_id);
    rec.url = std::move(w_.target_uri);
    rec.date = std::move(w_.date);
    rec.warc_type = std::move(w_.type);
    if (st == WarcReader::kBad) {
      rec.offset = w_.error.offset;
      return bad(rec, "bad_record", std::move(w_.error));
    }
    const std::string& type = rec.warc_type;
    if (type != "response" && type != "resource" && type != "conversion") return skip(rec, "warc_type:" + type);
    if (!w_.block_kept)
      return bad(rec, "too_large",
                 Error{ErrorCode::kTooLarge,
                       "WARC record of " + std::to_string(w_.content_length) + " bytes is over the budget of " +
                           std::to_string(o_.max_record_bytes) + " bytes; skipped",
                       rec.offset});
    if (type == "conversion") {
      if (o_.want == PageKind::kHtml) return skip(rec, "not_html");
      rec.kind = InputRecord::kText;
      rec.body = std::move(w_.block);
      return true;
    }
    if (o_.want == PageKind::kText) return skip(rec, "not_text");
    if (type == "resource") {
      std::string_view ct = w_.content_type;
      std::string mime = ascii_lowercase(trim(ct.substr(0, ct.find(';'))));
      if (!is_html_mime(mime) && !(mime.empty() && looks_like_html(std::string_view(w_.block).substr(0, 1024))))
        return skip(rec, "not_html");
      rec.kind = InputRecord::kHtml;
      rec.body = std::move(w_.block);
      return true;
    }
    auto http = parse_http_response(w_.block);
    if (!http) return bad(rec, "bad_http", Error{ErrorCode::kBadInput, "WARC response record: " + http.error().message, rec.offset});
    rec.http_status = http->status;
    keep_http_headers(std::string_view(w_.block).substr(0, http->body.data() - w_.block.data()), rec.http_headers);
    if (http->status < 200 || http->status >= 300) return skip(rec, "http_status");
    if (!is_html_mime(http->mime) && !(http->mime.empty() && looks_like_html(http->body.substr(0, 1024))))
      return skip(rec, "not_html");
    rec.charset = std::move(http->charset);
    std::string_view body = http->body;
    std::string decoded;
    if (http->transfer_encoding.find("chunked") != std::string::npos) {
      decoded = dechunk(body);
      body = decoded;
    }
    const std::string& ce = http->content_encoding;
    if (ce == "gzip" || ce == "x-gzip" || ce == "deflate") {
      std::string inflated;
      auto g = gunzip(body, o_.max_record_bytes, inflated);
      if (!g)
        return bad(rec, "content_encoding",
                   Error{g.error().code, "WARC response record: Content-Encoding " + ce + ": " + g.error().message, rec.offset});
      rec.body = std::move(inflated);
    } else if (!ce.empty() && ce != "identity") {
      return bad(rec, "content_encoding",
                 Error{ErrorCode::kBadInput, "WARC response record: Content-Encoding " + ce + " is not supported", rec.offset});
    } else if (!decoded.empty() && body.data() == decoded.data()) {
      rec.body = std::move(decoded);
    } else {
      // The body is the end of the block: take the block's buffer (no new allocation per page).
      const size_t at = static_cast<size_t>(body.data() - w_.block.data()), size = body.size();
      rec.body = std::move(w_.block);
      rec.body.erase(0, at);
      rec.body.resize(size);
    }
    rec.kind = InputRecord::kHtml;
    return true;
  }
  std::vector<Error> take_trailing_errors() override { return reader_.take_stream_errors(); }
  uint64_t raw_offset() const override { return reader_.raw_offset(); }
  uint64_t offset() const override { return reader_.offset(); }

 private:
  static WarcReaderOptions warc_options(const ReaderOptions& o) {
    WarcReaderOptions w;
    w.max_block_bytes = o.max_record_bytes;
    return w;
  }
  static bool skip(InputRecord& rec, std::string reason) {
    rec.kind = InputRecord::kSkip;
    rec.reason = std::move(reason);
    return true;
  }
  static bool bad(InputRecord& rec, std::string reason, Error e) {
    rec.kind = InputRecord::kBad;
    rec.reason = std::move(reason);
    rec.error = std::move(e);
    return true;
  }
  WarcReader reader_;
  WarcRecord w_;
  const ReaderOptions o_;
};

}  // namespace

Result<InputFormat> sniff_input_format(std::string_view head) {
  for (const auto& u : kUnsupported)
    if (head.size() >= u.at + u.magic.size() && head.substr(u.at, u.magic.size()) == u.magic)
      return Error{ErrorCode::kBadInput, std::string(u.what)};
  std::string_view t = head;
  if (t.starts_with("\xEF\xBB\xBF")) t.remove_prefix(3);
  t = trim(t);
  if (t.starts_with("WARC/") || t.starts_with("filedesc://")) return InputFormat::kWarc;
  if (t.starts_with("{")) return InputFormat::kJsonl;
  if (t.starts_with("[") && trim(t.substr(1)).starts_with("{"))
    return Error{ErrorCode::kBadInput, "a JSON array: pith reads JSON Lines (one object per line; jq -c '.[]' converts)"};
  return looks_like_html(t) ? InputFormat::kHtml : InputFormat::kText;
}

Result<std::unique_ptr<RecordReader>> RecordReader::open(const InputFile& file, const ReaderOptions& options) {
  auto src = open_source(file.path, options.inflater);
  if (!src) {
    Error e = src.error();
    if (e.message.find("ermission") != std::string::npos) e.message = "permission denied";
    return e;
  }
  std::unique_ptr<ByteSource> source = std::move(*src);
  InputFormat format = options.format;
  // The first decompressed bytes say what the file is; they are served again to the reader.
  std::string head(kSniffBytes, '\0');
  size_t n = 0;
  while (n < head.size()) {
    size_t k = source->read(head.data() + n, head.size() - n);
    if (k == 0) break;
    n += k;
  }
  head.resize(n);
  if (format == InputFormat::kAuto || format == InputFormat::kHtml || format == InputFormat::kText) {
    auto sniffed = sniff_input_format(head);
    if (!sniffed) return sniffed.error();
    if (format == InputFormat::kAuto) format = *sniffed;
  }
  auto wrapped = std::make_unique<HeadSource>(std::move(source), std::move(head));
  std::unique_ptr<RecordReader> reader;
  switch (format) {
    case InputFormat::kWarc: reader = std::make_unique<WarcRecords>(std::move(wrapped), options); break;
    case InputFormat::kJsonl: reader = std::make_unique<JsonlRecords>(std::move(wrapped), options); break;
    default: reader = std::make_unique<PageReader>(std::move(wrapped), format, options); break;
  }
  return reader;
}

InputStream::InputStream(const InputList& in, ReaderOptions options) : in_(in), o_(std::move(options)) {}
InputStream::~InputStream() = default;

bool InputStream::next(StreamRecord& r) {
  bool more = next_record(r);
  // Published here, on the thread that changes reader_, for raw_done() on any other thread.
  raw_done_.store(raw_before_ + (reader_ ? reader_->raw_offset() : 0), std::memory_order_relaxed);
  files_done_.store(file_, std::memory_order_relaxed);
  return more;
}

bool InputStream::next_record(StreamRecord& r) {
  r.file_error = r.trailing = r.multi = false;
  while (file_ < in_.files.size()) {
    const InputFile& f = in_.files[file_];
    r.file = file_;
    if (!reader_) {
      auto opened = RecordReader::open(f, o_);
      if (!opened) {
        clear(r.rec);
        ++file_;
        raw_before_ += f.size;
        r.file_error = true;
        r.rec.kind = InputRecord::kBad;
        r.rec.error = opened.error();
        r.rec.reason = opened.error().code == ErrorCode::kIo ? "io" : "unsupported_format";
        return true;
      }
      reader_ = std::move(*opened);
    }
    if (reader_->next(r.rec)) {
      r.multi = reader_->format() == InputFormat::kJsonl || reader_->format() == InputFormat::kWarc;
      return true;
    }
    std::vector<Error> damage = reader_->take_trailing_errors();
    reader_.reset();
    raw_before_ += f.size;
    ++file_;
    if (!damage.empty()) {
      clear(r.rec);
      r.rec.kind = InputRecord::kSkip;
      r.rec.stream_errors = std::move(damage);
      r.trailing = true;
      return true;
    }
  }
  return false;
}

}  // namespace pith
