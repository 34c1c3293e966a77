// The pith binary as a user runs it: exit codes 0/1/2, "pith: FILE:OFFSET: what" on stderr,
// the run going on past a bad page, a summary by reason, order and bytes independent of -j,
// stdin, folders, gzip, broken pipes and atomic -o. Each test runs the binary built next to
// these tests (PITH_BINARY) in its own temporary folder.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "../io/fixtures.h"

extern char** environ;

namespace pith::cli_test {
namespace {

namespace fs = std::filesystem;

constexpr std::chrono::seconds kTimeout{120};  // a hung pith fails the test instead of the suite

using testing::read_file;
using testing::write_file;

std::string good_page(std::string_view words) {
  return "<html><head><title>t</title></head><body><article><p>" + std::string(words) +
         ": the committee met on Tuesday to review the budget for the coming year, and after a long "
         "discussion it agreed to fund the new library wing.</p></article></body></html>";
}

struct Outcome {
  int status = -1;  // exit code, or 128 + signal
  std::string out, err;
};

// Waits for pid, killing it after kTimeout. Returns the exit code or 128 + signal.
int wait_for(pid_t pid) {
  auto deadline = std::chrono::steady_clock::now() + kTimeout;
  int st = 0;
  while (true) {
    pid_t r = waitpid(pid, &st, WNOHANG);
    if (r == pid) break;
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &st, 0);
      ADD_FAILURE() << "pith did not finish in " << kTimeout.count() << " s";
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "pith-cli-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    root_ = tmpl;
    dir_ = root_ / "work";
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }

