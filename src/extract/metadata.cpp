// Metadata in four steps:
//  1. scan:      one walk over the DOM collects <meta>, <link>, <title>, <h1>, <time>, JSON-LD
//                scripts, microdata and byline-like elements (each list capped);
//  2. title:     the headline is the text that the <h1>, og:title, <title> (minus the site's
//                name) and JSON-LD agree on; the chosen <h1> anchors the "header" of the page;
//  3. dates:     a date printed next to the headline (what a reader sees) wins over dates in
//                JSON-LD and <meta>, which are often a CMS's record-keeping; the URL is last;
//  4. the rest:  author, site name, description, language, tags, image, URL, each from the
//                first source in a fixed order of trust (the k*Keys tables below).
#include "extract/metadata.h"

#include <algorithm>
#include <iterator>
#include <cctype>
#include <chrono>
#include <span>

#include "core/strings.h"
#include "core/utf8.h"
#include "extract/dates.h"
#include "extract/jsonld.h"
#include "extract/meta_text.h"
#include "extract/rules.h"
#include "extract/title.h"
#include "text/lang.h"
#include "text/stop_words.h"

namespace pith {

namespace {

// ---------------------------------------------------------------------------------- tables

// <meta> keys per field, most trusted first. Keys are name=, property= or itemprop= values,
// compared lower-cased.
constexpr std::string_view kTitleKeys[] = {"og:title", "twitter:title", "dc.title", "parsely-title",
                                           "sailthru.title"};
constexpr std::string_view kPublishedKeys[] = {
    "article:published_time", "og:article:published_time", "article:published", "og:published_time",
    "published_time", "article:first_published_time", "datepublished", "parsely-pub-date", "sailthru.date",
    "cxenseparse:publishtime", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dc.date.created",
    "dcterms.created", "citation_publication_date", "citation_date", "citation_online_date", "pubdate",
    "publish_date", "publish-date", "publishdate", "published-date", "publication_date", "og:publish_date",
    "date-pub", "published", "ms.date", "date", "created", "datecreated", "uploaddate", "release_date"};
// <meta> keys whose value is a JSON object holding the published date under a key of its own:
// Parse.ly's "parsely-page" ('{"title": ..., "pub_date": "2014-12-29T16:29:25Z", ...}'), the
// form of its tags before "parsely-pub-date", still printed by many news sites.
struct JsonMetaDate {
  std::string_view meta_key, json_key;
};
constexpr JsonMetaDate kPublishedJsonMetas[] = {{"parsely-page", "pub_date"}};
constexpr std::string_view kModifiedKeys[] = {"article:modified_time", "og:article:modified_time", "og:updated_time",
                                              "datemodified", "dc.date.modified", "dcterms.modified",
                                              "last-modified", "modified", "updated", "lastmod",
                                              "article:modified"};
// Scholarly pages list every author in citation_author(s), one <meta> each, and often only the
// first or corresponding one in "author": the full list comes first.
constexpr std::string_view kAuthorKeys[] = {
    "citation_author", "citation_authors", "author", "article:author", "og:article:author", "parsely-author",
    "sailthru.author", "dc.creator", "dcterms.creator", "cxenseparse:author", "byl",
    "shareaholic:article_author_name", "twitter:creator:name"};
constexpr std::string_view kSiteNameKeys[] = {"og:site_name", "application-name", "apple-mobile-web-app-title",
                                              "al:ios:app_name", "twitter:app:name:iphone"};
constexpr std::string_view kDescriptionKeys[] = {"og:description", "description", "twitter:description",
                                                 "dc.description"};
constexpr std::string_view kImageKeys[] = {"og:image", "og:image:url", "og:image:secure_url", "twitter:image",
                                           "twitter:image:src", "thumbnail"};
constexpr std::string_view kTagKeys[] = {"article:tag", "og:article:tag", "keywords", "news_keywords",
                                         "parsely-tags", "sailthru.tags"};
constexpr std::string_view kLangKeys[] = {"content-language", "language", "og:locale", "dc.language"};

// JSON-LD types that describe the page's own text, most specific first.
constexpr std::string_view kArticleTypes[] = {
    "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BlogPosting",
    "LiveBlogPosting", "TechArticle", "ScholarlyArticle", "Report", "Article", "SocialMediaPosting",
    "DiscussionForumPosting", "Review", "Recipe", "HowTo", "Question", "VideoObject", "PodcastEpisode",
    "MedicalWebPage", "Guide"};
constexpr std::string_view kPageTypes[] = {"WebPage", "ItemPage", "AboutPage", "FAQPage", "QAPage",
                                           "CollectionPage", "ProfilePage", "SearchResultsPage"};

// Class/id words of elements that hold an author's name. Bio boxes ("author-bio") hold one too,
// but their text is long and fails normalize_author.
constexpr std::string_view kBylineClassWords[] = {"author", "byline", "by-line", "writer", "contributor",
                                                  "username", "user-name", "poster"};
// Class words of elements that hold the page's date.
constexpr std::string_view kDateClassWords[] = {"date", "time", "publish", "posted", "byline", "meta"};

// Scan caps: pages far past these are data dumps; the first entries are the page's own.
constexpr size_t kMaxHatomDates = 16;
constexpr size_t kMaxMetas = 512, kMaxH1 = 16, kMaxTimes = 64, kMaxMicrodata = 128, kMaxBylines = 64,
                 kMaxSubheads = 64;
// The header window: dates within this many visible bytes after the headline (bylines sit
// right under it, sometimes after a standfirst of a few sentences), or just before it
// (a dateline above the title).
constexpr size_t kForwardWindow = 900, kBackwardWindow = 160;
constexpr size_t kWindowNodes = 4000;  // nodes visited per direction
// Where the headline is unknown, a date this close to the start of the content is its dateline.
constexpr size_t kDatelineBytes = 160;
// A date inside running text is a fact of the story, not the page's date: only short text
// nodes (bylines, datelines) or a date at the very start of a node count.
constexpr size_t kMaxDateNodeBytes = 220, kMaxDateOffset = 60;

// --------------------------------------------------------------------------------- scanning

struct MetaEntry {
  std::string key;  // lower-cased
  std::string_view value;
  bool itemprop = false;  // schema.org microdata (<meta itemprop=...>), not name= or property=
};

struct PageScan {
  NodeId html = kNoNode, title = kNoNode;
  std::vector<MetaEntry> metas;
  std::vector<NodeId> ld_scripts, h1s, times, microdata, bylines, author_links;
  std::vector<NodeId> subheads;  // h2, h3 and elements whose class says title or headline
  // hAtom's dates: <abbr class="published" title="2024-03-05T10:00:00+00:00">3 days ago</abbr>
  std::vector<NodeId> hatom_dates;
  std::string_view canonical;
};

bool has_ancestor(const Document& doc, NodeId n, Tag tag) {
  for (NodeId p = doc.node(n).parent; p != kNoNode; p = doc.node(p).parent)
    if (doc.is_element(p, tag)) return true;
  return false;
}

bool contains_word(std::string_view hay, std::string_view word) { return ifind(hay, word) != std::string_view::npos; }

// Which class words occur in a lower-cased class/id string: one pass, dispatching on the
// first letter of the table's words (a find per word costs 10x more on real pages).
enum ClassHit : uint8_t { kBylineHit = 1, kTitleHit = 2 };
uint8_t class_hits(std::string_view lc) {
  uint8_t hits = 0;
  for (size_t i = 0; i < lc.size(); ++i) {
    const char c = lc[i];
    if (c != 'a' && c != 'b' && c != 'w' && c != 'c' && c != 'u' && c != 'p' && c != 't' && c != 'h') continue;
    std::string_view rest = lc.substr(i);
    for (auto w : kBylineClassWords)
      if (w[0] == c && rest.starts_with(w)) hits |= kBylineHit;
    if ((c == 't' && rest.starts_with("title")) || (c == 'h' && rest.starts_with("headline"))) hits |= kTitleHit;
  }
  return hits;
}

void scan_page(const Document& doc, PageScan& s, Deadline& deadline) {
  const NodeId root = doc.root();
  std::string lower;
  for (NodeId n = root; n != kNoNode; n = doc.next_in_subtree(n, root)) {
    if (deadline.expired("metadata")) break;
    const Node& node = doc.node(n);
    if (node.kind != NodeKind::kElement) continue;
    switch (node.tag) {
      case Tag::k_html:
        if (s.html == kNoNode) s.html = n;
        break;
      case Tag::k_title:
        if (s.title == kNoNode && !has_ancestor(doc, n, Tag::k_svg)) s.title = n;
        break;
      case Tag::k_meta: {
        if (s.metas.size() >= kMaxMetas) break;
        std::string_view content = doc.attr(n, "content");
        for (std::string_view a : {"property", "name", "itemprop", "http-equiv"}) {
          std::string_view k = trim(doc.attr(n, a));
          if (!k.empty() && k.size() < 80) s.metas.push_back({ascii_lowercase(k), content, a == "itemprop"});
        }
        break;
      }
      case Tag::k_link: {
        std::string_view rel = doc.attr(n, "rel");
        if (s.canonical.empty() && iequals(trim(rel), "canonical")) s.canonical = trim(doc.attr(n, "href"));
        break;
      }
      case Tag::k_script:
        if (ifind(doc.attr(n, "type"), "ld+json") != std::string_view::npos && s.ld_scripts.size() < 32)
          s.ld_scripts.push_back(n);
        break;
      case Tag::k_h1:
        if (s.h1s.size() < kMaxH1) s.h1s.push_back(n);
        break;
      case Tag::k_time:
        if (s.times.size() < kMaxTimes) s.times.push_back(n);
        break;
      case Tag::k_h2:
      case Tag::k_h3:
        if (s.subheads.size() < kMaxSubheads) s.subheads.push_back(n);
        break;
      default:
        break;
    }
    if (node.attr_count == 0 || node.tag == Tag::k_meta || node.tag == Tag::k_link || node.tag == Tag::k_script)
      continue;
    std::string_view ip, rel, cls, id;
    for (const Attr* a = doc.attrs_begin(n); a != doc.attrs_end(n); ++a) {
      std::string_view name = doc.str(a->name);
      if (name == "class") cls = doc.str(a->value);
      else if (name == "id") id = doc.str(a->value);
      else if (name == "itemprop") ip = doc.str(a->value);
      else if (name == "rel") rel = doc.str(a->value);
    }
    if (!ip.empty() && s.microdata.size() < kMaxMicrodata &&
        (contains_word(ip, "author") || contains_word(ip, "date") || contains_word(ip, "headline")))
      s.microdata.push_back(n);
    if (!rel.empty() && contains_word(rel, "author") && s.author_links.size() < kMaxBylines) s.author_links.push_back(n);
    if (node.tag == Tag::k_abbr && !cls.empty() && s.hatom_dates.size() < kMaxHatomDates &&
        (contains_word(cls, "published") || contains_word(cls, "updated")))
      s.hatom_dates.push_back(n);
    if (cls.empty() && id.empty() && ip.empty()) continue;
    lower.resize(cls.size() + 1 + id.size());
    for (size_t i = 0; i < cls.size(); ++i) lower[i] = ascii_lower(cls[i]);
    lower[cls.size()] = ' ';
    for (size_t i = 0; i < id.size(); ++i) lower[cls.size() + 1 + i] = ascii_lower(id[i]);
    const std::string_view lc(lower);
    const uint8_t class_hit = class_hits(lc.substr(0, cls.size())), id_hit = class_hits(lc.substr(cls.size()));
    if (s.subheads.size() < kMaxSubheads && node.tag != Tag::k_h2 && node.tag != Tag::k_h3 &&
        node.tag != Tag::k_h1 && ((class_hit & kTitleHit) || contains_word(ip, "headline")))
      s.subheads.push_back(n);
    if (s.bylines.size() < kMaxBylines &&
        (((class_hit | id_hit) & kBylineHit) || contains_word(ip, "author")))
      s.bylines.push_back(n);
  }
}

std::string_view meta_value(const PageScan& s, std::string_view key) {
  for (const auto& m : s.metas)
    if (m.key == key && !trim(m.value).empty()) return trim(m.value);
  return {};
}

// The first non-empty value among keys, in the order of the table.
template <size_t N>
std::string_view first_meta(const PageScan& s, const std::string_view (&keys)[N], std::string_view* key_out = nullptr) {
  for (auto k : keys) {
    std::string_view v = meta_value(s, k);
    if (!v.empty()) {
      if (key_out) *key_out = k;
      return v;
    }
  }
  return {};
}

// The string value of a top-level key in a small JSON object ('{"pub_date": "2014-12-29"}'),
// or empty. The values such meta tags hold are plain strings: escapes are not decoded, and a
// value with one is cut there (a date has none).
std::string_view json_string_field(std::string_view json, std::string_view key) {
  for (size_t at = json.find(key); at != std::string_view::npos; at = json.find(key, at + 1)) {
    if (at == 0 || json[at - 1] != '"' || at + key.size() >= json.size() || json[at + key.size()] != '"') continue;
    size_t i = at + key.size() + 1;
    while (i < json.size() && is_ascii_space(json[i])) ++i;
    if (i >= json.size() || json[i] != ':') continue;
    ++i;
    while (i < json.size() && is_ascii_space(json[i])) ++i;
    if (i >= json.size() || json[i] != '"') continue;
    const size_t begin = i + 1;
    const size_t end = json.find_first_of("\\\"", begin);
    return end == std::string_view::npos ? std::string_view() : json.substr(begin, end - begin);
  }
  return {};
}

bool is_hidden_text_parent(const Document& doc, NodeId parent) {
  if (parent == kNoNode) return false;
  Tag t = doc.node(parent).tag;
  return t == Tag::k_script || t == Tag::k_style || t == Tag::k_noscript || t == Tag::k_template ||
         t == Tag::k_title;
}

NodeId block_ancestor(const Document& doc, NodeId n, NodeId scope) {
  for (NodeId p = doc.node(n).parent; p != kNoNode; p = doc.node(p).parent) {
    if (p == scope || is_block_tag(doc.node(p).tag)) return p;
  }
  return kNoNode;
}

// An element's text, with a space where block elements or <br> separate its text nodes; the
// text of controls (a "Copy" button in a heading) and of hidden elements (a tooltip) is not
// part of it.
std::string element_text(const Document& doc, NodeId id, size_t max_bytes = 2000) {
  constexpr size_t kMaxNodes = 4000;  // an h1 or byline is small; a huge subtree is not one
  std::string out;
  NodeId last_block = kNoNode;
  bool br = false;
  size_t visited = 0;
  for (NodeId n = id; n != kNoNode && ++visited <= kMaxNodes;) {
    const Node& node = doc.node(n);
    if (node.kind == NodeKind::kElement) {
      if (node.tag == Tag::k_script || node.tag == Tag::k_style || node.tag == Tag::k_noscript ||
          node.tag == Tag::k_template || node.tag == Tag::k_button || node.tag == Tag::k_select ||
          node.tag == Tag::k_textarea || (node.tag == Tag::k_svg && n != id) ||
          (n != id && node.attr_count != 0 && doc.has_attr(n, "hidden"))) {
        n = doc.next_skip_children(n, id);
        continue;
      }
      br = br || node.tag == Tag::k_br;
    } else if (node.kind == NodeKind::kText) {
      NodeId block = block_ancestor(doc, n, id);
      if (!out.empty() && (br || block != last_block)) out += ' ';
      br = false;
      last_block = block;
      out += doc.text(n);
      if (out.size() > max_bytes) break;
    }
    n = doc.next_in_subtree(n, id);
  }
  return collapse_whitespace(out);
}

// ----------------------------------------------------------------------------------- JSON-LD

bool is_one_of(const JsonLdEntity& e, std::span<const std::string_view> types) {
  for (auto t : types)
    if (e.has_type(t)) return true;
  return false;
}

// The entity that describes this page: an article-like thing not inside a list, else a
// WebPage, else the first top-level thing.
const JsonLdEntity* main_entity(const JsonLdData& ld) {
  const JsonLdEntity* page = nullptr;
  for (auto t : kArticleTypes)
    for (const auto& e : ld.entities)
      if (!e.in_list && e.has_type(t)) return &e;
  for (const auto& e : ld.entities)
    if (!e.in_list && is_one_of(e, kPageTypes)) {
      page = &e;
      break;
    }
  return page;
}

// -------------------------------------------------------------------------------------- title

// Class words of an element at the start of a heading that tags the item rather than names it:
// a forum thread's prefix (<span class="label">News</span>Cameras in 2024), a category badge.
constexpr std::string_view kHeadingLabelClassWords[] = {"label", "prefix", "badge"};

// Does href point at a site's front page ("/", "/index.html", "https://example.com/")? A
// heading that is such a link is the site's logo or name, not the page's headline.
bool is_front_page_link(std::string_view href) {
  href = trim(href);
  if (size_t scheme = href.find("://"); scheme != std::string_view::npos) {
    size_t path = href.find('/', scheme + 3);
    href = path == std::string_view::npos ? std::string_view("/") : href.substr(path);
  } else if (href.starts_with("//")) {
    size_t path = href.find('/', 2);
    href = path == std::string_view::npos ? std::string_view("/") : href.substr(path);
  }
  href = href.substr(0, href.find_first_of("?#"));
  if (href.starts_with("./")) href.remove_prefix(1);
  if (!href.starts_with('/')) return false;
  href.remove_prefix(1);
  return href.empty() || istarts_with(href, "index.");
}

// An h1 that is a link to a front page (<a href="/"><h1>Ann's Blog</h1></a>, <h1><a
// href="/">Ann's Blog</a></h1>): the site's logo, which blog and wiki themes put in an h1.
bool is_logo_heading(const Document& doc, NodeId h, std::string_view text) {
  constexpr int kMaxLinkDepth = 3;
  int depth = 0;
  for (NodeId p = doc.node(h).parent; p != kNoNode && depth < kMaxLinkDepth; p = doc.node(p).parent, ++depth)
    if (doc.is_element(p, Tag::k_a)) return is_front_page_link(doc.attr(p, "href"));
  for (NodeId n = doc.next_in_subtree(h, h); n != kNoNode; n = doc.next_in_subtree(n, h))
    if (doc.is_element(n, Tag::k_a))
      return is_front_page_link(doc.attr(n, "href")) && element_text(doc, n, 600) == text;
  return false;
}

// The heading's text without a label at its start (see kHeadingLabelClassWords): the first
// element holding text, when one of its class words says label, is left out. So is one that a
// class hides from view (the rules' "class:hidden": "visually-hidden", "sr-only"): a theme's
// <h1><span class="visually-hidden">Category: </span>Lamps</h1> reads the label to screen
// readers only, and the reader sees the name alone.
std::string without_leading_label(const Document& doc, NodeId h, std::string text) {
  NodeId first_text = kNoNode;
  for (NodeId n = doc.next_in_subtree(h, h); n != kNoNode; n = doc.next_in_subtree(n, h))
    if (doc.node(n).kind == NodeKind::kText && !trim(doc.text(n)).empty()) {
      first_text = n;
      break;
    }
  if (first_text == kNoNode) return text;
  for (NodeId p = doc.node(first_text).parent; p != kNoNode && p != h; p = doc.node(p).parent) {
    std::string_view cls = doc.attr(p, "class");
    bool label = !cls.empty() && match_class(ascii_lowercase(cls)).hidden;
    for (std::string_view word : split_any(cls, " \t\n"))
      for (auto w : kHeadingLabelClassWords) label = label || istarts_with(word, w);
    if (!label) continue;
    std::string prefix = element_text(doc, p, 200);
    if (prefix.empty() || prefix.size() >= text.size() || text.compare(0, prefix.size(), prefix) != 0) return text;
    std::string rest(trim(std::string_view(text).substr(prefix.size())));
    return rest.empty() ? text : rest;
  }
  return text;
}

// Is a link's text a count ("87", a link to the comments) or a source's host in brackets
// ("(news.example)")? Aggregators print both after a story's headline, inside its h1.
bool is_count_or_source_link(std::string_view text) {
  text = trim(text);
  if (text.empty()) return false;
  if (std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return true;
  if (text.size() < 5 || text.front() != '(' || text.back() != ')') return false;
  std::string_view host = text.substr(1, text.size() - 2);
  const size_t dot = host.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 2 > host.size()) return false;
  return std::all_of(host.begin(), host.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-';
  });
}

// Cuts tail, the text of an element at the heading's end, and the spaces before it off text; false
// when text does not end with it or it is empty or all of text.
bool cut_tail(std::string& text, std::string_view tail) {
  if (tail.empty() || tail.size() >= text.size() || !std::string_view(text).ends_with(tail)) return false;
  text.resize(text.size() - tail.size());
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return true;
}

// The heading's text without the links at its end that count or source it (see
// is_count_or_source_link): "Rivers Rise After Storm (news.example) 87" -> "Rivers Rise After Storm".
std::string without_trailing_counts(const Document& doc, NodeId h, std::string text) {
  std::vector<NodeId> links;
  for (NodeId n = doc.next_in_subtree(h, h); n != kNoNode; n = doc.next_in_subtree(n, h))
    if (doc.is_element(n, Tag::k_a)) links.push_back(n);
  while (!links.empty()) {
    std::string tail = element_text(doc, links.back(), 100);
    links.pop_back();
    if (!is_count_or_source_link(tail) || !cut_tail(text, tail)) break;
  }
  return text;
}

// Does a heading end in a colon ("Topics include:", "Hear the whole episode here:", the
// full-width "：" of Chinese and Japanese)? It introduces what follows it, a list or a
// player, and names nothing itself: not a headline.
bool introduces_what_follows(std::string_view heading) {
  heading = trim(heading);
  return heading.ends_with(':') || heading.ends_with("\xEF\xBC\x9A");
}

// What stands between the links of a breadcrumb trail, and so before the page's name at its end.
constexpr std::string_view kTrailSeparators[] = {
    "\xE2\x80\xBA", "\xC2\xBB", ">", "/", "|", "\xC2\xB7", "\xE2\x80\xA2", "\xE2\x86\x92", "-", "\xE2\x80\x93", "\xE2\x80\x94", ":",
};

// The heading's text without a trail of links at its start: an h1 that opens with two or more
// links, with only separators or icons between them, before any text of its own (forum
// software's "Site › Forums › Dreams › What did you dream?") is a breadcrumb trail, which ends
// in the page's own name, its headline.
std::string without_leading_trail(const Document& doc, NodeId h, std::string text) {
  constexpr int kMinTrailLinks = 2;
  int links = 0;
  NodeId n = doc.node(h).first_child;
  for (; n != kNoNode; n = doc.node(n).next_sibling) {
    const Node& node = doc.node(n);
    if (node.kind == NodeKind::kText) {
      if (loose_key(doc.text(n)).empty()) continue;  // a separator between the links: " › ", " / "
      break;
    }
    if (node.kind != NodeKind::kElement) continue;
    if (loose_key(element_text(doc, n, 200)).empty()) continue;  // an icon or a separator
    if (node.tag != Tag::k_a) break;
    ++links;
  }
  if (links < kMinTrailLinks || n == kNoNode) return text;
  std::string rest;
  for (; n != kNoNode; n = doc.node(n).next_sibling) {
    const Node& node = doc.node(n);
    if (node.kind == NodeKind::kText) rest += doc.text(n);
    else if (node.kind == NodeKind::kElement) rest += " " + element_text(doc, n, 600) + " ";
  }
  rest = collapse_whitespace(rest);
  for (bool again = true; again;) {
    again = false;
    for (std::string_view sep : kTrailSeparators)
      if (std::string_view(rest).starts_with(sep)) {
        rest = std::string(trim(std::string_view(rest).substr(sep.size())));
        again = true;
      }
  }
  return rest.empty() ? text : rest;
}

// The heading's text without a heading inside it at its end: a page builder's h1 that holds the
// headline and, as an <h4>, its deck ("Tax 101: the basics" + "A guide to the taxes you
// pay") names the page by the text before the inner heading.
std::string without_trailing_deck(const Document& doc, NodeId h, std::string text) {
  NodeId deck = kNoNode;
  for (NodeId n = doc.next_in_subtree(h, h); n != kNoNode; n = doc.next_in_subtree(n, h))
    if (doc.node(n).kind == NodeKind::kElement && is_heading_tag(doc.node(n).tag)) deck = n;
  if (deck == kNoNode) return text;
  cut_tail(text, element_text(doc, deck, 600));
  return text;
}

// The heading's text without the tools at its end: the edit link a wiki puts in it
// (<span class="mw-editsection">[<a>edit</a>]</span>), an element whose class the rules name a
// page tool (rules.cpp "class:tools").
std::string without_trailing_tools(const Document& doc, NodeId h, std::string text) {
  for (NodeId n = doc.node(h).last_child; n != kNoNode; n = doc.node(n).prev_sibling) {
    const Node& node = doc.node(n);
    if (node.kind == NodeKind::kText && trim(doc.text(n)).empty()) continue;
    if (node.kind != NodeKind::kElement || node.attr_count == 0) break;
    const std::string cls = ascii_lowercase(doc.attr(n, "class"));
    if (cls.empty() || match_class(cls).rule != "class:tools") break;
    if (!cut_tail(text, element_text(doc, n, 200))) break;
  }
  return text;
}

// Whether an element holds a child element with text of its own (<h1><time>Dec 18 2025</time>
// Planning the move</h1>), not only text.
bool has_text_element(const Document& doc, NodeId h) {
  for (NodeId n = doc.node(h).first_child; n != kNoNode; n = doc.node(n).next_sibling)
    if (doc.node(n).kind == NodeKind::kElement && !loose_key(element_text(doc, n, 200)).empty()) return true;
  return false;
}

// The h1s worth considering, in order of how likely they are the headline: inside the main
// container first, then the nearest before it, then the rest. Site logos in an h1 are skipped:
// the site's name, and links to a front page.
std::vector<HeadingCandidate> headline_candidates(const Document& doc, const PageScan& scan,
                                                  const ContentSelection& sel, const SiteNames& site,
                                                  std::string_view title_tag) {
  std::vector<std::pair<int64_t, HeadingCandidate>> ranked;
  NodeId main = sel.main;
  for (NodeId h : scan.h1s) {
    std::string raw = element_text(doc, h, 600);
    if (is_logo_heading(doc, h, raw)) continue;
    std::string text = clean_heading(without_trailing_tools(
        doc, h,
        without_trailing_deck(doc, h,
                              without_trailing_counts(doc, h, without_leading_trail(doc, h, without_leading_label(
                                                                                                 doc, h, std::move(raw)))))));
    // A date the <title> carries too is part of the title ("Wrap-Up (2025-09-21)"), not the
    // blog's dateline printed in the h1.
    if (title_tag.find(text) == std::string_view::npos && has_text_element(doc, h)) text = strip_edge_dates(text);
    if (text.empty() || text.size() > 400 || introduces_what_follows(text)) continue;
    if (is_site_segment(text, site) && (site.keys.size() + site.host_labels.size()) > 0) continue;
    bool inside = false;
    if (main != kNoNode)
      for (NodeId p = h; p != kNoNode; p = doc.node(p).parent)
        if (p == main) {
          inside = true;
          break;
        }
    int64_t rank;
    if (inside) rank = static_cast<int64_t>(h) - static_cast<int64_t>(main);  // first in main
    else if (main != kNoNode && h < main) rank = (1LL << 32) + (static_cast<int64_t>(main) - h);  // nearest before
    else rank = (1LL << 33) + h;
    ranked.push_back({rank, HeadingCandidate{h, std::move(text), inside, main != kNoNode && h < main}});
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<HeadingCandidate> out;
  for (auto& r : ranked) out.push_back(std::move(r.second));
  return out;
}

// A heading without the section number a book or manual puts before it ("3.1 Git Branching"
// -> "Git Branching"), when the <title> does not carry the number: there it is numbering, not
// part of the title. Only dotted numbers ("3.1", "2.4.1."), so "10 Best Saws" keeps its count.
void strip_section_number(std::string& heading, std::string_view title_tag) {
  size_t i = 0, dots = 0;
  while (i < heading.size() && (std::isdigit(static_cast<unsigned char>(heading[i])) ||
                                (heading[i] == '.' && i > 0 && std::isdigit(static_cast<unsigned char>(heading[i - 1])))))
    dots += heading[i++] == '.';
  const std::string_view number = std::string_view(heading).substr(0, i);
  const bool trailing_dot = !number.empty() && number.back() == '.';
  if (dots - trailing_dot < 1 || i >= heading.size() || heading[i] != ' ') return;
  if (i + 1 >= heading.size() || !std::isalpha(static_cast<unsigned char>(heading[i + 1]))) return;
  const std::string_view bare = trailing_dot ? number.substr(0, number.size() - 1) : number;
  if (title_tag.find(bare) != std::string_view::npos) return;
  heading.erase(0, i + 1);
}

struct TitleChoice {
  std::string title;
  NodeId anchor = kNoNode;  // the headline element, if the title came from one
  bool anchor_shows_title = false;  // else the anchor is a guess: the most likely h1
  NodeId top_h1 = kNoNode;  // the most likely h1, where dates are looked for if none is near the anchor
  std::string site_segment;
};

TitleChoice choose_title(const Document& doc, const PageScan& scan, const ContentSelection& sel, const SiteNames& site,
                         const JsonLdEntity* main, std::string_view url, bool dated,
                         std::vector<std::string>* debug_out) {
  TitleChoice c;
  TitleInputs in;
  in.title_tag = scan.title != kNoNode ? clean_heading(element_text(doc, scan.title, 1000)) : std::string();
  in.og = clean_meta_text(first_meta(scan, kTitleKeys));
  in.ld = main ? (!main->headline.empty() ? main->headline : main->name) : std::string();
  in.heads = headline_candidates(doc, scan, sel, site, in.title_tag);
  for (auto& h : in.heads) strip_section_number(h.text, in.title_tag);
  in.article = (main && is_one_of(*main, kArticleTypes)) || iequals(meta_value(scan, "og:type"), "article");
  in.product = (main && (main->has_type("Product") || main->has_type("ProductGroup"))) ||
               ifind(meta_value(scan, "og:type"), "product") != std::string_view::npos;
  if (size_t scheme = url.find("://"); scheme != std::string_view::npos) {
    size_t at = url.find('/', scheme + 3);
    std::string_view path = at == std::string_view::npos ? std::string_view("/") : url.substr(at);
    path = path.substr(0, path.find_first_of("?#"));
    while (!path.empty() && path.back() == '/') path.remove_suffix(1);
    in.homepage = path.empty();
    size_t slash = path.rfind('/');
    in.slug = std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
  }
  in.dated = dated;
  in.site = &site;
  clean_title(in.title_tag, site, &c.site_segment);
  std::vector<TitleCandidate> cands;
  title_candidates(in, cands);
#ifdef PITH_RECORD_FEATURES
  for (const auto& cand : cands) {
    std::string rec = "title-candidate: ";
    for (size_t i = 0; i < kTitleFeatureCount; ++i) {
      rec += std::string(title_feature_name(i)) + "=" + std::to_string(cand.features[i]) + " ";
    }
    rec += "\x1f" + cand.text;
    debug_out->push_back(std::move(rec));
  }
#endif
  int best = best_title(cands);
  if (best < 0) return c;
  const TitleCandidate& t = cands[static_cast<size_t>(best)];
  c.title = t.text;
  // The headline element, for dates next to it: the h1 showing the title, else a heading or
  // title-classed element showing it, else the most likely h1.
  if (!in.heads.empty()) c.top_h1 = in.heads[0].node;
  std::string key = loose_key(c.title);
  for (const auto& h : in.heads)
    if (loose_key(h.text) == key) {
      c.anchor = h.node;
      c.anchor_shows_title = true;
      return c;
    }
  for (NodeId n : scan.subheads) {
    if (!key.empty() && loose_key(element_text(doc, n, 600)) == key) {
      c.anchor = n;
      c.anchor_shows_title = true;
      return c;
    }
  }
  if (!in.heads.empty()) c.anchor = in.heads[0].node;
  return c;
}

// -------------------------------------------------------------------------------------- dates

struct SeenDate {
  Ymd date;
  DateLabel label = DateLabel::kNone;
  bool from_time = false;  // a <time datetime> element
  size_t offset = 0;       // visible bytes from the anchor
  bool swappable = false;  // DateHit::swappable
};

// Up to `max` bytes of visible text before node n in document order (the label of a date is
// often in a sibling element: <span>Updated</span> <time>...</time>).
std::string text_before(const Document& doc, NodeId n, size_t max) {
  std::string out;
  constexpr int kMaxSteps = 24;
  int steps = 0;
  for (NodeId p = n; p-- > 0 && out.size() < max && steps < kMaxSteps; ++steps) {
    const Node& node = doc.node(p);
    // Stop at the page's own headings; small headings (h4 "Published") are labels.
    if (node.kind == NodeKind::kElement &&
        (node.tag == Tag::k_body || node.tag == Tag::k_h1 || node.tag == Tag::k_h2))
      break;
    if (node.kind != NodeKind::kText || is_hidden_text_parent(doc, node.parent)) continue;
    std::string_view t = trim(doc.text(p));
    if (t.empty()) continue;
    out.insert(0, std::string(t) + " ");
  }
  if (out.size() > max) out.erase(0, out.size() - max);
  return out;
}

// Class, id and itemprop words of an element and its two nearest ancestors that name a date's
// role ("post-date updated", itemprop=dateModified).
DateLabel label_from_attrs(const Document& doc, NodeId n) {
  for (int up = 0; up < 3 && n != kNoNode; ++up, n = doc.node(n).parent) {
    if (doc.node(n).kind != NodeKind::kElement) continue;
    for (std::string_view a : {"itemprop", "class", "id"}) {
      std::string_view v = doc.attr(n, a);
      if (v.empty()) continue;
      if (contains_word(v, "modified") || contains_word(v, "updated")) return DateLabel::kModified;
      if (contains_word(v, "published") || contains_word(v, "datecreated") || contains_word(v, "posted"))
        return DateLabel::kPublished;
    }
  }
  return DateLabel::kNone;
}

DateLabel label_for(const Document& doc, NodeId n, std::string_view own_prefix) {
  DateLabel l = label_before(own_prefix);
  if (l != DateLabel::kNone) return l;
  if (trim(own_prefix).size() < 24) {
    // A label before an earlier date is that date's ("Joined: Dec 11, 2021 ... Aug 27, 2019").
    std::string before = text_before(doc, n, 48);
    std::vector<DateHit> earlier;
    find_dates(before, DayOrder::kMonthFirst, earlier, 4);
    l = label_before(earlier.empty() ? std::string_view(before) : std::string_view(before).substr(earlier.back().end));
    if (l != DateLabel::kNone) return l;
  }
  return label_from_attrs(doc, doc.node(n).kind == NodeKind::kText ? doc.node(n).parent : n);
}

// Class and id words of the parts of a page whose dates are not the page's own: comments and
// replies, lists of related or popular items, copyright lines (and <figcaption>s). Checked on the element and
// kOtherItemsDepth ancestors, up to the nearest <article> (a comment is often an <article>
// of its own) and never on <body> or <main>, whose classes describe the whole page
// ("comments-page"). A class token that only states something about the comments
// ("comments-open", "comment-count") does not count.
constexpr std::string_view kOtherItemsWords[] = {"comment", "related", "recommend", "popular", "trending",
                                                 "copyright", "more-from", "read-next", "readnext"};
constexpr std::string_view kStateSuffixes[] = {"-open", "-closed", "-count", "-link", "-number", "-page"};
constexpr int kOtherItemsDepth = 8;

bool names_other_items(std::string_view attr) {
  for (std::string_view token : split_any(attr, " \t\n")) {
    bool state = false;
    for (auto suffix : kStateSuffixes)
      state = state || (token.size() >= suffix.size() && iequals(token.substr(token.size() - suffix.size()), suffix));
    if (state) continue;
    for (auto w : kOtherItemsWords)
      if (contains_word(token, w)) return true;
  }
  return false;
}

bool in_other_items(const Document& doc, NodeId n) {
  int depth = 0;
  for (NodeId p = doc.node(n).kind == NodeKind::kElement ? n : doc.node(n).parent;
       p != kNoNode && depth < kOtherItemsDepth; p = doc.node(p).parent, ++depth) {
    const Node& node = doc.node(p);
    if (node.kind != NodeKind::kElement) continue;
    if (node.tag == Tag::k_body || node.tag == Tag::k_html || node.tag == Tag::k_main) break;
    // A caption dates its picture ("Oil fields near Lost Hills, March 24, 2014"), often
    // years before the story that reuses it.
    if (node.tag == Tag::k_figcaption) return true;
    if (node.attr_count != 0 && (names_other_items(doc.attr(p, "class")) || names_other_items(doc.attr(p, "id"))))
      return true;
    if (node.tag == Tag::k_article) break;
  }
  return false;
}

// A timestamp in UTC ("2024-04-17T21:13:04Z", "...+00:00"): a time of day whose offset says
// nothing about the day its readers saw. A timestamp with its own offset
// ("2024-01-14T21:50:50-0500") is already in local time; a bare date has no time to shift.
bool is_utc_timestamp(std::string_view v) {
  v = trim(v);
  if (v.size() < 16 || v.substr(10).find(':') == std::string_view::npos) return false;
  static constexpr std::string_view kUtcSuffixes[] = {"Z", "z", "+00:00", "+0000", "UTC", "GMT"};
  for (auto suffix : kUtcSuffixes)
    if (v.size() > suffix.size() && v.substr(v.size() - suffix.size()) == suffix) return true;
  return false;
}

bool one_day_apart(const Ymd& a, const Ymd& b) {
  using namespace std::chrono;
  auto days_of = [](const Ymd& d) {
    return sys_days{year{d.y} / month{static_cast<unsigned>(d.m)} / day{static_cast<unsigned>(d.d)}};
  };
  const auto diff = (days_of(a) - days_of(b)).count();
  return diff == 1 || diff == -1;
}

// The date a <time> element shows its readers. Its datetime, except that a UTC timestamp
// printed as the day before or after in its text ("2024-04-17T21:13:04Z" shown as "April
// 18, 2024") was rendered in the site's time zone: the printed day is the page's.
Ymd shown_time_date(std::string_view datetime, const Ymd& machine, const std::vector<DateHit>& text_hits) {
  if (text_hits.empty() || text_hits[0].swappable || !is_utc_timestamp(datetime)) return machine;
  return one_day_apart(text_hits[0].date, machine) ? text_hits[0].date : machine;
}

// A date told in the middle of prose ("The season ends April 15, 2025. If you are late, ...")
// is a fact of the story, however short its paragraph: words lead up to it and another
// sentence follows it in the same text. A byline's date has a name or a label before it and
// at most a reading time after it.
constexpr size_t kProseWords = 4;  // words before the date, and in the sentence after it

size_t count_words(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (char ch : text) {
    const bool letter = static_cast<unsigned char>(ch) >= 0x80 || std::isalpha(static_cast<unsigned char>(ch));
    words += letter && !in_word;
    in_word = letter;
  }
  return words;
}

bool date_inside_prose(std::string_view text, const DateHit& hit) {
  if (count_words(text.substr(0, hit.begin)) < kProseWords) return false;
  const std::string_view after = text.substr(hit.end);
  for (size_t i = 0; i + 1 < after.size(); ++i)
    if ((after[i] == '.' || after[i] == '!' || after[i] == '?') && after[i + 1] == ' ')
      return count_words(after.substr(i + 1)) >= kProseWords;
  return false;
}

// Custom elements that print a time for readers as <time> does, from a machine-readable value
// (rendered by a script as "3 days ago" or a local date): GitHub's <relative-time> and
// <local-time>, Reddit's <faceplate-timeago ts=...>, the timeago components. Their value
// is their datetime attribute, else "ts".
constexpr std::string_view kTimeElementNames[] = {"relative-time", "local-time", "time-ago", "timeago"};
constexpr std::string_view kTimeElementSuffix = "-timeago";

// "2024-08-12 10:00:23", "2025-12-19T12:00:00Z": a date and a time of day as machines write them.
constexpr size_t kShownTimestampMaxBytes = 40;
bool is_timestamp(std::string_view v) {
  if (v.size() < 16) return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15})
    if (!is_ascii_digit(v[i])) return false;
  return v[4] == '-' && v[7] == '-' && (v[10] == 'T' || v[10] == ' ') && v[13] == ':';
}

