// Nothing is lost (issue 4, point 5): for each kind of broken input, in each container, every
// record read is either written or rejected with a reason, in the per-file done-markers and in
// stats.json as written on disk, and each problem is a "FILE:OFFSET: what" message.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <filesystem>
#include <map>
#include <set>

#include "../io/fixtures.h"
#include "pipeline/run.h"
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

std::string jsonl_html(const std::string& id, const std::string& html) {
  std::string esc;
  for (char c : html) {
    if (c == '"' || c == '\\') esc += '\\';
    if (c == '\n') {
      esc += "\\n";
      continue;
    }
    esc += c;
  }
  return "{\"id\":\"" + id + "\",\"url\":\"https://j.example/" + id + "\",\"html\":\"" + esc + "\"}\n";
}

// Checks records = written + rejected, rejected = sum of the reasons, and in = kept + dropped
// for every stage.
void expect_balanced(const RunStats& s, const std::string& what) {
  EXPECT_EQ(s.records, s.written + s.rejected) << what;
  uint64_t by_reason = 0;
  for (const auto& [name, c] : s.stages) {
    uint64_t dropped = 0;
    for (const auto& [k, v] : c.dropped) dropped += v;
    by_reason += dropped;
    EXPECT_EQ(c.in, c.kept + dropped) << what << " stage " << name;
  }
  EXPECT_EQ(by_reason, s.rejected) << what;
}

