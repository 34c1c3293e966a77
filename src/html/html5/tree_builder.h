// The HTML5 tree builder (WHATWG HTML, 13.2.6 "Tree construction"): every insertion mode (one
// member function each, in insertion_modes.cpp), the stack of open elements, the list of active
// formatting elements, the adoption agency algorithm, foster parenting, foreign (SVG/MathML)
// content and <template>. It builds the pith DOM directly; scripting is off, so <noscript> is
// parsed as markup.
//
// Budgets follow DomBuilder: nodes deeper than ParseLimits::max_depth are attached at that depth,
// parsing stops at max_nodes or at the deadline (the DOM built so far is kept), and attributes
// past max_attrs on one tag are dropped. Nothing recurses on the input's nesting.
//
// DOM conventions (see html/dom.h): element and attribute names are stored lower-case in every
// namespace (the SVG camel-case names are a display matter: see tree_dump.h); <template> content
// is the template element's children; the DOCTYPE is a kDoctype node.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "html/dom.h"
#include "html/html5/names.h"
#include "html/html5/tokenizer.h"
#include "html/parser.h"

namespace pith::html5 {

enum class QuirksMode : uint8_t { kNoQuirks, kLimitedQuirks, kQuirks };

class TreeBuilder {
 public:
  // Parses a whole document into doc (cleared first).
  ParseReport parse(std::string_view utf8, const ParseLimits& limits, Document& doc);
  // The HTML fragment parsing algorithm (13.4) with a context element given by its lower-case
  // local name and namespace. The fragment's nodes are the children of doc's <html> element
  // (node 1); the context element itself is a detached node.
  ParseReport parse_fragment(std::string_view utf8, std::string_view context_name, Namespace context_ns,
                             const ParseLimits& limits, Document& doc);
  QuirksMode quirks_mode() const { return quirks_; }
  // The scripting flag (off by default, as pith runs no scripts: <noscript> content is markup).
  // On, <noscript> content is raw text, as in a browser with scripts enabled.
  void set_scripting(bool on) { scripting_ = on; }
  // pith's recovery, not the spec's: with scripting off, raw text that starts inside a
  // <noscript> (an <iframe>, <noembed>, <noframes> or <xmp>) ends at "</noscript>" too, which
  // then closes the <noscript>. A page that writes "<noscript><iframe ... /></noscript>" never
  // closes the <iframe>, and the spec's scripting-off parse reads the rest of the page as its
  // text; a browser, with scripting on, reads no further than "</noscript>". Off by default (the
  // conformance tests); pith's parser turns it on.
  void set_noscript_bounds_raw_text(bool on) { noscript_bounds_raw_text_ = on; }

 private:
  enum class Mode : uint8_t {
    kInitial,
    kBeforeHtml,
    kBeforeHead,
    kInHead,
    kInHeadNoscript,
    kAfterHead,
    kInBody,
    kText,
    kInTable,
    kInTableText,
    kInCaption,
    kInColumnGroup,
    kInTableBody,
    kInRow,
    kInCell,
    kInTemplate,
    kAfterBody,
    kInFrameset,
    kAfterFrameset,
    kAfterAfterBody,
    kAfterAfterFrameset,
  };
  // One entry of the stack of open elements.
  struct Open {
    NodeId node;
    Atom atom;
    Namespace ns;
    bool html_integration_point;  // MathML annotation-xml with an HTML encoding, SVG foreignObject/desc/title
  };
  // One entry of the list of active formatting elements; node == kNoNode is a marker.
  struct Formatting {
    NodeId node;
    Atom atom;
  };
  // Where a node goes: inside parent, before `before` (kNoNode: at the end).
  struct Location {
    NodeId parent;
    NodeId before;
  };

  void begin(std::string_view utf8, const ParseLimits& limits, Document& doc);
  void run();
  ParseReport finish();
  // 13.2.6 Tree construction dispatcher.
  void dispatch(Token& t);
  // Processes t in the current insertion mode until no rule asks to reprocess it.
  void process(Token& t);
  bool process_in(Mode m, Token& t);  // true: reprocess in mode_

  // Insertion modes, 13.2.6.4.1 to 13.2.6.4.23. Each returns true to reprocess the token. "In
  // select" and "in select in table" are no longer in the spec (customizable <select>, 2025).
  bool initial_mode(Token& t);
  bool before_html_mode(Token& t);
  bool before_head_mode(Token& t);
  bool in_head_mode(Token& t);
  bool in_head_noscript_mode(Token& t);
  bool after_head_mode(Token& t);
  bool in_body_mode(Token& t);
  bool text_mode(Token& t);
  bool in_table_mode(Token& t);
  bool in_table_text_mode(Token& t);
  bool in_caption_mode(Token& t);
  bool in_column_group_mode(Token& t);
  bool in_table_body_mode(Token& t);
  bool in_row_mode(Token& t);
  bool in_cell_mode(Token& t);
  bool in_template_mode(Token& t);
  bool after_body_mode(Token& t);
  bool in_frameset_mode(Token& t);
  bool after_frameset_mode(Token& t);
  bool after_after_body_mode(Token& t);
  bool after_after_frameset_mode(Token& t);
  // 13.2.6.5 The rules for parsing tokens in foreign content.
  bool foreign_content(Token& t);

