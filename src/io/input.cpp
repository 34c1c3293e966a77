#include "io/input.h"

#include <glob.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <map>
#include <set>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "core/strings.h"

namespace pith {

namespace fs = std::filesystem;

std::string_view input_format_name(InputFormat f) {
  switch (f) {
    case InputFormat::kAuto: return "auto";
    case InputFormat::kHtml: return "html";
    case InputFormat::kText: return "text";
    case InputFormat::kJsonl: return "jsonl";
    case InputFormat::kWarc: return "warc";
  }
  return "auto";
}

std::optional<InputFormat> parse_input_format(std::string_view name) {
  std::string n = ascii_lowercase(name);
  if (n == "auto") return InputFormat::kAuto;
  if (n == "html") return InputFormat::kHtml;
  if (n == "text" || n == "txt") return InputFormat::kText;
  if (n == "jsonl" || n == "ndjson") return InputFormat::kJsonl;
  if (n == "warc" || n == "wet" || n == "arc") return InputFormat::kWarc;
  return std::nullopt;
}

namespace {

struct NameEnding {
  std::string_view ending;
  InputFormat format;
};
constexpr NameEnding kInputNameEndings[] = {
    {".html", InputFormat::kHtml},   {".htm", InputFormat::kHtml},    {".xhtml", InputFormat::kHtml},
    {".txt", InputFormat::kText},    {".text", InputFormat::kText},   {".jsonl", InputFormat::kJsonl},
    {".ndjson", InputFormat::kJsonl}, {".json", InputFormat::kJsonl}, {".warc", InputFormat::kWarc},
    {".wet", InputFormat::kWarc},    {".arc", InputFormat::kWarc}};
constexpr std::string_view kCompressionEndings[] = {".gz", ".zst", ".zstd"};

// A path in a form two spellings of one file share (for excludes and duplicates).
std::string canonical_key(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  return ec ? path : p.lexically_normal().string();
}

bool is_under(const std::string& key, const std::string& dir_key) {
  if (key == dir_key) return true;
  return key.size() > dir_key.size() && key.starts_with(dir_key) &&
         (dir_key.ends_with('/') || key[dir_key.size()] == '/');
}

std::string errno_text(int err) {
  if (err == EACCES || err == EPERM) return "permission denied";
  if (err == ENOENT) return "no such file or folder";
  return std::strerror(err);
}

class Lister {
 public:
  explicit Lister(const ListOptions& o) : walk_(o.walk) {
    for (const auto& e : o.exclude)
      if (!e.empty() && e != "-") exclude_.push_back(canonical_key(e));
  }

  // A file found in a folder or by a glob is passed over when excluded; one named on the command
  // line is kept (named), so that check_outputs refuses to write over it instead of it being
  // silently not read.
  void add_file(const std::string& path, const std::string& root, const std::string& rel, InputList& out,
                bool named = false) {
    std::string key = canonical_key(path);
    if ((!named && excluded(key)) || !seen_.insert(key).second) return;
    InputFile f{path, root, rel, 0};
    std::error_code ec;
    uint64_t size = fs::is_regular_file(path, ec) ? fs::file_size(path, ec) : 0;
    f.size = ec ? 0 : size;  // a FIFO or a device has no size: no byte total for it
    // Readable? (root reads anything; others are told here, not half-way through a run)
    if (::access(path.c_str(), R_OK) != 0) {
      out.errors.push_back({path, errno_text(errno)});
      return;
    }
    out.files.push_back(std::move(f));
  }

  // Walks a folder: sorted, recursive, not into symlinked folders (no loops), every unreadable
  // folder reported.
  void walk(const std::string& root, InputList& out) {
    size_t before = out.files.size();
    std::vector<std::string> found;
    std::vector<fs::path> stack{fs::path(root)};
    while (!stack.empty()) {
      fs::path dir = stack.back();
      stack.pop_back();
      std::error_code ec;
      fs::directory_iterator it(dir, ec), end;
      if (ec) {
        out.errors.push_back({dir.string(), errno_text(ec.value())});
        continue;
      }
      for (; it != end; it.increment(ec)) {
        if (ec) break;
        const fs::path& p = it->path();
        std::error_code ec2;
        if (it->is_directory(ec2) && !it->is_symlink(ec2)) {
          if (!excluded(canonical_key(p.string()))) stack.push_back(p);
        } else if (it->is_regular_file(ec2) && is_input_name(p.filename().string(), walk_)) {
          found.push_back(p.string());
        }
      }
      if (ec) out.errors.push_back({dir.string(), errno_text(ec.value())});
    }
    std::sort(found.begin(), found.end());
    for (const auto& f : found) add_file(f, root, fs::path(f).lexically_relative(root).string(), out);
    if (out.files.size() == before && !excluded(canonical_key(root)))
      out.errors.push_back({root, "no input files in this folder"});
  }

