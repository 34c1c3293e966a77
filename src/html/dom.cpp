#include "html/dom.h"

#include <cstring>

#include "core/strings.h"

namespace pith {

void Document::clear() {
  nodes_.clear();
  attrs_.clear();
  chars_.clear();
  Node doc;
  doc.kind = NodeKind::kDocument;
  nodes_.push_back(doc);
}

std::string_view Document::name(NodeId id) const {
  const Node& n = nodes_[id];
  if (n.kind != NodeKind::kElement) return {};
  if (n.tag != Tag::kUnknown) return tag_name(n.tag);
  return str(n.text);
}

std::string_view Document::attr(NodeId id, std::string_view name) const {
  for (const Attr* a = attrs_begin(id); a != attrs_end(id); ++a)
    if (str(a->name) == name) return str(a->value);
  return {};
}

bool Document::has_attr(NodeId id, std::string_view name) const {
  for (const Attr* a = attrs_begin(id); a != attrs_end(id); ++a)
    if (str(a->name) == name) return true;
  return false;
}

void Document::append_text(NodeId id, std::string& out) const {
  for (NodeId n = id; n != kNoNode; n = next_in_subtree(n, id))
    if (nodes_[n].kind == NodeKind::kText) out += text(n);
}

NodeId Document::next_in_subtree(NodeId id, NodeId scope) const {
  if (nodes_[id].first_child != kNoNode) return nodes_[id].first_child;
  return next_skip_children(id, scope);
}

NodeId Document::next_skip_children(NodeId id, NodeId scope) const {
  while (id != kNoNode && id != scope) {
    if (nodes_[id].next_sibling != kNoNode) return nodes_[id].next_sibling;
    id = nodes_[id].parent;
  }
  return kNoNode;
}

size_t Document::memory_bytes() const {
  return nodes_.capacity() * sizeof(Node) + attrs_.capacity() * sizeof(Attr) + chars_.capacity();
}

Span Document::store(std::string_view s) {
  Span span{static_cast<uint32_t>(chars_.size()), static_cast<uint32_t>(s.size())};
  chars_.append(s);
  return span;
}

NodeId Document::link(NodeId parent, Node n) {
  auto id = static_cast<NodeId>(nodes_.size());
  n.parent = parent;
  Node& p = nodes_[parent];
  n.depth = static_cast<uint16_t>(p.depth < 0xFFFF ? p.depth + 1 : p.depth);
  n.prev_sibling = p.last_child;
  if (p.last_child != kNoNode)
    nodes_[p.last_child].next_sibling = id;
  else
    p.first_child = id;
  p.last_child = id;
  nodes_.push_back(n);
  return id;
}

void Document::detach(NodeId node) {
  Node& n = nodes_[node];
  if (n.parent == kNoNode) return;
  Node& p = nodes_[n.parent];
  if (n.prev_sibling != kNoNode)
    nodes_[n.prev_sibling].next_sibling = n.next_sibling;
  else
    p.first_child = n.next_sibling;
  if (n.next_sibling != kNoNode)
    nodes_[n.next_sibling].prev_sibling = n.prev_sibling;
  else
    p.last_child = n.prev_sibling;
  n.parent = n.prev_sibling = n.next_sibling = kNoNode;
}

void Document::insert_before(NodeId parent, NodeId node, NodeId ref) {
  detach(node);
  Node& n = nodes_[node];
  n.parent = parent;
  n.next_sibling = ref;
  n.prev_sibling = ref == kNoNode ? nodes_[parent].last_child : nodes_[ref].prev_sibling;
  if (n.prev_sibling != kNoNode)
    nodes_[n.prev_sibling].next_sibling = node;
  else
    nodes_[parent].first_child = node;
  if (ref != kNoNode)
    nodes_[ref].prev_sibling = node;
  else
    nodes_[parent].last_child = node;
  for (NodeId c = node; c != kNoNode; c = next_in_subtree(c, node)) {
    const uint16_t up = nodes_[nodes_[c].parent].depth;
    nodes_[c].depth = static_cast<uint16_t>(up < 0xFFFF ? up + 1 : up);
  }
}

NodeId Document::append_element(NodeId parent, Tag tag, std::string_view unknown_name) {
  Node n;
  n.kind = NodeKind::kElement;
  n.tag = tag;
  if (tag == Tag::kUnknown) n.text = store(ascii_lowercase(unknown_name));
  n.attr_begin = static_cast<uint32_t>(attrs_.size());
  return link(parent, n);
}

void Document::add_attr(NodeId element, std::string_view name, std::string_view value) {
  Node& n = nodes_[element];
  if (n.attr_count == 0xFFFF) return;
  // Attributes of one element are contiguous: only the newest element may receive more.
  if (n.attr_begin + n.attr_count != attrs_.size()) return;
  Attr a;
  a.name = store(ascii_lowercase(name));
  a.value = store(value);
  attrs_.push_back(a);
  ++n.attr_count;
}

NodeId Document::append_text_node(NodeId parent, std::string_view text) {
  NodeId last = nodes_[parent].last_child;
  if (last != kNoNode && nodes_[last].kind == NodeKind::kText &&
      nodes_[last].text.offset + nodes_[last].text.length == chars_.size()) {
    chars_.append(text);
    nodes_[last].text.length += static_cast<uint32_t>(text.size());
    return last;
  }
  Node n;
  n.kind = NodeKind::kText;
  n.text = store(text);
  return link(parent, n);
}

NodeId Document::append_comment(NodeId parent, std::string_view text) {
  Node n;
  n.kind = NodeKind::kComment;
  n.text = store(text);
  return link(parent, n);
}

}  // namespace pith
