#include "extract/content.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <span>
#include <unordered_set>

#include "core/strings.h"
#include "core/utf8.h"
#include "extract/buy_box.h"
#include "extract/dates.h"
#include "extract/debris.h"
#include "extract/meta_text.h"
#include "extract/rules.h"
#include "text/words.h"

namespace pith {

namespace {

// Visible characters of a text node: code points that are not white space, in Latin-character
// equivalents (text/words.h: a Han character counts 3), so that every weight and threshold
// below in characters means as much text in Chinese as in English.
uint32_t visible_chars(std::string_view s) { return text_width(s); }

// The key the class rules read: an element's class and id, lower-cased (ASCII), a space between
// them, appended to out (a scratch string: this runs for every element).
void append_class_id_key(std::string& out, std::string_view classes, std::string_view id) {
  append_lowercase(out, classes);
  out += ' ';
  append_lowercase(out, id);
}

// A run of non-space ASCII characters longer than any word (a URL, a file path, a hash, a
// base64 value) is a token, not words: a hidden <dl> of image URLs is data, not a paragraph.
// Non-ASCII text (Chinese, Japanese) writes words without spaces, so only ASCII runs count.
constexpr uint32_t kMaxWordChars = 40;
// A block of at least kMinTokenDumpChars whose characters are mostly such tokens is a data dump
// that a template printed as text (a product's image URLs as a <dl>, a list of file hashes):
// no reader reads it. Only lists and tables: a block that holds the dump and more is not one.
constexpr uint32_t kMinTokenDumpChars = 200;
constexpr float kTokenDumpShare = 0.7f;

bool is_token_dump(Tag tag, const NodeStats& st) {
  return (tag == Tag::k_dl || tag == Tag::k_ul || tag == Tag::k_ol || tag == Tag::k_table) &&
         st.chars >= kMinTokenDumpChars && st.token_chars > kTokenDumpShare * st.chars;
}

// Visible characters of s that sit in such tokens. Most text is prose, so it looks at the last
// byte a token starting at i would need and steps back to the separator before it: a page's text
// is checked a few bytes in every forty, not byte by byte (measured: a byte loop here cost 9% of
// a page's instructions).
uint32_t token_chars(std::string_view s) {
  const auto separates = [](char c) { return is_ascii_space(c) || (static_cast<unsigned char>(c) & 0x80) != 0; };
  uint32_t tokens = 0;
  size_t i = 0;  // a token may start here: s[i - 1] separates
  while (i + kMaxWordChars < s.size()) {
    size_t k = i + kMaxWordChars + 1;  // one past the byte that makes a run too long for a word
    while (k > i && !separates(s[k - 1])) --k;
    if (k > i) {
      i = k;  // s[k - 1] separates: no token starts before k
      continue;
    }
    size_t end = i + kMaxWordChars + 1;
    while (end < s.size() && !separates(s[end])) ++end;
    tokens += static_cast<uint32_t>(end - i);
    i = end;
  }
  return tokens;
}

// Pre-order list of the subtree of scope (iterative), so bottom-up passes run it backwards.
void preorder(const Document& doc, NodeId scope, std::vector<NodeId>& out) {
  out.clear();
  for (NodeId n = scope; n != kNoNode; n = doc.next_in_subtree(n, scope)) out.push_back(n);
}

// Paragraph-like blocks: their own text is presumed to be content, so short ones are not
// penalised as fragments.
bool is_paragraph_tag(Tag t) {
  switch (t) {
    case Tag::k_p: case Tag::k_pre: case Tag::k_blockquote: case Tag::k_li: case Tag::k_td:
    case Tag::k_th: case Tag::k_dd: case Tag::k_dt: case Tag::k_h1: case Tag::k_h2: case Tag::k_h3:
    case Tag::k_h4: case Tag::k_h5: case Tag::k_h6: case Tag::k_figcaption: case Tag::k_caption:
    case Tag::k_summary: case Tag::k_address:
      return true;
    default:
      return false;
  }
}

// Elements whose text is owned by themselves rather than by an enclosing block.
bool owns_text(Tag t) { return is_block_tag(t) && t != Tag::k_br; }

constexpr float kFragmentCost = 25;      // a block of text that is not a paragraph starts at -25
constexpr float kLinkPenalty = 1.5f;     // a character of link text counts -1.5
// A sign-up box is the form and its pitch ("The week's stories in your inbox", the consent
// line): its text stays under this many characters.
constexpr uint32_t kSignupBoxMaxChars = 500;
// <noscript> is what a crawler without scripts sees (some forums serve their whole thread
// there); a short one is a "please enable JavaScript" note or a tracking pixel. So is a longer
// one, up to kNoscriptNoticeMaxChars, that names scripts or the browser in any language
// (rules.h names_script_or_browser): a Chinese notice of 70 characters weighs 210 (text_width)
// and outweighed a short post.
constexpr uint32_t kNoscriptMinChars = 200;
constexpr uint32_t kNoscriptNoticeMaxChars = 1000;
// Below this much kept text (absolute, and as a share of the page's visible text), the rules
// are relaxed and the selection runs again.
constexpr float kMinKeptChars = 50;
constexpr float kMinKeptShare = 0.02f;
// A second try at the strict rules with the one rule that emptied the page let off
// (bulk_drop_rule) must keep this share of that rule's text outside links.
constexpr float kBulkMinKept = 0.5f;
// Listing pages: the text region is found by descending while a child holds kRegionDescend of
// the text; it replaces the prose container when that holds under kListSwitchShare of it.
constexpr float kRegionDescend = 0.75f;
constexpr float kListSwitchShare = 0.25f;
constexpr uint32_t kListMinChars = 300;
// On a page typed as a listing or collection, a region that is itself a card list may be
// small (a category of four products, a shop's handful of subcategory tiles): the strict
// rules' container beside it is then an empty wrapper or a card's own line, and without the
// switch the rules were relaxed and the page's menus and sidebars came back around the cards.
// kMinKeptChars: what a selection must keep not to be relaxed.
constexpr uint32_t kTypedListMinChars = 50;
// A listing region whose prose is this share of its text is a text in several blocks.
constexpr float kRegionProseTextShare = 0.5f;
constexpr float kListWidenMax = 1.5f;  // a region beside the prose container takes it in up to this
constexpr uint32_t kProseMinChars = 80;
// A prose container with this much paragraph text is an article, whatever surrounds it.
constexpr uint32_t kArticleMinProse = 1500;  // own text of a block that reads as a paragraph
constexpr float kListPlainRatio = 0.5f;
// On a page typed article (SelectionHints::strict_listing_switch), the prose outside the prose
// container must weigh this much of it for the region to win. Between 1.4 (a "Politics" strip
// of headlines with one-line summaries beside a photo essay's 680-character intro, newspaper)
// and 2.0 (wcxb-dev: an article whose paragraphs sit in several blocks, where the region is
// right), the sets score the same.
constexpr float kArticleListProseRatio = 1.5f;
// A container that reads as a text of paragraphs (kTextMinBlocks paragraph blocks or more,
// kTextProseShare of its text prose, kTextMaxLinkShare links at most, and half of
// kArticleMinProse of prose) is judged as on a page typed article, whatever the page's type: a
// story without class names has its comments, a column of other headlines and the site's menus
// in the region around it, all short lines, and little prose beside its own. A listing's region
// holds its cards' summaries. Measured: with 450 (and 300) a service page's ten short
// paragraphs (wcxb-dev) stayed alone beside the lines they describe; at 600 to 900 the sets
// score the same; with a share of 0.75, a product's blurb of ten blocks, 79% prose, lost its
// requirements beside it.
constexpr uint32_t kTextMinBlocks = 4;
constexpr float kTextProseShare = 0.8f;
constexpr float kTextMaxLinkShare = 0.05f;
// On a page typed as a listing or collection, a container of at most this many paragraph
// blocks is the list's intro (a heading and a sentence or two); more is a text of its own.
// Measured: 6 gains two collection intros on wcxb-dev but takes a blog post of five short
// paragraphs (goose3) to the list of recent posts beside it; 20, a story of 14 (magic-html).
constexpr uint32_t kListIntroMaxBlocks = 3;
// Such an intro gives way to its list while the list is the larger part of the region.
constexpr float kListIntroMaxShare = 0.5f;
// Pruning may not take more than this share of the container's text: past it, the container's
// link blocks are its content.
constexpr float kMaxPrunedShare = 0.2f;
constexpr float kHintBonus = 0.15f;      // <article>, <main>, itemprop=articleBody, role=main
// Typed pages (SelectionHints): the <h1> is taken in when the links of what that adds are at
// most this share of its text; a hidden block is kept as prose when its links are under
// kHiddenProseMaxLinks of its text and paragraphs make kHiddenProseMinShare of it.
constexpr float kWidenMaxLinkShare = 0.5f;
constexpr float kHiddenProseMaxLinks = 0.2f;
// A run of sibling <section>s of a service page (SelectionHints::widen_to_sections): two may be
// an article and its comments; three and more are the parts of one page.
constexpr int kMinSiblingSections = 3;
constexpr float kHiddenProseMinShare = 0.3f;
// A block whose text (this long at least) repeats an earlier kept block is a copy: a
// responsive page's second version of a section, a banner repeated down the page.
constexpr size_t kDuplicateMinChars = 25;
// On a product page (SelectionHints::duplicates_by_innermost_block) a shorter block repeated is a
// copy too: the shop prints its colour or size name, price, perks ("Free returns") and claims
// again in a sticky bar, a mobile layout or each slide. Under this length a repeat is a
// specifications table's own ("Yes", "4 mm").
constexpr size_t kShortDuplicateMinChars = 8;
// On other pages (articles above all), a section printed twice (a responsive page's desktop
// and mobile copies of the story, a slideshow's slides printed again after its intro) goes
// as a whole: a run of at least kRepeatedRunMinBlocks consecutive blocks and
// kRepeatedRunMinChars characters repeating an earlier run in the same order, that makes up
// kRepeatedRunCover of an element's text. Single repeated blocks stay (an interview asks each
// guest the same question, a meal plan repeats a meal, each webcam has the same credit line:
// dev, wcxb-dev), as does a run that is part of a larger element (a card's repeated lines).
constexpr size_t kRepeatedRunMinBlocks = 2;
constexpr uint32_t kRepeatedRunMinChars = 100;
constexpr float kRepeatedRunCover = 0.9f;
// A run is followed for at most this many blocks: a page of thousands of equal blocks made
// every block compare the whole run before it (quadratic: 700,000 blocks took minutes).
constexpr size_t kRepeatedRunMaxBlocks = 1024;
// The heading and notice of a comment section filled by script are a short block: at most
// this many characters (two short paragraphs of house rules).
constexpr uint32_t kCommentNoticeMaxChars = 400;
// A list heading ("Similar items") is a short block; the section it opens goes when it is a
// list: this much of it is link text, or at most this much of it is prose.
constexpr uint32_t kListHeadingMaxChars = 60;
constexpr float kListLinkShare = 0.3f;
constexpr float kListProseShare = 0.5f;
// At most this many list headings per pass: the work per heading is up to a walk of its
// section's siblings and ancestors, so a page of thousands of "Related" headings stays linear.
constexpr size_t kMaxListHeadings = 32;
// A template's filler text goes from this many blocks on (one may be a quotation); at most
// this many are remembered per page.
constexpr size_t kMinFillerBlocks = 2;
constexpr size_t kMaxFillerBlocks = 1024;
// Fine-print blocks remembered per page (a bound on the work, not a limit met in practice).
constexpr size_t kMaxFinePrint = 64;
// A fine-print block holding more than this share of the container's text is its content.
constexpr float kFinePrintMaxShare = 0.5f;
// The author's box under an article ("About the author", the name, a short bio, a link to the
// author's page) is a short block: at most this many characters. A longer section under such a
// heading is an essay's part (a review's "About the author" of the book).
constexpr uint32_t kAuthorBoxMaxChars = 900;
// A block this short is compared with the boilerplate phrases (rules.cpp kPhrases).
constexpr uint32_t kPhraseMaxChars = 120;
// A link that opens with an ad label ("广告", "Anzeige") is an ad up to this many characters: a
// promoted headline; a longer link is a paragraph that a label only starts.
constexpr uint32_t kAdLinkMaxChars = 200;
// A counting heading that quotes the post's title ("59 Comments on “Title”") is longer than a
// phrase.
constexpr uint32_t kCommentHeadingMaxChars = 240;
constexpr int kInPageTocMinLinks = 3;
// A site's menu above the <h1> in a list-mode container: this many links, this share of its text.
constexpr int kMenuMinLinks = 8;
// A typed page's container of this share of links, without weight, prose or an <h1> on the page,
// is its chrome ("chrome-only" without a chrome tag).
constexpr float kChromeOnlyMinLinkShare = 0.8f;
constexpr float kMenuMinLinkShare = 0.8f;
// ... and at most this much text besides its links.
constexpr uint32_t kMenuMaxOtherChars = 200;

// A paragraph of links to the page's own parts ("Contents: <a href="#hive">The hive</a> | ...")
// is the page's table of contents, navigation, though a <p> is otherwise spared the link-dense
// rule (its links are the text's). At least kInPageTocMinLinks links, all to a fragment of
// this page.
bool links_within_page(const Document& doc, NodeId n) {
  bool any = false;
  for (NodeId d = doc.next_in_subtree(n, n); d != kNoNode; d = doc.next_in_subtree(d, n)) {
    if (!doc.is_element(d, Tag::k_a)) continue;
    const std::string_view href = trim(doc.attr(d, "href"));
    if (href.size() < 2 || href.front() != '#') return false;
    any = true;
  }
  return any;
}

// A Chinese platform's notice under a post (rules.cpp is_platform_notice) runs to about 60
// characters (width 180); a block this wide holding its formula is the notice.
constexpr uint32_t kPlatformNoticeMaxChars = 360;
// The first and last lines of a container (edge_line) that are chrome: a copyright notice is
// at most this long (a notice with the author's name and "Best viewed with ..." is 80-120
// characters; a paragraph about copyright is longer), a breadcrumb trail at most
// kBreadcrumbMaxChars, a row of links ("Back to poems | Home") is at least kEdgeLinksMinShare
// link text. At most kMaxEdgeLines lines go at each end.
constexpr uint32_t kCopyrightLineMaxChars = 200;
constexpr uint32_t kBreadcrumbMaxChars = 150;
constexpr float kEdgeLinksMinShare = 0.8f;
constexpr int kMaxEdgeLines = 3;
// The footer a copyright notice closes (drop_edge_chrome_lines "legal-footer"): at least this
// many links, at least this share of its text in them, at most this many characters and at most
// this share of the container's; the notice within its last bytes.
constexpr uint32_t kLegalFooterMinLinks = 5;
constexpr float kLegalFooterMinLinkShare = 0.35f;
constexpr uint32_t kLegalFooterMaxChars = 4000;
constexpr float kLegalFooterMaxShare = 0.5f;  // of the container's text: a footer is not most of it
constexpr size_t kLegalFooterTailBytes = 1000;
constexpr int kLegalFooterMaxAfterBlocks = 2;
constexpr uint32_t kLegalFooterMaxAfterChars = 200;
// A menu of one link per line opening the container: at least kMenuMinLines such lines, looked at
// up to kMaxMenuLines.
constexpr int kMenuMinLines = 2;
constexpr int kMaxMenuLines = 16;
// A block of the container that only says when the page was last updated ("Last updated on
// May 3, 2024"): the label (kUpdateLabels), a date and at most kUpdateLineMaxLetters other
// letters ("on", "at 9:27 am"), between kUpdateLineMinChars and kUpdateLineMaxChars wide.
constexpr uint32_t kUpdateLineMinChars = 10;
constexpr uint32_t kUpdateLineMaxChars = 64;
constexpr uint32_t kUpdateLineMaxLetters = 6;
// A price line (SelectionHints::drop_price_lines): a block of at most kPriceLineMaxWords words
// and kPriceLineMaxChars characters with a currency sign or code by a number.
constexpr uint32_t kPriceLineMaxChars = 64;
constexpr int kPriceLineMaxWords = 6;
// Longest first: "last updated" before "updated".
constexpr std::string_view kUpdateLabels[] = {
    "last updated", "last modified", "page last updated", "page updated", "updated", "modified",
    "zuletzt aktualisiert", "aktualisiert", "mis à jour", "actualizado", "atualizado", "aggiornato"};
// The label of kUpdateLabels, then a date, and few other letters: "Updated on May 3, 2024 at
// 9:27 am", not "Updated guidance for May 3, 2024".
bool is_update_line(std::string_view text, std::vector<DateHit>& dates) {
  for (std::string_view label : kUpdateLabels) {
    if (!istarts_with(text, label)) continue;
    std::string_view rest = text.substr(label.size());
    if (!rest.empty() && (std::isalnum(static_cast<unsigned char>(rest[0])) != 0)) return false;
    dates.clear();
    find_dates(rest, DayOrder::kMonthFirst, dates, 1);
    if (dates.empty()) return false;
    uint32_t letters = 0;
    for (size_t i = 0; i < rest.size(); ++i) {
      if (i == dates[0].begin) i = dates[0].end;
      if (i < rest.size() && std::isalpha(static_cast<unsigned char>(rest[i])) != 0) ++letters;
    }
    return letters <= kUpdateLineMaxLetters;
  }
  return false;
}

constexpr uint32_t kTeaserMinItems = 3;  // look-alike siblings that make a list of cards
// A headed list may hold more than half of the page's text when at least this many cards
// make it and this much prose stays outside it (drop_headed_list).
constexpr uint32_t kHeadedListMinCards = 5;
constexpr uint32_t kHeadedListMinProseLeft = 100;
constexpr uint32_t kTeaserMaxChars = 800;  // a card longer than this is content, not a teaser
constexpr float kTeaserShare = 0.25f;    // share of a card list's weight its parent counts
// A product grid on a shop's category page: at least this many cards, of at least this many
// characters each on average (a name and a price, not a menu's one-word links).
constexpr uint32_t kGridMinCards = 12;
constexpr uint32_t kGridMinCardChars = 20;
// A class rule (a wrapper named for the filters and pagination around a shop's product grid)
// yields on a page typed as a listing or collection when its element holds a product grid
// (kGridMinCards cards of kGridMinCardChars) that is this share of the page's text at least:
// the grid is what the page lists, whatever its wrapper is called.
constexpr float kGridYieldShare = 0.3f;
constexpr float kTeaserListMinLinkShare = 0.25f;  // inside an article, a card list this linky goes
// A card (a teaser item: one of >= 3 look-alike siblings with links) has a headline of its own,
// a link to its record: it is no orphan-heading when what follows it in the card (a byline and
// date in a card "footer") was dropped. A headline is in a card when an ancestor up to
// kCardPartMaxDepth levels up is one.
constexpr int kCardPartMaxDepth = 4;
// A drop rule yields when its element holds nearly all of the page's prose, so that dropping it
// would leave no article (a <form> or a "sidebar" wrapping the article, a review whose sections
// look like a teaser list): this share of the prose characters of the page (or of the
// container, when pruning), at least kYieldMinProse of them, and links under kYieldMaxLinkShare
// of its text. At half the prose, a short article's sidebar of excerpts, a footer of legal
// print or a promotion bar yielded too (wcxb-dev, dev): the share is where the rest of the page
// no longer holds an article of its own.
constexpr float kYieldProseShare = 0.8f;
// Rules that name a column beside the content never yield: when a sidebar holds the prose (an
// activity feed of excerpts), the content is the thin column beside it (a forum thread of
// short posts; magic-html).
constexpr std::string_view kColumnRules[] = {"tag:aside", "role:complementary", "class:sidebar"};
constexpr uint32_t kYieldMinProse = 400;
constexpr float kYieldMaxLinkShare = 0.3f;
// Forum threads (SelectionHints::widen_to_posts): at least kMinPosts look-alike posts, holding
// kPostsMinShare of their parent's text, the others under kPostsMaxLinkShare link text.
constexpr uint32_t kMinPosts = 2;
constexpr float kPostsMinShare = 0.6f;
constexpr float kPostsMaxLinkShare = 0.5f;
constexpr float kClimbMaxLinkShare = 0.3f;
// A post's header above its text: the thread's title, the poster's name and the date line
// (two lines of text; text_width counts a CJK character as three).
constexpr uint32_t kPostHeaderMaxChars = 200;
// A poster's rank under the name: a few words ("Senior Member", "Platinum Contributor").
constexpr uint32_t kPosterTitleMaxChars = 60;
constexpr std::string_view kPosterTitleRule = "class:poster-title";
// A count printed once per vote state (a score as it reads after the reader's down-vote,
// without a vote and after an up-vote: "188 points", "189 points", "190 points"), of which the
// stylesheet shows the one for the reader's vote. Each is short: a number and a word or two.
constexpr uint32_t kVoteCountMaxChars = 40;
// The pass name in the warning of a page whose time budget ran out here.
constexpr std::string_view kPass = "content selection";

// The first element from s on, stepping by `step` (next_sibling or prev_sibling), over white
// space and comment nodes only; kNoNode when text stands between or no element is left.
NodeId skip_to_element(const Document& doc, NodeId s, NodeId Node::*step) {
  for (; s != kNoNode; s = doc.node(s).*step) {
    const Node& sn = doc.node(s);
    if (sn.kind == NodeKind::kElement) return s;
    if (sn.kind == NodeKind::kText && !trim(doc.text(s)).empty()) return kNoNode;
  }
  return kNoNode;
}

// The next element after n among its siblings; kNoNode when text stands between them or n is
// the last.
NodeId next_element_sibling(const Document& doc, NodeId n) {
  return skip_to_element(doc, doc.node(n).next_sibling, &Node::next_sibling);
}

// The element before n among its siblings.
NodeId prev_element_sibling(const Document& doc, NodeId n) {
  return skip_to_element(doc, doc.node(n).prev_sibling, &Node::prev_sibling);
}

// The first element child of n.
NodeId first_element_child(const Document& doc, NodeId n) {
  return skip_to_element(doc, doc.node(n).first_child, &Node::next_sibling);
}

// The first class name of a class attribute (an element's kind in a look-alike run), empty
// when it has none.
std::string_view first_class_of(std::string_view classes) {
  classes = trim(classes);
  return classes.substr(0, classes.find_first_of(" \t\n\r\f"));
}
std::string_view first_class(const Document& doc, NodeId n) { return first_class_of(doc.attr(n, "class")); }

// A site's name is short: a longer <title> segment is a headline part, not a name.
constexpr size_t kMaxSiteNameChars = 40;

// The names a page gives its site (names_site_after_more): og:site_name and application-name,
// and the last segment of its <title> as split_title cuts it ("Ferry fares rise | Harbour
// Gazette"). Only the <head> is read, once per selection.
std::vector<std::string> page_site_names(const Document& doc) {
  std::vector<std::string> names;
  auto add = [&names](std::string_view name) {
    name = trim(name);
    if (!name.empty() && name.size() <= kMaxSiteNameChars) names.emplace_back(name);
  };
  for (NodeId n = doc.root(); n != kNoNode;) {
    const Node& e = doc.node(n);
    if (e.kind == NodeKind::kElement && e.tag == Tag::k_body) break;
    if (e.kind == NodeKind::kElement && e.tag == Tag::k_meta) {
      const std::string_view key = doc.attr(n, "property").empty() ? doc.attr(n, "name") : doc.attr(n, "property");
      if (key == "og:site_name" || key == "application-name") add(doc.attr(n, "content"));
    } else if (e.kind == NodeKind::kElement && e.tag == Tag::k_title) {
      std::string title;
      doc.append_text(n, title);
      const std::vector<std::string_view> segments = split_title(title);
      if (segments.size() > 1) add(segments.back());
      n = doc.next_skip_children(n, doc.root());
      continue;
    }
    n = doc.next_in_subtree(n, doc.root());
  }
  return names;
}

// The titles a page gives itself in its <head>: the <title> and og:title, white space collapsed,
// ASCII lower case (story_under_headline: whether the <h1> is the page's headline).
std::vector<std::string> page_titles(const Document& doc) {
  std::vector<std::string> titles;
  for (NodeId n = doc.root(); n != kNoNode;) {
    const Node& e = doc.node(n);
    if (e.kind == NodeKind::kElement && e.tag == Tag::k_body) break;
    if (e.kind == NodeKind::kElement && e.tag == Tag::k_meta) {
      const std::string_view key = doc.attr(n, "property").empty() ? doc.attr(n, "name") : doc.attr(n, "property");
      if (key == "og:title") titles.push_back(ascii_lowercase(collapse_whitespace(doc.attr(n, "content"))));
    } else if (e.kind == NodeKind::kElement && e.tag == Tag::k_title) {
      std::string title;
      doc.append_text(n, title);
      titles.push_back(ascii_lowercase(collapse_whitespace(title)));
      n = doc.next_skip_children(n, doc.root());
      continue;
    }
    n = doc.next_in_subtree(n, doc.root());
  }
  return titles;
}

// A short text read as words around one number: the words before it, the number and whether
// the words after it hold no digit.
struct CountText {
  std::string before;
  uint64_t number = 0;
  bool is_count = false;
};

CountText read_count(const Document& doc, NodeId n) {
  CountText c;
  std::string text;
  doc.append_text(n, text);
  const size_t first = text.find_first_of("0123456789");
  if (first == std::string::npos) return c;
  size_t end = first;
  while (end < text.size() && end - first < 18 && is_ascii_digit(text[end]))
    c.number = c.number * 10 + static_cast<uint64_t>(text[end++] - '0');
  if (text.find_first_of("0123456789", end) != std::string::npos) return c;
  c.before = std::string(trim(std::string_view(text).substr(0, first)));
  // A count names what it counts ("points", "votes"); a bare number is a page link or a note.
  for (char ch : text) c.is_count = c.is_count || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch & 0x80);
  return c;
}

// Whether n opens a count printed in its three vote states (kVoteCountMaxChars): n and the next
// two element siblings, of n's tag and first class name, read the same words around a number
// that rises by one from each to the next, and the element before n is none of them. The
// middle one is the count as the page stands; the other two are only shown once the reader
// votes (old Reddit's "score dislikes", "score unvoted", "score likes").
bool opens_vote_states(const Document& doc, const ContentSelection& sel, NodeId n, std::string_view classes,
                       NodeId& last) {
  // Each state has a class of its own beside the kind ("score likes"): a pager's page links and
  // a list's numbered steps share theirs, or differ only in the current one. Most elements end
  // here (a highlighted code block's thousands of one-class spans).
  const std::string_view ca = trim(classes);
  const std::string_view kind = first_class_of(ca);
  if (kind.empty() || kind.size() == ca.size()) return false;
  const Tag tag = doc.node(n).tag;
  const NodeId second = next_element_sibling(doc, n);
  if (second == kNoNode || doc.node(second).tag != tag) return false;
  auto alike = [&](NodeId s) {
    return s != kNoNode && doc.node(s).tag == tag && sel.stats[s].chars > 0 &&
           sel.stats[s].chars <= kVoteCountMaxChars && first_class(doc, s) == kind;
  };
  if (!alike(second)) return false;
  const NodeId third = next_element_sibling(doc, second);
  if (!alike(third)) return false;
  for (NodeId p = doc.node(n).prev_sibling; p != kNoNode; p = doc.node(p).prev_sibling) {
    if (doc.node(p).kind != NodeKind::kElement) continue;
    if (next_element_sibling(doc, p) == n && alike(p)) return false;
    break;
  }
  const std::string_view cb = trim(doc.attr(second, "class")), cc = trim(doc.attr(third, "class"));
  if (cb == kind || cc == kind || ca == cb || cb == cc || ca == cc) return false;
  const CountText a = read_count(doc, n), b = read_count(doc, second), c = read_count(doc, third);
  if (!a.is_count || !b.is_count || !c.is_count || a.before != b.before || b.before != c.before) return false;
  if (b.number != a.number + 1 || c.number != b.number + 1) return false;
  last = third;
  return true;
}

// Whether an element's stats read as a shop's product grid: kGridMinCards cards or more, of
// kGridMinCardChars each on average (a linked name and a price, not a menu's one-word links).
bool is_card_grid(const NodeStats& st) {
  return st.items >= kGridMinCards && st.chars >= kGridMinCardChars * st.items;
}

// Whether the markup hides n: the hidden attribute, aria-hidden="true" or an inline style.
// hidden="until-found" is a collapsed section that find-in-page opens (an accordion panel, as
// a closed <details> is): the page's content, read as <details> is.
bool hidden_by_markup(const Document& doc, NodeId n) {
  return (doc.has_attr(n, "hidden") && !iequals(trim(doc.attr(n, "hidden")), "until-found")) ||
         doc.attr(n, "aria-hidden") == "true" || style_hides(doc.attr(n, "style"));
}

// Whether n holds a product grid with kGridYieldShare of the page's body_chars: its subtree is
// walked only when n itself holds that much.
bool holds_page_grid(const Document& doc, const ContentSelection& sel, NodeId n, float body_chars) {
  if (sel.stats[n].chars < kGridYieldShare * body_chars) return false;
  for (NodeId d = n; d != kNoNode; d = doc.next_in_subtree(d, n)) {
    const NodeStats& st = sel.stats[d];
    if (is_card_grid(st) && st.chars >= kGridYieldShare * body_chars)
      return true;
  }
  return false;
}

// A shop's or search's faceted filter panel, named by no class: a list of at least
// kMinFilterOptions short options (up to kMaxFilterOptionChars each), most of them
// (kFilterOptionShare) a checkbox or radio button to tick or a choice followed by how many
// items it leaves, "Canon (125)". Each option is a handful of nodes: its walk is capped at
// kMaxFilterOptionNodes.
// A card's call to action is a few words: "Quick view", "Add to bag". Measured on wcxb-dev: 40
// gains one job board more but loses three shop pages their short labels (collection -0.001).
constexpr uint32_t kCallToActionMaxChars = 24;
constexpr uint32_t kMinFilterOptions = 4;
constexpr uint32_t kMaxFilterOptionChars = 40;
constexpr float kFilterOptionShare = 0.8f;
constexpr int kMaxFilterOptionNodes = 48;

bool is_filter_option(const Document& doc, NodeId option) {
  char tail[8] = {};  // the last non-space bytes of the option's text, newest last
  size_t kept = 0;
  int budget = kMaxFilterOptionNodes;
  bool tick = false;
  for (NodeId d = option; d != kNoNode && budget-- > 0; d = doc.next_in_subtree(d, option)) {
    const Node& node = doc.node(d);
    // A heading names a tile of the list itself (a shop's subcategory with its picture, its
    // name and how many products it holds, "Radios (4)"): a filter's choice is no heading.
    if (node.kind == NodeKind::kElement && is_heading_tag(node.tag)) return false;
    if (node.kind == NodeKind::kElement && node.tag == Tag::k_input) {
      const std::string_view type = doc.attr(d, "type");
      tick |= iequals(type, "checkbox") || iequals(type, "radio");
    } else if (node.kind == NodeKind::kText) {
      for (char c : doc.text(d)) {
        if (is_ascii_space(c)) continue;
        if (kept == sizeof tail) std::memmove(tail, tail + 1, --kept);
        tail[kept++] = c;
      }
    }
  }
  if (tick) return true;
  // "(125)": a closing bracket after digits after an opening one.
  if (kept < 3 || tail[kept - 1] != ')') return false;
  size_t i = kept - 1;
  while (i > 0 && tail[i - 1] >= '0' && tail[i - 1] <= '9') --i;
  return i >= 2 && i < kept - 1 && tail[i - 1] == '(';
}

bool is_call_to_action(const Document& doc, NodeId n, const NodeStats& st) {
  if (st.chars == 0 || st.chars > kCallToActionMaxChars) return false;
  if (iequals(doc.attr(n, "role"), "button")) return true;
  std::string key;
  append_class_id_key(key, doc.attr(n, "class"), doc.attr(n, "id"));
  return names_button(key);
}

// Whether an element holds a picture (<img>, <picture>): an item's card shows one, a filter
// panel does not.
bool holds_picture(const Document& doc, NodeId n) {
  for (NodeId d = doc.node(n).first_child; d != kNoNode; d = doc.next_in_subtree(d, n))
    if (doc.is_element(d, Tag::k_img) || doc.is_element(d, Tag::k_picture)) return true;
  return false;
}

bool is_filter_panel(const Document& doc, const ContentSelection& sel, NodeId list) {
  const NodeStats& st = sel.stats[list];
  if (st.prose_chars > 0 || st.chars < kMinFilterOptions) return false;
  uint32_t options = 0, with_text = 0;
  for (NodeId c = doc.node(list).first_child; c != kNoNode; c = doc.node(c).next_sibling) {
    if (doc.node(c).kind != NodeKind::kElement || !sel.drop[c].empty() || sel.stats[c].chars == 0) continue;
    ++with_text;
    if (sel.stats[c].chars <= kMaxFilterOptionChars && is_filter_option(doc, c)) ++options;
  }
  return options >= kMinFilterOptions && options >= kFilterOptionShare * with_text;
}

// Inside the site's navigation: a <nav>, <header> or <footer> element or role=navigation,
// kept only because it holds most of the page's text.
bool in_navigation(const Document& doc, NodeId n) {
  for (; n != kNoNode; n = doc.node(n).parent) {
    const Node& e = doc.node(n);
    if (e.kind != NodeKind::kElement) continue;
    if (e.tag == Tag::k_nav || e.tag == Tag::k_header || e.tag == Tag::k_footer || doc.attr(n, "role") == "navigation")
      return true;
  }
  return false;
}

// Inside an <article> below scope (or scope itself): a story of its own, such as the text of a
// video page above the list of other videos, not a list's intro.
bool in_article(const Document& doc, NodeId n, NodeId scope) {
  for (; n != kNoNode; n = doc.node(n).parent) {
    if (doc.is_element(n, Tag::k_article)) return true;
    if (n == scope) break;
  }
  return false;
}

// A layout part's or caption's class word that occurs only as a BEM element
// ("listing-card__header", "item__footer", "rating__caption"): the header, footer or caption of
// a component (a card's title row, its price and shipping line, its star rating read out), not
// the page's header and footer or a photo's caption.
bool names_component_part(std::string_view classes, std::string_view rule) {
  const std::string_view word = rule == "class:header"    ? "header"
                                : rule == "class:footer"  ? "footer"
                                : rule == "class:caption" ? "caption"
                                                          : "";
  if (word.empty()) return false;
  bool found = false;
  for (size_t pos = 0; (pos = classes.find(word, pos)) != std::string_view::npos; pos += word.size()) {
    if (pos < 2 || classes.substr(pos - 2, 2) != "__") return false;
    found = true;
  }
  return found;
}

// The page's heading: its only <h1> with visible text outside dropped blocks, or kNoNode;
// with first_of_several, the first of them.
NodeId only_visible_h1(const Document& doc, const ContentSelection& sel, bool first_of_several = false) {
  NodeId h1 = kNoNode;
  for (NodeId n = sel.body; n != kNoNode;) {
    if (!sel.drop[n].empty()) {
      n = doc.next_skip_children(n, sel.body);
      continue;
    }
    if (doc.is_element(n, Tag::k_h1) && sel.stats[n].chars > 0) {
      if (h1 != kNoNode) return first_of_several ? h1 : kNoNode;  // else none of them is the heading
      h1 = n;
    }
    n = doc.next_in_subtree(n, sel.body);
  }
  return h1;
}

// Whether the page has an <h1> with text that is not hidden (one that a chrome rule dropped
// counts: a wiki's heading in its <header>). Linear; for a rare branch only.
bool has_shown_h1(const Document& doc, const ContentSelection& sel) {
  std::string text;
  for (NodeId n = sel.body; n != kNoNode; n = doc.next_in_subtree(n, sel.body)) {
    if (!doc.is_element(n, Tag::k_h1)) continue;
    bool hidden = false;
    for (NodeId a = n; a != kNoNode && !hidden; a = doc.node(a).parent) hidden = sel.drop[a] == "hidden";
    if (hidden) continue;
    text.clear();
    doc.append_text(n, text);
    if (text.find_first_not_of(" \t\r\n") != std::string::npos) return true;
  }
  return false;
}

// Whether a block holds most of the prose of a scope holding scope_prose: then no drop rule
// takes it (kYieldProseShare).
bool holds_most_prose(const NodeStats& st, uint32_t scope_prose, float max_link_share = kYieldMaxLinkShare) {
  return st.prose_chars >= kYieldMinProse && st.prose_chars > kYieldProseShare * scope_prose &&
         st.link_chars < max_link_share * st.chars;
}

// What a <noscript> holds: content (a thread served to crawlers), a short note or pixel, or a
// notice about scripts or the browser.
enum class Noscript { kContent, kShort, kNotice };

Noscript noscript_kind(const Document& doc, NodeId noscript, const NodeStats& st) {
  if (st.chars > kNoscriptNoticeMaxChars) return Noscript::kContent;
  std::string text;
  doc.append_text(noscript, text);
  if (names_script_or_browser(text)) return Noscript::kNotice;
  return st.chars < kNoscriptMinChars ? Noscript::kShort : Noscript::kContent;
}

// schema.org microdata that marks a post of a thread: its type (itemtype is a URL ending in
// the type's name) or the property it fills in the thread's item (itemprop, a list).
constexpr std::string_view kSchemaPostTypes[] = {"DiscussionForumPosting", "SocialMediaPosting", "Comment",
                                                 "Question", "Answer"};
constexpr std::string_view kSchemaPostProps[] = {"comment", "suggestedAnswer", "acceptedAnswer"};

// A template's filler text ("Lorem ipsum dolor sit amet, ..."), shipped with a theme and left on
// the page: a block whose first words, reached through inline elements only, are it. One such
// paragraph may be quoted by a page about typesetting; two or more are a template's demo blocks
// (prune drops them then, as "placeholder-text").
bool opens_with_filler_text(const Document& doc, NodeId n) {
  NodeId c = doc.node(n).first_child;
  for (int depth = 0; c != kNoNode && depth < 4;) {
    const Node& cn = doc.node(c);
    if (cn.kind == NodeKind::kText && visible_chars(doc.text(c)) > 0)
      return istarts_with(trim(doc.text(c)), "lorem ipsum");
    if (cn.kind != NodeKind::kElement) {
      c = cn.next_sibling;
      continue;
    }
    if (is_block_tag(cn.tag)) return false;  // the block below is judged on its own
    c = cn.first_child;
    ++depth;
  }
  return false;
}

bool is_schema_post(const Document& doc, NodeId n) {
  if (!doc.has_attr(n, "itemtype") && !doc.has_attr(n, "itemprop")) return false;
  for (std::string_view type : split_any(doc.attr(n, "itemtype"), " \t\n\r\f")) {
    type = type.substr(type.find_last_of('/') + 1);  // npos + 1 == 0: the whole word
    for (std::string_view t : kSchemaPostTypes)
      if (type == t) return true;
  }
  for (std::string_view prop : split_any(doc.attr(n, "itemprop"), " \t\n\r\f"))
    for (std::string_view p : kSchemaPostProps)
      if (prop == p) return true;
  return false;
}

// A letter avatar shows one to three letters or digits (a poster's initials).
constexpr uint32_t kInitialsMaxChars = 3;

// Whether n is a picture of a few letters or digits: role="img" over a single text child of
// ASCII letters and digits. An emoji drawn with role="img" is no such picture: it stays.
bool is_initials_image(const Document& doc, NodeId n) {
  const NodeId child = doc.node(n).first_child;
  if (child == kNoNode || doc.node(child).next_sibling != kNoNode || doc.node(child).kind != NodeKind::kText) return false;
  if (!iequals(doc.attr(n, "role"), "img")) return false;
  const std::string_view text = trim(doc.text(child));
  if (text.empty()) return false;
  for (char c : text)
    if (!is_ascii_digit(c) && !((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) return false;
  return true;
}

// Whether n holds a post that schema.org microdata marks (is_schema_post) with text.
bool holds_schema_post(const Document& doc, const ContentSelection& sel, NodeId n) {
  for (NodeId d = doc.next_in_subtree(n, n); d != kNoNode; d = doc.next_in_subtree(d, n))
    if (doc.node(d).kind == NodeKind::kElement && sel.stats[d].chars > 0 && is_schema_post(doc, d)) return true;
  return false;
}

// The comments under a post that says what it is (an answer's remarks on Stack Exchange) are
// remarks on that post, not replies of the thread: they stay a comment section.
bool in_schema_post(const Document& doc, NodeId n) {
  for (NodeId a = doc.node(n).parent; a != kNoNode; a = doc.node(a).parent)
    if (doc.node(a).kind == NodeKind::kElement && is_schema_post(doc, a)) return true;
  return false;
}

// Whether a sibling of n is a field a reader types into (a text or search <input>, a
// <textarea>): text beside it in an element its class calls a placeholder is what the field
// shows until the reader types, drawn over it (a portal's trending searches rotated in its search
// box), not the page's.
bool beside_text_field(const Document& doc, NodeId n) {
  for (NodeId s = doc.node(doc.node(n).parent).first_child; s != kNoNode; s = doc.node(s).next_sibling) {
    const Node& node = doc.node(s);
    if (s == n || node.kind != NodeKind::kElement) continue;
    if (node.tag == Tag::k_textarea) return true;
    if (node.tag != Tag::k_input) continue;
    const std::string_view type = doc.attr(s, "type");
    if (type.empty() || iequals(type, "text") || iequals(type, "search")) return true;
  }
  return false;
}

// Whether a text node in n holds a platform notice's formula, read in place: most blocks of a
// page reach this test, and copying each one's text cost more than the test.
bool holds_platform_notice(const Document& doc, NodeId n) {
  for (NodeId d = n; d != kNoNode; d = doc.next_in_subtree(d, n))
    if (doc.node(d).kind == NodeKind::kText && is_platform_notice(doc.text(d))) return true;
  return false;
}

// Whether n has a child element of a block tag with text: then n is a wrapper, judged by its
// blocks one by one, not a paragraph.
bool has_text_block_child(const Document& doc, const ContentSelection& sel, NodeId n) {
  for (NodeId c = doc.node(n).first_child; c != kNoNode; c = doc.node(c).next_sibling)
    if (doc.node(c).kind == NodeKind::kElement && sel.stats[c].chars > 0 && is_block_tag(doc.node(c).tag)) return true;
  return false;
}

// Whether n holds a control a reader fills in (an <input> that is not hidden, a <textarea> or a
// <select>) or, with buttons, presses (a <button>).
bool holds_control(const Document& doc, NodeId n, bool buttons) {
  for (NodeId d = n; d != kNoNode; d = doc.next_in_subtree(d, n)) {
    const Node& node = doc.node(d);
    if (node.kind != NodeKind::kElement) continue;
    if (node.tag == Tag::k_textarea || node.tag == Tag::k_select || (buttons && node.tag == Tag::k_button)) return true;
    if (node.tag == Tag::k_input && !iequals(doc.attr(d, "type"), "hidden")) return true;
  }
  return false;
}

// Whether a <form> asks for nothing but an e-mail address to send things to: an <input
// type=email>, no <textarea> (a comment or contact form) and no password (a log-in form). It is
// a newsletter or alerts sign-up (signup_box).
bool is_email_signup_form(const Document& doc, NodeId form) {
  bool email = false;
  for (NodeId d = form; d != kNoNode; d = doc.next_in_subtree(d, form)) {
    const Node& node = doc.node(d);
    if (node.kind != NodeKind::kElement) continue;
    if (node.tag == Tag::k_textarea) return false;
    if (node.tag != Tag::k_input) continue;
    const std::string_view type = doc.attr(d, "type");
    if (iequals(type, "password")) return false;
    if (iequals(type, "email")) email = true;
  }
  return email;
}

// Whether a <form> holds a control a reader fills in or presses. In a thread, a form without one
// asks nothing of the reader: its text is what it shows (old Reddit prints each comment inside
// the form that would edit it, with a hidden input naming the comment). Not on other pages: a
// shop's buy box is a form whose buttons are links (Steam's "Add to Cart").
bool has_visible_control(const Document& doc, NodeId form) { return holds_control(doc, form, true); }

// Whether n holds a field a reader fills in (a dialog's close button is no field).
bool holds_input_field(const Document& doc, NodeId n) { return holds_control(doc, n, false); }

// Whether n is a live region: a part of the page that a script updates and screen readers
// announce (aria-live other than "off", or the ARIA roles status and alert, which imply it).
bool is_live_region(const Document& doc, NodeId n) {
  const std::string_view live = doc.attr(n, "aria-live");
  if (!live.empty() && !iequals(live, "off")) return true;
  const std::string_view role = doc.attr(n, "role");
  return iequals(role, "status") || iequals(role, "alert");
}

// Whether n holds a heading element (<h1>..<h6>).
bool holds_heading(const Document& doc, NodeId n) {
  for (NodeId d = n; d != kNoNode; d = doc.next_in_subtree(d, n))
    if (doc.node(d).kind == NodeKind::kElement && is_heading_tag(doc.node(d).tag)) return true;
  return false;
}

// A picture's caption without a <figcaption> (a page whose figure is plain boxes): the last of
// exactly two element children of a wrapper, after a box that shows a picture and next to no
// text of its own (a photo count), itself a short line without links or a heading. A card
// (picture and linked title) has its link; a section (picture and paragraphs) its length; a
// picture's paragraph and a paragraph, or a quotation's two parts, are the text's.
constexpr uint32_t kCaptionMaxChars = 300;
constexpr uint32_t kPictureBoxMaxChars = 4;
constexpr uint32_t kIconMaxPixels = 150;
bool is_picture_caption(const Document& doc, const ContentSelection& sel, NodeId n) {
  const NodeStats& st = sel.stats[n];
  if (st.chars == 0 || st.chars > kCaptionMaxChars || st.links > 0 || is_heading_tag(doc.node(n).tag) ||
      holds_heading(doc, n) || next_element_sibling(doc, n) != kNoNode)
    return false;
  // A word set off in the text's type (<b>, <sup>) beside a picture is the text's emphasis.
  switch (doc.node(n).tag) {
    case Tag::k_b: case Tag::k_strong: case Tag::k_em: case Tag::k_i: case Tag::k_u: case Tag::k_sup:
    case Tag::k_sub: case Tag::k_small: return false;
    default: break;
  }
  const NodeId parent = doc.node(n).parent;
  if (parent == kNoNode || parent == sel.main || doc.is_element(parent, Tag::k_blockquote)) return false;
  NodeId picture = kNoNode;
  for (NodeId c = doc.node(parent).first_child; c != kNoNode; c = doc.node(c).next_sibling) {
    const Node& cn = doc.node(c);
    if (cn.kind == NodeKind::kText && !trim(doc.text(c)).empty()) return false;
    if (cn.kind != NodeKind::kElement || c == n) continue;
    if (picture != kNoNode) return false;  // a third element child
    picture = c;
  }
  if (picture == kNoNode || picture > n || sel.stats[picture].chars > kPictureBoxMaxChars || sel.stats[picture].links > 1)
    return false;
  // Boxes that carry names (class, id) are judged by them: a named caption is the site's word
  // for it, and a line under a picture in named boxes is kept by sites that keep captions. The
  // shape speaks only for unnamed boxes (an old layout).
  for (const NodeId b : {n, parent, picture})
    if (doc.has_attr(b, "class") || doc.has_attr(b, "id")) return false;
  // A picture's paragraph, then a paragraph: two paragraphs of the text.
  if (doc.is_element(picture, Tag::k_p) && doc.is_element(n, Tag::k_p)) return false;
  if (!doc.is_element(picture, Tag::k_img) && !doc.is_element(picture, Tag::k_picture) && !holds_picture(doc, picture))
    return false;
  // A photo, not an icon or an avatar: an <img> set smaller than kIconMaxPixels either way, or
  // a drawing (.svg), shows a feature's icon or a quoted person's face beside their words.
  for (NodeId d = picture; d != kNoNode; d = doc.next_in_subtree(d, picture)) {
    if (!doc.is_element(d, Tag::k_img)) continue;
    for (std::string_view a : {"width", "height"}) {
      const std::string_view v = trim(doc.attr(d, a));
      uint32_t px = 0;
      size_t i = 0;
      for (; i < v.size() && v[i] >= '0' && v[i] <= '9' && px < 100000; ++i) px = px * 10 + (v[i] - '0');
      if (i > 0 && px < kIconMaxPixels) return false;
    }
    std::string_view src = doc.attr(d, "src");
    src = src.substr(0, src.find_first_of("?#"));
    if (src.size() >= 4 && iequals(src.substr(src.size() - 4), ".svg")) return false;
    break;
  }
  // The figure stands in the text's flow: prose beside it under its parent, and no look-alike
  // box (picture and line) next to it, as in a grid of features each an icon and its line.
  const NodeId flow = doc.node(parent).parent;
  if (flow == kNoNode || sel.stats[flow].prose_chars <= sel.stats[parent].prose_chars) return false;
  auto same_shape = [&](NodeId s) {
    if (s == kNoNode) return false;
    const NodeId a = first_element_child(doc, s);
    if (a == kNoNode) return false;
    const NodeId b = next_element_sibling(doc, a);
    return b != kNoNode && next_element_sibling(doc, b) == kNoNode && (holds_picture(doc, a) || doc.is_element(a, Tag::k_img));
  };
  return !same_shape(next_element_sibling(doc, parent)) && !same_shape(prev_element_sibling(doc, parent));
}

// A drawer's panel holds this share of the drawer's text (its close button and backdrop the
// rest).
constexpr float kDrawerPanelShare = 0.9f;

// Whether n lies inside the page's <main> or role=main (the part of the page its author marked
// as the content), and in no list item there (a card's own popover).
bool in_main_landmark(const Document& doc, NodeId n) {
  for (NodeId a = doc.node(n).parent; a != kNoNode; a = doc.node(a).parent) {
    if (doc.is_element(a, Tag::k_li)) return false;
    if (doc.is_element(a, Tag::k_main) || iequals(doc.attr(a, "role"), "main")) return true;
  }
  return false;
}

// A product's drawer holds a few sentences at least; an error notice or a seller's contact
// line is shorter.
constexpr uint32_t kDetailDialogMinChars = 200;

// A consent dialog known by its own words, for pages whose class names and ARIA roles are gone
// (consent_block). Its button says to accept or reject, in any of these languages (lower-cased
// ASCII; the rest of UTF-8 as written): English, German, Polish, Spanish, Italian, Portuguese,
// French, Dutch, Swedish, Norwegian, Danish, Czech, Slovak, Turkish, Finnish, Hungarian,
// Croatian, Greek, Russian, Chinese, Japanese, Korean.
constexpr std::string_view kConsentButtonWords[] = {
    "accept", "akzept", "akcept", "acept", "accett", "aceit", "agree", "allow", "erlaub",
    "zulassen", "zustimm", "einverstanden", "zgadzam", "rozumiem", "got it", "d'accord",
    "entendido", "akkoord", "godta", "godkänn", "souhlas", "súhlas", "kabul", "hyväksy",
    "elfogad", "prihva", "αποδοχ", "συμφων", "принять", "принима", "согла", "同意", "동의",
    "接受", "允许", "允許", "許可", "受け入れ", "수락", "허용",
    "reject", "ablehnen", "odrzu", "refuser", "rechaz", "rifiut", "recusar", "weiger", "avvis",
    "拒绝", "拒絕", "拒否", "거부"};
// Its text names cookies ...
constexpr std::string_view kConsentCookieWords[] = {"cookie", "ciasteczk", "çerez", "eväste",
                                                     "kolačić", "küpsis", "куки", "クッキー", "쿠키"};
// ... and consent, privacy or personal data.
constexpr std::string_view kConsentWords[] = {
    "consent", "privacy", "gdpr", "dsgvo", "datenschutz", "einwillig", "zustimm", "personenbezogen",
    "zgod", "prywatn", "dane osobowe", "consentement", "confidentialit", "données personnelles",
    "consenso", "riservatezza", "dati personali", "consentimiento", "privacidad", "datos personales",
    "privacidade", "dados pessoais", "toestemming", "samtyck", "samtykk", "souhlas", "súhlas",
    "gizlilik", "kvkk", "kişisel veri", "согласи", "персональн", "конфиденц", "隐私", "隱私",
    "个人信息", "個人情報", "プライバシー", "개인정보", "personal data"};
// How far up from its button the dialog's text is looked for, and its largest size: a dialog is
// a few screens of legal prose at most.
constexpr int kConsentMaxLevels = 8;
constexpr uint32_t kConsentMaxChars = 12000;
// ... and of all its text, hidden parts and markup indentation too.
constexpr size_t kConsentMaxTextBytes = 4 * kConsentMaxChars;
// It never holds most of the page's text, and lies at the page's start or end: the text before
// it or after it is at most this share of the page's.
constexpr float kConsentMaxShare = 0.8f;
constexpr float kConsentEdgeShare = 0.25f;
// Its words about cookies and consent: at least two, and one per this many characters (a
// dialog has one per 100 to 250, a page section that names its policy now and then one per 600).
constexpr size_t kConsentMinHits = 2;
constexpr uint32_t kConsentCharsPerHit = 400;
// A notice this short may stand anywhere: an embed's placeholder that asks to allow its cookies.
constexpr uint32_t kConsentNoticeMaxChars = 600;
// A button's label is short.
constexpr size_t kConsentButtonMaxBytes = 60;
// The buttons and labels looked at on a page (a shop's grid has one per card).
constexpr size_t kConsentMaxButtons = 2000;
// The nodes read under one wrapper: a dialog is a few hundred; a wrapper of this many empty
// elements is a page's layout (and nested wrappers must not each read a huge subtree).
constexpr size_t kConsentMaxNodes = 4000;

// How many times text holds any of words.
size_t count_all(std::string_view text, std::span<const std::string_view> words) {
  size_t n = 0;
  for (std::string_view w : words)
    for (size_t at = text.find(w); at != std::string_view::npos; at = text.find(w, at + w.size())) ++n;
  return n;
}

// An <input> that may answer a consent dialog: a button or a toggle (not a field or a hidden value).
bool is_consent_input(std::string_view type) {
  return iequals(type, "checkbox") || iequals(type, "submit") || iequals(type, "button");
}

// A link that leads nowhere (no href, "#", "javascript:"): a script's button ("Got it", "Accept").
bool is_script_link(const Document& doc, NodeId n) {
  if (!doc.has_attr(n, "href")) return true;
  const std::string_view href = trim(doc.attr(n, "href"));
  return href.empty() || href == "#" || istarts_with(href, "javascript:");
}

// A modal dialog whose class names and roles are gone (Bootstrap's markup without them): a
// <div> made focusable by script only (tabindex="-1"), whose first element, a few wrappers down,
// is its title bar: a heading and a close button with no label (an icon), nothing else. Hidden
// until opened, its text (a help sheet, "Are you sure?") is never the page's.
constexpr int kTitleBarMaxDepth = 4;
bool is_tabindex_dialog(const Document& doc, NodeId n) {
  if (!doc.is_element(n, Tag::k_div) || trim(doc.attr(n, "tabindex")) != "-1") return false;
  auto first_element = [&](NodeId p) {
    NodeId c = doc.node(p).first_child;
    while (c != kNoNode && doc.node(c).kind != NodeKind::kElement) c = doc.node(c).next_sibling;
    return c;
  };
  NodeId bar = n;
  for (int depth = 0; depth < kTitleBarMaxDepth; ++depth) {
    bar = first_element(bar);
    if (bar == kNoNode) return false;
    int headings = 0, buttons = 0, others = 0;
    for (NodeId c = doc.node(bar).first_child; c != kNoNode; c = doc.node(c).next_sibling) {
      const Node& cn = doc.node(c);
      if (cn.kind != NodeKind::kElement) continue;
      if (is_heading_tag(cn.tag)) {
        ++headings;
      } else if (cn.tag == Tag::k_button) {
        std::string label;
        doc.append_text(c, label);
        if (!trim(label).empty()) return false;
        ++buttons;
      } else {
        ++others;
      }
    }
    if (headings == 1 && buttons == 1 && others == 0) return true;
  }
  return false;
}

// A dismissible banner whose class names are gone: a block opened by a bar whose only content
// is a close button with no label (an icon), the banner's text after it. It is short, lies at
// the page's start (at most kConsentEdgeShare of the page's text before it) and is the page's
// only one: a post opened by an icon's menu button repeats down a thread.
constexpr uint32_t kBannerMaxChars = 2000;
constexpr float kBannerMaxShare = 0.5f;
// Its message is prose: at least this share of its text in paragraphs, at most this share in links.
constexpr float kBannerMinProseShare = 0.5f;
constexpr float kBannerMaxLinkShare = 0.3f;
// The close button's bar is a few wrappers and an icon; its label, if any, a few bytes (read to
// see that it is none).
constexpr size_t kBannerBarMaxNodes = 16;
constexpr size_t kBannerLabelMaxBytes = 64;
NodeId dismissible_banner(const Document& doc, const ContentSelection& sel, NodeId button) {
  std::string label;
  doc.append_text(button, label);
  if (label.size() > kBannerLabelMaxBytes) return kNoNode;
  // A zero-width space is no label either (a template's filler after the icon).
  for (size_t at = label.find("\u200b"); at != std::string::npos; at = label.find("\u200b")) label.erase(at, 3);
  if (visible_chars(label) != 0) return kNoNode;
  // Up from the button: the wrappers of no text around it, the last one the bar.
  NodeId bar = button;
  for (NodeId p = doc.node(button).parent; p != kNoNode && sel.stats[p].chars == 0; p = doc.node(p).parent) bar = p;
  const NodeId box = doc.node(bar).parent;
  if (box == kNoNode || box == sel.body) return kNoNode;
  // The bar is the box's first element and holds no other control.
  for (NodeId c = doc.node(box).first_child; c != bar; c = doc.node(c).next_sibling)
    if (doc.node(c).kind == NodeKind::kElement) return kNoNode;
  size_t nodes = 0;
  for (NodeId d = bar; d != kNoNode; d = doc.next_in_subtree(d, bar)) {
    if (++nodes > kBannerBarMaxNodes) return kNoNode;
    const Node& dn = doc.node(d);
    if (d != button && dn.kind == NodeKind::kElement &&
        (dn.tag == Tag::k_button || dn.tag == Tag::k_a || dn.tag == Tag::k_input || dn.tag == Tag::k_select))
      return kNoNode;
  }
  return box;
}

// Whether n holds an <h1>, an <article> or a <main>: the page's content, never a dialog.
bool holds_content_landmark(const Document& doc, NodeId n) {
  for (NodeId d = n; d != kNoNode; d = doc.next_in_subtree(d, n)) {
    const Node& dn = doc.node(d);
    if (dn.kind == NodeKind::kElement &&
        (dn.tag == Tag::k_h1 || dn.tag == Tag::k_article || dn.tag == Tag::k_main))
      return true;
  }
  return false;
}

// The consent dialog that a button accepting or rejecting cookies closes, found by its words
// alone: from the button up, the first wrapper whose text names cookies, if that text also
// names consent, privacy or personal data, holds no <h1>, <article> or <main>, is at most
// kConsentMaxChars and kConsentMaxShare of the page's text, and lies at the page's start or
// end; of that wrapper and the ones above it that pass the same tests, the highest. An article
// about cookies has no button to accept them; kNoNode if none.
NodeId consent_block(const Document& doc, const ContentSelection& sel, NodeId button, NodeId body,
                     std::unordered_set<NodeId>& seen) {
  std::string text;
  doc.append_text(button, text);
  // Its label is short, the indentation of the markup aside.
  if (static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) { return !is_ascii_space(c); })) >
      kConsentButtonMaxBytes)
    return kNoNode;
  if (doc.is_element(button, Tag::k_input)) text.append(doc.attr(button, "value"));
  text = ascii_lowercase(text);
  // A settings panel's toggles are checkboxes, one per kind of cookie.
  // (pass 1 drops a <label> whole: its checkbox is looked for here).
  bool toggle = false;
  for (NodeId d = button; d != kNoNode && !toggle; d = doc.next_in_subtree(d, button))
    toggle = doc.is_element(d, Tag::k_input) && iequals(doc.attr(d, "type"), "checkbox");
  if (doc.is_element(button, Tag::k_label) ? !toggle : !toggle && !contains_any(text, kConsentButtonWords))
    return kNoNode;
  const float body_chars = std::max<float>(1, sel.stats[body].chars);
  NodeId a = doc.node(button).parent;
  uint32_t below = 0;  // the visible text of the wrapper below
  // The dialog found so far: once a wrapper passes, the wrappers above it that pass too are the
  // same dialog, larger (a settings panel's buttons inside a dialog of the policy's prose).
  // Above it, what a wrapper adds must be as dense in those words as a dialog is: a card around
  // an embed's short "allow its cookies" notice adds its own text, not the policy's.
  NodeId found = kNoNode;
  size_t found_hits = 0;
  uint32_t found_chars = 0;
  for (int level = 0; level < (found == kNoNode ? kConsentMaxLevels : 2 * kConsentMaxLevels) && a != kNoNode && a != body;
       ++level, a = doc.node(a).parent) {
    // A wrapper looked at from an earlier button is not looked at again (a filter panel's
    // checkboxes share theirs).
    if (sel.stats[a].chars > kConsentMaxChars || !seen.insert(a).second) return found;
    // A wrapper that shows no more than the one below says what it said.
    if (level > 0 && sel.stats[a].chars == below) continue;
    below = sel.stats[a].chars;
    // Its own text names cookies, not only its buttons ("Manage cookie consent"); the buttons
    // may name the consent. Scripts and styles are no text.
    text.clear();
    std::string buttons;
    size_t nodes = 0;
    for (NodeId d = a; d != kNoNode;) {
      if (++nodes > kConsentMaxNodes) return found;
      const Node& dn = doc.node(d);
      if (dn.kind == NodeKind::kElement && (dn.tag == Tag::k_button || dn.tag == Tag::k_script ||
                                            dn.tag == Tag::k_style || dn.tag == Tag::k_template ||
                                            dn.tag == Tag::k_svg)) {
        if (dn.tag == Tag::k_button) doc.append_text(d, buttons);
        d = doc.next_skip_children(d, a);
        continue;
      }
      if (dn.kind == NodeKind::kText) doc.append_text(d, text);
      if (text.size() > kConsentMaxTextBytes) return found;
      d = doc.next_in_subtree(d, a);
    }
    text = ascii_lowercase(text);
    if (!contains_any(text, kConsentCookieWords)) continue;
    text += ascii_lowercase(buttons);
    if (!contains_any(text, kConsentWords)) continue;
    // Its words are about consent throughout: a page section that names the privacy policy
    // now and then beside its review filters is not a dialog.
    const size_t hits = count_all(text, kConsentCookieWords) + count_all(text, kConsentWords);
    // (All of its text but scripts and styles: a section's hidden parts count too.)
    const uint32_t chars = visible_chars(text);
    if (hits < kConsentMinHits || hits * kConsentCharsPerHit < chars) return found;
    if (found != kNoNode && (hits - found_hits) * kConsentCharsPerHit < chars - std::min(chars, found_chars)) return found;
    if (sel.stats[a].chars > kConsentMaxShare * body_chars || holds_content_landmark(doc, a)) return found;
    // The text before and after it, up to the body.
    uint32_t before = 0, after = 0;
    for (NodeId x = a; x != body && x != kNoNode; x = doc.node(x).parent) {
      for (NodeId s = doc.node(x).prev_sibling; s != kNoNode; s = doc.node(s).prev_sibling)
        if (doc.node(s).kind == NodeKind::kElement && sel.drop[s].empty()) before += sel.stats[s].chars;
      for (NodeId s = doc.node(x).next_sibling; s != kNoNode; s = doc.node(s).next_sibling)
        if (doc.node(s).kind == NodeKind::kElement && sel.drop[s].empty()) after += sel.stats[s].chars;
    }
    if (sel.stats[a].chars > kConsentNoticeMaxChars && std::min(before, after) > kConsentEdgeShare * body_chars)
      return found;
    found = a;
    found_hits = hits;
    found_chars = chars;
  }
  return found;
}

