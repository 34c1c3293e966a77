// A product page's own buy box (src/extract/buy_box.cpp): the price next to the controls that
// buy the product is dropped on a page that sells one; a grid of product cards and a page that
// sells nothing keep theirs.
#include <gtest/gtest.h>

#include <string>

#include "pages.h"
#include "pith/extract.h"

namespace pith {
namespace {

using testing::page;

Extraction run(const std::string& html) {
  Options opt;
  opt.explain = true;
  return testing::extract_page(html, opt);
}

int buy_box_drops(const Extraction& e) {
  int n = 0;
  for (const Dropped& d : e.dropped) n += d.rule == "buy-box";
  return n;
}

const std::string kProductJsonLd = R"(<script type="application/ld+json">{"@context":"https://schema.org",
  "@type":"Product","name":"Field Kettle","offers":{"@type":"Offer","price":"42.50","priceCurrency":"USD"}}</script>)";

const std::string kDescription = R"(<div class="description"><p>The Field Kettle boils a litre of water in
  four minutes on any camp stove, and its folding handle locks so that it never swings while you pour. The
  body is pressed from one sheet of stainless steel, with no seams for dirt to hide in.</p><p>A lid with a
  whistle tells you when the water is ready, and the spout pours a thin, steady stream for filter coffee or
  a measured cup of tea at the end of a long day on the trail.</p><ul><li>Capacity: 1 litre</li>
  <li>Weight: 310 grams</li><li>Material: stainless steel</li></ul></div>)";

std::string buy_box() {
  return R"(<div class="purchase"><span class="amount">$42.50</span> <span>In stock, ships in two days</span>
    <form><input type="number" name="qty" value="1"><button type="submit">Add to cart</button></form></div>)";
}

