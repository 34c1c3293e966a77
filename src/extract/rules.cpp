#include "extract/rules.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/strings.h"
#include "core/utf8.h"
#include "extract/dates.h"

namespace pith {

std::string_view hard_drop_rule(Tag tag) {
  switch (tag) {
    case Tag::k_script: return "tag:script";
    case Tag::k_style: return "tag:style";
    case Tag::k_template: return "tag:template";
    case Tag::k_svg: return "tag:svg";
    case Tag::k_math: return "tag:math";
    case Tag::k_iframe: return "tag:iframe";
    case Tag::k_object: return "tag:object";
    case Tag::k_embed: return "tag:embed";
    case Tag::k_applet: return "tag:applet";
    case Tag::k_canvas: return "tag:canvas";
    case Tag::k_select: return "tag:select";
    case Tag::k_button: return "tag:button";
    case Tag::k_input: return "tag:input";
    case Tag::k_textarea: return "tag:textarea";
    case Tag::k_head: return "tag:head";
    case Tag::k_title: return "tag:title";
    case Tag::k_meta: return "tag:meta";
    case Tag::k_link: return "tag:link";
    case Tag::k_audio: return "tag:audio";
    case Tag::k_video: return "tag:video";
    case Tag::k_map: return "tag:map";
    case Tag::k_noembed: return "tag:noembed";
    case Tag::k_noframes: return "tag:noframes";
    case Tag::k_dialog: return "tag:dialog";
    case Tag::k_datalist: return "tag:datalist";
    case Tag::k_label: return "tag:label";
    case Tag::k_legend: return "tag:legend";
    case Tag::k_figcaption: return "tag:figcaption";
    default: return {};
  }
}

std::string_view amp_component_rule(std::string_view name, std::string_view layout) {
  if (!name.starts_with("amp-")) return {};
  static constexpr std::pair<std::string_view, std::string_view> kComponents[] = {
      {"amp-ad", "amp:ad"},
      {"amp-embed", "amp:ad"},
      {"amp-sticky-ad", "amp:ad"},
      {"amp-auto-ads", "amp:ad"},
      {"amp-ad-custom", "amp:ad"},
      {"amp-consent", "amp:consent"},
      {"amp-user-notification", "amp:consent"},
      {"amp-sidebar", "amp:menu"},
      {"amp-mega-menu", "amp:menu"},
      {"amp-nested-menu", "amp:menu"},
      {"amp-social-share", "amp:social"},
      {"amp-addthis", "amp:social"},
      {"amp-facebook-like", "amp:social"},
      {"amp-facebook-comments", "amp:social"},
      {"amp-reddit", "amp:social"},
      {"amp-iframe", "amp:embed"},
      {"amp-video", "amp:embed"},
      {"amp-video-iframe", "amp:embed"},
      {"amp-audio", "amp:embed"},
      {"amp-youtube", "amp:embed"},
      {"amp-vimeo", "amp:embed"},
      {"amp-dailymotion", "amp:embed"},
      {"amp-brightcove", "amp:embed"},
      {"amp-jwplayer", "amp:embed"},
      {"amp-soundcloud", "amp:embed"},
      {"amp-next-page", "amp:next-page"},
      {"amp-lightbox", "amp:lightbox"},
      {"amp-image-lightbox", "amp:lightbox"},
      {"amp-analytics", "amp:plumbing"},
      {"amp-pixel", "amp:plumbing"},
      {"amp-install-serviceworker", "amp:plumbing"},
      {"amp-web-push", "amp:plumbing"},
      {"amp-web-push-widget", "amp:plumbing"},
      {"amp-geo", "amp:plumbing"},
  };
  for (const auto& [component, rule] : kComponents)
    if (name == component) return rule;
  if (iequals(trim(layout), "nodisplay")) return "amp:nodisplay";
  return {};
}

std::string_view chrome_tag_rule(Tag tag) {
  switch (tag) {
    case Tag::k_nav: return "tag:nav";
    case Tag::k_aside: return "tag:aside";
    case Tag::k_footer: return "tag:footer";
    case Tag::k_header: return "tag:header";
    case Tag::k_menu: return "tag:menu";
    default: return {};
  }
}

std::string_view chrome_role_rule(std::string_view role) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kRoles = {{
      {"navigation", "role:navigation"}, {"banner", "role:banner"}, {"contentinfo", "role:contentinfo"},
      {"complementary", "role:complementary"}, {"search", "role:search"}, {"menu", "role:menu"},
      {"menubar", "role:menubar"}, {"dialog", "role:dialog"}, {"alertdialog", "role:alertdialog"},
      {"toolbar", "role:toolbar"},
  }};
  role = trim(role);
  for (const auto& [r, name] : kRoles)
    if (iequals(role, r)) return name;
  return {};
}

