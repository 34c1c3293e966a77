// Nothing lost beside a bad record (issue 10, section 2): for each fault class, a crafted crawl
// file is counted twice: by an independent byte-level scan (every gzip member found at any
// byte, decoded with zlib; every "WARC/1."/"WARC/0.1" start whose header has a type and a
// numeric length), and by WarcReader. Each record start the scan finds comes back exactly once
// (read or reported bad), and every good record comes back read.
#include <gtest/gtest.h>

#include <set>

#include "fixtures.h"
#include "io/warc_reader.h"

namespace pith {
namespace {

using testing::count_record_starts;
using testing::gzip_member;
using testing::inflate_every_member;
using testing::random_bytes;
using testing::response_record;
using testing::warc_record;

struct FaultCase {
  std::string name;
  std::string file;
  std::set<std::string> good;  // record ids that must be read
  bool has_bad_record = true;   // false: the damage is in the compression only
};

// Good records of several types, each with its id.
std::vector<std::pair<std::string, std::string>> good_records(const std::string& tag) {
  return {
      {"urn:uuid:" + tag + "-info", warc_record("warcinfo", "software: test\r\n", tag + "-info")},
      {"urn:uuid:" + tag + "-req", warc_record("request", "GET / HTTP/1.1\r\nHost: a\r\n\r\n", tag + "-req", "https://a/")},
      {"urn:uuid:" + tag + "-resp", response_record("<p>" + tag + "</p>", tag + "-resp", "https://a/")},
      {"urn:uuid:" + tag + "-meta", warc_record("metadata", "fetchTimeMs: 12\r\n", tag + "-meta", "https://a/")},
  };
}

std::vector<FaultCase> fault_cases() {
  std::vector<FaultCase> cases;
  auto before = good_records("b"), after = good_records("a");
  auto with = [&](const std::string& name, const std::string& broken, bool gzip) {
    FaultCase c{name, "", {}};
    for (const auto& [id, rec] : before) {
      c.file += gzip ? gzip_member(rec) : rec;
      c.good.insert(id);
    }
    c.file += broken;
    for (const auto& [id, rec] : after) {
      c.file += gzip ? gzip_member(rec) : rec;
      c.good.insert(id);
    }
    return c;
  };
  const std::string block = "some block\r\nof two lines\r\n";
  const long n = static_cast<long>(block.size());
  for (const char* type : {"response", "request", "metadata", "warcinfo"}) {
    for (long cl : {n + 40, n + 700, n + 5000000, n - 5, 0L}) {
      std::string bad = warc_record(type, block, "bad", "https://bad/", "", cl);
      cases.push_back(with(std::string(type) + " Content-Length " + std::to_string(cl), bad, false));
      cases.push_back(with(std::string(type) + " Content-Length " + std::to_string(cl) + " (gzip)", gzip_member(bad), true));
    }
    for (const char* absurd : {"99999999999999999999", "-3", "many"}) {
      std::string bad = "WARC/1.0\r\nWARC-Type: " + std::string(type) + "\r\nContent-Length: " + absurd + "\r\n\r\n" +
                        block + "\r\n\r\n";
      cases.push_back(with(std::string(type) + " Content-Length " + absurd, bad, false));
    }
  }
  // A gzip member cut short in the middle of the file (its payload is stored, not compressed).
  std::string image = gzip_member(warc_record("resource", random_bytes(11, 30000), "img", "https://img/",
                                              "Content-Type: image/jpeg\r\n"));
  cases.push_back(with("gzip member cut short", image.substr(0, image.size() / 3), true));
  // Bytes after a member that look like a gzip header but are not one.
  cases.push_back(with("fake gzip header (FEXTRA)", std::string("\x1f\x8b\x08\x04\0\0\0\0\0\xff\xff\xff", 12), true));
  cases.push_back(with("fake gzip header (FNAME)", std::string("\x1f\x8b\x08\x08\0\0\0\0\0\xff" "abc", 13), true));
  cases.end()[-1].has_bad_record = cases.end()[-2].has_bad_record = false;
  return cases;
}

TEST(WarcAccounting, EveryRecordStartComesBackOnceAndNoGoodRecordIsRejected) {
  for (const auto& c : fault_cases()) {
    SCOPED_TRACE(c.name);
    const size_t scanned = count_record_starts(inflate_every_member(c.file));
    for (Inflater inflater : {Inflater::kIsal, Inflater::kZlib}) {
      WarcReaderOptions opt;
      opt.max_block_bytes = 1u << 20;
      WarcReader reader(memory_source(c.file, inflater), opt);
      WarcRecord rec;
      std::set<std::string> read;
      size_t records = 0, bad = 0;
      for (auto st = reader.next(rec); st != WarcReader::kEnd; st = reader.next(rec)) {
        if (st == WarcReader::kRecord) {
          ++records;
          read.insert(rec.record_id);
        } else {
          ++bad;
          EXPECT_EQ(c.good.count(rec.record_id), 0u) << "a good record was rejected: " << rec.error.message;
        }
      }
      EXPECT_EQ(records + bad, scanned);
      for (const auto& id : c.good) EXPECT_EQ(read.count(id), 1u) << id;
      EXPECT_EQ(bad >= 1, c.has_bad_record);
    }
  }
}

}  // namespace
}  // namespace pith
