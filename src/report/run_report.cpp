#include "report/run_report.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>

#include "report/html.h"

namespace pith::report {

namespace {

constexpr std::string_view kReportCss = R"css(
.summary{display:flex;flex-wrap:wrap;gap:.75rem;margin:.75rem 0}
.summary .card{min-width:9rem}
.summary .value{font-size:1.35rem;font-weight:600}
.summary .name{color:var(--muted)}
.legend span{display:inline-block;margin-right:1rem}
.legend i{display:inline-block;width:.8em;height:.8em;margin-right:.3em;vertical-align:-1px;background:var(--accent)}
.legend i.keep{background:var(--keep)}
.legend i.drop{background:var(--drop)}
.sample{border-left:3px solid var(--drop);padding:.25rem .75rem;margin:.5rem 0}
.sample .meta{color:var(--muted)}
.reason-name{font-weight:600}
tr.stage td{font-weight:600;background:var(--panel)}
)css";

std::string stage_reason(const std::string& stage, const std::string& reason) { return stage + "/" + reason; }

// An id for an HTML anchor made of any reason: letters, digits, '-' kept, the rest '-', and a
// number so that two reasons never share one.
std::string anchor_for(std::string_view reason, size_t index) {
  std::string id = "reason-" + std::to_string(index) + "-";
  for (char c : reason) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    id += plain ? c : '-';
  }
  return id;
}

void legend(std::string& out, std::string_view keep = "written", std::string_view drop = "rejected") {
  out += "<p class=\"legend\"><span><i class=\"keep\"></i>";
  append_escaped(out, keep);
  out += "</span><span><i class=\"drop\"></i>";
  append_escaped(out, drop);
  out += "</span></p>\n";
}

std::string plural(uint64_t n, std::string_view one, std::string_view many) {
  return format_count(n) + " " + std::string(n == 1 ? one : many);
}

std::string utc_time(int64_t unix_ms) {
  std::time_t t = static_cast<std::time_t>(unix_ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm);
  return buf;
}

struct ReasonRow {
  std::string stage, reason, key;  // key: "stage/reason"
  uint64_t count = 0;
  std::string anchor;
};

// WARC records that are no documents (warcinfo, request, metadata): counted, never sampled.
bool is_not_document(const ReasonRow& r) { return r.stage == "read" && r.reason.starts_with("warc_type:"); }

// Every drop reason, by stage in the run's order, then by count.
std::vector<ReasonRow> reasons_of(const RunStats& stats) {
  std::vector<ReasonRow> rows;
  for (const std::string& stage : stats.stage_order) {
    const StageCounts& s = stats.stages.at(stage);
    std::vector<std::pair<std::string, uint64_t>> by_count(s.dropped.begin(), s.dropped.end());
    std::stable_sort(by_count.begin(), by_count.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [reason, n] : by_count) {
      if (!n) continue;
      ReasonRow r{stage, reason, stage_reason(stage, reason), n, {}};
      r.anchor = anchor_for(r.key, rows.size());
      rows.push_back(std::move(r));
    }
  }
  return rows;
}

void summary_section(std::string& out, const RunStats& s, const RunProfile& p, const RunReportContext& c) {
  out += "<h1>pith run report</h1>\n<p class=\"muted\">";
  append_escaped(out, "Output folder " + std::string(c.output_dir) + " · recipe " + std::string(c.recipe) + " " +
                          std::string(c.recipe_version) + " · shard " + std::string(c.shard) + " · counters in " +
                          std::string(c.stats_file));
  if (!p.parts.empty()) {
    int64_t first = p.parts.front().start_unix_ms, last = first;
    for (const PartTime& t : p.parts) {
      first = std::min(first, t.start_unix_ms);
      last = std::max(last, t.start_unix_ms + static_cast<int64_t>(t.millis));
    }
    append_escaped(out, " · parts processed " + utc_time(first) + " to " + utc_time(last));
  }
  out += "</p>\n<div class=\"summary\" id=\"summary\">";
  append_card(out, "records", "records read", format_count(s.records));
  append_card(out, "written", "written (" + format_share(s.written, s.records) + ")", format_count(s.written));
  append_card(out, "rejected", "rejected (" + format_share(s.rejected, s.records) + ")", format_count(s.rejected));
  append_card(out, "files", "files (" + format_count(c.files_done_before) + " done by an earlier run)",
       format_count(c.files_total));
  append_card(out, "bytes-in", "read (" + format_bytes(s.bytes_uncompressed) + " uncompressed)", format_bytes(s.bytes_raw));
  append_card(out, "bytes-out", "text written", format_bytes(s.text_bytes_written));
  out += "</div>\n";
  std::vector<std::string> notes;
  if (c.files_failed) notes.push_back(format_count(c.files_failed) + " files could not be written: see the run's messages");
  for (const auto& [k, v] : s.input_errors) notes.push_back("input errors, " + k + ": " + format_count(v));
  for (const auto& [rule, why] : c.skipped_rules) notes.push_back("rule " + rule + " skipped: " + why);
  if (p.parts_without_profile)
    notes.push_back(plural(p.parts_without_profile, "part was", "parts were") +
                    " finished by an older pith that kept no profile: they are in the funnel, not in the "
                    "charts and samples below");
  if (!notes.empty()) {
    out += "<ul id=\"notes\">";
    for (const std::string& n : notes) {
      out += "<li>";
      append_escaped(out, n);
      out += "</li>";
    }
    out += "</ul>\n";
  }
}

