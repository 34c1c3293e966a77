// JSON Lines documents (plain, .gz or .zst): one object per line, with a chosen field holding
// the page (HTML) or its text. A broken line is a kBad with its offset; reading goes on.
#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include "io/stream.h"
#include "pith/result.h"

namespace pith {

struct JsonlDoc {
  std::string id;      // "id" when present (string or number)
  std::string url;     // the URL field (JsonlReaderOptions::url_field), or metadata.url
  std::string date;    // "date", or metadata.date
  std::string content; // the chosen field, unescaped; "" when it is JSON null
  bool content_null = false;
  uint64_t offset = 0; // decompressed offset of the line
  uint64_t line = 0;   // 1-based line number
  // With JsonlReaderOptions::keep_line: the line, and where the field's value and the object's
  // closing brace stand in it (a command writes the record back with only that value changed).
  std::string line_bytes;
  size_t value_begin = 0, value_end = 0, object_end = 0;
  Error error{ErrorCode::kBadInput, "", 0};
};

struct JsonlReaderOptions {
  std::string field = "text";
  std::string url_field = "url";
  bool keep_line = false;
  size_t max_line_bytes = 64u << 20;  // same cap as Budgets::max_input_bytes
};

class JsonlReader {
 public:
  enum Status { kDoc, kBad, kEnd };
  JsonlReader(std::unique_ptr<ByteSource> src, JsonlReaderOptions options);
  ~JsonlReader();
  Status next(JsonlDoc& doc);
  uint64_t offset() const { return in_.offset(); }
  uint64_t raw_offset() const { return const_cast<BufferedReader&>(in_).source().raw_offset(); }
  std::vector<Error> take_stream_errors() { return in_.source().take_errors(); }

 private:
  struct Parser;
  BufferedReader in_;
  JsonlReaderOptions opt_;
  std::unique_ptr<Parser> parser_;
  std::string line_;
  uint64_t line_no_ = 0;
};

}  // namespace pith
