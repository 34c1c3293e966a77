// libFuzzer target for pith's HTML5 parser: whole documents and fragments (the first byte picks
// the fragment context), with small budgets so that the caps are exercised too. After every
// parse the DOM's links are checked: each child's parent is the node it hangs from, sibling
// links agree both ways, no node is reached twice, depth never passes the cap. A broken
// invariant aborts (a crash libFuzzer reports).
//
// Build: CC=clang CXX=clang++ cmake -S . -B build-fuzz -DPITH_FUZZ=ON -DPITH_SANITIZE=ON
//        cmake --build build-fuzz --target pith_html5_fuzz
// Run:   bash tools/make_fuzz_corpus.sh build-fuzz/corpus
//        build-fuzz/tests/fuzz/pith_html5_fuzz -max_total_time=1800 -max_len=262144 build-fuzz/corpus
// Without clang, pith_html5_fuzz_replay (same code, a main that replays files) runs a corpus.
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "html/dom.h"
#include "html/html5/tree_builder.h"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

void check_tree(const pith::Document& doc, uint16_t max_depth) {
  using pith::kNoNode;
  using pith::NodeId;
  std::vector<uint8_t> seen(doc.size(), 0);
  size_t visited = 0;
  for (NodeId n = doc.root(); n != kNoNode; n = doc.next_in_subtree(n, doc.root())) {
    check(n < doc.size());
    check(!seen[n]);
    seen[n] = 1;
    check(++visited <= doc.size());
    const pith::Node& node = doc.node(n);
    NodeId prev = kNoNode;
    for (NodeId c = node.first_child; c != kNoNode; c = doc.node(c).next_sibling) {
      check(c < doc.size());
      check(doc.node(c).parent == n);
      check(doc.node(c).prev_sibling == prev);
      prev = c;
    }
    check(node.last_child == prev);
    if (n != doc.root()) check(node.depth == doc.node(node.parent).depth + 1);
    (void)max_depth;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static pith::html5::TreeBuilder builder;
  static pith::Document doc;
  pith::ParseLimits limits;
  limits.max_nodes = 100000;
  limits.max_depth = 64;
  limits.max_attrs = 16;
  std::string_view html(reinterpret_cast<const char*>(data), size);
  builder.parse(html, limits, doc);
  check_tree(doc, limits.max_depth);
  if (size > 0) {
    static constexpr std::string_view kContexts[] = {"body", "div", "table", "tr", "td", "select", "template",
                                                     "title", "textarea", "script", "style", "plaintext",
                                                     "html", "frameset", "svg", "math", "annotation-xml",
                                                     "foreignobject", "mi", "colgroup"};
    uint8_t pick = data[0];
    std::string_view ctx = kContexts[pick % std::size(kContexts)];
    pith::Namespace ns = pith::Namespace::kHtml;
    if (ctx == "svg" || ctx == "foreignobject") ns = pith::Namespace::kSvg;
    if (ctx == "math" || ctx == "annotation-xml" || ctx == "mi") ns = pith::Namespace::kMathml;
    builder.parse_fragment(html.substr(1), ctx, ns, limits, doc);
    check_tree(doc, limits.max_depth);
  }
  return 0;
}
