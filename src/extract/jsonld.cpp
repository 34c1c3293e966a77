#include "extract/jsonld.h"

#include <simdjson.h>

#include <algorithm>
#include <unordered_map>

#include "core/strings.h"
#include "core/utf8.h"

namespace pith {

namespace {

struct NamedRef {
  std::string_view name;
  char32_t cp;
};

// The named character references that show up in metadata values (HTML escapes applied twice
// by a CMS, or typographic punctuation). Anything else is left as written.
constexpr NamedRef kNamedRefs[] = {
    {"amp", '&'},      {"quot", '"'},     {"apos", '\''},    {"lt", '<'},       {"gt", '>'},
    {"nbsp", 0xA0},    {"rsquo", 0x2019}, {"lsquo", 0x2018}, {"rdquo", 0x201D}, {"ldquo", 0x201C},
    {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}, {"copy", 0xA9},   {"reg", 0xAE},
    {"trade", 0x2122}, {"eacute", 0xE9},  {"egrave", 0xE8},  {"aacute", 0xE1},  {"oacute", 0xF3},
    {"iacute", 0xED},  {"uacute", 0xFA},  {"ntilde", 0xF1},  {"ccedil", 0xE7},  {"uuml", 0xFC},
    {"ouml", 0xF6},    {"auml", 0xE4},    {"szlig", 0xDF},   {"middot", 0xB7},  {"bull", 0x2022},
};

// Type names in JSON-LD may be full IRIs ("http://schema.org/Article").
std::string_view short_type(std::string_view t) {
  size_t slash = t.find_last_of("/#:");
  return slash == std::string_view::npos ? t : t.substr(slash + 1);
}

// Keys whose objects are items of a list, not the page's own subject.
bool is_list_key(std::string_view k) {
  return k == "itemListElement" || k == "hasPart" || k == "isPartOf" || k == "relatedLink" || k == "mentions" ||
         k == "significantLink" || k == "citation" || k == "breadcrumb" || k == "potentialAction" ||
         k == "suggestedAnswer" || k == "acceptedAnswer" || k == "comment" || k == "review" || k == "itemReviewed" ||
         k == "subjectOf" || k == "about" || k == "workExample" || k == "isRelatedTo" || k == "isSimilarTo";
}

using simdjson::dom::element;
using simdjson::dom::element_type;

bool get_string(element e, std::string_view& out) { return e.get_string().get(out) == simdjson::SUCCESS; }

// A name: a string, or an object's "name".
std::string name_of_scalar_or_object(element e) {
  std::string_view s;
  if (get_string(e, s)) return clean_meta_text(s);
  simdjson::dom::object obj;
  element v;
  if (e.get_object().get(obj) == simdjson::SUCCESS && obj.at_key("name").get(v) == simdjson::SUCCESS &&
      get_string(v, s))
    return clean_meta_text(s);
  return {};
}

// An image value: a URL string, an ImageObject's url, or the first of an array.
std::string image_of(element e) {
  std::string_view s;
  if (get_string(e, s)) return std::string(trim(s));
  simdjson::dom::object obj;
  if (e.get_object().get(obj) == simdjson::SUCCESS) {
    element v;
    if (obj.at_key("url").get(v) == simdjson::SUCCESS && get_string(v, s)) return std::string(trim(s));
    if (obj.at_key("contentUrl").get(v) == simdjson::SUCCESS && get_string(v, s)) return std::string(trim(s));
    return {};
  }
  simdjson::dom::array arr;
  if (e.get_array().get(arr) == simdjson::SUCCESS)
    for (element x : arr) {
      if (get_string(x, s)) return std::string(trim(s));
      simdjson::dom::object o;
      element v;
      if (x.get_object().get(o) == simdjson::SUCCESS && o.at_key("url").get(v) == simdjson::SUCCESS &&
          get_string(v, s))
        return std::string(trim(s));
    }
  return {};
}

struct AuthorRef {
  size_t entity;
  std::string id;
};

// Types that make an author a body rather than a person.
bool is_organization_type(std::string_view t) {
  t = short_type(t);
  return t == "Organization" || t == "Corporation" || t == "NewsMediaOrganization" || t == "LocalBusiness" ||
         t == "EducationalOrganization" || t == "GovernmentOrganization" || t == "NGO" || t == "WebSite" ||
         t == "Brand" || t == "OnlineBusiness" || t == "MedicalOrganization";
}

bool object_is_organization(simdjson::dom::object obj) {
  element v;
  if (obj.at_key("@type").get(v) != simdjson::SUCCESS) return false;
  std::string_view s;
  if (get_string(v, s)) return is_organization_type(s);
  simdjson::dom::array arr;
  if (v.get_array().get(arr) == simdjson::SUCCESS)
    for (element t : arr)
      if (get_string(t, s) && is_organization_type(s)) return true;
  return false;
}

// Author values: names, Person objects, "@id" references, or arrays of those.
void read_authors(element e, size_t entity, std::vector<JsonLdAuthor>& names, std::vector<AuthorRef>& refs) {
  constexpr size_t kMaxAuthors = 32;
  auto one = [&](element x) {
    std::string_view s;
    if (get_string(x, s)) {
      std::string n = clean_meta_text(s);
      if (!n.empty()) names.push_back({std::move(n), false});
      return;
    }
    simdjson::dom::object obj;
    if (x.get_object().get(obj) != simdjson::SUCCESS) return;
    element v;
    if (obj.at_key("name").get(v) == simdjson::SUCCESS) {
      std::string n = name_of_scalar_or_object(v);
      if (!n.empty()) {
        names.push_back({std::move(n), object_is_organization(obj)});
        return;
      }
    }
    if (obj.at_key("@id").get(v) == simdjson::SUCCESS && get_string(v, s)) refs.push_back({entity, std::string(s)});
  };
  simdjson::dom::array arr;
  if (e.get_array().get(arr) == simdjson::SUCCESS) {
    size_t n = 0;
    for (element x : arr) {
      if (++n > kMaxAuthors) break;
      one(x);
    }
  } else {
    one(e);
  }
}

void read_keywords(element e, std::vector<std::string>& out) {
  constexpr size_t kMaxKeywords = 64;
  std::string_view s;
  if (get_string(e, s)) {
    for (auto part : split_any(s, ",;")) {
      std::string k = clean_meta_text(part);
      if (!k.empty() && out.size() < kMaxKeywords) out.push_back(std::move(k));
    }
    return;
  }
  simdjson::dom::array arr;
  if (e.get_array().get(arr) == simdjson::SUCCESS)
    for (element x : arr) {
      std::string k = name_of_scalar_or_object(x);
      if (!k.empty() && out.size() < kMaxKeywords) out.push_back(std::move(k));
    }
}

// JSON that pages ship broken: control characters inside strings (raw newlines), HTML comment
// or CDATA wrappers. Control bytes become spaces (outside strings that is the same JSON).
void sanitize(std::string_view in, std::string& out) {
  in = trim(in);
  for (std::string_view w : {std::string_view("<!--"), std::string_view("//<![CDATA["), std::string_view("<![CDATA[")})
    if (in.starts_with(w)) in = trim(in.substr(w.size()));
  for (std::string_view w : {std::string_view("-->"), std::string_view("//]]>"), std::string_view("]]>")})
    if (in.ends_with(w)) in = trim(in.substr(0, in.size() - w.size()));
  out.assign(in);
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
}

// Second chance: drop trailing commas before } and ] (outside strings).
bool drop_trailing_commas(std::string& s) {
  bool changed = false, in_string = false;
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      out.push_back(c);
      if (c == '\\' && i + 1 < s.size()) out.push_back(s[++i]);
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    if (c == ',') {
      size_t j = i + 1;
      while (j < s.size() && is_ascii_space(s[j])) ++j;
      if (j < s.size() && (s[j] == '}' || s[j] == ']')) {
        changed = true;
        continue;
      }
    }
    out.push_back(c);
  }
  if (changed) s.swap(out);
  return changed;
}

}  // namespace