// Whether n is a <time> or such an element; its machine-readable value in datetime.
bool is_time_element(const Document& doc, NodeId n, std::string_view& datetime) {
  const Node& node = doc.node(n);
  if (node.kind != NodeKind::kElement) return false;
  if (node.tag == Tag::k_time) {
    datetime = doc.attr(n, "datetime");
    return true;
  }
  if (node.attr_count == 0) return false;
  if (node.tag != Tag::kUnknown) {
    // An element whose title is a timestamp and whose text is a short rendering of it, its label
    // too (<span title="2024-08-12 10:00:23">1 year ago</span>, <div title=...><span>Asked</span>
    // <span>2 years ago</span></div>, <abbr title="2011-10-27T05:06">):
    // the same value as a <time>'s, on pages older than <time> or whose <time> was rewritten.
    const std::string_view title = doc.attr(n, "title");
    if (!is_timestamp(title)) return false;
    const std::string shown = element_text(doc, n, kShownTimestampMaxBytes + 1);  // "Asked 2 years ago"
    if (trim(shown).empty() || shown.size() > kShownTimestampMaxBytes) return false;
    // Not a link to another page: a list's items link their age to the item ("<span
    // title=...><a href="item?id=7">17 hours ago</a></span>" on a news aggregator).
    auto leads_away = [&](NodeId a) {
      const std::string_view href = trim(doc.attr(a, "href"));
      return !href.empty() && href[0] != '#' && href[0] != '?';
    };
    size_t visited = 0;
    for (NodeId d = n; d != kNoNode && visited < 32; d = doc.next_in_subtree(d, n), ++visited)
      if (doc.is_element(d, Tag::k_a) && leads_away(d)) return false;
    datetime = title;
    return true;
  }
  const std::string_view name = doc.name(n);
  bool known = name.size() > kTimeElementSuffix.size() &&
               name.substr(name.size() - kTimeElementSuffix.size()) == kTimeElementSuffix;
  for (auto t : kTimeElementNames) known = known || name == t;
  if (!known) return false;
  datetime = doc.attr(n, "datetime");
  if (datetime.empty()) datetime = doc.attr(n, "ts");
  return true;
}

