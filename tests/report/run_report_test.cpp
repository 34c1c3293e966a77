// pith run's report.html: what the page shows for given counters and profile (funnel rows, chart
// elements per data item, samples), that data from the crawl is text and never markup, and
// that a run restarted over finished parts reports every record of every file.
#include "report/run_report.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "../io/fixtures.h"
#include "../pipeline/run_support.h"
#include "pipeline/run.h"
#include "report_support.h"

namespace pith::report {
namespace {

namespace fs = std::filesystem;
using testing::count_of;
using testing::svg_with_id;

RunStats sample_stats() {
  RunStats s;
  s.records = 10;
  s.written = 6;
  s.rejected = 4;
  s.stage("read").in = 10;
  s.stage("read").kept = 9;
  s.stage("read").dropped["warc_type:request"] = 1;
  s.stage("extract").in = 9;
  s.stage("extract").kept = 8;
  s.stage("extract").dropped["no_content"] = 1;
  s.stage("gopher").in = 8;
  s.stage("gopher").kept = 6;
  s.stage("gopher").dropped["too_short"] = 2;
  return s;
}

const std::string kHostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";

RunProfile sample_profile() {
  RunProfile p;
  for (int i = 0; i < 6; ++i)
    p.count({.reason = "", .is_document = true, .url = "https://good.com/" + std::to_string(i), .lang = "en",
             .page_type = "article", .has_text = true, .text_bytes = uint64_t(300 + i * 1000)});
  p.count({.reason = "gopher/too_short", .is_document = true, .url = "http://evil\"><script>alert(3)</script>/",
           .lang = "en", .page_type = "other", .has_text = true, .text_bytes = 30});
  p.count({.reason = "gopher/too_short", .is_document = true, .url = "https://bad.org/", .lang = "fr",
           .page_type = "forum", .has_text = true, .text_bytes = 50});
  p.count({.reason = "extract/no_content", .is_document = true, .url = "https://bad.org/2", .lang = {},
           .page_type = {}, .has_text = false, .text_bytes = 0});
  p.add_sample({.reason = "gopher/too_short", .source = "crawl/it's here.warc", .record = 4, .offset = 999,
                .id = "<urn:" + kHostile + ">", .url = "javascript:alert(4)", .preview = "Hi\n" + kHostile});
  p.add_sample({.reason = "extract/no_content", .source = "crawl/a.warc", .record = 5, .offset = 2000, .id = "x",
                .url = {}, .preview = {}});
  PartTime t;
  t.start_unix_ms = 1'700'000'000'000;
  t.millis = 4000;
  for (uint64_t s = 1; s <= 4; ++s) t.ticks.push_back({s * 1000, s * 100, s * 1000});
  p.parts.push_back(t);
  return p;
}

std::string render() {
  RunReportContext c{.output_dir = "out<dir>", .stats_file = "stats.json", .recipe = "gopher", .recipe_version = "1",
                     .shard = "0/1", .files_total = 1, .files_done_before = 0, .files_failed = 0,
                     .skipped_rules = {}};
  return render_run_report(sample_stats(), sample_profile(), c);
}

TEST(RunReport, FunnelHasOneRowPerStageAndReason) {
  std::string html = render();
  std::string funnel = svg_with_id(html, "funnel-chart");
  EXPECT_EQ(count_of(funnel, "<g class=\"row\""), 3u);
  EXPECT_NE(funnel.find("data-label=\"gopher\""), std::string::npos);
  EXPECT_NE(funnel.find("class=\"bar drop\" data-value=\"2\""), std::string::npos);
  EXPECT_EQ(count_of(html, "<tr class=\"stage\""), 3u);
  EXPECT_EQ(count_of(html, "<tr class=\"reason\""), 3u);
  EXPECT_NE(html.find("data-reason=\"gopher/too_short\"><td></td><td><a href=\"#reason-2-gopher-too-short\">too_short</a>"
                      "</td><td class=\"num count\" data-value=\"2\">2</td>"),
            std::string::npos)
      << html;
}

TEST(RunReport, ChartsHaveOneElementPerDataItem) {
  std::string html = render();
  EXPECT_EQ(count_of(svg_with_id(html, "languages-chart"), "<g class=\"row\""), 2u);  // en, fr
  EXPECT_EQ(count_of(svg_with_id(html, "page-types-chart"), "<g class=\"row\""), 3u);
  std::string lengths = svg_with_id(html, "lengths-chart");
  EXPECT_EQ(count_of(lengths, "<g class=\"column\""), kLengthBinEdges.size());
  EXPECT_EQ(count_of(lengths, "<rect class=\"bar keep\""), kLengthBinEdges.size());
  std::string hosts = svg_with_id(html, "hosts-chart");
  EXPECT_EQ(count_of(hosts, "<g class=\"row\""), 3u);
  // Sorted by rejected documents: bad.org (2) first.
  EXPECT_LT(hosts.find("data-label=\"bad.org\""), hosts.find("data-label=\"good.com\""));
  std::string throughput = svg_with_id(html, "throughput-chart");
  EXPECT_EQ(count_of(throughput, "<circle class=\"point\""), 4u);
  EXPECT_NE(throughput.find("data-y=\"100\""), std::string::npos) << throughput;
}

TEST(RunReport, SamplesPerReasonWithTheirInspectCommand) {
  std::string html = render();
  EXPECT_EQ(count_of(html, "<section class=\"reason\""), 2u);  // read/warc_type:request is no document
  EXPECT_EQ(count_of(html, "<div class=\"sample\">"), 2u);
  EXPECT_NE(html.find("pith inspect &#39;crawl/it&#39;\\&#39;&#39;s here.warc&#39; --record 999"), std::string::npos);
  EXPECT_NE(html.find("pith inspect crawl/a.warc --record 2000"), std::string::npos);
  EXPECT_NE(html.find("Records that are no documents (read/warc_type:request) have no samples."), std::string::npos);
  Sample s{.reason = "r", .source = "a b$(rm -rf x)'", .record = 3, .offset = 0, .id = {}, .url = {}, .preview = {}};
  EXPECT_EQ(inspect_command(s), "pith inspect 'a b$(rm -rf x)'\\''' --record 0");
}

TEST(RunReport, CrawlDataIsNeverMarkup) {
  std::string html = render();
  EXPECT_EQ(count_of(html, "<script"), 0u);
  EXPECT_EQ(count_of(html, "<img"), 0u);
  EXPECT_EQ(html.find("href=\"javascript"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"), std::string::npos);
  EXPECT_NE(html.find("<title>pith run report: out&lt;dir&gt;</title>"), std::string::npos);
  EXPECT_NE(html.find("script-src &#39;none&#39;"), std::string::npos);
}

// --- through run_pipeline ---

std::string crawl(int seed, int pages) {
  std::string w;
  for (int i = 0; i < pages; ++i)
    w += testing::response_record(testing::article_html(seed * 100 + i), std::to_string(seed * 100 + i),
                                  "https://site" + std::to_string(seed) + ".com/" + std::to_string(i));
  // A page without text: dropped at extract, a sample of extract/no_content.
  w += testing::response_record("<html><body><nav><a href=\"/\">Home</a></nav></body></html>", "empty" + std::to_string(seed),
                                "https://empty" + std::to_string(seed) + ".org/");
  return w;
}

RunOptions options(const std::vector<std::string>& paths, const std::string& out) {
  RunOptions o;
  o.inputs = testing::input_files(paths);
  o.output_dir = out;
  o.recipe = "none";
  o.format = "jsonl";
  return o;
}

TEST(RunReport, RunPipelineWritesTheReportBesideStats) {
  testing::TempDir dir;
  std::string a = dir.write("a.warc", crawl(1, 3));
  auto r = run_pipeline(options({a}, dir.file("out")));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->report_path, dir.file("out/report.html"));
  EXPECT_TRUE(fs::exists(dir.file("out/a.warc.report")));
  std::string html = testing::read_file(dir.file("out/report.html"));
  EXPECT_NE(html.find("<div class=\"card\" id=\"records\"><div class=\"value\">4</div>"), std::string::npos) << html;
  EXPECT_NE(html.find("data-reason=\"extract/no_content\""), std::string::npos);
  EXPECT_EQ(count_of(html, "<div class=\"sample\">"), 1u);
  EXPECT_NE(html.find("a.warc record 4 at byte "), std::string::npos);
  EXPECT_NE(html.find("a.warc --record "), std::string::npos);
  EXPECT_NE(html.find("data-label=\"site1.com\""), std::string::npos);

  RunOptions no_report = options({a}, dir.file("out2"));
  no_report.report = false;
  auto q = run_pipeline(no_report);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->report_path, "");
  EXPECT_FALSE(fs::exists(dir.file("out2/report.html")));
  EXPECT_TRUE(fs::exists(dir.file("out2/a.warc.report")));  // kept for a later run's report
}

// The run is stopped after a.warc and started again with b.warc added: the report of the
// second run covers both files, as stats.json does, though a.warc is not read again.
TEST(RunReport, ARestartedRunReportsEveryFile) {
  testing::TempDir dir;
  std::string a = dir.write("a.warc", crawl(1, 3));
  ASSERT_TRUE(run_pipeline(options({a}, dir.file("out"))));
  std::string b = dir.write("b.warc", crawl(2, 2));
  auto r = run_pipeline(options({a, b}, dir.file("out")));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->files_done_before, 1u);
  EXPECT_EQ(r->stats.records, 7u);
  std::string html = testing::read_file(r->report_path);
  EXPECT_NE(html.find("<div class=\"card\" id=\"records\"><div class=\"value\">7</div>"), std::string::npos);
  std::string hosts = svg_with_id(html, "hosts-chart");
  for (std::string host : {"site1.com", "site2.com", "empty1.org", "empty2.org"})
    EXPECT_NE(hosts.find("data-label=\"" + host + "\""), std::string::npos) << host;
  EXPECT_EQ(count_of(html, "<div class=\"sample\">"), 2u);  // no_content in a.warc and in b.warc
  EXPECT_NE(html.find("a.warc record 4"), std::string::npos);
  EXPECT_NE(html.find("b.warc record 3"), std::string::npos);
  EXPECT_NE(html.find("(2 parts in the order they started"), std::string::npos);
  // A point per part that took a measurable time: parts of a few records can each finish within
  // the clock's millisecond and give none (ThroughputPoints below checks the points exactly).
  EXPECT_NE(svg_with_id(html, "throughput-chart"), "");
  EXPECT_LE(count_of(svg_with_id(html, "throughput-chart"), "<circle class=\"point\""), 2u);