  // Spawns pith with file actions already set for stdin/stdout; chdir to the work folder.
  pid_t spawn(const std::vector<std::string>& args, posix_spawn_file_actions_t& fa) {
    posix_spawn_file_actions_addchdir_np(&fa, dir_.c_str());
    std::vector<char*> argv;
    std::string bin = PITH_BINARY;
    argv.push_back(bin.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = -1;
    int rc = posix_spawn(&pid, bin.c_str(), &fa, nullptr, argv.data(), environ);
    EXPECT_EQ(rc, 0) << "cannot run " << bin;
    return pid;
  }

  // Runs pith with args; stdin from `input` (or /dev/null); stdout to `stdout_path` if given.
  Outcome run(const std::vector<std::string>& args, std::optional<std::string> input = {},
          const std::string& stdout_path = "") {
    fs::path in = root_ / "stdin", out = root_ / "stdout", err = root_ / "stderr";
    if (input) write_file(in, *input);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, input ? in.c_str() : "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, stdout_path.empty() ? out.c_str() : stdout_path.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = spawn(args, fa);
    posix_spawn_file_actions_destroy(&fa);
    Outcome r;
    if (pid <= 0) return r;
    r.status = wait_for(pid);
    if (stdout_path.empty()) r.out = read_file(out);
    r.err = read_file(err);
    return r;
  }

  void page(const std::string& rel, std::string_view bytes) { write_file(dir_ / rel, bytes); }

  // The `source` of every JSONL record, in order.
  static std::vector<std::string> sources(const std::string& jsonl) {
    std::vector<std::string> out;
    std::istringstream in(jsonl);
    for (std::string line; std::getline(in, line);) {
      const std::string key = "{\"source\":\"";
      EXPECT_TRUE(line.starts_with(key)) << line.substr(0, 80);
      size_t end = line.find('"', key.size());
      out.push_back(line.substr(key.size(), end - key.size()));
    }
    return out;
  }

  fs::path root_, dir_;
};

TEST_F(CliTest, ExitZeroWhenEveryPageIsExtracted) {
  page("a.html", good_page("Alpha"));
  Outcome r = run({"extract", "a.html"});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(r.out.starts_with("Alpha: the committee met")) << r.out;
}

struct RejectCase {
  const char* name;
  std::string bytes;
  std::vector<std::string> extra_args;
  std::string message;  // after "pith: FILE:"
  const char* reason;
};

TEST_F(CliTest, EachRejectionHasAClearMessageAndExitOne) {
  std::string gz = testing::gzip_member(good_page("Zipped"));
  const RejectCase cases[] = {
      {"empty.html", "", {}, ": empty page", "empty_input"},
      {"blank.html", "  \n\n ", {}, ": empty page", "empty_input"},
      {"image.html", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), {},
       ": a PNG image: pith reads HTML, text, JSONL and WARC/ARC", "unsupported_format"},
      {"binary.html", std::string("\x01\x02\0\0\x7f\x05\x06\0", 8), {}, ": not HTML: binary data", "binary_input"},
      {"big.html", good_page(std::string(300, 'x')), {"--max-bytes", "100"},
       ": file over the budget of 100 bytes (--max-bytes)", "too_large"},
      {"cut.html.gz", gz.substr(0, gz.size() / 2), {}, ": truncated gzip member (the file ends inside it)",
       "stream_damage"},
      {"bomb.html.gz", testing::gzip_member(std::string(1 << 20, ' ')), {"--max-bytes", "100000"},
       ": file over the budget of 100000 bytes (--max-bytes)", "too_large"},
  };
  for (const auto& c : cases) {
    page(c.name, c.bytes);
    std::vector<std::string> args = {"extract", c.name};
    args.insert(args.end(), c.extra_args.begin(), c.extra_args.end());
    Outcome r = run(args);
    EXPECT_EQ(r.status, 1) << c.name;
    EXPECT_EQ(r.out, "") << c.name;
    std::string msg = c.message;
    EXPECT_EQ(r.err, "pith: " + std::string(c.name) + msg + "\npith: 1 pages: 0 extracted, 1 rejected (" +
                         c.reason + " 1)\n")
        << c.name;
  }
}

// A page with no main text is extracted (its metadata is kept) and named on stderr.
TEST_F(CliTest, NoMainTextIsNamedButNotRejected) {
  page("script.html", "<html><head><meta property=\"og:title\" content=\"Script\"></head>"
                      "<body><script>var a = 1;</script></body></html>");
  Outcome r = run({"extract", "script.html", "--format", "jsonl"});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(sources(r.out), std::vector<std::string>{"script.html"});
  EXPECT_NE(r.out.find("\"title\":\"Script\","), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"text\":\"\","), std::string::npos) << r.out;
  EXPECT_EQ(r.err,
            "pith: script.html: no main text found (nothing visible outside scripts, styles and boilerplate)\n"
            "pith: 1 pages: 1 extracted (1 with no main text)\n");
}

TEST_F(CliTest, CorruptGzipIsReportedWithItsOffset) {
  // A good member, then a valid gzip header and a deflate block of the reserved type 3: the
  // page is damaged (rejected), reported at the bad member's offset.
  std::string good = testing::gzip_member("<p>first part</p>");
  std::string bad("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xff\xff\xff\xff", 14);
  page("bad.html.gz", good + bad);
  page("ok.html.gz", testing::gzip_member(good_page("Zipped")));
  Outcome r = run({"extract", "bad.html.gz", "ok.html.gz"});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(r.out.starts_with("==> ok.html.gz <==\nZipped: the committee")) << r.out;
  EXPECT_EQ(r.err, "pith: bad.html.gz:" + std::to_string(good.size()) +
                       ": corrupt gzip member (invalid deflate data); skipped to the next member\n"
                       "pith: 2 pages: 1 extracted, 1 rejected (stream_damage 1)\n");
}

