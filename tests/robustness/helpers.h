// Shared by the robustness tests: page builders and the properties every extraction must keep,
// whatever the input (valid UTF-8 out, no NUL bytes, no text from raw-text elements).
#pragma once
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <utility>

#include "core/utf8.h"
#include "pith/extract.h"

namespace pith::robustness {

// Long enough to win content selection on its own.
inline constexpr std::string_view kProse =
    "The committee met on Tuesday to review the budget for the coming year, and after a long "
    "discussion it agreed to fund the new library wing and to repair the old bridge.";

inline std::string page(std::string_view body, std::string_view head = "") {
  std::string s = "<!DOCTYPE html><html><head><title>Robustness</title>";
  s += head;
  s += "</head><body>";
  s += body;
  s += "</body></html>";
  return s;
}

inline std::string prose_p(std::string_view tag = "") {
  std::string s = "<p>";
  s += kProse;
  s += tag;
  s += "</p>";
  return s;
}

inline PageInfo with_charset(std::string_view charset) {
  PageInfo info;
  info.charset = charset;
  return info;
}

// Bytes from a fixed-seed Mersenne Twister: the same junk on every platform.
inline std::string random_bytes(uint32_t seed, size_t n) {
  std::mt19937 gen(seed);
  std::string s(n, '\0');
  for (auto& c : s) c = static_cast<char>(gen() & 0xFF);
  return s;
}

inline bool contains(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}

inline bool any_warning_contains(const Extraction& e, std::string_view what) {
  for (const auto& w : e.warnings)
    if (contains(w, what)) return true;
  return false;
}

// What every successful extraction must satisfy, whatever its input.
inline void expect_sane(const Extraction& e) {
  for (std::string_view s : {std::string_view(e.text), std::string_view(e.markdown),
                             std::string_view(e.comments), std::string_view(e.title)}) {
    EXPECT_TRUE(is_valid_utf8(s));
    EXPECT_EQ(s.find('\0'), std::string_view::npos);
  }
  std::string json;
  write_json(e, "x.html", json);
  EXPECT_TRUE(is_valid_utf8(json));
  EXPECT_EQ(json.find('\n'), std::string::npos);
}

struct Timed {
  Result<Extraction> result;
  double seconds;
};

inline Timed timed_extract(Extractor& ex, std::string_view bytes, const PageInfo& info = {}) {
  auto t0 = std::chrono::steady_clock::now();
  Result<Extraction> r = ex.extract(bytes, info);
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return {std::move(r), s};
}

// This thread's CPU seconds: unlike the wall clock, not stretched by other processes taking the
// cores of a shared machine.
inline double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// The best of three timings (this thread's CPU time) of f(small) and f(large), taken in turn in
// the same run: a speed test on a shared, noisy machine compares the two instead of holding
// either to a threshold.
template <class F>
std::pair<double, double> best_of_three(F&& f, const std::string& small, const std::string& large) {
  double t_small = 1e9, t_large = 1e9;
  for (int run = 0; run < 3; ++run) {
    double t0 = thread_cpu_seconds();
    f(small);
    double t1 = thread_cpu_seconds();
    f(large);
    double t2 = thread_cpu_seconds();
    t_small = std::min(t_small, t1 - t0);
    t_large = std::min(t_large, t2 - t1);
  }
  return {t_small, t_large};
}

// Every test of a suite runs once per parser (suffix /libxml2 or /html5): bad input must be
// handled whichever builds the DOM.
class ParserTest : public ::testing::TestWithParam<Parser> {
 protected:
  Options options() const {
    Options o;
    o.parser = GetParam();
    return o;
  }
  // Options that exercise every renderer and report, so every code path sees the bad input.
  Options all_outputs() const {
    Options o = options();
    o.markdown = true;
    o.comments = true;
    o.explain = true;
    o.links = true;
    o.images = true;
    return o;
  }
};

inline std::string parser_name(const ::testing::TestParamInfo<Parser>& info) {
  return info.param == Parser::kHtml5 ? "html5" : "libxml2";
}

#define PITH_PARSER_SUITE(Suite)                    \
  class Suite : public ParserTest {};               \
  INSTANTIATE_TEST_SUITE_P(, Suite, ::testing::Values(Parser::kLibxml2, Parser::kHtml5), parser_name)

}  // namespace pith::robustness
