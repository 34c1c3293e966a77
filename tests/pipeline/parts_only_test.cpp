// RunOptions::parts_only (issue 13, the Dask runs): one run per input writes that input's part
// beside the others into one folder, and a run of all inputs afterwards reuses every part and
// writes stats.json, as if it had written them itself.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <optional>
#include <thread>

#include "../io/fixtures.h"
#include "pipeline/run.h"
#include "run_support.h"

namespace pith {
namespace {

namespace fs = std::filesystem;
using testing::article_html;
using testing::response_record;
using testing::TempDir;

std::string crawl(int seed, int pages = 3) {
  std::string w;
  for (int i = 0; i < pages; ++i)
    w += response_record(article_html(seed * 100 + i), std::to_string(seed * 100 + i),
                         "https://e.com/" + std::to_string(seed * 100 + i));
  return w;
}

RunOptions options(std::vector<InputFile> inputs, const std::string& out) {
  RunOptions o;
  o.inputs = std::move(inputs);
  o.output_dir = out;
  o.recipe = "none";
  o.format = "jsonl";
  o.rejects_path = out + "/rejects.jsonl";
  return o;
}

// Inputs from a folder: rel is the path below it.
std::vector<InputFile> from_folder(const std::string& root, const std::vector<std::string>& rels) {
  std::vector<InputFile> out;
  for (const auto& rel : rels) {
    std::string path = (fs::path(root) / rel).string();
    out.push_back(InputFile{path, root, rel, fs::file_size(path)});
  }
  return out;
}

// A run's output, name -> bytes: parts, hashes, done markers, rejects, stats.json.
std::map<std::string, std::string> folder_bytes(const std::string& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    std::string name = fs::relative(e.path(), dir).string();
    bool output = name.ends_with(".jsonl") || name.ends_with(".hashes") || name.ends_with(".done") ||
                  name == "stats.json";
    if (e.is_regular_file() && output) out[name] = testing::read_file(e.path().string());
  }
  return out;
}

TEST(PartsOnly, OneRunPerInputSideBySideThenAWholeRunReusesThemAll) {
  TempDir dir;
  const std::vector<std::string> rels = {"a.warc", "b.warc", "sub/c.warc", "d.warc"};
  for (size_t f = 0; f < rels.size(); ++f) dir.write("in/" + rels[f], crawl(static_cast<int>(f) + 1));
  const auto inputs = from_folder(dir.file("in"), rels);

  auto whole = run_pipeline(options(inputs, dir.file("whole")));
  ASSERT_TRUE(whole) << whole.error().message;

  // One parts_only run per input, all at once, each given its one input with its rel.
  std::vector<std::optional<Result<RunSummary>>> parts(inputs.size());
  std::vector<std::vector<std::string>> messages(inputs.size());
  {
    std::vector<std::thread> threads;
    for (size_t k = 0; k < inputs.size(); ++k)
      threads.emplace_back([&, k] {
        RunOptions o = options({inputs[k]}, dir.file("parts"));
        o.parts_only = true;
        o.on_message = [&, k](std::string_view f, uint64_t, std::string_view what) {
          messages[k].push_back(std::string(f) + ": " + std::string(what));
        };
        parts[k] = run_pipeline(o);
      });
    for (auto& t : threads) t.join();
  }
  for (size_t k = 0; k < inputs.size(); ++k) {
    ASSERT_TRUE(*parts[k]) << parts[k]->error().message;
    EXPECT_EQ((*parts[k])->stats.written, 3u);
    EXPECT_TRUE((*parts[k])->stats_path.empty());
    EXPECT_TRUE(messages[k].empty()) << messages[k][0];  // the other parts in the folder are not its business
  }
  EXPECT_TRUE(fs::exists(dir.file("parts/sub__c.warc.jsonl")));
  EXPECT_TRUE(fs::exists(dir.file("parts/.rejects")));
  EXPECT_FALSE(fs::exists(dir.file("parts/stats.json")));
  EXPECT_FALSE(fs::exists(dir.file("parts/rejects.jsonl")));

  // The whole run afterwards redoes nothing and leaves the folder as a whole run writes it.
  auto after = run_pipeline(options(inputs, dir.file("parts")));
  ASSERT_TRUE(after) << after.error().message;
  EXPECT_EQ(after->files_done_before, inputs.size());
  EXPECT_EQ(after->stats.to_tsv(), whole->stats.to_tsv());
  auto a = folder_bytes(dir.file("whole")), b = folder_bytes(dir.file("parts"));
  ASSERT_EQ(a.size(), b.size());
  for (const auto& [name, bytes] : a) {
    if (name == "stats.json") continue;  // says files_done_before 4 instead of 0
    EXPECT_EQ(b[name], bytes) << name;
  }
}

// Exact dedup spans the inputs of one call: a page in a.warc and b.warc stays in both parts
// (pith dedup removes it corpus-wide), where a whole run keeps the first only.
TEST(PartsOnly, ExactDedupSpansOneCall) {
  TempDir dir;
  dir.write("in/a.warc", crawl(1));
  dir.write("in/b.warc", crawl(1, 1) + crawl(2));
  const auto inputs = from_folder(dir.file("in"), {"a.warc", "b.warc"});
  for (const auto& input : inputs) {
    RunOptions o = options({input}, dir.file("out"));
    o.parts_only = true;
    ASSERT_TRUE(run_pipeline(o));
  }
  EXPECT_NE(testing::read_file(dir.file("out/b.warc.jsonl")).find("\"id\":\"urn:uuid:100\""), std::string::npos);
  auto whole = run_pipeline(options(inputs, dir.file("whole")));
  ASSERT_TRUE(whole);
  EXPECT_EQ(testing::read_file(dir.file("whole/b.warc.jsonl")).find("\"id\":\"urn:uuid:100\""), std::string::npos);
  EXPECT_EQ(whole->stats.stages.at("dedup").dropped.at("duplicate"), 1u);
}

// parts_only runs hold the folder's lock shared: side by side with each other and with shards,
// never beside a whole run; and they leave other runs' temporary files alone.
TEST(PartsOnly, SharesTheFolderLockAndLeavesTemporaryFiles) {
  TempDir dir;
  dir.write("in/a.warc", crawl(1));
  const auto a = from_folder(dir.file("in"), {"a.warc"});
  fs::create_directories(dir.file("out"));
  std::string running = dir.write("out/a.warc.jsonl.tmp-12345", "being written by a task run twice");
  RunOptions o = options(a, dir.file("out"));
  o.parts_only = true;
  {
    int fd = ::open(dir.file("out/.lock").c_str(), O_RDWR | O_CREAT, 0644);
    ASSERT_EQ(::flock(fd, LOCK_SH | LOCK_NB), 0);
    auto r = run_pipeline(o);
    EXPECT_TRUE(r) << r.error().message;
    EXPECT_TRUE(fs::exists(running));
    ::close(fd);
  }
  {
    int fd = ::open(dir.file("out/.lock").c_str(), O_RDWR | O_CREAT, 0644);
    ASSERT_EQ(::flock(fd, LOCK_EX | LOCK_NB), 0);
    auto r = run_pipeline(o);
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("another pith run is writing into"), std::string::npos) << r.error().message;
    ::close(fd);
  }
  auto whole = run_pipeline(options(a, dir.file("out")));
  ASSERT_TRUE(whole) << whole.error().message;
  EXPECT_EQ(whole->files_done_before, 1u);
  EXPECT_FALSE(fs::exists(running));  // the whole run removes what killed tasks left
}

}  // namespace
}  // namespace pith
