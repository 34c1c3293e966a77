#include "io/input.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "core/strings.h"

namespace pith {

namespace fs = std::filesystem;

Result<size_t> gunzip(std::string_view data, size_t max_bytes, std::string& out) {
  out.clear();
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 32) != Z_OK) return Error{ErrorCode::kIo, "zlib init failed"};
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(std::min<size_t>(data.size(), UINT32_MAX));
  size_t consumed_total = 0;
  char buf[1 << 16];
  int ret = Z_OK;
  while (true) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    ret = inflate(&zs, Z_NO_FLUSH);
    if (ret != Z_OK && ret != Z_STREAM_END && ret != Z_BUF_ERROR) {
      size_t off = consumed_total + (zs.next_in - reinterpret_cast<const Bytef*>(data.data()) - consumed_total);
      inflateEnd(&zs);
      return Error{ErrorCode::kIo, "corrupt gzip data", off};
    }
    out.append(buf, sizeof buf - zs.avail_out);
    if (out.size() > max_bytes) {
      inflateEnd(&zs);
      return Error{ErrorCode::kTooLarge, "inflated size over the budget of " + std::to_string(max_bytes) + " bytes"};
    }
    size_t pos = zs.next_in - reinterpret_cast<const Bytef*>(data.data());
    if (ret == Z_STREAM_END) {
      // Another member may follow.
      if (pos + 2 <= data.size() && static_cast<unsigned char>(data[pos]) == 0x1f &&
          static_cast<unsigned char>(data[pos + 1]) == 0x8b) {
        inflateReset(&zs);
        continue;
      }
      break;
    }
    if (ret == Z_BUF_ERROR && zs.avail_in == 0) {
      inflateEnd(&zs);
      return Error{ErrorCode::kIo, "truncated gzip data", pos};
    }
  }
  inflateEnd(&zs);
  return out.size();
}

Result<std::string> read_page_file(const std::string& path, size_t max_bytes) {
  std::FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) return Error{ErrorCode::kIo, std::strerror(errno)};
  std::string data;
  char buf[1 << 16];
  size_t n;
  // Compressed input may be up to max_bytes too; the inflated size is checked again below.
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    data.append(buf, n);
    if (data.size() > max_bytes) {
      if (f != stdin) std::fclose(f);
      return Error{ErrorCode::kTooLarge, "file over the budget of " + std::to_string(max_bytes) + " bytes"};
    }
  }
  bool err = std::ferror(f);
  if (f != stdin) std::fclose(f);
  if (err) return Error{ErrorCode::kIo, "read error"};
  if (data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f && static_cast<unsigned char>(data[1]) == 0x8b) {
    std::string out;
    auto r = gunzip(data, max_bytes, out);
    if (!r) return r.error();
    return out;
  }
  return data;
}

bool is_page_name(std::string_view name) {
  std::string n = ascii_lowercase(name);
  if (n.ends_with(".gz")) n.resize(n.size() - 3);
  return n.ends_with(".html") || n.ends_with(".htm") || n.ends_with(".xhtml");
}

std::vector<std::string> list_page_files(const std::vector<std::string>& paths, std::vector<PathError>& errors) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    if (p == "-") {
      out.push_back(p);
      continue;
    }
    std::error_code ec;
    auto st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      errors.push_back({p, "no such file or folder"});
      continue;
    }
    if (fs::is_directory(st)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && is_page_name(it->path().filename().string())) found.push_back(it->path().string());
      }
      if (ec) errors.push_back({p, ec.message()});
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(p);  // a file named explicitly is read whatever its name
    }
  }
  return out;
}

}  // namespace pith