// Markup that keeps an element from every reader, whatever the screen: the hidden attribute,
// and the class a CMS prints on an element whose condition failed (Webflow's
// "w-condition-invisible": a fallback summary under the headline that is never shown).
// Responsive classes ("d-none d-md-block", Tailwind's "hidden md:block") hide on some screens
// only, and an inline display:none is what scripts toggle (menus, folded sections): both are
// left out. Its text does not stand between the headline and a byline for a reader, and its
// dates are not shown.
constexpr std::string_view kNeverShownClasses[] = {"w-condition-invisible"};
constexpr int kHiddenAncestorDepth = 6;  // a byline's text sits a few levels under the hidden block

bool never_shown_element(const Document& doc, NodeId n) {
  if (doc.node(n).attr_count == 0) return false;
  if (doc.has_attr(n, "hidden")) return true;
  const std::string_view cls = doc.attr(n, "class");
  for (auto c : kNeverShownClasses)
    for (size_t at = cls.find(c); at != std::string_view::npos; at = cls.find(c, at + 1)) {
      const size_t end = at + c.size();
      if ((at == 0 || is_ascii_space(cls[at - 1])) && (end == cls.size() || is_ascii_space(cls[end]))) return true;
    }
  return false;
}

bool in_never_shown(const Document& doc, NodeId text) {
  int depth = 0;
  for (NodeId p = doc.node(text).parent; p != kNoNode && depth < kHiddenAncestorDepth; p = doc.node(p).parent, ++depth)
    if (doc.node(p).kind == NodeKind::kElement && never_shown_element(doc, p)) return true;
  return false;
}

