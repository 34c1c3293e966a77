// Issue 10, point 1, through the binary: every command reads the same inputs through the one
// input layer (WARC for extract, WET records and JSONL on stdin for clean, zstd for all), an
// unreadable input is reported and makes the exit code 1, the output is never read as input
// and never written over an input, and --format json is valid JSON for any number of pages.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "../io/fixtures.h"

namespace pith {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

struct Ran {
  int code = -1;
  std::string out, err;
};

// Runs `pith ARGS` through sh in `dir` (so that pipes and globs work as a user types them).
Ran pith(const TempDir& dir, const std::string& args, const std::string& prefix = "") {
  std::string out = dir.file(".stdout"), err = dir.file(".stderr");
  std::string cmd = "cd '" + dir.path() + "' && " + prefix + std::string(PITH_BINARY) + " " + args + " >'" + out +
                    "' 2>'" + err + "'";
  int status = std::system(("timeout 120 sh -c \"" + cmd + "\"").c_str());
  Ran r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = testing::read_file(out);
  r.err = testing::read_file(err);
  fs::remove(out);
  fs::remove(err);
  return r;
}

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

std::string article_text(int i) {
  return "Story " + std::to_string(i) +
         " began on a quiet morning when the council met to talk about the bridge over the river.\n"
         "Residents said they had waited for years, and the mayor promised that work would start in the spring.\n";
}

TEST(InputCli, ExtractReadsEachHtmlResponseOfAWarcWithItsUrlAndCharset) {
  TempDir d;
  std::string latin1_page = "<html><head><title>Caf\xE9</title></head><body><article><p>" +
                            std::string("Le caf\xE9 du march\xE9 a rouvert ce matin, et les habitants du quartier sont "
                                        "venus nombreux pour f\xEAter la nouvelle terrasse au soleil.") +
                            "</p></article></body></html>";
  std::string warc = testing::warc_record("warcinfo", "software: test\r\n", "0") +
                     testing::warc_record("request", "GET / HTTP/1.1\r\n\r\n", "1", "https://a.example/one") +
                     testing::response_record(testing::article_html(1), "2", "https://a.example/one") +
                     testing::warc_record("response",
                                          testing::http_response(latin1_page, "text/html; charset=ISO-8859-1\r\nContent-Language: fr-CA"), "3",
                                          "https://b.example/cafe", "Content-Type: application/http; msgtype=response\r\n");
  d.write("crawl.warc.gz", testing::gzip_member(warc));
  Ran r = pith(d, "extract crawl.warc.gz --format jsonl");
  EXPECT_EQ(r.code, 0) << r.err;
  ASSERT_EQ(count(r.out, "\n"), 2u) << r.out;
  EXPECT_NE(r.out.find("\"url\":\"https://a.example/one\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"source\":\"crawl.warc.gz:"), std::string::npos) << r.out;
  // The HTTP header's charset decodes the Latin-1 bytes.
  EXPECT_NE(r.out.find("Le caf\xC3\xA9 du march\xC3\xA9"), std::string::npos) << r.out;
  // Its markup names no language; the HTTP Content-Language header does.
  EXPECT_NE(r.out.find("\"lang\":\"fr\",\"lang_source\":\"http\""), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("2 not pages (warc_type:request 1, warc_type:warcinfo 1)"), std::string::npos) << r.err;
}

TEST(InputCli, CleanReadsEachConversionRecordOfAWetFile) {
  TempDir d;
  std::string wet;
  for (int i = 0; i < 3; ++i)
    wet += testing::warc_record("conversion", "Share this\n" + article_text(i), std::to_string(i),
                                "https://n.example/" + std::to_string(i));
  d.write("crawl.warc.wet.gz", testing::gzip_member(wet));
  Ran r = pith(d, "clean crawl.warc.wet.gz --format json");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(count(r.out, "\"source\":\"crawl.warc.wet.gz:"), 3u) << r.out;
  EXPECT_EQ(count(r.out, "\"url\":\"https://n.example/"), 3u) << r.out;
  EXPECT_EQ(count(r.out, "Share this"), 3u) << "the dropped line is listed, once per record";
}

TEST(InputCli, CleanReadsJsonlRecordsFromStdinAndZstd) {
  TempDir d;
  std::string jsonl;
  for (int i = 0; i < 4; ++i) {
    std::string t = "Subscribe now\\n" + article_text(i);
    size_t p;
    while ((p = t.find('\n')) != std::string::npos) t.replace(p, 1, "\\n");
    jsonl += "{\"id\": " + std::to_string(i) + ", \"text\": \"" + t + "\"}\n";
  }
  d.write("dump.jsonl", jsonl);
  d.write("dump.jsonl.zst", testing::zstd_frame(jsonl));
  Ran piped = pith(d, "clean - --field text", "cat dump.jsonl | ");
  EXPECT_EQ(piped.code, 0) << piped.err;
  EXPECT_EQ(count(piped.out, "\"pith\":{"), 4u) << piped.out;
  EXPECT_EQ(piped.out.find("Subscribe now"), std::string::npos) << piped.out;
  Ran zst = pith(d, "clean dump.jsonl.zst");
  EXPECT_EQ(zst.code, 0) << zst.err;
  EXPECT_EQ(zst.out, piped.out);
}

TEST(InputCli, AnUnreadableInputIsReportedAndMakesTheExitCodeOne) {
  if (geteuid() != 0 && access("/usr/bin/setpriv", X_OK) != 0) GTEST_SKIP() << "needs root or setpriv";
  TempDir d;
  fs::permissions(d.path(), fs::perms::all);
  std::string ok = d.write("ok.html", testing::article_html(1));
  std::string secret = d.write("secret.html", testing::article_html(2));
  fs::permissions(ok, fs::perms::all);
  fs::permissions(secret, fs::perms::owner_read | fs::perms::owner_write);
  // As root every file is readable: run as nobody.
  std::string as_nobody = geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  Ran r = pith(d, "extract ok.html secret.html --format jsonl", as_nobody);
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.err.find("pith: secret.html: permission denied\n"), std::string::npos) << r.err;
  EXPECT_EQ(count(r.out, "\n"), 1u);
  Ran c = pith(d, "clean ok.html secret.html", as_nobody);
  EXPECT_EQ(c.code, 1) << c.err;
  EXPECT_NE(c.err.find("pith: secret.html: permission denied\n"), std::string::npos) << c.err;
}

