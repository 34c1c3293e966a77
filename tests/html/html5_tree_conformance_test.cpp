// html5lib tree-construction tests (../shared/conformance/html5lib-tests/tree-construction/*.dat)
// against pith's HTML5 parser, document and fragment cases. A failing case must be listed in
// html5_known_failures.txt with its reason; a listed case that passes is an error too.
// "#script-on" cases run with the scripting flag on (pith itself parses with it off); cases
// with neither flag run with it off. Not run: the scripted/ folder (it needs a script engine).
// Parse errors are not compared.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "html/html5/tree_builder.h"
#include "html/html5/tree_dump.h"
#include "html5_conformance_util.h"

namespace pith {
namespace {

struct TreeCase {
  std::string id;
  std::string data;
  std::string fragment_context;  // empty: a whole document
  bool script_on = false;
  std::string expected;
};

// Tests start with "#data" at the start of the file or after a blank line; a text node in a
// #document section may itself hold blank lines, so sections are found by their headers.
std::vector<TreeCase> parse_dat(const std::string& file, const std::string& name) {
  std::vector<size_t> starts;
  for (size_t pos = 0; (pos = file.find("#data\n", pos)) != std::string::npos; pos += 6)
    if (pos == 0 || (pos >= 2 && file[pos - 1] == '\n' && file[pos - 2] == '\n')) starts.push_back(pos);
  std::vector<TreeCase> out;
  for (size_t i = 0; i < starts.size(); ++i) {
    size_t end = i + 1 < starts.size() ? starts[i + 1] : file.size();
    std::string chunk = file.substr(starts[i], end - starts[i]);
    TreeCase c;
    c.id = "tree-construction/" + name + "#" + std::to_string(i + 1);
    size_t errors = chunk.find("\n#errors\n", 5);
    if (errors == std::string::npos) continue;
    c.data = errors > 6 ? chunk.substr(6, errors - 6) : std::string();
    size_t doc = chunk.find("\n#document\n", errors);
    if (doc == std::string::npos) continue;
    std::string headers = chunk.substr(errors, doc - errors + 1);
    size_t frag = headers.find("\n#document-fragment\n");
    if (frag != std::string::npos) {
      size_t b = frag + 20;
      c.fragment_context = headers.substr(b, headers.find('\n', b) - b);
    }
    c.script_on = headers.find("\n#script-on\n") != std::string::npos;
    c.expected = chunk.substr(doc + 11);
    while (!c.expected.empty() && c.expected.back() == '\n') c.expected.pop_back();
    c.expected += '\n';
    out.push_back(std::move(c));
  }
  return out;
}

std::string run_case(const TreeCase& c) {
  html5::TreeBuilder builder;
  builder.set_scripting(c.script_on);
  Document doc;
  ParseLimits limits;
  if (c.fragment_context.empty()) {
    builder.parse(c.data, limits, doc);
    return html5::dump_html5lib(doc, doc.root());
  }
  std::string_view ctx = c.fragment_context;
  Namespace ns = Namespace::kHtml;
  if (ctx.starts_with("svg ")) {
    ns = Namespace::kSvg;
    ctx.remove_prefix(4);
  } else if (ctx.starts_with("math ")) {
    ns = Namespace::kMathml;
    ctx.remove_prefix(5);
  }
  std::string lower;
  for (char ch : ctx) lower += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
  builder.parse_fragment(c.data, lower, ns, limits, doc);
  // The fragment is the children of the <html> root, node 1... unless the context element
  // took that id: find the <html> child of the document.
  NodeId html = doc.node(doc.root()).first_child;
  return html == kNoNode ? std::string() : html5::dump_html5lib(doc, html);
}

TEST(Html5TreeConformance, Html5libTreeConstructionTests) {
  auto dir = test::html5lib_tests_dir() / "tree-construction";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "html5lib-tests not found at " << dir;
  auto known = test::load_known_failures();
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".dat") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  ASSERT_FALSE(files.empty());

  bool verbose = std::getenv("PITH_HTML5_VERBOSE") != nullptr;
  const char* only = std::getenv("PITH_HTML5_ONLY");  // an id prefix, to debug one file or case
  size_t total = 0, passed = 0;
  std::vector<std::string> new_failures, fixed;
  for (const auto& path : files) {
    for (const TreeCase& c : parse_dat(test::read_file(path), path.filename().string())) {
      if (only && !c.id.starts_with(only)) continue;
      ++total;
      std::string got = run_case(c);
      bool ok = got == c.expected;
      passed += ok;
      bool listed = known.count(c.id) > 0;
      if (!ok && !listed) new_failures.push_back(c.id);
      if (ok && listed) fixed.push_back(c.id);
      if (!ok && (verbose || !listed)) {
        std::fprintf(stderr, "%s\n  data: %s%s\n  expected:\n%s  got:\n%s\n", c.id.c_str(), test::printable(c.data).c_str(),
                     c.fragment_context.empty() ? "" : ("\n  context: " + c.fragment_context).c_str(),
                     c.expected.c_str(), got.c_str());
      }
    }
  }
  std::fprintf(stderr, "html5lib tree construction: %zu/%zu cases pass (%.2f%%)\n", passed, total,
               total ? 100.0 * passed / total : 0.0);
  for (const auto& id : new_failures) ADD_FAILURE() << "new failure (not in html5_known_failures.txt): " << id;
  if (!only) {
    for (const auto& id : fixed) ADD_FAILURE() << "listed as a known failure but passes; remove it: " << id;
    EXPECT_GE(passed * 100, total * 98) << "below the 98% target";
  }
}

}  // namespace
}  // namespace pith
