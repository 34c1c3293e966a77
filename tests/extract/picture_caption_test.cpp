// A picture's caption without a <figcaption> (content.cpp prune, "picture-caption"): on a page
// whose <figure> is plain boxes (an old layout, an html4 copy), a box that shows a photo and a
// short line after it, the box's only two parts, standing between the story's paragraphs, is
// the photo's caption, not the story's text.
#include <gtest/gtest.h>

#include <string>

#include "selection.h"

namespace pith {
namespace {

using testing::select_text;

const std::string kParagraphs[] = {
    "<p>The lighthouse keepers of the northern cape kept their lamps burning through the winter storms, "
    "rowing out for oil and bread whenever the sea allowed it, and writing every hour into the log.</p>",
    "<p>When the last keeper left the island the logs went to the county archive, where volunteers are "
    "now copying them out line by line so that the weather of two centuries can be read again.</p>",
    "<p>The volunteers meet on Thursdays in the reading room; anyone who can read an old hand is welcome "
    "to join them, and the archive lends magnifying glasses to those who ask at the front desk.</p>",
};

std::string story(const std::string& figure) {
  return "<html><body><div><h1>Keeping the lamps lit</h1><div>" + kParagraphs[0] + figure + kParagraphs[1] +
         kParagraphs[2] + "</div></div></body></html>";
}

TEST(PictureCaption, LineUnderAPhotoInTheStoryGoes) {
  const std::string figure =
      "<div><div><img src=\"/photos/cape-lamp.jpg\" width=\"800\" height=\"500\"></div>"
      "<div><span>The lamp room at dusk, seen from the landing stage.</span> <span>Photo: Ada Quill</span></div></div>";
  const std::string text = select_text(story(figure), SelectionHints{});
  EXPECT_NE(text.find("rowing out for oil"), std::string::npos) << text;
  EXPECT_NE(text.find("magnifying glasses"), std::string::npos) << text;
  EXPECT_EQ(text.find("lamp room at dusk"), std::string::npos) << text;
}

// Boxes that carry names are judged by them: a site that names its boxes names a caption it drops.
TEST(PictureCaption, NamedBoxesAreLeftToTheirNames) {
  const std::string figure =
      "<div class=\"lantern-box\"><div><img src=\"/photos/cape-lamp.jpg\" width=\"800\"></div>"
      "<div class=\"lantern-words\">The lamp room at dusk, seen from the landing stage.</div></div>";
  const std::string text = select_text(story(figure), SelectionHints{});
  EXPECT_NE(text.find("lamp room at dusk"), std::string::npos) << text;
}

// A word in the text's type (<b>) beside a picture is the text's.
TEST(PictureCaption, BoldLineBesideAPictureStays) {
  const std::string figure =
      "<div><div><img src=\"/photos/cape-lamp.jpg\" width=\"800\"></div><b>Read the keepers' log online.</b></div>";
  const std::string text = select_text(story(figure), SelectionHints{});
  EXPECT_NE(text.find("keepers' log online"), std::string::npos) << text;
}

// A quoted person's face (a small picture) beside their words: the words are the text's.
TEST(PictureCaption, WordsBesideASmallPortraitStay) {
  const std::string figure =
      "<div><div><img src=\"/people/keeper.jpg\" width=\"64\" height=\"64\"></div>"
      "<div>We never once let the light go out, not even in the great gale.</div></div>";
  const std::string text = select_text(story(figure), SelectionHints{});
  EXPECT_NE(text.find("great gale"), std::string::npos) << text;
}

// Picture and line boxes side by side are a grid of features, not a figure in the flow.
TEST(PictureCaption, LookAlikePictureBoxesStay) {
  std::string grid;  // the boxes stand among the story's paragraphs, in its flow
  for (const char* line : {"Tide tables for every harbour.", "Charts drawn by hand.", "Logs copied out daily."})
    grid += std::string("<div><div><img src=\"/pics/a.jpg\"></div><div>") + line + "</div></div>";
  const std::string text = select_text(story(grid), SelectionHints{});
  EXPECT_NE(text.find("Charts drawn by hand"), std::string::npos) << text;
}

}  // namespace
}  // namespace pith
