#include "io/stream.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#if __has_include(<isa-l.h>)
#include <isa-l.h>
#define PITH_HAVE_ISAL 1
#else
#define PITH_HAVE_ISAL 0
#endif

namespace pith {

namespace {

constexpr size_t kInputChunk = 1 << 20;  // 1 MiB reads: large enough that syscalls do not show
// The first read of a file is smaller and each next one twice as large up to kInputChunk: a
// folder of 30 KB pages would otherwise zero-fill (grow) megabytes of buffers per page.
constexpr size_t kFirstChunk = 64u << 10;
// How far back the compressed bytes of the member being decoded are kept, so that a member that
// turns out broken can be searched for the members inside it (a cut member swallows the ones
// after it). Per-record members of crawl files are far smaller; a whole-file member is not kept.
constexpr size_t kMaxKeepBack = 4u << 20;
// A candidate member found by the resync search is accepted when inflating its first bytes
// gives output (or the member's end) without an error; one that has not produced a byte after
// this much input is taken for bytes that only look like a header.
constexpr size_t kProbeInput = 16u << 10;
constexpr size_t kProbeOutputEnough = 64u << 10;

// The compressed (or plain) bytes of a file or of a memory buffer, in a sliding window.
class RawInput {
 public:
  RawInput(int fd, bool owns) : fd_(fd), owns_(owns) {}
  explicit RawInput(std::string_view data) : len_(data.size()), eof_(true) {
    buf_.grow(data.size(), 0);
    if (!data.empty()) std::memcpy(buf_.data(), data.data(), data.size());
  }
  ~RawInput() {
    if (owns_ && fd_ >= 0) ::close(fd_);
  }
  const char* data() const { return buf_.data(); }
  size_t pos() const { return pos_; }
  size_t len() const { return len_; }
  size_t avail() const { return len_ - pos_; }
  void advance(size_t n) { pos_ += n; }
  void set_pos(size_t p) { pos_ = p; }
  uint64_t base() const { return base_; }
  uint64_t offset() const { return base_ + pos_; }
  bool eof() const { return eof_; }
  // Bytes from this absolute offset on are kept by refill() while they are within kMaxKeepBack.
  void set_mark(uint64_t at) { mark_ = at; }
  // Keeps the bytes from keep_from on, reads more after them. False when nothing new came.
  bool refill(size_t keep_from, std::vector<Error>& errors) {
    if (eof_) return false;
    keep_from = std::min(keep_from, pos_);
    if (mark_ >= base_ && mark_ - base_ < keep_from && base_ + pos_ - mark_ <= kMaxKeepBack)
      keep_from = static_cast<size_t>(mark_ - base_);
    if (keep_from > 0) {
      std::memmove(buf_.data(), buf_.data() + keep_from, len_ - keep_from);
      base_ += keep_from;
      pos_ -= keep_from;
      len_ -= keep_from;
    }
    // buf_.size() is the room, len_ the bytes in it.
    buf_.grow(len_ + chunk_, len_);
    const size_t chunk = chunk_;
    chunk_ = std::min(chunk_ * 2, kInputChunk);
    while (true) {
      ssize_t n = ::read(fd_, buf_.data() + len_, chunk);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        errors.push_back(Error{ErrorCode::kIo, std::string("read error: ") + std::strerror(errno), base_ + len_});
        eof_ = true;
        return false;
      }
      if (n == 0) eof_ = true;
      len_ += static_cast<size_t>(n);
      return n > 0;
    }
  }
  bool refill(std::vector<Error>& errors) { return refill(pos_, errors); }
  // Moves pos to the next occurrence of magic at or after absolute offset `from` (or the oldest
  // byte still kept, when `from` is older). False at the end.
  bool seek_magic(std::string_view magic, uint64_t from, std::vector<Error>& errors) {
    while (true) {
      size_t start = from > base_ ? static_cast<size_t>(std::min<uint64_t>(from - base_, len_)) : 0;
      std::string_view hay(buf_.data() + start, len_ - start);
      size_t hit = hay.find(magic);
      if (hit != std::string_view::npos) {
        pos_ = start + hit;
        return true;
      }
      // Go on from the last magic.size() - 1 bytes: a match may straddle the refill.
      size_t tail = len_ >= start + magic.size() - 1 ? len_ - (magic.size() - 1) : start;
      pos_ = tail;
      from = base_ + tail;
      if (!refill(tail, errors)) {
        pos_ = len_;
        return false;
      }
    }
  }
  // Reads until n bytes are available from pos (fewer at the end of the file).
  void ensure(size_t n, std::vector<Error>& errors) {
    while (avail() < n && refill(pos_, errors)) {
    }
  }

