// Resume that cannot mix runs (issue 10, point 3): parts are named after their input, carry the
// input's and the settings' fingerprints, and are reused only when both match; one run holds
// the output folder at a time; a signal leaves no temporary file; --shard is parsed strictly.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <regex>

#include "../io/fixtures.h"
#include "io/writer.h"
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
    w += response_record(article_html(seed * 100 + i), std::to_string(seed * 100 + i), "https://e.com/" + std::to_string(seed * 100 + i));
  return w;
}

struct Rerun {
  RunOptions o;
  std::vector<std::string> messages;
  Result<RunSummary> go() {
    messages.clear();
    o.on_message = [this](std::string_view f, uint64_t, std::string_view what) {
      messages.push_back(std::string(f) + ": " + std::string(what));
    };
    return run_pipeline(o);
  }
  std::string all_messages() const {
    std::string s;
    for (const auto& m : messages) s += m + "\n";
    return s;
  }
};

Rerun make_run(const std::vector<std::string>& paths, const std::string& out) {
  Rerun r;
  r.o.inputs = testing::input_files(paths);
  r.o.output_dir = out;
  r.o.recipe = "none";
  r.o.format = "jsonl";
  return r;
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

// The bug of the issue: with parts numbered by position, an input that sorts first took the
// number of a finished part and was silently skipped.
TEST(Resume, AnAddedInputIsReadAndNoPartIsRenamed) {
  TempDir dir;
  dir.write("in/b.warc", crawl(2));
  dir.write("in/sub/c.warc", crawl(3));
  Rerun run = make_run({}, dir.file("out"));
  run.o.inputs = from_folder(dir.file("in"), {"b.warc", "sub/c.warc"});
  auto first = run.go();
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_TRUE(fs::exists(dir.file("out/b.warc.jsonl")));
  EXPECT_TRUE(fs::exists(dir.file("out/sub__c.warc.jsonl")));
  auto t_b = fs::last_write_time(dir.file("out/b.warc.jsonl"));

  dir.write("in/a.warc", crawl(1));
  run.o.inputs = from_folder(dir.file("in"), {"a.warc", "b.warc", "sub/c.warc"});
  auto second = run.go();
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->files_done_before, 2u);
  EXPECT_EQ(second->stats.written, 9u);
  EXPECT_EQ(fs::last_write_time(dir.file("out/b.warc.jsonl")), t_b);
  std::string a = testing::read_file(dir.file("out/a.warc.jsonl"));
  EXPECT_NE(a.find("\"id\":\"urn:uuid:100\""), std::string::npos);
}

TEST(Resume, TheMarkerNamesTheInputAndTheSettings) {
  TempDir dir;
  std::string in = dir.write("in/a.warc", crawl(1));
  Rerun run = make_run({in}, dir.file("out"));
  ASSERT_TRUE(run.go());
  PartMarker m;
  ASSERT_TRUE(parse_part_marker(testing::read_file(dir.file("out/a.warc.done")), m));
  EXPECT_EQ(m.rel, "a.warc");
  EXPECT_EQ(m.size, fs::file_size(in));
  auto fp = file_fingerprint(in);
  ASSERT_TRUE(fp);
  EXPECT_EQ(m.input_fingerprint, *fp);
  EXPECT_EQ(m.settings.at("recipe"), "none");
  EXPECT_EQ(m.settings.at("format"), "jsonl");
  EXPECT_EQ(m.settings.at("pith_version"), std::string(kPithVersion));
  EXPECT_EQ(m.settings.count("recipe_version"), 1u);
  EXPECT_EQ(m.stats.records, 3u);
  EXPECT_EQ(m.stats.written, 3u);
  // The marker reads back as it was written, whatever bytes the rel holds.
  m.rel = "odd\tname\nwith\\escapes";
  PartMarker back;
  ASSERT_TRUE(parse_part_marker(format_part_marker(m), back));
  EXPECT_EQ(back.rel, m.rel);
  EXPECT_EQ(back.settings, m.settings);
  EXPECT_EQ(back.stats.to_tsv(), m.stats.to_tsv());
  // stats.json names the recipe and the fingerprint of the settings the parts were made with.
  std::string stats = testing::read_file(dir.file("out/stats.json"));
  EXPECT_NE(stats.find("\"recipe\":\"none\""), std::string::npos);
  EXPECT_NE(stats.find("\"settings_fingerprint\":\"" + m.settings_fingerprint + "\""), std::string::npos);
}

