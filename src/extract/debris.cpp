#include "extract/debris.h"

#include <algorithm>
#include <cstring>

#include "core/strings.h"

namespace pith {

namespace {

// A text node shorter than this is never judged raw code: a short run of symbols is as likely
// a formula, a price list or an emoticon. Raw JSON, CSS or script printed by a broken template
// runs to hundreds of characters.
constexpr size_t kRawCodeMinChars = 80;
// Code symbols ({ } [ ] ; =) as a share of the visible characters: prose holds well under 1%
// (a semicolon or two per paragraph), minified CSS and JavaScript 5-25%. JSON is told by its
// shape (an object of keyed values) instead: its symbols are mostly quotes and commas.
constexpr size_t kRawCodeMinSymbolPercent = 5;
// A JSON text has at least this many `":` (keys), so that a bracketed aside is never JSON.
constexpr size_t kJsonMinKeys = 2;
// HTML printed as text (escaped markup in a <noscript>, a template's lost tags): at least this
// share of the text lies inside tags. A sentence about a tag ("<p> opens a paragraph") is mostly
// words.
constexpr size_t kRawMarkupMinTagPercent = 50;
// Template tags and shortcodes are short: one longer than this is no tag (a brace in prose
// that is closed much later, or never).
constexpr size_t kMaxTagChars = 300;

// Words that only JavaScript puts next to code symbols.
constexpr std::string_view kScriptMarkers[] = {"function(", "function ", "=>", "var ", "const ", "let ",
                                               "return ", "window.", "document.", "this.", "});"};

// Shortcodes that page builders and WordPress plugins write as a bare `[name]`. A bare name
// outside this table is kept unless it holds an underscore (`[vc_column_text]`): `[sic]`,
// `[a]` (a footnote) and `[Video]` are prose.
constexpr std::string_view kBareShortcodes[] = {
    "caption", "gallery", "embed",  "audio",   "video",     "playlist", "toc",    "row",
    "column",  "section", "tabs",   "tab",     "accordion", "toggle",   "dropcap", "divider",
    "spacer",  "clear",   "raw",    "fullwidth", "fusion_builder_container", "wpforms", "shortcode"};

// Class or id fragments of elements that show code on purpose (syntax highlighters, examples).
constexpr std::string_view kCodeClassFragments[] = {
    "code", "highlight", "syntax", "snippet", "example", "language-", "lang-", "hljs",
    "prettyprint", "sourcecode", "console", "terminal", "json", "gist", "codemirror", "monaco"};

bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9') || c == '_' || c == '-'; }

// Whether hay holds needle (lower case ASCII), without a lower-cased copy of hay: this runs on
// every element with a class.
bool contains_ignoring_case(std::string_view hay, std::string_view needle) {
  if (needle.size() > hay.size()) return false;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() && ascii_lower(hay[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return true;
  }
  return false;
}

bool all_lower(std::string_view s) {
  for (char c : s)
    if (c >= 'A' && c <= 'Z') return false;
  return true;
}

// The attributes of a shortcode after its name, up to (not including) the closing `]`:
// `key="value"`, `key='value'`, `key=value` or bare words, at least one `key=`.
bool is_shortcode_attrs(std::string_view a) {
  size_t i = 0, pairs = 0;
  while (i < a.size()) {
    while (i < a.size() && is_ascii_space(a[i])) ++i;
    if (i >= a.size()) break;
    if (a[i] == '/' && i + 1 == a.size()) break;  // `[name attr="x" /]`
    if (a[i] == '"' || a[i] == '\'') {           // a positional quoted value
      size_t end = a.find(a[i], i + 1);
      if (end == std::string_view::npos) return false;
      i = end + 1;
      continue;
    }
    size_t start = i;
    while (i < a.size() && is_name_char(a[i])) ++i;
    if (i == start) return false;  // punctuation: prose in brackets
    if (i < a.size() && a[i] == '=') {
      ++pairs;
      ++i;
      if (i < a.size() && (a[i] == '"' || a[i] == '\'')) {
        size_t end = a.find(a[i], i + 1);
        if (end == std::string_view::npos) return false;
        i = end + 1;
      } else {
        while (i < a.size() && !is_ascii_space(a[i])) ++i;
      }
    } else if (i < a.size() && !is_ascii_space(a[i])) {
      return false;
    }
  }
  return pairs > 0;
}

// The length of the shortcode at text[i] == '[', or 0 when the bracket is prose.
size_t shortcode_at(std::string_view text, size_t i) {
  // Within kMaxTagChars only: a text of many '[' and no ']' stays linear.
  size_t close = text.substr(0, std::min(text.size(), i + kMaxTagChars)).find(']', i + 1);
  if (close == std::string_view::npos) return 0;
  std::string_view inner = text.substr(i + 1, close - i - 1);
  const bool closing = !inner.empty() && inner.front() == '/';
  if (closing) inner.remove_prefix(1);
  if (inner.empty() || !is_name_start(inner.front())) return 0;
  size_t n = 1;
  while (n < inner.size() && is_name_char(inner[n])) ++n;
  std::string_view name = inner.substr(0, n), rest = inner.substr(n);
  const size_t len = close - i + 1;
  if (closing) return rest.empty() && name.size() >= 2 ? len : 0;  // `[/caption]`, never `[/a]`
  if (trim(rest) == "/") return len;  // `[name/]`, `[name /]`
  if (rest.empty()) {
    if (name.find('_') != std::string_view::npos && all_lower(name)) return len;
    if (!all_lower(name)) return 0;
    for (std::string_view b : kBareShortcodes)
      if (name == b) return len;
    return 0;
  }
  return is_ascii_space(rest.front()) && is_shortcode_attrs(rest) ? len : 0;
}

// The length of the template tag at text[i] (`{{ x }}`, `{{{ x }}}`, `{% x %}`, `<% x %>`), or 0.
size_t template_tag_at(std::string_view text, size_t i) {
  std::string_view rest = text.substr(i);
  std::string_view open, close;
  if (rest.starts_with("{{{")) open = "{{{", close = "}}}";
  else if (rest.starts_with("{{")) open = "{{", close = "}}";
  else if (rest.starts_with("{%")) open = "{%", close = "%}";
  else if (rest.starts_with("<%")) open = "<%", close = "%>";
  else return 0;
  size_t end = rest.substr(0, kMaxTagChars).find(close, open.size());  // bounded, as in shortcode_at
  if (end == std::string_view::npos) return 0;
  if (trim(rest.substr(open.size(), end - open.size())).empty()) return 0;  // `{{}}` is no tag
  return end + close.size();
}

// Whether a tag opens at text[i] == '<': a letter (a start tag), '/' (an end tag) or '!'.
bool tag_opens_at(std::string_view text, size_t i) {
  return i + 1 < text.size() && (is_name_start(text[i + 1]) || text[i + 1] == '/' || text[i + 1] == '!');
}

// Markup printed as text: it opens with a tag, ends with one, and its tags are most of it.
bool looks_like_raw_markup(std::string_view t) {
  if (t.front() != '<' || t.back() != '>' || !tag_opens_at(t, 0)) return false;
  size_t in_tags = 0;
  bool inside = false;
  for (size_t i = 0; i < t.size(); ++i) {
    if (!inside && t[i] == '<' && tag_opens_at(t, i)) inside = true;
    in_tags += inside;
    if (t[i] == '>') inside = false;
  }
  return in_tags * 100 >= t.size() * kRawMarkupMinTagPercent;
}

}  // namespace

bool looks_like_raw_code(std::string_view text) {
  std::string_view t = trim(text);
  if (t.size() < kRawCodeMinChars) return false;
  size_t visible = 0, symbols = 0, open = 0, closed = 0, keys = 0;
  int depth = 0;
  bool every_block_has_colon = true, block_colon = false;
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    const auto u = static_cast<unsigned char>(c);
    visible += (u & 0xC0) != 0x80 && !is_ascii_space(c);
    switch (c) {
      case '{':
        ++symbols;
        ++open;
        if (depth++ == 0) block_colon = false;
        break;
      case '}':
        ++symbols;
        ++closed;
        if (depth > 0 && --depth == 0 && !block_colon) every_block_has_colon = false;
        break;
      case '[': case ']': case ';': case '=':
        ++symbols;
        break;
      case ':':
        if (depth > 0) block_colon = true;
        if (i > 0 && t[i - 1] == '"') ++keys;
        break;
      default: break;
    }
  }
  if (visible < kRawCodeMinChars) return false;
  if (looks_like_raw_markup(t)) return true;
  const char first = t.front(), last = t.back();
  // JSON: an object or array of keyed values.
  if ((first == '{' || first == '[') && (last == '}' || last == ']') && keys >= kJsonMinKeys) return true;
  if (symbols * 100 < visible * kRawCodeMinSymbolPercent) return false;
  bool script = false;
  for (std::string_view m : kScriptMarkers) script = script || t.find(m) != std::string_view::npos;
  // CSS rules (`.a{margin:0}`) or script with blocks: balanced braces, each block holding a
  // declaration or the text being script, ending as code ends.
  if (open > 0 && open == closed && (last == '}' || last == ';' || last == ')'))
    return (every_block_has_colon && last == '}') || script;
  // Script without blocks: `window.dataLayer = window.dataLayer || []; gtag('js', new Date());`
  return open == 0 && script && (last == ';' || last == ')') && std::count(t.begin(), t.end(), ';') >= 2;
}

bool is_code_element(const Document& doc, NodeId n) {
  switch (doc.node(n).tag) {
    case Tag::k_pre: case Tag::k_code: case Tag::k_kbd: case Tag::k_samp: case Tag::k_tt: case Tag::k_xmp:
    case Tag::k_textarea: case Tag::k_plaintext:
      return true;
    default: break;
  }
  // This runs on every element of every render: the attribute is lower-cased once into a buffer
  // and searched with find (memchr on the first byte), not compared at each position per
  // fragment (that was an eighth of pith extract's instructions).
  char lower[256];
  for (std::string_view attr : {doc.attr(n, "class"), doc.attr(n, "id")}) {
    if (attr.size() < 4) continue;  // shorter than every fragment
    if (attr.size() > sizeof lower) {
      for (std::string_view f : kCodeClassFragments)
        if (contains_ignoring_case(attr, f)) return true;
      continue;
    }
    for (size_t i = 0; i < attr.size(); ++i) lower[i] = ascii_lower(attr[i]);
    const std::string_view low(lower, attr.size());
    for (std::string_view f : kCodeClassFragments)
      if (low.find(f) != std::string_view::npos) return true;
  }
  return false;
}

void mark_raw_code(const Document& doc, NodeId scope, std::vector<std::string_view>& drop) {
  // Whether a text sits in an element that shows code on purpose, up to the scope: asked only
  // of the few texts that look like code, so that the page's other elements cost nothing.
  auto inside_code = [&](NodeId text) {
    for (NodeId a = doc.node(text).parent; a != kNoNode; a = doc.node(a).parent) {
      if (doc.node(a).kind == NodeKind::kElement && is_code_element(doc, a)) return true;
      if (a == scope) break;
    }
    return false;
  };
  for (NodeId n = scope; n != kNoNode;) {
    const Node& node = doc.node(n);
    if (!drop[n].empty()) {
      n = doc.next_skip_children(n, scope);
      continue;
    }
    if (node.kind == NodeKind::kText && looks_like_raw_code(doc.text(n)) && !inside_code(n)) {
      const NodeId parent = node.parent;
      const bool alone = parent != kNoNode && parent != scope && doc.node(parent).first_child == n &&
                         node.next_sibling == kNoNode && doc.node(parent).kind == NodeKind::kElement;
      drop[alone ? parent : n] = "raw-code";
    }
    n = doc.next_in_subtree(n, scope);
  }
}

bool may_hold_template_markup(std::string_view text) {
  return text.find('[') != std::string_view::npos || text.find("{{") != std::string_view::npos ||
         text.find("{%") != std::string_view::npos || text.find("<%") != std::string_view::npos;
}

bool strip_template_markup(std::string_view text, std::string& out) {
  out.clear();
  bool found = false;
  size_t copied = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c != '[' && c != '{' && c != '<') continue;
    size_t len = c == '[' ? shortcode_at(text, i) : template_tag_at(text, i);
    if (len == 0) continue;
    out.append(text.substr(copied, i - copied));
    out += ' ';  // `word[/caption]word` must not join two words
    copied = i + len;
    i = copied - 1;
    found = true;
  }
  if (!found) return false;
  out.append(text.substr(copied));
  return true;
}

}  // namespace pith