TEST_F(CliTest, ExitTwoWhenTheCommandCannotRun) {
  page("a.html", good_page("Alpha"));
  struct Case {
    std::vector<std::string> args;
    std::string err;
  };
  const Case cases[] = {
      {{"extract"}, "inputs is required\nRun with --help for more information.\n"},
      {{"extract", "a.html", "--format", "xml"}, "--format: xml not in {text,markdown,json,jsonl}\nRun with --help for more information.\n"},
      {{"extract", "a.html", "--no-such-flag"}, "The following argument was not expected: --no-such-flag\nRun with --help for more information.\n"},
      {{"extract", "missing.html"},
       "pith: missing.html: no such file or folder\npith: no input (give HTML files, folders, WARC/ARC or JSONL files, "
       "quoted globs, or - for stdin)\n"},
      {{"extract", "a.html", "-o", "no/such/dir/out.jsonl"},
       "pith: no/such/dir/out.jsonl: cannot write: No such file or directory\n"},
      {{}, "A subcommand is required\nRun with --help for more information.\n"},
  };
  for (const auto& c : cases) {
    Outcome r = run(c.args);
    std::string line;
    for (const auto& a : c.args) line += a + " ";
    EXPECT_EQ(r.status, 2) << line;
    EXPECT_EQ(r.out, "") << line;
    EXPECT_EQ(r.err, c.err) << line;
  }
}

TEST_F(CliTest, MissingInputAmongGoodOnesIsARejection) {
  page("a.html", good_page("Alpha"));
  Outcome r = run({"extract", "a.html", "missing.html", "--format", "jsonl"});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(sources(r.out), std::vector<std::string>{"a.html"});
  EXPECT_EQ(r.err,
            "pith: missing.html: no such file or folder\n"
            "pith: 2 pages: 1 extracted, 1 rejected (io 1)\n");
}

TEST_F(CliTest, RunGoesOnAfterBadPagesAndCountsThemByReason) {
  page("1.html", good_page("One"));
  page("2.html", "");
  page("3.html", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0", 12));
  page("4.html", good_page("Four"));
  page("5.html.gz", "\x1f\x8b\x08");
  page("6.html", "<html><body><script>x()</script><style>p{}</style></body></html>");
  page("7.html", "   ");
  page("8.html", good_page("Eight"));
  const std::vector<std::string> files = {"1.html", "2.html", "3.html", "4.html", "5.html.gz", "6.html", "7.html", "8.html"};
  for (const char* jobs : {"1", "3"}) {
    std::vector<std::string> args = {"extract", "--format", "jsonl", "-j", jobs};
    args.insert(args.end(), files.begin(), files.end());
    Outcome r = run(args);
    EXPECT_EQ(r.status, 1) << "-j " << jobs;
    EXPECT_EQ(sources(r.out), (std::vector<std::string>{"1.html", "4.html", "6.html", "8.html"})) << "-j " << jobs;
    EXPECT_EQ(r.err,
              "pith: 2.html: empty page\n"
              "pith: 3.html: not HTML: binary data\n"
              "pith: 5.html.gz: truncated gzip member (the file ends inside it)\n"
              "pith: 6.html: no main text found (nothing visible outside scripts, styles and boilerplate)\n"
              "pith: 7.html: empty page\n"
              "pith: 8 pages: 4 extracted (1 with no main text), 4 rejected (binary_input 1, empty_input 2, "
              "stream_damage 1)\n")
        << "-j " << jobs;
  }
}

TEST_F(CliTest, OneAndFourThreadsGiveIdenticalBytes) {
  // Pages of very different sizes, so that with 4 threads later pages finish first.
  for (int i = 0; i < 60; ++i) {
    std::string words = "Page " + std::to_string(i);
    int size = (i * 7919) % 13;
    for (int k = 0; k < size * 400; ++k) words += " word" + std::to_string(k % 97);
    std::string name = "p/" + std::to_string(i % 5) + "/" + std::to_string(i) + ".html";
    if (i % 11 == 3) page(name, "");
    else if (i % 13 == 5) page(name + ".gz", testing::gzip_member(good_page(words)));
    else page(name, good_page(words));
  }
  Outcome one = run({"extract", "p", "--format", "jsonl", "-j", "1"});
  Outcome four = run({"extract", "p", "--format", "jsonl", "-j", "4"});
  EXPECT_EQ(one.status, 1);
  EXPECT_EQ(four.status, one.status);
  EXPECT_EQ(sources(one.out).size(), 54u);
  EXPECT_TRUE(one.out == four.out) << "stdout differs between -j 1 and -j 4";
  EXPECT_EQ(four.err, one.err);
  Outcome text1 = run({"extract", "p", "-j", "1"});
  Outcome text4 = run({"extract", "p", "-j", "4"});
  EXPECT_TRUE(text1.out == text4.out) << "text output differs between -j 1 and -j 4";
}

TEST_F(CliTest, OutputOrderIsInputOrder) {
  std::string big;
  for (int k = 0; k < 200000; ++k) big += " word";
  page("z.html", good_page("Zed" + big));  // slow, first
  page("m.html", good_page("Em"));
  page("a.html", good_page("Ay"));
  page("d/b.html", good_page("Bee"));
  page("d/a.html", good_page("Ay2"));
  Outcome r = run({"extract", "z.html", "m.html", "d", "a.html", "-", "--format", "jsonl", "-j", "4"}, good_page("Stdin"));
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(sources(r.out), (std::vector<std::string>{"z.html", "m.html", "d/a.html", "d/b.html", "a.html", "-"}));
}

TEST_F(CliTest, DashReadsStdinAndUrlLandsInTheRecord) {
  Outcome r = run({"extract", "-", "--url", "https://example.com/a?b=1", "--format", "jsonl"}, good_page("From stdin"));
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("{\"source\":\"-\",\"url\":\"https://example.com/a?b=1\",")) << r.out;
  EXPECT_TRUE(r.out.find("\"text\":\"From stdin: the committee") != std::string::npos) << r.out;
  EXPECT_TRUE(r.out.ends_with("}\n"));
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1);

  Outcome text = run({"extract", "-"}, good_page("Plain"));
  EXPECT_EQ(text.status, 0);
  EXPECT_TRUE(text.out.starts_with("Plain: the committee")) << text.out;

  Outcome gz = run({"extract", "-"}, testing::gzip_member(good_page("Gzipped stdin")));
  EXPECT_EQ(gz.status, 0) << gz.err;
  EXPECT_TRUE(gz.out.starts_with("Gzipped stdin: the committee")) << gz.out;

  Outcome empty = run({"extract", "-"}, "");
  EXPECT_EQ(empty.status, 1);
  EXPECT_EQ(empty.err, "pith: -: empty page\npith: 1 pages: 0 extracted, 1 rejected (empty_input 1)\n");
}

