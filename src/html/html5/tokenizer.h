// The HTML5 tokenizer (WHATWG HTML, 13.2.5 "Tokenization"), one member function per spec state.
//
// It is a pull tokenizer over a whole document held in memory: next() runs the state machine
// until one token is ready and returns it. Character tokens come out as runs (one token for
// "Hello &amp; world", not one per character), pointing into the input whenever the run is a
// plain slice of it, so text is copied once, into the DOM. NUL characters in the data and CDATA
// states come out as their own kNull tokens (the tree builder drops or replaces them depending
// on the insertion mode); everywhere else the tokenizer replaces them with U+FFFD itself.
//
// Input is UTF-8. The syntax is all ASCII, so the tokenizer works on bytes: any byte >= 0x80 is
// "anything else". CR and CRLF are normalized to LF first (13.2.3.5 "Preprocessing the input
// stream"); parse errors are not reported (pith has no use for them).
//
//   Tokenizer tok;
//   tok.reset(html);
//   for (const Token* t = &tok.next(); t->kind != TokenKind::kEof; t = &tok.next()) ...
//
// The tree builder switches the state after start tags (RCDATA for <title>, RAWTEXT for
// <style>, ...) with set_state() and tells it whether CDATA sections are allowed.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "html/html5/names.h"

namespace pith::html5 {

enum class TokenKind : uint8_t { kCharacters, kNull, kStartTag, kEndTag, kComment, kDoctype, kEof };

struct TokenAttr {
  std::string_view name;   // lower-case
  std::string_view value;
};

// Views are valid until the next call to next() or reset().
struct Token {
  TokenKind kind = TokenKind::kEof;
  std::string_view data;              // characters; comment data; tag name (lower-case); DOCTYPE name
  Atom atom = atom::kUnknown;         // tags: the name's atom
  bool self_closing = false;
  std::span<const TokenAttr> attrs;  // start tags only (end tag attributes are dropped)
  // DOCTYPE
  std::string_view public_id, system_id;
  bool has_name = false, has_public_id = false, has_system_id = false, force_quirks = false;
};

// The states the tree builder (or a test) may set; the rest are internal.
enum class State : uint8_t {
  kData,
  kRcdata,
  kRawtext,
  kScriptData,
  kPlaintext,
  kCdataSection,
  // Internal states, in spec order (13.2.5.6 onwards).
  kTagOpen,
  kEndTagOpen,
  kTagName,
  kRcdataLessThanSign,
  kRcdataEndTagOpen,
  kRcdataEndTagName,
  kRawtextLessThanSign,
  kRawtextEndTagOpen,
  kRawtextEndTagName,
  kScriptDataLessThanSign,
  kScriptDataEndTagOpen,
  kScriptDataEndTagName,
  kScriptDataEscapeStart,
  kScriptDataEscapeStartDash,
  kScriptDataEscaped,
  kScriptDataEscapedDash,
  kScriptDataEscapedDashDash,
  kScriptDataEscapedLessThanSign,
  kScriptDataEscapedEndTagOpen,
  kScriptDataEscapedEndTagName,
  kScriptDataDoubleEscapeStart,
  kScriptDataDoubleEscaped,
  kScriptDataDoubleEscapedDash,
  kScriptDataDoubleEscapedDashDash,
  kScriptDataDoubleEscapedLessThanSign,
  kScriptDataDoubleEscapeEnd,
  kBeforeAttributeName,
  kAttributeName,
  kAfterAttributeName,
  kBeforeAttributeValue,
  kAttributeValueDoubleQuoted,
  kAttributeValueSingleQuoted,
  kAttributeValueUnquoted,
  kAfterAttributeValueQuoted,
  kSelfClosingStartTag,
  kBogusComment,
  kMarkupDeclarationOpen,
  kCommentStart,
  kCommentStartDash,
  kComment,
  kCommentLessThanSign,
  kCommentLessThanSignBang,
  kCommentLessThanSignBangDash,
  kCommentLessThanSignBangDashDash,
  kCommentEndDash,
  kCommentEnd,
  kCommentEndBang,
  kDoctype,
  kBeforeDoctypeName,
  kDoctypeName,
  kAfterDoctypeName,
  kAfterDoctypePublicKeyword,
  kBeforeDoctypePublicIdentifier,
  kDoctypePublicIdentifierDoubleQuoted,
  kDoctypePublicIdentifierSingleQuoted,
  kAfterDoctypePublicIdentifier,
  kBetweenDoctypePublicAndSystemIdentifiers,
  kAfterDoctypeSystemKeyword,
  kBeforeDoctypeSystemIdentifier,
  kDoctypeSystemIdentifierDoubleQuoted,
  kDoctypeSystemIdentifierSingleQuoted,
  kAfterDoctypeSystemIdentifier,
  kBogusDoctype,
  kCdataSectionBracket,
  kCdataSectionEnd,
};

// A string being built from the input: a view of the input while every piece appended is the
// next slice of it (the common case), a copy once something else (a decoded reference, U+FFFD,
// a lower-cased letter) is appended.
class Accumulator {
 public:
  void clear() { ptr_ = nullptr, len_ = 0, owned_ = false; }
  // Starts empty at p, so that literal input following p extends the view.
  void reset_at(const char* p) { ptr_ = p, len_ = 0, owned_ = false; }
  void append_input(const char* p, size_t n) {
    if (!owned_) {
      if (len_ == 0) {
        ptr_ = p, len_ = n;
        return;
      }
      if (ptr_ + len_ == p) {
        len_ += n;
        return;
      }
      own();
    }
    buf_.append(p, n);
  }
  void append_copy(std::string_view s) {
    if (!owned_) own();
    buf_.append(s);
  }
  void push_back(char c) {
    if (!owned_) own();
    buf_.push_back(c);
  }
  // Appends s, extending the view when the input at the view's end spells s.
  void append_literal(std::string_view s, const char* input_end) {
    if (!owned_ && ptr_ && static_cast<size_t>(input_end - (ptr_ + len_)) >= s.size() &&
        std::string_view(ptr_ + len_, s.size()) == s) {
      len_ += s.size();
      return;
    }
    append_copy(s);
  }
  bool empty() const { return owned_ ? buf_.empty() : len_ == 0; }
  bool owned() const { return owned_; }
  std::string_view view() const { return owned_ ? std::string_view(buf_) : std::string_view(ptr_, len_); }

