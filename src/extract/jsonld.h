// JSON-LD (schema.org) in <script type="application/ld+json">: the typed things a page says it
// holds (an Article with its headline, authors and dates, a Product, a QAPage, ...), flattened
// into a list of entities. @graph, arrays of things, nested things (a WebPage's mainEntity),
// and authors given by "@id" reference are all read. The walk is iterative with a depth cap,
// and each script and the number of values visited have budgets, so a hostile script costs
// little. Malformed JSON that pages commonly ship (raw newlines in strings, trailing commas,
// HTML comment wrappers) is repaired before giving up.
//
//   JsonLdReader reader;             // reuse per thread: it keeps the simdjson parser
//   JsonLdData data;
//   reader.read(script_text, data);  // once per script; entities accumulate
//   for (const JsonLdEntity& e : data.entities) ...
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pith {

struct JsonLdAuthor {
  std::string name;
  bool organization = false;  // typed Organization (or a kind of it), not a Person
};

struct JsonLdEntity {
  std::vector<std::string> types;  // "NewsArticle", ... (no "schema.org/" prefix)
  std::string id;                  // "@id"
  std::string headline, name, description, url, image;
  std::string date_published, date_modified, date_created;
  std::string in_language;
  std::string publisher;             // publisher name
  std::vector<JsonLdAuthor> authors;  // author (or creator), "@id" references resolved
  std::vector<std::string> keywords;
  uint16_t depth = 0;       // nesting level below the top-level thing or @graph member
  bool in_list = false;     // found inside itemListElement, hasPart, ... (a listed thing)
  bool has_offers = false;  // "offers" present (a product or service for sale)
  bool has_rating = false;  // "aggregateRating" or "review" present

  bool has_type(std::string_view t) const;
};

struct JsonLdData {
  std::vector<JsonLdEntity> entities;
  size_t scripts = 0;       // scripts read
  size_t bad_scripts = 0;   // scripts that were not JSON even after repair
  bool budget_hit = false;  // a script, depth or value budget cut the reading
};

// Budgets (per page): JSON-LD blocks above 1 MB are data dumps, not page metadata; real pages
// hold under 10 blocks and well under 64 levels of nesting.
struct JsonLdBudgets {
  size_t max_script_bytes = 1u << 20;
  size_t max_scripts = 16;
  size_t max_values = 50'000;  // JSON values visited per script
  uint16_t max_depth = 64;
  size_t max_entities = 256;
};

class JsonLdReader {
 public:
  JsonLdReader();
  ~JsonLdReader();
  JsonLdReader(JsonLdReader&&) noexcept;
  JsonLdReader& operator=(JsonLdReader&&) noexcept;

  // Adds the entities of one script to out. Never throws.
  void read(std::string_view script, JsonLdData& out, const JsonLdBudgets& budgets = {});

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Decodes the character references pages leave in JSON-LD and meta values (&amp;, &#8217;,
// &#x2019;, &quot;, &nbsp;, ...) and collapses white space.
std::string clean_meta_text(std::string_view s);

}  // namespace pith
