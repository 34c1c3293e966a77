#include "report/dedup_report.h"

#include <charconv>

#include "report/html.h"
#include "report/svg.h"

namespace pith::report {

namespace {

constexpr std::string_view kClusterKeyPrefix = "cluster_size:";

constexpr std::string_view kDedupCss = R"css(
.summary{display:flex;flex-wrap:wrap;gap:.75rem;margin:.75rem 0}
.summary .card{min-width:9rem}
.summary .value{font-size:1.35rem;font-weight:600}
.summary .name{color:var(--muted)}
)css";

std::string bin_label(size_t i) {
  constexpr size_t n = std::size(kClusterSizeEdges);
  uint64_t low = kClusterSizeEdges[i];
  if (i + 1 == n) return std::to_string(low) + "+";
  uint64_t high = kClusterSizeEdges[i + 1] - 1;
  return low == high ? std::to_string(low) : std::to_string(low) + "\xE2\x80\x93" + std::to_string(high);
}

size_t bin_of(uint64_t size) {
  size_t bin = 0;
  for (size_t i = 0; i < std::size(kClusterSizeEdges); ++i)
    if (size >= kClusterSizeEdges[i]) bin = i;
  return bin;
}

void row(std::string& out, std::string_view name, uint64_t value) {
  out += "<tr><td>";
  append_escaped(out, name);
  out += "</td><td class=\"num\">" + format_count(value) + "</td></tr>\n";
}

}  // namespace

std::string cluster_size_key(uint64_t size) { return std::string(kClusterKeyPrefix) + std::to_string(size); }

uint64_t cluster_size_of_key(std::string_view key) {
  if (!key.starts_with(kClusterKeyPrefix)) return 0;
  key.remove_prefix(kClusterKeyPrefix.size());
  uint64_t v = 0;
  auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), v);
  return ec == std::errc() && end == key.data() + key.size() ? v : 0;
}

std::string render_dedup_report(const DedupSummary& s, const std::map<uint64_t, uint64_t>& cluster_sizes,
                                const DedupReportContext& c) {
  std::string out;
  // The output folder is not named: the page lies in it, and two runs of the same plan into two
  // folders write the same bytes.
  const std::string title = "pith dedup report";
  const PageShell shell{.title = title, .extra_css = kDedupCss, .script = {}};
  page_begin(out, shell);
  uint64_t removed = 0;
  for (const auto& [k, v] : s.removed) removed += v;
  uint64_t clusters = 0, clustered_documents = 0;
  for (const auto& [size, n] : cluster_sizes) {
    clusters += n;
    clustered_documents += size * n;
  }

  out += "<h1>pith dedup report</h1>\n<p class=\"muted\">";
  std::string inputs;
  for (const auto& d : c.input_dirs) inputs += (inputs.empty() ? "" : ", ") + d;
  append_escaped(out, "From " + inputs + " · " + format_count(s.parts) + " parts · counters in " +
                          std::string(c.stats_file));
  out += "</p>\n<div class=\"summary\" id=\"summary\">";
  append_card(out, "documents", "documents", format_count(s.documents));
  append_card(out, "kept", "kept (" + format_share(s.kept, s.documents) + ")", format_count(s.kept));
  append_card(out, "removed", "removed (" + format_share(removed, s.documents) + ")", format_count(removed));
  append_card(out, "clusters", "clusters of duplicates (" + format_count(clustered_documents) + " documents)",
       format_count(clusters));
  append_card(out, "bytes", "JSONL written of " + format_bytes(s.bytes_in) + " read", format_bytes(s.bytes_out));
  out += "</div>\n";

  append_heading(out, "removed-by-reason", "Removed documents by reason");
  append_paragraph(out, "muted", "A document is removed once, for the first reason that applies; its cluster's first document "
                 "(in the order of the input folders, parts and lines) is kept.");
  std::vector<BarRow> reasons;
  for (const auto& [k, v] : s.removed)
    reasons.push_back({k, {{static_cast<double>(v), "drop", "removed"}}, format_count(v) + " (" +
                                                                            format_share(v, s.documents) + ")"});
  reasons.push_back({"kept", {{static_cast<double>(s.kept), "keep", "kept"}},
                     format_count(s.kept) + " (" + format_share(s.kept, s.documents) + ")"});
  svg_horizontal_bars(out, {.id = "removed-chart", .title = "Documents by outcome", .x_label = {}, .y_label = {}},
                      reasons);

  append_heading(out, "cluster-sizes", "Cluster sizes");
  append_paragraph(out, "muted", "Clusters of exact and near duplicates by the documents they hold (the kept one included); a "
                 "document without a duplicate is in none.");
  std::vector<uint64_t> bins(std::size(kClusterSizeEdges), 0);
  for (const auto& [size, n] : cluster_sizes)
    if (size >= kClusterSizeEdges[0]) bins[bin_of(size)] += n;
  std::vector<Column> columns;
  for (size_t i = 0; i < bins.size(); ++i)
    columns.push_back({bin_label(i), {{static_cast<double>(bins[i]), "", "clusters"}}});
  svg_columns(out, {.id = "cluster-sizes-chart", .title = "Clusters by size", .x_label = "documents per cluster",
                    .y_label = "clusters"},
              columns);

  append_heading(out, "stages", "What each stage found");
  out += "<table id=\"stages-table\"><tbody>\n";
  row(out, "documents without a word (never near-duplicates)", s.no_signature);
  row(out, "candidate pairs (LSH buckets)", s.candidate_pairs);
  row(out, "pairs rejected by --verify", s.pairs_rejected_by_verify);
  row(out, "three-sentence spans removed (C4)", s.spans_removed);
  row(out, "repeated paragraphs removed", s.paragraphs_removed);
  for (const auto& [stage, seconds] : s.stage_seconds)
    row(out, "seconds in " + stage, static_cast<uint64_t>(seconds + 0.5));
  out += "</tbody></table>\n";
  page_end(out, shell);
  return out;
}

}  // namespace pith::report
