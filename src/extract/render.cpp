#include "extract/render.h"

#include "core/strings.h"
#include "core/utf8.h"

namespace pith {

namespace {

class Writer {
 public:
  Writer(std::string& out, RenderMode mode) : out_(out), md_(mode == RenderMode::kMarkdown) {}

  // Asks for a line break (1) or a blank line (2) before the next text.
  void brk(int level) {
    if (level > pending_) pending_ = level;
  }
  void prefix(std::string_view p) { line_prefix_ = p; }
  // An element starts or ends here (see text()).
  void boundary() { boundary_ = true; }

  void text(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
      size_t start = i;
      char32_t cp = utf8_decode(s, i);
      if (cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' || cp == '\f' || cp == 0xA0 || cp == 0x200B ||
          (cp >= 0x2000 && cp <= 0x200A) || cp == 0x3000 || cp == 0x202F) {
        space_ = true;
        continue;
      }
      if (cp == 0xAD || cp == 0xFEFF || cp == 0x200C || cp == 0x200D) continue;  // invisible
      flush_break();
      // "Eddyline" + "Sandpiper" in two spans, no space between: a word that starts in capitals
      // right after an element boundary, glued to a lower-case letter or digit, is a new word
      // (a brand and a name, a price and a label); inside one text node it is not ("iPhone").
      if (!space_ && boundary_ && cp >= 'A' && cp <= 'Z' && !out_.empty() && !at_line_start()) {
        char prev = out_.back();
        if ((prev >= 'a' && prev <= 'z') || (prev >= '0' && prev <= '9')) space_ = true;
      }
      boundary_ = false;
      if (space_ && !at_line_start()) out_.push_back(' ');
      space_ = false;
      out_.append(s.data() + start, i - start);
    }
  }
  // Raw text (pre): kept exactly.
  void raw(std::string_view s) {
    if (s.empty()) return;
    flush_break();
    out_.append(s);
    space_ = false;
  }
  void literal(std::string_view s) {
    flush_break();
    if (space_ && !at_line_start()) out_.push_back(' ');
    space_ = false;
    out_.append(s);
  }
  void finish() {
    while (!out_.empty() && (out_.back() == '\n' || out_.back() == ' ')) out_.pop_back();
  }
  bool markdown() const { return md_; }
  bool at_line_start() const { return out_.empty() || out_.back() == '\n'; }

 private:
  void flush_break() {
    if (pending_ && !out_.empty()) {
      while (!out_.empty() && out_.back() == ' ') out_.pop_back();
      size_t have = 0;
      for (size_t k = out_.size(); k > 0 && out_[k - 1] == '\n' && have < 2; --k) ++have;
      for (int k = static_cast<int>(have); k < pending_; ++k) out_.push_back('\n');
    }
    if (pending_ || out_.empty()) {
      out_.append(line_prefix_);
      space_ = false;
    }
    pending_ = 0;
  }
  std::string& out_;
  bool md_;
  int pending_ = 0;
  bool space_ = false;
  bool boundary_ = false;
  std::string line_prefix_;
};

int break_level(Tag t) {
  switch (t) {
    case Tag::k_p: case Tag::k_h1: case Tag::k_h2: case Tag::k_h3: case Tag::k_h4: case Tag::k_h5:
    case Tag::k_h6: case Tag::k_pre: case Tag::k_blockquote: case Tag::k_table: case Tag::k_ul:
    case Tag::k_ol: case Tag::k_dl: case Tag::k_figure: case Tag::k_hr: case Tag::k_section:
    case Tag::k_article:
      return 2;
    default:
      return is_block_tag(t) ? 1 : 0;
  }
}

}  // namespace

