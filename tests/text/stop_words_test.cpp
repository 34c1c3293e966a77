// Stop words per language (src/text/stop_words.h): stop_word_fit tells whether a text's function
// words are its language tag's or another table's.
#include <gtest/gtest.h>

#include <string>

#include "text/stop_words.h"

namespace pith {
namespace {

const std::string kEnglish =
    "The council met on Tuesday to discuss the new budget for the libraries of the town, and it agreed to keep "
    "them open on Sundays. Residents who spoke at the meeting said that the libraries were among the few quiet "
    "places left in the town, and that they would come to the next meeting as well.";
const std::string kFrench =
    "Le conseil s'est réuni mardi pour discuter du nouveau budget des bibliothèques de la ville, et il a décidé "
    "de les ouvrir aussi le dimanche. Les habitants qui ont pris la parole ont dit que les bibliothèques sont "
    "parmi les rares lieux calmes de la ville, et qu'ils seront présents à la prochaine réunion.";

TEST(StopWordFit, ATextFitsItsOwnLanguage) {
  EXPECT_EQ(stop_word_fit("en", kEnglish, 2048), StopWordFit::kFits);
  EXPECT_EQ(stop_word_fit("fr", kFrench, 2048), StopWordFit::kFits);
}

TEST(StopWordFit, AnotherLanguagesStopWordsContradictTheTag) {
  EXPECT_EQ(stop_word_fit("en", kFrench, 2048), StopWordFit::kContradicts);
  EXPECT_EQ(stop_word_fit("fr", kEnglish, 2048), StopWordFit::kContradicts);
  EXPECT_EQ(stop_word_fit("de", kEnglish, 2048), StopWordFit::kContradicts);
}

TEST(StopWordFit, ShortTextsAndLanguagesWithoutATableSayNothing) {
  EXPECT_EQ(stop_word_fit("en", "Le conseil s'est réuni mardi.", 2048), StopWordFit::kFits);
  EXPECT_EQ(stop_word_fit("en", kFrench, 60), StopWordFit::kFits);  // past max_bytes is not read
  EXPECT_EQ(stop_word_fit("nb", kEnglish, 2048), StopWordFit::kUnknownLanguage);
}

}  // namespace
}  // namespace pith
