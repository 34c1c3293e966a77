// json_escape and json_escape_valid_utf8 against a byte-by-byte reference, on strings that put
// every kind of byte at every position of the eight-byte fast path.
#include "core/json_writer.h"

#include <gtest/gtest.h>

#include <random>

#include "core/utf8.h"

namespace pith {
namespace {

std::string reference(std::string_view s, bool check_utf8) {
  static const char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const size_t n = check_utf8 ? utf8_sequence_length(s, i) : 1;
      if (n == 0) {
        out += "\\ufffd";
        ++i;
      } else {
        out.append(s.substr(i, n));
        i += n;
      }
      continue;
    }
    if (c == '"') out += "\\\"";
    else if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c == '\b') out += "\\b";
    else if (c == '\f') out += "\\f";
    else if (c < 0x20 || c == 0x7F) out += std::string("\\u00") + kHex[c >> 4] + kHex[c & 15];
    else out.push_back(static_cast<char>(c));
    ++i;
  }
  return out + "\"";
}

TEST(JsonEscape, MatchesTheReferenceOnEveryByteAtEveryPosition) {
  const std::string special = std::string("\"\\\n\r\t\b\f\x01\x1f\x7f", 10) + "\xc3\xa9" + "\xe2\x80\x99" + "\xff";
  for (size_t len = 0; len < 20; ++len) {
    for (size_t pos = 0; pos < len; ++pos) {
      for (char sp : special) {
        std::string s(len, 'a');
        s[pos] = sp;
        std::string fast;
        json_escape(s, fast);
        EXPECT_EQ(fast, reference(s, true)) << "len " << len << " pos " << pos;
      }
    }
  }
}

TEST(JsonEscape, RandomStrings) {
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    std::string s(rng() % 40, ' ');
    for (char& c : s) c = static_cast<char>(rng() % 4 == 0 ? rng() % 256 : 'a' + rng() % 26);
    std::string fast;
    json_escape(s, fast);
    ASSERT_EQ(fast, reference(s, true));
    // Valid UTF-8 only: the repaired string.
    std::string valid;
    for (size_t i = 0; i < s.size();) {
      const size_t n = static_cast<unsigned char>(s[i]) < 0x80 ? 1 : utf8_sequence_length(s, i);
      if (n == 0) {
        valid += "\xef\xbf\xbd";
        ++i;
      } else {
        valid.append(s, i, n);
        i += n;
      }
    }
    std::string fast_valid;
    json_escape_valid_utf8(valid, fast_valid);
    ASSERT_EQ(fast_valid, reference(valid, false));
  }
}

}  // namespace
}  // namespace pith
