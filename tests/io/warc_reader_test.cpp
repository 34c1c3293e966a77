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

namespace pith {
namespace {

using testing::arc_record;
using testing::arc_version_block;
using testing::gzip_member;
using testing::http_response;
using testing::random_bytes;
using testing::response_record;
using testing::warc_record;

std::vector<std::string> ids(const std::vector<WarcRecord>& recs) {
  std::vector<std::string> out;
  for (const auto& r : recs) out.push_back(r.record_id);
  return out;
}

// A wrong Content-Length, for every record type: the record is reported, and the good records
// after it are read, including one that starts inside the span the Content-Length claimed.
TEST(WarcReader, WrongContentLengthOfAnyTypeLosesNoGoodRecord) {
  const std::string good1 = response_record("<p>one</p>", "g1", "https://one/");
  const std::string good2 = response_record("<p>two</p>", "g2", "https://two/");
  const std::string good3 = warc_record("request", "GET /three HTTP/1.1\r\nHost: three\r\n\r\n", "g3", "https://three/");
  const std::string block = "a block of some length\r\nwith two lines\r\n";
  const long n = static_cast<long>(block.size());
  struct Length {
    const char* name;
    long value;  // -1: the header says `text` instead
    std::string text;
  };
  const std::vector<Length> lengths = {
      {"too long by a little", n + 10, ""},
      {"too long: claims the next record", n + static_cast<long>(good2.size()) + 10, ""},
      {"too long: claims two records", n + static_cast<long>(good2.size() + good3.size()) - 5, ""},
      {"past the end of the file", n + 100000, ""},
      {"past the end of the file, over the block cap", 5000000000L, ""},
      {"too short", n - 7, ""},
      {"zero", 0, ""},
      {"absurd", -1, "99999999999999999999"},
      {"negative", -1, "-12"},
      {"not a number", -1, "twelve"},
  };
  for (const char* type : {"response", "request", "metadata", "warcinfo", "resource", "conversion", "revisit"}) {
    for (const auto& len : lengths) {
      SCOPED_TRACE(std::string(type) + ", Content-Length " + len.name);
      std::string broken =
          len.value >= 0 ? warc_record(type, block, "bad", "https://bad/", "", len.value)
                         : "WARC/1.1\r\nWARC-Type: " + std::string(type) + "\r\nContent-Length: " + len.text +
                               "\r\n\r\n" + block + "\r\n\r\n";
      WarcReaderOptions opt;
      opt.max_block_bytes = 1u << 20;
      auto r = read_all(good1 + broken + good2 + good3, opt);
      EXPECT_EQ(ids(r.records), (std::vector<std::string>{"urn:uuid:g1", "urn:uuid:g2", "urn:uuid:g3"}));
      ASSERT_EQ(r.bad.size(), 1u);
      EXPECT_EQ(r.bad[0].offset, good1.size());
      EXPECT_FALSE(r.bad[0].error.message.empty());
      ASSERT_EQ(r.records.size(), 3u);
      EXPECT_EQ(r.records[1].block, http_response("<p>two</p>"));
    }
  }
}

// The decoder of a gzip member cut short leaves garbage right before the next record, on the
// same line: the record is still found.
TEST(WarcReader, RecordRightAfterGarbageOnTheSameLineIsRead) {
  std::string good1 = response_record("<p>one</p>", "g1", "u"), good2 = response_record("<p>two</p>", "g2", "u");
  std::string cut = response_record("<p>cut short</p>", "c", "u");
  auto r = read_all(good1 + cut.substr(0, cut.size() - 30) + "\x8b\x01garbage" + good2);
  EXPECT_EQ(ids(r.records), (std::vector<std::string>{"urn:uuid:g1", "urn:uuid:g2"}));
  EXPECT_EQ(r.bad.size(), 1u);
  // A "WARC/1." that does not start a header that parses is not taken for a record.
  auto r2 = read_all(good1 + "WARC/1.0 is the format\r\n" + good2);
  EXPECT_EQ(r2.records.size(), 2u);
  EXPECT_EQ(r2.bad.size(), 1u);
}

// Per-record gzip: a member cut short, and bytes that look like a gzip header, between members.
TEST(WarcReader, DamagedGzipMembersLoseOnlyTheirOwnRecords) {
  std::string g1 = gzip_member(response_record("<p>one</p>", "g1", "u"));
  std::string g2 = gzip_member(response_record("<p>two</p>", "g2", "u"));
  std::string g3 = gzip_member(response_record("<p>three</p>", "g3", "u"));
  std::string image = gzip_member(warc_record("resource", random_bytes(3, 40000), "img", "u", "Content-Type: image/png\r\n"));
  for (Inflater inflater : {Inflater::kIsal, Inflater::kZlib}) {
    std::string cut = g1 + image.substr(0, image.size() / 2) + g2 + g3;
    WarcReader r(memory_source(cut, inflater), {});
    std::vector<std::string> got;
    size_t bad = 0;
    WarcRecord rec;
    for (auto st = r.next(rec); st != WarcReader::kEnd; st = r.next(rec))
      st == WarcReader::kRecord ? got.push_back(rec.record_id) : void(++bad);
    EXPECT_EQ(got, (std::vector<std::string>{"urn:uuid:g1", "urn:uuid:g2", "urn:uuid:g3"}));
    EXPECT_EQ(bad, 1u);

    std::string fake("\x1f\x8b\x08\x04\0\0\0\0\0\xff\xff\xff", 12);  // FEXTRA of 65535 bytes
    WarcReader f(memory_source(g1 + fake + g2 + g3, inflater), {});
    got.clear();
    bad = 0;
    for (auto st = f.next(rec); st != WarcReader::kEnd; st = f.next(rec))
      st == WarcReader::kRecord ? got.push_back(rec.record_id) : void(++bad);
    EXPECT_EQ(got, (std::vector<std::string>{"urn:uuid:g1", "urn:uuid:g2", "urn:uuid:g3"}));
    EXPECT_EQ(bad, 0u);
    EXPECT_FALSE(f.take_stream_errors().empty());
  }
}

// ClueWeb09 wrote WARC/0.18 (Heritrix WARC/0.17): the header has the shape of WARC 1.0.
TEST(WarcReader, ReadsWarc018And017) {
  std::string data = warc_record("warcinfo", "software: x\r\n", "1", "", "", -1, "WARC/0.18") +
                     warc_record("response", http_response("<p>old</p>"), "2", "http://old.example/",
                                 "WARC-TREC-ID: clueweb09-en0000-00-00000\r\n", -1, "WARC/0.18") +
                     warc_record("response", http_response("<p>older</p>"), "3", "http://older.example/", "", -1,
                                 "WARC/0.17");
  auto r = read_all(data);
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_TRUE(r.bad.empty());
  EXPECT_EQ(r.records[1].version, "WARC/0.18");
  EXPECT_EQ(r.records[1].target_uri, "http://old.example/");
  EXPECT_EQ(r.records[1].block, http_response("<p>old</p>"));
  EXPECT_EQ(r.records[2].version, "WARC/0.17");
  EXPECT_EQ(unsupported_crawl_format(data), std::nullopt);
}

TEST(WarcReader, ReadsArcFilesAsWarcRecords) {
  std::string page = http_response("<p>arc page</p>");
  std::string arc = arc_version_block() + arc_record("http://www.example.com:80/index.html", page) +
                    arc_record("dns:www.example.com", "20080101000000\nwww.example.com. 600 IN A 192.0.2.1\n",
                               "text/dns") +
                    arc_record("http://www.example.com/b.html", http_response("<p>b</p>")) + "\n";
  for (const std::string& data : {arc, gzip_member(arc), [&] {
                                    // per-record gzip, as Heritrix writes it
                                    std::string g;
                                    size_t at = 0;
                                    for (size_t nl = arc.find("\nhttp", 1); at < arc.size();
                                         nl = arc.find("\nhttp", at + 1)) {
                                      if (nl == std::string::npos) nl = arc.size();
                                      g += gzip_member(arc.substr(at, nl - at));
                                      at = nl;
                                    }
                                    return g;
                                  }()}) {
    auto r = read_all(data);
    ASSERT_EQ(r.records.size(), 4u);
    EXPECT_TRUE(r.bad.empty());
    EXPECT_EQ(r.records[0].type, "warcinfo");
    EXPECT_EQ(r.records[0].version, "ARC/1");
    EXPECT_EQ(r.records[1].type, "response");
    EXPECT_EQ(r.records[1].target_uri, "http://www.example.com:80/index.html");
    EXPECT_EQ(r.records[1].date, "1996-11-04T14:21:03Z");
    EXPECT_EQ(r.records[1].ip_address, "192.0.2.7");
    EXPECT_TRUE(r.records[1].block_kept);
    EXPECT_EQ(r.records[1].block, page);
    auto http = parse_http_response(r.records[1].block);
    ASSERT_TRUE(http);
    EXPECT_EQ(http->body, "<p>arc page</p>");
    EXPECT_EQ(r.records[2].type, "resource");
    EXPECT_EQ(r.records[2].content_type, "text/dns");
    EXPECT_EQ(r.records[3].block, http_response("<p>b</p>"));
  }
  EXPECT_EQ(unsupported_crawl_format(arc), std::nullopt);
  EXPECT_TRUE(looks_like_crawl_file(arc));
}

TEST(WarcReader, ArcRecordWithAWrongLengthLosesNoGoodRecord) {
  std::string page = http_response("<p>arc page</p>");
  for (long wrong : {static_cast<long>(page.size()) + 30, static_cast<long>(page.size()) - 10, 99999L}) {
    SCOPED_TRACE(wrong);
    std::string arc = arc_version_block() + arc_record("http://a.example/1", page) +
                      arc_record("http://a.example/bad", page, "text/html", wrong) +
                      arc_record("http://a.example/2", page) + arc_record("http://a.example/3", page) + "\n";
    auto r = read_all(arc);
    ASSERT_EQ(r.records.size(), 4u);
    EXPECT_EQ(r.records[2].target_uri, "http://a.example/2");
    EXPECT_EQ(r.records[3].target_uri, "http://a.example/3");
    ASSERT_EQ(r.bad.size(), 1u);
    EXPECT_NE(r.bad[0].error.message, "");
  }
}

TEST(WarcReader, UnsupportedCrawlFormatsGetOneClearLine) {
  EXPECT_EQ(unsupported_crawl_format("WARC/1.0\r\nWARC-Type: warcinfo\r\n"), std::nullopt);
  EXPECT_EQ(unsupported_crawl_format("\r\nWARC/1.1\r\n"), std::nullopt);
  for (std::string head : {std::string("WARC/0.9 1234 response http://a/ 20060101 <urn:x> text/html\n"),
                           std::string("WARC/2.0\r\nWARC-Type: response\r\n"), std::string("<html><body>"),
                           std::string("\x1b[31mred\x07 bell\n")}) {
    SCOPED_TRACE(head);
    auto m = unsupported_crawl_format(head);
    ASSERT_TRUE(m);
    EXPECT_FALSE(m->empty());
    EXPECT_EQ(m->find('\n'), std::string::npos);
    for (char c : *m) EXPECT_TRUE(c >= 0x20 && c < 0x7f) << int(c);
  }
  EXPECT_NE(unsupported_crawl_format("WARC/0.9 1234 response")->find("WARC/0.9"), std::string::npos);
  EXPECT_TRUE(looks_like_crawl_file("WARC/0.9 1234 response"));
  EXPECT_FALSE(looks_like_crawl_file("<html>"));
}

TEST(Http, ChunkedHeaderOverABodyThatIsNotChunkedKeepsTheBody) {
  EXPECT_EQ(dechunk("<!doctype html><p>already de-chunked</p>\r\n"), "<!doctype html><p>already de-chunked</p>\r\n");
  EXPECT_EQ(try_dechunk("<html>\n<p>x</p>"), std::nullopt);
  // A size line that parses but is not followed by its data and a line break.
  EXPECT_EQ(try_dechunk("10\r\n<p>not sixteen bytes long at all</p>"), std::nullopt);
  EXPECT_EQ(try_dechunk("4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n"), "Wikipedia");
  EXPECT_EQ(try_dechunk("4\r\nWiki\r\n5\r\npedi"), "Wikipedi");  // a capture cut short
  EXPECT_EQ(try_dechunk("4\r\nWiki\r\nnot a size\r\n"), "Wikinot a size\r\n");  // damaged after a chunk
}

// Error messages echo no control bytes of the input.
TEST(WarcReader, MessagesEscapeInputBytes) {
  auto r = read_all("WARC/1.1\r\nWARC-Type: response\r\n\x1b]0;title\x07 no colon\r\nContent-Length: 1\r\n\r\nx\r\n\r\n");
  ASSERT_EQ(r.bad.size(), 1u);
  for (char c : r.bad[0].error.message) EXPECT_TRUE(c >= 0x20 && c < 0x7f) << int(c);
}

}  // namespace
}  // namespace pith
