#include <gtest/gtest.h>

#include "filter/quality.h"
#include "pipeline/run.h"
#include "pipeline/stage.h"
#include "text/lang.h"
#include "text/pii.h"

namespace pith {
namespace {

std::string repeat_lines(const std::vector<std::string>& lines, int times) {
  std::string s;
  for (int t = 0; t < times; ++t)
    for (const auto& l : lines) s += l + "\n";
  return s;
}

// A varied English text: random sentences over a large vocabulary, so no n-gram repeats much.
std::string good_text(int n = 12, unsigned seed = 1) {
  static const char* nouns[] = {"river", "council", "teacher", "library", "bridge", "market", "garden", "museum",
                                "station", "harbor", "village", "orchard", "factory", "theater", "hospital",
                                "school", "bakery", "island", "valley", "castle", "forest", "canal", "tower",
                                "airport", "stadium", "chapel", "meadow", "quarry", "lighthouse", "workshop"};
  static const char* verbs[] = {"visited", "repaired", "described", "painted", "measured", "opened", "closed",
                                "praised", "studied", "cleaned", "counted", "mapped", "guarded", "funded"};
  unsigned x = seed * 2654435761u + 12345;
  auto pick = [&](unsigned m) {
    x = x * 1103515245u + 12345u;
    return (x >> 8) % m;
  };
  std::string s;
  for (int i = 0; i < n; ++i) {
    for (int k = 0; k < 3; ++k)
      s += std::string(k ? " " : "") + "The " + nouns[pick(30)] + " " + verbs[pick(14)] + " the " + nouns[pick(30)] + " of " +
           nouns[pick(30)] + " " + std::to_string(pick(1000)) + " with the " + nouns[pick(30)] + ".";
    s += "\n";
  }
  return s;
}

struct Case {
  const char* name;
  std::string text;
  std::string_view want;  // "" = kept
};

TEST(GopherQuality, Rules) {
  GopherQuality f;
  FilterScratch s;
  std::vector<Case> cases = {
      {"good", good_text(), ""},
      {"short", "The cat sat on the mat with the hat.", "gopher_short_doc"},
      {"hashes", good_text() + std::string(60, '#') + " " + std::string(200, '#'), "gopher_too_many_hashes"},
      {"no stop words", repeat_lines({"Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod."}, 8),
       "gopher_enough_stop_words"},
      {"long words", repeat_lines({"Supercalifragilisticexpialidocious antidisestablishmentarianism the of."}, 20),
       "gopher_above_avg_threshold"},
      {"bullets", repeat_lines({"\xe2\x80\xa2 the item of the list with some words in it"}, 20),
       "gopher_too_many_bullets"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(f.check(c.text, s), c.want);
  }
}

TEST(GopherRepetition, Rules) {
  GopherRepetition f;
  FilterScratch s;
  EXPECT_EQ(f.check(good_text(), s), "");
  EXPECT_EQ(f.check(repeat_lines({"Same paragraph here.", ""}, 5), s), "dup_para_frac");
  std::string lines = good_text(4) + repeat_lines({"Click here to subscribe to the newsletter today."}, 4);
  EXPECT_EQ(f.check(lines, s), "dup_line_frac");
}

TEST(C4Quality, LineRulesAndDocumentRules) {
  C4Quality f;
  FilterScratch s;
  std::string t = good_text(6) + "Enable javascript to see this page.\nshort line.\nno punctuation here at all\n"
                                 "Read our privacy policy for more.\nSee note [12] and [citation needed] here.\n";
  ASSERT_EQ(f.check(t, s), "");
  EXPECT_EQ(t.find("javascript"), std::string::npos);
  EXPECT_EQ(t.find("short line"), std::string::npos);
  EXPECT_EQ(t.find("no punctuation"), std::string::npos);
  EXPECT_EQ(t.find("privacy"), std::string::npos);
  EXPECT_NE(t.find("See note  and  here."), std::string::npos);
  std::string lorem = good_text() + "Lorem ipsum dolor sit amet.\n";
  EXPECT_EQ(f.check(lorem, s), "lorem_ipsum");
  std::string curly = good_text() + "function f() { return the value; }.\n";
  EXPECT_EQ(f.check(curly, s), "curly_bracket");
  std::string few = "One sentence here.\nTwo sentences here.\n";
  EXPECT_EQ(f.check(few, s), "too_few_sentences");
  C4Quality fineweb_c4;
  fineweb_c4.filter_no_terminal_punct = false;
  std::string keep = good_text(6) + "no punctuation here at all\n";
  ASSERT_EQ(fineweb_c4.check(keep, s), "");
  EXPECT_NE(keep.find("no punctuation"), std::string::npos);
}

TEST(FineWebQuality, Rules) {
  FineWebQuality f;
  FilterScratch s;
  EXPECT_EQ(f.check(good_text(), s), "");
  EXPECT_EQ(f.check(repeat_lines({"Menu item without an ending mark and long enough"}, 10), s), "line_punct_ratio");
  EXPECT_EQ(f.check(repeat_lines({"Short one.", "Also short.", "Tiny line!"}, 1) + "x.", s), "short_line_ratio");
  EXPECT_EQ(f.check(good_text(10) + good_text(1), s), "char_dup_ratio");  // good_text(1) repeats line 1
}

TEST(Pii, EmailsAndPublicIpsAreMasked) {
  std::string t = "Write to john.doe+x@mail.example.co.uk or a@b.c, from 8.8.8.8 and 192.168.1.2, "
                  "version 1.2.3.4.5, 999.1.1.1, 10.0.0.1.";
  PiiCounts c = mask_pii(t);
  EXPECT_EQ(c.emails, 1u);
  EXPECT_EQ(c.ips, 1u);
  EXPECT_EQ(t, std::string("Write to ") + kEmailReplacement + " or a@b.c, from " + kIpReplacement +
                   " and 192.168.1.2, version 1.2.3.4.5, 999.1.1.1, 10.0.0.1.");
}

TEST(Language, Cld2) {
  auto en = detect_language(good_text());
  EXPECT_EQ(en.code, "en");
  EXPECT_GT(en.score, 0.9);
  auto de = detect_language("Die Bundesregierung hat am Mittwoch beschlossen, dass die neuen Regeln für den "
                            "Wohnungsbau ab dem kommenden Jahr gelten sollen. Die Opposition kritisierte das.");
  EXPECT_EQ(de.code, "de");
  EXPECT_EQ(detect_language("").code, "un");
}

TEST(Recipes, KnownNamesAndStageOrder) {
  for (auto name : recipe_names()) EXPECT_TRUE(make_recipe(name)) << name;
  EXPECT_FALSE(make_recipe("nope"));
  auto r = make_recipe("fineweb");
  ASSERT_TRUE(r);
  std::vector<std::string> names;
  for (auto& s : r->stages) names.emplace_back(s->name());
  EXPECT_EQ(names, (std::vector<std::string>{"language", "gopher_repetition", "gopher_quality", "c4_quality",
                                             "fineweb_quality"}));
}

TEST(Text, OneParagraphPerLine) {
  std::string t = "\n\nFirst para.\n\n\nSecond\r\n\r\nThird\n\n";
  one_paragraph_per_line(t);
  EXPECT_EQ(t, "First para.\nSecond\nThird");
}

}  // namespace
}  // namespace pith
