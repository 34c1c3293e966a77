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
// scan must not read a byte past the end (found by fuzz_extract; the sanitizer build sees it).
TEST(Utf8, AsciiEndingOnTheBlockStepReadsNothingPastTheEnd) {
  for (size_t len : {32u, 64u, 40u, 8u}) {
    std::unique_ptr<char[]> buf(new char[len]);
    std::memset(buf.get(), 'a', len);
    EXPECT_TRUE(is_valid_utf8(std::string_view(buf.get(), len))) << len;
  }
}

TEST(Json, EscapesControlAndInvalidBytes) {
  std::string out;
  json_escape("a\"b\\c\n\x01\xFF", out);
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\n\\u0001\\ufffd\"");
}

TEST(Strings, CollapseWhitespaceAndCountWords) {
  EXPECT_EQ(collapse_whitespace("  a \n\t b\xC2\xA0" "c  "), "a b c");
  EXPECT_EQ(count_words("Hello, world! 42 times"), 4u);
  EXPECT_EQ(count_words("\xE4\xBD\xA0\xE5\xA5\xBD"), 2u);  // two CJK characters
}

}  // namespace
}  // namespace pith