 private:
  void own() {
    buf_.assign(ptr_ ? ptr_ : "", len_);
    owned_ = true;
  }
  const char* ptr_ = nullptr;
  size_t len_ = 0;
  bool owned_ = false;
  std::string buf_;
};

class Tokenizer {
 public:
  // Starts on new input (CR/CRLF normalized into a private copy when present). The input must
  // outlive the tokens. max_attrs caps the attributes kept per tag (the rest are dropped).
  void reset(std::string_view input, uint16_t max_attrs = 0xFFFF);
  // The token may be modified by the caller (the tree builder trims character runs in place).
  Token& next();

  void set_state(State s) { state_ = s; }
  State state() const { return state_; }
  // "The tag name of the last start tag to have been emitted" (for appropriate end tags).
  void set_last_start_tag(std::string_view name) { last_start_tag_.assign(name); }
  // A second appropriate end tag for the raw text that the last start tag opened (pith's
  // recovery for raw text inside a <noscript>: TreeBuilder::set_noscript_bounds_raw_text);
  // cleared by the next start tag.
  void set_also_end_tag(std::string_view name) { also_end_tag_.assign(name); }
  // Markup declaration open state: CDATA sections are recognized only when the adjusted current
  // node is not an HTML element (the tree builder keeps this up to date).
  void set_cdata_allowed(bool allowed) { cdata_allowed_ = allowed; }
  // Bytes consumed so far (for budgets and error offsets).
  size_t offset() const { return static_cast<size_t>(p_ - begin_); }

