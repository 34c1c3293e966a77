#include "extract/dates.h"

#include <gtest/gtest.h>

namespace pith {
namespace {

struct ParseCase {
  std::string_view in;
  std::string_view iso;  // "" when no date
  DayOrder order = DayOrder::kMonthFirst;
};

TEST(Dates, ParseDateTable) {
  const ParseCase cases[] = {
      // machine formats
      {"2023-03-21", "2023-03-21"},
      {"2023-03-21T10:15:00Z", "2023-03-21"},
      {"2023-03-21T22:15:00-07:00", "2023-03-21"},  // the date as written, no time zone shift
      {"  2023/3/7 ", "2023-03-07"},
      {"2023.12.17", "2023-12-17"},
      {"김수아 기자 2024. 5. 22. 08:37", "2024-05-22"},  // ko: each part closed by a dot
      {"2024. 05. 13.", "2024-05-13"},                 // hu
      {"2024. 5. 13 pages", ""},                       // the day's dot is missing: a list
      {"20230321", "2023-03-21"},
      {"1679400000", "2023-03-21"},     // Unix seconds
      {"1679400000000", "2023-03-21"},  // Unix milliseconds
      {"Tue, 21 Mar 2023 10:00:00 GMT", "2023-03-21"},
      // people's formats, English
      {"March 21, 2023", "2023-03-21"},
      {"Mar. 21st, 2023", "2023-03-21"},
      {"Dec 17th 2025", "2025-12-17"},
      {"21 March 2023", "2023-03-21"},
      {"21st of March, 2023", "2023-03-21"},
      {"19 Dec, 2025", "2025-12-19"},
      {"Friday, December 19, 2025", "2025-12-19"},
      {"Posted on Nov 21, 2018 by Ann", "2018-11-21"},
      // other languages
      {"21. März 2023", "2023-03-21"},
      {"3 février 2024", "2024-02-03"},
      {"1er mai 2024", "2024-05-01"},
      {"21 de marzo de 2023", "2023-03-21"},
      {"5 de março de 2022", "2022-03-05"},
      {"12 settembre 2021", "2021-09-12"},
      {"3 mei 2020", "2020-05-03"},
      {"21 марта 2023", "2023-03-21"},
      {"2023年3月21日", "2023-03-21"},
      {"2023년 3월 21일", "2023-03-21"},
      // issue 12, point 7: dates for people in the languages of multilingual news
      {"5 czerwca 2024", "2024-06-05"},  // Polish names starting with letters no other had
      {"17 września 2023", "2023-09-17"},
      {"5. března 2024", "2024-03-05"},  // cs
      {"Publikováno 1. Července 2024", "2024-07-01"},  // a capital beyond Latin-1 (Č)
      {"12. októbra 2022", "2022-10-12"},                // sk
      {"5. ožujka 2024.", "2024-03-05"},                 // hr
      {"5. avgust 2024.", "2024-08-05"},                 // sr
      {"14. marec 2024", "2024-03-14"},                  // sl
      {"5 martie 2024", "2024-03-05"},                   // ro
      {"2024. március 5.", "2024-03-05"},               // hu: year, month, day
      {"2023. szept. 30.", "2023-09-30"},
      {"5. maaliskuuta 2024", "2024-03-05"},            // fi
      {"5. märts 2024", "2024-03-05"},                  // et
      {"5 Maret 2024", "2024-03-05"},                   // id
      {"5 Ogos 2024", "2024-08-05"},                    // ms
      {"5 de març de 2024", "2024-03-05"},              // ca
      {"5 Μαρτίου 2024", "2024-03-05"},                 // el
      {"5 ΜΑΡΤΊΟΥ 2024", "2024-03-05"},                 // el, capitals with tonos
      {"5 березня 2024", "2024-03-05"},                 // uk
      {"5 септември 2024", "2024-09-05"},               // bg
      {"2024. 5 tanulmány", ""},                        // a year ending a sentence, no month
      {"الثلاثاء 5 مارس 2024", "2024-03-05"},           // ar
      {"12 أيلول 2023", "2023-09-12"},                  // ar, the Levant's name
      {"الأربعاء، 28 آب/اغسطس 2013، آخر تحديث", "2013-08-28"},  // ar, both names of the month
      {"5 كانون الثاني/يناير 2020", "2020-01-05"},      // ar, the Levant's two-word name and Egypt's
      {"15 تشرين الأول 2019", "2019-10-15"},            // ar, a two-word name alone
      {"28 آب/يناير 2013", ""},                          // two names of different months
      {"5 मार्च 2024", "2024-03-05"},                     // hi
      {"१३ मे २०२४", "2024-05-13"},                       // mr, Devanagari digits
      {"१३ मई २०२४", "2024-05-13"},                       // hi, Devanagari digits
      {"১৩ মে ২০২৪", "2024-05-13"},                        // bn, Bengali digits
      {"5 \u099C\u09BE\u09A8\u09C1\u09DF\u09BE\u09B0\u09BF 2024", "2024-01-05"},  // bn, য় as one code point
      {"5 \u099C\u09BE\u09A8\u09C1\u09AF\u09BC\u09BE\u09B0\u09BF 2024", "2024-01-05"},  // bn, য + nukta
      {"اتوار 12 مئی 2024", "2024-05-12"},               // ur
      {"5 במרץ 2024", "2024-03-05"},                    // he
      {"الثلاثاء ٥ مارس ٢٠٢٤", "2024-03-05"},           // Arabic digits
      {"٠٥/٠٣/٢٠٢٤", "2024-03-05", DayOrder::kDayFirst},
      {"２０２４年３月５日", "2024-03-05"},             // full-width digits
      {"۱۴۰۲/۱۲/۱۵", ""},  // Persian digits, a Solar Hijri year: not a Gregorian date
      {"5 มีนาคม 2567", "2024-03-05"},                  // th, a year of the Buddhist era
      {"12 พฤศจิกายน 2023", "2023-11-12"},              // th, a Gregorian year
      {"5 March 2567", ""},                              // only Thai dates count that way
      // all-numeric, ambiguous and not
      {"03/04/2023", "2023-03-04"},
      {"03/04/2023", "2023-04-03", DayOrder::kDayFirst},
      {"13/11/2025", "2025-11-13"},  // 13 cannot be a month
      {"11/13/2025", "2025-11-13", DayOrder::kDayFirst},
      {"21.03.2023", "2023-03-21"},  // dots: day first
      {"11-29-2024, 09:03 AM", "2024-11-29"},
      // not dates
      {"", ""},
      {"2023", ""},
      {"March 2023", ""},
      {"February 30, 2023", ""},
      {"2023-13-01", ""},
      {"version 1.2.3", ""},
      {"call 555-1234", ""},
      {"February 29, 2023", ""},
      {"February 29, 2024", "2024-02-29"},
  };
  for (const auto& c : cases) EXPECT_EQ(parse_date(c.in, c.order).iso(), c.iso) << c.in;
}

TEST(Dates, FindDatesInText) {
  std::vector<DateHit> hits;
  std::string_view text = "By Ann Lee · Published Jan 5, 2024 · Updated 2024-02-01 · 5 min read";
  find_dates(text, DayOrder::kMonthFirst, hits, 4);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].date.iso(), "2024-01-05");
  EXPECT_EQ(text.substr(hits[0].begin, hits[0].end - hits[0].begin), "Jan 5, 2024");
  EXPECT_EQ(hits[1].date.iso(), "2024-02-01");

