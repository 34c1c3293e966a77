// The Markdown pith writes, as HTML that is safe to show: render.cpp writes a small part of
// CommonMark (ATX headings, paragraphs, bullet and ordered lists, block quotes, fenced code, GFM
// pipe tables, links, images, backslash escapes), so this reads that part and no more; anything
// else stays text. Nothing of the input becomes markup: every character is escaped, links and
// images become text with their targets shown.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "pith/inspect.h"
#include "report/html.h"

namespace pith {

namespace {

using report::append_escaped;

// Quotes inside lists inside quotes...: past this depth the rest is shown as it is written.
constexpr int kMaxNesting = 16;

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

size_t leading_spaces(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  return i;
}

std::string_view trim_spaces(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

bool is_ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

// A fence line: ``` or ~~~ (3 or more) after at most 3 spaces. Returns the fence's length, 0 if none.
size_t fence_length(std::string_view line, char* fence_char) {
  size_t i = leading_spaces(line);
  if (i > 3 || i >= line.size() || (line[i] != '`' && line[i] != '~')) return 0;
  char c = line[i];
  size_t n = 0;
  while (i + n < line.size() && line[i + n] == c) ++n;
  if (n < 3) return 0;
  if (fence_char) *fence_char = c;
  return n;
}

int heading_level(std::string_view line, std::string_view* text) {
  size_t i = leading_spaces(line);
  if (i > 3) return 0;
  size_t n = 0;
  while (i + n < line.size() && line[i + n] == '#') ++n;
  if (n == 0 || n > 6) return 0;
  if (i + n < line.size() && line[i + n] != ' ' && line[i + n] != '\t') return 0;
  std::string_view rest = trim_spaces(line.substr(i + n));
  // A closing run of # after a space is not part of the heading.
  size_t end = rest.size();
  while (end > 0 && rest[end - 1] == '#') --end;
  if (end < rest.size() && (end == 0 || rest[end - 1] == ' ')) rest = trim_spaces(rest.substr(0, end));
  *text = rest;
  return static_cast<int>(n);
}

bool is_thematic_break(std::string_view line) {
  size_t i = leading_spaces(line);
  if (i > 3 || i >= line.size()) return false;
  char c = line[i];
  if (c != '-' && c != '*' && c != '_') return false;
  size_t count = 0;
  for (; i < line.size(); ++i) {
    if (line[i] == c) ++count;
    else if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r') return false;
  }
  return count >= 3;
}

bool is_quote(std::string_view line) {
  size_t i = leading_spaces(line);
  return i <= 3 && i < line.size() && line[i] == '>';
}

struct ListMarker {
  bool ordered = false;
  char delimiter = 0;   // '-', '*', '+' or '.', ')'
  long start = 1;
  size_t content = 0;   // column where the item's content starts
};

bool list_marker(std::string_view line, ListMarker* m) {
  size_t i = leading_spaces(line);
  if (i > 3 || i >= line.size()) return false;
  size_t after;
  if (line[i] == '-' || line[i] == '*' || line[i] == '+') {
    m->ordered = false;
    m->delimiter = line[i];
    after = i + 1;
  } else {
    size_t d = i;
    long value = 0;
    while (d < line.size() && d - i < 9 && line[d] >= '0' && line[d] <= '9') value = value * 10 + (line[d++] - '0');
    if (d == i || d >= line.size() || (line[d] != '.' && line[d] != ')')) return false;
    m->ordered = true;
    m->delimiter = line[d];
    m->start = value;
    after = d + 1;
  }
  if (after < line.size() && line[after] != ' ' && line[after] != '\t') return false;
  size_t spaces = 0;
  while (after + spaces < line.size() && line[after + spaces] == ' ') ++spaces;
  if (after + spaces >= line.size() || is_blank(line.substr(after))) spaces = 1;  // an empty item
  else if (spaces > 4) spaces = 1;  // indented code inside the item: content starts after one space
  m->content = after + spaces;
  return true;
}

bool is_delimiter_row(std::string_view line) {
  std::string_view s = trim_spaces(line);
  if (s.empty() || s.find('-') == std::string_view::npos) return false;
  bool pipe = false;
  for (char c : s) {
    if (c == '|') pipe = true;
    else if (c != '-' && c != ':' && c != ' ' && c != '\t') return false;
  }
  return pipe || s.find_first_not_of("-: ") == std::string_view::npos;
}

std::vector<std::string> split_cells(std::string_view line) {
  std::string_view s = trim_spaces(line);
  if (!s.empty() && s.front() == '|') s.remove_prefix(1);
  if (!s.empty() && s.back() == '|' && (s.size() < 2 || s[s.size() - 2] != '\\')) s.remove_suffix(1);
  std::vector<std::string> cells;
  std::string cell;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == '|') {
      cell += '|';  // \| in a cell is a pipe (GFM), whatever the inline escapes do after
      ++i;
    } else if (s[i] == '|') {
      cells.emplace_back(trim_spaces(cell));
      cell.clear();
    } else {
      cell += s[i];
    }
  }
  cells.emplace_back(trim_spaces(cell));
  return cells;
}

// Link destination and optional title after "](": returns the index after ')' or npos.
size_t parse_destination(std::string_view s, size_t i, std::string* dest) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\n')) ++i;
  if (i < s.size() && s[i] == '<') {
    size_t end = s.find('>', i + 1);
    if (end == std::string_view::npos) return std::string_view::npos;
    *dest = std::string(s.substr(i + 1, end - i - 1));
    i = end + 1;
  } else {
    int depth = 0;
    while (i < s.size() && s[i] != ' ' && s[i] != '\n') {
      if (s[i] == '\\' && i + 1 < s.size() && is_ascii_punct(s[i + 1])) {
        *dest += s[i + 1];
        i += 2;
        continue;
      }
      if (s[i] == '(') ++depth;
      if (s[i] == ')') {
        if (depth == 0) break;
        --depth;
      }
      *dest += s[i++];
    }
  }
  while (i < s.size() && (s[i] == ' ' || s[i] == '\n')) ++i;
  if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {  // a title: skipped
    size_t end = s.find(s[i], i + 1);
    if (end == std::string_view::npos) return std::string_view::npos;
    i = end + 1;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n')) ++i;
  }
  if (i >= s.size() || s[i] != ')') return std::string_view::npos;
  return i + 1;
}

