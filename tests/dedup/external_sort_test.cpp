// The external sort: any budget gives the same order as std::sort; a tiny budget spills many
// runs and merges them in passes.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>

#include "dedup/external_sort.h"
#include "../io/fixtures.h"

namespace pith {
namespace {

struct Rec {
  uint64_t key, doc;
  bool operator<(const Rec& o) const { return key < o.key || (key == o.key && doc < o.doc); }
  bool operator==(const Rec& o) const { return key == o.key && doc == o.doc; }
};

std::vector<Rec> sorted_with_budget(const std::vector<Rec>& in, uint64_t budget, const std::string& dir,
                                    size_t* runs = nullptr) {
  ExternalSorter<Rec> s(dir, budget);
  for (const Rec& r : in) EXPECT_TRUE(s.add(r));
  if (runs) *runs = s.runs();
  std::vector<Rec> out;
  EXPECT_TRUE(s.finish([&](const Rec& r) {
    out.push_back(r);
    return true;
  }));
  return out;
}

TEST(ExternalSort, AnyBudgetSameOrder) {
  testing::TempDir dir;
  std::mt19937_64 rng(3);
  std::vector<Rec> in;
  for (uint64_t i = 0; i < 50000; ++i) in.push_back({rng() % 5000, i});  // many equal keys
  std::vector<Rec> expected = in;
  std::sort(expected.begin(), expected.end());
  size_t runs = 0;
  EXPECT_EQ(sorted_with_budget(in, 1u << 30, dir.path(), &runs), expected);
  EXPECT_EQ(runs, 0u);  // fits: sorted in memory
  // 4 KiB: 256 records a run, about 200 runs, merged 2 at a time in several passes.
  EXPECT_EQ(sorted_with_budget(in, 4096, dir.path(), &runs), expected);
  EXPECT_GT(runs, 100u);
  EXPECT_EQ(sorted_with_budget(in, 64 << 10, dir.path()), expected);
  // The runs are gone.
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

}  // namespace
}  // namespace pith
