#include "html/shadow.h"

#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/strings.h"

namespace pith {

namespace {

bool is_shadow_root_template(const Document& doc, NodeId n) {
  if (!doc.is_element(n, Tag::k_template)) return false;
  std::string_view mode = doc.attr(n, "shadowrootmode");
  if (mode.empty()) mode = doc.attr(n, "shadowroot");
  return iequals(mode, "open") || iequals(mode, "closed");
}

bool is_slot(const Document& doc, NodeId n) { return doc.is_element(n, Tag::k_slot); }

// The slot name a host child asks for: its slot attribute; "" (the unnamed slot) for text and
// for elements without one. Comments go nowhere.
bool slot_name_of(const Document& doc, NodeId child, std::string_view& name) {
  const Node& c = doc.node(child);
  if (c.kind == NodeKind::kText) {
    name = {};
    return true;
  }
  if (c.kind != NodeKind::kElement) return false;
  name = doc.attr(child, "slot");
  return true;
}

void flatten(Document& doc, NodeId host, NodeId root) {
  std::vector<NodeId> light;
  for (NodeId c = doc.node(host).first_child; c != kNoNode; c = doc.node(c).next_sibling)
    if (c != root) light.push_back(c);
  std::vector<NodeId> slots;
  for (NodeId n = doc.node(root).first_child; n != kNoNode;) {
    if (is_slot(doc, n)) {
      slots.push_back(n);
      n = doc.next_skip_children(n, root);
    } else {
      n = doc.next_in_subtree(n, root);
    }
  }
  // Each host child goes to the first slot of its name, in tree order: the children by name,
  // then one pass over the slots (linear in both, whatever the page).
  std::unordered_map<std::string_view, std::vector<size_t>> by_name;
  std::vector<bool> taken(light.size(), false);
  for (size_t i = 0; i < light.size(); ++i) {
    std::string_view wanted;
    if (slot_name_of(doc, light[i], wanted)) by_name[wanted].push_back(i);
  }
  for (NodeId slot : slots) {
    const NodeId parent = doc.node(slot).parent;
    const auto it = by_name.find(doc.attr(slot, "name"));
    if (it != by_name.end() && !it->second.empty()) {
      for (size_t i : it->second) {
        taken[i] = true;
        doc.insert_before(parent, light[i], slot);
      }
      it->second.clear();
    } else {
      // An empty slot shows its fallback content; a later slot of a taken name shows it too.
      while (doc.node(slot).first_child != kNoNode) doc.insert_before(parent, doc.node(slot).first_child, slot);
    }
    doc.detach(slot);
  }
  for (size_t i = 0; i < light.size(); ++i)
    if (!taken[i]) doc.detach(light[i]);
  while (doc.node(root).first_child != kNoNode) doc.insert_before(host, doc.node(root).first_child, root);
  doc.detach(root);
}

}  // namespace

size_t flatten_shadow_roots(Document& doc) {
  // A page of nested hosts costs a walk of the moved children per level: the roots flattened
  // are capped (past the cap, shadow roots stay inert templates, as a browser without
  // declarative shadow DOM leaves them).
  constexpr size_t kMaxShadowRoots = 4096;
  std::vector<std::pair<NodeId, NodeId>> hosts;  // (host, template), in tree order
  std::unordered_set<NodeId> has_root;
  for (NodeId n = doc.root(); n != kNoNode && hosts.size() < kMaxShadowRoots;
       n = doc.next_in_subtree(n, doc.root())) {
    if (!is_shadow_root_template(doc, n)) continue;
    const NodeId host = doc.node(n).parent;
    // Tree order meets a host's first template first.
    if (host != kNoNode && doc.node(host).kind == NodeKind::kElement && has_root.insert(host).second)
      hosts.emplace_back(host, n);
  }
  // Innermost first: a host inside another host's shadow tree, or inside its children, comes
  // later in tree order.
  for (auto it = hosts.rbegin(); it != hosts.rend(); ++it) flatten(doc, it->first, it->second);
  return hosts.size();
}

}  // namespace pith
