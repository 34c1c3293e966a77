// The page's language (metadata.h settle_language): the markup's tag, else CLD2 on the main text,
// and the text overrules a tag only where the tag is no language, its script is wrong, or the
// text's stop words are another language's (text/stop_words.h stop_word_fit).
#include <gtest/gtest.h>

#include "pages.h"
#include "pith/extract.h"

namespace pith {
namespace {

using testing::extract_page;
using testing::kProse;

const std::string kRussian =
    "<p>Сегодня в городе было холодно, температура опустилась до минус десяти градусов. Синоптики "
    "обещают, что к выходным станет ещё холоднее, и советуют жителям одеваться теплее.</p><p>Городские "
    "службы готовятся к снегопаду и рассказывают, какие улицы будут очищены в первую очередь.</p>";
const std::string kChinese =
    "<p>今天上午，市气象台发布了寒潮预警。预计未来三天全市气温将下降八到十度，部分地区将出现大风和降雪天气。"
    "气象部门提醒市民注意防寒保暖，出行时注意交通安全。</p><p>市交通部门表示，已经安排除雪车辆在主要道路待命，"
    "地铁和公交将根据天气情况适当延长运营时间。学校也将视情况调整上课时间。</p>";
const std::string kNorwegian =
    "<p>Regnet kom endelig til dalen på tirsdag, og bøndene sier at det var på høy tid. Elva steg med en halv "
    "meter i løpet av natten, og flere veier ble stengt.</p><p>Kommunen ber bilister om å unngå de lave veiene "
    "langs elva til vannet har sunket, og to skoler holdt stengt hele dagen.</p>";

const std::string kGerman =
    "<p>Am Dienstag zog ein Gewitter über das Tal, und auf den Feldern fiel endlich der Regen, auf den die "
    "Bauern seit Monaten gewartet hatten. Für die frühe Ernte kam er zu spät, aber er wird der Ernte im Herbst "
    "helfen.</p><p>Die Behörden warnten die Autofahrer vor den tiefen Straßen am Fluss, und in zwei Dörfern "
    "blieben die Schulen den ganzen Tag geschlossen, weil der Fluss über Nacht um einen halben Meter stieg.</p>";

std::string html_with(std::string_view html_attrs, std::string_view head, std::string_view body) {
  return "<!doctype html><html" + std::string(html_attrs) + "><head><meta charset=\"utf-8\">" + std::string(head) +
         "</head><body><article><h1>Headline</h1>" + std::string(body) + "</article></body></html>";
}

// The lang and lang_source of a page.
void expect_lang(const std::string& html, std::string_view lang, std::string_view source) {
  const Extraction e = extract_page(html);
  EXPECT_EQ(e.lang, lang) << html;
  EXPECT_EQ(e.lang_source, source) << html;
}

TEST(Language, TheMarkupTagStandsWhereTheTextFitsIt) {
  expect_lang(html_with(R"( lang="en-GB")", "", kProse), "en", "html");
  expect_lang(html_with("", R"(<meta http-equiv="content-language" content="ru">)", kRussian), "ru", "meta");
}

TEST(Language, APageThatNamesNoneGetsTheLanguageOfItsText) {
  expect_lang(html_with("", "", kRussian), "ru", "detected");
  expect_lang(html_with(R"( lang="und")", "", kProse), "en", "detected");
}

TEST(Language, TooLittleTextNamesNoLanguage) {
  expect_lang(html_with("", "", "<p>OK, thanks.</p>"), "", "");
}

TEST(Language, ATagInTheWrongScriptYieldsToTheText) {
  // A site template's lang="en" on a Chinese article.
  expect_lang(html_with(R"( lang="en")", "", kChinese), "zh", "detected");
  // A Cyrillic-script tag on an English text.
  expect_lang(html_with(R"( lang="ru")", "", kProse), "en", "detected");
}

TEST(Language, ATagThatIsNoLanguageYieldsToTheText) {
  // A charset written where the language belongs.
  expect_lang(html_with("", R"(<meta name="language" content="utf-8">)", kProse), "en", "detected");
}

TEST(Language, ATagInTheTextsScriptStandsWhereItsStopWordsDoNotContradictIt) {
  // Same script and no stop-word table of its own to check it by: the page knows better than a
  // detector (CLD2 confuses close languages).
  expect_lang(html_with(R"( lang="nb")", "", kNorwegian), "nb", "html");
  // An English text with a few German words stays English.
  expect_lang(html_with(R"( lang="en")", "", kProse + "<p>The sign read: Die Straße ist gesperrt.</p>"), "en",
              "html");
}

TEST(Language, ATagWhoseStopWordsTheTextLacksYieldsToTheText) {
  // A template's lang="en" on a German article, and a German site's lang="de" on an English one:
  // the text holds another table's function words three to one against the tag's own.
  expect_lang(html_with(R"( lang="en")", "", kGerman), "de", "detected");
  expect_lang(html_with(R"( lang="de")", "", kProse), "en", "detected");
}

TEST(Language, TheHttpContentLanguageHeaderNamesItWhereTheMarkupNamesNone) {
  Extractor ex;
  auto from_http = ex.extract(html_with("", "", kRussian), PageInfo{.language = "ru-RU"});
  ASSERT_TRUE(from_http.ok());
  EXPECT_EQ(from_http->lang, "ru");
  EXPECT_EQ(from_http->lang_source, "http");
  // The markup's own tag comes first, as in a browser.
  auto from_markup = ex.extract(html_with(R"( lang="en")", "", kProse), PageInfo{.language = "de"});
  ASSERT_TRUE(from_markup.ok());
  EXPECT_EQ(from_markup->lang_source, "html");
  // A header in the wrong script yields to the text, as a tag does.
  auto wrong = ex.extract(html_with("", "", kChinese), PageInfo{.language = "en"});
  ASSERT_TRUE(wrong.ok());
  EXPECT_EQ(wrong->lang, "zh");
}

TEST(Language, WithdrawnCodesAreRenamed) {
  expect_lang(html_with(R"( lang="in")", "", kProse), "id", "html");
}

}  // namespace
}  // namespace pith