// Whether n is or holds a <blockquote>. In a thread, a reply quotes the post it answers in
// one, under a link to the quoted poster ("alice said:") and beside a short answer: links are
// much of such a reply, and its parts are judged one by one instead (the quotation is kept).
bool holds_quotation(const Document& doc, NodeId n) {
  for (NodeId d = n; d != kNoNode; d = doc.next_in_subtree(d, n))
    if (doc.is_element(d, Tag::k_blockquote)) return true;
  return false;
}

// An embedded post (a tweet, an Instagram or Mastodon post: a <blockquote> that a script turns
// into a card) sits in a wrapper whose class says "social" ("social-media-embed"). Its text is
// what the article quotes, while a share bar holds buttons and links, never a quotation: a
// "class:share" block whose text is mostly inside <blockquote>s is kept.
constexpr float kQuotedShareMin = 0.5f;

bool is_quoted_embed(const Document& doc, const ContentSelection& sel, NodeId n) {
  const uint32_t chars = sel.stats[n].chars;
  if (chars == 0) return false;
  uint32_t quoted = 0;
  for (NodeId d = doc.next_in_subtree(n, n); d != kNoNode;) {
    if (doc.is_element(d, Tag::k_blockquote)) {
      quoted += sel.stats[d].chars;
      d = doc.next_skip_children(d, n);
    } else {
      d = doc.next_in_subtree(d, n);
    }
  }
  return quoted > kQuotedShareMin * chars;
}

// Whether an element's own tag or ARIA role names it a part of the page around the content
// (footer, header, navigation, sidebar): the rules chrome_tag_rule and chrome_role_rule give.
bool is_landmark_rule(const Document& doc, NodeId n, std::string_view rule) {
  return !rule.empty() && (rule == chrome_tag_rule(doc.node(n).tag) || rule == chrome_role_rule(doc.attr(n, "role")));
}

