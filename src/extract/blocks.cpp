#include "extract/blocks.h"

#include <algorithm>

#include "core/strings.h"
#include "core/utf8.h"
#include "extract/render.h"
#include "extract/rules.h"

namespace pith {

namespace {

// What each rule means, for people reading a report. Exact names first, then prefixes; the
// names are those of rules.cpp and content.cpp.
struct RuleText {
  std::string_view rule;
  bool prefix;
  std::string_view text;
};
constexpr RuleText kRuleTexts[] = {
    {"tag:nav", false, "a <nav> element: site navigation, chrome by its tag"},
    {"tag:aside", false, "an <aside> element: a box beside the content, chrome by its tag"},
    {"tag:footer", false, "a <footer> element: the page's or a section's footer, chrome by its tag"},
    {"tag:header", false, "a <header> element: the site's banner or a section's header, chrome by its tag"},
    {"tag:menu", false, "a <menu> element: chrome by its tag"},
    {"tag:form", false, "a <form>: search boxes, comment and sign-up forms are not content"},
    {"tag:noscript", false,
     "a <noscript> under 200 characters, or under 1000 that names scripts or the browser in any language: a "
     "\"please enable JavaScript\" notice or a tracking pixel"},
    {"tag:figcaption", false, "a figure caption: never part of the main text"},
    {"tag:", true, "an element that never holds main text (scripts, media, embedded frames, form controls)"},
    {"role:dialog", false, "a modal dialog (role=dialog or aria-modal=true): cookie notices, pop-ups, carts"},
    {"role:alertdialog", false, "a modal alert dialog: cookie notices, pop-ups"},
    {"consent-text", false,
     "a consent dialog without class names or roles: a block whose text names cookies and consent or privacy, "
     "with a button that accepts or rejects them or a toggle per kind of cookie, at the page's start or end "
     "(anywhere if short: an embed's placeholder)"},
    {"role:", true, "an ARIA landmark of page chrome (navigation, banner, contentinfo, complementary, search, ...)"},
    {"class:hidden", false, "a class that hides it from view (sr-only, visually-hidden, hidden, d-none)"},
    {"class:comments", false,
     "the comment section, by its class or id (pith extract --comments puts it in `comments`)"},
    {"class:", true, "a class or id that names page chrome (rules.cpp kClassRules, weight -25 or lower)"},
    {"itemprop:counter", false,
     "a schema.org InteractionCounter (itemprop=interactionStatistic): a post's like or view count"},
    {"phrase:", true, "a short block whose whole text is a boilerplate phrase (rules.cpp)"},
    {"hidden", false,
     "hidden from view: a hidden or popover attribute, aria-hidden=true, or an inline style display:none / visibility:hidden"},
    {"link-dense", false, "inside the container, a block of mostly link text with little plain text: a link list"},
    {"teaser-list", false, "inside the container, a list of look-alike cards or teasers with links"},
    {"related-section", false,
     "the section that a list heading opens (\"Related news\", \"Similar items\"): a list of other pages"},
    {"author-box", false,
     "the author's box that an \"About the author\" heading opens: the writer's name, bio and page link"},
    {"orphan-heading", false, "a heading whose following blocks were all dropped: it headed what went"},
    {"update-line", false,
     "a block that only says when the page was last updated (\"Updated on May 3, 2024\"): metadata, not text"},
    {"post-dateline", false,
     "the line beside a poster's name or under an article that says when it was written, in Chinese or "
     "Japanese (\"发表于 2024-4-5 23:20\", \"IP属地\" and a date): metadata, not the text"},
    {"duplicate", false, "a second copy of an earlier block (shop, forum and listing pages repeat sections)"},
    {"placeholder-text", false,
     "a template's filler text (\"Lorem ipsum dolor sit amet\"), two or more blocks of it: a theme's demo "
     "blocks left on the page"},
    {"comment-notice", false,
     "the heading and notice just before a comment section that a script fills (\"Comments\", \"To post a "
     "comment, log in\")"},
    {"repeated-section", false,
     "a run of blocks repeating an earlier run in the same order: a second copy of a section (a mobile version, "
     "a slideshow printed again)"},
    {"call-to-action", false,
     "on a listing or collection page, a short control drawn as a button (class btn or button, role=button): "
     "\"Quick view\", \"Add to bag\""},
    {"chrome-only", false,
     "the best container is link lists inside page chrome, or on a typed page anything in the page's own "
     "footer: the page has no main text"},
    {"outside-main", false, "outside the main container: not part of the content that was chosen"},
};

// Text kept in a dropped block for a report: enough to recognise it; Block::chars keeps the full
// count. collect_blocks keeps it whole (the block classifier reads it, and may keep the block).
constexpr size_t kDroppedTextBytes = 2000;
constexpr size_t kWholeText = size_t(-1);
// Path components shown from the element up; deeper ancestors become "...".
constexpr size_t kPathDepth = 12;

// Elements rendered as one block even when they hold block children: a list, a table or code
// is read as one unit.
bool is_atomic_block(Tag t) {
  return t == Tag::k_ul || t == Tag::k_ol || t == Tag::k_dl || t == Tag::k_table || t == Tag::k_pre;
}

// Rules of nodes that are never visible (no text on screen): no block for them.
bool is_invisible_rule(std::string_view rule) {
  return rule == "tag:script" || rule == "tag:style" || rule == "tag:template" || rule == "comment-node" ||
         rule == "tag:head" || rule == "tag:title" || rule == "tag:meta" || rule == "tag:link";
}

uint32_t visible_chars(std::string_view s) {
  uint32_t n = 0;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    n += (u & 0xC0) != 0x80 && !is_ascii_space(c);
  }
  return n;
}

// Cuts s to at most max bytes at a UTF-8 character boundary, with an ellipsis when cut.
void cap_text(std::string& s, size_t max) {
  if (s.size() <= max) return;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  s.resize(cut);
  s += "\u2026";
}

class BlockWalker {
 public:
  BlockWalker(const Document& doc, const ContentSelection& sel, const Options& options, std::vector<Block>& out,
              std::vector<BlockFacts>* facts, size_t dropped_text_bytes)
      : doc_(doc), sel_(sel), options_(options), out_(out), facts_(facts), dropped_text_bytes_(dropped_text_bytes) {}

