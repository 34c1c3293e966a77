// pith dedup's stages over pith run-like folders: who is removed and for whom, accounting,
// identical output for any thread count and memory budget, restartable stages, spans and
// paragraphs, verify, and the errors that stop a stage.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <random>

#include "../io/fixtures.h"
#include "pipeline/run.h"
#include "pith/dedup.h"

namespace pith {
namespace {

namespace fs = std::filesystem;

// A text of `words` words drawn from a vocabulary by seed.
std::string random_text(unsigned seed, int words) {
  static const char* vocab[] = {"river", "market", "council", "winter", "garden", "school", "budget", "engine",
                                "harbor", "letter", "meadow", "signal", "planet", "forest", "doctor", "museum",
                                "pocket", "ribbon", "silver", "tunnel", "valley", "window", "yellow", "anchor"};
  std::mt19937 rng(seed);
  std::string s;
  for (int i = 0; i < words; ++i) {
    if (i) s += (i % 12 == 11) ? ". " : " ";
    s += vocab[rng() % 24];
  }
  return s + ".";
}

std::string json_line(const std::string& id, const std::string& text) {
  std::string esc;
  for (char c : text) {
    if (c == '\n') esc += "\\n";
    else if (c == '"') esc += "\\\"";
    else esc += c;
  }
  return "{\"id\":\"" + id + "\",\"text\":\"" + esc + "\",\"metadata\":{\"url\":\"https://x/" + id + "\"}}\n";
}

// A part as pith run writes it: NAME.jsonl(.gz) and NAME.done beside it.
void write_part(const testing::TempDir& dir, const std::string& folder, const std::string& name,
                const std::vector<std::pair<std::string, std::string>>& docs, bool gzip) {
  std::string body;
  for (const auto& [id, text] : docs) body += json_line(id, text);
  dir.write(folder + "/" + name + (gzip ? ".jsonl.gz" : ".jsonl"), gzip ? testing::gzip_member(body) : body);
  dir.write(folder + "/" + name + ".done", "part\tx\n");
}

// Two run folders: originals, near-copies (a word changed every 100: Jaccard about 0.9, a
// candidate with probability 0.997) and exact copies across
// parts and folders.
struct Corpus {
  std::vector<std::string> folders;
  std::map<std::string, std::string> dup_of;  // removed id -> kept id
  size_t documents = 0;
};

Corpus make_corpus(const testing::TempDir& dir) {
  Corpus c;
  std::vector<std::pair<std::string, std::string>> a, b, d;
  for (int i = 0; i < 60; ++i) a.push_back({"a" + std::to_string(i), random_text(100 + i, 300)});
  for (int i = 0; i < 20; ++i) {
    std::string t = a[i].second;
    size_t pos = 0;
    for (int k = 0; (pos = t.find(' ', pos + 1)) != std::string::npos; ++k)
      if (k % 100 == 50) t.replace(pos + 1, 3, "zzz");
    b.push_back({"near" + std::to_string(i), t});
    c.dup_of["near" + std::to_string(i)] = a[i].first;
  }
  for (int i = 20; i < 30; ++i) {
    d.push_back({"copy" + std::to_string(i), a[i].second});
    c.dup_of["copy" + std::to_string(i)] = a[i].first;
  }
  for (int i = 0; i < 30; ++i) b.push_back({"b" + std::to_string(i), random_text(900 + i, 250)});
  write_part(dir, "run1", "x.warc.gz", {a.begin(), a.begin() + 30}, true);
  write_part(dir, "run1", "y.warc.gz", {a.begin() + 30, a.end()}, false);
  write_part(dir, "run2", "z.warc.gz", b, true);
  write_part(dir, "run2", "w.warc.gz", d, false);
  c.folders = {dir.file("run1"), dir.file("run2")};
  c.documents = a.size() + b.size() + d.size();
  return c;
}

// The parts and stats.json of an output folder (report.html names the folder it is in).
std::map<std::string, std::string> folder_bytes(const std::string& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file() && e.path().filename() != "report.html")
      out[e.path().filename().string()] = testing::read_file(e.path());
  return out;
}

TEST(Dedup, RemovesNearAndExactCopiesAcrossFoldersWithAccounting) {
  testing::TempDir dir;
  Corpus c = make_corpus(dir);
  DedupOptions o;
  o.rejects_path = dir.file("rejects.jsonl");
  auto plan = plan_dedup(c.folders, dir.file("out"), o);
  ASSERT_TRUE(plan) << plan.error().message;
  ASSERT_EQ(plan->parts.size(), 4u);
  // Folders in the order given, parts by name.
  EXPECT_EQ(plan->parts[0].name, "x.warc.gz.jsonl.gz");
  EXPECT_EQ(plan->parts[1].name, "y.warc.gz.jsonl");
  EXPECT_EQ(plan->parts[2].name, "w.warc.gz.jsonl");
  EXPECT_EQ(plan->parts[3].name, "z.warc.gz.jsonl.gz");
  EXPECT_EQ(plan->bucket_count(), 15u);
  auto s = run_dedup(*plan, 2);
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->documents, c.documents);
  uint64_t removed = 0;
  for (const auto& [k, v] : s->removed) removed += v;
  EXPECT_EQ(s->documents, s->kept + removed);
  EXPECT_EQ(s->removed["dedup/exact_duplicate"], 10u);
  EXPECT_EQ(s->removed["dedup/near_duplicate"], 20u);
  // Each removed document names the one it duplicates.
  std::string rejects = testing::read_file(dir.file("rejects.jsonl"));
  for (const auto& [removed_id, kept_id] : c.dup_of) {
    size_t at = rejects.find("{\"id\":\"" + removed_id + "\"");
    ASSERT_NE(at, std::string::npos) << removed_id;
    std::string line = rejects.substr(at, rejects.find('\n', at) - at);
    EXPECT_NE(line.find("\"duplicate_of\":\"" + kept_id + "\""), std::string::npos) << line;
    EXPECT_NE(line.find(removed_id.starts_with("copy") ? "\"reject\":\"dedup/exact_duplicate\""
                                                       : "\"reject\":\"dedup/near_duplicate\""),
              std::string::npos)
        << line;
  }
  // Kept documents are written byte for byte, in the parts' names and compression.
  auto out = folder_bytes(dir.file("out"));
  ASSERT_TRUE(out.count("x.warc.gz.jsonl.gz"));
  ASSERT_TRUE(out.count("y.warc.gz.jsonl"));
  EXPECT_EQ(out["y.warc.gz.jsonl"], testing::read_file(dir.file("run1/y.warc.gz.jsonl")));
  EXPECT_EQ(out["w.warc.gz.jsonl"], "");  // every document was a copy
  std::string stats = out["stats.json"];
  EXPECT_NE(stats.find("\"documents\":120,\"kept\":90,\"removed\":30"), std::string::npos) << stats;
}