TEST_F(CliTest, FolderIsReadRecursivelyForPagesOnly) {
  const std::string p = good_page("Page");
  page("site/index.html", p);
  page("site/a/b/c/deep.htm", p);
  page("site/a/zipped.html.gz", testing::gzip_member(p));
  page("site/UPPER.HTML", p);
  page("site/notes.txt", p);
  page("site/data.json", p);
  page("site/archive.gz", testing::gzip_member(p));
  page("site/page.html.bak", p);
  page("site/html", p);
  page("site/a/style.css", p);
  fs::create_directories(dir_ / "site/empty/dir.html");  // a folder named like a page
  Outcome r = run({"extract", "site", "--format", "jsonl"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(sources(r.out), (std::vector<std::string>{"site/UPPER.HTML", "site/a/b/c/deep.htm", "site/a/zipped.html.gz",
                                                      "site/index.html"}));
  // A file named on the command line is read whatever its name.
  Outcome named = run({"extract", "site/notes.txt", "--format", "jsonl"});
  EXPECT_EQ(named.status, 0);
  EXPECT_EQ(sources(named.out), std::vector<std::string>{"site/notes.txt"});

  Outcome none = run({"extract", "site/a/b/c/../../../empty"});
  EXPECT_EQ(none.status, 2);
  EXPECT_EQ(none.err,
            "pith: site/a/b/c/../../../empty: no input files in this folder\n"
            "pith: no input (give HTML files, folders, WARC/ARC or JSONL files, quoted globs, or - for stdin)\n");
}

// `pith extract ... | head -1`: the reader goes away; pith stops quietly with exit 0.
TEST_F(CliTest, BrokenPipeIsNotAnError) {
  std::string words;
  for (int k = 0; k < 3000; ++k) words += " word";
  for (int i = 0; i < 400; ++i) page("p/" + std::to_string(1000 + i) + ".html", good_page("P" + std::to_string(i) + words));
  page("p/9999.html", "");  // a rejection after the reader is gone is not reported either
  for (const char* jobs : {"1", "4"}) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    fs::path err = root_ / "stderr";
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
    posix_spawn_file_actions_addclose(&fa, fds[0]);
    posix_spawn_file_actions_addclose(&fa, fds[1]);
    posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = spawn({"extract", "p", "--format", "jsonl", "-j", jobs}, fa);
    posix_spawn_file_actions_destroy(&fa);
    close(fds[1]);
    std::string first;
    char c;
    while (read(fds[0], &c, 1) == 1 && c != '\n') first += c;
    close(fds[0]);  // like `head -1` exiting
    int status = wait_for(pid);
    EXPECT_EQ(status, 0) << "-j " << jobs;
    EXPECT_EQ(read_file(err), "") << "-j " << jobs;
    EXPECT_TRUE(first.starts_with("{\"source\":\"p/1000.html\"")) << first.substr(0, 80);
  }
}

TEST_F(CliTest, WriteErrorOnStdoutIsAFailure) {
  page("a.html", good_page("Alpha"));
  Outcome r = run({"extract", "a.html"}, std::nullopt, "/dev/full");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "pith: stdout: write failed: No space left on device\n");
}