TEST(Accounting, EveryBrokenInputBalancesPerFileAndInStatsJson) {
  TempDir dir;
  std::string three;
  for (int i = 0; i < 3; ++i) three += response_record(article_html(100 + i), "t" + std::to_string(i), "https://t/" + std::to_string(i));
  std::map<std::string, std::string> files;
  // Plain WARC whose last record says it is longer than the file (wrong Content-Length at EOF).
  std::string cut_block = testing::http_response(article_html(200));
  files["a-plain-cut.warc"] = response_record(article_html(201), "p0", "https://p/0") +
                              warc_record("response", cut_block, "p1", "https://p/1", "", static_cast<long>(cut_block.size()) + 5000);
  // Whole-file gzip, truncated in its only member.
  std::string whole = gzip_member(three);
  files["b-whole-cut.warc.gz"] = whole.substr(0, whole.size() * 2 / 3);
  // zstd, truncated.
  std::string z = zstd_frame(three);
  files["c-cut.warc.zst"] = z.substr(0, z.size() * 2 / 3);
  // Plain WARC: a malformed header, then non-HTML payloads, then a good page.
  files["d-mixed.warc"] =
      "WARC/1.1\r\nWARC-Type: response\r\nno colon here\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n" +
      warc_record("response", testing::http_response("%PDF-1.4 ...", "application/pdf"), "pdf", "https://d/x.pdf",
                  "Content-Type: application/http; msgtype=response\r\n") +
      warc_record("resource", "\x89PNG\r\n\x1a\n....", "png", "https://d/x.png", "Content-Type: image/png\r\n") +
      response_record(article_html(300), "d-ok", "https://d/ok");
  // JSONL (gzip) with a broken line, a line that is not an object and a line without the field.
  files["e-lines.jsonl.gz"] = gzip_member(jsonl_html("j0", article_html(400)) + "{\"id\":\"broken\",\"html\":\"<p>oops\n" +
                                          "[1, 2, 3]\n" + "{\"id\":\"nofield\",\"url\":\"u\"}\n" +
                                          jsonl_html("j1", article_html(401)));
  std::vector<std::string> inputs;
  for (const auto& [name, bytes] : files) inputs.push_back(dir.write("in/" + name, bytes));

  std::vector<std::string> messages;
  RunOptions o;
  o.inputs = testing::input_files(inputs);
  o.output_dir = dir.file("out");
  o.recipe = "none";
  o.format = "jsonl";
  o.input_field = "html";
  o.threads = 2;
  o.on_message = [&](std::string_view f, uint64_t off, std::string_view what) {
    messages.push_back(fs::path(f).filename().string() + ":" + std::to_string(off) + ": " + std::string(what));
  };
  auto r = run_pipeline(o);
  ASSERT_TRUE(r) << r.error().message;
  expect_balanced(r->stats, "total");
  EXPECT_EQ(r->stats.files, inputs.size());

  // Each file's done-marker balances, and they add up to the total.
  uint64_t records = 0, written = 0;
  for (size_t i = 0; i < inputs.size(); ++i) {
    std::string name = part_name(o.inputs[i]) + ".done";
    PartMarker marker;
    ASSERT_TRUE(parse_part_marker(testing::read_file(dir.file("out/" + name)), marker)) << name;
    const RunStats& f = marker.stats;
    expect_balanced(f, inputs[i]);
    records += f.records;
    written += f.written;
    // Every damaged file says where.
    std::string base = fs::path(inputs[i]).filename().string();
    bool named = false;
    for (const auto& m : messages) named |= m.rfind(base + ":", 0) == 0;
    EXPECT_TRUE(named) << base;
  }
  EXPECT_EQ(records, r->stats.records);
  EXPECT_EQ(written, r->stats.written);
  // Good pages before the damage are written: p0, t0 (at least, before the cut), d-ok, j0, j1.
  EXPECT_GE(r->stats.written, 5u);

  // stats.json as written on disk.
  simdjson::dom::parser p;
  simdjson::dom::element e;
  ASSERT_FALSE(p.load(dir.file("out/stats.json")).get(e));
  uint64_t j_records = 0, j_written = 0, j_rejected = 0, sum = 0;
  ASSERT_FALSE(e["records"].get(j_records));
  ASSERT_FALSE(e["written"].get(j_written));
  ASSERT_FALSE(e["rejected"].get(j_rejected));
  simdjson::dom::object reasons;
  ASSERT_FALSE(e["rejected_by_reason"].get(reasons));
  for (auto [k, v] : reasons) sum += uint64_t(v);
  EXPECT_EQ(j_records, r->stats.records);
  EXPECT_EQ(j_records, j_written + j_rejected);
  EXPECT_EQ(sum, j_rejected);
  // The kinds of damage, by reason.
  auto reason = [&](const char* key) {
    uint64_t v = 0;
    return reasons[key].get(v) ? uint64_t(0) : v;
  };
  EXPECT_GE(reason("read/bad_record"), 1u + 1u + 1u);  // cut record, malformed header, broken JSONL line
  EXPECT_GE(reason("read/not_html"), 2u);              // the PDF and the PNG
  auto has = [&](const std::string& needle) {
    for (const auto& m : messages)
      if (m.find(needle) != std::string::npos) return true;
    return false;
  };
  EXPECT_TRUE(has("malformed WARC header")) << testing::read_file(dir.file("out/stats.json"));
  EXPECT_TRUE(has("invalid JSON"));
  for (const auto& m : messages) EXPECT_NE(m.find(": "), std::string::npos) << m;
}

