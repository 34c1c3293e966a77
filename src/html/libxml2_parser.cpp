// The libxml2 adapter: libxml2's HTML parser in SAX mode (about twice as fast as its tree mode)
// feeding DomBuilder. libxml2 is not an HTML5 parser; the differences that leak text are
// handled here, and only here:
//  - <iframe>, <noembed>, <noframes>, <textarea>, <xmp> bodies are raw text in HTML5 (not
//    markup, not page text): everything until the matching end tag is skipped;
//  - "<!-->" and "<!--->" are empty comments in HTML5, and "--!>" closes a comment; libxml2
//    would swallow the page up to the next "-->", so such comments are rewritten first;
//  - the document's own <meta charset> is ignored (HTML_PARSE_IGNORE_ENC): decode already
//    turned the bytes into UTF-8;
//  - libxml2 ends the document at a NUL byte, where HTML5 drops the NUL from text: NULs are
//    removed first;
//  - libxml2 compares each attribute of a tag with every earlier one (10^6 attributes take
//    hours), so tags are cut to ParseLimits::max_attrs attributes before it sees them;
//  - "<iframe/>" starts raw text in HTML5 (the slash is ignored) but is an empty element to
//    libxml2, whose text would leak: the slash is removed from raw-text elements.
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include <cstring>
#include <mutex>
#include <string>

#include "core/strings.h"
#include "html/dom_builder.h"
#include "html/parser.h"

namespace pith {

namespace {

// Rewrites the comment forms that libxml2 reads differently from HTML5. Returns false (and
// leaves out untouched) when the input holds none, which is the common case.
bool normalize_comments(std::string_view in, std::string& out) {
  size_t pos = in.find("<!--");
  bool changed = false;
  size_t copied = 0;
  while (pos != std::string_view::npos) {
    size_t body = pos + 4;
    std::string_view rest = in.substr(body);
    size_t end_skip = 0;      // bytes of the original terminator
    size_t body_len = 0;
    bool rewrite = false;
    if (rest.starts_with(">")) {
      end_skip = 1, rewrite = true;
    } else if (rest.starts_with("->")) {
      end_skip = 2, rewrite = true;
    } else {
      size_t a = rest.find("-->");
      size_t b = rest.find("--!>");
      if (a == std::string_view::npos && b == std::string_view::npos) break;  // runs to EOF
      if (b < a) {
        body_len = b, end_skip = 4, rewrite = true;
      } else {
        pos = in.find("<!--", body + a + 3);
        continue;
      }
    }
    if (rewrite) {
      if (!changed) out.clear(), out.reserve(in.size() + 16);
      changed = true;
      out.append(in.substr(copied, body - copied));
      out.append(in.substr(body, body_len));
      out.append("-->");
      copied = body + body_len + end_skip;
    }
    pos = in.find("<!--", body + body_len + end_skip);
  }
  if (changed) out.append(in.substr(copied));
  return changed;
}

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Elements whose content HTML5 tokenizes as text up to the matching end tag (13.2.5.2-7).
bool is_raw_text_element(std::string_view name) {
  static constexpr std::string_view kRaw[] = {"script", "style", "textarea", "title",
                                              "xmp",    "iframe", "noembed", "noframes"};
  for (auto r : kRaw)
    if (iequals(name, r)) return true;
  return false;
}

// Copies in to out without NUL bytes. Returns false (out untouched) when there are none.
bool remove_nuls(std::string_view in, std::string& out) {
  if (in.find('\0') == std::string_view::npos) return false;
  out.clear();
  out.reserve(in.size());
  for (size_t pos = 0; pos < in.size();) {
    size_t nul = in.find('\0', pos);
    if (nul == std::string_view::npos) nul = in.size();
    out.append(in.substr(pos, nul - pos));
    pos = nul + 1;
  }
  return true;
}

// Rewrites start tags that libxml2 would mishandle: more than max_attrs attributes (the rest are
// dropped) and a self-closing slash on a raw-text element (removed). A light HTML5-style tag
// scan: quoted values may hold '>', comments and raw-text bodies are skipped. Returns false
// (out untouched) when no tag needs it, which is the common case.
bool fix_start_tags(std::string_view in, size_t max_attrs, std::string& out) {
  constexpr size_t npos = std::string_view::npos;
  const size_t n = in.size();
  bool changed = false;
  size_t copied = 0;
  auto splice = [&](size_t upto, size_t resume) {
    if (!changed) out.clear(), out.reserve(n);
    changed = true;
    out.append(in.substr(copied, upto - copied));
    copied = resume;
  };
  for (size_t i = in.find('<'); i != npos && i < n; i = in.find('<', i)) {
    if (in.compare(i, 4, "<!--") == 0) {
      size_t end = in.find("-->", i + 4);
      if (end == npos) break;
      i = end + 3;
      continue;
    }
    if (i + 1 >= n || !is_ascii_alpha(in[i + 1])) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < n && !is_ascii_space(in[j]) && in[j] != '/' && in[j] != '>') ++j;
    const std::string_view name = in.substr(i + 1, j - i - 1);
    size_t attrs = 0, cut = npos, slash = npos;
    while (j < n && in[j] != '>') {
      if (is_ascii_space(in[j])) {
        ++j;
        continue;
      }
      if (in[j] == '/') {
        slash = j++;
        continue;
      }
      ++j;  // the name's first character, which may be '='
      while (j < n && !is_ascii_space(in[j]) && in[j] != '/' && in[j] != '>' && in[j] != '=') ++j;
      size_t k = j;
      while (k < n && is_ascii_space(in[k])) ++k;
      if (k < n && in[k] == '=') {
        j = k + 1;
        while (j < n && is_ascii_space(in[j])) ++j;
        if (j < n && (in[j] == '"' || in[j] == '\'')) {
          size_t q = in.find(in[j], j + 1);
          j = q == npos ? n : q + 1;
        } else {
          while (j < n && !is_ascii_space(in[j]) && in[j] != '>') ++j;
        }
      }
      if (++attrs == max_attrs) cut = j;
    }
    const bool raw = is_raw_text_element(name);
    if (attrs > max_attrs)
      splice(cut, j);  // keeps the '>' (or the end of input)
    else if (raw && j < n && slash != npos && slash + 1 == j)
      splice(slash, j);
    if (j >= n) break;
    i = j + 1;
    if (raw) {
      // Skip the body: nothing in it is a tag.
      size_t end = i;
      while ((end = in.find("</", end)) != npos && !(end + 2 + name.size() <= n && iequals(in.substr(end + 2, name.size()), name)))
        end += 2;
      if (end == npos) break;
      i = end;
    }
  }
  if (changed) out.append(in.substr(copied));
  return changed;
}

bool is_raw_skip(std::string_view name) {
  return name == "iframe" || name == "noembed" || name == "noframes" || name == "textarea" || name == "xmp";
}

struct SaxState {
  DomBuilder* builder;
  htmlParserCtxtPtr ctxt;
  std::string skip_until;  // non-empty: inside a raw-text element, skipping to its end tag
  int skip_depth = 0;
};

SaxState* state(void* ctx) {
  auto* c = static_cast<htmlParserCtxtPtr>(ctx);
  return static_cast<SaxState*>(c->_private);
}

std::string_view sv(const xmlChar* s) { return s ? std::string_view(reinterpret_cast<const char*>(s)) : ""; }

void on_start(void* ctx, const xmlChar* name, const xmlChar** atts) {
  SaxState* st = state(ctx);
  std::string_view n = sv(name);
  if (!st->skip_until.empty()) {
    if (n == st->skip_until) ++st->skip_depth;
    return;
  }
  if (!st->builder->start_element(n)) {
    xmlStopParser(st->ctxt);
    return;
  }
  if (atts)
    for (size_t i = 0; atts[i]; i += 2) st->builder->attribute(sv(atts[i]), sv(atts[i + 1]));
  if (is_raw_skip(n)) {
    st->skip_until = std::string(n);
    st->skip_depth = 0;
  }
}

void on_end(void* ctx, const xmlChar* name) {
  SaxState* st = state(ctx);
  std::string_view n = sv(name);
  if (!st->skip_until.empty()) {
    if (n != st->skip_until) return;
    if (st->skip_depth-- > 0) return;
    st->skip_until.clear();
  }
  st->builder->end_element(n);
}

void on_text(void* ctx, const xmlChar* ch, int len) {
  SaxState* st = state(ctx);
  if (!st->skip_until.empty()) return;
  if (!st->builder->text(std::string_view(reinterpret_cast<const char*>(ch), static_cast<size_t>(len))))
    xmlStopParser(st->ctxt);
}

void on_comment(void* ctx, const xmlChar* value) {
  SaxState* st = state(ctx);
  if (!st->skip_until.empty()) return;
  if (!st->builder->comment(sv(value))) xmlStopParser(st->ctxt);
}

void on_silent(void*, const char*, ...) {}

class Libxml2Parser final : public HtmlParser {
 public:
  Libxml2Parser() {
    static std::once_flag once;
    std::call_once(once, [] { xmlInitParser(); });
    std::memset(&sax_, 0, sizeof sax_);
    sax_.startElement = on_start;
    sax_.endElement = on_end;
    sax_.characters = on_text;
    sax_.ignorableWhitespace = on_text;
    sax_.cdataBlock = on_text;
    sax_.comment = on_comment;
    sax_.warning = on_silent;
    sax_.error = on_silent;
    sax_.fatalError = on_silent;
  }

