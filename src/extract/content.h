// Main-content selection: which parts of the DOM are the page's content, and why the rest was
// dropped. Three passes over the DOM, none recursive:
//  1. label:  every element that is chrome by tag, role, hidden state or class/id is marked
//             dropped with its rule (rules.h), unless it holds most of the page's text; so is
//             the section a list heading opens ("Similar items": related-section);
//  2. score:  each block of text gets a weight, positive for prose, negative for link lists
//             and short fragments; weights are summed up the tree, and the element with the
//             largest sum is the main container (a maximum-weight subtree);
//  3. prune:  inside the container, link-dense lists, boilerplate phrases, the sections of
//             list headings and orphaned list headings are dropped too (on typed pages, second
//             copies of a block as well). A container that is only link lists inside a footer
//             or nav is no content at all (chrome-only).
// The result is a set of kept nodes that the renderers (render.h) walk.
#pragma once
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/deadline.h"
#include "html/dom.h"
#include "pith/extract.h"

namespace pith {

// Whether an element is a link for link density: an <a>, or an element of a name the DOM does not
// know (a custom element, "<menu-entry href=...>") that carries an href, as a script-driven
// mega menu writes its entries; not one that holds an <a> (a tile component handing its href to
// the <a> inside, whose text is the link) or more than kLinkElementMaxNodes nodes (a component,
// not a link's line), nor one inside an <a> (a button drawn in a link is that one link). Known elements are not asked for an href: only unknown ones cost a look.
inline constexpr int kLinkElementMaxNodes = 64;
inline bool is_link_element(const Document& doc, NodeId n) {
  const Node& node = doc.node(n);
  if (node.kind != NodeKind::kElement) return false;
  if (node.tag == Tag::k_a) return true;
  if (node.tag != Tag::kUnknown || node.attr_count == 0 || !doc.has_attr(n, "href")) return false;
  int budget = kLinkElementMaxNodes;
  for (NodeId d = doc.next_in_subtree(n, n); d != kNoNode; d = doc.next_in_subtree(d, n))
    if (--budget < 0 || doc.is_element(d, Tag::k_a)) return false;
  for (NodeId a = node.parent; a != kNoNode; a = doc.node(a).parent)
    if (doc.is_element(a, Tag::k_a)) return false;
  return true;
}

struct NodeStats {
  uint32_t chars = 0;       // visible non-space characters below, outside dropped subtrees
  uint32_t link_chars = 0;  // of which inside <a> (or another link element: is_link_element)
  uint32_t token_chars = 0; // of which in runs too long for words (URLs, hashes): data, not text
  uint32_t links = 0;
  uint32_t blocks = 0;      // paragraph-like blocks below
  uint32_t prose_chars = 0; // text of blocks holding a paragraph's worth of their own text
  float weight = 0;         // own text blocks' weight
  float sum = 0;            // weight summed over the subtree: the element's score as a container
  float up = 0;             // what it adds to its parent's sum (less than sum for a teaser list)
  bool item = false;        // one of >= 3 look-alike siblings with links: a teaser or card
  uint16_t items = 0;       // children that are teaser items
};

struct ContentSelection {
  NodeId body = kNoNode;
  NodeId main = kNoNode;                 // the chosen container
  std::vector<std::string_view> drop;    // per node: rule that dropped it, empty if kept
  std::vector<uint8_t> comment;          // per node: 1 if in the comment section
  std::vector<NodeStats> stats;
  NodeId comments_root = kNoNode;        // largest comment section, if any
  int level = 2;                         // rules level the selection ended at (kRulesAll...)
  bool list_mode = false;                // main is a listing region, not a prose container
  // list_mode because the prose container was a small part of the text region, though the prose
  // around it was too little for SelectionHints::strict_listing_switch: on an article, a second
  // selection with that hint keeps the container.
  bool switched_on_little_prose = false;
  // ... to a region whose prose is kRegionProseTextShare of its text or more (an article in
  // several blocks, or a blog's front page of excerpts).
  bool switched_to_prose_region = false;
  bool widened = false;                  // main was widened to take in the page's <h1>
  int buy_boxes = 0;                     // buy boxes marked in the container (buy_box.h)
  uint32_t raw_body_chars = 0;           // visible text of the page before chrome rules
  // Drop rules that yielded, with the element they spared: it held half the page's text, or
  // most of its prose (content.cpp kYieldProseShare). For --explain.
  std::vector<std::pair<NodeId, std::string_view>> yielded;
};

// How strict labelling is: all rules, no class/id rules, or only never-text elements.
inline constexpr int kRulesAll = 2;
inline constexpr int kRulesNoClass = 1;
inline constexpr int kRulesHardOnly = 0;

// What the page type (classified from a first selection) changes in a second one. Product,
// service and documentation pages spread their content over sibling blocks (name and price,
// description, specifications in tabs, FAQ in accordions), so the prose container alone is too
// little of them; shops, forums and listings repeat blocks.
struct SelectionHints {
  // Widen the container to the lowest ancestor that also holds the page's only <h1>, when
  // what that adds is not mostly links.
  bool widen_to_heading = false;
  // With several <h1>s, the first is the page's heading (to widen to, and to spare from class
  // rules); else none is.
  bool first_h1 = false;
  // Keep hidden blocks that read as prose (closed tabs and accordions), not only visible ones.
  bool keep_hidden_prose = false;
  // Keep "banner" and "promo" blocks that read as prose: on a service page they are the pitch
  // (a hero with its heading and paragraphs, a section promoting one of the services).
  bool keep_prose_promos = false;
  // Drop second copies of a block (rule "duplicate"): shops and forums repeat sections (a
  // mobile and a desktop version, a quoted post); an article may repeat a list on purpose.
  bool drop_duplicates = false;
  // With drop_duplicates, compare the innermost blocks at any depth (the paragraphs inside a
  // <span> that a page builder wraps its rich text in), not a block whose children are inline:
  // a product page's builder prints a section twice (desktop and mobile) with a different
  // heading level or line break in each copy, so only the paragraphs match. Not on other types:
  // a collection's cards and a service page's sections repeat a paragraph each on purpose.
  // With it, short blocks (a colour name, a price, a perk) count as copies too (content.cpp
  // kShortDuplicateMinChars).
  bool duplicates_by_innermost_block = false;
  // Keep a section printed twice (without it, rule "repeated-section" drops the second copy):
  // documentation repeats a procedure in each of its language tabs on purpose.
  bool keep_repeats = false;
  // Keep the line that says when the page was last updated (without it, rule "update-line"
  // drops it): a documentation generator prints it as the reference text's revision, at the
  // foot of the page's own text.
  bool keep_update_lines = false;
  // Keep the sections that a list heading opens ("Latest news", "Similar items"): on a
  // listing or collection page they may be the content.
  bool keep_related_lists = false;
  // The page is a list of items (listing or collection): a prose container that is a small
  // share of the text region is the list's intro, whatever the cards' link share.
  bool list_region = false;
  // Widen the container to the list of posts it is one of: on a forum, the post that weighs
  // most is one post of the thread; the thread is all of them (widen_to_posts).
  bool widen_to_posts = false;
  // Widen the container from one <section> to the run of sibling sections it is one of (at
  // least kMinSiblingSections with text of positive weight), when what that adds is not mostly
  // links: a service page is a run of sections (benefits, steps, testimonials, FAQ), and the
  // heaviest of them is only one part of the pitch.
  bool widen_to_sections = false;
  // Keep the comment section (class rules marked comment: "comments", "commentlist"): on a
  // forum or Q&A page the replies and the comments under a post are the content.
  bool keep_comments = false;
  // The page is an article (or a forum thread): the text region replaces a small prose container as a listing only
  // when the region's own prose (the listed items' descriptions) outweighs the container. A
  // short story (a paywall's first paragraph, a photo essay's intro) beside a long list of
  // headlines, dates and bylines is still the story, not the intro of a listing.
  bool strict_listing_switch = false;
  // The page is an article that the listing switch took to a region of mostly prose: that
  // region is the article's text in several blocks, selected without list mode (its link lists
  // are pruned).
  bool prose_region_is_text = false;
  // Keep the section under "About the author": on a product page (a book) the author is the
  // product's, and the bio is part of its description, not the box of the page's writer.
  bool keep_author_bio = false;
  // Drop blocks named for a single review ("product-review", "review-col"), not only the
  // "reviews" sections every page drops: on a product page they hold what customers say of the
  // product (a featured quote, a rating summary), which the product's description leaves out.
  // Not on other pages: a review article's own text sits in "review-body".
  bool drop_reviews = false;
  // Drop the shop's notes (rules.h names_shop_notes: the returns policy, trust badges, tooltips and popovers):
  // on a product page they are what the shop prints beside every product, not the product's
  // description. Not elsewhere: a service page's badges and a help page's returns section are
  // what the page is about.
  bool drop_shop_notes = false;
  // Keep a dialog inside the page's <main> that reads as prose and holds no field to fill in: on
  // a product page the description, the care notes or a certification sit in a drawer that a
  // button ("Description", "Product details") opens; cookie notices, carts, newsletter sign-ups
  // and menus are dialogs outside <main> or forms.
  bool keep_detail_dialogs = false;
  // Drop live regions (aria-live, role=status or role=alert): on a product page they are the
  // shop's status messages, "Loading", "Added to your bag", "Image 2 of 9", "Thank you for your
  // feedback", which a script fills or shows. Not elsewhere: a category page may announce its
  // heading as the filters change it.
  bool drop_live_regions = false;
  // Drop a short block that is a price ("$24.00", "Was: 39,90 €", "As low as $48/mo."): on a
  // product page the price is the shop's offer, printed in the buy box, by each variant and each
  // card of "you may also like", not the product's description. Not elsewhere: a service page's
  // plans and an article's figures are what the page says.
  bool drop_price_lines = false;
  bool any() const {
    return widen_to_heading || widen_to_sections || list_region || keep_hidden_prose || keep_prose_promos ||
           drop_duplicates || duplicates_by_innermost_block || keep_repeats || keep_related_lists || widen_to_posts || keep_comments ||
           strict_listing_switch || prose_region_is_text || keep_author_bio || drop_reviews || drop_shop_notes || keep_detail_dialogs ||
           drop_live_regions || keep_update_lines || drop_price_lines;
  }
};

// The hints for a page type as page_type.h names it ("product", ...); none for articles (an
// article that the first selection took for a listing gets strict_listing_switch, below).
SelectionHints hints_for_page_type(std::string_view page_type);
// The hints for the second selection, after a first one without hints (first): an article that
// the first selection took for a listing on little prose gets strict_listing_switch (and
// prose_region_is_text), and so does a forum thread: a topic of one short post under a board's
// menus and counters is no listing either, and the second selection keeps the post.
SelectionHints hints_for_page_type(std::string_view page_type, const ContentSelection& first);

class ContentSelector {
 public:
  // Fills sel for doc. Reuses sel's buffers. Once the deadline is spent, the selection takes
  // its short way: chrome labelling, list headings and pruning stop where they are, the rules
  // are not relaxed; scripts and hidden elements are still dropped and a container is chosen.
  void select(const Document& doc, const Options& options, ContentSelection& sel,
              const SelectionHints& hints = {}, Deadline* deadline = nullptr);

