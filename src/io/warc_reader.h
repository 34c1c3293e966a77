// Crawl records from a plain, gzip or zstd stream: WARC 1.0 / 1.1 (ISO 28500), the older
// WARC/0.17 and WARC/0.18 (ClueWeb09; same header shape), and Internet Archive ARC files (v1
// and v2, told apart by content: a first line "filedesc://..."). ARC records come out as
// WarcRecords: the version block as "warcinfo", an HTTP capture as "response" (block = the HTTP
// message, as in WARC), anything else as "resource" with the ARC content type. Also the HTTP
// message inside a response record.
//
//   auto src = open_source("crawl.warc.gz");
//   WarcReader reader(std::move(*src), {});
//   WarcRecord rec;
//   while (true) {
//     auto st = reader.next(rec);
//     if (st == WarcReader::kEnd) break;
//     if (st == WarcReader::kBad) { /* rec.error says what and where; the reader resynced */ }
//   }
//
// A malformed header, a Content-Length that does not match where the next record starts, or a
// truncated record gives kBad with the record's offset, and reading resumes at the first record
// header after the bad record's own header that parses (WARC: a "WARC/1." or "WARC/0." line with
// its fields; ARC: a URL line with its length): a good record whose start lies inside the span a
// wrong Content-Length claimed is read, not swallowed. The check costs nothing while every
// Content-Length is right. A block over max_block_bytes is skipped without being buffered.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "io/stream.h"
#include "pith/result.h"

namespace pith {

struct WarcRecord {
  std::string version;      // "WARC/1.0", "WARC/1.1", "WARC/0.18", ...; "ARC/1" or "ARC/2"
  std::string type;         // WARC-Type: response, resource, conversion, request, metadata, ...
  std::string target_uri;   // WARC-Target-URI (angle brackets of WARC/1.0 writers removed)
  std::string date;         // WARC-Date (ARC: its 14-digit date as YYYY-MM-DDThh:mm:ssZ)
  std::string record_id;    // WARC-Record-ID without angle brackets ("" for ARC records)
  std::string content_type; // Content-Type of the block
  std::string identified_payload_type;  // WARC-Identified-Payload-Type
  uint64_t content_length = 0;
  std::string ip_address;   // WARC-IP-Address, or the ARC record's IP address
  uint64_t offset = 0;      // decompressed offset of the "WARC/1.x" (or ARC URL) line
  std::string block;        // the record block, when it was kept
  bool block_kept = false;  // false: over the size cap or a type the caller skips
  Error error{ErrorCode::kBadInput, "", 0};  // set when next() returns kBad
};

struct WarcReaderOptions {
  size_t max_block_bytes = 64u << 20;  // same cap as Budgets::max_input_bytes
  size_t max_header_bytes = 1u << 16;  // a WARC header over 64 KiB is malformed
  // Blocks of these types are read; others are skipped without a copy ("" = keep all).
  bool keep_all_blocks = false;
};

// Whether a WarcReader can read a crawl file that starts with `head` (its first decompressed
// bytes, a few hundred are enough): nothing when it can, else a one-line message that says what
// the file looks like, for the caller to report instead of one bad record per record. Bytes of
// the input in the message are escaped.
std::optional<std::string> unsupported_crawl_format(std::string_view head);
// Whether `head` starts like a crawl file of any version (a "WARC/" line or an ARC version
// block), supported or not: detection by content.
bool looks_like_crawl_file(std::string_view head);

class WarcReader {
 public:
  enum Status { kRecord, kBad, kEnd };
  enum class Format { kUnknown, kWarc, kArc };  // from the first record
  WarcReader(std::unique_ptr<ByteSource> src, WarcReaderOptions options);
  Status next(WarcRecord& rec);
  uint64_t offset() const { return in_.offset(); }         // decompressed bytes consumed
  uint64_t raw_offset() const { return const_cast<BufferedReader&>(in_).source().raw_offset(); }
  std::vector<Error> take_stream_errors() { return in_.source().take_errors(); }
  uint64_t skipped_bytes() const { return skipped_bytes_; }  // garbage passed over to resync
  Format format() const { return format_; }

 private:
  bool wants_block(std::string_view type) const;
  Status next_warc(WarcRecord& rec);
  Status next_arc(WarcRecord& rec);
  // Reads the block of rec.content_length bytes that starts here, when the bytes after it are a
  // record boundary; else reports rec as bad and resyncs.
  Status read_block(WarcRecord& rec);
  // Skips to the next record header that parses; false (at the end) when there is none.
  bool resync();
  bool header_parses_here();
  Status bad(WarcRecord& rec, std::string what);
  BufferedReader in_;
  WarcReaderOptions opt_;
  Format format_ = Format::kUnknown;
  std::string arc_version_ = "ARC/1";
  uint64_t skipped_bytes_ = 0;
};

// The HTTP response inside a WARC response record.
struct HttpResponse {
  int status = 0;
  std::string mime;      // lower-case type/subtype of Content-Type, "" when absent
  std::string charset;   // charset parameter of Content-Type
  std::string transfer_encoding, content_encoding;  // lower-case
  std::string_view body; // points into the record block
};

// Parses the status line and headers; body is what follows the blank line.
Result<HttpResponse> parse_http_response(std::string_view block);

// Decodes a chunked transfer-encoded body (RFC 9112 7.1); nothing when the body is not chunked
// (a size line that is not hex, chunk data not followed by a line break): crawlers store bodies
// they have already de-chunked under the original "Transfer-Encoding: chunked" header. A body
// that ends inside a chunk (a capture cut short) gives what it holds.
std::optional<std::string> try_dechunk(std::string_view body);
// try_dechunk(), or the body unchanged when it is not chunked.
std::string dechunk(std::string_view body);

}  // namespace pith
