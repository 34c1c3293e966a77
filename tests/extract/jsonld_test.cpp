#include "extract/jsonld.h"

#include <gtest/gtest.h>

namespace pith {
namespace {

JsonLdData read_all(std::initializer_list<std::string_view> scripts, const JsonLdBudgets& budgets = {}) {
  JsonLdReader reader;
  JsonLdData data;
  for (auto s : scripts) reader.read(s, data, budgets);
  return data;
}

const JsonLdEntity* find_type(const JsonLdData& d, std::string_view type) {
  for (const auto& e : d.entities)
    if (e.has_type(type)) return &e;
  return nullptr;
}

std::vector<std::string> names(const JsonLdEntity& e) {
  std::vector<std::string> out;
  for (const auto& a : e.authors) out.push_back(a.name);
  return out;
}

TEST(JsonLd, SingleArticle) {
  auto d = read_all({R"({"@context":"https://schema.org","@type":"NewsArticle","headline":"A &amp; B",
    "datePublished":"2023-03-21T10:00:00Z","dateModified":"2023-03-22","author":{"@type":"Person","name":"Ann Lee"},
    "publisher":{"@type":"Organization","name":"Daily"},"keywords":"one, two ,three","image":["https://x/a.jpg"],
    "inLanguage":"en-US"})"});
  const JsonLdEntity* a = find_type(d, "NewsArticle");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->headline, "A & B");
  EXPECT_EQ(a->date_published, "2023-03-21T10:00:00Z");
  EXPECT_EQ(a->date_modified, "2023-03-22");
  EXPECT_EQ(names(*a), (std::vector<std::string>{"Ann Lee"}));
  EXPECT_FALSE(a->authors[0].organization);
  EXPECT_EQ(a->publisher, "Daily");
  EXPECT_EQ(a->keywords, (std::vector<std::string>{"one", "two", "three"}));
  EXPECT_EQ(a->image, "https://x/a.jpg");
  EXPECT_EQ(a->in_language, "en-US");
  EXPECT_FALSE(a->in_list);
}

TEST(JsonLd, GraphWithReferences) {
  auto d = read_all({R"({"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","@id":"https://x/#site","name":"Example"},
      {"@type":"Organization","@id":"https://x/#org","name":"Example Inc"},
      {"@type":["Article","BlogPosting"],"headline":"Hello","author":[{"@id":"https://x/#ann"},{"@id":"https://x/#org"}],
       "publisher":{"@id":"https://x/#org"}},
      {"@type":"Person","@id":"https://x/#ann","name":"Ann Lee"}]})"});
  const JsonLdEntity* a = find_type(d, "BlogPosting");
  ASSERT_NE(a, nullptr);
  EXPECT_TRUE(a->has_type("Article"));
  ASSERT_EQ(a->authors.size(), 2u);
  EXPECT_EQ(a->authors[0].name, "Ann Lee");
  EXPECT_FALSE(a->authors[0].organization);
  EXPECT_EQ(a->authors[1].name, "Example Inc");
  EXPECT_TRUE(a->authors[1].organization);
  EXPECT_EQ(a->publisher, "Example Inc");
  ASSERT_NE(find_type(d, "WebSite"), nullptr);
}

TEST(JsonLd, TopLevelArrayAndNesting) {
  auto d = read_all({R"([{"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","name":"Home"}]},
      {"@type":"WebPage","mainEntity":{"@type":"QAPage","mainEntity":{"@type":"Question","name":"Why?",
       "author":"Bo","dateCreated":"2020-01-02"}}}])"});
  const JsonLdEntity* q = find_type(d, "Question");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->name, "Why?");
  EXPECT_EQ(q->date_created, "2020-01-02");
  EXPECT_EQ(names(*q), (std::vector<std::string>{"Bo"}));
  EXPECT_GE(q->depth, 2);
  const JsonLdEntity* item = find_type(d, "ListItem");
  ASSERT_NE(item, nullptr);
  EXPECT_TRUE(item->in_list);
}

