// What every subcommand shares: the output sink, and the console (messages and progress on
// stderr).
#pragma once
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "pith/input.h"

namespace CLI {
class App;
}

namespace pith::cli {

// Exit codes, as ripgrep: 0 all went well, 1 some inputs were rejected, 2 the command failed.
inline constexpr int kExitOk = 0;
inline constexpr int kExitSomeRejected = 1;
inline constexpr int kExitFailed = 2;

// Messages of one reason shown on stderr before the rest are only counted (the first 20 show
// what goes wrong; 10,000 more lines of the same hide everything else).
inline constexpr uint64_t kShownPerReason = 20;

// At most 10 progress lines a second: fast enough to look live, slow enough that a run of
// small records does not spend its time (and the terminal's) drawing.
inline constexpr std::chrono::milliseconds kRedrawInterval{100};

// Bytes from the input (a path, a record's words) as they may be shown on a terminal: C0
// controls, DEL and C1 controls become \xNN (C1 as the two bytes of their UTF-8 form), and so
// does every byte of invalid UTF-8, so that no escape sequence in a crawled page or a file
// name reaches the terminal. Valid UTF-8 otherwise passes unchanged.
std::string escape_for_terminal(std::string_view bytes);

// What the progress line knows before the run (0 = not known).
struct ProgressTotals {
  std::string_view unit = "pages";  // what items counts: "pages", "records"
  uint64_t items = 0;               // 0 when only the end tells (records inside files)
  uint64_t bytes = 0;               // size of all inputs on disk; 0 (stdin): no ETA from bytes
  uint64_t files = 0;               // shown as "3/10 files" when there is more than one
};

// What has been done so far, in the units of ProgressTotals.
struct ProgressCounts {
  uint64_t items = 0;
  uint64_t bytes = 0;               // input bytes read, as counted in ProgressTotals::bytes
  uint64_t files = 0;               // input files finished
  uint64_t bytes_uncompressed = 0;  // shown as a second rate when not 0
};

// The console of a command: every message and the progress line go through here, so that a
// message is printed above the line (clear it, print, draw it again), never over it. One for
// the process (stderr is one): console(). Safe to call from any thread.
//
//   console().set_rejects_path(args.rejects);   // named when errors are not all shown
//   console().start_progress({.unit = "pages", .items = files.size(), .bytes = total_size});
//   console().error("io", path, "permission denied");              // pith: PATH: what
//   console().error("bad_record", path, offset, "what");           // pith: PATH:OFFSET: what
//   console().warning("no_text", path, "no main text found");      // hidden by -q
//   console().progress({.items = done, .bytes = bytes_done});      // redrawn <= 10/s
//   console().finish();     // clears the line; "pith: 1234 more bad_record errors not shown"
//   console().summary("8 pages: 4 extracted, 4 rejected (io 4)");  // hidden by -q
//   report("no input files");                                      // the command failed
//
// -q (set_quiet) hides the progress line, warnings and the summary; errors are still printed
// (the first kShownPerReason of each reason) and counted, and the exit code does not change.
// The line is drawn only when stderr is a terminal, and not while the command's output goes to
// that terminal (Output on a terminal stdout): it would be torn by the output.
class Console {
 public:
  void set_quiet(bool quiet);
  bool quiet() const;
  void set_rejects_path(std::string path);

  // An input (or a record of it) rejected: counted under `reason`; the first kShownPerReason of
  // each reason are printed. No offset for what concerns the whole file.
  void error(std::string_view reason, std::string_view path, std::optional<uint64_t> offset, std::string_view what);
  void error(std::string_view reason, std::string_view path, std::string_view what) {
    error(reason, path, std::nullopt, what);
  }
  // Something the user should know that rejects nothing: as error(), and hidden by -q.
  void warning(std::string_view reason, std::string_view path, std::optional<uint64_t> offset, std::string_view what);
  void warning(std::string_view reason, std::string_view path, std::string_view what) {
    warning(reason, path, std::nullopt, what);
  }
  // The command cannot go on, or part of it failed: always printed, never capped.
  void fail(std::string_view what);
  // The closing count of a command ("8 pages: ..."): hidden by -q.
  void summary(std::string_view what);

  // Errors reported so far (all reasons), shown or not.
  uint64_t errors() const;

  void start_progress(const ProgressTotals& totals);
  void progress(const ProgressCounts& counts);
  // Clears the progress line and says how many messages of each reason were not shown. Call
  // it before the summary; messages after it are printed (and counted) as before.
  void finish();

  // Output calls this when it writes to stdout: on a terminal, no progress line from then on.
  void output_on_stdout();

 private:
  struct Tally {
    uint64_t count = 0;
    bool warning = false;
  };
  void message_locked(std::string_view path, std::optional<uint64_t> offset, std::string_view what);
  void print_locked(const std::string& line);  // above the progress line
  void draw_locked(std::chrono::steady_clock::time_point now);
  void clear_line_locked();

  mutable std::mutex mu_;
  bool quiet_ = false;
  std::string rejects_path_;
  std::map<std::string, Tally, std::less<>> tallies_;  // by reason
  uint64_t errors_ = 0;

  bool progress_on_ = false;
  bool line_shown_ = false;
  bool stdout_is_terminal_output_ = false;
  ProgressTotals totals_;
  std::string unit_;  // totals_.unit's text (the caller's may not outlive it)
  ProgressCounts counts_;
  std::string line_;  // the progress line last drawn
  std::chrono::steady_clock::time_point start_, last_draw_;
};

Console& console();

// "pith: what" on stderr, above the progress line: the command failed (Console::fail).
void report(std::string_view what);

// The options every subcommand has (-q/--quiet), added by main to each of them; the console
// takes them once the command line is parsed (apply_common_options).
void add_common_options(CLI::App& sub);
void apply_common_options();

// "all cores (N)": the default of -j, as --help shows it.
std::string all_cores_default();

// The input layer's options from a command's --input-format and --field: a --field given alone
// says the input is JSONL (else the format is found by content); `default_field` is the field
// when none is given ("html" for pith extract, "text" for pith clean).
ReaderOptions reader_options(std::string_view input_format, const std::string& field, std::string_view default_field,
                             PageKind want, size_t max_record_bytes);

// Writes to stdout or to a file that appears atomically (temporary name, then rename) on close.
class Output {
 public:
  bool open(const std::string& path);  // "" or "-" = stdout
  bool write(std::string_view s);
  bool close();
  // The reader went away (EPIPE): not an error, but nothing more can be written.
  bool broken_pipe() const { return broken_pipe_; }

 private:
  bool fail(int err);  // records a failed write: EPIPE quietly, anything else reported once
  static constexpr size_t kBufferBytes = 1u << 20;
  std::FILE* f_ = nullptr;
  char* buf_ = nullptr;  // f_'s buffer (files only); an Output never closed leaves it to exit
  std::string path_, tmp_;
  int temp_slot_ = -1;  // tmp_'s slot in the signal clean-up registry (io/writer.h)
  bool broken_pipe_ = false;
  bool failed_ = false;
};

}  // namespace pith::cli
