// C4's bad-words rule (filter/badwords.h) with a small test list, and the options of
// make_recipe / run_pipeline that bring a list or a fastText language model in.
#include "filter/badwords.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "../io/fixtures.h"
#include "../text/tiny_fasttext.h"
#include "pipeline/run.h"
#include "pipeline/stage.h"
#include "run_support.h"

namespace pith {
namespace {

TEST(BadWords, WholeWordsAndPhrasesInAnyCase) {
  BadWords b({"foo", "bar baz", "  ", "Qux!"});
  EXPECT_EQ(b.size(), 3u);  // blank entries are skipped
  FilterScratch s;
  struct Case {
    const char* text;
    const char* found;
  };
  for (const Case& c : std::vector<Case>{
           {"foo", "foo"},
           {"a Foo b", "foo"},
           {"line one\nFOO.", "foo"},
           {"(foo)", "foo"},
           {"food and buffoon", ""},       // not a whole word
           {"foo_bar", ""},                // "_" is a word character (Python's \w)
           {"foo2", ""},                   // so are digits
           {"fooé", ""},                   // and letters of any script
           {"é foo é", "foo"},
           {"bar and baz", ""},
           {"a BAR BAZ b", "bar baz"},     // a phrase
           {"bar bazooka", ""},
           {"bar  baz", ""},               // phrases match byte for byte
           {"well, qux! then", "qux!"},    // punctuation in an entry
           {"", ""},
       }) {
    EXPECT_EQ(b.find(c.text, s), c.found) << c.text;
    EXPECT_EQ(b.check(c.text, s), std::string_view(*c.found ? "c4_badwords" : "")) << c.text;
  }
  BadWords german({"ÄRGER"});  // lowercased with Unicode case mapping
  EXPECT_EQ(german.find("kein ärger hier", s), "ärger");
}

TEST(BadWords, ListFromAFile) {
  testing::TempDir dir;
  auto b = BadWords::load(dir.write("list.txt", "foo\r\nbar baz\n\n"));
  ASSERT_TRUE(b) << b.error().message;
  EXPECT_EQ(b->size(), 2u);
  auto missing = BadWords::load(dir.file("none.txt"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message.rfind(dir.file("none.txt") + ": cannot read bad-words list", 0), 0u);
  auto empty = BadWords::load(dir.write("empty.txt", "\n \n"));
  ASSERT_FALSE(empty);
  EXPECT_NE(empty.error().message.find("no entries"), std::string::npos);
}

std::vector<std::string> stage_names(const Recipe& r) {
  std::vector<std::string> names;
  for (const auto& s : r.stages) names.emplace_back(s->name());
  return names;
}

TEST(Recipes, C4BadWordsRuleIsSkippedWithoutAList) {
  auto without = make_recipe("c4");
  ASSERT_TRUE(without);
  EXPECT_EQ(stage_names(*without), (std::vector<std::string>{"language", "c4_quality"}));
  ASSERT_EQ(without->skipped_rules.size(), 1u);
  EXPECT_EQ(without->skipped_rules[0].first, "c4_badwords");
  EXPECT_EQ(without->language_model, "cld2");

  testing::TempDir dir;
  RecipeOptions o;
  o.badwords_path = dir.write("list.txt", "foo\n");
  auto with = make_recipe("c4", o);
  ASSERT_TRUE(with);
  EXPECT_EQ(stage_names(*with), (std::vector<std::string>{"language", "c4_quality", "c4_badwords"}));
  EXPECT_TRUE(with->skipped_rules.empty());
  // FineWeb does not use the rule, and does not report it skipped.
  auto fineweb = make_recipe("fineweb");
  ASSERT_TRUE(fineweb);
  EXPECT_TRUE(fineweb->skipped_rules.empty());

  o.badwords_path = dir.file("missing.txt");
  auto bad = make_recipe("c4", o);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("missing.txt: cannot read bad-words list"), std::string::npos);
}

std::string jsonl_line(const std::string& id, const std::string& text) {
  return "{\"id\":\"" + id + "\",\"url\":\"https://t.example/" + id + "\",\"text\":\"" + text + "\"}\n";
}

RunOptions text_run(const std::string& in, const std::string& out) {
  RunOptions o;
  o.inputs = testing::input_files({in});
  o.output_dir = out;
  o.format = "jsonl";
  o.recipe = "none";
  o.clean_text = false;  // the texts as they are
  o.threads = 2;
  return o;
}

TEST(Run, BadWordsListDropsDocumentsAsC4Badwords) {
  testing::TempDir dir;
  std::string in = dir.write("in/t.jsonl", jsonl_line("a", "A clean text about the weather.") +
                                               jsonl_line("b", "The FOO of the town.") +
                                               jsonl_line("c", "Food and buffoons are fine.") +
                                               jsonl_line("d", "He said: bar baz!") +
                                               jsonl_line("e", "A bar, a baz."));
  RunOptions o = text_run(in, dir.file("out"));
  o.recipe_options.badwords_path = dir.write("list.txt", "foo\nbar baz\n");
  auto r = run_pipeline(o);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->stats.records, 5u);
  EXPECT_EQ(r->stats.written, 3u);
  EXPECT_EQ(r->stats.stages.at("c4_badwords").dropped.at("c4_badwords"), 2u);
  EXPECT_EQ(r->stats.records, r->stats.written + r->stats.rejected);
  std::string out = testing::read_file(dir.file("out/t.jsonl.jsonl"));
  EXPECT_EQ(out.find("\"b\""), std::string::npos);
  EXPECT_EQ(out.find("\"d\""), std::string::npos);
  EXPECT_NE(out.find("buffoons"), std::string::npos);
  std::string stats = testing::read_file(dir.file("out/stats.json"));
  EXPECT_NE(stats.find("\"c4_badwords/c4_badwords\":2"), std::string::npos) << stats;
  EXPECT_NE(stats.find("\"badwords_file\":"), std::string::npos) << stats;
}

TEST(Run, C4RecipeWithoutAListSaysTheRuleWasSkipped) {
  testing::TempDir dir;
  std::string in = dir.write("in/t.jsonl", jsonl_line("a", "Some text."));
  RunOptions o = text_run(in, dir.file("out"));
  o.recipe = "c4";
  auto r = run_pipeline(o);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->skipped_rules.size(), 1u);
  EXPECT_EQ(r->skipped_rules[0].first, "c4_badwords");
  std::string stats = testing::read_file(dir.file("out/stats.json"));
  EXPECT_NE(stats.find("\"skipped_rules\":{\"c4_badwords\":\"no bad-words list given"), std::string::npos) << stats;
  EXPECT_NE(stats.find("\"recipe_version\":\"2\""), std::string::npos) << stats;
}

