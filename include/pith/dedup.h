// pith/dedup.h: corpus-wide deduplication of what `pith run` wrote: near-copies by MinHash-LSH,
// exact copies across every shard, and optionally C4's three-sentence spans and paragraphs
// repeated across the corpus.
//
//   DedupOptions o;                                   // 14 bands x 8 rows of word 5-grams
//   auto plan = plan_dedup({"out-0", "out-1"}, "dedup", o);   // writes dedup/.dedup/plan.json
//   if (!plan) { ...plan.error().message... }
//   Result<DedupSummary> s = run_dedup(*plan, 8);      // every stage on 8 threads
//
// The work is split in stages, each a parallel map over files that another process (a Dask
// worker, a Slurm task) can run from the plan on disk alone (load_dedup_plan):
//
//   dedup_signatures(plan, p)  for p < plan.parts.size()   MinHash band keys, exact hash, spans
//   dedup_buckets(plan, b)     for b < plan.bucket_count()  external sort of one key stream: pairs
//   dedup_clusters(plan)       once                         union-find: who is removed, for whom
//   dedup_filter(plan, p)      for p < plan.parts.size()    the part rewritten, its rejects
//   finish_dedup(plan)         once                         stats.json, the rejects file
//
// Every stage writes its files atomically and then a done marker; a stage whose marker is there
// returns at once, so a task run twice (a worker lost and rescheduled) is safe and its files are
// the same bytes. Documents are ordered by (input folder as given, the part's input path as
// pith run ordered its inputs - the rel in its .done -, line): the kept document of a cluster
// is the first in that order, whatever the thread or worker count.
// Memory: the bucket stage sorts in runs of `memory_budget` bytes and merges them from disk;
// the cluster stage holds 4 bytes per document (union-find) and its drop lists are sorted the
// same way.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pith/export.h"
#include "pith/result.h"

namespace pith {

struct DedupOptions {
  // Shingles: word n-grams after normalisation (lower case, punctuation removed, digits folded
  // to 0, diacritics removed; a CJK, kana or hangul character is a word of its own).
  unsigned ngram = 5;
  // LSH: bands x rows hash functions. FineWeb's 14 x 8: a pair at Jaccard 0.75 is a candidate
  // with probability 1-(1-0.75^8)^14 = 0.77, at 0.5 with 0.05.
  unsigned bands = 14;
  unsigned rows = 8;
  uint64_t seed = 1;
  // Exact Jaccard of each candidate pair's shingle sets (stored by the signature stage): pairs
  // under verify_threshold are not merged. Costs 4 bytes per shingle on disk.
  bool verify = false;
  double verify_threshold = 0.75;
  // Documents with the same text (XXH3-64, the hash `pith run` keeps in NAME.hashes) across every
  // part and folder: all but the first are removed as dedup/exact_duplicate.
  bool exact = true;
  // C4: every three-sentence span seen earlier in the corpus is removed from the later
  // documents (a document left without text is removed as dedup/c4_span).
  bool c4_spans = false;
  unsigned c4_span_sentences = 3;
  // Dolma / CCNet: paragraphs (lines) seen more than `paragraphs` times in the corpus are
  // removed from every document (0 = off); a document left empty: dedup/paragraphs.
  unsigned paragraphs = 0;
  // Signatures as datatrove's MinhashDedupSignature computes them (simplify_text, XXH64 of the
  // 5-gram, (a*h+b) mod 2^61-1 with numpy's RandomState(seed) parameters, 64-bit precision).
  // About 10x slower; words are split on white space (datatrove uses NLTK / spaCy).
  bool datatrove_compat = false;
  unsigned threads = 0;               // run_dedup's default when it is given 0 (0 = all cores)
  uint64_t memory_budget = 1ull << 30;  // bytes for one bucket sort (split between threads)
  std::string rejects_path;           // "" = no rejects file; else .jsonl, .jsonl.gz or .jsonl.zst
};

// One part of `pith run`'s output: DIR/NAME.jsonl[.gz|.zst] with a NAME.done beside it.
struct DedupPart {
  std::string path;    // the part file
  std::string name;    // NAME.jsonl.gz: the output keeps it
  uint64_t size = 0;   // bytes on disk when planned; a part that changed stops the stages
};

struct DedupPlan {
  std::vector<std::string> input_dirs;
  std::string output_dir;
  DedupOptions options;
  std::vector<DedupPart> parts;  // in document order
  std::string fingerprint;       // of the parts and the options that shape the output

