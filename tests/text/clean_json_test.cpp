// write_clean_json: the one shape of a cleaned page in JSON (pith clean --format json, pith.clean).
#include "text/clean_json.h"

#include <gtest/gtest.h>

namespace pith {
namespace {

Cleaned sample() {
  Cleaned c;
  c.title = "A headline";
  c.text = "The article.\n";
  c.dropped.push_back({1, "share", "Share this"});
  c.noise.score = 0.12345;
  c.noise.quote_marks = 2;
  c.lines = 3;
  c.kept_lines = 1;
  c.warnings.push_back("invalid UTF-8 repaired");
  return c;
}

TEST(CleanJson, FieldsInOrderWithNullForEmpty) {
  std::string out;
  write_clean_json(sample(), "page.txt", "https://example.com/a", out);
  EXPECT_EQ(out,
            R"({"source":"page.txt","url":"https://example.com/a","title":"A headline","date":null,)"
            R"("text":"The article.\n","lines":3,"kept_lines":1,"list_like":false,)"
            R"("dropped":[{"line":1,"reason":"share","text":"Share this"}],)"
            R"("noise":{"score":0.123,"quote_marks":2,"unbalanced_quotes":0,"misplaced_quotes":0,)"
            R"("glued_fragments":0,"doubled_punctuation":0,"replacement_chars":0},)"
            R"("warnings":["invalid UTF-8 repaired"]})");
}

TEST(CleanJson, NoSourceForAPageWithoutAFile) {
  std::string out;
  write_clean_json(Cleaned{}, {}, {}, out);
  EXPECT_EQ(out.rfind(R"({"url":null,"title":null,"date":null,"text":null,"lines":0,)", 0), 0u) << out;
}

}  // namespace
}  // namespace pith
