// A date on a line of text, as YYYY-MM-DD: English month names (full or abbreviated, with or
// without a weekday, "March 21, 2023", "21 March 2023", "Mar. 21st, 2023"), ISO forms
// (2023-03-21, 2023/03/21, 2023-03-21T10:00), and day.month.year (21.03.2023). Ambiguous
// slashed forms (03/04/2023) are read as US month/day unless the first number is over 12.
#pragma once
#include <string>
#include <string_view>

namespace pith {

struct FoundDate {
  std::string ymd;      // YYYY-MM-DD, or empty when none
  size_t begin = 0;     // byte range of the date on the line
  size_t end = 0;
};

FoundDate find_date(std::string_view line);

}  // namespace pith