void funnel_section(std::string& out, const RunStats& s, const std::vector<ReasonRow>& reasons) {
  append_heading(out, "funnel", "Funnel: records in and out per stage");
  append_paragraph(out, "muted",
            "Each record meets the stages in this order until one drops it. A stage's bar is the records that "
            "reached it: green went on, red was dropped there.");
  legend(out, "went on", "dropped here");
  std::vector<BarRow> rows;
  for (const std::string& name : s.stage_order) {
    const StageCounts& c = s.stages.at(name);
    uint64_t dropped = 0;
    for (const auto& [k, v] : c.dropped) dropped += v;
    rows.push_back({name,
                    {{static_cast<double>(c.kept), "keep", "went on"}, {static_cast<double>(dropped), "drop", "dropped"}},
                    format_count(c.in) + " in, " + format_count(dropped) + " dropped"});
  }
  svg_horizontal_bars(out, {.id = "funnel-chart", .title = "Records per stage", .x_label = {}, .y_label = {}}, rows);

  out += "<table id=\"funnel-table\"><thead><tr><th>stage</th><th>reason</th><th class=\"num\">records</th>"
         "<th class=\"num\">share of records read</th></tr></thead><tbody>\n";
  for (const std::string& name : s.stage_order) {
    const StageCounts& c = s.stages.at(name);
    out += "<tr class=\"stage\" data-stage=\"";
    append_escaped(out, name);
    out += "\"><td>";
    append_escaped(out, name);
    out += "</td><td>in " + format_count(c.in) + ", kept " + format_count(c.kept) + "</td><td class=\"num in\" data-value=\"" +
           std::to_string(c.in) + "\">" + format_count(c.in) + "</td><td class=\"num\">" +
           format_share(c.in, s.records) + "</td></tr>\n";
    for (const ReasonRow& r : reasons) {
      if (r.stage != name) continue;
      out += "<tr class=\"reason\" data-reason=\"";
      append_escaped(out, r.key);
      out += "\"><td></td><td><a href=\"#" + r.anchor + "\">";
      append_escaped(out, r.reason);
      out += "</a></td><td class=\"num count\" data-value=\"" + std::to_string(r.count) + "\">" + format_count(r.count) +
             "</td><td class=\"num\">" + format_share(r.count, s.records) + "</td></tr>\n";
    }
  }
  out += "</tbody></table>\n";
}

// Label rows (languages, page types): the `limit` most seen, the rest in one "other" row.
std::vector<BarRow> label_rows(const std::map<std::string, LabelCount>& labels, size_t limit, std::string_view kind) {
  std::vector<std::pair<std::string, LabelCount>> sorted(labels.begin(), labels.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second.seen > b.second.seen; });
  std::vector<BarRow> rows;
  LabelCount other;
  size_t others = 0;
  for (size_t i = 0; i < sorted.size(); ++i) {
    const LabelCount& c = sorted[i].second;
    if (i >= limit) {
      other.seen += c.seen;
      other.written += c.written;
      ++others;
      continue;
    }
    rows.push_back({sorted[i].first,
                    {{static_cast<double>(c.written), "keep", "written"},
                     {static_cast<double>(c.seen - c.written), "drop", "rejected"}},
                    format_count(c.seen) + ", " + format_share(c.written, c.seen) + " written"});
  }
  if (others)
    rows.push_back({"other (" + std::to_string(others) + " " + std::string(kind) + ")",
                    {{static_cast<double>(other.written), "keep", "written"},
                     {static_cast<double>(other.seen - other.written), "drop", "rejected"}},
                    format_count(other.seen) + ", " + format_share(other.written, other.seen) + " written"});
  return rows;
}

void labels_section(std::string& out, std::string_view id, std::string_view title, std::string_view explain,
                    const std::map<std::string, LabelCount>& labels, size_t limit, std::string_view kind) {
  out += "<section>";
  append_heading(out, id, title);
  append_paragraph(out, "muted", explain);
  if (labels.empty()) {
    append_paragraph(out, "muted empty", "None in this run.");
  } else {
    svg_horizontal_bars(out, {.id = std::string(id) + "-chart", .title = title, .x_label = {}, .y_label = {}},
                        label_rows(labels, limit, kind));
  }
  out += "</section>\n";
}