// Dates printed near the headline, in reading order (forward) and before it (backward).
struct Window {
  NodeId lo = kNoNode, hi = kNoNode;  // node ids [lo, hi) around the headline
  NodeId anchor = kNoNode;
};

void header_dates(const Document& doc, NodeId anchor, bool anchor_is_headline, DayOrder order,
                  const DateRange& range, std::vector<SeenDate>& forward, std::vector<SeenDate>& backward,
                  Window& window) {
  window.anchor = anchor;
  if (anchor == kNoNode) return;
  std::vector<DateHit> hits;
  // A date in the headline is part of the title ("Release 2024.4.4 fails", "after
  // 08-02-2024"), not the date of the page.
  NodeId headline_end = anchor;
  if (anchor_is_headline) {
    const NodeId after = doc.next_skip_children(anchor, doc.root());
    headline_end = after == kNoNode ? static_cast<NodeId>(doc.size()) : after;
  }

  size_t never_shown = 0;  // visible bytes of text no reader sees, since the anchor
  auto visit = [&](NodeId n, size_t offset, std::vector<SeenDate>& out) -> size_t {
    offset -= never_shown;
    const Node& node = doc.node(n);
    std::string_view datetime;
    if (is_time_element(doc, n, datetime)) {
      Ymd d = parse_date(datetime, order);
      if (d.ok()) {
        // A datetime written for people ("02-12-2025") may be read either way round.
        hits.clear();
        find_dates(datetime, order, hits, 1);
        const bool swappable = !hits.empty() && hits[0].swappable && hits[0].date == d;
        // The label may be inside the element: <time datetime=..>Updated Nov 6, 2025</time>
        std::string own = element_text(doc, n, 120);
        hits.clear();
        find_dates(own, order, hits, 1);
        std::string_view prefix = hits.empty() ? std::string_view(own) : std::string_view(own).substr(0, hits[0].begin);
        DateLabel label = label_for(doc, n, prefix);
        d = shown_time_date(datetime, d, hits);
        if (label != DateLabel::kOther && range.contains(d) && !in_other_items(doc, n))
          out.push_back({d, label, true, offset, swappable});
      }
      return 0;
    }
    if (node.kind != NodeKind::kText || is_hidden_text_parent(doc, node.parent)) return 0;
    std::string_view text = doc.text(n);
    size_t visible = 0;
    bool digit = false;
    for (char ch : text) {
      visible += !is_ascii_space(ch);
      digit = digit || (ch >= '0' && ch <= '9') || ch == '\xD9' || ch == '\xDB' || ch == '\xE0' ||
              ch == '\xEF';  // kDigitFirstBytes
    }
    if (visible == 0) return 0;
    if (in_never_shown(doc, n)) {
      // Counted for the window's extent, which the byline search shares, but not in the
      // distance of the dates after it.
      never_shown += visible;
      return visible;
    }
    std::string_view parent_datetime;
    bool in_time = node.parent != kNoNode && is_time_element(doc, node.parent, parent_datetime) &&
                   parse_date(parent_datetime, order).ok();
    if (digit && !in_time && !(n > anchor && n < headline_end)) {
      std::string_view t = trim(text);
      hits.clear();
      find_dates(t, order, hits, 3);
      for (const auto& h : hits) {
        if (t.size() > kMaxDateNodeBytes && h.begin > kMaxDateOffset) continue;
        DateLabel label = label_for(doc, n, t.substr(0, h.begin));
        if (label == DateLabel::kNone && date_inside_prose(t, h)) continue;
        if (label != DateLabel::kOther && range.contains(h.date) && !in_other_items(doc, n))
          out.push_back({h.date, label, false, offset, h.swappable});
      }
    }
    return visible;
  };

  size_t seen = 0, visited = 0;
  NodeId n = anchor;
  for (; n < doc.size() && seen < kForwardWindow && visited < kWindowNodes; ++n, ++visited)
    seen += visit(n, seen, forward);
  window.hi = static_cast<NodeId>(n);
  seen = 0;
  visited = 0;
  never_shown = 0;
  window.lo = anchor;
  for (n = anchor; n-- > 0 && seen < kBackwardWindow && visited < kWindowNodes; ++visited) {
    if (doc.is_element(n, Tag::k_body)) break;
    seen += visit(n, seen, backward);
    window.lo = n;
  }
}

// Of the dates near the headline, the one a reader takes as the page's date: the first,
// unless it is labelled "updated" and a published or unlabelled date follows closely.
const SeenDate* pick_in(const std::vector<SeenDate>& dates) {
  if (dates.empty()) return nullptr;
  const SeenDate& first = dates[0];
  if (first.label == DateLabel::kModified) {
    constexpr size_t kClose = 200;  // visible bytes: the same byline block
    for (const auto& d : dates)
      if (d.label != DateLabel::kModified && d.offset <= first.offset + kClose) return &d;
  }
  return &first;
}

// Forward (under the headline) is where bylines usually are; a date just above the headline
// beats one far below it.
const SeenDate* pick_header_date(const std::vector<SeenDate>& forward, const std::vector<SeenDate>& backward) {
  const SeenDate* f = pick_in(forward);
  const SeenDate* b = pick_in(backward);
  if (!f) return b;
  if (!b) return f;
  constexpr size_t kBackwardCost = 3, kBackwardBias = 40;  // above the headline counts 3x as far
  return b->offset * kBackwardCost + kBackwardBias < f->offset ? b : f;
}

// An all-numeric date read in the page's order ("09.10.2024" as 9 October) whose other
// reading is a date the page gives elsewhere (its structured date, a date written with the
// month's name by the headline, or an ISO <time datetime> anywhere, such as the page's own
// entry in a list of recent posts, that the first reading is not) is meant in that other
// order: sites write numbers in their own locale, whatever the language of the page.
SeenDate resolve_day_order(const Document& doc, const PageScan& scan, const SeenDate& d, const Ymd& published,
                           const Ymd& modified, const std::vector<SeenDate>& forward,
                           const std::vector<SeenDate>& backward) {
  if (!d.swappable) return d;
  const Ymd other{d.date.y, d.date.d, d.date.m};
  bool confirmed = other == published || other == modified;
  for (const auto* list : {&forward, &backward})
    for (const auto& s : *list) confirmed = confirmed || (!s.swappable && s.date == other);
  if (!confirmed) {
    bool other_timed = false, read_timed = false;
    std::vector<DateHit> hits;
    for (NodeId t : scan.times) {
      hits.clear();
      find_dates(doc.attr(t, "datetime"), DayOrder::kMonthFirst, hits, 1);
      if (hits.empty() || hits[0].swappable) continue;
      other_timed = other_timed || hits[0].date == other;
      read_timed = read_timed || hits[0].date == d.date;
    }
    confirmed = other_timed && !read_timed;
  }
  if (!confirmed) return d;
  SeenDate r = d;
  r.date = other;
  r.swappable = false;
  return r;
}

// Whether a <time pubdate> dates the page: HTML gives it to its nearest <article> (a product
// page's customer reviews are <article>s of their own, each with its pubdate), or to the whole
// document when there is none. The article holding the page's <h1> is the page's.
bool dates_the_page(const Document& doc, const PageScan& scan, NodeId time) {
  NodeId article = kNoNode;
  for (NodeId p = doc.node(time).parent; p != kNoNode; p = doc.node(p).parent)
    if (doc.is_element(p, Tag::k_article)) {
      article = p;
      break;
    }
  if (article == kNoNode) return true;
  const NodeId end = doc.next_skip_children(article, doc.root());
  for (NodeId h : scan.h1s)
    if (h > article && (end == kNoNode || h < end)) return true;
  return false;
}

// Whether the page's head declares a publication date in a <meta name=...> or <meta property=...>
// (OpenGraph's article:published_time, Dublin Core, Parse.ly and the like), as opposed to only
// in schema.org data (JSON-LD, <meta itemprop=datePublished>).
template <typename ParseInRange>
bool head_declares_published(const PageScan& scan, const ParseInRange& parse_in_range) {
  for (const auto& m : scan.metas) {
    if (m.itemprop) continue;
    bool key = contains_word(m.key, "publish") || contains_word(m.key, "pubdate");
    for (auto k : kPublishedKeys) key = key || m.key == k;
    if (key && parse_in_range(m.value).ok()) return true;
    for (const auto& j : kPublishedJsonMetas)
      if (m.key == j.meta_key && parse_in_range(json_string_field(m.value, j.json_key)).ok()) return true;
  }
  return false;
}

// A page that shows its readers only an "Updated" date by the headline (no unlabelled or
// "published" date near it) and records its publication only in schema.org data (JSON-LD,
// itemprop), not in a <meta name|property> of its head such as OpenGraph's
// article:published_time, is an evergreen page kept current (a guide, a "best of" list): it
// is dated by its update, the one date it shows (14 of 16 such wcxb-dev pages). A head <meta>
// published date is the page declaring itself a dated article, and a NewsArticle is a report
// of its day: their published date stays (22 of 27 such pages).
template <typename ParseInRange>
bool shows_only_its_update(const SeenDate* seen, const std::vector<SeenDate>& forward,
                           const std::vector<SeenDate>& backward, std::string_view published_source,
                           const PageScan& scan, const JsonLdData& ld, const ParseInRange& parse_in_range) {
  if (!seen || seen->label != DateLabel::kModified) return false;
  if (published_source != "json-ld" && published_source != "microdata" && published_source != "meta") return false;
  for (const auto* dates : {&forward, &backward})
    for (const SeenDate& d : *dates)
      if (d.label != DateLabel::kModified) return false;
  for (const auto& e : ld.entities)
    if (!e.in_list && std::any_of(e.types.begin(), e.types.end(), [](const std::string& t) { return t.ends_with("NewsArticle"); }))
      return false;
  return !head_declares_published(scan, parse_in_range);
}

