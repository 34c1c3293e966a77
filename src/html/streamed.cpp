#include "html/streamed.h"

#include <unordered_map>
#include <vector>

namespace pith {

namespace {

// The comment that closes a Suspense boundary (after its fallback).
constexpr std::string_view kBoundaryEnd = "/$";

bool is_part(const Document& doc, NodeId n) {
  const std::string_view id = doc.attr(n, "id");
  return doc.is_element(n, Tag::k_div) && id.size() > 2 && id[0] == 'S' && id[1] == ':' && doc.has_attr(n, "hidden");
}

}  // namespace

size_t place_streamed_parts(Document& doc) {
  // "B:x" and "P:x" templates by their x (one counter numbers both), and the parts in page order.
  std::unordered_map<std::string_view, NodeId> templates;
  std::vector<NodeId> parts;
  for (NodeId n = doc.root(); n != kNoNode; n = doc.next_in_subtree(n, doc.root())) {
    const Node& e = doc.node(n);
    if (e.kind != NodeKind::kElement) continue;
    const std::string_view id = doc.attr(n, "id");
    if (id.size() < 3 || id[1] != ':') continue;
    if (e.tag == Tag::k_template && (id[0] == 'B' || id[0] == 'P'))
      templates.emplace(id.substr(2), n);
    else if (is_part(doc, n))
      parts.push_back(n);
  }
  size_t moved = 0;
  for (NodeId part : parts) {
    const auto it = templates.find(doc.attr(part, "id").substr(2));
    if (it == templates.end()) continue;
    const NodeId slot = it->second;
    const NodeId parent = doc.node(slot).parent;
    // A template inside its own part (or detached with an earlier one) has no place to fill.
    if (parent == kNoNode || doc.holds(part, slot)) continue;
    NodeId before = doc.node(slot).next_sibling;
    if (doc.attr(slot, "id")[0] == 'B') {
      NodeId end = before;
      while (end != kNoNode && !(doc.node(end).kind == NodeKind::kComment && doc.text(end) == kBoundaryEnd))
        end = doc.node(end).next_sibling;
      if (end != kNoNode) {
        while (doc.node(slot).next_sibling != end) doc.detach(doc.node(slot).next_sibling);
        before = end;
      }
    }
    while (doc.node(part).first_child != kNoNode) doc.insert_before(parent, doc.node(part).first_child, before);
    doc.detach(slot);
    doc.detach(part);
    ++moved;
  }
  return moved;
}

}  // namespace pith