TEST(JsonLd, ProductOffers) {
  auto d = read_all({R"({"@type":"Product","name":"Shoe","offers":{"@type":"Offer","price":"9.99"},
      "aggregateRating":{"@type":"AggregateRating","ratingValue":4}})"});
  const JsonLdEntity* p = find_type(d, "Product");
  ASSERT_NE(p, nullptr);
  EXPECT_TRUE(p->has_offers);
  EXPECT_TRUE(p->has_rating);
  const JsonLdEntity* o = find_type(d, "Offer");
  ASSERT_NE(o, nullptr);
  EXPECT_TRUE(o->in_list);  // an offer belongs to the product, it is not the page's subject
}

TEST(JsonLd, RepairsCommonBreakage) {
  // Raw newline inside a string, trailing commas, HTML comment wrapper, full-IRI types.
  auto d = read_all({"<!--\n{\"@type\":\"http://schema.org/Article\",\"headline\":\"Line one\nline two\",}\n-->",
                     R"({"@type":"Recipe","name":"Soup","recipeIngredient":["a","b",],})"});
  const JsonLdEntity* a = find_type(d, "Article");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->headline, "Line one line two");
  ASSERT_NE(find_type(d, "Recipe"), nullptr);
  EXPECT_EQ(d.bad_scripts, 0u);
}

TEST(JsonLd, GarbageIsCountedNotThrown) {
  auto d = read_all({"not json at all", "{\"@type\": ", "", "[]", "{}", "\"just a string\"", "42"});
  EXPECT_TRUE(d.entities.empty());
  EXPECT_EQ(d.bad_scripts, 2u);
}

std::string nested(int levels) {
  std::string deep;
  for (int i = 0; i < levels; ++i) deep += "{\"@type\":\"Thing\",\"x\":";
  deep += "1";
  for (int i = 0; i < levels; ++i) deep += "}";
  return deep;
}

TEST(JsonLd, DeepNestingHitsTheDepthBudget) {
  JsonLdBudgets b;
  auto d = read_all({nested(500)}, b);  // valid JSON, deeper than our cap
  EXPECT_TRUE(d.budget_hit);
  EXPECT_LE(d.entities.size(), static_cast<size_t>(b.max_depth) + 1);
  auto e = read_all({nested(5000)}, b);  // deeper than the JSON parser accepts: a bad script
  EXPECT_EQ(e.bad_scripts, 1u);
}

TEST(JsonLd, ScriptAndValueBudgets) {
  JsonLdBudgets b;
  b.max_script_bytes = 64;
  b.max_scripts = 2;
  auto d = read_all({R"({"@type":"Article","headline":"a"})", std::string(100, ' ') + "{}",
                     R"({"@type":"Article","headline":"b"})", R"({"@type":"Article","headline":"c"})"},
                    b);
  EXPECT_TRUE(d.budget_hit);
  EXPECT_EQ(d.entities.size(), 2u);  // "c" is over the script count

  std::string wide = "[";
  for (int i = 0; i < 5000; ++i) wide += "{\"@type\":\"Thing\"},";
  wide += "{}]";
  JsonLdBudgets vb;
  vb.max_values = 1000;
  auto w = read_all({wide}, vb);
  EXPECT_TRUE(w.budget_hit);
  EXPECT_LE(w.entities.size(), vb.max_entities);
}

TEST(JsonLd, CleanMetaText) {
  EXPECT_EQ(clean_meta_text("Tom &amp; Jerry&#8217;s  &#x201C;show&#x201D;&nbsp;"), "Tom & Jerry\xE2\x80\x99s \xE2\x80\x9Cshow\xE2\x80\x9D");
  EXPECT_EQ(clean_meta_text("AT&T & co; &unknown; &#xZZ;"), "AT&T & co; &unknown; &#xZZ;");
  EXPECT_EQ(clean_meta_text("&#0; &#xD800;"), "&#0; &#xD800;");
}

}  // namespace
}  // namespace pith