  // Key streams sorted by dedup_buckets: the LSH bands, then the exact hashes, the C4 spans and
  // the paragraphs when they are on.
  unsigned bucket_count() const;
};

struct DedupSummary {
  uint64_t documents = 0, kept = 0;
  // Documents removed, by reason: "dedup/exact_duplicate", "dedup/near_duplicate",
  // "dedup/c4_span", "dedup/paragraphs". documents = kept + the sum of removed.
  std::map<std::string, uint64_t> removed;
  uint64_t parts = 0;
  uint64_t no_signature = 0;      // documents without a word (never near-duplicates)
  uint64_t candidate_pairs = 0;   // LSH pairs found in the buckets (before verify)
  uint64_t pairs_rejected_by_verify = 0;
  uint64_t spans_removed = 0, paragraphs_removed = 0;
  uint64_t bytes_in = 0, bytes_out = 0;  // JSONL bytes (uncompressed) read and written
  std::map<std::string, double> stage_seconds;  // wall time per stage (run_dedup)
  std::string stats_path;
};

// Finds the parts of each folder (files with a NAME.done beside them, by name), checks the
// options, and writes OUTPUT_DIR/.dedup/plan.json. A plan that differs from the one already in
// OUTPUT_DIR (other parts, sizes or options) clears the old stages' files.
PITH_API Result<DedupPlan> plan_dedup(const std::vector<std::string>& input_dirs, const std::string& output_dir,
                                      const DedupOptions& options);
PITH_API Result<DedupPlan> load_dedup_plan(const std::string& output_dir);

// The stages (see the top of this file). Each returns true when it did the work and false when
// its done marker was there already.
PITH_API Result<bool> dedup_signatures(const DedupPlan& plan, size_t part_index);
PITH_API Result<bool> dedup_buckets(const DedupPlan& plan, unsigned bucket_index);
PITH_API Result<bool> dedup_clusters(const DedupPlan& plan);
PITH_API Result<bool> dedup_filter(const DedupPlan& plan, size_t part_index);
PITH_API Result<DedupSummary> finish_dedup(const DedupPlan& plan);

struct DedupProgress {
  std::string_view stage;  // "signatures", "buckets", "clusters", "filter", "finish"
  uint64_t done = 0, total = 0;  // tasks of the stage
};

// Every stage in this process on `threads` threads (0 = options.threads, then all cores).
PITH_API Result<DedupSummary> run_dedup(const DedupPlan& plan, unsigned threads,
                                        const std::function<void(const DedupProgress&)>& on_progress = {});

// The words of a text after normalisation, joined by single spaces: word i is
// text[starts[i], ends[i]).
struct NormalizedText {
  std::string text;
  std::vector<uint32_t> starts, ends;
};

// The signature machinery (the signature stage's, for tests and tools).
struct PITH_API MinHasher {
  explicit MinHasher(const DedupOptions& options);
  // Hashes of the word n-grams of a text (a text of 1..n-1 words is one shingle, except in
  // datatrove mode, which has none; no word: none).
  void shingles(std::string_view text, std::vector<uint64_t>& out) const;
  void shingles_of(const NormalizedText& words, std::vector<uint64_t>& out) const;
  // bands*rows minimum values: 32-bit lanes by default, datatrove's 61-bit values in compat
  // mode. Empty when there is no shingle.
  void signature(std::string_view text, std::vector<uint64_t>& out) const;
  void signature_of(const std::vector<uint64_t>& shingles, std::vector<uint64_t>& out) const;
  // One 64-bit key per band of a signature (XXH3 of its rows).
  void band_keys(const std::vector<uint64_t>& signature, std::vector<uint64_t>& out) const;

  DedupOptions options;
  std::vector<uint32_t> seeds;               // fast mode: one per hash function
  std::vector<uint64_t> compat_a, compat_b;  // datatrove mode: numpy RandomState(seed)'s a and b
};

PITH_API void normalize_words(std::string_view text, bool datatrove_compat, NormalizedText& out);
// normalize_words' text.
PITH_API std::string dedup_normalize(std::string_view text, bool datatrove_compat = false);

}  // namespace pith
