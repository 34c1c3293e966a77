#include "extract/meta_text.h"

#include <algorithm>
#include <cctype>

#include "core/strings.h"
#include "core/utf8.h"
#include "extract/dates.h"

namespace pith {

namespace {

char32_t fold_cp(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}

bool is_word_cp(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  if (c == 0xA0 || c == 0xAD || c == 0xB7 || c == 0xD7 || c == 0xF7 || (c >= 0xA1 && c <= 0xBF)) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, symbols, arrows
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
  if (c >= 0xFE00 && c <= 0xFE0F) return false;  // variation selectors
  if (c >= 0xFF00 && c <= 0xFF0F) return false;
  if (c >= 0x1F000) return false;  // emoji
  return true;
}

// Separators between title segments. Spaced forms first so that " - " is not read as "-".
constexpr std::string_view kTitleSeparators[] = {
    " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xB7 ", " \xE2\x80\xA2 ", " :: ", " \xC2\xBB ",
    " / ", " \xE2\x80\xBA ", "|",
};

// Separators that Chinese and Japanese sites write without spaces, next to a Han or kana
// character: "标题_示例新闻", "标题--生活--示例网", "标题-示例网". Those scripts put no
// spaces between words. An underscore or a double hyphen is never part of a headline; a single
// hyphen can be ("中国-东盟", "E235系-1000番台"), so only the last one is, and only before
// a piece no longer than the one it ends (the site's name after a headline). (The full-width bar
// "｜" is left out: it also ends a column's name at a headline's start, "专栏｜标题".)
constexpr std::string_view kCjkTitleSeparators[] = {"--", "-", "_"};

// Spaced separators that are a range between two numbers, not a separator: "2026 / 2027",
// "Season 2024 - 2025".
constexpr std::string_view kRangeSeparators[] = {" - ", " \xE2\x80\x93 ", " / "};

// Han ideographs, kana and the full-width punctuation that surrounds them.
bool is_cjk_cp(char32_t c) {
  return (c >= 0x3000 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0x20000 && c <= 0x3FFFF);
}

// The code point that ends at byte `end` of s (0 when there is none or it is malformed).
char32_t cp_before(std::string_view s, size_t end) {
  size_t start = end;
  while (start > 0 && end - start < 4) {
    --start;
    if ((static_cast<unsigned char>(s[start]) & 0xC0) != 0x80) break;
  }
  if (start == end || utf8_sequence_length(s, start) != end - start) return 0;
  return utf8_decode(s, start);
}

char32_t cp_at(std::string_view s, size_t i) {
  if (i >= s.size() || utf8_sequence_length(s, i) == 0) return 0;
  return utf8_decode(s, i);
}


bool cjk_around(std::string_view s, size_t at, size_t len) {
  return is_cjk_cp(cp_before(s, at)) || is_cjk_cp(cp_at(s, at + len));
}

// Where the one single hyphen that separates a CJK title's last piece is, or npos: the last
// lone "-" next to a Han or kana character, followed by no more characters than precede it.
size_t cjk_hyphen_separator(std::string_view s) {
  for (size_t at = s.rfind('-'); at != std::string_view::npos && at > 0; at = s.rfind('-', at - 1)) {
    if (s[at - 1] == '-' || (at + 1 < s.size() && s[at + 1] == '-')) continue;
    if (!cjk_around(s, at, 1)) continue;
    return utf8_length(s.substr(at + 1)) <= utf8_length(s.substr(0, at)) ? at : std::string_view::npos;
  }
  return std::string_view::npos;
}

// Are the words that end at byte `end` and start at byte `begin` of s both whole numbers
// ("2026 / 2027"; not "4.9/5 - 2000+ Reviews")?
bool numbers_around(std::string_view s, size_t end, size_t begin) {
  size_t a = end;
  while (a > 0 && is_ascii_digit(s[a - 1])) --a;
  size_t b = begin;
  while (b < s.size() && is_ascii_digit(s[b])) ++b;
  return a < end && b > begin && (a == 0 || s[a - 1] == ' ') && (b == s.size() || s[b] == ' ');
}

// Labels that name a kind of page, never its headline (loose keys): a site's front page as
// CMSs write it in the <title> ("Home - Example Blog"), and forum software's page kinds
// ("Example Board • View topic - Thread title", phpBB's default).
constexpr std::string_view kPageLabels[] = {
    "home", "homepage", "startseite", "accueil", "inicio", "paginainicial", "paginainiziale", "inizio",
    "stronagłówna", "главная", "首页", "ホーム", "홈", "viewtopic", "viewforum", "viewthread",
};

// Host labels that say nothing about the site.
constexpr std::string_view kGenericHostLabels[] = {
    "www", "com", "org", "net", "edu", "gov", "co", "uk", "io", "de", "fr", "es", "it", "nl", "au", "ca",
    "us", "info", "html", "m", "amp", "blog", "en", "app", "shop", "store", "news", "web", "docs", "support",
    "help", "forum", "forums", "community", "developer", "developers", "dev", "wiki", "ai", "me", "tv",
};

// Words before a name in a byline ("By", "Written by", "von", "par", "por").
constexpr std::string_view kBylinePrefixes[] = {
    "view all posts by", "all posts by", "more posts by", "posts by", "articles by", "more articles by",
    "read more about", "read more from", "more from", "more about", "see more by", "about the author",
    "about", "meet", "this post was written by", "this article was written by", "written and reviewed by",
    "opinion by", "analysis by", "commentary by", "column by", "reporting by", "written by", "posted by",
    "authored by", "article by",
    "guide by", "recipe by", "review by", "insights from", "contributed by", "published by", "words by", "story by", "text by", "article by", "authored by",
    "created by", "submitted by", "started by", "reported by", "author:", "authors:", "author",
    "by:", "by", "autor:", "auteur:", "autore:", "text:",
};

// Bylines in other languages ("Von Max Muster", "Par Marie Dupont", "Di Mario Rossi", "Av Per
// Olsson"); these words are also name particles ("Von Miller", "Di Maria"), so they count only
// before a name of two or more words. The longer phrases are never part of a name.
constexpr std::string_view kForeignBylinePrefixes[] = {"von", "par", "por", "door", "di", "da", "av", "af", "przez",
                                                       "od", "från", "fra"};
constexpr std::string_view kForeignBylinePhrases[] = {
    "geschrieben von", "verfasst von", "ein beitrag von", "veröffentlicht von", "écrit par", "publié par",
    "rédigé par", "escrito por", "publicado por", "redactado por", "scritto da", "pubblicato da", "articolo di",
    "geschreven door", "geplaatst door", "skrevet af", "skrevet av", "skrivet av", "napisał", "автор:", "автор",
    "yazar:", "autor:", "autorin:", "auteur:", "autore:", "autor", "autorin", "auteur", "autore", "door:", "von:",
    "par:", "por:", "di:"};

// Words after a name where the byline goes on with something else.
constexpr std::string_view kBylineStops[] = {
    " | ", " \xE2\x80\xA2 ", " \xC2\xB7 ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", "\n", " updated",
    " published", " posted", " last updated", " on ", " in ", " reviewed by", " fact checked", " edited by",
    " min read", " read time", " follow", " view all", " see all", " \xE2\x80\xA6", "...",
    " is a ", " is an ",  // an author's bio ("Ann Lee is a writer living in Leeds")
    " offline",  // a forum poster's presence ("julian Offline"; "Online" also ends names: "ASU Online")
};

// A value that starts like this is a label or a control, not a name.
constexpr std::string_view kNotAuthorStarts[] = {
    "updated", "published", "posted on", "last updated", "last modified", "skip to", "share", "follow",
    "comments", "read ", "sign in", "log in", "subscribe", "home", "menu", "search", "reviewed by",
    "fact checked", "medically reviewed", "edited by", "min read", "minute read", "mins read", "photo",
    "image", "learn more", "more posts", "continue", "continuing", "offline", "online", "topic author",
    "original poster", "staff writer", "contributing writer", "contributor", "guest author", "by ",
    "write a ", "join ", "joined ", "feedback", "leave a ", "add a ", "submit", "report ", "reply ", "rate ",
    "see all", "view all", "view author", "get author", "become a fan", "username", "no author", "email address",
    "my account", "privacy policy", "terms of", "request a demo", "request demo", "sign up", "log out",
    "you're ", "you are ",  // a message to the reader ("You're logged in as ...")
    // a shop's or a service's call to action in a byline's place ("Shop now", "Try it free",
    // "Get started", "Visit the Acme Store"), a review's badge ("Verified buyer"), a price's terms
    "shop now", "try it", "try for", "get started", "visit the ", "buy now", "order now", "start free",
    "start your", "download", "verified buyer", "verified purchase", "billed ", "free trial",
    "go to ", "from ",  // a link to an account ("Go to Dashboard"); a shop's brand line ("From Acme")
};

// Values that name no one: placeholders, and the labels and controls of forms, menus and
// profiles that sit where a byline is ("Name", "Last", "Open Menu", "Offline"). Compared as
// loose keys (lower-case letters and digits).
constexpr std::string_view kNotAuthors[] = {
    "admin", "administrator", "unknown", "anonymous", "guest", "staff", "editor", "author", "null", "none",
    "undefined", "user", "webmaster", "root", "default", "team", "name", "yourname", "fullname", "firstname",
    "lastname", "first", "last", "vom", "am", "on", "at", "menu", "openmenu", "closemenu", "close", "open",
    "offline", "online", "human", "community", "member", "newmember", "moderator", "reply", "quote", "report",
    "share", "more", "home", "login", "register", "profile", "avatar", "image", "photo", "email", "website",
    "comment", "comments", "post", "posts", "unread", "new", "view", "follow", "autor", "auteur", "autore",
    "redaktion", "rédaction", "redaccion", "redacción", "redazione", "redactie", "account", "myaccount",
    "supporter", "noauthor", "get", "review", "reviews", "answers", "subscription",
    // a form's name field and its "required" mark, in several languages
    "nama", "nombre", "nom", "nome", "naam", "imię", "имя", "isim", "required", "obligatoire", "erforderlich",
    "obligatorio", "obbligatorio", "wajib",
    // a function word left alone by a byline's markup ("By <a>Ann</a> of <a>Desk</a>")
    "of", "the", "and", "for", "from", "with", "to", "logout", "signout", "votes",
    // the same labels and controls in Chinese and Japanese (name, author, time, source, share,
    // copy link, follow, fans, a platform's "account" badge)
    "名字", "姓名", "名前", "作者", "时间", "時間", "来源", "來源", "分享", "复制链接", "複製連結", "关注", "關注",
    "粉丝", "粉絲", "搜狐号", "头条号", "百家号",
};

// Words of a reading time or a count beside a byline ("ca. 8 Min", "5 min read", "Lesezeit: 4
// Minuten", "1,677 new writers this month"): a value with a number and one of these is not a name.
constexpr std::string_view kCountWords[] = {
    "min", "mins", "minute", "minutes", "minuten", "minuti", "minutos", "minuter", "minutter", "hour", "hours",
    "std", "stunden", "read", "lesezeit", "lecture", "lectura", "lettura", "leestijd", "views", "comments",
    "likes", "posts", "badge", "badges", "reputation", "points", "replies", "followers", "writers", "ago", "sec",
};

bool is_letter_like(char32_t c) { return is_word_cp(c) && !(c >= '0' && c <= '9'); }

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

size_t count_char(std::string_view s, char c) {
  size_t n = 0;
  for (char x : s) n += x == c;
  return n;
}

// Short words written with a dot that is part of the name: "Martin Luther King Jr.", "Cerebral
// Inc.", "Acme Co.".
bool is_abbreviation_with_dot(std::string_view w) {
  static constexpr std::string_view kAbbreviations[] = {"jr", "sr", "st", "inc", "ltd", "co", "corp", "bros"};
  for (auto a : kAbbreviations)
    if (iequals(w, a)) return true;
  return false;
}

std::string_view trim_punct(std::string_view s) {
  auto junk = [](char c) {
    return is_ascii_space(c) || c == ',' || c == ';' || c == ':' || c == '-' || c == '|' || c == '.' || c == '@' ||
           c == '"' || c == '\'' || c == '*' || c == '/';
  };
  for (bool again = true; again;) {
    again = false;
    while (!s.empty() && junk(s.front())) s.remove_prefix(1);
    while (!s.empty() && junk(s.back())) {
      if (s.back() == '.') {
        // Keep the dot of an initial or a short title: "A.", "M.D.", "Jr."
        size_t k = s.size() - 1, n = 0;
        while (k > 0 && is_ascii_alpha(s[k - 1])) --k, ++n;
        bool word_start = k == 0 || !is_ascii_alpha(s[k - 1]);
        std::string_view w = s.substr(k, n);
        if (word_start && (n == 1 || is_abbreviation_with_dot(w))) break;
      }
      s.remove_suffix(1);
    }
    // Unbalanced brackets at the ends: "(LabNotes" keeps its ")" only when it has one.
    if (!s.empty() && s.back() == ')' && count_char(s, '(') < count_char(s, ')')) s.remove_suffix(1), again = true;
    if (!s.empty() && s.front() == '(' && count_char(s, ')') < count_char(s, '(')) s.remove_prefix(1), again = true;
    if (!s.empty() && s.front() == '(' && s.back() == ')') s = s.substr(1, s.size() - 2), again = true;
    if (!s.empty() && s.back() == ']' && count_char(s, '[') < count_char(s, ']')) s.remove_suffix(1), again = true;
    if (!s.empty() && s.front() == '[' && count_char(s, ']') < count_char(s, '[')) s.remove_prefix(1), again = true;
    // Typographic quotes, bullets, dashes and arrows at the ends, and the full-width slash,
    // colon and commas of CJK bylines ("ライトハウス国際特許事務所 ／").
    for (std::string_view d : {"\xE2\x80\xA2", "\xC2\xB7", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\xA6",
                               "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99", "\xC2\xBB",
                               "\xC2\xAB", "\xEF\xBC\x8F", "\xEF\xBC\x9A", "\xEF\xBC\x8C", "\xE3\x80\x81",
                               "\xE2\x86\xAC", "\xE2\x86\x92", "\xE2\x80\xBA"}) {
      while (s.starts_with(d)) s = trim(s.substr(d.size())), again = true;
      while (s.ends_with(d)) s = trim(s.substr(0, s.size() - d.size())), again = true;
    }
  }
  return trim(s);
}

// A value made only of a date's parts ("Sat", "Jun 2", "20 Dec, 2025 - 06:36"), or a count or
// reading time ("ca. 8 Min", "2 silver badges"): a number beside a count word.
bool reads_as_date_or_count(std::string_view s) {
  bool all_date_parts = true, number = false, count_word = false;
  size_t words = 0;
  std::string word;
  auto end_word = [&] {
    if (word.empty()) return;
    ++words;
    bool digits = word.find_first_not_of("0123456789") == std::string::npos;
    bool ordinal = word.size() > 2 && std::isdigit(static_cast<unsigned char>(word[0])) &&
                   (word.ends_with("st") || word.ends_with("nd") || word.ends_with("rd") || word.ends_with("th"));
    number = number || digits;
    if (!digits && !ordinal && !is_month_or_weekday_name(word)) all_date_parts = false;
    std::string lower = ascii_lowercase(word);
    for (auto c : kCountWords)
      if (lower == c) count_word = true;
    word.clear();
  };
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    if (utf8_sequence_length(s, i) == 0) {
      ++i;
      continue;
    }
    char32_t c = utf8_decode(s, i);
    if (is_word_cp(c)) word.append(s.data() + start, i - start);
    else end_word();
  }
  end_word();
  return words > 0 && (all_date_parts || (number && count_word));
}

// "Label: rest" or "标签：rest" with a label of one word (at most 16 bytes, four CJK
// characters): the rest, else empty.
std::string_view after_colon_label(std::string_view s) {
  constexpr size_t kMaxLabelBytes = 16;
  size_t colon = s.find(':'), width = 1;
  if (const size_t full = s.find("\xEF\xBC\x9A"); full < colon) colon = full, width = 3;
  if (colon == std::string_view::npos || colon == 0 || colon > kMaxLabelBytes) return {};
  const std::string_view label = s.substr(0, colon);
  if (label.find_first_of(" .0123456789") != std::string_view::npos) return {};
  // Several labelled names ("content: Ann Lee, design: Bo Chen") are a credits line: kept whole.
  const std::string_view rest = s.substr(colon + width);
  if (rest.find(':') != std::string_view::npos || rest.find("\xEF\xBC\x9A") != std::string_view::npos) return {};
  return trim_punct(rest);
}

// A time of day ("9:39AM BST", "14:05"): a digit, a colon and two digits.
bool holds_time_of_day(std::string_view s) {
  for (size_t i = 1; i + 2 < s.size(); ++i)
    if (s[i] == ':' && is_ascii_digit(s[i - 1]) && is_ascii_digit(s[i + 1]) && is_ascii_digit(s[i + 2])) return true;
  return false;
}

// Words of names that are written in lower case: particles ("Alejandro de la Garza", "Ludwig
// van Beethoven", "Ahmad bin Said").
constexpr std::string_view kNameParticles[] = {
    "de", "la", "le", "les", "del", "della", "di", "da", "das", "dos", "do", "du", "des", "van", "von", "der", "den",
    "ter", "ten", "zu", "y", "e", "bin", "binti", "ibn", "al", "el", "st", "los", "las", "dei", "degli", "op", "het",
    "ben", "abu"};

// A phrase of the page, not a name: three or more Latin words, more of them starting with a
// lower-case letter (particles aside) than with a capital ("By harmonizing these elements
// through tools like Adobe Photoshop", "Siamo un memorabilia del meglio dei fantastici").
// Names capitalise each word; a user name is one word.
bool reads_as_phrase(std::string_view s) {
  size_t lower = 0, upper = 0, words = 0;
  for (std::string_view w : split_any(s, " ")) {
    if (w.empty()) continue;
    ++words;
    const char c = w.front();
    if (c >= 'A' && c <= 'Z') {
      ++upper;
    } else if (c >= 'a' && c <= 'z') {
      bool particle = false;
      for (auto p : kNameParticles) particle = particle || iequals(w, p);
      if (!particle) ++lower;
    }
  }
  return words >= 3 && lower > upper;
}

// A headline, not a name: a part between the separators of names (",", ";", "|", "&", "and")
// of more than eight words ("Why Small Studios Must Secure Their Tools Before They Grow", a
// teaser's title in a card classed as its author's). The longest names of people and bodies
// ("Maria de los Santos de la Cruz", "Institute for Coastal Survey and Tidal Research") are shorter.
bool has_headline_length_part(std::string_view s) {
  constexpr size_t kMaxNameWords = 8;
  size_t words = 0;
  for (std::string_view w : split_any(s, " ")) {
    if (w.empty()) continue;
    if (w == "&" || w == "|" || iequals(w, "and")) {
      words = 0;
      continue;
    }
    if (++words > kMaxNameWords) return true;
    if (w.back() == ',' || w.back() == ';') words = 0;
  }
  return false;
}

// A template's unfilled key: "page.head.extra.author", "{{ author }}", "%AUTHOR%".
bool is_template_key(std::string_view s) {
  if (s.find("{{") != std::string_view::npos || s.find("{%") != std::string_view::npos ||
      s.find("${") != std::string_view::npos || (s.size() > 2 && s.front() == '%' && s.back() == '%'))
    return true;
  // Dotted lower-case words ending in a field's name: a key path ("sara.r.peter" is a user name).
  static constexpr std::string_view kFieldNames[] = {".author", ".name", ".byline", ".creator", ".writer"};
  if (count_char(s, '.') < 2 ||
      !std::all_of(s.begin(), s.end(), [](char c) { return c == '.' || c == '_' || (c >= 'a' && c <= 'z'); }))
    return false;
  for (auto f : kFieldNames)
    if (s.ends_with(f)) return true;
  return false;
}

}  // namespace

