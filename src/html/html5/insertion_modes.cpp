// The insertion modes (WHATWG HTML 13.2.6.4.1 to 13.2.6.4.23) and the rules for foreign content
// (13.2.6.5), one member function each. A function returns true when the spec says "reprocess
// the token" (in whatever mode is current by then).
//
// Character tokens arrive as runs. Where the spec treats whitespace and other characters apart
// (before <html>, in a table, in a frameset...), a mode handles the leading run of whitespace
// and hands the rest back for reprocessing, which is what processing the characters one by one
// would do. kNull tokens are one U+0000 character each.
#include <algorithm>
#include <array>

#include "html/html5/tree_builder.h"

namespace pith::html5 {

namespace {

bool is_chars(const Token& t) { return t.kind == TokenKind::kCharacters || t.kind == TokenKind::kNull; }
bool is_start(const Token& t, Atom a) { return t.kind == TokenKind::kStartTag && t.atom == a; }
bool is_end(const Token& t, Atom a) { return t.kind == TokenKind::kEndTag && t.atom == a; }

template <class... A>
bool is_start_any(const Token& t, A... atoms) {
  return t.kind == TokenKind::kStartTag && ((t.atom == atoms) || ...);
}
template <class... A>
bool is_end_any(const Token& t, A... atoms) {
  return t.kind == TokenKind::kEndTag && ((t.atom == atoms) || ...);
}

bool is_ws(char c) { return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '; }

size_t ws_prefix(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && is_ws(s[i])) ++i;
  return i;
}

bool all_ws(std::string_view s) { return ws_prefix(s) == s.size(); }

// For character tokens: the leading whitespace, removed from t.
std::string_view take_ws(Token& t) {
  if (t.kind != TokenKind::kCharacters) return {};
  size_t n = ws_prefix(t.data);
  std::string_view ws = t.data.substr(0, n);
  t.data.remove_prefix(n);
  return ws;
}

bool iequals_ascii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

bool istarts_with_ascii(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals_ascii(s.substr(0, prefix.size()), prefix);
}

// 13.2.6.4.1: public identifiers whose prefix puts the document in quirks mode.
constexpr std::array<std::string_view, 55> kQuirksPublicPrefixes = {
    "+//Silmaril//dtd html Pro v0r11 19970101//",
    "-//AS//DTD HTML 3.0 asWedit + extensions//",
    "-//AdvaSoft Ltd//DTD HTML 3.0 asWedit + extensions//",
    "-//IETF//DTD HTML 2.0 Level 1//",
    "-//IETF//DTD HTML 2.0 Level 2//",
    "-//IETF//DTD HTML 2.0 Strict Level 1//",
    "-//IETF//DTD HTML 2.0 Strict Level 2//",
    "-//IETF//DTD HTML 2.0 Strict//",
    "-//IETF//DTD HTML 2.0//",
    "-//IETF//DTD HTML 2.1E//",
    "-//IETF//DTD HTML 3.0//",
    "-//IETF//DTD HTML 3.2 Final//",
    "-//IETF//DTD HTML 3.2//",
    "-//IETF//DTD HTML 3//",
    "-//IETF//DTD HTML Level 0//",
    "-//IETF//DTD HTML Level 1//",
    "-//IETF//DTD HTML Level 2//",
    "-//IETF//DTD HTML Level 3//",
    "-//IETF//DTD HTML Strict Level 0//",
    "-//IETF//DTD HTML Strict Level 1//",
    "-//IETF//DTD HTML Strict Level 2//",
    "-//IETF//DTD HTML Strict Level 3//",
    "-//IETF//DTD HTML Strict//",
    "-//IETF//DTD HTML//",
    "-//Metrius//DTD Metrius Presentational//",
    "-//Microsoft//DTD Internet Explorer 2.0 HTML Strict//",
    "-//Microsoft//DTD Internet Explorer 2.0 HTML//",
    "-//Microsoft//DTD Internet Explorer 2.0 Tables//",
    "-//Microsoft//DTD Internet Explorer 3.0 HTML Strict//",
    "-//Microsoft//DTD Internet Explorer 3.0 HTML//",
    "-//Microsoft//DTD Internet Explorer 3.0 Tables//",
    "-//Netscape Comm. Corp.//DTD HTML//",
    "-//Netscape Comm. Corp.//DTD Strict HTML//",
    "-//O'Reilly and Associates//DTD HTML 2.0//",
    "-//O'Reilly and Associates//DTD HTML Extended 1.0//",
    "-//O'Reilly and Associates//DTD HTML Extended Relaxed 1.0//",
    "-//SQ//DTD HTML 2.0 HoTMetaL + extensions//",
    "-//SoftQuad Software//DTD HoTMetaL PRO 6.0::19990601::extensions to HTML 4.0//",
    "-//SoftQuad//DTD HoTMetaL PRO 4.0::19971010::extensions to HTML 4.0//",
    "-//Spyglass//DTD HTML 2.0 Extended//",
    "-//Sun Microsystems Corp.//DTD HotJava HTML//",
    "-//Sun Microsystems Corp.//DTD HotJava Strict HTML//",
    "-//W3C//DTD HTML 3 1995-03-24//",
    "-//W3C//DTD HTML 3.2 Draft//",
    "-//W3C//DTD HTML 3.2 Final//",
    "-//W3C//DTD HTML 3.2//",
    "-//W3C//DTD HTML 3.2S Draft//",
    "-//W3C//DTD HTML 4.0 Frameset//",
    "-//W3C//DTD HTML 4.0 Transitional//",
    "-//W3C//DTD HTML Experimental 19960712//",
    "-//W3C//DTD HTML Experimental 970421//",
    "-//W3C//DTD W3 HTML//",
    "-//W3O//DTD W3 HTML 3.0//",
    "-//WebTechs//DTD Mozilla HTML 2.0//",
    "-//WebTechs//DTD Mozilla HTML//",
};

QuirksMode doctype_quirks(const Token& t) {
  std::string_view pub = t.public_id, sys = t.system_id;
  if (t.force_quirks || !t.has_name || t.data != "html") return QuirksMode::kQuirks;
  if (t.has_public_id) {
    if (iequals_ascii(pub, "-//W3O//DTD W3 HTML Strict 3.0//EN//") ||
        iequals_ascii(pub, "-/W3C/DTD HTML 4.0 Transitional/EN") || iequals_ascii(pub, "HTML"))
      return QuirksMode::kQuirks;
    for (std::string_view p : kQuirksPublicPrefixes)
      if (istarts_with_ascii(pub, p)) return QuirksMode::kQuirks;
  }
  if (t.has_system_id && iequals_ascii(sys, "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd"))
    return QuirksMode::kQuirks;
  bool html401 = t.has_public_id && (istarts_with_ascii(pub, "-//W3C//DTD HTML 4.01 Frameset//") ||
                                     istarts_with_ascii(pub, "-//W3C//DTD HTML 4.01 Transitional//"));
  if (html401 && !t.has_system_id) return QuirksMode::kQuirks;
  if (t.has_public_id && (istarts_with_ascii(pub, "-//W3C//DTD XHTML 1.0 Frameset//") ||
                          istarts_with_ascii(pub, "-//W3C//DTD XHTML 1.0 Transitional//")))
    return QuirksMode::kLimitedQuirks;
  if (html401) return QuirksMode::kLimitedQuirks;
  return QuirksMode::kNoQuirks;
}

}  // namespace

// 13.2.6.4.1 The "initial" insertion mode
bool TreeBuilder::initial_mode(Token& t) {
  if (t.kind == TokenKind::kCharacters) {
    take_ws(t);  // ignored
    if (t.data.empty()) return false;
  }
  if (t.kind == TokenKind::kComment) {
    insert_comment(t.data, {doc_->root(), kNoNode});
    return false;
  }
  if (t.kind == TokenKind::kDoctype) {
    insert_doctype(t);
    quirks_ = doctype_quirks(t);
    mode_ = Mode::kBeforeHtml;
    return false;
  }
  quirks_ = QuirksMode::kQuirks;  // missing DOCTYPE
  mode_ = Mode::kBeforeHtml;
  return true;
}

// 13.2.6.4.2 The "before html" insertion mode
bool TreeBuilder::before_html_mode(Token& t) {
  if (t.kind == TokenKind::kDoctype) return false;
  if (t.kind == TokenKind::kComment) {
    insert_comment(t.data, {doc_->root(), kNoNode});
    return false;
  }
  if (t.kind == TokenKind::kCharacters) {
    take_ws(t);
    if (t.data.empty()) return false;
  }
  if (is_start(t, atom::k_html)) {
    NodeId html = create_element(t, Namespace::kHtml);
    append_child(doc_->root(), html);
    push(html, atom::k_html, Namespace::kHtml, false);
    mode_ = Mode::kBeforeHead;
    return false;
  }
  if (t.kind == TokenKind::kEndTag && !is_end_any(t, atom::k_head, atom::k_body, atom::k_html, atom::k_br))
    return false;
  NodeId html = create_element(atom::k_html, "html", Namespace::kHtml);
  append_child(doc_->root(), html);
  push(html, atom::k_html, Namespace::kHtml, false);
  mode_ = Mode::kBeforeHead;
  return true;
}

// 13.2.6.4.3 The "before head" insertion mode
bool TreeBuilder::before_head_mode(Token& t) {
  if (t.kind == TokenKind::kCharacters) {
    take_ws(t);
    if (t.data.empty()) return false;
  }
  if (t.kind == TokenKind::kComment) {
    insert_comment(t.data);
    return false;
  }
  if (t.kind == TokenKind::kDoctype) return false;
  if (is_start(t, atom::k_html)) return in_body_mode(t);
  if (is_start(t, atom::k_head)) {
    head_ = insert_html_element(t);
    mode_ = Mode::kInHead;
    return false;
  }
  if (t.kind == TokenKind::kEndTag && !is_end_any(t, atom::k_head, atom::k_body, atom::k_html, atom::k_br))
    return false;
  head_ = insert_html_element(atom::k_head);
  mode_ = Mode::kInHead;
  return true;
}

// 13.2.6.4.4 The "in head" insertion mode
bool TreeBuilder::in_head_mode(Token& t) {
  if (t.kind == TokenKind::kCharacters) {
    insert_characters(take_ws(t));
    if (t.data.empty()) return false;
  }
  switch (t.kind) {
    case TokenKind::kComment: insert_comment(t.data); return false;
    case TokenKind::kDoctype: return false;
    case TokenKind::kStartTag:
      switch (t.atom) {
        case atom::k_html: return in_body_mode(t);
        case atom::k_base: case atom::k_basefont: case atom::k_bgsound: case atom::k_link: case atom::k_meta:
          insert_html_element(t);
          pop();
          return false;
        case atom::k_title: parse_raw_text(t, State::kRcdata); return false;
        case atom::k_noframes: case atom::k_style: parse_raw_text(t, State::kRawtext); return false;
        case atom::k_noscript:
          if (scripting_) {
            parse_raw_text(t, State::kRawtext);
            return false;
          }
          insert_html_element(t);
          mode_ = Mode::kInHeadNoscript;
          return false;
        case atom::k_script: {
          insert_html_element(t);
          tok_.set_state(State::kScriptData);
          original_mode_ = mode_;
          mode_ = Mode::kText;
          return false;
        }
        case atom::k_template:
          insert_html_element(t);
          ++report_.templates;
          push_marker();
          frameset_ok_ = false;
          mode_ = Mode::kInTemplate;
          template_modes_.push_back(Mode::kInTemplate);
          return false;
        case atom::k_head: return false;
        default: break;
      }
      break;
    case TokenKind::kEndTag:
      switch (t.atom) {
        case atom::k_head:
          pop();
          mode_ = Mode::kAfterHead;
          return false;
        case atom::k_body: case atom::k_html: case atom::k_br: break;
        case atom::k_template:
          if (!template_on_stack()) return false;
          generate_all_implied_end_tags_thoroughly();
          pop_until(atom::k_template);
          clear_formatting_to_marker();
          if (!template_modes_.empty()) template_modes_.pop_back();
          reset_insertion_mode();
          return false;
        default: return false;
      }
      break;
    default: break;
  }
  pop();  // the head
  mode_ = Mode::kAfterHead;
  return true;
}

// 13.2.6.4.5 The "in head noscript" insertion mode
bool TreeBuilder::in_head_noscript_mode(Token& t) {
  if (t.kind == TokenKind::kDoctype) return false;
  if (is_start(t, atom::k_html)) return in_body_mode(t);
  if (is_end(t, atom::k_noscript)) {
    pop();
    mode_ = Mode::kInHead;
    return false;
  }
  if (t.kind == TokenKind::kCharacters) {
    std::string_view ws = take_ws(t);
    if (!ws.empty()) {
      Token w = t;
      w.data = ws;
      in_head_mode(w);
    }
    if (t.data.empty()) return false;
  }
  if (t.kind == TokenKind::kComment ||
      is_start_any(t, atom::k_basefont, atom::k_bgsound, atom::k_link, atom::k_meta, atom::k_noframes, atom::k_style))
    return in_head_mode(t);
  if (is_start_any(t, atom::k_head, atom::k_noscript)) return false;
  if (t.kind == TokenKind::kEndTag && !is_end(t, atom::k_br)) return false;
  pop();  // the noscript
  mode_ = Mode::kInHead;
  return true;
}

// 13.2.6.4.6 The "after head" insertion mode
bool TreeBuilder::after_head_mode(Token& t) {
  if (t.kind == TokenKind::kCharacters) {
    insert_characters(take_ws(t));
    if (t.data.empty()) return false;
  }
  switch (t.kind) {
    case TokenKind::kComment: insert_comment(t.data); return false;
    case TokenKind::kDoctype: return false;
    case TokenKind::kStartTag:
      switch (t.atom) {
        case atom::k_html: return in_body_mode(t);
        case atom::k_body:
          insert_html_element(t);
          frameset_ok_ = false;
          mode_ = Mode::kInBody;
          return false;
        case atom::k_frameset:
          insert_html_element(t);
          mode_ = Mode::kInFrameset;
          return false;
        case atom::k_base: case atom::k_basefont: case atom::k_bgsound: case atom::k_link: case atom::k_meta:
        case atom::k_noframes: case atom::k_script: case atom::k_style: case atom::k_template:
        case atom::k_title: {
          // The head goes back on the stack for the element, then comes off wherever it is.
          push(head_, atom::k_head, Namespace::kHtml, false);
          bool again = in_head_mode(t);
          int i = stack_index(head_);
          if (i >= 0) remove_from_stack(static_cast<size_t>(i));
          return again;
        }
        case atom::k_head: return false;
        default: break;
      }
      break;
    case TokenKind::kEndTag:
      if (t.atom == atom::k_template) return in_head_mode(t);
      if (!(t.atom == atom::k_body || t.atom == atom::k_html || t.atom == atom::k_br)) return false;
      break;
    default: break;
  }
  insert_html_element(atom::k_body);
  mode_ = Mode::kInBody;
  return true;
}

// 13.2.6.4.7 The "in body" insertion mode
bool TreeBuilder::in_body_mode(Token& t) {
  switch (t.kind) {
    case TokenKind::kNull: return false;  // unexpected-null-character: ignored
    case TokenKind::kCharacters: in_body_characters(t.data); return false;
    case TokenKind::kComment: insert_comment(t.data); return false;
    case TokenKind::kDoctype: return false;
    case TokenKind::kStartTag: return in_body_start_tag(t);
    case TokenKind::kEndTag: return in_body_end_tag(t);
    case TokenKind::kEof:
      if (!template_modes_.empty()) return in_template_mode(t);
      stopped_ = true;
      return false;
  }
  return false;
}

void TreeBuilder::in_body_characters(std::string_view s) {
  if (s.empty()) return;
  reconstruct_formatting();
  insert_characters(s);
  if (frameset_ok_ && !all_ws(s)) frameset_ok_ = false;
}

bool TreeBuilder::in_body_start_tag(Token& t) {
  switch (t.atom) {
    case atom::k_html:
      if (!template_on_stack()) add_missing_attributes(open_[0].node, t);
      return false;
    case atom::k_base: case atom::k_basefont: case atom::k_bgsound: case atom::k_link: case atom::k_meta:
    case atom::k_noframes: case atom::k_script: case atom::k_style: case atom::k_template: case atom::k_title:
      return in_head_mode(t);
    case atom::k_body:
      if (open_.size() < 2 || !is_html(open_[1], atom::k_body) || template_on_stack()) return false;
      frameset_ok_ = false;
      add_missing_attributes(open_[1].node, t);
      return false;
    case atom::k_frameset:
      if (open_.size() < 2 || !is_html(open_[1], atom::k_body) || !frameset_ok_) return false;
      detach(open_[1].node);
      while (open_.size() > 1) pop();
      insert_html_element(t);
      mode_ = Mode::kInFrameset;
      return false;
    case atom::k_address: case atom::k_article: case atom::k_aside: case atom::k_blockquote: case atom::k_center:
    case atom::k_details: case atom::k_dialog: case atom::k_dir: case atom::k_div: case atom::k_dl:
    case atom::k_fieldset: case atom::k_figcaption: case atom::k_figure: case atom::k_footer: case atom::k_header:
    case atom::k_hgroup: case atom::k_main: case atom::k_menu: case atom::k_nav: case atom::k_ol: case atom::k_p:
    case atom::k_search: case atom::k_section: case atom::k_summary: case atom::k_ul:
      close_p_if_in_button_scope();
      insert_html_element(t);
      return false;
    case atom::k_h1: case atom::k_h2: case atom::k_h3: case atom::k_h4: case atom::k_h5: case atom::k_h6:
      close_p_if_in_button_scope();
      if (current().ns == Namespace::kHtml && current().atom >= atom::k_h1 && current().atom <= atom::k_h6) pop();
      insert_html_element(t);
      return false;
    case atom::k_pre: case atom::k_listing:
      close_p_if_in_button_scope();
      insert_html_element(t);
      skip_next_newline_ = true;
      frameset_ok_ = false;
      return false;
    case atom::k_form:
      if (form_ != kNoNode && !template_on_stack()) return false;
      close_p_if_in_button_scope();
      {
        NodeId form = insert_html_element(t);
        if (!template_on_stack()) form_ = form;
      }
      return false;
    case atom::k_li: case atom::k_dd: case atom::k_dt: {
      frameset_ok_ = false;
      for (size_t i = open_.size(); i-- > 0;) {
        const Open& node = open_[i];
        bool match = node.ns == Namespace::kHtml &&
                     (t.atom == atom::k_li ? node.atom == atom::k_li
                                           : (node.atom == atom::k_dd || node.atom == atom::k_dt));
        if (match) {
          Atom a = node.atom;
          generate_implied_end_tags(a);
          pop_until(a);
          break;
        }
        if (is_special(node) && !(node.ns == Namespace::kHtml && (node.atom == atom::k_address ||
                                                                  node.atom == atom::k_div || node.atom == atom::k_p)))
          break;
      }
      close_p_if_in_button_scope();
      insert_html_element(t);
      return false;
    }
    case atom::k_plaintext:
      close_p_if_in_button_scope();
      insert_html_element(t);
      tok_.set_state(State::kPlaintext);
      return false;
    case atom::k_button:
      if (in_scope(atom::k_button, Scope::kDefault)) {
        generate_implied_end_tags();
        pop_until(atom::k_button);
      }
      reconstruct_formatting();
      insert_html_element(t);
      frameset_ok_ = false;
      return false;
    case atom::k_a: {
      for (size_t i = afe_.size(); i-- > 0;) {
        if (afe_[i].node == kNoNode) break;
        if (afe_[i].atom == atom::k_a) {
          NodeId a = afe_[i].node;
          bool other = false;
          adoption_agency(t, &other);
          if (other) in_body_any_other_end_tag(t);
          int fi = formatting_index(a);
          if (fi >= 0) afe_.erase(afe_.begin() + fi);
          int si = stack_index(a);
          if (si >= 0) remove_from_stack(static_cast<size_t>(si));
          break;
        }
      }
      reconstruct_formatting();
      NodeId el = insert_html_element(t);
      push_formatting(el, t.atom);
      return false;
    }
    case atom::k_b: case atom::k_big: case atom::k_code: case atom::k_em: case atom::k_font: case atom::k_i:
    case atom::k_s: case atom::k_small: case atom::k_strike: case atom::k_strong: case atom::k_tt: case atom::k_u: {
      reconstruct_formatting();
      NodeId el = insert_html_element(t);
      push_formatting(el, t.atom);
      return false;
    }
    case atom::k_nobr: {
      reconstruct_formatting();
      if (in_scope(atom::k_nobr, Scope::kDefault)) {
        bool other = false;
        adoption_agency(t, &other);
        if (other) in_body_any_other_end_tag(t);
        reconstruct_formatting();
      }
      NodeId el = insert_html_element(t);
      push_formatting(el, t.atom);
      return false;
    }
    case atom::k_applet: case atom::k_marquee: case atom::k_object:
      reconstruct_formatting();
      insert_html_element(t);
      push_marker();
      frameset_ok_ = false;
      return false;
    case atom::k_table:
      if (quirks_ != QuirksMode::kQuirks) close_p_if_in_button_scope();
      insert_html_element(t);
      frameset_ok_ = false;
      mode_ = Mode::kInTable;
      return false;
    case atom::k_area: case atom::k_br: case atom::k_embed: case atom::k_img: case atom::k_keygen: case atom::k_wbr:
      reconstruct_formatting();
      insert_html_element(t);
      pop();
      frameset_ok_ = false;
      return false;
    case atom::k_input: {
      if (fragment_ && is_html(context_, atom::k_select)) return false;
      if (in_scope(atom::k_select, Scope::kDefault)) pop_until(atom::k_select);
      reconstruct_formatting();
      insert_html_element(t);
      pop();
      bool hidden = false;
      for (const TokenAttr& a : t.attrs)
        if (a.name == "type") {
          hidden = iequals_ascii(a.value, "hidden");
          break;
        }
      if (!hidden) frameset_ok_ = false;
      return false;
    }
    case atom::k_param: case atom::k_source: case atom::k_track:
      insert_html_element(t);
      pop();
      return false;
    case atom::k_hr:
      close_p_if_in_button_scope();
      if (in_scope(atom::k_select, Scope::kDefault)) generate_implied_end_tags();
      insert_html_element(t);
      pop();
      frameset_ok_ = false;
      return false;
    case atom::k_image:  // "Don't ask."
      t.atom = atom::k_img;
      t.data = "img";
      return true;
    case atom::k_textarea:
      insert_html_element(t);
      skip_next_newline_ = true;
      tok_.set_state(State::kRcdata);
      original_mode_ = mode_;
      frameset_ok_ = false;
      mode_ = Mode::kText;
      return false;
    case atom::k_xmp:
      close_p_if_in_button_scope();
      reconstruct_formatting();
      frameset_ok_ = false;
      parse_raw_text(t, State::kRawtext);
      return false;
    case atom::k_iframe:
      frameset_ok_ = false;
      parse_raw_text(t, State::kRawtext);
      return false;
    case atom::k_noembed: parse_raw_text(t, State::kRawtext); return false;
    case atom::k_noscript:
      if (!scripting_) break;
      parse_raw_text(t, State::kRawtext);
      return false;
    // <select> content is parsed by these rules (the "in select" modes are gone from the spec
    // since customizable <select>); a nested <select> or an <input> closes the open one.
    case atom::k_select:
      if (fragment_ && is_html(context_, atom::k_select)) return false;
      if (in_scope(atom::k_select, Scope::kDefault)) {
        pop_until(atom::k_select);
        return false;
      }
      reconstruct_formatting();
      insert_html_element(t);
      frameset_ok_ = false;
      return false;
    case atom::k_option:
      if (in_scope(atom::k_select, Scope::kDefault))
        generate_implied_end_tags(atom::k_optgroup);
      else if (current_is(atom::k_option))
        pop();
      reconstruct_formatting();
      insert_html_element(t);
      return false;
    case atom::k_optgroup:
      if (in_scope(atom::k_select, Scope::kDefault))
        generate_implied_end_tags();
      else if (current_is(atom::k_option))
        pop();
      reconstruct_formatting();
      insert_html_element(t);
      return false;
    case atom::k_rb: case atom::k_rtc:
      if (in_scope(atom::k_ruby, Scope::kDefault)) generate_implied_end_tags();
      insert_html_element(t);
      return false;
    case atom::k_rp: case atom::k_rt:
      if (in_scope(atom::k_ruby, Scope::kDefault)) generate_implied_end_tags(atom::k_rtc);
      insert_html_element(t);
      return false;
    case atom::k_math: case atom::k_svg:
      reconstruct_formatting();
      insert_foreign_element(t, t.atom == atom::k_math ? Namespace::kMathml : Namespace::kSvg);
      if (t.self_closing) pop();
      return false;
    case atom::k_caption: case atom::k_col: case atom::k_colgroup: case atom::k_frame: case atom::k_head:
    case atom::k_tbody: case atom::k_td: case atom::k_tfoot: case atom::k_th: case atom::k_thead: case atom::k_tr:
      return false;
    default: break;
  }
  // Any other start tag (noscript too, with scripting off).
  reconstruct_formatting();
  insert_html_element(t);
  return false;
}

bool TreeBuilder::in_body_end_tag(Token& t) {
  switch (t.atom) {
    case atom::k_template: return in_head_mode(t);
    case atom::k_body:
      if (!in_scope(atom::k_body, Scope::kDefault)) return false;
      mode_ = Mode::kAfterBody;
      return false;
    case atom::k_html:
      if (!in_scope(atom::k_body, Scope::kDefault)) return false;
      mode_ = Mode::kAfterBody;
      return true;
    case atom::k_address: case atom::k_article: case atom::k_aside: case atom::k_blockquote: case atom::k_button:
    case atom::k_center: case atom::k_details: case atom::k_dialog: case atom::k_dir: case atom::k_div:
    case atom::k_dl: case atom::k_fieldset: case atom::k_figcaption: case atom::k_figure: case atom::k_footer:
    case atom::k_header: case atom::k_hgroup: case atom::k_listing: case atom::k_main: case atom::k_menu:
    case atom::k_nav: case atom::k_ol: case atom::k_pre: case atom::k_search: case atom::k_section:
    case atom::k_summary: case atom::k_ul:
      if (!in_scope(t.atom, Scope::kDefault)) return false;
      generate_implied_end_tags();
      pop_until(t.atom);
      return false;
    case atom::k_form:
      if (!template_on_stack()) {
        NodeId node = form_;
        form_ = kNoNode;
        if (node == kNoNode || !node_in_scope(node)) return false;
        generate_implied_end_tags();
        int i = stack_index(node);
        if (i >= 0) remove_from_stack(static_cast<size_t>(i));
      } else {
        if (!in_scope(atom::k_form, Scope::kDefault)) return false;
        generate_implied_end_tags();
        pop_until(atom::k_form);
      }
      return false;
    case atom::k_p:
      if (!in_scope(atom::k_p, Scope::kButton)) insert_html_element(atom::k_p);
      close_p_element();
      return false;
    case atom::k_li:
      if (!in_scope(atom::k_li, Scope::kListItem)) return false;
      generate_implied_end_tags(atom::k_li);
      pop_until(atom::k_li);
      return false;
    case atom::k_dd: case atom::k_dt:
      if (!in_scope(t.atom, Scope::kDefault)) return false;
      generate_implied_end_tags(t.atom);
      pop_until(t.atom);
      return false;
    case atom::k_h1: case atom::k_h2: case atom::k_h3: case atom::k_h4: case atom::k_h5: case atom::k_h6:
      if (!heading_in_scope()) return false;
      generate_implied_end_tags();
      pop_until_one_of_headings();
      return false;
    case atom::k_a: case atom::k_b: case atom::k_big: case atom::k_code: case atom::k_em: case atom::k_font:
    case atom::k_i: case atom::k_nobr: case atom::k_s: case atom::k_small: case atom::k_strike:
    case atom::k_strong: case atom::k_tt: case atom::k_u: {
      bool other = false;
      adoption_agency(t, &other);
      if (other) in_body_any_other_end_tag(t);
      return false;
    }
    case atom::k_select:
      if (!in_scope(atom::k_select, Scope::kDefault)) return false;
      pop_until(atom::k_select);
      return false;
    case atom::k_applet: case atom::k_marquee: case atom::k_object:
      if (!in_scope(t.atom, Scope::kDefault)) return false;
      generate_implied_end_tags();
      pop_until(t.atom);
      clear_formatting_to_marker();
      return false;
    case atom::k_br: {
      // Treated as <br> without attributes.
      Token br = t;
      br.kind = TokenKind::kStartTag;
      br.attrs = {};
      br.self_closing = false;
      return in_body_start_tag(br);
    }
    default: in_body_any_other_end_tag(t); return false;
  }
}

// "Any other end tag" in body: close the nearest open element of that name unless a special
// element comes first.
void TreeBuilder::in_body_any_other_end_tag(const Token& t) {
  // Nothing of that name open (unknown names are counted together): ignored, without walking
  // the stack, which matters for deep stacks and many stray end tags.
  if (open_count_[t.atom] == 0) return;
  for (size_t i = open_.size(); i-- > 0;) {
    const Open& node = open_[i];
    bool same = node.ns == Namespace::kHtml &&
                (t.atom != atom::kUnknown ? node.atom == t.atom
                                          : node.atom == atom::kUnknown && element_name(node.node) == t.data);
    if (same) {
      generate_implied_end_tags(t.atom != atom::kUnknown ? t.atom : atom::kUnknown);
      // Implied end tags never pop an unknown element, so node is still at i or below.
      while (open_.size() > i) pop();
      return;
    }
    if (is_special(node)) return;
  }
}

// 13.2.6.4.8 The "text" insertion mode
bool TreeBuilder::text_mode(Token& t) {
  switch (t.kind) {
    case TokenKind::kCharacters: insert_characters(t.data); return false;
    case TokenKind::kNull: insert_characters(std::string_view("\0", 1)); return false;
    case TokenKind::kEof:
      pop();
      mode_ = original_mode_;
      return true;
    case TokenKind::kEndTag: {
      // "</noscript>" that ended raw text inside it (set_noscript_bounds_raw_text) closes the
      // <noscript> too: it is processed again in the mode the raw text returns to.
      const bool noscript_end = raw_text_in_noscript_ && is_end(t, atom::k_noscript);
      raw_text_in_noscript_ = false;
      pop();
      mode_ = original_mode_;
      return noscript_end;
    }
    default: return false;
  }
}

// 13.2.6.4.9 The "in table" insertion mode
bool TreeBuilder::in_table_mode(Token& t) {
  if (is_chars(t)) {
    const Open& c = current();
    if (c.ns == Namespace::kHtml &&
        (c.atom == atom::k_table || c.atom == atom::k_tbody || c.atom == atom::k_template ||
         c.atom == atom::k_tfoot || c.atom == atom::k_thead || c.atom == atom::k_tr)) {
      pending_table_text_.clear();
      pending_table_text_has_non_ws_ = false;
      original_mode_ = mode_;
      mode_ = Mode::kInTableText;
      return true;
    }
  } else if (t.kind == TokenKind::kComment) {
    insert_comment(t.data);
    return false;
  } else if (t.kind == TokenKind::kDoctype) {
    return false;
  } else if (t.kind == TokenKind::kStartTag) {
    switch (t.atom) {
      case atom::k_caption:
        clear_stack_back_to({atom::k_table, atom::k_template, atom::k_html});
        push_marker();
        insert_html_element(t);
        mode_ = Mode::kInCaption;
        return false;
      case atom::k_colgroup:
        clear_stack_back_to({atom::k_table, atom::k_template, atom::k_html});
        insert_html_element(t);
        mode_ = Mode::kInColumnGroup;
        return false;
      case atom::k_col:
        clear_stack_back_to({atom::k_table, atom::k_template, atom::k_html});
        insert_html_element(atom::k_colgroup);
        mode_ = Mode::kInColumnGroup;
        return true;
      case atom::k_tbody: case atom::k_tfoot: case atom::k_thead:
        clear_stack_back_to({atom::k_table, atom::k_template, atom::k_html});
        insert_html_element(t);
        mode_ = Mode::kInTableBody;
        return false;
      case atom::k_td: case atom::k_th: case atom::k_tr:
        clear_stack_back_to({atom::k_table, atom::k_template, atom::k_html});
        insert_html_element(atom::k_tbody);
        mode_ = Mode::kInTableBody;
        return true;
      case atom::k_table:
        if (!in_scope(atom::k_table, Scope::kTable)) return false;
        pop_until(atom::k_table);
        reset_insertion_mode();
        return true;
      case atom::k_style: case atom::k_script: case atom::k_template: return in_head_mode(t);
      case atom::k_input: {
        bool hidden = false;
        for (const TokenAttr& a : t.attrs)
          if (a.name == "type") {
            hidden = iequals_ascii(a.value, "hidden");
            break;
          }
        if (!hidden) break;
        insert_html_element(t);
        pop();
        return false;
      }
      case atom::k_form:
        if (template_on_stack() || form_ != kNoNode) return false;
        form_ = insert_html_element(t);
        pop();
        return false;
      default: break;
    }
  } else if (t.kind == TokenKind::kEndTag) {
    switch (t.atom) {
      case atom::k_table:
        if (!in_scope(atom::k_table, Scope::kTable)) return false;
        pop_until(atom::k_table);
        reset_insertion_mode();
        return false;
      case atom::k_body: case atom::k_caption: case atom::k_col: case atom::k_colgroup: case atom::k_html:
      case atom::k_tbody: case atom::k_td: case atom::k_tfoot: case atom::k_th: case atom::k_thead: case atom::k_tr:
        return false;
      case atom::k_template: return in_head_mode(t);
      default: break;
    }
  } else if (t.kind == TokenKind::kEof) {
    return in_body_mode(t);
  }
  // Anything else: in body, with foster parenting.
  foster_parenting_ = true;
  bool again = in_body_mode(t);
  foster_parenting_ = false;
  return again;
}

// 13.2.6.4.10 The "in table text" insertion mode
bool TreeBuilder::in_table_text_mode(Token& t) {
  if (t.kind == TokenKind::kNull) return false;
  if (t.kind == TokenKind::kCharacters) {
    pending_table_text_.append(t.data);
    if (!pending_table_text_has_non_ws_ && !all_ws(t.data)) pending_table_text_has_non_ws_ = true;
    return false;
  }
  if (pending_table_text_has_non_ws_) {
    // Misnested table text: "anything else" in table, character by character, which comes to
    // in-body processing with foster parenting.
    foster_parenting_ = true;
    in_body_characters(pending_table_text_);
    foster_parenting_ = false;
  } else {
    insert_characters(pending_table_text_);
  }
  pending_table_text_.clear();
  pending_table_text_has_non_ws_ = false;
  mode_ = original_mode_;
  return true;
}

// 13.2.6.4.11 The "in caption" insertion mode
bool TreeBuilder::in_caption_mode(Token& t) {
  bool end_caption = is_end(t, atom::k_caption);
  bool closes = is_start_any(t, atom::k_caption, atom::k_col, atom::k_colgroup, atom::k_tbody, atom::k_td,
                             atom::k_tfoot, atom::k_th, atom::k_thead, atom::k_tr) ||
                is_end(t, atom::k_table);
  if (end_caption || closes) {
    if (!in_scope(atom::k_caption, Scope::kTable)) return false;
    generate_implied_end_tags();
    pop_until(atom::k_caption);
    clear_formatting_to_marker();
    mode_ = Mode::kInTable;
    return closes;
  }
  if (is_end_any(t, atom::k_body, atom::k_col, atom::k_colgroup, atom::k_html, atom::k_tbody, atom::k_td,
                 atom::k_tfoot, atom::k_th, atom::k_thead, atom::k_tr))
    return false;
  return in_body_mode(t);
}

// 13.2.6.4.12 The "in column group" insertion mode
bool TreeBuilder::in_column_group_mode(Token& t) {
  if (t.kind == TokenKind::kCharacters) {
    insert_characters(take_ws(t));
    if (t.data.empty()) return false;
  }
  switch (t.kind) {
    case TokenKind::kComment: insert_comment(t.data); return false;
    case TokenKind::kDoctype: return false;
    case TokenKind::kStartTag:
      if (t.atom == atom::k_html) return in_body_mode(t);
      if (t.atom == atom::k_col) {
        insert_html_element(t);
        pop();
        return false;
      }
      if (t.atom == atom::k_template) return in_head_mode(t);
      break;
    case TokenKind::kEndTag:
      if (t.atom == atom::k_colgroup) {
        if (!current_is(atom::k_colgroup)) return false;
        pop();
        mode_ = Mode::kInTable;
        return false;
      }
      if (t.atom == atom::k_col) return false;
      if (t.atom == atom::k_template) return in_head_mode(t);
      break;
    case TokenKind::kEof: return in_body_mode(t);
    default: break;
  }
  if (!current_is(atom::k_colgroup)) {
    // Ignored; for a run of characters, up to the next whitespace (each ignored in turn).
    if (t.kind == TokenKind::kCharacters) {
      size_t i = 0;
      while (i < t.data.size() && !is_ws(t.data[i])) ++i;
      t.data.remove_prefix(i);
      return !t.data.empty();
    }
    return false;
  }
  pop();
  mode_ = Mode::kInTable;
  return true;
}

// 13.2.6.4.13 The "in table body" insertion mode
bool TreeBuilder::in_table_body_mode(Token& t) {
  if (is_start(t, atom::k_tr)) {
    clear_stack_back_to({atom::k_tbody, atom::k_tfoot, atom::k_thead, atom::k_template, atom::k_html});
    insert_html_element(t);
    mode_ = Mode::kInRow;
    return false;
  }
  if (is_start_any(t, atom::k_th, atom::k_td)) {
    clear_stack_back_to({atom::k_tbody, atom::k_tfoot, atom::k_thead, atom::k_template, atom::k_html});
    insert_html_element(atom::k_tr);
    mode_ = Mode::kInRow;
    return true;
  }
  if (is_end_any(t, atom::k_tbody, atom::k_tfoot, atom::k_thead)) {
    if (!in_scope(t.atom, Scope::kTable)) return false;
    clear_stack_back_to({atom::k_tbody, atom::k_tfoot, atom::k_thead, atom::k_template, atom::k_html});
    pop();
    mode_ = Mode::kInTable;
    return false;
  }
  if (is_start_any(t, atom::k_caption, atom::k_col, atom::k_colgroup, atom::k_tbody, atom::k_tfoot, atom::k_thead) ||
      is_end(t, atom::k_table)) {
    if (!in_scope(atom::k_tbody, Scope::kTable) && !in_scope(atom::k_thead, Scope::kTable) &&
        !in_scope(atom::k_tfoot, Scope::kTable))
      return false;
    clear_stack_back_to({atom::k_tbody, atom::k_tfoot, atom::k_thead, atom::k_template, atom::k_html});
    pop();
    mode_ = Mode::kInTable;
    return true;
  }
  if (is_end_any(t, atom::k_body, atom::k_caption, atom::k_col, atom::k_colgroup, atom::k_html, atom::k_td,
                 atom::k_th, atom::k_tr))
    return false;
  return in_table_mode(t);
}

// 13.2.6.4.14 The "in row" insertion mode
bool TreeBuilder::in_row_mode(Token& t) {
  if (is_start_any(t, atom::k_th, atom::k_td)) {
    clear_stack_back_to({atom::k_tr, atom::k_template, atom::k_html});
    insert_html_element(t);
    mode_ = Mode::kInCell;
    push_marker();
    return false;
  }
  bool end_tr = is_end(t, atom::k_tr);
  bool closes_row = is_start_any(t, atom::k_caption, atom::k_col, atom::k_colgroup, atom::k_tbody, atom::k_tfoot,
                                 atom::k_thead, atom::k_tr) ||
                    is_end(t, atom::k_table);
  if (is_end_any(t, atom::k_tbody, atom::k_tfoot, atom::k_thead)) {
    if (!in_scope(t.atom, Scope::kTable)) return false;
    closes_row = true;
  }
  if (end_tr || closes_row) {
    if (!in_scope(atom::k_tr, Scope::kTable)) return false;
    clear_stack_back_to({atom::k_tr, atom::k_template, atom::k_html});
    pop();  // the tr
    mode_ = Mode::kInTableBody;
    return closes_row;
  }
  if (is_end_any(t, atom::k_body, atom::k_caption, atom::k_col, atom::k_colgroup, atom::k_html, atom::k_td,
                 atom::k_th))
    return false;
  return in_table_mode(t);
}

// "Close the cell"
void TreeBuilder::close_cell() {
  generate_implied_end_tags();
  while (!open_.empty()) {
    bool cell = current_is(atom::k_td) || current_is(atom::k_th);
    pop();
    if (cell) break;
  }
  clear_formatting_to_marker();
  mode_ = Mode::kInRow;
}

// 13.2.6.4.15 The "in cell" insertion mode
bool TreeBuilder::in_cell_mode(Token& t) {
  if (is_end_any(t, atom::k_td, atom::k_th)) {
    if (!in_scope(t.atom, Scope::kTable)) return false;
    generate_implied_end_tags();
    pop_until(t.atom);
    clear_formatting_to_marker();
    mode_ = Mode::kInRow;
    return false;
  }
  if (is_start_any(t, atom::k_caption, atom::k_col, atom::k_colgroup, atom::k_tbody, atom::k_td, atom::k_tfoot,
                   atom::k_th, atom::k_thead, atom::k_tr)) {
    if (!in_scope(atom::k_td, Scope::kTable) && !in_scope(atom::k_th, Scope::kTable)) return false;
    close_cell();
    return true;
  }
  if (is_end_any(t, atom::k_body, atom::k_caption, atom::k_col, atom::k_colgroup, atom::k_html)) return false;
  if (is_end_any(t, atom::k_table, atom::k_tbody, atom::k_tfoot, atom::k_thead, atom::k_tr)) {
    if (!in_scope(t.atom, Scope::kTable)) return false;
    close_cell();
    return true;
  }
  return in_body_mode(t);
}

// 13.2.6.4.18 The "in template" insertion mode
bool TreeBuilder::in_template_mode(Token& t) {
  auto switch_template_mode = [&](Mode m) {
    if (!template_modes_.empty()) template_modes_.pop_back();
    template_modes_.push_back(m);
    mode_ = m;
    return true;
  };
  switch (t.kind) {
    case TokenKind::kCharacters: case TokenKind::kNull: case TokenKind::kComment: case TokenKind::kDoctype:
      return in_body_mode(t);
    case TokenKind::kStartTag:
      switch (t.atom) {
        case atom::k_base: case atom::k_basefont: case atom::k_bgsound: case atom::k_link: case atom::k_meta:
        case atom::k_noframes: case atom::k_script: case atom::k_style: case atom::k_template: case atom::k_title:
          return in_head_mode(t);
        case atom::k_caption: case atom::k_colgroup: case atom::k_tbody: case atom::k_tfoot: case atom::k_thead:
          return switch_template_mode(Mode::kInTable);
        case atom::k_col: return switch_template_mode(Mode::kInColumnGroup);
        case atom::k_tr: return switch_template_mode(Mode::kInTableBody);
        case atom::k_td: case atom::k_th: return switch_template_mode(Mode::kInRow);
        default: return switch_template_mode(Mode::kInBody);
      }
    case TokenKind::kEndTag:
      if (t.atom == atom::k_template) return in_head_mode(t);
      return false;
    case TokenKind::kEof:
      if (!template_on_stack()) {
        stopped_ = true;
        return false;
      }
      pop_until(atom::k_template);
      clear_formatting_to_marker();
      if (!template_modes_.empty()) template_modes_.pop_back();
      reset_insertion_mode();
      return true;
  }
  return false;
}

// 13.2.6.4.19 The "after body" insertion mode
bool TreeBuilder::after_body_mode(Token& t) {
  if (t.kind == TokenKind::kCharacters) {
    std::string_view ws = take_ws(t);
    if (!ws.empty()) in_body_characters(ws);
    if (t.data.empty()) return false;
  }
  switch (t.kind) {
    case TokenKind::kComment: insert_comment(t.data, {open_[0].node, kNoNode}); return false;
    case TokenKind::kDoctype: return false;
    case TokenKind::kStartTag:
      if (t.atom == atom::k_html) return in_body_mode(t);
      break;
    case TokenKind::kEndTag:
      if (t.atom == atom::k_html) {
        if (!fragment_) mode_ = Mode::kAfterAfterBody;
        return false;
      }
      break;
    case TokenKind::kEof: stopped_ = true; return false;
    default: break;
  }
  mode_ = Mode::kInBody;
  return true;
}

// 13.2.6.4.20 The "in frameset" insertion mode
bool TreeBuilder::in_frameset_mode(Token& t) {
  switch (t.kind) {
    case TokenKind::kCharacters: {
      // Whitespace is inserted; every other character is ignored.
      std::string_view s = t.data;
      while (!s.empty()) {
        size_t n = ws_prefix(s);
        insert_characters(s.substr(0, n));
        s.remove_prefix(n);
        size_t m = 0;
        while (m < s.size() && !is_ws(s[m])) ++m;
        s.remove_prefix(m);
      }
      return false;
    }
    case TokenKind::kComment: insert_comment(t.data); return false;
    case TokenKind::kStartTag:
      switch (t.atom) {
        case atom::k_html: return in_body_mode(t);
        case atom::k_frameset: insert_html_element(t); return false;
        case atom::k_frame:
          insert_html_element(t);
          pop();
          return false;
        case atom::k_noframes: return in_head_mode(t);
        default: return false;
      }
    case TokenKind::kEndTag:
      if (t.atom == atom::k_frameset) {
        if (open_.size() == 1) return false;  // the root html (fragment case)
        pop();
        if (!fragment_ && !current_is(atom::k_frameset)) mode_ = Mode::kAfterFrameset;
      }
      return false;
    case TokenKind::kEof: stopped_ = true; return false;
    default: return false;
  }
}

// 13.2.6.4.21 The "after frameset" insertion mode
bool TreeBuilder::after_frameset_mode(Token& t) {
  switch (t.kind) {
    case TokenKind::kCharacters: {
      std::string_view s = t.data;
      while (!s.empty()) {
        size_t n = ws_prefix(s);
        insert_characters(s.substr(0, n));
        s.remove_prefix(n);
        size_t m = 0;
        while (m < s.size() && !is_ws(s[m])) ++m;
        s.remove_prefix(m);
      }
      return false;
    }
    case TokenKind::kComment: insert_comment(t.data); return false;
    case TokenKind::kStartTag:
      if (t.atom == atom::k_html) return in_body_mode(t);
      if (t.atom == atom::k_noframes) return in_head_mode(t);
      return false;
    case TokenKind::kEndTag:
      if (t.atom == atom::k_html) mode_ = Mode::kAfterAfterFrameset;
      return false;
    case TokenKind::kEof: stopped_ = true; return false;
    default: return false;
  }
}

// 13.2.6.4.22 The "after after body" insertion mode
bool TreeBuilder::after_after_body_mode(Token& t) {
  if (t.kind == TokenKind::kComment) {
    insert_comment(t.data, {doc_->root(), kNoNode});
    return false;
  }
  if (t.kind == TokenKind::kCharacters) {
    std::string_view ws = take_ws(t);
    if (!ws.empty()) in_body_characters(ws);
    if (t.data.empty()) return false;
  }
  if (t.kind == TokenKind::kDoctype || is_start(t, atom::k_html)) return in_body_mode(t);
  if (t.kind == TokenKind::kEof) {
    stopped_ = true;
    return false;
  }
  mode_ = Mode::kInBody;
  return true;
}

// 13.2.6.4.23 The "after after frameset" insertion mode
bool TreeBuilder::after_after_frameset_mode(Token& t) {
  if (t.kind == TokenKind::kComment) {
    insert_comment(t.data, {doc_->root(), kNoNode});
    return false;
  }
  if (t.kind == TokenKind::kCharacters) {
    std::string_view s = t.data;
    while (!s.empty()) {
      size_t n = ws_prefix(s);
      if (n) in_body_characters(s.substr(0, n));
      s.remove_prefix(n);
      size_t m = 0;
      while (m < s.size() && !is_ws(s[m])) ++m;
      s.remove_prefix(m);
    }
    return false;
  }
  if (t.kind == TokenKind::kDoctype || is_start(t, atom::k_html)) return in_body_mode(t);
  if (t.kind == TokenKind::kEof) {
    stopped_ = true;
    return false;
  }
  if (is_start(t, atom::k_noframes)) return in_head_mode(t);
  return false;
}

// 13.2.6.5 The rules for parsing tokens in foreign content. Returns true when the token must be
// processed by the current insertion mode as HTML content.
bool TreeBuilder::foreign_content(Token& t) {
  switch (t.kind) {
    case TokenKind::kNull: insert_characters("\xEF\xBF\xBD"); return false;
    case TokenKind::kCharacters:
      insert_characters(t.data);
      if (frameset_ok_ && !all_ws(t.data)) frameset_ok_ = false;
      return false;
    case TokenKind::kComment: insert_comment(t.data); return false;
    case TokenKind::kDoctype: return false;
    case TokenKind::kStartTag: {
      bool breakout = false;
      switch (t.atom) {
        case atom::k_b: case atom::k_big: case atom::k_blockquote: case atom::k_body: case atom::k_br:
        case atom::k_center: case atom::k_code: case atom::k_dd: case atom::k_div: case atom::k_dl: case atom::k_dt:
        case atom::k_em: case atom::k_embed: case atom::k_h1: case atom::k_h2: case atom::k_h3: case atom::k_h4:
        case atom::k_h5: case atom::k_h6: case atom::k_head: case atom::k_hr: case atom::k_i: case atom::k_img:
        case atom::k_li: case atom::k_listing: case atom::k_menu: case atom::k_meta: case atom::k_nobr:
        case atom::k_ol: case atom::k_p: case atom::k_pre: case atom::k_ruby: case atom::k_s: case atom::k_small:
        case atom::k_span: case atom::k_strong: case atom::k_strike: case atom::k_sub: case atom::k_sup:
        case atom::k_table: case atom::k_tt: case atom::k_u: case atom::k_ul: case atom::k_var:
          breakout = true;
          break;
        case atom::k_font:
          for (const TokenAttr& a : t.attrs)
            if (a.name == "color" || a.name == "face" || a.name == "size") breakout = true;
          break;
        default: break;
      }
      if (breakout) {
        while (!open_.empty()) {
          const Open& c = current();
          if (c.ns == Namespace::kHtml || c.html_integration_point ||
              (c.ns == Namespace::kMathml && is_mathml_text_integration_point_atom(c.atom)))
            break;
          pop();
        }
        return true;
      }
      Namespace ns = adjusted_current().ns;
      insert_foreign_element(t, ns);
      if (t.self_closing) pop();  // including an SVG <script/>: there is no script to run
      return false;
    }
    case TokenKind::kEndTag: {
      if (t.atom == atom::k_br || t.atom == atom::k_p) {
        while (!open_.empty()) {
          const Open& c = current();
          if (c.ns == Namespace::kHtml || c.html_integration_point ||
              (c.ns == Namespace::kMathml && is_mathml_text_integration_point_atom(c.atom)))
            break;
          pop();
        }
        return true;
      }
      // Any other end tag (SVG </script> included): close the matching foreign element, or hand
      // the token to the insertion mode once an HTML element is reached.
      for (size_t i = open_.size(); i-- > 0;) {
        const Open& node = open_[i];
        if (i == 0) return false;
        bool same = t.atom != atom::kUnknown ? node.atom == t.atom : element_name(node.node) == t.data;
        if (same) {
          while (open_.size() > i) pop();
          return false;
        }
        if (open_[i - 1].ns == Namespace::kHtml) return true;
      }
      return false;
    }
    case TokenKind::kEof: return true;
  }
  return false;
}

}  // namespace pith::html5
