// Output files that appear whole or not at all: bytes go to "PATH.tmp-PID", compressed by the
// name's extension (.gz = gzip, .zst = zstd, else plain), and commit() renames into place.
// A writer destroyed without commit() removes its temporary file.
#pragma once
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "io/stream.h"
#include "pith/result.h"

namespace pith {

Compression compression_for_name(std::string_view path);

class AtomicWriter {
 public:
  AtomicWriter();
  ~AtomicWriter();
  AtomicWriter(const AtomicWriter&) = delete;
  AtomicWriter& operator=(const AtomicWriter&) = delete;

  Result<bool> open(const std::string& path, Compression c);
  Result<bool> open(const std::string& path) { return open(path, compression_for_name(path)); }
  Result<bool> write(std::string_view bytes);
  Result<bool> commit();  // flush, fsync-free close, rename
  void abandon();         // close and remove the temporary file
  bool is_open() const { return f_ != nullptr; }
  uint64_t bytes_in() const { return bytes_in_; }

 private:
  Result<bool> flush_compressed(bool finish);
  std::FILE* f_ = nullptr;
  std::string path_, tmp_;
  Compression c_ = Compression::kNone;
  struct Codec;
  std::unique_ptr<Codec> codec_;
  std::string pending_;  // input waiting to be compressed
  uint64_t bytes_in_ = 0;
};

// Writes a small file atomically in one go (markers, stats).
Result<bool> write_file_atomic(const std::string& path, std::string_view bytes);

}  // namespace pith
