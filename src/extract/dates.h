// Dates as pages write them: for machines (ISO 8601, RFC 822, "2023/03/21", a date in a URL
// path) and for people ("March 21, 2023", "21. März 2023", "21 de marzo de 2023",
// "2023年3月21日", "21.03.2023", "03/21/2023"). Month names are a table per language
// (kMonthNames in dates.cpp); nothing here allocates except the caller's output vector.
//
//   Ymd d = parse_date("2023-03-21T10:00:00Z");           // d.iso() == "2023-03-21"
//   std::vector<DateHit> hits;
//   find_dates("Posted on Mar. 21st, 2023 by Ann", DayOrder::kMonthFirst, hits, 4);
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pith {

struct Ymd {
  int y = 0, m = 0, d = 0;
  bool ok() const { return y != 0; }
  std::string iso() const;  // "YYYY-MM-DD", empty when !ok()
  friend bool operator==(const Ymd&, const Ymd&) = default;
  friend auto operator<=>(const Ymd&, const Ymd&) = default;  // by year, month, day
};

// The dates a page can truly carry. None before 1995: the web had next to no dated pages
// before it (htmldate uses the same floor); none after the day the page was fetched (a date in
// the future is a scheduled event, a typo or a template's placeholder).
struct DateRange {
  Ymd earliest{1995, 1, 1};
  Ymd latest{2099, 12, 31};
  bool contains(const Ymd& d) const { return d.ok() && d >= earliest && d <= latest; }
};

// Today's date (UTC) from the system clock.
Ymd today_utc();

// How to read an all-numeric date whose first two fields could both be a month (03/04/2023):
// US English writes the month first, most other locales the day.
enum class DayOrder : uint8_t { kMonthFirst, kDayFirst };

// The order a page's language implies ("en-us", "en" and "" -> month first; "en-gb", "de", ...
// -> day first).
DayOrder day_order_for_lang(std::string_view lang);

// The first date in a value written for machines or people. Years outside 1900..2099 and
// impossible days (Feb 30) are rejected. Also reads compact "20230321" and Unix times.
Ymd parse_date(std::string_view s, DayOrder order = DayOrder::kMonthFirst);

struct DateHit {
  Ymd date;
  size_t begin = 0, end = 0;  // byte offsets of the match in the text
  // An all-numeric date whose day and month could be swapped (03/04/2023, 09.10.2024): read
  // in the page's order, but another date on the page may show the other reading is meant.
  bool swappable = false;
};

// The bytes a digit find_dates reads can start with: ASCII digits and the lead bytes of the
// Arabic, Persian, Devanagari, Bengali and full-width digits. A text without any of them holds
// no date (a cheap test before find_dates; the lead bytes are shared with letters, so it may
// pass texts that have none).
inline constexpr std::string_view kDigitFirstBytes = "0123456789\xD9\xDB\xE0\xEF";

// Appends up to `max` dates written for people found in free text (years 1970..2099).
void find_dates(std::string_view text, DayOrder order, std::vector<DateHit>& out, size_t max);

// Words that only make sense inside a date: a month's name or abbreviation (kMonthNames) or a
// weekday's ("Sat", "Montag", "jeudi"); for telling a date-like value ("Sat", "Jun 2") from a name.
bool is_month_or_weekday_name(std::string_view word);

// A date in a URL path: /2023/03/21/, /2023-03-21-slug, /20230321/, /2023/october/03/. Month-only paths
// (/2023/03/) give no date.
Ymd date_in_url(std::string_view url);

// What the words just before a date say it is. kOther: a date about something else
// ("Joined: Jul 2012", "Member since", "Last post", "Deadline").
enum class DateLabel : uint8_t { kNone, kPublished, kModified, kOther };
DateLabel label_before(std::string_view text_before);

}  // namespace pith