  void run() {
    if (sel_.body == kNoNode) return;
    measure();
    if (sel_.main != kNoNode)
      for (NodeId a = doc_.node(sel_.main).parent; a != kNoNode; a = doc_.node(a).parent) on_path_[a] = 1;
    main_element_ = sel_.main == kNoNode ? std::string() : describe_element(doc_, sel_.main);
    visit(sel_.body);
  }

 private:
  bool invisible(NodeId n) const {
    const Node& node = doc_.node(n);
    return node.kind == NodeKind::kComment || node.kind == NodeKind::kDoctype || is_invisible_rule(sel_.drop[n]);
  }
  bool dropped(NodeId n) const { return doc_.node(n).kind == NodeKind::kElement && !sel_.drop[n].empty(); }
  bool in_main(NodeId n) const {
    for (; n != kNoNode; n = doc_.node(n).parent)
      if (n == sel_.main) return true;
    return false;
  }

  // Per node of the body: visible and link characters (invisible subtrees left out), whether a
  // strict descendant is dropped with visible text (mixed), whether a child is a block element.
  void measure() {
    const size_t size = doc_.size();
    chars_.assign(size, 0);
    links_.assign(size, 0);
    mixed_.assign(size, 0);
    block_child_.assign(size, 0);
    on_path_.assign(size, 0);
    in_link_.assign(size, 0);
    std::vector<NodeId> order;
    for (NodeId n = sel_.body; n != kNoNode;) {
      if (invisible(n)) {
        n = doc_.next_skip_children(n, sel_.body);
        continue;
      }
      order.push_back(n);
      const NodeId parent = doc_.node(n).parent;
      in_link_[n] = (n != sel_.body && parent != kNoNode && in_link_[parent]) || is_link_element(doc_, n);
      n = doc_.next_in_subtree(n, sel_.body);
    }
    for (size_t i = order.size(); i-- > 0;) {
      const NodeId n = order[i];
      const Node& node = doc_.node(n);
      if (node.kind == NodeKind::kText) {
        chars_[n] = visible_chars(doc_.text(n));
        if (in_link_[n]) links_[n] = chars_[n];
      }
      if (n == sel_.body || node.parent == kNoNode) continue;
      const NodeId p = node.parent;
      chars_[p] += chars_[n];
      links_[p] += links_[n];
      if (chars_[n] == 0) continue;
      mixed_[p] |= mixed_[n] || dropped(n);
      if (node.kind == NodeKind::kElement && is_block_tag(node.tag) && node.tag != Tag::k_br) block_child_[p] = 1;
    }
  }