// The page's <main> element, or the element its ARIA role calls main (role="main" on a <div>
// says the same in markup that predates <main>), when it holds prose of its own
// (kYieldMinProse): the page says where its content is. The first one in document order;
// kNoNode when there is none.
NodeId prose_main_element(const Document& doc, const ContentSelection& sel) {
  for (NodeId n = sel.body; n != kNoNode;) {
    if (!sel.drop[n].empty()) {
      n = doc.next_skip_children(n, sel.body);
      continue;
    }
    if (doc.is_element(n, Tag::k_main) || (doc.node(n).kind == NodeKind::kElement && iequals(doc.attr(n, "role"), "main")))
      return sel.stats[n].prose_chars >= kYieldMinProse ? n : kNoNode;
    n = doc.next_in_subtree(n, sel.body);
  }
  return kNoNode;
}

// Class rules for promotional blocks: on a service page (SelectionHints::keep_prose_promos) such
// a block that reads as prose is a section of the pitch. Not "class:ad" ("ad", "advert",
// "sponsor"): that is another company's advertisement however well it reads.
constexpr std::string_view kPromoRules[] = {"class:banner", "class:promo"};

bool is_promo_rule(std::string_view rule) {
  return std::find(std::begin(kPromoRules), std::end(kPromoRules), rule) != std::end(kPromoRules);
}

// Sectioning elements: a <footer> inside one is that section's footer (an article's transcript,
// its notes), not the page's (HTML's contentinfo rule).
constexpr Tag kSectioningTags[] = {Tag::k_article, Tag::k_section, Tag::k_aside, Tag::k_nav, Tag::k_main};

// Whether n, dropped by rule, is the page's footer: role=contentinfo, or a <footer> in no
// sectioning element.
bool is_page_footer(const Document& doc, NodeId n, std::string_view rule) {
  if (rule == "role:contentinfo") return true;
  if (rule != "tag:footer") return false;
  for (NodeId a = doc.node(n).parent; a != kNoNode; a = doc.node(a).parent) {
    const Tag tag = doc.node(a).tag;
    if (doc.node(a).kind == NodeKind::kElement &&
        std::find(std::begin(kSectioningTags), std::end(kSectioningTags), tag) != std::end(kSectioningTags))
      return false;
  }
  return true;
}

// A <header> inside an <article> or a <section> heads that section, not the page: HTML gives it
// the banner role only outside sectioning content.
bool is_section_header(const Document& doc, NodeId n) {
  for (NodeId a = doc.node(n).parent; a != kNoNode; a = doc.node(a).parent)
    if (doc.is_element(a, Tag::k_article) || doc.is_element(a, Tag::k_section)) return true;
  return false;
}

// A navigation landmark, by tag or ARIA role: the site's menus, wherever they sit.
bool is_navigation_rule(std::string_view rule) { return rule == "tag:nav" || rule == "role:navigation"; }

bool is_column_rule(std::string_view rule) {
  return std::find(std::begin(kColumnRules), std::end(kColumnRules), rule) != std::end(kColumnRules);
}

// An inline element with words of its own between its links (a credit line in <em>: "Maths:
// Numbrix, Language: Wordly") inside a <p> is part of the paragraph's sentence: the paragraph
// is never link-dense, so neither are its parts. An inline run of links alone (a hover card of
// headlines behind a name) is still judged.
constexpr uint32_t kInlineOwnTextMin = 4;

bool inline_in_paragraph(const Document& doc, NodeId n, const NodeStats& st) {
  if (owns_text(doc.node(n).tag) || st.chars - st.link_chars < kInlineOwnTextMin) return false;
  for (NodeId a = doc.node(n).parent; a != kNoNode; a = doc.node(a).parent) {
    const Node& an = doc.node(a);
    if (an.kind == NodeKind::kElement && owns_text(an.tag)) return an.tag == Tag::k_p;
  }
  return false;
}

// A block whose links lead mostly to documents (papers, slides, notes as PDF or PostScript)
// lists the page's own material: an academic's publications, a course's lecture notes. Link
// density marks navigation and lists of other pages; links to files are neither. At least
// kDocumentLinksMin such links, kDocumentLinksMinShare of the block's links; the file type is
// the end of the link's path (before "?" or "#"), any case.
constexpr uint32_t kDocumentLinksMin = 2;
constexpr float kDocumentLinksMinShare = 0.5f;
constexpr std::string_view kDocumentExtensions[] = {".pdf", ".ps", ".ps.gz", ".djvu", ".doc", ".docx", ".odt",
                                                    ".ppt", ".pptx", ".odp", ".tex", ".bib"};

bool names_document(std::string_view href) {
  href = href.substr(0, std::min(href.find('?'), href.find('#')));
  for (std::string_view ext : kDocumentExtensions)
    if (href.size() >= ext.size() && iequals(href.substr(href.size() - ext.size()), ext)) return true;
  return false;
}

bool links_to_documents(const Document& doc, NodeId n) {
  uint32_t links = 0, documents = 0;
  for (NodeId d = doc.next_in_subtree(n, n); d != kNoNode; d = doc.next_in_subtree(d, n)) {
    if (!doc.is_element(d, Tag::k_a)) continue;
    const std::string_view href = doc.attr(d, "href");
    if (href.empty()) continue;
    ++links;
    documents += names_document(href);
  }
  return documents >= kDocumentLinksMin && documents >= kDocumentLinksMinShare * links;
}

// A phrase rule ("Subscribe", "Share", "Advertisement") judges a block by its own text, never a
// part of a code sample: a highlighter wraps each identifier of a <pre> in an inline element, and
// one named "subscribe" or "share" is the program's text. (Inline parts of a <p> are still
// judged: "Advertisement" set in a <span> before the story's first words.)
bool in_code_block(const Document& doc, NodeId n) {
  if (owns_text(doc.node(n).tag)) return false;
  for (NodeId a = doc.node(n).parent; a != kNoNode; a = doc.node(a).parent) {
    const Node& an = doc.node(a);
    if (an.kind == NodeKind::kElement && owns_text(an.tag)) return an.tag == Tag::k_pre;
  }
  return false;
}

// The text below n without the parts nobody sees (rule "hidden": display:none, the hidden
// attribute): a button's "0" count held in a hidden span for a script to fill is no word of
// the block, and left in it keeps "Save" from reading as the button it is. Parts other rules
// took out stay: a screen reader's "comments" after a count, a <label> before a poster's
// figure are words a phrase is matched with.
void append_visible_text(const Document& doc, const ContentSelection& sel, NodeId n, std::string& out) {
  for (NodeId t = n; t != kNoNode;) {
    if (sel.drop[t] == "hidden") {
      t = doc.next_skip_children(t, n);
      continue;
    }
    if (doc.node(t).kind == NodeKind::kText) out += doc.text(t);
    t = doc.next_in_subtree(t, n);
  }
}

// Whether a table lays out the page rather than holding data: a cell holds block structure, a
// <div>, another table, a heading, a form, a quote or code (pages of the 2000s put their menu,
// story and sidebar in the cells of one table). A data table's cells hold figures and words, at
// most a paragraph or a list. Looks at up to kLayoutTableMaxNodes nodes: a data table that long
// is data. render.cpp find_layout_tables asks a narrower question (may the table be written as
// a pipe table?) and leaves a <div> or a form in a cell to the table.
constexpr int kLayoutTableMaxNodes = 4096;
bool is_layout_table(const Document& doc, NodeId table) {
  int budget = kLayoutTableMaxNodes;
  for (NodeId n = doc.next_in_subtree(table, table); n != kNoNode && --budget > 0; n = doc.next_in_subtree(n, table)) {
    const Node& node = doc.node(n);
    if (node.kind != NodeKind::kElement) continue;
    const Tag t = node.tag;
    if (t == Tag::k_div || t == Tag::k_table || t == Tag::k_form || t == Tag::k_blockquote || t == Tag::k_pre ||
        is_heading_tag(t))
      return true;
  }
  return false;
}

// A photo gallery's counter: a short line that is two numbers, the slide shown and how many
// there are (1 <= N <= M), split by a slash or a short word, with at most a word or two before
// them: "3 / 12", "Image 3 of 12", "Bild 3 von 12", "Image 3 of / 12" (a template holding both
// forms, one hidden by its style). No colon, dot, comma or dash between them: a clock time, a
// date, a score. Returns M * 10000 + N, plus 10^8 when a label comes first, or 0.
constexpr uint32_t kGalleryCounterMaxChars = 24;
constexpr size_t kGalleryLabelMaxBytes = 16;
constexpr size_t kGallerySeparatorMaxBytes = 6;
uint32_t gallery_counter_total(std::string_view text) {
  text = trim(text);
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  size_t i = 0;
  size_t label_bytes = 0;
  for (; i < text.size() && !is_digit(text[i]); ++i) label_bytes += !is_ascii_space(text[i]);
  if (i == text.size() || label_bytes > kGalleryLabelMaxBytes) return 0;
  auto number = [&](uint32_t& v) {
    const size_t start = i;
    v = 0;
    while (i < text.size() && is_digit(text[i]) && i - start < 4) v = v * 10 + (text[i++] - '0');
    return i > start && (i == text.size() || !is_digit(text[i]));
  };
  uint32_t shown = 0, total = 0;
  if (!number(shown)) return 0;
  const size_t sep_start = i;
  while (i < text.size() && !is_digit(text[i])) ++i;
  const std::string_view sep = text.substr(sep_start, i - sep_start);
  const size_t sep_bytes = std::count_if(sep.begin(), sep.end(), [](char c) { return !is_ascii_space(c); });
  if (sep_bytes == 0 || sep_bytes > kGallerySeparatorMaxBytes || sep.find_first_of(":.,-+()") != std::string_view::npos)
    return 0;
  if (!number(total) || i != text.size()) return 0;
  // Total and slide shown, the second with a label before the numbers ("Image 3 of 12").
  return shown >= 1 && shown <= total ? total * 10000 + shown + (label_bytes > 0 ? 100000000u : 0) : 0;
}

// The boxes of a photo gallery whose class names are gone: the lowest box holding two or more
// such counters of the same slide and total, one with a label (the slide's "Image 1 of 8" and the
// control bar's "1 / 8"; not two reviews' "5/10" ratings; a table's cells are not read),
// none holding an <h1>, the <article> or <main>, and short beside the container (its captions,
// each shown twice, and its buttons: "Caption", "Close", "Back to gallery"). A page's "Page 1
// of 5" above and below the text holds the whole text between.
constexpr uint32_t kGalleryMaxChars = 2500;
constexpr float kGalleryMaxShare = 0.5f;
std::vector<NodeId> gallery_boxes(const Document& doc, const ContentSelection& sel, NodeId main) {
  std::vector<std::pair<uint32_t, NodeId>> counters;  // (gallery_counter_total's key, node)
  std::string text;
  for (NodeId n = main; n != kNoNode;) {
    const Node& node = doc.node(n);
    // A data table's cells ("1/2" in a size chart) are figures, not counters, and code's lines
    // are code; a layout table's cells are the page's boxes.
    if (n != main && (!sel.drop[n].empty() || doc.is_element(n, Tag::k_pre) || doc.is_element(n, Tag::k_code) ||
                      (doc.is_element(n, Tag::k_table) && !is_layout_table(doc, n)))) {
      n = doc.next_skip_children(n, main);
      continue;
    }
    const uint32_t chars = sel.stats[n].chars;
    if (node.kind == NodeKind::kElement && n != main && chars >= 2 && chars <= kGalleryCounterMaxChars &&
        sel.stats[node.parent].chars > chars) {
      text.clear();
      append_visible_text(doc, sel, n, text);
      if (const uint32_t total = gallery_counter_total(text); total > 0) {
        counters.emplace_back(total, n);
        n = doc.next_skip_children(n, main);
        continue;
      }
    }
    n = doc.next_in_subtree(n, main);
  }
  std::vector<NodeId> boxes;
  if (counters.size() < 2) return boxes;
  std::sort(counters.begin(), counters.end(), [](const auto& x, const auto& y) {
    return std::pair(x.first % 100000000u, x.second) < std::pair(y.first % 100000000u, y.second);
  });
  for (size_t a = 0; a < counters.size();) {
    size_t b = a + 1;
    constexpr uint32_t kLabelled = 100000000u;
    const uint32_t key = counters[a].first % kLabelled;
    bool labelled = false;
    while (b < counters.size() && counters[b].first % kLabelled == key) ++b;
    for (size_t k = a; k < b; ++k) labelled |= counters[k].first >= kLabelled;
    if (b - a >= 2 && labelled) {
      NodeId box = counters[a].second;
      for (size_t k = a + 1; k < b && box != kNoNode; ++k)
        while (box != kNoNode && !doc.holds(box, counters[k].second)) box = doc.node(box).parent;
      if (box != kNoNode && box != main && doc.holds(main, box) && sel.stats[box].chars <= kGalleryMaxChars &&
          sel.stats[box].chars <= kGalleryMaxShare * sel.stats[main].chars && !holds_content_landmark(doc, box))
        boxes.push_back(box);
    }
    a = b;
  }
  return boxes;
}

// The link n sits inside below `top`, or kNoNode: looked up only for a block a phrase already
// matched.
NodeId enclosing_link(const Document& doc, NodeId n, NodeId top) {
  for (NodeId a = doc.node(n).parent; a != kNoNode && a != top; a = doc.node(a).parent)
    if (doc.is_element(a, Tag::k_a)) return a;
  return kNoNode;
}

// Whether no visible text comes before n inside link: n opens the link's line.
bool opens_link(const Document& doc, NodeId link, NodeId n) {
  for (NodeId t = link; t != kNoNode && t != n; t = doc.next_in_subtree(t, link))
    if (doc.node(t).kind == NodeKind::kText && visible_chars(doc.text(t)) > 0) return false;
  return true;
}

// Whether n sits in a run of loose text: a sibling of it is a text node with visible
// characters (a link set inline between the lines of a paragraph, not a card in a box of its
// own).
bool beside_loose_text(const Document& doc, NodeId n) {
  const NodeId parent = doc.node(n).parent;
  if (parent == kNoNode) return false;
  for (NodeId s = doc.node(parent).first_child; s != kNoNode; s = doc.node(s).next_sibling)
    if (s != n && doc.node(s).kind == NodeKind::kText && visible_chars(doc.text(s)) > 0) return true;
  return false;
}

// Whether n is an inline part of a code sample: inside a <code>, or a <pre>, before any other
// block (a highlighter's token spans).
bool in_code_sample(const Document& doc, NodeId n) {
  if (owns_text(doc.node(n).tag)) return false;
  for (NodeId a = doc.node(n).parent; a != kNoNode; a = doc.node(a).parent) {
    const Node& an = doc.node(a);
    if (an.kind != NodeKind::kElement) continue;
    if (an.tag == Tag::k_code || an.tag == Tag::k_pre) return true;
    if (owns_text(an.tag)) return false;
  }
  return false;
}

// Whether n's class or id names a poster's rank (rules.h names_poster_title).
bool names_poster_title_of(const Document& doc, NodeId n) {
  const std::string_view classes = doc.attr(n, "class");
  if (classes.empty()) return false;
  std::string low = ascii_lowercase(classes);
  return names_poster_title(low);
}

// Whether n's text is a line of its own: n is a block, or its nearest block ancestor holds no
// other text (a count in a <span> inside a <div>; not a number inside a sentence).
bool line_of_its_own(const Document& doc, const ContentSelection& sel, NodeId n) {
  if (owns_text(doc.node(n).tag)) return true;
  for (NodeId a = doc.node(n).parent; a != kNoNode; a = doc.node(a).parent) {
    const Node& an = doc.node(a);
    if (an.kind == NodeKind::kElement && owns_text(an.tag)) return sel.stats[a].chars == sel.stats[n].chars;
  }
  return false;
}

// Whether n is or lies in a data table: a table's figures are its data (a row's text joins its
// cells' numbers into one). The nearest table decides: a layout table's cells are the page.
bool in_table(const Document& doc, NodeId n) {
  for (NodeId a = n; a != kNoNode; a = doc.node(a).parent)
    if (doc.is_element(a, Tag::k_table)) return !is_layout_table(doc, a);
  return false;
}

// Whether heading is a card's headline: its text is mostly a link (to the record), and an
// ancestor up to kCardPartMaxDepth levels up is a teaser item of the last measure (the heading
// itself may be one of an article's look-alike headings, which are no card).
bool is_card_headline(const Document& doc, const ContentSelection& sel, NodeId heading, NodeId scope) {
  const NodeStats& hs = sel.stats[heading];
  if (2 * hs.link_chars <= hs.chars) return false;
  NodeId n = doc.node(heading).parent;
  for (int depth = 1; n != kNoNode && n != scope && depth <= kCardPartMaxDepth; n = doc.node(n).parent, ++depth)
    if (sel.stats[n].item) return true;
  return false;
}

// Whether n lies inside a <figure> (below scope).
bool in_figure(const Document& doc, NodeId n, NodeId scope) {
  for (NodeId a = doc.node(n).parent; a != kNoNode && a != scope; a = doc.node(a).parent)
    if (doc.is_element(a, Tag::k_figure)) return true;
  return false;
}

bool is_content_hint(const Document& doc, NodeId id) {
  const Node& n = doc.node(id);
  if (n.tag == Tag::k_article || n.tag == Tag::k_main) return true;
  std::string_view ip = doc.attr(id, "itemprop");
  if (ip == "articleBody" || ip == "text" || ip == "reviewBody") return true;
  return iequals(doc.attr(id, "role"), "main");
}

}  // namespace

std::string describe_element(const Document& doc, NodeId id) {
  std::string out(doc.name(id));
  std::string_view cls = trim(doc.attr(id, "class"));
  if (!cls.empty()) {
    for (auto part : split_any(cls, " \t\n")) {
      out += '.';
      out += part;
    }
  }
  std::string_view idv = trim(doc.attr(id, "id"));
  if (!idv.empty()) {
    out += '#';
    out += idv;
  }
  if (out.size() > 80) out.resize(80);
  return out;
}

std::string trace_selection(const Document& doc, const ContentSelection& sel) {
  std::string out;
  auto line = [&](NodeId n, int indent) {
    const NodeStats& st = sel.stats[n];
    char buf[160];
    std::snprintf(buf, sizeof buf, "chars=%u links=%u/%u sum=%.0f up=%.0f%s items=%u ", st.chars, st.links,
                  st.link_chars, st.sum, st.up, st.item ? " item" : "", st.items);
    out.append(static_cast<size_t>(indent) * 2, ' ');
    out += describe_element(doc, n);
    out += n == sel.main ? "  <== main " : "  ";
    out += buf;
    if (!sel.drop[n].empty()) out += "drop=" + std::string(sel.drop[n]);
    out += '\n';
  };
  out += "rules=" + std::to_string(sel.level) + (sel.list_mode ? " list-mode" : "") + (sel.widened ? " widened-to-h1" : "") + "\n";
  std::vector<NodeId> chain;
  for (NodeId a = sel.main; a != kNoNode; a = doc.node(a).parent) chain.push_back(a);
  int indent = 0;
  for (size_t i = chain.size(); i-- > 1;) line(chain[i], indent++);
  line(sel.main, indent);
  int shown = 0;
  for (NodeId c = doc.node(sel.main).first_child; c != kNoNode && shown < 200; c = doc.node(c).next_sibling) {
    if (doc.node(c).kind != NodeKind::kElement) continue;
    line(c, indent + 1);
    ++shown;
  }
  return out;
}

SelectionHints hints_for_page_type(std::string_view page_type) {
  SelectionHints h;
  if (page_type == "product" || page_type == "service" || page_type == "documentation") {
    h.widen_to_heading = true;
    h.keep_hidden_prose = true;
    h.first_h1 = page_type == "product";  // the product's name comes first; more <h1>s are sections
  } else if (page_type == "collection") {
    h.widen_to_heading = true;  // the category's heading and intro; its hidden blocks are filters
  }
  // On a listing or collection page, "Latest news" may head the list the page is about.
  h.keep_related_lists = page_type == "listing" || page_type == "collection";
  h.list_region = h.keep_related_lists;
  h.widen_to_posts = page_type == "forum";
  h.keep_prose_promos = page_type == "service";
  h.widen_to_sections = page_type == "service";
  h.keep_comments = page_type == "forum";
  // Documentation repeats code and table rows on purpose.
  h.drop_duplicates = page_type == "product" || page_type == "service" || page_type == "collection" ||
                      page_type == "forum" || page_type == "listing";
  h.duplicates_by_innermost_block = page_type == "product";
  h.keep_repeats = page_type == "documentation";
  h.keep_update_lines = page_type == "documentation";
  h.keep_author_bio = page_type == "product";
  h.drop_reviews = page_type == "product";
  h.drop_shop_notes = page_type == "product";
  h.keep_detail_dialogs = page_type == "product";
  h.drop_live_regions = page_type == "product";
  h.drop_price_lines = page_type == "product";
  return h;
}

SelectionHints hints_for_page_type(std::string_view page_type, const ContentSelection& first) {
  SelectionHints h = hints_for_page_type(page_type);
  if (page_type == "article" || page_type == "forum") {
    h.strict_listing_switch = first.switched_on_little_prose;
    h.prose_region_is_text = first.switched_to_prose_region;
  }
  return h;
}

void ContentSelector::select(const Document& doc, const Options& options, ContentSelection& sel,
                             const SelectionHints& hints, Deadline* deadline) {
  hints_ = hints;
  deadline_ = deadline ? deadline : &no_deadline_;
  site_names_ = page_site_names(doc);
  page_titles_ = page_titles(doc);
  // A page that marks any figure (<figure>, <figcaption>) marks its captions: a line under a
  // picture elsewhere is the text's, a quoted person's name or a feature's line. Only a page
  // without them (an old layout) has its captions told by their shape.
  marks_figures_ = false;
  for (NodeId d = 0; d < doc.size() && !marks_figures_; ++d)
    marks_figures_ = doc.is_element(d, Tag::k_figure) || doc.is_element(d, Tag::k_figcaption);
  h1_path_.assign(doc.size(), 0);
  h1_marked_.clear();
  sel.widened = false;
  widths_.assign(doc.size(), 0);
  token_widths_.assign(doc.size(), 0);
  for (NodeId n = 0; n < doc.size(); ++n) {
    const Node& node = doc.node(n);
    if (node.kind != NodeKind::kText) continue;
    // A script's or style's text is never shown: it has no width (and minified code would be
    // one long token). Most of a page's bytes are often there.
    const Tag parent = node.parent == kNoNode ? Tag::kUnknown : doc.node(node.parent).tag;
    if (parent == Tag::k_script || parent == Tag::k_style) continue;
    widths_[n] = visible_chars(doc.text(n));
    if (widths_[n] > kMaxWordChars) token_widths_[n] = std::min(widths_[n], token_chars(doc.text(n)));
  }
  sel.drop.assign(doc.size(), std::string_view());
  sel.comment.assign(doc.size(), 0);
  sel.stats.assign(doc.size(), NodeStats{});
  sel.body = kNoNode;
  sel.main = kNoNode;
  sel.comments_root = kNoNode;
  for (NodeId n = doc.root(); n != kNoNode; n = doc.next_in_subtree(n, doc.root())) {
    if (doc.is_element(n, Tag::k_body)) {
      sel.body = n;
      break;
    }
  }
  if (sel.body == kNoNode) sel.body = doc.root();
  // Strictest rules first; when they leave next to nothing of a page that has text (a site
  // whose every block has a class like "celwidget"), relax them: class rules off, then chrome
  // tags off too. Better some chrome than an empty page.
  // Before the class rules all go, a page builder's block rule whose drops hold much of the
  // page's text outside links is let off alone (bulk_drop_rule): "widget" on every section of a
  // landing page (Elementor, HubSpot). Relaxing every class rule would bring back the
  // screen-reader labels, share strips, menus and sidebars too.
  yield_rule_ = {};
  bool bulk_tried = false;
  uint32_t bulk_text = 0;
  for (int level = kRulesAll; level >= kRulesHardOnly; --level) {
    sel.yielded.clear();
    if (level != kRulesAll || !yield_rule_.empty()) {
      sel.drop.assign(doc.size(), std::string_view());
      sel.comment.assign(doc.size(), 0);
      sel.comments_root = kNoNode;
    }
    sel.level = level;
    label(doc, sel, level);
    choose(doc, options, sel);
    // A short consent notice stays in the page for the choice (label): it could never be chosen
    // over the page's text. Where it was (a topic of one short post, the notice's role gone), it
    // goes and the choice is made again.
    if (sel.main != kNoNode) {
      for (const NodeId d : consent_notices_) {
        if (!sel.drop[d].empty() || !doc.holds(d, sel.main)) continue;
        sel.drop[d] = "consent-text";
        measure(doc, sel, doc.root());
        choose(doc, options, sel);
        break;
      }
    }
    take_in_lead(doc, sel);
    take_in_twin_parts(doc, sel);
    take_in_table_heading(doc, sel);
    take_in_list_intro(doc, sel);
    // A shop's own buy box (price, quantity, "Add to cart") beside the product's description:
    // dropped inside the container once it is chosen, as its negative weight helps tell the
    // description from the page around it.
    sel.buy_boxes = level == kRulesAll ? mark_buy_boxes(doc, sel.main, sel.stats, h1_path_, sel.drop) : 0;
    prune(doc, options, sel);
    uint32_t kept = kept_chars(doc, sel);
    if (!sel.list_mode && kept < kMaxPrunedShare * sel.stats[sel.main].chars) {
      // Pruning ate nearly all of the container: its link-heavy blocks are the content (a
      // front page of headline cards). Undo and keep them.
      for (NodeId n : pruned_) sel.drop[n] = {};
      sel.list_mode = true;
      prune(doc, options, sel);
      kept = kept_chars(doc, sel);
    }
    // With the bulk rule let off, the selection must keep a good part of what that rule held:
    // else the container is still a stray line beside it, and all class rules go after all.
    const float min_kept = yield_rule_.empty() ? std::max<float>(kMinKeptChars, kMinKeptShare * sel.raw_body_chars)
                                               : kBulkMinKept * bulk_text;
    if (kept >= min_kept) break;
    if (deadline_->expired_now(kPass)) break;  // no time to relax the rules and run again
    if (level == kRulesAll && !bulk_tried) {
      bulk_tried = true;
      yield_rule_ = bulk_drop_rule(doc, sel, bulk_text);
      if (!yield_rule_.empty()) ++level;  // the strictest level once more, that rule let off
    } else {
      yield_rule_ = {};
    }
  }
  yield_rule_ = {};
  // A page whose only text is its site chrome (a shop page whose product is drawn by script
  // leaves its footer) has no main text: a container inside a footer, nav, aside or header
  // that holds only link lists (no positive weight) goes too ("chrome-only"). On a typed page, so
  // does one inside the page's own footer (is_page_footer) whatever it holds: a page's footer
  // never holds its main text, and when the container ends up there (a shop's grid drawn by
  // script, the footer's newsletter consent the only prose left) the page has none. Not in the
  // first, untyped selection: the typed one runs only after a selection with text, and its
  // listing switch may still find the grid around such a container.
  if (sel.stats[sel.main].sum <= 0 || sel.stats[sel.main].prose_chars == 0) {
    for (NodeId n = sel.main; n != kNoNode && n != sel.body; n = doc.node(n).parent) {
      if (doc.node(n).kind == NodeKind::kElement && !chrome_tag_rule(doc.node(n).tag).empty()) {
        sel.drop[sel.main] = "chrome-only";
        break;
      }
    }
    // Without those tags (an old layout, a copy stripped of its semantic tags), the same page
    // leaves a container of links and nothing else of weight: on a typed page, one of 80% links
    // or more, no prose, on a page without a visible <h1>, is that chrome (a listing's links
    // come under their heading).
    const NodeStats& st = sel.stats[sel.main];
    if (sel.drop[sel.main].empty() && hints_.any() && !hints_.list_region && st.sum <= 0 && st.chars > 0 &&
        st.link_chars >= kChromeOnlyMinLinkShare * st.chars && !has_shown_h1(doc, sel))
      sel.drop[sel.main] = "chrome-only";
  } else if (hints_.any()) {
    for (NodeId n = sel.main; n != kNoNode && n != sel.body; n = doc.node(n).parent) {
      if (doc.node(n).kind == NodeKind::kElement) {
        const std::string_view tag_rule = chrome_tag_rule(doc.node(n).tag);
        if (is_page_footer(doc, n, tag_rule.empty() ? chrome_role_rule(doc.attr(n, "role")) : tag_rule)) {
          sel.drop[sel.main] = "chrome-only";
          break;
        }
      }
    }
  }
}

// The class rule that emptied a page built of a page builder's blocks: of kBuilderBlockRules,
// the one whose outermost drops hold the most text outside links, when that is kBulkMinShare of
// the page's text outside links (its amount in rule_text). Empty when there is none.
// kBuilderBlockRules name what builders call every block of a page ("elementor-widget",
// "widget-span", a landing page's "hero-banner"), as well as the side boxes and strips the rules
// are for. Rules naming a part of the layout (header, footer, sidebar, menu), hidden text, shares
// or captions are never let off alone: measured, letting them off brought a site's header, a
// product grid's screen-reader prices or a card's caption rules back where relaxing all class
// rules had done better (wcxb-dev collection -0.002).
constexpr float kBulkMinShare = 0.2f;
constexpr std::string_view kBuilderBlockRules[] = {"class:widget", "class:banner"};
std::string_view ContentSelector::bulk_drop_rule(const Document& doc, const ContentSelection& sel, uint32_t& rule_text) const {
  struct RuleText {
    std::string_view rule;
    uint32_t plain = 0;
  };
  std::vector<RuleText> rules;
  // Text outside links under n (a link's text counts nowhere).
  auto plain_text = [&](NodeId top) {
    uint32_t plain = 0;
    for (NodeId m = top; m != kNoNode;) {
      const Node& node = doc.node(m);
      if (node.kind == NodeKind::kElement && node.tag == Tag::k_a) {
        m = doc.next_skip_children(m, top);
        continue;
      }
      if (node.kind == NodeKind::kText) plain += widths_[m];
      m = doc.next_in_subtree(m, top);
    }
    return plain;
  };
  const uint32_t page_plain = plain_text(sel.body);
  for (NodeId n = sel.body; n != kNoNode;) {
    const std::string_view rule = sel.drop[n];
    if (rule.empty() || doc.node(n).kind != NodeKind::kElement) {
      n = doc.next_in_subtree(n, sel.body);
      continue;
    }
    if (const std::string_view hard = hard_drop_rule(doc.node(n).tag); !hard.empty() && rule == hard) {
      n = doc.next_skip_children(n, sel.body);
      continue;
    }
    auto it = std::find_if(rules.begin(), rules.end(), [&](const RuleText& r) { return r.rule == rule; });
    if (it == rules.end()) it = rules.insert(rules.end(), RuleText{rule, 0});
    it->plain += plain_text(n);
    n = doc.next_skip_children(n, sel.body);
  }
  const RuleText* best = nullptr;
  for (const RuleText& r : rules) {
    if (std::find(std::begin(kBuilderBlockRules), std::end(kBuilderBlockRules), r.rule) == std::end(kBuilderBlockRules)) continue;
    if (best == nullptr || r.plain > best->plain) best = &r;
  }
  if (best == nullptr || best->plain < kBulkMinShare * page_plain) return {};
  rule_text = best->plain;
  return best->rule;
}

uint32_t ContentSelector::kept_chars(const Document& doc, const ContentSelection& sel) const {
  uint32_t kept = 0;
  for (NodeId n = sel.main; n != kNoNode;) {
    if (n != sel.main && !sel.drop[n].empty()) {
      n = doc.next_skip_children(n, sel.main);
      continue;
    }
    if (doc.node(n).kind == NodeKind::kText) kept += widths_[n];
    n = doc.next_in_subtree(n, sel.main);
  }
  return kept;
}

