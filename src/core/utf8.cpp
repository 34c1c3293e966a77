#include "core/utf8.h"

#include <cstring>

#include <simdjson.h>

namespace pith {

size_t utf8_sequence_length(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  unsigned char c = p[i];
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;
  if (c < 0xE0) {
    if (i + 1 < n && (p[i + 1] & 0xC0) == 0x80) return 2;
    return 0;
  }
  if (c < 0xF0) {
    if (i + 2 >= n) return 0;
    unsigned char c1 = p[i + 1];
    if (c == 0xE0 && c1 < 0xA0) return 0;
    if (c == 0xED && c1 > 0x9F) return 0;  // surrogates
    if ((c1 & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80) return 0;
    return 3;
  }
  if (c < 0xF5) {
    if (i + 3 >= n) return 0;
    unsigned char c1 = p[i + 1];
    if (c == 0xF0 && c1 < 0x90) return 0;
    if (c == 0xF4 && c1 > 0x8F) return 0;
    if ((c1 & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80 || (p[i + 3] & 0xC0) != 0x80) return 0;
    return 4;
  }
  return 0;
}

// simdjson's validator (Keiser and Lemire 2021: whole blocks at a time with SIMD) accepts exactly
// the sequences that utf8_sequence_length() does; pages are mostly valid, so the test runs at
// memory speed instead of a step per non-ASCII character.
bool is_valid_utf8(std::string_view s) { return simdjson::validate_utf8(s.data(), s.size()); }

void repair_utf8(std::string_view s, std::string& out) {
  out.reserve(out.size() + s.size());
  size_t i = 0, n = s.size();
  while (i < n) {
    size_t len = utf8_sequence_length(s, i);
    if (len) {
      out.append(s.data() + i, len);
      i += len;
      continue;
    }
    out += "\xEF\xBF\xBD";
    // Skip the maximal subpart: the lead byte plus the continuation bytes that could follow it.
    ++i;
    unsigned char c = static_cast<unsigned char>(s[i - 1]);
    int expect = c >= 0xF0 && c < 0xF5 ? 3 : c >= 0xE0 && c < 0xF0 ? 2 : c >= 0xC2 && c < 0xE0 ? 1 : 0;
    for (int k = 0; k < expect && i < n; ++k) {
      unsigned char d = static_cast<unsigned char>(s[i]);
      if ((d & 0xC0) != 0x80) break;
      if (k == 0 && ((c == 0xE0 && d < 0xA0) || (c == 0xED && d > 0x9F) || (c == 0xF0 && d < 0x90) ||
                     (c == 0xF4 && d > 0x8F)))
        break;
      ++i;
    }
  }
}

char32_t utf8_decode(std::string_view s, size_t& i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  size_t len = utf8_sequence_length(s, i);
  if (len == 0) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

void utf8_append(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp <= 0x10FFFF) {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out += "\xEF\xBF\xBD";
  }
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace pith
