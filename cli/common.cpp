#include "common.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "io/writer.h"

namespace pith::cli {

void report(std::string_view file, size_t offset, std::string_view what) {
  std::fprintf(stderr, "pith: %.*s:%zu: %.*s\n", static_cast<int>(file.size()), file.data(), offset,
               static_cast<int>(what.size()), what.data());
}

void report(std::string_view what) {
  std::fprintf(stderr, "pith: %.*s\n", static_cast<int>(what.size()), what.data());
}

bool Output::open(const std::string& path) {
  if (path.empty() || path == "-") {
    f_ = stdout;
    return true;
  }
  path_ = path;
  // A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written in place: renaming a
  // temporary file over it would replace the device with a regular file.
  struct stat st;
  if (stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    f_ = std::fopen(path.c_str(), "wb");
    if (!f_) {
      report(path, 0, std::string("cannot write: ") + std::strerror(errno));
      return false;
    }
    tmp_.clear();
    return true;
  }
  tmp_ = path + ".tmp." + std::to_string(getpid());
  temp_slot_ = register_temp_file(tmp_);  // removed on SIGINT/SIGTERM (main installs the handler)
  f_ = std::fopen(tmp_.c_str(), "wb");
  if (!f_) {
    unregister_temp_file(temp_slot_);
    temp_slot_ = -1;
    report(path, 0, std::string("cannot write: ") + std::strerror(errno));
    return false;
  }
  // A regular file is written in 1 MB blocks: with stdio's 4 KB buffer each record of a few
  // KB (pith clean -f jsonl, pith run) went out in a write() call of its own. (glibc ignores
  // the size unless it is given the buffer; the buffer is freed by close(), after fclose.)
  buf_ = static_cast<char*>(std::malloc(kBufferBytes));
  if (buf_) std::setvbuf(f_, buf_, _IOFBF, kBufferBytes);
  return true;
}

bool Output::fail(int err) {
  if (err == EPIPE) {
    broken_pipe_ = true;
  } else if (!failed_) {
    report(path_.empty() ? "stdout" : path_, 0, std::string("write failed: ") + std::strerror(err));
  }
  failed_ = true;
  return false;
}

bool Output::write(std::string_view s) {
  if (failed_ || !f_) return false;
  if (std::fwrite(s.data(), 1, s.size(), f_) != s.size()) return fail(errno);
  return true;
}

bool Output::close() {
  if (!f_) return false;
  if (f_ == stdout) {
    // Buffered bytes are written here; a full disk or a closed pipe shows up now.
    if (std::fflush(stdout) != 0 && !failed_) fail(errno);
    return !failed_ || broken_pipe_;
  }
  bool ok = !failed_ && std::fflush(f_) == 0;
  if (!ok && !failed_) fail(errno);
  ok = std::fclose(f_) == 0 && ok;
  f_ = nullptr;
  std::free(buf_);
  buf_ = nullptr;
  if (tmp_.empty()) return ok;
  if (ok && std::rename(tmp_.c_str(), path_.c_str()) != 0) ok = false;
  if (!ok) {
    if (!failed_) report(path_, 0, std::string("cannot finish writing: ") + std::strerror(errno));
    std::remove(tmp_.c_str());
  }
  unregister_temp_file(temp_slot_);
  temp_slot_ = -1;
  return ok;
}

Progress::Progress(size_t total_items, size_t total_bytes)
    : enabled_(isatty(STDERR_FILENO)), total_items_(total_items), total_bytes_(total_bytes),
      start_(std::chrono::steady_clock::now()), last_(start_) {}

void Progress::update(size_t items, size_t bytes) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(200) && items < total_items_) return;
  last_ = now;
  double secs = std::chrono::duration<double>(now - start_).count();
  double mbps = secs > 0 ? bytes / 1e6 / secs : 0;
  double eta = bytes > 0 && total_bytes_ > bytes ? secs * (total_bytes_ - bytes) / bytes : 0;
  std::fprintf(stderr, "\r%zu/%zu pages  %.1f pages/s  %.1f MB/s  ETA %.0fs   ", items, total_items_,
               secs > 0 ? items / secs : 0, mbps, eta);
}

void Progress::finish() {
  if (enabled_) std::fprintf(stderr, "\r\033[K");
}

}  // namespace pith::cli
