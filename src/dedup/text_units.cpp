#include "dedup/text_units.h"

#include "core/strings.h"

namespace pith {

namespace {

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Closing quotes and brackets that may follow a sentence's final mark: ASCII, and the UTF-8 of
// ” ’ » (3 or 2 bytes) checked by their lead bytes below.
bool is_closer(std::string_view s, size_t i, size_t& len) {
  const char c = s[i];
  if (c == '"' || c == '\'' || c == ')' || c == ']') {
    len = 1;
    return true;
  }
  if (s.substr(i, 3) == "\xE2\x80\x9D" || s.substr(i, 3) == "\xE2\x80\x99") {
    len = 3;
    return true;
  }
  if (s.substr(i, 2) == "\xC2\xBB") {
    len = 2;
    return true;
  }
  return false;
}

// Length of a sentence mark at i: . ! ? (1), … (3); the full-width 。！？ end a sentence without
// a space after them (wide), the others need one.
size_t mark_at(std::string_view s, size_t i, bool& wide) {
  wide = false;
  const char c = s[i];
  if (c == '.' || c == '!' || c == '?') return 1;
  if (s.substr(i, 3) == "\xE2\x80\xA6") return 3;  // …
  if (s.substr(i, 3) == "\xE3\x80\x82" || s.substr(i, 3) == "\xEF\xBC\x81" || s.substr(i, 3) == "\xEF\xBC\x9F") {
    wide = true;  // 。 ！ ？
    return 3;
  }
  return 0;
}

}  // namespace

void paragraphs(std::string_view text, std::vector<TextUnit>& out) {
  out.clear();
  uint32_t line = 0;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      out.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(i), line++});
      start = i + 1;
    }
  }
}

void sentences(std::string_view text, std::vector<TextUnit>& out) {
  out.clear();
  std::vector<TextUnit> lines;
  paragraphs(text, lines);
  for (const TextUnit& l : lines) {
    std::string_view s = text.substr(l.begin, l.end - l.begin);
    size_t start = 0;
    while (start < s.size() && is_space_byte(s[start])) ++start;
    size_t i = start;
    while (i < s.size()) {
      bool wide;
      size_t m = mark_at(s, i, wide);
      if (!m) {
        ++i;
        continue;
      }
      size_t j = i + m;
      while (j < s.size()) {  // more marks ("?!", "...") and closers
        bool w2;
        size_t m2 = mark_at(s, j, w2), cl;
        if (m2) j += m2;
        else if (is_closer(s, j, cl)) j += cl;
        else break;
      }
      if (!wide && j < s.size() && !is_space_byte(s[j])) {
        i = j;
        continue;  // "3.5", "e.g.x": not the end of a sentence
      }
      while (j < s.size() && is_space_byte(s[j])) ++j;
      out.push_back({static_cast<uint32_t>(l.begin + start), static_cast<uint32_t>(l.begin + j), l.line});
      start = i = j;
    }
    if (start < s.size()) out.push_back({static_cast<uint32_t>(l.begin + start), l.end, l.line});
  }
}

void rebuild_without(std::string_view text, const std::vector<TextUnit>& units, const std::vector<char>& removed,
                     std::string& out) {
  out.clear();
  std::string line;
  size_t i = 0;
  while (i < units.size()) {
    const uint32_t ln = units[i].line;
    line.clear();
    for (; i < units.size() && units[i].line == ln; ++i)
      if (!removed[i]) line.append(text.substr(units[i].begin, units[i].end - units[i].begin));
    std::string_view kept = trim(line);
    if (kept.empty()) continue;
    if (!out.empty()) out.push_back('\n');
    out.append(kept);
  }
}

}  // namespace pith