 private:
  void label(const Document& doc, ContentSelection& sel, int level);
  void measure(const Document& doc, ContentSelection& sel, NodeId scope);
  void choose(const Document& doc, const Options& options, ContentSelection& sel);
  void add_dropped_text(const Document& doc, const ContentSelection& sel, NodeId list, uint32_t& chars,
                        uint32_t& link_chars, uint32_t& linked_headers) const;
  bool is_linky_card_list(const Document& doc, const ContentSelection& sel, NodeId list) const;
  NodeId prose_over_card_list(const Document& doc, const ContentSelection& sel, NodeId best, float best_score) const;
  NodeId grid_before(const Document& doc, const ContentSelection& sel, NodeId best) const;
  void prune(const Document& doc, const Options& options, ContentSelection& sel);
  uint32_t kept_chars(const Document& doc, const ContentSelection& sel) const;
  std::string_view bulk_drop_rule(const Document& doc, const ContentSelection& sel, uint32_t& rule_text) const;
  NodeId widen_to_heading(const Document& doc, const ContentSelection& sel, NodeId best) const;
  NodeId widen_to_sections(const Document& doc, const ContentSelection& sel, NodeId best) const;
  NodeId widen_paragraph(const Document& doc, const ContentSelection& sel, NodeId best) const;
  void take_in_lead(const Document& doc, ContentSelection& sel) const;
  void take_in_twin_parts(const Document& doc, ContentSelection& sel) const;
  void take_in_table_heading(const Document& doc, ContentSelection& sel) const;
  void take_in_list_intro(const Document& doc, ContentSelection& sel) const;
  NodeId text_cell_of_row(const Document& doc, const ContentSelection& sel, NodeId best) const;
  NodeId story_under_headline(const Document& doc, const ContentSelection& sel, NodeId best) const;
  NodeId story_after_caption(const Document& doc, const ContentSelection& sel, NodeId best) const;
  uint32_t related_list_prose(const Document& doc, const ContentSelection& sel, NodeId region, NodeId best) const;
  uint32_t linked_prose(const Document& doc, const ContentSelection& sel, NodeId region, NodeId best) const;
  NodeId widen_to_posts(const Document& doc, const ContentSelection& sel, NodeId best) const;
  NodeId schema_thread(const Document& doc, const ContentSelection& sel) const;
  bool hidden_prose(const Document& doc, NodeId n, const NodeStats& st) const;
  bool reads_as_prose(const NodeStats& st) const;
  static bool reads_as_paragraphs(const NodeStats& st);
  bool closed_tab_panel(const Document& doc, NodeId n, const NodeStats& st) const;
  bool controlled_by_previous(const Document& doc, NodeId n) const;
  bool detail_dialog(const Document& doc, NodeId n, const NodeStats& st) const;
  SelectionHints hints_;
  Deadline no_deadline_;
  Deadline* deadline_ = &no_deadline_;
  std::vector<NodeId> pruned_;
  std::vector<NodeId> menu_run_;  // drop_edge_chrome_lines: the lines of one link opening the container
  std::vector<NodeId> legal_after_;  // drop_edge_chrome_lines: the blocks after a "legal-footer"
  // Per node, for orphan headings: what its following siblings hold (kDroppedAfter,
  // kKeptAfter), and on a parent whether its children's entries are filled (kChildrenDone).
  std::vector<uint8_t> follow_;
  // Per node: 1 on the page's <h1> and its ancestors (holds(x, h1) in one look-up).
  std::vector<uint8_t> h1_path_;
  std::vector<NodeId> h1_marked_;
  void mark_h1_path(const Document& doc, NodeId h1);
  void drop_signup_box(const Document& doc, ContentSelection& sel, NodeId form, float body_chars);
  void drop_comment_notice(const Document& doc, ContentSelection& sel, NodeId section);
  bool holds_h1(NodeId n) const { return h1_path_[n] != 0; }
  void drop_duplicates(const Document& doc, ContentSelection& sel);
  void edge_line(const Document& doc, const ContentSelection& sel, bool from_end, std::vector<NodeId>& line) const;
  bool is_breadcrumb_line(const Document& doc, const ContentSelection& sel, const std::vector<NodeId>& line) const;
  void drop_edge_chrome_lines(const Document& doc, ContentSelection& sel);
  bool drop_comments_under_heading(const Document& doc, ContentSelection& sel, NodeId heading);
  // The text (prose only, or all) of n's earlier siblings that are kept, counted up to
  // kPostBeforeCommentsMinChars: whether the post comes before a comment section.
  bool replies_like_post(const Document& doc, const ContentSelection& sel, NodeId heading) const;
  uint32_t text_before(const Document& doc, const ContentSelection& sel, NodeId n, bool prose_only) const;
  // The prose before n anywhere in the page (text_before of n and of its ancestors), counted up to
  // kPostBeforeCommentsMinChars.
  uint32_t prose_before_in_page(const Document& doc, const ContentSelection& sel, NodeId n) const;
  void find_headed_comment_sections(const Document& doc, const ContentSelection& sel);
  void find_headed_footers(const Document& doc, const ContentSelection& sel);
  std::vector<NodeId> headed_comments_;  // sorted: wrappers a counting heading opens (label pass)
  std::vector<NodeId> headed_footers_;   // sorted: wrappers a heading naming the page's footer opens
  std::vector<NodeId> headed_reviews_;   // sorted: wrappers a reviews heading opens on a product page
  void find_permalinked_comments(const Document& doc, const ContentSelection& sel);
  std::vector<NodeId> permalinked_comments_;  // sorted: comments told by their permalinks (label pass)
  struct Permalink {
    std::string_view base;  // the page the comment is on (before the '#')
    NodeId a;
  };
  std::vector<Permalink> permalinks_;  // comment permalinks that find_headed_comment_sections met
  void drop_update_lines(const Document& doc, ContentSelection& sel);
  void drop_price_lines(const Document& doc, ContentSelection& sel);
  std::vector<NodeId> line_;
  void collect_leaf_blocks(const Document& doc, const ContentSelection& sel);
  void drop_repeated_runs(const Document& doc, ContentSelection& sel);
  struct LeafBlock {
    NodeId node;
    uint32_t width;  // NodeStats::chars
    uint64_t hash;   // of its text, white space collapsed, lower case; 0 when no other block has its width
  };
  struct LeafKey {
    uint32_t width;
    uint64_t hash;
    size_t leaf;
    bool operator<(const LeafKey& o) const {
      return width != o.width ? width < o.width : hash != o.hash ? hash < o.hash : leaf < o.leaf;
    }
  };
  std::vector<LeafBlock> leaves_;                     // collect_leaf_blocks
  std::vector<LeafKey> by_key_;   // the leaves sorted by width, hash, position (drop_repeated_runs)
  std::vector<size_t> first_of_;  // per leaf, the first leaf with its text
  bool drop_headed_list(const Document& doc, ContentSelection& sel, NodeId heading, NodeId scope,
                        NodeId h1, bool in_container);
  std::vector<NodeId> filler_blocks_;  // blocks that open with a template's filler text
  std::vector<NodeId> list_headings_;  // blocks whose phrase heads a list of other items
  std::vector<std::string> site_names_;  // page_site_names: the names a page gives its site
  std::vector<std::string> page_titles_;  // page_titles: <title> and og:title, lower case
  bool marks_figures_ = false;  // the page has a <figure> or <figcaption> (prune's picture-caption)
  void drop_author_box(const Document& doc, ContentSelection& sel, NodeId heading, NodeId scope, NodeId h1);
  std::vector<NodeId> author_headings_;  // blocks whose phrase heads the author's box
  std::vector<NodeId> fine_print_;  // blocks whose class names fine print (label), in page order
  // label: dialogs inside <main> on a page with keep_detail_dialogs, left for pass 2 to judge
  // once their text is measured; then the ones kept (sorted, for binary search).
  std::vector<NodeId> dialogs_in_main_;
  std::vector<NodeId> kept_dialogs_;
  std::vector<std::string> dialog_headings_;  // the text of each one's first heading
  std::vector<NodeId> consent_notices_;  // label: short consent notices (consent_block), dropped in prune
  void drop_fine_print(const Document& doc, ContentSelection& sel);
  std::unordered_set<uint64_t> seen_;  // hashes of the blocks kept so far (drop_duplicates)
  float mark_teasers(const Document& doc, ContentSelection& sel, NodeId parent);
  std::string scratch_;
  std::vector<std::pair<uint64_t, uint32_t>> groups_;
  std::vector<std::pair<NodeId, uint64_t>> cards_;  // mark_teasers' candidates and their signatures
  std::vector<NodeId> order_;
  std::vector<uint32_t> inline_chars_, inline_links_;
  // Per text node, its visible characters (text_width), counted once per select: measure runs
  // once per rule level and kept_chars after it, on the same text.
  std::vector<uint32_t> widths_;
  // Per text node, its visible characters in runs too long for words (URLs, hashes).
  std::vector<uint32_t> token_widths_;
  // The one drop rule let off for a second try at the strictest level (bulk_drop_rule).
  std::string_view yield_rule_;
};

// The scores behind a selection, as indented text: the container's ancestors, the container and
// its children (chars, link chars, weight sums, teaser marks, drop rules). For --explain.
std::string trace_selection(const Document& doc, const ContentSelection& sel);

// "div.share-bar#top": a short description of an element for reports.
std::string describe_element(const Document& doc, NodeId id);

}  // namespace pith