namespace {

// How a pattern matches the class/id string: as a substring anywhere, as a token (split on
// anything that is not a letter or digit: "top-ad" has the token "ad"), or as a whole class
// name or id (split on white space only: "field-label-hidden" is not the word "hidden").
// kModifier: as a BEM modifier closing a longer class name, after "_" or "--"
// ("gallery__page--hidden", "page_hidden").
enum class How { kSub, kToken, kWord, kModifier };

struct ClassRule {
  std::string_view pattern;
  How how;
  int weight;
  std::string_view rule;
  bool comment = false;
  bool hidden = false;
  // A part of a page's layout (header, footer, sidebar, menu): a class naming a layout that has
  // or lacks the part ("section-with-header", "no-sidebar") is not the part.
  bool layout_part = false;
  // Fine print (weight 0): dropped only inside the chosen container (ClassMatch::fine_print).
  bool fine_print = false;
};

// Negative patterns follow Readability's "unlikely candidates" and trafilatura's boilerplate
// XPaths (both public), regrouped into named reasons. Positive ones mark content containers.
constexpr ClassRule kClassRules[] = {
    {"cookie", How::kSub, -50, "class:cookie"},
    {"consent", How::kSub, -50, "class:cookie"},
    {"gdpr", How::kSub, -50, "class:cookie"},
    {"newsletter", How::kSub, -40, "class:newsletter"},
    {"subscribe", How::kSub, -30, "class:subscribe"},
    {"subscription", How::kSub, -30, "class:subscribe"},
    {"signup", How::kSub, -30, "class:subscribe"},
    {"sign-up", How::kSub, -30, "class:subscribe"},
    {"paywall", How::kSub, -20, "class:paywall"},
    {"share", How::kSub, -40, "class:share"},
    {"sharing", How::kSub, -40, "class:share"},
    {"social", How::kSub, -40, "class:share"},
    {"addthis", How::kSub, -40, "class:share"},
    {"related", How::kSub, -40, "class:related"},
    {"recommend", How::kSub, -40, "class:related"},
    {"more-stories", How::kSub, -40, "class:related"},
    {"read-more", How::kSub, -25, "class:related"},
    {"readmore", How::kSub, -25, "class:related"},
    {"trending", How::kSub, -30, "class:related"},
    {"popular", How::kSub, -30, "class:related"},
    {"outbrain", How::kSub, -50, "class:related"},
    {"taboola", How::kSub, -50, "class:related"},
    {"breadcrumb", How::kSub, -40, "class:breadcrumb"},
    {"sidebar", How::kSub, -40, "class:sidebar", false, false, true},
    {"widget", How::kToken, -30, "class:widget"},
    {"advert", How::kSub, -40, "class:ad"},
    {"sponsor", How::kSub, -40, "class:ad"},
    {"promo", How::kSub, -30, "class:promo"},
    {"ad", How::kToken, -40, "class:ad"},
    {"ads", How::kToken, -40, "class:ad"},
    {"adsbygoogle", How::kToken, -40, "class:ad"},
    {"banner", How::kSub, -25, "class:banner"},
    {"popup", How::kSub, -40, "class:popup"},
    {"modal", How::kSub, -40, "class:popup"},
    {"dialog", How::kToken, -40, "class:popup"},
    {"overlay", How::kSub, -20, "class:popup"},
    {"masthead", How::kSub, -40, "class:header", false, false, true},
    {"header", How::kSub, -25, "class:header", false, false, true},
    {"footer", How::kSub, -40, "class:footer", false, false, true},
    {"copyright", How::kSub, -40, "class:footer"},
    // The fine print closing a page's content: offer terms, licence and trademark notices, risk
    // and affiliate notices. "legal" as a token only: "legalShipping" is an item's shipping line.
    {"disclaimer", How::kSub, 0, kFinePrintRule, false, false, false, true},
    {"legal", How::kToken, 0, kFinePrintRule, false, false, false, true},
    {"menu", How::kSub, -40, "class:nav", false, false, true},
    {"nav", How::kToken, -40, "class:nav"},
    {"navbar", How::kSub, -40, "class:nav", false, false, true},
    {"navigation", How::kSub, -40, "class:nav", false, false, true},
    {"skip-link", How::kSub, -40, "class:nav"},
    // A link back to the top of the page ("Top", an arrow), after each post of a phpBB thread
    // ("back2top") or at the foot of a long page.
    {"back2top", How::kSub, -40, "class:nav"},
    {"back-to-top", How::kSub, -40, "class:nav"},
    {"backtotop", How::kSub, -40, "class:nav"},
    {"back_to_top", How::kSub, -40, "class:nav"},
    {"pagination", How::kSub, -40, "class:nav"},
    // A shop's or search's faceted filters: the brands, prices and sizes to narrow the list by.
    // "filters" as a token: a box of filters. Not "filter": "filter-active" marks each shown
    // item of a filterable list (a service page's FAQ answers).
    {"facet", How::kSub, -40, "class:filters"},
    {"filters", How::kToken, -40, "class:filters"},
    {"pager", How::kSub, -40, "class:nav"},
    {"toolbar", How::kSub, -30, "class:nav", false, false, true},
    {"tags", How::kToken, -25, "class:tags"},
    {"tagcloud", How::kSub, -25, "class:tags"},
    {"author-bio", How::kSub, -25, "class:byline"},
    {"byline", How::kSub, -20, "class:byline"},
    {"meta", How::kToken, -15, "class:byline"},
    // The line or sentence under a blog post that says when and where it was filed, in one word:
    // WordPress's default themes of the 2000s ("postmetadata": "This entry was posted on ... and is
    // filed under ...") and the themes built on them ("postmeta"). Its weight outdoes the "post"
    // it holds (+20).
    {"postmeta", How::kSub, -45, "class:byline"},
    {"print", How::kToken, -20, "class:tools"},
    {"rss", How::kToken, -30, "class:tools"},
    // The edit link a wiki puts by each heading ("[edit]"): MediaWiki's "mw-editsection".
    {"editsection", How::kSub, -30, "class:tools"},
    {"reviews", How::kSub, -40, "class:reviews", true},
    {"ratings", How::kSub, -30, "class:reviews"},
    {"caption", How::kSub, -30, "class:caption"},
    {"credit", How::kSub, -30, "class:caption"},
    // A poster's signature under each post of a forum (phpBB, vBulletin, XenForo, IPB), not
    // Stack Exchange's "post-signature" (the poster and date line of a post).
    {"signature", How::kWord, -30, "class:signature"},
    {"signaturecontainer", How::kWord, -30, "class:signature"},
    {"message-signature", How::kWord, -30, "class:signature"},
    {"ipssignature", How::kWord, -30, "class:signature"},
    // What the forum software adds around a post, beside the poster's words: XenForo's
    // "message-userExtras" and XenForo 1's "extraUserInfo" (joined, messages, reaction score,
    // trophy points) and the "Last edited" line of
    // XenForo ("message-lastEdit") and vBulletin ("lastedited").
    {"userextras", How::kSub, -30, "class:post-info"},
    {"extrauserinfo", How::kSub, -30, "class:post-info"},
    // vBulletin 4's "userstats" list under the poster's name (join date, posts, thanks).
    {"userstats", How::kSub, -30, "class:post-info"},
    // A post's row of actions (thank, quote, reply, report) named as a list of actions or as
    // action buttons (wpForo's "wpforo-action-buttons-wrap").
    {"actionlist", How::kToken, -30, "class:post-info"},
    {"action-buttons", How::kSub, -30, "class:post-info"},
    {"lastedit", How::kSub, -30, "class:post-info"},
    // phpBB's lines under the poster's name: rank, post count, join date, custom fields.
    {"profile-rank", How::kWord, -30, "class:post-info"},
    {"profile-posts", How::kWord, -30, "class:post-info"},
    {"profile-joined", How::kWord, -30, "class:post-info"},
    {"profile-custom-field", How::kWord, -30, "class:post-info"},
    // Stack Exchange's line under a question or answer: "answered Mar 3, 2012 at 9:41", the
    // date the poster asked, answered or edited.
    {"user-action-time", How::kWord, -30, "class:post-info"},
    // Invision Community's summary of a topic beside its posts: reply and view counts, top
    // posters, most popular posts.
    {"topicoverview", How::kSub, -30, "class:post-info"},
    // The poster's online or offline state beside each post: Simple:Press's "spPostUserStatus",
    // other boards' "user-status" and "online-status"; and FluxBB's and PunBB's "postfoot", the
    // line under a post that shows it. Those two names hold "post" (weight +20): -50 so that
    // the content word in the software's own name does not save them.
    {"userstatus", How::kSub, -50, "class:post-info"},
    {"user-status", How::kSub, -30, "class:post-info"},
    {"online-status", How::kSub, -30, "class:post-info"},
    {"onlinestatus", How::kSub, -30, "class:post-info"},
    {"postfoot", How::kSub, -50, "class:post-info"},
    // A board's notices and announcements above its threads (vBulletin's "notices" list of
    // "notice" items, an "announcement" box, bbPress's "bbp-template-notice") and phpBB's "notice"
    // line under an edited post: the board speaking, not the thread. "notice" as a whole class
    // name only: documentation's "feature-state-notice" is part of the page it sits in.
    {"announcement", How::kSub, -30, "class:notice"},
    {"notices", How::kToken, -30, "class:notice"},
    {"notice", How::kWord, -30, "class:notice"},
    {"template-notice", How::kSub, -30, "class:notice"},
    // A message the reader can close (Bootstrap's "alert-dismissible", WordPress's
    // "is-dismissible"): the board's rules above a thread, an invitation to guests to sign up.
    {"dismissible", How::kSub, -30, "class:notice"},
    {"comment", How::kToken, -40, kCommentsRule, true},
    {"comments", How::kSub, -40, kCommentsRule, true},
    {"commentlist", How::kSub, -40, kCommentsRule, true},
    {"disqus", How::kSub, -40, kCommentsRule, true},
    {"respond", How::kToken, -40, kCommentsRule, true},
    {"sr-only", How::kSub, -60, "class:hidden", false, true},
    {"visually-hidden", How::kSub, -60, "class:hidden", false, true},
    {"screen-reader", How::kSub, -60, "class:hidden", false, true},
    // The same screen-reader-only text under other frameworks' names: H5BP's "visuallyhidden",
    // Stack Exchange's "v-visible-sr", Drupal's "element-invisible", WordPress's "assistive-text".
    {"visuallyhidden", How::kSub, -60, "class:hidden", false, true},
    {"visible-sr", How::kSub, -60, "class:hidden", false, true},
    {"element-invisible", How::kWord, -60, "class:hidden", false, true},
    {"assistive-text", How::kWord, -60, "class:hidden", false, true},
    {"hidden", How::kWord, -60, "class:hidden", false, true},
    {"d-none", How::kWord, -60, "class:hidden", false, true},
    // The hiding helpers of Bulma ("is-hidden") and SUIT CSS ("u-hidden"), display:none both; not
    // their responsive forms ("is-hidden-mobile"), which hide on some screens only.
    {"is-hidden", How::kWord, -60, "class:hidden", false, true},
    {"u-hidden", How::kWord, -60, "class:hidden", false, true},
    // A BEM state modifier that hides its block until a script shows it (the later pages of an
    // article split into pages, a collapsed panel): "article__page_hidden", "panel--hidden".
    {"hidden", How::kModifier, -60, "class:hidden", false, true},
    // Positive: the containers content lives in.
    {"article", How::kSub, 25, ""},
    {"content", How::kSub, 25, ""},
    {"entry", How::kSub, 25, ""},
    {"post", How::kSub, 20, ""},
    {"story", How::kSub, 25, ""},
    {"body", How::kSub, 20, ""},
    {"main", How::kSub, 20, ""},
    {"text", How::kSub, 15, ""},
    {"prose", How::kSub, 25, ""},
    {"blog", How::kSub, 15, ""},
    {"hentry", How::kToken, 25, ""},
};

bool is_token_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Class names that say what a layout has, not what the element is: "section-with-header" is a
// section whose heading row sits on top of its cards, "has-sidebar" and "no-sidebar" a page
// layout with or without one, "title-container--with-reviews" a product card's title row with
// its star rating beside it. A negative substring pattern right after such a word (itself at
// the start of a token) does not condemn the element.
constexpr std::string_view kLayoutModifiers[] = {"with-", "with_", "has-", "has_", "no-", "no_", "without-"};

bool after_layout_modifier(std::string_view s, size_t pos) {
  if (pos == 0 || (s[pos - 1] != '-' && s[pos - 1] != '_')) return false;
  for (std::string_view m : kLayoutModifiers) {
    if (pos < m.size() || s.substr(pos - m.size(), m.size()) != m) continue;
    const size_t start = pos - m.size();
    if (start == 0 || !is_token_char(s[start - 1])) return true;
  }
  return false;
}

bool token_match(std::string_view s, std::string_view tok) {
  size_t pos = 0;
  while ((pos = s.find(tok, pos)) != std::string_view::npos) {
    bool left = pos == 0 || !is_token_char(s[pos - 1]);
    size_t end = pos + tok.size();
    bool right = end == s.size() || !is_token_char(s[end]);
    if (left && right) return true;
    pos = end;
  }
  return false;
}

// Words that close a class name saying what an element qualifies for, not what it is: a product
// card's "subscription-eligible" (the product can be bought by subscription) is no subscription
// box. Not "-enabled": Jetpack's "sd-sharing-enabled" is the sharing block itself.
constexpr std::string_view kCapabilitySuffixes[] = {"-eligible", "_eligible"};

bool before_capability_suffix(std::string_view s, size_t end) {
  if (end >= s.size() || (s[end] != '-' && s[end] != '_')) return false;
  for (std::string_view m : kCapabilitySuffixes) {
    if (s.substr(end, m.size()) != m) continue;
    const size_t after = end + m.size();
    if (after == s.size() || !is_token_char(s[after])) return true;
  }
  return false;
}

// Whether a substring pattern occurs in s other than right after a layout modifier or right
// before a capability suffix. Only negative rules are checked so: the positive ones
// ("content", "main") match most classes, and a modifier beside them changes little.
bool layout_part_match(std::string_view s, std::string_view pattern) {
  for (size_t pos = 0; (pos = s.find(pattern, pos)) != std::string_view::npos; ++pos)
    if (!after_layout_modifier(s, pos) && !before_capability_suffix(s, pos + pattern.size())) return true;
  return false;
}

// Whether `word` is one of s's white-space separated words, found in place: this runs for
// every class rule on every element's class at every rule level, so it must not allocate.
bool word_match(std::string_view s, std::string_view word) {
  constexpr std::string_view kSpace = " \t\n\r\f";
  for (size_t pos = 0; (pos = s.find(word, pos)) != std::string_view::npos; ++pos) {
    const size_t end = pos + word.size();
    if ((pos == 0 || kSpace.find(s[pos - 1]) != std::string_view::npos) &&
        (end == s.size() || kSpace.find(s[end]) != std::string_view::npos))
      return true;
  }
  return false;
}

// Whether s's first white-space separated word is `word`.
bool first_word_is(std::string_view s, std::string_view word) {
  return s.starts_with(word) && (s.size() == word.size() || is_ascii_space(s[word.size()]));
}

// CSS properties whose value a utility class names after the same modifier: "overflow--hidden"
// clips the element's overflow and hides nothing of the element itself.
constexpr std::string_view kPropertyUtilities[] = {"overflow", "overflow-x", "overflow-y", "overflow_x", "overflow_y"};

// Whether one of s's white-space separated words closes with `modifier` as a BEM modifier (after
// "_" or "--", with a name of its own before), not naming a CSS property's value
// (kPropertyUtilities). One search for the modifier: this runs for every element's class.
bool modifier_match(std::string_view s, std::string_view modifier) {
  constexpr std::string_view kSpace = " \t\n\r\f";
  for (size_t pos = 0; (pos = s.find(modifier, pos)) != std::string_view::npos; ++pos) {
    const size_t after = pos + modifier.size();
    if (after != s.size() && kSpace.find(s[after]) == std::string_view::npos) continue;
    size_t sep = pos;
    if (sep >= 1 && s[sep - 1] == '_') {
      sep -= 1;
    } else if (sep >= 2 && s[sep - 1] == '-' && s[sep - 2] == '-') {
      sep -= 2;
    } else {
      continue;
    }
    if (sep == 0 || kSpace.find(s[sep - 1]) != std::string_view::npos || s[sep - 1] == '_' || s[sep - 1] == '-') continue;
    const std::string_view before = s.substr(0, sep);
    bool utility = false;
    for (std::string_view p : kPropertyUtilities)
      utility |= before.ends_with(p) &&
                 (before.size() == p.size() || !is_token_char(before[before.size() - p.size() - 1]));
    if (!utility) return true;
  }
  return false;
}

// Modifiers that open a class name saying what an element lacks or turns off: "no-ad" and
// "hide-read-more-ad" are not an ad, "no-sidebar" is not a sidebar.
constexpr std::string_view kNegatingModifiers[] = {"no-", "no_", "hide-", "hide_", "without-", "without_"};

bool starts_negated(std::string_view word) {
  if (word.empty() || (word[0] != 'n' && word[0] != 'h' && word[0] != 'w')) return false;  // kNegatingModifiers' first letters
  for (std::string_view m : kNegatingModifiers)
    if (word.substr(0, m.size()) == m) return true;
  return false;
}

// A utility class with an arbitrary value or variant (Tailwind: "pt-[calc(var(--banner-h))]",
// "has-[>[data-slot=banner]]:pt-0", "[--sidebar-w:16rem]") names a style, not a part of the
// page, whatever words its value holds.
bool is_arbitrary_utility(std::string_view word) { return word.find('[') != std::string_view::npos; }

// s without the class names that name no part: negated names and arbitrary-value utilities, in
// `out` when it has any (rare: the copy is made only then); else s itself. This runs for every
// element's class at every rule level: the check is one pass that looks only at the starts of
// words, and one search for '['.
std::string_view without_negated_words(std::string_view s, std::string& out) {
  bool any = s.find('[') != std::string_view::npos;
  for (size_t pos = 0; pos < s.size() && !any; ++pos)
    if ((pos == 0 || is_ascii_space(s[pos - 1])) && starts_negated(s.substr(pos))) any = true;
  if (!any) return s;
  out.clear();
  for (size_t pos = 0; pos < s.size();) {
    size_t end = pos;
    while (end < s.size() && !is_ascii_space(s[end])) ++end;
    const std::string_view word = s.substr(pos, end - pos);
    if (!word.empty() && !starts_negated(word) && !is_arbitrary_utility(word)) {
      out += word;
      out += ' ';
    }
    pos = end + 1;
  }
  return out;
}

}  // namespace

// Class tokens that name an article's lead paragraph in newsroom templates.
// Not "excerpt" or "subtitle": a listicle's item blurbs and a page's tagline are so named.
constexpr std::string_view kLeadTokens[] = {"lead", "dek", "deck", "standfirst", "summary",
                                            "intro", "teaser", "sapo", "chapo"};

bool names_article_lead(std::string_view class_and_id) {
  for (std::string_view tok : kLeadTokens)
    if (token_match(class_and_id, tok)) return true;
  return false;
}

bool names_reviews(std::string_view class_and_id) { return token_match(class_and_id, "review"); }

bool names_shop_notes(std::string_view class_and_id) {
  for (std::string_view t : {"returns", "trust", "badge", "tooltip", "popover"})
    if (token_match(class_and_id, t)) return true;
  return false;
}

bool names_placeholder(std::string_view class_and_id) { return token_match(class_and_id, "placeholder"); }

// The rank or role a forum prints under each poster's name ("Senior Member", "Participant",
// "Administrator"), by the class the engines give it: vBulletin's and FluxBB's "usertitle",
// XenForo's "userTitle", bbPress's "bbp-author-role", wpForo's "author-title", phpBB styles'
// "rank-title"/"user-rank"; and the badge that marks the thread's starter on each of the
// starter's replies (Invision's "ipsComment_authorBadge").
constexpr std::string_view kPosterTitleClasses[] = {
    "usertitle", "user-title", "user_title", "author-title", "author-role",  "member-title",
    "userrank",  "user-rank",  "rank-title", "authorbadge",  "author-badge",
};

bool names_poster_title(std::string_view class_and_id) {
  for (std::string_view c : kPosterTitleClasses)
    if (token_match(class_and_id, c)) return true;
  return false;
}

bool names_button(std::string_view class_and_id) {
  return token_match(class_and_id, "btn") || token_match(class_and_id, "button") || token_match(class_and_id, "cta");
}

bool names_filter(std::string_view class_and_id) { return token_match(class_and_id, "filter"); }

