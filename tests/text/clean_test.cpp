#include "pith/clean.h"
#include "clean_support.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "text/boilerplate_phrases.h"
#include "text/dates.h"
#include "text/line_features.h"

namespace pith {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}


const char* kSeedTitle = "As Xi travels to Russia, the US says no to a Chinese-led ceasefire in Ukraine";

void check_seed(const std::string& page) {
  Cleaner cleaner;
  auto r = cleaner.clean(page);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->title, kSeedTitle);
  EXPECT_EQ(r->date, "2023-03-21");
  // The article: from the first paragraph through the editor's note "This is an evolving
  // message..." (kept: it is the article's own closing paragraph, not site chrome).
  EXPECT_TRUE(r->text.starts_with("As Chinese President Xi Jinping prepared")) << r->text;
  EXPECT_NE(r->text.find("Kirby said.\nAnd we do not currently support calls for a ceasefire."), std::string::npos);
  EXPECT_TRUE(r->text.ends_with("More information will be added as it becomes available.\n")) << r->text;
  EXPECT_EQ(r->text.find(kSeedTitle), std::string::npos) << "the headline is metadata, not text";
  EXPECT_EQ(r->kept_lines, 9u);
  EXPECT_EQ(reason_of(*r, "9.9 C"), "widget");
  EXPECT_EQ(reason_of(*r, "Tuesday, March 21, 2023"), "date_line");
  EXPECT_EQ(reason_of(*r, "As Xi travels"), "title");
  EXPECT_EQ(reason_of(*r, "Latest news"), "list_heading");
  EXPECT_EQ(reason_of(*r, "Related news"), "list_heading");
  EXPECT_EQ(reason_of(*r, "Please enter your comment!"), "comment_form");
  EXPECT_EQ(reason_of(*r, "Please enter your name here"), "comment_form");
  EXPECT_EQ(r->dropped.size(), 7u);
  // The seed is machine-translated: quotes glued to fragments ("be.” another ...").
  EXPECT_GE(r->noise.glued_fragments, 1u);
  EXPECT_GE(r->noise.unbalanced_quotes, 1u);
  EXPECT_GT(r->noise.score, 0.3);
}

TEST(CleanGolden, SeedPage) { check_seed(read_file(std::string(PITH_SOURCE_DIR) + "/tests/data/seed-page.txt")); }

TEST(CleanGolden, SharedSeedPageMatchesTheCopy) {
  std::string shared = std::string(PITH_SOURCE_DIR) + "/../shared/examples/seed-page.txt";
  std::ifstream f(shared);
  if (!f) GTEST_SKIP() << shared << " is absent (only the team's workspace has ../shared)";
  check_seed(read_file(shared));
}

TEST(Clean, KeepTitleOption) {
  CleanOptions o;
  o.keep_title = true;
  Cleaner cleaner(o);
  auto r = cleaner.clean(read_file(std::string(PITH_SOURCE_DIR) + "/tests/data/seed-page.txt"));
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->text.starts_with(kSeedTitle));
}

// Each line is dropped for a named reason, whatever page it is on.
struct LineCase {
  std::string line;
  std::string reason;
};

TEST(Clean, LineReasonsFromTables) {
  const LineCase cases[] = {
      {"Share this article", "share"},
      {"Leave a Reply", "comment_form"},
      {"Your email address will not be published.", "comment_form"},
      {"12 Comments", "comments"},
      {"© 2023 Example Media Group. All rights reserved.", "copyright"},
      {"We use cookies to improve your experience on our site.", "cookie_legal"},
      {"Privacy Policy", "cookie_legal"},
      {"Sign up for our newsletter", "subscribe"},
      {"Advertisement", "advertisement"},
      {"Read more", "call_to_action"},
      {"You may also like", "list_heading"},
      {"Sign In", "login"},
      {"72°F", "widget"},
      {"Published March 3, 2021", "date_line"},
      {"| | |", "no_letters"},
      {"Strictly Necessary Cookies", "cookie_legal"},
      {"Store and/or access information on a device", "cookie_legal"},
      {"JavaScript is disabled. For a better experience, please enable JavaScript in your browser.", "call_to_action"},
      {"Click to expand...", "call_to_action"},
  };
  const std::string article = paras(0, 2);
  for (const auto& c : cases) {
    Cleaner cleaner;
    auto r = cleaner.clean(c.line + "\n" + article);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(reason_of(*r, c.line), c.reason) << c.line;
    EXPECT_NE(r->text.find("The council met"), std::string::npos);
  }
}

TEST(Clean, ProseIsNotDroppedForAPhraseItHolds) {
  // "privacy policy" inside a long paragraph of an article about it: only lines of at most
  // kMaxAnywhereLineWords words are matched anywhere.
  std::string p =
      "The regulator said on Monday that the company had changed its privacy policy three times in a single "
      "year without telling its users, and that each change had widened the data it shared with advertisers, "
      "which the regulator said broke the rules that the company had agreed to follow when it settled the "
      "last case brought against it by the same office.\n";
  Cleaner cleaner;
  auto r = cleaner.clean(p + p.substr(4));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->kept_lines, 2u);
}