void ContentSelector::label(const Document& doc, ContentSelection& sel, int level) {
  const NodeId root = doc.root();
  fine_print_.clear();
  dialogs_in_main_.clear();
  kept_dialogs_.clear();
  consent_notices_.clear();
  std::vector<NodeId> buttons;  // consent_block's: the page's buttons, in page order
  // Pass 1: what is never text (scripts, forms controls, hidden elements).
  for (NodeId n = root; n != kNoNode;) {
    const Node& node = doc.node(n);
    if (node.kind == NodeKind::kComment) {
      sel.drop[n] = "comment-node";
    } else if (node.kind == NodeKind::kElement) {
      if ((node.tag == Tag::k_button || node.tag == Tag::k_label ||
           (node.tag == Tag::k_input && is_consent_input(doc.attr(n, "type"))) ||
           (node.tag == Tag::k_a && is_script_link(doc, n))) &&
          buttons.size() < kConsentMaxButtons)
        buttons.push_back(n);
      std::string_view rule = hard_drop_rule(node.tag);
      // An accordion's toggle is a button inside a heading (the WAI-ARIA accordion pattern): its
      // label is the heading of the section it opens ("Specifications", "Size & fit"), not a
      // control. Should the section be dropped, the heading goes after it (orphan-heading).
      if (node.tag == Tag::k_button && node.parent != kNoNode && is_heading_tag(doc.node(node.parent).tag)) rule = {};
      if (node.tag == Tag::kUnknown) rule = amp_component_rule(doc.name(n), doc.attr(n, "layout"));
      // An AMP component's placeholder shows until it loads ("Loading..."), its fallback only
      // where it fails ("Video could not play").
      if (rule.empty() && node.parent != kNoNode && doc.node(node.parent).tag == Tag::kUnknown &&
          doc.name(node.parent).starts_with("amp-") &&
          (doc.has_attr(n, "placeholder") || doc.has_attr(n, "fallback")))
        rule = "amp:placeholder";
      if (rule.empty()) {
        // Modal dialogs (cookie notices, policies, carts) are never the page's text.
        std::string_view role = doc.attr(n, "role");
        if (iequals(role, "dialog") || iequals(role, "alertdialog") || doc.attr(n, "aria-modal") == "true") {
          // A product's drawer inside <main> is judged in pass 2, once its text is measured.
          if (hints_.keep_detail_dialogs && !iequals(role, "alertdialog") && in_main_landmark(doc, n))
            dialogs_in_main_.push_back(n);
          else
            rule = "role:dialog";
        } else if (is_tabindex_dialog(doc, n)) {
          rule = "tabindex-dialog";
        }
      }
      if (!rule.empty()) {
        sel.drop[n] = rule;
        n = doc.next_skip_children(n, root);
        continue;
      }
    }
    n = doc.next_in_subtree(n, root);
  }
  // Raw JSON, CSS or script printed as text by a broken template is never text (debris.h).
  mark_raw_code(doc, sel.body, sel.drop);
  measure(doc, sel, root);
  // A dialog whose heading another dialog repeats is one item's popover, each promoted card's
  // "Why am I seeing this ad?": a product's drawers are each about one thing.
  dialog_headings_.clear();
  bool dropped_dialog = false;
  for (const NodeId d : dialogs_in_main_) {
    dialog_headings_.emplace_back();
    for (NodeId h = d; h != kNoNode; h = doc.next_in_subtree(h, d)) {
      if (doc.node(h).kind != NodeKind::kElement || !is_heading_tag(doc.node(h).tag)) continue;
      doc.append_text(h, dialog_headings_.back());
      break;
    }
  }
  for (size_t i = 0; i < dialogs_in_main_.size(); ++i) {
    const NodeId d = dialogs_in_main_[i];
    const bool repeated =
        std::count(dialog_headings_.begin(), dialog_headings_.end(), dialog_headings_[i]) > 1;
    if (repeated || !detail_dialog(doc, d, sel.stats[d])) {
      sel.drop[d] = "role:dialog";
      dropped_dialog = true;
      continue;
    }
    // The drawer's panel is often a wrapper of its own, an <aside> or a dialog box inside the
    // backdrop: the wrappers that hold all of its text are the drawer too.
    for (NodeId w = d; w != kNoNode;) {
      kept_dialogs_.push_back(w);
      NodeId inner = kNoNode;
      for (NodeId c = doc.node(w).first_child; c != kNoNode; c = doc.node(c).next_sibling) {
        if (doc.node(c).kind != NodeKind::kElement || sel.stats[c].chars == 0) continue;
        if (inner != kNoNode) {
          inner = kNoNode;
          break;
        }
        inner = c;
        if (sel.stats[c].chars < kDrawerPanelShare * sel.stats[w].chars) {
          inner = kNoNode;
          break;
        }
      }
      w = inner;
    }
  }
  std::sort(kept_dialogs_.begin(), kept_dialogs_.end());
  // A consent dialog whose class names and roles are gone, known by its words (consent_block).
  if (sel.body != kNoNode) {
    std::unordered_set<NodeId> seen;
    for (const NodeId b : buttons) {
      if (deadline_->expired(kPass)) break;  // the dialogs found so far go
      const NodeId d = consent_block(doc, sel, b, sel.body, seen);
      if (d == kNoNode || !sel.drop[d].empty()) continue;
      // A short notice could never be chosen over the page's text: it leaves the chosen text
      // in prune, and the choice is made as without the rule.
      if (sel.stats[d].chars <= kConsentNoticeMaxChars) {
        consent_notices_.push_back(d);
        continue;
      }
      sel.drop[d] = "consent-text";
      dropped_dialog = true;
    }
  }
  // A dismissible banner whose class names are gone (dismissible_banner): the page's only one
  // of its size at the page's start.
  // Not on a product page, whose drawers of prose (a certification's note) are its own.
  if (sel.body != kNoNode && !hints_.keep_detail_dialogs) {
    const float body_chars = std::max<float>(1, sel.stats[sel.body].chars);
    NodeId banner = kNoNode;
    int found = 0;
    for (const NodeId b : buttons) {
      if (!doc.is_element(b, Tag::k_button)) continue;
      const NodeId d = dismissible_banner(doc, sel, b);
      if (d == kNoNode || d == banner || !sel.drop[d].empty() || sel.stats[d].chars == 0 ||
          sel.stats[d].chars > kBannerMaxChars || sel.stats[d].chars > kBannerMaxShare * body_chars)
        continue;
      // Its text is a message in prose, not a menu or a list of cards that a button opens.
      if (sel.stats[d].prose_chars < kBannerMinProseShare * sel.stats[d].chars ||
          sel.stats[d].link_chars > kBannerMaxLinkShare * sel.stats[d].chars)
        continue;
      uint32_t before = 0;
      for (NodeId x = d; x != sel.body && x != kNoNode; x = doc.node(x).parent)
        for (NodeId s = doc.node(x).prev_sibling; s != kNoNode; s = doc.node(s).prev_sibling)
          if (doc.node(s).kind == NodeKind::kElement && sel.drop[s].empty()) before += sel.stats[s].chars;
      // The buttons come in page order: the later ones have as much text before them (and no
      // list of posts makes this walk quadratic).
      if (before > kConsentEdgeShare * body_chars) break;
      banner = d;
      if (++found > 1) break;
    }
    if (found == 1) {
      sel.drop[banner] = "dismissible-banner";
      dropped_dialog = true;
    }
  }
  // The page's figures leave out what was dropped, as they would had pass 1 dropped it.
  if (dropped_dialog) measure(doc, sel, root);
  sel.raw_body_chars = sel.stats[sel.body].chars;
  if (level == kRulesHardOnly) {
    measure(doc, sel, sel.body);
    return;
  }

  // Pass 2: chrome by tag, role and class, unless the element holds half the page's text
  // (some sites put the whole page in a <header> or a div called "page-with-sidebar"). Nor is
  // a block chrome by its class when it holds the page's only <h1> (a product section whose
  // class names its subscription option, a service page's "hero-banner").
  const float body_chars = std::max<float>(1, sel.stats[sel.body].chars);
  const uint32_t body_prose = sel.stats[sel.body].prose_chars;
  mark_h1_path(doc, only_visible_h1(doc, sel, hints_.first_h1));
  headed_comments_.clear();
  headed_reviews_.clear();
  permalinked_comments_.clear();
  permalinks_.clear();
  if (level >= kRulesAll && !hints_.keep_comments) {
    find_headed_comment_sections(doc, sel);
    find_permalinked_comments(doc, sel);
  }
  headed_footers_.clear();
  if (level >= kRulesAll) find_headed_footers(doc, sel);
  NodeId page_main = kNoNode;  // looked up the first time a landmark would yield
  NodeId kept_popup = kNoNode;  // the last product drawer that a class rule spared
  bool main_looked_up = false;
  for (NodeId n = sel.body; n != kNoNode;) {
    if (deadline_->expired(kPass)) break;  // the rest of the page keeps its text
    const Node& node = doc.node(n);
    if (node.kind != NodeKind::kElement || !sel.drop[n].empty()) {
      n = sel.drop[n].empty() ? doc.next_in_subtree(n, sel.body) : doc.next_skip_children(n, sel.body);
      continue;
    }
    std::string_view rule;
    bool comment = false, hidden = false, landmark_beside_main = false;
    // A product's drawer (detail_dialog) is no dialog, <aside> or hidden block: only its class
    // may still call it chrome ("cookie-consent", "newsletter"); its parts are judged as any block.
    const bool kept_dialog =
        !kept_dialogs_.empty() && std::binary_search(kept_dialogs_.begin(), kept_dialogs_.end(), n);
    if (n != sel.body && node.tag != Tag::k_html) {
      if (!kept_dialog) rule = chrome_tag_rule(node.tag);
      // A service page's pitch opens each of its sections with a <header> (heading and lead):
      // there a section's header is text. Elsewhere it is mostly a card's or a post's header
      // (tools, share links, a category line), and it goes as the page's does.
      if (rule == "tag:header" && hints_.widen_to_sections && is_section_header(doc, n)) rule = {};
      if (rule.empty() && node.tag == Tag::k_form && (!hints_.keep_comments || has_visible_control(doc, n)))
        rule = "tag:form";
      // In a thread, a reply quotes the post it answers in an <aside> around a <blockquote>
      // (Discourse's "[quote]", the poster's name above it): the quotation is part of the reply.
      if (rule == "tag:aside" && hints_.keep_comments && is_quoted_embed(doc, sel, n)) rule = {};
      if (rule.empty() && !kept_dialog) rule = chrome_role_rule(doc.attr(n, "role"));
      // Hidden elements are dropped too, unless they hold most of the page: some shops and
      // galleries hide their whole content until a script reveals it. A popover (the HTML
      // popover attribute) is hidden until a button opens it: an app-install card, a
      // notification-settings panel.
      if (rule.empty() && !kept_dialog && (hidden_by_markup(doc, n) || doc.has_attr(n, "popover"))) {
        if (!hidden_prose(doc, n, sel.stats[n]) && !closed_tab_panel(doc, n, sel.stats[n])) rule = "hidden";
      }
      // A data dump yields to nothing (as a hidden element, below): however much of the page it
      // is, none of it reads.
      if (rule.empty() && is_token_dump(node.tag, sel.stats[n])) {
        rule = "tokens";
        hidden = true;
      }
      // A count in its three vote states shows only the middle one (opens_vote_states): the
      // other two are hidden by the stylesheet and go, as a hidden element would.
      NodeId vote_last = kNoNode;
      const std::string_view classes = doc.attr(n, "class");
      if (rule.empty() && !classes.empty() && sel.stats[n].chars > 0 && sel.stats[n].chars <= kVoteCountMaxChars &&
          opens_vote_states(doc, sel, n, classes, vote_last)) {
        sel.drop[vote_last] = "vote-states";
        rule = "vote-states";
        hidden = true;
      }
      // A product page's live region is a status message (SelectionHints::drop_live_regions).
      if (rule.empty() && hints_.drop_live_regions && is_live_region(doc, n) && !holds_h1(n)) rule = "live-region";
      // A schema.org InteractionCounter (itemprop="interactionStatistic") is a post's like or
      // view count, marked as data about the post in any language; it is not the post's text.
      if (rule.empty() && doc.attr(n, "itemprop") == "interactionStatistic") rule = "itemprop:counter";
      // A letter avatar: the poster's initial drawn as a picture (role="img", named by its
      // aria-label; XenForo's default avatar). An image's text is not read: its label is.
      if (rule.empty() && sel.stats[n].chars > 0 && sel.stats[n].chars <= kInitialsMaxChars && is_initials_image(doc, n))
        rule = "role:img";
      // Invision Community marks what a quotation of a post leaves out (data-excludequote): the
      // "Edited ... by ..." line under a post, the software's note about the post, not its text.
      if (rule.empty() && doc.has_attr(n, "data-excludequote")) rule = "class:post-info";
      // A notice is no content even where it is most of a script-drawn page's text: it yields
      // to nothing (as a hidden element, below).
      if (rule.empty() && node.tag == Tag::k_noscript) {
        const Noscript kind = noscript_kind(doc, n, sel.stats[n]);
        if (kind != Noscript::kContent) rule = "tag:noscript";
        hidden = kind == Noscript::kNotice;
      }
      if (rule.empty() && !headed_comments_.empty() &&
          std::binary_search(headed_comments_.begin(), headed_comments_.end(), n) && !holds_h1(n)) {
        rule = "comments-after-heading";
        comment = true;
      }
      if (rule.empty() && !headed_reviews_.empty() &&
          std::binary_search(headed_reviews_.begin(), headed_reviews_.end(), n) && !holds_h1(n))
        rule = "reviews-after-heading";
      if (rule.empty() && !headed_footers_.empty() &&
          std::binary_search(headed_footers_.begin(), headed_footers_.end(), n) && !holds_h1(n))
        rule = "footer-heading";
      if (rule.empty() && level >= kRulesAll && node.tag != Tag::k_article && node.tag != Tag::k_main) {
        scratch_.clear();
        append_class_id_key(scratch_, classes, doc.attr(n, "id"));
        if (scratch_.size() > 1) {
          // A <th> is a table's heading cell: its "tech-specs__header" or "footer_title" names
          // its place in the table (the row's label in a specifications table), as on a heading.
          ClassMatch m = match_class(scratch_, is_heading_tag(node.tag) || node.tag == Tag::k_th);
          // Inside a <figure>, a layout part's name is the figure's own part: a listicle's
          // "figure-footer" under each product photo holds the item's text, not the page's footer.
          if (m.layout_part && in_figure(doc, n, sel.body)) m = match_class(scratch_, true);
          // A highlighter names each token of a code sample for its colour: Prism's "token
          // comment", highlight.js's "hljs-comment", a "keyword" or "tag" span. Those are the
          // program's text, never the page's comment section, share bar or tag list.
          if ((m.weight < 0 || m.comment || m.hidden) && in_code_sample(doc, n)) m = {};
          // A drawer's class says it is one ("sheet", "modal") or that it is closed ("is-hidden").
          if (kept_dialog && (m.hidden || m.rule == "class:popup")) m = {};
          if (m.comment && hints_.keep_comments && !in_schema_post(doc, n)) {
            sel.comment[n] = 1;  // kept: the replies of a thread (widen_to_posts takes in their post)
          } else if ((m.weight <= -25 && !holds_h1(n) && !(hints_.list_region && names_component_part(scratch_, m.rule)) && !(m.rule == "class:share" && is_quoted_embed(doc, sel, n))) ||
                     m.hidden) {
            rule = m.rule;
            comment = m.comment;
            hidden = m.hidden;
            // A tab or accordion panel closed by its class.
            if (hidden && (hidden_prose(doc, n, sel.stats[n]) || closed_tab_panel(doc, n, sel.stats[n]))) {
              rule = {};
              hidden = false;
            }
            if (hints_.keep_prose_promos && is_promo_rule(rule) && reads_as_prose(sel.stats[n])) rule = {};
            // A product's drawer named a "modal" (detail_dialog), and the parts of it that its
            // class names so too ("details-modal__container").
            if (rule == "class:popup" && hints_.keep_detail_dialogs &&
                ((kept_popup != kNoNode && doc.holds(kept_popup, n)) ||
                 (in_main_landmark(doc, n) && detail_dialog(doc, n, sel.stats[n])))) {
              if (kept_popup == kNoNode || !doc.holds(kept_popup, n)) kept_popup = n;
              rule = {};
              hidden = false;
            }
            // In a thread, a layout wrapper named for the site's builder ("canvas-widget-list" of
            // vBulletin 5) that holds the posts schema.org marks as such is the thread's place.
            if (!hidden && hints_.keep_comments && holds_schema_post(doc, sel, n)) rule = {};
          }
          if (rule.empty() && hints_.drop_reviews && !holds_h1(n) && names_reviews(scratch_)) rule = "class:reviews";
          if (rule.empty() && hints_.drop_shop_notes && !holds_h1(n) && names_shop_notes(scratch_)) rule = "class:shop-notes";
          if (rule.empty() && names_placeholder(scratch_) && doc.node(n).parent != kNoNode && beside_text_field(doc, n))
            rule = "field-placeholder";
          // On a page that is a list of items, a block without prose or pictures that its class or
          // id calls a filter ("filter-group", "shop-filter__panel") is a facet of the shop's filter
          // panel: folded away, it leaves its name; drawn as tiles without a box to tick, its
          // choices' names (is_filter_panel finds those by their boxes and counts).
          if (rule.empty() && hints_.list_region && sel.stats[n].chars > 0 && sel.stats[n].prose_chars == 0 &&
              names_filter(scratch_) && !holds_h1(n) && !holds_picture(doc, n))
            rule = "filter-options";
          if (rule.empty() && m.fine_print && fine_print_.size() < kMaxFinePrint)
            fine_print_.push_back(n);
          // A skip link ("skip-to-content", "plp-skip-to-product-list"): a link to a place on the
          // same page for keyboard and screen-reader users, named for that. Only the link itself:
          // the place it leads to carries the same words in its id ("skip-to-products" on a grid).
          if (rule.empty() && node.tag == Tag::k_a && scratch_.find("skip") != std::string::npos &&
              doc.attr(n, "href").starts_with('#'))
            rule = "class:nav";
        }
      }
      if (rule.empty() && !permalinked_comments_.empty() &&
          std::binary_search(permalinked_comments_.begin(), permalinked_comments_.end(), n) && !holds_h1(n)) {
        rule = "comment-permalink";
        comment = true;
      }
      // On a page that is a list of items, a faceted filter panel is chrome beside the list.
      if (rule.empty() && level >= kRulesAll && hints_.list_region && is_filter_panel(doc, sel, n))
        rule = "filter-options";
      // On such a page, a short element whose class names a button ("btn", "button", "cta") or that ARIA
      // calls one (role=button) is a card's call to action ("Quick view", "Add to bag", "Apply
      // now"): a control drawn as a button, not the item's text.
      if (rule.empty() && level >= kRulesAll && hints_.list_region && is_call_to_action(doc, n, sel.stats[n]))
        rule = "call-to-action";
      // A comment section holding half the page (a long thread under a short story) still goes
      // when the rest of the page holds an article of its own.
      const bool article_beside = rule == kCommentsRule &&
                                  body_prose - std::min(body_prose, sel.stats[n].prose_chars) >= kArticleMinProse;
      // A footer, header or navigation beside the page's own <main> is chrome however much
      // text it holds (a product page's footnotes, longer than its feature tour): the page
      // marked where its content is, and this is not it. So is the page's own footer when the
      // page's <h1> is outside it (a footer of service-area place names or zip codes, longer
      // than the page): a footer closes the page, it never holds the page under another heading.
      // Nor does a navigation landmark (a shop's mega menu, longer than a short category page).
      const bool would_yield = !rule.empty() && !hidden &&
                               ((!article_beside && sel.stats[n].chars > 0.5f * body_chars) ||
                                (!comment && rule != "hidden" && !is_column_rule(rule) &&
                                 holds_most_prose(sel.stats[n], body_prose)));
      if (would_yield && is_landmark_rule(doc, n, rule)) {
        if (!main_looked_up) {
          page_main = prose_main_element(doc, sel);
          main_looked_up = true;
        }
        if (page_main != kNoNode && !doc.holds(n, page_main) && !doc.holds(page_main, n)) landmark_beside_main = true;
        if (!h1_marked_.empty() && !holds_h1(n) && (is_page_footer(doc, n, rule) || is_navigation_rule(rule)))
          landmark_beside_main = true;
      }
      // A footer that its heading names is the page's own footer where its tag is gone.
      if (would_yield && rule == "footer-heading" && !h1_marked_.empty() && !holds_h1(n)) landmark_beside_main = true;
      // A shop's product grid keeps its wrapper whatever the wrapper's class says (kGridYieldShare).
      if (!rule.empty() && !hidden && !comment && hints_.list_region && rule.starts_with("class:") &&
          holds_page_grid(doc, sel, n, body_chars)) {
        sel.yielded.emplace_back(n, rule);
        rule = {};
      }
      if (!rule.empty() && !hidden && !article_beside && !landmark_beside_main && sel.stats[n].chars > 0.5f * body_chars) {
        sel.yielded.emplace_back(n, rule);
        rule = {};
      }
      if (!rule.empty() && !hidden && !comment && rule != "hidden" && !is_column_rule(rule) && !landmark_beside_main &&
          holds_most_prose(sel.stats[n], body_prose)) {
        sel.yielded.emplace_back(n, rule);
        rule = {};
      }
    }
    if (!rule.empty() && rule == yield_rule_) {
      sel.yielded.emplace_back(n, rule);
      rule = {};
    }
    if (!rule.empty()) {
      sel.drop[n] = rule;
      if (rule == "tag:form" && is_email_signup_form(doc, n)) drop_signup_box(doc, sel, n, body_chars);
      if (rule == kCommentsRule && sel.stats[n].chars == 0 && !hints_.keep_comments) drop_comment_notice(doc, sel, n);
      if (comment) {
        sel.comment[n] = 1;
        if (sel.comments_root == kNoNode || sel.stats[n].chars > sel.stats[sel.comments_root].chars)
          sel.comments_root = n;
      }
      n = doc.next_skip_children(n, sel.body);
      continue;
    }
    n = doc.next_in_subtree(n, sel.body);
  }
  measure(doc, sel, sel.body);

  // Pass 3: lists of other pages or products under a heading that says so ("Related news",
  // "Similar items"), before the container is chosen: on a shop page they can outweigh it.
  list_headings_.clear();
  for (NodeId n = hints_.keep_related_lists ? kNoNode : sel.body; n != kNoNode;) {
    if (deadline_->expired(kPass)) break;
    const NodeStats& st = sel.stats[n];
    // A box's own header that a class rule took out ("card-header", "widget-header": the
    // title row of a side box) still says what the box holds: "Related questions" over a
    // column of links heads that list as a heading tag would.
    if ((sel.drop[n] == "class:header" || sel.drop[n] == "tag:header") && doc.node(n).kind == NodeKind::kElement &&
        list_headings_.size() < kMaxListHeadings) {
      scratch_.clear();
      uint32_t width = 0;  // read no further than a heading's length: a site's header is long
      for (NodeId d = n; d != kNoNode && width <= kListHeadingMaxChars; d = doc.next_in_subtree(d, n)) {
        if (doc.node(d).kind != NodeKind::kText) continue;
        scratch_ += doc.text(d);
        width += text_width(doc.text(d));
      }
      bool heads_list = false;
      if (width <= kListHeadingMaxChars) boilerplate_phrase_rule(scratch_, &heads_list);
      if (heads_list) list_headings_.push_back(n);
    }
    if (!sel.drop[n].empty() || doc.node(n).kind != NodeKind::kElement || st.chars == 0) {
      n = doc.next_skip_children(n, sel.body);
      continue;
    }
    if (st.chars > kListHeadingMaxChars || n == sel.body) {
      n = doc.next_in_subtree(n, sel.body);
      continue;
    }
    bool heads_list = false;
    if (st.link_chars == 0) {
      scratch_.clear();
      doc.append_text(n, scratch_);
      boilerplate_phrase_rule(scratch_, &heads_list);
    }
    // "More Harbour Gazette" over the site's other stories: a list heading by the site's name.
    if (!heads_list && st.link_chars == 0) heads_list = names_site_after_more(scratch_, site_names_);
    if (heads_list && list_headings_.size() < kMaxListHeadings) list_headings_.push_back(n);
    n = doc.next_skip_children(n, sel.body);
  }
  bool dropped = false;
  if (!list_headings_.empty()) {
    const NodeId h1 = only_visible_h1(doc, sel, hints_.first_h1);
    mark_h1_path(doc, h1);
    for (NodeId h : list_headings_) dropped = drop_headed_list(doc, sel, h, sel.body, h1, false) || dropped;
  }
  if (dropped) measure(doc, sel, sel.body);
}

// A newsletter's sign-up form (is_email_signup_form) is dropped as every form is, but its pitch
// sits around it in the same box: a heading, a line on what comes to the inbox, the consent
// fine print. The form's largest ancestor with at most kSignupBoxMaxChars of text goes with it
// as "signup-box", unless that ancestor holds the page's h1 or half its text (a page that is
// only the sign-up: its pitch is the page).
void ContentSelector::drop_signup_box(const Document& doc, ContentSelection& sel, NodeId form, float body_chars) {
  NodeId box = form;
  for (NodeId p = doc.node(form).parent; p != kNoNode && p != sel.body && doc.node(p).tag != Tag::k_html;
       p = doc.node(p).parent) {
    const uint32_t chars = sel.stats[p].chars;
    if (chars > kSignupBoxMaxChars || chars > 0.5f * body_chars || holds_h1(p) || !sel.drop[p].empty()) break;
    box = p;
  }
  if (box != form) sel.drop[box] = "signup-box";
}

// A comment section that a script fills (Disqus, Facebook, Gigya: empty in the HTML) sits under
// its heading and notice ("Comments", "To post a comment, log in...", the house rules), a block
// of its own just before it: the nearest sibling before it with text, when that is no paragraph
// or heading of the article (a bare <p> there is its last paragraph), is short
// (kCommentNoticeMaxChars) and has no class or id of a content container. Not on forum pages
// (SelectionHints::keep_comments): there the line before a post's remarks is the post's own
// (its poster and date).
void ContentSelector::drop_comment_notice(const Document& doc, ContentSelection& sel, NodeId section) {
  NodeId s = doc.node(section).prev_sibling;
  while (s != kNoNode && (doc.node(s).kind != NodeKind::kElement || !sel.drop[s].empty() || sel.stats[s].chars == 0)) {
    if (doc.node(s).kind == NodeKind::kText && widths_[s] > 0) return;  // loose text: no block of its own
    s = doc.node(s).prev_sibling;
  }
  if (s == kNoNode || is_paragraph_tag(doc.node(s).tag) || sel.stats[s].chars > kCommentNoticeMaxChars) return;
  scratch_.clear();
  append_class_id_key(scratch_, doc.attr(s, "class"), doc.attr(s, "id"));
  if (match_class(scratch_).weight > 0) return;
  sel.drop[s] = "comment-notice";
}

// Marks h1 and its ancestors (after clearing the marks of the last one): drop_headed_list and
// the class rules ask of every candidate whether it holds the page's <h1>.
void ContentSelector::mark_h1_path(const Document& doc, NodeId h1) {
  for (NodeId n : h1_marked_) h1_path_[n] = 0;
  h1_marked_.clear();
  for (NodeId n = h1; n != kNoNode; n = doc.node(n).parent) {
    h1_path_[n] = 1;
    h1_marked_.push_back(n);
  }
}

// A closed tab or accordion of a typed page (SelectionHints::keep_hidden_prose) is prose:
// little link text, paragraphs. A block hidden from screen readers too (aria-hidden) is
// decoration or a duplicate.
bool ContentSelector::hidden_prose(const Document& doc, NodeId n, const NodeStats& st) const {
  return hints_.keep_hidden_prose && doc.attr(n, "aria-hidden") != "true" && reads_as_prose(st);
}

// A carousel's slides, by the class names of the common slider scripts ("slick-slide",
// "swiper-slide", "splide__slide", "owl-item", "carousel-item"); the copies that a looping slider
// adds at both ends say so in a class name ("slick-cloned", "swiper-slide-duplicate").
constexpr std::string_view kSlideClassWords[] = {"slide", "owl-item", "carousel-item"};
constexpr std::string_view kSlideCopyClassWords[] = {"clone", "duplicate"};

// A slide of a carousel that is not one of its copies: the slider hides the slides out of view
// from screen readers too (aria-hidden), but their text is the page's as much as the shown one's
// (a service page's customer quotes).
bool uncloned_slide(const Document& doc, NodeId n) {
  const std::string classes = ascii_lowercase(doc.attr(n, "class"));
  return contains_any(classes, kSlideClassWords) && !contains_any(classes, kSlideCopyClassWords);
}

uint64_t card_class_signature(const Document& doc, NodeId card, uint64_t sig);
// FNV-1a, the hash of record signatures and block texts: its start value, and one step (a byte,
// or each byte of a name).
constexpr uint64_t kFnvOffsetBasis = 1469598103934665603ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;
constexpr uint64_t fnv_step(uint64_t h, char ch) { return (h ^ static_cast<unsigned char>(ch)) * kFnvPrime; }
constexpr uint64_t fnv_step(uint64_t h, std::string_view s) {
  for (char ch : s) h = fnv_step(h, ch);
  return h;
}
// A tab set has a few panels; a list of thousands of hidden rows is no tab set, and looking at
// every sibling of every row would be quadratic.
constexpr int kTabSetMaxSiblings = 32;

// A closed tab of a tab set or a closed accordion panel: its text is the page's as much as the
// open tab's, prose or not (a product's specifications table, a course's list of short answers,
// an article's questions and answers). On every page when its markup says so: an element that
// ARIA calls a tab panel, or that the button just before it controls (aria-controls, an
// accordion's question); there aria-hidden is the closed state, which the same script toggles.
// On a typed page (SelectionHints::keep_hidden_prose) also a hidden element with a shown
// sibling of its tag and first class name (the open tab: "tab-pane" shown and its siblings "tab-pane" hidden by a style), when it is
// not hidden from screen readers too (a carousel's cloned slides) or is a slide that is no copy
// (uncloned_slide: the slides out of view beside the shown one). Never when links make
// kHiddenProseMaxLinks of it (a mega menu's closed panels). Runs on hidden elements only, and
// looks at kTabSetMaxSiblings of their siblings at most.
bool ContentSelector::closed_tab_panel(const Document& doc, NodeId n, const NodeStats& st) const {
  if (st.chars == 0 || st.link_chars >= kHiddenProseMaxLinks * st.chars) return false;
  if (iequals(doc.attr(n, "role"), "tabpanel") || controlled_by_previous(doc, n)) return true;
  if (!hints_.keep_hidden_prose) return false;
  if (doc.attr(n, "aria-hidden") == "true" && !uncloned_slide(doc, n)) return false;
  const NodeId parent = doc.node(n).parent;
  if (parent == kNoNode || doc.attr(n, "class").empty()) return false;
  const Tag tag = doc.node(n).tag;
  const uint64_t kind = card_class_signature(doc, n, kFnvOffsetBasis);
  int looked = 0;
  for (NodeId s = doc.node(parent).first_child; s != kNoNode && looked < kTabSetMaxSiblings;
       s = doc.node(s).next_sibling, ++looked) {
    if (s == n || !doc.is_element(s, tag) || card_class_signature(doc, s, kFnvOffsetBasis) != kind) continue;
    if (hidden_by_markup(doc, s)) continue;
    // Shown by its class too: two copies hidden by "d-none" are a responsive pair, not a tab set.
    if (!match_class(ascii_lowercase(doc.attr(s, "class")), false).hidden) return true;
  }
  return false;
}

// A dialog inside the page's <main> (SelectionHints::keep_detail_dialogs) is the product's when
// it reads as prose under a heading of its own and holds no field to fill in (a text, choice or
// list box): a drawer with the description, the care notes or a certification. A sign-up, a
// stock alert or a report form asks for input; a cart or a menu is links; an error notice
// ("Something went wrong, refresh the page") is a line or two. A dialog in a list item is the
// item's (in_main_landmark): each promoted card's "Why am I seeing this ad?".
bool ContentSelector::detail_dialog(const Document& doc, NodeId n, const NodeStats& st) const {
  return st.chars >= kDetailDialogMinChars && reads_as_prose(st) && holds_heading(doc, n) &&
         !holds_input_field(doc, n);
}

// The control of an accordion panel sits just before it: the previous element sibling is the
// button or holds it (a question's <h3> around its button). A few nodes suffice.
constexpr int kDisclosureControlMaxNodes = 16;

bool ContentSelector::controlled_by_previous(const Document& doc, NodeId n) const {
  std::string_view id = doc.attr(n, "id");
  if (id.empty()) {
    // The panel may sit in a wrapper that the script animates open (Chakra's "chakra-collapse"
    // around its role=region panel): the wrapper's first element carries the id.
    NodeId first = doc.node(n).first_child;
    while (first != kNoNode && doc.node(first).kind != NodeKind::kElement) first = doc.node(first).next_sibling;
    if (first != kNoNode) id = doc.attr(first, "id");
  }
  NodeId prev = doc.node(n).prev_sibling;
  while (prev != kNoNode && doc.node(prev).kind != NodeKind::kElement) prev = doc.node(prev).prev_sibling;
  if (prev == kNoNode) return false;
  int seen = 0;
  if (id.empty()) {
    // A panel with no id to name (a page whose ids are gone or never were): the button just
    // before it that says it controls a panel controls this one, unless the element opens with
    // a control of its own (the next item of a menu of flyouts, hidden whole).
    for (NodeId c = n; c != kNoNode && seen < kDisclosureControlMaxNodes; c = doc.next_in_subtree(c, n), ++seen)
      if (doc.node(c).kind == NodeKind::kElement && !doc.attr(c, "aria-controls").empty()) return false;
    seen = 0;
  }
  for (NodeId c = prev; c != kNoNode && seen < kDisclosureControlMaxNodes; c = doc.next_in_subtree(c, prev), ++seen)
    if (doc.node(c).kind == NodeKind::kElement && !doc.attr(c, "aria-controls").empty() &&
        (id.empty() || doc.attr(c, "aria-controls") == id))
      return true;
  return false;
}

