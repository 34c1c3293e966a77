// DomBuilder: what every parser adapter feeds. It owns the open-element stack and enforces the
// budgets (depth cap, node count, attributes, deadline) the same way for every parser.
#pragma once
#include <string_view>
#include <vector>

#include "html/dom.h"
#include "html/parser.h"

namespace pith {

class DomBuilder {
 public:
  DomBuilder(Document& doc, const ParseLimits& limits) : doc_(doc), limits_(limits) {
    doc_.clear();
    stack_.push_back(doc_.root());
  }
  // Returns false once a budget stops the parse (the caller should stop its parser).
  bool start_element(std::string_view name);
  void attribute(std::string_view name, std::string_view value);
  void end_element(std::string_view name);
  bool text(std::string_view data);
  bool comment(std::string_view data);
  bool stopped() const { return report_.node_budget_hit || report_.time_budget_hit; }
  ParseReport finish() {
    report_.nodes = doc_.size();
    return report_;
  }

 private:
  bool budget_ok();
  NodeId insertion_parent() const;
  Document& doc_;
  const ParseLimits& limits_;
  std::vector<NodeId> stack_;
  NodeId current_ = kNoNode;  // element receiving attributes
  ParseReport report_;
  uint32_t ticks_ = 0;
};

}  // namespace pith