  // Pieces of "in body" shared with other modes.
  bool in_body_start_tag(Token& t);
  bool in_body_end_tag(Token& t);
  void in_body_characters(std::string_view s);
  void in_body_any_other_end_tag(const Token& t);
  void adoption_agency(const Token& t, bool* act_as_any_other_end_tag);

  // 13.2.6.1 Creating and inserting nodes.
  Location appropriate_place(NodeId override_target = kNoNode);
  NodeId create_element(const Token& t, Namespace ns);
  NodeId create_element(Atom atom, std::string_view name, Namespace ns);
  NodeId clone_element(NodeId original);
  void insert_node(Location loc, NodeId node);
  NodeId cap_parent(NodeId parent);
  NodeId insert_html_element(const Token& t);
  NodeId insert_html_element(Atom atom);  // for a token the parser makes up ("insert a head")
  NodeId insert_foreign_element(const Token& t, Namespace ns);
  void insert_characters(std::string_view s);
  void insert_comment(std::string_view data, Location loc);
  void insert_comment(std::string_view data);
  void insert_doctype(const Token& t);
  void add_missing_attributes(NodeId element, const Token& t);
  void append_child(NodeId parent, NodeId child);
  void detach(NodeId node);
  void text_at(Location loc, std::string_view s);
  // 13.2.6.2 Parsing elements that contain only text.
  void parse_raw_text(const Token& t, State state);

  // 13.2.4.2 The stack of open elements.
  void push(NodeId node, Atom atom, Namespace ns, bool integration_point);
  void pop();
  void pop_until(Atom atom);  // pops up to and including the last HTML element of that atom
  void pop_until_one_of_headings();
  void remove_from_stack(size_t index);
  NodeId current_node() const { return open_.back().node; }
  const Open& current() const { return open_.back(); }
  const Open& adjusted_current() const;
  bool current_is(Atom a) const { return open_.back().ns == Namespace::kHtml && open_.back().atom == a; }
  bool is_html(const Open& e, Atom a) const { return e.ns == Namespace::kHtml && e.atom == a; }
  bool is_special(const Open& e) const;
  enum class Scope : uint8_t { kDefault, kListItem, kButton, kTable };
  bool in_scope(Atom a, Scope scope) const;
  bool node_in_scope(NodeId node) const;
  bool heading_in_scope() const;
  bool template_on_stack() const { return open_count_[atom::k_template] > 0; }
  int stack_index(NodeId node) const;  // -1 when not on the stack
  bool on_stack(NodeId node) const { return node < on_stack_.size() && on_stack_[node]; }
  // 13.2.6.3 Closing elements that have implied end tags.
  void generate_implied_end_tags(Atom except = atom::kUnknown);
  void generate_all_implied_end_tags_thoroughly();
  void close_p_element();
  void close_p_if_in_button_scope() {
    if (in_scope(atom::k_p, Scope::kButton)) close_p_element();
  }
  void clear_stack_back_to(std::initializer_list<Atom> atoms);
  // 13.2.4.1 The insertion mode.
  void reset_insertion_mode();

  // 13.2.4.3 The list of active formatting elements.
  void push_formatting(NodeId node, Atom atom);
  void push_marker() { afe_.push_back({kNoNode, atom::kUnknown}); }
  void reconstruct_formatting();
  void clear_formatting_to_marker();
  int formatting_index(NodeId node) const;
  bool same_attributes(NodeId a, NodeId b) const;

  // Customizable <select>: "maybe clone an option into selectedcontent" when an option is popped.
  void option_popped(NodeId option);
  NodeId clone_subtree(NodeId node);
  bool is_html_integration_point_token(const Token& t) const;
  void close_cell();
  bool budget_ok();
  void grow(size_t nodes, size_t attrs, size_t chars);
  void update_tokenizer_flags();
  std::string_view element_name(NodeId node) const { return doc_->name(node); }

  Document* doc_ = nullptr;
  ParseLimits limits_;
  ParseReport report_;
  Tokenizer tok_;
  Mode mode_ = Mode::kInitial;
  Mode original_mode_ = Mode::kInitial;
  std::vector<Mode> template_modes_;
  std::vector<Open> open_;
  std::vector<uint32_t> open_count_;  // open HTML elements per atom, for O(1) "not in scope"
  std::vector<uint8_t> on_stack_;     // by NodeId: 1 while the node is an open element
  std::vector<Formatting> afe_;
  NodeId head_ = kNoNode;
  NodeId form_ = kNoNode;
  bool frameset_ok_ = true;
  bool foster_parenting_ = false;
  bool skip_next_newline_ = false;  // after <pre>, <listing>, <textarea>
  bool stopped_ = false;
  bool has_selectedcontent_ = false;
  bool scripting_ = false;  // a <selectedcontent> exists: popped options get cloned
  bool noscript_bounds_raw_text_ = false;  // set_noscript_bounds_raw_text
  bool raw_text_in_noscript_ = false;      // the open raw text may end at </noscript>
  QuirksMode quirks_ = QuirksMode::kNoQuirks;
  uint32_t ticks_ = 0;
  // In table text.
  std::string pending_table_text_;
  bool pending_table_text_has_non_ws_ = false;
  // Fragment parsing.
  bool fragment_ = false;
  Open context_{kNoNode, atom::kUnknown, Namespace::kHtml, false};
  // Text nodes that were moved to the end of the character store to grow (see text_at), with
  // the room reserved after them there.
  std::unordered_map<NodeId, uint32_t> text_room_;
};

}  // namespace pith::html5