// Parts follow pith run's input order, the order of their inputs' paths (from each .done), not
// of their names: a/x.warc comes before a0.warc ('/' sorts before '0'), though its part name
// a__x.warc sorts after a0.warc; so the copy kept is the one pith run itself would keep.
TEST(Dedup, PartsInTheOrderOfPithRunsInputs) {
  testing::TempDir dir;
  const std::string text = random_text(7, 300);
  auto part = [&](const std::string& name, const std::string& rel, const std::string& id) {
    write_part(dir, "run", name, {{id, text}}, false);
    PartMarker m;
    m.rel = rel;
    m.size = 1;
    m.input_fingerprint = "f";
    m.settings_fingerprint = "s";
    dir.write("run/" + name + ".done", format_part_marker(m));
  };
  part("a0.warc", "a0.warc", "second");
  part("a__x.warc", "a/x.warc", "first");
  DedupOptions o;
  o.rejects_path = dir.file("rejects.jsonl");
  auto plan = plan_dedup({dir.file("run")}, dir.file("out"), o);
  ASSERT_TRUE(plan) << plan.error().message;
  ASSERT_EQ(plan->parts.size(), 2u);
  EXPECT_EQ(plan->parts[0].name, "a__x.warc.jsonl");
  auto s = run_dedup(*plan, 1);
  ASSERT_TRUE(s) << s.error().message;
  std::string rejects = testing::read_file(dir.file("rejects.jsonl"));
  EXPECT_NE(rejects.find("{\"id\":\"second\""), std::string::npos) << rejects;
  EXPECT_NE(rejects.find("\"duplicate_of\":\"first\""), std::string::npos) << rejects;
}

