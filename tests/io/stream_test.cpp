#include "io/stream.h"

#include <gtest/gtest.h>

#include <random>

#include "fixtures.h"

namespace pith {
namespace {

using testing::gzip_member;
using testing::zstd_frame;

std::string read_all(ByteSource& s) {
  std::string out;
  char buf[777];  // odd size: members end mid-buffer
  size_t n;
  while ((n = s.read(buf, sizeof buf)) > 0) out.append(buf, n);
  return out;
}

std::string big_text(int seed, size_t n) {
  std::string s;
  while (s.size() < n) s += "line " + std::to_string(seed++) + " of some text that compresses\n";
  return s;
}

class InflaterTest : public ::testing::TestWithParam<Inflater> {};

TEST_P(InflaterTest, PlainGzipMultiMemberAndZstdGiveTheSameBytes) {
  std::string a = big_text(1, 100000), b = big_text(2, 3), c = big_text(3, 250000);
  std::string all = a + b + c;
  auto plain = memory_source(all, GetParam());
  EXPECT_EQ(read_all(*plain), all);
  auto one = memory_source(gzip_member(all), GetParam());
  EXPECT_EQ(read_all(*one), all);
  EXPECT_FALSE(one->has_errors());
  auto many = memory_source(gzip_member(a) + gzip_member(b) + gzip_member(c), GetParam());
  EXPECT_EQ(read_all(*many), all);
  EXPECT_FALSE(many->has_errors());
  auto z = memory_source(zstd_frame(a) + zstd_frame(b) + zstd_frame(c), GetParam());
  EXPECT_EQ(read_all(*z), all);
  EXPECT_FALSE(z->has_errors());
}

TEST_P(InflaterTest, TruncatedLastMemberIsReportedWithItsOffset) {
  std::string a = big_text(1, 5000), b = big_text(2, 80000);
  std::string ga = gzip_member(a), gb = gzip_member(b);
  auto s = memory_source(ga + gb.substr(0, gb.size() / 2), GetParam());
  std::string out = read_all(*s);
  EXPECT_EQ(out.substr(0, a.size()), a);
  EXPECT_LT(out.size(), a.size() + b.size());
  auto errors = s->take_errors();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].offset, ga.size());
  EXPECT_NE(errors[0].message.find("truncated gzip"), std::string::npos);
}

TEST_P(InflaterTest, CorruptMemberIsSkippedAndTheNextOneRead) {
  std::string a = big_text(1, 5000), b = big_text(2, 5000), c = big_text(3, 5000);
  std::string ga = gzip_member(a), gb = gzip_member(b), gc = gzip_member(c);
  for (size_t i = 20; i < gb.size() - 20; i += 7) gb[i] = static_cast<char>(gb[i] ^ 0x5a);
  auto s = memory_source(ga + gb + gc, GetParam());
  std::string out = read_all(*s);
  EXPECT_EQ(out.substr(0, a.size()), a);
  EXPECT_EQ(out.substr(out.size() - c.size()), c);
  auto errors = s->take_errors();
  ASSERT_GE(errors.size(), 1u);
  EXPECT_EQ(errors[0].offset, ga.size());
}

TEST_P(InflaterTest, GarbageBetweenMembersIsSkipped) {
  std::string a = big_text(1, 3000), c = big_text(3, 3000);
  auto s = memory_source(gzip_member(a) + "garbage!" + gzip_member(c), GetParam());
  EXPECT_EQ(read_all(*s), a + c);
  EXPECT_EQ(s->take_errors().size(), 1u);
}

// random_bytes: incompressible, so deflate and zstd keep them in stored blocks, which a decoder
// copies through without checking: a member cut inside one runs on into the members after it.
using testing::random_bytes;

TEST_P(InflaterTest, MemberCutShortInTheMiddleDoesNotTakeTheNextMembersAlong) {
  std::string a = big_text(1, 3000), b = random_bytes(7, 60000), c = big_text(3, 3000), d = big_text(4, 3000);
  std::string ga = gzip_member(a), gb = gzip_member(b), gc = gzip_member(c), gd = gzip_member(d);
  auto s = memory_source(ga + gb.substr(0, gb.size() / 2) + gc + gd, GetParam());
  std::string out = read_all(*s);
  EXPECT_EQ(out.substr(0, a.size()), a);
  ASSERT_GE(out.size(), c.size() + d.size());
  EXPECT_EQ(out.substr(out.size() - c.size() - d.size()), c + d);
  auto errors = s->take_errors();
  ASSERT_GE(errors.size(), 1u);
  EXPECT_EQ(errors[0].offset, ga.size());
}