  // A finished part whose profile is missing (written by an older pith) is counted and named.
  fs::remove(dir.file("out/a.warc.report"));
  auto again = run_pipeline(options({a, b}, dir.file("out")));
  ASSERT_TRUE(again);
  std::string html2 = testing::read_file(again->report_path);
  EXPECT_NE(html2.find("1 part was finished by an older pith"), std::string::npos);
  EXPECT_NE(html2.find("<div class=\"card\" id=\"records\"><div class=\"value\">7</div>"), std::string::npos);
  EXPECT_EQ(svg_with_id(html2, "hosts-chart").find("site1.com"), std::string::npos);
}

// The throughput of a restarted run: its parts end to end in the order they started, a point
// per tick; a run that took no measurable time has none.
TEST(RunReport, ThroughputPoints) {
  RunProfile profile;
  PartTime first{.start_unix_ms = 1000, .millis = 1000, .tick_every = 1000, .ticks = {{1000, 30, 0}}};
  PartTime second{.start_unix_ms = 9000, .millis = 2000, .tick_every = 1000, .ticks = {{1000, 10, 0}, {2000, 30, 0}}};
  profile.parts = {second, first};
  const std::vector<Point> points = throughput_points(profile);
  ASSERT_EQ(points.size(), 3u);
  EXPECT_DOUBLE_EQ(points[0].x, 1);
  EXPECT_DOUBLE_EQ(points[0].y, 30);
  EXPECT_DOUBLE_EQ(points[1].y, 10);
  EXPECT_DOUBLE_EQ(points[2].x, 3);
  EXPECT_DOUBLE_EQ(points[2].y, 20);
  RunProfile instant;
  instant.parts = {PartTime{.start_unix_ms = 1000, .millis = 0, .tick_every = 1000, .ticks = {{0, 3, 0}}}};
  EXPECT_TRUE(throughput_points(instant).empty());
}

TEST(RunReport, AShardWritesItsOwnReport) {
  testing::TempDir dir;
  std::string a = dir.write("a.warc", crawl(1, 2));
  RunOptions o = options({a}, dir.file("out"));
  o.shard_index = shard_of(o.inputs[0], 2);
  o.shard_count = 2;
  auto r = run_pipeline(o);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->report_path, dir.file("out/report-" + std::to_string(o.shard_index) + "-of-2.html"));
  EXPECT_TRUE(fs::exists(r->report_path));
}

}  // namespace
}  // namespace pith::report