namespace {

// Discuz's own short class names around each post (the board software of most Chinese
// forums), matched as the first class name whole, the way its templates write them: a word
// search for names this short would scan every element's classes (they stand apart from
// kClassRules for that). Its signature under each post (<div class="sign">), as phpBB's and
// XenForo's "signature"; the poster's panel beside each post, a table cell with the name,
// avatar, topic, post and point counts, rank and medals ("pls"); the "last edited by" line at
// the top of a post ("本帖最后由 <poster> 于 <date> 编辑", <i class="pstatus">) and the table
// of the points readers rated a post with ("ratl"), as XenForo's userExtras and lastEdit.
struct FirstClassRule {
  std::string_view name;
  int weight;
  std::string_view rule;
};
constexpr FirstClassRule kFirstClassRules[] = {
    {"sign", -30, "class:signature"},
    {"pls", -30, "class:post-info"},
    {"pstatus", -30, "class:post-info"},
    {"ratl", -30, "class:post-info"},
};

// The bytes a string holds, as a set of 64 bits (a byte's low six bits): a pattern can occur in
// a class only if every one of its bits is set in the class's. Two bytes may share a bit, which
// only lets a search run that finds nothing; no match is ever skipped. match_class runs every
// rule on every element's class, so a set check first spares most of the searches.
constexpr uint64_t byte_bits(std::string_view s) {
  uint64_t bits = 0;
  for (char c : s) bits |= uint64_t{1} << (static_cast<unsigned char>(c) & 63);
  return bits;
}

constexpr auto kClassRuleBits = [] {
  std::array<uint64_t, std::size(kClassRules)> bits{};
  for (size_t i = 0; i < std::size(kClassRules); ++i) bits[i] = byte_bits(kClassRules[i].pattern);
  return bits;
}();

constexpr std::string_view kRelatedRule = "class:related";

// A BEM element's name ("story-content__recommend--box") says what the element is after its
// "__", and before it the component it is a part of. Where the element's own part names a list
// of other pages ("recommend", "related"), a content word in the component's name does not
// offset it: the recommendations box of an article's detail view is a recommendations box.
// Returns the weight of the content words found only in the components' parts of s's class
// names, when some element's own part (after its first "__") names such a list; else 0.
int component_positive(std::string_view s) {
  thread_local std::string own_parts;
  own_parts.clear();
  for (size_t i = 0; i < s.size();) {
    size_t end = i;
    while (end < s.size() && !is_ascii_space(s[end])) ++end;
    const std::string_view name = s.substr(i, end - i);
    const size_t cut = name.find("__");
    own_parts += cut == std::string_view::npos ? name : name.substr(cut + 2);
    own_parts += ' ';
    i = end;
    while (i < s.size() && is_ascii_space(s[i])) ++i;
  }
  const std::string_view own = own_parts;
  bool related = false;
  int positive = 0;
  for (const ClassRule& r : kClassRules) {
    if (r.rule == kRelatedRule && r.how == How::kSub && own.find(r.pattern) != std::string_view::npos) related = true;
    if (r.weight <= 0) continue;
    const bool in_s = r.how == How::kToken ? token_match(s, r.pattern) : s.find(r.pattern) != std::string_view::npos;
    const bool in_own = r.how == How::kToken ? token_match(own, r.pattern) : own.find(r.pattern) != std::string_view::npos;
    if (in_s && !in_own) positive += r.weight;
  }
  return related ? positive : 0;
}

// The same for the pairs of adjacent bytes a string holds, as a set of 256 bits (a hash of the
// pair): a long class string holds most bytes, so byte_bits lets most searches run there, but
// few of a pattern's pairs. Checked after byte_bits; as there, no match is ever skipped.
using PairBits = std::array<uint64_t, 4>;
constexpr PairBits pair_bits(std::string_view s) {
  PairBits bits{};
  for (size_t i = 1; i < s.size(); ++i) {
    const unsigned h = (static_cast<unsigned char>(s[i - 1]) * 31u + static_cast<unsigned char>(s[i])) & 255u;
    bits[h >> 6] |= uint64_t{1} << (h & 63);
  }
  return bits;
}

constexpr bool holds_pairs(const PairBits& have, const PairBits& need) {
  return (need[0] & ~have[0]) == 0 && (need[1] & ~have[1]) == 0 && (need[2] & ~have[2]) == 0 &&
         (need[3] & ~have[3]) == 0;
}

constexpr auto kClassRulePairs = [] {
  std::array<PairBits, std::size(kClassRules)> pairs{};
  for (size_t i = 0; i < std::size(kClassRules); ++i) pairs[i] = pair_bits(kClassRules[i].pattern);
  return pairs;
}();

}  // namespace

ClassMatch match_class(std::string_view class_and_id, bool heading) {
  thread_local std::string kept_words;
  const std::string_view s = without_negated_words(class_and_id, kept_words);
  const uint64_t class_bits = byte_bits(s);
  const PairBits class_pairs = pair_bits(s);
  ClassMatch m;
  int most_negative = 0;
  for (size_t i = 0; i < std::size(kClassRules); ++i) {
    const ClassRule& r = kClassRules[i];
    if ((kClassRuleBits[i] & ~class_bits) != 0 || !holds_pairs(class_pairs, kClassRulePairs[i])) continue;
    if (heading && r.layout_part) continue;
    const bool hit = r.how == How::kToken ? token_match(s, r.pattern)
                     : r.how == How::kWord ? word_match(s, r.pattern)
                     : r.how == How::kModifier ? modifier_match(s, r.pattern)
                     : r.weight < 0        ? layout_part_match(s, r.pattern)
                                           : s.find(r.pattern) != std::string_view::npos;
    if (!hit) continue;
    m.fine_print |= r.fine_print;
    m.weight += r.weight;
    if (r.weight < most_negative) {
      most_negative = r.weight;
      m.rule = r.rule;
      m.comment = r.comment;
      m.hidden = r.hidden;
      m.layout_part = r.layout_part;
    }
  }
  if (!s.empty()) {
    for (const FirstClassRule& r : kFirstClassRules) {
      if (s[0] != r.name[0] || !first_word_is(s, r.name)) continue;
      m.weight += r.weight;
      if (r.weight < most_negative) {
        most_negative = r.weight;
        m.rule = r.rule;
        m.comment = m.hidden = m.layout_part = false;
      }
    }
  }
  // A comment section's name is not offset by the content words beside it: "articleComments",
  // "post-comments" and "story-comments" hold the comments on the article, not the article (a
  // comment's own "comment-content" sits inside such a section). Reviews are a product's content
  // on a shop page: their weight stays summed.
  if (m.rule == kCommentsRule) m.weight = std::min(m.weight, most_negative);
  if (m.rule == kRelatedRule && m.weight > most_negative && s.find("__") != std::string_view::npos)
    m.weight -= component_positive(s);
  return m;
}