TEST(Dedup, SameBytesForAnyThreadCountAndMemoryBudget) {
  testing::TempDir dir;
  Corpus c = make_corpus(dir);
  std::map<std::string, std::string> first;
  int run = 0;
  for (auto [threads, budget] : {std::pair<unsigned, uint64_t>{1, 1ull << 30}, {2, 1ull << 30}, {3, 4096}}) {
    DedupOptions o;
    o.memory_budget = budget;
    const std::string out = dir.file("out" + std::to_string(run++));
    auto plan = plan_dedup(c.folders, out, o);
    ASSERT_TRUE(plan);
    auto s = run_dedup(*plan, threads);
    ASSERT_TRUE(s) << s.error().message;
    auto bytes = folder_bytes(out);
    if (first.empty()) first = bytes;
    else EXPECT_EQ(bytes, first) << threads << " threads, budget " << budget;
  }
}

TEST(Dedup, StagesAreRestartable) {
  testing::TempDir dir;
  Corpus c = make_corpus(dir);
  const std::string out = dir.file("out");
  auto plan = plan_dedup(c.folders, out, DedupOptions{});
  ASSERT_TRUE(plan);
  // Out of order: a stage whose inputs are not done says so.
  auto early = dedup_clusters(*plan);
  ASSERT_FALSE(early);
  EXPECT_NE(early.error().message.find("not done"), std::string::npos) << early.error().message;
  // A stage run from the plan on disk, as another process would.
  auto loaded = load_dedup_plan(out);
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->fingerprint, plan->fingerprint);
  for (size_t p = 0; p < loaded->parts.size(); ++p) {
    auto r = dedup_signatures(*loaded, p);
    ASSERT_TRUE(r && *r);
    auto again = dedup_signatures(*loaded, p);
    ASSERT_TRUE(again);
    EXPECT_FALSE(*again);  // done already
  }
  for (unsigned b = 0; b < loaded->bucket_count(); ++b) ASSERT_TRUE(dedup_buckets(*loaded, b));
  ASSERT_TRUE(dedup_clusters(*loaded));
  for (size_t p = 0; p < loaded->parts.size(); ++p) ASSERT_TRUE(dedup_filter(*loaded, p));
  ASSERT_TRUE(finish_dedup(*loaded));
  auto before = folder_bytes(out);
  // A worker lost after writing a bucket's output but before its marker, and a filter redone:
  // the same bytes.
  fs::remove(out + "/.dedup/buckets/0003.bin.done");
  fs::remove(out + "/.dedup/filter/000001.done");
  ASSERT_TRUE(dedup_buckets(*loaded, 3));
  ASSERT_TRUE(dedup_filter(*loaded, 1));
  ASSERT_TRUE(finish_dedup(*loaded));
  EXPECT_EQ(folder_bytes(out), before);
  // run_dedup over finished stages only finishes.
  ASSERT_TRUE(run_dedup(*loaded, 2));
  EXPECT_EQ(folder_bytes(out), before);
  // Another plan (other options) into the same folder starts over.
  DedupOptions other;
  other.bands = 20;
  other.rows = 5;
  auto plan2 = plan_dedup(c.folders, out, other);
  ASSERT_TRUE(plan2);
  EXPECT_FALSE(fs::exists(out + "/.dedup/clusters.done"));
}

TEST(Dedup, ErrorsNameTheFileAndWhat) {
  testing::TempDir dir;
  auto none = plan_dedup({dir.file("missing")}, dir.file("out"), DedupOptions{});
  ASSERT_FALSE(none);
  EXPECT_NE(none.error().message.find("missing: not a folder"), std::string::npos) << none.error().message;
  dir.write("empty/readme.txt", "x");
  auto empty = plan_dedup({dir.file("empty")}, dir.file("out"), DedupOptions{});
  ASSERT_FALSE(empty);
  EXPECT_NE(empty.error().message.find("no finished part"), std::string::npos);
  write_part(dir, "r1", "a", {{"1", random_text(1, 50)}}, false);
  write_part(dir, "r2", "a", {{"2", random_text(2, 50)}}, false);
  auto clash = plan_dedup({dir.file("r1"), dir.file("r2")}, dir.file("out"), DedupOptions{});
  ASSERT_FALSE(clash);
  EXPECT_NE(clash.error().message.find("a part of the same name"), std::string::npos);
  DedupOptions bad;
  bad.rows = 0;
  EXPECT_FALSE(plan_dedup({dir.file("r1")}, dir.file("out"), bad));
  // A broken line stops the signatures with FILE:OFFSET.
  std::string good = json_line("1", random_text(1, 50));
  dir.write("r3/b.jsonl", good + "{\"id\":\"2\",\"text\":\n");
  dir.write("r3/b.done", "x");
  auto plan = plan_dedup({dir.file("r3")}, dir.file("out3"), DedupOptions{});
  ASSERT_TRUE(plan);
  auto sig = dedup_signatures(*plan, 0);
  ASSERT_FALSE(sig);
  EXPECT_EQ(sig.error().message.rfind(dir.file("r3/b.jsonl") + ":" + std::to_string(good.size()) + ": ", 0), 0u)
      << sig.error().message;
  // A part that changed after the plan.
  dir.write("r1/a.jsonl", json_line("1", random_text(1, 60)));
  auto plan1 = plan_dedup({dir.file("r1")}, dir.file("out1"), DedupOptions{});
  ASSERT_TRUE(plan1);
  dir.write("r1/a.jsonl", json_line("1", random_text(1, 70)));
  auto changed = dedup_signatures(*plan1, 0);
  ASSERT_FALSE(changed);
  EXPECT_NE(changed.error().message.find("changed since the plan"), std::string::npos);
}

