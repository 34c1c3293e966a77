#include "io/writer.h"

#include <execinfo.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>

#include "core/strings.h"
#include "core/work_item.h"

namespace pith {

namespace {
constexpr size_t kPendingBytes = 1 << 20;  // compress in 1 MiB steps
constexpr int kZstdLevel = 3;              // zstd's own default level

// Temporary files open at once: a pith run holds about five (part, rejects, hashes, marker,
// stats), the other commands one; 64 leaves room for library callers with more writers.
constexpr int kTempSlots = 64;
constexpr size_t kTempPathMax = 4096;  // PATH_MAX on Linux

// One registered path. The signal handler may read it at any time, so it is guarded by a
// sequence counter instead of a lock: odd while the path changes; a reader that sees the same
// even value before and after copying the path has a whole one.
struct TempSlot {
  std::atomic<bool> claimed{false};
  std::atomic<uint32_t> seq{0};
  std::atomic<bool> live{false};
  char path[kTempPathMax];
};
static_assert(std::atomic<uint32_t>::is_always_lock_free && std::atomic<bool>::is_always_lock_free,
              "the signal handler needs lock-free atomics");
TempSlot g_temp_slots[kTempSlots];

void remove_registered_temp_files() {
  char path[kTempPathMax];
  for (TempSlot& s : g_temp_slots) {
    uint32_t before = s.seq.load(std::memory_order_acquire);
    if ((before & 1) || !s.live.load(std::memory_order_acquire)) continue;
    std::memcpy(path, s.path, sizeof path);
    std::atomic_thread_fence(std::memory_order_acquire);
    if (s.seq.load(std::memory_order_relaxed) != before) continue;
    path[kTempPathMax - 1] = '\0';
    ::unlink(path);
  }
}

extern "C" void on_terminating_signal(int sig) {
  int saved_errno = errno;
  remove_registered_temp_files();
  errno = saved_errno;
  // SA_RESETHAND put back the default action: the raised signal ends the process as it would
  // have without the handler (once this handler returns, as the signal is blocked inside it).
  ::raise(sig);
}

constexpr int kCleanupSignals[] = {SIGINT, SIGTERM, SIGHUP};

struct CrashSignal {
  int sig;
  const char* name;
};
constexpr CrashSignal kCrashSignals[] = {
    {SIGSEGV, "SIGSEGV"}, {SIGBUS, "SIGBUS"}, {SIGFPE, "SIGFPE"}, {SIGILL, "SIGILL"}, {SIGABRT, "SIGABRT"}};
constexpr size_t kCrashStackBytes = 64 * 1024;  // room for the handler and backtrace()
constexpr int kBacktraceFrames = 48;

void write_stderr(const char* s) {
  size_t n = std::strlen(s);
  while (n > 0) {
    ssize_t w = ::write(STDERR_FILENO, s, n);
    if (w <= 0) return;
    s += w;
    n -= static_cast<size_t>(w);
  }
}

extern "C" void on_crash_signal(int sig) {
  const char* name = "a fatal signal";
  for (const CrashSignal& c : kCrashSignals)
    if (c.sig == sig) name = c.name;
  write_stderr("pith: crashed (");
  write_stderr(name);
  write_stderr(")");
  if (const char* item = current_work_item()) {
    write_stderr(" while working on ");
    write_stderr(item);
  }
  write_stderr("; this is a bug in pith: please report it with that input. Backtrace:\n");
  void* frames[kBacktraceFrames];
  int n = ::backtrace(frames, kBacktraceFrames);
  ::backtrace_symbols_fd(frames, n, STDERR_FILENO);
  remove_registered_temp_files();
  ::raise(sig);  // SA_RESETHAND: the default action now ends the process
}

// An alternate signal stack for this thread, freed when the thread ends.
struct CrashStack {
  std::unique_ptr<char[]> bytes;
  ~CrashStack() {
    if (!bytes) return;
    stack_t off{};
    off.ss_flags = SS_DISABLE;
    ::sigaltstack(&off, nullptr);
  }
};

void prepare_thread_for_crash_report() {
  static thread_local CrashStack stack;
  if (stack.bytes) return;
  stack.bytes = std::make_unique<char[]>(kCrashStackBytes);
  stack_t ss{};
  ss.ss_sp = stack.bytes.get();
  ss.ss_size = kCrashStackBytes;
  if (::sigaltstack(&ss, nullptr) != 0) stack.bytes.reset();
}
}  // namespace

int register_temp_file(std::string_view path) {
  if (path.size() >= kTempPathMax) return -1;
  for (int i = 0; i < kTempSlots; ++i) {
    TempSlot& s = g_temp_slots[i];
    bool expected = false;
    if (!s.claimed.compare_exchange_strong(expected, true, std::memory_order_acquire)) continue;
    s.seq.fetch_add(1, std::memory_order_acq_rel);
    std::memcpy(s.path, path.data(), path.size());
    s.path[path.size()] = '\0';
    s.live.store(true, std::memory_order_relaxed);
    s.seq.fetch_add(1, std::memory_order_release);
    return i;
  }
  return -1;
}

void unregister_temp_file(int slot) {
  if (slot < 0 || slot >= kTempSlots) return;
  TempSlot& s = g_temp_slots[slot];
  s.seq.fetch_add(1, std::memory_order_acq_rel);
  s.live.store(false, std::memory_order_relaxed);
  s.seq.fetch_add(1, std::memory_order_release);
  s.claimed.store(false, std::memory_order_release);
}

void install_temp_file_cleanup() {
  for (int sig : kCleanupSignals) {
    struct sigaction old{};
    if (::sigaction(sig, nullptr, &old) != 0 || old.sa_handler == SIG_IGN) continue;
    struct sigaction sa{};
    sa.sa_handler = on_terminating_signal;
    sigemptyset(&sa.sa_mask);
    for (int other : kCleanupSignals) sigaddset(&sa.sa_mask, other);
    sa.sa_flags = SA_RESETHAND;
    ::sigaction(sig, &sa, nullptr);
  }
}

void install_crash_report() {
  // backtrace() loads libgcc on its first call, which is not safe inside a handler: call it once now.
  void* warm[1];
  ::backtrace(warm, 1);
  detail::prepare_thread = prepare_thread_for_crash_report;
  prepare_thread_for_crash_report();
  for (const CrashSignal& c : kCrashSignals) {
    struct sigaction sa{};
    sa.sa_handler = on_crash_signal;
    sigemptyset(&sa.sa_mask);
    for (int other : kCleanupSignals) sigaddset(&sa.sa_mask, other);
    sa.sa_flags = SA_RESETHAND | SA_ONSTACK;
    ::sigaction(c.sig, &sa, nullptr);
  }
}

struct AtomicWriter::Codec {
  z_stream zs{};
  bool zs_init = false;
  ZSTD_CCtx* zc = nullptr;
  std::string out;
  ~Codec() {
    if (zs_init) deflateEnd(&zs);
    if (zc) ZSTD_freeCCtx(zc);
  }
};

Compression compression_for_name(std::string_view path) {
  std::string p = ascii_lowercase(path);
  if (p.ends_with(".gz")) return Compression::kGzip;
  if (p.ends_with(".zst") || p.ends_with(".zstd")) return Compression::kZstd;
  return Compression::kNone;
}

AtomicWriter::AtomicWriter() = default;
AtomicWriter::~AtomicWriter() { abandon(); }

Result<bool> AtomicWriter::open(const std::string& path, Compression c) {
  abandon();
  path_ = path;
  tmp_ = path + ".tmp-" + std::to_string(getpid());
  c_ = c;
  temp_slot_ = register_temp_file(tmp_);  // before the file exists, so a signal never misses it
  f_ = std::fopen(tmp_.c_str(), "wb");
  if (!f_) {
    int err = errno;
    unregister_temp_file(temp_slot_);
    temp_slot_ = -1;
    return Error{ErrorCode::kIo, "cannot write " + tmp_ + ": " + std::strerror(err)};
  }
  codec_ = std::make_unique<Codec>();
  if (c == Compression::kGzip) {
    // Level 6 = zlib's default; windowBits 15 + 16 = a gzip wrapper.
    if (deflateInit2(&codec_->zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
      return Error{ErrorCode::kIo, "zlib init failed"};
    codec_->zs_init = true;
  } else if (c == Compression::kZstd) {
    codec_->zc = ZSTD_createCCtx();
    ZSTD_CCtx_setParameter(codec_->zc, ZSTD_c_compressionLevel, kZstdLevel);
  }
  bytes_in_ = 0;
  pending_.clear();
  return true;
}

Result<bool> AtomicWriter::flush_compressed(bool finish) {
  std::string& out = codec_->out;
  out.resize(std::max<size_t>(pending_.size() + pending_.size() / 8 + 4096, 1 << 16));
  if (c_ == Compression::kGzip) {
    z_stream& zs = codec_->zs;
    zs.next_in = reinterpret_cast<Bytef*>(pending_.data());
    zs.avail_in = static_cast<uInt>(pending_.size());
    int ret;
    do {
      zs.next_out = reinterpret_cast<Bytef*>(out.data());
      zs.avail_out = static_cast<uInt>(out.size());
      ret = deflate(&zs, finish ? Z_FINISH : Z_NO_FLUSH);
      size_t n = out.size() - zs.avail_out;
      if (n && std::fwrite(out.data(), 1, n, f_) != n) return Error{ErrorCode::kIo, std::strerror(errno)};
    } while (zs.avail_in > 0 || (finish && ret != Z_STREAM_END));
  } else {
    ZSTD_inBuffer in{pending_.data(), pending_.size(), 0};
    size_t remaining;
    do {
      ZSTD_outBuffer ob{out.data(), out.size(), 0};
      remaining = ZSTD_compressStream2(codec_->zc, &ob, &in, finish ? ZSTD_e_end : ZSTD_e_continue);
      if (ZSTD_isError(remaining)) return Error{ErrorCode::kIo, ZSTD_getErrorName(remaining)};
      if (ob.pos && std::fwrite(out.data(), 1, ob.pos, f_) != ob.pos) return Error{ErrorCode::kIo, std::strerror(errno)};
    } while (in.pos < in.size || (finish && remaining != 0));
  }
  pending_.clear();
  return true;
}

Result<bool> AtomicWriter::write(std::string_view bytes) {
  if (!f_) return Error{ErrorCode::kIo, "writer is not open"};
  bytes_in_ += bytes.size();
  if (c_ == Compression::kNone) {
    if (std::fwrite(bytes.data(), 1, bytes.size(), f_) != bytes.size())
      return Error{ErrorCode::kIo, "write failed: " + std::string(std::strerror(errno))};
    return true;
  }
  pending_.append(bytes);
  if (pending_.size() >= kPendingBytes) return flush_compressed(false);
  return true;
}

Result<bool> AtomicWriter::commit() {
  if (!f_) return Error{ErrorCode::kIo, "writer is not open"};
  if (c_ != Compression::kNone) {
    auto r = flush_compressed(true);
    if (!r) {
      abandon();
      return r.error();
    }
  }
  bool ok = std::fclose(f_) == 0;
  f_ = nullptr;
  if (!ok || std::rename(tmp_.c_str(), path_.c_str()) != 0) {
    std::string why = std::strerror(errno);
    std::remove(tmp_.c_str());
    unregister_temp_file(temp_slot_);
    temp_slot_ = -1;
    return Error{ErrorCode::kIo, "cannot finish " + path_ + ": " + why};
  }
  unregister_temp_file(temp_slot_);
  temp_slot_ = -1;
  codec_.reset();
  return true;
}

void AtomicWriter::abandon() {
  if (!f_) return;
  std::fclose(f_);
  f_ = nullptr;
  std::remove(tmp_.c_str());
  unregister_temp_file(temp_slot_);
  temp_slot_ = -1;
  codec_.reset();
}

Result<bool> write_file_atomic(const std::string& path, std::string_view bytes) {
  AtomicWriter w;
  auto r = w.open(path, Compression::kNone);
  if (!r) return r;
  r = w.write(bytes);
  if (!r) return r;
  return w.commit();
}

}  // namespace pith
