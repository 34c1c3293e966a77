// What every subcommand shares: the output sink, messages, progress on a TTY.
#pragma once
#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>

namespace pith::cli {

// Exit codes, as ripgrep: 0 all went well, 1 some inputs were rejected, 2 the command failed.
inline constexpr int kExitOk = 0;
inline constexpr int kExitSomeRejected = 1;
inline constexpr int kExitFailed = 2;

// "pith: FILE:OFFSET: what" on stderr.
void report(std::string_view file, size_t offset, std::string_view what);
void report(std::string_view what);

// Writes to stdout or to a file that appears atomically (temporary name, then rename) on close.
class Output {
 public:
  bool open(const std::string& path);  // "" or "-" = stdout
  bool write(std::string_view s);
  bool close();
  // The reader went away (EPIPE): not an error, but nothing more can be written.
  bool broken_pipe() const { return broken_pipe_; }

 private:
  bool fail(int err);  // records a failed write: EPIPE quietly, anything else reported once
  static constexpr size_t kBufferBytes = 1u << 20;
  std::FILE* f_ = nullptr;
  char* buf_ = nullptr;  // f_'s buffer (files only); an Output never closed leaves it to exit
  std::string path_, tmp_;
  int temp_slot_ = -1;  // tmp_'s slot in the signal clean-up registry (io/writer.h)
  bool broken_pipe_ = false;
  bool failed_ = false;
};

// A one-line progress display on stderr, only when stderr is a terminal.
class Progress {
 public:
  Progress(size_t total_items, size_t total_bytes);
  void update(size_t items, size_t bytes);
  void finish();

 private:
  bool enabled_;
  size_t total_items_, total_bytes_;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace pith::cli
