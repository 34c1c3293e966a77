// pith run from the command line: messages are "pith: FILE:OFFSET: what", exit codes are
// 0 (clean), 1 (some input was damaged), 2 (the run failed); folders and globs are read.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>

#include <cstdio>
#include <filesystem>

#include "../io/fixtures.h"

namespace pith {
namespace {

using Ran = testing::PithRun;

Ran run(const std::string& args) { return testing::run_pith("run " + args); }

TEST(RunCli, MessagesExitCodesFoldersAndGlobs) {
  testing::TempDir dir;
  std::string good = testing::response_record(testing::article_html(1), "a", "https://a/");
  dir.write("in/good.warc", good);
  std::string bad = good + "WARC/1.1\r\nWARC-Type: response\r\nnot a header\r\nContent-Length: 1\r\n\r\nx\r\n\r\n";
  std::string bad_path = dir.write("bad/bad.warc", bad);

  Ran ok = run(dir.file("in") + " -o " + dir.file("out1") + " --recipe none");
  EXPECT_EQ(ok.code, 0) << ok.err;
  EXPECT_EQ(ok.err, "");  // quiet when stderr is not a terminal
  EXPECT_TRUE(std::filesystem::exists(dir.file("out1/good.warc.jsonl.gz")));

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

namespace pith {
namespace {

std::string outputs(const std::string& dir) {
  std::string s;
  for (int i = 0; i < 3; ++i) s += testing::read_file(dir + "/" + std::to_string(i) + ".warc.jsonl");
  return s;
}

// A real kill -9 once the first file is done; the restart must finish the rest and give the
// bytes of an uninterrupted run.
TEST(RunCli, KilledRunRestartedGivesTheSameOutput) {
  testing::TempDir dir;
  std::vector<std::string> files;
  for (int f = 0; f < 3; ++f) {
    std::string w;
    for (int i = 0; i < 300; ++i) w += testing::response_record(testing::article_html(f * 1000 + i), std::to_string(f * 1000 + i), "u");
    dir.write("in/" + std::to_string(f) + ".warc", w);
  }
  std::string common = " --recipe none --format jsonl -j 2";
  ASSERT_EQ(run(dir.file("in") + " -o " + dir.file("clean") + common).code, 0);
  std::string out = dir.file("killed");
  std::string script = "(" + std::string(PITH_BINARY) + " run " + dir.file("in") + " -o " + out + common +
                       " & pid=$!; while [ ! -f " + out + "/0.warc.done ] && kill -0 $pid 2>/dev/null; do sleep 0.005; done;"
                       " kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null) >/dev/null 2>&1";
  ASSERT_EQ(std::system(("bash -c '" + script + "'").c_str()) >= 0, true);
  ASSERT_TRUE(std::filesystem::exists(out + "/0.warc.done"));
  auto t0 = std::filesystem::last_write_time(out + "/0.warc.jsonl");
  Ran again = run(dir.file("in") + " -o " + out + common);
  EXPECT_EQ(again.code, 0) << again.err;
  EXPECT_EQ(std::filesystem::last_write_time(out + "/0.warc.jsonl"), t0);
  EXPECT_EQ(outputs(out), outputs(dir.file("clean")));
  for (const auto& e : std::filesystem::directory_iterator(out))
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
}

}  // namespace
}  // namespace pith

namespace pith {
namespace {

// --lang-model: a missing or unreadable model stops the run before any output.
TEST(RunCli, UnloadableLanguageModelIsAnErrorBeforeAnyOutput) {
  testing::TempDir dir;
  std::string in = dir.write("in/t.jsonl", "{\"id\":\"a\",\"text\":\"Some text.\"}\n");
  std::string model = dir.file("lid.176.bin");
  Ran missing = run(in + " -o " + dir.file("out") + " --lang-model " + model);
  EXPECT_EQ(missing.code, 2);
  EXPECT_EQ(missing.err.rfind("pith: " + model + ": cannot load fastText model: ", 0), 0u) << missing.err;
  EXPECT_FALSE(std::filesystem::exists(dir.file("out")));

  std::string garbage = dir.write("garbage.bin", std::string(64, 'x'));
  Ran bad = run(in + " -o " + dir.file("out") + " --lang-model " + garbage);
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("pith: " + garbage + ": cannot load fastText model: "), std::string::npos) << bad.err;
  EXPECT_FALSE(std::filesystem::exists(dir.file("out")));
}

// --badwords: C4's rule with the user's list; the c4 recipe without one says it skipped the rule.
TEST(RunCli, BadWordsListAndTheSkippedRule) {
  testing::TempDir dir;
  std::string in = dir.write("in/t.jsonl", "{\"id\":\"a\",\"text\":\"A clean text.\"}\n"
                                           "{\"id\":\"b\",\"text\":\"Some Foo here.\"}\n");
  std::string list = dir.write("list.txt", "foo\nbar baz\n");
  Ran with = run(in + " -o " + dir.file("out1") + " --recipe none --no-clean --badwords " + list);
  EXPECT_EQ(with.code, 0) << with.err;
  EXPECT_EQ(with.err, "");
  std::string stats = testing::read_file(dir.file("out1/stats.json"));
  EXPECT_NE(stats.find("\"c4_badwords/c4_badwords\":1"), std::string::npos) << stats;

  Ran c4 = run(in + " -o " + dir.file("out2") + " --recipe c4 --no-clean");
  EXPECT_EQ(c4.code, 0) << c4.err;
  EXPECT_NE(c4.err.find("pith: rule c4_badwords skipped: no bad-words list given (--badwords FILE)"), std::string::npos)
      << c4.err;
  EXPECT_NE(testing::read_file(dir.file("out2/stats.json")).find("\"skipped_rules\":{\"c4_badwords\""), std::string::npos);

  Ran missing = run(in + " -o " + dir.file("out3") + " --badwords " + dir.file("nope.txt"));
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.err.find("pith: " + dir.file("nope.txt") + ": cannot read bad-words list"), std::string::npos)
      << missing.err;
}

}  // namespace
}  // namespace pith

namespace pith {
namespace {

// --shard is parsed strictly; a run into a folder with parts of another recipe stops with exit 2
// and says which input and what differs, and --restart redoes it.
TEST(RunCli, StrictShardsAndResumeThatCannotMixRuns) {
  testing::TempDir dir;
  std::string in = dir.write("in/a.warc", testing::response_record(testing::article_html(1), "a", "https://a/"));
  for (const char* bad : {"0/2/3", "4294967297/2", "-1/2", "1/0", "' 1/2'", "1/2x"}) {
    Ran r = run(in + " -o " + dir.file("out") + " --shard " + bad);
    EXPECT_EQ(r.code, 2) << bad;
    EXPECT_NE(r.err.find("pith: --shard "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("give i/N with 0 <= i < N"), std::string::npos) << r.err;
  }
  EXPECT_FALSE(std::filesystem::exists(dir.file("out")));

  ASSERT_EQ(run(in + " -o " + dir.file("out") + " --recipe none").code, 0);
  Ran other = run(in + " -o " + dir.file("out") + " --recipe gopher");
  EXPECT_EQ(other.code, 2);
  EXPECT_NE(other.err.find("pith: " + in + ": its part a.warc cannot be reused: it was written with other settings: "
                           "recipe none then, gopher now"),
            std::string::npos)
      << other.err;
  EXPECT_NE(other.err.find("--restart"), std::string::npos) << other.err;
  EXPECT_NE(testing::read_file(dir.file("out/stats.json")).find("\"recipe\":\"none\""), std::string::npos);
  Ran restarted = run(in + " -o " + dir.file("out") + " --recipe gopher --restart");
  EXPECT_EQ(restarted.code, 0) << restarted.err;
  EXPECT_NE(testing::read_file(dir.file("out/stats.json")).find("\"recipe\":\"gopher\""), std::string::npos);
}

// Starts pith with the default signal actions (a shell's background job would ignore SIGINT).
pid_t spawn_pith(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  std::string binary = PITH_BINARY;
  argv.push_back(binary.data());
  std::vector<std::string> copy = args;
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    for (int sig : {SIGINT, SIGTERM}) std::signal(sig, SIG_DFL);
    int null = ::open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  return pid;
}

bool has_temp_file(const std::string& dir) {
  std::error_code ec;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir, ec))
    if (e.path().filename().string().find(".tmp") != std::string::npos) return true;
  return false;
}

// SIGINT or SIGTERM while pith writes: the process ends by that signal and no temporary file is
// left, for pith run (AtomicWriter) and pith clean (the CLI's Output).
TEST(RunCli, SignalsLeaveNoTemporaryFiles) {
  testing::TempDir dir;
  std::string w;
  for (int i = 0; i < 3000; ++i) w += testing::response_record(testing::article_html(i), std::to_string(i), "u");
  std::string crawl = dir.write("in/big.warc", w);
  std::string text;
  for (int i = 0; i < 400000; ++i) text += "A line of text about the river and the bridge, number " + std::to_string(i) + ".\n";
  std::string page = dir.write("in/big.txt", text);
  struct Case {
    std::vector<std::string> args;
    std::string out_dir;
    int sig;
  };
  std::vector<Case> cases = {
      {{"run", crawl, "-o", dir.file("run-int"), "--recipe", "none", "-j", "1"}, dir.file("run-int"), SIGINT},
      {{"run", crawl, "-o", dir.file("run-term"), "--recipe", "none", "-j", "2"}, dir.file("run-term"), SIGTERM},
      {{"clean", page, "-o", dir.file("clean-term/out.txt")}, dir.file("clean-term"), SIGTERM},
  };
  for (const auto& c : cases) {
    std::filesystem::create_directories(c.out_dir);
    pid_t pid = spawn_pith(c.args);
    ASSERT_GT(pid, 0);
    bool seen = false;
    for (int i = 0; i < 4000 && !seen; ++i) {
      seen = has_temp_file(c.out_dir);
      if (!seen) usleep(1000);
    }
    kill(pid, c.sig);
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    if (!seen) {
      ADD_FAILURE() << c.args[0] << ": no temporary file seen before the end (input too small?)";
      continue;
    }
    if (WIFSIGNALED(status)) EXPECT_EQ(WTERMSIG(status), c.sig) << c.args[0];
    else ADD_FAILURE() << c.args[0] << " ended before the signal: exit " << WEXITSTATUS(status);
    EXPECT_FALSE(has_temp_file(c.out_dir)) << c.args[0];
  }
}

}  // namespace
}  // namespace pith
