// Shared by the html5lib conformance tests: where the test data is, and the known-failures list
// (tests/html/html5_known_failures.txt) that turns "98% pass" into "no new failure".
#pragma once
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace pith::test {

inline std::filesystem::path html5lib_tests_dir() {
  return std::filesystem::path(PITH_SOURCE_DIR) / ".." / "shared" / "conformance" / "html5lib-tests";
}

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// id -> reason. Format: one case per line, "<id> <reason>"; '#' starts a comment line.
inline std::map<std::string, std::string> load_known_failures() {
  std::map<std::string, std::string> out;
  std::ifstream in(std::filesystem::path(PITH_SOURCE_DIR) / "tests" / "html" / "html5_known_failures.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t sp = line.find(' ');
    std::string id = line.substr(0, sp);
    std::string reason = sp == std::string::npos ? "" : line.substr(sp + 1);
    out[id] = reason;
  }
  return out;
}

// Escapes control characters so that failures print readably.
inline std::string printable(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (c == '\n') {
      out += "\\n";
    } else if (c < 0x20 || c == 0x7F) {
      char b[8];
      std::snprintf(b, sizeof b, "\\x%02x", c);
      out += b;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace pith::test
