// Output files that appear whole or not at all: bytes go to "PATH.tmp-PID", compressed by the
// name's extension (.gz = gzip, .zst = zstd, else plain), and commit() renames into place.
// A writer destroyed without commit() removes its temporary file, and so does SIGINT/SIGTERM
// once install_temp_file_cleanup() has run: every temporary file is in a registry that the
// signal handler can read.
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
  int temp_slot_ = -1;  // register_temp_file's slot for tmp_
};

// Writes a small file atomically in one go (markers, stats).
Result<bool> write_file_atomic(const std::string& path, std::string_view bytes);

// The registry of temporary files that a signal removes. register_temp_file gives a slot
// (-1 when the registry is full or the path too long: the file is then only removed by its
// owner); unregister_temp_file(slot) forgets it. Both are thread-safe; the signal handler
// takes no lock (a per-slot sequence counter tells it when a path is being changed).
int register_temp_file(std::string_view path);
void unregister_temp_file(int slot);

// Installs handlers for SIGINT, SIGTERM and SIGHUP that unlink every registered temporary
// file, then re-raise the signal with its default action (so the exit status still says which
// signal ended the process). A signal the process was started with ignored stays ignored
// (nohup, a background job's SIGINT). Called once, by main().
void install_temp_file_cleanup();

// Installs handlers for the signals of a crash (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT) that
// print "pith: crashed (SIGSEGV) while working on INPUT" (the input of core/work_item.h) and a
// backtrace on stderr, remove the registered temporary files and re-raise the signal, so that
// the exit status still names it. Each thread gets an alternate signal stack on its first work
// item, so that a stack overflow is reported too. Called once, by main().
void install_crash_report();

}  // namespace pith
