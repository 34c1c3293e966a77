// Boilerplate rules as data. Every drop names the rule that fired (Extraction::dropped,
// `pith extract --explain`), so each table entry carries the name that is reported.
// To change what pith drops, change these tables (src/extract/rules.cpp), not the algorithm.
#pragma once
#include <span>
#include <string>
#include <string_view>

#include "html/tags.h"

namespace pith {

// Elements that never hold main text: dropped with their whole subtree.
// Returns the rule name ("tag:script", ...) or empty.
std::string_view hard_drop_rule(Tag tag);

// AMP's components (custom elements named amp-*) that are never main text, by what the AMP
// specification makes them: ads and recommendation embeds ("amp:ad"), cookie consent and user
// notices ("amp:consent"), off-canvas and mega menus ("amp:menu"), share and like buttons and
// comment widgets ("amp:social"), players and iframes like <iframe>/<video> ("amp:embed"), the
// next article appended as the reader scrolls ("amp:next-page"), lightboxes ("amp:lightbox"),
// and analytics, push and service-worker plumbing ("amp:plumbing"). Empty for any other
// element, amp-img, amp-accordion, amp-carousel and amp-live-list included. Also any amp-*
// element with layout="nodisplay": hidden until a script opens it ("amp:nodisplay"). (A child
// of an amp-* element marked placeholder or fallback is dropped as "amp:placeholder", content.cpp.)
std::string_view amp_component_rule(std::string_view element_name, std::string_view layout);

// Semantic page chrome (nav, aside, footer, header; ARIA landmarks). Empty if none.
std::string_view chrome_tag_rule(Tag tag);
std::string_view chrome_role_rule(std::string_view role);

// The rule of a comment section by its class or id ("comments", "disqus", "respond"): its
// name is never offset by content words beside it ("articleComments"), and it goes even when it
// holds half the page if an article lies beside it (content.cpp).
inline constexpr std::string_view kCommentsRule = "class:comments";

struct ClassMatch {
  std::string_view rule;  // e.g. "class:share"; empty when nothing matched
  int weight = 0;         // < 0 boilerplate, > 0 content (sum over the matches)
  bool comment = false;   // the comment section (kept apart when Options::comments)
  bool hidden = false;    // screen-reader-only or hidden utility class
  bool layout_part = false;  // the rule names a part of a layout (header, footer, sidebar, menu)
  bool fine_print = false;   // the class names fine print (kFinePrintRule); no weight of its own
};

// Scores an element's class and id (lower-cased, concatenated with a space). On a heading
// (<h1>..<h6>) the patterns of a layout's parts (header, footer, sidebar, menu) do not count: a
// heading is the title of a section, and "card-header", "accordion__header" or "sub-header"
// name its place in that section, not a region of the page. Callers pass heading for an element
// inside a <figure> too: its "figure-footer" or "media-header" is the figure's caption.
ClassMatch match_class(std::string_view class_and_id, bool heading = false);

// The rule of the fine print under a page's content, by its class or id ("disclaimer",
// "legal"): offer terms, licence and trademark notices, risk and affiliate notices. They qualify
// the content and are no part of it; content.cpp drops them inside the chosen container only
// (ClassMatch::fine_print), as their text still counts where the container is chosen.
inline constexpr std::string_view kFinePrintRule = "class:fine-print";

// The rule boilerplate_phrase_rule gives an ad's label ("Advertisement", "Anzeige", "广告").
inline constexpr std::string_view kAdPhraseRule = "phrase:ad";

// The rule boilerplate_phrase_rule gives the heading of the author's box under an article
// ("About the author"): prune drops the box with it (content.cpp drop_author_box).
inline constexpr std::string_view kAuthorBoxHeadingRule = "phrase:author-bio";

// A short block whose whole text is a known boilerplate phrase ("Share this article",
// "Advertisement", "Please enter your comment!"); case and runs of white space do not matter,
// and text over 120 bytes is never one. Returns the rule name or empty. heads_list,
// when given, tells whether the phrase is the heading of a list of other pages or products
// ("Related news", "Similar items"), whose section goes with it.
std::string_view boilerplate_phrase_rule(std::string_view text, bool* heads_list = nullptr);

// Whether a short block reads "More <site>" or "More from <site>" for one of site_names (the
// page's og:site_name, its <title>'s site segment; compared without case or surrounding white
// space): the heading of the site's other stories under an article ("More Harbour Gazette"), a list
// heading like "Related news". Only these words before the name: "More about the study" or
// "More information" head the article's own text.
bool names_site_after_more(std::string_view text, std::span<const std::string> site_names);

// Whether text is a site's copyright notice: "Copyright (c) 2003 Example Club. All rights
// reserved.", "© 2004 J. Smith": a reservation of rights in any of the languages of the table in
// rules.cpp, or a copyright mark (©, "copyright", "(c)") beside a year. Callers bound the length:
// an article may discuss copyright.
bool is_copyright_notice(std::string_view text);

// Whether text is a notice on reprinting ("未经授权不得转载", "转载请注明出处", "無断転載禁止"): the
// word for reprinting with a word that forbids it or sets its terms. is_copyright_notice counts it.
bool is_reprint_notice(std::string_view text);

// Whether text is an address written out: an e-mail address or a URL ("info@example.com",
// "https://example.org/apply", "www.example.net"). A link reading so is information (where to
// write, where to apply), not a way off the page.
bool writes_out_address(std::string_view text);

// Whether a class and id (lower-cased, as match_class takes them) name an article's lead: the
// standfirst or summary set between its headline and its body ("article__lead", "dek",
// "art_summary", "story-teaser", "news-intro"). content.cpp takes such a block in with the
// article when the body was chosen without it.
bool names_article_lead(std::string_view class_and_id);

// True if a lower-cased "class id" string has the token "review" ("product-review",
// "wider-review-col"): a block of customer reviews or a review summary.
bool names_reviews(std::string_view class_and_id);

// True if a lower-cased "class id" string has a token that names what a shop prints beside
// every product it sells, not what it says about this one: its returns policy ("returns",
// "shipping-returns"), its trust seals and badges ("trust-badges", "seller-badge") and the
// tooltips and popovers that explain a term of the offer or a field of the specifications
// ("info-tooltip", "price-popover").
bool names_shop_notes(std::string_view class_and_id);

// True if a lower-cased "class id" string has the token "placeholder" ("placeholder-item",
// "search-placeholder"): alone no reason to drop (a layout's "zone__placeholder" is filled with
// the story); beside a text field, the field's placeholder text (content.cpp).
bool names_placeholder(std::string_view class_and_id);

// True if a lower-cased "class id" string names a poster's rank or role in a thread
// ("usertitle", "author-role", "user-rank"; rules.cpp kPosterTitleClasses).
bool names_poster_title(std::string_view class_and_id);

// Whether a lower-cased "class id" string names a button or a call to action (the tokens "btn",
// "button", "cta").
bool names_button(std::string_view class_and_id);
// Whether a lower-cased "class id" string names a filter (the token "filter"): a part of a shop's
// or search's panel of choices to narrow a list by ("filters", a whole box, is a class rule).
bool names_filter(std::string_view class_and_id);

// Whether text holds the legal formula of a Chinese platform's notice under what its users
// publish ("本平台仅提供信息存储服务": the platform only stores the information).
bool is_platform_notice(std::string_view text);

// Whether text (white space around it ignored) is a bare count: digits with thousands
// separators, a "k" or "m" suffix ("3.0k"), or a post's number ("#12"); at most
// kMaxBareCountChars. On a forum, such a line of its own is a post's score, reply or like
// count, or its number in the thread, not its words.
inline constexpr size_t kMaxBareCountChars = 12;
bool is_bare_count(std::string_view text);

// Whether text is the line under a poster's name that says when the post was written, in
// Chinese or Japanese: a label of rules.cpp kPostDatelineLabels ("发表于", "编辑于", "IP属地")
// followed closely by a date or a relative one ("6 天前"), the whole line at most
// kPostDatelineMaxChars bytes ("发表于 2024-4-5 23:20:45 | 来自 - 四川") and without a comma or
// sentence end of Chinese and Japanese (a sentence that opens with the label is text). On a
// forum it is the post's metadata, not its words; under an article or an answer, the page's
// date.
inline constexpr size_t kPostDatelineMaxChars = 120;
bool is_post_dateline(std::string_view text);
// Whether text (white space and a closing colon ignored) counts the comments under a post:
// a number, then "comments", "comment", "responses" or "replies" ("4 Comments", "12 responses").
// As a heading inside the container it opens the comment section of an old blog that names
// nothing by its class.
bool counts_comments(std::string_view text);
// Whether text is a heading over a product's customer reviews: up to kReviewsHeadingMaxChars,
// with the word for reviews as a word of its own, plural ("Customer Reviews",
// "29 reviews for Trail Sandal", "Reviews (159)", "Kundenbewertungen",
// "Avis clients"). The singular ("Our review", "Write a review") is not such a heading, nor the
// word alone ("Reviews": a shop's own picked quotes are set under it as often as its customers'
// reviews).
bool heads_reviews(std::string_view text);
// Whether href links to one comment on a page by the anchor a blog engine gives each comment:
// a fragment of "comment", an optional '-' or '_', then a number ("#comment-4512",
// "post/#comment_88", "#comment12"; WordPress, Drupal, Movable Type). base gets what comes
// before the '#' (the page the comment is on; empty for the page itself).
bool comment_permalink(std::string_view href, std::string_view& base);

// Whether text is a pager's line: page numbers, the words of kPagerWords ("Page 1 of 3",
// "Next", "Previous", "Seite", "von", "weiter"...), arrows and separators, nothing else, with at
// least one digit ("Page 1 of 3  2  3  Next »").
bool is_pager_text(std::string_view text);

// An inline style that hides the element (display:none, visibility:hidden).
bool style_hides(std::string_view style);

// Whether text names scripts or the browser as a "JavaScript is disabled" notice does, in any
// of the languages of the table in rules.cpp ("JavaScript", "浏览器", "ブラウザ", "navigateur"):
// a <noscript> that does is a notice to readers without scripts, whatever its script.
bool names_script_or_browser(std::string_view text);

}  // namespace pith