  // An element shown as one block: wholly kept or wholly outside (no dropped part, not around
  // the container), and either a leaf block or a list, table or code block.
  bool is_unit(NodeId n) const {
    if (mixed_[n] || on_path_[n]) return false;
    return !block_child_[n] || is_atomic_block(doc_.node(n).tag);
  }
  // Text and inline elements that join their neighbours into one run of loose text.
  bool is_inline(NodeId n) const {
    const Node& node = doc_.node(n);
    if (node.kind == NodeKind::kText) return true;
    return node.kind == NodeKind::kElement && !is_block_tag(node.tag) && !mixed_[n] && !on_path_[n] &&
           n != sel_.main && sel_.drop[n].empty();
  }

  void visit(NodeId root) {
    // Children are walked in order with an explicit stack (no recursion on deep pages); a run of
    // inline children is emitted when a block child or the parent's end interrupts it.
    struct Frame {
      NodeId parent;
      NodeId child;
    };
    std::vector<Frame> stack{{root, doc_.node(root).first_child}};
    if (dropped(root) || is_unit(root)) {
      if (chars_[root] > 0) emit_node(root);
      return;
    }
    while (!stack.empty()) {
      Frame& f = stack.back();
      if (f.child == kNoNode) {
        flush_run(f.parent);
        stack.pop_back();
        continue;
      }
      const NodeId n = f.child;
      f.child = doc_.node(n).next_sibling;
      if (invisible(n) || chars_[n] == 0) continue;
      if (is_inline(n)) {
        run_.push_back(n);
        continue;
      }
      flush_run(f.parent);
      if (dropped(n) || is_unit(n)) {
        emit_node(n);
      } else {
        stack.push_back({n, doc_.node(n).first_child});
      }
    }
  }

  std::string path(NodeId n) const {
    std::vector<NodeId> chain;
    for (NodeId a = n; a != kNoNode && doc_.node(a).kind == NodeKind::kElement; a = doc_.node(a).parent) {
      chain.push_back(a);
      if (a == sel_.body) break;
    }
    std::string out;
    if (chain.size() > kPathDepth) {
      chain.resize(kPathDepth);
      out = "\u2026";
    }
    for (size_t i = chain.size(); i-- > 0;) {
      if (!out.empty()) out += " > ";
      out += describe_element(doc_, chain[i]);
    }
    return out;
  }

  // Visible text below n, dropped parts included (a dropped block shows what went), collapsed.
  void append_visible_text(NodeId n, std::string& buf) const {
    for (NodeId d = n; d != kNoNode;) {
      if (invisible(d)) {
        d = doc_.next_skip_children(d, n);
        continue;
      }
      if (doc_.node(d).kind == NodeKind::kText) buf += doc_.text(d);
      else if (doc_.node(d).kind == NodeKind::kElement && is_block_tag(doc_.node(d).tag)) buf += ' ';
      d = doc_.next_in_subtree(d, n);
    }
  }

