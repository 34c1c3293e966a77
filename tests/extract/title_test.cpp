// The title ranker's confidence gate (issue 12, class 5): the model's choice stands only when
// its softmax probability among the page's candidates reaches kMinTitleConfidence; below it
// the simple rule (the first h1 that the <title> or og:title agree with, else og:title, ...)
// decides.
#include "extract/title.h"

#include <gtest/gtest.h>

namespace pith {
namespace {

TitleCandidate candidate(std::initializer_list<TitleFeature> flags, double score) {
  TitleCandidate c;
  for (TitleFeature f : flags) c.features[static_cast<size_t>(f)] = 1;
  c.score = score;
  return c;
}

TEST(Title, SimpleRule) {
  std::vector<TitleCandidate> cands = {candidate({TitleFeature::k_src_og}, 0),
                                       candidate({TitleFeature::k_src_h1_0, TitleFeature::k_agree_title}, 0),
                                       candidate({TitleFeature::k_src_title}, 0)};
  EXPECT_EQ(simple_title(cands), 1);  // the h1 that the <title> agrees with
  cands[1].features[static_cast<size_t>(TitleFeature::k_agree_title)] = 0;
  EXPECT_EQ(simple_title(cands), 0);  // no agreement: og:title
  EXPECT_EQ(simple_title({}), -1);
}

TEST(Title, ModelChoiceOnlyAboveConfidence) {
  // Three near-equal scores: the model's best has probability ~0.36 < 0.4, so the rule decides.
  std::vector<TitleCandidate> cands = {candidate({TitleFeature::k_src_og}, 0.10),
                                       candidate({TitleFeature::k_src_h1_0, TitleFeature::k_agree_og}, 0.0),
                                       candidate({TitleFeature::k_src_title}, 0.05)};
  EXPECT_EQ(best_title(cands), 1);
  // A clear winner: the model's choice stands.
  cands[0].score = 3.0;
  EXPECT_EQ(best_title(cands), 0);
  EXPECT_EQ(best_title({}), -1);
}

}  // namespace
}  // namespace pith
