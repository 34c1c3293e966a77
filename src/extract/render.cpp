#include "extract/render.h"

#include <algorithm>
#include <charconv>
#include <vector>

#include "core/strings.h"
#include "core/utf8.h"
#include "extract/debris.h"

namespace pith {

namespace {

// A colspan wider than this is cut: an empty cell per spanned column keeps a table's columns
// lined up, and the cap keeps a malformed colspan="100000" from writing megabytes of pipes.
constexpr int kMaxColspan = 64;
// GFM table separator cells; any run of dashes would do.
constexpr std::string_view kDelimiterCell = "---";

bool is_collapsible_space(char32_t cp) {
  return cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' || cp == '\f' || cp == 0xA0 || cp == 0x200B ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x3000 || cp == 0x202F;
}
// A byte order mark is never part of the text.
bool is_invisible(char32_t cp) { return cp == 0xFEFF; }
// Marks that are spelling inside a word: the zero-width non-joiner and joiner (Persian writes
// "می‌خواهم" with a non-joiner between a prefix and its verb, Indic scripts choose a conjunct's
// shape with them, emoji sequences are joined by them) and the soft hyphen, the word's own
// hyphenation points as its author set them ("Antrags&shy;formular"). One is held until the next
// visible character and written only when no space or line break came between (Writer::joiner_):
// at a word's edge (a "&zwj;" closing a paragraph) it is nothing to keep.
bool is_joiner(char32_t cp) { return cp == 0x200C || cp == 0x200D || cp == 0xAD; }
constexpr size_t kMaxHeldJoiners = 8;  // marks held at most (3 UTF-8 bytes each): a longer run is filler
bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || is_ascii_digit(c); }
bool is_ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

// `&name;` or `&#123;`: a CommonMark parser would decode it, so the `&` of such text is escaped.
bool looks_like_entity(std::string_view s, size_t i) {
  if (i < s.size() && s[i] == '#') ++i;
  size_t start = i;
  while (i < s.size() && is_ascii_alnum(s[i])) ++i;
  return i > start && i < s.size() && s[i] == ';';
}

// A link or image destination in the plain (not <...>) form: no spaces or controls, and
// parentheses and backslashes escaped so that the destination ends where the URL does.
std::string link_destination(std::string_view url, bool in_cell) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : url) {
    auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7F || c == '<' || c == '>') {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else if (c == '(' || c == ')' || c == '\\' || (in_cell && c == '|')) {
      out += '\\';
      out += ch;
    } else {
      out += ch;
    }
  }
  return out.empty() ? "<>" : out;
}

// Image alt text is inline Markdown inside `![...]`.
std::string escape_alt(std::string_view alt, bool in_cell) {
  std::string out;
  for (char c : alt) {
    if (c == '\\' || c == '[' || c == ']' || c == '`' || c == '*' || c == '_' || c == '<' || (in_cell && c == '|'))
      out += '\\';
    out += c;
  }
  return out;
}

// One open container block of the Markdown output: each of its lines starts with its marker
// (the first line) or its continuation (the others). A list item's continuation is as wide as
// its marker, CommonMark's rule for what belongs to the item.
struct Container {
  enum class Kind : uint8_t { kQuote, kItem };
  Kind kind = Kind::kQuote;
  NodeId node = kNoNode;
  int list = -1;          // an item: the index of its list in Writer::lists_, -1 for none
  std::string marker;     // set when the first line is written (an ordered item's number)
  std::string continuation;
  bool started = false;   // its first line is written
  int entry_break = 0;    // an item's break before its first line; blocks inside ask no more
};

// An inline span open in the Markdown output (a link, a code span). Its opening is written
// when its first character is: an element with no text leaves nothing behind. A line break
// closes it and the next text opens it again, since neither may cross a block boundary.
struct InlineSpan {
  enum class Kind : uint8_t { kLink, kCode };
  Kind kind = Kind::kLink;
  NodeId node = kNoNode;
  std::string destination;         // links
  size_t start = std::string::npos;  // where its text begins in the output, npos before any
};

class Writer {
 public:
  Writer(std::string& out, RenderMode mode) : out_(out), md_(mode == RenderMode::kMarkdown) {}

  // Asks for a line break (1) or a blank line (2) before the next text.
  void brk(int level) {
    if (md_) {
      markdown_break(level);
      return;
    }
    if (level > pending_) pending_ = level;
  }
  // An element starts or ends here (see text()).
  void boundary() { boundary_ = true; }