// A text of paragraphs: kTextMinBlocks blocks or more, nearly all prose, hardly a link.
bool ContentSelector::reads_as_paragraphs(const NodeStats& st) {
  return st.blocks >= kTextMinBlocks && static_cast<float>(st.prose_chars) >= kTextProseShare * static_cast<float>(st.chars) &&
         static_cast<float>(st.link_chars) <= kTextMaxLinkShare * static_cast<float>(st.chars) &&
         st.prose_chars >= kArticleMinProse / 2;
}

// Little link text, and paragraphs make a good share of the text.
bool ContentSelector::reads_as_prose(const NodeStats& st) const {
  return st.chars > 0 && st.link_chars < kHiddenProseMaxLinks * st.chars &&
         st.prose_chars >= kHiddenProseMinShare * st.chars;
}

void ContentSelector::measure(const Document& doc, ContentSelection& sel, NodeId scope) {
  std::vector<NodeId>& order = order_;
  std::vector<uint32_t>& inline_chars = inline_chars_;
  std::vector<uint32_t>& inline_links = inline_links_;
  preorder(doc, scope, order);
  inline_chars.assign(doc.size(), 0);
  inline_links.assign(doc.size(), 0);
  for (size_t i = order.size(); i-- > 0;) {
    NodeId n = order[i];
    NodeStats& st = sel.stats[n];
    st = NodeStats{};
    if (!sel.drop[n].empty()) continue;
    const Node& node = doc.node(n);
    if (node.kind == NodeKind::kText) {
      st.chars = widths_[n];
      inline_chars[n] = st.chars;
      st.token_chars = token_widths_[n];
      continue;
    }
    if (node.kind != NodeKind::kElement && node.kind != NodeKind::kDocument) continue;
    uint32_t own = 0, own_links = 0;
    for (NodeId c = node.first_child; c != kNoNode; c = doc.node(c).next_sibling) {
      if (!sel.drop[c].empty()) continue;
      const NodeStats& cs = sel.stats[c];
      st.chars += cs.chars;
      st.link_chars += cs.link_chars;
      st.token_chars += cs.token_chars;
      st.links += cs.links;
      st.blocks += cs.blocks;
      st.prose_chars += cs.prose_chars;
      st.sum += cs.up;
      own += inline_chars[c];
      own_links += inline_links[c];
    }
    // Long tokens in code (a command line's URL, a hash) are its text, not a data dump.
    if (node.tag == Tag::k_pre || node.tag == Tag::k_code) st.token_chars = 0;
    if (is_link_element(doc, n)) {
      st.link_chars = st.chars;
      st.links += 1;
      own_links = own;
      // Blocks inside a link (a card's headline and summary) are link text too.
      st.sum = -kLinkPenalty * static_cast<float>(st.chars - own);
    }
    if (owns_text(node.tag) || node.kind == NodeKind::kDocument || n == scope) {
      if (own > 0) {
        float text = static_cast<float>(own - own_links);
        float w = text - kLinkPenalty * static_cast<float>(own_links);
        if (!is_paragraph_tag(node.tag)) w -= kFragmentCost;
        if (is_heading_tag(node.tag)) w = std::min(w, 0.0f);
        st.weight = w;
        st.sum += w;
        if (is_paragraph_tag(node.tag) || own >= kProseMinChars) st.blocks += 1;
        if (own - own_links >= kProseMinChars) st.prose_chars += own;
      }
    } else {
      inline_chars[n] = own;
      inline_links[n] = own_links;
    }
    st.up = st.sum - mark_teasers(doc, sel, n);
  }
}

// Whether a card's first words (or first thing, for an image link) are a link or a heading: a
// teaser opens with its headline or link ("<a><img></a> Title ..."), while a paragraph that
// only mentions a link mid-sentence ("Read it <a>here</a>") opens with prose. Looks at no more
// than kCardLeadMaxNodes nodes; past them it says yes, as every card used to be counted.
constexpr int kCardLeadMaxNodes = 64;
bool opens_with_link_or_heading(const Document& doc, NodeId card) {
  int budget = kCardLeadMaxNodes;
  for (NodeId n = doc.next_in_subtree(card, card); n != kNoNode && budget-- > 0;) {
    const Node& node = doc.node(n);
    if (node.kind == NodeKind::kElement && (node.tag == Tag::k_a || is_heading_tag(node.tag))) return true;
    if (node.kind == NodeKind::kText) {
      for (char ch : doc.text(n))
        if (!is_ascii_space(ch)) return false;
    }
    n = doc.next_in_subtree(n, card);
  }
  return true;
}

// The part of a card's class that look-alike cards share: its first class name without
// digits ("post-7816 category-faith" and "post-8106 category-family" are one kind of card).
uint64_t card_class_signature(const Document& doc, NodeId card, uint64_t sig) {
  bool started = false;  // one pass, no trim or search: this runs for every child element
  for (char ch : doc.attr(card, "class")) {
    if (is_ascii_space(ch)) {
      if (started) break;
      continue;
    }
    started = true;
    if (ch < '0' || ch > '9') sig = fnv_step(sig, ch);
  }
  return sig;
}

// Teaser lists: >= 3 sibling elements with the same tag and first class name, each short, holding a link
// and opening with it or with a heading, are cards pointing elsewhere ("Latest news", product grids, post lists). As a list they
// may be a page's content (a listing page), but they must not make an article's ancestor win:
// the list adds only kTeaserShare of its weight to its parent. Returns the weight withheld.
float ContentSelector::mark_teasers(const Document& doc, ContentSelection& sel, NodeId parent) {
  groups_.clear();
  cards_.clear();
  for (NodeId c = doc.node(parent).first_child; c != kNoNode; c = doc.node(c).next_sibling) {
    const Node& cn = doc.node(c);
    if (cn.kind != NodeKind::kElement || !sel.drop[c].empty() || sel.stats[c].chars == 0) continue;
    if (!is_block_tag(cn.tag) && cn.tag != Tag::kUnknown) continue;  // cards are blocks, not links in a line
    uint64_t sig = static_cast<uint64_t>(cn.tag) * 1000003u;
    sig = card_class_signature(doc, c, sig);
    cards_.emplace_back(c, sig);
    bool found = false;
    for (auto& g : groups_)
      if (g.first == sig) {
        ++g.second;
        found = true;
        break;
      }
    if (!found && groups_.size() < 64) groups_.emplace_back(sig, 1);
  }
  if (cards_.size() < kTeaserMinItems) return 0;
  float withheld = 0;
  for (const auto& [c, sig] : cards_) {
    uint32_t count = 0;
    for (auto& g : groups_)
      if (g.first == sig) count = g.second;
    NodeStats& cs = sel.stats[c];
    if (count >= kTeaserMinItems && cs.links >= 1 && cs.chars <= kTeaserMaxChars &&
        opens_with_link_or_heading(doc, c)) {
      cs.item = true;
      if (sel.stats[parent].items < 0xFFFF) ++sel.stats[parent].items;
      if (cs.up <= 0) continue;
      withheld += (1 - kTeaserShare) * cs.up;
    }
  }
  return withheld;
}

namespace {

// An author card beside the text: a picture linked to a page (the author's avatar) and a text
// link to the same page (the author's name), the address compared up to its query, with less
// text than the text beside it (kAuthorCardMaxShare). Its blurb (a rank's tooltip, a bio's
// first line) may read as prose, but the card is no part of the text: the descent in choose()
// does not let it hold the container above the text. Looks at no more than kAuthorCardMaxNodes
// nodes.
constexpr float kAuthorCardMaxShare = 0.5f;
constexpr uint32_t kAuthorCardMaxProse = 2 * kProseMinChars;
constexpr int kAuthorCardMaxNodes = 200;

std::string_view link_page(std::string_view href) {
  href = trim(href);
  const size_t cut = href.find_first_of("?#");
  return cut == std::string_view::npos ? href : href.substr(0, cut);
}

bool is_author_card(const Document& doc, const ContentSelection& sel, NodeId card, NodeId text) {
  const NodeStats& cs = sel.stats[card];
  if (cs.chars == 0 || cs.chars > kAuthorCardMaxShare * sel.stats[text].chars || cs.prose_chars > kAuthorCardMaxProse)
    return false;
  std::string_view pictured;  // the page the first linked picture goes to
  int budget = kAuthorCardMaxNodes;
  for (NodeId d = card; d != kNoNode && budget-- > 0; d = doc.next_in_subtree(d, card)) {
    if (!doc.is_element(d, Tag::k_a) || !sel.drop[d].empty()) continue;
    const std::string_view page = link_page(doc.attr(d, "href"));
    if (page.empty() || page.front() == '#' || page.starts_with("javascript:")) continue;
    bool picture = false;
    for (NodeId e = doc.next_in_subtree(d, d); e != kNoNode && !picture && budget-- > 0; e = doc.next_in_subtree(e, d))
      picture = doc.is_element(e, Tag::k_img);
    if (picture && sel.stats[d].chars == 0) {
      if (pictured.empty()) pictured = page;
    } else if (!pictured.empty() && sel.stats[d].chars > 0 && page == pictured) {
      return true;
    }
  }
  return false;
}

}  // namespace

void ContentSelector::choose(const Document& doc, const Options& options, ContentSelection& sel) {
  // The maximum-weight subtree, with a bonus for elements that say they are the content.
  NodeId best = sel.body;
  float best_score = sel.stats[sel.body].sum;
  NodeId page_main = kNoNode;  // the first kept <main>, as prose_main_element finds it
  for (NodeId n = sel.body; n != kNoNode;) {
    if (!sel.drop[n].empty() || doc.node(n).kind != NodeKind::kElement) {
      n = doc.next_skip_children(n, sel.body);
      continue;
    }
    if (page_main == kNoNode && doc.node(n).tag == Tag::k_main) page_main = n;
    float s = sel.stats[n].sum;
    if (s > 0 && is_content_hint(doc, n)) s *= 1 + kHintBonus;
    if (s > best_score) {
      best_score = s;
      best = n;
    }
    // Nothing inside a link is a container: a block in an <a> is a card's summary.
    n = doc.node(n).tag == Tag::k_a ? doc.next_skip_children(n, sel.body) : doc.next_in_subtree(n, sel.body);
  }
  best = prose_over_card_list(doc, sel, best, best_score);
  // The page marked its content with a <main> that holds prose of its own: where the descent
  // below would leave it for a heavier block beside it (a consent dialog of legal prose, an
  // obfuscated pop-up with no class or role to tell it by, that the page puts after its
  // layout), it goes into the <main> instead.
  const NodeId prose_main =
      page_main != kNoNode && sel.stats[page_main].prose_chars >= kYieldMinProse ? page_main : kNoNode;
  // Descend while one child holds nearly all of the weight: the parent's extra is chrome. Into a
  // paragraph only when it holds nearly all of its siblings' positive weight too: a short post's
  // first paragraph outweighed the net sum of its second one and the date box and tags around
  // them, and the container became that one paragraph.
  const float keep = options.favor == Favor::kPrecision ? 0.80f : options.favor == Favor::kRecall ? 0.97f : 0.90f;
  for (bool moved = true; moved;) {
    moved = false;
    const float total = sel.stats[best].sum;
    if (total <= 0) break;
    float positive = -1;  // the sum of the children's positive weights, once a paragraph asks
    // The heaviest child's weight with the positive weight of author cards beside it (never on a
    // thread, where the poster's card beside a post is part of it) left out of the whole.
    NodeId heaviest = kNoNode;
    for (NodeId c = doc.node(best).first_child; c != kNoNode; c = doc.node(c).next_sibling)
      if (sel.drop[c].empty() && doc.node(c).kind == NodeKind::kElement &&
          (heaviest == kNoNode || sel.stats[c].sum > sel.stats[heaviest].sum))
        heaviest = c;
    float cards = 0;
    if (!hints_.widen_to_posts && heaviest != kNoNode && sel.stats[heaviest].sum > 0 &&
        sel.stats[heaviest].sum < keep * total)
      for (NodeId c = doc.node(best).first_child; c != kNoNode; c = doc.node(c).next_sibling)
        if (c != heaviest && sel.drop[c].empty() && doc.node(c).kind == NodeKind::kElement && sel.stats[c].sum > 0 &&
            is_author_card(doc, sel, c, heaviest))
          cards += sel.stats[c].sum;
    for (NodeId c = doc.node(best).first_child; c != kNoNode; c = doc.node(c).next_sibling) {
      if (!sel.drop[c].empty() || doc.node(c).kind != NodeKind::kElement) continue;
      float whole = c == heaviest ? total - cards : total;
      if (is_paragraph_tag(doc.node(c).tag)) {
        if (positive < 0) {
          positive = 0;
          for (NodeId d = doc.node(best).first_child; d != kNoNode; d = doc.node(d).next_sibling)
            if (sel.drop[d].empty() && sel.stats[d].sum > 0) positive += sel.stats[d].sum;
        }
        whole = std::max(total, positive);
      }
      // A <main> or <article> child counts its bonus here as in the choice above: otherwise a
      // container the bonus did not carry stops one level above it, taking in what is beside it.
      float weight = sel.stats[c].sum;
      if (weight > 0 && is_content_hint(doc, c)) weight *= 1 + kHintBonus;
      if (weight >= keep * whole) {
        const bool leaves_main = prose_main != kNoNode && best != prose_main && doc.holds(best, prose_main) &&
                                 !doc.holds(c, prose_main);
        best = leaves_main ? prose_main : c;
        moved = true;
        break;
      }
    }
  }
  best = text_cell_of_row(doc, sel, best);
  best = widen_paragraph(doc, sel, best);
  const NodeId before_headline = best;
  best = story_after_caption(doc, sel, best);
  if (best == before_headline) best = story_under_headline(doc, sel, best);
  // The story under the headline is the page's text, not a listing's intro: no switch to the
  // region around it (the story and the comments under it).
  const bool headline_story = best != before_headline;
  if (hints_.widen_to_heading) {
    NodeId wide = widen_to_heading(doc, sel, best);
    sel.widened = wide != best;
    best = wide;
  }
  if (hints_.widen_to_sections) best = widen_to_sections(doc, sel, best);
  // A thread taken under the headline widens to its posts, never back over the rival it beat.
  if (hints_.widen_to_posts) {
    const NodeId posts = widen_to_posts(doc, sel, best);
    if (!headline_story || !doc.holds(posts, before_headline)) best = posts;
  }
  sel.main = best;
  sel.list_mode = false;
  sel.switched_on_little_prose = false;
  sel.switched_to_prose_region = false;

  // Listing pages (search results, product grids, link lists) have little prose: their
  // content is the region holding most of the non-chrome text, links included. When the prose
  // container holds only a small share of that region, the region is the content.
  auto descend = [&](NodeId from) {
    for (bool moved = true; moved;) {
      moved = false;
      float total = static_cast<float>(sel.stats[from].chars);
      for (NodeId c = doc.node(from).first_child; c != kNoNode; c = doc.node(c).next_sibling) {
        if (!sel.drop[c].empty() || doc.node(c).kind != NodeKind::kElement) continue;
        if (static_cast<float>(sel.stats[c].chars) >= kRegionDescend * total) {
          from = c;
          moved = true;
          break;
        }
      }
    }
    return from;
  };
  NodeId region = descend(sel.body);
  // A page that marked its content with a <main> of prose holding the container lists, if
  // anything, inside it: a region around the <main> takes in what the page put beside its
  // content (a consent dialog's legal prose after the layout), which is no listing's text. Not
  // on a forum (widen_to_posts): a thread's <main> may hold only its opening post, the replies
  // beside it.
  if (!hints_.widen_to_posts && prose_main != kNoNode && region != prose_main && doc.holds(prose_main, best) && doc.holds(region, prose_main))
    region = descend(prose_main);
  const NodeStats& rs = sel.stats[region];
  const NodeStats& bs = sel.stats[best];
  // Paragraphs outside the prose container (a listing's descriptions, even inside card links):
  // a region that is only short links around a short article is a link list, not a listing.
  // The region may be a sibling of the prose container (a category's heading and intro above
  // a grid of product cards): then all of its text is outside the container.
  const bool region_holds_best = doc.holds(region, best);
  const float inside = region_holds_best ? 1.f : 0.f;
  const float plain_outside =
      std::max(static_cast<float>(rs.prose_chars) - inside * static_cast<float>(bs.prose_chars),
               static_cast<float>(rs.chars - rs.link_chars) - inside * static_cast<float>(bs.chars - bs.link_chars));
  // The prose of a list that a list heading opens ("Related news" over headlines with their
  // summaries) beside the container is another page's teaser, no sign of a listing: an article
  // typed so is judged without it (strict_listing_switch).
  // So is the prose inside links (a menu's or a strip's teasers, "<a><div>headline and summary
  // </div></a>", pointing to other pages): where no <nav> or <header> tells the site's menu, its
  // linked teasers would read as a listing's descriptions. (Not for a text of paragraphs on a page
  // of another type, reads_as_paragraphs: there a service page's linked cards beside its blurb are
  // what the page lists; wcxb-dev, two service pages -0.59 and -0.32.)
  // The plain text outside tells a listing from an article among link lists; on a page typed
  // as a listing its cards may be nothing but links (job titles, linked product names and their
  // ratings): there a short container is the list's intro, unless the region is the site's
  // navigation (a menu that holds most of the page's text when the list is built by scripts)
  // or the container is in an <article> (a video's story above the list of other videos).
  const bool typed_intro = hints_.list_region && bs.blocks <= kListIntroMaxBlocks && !in_navigation(doc, region) &&
                           !in_article(doc, best, region);
  const uint32_t min_region = hints_.list_region && rs.items >= kTeaserMinItems ? kTypedListMinChars : kListMinChars;
  const bool may_switch = region != best && !headline_story &&
                          static_cast<float>(bs.chars) < (typed_intro ? kListIntroMaxShare : kListSwitchShare) * rs.chars &&
                          rs.chars >= min_region && (typed_intro || plain_outside >= kListPlainRatio * bs.chars) &&
                          bs.prose_chars < kArticleMinProse;
  // The prose beside the container and outside links (two walks of the region): only where the
  // region may replace the container.
  const float prose_beside = !may_switch ? 0.f
                                         : static_cast<float>(rs.prose_chars) - inside * static_cast<float>(bs.prose_chars) -
                                               static_cast<float>(related_list_prose(doc, sel, region, best));
  const float prose_outside = !may_switch ? 0.f : prose_beside - static_cast<float>(linked_prose(doc, sel, region, best));
  if (may_switch && (hints_.strict_listing_switch ? prose_outside >= kArticleListProseRatio * bs.chars
                                                  : !reads_as_paragraphs(bs) || prose_beside >= kArticleListProseRatio * bs.chars)) {
    sel.main = region;
    // A region that is mostly prose is, on a page typed article, a text set in several blocks (a
    // page builder's sections), not a list: its link lists are pruned as in any text. Untyped, a
    // blog's front page of excerpts reads the same.
    sel.switched_to_prose_region =
        static_cast<float>(rs.prose_chars) >= kRegionProseTextShare * static_cast<float>(rs.chars);
    sel.list_mode = !(hints_.prose_region_is_text && sel.switched_to_prose_region);
    sel.switched_on_little_prose = prose_outside < kArticleListProseRatio * bs.chars;
    // Beside the region, the prose container is its heading and intro: take both in, unless
    // their common ancestor is the body or much more than the region.
    if (!region_holds_best) {
      NodeId lca = doc.node(region).parent;
      while (lca != kNoNode && !doc.holds(lca, best)) lca = doc.node(lca).parent;
      if (lca != kNoNode && lca != sel.body && sel.stats[lca].chars <= kListWidenMax * rs.chars) sel.main = lca;
    }
  }
  // A collection page whose prose container comes after a product grid: the container is the
  // shop's text for search engines under the products (buying advice, an FAQ), which can
  // outweigh the grid and its short cards; the grid is what the page lists.
  if (hints_.list_region && !sel.list_mode) {
    const NodeId grid = grid_before(doc, sel, sel.main);
    if (grid != kNoNode) {
      NodeId lca = doc.node(grid).parent;
      while (lca != kNoNode && !doc.holds(lca, sel.main)) lca = doc.node(lca).parent;
      if (lca != kNoNode && lca != sel.body) sel.main = lca;
      else sel.main = hints_.widen_to_heading ? widen_to_heading(doc, sel, grid) : grid;
      sel.list_mode = true;
    }
  }
}

// The prose of the lists that the label pass's list headings (list_headings_: "Related news",
// "相关新闻", whose section was kept for its prose) open in region and outside best: the following
// siblings of the heading, or of its parent when the heading is all its parent holds, as far as
// they lie in region (the region may be the list itself, the heading just before it).
uint32_t ContentSelector::related_list_prose(const Document& doc, const ContentSelection& sel, NodeId region,
                                             NodeId best) const {
  uint32_t prose = 0;
  for (NodeId h : list_headings_) {
    if (doc.holds(best, h)) continue;
    NodeId from = h;
    const NodeId parent = doc.node(h).parent;
    if (doc.node(h).next_sibling == kNoNode && parent != kNoNode && parent != region && !doc.holds(parent, best))
      from = parent;
    for (NodeId s = doc.node(from).next_sibling; s != kNoNode; s = doc.node(s).next_sibling) {
      if (doc.node(s).kind != NodeKind::kElement || !sel.drop[s].empty() || doc.holds(s, best)) continue;
      if (doc.holds(region, s)) prose += sel.stats[s].prose_chars;
      else if (doc.holds(s, region)) prose += sel.stats[region].prose_chars;
    }
  }
  return prose;
}

// The prose inside links in region and outside best (a teaser's headline and summary wrapped in
// its link): text that points to other pages.
uint32_t ContentSelector::linked_prose(const Document& doc, const ContentSelection& sel, NodeId region,
                                       NodeId best) const {
  uint32_t prose = 0;
  for (NodeId n = region; n != kNoNode;) {
    const Node& e = doc.node(n);
    if (n == best || !sel.drop[n].empty() || e.kind != NodeKind::kElement) {
      n = doc.next_skip_children(n, region);
      continue;
    }
    if (e.tag == Tag::k_a) {
      prose += sel.stats[n].prose_chars;
      n = doc.next_skip_children(n, region);
      continue;
    }
    n = sel.stats[n].prose_chars == 0 ? doc.next_skip_children(n, region) : doc.next_in_subtree(n, region);
  }
  return prose;
}

// The card list with the most text that lies before best in the page (not holding it), outside
// dropped blocks and the site's navigation, with kGridMinCards cards of kGridMinCardChars
// characters on average; kNoNode when there is none.
NodeId ContentSelector::grid_before(const Document& doc, const ContentSelection& sel, NodeId best) const {
  NodeId grid = kNoNode;
  for (NodeId n = sel.body; n != kNoNode && n != best;) {
    const Node& e = doc.node(n);
    if (!sel.drop[n].empty() || e.kind != NodeKind::kElement || e.tag == Tag::k_nav || e.tag == Tag::k_header ||
        e.tag == Tag::k_footer) {
      n = doc.next_skip_children(n, sel.body);
      continue;
    }
    const NodeStats& st = sel.stats[n];
    if (is_card_grid(st) && !doc.holds(n, best) &&
        (grid == kNoNode || st.chars > sel.stats[grid].chars) && !in_navigation(doc, n))
      grid = n;
    n = doc.next_in_subtree(n, sel.body);
  }
  return grid;
}

// A list of teaser cards (most of its weight is its cards', which it passes up only in part)
// that outweighs a block of prose paragraphs elsewhere on the page (a "Breaking news" strip of
// ten headlines with their first sentences above the article) is the page's chrome: cards are
// excerpts of other pages. The heaviest element outside the list and its ancestors, not itself
// a card list, wins when it holds kYieldMinProse characters of prose and weighs at least what
// the list would pass up to a parent (kTeaserShare of its weight): the list counts as chrome
// beside an article, as it does inside one. With 0.9 or 0.5 of the list's weight instead, only
// dev's page changes; at 0.25, also a service page (wcxb-dev +0.23) and two forum threads
// (magic-html +0.31, -0.02). A listing page keeps its list: it has no such block, or the
// listing region takes the list back in (choose).
bool is_card_list(const NodeStats& st) {
  return st.items >= kTeaserMinItems && st.sum > 0 && st.sum - st.up > 0.5f * st.sum;
}

NodeId ContentSelector::prose_over_card_list(const Document& doc, const ContentSelection& sel, NodeId best,
                                             float best_score) const {
  if (!is_card_list(sel.stats[best])) return best;
  NodeId alt = kNoNode;
  float alt_score = kTeaserShare * best_score;
  for (NodeId n = sel.body; n != kNoNode;) {
    if (n == best || !sel.drop[n].empty() || doc.node(n).kind != NodeKind::kElement) {
      n = doc.next_skip_children(n, sel.body);
      continue;
    }
    const NodeStats& st = sel.stats[n];
    float s = st.sum;
    if (s > 0 && is_content_hint(doc, n)) s *= 1 + kHintBonus;
    if (s >= alt_score && st.prose_chars >= kYieldMinProse && !is_card_list(st) && !doc.holds(n, best)) {
      alt_score = s;
      alt = n;
    }
    n = doc.node(n).tag == Tag::k_a ? doc.next_skip_children(n, sel.body) : doc.next_in_subtree(n, sel.body);
  }
  return alt == kNoNode ? best : alt;
}

// An article's lead (its standfirst or summary, named so by its class: rules.h
// names_article_lead) is often set apart from the body, between the headline and the story, so
// that the body is chosen without it. A kept block so named, before the container among the
// preceding siblings (kLeadMaxSiblings with text) of the container or of an ancestor up to
// kLeadMaxLevels, or inside one of them, is taken in when it reads as a lead: kLeadMinChars to
// kLeadMaxChars of text, under kLeadMaxLinkShare links, no card. The container becomes their lowest
// common ancestor, and everything in it but the lead and the old container is marked
// outside-main, as before. Not on typed pages, whose hints widen the container their own way,
// nor when the ancestor holds much more than the two (kLeadWidenMax): then the lead's block is
// the page's, not the story's.
namespace {
// The container widens to top, its ancestor, to take in extra (a block beside it): everything
// under top off the paths to extra and to the old container goes as outside-main.
void take_in_beside(const Document& doc, ContentSelection& sel, NodeId top, NodeId extra) {
  auto keep_only_path = [&](NodeId from) {
    for (NodeId n = from; n != top; n = doc.node(n).parent) {
      const NodeId parent = doc.node(n).parent;
      for (NodeId c = doc.node(parent).first_child; c != kNoNode; c = doc.node(c).next_sibling) {
        if (c == n || doc.holds(c, extra) || doc.holds(c, sel.main)) continue;
        if (doc.node(c).kind == NodeKind::kElement && sel.drop[c].empty()) sel.drop[c] = "outside-main";
      }
    }
  };
  keep_only_path(sel.main);
  keep_only_path(extra);
  sel.main = top;
}
}  // namespace

constexpr int kLeadMaxLevels = 3;
constexpr int kLeadMaxSiblings = 3;
constexpr int kLeadMaxNodes = 64;  // nodes looked at inside each sibling
constexpr uint32_t kLeadMinChars = 60;
constexpr uint32_t kLeadMaxChars = 1200;
constexpr float kLeadMaxLinkShare = 0.1f;
constexpr float kLeadWidenMax = 1.5f;

// Whether n holds a heading, a list, a table or a picture below it: a lead or an intro is a
// paragraph or two and holds none (take_in_lead, take_in_list_intro).
bool holds_structure(const Document& doc, NodeId n) {
  for (NodeId d = doc.next_in_subtree(n, n); d != kNoNode; d = doc.next_in_subtree(d, n)) {
    const Tag t = doc.node(d).tag;
    if (doc.node(d).kind == NodeKind::kElement &&
        (is_heading_tag(t) || t == Tag::k_table || t == Tag::k_ul || t == Tag::k_ol || t == Tag::k_img))
      return true;
  }
  return false;
}

// The first element before the container that `wanted` accepts (take_in_lead, take_in_list_intro):
// among up to max_siblings preceding siblings of the container, then of its parent, up to
// max_levels up (never past the body), each looked into for kLeadMaxNodes nodes. `open` says which
// blocks may be looked into (a dropped block has no counts of its own; those below it may be
// kept). path is left at the level where the element was found.
template <class Open, class Wanted>
NodeId find_before_container(const Document& doc, const ContentSelection& sel, int max_levels, int max_siblings,
                             Open open, Wanted wanted, NodeId& path) {
  for (int level = 0; level < max_levels && path != sel.body; ++level) {
    int seen = 0;
    for (NodeId s = doc.node(path).prev_sibling; s != kNoNode && seen < max_siblings; s = doc.node(s).prev_sibling) {
      if (doc.node(s).kind != NodeKind::kElement || !open(s) || (sel.drop[s].empty() && sel.stats[s].chars == 0))
        continue;
      ++seen;
      int budget = kLeadMaxNodes;
      for (NodeId d = s; d != kNoNode && budget-- > 0;) {
        if (!open(d)) {
          d = doc.next_skip_children(d, s);
          continue;
        }
        if (doc.node(d).kind == NodeKind::kElement && wanted(d)) return d;
        d = doc.next_in_subtree(d, s);
      }
    }
    path = doc.node(path).parent;
  }
  return kNoNode;
}

void ContentSelector::take_in_lead(const Document& doc, ContentSelection& sel) const {
  if (sel.list_mode || hints_.widen_to_heading || hints_.widen_to_posts || hints_.widen_to_sections ||
      hints_.list_region || sel.main == sel.body)
    return;
  auto reads_as_lead = [&](NodeId n) {
    const NodeStats& st = sel.stats[n];
    if (!sel.drop[n].empty() || st.item || st.chars < kLeadMinChars || st.chars > kLeadMaxChars ||
        st.link_chars > kLeadMaxLinkShare * st.chars || doc.is_element(n, Tag::k_h1))
      return false;
    std::string key;
    append_class_id_key(key, doc.attr(n, "class"), doc.attr(n, "id"));
    if (key.size() <= 1 || !names_article_lead(key)) return false;
    // A lead is a paragraph or two: no headings, lists, tables or pictures of its own (an
    // author's box, a comparison table, a hero with the headline).
    return !holds_structure(doc, n);
  };
  NodeId path = sel.main;
  const NodeId lead = find_before_container(
      doc, sel, kLeadMaxLevels, kLeadMaxSiblings, [&](NodeId n) { return sel.drop[n].empty(); }, reads_as_lead, path);
  if (lead == kNoNode) return;
  const NodeId top = doc.node(path).parent;
  if (top == kNoNode || sel.stats[top].chars > kLeadWidenMax * (sel.stats[sel.main].chars + sel.stats[lead].chars))
    return;
  take_in_beside(doc, sel, top, lead);
}

// A story's body may come in parts: the editor's rich-text blocks written as siblings of one
// tag and class (the first paragraphs, then a picture, a call to action or a list of other
// stories, then the rest), of which the container is one. A sibling of the container drawn as it
// is (same tag, same non-empty class attribute) that reads as prose is the same body:
// kProseMinChars of paragraph text, no card, and not link-dense (under kTwinMaxLinkShare links, a
// share that a story's linked names and sources may reach). The container becomes their parent,
// and the parent's other children are marked outside-main, as take_in_beside does. Not on typed
// pages (their hints widen the container their own way) nor when the parent is the body.
constexpr float kTwinMaxLinkShare = 0.5f;

void ContentSelector::take_in_twin_parts(const Document& doc, ContentSelection& sel) const {
  if (sel.list_mode || hints_.widen_to_heading || hints_.widen_to_posts || hints_.widen_to_sections ||
      hints_.list_region || sel.main == sel.body)
    return;
  const NodeId main = sel.main;
  const NodeId parent = doc.node(main).parent;
  const std::string_view cls = doc.attr(main, "class");
  if (parent == kNoNode || parent == sel.body || doc.node(main).kind != NodeKind::kElement ||
      cls.find_first_not_of(" \t\n\r\f") == std::string_view::npos)
    return;
  const Tag tag = doc.node(main).tag;
  auto is_twin = [&](NodeId c) {
    if (c == main || doc.node(c).kind != NodeKind::kElement || doc.node(c).tag != tag || !sel.drop[c].empty())
      return false;
    const NodeStats& st = sel.stats[c];
    return !st.item && st.prose_chars >= kProseMinChars && st.link_chars <= kTwinMaxLinkShare * st.chars &&
           doc.attr(c, "class") == cls;
  };
  bool any = false;
  for (NodeId c = doc.node(parent).first_child; c != kNoNode && !any; c = doc.node(c).next_sibling) any = is_twin(c);
  if (!any) return;
  for (NodeId c = doc.node(parent).first_child; c != kNoNode; c = doc.node(c).next_sibling)
    if (c != main && doc.node(c).kind == NodeKind::kElement && sel.drop[c].empty() && !is_twin(c))
      sel.drop[c] = "outside-main";
  sel.main = parent;
}

