// String rules for metadata values, kept apart from the DOM so they can be tested as tables:
// title segments and site names, author bylines, language tags.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace pith {

// Lower-case letters and digits only (any script; ASCII folded, Latin-1 and Cyrillic capitals
// folded): "Ann's Forge" -> "annsforge". Two strings with the same key name the same thing.
std::string loose_key(std::string_view s);

// Words (runs of letters and digits, folded like loose_key), in order.
std::vector<std::string> word_keys(std::string_view s);
inline size_t word_count(std::string_view s) { return word_keys(s).size(); }

// True when a and b differ only in the dashes, other punctuation and spaces between their words
// ("Full-Stack" and "Full Stack", "Info - Guide" and "Info Guide", "--" and "—"): the same
// words, letter case and quote marks included ("Who's" and "Who’s" differ), and the same
// characters before the first word and after the last.
bool same_wording(std::string_view a, std::string_view b);

// A <title> split at the separators sites put between headline, section and site name:
// " | ", " - ", " – ", " — ", " · ", " • ", " :: ", " » ", " / ", "|" (a hyphen inside a word
// or a colon is not a separator, nor a spaced dash or slash between two whole numbers, a range:
// "2026 / 2027"), and "_", "--" and the last lone "-" (before a piece no longer than what
// precedes it) written without spaces next to a Han or kana character ("标题_示例网"). Pieces are trimmed; empty pieces are dropped.
std::vector<std::string_view> split_title(std::string_view title);

// The site's identity, to recognise a title segment that names the site.
struct SiteNames {
  std::vector<std::string> keys;  // loose keys of og:site_name, publisher, application-name
  std::vector<std::string> host_labels;  // "annsforge" from www.annsforge.com (not "www", "com")
  void add_name(std::string_view name);
  void add_host_of(std::string_view url);
};

// How loosely a segment may name the site: with a word or two around the name ("Ann's Forge
// Blog"), or only the name itself or a part of it ("Ann's Forge", "Forge").
enum class SiteMatch { kWithWordsAround, kNameOnly };

// True when a title segment names the site: equal to a site name or the host label, a part
// of one, or (kWithWordsAround) a short segment containing one ("Byteboard", "The Fable Times",
// "Ann's Forge Blog").
bool is_site_segment(std::string_view segment, const SiteNames& site, SiteMatch match = SiteMatch::kWithWordsAround);

// A label that names a kind of page, not its headline: a front page's name as CMSs write it
// in the <title> ("Home", "Startseite", "首页"), a forum's "View topic".
bool is_page_label(std::string_view text);

// A title with the site's segments and page labels removed from both ends (a page label
// first: "Home - Example Blog" is "Example Blog"). At the end a segment is the site's with a word
// or two around its name ("Ten tips | Ann's Notes Blog": the site's section or blog); at the
// start, by default (`front`), only the name itself or a part of it is, since a segment there
// that adds words to it names a product or an issue of the site ("Stripe Payments | Payment
// platform", "Ann's Notes #18 – Work"). When segments remain that are not
// the site, the first (the headline; later ones are sections or taglines) is returned;
// `removed` gets the last site segment removed, if any.
std::string clean_title(std::string_view title, const SiteNames& site, std::string* removed = nullptr,
                        SiteMatch front = SiteMatch::kNameOnly);

// A heading or title as displayed: white space collapsed, soft hyphens and zero-width
// characters removed, trailing permalink marks ("¶", "#") dropped.
std::string clean_heading(std::string_view s);

// A heading without a date at its start or end ("Dec 18 2025 Planning the move" ->
// "Planning the move"): blogs print the date inside the h1.
std::string strip_edge_dates(std::string_view heading);

// An author value as people read it: "By Ann Lee" -> "Ann Lee", "Written by: Ann Lee | May 3"
// -> "Ann Lee". Empty when the value is not a name (a URL, an e-mail address only, a long
// sentence, a date).
std::string normalize_author(std::string_view raw);

// Several authors, deduplicated (by loose key), joined with ", ".
std::string join_authors(const std::vector<std::string>& names);

// An author value split into the people and organisations it names: at ";", "|", "&", "and"
// (und, et, og, och) and at commas, except that a credential or role stays with its name ("Ann
// Lee, MD") and a value of two comma-separated single words is one "Last, First" name.
// Deduplicated by loose key, in order.
std::vector<std::string> split_authors(std::string_view joined);

// "en-US" -> "en", "pt_BR" -> "pt-br", "zh-Hant-TW" -> "zh-hant"; empty if not a language tag.
// The region is kept only where it names a distinct written standard (pt, zh). Withdrawn codes
// are renamed ("in" -> "id", "iw" -> "he"); "und", "mul", "zxx" and "mis" give empty.
std::string normalize_lang(std::string_view tag);

// True for http(s) URLs and protocol-relative or path-like values ("/author/ann").
bool looks_like_url(std::string_view s);

}  // namespace pith