  std::string_view name() const override { return "libxml2"; }

  Result<ParseReport> parse(std::string_view utf8, const ParseLimits& limits, Document& doc) override {
    DomBuilder builder(doc, limits);
    if (remove_nuls(utf8, no_nuls_)) utf8 = no_nuls_;
    if (normalize_comments(utf8, scratch_)) utf8 = scratch_;
    if (fix_start_tags(utf8, limits.max_attrs, fixed_tags_)) utf8 = fixed_tags_;
    if (utf8.size() > static_cast<size_t>(INT32_MAX))
      return Error{ErrorCode::kTooLarge, "input over 2 GiB cannot be parsed"};
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(utf8.data(), static_cast<int>(utf8.size()));
    if (!ctxt) return Error{ErrorCode::kParse, "libxml2 could not create a parser context"};
    std::memcpy(ctxt->sax, &sax_, sizeof sax_);
    SaxState st{&builder, ctxt, {}, 0};
    ctxt->_private = &st;
    ctxt->userData = ctxt;
    htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                 HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD);
    xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
    htmlParseDocument(ctxt);
    htmlFreeParserCtxt(ctxt);
    return builder.finish();
  }

 private:
  htmlSAXHandler sax_;
  std::string no_nuls_, scratch_, fixed_tags_;  // reused rewrites of the input (see the top)
};

}  // namespace

std::unique_ptr<HtmlParser> make_libxml2_parser() { return std::make_unique<Libxml2Parser>(); }

}  // namespace pith