// A listing's or collection's intro (the paragraph saying what the category, tag or search holds)
// sits above its list of cards, often in a block of its own beside the list's wrapper, so that the
// list is chosen without it. On a page typed as a listing or collection whose container is a card
// list or a listing region (list mode), the nearest block with text before it among the preceding
// siblings (kIntroMaxSiblings with text) of the container or of an ancestor up to kIntroMaxLevels,
// or inside one of them, is taken in when it reads as an intro: kLeadMinChars to kLeadMaxChars of
// text, under kLeadMaxLinkShare links, no card, most of it prose, no heading, list, table or
// picture of its own; it may lie in a block that a rule for the page's header dropped
// (kIntroHeaderRules: the category's header block). The container becomes their lowest common
// ancestor, the rest of it outside-main, as for an article's lead (filters and a sort bar between
// the two go), not when that ancestor is the body or holds much more than the two (kLeadWidenMax).
// Measured on wcxb-dev: listing pages of five sites gain (a job board, recipe, review and news
// hubs), a gist typed listing takes its title line in (-0.007); six levels rather than four reach a
// news section's intro above a grid nested five deep (+0.030), no page loses.
constexpr int kIntroMaxLevels = 6;
constexpr int kIntroMaxSiblings = 2;
constexpr float kIntroMinProseShare = 0.5f;
// Rules for the page's header that may have dropped the category's header block with its intro.
constexpr std::string_view kIntroHeaderRules[] = {"class:header", "tag:header"};

void ContentSelector::take_in_list_intro(const Document& doc, ContentSelection& sel) const {
  if (!hints_.list_region || sel.main == sel.body || (!sel.list_mode && sel.stats[sel.main].items < kTeaserMinItems))
    return;
  auto reads_as_intro = [&](NodeId n) {
    const NodeStats& st = sel.stats[n];
    if (st.item || st.chars < kLeadMinChars || st.chars > kLeadMaxChars ||
        st.link_chars > kLeadMaxLinkShare * st.chars ||
        static_cast<float>(st.prose_chars) < kIntroMinProseShare * static_cast<float>(st.chars))
      return false;
    return !holds_structure(doc, n);
  };
  // The intro may sit in the category's header block, which a rule for the page's header dropped
  // with it ("shelf-header__blurb" under the <h1>, a <header> holding the <h1> and the intro):
  // the walk looks inside.
  auto dropped_as_header = [&](NodeId n) {
    return std::find(std::begin(kIntroHeaderRules), std::end(kIntroHeaderRules), sel.drop[n]) !=
           std::end(kIntroHeaderRules);
  };
  auto open_to_intro = [&](NodeId n) { return sel.drop[n].empty() || dropped_as_header(n); };
  NodeId path = sel.main;
  const NodeId intro =
      find_before_container(doc, sel, kIntroMaxLevels, kIntroMaxSiblings, open_to_intro, reads_as_intro, path);
  if (intro == kNoNode) return;
  const NodeId top = doc.node(path).parent;
  if (top == kNoNode || top == sel.body ||
      sel.stats[top].chars > kLeadWidenMax * (sel.stats[sel.main].chars + sel.stats[intro].chars))
    return;
  // Out of a header block so dropped, only the intro comes back: its ancestors there are kept,
  // the rest of them goes as outside the container.
  for (NodeId n = intro; n != top; n = doc.node(n).parent)
    if (dropped_as_header(n)) sel.drop[n] = {};
  take_in_beside(doc, sel, top, intro);
}

// A table layout sets the page's heading in a row or cell of its own above the text cell (a
// <td> of <font size="5"><b>...</b></font>, an <h2> in the row over the two columns of text),
// so that the container is chosen without it. The nearest preceding sibling with text of the
// container, or of an ancestor up to kTableHeadingMaxLevels, when both are cells or rows of one table
// or the heading is above the text in one cell, or a heading tag (or an element holding one: a
// <center>) is right above the table holding the text, and is not mostly a date (a blog's date header),
// is taken in when it reads as a heading: at most kTableHeadingMaxChars of text, no link, every
// visible character in a heading tag, <b>/<strong> or a <font> of a large size
// (kLargeFontSizes). The container becomes the lowest element holding both, everything else in
// it outside-main, as for an article's lead; not in list mode nor on listing, collection or
// forum pages, and not when that element holds much more than the two (kLeadWidenMax).
constexpr uint32_t kTableHeadingMaxChars = 150;
// Levels climbed from the container to the row beside the heading: a text cell in a table nested
// in a cell of the layout's table is six levels below the layout's row (td, tr, tbody, table, td,
// tr). The climb stops at the first sibling with text, heading or not.
constexpr int kTableHeadingMaxLevels = 8;
constexpr int kTableHeadingMaxNodes = 32;  // nodes looked at inside the heading's row or cell
// <font size> values that set a line as a heading: 4 to 7, or larger than the base size.
constexpr std::string_view kLargeFontSizes[] = {"4", "5", "6", "7", "+1", "+2", "+3", "+4"};

namespace {
bool is_table_part(Tag t) {
  return t == Tag::k_table || t == Tag::k_tbody || t == Tag::k_tr || t == Tag::k_td || t == Tag::k_th;
}

bool sets_as_heading(const Document& doc, NodeId n) {
  const Node& node = doc.node(n);
  if (node.kind != NodeKind::kElement) return false;
  if (is_heading_tag(node.tag) || node.tag == Tag::k_b || node.tag == Tag::k_strong) return true;
  if (node.tag != Tag::k_font) return false;
  const std::string_view size = trim(doc.attr(n, "size"));
  for (std::string_view large : kLargeFontSizes)
    if (size == large) return true;
  return false;
}
}  // namespace

void ContentSelector::take_in_table_heading(const Document& doc, ContentSelection& sel) const {
  if (sel.list_mode || hints_.widen_to_posts || hints_.list_region || sel.main == sel.body) return;
  auto reads_as_heading = [&](NodeId h) {
    const NodeStats& st = sel.stats[h];
    if (st.chars == 0 || st.chars > kTableHeadingMaxChars || st.link_chars > 0 || st.item) return false;
    int budget = kTableHeadingMaxNodes;
    for (NodeId d = doc.next_in_subtree(h, h); d != kNoNode; d = doc.next_in_subtree(d, h)) {
      if (budget-- == 0) return false;
      if (doc.node(d).kind != NodeKind::kText || widths_[d] == 0) continue;
      bool set_apart = false;
      for (NodeId a = doc.node(d).parent; a != kNoNode && !set_apart; a = doc.node(a).parent) {
        set_apart = sets_as_heading(doc, a);
        if (a == h) break;
      }
      if (!set_apart) return false;
    }
    return true;
  };
  NodeId heading = kNoNode, path = sel.main;
  for (int level = 0; level < kTableHeadingMaxLevels && heading == kNoNode && path != sel.body; ++level) {
    // The nearest sibling before path with text: a kept element with text, or loose text.
    NodeId s = doc.node(path).prev_sibling;
    while (s != kNoNode) {
      const Node& sn = doc.node(s);
      if (sn.kind == NodeKind::kElement ? sel.drop[s].empty() && sel.stats[s].chars > 0
                                        : sn.kind == NodeKind::kText && widths_[s] > 0)
        break;
      s = sn.prev_sibling;
    }
    const NodeId parent = doc.node(path).parent;
    if (s != kNoNode) {  // the nearest text above is the heading or there is none
      // Rows or cells of one table, or the heading above the text in one cell.
      const bool in_cell =
          parent != kNoNode && (doc.is_element(parent, Tag::k_td) || doc.is_element(parent, Tag::k_th));
      const bool rows = parent != kNoNode && is_table_part(doc.node(parent).tag) && is_table_part(doc.node(s).tag) &&
                        is_table_part(doc.node(path).tag);
      // Or a heading tag right above the table whose cells hold the text (a questions-and-answers
      // table under its <h2>).
      const bool above_table = doc.is_element(path, Tag::k_table) && doc.node(s).kind == NodeKind::kElement &&
                               (is_heading_tag(doc.node(s).tag) || holds_heading(doc, s));
      if (doc.node(s).kind == NodeKind::kElement && (rows || in_cell || above_table) && reads_as_heading(s))
        heading = s;
      break;
    }
    path = parent;
  }
  if (heading == kNoNode) return;
  // A date set in bold above the text (a blog's "date header") dates the post; it is no heading.
  std::string heading_text;
  doc.append_text(heading, heading_text);
  std::vector<DateHit> dates;
  find_dates(heading_text, DayOrder::kMonthFirst, dates, 1);
  if (!dates.empty() && (dates.front().end - dates.front().begin) * 2 >= trim(heading_text).size()) return;
  const NodeId top = doc.node(path).parent;
  if (sel.stats[top].chars > kLeadWidenMax * (sel.stats[sel.main].chars + sel.stats[heading].chars)) return;
  for (NodeId n = sel.main; n != top; n = doc.node(n).parent) {
    const NodeId parent = doc.node(n).parent;
    for (NodeId c = doc.node(parent).first_child; c != kNoNode; c = doc.node(c).next_sibling) {
      if (c == n || c == heading || doc.holds(c, sel.main)) continue;
      if (doc.node(c).kind == NodeKind::kElement && sel.drop[c].empty()) sel.drop[c] = "outside-main";
    }
  }
  sel.main = top;
}

// The lowest ancestor of best that also holds the page's only visible <h1> (a product's name
// above its description), unless that is the whole body or adds mostly links.
NodeId ContentSelector::widen_to_heading(const Document& doc, const ContentSelection& sel, NodeId best) const {
  const NodeId h1 = only_visible_h1(doc, sel, hints_.first_h1);
  if (h1 == kNoNode) return best;
  if (doc.holds(best, h1)) return best;
  NodeId lca = doc.node(best).parent;
  while (lca != kNoNode && !doc.holds(lca, h1)) lca = doc.node(lca).parent;
  if (lca == kNoNode || lca == sel.body || doc.node(lca).kind != NodeKind::kElement || doc.node(lca).tag == Tag::k_html)
    return best;
  const NodeStats& ls = sel.stats[lca];
  const NodeStats& bs = sel.stats[best];
  float added = static_cast<float>(ls.chars - bs.chars);
  float added_links = static_cast<float>(ls.link_chars - bs.link_chars);
  return added_links <= kWidenMaxLinkShare * added ? lca : best;
}

// The parent of the <section> that holds best (best itself or its nearest <section> ancestor) when
// that section is one of kMinSiblingSections or more sibling <section>s of positive weight, unless
// what the parent adds is mostly links. The parent may be the body: a landing page without a
// <main> lays its sections out there, its header and footer already gone by their tags.
NodeId ContentSelector::widen_to_sections(const Document& doc, const ContentSelection& sel, NodeId best) const {
  NodeId sec = best;
  while (sec != kNoNode && sec != sel.body && !doc.is_element(sec, Tag::k_section)) sec = doc.node(sec).parent;
  if (sec == kNoNode || sec == sel.body) return best;
  const NodeId parent = doc.node(sec).parent;
  if (parent == kNoNode) return best;
  int sections = 0;
  for (NodeId c = doc.node(parent).first_child; c != kNoNode; c = doc.node(c).next_sibling)
    if (doc.is_element(c, Tag::k_section) && sel.drop[c].empty() && sel.stats[c].sum > 0) ++sections;
  if (sections < kMinSiblingSections) return best;
  const NodeStats& ps = sel.stats[parent];
  const NodeStats& bs = sel.stats[best];
  const float added = static_cast<float>(ps.chars - bs.chars);
  const float added_links = static_cast<float>(ps.link_chars - bs.link_chars);
  return added_links <= kWidenMaxLinkShare * added ? parent : best;
}

// A table layout's row holds the text cell between a menu column and a column of teasers (the
// other stories' headlines, each with a sentence under it, set with <br> in one cell, so that no
// card list is seen): the teasers' sentences weigh enough to keep the container at the row. The
// cell of the row that holds most of its positive weight (kTextCellMinShare) and next to no
// links (kTextCellMaxLinkShare) is the container when every other cell with text is links by at
// least kSideCellMinLinkShare: a menu or teasers. Two columns of text without links stay one row.
constexpr float kTextCellMinShare = 0.5f;
constexpr float kTextCellMaxLinkShare = 0.05f;
constexpr float kSideCellMinLinkShare = 0.2f;

NodeId ContentSelector::text_cell_of_row(const Document& doc, const ContentSelection& sel, NodeId best) const {
  if (!doc.is_element(best, Tag::k_tr)) return best;
  NodeId cell = kNoNode;
  float positive = 0;
  for (NodeId c = doc.node(best).first_child; c != kNoNode; c = doc.node(c).next_sibling) {
    if (!sel.drop[c].empty() || doc.node(c).kind != NodeKind::kElement || sel.stats[c].chars == 0) continue;
    if (sel.stats[c].sum > 0) positive += sel.stats[c].sum;
    if (cell == kNoNode || sel.stats[c].sum > sel.stats[cell].sum) cell = c;
  }
  if (cell == kNoNode || !doc.is_element(cell, Tag::k_td)) return best;
  const NodeStats& cs = sel.stats[cell];
  if (cs.sum < kTextCellMinShare * positive || cs.link_chars > kTextCellMaxLinkShare * cs.chars) return best;
  for (NodeId c = doc.node(best).first_child; c != kNoNode; c = doc.node(c).next_sibling) {
    if (c == cell || !sel.drop[c].empty() || doc.node(c).kind != NodeKind::kElement || sel.stats[c].chars == 0)
      continue;
    if (sel.stats[c].link_chars < kSideCellMinLinkShare * sel.stats[c].chars) return best;
  }
  return cell;
}

// A lone paragraph is no article: when the heaviest subtree is one <p> (lyrics or a poem set
// with <br>, a long paragraph beside short ones), the paragraphs beside it (a lede, a line
// in bold above the verses) were outweighed only by the chrome around them. Its parent holds
// them, unless that is the body, adds no text of positive weight, or adds mostly links;
// pruning then takes the parent's link blocks. So does a card list chosen as the container on
// a page not typed as a listing (a page of links, each with a line about it, under a heading
// and an intro paragraph), when what its parent adds reads as prose (kCardListWidenProseShare
// of it in paragraphs): the intro goes with its list, more cards, prices or buttons do not.
constexpr float kCardListWidenProseShare = 0.5f;

// The page's headline (its only visible <h1>, whose text the <title> or og:title holds) over a
// story of its own, where the container lies after that story, outside it, past the site's links:
// on a page without class names, a box of prose near the page's end (a help desk's hours, a
// modal's terms) outweighs a short story. The container becomes the heaviest element of the
// lowest ancestor of the <h1> with kHeadlineStoryMinProse of prose (not holding the container),
// when that element weighs kHeadlineStoryMinWeight of the container, has under
// kHeadlineStoryMaxLinks links and kHeadlineStoryMinProse of prose, and the text between the two
// (kHeadlineStoryMinBetween at least) is kHeadlineStoryBetweenLinks links or more: other stories'
// cards, a footer's menus), or the container is a list of kTeaserMinItems look-alike items or more
// (the comments under a story) and the story has kHeadlineStoryCommentsMinProse of prose. Prose
// between them (a thread's replies after a short opening post) leaves the container as it is; a
// story taken so is the page's text, with no listing switch around it. Not on listings, collections,
// product, service and documentation pages (widen_to_heading: their sections follow a hero with its
// heading). On a forum (widen_to_posts) the thread of short posts under the <h1> is taken at any
// positive weight, only past links: a sidebar's feed of other members' updates (long excerpts, each
// with its poster and date) outweighs it where the <aside> is a plain div.
constexpr uint32_t kHeadlineStoryMinProse = 200;
constexpr float kHeadlineStoryMinWeight = 0.25f;
constexpr float kHeadlineStoryMaxLinks = 0.2f;
constexpr size_t kHeadlineMinChars = 12;
constexpr uint32_t kHeadlineStoryMinBetween = 200;
constexpr float kHeadlineStoryBetweenLinks = 0.5f;
constexpr uint32_t kHeadlineStoryCommentsMinProse = 1000;
NodeId ContentSelector::story_under_headline(const Document& doc, const ContentSelection& sel, NodeId best) const {
  if (hints_.list_region || hints_.widen_to_heading || page_titles_.empty() ||
      sel.stats[best].sum <= 0)
    return best;
  const NodeId h1 = only_visible_h1(doc, sel);
  if (h1 == kNoNode || doc.holds(best, h1) || doc.holds(h1, best)) return best;
  std::string text;
  doc.append_text(h1, text);
  text = ascii_lowercase(collapse_whitespace(text));
  if (text.size() < kHeadlineMinChars) return best;
  bool named = false;
  for (const std::string& t : page_titles_) named |= t.find(text) != std::string::npos;
  if (!named) return best;
  NodeId region = kNoNode;
  for (NodeId a = doc.node(h1).parent; a != kNoNode && a != sel.body; a = doc.node(a).parent) {
    if (doc.holds(a, best)) return best;
    if (sel.stats[a].prose_chars >= kHeadlineStoryMinProse) {
      region = a;
      break;
    }
  }
  if (region == kNoNode || best < region) return best;  // the container comes first
  NodeId story = kNoNode;
  float weight = hints_.widen_to_posts ? 0.0f : kHeadlineStoryMinWeight * sel.stats[best].sum;
  for (NodeId n = region; n != kNoNode;) {
    if (!sel.drop[n].empty() || doc.node(n).kind != NodeKind::kElement) {
      n = doc.next_skip_children(n, region);
      continue;
    }
    const NodeStats& st = sel.stats[n];
    if (st.sum >= weight && st.prose_chars >= kHeadlineStoryMinProse &&
        static_cast<float>(st.link_chars) < kHeadlineStoryMaxLinks * static_cast<float>(st.chars)) {
      weight = st.sum;
      story = n;
    }
    n = doc.node(n).tag == Tag::k_a ? doc.next_skip_children(n, region) : doc.next_in_subtree(n, region);
  }
  if (story == kNoNode) return best;
  // What lies between the story and the container is the site's links (other stories' cards, a
  // footer's menus), not more of one text: a thread's replies after its opening post, a story's
  // second part, are prose.
  uint32_t between = 0, between_links = 0;
  for (NodeId n = doc.next_skip_children(region, sel.body); n != kNoNode && n != best;) {
    if (doc.holds(n, best)) {
      n = doc.next_in_subtree(n, sel.body);
      continue;
    }
    if (!sel.drop[n].empty()) {
      n = doc.next_skip_children(n, sel.body);
      continue;
    }
    if (doc.is_element(n, Tag::k_a)) {
      between += sel.stats[n].chars;
      between_links += sel.stats[n].chars;
      n = doc.next_skip_children(n, sel.body);
      continue;
    }
    if (doc.node(n).kind == NodeKind::kText) between += widths_[n];
    n = doc.next_in_subtree(n, sel.body);
  }
  const bool past_links = between >= kHeadlineStoryMinBetween &&
                          static_cast<float>(between_links) >= kHeadlineStoryBetweenLinks * static_cast<float>(between);
  // Or the container right after the story is a list of look-alike items (each opening with its
  // poster's link: the readers' comments, "Top rated comments" with no count to tell them by)
  // under a story of kHeadlineStoryCommentsMinProse of prose.
  const bool comments = sel.stats[best].items >= kTeaserMinItems &&
                        sel.stats[story].prose_chars >= kHeadlineStoryCommentsMinProse;
  if (!past_links && (!comments || hints_.widen_to_posts)) return best;
  return story;
}

// A picture's caption is no container: where the heaviest element is a box showing a picture
// (an <img> or <picture> in it) with one short line of text beside it (kCaptionBoxMaxChars at
// most, no link, at most one paragraph block), the story after it that a stripped page's
// embedded posts and link lines weighed down (a photo's long credit line outweighed the story
// below the headline) becomes the container: the box's lowest ancestor (up to
// kCaptionStoryMaxLevels up) that holds, after the box, an element with kCaptionStoryProseRatio
// times the caption's prose and kHeadlineStoryMinProse at least, positive weight and under
// kCaptionStoryMaxLinks links (the caption is the text's, as sites keep it), or that element
// alone where the ancestor weighs nothing. Not on listings, collections, product, service,
// documentation or forum pages. A story taken so is the page's text, with no listing switch
// around it (a stripped story page: html4 newspaper +1 page, +0.34).
constexpr uint32_t kCaptionBoxMaxChars = 300;
constexpr uint32_t kCaptionBoxMaxNodes = 24;
constexpr int kCaptionStoryMaxLevels = 3;
constexpr float kCaptionStoryProseRatio = 2.0f;
constexpr float kCaptionStoryMaxLinks = 0.4f;
NodeId ContentSelector::story_after_caption(const Document& doc, const ContentSelection& sel, NodeId best) const {
  if (hints_.list_region || hints_.widen_to_heading || hints_.widen_to_posts) return best;
  const NodeStats& bs = sel.stats[best];
  if (bs.sum <= 0 || bs.chars > kCaptionBoxMaxChars || bs.link_chars > 0 || bs.blocks > 1 || bs.prose_chars == 0)
    return best;
  bool picture = false;
  uint32_t budget = kCaptionBoxMaxNodes;
  for (NodeId d = doc.next_in_subtree(best, best); d != kNoNode && budget-- > 0 && !picture;
       d = doc.next_in_subtree(d, best))
    picture = doc.is_element(d, Tag::k_img) || doc.is_element(d, Tag::k_picture);
  if (!picture) return best;
  NodeId a = best;
  for (int level = 0; level < kCaptionStoryMaxLevels; ++level) {
    a = doc.node(a).parent;
    if (a == kNoNode || a == sel.body) return best;
    NodeId story = kNoNode;
    float weight = 0;
    for (NodeId n = doc.next_skip_children(best, a); n != kNoNode;) {
      if (!sel.drop[n].empty() || doc.node(n).kind != NodeKind::kElement) {
        n = doc.next_skip_children(n, a);
        continue;
      }
      const NodeStats& st = sel.stats[n];
      if (st.sum > weight && st.prose_chars >= kHeadlineStoryMinProse &&
          static_cast<float>(st.prose_chars) >= kCaptionStoryProseRatio * static_cast<float>(bs.prose_chars) &&
          static_cast<float>(st.link_chars) < kCaptionStoryMaxLinks * static_cast<float>(st.chars)) {
        weight = st.sum;
        story = n;
      }
      n = doc.node(n).tag == Tag::k_a ? doc.next_skip_children(n, a) : doc.next_in_subtree(n, a);
    }
    if (story == kNoNode) continue;
    return sel.stats[a].sum > 0 ? a : story;
  }
  return best;
}

NodeId ContentSelector::widen_paragraph(const Document& doc, const ContentSelection& sel, NodeId best) const {
  if (!doc.is_element(best, Tag::k_p) && (hints_.list_region || !is_card_list(sel.stats[best]))) return best;
  // A table's rows as the card list: the table is the list, its parent holds the prose around it.
  if ((doc.is_element(best, Tag::k_tbody) || doc.is_element(best, Tag::k_thead)) && doc.node(best).parent != kNoNode &&
      doc.is_element(doc.node(best).parent, Tag::k_table))
    best = doc.node(best).parent;
  const NodeId parent = doc.node(best).parent;
  if (parent == kNoNode || parent == sel.body || doc.node(parent).kind != NodeKind::kElement) return best;
  float added_weight = 0;
  for (NodeId c = doc.node(parent).first_child; c != kNoNode; c = doc.node(c).next_sibling)
    if (c != best && sel.drop[c].empty() && sel.stats[c].up > 0) added_weight += sel.stats[c].up;
  const NodeStats& ps = sel.stats[parent];
  const NodeStats& bs = sel.stats[best];
  const float added = static_cast<float>(ps.chars - bs.chars);
  const float added_links = static_cast<float>(ps.link_chars - bs.link_chars);
  // A card list widens only to paragraphs around it (an intro above a page of links): what the
  // parent adds must read as prose, not as more cards, prices or buttons.
  const bool cards = !doc.is_element(best, Tag::k_p);
  const float added_prose = static_cast<float>(ps.prose_chars - bs.prose_chars);
  if (cards && added_prose < kCardListWidenProseShare * added) return best;
  return added_weight > 0 && added_links <= kWidenMaxLinkShare * added ? parent : best;
}

namespace {

// The posts of a thread are siblings built alike: one tag and one class, id or schema.org type
// (phpBB "post bg1"/"post bg2", SMF "windowbg"/"windowbg2", XenForo "message", Discourse
// "topic-post", Discuz "post_123", itemtype=Comment). A post's signature is its tag name and
// the first of its itemtype, class names or id, without digits; 0 when it has none of them
// (a bare <div>, a paragraph: nothing marks it as a repeated record).
// With shape (widen_to_posts), a bare element is signed by its shape instead. Measured on the
// sets with every class and id removed: with the child tags alone, a question's wrapper matched
// its answers' (stripped magic-html 13 up, 11 down); with two levels 5 up (a board's threads
// +0.82 and +0.69), 4 down (-0.12 at most), and a normal page down (-0.075: a thread's copy in
// <noscript>, bare <article>s, taken over the app around the rendered one); used only after the
// marks found nothing and around what the climb took: 5 up, 1 down (-0.05), normal unchanged.
constexpr int kShapeMaxChildren = 8;
// The microdata a board prints in some posts and not others (<meta itemprop=...>, <link
// itemprop=...>; a reader sees none of it): a post's shape leaves them out. Leaving out scripts,
// styles and templates too took a layout's footer into a thread (html4 wcxb-dev -0.028).
bool is_microdata_tag(Tag t) {
  return t == Tag::k_meta || t == Tag::k_link;
}
// How far above the post's text a loosely alike record may lie (look_alikes, loose): a post's
// record sits a few wrappers above its paragraphs; two columns of a layout further up, each
// with some prose, are no posts.
constexpr int kLoosePostMaxLevels = 5;

uint64_t post_signature(const Document& doc, NodeId n, bool shape = false, bool loose = false) {
  std::string_view mark = trim(doc.attr(n, "itemtype"));
  if (mark.empty()) mark = first_class(doc, n);
  if (mark.empty()) mark = trim(doc.attr(n, "id"));
  uint64_t h = kFnvOffsetBasis;
  if (mark.empty()) {
    // Without a mark (a page without class names), the element's shape: its tag, its child
    // elements' tags and theirs, up to kShapeMaxChildren at each level. A board's posts are
    // each a <div> holding a <table> of the poster's cell and the message's cell.
    if (!shape) return 0;
    // Calls each(c) on the first kShapeMaxChildren child elements of p; how many there were.
    auto children = [&](NodeId p, auto&& each) {
      int k = 0;
      for (NodeId c = doc.node(p).first_child; c != kNoNode && k < kShapeMaxChildren; c = doc.node(c).next_sibling)
        if (doc.node(c).kind == NodeKind::kElement && !is_microdata_tag(doc.node(c).tag)) {
          ++k;
          each(c);
        }
      return k;
    };
    h = fnv_step(h, doc.name(n));
    const int kids = children(n, [&](NodeId c) {
      h = fnv_step(fnv_step(h, '/'), doc.name(c));
      if (loose) {
        // Loose: the grandchildren's tags as a set, so that a post of two paragraphs and one of
        // five are built alike.
        uint64_t tags = 0;
        children(c, [&](NodeId d) { tags |= uint64_t{1} << (static_cast<unsigned>(doc.node(d).tag) & 63); });
        for (int b = 0; b < 64; ++b)
          if (tags >> b & 1) h = fnv_step(fnv_step(h, ':'), static_cast<char>(b));
      } else {
        children(c, [&](NodeId d) { h = fnv_step(fnv_step(h, ':'), doc.name(d)); });
      }
      h = fnv_step(h, ';');
    });
    return kids == 0 ? 0 : h;
  }
  bool letters = false;
  for (char ch : mark) {
    if (ch >= '0' && ch <= '9') continue;
    letters = true;
    h = fnv_step(h, ch);
  }
  if (!letters) return 0;
  return fnv_step(fnv_step(h, static_cast<char>(0xFF)), doc.name(n));
}

}  // namespace

// The thread of a page whose posts say what they are (schema.org microdata, is_schema_post):
// the lowest common ancestor of its outermost posts, when there are kMinPosts of them with
// text and they hold kPostsMinShare of it. A question and its answers are no siblings (Stack
// Exchange puts the answers in a list of their own), so the look-alike rule below misses them.
NodeId ContentSelector::schema_thread(const Document& doc, const ContentSelection& sel) const {
  NodeId lca = kNoNode;
  uint32_t posts = 0, post_chars = 0;
  for (NodeId n = sel.body; n != kNoNode;) {
    const Node& node = doc.node(n);
    if (!sel.drop[n].empty() || node.kind != NodeKind::kElement) {
      n = doc.next_skip_children(n, sel.body);
      continue;
    }
    if (n == sel.body || sel.stats[n].chars == 0 || !is_schema_post(doc, n)) {
      n = doc.next_in_subtree(n, sel.body);
      continue;
    }
    ++posts;
    post_chars += sel.stats[n].chars;
    if (lca == kNoNode) lca = doc.node(n).parent;
    while (lca != kNoNode && !doc.holds(lca, n)) lca = doc.node(lca).parent;
    n = doc.next_skip_children(n, sel.body);  // a reply nested in a post is part of it
  }
  if (posts < kMinPosts || lca == kNoNode || lca == sel.body || post_chars < kPostsMinShare * sel.stats[lca].chars)
    return kNoNode;
  return lca;
}

// On a forum page the heaviest subtree is one post (the first, usually: replies carry more
// links, their posters' names and badges). The thread is the schema.org thread that holds it
// or that it holds (schema_thread), or else: the lowest ancestor of best that is one of kMinPosts look-alike
// siblings (post_signature) is a post; their parent, the thread, becomes the container when
// the posts hold kPostsMinShare of its text and the posts beside best are text rather than
// link lists (two columns of a layout share a class too, a sidebar is links). Replies nested
// in replies repeat the signature further up: the outermost list of such posts is the thread.
NodeId ContentSelector::widen_to_posts(const Document& doc, const ContentSelection& sel, NodeId best) const {
  if (const NodeId thread = schema_thread(doc, sel); thread != kNoNode) {
    // Inside the thread, best was one post; above it, best took in what lies around the thread
    // (a generated summary of the discussion, a notice to guests), which the marked posts say
    // is not theirs.
    if (doc.holds(best, thread) || doc.holds(thread, best)) return thread;
  } else {
    // One marked item holds the others: a Question whose answers are in its microdata scope
    // (itemprop acceptedAnswer inside itemtype Question). The thread is the lowest element
    // that holds best, the question's text, and those answers, not the whole item, which
    // may hold the page's header and footer of the question too.
    NodeId item = kNoNode;
    for (NodeId a = doc.node(best).parent; a != kNoNode && a != sel.body; a = doc.node(a).parent)
      if (doc.node(a).kind == NodeKind::kElement && is_schema_post(doc, a)) item = a;
    if (item != kNoNode) {
      NodeId lca = best;
      for (NodeId n = item; n != kNoNode;) {
        if (doc.node(n).kind != NodeKind::kElement || !sel.drop[n].empty()) {
          n = doc.next_skip_children(n, item);
          continue;
        }
        if (n != item && !doc.holds(n, best) && sel.stats[n].chars > 0 && is_schema_post(doc, n)) {
          while (lca != kNoNode && !doc.holds(lca, n)) lca = doc.node(lca).parent;
          n = doc.next_skip_children(n, item);  // a remark nested in an answer is part of it
          continue;
        }
        n = doc.next_in_subtree(n, item);
      }
      if (lca != best) return lca;
    }
  }
  // The look-alike posts best is one of, by their marks; by their shape (post_signature) only
  // when the marks found none, and then only around what the climb below took.
  auto look_alikes = [&](bool shape, bool loose = false) {
    NodeId found = best;
    uint64_t kind = 0;  // the signature of the lowest repeated ancestor: only that kind widens further
    int levels = 0;
    for (NodeId u = best; u != kNoNode && u != sel.body; u = doc.node(u).parent) {
      const Node& un = doc.node(u);
      if (loose && levels++ > kLoosePostMaxLevels) break;
      if (un.kind != NodeKind::kElement || un.tag == Tag::k_p || is_heading_tag(un.tag)) continue;
      const uint64_t sig = post_signature(doc, u, shape, loose);
      const NodeId parent = un.parent;
      if (sig == 0 || parent == kNoNode || (kind != 0 && sig != kind)) continue;
      uint32_t posts = 0, post_chars = 0, other_chars = 0, other_links = 0, other_prose = 0;
      for (NodeId c = doc.node(parent).first_child; c != kNoNode; c = doc.node(c).next_sibling) {
        if (doc.node(c).kind != NodeKind::kElement || !sel.drop[c].empty() || sel.stats[c].chars == 0) continue;
        if (post_signature(doc, c, shape, loose) != sig) continue;
        // Loosely alike, a post holds prose: a header or a toolbar of the same build is none.
        if (loose && sel.stats[c].prose_chars == 0) continue;
        ++posts;
        post_chars += sel.stats[c].chars;
        if (c != u) {
          other_chars += sel.stats[c].chars;
          other_links += sel.stats[c].link_chars;
          other_prose += sel.stats[c].prose_chars;
        }
      }
      if (posts < kMinPosts) continue;
      // The lowest repeated ancestor decides what a post is: a layout further up is no thread.
      // Unless the look-alikes beside it hold no prose: then they are the parts of one post (its
      // text and its footer, both in a FluxBB "inbox"), and the posts are a kind further up.
      if (other_prose > 0) kind = sig;
      const bool thread = post_chars >= kPostsMinShare * sel.stats[parent].chars &&
                          other_links <= kPostsMaxLinkShare * other_chars && parent != sel.body;
      if (thread) found = parent;
    }
    return found;
  };
  NodeId found = look_alikes(false);
  // No thread found: the replies are built unlike the first post (hashed class names, a bare
  // <div> of replies). Climb while what the parent adds is prose rather than links. The post's
  // own header (its title, its poster's name and date, a counter) adds a line or two and no
  // prose, and the replies come one level further up: a parent that adds at most
  // kPostHeaderMaxChars is passed, and the climb takes it only with an ancestor whose additions,
  // counted from the last taken one, are prose rather than links.
  if (found == best) {
    for (NodeId p = doc.node(best).parent; p != kNoNode && p != sel.body; p = doc.node(p).parent) {
      const NodeStats& ps = sel.stats[p];
      const NodeStats& fs = sel.stats[found];
      const uint32_t added = ps.chars - fs.chars, added_links = ps.link_chars - fs.link_chars;
      if (added == 0) {
        found = p;
        continue;
      }
      if (ps.prose_chars - fs.prose_chars >= kProseMinChars && added_links <= kClimbMaxLinkShare * added) {
        found = p;
        continue;
      }
      if (added > kPostHeaderMaxChars) break;
    }
    // Look-alikes by shape (a board without class names) widen past what the climb took.
    // None built exactly alike: loosely alike (post_signature's loose form: a poster's panel with
    // one badge more, a message of more paragraphs), each holding prose, within
    // kLoosePostMaxLevels of best.
    NodeId shaped = look_alikes(true);
    if (shaped == best) shaped = look_alikes(true, true);
    if (shaped != best && doc.holds(shaped, found)) found = shaped;
  }
  // Replies kept as a comment section (SelectionHints::keep_comments) may be a thread without
  // the post they answer, which comes before them (kProseMinChars of text outside links before
  // the section; a topic may be one short line, no paragraph): the section's parent holds both,
  // unless it is the body or what it adds is mostly links. A section that holds the first post too (a forum's whole "comments" list) is the
  // thread already.
  NodeId section = kNoNode;
  for (NodeId a = found; a != kNoNode && a != sel.body; a = doc.node(a).parent)
    if (sel.comment[a]) section = a;
  if (section != kNoNode) {
    const NodeId parent = doc.node(section).parent;
    uint32_t text_before = 0;
    for (NodeId s = doc.node(section).prev_sibling; s != kNoNode; s = doc.node(s).prev_sibling)
      if (sel.drop[s].empty()) text_before += sel.stats[s].chars - sel.stats[s].link_chars;
    const NodeStats& ps = sel.stats[parent];
    const NodeStats& fs = sel.stats[found];
    if (parent != sel.body && text_before >= kProseMinChars &&
        ps.link_chars - fs.link_chars <= kWidenMaxLinkShare * (ps.chars - fs.chars))
      found = parent;
  }
  return found;
}