TEST(InputCli, RunTwiceIntoAFolderUnderItsInputDoesNotReadItsOwnOutput) {
  TempDir d;
  std::string warc;
  for (int i = 0; i < 3; ++i)
    warc += testing::response_record(testing::article_html(i), std::to_string(i), "https://r.example/" + std::to_string(i));
  d.write("crawl/a.warc", warc);
  Ran first = pith(d, "run crawl -o crawl/out --format jsonl --recipe none");
  EXPECT_EQ(first.code, 0) << first.err;
  Ran second = pith(d, "run crawl -o crawl/out --format jsonl --recipe none");
  EXPECT_EQ(second.code, 0) << second.err;
  std::string stats = testing::read_file(d.file("crawl/out/stats.json"));
  EXPECT_NE(stats.find("\"files_in_shard\":1"), std::string::npos) << stats;
  EXPECT_NE(stats.find("\"records\":3,"), std::string::npos) << stats;
}

TEST(InputCli, NoCommandWritesOverAnInputOrTwoInputsIntoOneFile) {
  TempDir d;
  d.write("a/p.txt", article_text(1));
  d.write("b/p.txt", article_text(2));
  std::string page = testing::article_html(3);
  d.write("page.html", page);
  Ran clash = pith(d, "clean a/p.txt b/p.txt -o out/");
  EXPECT_EQ(clash.code, 2);
  EXPECT_NE(clash.err.find("two inputs map to the same output file"), std::string::npos) << clash.err;
  EXPECT_FALSE(fs::exists(d.file("out/p.txt")));
  Ran over = pith(d, "extract page.html -o page.html");
  EXPECT_EQ(over.code, 2);
  EXPECT_NE(over.err.find("is also an input"), std::string::npos) << over.err;
  EXPECT_EQ(testing::read_file(d.file("page.html")), page);
  Ran over_clean = pith(d, "clean a -o a/");
  EXPECT_EQ(over_clean.code, 2) << over_clean.err;
  EXPECT_EQ(testing::read_file(d.file("a/p.txt")), article_text(1));
}

TEST(InputCli, JsonFormatIsOneObjectForOnePageAndAnArrayForSeveral) {
  TempDir d;
  d.write("p1.html", testing::article_html(1));
  d.write("p2.html", testing::article_html(2));
  Ran one = pith(d, "extract p1.html --format json");
  EXPECT_EQ(one.code, 0);
  EXPECT_TRUE(one.out.starts_with("{\"source\":\"p1.html\"")) << one.out;
  EXPECT_EQ(count(one.out, "\n"), 1u);
  Ran two = pith(d, "extract p1.html p2.html --format json");
  EXPECT_EQ(two.code, 0);
  EXPECT_TRUE(two.out.starts_with("[\n{\"source\":\"p1.html\"")) << two.out;
  EXPECT_NE(two.out.find("},\n{\"source\":\"p2.html\""), std::string::npos) << two.out;
  EXPECT_TRUE(two.out.ends_with("}\n]\n")) << two.out;
  // Python's json module (Debian's python3) agrees that both are one JSON value.
  d.write("two.json", two.out);
  d.write("one.json", one.out);
  EXPECT_EQ(std::system(("/usr/bin/python3 -c 'import json,sys; [json.load(open(f)) for f in sys.argv[1:]]' " +
                         d.file("one.json") + " " + d.file("two.json"))
                            .c_str()),
            0);
}

