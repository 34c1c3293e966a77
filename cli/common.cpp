#include "common.h"

#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <thread>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "core/utf8.h"
#include "io/writer.h"

namespace pith::cli {

namespace {

// "\x1b": a byte as a visible escape.
void append_hex_escape(unsigned char c, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += "\\x";
  out.push_back(kHex[c >> 4]);
  out.push_back(kHex[c & 15]);
}

// "0.4s", "45s", "12m05s", "2h03m" (tenths below 10 s: a short run's ETA is not "0s" throughout).
std::string format_duration(double secs) {
  const auto s = static_cast<uint64_t>(secs + 0.5);
  char buf[32];
  if (secs < 9.95) std::snprintf(buf, sizeof buf, "%.1fs", secs);
  else if (s < 60) std::snprintf(buf, sizeof buf, "%llus", static_cast<unsigned long long>(s));
  else if (s < 3600) std::snprintf(buf, sizeof buf, "%llum%02llus", static_cast<unsigned long long>(s / 60),
                                   static_cast<unsigned long long>(s % 60));
  else std::snprintf(buf, sizeof buf, "%lluh%02llum", static_cast<unsigned long long>(s / 3600),
                     static_cast<unsigned long long>(s / 60 % 60));
  return buf;
}

// Columns of the terminal on stderr; a line longer than that wraps, and "\r\033[K" would clear
// only its last row.
size_t terminal_columns() {
  struct winsize ws {};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return 80;
}

constexpr std::string_view kClearLine = "\r\033[K";

}  // namespace

std::string escape_for_terminal(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  size_t i = 0;
  while (i < bytes.size()) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    const size_t len = utf8_sequence_length(bytes, i);
    if (len == 0) {  // invalid UTF-8: each byte of the bad sequence on its own
      append_hex_escape(c, out);
      ++i;
    } else if (len == 1 && (c < 0x20 || c == 0x7f)) {  // C0 (ESC, CR, LF, BS, ...) and DEL
      append_hex_escape(c, out);
      ++i;
    } else if (len == 2 && c == 0xc2 && static_cast<unsigned char>(bytes[i + 1]) < 0xa0) {
      // U+0080..U+009F, the C1 controls: some terminals take U+009B as CSI.
      append_hex_escape(c, out);
      append_hex_escape(static_cast<unsigned char>(bytes[i + 1]), out);
      i += 2;
    } else {
      out.append(bytes.substr(i, len));
      i += len;
    }
  }
  return out;
}

Console& console() {
  static Console instance;
  return instance;
}

void Console::set_quiet(bool quiet) {
  std::lock_guard lock(mu_);
  quiet_ = quiet;
}

bool Console::quiet() const {
  std::lock_guard lock(mu_);
  return quiet_;
}

void Console::set_rejects_path(std::string path) {
  std::lock_guard lock(mu_);
  rejects_path_ = std::move(path);
}

uint64_t Console::errors() const {
  std::lock_guard lock(mu_);
  return errors_;
}

void Console::error(std::string_view reason, std::string_view path, std::optional<uint64_t> offset,
                    std::string_view what) {
  std::lock_guard lock(mu_);
  ++errors_;
  auto it = tallies_.find(reason);
  if (it == tallies_.end()) it = tallies_.emplace(std::string(reason), Tally{}).first;
  if (++it->second.count <= kShownPerReason) message_locked(path, offset, what);
}

void Console::warning(std::string_view reason, std::string_view path, std::optional<uint64_t> offset,
                      std::string_view what) {
  std::lock_guard lock(mu_);
  if (quiet_) return;
  auto it = tallies_.find(reason);
  if (it == tallies_.end()) it = tallies_.emplace(std::string(reason), Tally{0, true}).first;
  if (++it->second.count <= kShownPerReason) message_locked(path, offset, what);
}

void Console::fail(std::string_view what) {
  std::lock_guard lock(mu_);
  print_locked("pith: " + escape_for_terminal(what) + "\n");
}

void Console::summary(std::string_view what) {
  std::lock_guard lock(mu_);
  if (!quiet_) print_locked("pith: " + escape_for_terminal(what) + "\n");
}

void Console::message_locked(std::string_view path, std::optional<uint64_t> offset, std::string_view what) {
  std::string line = "pith: ";
  if (!path.empty()) {
    line += escape_for_terminal(path);
    if (offset) line += ":" + std::to_string(*offset);
    line += ": ";
  }
  line += escape_for_terminal(what);
  line.push_back('\n');
  print_locked(line);
}

void Console::print_locked(const std::string& line) {
  // One write for the cleared bar, the message and the bar again: nothing else can land
  // between them, and the terminal never shows the message over the bar.
  std::string out;
  if (line_shown_) out += kClearLine;
  out += line;
  if (line_shown_) out += line_;
  std::fwrite(out.data(), 1, out.size(), stderr);
  std::fflush(stderr);
}

void Console::output_on_stdout() {
  std::lock_guard lock(mu_);
  if (!isatty(STDOUT_FILENO)) return;
  stdout_is_terminal_output_ = true;
  clear_line_locked();
  progress_on_ = false;
}

void Console::start_progress(const ProgressTotals& totals) {
  std::lock_guard lock(mu_);
  clear_line_locked();
  totals_ = totals;
  unit_ = totals.unit;
  totals_.unit = unit_;
  counts_ = {};
  progress_on_ = !quiet_ && !stdout_is_terminal_output_ && isatty(STDERR_FILENO);
  start_ = std::chrono::steady_clock::now();
  last_draw_ = start_;  // the first line after kRedrawInterval: a run that ends sooner shows none
}