  void text(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
      size_t start = i;
      char32_t cp = utf8_decode(s, i);
      if (is_collapsible_space(cp)) {
        space_ = true;
        continue;
      }
      if (is_invisible(cp)) continue;
      if (is_joiner(cp)) {
        if (!space_ && pending_ == 0 && !at_line_start() && joiner_.size() < kMaxHeldJoiners * 3) {
          if (joiner_.empty()) joiner_at_ = out_.size();
          joiner_.append(s.data() + start, i - start);
        }
        continue;
      }
      flush_break();
      // "Brookfin" + "Heron" in two spans, no space between: a word that starts in capitals
      // right after an element boundary, glued to a lower-case letter or digit, is a new word
      // (a brand and a name, a price and a label); inside one text node it is not ("iPhone").
      // After an acronym ("FPS" + "First person"), a capitalised word is a new word too.
      if (!space_ && boundary_ && cp >= 'A' && cp <= 'Z' && !out_.empty() && !at_line_start()) {
        char prev = out_.back();
        if ((prev >= 'a' && prev <= 'z') || (prev >= '0' && prev <= '9')) space_ = true;
        if (prev >= 'A' && prev <= 'Z' && i < s.size() && s[i] >= 'a' && s[i] <= 'z') space_ = true;
      }
      boundary_ = false;
      if (space_ && !at_line_start()) out_.push_back(' ');
      if (!joiner_.empty()) {
        if (!space_ && out_.size() == joiner_at_) out_ += joiner_;
        joiner_.clear();
      }
      space_ = false;
      if (md_) {
        open_spans();
        if (cp < 0x80 && needs_escape(static_cast<char>(cp), s, i)) out_.push_back('\\');
      }
      out_.append(s.data() + start, i - start);
      // Plain text: once a character is written, no break is pending and no space, joiner or
      // element boundary is held, so the visible ASCII after it needs none of the checks
      // above. It is written as one run instead of a character at a time.
      if (!md_) {
        size_t run = i;
        while (run < s.size() && s[run] > ' ' && s[run] < '\x7f') ++run;
        out_.append(s.data() + i, run - i);
        i = run;
      }
    }
  }
  // Raw text (pre): kept exactly.
  void raw(std::string_view s) {
    if (s.empty()) return;
    // Markdown: <pre> in a heading or a table cell is inline text there.
    if (md_ && !in_code_block_) {
      text(s);
      return;
    }
    if (md_) {
      code_block_break();
    } else {
      flush_break();
    }
    out_.append(s);
    space_ = false;
  }
  void finish() {
    while (!out_.empty() && (out_.back() == '\n' || out_.back() == ' ')) out_.pop_back();
  }
  bool at_line_start() const {
    if (md_) return out_.size() == content_start_;
    return out_.empty() || out_.back() == '\n';
  }

  // ---- Markdown only ----

  // <br>: a hard line break (a backslash at the end of the line) when text follows in the
  // same block; nothing when the block ends there.
  void hard_break() {
    markdown_break(1);
    if (!in_cell_ && !heading_started_ && !in_code_block_) hard_break_ = true;
  }
  // A <br>: a line break, and a second one with no text since it ends the paragraph, as
  // hand-made pages set paragraphs with <br><br> where others write <p>.
  void line_break() {
    const bool second = br_run_;
    br_run_ = true;
    if (md_) {
      if (second)
        markdown_break(2);
      else
        hard_break();
      return;
    }
    brk(second ? 2 : 1);
  }

  void open_quote(NodeId n) {
    markdown_break(2);
    Container c;
    c.kind = Container::Kind::kQuote;
    c.node = n;
    c.marker = c.continuation = "> ";
    containers_.push_back(std::move(c));
  }
  void open_list(bool ordered, long start) { lists_.push_back({ordered, start, 0}); }
  void close_list() {
    if (!lists_.empty()) lists_.pop_back();
  }
  bool lists_open() const { return !lists_.empty(); }
  // Inside a list item (innermost container), where a nested list needs no blank line.
  bool in_item() const { return !containers_.empty() && containers_.back().kind == Container::Kind::kItem; }
  void open_item(NodeId n) {
    markdown_break(1);
    Container c;
    c.kind = Container::Kind::kItem;
    c.node = n;
    c.list = static_cast<int>(lists_.size()) - 1;
    c.entry_break = pending_;
    containers_.push_back(std::move(c));
  }
  void close_container(NodeId n) {
    if (!containers_.empty() && containers_.back().node == n) containers_.pop_back();
  }

  void open_heading(NodeId n, int level) {
    if (heading_node_ != kNoNode) return;
    markdown_break(2);
    heading_node_ = n;
    heading_marker_ = std::string(level, '#') + " ";
  }
  void close_heading(NodeId n) {
    if (heading_node_ != n) return;
    if (heading_started_) {
      // A closing run of '#' after a space would be read as the optional closing sequence.
      size_t run = out_.size();
      while (run > heading_content_start_ && out_[run - 1] == '#') --run;
      if (run < out_.size() && (run == heading_content_start_ || out_[run - 1] == ' ')) out_.insert(run, "\\");
    }
    heading_node_ = kNoNode;
    heading_started_ = false;
    markdown_break(2);
  }
  bool in_heading() const { return heading_node_ != kNoNode; }

  void open_link(NodeId n, std::string_view href) {
    for (const InlineSpan& s : spans_)
      if (s.kind == InlineSpan::Kind::kLink) return;  // links do not nest
    InlineSpan s;
    s.kind = InlineSpan::Kind::kLink;
    s.node = n;
    s.destination = link_destination(href, in_cell_);
    spans_.push_back(std::move(s));
  }
  void open_code(NodeId n) {
    if (in_code_span()) return;  // <code><code>: one span (and spans_ stays short)
    InlineSpan s;
    s.kind = InlineSpan::Kind::kCode;
    s.node = n;
    spans_.push_back(std::move(s));
  }
  void close_span(NodeId n) {
    if (spans_.empty() || spans_.back().node != n) return;
    close_segment(spans_.back());
    spans_.pop_back();
  }

  void image(std::string_view alt, std::string_view src) {
    begin_content();
    out_ += "![" + escape_alt(alt, in_cell_) + "](" + link_destination(src, in_cell_) + ")";
  }

  // A whole line of its own (a table row, a thematic break), after a break of `level`.
  void block_line(std::string_view s, int level) {
    if (level > pending_) pending_ = level;
    close_segments();
    start_line();
    out_ += s;
  }

  // Fenced code: the text of <pre> is written raw between begin and end; end wraps it in a
  // fence longer than any backtick run inside and puts the containers' prefix on each line.
  void begin_code_block() { code_start_ = std::string::npos; in_code_block_ = true; }
  void end_code_block() {
    in_code_block_ = false;
    if (code_start_ == std::string::npos) return;
    std::string code = out_.substr(code_start_);
    out_.resize(code_start_);
    code_start_ = std::string::npos;
    size_t longest = 0, run = 0;
    for (char c : code) {
      run = c == '`' ? run + 1 : 0;
      longest = std::max(longest, run);
    }
    std::string fence(std::max<size_t>(3, longest + 1), '`');
    std::string cont = prefix_of(true);
    std::string blank_cont = cont;
    while (!blank_cont.empty() && blank_cont.back() == ' ') blank_cont.pop_back();
    if (!code.empty() && code.back() == '\n') code.pop_back();
    out_ += fence;
    size_t pos = 0;
    while (true) {
      size_t end = code.find('\n', pos);
      std::string_view line = std::string_view(code).substr(pos, end == std::string::npos ? end : end - pos);
      out_ += '\n';
      out_ += line.empty() ? blank_cont : cont;
      out_ += line;
      if (end == std::string::npos) break;
      pos = end + 1;
    }
    out_ += '\n';
    out_ += cont;
    out_ += fence;
    content_start_ = out_.size() + 1;  // the line is taken: what follows needs a break
  }

  // Table cells are rendered inline into the output, then taken out of it into the table.
  void begin_cell() {
    close_segments();
    saved_pending_ = pending_;
    saved_content_start_ = content_start_;
    saved_hard_break_ = hard_break_;
    pending_ = 0;
    space_ = false;
    in_cell_ = true;
    content_start_ = out_.size();
  }
  std::string end_cell() {
    close_segments();
    std::string cell = out_.substr(content_start_);
    out_.resize(content_start_);
    in_cell_ = false;
    pending_ = saved_pending_;
    hard_break_ = saved_hard_break_;
    space_ = false;
    content_start_ = saved_content_start_;
    return cell;
  }
  bool in_cell() const { return in_cell_; }

 private:
  struct List {
    bool ordered;
    long next;       // an ordered list's next number
    int items = 0;   // items started
  };

  void flush_break() {
    br_run_ = false;
    if (md_) {
      markdown_flush();
      return;
    }
    if (pending_ && !out_.empty()) {
      while (!out_.empty() && out_.back() == ' ') out_.pop_back();
      size_t have = 0;
      for (size_t k = out_.size(); k > 0 && out_[k - 1] == '\n' && have < 2; --k) ++have;
      for (int k = static_cast<int>(have); k < pending_; ++k) out_.push_back('\n');
    }
    if (pending_ || out_.empty()) space_ = false;
    pending_ = 0;
  }

  void markdown_break(int level) {
    // A heading is one line, a table cell too: a break inside them is a space.
    if (in_cell_ || heading_started_) {
      space_ = true;
      return;
    }
    hard_break_ = false;
    if (in_code_block_) {
      if (level > pending_) pending_ = level;
      return;
    }
    // A list item's first block stays on the marker's line and adds no blank line, so that a
    // list of <li><p>...</p></li> stays a tight list.
    if (!containers_.empty() && containers_.back().kind == Container::Kind::kItem && !containers_.back().started)
      level = std::min(level, std::max(1, containers_.back().entry_break));
    if (level > pending_) pending_ = level;
  }

  void markdown_flush() {
    if (in_cell_) return;
    if (pending_ == 0 && !out_.empty()) return;
    close_segments();
    start_line();
  }

  // Ends the current line (with a blank line after it when a paragraph ends) and writes the
  // next line's container prefix and heading marker.
  void start_line() {
    // The next item of a list follows the one before on the next line, whatever blocks ended
    // that one: a blank line between items would make the list loose.
    if (pending_ >= 2 && next_line_starts_later_item()) pending_ = 1;
    if (!out_.empty()) {
      while (out_.size() > content_start_ && out_.back() == ' ') out_.pop_back();
      if (hard_break_ && pending_ == 1 && out_.size() > content_start_) out_ += '\\';
      out_ += '\n';
      if (pending_ >= 2) {
        std::string blank = prefix_of(true);
        while (!blank.empty() && blank.back() == ' ') blank.pop_back();
        out_ += blank;
        out_ += '\n';
      }
    }
    out_ += prefix_of(false);
    if (heading_node_ != kNoNode && !heading_started_) {
      out_ += heading_marker_;
      heading_started_ = true;
      heading_content_start_ = out_.size();
    }
    content_start_ = out_.size();
    pending_ = 0;
    hard_break_ = false;
    space_ = false;
  }

  bool next_line_starts_later_item() const {
    for (const Container& c : containers_) {
      if (c.started) continue;
      return c.kind == Container::Kind::kItem && c.list >= 0 && lists_[c.list].items > 0;
    }
    return false;
  }

  // The prefix of the next line: each started container's continuation; with `continuing`
  // false the containers not started yet add their marker and count as started.
  std::string prefix_of(bool continuing) {
    std::string p;
    for (Container& c : containers_) {
      if (c.started) {
        p += c.continuation;
        continue;
      }
      if (continuing) break;
      if (c.kind == Container::Kind::kItem) {
        List* list = c.list >= 0 ? &lists_[c.list] : nullptr;
        c.marker = list && list->ordered ? std::to_string(list->next++) + ". " : "- ";
        c.continuation.assign(c.marker.size(), ' ');
        if (list) ++list->items;
      }
      c.started = true;
      p += c.marker;
    }
    return p;
  }

  // In a code block: breaks from elements inside <pre> are newlines, as in the text.
  void code_block_break() {
    if (code_start_ == std::string::npos) {
      markdown_flush();
      code_start_ = out_.size();
      pending_ = 0;
      return;
    }
    if (pending_) {
      while (out_.size() > code_start_ && out_.back() == ' ') out_.pop_back();
      int have = 0;
      for (size_t k = out_.size(); k > code_start_ && out_[k - 1] == '\n' && have < 2; --k) ++have;
      for (int k = have; k < pending_; ++k) out_.push_back('\n');
      pending_ = 0;
    }
  }

  // What precedes an image or other inline content: the pending break, a space, open spans.
  void begin_content() {
    flush_break();
    if (space_ && !at_line_start()) out_.push_back(' ');
    space_ = false;
    boundary_ = false;
    open_spans();
  }

  void open_spans() {
    for (InlineSpan& s : spans_)
      if (s.start == std::string::npos) s.start = out_.size();
  }
  void close_segments() {
    for (size_t k = spans_.size(); k > 0; --k) close_segment(spans_[k - 1]);
  }
  void close_segment(InlineSpan& s) {
    if (s.start == std::string::npos) return;
    size_t start = s.start;
    s.start = std::string::npos;
    if (s.kind == InlineSpan::Kind::kLink) {
      // "Look![text](url)" would be an image.
      if (start > 0 && out_[start - 1] == '!') out_.insert(start++ - 1, 1, '\\');
      out_.insert(start, 1, '[');
      out_ += "](" + s.destination + ")";
      return;
    }
    std::string code = out_.substr(start);
    size_t longest = 0, run = 0;
    for (char c : code) {
      run = c == '`' ? run + 1 : 0;
      longest = std::max(longest, run);
    }
    std::string ticks(longest + 1, '`');
    // A code span strips one space on each side; one that starts or ends with a backtick
    // needs that space to be told from its delimiter.
    std::string_view pad = code.front() == '`' || code.back() == '`' ? " " : "";
    out_.resize(start);
    out_ += ticks;
    out_ += pad;
    out_ += code;
    out_ += pad;
    out_ += ticks;
  }

  bool in_code_span() const {
    for (const InlineSpan& s : spans_)
      if (s.kind == InlineSpan::Kind::kCode) return true;
    return false;
  }
  bool in_link() const {
    for (const InlineSpan& s : spans_)
      if (s.kind == InlineSpan::Kind::kLink) return true;
    return false;
  }

  // Text that a CommonMark parser would read as syntax gets a backslash; ordinary prose
  // (a lone "5 * 3", snake_case, "[1]", "a < b") does not.
  bool needs_escape(char c, std::string_view s, size_t next) const {
    if (in_code_span()) return in_cell_ && c == '|';
    const bool line_start = !in_cell_ && out_.size() == content_start_;
    const bool have_next = next < s.size();
    const char nc = have_next ? s[next] : '\0';
    const bool next_space = have_next && is_ascii_space(nc);
    const bool prev_space = out_.size() == content_start_ || out_.back() == ' ';
    if (line_start && starts_block(c, s, next)) return true;
    switch (c) {
      case '\\': return !have_next || is_ascii_punct(nc);
      case '`': return true;
      case '*': return !(prev_space && next_space);
      case '_': {
        const bool prev_alnum = !prev_space && is_ascii_alnum(out_.back());
        return !((prev_alnum && have_next && is_ascii_alnum(nc)) || (prev_space && next_space));
      }
      case '[': case ']': return in_link();
      // "[a](b)" in text would be a link.
      case '(': return out_.size() > content_start_ && out_.back() == ']';
      case '<': return !have_next || is_ascii_alpha(nc) || nc == '/' || nc == '!' || nc == '?';
      case '&': return looks_like_entity(s, next);
      case '|': return in_cell_;
      case '.': case ')': {
        // "2019. A year" at the start of a line would be an ordered list item.
        if (in_cell_ || (have_next && !next_space)) return false;
        size_t digits = out_.size() - std::min(out_.size(), content_start_);
        if (digits == 0 || digits > 9 || content_start_ > out_.size()) return false;
        for (size_t k = content_start_; k < out_.size(); ++k)
          if (!is_ascii_digit(out_[k])) return false;
        return true;
      }
      default: return false;
    }
  }
  // At the start of a line: what would open a heading, list, quote, fence, thematic break,
  // setext underline, table delimiter row or link reference definition.
  static bool starts_block(char c, std::string_view s, size_t next) {
    const bool have_next = next < s.size();
    const char nc = have_next ? s[next] : '\0';
    switch (c) {
      case '>': case '[': case '|': case '_': return true;
      case '#': {
        size_t k = next;
        while (k < s.size() && s[k] == '#') ++k;
        return k - next < 6 && (k == s.size() || is_ascii_space(s[k]));
      }
      case '-': case '+': case '*': case '=':
        return !have_next || is_ascii_space(nc) || nc == c || nc == '|' || nc == ':';
      case ':': return nc == '-';
      case '~': return nc == '~';
      default: return false;
    }
  }

  std::string& out_;
  bool md_;
  int pending_ = 0;
  bool space_ = false;
  std::string joiner_;     // joiners (is_joiner) seen since the last visible character
  size_t joiner_at_ = 0;   // out_'s size when the first of them came

  bool boundary_ = false;

  // Markdown state.
  size_t content_start_ = 0;  // where the current line's text begins, after its prefix
  bool hard_break_ = false;
  bool br_run_ = false;  // the last thing written was a <br>: no text since
  std::vector<Container> containers_;
  std::vector<List> lists_;
  std::vector<InlineSpan> spans_;
  NodeId heading_node_ = kNoNode;
  std::string heading_marker_;
  bool heading_started_ = false;
  size_t heading_content_start_ = 0;
  bool in_code_block_ = false;
  size_t code_start_ = std::string::npos;
  bool in_cell_ = false;
  int saved_pending_ = 0;
  size_t saved_content_start_ = 0;
  bool saved_hard_break_ = false;
};