 private:
  int fd_ = -1;
  bool owns_ = false;
  size_t chunk_ = kFirstChunk;
  ByteBuffer buf_;
  size_t pos_ = 0, len_ = 0;
  uint64_t base_ = 0;
  uint64_t mark_ = UINT64_MAX;
  bool eof_ = false;
};

class PlainSource : public ByteSource {
 public:
  explicit PlainSource(std::unique_ptr<RawInput> in) : in_(std::move(in)) {}
  size_t read(char* buf, size_t n) override {
    if (in_->avail() == 0 && !in_->refill(errors_)) return 0;
    size_t k = std::min(n, in_->avail());
    std::memcpy(buf, in_->data() + in_->pos(), k);
    in_->advance(k);
    return k;
  }
  uint64_t raw_offset() const override { return in_->offset(); }

 private:
  std::unique_ptr<RawInput> in_;
};

// Decodes a sequence of members/frames. A broken one (corrupt, or cut short so that its decoder
// ran into the members after it) is reported, and the next member is searched for from the byte
// after the broken one's start: the members it swallowed are read, not lost. A candidate is
// taken only when decoding its first bytes works (probe), so bytes that merely look like a
// header are passed over.
class MemberSource : public ByteSource {
 public:
  MemberSource(std::unique_ptr<RawInput> in, std::string_view magic, std::string_view what)
      : in_(std::move(in)), magic_(magic), what_(what) {}
  uint64_t raw_offset() const override { return in_->offset(); }

  size_t read(char* buf, size_t n) override {
    size_t produced = 0;
    while (produced == 0 && !done_) {
      if (!in_member_) {
        if (in_->avail() < magic_.size()) in_->refill(in_->pos(), errors_);
        if (in_->avail() == 0) {
          done_ = true;
          break;
        }
        std::string_view head(in_->data() + in_->pos(), std::min(in_->avail(), magic_.size()));
        if (head != magic_) {
          if (all_zero_tail()) {  // padding after the last member is not an error
            done_ = true;
            break;
          }
          uint64_t at = in_->offset();
          errors_.push_back(Error{ErrorCode::kBadInput, "not " + std::string(what_) + " data; skipped to the next " +
                                                            std::string(what_) + " header", at});
          if (!resync(at + 1)) {
            done_ = true;
            break;
          }
        }
        member_start_ = in_->offset();
        in_->set_mark(member_start_);
        start_member();
        in_member_ = true;
      }
      // With no input left the decoder may still hold output: it is stepped with none, and the
      // member is truncated only when that gives nothing.
      if (in_->avail() == 0) in_->refill(in_->pos(), errors_);
      size_t used = 0;
      const size_t before = produced;
      Step s = step(in_->data() + in_->pos(), in_->avail(), buf + produced, n - produced, used, produced);
      in_->advance(used);
      if (s == Step::kError) {
        errors_.push_back(Error{ErrorCode::kIo, "corrupt " + std::string(what_) + " member (" + last_error_ +
                                                    "); skipped to the next member",
                                member_start_});
        in_member_ = false;
        if (!resync(member_start_ + 1)) done_ = true;
      } else if (s == Step::kMemberEnd) {
        in_member_ = false;
      } else if (s == Step::kNeedInput) {
        if (!in_->refill(in_->pos(), errors_) && in_->avail() == 0 && produced == before) truncated();
      }
    }
    return produced;
  }

