#include "io/jsonl_reader.h"

#include <gtest/gtest.h>

#include "fixtures.h"

namespace pith {
namespace {

TEST(JsonlReader, FieldsIdsAndBrokenLines) {
  std::string data =
      "{\"id\": \"a\", \"html\": \"<p>x</p>\", \"url\": \"https://a/\"}\n"
      "{\"id\": 7, \"html\": \"<p>y</p>\", \"metadata\": {\"url\": \"https://m/\", \"date\": \"2024\"}}\n"
      "{\"id\": \"broken\", \"html\": \"<p>\n"
      "\n"
      "[1, 2]\n"
      "{\"id\": \"nofield\"}\n"
      "{\"id\": \"notstring\", \"html\": 5}\n"
      "{\"html\": \"<p>z</p>\"}\n";
  JsonlReaderOptions opt;
  opt.field = "html";
  JsonlReader r(memory_source(testing::gzip_member(data)), opt);
  std::vector<JsonlDoc> docs, bad;
  JsonlDoc d;
  while (true) {
    auto st = r.next(d);
    if (st == JsonlReader::kEnd) break;
    (st == JsonlReader::kDoc ? docs : bad).push_back(d);
  }
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].id, "a");
  EXPECT_EQ(docs[0].content, "<p>x</p>");
  EXPECT_EQ(docs[0].url, "https://a/");
  EXPECT_EQ(docs[1].id, "7");
  EXPECT_EQ(docs[1].url, "https://m/");
  EXPECT_EQ(docs[1].date, "2024");
  EXPECT_EQ(docs[2].id, "");
  EXPECT_EQ(docs[2].line, 8u);
  ASSERT_EQ(bad.size(), 4u);
  EXPECT_EQ(bad[0].line, 3u);
  EXPECT_EQ(bad[0].offset, data.find("{\"id\": \"broken\""));
}

}  // namespace
}  // namespace pith