std::string bin_label(size_t i) {
  auto short_bytes = [](uint64_t v) {
    return v >= 1000 ? std::to_string(v / 1000) + "k" : std::to_string(v);
  };
  if (i + 1 == kLengthBinEdges.size()) return short_bytes(kLengthBinEdges[i]) + "+";
  return short_bytes(kLengthBinEdges[i]) + "\xE2\x80\x93" + short_bytes(kLengthBinEdges[i + 1]);
}

void lengths_section(std::string& out, const RunProfile& p) {
  out += "<section>";
  append_heading(out, "lengths", "Text length");
  append_paragraph(out, "muted",
            "Bytes of text of each document that had text after extraction or cleaning, and whether a later "
            "stage kept it.");
  std::vector<Column> columns;
  for (size_t i = 0; i < p.lengths.size(); ++i) {
    const LabelCount& c = p.lengths[i];
    columns.push_back({bin_label(i),
                       {{static_cast<double>(c.written), "keep", "written"},
                        {static_cast<double>(c.seen - c.written), "drop", "rejected"}}});
  }
  svg_columns(out, {.id = "lengths-chart", .title = "Documents by bytes of text", .x_label = "bytes of text",
                    .y_label = "documents"},
              columns);
  out += "</section>\n";
}

void hosts_section(std::string& out, const RunProfile& p) {
  append_heading(out, "hosts", "Rejected share by host");
  std::vector<std::pair<std::string, HostCount>> sorted(p.hosts.begin(), p.hosts.end());
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    if (a.second.rejected != b.second.rejected) return a.second.rejected > b.second.rejected;
    if (a.second.records != b.second.records) return a.second.records > b.second.records;
    return a.first < b.first;
  });
  append_paragraph(out, "muted",
            "The " + std::to_string(std::min(sorted.size(), kReportHosts)) +
                " hosts with the most rejected documents (of " + format_count(sorted.size()) +
                " hosts counted), each with its share rejected. Parts keep their " + std::to_string(kHostsPerPart) +
                " hosts with the most rejects; the others of a part are summed" +
                (p.other_hosts.records ? " (" + format_count(p.other_hosts.records) + " documents, " +
                                             format_share(p.other_hosts.rejected, p.other_hosts.records) + " rejected)"
                                       : std::string()) +
                ".");
  legend(out);
  std::vector<BarRow> rows;
  for (size_t i = 0; i < sorted.size() && i < kReportHosts; ++i) {
    const auto& [host, c] = sorted[i];
    rows.push_back({host.empty() ? "(no URL)" : host,
                    {{static_cast<double>(c.records - c.rejected), "keep", "written"},
                     {static_cast<double>(c.rejected), "drop", "rejected"}},
                    format_count(c.rejected) + " of " + format_count(c.records) + " (" +
                        format_share(c.rejected, c.records) + ")"});
  }
  svg_horizontal_bars(out, {.id = "hosts-chart", .title = "Rejected documents by host", .x_label = {}, .y_label = {}},
                      rows);
}

void throughput_section(std::string& out, const RunProfile& p) {
  append_heading(out, "throughput", "Throughput");
  uint64_t millis = 0;
  for (const PartTime& t : p.parts) millis += t.millis;
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.1f s", static_cast<double>(millis) / 1000);
  append_paragraph(out, "muted",
            "Records per second over the run's processing time (" + plural(p.parts.size(), "part", "parts") +
                " in the order they started, " + seconds +
                " in all; the pauses between restarted runs are left out). A part's rate is measured about every "
                "second, so a run of a few seconds has a few points.");
  svg_line(out, {.id = "throughput-chart", .title = "Records per second", .x_label = "seconds of processing",
                 .y_label = "records/s"},
           throughput_points(p));
}