TEST(Run, FastTextModelGivesLangAndLangScore) {
  testing::TempDir dir;
  std::string model = testing::train_tiny_language_model(dir.path());
  std::string in = dir.write("in/t.jsonl", jsonl_line("en1", "the children walked to the river\\nand the garden was green") +
                                               jsonl_line("de1", "die kinder gingen zum fluss\\nund der garten war gruen") +
                                               jsonl_line("en2", "my father gave me the book in the morning"));
  RunOptions o = text_run(in, dir.file("out"));
  o.recipe_options.lang_model_path = model;
  o.recipe_options.languages_set = true;
  o.recipe_options.languages = {"de"};
  o.recipe_options.lang_threshold = 0.5;
  auto r = run_pipeline(o);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->stats.records, 3u);
  EXPECT_EQ(r->stats.written, 1u);
  EXPECT_EQ(r->stats.stages.at("language").dropped.at("other_language"), 2u);
  std::string out = testing::read_file(dir.file("out/t.jsonl.jsonl"));
  EXPECT_NE(out.find("\"id\":\"de1\""), std::string::npos) << out;
  EXPECT_NE(out.find("\"lang\":\"de\""), std::string::npos) << out;
  std::string stats = testing::read_file(dir.file("out/stats.json"));
  EXPECT_NE(stats.find("\"language_model\":\"fasttext:" + model + "\""), std::string::npos) << stats;
}

TEST(Run, MissingFastTextModelFailsBeforeAnyOutput) {
  testing::TempDir dir;
  std::string in = dir.write("in/t.jsonl", jsonl_line("a", "Some text."));
  RunOptions o = text_run(in, dir.file("out"));
  o.recipe_options.lang_model_path = dir.file("lid.176.bin");
  auto r = run_pipeline(o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message.rfind(dir.file("lid.176.bin") + ": cannot load fastText model: ", 0), 0u)
      << r.error().message;
  EXPECT_FALSE(std::filesystem::exists(dir.file("out")));
}

}  // namespace
}  // namespace pith