namespace {

struct Phrase {
  std::string_view text;  // lower case; matched against the whole block or its start
  bool prefix;
  std::string_view rule;
  bool heads_list = false;  // the heading of a list of other pages or items ("Similar items")
};

constexpr Phrase kPhrases[] = {
    {"advertisement", false, kAdPhraseRule},
    {"advertisements", false, kAdPhraseRule},
    {"sponsored", false, kAdPhraseRule},
    // The label a news site prints over an ad slot inside its article, in the large web languages
    // (each language's standard word for "advertisement"; only ASCII is lower-cased here, so a
    // capital outside it is written as pages print it). Whole block only: the word in a sentence,
    // or "Werbung" in a heading with more words, is text.
    {"anzeige", false, kAdPhraseRule},
    {"werbung", false, kAdPhraseRule},
    {"publicité", false, kAdPhraseRule},
    {"publicidad", false, kAdPhraseRule},
    {"publicidade", false, kAdPhraseRule},
    {"pubblicità", false, kAdPhraseRule},
    {"advertentie", false, kAdPhraseRule},
    {"reklama", false, kAdPhraseRule},
    {"reklam", false, kAdPhraseRule},
    {"iklan", false, kAdPhraseRule},
    {"quảng cáo", false, kAdPhraseRule},
    {"Реклама", false, kAdPhraseRule},
    {"реклама", false, kAdPhraseRule},
    {"إعلان", false, kAdPhraseRule},
    {"تبلیغات", false, kAdPhraseRule},
    {"विज्ञापन", false, kAdPhraseRule},
    {"โฆษณา", false, kAdPhraseRule},
    {"广告", false, kAdPhraseRule},
    {"廣告", false, kAdPhraseRule},
    {"広告", false, kAdPhraseRule},
    {"スポンサーリンク", false, kAdPhraseRule},
    {"광고", false, kAdPhraseRule},
    // The line under an ad slot that tells the reader the article goes on below it.
    {"article continues below", false, kAdPhraseRule},
    {"article continues below advertisement", false, kAdPhraseRule},
    {"story continues below", false, kAdPhraseRule},
    {"story continues below advertisement", false, kAdPhraseRule},
    {"continue reading below", false, kAdPhraseRule},
    {"weiterlesen nach der anzeige", false, kAdPhraseRule},
    {"haberin devamı", false, kAdPhraseRule},
    // The same line in more of the large web languages: the text (the article, the story) goes
    // on after the ad. Whole block only.
    {"weiter nach der anzeige", false, kAdPhraseRule},
    {"haberin devamı aşağıda", false, kAdPhraseRule},
    {"içeriğin devamı aşağıda", false, kAdPhraseRule},
    {"İçeriğin devamı aşağıda", false, kAdPhraseRule},
    {"la suite après la publicité", false, kAdPhraseRule},
    {"la suite après cette publicité", false, kAdPhraseRule},
    {"l'article continue après la publicité", false, kAdPhraseRule},
    {"la noticia continúa tras la publicidad", false, kAdPhraseRule},
    {"continúa después de la publicidad", false, kAdPhraseRule},
    {"continua dopo la pubblicità", false, kAdPhraseRule},
    {"l'articolo continua dopo la pubblicità", false, kAdPhraseRule},
    {"continua após a publicidade", false, kAdPhraseRule},
    {"continua depois da publicidade", false, kAdPhraseRule},
    {"het artikel gaat verder onder de advertentie", false, kAdPhraseRule},
    {"lees verder na de advertentie", false, kAdPhraseRule},
    {"dalsza część artykułu pod reklamą", false, kAdPhraseRule},
    {"Продолжение после рекламы", false, kAdPhraseRule},
    {"продолжение после рекламы", false, kAdPhraseRule},
    {"scroll to continue with content", false, kAdPhraseRule},
    {"share this", true, "phrase:share"},
    {"share on", true, "phrase:share"},
    {"share article", true, "phrase:share"},
    {"share", false, "phrase:share"},
    {"tweet", false, "phrase:share"},
    {"follow us", true, "phrase:share"},
    // A share bar's "Copy link" button, a block of its own, in the large web languages. Whole
    // block only: forum software prints "[复制链接]" beside a post, which its readers keep.
    {"copy link", false, "phrase:share"},
    {"copy the link", false, "phrase:share"},
    {"link kopieren", false, "phrase:share"},
    {"copier le lien", false, "phrase:share"},
    {"copiar enlace", false, "phrase:share"},
    {"copiar link", false, "phrase:share"},
    {"copia link", false, "phrase:share"},
    {"skopiuj link", false, "phrase:share"},
    {"linki kopyala", false, "phrase:share"},
    {"salin link", false, "phrase:share"},
    {"копировать ссылку", false, "phrase:share"},
    {"कॉपी लिंक", false, "phrase:share"},
    {"复制链接", false, "phrase:share"},
    {"複製連結", false, "phrase:share"},
    {"リンクをコピー", false, "phrase:share"},
    {"링크 복사", false, "phrase:share"},
    // The buttons under a Chinese post or article, each a block of its own: share to, report,
    // save, like.
    {"分享到", false, "phrase:share"},
    {"分享至", false, "phrase:share"},
    {"举报", false, "phrase:widget"},
    {"收藏", false, "phrase:widget"},
    {"点赞", false, "phrase:widget"},
    // More of the buttons and labels between Chinese posts and under articles, each a block of
    // its own (simplified, then traditional): comment, reply, follow, read aloud, expand the
    // full text or the replies, more answers, dislike. On a Discuz thread the floor labels (the
    // thread starter, the first three replies: links that copy the post's address) and the
    // buttons of the poster line (view this poster's posts only, newest first, reading mode):
    // the poster's name and the date beside them stay.
    {"评论", false, "phrase:widget"},
    {"評論", false, "phrase:widget"},
    {"回复", false, "phrase:widget"},
    {"回覆", false, "phrase:widget"},
    {"收起回复", false, "phrase:widget"},
    {"收起回覆", false, "phrase:widget"},
    {"关注", false, "phrase:widget"},
    {"+关注", false, "phrase:widget"},
    {"關注", false, "phrase:widget"},
    {"+關注", false, "phrase:widget"},
    {"播报", false, "phrase:widget"},
    {"播报文章", false, "phrase:widget"},
    {"展开阅读全文", false, "phrase:widget"},
    {"展開閱讀全文", false, "phrase:widget"},
    {"更多回答", false, "phrase:widget"},
    {"不喜欢", false, "phrase:widget"},
    {"只看该作者", false, "phrase:widget"},
    {"只看該作者", false, "phrase:widget"},
    {"倒序浏览", false, "phrase:widget"},
    {"倒序瀏覽", false, "phrase:widget"},
    {"阅读模式", false, "phrase:widget"},
    {"閱讀模式", false, "phrase:widget"},
    {"楼主", false, "phrase:widget"},
    {"樓主", false, "phrase:widget"},
    {"沙发", false, "phrase:widget"},
    {"沙發", false, "phrase:widget"},
    {"板凳", false, "phrase:widget"},
    {"地板", false, "phrase:widget"},
    // A thread's view buttons (the starter's posts only, newest first, on the phone), the
    // placeholder of a deleted comment, the end of a list that loads more as it scrolls ("no
    // more"), the default bio of a poster who wrote none ("this person is lazy"), and the prompt
    // to log in before commenting ("请登录后发表评论"; the link 登录 set apart by spaces).
    {"只看楼主", false, "phrase:widget"},
    {"仅看楼主", false, "phrase:widget"},
    {"只看樓主", false, "phrase:widget"},
    {"倒序看帖", false, "phrase:widget"},
    {"手机查看", false, "phrase:widget"},
    {"该评论已删除", false, "phrase:widget"},
    {"該評論已刪除", false, "phrase:widget"},
    {"没有更多了", false, "phrase:widget"},
    {"没有更多内容了", false, "phrase:widget"},
    {"沒有更多了", false, "phrase:widget"},
    {"这个人很懒", true, "phrase:widget"},
    {"這個人很懶", true, "phrase:widget"},
    {"请登录后", true, "phrase:comment-form"},
    {"请 登录后", true, "phrase:comment-form"},
    {"请 登录 后", true, "phrase:comment-form"},
    {"请先登录", true, "phrase:comment-form"},
    {"請登入後", true, "phrase:comment-form"},
    {"subscribe", true, "phrase:subscribe"},
    {"sign up for", true, "phrase:subscribe"},
    {"sign up to", true, "phrase:subscribe"},
    {"get our newsletter", true, "phrase:subscribe"},
    {"newsletter", false, "phrase:subscribe"},
    {"please enter your comment", true, "phrase:comment-form"},
    {"please enter your name", true, "phrase:comment-form"},
    {"leave a reply", true, "phrase:comment-form"},
    {"leave a comment", true, "phrase:comment-form"},
    {"post a comment", true, "phrase:comment-form"},
    {"you must be logged in to post", true, "phrase:comment-form"},
    {"your email address will not be published", true, "phrase:comment-form"},
    {"related news", false, "phrase:related", true},
    {"related articles", false, "phrase:related", true},
    {"related posts", false, "phrase:related", true},
    {"related stories", false, "phrase:related", true},
    {"related content", false, "phrase:related", true},
    {"related products", false, "phrase:related", true},
    {"related items", false, "phrase:related", true},
    {"related", false, "phrase:related", true},
    // Forums and Q&A sites: lists of other threads beside or below the one the page is about.
    {"similar threads", false, "phrase:related", true},
    {"similar topics", false, "phrase:related", true},
    {"similar questions", false, "phrase:related", true},
    {"related threads", false, "phrase:related", true},
    {"related topics", false, "phrase:related", true},
    {"related questions", false, "phrase:related", true},
    {"hot network questions", false, "phrase:related", true},
    {"suggested topics", false, "phrase:related", true},
    {"latest news", false, "phrase:related", true},
    {"more stories", false, "phrase:related", true},
    {"read more", false, "phrase:related"},
    {"read next", false, "phrase:related", true},
    {"you may also like", true, "phrase:related", true},
    {"you might also like", true, "phrase:related", true},
    {"you may also be interested in", true, "phrase:related", true},
    {"recommended for you", true, "phrase:related", true},
    {"most popular", false, "phrase:related", true},
    {"most read", false, "phrase:related", true},
    // Shops: lists of other products beside the one the page is about.
    {"people who viewed this item also", true, "phrase:related", true},
    {"customers who viewed this item also", true, "phrase:related", true},
    {"customers who bought this item also", true, "phrase:related", true},
    {"customers also bought", true, "phrase:related", true},
    {"customers also viewed", true, "phrase:related", true},
    {"frequently bought together", true, "phrase:related", true},
    {"similar items", true, "phrase:related", true},
    {"similar products", true, "phrase:related", true},
    {"explore related", true, "phrase:related", true},
    {"recently viewed", true, "phrase:related", true},
    {"more from this seller", true, "phrase:related", true},
    {"seller's other items", false, "phrase:related", true},
    {"sponsored products", true, "phrase:related", true},
    {"more like this", false, "phrase:related", true},
    {"complete the look", false, "phrase:related", true},
    {"shop the look", false, "phrase:related", true},
    // The same headings of a list of other articles in the large web languages ("相关新闻" under
    // a Chinese news article, "เรื่องที่เกี่ยวข้อง" under a Thai one). Only "related" and "similar"
    // wordings: a "Read also" line ("Читайте также", "Leia também") often leads a single link
    // inside the article. Only ASCII is lower-cased here, so a capital outside it is written as
    // pages print it.
    {"相关新闻", false, "phrase:related", true},
    {"相关阅读", false, "phrase:related", true},
    {"相关文章", false, "phrase:related", true},
    {"相关推荐", false, "phrase:related", true},
    {"相关资讯", false, "phrase:related", true},
    {"相关报道", false, "phrase:related", true},
    {"延伸阅读", false, "phrase:related", true},
    {"推荐阅读", false, "phrase:related", true},
    {"猜你喜欢", false, "phrase:related", true},
    {"相關新聞", false, "phrase:related", true},
    {"相關閱讀", false, "phrase:related", true},
    {"相關文章", false, "phrase:related", true},
    {"相關報導", false, "phrase:related", true},
    {"延伸閱讀", false, "phrase:related", true},
    {"推薦閱讀", false, "phrase:related", true},
    {"猜你喜歡", false, "phrase:related", true},
    {"関連記事", false, "phrase:related", true},
    {"関連ニュース", false, "phrase:related", true},
    {"おすすめ記事", false, "phrase:related", true},
    {"관련기사", false, "phrase:related", true},
    {"관련 기사", false, "phrase:related", true},
    {"관련뉴스", false, "phrase:related", true},
    {"관련 뉴스", false, "phrase:related", true},
    {"เรื่องที่เกี่ยวข้อง", false, "phrase:related", true},
    {"ข่าวที่เกี่ยวข้อง", false, "phrase:related", true},
    {"บทความที่เกี่ยวข้อง", false, "phrase:related", true},
    {"tin liên quan", false, "phrase:related", true},
    {"bài viết liên quan", false, "phrase:related", true},
    {"berita terkait", false, "phrase:related", true},
    {"artikel terkait", false, "phrase:related", true},
    {"ähnliche artikel", false, "phrase:related", true},
    {"Ähnliche artikel", false, "phrase:related", true},
    {"verwandte artikel", false, "phrase:related", true},
    {"das könnte sie auch interessieren", false, "phrase:related", true},
    {"articles similaires", false, "phrase:related", true},
    {"articles connexes", false, "phrase:related", true},
    {"sur le même sujet", false, "phrase:related", true},
    {"noticias relacionadas", false, "phrase:related", true},
    {"artículos relacionados", false, "phrase:related", true},
    {"notícias relacionadas", false, "phrase:related", true},
    {"artigos relacionados", false, "phrase:related", true},
    {"matérias relacionadas", false, "phrase:related", true},
    {"articoli correlati", false, "phrase:related", true},
    {"notizie correlate", false, "phrase:related", true},
    {"gerelateerde artikelen", false, "phrase:related", true},
    {"gerelateerd nieuws", false, "phrase:related", true},
    {"powiązane artykuły", false, "phrase:related", true},
    {"podobne artykuły", false, "phrase:related", true},
    {"ilgili haberler", false, "phrase:related", true},
    {"benzer haberler", false, "phrase:related", true},
    {"Похожие статьи", false, "phrase:related", true},
    {"похожие статьи", false, "phrase:related", true},
    {"Похожие новости", false, "phrase:related", true},
    {"похожие новости", false, "phrase:related", true},
    {"Новости по теме", false, "phrase:related", true},
    {"новости по теме", false, "phrase:related", true},
    {"مقالات ذات صلة", false, "phrase:related", true},
    {"أخبار ذات صلة", false, "phrase:related", true},
    // The heading of a news site's box of its most read or most popular stories ("Most read",
    // "Most popular" above), in the large web languages: whole block only, as an article's own
    // section may open with the same words and a noun.
    {"meistgelesen", false, "phrase:related", true},
    {"meistgelesene artikel", false, "phrase:related", true},
    {"les plus lus", false, "phrase:related", true},
    {"les plus populaires", false, "phrase:related", true},
    {"lo más leído", false, "phrase:related", true},
    {"lo más visto", false, "phrase:related", true},
    {"más leídas", false, "phrase:related", true},
    {"más leídos", false, "phrase:related", true},
    {"mais lidas", false, "phrase:related", true},
    {"mais lidos", false, "phrase:related", true},
    {"i più letti", false, "phrase:related", true},
    {"più letti", false, "phrase:related", true},
    {"meest gelezen", false, "phrase:related", true},
    {"najczęściej czytane", false, "phrase:related", true},
    {"en çok okunanlar", false, "phrase:related", true},
    {"en çok okunan haberler", false, "phrase:related", true},
    {"terpopuler", false, "phrase:related", true},
    {"berita terpopuler", false, "phrase:related", true},
    {"Самое читаемое", false, "phrase:related", true},
    {"самое читаемое", false, "phrase:related", true},
    {"Самое популярное", false, "phrase:related", true},
    {"самое популярное", false, "phrase:related", true},
    {"الأكثر قراءة", false, "phrase:related", true},
    // The box of a site's or a poster's newest and recommended pieces beside a Chinese or
    // Japanese article or thread: "latest posts", "hot picks", "recommended", "related threads"
    // and "related questions" (a Q&A site's), the newest articles.
    {"最新发布", false, "phrase:related", true},
    {"最新發布", false, "phrase:related", true},
    {"最新文章", false, "phrase:related", true},
    {"最新帖子", false, "phrase:related", true},
    {"热门推荐", false, "phrase:related", true},
    {"熱門推薦", false, "phrase:related", true},
    {"精彩推荐", false, "phrase:related", true},
    {"精彩推薦", false, "phrase:related", true},
    {"推荐文章", false, "phrase:related", true},
    {"推薦文章", false, "phrase:related", true},
    {"相关帖子", false, "phrase:related", true},
    {"相關帖子", false, "phrase:related", true},
    {"相关问题", false, "phrase:related", true},
    {"相關問題", false, "phrase:related", true},
    {"新着記事", false, "phrase:related", true},
    {"最新記事", false, "phrase:related", true},
    {"热门文章", false, "phrase:related", true},
    {"热门新闻", false, "phrase:related", true},
    {"熱門文章", false, "phrase:related", true},
    {"熱門新聞", false, "phrase:related", true},
    {"人気記事", false, "phrase:related", true},
    {"アクセスランキング", false, "phrase:related", true},
    {"많이 본 뉴스", false, "phrase:related", true},
    {"많이 본 기사", false, "phrase:related", true},
    // The headings of the other boxes of stories beside or under an article, in the large web
    // languages: "you may also like", "people also read", "more news", "latest news",
    // "recommended", "most popular" (English, German, French, Spanish, Italian, Portuguese, Dutch,
    // Polish, Turkish, Russian, Indonesian, Japanese, Chinese simplified and traditional, Korean,
    // Arabic). Whole block only, each a heading's wording that no sentence is: the box's heading
    // drops, and the list that it opens with it (drop_headed_list). Not "Read also" nor "See also"
    // (a line of the article that leads one link, which annotators keep).
    {"you may also be interested", false, "phrase:related", true},
    {"you might also be interested in", false, "phrase:related", true},
    {"people also read", false, "phrase:related", true},
    {"more news", false, "phrase:related", true},
    {"more articles", false, "phrase:related", true},
    {"top stories", false, "phrase:related", true},
    {"recommended articles", false, "phrase:related", true},
    {"recommended stories", false, "phrase:related", true},
    {"recommended reading", false, "phrase:related", true},
    {"trending now", false, "phrase:related", true},
    {"popular stories", false, "phrase:related", true},
    {"popular articles", false, "phrase:related", true},
    {"editor's picks", false, "phrase:related", true},
    {"editors' picks", false, "phrase:related", true},
    {"das könnte dich auch interessieren", false, "phrase:related", true},
    {"das könnte ihnen auch gefallen", false, "phrase:related", true},
    {"das könnte dir auch gefallen", false, "phrase:related", true},
    {"auch interessant", false, "phrase:related", true},
    {"weitere artikel", false, "phrase:related", true},
    {"weitere nachrichten", false, "phrase:related", true},
    {"mehr nachrichten", false, "phrase:related", true},
    {"mehr artikel", false, "phrase:related", true},
    {"neueste artikel", false, "phrase:related", true},
    {"neueste nachrichten", false, "phrase:related", true},
    {"aktuelle nachrichten", false, "phrase:related", true},
    {"empfohlene artikel", false, "phrase:related", true},
    {"unsere empfehlungen", false, "phrase:related", true},
    {"beliebte artikel", false, "phrase:related", true},
    {"vous aimerez aussi", false, "phrase:related", true},
    {"vous aimerez peut-être aussi", false, "phrase:related", true},
    {"vous pourriez aussi aimer", false, "phrase:related", true},
    {"vous pourriez aimer", false, "phrase:related", true},
    {"ça peut vous intéresser", false, "phrase:related", true},
    {"cela peut vous intéresser", false, "phrase:related", true},
    {"dernières actualités", false, "phrase:related", true},
    {"dernières nouvelles", false, "phrase:related", true},
    {"dernières infos", false, "phrase:related", true},
    {"plus d'articles", false, "phrase:related", true},
    {"plus d'actualités", false, "phrase:related", true},
    {"articles recommandés", false, "phrase:related", true},
    {"nos recommandations", false, "phrase:related", true},
    {"articles populaires", false, "phrase:related", true},
    {"sur le même thème", false, "phrase:related", true},
    {"te puede interesar", false, "phrase:related", true},
    {"también te puede interesar", false, "phrase:related", true},
    {"te podría interesar", false, "phrase:related", true},
    {"le puede interesar", false, "phrase:related", true},
    {"también le puede interesar", false, "phrase:related", true},
    {"también te puede gustar", false, "phrase:related", true},
    {"te puede gustar", false, "phrase:related", true},
    {"más noticias", false, "phrase:related", true},
    {"últimas noticias", false, "phrase:related", true},
    {"noticias recomendadas", false, "phrase:related", true},
    {"te recomendamos", false, "phrase:related", true},
    {"lo más popular", false, "phrase:related", true},
    {"más artículos", false, "phrase:related", true},
    {"potrebbe interessarti", false, "phrase:related", true},
    {"potrebbe interessarti anche", false, "phrase:related", true},
    {"ti potrebbe interessare", false, "phrase:related", true},
    {"ti potrebbe interessare anche", false, "phrase:related", true},
    {"potrebbero interessarti", false, "phrase:related", true},
    {"ti potrebbe piacere", false, "phrase:related", true},
    {"ultime notizie", false, "phrase:related", true},
    {"altre notizie", false, "phrase:related", true},
    {"altri articoli", false, "phrase:related", true},
    {"articoli consigliati", false, "phrase:related", true},
    {"consigliati per te", false, "phrase:related", true},
    {"i più popolari", false, "phrase:related", true},
    {"i più visti", false, "phrase:related", true},
    {"você também pode gostar", false, "phrase:related", true},
    {"você pode gostar", false, "phrase:related", true},
    {"você pode gostar também", false, "phrase:related", true},
    {"também pode gostar", false, "phrase:related", true},
    {"pode te interessar", false, "phrase:related", true},
    {"pode lhe interessar", false, "phrase:related", true},
    {"últimas notícias", false, "phrase:related", true},
    {"mais notícias", false, "phrase:related", true},
    {"mais artigos", false, "phrase:related", true},
    {"recomendados para você", false, "phrase:related", true},
    {"recomendado para você", false, "phrase:related", true},
    {"mais populares", false, "phrase:related", true},
    {"mais vistos", false, "phrase:related", true},
    {"mais vistas", false, "phrase:related", true},
    {"dit vind je misschien ook leuk", false, "phrase:related", true},
    {"misschien ook interessant", false, "phrase:related", true},
    {"ook interessant", false, "phrase:related", true},
    {"meer nieuws", false, "phrase:related", true},
    {"laatste nieuws", false, "phrase:related", true},
    {"meer artikelen", false, "phrase:related", true},
    {"aanbevolen artikelen", false, "phrase:related", true},
    {"aanbevolen voor jou", false, "phrase:related", true},
    {"meest bekeken", false, "phrase:related", true},
    {"populaire artikelen", false, "phrase:related", true},
    {"może cię zainteresować", false, "phrase:related", true},
    {"może cię również zainteresować", false, "phrase:related", true},
    {"może cię też zainteresować", false, "phrase:related", true},
    {"mogą cię zainteresować", false, "phrase:related", true},
    {"polecane artykuły", false, "phrase:related", true},
    {"najnowsze artykuły", false, "phrase:related", true},
    {"najnowsze wiadomości", false, "phrase:related", true},
    {"więcej wiadomości", false, "phrase:related", true},
    {"więcej artykułów", false, "phrase:related", true},
    {"najpopularniejsze", false, "phrase:related", true},
    {"najchętniej czytane", false, "phrase:related", true},
    {"ilginizi çekebilir", false, "phrase:related", true},
    {"İlginizi çekebilir", false, "phrase:related", true},
    {"bunlar da ilginizi çekebilir", false, "phrase:related", true},
    {"ilginizi çekebilecek haberler", false, "phrase:related", true},
    {"İlginizi çekebilecek haberler", false, "phrase:related", true},
    {"son haberler", false, "phrase:related", true},
    {"diğer haberler", false, "phrase:related", true},
    {"daha fazla haber", false, "phrase:related", true},
    {"önerilen haberler", false, "phrase:related", true},
    {"çok okunanlar", false, "phrase:related", true},
    {"popüler haberler", false, "phrase:related", true},
    {"Вам может быть интересно", false, "phrase:related", true},
    {"вам может быть интересно", false, "phrase:related", true},
    {"Вам также может понравиться", false, "phrase:related", true},
    {"вам также может понравиться", false, "phrase:related", true},
    {"Рекомендуем", false, "phrase:related", true},
    {"рекомендуем", false, "phrase:related", true},
    {"Последние новости", false, "phrase:related", true},
    {"последние новости", false, "phrase:related", true},
    {"Другие новости", false, "phrase:related", true},
    {"другие новости", false, "phrase:related", true},
    {"Ещё новости", false, "phrase:related", true},
    {"ещё новости", false, "phrase:related", true},
    {"Еще новости", false, "phrase:related", true},
    {"еще новости", false, "phrase:related", true},
    {"Популярное", false, "phrase:related", true},
    {"популярное", false, "phrase:related", true},
    {"berita lainnya", false, "phrase:related", true},
    {"artikel lainnya", false, "phrase:related", true},
    {"berita terbaru", false, "phrase:related", true},
    {"artikel terbaru", false, "phrase:related", true},
    {"rekomendasi untuk anda", false, "phrase:related", true},
    {"rekomendasi berita", false, "phrase:related", true},
    {"anda mungkin suka", false, "phrase:related", true},
    {"anda mungkin juga suka", false, "phrase:related", true},
    {"mungkin anda suka", false, "phrase:related", true},
    {"pilihan redaksi", false, "phrase:related", true},
    {"berita populer", false, "phrase:related", true},
    {"berita terkini", false, "phrase:related", true},
    {"あなたにおすすめ", false, "phrase:related", true},
    {"あなたへのおすすめ", false, "phrase:related", true},
    {"おすすめの記事", false, "phrase:related", true},
    {"こちらもおすすめ", false, "phrase:related", true},
    {"編集部のおすすめ", false, "phrase:related", true},
    {"あわせて読みたい", false, "phrase:related", true},
    {"合わせて読みたい", false, "phrase:related", true},
    {"関連する記事", false, "phrase:related", true},
    {"最新ニュース", false, "phrase:related", true},
    {"その他のニュース", false, "phrase:related", true},
    {"注目記事", false, "phrase:related", true},
    {"注目のニュース", false, "phrase:related", true},
    {"人気ニュース", false, "phrase:related", true},
    {"人気の記事", false, "phrase:related", true},
    {"你可能也喜欢", false, "phrase:related", true},
    {"您可能也喜欢", false, "phrase:related", true},
    {"你可能还喜欢", false, "phrase:related", true},
    {"您可能还喜欢", false, "phrase:related", true},
    {"你可能会喜欢", false, "phrase:related", true},
    {"您可能会喜欢", false, "phrase:related", true},
    {"你可能感兴趣", false, "phrase:related", true},
    {"您可能感兴趣", false, "phrase:related", true},
    {"你可能感兴趣的", false, "phrase:related", true},
    {"您可能感兴趣的", false, "phrase:related", true},
    {"你可能感兴趣的文章", false, "phrase:related", true},
    {"您可能感兴趣的文章", false, "phrase:related", true},
    {"你可能还想看", false, "phrase:related", true},
    {"您可能还想看", false, "phrase:related", true},
    {"大家都在看", false, "phrase:related", true},
    {"大家还在看", false, "phrase:related", true},
    {"其他人也在看", false, "phrase:related", true},
    {"别人也在看", false, "phrase:related", true},
    {"更多新闻", false, "phrase:related", true},
    {"更多资讯", false, "phrase:related", true},
    {"最新新闻", false, "phrase:related", true},
    {"最新资讯", false, "phrase:related", true},
    {"热点新闻", false, "phrase:related", true},
    {"为你推荐", false, "phrase:related", true},
    {"为您推荐", false, "phrase:related", true},
    {"编辑推荐", false, "phrase:related", true},
    {"你可能也喜歡", false, "phrase:related", true},
    {"您可能也喜歡", false, "phrase:related", true},
    {"你可能還喜歡", false, "phrase:related", true},
    {"您可能還喜歡", false, "phrase:related", true},
    {"你可能會喜歡", false, "phrase:related", true},
    {"您可能會喜歡", false, "phrase:related", true},
    {"你可能感興趣", false, "phrase:related", true},
    {"您可能感興趣", false, "phrase:related", true},
    {"你可能還想看", false, "phrase:related", true},
    {"您可能還想看", false, "phrase:related", true},
    {"大家還在看", false, "phrase:related", true},
    {"別人也在看", false, "phrase:related", true},
    {"更多新聞", false, "phrase:related", true},
    {"更多資訊", false, "phrase:related", true},
    {"最新新聞", false, "phrase:related", true},
    {"最新資訊", false, "phrase:related", true},
    {"熱點新聞", false, "phrase:related", true},
    {"為你推薦", false, "phrase:related", true},
    {"為您推薦", false, "phrase:related", true},
    {"編輯推薦", false, "phrase:related", true},
    {"추천 기사", false, "phrase:related", true},
    {"추천기사", false, "phrase:related", true},
    {"추천 뉴스", false, "phrase:related", true},
    {"함께 보면 좋은 기사", false, "phrase:related", true},
    {"최신 뉴스", false, "phrase:related", true},
    {"최신뉴스", false, "phrase:related", true},
    {"최신 기사", false, "phrase:related", true},
    {"최신기사", false, "phrase:related", true},
    {"인기 기사", false, "phrase:related", true},
    {"인기기사", false, "phrase:related", true},
    {"인기 뉴스", false, "phrase:related", true},
    {"다른 기사", false, "phrase:related", true},
    {"더 많은 뉴스", false, "phrase:related", true},
    {"قد يعجبك أيضا", false, "phrase:related", true},
    {"قد يعجبك أيضاً", false, "phrase:related", true},
    {"قد يعجبك", false, "phrase:related", true},
    {"قد يهمك", false, "phrase:related", true},
    {"قد يهمك أيضا", false, "phrase:related", true},
    {"قد يهمك أيضاً", false, "phrase:related", true},
    {"آخر الأخبار", false, "phrase:related", true},
    {"اخر الاخبار", false, "phrase:related", true},
    {"أخبار أخرى", false, "phrase:related", true},
    {"المزيد من الأخبار", false, "phrase:related", true},
    {"الأكثر مشاهدة", false, "phrase:related", true},
    {"مقالات مقترحة", false, "phrase:related", true},
    {"مواضيع ذات صلة", false, "phrase:related", true},
    {"موضوعات ذات صلة", false, "phrase:related", true},
    {"اخترنا لك", false, "phrase:related", true},
    {"we use cookies", true, "phrase:cookie"},
    {"this website uses cookies", true, "phrase:cookie"},
    {"this site uses cookies", true, "phrase:cookie"},
    {"accept cookies", true, "phrase:cookie"},
    {"accept all", false, "phrase:cookie"},
    {"all rights reserved", false, "phrase:legal"},
    {"skip to content", true, "phrase:nav"},
    {"skip to main content", true, "phrase:nav"},
    {"back to top", false, "phrase:nav"},
    // A pager's buttons in Chinese, Japanese and Korean (next page, previous page) and the links
    // to the previous and next article under a Chinese post ("上一篇：<headline>"; with the colon
    // only, as "下一篇我们讲..." opens a sentence that announces the next part).
    {"下一页", false, "phrase:nav"},
    {"上一页", false, "phrase:nav"},
    {"下一頁", false, "phrase:nav"},
    {"上一頁", false, "phrase:nav"},
    {"次ページ", false, "phrase:nav"},
    {"前ページ", false, "phrase:nav"},
    {"次のページ", false, "phrase:nav"},
    {"前のページ", false, "phrase:nav"},
    {"다음 페이지", false, "phrase:nav"},
    {"이전 페이지", false, "phrase:nav"},
    {"上一篇", false, "phrase:nav"},
    {"下一篇", false, "phrase:nav"},
    {"上一篇：", true, "phrase:nav"},
    {"上一篇:", true, "phrase:nav"},
    {"下一篇：", true, "phrase:nav"},
    {"下一篇:", true, "phrase:nav"},
    {"次の記事", false, "phrase:nav"},
    {"前の記事", false, "phrase:nav"},
    // The line of figures over or under an Iranian news article, opened by its "news code" or
    // "content code" (کد خبر, کد مطلب: the agency's number for the story), then its date, views and
    // comments: the article's catalogue entry, not its text.
    {"کد خبر", true, "phrase:counter"},
    {"کد مطلب", true, "phrase:counter"},
    {"loading...", false, "phrase:widget"},
    // The same controls in Chinese: expand and collapse, read the full text, see or load more,
    // "loading" (simplified and traditional).
    {"展开", false, "phrase:widget"},
    {"收起", false, "phrase:widget"},
    {"展开全文", false, "phrase:widget"},
    {"收起全文", false, "phrase:widget"},
    {"阅读全文", false, "phrase:widget"},
    {"查看全文", false, "phrase:widget"},
    {"查看更多", false, "phrase:widget"},
    // "View all" under a thread's or a question's first answers, alone or with their count
    // ("查看全部 22 个回答", view_all_line): the control that loads the rest.
    {"查看全部", false, "phrase:widget"},
    {"查看所有", false, "phrase:widget"},
    {"查看全部评论", false, "phrase:widget"},
    {"查看全部回复", false, "phrase:widget"},
    {"查看全部回答", false, "phrase:widget"},
    {"显示全部", false, "phrase:widget"},
    {"顯示全部", false, "phrase:widget"},
    {"展开全部", false, "phrase:widget"},
    {"展開全部", false, "phrase:widget"},
    {"すべて見る", false, "phrase:widget"},
    {"すべて表示", false, "phrase:widget"},
    {"전체보기", false, "phrase:widget"},
    {"加载更多", true, "phrase:widget"},
    {"点击加载更多", true, "phrase:widget"},
    {"加载中", false, "phrase:widget"},
    {"加载中...", false, "phrase:widget"},
    {"展開", false, "phrase:widget"},
    // The buttons under a Japanese or Korean post or article, each a block of its own: comment,
    // reply, like, share, see more, read on, loading, report, save, subscribe.
    {"コメント", false, "phrase:widget"},
    {"コメントする", false, "phrase:widget"},
    {"返信", false, "phrase:widget"},
    {"返信する", false, "phrase:widget"},
    {"いいね", false, "phrase:widget"},
    {"シェア", false, "phrase:share"},
    {"シェアする", false, "phrase:share"},
    {"ツイート", false, "phrase:share"},
    {"もっと見る", false, "phrase:widget"},
    {"続きを読む", false, "phrase:widget"},
    {"読み込み中", false, "phrase:widget"},
    {"読み込み中...", false, "phrase:widget"},
    {"通報する", false, "phrase:widget"},
    {"댓글", false, "phrase:widget"},
    {"댓글 쓰기", false, "phrase:widget"},
    {"답글", false, "phrase:widget"},
    {"답글 쓰기", false, "phrase:widget"},
    {"좋아요", false, "phrase:widget"},
    {"공유", false, "phrase:share"},
    {"공유하기", false, "phrase:share"},
    {"더보기", false, "phrase:widget"},
    {"신고", false, "phrase:widget"},
    {"신고하기", false, "phrase:widget"},
    {"스크랩", false, "phrase:widget"},
    {"구독", false, "phrase:subscribe"},
    {"구독하기", false, "phrase:subscribe"},
    {"閱讀全文", false, "phrase:widget"},
    {"查看更多內容", false, "phrase:widget"},
    {"載入更多", true, "phrase:widget"},
    {"載入中", false, "phrase:widget"},
    // What a script-drawn page says to a reader without scripts: no content of its own.
    {"please enable javascript", true, "phrase:script-notice"},
    {"you need to enable javascript", true, "phrase:script-notice"},
    {"you must enable javascript", true, "phrase:script-notice"},
    {"enable javascript to", true, "phrase:script-notice"},
    {"javascript is required", true, "phrase:script-notice"},
    {"javascript is disabled", true, "phrase:script-notice"},
    {"you need javascript", true, "phrase:script-notice"},
    {"please ensure javascript is enabled", true, "phrase:script-notice"},
    {"this site requires javascript", true, "phrase:script-notice"},
    {"this website requires javascript", true, "phrase:script-notice"},
    // What a frameset page's <noframes> says beside its text (extractor.cpp noframes_page).
    {"your browser does not support frames", true, "phrase:script-notice"},
    {"your browser doesn't support frames", true, "phrase:script-notice"},
    {"this page uses frames", true, "phrase:script-notice"},
    {"this site uses frames", true, "phrase:script-notice"},
    // Forum and Q&A controls drawn as text between the posts: XenForo's quote expander, Stack
    // Exchange's edit link, the prompts to ask or to log in.
    {"click to expand", false, "phrase:widget"},
    // Discuz's notice of a moderator's action on the thread, "本主题由 <moderator> 于 <date>
    // 审核通过" (approved; or highlighted, pinned, closed): about the thread, not in it.
    {"本主题由", true, "phrase:widget"},
    // Its "last edited by <poster> at <date>" line over a post, wherever the markup puts it.
    {"本帖最后由", true, "phrase:widget"},
    {"improve this answer", false, "phrase:widget"},
    {"improve this question", false, "phrase:widget"},
    {"ask question", false, "phrase:call-to-action"},
    {"start asking to get answers", false, "phrase:call-to-action"},
    {"find the answer to your question by asking", false, "phrase:call-to-action"},
    {"you must log in to answer", true, "phrase:comment-form"},
    {"you must log in or register to reply", true, "phrase:comment-form"},
    // The prompt in place of the reply box for a reader who is not logged in.
    {"please log in or", true, "phrase:comment-form"},
    {"please login or", true, "phrase:comment-form"},
    {"please sign in or", true, "phrase:comment-form"},
    {"please create an account or log in", true, "phrase:comment-form"},
    // The buttons under a post (quote it, shrink a quote, print the thread) and the spoken
    // labels of Stack Exchange's vote, bookmark, activity and follow buttons.
    {"reply with quote", false, "phrase:widget"},
    {"reply quote", false, "phrase:widget"},
    {"click to shrink", false, "phrase:widget"},
    {"print view", false, "phrase:widget"},
    {"this question shows research effort; it is useful and clear", false, "phrase:widget"},
    {"this answer is useful", false, "phrase:widget"},
    {"save this question", false, "phrase:widget"},
    {"save this answer", false, "phrase:widget"},
    {"show activity on this post", false, "phrase:widget"},
    {"follow this question to receive notifications", false, "phrase:widget"},
    {"follow this answer to receive notifications", false, "phrase:widget"},
    {"click here to", true, "phrase:call-to-action"},
    // The heading of the author's box under an article ("Written by" over the name and bio), in
    // the large web languages (only ASCII is lower-cased here: a capital outside it is written
    // as pages print it).
    {"about the author", false, kAuthorBoxHeadingRule},
    {"about the authors", false, kAuthorBoxHeadingRule},
    {"about the writer", false, kAuthorBoxHeadingRule},
    {"meet the author", false, kAuthorBoxHeadingRule},
    {"author bio", false, kAuthorBoxHeadingRule},
    {"written by", false, kAuthorBoxHeadingRule},
    {"über den autor", false, kAuthorBoxHeadingRule},
    {"Über den autor", false, kAuthorBoxHeadingRule},
    {"über die autorin", false, kAuthorBoxHeadingRule},
    {"Über die autorin", false, kAuthorBoxHeadingRule},
    {"sobre el autor", false, kAuthorBoxHeadingRule},
    {"sobre la autora", false, kAuthorBoxHeadingRule},
    {"sobre o autor", false, kAuthorBoxHeadingRule},
    {"à propos de l'auteur", false, kAuthorBoxHeadingRule},
    {"à propos de l’auteur", false, kAuthorBoxHeadingRule},
    {"À propos de l'auteur", false, kAuthorBoxHeadingRule},
    {"À propos de l’auteur", false, kAuthorBoxHeadingRule},
    {"over de auteur", false, kAuthorBoxHeadingRule},
    {"sull'autore", false, kAuthorBoxHeadingRule},
    {"o autorze", false, kAuthorBoxHeadingRule},
    {"Об авторе", false, kAuthorBoxHeadingRule},
    {"об авторе", false, kAuthorBoxHeadingRule},
    {"download the app", true, "phrase:call-to-action"},
};

// The phrases by their first byte, in table order: both kinds of match need it, and a short
// block of every page is looked up here (the table is some 300 rows, a third of them Chinese,
// Japanese and Korean words that share a few lead bytes).
const std::array<std::vector<uint16_t>, 256>& phrases_by_first_byte() {
  static const std::array<std::vector<uint16_t>, 256> index = [] {
    std::array<std::vector<uint16_t>, 256> by_byte;
    for (size_t i = 0; i < std::size(kPhrases); ++i)
      by_byte[static_cast<unsigned char>(kPhrases[i].text.front())].push_back(static_cast<uint16_t>(i));
    return by_byte;
  }();
  return index;
}

// phrases_by_first_byte files each phrase under its first byte.
constexpr bool all_phrases_have_text() {
  for (const Phrase& p : kPhrases)
    if (p.text.empty()) return false;
  return true;
}
static_assert(all_phrases_have_text(), "an empty phrase would match nothing and has no first byte");

// A poster's statistics under the name beside a forum post, one "Label: value" line each:
// counts ("Posts: 1,077", "Beiträge: 52") and the date the poster joined ("Join Date: Mar
// 2016"). The line is a fact about the poster, not the post. Only the whole short line with a
// number after the label matches, so "Posts: see below" or a sentence starting so stays.
struct PosterStatLabel {
  std::string_view label;  // lower case, without the colon
  bool date;               // the value is a date ("Mar 2016"): any short value holding a digit
};

constexpr PosterStatLabel kPosterStatLabels[] = {
    // counts
    {"posts", false}, {"messages", false}, {"threads", false}, {"topics", false},
    {"reputation", false}, {"reaction score", false}, {"beiträge", false}, {"mensajes", false},
    {"messaggi", false}, {"berichten", false}, {"帖子", false}, {"积分", false}, {"投稿", false},
    // the thread's counts above its first post, "查看: 3481|回复: 3" on a Discuz board
    {"views", false}, {"replies", false}, {"查看", false}, {"回复", false}, {"浏览", false},
    {"回覆", false}, {"瀏覽", false},
    // the date the poster joined
    {"joined", true}, {"join date", true}, {"registered", true}, {"member since", true},
    {"registriert", true}, {"registrado", true}, {"inscrit le", true}, {"inscription", true},
    {"注册时间", true},
};

// "Join Date: 12 September 2016" fits; a longer value is a sentence, not a figure.
constexpr size_t kMaxPosterStatValue = 24;

bool poster_stat(std::string_view low) {
  if (!low.empty() && low.front() == ' ') low.remove_prefix(1);
  if (!low.empty() && low.back() == ' ') low.remove_suffix(1);
  // The colon, or the full-width one of Chinese and Japanese ("查看：3481").
  size_t colon = low.find(':'), colon_size = 1;
  if (colon == std::string_view::npos) colon = low.find("\xEF\xBC\x9A"), colon_size = 3;
  if (colon == std::string_view::npos || colon == 0) return false;
  std::string_view label = low.substr(0, colon);
  if (label.back() == ' ') label.remove_suffix(1);
  std::string_view value = low.substr(colon + colon_size);
  if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  if (value.empty() || value.size() > kMaxPosterStatValue) return false;
  for (const PosterStatLabel& l : kPosterStatLabels) {
    if (label != l.label) continue;
    if (l.date) return value.find_first_of("0123456789") != std::string_view::npos;
    // a count: digits with thousands separators
    for (char c : value)
      if (!((c >= '0' && c <= '9') || c == ',' || c == '.' || c == ' ' || c == '\'')) return false;
    return value.front() >= '0' && value.front() <= '9';
  }
  return false;
}

// What a post or an article counts, printed beside its number as a line of its own: "8条评论"
// (8 comments), "12 replies", "浏览 (640)"; a poster's "318 posts" under the name, a question's
// "4 answers" over them. Lower case; simplified and traditional Chinese.
constexpr std::string_view kCounterNouns[] = {
    "comments", "replies", "views", "likes", "posts", "answers", "条评论", "个评论", "条回复", "个回复", "次浏览", "次阅读",
    "浏览", "阅读", "评论", "回复", "條評論", "則留言", "條回覆", "次瀏覽", "瀏覽", "閱讀", "評論", "回覆",
};

bool is_counter_noun(std::string_view s) {
  for (std::string_view w : kCounterNouns)
    if (s == w) return true;
  return false;
}

// A count and what it counts, the number first ("8条评论", "1,024 views") or in brackets after
// the noun ("浏览 (640)"): the figures under a post, not its words.
bool counter_line(std::string_view low) {
  size_t digits = 0;
  while (digits < low.size() && (is_ascii_digit(low[digits]) || (digits > 0 && (low[digits] == ',' || low[digits] == '.'))))
    ++digits;
  if (digits > 0 && is_ascii_digit(low.front())) {
    std::string_view rest = low.substr(digits);
    if (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    return is_counter_noun(rest);
  }
  const size_t open = low.find('(');
  if (open == std::string_view::npos || open == 0 || low.back() != ')') return false;
  std::string_view noun = low.substr(0, open);
  if (noun.back() == ' ') noun.remove_suffix(1);
  const std::string_view count = low.substr(open + 1, low.size() - open - 2);
  if (count.empty()) return false;
  for (char c : count)
    if (!is_ascii_digit(c) && c != ',') return false;
  return is_counter_noun(noun);
}

// What a Chinese user panel or post footer counts, written before its number without a colon
// ("粉丝 0", "获赞 12", "评论13", "主题 148 回复 8"): a poster's followers, likes received,
// experience, Discuz's prestige, money and contribution points, topics, posts, points, digests,
// followed; and the nouns of kCounterNouns. Simplified and traditional.
constexpr std::string_view kCjkStatLabels[] = {
    "粉丝", "粉絲", "获赞", "獲讚", "经验", "經驗", "威望", "金钱", "金錢", "贡献", "貢獻", "主题", "主題",
    "帖子", "积分", "積分", "精华", "精華", "关注", "關注", "点赞", "點讚",
};
// The multipliers a count may close with: ten thousand ("1.2万"), thousand.
constexpr std::string_view kCountSuffixes[] = {"万", "萬", "w", "k"};

// The label of kCjkStatLabels or kCounterNouns that opens low, or 0.
size_t cjk_count_label(std::string_view low) {
  for (std::string_view l : kCjkStatLabels)
    if (low.starts_with(l)) return l.size();
  for (std::string_view w : kCounterNouns)
    if (static_cast<unsigned char>(w.front()) >= 0x80 && low.starts_with(w)) return w.size();
  return 0;
}

// A share bar or a follow row without its class: a block that is nothing but the names of social
// networks and the share buttons beside them ("Facebook Twitter Email Pinterest LinkedIn
// WhatsApp"), the same in every language. At least kShareBarMinNames names, kShareBarMinBrands of
// them a network's own name (not a word such as "Email", "Print" or "Line"), every word one of them,
// no comma between them ("YouTube, TikTok, X" in a table of platforms is the text's).
constexpr std::string_view kShareBarBrands[] = {
    "facebook", "twitter", "pinterest", "linkedin", "whatsapp", "telegram", "reddit", "vkontakte", "vk",
    "odnoklassniki", "tumblr", "flipboard", "weibo", "wechat", "xing", "viber", "skype", "digg", "stumbleupon",
    "bluesky", "mastodon", "instagram", "youtube", "tiktok", "messenger", "snapchat", "google+", "qzone", "kakaotalk"};
constexpr std::string_view kShareBarWords[] = {"email", "e-mail", "mail", "print", "sms", "x", "line", "pocket", "threads",
                                               "copy", "link", "rss"};
constexpr size_t kShareBarMinNames = 3;
constexpr size_t kShareBarMinBrands = 2;

bool share_bar_line(std::string_view low) {
  size_t names = 0, brands = 0;
  for (size_t i = 0; i < low.size();) {
    size_t j = low.find(' ', i);
    if (j == std::string_view::npos) j = low.size();
    std::string_view w = low.substr(i, j - i);
    i = j + 1;
    if (w.find(',') != std::string_view::npos) return false;  // a list in a sentence or a table cell
    while (!w.empty() && w.back() == '|') w.remove_suffix(1);
    if (w.empty() || w == "|" || w == "/" || w == "\xC2\xB7") continue;
    const bool brand = std::ranges::find(kShareBarBrands, w) != std::end(kShareBarBrands);
    if (!brand && std::ranges::find(kShareBarWords, w) == std::end(kShareBarWords)) return false;
    ++names;
    brands += brand;
  }
  return names >= kShareBarMinNames && brands >= kShareBarMinBrands;
}

// The "view all" control with the count of what it shows ("查看全部 22 个回答", "查看全部12条评论"):
// the words, a number, a measure word and a noun of kCounterNouns ("个回答", "条评论") or
// "answers" ("回答"), nothing else: "查看全部文件的方法是..." is a sentence of a tutorial.
constexpr std::string_view kViewAllWords[] = {"查看全部", "查看所有", "顯示全部", "显示全部"};
constexpr std::string_view kCountMeasureWords[] = {"个", "條", "条", "個", "则", "則"};

bool view_all_line(std::string_view low) {
  size_t words = 0;
  for (std::string_view w : kViewAllWords)
    if (low.starts_with(w)) words = w.size();
  if (words == 0) return false;
  low.remove_prefix(words);
  if (!low.empty() && low.front() == ' ') low.remove_prefix(1);
  size_t digits = 0;
  while (digits < low.size() && (is_ascii_digit(low[digits]) || (digits > 0 && low[digits] == ',')))
    ++digits;
  if (digits == 0) return false;
  low.remove_prefix(digits);
  if (!low.empty() && low.front() == ' ') low.remove_prefix(1);
  for (std::string_view m : kCountMeasureWords)
    if (low.starts_with(m)) {
      low.remove_prefix(m.size());
      break;
    }
  return is_counter_noun(low) || low == "回答" || low == "答案";
}

// A line of such labels each with its count, in a row split by spaces or '|' ("主题148回复8",
// "粉丝 0 | 获赞 12"); a colon after the label may stand, full-width or not. Only a whole line
// of them: "关注我们的公众号" or "评论区见" has no count.
bool cjk_count_line(std::string_view low) {
  if (low.empty() || static_cast<unsigned char>(low.front()) < 0x80) return false;
  bool any = false;
  while (!low.empty()) {
    const size_t label = cjk_count_label(low);
    if (label == 0) return false;
    low.remove_prefix(label);
    if (low.starts_with("\xEF\xBC\x9A")) low.remove_prefix(3);
    else if (!low.empty() && low.front() == ':') low.remove_prefix(1);
    if (!low.empty() && low.front() == ' ') low.remove_prefix(1);
    size_t digits = 0;
    while (digits < low.size() && (is_ascii_digit(low[digits]) || (digits > 0 && (low[digits] == ',' || low[digits] == '.'))))
      ++digits;
    if (digits == 0) return false;
    low.remove_prefix(digits);
    for (std::string_view suffix : kCountSuffixes)
      if (low.starts_with(suffix)) {
        low.remove_prefix(suffix.size());
        break;
      }
    while (!low.empty() && (low.front() == ' ' || low.front() == '|')) low.remove_prefix(1);
    any = true;
  }
  return any;
}

}  // namespace

bool is_bare_count(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text.front() == '#') text.remove_prefix(1);
  if (text.empty() || text.size() > kMaxBareCountChars || !is_ascii_digit(text.front())) return false;
  if (text.back() == 'k' || text.back() == 'K' || text.back() == 'm' || text.back() == 'M') text.remove_suffix(1);
  for (char c : text)
    if (!is_ascii_digit(c) && c != ',' && c != '.') return false;
  return is_ascii_digit(text.back());
}

