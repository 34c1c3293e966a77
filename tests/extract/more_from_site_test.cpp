// A heading that names the site after "More" ("More Harbour Gazette", rules.cpp
// names_site_after_more) heads the site's other stories, as "Related news" does: their summaries
// are teasers, and the short story above them stays the content instead of the page being read
// as a listing (content.cpp label, pass 3; choose).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/rules.h"
#include "selection.h"

namespace pith {
namespace {

using testing::select_text;

// A short story and, under an <h2> with the given text, twelve other stories with a summary each:
// more prose than the story, so that without a list heading the page reads as a listing. The list
// holds most of the page's text, too much for a list heading to drop it in the label pass: only
// the listing switch of a page typed article (strict_listing_switch) sets its prose aside.
std::string story_with_more(const std::string& heading,
                            const std::string& head = "<title>Buses to run every ten minutes | Harbour Gazette</title>"
                                                      "<meta property=\"og:site_name\" content=\"The Harbour Gazette\">") {
  std::string more;
  const char* heads[] = {"Harbour ferry adds an evening crossing", "New cycle lane opens on the river road",
                         "Council delays the vote on parking fees", "Bus drivers agree a new timetable",
                         "Station car park to close for repairs", "Night trains return to the coast line",
                         "Tram depot gets a new roof this summer", "Taxi ranks move away from the market"};
  for (int i = 0; i < 12; ++i)
    more += std::string("<div class=\"post\"><a href=\"/c/transport\">Transport and city traffic</a><h3><a href=\"/n/") +
            std::to_string(i) + "\">" + heads[i % 8] +
            "</a></h3><a href=\"/a/jane\">Jane Roe, transport reporter</a><p>The change follows months of complaints "
            "from commuters about long waits at the stops on winter evenings, the office said.</p></div>";
  return "<html><head>" + head + "</head><body><div class=\"page\">"
         "<div class=\"story\"><p>The city's buses will run every ten minutes on the three busiest routes from "
         "Monday, the transport office said, after a trial in the spring cut waiting times by half.</p><p>Fares "
         "stay the same, and the night buses keep their hourly timetable until the autumn review, when the "
         "office will count passengers again.</p></div><h2>" +
         heading + "</h2><div class=\"query\">" + more + "</div></div></body></html>";
}

TEST(MoreFromSite, HeadingNamingTheSiteHeadsItsOtherStories) {
  SelectionHints article;
  article.strict_listing_switch = true;
  for (const char* heading : {"More Harbour Gazette", "More from The Harbour Gazette"}) {
    const std::string text = select_text(story_with_more(heading), article);
    EXPECT_NE(text.find("every ten minutes"), std::string::npos) << heading << ": " << text;
    EXPECT_EQ(text.find("Night trains return"), std::string::npos) << heading << ": " << text;
  }
  // "More" before anything but the site's name is no list heading: the page stays a listing.
  const std::string other = select_text(story_with_more("More Buses"), article);
  EXPECT_NE(other.find("Night trains return"), std::string::npos) << other;
}

// With no og:site_name, the site's name is the <title>'s last segment, cut at any separator that
// split_title knows (here a guillemet).
TEST(MoreFromSite, SiteNameFromTheTitlesLastSegment) {
  SelectionHints article;
  article.strict_listing_switch = true;
  const std::string text = select_text(
      story_with_more("More Harbour Gazette", "<title>Buses to run every ten minutes \u00bb Harbour Gazette</title>"),
      article);
  EXPECT_NE(text.find("every ten minutes"), std::string::npos) << text;
  EXPECT_EQ(text.find("Night trains return"), std::string::npos) << text;
}

TEST(MoreFromSite, NamesTheSiteOnlyAfterMore) {
  const std::vector<std::string> names = {"TechWire", "The Daily Planet"};
  EXPECT_TRUE(names_site_after_more("More TechWire", names));
  EXPECT_TRUE(names_site_after_more("  more from the daily planet ", names));
  EXPECT_TRUE(names_site_after_more("Mehr von TechWire", names));
  EXPECT_FALSE(names_site_after_more("TechWire", names));
  EXPECT_FALSE(names_site_after_more("More information", names));
  EXPECT_FALSE(names_site_after_more("More TechWire stories about chips", names));
  EXPECT_FALSE(names_site_after_more("More TechWire", {}));
}

}  // namespace
}  // namespace pith