bool JsonLdEntity::has_type(std::string_view t) const {
  for (const auto& x : types)
    if (x == t) return true;
  return false;
}

struct JsonLdReader::Impl {
  simdjson::dom::parser parser;
  std::string buf;
  struct Frame {
    element e;
    uint16_t depth;
    bool in_list;
  };
  std::vector<Frame> stack;
  std::vector<AuthorRef> refs;
  std::unordered_map<std::string, JsonLdAuthor> names_by_id;
};

JsonLdReader::JsonLdReader() : impl_(std::make_unique<Impl>()) {}
JsonLdReader::~JsonLdReader() = default;
JsonLdReader::JsonLdReader(JsonLdReader&&) noexcept = default;
JsonLdReader& JsonLdReader::operator=(JsonLdReader&&) noexcept = default;

void JsonLdReader::read(std::string_view script, JsonLdData& out, const JsonLdBudgets& budgets) {
  Impl& m = *impl_;
  if (out.scripts >= budgets.max_scripts || script.size() > budgets.max_script_bytes) {
    out.budget_hit = true;
    return;
  }
  ++out.scripts;
  sanitize(script, m.buf);
  if (m.buf.empty()) return;
  element root;
  auto parse = [&]() {
    const size_t len = m.buf.size();
    m.buf.append(simdjson::SIMDJSON_PADDING, ' ');
    auto err = m.parser.parse(m.buf.data(), len, false).get(root);
    m.buf.resize(len);
    return err == simdjson::SUCCESS;
  };
  if (!parse() && !(drop_trailing_commas(m.buf) && parse())) {
    ++out.bad_scripts;
    return;
  }

  m.stack.clear();
  m.refs.clear();
  m.names_by_id.clear();
  m.stack.push_back({root, 0, false});
  const size_t first_entity = out.entities.size();
  size_t visited = 0;
  while (!m.stack.empty()) {
    Impl::Frame f = m.stack.back();
    m.stack.pop_back();
    if (++visited > budgets.max_values || f.depth > budgets.max_depth) {
      out.budget_hit = true;
      break;
    }
    simdjson::dom::array arr;
    if (f.e.get_array().get(arr) == simdjson::SUCCESS) {
      // Push in reverse so that items are visited in document order.
      size_t n = arr.size();
      size_t base = m.stack.size();
      m.stack.resize(base + n, {f.e, 0, false});
      size_t k = 0;
      for (element x : arr) m.stack[base + n - 1 - k++] = {x, static_cast<uint16_t>(f.depth + 1), f.in_list};
      continue;
    }
    simdjson::dom::object obj;
    if (f.e.get_object().get(obj) != simdjson::SUCCESS) continue;

    JsonLdEntity ent;
    ent.depth = f.depth;
    ent.in_list = f.in_list;
    bool typed = false;
    std::string_view s;
    std::string name;
    const size_t index = out.entities.size();
    size_t children_begin = m.stack.size();
    for (auto kv : obj) {
      std::string_view k = kv.key;
      element v = kv.value;
      if (k == "@type") {
        simdjson::dom::array types;
        if (get_string(v, s)) {
          ent.types.emplace_back(short_type(s));
        } else if (v.get_array().get(types) == simdjson::SUCCESS) {
          for (element t : types)
            if (get_string(t, s) && ent.types.size() < 8) ent.types.emplace_back(short_type(s));
        }
        typed = !ent.types.empty();
      } else if (k == "@id") {
        if (get_string(v, s)) ent.id = s;
      } else if (k == "@graph") {
        m.stack.push_back({v, f.depth, f.in_list});
      } else if (k == "headline") {
        ent.headline = name_of_scalar_or_object(v);
      } else if (k == "name") {
        ent.name = name_of_scalar_or_object(v);
      } else if (k == "description") {
        if (get_string(v, s)) ent.description = clean_meta_text(s);
      } else if (k == "url") {
        if (get_string(v, s)) ent.url = trim(s);
      } else if (k == "image" || k == "thumbnailUrl") {
        if (ent.image.empty()) ent.image = image_of(v);
      } else if (k == "datePublished") {
        if (get_string(v, s)) ent.date_published = trim(s);
      } else if (k == "dateCreated" || k == "uploadDate") {
        if (get_string(v, s) && ent.date_created.empty()) ent.date_created = trim(s);
      } else if (k == "dateModified") {
        if (get_string(v, s)) ent.date_modified = trim(s);
      } else if (k == "inLanguage") {
        if (get_string(v, s)) ent.in_language = trim(s);
        else ent.in_language = name_of_scalar_or_object(v);
      } else if (k == "keywords") {
        read_keywords(v, ent.keywords);
      } else if (k == "author" || (k == "creator" && ent.authors.empty())) {
        if (k == "creator") ent.authors.clear();
        read_authors(v, index, ent.authors, m.refs);
        m.stack.push_back({v, static_cast<uint16_t>(f.depth + 1), true});
      } else if (k == "publisher") {
        ent.publisher = name_of_scalar_or_object(v);
        if (ent.publisher.empty()) {
          simdjson::dom::object po;
          element idv;
          if (v.get_object().get(po) == simdjson::SUCCESS && po.at_key("@id").get(idv) == simdjson::SUCCESS &&
              get_string(idv, s))
            ent.publisher = "@id:" + std::string(s);
        }
        m.stack.push_back({v, static_cast<uint16_t>(f.depth + 1), true});
      } else if (k == "offers") {
        ent.has_offers = true;
        m.stack.push_back({v, static_cast<uint16_t>(f.depth + 1), true});
      } else if (k == "aggregateRating" || k == "review") {
        ent.has_rating = true;
        m.stack.push_back({v, static_cast<uint16_t>(f.depth + 1), true});
      } else {
        element_type t = v.type();
        if (t == element_type::OBJECT || t == element_type::ARRAY)
          m.stack.push_back({v, static_cast<uint16_t>(f.depth + 1), f.in_list || is_list_key(k)});
      }
    }
    // Children were pushed in field order; reverse them so they pop in document order.
    std::reverse(m.stack.begin() + static_cast<std::ptrdiff_t>(children_begin), m.stack.end());
    if (!ent.id.empty() && !ent.name.empty() && m.names_by_id.size() < 1024) {
      bool org = false;
      for (const auto& t : ent.types) org = org || is_organization_type(t);
      m.names_by_id.emplace(ent.id, JsonLdAuthor{ent.name, org});
    }
    if (typed && out.entities.size() < budgets.max_entities) out.entities.push_back(std::move(ent));
  }
  // Authors and publishers given as {"@id": ...} point at a Person or Organization elsewhere.
  for (const AuthorRef& r : m.refs) {
    if (r.entity >= out.entities.size()) continue;
    auto it = m.names_by_id.find(r.id);
    if (it != m.names_by_id.end()) out.entities[r.entity].authors.push_back(it->second);
  }
  for (size_t i = first_entity; i < out.entities.size(); ++i) {
    std::string& p = out.entities[i].publisher;
    if (p.starts_with("@id:")) {
      auto it = m.names_by_id.find(p.substr(4));
      p = it != m.names_by_id.end() ? it->second.name : std::string();
    }
  }
}

