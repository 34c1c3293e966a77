// pith/input.h: the one input layer of every command (pith extract, pith clean, pith run, the
// Python module): which files an argument names, and the records inside each file.
//
//   InputList in = list_inputs({"crawl/", "pages/*.html.gz", "-"}, {.exclude = {"out"}});
//   for (const InputError& e : in.errors) /* "PATH: permission denied" */;
//   for (const InputFile& f : in.files) {
//     auto reader = RecordReader::open(f, {});
//     if (!reader) { /* unreadable, or a format pith does not read: one clear message */ }
//     InputRecord rec;
//     while ((*reader)->next(rec)) { /* rec.kind: kHtml, kText, kSkip (with a reason), kBad */ }
//   }
//
// Files: paths, folders (walked recursively, sorted), quoted globs, "-" for stdin. A folder
// walk takes the names of known inputs (.html .htm .xhtml .txt .text .jsonl .ndjson .json
// .warc .wet .arc, each optionally .gz .zst .zstd); a file named on the command line is read
// whatever its name. The exclude list (a command's output) and everything under it is never
// read by a folder walk or a glob; a file named on the command line is listed even when excluded,
// so that check_outputs refuses it (rather than it being silently not read).
// Containers: plain, gzip (whole file or one member per record) and zstd, by magic bytes.
// Formats, by content (the first bytes after decompression), unless ReaderOptions::format says:
// WARC 1.0/1.1 and WET, WARC/0.18 and ARC (older crawls), JSONL, an HTML page, a text page.
// Every record a file holds comes back once: as a page (kHtml, kText), as kSkip with the reason
// it is not a page (a WARC request record, a PDF response, an HTTP 404), or as kBad with an
// Error (offset, what); the reader then goes on with the next record it can find.
#pragma once
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pith/export.h"
#include "pith/result.h"

