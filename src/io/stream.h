// Byte streams for crawl files: plain, gzip (ISA-L, zlib as fallback) and zstd, sniffed from
// the first bytes, and a buffered reader with lines, exact reads, skips and push-back.
//
// A broken compressed stream is not the end of the file: a corrupt or truncated gzip member or
// zstd frame is recorded as an Error (with the compressed byte offset) and reading resumes at
// the next member or frame that can be found, searched for from the byte after the broken one's
// start (so a member cut short does not take the intact ones after it along) and checked by
// decoding its first bytes (so bytes that only look like a header are passed over). The caller
// drains the errors with take_errors().
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pith/input.h"  // Inflater
#include "pith/result.h"

namespace pith {

enum class Compression { kNone, kGzip, kZstd };

std::string_view compression_name(Compression c);
// From the first bytes: 1f 8b = gzip, 28 b5 2f fd = zstd, else none.
Compression sniff_compression(std::string_view head);

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Up to n decompressed bytes into buf; 0 at the end of the file.
  virtual size_t read(char* buf, size_t n) = 0;
  // Bytes of the underlying file consumed so far (for progress and messages).
  virtual uint64_t raw_offset() const = 0;
  std::vector<Error> take_errors() { return std::move(errors_); }
  bool has_errors() const { return !errors_.empty(); }

 protected:
  std::vector<Error> errors_;
};

// Opens a file ("-" = stdin) and stacks the decompressor its first bytes call for.
Result<std::unique_ptr<ByteSource>> open_source(const std::string& path, Inflater inflater = Inflater::kIsal);
// The same over bytes in memory (tests, and payloads).
std::unique_ptr<ByteSource> memory_source(std::string data, Inflater inflater = Inflater::kIsal);

// Room for bytes that grows without writing zeros into it (std::string's resize does, and a
// reader's buffer grows to a megabyte for every file of a folder of pages).
class ByteBuffer {
 public:
  char* data() { return data_.get(); }
  const char* data() const { return data_.get(); }
  size_t size() const { return size_; }  // the room
  // Makes the room at least n bytes; the first `keep` bytes stay.
  void grow(size_t n, size_t keep);

 private:
  std::unique_ptr<char[]> data_;
  size_t size_ = 0;
};

// Buffered reading over a ByteSource with a decompressed offset.
class BufferedReader {
 public:
  explicit BufferedReader(std::unique_ptr<ByteSource> src);
  // The next line without its "\n" (and "\r"). False at the end. A line longer than max_len is
  // cut: `line` holds its first max_len bytes and the rest is skipped; *too_long says so.
  bool read_line(std::string& line, size_t max_len, bool* too_long = nullptr);
  // Appends up to n bytes to out; returns how many (fewer only at the end).
  size_t read(size_t n, std::string& out);
  size_t skip(size_t n);
  // Puts bytes back in front of the stream (they will be read again, offset moves back).
  void unread(std::string_view bytes);
  // The next n bytes (fewer at the end) without consuming them.
  std::string_view peek(size_t n);
  // Skips to the start of the next line that begins with `prefix`; returns the bytes skipped,
  // or sets *found = false at the end.
  size_t skip_to_line_starting(std::string_view prefix, bool* found);
  // Skips to the next occurrence of needle anywhere (a line start or not); returns the bytes
  // skipped, or sets *found = false at the end (having skipped everything).
  size_t skip_to(std::string_view needle, bool* found);
  bool at_end();
  uint64_t offset() const { return offset_; }  // decompressed bytes consumed
  ByteSource& source() { return *src_; }

 private:
  bool fill();  // false at the end
  std::unique_ptr<ByteSource> src_;
  ByteBuffer buf_;
  size_t pos_ = 0, end_ = 0;  // consumed up to pos_; bytes up to end_ (buf_.size() is the room)
  size_t chunk_ = 64u << 10;  // the next read's size: grows to 1 MiB (stream.cpp kFirstChunk)
  uint64_t offset_ = 0;
  bool eof_ = false;
};

}  // namespace pith
