// pith dedup: near-duplicate (MinHash-LSH) and corpus-wide exact dedup of pith run's output.
#include <CLI/CLI.hpp>
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <thread>

#include "commands.h"
#include "common.h"
#include "pith/dedup.h"

namespace pith::cli {

namespace {

struct DedupArgs {
  std::vector<std::string> inputs;
  std::string output;
  DedupOptions options;
  bool no_exact = false;
  unsigned jobs = 0;
  uint64_t memory_mb = 1024;
  std::string stage;  // "" = all; else one stage of a plan already written (cluster runs)
  size_t index = 0;
};

int print_summary(const DedupSummary& s) {
  std::string removed;
  for (const auto& [reason, n] : s.removed) removed += (removed.empty() ? "" : ", ") + reason + " " + std::to_string(n);
  console().summary(std::to_string(s.documents) + " documents in " + std::to_string(s.parts) + " parts: " +
                    std::to_string(s.kept) + " kept, " + std::to_string(s.documents - s.kept) + " removed" +
                    (removed.empty() ? "" : " (" + removed + ")") + "; " + std::to_string(s.candidate_pairs) +
                    " candidate pairs; stats in " + s.stats_path);
  return kExitOk;
}

// One stage of a plan already in the output folder: what a cluster's task runs.
int run_stage(const DedupArgs& a) {
  auto plan = load_dedup_plan(a.output);
  if (!plan) {
    report(plan.error().message);
    return kExitFailed;
  }
  Result<bool> r = true;
  if (a.stage == "signatures") r = dedup_signatures(*plan, a.index);
  else if (a.stage == "buckets") r = dedup_buckets(*plan, static_cast<unsigned>(a.index));
  else if (a.stage == "clusters") r = dedup_clusters(*plan);
  else if (a.stage == "filter") r = dedup_filter(*plan, a.index);
  else {
    auto s = finish_dedup(*plan);
    if (!s) {
      report(s.error().message);
      return kExitFailed;
    }
    return print_summary(*s);
  }
  if (!r) {
    report(r.error().message);
    return kExitFailed;
  }
  return kExitOk;
}

int run_dedup_cmd(DedupArgs& a) {
  DedupOptions& o = a.options;
  o.exact = !a.no_exact;
  o.memory_budget = a.memory_mb << 20;
  o.threads = a.jobs ? a.jobs : std::max(1u, std::thread::hardware_concurrency());
  if (!a.stage.empty() && a.inputs.empty()) return run_stage(a);
  if (a.inputs.empty()) {
    report("no input folders (give pith run's output folders)");
    return kExitFailed;
  }
  auto plan = plan_dedup(a.inputs, a.output, o);
  if (!plan) {
    report(plan.error().message);
    return kExitFailed;
  }
  if (a.stage == "plan") {
    console().summary("planned " + std::to_string(plan->parts.size()) + " parts and " +
                      std::to_string(plan->bucket_count()) + " buckets in " + a.output + "/.dedup/plan.json");
    return kExitOk;
  }
  Console& con = console();
  con.set_rejects_path(o.rejects_path);
  std::string stage_shown;
  auto r = run_dedup(*plan, o.threads, [&](const DedupProgress& p) {
    if (p.stage != stage_shown) {
      con.finish();
      stage_shown = std::string(p.stage);
      con.start_progress({.unit = stage_shown == "buckets" ? "buckets" : stage_shown == "signatures" || stage_shown == "filter"
                                                                           ? "parts"
                                                                           : "steps",
                          .items = p.total});
    }
    con.progress({.items = p.done});
  });
  con.finish();
  if (!r) {
    report(r.error().message);
    return kExitFailed;
  }
  return print_summary(*r);
}

}  // namespace

Runner add_dedup_command(CLI::App& app) {
  auto a = std::make_shared<DedupArgs>();
  CLI::App* sub = app.add_subcommand(
      "dedup", "Remove near-duplicates (MinHash-LSH) and exact duplicates across pith run's output folders");
  sub->add_option("inputs", a->inputs,
                  "Output folders of pith run (any number of shards): their finished parts (NAME.jsonl[.gz|.zst] "
                  "beside NAME.done), in the order given, then by name");
  sub->add_option("-o,--output", a->output,
                  "Output folder: the same parts without the duplicates, stats.json, and .dedup/ (the plan and "
                  "each stage's files)")
      ->required();
  DedupOptions& o = a->options;
  sub->add_option("--bands", o.bands, "LSH bands: a pair is a candidate when one band of its signatures agrees");
  sub->add_option("--rows", o.rows, "Hash functions per band (bands x rows in all; 14 x 8 is FineWeb's)");
  sub->add_option("--ngram", o.ngram, "Words per shingle, after normalisation");
  sub->add_option("--seed", o.seed, "Seed of the hash functions");
  sub->add_flag("--verify", o.verify,
                "Check each candidate pair's exact Jaccard similarity (shingle sets kept on disk) and merge only "
                "pairs at or above --verify-threshold");
  sub->add_option("--verify-threshold", o.verify_threshold, "Jaccard similarity a verified pair needs (0..1)");
  sub->add_flag("--no-exact", a->no_exact, "No corpus-wide exact dedup (documents with the same text)");
  sub->add_flag("--c4-spans", o.c4_spans,
                "C4's span dedup: remove every three-sentence span seen earlier in the corpus");
  sub->add_option("--paragraphs", o.paragraphs,
                  "Remove paragraphs (lines) seen more than N times in the corpus from every document (0 = off)");
  sub->add_flag("--datatrove", o.datatrove_compat,
                "Signatures as datatrove's MinhashDedupSignature computes them (slower; docs/dedup.md)");
  sub->add_option("-j,--jobs", a->jobs, "Worker threads; the output is the same for any count")
      ->default_str(all_cores_default());
  sub->add_option("--memory-mb", a->memory_mb, "Memory for the bucket sorts (split between threads), in MiB");
  sub->add_option("--rejects", o.rejects_path,
                  "Also write the removed documents (.jsonl[.gz|.zst]) with \"reject\": \"dedup/REASON\" and "
                  "\"duplicate_of\": the kept document's id");
  sub->add_option("--stage", a->stage,
                  "Only this stage, for cluster runs: plan (with the inputs), or signatures, buckets, clusters, "
                  "filter, finish of the plan in the output folder (docs/dedup.md)")
      ->check(CLI::IsMember({"plan", "signatures", "buckets", "clusters", "filter", "finish"}));
  sub->add_option("--index", a->index, "With --stage: the part (signatures, filter) or bucket (buckets)");
  return [a] { return run_dedup_cmd(*a); };
}

}  // namespace pith::cli
