#include "text/pii.h"

#include <cstring>

#include "core/strings.h"

namespace pith {

namespace {

bool is_alnum(char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }
// Characters of an e-mail local part (RFC 5322 atext plus dots).
bool is_local(char c) { return is_alnum(c) || (c && std::strchr("!#$%&'*+/=?^_`{|}~-.", c) != nullptr); }

// The end of a domain (labels of [A-Za-z0-9-] joined by dots, at least two labels, the last
// one alphabetic and 2+ long), starting at `at`; `at` itself when there is none.
size_t domain_end(const std::string& s, size_t at) {
  size_t i = at, labels = 0, last_label_start = at, end = at;
  while (i < s.size()) {
    size_t start = i;
    while (i < s.size() && (is_alnum(s[i]) || s[i] == '-')) ++i;
    if (i == start || s[start] == '-' || s[i - 1] == '-') break;
    ++labels;
    last_label_start = start;
    end = i;
    if (i + 1 < s.size() && s[i] == '.' && is_alnum(s[i + 1])) {
      ++i;
      continue;
    }
    break;
  }
  if (labels < 2) return at;
  size_t tld_len = end - last_label_start;
  if (tld_len < 2) return at;
  for (size_t k = last_label_start; k < end; ++k)
    if (!((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z')) return at;
  return end;
}

// Parses a dotted quad at i without leading zeros; fills octets, returns the end or npos.
size_t parse_ipv4(const std::string& s, size_t i, int oct[4]) {
  for (int k = 0; k < 4; ++k) {
    if (k > 0) {
      if (i >= s.size() || s[i] != '.') return std::string::npos;
      ++i;
    }
    size_t start = i;
    int v = 0;
    while (i < s.size() && is_ascii_digit(s[i]) && i - start < 3) v = v * 10 + (s[i++] - '0');
    if (i == start || (i - start > 1 && s[start] == '0') || v > 255) return std::string::npos;
    oct[k] = v;
  }
  if (i < s.size() && (is_ascii_digit(s[i]) || (s[i] == '.' && i + 1 < s.size() && is_ascii_digit(s[i + 1]))))
    return std::string::npos;
  return i;
}

// Python's ipaddress.IPv4Address.is_global, from the IANA special-purpose registry.
bool is_global_ipv4(const int o[4]) {
  if (o[0] == 0 || o[0] == 10 || o[0] == 127) return false;
  if (o[0] == 100 && o[1] >= 64 && o[1] <= 127) return false;  // shared address space
  if (o[0] == 169 && o[1] == 254) return false;
  if (o[0] == 172 && o[1] >= 16 && o[1] <= 31) return false;
  if (o[0] == 192 && o[1] == 0 && (o[2] == 0 || o[2] == 2)) return false;
  if (o[0] == 192 && o[1] == 168) return false;
  if (o[0] == 198 && (o[1] == 18 || o[1] == 19)) return false;
  if (o[0] == 198 && o[1] == 51 && o[2] == 100) return false;
  if (o[0] == 203 && o[1] == 0 && o[2] == 113) return false;
  if (o[0] >= 224) return false;  // multicast and reserved
  return true;
}

}  // namespace

PiiCounts mask_pii(std::string& text) {
  PiiCounts counts;
  if (text.find('@') == std::string::npos && text.find('.') == std::string::npos) return counts;
  std::string out;
  out.reserve(text.size());
  size_t i = 0, copied = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '@' && i > 0 && is_local(text[i - 1])) {
      size_t start = i;
      while (start > copied && is_local(text[start - 1])) --start;
      while (start < i && text[start] == '.') ++start;  // a local part does not start with a dot
      size_t end = domain_end(text, i + 1);
      if (start < i && end > i + 1 && (start == 0 || !is_alnum(text[start - 1]))) {
        out.append(text, copied, start - copied);
        out += kEmailReplacement;
        copied = i = end;
        ++counts.emails;
        continue;
      }
    } else if (is_ascii_digit(c) && (i == 0 || (!is_ascii_digit(text[i - 1]) && text[i - 1] != '.' && !is_alnum(text[i - 1])))) {
      int oct[4];
      size_t end = parse_ipv4(text, i, oct);
      if (end != std::string::npos) {
        if (is_global_ipv4(oct)) {
          out.append(text, copied, i - copied);
          out += kIpReplacement;
          copied = end;
          ++counts.ips;
        }
        i = end;
        continue;
      }
    }
    ++i;
  }
  if (copied == 0) return counts;
  out.append(text, copied, std::string::npos);
  text.swap(out);
  return counts;
}

}  // namespace pith
