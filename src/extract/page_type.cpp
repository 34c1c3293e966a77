#include "extract/page_type.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/strings.h"
#include "core/utf8.h"
#include "extract/dates.h"
#include "extract/jsonld.h"

namespace pith {

namespace {

// ------------------------------------------------------------------------------------ tables

// Words in a URL path, per type. Matched as whole path segments or "-"/"_" separated parts.
constexpr std::string_view kDocPathWords[] = {"docs", "doc", "documentation", "api", "reference", "manual",
                                              "guide", "guides", "wiki", "learn", "tutorial", "tutorials",
                                              "handbook", "book", "man", "library", "sdk", "kb"};
constexpr std::string_view kForumPathWords[] = {"forum", "forums", "thread", "threads", "topic", "topics", "t",
                                                "questions", "question", "discussion", "discussions",
                                                "community", "board", "boards", "viewtopic", "showthread",
                                                "comments", "r", "d", "answers"};
constexpr std::string_view kProductPathWords[] = {"product", "products", "p", "dp", "item", "itm", "sku", "gp",
                                                  "buy", "pd", "prod"};
constexpr std::string_view kCollectionPathWords[] = {"category", "categories", "collections", "collection", "c",
                                                     "shop", "catalog", "catalogue", "department", "browse",
                                                     "store", "cat", "b", "s"};
constexpr std::string_view kListingPathWords[] = {"tag", "tags", "topics", "archive", "archives", "search",
                                                  "latest", "news", "blog", "jobs", "page", "author",
                                                  "authors", "list", "results", "events", "trending", "new"};
constexpr std::string_view kArticlePathWords[] = {"article", "articles", "post", "posts", "story", "stories",
                                                  "blog", "news", "insights", "resources", "opinion",
                                                  "magazine", "features", "review", "reviews", "how-to"};
constexpr std::string_view kServicePathWords[] = {"services", "service", "solutions", "solution", "pricing",
                                                  "features", "platform", "industries", "consulting",
                                                  "enterprise", "business", "products", "software"};

// schema.org types per group.
constexpr std::string_view kLdArticle[] = {"NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
                                           "OpinionNewsArticle", "Article", "Report", "ScholarlyArticle",
                                           "LiveBlogPosting", "Recipe", "Review"};
constexpr std::string_view kLdBlog[] = {"BlogPosting", "Blog", "SocialMediaPosting"};
constexpr std::string_view kLdProduct[] = {"Product", "ProductGroup", "IndividualProduct", "Vehicle", "Book",
                                           "SoftwareApplication", "MobileApplication", "Course"};
constexpr std::string_view kLdForum[] = {"DiscussionForumPosting", "Comment", "Conversation"};
constexpr std::string_view kLdQa[] = {"QAPage", "Question", "Answer"};
constexpr std::string_view kLdCollection[] = {"CollectionPage", "OfferCatalog", "SearchResultsPage"};
constexpr std::string_view kLdItemList[] = {"ItemList"};
constexpr std::string_view kLdDocs[] = {"TechArticle", "APIReference", "HowTo", "Guide"};
constexpr std::string_view kLdService[] = {"Service", "LocalBusiness", "ProfessionalService", "FinancialService",
                                           "LegalService", "MedicalBusiness", "HomeAndConstructionBusiness",
                                           "Store", "Restaurant", "EducationalOrganization", "MedicalClinic"};
constexpr std::string_view kLdOrg[] = {"Organization", "Corporation", "WebSite", "Brand", "OnlineBusiness"};
constexpr std::string_view kLdFaq[] = {"FAQPage"};
constexpr std::string_view kLdWebPage[] = {"WebPage", "AboutPage", "ContactPage"};
constexpr std::string_view kLdHowTo[] = {"HowTo", "Recipe"};

// <meta name=generator> values, per group.
constexpr std::string_view kForumGenerators[] = {"discourse", "vbulletin", "phpbb", "xenforo", "flarum", "nodebb",
                                                 "invision", "smf", "mybb", "vanilla", "simple machines",
                                                 "lemmy", "discuz", "fluxbb", "punbb"};
constexpr std::string_view kDocGenerators[] = {"sphinx", "mkdocs", "docusaurus", "gitbook", "vuepress", "docfx",
                                               "antora", "mdbook", "readthedocs", "doxygen", "javadoc",
                                               "starlight", "nextra", "mintlify", "dokuwiki", "mediawiki"};
constexpr std::string_view kShopGenerators[] = {"shopify", "woocommerce", "magento", "prestashop", "bigcommerce",
                                                "shopware", "opencart", "wix stores", "ecwid", "oxid"};

// Short texts (buttons, links) that say what a page is for. Compared lower-cased.
constexpr std::string_view kCartPhrases[] = {"add to cart", "add to bag", "add to basket", "buy now",
                                             "add to trolley", "in den warenkorb", "ajouter au panier",
                                             "añadir al carrito", "aggiungi al carrello", "in winkelwagen",
                                             "add to cart+", "buy it now", "pre-order", "choose options"};
constexpr std::string_view kForumPhrases[] = {"reply", "quote", "joined", "posts", "registered", "report",
                                              "permalink", "thread starter", "original poster", "reputation",
                                              "moderator", "member", "likes", "replies", "views", "share",
                                              "upvote", "downvote", "vote", "answered", "asked", "posted",
                                              "#1", "op", "level 1", "senior member", "new member",
                                              "reply with quote", "multi-quote", "messages", "solved"};
constexpr std::string_view kCtaPhrases[] = {"get started", "contact us", "book a demo", "request a demo",
                                            "start free trial", "free trial", "sign up", "get a quote",
                                            "request a quote", "talk to sales", "contact sales",
                                            "schedule a consultation", "try for free", "get in touch",
                                            "try it free", "get a demo", "start for free", "book a call",
                                            "schedule a call", "free consultation", "call now",
                                            "get a free quote", "see pricing", "view pricing"};

// Class and id words (whole tokens; tokens split at anything but letters and digits).
enum ClassBit : uint8_t { kPostBit = 1, kProductBit = 2, kDocBit = 4, kTocBit = 8, kPagerBit = 16, kCartBit = 32 };
struct ClassWord {
  std::string_view word;
  uint8_t bits;
};
constexpr ClassWord kClassWords[] = {
    {"post", kPostBit},         {"posts", kPostBit},         {"message", kPostBit},      {"messages", kPostBit},
    {"comment", kPostBit},      {"comments", kPostBit},      {"reply", kPostBit},        {"replies", kPostBit},
    {"topic", kPostBit},        {"topics", kPostBit},        {"thread", kPostBit},       {"threads", kPostBit},
    {"product", kProductBit},   {"products", kProductBit},   {"price", kProductBit},     {"prices", kProductBit},
    {"sku", kProductBit},       {"variant", kProductBit},    {"variants", kProductBit},  {"swatch", kProductBit},
    {"swatches", kProductBit},  {"cart", kProductBit | kCartBit}, {"addtocart", kProductBit | kCartBit},
    {"docs", kDocBit},          {"documentation", kDocBit},  {"toc", kDocBit | kTocBit}, {"api", kDocBit},
    {"highlight", kDocBit},     {"admonition", kDocBit},     {"pagination", kPagerBit},  {"pager", kPagerBit},
};

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// The bits of a class or id token (ASCII letters and digits, in any case).
uint8_t class_bits(std::string_view token) {
  // Entries grouped by first letter, so a token is compared with a handful of words at most.
  static constexpr auto kByLetter = [] {
    std::array<std::array<uint8_t, 12>, 26> idx{};
    std::array<uint8_t, 26> count{};
    for (size_t i = 0; i < std::size(kClassWords); ++i) {
      size_t l = static_cast<size_t>(kClassWords[i].word[0] - 'a');
      idx[l][count[l]++] = static_cast<uint8_t>(i + 1);
    }
    return idx;
  }();
  const char c0 = ascii_lower(token[0]);
  if (c0 < 'a' || c0 > 'z') return 0;
  for (uint8_t i : kByLetter[static_cast<size_t>(c0 - 'a')]) {
    if (i == 0) break;
    const std::string_view word = kClassWords[i - 1].word;
    if (word.size() == token.size() && iequals(word, token)) return kClassWords[i - 1].bits;
  }
  return 0;
}

constexpr std::string_view kReadMorePhrases[] = {"read more", "continue reading", "read article", "read the story",
                                                 "read full article", "read post", "more", "view details",
                                                 "weiterlesen", "lire la suite", "leer más", "leia mais"};


// Caps on work: the first nodes of a page say what it is.
constexpr size_t kMaxNodes = 60'000;
constexpr size_t kMaxPhraseBytes = 40;  // a button or label, not a sentence

float squash(double count, double scale) { return static_cast<float>(std::log1p(count) / scale); }

template <size_t N>
bool path_has(const std::vector<std::string_view>& segs, const std::string_view (&words)[N]) {
  for (auto s : segs)
    for (auto w : words)
      if (iequals(s, w)) return true;
  return false;
}

template <size_t N>
bool any_type(const JsonLdData& ld, const std::string_view (&types)[N], bool top_only) {
  for (const auto& e : ld.entities) {
    if (top_only && e.in_list) continue;
    for (auto t : types)
      if (e.has_type(t)) return true;
  }
  return false;
}

// Short phrases are matched by a hash of their lower-cased bytes first (one hash per text
// instead of a comparison per table entry), then compared.
constexpr uint64_t phrase_hash(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c + 32 : c)) * 1099511628211ull;
  return h;
}