// Dates anywhere in scope that say what they are ("Posted on ...", "Last updated ..."): the
// first published and the first modified one. For pages whose byline is far from the title
// (under the article, in a sidebar).
void labeled_dates(const Document& doc, NodeId scope, DayOrder order, const DateRange& range, SeenDate& published,
                   SeenDate& modified) {
  if (scope == kNoNode) return;
  constexpr size_t kMaxNodes = 30'000;
  std::vector<DateHit> hits;
  size_t visited = 0;
  for (NodeId n = scope; n != kNoNode && visited < kMaxNodes; n = doc.next_in_subtree(n, scope), ++visited) {
    const Node& node = doc.node(n);
    std::string_view datetime;
    if (is_time_element(doc, n, datetime)) {
      Ymd d = parse_date(datetime, order);
      if (!range.contains(d) || in_other_items(doc, n)) continue;
      std::string own = element_text(doc, n, 120);
      hits.clear();
      find_dates(own, order, hits, 1);
      std::string_view prefix = hits.empty() ? std::string_view(own) : std::string_view(own).substr(0, hits[0].begin);
      DateLabel label = label_for(doc, n, prefix);
      d = shown_time_date(datetime, d, hits);
      if (!range.contains(d)) continue;
      if (label == DateLabel::kPublished && !published.date.ok()) published = {d, label, true, 0};
      if (label == DateLabel::kModified && !modified.date.ok()) modified = {d, label, true, 0};
      if (published.date.ok()) return;
      continue;
    }
    if (node.kind != NodeKind::kText || is_hidden_text_parent(doc, node.parent)) continue;
    if (std::string_view unused; is_time_element(doc, node.parent, unused)) continue;
    std::string_view t = trim(doc.text(n));
    if (t.size() > kMaxDateNodeBytes || t.find_first_of(kDigitFirstBytes) == std::string_view::npos) continue;
    hits.clear();
    find_dates(t, order, hits, 2);
    for (const auto& h : hits) {
      if (!range.contains(h.date) || in_other_items(doc, n)) continue;
      DateLabel label = label_for(doc, n, t.substr(0, h.begin));
      if (label == DateLabel::kPublished && !published.date.ok()) published = {h.date, label, false, 0};
      if (label == DateLabel::kModified && !modified.date.ok()) modified = {h.date, label, false, 0};
    }
    if (published.date.ok()) return;
  }
}

const SeenDate* pick_modified(const std::vector<SeenDate>& dates) {
  for (const auto& d : dates)
    if (d.label == DateLabel::kModified) return &d;
  return nullptr;
}

// ------------------------------------------------------------------------------------- author

std::string authors_from_list(const std::vector<std::string>& raw) {
  std::vector<std::string> names;
  for (const auto& r : raw) {
    std::string n = normalize_author(r);
    if (!n.empty()) names.push_back(std::move(n));
  }
  return join_authors(names);
}

// Links to an author's page: /author/ann-lee, /authors/, /by/, /people/, /profile/, /user/.
bool is_author_href(std::string_view href) {
  static constexpr std::string_view kParts[] = {"/author/", "/authors/", "/writer/", "/writers/", "/by/",
                                                "/people/", "/profile/", "/profiles/", "/user/", "/users/",
                                                "/u/", "/members/", "/member/", "/contributor/", "/staff/",
                                                "/team/", "/expert/", "/experts/", "/bio/", "?author="};
  // Profiles on social sites are share or follow links, not the author's page here.
  static constexpr std::string_view kSocialHosts[] = {"bsky.app", "twitter.com", "x.com/", "facebook.com",
                                                      "linkedin.com", "instagram.com", "threads.net",
                                                      "youtube.com", "tiktok.com", "pinterest.", "mastodon."};
  for (auto h : kSocialHosts)
    if (contains_word(href, h)) return false;
  for (auto p : kParts)
    if (contains_word(href, p)) return true;
  return false;
}

// A link or byline introduced as someone other than the author: the editor's card of a
// question ("edited May 2 at 9:00 <a>Ann</a>"), a thread's "last post by", a reviewer
// ("Reviewed by"). The label words are dates.cpp's kLabelWords, which say the same of dates.
bool introduced_as_other(const Document& doc, NodeId n) {
  constexpr size_t kLabelBytes = 48;  // the label sits right before the name
  const std::string before = text_before(doc, n, kLabelBytes);
  const DateLabel label = label_before(before);
  if (label == DateLabel::kModified || label == DateLabel::kOther) return true;
  // "<role> by" right before the name: someone who checked, tested, photographed or translated
  // the piece ("Fact-checked by", "Tested by", "Photographs by"), not its author.
  static constexpr std::string_view kRoleVerbs[] = {"checked", "tested", "photographed", "photographs",
                                                    "photos", "illustrated", "illustrations", "translated",
                                                    "verified", "approved", "narrated", "moderated"};
  std::string_view t = trim(before);
  while (!t.empty() && (t.back() == ':' || t.back() == ' ')) t.remove_suffix(1);
  if (t.size() < 3 || !iequals(t.substr(t.size() - 3), " by")) return false;
  t = trim(t.substr(0, t.size() - 3));
  const size_t start = t.find_last_of(" -");
  const std::string_view verb = start == std::string_view::npos ? t : t.substr(start + 1);
  for (auto v : kRoleVerbs)
    if (iequals(verb, v)) return true;
  return false;
}

bool is_name_separator(std::string_view chunk) {
  std::string_view t = trim(chunk);
  return t == "," || t == "&" || iequals(t, "and") || t == ";" || iequals(t, "und") || iequals(t, "et") ||
         iequals(t, "y") || iequals(t, "e");
}

// Only a separator of names stands between `n` and the text before it ("Ann Lee and <a>").
bool joined_to_previous(const Document& doc, NodeId n) {
  const std::string before = text_before(doc, n, 16);
  std::string_view t = trim(before);
  const size_t space = t.find_last_of(' ');
  const std::string_view last = space == std::string_view::npos ? t : t.substr(space + 1);
  return !t.empty() && (t.back() == ',' || is_name_separator(last));
}

// The text of a link marked rel=tag names a category ("By <a rel=tag>Wedding Checklists</a>"
// under a label), not a person.
bool in_tag_link(const Document& doc, NodeId text) {
  const NodeId p = doc.node(text).parent;
  return p != kNoNode && doc.is_element(p, Tag::k_a) && contains_word(doc.attr(p, "rel"), "tag");
}

// An element classed as a byline that holds an <h1> is the whole entry ("<article
// class='hentry author-ann-lee'>"), whose first text is the headline, not a name.
bool holds_h1(const Document& doc, const PageScan& scan, NodeId el) {
  const NodeId after = doc.next_skip_children(el, doc.root());
  const NodeId end = after == kNoNode ? static_cast<NodeId>(doc.size()) : after;
  for (NodeId h : scan.h1s)
    if (h > el && h < end) return true;
  return false;
}

// An element classed as what it says about the author, beside the element with the name
// ("author-description", "video-post_author-title", "author-bio", "author-job"): its text is a
// role or a bio, not a name.
bool describes_the_author(const Document& doc, NodeId el) {
  static constexpr std::string_view kAboutSuffixes[] = {"description", "desc", "bio", "title", "job", "role",
                                                        "position", "jobtitle", "tagline"};
  for (std::string_view token : split_any(doc.attr(el, "class"), " \t\n")) {
    if (ifind(token, "author") == std::string_view::npos) continue;
    for (auto suffix : kAboutSuffixes)
      if (token.size() > suffix.size() && iequals(token.substr(token.size() - suffix.size()), suffix)) return true;
  }
  return false;
}

// The text of a link to a tag or category page names a topic ("<a href='/blog/tag/personal-
// finance'>Personal finance</a>" in a byline), not a person.
bool in_category_link(const Document& doc, NodeId text) {
  static constexpr std::string_view kCategoryParts[] = {"/tag/", "/tags/", "/category/", "/categories/", "/topic/",
                                                        "/topics/"};
  for (NodeId p = doc.node(text).parent, depth = 0; p != kNoNode && depth < 3; p = doc.node(p).parent, ++depth) {
    if (!doc.is_element(p, Tag::k_a)) continue;
    const std::string_view href = doc.attr(p, "href");
    for (auto part : kCategoryParts)
      if (ifind(href, part) != std::string_view::npos) return true;
    return false;
  }
  return false;
}

// A text chunk that only labels the name after it ("By", "Written by:", "Author").
bool is_byline_label(std::string_view chunk) {
  static constexpr std::string_view kLabels[] = {
      "by", "by:", "written by", "written by:", "author", "author:", "authors", "authors:", "author(s)",
      "author(s):", "posted by", "posted by:", "words by", "story by", "text by", "von", "par", "por", "door",
      "autor", "auteur", "autore", "article by", "created by", "published by", "contributors", "contributors:",
      "contributor:"};
  std::string_view t = trim(chunk);
  for (auto l : kLabels)
    if (iequals(t, l)) return true;
  return false;
}


// The names of a byline's run of author-page links joined by separators ("<a href=/author/ann>Ann
// Lee</a>, <a href=/author/bo>Bo Chen</a> & <a ...>Cy Diaz</a>"), from its first link `a`,
// within `scope`. Any other words end it.
std::string author_link_run(const Document& doc, NodeId a, std::string first, NodeId scope) {
  constexpr size_t kMaxSteps = 40, kMaxNames = 8;
  std::vector<std::string> names{std::move(first)};
  const NodeId root = scope;
  bool separated = false;
  NodeId n = doc.next_skip_children(a, root);
  for (size_t steps = 0; n != kNoNode && steps < kMaxSteps && names.size() < kMaxNames; ++steps) {
    const Node& node = doc.node(n);
    if (node.kind == NodeKind::kText) {
      const std::string_view t = trim(doc.text(n));
      if (!t.empty()) {
        if (!is_name_separator(t)) break;
        separated = true;
      }
    } else if (node.kind == NodeKind::kElement && node.tag == Tag::k_a) {
      if (!separated || !(is_author_href(doc.attr(n, "href")) || contains_word(doc.attr(n, "rel"), "author"))) break;
      std::string v = normalize_author(element_text(doc, n, 200));
      if (v.empty()) break;
      if (std::find(names.begin(), names.end(), v) == names.end()) names.push_back(std::move(v));
      separated = false;
      n = doc.next_skip_children(n, root);
      continue;
    }
    n = doc.next_in_subtree(n, root);
  }
  return join_authors(names);
}

// The name(s) in a byline element: its itemprop=name, else author-page links, else the first
// text chunks that read as a name ("Ann Lee", "Ann Lee and Bo Chen"); labels and what follows
// the name (a role, a date, a reputation score) are left out.
std::string name_in_element(const Document& doc, NodeId el) {
  constexpr size_t kMaxNodes = 400;
  if (std::string_view c = doc.attr(el, "content"); !c.empty() && !looks_like_url(c)) return normalize_author(c);
  size_t visited = 0;
  std::vector<std::string> linked;
  std::vector<std::string_view> hrefs;  // two links to one profile ("Ann Lee", "View More Articles") are one person
  bool other = false;  // the last author link was someone else's ("Tested by <a>Ann</a> and <a>Bo</a>")
  for (NodeId n = el; n != kNoNode && visited < kMaxNodes; n = doc.next_in_subtree(n, el), ++visited) {
    if (doc.node(n).kind != NodeKind::kElement || n == el) continue;
    if (iequals(doc.attr(n, "itemprop"), "name")) {
      std::string_view c = doc.attr(n, "content");
      std::string v = normalize_author(c.empty() ? element_text(doc, n, 200) : std::string(c));
      if (!v.empty()) return v;
    }
    if (doc.is_element(n, Tag::k_a) && (is_author_href(doc.attr(n, "href")) || contains_word(doc.attr(n, "rel"), "author"))) {
      other = introduced_as_other(doc, n) || (other && joined_to_previous(doc, n));
      const std::string_view href = doc.attr(n, "href");
      if (other || (!href.empty() && std::find(hrefs.begin(), hrefs.end(), href) != hrefs.end())) continue;
      std::string v = normalize_author(element_text(doc, n, 200));
      if (!v.empty() && linked.size() < 8) {
        linked.push_back(std::move(v));
        hrefs.push_back(href);
      }
    }
  }
  if (!linked.empty()) return join_authors(linked);
  // Text chunks in order: NAME (SEP NAME)*, after any labels.
  std::vector<std::string> names;
  bool expect_name = true;
  visited = 0;
  for (NodeId n = el; n != kNoNode && visited < kMaxNodes; ++visited) {
    const Node& node = doc.node(n);
    // The text of an <svg> is drawing, not a byline: an avatar's initials ("CM" for Craig McCarthy).
    if (node.kind == NodeKind::kElement &&
        (node.tag == Tag::k_script || node.tag == Tag::k_style || node.tag == Tag::k_svg)) {
      n = doc.next_skip_children(n, el);
      continue;
    }
    if (node.kind == NodeKind::kText && !in_category_link(doc, n)) {
      std::string chunk = collapse_whitespace(doc.text(n));
      if (!chunk.empty() && !is_byline_label(chunk)) {
        if (is_name_separator(chunk)) {
          if (names.empty()) break;
          expect_name = true;
        } else if (expect_name) {
          std::string v = normalize_author(chunk);
          if (v.empty()) {
            if (!names.empty()) break;
          } else {
            names.push_back(std::move(v));
            expect_name = false;
          }
        } else {
          break;
        }
      }
    }
    n = doc.next_in_subtree(n, el);
  }
  return join_authors(names);
}

// The names after a byline label: the first at text node `first`, then those joined to it by
// separators or standing in the next items of its list ("<h6>Authors</h6><ul><li>Ann
// Lee</li><li>Bo Chen</li></ul>").
std::string labelled_names(const Document& doc, NodeId first, std::string name) {
  constexpr NodeId kMaxNodes = 40;
  constexpr size_t kMaxNames = 8;
  auto list_item = [&](NodeId n) {
    NodeId p = doc.node(n).parent;
    for (int up = 0; p != kNoNode && up < 3; p = doc.node(p).parent, ++up)
      if (doc.is_element(p, Tag::k_li)) return p;
    return kNoNode;
  };
  std::vector<std::string> names{std::move(name)};
  NodeId item = list_item(first);
  bool separated = false;
  for (NodeId m = first + 1; m < doc.size() && m <= first + kMaxNodes && names.size() < kMaxNames; ++m) {
    if (doc.node(m).kind != NodeKind::kText || is_hidden_text_parent(doc, doc.node(m).parent)) continue;
    const std::string_view t = trim(doc.text(m));
    if (t.empty()) continue;
    if (is_name_separator(t)) {
      separated = true;
      continue;
    }
    // The next item of the list holds only a name ("<li>Bo Chen</li>"), not a labelled date
    // ("<li>Updated <time>...</time></li>").
    const NodeId next_item = list_item(m);
    const bool next_in_list = item != kNoNode && next_item != kNoNode && next_item != item &&
                              doc.node(next_item).parent == doc.node(item).parent &&
                              trim(element_text(doc, next_item, 200)) == t;
    if (!separated && !next_in_list) break;
    std::string v = normalize_author(t);
    if (v.empty() || in_tag_link(doc, m) || label_before(t) != DateLabel::kNone) break;
    names.push_back(std::move(v));
    item = next_item;
    separated = false;
  }
  return join_authors(names);
}

