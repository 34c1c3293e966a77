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

const TitleCandidate* find_source(const std::vector<TitleCandidate>& cands, TitleFeature src) {
  for (const auto& c : cands)
    if (c.features[static_cast<size_t>(src)] > 0) return &c;
  return nullptr;
}

// Candidates that say the same title are one candidate; its punctuation between words is the
// spelling most of the page's elements give (each h1, og:title, the <title>, the JSON-LD
// headline one vote), and quote marks are the h1's.
TEST(Title, MergedCandidateTakesTheMostCommonSpelling) {
  SiteNames site;
  site.add_name("Job Board");
  TitleInputs in;
  in.site = &site;
  in.heads.push_back({1, "Remote Full Stack Jobs", true, false});
  in.title_tag = "Remote Full-Stack Jobs | Job Board";
  in.og = "Remote Full-Stack Jobs";
  std::vector<TitleCandidate> cands;
  title_candidates(in, cands);
  const TitleCandidate* h1 = find_source(cands, TitleFeature::k_src_h1_0);
  ASSERT_NE(h1, nullptr);
  EXPECT_EQ(h1->text, "Remote Full-Stack Jobs");
  EXPECT_GT(h1->features[static_cast<size_t>(TitleFeature::k_src_og)], 0);  // merged

  // Two against one, but in quote marks: the h1's typographic apostrophe stays.
  in.heads[0].text = "Who\xE2\x80\x99s Hiring Now";
  in.title_tag = "Who's Hiring Now | Job Board";
  in.og = "Who's Hiring Now";
  title_candidates(in, cands);
  h1 = find_source(cands, TitleFeature::k_src_h1_0);
  ASSERT_NE(h1, nullptr);
  EXPECT_EQ(h1->text, "Who\xE2\x80\x99s Hiring Now");

  // One against one: the h1's spelling.
  in.heads[0].text = "Info Ultimate Guide";
  in.title_tag = "Info - Ultimate Guide | Job Board";
  in.og.clear();
  title_candidates(in, cands);
  h1 = find_source(cands, TitleFeature::k_src_h1_0);
  ASSERT_NE(h1, nullptr);
  EXPECT_EQ(h1->text, "Info Ultimate Guide");
}

// An h1 that goes on from the chosen candidate after a colon is the whole headline: the
// shorter form is where the <title>'s separator cut it. A dash after it is not a colon: it
// may lead to the site's name.
TEST(Title, H1WithSubtitleAfterColonWins) {
  std::vector<TitleCandidate> cands = {candidate({TitleFeature::k_src_og, TitleFeature::k_src_title}, 3.0),
                                       candidate({TitleFeature::k_src_h1_0}, 0.0)};
  cands[0].text = "Kite Care";
  cands[1].text = "Kite Care: A Field Guide for New Fliers";
  EXPECT_EQ(best_title(cands), 1);
  cands[1].text = "Kite Care - Windward Shop";
  EXPECT_EQ(best_title(cands), 0);
  cands[1].text = "Kite Care:";  // nothing after the colon
  EXPECT_EQ(best_title(cands), 0);
  cands[1].text = "Kite Carers: A Field Guide";  // not the same words
  EXPECT_EQ(best_title(cands), 0);
  cands[0].text = "\xE9\xA3\x8E\xE7\xAD\x9D\xE6\x8A\xA4\xE7\x90\x86";  // a Chinese headline, a fullwidth colon
  cands[1].text = cands[0].text + "\xEF\xBC\x9A\xE5\x85\xA5\xE9\x97\xA8\xE6\x8C\x87\xE5\x8D\x97";
  EXPECT_EQ(best_title(cands), 1);
}

// The other way round: a <title> or og:title that is the h1 followed by a colon and more words
// adds a description for search engines; the h1 the reader sees is the headline. A dash
// after the h1's words is the template's separator, not this.
TEST(Title, H1BeforeColonInTheMetaTitleWins) {
  std::vector<TitleCandidate> cands = {candidate({TitleFeature::k_src_og, TitleFeature::k_src_title}, 3.0),
                                       candidate({TitleFeature::k_src_h1_0}, 0.0)};
  cands[0].text = "Trail Boots: Shop Boots for Hiking & Camping";
  cands[1].text = "Trail Boots";
  EXPECT_EQ(best_title(cands), 1);
  cands[0].text = "Trail Boots - Shop Boots for Hiking";
  EXPECT_EQ(best_title(cands), 0);
  cands[0].text = "Trail Boots:";  // nothing after the colon
  EXPECT_EQ(best_title(cands), 0);
  cands[0].text = "Trail Bootstraps: A Guide";  // not the h1's words
  EXPECT_EQ(best_title(cands), 0);
  cands[1].features = candidate({TitleFeature::k_src_title_head}, 0.0).features;  // not an h1
  cands[0].text = "Trail Boots: Shop Boots for Hiking & Camping";
  EXPECT_EQ(best_title(cands), 0);
}

// The <title> and og:title outvote the h1, but where they put a separator in place of the
// h1's colon the h1's spelling stays: the separator is the template's, the colon the writer's.
TEST(Title, ColonIsNotVotedIntoASeparator) {
  SiteNames site;
  site.add_name("Windward");
  TitleInputs in;
  in.site = &site;
  in.heads.push_back({1, "Kite Care: A Field Guide", true, false});
  in.title_tag = "Kite Care - A Field Guide";
  in.og = "Kite Care - A Field Guide";
  std::vector<TitleCandidate> cands;
  title_candidates(in, cands);
  const TitleCandidate* h1 = find_source(cands, TitleFeature::k_src_h1_0);
  ASSERT_NE(h1, nullptr);
  EXPECT_EQ(h1->text, "Kite Care: A Field Guide");
  EXPECT_GT(h1->features[static_cast<size_t>(TitleFeature::k_src_title_full)], 0);  // merged

  // Other punctuation is still voted on: a hyphen the h1 leaves out.
  in.heads[0].text = "Kite Care Field Guide";
  in.title_tag = "Kite-Care Field Guide";
  in.og = "Kite-Care Field Guide";
  title_candidates(in, cands);
  h1 = find_source(cands, TitleFeature::k_src_h1_0);
  ASSERT_NE(h1, nullptr);
  EXPECT_EQ(h1->text, "Kite-Care Field Guide");
}

}  // namespace
}  // namespace pith
