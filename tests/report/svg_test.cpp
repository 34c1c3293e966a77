#include "report/svg.h"

#include <gtest/gtest.h>

#include "report_support.h"

namespace pith::report {
namespace {

using testing::count_of;
using testing::svg_with_id;

TEST(ReportSvg, HorizontalBarsDrawOneRectPerSegmentWithItsValue) {
  std::vector<BarRow> rows = {
      {"read", {{10, "keep", "went on"}, {2, "drop", "dropped"}}, "12 in"},
      {"extract", {{7, "keep", "went on"}, {3, "drop", "dropped"}}, "10 in"},
      {"gopher", {{7, "keep", "went on"}, {0, "drop", "dropped"}}, "7 in"},
  };
  std::string out;
  svg_horizontal_bars(out, {.id = "f", .title = "Funnel", .x_label = {}, .y_label = {}}, rows);
  std::string svg = svg_with_id(out, "f");
  ASSERT_FALSE(svg.empty()) << out;
  EXPECT_EQ(count_of(svg, "<rect class=\"bar"), 6u);
  EXPECT_EQ(count_of(svg, "<rect class=\"bar keep\""), 3u);
  EXPECT_EQ(count_of(svg, "<g class=\"row\""), 3u);
  EXPECT_NE(svg.find("data-count=\"3\""), std::string::npos);
  EXPECT_NE(svg.find("class=\"bar keep\" data-value=\"10\""), std::string::npos);
  EXPECT_NE(svg.find("class=\"bar drop\" data-value=\"3\""), std::string::npos);
  // The longest row spans the whole bar area; a zero segment is drawn with no width.
  EXPECT_NE(svg.find("class=\"bar drop\" data-value=\"0\" x=\"433.7\" y=\"56\" width=\"0\""), std::string::npos) << svg;
}

TEST(ReportSvg, ColumnsStackTheirSegments) {
  std::vector<Column> columns;
  for (int i = 0; i < 11; ++i) {
    std::string label = "b";  // not "b" + to_string(i): GCC 12's false -Wrestrict
    label += std::to_string(i);
    columns.push_back({label, {{double(i), "keep", ""}, {1, "drop", ""}}});
  }
  std::string out;
  svg_columns(out, {.id = "c", .title = "t", .x_label = "bytes", .y_label = "docs"}, columns);
  EXPECT_EQ(count_of(out, "<g class=\"column\""), 11u);
  EXPECT_EQ(count_of(out, "<rect class=\"bar keep\""), 11u);
  EXPECT_EQ(count_of(out, "<rect class=\"bar drop\""), 11u);
  EXPECT_NE(out.find("data-value=\"10\""), std::string::npos);
}

TEST(ReportSvg, LineHasOneDotPerPoint) {
  std::string out;
  svg_line(out, {.id = "l", .title = "t", .x_label = {}, .y_label = {}}, {{1, 10}, {2, 20}, {3, 15}, {4, 0}});
  EXPECT_EQ(count_of(out, "<circle class=\"point\""), 4u);
  EXPECT_EQ(count_of(out, "<polyline class=\"line\""), 1u);
  EXPECT_NE(out.find("data-x=\"2\" data-y=\"20\""), std::string::npos);
  std::string empty;
  svg_line(empty, {.id = "e", .title = "t", .x_label = {}, .y_label = {}}, {});
  EXPECT_EQ(count_of(empty, "<circle"), 0u);
  EXPECT_NE(empty.find("data-count=\"0\""), std::string::npos);
}

// Labels come from the crawl (hosts, languages): markup in them is text, in the drawing, the
// tooltip and the data attribute alike.
TEST(ReportSvg, HostileLabelsAreEscaped) {
  const std::string hostile = "evil\"><script>alert(1)</script><img src=x onerror=alert(2)>";
  std::string out;
  svg_horizontal_bars(out, {.id = "h\"x", .title = "<b>", .x_label = {}, .y_label = {}},
                      {{hostile, {{1, "drop", "<i>"}}, "<note>"}});
  svg_columns(out, {.id = "c", .title = "t", .x_label = "<x>", .y_label = "<y>"}, {{hostile, {{1, "", ""}}}});
  EXPECT_EQ(out.find("<script"), std::string::npos) << out;
  EXPECT_EQ(out.find("<img"), std::string::npos);
  EXPECT_EQ(out.find("<b>"), std::string::npos);
  EXPECT_EQ(out.find("<note>"), std::string::npos);
  EXPECT_EQ(out.find("\"><"), out.find("\"><title>"));  // no attribute is closed early by the data
  EXPECT_NE(out.find("data-label=\"evil&quot;&gt;&lt;script&gt;"), std::string::npos);
  EXPECT_NE(out.find("id=\"h&quot;x\""), std::string::npos);
}

TEST(ReportSvg, Formats) {
  EXPECT_EQ(format_count(0), "0");
  EXPECT_EQ(format_count(999), "999");
  EXPECT_EQ(format_count(1234567), "1,234,567");
  EXPECT_EQ(format_share(1, 3), "33%");
  EXPECT_EQ(format_share(1, 200), "0.5%");
  EXPECT_EQ(format_share(1, 100000), "<0.1%");
  EXPECT_EQ(format_share(0, 0), "0%");
  EXPECT_EQ(format_bytes(999), "999 B");
  EXPECT_EQ(format_bytes(1500000), "1.5 MB");
}

}  // namespace
}  // namespace pith::report