// Phrases that name the author wherever they stand ("Written by Cassidy Horton" in a box
// under the article): unlike a bare "By", they never start other text.
constexpr std::string_view kAuthorPhrases[] = {"written by ", "article by ", "words by ", "story by ",
                                               "this post was written by ", "this article was written by "};

// Last resort when nothing near the headline names the author: a byline label with the name
// after it anywhere in the page ("<h3>Author</h3><p>Lisa Ellis</p>", "Contributors: Janet
// Loughrey", "Written by <a>Moses Kim</a>"), outside comments and lists of other items.
std::string labelled_author(const Document& doc, NodeId scope) {
  constexpr size_t kMaxNodes = 30'000, kMaxLabelBytes = 40, kMaxPhraseBytes = 160, kNameLookahead = 8;
  size_t visited = 0;
  for (NodeId n = scope; n != kNoNode && visited < kMaxNodes; n = doc.next_in_subtree(n, scope), ++visited) {
    const Node& node = doc.node(n);
    if (node.kind != NodeKind::kText || is_hidden_text_parent(doc, node.parent)) continue;
    std::string_view t = trim(doc.text(n));
    if (t.empty() || t.size() > kMaxPhraseBytes) continue;
    bool phrase = false, phrase_alone = false;
    for (auto p : kAuthorPhrases) {
      phrase = phrase || (t.size() > p.size() && istarts_with(t, p));
      // The phrase as a text of its own, the name in the link after it ("This post was written
      // by <a>Ann Lee, MD</a>, gastroenterologist").
      phrase_alone = phrase_alone || iequals(t, trim(p));
    }
    const bool label = !phrase && t.size() <= kMaxLabelBytes && (is_byline_label(t) || phrase_alone);
    if ((!phrase && !label) || in_other_items(doc, n)) continue;
    if (phrase) {
      std::string name = normalize_author(t);
      if (!name.empty()) return name;
      continue;
    }
    for (NodeId m = n + 1; m < doc.size() && m <= n + kNameLookahead; ++m) {
      if (doc.node(m).kind != NodeKind::kText || is_hidden_text_parent(doc, doc.node(m).parent)) continue;
      std::string_view next = trim(doc.text(m));
      if (next.empty()) continue;
      if (in_tag_link(doc, m)) break;
      std::string name = normalize_author(next);
      if (!name.empty()) return labelled_names(doc, m, std::move(name));
      break;
    }
  }
  return {};
}

// Last of all, the author that WordPress's Google Tag Manager plugin (GTM4WP, on many WordPress
// sites) writes into the page's data layer for analytics: 'var dataLayer_content =
// {"pagePostType":"post","pagePostAuthor":"Ann Lee"}'. The CMS's own record of the post's
// author, used only when the page shows none where a reader looks, and only on a post or a page.
std::string data_layer_author(const Document& doc) {
  constexpr size_t kMaxScripts = 64;
  size_t scripts = 0;
  const NodeId root = doc.root();
  for (NodeId n = root; n != kNoNode && scripts < kMaxScripts; n = doc.next_in_subtree(n, root)) {
    if (!doc.is_element(n, Tag::k_script)) continue;
    ++scripts;
    for (NodeId c = doc.node(n).first_child; c != kNoNode; c = doc.node(c).next_sibling) {
      if (doc.node(c).kind != NodeKind::kText) continue;
      const std::string_view text = doc.text(c);
      const std::string_view v = json_string_field(text, "pagePostAuthor");
      if (v.empty()) continue;
      // Only a post's or a page's: a shop's product was filed by some staff account.
      const std::string_view type = json_string_field(text, "pagePostType");
      return type == "post" || type == "page" ? normalize_author(v) : std::string();
    }
  }
  return {};
}

// A byline under (or just above) the headline: an element classed as a byline, a link to an
// author page, or a text chunk that starts with "By".
struct Byline {
  std::string name;
  bool microdata = false;  // from an itemprop=author element
};

Byline byline_near(const Document& doc, const PageScan& scan, const Window& w) {
  if (w.anchor == kNoNode || w.lo == kNoNode || w.hi == kNoNode) return {};
  // Forward from the headline first, then backward.
  auto in_window = [&](NodeId n) { return n >= w.lo && n < w.hi; };
  auto try_node = [&](NodeId n) -> std::string {
    const Node& node = doc.node(n);
    if (node.kind == NodeKind::kText) {
      if (is_hidden_text_parent(doc, node.parent)) return {};
      std::string_view t = trim(doc.text(n));
      if (t.size() > 120) return {};
      for (std::string_view p : {"by ", "by:", "written by", "posted by", "author:", "words by", "story by"}) {
        if (istarts_with(t, p)) return normalize_author(t);
      }
      return {};
    }
    if (node.kind != NodeKind::kElement) return {};
    if (node.tag == Tag::k_a && (is_author_href(doc.attr(n, "href")) || contains_word(doc.attr(n, "rel"), "author"))) {
      if (introduced_as_other(doc, n)) return {};
      std::string v = normalize_author(element_text(doc, n, 200));
      return v.empty() ? v : author_link_run(doc, n, std::move(v), doc.root());
    }
    if (std::find(scan.bylines.begin(), scan.bylines.end(), n) != scan.bylines.end() && !holds_h1(doc, scan, n) &&
        !describes_the_author(doc, n))
      return name_in_element(doc, n);
    return {};
  };
  auto found = [&](NodeId n, std::string v) {
    return Byline{std::move(v), doc.node(n).kind == NodeKind::kElement &&
                                    contains_word(doc.attr(n, "itemprop"), "author")};
  };
  for (NodeId n = w.anchor; n < w.hi; ++n) {
    std::string v = try_node(n);
    if (!v.empty()) return found(n, std::move(v));
    const Node& node = doc.node(n);
    if (node.kind == NodeKind::kText && is_byline_label(doc.text(n)) && !in_other_items(doc, n)) {
      for (NodeId m = n + 1; m < w.hi && m < n + 8; ++m) {
        if (doc.node(m).kind != NodeKind::kText) continue;
        if (in_tag_link(doc, m)) break;
        std::string name = normalize_author(doc.text(m));
        if (!name.empty()) return Byline{labelled_names(doc, m, std::move(name)), false};
        if (!trim(doc.text(m)).empty()) break;
      }
    }
  }
  for (NodeId n = w.anchor; n-- > w.lo;) {
    if (!in_window(n)) break;
    std::string v = try_node(n);
    if (!v.empty()) return found(n, std::move(v));
  }
  return {};
}

// A byline that no class names: the author's photo, the name and the date, under the headline.
// A picture (<img>) whose alt text holds the name, or whose file name holds each of its words
// ("nick_van_mead.jpg"), or without alt text; within the next kAvatarNameNodes nodes a short
// text of its own that reads as a person's name (reads_as_person_name); and a date in the text
// nodes right after it (within kAvatarDateNodes): a product's photo over its name has no date
// beside it.
constexpr NodeId kAvatarNameNodes = 12;
constexpr NodeId kAvatarDateNodes = 8;
constexpr size_t kPersonNameMaxBytes = 40;
// Lower-case words of a name ("Ludwig van Beethoven", "Ahmad bin Ali").
constexpr std::string_view kNameParticles[] = {"van", "von", "de", "der", "da", "di", "le", "la", "du", "bin", "al"};

// Whether a word that opens with a non-ASCII character opens with a letter (an accented capital,
// a letter of a script without case), not with a mark, a symbol or a pictograph ("∙ Paid",
// "→ More", "★ Featured").
bool opens_with_letter(std::string_view word) {
  size_t i = 0;
  const char32_t c = utf8_decode(word, i);
  if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;                       // Latin-1 signs, × ÷
  if (c >= 0x2000 && c <= 0x2BFF) return false;                               // punctuation, arrows, symbols
  if ((c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF0F)) return false;  // CJK and full-width marks
  if (c >= 0x1F000 || c == 0xFFFD) return false;                              // pictographs, bad bytes
  return true;
}

// 2 or 3 words, each capitalised (not all capitals) or a particle, no digit, not opening with
// "The" (a title's opening, no one's name).
bool reads_as_person_name(std::string_view t) {
  size_t words = 0;
  for (auto word : split_any(t, " ")) {
    if (word.empty()) continue;
    if (++words == 1 && word == "The") return false;
    size_t caps = 0;
    for (char c : word) {
      if (is_ascii_digit(c)) return false;
      caps += c >= 'A' && c <= 'Z';
    }
    if (caps > 1 && caps == word.size()) return false;  // a label in capitals ("NEW ARRIVAL")
    const unsigned char first = static_cast<unsigned char>(word[0]);
    const bool upper = (first >= 'A' && first <= 'Z') || (first >= 0xC0 && opens_with_letter(word));
    if (!upper && std::find(std::begin(kNameParticles), std::end(kNameParticles), word) == std::end(kNameParticles))
      return false;
  }
  return words >= 2 && words <= 3;
}

// A short text that holds a date ("4 August 2010", "Dec 17, 2025 · 5 min read"): the line beside
// a byline's name. dates is scratch space.
constexpr size_t kDateLineMaxBytes = 80;
bool is_date_line(std::string_view t, std::vector<DateHit>& dates) {
  if (t.size() > kDateLineMaxBytes) return false;
  dates.clear();
  find_dates(t, DayOrder::kMonthFirst, dates, 1);
  return !dates.empty();
}

// The alt text of a portrait: the name alone, or after a few words ("Headshot of Ann Lee") and
// before a role after a comma or a dash ("Ann Lee, Staff Writer").
bool alt_is_portrait(std::string_view alt, size_t at, size_t len) {
  const std::string_view before = trim(alt.substr(0, at)), after = trim(alt.substr(at + len));
  size_t words = 0;
  for (auto word : split_any(before, " "))
    words += !word.empty();
  if (words > 3) return false;
  return after.empty() || after[0] == ',' || after[0] == '-' || after[0] == '|' || after.starts_with("\xe2\x80\x93");
}

std::string avatar_byline(const Document& doc, const Window& w) {
  if (w.anchor == kNoNode || w.lo == kNoNode || w.hi == kNoNode) return {};
  std::vector<DateHit> dates;
  auto dated_after = [&](NodeId name) {
    for (NodeId m = name + 1; m < w.hi && m <= name + kAvatarDateNodes; ++m) {
      if (doc.node(m).kind != NodeKind::kText) continue;
      const std::string_view t = trim(doc.text(m));
      if (t.empty()) continue;
      if (t.size() > kDateLineMaxBytes) return false;
      if (is_date_line(t, dates)) return true;
    }
    return false;
  };
  // A link around the photo or the name that leads elsewhere than the author's page: a card of
  // a product, a category or another story.
  auto linked_away = [&](NodeId n) {
    for (NodeId p = doc.node(n).parent, up = 0; p != kNoNode && up < 6; p = doc.node(p).parent, ++up) {
      if (!doc.is_element(p, Tag::k_a)) continue;
      const std::string_view href = trim(doc.attr(p, "href"));
      return !href.starts_with("#") && !is_author_href(href);
    }
    return false;
  };
  // The headline itself over its picture (a category's "Kite Spools"), or a picture's caption.
  auto headline_or_caption = [&](NodeId n) {
    for (NodeId p = doc.node(n).parent, up = 0; p != kNoNode && up < 8; p = doc.node(p).parent, ++up)
      if (p == w.anchor || doc.is_element(p, Tag::k_figcaption)) return true;
    return false;
  };
  // A name that shares a word with the headline is the headline's thing: a product's photo over
  // its name ("Garden Hose" over "Garden Hose Pro"), a category's.
  const std::string headline = ascii_lowercase(element_text(doc, w.anchor, 300));
  std::vector<std::string_view> headline_words;
  for (auto word : split_any(headline, " ,.:;!?()[]\"'|-"))
    if (word.size() > 2) headline_words.push_back(word);
  auto in_headline = [&](std::string_view low) {
    for (auto word : split_any(low, " "))
      if (std::find(headline_words.begin(), headline_words.end(), word) != headline_words.end()) return true;
    return false;
  };
  struct Found {
    std::string name;
    bool dated = false;
    bool portrait = false;  // the alt text is the name's portrait's (alt_is_portrait), off any link
  };
  auto from = [&](NodeId img) -> Found {
    const std::string alt = ascii_lowercase(doc.attr(img, "alt"));
    std::string_view src = doc.attr(img, "src");
    src = src.substr(0, src.find_first_of("?#"));
    const size_t slash = src.rfind('/');
    const std::string file = ascii_lowercase(slash == std::string_view::npos ? src : src.substr(slash + 1));
    for (NodeId m = img + 1; m < w.hi && m <= img + kAvatarNameNodes; ++m) {
      const Node& mn = doc.node(m);
      if (mn.kind == NodeKind::kElement && mn.tag == Tag::k_img) break;
      if (mn.kind != NodeKind::kText) continue;
      const std::string_view t = trim(doc.text(m));
      if (t.empty() || is_byline_label(t)) continue;  // "Article by:" between the photo and the name
      if (t.size() > kPersonNameMaxBytes || is_hidden_text_parent(doc, mn.parent) || !reads_as_person_name(t)) return {};
      const std::string low = ascii_lowercase(t);
      bool in_file = true;
      for (auto word : split_any(low, " "))
        if (!word.empty()) in_file = in_file && word.size() > 1 && file.find(word) != std::string::npos;
      const size_t at = alt.empty() ? std::string::npos : alt.find(low);
      if (!alt.empty() && at == std::string::npos && !in_file) return {};
      const bool portrait = at != std::string::npos && alt_is_portrait(alt, at, low.size()) && !linked_away(img) &&
                            !linked_away(m) && !headline_or_caption(m) && !in_headline(low);
      return {normalize_author(t), dated_after(m), portrait};
    }
    return {};
  };
  // The first photo, name and date; else the one portrait of a name by the headline, alone of
  // its kind (cards of products or stories repeat the photo over its name; a byline printed
  // twice, for wide and narrow screens, is one).
  std::string portrait;
  size_t portraits = 0;
  for (NodeId n = w.lo; n < w.hi; ++n) {
    const Node& node = doc.node(n);
    if (node.kind != NodeKind::kElement || node.tag != Tag::k_img) continue;
    Found f = from(n);
    if (f.name.empty()) continue;
    if (f.dated) return f.name;
    if (f.portrait && f.name != portrait && ++portraits == 1) portrait = std::move(f.name);
  }
  return portraits == 1 ? portrait : std::string();
}

