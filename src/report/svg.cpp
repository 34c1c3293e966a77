#include "report/svg.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report/html.h"

namespace pith::report {

namespace {

// Geometry in SVG user units (the chart scales to its container's width).
constexpr double kWidth = 760;
constexpr double kRowHeight = 20, kRowGap = 4;
constexpr double kLabelWidth = 190, kNoteWidth = 150;
constexpr double kColumnsHeight = 220, kLineHeight = 220;
constexpr double kMargin = 8, kAxisBottom = 34, kAxisLeft = 64;
// Labels longer than this many bytes are cut in the drawing (the tooltip keeps them whole).
constexpr size_t kLabelChars = 30;

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (s.ends_with(".0")) s.resize(s.size() - 2);
  return s;
}

std::string value_text(double v) {
  if (v == std::floor(v) && v >= 0 && v < 1e18) return format_count(static_cast<uint64_t>(v));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

std::string short_label(std::string_view label) {
  if (label.size() <= kLabelChars) return std::string(label);
  size_t end = kLabelChars - 1;
  while (end > 0 && (static_cast<unsigned char>(label[end]) & 0xC0) == 0x80) --end;
  return std::string(label.substr(0, end)) + "\xE2\x80\xA6";
}

double total_of(const std::vector<Segment>& segments) {
  double t = 0;
  for (const Segment& s : segments) t += std::max(0.0, s.value);
  return t;
}

void open_svg(std::string& out, const ChartFrame& f, double height, size_t items) {
  out += "<svg class=\"chart\" id=\"";
  append_escaped(out, f.id);
  out += "\" data-count=\"" + std::to_string(items) + "\" viewBox=\"0 0 " + num(kWidth) + " " + num(height) +
         "\" width=\"" + num(kWidth) + "\" height=\"" + num(height) +
         "\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" aria-label=\"";
  append_escaped(out, f.title);
  out += "\"><title>";
  append_escaped(out, f.title);
  out += "</title>\n";
}

void rect(std::string& out, const Segment& s, std::string_view label, double x, double y, double w, double h) {
  out += "<rect class=\"bar";
  if (!s.css_class.empty()) {
    out += ' ';
    out += s.css_class;
  }
  out += "\" data-value=\"" + value_text(s.value) + "\" x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" +
         num(std::max(0.0, w)) + "\" height=\"" + num(std::max(0.0, h)) + "\"><title>";
  append_escaped(out, label);
  if (!s.name.empty()) {
    out += ", ";
    append_escaped(out, s.name);
  }
  out += ": " + value_text(s.value) + "</title></rect>";
}

void text(std::string& out, std::string_view css_class, double x, double y, std::string_view anchor,
          std::string_view content) {
  out += "<text class=\"";
  out += css_class;
  out += "\" x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"";
  out += anchor;
  out += "\">";
  append_escaped(out, content);
  out += "</text>";
}

}  // namespace

std::string format_count(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string format_share(uint64_t part, uint64_t whole) {
  if (!whole) return "0%";
  double pct = 100.0 * static_cast<double>(part) / static_cast<double>(whole);
  char buf[32];
  std::snprintf(buf, sizeof buf, pct == 0 || pct == 100 || pct >= 10 ? "%.0f%%" : "%.1f%%", pct);
  if (pct > 0 && pct < 0.1) return "<0.1%";
  return buf;
}

std::string format_bytes(uint64_t bytes) {
  static constexpr const char* kUnits[] = {"B", "kB", "MB", "GB", "TB", "PB"};
  double v = static_cast<double>(bytes);
  size_t unit = 0;
  while (v >= 1000 && unit + 1 < std::size(kUnits)) {
    v /= 1000;
    ++unit;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, unit == 0 ? "%.0f %s" : "%.1f %s", v, kUnits[unit]);
  return buf;
}

void svg_horizontal_bars(std::string& out, const ChartFrame& f, const std::vector<BarRow>& rows) {
  double height = kMargin * 2 + std::max<size_t>(rows.size(), 1) * (kRowHeight + kRowGap);
  open_svg(out, f, height, rows.size());
  double largest = 0;
  for (const BarRow& r : rows) largest = std::max(largest, total_of(r.segments));
  const double bar_area = kWidth - kLabelWidth - kNoteWidth - kMargin * 2;
  double y = kMargin;
  for (const BarRow& r : rows) {
    out += "<g class=\"row\" data-label=\"";
    append_escaped(out, r.label);
    out += "\">";
    text(out, "label", kMargin + kLabelWidth - 6, y + kRowHeight * 0.7, "end", short_label(r.label));
    double x = kMargin + kLabelWidth;
    for (const Segment& s : r.segments) {
      double w = largest > 0 ? bar_area * std::max(0.0, s.value) / largest : 0;
      rect(out, s, r.label, x, y, w, kRowHeight);
      x += w;
    }
    text(out, "note", x + 6, y + kRowHeight * 0.7, "start", r.note);
    out += "</g>\n";
    y += kRowHeight + kRowGap;
  }
  out += "</svg>\n";
}

void svg_columns(std::string& out, const ChartFrame& f, const std::vector<Column>& columns) {
  open_svg(out, f, kColumnsHeight, columns.size());
  double largest = 0;
  for (const Column& c : columns) largest = std::max(largest, total_of(c.segments));
  const double left = kAxisLeft, bottom = kColumnsHeight - kAxisBottom, top = kMargin + 10;
  const double plot_width = kWidth - left - kMargin, plot_height = bottom - top;
  out += "<line class=\"axis\" x1=\"" + num(left) + "\" y1=\"" + num(bottom) + "\" x2=\"" + num(kWidth - kMargin) +
         "\" y2=\"" + num(bottom) + "\"/>";
  text(out, "label", left - 6, top + 4, "end", value_text(largest));
  text(out, "label", left - 6, bottom, "end", "0");
  if (!f.y_label.empty()) text(out, "label", kMargin, top - 4, "start", f.y_label);
  const double slot = columns.empty() ? plot_width : plot_width / static_cast<double>(columns.size());
  const double bar_width = slot * 0.7;
  for (size_t i = 0; i < columns.size(); ++i) {
    const Column& c = columns[i];
    double x = left + slot * static_cast<double>(i) + (slot - bar_width) / 2;
    double y = bottom;
    out += "<g class=\"column\" data-label=\"";
    append_escaped(out, c.label);
    out += "\">";
    for (const Segment& s : c.segments) {
      double h = largest > 0 ? plot_height * std::max(0.0, s.value) / largest : 0;
      y -= h;
      rect(out, s, c.label, x, y, bar_width, h);
    }
    text(out, "label", x + bar_width / 2, bottom + 14, "middle", short_label(c.label));
    out += "</g>\n";
  }
  if (!f.x_label.empty()) text(out, "label", left + plot_width / 2, kColumnsHeight - 4, "middle", f.x_label);
  out += "</svg>\n";
}

void svg_line(std::string& out, const ChartFrame& f, const std::vector<Point>& points) {
  open_svg(out, f, kLineHeight, points.size());
  double max_x = 0, max_y = 0;
  for (const Point& p : points) {
    max_x = std::max(max_x, p.x);
    max_y = std::max(max_y, p.y);
  }
  const double left = kAxisLeft, bottom = kLineHeight - kAxisBottom, top = kMargin + 10;
  const double plot_width = kWidth - left - kMargin * 2, plot_height = bottom - top;
  auto sx = [&](double x) { return left + (max_x > 0 ? plot_width * x / max_x : plot_width / 2); };
  auto sy = [&](double y) { return bottom - (max_y > 0 ? plot_height * y / max_y : 0); };
  out += "<line class=\"axis\" x1=\"" + num(left) + "\" y1=\"" + num(bottom) + "\" x2=\"" + num(left + plot_width) +
         "\" y2=\"" + num(bottom) + "\"/>";
  out += "<line class=\"axis\" x1=\"" + num(left) + "\" y1=\"" + num(top) + "\" x2=\"" + num(left) + "\" y2=\"" +
         num(bottom) + "\"/>";
  text(out, "label", left - 6, top + 4, "end", value_text(std::round(max_y)));
  text(out, "label", left - 6, bottom, "end", "0");
  text(out, "label", left, bottom + 14, "middle", "0");
  text(out, "label", left + plot_width, bottom + 14, "end", value_text(std::round(max_x * 10) / 10));
  if (!f.y_label.empty()) text(out, "label", kMargin, top - 4, "start", f.y_label);
  if (!f.x_label.empty()) text(out, "label", left + plot_width / 2, kLineHeight - 4, "middle", f.x_label);
  if (points.size() > 1) {
    out += "<polyline class=\"line\" points=\"";
    for (size_t i = 0; i < points.size(); ++i) {
      if (i) out += ' ';
      out += num(sx(points[i].x)) + "," + num(sy(points[i].y));
    }
    out += "\"/>";
  }
  for (const Point& p : points) {
    out += "<circle class=\"point\" r=\"2.5\" cx=\"" + num(sx(p.x)) + "\" cy=\"" + num(sy(p.y)) + "\" data-x=\"" +
           value_text(std::round(p.x * 1000) / 1000) + "\" data-y=\"" + value_text(std::round(p.y * 10) / 10) +
           "\"><title>" + value_text(std::round(p.x * 10) / 10) + " s: " + value_text(std::round(p.y)) +
           "</title></circle>";
  }
  out += "\n</svg>\n";
}

}  // namespace pith::report