std::string loose_key(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (utf8_sequence_length(s, i) == 0) {
      ++i;
      continue;
    }
    char32_t c = utf8_decode(s, i);
    if (is_word_cp(c)) utf8_append(fold_cp(c), out);
  }
  return out;
}

std::vector<std::string> word_keys(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < s.size();) {
    if (utf8_sequence_length(s, i) == 0) {
      ++i;
      continue;
    }
    char32_t c = utf8_decode(s, i);
    if (is_word_cp(c)) {
      utf8_append(fold_cp(c), cur);
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

namespace {

// Quote marks, straight and typographic: same_wording counts them as part of the word they
// touch, so "Who's" and "Who’s" are different wordings.
bool is_quote_mark(char32_t c) {
  return c == '\'' || c == '"' || c == '`' || c == 0xB4 || c == 0xAB || c == 0xBB ||
         (c >= 0x2018 && c <= 0x201F) || c == 0x2039 || c == 0x203A;
}

bool is_word_or_quote(char32_t c) { return is_word_cp(c) || is_quote_mark(c); }

}  // namespace

bool same_wording(std::string_view a, std::string_view b) {
  // Words (with their quote marks) byte for byte; the gaps between words are free; the edges
  // must match.
  struct Wording {
    std::vector<std::string_view> words;
    std::string_view before, after;
  };
  auto wording = [](std::string_view s) {
    Wording w;
    size_t word_begin = std::string_view::npos, last_end = 0;
    for (size_t i = 0; i < s.size();) {
      const size_t at = i;
      const bool word = utf8_sequence_length(s, i) != 0 && is_word_or_quote(utf8_decode(s, i));
      if (i == at) ++i;  // an invalid byte: a gap
      if (word && word_begin == std::string_view::npos) {
        word_begin = at;
        if (w.words.empty()) w.before = s.substr(0, at);
      } else if (!word && word_begin != std::string_view::npos) {
        w.words.push_back(s.substr(word_begin, at - word_begin));
        word_begin = std::string_view::npos;
        last_end = at;
      }
    }
    if (word_begin != std::string_view::npos) {
      w.words.push_back(s.substr(word_begin));
      last_end = s.size();
    }
    w.after = w.words.empty() ? s : s.substr(last_end);
    return w;
  };
  Wording wa = wording(a), wb = wording(b);
  return wa.words == wb.words && wa.before == wb.before && wa.after == wb.after;
}

std::vector<std::string_view> split_title(std::string_view title) {
  std::vector<std::string_view> out;
  title = trim(title);
  size_t start = 0;
  size_t i = 0;
  const size_t single_hyphen = title.find('-') == std::string_view::npos ? std::string_view::npos
                                                                          : cjk_hyphen_separator(title);
  while (i < title.size()) {
    size_t sep_len = 0;
    const char c = title[i];
    if (c == ' ' || c == '|') {
      for (auto sep : kTitleSeparators) {
        if (title.compare(i, sep.size(), sep) == 0) {
          sep_len = sep.size();
          break;
        }
      }
      if (sep_len > 0 && numbers_around(title, i, i + sep_len))
        for (auto range : kRangeSeparators)
          if (title.compare(i, range.size(), range) == 0) sep_len = 0;
    } else if (c == '-' || c == '_') {
      for (auto sep : kCjkTitleSeparators) {
        if (title.compare(i, sep.size(), sep) == 0) {
          if (sep == "-" ? i == single_hyphen : cjk_around(title, i, sep.size())) sep_len = sep.size();
          break;
        }
      }
    }
    if (sep_len == 0) {
      ++i;
      continue;
    }
    std::string_view piece = trim(title.substr(start, i - start));
    if (!piece.empty()) out.push_back(piece);
    i += sep_len;
    start = i;
  }
  std::string_view piece = trim(title.substr(start));
  if (!piece.empty()) out.push_back(piece);
  return out;
}

void SiteNames::add_name(std::string_view name) {
  std::string k = loose_key(name);
  if (k.size() < 2 || k.size() > 80) return;
  for (const auto& x : keys)
    if (x == k) return;
  keys.push_back(std::move(k));
}

void SiteNames::add_host_of(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) {
    if (!url.starts_with("//")) return;
    scheme = 0;
  }
  std::string_view host = url.substr(scheme + (url.starts_with("//") ? 2 : 3));
  host = host.substr(0, host.find_first_of("/?#:"));
  for (auto label : split_any(host, ".")) {
    std::string l = ascii_lowercase(label);
    bool generic = l.size() < 3;
    for (auto g : kGenericHostLabels)
      if (l == g) generic = true;
    if (generic) continue;
    std::string k = loose_key(l);
    bool dup = false;
    for (const auto& x : host_labels) dup = dup || x == k;
    if (!dup && !k.empty()) host_labels.push_back(std::move(k));
  }
  // The host written as the site's name, "Riverbend.org", "Example.co.uk": each run of two or
  // more labels that ends the host name.
  const std::vector<std::string_view> labels = split_any(host, ".");
  for (size_t first = 0; first + 2 <= labels.size(); ++first) {
    bool generic = false;
    for (auto g : kGenericHostLabels) generic = generic || iequals(labels[first], g);
    if (generic) continue;  // "www.example.com" is "example.com"; "co.uk" names no site
    std::string k;
    for (size_t i = first; i < labels.size(); ++i) k += loose_key(labels[i]);
    bool dup = false;
    for (const auto& x : host_labels) dup = dup || x == k;
    if (!dup && !k.empty()) host_labels.push_back(std::move(k));
  }
}

bool is_site_segment(std::string_view segment, const SiteNames& site, SiteMatch match) {
  std::string k = loose_key(segment);
  if (k.empty()) return true;
  // A short segment: a site name with a word or two around it ("The Verge", "Slashdot Blog").
  const size_t kSlack = 10;
  const bool words_around = match == SiteMatch::kWithWordsAround;
  for (const auto& s : site.keys) {
    if (k == s) return true;
    if (words_around && s.size() >= 4 && k.size() <= s.size() + kSlack && k.find(s) != std::string::npos) return true;
    if (k.size() >= 4 && s.size() <= k.size() + kSlack && s.find(k) != std::string::npos && k.size() * 2 >= s.size())
      return true;
  }
  for (const auto& h : site.host_labels) {
    if (k == h) return true;
    if (words_around && h.size() >= 4 && k.size() <= h.size() + kSlack && k.find(h) != std::string::npos) return true;
    if (k.size() >= 4 && h.find(k) != std::string::npos && k.size() * 2 >= h.size()) return true;
  }
  return false;
}

bool is_page_label(std::string_view text) {
  std::string k = loose_key(text);
  for (auto label : kPageLabels)
    if (k == label) return true;
  return false;
}

std::string clean_title(std::string_view title, const SiteNames& site, std::string* removed, SiteMatch front) {
  std::string t = collapse_whitespace(title);
  std::vector<std::string_view> segs = split_title(t);
  if (segs.size() < 2) return t;
  size_t b = 0, e = segs.size();
  // What stands before a page label is the site's ("Example Board • View topic - Thread
  // title"); a label goes before the site's name ("Home - Example Blog" is the site's name).
  for (size_t i = 0; i + 1 < e; ++i)
    if (is_page_label(segs[i])) b = i + 1;
  for (bool again = true; again;) {
    again = false;
    while (e - b > 1 && is_page_label(segs[e - 1])) --e;
    while (e - b > 1 && is_page_label(segs[b])) ++b;
    while (e - b > 1 && is_site_segment(segs[e - 1], site)) {
      if (removed) *removed = std::string(segs[e - 1]);
      --e;
      again = true;
    }
    while (e - b > 1 && is_site_segment(segs[b], site, front)) {
      if (removed && removed->empty()) *removed = std::string(segs[b]);
      ++b;
      again = true;
    }
  }
  return std::string(segs[b]);
}

std::string clean_heading(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    if (utf8_sequence_length(s, i) == 0) {
      ++i;
      continue;
    }
    char32_t c = utf8_decode(s, i);
    if (c == 0xAD || c == 0x200B || c == 0x2060 || c == 0xFEFF) continue;
    // A joiner or non-joiner is spelling inside a word (Persian "می‌خواهم"), nothing at its edges.
    if ((c == 0x200C || c == 0x200D) &&
        (out.empty() || is_ascii_space(out.back()) || i >= s.size() || is_ascii_space(s[i])))
      continue;
    out.append(s.data() + start, i - start);
  }
  out = collapse_whitespace(out);
  // Permalink marks that documentation generators append to headings ("¶", "🔗", " #";
  // a "#" that ends a word, as in "C#", stays).
  for (bool again = true; again;) {
    again = false;
    for (std::string_view mark : {"\xC2\xB6", " #", "\xF0\x9F\x94\x97"}) {
      if (out.size() > mark.size() && std::string_view(out).ends_with(mark)) {
        out.resize(out.size() - mark.size());
        while (!out.empty() && is_ascii_space(out.back())) out.pop_back();
        again = true;
      }
    }
  }
  return out;
}

