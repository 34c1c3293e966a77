// pith dedup's report.html, beside its stats.json: documents in, kept and removed (by reason),
// the sizes of the duplicate clusters, and what each stage found. The same page shell and charts
// as pith run's report (report/html.h, report/svg.h): no script, nothing loaded, data escaped.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pith/dedup.h"

namespace pith::report {

struct DedupReportContext {
  std::vector<std::string> input_dirs;
  std::string_view stats_file = "stats.json";
};

// Bins of the cluster-size chart: lower edges in documents per cluster (the kept one included);
// the last bin is open. Most clusters are pairs; mirrors and templates make the long tail.
inline constexpr uint64_t kClusterSizeEdges[] = {2, 3, 4, 5, 9, 17, 65, 257, 1025};

// cluster_sizes: documents per cluster -> number of clusters of that size (clusters of one, the
// documents with no duplicate, are not in it).
std::string render_dedup_report(const DedupSummary& summary, const std::map<uint64_t, uint64_t>& cluster_sizes,
                                const DedupReportContext& context);

// The counter key under which the clusters stage counts clusters of `size` documents
// ("cluster_size:N"), and its inverse (0 when the key is not one).
std::string cluster_size_key(uint64_t size);
uint64_t cluster_size_of_key(std::string_view key);

}  // namespace pith::report
