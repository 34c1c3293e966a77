// The one input layer (io/input.h): which files an argument names, the formats found by
// content, and every record of a file coming back once (page, skip with a reason, or bad).
#include "io/input.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "fixtures.h"

namespace pith {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

std::vector<std::string> paths_of(const InputList& in) {
  std::vector<std::string> out;
  for (const auto& f : in.files) out.push_back(f.rel);
  return out;
}

std::vector<InputRecord> read_all(const InputFile& f, const ReaderOptions& o = {}) {
  auto r = RecordReader::open(f, o);
  EXPECT_TRUE(r) << (r ? "" : r.error().message);
  std::vector<InputRecord> out;
  if (!r) return out;
  InputRecord rec;
  while ((*r)->next(rec)) out.push_back(rec);
  return out;
}

InputFile file_at(const std::string& path) { return InputFile{path, path, fs::path(path).filename().string(), 0}; }

TEST(ListInputs, FoldersRecursiveSortedByKnownNamesFilesWhateverTheirName) {
  TempDir d;
  d.write("in/b.html", "<p>b</p>");
  d.write("in/a/z.warc.gz", "x");
  d.write("in/a/y.jsonl.zst", "x");
  d.write("in/notes.md", "not an input");
  d.write("in/c.txt", "text");
  std::string odd = d.write("odd.name", "<p>named on the command line</p>");
  InputList in = list_inputs({d.file("in"), odd});
  EXPECT_TRUE(in.errors.empty());
  EXPECT_EQ(paths_of(in), (std::vector<std::string>{"a/y.jsonl.zst", "a/z.warc.gz", "b.html", "c.txt", "odd.name"}));
  EXPECT_EQ(in.files[0].root, d.file("in"));
}

TEST(ListInputs, GlobsStdinMissingPathsAndEmptyFolders) {
  TempDir d;
  d.write("p1.html", "1");
  d.write("p2.html", "2");
  d.write("q.html", "3");
  fs::create_directories(d.file("empty"));
  InputList in = list_inputs({d.file("p*.html"), "-", d.file("nope.html"), d.file("x*.warc"), d.file("empty")});
  EXPECT_EQ(paths_of(in), (std::vector<std::string>{"p1.html", "p2.html", "stdin"}));
  ASSERT_EQ(in.errors.size(), 3u);
  EXPECT_EQ(in.errors[0].what, "no such file or folder");
  EXPECT_EQ(in.errors[1].what, "no such file or folder, and no file matches it as a pattern");
  EXPECT_NE(in.errors[2].what.find("no input files"), std::string::npos);
}

TEST(ListInputs, TheOutputAndEverythingUnderItIsNeverRead) {
  TempDir d;
  d.write("crawl/a.warc", "x");
  d.write("crawl/out/00000.jsonl.gz", "x");
  d.write("crawl/out/deeper/00001.jsonl", "x");
  InputList in = list_inputs({d.file("crawl")}, {.exclude = {d.file("crawl/out")}});
  EXPECT_EQ(paths_of(in), (std::vector<std::string>{"a.warc"}));
  // Spelled another way (relative, with ./), still the same folder.
  fs::path cwd = fs::current_path();
  fs::current_path(d.path());
  InputList in2 = list_inputs({"crawl"}, {.exclude = {"./crawl/out/"}});
  fs::current_path(cwd);
  EXPECT_EQ(paths_of(in2), (std::vector<std::string>{"a.warc"}));
}

TEST(ListInputs, OneFileNamedTwiceIsReadOnce) {
  TempDir d;
  std::string p = d.write("in/a.html", "x");
  InputList in = list_inputs({d.file("in"), p, d.file("in/../in/a.html")});
  EXPECT_EQ(in.files.size(), 1u);
}

// Runs `body` as the unprivileged user nobody in a child process (root reads every file, so a
// permission test must drop root); returns the child's exit code.
int as_nobody(const std::function<int()>& body) {
  pid_t pid = fork();
  if (pid == 0) {
    if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) _exit(99);
    _exit(body());
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 98;
}

TEST(ListInputs, UnreadableFilesAndFoldersAreReportedNotSkipped) {
  TempDir d;
  fs::permissions(d.path(), fs::perms::all);
  std::string secret = d.write("secret.html", "x");
  d.write("locked/a.html", "x");
  d.write("open/b.html", "x");
  fs::permissions(secret, fs::perms::owner_read);
  fs::permissions(d.file("locked"), fs::perms::owner_all);
  fs::permissions(d.file("open"), fs::perms::all);
  fs::permissions(d.file("open/b.html"), fs::perms::all);
  int code = as_nobody([&] {
    InputList in = list_inputs({secret, d.path()});
    // secret.html (named, then again in the folder: one error), locked/ (a folder).
    bool secret_denied = false, locked_denied = false;
    for (const auto& e : in.errors) {
      if (e.path == secret && e.what == "permission denied") secret_denied = true;
      if (e.path.ends_with("locked") && e.what == "permission denied") locked_denied = true;
    }
    bool b_read = in.files.size() == 1 && in.files[0].rel == "open/b.html";
    return secret_denied && locked_denied && b_read ? 0 : 1;
  });
  EXPECT_EQ(code, 0);
}

TEST(CheckOutputs, NeverOverAnInputNeverTwoInputsOnOneOutput) {
  TempDir d;
  std::string a = d.write("a/p.txt", "x");
  std::string b = d.write("b/p.txt", "y");
  InputList two = list_inputs({a, b});
  EXPECT_NE(check_outputs(two, d.file("out"), true).find("same output file"), std::string::npos);
  EXPECT_EQ(check_outputs(two, d.file("out.txt"), false), "");
  EXPECT_NE(check_outputs(two, a, false).find("is also an input"), std::string::npos);
  InputList one = list_inputs({d.file("a")});
  EXPECT_NE(check_outputs(one, d.file("a"), true).find("write over the input"), std::string::npos);
  EXPECT_EQ(check_outputs(one, d.file("a"), true, ".json"), "");
}

TEST(SniffInputFormat, ByContent) {
  EXPECT_EQ(*sniff_input_format("WARC/1.0\r\n"), InputFormat::kWarc);
  EXPECT_EQ(*sniff_input_format("\r\nWARC/0.18\r\n"), InputFormat::kWarc);
  EXPECT_EQ(*sniff_input_format("filedesc://x.arc 0.0.0.0 20010101 text/plain 76\n"), InputFormat::kWarc);
  EXPECT_EQ(*sniff_input_format("{\"text\": \"a\"}\n"), InputFormat::kJsonl);
  EXPECT_EQ(*sniff_input_format("\xEF\xBB\xBF<!DOCTYPE html><p>x"), InputFormat::kHtml);
  EXPECT_EQ(*sniff_input_format("Warning: x in y.php\n<html><body>"), InputFormat::kHtml);
  EXPECT_EQ(*sniff_input_format("Just a line of text.\nAnd another."), InputFormat::kText);
  EXPECT_EQ(*sniff_input_format("[Music] a song, with [brackets]"), InputFormat::kText);
  for (std::string_view bad : {std::string_view("BZh91AY&SY"), std::string_view("%PDF-1.4"),
                               std::string_view("PK\x03\x04zz"), std::string_view("[{\"a\": 1}]")}) {
    auto r = sniff_input_format(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_FALSE(r.error().message.empty());
  }
}

TEST(RecordReader, AnUnsupportedFormatIsOneClearErrorNotABadRecord) {
  TempDir d;
  std::string p = d.write("dump.jsonl.bz2", "BZh91AY&SY\x01\x02\x03");
  auto r = RecordReader::open(file_at(p), {});
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("bzip2"), std::string::npos);
}

TEST(RecordReader, WarcRecordsComeBackOnceEachAsPageSkipOrBad) {
  TempDir d;
  std::string chunked_gz = testing::gzip_member("<html><body><p>chunked and gzipped</p></body></html>");
  char size_hex[16];
  std::snprintf(size_hex, sizeof size_hex, "%zx", chunked_gz.size());
  std::string chunked = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\nTransfer-Encoding: chunked\r\n"
                        "Content-Encoding: gzip\r\ncontent-language: de-AT\r\n\r\n" +
                        std::string(size_hex) + "\r\n" + chunked_gz + "\r\n0\r\n\r\n";
  std::string warc = testing::warc_record("warcinfo", "software: test\r\n", "0") +
                     testing::warc_record("request", "GET / HTTP/1.1\r\n\r\n", "1", "https://a.example/") +
                     testing::response_record("<p>one</p>", "2", "https://a.example/") +
                     testing::warc_record("response", testing::http_response("gone", "text/html", 404), "3",
                                          "https://a.example/404") +
                     testing::warc_record("response", testing::http_response("%PDF", "application/pdf"), "4",
                                          "https://a.example/x.pdf") +
                     testing::warc_record("response", chunked, "5", "https://a.example/c") +
                     testing::warc_record("conversion", "plain text of a page", "6", "https://a.example/t");
  std::string gz;
  // One gzip member per record, as crawlers write them.
  size_t pos = 0;
  while (pos < warc.size()) {
    size_t next = warc.find("WARC/1.1\r\n", pos + 1);
    if (next == std::string::npos) next = warc.size();
    gz += testing::gzip_member(warc.substr(pos, next - pos));
    pos = next;
  }
  std::string p = d.write("crawl.warc.gz", gz);
  auto recs = read_all(file_at(p));
  ASSERT_EQ(recs.size(), 7u);
  EXPECT_EQ(recs[0].kind, InputRecord::kSkip);
  EXPECT_EQ(recs[0].reason, "warc_type:warcinfo");
  EXPECT_EQ(recs[1].reason, "warc_type:request");
  EXPECT_EQ(recs[2].kind, InputRecord::kHtml);
  EXPECT_EQ(recs[2].body, "<p>one</p>");
  EXPECT_EQ(recs[2].url, "https://a.example/");
  EXPECT_EQ(recs[2].charset, "utf-8");
  EXPECT_EQ(recs[2].id, "urn:uuid:2");
  EXPECT_EQ(recs[2].http_status, 200);
  ASSERT_FALSE(recs[2].http_headers.empty());
  EXPECT_EQ(recs[2].http_headers[0], (std::pair<std::string, std::string>{"Content-Type", "text/html; charset=utf-8"}));
  EXPECT_EQ(recs[3].reason, "http_status");
  EXPECT_EQ(recs[3].http_status, 404);
  EXPECT_EQ(recs[4].reason, "not_html");
  EXPECT_EQ(recs[5].kind, InputRecord::kHtml);
  EXPECT_EQ(recs[5].body, "<html><body><p>chunked and gzipped</p></body></html>");
  EXPECT_EQ(recs[5].charset, "ISO-8859-1");
  EXPECT_EQ(recs[5].http_header("Content-Language"), "de-AT");  // any case, as HTTP names go
  EXPECT_EQ(recs[2].http_header("Content-Language"), "");
  EXPECT_EQ(recs[6].kind, InputRecord::kText);
  EXPECT_EQ(recs[6].body, "plain text of a page");
  // pith clean wants text: the HTML responses are skipped as not_text, the conversion is read.
  auto for_clean = read_all(file_at(p), {.want = PageKind::kText});
  EXPECT_EQ(for_clean[2].reason, "not_text");
  EXPECT_EQ(for_clean[6].kind, InputRecord::kText);
  // pith extract wants HTML: the conversion record is skipped as not_html.
  auto for_extract = read_all(file_at(p), {.want = PageKind::kHtml});
  EXPECT_EQ(for_extract[6].reason, "not_html");
}

TEST(RecordReader, JsonlInZstdWithTheValuePositionKept) {
  TempDir d;
  std::string lines = "{\"id\": 1, \"text\": \"first \\\"page\\\"\", \"url\": \"https://x/1\"}\n"
                      "\n"
                      "{\"id\": \"b\", \"text\": null}\n"
                      "{broken\n"
                      "{\"id\": \"c\", \"other\": \"no text field\"}\n";
  // Named .txt: the content says JSONL.
  std::string p = d.write("dump.txt", testing::zstd_frame(lines));
  auto recs = read_all(file_at(p), {.want = PageKind::kText, .keep_line = true});
  ASSERT_EQ(recs.size(), 4u);
  EXPECT_EQ(recs[0].format, InputFormat::kJsonl);
  EXPECT_EQ(recs[0].kind, InputRecord::kText);
  EXPECT_EQ(recs[0].body, "first \"page\"");
  EXPECT_EQ(recs[0].url, "https://x/1");
  EXPECT_EQ(recs[0].id, "1");
  EXPECT_EQ(recs[0].line_bytes.substr(recs[0].value_begin, recs[0].value_end - recs[0].value_begin),
            "\"first \\\"page\\\"\"");
  EXPECT_EQ(recs[1].line, 3u);
  EXPECT_TRUE(recs[1].value_null);
  EXPECT_EQ(recs[2].kind, InputRecord::kBad);
  EXPECT_EQ(recs[2].line, 4u);
  EXPECT_EQ(recs[2].reason, "bad_record");
  EXPECT_EQ(recs[3].kind, InputRecord::kBad);
  EXPECT_NE(recs[3].error.message.find("no field \"text\""), std::string::npos);
}

TEST(RecordReader, WholeFilePagesTakeTheKindAskedForAndTheBudget) {
  TempDir d;
  std::string p = d.write("page.html.gz", testing::gzip_member("<html><body><p>Hello</p></body></html>"));
  auto recs = read_all(file_at(p), {.url = "https://u/", .charset = "utf-8"});
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].kind, InputRecord::kHtml);
  EXPECT_EQ(recs[0].body, "<html><body><p>Hello</p></body></html>");
  EXPECT_EQ(recs[0].url, "https://u/");
  auto text = read_all(file_at(p), {.want = PageKind::kText});
  EXPECT_EQ(text[0].kind, InputRecord::kText);
  auto small = read_all(file_at(p), {.max_record_bytes = 10});
  ASSERT_EQ(small.size(), 1u);
  EXPECT_EQ(small[0].kind, InputRecord::kBad);
  EXPECT_EQ(small[0].reason, "too_large");
  // An empty file is one (empty) page: the engine rejects it with its reason, it is not lost.
  std::string e = d.write("empty.html", "");
  auto empty = read_all(file_at(e));
  ASSERT_EQ(empty.size(), 1u);
  EXPECT_TRUE(empty[0].body.empty());
}

