// Language identification: CLD2, and the optional fastText model given by path, loaded through
// fastText's own code from a tiny model trained here.
#include "text/lang.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "../io/fixtures.h"
#include "tiny_fasttext.h"

namespace pith {
namespace {

TEST(FastTextLanguage, TopLabelAndProbabilityOfATrainedModel) {
  testing::TempDir dir;
  auto m = FastTextLanguageModel::load(testing::train_tiny_language_model(dir.path()));
  ASSERT_TRUE(m) << m.error().message;
  LanguageGuess en = (*m)->detect("the children walked to the river\nand the garden was green");
  EXPECT_EQ(en.code, "en");  // "__label__" is stripped
  EXPECT_GT(en.score, 0.5);
  EXPECT_LE(en.score, 1.0);
  LanguageGuess de = (*m)->detect("die kinder gingen zum fluss\nund der garten war gruen");
  EXPECT_EQ(de.code, "de");
  EXPECT_GT(de.score, 0.5);
  // The score is fastText's probability, not CLD2's share of the text: a mixed text is unsure.
  LanguageGuess mixed = (*m)->detect("the house das haus");
  EXPECT_LT(mixed.score, en.score);
}

TEST(FastTextLanguage, OneModelSharedByThreadsGivesTheSameAnswers) {
  testing::TempDir dir;
  auto m = FastTextLanguageModel::load(testing::train_tiny_language_model(dir.path()));
  ASSERT_TRUE(m);
  std::vector<std::string> texts;
  for (const char* s : testing::kTinyEnglish) texts.emplace_back(s);
  for (const char* s : testing::kTinyGerman) texts.emplace_back(s);
  std::vector<LanguageGuess> expected;
  for (const auto& t : texts) expected.push_back((*m)->detect(t));
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round)
        for (size_t i = 0; i < texts.size(); ++i) {
          LanguageGuess g = (*m)->detect(texts[(i + t) % texts.size()]);
          const LanguageGuess& e = expected[(i + t) % texts.size()];
          if (g.code != e.code || g.score != e.score) ++mismatches[t];
        }
    });
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(mismatches[t], 0);
  EXPECT_EQ(expected[0].code, "en");
  EXPECT_EQ(expected.back().code, "de");
}

TEST(FastTextLanguage, MissingOrBrokenModelIsAClearError) {
  testing::TempDir dir;
  auto missing = FastTextLanguageModel::load(dir.file("no-such-model.bin"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message.rfind(dir.file("no-such-model.bin") + ": cannot load fastText model: ", 0), 0u)
      << missing.error().message;
  // A model cut short (a download that stopped) is refused, not half-loaded.
  std::string whole = testing::read_file(testing::train_tiny_language_model(dir.path()));
  for (size_t keep : {whole.size() / 2, size_t(20)}) {
    auto cut = FastTextLanguageModel::load(dir.write("cut.bin", whole.substr(0, keep)));
    EXPECT_FALSE(cut) << keep;
    if (!cut) EXPECT_NE(cut.error().message.find("cut.bin: cannot load fastText model: "), std::string::npos);
  }
  auto text = FastTextLanguageModel::load(dir.write("not-a-model.bin", "__label__en hello world\n"));
  ASSERT_FALSE(text);
  EXPECT_NE(text.error().message.find("not-a-model.bin: cannot load fastText model: "), std::string::npos)
      << text.error().message;
}

}  // namespace
}  // namespace pith

namespace pith {
namespace {

TEST(ScriptFit, ATextContradictsATagOnlyByItsScript) {
  const std::string english(40, 'a');
  const std::string han = "今天上午市气象台发布了寒潮预警预计未来三天全市气温将下降八到十度部分地区将出现大风和降雪天气";
  const std::string cyrillic = "Сегодня в городе было холодно и температура опустилась до минус десяти";
  EXPECT_EQ(script_fit("en", english, 2048), ScriptFit::kFits);
  EXPECT_EQ(script_fit("de", english, 2048), ScriptFit::kFits);  // same script: not this test's call
  EXPECT_EQ(script_fit("en", han, 2048), ScriptFit::kContradicts);
  EXPECT_EQ(script_fit("zh", han, 2048), ScriptFit::kFits);
  EXPECT_EQ(script_fit("ru", cyrillic, 2048), ScriptFit::kFits);
  EXPECT_EQ(script_fit("ru", english, 2048), ScriptFit::kContradicts);
  // Serbian is written in both scripts.
  EXPECT_EQ(script_fit("sr", english, 2048), ScriptFit::kFits);
  EXPECT_EQ(script_fit("sr", cyrillic, 2048), ScriptFit::kFits);
  // Under 20 letters says nothing; nor does the text past max_bytes.
  EXPECT_EQ(script_fit("en", "今天上午", 2048), ScriptFit::kFits);
  EXPECT_EQ(script_fit("en", english + han, 40), ScriptFit::kFits);
  EXPECT_EQ(script_fit("utf", english, 2048), ScriptFit::kUnknownLanguage);
}

}  // namespace
}  // namespace pith