TEST_P(InflaterTest, BytesThatOnlyLookLikeAGzipHeaderArePassedOver) {
  std::string a = big_text(1, 3000), b = big_text(2, 3000), c = big_text(3, 3000);
  // A gzip header with FEXTRA and an extra field of 65535 bytes: a decoder taking it for a
  // member reads the members after it as that field, and finds the end of the file there.
  std::string fake("\x1f\x8b\x08\x04\0\0\0\0\0\xff\xff\xff", 12);
  auto s = memory_source(gzip_member(a) + fake + gzip_member(b) + gzip_member(c), GetParam());
  EXPECT_EQ(read_all(*s), a + b + c);
  EXPECT_GE(s->take_errors().size(), 1u);
  // The same bytes with a deflate stream that fails at once.
  std::string fake2("\x1f\x8b\x08\0\0\0\0\0\0\xff\xff\xff\xff", 13);
  auto s2 = memory_source(gzip_member(a) + fake2 + gzip_member(b) + gzip_member(c), GetParam());
  EXPECT_EQ(read_all(*s2), a + b + c);
}

// The same in a file of several read windows (the reader refills from the disk while decoding
// the cut member): the member after it is read.
TEST_P(InflaterTest, MemberCutShortInAFileIsFollowedByTheNextMembers) {
  testing::TempDir dir;
  std::string a = big_text(1, 3000), b = random_bytes(9, 3u << 20), c = big_text(3, 200000);
  std::string gb = gzip_member(b);
  std::string path = dir.write("cut.gz", gzip_member(a) + gb.substr(0, gb.size() - 200000) + gzip_member(c));
  auto s = open_source(path, GetParam());
  ASSERT_TRUE(s);
  std::string out = read_all(**s);
  EXPECT_EQ(out.substr(0, a.size()), a);
  ASSERT_GE(out.size(), c.size());
  EXPECT_EQ(out.substr(out.size() - c.size()), c);
}

INSTANTIATE_TEST_SUITE_P(Both, InflaterTest, ::testing::Values(Inflater::kIsal, Inflater::kZlib));

TEST(Zstd, TruncatedFrameIsReported) {
  std::string a = big_text(1, 200000);
  std::string z = zstd_frame(a);
  auto s = memory_source(z.substr(0, z.size() - 100));
  read_all(*s);
  auto errors = s->take_errors();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("truncated zstd"), std::string::npos);
}

TEST(BufferedReader, LinesReadsUnreadAndResync) {
  BufferedReader r(memory_source("one\r\ntwo\nthree junk WARC/1.0 x\nWARC/1.1\nrest"));
  std::string line;
  ASSERT_TRUE(r.read_line(line, 100));
  EXPECT_EQ(line, "one");
  EXPECT_EQ(r.offset(), 5u);
  std::string got;
  EXPECT_EQ(r.read(3, got), 3u);
  EXPECT_EQ(got, "two");
  r.unread("TWO");
  ASSERT_TRUE(r.read_line(line, 100));
  EXPECT_EQ(line, "TWO");
  bool found = false;
  size_t skipped = r.skip_to_line_starting("WARC/1.", &found);
  EXPECT_TRUE(found);
  EXPECT_EQ(skipped, std::string("three junk WARC/1.0 x\n").size());
  ASSERT_TRUE(r.read_line(line, 100));
  EXPECT_EQ(line, "WARC/1.1");
  ASSERT_TRUE(r.read_line(line, 2));
  EXPECT_EQ(line, "re");
  EXPECT_FALSE(r.read_line(line, 100));
}

TEST(Zstd, FrameCutShortInTheMiddleDoesNotTakeTheNextFramesAlong) {
  std::string a = big_text(1, 3000), b = random_bytes(5, 60000), c = big_text(3, 3000);
  std::string zb = zstd_frame(b);
  auto s = memory_source(zstd_frame(a) + zb.substr(0, zb.size() / 2) + zstd_frame(c));
  std::string out = read_all(*s);
  EXPECT_EQ(out.substr(0, a.size()), a);
  ASSERT_GE(out.size(), c.size());
  EXPECT_EQ(out.substr(out.size() - c.size()), c);
}

TEST(BufferedReader, SkipToFindsANeedleAnywhere) {
  std::string junk(3u << 20, 'x');
  BufferedReader r(memory_source(junk + "abcWARC/1.0\n"));
  bool found = false;
  EXPECT_EQ(r.skip_to("WARC/", &found), junk.size() + 3);
  EXPECT_TRUE(found);
  EXPECT_EQ(r.peek(5), "WARC/");
  BufferedReader none(memory_source("no needle here"));
  EXPECT_EQ(none.skip_to("WARC/", &found), 14u);
  EXPECT_FALSE(found);
  EXPECT_TRUE(none.at_end());
}

TEST(BufferedReader, ResyncFindsAPrefixAcrossBufferRefills) {
  std::string junk(3u << 20, 'x');
  BufferedReader r(memory_source(junk + "\nWARC/1.0\n"));
  bool found = false;
  EXPECT_EQ(r.skip_to_line_starting("WARC/1.", &found), junk.size() + 1);
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace pith
