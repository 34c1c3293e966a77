// End to end through run_pipeline: broken inputs are counted, -j 1 and -j N give the same bytes,
// a restarted run redoes no finished file, shards split the inputs.
#include "pipeline/run.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "../io/fixtures.h"
#include "io/stream.h"
#include "run_support.h"

namespace pith {
namespace {

namespace fs = std::filesystem;
using testing::article_html;
using testing::gzip_member;
using testing::response_record;
using testing::TempDir;
using testing::warc_record;
using testing::zstd_frame;

std::string decompress_file(const std::string& path) {
  auto src = open_source(path);
  if (!src) return {};
  std::string out;
  char buf[1 << 16];
  size_t n;
  while ((n = (*src)->read(buf, sizeof buf)) > 0) out.append(buf, n);
  return out;
}

struct Messages {
  std::vector<std::string> lines;
};

RunOptions options(const std::vector<std::string>& inputs, const std::string& out, Messages* m) {
  RunOptions o;
  o.inputs = testing::input_files(inputs);
  o.output_dir = out;
  o.recipe = "none";
  if (m) o.on_message = [m](std::string_view f, uint64_t off, std::string_view what) {
    m->lines.push_back(fs::path(f).filename().string() + ":" + std::to_string(off) + ": " + std::string(what));
  };
  return o;
}

// A crawl with every kind of damage the issue lists, one of each.
std::vector<std::string> broken_crawl(const TempDir& dir) {
  std::string gz;  // one gzip member per record
  for (int i = 0; i < 10; ++i) gz += gzip_member(response_record(article_html(i), "ok-" + std::to_string(i), "https://e.com/" + std::to_string(i)));
  gz += gzip_member(response_record(article_html(3), "dup-3", "https://e.com/copy-of-3"));  // exact duplicate text
  gz += gzip_member(warc_record("response", testing::http_response("\x89PNG....", "image/png"), "png", "https://e.com/i.png",
                                "Content-Type: application/http; msgtype=response\r\n"));
  gz += gzip_member(warc_record("request", "GET / HTTP/1.1\r\n\r\n", "req", "https://e.com/"));
  gz += gzip_member("WARC/1.1\r\nWARC-Type: response\r\nbroken header line\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n");
  std::string block = testing::http_response(article_html(50));
  gz += gzip_member(warc_record("response", block, "badlen", "https://e.com/badlen", "", static_cast<long>(block.size()) - 30));
  gz += gzip_member(response_record(article_html(11), "ok-11", "https://e.com/11"));
  std::string last = gzip_member(response_record(article_html(12), "cut", "https://e.com/12"));
  gz += last.substr(0, last.size() / 2);  // truncated gzip member

  std::string jsonl;
  for (int i = 20; i < 24; ++i) {
    std::string html = article_html(i);
    std::string esc;
    for (char c : html) {
      if (c == '"' || c == '\\') esc += '\\';
      if (c == '\n') { esc += "\\n"; continue; }
      esc += c;
    }
    jsonl += "{\"id\":\"j" + std::to_string(i) + "\",\"url\":\"https://j.com/" + std::to_string(i) + "\",\"html\":\"" + esc + "\"}\n";
    if (i == 21) jsonl += "{\"id\":\"broken\",\"html\":\"<p>oops\n";
  }

  // A 100 MB record, written in pieces (no 100 MB strings in the test), then a good one.
  const size_t huge_body = 100u << 20;
  std::string http_head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n";
  std::string c_path = dir.write("in/c.warc", "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:huge>\r\n"
                                              "Content-Length: " + std::to_string(http_head.size() + huge_body) +
                                                  "\r\n\r\n" + http_head);
  {
    std::ofstream c(c_path, std::ios::binary | std::ios::app);
    std::string chunk(1u << 20, 'a');
    for (size_t i = 0; i < huge_body / chunk.size(); ++i) c << chunk;
    c << "\r\n\r\n" << response_record(article_html(40), "after-huge", "https://e.com/40");
  }

  return {dir.write("in/a.warc.gz", gz), dir.write("in/b.jsonl.zst", zstd_frame(jsonl)), c_path};
}

uint64_t reason(const RunStats& s, const std::string& stage, const std::string& why) {
  auto it = s.stages.find(stage);
  if (it == s.stages.end()) return 0;
  auto r = it->second.dropped.find(why);
  return r == it->second.dropped.end() ? 0 : r->second;
}

TEST(Run, BrokenInputsAreCountedAndTheRunGoesOn) {
  TempDir dir;
  auto inputs = broken_crawl(dir);
  Messages m;
  RunOptions o = options(inputs, dir.file("out"), &m);
  o.input_field = "html";
  o.rejects_path = dir.file("rejects.jsonl.gz");
  auto r = run_pipeline(o);
  ASSERT_TRUE(r) << r.error().message;
  const RunStats& s = r->stats;
  EXPECT_EQ(s.files, 3u);
  EXPECT_EQ(s.records, s.written + s.rejected);
  uint64_t by_reason = 0;
  for (auto& [name, c] : s.stages) {
    for (auto& [k, v] : c.dropped) by_reason += v;
    EXPECT_EQ(c.in, c.kept + [&] { uint64_t d = 0; for (auto& [k, v] : c.dropped) d += v; return d; }()) << name;
  }
  EXPECT_EQ(by_reason, s.rejected);
  // a.warc.gz: 11 good pages (0-9, 11), one duplicate, png, request, broken header, bad length, truncated.
  // b.jsonl.zst: 4 pages, 1 broken line. c.warc: a 100 MB record, 1 page.
  EXPECT_EQ(s.written, 11u + 4u + 1u);
  EXPECT_EQ(reason(s, "dedup", "duplicate"), 1u);
  EXPECT_EQ(reason(s, "read", "not_html"), 1u);
  EXPECT_EQ(reason(s, "read", "warc_type:request"), 1u);
  EXPECT_EQ(reason(s, "read", "too_large"), 1u);
  EXPECT_EQ(reason(s, "read", "bad_record"), 2u + 1u + 1u);  // header, length, truncated; JSONL line
  EXPECT_GE(s.input_errors.at("stream_damage"), 1u);          // the truncated gzip member
  // Every problem is a "FILE:OFFSET: what" message.
  auto has = [&](const std::string& needle) {
    for (auto& l : m.lines)
      if (l.find(needle) != std::string::npos) return true;
    return false;
  };
  EXPECT_TRUE(has("a.warc.gz:")) ;
  EXPECT_TRUE(has("malformed WARC header line"));
  EXPECT_TRUE(has("Content-Length"));
  EXPECT_TRUE(has("truncated gzip member"));
  EXPECT_TRUE(has("invalid JSON"));
  EXPECT_TRUE(has("over the budget"));
  // Output: one file per input, each line a document in the datatrove / dolma shape.
  std::string out0 = decompress_file(dir.file("out/a.warc.gz.jsonl.gz"));
  simdjson::dom::parser p;
  size_t lines = 0;
  for (size_t pos = 0; pos < out0.size();) {
    size_t nl = out0.find('\n', pos);
    simdjson::dom::element e;
    ASSERT_FALSE(p.parse(out0.substr(pos, nl - pos)).get(e));
    std::string_view id, text, url;
    ASSERT_FALSE(e["id"].get(id));
    ASSERT_FALSE(e["text"].get(text));
    ASSERT_FALSE(e["metadata"]["url"].get(url));
    EXPECT_FALSE(e["metadata"]["lang"].error());
    EXPECT_FALSE(e["metadata"]["title"].error());
    ++lines;
    pos = nl + 1;
  }
  EXPECT_EQ(lines, 11u);
  EXPECT_TRUE(fs::exists(dir.file("out/stats.json")));
  std::string rejects = decompress_file(dir.file("rejects.jsonl.gz"));
  EXPECT_NE(rejects.find("\"reject\":\"dedup/duplicate\""), std::string::npos);
  EXPECT_NE(rejects.find("\"reject\":\"read/not_html\""), std::string::npos);
}

// The parts of a run with format jsonl, in input order.
std::string all_output(const RunOptions& o) {
  std::string s;
  for (const auto& input : o.inputs) s += testing::read_file((fs::path(o.output_dir) / part_name(input)).string() + ".jsonl");
  return s;
}

TEST(Run, OneThreadAndManyThreadsWriteTheSameBytes) {
  TempDir dir;
  std::vector<std::string> inputs;
  for (int f = 0; f < 2; ++f) {
    std::string gz;
    for (int i = 0; i < 150; ++i) {
      int seed = f * 1000 + i;
      gz += gzip_member(response_record(article_html(i % 97 == 5 ? 5 : seed), "r" + std::to_string(seed), "https://x/" + std::to_string(seed)));
    }
    inputs.push_back(dir.write("in/" + std::to_string(f) + ".warc.gz", gz));
  }
  std::vector<std::string> outputs;
  for (unsigned j : {1u, 4u}) {
    RunOptions o = options(inputs, dir.file("out" + std::to_string(j)), nullptr);
    o.format = "jsonl";
    o.rejects_path = dir.file("rejects" + std::to_string(j) + ".jsonl");
    o.threads = j;
    o.max_inflight_bytes = 64 << 10;  // small: the reader waits on the workers often
    auto r = run_pipeline(o);
    ASSERT_TRUE(r);
    EXPECT_GT(r->stats.written, 100u);
    outputs.push_back(all_output(o) + testing::read_file(o.rejects_path));
    EXPECT_EQ(testing::read_file(o.output_dir + "/stats.json").size() > 0, true);
  }
  EXPECT_EQ(outputs[0], outputs[1]);
}

TEST(Run, RestartFinishesMissingFilesAndRedoesNoFinishedOne) {
  TempDir dir;
  std::vector<std::string> inputs;
  for (int f = 0; f < 3; ++f) {
    std::string w;
    for (int i = 0; i < 5; ++i) w += response_record(article_html(f * 10 + i), std::to_string(f * 10 + i), "u");
    w += response_record(article_html(0), "copy-of-0-" + std::to_string(f), "u");  // duplicate of file 0's first page
    inputs.push_back(dir.write("in/" + std::to_string(f) + ".warc", w));
  }
  RunOptions o = options(inputs, dir.file("out"), nullptr);
  o.format = "jsonl";
  auto first = run_pipeline(o);
  ASSERT_TRUE(first);
  std::string before = all_output(o);
  std::string stats_before = testing::read_file(o.output_dir + "/stats.json");
  // "Kill" the run during file 1: its output and marker are gone; file 0's are kept.
  fs::remove(o.output_dir + "/1.warc.done");
  fs::remove(o.output_dir + "/2.warc.done");
  fs::remove(o.output_dir + "/1.warc.jsonl");
  std::ofstream(o.output_dir + "/1.warc.jsonl.tmp-99999") << "half a file";  // left by the killed run
  std::ofstream(o.output_dir + "/1.warc.done.tmp-99999") << "half a marker";
  auto t0 = fs::last_write_time(o.output_dir + "/0.warc.jsonl");
  auto second = run_pipeline(o);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->files_done_before, 1u);
  EXPECT_EQ(fs::last_write_time(o.output_dir + "/0.warc.jsonl"), t0);
  EXPECT_EQ(all_output(o), before);
  EXPECT_EQ(testing::read_file(o.output_dir + "/stats.json"), stats_before.substr(0, stats_before.find("\"files_done_before\"")) +
                                                                stats_before.substr(stats_before.find("\"files_done_before\"")).replace(20, 1, "1"));
  EXPECT_FALSE(fs::exists(o.output_dir + "/1.warc.jsonl.tmp-99999"));
  EXPECT_FALSE(fs::exists(o.output_dir + "/1.warc.done.tmp-99999"));
  EXPECT_EQ(second->stats.records, first->stats.records);
  EXPECT_EQ(second->stats.written, first->stats.written);
  EXPECT_EQ(reason(second->stats, "dedup", "duplicate"), 3u);
}

// Shards take each input by a hash of its rel: every input is in exactly one shard, and adding
// inputs (here, ones that sort first) moves no input to another shard.
std::set<std::string> done_markers(const std::string& dir) {
  std::set<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".done") out.insert(e.path().filename().string());
  return out;
}

