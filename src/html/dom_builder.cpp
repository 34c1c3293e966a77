#include "html/dom_builder.h"

#include "core/strings.h"

namespace pith {

bool DomBuilder::budget_ok() {
  if (stopped()) return false;
  if (doc_.size() >= limits_.max_nodes) {
    report_.node_budget_hit = true;
    return false;
  }
  if ((++ticks_ & 1023) == 0 && std::chrono::steady_clock::now() > limits_.deadline) {
    report_.time_budget_hit = true;
    return false;
  }
  return true;
}

NodeId DomBuilder::insertion_parent() const {
  // Browsers attach nodes deeper than their cap at the cap; so do we.
  if (stack_.size() > limits_.max_depth) return stack_[limits_.max_depth - 1];
  return stack_.back();
}

bool DomBuilder::start_element(std::string_view name) {
  if (!budget_ok()) return false;
  if (stack_.size() > limits_.max_depth) report_.depth_capped = true;
  Tag tag = tag_from_name(name);
  if (tag == Tag::k_template) ++report_.templates;
  NodeId id = doc_.append_element(insertion_parent(), tag, name);
  current_ = id;
  if (!is_void_tag(tag)) stack_.push_back(id);
  return true;
}

void DomBuilder::attribute(std::string_view name, std::string_view value) {
  if (current_ == kNoNode || doc_.node(current_).attr_count >= limits_.max_attrs) return;
  doc_.add_attr(current_, name, value);
}

void DomBuilder::end_element(std::string_view name) {
  current_ = kNoNode;
  Tag tag = tag_from_name(name);
  if (is_void_tag(tag)) return;
  // Pop to the nearest open element of that name; an end tag with no open element is ignored.
  for (size_t i = stack_.size(); i-- > 1;) {
    NodeId id = stack_[i];
    bool match = tag != Tag::kUnknown ? doc_.node(id).tag == tag : iequals(doc_.name(id), name);
    if (match) {
      stack_.resize(i);
      return;
    }
  }
}

bool DomBuilder::text(std::string_view data) {
  current_ = kNoNode;
  if (data.empty()) return true;
  if (!budget_ok()) return false;
  doc_.append_text_node(insertion_parent(), data);
  return true;
}

bool DomBuilder::comment(std::string_view data) {
  current_ = kNoNode;
  if (!budget_ok()) return false;
  doc_.append_comment(insertion_parent(), data);
  return true;
}

}  // namespace pith