// The ']' that closes the '[' at i, with escapes and nested brackets; npos if none.
size_t closing_bracket(std::string_view s, size_t i) {
  int depth = 0;
  for (size_t j = i; j < s.size(); ++j) {
    if (s[j] == '\\') {
      ++j;
    } else if (s[j] == '`') {
      size_t run = 1;
      while (j + run < s.size() && s[j + run] == '`') ++run;
      size_t close = s.find(std::string(run, '`'), j + run);
      if (close != std::string_view::npos) j = close + run - 1;
    } else if (s[j] == '[') {
      ++depth;
    } else if (s[j] == ']') {
      if (--depth == 0) return j;
    }
  }
  return std::string_view::npos;
}

void render_inline(std::string_view s, std::string& out, int depth) {
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c == '\\' && i + 1 < s.size() && is_ascii_punct(s[i + 1])) {
      append_escaped(out, s.substr(i + 1, 1));
      i += 2;
    } else if (c == '\\' && i + 1 < s.size() && s[i + 1] == '\n') {
      out += "<br>\n";
      i += 2;
    } else if (c == '`') {
      size_t run = 1;
      while (i + run < s.size() && s[i + run] == '`') ++run;
      size_t close = s.find(std::string(run, '`'), i + run);
      while (close != std::string_view::npos && close + run < s.size() && s[close + run] == '`')
        close = s.find(std::string(run, '`'), close + run + 1);
      if (close == std::string_view::npos) {
        append_escaped(out, s.substr(i, run));
        i += run;
        continue;
      }
      std::string_view code = s.substr(i + run, close - i - run);
      if (code.size() >= 2 && code.front() == ' ' && code.back() == ' ' && !is_blank(code))
        code = code.substr(1, code.size() - 2);
      out += "<code>";
      append_escaped(out, code);
      out += "</code>";
      i = close + run;
    } else if ((c == '[' || (c == '!' && i + 1 < s.size() && s[i + 1] == '[')) && depth < kMaxNesting) {
      const bool image = c == '!';
      const size_t open = image ? i + 1 : i;
      const size_t close = closing_bracket(s, open);
      std::string dest;
      size_t end = std::string_view::npos;
      if (close != std::string_view::npos && close + 1 < s.size() && s[close + 1] == '(')
        end = parse_destination(s, close + 2, &dest);
      if (end == std::string_view::npos) {
        append_escaped(out, s.substr(i, open - i + 1));
        i = open + 1;
        continue;
      }
      std::string_view label = s.substr(open + 1, close - open - 1);
      out += image ? "<span class=\"md-image\">[image: " : "<span class=\"md-link\">";
      render_inline(label, out, depth + 1);
      out += image ? "]</span>" : "</span>";
      out += "<span class=\"md-target\"> \u27E8";
      append_escaped(out, dest);
      out += "\u27E9</span>";
      i = end;
    } else if (c == ' ' && s.substr(i).starts_with("  \n")) {
      out += "<br>\n";
      i += 3;
    } else {
      size_t j = i + 1;
      while (j < s.size() && s[j] != '\\' && s[j] != '`' && s[j] != '[' && s[j] != '!' && s[j] != ' ') ++j;
      append_escaped(out, s.substr(i, j - i));
      i = j;
    }
  }
}

