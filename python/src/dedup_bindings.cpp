// pith.dedup, pith.dedup_plan and pith.dedup_stage: pith dedup (include/pith/dedup.h) from
// Python. The stage call takes only strings and ints, so a Dask task pickles it; every call
// releases the GIL while the library works.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <thread>

#include "pith/dedup.h"

namespace py = pybind11;

namespace pith::python {

namespace {

// A path, a str, or a list of them.
std::vector<std::string> dedup_paths(py::handle inputs) {
  py::module_ os = py::module_::import("os");
  if (py::isinstance<py::str>(inputs) || py::isinstance<py::bytes>(inputs) || py::hasattr(inputs, "__fspath__"))
    return {os.attr("fsdecode")(inputs).cast<std::string>()};
  std::vector<std::string> out;
  for (py::handle h : inputs) out.push_back(os.attr("fsdecode")(h).cast<std::string>());
  return out;
}

[[noreturn]] void raise_dedup_error(const Error& e) {
  // pith.PithError's subclass for the code, as the other calls raise.
  py::module_ errors = py::module_::import("pith._errors");
  py::object cls = errors.attr("error_class")(std::string(error_code_name(e.code)));
  PyErr_SetObject(cls.ptr(), cls(e.message, e.offset).ptr());
  throw py::error_already_set();
}

DedupOptions dedup_options(unsigned bands, unsigned rows, unsigned ngram, uint64_t seed, bool verify,
                           double verify_threshold, bool exact, bool c4_spans, unsigned paragraphs,
                           bool datatrove_compat, unsigned jobs, uint64_t memory_mb, py::object rejects) {
  DedupOptions o;
  o.bands = bands;
  o.rows = rows;
  o.ngram = ngram;
  o.seed = seed;
  o.verify = verify;
  o.verify_threshold = verify_threshold;
  o.exact = exact;
  o.c4_spans = c4_spans;
  o.paragraphs = paragraphs;
  o.datatrove_compat = datatrove_compat;
  o.threads = jobs;
  o.memory_budget = memory_mb << 20;
  if (!rejects.is_none()) o.rejects_path = py::module_::import("os").attr("fsdecode")(rejects).cast<std::string>();
  return o;
}

py::dict summary_dict(const DedupSummary& s) {
  py::dict d;
  d["documents"] = s.documents;
  d["kept"] = s.kept;
  py::dict removed;
  uint64_t total = 0;
  for (const auto& [k, v] : s.removed) {
    removed[py::str(k)] = v;
    total += v;
  }
  d["removed"] = total;
  d["removed_by_reason"] = removed;
  d["parts"] = s.parts;
  d["no_signature"] = s.no_signature;
  d["candidate_pairs"] = s.candidate_pairs;
  d["pairs_rejected_by_verify"] = s.pairs_rejected_by_verify;
  d["sentences_removed"] = s.spans_removed;
  d["paragraphs_removed"] = s.paragraphs_removed;
  d["bytes_in"] = s.bytes_in;
  d["bytes_out"] = s.bytes_out;
  py::dict secs;
  for (const auto& [k, v] : s.stage_seconds) secs[py::str(k)] = v;
  d["stage_seconds"] = secs;
  d["stats_path"] = s.stats_path;
  return d;
}

py::dict plan_dict(const DedupPlan& p) {
  py::dict d;
  d["output"] = p.output_dir;
  d["inputs"] = p.input_dirs;
  d["parts"] = p.parts.size();
  d["bands"] = p.bucket_count();  // bucket tasks: the LSH bands and the other key streams
  d["lsh_bands"] = p.options.bands;
  d["fingerprint"] = p.fingerprint;
  py::list names;
  for (const auto& part : p.parts) names.append(part.path);
  d["part_paths"] = names;
  return d;
}

DedupPlan plan_or_raise(py::handle inputs, const std::string& output, const DedupOptions& o) {
  std::vector<std::string> dirs = dedup_paths(inputs);
  std::optional<Result<DedupPlan>> r;
  {
    py::gil_scoped_release nogil;
    r = plan_dedup(dirs, output, o);
  }
  if (!*r) raise_dedup_error(r->error());
  return std::move(**r);
}

#define PITH_DEDUP_OPTION_ARGS                                                                             \
  py::kw_only(), py::arg("bands") = 14u, py::arg("rows") = 8u, py::arg("ngram") = 5u, py::arg("seed") = 1u,  \
      py::arg("verify") = false, py::arg("verify_threshold") = 0.75, py::arg("exact") = true,              \
      py::arg("c4_spans") = false, py::arg("paragraphs") = 0u, py::arg("datatrove_compat") = false,       \
      py::arg("jobs") = 0u, py::arg("memory_mb") = 1024u, py::arg("rejects") = py::none()

}  // namespace

void bind_dedup(py::module_& m) {
  m.def(
      "dedup_plan",
      [](py::handle inputs, py::handle output, unsigned bands, unsigned rows, unsigned ngram, uint64_t seed,
         bool verify, double verify_threshold, bool exact, bool c4_spans, unsigned paragraphs, bool datatrove_compat,
         unsigned jobs, uint64_t memory_mb, py::object rejects) {
        DedupOptions o = dedup_options(bands, rows, ngram, seed, verify, verify_threshold, exact, c4_spans,
                                       paragraphs, datatrove_compat, jobs, memory_mb, rejects);
        std::string out = py::module_::import("os").attr("fsdecode")(output).cast<std::string>();
        return plan_dict(plan_or_raise(inputs, out, o));
      },
      py::arg("inputs"), py::arg("output"), PITH_DEDUP_OPTION_ARGS,
      R"doc(dedup_plan(inputs, output, **options) -> dict

Plans a dedup of pith run's output folders (inputs: one path or a list) into output and writes
output/.dedup/plan.json, so that the stages can run anywhere (pith.dedup_stage). Returns
{"parts": number of parts, "bands": number of bucket tasks (LSH bands, then the exact, C4-span
and paragraph streams that are on), "lsh_bands", "inputs", "output", "fingerprint",
"part_paths"}. Options as for pith.dedup.)doc");

  m.def(
      "dedup_stage",
      [](py::handle output, const std::string& stage, size_t index) -> py::object {
        std::string out = py::module_::import("os").attr("fsdecode")(output).cast<std::string>();
        if (stage != "signatures" && stage != "buckets" && stage != "clusters" && stage != "filter" &&
            stage != "finish")
          throw py::value_error("stage must be \"signatures\", \"buckets\", \"clusters\", \"filter\" or \"finish\", not \"" +
                                stage + "\"");
        std::optional<Result<DedupPlan>> plan;
        std::optional<Result<bool>> did;
        std::optional<Result<DedupSummary>> summary;
        {
          py::gil_scoped_release nogil;
          plan = load_dedup_plan(out);
          if (*plan) {
            const DedupPlan& p = **plan;
            if (stage == "signatures") did = dedup_signatures(p, index);
            else if (stage == "buckets") did = dedup_buckets(p, static_cast<unsigned>(index));
            else if (stage == "clusters") did = dedup_clusters(p);
            else if (stage == "filter") did = dedup_filter(p, index);
            else summary = finish_dedup(p);
          }
        }
        if (!*plan) raise_dedup_error(plan->error());
        if (summary) {
          if (!*summary) raise_dedup_error(summary->error());
          return summary_dict(**summary);
        }
        if (!*did) raise_dedup_error(did->error());
        py::dict d;
        d["stage"] = stage;
        d["index"] = index;
        d["ran"] = **did;  // False: its done marker was there (a task run twice)
        return d;
      },
      py::arg("output"), py::arg("stage"), py::arg("index") = 0,
      R"doc(dedup_stage(output, stage, index=0) -> dict

Runs one task of a planned dedup (pith.dedup_plan wrote output/.dedup/plan.json): stage
"signatures" (index: a part), "buckets" (index: a bucket < plan["bands"]), "clusters",
"filter" (index: a part), "finish". A task whose done marker exists returns at once with
"ran": False, so running one twice is safe. "finish" returns the summary dict of pith.dedup.
Raises a pith.PithError subclass when the stage cannot run (a stage before it not done, a part
changed since the plan, an unreadable file).)doc");

  m.def(
      "dedup",
      [](py::handle inputs, py::handle output, unsigned bands, unsigned rows, unsigned ngram, uint64_t seed,
         bool verify, double verify_threshold, bool exact, bool c4_spans, unsigned paragraphs, bool datatrove_compat,
         unsigned jobs, uint64_t memory_mb, py::object rejects) {
        DedupOptions o = dedup_options(bands, rows, ngram, seed, verify, verify_threshold, exact, c4_spans,
                                       paragraphs, datatrove_compat, jobs, memory_mb, rejects);
        std::string out = py::module_::import("os").attr("fsdecode")(output).cast<std::string>();
        DedupPlan plan = plan_or_raise(inputs, out, o);
        std::optional<Result<DedupSummary>> r;
        {
          py::gil_scoped_release nogil;
          r = run_dedup(plan, jobs ? jobs : std::max(1u, std::thread::hardware_concurrency()));
        }
        if (!*r) raise_dedup_error(r->error());
        return summary_dict(**r);
      },
      py::arg("inputs"), py::arg("output"), PITH_DEDUP_OPTION_ARGS,
      R"doc(dedup(inputs, output, *, bands=14, rows=8, ngram=5, seed=1, verify=False,
      verify_threshold=0.75, exact=True, c4_spans=False, paragraphs=0,
      datatrove_compat=False, jobs=0, memory_mb=1024, rejects=None) -> dict

pith dedup: the parts of pith run's output folders (inputs) rewritten into output without
near-duplicates (MinHash-LSH, bands x rows hash functions of word ngram-grams), exact
duplicates across every part (exact), optionally C4's repeated three-sentence spans
(c4_spans) and paragraphs seen more than `paragraphs` times. Removed documents go to rejects
(a .jsonl[.gz|.zst] path) with "reject": "dedup/near_duplicate" (or exact_duplicate,
c4_span, paragraphs) and "duplicate_of": the kept document's id. Returns the summary
(documents = kept + removed, by reason) and writes output/stats.json. The same output for any
jobs.)doc");
}

}  // namespace pith::python