// A card's headline may have gone with the <header> around it (tag:header): the teaser-list
// test counts the text and link text of such dropped headers too, so that cards whose
// headlines were taken out (a grid of other stories below the article, each card an image
// link, a <header> with its headline and a summary) are still a list of other pages. Other
// dropped parts are not counted: a forum post's dropped user box is no headline.
void ContentSelector::add_dropped_text(const Document& doc, const ContentSelection& sel, NodeId list,
                                       uint32_t& chars, uint32_t& link_chars, uint32_t& linked_headers) const {
  for (NodeId n = doc.next_in_subtree(list, list); n != kNoNode;) {
    const Node& node = doc.node(n);
    if (node.kind != NodeKind::kElement || sel.drop[n].empty()) {
      n = doc.next_in_subtree(n, list);
      continue;
    }
    if (sel.drop[n] == "tag:header") {
      bool linked_headline = false;
      for (NodeId d = n; d != kNoNode; d = doc.next_in_subtree(d, n)) {
        if (doc.node(d).kind != NodeKind::kText) continue;
        chars += widths_[d];
        bool in_link = false, in_heading = false;
        for (NodeId a = doc.node(d).parent; a != kNoNode; a = doc.node(a).parent) {
          const Node& an = doc.node(a);
          in_link |= an.kind == NodeKind::kElement && an.tag == Tag::k_a;
          in_heading |= an.kind == NodeKind::kElement && is_heading_tag(an.tag);
          if (a == n) break;
        }
        if (in_link) link_chars += widths_[d];
        linked_headline |= in_link && in_heading && widths_[d] > 0;
      }
      linked_headers += linked_headline;
    }
    n = doc.next_skip_children(n, list);
  }
}

bool ContentSelector::is_linky_card_list(const Document& doc, const ContentSelection& sel, NodeId list) const {
  const NodeStats& st = sel.stats[list];
  if (st.link_chars > kTeaserListMinLinkShare * st.chars) return true;
  uint32_t chars = st.chars, link_chars = st.link_chars, linked_headers = 0;
  add_dropped_text(doc, sel, list, chars, link_chars, linked_headers);
  // Every card lost a <header> with a linked heading in it: its headline, pointing elsewhere
  // (a forum post's header of poster and date links has no heading).
  return link_chars > kTeaserListMinLinkShare * chars || linked_headers >= st.items;
}

void ContentSelector::prune(const Document& doc, const Options& options, ContentSelection& sel) {
  pruned_.clear();
  list_headings_.clear();
  author_headings_.clear();
  filler_blocks_.clear();
  const NodeId main = sel.main;
  const float max_ld = options.favor == Favor::kPrecision ? 0.4f : options.favor == Favor::kRecall ? 0.7f : 0.5f;
  drop_fine_print(doc, sel);
  for (const NodeId d : consent_notices_)
    if (sel.drop[d].empty()) sel.drop[d] = "consent-text";
  // In list mode link-dense blocks stay (a listing's items are links), except a site's menu:
  // one above the page's <h1> inside the container (no listing's items come before its heading).
  const NodeId menu_h1 = sel.list_mode ? only_visible_h1(doc, sel, hints_.first_h1) : kNoNode;
  const bool menu_above_h1 = menu_h1 != kNoNode && menu_h1 != main && doc.holds(main, menu_h1);
  const std::vector<NodeId> galleries = sel.list_mode ? std::vector<NodeId>{} : gallery_boxes(doc, sel, main);
  for (NodeId n = doc.node(main).first_child; n != kNoNode;) {
    if (deadline_->expired(kPass)) return;  // what is pruned so far stays pruned
    const Node& node = doc.node(n);
    if (!sel.drop[n].empty() || node.kind != NodeKind::kElement) {
      n = doc.next_skip_children(n, main);
      continue;
    }
    const NodeStats& st = sel.stats[n];
    std::string_view rule;
    if (st.chars > 0 && is_block_tag(node.tag) && filler_blocks_.size() < kMaxFillerBlocks &&
        opens_with_filler_text(doc, n))
      filler_blocks_.push_back(n);
    if (st.chars == 0) {
      // nothing to judge
    } else if (hints_.keep_comments && st.chars <= kPosterTitleMaxChars && names_poster_title_of(doc, n)) {
      // In a thread, the rank under each poster's name is the board's label, not the post. Only
      // here, after the block around it is judged: without it, a name beside it is one link.
      rule = kPosterTitleRule;
    } else if (!sel.list_mode && st.items >= kTeaserMinItems && is_linky_card_list(doc, sel, n) &&
               !links_to_documents(doc, n)) {
      rule = "teaser-list";
      // A review's sections, not cards: their paragraphs hold most of the container's prose,
      // beside links as many as a link-dense block may hold. On a forum, posts look like cards
      // (each opens with its poster's link, and the poster's box is links), but a post carries
      // its message, a paragraph of prose, where a list of other threads has a title and a line.
      // Nor is a list of other pages one that holds the page's own headline (its only visible
      // <h1>): on a page without class names the site's menu of look-alike links may share the
      // story's wrapper, and a modal's terms after the layout keep the container at the body;
      // its parts are judged one by one (not on forums, whose posts yield above).
      if (holds_most_prose(st, sel.stats[main].prose_chars, max_ld) ||
          (hints_.widen_to_posts && st.prose_chars >= kProseMinChars) || (!hints_.widen_to_posts && holds_h1(n))) {
        sel.yielded.emplace_back(n, rule);
        rule = {};
      }
    } else if (hints_.widen_to_posts &&
               ((node.parent == main && post_signature(doc, n) != 0) || is_schema_post(doc, n))) {
      // a post of the thread: a short reply is mostly its poster's links; its parts are judged
    } else if (!sel.list_mode && st.links >= 2 && st.link_chars > max_ld * st.chars && st.chars - st.link_chars < 200 &&
               node.tag != Tag::k_p && !inline_in_paragraph(doc, n, st) &&
               !(hints_.widen_to_posts && holds_quotation(doc, n)) && !links_to_documents(doc, n)) {
      rule = "link-dense";
    } else if (menu_above_h1 && n < menu_h1 && !doc.holds(n, menu_h1) && st.links >= kMenuMinLinks &&
               st.link_chars >= kMenuMinLinkShare * st.chars && st.chars - st.link_chars < kMenuMaxOtherChars &&
               !links_to_documents(doc, n)) {
      rule = "menu-above-h1";
    } else if (std::find(galleries.begin(), galleries.end(), n) != galleries.end()) {
      rule = "gallery-box";
    } else if (!sel.list_mode && !marks_figures_ && is_picture_caption(doc, sel, n)) {
      rule = "picture-caption";
    } else if (node.tag == Tag::k_p && !sel.list_mode && st.links >= kInPageTocMinLinks &&
               st.link_chars > max_ld * st.chars && links_within_page(doc, n)) {
      rule = "in-page-toc";
    } else if (st.chars > kPhraseMaxChars && st.chars <= kPlatformNoticeMaxChars && !has_text_block_child(doc, sel, n) &&
               !in_code_block(doc, n)) {
      if (holds_platform_notice(doc, n)) rule = "phrase:legal";
    } else if (st.chars <= kPhraseMaxChars && !in_code_block(doc, n)) {
      scratch_.clear();
      append_visible_text(doc, sel, n, scratch_);
      bool heads_list = false;
      rule = boilerplate_phrase_rule(scratch_, &heads_list);
      // An ad label inside a link is a word of the link's line ("Ad" before a promoted
      // headline): cut out alone it leaves the rest of the line changed; the link is judged
      // whole. A link that opens with the label, an element of its own ("<a><i>广告</i><span>
      // headline</span></a>"), set inline among the loose lines of an article's text, is the
      // ad: the link goes as "phrase:ad", unless it is longer than an ad's headline. A card in
      // a box of its own (a shop's product under a post, labelled so) is judged as any block.
      if (rule == kAdPhraseRule) {
        const NodeId link = enclosing_link(doc, n, main);
        if (link != kNoNode) {
          rule = {};
          if (sel.stats[link].chars <= kAdLinkMaxChars && opens_link(doc, link, n) && beside_loose_text(doc, link)) {
            sel.drop[link] = kAdPhraseRule;
            pruned_.push_back(link);
            n = doc.next_skip_children(link, main);
            continue;
          }
        }
      }
      if (rule.empty() && is_platform_notice(scratch_)) rule = "phrase:legal";
      if (rule.empty() && hints_.widen_to_posts && st.chars <= kMaxBareCountChars && is_bare_count(scratch_) &&
          line_of_its_own(doc, sel, n) && !in_table(doc, n))
        rule = "bare-count";
      // "发表于 2024-4-5 23:20 | 来自 - 四川": when the post was written, the thread's metadata
      // beside each poster's name (the first post's date is the page's date), not what the
      // poster wrote; on an article or a question site's answer the same line under the text
      // ("发布于 2024-04-03 09:55・IP 属地江苏") is the page's date. Not on listings, whose cards'
      // dates are their items', nor on documentation (a changelog's dated entries).
      if (rule.empty() && (hints_.widen_to_posts || (!hints_.list_region && !hints_.keep_update_lines)) &&
          st.chars <= kPostDatelineMaxChars && is_post_dateline(scratch_))
        rule = "post-dateline";
      if (heads_list && st.link_chars == 0 && !hints_.keep_related_lists && list_headings_.size() < kMaxListHeadings)
        list_headings_.push_back(n);
      if (rule == kAuthorBoxHeadingRule) {  // goes with its box, below, or stays
        if (!hints_.keep_author_bio && author_headings_.size() < kMaxListHeadings) author_headings_.push_back(n);
        rule = {};
      }
    }
    if (!hints_.keep_comments && node.kind == NodeKind::kElement && is_heading_tag(node.tag) &&
        st.chars <= kCommentHeadingMaxChars) {
      scratch_.clear();
      doc.append_text(n, scratch_);
      if (counts_comments(scratch_) && drop_comments_under_heading(doc, sel, n) && rule.empty())
        rule = "comments-after-heading";
    }
    if (!rule.empty()) {
      sel.drop[n] = rule;
      pruned_.push_back(n);
      n = doc.next_skip_children(n, main);
      continue;
    }
    n = doc.next_in_subtree(n, main);
  }
  // A template's filler paragraphs go when there are two or more of them.
  if (filler_blocks_.size() >= kMinFillerBlocks) {
    for (NodeId b : filler_blocks_) {
      if (!sel.drop[b].empty()) continue;
      sel.drop[b] = "placeholder-text";
      pruned_.push_back(b);
    }
  }
  // The sections that list headings open, inside the container, go with them.
  if (!list_headings_.empty() || !author_headings_.empty()) {
    const NodeId h1 = only_visible_h1(doc, sel, hints_.first_h1);
    mark_h1_path(doc, h1);
    for (NodeId h : list_headings_) drop_headed_list(doc, sel, h, main, h1, true);
    for (NodeId h : author_headings_) drop_author_box(doc, sel, h, main, h1);
  }
  // A heading whose following siblings were all dropped headed a dropped list ("Related news").
  // What follows each child is summed once per parent, from its last child back (a scan of
  // the following siblings per heading made a page of 60,000 <h1> quadratic). The sums stay
  // true while headings go: a heading is judged before anything after it is dropped here.
  constexpr uint8_t kDroppedAfter = 1, kKeptAfter = 2, kChildrenDone = 4;
  bool follow_ready = false;
  auto following = [&](NodeId heading) {
    if (!follow_ready) {
      follow_.assign(doc.size(), 0);
      follow_ready = true;
    }
    const NodeId parent = doc.node(heading).parent;
    if (!(follow_[parent] & kChildrenDone)) {
      follow_[parent] |= kChildrenDone;
      uint8_t after = 0;
      for (NodeId s = doc.node(parent).last_child; s != kNoNode; s = doc.node(s).prev_sibling) {
        follow_[s] = static_cast<uint8_t>((follow_[s] & kChildrenDone) | after);
        const Node& sn = doc.node(s);
        if ((sn.kind == NodeKind::kText && visible_chars(doc.text(s)) == 0) || sn.kind == NodeKind::kComment) continue;
        if (sel.drop[s] == kPosterTitleRule) {
          after |= kKeptAfter;  // the rank under a poster's name: the name heads no dropped list
        } else if (!sel.drop[s].empty()) {
          if (sn.kind == NodeKind::kElement) after |= kDroppedAfter;
        } else if (sn.kind == NodeKind::kText || sel.stats[s].chars > 0) {
          after |= kKeptAfter;
        }
      }
    }
    return follow_[heading];
  };
  for (NodeId n = main; n != kNoNode;) {
    if (deadline_->expired(kPass)) return;
    const Node& node = doc.node(n);
    if (!sel.drop[n].empty()) {
      n = doc.next_skip_children(n, main);
      continue;
    }
    if (node.kind == NodeKind::kElement && is_heading_tag(node.tag) && n != main) {
      const uint8_t after = following(n);
      // A card's headline, a link to its record, is not the heading of a dropped list.
      if ((after & kDroppedAfter) && !(after & kKeptAfter) && !is_card_headline(doc, sel, n, main)) {
        sel.drop[n] = "orphan-heading";
        pruned_.push_back(n);
        n = doc.next_skip_children(n, main);
        continue;
      }
    }
    n = doc.next_in_subtree(n, main);
  }
  if (!hints_.list_region && !hints_.widen_to_posts && !hints_.keep_update_lines) drop_update_lines(doc, sel);
  if (hints_.drop_price_lines) drop_price_lines(doc, sel);
  drop_edge_chrome_lines(doc, sel);
  if (hints_.drop_duplicates) drop_duplicates(doc, sel);
  // Typed pages too: a section of short lines (a shop's list of perks, a price in each
  // currency) printed twice has no block long enough for drop_duplicates.
  if (!hints_.keep_repeats) drop_repeated_runs(doc, sel);
}

// The fine print that the label pass found by its class (rules.h fine_print_rule) goes where it
// lies inside the container: offer terms under a phone's feature tour, a game's licence notice
// under its system requirements. It is dropped only here, after the container is chosen: its
// text still counts in the weights that choose the container, where it stands for the region
// it closes (dropped before, the choice fell on a part of that region instead). Not the
// container itself, nor a block holding half of it or the page's <h1>: then it is the content
// (a page of terms).
void ContentSelector::drop_fine_print(const Document& doc, ContentSelection& sel) {
  const NodeId main = sel.main;
  const float main_chars = sel.stats[main].chars;
  auto closes_container = [&](NodeId f) {
    for (NodeId a = f; a != main; a = doc.node(a).parent) {
      for (NodeId s = doc.node(a).next_sibling; s != kNoNode; s = doc.node(s).next_sibling) {
        if (!sel.drop[s].empty()) continue;
        const Node& sn = doc.node(s);
        if (sn.kind == NodeKind::kText ? visible_chars(doc.text(s)) > 0 : sn.kind == NodeKind::kElement && sel.stats[s].chars > 0)
          return false;
      }
    }
    return true;
  };
  for (auto it = fine_print_.rbegin(); it != fine_print_.rend(); ++it) {
    const NodeId f = *it;
    if (f == main || sel.stats[f].chars == 0 || sel.stats[f].chars > kFinePrintMaxShare * main_chars || holds_h1(f))
      continue;
    bool inside = false, under_drop = false;
    for (NodeId a = f; a != kNoNode; a = doc.node(a).parent) {
      if (!sel.drop[a].empty()) under_drop = true;
      if (a == main) {
        inside = true;
        break;
      }
    }
    if (!inside || under_drop || !closes_container(f)) continue;
    sel.drop[f] = kFinePrintRule;
    pruned_.push_back(f);
  }
}

// Whether n's subtree breaks lines: a block element or a <br> below it (html/tags.h counts
// <br> as a block). An inline element without one is a part of a line.
namespace {
bool breaks_lines(const Document& doc, NodeId n) {
  for (NodeId d = doc.next_in_subtree(n, n); d != kNoNode; d = doc.next_in_subtree(d, n))
    if (doc.node(d).kind == NodeKind::kElement && is_block_tag(doc.node(d).tag)) return true;
  return false;
}

// Blocks that pages use as a heading without a heading tag: a box's title <div>, a table cell, a
// paragraph of bold text, a centered line.
bool is_drawn_heading_tag(Tag t) {
  return t == Tag::k_div || t == Tag::k_p || t == Tag::k_td || t == Tag::k_th || t == Tag::k_center;
}
}  // namespace

// The nodes of the container's last line (from_end) or first line, outermost first: the
// innermost block element that ends (starts) its kept text (a <p>, a <center>), or the run of
// text and inline elements after the last (before the first) <br> or block of the element that
// does: a line of text set with <br>, as hand-made pages set paragraphs ("Copyright (c) 2003 ...
// All rights reserved.", "Home > Articles > Roses"). Empty inside <pre> (lines of code or of a
// text file are the content) and when the container has no kept text.
void ContentSelector::edge_line(const Document& doc, const ContentSelection& sel, bool from_end,
                                std::vector<NodeId>& line) const {
  line.clear();
  auto has_text = [&](NodeId c) {
    const Node& cn = doc.node(c);
    if (!sel.drop[c].empty()) return false;
    if (cn.kind == NodeKind::kText) return widths_[c] > 0;
    return cn.kind == NodeKind::kElement && sel.stats[c].chars > 0;
  };
  auto next = [&](NodeId c) { return from_end ? doc.node(c).prev_sibling : doc.node(c).next_sibling; };
  NodeId parent = sel.main;
  while (true) {
    if (doc.is_element(parent, Tag::k_pre)) return;
    NodeId edge = from_end ? doc.node(parent).last_child : doc.node(parent).first_child;
    while (edge != kNoNode && !has_text(edge)) edge = next(edge);
    if (edge == kNoNode) return;
    const Node& en = doc.node(edge);
    if (en.kind == NodeKind::kElement && breaks_lines(doc, edge)) {
      parent = edge;
      continue;
    }
    if (en.kind == NodeKind::kElement && is_block_tag(en.tag)) {
      line.push_back(edge);
      return;
    }
    for (NodeId c = edge; c != kNoNode; c = next(c)) {
      const Node& cn = doc.node(c);
      if (cn.kind == NodeKind::kElement && (is_block_tag(cn.tag) || breaks_lines(doc, c))) break;
      if (has_text(c)) line.push_back(c);
    }
    if (from_end) std::reverse(line.begin(), line.end());
    return;
  }
}

// Whether a line of at least two links reads as a breadcrumb trail ("Home > Articles > Pruning
// roses"): links with separators between them (">", "/", "|"), the text outside its links up to
// the last link has no letter or digit; the current page's name may follow unlinked. Links side
// by side with nothing between them (a poster's name and handle) are no trail.
bool ContentSelector::is_breadcrumb_line(const Document& doc, const ContentSelection& sel,
                                         const std::vector<NodeId>& line) const {
  uint32_t links = 0, separated = 0;
  bool words_outside = false;  // a word outside the links since the last link
  bool separator = false;      // a separator since the last link
  for (NodeId top : line) {
    for (NodeId n = top; n != kNoNode;) {
      const Node& node = doc.node(n);
      if (!sel.drop[n].empty()) {
        n = doc.next_skip_children(n, top);
        continue;
      }
      if (node.kind == NodeKind::kElement && node.tag == Tag::k_a) {
        if (words_outside) return false;
        if (sel.stats[n].chars > 0) {
          if (links > 0 && separator) ++separated;
          ++links;
          separator = false;
        }
        n = doc.next_skip_children(n, top);
        continue;
      }
      if (node.kind == NodeKind::kText && !words_outside) {
        const std::string_view t = doc.text(n);
        for (size_t i = 0; i < t.size() && !words_outside;) {
          const size_t at = i;
          if (is_letter_at(t, i) || (t[at] >= '0' && t[at] <= '9')) words_outside = true;
          if (i == at) ++i;
        }
        if (widths_[n] > 0) separator = true;
      }
      n = doc.next_in_subtree(n, top);
    }
  }
  return links >= 2 && separated + 1 == links;
}


// The post comes before its comments: a counting heading with less prose than this before it
// among its siblings is a counter at the post's top (a theme's "12 Comments" beside the
// title), and what follows it is the post.
constexpr uint32_t kPostBeforeCommentsMinChars = 160;
// How many wrappers a comment section's heading may open (drop_comments_under_heading).
constexpr int kCommentSectionMaxLevels = 4;
// How many wrappers a comment section's heading may open in the label pass
// (find_headed_comment_sections), where the container is not known yet.
constexpr int kHeadedCommentMaxLevels = 6;
// A shop's review widget nests its heading deeper (a summary column beside the list, each in a
// stack of layout wrappers): a reviews heading may open this many.
constexpr int kHeadedReviewsMaxLevels = 12;

// An old blog names nothing by its class: its comments follow the post in the same cell or
// <div>, under a heading that counts them ("4 Comments", counts_comments), as paragraphs of
// "Ann wrote on March 3:" and the reply. After the post (kPostBeforeCommentsMinChars of prose
// among the heading's earlier siblings), the heading's following siblings up to the next
// heading of its level or higher are the comment section ("comments-after-heading"), and the
// heading goes with them; not on forum pages, whose replies are the thread. Returns whether it
// found the post before the heading.
bool ContentSelector::drop_comments_under_heading(const Document& doc, ContentSelection& sel, NodeId heading) {
  uint32_t before = text_before(doc, sel, heading, true);
  if (before < kPostBeforeCommentsMinChars) {
    // A blog engine's comment section opens with its heading: <div><h2>34 responses to
    // “Title”</h2><ol>...</ol></div>, the post before the wrapper. The heading first in its
    // parent, up to kCommentSectionMaxLevels wrappers without prose before them (a related
    // list's links may stand between), inside the container, the first with the post among its
    // earlier siblings goes whole.
    if (text_before(doc, sel, heading, false) > 0) return false;  // the heading must open its wrapper
    NodeId section = heading;
    for (int up = 0; up < kCommentSectionMaxLevels && before == 0; ++up) {
      const NodeId parent = doc.node(section).parent;
      if (parent == kNoNode || parent == sel.main) return false;
      section = parent;
      before = text_before(doc, sel, section, true);
      if (before >= kPostBeforeCommentsMinChars) {
        if (!sel.drop[section].empty()) return false;
        sel.drop[section] = "comments-after-heading";
        sel.comment[section] = 1;
        pruned_.push_back(section);
        return true;
      }
    }
    return false;
  }
  if (replies_like_post(doc, sel, heading)) return false;
  const int level = heading_level(doc.node(heading).tag);
  for (NodeId s = doc.node(heading).next_sibling; s != kNoNode; s = doc.node(s).next_sibling) {
    const Node& sn = doc.node(s);
    if (sn.kind == NodeKind::kElement && is_heading_tag(sn.tag) && heading_level(sn.tag) <= level) break;
    if (sn.kind != NodeKind::kElement || !sel.drop[s].empty()) continue;
    sel.drop[s] = "comments-after-heading";
    sel.comment[s] = 1;
    pruned_.push_back(s);
  }
  return true;
}

// A thread typed as something else: the heading that counts the replies ("76 Replies") stands
// between the opening post and the replies, and they are built alike: the nearest element with
// text before the heading and the first after it have one tag and class, or without classes one
// shape (post_signature, loose: a post of two paragraphs and one of five). An article's text is
// no sibling built like each of its comments.
bool ContentSelector::replies_like_post(const Document& doc, const ContentSelection& sel, NodeId heading) const {
  auto nearest = [&](NodeId s, bool forward) {
    for (; s != kNoNode; s = forward ? doc.node(s).next_sibling : doc.node(s).prev_sibling)
      if (doc.node(s).kind == NodeKind::kElement && sel.drop[s].empty() && sel.stats[s].chars > 0) return s;
    return kNoNode;
  };
  const NodeId post = nearest(doc.node(heading).prev_sibling, false);
  const NodeId reply = nearest(doc.node(heading).next_sibling, true);
  if (post == kNoNode || reply == kNoNode || doc.is_element(post, Tag::k_p) || is_heading_tag(doc.node(post).tag))
    return false;
  const uint64_t sig = post_signature(doc, post, true, true);
  return sig != 0 && sig == post_signature(doc, reply, true, true);
}

uint32_t ContentSelector::text_before(const Document& doc, const ContentSelection& sel, NodeId n,
                                      bool prose_only) const {
  uint32_t sum = 0;
  for (NodeId s = doc.node(n).prev_sibling; s != kNoNode && sum < kPostBeforeCommentsMinChars;
       s = doc.node(s).prev_sibling) {
    const Node& sn = doc.node(s);
    if (sn.kind == NodeKind::kText) sum += widths_[s];
    else if (sn.kind == NodeKind::kElement && sel.drop[s].empty())
      sum += prose_only ? sel.stats[s].prose_chars : sel.stats[s].chars;
  }
  return sum;
}

// The prose before n in the page, in the earlier siblings of n and of each of its ancestors,
// counted up to kPostBeforeCommentsMinChars. Not in a page's <header>, <nav>, <aside> or
// <footer>: the label pass has not dropped them yet when it asks.
uint32_t ContentSelector::prose_before_in_page(const Document& doc, const ContentSelection& sel, NodeId n) const {
  uint32_t sum = 0;
  for (NodeId a = n; a != kNoNode && a != sel.body && sum < kPostBeforeCommentsMinChars; a = doc.node(a).parent) {
    for (NodeId s = doc.node(a).prev_sibling; s != kNoNode && sum < kPostBeforeCommentsMinChars;
         s = doc.node(s).prev_sibling) {
      const Node& sn = doc.node(s);
      if (sn.kind == NodeKind::kElement && sel.drop[s].empty() && chrome_tag_rule(sn.tag).empty())
        sum += sel.stats[s].prose_chars;
    }
  }
  return sum;
}

// How many comment permalinks find_permalinked_comments reads on a page: a long thread has one
// per comment, and the first ones tell where its list is.
constexpr size_t kMaxCommentPermalinks = 512;

// A comment section whose class names are gone or hashed, found before the class rules run:
// a heading that counts comments (counts_comments) opens it, and it follows the post. From the
// heading up through the wrappers it opens (nothing with text before it among its siblings),
// up to kHeadedCommentMaxLevels, the first with kPostBeforeCommentsMinChars of prose among its
// earlier siblings is the section; it goes as "comments-after-heading", as a comment section
// its class names would (the label pass's limits apply: not the page's <h1>, not half its text).
void ContentSelector::find_headed_comment_sections(const Document& doc, const ContentSelection& sel) {
  for (NodeId n = sel.body; n != kNoNode;) {
    const Node& node = doc.node(n);
    if (node.kind != NodeKind::kElement || !sel.drop[n].empty()) {
      n = sel.drop[n].empty() ? doc.next_in_subtree(n, sel.body) : doc.next_skip_children(n, sel.body);
      continue;
    }
    if (!is_heading_tag(node.tag)) {
      // The comments' permalinks, for find_permalinked_comments, in the same walk.
      std::string_view base;
      if (node.tag == Tag::k_a && permalinks_.size() < kMaxCommentPermalinks &&
          comment_permalink(doc.attr(n, "href"), base))
        permalinks_.push_back({base, n});
      n = doc.next_in_subtree(n, sel.body);
      continue;
    }
    if (sel.stats[n].chars > 0 && sel.stats[n].chars <= kCommentHeadingMaxChars && text_before(doc, sel, n, false) == 0) {
      scratch_.clear();
      doc.append_text(n, scratch_);
      const bool comments = counts_comments(scratch_);
      if (comments || (hints_.drop_reviews && heads_reviews(scratch_))) {
        NodeId section = n;
        for (int up = 0; up < (comments ? kHeadedCommentMaxLevels : kHeadedReviewsMaxLevels); ++up) {
          const NodeId parent = doc.node(section).parent;
          if (parent == kNoNode || parent == sel.body) break;
          section = parent;
          if (text_before(doc, sel, section, true) >= kPostBeforeCommentsMinChars) {
            (comments ? headed_comments_ : headed_reviews_).push_back(section);
            break;
          }
          if (text_before(doc, sel, section, false) > 0) {  // the wrapper does not open with the heading
            // Reviews may follow the product's description at a remove (a box of links or a
            // brand's blurb between them): the wrapper the heading opens goes when the page has
            // the post's prose before it, anywhere.
            if (!comments && prose_before_in_page(doc, sel, section) >= kPostBeforeCommentsMinChars)
              headed_reviews_.push_back(section);
            break;
          }
        }
      }
    }
    n = doc.next_skip_children(n, sel.body);
  }
  std::sort(headed_comments_.begin(), headed_comments_.end());
  std::sort(headed_reviews_.begin(), headed_reviews_.end());
}

// Whether a heading's text names the page's footer ("Footer", "Site footer", "Footer
// navigation"): a label for screen readers atop the footer, kept where the <footer> tag is gone.
constexpr std::string_view kFooterHeadings[] = {"footer", "site footer", "page footer", "footer navigation",
                                                 "footer menu", "footer links"};
bool names_page_footer(std::string_view text) {
  text = trim(text);
  return std::any_of(std::begin(kFooterHeadings), std::end(kFooterHeadings),
                     [&](std::string_view name) { return iequals(text, name); });
}