 protected:
  enum class Step { kOk, kNeedInput, kMemberEnd, kError };
  virtual void start_member() = 0;
  // Decodes from in[0..in_len) into out[0..out_len); sets used and adds to produced.
  virtual Step step(const char* in, size_t in_len, char* out, size_t out_len, size_t& used, size_t& produced) = 0;
  // Whether in[0..in_len) starts a member that decodes: output or the member's end, no error.
  virtual bool probe(const char* in, size_t in_len) = 0;
  std::string last_error_;

 private:
  // The file ends inside the member. What its decoder read may hold whole members (a member cut
  // short runs on into the next ones): they are searched for.
  void truncated() {
    errors_.push_back(Error{ErrorCode::kIo, "truncated " + std::string(what_) + " member (the file ends inside it)",
                            member_start_});
    in_member_ = false;
    if (!resync(member_start_ + 1)) done_ = true;
  }
  // Moves to the first member at or after `from` that passes probe(). False when there is none.
  bool resync(uint64_t from) {
    while (in_->seek_magic(magic_, from, errors_)) {
      in_->ensure(kProbeInput, errors_);
      if (probe(in_->data() + in_->pos(), std::min(in_->avail(), kProbeInput))) return true;
      from = in_->offset() + 1;
    }
    return false;
  }
  bool all_zero_tail() {
    while (true) {
      const char* p = in_->data() + in_->pos();
      for (size_t i = 0; i < in_->avail(); ++i)
        if (p[i] != 0) return false;
      in_->advance(in_->avail());
      if (!in_->refill(errors_)) return true;
    }
  }
  std::unique_ptr<RawInput> in_;
  std::string magic_;
  std::string_view what_;
  bool in_member_ = false, done_ = false;
  uint64_t member_start_ = 0;
};

constexpr std::string_view kGzipMagic("\x1f\x8b\x08", 3);
constexpr std::string_view kZstdMagic("\x28\xb5\x2f\xfd", 4);

// probe() for gzip (both inflaters): zlib over the candidate's first bytes.
bool probe_gzip(const char* in, size_t in_len) {
  z_stream zs{};
  if (inflateInit2(&zs, 16 + 15) != Z_OK) return false;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in));
  zs.avail_in = static_cast<uInt>(in_len);
  char out[16384];
  size_t produced = 0;
  int ret;
  do {
    zs.next_out = reinterpret_cast<Bytef*>(out);
    zs.avail_out = sizeof out;
    ret = inflate(&zs, Z_NO_FLUSH);
    produced += sizeof out - zs.avail_out;
  } while (ret == Z_OK && zs.avail_in > 0 && produced < kProbeOutputEnough);
  inflateEnd(&zs);
  if (ret == Z_STREAM_END) return true;
  return (ret == Z_OK || ret == Z_BUF_ERROR) && produced > 0;
}

bool probe_zstd(const char* in, size_t in_len) {
  ZSTD_DCtx* dctx = ZSTD_createDCtx();
  if (!dctx) return false;
  ZSTD_inBuffer ib{in, in_len, 0};
  char out[16384];
  size_t produced = 0, ret;
  do {
    ZSTD_outBuffer ob{out, sizeof out, 0};
    ret = ZSTD_decompressStream(dctx, &ob, &ib);
    produced += ob.pos;
    if (ZSTD_isError(ret) || ret == 0 || (ob.pos == 0 && ib.pos == ib.size)) break;
  } while (produced < kProbeOutputEnough);
  ZSTD_freeDCtx(dctx);
  if (ZSTD_isError(ret)) return false;
  return ret == 0 || produced > 0;
}

class ZlibSource : public MemberSource {
 public:
  explicit ZlibSource(std::unique_ptr<RawInput> in) : MemberSource(std::move(in), kGzipMagic, "gzip") {
    inflateInit2(&zs_, 16 + 15);  // gzip wrapper only
  }
  ~ZlibSource() override { inflateEnd(&zs_); }