enum PhraseKind : uint8_t { kReadMore = 1, kCart = 2, kForum = 4, kCta = 8 };

struct PhraseIndex {
  std::array<std::pair<uint64_t, uint8_t>, 128> entries{};
  size_t size = 0;
  template <size_t N>
  constexpr void add(const std::string_view (&words)[N], uint8_t kind) {
    for (auto w : words) entries[size++] = {phrase_hash(w), kind};
  }
  // Sorted by hash once the tables are in, so that find is a binary search.
  constexpr void sort() { std::sort(entries.begin(), entries.begin() + size); }
  // Kinds of the phrase equal to s (case-blind), 0 if none. A phrase in two tables has an
  // entry per table, side by side.
  uint8_t find(std::string_view s) const {
    const uint64_t h = phrase_hash(s);
    uint8_t kinds = 0;
    auto it = std::lower_bound(entries.begin(), entries.begin() + size, std::pair<uint64_t, uint8_t>{h, 0});
    for (; it != entries.begin() + size && it->first == h; ++it) kinds |= it->second;
    return kinds;
  }
};


// Prices: a currency sign next to a digit ("$19.99", "19,99 €", "£5").
size_t count_prices(std::string_view t) {
  size_t n = 0;
  auto digit = [&](size_t i) { return i < t.size() && t[i] >= '0' && t[i] <= '9'; };
  for (size_t i = 0; i < t.size(); ++i) {
    size_t len = 0;
    unsigned char c = static_cast<unsigned char>(t[i]);
    if (c == '$') {
      len = 1;
    } else if (c == 0xC2 && i + 1 < t.size() && (t[i + 1] == '\xA3' || t[i + 1] == '\xA5')) {
      len = 2;  // £ ¥
    } else if (c == 0xE2 && i + 2 < t.size() && t[i + 1] == '\x82' && (t[i + 2] == '\xAC' || t[i + 2] == '\xB9')) {
      len = 3;  // € ₹
    }
    if (len == 0) continue;
    size_t after = i + len;
    if (after < t.size() && t[after] == ' ') ++after;
    size_t before = i;
    if (before > 0 && t[before - 1] == ' ') --before;
    if (digit(after) || (before > 0 && digit(before - 1))) ++n;
    i += len - 1;
  }
  return n;
}

