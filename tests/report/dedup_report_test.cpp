// pith dedup's report.html: written beside stats.json by finish_dedup, with the clusters' sizes
// counted by the clusters stage and the removed documents by reason.
#include "report/dedup_report.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "../io/fixtures.h"
#include "report_support.h"

namespace pith::report {
namespace {

using testing::count_of;
using testing::svg_with_id;

// 120 words drawn at random from a vocabulary: texts of two seeds share few 5-grams.
std::string text_of(int seed) {
  static const char* words[] = {"river",  "market", "council", "winter", "garden", "school", "budget", "engine",
                                "harbor", "letter", "meadow",  "signal", "planet", "forest", "doctor", "museum"};
  std::mt19937 rng(static_cast<unsigned>(seed));
  std::string s;
  for (int i = 0; i < 120; ++i) s += std::string(words[rng() % 16]) + (i % 10 == 9 ? ". " : " ");
  return s;
}

std::string line(const std::string& id, const std::string& text) {
  return "{\"id\":\"" + id + "\",\"text\":\"" + text + "\",\"metadata\":{\"url\":\"https://x/" + id + "\"}}\n";
}

TEST(DedupReport, FinishWritesClusterSizesAndRemovedShare) {
  testing::TempDir dir;
  // Text 1 three times, text 2 twice, texts 3..7 once: clusters of 3 and 2, 3 documents removed.
  std::string part = line("a", text_of(1)) + line("b", text_of(1)) + line("c", text_of(2)) + line("d", text_of(1)) +
                     line("e", text_of(2));
  for (int i = 3; i <= 7; ++i) part += line("u" + std::to_string(i), text_of(i));
  dir.write("run<&>/p.warc.jsonl", part);
  dir.write("run<&>/p.warc.done", "part\tx\n");
  DedupOptions o;
  auto plan = plan_dedup({dir.file("run<&>")}, dir.file("out"), o);
  ASSERT_TRUE(plan) << plan.error().message;
  auto s = run_dedup(*plan, 1);
  ASSERT_TRUE(s) << s.error().message;
  ASSERT_EQ(s->documents, 10u);
  ASSERT_EQ(s->kept, 7u);
  std::string html = testing::read_file(std::filesystem::path(dir.file("out")) / "report.html");
  ASSERT_FALSE(html.empty());
  std::string sizes = svg_with_id(html, "cluster-sizes-chart");
  EXPECT_EQ(count_of(sizes, "<g class=\"column\""), std::size(kClusterSizeEdges));
  EXPECT_NE(sizes.find("<g class=\"column\" data-label=\"2\"><rect class=\"bar\" data-value=\"1\""), std::string::npos)
      << sizes;
  EXPECT_NE(sizes.find("<g class=\"column\" data-label=\"3\"><rect class=\"bar\" data-value=\"1\""), std::string::npos);
  std::string removed = svg_with_id(html, "removed-chart");
  EXPECT_NE(removed.find("data-label=\"dedup/exact_duplicate\""), std::string::npos);
  EXPECT_NE(removed.find("class=\"bar drop\" data-value=\"3\""), std::string::npos);
  EXPECT_NE(removed.find("class=\"bar keep\" data-value=\"7\""), std::string::npos);
  EXPECT_NE(html.find("<div class=\"card\" id=\"removed\"><div class=\"value\">3</div><div class=\"name\">removed (30%)"),
            std::string::npos);
  EXPECT_NE(html.find("<div class=\"card\" id=\"clusters\"><div class=\"value\">2</div>"), std::string::npos);
  EXPECT_NE(html.find("run&lt;&amp;&gt;"), std::string::npos);  // the folder's name is text
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

TEST(DedupReport, ClusterSizeKeys) {
  EXPECT_EQ(cluster_size_key(17), "cluster_size:17");
  EXPECT_EQ(cluster_size_of_key("cluster_size:17"), 17u);
  EXPECT_EQ(cluster_size_of_key("cluster_size:x"), 0u);
  EXPECT_EQ(cluster_size_of_key("near_duplicate"), 0u);
}

TEST(DedupReport, LargeClustersFallInTheOpenBin) {
  DedupSummary s;
  s.documents = 3000;
  s.kept = 1000;
  s.removed["dedup/near_duplicate"] = 2000;
  std::string html = render_dedup_report(s, {{2, 5}, {4, 1}, {2000, 1}}, {.input_dirs = {"a"}});
  std::string sizes = svg_with_id(html, "cluster-sizes-chart");
  EXPECT_NE(sizes.find("data-label=\"1025+\"><rect class=\"bar\" data-value=\"1\""), std::string::npos) << sizes;
  EXPECT_NE(sizes.find("data-label=\"2\"><rect class=\"bar\" data-value=\"5\""), std::string::npos);
  EXPECT_NE(sizes.find("data-label=\"4\"><rect class=\"bar\" data-value=\"1\""), std::string::npos);
}

}  // namespace
}  // namespace pith::report
