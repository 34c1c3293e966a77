// Counters of a run: records in, written, rejected by stage and reason, per stage kept and
// dropped, input errors. Kept per input file (in its done-marker) and summed for stats.json,
// so a run that was restarted still reports every record of every file.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace pith {

struct StageCounts {
  uint64_t in = 0, kept = 0;
  std::map<std::string, uint64_t> dropped;  // reason -> count
};

struct RunStats {
  uint64_t files = 0;
  uint64_t records = 0, written = 0, rejected = 0;
  uint64_t bytes_raw = 0;           // bytes of the input files
  uint64_t bytes_uncompressed = 0;  // after gzip/zstd
  uint64_t text_bytes_written = 0;
  uint64_t emails_masked = 0, ips_masked = 0;
  std::vector<std::string> stage_order;
  std::map<std::string, StageCounts> stages;
  std::map<std::string, uint64_t> input_errors;  // kind -> count (records and stream damage)

  StageCounts& stage(const std::string& name);
  void add(const RunStats& other);
  // One "key<TAB>value" line per counter; parse_tsv reads it back.
  std::string to_tsv() const;
  static bool parse_tsv(std::string_view tsv, RunStats& out);
  // stats.json; `extra` is spliced in as more top-level fields (already JSON, or empty).
  std::string to_json(std::string_view extra_fields) const;
};

}  // namespace pith