 protected:
  void start_member() override { inflateReset(&zs_); }
  bool probe(const char* in, size_t in_len) override { return probe_gzip(in, in_len); }
  Step step(const char* in, size_t in_len, char* out, size_t out_len, size_t& used, size_t& produced) override {
    zs_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in));
    zs_.avail_in = static_cast<uInt>(std::min<size_t>(in_len, UINT32_MAX));
    zs_.next_out = reinterpret_cast<Bytef*>(out);
    zs_.avail_out = static_cast<uInt>(std::min<size_t>(out_len, UINT32_MAX));
    int ret = inflate(&zs_, Z_NO_FLUSH);
    used = in_len - zs_.avail_in;
    produced += out_len - zs_.avail_out;
    if (ret == Z_STREAM_END) return Step::kMemberEnd;
    if (ret == Z_OK) return zs_.avail_in == 0 ? Step::kNeedInput : Step::kOk;
    if (ret == Z_BUF_ERROR) return zs_.avail_in == 0 ? Step::kNeedInput : Step::kOk;
    last_error_ = zs_.msg ? zs_.msg : "zlib error " + std::to_string(ret);
    return Step::kError;
  }

 private:
  z_stream zs_{};
};

#if PITH_HAVE_ISAL
class IsalSource : public MemberSource {
 public:
  explicit IsalSource(std::unique_ptr<RawInput> in) : MemberSource(std::move(in), kGzipMagic, "gzip") {
    isal_inflate_init(&st_);
  }

 protected:
  void start_member() override {
    isal_inflate_reset(&st_);
    st_.crc_flag = ISAL_GZIP;
  }
  bool probe(const char* in, size_t in_len) override { return probe_gzip(in, in_len); }
  Step step(const char* in, size_t in_len, char* out, size_t out_len, size_t& used, size_t& produced) override {
    st_.next_in = reinterpret_cast<uint8_t*>(const_cast<char*>(in));
    st_.avail_in = static_cast<uint32_t>(std::min<size_t>(in_len, UINT32_MAX));
    st_.next_out = reinterpret_cast<uint8_t*>(out);
    st_.avail_out = static_cast<uint32_t>(std::min<size_t>(out_len, UINT32_MAX));
    int ret = isal_inflate(&st_);
    used = in_len - st_.avail_in;
    produced += out_len - st_.avail_out;
    if (ret < 0) {
      last_error_ = ret == ISAL_INCORRECT_CHECKSUM ? "checksum mismatch"
                    : ret == ISAL_INVALID_WRAPPER  ? "bad gzip header"
                                                   : "invalid deflate data";
      return Step::kError;
    }
    if (st_.block_state == ISAL_BLOCK_FINISH) return Step::kMemberEnd;
    return st_.avail_in == 0 ? Step::kNeedInput : Step::kOk;
  }

 private:
  inflate_state st_{};
};
#endif

class ZstdSource : public MemberSource {
 public:
  explicit ZstdSource(std::unique_ptr<RawInput> in)
      : MemberSource(std::move(in), kZstdMagic, "zstd"), dctx_(ZSTD_createDCtx()) {}
  ~ZstdSource() override { ZSTD_freeDCtx(dctx_); }

 protected:
  void start_member() override { ZSTD_DCtx_reset(dctx_, ZSTD_reset_session_only); }
  bool probe(const char* in, size_t in_len) override { return probe_zstd(in, in_len); }
  Step step(const char* in, size_t in_len, char* out, size_t out_len, size_t& used, size_t& produced) override {
    ZSTD_inBuffer ib{in, in_len, 0};
    ZSTD_outBuffer ob{out, out_len, 0};
    size_t ret = ZSTD_decompressStream(dctx_, &ob, &ib);
    used = ib.pos;
    produced += ob.pos;
    if (ZSTD_isError(ret)) {
      last_error_ = ZSTD_getErrorName(ret);
      return Step::kError;
    }
    if (ret == 0) return Step::kMemberEnd;  // a frame is complete and flushed
    return ib.pos == ib.size && ob.pos < ob.size ? Step::kNeedInput : Step::kOk;
  }