namespace {

// How a blog engine of the 2000s opens the line under each post (Blogger, Movable Type, early
// WordPress: "posted by Ann at 10:12 PM | 3 comments | Links to this post", "Posted in Garden |
// Comments (2)", "Filed under News |"), in the languages those engines were translated into.
// Lower case with their space.
constexpr std::string_view kPostFooterOpenings[] = {
    "posted by ",     "posted at ",       "posted in ",     "filed under",    "eingestellt von ",
    "publié par ",    "publicado por ",   "pubblicato da ", "geplaatst door ", "postado por ",
};

// A clock time ("10:12", "7:41"): one or two digits, a colon, two digits.
bool holds_clock_time(std::string_view s) {
  for (size_t i = 1; i + 2 < s.size(); ++i) {
    if (s[i] != ':' || !is_ascii_digit(s[i - 1]) || !is_ascii_digit(s[i + 1]) || !is_ascii_digit(s[i + 2])) continue;
    if (i + 3 < s.size() && is_ascii_digit(s[i + 3])) continue;
    return true;
  }
  return false;
}

// The line under a post that says who posted it and when, with the links to its comments: an
// opening of kPostFooterOpenings, then the time of posting or the '|' that splits it from those
// links. "Posted in" alone with a list of topics and no time stays: a press release's category.
bool post_footer_line(std::string_view low) {
  for (std::string_view opening : kPostFooterOpenings)
    if (low.starts_with(opening))
      return low.find('|') != std::string_view::npos || holds_clock_time(low.substr(opening.size()));
  return false;
}

// The line over each post of an old forum engine's thread that says when it was posted, with
// the post's subject after it: "Posted: Mon Jun 05, 2006 10:12 am  Post subject: Re: ..." (phpBB
// 2, and the boards that copied its template). The label and a clock time tell it; the subject
// may be anything.
bool post_header_line(std::string_view low) {
  constexpr std::string_view kPostedLabel = "posted: ";
  return low.starts_with(kPostedLabel) && holds_clock_time(low.substr(kPostedLabel.size()));
}

// A line of such figures, or of several in a row split by '|' ("Views: 3481 | Replies: 3").
bool poster_stat_line(std::string_view low) {
  for (size_t bar; (bar = low.find('|')) != std::string_view::npos; low.remove_prefix(bar + 1))
    if (!poster_stat(low.substr(0, bar))) return false;
  return poster_stat(low);
}

}  // namespace