TEST(Clean, AFooterOfLegalLinksGluedIntoOneLongLineIsChrome) {
  // Over kMaxAnywhereLineWords words (the Han licence numbers count ~1.5 characters a word), but
  // it holds kMinPhrasesOfLongChromeLine legal phrases: prose of that length does not.
  const std::string footer =
      "Intellectual Property Protection - Privacy Policy - Sitemap - Terms of Use - Information for "
      "customers in the region - Legal Information / Imprint - Transaction Services Agreement for "
      "business customers - Terms and Conditions for private customers - User Information Legal Enquiry "
      "Guide \xC2\xA9 2010-2025 Example.com. All rights reserved. "
      "\xE5\xA2\x9E\xE5\x80\xBC\xE7\x94\xB5\xE4\xBF\xA1\xE4\xB8\x9A\xE5\x8A\xA1"
      "\xE7\xBB\x8F\xE8\x90\xA5\xE8\xAE\xB8\xE5\x8F\xAF\xE8\xAF\x81 B2-20120091-8\n";
  LineFeatures f;
  line_features(footer, f);
  ASSERT_GT(f.words, kMaxAnywhereLineWords);
  ASSERT_LE(f.words, kMaxLongChromeLineWords);
  const std::string article = paras(0, 2);
  Cleaner cleaner;
  auto r = cleaner.clean(article + footer);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text.find("Privacy Policy"), std::string::npos) << r->text;
  EXPECT_NE(r->text.find("The council met"), std::string::npos);
}

TEST(Clean, BadInputIsAnError) {
  Cleaner cleaner;
  EXPECT_EQ(cleaner.clean("").error().code, ErrorCode::kEmptyInput);
  EXPECT_EQ(cleaner.clean(" \n\t\n").error().code, ErrorCode::kEmptyInput);
  EXPECT_EQ(cleaner.clean(std::string("abc\0def", 7)).error().code, ErrorCode::kBinaryInput);
  CleanOptions small;
  small.max_input_bytes = 10;
  Cleaner c2(small);
  EXPECT_EQ(c2.clean("this text is longer than ten bytes").error().code, ErrorCode::kTooLarge);
}