void Console::progress(const ProgressCounts& counts) {
  std::lock_guard lock(mu_);
  if (!progress_on_) return;
  counts_ = counts;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < kRedrawInterval) return;
  draw_locked(now);
}

void Console::draw_locked(std::chrono::steady_clock::time_point now) {
  last_draw_ = now;
  const double secs = std::chrono::duration<double>(now - start_).count();
  char buf[64];
  std::string l;
  if (totals_.files > 1) l += std::to_string(counts_.files) + "/" + std::to_string(totals_.files) + " files  ";
  l += std::to_string(counts_.items);
  if (totals_.items) l += "/" + std::to_string(totals_.items);
  l += " " + unit_;
  std::snprintf(buf, sizeof buf, "  %.0f %s/s", secs > 0 ? counts_.items / secs : 0.0, unit_.c_str());
  l += buf;
  if (counts_.bytes) {
    std::snprintf(buf, sizeof buf, "  %.1f MB/s", secs > 0 ? counts_.bytes / 1e6 / secs : 0.0);
    l += buf;
  }
  if (counts_.bytes_uncompressed) {
    std::snprintf(buf, sizeof buf, " (%.1f MB/s uncompressed)", secs > 0 ? counts_.bytes_uncompressed / 1e6 / secs : 0.0);
    l += buf;
  }
  // The share done: by bytes when the inputs' size is known (records differ in size, files
  // too), else by items.
  double done = -1;
  if (totals_.bytes) done = std::min(1.0, static_cast<double>(counts_.bytes) / totals_.bytes);
  else if (totals_.items) done = std::min(1.0, static_cast<double>(counts_.items) / totals_.items);
  if (done >= 0) {
    std::snprintf(buf, sizeof buf, "  %.0f%%", 100 * done);
    l += buf;
    l += "  ETA ";
    l += done > 0 ? format_duration(secs * (1 - done) / done) : "--";
  }
  const size_t width = terminal_columns();
  if (l.size() >= width) l.resize(width - 1);  // ASCII only: bytes are columns
  line_ = std::string(kClearLine) + l;
  line_shown_ = true;
  std::fwrite(line_.data(), 1, line_.size(), stderr);
  std::fflush(stderr);
}

void Console::clear_line_locked() {
  if (!line_shown_) return;
  std::fwrite(kClearLine.data(), 1, kClearLine.size(), stderr);
  std::fflush(stderr);
  line_shown_ = false;
}

void Console::finish() {
  std::lock_guard lock(mu_);
  clear_line_locked();
  progress_on_ = false;
  for (auto& [reason, tally] : tallies_) {
    if (tally.count <= kShownPerReason) continue;
    // "pith: 1234 more bad_record errors not shown (all are in --rejects rejects.jsonl)"
    std::string line = "pith: " + std::to_string(tally.count - kShownPerReason) + " more ";
    if (!reason.empty()) line += escape_for_terminal(reason) + " ";
    line += tally.warning ? "warnings not shown" : "errors not shown";
    if (!tally.warning && !rejects_path_.empty()) line += " (all are in --rejects " + escape_for_terminal(rejects_path_) + ")";
    line.push_back('\n');
    print_locked(line);
    tally.count = kShownPerReason;  // said once
  }
}

void report(std::string_view what) { console().fail(what); }

namespace {
bool quiet_flag = false;  // -q/--quiet of whichever subcommand ran
}  // namespace

void add_common_options(CLI::App& sub) {
  sub.add_flag("-q,--quiet", quiet_flag,
               "No progress line, warnings or summary on stderr; errors are still printed (the first " +
                   std::to_string(kShownPerReason) + " of each reason) and the exit code is the same");
}

void apply_common_options() { console().set_quiet(quiet_flag); }

ReaderOptions reader_options(std::string_view input_format, const std::string& field, std::string_view default_field,
                             PageKind want, size_t max_record_bytes) {
  ReaderOptions ro;
  ro.format = parse_input_format(input_format).value_or(InputFormat::kAuto);
  if (!field.empty() && ro.format == InputFormat::kAuto) ro.format = InputFormat::kJsonl;
  ro.want = want;
  ro.field = field.empty() ? std::string(default_field) : field;
  ro.max_record_bytes = max_record_bytes;
  return ro;
}

std::string all_cores_default() {
  return "all cores (" + std::to_string(std::max(1u, std::thread::hardware_concurrency())) + ")";
}

bool Output::open(const std::string& path) {
  if (path.empty() || path == "-") {
    f_ = stdout;
    console().output_on_stdout();
    return true;
  }
  path_ = path;
  // A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written in place: renaming a
  // temporary file over it would replace the device with a regular file.
  struct stat st;
  if (stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    f_ = std::fopen(path.c_str(), "wb");
    if (!f_) {
      report(path + ": cannot write: " + std::strerror(errno));
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
    report(path + ": cannot write: " + std::strerror(errno));
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
    report((path_.empty() ? std::string("stdout") : path_) + ": write failed: " + std::strerror(err));
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
    if (!failed_) report(path_ + ": cannot finish writing: " + std::strerror(errno));
    std::remove(tmp_.c_str());
  }
  unregister_temp_file(temp_slot_);
  temp_slot_ = -1;
  return ok;
}

}  // namespace pith::cli