void samples_section(std::string& out, const RunProfile& p, const std::vector<ReasonRow>& reasons) {
  append_heading(out, "samples", "Samples per drop reason");
  append_paragraph(out, "muted",
            "The first " + std::to_string(kSamplesPerReason) +
                " documents met for each reason, with their first lines and the command that shows, block by block, "
                "what pith kept and why.");
  std::map<std::string_view, std::vector<const Sample*>> by_reason;
  for (const Sample& s : p.samples) by_reason[s.reason].push_back(&s);
  std::string not_documents;
  for (const ReasonRow& r : reasons)
    if (is_not_document(r)) not_documents += (not_documents.empty() ? "" : ", ") + r.key;
  if (!not_documents.empty())
    append_paragraph(out, "muted", "Records that are no documents (" + not_documents + ") have no samples.");
  for (const ReasonRow& r : reasons) {
    if (is_not_document(r)) continue;
    auto it = by_reason.find(r.key);
    out += "<section class=\"reason\" id=\"" + r.anchor + "\" data-reason=\"";
    append_escaped(out, r.key);
    out += "\"><h3><span class=\"reason-name\">";
    append_escaped(out, r.key);
    out += "</span> <span class=\"muted\">" + format_count(r.count) + " records</span></h3>\n";
    if (it == by_reason.end()) append_paragraph(out, "muted", "No samples kept for this reason.");
    if (it != by_reason.end()) {
      for (const Sample* s : it->second) {
        out += "<div class=\"sample\"><div class=\"meta\">";
        append_escaped(out, s->id.empty() ? "(no id)" : s->id);
        if (!s->url.empty()) {
          out += " · <span class=\"url\">";
          append_escaped(out, s->url);
          out += "</span>";
        }
        out += " · ";
        append_escaped(out, s->source + " record " + std::to_string(s->record) + " at byte " + std::to_string(s->offset));
        out += "</div><code class=\"command\">";
        append_escaped(out, inspect_command(*s));
        out += "</code>";
        if (s->preview.empty()) {
          out += "<p class=\"muted\">No text: dropped before any was extracted.</p>";
        } else {
          out += "<pre class=\"preview\">";
          append_escaped(out, s->preview);
          out += "</pre>";
        }
        out += "</div>\n";
      }
    }
    out += "</section>\n";
  }
}

std::string shell_quote(std::string_view s) {
  bool plain = !s.empty();
  for (char c : s) {
    bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                std::string_view("-_./:=@%+,").find(c) != std::string_view::npos;
    plain = plain && safe;
  }
  if (plain) return std::string(s);
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

}  // namespace

std::string inspect_command(const Sample& s) {
  return "pith inspect " + shell_quote(s.source) + " --record " + std::to_string(s.offset);
}

std::vector<Point> throughput_points(const RunProfile& profile) {
  std::vector<const PartTime*> parts;
  for (const PartTime& t : profile.parts) parts.push_back(&t);
  std::stable_sort(parts.begin(), parts.end(),
                   [](const PartTime* a, const PartTime* b) { return a->start_unix_ms < b->start_unix_ms; });
  // The run as one cumulative series (seconds of processing, records done), parts end to end.
  std::vector<Point> cumulative{{0, 0}};
  double offset_s = 0, records_before = 0;
  size_t ticks = 0;
  for (const PartTime* t : parts) {
    for (const Tick& k : t->ticks) {
      cumulative.push_back({offset_s + static_cast<double>(k.millis) / 1000, records_before + static_cast<double>(k.records)});
      ++ticks;
    }
    offset_s += static_cast<double>(t->millis) / 1000;
    if (!t->ticks.empty()) records_before += static_cast<double>(t->ticks.back().records);
  }
  std::vector<Point> points;
  const double total_s = std::max(offset_s, cumulative.back().x);
  if (ticks == 0 || total_s <= 0) return points;
  const size_t steps = std::min(kThroughputPoints, ticks);
  auto records_at = [&](double x) {
    auto it = std::lower_bound(cumulative.begin(), cumulative.end(), x, [](const Point& p, double v) { return p.x < v; });
    if (it == cumulative.end()) return cumulative.back().y;
    if (it == cumulative.begin()) return it->y;
    const Point& a = *(it - 1);
    const Point& b = *it;
    return b.x > a.x ? a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x) : b.y;
  };
  const double step = total_s / static_cast<double>(steps);
  for (size_t i = 0; i < steps; ++i) {
    double from = step * static_cast<double>(i), to = step * static_cast<double>(i + 1);
    points.push_back({to, (records_at(to) - records_at(from)) / step});
  }
  return points;
}

std::string render_run_report(const RunStats& stats, const RunProfile& profile, const RunReportContext& context) {
  std::string out;
  out.reserve(64 << 10);
  const std::string title = "pith run report: " + std::string(context.output_dir);
  const PageShell shell{.title = title, .extra_css = kReportCss, .script = {}};
  page_begin(out, shell);
  const std::vector<ReasonRow> reasons = reasons_of(stats);
  summary_section(out, stats, profile, context);
  funnel_section(out, stats, reasons);
  labels_section(out, "languages", "Languages",
                 "Documents by the language the recipe's language stage gave them (documents dropped before it have "
                 "none).",
                 profile.languages, kReportLanguages, "languages");
  labels_section(out, "page-types", "Page types", "HTML documents by the page type pith extract gave them.",
                 profile.page_types, kReportPageTypes, "types");
  lengths_section(out, profile);
  hosts_section(out, profile);
  throughput_section(out, profile);
  samples_section(out, profile, reasons);
  page_end(out, shell);
  return out;
}

}  // namespace pith::report
