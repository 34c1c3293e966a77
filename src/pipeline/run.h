// pith run as a library: crawl files (WARC, WET, JSONL; plain, gzip or zstd) in, a corpus of
// JSONL documents out, one output file per input file, on N threads.
//
//   RunOptions o;
//   o.inputs = list_crawl_files({"crawl/"}, errors);
//   o.output_dir = "out";
//   o.recipe = "fineweb";
//   o.threads = 8;
//   Result<RunSummary> r = run_pipeline(o);
//
// For each input file k (its index in the sorted list of all inputs) the run writes
// OUT/k.jsonl.gz (name by --format), then OUT/k.done with that file's counters, both
// atomically; a file whose .done exists is not read again, so a killed run that is started
// again finishes the missing files only. Documents are processed on `threads` workers and
// written in input order, so the output is the same byte for byte whatever the thread count.
// Memory is bounded by `max_inflight_bytes` of records in flight, whatever the input size.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/stage.h"
#include "pipeline/stats.h"
#include "pith/extract.h"
#include "pith/result.h"

namespace pith {

struct RunProgress {
  uint64_t records = 0;
  uint64_t bytes_raw_done = 0, bytes_raw_total = 0;  // bytes of the input files read
  uint64_t bytes_uncompressed = 0;
  size_t files_done = 0, files_total = 0;
};

struct RunOptions {
  std::vector<std::string> inputs;  // files, in the order that numbers them (see list_crawl_files)
  std::string output_dir;
  std::string format = "jsonl.gz";  // jsonl, jsonl.gz or jsonl.zst
  std::string recipe = "fineweb";
  RecipeOptions recipe_options;
  std::string input_field = "text";  // JSONL: the field with the page or its text
  std::string input_type = "auto";   // JSONL: html, text, or auto (text when the field is "text")
  unsigned shard_index = 0, shard_count = 1;
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
  size_t files_failed = 0;      // could not be opened or written
  std::string stats_path;
  // The recipe's rules that did not run, rule -> why (also in stats.json as "skipped_rules").
  std::vector<std::pair<std::string, std::string>> skipped_rules;
};

// Runs the pipeline. Errors in records are counted and reported through on_message; the
// Result is an error only when the run cannot go on (no output folder, bad recipe, ...).
Result<RunSummary> run_pipeline(const RunOptions& options);

// Expands files, folders (recursively: .warc, .wet, .jsonl, .json, .ndjson, each optionally
// .gz or .zst) and glob patterns into a sorted, de-duplicated list of files.
std::vector<std::string> list_crawl_files(const std::vector<std::string>& args, std::vector<std::string>& errors);

// Normalises extracted text to one paragraph per line, as trafilatura and the FineWeb
// filters expect.
void one_paragraph_per_line(std::string& text);

}  // namespace pith