 private:
  ZSTD_DCtx* dctx_;
};

std::unique_ptr<ByteSource> stack(std::unique_ptr<RawInput> in, Inflater inflater) {
  std::vector<Error> errors;
  if (in->avail() < 4) in->refill(errors);
  Compression c = sniff_compression(std::string_view(in->data() + in->pos(), in->avail()));
  std::unique_ptr<ByteSource> src;
  switch (c) {
    case Compression::kGzip:
#if PITH_HAVE_ISAL
      if (inflater == Inflater::kIsal) {
        src = std::make_unique<IsalSource>(std::move(in));
        break;
      }
#endif
      src = std::make_unique<ZlibSource>(std::move(in));
      break;
    case Compression::kZstd: src = std::make_unique<ZstdSource>(std::move(in)); break;
    case Compression::kNone: src = std::make_unique<PlainSource>(std::move(in)); break;
  }
  return src;
}

}  // namespace

std::string_view compression_name(Compression c) {
  switch (c) {
    case Compression::kNone: return "none";
    case Compression::kGzip: return "gzip";
    case Compression::kZstd: return "zstd";
  }
  return "none";
}

Compression sniff_compression(std::string_view head) {
  if (head.size() >= 2 && head[0] == '\x1f' && head[1] == '\x8b') return Compression::kGzip;
  if (head.size() >= 4 && head.substr(0, 4) == kZstdMagic) return Compression::kZstd;
  return Compression::kNone;
}

Result<std::unique_ptr<ByteSource>> open_source(const std::string& path, Inflater inflater) {
  int fd = path == "-" ? 0 : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Error{ErrorCode::kIo, std::strerror(errno)};
  auto in = std::make_unique<RawInput>(fd, path != "-");
  return stack(std::move(in), inflater);
}

std::unique_ptr<ByteSource> memory_source(std::string data, Inflater inflater) {
  return stack(std::make_unique<RawInput>(data), inflater);
}

// ---- ByteBuffer ----

void ByteBuffer::grow(size_t n, size_t keep) {
  if (n <= size_) return;
  auto bigger = std::make_unique_for_overwrite<char[]>(n);
  if (keep > 0) std::memcpy(bigger.get(), data_.get(), keep);
  data_ = std::move(bigger);
  size_ = n;
}

// ---- BufferedReader ----

BufferedReader::BufferedReader(std::unique_ptr<ByteSource> src) : src_(std::move(src)) {}

bool BufferedReader::fill() {
  if (eof_) return false;
  // Drop what was consumed once it is at least what is left: the move is then shorter than
  // what it frees. buf_.size() is the room, end_ the bytes in it.
  if (pos_ > 0 && pos_ >= end_ - pos_) {
    std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
  }
  buf_.grow(end_ + chunk_, end_);
  size_t n = src_->read(buf_.data() + end_, chunk_);
  chunk_ = std::min(chunk_ * 2, kInputChunk);
  end_ += n;
  if (n == 0) eof_ = true;
  return n > 0;
}

bool BufferedReader::at_end() { return pos_ == end_ && !fill(); }