// <pre> and the obsolete tags that HTML 2 and its browsers drew as it: <xmp> (an example of
// markup, shown as written) and <plaintext>. Their white space is the text's.
bool is_preformatted(Tag t) { return t == Tag::k_pre || t == Tag::k_xmp || t == Tag::k_plaintext; }

int break_level(Tag t) {
  switch (t) {
    case Tag::k_p: case Tag::k_h1: case Tag::k_h2: case Tag::k_h3: case Tag::k_h4: case Tag::k_h5:
    case Tag::k_h6: case Tag::k_pre: case Tag::k_xmp: case Tag::k_plaintext: case Tag::k_blockquote: case Tag::k_table: case Tag::k_ul:
    case Tag::k_ol: case Tag::k_dl: case Tag::k_figure: case Tag::k_hr: case Tag::k_section:
    case Tag::k_article:
      return 2;
    default:
      return is_block_tag(t) ? 1 : 0;
  }
}

bool is_table_part(Tag t) {
  return t == Tag::k_table || t == Tag::k_thead || t == Tag::k_tbody || t == Tag::k_tfoot || t == Tag::k_tr ||
         t == Tag::k_td || t == Tag::k_th;
}

// Iterative pre-order walk with enter/exit (no recursion: depth is input-controlled). enter
// returns whether to go into the node's children; exit runs for each node entered.
template <class Enter, class Exit>
void walk(const Document& doc, NodeId scope, Enter&& enter, Exit&& exit) {
  NodeId n = scope;
  while (true) {
    bool entered = enter(n);
    if (entered && doc.node(n).first_child != kNoNode) {
      n = doc.node(n).first_child;
      continue;
    }
    if (entered) exit(n);
    while (true) {
      if (n == scope) return;
      if (doc.node(n).next_sibling != kNoNode) {
        n = doc.node(n).next_sibling;
        break;
      }
      n = doc.node(n).parent;
      exit(n);
    }
  }
}

