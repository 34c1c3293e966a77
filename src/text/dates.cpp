#include "text/dates.h"


#include "core/strings.h"

namespace pith {

namespace {

// Month names and their common abbreviations (English; German, French and Spanish names that
// differ from English in their first letters).
struct MonthName {
  std::string_view name;
  int month;
};
constexpr MonthName kMonths[] = {
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6}, {"july", 7},
    {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
    {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7}, {"aug", 8}, {"sep", 9},
    {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
    {"januar", 1}, {"februar", 2}, {"märz", 3}, {"mai", 5}, {"juni", 6}, {"juli", 7}, {"oktober", 10},
    {"dezember", 12}, {"janvier", 1}, {"février", 2}, {"mars", 3}, {"avril", 4}, {"juin", 6},
    {"juillet", 7}, {"août", 8}, {"septembre", 9}, {"octobre", 10}, {"novembre", 11}, {"décembre", 12},
    {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6}, {"julio", 7},
    {"agosto", 8}, {"septiembre", 9}, {"octubre", 10}, {"noviembre", 11}, {"diciembre", 12},
};

struct Token {
  std::string_view text;
  size_t begin, end;
  bool digits;
};

bool is_word_byte(unsigned char c) { return static_cast<unsigned>((c | 32) - 'a') < 26u || static_cast<unsigned>(c - '0') < 10u || c >= 0x80; }

constexpr size_t kMaxTokens = 64;

// The tokens of s (the first kMaxTokens) into out; returns how many.
size_t tokenize(std::string_view s, Token* out) {
  size_t count = 0;
  size_t i = 0;
  while (i < s.size() && count < kMaxTokens) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (!is_word_byte(c)) {
      ++i;
      continue;
    }
    size_t b = i;
    bool digits = static_cast<unsigned>(c - '0') < 10u;  // "21st" is one token that starts with digits
    while (i < s.size() && is_word_byte(static_cast<unsigned char>(s[i]))) ++i;
    out[count++] = Token{s.substr(b, i - b), b, i, digits};
  }
  return count;
}

int month_of(std::string_view w) {
  constexpr size_t kLongestMonth = 11;  // "septiembre", "décembre" in UTF-8 bytes
  if (w.size() < 3 || w.size() > kLongestMonth) return 0;
  char buf[kLongestMonth];
  for (size_t i = 0; i < w.size(); ++i) buf[i] = (w[i] >= 'A' && w[i] <= 'Z') ? static_cast<char>(w[i] + 32) : w[i];
  const std::string_view low(buf, w.size());
  for (const auto& m : kMonths)
    if (low == m.name) return m.month;
  // "21st", "3rd": not a month.
  return 0;
}

int number(std::string_view w) {
  if (w.empty() || w.size() > 4) return -1;
  int v = 0;
  for (char c : w) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

// "21st" -> 21
int day_number(std::string_view w) {
  size_t n = 0;
  while (n < w.size() && w[n] >= '0' && w[n] <= '9') ++n;
  if (n == 0 || n > 2) return -1;
  std::string_view rest = w.substr(n);
  if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th" && rest != "er") return -1;
  int d = number(w.substr(0, n));
  return d >= 1 && d <= 31 ? d : -1;
}

bool plausible_year(int y) { return y >= 1990 && y <= 2100; }

// Of a checked date (a plausible year, month 1-12, day 1-31), so all fields have their width;
// written by hand, as snprintf cost more than the rest of the search.
std::string ymd(int y, int m, int d) {
  auto digit = [](int v) { return static_cast<char>('0' + v % 10); };
  const char out[10] = {digit(y / 1000), digit(y / 100), digit(y / 10), digit(y), '-',
                        digit(m / 10),   digit(m),       '-',           digit(d / 10), digit(d)};
  return std::string(out, sizeof out);
}

// Digits-only token followed directly by a separator char and another number: 2023-03-21 etc.
bool numeric_date(std::string_view s, size_t at, FoundDate& out) {
  auto read = [&](size_t& i, int max_len) {
    size_t b = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && static_cast<int>(i - b) < max_len) ++i;
    return i > b ? number(s.substr(b, i - b)) : -1;
  };
  size_t i = at;
  size_t b0 = i;
  int a = read(i, 4);
  size_t la = i - b0;
  if (a < 0 || i >= s.size()) return false;
  char sep = s[i];
  if (sep != '-' && sep != '/' && sep != '.') return false;
  ++i;
  size_t b1 = i;
  int bnum = read(i, 2);
  if (bnum < 0 || i - b1 == 0 || i >= s.size() || s[i] != sep) return false;
  ++i;
  size_t b2 = i;
  int c = read(i, 4);
  size_t lc = i - b2;
  if (c < 0) return false;
  if (i < s.size() && s[i] >= '0' && s[i] <= '9') return false;
  int y, m, d;
  if (la == 4) {
    y = a, m = bnum, d = c;
    if (lc > 2) return false;
  } else if (lc == 4 && la <= 2) {
    y = c;
    if (sep == '/' && a <= 12) m = a, d = bnum;  // US order
    else d = a, m = bnum;                         // day.month.year
  } else {
    return false;
  }
  if (!plausible_year(y) || m < 1 || m > 12 || d < 1 || d > 31) return false;
  out = FoundDate{ymd(y, m, d), b0, i};
  return true;
}

// Every form above needs a year: a run of exactly four digits from 1990 to 2100. Most lines
// with digits have none, and this scan is far cheaper than the parse.
bool has_year(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] < '0' || s[i] > '9') {
      ++i;
      continue;
    }
    size_t b = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i - b == 4 && plausible_year(number(s.substr(b, 4)))) return true;
  }
  return false;
}

}  // namespace

FoundDate find_date(std::string_view s) {
  FoundDate out;
  if (!has_year(s)) return out;
  // Numeric forms first: they are unambiguous where they match.
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9' && (i == 0 || !(s[i - 1] >= '0' && s[i - 1] <= '9'))) {
      if (numeric_date(s, i, out)) return out;
    }
  }
  Token t[kMaxTokens];
  const size_t nt = tokenize(s, t);
  for (size_t k = 0; k < nt; ++k) {
    int m = t[k].digits ? 0 : month_of(t[k].text);
    if (!m) continue;
    // Month D, YYYY  /  Month D YYYY
    if (k + 2 < nt) {
      int d = day_number(t[k + 1].text);
      int y = number(t[k + 2].text);
      if (d > 0 && plausible_year(y)) return FoundDate{ymd(y, m, d), t[k].begin, t[k + 2].end};
    }
    // D Month YYYY
    if (k >= 1 && k + 1 < nt) {
      int d = day_number(t[k - 1].text);
      int y = number(t[k + 1].text);
      if (d > 0 && plausible_year(y)) return FoundDate{ymd(y, m, d), t[k - 1].begin, t[k + 1].end};
    }
  }
  return out;
}

}  // namespace pith