TEST(Resume, AChangedInputStopsTheRunOrIsRedoneWithRestart) {
  TempDir dir;
  std::string a = dir.write("in/a.warc", crawl(1));
  std::string b = dir.write("in/b.warc", crawl(2));
  Rerun run = make_run({a, b}, dir.file("out"));
  ASSERT_TRUE(run.go());
  std::string part_before = testing::read_file(dir.file("out/b.warc.jsonl"));

  dir.write("in/b.warc", crawl(2) + crawl(5, 1));  // a record appended
  run.o.inputs = testing::input_files({a, b});
  auto grown = run.go();
  ASSERT_FALSE(grown);
  EXPECT_NE(grown.error().message.find("--restart"), std::string::npos) << grown.error().message;
  EXPECT_NE(run.all_messages().find(b + ": its part b.warc cannot be reused: the input changed: "), std::string::npos)
      << run.all_messages();
  EXPECT_EQ(testing::read_file(dir.file("out/b.warc.jsonl")), part_before);

  // Same size, other bytes: the fingerprint tells.
  std::string same_size = crawl(2);
  same_size[same_size.size() / 2] = same_size[same_size.size() / 2] == 'x' ? 'y' : 'x';
  dir.write("in/b.warc", same_size);
  run.o.inputs = testing::input_files({a, b});
  auto edited = run.go();
  ASSERT_FALSE(edited);
  EXPECT_TRUE(run.all_messages().find("bytes then") == std::string::npos) << run.all_messages();
  EXPECT_NE(run.all_messages().find("its content differs"), std::string::npos) << run.all_messages();

  run.o.restart = true;
  auto redone = run.go();
  ASSERT_TRUE(redone) << redone.error().message;
  EXPECT_EQ(redone->files_done_before, 0u);
  EXPECT_EQ(redone->parts_deleted, 2u);
  PartMarker m;
  ASSERT_TRUE(parse_part_marker(testing::read_file(dir.file("out/b.warc.done")), m));
  EXPECT_EQ(m.input_fingerprint, *file_fingerprint(b));
  // And the next run without restart reuses both.
  run.o.restart = false;
  auto again = run.go();
  ASSERT_TRUE(again);
  EXPECT_EQ(again->files_done_before, 2u);
}