// A byline that neither a class nor a picture marks: a short text of its own that reads as a
// person's name with a date as the text right after it or right before it ("Ann
// Lee<br>4 August 2010", "<span>Dec 17, 2025</span><span>Ann Lee</span>"), under the headline.
// The name stands alone: not in a link (a category's "Data Engineering" over a date is one),
// not a heading (a section's title over a card's date), not in a comment or a list of other
// items (a commenter's name and date), not a label ("Release Date:" over the date), not
// introduced as someone else ("Reviewed by ..."). Pages whose classes and ids were stripped
// (CleanEval-style copies) keep only this pair.
constexpr NodeId kNameDateNodes = 4;
std::string name_date_byline(const Document& doc, const Window& w) {
  if (w.anchor == kNoNode || w.lo == kNoNode || w.hi == kNoNode) return {};
  std::vector<DateHit> dates;
  auto is_date_text = [&](NodeId m) { return is_date_line(trim(doc.text(m)), dates); };
  // The nearest non-empty text node before (step -1) or after (+1) `n`, within kNameDateNodes.
  auto neighbour = [&](NodeId n, int step) -> NodeId {
    for (NodeId i = 1; i <= kNameDateNodes; ++i) {
      const NodeId m = step > 0 ? n + i : n - i;
      if (m < w.lo || m >= w.hi || m >= doc.size()) return kNoNode;
      if (doc.node(m).kind == NodeKind::kText && !trim(doc.text(m)).empty()) return m;
    }
    return kNoNode;
  };
  auto in_link_or_heading = [&](NodeId n) {
    for (NodeId p = doc.node(n).parent, up = 0; p != kNoNode && up < 4; p = doc.node(p).parent, ++up) {
      const Tag tag = doc.node(p).tag;
      if (tag == Tag::k_a || is_heading_tag(tag) || tag == Tag::k_button || tag == Tag::k_label) return true;
    }
    return false;
  };
  auto try_name = [&](NodeId n) -> std::string {
    const Node& node = doc.node(n);
    if (node.kind != NodeKind::kText) return {};
    const std::string_view t = trim(doc.text(n));
    // Only a name's own marks: a greeting opening a post ("Hallo Klaus,") or a label ("Release
    // Date:") has others.
    if (t.empty() || t.size() > kPersonNameMaxBytes || t.find_first_of(",;:!?()|/") != std::string_view::npos ||
        !reads_as_person_name(t))
      return {};
    if (is_hidden_text_parent(doc, node.parent) || in_link_or_heading(n) || in_other_items(doc, n) ||
        introduced_as_other(doc, n))
      return {};
    const NodeId after = neighbour(n, 1), before = neighbour(n, -1);
    if ((after != kNoNode && is_date_text(after)) || (before != kNoNode && is_date_text(before)))
      return normalize_author(t);
    return {};
  };
  // After the headline only: above it, a section's or a category's name stands over the date
  // ("Press Release", "December 19, 2025") as often as a byline.
  for (NodeId n = w.anchor; n < w.hi; ++n)
    if (std::string v = try_name(n); !v.empty()) return v;
  return {};
}

// ----------------------------------------------------------------------------------- language

std::string resolve_url(std::string_view base, std::string_view ref) {
  ref = trim(ref);
  if (ref.empty()) return {};
  if (istarts_with(ref, "http://") || istarts_with(ref, "https://")) return std::string(ref);
  size_t scheme = base.find("://");
  if (scheme == std::string_view::npos) return {};
  if (ref.starts_with("//")) return std::string(base.substr(0, scheme + 1)) + std::string(ref);
  size_t host_end = base.find('/', scheme + 3);
  std::string_view origin = host_end == std::string_view::npos ? base : base.substr(0, host_end);
  if (ref.starts_with("/")) return std::string(origin) + std::string(ref);
  return {};
}

void add_tags(std::string_view value, std::vector<std::string>& tags) {
  constexpr size_t kMaxTags = 32;
  for (auto part : split_any(value, ",;")) {
    std::string t = clean_meta_text(part);
    if (t.empty() || t.size() > 80 || tags.size() >= kMaxTags) continue;
    std::string k = loose_key(t);
    bool dup = false;
    for (const auto& x : tags) dup = dup || loose_key(x) == k;
    if (!dup) tags.push_back(std::move(t));
  }
}

// Languages whose texts CLD2 tells apart less surely than a page's own tag does.
constexpr std::string_view kCloseLanguages[][3] = {
    {"no", "nb", "nn"}, {"ms", "id", ""}, {"sr", "hr", "bs"}, {"gl", "pt", ""}, {"ca", "es", ""}};

bool close_languages(std::string_view a, std::string_view b) {
  for (const auto& group : kCloseLanguages) {
    bool has_a = false, has_b = false;
    for (std::string_view code : group) {
      if (code.empty()) continue;
      has_a = has_a || code == a;
      has_b = has_b || code == b;
    }
    if (has_a && has_b) return true;
  }
  return false;
}

std::string_view primary_subtag(std::string_view tag) { return tag.substr(0, tag.find('-')); }

}  // namespace

void settle_language(Extraction& out) {
  // The text needed before the text's language overrules the page's tag, and CLD2's share of
  // the text in that language.
  constexpr size_t kMinTextToOverrule = 200;
  constexpr double kMinShareToOverrule = 0.9;
  // The text's first 2 KB name its language. CLD2 costs about as much per byte as the rest of
  // extraction, so a page's own tag is first checked against the script of its text, and CLD2
  // runs only where the page names no language, names none that CLD2 knows, names one whose
  // script the text contradicts, or names one whose stop words the text lacks while another
  // language's abound (lang="en" on a German page, left by a template: text/stop_words.h).
  constexpr size_t kDetectBytes = 2048;
  constexpr size_t kStopWordBytes = 1024;  // some 170 words
  if (out.text.empty()) return;
  if (!out.lang.empty() && script_fit(primary_subtag(out.lang), out.text, kDetectBytes) == ScriptFit::kFits &&
      stop_word_fit(primary_subtag(out.lang), out.text, kStopWordBytes) != StopWordFit::kContradicts)
    return;
  const LanguageGuess guess = detect_language(out.text, kDetectBytes);
  // Most of the text, to name a language at all (CLD2 calls a text with a third in one language
  // and the rest unknown, such as filler Latin, reliable).
  constexpr double kMinShareToName = 0.5;
  if (!guess.reliable || guess.code == "un" || guess.score < kMinShareToName) return;
  std::string detected = normalize_lang(guess.code);
  if (detected.empty()) return;
  if (!out.lang.empty()) {
    const std::string_view page = primary_subtag(out.lang), text = primary_subtag(detected);
    if (page == text || close_languages(page, text)) return;
    if (out.text.size() < kMinTextToOverrule || guess.score < kMinShareToOverrule) return;
  }
  out.lang = std::move(detected);
  out.lang_source = "detected";
}