std::string clean_meta_text(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return collapse_whitespace(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (s[i] != '&') {
      out.push_back(s[i++]);
      continue;
    }
    size_t semi = s.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 10) {
      out.push_back(s[i++]);
      continue;
    }
    std::string_view ref = s.substr(i + 1, semi - i - 1);
    char32_t cp = 0;
    if (ref.size() >= 2 && ref[0] == '#') {
      bool hex = ref[1] == 'x' || ref[1] == 'X';
      uint32_t v = 0;
      bool ok = ref.size() > (hex ? 2u : 1u);
      for (size_t k = hex ? 2 : 1; k < ref.size() && ok; ++k) {
        char c = ref[k];
        int d = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0 || v > 0x10FFFF) ok = false;
        else v = v * (hex ? 16 : 10) + static_cast<uint32_t>(d);
      }
      if (ok && v > 0 && v <= 0x10FFFF && !(v >= 0xD800 && v <= 0xDFFF)) cp = v;
    } else {
      for (const auto& n : kNamedRefs)
        if (ref == n.name) cp = n.cp;
    }
    if (cp == 0) {
      out.push_back(s[i++]);
      continue;
    }
    utf8_append(cp, out);
    i = semi + 1;
  }
  return collapse_whitespace(out);
}

}  // namespace pith
