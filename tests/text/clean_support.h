// What pith clean's tests share: paragraphs of an article, the reason a line was dropped for,
// and whether text was kept.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "pith/clean.h"

namespace pith {

// The reason of the first dropped line that starts with line_start, or "kept".
inline std::string reason_of(const Cleaned& c, std::string_view line_start) {
  for (const auto& d : c.dropped)
    if (d.text.starts_with(line_start)) return d.reason;
  return "kept";
}

// Paragraphs of an article, each a line of prose.
inline const char* const kPara[] = {
    "The council met on Tuesday evening to discuss the new budget for the coming year, and the members agreed "
    "that the library would stay open on Sundays.",
    "Residents who spoke at the meeting said that the longer hours had made a real difference to their children, "
    "who use the reading rooms for homework after school.",
    "The mayor said that the cost of the extra hours would be met by savings in the parks department, where two "
    "vacant posts will not be filled this year.",
    "A final vote on the budget is expected next month, after a second public meeting at which residents can "
    "put their questions to the finance committee.",
    "Several members asked that the council publish the figures behind the savings before that meeting, so that "
    "residents could read them in advance.",
    "The clerk said the figures would be on the council website by the end of the week, together with the "
    "minutes of Tuesday's meeting.",
};

inline std::string paras(size_t from, size_t to) {
  std::string s;
  for (size_t i = from; i < to; ++i) s += std::string(kPara[i]) + "\n";
  return s;
}

inline bool kept(const Cleaned& c, std::string_view s) { return c.text.find(s) != std::string::npos; }

}  // namespace pith