void extract_metadata(const Document& doc, const PageInfo& page, const ContentSelection& sel, Extraction& out,
                      Deadline* deadline) {
  Deadline unlimited;
  PageScan scan;
  scan_page(doc, scan, deadline ? *deadline : unlimited);

  JsonLdData ld;
  // JSON-LD written as <meta name="script:ld+json" content="{...}">: "script:ld+json" is the
  // key Remix's meta API takes for a JSON-LD script, and head renderers that do not know it
  // print it as a plain meta. Its content is the page's JSON-LD all the same.
  std::string_view ld_meta = meta_value(scan, "script:ld+json");
  if (!scan.ld_scripts.empty() || !ld_meta.empty()) {
    JsonLdReader reader;
    std::string text;
    for (NodeId s : scan.ld_scripts) {
      text.clear();
      doc.append_text(s, text);
      reader.read(text, ld);
    }
    if (!ld_meta.empty()) reader.read(ld_meta, ld);
  }
  const JsonLdEntity* main = main_entity(ld);

  // URL: the caller's, else the page's own canonical or og:url.
  std::string og_url(meta_value(scan, "og:url"));
  out.url = std::string(page.url);
  if (out.url.empty()) out.url = resolve_url(og_url, scan.canonical);
  if (out.url.empty()) out.url = resolve_url(og_url, og_url);
  if (out.url.empty() && main) out.url = resolve_url(main->url, main->url);

  // Site names, used to clean titles too.
  SiteNames site;
  std::string sitename = clean_meta_text(first_meta(scan, kSiteNameKeys));
  if (!sitename.empty()) site.add_name(sitename);
  std::string publisher;
  for (const auto& e : ld.entities) {
    if (!e.publisher.empty() && publisher.empty()) publisher = e.publisher;
    if ((e.has_type("WebSite") || e.has_type("Organization") || e.has_type("NewsMediaOrganization")) &&
        !e.name.empty())
      site.add_name(e.name);
  }
  if (!publisher.empty()) site.add_name(publisher);
  site.add_host_of(out.url);
  if (!page.url.empty()) site.add_host_of(og_url);

  // Language, needed to read all-numeric dates.
  // The page's own word first; the extractor detects it from the text where the markup says
  // nothing (lang_source "detected", extractor.cpp).
  if (scan.html != kNoNode) out.lang = normalize_lang(doc.attr(scan.html, "lang"));
  if (out.lang.empty() && scan.html != kNoNode) out.lang = normalize_lang(doc.attr(scan.html, "xml:lang"));
  if (!out.lang.empty()) out.lang_source = "html";
  if (out.lang.empty() && !(out.lang = normalize_lang(first_meta(scan, kLangKeys))).empty()) out.lang_source = "meta";
  if (out.lang.empty() && main && !(out.lang = normalize_lang(main->in_language)).empty()) out.lang_source = "json-ld";
  if (out.lang.empty() && !(out.lang = normalize_lang(page.language)).empty()) out.lang_source = "http";
  std::string_view raw_lang = scan.html != kNoNode ? doc.attr(scan.html, "lang") : std::string_view();
  const DayOrder order = day_order_for_lang(raw_lang.empty() ? std::string_view(out.lang) : raw_lang);
  DateRange range;
  range.latest = parse_date(page.fetched);
  if (!range.latest.ok()) range.latest = today_utc();
  // A structured date outside the range is no date (a placeholder "0001-01-01", a future
  // embargo or event date).
  auto parse_in_range = [&](std::string_view v) {
    Ymd d = parse_date(v, order);
    return range.contains(d) ? d : Ymd{};
  };

  // Dates. Structured first, then what the reader sees near the headline, which wins.
  Ymd published, modified;
  std::string published_source, modified_source;
  // <time pubdate>: HTML's own mark for the date its article was published, on a date the page
  // shows its readers; it wins over the CMS's records as a date printed by the headline does.
  for (NodeId n : scan.times) {
    if (!doc.has_attr(n, "pubdate") || in_other_items(doc, n) || !dates_the_page(doc, scan, n)) continue;
    published = parse_in_range(doc.attr(n, "datetime"));
    if (published.ok()) {
      published_source = "time";
      break;
    }
  }
  if (main) {
    if (!published.ok()) published = parse_in_range(main->date_published);
    if (!published.ok()) published = parse_in_range(main->date_created);
    modified = parse_in_range(main->date_modified);
    if (published.ok() && published_source.empty()) published_source = "json-ld";
    if (modified.ok()) modified_source = "json-ld";
  }
  if (!published.ok()) {
    for (auto k : kPublishedKeys) {
      Ymd d = parse_in_range(meta_value(scan, k));
      if (d.ok()) {
        published = d;
        published_source = "meta";
        break;
      }
    }
  }
  if (!published.ok()) {
    for (const auto& j : kPublishedJsonMetas) {
      Ymd d = parse_in_range(json_string_field(meta_value(scan, j.meta_key), j.json_key));
      if (d.ok()) {
        published = d;
        published_source = "meta";
        break;
      }
    }
  }
  if (!published.ok()) {
    // Site-specific names for the same thing: "w-published-date", "article.publishdate".
    for (const auto& m : scan.metas) {
      if (!contains_word(m.key, "publish") && !contains_word(m.key, "pubdate")) continue;
      Ymd d = parse_in_range(m.value);
      if (d.ok()) {
        published = d;
        published_source = "meta";
        break;
      }
    }
  }
  if (!modified.ok()) {
    for (auto k : kModifiedKeys) {
      Ymd d = parse_in_range(meta_value(scan, k));
      if (d.ok()) {
        modified = d;
        modified_source = "meta";
        break;
      }
    }
  }
  for (NodeId n : scan.microdata) {
    std::string_view ip = doc.attr(n, "itemprop");
    bool pub = iequals(ip, "datePublished") || iequals(ip, "dateCreated");
    bool mod = iequals(ip, "dateModified");
    if (!pub && !mod) continue;
    if ((pub && published.ok()) || (mod && modified.ok())) continue;
    std::string_view v = doc.attr(n, "datetime");
    if (v.empty()) v = doc.attr(n, "content");
    Ymd d = parse_in_range(v);
    if (!d.ok()) d = parse_in_range(element_text(doc, n, 200));
    if (!d.ok()) continue;
    (pub ? published : modified) = d;
    (pub ? published_source : modified_source) = "microdata";
  }
  // hAtom (the microformat of blog posts): an <abbr> classed "published" or "updated" whose
  // title is the machine-readable date of what its text says in words ("3 days ago").
  // Comments are hAtom entries too: theirs are not the page's.
  for (NodeId n : scan.hatom_dates) {
    if (published.ok() && modified.ok()) break;
    const std::string_view cls = doc.attr(n, "class");
    const bool pub = contains_word(cls, "published") && !published.ok();
    const bool mod = contains_word(cls, "updated") && !modified.ok();
    if ((!pub && !mod) || in_other_items(doc, n)) continue;
    const Ymd d = parse_in_range(doc.attr(n, "title"));
    if (!d.ok()) continue;
    if (pub) {
      published = d;
      published_source = "microformat";
    }
    if (mod) {
      modified = d;
      modified_source = "microformat";
    }
  }
  if (!published.ok()) {
    for (const auto& e : ld.entities) {
      Ymd d = parse_in_range(e.date_published);
      if (d.ok() && !e.in_list) {
        published = d;
        published_source = "json-ld";
        break;
      }
    }
  }

  // Title.
  TitleChoice tc = choose_title(doc, scan, sel, site, main, out.url, published.ok() || modified.ok(), &out.warnings);
  // The page's own characters: pages write the same headline with typographic quotes in the
  // h1 and straight ones in <title>, and the chosen text is kept as it is.
  out.title = tc.title;
  if (scan.title != kNoNode) out.html_title = collapse_whitespace(element_text(doc, scan.title, 1000));
  if (sitename.empty()) sitename = publisher;
  if (sitename.empty() && !tc.site_segment.empty()) sitename = tc.site_segment;
  out.sitename = sitename;

  std::vector<SeenDate> forward, backward;
  Window window;
  header_dates(doc, tc.anchor != kNoNode ? tc.anchor : sel.main, tc.anchor != kNoNode, order, range, forward,
               backward, window);
  if (forward.empty() && backward.empty() && tc.top_h1 != kNoNode && tc.top_h1 != tc.anchor) {
    // The title matched a heading with no date by it (an h2 deep in the article repeating
    // <title>): the page's headline h1 is where its date is printed.
    window = Window{};
    header_dates(doc, tc.top_h1, true, order, range, forward, backward, window);
  }
  if (forward.empty() && backward.empty() && !tc.anchor_shows_title && tc.anchor != kNoNode && sel.main != kNoNode &&
      sel.main != sel.body && tc.anchor != sel.main) {
    // No date by any heading, where the headline was a guess (the title matched none, and
    // the first heading of the content, "Day 7", stood in): the page's dateline is where its
    // content starts, just before or at the top of the text. Only a date right there that
    // does not say it is something else (an update, a review) counts: further in, dates
    // belong to the items of a list. Not where the content is the whole <body>: its start is
    // the top of the page, where a site's header prints the day's date.
    std::vector<SeenDate> at_start_forward, at_start_backward;
    Window at_start;
    header_dates(doc, sel.main, false, order, range, at_start_forward, at_start_backward, at_start);
    const SeenDate* at_content = pick_header_date(at_start_forward, at_start_backward);
    if (at_content && at_content->offset < kDatelineBytes &&
        (at_content->label == DateLabel::kNone || at_content->label == DateLabel::kPublished)) {
      forward = std::move(at_start_forward);
      backward = std::move(at_start_backward);
    }
  }
  const SeenDate* picked = pick_header_date(forward, backward);
  SeenDate resolved;
  if (picked) resolved = resolve_day_order(doc, scan, *picked, published, modified, forward, backward);
  const SeenDate* seen = picked ? &resolved : nullptr;
  Ymd in_url = date_in_url(out.url);
  if (!range.contains(in_url)) in_url = {};
  // An unlabelled date printed right by the headline is the date the page shows its readers;
  // structured dates are the CMS's record and are often re-stamped when pages are migrated
  // or republished. (A date labelled "updated" is not the publication date, and one far
  // below the headline may belong to something else: those lose to the structured date.)
  constexpr size_t kCloseToHeadline = 300;  // visible bytes
  // A date the page labels "published" under the headline wins too, unless it is one day
  // from the structured date: the same moment printed in another time zone, where the
  // structured timestamp is the record (three of three such pages of wcxb-dev). Above the
  // headline a "published" label belongs to a teaser or the site's header as often.
  const bool under_headline =
      picked && !forward.empty() && picked >= forward.data() && picked < forward.data() + forward.size();
  const bool seen_wins = seen && published.ok() && seen->offset < kCloseToHeadline &&
                         (seen->label == DateLabel::kNone ||
                          (seen->label == DateLabel::kPublished && under_headline && !one_day_apart(seen->date, published)));
  // An evergreen page that shows only its update is dated by it (shows_only_its_update).
  const bool update_shown_alone = !seen_wins && published.ok() &&
                                  shows_only_its_update(seen, forward, backward, published_source, scan, ld, parse_in_range);
  // A full date in the URL's path is the day the CMS filed the page under: it never drifts
  // with time zones or re-stamping (38 of 38 URL-dated pages of wcxb-dev and newspaper agree
  // with the truth, the structured or printed date on 35).
  if (in_url.ok()) {
    out.date = {in_url.iso(), "url"};
  } else if (seen_wins || update_shown_alone) {
    out.date = {seen->date.iso(), seen->from_time ? "time" : "byline"};
  } else if (published.ok()) {
    out.date = {published.iso(), published_source};
  } else if (seen) {
    out.date = {seen->date.iso(), seen->from_time ? "time" : "byline"};
  } else {
    // Nothing near the headline: a labelled date anywhere in the content, else the
    // modification date (pages that only say when they were last updated).
    SeenDate lp, lm;
    labeled_dates(doc, sel.main != kNoNode ? sel.main : sel.body, order, range, lp, lm);
    if (!lp.date.ok() && sel.body != kNoNode && sel.main != sel.body)
      labeled_dates(doc, sel.body, order, range, lp, lm);
    if (lp.date.ok()) out.date = {lp.date.iso(), lp.from_time ? "time" : "byline"};
    else if (modified.ok()) out.date = {modified.iso(), modified_source};
    else if (lm.date.ok()) out.date = {lm.date.iso(), lm.from_time ? "time" : "byline"};
  }
  if (modified.ok()) {
    out.modified = {modified.iso(), modified_source};
  } else if (const SeenDate* m = pick_modified(forward)) {
    out.modified = {m->date.iso(), m->from_time ? "time" : "byline"};
  }

  // Author: a person named by JSON-LD or <meta>, else a byline under the headline, else
  // microdata and byline-classed elements anywhere; an organisation (or the site itself)
  // named as author only when no person is.
  auto is_site = [&](std::string_view name) {
    // A domain names its site by its first label ("Riverbend.com", "Example.co.uk").
    const size_t dot = name.find('.');
    if (dot != std::string_view::npos && dot > 0 && name.find(' ') == std::string_view::npos &&
        dot + 1 < name.size() && name.find('.', dot + 1) == std::string_view::npos)
      name = name.substr(0, dot);
    std::string k = loose_key(name);
    for (const auto& sk : site.keys)
      if (k == sk) return true;
    for (const auto& h : site.host_labels)
      if (k == h) return true;
    return false;
  };
  std::string weak_author, weak_source;
  auto offer = [&](std::string value, std::string_view source, bool weak) {
    if (value.empty() || !out.author.value.empty()) return;
    if (weak || is_site(value)) {
      if (weak_author.empty()) {
        weak_author = std::move(value);
        weak_source = source;
      }
      return;
    }
    out.author = {std::move(value), std::string(source)};
  };
  if (main && !main->authors.empty()) {
    std::vector<std::string> people, orgs;
    for (const auto& au : main->authors) (au.organization ? orgs : people).push_back(au.name);
    offer(authors_from_list(people), "json-ld", false);
    offer(authors_from_list(orgs), "json-ld", true);
  }
  auto found = [&] { return !out.author.value.empty(); };
  for (auto k : kAuthorKeys) {
    if (found()) break;
    std::vector<std::string> vals;
    for (const auto& m : scan.metas)
      if (m.key == k && !looks_like_url(m.value)) vals.emplace_back(clean_meta_text(m.value));
    offer(authors_from_list(vals), "meta", false);
  }
  // Twitter's card fields come in pairs: twitter:label1 "Written by", twitter:data1 "Ann Lee".
  for (const auto& m : scan.metas) {
    if (found() || !m.key.starts_with("twitter:label") || !is_byline_label(m.value)) continue;
    const std::string data_key = "twitter:data" + m.key.substr(std::string_view("twitter:label").size());
    offer(authors_from_list({clean_meta_text(meta_value(scan, data_key))}), "meta", false);
  }
  if (!found()) {
    Byline b = byline_near(doc, scan, window);
    offer(std::move(b.name), b.microdata ? "microdata" : "byline", false);
  } else if (split_authors(out.author.value).size() == 1) {
    // JSON-LD or <meta> naming one person whom the byline under the headline names with others
    // ("Written by Ann Lee, Bo Chen, Cy Diaz"): a CMS's or SEO plugin's record holds the post's
    // owner only, the byline every author.
    Byline b = byline_near(doc, scan, window);
    const std::vector<std::string> listed = split_authors(b.name);
    const std::string one = loose_key(out.author.value);
    auto is_one = [&](const std::string& name) {
      const std::string k = loose_key(name);
      return k == one || (k.size() > one.size() && k.ends_with(one));
    };
    // The others read as people's names, each the whole text of an element of its own by the
    // headline (a link, a span, a list item): a piece after a comma in one text is as often a
    // place or an affiliation ("Ann Lee, Harbour Stadium").
    auto shown_alone = [&](const std::string& name) {
      for (NodeId n = window.lo; n != kNoNode && n < window.hi; ++n)
        if (doc.node(n).kind == NodeKind::kText && trim(doc.text(n)) == name) return true;
      return false;
    };
    if (listed.size() > 1 && !one.empty() && std::any_of(listed.begin(), listed.end(), is_one) &&
        std::all_of(listed.begin(), listed.end(), [&](const std::string& name) {
          return is_one(name) ||
                 (reads_as_person_name(name) && label_before(name) == DateLabel::kNone && shown_alone(name));
        }))
      out.author = {std::move(b.name), "byline"};
  }
  // Away from the headline, a byline in a comment or a list of other items names a commenter
  // ("<div class='comment-author'>") or another story's author, not the page's.
  for (NodeId n : scan.microdata)
    if (!found() && contains_word(doc.attr(n, "itemprop"), "author") && !in_other_items(doc, n))
      offer(name_in_element(doc, n), "microdata", false);
  for (NodeId n : scan.author_links)
    if (!found() && !introduced_as_other(doc, n) && !in_other_items(doc, n))
      offer(name_in_element(doc, n), "byline", false);
  for (NodeId n : scan.bylines)
    if (!found() && !holds_h1(doc, scan, n) && !in_other_items(doc, n) && !describes_the_author(doc, n))
      offer(name_in_element(doc, n), "byline", false);
  if (!found() && weak_author.empty()) offer(labelled_author(doc, sel.body != kNoNode ? sel.body : doc.root()), "byline", false);
  if (!found() && weak_author.empty()) offer(data_layer_author(doc), "meta", false);
  // A person these bylines name beats an organisation of JSON-LD, as a classed byline does.
  if (!found()) offer(avatar_byline(doc, window), "byline", false);
  if (!found()) offer(name_date_byline(doc, window), "byline", false);
  if (out.author.value.empty() && !weak_author.empty()) out.author = {weak_author, weak_source};
  // One list entry per name; `author` is the list joined, whatever separators the page used.
  out.authors = split_authors(out.author.value);
  // Beside named people, the site's own name is their affiliation ("Mira Joshi and Harpal
  // Sethi, The River Courier"), not one more author.
  if (out.authors.size() > 1 && !std::all_of(out.authors.begin(), out.authors.end(), is_site))
    std::erase_if(out.authors, is_site);
  // So is the site's name after one name's comma ("Keith Sterling, Riverbend.com", "Ann Lee, The Courier"), which
  // split_authors keeps with the name as it keeps a credential ("Nell Varga, DVM").
  for (auto& name : out.authors) {
    const size_t comma = name.rfind(", ");
    if (comma != std::string::npos && comma > 0 && is_site(std::string_view(name).substr(comma + 2)))
      name.resize(comma);
  }
  out.author.value = join_authors(out.authors);
  if (out.author.value.empty()) out.author.source.clear();

  // Description, image, tags.
  out.description = clean_meta_text(first_meta(scan, kDescriptionKeys));
  if (out.description.empty() && main) out.description = main->description;
  out.image = std::string(first_meta(scan, kImageKeys));
  if (out.image.empty() && main) out.image = main->image;
  for (auto k : kTagKeys)
    for (const auto& m : scan.metas)
      if (m.key == k) add_tags(m.value, out.tags);
  if (main)
    for (const auto& k : main->keywords) add_tags(k, out.tags);
}

}  // namespace pith
