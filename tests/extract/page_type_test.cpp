// Page types of small but typical pages, through the public Extractor.
#include "extract/page_type.h"

#include <gtest/gtest.h>

#include "pith/extract.h"

namespace pith {
namespace {

std::string repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

const std::string kProse =
    "<p>Storms moved across the valley on Tuesday, bringing heavy rain to farms that had waited months for "
    "water. Farmers said the rain came too late for the early crops but would help the autumn harvest.</p>";

struct TypeCase {
  std::string_view want;
  std::string url;
  std::string html;
};

std::vector<TypeCase> cases() {
  return {
      {"article", "https://news.example/2023/03/21/storms-reach-the-valley-overnight",
       R"(<html><head><title>Storms reach the valley | News</title><meta property="og:type" content="article">
         <script type="application/ld+json">{"@type":"NewsArticle","headline":"Storms reach the valley",
         "datePublished":"2023-03-21","author":{"@type":"Person","name":"Ann Lee"}}</script></head><body>
         <article><h1>Storms reach the valley</h1><p class="byline">By Ann Lee, March 21, 2023</p>)" +
           repeat(kProse, 6) + "</article></body></html>"},
      {"product", "https://shop.example/products/trail-runner-2",
       R"(<html><head><title>Trail Runner 2 | Shop</title><meta property="og:type" content="product">
         <script type="application/ld+json">{"@type":"Product","name":"Trail Runner 2",
         "offers":{"@type":"Offer","price":"89.00","priceCurrency":"USD"}}</script></head><body>
         <div class="product-detail"><h1>Trail Runner 2</h1><span class="price">$89.00</span>
         <select class="variant"><option>42</option></select><button class="add-to-cart">Add to cart</button>
         <p>A light shoe for long runs on rough ground, with a grippy sole.</p></div></body></html>)"},
      {"forum", "https://forum.example/t/which-pump-for-a-small-pond/1234",
       R"(<html><head><title>Which pump for a small pond? - Garden Forum</title>
         <meta name="generator" content="Discourse 3.2">
         <script type="application/ld+json">{"@type":"DiscussionForumPosting","headline":"Which pump for a small pond?",
         "author":{"@type":"Person","name":"greenthumb"},"datePublished":"2023-03-09"}</script></head><body>
         <h1>Which pump for a small pond?</h1>)" +
           repeat(R"(<div class="topic-post"><span class="username">greenthumb</span><span>Joined: Jan 2015</span>
         <span>Posts: 120</span><p>I have a small pond and want a quiet pump that does not use much power.</p>
         <a>Reply</a> <a>Quote</a></div>)",
                  5) +
           "</body></html>"},
      {"documentation", "https://docs.example/en/latest/guide/install.html",
       R"(<html><head><title>Installation — Example 2.1 documentation</title>
         <meta name="generator" content="Sphinx 7.2"></head><body><nav class="toc sidebar">)" +
           repeat("<a href=\"/x\">Section</a>", 30) +
           R"(</nav><div class="document"><h1>Installation</h1><p>Install the package with pip, then import it.</p>
         <pre><code>pip install example</code></pre><p>Configure it in your settings file.</p>
         <pre><code>EXAMPLE = {"debug": True}</code></pre><h2>Upgrading</h2><pre><code>pip install -U example</code></pre>
         </div></body></html>)"},
  };
}

TEST(PageType, Table) {
  Extractor ex;
  for (const auto& c : cases()) {
    PageInfo info;
    info.url = c.url;
    auto r = ex.extract(c.html, info);
    ASSERT_TRUE(r.ok()) << c.want;
    EXPECT_EQ(r->page_type, c.want) << c.url;
    EXPECT_GE(r->page_type_confidence, 0.0) << c.url;
    EXPECT_LE(r->page_type_confidence, 1.0) << c.url;
  }
}

TEST(PageType, FeatureNamesMatchTheTable) {
  EXPECT_EQ(page_feature_name(0), "bias");
  EXPECT_EQ(page_feature_name(kPageFeatureCount), "");
  for (size_t i = 0; i < kPageFeatureCount; ++i) EXPECT_FALSE(page_feature_name(i).empty()) << i;
}

TEST(PageType, EmptyPageIsOther) {
  Extractor ex;
  auto r = ex.extract("<html><body><div></div></body></html>");
  // Empty pages are an extraction error or "other"; never a confident guess.
  if (r.ok()) {
    EXPECT_EQ(r->page_type, "other");
    EXPECT_EQ(r->page_type_confidence, 0.0);
  }
}

// The type whose selection hints a page gets: a page the model finds nearly as likely a product
// page as its own type is selected as one; an article with a buy box too; others keep their type.
TEST(PageType, HintsPageType) {
  EXPECT_EQ(hints_page_type("collection", 0, 0.8), "product");
  EXPECT_EQ(hints_page_type("service", 0, 0.65), "product");
  EXPECT_EQ(hints_page_type("collection", 0, 0.3), "collection");
  EXPECT_EQ(hints_page_type("service", 2, 0.1), "service");
  EXPECT_EQ(hints_page_type("article", 1, 0.0), "product");
  EXPECT_EQ(hints_page_type("article", 0, 0.2), "article");
  EXPECT_EQ(hints_page_type("product", 0, 1.0), "product");
}

}  // namespace
}  // namespace pith
