// WARC 1.0 / 1.1 records (ISO 28500) from a plain, gzip or zstd stream, and the HTTP message
// inside a response record.
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
// truncated record gives kBad with the record's offset, and reading resumes at the next line
// that starts with "WARC/1.". A block over max_block_bytes is skipped without being buffered.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "io/stream.h"
#include "pith/result.h"

namespace pith {

struct WarcRecord {
  std::string version;      // "WARC/1.0" or "WARC/1.1"
  std::string type;         // WARC-Type: response, resource, conversion, request, metadata, ...
  std::string target_uri;   // WARC-Target-URI (angle brackets of WARC/1.0 writers removed)
  std::string date;         // WARC-Date
  std::string record_id;    // WARC-Record-ID without angle brackets
  std::string content_type; // Content-Type of the block
  std::string identified_payload_type;  // WARC-Identified-Payload-Type
  uint64_t content_length = 0;
  uint64_t offset = 0;      // decompressed offset of the "WARC/1.x" line
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

class WarcReader {
 public:
  enum Status { kRecord, kBad, kEnd };
  WarcReader(std::unique_ptr<ByteSource> src, WarcReaderOptions options);
  Status next(WarcRecord& rec);
  uint64_t offset() const { return in_.offset(); }         // decompressed bytes consumed
  uint64_t raw_offset() const { return const_cast<BufferedReader&>(in_).source().raw_offset(); }
  std::vector<Error> take_stream_errors() { return in_.source().take_errors(); }
  uint64_t skipped_bytes() const { return skipped_bytes_; }  // garbage passed over to resync

 private:
  bool wants_block(std::string_view type) const;
  Status bad(WarcRecord& rec, std::string what, bool resync);
  BufferedReader in_;
  WarcReaderOptions opt_;
  std::string line_;
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

// Decodes a chunked transfer-encoded body (RFC 9112 7.1). Stops quietly at a malformed chunk.
std::string dechunk(std::string_view body);

}  // namespace pith
