// The libxml2 adapter: libxml2's HTML parser in SAX mode (about twice as fast as its tree mode)
// feeding DomBuilder. libxml2 is not an HTML5 parser; the differences that leak text are
// handled here, and only here:
//  - <iframe>, <noembed>, <noframes>, <textarea>, <xmp> bodies are raw text in HTML5 (not
//    markup, not page text): everything until the matching end tag is skipped;
//  - "<!-->" and "<!--->" are empty comments in HTML5, and "--!>" closes a comment; libxml2
//    would swallow the page up to the next "-->", so such comments are rewritten first;
//  - the document's own <meta charset> is ignored (HTML_PARSE_IGNORE_ENC): decode already
//    turned the bytes into UTF-8.
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include <cstring>
#include <mutex>
#include <string>

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
    if (normalize_comments(utf8, scratch_)) utf8 = scratch_;
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
  std::string scratch_;
};

}  // namespace

std::unique_ptr<HtmlParser> make_libxml2_parser() { return std::make_unique<Libxml2Parser>(); }

}  // namespace pith
