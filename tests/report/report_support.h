// What the report tests share: pieces of a report's HTML by id, counts of substrings.
#pragma once
#include <string>
#include <string_view>

namespace pith::testing {

// The <svg> element with this id, up to its </svg> ("" when absent).
inline std::string svg_with_id(const std::string& html, std::string_view id) {
  size_t at = html.find("<svg class=\"chart\" id=\"" + std::string(id) + "\"");
  if (at == std::string::npos) return {};
  size_t end = html.find("</svg>", at);
  return html.substr(at, end == std::string::npos ? std::string::npos : end + 6 - at);
}

inline size_t count_of(std::string_view hay, std::string_view needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string_view::npos; at = hay.find(needle, at + needle.size())) ++n;
  return n;
}

}  // namespace pith::testing
