// pith run from the command line: messages are "pith: FILE:OFFSET: what", exit codes are
// 0 (clean), 1 (some input was damaged), 2 (the run failed); folders and globs are read.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>

#include "../io/fixtures.h"

namespace pith {
namespace {

struct Ran {
  int code;
  std::string err;
};

Ran run(const std::string& args) {
  std::string cmd = std::string(PITH_BINARY) + " run " + args + " 2>&1 >/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int status = pclose(p);
  return {WEXITSTATUS(status), out};
}

TEST(RunCli, MessagesExitCodesFoldersAndGlobs) {
  testing::TempDir dir;
  std::string good = testing::response_record(testing::article_html(1), "a", "https://a/");
  dir.write("in/good.warc", good);
  std::string bad = good + "WARC/1.1\r\nWARC-Type: response\r\nnot a header\r\nContent-Length: 1\r\n\r\nx\r\n\r\n";
  std::string bad_path = dir.write("bad/bad.warc", bad);

  Ran ok = run(dir.file("in") + " -o " + dir.file("out1") + " --recipe none");
  EXPECT_EQ(ok.code, 0) << ok.err;
  EXPECT_EQ(ok.err, "");  // quiet when stderr is not a terminal
  EXPECT_TRUE(std::filesystem::exists(dir.file("out1/00000.jsonl.gz")));

  Ran damaged = run("'" + dir.file("bad/*.warc") + "' -o " + dir.file("out2") + " --recipe none");
  EXPECT_EQ(damaged.code, 1);
  EXPECT_NE(damaged.err.find("pith: " + bad_path + ":" + std::to_string(good.size()) + ": malformed WARC header"),
            std::string::npos)
      << damaged.err;

  Ran missing = run(dir.file("nothing-here") + " -o " + dir.file("out3"));
  EXPECT_EQ(missing.code, 2);
}

}  // namespace
}  // namespace pith
