// pith dedup on the command line: the summary, exit codes, and messages as pith: FILE:OFFSET: what.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <string>

#include "../io/fixtures.h"

namespace pith {
namespace {

using Ran = testing::PithRun;

Ran dedup(const std::string& args) { return testing::run_pith("dedup " + args); }

std::string line(const std::string& id, const std::string& text) {
  return "{\"id\":\"" + id + "\",\"text\":\"" + text + "\",\"metadata\":{}}\n";
}

TEST(DedupCli, SummaryStagesAndMessages) {
  testing::TempDir dir;
  const std::string text = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen";
  dir.write("run/a.jsonl", line("1", text) + line("2", text + " fifteen") + line("3", "something else entirely here"));
  dir.write("run/a.done", "x");
  dir.write("run2/b.jsonl", line("4", text));
  dir.write("run2/b.done", "x");
  Ran ok = dedup(dir.file("run") + " " + dir.file("run2") + " -o " + dir.file("out") + " --rejects " +
                 dir.file("rej.jsonl.gz") + " -j 2");
  EXPECT_EQ(ok.code, 0) << ok.err;
  EXPECT_NE(ok.err.find("pith: 4 documents in 2 parts: 2 kept, 2 removed (dedup/exact_duplicate 1, "
                        "dedup/near_duplicate 1)"),
            std::string::npos)
      << ok.err;
  EXPECT_EQ(testing::read_file(dir.file("out/a.jsonl")), line("1", text) + line("3", "something else entirely here"));
  EXPECT_EQ(testing::read_file(dir.file("out/b.jsonl")), "");
  std::string rejects = testing::inflate_every_member(testing::read_file(dir.file("rej.jsonl.gz")));
  EXPECT_NE(rejects.find("\"id\":\"4\""), std::string::npos);
  EXPECT_NE(rejects.find("\"reject\":\"dedup/exact_duplicate\",\"duplicate_of\":\"1\""), std::string::npos) << rejects;

  // One stage at a time, as a cluster's tasks run them.
  EXPECT_EQ(dedup(dir.file("run") + " -o " + dir.file("staged") + " --stage plan").code, 0);
  Ran early = dedup("-o " + dir.file("staged") + " --stage clusters");
  EXPECT_EQ(early.code, 2);
  EXPECT_NE(early.err.find("pith: the signatures of part 0"), std::string::npos) << early.err;
  EXPECT_EQ(dedup("-o " + dir.file("staged") + " --stage signatures --index 0").code, 0);

  Ran missing = dedup(dir.file("nowhere") + " -o " + dir.file("out2"));
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.err.find("pith: " + dir.file("nowhere") + ": not a folder"), std::string::npos) << missing.err;

  const std::string first = line("1", text);
  dir.write("bad/c.jsonl", first + "{\"id\":\"2\",\"text\":[\n");
  dir.write("bad/c.done", "x");
  Ran broken = dedup(dir.file("bad") + " -o " + dir.file("out3"));
  EXPECT_EQ(broken.code, 2);
  EXPECT_NE(broken.err.find("pith: " + dir.file("bad/c.jsonl") + ":" + std::to_string(first.size()) + ": "),
            std::string::npos)
      << broken.err;
}

}  // namespace
}  // namespace pith