long parse_count(std::string_view s, long fallback, long max) {
  s = trim(s);
  long v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || v < 0) return fallback;
  return std::min(v, max);
}

// Tables that hold block structure (another table, a heading, code, a quote) are page layout,
// not data: their cells are rendered as blocks rather than squeezed into one pipe-table row.
std::vector<bool> find_layout_tables(const Document& doc, const ContentSelection& sel, NodeId scope,
                                     const Options& options) {
  std::vector<bool> layout;
  std::vector<NodeId> open_tables;
  auto enter = [&](NodeId n) {
    const Node& node = doc.node(n);
    if (n != scope && !sel.drop[n].empty()) return false;
    if (node.kind != NodeKind::kElement) return node.kind == NodeKind::kDocument;
    Tag t = node.tag;
    if (t == Tag::k_table) {
      if (!options.tables) return false;
      if (layout.empty()) layout.resize(doc.size());
      if (!open_tables.empty()) layout[open_tables.back()] = true;
      open_tables.push_back(n);
    } else if (!open_tables.empty() && (is_heading_tag(t) || t == Tag::k_pre || t == Tag::k_blockquote)) {
      layout[open_tables.back()] = true;
    }
    return true;
  };
  auto exit = [&](NodeId n) {
    if (!open_tables.empty() && open_tables.back() == n) open_tables.pop_back();
  };
  walk(doc, scope, enter, exit);
  return layout;
}