namespace pith {

// How gzip is inflated: ISA-L (fast), or zlib. kIsal falls back to zlib where ISA-L is not
// built in.
enum class Inflater { kIsal, kZlib };

enum class InputFormat { kAuto, kHtml, kText, kJsonl, kWarc };
PITH_API std::string_view input_format_name(InputFormat f);  // "auto", "html", "text", "jsonl", "warc"
// "auto", "html", "text", "jsonl", "warc" (also "wet", "arc") -> format; nullopt otherwise.
PITH_API std::optional<InputFormat> parse_input_format(std::string_view name);

// One file to read, as found from a command-line argument.
struct InputFile {
  std::string path;   // as given or found; "-" is stdin
  std::string root;   // the argument it was found from (a folder, a glob, or the file itself)
  std::string rel;    // path below the folder it was found in; a file's name for a file or glob
                      // argument; "stdin" for "-"
  uint64_t size = 0;  // bytes on disk (0 for stdin)
};

// A path that could not be listed or read, and why ("no such file or folder",
// "permission denied", "no input files in this folder").
struct InputError {
  std::string path;
  std::string what;
};

struct ListOptions {
  // Paths never read, with everything under them: a command's output file or folder.
  std::vector<std::string> exclude;
  // The formats whose names a folder walk takes (pith extract: HTML and crawl files; pith
  // clean: text, JSONL and crawl files); empty = every known name.
  std::vector<InputFormat> walk;
};

struct InputList {
  std::vector<InputFile> files;  // in argument order; a folder's or a glob's files sorted by path
  std::vector<InputError> errors;
};

PITH_API InputList list_inputs(const std::vector<std::string>& args, const ListOptions& options = {});

// True for the names a folder walk takes (see above), of one of `formats` (empty = any).
PITH_API bool is_input_name(std::string_view name, const std::vector<InputFormat>& formats = {});

// The output paths of a command against its inputs: an error message when the output is one of
// the inputs (or holds one), or when two inputs would map to the same output file in `dir`
// (keyed by InputFile::rel plus `suffix`). Empty when all is well.
PITH_API std::string check_outputs(const InputList& in, const std::string& output, bool output_is_dir,
                                   std::string_view suffix = {});

// One record of an input file.
struct InputRecord {
  enum Kind { kHtml, kText, kSkip, kBad };
  Kind kind = kBad;
  InputFormat format = InputFormat::kAuto;  // of the file it came from
  uint64_t offset = 0;  // decompressed byte offset of the record (WARC header, JSONL line)
  uint64_t line = 0;    // JSONL: 1-based line number; else 0
  std::string id;       // WARC-Record-ID, JSONL "id"; "" when absent
  std::string url;      // WARC-Target-URI, ARC URL, JSONL "url" (or metadata.url); --url for pages
  std::string date;     // WARC-Date, JSONL "date" (or metadata.date)
  std::string charset;  // from the HTTP Content-Type header, when the record had one
  std::string warc_type;  // WARC-Type ("response", "conversion", ...); "" for other formats
  // WARC/ARC response records: the HTTP status and header lines, as the server sent them.
  int http_status = 0;
  std::vector<std::pair<std::string, std::string>> http_headers;
  // The value of the first HTTP header of that name (case-insensitive); "" when there is none.
  PITH_API std::string_view http_header(std::string_view name) const;
  std::string body;       // kHtml: the page's bytes (HTTP body de-chunked and inflated); kText: the text
  // JSONL with ReaderOptions::keep_line: the whole line, and where the field's JSON value
  // stands in it (so that a command can write the record back with only that value changed).
  std::string line_bytes;
  size_t value_begin = 0, value_end = 0, object_end = 0;
  bool value_null = false;  // the field was JSON null (an empty text)
  // kSkip: why it is no page ("warc_type:request", "http_status", "not_html", "not_text");
  // kBad: the kind of damage ("bad_record", "too_large", "bad_http", "content_encoding").
  std::string reason;
  Error error{ErrorCode::kBadInput, "", 0};  // kBad: what, and error.offset
  std::vector<Error> stream_errors;  // damage of the compressed stream found before this record
};

// What a command takes from a file.
enum class PageKind { kAny, kHtml, kText };

struct ReaderOptions {
  InputFormat format = InputFormat::kAuto;  // kAuto: sniffed from the file's first bytes
  // What the command reads: pith extract HTML (a whole text file is a page too: the extractor
  // reads raw text), pith clean text, pith run both. A WARC record of the other kind comes back
  // as kSkip ("not_html": a WET conversion record to pith extract; "not_text": an HTML response
  // to pith clean). Whole files are pages of the kind wanted; with kAny, of the sniffed kind.
  PageKind want = PageKind::kAny;
  // What a JSONL field holds. kAny: what `want` says; with want kAny, text when the field is
  // "text", else HTML.
  PageKind jsonl_as = PageKind::kAny;
  std::string field = "text";      // JSONL: the field with the page or its text
  std::string url_field = "url";   // JSONL: the field with the URL
  bool keep_line = false;          // JSONL: keep line_bytes and the value's position
  std::string url;                 // whole-file pages: the page's URL (--url)
  std::string charset;             // whole-file pages: the charset from HTTP headers (--charset)
  size_t max_record_bytes = 64u << 20;  // Budgets::max_input_bytes: larger records are kBad (too_large)
  Inflater inflater = Inflater::kIsal;
};

class PITH_API RecordReader {
 public:
  // Opens a file and finds its format. Errors: kIo ("permission denied", "no such file"), and
  // kBadInput for a format pith does not read ("a bzip2 file: pith reads plain, gzip and
  // zstd"), each one line for the whole file.
  static Result<std::unique_ptr<RecordReader>> open(const InputFile& file,
                                                    const ReaderOptions& options);
  virtual ~RecordReader() = default;
  // The next record; false at the end of the file. Stream damage that came with no record (at
  // the end) is then in take_trailing_errors().
  virtual bool next(InputRecord& rec) = 0;
  virtual std::vector<Error> take_trailing_errors() = 0;
  virtual uint64_t raw_offset() const = 0;  // bytes of the file read
  virtual uint64_t offset() const = 0;      // decompressed bytes read
  InputFormat format() const { return format_; }

 protected:
  InputFormat format_ = InputFormat::kAuto;
};

// The records of every file of an InputList, in order: what every command reads. A file that
// cannot be opened, and the damage found after a file's last record, come as records of their
// own, so that a command reports and counts them in input order.
struct StreamRecord {
  InputRecord rec;
  size_t file = 0;          // index in InputList::files
  bool multi = false;       // from a file of many records (JSONL, WARC): rec.line / rec.offset say which
  bool file_error = false;  // the file could not be opened: rec.error, rec.reason "io" or "unsupported_format"
  bool trailing = false;    // no record: damage found after the file's last one (rec.stream_errors)
};

class PITH_API InputStream {
 public:
  InputStream(const InputList& in, ReaderOptions options);
  ~InputStream();
  bool next(StreamRecord& r);  // false after the last file
  // Progress, as of the last next(): bytes of the input files read and files finished. Safe to
  // read from any thread while another one calls next() (a command's progress line is drawn
  // by the thread that writes output while a reader thread reads ahead).
  uint64_t raw_done() const { return raw_done_.load(std::memory_order_relaxed); }
  size_t files_done() const { return files_done_.load(std::memory_order_relaxed); }

 private:
  bool next_record(StreamRecord& r);
  const InputList& in_;
  ReaderOptions o_;
  size_t file_ = 0;
  uint64_t raw_before_ = 0;
  std::unique_ptr<RecordReader> reader_;
  std::atomic<uint64_t> raw_done_{0};
  std::atomic<size_t> files_done_{0};
};

// What the first bytes of a file are: the format, or an error that names what it is when pith
// does not read it (PDF, ZIP, bzip2, xz, ...). `head` is the start of the decompressed bytes.
PITH_API Result<InputFormat> sniff_input_format(std::string_view head);

}  // namespace pith