// The other half of the bug: a rerun with another recipe kept the old parts while stats.json
// named the new recipe.
TEST(Resume, OtherSettingsStopTheRunAndStatsNeverNameAnotherRecipe) {
  TempDir dir;
  std::string a = dir.write("in/a.warc", crawl(1));
  Rerun run = make_run({a}, dir.file("out"));
  ASSERT_TRUE(run.go());

  struct Change {
    const char* what;
    std::function<void(RunOptions&)> apply;
  };
  std::vector<Change> changes = {
      {"recipe none then, gopher now", [](RunOptions& o) { o.recipe = "gopher"; }},
      {"mask_pii yes then, no now", [](RunOptions& o) { o.mask_pii = false; }},
      {"dedup yes then, no now", [](RunOptions& o) { o.dedup = false; }},
      {"input_field text then, html now", [](RunOptions& o) { o.input_field = "html"; }},
      {"max_record_bytes", [](RunOptions& o) { o.max_record_bytes = 1000; }},
      {"extract_favor balanced then, precision now", [](RunOptions& o) { o.extract_options.favor = Favor::kPrecision; }},
      {"languages recipe's then, de now",
       [](RunOptions& o) {
         o.recipe_options.languages_set = true;
         o.recipe_options.languages = {"de"};
       }},
  };
  for (const auto& c : changes) {
    Rerun other = make_run({a}, dir.file("out"));
    c.apply(other.o);
    auto r = other.go();
    ASSERT_FALSE(r) << c.what;
    EXPECT_NE(other.all_messages().find("it was written with other settings: "), std::string::npos) << c.what;
    EXPECT_NE(other.all_messages().find(c.what), std::string::npos) << other.all_messages();
    EXPECT_NE(testing::read_file(dir.file("out/stats.json")).find("\"recipe\":\"none\""), std::string::npos) << c.what;
  }
  // Another format writes other part files, but the marker is the same: not reused either.
  Rerun gz = make_run({a}, dir.file("out"));
  gz.o.format = "jsonl.gz";
  EXPECT_FALSE(gz.go());
  EXPECT_NE(gz.all_messages().find("format jsonl then, jsonl.gz now"), std::string::npos) << gz.all_messages();

  Rerun gopher = make_run({a}, dir.file("out"));
  gopher.o.recipe = "gopher";
  gopher.o.restart = true;
  auto r = gopher.go();
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->files_done_before, 0u);
  EXPECT_NE(testing::read_file(dir.file("out/stats.json")).find("\"recipe\":\"gopher\""), std::string::npos);
  PartMarker m;
  ASSERT_TRUE(parse_part_marker(testing::read_file(dir.file("out/a.warc.done")), m));
  EXPECT_EQ(m.settings.at("recipe"), "gopher");
}

TEST(Resume, PartsOfAnOlderPithStopTheRunAndRestartDeletesThem) {
  TempDir dir;
  std::string a = dir.write("in/a.warc", crawl(1));
  dir.write("out/00000.done", "files\t\t\t1\nrecords\t\t\t3\n");
  dir.write("out/00000.jsonl", "{\"id\":\"old\"}\n");
  Rerun run = make_run({a}, dir.file("out"));
  auto r = run.go();
  ASSERT_FALSE(r);
  EXPECT_NE(run.all_messages().find("00000.done: a part written by an older pith"), std::string::npos) << run.all_messages();
  run.o.restart = true;
  ASSERT_TRUE(run.go());
  EXPECT_FALSE(fs::exists(dir.file("out/00000.done")));
  EXPECT_FALSE(fs::exists(dir.file("out/00000.jsonl")));
  EXPECT_TRUE(fs::exists(dir.file("out/a.warc.done")));
}

TEST(Resume, APartOfAnInputNotGivenIsNamedAndLeftAlone) {
  TempDir dir;
  std::string a = dir.write("in/a.warc", crawl(1));
  std::string b = dir.write("in/b.warc", crawl(2));
  Rerun both = make_run({a, b}, dir.file("out"));
  ASSERT_TRUE(both.go());
  Rerun only_a = make_run({a}, dir.file("out"));
  auto r = only_a.go();
  ASSERT_TRUE(r);
  EXPECT_NE(only_a.all_messages().find("b.warc.done: a part of b.warc, which this run was not given"), std::string::npos)
      << only_a.all_messages();
  EXPECT_TRUE(fs::exists(dir.file("out/b.warc.jsonl")));
  only_a.o.restart = true;
  ASSERT_TRUE(only_a.go());
  EXPECT_FALSE(fs::exists(dir.file("out/b.warc.jsonl")));
  EXPECT_FALSE(fs::exists(dir.file("out/b.warc.done")));
}

TEST(Resume, TwoInputsWithOnePartNameAreRefused) {
  TempDir dir;
  std::string x1 = dir.write("one/x.warc", crawl(1));
  std::string x2 = dir.write("two/x.warc", crawl(2));
  Rerun run = make_run({x1, x2}, dir.file("out"));
  auto r = run.go();
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("inputs " + x1 + " and " + x2 + " would both be written as "), std::string::npos)
      << r.error().message;
  EXPECT_FALSE(fs::exists(dir.file("out")));
  // '/' as "__" meets a name that has "__" itself.
  dir.write("in/a/b.warc", crawl(1));
  dir.write("in/a__b.warc", crawl(2));
  run.o.inputs = from_folder(dir.file("in"), {"a/b.warc", "a__b.warc"});
  EXPECT_FALSE(run.go());
}

