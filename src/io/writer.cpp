#include "io/writer.h"

#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>

#include "core/strings.h"

namespace pith {

namespace {
constexpr size_t kPendingBytes = 1 << 20;  // compress in 1 MiB steps
constexpr int kZstdLevel = 3;              // zstd's own default level
}  // namespace

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
  f_ = std::fopen(tmp_.c_str(), "wb");
  if (!f_) return Error{ErrorCode::kIo, "cannot write " + tmp_ + ": " + std::strerror(errno)};
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
    return Error{ErrorCode::kIo, "cannot finish " + path_ + ": " + why};
  }
  codec_.reset();
  return true;
}

void AtomicWriter::abandon() {
  if (!f_) return;
  std::fclose(f_);
  f_ = nullptr;
  std::remove(tmp_.c_str());
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
