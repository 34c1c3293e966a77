#include "report/run_profile.h"

#include <gtest/gtest.h>

namespace pith::report {
namespace {

RecordFacts written(std::string_view url, std::string_view lang, uint64_t bytes) {
  return {.reason = "", .is_document = true, .url = url, .lang = lang, .page_type = "article", .has_text = true,
          .text_bytes = bytes};
}
RecordFacts rejected(std::string_view url, std::string_view reason, uint64_t bytes) {
  return {.reason = reason, .is_document = true, .url = url, .lang = "de", .page_type = "", .has_text = bytes > 0,
          .text_bytes = bytes};
}

TEST(RunProfile, CountsLanguagesPageTypesLengthsAndHosts) {
  RunProfile p;
  p.count(written("https://www.Example.com:8080/a", "en", 150));
  p.count(written("http://example.com/b", "en", 5000));
  p.count(rejected("https://user@other.org/x?y", "fineweb/lang", 40));
  p.count(rejected("", "extract/no_content", 0));
  p.count({.reason = "read/warc_type:request", .is_document = false, .url = "https://example.com/", .lang = {},
           .page_type = {}, .has_text = false, .text_bytes = 0});
  EXPECT_EQ(p.languages["en"].seen, 2u);
  EXPECT_EQ(p.languages["en"].written, 2u);
  EXPECT_EQ(p.languages["de"].seen, 2u);
  EXPECT_EQ(p.languages["de"].written, 0u);
  EXPECT_EQ(p.page_types["article"].seen, 2u);
  EXPECT_EQ(p.lengths[length_bin(150)].seen, 1u);
  EXPECT_EQ(p.lengths[length_bin(40)].seen, 1u);
  EXPECT_EQ(p.lengths[length_bin(40)].written, 0u);
  uint64_t with_text = 0;
  for (const auto& b : p.lengths) with_text += b.seen;
  EXPECT_EQ(with_text, 3u);  // the record without text is in no bin
  EXPECT_EQ(p.hosts["example.com"].records, 2u);  // the request record is no document
  EXPECT_EQ(p.hosts["example.com"].rejected, 0u);
  EXPECT_EQ(p.hosts["other.org"].rejected, 1u);
  EXPECT_EQ(p.hosts[""].records, 1u);
}

TEST(RunProfile, LengthBins) {
  EXPECT_EQ(length_bin(0), 0u);
  EXPECT_EQ(length_bin(99), 0u);
  EXPECT_EQ(length_bin(100), 1u);
  EXPECT_EQ(length_bin(999), 3u);
  EXPECT_EQ(length_bin(1000), 4u);
  EXPECT_EQ(length_bin(10'000'000), kLengthBinEdges.size() - 1);
}

TEST(RunProfile, UrlHost) {
  EXPECT_EQ(url_host("https://WWW.Example.COM./path"), "example.com");
  EXPECT_EQ(url_host("http://a:b@host.net:81?q"), "host.net");
  EXPECT_EQ(url_host("http://[::1]:8080/"), "[::1]");
  EXPECT_EQ(url_host("no scheme"), "");
  EXPECT_EQ(url_host("http://evil\"><script>/x"), "evil\"><script>");  // kept as data; the page escapes it
}

TEST(RunProfile, PreviewIsTheFirstLinesBounded) {
  EXPECT_EQ(preview_of("one\ntwo\n"), "one\ntwo");
  EXPECT_EQ(preview_of("1\n2\n3\n4\n5\n6"), "1\n2\n3\n4 \xE2\x80\xA6");
  std::string long_line(5000, 'x');
  std::string p = preview_of(long_line);
  EXPECT_LE(p.size(), kSamplePreviewBytes + 4);
  EXPECT_TRUE(p.ends_with("\xE2\x80\xA6"));
  // Never cut inside a UTF-8 character.
  std::string accents;
  for (int i = 0; i < 400; ++i) accents += "\xC3\xA9";
  std::string q = preview_of(accents);
  EXPECT_EQ(q.size() % 2, 0u) << q.size();
}

TEST(RunProfile, SamplesAreBoundedPerReason) {
  RunProfile p;
  for (int i = 0; i < 10; ++i) {
    if (!p.wants_sample("gopher/too_short")) continue;
    p.add_sample({.reason = "gopher/too_short", .source = "a.warc", .record = uint64_t(i + 1), .offset = 0,
                  .id = "id" + std::to_string(i), .url = {}, .preview = "text"});
  }
  p.add_sample({.reason = "gopher/too_short", .source = "a.warc", .record = 99, .offset = 0, .id = "late", .url = {},
                .preview = {}});
  p.add_sample({.reason = "lang/lang", .source = std::string(1000, 's'), .record = 1, .offset = 0, .id = {},
                .url = {}, .preview = std::string(5000, 'p')});
  ASSERT_EQ(p.samples.size(), kSamplesPerReason + 1);
  EXPECT_EQ(p.samples[0].id, "id0");
  EXPECT_EQ(p.samples[kSamplesPerReason - 1].id, "id" + std::to_string(kSamplesPerReason - 1));
  EXPECT_LE(p.samples.back().source.size(), kSampleFieldBytes);
  EXPECT_LE(p.samples.back().preview.size(), kSamplePreviewBytes + 4);
  EXPECT_FALSE(p.wants_sample("gopher/too_short"));
  EXPECT_TRUE(p.wants_sample("c4/c4_lorem_ipsum"));
}

TEST(RunProfile, HostsPerPartAreBoundedAndTheRestSummed) {
  RunProfile p;
  for (size_t i = 0; i < kHostsPerPart + 50; ++i) {
    std::string url = "https://h" + std::to_string(i) + ".com/";
    p.count(written(url, "en", 10));
    if (i < 10) p.count(rejected(url, "x/y", 10));
  }
  p.trim_hosts();
  EXPECT_EQ(p.hosts.size(), kHostsPerPart);
  for (size_t i = 0; i < 10; ++i) EXPECT_EQ(p.hosts.count("h" + std::to_string(i) + ".com"), 1u) << i;
  EXPECT_EQ(p.other_hosts.records, 50u);
  EXPECT_EQ(p.other_hosts.rejected, 0u);
}

// What a part writes beside its .done reads back as it was, whatever bytes its fields hold.
TEST(RunProfile, TsvRoundTrip) {
  RunProfile p;
  p.count(written("https://a.com/", "en", 150));
  p.count(rejected("https://tab\there.com/", "gopher/x", 20));
  p.add_sample({.reason = "gopher/x", .source = "dir/a b.warc", .record = 7, .offset = 1234, .id = "<id>\t1",
                .url = "https://x/\n", .preview = "line one\nline\\two\r"});
  PartClock clock;
  PartTime t;
  clock.start(t);
  clock.finish(2, 4096, t);
  p.parts.push_back(t);
  p.other_hosts = {5, 2};
  RunProfile back;
  ASSERT_TRUE(RunProfile::parse_tsv(p.to_tsv(), back));
  EXPECT_EQ(back.to_tsv(), p.to_tsv());
  ASSERT_EQ(back.samples.size(), 1u);
  EXPECT_EQ(back.samples[0].id, "<id>\t1");
  EXPECT_EQ(back.samples[0].preview, "line one\nline\\two\r");
  EXPECT_EQ(back.samples[0].record, 7u);
  EXPECT_EQ(back.hosts["tab\there.com"].rejected, 1u);
  ASSERT_EQ(back.parts.size(), 1u);
  EXPECT_EQ(back.parts[0].ticks.back().records, 2u);
  EXPECT_FALSE(RunProfile::parse_tsv("lang\ten\t1\n", back));       // a field missing
  EXPECT_FALSE(RunProfile::parse_tsv("what\tis\t1\t2\n", back));    // a kind it does not know
  EXPECT_FALSE(RunProfile::parse_tsv("lang\ten\t1\t2", back));      // cut short
}

TEST(RunProfile, MergeSumsAndKeepsTheFirstSamples) {
  RunProfile a, b;
  a.count(written("https://a.com/", "en", 150));
  b.count(written("https://a.com/", "en", 150));
  b.count(rejected("https://b.com/", "gopher/x", 20));
  for (int i = 0; i < 2; ++i) a.add_sample({.reason = "gopher/x", .source = "a", .record = uint64_t(i), .offset = 0, .id = {}, .url = {}, .preview = {}});
  for (int i = 0; i < 3; ++i) b.add_sample({.reason = "gopher/x", .source = "b", .record = uint64_t(i), .offset = 0, .id = {}, .url = {}, .preview = {}});
  a.parts.push_back({});
  b.parts.push_back({});
  RunProfile all;
  all.merge(a);
  all.merge(b);
  EXPECT_EQ(all.languages["en"].seen, 2u);
  EXPECT_EQ(all.hosts["a.com"].records, 2u);
  EXPECT_EQ(all.hosts["b.com"].rejected, 1u);
  ASSERT_EQ(all.samples.size(), kSamplesPerReason);
  EXPECT_EQ(all.samples[0].source, "a");
  EXPECT_EQ(all.samples[2].source, "b");
  EXPECT_EQ(all.parts.size(), 2u);
}

TEST(RunProfile, TicksStayBoundedAndEven) {
  PartTime t;
  for (uint64_t ms = 0; ms <= 3'600'000; ms += 250) add_tick(t, {ms, ms / 10, ms * 100});
  EXPECT_LE(t.ticks.size(), kTicksPerPart);
  EXPECT_GE(t.ticks.size(), kTicksPerPart / 2);
  ASSERT_GE(t.ticks.size(), 3u);
  uint64_t gap = t.ticks[1].millis - t.ticks[0].millis;
  for (size_t i = 2; i < t.ticks.size(); ++i) EXPECT_LE(t.ticks[i].millis - t.ticks[i - 1].millis, gap * 2) << i;
  PartTime quick;
  for (uint64_t ms = 0; ms < kTickMillis; ms += 10) add_tick(quick, {ms, ms, ms});
  EXPECT_EQ(quick.ticks.size(), 0u);  // under a second: no tick until finish
}

}  // namespace
}  // namespace pith::report