  hits.clear();
  find_dates("no dates here, only 12 things and the year 2023", DayOrder::kMonthFirst, hits, 4);
  EXPECT_TRUE(hits.empty());

  hits.clear();
  find_dates("1/2/2020 3/4/2021 5/6/2022", DayOrder::kMonthFirst, hits, 2);  // max is respected
  EXPECT_EQ(hits.size(), 2u);
}

// Issue 12, class 7: an all-numeric date whose day and month could be swapped says so, for a
// date elsewhere on the page to settle its order.
TEST(Dates, SwappableNumericDates) {
  std::vector<DateHit> hits;
  find_dates("09.10.2024 | 13/10/2024 | 2024-09-10 | 10/10/2024 | Sep 10, 2024", DayOrder::kDayFirst, hits, 8);
  ASSERT_EQ(hits.size(), 5u);
  EXPECT_TRUE(hits[0].swappable);
  EXPECT_EQ(hits[0].date.iso(), "2024-10-09");
  EXPECT_FALSE(hits[1].swappable);  // 13 can only be the day
  EXPECT_FALSE(hits[2].swappable);  // ISO order is fixed
  EXPECT_FALSE(hits[3].swappable);  // both readings agree
  EXPECT_FALSE(hits[4].swappable);
}

TEST(Dates, DateInUrl) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"https://example.com/2023/03/21/some-story/", "2023-03-21"},
      {"https://example.com/news/2023-03-21-some-story", "2023-03-21"},
      {"https://example.com/blog/20230321/story.html", "2023-03-21"},
      {"https://example.com/2023/03/some-story/", ""},  // month only
      {"https://example.com/story/2024/5/13/some-story", "2024-05-13"},  // one-digit folders
      {"https://example.com/blog/2025/6/9", "2025-06-09"},
      {"https://example.com/t/2024-4-4-upgrade-fails/12", ""},  // a version in a slug
      {"https://example.com/2024/5/some-story/", ""},           // month only
      {"https://example.com/2024/5/123/", ""},                  // not a day
      {"https://example.com/blog/2023/october/03/some-story/", "2023-10-03"},  // the month's name
      {"https://example.com/blog/2023/Okt/3", "2023-10-03"},
      {"https://example.com/blog/2023/october/some-story/", ""},  // month only
      {"https://example.com/blog/2023/sale/03/", ""},             // not a month
      {"https://example.com/blog/2023/may/03-tips/", ""},         // a slug, not a day
      {"https://example.com/p/123456789/", ""},
      {"https://example.com/?date=2023-03-21", ""},  // query, not path
      {"https://2023.example.com/10/11/", ""},
      {"not a url", ""},
  };
  for (const auto& [url, iso] : cases) EXPECT_EQ(date_in_url(url).iso(), iso) << url;
}