// A page's footer whose tag and class names are gone, told by the heading that names it
// (names_page_footer): from the heading up through the wrappers it opens (nothing with text
// before it among its siblings), up to kHeadedCommentMaxLevels, the highest such wrapper goes as
// "footer-heading" in the label pass (its limits apply: not the page's <h1>, not half its text).
void ContentSelector::find_headed_footers(const Document& doc, const ContentSelection& sel) {
  for (NodeId n = sel.body; n != kNoNode;) {
    const Node& node = doc.node(n);
    if (node.kind != NodeKind::kElement || !sel.drop[n].empty()) {
      n = sel.drop[n].empty() ? doc.next_in_subtree(n, sel.body) : doc.next_skip_children(n, sel.body);
      continue;
    }
    if (!is_heading_tag(node.tag)) {
      n = doc.next_in_subtree(n, sel.body);
      continue;
    }
    if (sel.stats[n].chars > 0 && sel.stats[n].chars <= 24 && text_before(doc, sel, n, false) == 0) {
      scratch_.clear();
      doc.append_text(n, scratch_);
      if (names_page_footer(scratch_)) {
        int levels = 0;
        NodeId section = kNoNode;
        for (NodeId a = n; section == kNoNode || text_before(doc, sel, a, false) == 0;) {
          const NodeId parent = doc.node(a).parent;
          if (parent == kNoNode || parent == sel.body || ++levels > kHeadedCommentMaxLevels) break;
          section = a = parent;
        }
        if (section != kNoNode) headed_footers_.push_back(section);
      }
    }
    n = doc.next_skip_children(n, sel.body);
  }
  std::sort(headed_footers_.begin(), headed_footers_.end());
}

// A comment section whose class names are gone or hashed, told by its comments' permalinks: a
// blog engine links each comment's date to the comment's own anchor ("#comment-4512",
// comment_permalink; find_headed_comment_sections gathers them in its walk). Two or more
// permalinks to the same page under one element (the list):
// each child of that element that holds one is a comment and goes as "comment-permalink", as
// it would by its class. Only after the post (kPostBeforeCommentsMinChars of prose before the
// first comment in the page), so that a jump link in the post ("latest comment") never takes
// the post's column; not on forum pages (the replies are the content).
void ContentSelector::find_permalinked_comments(const Document& doc, const ContentSelection& sel) {
  std::vector<Permalink>& links = permalinks_;
  if (links.size() < 2) return;
  std::stable_sort(links.begin(), links.end(), [](const Permalink& x, const Permalink& y) { return x.base < y.base; });
  for (size_t i = 0; i < links.size();) {
    size_t j = i + 1;
    while (j < links.size() && links[j].base == links[i].base) ++j;
    if (j - i >= 2) {
      NodeId list = doc.node(links[i].a).parent;
      for (size_t k = i + 1; k < j && list != kNoNode; ++k)
        while (list != kNoNode && !doc.holds(list, links[k].a)) list = doc.node(list).parent;
      const size_t first = permalinked_comments_.size();
      for (size_t k = i; k < j && list != kNoNode; ++k) {
        NodeId item = links[k].a;
        while (item != kNoNode && doc.node(item).parent != list) item = doc.node(item).parent;
        if (item != kNoNode && (permalinked_comments_.size() == first || permalinked_comments_.back() != item))
          permalinked_comments_.push_back(item);
      }
      // The post before the first comment: prose among the earlier siblings of it and of each
      // wrapper above it.
      uint32_t before = 0;
      if (permalinked_comments_.size() - first >= 2) {
        NodeId first_item = *std::min_element(permalinked_comments_.begin() + first, permalinked_comments_.end());
        for (NodeId x = first_item; x != kNoNode && x != sel.body && before < kPostBeforeCommentsMinChars;
             x = doc.node(x).parent)
          before += text_before(doc, sel, x, true);
      }
      if (before < kPostBeforeCommentsMinChars) permalinked_comments_.resize(first);
    }
    i = j;
  }
  std::sort(permalinked_comments_.begin(), permalinked_comments_.end());
  permalinked_comments_.erase(std::unique(permalinked_comments_.begin(), permalinked_comments_.end()),
                              permalinked_comments_.end());
}

// The line of a post that says when it was last updated ("Updated on May 3, 2024", "Last
// updated: 03/05/2024") is the page's metadata (the modified date), not its text; sites set
// it as a block of its own under the headline or after the text ("update-line"). Not on
// listings, collections and forums (each card's or post's own date is part of the item) nor
// on documentation (SelectionHints::keep_update_lines).
void ContentSelector::drop_update_lines(const Document& doc, ContentSelection& sel) {
  const NodeId main = sel.main;
  std::vector<DateHit> dates;
  for (NodeId n = doc.node(main).first_child; n != kNoNode;) {
    const Node& node = doc.node(n);
    if (!sel.drop[n].empty() || node.kind != NodeKind::kElement) {
      n = doc.next_skip_children(n, main);
      continue;
    }
    const uint32_t chars = sel.stats[n].chars;
    if (chars < kUpdateLineMinChars) {
      n = doc.next_skip_children(n, main);
      continue;
    }
    if (chars > kUpdateLineMaxChars || !is_block_tag(node.tag) || node.tag == Tag::k_br) {
      n = doc.next_in_subtree(n, main);
      continue;
    }
    scratch_.clear();
    doc.append_text(n, scratch_);
    if (is_update_line(trim(scratch_), dates)) {
      sel.drop[n] = "update-line";
      pruned_.push_back(n);
      n = doc.next_skip_children(n, main);
      continue;
    }
    n = doc.next_in_subtree(n, main);  // a line of the byline block above ("By Ann", then the date)
  }
}

// On a product page, a short block that is a price or says one ("$24.00", "Was: 39,90 €", "$273.99
// was $500.00 45% Off", "From $1099 or $91.58/mo.") is the shop's offer, printed in the buy box
// and again by every variant and card, not the product's description ("price-line"). Only a
// block with no block of its own inside (a card's name above its price is left to the card's
// rules), nor the one that holds the page's <h1>.
void ContentSelector::drop_price_lines(const Document& doc, ContentSelection& sel) {
  const NodeId main = sel.main;
  for (NodeId n = doc.node(main).first_child; n != kNoNode;) {
    const Node& node = doc.node(n);
    if (!sel.drop[n].empty() || node.kind != NodeKind::kElement) {
      n = doc.next_skip_children(n, main);
      continue;
    }
    if (sel.stats[n].chars > kPriceLineMaxChars || !is_block_tag(node.tag) || node.tag == Tag::k_br || holds_h1(n)) {
      n = doc.next_in_subtree(n, main);
      continue;
    }
    bool has_block = false;
    for (NodeId c = node.first_child; c != kNoNode && !has_block; c = doc.node(c).next_sibling)
      has_block = doc.node(c).kind == NodeKind::kElement && is_block_tag(doc.node(c).tag) && doc.node(c).tag != Tag::k_br;
    if (has_block) {
      n = doc.next_in_subtree(n, main);
      continue;
    }
    scratch_.clear();
    doc.append_text(n, scratch_);
    const std::string_view text = trim(scratch_);
    int words = 0;
    for (size_t i = 0; i < text.size(); ++i)
      if (!is_ascii_space(text[i]) && (i == 0 || is_ascii_space(text[i - 1]))) ++words;
    if (words > 0 && words <= kPriceLineMaxWords && reads_as_price(text)) {
      sel.drop[n] = "price-line";
      pruned_.push_back(n);
    }
    n = doc.next_skip_children(n, main);
  }
}

// Hand-made pages (table layouts, <font>, paragraphs set with <br>) end their content cell with
// the site's copyright notice or a row of links back ("Back to poems | Home") and open it with a
// breadcrumb trail or a row of links, often as a line of the cell's text rather than an element
// of their own, so no element rule sees them. The container's last lines go while they are a
// notice or a row of links ("legal-line", "link-line"), its first lines while they are a row of
// links or a breadcrumb trail, at most kMaxEdgeLines at each end; a closing <address> goes too
// ("address-line").
void ContentSelector::drop_edge_chrome_lines(const Document& doc, ContentSelection& sel) {
  auto line_text = [&]() -> std::string_view {
    scratch_.clear();
    for (NodeId n : line_) doc.append_text(n, scratch_);
    return scratch_;
  };
  // A menu set as lines of one link each at the top of the container ("Home<br>Telescopes<br>
  // Observing log<br>"): two or more such lines in a row go; one alone is the text's own (a
  // product's linked name, a post's linked title).
  menu_run_.clear();
  int menu_lines = 0;
  for (; menu_lines < kMaxMenuLines; ++menu_lines) {
    edge_line(doc, sel, false, line_);
    if (line_.empty()) break;
    uint32_t chars = 0, link_chars = 0, links = 0;
    for (NodeId n : line_) {
      chars += doc.node(n).kind == NodeKind::kText ? widths_[n] : sel.stats[n].chars;
      if (doc.node(n).kind == NodeKind::kText) continue;
      link_chars += sel.stats[n].link_chars;
      links += sel.stats[n].links;
    }
    const Node& first = doc.node(line_.front());
    const bool own_element = line_.size() == 1 && first.kind == NodeKind::kElement && is_block_tag(first.tag);
    if (own_element || links != 1 || link_chars < kEdgeLinksMinShare * chars) break;
    for (NodeId n : line_) {
      sel.drop[n] = "link-line";  // for edge_line to find the next line
      menu_run_.push_back(n);
    }
  }
  const bool menu = menu_lines >= kMenuMinLines;
  for (NodeId n : menu_run_) {
    if (menu) pruned_.push_back(n);
    else sel.drop[n] = {};
  }
  for (const bool from_end : {true, false}) {
    for (int i = 0; i < kMaxEdgeLines; ++i) {
      edge_line(doc, sel, from_end, line_);
      if (line_.empty()) break;
      uint32_t chars = 0, link_chars = 0, links = 0;
      for (NodeId n : line_) {
        if (doc.node(n).kind == NodeKind::kText) {
          chars += widths_[n];
          continue;
        }
        chars += sel.stats[n].chars;
        link_chars += sel.stats[n].link_chars;
        links += sel.stats[n].links;
      }
      // A line that is an element of its own was set apart by the page's author: a <p> of links
      // (an article's topics, "Get a quote") or with the wire's notice ("(c) 2019 Associated
      // Press. All rights reserved.") is the article's; a <center> or <div> of the layout is not.
      const Node& first = doc.node(line_.front());
      const bool own_element = line_.size() == 1 && first.kind == NodeKind::kElement && is_block_tag(first.tag);
      // An <address> ending the container is the page's contact line ("Page maintained by the
      // webmaster. Last modified: 3 May 2001"), HTML's contact information for its document; on
      // a service page it may be the firm's postal address, part of the pitch.
      const bool page_address = from_end && own_element && first.tag == Tag::k_address &&
                                chars <= kCopyrightLineMaxChars && !hints_.keep_prose_promos;
      // A table cell is a paragraph of a data table but also a row of the layout: the site's
      // copyright notice in the last row of a table layout ("(c) 2004 Riverside Club") goes, as
      // a legal line only (a data table's last cell may be one link to a document).
      const bool cell = own_element && (first.tag == Tag::k_td || first.tag == Tag::k_th);
      // A <p> closing the container that is nothing but links and the separators between them
      // ("Previous report | All reports | Top") is the layout's row of links back, not a
      // paragraph: a paragraph of topics says what they are ("Topics: Weather, Floods").
      const bool link_row = from_end && own_element && first.tag == Tag::k_p && links >= 2 &&
                            chars <= kBreadcrumbMaxChars && is_breadcrumb_line(doc, sel, line_);
      // A <p> closing the container with a notice on reprinting ("XX网专稿，未经授权请勿转载", "转载请
      // 注明出处") is the site's line under every story, not the story's: the wire's notice that
      // the story keeps is its reservation of rights.
      const bool reprint = from_end && own_element && first.tag == Tag::k_p && chars <= kCopyrightLineMaxChars &&
                           is_reprint_notice(line_text());
      if (own_element && is_paragraph_tag(first.tag) && !page_address && !cell && !link_row && !reprint) break;
      std::string_view rule;
      if (link_row) {
        rule = "link-line";
      } else if (reprint) {
        rule = "legal-line";
      } else if (cell) {
        if (from_end && chars <= kCopyrightLineMaxChars && is_copyright_notice(line_text())) rule = "legal-line";
      } else if (page_address) {
        rule = "address-line";
      } else if (!own_element && links >= 2 && link_chars >= kEdgeLinksMinShare * chars) {
        rule = "link-line";
      } else if (from_end && !own_element && links >= 1 && chars <= kBreadcrumbMaxChars &&
                 is_pager_text(line_text())) {
        // The pager of a story set over several pages, as a line of the text cell ("Page 1 of 3
        // 2 3 Next »"): its words are the page numbers around its links.
        rule = "pager-line";
      } else if (from_end && links == 1 && link_chars >= kEdgeLinksMinShare * chars &&
                 !writes_out_address(line_text())) {
        // One link closing the container ("Back to the home page", "Take the survey here"), as a
        // line or in a block of the layout of its own (a <div>; a <p> is the text's), leads away
        // from it; a link whose text is its own address (a contact e-mail, a URL written out) is
        // the content's information.
        rule = "link-line";
      } else if (!from_end && chars <= kBreadcrumbMaxChars && is_breadcrumb_line(doc, sel, line_)) {
        rule = "breadcrumb-line";
      } else if (from_end && chars <= kCopyrightLineMaxChars) {
        if (is_copyright_notice(line_text())) rule = "legal-line";
      }
      if (rule.empty()) break;
      for (NodeId n : line_) {
        sel.drop[n] = rule;
        pruned_.push_back(n);
      }
    }
  }
  // The site's footer that a copyright notice closes ("legal-footer"): the container's last
  // child, when kept text comes before it, it is much links (columns of "About", "Jobs by
  // city", "Privacy policy"; 35%: a shop's footer adds its address, hours and a line about
  // the firm) and its text ends within kLegalFooterTailBytes with a notice (a row of policy
  // links may follow it).
  // Without class names nothing else tells the footer from the text; the notice at the page's
  // end and the links above it do. An article's own closing notice has no columns of links.
  // Blocks the page prints after its footer (a cart's counters, a country picker's label, an
  // accessibility widget's buttons; on a copy without <footer> nothing marks them) do not hide
  // it: the footer may be followed by at most kLegalFooterMaxAfterBlocks elements of at most
  // kLegalFooterMaxAfterChars in all, which go with it.
  auto prev_kept = [&](NodeId n) {
    while (n != kNoNode && !(sel.drop[n].empty() && (doc.node(n).kind == NodeKind::kText
                                                         ? widths_[n] > 0 : sel.stats[n].chars > 0)))
      n = doc.node(n).prev_sibling;
    return n;
  };
  uint32_t after_chars = 0;
  legal_after_.clear();
  for (NodeId top = prev_kept(doc.node(sel.main).last_child); top != kNoNode;
       top = prev_kept(doc.node(top).prev_sibling)) {
    if (doc.node(top).kind != NodeKind::kElement) return;
    // A <main> or <article> is the page's own region, whatever it holds (a schedule's links).
    if (doc.node(top).tag == Tag::k_main || doc.node(top).tag == Tag::k_article) return;
    const NodeStats& st = sel.stats[top];
    const bool footer = st.links >= kLegalFooterMinLinks && st.link_chars >= kLegalFooterMinLinkShare * st.chars &&
                        st.chars <= kLegalFooterMaxChars && st.chars <= kLegalFooterMaxShare * sel.stats[sel.main].chars &&
                        text_before(doc, sel, top, false) > 0;  // kept text comes before it
    if (footer) {
      scratch_.clear();
      doc.append_text(top, scratch_);
      std::string_view tail = scratch_;
      if (tail.size() > kLegalFooterTailBytes) tail.remove_prefix(tail.size() - kLegalFooterTailBytes);
      if (is_copyright_notice(tail)) {
        legal_after_.push_back(top);
        for (NodeId n : legal_after_) {
          sel.drop[n] = "legal-footer";
          pruned_.push_back(n);
        }
        return;
      }
    }
    after_chars += st.chars;
    if (static_cast<int>(legal_after_.size()) >= kLegalFooterMaxAfterBlocks || after_chars > kLegalFooterMaxAfterChars) return;
    legal_after_.push_back(top);
  }
}

// The section that a list heading ("Related news", "Similar items") opens goes with it
// ("related-section"): the largest ancestor below scope that the heading opens (no visible
// text before it), or else, for a heading among its section's siblings, the siblings up to
// the next heading of the same or a higher level. Never a section holding the page's <h1> or
// half of scope's text or prose, nor one that reads as prose rather than a list (a "Related
// work" section of paragraphs). Scope is the body before the container is chosen, then the
// container; h1 is only_visible_h1() of the selection. Returns whether anything was dropped;
// drops found in the container are pruned_.
bool ContentSelector::drop_headed_list(const Document& doc, ContentSelection& sel, NodeId heading, NodeId scope,
                                       NodeId h1, bool in_container) {
  const uint32_t max_chars = sel.stats[scope].chars / 2;
  const uint32_t max_prose = sel.stats[scope].prose_chars / 2;
  auto opens = [&](NodeId child) {  // nothing visible before child among its siblings
    for (NodeId s = doc.node(child).prev_sibling; s != kNoNode; s = doc.node(s).prev_sibling) {
      const Node& sn = doc.node(s);
      if (sn.kind == NodeKind::kText && visible_chars(doc.text(s)) > 0) return false;
      if (sn.kind == NodeKind::kElement && sel.drop[s].empty() && sel.stats[s].chars > 0) return false;
    }
    return true;
  };
  // Cards (teaser items that are not paragraphs) anywhere below n, the most under one parent.
  auto cards = [&](NodeId n) {
    uint32_t most = 0;
    for (NodeId p = n; p != kNoNode; p = doc.next_in_subtree(p, n)) {
      if (sel.stats[p].items < kTeaserMinItems) continue;
      uint32_t k = 0;
      for (NodeId c = doc.node(p).first_child; c != kNoNode; c = doc.node(c).next_sibling)
        k += sel.stats[c].item && doc.node(c).tag != Tag::k_p;
      most = std::max(most, k);
    }
    return most;
  };
  // Kept <article>s below n, not counting one inside another: each is a page of its own (a
  // related post's card, whose headline and byline went with its <header>, leaves only its
  // summary paragraph, which reads as prose).
  auto articles = [&](NodeId n) {
    uint32_t k = 0;
    for (NodeId p = n; p != kNoNode;) {
      if (!sel.drop[p].empty()) {
        p = doc.next_skip_children(p, n);
      } else if (p != n && doc.node(p).tag == Tag::k_article) {
        ++k;
        p = doc.next_skip_children(p, n);
      } else {
        p = doc.next_in_subtree(p, n);
      }
    }
    return k;
  };
  auto is_list = [&](uint32_t chars, uint32_t link_chars, uint32_t prose, uint32_t items) {
    return link_chars >= kListLinkShare * chars || prose <= kListProseShare * chars || items >= kTeaserMinItems;
  };
  auto drop = [&](NodeId n) {
    sel.drop[n] = "related-section";
    if (in_container) pruned_.push_back(n);
  };
  // A stream of other stories under its heading may outweigh a short article beside it (a
  // wire brief of three sentences over fifty teasers with their summaries): the section goes
  // past half of scope's text when it is a list of cards that leaves out of it, in scope, at
  // least kHeadedListMinProseLeft of prose (the article). Only before the container is chosen.
  const uint32_t scope_prose = sel.stats[scope].prose_chars;
  // The most kept items with text of one list (<ul>, <ol>) below n.
  auto list_items = [&](NodeId n) {
    uint32_t most = 0;
    for (NodeId p = n; p != kNoNode;) {
      if (!sel.drop[p].empty()) {
        p = doc.next_skip_children(p, n);
        continue;
      }
      const Tag t = doc.node(p).tag;
      if (doc.node(p).kind == NodeKind::kElement && (t == Tag::k_ul || t == Tag::k_ol)) {
        uint32_t k = 0;
        for (NodeId c = doc.node(p).first_child; c != kNoNode; c = doc.node(c).next_sibling)
          k += doc.is_element(c, Tag::k_li) && sel.drop[c].empty() && sel.stats[c].chars > 0;
        most = std::max(most, k);
      }
      p = doc.next_in_subtree(p, n);
    }
    return most;
  };
  auto leaves_prose = [&](NodeId p) {
    return !in_container && scope_prose >= sel.stats[p].prose_chars + kHeadedListMinProseLeft &&
           std::max(cards(p), list_items(p)) >= kHeadedListMinCards;
  };
  NodeId top = heading;
  for (NodeId p = doc.node(top).parent; p != kNoNode && p != scope && opens(top); p = doc.node(p).parent) {
    if (h1 != kNoNode && holds_h1(p)) break;
    if (sel.stats[p].chars > max_chars && !leaves_prose(p)) break;
    top = p;
  }
  if (top != heading) {
    const NodeStats& ts = sel.stats[top];
    // (a section past half of scope passed leaves_prose: a list of cards by its items)
    if (ts.chars <= max_chars && !is_list(ts.chars, ts.link_chars, ts.prose_chars, std::max(cards(top), articles(top))))
      return false;
    drop(top);
    return true;
  }
  // A list heading drawn as a block of its own without a heading tag (<div class="title">, <td>,
  // <p><b>, as hand-made and older news pages set "Related news") heads its following siblings
  // up to any heading tag, a sibling drawn as it is (same tag and class: the next box's heading)
  // or a block of prose under kListLinkShare links (the story going on under the box).
  const Tag tag = doc.node(heading).tag;
  const bool heading_tag = is_heading_tag(tag);
  if (!heading_tag && !(is_drawn_heading_tag(tag) && !breaks_lines(doc, heading))) return false;
  const std::string_view heading_class = doc.attr(heading, "class");
  uint32_t chars = 0, link_chars = 0, prose = 0, items = 0, article_count = 0;
  NodeId end = kNoNode;
  for (NodeId s = doc.node(heading).next_sibling; s != kNoNode; s = doc.node(s).next_sibling) {
    const Node& sn = doc.node(s);
    if (sn.kind == NodeKind::kText && visible_chars(doc.text(s)) > 0) return false;  // loose text: not a list
    if (sn.kind != NodeKind::kElement || !sel.drop[s].empty()) continue;
    if (is_heading_tag(sn.tag) && (!heading_tag || sn.tag <= tag)) break;
    if (!heading_tag && sn.tag == tag && doc.attr(s, "class") == heading_class) break;
    // Nor past a block of prose with few links: the text going on under a box set inside it.
    if (!heading_tag && sel.stats[s].prose_chars > 0 &&
        sel.stats[s].link_chars < kListLinkShare * sel.stats[s].chars)
      break;
    if (h1 != kNoNode && holds_h1(s)) break;
    chars += sel.stats[s].chars;
    link_chars += sel.stats[s].link_chars;
    prose += sel.stats[s].prose_chars;
    items = std::max<uint32_t>(items + (sel.stats[s].item && sn.tag != Tag::k_p), cards(s));
    article_count += sn.tag == Tag::k_article ? 1 : articles(s);
    end = s;
  }
  if (end == kNoNode || chars > max_chars || prose > max_prose ||
      !is_list(chars, link_chars, prose, std::max(items, article_count)))
    return false;
  if (sel.drop[heading].empty()) drop(heading);
  for (NodeId s = doc.node(heading).next_sibling; s != kNoNode; s = doc.node(s).next_sibling) {
    if (doc.node(s).kind == NodeKind::kElement && sel.drop[s].empty()) drop(s);
    if (s == end) break;
  }
  return true;
}

// The author's box that a heading ("About the author") opens goes with it ("author-box"): the
// largest ancestor below scope that the heading opens (no visible text before it), or else the
// heading's following siblings up to the next heading of the same or a higher level (any
// heading, after a heading drawn as a <p>), or to the end of its parent. Never a box holding
// the page's <h1> or over kAuthorBoxMaxChars: the bio reads as prose, so unlike a list heading's
// section the box is known by its heading and its size, not by its links.
void ContentSelector::drop_author_box(const Document& doc, ContentSelection& sel, NodeId heading, NodeId scope,
                                      NodeId h1) {
  if (!sel.drop[heading].empty()) return;
  auto opens = [&](NodeId child) {
    for (NodeId s = doc.node(child).prev_sibling; s != kNoNode; s = doc.node(s).prev_sibling) {
      const Node& sn = doc.node(s);
      if (sn.kind == NodeKind::kText && visible_chars(doc.text(s)) > 0) return false;
      if (sn.kind == NodeKind::kElement && sel.drop[s].empty() && sel.stats[s].chars > 0) return false;
    }
    return true;
  };
  auto drop = [&](NodeId n) {
    sel.drop[n] = "author-box";
    pruned_.push_back(n);
  };
  NodeId top = heading;
  for (NodeId p = doc.node(top).parent; p != kNoNode && p != scope && opens(top); p = doc.node(p).parent) {
    if (sel.stats[p].chars > kAuthorBoxMaxChars || (h1 != kNoNode && holds_h1(p))) break;
    top = p;
  }
  if (top != heading) {
    drop(top);
    return;
  }
  const Tag tag = doc.node(heading).tag;
  const bool is_heading = is_heading_tag(tag);
  uint32_t chars = sel.stats[heading].chars;
  NodeId end = kNoNode;
  for (NodeId s = doc.node(heading).next_sibling; s != kNoNode; s = doc.node(s).next_sibling) {
    const Node& sn = doc.node(s);
    if (sn.kind == NodeKind::kText && visible_chars(doc.text(s)) > 0) return;  // loose text: no box of its own
    if (sn.kind != NodeKind::kElement || !sel.drop[s].empty()) continue;
    if (is_heading_tag(sn.tag) && (!is_heading || sn.tag <= tag)) break;
    if (h1 != kNoNode && holds_h1(s)) return;
    chars += sel.stats[s].chars;
    if (chars > kAuthorBoxMaxChars) return;
    end = s;
  }
  if (end == kNoNode) return;  // a heading alone: nothing says what it heads
  drop(heading);
  for (NodeId s = doc.node(heading).next_sibling; s != kNoNode; s = doc.node(s).next_sibling) {
    if (doc.node(s).kind == NodeKind::kElement && sel.drop[s].empty()) drop(s);
    if (s == end) break;
  }
}

namespace {

// A hash of the kept text below n (as its width counts it), white space collapsed and ASCII
// lower-cased, hashed in place text node by text node (no copy of the block's text).
uint64_t kept_text_hash(const Document& doc, const ContentSelection& sel, NodeId n) {
  uint64_t h = kFnvOffsetBasis;
  bool space = false, any = false;
  for (NodeId t = n; t != kNoNode;) {
    if (!sel.drop[t].empty()) {
      t = doc.next_skip_children(t, n);
      continue;
    }
    const NodeId cur = t;
    t = doc.next_in_subtree(t, n);
    if (doc.node(cur).kind != NodeKind::kText) continue;
    for (char ch : doc.text(cur)) {
      if (is_ascii_space(ch)) {
        space = any;
        continue;
      }
      if (space) h = fnv_step(h, ' ');
      space = false;
      any = true;
      h = fnv_step(h, ascii_lower(ch));
    }
  }
  return h;
}

// A block element with no block element among its children (<br> is no block here): a
// paragraph, a list item, a heading.
bool is_leaf_block(const Document& doc, const Node& node) {
  auto block = [](Tag t) { return is_block_tag(t) && t != Tag::k_br; };
  if (!block(node.tag)) return false;
  for (NodeId c = node.first_child; c != kNoNode; c = doc.node(c).next_sibling)
    if (doc.node(c).kind == NodeKind::kElement && block(doc.node(c).tag)) return false;
  return true;
}

// A leaf block with no block below it at any depth: a <div> whose only child is a <span> may
// still hold headings and paragraphs inside that span (page builders wrap rich text so), and
// then those are the blocks. Looks only below a block that has no block child, whose subtree is
// mostly inline text.
bool is_innermost_block(const Document& doc, NodeId n) {
  if (!is_leaf_block(doc, doc.node(n))) return false;
  for (NodeId d = doc.node(n).first_child == kNoNode ? kNoNode : doc.next_in_subtree(n, n); d != kNoNode;
       d = doc.next_in_subtree(d, n)) {
    const Node& dn = doc.node(d);
    if (dn.kind == NodeKind::kElement && is_block_tag(dn.tag) && dn.tag != Tag::k_br) return false;
  }
  return true;
}

}  // namespace

// The innermost blocks of the container in document order (a paragraph, a list item, a
// heading, not <pre>: code may repeat itself) with their widths; blocks without text are left
// out.
void ContentSelector::collect_leaf_blocks(const Document& doc, const ContentSelection& sel) {
  leaves_.clear();
  const NodeId main = sel.main;
  for (NodeId n = doc.node(main).first_child; n != kNoNode;) {
    const Node& node = doc.node(n);
    if (!sel.drop[n].empty() || node.kind != NodeKind::kElement || node.tag == Tag::k_pre) {
      n = doc.next_skip_children(n, main);
      continue;
    }
    if (!is_leaf_block(doc, node)) {
      n = doc.next_in_subtree(n, main);
      continue;
    }
    if (sel.stats[n].chars > 0) leaves_.push_back({n, sel.stats[n].chars, 0});
    n = doc.next_skip_children(n, main);
  }
}

// Second copies of a run of blocks go ("repeated-section"): from each block that repeats an
// earlier one, the run of blocks that repeat the blocks after that one, in order.
void ContentSelector::drop_repeated_runs(const Document& doc, ContentSelection& sel) {
  collect_leaf_blocks(doc, sel);
  // Equal texts have equal widths: only the blocks that share their width with another are
  // hashed (most paragraphs have a width of their own).
  by_key_.resize(leaves_.size());
  for (size_t i = 0; i < leaves_.size(); ++i) by_key_[i] = {leaves_[i].width, 0, i};
  std::sort(by_key_.begin(), by_key_.end());
  for (size_t g = 0; g < by_key_.size(); ++g) {
    const bool shared = (g > 0 && by_key_[g - 1].width == by_key_[g].width) ||
                        (g + 1 < by_key_.size() && by_key_[g + 1].width == by_key_[g].width);
    if (shared) by_key_[g].hash = leaves_[by_key_[g].leaf].hash = kept_text_hash(doc, sel, leaves_[by_key_[g].leaf].node);
  }
  // The first block with each text: sorted by width, hash and position, each group of equal
  // texts starts with its first block (a sort instead of a hash map: no allocation per block).
  std::sort(by_key_.begin(), by_key_.end());
  first_of_.resize(leaves_.size());
  for (size_t g = 0; g < by_key_.size(); ++g) {
    const bool same = g > 0 && by_key_[g - 1].width == by_key_[g].width && by_key_[g - 1].hash == by_key_[g].hash;
    first_of_[by_key_[g].leaf] = same ? first_of_[by_key_[g - 1].leaf] : by_key_[g].leaf;
  }
  for (size_t i = 0; i < leaves_.size();) {
    if (deadline_->expired(kPass)) return;
    const size_t j = first_of_[i];
    if (j == i) {
      ++i;
      continue;
    }
    size_t k = 0;
    uint32_t chars = 0;
    while (k < kRepeatedRunMaxBlocks && i + k < leaves_.size() && j + k < i && first_of_[i + k] == first_of_[j + k]) {
      chars += sel.stats[leaves_[i + k].node].chars;
      ++k;
    }
    bool section = false;
    if (k >= kRepeatedRunMinBlocks && chars >= kRepeatedRunMinChars) {
      NodeId lca = doc.node(leaves_[i].node).parent;
      for (size_t r = i + 1; r < i + k; ++r)
        while (lca != kNoNode && !doc.holds(lca, leaves_[r].node)) lca = doc.node(lca).parent;
      section = lca != kNoNode && chars >= kRepeatedRunCover * sel.stats[lca].chars;
      // A quotation repeats on purpose: a reply quoting the post it answers.
      for (NodeId a = lca; section && a != kNoNode && a != sel.main; a = doc.node(a).parent)
        if (doc.is_element(a, Tag::k_blockquote)) section = false;
    }
    if (section) {
      for (size_t r = i; r < i + k; ++r) {
        sel.drop[leaves_[r].node] = "repeated-section";
        pruned_.push_back(leaves_[r].node);
      }
      i += k;
    } else {
      ++i;
    }
  }
}

// Second copies of a block inside the container go ("duplicate"). Blocks are the innermost
// block elements (a paragraph, a list item, a heading); code (<pre>) may repeat itself.
void ContentSelector::drop_duplicates(const Document& doc, ContentSelection& sel) {
  const NodeId main = sel.main;
  seen_.clear();
  for (NodeId n = doc.node(main).first_child; n != kNoNode;) {
    if (deadline_->expired(kPass)) return;
    const Node& node = doc.node(n);
    if (!sel.drop[n].empty() || node.kind != NodeKind::kElement || node.tag == Tag::k_pre) {
      n = doc.next_skip_children(n, main);
      continue;
    }
    if (hints_.duplicates_by_innermost_block ? !is_innermost_block(doc, n) : !is_leaf_block(doc, node)) {
      n = doc.next_in_subtree(n, main);
      continue;
    }
    scratch_.clear();
    doc.append_text(n, scratch_);
    std::string key = ascii_lowercase(collapse_whitespace(scratch_));
    const size_t min_chars = hints_.duplicates_by_innermost_block ? kShortDuplicateMinChars : kDuplicateMinChars;
    if (key.size() >= min_chars) {
      if (!seen_.insert(fnv_step(kFnvOffsetBasis, key)).second) {
        sel.drop[n] = "duplicate";
        pruned_.push_back(n);
      }
    }
    n = doc.next_skip_children(n, main);
  }
}

}  // namespace pith
