// Parser benchmark: pith's HTML5 parser against the libxml2 adapter (and gumbo when it is
// installed), each building the same pith DOM from the same UTF-8 pages, in one run.
//
//   pith_parser_bench [--repeat N] [--only NAME] [--no-quality] [DIR...]
//   (default DIRs: ../shared/bench/{dev,wcxb-dev}/pages; NAME: html5, libxml2 or gumbo)
//
// Pages are read, gunzipped and decoded to UTF-8 first; only parsing into the DOM is timed, one
// thread, one parser and one Document reused across pages as a worker does. Each parser runs one
// warm-up pass and then N timed passes; the best pass gives MB/s (input bytes / time). Time is
// the thread's CPU time (shared machines are busy: wall time there measures the neighbours);
// wall-clock MB/s is printed beside it.
// Quality columns beside the timings: how many pages' visible text (text outside script, style,
// template... collapsed to single spaces) equals the HTML5 parser's, and the mean word-level F1
// against it; DOM nodes per page; DOM memory (Document::memory_bytes() of a fresh Document per
// page) over input size.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "html/charset.h"
#include "html/dom.h"
#include "html/html5/tokenizer.h"
#include "html/parser.h"
#include "io/input.h"

#ifdef PITH_HAVE_GUMBO
#include <gumbo.h>
#endif