struct Scan {
  size_t p_long = 0, pre = 0, code = 0, prices = 0, cart = 0, forum = 0, cta = 0, articles = 0, times = 0;
  size_t headings = 0, forms = 0, images = 0, list_items = 0, h1 = 0, toc = 0, pagination = 0;
  size_t post_classes = 0, product_classes = 0, doc_classes = 0, cards = 0;
  size_t heading_links = 0, read_more = 0, dates = 0, slug_links = 0, main_prices = 0, main_headings = 0;
  size_t main_code = 0;
  size_t chars = 0, link_chars = 0;  // visible text bytes of the whole page, and of links
  bool gen_forum = false, gen_docs = false, gen_shop = false, gen_wp = false;
  std::string og_type;
  std::vector<NodeId> ld_scripts;
};

// An article-like link: the last path segment is a slug of 3+ words ("/2023/how-we-did-it").
bool is_slug_link(std::string_view href) {
  // The path ends at the query or fragment (find_if: find_first_of calls memchr per byte).
  const auto query = std::find_if(href.begin(), href.end(), [](char c) { return c == '?' || c == '#'; });
  href = href.substr(0, static_cast<size_t>(query - href.begin()));
  while (!href.empty() && href.back() == '/') href.remove_suffix(1);
  size_t slash = href.rfind('/');
  std::string_view last = slash == std::string_view::npos ? href : href.substr(slash + 1);
  return std::count(last.begin(), last.end(), '-') >= 3;
}