TEST(InputCli, AnUnsupportedFormatIsOneLineNotABadRecord) {
  TempDir d;
  d.write("dump.jsonl.bz2", std::string("BZh91AY&SY\x01\x02\x03\x04", 14));
  for (const char* cmd : {"extract", "clean", "run"}) {
    std::string args = std::string(cmd) + " dump.jsonl.bz2" + (std::string(cmd) == "run" ? " -o out" : "");
    Ran r = pith(d, args);
    EXPECT_EQ(r.code, 1) << cmd << ": " << r.err;
    EXPECT_NE(r.err.find("pith: dump.jsonl.bz2: a bzip2-compressed file"), std::string::npos) << cmd << ": " << r.err;
    EXPECT_EQ(r.err.find("bad_record"), std::string::npos) << cmd << ": " << r.err;
  }
}

}  // namespace
}  // namespace pith

namespace pith {
namespace {

// Issue 10, point 4, through the binary: --max-millis covers the whole page in both commands,
// and a page cut by it is named on stderr (text output has no warnings field).
TEST(BudgetCli, APageCutByTheTimeBudgetIsNamed) {
  TempDir d;
  std::string page = "<html><body>";
  for (int i = 0; i < 60000; ++i) page += "<h1>Heading " + std::to_string(i) + "</h1><p>x</p>";
  d.write("headings.html", page + "</body></html>");
  Ran r = pith(d, "extract headings.html --max-millis 20");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("pith: headings.html: time budget hit"), std::string::npos) << r.err;
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "Line " + std::to_string(i) + " of a page that goes on and on.\n";
  d.write("long.txt", text);
  Ran c = pith(d, "clean long.txt --max-millis 0");
  EXPECT_EQ(c.code, 0) << c.err;
  EXPECT_NE(c.err.find("pith: long.txt: time budget hit"), std::string::npos) << c.err;
}

}  // namespace
}  // namespace pith

namespace pith {
namespace {

// pith run's messages carry their reason (counted and capped by it) and the record's offset,
// even a record at byte 0; a message about a whole file has none.
TEST(RunCliMessages, ReasonAndOffsetOfEveryRecordMessage) {
  TempDir d;
  std::string warc;
  for (int i = 0; i < 22; ++i)
    warc += "WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: many\r\n\r\nhello\r\n\r\n"
            "WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n";
  d.write("bad.warc", warc);
  d.write("pic.warc", "\x89PNG\r\n\x1a\n....");
  Ran r = pith(d, "run bad.warc pic.warc -o out");
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_TRUE(r.err.starts_with("pith: bad.warc:0: malformed WARC header")) << r.err;
  EXPECT_NE(r.err.find("pith: 2 more bad_record errors not shown"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("pith: pic.warc: a PNG image"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace pith

namespace pith {
namespace {

// Issue 10, point 5: pith run writes markdown with --text-format markdown, the comment section
// with --comments, and pith clean's noise score in the metadata of text records.
TEST(RunCliOutputs, MarkdownCommentsAndNoiseInTheDocuments) {
  TempDir d;
  std::string body;
  for (int i = 0; i < 5; ++i)
    body += "<p>Paragraph " + std::to_string(i) +
            " of the story tells how the council met on a quiet morning to talk about the old bridge over the river, "
            "and how the residents who came said they had waited for years.</p>";
  std::string html = "<html><head><title>Bridge</title></head><body><article><h1>Bridge</h1><h2>The meeting</h2>" +
                     body + "<ul><li>first point of the list</li><li>second point of the list</li></ul></article>"
                     "<section class=comments><h3>Comments</h3><div class=comment><p>Great news for the town, "
                     "finally someone fixes that bridge after all these years of waiting.</p></div></section>"
                     "</body></html>";
  d.write("page.warc", testing::response_record(html, "1", "https://n.example/2024/05/bridge"));
  std::string text;
  for (int i = 0; i < 3; ++i) text += article_text(i);
  std::string esc;
  for (char c : text) esc += c == '\n' ? std::string("\\n") : std::string(1, c);
  d.write("texts.jsonl", "{\"id\": \"t1\", \"text\": \"" + esc + "\"}\n");
  Ran r = pith(d, "run page.warc texts.jsonl -o out --format jsonl --recipe none --text-format markdown --comments");
  EXPECT_EQ(r.code, 0) << r.err;
  std::string page = testing::read_file(d.file("out/page.warc.jsonl"));
  EXPECT_NE(page.find("## The meeting"), std::string::npos) << page;
  EXPECT_NE(page.find("- first point of the list"), std::string::npos) << page;
  EXPECT_NE(page.find("\"comments\":\"Comments\\n\\nGreat news for the town"), std::string::npos) << page;
  std::string texts = testing::read_file(d.file("out/texts.jsonl.jsonl"));
  EXPECT_NE(texts.find("\"noise\":"), std::string::npos) << texts;
  // Plain text by default: no markdown markers, no comments.
  Ran plain = pith(d, "run page.warc -o out2 --format jsonl --recipe none");
  EXPECT_EQ(plain.code, 0) << plain.err;
  std::string p2 = testing::read_file(d.file("out2/page.warc.jsonl"));
  EXPECT_EQ(p2.find("## The meeting"), std::string::npos) << p2;
  EXPECT_EQ(p2.find("\"comments\""), std::string::npos) << p2;
}

}  // namespace
}  // namespace pith
