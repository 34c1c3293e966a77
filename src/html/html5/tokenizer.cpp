#include "html/html5/tokenizer.h"

#include <array>
#include <cstring>

#include "html/html5/entities.h"
#include "html/html5/scan.h"

namespace pith::html5 {

namespace {

// Byte classes for the hot loops (the spec's ASCII classes; bytes >= 0x80 are none of them).
enum : uint8_t {
  kWs = 1,             // ASCII whitespace after preprocessing: TAB LF FF SPACE
  kUpper = 2,
  kLower = 4,
  kDigit = 8,
  kHexLetter = 16,     // a-f A-F
  kTagNameStop = 32,   // ends a run of plain tag-name bytes: ws / > NUL upper
  kAttrNameStop = 64,  // ends a run of plain attribute-name bytes: ws / > = NUL upper
  kUnquotedStop = 128, // ends a run of plain unquoted-value bytes: ws & > NUL
};

constexpr std::array<uint8_t, 256> make_classes() {
  std::array<uint8_t, 256> t{};
  for (int c : {'\t', '\n', '\f', ' '}) t[c] |= kWs | kTagNameStop | kAttrNameStop | kUnquotedStop;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] |= kUpper | kTagNameStop | kAttrNameStop;
  for (int c = 'a'; c <= 'z'; ++c) t[c] |= kLower;
  for (int c = '0'; c <= '9'; ++c) t[c] |= kDigit;
  for (int c = 'a'; c <= 'f'; ++c) t[c] |= kHexLetter, t[c - 32] |= kHexLetter;
  for (int c : {'/', '>', '\0'}) t[c] |= kTagNameStop | kAttrNameStop;
  t['='] |= kAttrNameStop;
  for (int c : {'&', '>', '\0'}) t[c] |= kUnquotedStop;
  return t;
}

constexpr std::array<uint8_t, 256> kClass = make_classes();

inline uint8_t cls(char c) { return kClass[static_cast<unsigned char>(c)]; }
inline bool is_ws(char c) { return cls(c) & kWs; }
inline bool is_alpha(char c) { return cls(c) & (kUpper | kLower); }
inline bool is_alnum(char c) { return cls(c) & (kUpper | kLower | kDigit); }
inline bool is_upper(char c) { return cls(c) & kUpper; }
inline char lower(char c) { return is_upper(c) ? static_cast<char>(c + 32) : c; }

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool iequals_ascii(const char* p, std::string_view upper_word) {
  for (size_t i = 0; i < upper_word.size(); ++i)
    if ((p[i] & ~0x20) != upper_word[i]) return false;
  return true;
}

void append_utf8(Accumulator& out, uint32_t cp) {
  char b[4];
  size_t n;
  if (cp < 0x80) {
    b[0] = static_cast<char>(cp), n = 1;
  } else if (cp < 0x800) {
    b[0] = static_cast<char>(0xC0 | (cp >> 6)), b[1] = static_cast<char>(0x80 | (cp & 0x3F)), n = 2;
  } else if (cp < 0x10000) {
    b[0] = static_cast<char>(0xE0 | (cp >> 12)), b[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    b[2] = static_cast<char>(0x80 | (cp & 0x3F)), n = 3;
  } else {
    b[0] = static_cast<char>(0xF0 | (cp >> 18)), b[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    b[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), b[3] = static_cast<char>(0x80 | (cp & 0x3F)), n = 4;
  }
  out.append_copy(std::string_view(b, n));
}

// 13.2.5.80: numeric references to C1 controls name the Windows-1252 characters at those bytes.
uint32_t windows1252_c1(uint32_t cp) {
  static constexpr uint16_t kTable[32] = {
      0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // 88-8F
      0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // 98-9F
  };
  return kTable[cp - 0x80];
}

}  // namespace

void Tokenizer::reset(std::string_view input, uint16_t max_attrs) {
  // 13.2.3.5: normalize newlines (CRLF and lone CR become LF) before tokenization, copying the
  // runs between CRs whole.
  if (const void* cr = std::memchr(input.data(), '\r', input.size())) {
    normalized_.clear();
    normalized_.reserve(input.size());
    const char* p = input.data();
    const char* end = p + input.size();
    const char* c = static_cast<const char*>(cr);
    for (;;) {
      normalized_.append(p, static_cast<size_t>(c - p));
      normalized_.push_back('\n');
      p = c + 1;
      if (p != end && *p == '\n') ++p;
      c = static_cast<const char*>(std::memchr(p, '\r', static_cast<size_t>(end - p)));
      if (!c) break;
    }
    normalized_.append(p, static_cast<size_t>(end - p));
    input = normalized_;
  }
  begin_ = p_ = input.data();
  end_ = begin_ + input.size();
  state_ = State::kData;
  cdata_allowed_ = false;
  max_attrs_ = max_attrs;
  ready_ = has_queued_ = eof_emitted_ = false;
  text_.clear();
  last_start_tag_.clear();
  also_end_tag_.clear();
}

Token& Tokenizer::next() {
  text_.clear();
  if (has_queued_) {
    has_queued_ = false;
    emit(queued_);
    return token_;
  }
  if (eof_emitted_) {
    token_ = Token{};
    return token_;
  }
  ready_ = false;
  while (!ready_) {
    switch (state_) {
      case State::kData: data_state(); break;
      case State::kRcdata: rcdata_state(); break;
      case State::kRawtext: rawtext_state(); break;
      case State::kScriptData: script_data_state(); break;
      case State::kPlaintext: plaintext_state(); break;
      case State::kCdataSection: cdata_section_state(); break;
      case State::kTagOpen: tag_open_state(); break;
      case State::kEndTagOpen: end_tag_open_state(); break;
      case State::kTagName: tag_name_state(); break;
      case State::kRcdataLessThanSign: rcdata_less_than_sign_state(); break;
      case State::kRcdataEndTagOpen: rcdata_end_tag_open_state(); break;
      case State::kRcdataEndTagName: rcdata_end_tag_name_state(); break;
      case State::kRawtextLessThanSign: rawtext_less_than_sign_state(); break;
      case State::kRawtextEndTagOpen: rawtext_end_tag_open_state(); break;
      case State::kRawtextEndTagName: rawtext_end_tag_name_state(); break;
      case State::kScriptDataLessThanSign: script_data_less_than_sign_state(); break;
      case State::kScriptDataEndTagOpen: script_data_end_tag_open_state(); break;
      case State::kScriptDataEndTagName: script_data_end_tag_name_state(); break;
      case State::kScriptDataEscapeStart: script_data_escape_start_state(); break;
      case State::kScriptDataEscapeStartDash: script_data_escape_start_dash_state(); break;
      case State::kScriptDataEscaped: script_data_escaped_state(); break;
      case State::kScriptDataEscapedDash: script_data_escaped_dash_state(); break;
      case State::kScriptDataEscapedDashDash: script_data_escaped_dash_dash_state(); break;
      case State::kScriptDataEscapedLessThanSign: script_data_escaped_less_than_sign_state(); break;
      case State::kScriptDataEscapedEndTagOpen: script_data_escaped_end_tag_open_state(); break;
      case State::kScriptDataEscapedEndTagName: script_data_escaped_end_tag_name_state(); break;
      case State::kScriptDataDoubleEscapeStart: script_data_double_escape_start_state(); break;
      case State::kScriptDataDoubleEscaped: script_data_double_escaped_state(); break;
      case State::kScriptDataDoubleEscapedDash: script_data_double_escaped_dash_state(); break;
      case State::kScriptDataDoubleEscapedDashDash: script_data_double_escaped_dash_dash_state(); break;
      case State::kScriptDataDoubleEscapedLessThanSign: script_data_double_escaped_less_than_sign_state(); break;
      case State::kScriptDataDoubleEscapeEnd: script_data_double_escape_end_state(); break;
      case State::kBeforeAttributeName: before_attribute_name_state(); break;
      case State::kAttributeName: attribute_name_state(); break;
      case State::kAfterAttributeName: after_attribute_name_state(); break;
      case State::kBeforeAttributeValue: before_attribute_value_state(); break;
      case State::kAttributeValueDoubleQuoted: attribute_value_quoted_state('"'); break;
      case State::kAttributeValueSingleQuoted: attribute_value_quoted_state('\''); break;
      case State::kAttributeValueUnquoted: attribute_value_unquoted_state(); break;
      case State::kAfterAttributeValueQuoted: after_attribute_value_quoted_state(); break;
      case State::kSelfClosingStartTag: self_closing_start_tag_state(); break;
      case State::kBogusComment: bogus_comment_state(); break;
      case State::kMarkupDeclarationOpen: markup_declaration_open_state(); break;
      case State::kCommentStart: comment_start_state(); break;
      case State::kCommentStartDash: comment_start_dash_state(); break;
      case State::kComment: comment_state(); break;
      case State::kCommentLessThanSign: comment_less_than_sign_state(); break;
      case State::kCommentLessThanSignBang: comment_less_than_sign_bang_state(); break;
      case State::kCommentLessThanSignBangDash: comment_less_than_sign_bang_dash_state(); break;
      case State::kCommentLessThanSignBangDashDash: comment_less_than_sign_bang_dash_dash_state(); break;
      case State::kCommentEndDash: comment_end_dash_state(); break;
      case State::kCommentEnd: comment_end_state(); break;
      case State::kCommentEndBang: comment_end_bang_state(); break;
      case State::kDoctype: doctype_state(); break;
      case State::kBeforeDoctypeName: before_doctype_name_state(); break;
      case State::kDoctypeName: doctype_name_state(); break;
      case State::kAfterDoctypeName: after_doctype_name_state(); break;
      case State::kAfterDoctypePublicKeyword: after_doctype_public_keyword_state(); break;
      case State::kBeforeDoctypePublicIdentifier: before_doctype_public_identifier_state(); break;
      case State::kDoctypePublicIdentifierDoubleQuoted: doctype_identifier_quoted_state(true, '"'); break;
      case State::kDoctypePublicIdentifierSingleQuoted: doctype_identifier_quoted_state(true, '\''); break;
      case State::kAfterDoctypePublicIdentifier: after_doctype_public_identifier_state(); break;
      case State::kBetweenDoctypePublicAndSystemIdentifiers:
        between_doctype_public_and_system_identifiers_state();
        break;
      case State::kAfterDoctypeSystemKeyword: after_doctype_system_keyword_state(); break;
      case State::kBeforeDoctypeSystemIdentifier: before_doctype_system_identifier_state(); break;
      case State::kDoctypeSystemIdentifierDoubleQuoted: doctype_identifier_quoted_state(false, '"'); break;
      case State::kDoctypeSystemIdentifierSingleQuoted: doctype_identifier_quoted_state(false, '\''); break;
      case State::kAfterDoctypeSystemIdentifier: after_doctype_system_identifier_state(); break;
      case State::kBogusDoctype: bogus_doctype_state(); break;
      case State::kCdataSectionBracket: cdata_section_bracket_state(); break;
      case State::kCdataSectionEnd: cdata_section_end_state(); break;
    }
  }
  return token_;
}

// Emission: a pending character run always goes out before the token that ends it, so a
// token that is not characters waits in queued_ for the next call.
void Tokenizer::emit(TokenKind kind) {
  ready_ = true;
  if (kind != TokenKind::kCharacters && !text_.empty()) {
    token_.kind = TokenKind::kCharacters;
    token_.data = text_.view();
    queued_ = kind;
    has_queued_ = true;
    return;
  }
  token_.kind = kind;
  switch (kind) {
    case TokenKind::kCharacters: token_.data = text_.view(); break;
    case TokenKind::kNull: token_.data = std::string_view("\0", 1); break;
    case TokenKind::kStartTag:
    case TokenKind::kEndTag:
      token_.data = tag_name_.view();
      token_.atom = atom_from_name(token_.data);
      token_.self_closing = self_closing_;
      token_.attrs = std::span<const TokenAttr>(attrs_out_);
      break;
    case TokenKind::kComment: token_.data = comment_.view(); break;
    case TokenKind::kDoctype:
      token_.data = doctype_name_.view();
      token_.public_id = public_id_.view();
      token_.system_id = system_id_.view();
      token_.has_name = has_doctype_name_;
      token_.has_public_id = has_public_id_;
      token_.has_system_id = has_system_id_;
      token_.force_quirks = force_quirks_;
      break;
    case TokenKind::kEof: eof_emitted_ = true; break;
  }
}

void Tokenizer::emit_tag() {
  finish_attribute();
  attrs_out_.clear();
  if (tag_is_end_) {
    // End tags with attributes or a self-closing flag are parse errors; the attributes go.
    emit(TokenKind::kEndTag);
    return;
  }
  for (const StoredAttr& a : stored_attrs_) {
    std::string_view name = a.name_ptr ? std::string_view(a.name_ptr, a.name_len)
                                       : std::string_view(attr_store_).substr(a.name_off, a.name_len);
    std::string_view value = a.value_ptr ? std::string_view(a.value_ptr, a.value_len)
                                         : std::string_view(attr_store_).substr(a.value_off, a.value_len);
    attrs_out_.push_back({name, value});
  }
  last_start_tag_.assign(tag_name_.view());
  also_end_tag_.clear();
  emit(TokenKind::kStartTag);
}

void Tokenizer::start_tag(bool end) {
  tag_is_end_ = end;
  self_closing_ = false;
  tag_name_.reset_at(p_);
  stored_attrs_.clear();
  attr_store_.clear();
  in_attribute_ = false;
  attr_names_seen_ = 0;
}

void Tokenizer::start_attribute() {
  finish_attribute();
  in_attribute_ = true;
  attr_dropped_ = stored_attrs_.size() >= max_attrs_;
  attr_name_.reset_at(p_);
  attr_value_.clear();
}

// "When the user agent leaves the attribute name state": a name already on the token makes
// this attribute a duplicate, which is dropped.
namespace {
uint64_t name_bit(std::string_view name) {
  unsigned last = name.empty() ? 0 : static_cast<unsigned char>(name.back());
  return uint64_t{1} << ((name.size() * 7 + last) & 63);
}
}  // namespace

void Tokenizer::check_duplicate_attribute() {
  if (attr_dropped_) return;
  std::string_view name = attr_name_.view();
  uint64_t bit = name_bit(name);
  if (!(attr_names_seen_ & bit)) {
    attr_names_seen_ |= bit;
    return;
  }
  for (const StoredAttr& a : stored_attrs_) {
    if (a.name_len != name.size()) continue;
    const char* n = a.name_ptr ? a.name_ptr : attr_store_.data() + a.name_off;
    if (std::memcmp(n, name.data(), name.size()) == 0) {
      attr_dropped_ = true;
      return;
    }
  }
}

void Tokenizer::finish_attribute() {
  if (!in_attribute_) return;
  in_attribute_ = false;
  if (attr_dropped_) return;
  StoredAttr a{};
  std::string_view name = attr_name_.view(), value = attr_value_.view();
  auto store = [this](std::string_view s, const char*& ptr, uint32_t& off, uint32_t& len, bool owned) {
    len = static_cast<uint32_t>(s.size());
    if (!owned) {
      ptr = s.data() ? s.data() : "";
      return;
    }
    ptr = nullptr;
    off = static_cast<uint32_t>(attr_store_.size());
    attr_store_.append(s);
  };
  store(name, a.name_ptr, a.name_off, a.name_len, attr_name_.owned());
  store(value, a.value_ptr, a.value_off, a.value_len, attr_value_.owned());
  stored_attrs_.push_back(a);
}

void Tokenizer::start_comment(const char* at) { comment_.reset_at(at); }

void Tokenizer::start_doctype() {
  doctype_name_.clear();
  public_id_.clear();
  system_id_.clear();
  has_doctype_name_ = has_public_id_ = has_system_id_ = force_quirks_ = false;
}

// 13.2.5.1 Data state
void Tokenizer::data_state() {
  const char* p = p_;
  for (;;) {
    const char* q = scan_for<'<', '&', '\0'>(p, end_);
    if (q > p) text_.append_input(p, static_cast<size_t>(q - p));
    if (q == end_) {
      p_ = q;
      emit_eof();
      return;
    }
    p = q + 1;
    if (*q == '&') {
      p_ = p;
      consume_character_reference(text_, false);
      p = p_;
      continue;
    }
    p_ = p;
    if (*q == '<') {
      state_ = State::kTagOpen;
      return;
    }
    emit(TokenKind::kNull);  // unexpected-null-character; the tree builder decides
    return;
  }
}

// 13.2.5.2 RCDATA state
void Tokenizer::rcdata_state() {
  const char* p = p_;
  for (;;) {
    const char* q = scan_for<'<', '&', '\0'>(p, end_);
    if (q > p) text_.append_input(p, static_cast<size_t>(q - p));
    if (q == end_) {
      p_ = q;
      emit_eof();
      return;
    }
    p = q + 1;
    if (*q == '&') {
      p_ = p;
      consume_character_reference(text_, false);
      p = p_;
    } else if (*q == '<') {
      p_ = p;
      lt_pos_ = q;
      state_ = State::kRcdataLessThanSign;
      return;
    } else {
      emit_replacement();
    }
  }
}

// 13.2.5.3 RAWTEXT state
void Tokenizer::rawtext_state() {
  const char* p = p_;
  for (;;) {
    const char* q = scan_for<'<', '\0'>(p, end_);
    if (q > p) text_.append_input(p, static_cast<size_t>(q - p));
    if (q == end_) {
      p_ = q;
      emit_eof();
      return;
    }
    p = q + 1;
    if (*q == '<') {
      p_ = p;
      lt_pos_ = q;
      state_ = State::kRawtextLessThanSign;
      return;
    }
    emit_replacement();
  }
}

// 13.2.5.4 Script data state
void Tokenizer::script_data_state() {
  const char* p = p_;
  for (;;) {
    const char* q = scan_for<'<', '\0'>(p, end_);
    if (q > p) text_.append_input(p, static_cast<size_t>(q - p));
    if (q == end_) {
      p_ = q;
      emit_eof();
      return;
    }
    p = q + 1;
    if (*q == '<') {
      p_ = p;
      lt_pos_ = q;
      state_ = State::kScriptDataLessThanSign;
      return;
    }
    emit_replacement();
  }
}

// 13.2.5.5 PLAINTEXT state
void Tokenizer::plaintext_state() {
  const char* p = p_;
  for (;;) {
    const char* q = scan_for<'\0'>(p, end_);
    if (q > p) text_.append_input(p, static_cast<size_t>(q - p));
    if (q == end_) {
      p_ = q;
      emit_eof();
      return;
    }
    p = q + 1;
    emit_replacement();
  }
}

// 13.2.5.6 Tag open state
void Tokenizer::tag_open_state() {
  if (at_eof()) {  // eof-before-tag-name: the '<' is text
    emit_text(p_ - 1, 1);
    emit_eof();
    return;
  }
  char c = *p_;
  if (c == '!') {
    ++p_;
    state_ = State::kMarkupDeclarationOpen;
  } else if (c == '/') {
    ++p_;
    state_ = State::kEndTagOpen;
  } else if (is_alpha(c)) {
    start_tag(false);
    state_ = State::kTagName;
  } else if (c == '?') {  // unexpected-question-mark-instead-of-tag-name
    start_comment(p_);
    state_ = State::kBogusComment;
  } else {  // invalid-first-character-of-tag-name
    emit_text(p_ - 1, 1);
    state_ = State::kData;
  }
}

// 13.2.5.7 End tag open state
void Tokenizer::end_tag_open_state() {
  if (at_eof()) {  // eof-before-tag-name
    emit_text(p_ - 2, 2);
    emit_eof();
    return;
  }
  char c = *p_;
  if (is_alpha(c)) {
    start_tag(true);
    state_ = State::kTagName;
  } else if (c == '>') {  // missing-end-tag-name: "</>" is dropped
    ++p_;
    state_ = State::kData;
  } else {  // invalid-first-character-of-tag-name
    start_comment(p_);
    state_ = State::kBogusComment;
  }
}

// 13.2.5.8 Tag name state
void Tokenizer::tag_name_state() {
  const char* p = p_;
  for (;;) {
    const char* s = p;
    while (p != end_ && !(cls(*p) & kTagNameStop)) ++p;
    if (p != s) tag_name_.append_input(s, static_cast<size_t>(p - s));
    if (p == end_) {  // eof-in-tag: the tag is dropped
      p_ = p;
      emit_eof();
      return;
    }
    char c = *p++;
    if (is_ws(c)) {
      p_ = p;
      state_ = State::kBeforeAttributeName;
      return;
    }
    if (c == '/') {
      p_ = p;
      state_ = State::kSelfClosingStartTag;
      return;
    }
    if (c == '>') {
      p_ = p;
      state_ = State::kData;
      emit_tag();
      return;
    }
    if (c == '\0')
      tag_name_.append_copy(kReplacement);
    else
      tag_name_.push_back(lower(c));
  }
}

// Text states' '<': 13.2.5.9 RCDATA, 13.2.5.12 RAWTEXT less-than sign states.
void Tokenizer::text_less_than_sign(State end_tag_open, State text_state) {
  if (!at_eof() && *p_ == '/') {
    ++p_;
    temp_buffer_.clear();
    state_ = end_tag_open;
    return;
  }
  emit_text(lt_pos_, 1);
  state_ = text_state;
}

// 13.2.5.10 RCDATA, 13.2.5.13 RAWTEXT, 13.2.5.16 script data end tag open states.
void Tokenizer::text_end_tag_open(State end_tag_name, State text_state) {
  if (!at_eof() && is_alpha(*p_)) {
    start_tag(true);
    state_ = end_tag_name;
    return;
  }
  emit_text(lt_pos_, 2);
  state_ = text_state;
}

// 13.2.5.11 RCDATA, 13.2.5.14 RAWTEXT, 13.2.5.17 script data, 13.2.5.25 script data escaped
// end tag name states: an end tag only when it is the appropriate end tag; otherwise "</" and
// the name are text.
void Tokenizer::text_end_tag_name(State text_state) {
  for (;;) {
    if (at_eof()) break;
    char c = *p_;
    if (is_alpha(c)) {
      if (is_upper(c))
        tag_name_.push_back(lower(c));
      else
        tag_name_.append_input(p_, 1);
      ++p_;
      continue;
    }
    if ((is_ws(c) || c == '/' || c == '>') && appropriate_end_tag()) {
      ++p_;
      if (c == '>') {
        state_ = State::kData;
        emit_tag();
      } else {
        state_ = c == '/' ? State::kSelfClosingStartTag : State::kBeforeAttributeName;
      }
      return;
    }
    break;
  }
  emit_text(lt_pos_, static_cast<size_t>(p_ - lt_pos_));
  state_ = text_state;
}

void Tokenizer::rcdata_less_than_sign_state() { text_less_than_sign(State::kRcdataEndTagOpen, State::kRcdata); }
void Tokenizer::rcdata_end_tag_open_state() { text_end_tag_open(State::kRcdataEndTagName, State::kRcdata); }
void Tokenizer::rcdata_end_tag_name_state() { text_end_tag_name(State::kRcdata); }
void Tokenizer::rawtext_less_than_sign_state() { text_less_than_sign(State::kRawtextEndTagOpen, State::kRawtext); }
void Tokenizer::rawtext_end_tag_open_state() { text_end_tag_open(State::kRawtextEndTagName, State::kRawtext); }
void Tokenizer::rawtext_end_tag_name_state() { text_end_tag_name(State::kRawtext); }

// 13.2.5.15 Script data less-than sign state
void Tokenizer::script_data_less_than_sign_state() {
  if (!at_eof() && *p_ == '!') {
    emit_text(lt_pos_, 2);
    ++p_;
    state_ = State::kScriptDataEscapeStart;
    return;
  }
  text_less_than_sign(State::kScriptDataEndTagOpen, State::kScriptData);
}

// 13.2.5.16 Script data end tag open state
void Tokenizer::script_data_end_tag_open_state() {
  text_end_tag_open(State::kScriptDataEndTagName, State::kScriptData);
}

// 13.2.5.17 Script data end tag name state
void Tokenizer::script_data_end_tag_name_state() { text_end_tag_name(State::kScriptData); }

// 13.2.5.18 Script data escape start state
void Tokenizer::script_data_escape_start_state() {
  if (!at_eof() && *p_ == '-') {
    emit_text(p_++, 1);
    state_ = State::kScriptDataEscapeStartDash;
  } else {
    state_ = State::kScriptData;
  }
}

// 13.2.5.19 Script data escape start dash state
void Tokenizer::script_data_escape_start_dash_state() {
  if (!at_eof() && *p_ == '-') {
    emit_text(p_++, 1);
    state_ = State::kScriptDataEscapedDashDash;
  } else {
    state_ = State::kScriptData;
  }
}

// 13.2.5.20 Script data escaped state
void Tokenizer::script_data_escaped_state() {
  for (;;) {
    const char* q = scan_for<'-', '<', '\0'>(p_, end_);
    if (q > p_) emit_text(p_, static_cast<size_t>(q - p_));
    p_ = q;
    if (at_eof()) {  // eof-in-script-html-comment-like-text
      emit_eof();
      return;
    }
    char c = *p_++;
    if (c == '-') {
      emit_text(q, 1);
      state_ = State::kScriptDataEscapedDash;
      return;
    }
    if (c == '<') {
      lt_pos_ = q;
      state_ = State::kScriptDataEscapedLessThanSign;
      return;
    }
    emit_replacement();
  }
}

// 13.2.5.21 Script data escaped dash state
void Tokenizer::script_data_escaped_dash_state() {
  if (at_eof()) {
    emit_eof();
    return;
  }
  char c = *p_;
  if (c == '-') {
    emit_text(p_++, 1);
    state_ = State::kScriptDataEscapedDashDash;
  } else if (c == '<') {
    lt_pos_ = p_++;
    state_ = State::kScriptDataEscapedLessThanSign;
  } else if (c == '\0') {
    ++p_;
    emit_replacement();
    state_ = State::kScriptDataEscaped;
  } else {
    emit_text(p_++, 1);
    state_ = State::kScriptDataEscaped;
  }
}

// 13.2.5.22 Script data escaped dash dash state
void Tokenizer::script_data_escaped_dash_dash_state() {
  if (at_eof()) {
    emit_eof();
    return;
  }
  char c = *p_;
  if (c == '-') {
    emit_text(p_++, 1);
  } else if (c == '<') {
    lt_pos_ = p_++;
    state_ = State::kScriptDataEscapedLessThanSign;
  } else if (c == '>') {
    emit_text(p_++, 1);
    state_ = State::kScriptData;
  } else if (c == '\0') {
    ++p_;
    emit_replacement();
    state_ = State::kScriptDataEscaped;
  } else {
    emit_text(p_++, 1);
    state_ = State::kScriptDataEscaped;
  }
}

// 13.2.5.23 Script data escaped less-than sign state
void Tokenizer::script_data_escaped_less_than_sign_state() {
  if (!at_eof() && *p_ == '/') {
    ++p_;
    temp_buffer_.clear();
    state_ = State::kScriptDataEscapedEndTagOpen;
  } else if (!at_eof() && is_alpha(*p_)) {
    temp_buffer_.clear();
    emit_text(lt_pos_, 1);
    state_ = State::kScriptDataDoubleEscapeStart;
  } else {
    emit_text(lt_pos_, 1);
    state_ = State::kScriptDataEscaped;
  }
}

// 13.2.5.24 Script data escaped end tag open state
void Tokenizer::script_data_escaped_end_tag_open_state() {
  text_end_tag_open(State::kScriptDataEscapedEndTagName, State::kScriptDataEscaped);
}

// 13.2.5.25 Script data escaped end tag name state
void Tokenizer::script_data_escaped_end_tag_name_state() { text_end_tag_name(State::kScriptDataEscaped); }

// 13.2.5.26 Script data double escape start state
void Tokenizer::script_data_double_escape_start_state() {
  while (!at_eof()) {
    char c = *p_;
    if (is_ws(c) || c == '/' || c == '>') {
      state_ = temp_buffer_ == "script" ? State::kScriptDataDoubleEscaped : State::kScriptDataEscaped;
      emit_text(p_++, 1);
      return;
    }
    if (!is_alpha(c)) break;
    temp_buffer_.push_back(lower(c));
    emit_text(p_++, 1);
  }
  state_ = State::kScriptDataEscaped;
}

// 13.2.5.27 Script data double escaped state
void Tokenizer::script_data_double_escaped_state() {
  for (;;) {
    const char* q = scan_for<'-', '<', '\0'>(p_, end_);
    if (q > p_) emit_text(p_, static_cast<size_t>(q - p_));
    p_ = q;
    if (at_eof()) {
      emit_eof();
      return;
    }
    char c = *p_++;
    if (c == '-') {
      emit_text(q, 1);
      state_ = State::kScriptDataDoubleEscapedDash;
      return;
    }
    if (c == '<') {
      emit_text(q, 1);
      state_ = State::kScriptDataDoubleEscapedLessThanSign;
      return;
    }
    emit_replacement();
  }
}

// 13.2.5.28 Script data double escaped dash state
void Tokenizer::script_data_double_escaped_dash_state() {
  if (at_eof()) {
    emit_eof();
    return;
  }
  char c = *p_;
  if (c == '-') {
    emit_text(p_++, 1);
    state_ = State::kScriptDataDoubleEscapedDashDash;
  } else if (c == '<') {
    emit_text(p_++, 1);
    state_ = State::kScriptDataDoubleEscapedLessThanSign;
  } else if (c == '\0') {
    ++p_;
    emit_replacement();
    state_ = State::kScriptDataDoubleEscaped;
  } else {
    emit_text(p_++, 1);
    state_ = State::kScriptDataDoubleEscaped;
  }
}

// 13.2.5.29 Script data double escaped dash dash state
void Tokenizer::script_data_double_escaped_dash_dash_state() {
  if (at_eof()) {
    emit_eof();
    return;
  }
  char c = *p_;
  if (c == '-') {
    emit_text(p_++, 1);
  } else if (c == '<') {
    emit_text(p_++, 1);
    state_ = State::kScriptDataDoubleEscapedLessThanSign;
  } else if (c == '>') {
    emit_text(p_++, 1);
    state_ = State::kScriptData;
  } else if (c == '\0') {
    ++p_;
    emit_replacement();
    state_ = State::kScriptDataDoubleEscaped;
  } else {
    emit_text(p_++, 1);
    state_ = State::kScriptDataDoubleEscaped;
  }
}

// 13.2.5.30 Script data double escaped less-than sign state
void Tokenizer::script_data_double_escaped_less_than_sign_state() {
  if (!at_eof() && *p_ == '/') {
    temp_buffer_.clear();
    emit_text(p_++, 1);
    state_ = State::kScriptDataDoubleEscapeEnd;
  } else {
    state_ = State::kScriptDataDoubleEscaped;
  }
}

// 13.2.5.31 Script data double escape end state
void Tokenizer::script_data_double_escape_end_state() {
  while (!at_eof()) {
    char c = *p_;
    if (is_ws(c) || c == '/' || c == '>') {
      state_ = temp_buffer_ == "script" ? State::kScriptDataEscaped : State::kScriptDataDoubleEscaped;
      emit_text(p_++, 1);
      return;
    }
    if (!is_alpha(c)) break;
    temp_buffer_.push_back(lower(c));
    emit_text(p_++, 1);
  }
  state_ = State::kScriptDataDoubleEscaped;
}

// 13.2.5.32 Before attribute name state
void Tokenizer::before_attribute_name_state() {
  while (!at_eof() && is_ws(*p_)) ++p_;
  if (at_eof()) {  // via the after attribute name state: eof-in-tag
    emit_eof();
    return;
  }
  char c = *p_;
  if (c == '/' || c == '>') {  // reconsume in the after attribute name state
    state_ = State::kAfterAttributeName;
    return;
  }
  start_attribute();
  if (c == '=') {  // unexpected-equals-sign-before-attribute-name: '=' starts the name
    attr_name_.append_input(p_++, 1);
  }
  state_ = State::kAttributeName;
}

// 13.2.5.33 Attribute name state
void Tokenizer::attribute_name_state() {
  const char* p = p_;
  for (;;) {
    const char* s = p;
    while (p != end_ && !(cls(*p) & kAttrNameStop)) ++p;
    if (p != s) attr_name_.append_input(s, static_cast<size_t>(p - s));
    if (p == end_) break;
    char c = *p;
    if (is_ws(c) || c == '/' || c == '>') break;
    ++p;
    if (c == '=') {
      p_ = p;
      check_duplicate_attribute();
      state_ = State::kBeforeAttributeValue;
      return;
    }
    if (c == '\0')
      attr_name_.append_copy(kReplacement);
    else
      attr_name_.push_back(lower(c));
  }
  p_ = p;
  check_duplicate_attribute();
  state_ = State::kAfterAttributeName;
}

// 13.2.5.34 After attribute name state
void Tokenizer::after_attribute_name_state() {
  while (!at_eof() && is_ws(*p_)) ++p_;
  if (at_eof()) {  // eof-in-tag
    emit_eof();
    return;
  }
  char c = *p_;
  if (c == '/') {
    ++p_;
    state_ = State::kSelfClosingStartTag;
  } else if (c == '=') {
    ++p_;
    state_ = State::kBeforeAttributeValue;
  } else if (c == '>') {
    ++p_;
    state_ = State::kData;
    emit_tag();
  } else {
    start_attribute();
    state_ = State::kAttributeName;
  }
}

// 13.2.5.35 Before attribute value state
void Tokenizer::before_attribute_value_state() {
  while (!at_eof() && is_ws(*p_)) ++p_;
  char c = at_eof() ? '\0' : *p_;
  if (!at_eof() && (c == '"' || c == '\'')) {
    ++p_;
    attr_value_.reset_at(p_);
    state_ = c == '"' ? State::kAttributeValueDoubleQuoted : State::kAttributeValueSingleQuoted;
  } else if (!at_eof() && c == '>') {  // missing-attribute-value
    ++p_;
    state_ = State::kData;
    emit_tag();
  } else {
    attr_value_.reset_at(p_);
    state_ = State::kAttributeValueUnquoted;
  }
}

// 13.2.5.36 Attribute value (double-quoted) and 13.2.5.37 (single-quoted) states
void Tokenizer::attribute_value_quoted_state(char quote) {
  const char* p = p_;
  for (;;) {
    const char* q = quote == '"' ? scan_for<'"', '&', '\0'>(p, end_) : scan_for<'\'', '&', '\0'>(p, end_);
    if (q > p) attr_value_.append_input(p, static_cast<size_t>(q - p));
    if (q == end_) {  // eof-in-tag
      p_ = q;
      emit_eof();
      return;
    }
    p = q + 1;
    if (*q == quote) {
      p_ = p;
      state_ = State::kAfterAttributeValueQuoted;
      return;
    }
    if (*q == '&') {
      p_ = p;
      consume_character_reference(attr_value_, true);
      p = p_;
    } else {
      attr_value_.append_copy(kReplacement);
    }
  }
}

// 13.2.5.38 Attribute value (unquoted) state
void Tokenizer::attribute_value_unquoted_state() {
  const char* p = p_;
  for (;;) {
    const char* s = p;
    while (p != end_ && !(cls(*p) & kUnquotedStop)) ++p;  // '"' ''' '<' '=' '`' are errors, kept
    if (p != s) attr_value_.append_input(s, static_cast<size_t>(p - s));
    if (p == end_) {  // eof-in-tag
      p_ = p;
      emit_eof();
      return;
    }
    char c = *p++;
    p_ = p;
    if (is_ws(c)) {
      state_ = State::kBeforeAttributeName;
      return;
    }
    if (c == '>') {
      state_ = State::kData;
      emit_tag();
      return;
    }
    if (c == '&') {
      consume_character_reference(attr_value_, true);
      p = p_;
    } else {
      attr_value_.append_copy(kReplacement);
    }
  }
}

// 13.2.5.39 After attribute value (quoted) state
void Tokenizer::after_attribute_value_quoted_state() {
  if (at_eof()) {
    emit_eof();
    return;
  }
  char c = *p_;
  if (is_ws(c)) {
    ++p_;
    state_ = State::kBeforeAttributeName;
  } else if (c == '/') {
    ++p_;
    state_ = State::kSelfClosingStartTag;
  } else if (c == '>') {
    ++p_;
    state_ = State::kData;
    emit_tag();
  } else {  // missing-whitespace-between-attributes
    state_ = State::kBeforeAttributeName;
  }
}

// 13.2.5.40 Self-closing start tag state
void Tokenizer::self_closing_start_tag_state() {
  if (at_eof()) {
    emit_eof();
    return;
  }
  if (*p_ == '>') {
    ++p_;
    self_closing_ = true;
    state_ = State::kData;
    emit_tag();
  } else {  // unexpected-solidus-in-tag
    state_ = State::kBeforeAttributeName;
  }
}

// 13.2.5.41 Bogus comment state
void Tokenizer::bogus_comment_state() {
  for (;;) {
    const char* q = scan_for<'>', '\0'>(p_, end_);
    if (q > p_) comment_.append_input(p_, static_cast<size_t>(q - p_));
    p_ = q;
    if (at_eof()) {  // emit the comment, then EOF from the data state
      state_ = State::kData;
      emit(TokenKind::kComment);
      return;
    }
    ++p_;
    if (*q == '>') {
      state_ = State::kData;
      emit(TokenKind::kComment);
      return;
    }
    comment_.append_copy(kReplacement);
  }
}

// 13.2.5.42 Markup declaration open state
void Tokenizer::markup_declaration_open_state() {
  size_t left = static_cast<size_t>(end_ - p_);
  if (left >= 2 && p_[0] == '-' && p_[1] == '-') {
    p_ += 2;
    start_comment(p_);
    state_ = State::kCommentStart;
  } else if (left >= 7 && iequals_ascii(p_, "DOCTYPE")) {
    p_ += 7;
    state_ = State::kDoctype;
  } else if (left >= 7 && std::memcmp(p_, "[CDATA[", 7) == 0 && cdata_allowed_) {
    p_ += 7;
    state_ = State::kCdataSection;
  } else {
    // incorrectly-opened-comment (and cdata-in-html-content: "[CDATA[" becomes comment data).
    start_comment(p_);
    state_ = State::kBogusComment;
  }
}

// 13.2.5.43 Comment start state
void Tokenizer::comment_start_state() {
  if (!at_eof() && *p_ == '-') {
    ++p_;
    state_ = State::kCommentStartDash;
  } else if (!at_eof() && *p_ == '>') {  // abrupt-closing-of-empty-comment
    ++p_;
    state_ = State::kData;
    emit(TokenKind::kComment);
  } else {
    state_ = State::kComment;
  }
}

// 13.2.5.44 Comment start dash state
void Tokenizer::comment_start_dash_state() {
  if (at_eof()) {  // eof-in-comment
    state_ = State::kData;
    emit(TokenKind::kComment);
    return;
  }
  if (*p_ == '-') {
    ++p_;
    state_ = State::kCommentEnd;
  } else if (*p_ == '>') {  // abrupt-closing-of-empty-comment
    ++p_;
    state_ = State::kData;
    emit(TokenKind::kComment);
  } else {
    comment_.append_literal("-", end_);
    state_ = State::kComment;
  }
}

// 13.2.5.45 Comment state
void Tokenizer::comment_state() {
  for (;;) {
    const char* q = scan_for<'<', '-', '\0'>(p_, end_);
    if (q > p_) comment_.append_input(p_, static_cast<size_t>(q - p_));
    p_ = q;
    if (at_eof()) {  // eof-in-comment
      state_ = State::kData;
      emit(TokenKind::kComment);
      return;
    }
    ++p_;
    if (*q == '<') {
      comment_.append_input(q, 1);
      state_ = State::kCommentLessThanSign;
      return;
    }
    if (*q == '-') {
      state_ = State::kCommentEndDash;
      return;
    }
    comment_.append_copy(kReplacement);
  }
}

// 13.2.5.46 Comment less-than sign state
void Tokenizer::comment_less_than_sign_state() {
  while (!at_eof() && *p_ == '<') comment_.append_input(p_++, 1);
  if (!at_eof() && *p_ == '!') {
    comment_.append_input(p_++, 1);
    state_ = State::kCommentLessThanSignBang;
  } else {
    state_ = State::kComment;
  }
}

// 13.2.5.47 Comment less-than sign bang state
void Tokenizer::comment_less_than_sign_bang_state() {
  if (!at_eof() && *p_ == '-') {
    ++p_;
    state_ = State::kCommentLessThanSignBangDash;
  } else {
    state_ = State::kComment;
  }
}

// 13.2.5.48 Comment less-than sign bang dash state
void Tokenizer::comment_less_than_sign_bang_dash_state() {
  if (!at_eof() && *p_ == '-') {
    ++p_;
    state_ = State::kCommentLessThanSignBangDashDash;
  } else {
    state_ = State::kCommentEndDash;
  }
}

// 13.2.5.49 Comment less-than sign bang dash dash state: "<!--" inside a comment is a
// nested-comment error unless "-->" follows; either way the comment end state decides.
void Tokenizer::comment_less_than_sign_bang_dash_dash_state() { state_ = State::kCommentEnd; }

// 13.2.5.50 Comment end dash state
void Tokenizer::comment_end_dash_state() {
  if (at_eof()) {
    state_ = State::kData;
    emit(TokenKind::kComment);
    return;
  }
  if (*p_ == '-') {
    ++p_;
    state_ = State::kCommentEnd;
  } else {
    comment_.append_literal("-", end_);
    state_ = State::kComment;
  }
}

// 13.2.5.51 Comment end state
void Tokenizer::comment_end_state() {
  for (;;) {
    if (at_eof()) {
      state_ = State::kData;
      emit(TokenKind::kComment);
      return;
    }
    char c = *p_;
    if (c == '>') {
      ++p_;
      state_ = State::kData;
      emit(TokenKind::kComment);
      return;
    }
    if (c == '!') {
      ++p_;
      state_ = State::kCommentEndBang;
      return;
    }
    if (c != '-') break;
    ++p_;
    comment_.append_literal("-", end_);
  }
  comment_.append_literal("--", end_);
  state_ = State::kComment;
}

// 13.2.5.52 Comment end bang state
void Tokenizer::comment_end_bang_state() {
  if (at_eof()) {
    state_ = State::kData;
    emit(TokenKind::kComment);
    return;
  }
  if (*p_ == '-') {
    ++p_;
    comment_.append_literal("--!", end_);
    state_ = State::kCommentEndDash;
  } else if (*p_ == '>') {  // incorrectly-closed-comment
    ++p_;
    state_ = State::kData;
    emit(TokenKind::kComment);
  } else {
    comment_.append_literal("--!", end_);
    state_ = State::kComment;
  }
}

// 13.2.5.53 DOCTYPE state
void Tokenizer::doctype_state() {
  start_doctype();
  if (at_eof()) {  // eof-in-doctype
    force_quirks_ = true;
    state_ = State::kData;
    emit(TokenKind::kDoctype);
    return;
  }
  if (is_ws(*p_)) ++p_;  // else missing-whitespace-before-doctype-name; '>' is reconsumed
  state_ = State::kBeforeDoctypeName;
}

// 13.2.5.54 Before DOCTYPE name state
void Tokenizer::before_doctype_name_state() {
  while (!at_eof() && is_ws(*p_)) ++p_;
  if (at_eof()) {
    force_quirks_ = true;
    state_ = State::kData;
    emit(TokenKind::kDoctype);
    return;
  }
  char c = *p_;
  if (c == '>') {  // missing-doctype-name
    ++p_;
    force_quirks_ = true;
    state_ = State::kData;
    emit(TokenKind::kDoctype);
    return;
  }
  has_doctype_name_ = true;
  doctype_name_.reset_at(p_);
  state_ = State::kDoctypeName;
}

// 13.2.5.55 DOCTYPE name state
void Tokenizer::doctype_name_state() {
  for (;;) {
    if (at_eof()) {
      force_quirks_ = true;
      state_ = State::kData;
      emit(TokenKind::kDoctype);
      return;
    }
    char c = *p_;
    if (is_ws(c)) {
      ++p_;
      state_ = State::kAfterDoctypeName;
      return;
    }
    if (c == '>') {
      ++p_;
      state_ = State::kData;
      emit(TokenKind::kDoctype);
      return;
    }
    if (c == '\0')
      doctype_name_.append_copy(kReplacement);
    else if (is_upper(c))
      doctype_name_.push_back(lower(c));
    else
      doctype_name_.append_input(p_, 1);
    ++p_;
  }
}

// 13.2.5.56 After DOCTYPE name state
void Tokenizer::after_doctype_name_state() {
  while (!at_eof() && is_ws(*p_)) ++p_;
  if (at_eof()) {
    force_quirks_ = true;
    state_ = State::kData;
    emit(TokenKind::kDoctype);
    return;
  }
  if (*p_ == '>') {
    ++p_;
    state_ = State::kData;
    emit(TokenKind::kDoctype);
    return;
  }
  size_t left = static_cast<size_t>(end_ - p_);
  if (left >= 6 && iequals_ascii(p_, "PUBLIC")) {
    p_ += 6;
    state_ = State::kAfterDoctypePublicKeyword;
  } else if (left >= 6 && iequals_ascii(p_, "SYSTEM")) {
    p_ += 6;
    state_ = State::kAfterDoctypeSystemKeyword;
  } else {  // invalid-character-sequence-after-doctype-name
    force_quirks_ = true;
    state_ = State::kBogusDoctype;
  }
}

// 13.2.5.57 After DOCTYPE public keyword state and 13.2.5.58 Before DOCTYPE public identifier
// state differ only in the error for a missing space.
void Tokenizer::after_doctype_public_keyword_state() {
  while (!at_eof() && is_ws(*p_)) ++p_;
  state_ = State::kBeforeDoctypePublicIdentifier;
}

// 13.2.5.58 Before DOCTYPE public identifier state
void Tokenizer::before_doctype_public_identifier_state() {
  while (!at_eof() && is_ws(*p_)) ++p_;
  if (at_eof()) {
    force_quirks_ = true;
    state_ = State::kData;
    emit(TokenKind::kDoctype);
    return;
  }
  char c = *p_;
  if (c == '"' || c == '\'') {
    ++p_;
    has_public_id_ = true;
    public_id_.reset_at(p_);
    state_ = c == '"' ? State::kDoctypePublicIdentifierDoubleQuoted : State::kDoctypePublicIdentifierSingleQuoted;
  } else if (c == '>') {  // missing-doctype-public-identifier
    ++p_;
    force_quirks_ = true;
    state_ = State::kData;
    emit(TokenKind::kDoctype);
  } else {  // missing-quote-before-doctype-public-identifier
    force_quirks_ = true;
    state_ = State::kBogusDoctype;
  }
}

// 13.2.5.59/60 DOCTYPE public identifier and 13.2.5.65/66 system identifier (double- and
// single-quoted) states
void Tokenizer::doctype_identifier_quoted_state(bool is_public, char quote) {
  Accumulator& id = is_public ? public_id_ : system_id_;
  for (;;) {
    if (at_eof()) {
      force_quirks_ = true;
      state_ = State::kData;
      emit(TokenKind::kDoctype);
      return;
    }
    char c = *p_;
    if (c == quote) {
      ++p_;
      state_ = is_public ? State::kAfterDoctypePublicIdentifier : State::kAfterDoctypeSystemIdentifier;
      return;
    }
    if (c == '>') {  // abrupt-doctype-public/system-identifier
      ++p_;
      force_quirks_ = true;
      state_ = State::kData;
      emit(TokenKind::kDoctype);
      return;
    }
    if (c == '\0')
      id.append_copy(kReplacement);
    else
      id.append_input(p_, 1);
    ++p_;
  }
}

// 13.2.5.61 After DOCTYPE public identifier state and 13.2.5.62 Between DOCTYPE public and
// system identifiers state (the same but for the missing-space error).
void Tokenizer::after_doctype_public_identifier_state() {
  state_ = State::kBetweenDoctypePublicAndSystemIdentifiers;
}

// 13.2.5.62 Between DOCTYPE public and system identifiers state
void Tokenizer::between_doctype_public_and_system_identifiers_state() {
  while (!at_eof() && is_ws(*p_)) ++p_;
  if (at_eof()) {
    force_quirks_ = true;
    state_ = State::kData;
    emit(TokenKind::kDoctype);
    return;
  }
  char c = *p_;
  if (c == '>') {
    ++p_;
    state_ = State::kData;
    emit(TokenKind::kDoctype);
  } else if (c == '"' || c == '\'') {
    ++p_;
    has_system_id_ = true;
    system_id_.reset_at(p_);
    state_ = c == '"' ? State::kDoctypeSystemIdentifierDoubleQuoted : State::kDoctypeSystemIdentifierSingleQuoted;
  } else {  // missing-quote-before-doctype-system-identifier
    force_quirks_ = true;
    state_ = State::kBogusDoctype;
  }
}

// 13.2.5.63 After DOCTYPE system keyword state
void Tokenizer::after_doctype_system_keyword_state() {
  while (!at_eof() && is_ws(*p_)) ++p_;
  state_ = State::kBeforeDoctypeSystemIdentifier;
}

// 13.2.5.64 Before DOCTYPE system identifier state
void Tokenizer::before_doctype_system_identifier_state() {
  while (!at_eof() && is_ws(*p_)) ++p_;
  if (at_eof()) {
    force_quirks_ = true;
    state_ = State::kData;
    emit(TokenKind::kDoctype);
    return;
  }
  char c = *p_;
  if (c == '"' || c == '\'') {
    ++p_;
    has_system_id_ = true;
    system_id_.reset_at(p_);
    state_ = c == '"' ? State::kDoctypeSystemIdentifierDoubleQuoted : State::kDoctypeSystemIdentifierSingleQuoted;
  } else if (c == '>') {  // missing-doctype-system-identifier
    ++p_;
    force_quirks_ = true;
    state_ = State::kData;
    emit(TokenKind::kDoctype);
  } else {
    force_quirks_ = true;
    state_ = State::kBogusDoctype;
  }
}

// 13.2.5.67 After DOCTYPE system identifier state
void Tokenizer::after_doctype_system_identifier_state() {
  while (!at_eof() && is_ws(*p_)) ++p_;
  if (at_eof()) {
    force_quirks_ = true;
    state_ = State::kData;
    emit(TokenKind::kDoctype);
    return;
  }
  if (*p_ == '>') {
    ++p_;
    state_ = State::kData;
    emit(TokenKind::kDoctype);
  } else {  // unexpected-character-after-doctype-system-identifier (no force-quirks)
    state_ = State::kBogusDoctype;
  }
}

// 13.2.5.68 Bogus DOCTYPE state
void Tokenizer::bogus_doctype_state() {
  const char* q = scan_for<'>'>(p_, end_);
  p_ = q;
  state_ = State::kData;
  if (!at_eof()) ++p_;
  emit(TokenKind::kDoctype);
}

// 13.2.5.69 CDATA section state
void Tokenizer::cdata_section_state() {
  const char* q = scan_for<']', '\0'>(p_, end_);
  if (q > p_) emit_text(p_, static_cast<size_t>(q - p_));
  p_ = q;
  if (at_eof()) {  // eof-in-cdata
    emit_eof();
    return;
  }
  ++p_;
  if (*q == ']') {
    state_ = State::kCdataSectionBracket;
  } else {
    emit(TokenKind::kNull);  // U+0000 is emitted as is; foreign content replaces it
  }
}

// 13.2.5.70 CDATA section bracket state
void Tokenizer::cdata_section_bracket_state() {
  if (!at_eof() && *p_ == ']') {
    ++p_;
    state_ = State::kCdataSectionEnd;
  } else {
    emit_text(p_ - 1, 1);
    state_ = State::kCdataSection;
  }
}

// 13.2.5.71 CDATA section end state
void Tokenizer::cdata_section_end_state() {
  while (!at_eof() && *p_ == ']') {
    emit_text(p_ - 2, 1);
    ++p_;
  }
  if (!at_eof() && *p_ == '>') {
    ++p_;
    state_ = State::kData;
    return;
  }
  emit_text(p_ - 2, 2);
  state_ = State::kCdataSection;
}

// 13.2.5.72 Character reference state, with 13.2.5.73 named character reference, 13.2.5.74
// ambiguous ampersand and 13.2.5.75-80 numeric character reference states.
void Tokenizer::consume_character_reference(Accumulator& out, bool in_attribute) {
  const char* amp = p_ - 1;
  if (at_eof() || !(is_alnum(*p_) || *p_ == '#')) {  // not a reference: '&' is itself
    out.append_input(amp, 1);
    return;
  }
  if (*p_ == '#') {
    // 13.2.5.75 Numeric character reference state
    const char* q = p_ + 1;
    bool hex = q != end_ && (*q == 'x' || *q == 'X');
    if (hex) ++q;
    const char* digits = q;
    uint32_t code = 0;
    // 13.2.5.78 Hexadecimal / 13.2.5.79 Decimal character reference states. The value is
    // clamped just past U+10FFFF so that long digit runs cannot overflow.
    for (; q != end_; ++q) {
      uint32_t d;
      char c = *q;
      if (cls(c) & kDigit)
        d = static_cast<uint32_t>(c - '0');
      else if (hex && (cls(c) & kHexLetter))
        d = static_cast<uint32_t>((c | 0x20) - 'a' + 10);
      else
        break;
      code = code * (hex ? 16 : 10) + d;
      if (code > 0x10FFFF) code = 0x110000;
    }
    if (q == digits) {  // absence-of-digits-in-numeric-character-reference: all of it is text
      out.append_input(amp, static_cast<size_t>(q - amp));
      p_ = q;
      return;
    }
    if (q != end_ && *q == ';') ++q;  // else missing-semicolon-after-character-reference
    p_ = q;
    // 13.2.5.80 Numeric character reference end state
    if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
      code = 0xFFFD;
    } else if (code >= 0x80 && code <= 0x9F) {
      code = windows1252_c1(code);
    }
    append_utf8(out, code);
    return;
  }
  // 13.2.5.73 Named character reference state: the longest name in the table that prefixes
  // the input wins ("&notin;" over "&not"; "&notit;" is "&not" then "it;").
  const char* q = p_;
  while (q != end_ && is_alnum(*q) && static_cast<size_t>(q - p_) < kMaxEntityNameLength) ++q;
  if (q != end_ && *q == ';' && static_cast<size_t>(q - p_) < kMaxEntityNameLength) ++q;
  for (size_t len = static_cast<size_t>(q - p_); len >= 2; --len) {
    std::string_view replacement = find_entity(std::string_view(p_, len));
    if (replacement.empty()) continue;
    const char* after = p_ + len;
    if (in_attribute && after[-1] != ';' && after != end_ && (*after == '=' || is_alnum(*after))) {
      // Historical: in attributes "&amp=" and "&ampx" stay as written.
      out.append_input(amp, static_cast<size_t>(after - amp));
    } else {
      out.append_copy(replacement);
    }
    p_ = after;
    return;
  }
  // 13.2.5.74 Ambiguous ampersand state: the '&' and the alphanumerics after it are text,
  // which the return state appends as it reads them.
  out.append_input(amp, 1);
}

}  // namespace pith::html5