std::string strip_edge_dates(std::string_view heading) {
  std::vector<DateHit> hits;
  find_dates(heading, DayOrder::kMonthFirst, hits, 4);
  if (hits.empty()) return std::string(heading);
  size_t b = 0, e = heading.size();
  const DateHit& last = hits.back();
  // A date in brackets belongs to the title ("Kettle Care Workshop (2025-09-21)"): cutting it
  // would leave the opening bracket behind.
  const std::string_view before_last = trim(heading.substr(0, last.begin));
  const bool bracketed = !before_last.empty() && (before_last.back() == '(' || before_last.back() == '[');
  if (last.begin > 0 && !bracketed && trim_punct(heading.substr(last.end)).empty()) e = last.begin;
  const DateHit& first = hits.front();
  if (first.end < e && trim_punct(heading.substr(0, first.begin)).empty()) b = first.end;
  std::string_view s = trim_punct(heading.substr(b, e - b));
  return s.empty() ? std::string(heading) : std::string(s);
}

bool looks_like_url(std::string_view s) {
  s = trim(s);
  return istarts_with(s, "http://") || istarts_with(s, "https://") || s.starts_with("//") || s.starts_with("/") ||
         istarts_with(s, "www.") || (s.find('/') != std::string_view::npos && s.find(' ') == std::string_view::npos &&
                                     s.find('.') != std::string_view::npos);
}

