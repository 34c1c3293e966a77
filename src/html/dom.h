// pith's DOM: a compact, arena-style tree. Nodes live in one vector and refer to each other by
// 32-bit index; all text (text nodes, attribute names and values, unknown tag names) lives in one
// string. A Document is reused across pages (clear() keeps the capacity), so a worker allocates
// almost nothing per page once warm. Parsers fill it through DomBuilder (html/dom_builder.h);
// nothing in extraction knows which parser ran.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "html/tags.h"

namespace pith {

namespace html5 {
class TreeBuilder;
}

using NodeId = uint32_t;
inline constexpr NodeId kNoNode = 0xFFFFFFFFu;

// kDoctype: the page's <!DOCTYPE> (HTML5 parser only): text is its name; a public or system
// identifier, when not empty, is an attribute named "publicid" / "systemid".
enum class NodeKind : uint8_t { kDocument, kElement, kText, kComment, kDoctype };

// An element's namespace. Only the HTML5 parser sets SVG/MathML (for elements inside <svg> and
// <math>); names stay lower-case in the DOM whatever the namespace ("foreignobject", "viewbox").
// Such elements keep the Tag of an HTML element of the same name (<svg><title>, <svg><a>,
// <svg><style>), as with parsers that know no namespaces: check ns to tell them apart.
enum class Namespace : uint8_t { kHtml, kSvg, kMathml };

struct Span {
  uint32_t offset = 0;
  uint32_t length = 0;
};

struct Attr {
  Span name;   // lower-case
  Span value;
};

struct Node {
  NodeId parent = kNoNode;
  NodeId first_child = kNoNode;
  NodeId last_child = kNoNode;
  NodeId next_sibling = kNoNode;
  NodeId prev_sibling = kNoNode;
  Span text;              // text/comment data; for an unknown element, its lower-case name
  uint32_t attr_begin = 0;
  uint16_t attr_count = 0;
  uint16_t depth = 0;
  NodeKind kind = NodeKind::kElement;
  Namespace ns = Namespace::kHtml;  // fits in padding: Node stays 40 bytes
  Tag tag = Tag::kUnknown;
};

class Document {
 public:
  Document() { clear(); }
  void clear();

  NodeId root() const { return 0; }
  const Node& node(NodeId id) const { return nodes_[id]; }
  size_t size() const { return nodes_.size(); }
  std::string_view str(Span s) const { return std::string_view(chars_).substr(s.offset, s.length); }
  std::string_view text(NodeId id) const { return str(nodes_[id].text); }
  // Element name: the tag's name, or the stored name of an unknown element.
  std::string_view name(NodeId id) const;
  // Attribute value by lower-case name; empty if absent. has_attr tells absent from empty.
  std::string_view attr(NodeId id, std::string_view name) const;
  bool has_attr(NodeId id, std::string_view name) const;
  const Attr* attrs_begin(NodeId id) const { return attrs_.data() + nodes_[id].attr_begin; }
  const Attr* attrs_end(NodeId id) const { return attrs_begin(id) + nodes_[id].attr_count; }
  bool is_element(NodeId id, Tag tag) const {
    return nodes_[id].kind == NodeKind::kElement && nodes_[id].tag == tag;
  }
  // Whether anc is id or one of its ancestors.
  bool holds(NodeId anc, NodeId id) const {
    for (; id != kNoNode; id = nodes_[id].parent)
      if (id == anc) return true;
    return false;
  }
  // All text below id, in document order, with no separators added.
  void append_text(NodeId id, std::string& out) const;
  // Next node in document order inside the subtree of `scope` (pre-order), or kNoNode.
  NodeId next_in_subtree(NodeId id, NodeId scope) const;
  // Next node in pre-order skipping id's children.
  NodeId next_skip_children(NodeId id, NodeId scope) const;

  // Bytes held, for memory accounting.
  size_t memory_bytes() const;

  // Mutation, for DomBuilder and tests.
  Span store(std::string_view s);
  NodeId append_element(NodeId parent, Tag tag, std::string_view unknown_name);
  void add_attr(NodeId element, std::string_view name, std::string_view value);
  // Appends text to parent, merging with a preceding text node.
  NodeId append_text_node(NodeId parent, std::string_view text);
  NodeId append_comment(NodeId parent, std::string_view text);
  // Takes node (and its subtree) out of the tree; its id stays valid, unreachable from the root.
  void detach(NodeId node);
  // Moves node (detached first, with its subtree) into parent before ref (kNoNode: at the end),
  // setting the depths of the moved subtree.
  void insert_before(NodeId parent, NodeId node, NodeId ref);

 private:
  // The HTML5 tree builder needs tree surgery the append-only API above does not offer
  // (inserting before a sibling, moving children, adding attributes to <html> later).
  friend class html5::TreeBuilder;
  NodeId link(NodeId parent, Node n);
  std::vector<Node> nodes_;
  std::vector<Attr> attrs_;
  std::string chars_;
};

}  // namespace pith