// Nothing lost beside a bad WARC record (issue 10, section 2): for each fault class, a crafted
// file's record starts (an independent byte-level scan: testing::count_record_starts over every
// gzip member found at any byte) equal written + rejected in its done-marker, every good page is
// written, and no good record is among the rejected.
TEST(Accounting, WarcFaultClassesLoseNoGoodRecord) {
  TempDir dir;
  struct Fault {
    std::string name;
    std::string broken;
    bool gzip;
  };
  const std::string block = testing::http_response(article_html(900));
  const long n = static_cast<long>(block.size());
  std::string image = gzip_member(warc_record("resource", testing::random_bytes(5, 30000), "bad-img", "https://i/",
                                              "Content-Type: image/jpeg\r\n"));
  std::vector<Fault> faults = {
      {"gzip-cut-member", image.substr(0, image.size() / 3), true},
      {"gzip-fake-header", std::string("\x1f\x8b\x08\x04\0\0\0\0\0\xff\xff\xff", 12), true},
      {"cl-absurd", "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999999999999999\r\n\r\n" + block + "\r\n\r\n",
       false},
      {"cl-negative", "WARC/1.0\r\nWARC-Type: request\r\nContent-Length: -4\r\n\r\nGET / HTTP/1.1\r\n\r\n\r\n\r\n", false},
  };
  for (const char* type : {"response", "request", "metadata", "warcinfo"})
    for (long cl : {n + 300, n + 20000000, n - 50}) {
      std::string bad = warc_record(type, block, std::string("bad-") + type, "https://bad/", "", cl);
      faults.push_back({std::string(type) + "-cl-" + std::to_string(cl), bad, false});
      faults.push_back({std::string(type) + "-cl-" + std::to_string(cl) + "-gz", gzip_member(bad), true});
    }

  std::vector<std::string> paths;
  std::vector<size_t> scanned;
  std::set<std::string> good_pages;
  for (size_t f = 0; f < faults.size(); ++f) {
    // Good records around the fault: request, response and metadata before, the same after; one
    // response has "Transfer-Encoding: chunked" over a body that is not chunked (a crawler quirk).
    std::vector<std::string> recs;
    for (int side = 0; side < 2; ++side) {
      std::string id = "f" + std::to_string(f) + "-" + std::to_string(side);
      std::string html = article_html(static_cast<int>(f * 2 + side));
      recs.push_back(warc_record("request", "GET / HTTP/1.1\r\n\r\n", id + "-req", "https://g/"));
      recs.push_back(side == 0 ? response_record(html, id, "https://g/" + id)
                               : warc_record("response",
                                             "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                                             "Transfer-Encoding: chunked\r\n\r\n" + html,
                                             id, "https://g/" + id));
      recs.push_back(warc_record("metadata", "fetchTimeMs: 5\r\n", id + "-meta", "https://g/"));
      good_pages.insert("urn:uuid:" + id);
      if (side == 0) recs.push_back("");  // the fault goes here
    }
    std::string file;
    for (const auto& r : recs) file += r.empty() ? faults[f].broken : faults[f].gzip ? gzip_member(r) : r;
    paths.push_back(dir.write("in/" + faults[f].name + (faults[f].gzip ? ".warc.gz" : ".warc"), file));
    scanned.push_back(testing::count_record_starts(testing::inflate_every_member(file)));
  }

  RunOptions o;
  o.inputs = testing::input_files(paths);
  o.output_dir = dir.file("out");
  o.rejects_path = dir.file("rejects.jsonl");
  o.recipe = "none";
  o.format = "jsonl";
  o.threads = 2;
  auto r = run_pipeline(o);
  ASSERT_TRUE(r) << r.error().message;
  expect_balanced(r->stats, "total");
  for (size_t i = 0; i < paths.size(); ++i) {
    SCOPED_TRACE(faults[i].name);
    PartMarker marker;
    ASSERT_TRUE(parse_part_marker(testing::read_file(dir.file("out/" + part_name(o.inputs[i]) + ".done")), marker));
    EXPECT_EQ(marker.stats.records, scanned[i]);
    EXPECT_EQ(marker.stats.records, marker.stats.written + marker.stats.rejected);
    EXPECT_EQ(marker.stats.written, 2u);  // the two good pages
  }
  std::string written;
  for (const auto& e : fs::directory_iterator(dir.file("out")))
    if (e.path().extension() == ".jsonl") written += testing::read_file(e.path().string());
  for (const auto& id : good_pages) EXPECT_NE(written.find("\"id\":\"" + id + "\""), std::string::npos) << id;
  std::string rejects = testing::read_file(dir.file("rejects.jsonl"));
  for (const auto& id : good_pages) EXPECT_EQ(rejects.find("\"id\":\"" + id + "\""), std::string::npos) << id;
}

}  // namespace
}  // namespace pith