TEST(Dates, LabelBefore) {
  const std::pair<std::string_view, DateLabel> cases[] = {
      {"Posts: 4032 Founded: ", DateLabel::kOther},
      {"Published on ", DateLabel::kPublished},
      {"Posted by Ann on ", DateLabel::kPublished},
      {"Last updated: ", DateLabel::kModified},
      {"Published May 1 · Updated ", DateLabel::kModified},  // the nearest label wins
      {"Joined: ", DateLabel::kOther},
      {"Member since ", DateLabel::kOther},
      {"Veröffentlicht am ", DateLabel::kPublished},
      {"Mis à jour le ", DateLabel::kModified},
      {"Publisert 13.05.2024 12:52 Oppdatert ", DateLabel::kModified},  // no
      {"Publisert ", DateLabel::kPublished},
      {"Uppdaterad ", DateLabel::kModified},                          // sv
      {"Opdateret ", DateLabel::kModified},                           // da
      {"Cập nhật lúc ", DateLabel::kModified},                        // vi
      {"প্রকাশিত: ", DateLabel::kPublished},                           // bn
      {"আপডেট: ", DateLabel::kModified},
      {"شائع ", DateLabel::kPublished},                               // ur
      {"اپ ڈیٹ ", DateLabel::kModified},
      {"Opublikowano: ", DateLabel::kPublished},
      {"Опубликовано ", DateLabel::kPublished},
      {"Обновлено: ", DateLabel::kModified},
      {"Güncellenme: ", DateLabel::kModified},
      {"发布时间：", DateLabel::kPublished},
      {"发表于 ", DateLabel::kPublished},
      {"最后发表于 ", DateLabel::kOther},  // a thread list's last post, not the page's
      {"更新日：", DateLabel::kModified},
      {"登录 注册 软唐 ", DateLabel::kNone},  // the site's Log in / Register links
      {"注册时间 ", DateLabel::kOther},
      {"작성일 ", DateLabel::kPublished},
      {"Aktualizováno: ", DateLabel::kModified},
      {"Közzétéve: ", DateLabel::kPublished},
      {"Frissítve: ", DateLabel::kModified},
      {"Julkaistu ", DateLabel::kPublished},
      {"Päivitetty ", DateLabel::kModified},
      {"Diperbarui ", DateLabel::kModified},
      {"Objavljeno: ", DateLabel::kPublished},
      {"Ažurirano: ", DateLabel::kModified},
      {"Publicat: ", DateLabel::kPublished},
      {"Actualizat: ", DateLabel::kModified},
      {"Δημοσίευση: ", DateLabel::kPublished},
      {"Ενημέρωση: ", DateLabel::kModified},
      {"Опубліковано ", DateLabel::kPublished},
      {"Оновлено ", DateLabel::kModified},
      {"Обновено: ", DateLabel::kModified},
      {"تاريخ النشر: ", DateLabel::kPublished},
      {"آخر تحديث: ", DateLabel::kModified},
      {"प्रकाशित: ", DateLabel::kPublished},
      {"עודכן: ", DateLabel::kModified},
      {"เผยแพร่: ", DateLabel::kPublished},
      {"อัปเดต: ", DateLabel::kModified},
      {"By Ann Lee · ", DateLabel::kNone},
      {"", DateLabel::kNone},
  };
  for (const auto& [text, label] : cases) EXPECT_EQ(label_before(text), label) << text;
}

TEST(Dates, DayOrderForLang) {
  EXPECT_EQ(day_order_for_lang(""), DayOrder::kMonthFirst);
  EXPECT_EQ(day_order_for_lang("en-US"), DayOrder::kMonthFirst);
  EXPECT_EQ(day_order_for_lang("en"), DayOrder::kMonthFirst);
  EXPECT_EQ(day_order_for_lang("en-GB"), DayOrder::kDayFirst);
  EXPECT_EQ(day_order_for_lang("de"), DayOrder::kDayFirst);
}

TEST(Dates, LongAndHostileInputStayBounded) {
  std::string big(1 << 20, '1');  // a megabyte of digits
  std::vector<DateHit> hits;
  find_dates(big, DayOrder::kMonthFirst, hits, 4);
  EXPECT_TRUE(hits.empty());
  std::string many;
  for (int i = 0; i < 10000; ++i) many += "March 21, 2023 ";
  hits.clear();
  find_dates(many, DayOrder::kMonthFirst, hits, 3);
  EXPECT_EQ(hits.size(), 3u);
  EXPECT_EQ(parse_date(many).iso(), "2023-03-21");
}

}  // namespace
}  // namespace pith