// Runs shards 0..n-1 one after the other; for each, the markers it wrote.
std::vector<std::set<std::string>> run_shards(const std::vector<std::string>& inputs, const std::string& out, unsigned n) {
  std::vector<std::set<std::string>> by_shard;
  for (unsigned i = 0; i < n; ++i) {
    RunOptions o = options(inputs, out, nullptr);
    o.shard_index = i;
    o.shard_count = n;
    std::set<std::string> before = done_markers(out);
    auto r = run_pipeline(o);
    EXPECT_TRUE(r) << r.error().message;
    if (!r) return by_shard;
    EXPECT_EQ(r->stats.files, r->files_total);
    EXPECT_TRUE(fs::exists(out + "/stats-" + std::to_string(i) + "-of-" + std::to_string(n) + ".json"));
    std::set<std::string> mine;
    for (const auto& name : done_markers(out))
      if (!before.count(name)) mine.insert(name);
    EXPECT_EQ(mine.size(), r->files_total);
    by_shard.push_back(std::move(mine));
  }
  return by_shard;
}

TEST(Run, ShardsSplitTheInputsDeterministically) {
  TempDir dir;
  std::vector<std::string> inputs;
  for (int f = 0; f < 13; ++f)
    inputs.push_back(dir.write("in/f" + std::to_string(f) + ".warc", response_record(article_html(f), std::to_string(f), "u")));
  auto first = run_shards(inputs, dir.file("out"), 3);
  ASSERT_EQ(first.size(), 3u);
  std::set<std::string> all;
  for (const auto& s : first) all.insert(s.begin(), s.end());
  EXPECT_EQ(all.size(), inputs.size());  // each input in one shard, none twice
  size_t used = 0;
  for (const auto& s : first) used += !s.empty();
  EXPECT_GE(used, 2u);

  std::vector<std::string> more = inputs;
  more.push_back(dir.write("in/a0.warc", response_record(article_html(100), "a0", "u")));
  std::sort(more.begin(), more.end());
  auto second = run_shards(more, dir.file("out2"), 3);
  ASSERT_EQ(second.size(), 3u);
  for (unsigned i = 0; i < 3; ++i) {
    std::set<std::string> old_files = second[i];
    old_files.erase("a0.warc.done");
    EXPECT_EQ(old_files, first[i]) << "shard " << i;
  }
  // Each shard of the larger set, run into the first folder, reuses its old parts.
  size_t reused = 0;
  for (unsigned i = 0; i < 3; ++i) {
    RunOptions o = options(more, dir.file("out"), nullptr);
    o.shard_index = i;
    o.shard_count = 3;
    auto r = run_pipeline(o);
    ASSERT_TRUE(r) << r.error().message;
    reused += r->files_done_before;
  }
  EXPECT_EQ(reused, inputs.size());
}