void scan_dom(const Document& doc, const ContentSelection& sel, Scan& s, Deadline& deadline) {
  static constexpr PhraseIndex phrases = [] {
    PhraseIndex p;
    p.add(kReadMorePhrases, kReadMore);
    p.add(kCartPhrases, kCart);
    p.add(kForumPhrases, kForum);
    p.add(kCtaPhrases, kCta);
    p.sort();
    return p;
  }();
  const NodeId root = doc.root();
  // Node ids of the main container's subtree are one contiguous range (pre-order).
  NodeId main_lo = sel.main, main_hi = sel.main;
  if (sel.main != kNoNode) {
    NodeId after = doc.next_skip_children(sel.main, root);
    main_hi = after == kNoNode ? static_cast<NodeId>(doc.size()) : after;
  }
  auto in_main = [&](NodeId n) { return sel.main != kNoNode && n >= main_lo && n < main_hi; };
  std::vector<DateHit> hits;
  NodeId link_end = 0;  // text nodes with ids below this are inside the current <a>
  std::vector<std::pair<uint64_t, uint32_t>> sibling_kinds;
  // The last heading whose subtree was searched for a link, and the first <a> in it: a heading
  // nested in it (before that link) is answered from them, so nested headings cost one search.
  NodeId searched = kNoNode, searched_link = kNoNode;
  size_t visited = 0;
  for (NodeId n = root; n != kNoNode && visited < kMaxNodes; n = doc.next_in_subtree(n, root), ++visited) {
    if (deadline.expired("page type")) return;
    if (n == searched_link) searched = kNoNode;
    const Node& node = doc.node(n);
    if (node.kind == NodeKind::kText) {
      Tag pt = node.parent != kNoNode ? doc.node(node.parent).tag : Tag::kUnknown;
      if (pt == Tag::k_script || pt == Tag::k_style || pt == Tag::k_noscript || pt == Tag::k_template) continue;
      std::string_view t = trim(doc.text(n));
      if (t.empty()) continue;
      s.chars += t.size();
      if (n < link_end) s.link_chars += t.size();
      // Prices and dates need a digit: a text without one is not searched for them.
      const bool has_digit = std::any_of(t.begin(), t.end(), is_ascii_digit);
      if (s.prices < 500 && has_digit) {
        size_t p = count_prices(t);
        s.prices += p;
        if (in_main(n)) s.main_prices += p;
      }
      if (t.size() <= 80 && s.dates < 64 && has_digit) {
        hits.clear();
        find_dates(t, DayOrder::kMonthFirst, hits, 2);
        s.dates += hits.size();
      }
      if (t.size() <= kMaxPhraseBytes) {
        const uint8_t kinds = phrases.find(t);
        if (kinds & kReadMore) ++s.read_more;
        if (kinds & kCart) ++s.cart;
        else if ((kinds & kForum) || (t.size() < 24 && (istarts_with(t, "joined") || istarts_with(t, "posts:") ||
                                                          istarts_with(t, "registered"))))
          ++s.forum;
        else if (kinds & kCta) ++s.cta;
      }
      continue;
    }
    if (node.kind != NodeKind::kElement) continue;
    switch (node.tag) {
      case Tag::k_p:
        if (n < sel.stats.size() && sel.stats[n].chars >= 150 && in_main(n)) ++s.p_long;
        break;
      case Tag::k_pre: ++s.pre; s.main_code += in_main(n); break;
      case Tag::k_code: ++s.code; break;
      case Tag::k_a: {
        if (s.slug_links < 1000 && is_slug_link(doc.attr(n, "href"))) ++s.slug_links;
        NodeId end = doc.next_skip_children(n, root);
        link_end = end == kNoNode ? static_cast<NodeId>(doc.size()) : end;
        break;
      }
      case Tag::k_article: ++s.articles; break;
      case Tag::k_time: ++s.times; break;
      case Tag::k_h2: case Tag::k_h3: case Tag::k_h4: {
        ++s.headings;
        s.main_headings += in_main(n);
        // A heading that is a link: an item in a list of posts or products.
        bool linked = false;
        if (searched != kNoNode && doc.holds(searched, n)) {
          linked = searched_link != kNoNode && doc.holds(n, searched_link);
        } else {
          searched = n;
          searched_link = kNoNode;
          for (NodeId c = n; c != kNoNode; c = doc.next_in_subtree(c, n))
            if (doc.is_element(c, Tag::k_a)) {
              searched_link = c;
              break;
            }
          linked = searched_link != kNoNode;
        }
        s.heading_links += linked;
        break;
      }
      case Tag::k_h1: ++s.h1; break;
      case Tag::k_form: ++s.forms; break;
      case Tag::k_img: ++s.images; break;
      case Tag::k_li: ++s.list_items; break;
      case Tag::k_meta: {
        std::string_view name = doc.attr(n, "name");
        std::string_view prop = doc.attr(n, "property");
        std::string_view content = doc.attr(n, "content");
        if (iequals(name, "generator")) {
          s.gen_forum = s.gen_forum || icontains_any(content, kForumGenerators);
          s.gen_docs = s.gen_docs || icontains_any(content, kDocGenerators);
          s.gen_shop = s.gen_shop || icontains_any(content, kShopGenerators);
          s.gen_wp = s.gen_wp || ifind(content, "wordpress") != std::string_view::npos;
        }
        if (iequals(prop, "og:type") && s.og_type.empty()) s.og_type = ascii_lowercase(trim(content));
        break;
      }
      case Tag::k_link:
        if (iequals(trim(doc.attr(n, "rel")), "next")) ++s.pagination;
        break;
      case Tag::k_script:
        if (ifind(doc.attr(n, "type"), "ld+json") != std::string_view::npos && s.ld_scripts.size() < 16)
          s.ld_scripts.push_back(n);
        break;
      default:
        break;
    }
    if (node.attr_count == 0) continue;
    std::string_view cls, id;
    for (const Attr* a = doc.attrs_begin(n); a != doc.attrs_end(n); ++a) {
      std::string_view name = doc.str(a->name);
      if (name == "class") cls = doc.str(a->value).substr(0, 128);
      else if (name == "id") id = doc.str(a->value).substr(0, 64);
    }
    if (!cls.empty() || !id.empty()) {
      uint8_t bits = 0;
      // Tokens of 3 to 16 characters are looked up as they stand (class_bits ignores case):
      // no lower-cased copy of every character of every class.
      auto tokens = [&](std::string_view v) {
        size_t i = 0;
        while (i < v.size()) {
          while (i < v.size() && !is_alnum(v[i])) ++i;
          const size_t start = i;
          while (i < v.size() && is_alnum(v[i])) ++i;
          const std::string_view token = v.substr(start, i - start);
          if (token.size() >= 3 && token.size() <= 16) bits |= class_bits(token);
        }
      };
      tokens(cls);
      tokens(id);
      if (bits & kPostBit) ++s.post_classes;
      if (bits & kProductBit) ++s.product_classes;
      if (bits & kDocBit) ++s.doc_classes;
      if (bits & kTocBit) ++s.toc;
      if (bits & kPagerBit) ++s.pagination;
      // "cart" alone is the header's cart icon; a cart button says add-to-cart.
      if ((bits & kCartBit) && (ifind(cls, "add") != std::string_view::npos || ifind(id, "add") != std::string_view::npos))
        ++s.cart;
    }
  }
  // Cards: the most children of one parent that look alike (same tag and class) and each
  // hold a link, as in a grid of products or a list of posts. Kept subtrees only.
  visited = 0;
  for (NodeId n = sel.body; n != kNoNode && visited < kMaxNodes; ++visited) {
    if (deadline.expired("page type")) return;
    const Node& node = doc.node(n);
    if (node.kind != NodeKind::kElement || (n < sel.drop.size() && !sel.drop[n].empty())) {
      n = doc.next_skip_children(n, sel.body);
      continue;
    }
    sibling_kinds.clear();
    uint32_t best = 0;
    for (NodeId c = node.first_child; c != kNoNode; c = doc.node(c).next_sibling) {
      const Node& cn = doc.node(c);
      if (cn.kind != NodeKind::kElement || c >= sel.stats.size() || sel.stats[c].links == 0) continue;
      std::string_view cc = doc.attr(c, "class");
      uint64_t h = static_cast<uint64_t>(cn.tag) * 1000003u;
      for (char ch : cc.substr(0, 48)) h = h * 131 + static_cast<unsigned char>(ch);
      auto it = std::find_if(sibling_kinds.begin(), sibling_kinds.end(), [&](const auto& k) { return k.first == h; });
      if (it == sibling_kinds.end()) {
        if (sibling_kinds.size() < 32) sibling_kinds.push_back({h, 1});
        best = std::max<uint32_t>(best, 1);
      } else {
        best = std::max(best, ++it->second);
      }
    }
    s.cards = std::max<size_t>(s.cards, best);
    n = doc.next_in_subtree(n, sel.body);
  }
}

}  // namespace

