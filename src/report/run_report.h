// pith run's report.html: the run's funnel (records in and out per stage and reason), languages,
// page types, text lengths, the hosts with the most rejects, the throughput, and sample
// documents per drop reason with the command that inspects each. One self-contained page
// (report/html.h): no script, charts as SVG (report/svg.h), every piece of data escaped.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pith/run.h"
#include "report/run_profile.h"
#include "report/svg.h"

namespace pith::report {

// What the report says about the run besides its counters and profile.
struct RunReportContext {
  std::string_view output_dir;
  std::string_view stats_file;  // "stats.json" or "stats-i-of-N.json", beside the report
  std::string_view recipe, recipe_version;
  std::string_view shard;       // "i/N"
  size_t files_total = 0, files_done_before = 0, files_failed = 0;
  std::vector<std::pair<std::string, std::string>> skipped_rules;  // rule -> why
};

// The bounds of what the page lists: the rest is summed into one "other" row.
inline constexpr size_t kReportLanguages = 20;
inline constexpr size_t kReportPageTypes = 12;
inline constexpr size_t kReportHosts = 50;
inline constexpr size_t kThroughputPoints = 120;

std::string render_run_report(const RunStats& stats, const RunProfile& profile, const RunReportContext& context);

// The command a user runs to see one sample in pith inspect: the source quoted for a POSIX shell,
// the record chosen by its offset, as pith's messages name it (pith inspect --record OFFSET).
std::string inspect_command(const Sample& sample);

// Records per second over the run's processing time: the parts in the order they started, each
// part's ticks as a cumulative count, resampled into at most kThroughputPoints even steps.
std::vector<Point> throughput_points(const RunProfile& profile);

}  // namespace pith::report