TEST(BuyBox, ProductPageDropsItsOwnBuyBox) {
  Extraction e = run(page("<title>Field Kettle</title>" + kProductJsonLd,
                          "<main><h1>Field Kettle</h1>" + buy_box() + kDescription + "</main>"));
  EXPECT_NE(e.text.find("boils a litre"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("Weight: 310 grams"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("Field Kettle"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("$42.50"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("ships in two days"), std::string::npos) << e.text;
  EXPECT_EQ(buy_box_drops(e), 1);
}

// No product markup and no cart form: a price beside a button is left to the other rules.
TEST(BuyBox, PageSellingNothingKeepsPriceAndButton) {
  std::string description = kDescription;
  description.insert(description.size() - 6, buy_box());  // inside, so that it is in the container
  Extraction e = run(page("<title>Field Kettle</title>", "<main><h1>Field Kettle</h1>" + description + "</main>"));
  EXPECT_EQ(buy_box_drops(e), 0);
  EXPECT_NE(e.text.find("$42.50"), std::string::npos) << e.text;
}

// A grid of product cards, each with its price and "Add to cart", is no buy box, even on a page
// with product markup.
TEST(BuyBox, ProductGridKeepsItsPrices) {
  std::string grid = "<div class=\"grid\">";
  const char* names[] = {"Field Kettle", "Camp Mug", "Trail Pot", "Spork Set"};
  for (const char* name : names)
    grid += std::string("<div class=\"card\"><h2>") + name + "</h2><p>Pressed steel, " + name +
            " weighs under 300 grams and packs flat</p><span>$12.00</span><button>Add to cart</button></div>";
  grid += "</div>";
  Extraction e = run(page("<title>Camp kitchen</title>" + kProductJsonLd,
                          "<main><h1>Camp kitchen</h1>" + kDescription + grid + "</main>"));
  EXPECT_EQ(buy_box_drops(e), 0);
  EXPECT_NE(e.text.find("Spork Set"), std::string::npos) << e.text;
}

// An answer that names a cost under its accordion toggle is prose, no buy box.
TEST(BuyBox, ProseBesideAButtonKeepsItsPrice) {
  const std::string faq = R"(<div class="faq"><button>How much is shipping?</button><div><p>Shipping costs $5
    on orders under $50 and nothing above that, to any address in the country, and we ship every order
    within two working days of payment.</p></div></div>)";
  Extraction e = run(page("<title>Field Kettle</title>" + kProductJsonLd,
                          "<main><h1>Field Kettle</h1>" + kDescription + faq + "</main>"));
  EXPECT_EQ(buy_box_drops(e), 0);
  EXPECT_NE(e.text.find("Shipping costs $5"), std::string::npos) << e.text;
}

// Shops whose "Add to cart" is a link, not a <button>: one that says so in its address or class,
// or that acts as a button (role=button), is the control of the buy box.
TEST(BuyBox, AddToCartLinkIsABuyControl) {
  const std::string links[] = {
      R"(<a href="/kettle/?add-to-cart=77" class="cta">Add to cart</a>)",
      R"(<a href="#" class="sticky-bar add_to_cart_button">Add to cart</a>)",
      R"(<a href="#" role="button">Add to cart</a>)"};
  for (const std::string& link : links) {
    const std::string box = R"(<div class="purchase"><span class="amount">$42.50</span> <span>In stock</span>)" +
                            link + "</div>";
    Extraction e = run(page("<title>Field Kettle</title>" + kProductJsonLd,
                            "<main><h1>Field Kettle</h1>" + box + kDescription + "</main>"));
    EXPECT_EQ(buy_box_drops(e), 1) << link;
    EXPECT_EQ(e.text.find("$42.50"), std::string::npos) << link << "\n" << e.text;
    EXPECT_NE(e.text.find("boils a litre"), std::string::npos) << e.text;
  }
}

// A plain link beside a price (a "compare prices" link to another page) is no control to buy with.
TEST(BuyBox, PlainLinkBesidePriceIsNoBuyControl) {
  const std::string box = R"(<div class="purchase"><span class="amount">$42.50</span> <span>In stock</span>
    <a href="/kettles/compare">Compare kettles</a></div>)";
  Extraction e = run(page("<title>Field Kettle</title>" + kProductJsonLd,
                          "<main><h1>Field Kettle</h1>" + box + kDescription + "</main>"));
  EXPECT_EQ(buy_box_drops(e), 0);
}

// A shop page that the type model takes for an article (it also carries Article markup, a byline
// and a date) but whose container holds a buy box: it is selected again as a product, so the
// product's closed tab (its specifications, hidden by a style) is kept, as on a product page.
TEST(BuyBox, ArticleWithABuyBoxIsSelectedAsAProduct) {
  const std::string head = R"(<title>Field Kettle review and shop</title>
    <meta name="author" content="Dana Reed"><meta property="article:published_time" content="2024-05-02">
    <script type="application/ld+json">{"@context":"https://schema.org","@type":"Article",
    "headline":"Field Kettle","author":{"@type":"Person","name":"Dana Reed"},"datePublished":"2024-05-02"}</script>)" +
                           kProductJsonLd;
  // The description's paragraphs and the buy box are children of the article, the container.
  std::string body = kDescription;
  body.insert(body.find("<p>A lid"), buy_box());
  body += R"(<div class="tabs"><div class="tab-pane" style="display:block"><p>Rinse the kettle after each trip
    and dry it open, so that no water stands in it while it is packed away.</p></div>
    <div class="tab-pane" style="display:none"><table>
    <tr><td>Height</td><td>14 centimetres</td></tr><tr><td>Base</td><td>12 centimetres across</td></tr>
    <tr><td>Handle</td><td>folding, locking</td></tr></table></div></div>)";
  Extraction e = run(page(head, "<main><article><h1>Field Kettle</h1><p class=\"byline\">By Dana Reed, May 2, 2024</p>" +
                                    body + "</article></main>"));
  ASSERT_EQ(e.page_type, "article");
  EXPECT_NE(e.text.find("boils a litre"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("14 centimetres"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("$42.50"), std::string::npos) << e.text;
}

}  // namespace
}  // namespace pith