void render_blocks(const std::vector<std::string_view>& lines, std::string& out, int depth);

void render_paragraph(const std::vector<std::string_view>& lines, size_t from, size_t to, std::string& out, int depth,
                      std::string_view tag = "p") {
  std::string text;
  for (size_t k = from; k < to; ++k) {
    if (k > from) text += '\n';
    text += k == from ? trim_spaces(lines[k]) : std::string_view(lines[k]).substr(std::min(leading_spaces(lines[k]), lines[k].size()));
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\r')) text.pop_back();
  out += "<";
  out += tag;
  out += ">";
  render_inline(text, out, depth);
  out += "</";
  out += tag;
  out += ">\n";
}

// Whether a line starts a block other than a paragraph (and so ends a paragraph).
bool interrupts_paragraph(std::string_view line) {
  std::string_view heading;
  ListMarker m;
  return fence_length(line, nullptr) || heading_level(line, &heading) || is_quote(line) || is_thematic_break(line) ||
         (list_marker(line, &m) && !is_blank(line.substr(m.content < line.size() ? m.content : line.size())) &&
          (!m.ordered || m.start == 1));
}

void render_blocks(const std::vector<std::string_view>& lines, std::string& out, int depth) {
  if (depth > kMaxNesting) {
    out += "<pre>";
    for (std::string_view l : lines) {
      append_escaped(out, l);
      out += '\n';
    }
    out += "</pre>\n";
    return;
  }
  size_t i = 0;
  while (i < lines.size()) {
    std::string_view line = lines[i];
    if (is_blank(line)) {
      ++i;
      continue;
    }
    char fence_char = 0;
    if (size_t fence = fence_length(line, &fence_char)) {
      const size_t indent = leading_spaces(line);
      size_t j = i + 1;
      out += "<pre><code>";
      for (; j < lines.size(); ++j) {
        char c = 0;
        size_t n = fence_length(lines[j], &c);
        if (n >= fence && c == fence_char && is_blank(lines[j].substr(leading_spaces(lines[j]) + n))) break;
        std::string_view code = lines[j];
        code.remove_prefix(std::min(indent, leading_spaces(code)));
        append_escaped(out, code);
        out += '\n';
      }
      out += "</code></pre>\n";
      i = j + 1;
      continue;
    }
    std::string_view heading;
    if (int level = heading_level(line, &heading)) {
      out += "<h" + std::to_string(level) + ">";
      render_inline(heading, out, depth);
      out += "</h" + std::to_string(level) + ">\n";
      ++i;
      continue;
    }
    if (is_thematic_break(line)) {
      out += "<hr>\n";
      ++i;
      continue;
    }
    if (is_quote(line)) {
      std::vector<std::string_view> inner;
      for (; i < lines.size() && is_quote(lines[i]); ++i) {
        std::string_view l = lines[i];
        l.remove_prefix(leading_spaces(l) + 1);
        if (!l.empty() && l.front() == ' ') l.remove_prefix(1);
        inner.push_back(l);
      }
      out += "<blockquote>\n";
      render_blocks(inner, out, depth + 1);
      out += "</blockquote>\n";
      continue;
    }
    ListMarker first;
    if (list_marker(line, &first)) {
      out += first.ordered ? (first.start == 1 ? std::string("<ol>\n") : "<ol start=\"" + std::to_string(first.start) + "\">\n")
                           : std::string("<ul>\n");
      ListMarker m = first;
      while (i < lines.size()) {
        std::vector<std::string_view> item;
        std::string_view l = lines[i];
        item.push_back(m.content < l.size() ? l.substr(m.content) : std::string_view());
        size_t j = i + 1;
        for (; j < lines.size(); ++j) {
          std::string_view next = lines[j];
          if (is_blank(next)) {
            item.push_back({});
            continue;
          }
          if (leading_spaces(next) >= m.content) {
            item.push_back(next.substr(m.content));
            continue;
          }
          break;
        }
        while (!item.empty() && is_blank(item.back())) item.pop_back();
        out += "<li>";
        render_blocks(item, out, depth + 1);
        out += "</li>\n";
        i = j;
        ListMarker next;
        if (i >= lines.size() || !list_marker(lines[i], &next) || next.ordered != first.ordered ||
            next.delimiter != first.delimiter)
          break;
        m = next;
      }
      out += first.ordered ? "</ol>\n" : "</ul>\n";
      continue;
    }
    if (line.find('|') != std::string_view::npos && i + 1 < lines.size() && is_delimiter_row(lines[i + 1])) {
      std::vector<std::string> head = split_cells(line);
      out += "<table>\n<thead><tr>";
      for (const std::string& cell : head) {
        out += "<th>";
        render_inline(cell, out, depth);
        out += "</th>";
      }
      out += "</tr></thead>\n<tbody>\n";
      size_t j = i + 2;
      for (; j < lines.size() && !is_blank(lines[j]) && !interrupts_paragraph(lines[j]); ++j) {
        std::vector<std::string> row = split_cells(lines[j]);
        row.resize(head.size());
        out += "<tr>";
        for (const std::string& cell : row) {
          out += "<td>";
          render_inline(cell, out, depth);
          out += "</td>";
        }
        out += "</tr>\n";
      }
      out += "</tbody>\n</table>\n";
      i = j;
      continue;
    }
    size_t j = i + 1;
    while (j < lines.size() && !is_blank(lines[j]) && !interrupts_paragraph(lines[j])) ++j;
    render_paragraph(lines, i, j, out, depth);
    i = j;
  }
}

}  // namespace

std::string markdown_to_safe_html(std::string_view markdown) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= markdown.size()) {
    size_t end = markdown.find('\n', start);
    if (end == std::string_view::npos) end = markdown.size();
    std::string_view line = markdown.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  std::string out;
  render_blocks(lines, out, 0);
  return out;
}

}  // namespace pith
