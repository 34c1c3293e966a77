// The learned block classifier (extract/block_model.h): its features of hand-made blocks, its text
// format, and its decisions applied in extraction (Options::block_model) with tiny hand-made models.
#include "extract/block_model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "pages.h"
#include "pith/extract.h"

namespace pith {
namespace {

using testing::extract_page;
using testing::kProse;
using testing::page;

double feature(const BlockFeatureRow& row, BlockFeature f) { return row[static_cast<size_t>(f)]; }

// A model text of depth 1 whose trees are given as "F T L R" (feature index, threshold, leaves).
std::string tiny_model(double base, const std::vector<std::string>& trees) {
  std::string text = "pith-block-model 1\nfeatures";
  for (size_t i = 0; i < kBlockFeatureCount; ++i) text += " " + std::string(block_feature_name(i));
  text += "\ndepth 1\nbase " + std::to_string(base) + "\n";
  for (const std::string& t : trees) text += "tree " + t + "\n";
  return text;
}

std::string index_of(BlockFeature f) { return std::to_string(static_cast<size_t>(f)); }

TEST(BlockModel, FeaturesOfHandMadeBlocks) {
  std::vector<Block> blocks(3);
  blocks[0].rule = "tag:nav";
  blocks[0].element = "ul.menu-main";
  blocks[0].path = "body > div#page > nav > ul.menu-main";
  blocks[0].text = "Home Weather Sport";
  blocks[0].chars = 16;
  blocks[0].link_chars = 16;
  blocks[1].kept = true;
  blocks[1].element = "p";
  blocks[1].path = "body > div#page > article.post-body > p";
  blocks[1].text = "Rain fell. Farmers waited 3 months!";
  blocks[1].chars = 30;
  blocks[1].score = 40;
  blocks[2].rule = "outside-main";
  blocks[2].element = "#text";
  blocks[2].path = "body > footer > #text";
  blocks[2].text = "Contact us:";
  blocks[2].chars = 10;
  std::vector<BlockFacts> facts = {{false, false, 3}, {true, false, 3}, {false, false, 1}};
  std::vector<BlockFeatureRow> rows;
  block_features(blocks, facts, rows);
  ASSERT_EQ(rows.size(), 3u);

  const BlockFeatureRow& nav = rows[0];
  EXPECT_EQ(feature(nav, BlockFeature::k_kept), 0);
  EXPECT_EQ(feature(nav, BlockFeature::k_rule_nav_tag), 1);
  EXPECT_EQ(feature(nav, BlockFeature::k_rule_tag), 0) << "one family per rule, the first that matches";
  EXPECT_EQ(feature(nav, BlockFeature::k_tag_list), 1);
  EXPECT_EQ(feature(nav, BlockFeature::k_anc_nav), 1);
  EXPECT_EQ(feature(nav, BlockFeature::k_neg_self), 1) << "\"menu\" in its class";
  EXPECT_EQ(feature(nav, BlockFeature::k_link_density), 1);
  EXPECT_EQ(feature(nav, BlockFeature::k_before_kept), 1);
  EXPECT_EQ(feature(nav, BlockFeature::k_next_kept), 1);

  const BlockFeatureRow& prose = rows[1];
  EXPECT_EQ(feature(prose, BlockFeature::k_kept), 1);
  EXPECT_EQ(feature(prose, BlockFeature::k_in_main), 1);
  EXPECT_EQ(feature(prose, BlockFeature::k_tag_p), 1);
  EXPECT_EQ(feature(prose, BlockFeature::k_anc_article), 1);
  EXPECT_EQ(feature(prose, BlockFeature::k_pos_anc), 1) << "\"post\" and \"body\" in an ancestor's class";
  EXPECT_EQ(feature(prose, BlockFeature::k_neg_anc), 0);
  EXPECT_DOUBLE_EQ(feature(prose, BlockFeature::k_log_words), std::log1p(6.0));
  EXPECT_DOUBLE_EQ(feature(prose, BlockFeature::k_sentence_ends), 3.0) << "2 per 6 words x 10, at most 3";
  EXPECT_EQ(feature(prose, BlockFeature::k_ends_sentence), 1);
  EXPECT_DOUBLE_EQ(feature(prose, BlockFeature::k_digit_share), 1.0 / 30);
  EXPECT_DOUBLE_EQ(feature(prose, BlockFeature::k_position), 0.5);
  EXPECT_DOUBLE_EQ(feature(prose, BlockFeature::k_near_kept_share), 0.0);
  EXPECT_DOUBLE_EQ(feature(prose, BlockFeature::k_page_kept_share), 30.0 / 56);
  EXPECT_DOUBLE_EQ(feature(prose, BlockFeature::k_score), std::log1p(40.0) / 5);
  EXPECT_DOUBLE_EQ(feature(prose, BlockFeature::k_kept_x_log_chars), std::log1p(30.0));

  const BlockFeatureRow& footer = rows[2];
  EXPECT_EQ(feature(footer, BlockFeature::k_rule_outside), 1);
  EXPECT_EQ(feature(footer, BlockFeature::k_tag_text), 1);
  EXPECT_EQ(feature(footer, BlockFeature::k_anc_footer), 1);
  EXPECT_EQ(feature(footer, BlockFeature::k_ends_sentence), 1) << "a colon ends it";
  EXPECT_EQ(feature(footer, BlockFeature::k_after_kept), 1);
  EXPECT_DOUBLE_EQ(feature(footer, BlockFeature::k_outside_x_log_chars), std::log1p(10.0));
  EXPECT_TRUE(format_block_features(footer).starts_with("rule_outside=1 tag_text=1 anc_footer=1 log_chars="))
      << "zeros (kept, in_main, on_path) are left out: " << format_block_features(footer);
}

TEST(BlockModel, TextFormat) {
  BlockModel model;
  std::string error;
  // One tree: link density at least 0.5 -> -4, else +2.
  ASSERT_TRUE(parse_block_model(tiny_model(0, {index_of(BlockFeature::k_link_density) + " 0.5 2 -4"}), model, error))
      << error;
  BlockFeatureRow row{};
  EXPECT_NEAR(block_probability(model, row), 1 / (1 + std::exp(-2.0)), 1e-12);
  row[static_cast<size_t>(BlockFeature::k_link_density)] = 0.5;
  EXPECT_NEAR(block_probability(model, row), 1 / (1 + std::exp(4.0)), 1e-12);

  EXPECT_FALSE(parse_block_model("pith-block-model 1\nfeatures kept\n", model, error));
  EXPECT_NE(error.find("not this build's"), std::string::npos) << error;
  EXPECT_FALSE(parse_block_model(tiny_model(0, {"0 0.5 1"}), model, error)) << "a leaf missing";
  EXPECT_FALSE(parse_block_model("<html>", model, error));
}

TEST(BlockModel, BuiltInModelParses) {
  const BlockModel& model = builtin_block_model();
  EXPECT_EQ(model.depth, 3u);
  EXPECT_GE(model.nodes.size(), 7u * 10);
  EXPECT_EQ(model.leaves.size(), (model.nodes.size() / 7) * 8);
}

const std::string kBody = "<nav><a href=/>Home</a> <a href=/w>Weather</a></nav><article><h1>Rain at last</h1>" +
                          kProse + "</article><footer>Contact the newsroom</footer>";

TEST(BlockModel, OffByDefault) {
  EXPECT_FALSE(Options{}.block_model);
  const Extraction out = extract_page(page("<title>Rain</title>", kBody));
  EXPECT_NE(out.text.find("Rain at last"), std::string::npos);
  EXPECT_EQ(out.text.find("Contact the newsroom"), std::string::npos);
}

TEST(BlockModel, BlocksItDropsLeaveTheText) {
  // Keeps paragraphs only: the heading the rules kept goes, explained as block-model.
  const std::string model = tiny_model(0, {index_of(BlockFeature::k_tag_p) + " 0.5 -5 5"});
  Options opt;
  opt.block_model = true;
  opt.block_model_text = model;
  opt.explain = true;
  const Extraction out = extract_page(page("<title>Rain</title>", kBody), opt);
  EXPECT_EQ(out.text.find("Rain at last"), std::string::npos) << out.text;
  EXPECT_NE(out.text.find("Storms moved across the valley"), std::string::npos) << out.text;
  EXPECT_NE(out.text.find("schools in two villages"), std::string::npos) << out.text;
  bool explained = false;
  for (const Dropped& d : out.dropped) explained |= d.rule == "block-model" && d.element == "h1";
  EXPECT_TRUE(explained);
}

TEST(BlockModel, BlocksItKeepsJoinTheText) {
  // Keeps every block: the footer the rules left outside the container is text now.
  const std::string model = tiny_model(5, {});
  Options opt;
  opt.block_model = true;
  opt.block_model_text = model;
  const Extraction out = extract_page(page("<title>Rain</title>", kBody), opt);
  EXPECT_NE(out.text.find("Contact the newsroom"), std::string::npos) << out.text;
  EXPECT_NE(out.text.find("Rain at last"), std::string::npos) << out.text;
  EXPECT_LT(out.text.find("Rain at last"), out.text.find("Contact the newsroom")) << "page order";
}

TEST(BlockModel, TextThatIsNoModelLeavesTheRulesText) {
  Options opt;
  opt.block_model = true;
  opt.block_model_text = "not a model";
  const Extraction out = extract_page(page("<title>Rain</title>", kBody), opt);
  EXPECT_NE(out.text.find("Rain at last"), std::string::npos);
  bool warned = false;
  for (const std::string& w : out.warnings) warned |= w.starts_with("block model not used");
  EXPECT_TRUE(warned);
}

}  // namespace
}  // namespace pith
