#include <gtest/gtest.h>

#include <string>

#include "pith/clean.h"

namespace pith {
namespace {

// Numbers are normalised in line keys ("2023" = "1999"), so pages differ by letters.
std::string letters(int i) {
  std::string s;
  do {
    s.push_back(static_cast<char>('a' + i % 26));
    i /= 26;
  } while (i);
  return s;
}

LearnerOptions small() {
  LearnerOptions o;
  o.memory_bytes = 1 << 20;
  return o;
}

std::string page(int site, int i) {
  return "Home | Products | About\n"
         "Site " + std::to_string(site) + " news desk: all the stories of the week\n"
         "Unique article text " + letters(i) + " of site " + letters(site) +
         " with words that no other page holds, about topic " + letters(i * 7919) + ".\n"
         "Follow our company on the usual social networks\n";
}

TEST(BoilerplateLearner, LearnsLinesThatRecurAcrossPagesOfASite) {
  BoilerplateLearner l(small());
  for (int i = 0; i < 20; ++i) l.observe(page(1, i), "https://www.site-one.example/a/" + std::to_string(i));
  const std::string url = "https://site-one.example/other";
  EXPECT_EQ(l.site_pages(url), 20u);
  EXPECT_EQ(l.line_pages("Follow our company on the usual social networks", url), 20u);
  EXPECT_TRUE(l.is_boilerplate("follow our company on the usual  social networks!", url));  // normalised
  EXPECT_FALSE(l.is_boilerplate("Unique article text " + letters(3) + " of site " + letters(1) +
                                     " with words that no other page holds, about topic " + letters(3 * 7919) + ".", url));
  // Another site never saw those lines.
  EXPECT_FALSE(l.is_boilerplate("Follow our company on the usual social networks", "https://site-two.example/x"));
}

TEST(BoilerplateLearner, DuplicatePagesCountOnce) {
  BoilerplateLearner l(small());
  for (int i = 0; i < 10; ++i) l.observe(page(1, 0), "https://a.example/p");
  EXPECT_EQ(l.pages_observed(), 1u);
  EXPECT_EQ(l.line_pages("Home | Products | About", "https://a.example/"), 1u);
}

TEST(BoilerplateLearner, CleanerDropsLearnedLines) {
  BoilerplateLearner l(small());
  for (int i = 0; i < 10; ++i) l.observe(page(1, i), "https://a.example/" + std::to_string(i));
  CleanOptions o;
  o.learned = &l;
  Cleaner c(o);
  auto r = c.clean(page(1, 3) + page(1, 3).substr(0, 0) +
                       "A second paragraph of the article that is long enough to count as prose, and it ends here.\n",
                   "https://a.example/3");
  ASSERT_TRUE(r.ok());
  bool learned = false;
  for (const auto& d : r->dropped) learned |= d.reason == "repeated_across_pages";
  EXPECT_TRUE(learned);
}

// Memory is fixed at construction and counts stay lower bounds of the truth however many
// distinct lines stream through a tiny table (the 10M-page case in miniature: 200k pages of
// unique lines through 64 KiB).
TEST(BoilerplateLearner, BoundedMemoryAndCountsNeverOverTheTruth) {
  LearnerOptions o;
  o.memory_bytes = 64 << 10;
  BoilerplateLearner l(o);
  const size_t before = l.memory_bytes();
  EXPECT_EQ(before, 64u << 10);
  const int kPages = 200000;
  for (int i = 0; i < kPages; ++i) {
    std::string p = "Site footer line that every page has\nunique line " + letters(i) + " alpha\nunique line " +
                    letters(i) + " beta\n";
    l.observe(p, "https://big.example/" + std::to_string(i));
  }
  EXPECT_EQ(l.memory_bytes(), before);
  EXPECT_EQ(l.pages_observed(), static_cast<uint64_t>(kPages));
  const std::string url = "https://big.example/";
  uint32_t footer = l.line_pages("Site footer line that every page has", url);
  EXPECT_LE(footer, static_cast<uint32_t>(kPages));
  EXPECT_GT(footer, static_cast<uint32_t>(kPages / 2));  // the heavy line keeps its slot
  for (int i = 0; i < 1000; ++i) EXPECT_LE(l.line_pages("unique line " + letters(i) + " alpha", url), 1u);
  EXPECT_TRUE(l.is_boilerplate("Site footer line that every page has", url));
}

}  // namespace
}  // namespace pith