namespace pith {
namespace {

struct Page {
  std::string name;
  std::string html;  // UTF-8
};

std::vector<Page> load_pages(const std::vector<std::string>& dirs) {
  InputList in = list_inputs(dirs, {.walk = {InputFormat::kHtml}});
  for (const auto& e : in.errors) std::fprintf(stderr, "%s: %s\n", e.path.c_str(), e.what.c_str());
  std::vector<Page> pages;
  CharsetDecoder decoder;
  InputStream stream(in, {.format = InputFormat::kHtml, .want = PageKind::kHtml});
  StreamRecord r;
  while (stream.next(r)) {
    if (r.rec.kind != InputRecord::kHtml) continue;
    Page p;
    p.name = in.files[r.file].path;
    if (!decoder.decode(r.rec.body, "", p.html)) continue;
    pages.push_back(std::move(p));
  }
  return pages;
}

// Text a reader sees: text nodes outside elements whose content is not shown.
std::string visible_text(const Document& doc) {
  std::string raw;
  for (NodeId n = doc.root(); n != kNoNode;) {
    const Node& node = doc.node(n);
    if (node.kind == NodeKind::kElement) {
      switch (node.tag) {
        case Tag::k_script: case Tag::k_style: case Tag::k_template: case Tag::k_noscript: case Tag::k_noframes:
        case Tag::k_noembed: case Tag::k_iframe: case Tag::k_textarea: case Tag::k_xmp: case Tag::k_title:
        case Tag::k_head:
          n = doc.next_skip_children(n, doc.root());
          continue;
        default: break;
      }
    }
    if (node.kind == NodeKind::kText) {
      raw += doc.text(n);
      raw += ' ';
    }
    n = doc.next_in_subtree(n, doc.root());
  }
  std::string out;
  bool space = false;
  for (char c : raw) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

double word_f1(const std::string& a, const std::string& b) {
  std::unordered_map<std::string_view, int> counts;
  size_t na = 0, nb = 0, common = 0;
  auto words = [](const std::string& s, auto&& fn) {
    size_t i = 0;
    while (i < s.size()) {
      size_t j = s.find(' ', i);
      if (j == std::string::npos) j = s.size();
      if (j > i) fn(std::string_view(s).substr(i, j - i));
      i = j + 1;
    }
  };
  words(a, [&](std::string_view w) { ++counts[w], ++na; });
  words(b, [&](std::string_view w) {
    ++nb;
    auto it = counts.find(w);
    if (it != counts.end() && it->second > 0) --it->second, ++common;
  });
  if (na == 0 && nb == 0) return 1.0;
  if (common == 0) return 0.0;
  double p = double(common) / nb, r = double(common) / na;
  return 2 * p * r / (p + r);
}

using ParseFn = std::function<bool(std::string_view, Document&)>;

double cpu_seconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

double wall_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

#ifdef PITH_HAVE_GUMBO
// gumbo's tree copied into a pith Document, iteratively; gumbo_parse + copy + free is timed.
bool gumbo_parse_into(std::string_view html, Document& doc) {
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  doc.clear();
  std::vector<std::pair<const GumboNode*, NodeId>> stack;
  const GumboVector& top = out->document->v.document.children;
  for (size_t i = top.length; i-- > 0;) stack.emplace_back(static_cast<const GumboNode*>(top.data[i]), doc.root());
  while (!stack.empty()) {
    auto [g, parent] = stack.back();
    stack.pop_back();
    switch (g->type) {
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        const GumboElement& e = g->v.element;
        std::string_view name = e.tag == GUMBO_TAG_UNKNOWN ? std::string_view(e.original_tag.data, e.original_tag.length)
                                                            : std::string_view(gumbo_normalized_tagname(e.tag));
        if (e.tag == GUMBO_TAG_UNKNOWN) {
          gumbo_tag_from_original_text(&const_cast<GumboElement&>(e).original_tag);
          name = std::string_view(e.original_tag.data, e.original_tag.length);
        }
        NodeId id = doc.append_element(parent, tag_from_name(name), name);
        for (size_t i = 0; i < e.attributes.length; ++i) {
          auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
          doc.add_attr(id, a->name, a->value);
        }
        for (size_t i = e.children.length; i-- > 0;)
          stack.emplace_back(static_cast<const GumboNode*>(e.children.data[i]), id);
        break;
      }
      case GUMBO_NODE_TEXT: case GUMBO_NODE_CDATA: case GUMBO_NODE_WHITESPACE:
        doc.append_text_node(parent, g->v.text.text);
        break;
      case GUMBO_NODE_COMMENT: doc.append_comment(parent, g->v.text.text); break;
      default: break;
    }
  }
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return true;
}
#endif

struct Result {
  std::string parser;
  double best_s = 0, median_s = 0, best_wall_s = 0;
  size_t nodes = 0;
  size_t same_text = 0;
  double mean_f1 = 0;
  double mem_ratio_total = 0, mem_ratio_max = 0;
  size_t failures = 0;
};

int run(int argc, char** argv) {
  int repeat = 5;
  std::string only;
  bool quality = true;
  std::vector<std::string> dirs;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--repeat" && i + 1 < argc)
      repeat = std::max(1, std::atoi(argv[++i]));
    else if (a == "--only" && i + 1 < argc)
      only = argv[++i];
    else if (a == "--no-quality")
      quality = false;
    else
      dirs.push_back(a);
  }
  if (dirs.empty()) {
    std::string shared = std::string(PITH_SOURCE_DIR) + "/../shared/bench/";
    dirs = {shared + "dev/pages", shared + "wcxb-dev/pages"};
  }
  auto pages = load_pages(dirs);
  size_t total_bytes = 0;
  for (const auto& p : pages) total_bytes += p.html.size();
  if (pages.empty()) {
    std::fprintf(stderr, "no pages found\n");
    return 1;
  }
  std::printf("%zu pages, %.1f MB of UTF-8 HTML (mean %.0f KB), %d timed passes per parser\n\n", pages.size(),
              total_bytes / 1e6, total_bytes / 1e3 / pages.size(), repeat);

  ParseLimits limits;
  std::vector<std::pair<std::string, ParseFn>> parsers;
  auto html5 = make_parser(ParserKind::kHtml5);
  auto libxml2 = make_parser(ParserKind::kLibxml2);
  parsers.emplace_back("pith html5", [&](std::string_view h, Document& d) { return html5->parse(h, limits, d).ok(); });
  parsers.emplace_back("libxml2 (SAX -> DomBuilder)",
                       [&](std::string_view h, Document& d) { return libxml2->parse(h, limits, d).ok(); });
#ifdef PITH_HAVE_GUMBO
  parsers.emplace_back("gumbo (tree copied to DOM)", [](std::string_view h, Document& d) { return gumbo_parse_into(h, d); });
#endif

