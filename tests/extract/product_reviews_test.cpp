// Blocks named for a single review on a product page (SelectionHints::drop_reviews): selection
// through ContentSelector with the hints a product page gets, and with an article's.
#include <gtest/gtest.h>

#include <string>

#include "extract/content.h"
#include "extract/rules.h"
#include "selection.h"

namespace pith {
namespace {

using testing::select_text;

// A product page whose description is followed by a featured customer quote in a
// "product-review" block and a seller box in a "listing-review-col" column. Neither is the
// product's description.
const std::string kProductPage =
    "<html><body><main><h1>Stoneware Mug</h1><div class=\"product-info\"><p>A wheel-thrown stoneware mug "
    "with a speckled glaze that pools darker at the rim, fired twice so it takes hot coffee, the "
    "dishwasher and the microwave without crazing or losing its colour over the years.</p>"
    "<p>Each mug holds about 350 millilitres and is signed on its foot by the potter who threw it in a "
    "small studio by the river, so no two of them are quite alike in shape or shade.</p>"
    "<div class=\"product-review\"><p>Love this mug! I use it every single morning for my tea and it keeps "
    "the heat for ages.</p><span>Anna K.</span></div>"
    "<div class=\"listing-review-col\"><p>Be the first to review this item. See what customers say about "
    "other items from this shop.</p></div></div></main></body></html>";

TEST(ProductReviews, ProductPageDropsReviewBlocks) {
  std::string text = select_text(kProductPage, hints_for_page_type("product"));
  EXPECT_NE(text.find("speckled glaze"), std::string::npos) << text;
  EXPECT_NE(text.find("350 millilitres"), std::string::npos) << text;
  EXPECT_EQ(text.find("every single morning"), std::string::npos) << text;
  EXPECT_EQ(text.find("Be the first to review"), std::string::npos) << text;
}

// A review article: its verdict sits in a "review-summary" block, which is the article's text.
TEST(ProductReviews, ArticleKeepsReviewBlocks) {
  const std::string page =
      "<html><body><article><h1>Stoneware Mug review</h1><p>We used this wheel-thrown mug for a month of "
      "mornings, through the dishwasher and the microwave, and its speckled glaze never crazed or faded.</p>"
      "<div class=\"review-summary\"><p>Verdict: a sturdy, handsome mug that keeps coffee hot for a long "
      "time and is worth its price for anyone who drinks a lot of it.</p></div></article></body></html>";
  std::string text = select_text(page, hints_for_page_type("article"));
  EXPECT_NE(text.find("speckled glaze"), std::string::npos) << text;
  EXPECT_NE(text.find("Verdict: a sturdy"), std::string::npos) << text;
}

// The customer reviews of a product page with no class names to tell them by: a heading that
// names them ("Customer Reviews", "12 reviews for ...") opens their section, after the
// description, and the section goes. A heading of the word alone is left to the class rules (a
// shop's own picked quotes are set under it).
TEST(ProductReviews, SectionThatAReviewsHeadingOpensGoes) {
  const std::string description =
      "<h1>Stoneware Mug</h1><div><p>A wheel-thrown stoneware mug with a speckled glaze that pools darker at the "
      "rim, fired twice so it takes hot coffee, the dishwasher and the microwave without crazing or losing its "
      "colour over the years.</p><p>Each mug holds about 350 millilitres and is signed on its foot by the potter "
      "who threw it in a small studio by the river, so no two of them are quite alike in shape or shade.</p></div>";
  const std::string reviews =
      "<div><p>Love this mug! I use it every single morning for my tea and it keeps the heat for ages, "
      "even on the coldest days in our draughty kitchen.</p><span>Anna K.</span></div>"
      "<div><p>Bought two as a gift and ordered two more for myself the week after.</p><span>Tom B.</span></div>";
  for (const char* heading : {"Customer Reviews", "12 reviews for Stoneware Mug", "Reviews (12)"}) {
    const std::string page = "<html><body><main>" + description + "<div><h2>" + heading + "</h2>" + reviews +
                             "</div></main></body></html>";
    std::string text = select_text(page, hints_for_page_type("product"));
    EXPECT_NE(text.find("speckled glaze"), std::string::npos) << text;
    EXPECT_EQ(text.find("every single morning"), std::string::npos) << heading << ": " << text;
    // On an article (a review of the mug) the same section is text.
    std::string article = select_text(page, hints_for_page_type("article"));
    EXPECT_NE(article.find("every single morning"), std::string::npos) << article;
  }
  const std::string bare =
      "<html><body><main>" + description + "<div><h2>Reviews</h2>" + reviews + "</div></main></body></html>";
  std::string text = select_text(bare, hints_for_page_type("product"));
  EXPECT_NE(text.find("every single morning"), std::string::npos) << text;
}

// A shop's review widget with no class names: its heading sits deep in layout wrappers (a
// summary column beside the list), and a box of links to buying guides stands between the
// description and the reviews. The wrapper the heading opens still goes; a heading that opens
// the product's own column, with no description before it (the shop's verdict on its
// product), does not.
TEST(ProductReviews, DeepReviewsWidgetAfterALinkBoxGoes) {
  const std::string description =
      "<h1>Stoneware Mug</h1><div><p>A wheel-thrown stoneware mug with a speckled glaze that pools darker at the "
      "rim, fired twice so it takes hot coffee, the dishwasher and the microwave without crazing or losing its "
      "colour over the years.</p><p>Each mug holds about 350 millilitres and is signed on its foot by the potter "
      "who threw it in a small studio by the river, so no two of them are quite alike in shape or shade.</p></div>";
  const std::string guides =
      "<div><a href=\"/guides/glazes\">How to choose a glaze</a> <a href=\"/guides/care\">Caring for stoneware</a> "
      "<a href=\"/guides/gifts\">Gifts for tea lovers</a></div>";
  std::string deep = "<h2>Customer Reviews</h2>";
  for (int i = 0; i < 8; ++i) deep = "<div>" + deep + "</div>";
  const std::string reviews =
      "<div><div><p>Love this mug! I use it every single morning for my tea and it keeps the heat for ages, "
      "even on the coldest days in our draughty kitchen.</p><span>Anna K.</span></div>"
      "<div><p>Bought two as a gift and ordered two more for myself the week after.</p><span>Tom B.</span></div></div>";
  // Eight wrappers deep, right after the description.
  std::string page = "<html><body><main>" + description + "<div>" + deep + reviews + "</div></main></body></html>";
  std::string text = select_text(page, hints_for_page_type("product"));
  EXPECT_NE(text.find("speckled glaze"), std::string::npos) << text;
  EXPECT_EQ(text.find("every single morning"), std::string::npos) << text;
  // After a box of links, in a column apart from the description's, with reviews enough that
  // the two columns together outweigh the description alone.
  page = "<html><body><main><div>" + description +
         "<p>The glaze is lead-free and food-safe, mixed in small batches from local clay and ash, and each batch "
         "comes out a little different from the one before it.</p></div><div>" + guides +
         "<div><h2>Customer Reviews</h2>" + reviews + reviews + "</div></div></main></body></html>";
  text = select_text(page, hints_for_page_type("product"));
  EXPECT_NE(text.find("speckled glaze"), std::string::npos) << text;
  EXPECT_EQ(text.find("every single morning"), std::string::npos) << text;

  const std::string verdict =
      "<html><body><main><h1>Stoneware Mug</h1><div><a href=\"/\">Home</a> <a href=\"/mugs\">Mugs and cups</a> "
      "<a href=\"/mugs/stoneware\">Stoneware</a></div><div><div><h2>Customer Reviews</h2></div><div><p>Our buyers "
      "tried every mug of the season and this one won: a wheel-thrown stoneware mug with a speckled glaze that "
      "pools darker at the rim, fired twice so it takes hot coffee and the dishwasher.</p></div></div>"
      "<div><p>Each mug holds about 350 millilitres.</p></div></main></body></html>";
  text = select_text(verdict, hints_for_page_type("product"));
  EXPECT_NE(text.find("Our buyers tried"), std::string::npos) << text;
}

TEST(ProductReviews, ReviewsHeadings) {
  EXPECT_TRUE(heads_reviews("Customer Reviews"));
  EXPECT_TRUE(heads_reviews("29 reviews for Trail Sandal"));
  EXPECT_TRUE(heads_reviews("Reviews(159)"));
  EXPECT_TRUE(heads_reviews("Kundenbewertungen (4)"));
  EXPECT_TRUE(heads_reviews("Avis clients"));
  EXPECT_FALSE(heads_reviews("Reviews"));
  EXPECT_FALSE(heads_reviews("Our review"));
  EXPECT_FALSE(heads_reviews("Write a review"));
  EXPECT_FALSE(heads_reviews("Previews of the new range"));
}

}  // namespace
}  // namespace pith
