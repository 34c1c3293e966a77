#include "io/warc_reader.h"

#include <gtest/gtest.h>

#include "fixtures.h"

namespace pith {
namespace {

using testing::gzip_member;
using testing::response_record;
using testing::warc_record;

struct Read {
  std::vector<WarcRecord> records;
  std::vector<WarcRecord> bad;
};

Read read_all(std::string data, WarcReaderOptions opt = {}) {
  WarcReader r(memory_source(std::move(data)), opt);
  Read out;
  WarcRecord rec;
  while (true) {
    auto st = r.next(rec);
    if (st == WarcReader::kEnd) break;
    (st == WarcReader::kRecord ? out.records : out.bad).push_back(rec);
  }
  return out;
}

TEST(WarcReader, ReadsWarc10And11RecordsWithTheirHeaders) {
  std::string data = warc_record("warcinfo", "software: x\r\n", "1", "", "", -1, "WARC/1.0") +
                     response_record("<p>hi</p>", "2", "https://a.example/x") +
                     warc_record("conversion", "plain text", "3", "<https://b.example/>", "", -1, "WARC/1.0");
  auto r = read_all(data);
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_TRUE(r.bad.empty());
  EXPECT_EQ(r.records[0].version, "WARC/1.0");
  EXPECT_EQ(r.records[0].type, "warcinfo");
  EXPECT_FALSE(r.records[0].block_kept);  // not a type pith reads
  EXPECT_EQ(r.records[1].type, "response");
  EXPECT_EQ(r.records[1].record_id, "urn:uuid:2");
  EXPECT_EQ(r.records[1].target_uri, "https://a.example/x");
  EXPECT_TRUE(r.records[1].block_kept);
  EXPECT_EQ(r.records[2].target_uri, "https://b.example/");
  EXPECT_EQ(r.records[2].block, "plain text");
  EXPECT_EQ(r.records[1].offset, r.records[0].offset + warc_record("warcinfo", "software: x\r\n", "1", "", "", -1, "WARC/1.0").size());
}

TEST(WarcReader, PerRecordGzipMembers) {
  std::string data;
  for (int i = 0; i < 5; ++i) data += gzip_member(response_record("<p>" + std::to_string(i) + "</p>", std::to_string(i), "u"));
  auto r = read_all(data);
  EXPECT_EQ(r.records.size(), 5u);
}

// Table: a broken record between two good ones; the reader reports one bad record and reads on.
struct BrokenCase {
  const char* name;
  std::string broken;
};

TEST(WarcReader, BrokenRecordsAreReportedAndReadingGoesOn) {
  std::string good1 = response_record("<p>one</p>", "g1", "https://one/");
  std::string good2 = response_record("<p>two</p>", "g2", "https://two/");
  std::string block = testing::http_response("<p>broken</p>");
  std::vector<BrokenCase> cases = {
      {"no colon in a header line", "WARC/1.1\r\nWARC-Type: response\r\nthis is not a header\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n"},
      {"Content-Length not a number", "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\nabc\r\n\r\n"},
      {"no Content-Length", "WARC/1.1\r\nWARC-Type: response\r\n\r\nabc\r\n\r\n"},
      {"Content-Length too long", warc_record("response", block, "b", "u", "", static_cast<long>(block.size()) + 40)},
      {"Content-Length too short", warc_record("response", block, "b", "u", "", static_cast<long>(block.size()) - 9)},
      {"garbage instead of a record", "this is not WARC at all\r\nnor this\r\n"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = read_all(good1 + c.broken + good2);
    ASSERT_EQ(r.bad.size(), 1u);
    ASSERT_EQ(r.records.size(), 2u);
    EXPECT_EQ(r.records[0].record_id, "urn:uuid:g1");
    EXPECT_EQ(r.records[1].record_id, "urn:uuid:g2");
    EXPECT_EQ(r.bad[0].offset, good1.size());
    EXPECT_FALSE(r.bad[0].error.message.empty());
  }
}

TEST(WarcReader, TruncatedRecordAtTheEnd) {
  std::string good = response_record("<p>one</p>", "g1", "u");
  std::string cut = response_record("<p>two two two</p>", "g2", "u");
  auto r = read_all(good + cut.substr(0, cut.size() - 20));
  EXPECT_EQ(r.records.size(), 1u);
  ASSERT_EQ(r.bad.size(), 1u);
  EXPECT_NE(r.bad[0].error.message.find("truncated"), std::string::npos);
}

TEST(WarcReader, OversizedBlockIsSkippedWithoutBuffering) {
  std::string big(5000, 'x');
  WarcReaderOptions opt;
  opt.max_block_bytes = 1000;
  auto r = read_all(warc_record("response", big, "big", "u") + response_record("<p>a</p>", "s", "u"), opt);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_FALSE(r.records[0].block_kept);
  EXPECT_TRUE(r.records[0].block.empty());
  EXPECT_EQ(r.records[0].content_length, 5000u);
  EXPECT_TRUE(r.records[1].block_kept);
}

TEST(Http, StatusContentTypeCharsetAndBody) {
  auto r = parse_http_response("HTTP/1.1 404 Not Found\r\nContent-Type: Text/HTML; Charset=\"ISO-8859-1\"\r\n"
                               "Transfer-Encoding: chunked\r\n\r\nbody");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(r->mime, "text/html");
  EXPECT_EQ(r->charset, "ISO-8859-1");
  EXPECT_EQ(r->transfer_encoding, "chunked");
  EXPECT_EQ(r->body, "body");
  EXPECT_FALSE(parse_http_response("not http"));
  EXPECT_EQ(dechunk("4\r\nWiki\r\n5;x=y\r\npedia\r\n0\r\n\r\n"), "Wikipedia");
}

}  // namespace
}  // namespace pith

namespace pith {
namespace {

// Every cut point and many random byte flips of a small crawl, plain and gzip: the reader
// ends, and never returns more records than were written.
TEST(WarcReader, SurvivesEveryTruncationAndRandomDamage) {
  std::string plain, gz;
  for (int i = 0; i < 4; ++i) {
    std::string r = testing::response_record("<p>page " + std::to_string(i) + "</p>", std::to_string(i), "https://x/");
    plain += r;
    gz += testing::gzip_member(r);
  }
  for (const std::string* data : {&plain, &gz}) {
    for (size_t cut = 0; cut <= data->size(); cut += 3) {
      auto r = read_all(data->substr(0, cut));
      EXPECT_LE(r.records.size(), 4u);
    }
    std::mt19937 rng(42);
    for (int trial = 0; trial < 300; ++trial) {
      std::string d = *data;
      for (int k = 0; k < 1 + trial % 5; ++k) d[rng() % d.size()] = static_cast<char>(rng());
      auto r = read_all(d);
      EXPECT_LE(r.records.size() + r.bad.size(), 12u);
    }
  }
}

}  // namespace
}  // namespace pith
