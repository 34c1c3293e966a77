// Builders for crawl files in tests: gzip members, zstd frames, WARC records, temp folders,
// and synthetic article pages with distinct text.
#pragma once
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>

namespace pith::testing {

#ifdef PITH_BINARY
// `pith ARGS` through the shell (ARGS starts with the command): its exit code and its standard
// error; the standard output is thrown away.
struct PithRun {
  int code;
  std::string err;
};

inline PithRun run_pith(const std::string& args) {
  std::string cmd = std::string(PITH_BINARY) + " " + args + " 2>&1 >/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int status = pclose(p);
  return {WEXITSTATUS(status), out};
}
#endif

inline std::string gzip_member(const std::string& data) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

inline std::string zstd_frame(const std::string& data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3));
  return out;
}

inline std::string warc_record(const std::string& type, const std::string& block, const std::string& id,
                               const std::string& uri = "", const std::string& extra_headers = "",
                               long content_length = -1, const std::string& version = "WARC/1.1") {
  std::string h = version + "\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:" + id +
                  ">\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n";
  if (!uri.empty()) h += "WARC-Target-URI: " + uri + "\r\n";
  h += extra_headers;
  h += "Content-Length: " + std::to_string(content_length >= 0 ? content_length : static_cast<long>(block.size())) +
       "\r\n\r\n";
  return h + block + "\r\n\r\n";
}

inline std::string http_response(const std::string& body, const std::string& content_type = "text/html; charset=utf-8",
                                 int status = 200) {
  return "HTTP/1.1 " + std::to_string(status) + " OK\r\nContent-Type: " + content_type +
         "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

inline std::string response_record(const std::string& html, const std::string& id, const std::string& uri) {
  return warc_record("response", http_response(html), id, uri, "Content-Type: application/http; msgtype=response\r\n");
}

// An English article whose sentences depend on `seed`, long enough for the quality filters.
inline std::string article_html(int seed) {
  static const char* subjects[] = {"The council", "A local teacher", "The new library", "Our reporter",
                                   "The river festival", "A small bakery", "The city museum", "The school board"};
  static const char* verbs[] = {"announced", "described", "questioned", "welcomed", "reviewed", "celebrated"};
  static const char* objects[] = {"a plan to repair the old bridge", "the results of the annual survey",
                                  "a program for young readers", "the budget for the coming year",
                                  "changes to the bus routes in the north", "the history of the market square"};
  std::mt19937 rng(static_cast<unsigned>(seed) * 2654435761u + 7);
  std::string body;
  for (int p = 0; p < 6; ++p) {
    body += "<p>";
    for (int s = 0; s < 4; ++s) {
      body += std::string(subjects[rng() % 8]) + " " + verbs[rng() % 6] + " " + objects[rng() % 6] + " on day " +
              std::to_string(seed * 31 + p * 7 + s) + ", and residents said that they have waited with patience. ";
    }
    body += "</p>\n";
  }
  return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Story " + std::to_string(seed) +
         "</title></head><body><nav><a href=\"/\">Home</a></nav><article><h1>Story " + std::to_string(seed) +
         "</h1>\n" + body + "</article><footer>Contact us</footer></body></html>";
}

// Incompressible bytes (deflate and zstd keep them in stored blocks).
inline std::string random_bytes(unsigned seed, size_t n) {
  std::mt19937 rng(seed);
  std::string s(n, '\0');
  for (char& c : s) c = static_cast<char>(rng());
  return s;
}

// An ARC v1 file: the version block, then one record per (url, block).
inline std::string arc_version_block(const std::string& name = "IA-000001.arc") {
  std::string body = "1 0 Test Archive\nURL IP-address Archive-date Content-type Archive-length\n";
  return "filedesc://" + name + " 0.0.0.0 19960923142103 text/plain " + std::to_string(body.size()) + "\n" + body;
}
inline std::string arc_record(const std::string& url, const std::string& block,
                              const std::string& content_type = "text/html", long length = -1) {
  return "\n" + url + " 192.0.2.7 19961104142103 " + content_type + " " +
         std::to_string(length >= 0 ? length : static_cast<long>(block.size())) + "\n" + block;
}

// An independent byte-level count for the accounting tests: every gzip member that can be found
// at any byte (decoded with zlib until it ends or fails) gives its bytes; plain input is itself.
inline std::string inflate_every_member(const std::string& file) {
  if (file.size() < 2 || file[0] != '\x1f' || file[1] != '\x8b') return file;
  std::string out;
  for (size_t i = 0; i + 3 <= file.size();) {
    if (file.compare(i, 3, "\x1f\x8b\x08") != 0) {
      ++i;
      continue;
    }
    z_stream zs{};
    inflateInit2(&zs, 16 + 15);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(file.data() + i));
    zs.avail_in = static_cast<uInt>(file.size() - i);
    std::string member;
    char buf[4096];
    int ret;
    do {
      zs.next_out = reinterpret_cast<Bytef*>(buf);
      zs.avail_out = sizeof buf;
      ret = inflate(&zs, Z_NO_FLUSH);
      member.append(buf, sizeof buf - zs.avail_out);
    } while (ret == Z_OK);
    size_t used = file.size() - i - zs.avail_in;
    inflateEnd(&zs);
    out += member;
    i = ret == Z_STREAM_END ? i + used : i + 1;
  }
  return out;
}

// Record starts in decompressed bytes: each "WARC/1." or "WARC/0.1" whose header lines reach a
// blank line and include a WARC-Type and a Content-Length field (of any value).
inline size_t count_record_starts(const std::string& bytes) {
  size_t count = 0;
  for (size_t at = bytes.find("WARC/"); at != std::string::npos; at = bytes.find("WARC/", at + 1)) {
    if (bytes.compare(at, 7, "WARC/1.") != 0 && bytes.compare(at, 8, "WARC/0.1") != 0) continue;
    size_t end = bytes.find("\r\n\r\n", at);
    if (end == std::string::npos || end - at > 65536) continue;
    std::string head = bytes.substr(at, end - at) + "\r\n";
    if (head.find("\r\nWARC-Type: ") != std::string::npos && head.find("\r\nContent-Length:") != std::string::npos)
      ++count;
  }
  return count;
}

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "pith-test-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string file(const std::string& name) const { return (std::filesystem::path(path_) / name).string(); }
  std::string write(const std::string& name, const std::string& bytes) const {
    std::string p = file(name);
    std::filesystem::create_directories(std::filesystem::path(p).parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream f(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), {});
}

// Writes bytes to a file, creating its folders.
inline void write_file(const std::filesystem::path& path, std::string_view data) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream f(path, std::ios::binary);
  f.write(data.data(), static_cast<std::streamsize>(data.size()));
}

}  // namespace pith::testing