TEST(Clean, InvalidUtf8IsRepairedAndReported) {
  Cleaner cleaner;
  std::string page = read_file(std::string(PITH_SOURCE_DIR) + "/tests/data/seed-page.txt");
  page.insert(page.find("Moscow."), "\xFF\xFE");
  auto r = cleaner.clean(page);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_NE(r->text.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_GE(r->noise.replacement_chars, 1u);
}

TEST(Clean, OverlongLineIsDropped) {
  CleanOptions o;
  o.max_line_bytes = 1000;
  Cleaner cleaner(o);
  std::string page = read_file(std::string(PITH_SOURCE_DIR) + "/tests/data/seed-page.txt");
  page += "\n" + std::string(5000, 'x') + "\n";
  auto r = cleaner.clean(page);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(reason_of(*r, "xxxx"), "overlong_line");
}

TEST(Clean, ReasonNamesAreStableAndUnique) {
  const auto& names = drop_reason_names();
  std::set<std::string_view> unique(names.begin(), names.end());
  EXPECT_EQ(unique.size(), names.size());
  for (auto want : {"title", "date_line", "widget", "navigation", "list_heading", "call_to_action", "comment_form",
                    "share", "subscribe", "cookie_legal", "copyright", "repeated_across_pages"})
    EXPECT_TRUE(unique.count(want)) << want;
}

TEST(Dates, Forms) {
  const std::pair<std::string, std::string> cases[] = {
      {"Tuesday, March 21, 2023", "2023-03-21"},
      {"21 March 2023", "2023-03-21"},
      {"Mar. 21st, 2023 at 10:00 am", "2023-03-21"},
      {"Updated 2023-03-21T10:00:00Z", "2023-03-21"},
      {"21.03.2023", "2023-03-21"},
      {"03/21/2023", "2023-03-21"},
      {"By Jane Doe | Jan 29, 2025", "2025-01-29"},
      {"May the best team win", ""},
      {"Call 555-1234 today", ""},
      {"9.9 C", ""},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(find_date(in).ymd, want) << in;
}

TEST(LineFeatures, Counts) {
  LineFeatures f;
  line_features("The cat sat on the mat, didn't it?", f);
  EXPECT_EQ(f.words, 8u);
  EXPECT_GE(f.stop_words, 3u);  // the, on, the, it
  EXPECT_TRUE(f.ends_sentence);
  line_features("Home | News | Sport", f);
  EXPECT_EQ(f.separators, 2u);
  EXPECT_FALSE(f.ends_sentence);
  line_features("“Quoted.”", f);
  EXPECT_TRUE(f.ends_sentence);
  EXPECT_EQ(word_hash("Hello"), word_hash("hello"));
  EXPECT_EQ(word_hash("2023"), word_hash("1999"));  // digits are normalised
}

TEST(Clean, ALongParagraphThePageRepeatsIsKeptOnce) {
  // An ad disclosure under each promoted item: prose by itself, but printed three times.
  const std::string ad =
      "We use a variety of relevance factors, including the pages you visit and the items shown to you, to "
      "select the promoted items that may be relevant to you on this page, and you can change this at any time.";
  const std::string article = paras(0, 2);
  Cleaner cleaner;
  auto r = cleaner.clean(article + ad + "\nA teaser\n" + ad + "\nAnother teaser\n" + ad + "\n");
  ASSERT_TRUE(r.ok());
  size_t copies = 0;
  for (size_t at = r->text.find(ad); at != std::string::npos; at = r->text.find(ad, at + 1)) ++copies;
  EXPECT_LE(copies, 1u) << r->text;
  size_t repeated = 0;
  for (const auto& d : r->dropped) repeated += d.text.starts_with(ad.substr(0, 40)) && d.reason == "repeated_in_page";
  EXPECT_GE(repeated, 2u);
  EXPECT_NE(r->text.find("The council met"), std::string::npos);
}

TEST(Clean, APageThatIsOneListKeepsItsLongestPlainBlock) {
  // No sentence on the page: a directory of names between a menu and a footer. The block of
  // names holds the words of the page; the menu items around it are broken up by chrome.
  const char* names[] = {"Maple Grove Rangers", "Harbor City Hawks", "North Valley Owls", "Stone Bridge United",
                         "Cedar Falls Comets", "Silver Lake Foxes", "Pine Ridge Wolves", "Eastwood Mariners",
                         "Red Rock Bisons", "Golden Bay Pilots", "Iron Hill Miners", "West Port Herons",
                         "Lakeside Giants", "Sunny Vale Kites", "Oak Park Rovers", "Blue Mountain Elks"};
  std::string page = "Skip to main content\nHome\nScores\nPrivacy Policy\nTeam Directory\n";
  for (const char* n : names) page += std::string(n) + "\n";
  page += "Terms of Use\nPrivacy Policy\nCookie Policy\n";
  Cleaner cleaner;
  auto r = cleaner.clean(page);
  ASSERT_TRUE(r.ok());
  // The first name may pass for the page's headline (metadata); the others are the text.
  for (size_t i = 1; i < std::size(names); ++i) EXPECT_NE(r->text.find(names[i]), std::string::npos) << names[i];
  EXPECT_EQ(r->text.find("Scores"), std::string::npos) << r->text;
  EXPECT_EQ(reason_of(*r, "Terms of Use"), "cookie_legal");

  // A few short lines only: still no document.
  auto few = cleaner.clean("Home\nAbout us\nMaple Grove Rangers\nHarbor City Hawks\nPrivacy Policy\n");
  ASSERT_TRUE(few.ok());
  EXPECT_TRUE(few->text.empty()) << few->text;
}

TEST(Clean, AListLikePageKeepsAPlainBlockLargerThanWhatItKept) {
  // A paragraph, then a directory of two-word names (each too short to count as an item):
  // the run search keeps the paragraph alone; the block of names outweighs it and is kept.
  const char* names[] = {"Maple Rangers", "Harbor Hawks", "Valley Owls", "Bridge United", "Cedar Comets",
                         "Silver Foxes", "Ridge Wolves", "Eastwood Mariners", "Rock Bisons", "Bay Pilots",
                         "Iron Miners", "Port Herons", "Lakeside Giants", "Vale Kites", "Park Rovers",
                         "Mountain Elks", "Northgate Lions", "Riverside Bears", "Harbor Seals", "Granite Rams",
                         "Meadow Larks", "Summit Eagles"};
  std::string page =
      "Home\nScores\nOur clubs play every weekend in the spring and the autumn, and new players are always "
      "welcome to join us.\nPrivacy Policy\n";
  for (const char* n : names) page += std::string(n) + "\n";
  page += "Terms of Use\nCookie Policy\n";
  Cleaner cleaner;
  auto r = cleaner.clean(page);
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->text.find("Our clubs play"), std::string::npos) << r->text;
  for (const char* n : names) EXPECT_NE(r->text.find(n), std::string::npos) << n << "\n" << r->text;
  EXPECT_EQ(r->text.find("Scores"), std::string::npos) << r->text;
}

TEST(Phrases, ScopesAreRespected) {
  std::vector<uint64_t> hs;
  LineFeatures f;
  auto hit = [&](const char* s) {
    line_features(s, f, &hs);
    return std::string(drop_reason_name(match_boilerplate(hs, f.words).reason));
  };
  EXPECT_EQ(hit("Share"), "share");
  EXPECT_EQ(hit("Share the road with cyclists"), "none");  // whole-line phrase, longer line
  EXPECT_EQ(hit("Related news"), "list_heading");
  EXPECT_EQ(hit("Comments (12)"), "comments");
  EXPECT_EQ(hit("Copyright 2024 Foo Inc"), "copyright");
}

}  // namespace
}  // namespace pith