bool BufferedReader::read_line(std::string& line, size_t max_len, bool* too_long) {
  line.clear();
  if (too_long) *too_long = false;
  bool any = false;
  while (true) {
    if (pos_ == end_ && !fill()) {
      return any;
    }
    any = true;
    std::string_view rest(buf_.data() + pos_, end_ - pos_);
    size_t nl = rest.find('\n');
    size_t take = nl == std::string_view::npos ? rest.size() : nl;
    size_t room = line.size() < max_len ? max_len - line.size() : 0;
    if (take > room && too_long) *too_long = true;
    line.append(rest.data(), std::min(take, room));
    size_t consumed = nl == std::string_view::npos ? take : take + 1;
    pos_ += consumed;
    offset_ += consumed;
    if (nl != std::string_view::npos) break;
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

size_t BufferedReader::read(size_t n, std::string& out) {
  size_t got = 0;
  while (got < n) {
    if (pos_ == end_ && !fill()) break;
    size_t k = std::min(n - got, end_ - pos_);
    out.append(buf_.data() + pos_, k);
    pos_ += k;
    offset_ += k;
    got += k;
  }
  return got;
}

size_t BufferedReader::skip(size_t n) {
  size_t got = 0;
  while (got < n) {
    if (pos_ == end_ && !fill()) break;
    size_t k = std::min(n - got, end_ - pos_);
    pos_ += k;
    offset_ += k;
    got += k;
  }
  return got;
}

std::string_view BufferedReader::peek(size_t n) {
  while (end_ - pos_ < n && fill()) {
  }
  return std::string_view(buf_.data() + pos_, std::min(n, end_ - pos_));
}

void BufferedReader::unread(std::string_view bytes) {
  if (bytes.empty()) return;
  if (pos_ >= bytes.size()) {
    pos_ -= bytes.size();
    std::memcpy(buf_.data() + pos_, bytes.data(), bytes.size());
  } else {
    // More than was consumed: the unconsumed bytes move up to make room in front of them.
    const size_t kept = end_ - pos_;
    buf_.grow(bytes.size() + kept, end_);
    std::memmove(buf_.data() + bytes.size(), buf_.data() + pos_, kept);
    std::memcpy(buf_.data(), bytes.data(), bytes.size());
    end_ = bytes.size() + kept;
    pos_ = 0;
  }
  offset_ -= bytes.size();
}

size_t BufferedReader::skip_to_line_starting(std::string_view prefix, bool* found) {
  // Callers call this at a line start, so a match right here counts.
  size_t skipped = 0;
  *found = false;
  const std::string needle = "\n" + std::string(prefix);
  bool at_line_start = true;
  while (true) {
    if (end_ - pos_ < needle.size() && !eof_) {
      fill();
      continue;
    }
    std::string_view rest(buf_.data() + pos_, end_ - pos_);
    if (rest.empty()) return skipped;
    if (at_line_start && rest.starts_with(prefix)) {
      *found = true;
      return skipped;
    }
    size_t hit = rest.find(needle);
    if (hit != std::string_view::npos) {
      pos_ += hit + 1;
      offset_ += hit + 1;
      *found = true;
      return skipped + hit + 1;
    }
    // Keep a tail that could start a match across the next fill; drop the rest.
    at_line_start = false;
    size_t keep = std::min(rest.size(), needle.size() - 1);
    size_t drop = rest.size() - keep;
    if (drop == 0 && eof_) {
      pos_ += rest.size();
      offset_ += rest.size();
      return skipped + rest.size();
    }
    pos_ += drop;
    offset_ += drop;
    skipped += drop;
    if (!fill() && drop == 0) {
      pos_ += rest.size();
      offset_ += rest.size();
      return skipped + rest.size();
    }
  }
}

size_t BufferedReader::skip_to(std::string_view needle, bool* found) {
  size_t skipped = 0;
  *found = false;
  while (true) {
    if (end_ - pos_ < needle.size() && fill()) continue;
    std::string_view rest(buf_.data() + pos_, end_ - pos_);
    size_t hit = rest.find(needle);
    if (hit != std::string_view::npos) {
      pos_ += hit;
      offset_ += hit;
      *found = true;
      return skipped + hit;
    }
    // Keep a tail that could start a match across the next fill; drop the rest.
    size_t keep = eof_ ? 0 : std::min(rest.size(), needle.size() - 1);
    size_t drop = rest.size() - keep;
    pos_ += drop;
    offset_ += drop;
    skipped += drop;
    if (eof_ || !fill()) {
      pos_ += keep;
      offset_ += keep;
      return skipped + keep;
    }
  }
}

}  // namespace pith