TEST(Dedup, C4SpansAndParagraphs) {
  testing::TempDir dir;
  const std::string shared = "The river rose in the night. Boats were tied to the old mill. Nobody slept at all.";
  write_part(dir, "run", "p",
             {{"first", "Opening words of the first page here. " + shared + " Its own ending comes now."},
              {"second", "Another start for the second page. " + shared + "\nA second paragraph stays."},
              {"third", shared},
              {"menu", "Home | About | Contact\nA page with its own long sentence about winter gardens."},
              {"menu2", "Home | About | Contact\nAnother page that speaks about harbor signals at dawn."},
              {"menu3", "Home | About | Contact\nA third page on the museum of silver ribbons."}},
             false);
  DedupOptions o;
  o.c4_spans = true;
  o.paragraphs = 2;  // "Home | About | Contact" is seen 3 times: removed everywhere
  o.rejects_path = dir.file("rej.jsonl");
  auto plan = plan_dedup({dir.file("run")}, dir.file("out"), o);
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->bucket_count(), 17u);
  auto s = run_dedup(*plan, 2);
  ASSERT_TRUE(s) << s.error().message;
  std::string out = testing::read_file(dir.file("out/p.jsonl"));
  // The first page keeps the span; the second loses it; the third had nothing else.
  EXPECT_NE(out.find("\"id\":\"first\",\"text\":\"Opening words of the first page here. " + shared), std::string::npos)
      << out;
  EXPECT_NE(out.find("{\"id\":\"second\",\"text\":\"Another start for the second page.\\nA second paragraph stays.\""),
            std::string::npos)
      << out;
  EXPECT_EQ(out.find("\"third\""), std::string::npos);
  EXPECT_NE(testing::read_file(dir.file("rej.jsonl")).find("\"reject\":\"dedup/c4_span\""), std::string::npos);
  EXPECT_EQ(out.find("Home | About"), std::string::npos) << out;
  EXPECT_NE(out.find("\"text\":\"A page with its own long sentence about winter gardens.\""), std::string::npos);
  EXPECT_EQ(s->removed["dedup/c4_span"], 1u);
  EXPECT_EQ(s->paragraphs_removed, 3u);
  EXPECT_EQ(s->documents, 6u);
  EXPECT_EQ(s->kept, 5u);
}

TEST(Dedup, VerifyDropsPairsUnderTheThreshold) {
  testing::TempDir dir;
  Corpus c = make_corpus(dir);
  DedupOptions o;
  o.verify = true;
  o.verify_threshold = 0.5;
  auto plan = plan_dedup(c.folders, dir.file("out"), o);
  ASSERT_TRUE(plan);
  auto s = run_dedup(*plan, 2);
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->removed["dedup/near_duplicate"], 20u);
  EXPECT_EQ(s->pairs_rejected_by_verify, 0u);
  // At 1.0 only identical shingle sets pass: the near-copies stay.
  o.verify_threshold = 1.0;
  auto strict = plan_dedup(c.folders, dir.file("out-strict"), o);
  ASSERT_TRUE(strict);
  auto s2 = run_dedup(*strict, 2);
  ASSERT_TRUE(s2) << s2.error().message;
  EXPECT_EQ(s2->removed["dedup/near_duplicate"], 0u);
  EXPECT_GT(s2->pairs_rejected_by_verify, 0u);
  EXPECT_EQ(s2->removed["dedup/exact_duplicate"], 10u);
}

}  // namespace
}  // namespace pith