TEST(Resume, PartNames) {
  EXPECT_EQ(part_name(InputFile{"p", "r", "CC-MAIN-1.warc.gz", 0}), "CC-MAIN-1.warc.gz");
  EXPECT_EQ(part_name(InputFile{"p", "r", "2024/01/a.warc.gz", 0}), "2024__01__a.warc.gz");
  EXPECT_EQ(part_name(InputFile{"p", "r", "stdin", 0}), "stdin");
  std::string deep(150, 'd');
  std::string long1 = deep + "/" + deep + "/one.warc", long2 = deep + "/" + deep + "/two.warc";
  std::string n1 = part_name(InputFile{"p", "r", long1, 0}), n2 = part_name(InputFile{"p", "r", long2, 0});
  EXPECT_LE(n1.size(), 200u);
  EXPECT_NE(n1, n2);
  EXPECT_TRUE(std::regex_match(n1, std::regex("d{150}__d{28}~[0-9a-f]{16}"))) << n1;
}

TEST(Resume, ShardsAreParsedStrictly) {
  for (const char* bad : {"0/2/3", "4294967297/2", "-1/2", "1/0", " 1/2", "1/2x", "1/ 2", "+1/2", "1", "/2", "1/",
                          "2/2", "0x1/2", "1/4294967296", ""}) {
    auto r = parse_shard(bad);
    EXPECT_FALSE(r) << bad;
    if (!r) {
      EXPECT_NE(r.error().message.find("--shard " + std::string(bad) + ": "), std::string::npos) << r.error().message;
      EXPECT_NE(r.error().message.find("i/N with 0 <= i < N"), std::string::npos) << r.error().message;
    }
  }
  auto ok = parse_shard("3/64");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->first, 3u);
  EXPECT_EQ(ok->second, 64u);
  auto big = parse_shard("4294967294/4294967295");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->second, 4294967295u);
  EXPECT_EQ(parse_shard("0/1")->second, 1u);
  EXPECT_NE(parse_shard("1/0").error().message.find("N is 0"), std::string::npos);
  EXPECT_NE(parse_shard("0/2/3").error().message.find("more than one '/'"), std::string::npos);
}

// A lock held by another process (here: another open file description) stops the run.
struct HeldLock {
  int fd;
  HeldLock(const std::string& path, int how, const std::string& owner) {
    fd = ::open(path.c_str(), O_RDWR | O_CREAT, 0644);
    EXPECT_EQ(::flock(fd, how | LOCK_NB), 0);
    if (!owner.empty()) EXPECT_EQ(::write(fd, owner.data(), owner.size()), static_cast<ssize_t>(owner.size()));
  }
  ~HeldLock() { ::close(fd); }
};

TEST(Resume, ALockStopsASecondRunIntoTheSameFolder) {
  TempDir dir;
  std::string a = dir.write("in/a.warc", crawl(1));
  fs::create_directories(dir.file("out"));
  std::string first_runs_temp = dir.write("out/a.warc.jsonl.tmp-12345", "being written");
  {
    HeldLock first(dir.file("out/.lock"), LOCK_EX, "pid 12345 host node7\n");
    Rerun second = make_run({a}, dir.file("out"));
    auto r = second.go();
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("another pith run is writing into " + dir.file("out") + " (pid 12345 host node7)"),
              std::string::npos)
        << r.error().message;
    EXPECT_TRUE(fs::exists(first_runs_temp));  // the second run touched nothing
    Rerun shard = make_run({a}, dir.file("out"));
    shard.o.shard_count = 2;
    EXPECT_FALSE(shard.go());
  }
  Rerun after = make_run({a}, dir.file("out"));
  auto r = after.go();
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_NE(testing::read_file(dir.file("out/.lock")).find("pid " + std::to_string(getpid())), std::string::npos);
}