std::string_view boilerplate_phrase_rule(std::string_view text, bool* heads_list) {
  if (heads_list) *heads_list = false;
  // Lower case with runs of white space as one space, in a buffer on the stack: this runs on
  // every short block of a page.
  constexpr size_t kMax = 120;
  char buf[kMax];
  size_t n = 0;
  bool space = true;  // drops leading white space
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    const bool ascii = static_cast<unsigned char>(text[i]) < 0x80;
    const bool is_space = ascii ? is_ascii_space(text[i++]) : is_unicode_space(utf8_decode(text, i));
    if (is_space) {
      space = true;
      continue;
    }
    if (n + (i - start) + 1 > kMax) return {};
    if (space && n > 0) buf[n++] = ' ';
    space = false;
    for (size_t k = start; k < i; ++k) buf[n++] = ascii ? ascii_lower(text[k]) : text[k];
  }
  // Trailing punctuation goes, the full-width colon of Chinese and Japanese headings too
  // ("相关新闻：").
  constexpr std::string_view kFullWidthColon = "\xEF\xBC\x9A";
  for (;;) {
    if (n > 0 && (buf[n - 1] == ':' || buf[n - 1] == '!' || buf[n - 1] == '.' || buf[n - 1] == ' ')) {
      --n;
    } else if (std::string_view(buf, n).ends_with(kFullWidthColon)) {
      n -= kFullWidthColon.size();
    } else {
      break;
    }
  }
  if (n == 0) return {};
  const std::string_view low(buf, n);
  for (const uint16_t i : phrases_by_first_byte()[static_cast<unsigned char>(low.front())]) {
    const Phrase& p = kPhrases[i];
    if (p.prefix ? low.starts_with(p.text) : low == p.text) {
      // A prefix phrase only condemns a short block: "Subscribe ..." as a sentence in an
      // article is text.
      if (p.prefix && low.size() > 80) continue;
      if (heads_list) *heads_list = p.heads_list;
      return p.rule;
    }
  }
  if (poster_stat_line(low)) return "phrase:poster-stat";
  if (counter_line(low) || cjk_count_line(low)) return "phrase:counter";
  if (view_all_line(low)) return "phrase:widget";
  if (share_bar_line(low)) return "phrase:share";
  if (post_footer_line(low)) return "phrase:post-footer";
  if (post_header_line(low)) return "phrase:post-header";
  return {};
}

