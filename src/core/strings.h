// String helpers shared by every stage: ASCII case, whitespace, tokens.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace pith {

inline bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
std::string ascii_lowercase(std::string_view s);
// Appends s lower-cased (ASCII) to out, without a string of its own (for keys built per element).
void append_lowercase(std::string& out, std::string_view s);
bool iequals(std::string_view a, std::string_view b);
bool istarts_with(std::string_view s, std::string_view prefix);
// Does s hold any of the parts (a named table of marks or formulas)?
template <size_t N>
bool contains_any(std::string_view s, const std::string_view (&parts)[N]) {
  for (std::string_view p : parts)
    if (s.find(p) != std::string_view::npos) return true;
  return false;
}
// Case-insensitive ASCII substring search.
size_t ifind(std::string_view hay, std::string_view needle, size_t from = 0);
// contains_any, ASCII case ignored.
template <size_t N>
bool icontains_any(std::string_view s, const std::string_view (&parts)[N]) {
  for (std::string_view p : parts)
    if (ifind(s, p) != std::string_view::npos) return true;
  return false;
}
std::string_view trim(std::string_view s);
// Collapses runs of Unicode white space (ASCII space, NBSP, U+2000..U+200B, U+3000...) to
// one ASCII space and trims the ends.
std::string collapse_whitespace(std::string_view s);

// White space as collapse_whitespace sees it: ASCII space, NBSP, the Unicode space separators.
bool is_unicode_space(char32_t cp);
// Splits on any character in seps, dropping empty pieces.
std::vector<std::string_view> split_any(std::string_view s, std::string_view seps);

}  // namespace pith