  // Reference text: the HTML5 parser's.
  std::vector<std::string> reference(pages.size());
  if (quality) {
    Document d;
    for (size_t i = 0; i < pages.size(); ++i) {
      parsers[0].second(pages[i].html, d);
      reference[i] = visible_text(d);
    }
  }

  std::vector<Result> results;
  for (auto& [name, parse] : parsers) {
    if (!only.empty() && name.find(only) == std::string::npos) continue;
    Result r;
    r.parser = name;
    Document doc;
    // Quality and memory, untimed: a fresh Document per page for memory.
    double f1_sum = 0, mem_sum = 0;
    for (size_t i = 0; quality && i < pages.size(); ++i) {
      Document fresh;
      if (!parse(pages[i].html, fresh)) ++r.failures;
      r.nodes += fresh.size();
      std::string text = visible_text(fresh);
      r.same_text += text == reference[i];
      f1_sum += word_f1(reference[i], text);
      double ratio = double(fresh.memory_bytes()) / std::max<size_t>(1, pages[i].html.size());
      mem_sum += fresh.memory_bytes();
      r.mem_ratio_max = std::max(r.mem_ratio_max, ratio);
    }
    r.mean_f1 = f1_sum / pages.size();
    r.mem_ratio_total = mem_sum / total_bytes;
    // Timing.
    for (const auto& p : pages) parse(p.html, doc);  // warm-up
    std::vector<double> times;
    r.best_wall_s = 1e300;
    for (int k = 0; k < repeat; ++k) {
      double c0 = cpu_seconds(), w0 = wall_seconds();
      for (const auto& p : pages) parse(p.html, doc);
      times.push_back(cpu_seconds() - c0);
      r.best_wall_s = std::min(r.best_wall_s, wall_seconds() - w0);
    }
    std::sort(times.begin(), times.end());
    r.best_s = times.front();
    r.median_s = times[times.size() / 2];
    results.push_back(r);
  }

  // The HTML5 tokenizer alone, for scale.
  html5::Tokenizer tok;
  std::vector<double> tok_times;
  size_t tokens = 0;
  for (int k = 0; k < repeat + 1 && (only.empty() || only == "html5"); ++k) {
    tokens = 0;
    double c0 = cpu_seconds();
    for (const auto& p : pages) {
      tok.reset(p.html);
      while (tok.next().kind != html5::TokenKind::kEof) ++tokens;
    }
    if (k > 0) tok_times.push_back(cpu_seconds() - c0);
  }
  std::sort(tok_times.begin(), tok_times.end());

  double mb = total_bytes / 1e6;
  std::printf("| parser | MB/s CPU (best) | MB/s CPU (median) | MB/s wall (best) | vs libxml2 (CPU) | same visible text as html5 | word F1 vs html5 | nodes/page | DOM memory / input (all pages, worst page) | failed |\n");
  std::printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  double libxml2_best = 0;
  for (const Result& r : results)
    if (r.parser.find("libxml2") != std::string::npos) libxml2_best = r.best_s;
  for (const Result& r : results) {
    std::printf("| %s | %.0f | %.0f | %.0f | %.2fx | %zu/%zu | %.4f | %.0f | %.2fx, %.2fx | %zu |\n", r.parser.c_str(),
                mb / r.best_s, mb / r.median_s, mb / r.best_wall_s, libxml2_best / r.best_s, r.same_text, pages.size(),
                r.mean_f1, double(r.nodes) / pages.size(), r.mem_ratio_total, r.mem_ratio_max, r.failures);
  }
  if (!tok_times.empty())
    std::printf("| pith html5 tokenizer only | %.0f | %.0f | | | | | %.0f tokens/page | | |\n", mb / tok_times.front(),
                mb / tok_times[tok_times.size() / 2], double(tokens) / pages.size());
  return 0;
}

}  // namespace
}  // namespace pith

int main(int argc, char** argv) { return pith::run(argc, argv); }