 private:
  // One per state; each consumes input and may emit a token.
  void data_state();
  void rcdata_state();
  void rawtext_state();
  void script_data_state();
  void plaintext_state();
  void tag_open_state();
  void end_tag_open_state();
  void tag_name_state();
  void rcdata_less_than_sign_state();
  void rcdata_end_tag_open_state();
  void rcdata_end_tag_name_state();
  void rawtext_less_than_sign_state();
  void rawtext_end_tag_open_state();
  void rawtext_end_tag_name_state();
  void script_data_less_than_sign_state();
  void script_data_end_tag_open_state();
  void script_data_end_tag_name_state();
  void script_data_escape_start_state();
  void script_data_escape_start_dash_state();
  void script_data_escaped_state();
  void script_data_escaped_dash_state();
  void script_data_escaped_dash_dash_state();
  void script_data_escaped_less_than_sign_state();
  void script_data_escaped_end_tag_open_state();
  void script_data_escaped_end_tag_name_state();
  void script_data_double_escape_start_state();
  void script_data_double_escaped_state();
  void script_data_double_escaped_dash_state();
  void script_data_double_escaped_dash_dash_state();
  void script_data_double_escaped_less_than_sign_state();
  void script_data_double_escape_end_state();
  void before_attribute_name_state();
  void attribute_name_state();
  void after_attribute_name_state();
  void before_attribute_value_state();
  void attribute_value_quoted_state(char quote);
  void attribute_value_unquoted_state();
  void after_attribute_value_quoted_state();
  void self_closing_start_tag_state();
  void bogus_comment_state();
  void markup_declaration_open_state();
  void comment_start_state();
  void comment_start_dash_state();
  void comment_state();
  void comment_less_than_sign_state();
  void comment_less_than_sign_bang_state();
  void comment_less_than_sign_bang_dash_state();
  void comment_less_than_sign_bang_dash_dash_state();
  void comment_end_dash_state();
  void comment_end_state();
  void comment_end_bang_state();
  void doctype_state();
  void before_doctype_name_state();
  void doctype_name_state();
  void after_doctype_name_state();
  void after_doctype_public_keyword_state();
  void before_doctype_public_identifier_state();
  void doctype_identifier_quoted_state(bool is_public, char quote);
  void after_doctype_public_identifier_state();
  void between_doctype_public_and_system_identifiers_state();
  void after_doctype_system_keyword_state();
  void before_doctype_system_identifier_state();
  void after_doctype_system_identifier_state();
  void bogus_doctype_state();
  void cdata_section_state();
  void cdata_section_bracket_state();
  void cdata_section_end_state();
  // 13.2.5.72-80, the character reference states, run to completion at once (the whole input
  // is in memory): p_ is just past '&'; the result (or the literal text) goes to out.
  void consume_character_reference(Accumulator& out, bool in_attribute);

  // Shared shape of the RCDATA/RAWTEXT/script "end tag name" states.
  void text_end_tag_name(State text_state);
  void text_less_than_sign(State end_tag_open_state, State text_state);
  void text_end_tag_open(State end_tag_name_state, State text_state);

  void start_tag(bool end);
  void start_attribute();
  void finish_attribute();
  void check_duplicate_attribute();
  void start_comment(const char* at);
  void start_doctype();
  void emit(TokenKind kind);
  void emit_tag();
  void emit_eof() { emit(TokenKind::kEof); }
  void emit_text(const char* p, size_t n) { text_.append_input(p, n); }
  void emit_replacement() { text_.append_copy("\xEF\xBF\xBD"); }
  bool appropriate_end_tag() const {
    return tag_name_.view() == last_start_tag_ || (!also_end_tag_.empty() && tag_name_.view() == also_end_tag_);
  }
  bool at_eof() const { return p_ == end_; }

  const char* begin_ = nullptr;
  const char* p_ = nullptr;
  const char* end_ = nullptr;
  std::string normalized_;  // the input with CR/CRLF turned into LF, when it had any
  State state_ = State::kData;
  bool cdata_allowed_ = false;
  uint16_t max_attrs_ = 0xFFFF;

  // Output.
  Token token_;
  bool ready_ = false;
  TokenKind queued_ = TokenKind::kEof;
  bool has_queued_ = false;
  bool eof_emitted_ = false;

  Accumulator text_;            // pending character run
  // Tag being built.
  bool tag_is_end_ = false;
  bool self_closing_ = false;
  Accumulator tag_name_;
  Accumulator attr_name_;
  Accumulator attr_value_;
  bool in_attribute_ = false;       // an attribute is being built
  bool attr_dropped_ = false;       // duplicate or over the cap
  uint64_t attr_names_seen_ = 0;    // one bit per (length, last byte) of the names kept: most
                                    // tags need no name comparison to rule out a duplicate
  struct StoredAttr {
    const char* name_ptr;  // nullptr: the bytes are in attr_store_ at name_off
    uint32_t name_off, name_len;
    const char* value_ptr;
    uint32_t value_off, value_len;
  };
  std::vector<StoredAttr> stored_attrs_;
  std::string attr_store_;
  std::vector<TokenAttr> attrs_out_;
  std::string last_start_tag_;
  std::string also_end_tag_;  // set_also_end_tag
  std::string temp_buffer_;  // the spec's "temporary buffer" (script double-escape detection)
  const char* lt_pos_ = nullptr;  // the '<' that began a possible end tag in text states
  // Comment and DOCTYPE being built.
  Accumulator comment_;
  Accumulator doctype_name_, public_id_, system_id_;
  bool has_doctype_name_ = false, has_public_id_ = false, has_system_id_ = false, force_quirks_ = false;
};

}  // namespace pith::html5