std::string normalize_author(std::string_view raw) {
  std::string text = collapse_whitespace(raw);
  if (looks_like_url(text)) return {};
  std::string_view s = trim_punct(text);
  // A byline is short; a paragraph that happens to sit in an "author" box is not one.
  constexpr size_t kMaxBylineWords = 20;
  if (s.empty() || s.size() > 300 || looks_like_url(s) || word_keys(s).size() > kMaxBylineWords) return {};
  // Prefixes ("By", "Written by:"), possibly repeated ("By: By Ann").
  for (int round = 0; round < 2; ++round) {
    for (auto p : kBylinePrefixes) {
      if (s.size() > p.size() && istarts_with(s, p)) {
        char next = s[p.size()];
        bool boundary = p.back() == ':' || is_ascii_space(next) || next == ':' || next == '\xC2';
        if (!boundary) continue;
        s = trim_punct(s.substr(p.size()));
        break;
      }
    }
  }
  for (auto p : kForeignBylinePhrases) {
    if (s.size() > p.size() + 1 && istarts_with(s, p) && (p.back() == ':' || is_ascii_space(s[p.size()]))) {
      s = trim_punct(s.substr(p.size()));
      break;
    }
  }
  for (auto p : kForeignBylinePrefixes) {
    if (s.size() > p.size() + 1 && istarts_with(s, p) && s[p.size()] == ' ') {
      std::string_view rest = trim(s.substr(p.size()));
      if (rest.find(' ') != std::string_view::npos) s = rest;
      break;
    }
  }
  // A label of one word before a colon names the role of the name after it, in any language:
  // "Текст: Лида Буслаева", "编辑：文静" (editor), "选稿：许文杰"; what is left of a count
  // ("Threads: 53") is no name.
  if (std::string_view rest = after_colon_label(s); !rest.empty()) s = rest;
  // Nothing but a label ("Written by", "Author:").
  for (auto p : kBylinePrefixes) {
    std::string_view rest = s;
    if (istarts_with(rest, p)) rest = trim_punct(rest.substr(p.size()));
    if (rest.empty()) return {};
  }
  // Cut where the byline goes on with a date or another field.
  size_t cut = s.size();
  for (auto stop : kBylineStops) {
    size_t at = ifind(s, stop);
    if (at != std::string_view::npos && at > 0 && at < cut) cut = at;
  }
  std::vector<DateHit> dates;
  find_dates(s, DayOrder::kMonthFirst, dates, 1);
  if (!dates.empty() && dates[0].begin < cut) cut = dates[0].begin;
  s = trim_punct(s.substr(0, cut));
  // A byline whose next part is an element of its own ("Ann Lee in <a>Travel</a>", "Ann Lee on
  // <time>"): the joining word at the end goes, where a name of two or more words is left
  // ("Sign in", "Log in" are controls).
  for (std::string_view tail : {" in", " on", " at", " em", " en", " im", " dans"}) {
    if (s.size() <= tail.size() || !s.ends_with(tail)) continue;
    const std::string_view rest = trim_punct(s.substr(0, s.size() - tail.size()));
    if (rest.find(' ') != std::string_view::npos) s = rest;
  }
  if (s.empty() || s.size() > 160) return {};
  // Reject what is not a name: e-mail only, no letters, mostly digits, a sentence.
  if (s.find('@') != std::string_view::npos && s.find(' ') == std::string_view::npos) return {};
  // A price or an offer ("Up to 60% OFF"), never a name.
  if (s.find('%') != std::string_view::npos) return {};
  size_t letters = 0, digits = 0, words = 0;
  bool in_word = false;
  for (size_t i = 0; i < s.size();) {
    if (utf8_sequence_length(s, i) == 0) {
      ++i;
      continue;
    }
    char32_t c = utf8_decode(s, i);
    if (c >= '0' && c <= '9') ++digits;
    else if (is_letter_like(c)) ++letters;
    bool w = is_word_cp(c) || c == '.' || c == '\'' || c == '-';
    if (w && !in_word) ++words;
    in_word = w;
  }
  // One Latin letter is an avatar's initial ("J" beside a poster's picture), not a name.
  // A user name of letters and then digits ("user447274", Stack Exchange's default) is a name,
  // where other values with more digits than letters are ids, phone numbers or counts.
  const bool user_name = words == 1 && is_ascii_alpha(s.front()) && letters >= 3 &&
                         s.find_first_of(" :/#") == std::string_view::npos;
  if (letters == 0 || (digits > letters && !user_name) || words > 16 || (s.size() == 1 && letters == 1)) return {};
  for (auto bad : kNotAuthorStarts)
    if (istarts_with(s, bad)) return {};
  std::string k = loose_key(s);
  for (auto bad : kNotAuthors)
    if (k == bad) return {};
  if (reads_as_date_or_count(s) || holds_time_of_day(s) || is_template_key(s) || reads_as_phrase(s) ||
      has_headline_length_part(s))
    return {};
  // A copyright line ("The Pennsylvania State University © 2025").
  if (s.find("\xC2\xA9") != std::string_view::npos || ifind(s, "copyright") != std::string_view::npos) return {};
  // Three or more words and no capital letter: a phrase of the page ("you confirm the
  // information"), not a name (user names are one word; "annette thurmon" is two).
  if (words >= 3 && std::none_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
      std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return {};
  return std::string(s);
}

std::string join_authors(const std::vector<std::string>& names) {
  std::string out;
  std::vector<std::string> seen;
  for (const auto& n : names) {
    std::string k = loose_key(n);
    if (k.empty()) continue;
    bool dup = false;
    for (const auto& x : seen) dup = dup || x == k;
    if (dup) continue;
    seen.push_back(k);
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

namespace {

// The last word of a journalist's role ("Staff Writer", "Live Science Contributor", "CNN
// Editor-at-large"), in the languages of kBylinePrefixes.
constexpr std::string_view kRoleWords[] = {
    "writer", "contributor", "correspondent", "reporter", "columnist", "editor", "editor-at-large", "critic",
    "producer", "journalist", "expert", "desk", "redakteur", "redakteurin", "korrespondent", "korrespondentin", "journaliste",
    "rédacteur", "rédactrice", "correspondant", "correspondante", "periodista", "corresponsal", "redactor",
    "redactora", "giornalista", "corrispondente", "redattore", "jornalista", "repórter", "verslaggever",
    "correspondent", "redacteur"};

// "in <place>" after a name, in the languages of kBylinePrefixes, written in lower case.
bool names_a_place(std::string_view piece) {
  static constexpr std::string_view kPlacePrepositions[] = {"in ", "em ", "en ", "aus ", "dans ", "from ", "a "};
  for (auto p : kPlacePrepositions)
    if (piece.size() > p.size() && piece.starts_with(p)) return true;
  return false;
}

bool names_a_role(std::string_view piece) {
  const size_t space = piece.rfind(' ');
  if (space == std::string_view::npos) return false;  // one word: a name ("Lee, Ann") or a credential
  const std::string_view last = piece.substr(space + 1);
  for (auto w : kRoleWords)
    if (iequals(last, w)) return true;
  return false;
}

}  // namespace

std::vector<std::string> split_authors(std::string_view joined) {
  // Separators between names; the spaced words first so that "Anderson" keeps its "and".
  // "and" and "&" also join the words of one organisation's name ("Barnes & Barnes", "Procter &
  // Gamble"): they split only where every side has two or more words.
  static constexpr std::string_view kNameSeparators[] = {";", "|", " & ", " and ", " und ", " et ", " og ", " och "};
  std::vector<std::string_view> pieces{trim(joined)};
  for (size_t si = 0; si < std::size(kNameSeparators); ++si) {
    const std::string_view sep = kNameSeparators[si];
    const bool always = si < 2;
    std::vector<std::string_view> next;
    for (std::string_view p : pieces) {
      const std::string_view whole = p;
      std::vector<std::string_view> sides;
      for (size_t at; (at = ifind(p, sep)) != std::string_view::npos;) {
        sides.push_back(trim(p.substr(0, at)));
        p = p.substr(at + sep.size());
      }
      sides.push_back(trim(p));
      bool split = always;
      if (!split) {
        split = true;
        // The name next to the separator: after the side's last comma, before the next side's first.
        for (size_t k = 0; k < sides.size(); ++k) {
          std::string_view side = sides[k];
          if (k > 0) side = side.substr(0, side.find(','));
          if (k + 1 < sides.size() && side.rfind(',') != std::string_view::npos) side = side.substr(side.rfind(',') + 1);
          split = split && word_count(side) >= 2;
        }
      }
      if (split) next.insert(next.end(), sides.begin(), sides.end());
      else next.push_back(whole);
    }
    pieces.swap(next);
  }
  // A credential or degree after a comma ("MD", "Ph.D.", "DVM", "Jr."): a short word of capitals
  // and dots, part of the name before it.
  auto is_credential = [](std::string_view w) {
    w = trim(w);
    if (w.empty() || w.size() > 8 || w.find(' ') != std::string_view::npos) return false;
    if (iequals(w, "jr") || iequals(w, "jr.") || iequals(w, "sr") || iequals(w, "sr.") || iequals(w, "phd") ||
        iequals(w, "ph.d.") || iequals(w, "esq") || iequals(w, "esq."))
      return true;
    size_t upper = 0, letters = 0;
    for (char c : w) {
      if (is_ascii_alpha(c)) ++letters;
      if (c >= 'A' && c <= 'Z') ++upper;
    }
    return letters >= 2 && upper * 2 > letters;
  };
  std::vector<std::string> names;
  for (std::string_view p : pieces) {
    std::vector<std::string_view> parts = split_any(p, ",");
    for (auto& x : parts) x = trim(x);
    // "Lee, Ann" or "Rao, Ishaan, Mehta, Priya": single words that are not credentials mean
    // the commas sit inside names, not between them.
    bool inside_names = false;
    for (size_t i = 0; i < parts.size(); ++i)
      inside_names = inside_names || (parts.size() > 1 && word_count(parts[i]) == 1 && !(i > 0 && is_credential(parts[i])));
    if (inside_names) {
      names.emplace_back(p);
      continue;
    }
    for (std::string_view x : parts) {
      // The last of a list with a serial comma: "Ann Lee, Bo Chen, and Cy Diaz".
      for (std::string_view joiner : {"and ", "& "})
        if (x.size() > joiner.size() && istarts_with(x, joiner)) x = trim(x.substr(joiner.size()));
      if (x.empty()) continue;
      // A role after the name ("Tia Moss, Staff Writer", "Greg Hall, AP Sports Writer") or
      // a place ("Rui Pinto, em Porto Alegre"): not one more author.
      if (!names.empty() && (names_a_role(x) || names_a_place(x))) continue;
      if (!names.empty() && is_credential(x)) {
        names.back() += ", ";
        names.back() += x;
      } else {
        names.emplace_back(x);
      }
    }
  }
  std::vector<std::string> out, seen;
  for (auto& n : names) {
    std::string k = loose_key(n);
    if (k.empty() || std::find(seen.begin(), seen.end(), k) != seen.end()) continue;
    seen.push_back(std::move(k));
    out.push_back(std::move(n));
  }
  return out;
}

std::string normalize_lang(std::string_view tag) {
  tag = trim(tag);
  size_t comma = tag.find_first_of(",; ");
  if (comma != std::string_view::npos) tag = tag.substr(0, comma);
  std::string t = ascii_lowercase(tag);
  for (char& c : t)
    if (c == '_') c = '-';
  auto parts = split_any(t, "-");
  if (parts.empty()) return {};
  std::string_view primary = parts[0];
  if (primary.size() < 2 || primary.size() > 3) return {};
  for (char c : primary)
    if (c < 'a' || c > 'z') return {};
  // ISO 639 codes withdrawn in 1989 that pages still write: Indonesian, Hebrew, Yiddish,
  // Javanese. "und" and the other special codes name no language.
  static constexpr std::pair<std::string_view, std::string_view> kWithdrawn[] = {
      {"in", "id"}, {"iw", "he"}, {"ji", "yi"}, {"jw", "jv"}};
  for (const auto& [old_code, code] : kWithdrawn)
    if (primary == old_code) return std::string(code);
  if (primary == "und" || primary == "mul" || primary == "zxx" || primary == "mis") return {};
  std::string out(primary);
  if ((primary == "pt" || primary == "zh") && parts.size() > 1) {
    std::string_view sub = parts[1];
    bool alpha = sub.size() >= 2 && sub.size() <= 4;
    for (char c : sub) alpha = alpha && c >= 'a' && c <= 'z';
    if (alpha) {
      out += '-';
      out += sub;
    }
  }
  return out;
}

}  // namespace pith
