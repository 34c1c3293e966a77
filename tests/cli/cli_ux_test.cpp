// pith's console as a user meets it (cli/common.h Console): the progress line only on a
// terminal, redrawn at most 10 times a second, with real totals; messages above the line, never
// over it; -q; the first 20 messages of a reason, then a count; no ":0:" on file-level
// messages; input bytes escaped before they reach the terminal; --help with defaults, `pith
// help`, `pith -V`. Tests that need a terminal run the binary on a pseudo-terminal (forkpty);
// inputs that must take more than a second come through FIFOs that the test feeds slowly, so
// that the run's length does not depend on the machine's speed.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <pty.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "../io/fixtures.h"

extern char** environ;

namespace pith::cli_ux_test {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr std::chrono::seconds kTimeout{120};  // a hung pith fails the test instead of the suite

// The progress line's start: "\r\033[K" and a count. A message starts "\r\033[K" + "pith:".
constexpr std::string_view kClear = "\r\x1b[K";

using testing::read_file;
using testing::write_file;

std::string page(int i) {
  return "<html><body><article><p>Page " + std::to_string(i) +
         ": the committee met on Tuesday to review the budget for the coming year.</p></article></body></html>";
}

// A gzip page cut in half: the input layer reports the damage at an offset.
std::string cut_gzip_page(int i) {
  std::string gz = testing::gzip_member(page(i));
  return gz.substr(0, gz.size() / 2);
}

struct Outcome {
  int status = -1;  // exit code, or 128 + signal
  std::string out, err;
};

struct TtyOutcome {
  int status = -1;
  std::string tty;  // all that pith wrote to the terminal (stdout and stderr)
  double seconds = 0;
};

// Waits for pid, killing it after kTimeout. Returns the exit code or 128 + signal.
int wait_for(pid_t pid) {
  auto deadline = Clock::now() + kTimeout;
  int st = 0;
  while (true) {
    pid_t r = waitpid(pid, &st, WNOHANG);
    if (r == pid) break;
    if (Clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &st, 0);
      ADD_FAILURE() << "pith did not finish in " << kTimeout.count() << " s";
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

size_t count(std::string_view hay, std::string_view needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string_view::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

// Progress lines drawn: a clear followed by a count (a message after a clear starts "pith:").
std::vector<std::string> progress_lines(const std::string& tty) {
  std::vector<std::string> lines;
  for (size_t at = tty.find(kClear); at != std::string::npos; at = tty.find(kClear, at + 1)) {
    size_t start = at + kClear.size();
    if (start < tty.size() && std::isdigit(static_cast<unsigned char>(tty[start]))) {
      size_t end = tty.find_first_of("\r\n", start);
      lines.push_back(tty.substr(start, end == std::string::npos ? std::string::npos : end - start));
    }
  }
  return lines;
}

class CliUxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::signal(SIGPIPE, SIG_IGN);  // a pith that dies while a FIFO is written fails the test, not the suite
    std::string tmpl = (fs::temp_directory_path() / "pith-cliux-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    root_ = tmpl;
    dir_ = root_ / "work";
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }

  static std::vector<std::string> argv_of(const std::vector<std::string>& args) {
    std::vector<std::string> all = {PITH_BINARY};
    all.insert(all.end(), args.begin(), args.end());
    return all;
  }

  // Runs pith with stdin from /dev/null and stdout, stderr to files: no terminal anywhere.
  Outcome run(const std::vector<std::string>& args) {
    fs::path out = root_ / "stdout", err = root_ / "stderr";
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addchdir_np(&fa, dir_.c_str());
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<std::string> all = argv_of(args);
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = -1;
    int rc = posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    EXPECT_EQ(rc, 0) << "cannot run " << PITH_BINARY;
    Outcome r;
    if (rc != 0) return r;
    r.status = wait_for(pid);
    r.out = read_file(out);
    r.err = read_file(err);
    return r;
  }

  // Runs pith on a pseudo-terminal (stdin, stdout and stderr), 200 columns wide; `feed` runs
  // in this process while pith runs (it writes the FIFOs pith reads).
  TtyOutcome run_on_tty(const std::vector<std::string>& args, const std::function<void()>& feed = {}) {
    std::vector<std::string> all = argv_of(args);
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    const std::string dir = dir_.string();
    struct winsize ws {};
    ws.ws_row = 50;
    ws.ws_col = 200;
    int master = -1;
    TtyOutcome r;
    const auto start = Clock::now();
    pid_t pid = forkpty(&master, nullptr, nullptr, &ws);
    if (pid == 0) {  // the child: nothing but system calls until exec
      if (chdir(dir.c_str()) != 0) _exit(126);
      execve(argv[0], argv.data(), environ);
      _exit(127);
    }
    EXPECT_GT(pid, 0) << "forkpty: " << std::strerror(errno);
    if (pid <= 0) return r;
    std::thread reader([&] {
      char buf[4096];
      ssize_t n;
      // EIO once pith (the last holder of the terminal) has exited.
      while ((n = read(master, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
        if (n > 0) r.tty.append(buf, static_cast<size_t>(n));
    });
    stop_feeding_ = false;
    std::thread feeder([&] {
      if (feed) feed();
    });
    r.status = wait_for(pid);
    stop_feeding_ = true;  // a pith that ended early opens no more FIFOs
    feeder.join();
    reader.join();
    close(master);
    r.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return r;
  }

  // n FIFOs named p000.html ...; returns their names.
  std::vector<std::string> make_fifos(int n) {
    std::vector<std::string> names;
    for (int i = 0; i < n; ++i) {
      char name[32];
      std::snprintf(name, sizeof name, "p%03d.html", i);
      EXPECT_EQ(mkfifo((dir_ / name).c_str(), 0644), 0) << std::strerror(errno);
      names.push_back(name);
    }
    return names;
  }

  // Writes each FIFO in turn (waiting for pith to open it), `pause` after each: the pages come
  // in over n * pause, however fast the machine is.
  void feed_fifos(const std::vector<std::string>& names, std::chrono::milliseconds pause,
                  const std::function<std::string(int)>& content) {
    for (size_t i = 0; i < names.size(); ++i) {
      const auto deadline = Clock::now() + kTimeout;
      int fd = -1;
      // O_NONBLOCK: fails with ENXIO until pith opens the FIFO for reading (so that a pith that
      // died early does not hang the test).
      while ((fd = open((dir_ / names[i]).c_str(), O_WRONLY | O_NONBLOCK)) < 0 && Clock::now() < deadline &&
             !stop_feeding_)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      if (fd < 0) return;  // pith has ended (or hangs): its outcome says what went wrong
      fcntl(fd, F_SETFL, 0);
      std::string bytes = content(static_cast<int>(i));
      EXPECT_EQ(write(fd, bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size())) << std::strerror(errno);
      close(fd);
      std::this_thread::sleep_for(pause);
    }
  }

  fs::path root_, dir_;
  std::atomic<bool> stop_feeding_{false};
};

// 150 pages that come in over more than a second: the line is drawn, with the real total and an
// ETA, at most 10 times a second (clean drew it once per record: 554 KB for 10,000 records).
TEST_F(CliUxTest, ProgressOnATerminalIsRedrawnAtMostTenTimesASecond) {
  std::vector<std::string> fifos = make_fifos(150);
  std::vector<std::string> args = {"wet", "-o", "out.jsonl"};
  args.insert(args.end(), fifos.begin(), fifos.end());
  TtyOutcome r = run_on_tty(args, [&] { feed_fifos(fifos, std::chrono::milliseconds(8), page); });
  EXPECT_EQ(r.status, 0) << r.tty;
  ASSERT_GT(r.seconds, 1.0);
  std::vector<std::string> lines = progress_lines(r.tty);
  EXPECT_GE(lines.size(), 3u) << r.tty;
  EXPECT_LE(static_cast<double>(lines.size()), r.seconds * 10 + 1) << lines.size() << " lines in " << r.seconds << " s";
  bool eta_seen = false;
  for (const auto& l : lines) {
    EXPECT_TRUE(std::regex_search(l, std::regex("^[0-9]+/150 pages  [0-9]+ pages/s"))) << l;
    if (std::regex_search(l, std::regex("[0-9]+%  ETA (0\\.[1-9]|[1-9][0-9.]*)s"))) eta_seen = true;
  }
  EXPECT_TRUE(eta_seen) << "no line with an ETA over 0 s: " << r.tty;
  // The line is cleared at the end: the last clear is not followed by another line.
  const size_t last_clear = r.tty.rfind(kClear);
  ASSERT_NE(last_clear, std::string::npos);
  EXPECT_EQ(r.tty.substr(last_clear), kClear);
  EXPECT_EQ(count(read_file(dir_ / "out.jsonl"), "\n"), 150u);
}

// Errors while the line is shown: the line is cleared, the message printed on its own line, the
// progress line drawn again below it; never "12/150 pages ...pith: p012.html: ...".
TEST_F(CliUxTest, MessagesArePrintedAboveTheProgressLine) {
  std::vector<std::string> fifos = make_fifos(120);
  std::vector<std::string> args = {"wet", "-o", "out.jsonl"};
  args.insert(args.end(), fifos.begin(), fifos.end());
  auto content = [](int i) { return i % 10 == 9 ? cut_gzip_page(i) : page(i); };
  TtyOutcome r = run_on_tty(args, [&] { feed_fifos(fifos, std::chrono::milliseconds(10), content); });
  EXPECT_EQ(r.status, 1) << r.tty;
  EXPECT_EQ(count(r.tty, "truncated gzip member"), 12u) << r.tty;
  ASSERT_GE(progress_lines(r.tty).size(), 3u) << r.tty;
  size_t redrawn_after_message = 0;
  for (size_t at = r.tty.find("pith: "); at != std::string::npos; at = r.tty.find("pith: ", at + 1)) {
    std::string_view before = std::string_view(r.tty).substr(0, at);
    EXPECT_TRUE(before.empty() || before.ends_with("\n") || before.ends_with(kClear))
        << "a message after other text on its line: ..." << before.substr(before.size() > 80 ? before.size() - 80 : 0);
    size_t eol = r.tty.find('\n', at);
    ASSERT_NE(eol, std::string::npos);
    std::string_view after = std::string_view(r.tty).substr(eol + 1);
    if (after.starts_with(kClear) && after.size() > kClear.size() && std::isdigit(static_cast<unsigned char>(after[kClear.size()])))
      ++redrawn_after_message;
  }
  EXPECT_GE(redrawn_after_message, 1u) << "the line was never drawn again after a message: " << r.tty;
}

TEST_F(CliUxTest, NoProgressWhenStderrIsNotATerminal) {
  std::vector<std::string> fifos = make_fifos(60);
  std::vector<std::string> args = {"wet", "-o", "out.jsonl"};
  args.insert(args.end(), fifos.begin(), fifos.end());
  stop_feeding_ = false;
  std::thread feeder([&] { feed_fifos(fifos, std::chrono::milliseconds(5), page); });
  Outcome r = run(args);
  stop_feeding_ = true;
  feeder.join();
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, "");
}

// The output goes to the terminal: a progress line on the same terminal would be torn by it.
TEST_F(CliUxTest, NoProgressWhenTheOutputGoesToTheTerminal) {
  std::vector<std::string> fifos = make_fifos(40);
  std::vector<std::string> args = {"wet", "-f", "text"};
  args.insert(args.end(), fifos.begin(), fifos.end());
  TtyOutcome r = run_on_tty(args, [&] { feed_fifos(fifos, std::chrono::milliseconds(8), page); });
  EXPECT_EQ(r.status, 0) << r.tty;
  EXPECT_EQ(count(r.tty, "Page "), 40u);
  EXPECT_EQ(r.tty.find('\x1b'), std::string::npos) << r.tty;
}

// -q: no progress line, no warnings, no summary; errors are still printed and the exit code
// is the same.
TEST_F(CliUxTest, QuietShowsErrorsOnly) {
  std::vector<std::string> fifos = make_fifos(40);
  std::vector<std::string> args = {"wet", "-q", "-o", "out.jsonl", "missing.html"};
  args.insert(args.end(), fifos.begin(), fifos.end());
  TtyOutcome r = run_on_tty(args, [&] { feed_fifos(fifos, std::chrono::milliseconds(8), page); });
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.tty, "pith: missing.html: no such file or folder\r\n");

  // pith run: the skipped-rule warning and the summary go; without -q they are there.
  std::string text =
      "The committee met on Tuesday to review the budget for the coming year. After a long discussion it agreed to "
      "fund the new library wing, which will open next spring. ";
  std::string body;
  for (int i = 0; i < 8; ++i) body += text;
  write_file(dir_ / "crawl.warc.wet", "WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: http://example.com/a\r\n"
                                      "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body + "\r\n\r\n");
  TtyOutcome loud = run_on_tty({"run", "crawl.warc.wet", "-o", "out1", "--recipe", "c4"});
  EXPECT_EQ(loud.status, 0) << loud.tty;
  EXPECT_NE(loud.tty.find("pith: rule c4_badwords skipped"), std::string::npos) << loud.tty;
  EXPECT_NE(loud.tty.find("pith: 1 records: "), std::string::npos) << loud.tty;
  TtyOutcome quiet = run_on_tty({"run", "crawl.warc.wet", "-o", "out2", "--recipe", "c4", "--quiet"});
  EXPECT_EQ(quiet.status, 0);
  EXPECT_EQ(quiet.tty, "");
}

TEST_F(CliUxTest, EveryCommandHasQuiet) {
  for (const char* command : {"extract", "clean", "run"}) {
    Outcome r = run({command, "--help"});
    EXPECT_EQ(r.status, 0) << command;
    EXPECT_NE(r.out.find("-q,--quiet"), std::string::npos) << command << ":\n" << r.out;
  }
}

// 30 pages rejected for one reason: the first 20 are named, then one line with the rest's count.
TEST_F(CliUxTest, RepeatedErrorsOfOneReasonAreCappedAtTwenty) {
  std::vector<std::string> args = {"wet", "-o", "out.jsonl"};
  for (int i = 0; i < 30; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "cut%02d.html.gz", i);
    write_file(dir_ / name, cut_gzip_page(i));
    args.push_back(name);
  }
  Outcome r = run(args);
  EXPECT_EQ(r.status, 1);
  std::istringstream lines(r.err);
  std::vector<std::string> got;
  for (std::string l; std::getline(lines, l);) got.push_back(l);
  ASSERT_EQ(got.size(), 21u) << r.err;
  for (int i = 0; i < 20; ++i) {
    char prefix[48];
    std::snprintf(prefix, sizeof prefix, "pith: cut%02d.html.gz: ", i);
    EXPECT_TRUE(got[i].starts_with(prefix) && got[i].ends_with("truncated gzip member (the file ends inside it)"))
        << got[i];
  }
  EXPECT_EQ(got[20], "pith: 10 more stream_damage errors not shown");
}

// With --rejects the count line says where all of them are.
TEST_F(CliUxTest, TheCountLineNamesTheRejectsFile) {
  std::string warc;  // 25 bad records, each followed by a good one (the reader resynchronises on it)
  for (int i = 0; i < 25; ++i)
    warc += "WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: many\r\n\r\nhello\r\n\r\n"
            "WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n";
  write_file(dir_ / "bad.warc", warc);
  Outcome r = run({"run", "bad.warc", "-o", "out", "--rejects", "rejects.jsonl"});
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(count(r.err, "\n"), 21u) << r.err;
  EXPECT_TRUE(std::regex_search(r.err, std::regex("\npith: 5 more ([a-z_]+ )?errors not shown \\(all are in --rejects "
                                                  "rejects\\.jsonl\\)\n$")))
      << r.err;
  EXPECT_EQ(count(read_file(dir_ / "rejects.jsonl"), "read/bad_record"), 25u);
}

// A message about a whole file has no offset: "PATH: what", not "PATH:0: what".
TEST_F(CliUxTest, FileLevelMessagesHaveNoOffset) {
  write_file(dir_ / "a.html", page(1));
  Outcome missing = run({"wet", "a.html", "missing.html", "-o", "out.jsonl"});
  EXPECT_EQ(missing.status, 1);
  EXPECT_EQ(missing.err, "pith: missing.html: no such file or folder\n");
  Outcome unwritable = run({"wet", "a.html", "-o", "no/such/folder/out.jsonl"});
  EXPECT_EQ(unwritable.status, 2);
  EXPECT_EQ(unwritable.err, "pith: no/such/folder/out.jsonl: cannot write: No such file or directory\n");
  // An offset that means something stays.
  // (a whole member, then one cut short: the damage is at the second member's offset)
  const std::string first = testing::gzip_member("<p>first</p>");
  write_file(dir_ / "cut.html.gz", first + cut_gzip_page(1));
  Outcome cut = run({"wet", "cut.html.gz", "-o", "out.jsonl"});
  EXPECT_EQ(cut.status, 1);
  EXPECT_EQ(cut.err, "pith: cut.html.gz:" + std::to_string(first.size()) +
                         ": truncated gzip member (the file ends inside it)\n");
}

// No byte of the input reaches the terminal as a control: ESC, BEL, C1 (U+009B is CSI on some
// terminals) and invalid UTF-8 are shown as \xNN; other UTF-8 as it is.
TEST_F(CliUxTest, InputBytesInMessagesAreEscaped) {
  Outcome r = run({"wet", "a\x1b[2J\x07\xc2\x9b\xff-caf\xc3\xa9.html", "-o", "out.jsonl"});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, "pith: a\\x1b[2J\\x07\\xc2\\x9b\\xff-caf\xc3\xa9.html: no such file or folder, and no file matches "
                   "it as a pattern\n");

  // A record's bytes echoed in a message (a WARC header value).
  write_file(dir_ / "bad.warc", "WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: \x1b]0;title\x07\x9b" "6m\r\n\r\n"
                                "hello\r\n\r\n");
  Outcome warc = run({"run", "bad.warc", "-o", "out"});
  EXPECT_EQ(warc.status, 1);
  for (char c : warc.err)
    EXPECT_FALSE((static_cast<unsigned char>(c) < 0x20 && c != '\n') || static_cast<unsigned char>(c) >= 0x7f)
        << "raw byte " << static_cast<int>(static_cast<unsigned char>(c)) << " in " << warc.err;
  EXPECT_NE(warc.err.find("\\x1b]0;title\\x07\\x9b6m"), std::string::npos) << warc.err;
}

// --help shows each option's default, -j as "all cores (N)".
TEST_F(CliUxTest, HelpShowsDefaults) {
  Outcome run_help = run({"run", "--help"});
  EXPECT_EQ(run_help.status, 0);
  const std::string n = std::to_string(std::max(1u, std::thread::hardware_concurrency()));
  for (const std::string& want : std::vector<std::string>{"--recipe TEXT:{none,gopher,c4,fineweb}=fineweb", "--format TEXT:{jsonl,jsonl.gz,jsonl.zst}=jsonl.gz",
                           "-j,--jobs UINT=all cores (" + n + ")", "--max-record-bytes UINT=67108864",
                           "--max-inflight-mb UINT=256", "--favor TEXT:{precision,balanced,recall}=balanced"})
    EXPECT_NE(run_help.out.find(want), std::string::npos) << want << " not in:\n" << run_help.out;
  EXPECT_EQ(run_help.out.find("=[]"), std::string::npos) << run_help.out;
  EXPECT_EQ(run_help.out.find("=-1"), std::string::npos) << run_help.out;  // --lang-threshold: the recipe's

  Outcome extract_help = run({"extract", "--help"});
  for (const std::string& want : std::vector<std::string>{"-f,--format TEXT:{text,markdown,json,jsonl}=text", "--max-millis UINT=10000",
                           "--max-bytes UINT=67108864", "-j,--jobs UINT=all cores (" + n + ")"})
    EXPECT_NE(extract_help.out.find(want), std::string::npos) << want << " not in:\n" << extract_help.out;
  Outcome clean_help = run({"clean", "--help"});
  for (const std::string& want : std::vector<std::string>{"--min-share FLOAT=0.2", "--max-line-bytes UINT=1048576", "-j,--jobs UINT=all cores (" + n + ")"})
    EXPECT_NE(clean_help.out.find(want), std::string::npos) << want << " not in:\n" << clean_help.out;
}

TEST_F(CliUxTest, HelpCommand) {
  Outcome all = run({"help"});
  EXPECT_EQ(all.status, 0);
  EXPECT_TRUE(all.out.find("Usage: pith [OPTIONS] SUBCOMMAND") != std::string::npos) << all.out;
  for (const char* command : {"extract", "clean", "run"})
    EXPECT_TRUE(std::regex_search(all.out, std::regex(std::string("\n  ") + command + " +[A-Z]"))) << all.out;

  Outcome help_run = run({"help", "run"});
  Outcome run_help = run({"run", "--help"});
  EXPECT_EQ(help_run.status, 0);
  EXPECT_TRUE(help_run.out.starts_with("Build a corpus")) << help_run.out;
  EXPECT_EQ(help_run.out, run_help.out);

  Outcome unknown = run({"help", "frobnicate"});
  EXPECT_EQ(unknown.status, 2);
  EXPECT_EQ(unknown.err, "pith: no command \"frobnicate\" (pith help lists them)\n");
}

// -V and --version print the version of the CMake project.
TEST_F(CliUxTest, VersionFromTheBuild) {
  std::smatch m;
  std::string cmake = read_file(fs::path(PITH_SOURCE_DIR) / "CMakeLists.txt");
  ASSERT_TRUE(std::regex_search(cmake, m, std::regex("project\\(pith VERSION ([0-9.]+)")));
  for (const char* flag : {"-V", "--version"}) {
    Outcome r = run({flag});
    EXPECT_EQ(r.status, 0) << flag;
    EXPECT_EQ(r.out, "pith " + m[1].str() + "\n") << flag;
  }
}

}  // namespace
}  // namespace pith::cli_ux_test
