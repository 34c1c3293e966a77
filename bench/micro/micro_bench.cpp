// Micro benchmarks of core helpers on 1 MB inputs (throughput in bytes/s of input).
// Inputs are generated deterministically, so runs are comparable; the numbers come only from
// running this binary (build/bench/pith_micro_bench).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "core/strings.h"
#include "core/utf8.h"

namespace {

constexpr size_t kSize = 1 << 20;  // 1 MiB

// Exactly kSize bytes: whole pieces in a fixed pseudo-random order (so the text stays valid
// UTF-8), padded with ASCII at the end.
std::string repeat_to_size(std::initializer_list<std::string_view> pieces) {
  std::string s;
  s.reserve(kSize);
  uint32_t x = 12345;  // LCG
  for (;;) {
    x = x * 1103515245u + 12345u;
    std::string_view p = *(pieces.begin() + (x >> 16) % pieces.size());
    if (s.size() + p.size() > kSize) break;
    s.append(p);
  }
  s.append(kSize - s.size(), 'a');
  return s;
}

// English prose: ASCII only.
const std::string& ascii_text() {
  static const std::string s = repeat_to_size(
      {"The quick brown fox jumps over the lazy dog. ", "Extraction of the main text, ",
       "and metadata from web pages; ", "<p class=\"lead\">Markup too</p>\n", "1234567890 "});
  return s;
}

// Mixed scripts: Latin with accents (2-byte), Cyrillic (2), CJK (3), emoji (4), plus ASCII.
const std::string& mixed_text() {
  static const std::string s = repeat_to_size(
      {"Le café déjà servi à l'hôtel. ", "Съешь же ещё этих мягких булок. ", "日本語のテキスト抽出。",
       "한국어 문장입니다. ", "emoji 😀🚀 ok. ", "Plain ASCII words in between. "});
  return s;
}

// Text with many whitespace runs: spaces, tabs, newlines, NBSP (U+00A0), U+2003, U+3000.
const std::string& spacey_text() {
  static const std::string s = repeat_to_size(
      {"word ", "  \t\n  ", "other\u00A0\u00A0words ", "\n\n\n", "em\u2003space ", "全角\u3000空白 ",
       "   indented   line\r\n", "x "});
  return s;
}

void BM_IsValidUtf8(benchmark::State& state, const std::string& input) {
  if (!pith::is_valid_utf8(input)) {
    state.SkipWithError("benchmark input is not valid UTF-8");
    return;
  }
  for (auto _ : state) {
    std::string_view in = input;
    benchmark::DoNotOptimize(in);
    bool ok = pith::is_valid_utf8(in);
    benchmark::DoNotOptimize(ok);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(input.size()));
}

void BM_CollapseWhitespace(benchmark::State& state, const std::string& input) {
  size_t out_size = 0;
  for (auto _ : state) {
    std::string_view in = input;
    benchmark::DoNotOptimize(in);
    std::string out = pith::collapse_whitespace(in);
    out_size = out.size();
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(input.size()));
  state.counters["out_ratio"] = static_cast<double>(out_size) / static_cast<double>(input.size());
}

}  // namespace

BENCHMARK_CAPTURE(BM_IsValidUtf8, ascii_1MiB, ascii_text());
BENCHMARK_CAPTURE(BM_IsValidUtf8, mixed_1MiB, mixed_text());
BENCHMARK_CAPTURE(BM_CollapseWhitespace, ascii_1MiB, ascii_text());
BENCHMARK_CAPTURE(BM_CollapseWhitespace, mixed_1MiB, mixed_text());
BENCHMARK_CAPTURE(BM_CollapseWhitespace, spacey_1MiB, spacey_text());

BENCHMARK_MAIN();
