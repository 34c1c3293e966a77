// Builders for crawl files in tests: gzip members, zstd frames, WARC records, temp folders,
// and synthetic article pages with distinct text.
#pragma once
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace pith::testing {

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

inline std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), {});
}

}  // namespace pith::testing
