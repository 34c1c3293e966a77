#include "text/words.h"

#include <unicode/uchar.h>

#include "core/utf8.h"

namespace pith {

namespace {

bool is_ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}
bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
// Split off the front of a chunk: quotes and opening brackets.
bool leading_split(char c) { return c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' || c == '<' || c == '`'; }
// Split off the back of a chunk: closing punctuation.
bool trailing_split(char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == ']' || c == '}' ||
         c == '>' || c == '"' || c == '\'';
}

void push(std::string_view s, std::vector<Token>& out) {
  if (s.empty()) return;
  Token t;
  t.s = s;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') t.has_alpha = true;
      ++i;
    } else if (!t.has_alpha) {
      t.has_alpha = is_letter_at(s, i);
    } else {
      ++i;
      while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    }
    ++t.chars;
  }
  t.punct = s.size() == 1 && is_ascii_punct(s[0]);
  out.push_back(t);
}

}  // namespace

size_t char_count(std::string_view s) { return utf8_length(s); }

bool is_letter_at(std::string_view s, size_t& i) {
  size_t len = utf8_sequence_length(s, i);
  if (len == 0) {
    ++i;
    return false;
  }
  char32_t cp = utf8_decode(s, i);
  return u_isalpha(static_cast<UChar32>(cp));
}

void tokenize_words(std::string_view text, std::vector<Token>& out) {
  out.clear();
  size_t i = 0, n = text.size();
  while (i < n) {
    while (i < n && is_space(static_cast<unsigned char>(text[i]))) ++i;
    size_t start = i;
    while (i < n && !is_space(static_cast<unsigned char>(text[i]))) ++i;
    std::string_view chunk = text.substr(start, i - start);
    if (chunk.empty()) continue;
    while (chunk.size() > 1 && leading_split(chunk.front())) {
      push(chunk.substr(0, 1), out);
      chunk.remove_prefix(1);
    }
    // Trailing punctuation, with "..." kept together as one token.
    size_t end = chunk.size();
    while (end > 0 && trailing_split(chunk[end - 1])) --end;
    if (end == 0) {  // all punctuation: one token ("...", "?!")
      push(chunk, out);
      continue;
    }
    push(chunk.substr(0, end), out);
    std::string_view tail = chunk.substr(end);
    while (!tail.empty()) {
      if (tail.starts_with("...")) {
        push(tail.substr(0, 3), out);
        tail.remove_prefix(3);
      } else {
        push(tail.substr(0, 1), out);
        tail.remove_prefix(1);
      }
    }
  }
}

void split_lines(std::string_view text, std::vector<std::string_view>& out) {
  out.clear();
  size_t start = 0, i = 0, n = text.size();
  while (i < n) {
    char c = text[i];
    if (c == '\n' || c == '\r') {
      out.push_back(text.substr(start, i - start));
      if (c == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
      start = ++i;
    } else {
      ++i;
    }
  }
  if (start < n) out.push_back(text.substr(start));
}

}  // namespace pith
