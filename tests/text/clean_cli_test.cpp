// pith clean on bad input, through the binary: a clear FILE:LINE message, the run goes on,
// every record is written or counted as rejected.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

struct CliRun {
  int code;
  std::string out, err;
};

CliRun run(const std::string& args) {
  fs::path dir = fs::temp_directory_path() / ("pith_clean_cli_" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::string out = (dir / "stdout").string(), err = (dir / "stderr").string();
  int status = std::system((std::string(PITH_BINARY) + " clean " + args + " >" + out + " 2>" + err).c_str());
  auto slurp = [](const std::string& p) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
  };
  return CliRun{WEXITSTATUS(status), slurp(out), slurp(err)};
}

fs::path tmp(const std::string& name, const std::string& content) {
  fs::path dir = fs::temp_directory_path() / ("pith_clean_cli_in_" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << content;
  return dir / name;
}

const std::string kSeed = std::string(PITH_SOURCE_DIR) + "/tests/data/seed-page.txt";

TEST(CleanCli, TextPage) {
  CliRun r = run(kSeed);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("As Chinese President Xi Jinping prepared")) << r.out;
}

TEST(CleanCli, JsonlBrokenLineAndMissingFieldAreRejectedAndTheRunGoesOn) {
  auto in = tmp("mixed.jsonl",
                "{\"id\": 1, \"text\": \"Share\\nThe first record holds a sentence that is long enough to be prose in "
                "any article.\", \"keep\": [1, {\"a\": 2}]}\n"
                "{\"id\": 2, \"text\": \"broken\n"
                "{\"id\": 3, \"body\": \"no text field here\"}\n"
                "{\"id\": 4, \"text\": \"\"}\n"
                "{\"id\": 6, \"text\": null}\n"
                "{\"id\": 7, \"text\": 7}\n"
                "{\"id\": 5, \"text\": \"The last record also holds a sentence that is long enough to be prose here.\"}\n");
  auto rejects = tmp("rejects.jsonl", "");
  CliRun r = run(in.string() + " -f jsonl --rejects " + rejects.string());
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find(in.string() + ":2: invalid JSON"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(in.string() + ":3: no field \"text\""), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(in.string() + ":6: field \"text\" is not a string"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("7 records: 4 cleaned (2 empty, "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("3 rejected (bad_record 3)"), std::string::npos) << r.err;
  // Records 1, 4, 6 and 5 are written, with their other fields as they were; an empty or
  // null text (a page with no visible text) stays as it was, marked empty.
  std::istringstream lines(r.out);
  std::string l1, l2, l3, l4, l5, l6;
  std::getline(lines, l1);
  std::getline(lines, l4);
  std::getline(lines, l6);
  std::getline(lines, l2);
  EXPECT_FALSE(std::getline(lines, l5));
  EXPECT_EQ(l4, "{\"id\": 4, \"text\": \"\",\"pith\":{\"title\":null,\"date\":null,\"dropped_lines\":0,\"noise\":0,\"empty\":true}}");
  EXPECT_TRUE(l6.starts_with("{\"id\": 6, \"text\": null,\"pith\":{")) << l6;
  EXPECT_TRUE(l1.starts_with("{\"id\": 1, \"text\": \"The first record")) << l1;
  EXPECT_NE(l1.find("\"keep\": [1, {\"a\": 2}]"), std::string::npos) << l1;
  EXPECT_NE(l1.find("\"pith\":{"), std::string::npos) << l1;
  EXPECT_TRUE(l2.starts_with("{\"id\": 5,")) << l2;
  std::ifstream rf(rejects);
  std::string rej((std::istreambuf_iterator<char>(rf)), std::istreambuf_iterator<char>());
  EXPECT_NE(rej.find("\"reason\":\"bad_record\""), std::string::npos) << rej;
  EXPECT_EQ(rej.find("\"reason\":\"empty_input\""), std::string::npos) << rej;
}

TEST(CleanCli, JsonlInIsJsonlOutUnlessAskedOtherwise) {
  // Issue 3's command: `pith clean dump.jsonl --field text -o clean.jsonl` writes the same
  // records back, the text cleaned.
  auto in = tmp("dump.jsonl", "{\"id\": 9, \"text\": \"Share\\nThe only record holds a sentence that is long "
                              "enough to be prose in any article.\"}\n");
  fs::path out = in.parent_path() / "clean.jsonl";
  CliRun r = run(in.string() + " --field text -o " + out.string());
  EXPECT_EQ(r.code, 0) << r.err;
  std::ifstream f(out);
  std::string line;
  ASSERT_TRUE(std::getline(f, line));
  EXPECT_TRUE(line.starts_with("{\"id\": 9, \"text\": \"The only record")) << line;
  EXPECT_NE(line.find("\"pith\":{"), std::string::npos) << line;
  EXPECT_FALSE(std::getline(f, line)) << "one record in, one line out";
  CliRun text = run(in.string() + " -f text");
  EXPECT_TRUE(text.out.find("The only record") != std::string::npos && text.out.find("\"id\"") == std::string::npos)
      << text.out;
}

// A line of stderr that names `path` and says `what`.
bool has_message(const std::string& err, const std::string& path, const std::string& what) {
  std::istringstream lines(err);
  std::string l;
  while (std::getline(lines, l))
    if (l.starts_with("pith: " + path + ":") && l.find(what) != std::string::npos) return true;
  return false;
}

TEST(CleanCli, EmptyBinaryInvalidUtf8AndHugeFiles) {
  auto empty = tmp("empty.txt", "");
  auto binary = tmp("binary.txt", std::string("\x01\x02\0\0\x7f\x05\x06\0", 8));
  auto image = tmp("image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  std::string seed;
  {
    std::ifstream f(kSeed, std::ios::binary);
    seed.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  }
  auto bad_utf8 = tmp("bad-utf8.txt", seed + "\n\xC3\x28 \xFF broken bytes in a sentence that goes on long enough.\n");
  auto huge = tmp("huge.txt", std::string(100u << 20, 'a'));  // one 100 MB line
  CliRun r = run(empty.string() + " " + binary.string() + " " + image.string() + " " + bad_utf8.string() + " " +
                 huge.string());
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(has_message(r.err, empty.string(), "empty text")) << r.err;
  EXPECT_TRUE(has_message(r.err, binary.string(), "not text")) << r.err;
  EXPECT_TRUE(has_message(r.err, image.string(), "a PNG image")) << r.err;
  EXPECT_TRUE(has_message(r.err, huge.string(), "file over the budget")) << r.err;
  EXPECT_NE(r.err.find("5 records: 1 cleaned"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("As Chinese President Xi Jinping"), std::string::npos);
  fs::remove(huge);
}

TEST(CleanCli, OneAndManyThreadsGiveTheSameOutput) {
  std::string jsonl;
  std::string seed;
  {
    std::ifstream f(kSeed, std::ios::binary);
    seed.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  }
  std::string esc;
  for (char c : seed) {
    if (c == '\n') esc += "\\n";
    else if (c == '"') esc += "\\\"";
    else esc.push_back(c);
  }
  for (int i = 0; i < 50; ++i)
    jsonl += "{\"url\": \"https://news" + std::to_string(i % 3) + ".example/a" + std::to_string(i) + "\", \"text\": \"" +
             esc + "\\nItem " + std::to_string(i) + " is the last line of this record, and it is a full sentence.\"}\n";
  auto in = tmp("many.jsonl", jsonl);
  CliRun one = run(in.string() + " -f json -j 1 --learn-boilerplate --learn-memory 1");
  CliRun four = run(in.string() + " -f json -j 4 --learn-boilerplate --learn-memory 1");
  EXPECT_EQ(one.code, 0) << one.err;
  EXPECT_EQ(one.out, four.out);
  // "Latest news" recurs on every page of each site: learned, if the tables had not named it.
  EXPECT_NE(one.out.find("\"reason\":\"list_heading\""), std::string::npos);
}

}  // namespace
