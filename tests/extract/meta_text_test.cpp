#include "extract/meta_text.h"

#include <gtest/gtest.h>

namespace pith {
namespace {

TEST(MetaText, LooseKey) {
  EXPECT_EQ(loose_key("Gold's Gym"), "goldsgym");
  EXPECT_EQ(loose_key("  The Verge — Tech "), "thevergetech");
  EXPECT_EQ(loose_key("Crusher® ANC 2"), "crusheranc2");
  EXPECT_EQ(loose_key("Ärzte Zeitung"), "ärztezeitung");
  EXPECT_EQ(loose_key("!!!"), "");
}

TEST(MetaText, SplitTitle) {
  struct Case {
    std::string_view in;
    std::vector<std::string_view> out;
  };
  const Case cases[] = {
      {"Headline | Site", {"Headline", "Site"}},
      {"Headline - Section - Site", {"Headline", "Section", "Site"}},
      {"Headline – Site", {"Headline", "Site"}},
      {"Headline — Site", {"Headline", "Site"}},
      {"Headline · Site", {"Headline", "Site"}},
      {"Headline|Site", {"Headline", "Site"}},
      {"Well-known facts: a guide", {"Well-known facts: a guide"}},  // hyphen in a word, colon
      {"  ", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(split_title(c.in), c.out) << c.in;
}

TEST(MetaText, CleanTitle) {
  SiteNames site;
  site.add_name("The Motley Fool");
  site.add_host_of("https://www.goldsgym.com/blog/x");
  struct Case {
    std::string_view in, out, removed;
  };
  const Case cases[] = {
      {"Best Stocks of 2025 | The Motley Fool", "Best Stocks of 2025", "The Motley Fool"},
      {"The Motley Fool: Best Stocks", "The Motley Fool: Best Stocks", ""},  // colon is not a separator
      {"Gym Workouts for Beginners - Gold's Gym", "Gym Workouts for Beginners", "Gold's Gym"},
      {"Gold's Gym | Gym Workouts", "Gym Workouts", "Gold's Gym"},
      {"Headline - Tagline - Gold's Gym", "Headline", "Gold's Gym"},
      {"Just a headline", "Just a headline", ""},
      {"The Motley Fool", "The Motley Fool", ""},  // never empties the title
  };
  for (const auto& c : cases) {
    std::string removed;
    EXPECT_EQ(clean_title(c.in, site, &removed), c.out) << c.in;
    EXPECT_EQ(removed, c.removed) << c.in;
  }
}

TEST(MetaText, IsSiteSegment) {
  SiteNames site;
  site.add_name("Slashdot");
  site.add_host_of("https://news.example-news.co.uk/a");
  EXPECT_TRUE(is_site_segment("Slashdot", site));
  EXPECT_TRUE(is_site_segment("Slashdot Blog", site));
  EXPECT_TRUE(is_site_segment("example-news", site));
  EXPECT_FALSE(is_site_segment("Why Slashdot readers love long threads about editors", site));
  EXPECT_FALSE(is_site_segment("Budget airlines", site));
}

TEST(MetaText, CleanHeading) {
  EXPECT_EQ(clean_heading("Quickstart\xC2\xB6"), "Quickstart");
  EXPECT_EQ(clean_heading("  Home Repair Assis\xC2\xADtance Program "), "Home Repair Assistance Program");
  EXPECT_EQ(clean_heading("Anchored heading #"), "Anchored heading");
  EXPECT_EQ(clean_heading("C#"), "C#");
  EXPECT_EQ(clean_heading("Install \xF0\x9F\x94\x97"), "Install");
  EXPECT_EQ(clean_heading("Zero\xE2\x80\x8Bwidth"), "Zerowidth");
}

TEST(MetaText, StripEdgeDates) {
  EXPECT_EQ(strip_edge_dates("Dec 18 2025 Preparing a transition"), "Preparing a transition");
  EXPECT_EQ(strip_edge_dates("Backpacking Checklist January 1, 2025"), "Backpacking Checklist");
  EXPECT_EQ(strip_edge_dates("What happened on March 3, 2021 in Paris"), "What happened on March 3, 2021 in Paris");
  EXPECT_EQ(strip_edge_dates("March 3, 2021"), "March 3, 2021");  // nothing else left: keep it
}

TEST(MetaText, FoldQuotes) {
  EXPECT_EQ(fold_quotes("It\xE2\x80\x99s \xE2\x80\x9C" "fine\xE2\x80\x9D"), "It's \"fine\"");
  EXPECT_EQ(fold_quotes("plain"), "plain");
}

TEST(MetaText, NormalizeAuthor) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"Ann Lee", "Ann Lee"},
      {"By Ann Lee", "Ann Lee"},
      {"by: Ann Lee", "Ann Lee"},
      {"Written by Ann Lee", "Ann Lee"},
      {"Written by: Ann Lee | March 3, 2023", "Ann Lee"},
      {"By Ann Lee - Mar 27, 2024", "Ann Lee"},
      {"By Ann Lee Updated March 3, 2023", "Ann Lee"},
      {"Posted by Ann Lee on March 3, 2023", "Ann Lee"},
      {"By Ann Lee and Bo Chen", "Ann Lee and Bo Chen"},
      {"\"David Kim\"", "David Kim"},
      {"Jean-Luc Aufranc (CNXSoft)", "Jean-Luc Aufranc (CNXSoft)"},
      {"Jean-Luc Aufranc (CNXSoft", "Jean-Luc Aufranc (CNXSoft"},
      {"Martin Luther King Jr.", "Martin Luther King Jr."},
      {"A. J. Neal", "A. J. Neal"},
      {"Shelby Loos, DVM.", "Shelby Loos, DVM"},
      {"Von Max Muster", "Max Muster"},
      {"Von Miller", "Von Miller"},  // a name, not a byline word
      {"View all posts by Ann Lee", "Ann Lee"},
      // not names
      {"https://example.com/author/ann", ""},
      {"/author/ann-lee", ""},
      {"Written by", ""},
      {"By", ""},
      {"Author:", ""},
      {"admin", ""},
      {"Updated March 3, 2023", ""},
      {"12345", ""},
      {"ann@example.com", ""},
      {"This is a long sentence that goes on and on about many things and is clearly not the name of anyone at all",
       ""},
      {"", ""},
  };
  for (const auto& [in, out] : cases) EXPECT_EQ(normalize_author(in), out) << in;
}

TEST(MetaText, JoinAuthors) {
  EXPECT_EQ(join_authors({"Ann Lee", "Bo Chen", "ann lee"}), "Ann Lee, Bo Chen");
  EXPECT_EQ(join_authors({}), "");
}

TEST(MetaText, NormalizeLang) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"en", "en"},         {"en-US", "en"},   {"EN_gb", "en"},       {"pt-BR", "pt-br"}, {"pt_BR", "pt-br"},
      {"zh-Hant-TW", "zh-hant"}, {"de-DE, en", "de"}, {"", ""},       {"x", ""},          {"english", ""},
      {"123", ""},
  };
  for (const auto& [in, out] : cases) EXPECT_EQ(normalize_lang(in), out) << in;
}

TEST(MetaText, WordKeys) {
  EXPECT_EQ(word_keys("Hello, World! 2024"), (std::vector<std::string>{"hello", "world", "2024"}));
  EXPECT_EQ(word_count("  "), 0u);
}

}  // namespace
}  // namespace pith