std::string_view page_feature_name(size_t i) {
  static constexpr std::string_view kNames[] = {
#define PITH_PF_NAME(name) #name,
      PITH_PAGE_FEATURES(PITH_PF_NAME)
#undef PITH_PF_NAME
  };
  return i < kPageFeatureCount ? kNames[i] : std::string_view();
}

void page_features(const Document& doc, const PageInfo& page, const ContentSelection& sel, const Extraction& out,
                   PageFeatures& f, Deadline* deadline) {
  f.fill(0);
  auto set = [&](PageFeature k, double v) { f[static_cast<size_t>(k)] = static_cast<float>(v); };
  set(PageFeature::k_bias, 1);

  // URL words.
  std::string_view url = out.url;
  size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) {
    set(PageFeature::k_url_known, 1);
    size_t path_at = url.find('/', scheme + 3);
    std::string_view path = path_at == std::string_view::npos ? std::string_view("/") : url.substr(path_at);
    path = path.substr(0, path.find_first_of("?#"));
    std::vector<std::string_view> segs = split_any(path, "/");
    std::vector<std::string_view> words;
    for (auto sgm : segs)
      for (auto w : split_any(sgm, "-_.")) words.push_back(w);
    set(PageFeature::k_url_root, segs.empty() ? 1 : 0);
    set(PageFeature::k_url_depth, std::min<double>(segs.size(), 6) / 6);
    bool date = false;
    for (auto sgm : segs) date = date || (sgm.size() == 4 && sgm[0] >= '1' && sgm[0] <= '2' && std::isdigit(static_cast<unsigned char>(sgm[3])));
    set(PageFeature::k_url_date, date);
    if (!segs.empty()) {
      size_t hyphens = std::count(segs.back().begin(), segs.back().end(), '-');
      set(PageFeature::k_url_slug, std::min<double>(hyphens, 8) / 8);
    }
    set(PageFeature::k_url_doc, path_has(segs, kDocPathWords));
    set(PageFeature::k_url_forum, path_has(segs, kForumPathWords));
    set(PageFeature::k_url_product, path_has(segs, kProductPathWords));
    set(PageFeature::k_url_collection, path_has(segs, kCollectionPathWords));
    set(PageFeature::k_url_listing, path_has(segs, kListingPathWords) || path_has(words, kListingPathWords));
    set(PageFeature::k_url_article, path_has(segs, kArticlePathWords));
    set(PageFeature::k_url_service, path_has(segs, kServicePathWords) || path_has(words, kServicePathWords));
  }

  Deadline unlimited;
  Scan s;
  scan_dom(doc, sel, s, deadline ? *deadline : unlimited);

  // schema.org types.
  if (!s.ld_scripts.empty()) {
    JsonLdReader reader;
    JsonLdData ld;
    std::string text;
    for (NodeId n : s.ld_scripts) {
      text.clear();
      doc.append_text(n, text);
      reader.read(text, ld);
    }
    set(PageFeature::k_ld_article, any_type(ld, kLdArticle, true));
    set(PageFeature::k_ld_blog, any_type(ld, kLdBlog, true));
    set(PageFeature::k_ld_product, any_type(ld, kLdProduct, true));
    set(PageFeature::k_ld_forum, any_type(ld, kLdForum, false));
    set(PageFeature::k_ld_qa, any_type(ld, kLdQa, false));
    set(PageFeature::k_ld_collection, any_type(ld, kLdCollection, true));
    set(PageFeature::k_ld_itemlist, any_type(ld, kLdItemList, false));
    set(PageFeature::k_ld_docs, any_type(ld, kLdDocs, true));
    set(PageFeature::k_ld_service, any_type(ld, kLdService, true));
    set(PageFeature::k_ld_org, any_type(ld, kLdOrg, true));
    set(PageFeature::k_ld_faq, any_type(ld, kLdFaq, true));
    set(PageFeature::k_ld_webpage, any_type(ld, kLdWebPage, true));
    set(PageFeature::k_ld_howto, any_type(ld, kLdHowTo, true));
    size_t listed = 0;
    bool offers = false;
    for (const auto& e : ld.entities) {
      if (e.in_list && (e.has_type("Product") || e.has_type("ListItem"))) ++listed;
      offers = offers || (e.has_offers && !e.in_list);
    }
    set(PageFeature::k_ld_offers, offers);
    set(PageFeature::k_ld_listed, squash(listed, 4));
  }
  set(PageFeature::k_og_article, s.og_type == "article" || s.og_type == "blog" || s.og_type == "news");
  set(PageFeature::k_og_product, s.og_type.find("product") != std::string::npos);
  set(PageFeature::k_og_website, s.og_type == "website");
  set(PageFeature::k_gen_forum, s.gen_forum);
  set(PageFeature::k_gen_docs, s.gen_docs);
  set(PageFeature::k_gen_shop, s.gen_shop);
  set(PageFeature::k_gen_wp, s.gen_wp);
  set(PageFeature::k_has_author, !out.author.value.empty());
  set(PageFeature::k_has_date, !out.date.value.empty());

  // Text shape.
  double body_chars = sel.body != kNoNode && sel.body < sel.stats.size() ? sel.stats[sel.body].chars : 0;
  double main_chars = sel.main != kNoNode && sel.main < sel.stats.size() ? sel.stats[sel.main].chars : 0;
  set(PageFeature::k_main_share, body_chars > 0 ? main_chars / body_chars : 0);
  set(PageFeature::k_long_paras, squash(s.p_long, 4));
  set(PageFeature::k_text_len, squash(static_cast<double>(s.chars), 12));
  set(PageFeature::k_link_density, s.chars > 0 ? static_cast<double>(s.link_chars) / s.chars : 0);
  set(PageFeature::k_code_blocks, squash(s.pre + s.code / 4.0, 4));
  set(PageFeature::k_prices, squash(s.prices, 4));
  set(PageFeature::k_cart, squash(s.cart, 2));
  set(PageFeature::k_forum_words, squash(s.forum, 4));
  set(PageFeature::k_cta_words, squash(s.cta, 3));
  set(PageFeature::k_article_els, squash(s.articles, 3));
  set(PageFeature::k_cards, squash(s.cards, 4));
  set(PageFeature::k_times, squash(s.times, 3));
  set(PageFeature::k_headings, squash(s.headings, 4));
  set(PageFeature::k_forms, squash(s.forms, 3));
  set(PageFeature::k_toc, squash(s.toc, 2));
  set(PageFeature::k_comments, sel.comments_root != kNoNode);
  set(PageFeature::k_images, squash(s.images, 5));
  set(PageFeature::k_list_items, squash(s.list_items, 6));
  set(PageFeature::k_pagination, squash(s.pagination, 2));
  set(PageFeature::k_title_question, !out.title.empty() && out.title.back() == '?');
  set(PageFeature::k_h1_count, squash(s.h1, 2));
  set(PageFeature::k_post_classes, squash(s.post_classes, 5));
  set(PageFeature::k_product_classes, squash(s.product_classes, 5));
  set(PageFeature::k_doc_classes, squash(s.doc_classes, 5));
  set(PageFeature::k_heading_links, squash(s.heading_links, 4));
  set(PageFeature::k_read_more, squash(s.read_more, 3));
  set(PageFeature::k_dates_seen, squash(s.dates, 4));
  double main_links = sel.main != kNoNode && sel.main < sel.stats.size() ? sel.stats[sel.main].link_chars : 0;
  set(PageFeature::k_main_link_density, main_chars > 0 ? main_links / main_chars : 0);
  set(PageFeature::k_slug_links, squash(s.slug_links, 5));
  set(PageFeature::k_main_prices, squash(s.main_prices, 4));
  set(PageFeature::k_main_headings, squash(s.main_headings, 4));
  set(PageFeature::k_main_code, squash(s.main_code, 3));
}

