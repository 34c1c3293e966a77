// Tree construction infrastructure: creating and inserting nodes (13.2.6.1), the stack of open
// elements and its scopes (13.2.4.2), the list of active formatting elements (13.2.4.3), the
// adoption agency algorithm (13.2.6.4.7), resetting the insertion mode (13.2.4.1), the
// dispatcher (13.2.6) and the fragment case (13.4). The insertion modes are in
// insertion_modes.cpp.
#include "html/html5/tree_builder.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "html/html5/foreign.h"
#include "html/html5/scan.h"

namespace pith::html5 {

namespace {

static_assert(sizeof(Node) == 40, "Node grew: check memory_bytes budgets");

// Properties of HTML elements by atom.
enum : uint8_t {
  kSpecial = 1,        // 13.2.4.2 "special" category (without select since customizable <select>)
  kScopeBoundary = 2,  // "has an element in scope" stops here
  kImpliedEnd = 4,     // 13.2.6.3 generate implied end tags
  kImpliedEndAll = 8,  // ... thoroughly
};

std::array<uint8_t, kAtomCount> make_html_props() {
  std::array<uint8_t, kAtomCount> p{};
  for (Atom a : {atom::k_address, atom::k_applet, atom::k_area, atom::k_article, atom::k_aside, atom::k_base,
                 atom::k_basefont, atom::k_bgsound, atom::k_blockquote, atom::k_body, atom::k_br, atom::k_button,
                 atom::k_caption, atom::k_center, atom::k_col, atom::k_colgroup, atom::k_dd, atom::k_details,
                 atom::k_dir, atom::k_div, atom::k_dl, atom::k_dt, atom::k_embed, atom::k_fieldset,
                 atom::k_figcaption, atom::k_figure, atom::k_footer, atom::k_form, atom::k_frame, atom::k_frameset,
                 atom::k_h1, atom::k_h2, atom::k_h3, atom::k_h4, atom::k_h5, atom::k_h6, atom::k_head,
                 atom::k_header, atom::k_hgroup, atom::k_hr, atom::k_html, atom::k_iframe, atom::k_img,
                 atom::k_input, atom::k_keygen, atom::k_li, atom::k_link, atom::k_listing, atom::k_main,
                 atom::k_marquee, atom::k_menu, atom::k_meta, atom::k_nav, atom::k_noembed, atom::k_noframes,
                 atom::k_noscript, atom::k_object, atom::k_ol, atom::k_p, atom::k_param, atom::k_plaintext,
                 atom::k_pre, atom::k_script, atom::k_search, atom::k_section, atom::k_source,
                 atom::k_style, atom::k_summary, atom::k_table, atom::k_tbody, atom::k_td, atom::k_template,
                 atom::k_textarea, atom::k_tfoot, atom::k_th, atom::k_thead, atom::k_title, atom::k_tr,
                 atom::k_track, atom::k_ul, atom::k_wbr, atom::k_xmp})
    p[a] |= kSpecial;
  for (Atom a : {atom::k_applet, atom::k_caption, atom::k_html, atom::k_table, atom::k_td, atom::k_th,
                 atom::k_marquee, atom::k_object, atom::k_template})
    p[a] |= kScopeBoundary;
  for (Atom a : {atom::k_dd, atom::k_dt, atom::k_li, atom::k_optgroup, atom::k_option, atom::k_p, atom::k_rb,
                 atom::k_rp, atom::k_rt, atom::k_rtc})
    p[a] |= kImpliedEnd | kImpliedEndAll;
  for (Atom a : {atom::k_caption, atom::k_colgroup, atom::k_tbody, atom::k_td, atom::k_tfoot, atom::k_th,
                 atom::k_thead, atom::k_tr})
    p[a] |= kImpliedEndAll;
  return p;
}

const std::array<uint8_t, kAtomCount> kHtmlProps = make_html_props();

// Foreign elements that are special and scope boundaries: MathML mi mo mn ms mtext
// annotation-xml, SVG foreignObject desc title.
bool is_foreign_boundary(Namespace ns, Atom a) {
  if (ns == Namespace::kMathml) return is_mathml_text_integration_point_atom(a) || a == atom::k_annotation_xml;
  if (ns == Namespace::kSvg) return a == atom::k_foreignobject || a == atom::k_desc || a == atom::k_title;
  return false;
}

bool is_heading(Atom a) { return a >= atom::k_h1 && a <= atom::k_h6; }

}  // namespace

// ---------------------------------------------------------------------------------------------
// Entry points

void TreeBuilder::begin(std::string_view utf8, const ParseLimits& limits, Document& doc) {
  doc_ = &doc;
  doc.clear();
  limits_ = limits;
  if (limits_.max_depth < 1) limits_.max_depth = 1;
  report_ = ParseReport{};
  tok_.reset(utf8, limits.max_attrs);
  mode_ = original_mode_ = Mode::kInitial;
  template_modes_.clear();
  open_.clear();
  open_count_.assign(kAtomCount, 0);
  on_stack_.clear();
  afe_.clear();
  head_ = form_ = kNoNode;
  frameset_ok_ = true;
  foster_parenting_ = skip_next_newline_ = stopped_ = has_selectedcontent_ = raw_text_in_noscript_ = false;
  quirks_ = QuirksMode::kNoQuirks;
  ticks_ = 0;
  pending_table_text_.clear();
  pending_table_text_has_non_ws_ = false;
  fragment_ = false;
  context_ = Open{kNoNode, atom::kUnknown, Namespace::kHtml, false};
  text_room_.clear();
  // Sizes from the count of '<' (over the pages of ../shared/bench: nodes are 1.17x the '<' at
  // the median, 1.51x at the 99th percentile; attributes 0.82x and 1.67x), so that most pages
  // never regrow and DOM memory stays a small multiple of the input (see grow()).
  size_t lt = count_byte(utf8.data(), utf8.data() + utf8.size(), '<');
  size_t nodes = lt + lt / 4 + 64, attrs = lt + 16, chars = utf8.size() - utf8.size() / 4 + 64;
  if (doc.nodes_.capacity() < nodes) doc.nodes_.reserve(nodes);
  if (doc.attrs_.capacity() < attrs) doc.attrs_.reserve(attrs);
  if (doc.chars_.capacity() < chars) doc.chars_.reserve(chars);
}

// Growth by half again rather than std::vector's doubling: DOM memory is a budget.
void TreeBuilder::grow(size_t nodes, size_t attrs, size_t chars) {
  Document& d = *doc_;
  if (d.nodes_.size() + nodes > d.nodes_.capacity())
    d.nodes_.reserve(std::max(d.nodes_.size() + nodes, d.nodes_.capacity() + d.nodes_.capacity() / 2 + 64));
  if (d.attrs_.size() + attrs > d.attrs_.capacity())
    d.attrs_.reserve(std::max(d.attrs_.size() + attrs, d.attrs_.capacity() + d.attrs_.capacity() / 2 + 64));
  if (d.chars_.size() + chars > d.chars_.capacity())
    d.chars_.reserve(std::max(d.chars_.size() + chars, d.chars_.capacity() + d.chars_.capacity() / 2 + 64));
}

ParseReport TreeBuilder::parse(std::string_view utf8, const ParseLimits& limits, Document& doc) {
  begin(utf8, limits, doc);
  run();
  return finish();
}

ParseReport TreeBuilder::parse_fragment(std::string_view utf8, std::string_view context_name,
                                        Namespace context_ns, const ParseLimits& limits, Document& doc) {
  begin(utf8, limits, doc);
  fragment_ = true;
  Atom catom = atom_from_name(context_name);
  // 13.4 step 4: the tokenizer state follows the context element.
  if (context_ns == Namespace::kHtml) {
    switch (catom) {
      case atom::k_title: case atom::k_textarea: tok_.set_state(State::kRcdata); break;
      case atom::k_style: case atom::k_xmp: case atom::k_iframe: case atom::k_noembed: case atom::k_noframes:
        tok_.set_state(State::kRawtext);
        break;
      case atom::k_script: tok_.set_state(State::kScriptData); break;
      case atom::k_plaintext: tok_.set_state(State::kPlaintext); break;
      case atom::k_noscript:
        if (scripting_) tok_.set_state(State::kRawtext);
        break;
      default: break;
    }
  }
  NodeId context = create_element(catom, context_name, context_ns);
  context_ = Open{context, catom, context_ns, false};
  if (context_ns == Namespace::kSvg)
    context_.html_integration_point = catom == atom::k_foreignobject || catom == atom::k_desc || catom == atom::k_title;
  // 13.4 steps 5-7: an <html> root on the stack, template mode for a template context.
  NodeId root = create_element(atom::k_html, "html", Namespace::kHtml);
  append_child(doc.root(), root);
  push(root, atom::k_html, Namespace::kHtml, false);
  if (context_ns == Namespace::kHtml && catom == atom::k_template) template_modes_.push_back(Mode::kInTemplate);
  reset_insertion_mode();
  run();
  return finish();
}

void TreeBuilder::run() {
  while (!stopped_) {
    Token& t = tok_.next();
    if (skip_next_newline_) {
      skip_next_newline_ = false;
      if (t.kind == TokenKind::kCharacters && !t.data.empty() && t.data[0] == '\n') {
        t.data.remove_prefix(1);
        if (t.data.empty()) continue;
      }
    }
    dispatch(t);
    if (t.kind == TokenKind::kEof) break;
    update_tokenizer_flags();
    if (!budget_ok()) break;
  }
}

// "Maybe clone an option into selectedcontent" (HTML 4.10.10, customizable <select>): when the
// option being closed is its select's selected option, the select's first <selectedcontent>
// gets a copy of the option's content. Runs only once a <selectedcontent> exists.
void TreeBuilder::option_popped(NodeId option) {
  Document& d = *doc_;
  NodeId select = d.nodes_[option].parent;
  while (select != kNoNode && !(d.nodes_[select].kind == NodeKind::kElement &&
                                d.nodes_[select].ns == Namespace::kHtml && d.nodes_[select].tag == Tag::k_select))
    select = d.nodes_[select].parent;
  if (select == kNoNode || d.has_attr(select, "multiple")) return;
  NodeId selectedcontent = kNoNode, first_option = kNoNode, last_selected = kNoNode;
  for (NodeId n = d.nodes_[select].first_child; n != kNoNode; n = d.next_in_subtree(n, select)) {
    const Node& node = d.nodes_[n];
    if (node.kind != NodeKind::kElement || node.ns != Namespace::kHtml) continue;
    if (node.tag == Tag::k_option) {
      if (first_option == kNoNode && !d.has_attr(n, "disabled")) first_option = n;
      if (d.has_attr(n, "selected")) last_selected = n;
    } else if (selectedcontent == kNoNode && node.tag == Tag::kUnknown && d.name(n) == "selectedcontent") {
      selectedcontent = n;
    }
  }
  NodeId selected = last_selected != kNoNode ? last_selected : first_option;
  if (selectedcontent == kNoNode || selected != option) return;
  while (d.nodes_[selectedcontent].first_child != kNoNode) detach(d.nodes_[selectedcontent].first_child);
  for (NodeId c = d.nodes_[option].first_child; c != kNoNode; c = d.nodes_[c].next_sibling)
    append_child(selectedcontent, clone_subtree(c));
}

// A deep copy of node, detached; strings are shared with the original.
NodeId TreeBuilder::clone_subtree(NodeId node) {
  Document& d = *doc_;
  auto shallow = [&](NodeId src) {
    grow(1, 0, 0);
    if (d.nodes_[src].kind == NodeKind::kElement) return clone_element(src);
    Node n = d.nodes_[src];
    n.parent = n.first_child = n.last_child = n.next_sibling = n.prev_sibling = kNoNode;
    auto id = static_cast<NodeId>(d.nodes_.size());
    d.nodes_.push_back(n);
    return id;
  };
  NodeId root = shallow(node);
  std::vector<std::pair<NodeId, NodeId>> stack{{node, root}};  // (source, its copy)
  while (!stack.empty()) {
    auto [src, dst] = stack.back();
    stack.pop_back();
    for (NodeId c = d.nodes_[src].first_child; c != kNoNode; c = d.nodes_[c].next_sibling) {
      NodeId copy = shallow(c);
      append_child(dst, copy);
      stack.emplace_back(c, copy);
    }
  }
  return root;
}

ParseReport TreeBuilder::finish() {
  // "Stop parsing" pops every open element; only a popped option can still change the tree.
  if (has_selectedcontent_)
    while (!open_.empty()) pop();
  // Node::depth is set when a node is inserted; the adoption agency moves subtrees, so depths are
  // recomputed once here, in document order (parents before children), without recursion.
  Document& d = *doc_;
  for (NodeId n = d.nodes_[0].first_child; n != kNoNode; n = d.next_in_subtree(n, 0)) {
    uint16_t pd = d.nodes_[d.nodes_[n].parent].depth;
    d.nodes_[n].depth = static_cast<uint16_t>(pd < 0xFFFF ? pd + 1 : pd);
  }
  report_.nodes = d.size();
  return report_;
}

bool TreeBuilder::budget_ok() {
  if (doc_->size() >= limits_.max_nodes) {
    report_.node_budget_hit = true;
    return false;
  }
  if ((++ticks_ & 255) == 0 && std::chrono::steady_clock::now() > limits_.deadline) {
    report_.time_budget_hit = true;
    return false;
  }
  return true;
}

void TreeBuilder::update_tokenizer_flags() {
  tok_.set_cdata_allowed(!open_.empty() && adjusted_current().ns != Namespace::kHtml);
}

// 13.2.6 Tree construction: the dispatcher chooses between the insertion mode and the rules for
// foreign content, for every token and again for every reprocessing.
void TreeBuilder::dispatch(Token& t) {
  for (;;) {
    bool html_rules = true;
    if (!open_.empty()) {
      const Open& acn = adjusted_current();
      if (acn.ns != Namespace::kHtml) {
        bool chars = t.kind == TokenKind::kCharacters || t.kind == TokenKind::kNull;
        bool start = t.kind == TokenKind::kStartTag;
        html_rules =
            (acn.ns == Namespace::kMathml && is_mathml_text_integration_point_atom(acn.atom) &&
             ((start && t.atom != atom::k_mglyph && t.atom != atom::k_malignmark) || chars)) ||
            (acn.ns == Namespace::kMathml && acn.atom == atom::k_annotation_xml && start && t.atom == atom::k_svg) ||
            (acn.html_integration_point && (start || chars)) || t.kind == TokenKind::kEof;
      }
    }
    bool again;
    if (html_rules) {
      again = process_in(mode_, t);
    } else if (foreign_content(t)) {
      // "Process the token according to the rules for the current insertion mode in HTML content."
      again = process_in(mode_, t);
    } else {
      again = false;
    }
    if (!again) return;
  }
}

bool TreeBuilder::process_in(Mode m, Token& t) {
  switch (m) {
    case Mode::kInitial: return initial_mode(t);
    case Mode::kBeforeHtml: return before_html_mode(t);
    case Mode::kBeforeHead: return before_head_mode(t);
    case Mode::kInHead: return in_head_mode(t);
    case Mode::kInHeadNoscript: return in_head_noscript_mode(t);
    case Mode::kAfterHead: return after_head_mode(t);
    case Mode::kInBody: return in_body_mode(t);
    case Mode::kText: return text_mode(t);
    case Mode::kInTable: return in_table_mode(t);
    case Mode::kInTableText: return in_table_text_mode(t);
    case Mode::kInCaption: return in_caption_mode(t);
    case Mode::kInColumnGroup: return in_column_group_mode(t);
    case Mode::kInTableBody: return in_table_body_mode(t);
    case Mode::kInRow: return in_row_mode(t);
    case Mode::kInCell: return in_cell_mode(t);
    case Mode::kInTemplate: return in_template_mode(t);
    case Mode::kAfterBody: return after_body_mode(t);
    case Mode::kInFrameset: return in_frameset_mode(t);
    case Mode::kAfterFrameset: return after_frameset_mode(t);
    case Mode::kAfterAfterBody: return after_after_body_mode(t);
    case Mode::kAfterAfterFrameset: return after_after_frameset_mode(t);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// 13.2.6.1 Creating and inserting nodes

// "The appropriate place for inserting a node", with foster parenting.
TreeBuilder::Location TreeBuilder::appropriate_place(NodeId override_target) {
  NodeId target = override_target != kNoNode ? override_target : current_node();
  const Node& tn = doc_->nodes_[target];
  bool table_like = tn.ns == Namespace::kHtml && tn.kind == NodeKind::kElement &&
                    (tn.tag == Tag::k_table || tn.tag == Tag::k_tbody || tn.tag == Tag::k_tfoot ||
                     tn.tag == Tag::k_thead || tn.tag == Tag::k_tr);
  if (foster_parenting_ && table_like) {
    int last_template = -1, last_table = -1;
    for (int i = static_cast<int>(open_.size()) - 1; i >= 0; --i) {
      if (last_template < 0 && is_html(open_[i], atom::k_template)) last_template = i;
      if (last_table < 0 && is_html(open_[i], atom::k_table)) last_table = i;
      if (last_template >= 0 && last_table >= 0) break;
    }
    if (last_template >= 0 && (last_table < 0 || last_template > last_table))
      return {open_[last_template].node, kNoNode};  // inside its template contents
    if (last_table < 0) return {open_[0].node, kNoNode};  // fragment case
    NodeId table = open_[last_table].node;
    NodeId parent = doc_->nodes_[table].parent;
    if (parent != kNoNode) return {parent, table};
    return {open_[last_table - 1].node, kNoNode};
  }
  return {target, kNoNode};
}

NodeId TreeBuilder::create_element(Atom a, std::string_view name, Namespace ns) {
  grow(1, 0, name.size());
  Document& d = *doc_;
  Node n;
  n.kind = NodeKind::kElement;
  n.ns = ns;
  n.tag = atom_tag(a);
  if (n.tag == Tag::kUnknown) n.text = d.store(name);
  n.attr_begin = static_cast<uint32_t>(d.attrs_.size());
  auto id = static_cast<NodeId>(d.nodes_.size());
  d.nodes_.push_back(n);
  return id;
}

// "Create an element for a token": names are lower-case already (the tokenizer did it).
NodeId TreeBuilder::create_element(const Token& t, Namespace ns) {
  NodeId id = create_element(t.atom, t.data, ns);
  Document& d = *doc_;
  size_t count = std::min<size_t>(t.attrs.size(), limits_.max_attrs);
  if (count) {
    size_t bytes = 0;
    for (size_t i = 0; i < count; ++i) bytes += t.attrs[i].name.size() + t.attrs[i].value.size();
    grow(0, count, bytes);
  }
  for (size_t i = 0; i < count; ++i) {
    Attr a;
    a.name = d.store(t.attrs[i].name);
    a.value = d.store(t.attrs[i].value);
    d.attrs_.push_back(a);
  }
  d.nodes_[id].attr_count = static_cast<uint16_t>(count);
  return id;
}

// A new element "for the token for which the element was created": the DOM element carries the
// token's name and attributes, so it is copied (sharing the stored strings).
NodeId TreeBuilder::clone_element(NodeId original) {
  grow(1, doc_->nodes_[original].attr_count, 0);
  Document& d = *doc_;
  Node n = d.nodes_[original];
  n.parent = n.first_child = n.last_child = n.next_sibling = n.prev_sibling = kNoNode;
  n.depth = 0;  // detached; set when inserted
  n.attr_begin = static_cast<uint32_t>(d.attrs_.size());
  uint32_t begin = d.nodes_[original].attr_begin;
  for (uint16_t i = 0; i < n.attr_count; ++i) d.attrs_.push_back(d.attrs_[begin + i]);
  auto id = static_cast<NodeId>(d.nodes_.size());
  d.nodes_.push_back(n);
  return id;
}

void TreeBuilder::detach(NodeId node) {
  Document& d = *doc_;
  Node& n = d.nodes_[node];
  if (n.parent == kNoNode) return;
  Node& p = d.nodes_[n.parent];
  if (n.prev_sibling != kNoNode)
    d.nodes_[n.prev_sibling].next_sibling = n.next_sibling;
  else
    p.first_child = n.next_sibling;
  if (n.next_sibling != kNoNode)
    d.nodes_[n.next_sibling].prev_sibling = n.prev_sibling;
  else
    p.last_child = n.prev_sibling;
  n.parent = n.prev_sibling = n.next_sibling = kNoNode;
}

// The ancestor of parent that a node may be appended to without passing max_depth (browsers
// attach what is deeper at the cap).
NodeId TreeBuilder::cap_parent(NodeId parent) {
  Document& d = *doc_;
  report_.depth_capped = true;
  while (d.nodes_[parent].depth >= limits_.max_depth && d.nodes_[parent].parent != kNoNode)
    parent = d.nodes_[parent].parent;
  return parent;
}

// Links node into loc; nodes that would be deeper than max_depth go to the ancestor at the cap.
void TreeBuilder::insert_node(Location loc, NodeId node) {
  Document& d = *doc_;
  if (d.nodes_[loc.parent].depth >= limits_.max_depth) {
    NodeId capped = cap_parent(loc.parent);
    // The adoption agency moves nodes the spec expects at the depth the cap refused them; a
    // move that would put a node inside itself is skipped.
    for (NodeId a = capped; a != kNoNode; a = d.nodes_[a].parent)
      if (a == node) return;
    loc = {capped, kNoNode};
  }
  detach(node);
  Node& p = d.nodes_[loc.parent];
  Node& n = d.nodes_[node];
  n.parent = loc.parent;
  n.depth = static_cast<uint16_t>(p.depth < 0xFFFF ? p.depth + 1 : p.depth);
  if (loc.before == kNoNode) {
    n.prev_sibling = p.last_child;
    n.next_sibling = kNoNode;
    if (p.last_child != kNoNode)
      d.nodes_[p.last_child].next_sibling = node;
    else
      p.first_child = node;
    p.last_child = node;
  } else {
    Node& b = d.nodes_[loc.before];
    n.prev_sibling = b.prev_sibling;
    n.next_sibling = loc.before;
    if (b.prev_sibling != kNoNode)
      d.nodes_[b.prev_sibling].next_sibling = node;
    else
      p.first_child = node;
    b.prev_sibling = node;
  }
}

void TreeBuilder::append_child(NodeId parent, NodeId child) { insert_node({parent, kNoNode}, child); }

// "Insert an HTML element" for a token.
NodeId TreeBuilder::insert_html_element(const Token& t) {
  Location loc = appropriate_place();
  NodeId id = create_element(t, Namespace::kHtml);
  insert_node(loc, id);
  push(id, t.atom, Namespace::kHtml, false);
  return id;
}

NodeId TreeBuilder::insert_html_element(Atom a) {
  Location loc = appropriate_place();
  NodeId id = create_element(a, atom_name(a), Namespace::kHtml);
  insert_node(loc, id);
  push(id, a, Namespace::kHtml, false);
  return id;
}

// "Insert a foreign element" (attributes need no adjusting: the DOM keeps them lower-case and
// the adjusted names are derived from them when shown; see foreign.h).
NodeId TreeBuilder::insert_foreign_element(const Token& t, Namespace ns) {
  Location loc = appropriate_place();
  NodeId id = create_element(t, ns);
  insert_node(loc, id);
  bool integration_point = false;
  if (ns == Namespace::kSvg) {
    integration_point = t.atom == atom::k_foreignobject || t.atom == atom::k_desc || t.atom == atom::k_title;
  } else if (ns == Namespace::kMathml && t.atom == atom::k_annotation_xml) {
    integration_point = is_html_integration_point_token(t);
  }
  push(id, t.atom, ns, integration_point);
  return id;
}

// MathML annotation-xml is an HTML integration point when its encoding is text/html or
// application/xhtml+xml (ASCII case-insensitive).
bool TreeBuilder::is_html_integration_point_token(const Token& t) const {
  for (const TokenAttr& a : t.attrs) {
    if (a.name != "encoding") continue;
    std::string v;
    for (char c : a.value) v += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    return v == "text/html" || v == "application/xhtml+xml";
  }
  return false;
}

// "Insert a character" for a run of characters. Text next to a text node joins it.
void TreeBuilder::insert_characters(std::string_view s) {
  if (s.empty()) return;
  text_at(appropriate_place(), s);
}

void TreeBuilder::text_at(Location loc, std::string_view s) {
  grow(1, 0, s.size());
  Document& d = *doc_;
  if (d.nodes_[loc.parent].kind == NodeKind::kDocument) return;  // text cannot go there
  if (d.nodes_[loc.parent].depth >= limits_.max_depth) loc = {cap_parent(loc.parent), kNoNode};
  NodeId prev = loc.before == kNoNode ? d.nodes_[loc.parent].last_child : d.nodes_[loc.before].prev_sibling;
  if (prev != kNoNode && d.nodes_[prev].kind == NodeKind::kText) {
    Span& span = d.nodes_[prev].text;
    if (span.offset + span.length == d.chars_.size()) {  // the usual case: it is the newest text
      d.chars_.append(s);
      span.length += static_cast<uint32_t>(s.size());
      return;
    }
    // Text joining an older node (foster parenting, text after <html> attributes...): grow it
    // in room reserved after it, moving it to the end with as much room again when it is full,
    // so that many small joins stay linear.
    auto room = text_room_.find(prev);
    if (room != text_room_.end() && room->second >= s.size()) {
      std::memcpy(d.chars_.data() + span.offset + span.length, s.data(), s.size());
      span.length += static_cast<uint32_t>(s.size());
      room->second -= static_cast<uint32_t>(s.size());
      return;
    }
    size_t need = span.length + s.size();
    grow(0, 0, 2 * need);
    size_t off = d.chars_.size();
    d.chars_.resize(off + 2 * need);
    std::memcpy(d.chars_.data() + off, d.chars_.data() + span.offset, span.length);
    std::memcpy(d.chars_.data() + off + span.length, s.data(), s.size());
    span.offset = static_cast<uint32_t>(off);
    span.length = static_cast<uint32_t>(need);
    text_room_[prev] = static_cast<uint32_t>(need);
    return;
  }
  Node n;
  n.kind = NodeKind::kText;
  n.text = d.store(s);
  auto id = static_cast<NodeId>(d.nodes_.size());
  d.nodes_.push_back(n);
  insert_node(loc, id);
}

void TreeBuilder::insert_comment(std::string_view data, Location loc) {
  grow(1, 0, data.size());
  Document& d = *doc_;
  Node n;
  n.kind = NodeKind::kComment;
  n.text = d.store(data);
  auto id = static_cast<NodeId>(d.nodes_.size());
  d.nodes_.push_back(n);
  insert_node(loc, id);
}

void TreeBuilder::insert_comment(std::string_view data) { insert_comment(data, appropriate_place()); }

void TreeBuilder::insert_doctype(const Token& t) {
  Document& d = *doc_;
  Node n;
  n.kind = NodeKind::kDoctype;
  n.text = d.store(t.data);
  n.attr_begin = static_cast<uint32_t>(d.attrs_.size());
  auto add = [&](std::string_view name, std::string_view value) {
    if (value.empty()) return;
    d.attrs_.push_back(Attr{d.store(name), d.store(value)});
    ++n.attr_count;
  };
  add("publicid", t.public_id);
  add("systemid", t.system_id);
  auto id = static_cast<NodeId>(d.nodes_.size());
  d.nodes_.push_back(n);
  append_child(d.root(), id);
}

// <html> and <body> start tags in body: attributes the element lacks are added to it. The
// element's attributes move to the end of the attribute array so that they stay contiguous.
void TreeBuilder::add_missing_attributes(NodeId element, const Token& t) {
  Document& d = *doc_;
  for (const TokenAttr& ta : t.attrs) {
    if (d.has_attr(element, ta.name)) continue;
    Node& n = d.nodes_[element];
    if (n.attr_count >= limits_.max_attrs) return;
    if (n.attr_begin + n.attr_count != d.attrs_.size()) {
      uint32_t begin = static_cast<uint32_t>(d.attrs_.size());
      for (uint16_t i = 0; i < n.attr_count; ++i) d.attrs_.push_back(d.attrs_[n.attr_begin + i]);
      n.attr_begin = begin;
    }
    Attr a;
    a.name = d.store(ta.name);
    a.value = d.store(ta.value);
    d.attrs_.push_back(a);
    ++n.attr_count;
  }
}

// 13.2.6.2 The generic raw text and RCDATA element parsing algorithms.
void TreeBuilder::parse_raw_text(const Token& t, State state) {
  insert_html_element(t);
  tok_.set_state(state);
  raw_text_in_noscript_ = noscript_bounds_raw_text_ && !scripting_ && state == State::kRawtext &&
                          open_count_[atom::k_noscript] > 0;
  if (raw_text_in_noscript_) tok_.set_also_end_tag("noscript");
  original_mode_ = mode_;
  mode_ = Mode::kText;
}

// ---------------------------------------------------------------------------------------------
// 13.2.4.2 The stack of open elements

void TreeBuilder::push(NodeId node, Atom a, Namespace ns, bool integration_point) {
  if (a == atom::kUnknown && ns == Namespace::kHtml && !has_selectedcontent_ &&
      doc_->name(node) == "selectedcontent")
    has_selectedcontent_ = true;
  open_.push_back(Open{node, a, ns, integration_point});
  if (ns == Namespace::kHtml) ++open_count_[a];
  if (node >= on_stack_.size()) on_stack_.resize(std::max<size_t>(node + 1, doc_->nodes_.capacity()), 0);
  on_stack_[node] = 1;
}

void TreeBuilder::pop() {
  const Open& e = open_.back();
  if (e.ns == Namespace::kHtml) {
    --open_count_[e.atom];
    if (e.atom == atom::k_option && has_selectedcontent_) option_popped(e.node);
  }
  on_stack_[e.node] = 0;
  open_.pop_back();
}

void TreeBuilder::remove_from_stack(size_t index) {
  const Open& e = open_[index];
  if (e.ns == Namespace::kHtml) {
    --open_count_[e.atom];
    if (e.atom == atom::k_option && has_selectedcontent_) option_popped(e.node);
  }
  on_stack_[e.node] = 0;
  open_.erase(open_.begin() + static_cast<std::ptrdiff_t>(index));
}

void TreeBuilder::pop_until(Atom a) {
  if (open_count_[a] == 0) return;
  while (!open_.empty()) {
    bool hit = current_is(a);
    pop();
    if (hit) return;
  }
}

void TreeBuilder::pop_until_one_of_headings() {
  while (!open_.empty()) {
    bool hit = current().ns == Namespace::kHtml && is_heading(current().atom);
    pop();
    if (hit) return;
  }
}

const TreeBuilder::Open& TreeBuilder::adjusted_current() const {
  if (fragment_ && open_.size() == 1) return context_;
  return open_.back();
}

bool TreeBuilder::is_special(const Open& e) const {
  if (e.ns == Namespace::kHtml) return kHtmlProps[e.atom] & kSpecial;
  return is_foreign_boundary(e.ns, e.atom);
}

bool TreeBuilder::in_scope(Atom a, Scope scope) const {
  if (open_count_[a] == 0) return false;
  for (size_t i = open_.size(); i-- > 0;) {
    const Open& e = open_[i];
    if (e.ns == Namespace::kHtml) {
      if (e.atom == a) return true;
      switch (scope) {
        case Scope::kDefault:
          if (kHtmlProps[e.atom] & kScopeBoundary) return false;
          break;
        case Scope::kListItem:
          if ((kHtmlProps[e.atom] & kScopeBoundary) || e.atom == atom::k_ol || e.atom == atom::k_ul) return false;
          break;
        case Scope::kButton:
          if ((kHtmlProps[e.atom] & kScopeBoundary) || e.atom == atom::k_button) return false;
          break;
        case Scope::kTable:
          if (e.atom == atom::k_html || e.atom == atom::k_table || e.atom == atom::k_template) return false;
          break;
      }
    } else {
      if (scope != Scope::kTable && is_foreign_boundary(e.ns, e.atom)) return false;
    }
  }
  return false;
}

bool TreeBuilder::node_in_scope(NodeId node) const {
  for (size_t i = open_.size(); i-- > 0;) {
    const Open& e = open_[i];
    if (e.node == node) return true;
    if (e.ns == Namespace::kHtml ? (kHtmlProps[e.atom] & kScopeBoundary) : is_foreign_boundary(e.ns, e.atom))
      return false;
  }
  return false;
}

bool TreeBuilder::heading_in_scope() const {
  uint32_t open_headings = 0;
  for (Atom a = atom::k_h1; a <= atom::k_h6; ++a) open_headings += open_count_[a];
  if (open_headings == 0) return false;
  for (size_t i = open_.size(); i-- > 0;) {
    const Open& e = open_[i];
    if (e.ns == Namespace::kHtml && is_heading(e.atom)) return true;
    if (e.ns == Namespace::kHtml ? (kHtmlProps[e.atom] & kScopeBoundary) : is_foreign_boundary(e.ns, e.atom))
      return false;
  }
  return false;
}

int TreeBuilder::stack_index(NodeId node) const {
  for (size_t i = open_.size(); i-- > 0;)
    if (open_[i].node == node) return static_cast<int>(i);
  return -1;
}

// 13.2.6.3 Closing elements that have implied end tags
void TreeBuilder::generate_implied_end_tags(Atom except) {
  while (!open_.empty()) {
    const Open& e = open_.back();
    if (e.ns != Namespace::kHtml || !(kHtmlProps[e.atom] & kImpliedEnd) || e.atom == except) return;
    pop();
  }
}

void TreeBuilder::generate_all_implied_end_tags_thoroughly() {
  while (!open_.empty()) {
    const Open& e = open_.back();
    if (e.ns != Namespace::kHtml || !(kHtmlProps[e.atom] & kImpliedEndAll)) return;
    pop();
  }
}

// "Close a p element"
void TreeBuilder::close_p_element() {
  generate_implied_end_tags(atom::k_p);
  pop_until(atom::k_p);
}

// "Clear the stack back to a table / table body / table row context": pop until the current
// node is one of atoms (all HTML).
void TreeBuilder::clear_stack_back_to(std::initializer_list<Atom> atoms) {
  while (open_.size() > 1) {
    const Open& e = open_.back();
    if (e.ns == Namespace::kHtml && std::find(atoms.begin(), atoms.end(), e.atom) != atoms.end()) return;
    pop();
  }
}

// 13.2.4.1 "Reset the insertion mode appropriately"
void TreeBuilder::reset_insertion_mode() {
  for (size_t i = open_.size(); i-- > 0;) {
    bool last = i == 0;
    Open node = open_[i];
    if (last && fragment_) node = context_;
    if (node.ns == Namespace::kHtml) {
      switch (node.atom) {
        case atom::k_td: case atom::k_th:
          if (!last) {
            mode_ = Mode::kInCell;
            return;
          }
          break;
        case atom::k_tr: mode_ = Mode::kInRow; return;
        case atom::k_tbody: case atom::k_thead: case atom::k_tfoot: mode_ = Mode::kInTableBody; return;
        case atom::k_caption: mode_ = Mode::kInCaption; return;
        case atom::k_colgroup: mode_ = Mode::kInColumnGroup; return;
        case atom::k_table: mode_ = Mode::kInTable; return;
        case atom::k_template: mode_ = template_modes_.empty() ? Mode::kInBody : template_modes_.back(); return;
        case atom::k_head:
          if (!last) {
            mode_ = Mode::kInHead;
            return;
          }
          break;
        case atom::k_body: mode_ = Mode::kInBody; return;
        case atom::k_frameset: mode_ = Mode::kInFrameset; return;
        case atom::k_html: mode_ = head_ == kNoNode ? Mode::kBeforeHead : Mode::kAfterHead; return;
        default: break;
      }
    }
    if (last) {
      mode_ = Mode::kInBody;
      return;
    }
  }
  mode_ = Mode::kInBody;
}

// ---------------------------------------------------------------------------------------------
// 13.2.4.3 The list of active formatting elements

int TreeBuilder::formatting_index(NodeId node) const {
  for (size_t i = afe_.size(); i-- > 0;)
    if (afe_[i].node == node) return static_cast<int>(i);
  return -1;
}

bool TreeBuilder::same_attributes(NodeId a, NodeId b) const {
  const Document& d = *doc_;
  if (d.nodes_[a].attr_count != d.nodes_[b].attr_count) return false;
  for (const Attr* x = d.attrs_begin(a); x != d.attrs_end(a); ++x) {
    bool found = false;
    for (const Attr* y = d.attrs_begin(b); y != d.attrs_end(b) && !found; ++y)
      found = d.str(x->name) == d.str(y->name) && d.str(x->value) == d.str(y->value);
    if (!found) return false;
  }
  return true;
}

// "Push onto the list of active formatting elements", with the Noah's Ark clause: at most three
// entries with the same name and attributes after the last marker.
void TreeBuilder::push_formatting(NodeId node, Atom a) {
  int same = 0;
  int earliest = -1;
  for (size_t i = afe_.size(); i-- > 0;) {
    const Formatting& f = afe_[i];
    if (f.node == kNoNode) break;
    if (f.atom != a || doc_->nodes_[f.node].ns != Namespace::kHtml) continue;
    if (a == atom::kUnknown && doc_->name(f.node) != doc_->name(node)) continue;
    if (!same_attributes(f.node, node)) continue;
    ++same;
    earliest = static_cast<int>(i);
  }
  if (same >= 3) afe_.erase(afe_.begin() + earliest);
  afe_.push_back({node, a});
}

// "Reconstruct the active formatting elements"
void TreeBuilder::reconstruct_formatting() {
  if (afe_.empty()) return;
  size_t i = afe_.size() - 1;
  if (afe_[i].node == kNoNode || on_stack(afe_[i].node)) return;
  // Rewind to the entry after the last one that is a marker or open.
  while (i > 0 && afe_[i - 1].node != kNoNode && !on_stack(afe_[i - 1].node)) --i;
  // Advance and create.
  for (; i < afe_.size(); ++i) {
    NodeId clone = clone_element(afe_[i].node);
    insert_node(appropriate_place(), clone);
    push(clone, afe_[i].atom, Namespace::kHtml, false);
    afe_[i].node = clone;
  }
}

// "Clear the list of active formatting elements up to the last marker"
void TreeBuilder::clear_formatting_to_marker() {
  while (!afe_.empty()) {
    bool marker = afe_.back().node == kNoNode;
    afe_.pop_back();
    if (marker) return;
  }
}

// 13.2.6.4.7 The adoption agency algorithm, for an end tag (or a start tag of a or nobr) whose
// name is the subject.
void TreeBuilder::adoption_agency(const Token& t, bool* act_as_any_other_end_tag) {
  *act_as_any_other_end_tag = false;
  Atom subject = t.atom;
  // Step 2: the current node is the subject and not a formatting element: just pop it.
  if (current_is(subject) && formatting_index(current_node()) < 0) {
    pop();
    return;
  }
  for (int outer = 0; outer < 8; ++outer) {
    // Step 4.3: the last formatting element with that name after the last marker.
    int fi = -1;
    for (size_t i = afe_.size(); i-- > 0;) {
      if (afe_[i].node == kNoNode) break;
      if (afe_[i].atom == subject) {
        fi = static_cast<int>(i);
        break;
      }
    }
    if (fi < 0) {
      *act_as_any_other_end_tag = true;
      return;
    }
    NodeId formatting = afe_[fi].node;
    int si = on_stack(formatting) ? stack_index(formatting) : -1;
    if (si < 0) {  // not open: forget it
      afe_.erase(afe_.begin() + fi);
      return;
    }
    if (!node_in_scope(formatting)) return;
    // Step 4.7: the furthest block is the first special element below it on the stack.
    int fb = -1;
    for (size_t i = static_cast<size_t>(si) + 1; i < open_.size(); ++i) {
      if (is_special(open_[i])) {
        fb = static_cast<int>(i);
        break;
      }
    }
    if (fb < 0) {
      while (open_.size() > static_cast<size_t>(si)) pop();
      afe_.erase(afe_.begin() + fi);
      return;
    }
    NodeId furthest_block = open_[fb].node;
    NodeId common_ancestor = open_[si - 1].node;
    int bookmark = fi;  // entries are positions in afe_
    NodeId node = furthest_block, last_node = furthest_block;
    int node_index = fb;
    for (int inner = 1;; ++inner) {
      // Step 4.13.2: the element above node on the stack (node may have been removed).
      --node_index;
      node = open_[node_index].node;
      if (node == formatting) break;
      int ni = formatting_index(node);
      if (inner > 3 && ni >= 0) {
        afe_.erase(afe_.begin() + ni);
        if (ni < bookmark) --bookmark;
        ni = -1;
      }
      if (ni < 0) {
        remove_from_stack(static_cast<size_t>(node_index));
        continue;
      }
      NodeId clone = clone_element(node);
      afe_[ni].node = clone;
      open_[node_index].node = clone;
      on_stack_[node] = 0;
      if (clone >= on_stack_.size()) on_stack_.resize(clone + 1, 0);
      on_stack_[clone] = 1;
      node = clone;
      if (last_node == furthest_block) bookmark = ni + 1;
      append_child(node, last_node);
      last_node = node;
    }
    // Step 4.14: last node goes where the common ancestor would take a child (foster parenting
    // included).
    Location loc = appropriate_place(common_ancestor);
    if (loc.before == last_node) loc.before = doc_->nodes_[last_node].next_sibling;
    insert_node(loc, last_node);
    // Steps 4.15-4.17: a copy of the formatting element takes the furthest block's children.
    NodeId copy = clone_element(formatting);
    Document& d = *doc_;
    while (d.nodes_[furthest_block].first_child != kNoNode) append_child(copy, d.nodes_[furthest_block].first_child);
    append_child(furthest_block, copy);
    // Step 4.18: the copy replaces the formatting element in the list, at the bookmark.
    Atom fatom = subject;
    afe_.insert(afe_.begin() + bookmark, Formatting{copy, fatom});
    int old = formatting_index(formatting);
    afe_.erase(afe_.begin() + old);
    // Step 4.19: and on the stack, just below the furthest block.
    si = stack_index(formatting);
    remove_from_stack(static_cast<size_t>(si));
    int fbi = stack_index(furthest_block);
    open_.insert(open_.begin() + fbi + 1, Open{copy, fatom, Namespace::kHtml, false});
    ++open_count_[fatom];
    if (copy >= on_stack_.size()) on_stack_.resize(copy + 1, 0);
    on_stack_[copy] = 1;
  }
}

}  // namespace pith::html5
