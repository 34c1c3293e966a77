#include "core/utf8.h"

#include <gtest/gtest.h>

#include <cstring>
#include <memory>

#include "core/json_writer.h"
#include "core/strings.h"

namespace pith {
namespace {

struct RepairCase {
  std::string in, out;
};

TEST(Utf8, RepairReplacesEachMaximalSubpart) {
  const RepairCase cases[] = {
      {"abc", "abc"},
      {"a\xFF" "b", "a\xEF\xBF\xBD" "b"},
      {"\xE2\x82", "\xEF\xBF\xBD"},                          // truncated 3-byte sequence
      {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},  // surrogate: three subparts
      {"\xC3\xA9", "\xC3\xA9"},
      {"\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80"},
      {"\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD"},  // overlong
  };
  for (const auto& c : cases) {
    std::string out;
    repair_utf8(c.in, out);
    EXPECT_EQ(out, c.out) << "input bytes: " << c.in.size();
    EXPECT_TRUE(is_valid_utf8(out));
  }
}

TEST(Utf8, Validity) {
  EXPECT_TRUE(is_valid_utf8("plain ascii text that is longer than eight bytes"));
  EXPECT_FALSE(is_valid_utf8("ascii then \xFF"));
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
}

// ASCII whose length is a multiple of the 32-byte step, in a buffer with nothing after it: the
// validator must not read a byte past the end (an earlier scan did; found by fuzz_extract, and
// the sanitizer build sees it).
TEST(Utf8, AsciiEndingOnTheBlockStepReadsNothingPastTheEnd) {
  for (size_t len : {32u, 64u, 40u, 8u}) {
    std::unique_ptr<char[]> buf(new char[len]);
    std::memset(buf.get(), 'a', len);
    EXPECT_TRUE(is_valid_utf8(std::string_view(buf.get(), len))) << len;
  }
}

// is_valid_utf8 (SIMD, simdjson) agrees with utf8_sequence_length taken sequence by sequence,
// on strings that mix ASCII runs with well-formed, truncated, overlong and surrogate sequences
// at every offset of a 64-byte block.
TEST(Utf8, ValidityMatchesSequenceBySequence) {
  auto reference = [](std::string_view s) {
    for (size_t i = 0; i < s.size();) {
      const size_t n = utf8_sequence_length(s, i);
      if (n == 0) return false;
      i += n;
    }
    return true;
  };
  const std::string pieces[] = {"a",        "plain text ", "\xC3\xA9",   "\xE2\x80\x9C", "\xF0\x9F\x98\x80",
                                "\xFF",     "\xC3",        "\xE2\x82",   "\xED\xA0\x80", "\xC0\xAF",
                                "\xF4\x90\x80\x80", "\xE0\x80\x80", "\x80", "\n"};
  uint64_t state = 0x9E3779B97F4A7C15ull;
  for (int round = 0; round < 5000; ++round) {
    std::string s;
    const int parts = 1 + round % 40;
    for (int k = 0; k < parts; ++k) {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      // Mostly valid pieces, so that long valid strings with one bad sequence are common.
      const size_t pick = (state >> 33) % 100 < 90 ? (state >> 40) % 5 : 5 + (state >> 40) % 9;
      s += pieces[pick];
    }
    EXPECT_EQ(is_valid_utf8(s), reference(s)) << "round " << round << ", " << s.size() << " bytes";
  }
}

TEST(Json, EscapesControlAndInvalidBytes) {
  std::string out;
  json_escape("a\"b\\c\n\x01\xFF", out);
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\n\\u0001\\ufffd\"");
}

TEST(Strings, CollapseWhitespace) {
  EXPECT_EQ(collapse_whitespace("  a \n\t b\xC2\xA0" "c  "), "a b c");
}

}  // namespace
}  // namespace pith
