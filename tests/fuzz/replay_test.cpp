// Replays the fuzz corpus (tests/fuzz/corpus: seeds and every input that once found a bug)
// through the fuzz target, in the normal test run and with any compiler. PITH_FUZZ_CORPUS
// names more folders to replay (colon-separated), e.g. one that `make fuzz` grew.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace pith {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> corpus_files() {
  std::vector<std::string> dirs = {std::string(PITH_SOURCE_DIR) + "/tests/fuzz/corpus"};
  if (const char* extra = std::getenv("PITH_FUZZ_CORPUS")) {
    std::string s = extra;
    for (size_t pos = 0; pos <= s.size();) {
      size_t end = s.find(':', pos);
      if (end == std::string::npos) end = s.size();
      if (end > pos) dirs.push_back(s.substr(pos, end - pos));
      pos = end + 1;
    }
  }
  std::vector<fs::path> files;
  for (const auto& d : dirs) {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(d, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
      if (it->is_regular_file()) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(Fuzz, CorpusReplaysClean) {
  auto files = corpus_files();
  ASSERT_GE(files.size(), 20u) << "tests/fuzz/corpus is missing";
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string bytes = ss.str();
    SCOPED_TRACE(f.string());
    EXPECT_EQ(LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()), 0);
  }
}

}  // namespace
}  // namespace pith
