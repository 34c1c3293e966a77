// pith run as a library: crawl files (WARC, WET, JSONL; plain, gzip or zstd) in, a corpus of
// JSONL documents out, one output file per input file, on N threads.
//
//   RunOptions o;
//   o.inputs = list_inputs({"crawl/"}).files;
//   o.output_dir = "out";
//   o.recipe = "fineweb";
//   o.threads = 8;
//   Result<RunSummary> r = run_pipeline(o);
//
// Each input is a part, named after its path below the folder argument (part_name: '/' becomes
// "__", so crawl/2024/a.warc.gz, found from crawl/, is OUT/2024__a.warc.gz.jsonl.gz, name by
// --format), so adding inputs never renames the parts of the others. A part is written
// atomically, then OUT/NAME.hashes (its dedup hashes) and OUT/NAME.done: its counters, which
// input it came from (rel, size, a fingerprint of its first and last MiB) and the settings that
// shaped it (pith version, recipe and its version, format, every option that changes the
// output). A part whose .done matches the input and the settings is not redone, so a killed run
// that is started again finishes the missing files only; a part that does not match stops the
// run with a message saying which and what differs, unless `restart` (then this run's old
// parts are deleted first and everything is redone).
// One run writes into a folder at a time (OUT/.lock, flock); shards i/N of one job run side by
// side, each holding OUT/.lock-i-of-N. Shards take inputs by a hash of rel, so adding a file
// moves no other file to another shard.
// Documents are processed on `threads` workers and written in input order, so the output is the
// same byte for byte whatever the thread count. Memory is bounded by `max_inflight_bytes` of
// records in flight, whatever the input size.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "io/input.h"
#include "pipeline/stage.h"
#include "pipeline/stats.h"
#include "pith/extract.h"
#include "pith/result.h"

namespace pith {

// pith's version, as CMakeLists.txt's project(VERSION) (a test checks they agree). Part of the
// settings fingerprint: a part written by another version is not reused.
inline constexpr std::string_view kPithVersion = "0.1.0";

struct RunProgress {
  uint64_t records = 0;
  uint64_t bytes_raw_done = 0, bytes_raw_total = 0;  // bytes of the input files read
  uint64_t bytes_uncompressed = 0;
  size_t files_done = 0, files_total = 0;
};

struct RunOptions {
  std::vector<InputFile> inputs;  // in the order they are processed; rel names each part
  std::string output_dir;
  std::string format = "jsonl.gz";  // jsonl, jsonl.gz or jsonl.zst
  std::string recipe = "fineweb";
  RecipeOptions recipe_options;
  std::string input_field = "text";  // JSONL: the field with the page or its text
  std::string input_type = "auto";   // JSONL: html, text, or auto (text when the field is "text")
  unsigned shard_index = 0, shard_count = 1;
  // Parts of this shard that do not match their input or the settings are deleted and redone
  // (with every other part of the shard), instead of stopping the run.
  bool restart = false;
  unsigned threads = 1;
  std::string rejects_path;  // "" = no rejects file
  bool mask_pii = true;
  bool dedup = true;
  size_t max_record_bytes = 64u << 20;     // Budgets::max_input_bytes
  size_t max_inflight_bytes = 256u << 20;  // records read but not yet written
  Options extract_options;
  // WET and plain-text records go through pith::Cleaner (pith clean) unless clean_text is
  // false (text passes through unchanged) or make_cleaner gives a cleaner per worker.
  bool clean_text = true;
  std::function<TextCleaner()> make_cleaner;
  // "FILE:OFFSET: what" messages, called in input order from the calling thread.
  std::function<void(std::string_view file, uint64_t offset, std::string_view what)> on_message;
  std::function<void(const RunProgress&)> on_progress;
};

struct RunSummary {
  RunStats stats;               // every file of this shard, including those done before
  size_t files_total = 0;       // files of this shard
  size_t files_done_before = 0; // skipped: finished by an earlier run
  size_t parts_deleted = 0;     // old parts removed by `restart`
  size_t files_failed = 0;      // their output could not be written
  size_t files_unreadable = 0;  // could not be read, or a format pith does not read (input_errors)
  std::string stats_path;
  // The recipe's rules that did not run, rule -> why (also in stats.json as "skipped_rules").
  std::vector<std::pair<std::string, std::string>> skipped_rules;
};

// Runs the pipeline. Errors in records are counted and reported through on_message; the
// Result is an error only when the run cannot go on (no output folder, bad recipe, another run
// holds the folder, finished parts that do not match this run, two inputs with one part name).
Result<RunSummary> run_pipeline(const RunOptions& options);

// "i/N" with 0 <= i < N, both plain decimal numbers (no sign, space or other character) that
// fit in 32 bits; anything else is kBadInput with a message that says what is wrong.
Result<std::pair<unsigned, unsigned>> parse_shard(std::string_view text);

// The shard an input belongs to: a hash of its rel, so that adding or removing inputs moves no
// other input to another shard.
unsigned shard_of(const InputFile& input, unsigned shard_count);

// The part name of an input: its rel with each '/' as "__"; a name over 200 bytes keeps its
// first bytes and ends in "~" and a hash of the whole rel. The output, .hashes and .done files
// are OUT/NAME.jsonl.gz (by format), OUT/NAME.hashes, OUT/NAME.done.
std::string part_name(const InputFile& input);

// What a part's .done marker holds.
struct PartMarker {
  std::string rel;                // the input's rel
  uint64_t size = 0;              // the input's size on disk
  std::string input_fingerprint;  // xxh3 of its first and last MiB and its size, hex
  std::string settings_fingerprint;
  std::map<std::string, std::string> settings;  // name -> value, what the fingerprint covers
  RunStats stats;
};
std::string format_part_marker(const PartMarker& marker);
// False when the text is not a whole marker (an older pith's marker has no input lines).
bool parse_part_marker(std::string_view text, PartMarker& out);

// The fingerprint of a file's content: xxh3 of its first and last MiB and its size, 16 hex
// digits. kIo when it cannot be read.
Result<std::string> file_fingerprint(const std::string& path);


// Normalises extracted text to one paragraph per line, as trafilatura and the FineWeb
// filters expect.
void one_paragraph_per_line(std::string& text);

}  // namespace pith