  bool excluded(const std::string& key) const {
    for (const auto& e : exclude_)
      if (is_under(key, e)) return true;
    return false;
  }

 private:
  std::vector<std::string> exclude_;
  std::vector<InputFormat> walk_;
  std::set<std::string> seen_;
};

}  // namespace

bool is_input_name(std::string_view name, const std::vector<InputFormat>& formats) {
  std::string n = ascii_lowercase(name);
  for (std::string_view c : kCompressionEndings)
    if (n.ends_with(c)) {
      n.resize(n.size() - c.size());
      break;
    }
  for (const auto& e : kInputNameEndings)
    if (n.ends_with(e.ending))
      return formats.empty() || std::find(formats.begin(), formats.end(), e.format) != formats.end();
  return false;
}

InputList list_inputs(const std::vector<std::string>& args, const ListOptions& options) {
  InputList out;
  Lister lister(options);
  for (const auto& a : args) {
    if (a == "-") {
      out.files.push_back(InputFile{"-", "-", "stdin", 0});
      continue;
    }
    std::error_code ec;
    auto st = fs::status(a, ec);
    if (!fs::exists(st)) {
      if (a.find_first_of("*?[") != std::string::npos) {
        glob_t g{};
        int rc = ::glob(a.c_str(), 0, nullptr, &g);
        if (rc == 0) {
          std::vector<std::string> matches(g.gl_pathv, g.gl_pathv + g.gl_pathc);
          std::sort(matches.begin(), matches.end());
          for (const auto& m : matches) {
            if (fs::is_directory(m, ec)) lister.walk(m, out);
            else lister.add_file(m, a, fs::path(m).filename().string(), out);
          }
        } else {
          out.errors.push_back({a, rc == GLOB_NOMATCH ? "no such file or folder, and no file matches it as a pattern"
                                                       : "cannot expand the pattern"});
        }
        globfree(&g);
        continue;
      }
      // A dangling link or a path under an unreadable folder says why; the rest do not exist.
      int err = ec ? ec.value() : ENOENT;
      if (::access(a.c_str(), F_OK) != 0 && errno == EACCES) err = EACCES;
      out.errors.push_back({a, errno_text(err)});
      continue;
    }
    if (fs::is_directory(st)) {
      if (lister.excluded(canonical_key(a))) continue;
      lister.walk(a, out);
    } else {
      lister.add_file(a, a, fs::path(a).filename().string(), out, true);  // read whatever its name
    }
  }
  return out;
}

std::string check_outputs(const InputList& in, const std::string& output, bool output_is_dir, std::string_view suffix) {
  if (output.empty() || output == "-") return {};
  std::map<std::string, const InputFile*> inputs;
  for (const auto& f : in.files)
    if (f.path != "-") inputs.emplace(canonical_key(f.path), &f);
  const std::string out_key = canonical_key(output);
  if (!output_is_dir) {
    auto it = inputs.find(out_key);
    if (it != inputs.end()) return "the output " + output + " is also an input: pith never writes over its input";
    return {};
  }
  std::map<std::string, const InputFile*> targets;
  for (const auto& f : in.files) {
    std::string target = (fs::path(output) / (f.rel + std::string(suffix))).string();
    std::string key = canonical_key(target);
    auto [it, fresh] = targets.emplace(key, &f);
    if (!fresh)
      return "two inputs map to the same output file " + target + ": " + it->second->path + " and " + f.path +
             " (give them in separate runs, or -o a file)";
    auto clash = inputs.find(key);
    if (clash != inputs.end())
      return "the output file " + target + " would write over the input " + clash->second->path;
  }
  return {};
}


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

}  // namespace pith
