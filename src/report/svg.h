// Charts as inline SVG, drawn by pith: no script, no library, nothing fetched when viewed.
//
// Each bar segment is one <rect class="bar CLASS" data-value="N"> with a <title> (the tooltip),
// each point of a line one <circle class="point" data-x data-y>, so that a test (or a user's
// script) can read the numbers back from the DOM. Labels are escaped: they come from the data.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace pith::report {

struct Segment {
  double value = 0;
  std::string_view css_class;  // "keep", "drop", or "" for the accent colour
  std::string_view name;       // in the tooltip: "written", "rejected", ...
};

// One row of a horizontal bar chart: its segments stacked left to right, a note after the bar.
struct BarRow {
  std::string label;
  std::vector<Segment> segments;
  std::string note;
};

// One column of a vertical bar chart: its segments stacked bottom to top.
struct Column {
  std::string label;
  std::vector<Segment> segments;
};

struct Point {
  double x = 0, y = 0;
};

struct ChartFrame {
  std::string_view id;     // the <svg>'s id
  std::string_view title;  // its <title> and aria-label
  std::string_view x_label, y_label;
};

// Rows scaled to the largest row total. One <rect> per segment (zero-width ones too), one row
// group <g class="row" data-label> per row.
void svg_horizontal_bars(std::string& out, const ChartFrame& frame, const std::vector<BarRow>& rows);
// Columns scaled to the largest column total, labels under them.
void svg_columns(std::string& out, const ChartFrame& frame, const std::vector<Column>& columns);
// A line through the points (in order) with a dot on each; axes from 0 to the largest x and y.
void svg_line(std::string& out, const ChartFrame& frame, const std::vector<Point>& points);

// 1234567 -> "1,234,567".
std::string format_count(uint64_t n);
// part/whole as "12.3%" ("0%" when whole is 0).
std::string format_share(uint64_t part, uint64_t whole);
// Bytes as "1.2 MB" (powers of 1000).
std::string format_bytes(uint64_t bytes);

}  // namespace pith::report