struct TableCell {
  std::string text;
  int span = 1;
};
struct TableRow {
  std::vector<TableCell> cells;
  bool in_head = false;
  bool all_th = true;
};
struct Table {
  NodeId node = kNoNode;
  int head_depth = 0;
  std::vector<TableRow> rows;
};

std::string table_line(const std::vector<std::string_view>& cells) {
  std::string line = "|";
  for (std::string_view c : cells) {
    line += ' ';
    line += c;
    line += c.empty() ? "|" : " |";
  }
  return line;
}

// A GFM pipe table: the first row is the header when the page says so (<thead>, or all <th>);
// otherwise the header row is left empty, so that every row of the page stays a body row.
void write_table(const Table& table, Writer& w) {
  size_t columns = 0;
  bool any_text = false;
  for (const TableRow& row : table.rows) {
    size_t width = 0;
    for (const TableCell& c : row.cells) {
      width += c.span;
      any_text = any_text || !c.text.empty();
    }
    columns = std::max(columns, width);
  }
  if (!any_text) return;
  auto cells_of = [&](const TableRow& row) {
    std::vector<std::string_view> cells;
    for (const TableCell& c : row.cells) {
      cells.push_back(c.text);
      for (int k = 1; k < c.span; ++k) cells.emplace_back();
    }
    return cells;
  };
  size_t first_body = 0;
  std::vector<std::string_view> header;
  if (!table.rows.empty() && (table.rows[0].in_head || table.rows[0].all_th)) {
    header = cells_of(table.rows[0]);
    first_body = 1;
  }
  // Body rows may be shorter than the header (GFM fills them), but not the header itself.
  header.resize(columns);
  w.block_line(table_line(header), 2);
  std::vector<std::string_view> delimiter(columns, kDelimiterCell);
  w.block_line(table_line(delimiter), 1);
  for (size_t r = first_body; r < table.rows.size(); ++r) {
    if (table.rows[r].cells.empty()) continue;
    w.block_line(table_line(cells_of(table.rows[r])), 1);
  }
  w.brk(2);
}

}  // namespace

