// pith run: crawl files in (WARC, WET, JSONL), a filtered, deduplicated corpus out, on every core.
#include <CLI/CLI.hpp>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <thread>

#include "commands.h"
#include "common.h"
#include "core/strings.h"
#include "io/input.h"
#include "pipeline/run.h"

namespace pith::cli {

namespace {

struct RunArgs {
  std::vector<std::string> inputs;
  std::string output;
  std::string recipe = "fineweb";
  std::string format = "jsonl.gz";
  std::string shard;
  std::string rejects;
  std::string input_field = "text";
  std::string input_type = "auto";
  std::string lang;  // "" = recipe's; "all" = no language filter
  double lang_threshold = -1;
  std::string lang_model;  // fastText .bin; "" = CLD2
  std::string badwords;    // C4 bad-words list; "" = the c4 recipe skips the rule
  bool no_pii = false, no_dedup = false, no_clean = false;
  bool no_report = false;
  bool restart = false;
  unsigned jobs = 0;
  size_t max_record_bytes = 64u << 20;
  size_t max_inflight_mb = 256;
  std::string favor = "balanced";
  std::string text_format = "text";
  bool comments = false;
};

int run_run(const RunArgs& a) {
  RunOptions o;
  // The output folder (and the rejects file) are never read, even when they lie under an input
  // folder: a second run does not read the first one's parts.
  InputList in = list_inputs(a.inputs, {.exclude = {a.output, a.rejects}, .walk = {InputFormat::kWarc, InputFormat::kJsonl}});
  for (const auto& e : in.errors) console().error("io", e.path, std::nullopt, e.what);
  o.inputs = std::move(in.files);
  if (o.inputs.empty()) {
    report("no input files (give WARC, WET, ARC or JSONL files, plain, .gz or .zst; folders; quoted globs)");
    return kExitFailed;
  }
  o.output_dir = a.output;
  o.recipe = a.recipe;
  o.format = a.format;
  if (!a.shard.empty()) {
    auto shard = parse_shard(a.shard);
    if (!shard) {
      report(shard.error().message);
      return kExitFailed;
    }
    o.shard_index = shard->first;
    o.shard_count = shard->second;
  }
  o.restart = a.restart;
  o.rejects_path = a.rejects;
  o.input_field = a.input_field;
  o.input_type = a.input_type;
  if (!a.lang.empty()) {
    o.recipe_options.languages_set = true;
    if (a.lang != "all")
      for (auto piece : split_any(a.lang, ",")) o.recipe_options.languages.emplace_back(trim(piece));
  }
  o.recipe_options.lang_threshold = a.lang_threshold;
  o.recipe_options.lang_model_path = a.lang_model;
  o.recipe_options.badwords_path = a.badwords;
  o.mask_pii = !a.no_pii;
  o.dedup = !a.no_dedup;
  o.report = !a.no_report;
  o.threads = a.jobs ? a.jobs : std::max(1u, std::thread::hardware_concurrency());
  o.max_record_bytes = a.max_record_bytes;
  o.max_inflight_bytes = a.max_inflight_mb << 20;
  o.extract_options.budgets.max_input_bytes = a.max_record_bytes;
  o.extract_options.favor = a.favor == "precision" ? Favor::kPrecision
                            : a.favor == "recall"  ? Favor::kRecall
                                                   : Favor::kBalanced;
  o.clean_text = !a.no_clean;  // WET and text records go through pith clean
  o.extract_options.markdown = a.text_format == "markdown";
  o.extract_options.comments = a.comments;

  Console& con = console();
  con.set_rejects_path(a.rejects);
  uint64_t input_bytes = 0;
  for (const auto& input : o.inputs) input_bytes += input.size;
  con.start_progress({.unit = "records", .bytes = input_bytes, .files = o.inputs.size()});
  o.on_report = [&](std::string_view file, std::optional<uint64_t> offset, std::string_view reason,
                    std::string_view what) { con.error(reason, file, offset, what); };

  o.on_progress = [&](const RunProgress& p) {
    con.progress({.items = p.records, .bytes = p.bytes_raw_done, .files = p.files_done,
                  .bytes_uncompressed = p.bytes_uncompressed});
  };

  auto r = run_pipeline(o);
  con.finish();
  if (!r) {
    report(r.error().message);
    return kExitFailed;
  }
  const RunStats& s = r->stats;
  for (const auto& [rule, why] : r->skipped_rules) con.warning("skipped_rule", "", "rule " + rule + " skipped: " + why);
  if (isatty(STDERR_FILENO)) {
    con.summary(std::to_string(s.records) + " records: " + std::to_string(s.written) + " written, " +
                std::to_string(s.rejected) + " rejected; " + std::to_string(r->files_total) + " files (" +
                std::to_string(r->files_done_before) + " done before); stats in " + r->stats_path +
                (r->report_path.empty() ? "" : ", report in " + r->report_path));
  }
  if (r->files_failed) return kExitFailed;
  return s.input_errors.empty() && in.errors.empty() ? kExitOk : kExitSomeRejected;
}

}  // namespace

Runner add_run_command(CLI::App& app) {
  auto a = std::make_shared<RunArgs>();
  CLI::App* sub = app.add_subcommand("run", "Build a corpus: crawl files in, filtered and deduplicated JSONL out");
  sub->add_option("inputs", a->inputs,
                  "WARC/WET/ARC/JSONL files (plain, .gz or .zst; found by content), folders (read recursively; the "
                  "output folder is never read), quoted globs, or - for stdin")
      ->required();
  sub->add_option("-o,--output", a->output, "Output folder: one file per input, stats.json, done-markers")->required();
  sub->add_option("--recipe", a->recipe, "Quality filters: none, gopher, c4 or fineweb (docs/recipes.md)")
      ->check(CLI::IsMember({"none", "gopher", "c4", "fineweb"}));
  sub->add_option("--format", a->format, "Output files: jsonl, jsonl.gz or jsonl.zst")
      ->check(CLI::IsMember({"jsonl", "jsonl.gz", "jsonl.zst"}));
  sub->add_option("-j,--jobs", a->jobs, "Worker threads; the output is the same for any count")
      ->default_str(all_cores_default());
  sub->add_option("--shard", a->shard,
                  "Process only the input files of shard i of N (i/N, e.g. 3/64), chosen by a hash of each file's "
                  "path below its folder: adding files moves no other file to another shard");
  sub->add_flag("--restart", a->restart,
                "Delete this run's (this shard's) old parts in the output folder and redo every input, instead of "
                "stopping when a finished part does not match its input or the settings");
  sub->add_option("--rejects", a->rejects, "Also write rejected documents with their stage/reason (.jsonl[.gz|.zst])");
  sub->add_option("--input-field,--field", a->input_field, "JSONL: the field holding the page or its text");
  sub->add_option("--input-type", a->input_type, "JSONL: html, text, or auto (text when the field is \"text\")")
      ->check(CLI::IsMember({"auto", "html", "text"}));
  sub->add_option("--lang", a->lang, "Languages to keep, comma-separated ISO 639-1 codes, or all")
      ->default_str("the recipe's");
  sub->add_option("--lang-threshold", a->lang_threshold, "Minimum language score, 0..1")->default_str("the recipe's");
  sub->add_option("--lang-model", a->lang_model,
                  "fastText language-ID model (.bin or .ftz, e.g. lid.176.bin, labels __label__xx): its top label "
                  "and probability become lang/lang_score instead of CLD2's; FineWeb's 0.65 assumes lid.176");
  sub->add_option("--badwords", a->badwords,
                  "C4 bad-words list (LDNOOBW), one word or phrase per line: drops documents containing one "
                  "(whole words, any case) as c4_badwords; the c4 recipe skips the rule without it");
  sub->add_flag("--no-clean", a->no_clean, "WET and text records: keep the text as it is (no pith clean)");
  sub->add_flag("--no-pii", a->no_pii, "Do not mask e-mail and IP addresses");
  sub->add_flag("--no-dedup", a->no_dedup, "Keep exact duplicates");
  sub->add_flag("--no-report", a->no_report,
                "Do not write report.html (the funnel, languages, hosts, samples per drop reason; docs/report.md)");
  sub->add_option("--max-record-bytes", a->max_record_bytes, "Skip records larger than this (counted as too_large)");
  sub->add_option("--max-inflight-mb", a->max_inflight_mb, "Memory for records read but not yet written");
  sub->add_option("--favor", a->favor, "Extraction trade-off: precision, balanced or recall")
      ->check(CLI::IsMember({"precision", "balanced", "recall"}));
  sub->add_option("--text-format", a->text_format,
                  "HTML records: the document's text as plain text (one paragraph per line) or markdown")
      ->check(CLI::IsMember({"text", "markdown"}));
  sub->add_flag("--comments", a->comments, "HTML records: the page's comment section into metadata.comments");
  return [a] { return run_run(*a); };
}

}  // namespace pith::cli