namespace {

// The words before a site's name in the heading of its other stories ("More Harbour Gazette", "More
// from The Verge", "Mehr von SPIEGEL"), lower case with their space. Longer first: "more from "
// is tried before "more ".
constexpr std::string_view kMoreFromSiteWords[] = {
    "more from ", "more ", "mehr von ", "mehr ", "plus de ", "más de ", "mais de ", "altro da ", "meer van ",
    "więcej z ",
};

}  // namespace

bool names_site_after_more(std::string_view text, std::span<const std::string> site_names) {
  if (site_names.empty()) return false;
  // Runs on every short block without links: compared in place (iequals), without a lower-cased
  // copy.
  const std::string_view block = trim(text);
  for (std::string_view words : kMoreFromSiteWords) {
    if (block.size() <= words.size() || !iequals(block.substr(0, words.size()), words)) continue;
    const std::string_view rest = trim(block.substr(words.size()));
    for (const std::string& name : site_names)
      if (iequals(rest, name)) return true;
    return false;
  }
  return false;
}

namespace {

// The words of a notice to readers without scripts: "JavaScript" as most languages write it
// (in Latin letters, which ascii_lowercase folds), in the scripts that transcribe it, and
// "browser" in the languages of the benchmark sets and the large web languages. A <noscript>
// naming them is a notice ("我们检测到浏览器禁用了 JavaScript", "JavaScript を有効にしてください").
constexpr std::string_view kScriptNoticeWords[] = {
    "javascript", "java script", "자바스크립트", "ジャバスクリプト", "جافا سكريبت", "джаваскрипт",
    "browser", "浏览器", "瀏覽器", "ブラウザ", "브라우저", "navigateur", "navegador", "браузер",
    "tarayıcı", "przeglądar", "متصفح", "เบราว์เซอร์", "trình duyệt",
};

}  // namespace

bool names_script_or_browser(std::string_view text) {
  const std::string low = ascii_lowercase(text);
  for (std::string_view w : kScriptNoticeWords)
    if (low.find(w) != std::string::npos) return true;
  return false;
}