// The progress counters are read by the thread that writes output while a reader thread calls
// next(): they must never touch the reader that next() replaces at each file (a use after free
// that crashed pith extract on a folder of pages now and then).
TEST(InputStream, ProgressIsSafeToReadWhileAnotherThreadReads) {
  TempDir d;
  uint64_t total = 0;
  for (int i = 0; i < 400; ++i) {
    std::string page = "<html><body><p>page " + std::to_string(i) + "</p></body></html>";
    total += page.size();
    d.write("in/p" + std::to_string(1000 + i) + ".html", page);
  }
  InputList in = list_inputs({d.file("in")});
  ASSERT_EQ(in.files.size(), 400u);
  InputStream stream(in, ReaderOptions{});
  std::atomic<bool> done{false};
  bool monotonic = true;
  std::thread progress([&] {
    uint64_t last_bytes = 0;
    size_t last_files = 0;
    while (!done.load()) {
      uint64_t b = stream.raw_done();
      size_t f = stream.files_done();
      monotonic = monotonic && b >= last_bytes && f >= last_files && b <= total && f <= 400;
      last_bytes = b;
      last_files = f;
    }
  });
  StreamRecord r;
  size_t records = 0;
  while (stream.next(r)) records += r.rec.kind == InputRecord::kHtml;
  done = true;
  progress.join();
  EXPECT_EQ(records, 400u);
  EXPECT_TRUE(monotonic);
  EXPECT_EQ(stream.raw_done(), total);
  EXPECT_EQ(stream.files_done(), 400u);
}

}  // namespace
}  // namespace pith
