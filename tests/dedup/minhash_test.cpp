// MinHash signatures: normalisation, shingles, the fast 32-bit lanes against true Jaccard, the
// LSH S-curve, and datatrove's scheme on a small example checked against numpy and xxhash.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <set>

#include "pith/dedup.h"

namespace pith {
namespace {

TEST(DedupNormalize, FoldsCasePunctuationDigitsAndDiacritics) {
  EXPECT_EQ(dedup_normalize("Hello, World!  It's 1,234.5 e-mail\n\tCAFÉ naïve"), "hello world its 0 email cafe naive");
  EXPECT_EQ(dedup_normalize("--- *** ..."), "");
  EXPECT_EQ(dedup_normalize(""), "");
}

TEST(DedupNormalize, TextWithoutSpacesHasWords) {
  // Each CJK, kana or hangul character is a word, as pith counts words elsewhere.
  EXPECT_EQ(dedup_normalize("東京は、晴れ。"), "東 京 は 晴 れ");
  std::vector<uint64_t> sh;
  MinHasher h(DedupOptions{});
  h.shingles("東京は晴れです今日も", sh);
  EXPECT_EQ(sh.size(), 10u - 5 + 1);
}

TEST(DedupShingles, CountsAndShortTexts) {
  MinHasher h(DedupOptions{});
  std::vector<uint64_t> sh;
  h.shingles("one two three four five six seven eight nine ten", sh);
  EXPECT_EQ(sh.size(), 6u);
  h.shingles("just three words", sh);
  EXPECT_EQ(sh.size(), 1u);  // a short text is one shingle: identical short texts still match
  h.shingles("!!! ...", sh);
  EXPECT_TRUE(sh.empty());
  std::vector<uint64_t> a, b;
  h.signature("The Quick brown fox, jumps over the lazy dog", a);
  h.signature("the quick brown fox jumps over the lazy dog!", b);
  EXPECT_EQ(a.size(), 112u);
  EXPECT_EQ(a, b);
}

// Sets of shingle hashes with a known Jaccard similarity: `common` shared, `own` each.
void planted_pair(std::mt19937_64& rng, size_t common, size_t own, std::vector<uint64_t>& a, std::vector<uint64_t>& b) {
  a.clear();
  b.clear();
  for (size_t i = 0; i < common; ++i) {
    uint64_t x = rng();
    a.push_back(x);
    b.push_back(x);
  }
  for (size_t i = 0; i < own; ++i) {
    a.push_back(rng());
    b.push_back(rng());
  }
}

double estimate(const std::vector<uint64_t>& x, const std::vector<uint64_t>& y) {
  size_t same = 0;
  for (size_t i = 0; i < x.size(); ++i) same += x[i] == y[i];
  return static_cast<double>(same) / static_cast<double>(x.size());
}

TEST(DedupSignature, FastLanesEstimateJaccard) {
  MinHasher h(DedupOptions{});
  std::mt19937_64 rng(7);
  std::vector<uint64_t> a, b, sa, sb;
  for (double s : {0.2, 0.5, 0.8, 0.95}) {
    // J = c / (c + 2 o) with c + o = 500 shingles a side.
    const size_t own = static_cast<size_t>(std::lround(500 * (1 - s) / (1 + s)));
    const double truth = static_cast<double>(500 - own) / static_cast<double>(500 + own);
    double sum = 0;
    const int trials = 200;
    for (int t = 0; t < trials; ++t) {
      planted_pair(rng, 500 - own, own, a, b);
      h.signature_of(a, sa);
      h.signature_of(b, sb);
      sum += estimate(sa, sb);
    }
    // 200 pairs x 112 functions: the mean's standard error is under 0.005.
    EXPECT_NEAR(sum / trials, truth, 0.02) << "Jaccard " << truth;
  }
}

TEST(DedupSignature, BandingFollowsTheSCurve) {
  DedupOptions o;
  MinHasher h(o);
  std::mt19937_64 rng(11);
  std::vector<uint64_t> a, b, sa, sb, ka, kb;
  for (double s : {0.5, 0.7, 0.8, 0.9}) {
    const size_t own = static_cast<size_t>(std::lround(400 * (1 - s) / (1 + s)));
    const double truth = static_cast<double>(400 - own) / static_cast<double>(400 + own);
    const double expected = 1 - std::pow(1 - std::pow(truth, o.rows), o.bands);
    int hits = 0;
    const int trials = 600;
    for (int t = 0; t < trials; ++t) {
      planted_pair(rng, 400 - own, own, a, b);
      h.signature_of(a, sa);
      h.signature_of(b, sb);
      h.band_keys(sa, ka);
      h.band_keys(sb, kb);
      bool hit = false;
      for (size_t i = 0; i < ka.size(); ++i) hit |= ka[i] == kb[i];
      hits += hit;
    }
    // Binomial standard deviation at most 0.02 for 600 trials: 4 of them.
    EXPECT_NEAR(static_cast<double>(hits) / trials, expected, 0.08) << "Jaccard " << truth;
  }
}

// The values printed by tools/datatrove_minhash_reference.py (numpy 1.24 RandomState, python
// xxhash 3.2) for this text: "3,50" becomes "0", the em dash is deleted, "€" stays a word.
TEST(DedupDatatrove, ReproducesDatatroveSignature) {
  DedupOptions o;
  o.datatrove_compat = true;
  MinHasher h(o);
  ASSERT_EQ(h.compat_a.size(), 112u);
  EXPECT_EQ(h.compat_a[0], 775169054918279404ull);
  EXPECT_EQ(h.compat_a[3], 965365488286768774ull);
  EXPECT_EQ(h.compat_b[0], 1062448801025099917ull);
  EXPECT_EQ(h.compat_b[3], 100775521383383736ull);
  const std::string text = "Café au LAIT, costs 3,50 € — isn't it? The quick brown fox.";
  EXPECT_EQ(dedup_normalize(text, true), "cafe au lait costs 0 € isnt it the quick brown fox");
  std::vector<uint64_t> sh, sig;
  h.shingles(text, sh);
  ASSERT_EQ(sh.size(), 8u);
  EXPECT_EQ(sh[0], 9556760307116840006ull);  // xxh64("cafe au lait costs 0")
  EXPECT_EQ(sh[7], 8436712282542936103ull);  // xxh64("it the quick brown fox")
  h.signature(text, sig);
  ASSERT_EQ(sig.size(), 112u);
  const uint64_t first[8] = {975138771727372691ull, 25585590086550938ull,  157059492936841358ull,
                             537862151789712561ull, 68555567038928579ull,  143111004692715465ull,
                             233429438305429021ull, 270902567003986465ull};
  for (int i = 0; i < 8; ++i) EXPECT_EQ(sig[i], first[i]) << i;
  EXPECT_EQ(sig[110], 705643495636135769ull);
  EXPECT_EQ(sig[111], 278052566746985021ull);
  // datatrove has no shingle for a text under 5 words: no signature.
  h.signature("four words only here", sig);
  EXPECT_TRUE(sig.empty());
}

}  // namespace
}  // namespace pith