namespace {

// "All rights reserved" in the large web languages (ASCII lower-cased, other letters as pages
// print them): a reservation of rights is a legal notice whatever else the line says.
constexpr std::string_view kRightsReserved[] = {
    "all rights reserved", "alle rechte vorbehalten", "tous droits réservés", "todos los derechos reservados",
    "tutti i diritti riservati", "todos os direitos reservados", "alle rechten voorbehouden",
    "wszelkie prawa zastrzeżone", "все права защищены", "版权所有", "版權所有", "著作権", "무단 전재",
};

// The marks of a copyright claim; beside a year they make a notice ("© 2004 J. Smith").
constexpr std::string_view kCopyrightMarks[] = {"\xC2\xA9", "copyright", "(c)"};


// A year of the web's pages: 19xx or 20xx, not inside a longer number.
bool holds_year(std::string_view s) {
  for (size_t i = 0; i + 4 <= s.size(); ++i) {
    const bool century = (s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0');
    if (!century || !is_ascii_digit(s[i + 2]) || !is_ascii_digit(s[i + 3])) continue;
    if ((i > 0 && is_ascii_digit(s[i - 1])) || (i + 4 < s.size() && is_ascii_digit(s[i + 4]))) continue;
    return true;
  }
  return false;
}

}  // namespace

// A notice on reprinting, the Chinese and Japanese sites' counterpart of a reservation of rights:
// the word for reprinting ("转载", "轉載", "転載") with a word that forbids it or sets its
// terms ("请勿转载", "未经授权不得转载", "转载请注明出处", "無断転載禁止").
constexpr std::string_view kReprintWords[] = {"转载", "轉載", "転載"};
constexpr std::string_view kReprintTerms[] = {"请勿", "禁止", "不得", "谢绝", "注明", "授权", "請勿", "謝絕",
                                              "註明", "授權", "無断", "禁じ"};

bool is_reprint_notice(std::string_view text) { return contains_any(text, kReprintWords) && contains_any(text, kReprintTerms); }

bool is_copyright_notice(std::string_view text) {
  if (is_reprint_notice(text)) return true;
  const std::string low = ascii_lowercase(text);
  for (std::string_view w : kRightsReserved)
    if (low.find(w) != std::string::npos) return true;
  for (std::string_view m : kCopyrightMarks)
    if (low.find(m) != std::string::npos) return holds_year(low);
  return false;
}

namespace {

// What an e-mail address or a URL has and words do not.
constexpr std::string_view kAddressMarks[] = {"@", "://", "www."};

}  // namespace

bool writes_out_address(std::string_view text) { return contains_any(text, kAddressMarks); }

namespace {

// The formula of a Chinese platform's notice under a post its users publish (the platform "only
// provides information storage [space] services", 仅提供信息存储(空间)服务, the wording of
// China's rules on information networks, printed by every self-media platform), in simplified and
// traditional characters. A note about the platform, never the author's text.
constexpr std::string_view kPlatformNoticeFormulas[] = {"仅提供信息存储", "僅提供信息存儲", "僅提供資訊儲存"};

}  // namespace

bool is_platform_notice(std::string_view text) { return contains_any(text, kPlatformNoticeFormulas); }

namespace {

// The label that opens the line under a poster's name saying when the post was written, in
// Chinese and Japanese: Discuz's "发表于", the "发布于" and "编辑于" (edited at) of question
// sites, the poster's IP region that Chinese platforms print before the date since 2022
// ("IP属地", matched ignoring the case of "IP"), "投稿日". Not the English "Posted March 5, 2024": the English forum threads of
// wcxb-dev keep each post's date as its text, the Chinese ones of magic-html never do.
constexpr std::string_view kPostDatelineLabels[] = {
    "发表于", "發表於", "发布于", "發佈於", "發布於", "编辑于", "編輯於", "ip属地", "ip 属地", "ip屬地", "投稿日",
    // the tail of a post sent from an app: "来自Android客户端 2楼 2022-11-26 15:19"
    "来自", "來自",
    // The same line under a news or CMS article's headline: "发布时间：2024-05-10 10:00 来源：...",
    // published and updated in Chinese and Japanese; Korean news sites' 입력 (filed), 수정
    // (updated), and a post's 작성일, 등록일 (written, posted).
    "发布时间", "發佈時間", "發布時間", "发布日期", "發布日期", "更新时间", "更新時間", "公開日", "更新日",
    "입력", "수정", "작성일", "등록일",
};
// The date follows the label within this many bytes ("IP属地:四川 来自客户端 2022-11-27": the
// region between them), so a sentence that opens with the label and names a date later is no
// dateline.
constexpr size_t kPostDatelineDateWithin = 48;
// The time units of a relative date, "6 天前", "3 時間前" (a number before, a space or none
// between).
constexpr std::string_view kRelativeTimeUnits[] = {
    "秒前", "分钟前", "分鐘前", "分前", "小时前", "小時前", "時間前", "天前", "日前", "周前", "週前", "週間前",
    "个月前", "個月前", "か月前", "ヶ月前", "月前", "年前",
};

// A relative date in the first `within` bytes of text: a number, an optional space, a unit.
bool holds_relative_time(std::string_view text, size_t within) {
  for (size_t i = 0; i < text.size() && i < within; ++i) {
    if (!is_ascii_digit(text[i])) continue;
    size_t j = i;
    while (j < text.size() && is_ascii_digit(text[j])) ++j;
    // a space or a no-break space ("6&nbsp;天前") between the number and the unit
    if (j < text.size() && text[j] == ' ') ++j;
    else if (text.substr(j).starts_with("\xC2\xA0")) j += 2;
    for (std::string_view unit : kRelativeTimeUnits)
      if (text.substr(j).starts_with(unit)) return true;
    i = j;
  }
  return false;
}

// The verb after the date when a line puts it first ("2023-09-08 10:00 发布", "2023.09.08
// 发表于<board>"): posted, published, submitted.
constexpr std::string_view kPostedAfterDate[] = {"发布", "发表", "發佈", "發布", "發表", "投稿"};
// What may follow the verb: "于 <board or region>".
constexpr size_t kPostedAfterDateMaxRest = 36;

// The full-width comma and the sentence ends of Chinese and Japanese: a dateline has none
// ("发表于 2024-4-5 23:20 | 来自 - 四川"), a sentence that opens with its words does
// ("发布于2023年9月的规划中写明了三项任务。").
constexpr std::string_view kClausePunctuation[] = {"，", "。", "！", "？", "；"};

bool holds_clause_punctuation(std::string_view text) { return contains_any(text, kClausePunctuation); }

// A line that opens with a date, its time, and a verb of kPostedAfterDate.
bool is_dateline_dated_first(std::string_view text) {
  if (text.size() > kPostDatelineMaxChars) return false;
  if (!contains_any(text, kPostedAfterDate) || holds_clause_punctuation(text)) return false;
  std::vector<DateHit> dates;
  find_dates(text, DayOrder::kMonthFirst, dates, 1);
  if (dates.empty() || dates[0].begin != 0) return false;
  std::string_view rest = text.substr(dates[0].end);
  // the time of day
  while (!rest.empty() && (is_ascii_digit(rest.front()) || rest.front() == ':' || rest.front() == ' '))
    rest.remove_prefix(1);
  for (std::string_view verb : kPostedAfterDate)
    if (rest.starts_with(verb)) return rest.size() - verb.size() <= kPostedAfterDateMaxRest;
  return false;
}

}  // namespace

bool is_post_dateline(std::string_view text) {
  // Every label opens with "ip" or a character whose UTF-8 lead byte is E5..E7 (Han) or EB..EC
  // (Hangul), and a line with the label after the date opens with a digit: this runs on every
  // short block, and most open otherwise.
  size_t first = 0;
  while (first < text.size() && is_ascii_space(text[first])) ++first;
  if (first == text.size()) return false;
  const unsigned char lead = static_cast<unsigned char>(text[first]);
  if (is_ascii_digit(static_cast<char>(lead))) return is_dateline_dated_first(trim(text));
  if (lead != 'i' && lead != 'I' && (lead < 0xE5 || lead > 0xE7) && lead != 0xEB && lead != 0xEC) return false;
  text = trim(text);
  if (text.empty() || text.size() > kPostDatelineMaxChars) return false;
  for (std::string_view label : kPostDatelineLabels) {
    if (!istarts_with(text, label)) continue;
    if (holds_clause_punctuation(text)) return false;
    const std::string_view rest = text.substr(label.size());
    if (holds_relative_time(rest, kPostDatelineDateWithin)) return true;
    if (rest.find_first_of(kDigitFirstBytes) == std::string_view::npos) return false;
    std::vector<DateHit> dates;
    find_dates(rest, DayOrder::kMonthFirst, dates, 1);
    return !dates.empty() && dates[0].begin <= kPostDatelineDateWithin;
  }
  return false;
}

namespace {

// What counts_comments accepts after the number, lower case. "thoughts" is WordPress's default
// ("12 thoughts on “Title”").
constexpr std::string_view kCommentCountNouns[] = {"comments",  "comment", "responses", "response",
                                                   "replies",   "reply",   "thoughts",  "thought"};

// The quotation marks around the post's title in "34 responses to “Title”": ASCII and the
// curly, low and angle quotes, as UTF-8.
constexpr std::string_view kTitleQuotes[] = {"\"", "'", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99",
                                             "\xE2\x80\x9E", "\xC2\xAB", "\xC2\xBB"};

// The length of the quotation mark that opens (or closes) s, 0 for none.
size_t opening_quote(std::string_view s) {
  for (std::string_view q : kTitleQuotes)
    if (s.starts_with(q)) return q.size();
  return 0;
}

size_t closing_quote(std::string_view s) {
  for (std::string_view q : kTitleQuotes)
    if (s.ends_with(q)) return q.size();
  return 0;
}

bool is_ascii_word(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  return true;
}

}  // namespace

namespace {
constexpr size_t kReviewsHeadingMaxChars = 80;
// The words of heads_reviews, lower case: "reviews" and "ratings" in the large Latin-script
// languages of the web.
constexpr std::string_view kReviewsWords[] = {"reviews", "bewertungen", "kundenbewertungen", "avis",
                                              "recensioni", "opiniones", "valoraciones", "avaliações", "recensies",
                                              "beoordelingen", "opinie", "recenzje", "omdömen", "anmeldelser"};
}  // namespace

bool heads_reviews(std::string_view text) {
  text = trim(text);
  if (text.empty() || text.size() > kReviewsHeadingMaxChars) return false;
  std::string word;
  bool named = false;
  int words = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ' ';
    if ((static_cast<unsigned char>(c) & 0x80) != 0 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        is_ascii_digit(c)) {
      if (!word.empty() && is_ascii_digit(c) != is_ascii_digit(word.back())) {  // "Reviews(159)", "Reviews159"
        ++words;
        word.clear();
      }
      word += ascii_lower(c);
      continue;
    }
    if (word.empty()) continue;
    ++words;
    for (std::string_view w : kReviewsWords)
      if (word == w) named = true;
    word.clear();
  }
  return named && words >= 2;
}

bool comment_permalink(std::string_view href, std::string_view& base) {
  while (!href.empty() && is_ascii_space(href.back())) href.remove_suffix(1);
  if (href.size() < 9 || !is_ascii_digit(href.back())) return false;  // most links, at one look
  const size_t hash = href.rfind('#');
  if (hash == std::string_view::npos) return false;
  std::string_view frag = href.substr(hash + 1);
  if (!istarts_with(frag, "comment")) return false;
  frag.remove_prefix(7);
  if (!frag.empty() && (frag.front() == '-' || frag.front() == '_')) frag.remove_prefix(1);
  if (frag.empty()) return false;
  for (char c : frag)
    if (!is_ascii_digit(c)) return false;
  base = trim(href.substr(0, hash));
  return true;
}

// "4 Comments", "12 responses:", "Comments (3)", and a blog engine's heading over its comment list: one word
// before the noun ("124 Reader Comments"), the count written "One" ("One thought on"), and the
// post's title in quotes after "on", "to" or "about" ("34 responses to “Title”"); a title
// without quotes ("4 comments on the draft law") is a section's own heading.
bool counts_comments(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text.back() == ':') text = trim(text.substr(0, text.size() - 1));
  size_t digits = 0;
  while (digits < text.size() && is_ascii_digit(text[digits])) ++digits;
  if (digits == 0 && istarts_with(text, "one ")) digits = 3;
  if (digits == 0) {  // the count after the noun: "Comments 115", "Comments (3)"
    const size_t sp = text.find_first_of(" \t\n\r");
    if (sp == std::string_view::npos) return false;
    std::string_view count = trim(text.substr(sp));
    if (count.size() >= 2 && count.front() == '(' && count.back() == ')') count = count.substr(1, count.size() - 2);
    if (count.empty()) return false;
    for (char c : count)
      if (!is_ascii_digit(c)) return false;
    for (std::string_view n : kCommentCountNouns)
      if (iequals(text.substr(0, sp), n)) return true;
    return false;
  }
  if (digits == 0 || digits >= text.size() || text[digits] != ' ') return false;
  std::string_view rest = trim(text.substr(digits));
  auto next_word = [&rest]() {
    const size_t sp = rest.find(' ');
    const std::string_view w = rest.substr(0, sp);
    rest = sp == std::string_view::npos ? std::string_view{} : trim(rest.substr(sp));
    return w;
  };
  auto is_noun = [](std::string_view w) {
    for (std::string_view n : kCommentCountNouns)
      if (iequals(w, n)) return true;
    return false;
  };
  std::string_view word = next_word();
  if (!is_noun(word)) {
    if (!is_ascii_word(word)) return false;
    word = next_word();  // "Reader Comments"
    if (!is_noun(word)) return false;
  }
  if (rest.empty()) return true;
  const std::string_view link = next_word();
  if (!iequals(link, "on") && !iequals(link, "to") && !iequals(link, "about")) return false;
  const size_t open = opening_quote(rest);
  if (open == 0) return false;
  rest.remove_prefix(open);
  const size_t close = closing_quote(rest);
  return close > 0 && rest.size() > close;
}

namespace {

// The words a pager prints beside its numbers, lower case: English, German, French, Spanish,
// Italian, Dutch, Portuguese.
constexpr std::string_view kPagerWords[] = {
    "page",     "pages",    "of",      "next",     "previous", "prev",      "first",   "last",
    "seite",    "von",      "weiter",  "zurück",   "nächste",  "vorherige", "suivante", "précédente",
    "sur",      "página",   "de",      "siguiente", "anterior", "pagina",   "di",      "successiva",
    "precedente", "volgende", "vorige", "van",     "próxima",
};

// Arrows and separators a pager sets between its links (ASCII and the guillemets and arrows of
// Latin-1 and General Punctuation, as UTF-8).
constexpr std::string_view kPagerMarks[] = {"\xC2\xBB", "\xC2\xAB", "\xE2\x80\xBA", "\xE2\x80\xB9",
                                            "\xE2\x86\x92", "\xE2\x86\x90", "\xE2\x80\xA6", "\xC2\xA0"};

}  // namespace

bool is_pager_text(std::string_view text) {
  bool digit = false;
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (is_ascii_digit(c)) {
      digit = true;
      ++i;
      continue;
    }
    if (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
      ++i;  // white space, separators, brackets, ASCII arrows ("<<", ">", "|", "[2]")
      continue;
    }
    bool mark = false;
    for (std::string_view m : kPagerMarks) {
      if (text.substr(i).starts_with(m)) {
        i += m.size();
        mark = true;
        break;
      }
    }
    if (mark) continue;
    // A word: up to the next ASCII character that is not a letter.
    size_t end = i;
    while (end < text.size()) {
      const unsigned char e = static_cast<unsigned char>(text[end]);
      if (e < 0x80 && !((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z'))) break;
      ++end;
    }
    const std::string_view word = text.substr(i, end - i);
    bool known = false;
    for (std::string_view w : kPagerWords) known = known || iequals(word, w);
    if (!known) return false;
    i = end;
  }
  return digit;
}

bool style_hides(std::string_view style) {
  if (style.empty()) return false;
  std::string s;
  s.reserve(style.size());
  for (char c : style)
    if (!is_ascii_space(c)) s.push_back(ascii_lower(c));
  return s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos;
}

}  // namespace pith