TEST(Resume, ShardsOfOneJobRunSideBySideButNotBesideAWholeRun) {
  TempDir dir;
  std::vector<std::string> inputs;
  for (int f = 0; f < 6; ++f) inputs.push_back(dir.write("in/" + std::to_string(f) + ".warc", crawl(f, 1)));
  fs::create_directories(dir.file("out"));
  {
    // Shard 1/2 is running: it holds .lock shared and .lock-1-of-2.
    HeldLock folder(dir.file("out/.lock"), LOCK_SH, "");
    HeldLock shard1(dir.file("out/.lock-1-of-2"), LOCK_EX, "pid 777 host node3\n");
    Rerun shard0 = make_run(inputs, dir.file("out"));
    shard0.o.shard_count = 2;
    auto r0 = shard0.go();
    EXPECT_TRUE(r0) << r0.error().message;
    Rerun again1 = make_run(inputs, dir.file("out"));
    again1.o.shard_index = 1;
    again1.o.shard_count = 2;
    auto r1 = again1.go();
    ASSERT_FALSE(r1);
    EXPECT_NE(r1.error().message.find("for shard 1/2 (pid 777 host node3)"), std::string::npos) << r1.error().message;
    Rerun whole = make_run(inputs, dir.file("out"));
    auto rw = whole.go();
    ASSERT_FALSE(rw);
    EXPECT_NE(rw.error().message.find("(shards 1-of-2 (pid 777 host node3))"), std::string::npos) << rw.error().message;
  }
}

// A signal ends the process as it would have, and leaves no temporary file behind.
TEST(Resume, SignalsRemoveTemporaryFiles) {
  for (int sig : {SIGINT, SIGTERM}) {
    TempDir dir;
    std::string path = dir.file("part.jsonl.gz");
    pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      std::signal(sig, SIG_DFL);
      install_temp_file_cleanup();
      AtomicWriter w, other;
      if (!w.open(path) || !other.open(dir.file("rejects.jsonl")) || !w.write(std::string(1 << 20, 'x'))) _exit(3);
      AtomicWriter done;  // opened and committed: no longer a temporary file
      if (!done.open(dir.file("x.done")) || !done.write("1\n") || !done.commit()) _exit(3);
      ::raise(sig);
      _exit(4);  // not reached: the signal ends the process
    }
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status)) << "exit " << WEXITSTATUS(status);
    EXPECT_EQ(WTERMSIG(status), sig);
    std::vector<std::string> left;
    for (const auto& e : fs::directory_iterator(dir.path())) left.push_back(e.path().filename().string());
    EXPECT_EQ(left, std::vector<std::string>{"x.done"});
  }
}

// The registry takes a slot back when a file is committed or abandoned, so a long run that opens
// many files in turn never runs out of slots.
TEST(Resume, TemporaryFileSlotsAreReused) {
  TempDir dir;
  for (int i = 0; i < 500; ++i) {
    AtomicWriter w;
    ASSERT_TRUE(w.open(dir.file("f" + std::to_string(i % 3))));
    if (i % 2) ASSERT_TRUE(w.commit());
  }
  int slot = register_temp_file(dir.file("probe"));
  EXPECT_GE(slot, 0);
  unregister_temp_file(slot);
}

TEST(Resume, VersionIsTheProjectVersion) {
  std::ifstream cmake(std::string(PITH_SOURCE_DIR) + "/CMakeLists.txt");
  std::string text((std::istreambuf_iterator<char>(cmake)), {});
  std::smatch m;
  ASSERT_TRUE(std::regex_search(text, m, std::regex("project\\(pith VERSION ([0-9.]+)")));
  EXPECT_EQ(m[1].str(), std::string(kPithVersion));
}

}  // namespace
}  // namespace pith
