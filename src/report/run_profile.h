// What pith run's report shows beyond stats.json's counters, gathered per part (one input file)
// and merged over the parts of a run: languages, page types, text lengths, hosts with their
// rejects, time ticks for the throughput, and a few sample documents per drop reason.
//
// A part's profile is written beside its .done marker (OUT/NAME.report, atomically, before the
// marker), so a run that is restarted and skips finished parts still reports every record of
// every file, as stats.json does. Every part of a profile is bounded: samples per reason,
// characters per sample, hosts per part, ticks per part; so a profile stays a few kB to a
// few hundred kB whatever the input's size.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pith::report {

// Lower edges (bytes of text) of the text-length histogram's bins; the last bin is open. Steps
// of 1-2-5 from 100 bytes (a caption) to 100 kB (a long manual page): web documents span that.
inline constexpr std::array<uint64_t, 11> kLengthBinEdges = {0,    100,   200,   500,   1000, 2000,
                                                             5000, 10000, 20000, 50000, 100000};
size_t length_bin(uint64_t text_bytes);

// Sample documents kept per drop reason (in input order: the first ones met) and what of each:
// enough to recognise a document and open it with pith inspect, not to copy the corpus.
inline constexpr size_t kSamplesPerReason = 3;
inline constexpr size_t kSamplePreviewLines = 4;
inline constexpr size_t kSamplePreviewBytes = 400;
inline constexpr size_t kSampleFieldBytes = 300;  // id, url, source
// Hosts a part keeps in its profile, those with the most rejected records (then the most
// records); the rest are summed into `other_hosts`. The report shows the top 50 of the merged
// table, so a part keeps several times that: a host outside a part's top 200 adds little.
inline constexpr size_t kHostsPerPart = 200;
// Throughput ticks of a part: one at most every kTickMillis; when a part has kTicksPerPart, every
// second one is dropped and the interval doubles, so a part of days keeps as many as one of minutes.
inline constexpr uint64_t kTickMillis = 1000;
inline constexpr size_t kTicksPerPart = 240;

struct LabelCount {
  uint64_t seen = 0, written = 0;
};

struct HostCount {
  uint64_t records = 0, rejected = 0;
};

struct Sample {
  std::string reason;    // "stage/reason", as stats.json's rejected_by_reason
  std::string source;    // the input file
  uint64_t record = 0;   // 1-based number of the record in its file
  uint64_t offset = 0;   // decompressed byte offset of the record (pith inspect FILE --record OFFSET)
  std::string id, url;
  std::string preview;   // the first lines of its text when it had text ("" when dropped before)
};

// Time of a part: when it started (wall clock, ms since the epoch), how long it took, and
// ticks (ms since its start, records and input bytes done by then).
struct Tick {
  uint64_t millis = 0, records = 0, bytes_raw = 0;
};
struct PartTime {
  int64_t start_unix_ms = 0;
  uint64_t millis = 0;
  uint64_t tick_every = kTickMillis;
  std::vector<Tick> ticks;
};

// What the pipeline knows about one record when it is counted.
struct RecordFacts {
  std::string_view reason;      // "" when written, else "stage/reason"
  bool is_document = true;      // false for WARC records that are no documents (request, ...)
  std::string_view url, lang, page_type;
  bool has_text = false;        // text was extracted (or cleaned); text_bytes counts it
  uint64_t text_bytes = 0;
};

struct RunProfile {
  std::map<std::string, LabelCount> languages, page_types;
  std::array<LabelCount, kLengthBinEdges.size()> lengths{};
  std::unordered_map<std::string, HostCount> hosts;
  HostCount other_hosts;
  std::vector<Sample> samples;  // at most kSamplesPerReason per reason, in the order met
  std::vector<PartTime> parts;
  uint64_t parts_without_profile = 0;  // reused parts whose profile is missing (an older pith)

  // Counts one record (host, language, page type, length).
  void count(const RecordFacts& facts);
  // True when a sample of this reason is still wanted (the caller then builds it).
  bool wants_sample(std::string_view reason) const;
  void add_sample(Sample sample);
  // Keeps the kHostsPerPart hosts with the most rejects, the rest in other_hosts.
  void trim_hosts();
  // Adds another profile (a part's) to this one: counters summed, samples up to the bound,
  // parts appended.
  void merge(const RunProfile& part);

  // The form written beside a part's .done: one tab-separated line per entry; parse reads it
  // back (false for anything it does not know, so a damaged file is not half-read).
  std::string to_tsv() const;
  static bool parse_tsv(std::string_view tsv, RunProfile& out);

 private:
  std::map<std::string, size_t, std::less<>> samples_per_reason_;
};

// The host of a URL, lower case, without user, port or a leading "www."; "" when it has none.
std::string url_host(std::string_view url);
// The first kSamplePreviewLines lines of text, at most kSamplePreviewBytes (cut on a UTF-8
// character), "…" appended when cut.
std::string preview_of(std::string_view text);

// Adds a tick when tick_every has passed since the last one; at kTicksPerPart ticks every second
// one is dropped first and the interval doubles.
void add_tick(PartTime& time, const Tick& tick);

// The clock of a part while it runs: start() stamps the wall-clock start, tick() (called every
// batch of records) adds a tick when tick_every has passed, finish() the last one and the length.
class PartClock {
 public:
  void start(PartTime& time);
  void tick(uint64_t records, uint64_t bytes_raw, PartTime& time);
  void finish(uint64_t records, uint64_t bytes_raw, PartTime& time);

 private:
  uint64_t elapsed_ms() const;
  int64_t start_steady_ms_ = 0;
};

}  // namespace pith::report