TEST_F(CliTest, OutputFileAppearsAtomically) {
  page("a.html", good_page("Alpha"));
  write_file(dir_ / "out.jsonl", "OLD CONTENT\n");
  // pith reads a page from stdin, which stays open: while it waits, out.jsonl is untouched.
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  fs::path err = root_ / "stderr";
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, fds[0], 0);
  posix_spawn_file_actions_addclose(&fa, fds[0]);
  posix_spawn_file_actions_addclose(&fa, fds[1]);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = spawn({"extract", "a.html", "-", "--format", "jsonl", "-o", "out.jsonl", "-j", "1"}, fa);
  posix_spawn_file_actions_destroy(&fa);
  close(fds[0]);
  std::string half = good_page("Second");
  ASSERT_EQ(write(fds[1], half.data(), half.size() / 2), static_cast<ssize_t>(half.size() / 2));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(read_file(dir_ / "out.jsonl"), "OLD CONTENT\n") << "out.jsonl changed before the run ended";
  std::string rest = half.substr(half.size() / 2);
  ASSERT_EQ(write(fds[1], rest.data(), rest.size()), static_cast<ssize_t>(rest.size()));
  close(fds[1]);
  EXPECT_EQ(wait_for(pid), 0) << read_file(err);
  std::string out = read_file(dir_ / "out.jsonl");
  EXPECT_EQ(sources(out), (std::vector<std::string>{"a.html", "-"}));
  // Nothing but the pages and the output is left in the folder.
  std::vector<std::string> left;
  for (auto& e : fs::directory_iterator(dir_)) left.push_back(e.path().filename().string());
  std::sort(left.begin(), left.end());
  EXPECT_EQ(left, (std::vector<std::string>{"a.html", "out.jsonl"}));

  // The same bytes as on stdout.
  Outcome r = run({"extract", "a.html", "-", "--format", "jsonl"}, good_page("Second"));
  EXPECT_EQ(r.out, out);
}

TEST_F(CliTest, TextOutputOfManyPagesNamesEachPage) {
  page("a.html", good_page("Alpha"));
  page("b.html", good_page("Beta"));
  Outcome r = run({"extract", "a.html", "b.html"});
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(r.out.starts_with("==> a.html <==\nAlpha: ")) << r.out;
  EXPECT_TRUE(r.out.find("\n\n==> b.html <==\nBeta: ") != std::string::npos) << r.out;
}

}  // namespace
}  // namespace pith::cli_test
