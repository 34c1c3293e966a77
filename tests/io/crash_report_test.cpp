// The crash report (io/writer.h install_crash_report): a fatal signal names the input being
// worked on, prints a backtrace, removes temporary files and still ends the process by that
// signal. Each case runs in a forked child whose stderr goes to a pipe.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <string>
#include <thread>

#include "core/work_item.h"
#include "fixtures.h"
#include "io/writer.h"

namespace pith {
namespace {

struct Crash {
  int signal = 0;  // 0: the child did not end by a signal
  std::string stderr_text;
};

// Runs body() in a child with the crash report installed; returns how the child ended.
template <class Body>
Crash crash_in_child(Body body) {
  int fds[2];
  EXPECT_EQ(::pipe(fds), 0);
  pid_t child = ::fork();
  EXPECT_GE(child, 0);
  if (child == 0) {
    ::dup2(fds[1], STDERR_FILENO);
    ::close(fds[0]);
    install_crash_report();
    body();
    ::_exit(0);  // reached only when the body did not crash
  }
  ::close(fds[1]);
  Crash c;
  char buf[4096];
  ssize_t n;
  while ((n = ::read(fds[0], buf, sizeof buf)) > 0) c.stderr_text.append(buf, static_cast<size_t>(n));
  ::close(fds[0]);
  int status = 0;
  EXPECT_EQ(::waitpid(child, &status, 0), child);
  if (WIFSIGNALED(status)) c.signal = WTERMSIG(status);
  return c;
}

TEST(CrashReport, NamesTheInputAndKeepsTheSignal) {
  testing::TempDir dir;
  std::string out = dir.file("out.jsonl");
  Crash c = crash_in_child([&] {
    AtomicWriter w;
    if (!w.open(out) || !w.write("half a record")) ::_exit(3);
    WorkItemScope scope("pages/page-7.html.gz");
    ::raise(SIGSEGV);
  });
  EXPECT_EQ(c.signal, SIGSEGV) << c.stderr_text;
  EXPECT_NE(c.stderr_text.find("pith: crashed (SIGSEGV) while working on pages/page-7.html.gz"), std::string::npos)
      << c.stderr_text;
  EXPECT_NE(c.stderr_text.find("Backtrace:"), std::string::npos) << c.stderr_text;
  for (const auto& e : std::filesystem::directory_iterator(dir.path()))
    ADD_FAILURE() << "left behind: " << e.path();  // neither the output nor its temporary file
}

TEST(CrashReport, OutsideAnyInputSaysNoInput) {
  Crash c = crash_in_child([] { ::raise(SIGABRT); });
  EXPECT_EQ(c.signal, SIGABRT);
  EXPECT_NE(c.stderr_text.find("pith: crashed (SIGABRT);"), std::string::npos) << c.stderr_text;
}

// A stack overflow on a worker thread is reported too: the thread's first work item gave it an
// alternate signal stack.
int recurse(int depth) {
  volatile char pad[1024];
  pad[0] = static_cast<char>(depth);
  return depth > 1000000000 ? pad[0] : recurse(depth + 1) + pad[0];
}

TEST(CrashReport, StackOverflowOnAWorkerThreadIsReported) {
  Crash c = crash_in_child([] {
    std::thread worker([] {
      WorkItemScope scope("deep.html");
      recurse(0);
    });
    worker.join();
  });
  EXPECT_EQ(c.signal, SIGSEGV) << c.stderr_text;
  EXPECT_NE(c.stderr_text.find("crashed (SIGSEGV) while working on deep.html"), std::string::npos) << c.stderr_text;
}

TEST(CrashReport, ScopesNestAndRestore) {
  EXPECT_EQ(current_work_item(), nullptr);
  {
    WorkItemScope a("a.warc");
    {
      WorkItemScope b("a.warc:1024");
      EXPECT_STREQ(current_work_item(), "a.warc:1024");
    }
    EXPECT_STREQ(current_work_item(), "a.warc");
  }
  EXPECT_EQ(current_work_item(), nullptr);
}

}  // namespace
}  // namespace pith