void render(const Document& doc, const ContentSelection& sel, NodeId scope, RenderMode mode,
            const Options& options, std::string& out) {
  out.clear();
  if (!sel.drop[scope].empty()) return;  // the container itself was judged chrome (content.h)
  Writer w(out, mode);
  const bool md = mode == RenderMode::kMarkdown;
  int pre_depth = 0;
  // Whether a text is inside an element that shows code on purpose (debris.h), up to the
  // rendered scope: such text keeps its brackets. Asked only of texts that may hold template
  // markup, so that the other elements cost nothing.
  auto inside_code = [&](NodeId text) {
    for (NodeId a = doc.node(text).parent; a != kNoNode; a = doc.node(a).parent) {
      if (doc.node(a).kind == NodeKind::kElement && is_code_element(doc, a)) return true;
      if (a == scope) break;
    }
    return false;
  };
  std::string stripped;
  // Markdown: the <pre> elements rendered as code blocks, the pipe tables being filled.
  std::vector<NodeId> code_blocks;
  std::vector<Table> tables;
  std::vector<bool> layout_tables;
  if (md) layout_tables = find_layout_tables(doc, sel, scope, options);
  // Markdown blocks (lists, quotes, headings, code) exist outside code blocks and table cells.
  auto structural = [&] { return pre_depth == 0 && !w.in_cell() && !w.in_heading(); };

  auto enter_markdown = [&](NodeId n, Tag t) {
    // Pipe tables: their parts make no breaks; cells are collected, and written on exit.
    const bool layout_table = n < layout_tables.size() && layout_tables[n];
    if (is_table_part(t) && structural() && (t == Tag::k_table ? !layout_table : !tables.empty())) {
      if (t == Tag::k_table) {
        w.brk(2);
        tables.push_back({});
        tables.back().node = n;
      } else if (t == Tag::k_thead) {
        ++tables.back().head_depth;
      } else if (t == Tag::k_tr) {
        tables.back().rows.emplace_back();
        tables.back().rows.back().in_head = tables.back().head_depth > 0;
      } else if (t == Tag::k_td || t == Tag::k_th) {
        if (tables.back().rows.empty()) tables.back().rows.emplace_back();
        tables.back().rows.back().all_th &= t == Tag::k_th;
        w.begin_cell();
      }
      return;
    }
    int lvl = break_level(t);
    long list_start = 1;
    if (t == Tag::k_ol) list_start = parse_count(doc.attr(n, "start"), 1, 999'999'999);
    // A list inside an item needs no blank line before it, unless it is ordered from a number
    // other than 1 (which may not interrupt a paragraph).
    if ((t == Tag::k_ul || t == Tag::k_ol) && structural() && w.in_item() && list_start == 1) lvl = 1;
    if (lvl) w.brk(lvl);
    switch (t) {
      case Tag::k_br: w.line_break(); break;
      case Tag::k_pre: case Tag::k_xmp: case Tag::k_plaintext:
        if (structural()) {
          code_blocks.push_back(n);
          w.begin_code_block();
        }
        ++pre_depth;
        break;
      case Tag::k_ul: case Tag::k_ol:
        if (structural()) w.open_list(t == Tag::k_ol, list_start);
        break;
      case Tag::k_li:
        if (structural()) w.open_item(n);
        break;
      case Tag::k_blockquote:
        if (structural()) w.open_quote(n);
        break;
      case Tag::k_h1: case Tag::k_h2: case Tag::k_h3: case Tag::k_h4: case Tag::k_h5: case Tag::k_h6:
        if (structural()) w.open_heading(n, heading_level(t));
        break;
      case Tag::k_hr:
        // Not "---": as an item's first line ("- ---") that would be a break, not an item.
        if (structural()) w.block_line("***", 2);
        break;
      case Tag::k_img:
        if (options.images && pre_depth == 0) {
          std::string_view src = doc.attr(n, "src");
          if (!src.empty()) w.image(collapse_whitespace(doc.attr(n, "alt")), src);
        }
        break;
      case Tag::k_code:
        if (pre_depth == 0) w.open_code(n);
        break;
      case Tag::k_a:
        if (options.links && pre_depth == 0 && !doc.attr(n, "href").empty()) w.open_link(n, doc.attr(n, "href"));
        break;
      default: break;
    }
  };

  auto exit_markdown = [&](NodeId n, Tag t) {
    // While a pipe table is open, every table part that ends is one of its own (a table with
    // a table inside is a layout table).
    if (!tables.empty() && is_table_part(t)) {
      if (t == Tag::k_table) {
        Table table = std::move(tables.back());
        tables.pop_back();
        write_table(table, w);
      } else if (t == Tag::k_thead) {
        --tables.back().head_depth;
      } else if ((t == Tag::k_td || t == Tag::k_th) && w.in_cell()) {
        TableCell cell;
        cell.text = w.end_cell();
        cell.span = static_cast<int>(parse_count(doc.attr(n, "colspan"), 1, kMaxColspan));
        if (cell.span < 1) cell.span = 1;
        tables.back().rows.back().cells.push_back(std::move(cell));
      }
      return;
    }
    switch (t) {
      case Tag::k_pre: case Tag::k_xmp: case Tag::k_plaintext:
        --pre_depth;
        if (!code_blocks.empty() && code_blocks.back() == n) {
          code_blocks.pop_back();
          w.end_code_block();
        }
        break;
      case Tag::k_ul: case Tag::k_ol:
        if (structural()) w.close_list();
        break;
      case Tag::k_li: case Tag::k_blockquote: w.close_container(n); break;
      case Tag::k_h1: case Tag::k_h2: case Tag::k_h3: case Tag::k_h4: case Tag::k_h5: case Tag::k_h6:
        w.close_heading(n);
        break;
      case Tag::k_code: case Tag::k_a: w.close_span(n); break;
      case Tag::k_td: case Tag::k_th: w.text(" "); break;  // a layout table's cells, as in text
      case Tag::k_br: return;  // its break is asked on entry; a second would cancel it being hard
      default: break;
    }
    if (int lvl = break_level(t)) w.brk(lvl);
  };

  auto enter = [&](NodeId n) -> bool {
    const Node& node = doc.node(n);
    if (n != scope && !sel.drop[n].empty()) return false;
    if (node.kind == NodeKind::kText) {
      std::string_view text = doc.text(n);
      if (pre_depth) {
        // The parser drops the newline right after <pre> but not after <xmp> or <plaintext>,
        // which browsers drew the same way.
        const NodeId parent = node.parent;
        if (text.starts_with('\n') && parent != kNoNode && doc.node(parent).first_child == n &&
            (doc.is_element(parent, Tag::k_xmp) || doc.is_element(parent, Tag::k_plaintext)))
          text.remove_prefix(1);
        w.raw(text);
      }
      else if (may_hold_template_markup(text) && !inside_code(n) && strip_template_markup(text, stripped))
        w.text(stripped);  // unrendered shortcodes and template tags (debris.h)
      else
        w.text(text);
      return false;
    }
    if (node.kind != NodeKind::kElement) return node.kind == NodeKind::kDocument;
    w.boundary();
    Tag t = node.tag;
    if (!options.tables && t == Tag::k_table) return false;
    if (md) {
      enter_markdown(n, t);
      return true;
    }
    if (int lvl = break_level(t)) w.brk(lvl);
    if (t == Tag::k_br) w.line_break();
    if (is_preformatted(t)) ++pre_depth;
    return true;
  };

  auto exit = [&](NodeId n) {
    const Node& node = doc.node(n);
    if (node.kind != NodeKind::kElement) return;
    w.boundary();
    Tag t = node.tag;
    if (md) {
      exit_markdown(n, t);
      return;
    }
    if (is_preformatted(t)) --pre_depth;
    if (t == Tag::k_td || t == Tag::k_th) w.text(" ");
    if (int lvl = break_level(t)) w.brk(lvl);
  };

  walk(doc, scope, enter, exit);
  w.finish();
}

}  // namespace pith