TEST(Run, WetConversionRecordsPassThroughTheCleanHook) {
  TempDir dir;
  std::string wet = warc_record("conversion", "Line one of the text.\nLine two of it.", "w1", "https://w/1",
                                "Content-Type: text/plain\r\n") +
                    warc_record("conversion", "drop me", "w2", "https://w/2", "Content-Type: text/plain\r\n");
  auto in = dir.write("in/x.warc.wet.gz", gzip_member(wet));
  RunOptions o = options({in}, dir.file("out"), nullptr);
  o.format = "jsonl";
  o.make_cleaner = [] {
    return [](Doc& d) -> std::string_view { return d.text == "drop me" ? "cleaned_away" : ""; };
  };
  auto r = run_pipeline(o);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->stats.written, 1u);
  EXPECT_EQ(reason(r->stats, "clean", "cleaned_away"), 1u);
  EXPECT_NE(testing::read_file(dir.file("out/x.warc.wet.gz.jsonl")).find("Line one of the text.\\nLine two of it."), std::string::npos);
}

TEST(Run, WetRecordsGoThroughPithCleanByDefault) {
  TempDir dir;
  std::string text = "Home | News | Sport | Contact\nSign in\n";
  for (int i = 0; i < 8; ++i)
    text += "The council said on Tuesday that the bridge over the river will be repaired before winter, and "
            "residents who use it every day welcomed the news with some relief " + std::to_string(i) + ".\n";
  text += "Share on Facebook\nCopyright 2024 Example News. All rights reserved.\n";
  auto in = dir.write("in/x.warc.wet", warc_record("conversion", text, "w1", "https://news.example/a", "Content-Type: text/plain\r\n") +
                                            warc_record("conversion", "", "w2", "https://news.example/b", "Content-Type: text/plain\r\n"));
  RunOptions o = options({in}, dir.file("out"), nullptr);
  o.format = "jsonl";
  auto r = run_pipeline(o);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->stats.stages.at("clean").in, 2u);
  EXPECT_EQ(r->stats.written, 1u);
  std::string out = testing::read_file(dir.file("out/x.warc.wet.jsonl"));
  EXPECT_NE(out.find("bridge over the river"), std::string::npos);
  EXPECT_EQ(out.find("Share on Facebook"), std::string::npos) << out;
  EXPECT_EQ(out.find("All rights reserved"), std::string::npos) << out;
}

}  // namespace
}  // namespace pith