  std::string reason(NodeId n, std::string_view rule) const {
    std::string why(rule_description(rule));
    auto add = [&](std::string_view detail) {
      why += why.empty() ? "" : "; ";
      why += detail;
    };
    if (rule.starts_with("class:")) {
      std::string attrs;
      if (doc_.has_attr(n, "class")) attrs += "class=\"" + std::string(trim(doc_.attr(n, "class"))) + "\"";
      if (doc_.has_attr(n, "id")) attrs += (attrs.empty() ? "" : " ") + ("id=\"" + std::string(trim(doc_.attr(n, "id"))) + "\"");
      if (!attrs.empty()) add(attrs);
    } else if (rule.starts_with("role:")) {
      add("role=\"" + std::string(trim(doc_.attr(n, "role"))) + "\"");
    } else if (rule == "hidden") {
      if (doc_.has_attr(n, "hidden")) add("it has the hidden attribute");
      else if (doc_.attr(n, "aria-hidden") == "true") add("aria-hidden=\"true\"");
      else if (doc_.has_attr(n, "popover")) add("it is a popover, hidden until opened");
      else add("style=\"" + std::string(trim(doc_.attr(n, "style"))) + "\"");
    } else if (rule == "link-dense") {
      const float limit = options_.favor == Favor::kPrecision ? 0.4f : options_.favor == Favor::kRecall ? 0.7f : 0.5f;
      add(std::to_string(links_[n]) + " of its " + std::to_string(chars_[n]) + " characters are link text (over " +
          std::to_string(static_cast<int>(limit * 100)) + "%)");
    } else if (rule == "outside-main" || rule == "chrome-only") {
      if (!main_element_.empty()) add("the main container is " + main_element_);
    }
    return why;
  }

  void emit_node(NodeId n) {
    Block b;
    b.element = describe_element(doc_, n);
    b.path = path(n);
    b.chars = chars_[n];
    b.link_chars = links_[n];
    b.score = sel_.stats[n].sum;
    if (dropped(n)) {
      b.rule = std::string(sel_.drop[n]);
    } else if (!in_main(n)) {
      b.rule = "outside-main";
    } else {
      b.kept = true;
      render(doc_, sel_, n, RenderMode::kText, options_, b.text);
      while (!b.text.empty() && b.text.back() == '\n') b.text.pop_back();
    }
    if (!b.kept) {
      std::string buf;
      append_visible_text(n, buf);
      b.text = collapse_whitespace(buf);
      cap_text(b.text, dropped_text_bytes_);
      b.reason = reason(n, b.rule);
    }
    record(n);
    out_.push_back(std::move(b));
  }

  // What the block classifier needs beyond Block's fields (block_model.h BlockFacts).
  void record(NodeId n) {
    if (facts_ == nullptr) return;
    BlockFacts f;
    f.in_main = in_main(n);
    f.on_path = on_path_[n];
    for (NodeId a = n; a != kNoNode && a != sel_.body; a = doc_.node(a).parent) ++f.depth;
    facts_->push_back(f);
  }

  void flush_run(NodeId parent) {
    if (run_.empty()) return;
    Block b;
    b.element = "#text";
    b.path = path(parent) + " > #text";
    std::string buf;
    for (NodeId n : run_) {
      b.chars += chars_[n];
      b.link_chars += links_[n];
      append_visible_text(n, buf);
    }
    run_.clear();
    b.text = collapse_whitespace(buf);
    if (in_main(parent)) {
      b.kept = true;
    } else {
      b.rule = "outside-main";
      cap_text(b.text, dropped_text_bytes_);
      b.reason = reason(parent, b.rule);
    }
    record(parent);
    out_.push_back(std::move(b));
  }

  const Document& doc_;
  const ContentSelection& sel_;
  const Options& options_;
  std::vector<Block>& out_;
  std::vector<BlockFacts>* facts_;
  size_t dropped_text_bytes_;
  std::string main_element_;
  std::vector<uint32_t> chars_, links_;
  std::vector<uint8_t> mixed_, block_child_, on_path_, in_link_;
  std::vector<NodeId> run_;
};

}  // namespace

std::string_view rule_description(std::string_view rule) {
  for (const RuleText& r : kRuleTexts)
    if (!r.prefix && r.rule == rule) return r.text;
  for (const RuleText& r : kRuleTexts)
    if (r.prefix && rule.starts_with(r.rule)) return r.text;
  return {};
}

void record_blocks(const Document& doc, const ContentSelection& sel, const Options& options, Extraction& out) {
  BlockWalker(doc, sel, options, out.blocks, nullptr, kDroppedTextBytes).run();
}

void collect_blocks(const Document& doc, const ContentSelection& sel, const Options& options,
                    std::vector<Block>& blocks, std::vector<BlockFacts>& facts) {
  blocks.clear();
  facts.clear();
  BlockWalker(doc, sel, options, blocks, &facts, kWholeText).run();
}

}  // namespace pith
