#include "filter/badwords.h"

#include <unicode/uchar.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/strings.h"
#include "core/utf8.h"

namespace pith {

namespace {

// Python's \w on str: letters and numbers (str.isalnum) and "_".
bool is_word_char(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  uint32_t mask = U_GC_L_MASK | U_GC_N_MASK;
  return (U_GET_GC_MASK(static_cast<UChar32>(c)) & mask) != 0;
}

// The code point at t[i] (U+FFFD for a malformed byte) and its length.
char32_t code_point_at(std::string_view t, size_t i, size_t& len) {
  len = utf8_sequence_length(t, i);
  if (len == 0) {
    len = 1;
    return 0xFFFD;
  }
  size_t j = i;
  return utf8_decode(t, j);
}

}  // namespace

void utf8_lowercase(std::string_view s, std::string& out) {
  out.clear();
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out += ascii_lower(static_cast<char>(b));
      ++i;
      continue;
    }
    size_t len = utf8_sequence_length(s, i);
    if (len == 0) {
      out += s[i++];
      continue;
    }
    size_t j = i;
    char32_t c = utf8_decode(s, j);
    utf8_append(static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))), out);
    i += len;
  }
}

BadWords::BadWords(const std::vector<std::string>& entries) {
  nodes_.emplace_back();  // node 0: the root (its children are in root_)
  std::string lowered;
  for (const auto& e : entries) {
    std::string_view t = trim(e);
    if (t.empty()) continue;
    utf8_lowercase(t, lowered);
    add(lowered);
  }
}

Result<BadWords> BadWords::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  if (in) bytes << in.rdbuf();
  if (!in || in.bad()) return Error{ErrorCode::kIo, path + ": cannot read bad-words list: " + std::strerror(errno)};
  std::string text = bytes.str();
  std::vector<std::string> entries;
  for (auto line : split_any(text, "\n")) entries.emplace_back(line);
  BadWords b(entries);
  if (b.size() == 0) return Error{ErrorCode::kBadInput, path + ": bad-words list has no entries"};
  return b;
}

void BadWords::add(std::string_view w) {
  uint32_t node = 0;
  for (size_t k = 0; k < w.size(); ++k) {
    unsigned char b = static_cast<unsigned char>(w[k]);
    uint32_t child = 0;
    if (node == 0) {
      child = root_[b];
    } else {
      for (auto& [c, n] : nodes_[node].next)
        if (c == b) child = n;
    }
    if (child == 0) {
      child = static_cast<uint32_t>(nodes_.size());
      nodes_.emplace_back();
      if (node == 0) root_[b] = child;
      else nodes_[node].next.emplace_back(b, child);
    }
    node = child;
  }
  if (!nodes_[node].end) ++entries_;
  nodes_[node].end = true;
}

size_t BadWords::match_at(std::string_view t, size_t i) const {
  uint32_t node = root_[static_cast<unsigned char>(t[i])];
  size_t j = i + 1;
  while (node != 0) {
    if (nodes_[node].end) {
      size_t len = 0;
      if (j == t.size() || !is_word_char(code_point_at(t, j, len))) return j - i;
    }
    if (j == t.size()) break;
    unsigned char b = static_cast<unsigned char>(t[j]);
    uint32_t child = 0;
    for (auto& [c, n] : nodes_[node].next)
      if (c == b) child = n;
    node = child;
    ++j;
  }
  return 0;
}

std::string BadWords::find(std::string_view text, FilterScratch& s) const {
  if (entries_ == 0) return {};
  utf8_lowercase(text, s.lowered);
  std::string_view t = s.lowered;
  bool after_word = false;  // the code point before i is a word character
  for (size_t i = 0; i < t.size();) {
    if (!after_word) {
      size_t n = match_at(t, i);
      if (n) return std::string(t.substr(i, n));
    }
    size_t len = 0;
    after_word = is_word_char(code_point_at(t, i, len));
    i += len;
  }
  return {};
}

std::string_view BadWords::check(std::string_view text, FilterScratch& s) const {
  return find(text, s).empty() ? std::string_view() : std::string_view("c4_badwords");
}

}  // namespace pith
