// pith/run.h: pith run as a library: crawl files (WARC, WET, JSONL; plain, gzip or zstd) in, a
// corpus of JSONL documents out, one output file per input file, on N threads.
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
#include <optional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pith/export.h"
#include "pith/extract.h"
#include "pith/input.h"
#include "pith/result.h"

namespace pith {

// pith's version, as CMakeLists.txt's project(VERSION) (a test checks they agree). Part of the
// settings fingerprint: a part written by another version is not reused.
inline constexpr std::string_view kPithVersion = "0.1.0";

// One document on its way through a run: what the text cleaner hook (RunOptions::make_cleaner)
// sees and may rewrite.
struct Doc {
  std::string id, url, date;  // date: crawl date (WARC-Date) or the input's "date"
  std::string source;         // input file
  uint64_t offset = 0;        // decompressed offset of its record in the input
  std::string text;
  std::string title, author, published, sitename, description, page_type, html_lang;
  std::string lang;
  double lang_score = 0;
  std::string comments;  // HTML records with --comments: the comment section
  double noise = -1;     // text records: pith clean's noise score (0..1); -1 when not measured
};

// The hook for WET / plain-text records: rewrites doc.text (and may fill title and
// published) or returns a drop reason. run_pipeline's default is pith::Cleaner (pith clean).
using TextCleaner = std::function<std::string_view(Doc& doc)>;

// A loaded fastText language-ID model. Opaque here: give RecipeOptions::lang_model_path and the
// run loads it; src/text/lang.h loads one to share between runs.
class FastTextLanguageModel;

// What a recipe ("none", "gopher", "c4", "fineweb"; docs/recipes.md) is given by the run.
struct RecipeOptions {
  bool languages_set = false;          // when true, `languages` replaces the recipe's list
  std::vector<std::string> languages;  // empty = label only
  double lang_threshold = -1;          // < 0: the recipe's own
  // A fastText language-ID model (lid.176.bin): used instead of CLD2 when given. lang_model
  // wins over lang_model_path, which the run loads.
  std::shared_ptr<const FastTextLanguageModel> lang_model;
  std::string lang_model_path;
  // C4's bad-words list (LDNOOBW), one entry per line: the c4 recipe's c4_badwords stage; other
  // recipes add the stage after their quality filters. Without it the c4 recipe skips the rule.
  std::string badwords_path;
};

// The recipes' names.
PITH_API std::vector<std::string_view> recipe_names();

// Counters of a run: records in, written, rejected by stage and reason, per stage kept and
// dropped, input errors. Kept per input file (in its done-marker) and summed for stats.json,
// so a run that was restarted still reports every record of every file.
struct StageCounts {
  uint64_t in = 0, kept = 0;
  std::map<std::string, uint64_t> dropped;  // reason -> count
};

struct PITH_API RunStats {
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
  // Write the parts of `inputs` only, beside other such runs into the same folder: for a
  // scheduler that runs one task per input (pith.dask). OUT/.lock is held shared, other parts in
  // the folder are not looked at, temporary files of killed runs are left, and neither
  // stats.json nor the rejects file is written (each part's rejects stay in OUT/.rejects/).
  // Exact dedup spans the inputs of this call only. A run of all the inputs afterwards reuses
  // the parts, removes the temporary files and writes stats.json and the rejects file.
  bool parts_only = false;
  unsigned threads = 1;
  std::string rejects_path;  // "" = no rejects file
  // report.html (report-i-of-N.html for a shard) beside stats.json: the funnel, languages, page
  // types, text lengths, hosts, throughput and sample documents per drop reason (docs/report.md).
  // Each part keeps what the report needs in OUT/NAME.report whether or not this is set.
  bool report = true;
  bool mask_pii = true;
  bool dedup = true;
  size_t max_record_bytes = 64u << 20;     // Budgets::max_input_bytes
  size_t max_inflight_bytes = 256u << 20;  // records read but not yet written
  Options extract_options;
  // WET and plain-text records go through pith::Cleaner (pith clean) unless clean_text is
  // false (text passes through unchanged) or make_cleaner gives a cleaner per worker.
  bool clean_text = true;
  std::function<TextCleaner()> make_cleaner;
  // "FILE:OFFSET: what" messages, called in input order from the calling thread (offset 0
  // for a message about a whole file).
  std::function<void(std::string_view file, uint64_t offset, std::string_view what)> on_message;
  // The same messages with their reason ("bad_record", "stream_damage", "io", ...) and no
  // offset for a message about a whole file; called instead of on_message when set.
  std::function<void(std::string_view file, std::optional<uint64_t> offset, std::string_view reason,
                     std::string_view what)>
      on_report;
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
  std::string report_path;      // "" when RunOptions::report is false
  // The recipe's rules that did not run, rule -> why (also in stats.json as "skipped_rules").
  std::vector<std::pair<std::string, std::string>> skipped_rules;
};

// Runs the pipeline. Errors in records are counted and reported through on_message; the
// Result is an error only when the run cannot go on (no output folder, bad recipe, another run
// holds the folder, finished parts that do not match this run, two inputs with one part name).
PITH_API Result<RunSummary> run_pipeline(const RunOptions& options);

// "i/N" with 0 <= i < N, both plain decimal numbers (no sign, space or other character) that
// fit in 32 bits; anything else is kBadInput with a message that says what is wrong.
PITH_API Result<std::pair<unsigned, unsigned>> parse_shard(std::string_view text);

// The shard an input belongs to: a hash of its rel, so that adding or removing inputs moves no
// other input to another shard.
PITH_API unsigned shard_of(const InputFile& input, unsigned shard_count);

// The part name of an input: its rel with each '/' as "__"; a name over 200 bytes keeps its
// first bytes and ends in "~" and a hash of the whole rel. The output, .hashes and .done files
// are OUT/NAME.jsonl.gz (by format), OUT/NAME.hashes, OUT/NAME.done.
PITH_API std::string part_name(const InputFile& input);

}  // namespace pith
