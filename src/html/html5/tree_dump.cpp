#include "html/html5/tree_dump.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "html/html5/foreign.h"

namespace pith::html5 {

namespace {

void line(std::string& out, size_t indent) {
  out += "| ";
  out.append(2 * indent, ' ');
}

}  // namespace

std::string dump_html5lib(const Document& doc, NodeId parent) {
  std::string out;
  // Explicit stack of (node, indent), children pushed in reverse so they pop in order.
  std::vector<std::pair<NodeId, size_t>> stack;
  auto push_children = [&](NodeId p, size_t indent) {
    size_t mark = stack.size();
    for (NodeId c = doc.node(p).first_child; c != kNoNode; c = doc.node(c).next_sibling) stack.emplace_back(c, indent);
    std::reverse(stack.begin() + static_cast<std::ptrdiff_t>(mark), stack.end());
  };
  push_children(parent, 0);
  while (!stack.empty()) {
    auto [id, indent] = stack.back();
    stack.pop_back();
    const Node& n = doc.node(id);
    line(out, indent);
    switch (n.kind) {
      case NodeKind::kText:
        out += '"';
        out += doc.text(id);
        out += "\"\n";
        break;
      case NodeKind::kComment:
        out += "<!-- ";
        out += doc.text(id);
        out += " -->\n";
        break;
      case NodeKind::kDoctype: {
        out += "<!DOCTYPE ";
        out += doc.text(id);
        std::string_view pub = doc.attr(id, "publicid"), sys = doc.attr(id, "systemid");
        if (!pub.empty() || !sys.empty()) {
          out += " \"";
          out += pub;
          out += "\" \"";
          out += sys;
          out += '"';
        }
        out += ">\n";
        break;
      }
      case NodeKind::kDocument: out += "#document\n"; break;
      case NodeKind::kElement: {
        out += '<';
        std::string_view name = doc.name(id);
        if (n.ns == Namespace::kSvg) {
          out += "svg ";
          name = svg_element_name(name);
        } else if (n.ns == Namespace::kMathml) {
          out += "math ";
        }
        out += name;
        out += ">\n";
        std::vector<std::pair<std::string, std::string_view>> attrs;
        for (const Attr* a = doc.attrs_begin(id); a != doc.attrs_end(id); ++a) {
          ForeignAttrName an = adjusted_attribute_name(n.ns, doc.str(a->name));
          std::string shown = an.prefix.empty() ? std::string(an.local) : std::string(an.prefix) + " " + std::string(an.local);
          attrs.emplace_back(std::move(shown), doc.str(a->value));
        }
        std::sort(attrs.begin(), attrs.end());
        for (const auto& [k, v] : attrs) {
          line(out, indent + 1);
          out += k;
          out += "=\"";
          out += v;
          out += "\"\n";
        }
        if (n.ns == Namespace::kHtml && n.tag == Tag::k_template) {
          line(out, indent + 1);
          out += "content\n";
          push_children(id, indent + 2);
        } else {
          push_children(id, indent + 1);
        }
        break;
      }
    }
  }
  return out;
}

}  // namespace pith::html5