void render(const Document& doc, const ContentSelection& sel, NodeId scope, RenderMode mode,
            const Options& options, std::string& out) {
  out.clear();
  if (!sel.drop[scope].empty()) return;  // the container itself was judged chrome (content.h)
  Writer w(out, mode);
  const bool md = mode == RenderMode::kMarkdown;
  int pre_depth = 0;
  std::vector<int> list_counters;  // per open list: -1 for <ul>, n for <ol>
  std::vector<NodeId> quote_stack;

  auto enter = [&](NodeId n) -> bool {
    const Node& node = doc.node(n);
    if (n != scope && !sel.drop[n].empty()) return false;
    if (node.kind == NodeKind::kText) {
      if (pre_depth)
        w.raw(doc.text(n));
      else
        w.text(doc.text(n));
      return false;
    }
    if (node.kind != NodeKind::kElement) return node.kind == NodeKind::kDocument;
    w.boundary();
    Tag t = node.tag;
    if (!options.tables && t == Tag::k_table) return false;
    if (int lvl = break_level(t)) w.brk(lvl);
    switch (t) {
      case Tag::k_br: w.brk(1); break;
      case Tag::k_pre:
        ++pre_depth;
        if (md) {
          w.literal("```");
          w.brk(1);
        }
        break;
      case Tag::k_ul: list_counters.push_back(-1); break;
      case Tag::k_ol: list_counters.push_back(0); break;
      case Tag::k_li:
        if (md) {
          std::string indent(list_counters.empty() ? 0 : 2 * (list_counters.size() - 1), ' ');
          if (!list_counters.empty() && list_counters.back() >= 0)
            w.literal(indent + std::to_string(++list_counters.back()) + ".");
          else
            w.literal(indent + "-");
        }
        break;
      case Tag::k_h1: case Tag::k_h2: case Tag::k_h3: case Tag::k_h4: case Tag::k_h5: case Tag::k_h6:
        if (md) w.literal(std::string(static_cast<int>(t) - static_cast<int>(Tag::k_h1) + 1, '#'));
        break;
      case Tag::k_blockquote:
        if (md) {
          quote_stack.push_back(n);
          w.prefix(std::string(quote_stack.size(), '>') + " ");
        }
        break;
      case Tag::k_td: case Tag::k_th:
        if (md) w.literal("|");
        break;
      case Tag::k_hr:
        if (md) {
          w.literal("---");
          w.brk(2);
        }
        break;
      case Tag::k_img:
        if (md && options.images) {
          std::string_view src = doc.attr(n, "src");
          if (!src.empty()) w.literal("![" + collapse_whitespace(doc.attr(n, "alt")) + "](" + std::string(src) + ")");
        }
        break;
      case Tag::k_code:
        if (md && !pre_depth) w.literal("`");
        break;
      case Tag::k_a:
        if (md && options.links && !doc.attr(n, "href").empty()) w.literal("[");
        break;
      default: break;
    }
    return true;
  };

  auto exit = [&](NodeId n) {
    const Node& node = doc.node(n);
    if (node.kind != NodeKind::kElement) return;
    w.boundary();
    Tag t = node.tag;
    switch (t) {
      case Tag::k_pre:
        --pre_depth;
        if (md) {
          w.brk(1);
          w.literal("```");
        }
        break;
      case Tag::k_ul: case Tag::k_ol:
        if (!list_counters.empty()) list_counters.pop_back();
        break;
      case Tag::k_blockquote:
        if (md && !quote_stack.empty()) {
          quote_stack.pop_back();
          w.brk(2);
          w.prefix(quote_stack.empty() ? "" : std::string(quote_stack.size(), '>') + " ");
        }
        break;
      case Tag::k_tr:
        if (md) w.literal("|");
        break;
      case Tag::k_code:
        if (md && !pre_depth) w.raw("`");
        break;
      case Tag::k_a:
        if (md && options.links && !doc.attr(n, "href").empty())
          w.raw("](" + std::string(doc.attr(n, "href")) + ")");
        break;
      case Tag::k_td: case Tag::k_th:
        if (!md) w.text(" ");
        break;
      default: break;
    }
    if (int lvl = break_level(t)) w.brk(lvl);
  };

  // Iterative walk with enter/exit (no recursion: depth is input-controlled).
  NodeId n = scope;
  while (true) {
    bool entered = enter(n);
    if (entered && doc.node(n).first_child != kNoNode) {
      n = doc.node(n).first_child;
      continue;
    }
    if (entered) exit(n);
    bool done = false;
    while (true) {
      if (n == scope) {
        done = true;
        break;
      }
      if (doc.node(n).next_sibling != kNoNode) {
        n = doc.node(n).next_sibling;
        break;
      }
      n = doc.node(n).parent;
      exit(n);
    }
    if (done) break;
  }
  w.finish();
}

}  // namespace pith