namespace {

// Weights per type and feature, written by tools/train_page_type.py.
#include "extract/page_type_model.inc"

}  // namespace

namespace {

// A page is selected with a product page's hints when the type model gives the product at least
// this share of the probability of the type it chose: a shop's page for one game, one phone or
// one watch reads as a collection, a service or an article too (a store page's list of add-ons,
// a maker's pitch, a long description), and the product's hints cost such a page little where it
// is not one (they widen to the heading, keep closed tabs, drop the shop's notes and repeats).
constexpr double kNearProductRatio = 0.6;

}  // namespace

std::string_view hints_page_type(std::string_view page_type, int buy_boxes, double product_ratio) {
  if (page_type == "article" && buy_boxes > 0) return "product";
  if (page_type != "product" && product_ratio >= kNearProductRatio) return "product";
  return page_type;
}

double classify_page_type(const Document& doc, const PageInfo& page, const ContentSelection& sel, Extraction& out,
                          Deadline* deadline) {
  PageFeatures f;
  page_features(doc, page, sel, out, f, deadline);
#ifdef PITH_RECORD_FEATURES
  {
    std::string rec = "page-type-features:";
    for (size_t i = 0; i < kPageFeatureCount; ++i) {
      rec += ' ';
      rec += page_feature_name(i);
      rec += '=';
      rec += std::to_string(f[i]);
    }
    out.warnings.push_back(std::move(rec));
  }
#endif
  std::array<double, kPageTypeCount> score{};
  double top = -1e30;
  size_t best = 0;
  for (size_t t = 0; t < kPageTypeCount; ++t) {
    double z = 0;
    for (size_t i = 0; i < kPageFeatureCount; ++i) z += kPageTypeWeights[t][i] * f[i];
    score[t] = z;
    if (z > top) {
      top = z;
      best = t;
    }
  }
  double sum = 0;
  for (double z : score) sum += std::exp(z - top);
  out.page_type = std::string(kPageTypeNames[best]);
  out.page_type_confidence = 1.0 / sum;
  size_t product = 0;
  while (kPageTypeNames[product] != "product") ++product;
  double product_ratio = std::exp(score[product] - top);
  // A page with no text, no title and no schema says nothing about its type.
  if (f[static_cast<size_t>(PageFeature::k_text_len)] == 0 && out.title.empty() &&
      f[static_cast<size_t>(PageFeature::k_ld_article)] == 0 && f[static_cast<size_t>(PageFeature::k_ld_product)] == 0) {
    out.page_type = "other";
    out.page_type_confidence = 0;
    product_ratio = 0;
  }
  return product_ratio;
}

}  // namespace pith
