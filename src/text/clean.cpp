// pith clean: the article in already-extracted text, line by line.
//
// 1. Lines: split, trim, features (text/line_features.h), phrase tables
//    (text/boilerplate_phrases.h), dates, widgets, repeats in the page and across pages.
// 2. Each line gets a kind (prose / sentence-like / short) and a score: prose weighs by its
//    length, chrome and short link-like lines weigh against.
// 3. The article is the run of lines with the largest score sum (a maximum-sum segment,
//    as BTE, Finn et al. 2001, finds the body of a page in its tag/text sequence). Runs of
//    prose outside it that are nearly as heavy join it (pages with several parts).
// 4. The headline is the heading-like line just before the article that best matches the
//    page (length, title case, repeated in the page, words of the URL path); a line of the run
//    that names the page by the words of its URL starts the article. The date comes from the
//    date line nearest to the headline, else from the URL path.
// 5. Inside the article chrome lines still go (share buttons, ads, captions; not the figures
//    of its tables); outside it every line goes, each with the most specific reason that
//    applies.
#include <algorithm>
#include <array>
#include <cstring>
#include <cmath>
#include <string>
#include <unordered_set>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/deadline.h"
#include "core/strings.h"
#include "core/utf8.h"
#include "pith/clean.h"
#include "text/boilerplate_learner.h"
#include "text/boilerplate_phrases.h"
#include "text/dates.h"
#include "text/line_features.h"
#include "text/noise.h"

namespace pith {

namespace {

// Tuning constants. Where they come from: the line statistics of prose vs chrome (jusText,
// Pomikalek 2011: paragraphs under ~70 characters or with a stop-word density under ~0.2 are
// rarely body text), adjusted on the dev sets of ../shared/bench and checked on the seed page.
constexpr uint32_t kProseMinWords = 9;          // shorter lines are not prose by themselves
constexpr uint32_t kProseNoPunctMinWords = 25;  // prose without a final stop: longer than headlines
constexpr double kProseMinStopShare = 0.12;     // jusText's "stopwords_low" is 0.30 of words; we
                                                // count fewer stop words, so a lower bar
constexpr double kTitleCaseShare = 0.7;         // most words capitalised: a headline, a menu
constexpr double kProseWeightPerWord = 1.0 / 8; // an 8-word sentence weighs 1
constexpr double kProseMaxWeight = 10;          // an 80-word paragraph; longer ones no more
constexpr double kSentenceWeight = 0.3;         // a short line that ends like a sentence
constexpr double kShortPenalty = -0.4;          // a short line that does not
constexpr double kNavPenalty = -1.0;            // 1-2 words, menu separators, all caps
constexpr double kChromePenalty = -3.5;         // a line from a phrase table, a date, a widget
constexpr double kEndMarkerPenalty = -4.0;      // list headings and comment sections: the
                                                // article is over, unless much more prose follows
constexpr double kExtraRunShare = 0.4;          // another run joins when its sum is 40% of the best
constexpr double kExtraRunMin = 1.0;            // ... and at least one sentence of 8 words
constexpr size_t kTitleWindow = 12;             // lines before the article searched for a headline
constexpr uint32_t kTitleMinWords = 3, kTitleMaxWords = 30;
constexpr size_t kHeadlineSearchLines = 400;   // the run's lines searched for the headline (a bound)
constexpr uint32_t kDateLineMaxWords = 12;      // "Published: Tuesday, March 21, 2023, 10:32 am"
constexpr uint32_t kWidgetMaxWords = 5;         // "9.9 C", "72°F Clear", "DOW +0.45%"
constexpr size_t kDroppedPreviewBytes = 200;
constexpr uint32_t kListItemMinWords = 4;       // "Blue cotton T-shirt", "Show HN: a thing"
constexpr double kListItemWeight = 0.3;         // an item of a list-like page
constexpr double kListRunShare = 0.55;         // the best runs hold under 55% of the words:
                                                // no dominant prose, a list-like page
constexpr double kRecordItemWeight = 0.5;       // a line of a record: as an item of a list
constexpr size_t kTeaserArticleWords = 100;     // records after an article of this many words are
                                                // its teasers, even on a list-like page
constexpr double kArticleBeforeCommentsMin = 8; // a run before the comment section of this weight
constexpr double kArticleBeforeCommentsShare = 0.3;  // (and this share of the heaviest run) is the
                                                     // article, however heavy the comments are
constexpr double kListKeepArticle = 20;        // on a list-like page, a run this heavy (160+ words
                                                // of prose) is an article: the list pass does not
                                                // stretch it over the headlines around it
constexpr uint32_t kListHeadingMaxWords = 4;    // "Most read in Science"; longer ones may be subheads
constexpr uint32_t kMinDocumentWords = 40;      // kept text under this, with no prose line: nothing
constexpr size_t kListBlockMinLines = 8;        // ... unless a block of this many plain lines holds it
constexpr size_t kTocMinLines = 5;             // numbered section headings in a row: a table of contents
constexpr uint32_t kTocMaxWords = 12;
// The search for runs beside the article's best one scans a range per run it finds; a page of
// thousands of one-line runs made that quadratic. It stops after scanning this many times the
// page's lines (real pages need one to three).
constexpr size_t kMaxRunScansPerLine = 32;
constexpr uint32_t kPostHeaderMaxWords = 6;     // "Joined: Mar 2019", "Posts: 1,234", "Senior Member"

enum class Kind : uint8_t { kProse, kSentence, kShort };

struct Line {
  std::string_view text;
  uint32_t number = 0;
  bool blank_before = false;
  LineFeatures f;
  uint64_t key = 0;
  DropReason chrome = DropReason::kNone;
  bool ends_article = false;  // the comment section starts here
  bool form_field = false;    // "Name", "Email": a form starts here (comments, newsletter, contact)
  Kind kind = Kind::kShort;
  double score = 0;
  std::array<char, 10> date{};  // YYYY-MM-DD of a date line, or all zero
  bool has_date() const { return date[0] != 0; }
  std::string_view date_view() const { return has_date() ? std::string_view(date.data(), date.size()) : std::string_view(); }
  DropReason verdict = DropReason::kNone;
  bool anchor = false;    // a field of a repeated record template (see find_records)
  bool in_records = false;
  bool comment_header = false;  // "NAME says:": one comment (or a quoted post) starts here
  uint32_t copies = 0;           // lines of the page with this line's key
  uint32_t twin = UINT32_MAX;    // for a repeated_in_page line: the copy that was kept
};

struct KeyCount {
  uint64_t key = 0;
  uint32_t count = 0;
  uint32_t first_plain = UINT32_MAX;  // the first line with this key that is not chrome
};

// Control bytes other than line and page breaks, tabs and ESC (ANSI colours in logs).
struct ControlBytes {
  uint8_t bad[32] = {};
  constexpr ControlBytes() {
    for (int c = 1; c < 0x20; ++c) bad[c] = c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B;
  }
};
constexpr ControlBytes kControl;

bool looks_binary(std::string_view b) {
  std::string_view head = b.substr(0, 1 << 16);
  if (std::memchr(head.data(), 0, head.size())) return true;
  size_t bad = 0, i = 0;
  // Each control byte found is looked up in kControl.
#if defined(__SSE2__)
  // Sixteen bytes at a time: the bytes under 0x20 (unsigned: min(v, 0x1F) == v) but line breaks,
  // which are allowed and so common that whether a block holds one is a coin toss for the
  // branch predictor; the other control bytes are rare.
  const __m128i below_space = _mm_set1_epi8(0x1F), line_break = _mm_set1_epi8('\n');
  for (; i + 16 <= head.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(head.data() + i));
    unsigned control = static_cast<unsigned>(_mm_movemask_epi8(
        _mm_andnot_si128(_mm_cmpeq_epi8(v, line_break), _mm_cmpeq_epi8(_mm_min_epu8(v, below_space), v))));
    for (; control; control &= control - 1)
      bad += kControl.bad[static_cast<unsigned char>(head[i + static_cast<size_t>(__builtin_ctz(control))])];
  }
#endif
  // Eight bytes at a time: most words of text hold no byte under 0x20 at all (SWAR "hasless").
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  for (; i + 8 <= head.size(); i += 8) {
    uint64_t v;
    std::memcpy(&v, head.data() + i, 8);
    // The bytes under 0x20, exactly: adding 0x60 to the low 7 bits sets the high bit of every
    // other byte (and bytes over 0x7F have it already).
    uint64_t control = ~(((v & 0x7F * kOnes) + 0x60 * kOnes) | v) & 0x80 * kOnes;
    for (; control; control &= control - 1)
      bad += kControl.bad[static_cast<unsigned char>(head[i + (__builtin_ctzll(control) >> 3)])];
  }
  for (; i < head.size(); ++i) {
    const auto u = static_cast<unsigned char>(head[i]);
    if (u < 0x20) bad += kControl.bad[u];
  }
  return bad * 20 > head.size();  // over 5% control bytes
}

// "2.14 Notes and problems", "3.1. Variables and Mutability": a numbered section heading.
bool is_toc_entry(const Line& l) {
  const std::string_view t = l.text;
  if (l.f.words > kTocMaxWords || l.f.ends_sentence || t.empty() || t[0] < '0' || t[0] > '9') return false;
  size_t i = 0, dots = 0;
  while (i < t.size() && ((t[i] >= '0' && t[i] <= '9') || (t[i] == '.' && i + 1 < t.size() && t[i + 1] != ' '))) {
    dots += t[i] == '.';
    ++i;
  }
  if (dots == 0) return false;
  if (i < t.size() && t[i] == '.') ++i;
  return i + 1 < t.size() && t[i] == ' ' && t[i + 1] >= 'A' && t[i + 1] <= 'Z';
}

// Invisible code points: the Unicode spaces (core/strings.h: no-break, en/em, zero-width space,
// ideographic, byte order mark, ...), the zero-width joiner and non-joiner, the direction marks
// and the word joiner.
bool is_invisible(char32_t cp) { return is_unicode_space(cp) || (cp >= 0x200C && cp <= 0x200F) || cp == 0x2060; }

// Trims ASCII white space and invisible code points: a line of zero-width joiners (what some
// page builders put between paragraphs) is a blank line. t is valid UTF-8 (repaired before).
std::string_view trim_invisible(std::string_view t) {
  t = trim(t);
  while (!t.empty() && static_cast<unsigned char>(t.front()) >= 0x80) {
    size_t next = 0;
    if (utf8_sequence_length(t, 0) == 0 || !is_invisible(utf8_decode(t, next))) break;
    t = trim(t.substr(next));
  }
  while (!t.empty() && static_cast<unsigned char>(t.back()) >= 0x80) {
    size_t start = t.size() - 1;  // the first byte of the last code point
    while (start > 0 && t.size() - start < 4 && (static_cast<unsigned char>(t[start]) & 0xC0) == 0x80) --start;
    size_t next = start;
    if (utf8_sequence_length(t, start) != t.size() - start || !is_invisible(utf8_decode(t, next))) break;
    t = trim(t.substr(0, start));
  }
  return t;
}

// A figure and nothing else: "$337", "45%", "2,350", "1994". A table cell, a count; chrome by
// itself (widget, no_letters), but where the article holds it, one of its tables' cells, so it
// weighs no more than a short line. A weather or ticker widget has units ("9.9 C", "DOW +0.4%").
bool is_figure(const LineFeatures& f) { return f.letters == 0 && f.digits > 0; }

// "© 2024 Example Inc.", "Copyright 2024 ...", "All rights reserved": the page's footer starts
// here (not "Powered by", which a cookie banner or a widget may print anywhere).
bool is_copyright_notice(const Line& l) {
  return l.chrome == DropReason::kCopyright &&
         (l.text.find("\xC2\xA9") != std::string_view::npos || ifind(l.text, "copyright") != std::string_view::npos ||
          ifind(l.text, "rights reserved") != std::string_view::npos);
}

bool is_end_marker(DropReason r) {
  return r == DropReason::kListHeading || r == DropReason::kCommentForm || r == DropReason::kComments ||
         r == DropReason::kFeedback || r == DropReason::kAuthorBio;
}

double stop_share(const LineFeatures& f) { return f.words ? static_cast<double>(f.stop_words) / f.words : 0; }
double title_share(const LineFeatures& f) {
  return f.alpha_words ? static_cast<double>(f.title_words) / f.alpha_words : 0;
}

bool is_prose(const LineFeatures& f) {
  if (f.words < kProseMinWords) return false;
  // Chinese, Japanese or Thai: words are counted by characters (text/words.h), and there is no
  // stop-word table to ask, nor letter case.
  if (f.cjk > 0 && 2 * f.cjk >= f.letters) return f.ends_sentence || f.words >= kProseNoPunctMinWords;
  bool stop_ok = stop_share(f) >= kProseMinStopShare || (f.stop_words == 0 && f.ends_sentence);
  if (!stop_ok) return false;
  if (f.words <= 20 && title_share(f) >= kTitleCaseShare && !f.ends_sentence) return false;
  return f.ends_sentence || f.ends_colon || f.words >= kProseNoPunctMinWords;
}

bool is_widget(const LineFeatures& f) {
  return f.words <= kWidgetMaxWords && f.digits > 0 && (f.letters <= 3 || f.digits >= f.letters);
}

// Menus glued into one line ("Home | News | Sport"), single words, ALL CAPS labels.
bool is_nav_like(const LineFeatures& f) {
  if (f.words <= 2 && !f.ends_sentence) return true;
  if (f.separators >= 2 && f.separators * 3 >= f.words) return true;
  if (f.alpha_words >= 2 && f.upper_words * 2 > f.alpha_words && !f.ends_sentence) return true;
  return false;
}

// The words of the URL path (slug), for the headline.
std::vector<uint64_t> url_words(std::string_view url) {
  std::vector<uint64_t> out;
  size_t p = url.find("://");
  std::string_view rest = p == std::string_view::npos ? url : url.substr(p + 3);
  size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return out;
  std::string_view path = rest.substr(slash);
  path = path.substr(0, path.find_first_of("?#"));
  std::string w;
  auto flush = [&] {
    if (w.size() >= 2) out.push_back(word_hash(w));
    w.clear();
  };
  for (char c : path) {
    unsigned char u = static_cast<unsigned char>(c);
    if (static_cast<unsigned>((u | 32) - 'a') < 26u || u >= 0x80) w.push_back(c);
    else if (static_cast<unsigned>(u - '0') < 10u) w.push_back(c);
    else flush();
  }
  flush();
  return out;
}

std::string url_date(std::string_view url) {
  // /2023/03/21/ or /2023-03-21 in the path.
  for (size_t i = 0; i + 10 <= url.size(); ++i) {
    if (url[i] != '/') continue;
    FoundDate d = find_date(url.substr(i + 1, 10));
    if (!d.ymd.empty() && d.begin == 0 && url[i + 1] >= '1' && url[i + 1] <= '2') return d.ymd;
  }
  return {};
}

void cut_preview(std::string_view s, std::string& out) {
  if (s.size() <= kDroppedPreviewBytes) {
    out.assign(s);
    return;
  }
  size_t n = kDroppedPreviewBytes;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  out.assign(s.substr(0, n));
  out += "...";
}


// Records: the repeated units of a listing, a thread or a product grid ("name / price / Add to
// cart", "user / date / post / Reply"). A short line whose key (words, digits as 0) comes back
// at least kRecordMinRepeats times, never twice in a row and at fairly regular steps, is a
// field of a record template; the lines between its occurrences are the records. Menus that a
// page repeats (header, mobile copy, footer) come back at irregular steps and too few times.
constexpr uint32_t kRecordMinRepeats = 3;
constexpr uint32_t kRecordFieldMaxWords = 8;
constexpr size_t kRecordMaxGapRatio = 4;  // the longest step is at most 4x the median step
constexpr size_t kRecordMaxStep = 30;
constexpr uint32_t kRecordContentWords = 5;  // a record line this long is a description, not a label     // lines per record (median): a post with its header
constexpr uint64_t kDateFieldKey = 0xD47E0F1E1D5ull;  // all date lines are one field

// The digits of a line, hashed: fields that vary from record to record are numbers.
uint64_t digits_hash(std::string_view s) {
  uint64_t h = 0xCBF29CE484222325ull;
  for (char c : s)
    if (c >= '0' && c <= '9') h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ull;
  return h;
}

struct RecordRegion {
  size_t begin = 0, end = 0;  // lines [begin, end)
  bool varying = false;       // only fields that change from record to record (dates, counts, prices)
};

// Marks anchors and returns the record regions in line order, merged.
std::vector<RecordRegion> find_records(std::vector<Line>& lines, std::vector<std::pair<uint64_t, uint32_t>>& keyed) {
  // Only keys that come back kRecordMinRepeats times matter, and most keys are unique: the
  // counts of step 2 (Line::copies) leave out most lines, the few (key, line) pairs left are
  // sorted into groups.
  keyed.clear();
  for (size_t i = 0; i < lines.size(); ++i) {
    Line& l = lines[i];
    l.anchor = false;
    l.in_records = false;
    uint64_t k = 0;
    if (l.has_date()) k = kDateFieldKey;
    else if (l.key && l.copies >= kRecordMinRepeats && l.kind != Kind::kProse && l.f.words <= kRecordFieldMaxWords)
      k = l.key;
    if (k) keyed.push_back({k, static_cast<uint32_t>(i)});
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<RecordRegion> regions;
  std::vector<size_t> gaps;
  for (size_t g = 0; g < keyed.size();) {
    size_t h = g;
    while (h < keyed.size() && keyed[h].first == keyed[g].first) ++h;
    const size_t count = h - g;
    if (count >= kRecordMinRepeats) {
      gaps.clear();
      for (size_t j = g + 1; j < h; ++j) gaps.push_back(keyed[j].second - keyed[j - 1].second);
      std::sort(gaps.begin(), gaps.end());
      const size_t med = gaps[gaps.size() / 2];
      if (gaps.front() >= 2 && med <= kRecordMaxStep && gaps.back() <= kRecordMaxGapRatio * med) {
        bool varying = false;
        const uint64_t first_digits = digits_hash(lines[keyed[g].second].text);
        for (size_t j = g; j < h; ++j) {
          lines[keyed[j].second].anchor = true;
          varying |= digits_hash(lines[keyed[j].second].text) != first_digits;
        }
        const size_t first = keyed[g].second, last = keyed[h - 1].second, ext = med - 1;
        regions.push_back({first > ext ? first - ext : 0, std::min(lines.size(), last + ext + 1), varying});
      }
    }
    g = h;
  }
  // Records hold data: sentences, numbers, descriptions. A menu with a repeated "Back" entry
  // per submenu holds only short labels; it is no record list.
  auto holds_data = [&](const RecordRegion& r) {
    size_t content = 0, labels = 0;
    for (size_t i = r.begin; i < r.end; ++i) {
      const Line& l = lines[i];
      const LineFeatures& f = l.f;
      if (l.anchor) {
        content += f.digits > 0;
        continue;
      }
      if (l.chrome != DropReason::kNone) continue;
      if (f.ends_sentence || f.digits > 0 || f.words >= kRecordContentWords || l.kind == Kind::kProse) ++content;
      else ++labels;
    }
    return content >= kRecordMinRepeats && 2 * content >= labels;
  };
  // Regions of all groups, merged; then regions of the varying groups alone, merged.
  auto merge = [&](bool varying_only) {
    std::vector<RecordRegion> merged;
    for (const RecordRegion& r : regions) {
      if (varying_only && !r.varying) continue;
      if (!merged.empty() && r.begin <= merged.back().end) {
        merged.back().end = std::max(merged.back().end, r.end);
        merged.back().varying |= r.varying;
      } else {
        merged.push_back(r);
      }
    }
    return merged;
  };
  std::sort(regions.begin(), regions.end(), [](const RecordRegion& x, const RecordRegion& y) { return x.begin < y.begin; });
  std::vector<RecordRegion> out;
  for (const RecordRegion& r : merge(false)) {
    if (holds_data(r)) {
      RecordRegion copy = r;
      copy.varying = false;
      out.push_back(copy);
    } else {
      for (size_t i = r.begin; i < r.end; ++i) lines[i].anchor = false;
    }
  }
  for (const RecordRegion& r : merge(true))
    if (holds_data(r)) out.push_back(r);
  return out;
}

}  // namespace

struct Cleaner::Impl {
  CleanOptions opt;
  std::string repaired;
  std::vector<Line> lines;
  std::vector<uint64_t> hashes;
  std::vector<KeyCount> keys;  // open addressing, power-of-two size, key 0 = empty
  std::vector<char> in_article, in_region;
  std::vector<std::pair<uint64_t, uint32_t>> keyed;
  std::vector<uint32_t> line_slot;
  std::vector<std::string_view> kept;
  std::vector<double> weight;
};


Cleaner::Cleaner(CleanOptions options) : impl_(std::make_unique<Impl>()) { impl_->opt = options; }
Cleaner::~Cleaner() = default;
Cleaner::Cleaner(Cleaner&&) noexcept = default;
Cleaner& Cleaner::operator=(Cleaner&&) noexcept = default;
const CleanOptions& Cleaner::options() const { return impl_->opt; }

const std::vector<std::string_view>& drop_reason_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> v;
    for (int r = 1; r < static_cast<int>(DropReason::kCount); ++r) v.push_back(drop_reason_name(static_cast<DropReason>(r)));
    return v;
  }();
  return names;
}

Result<Cleaned> Cleaner::clean(std::string_view input, std::string_view url) {
  Impl& m = *impl_;
  const CleanOptions& opt = m.opt;
  if (input.size() > opt.max_input_bytes)
    return Error{ErrorCode::kTooLarge, "text of " + std::to_string(input.size()) + " bytes is over the budget of " +
                                           std::to_string(opt.max_input_bytes) + " bytes"};
  if (trim(input).empty()) return Error{ErrorCode::kEmptyInput, "empty text"};
  if (looks_binary(input)) return Error{ErrorCode::kBinaryInput, "not text: binary data (NUL or control bytes)"};

  Cleaned out;
  Deadline deadline(Deadline::Clock::now() + std::chrono::milliseconds(opt.max_millis));
  std::string_view text = input;
  if (!is_valid_utf8(input)) {
    m.repaired.clear();
    repair_utf8(input, m.repaired);
    text = m.repaired;
    out.warnings.push_back("invalid UTF-8 replaced by U+FFFD");
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);

  // 1. Lines and their context-free verdicts.
  // Line records are reused from page to page (a new one is large to clear); each field that a
  // line's first pass does not set is reset here.
  auto& lines = m.lines;
  size_t count = 0;
  auto next_line = [&]() -> Line& {
    if (count == lines.size()) lines.emplace_back();
    Line& l = lines[count++];
    l.key = 0;
    l.chrome = DropReason::kNone;
    l.ends_article = false;
    l.form_field = false;
    l.kind = Kind::kShort;
    l.score = 0;
    l.date = {};
    l.verdict = DropReason::kNone;
    l.anchor = false;
    l.in_records = false;
    l.comment_header = false;
    l.copies = 0;
    l.twin = UINT32_MAX;
    return l;
  };
  const uint64_t site = opt.learned ? site_key(url) : 0;
  bool blank = false;
  uint32_t number = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    if (deadline.expired("line classification")) break;  // the lines read so far are the page
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view raw = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++number;
    const std::string_view t = trim_invisible(raw);
    if (t.empty()) {
      blank = true;
      continue;
    }
    Line& l = next_line();
    l.text = t;
    l.number = number;
    l.blank_before = blank;
    blank = false;
    if (t.size() > opt.max_line_bytes) {
      l.f = LineFeatures{};
      l.chrome = DropReason::kOverlongLine;
      continue;
    }
    // The line scan may read kLinePadding bytes past the end of a line that has them in the
    // page (line_features_padded); the last lines copy their tail instead.
    if (static_cast<size_t>(t.data() + t.size() - text.data()) + kLinePadding <= text.size())
      line_features_padded(t, l.f, &m.hashes, kLineKeyWords);
    else
      line_features(t, l.f, &m.hashes, kLineKeyWords);
    l.key = line_key(m.hashes);
    const LineFeatures& f = l.f;
    if (f.letters == 0) {
      l.chrome = f.digits && f.words <= kWidgetMaxWords ? DropReason::kWidget : DropReason::kNoLetters;
      continue;
    }
    if (f.words <= kDateLineMaxWords && f.digits >= 4) {  // a date has a 4-digit year or more digits
      FoundDate d = find_date(t);
      if (!d.ymd.empty() && f.words <= kDateLineMaxWords) {
        std::memcpy(l.date.data(), d.ymd.data(), std::min(d.ymd.size(), l.date.size()));
        l.chrome = DropReason::kDateLine;
        continue;
      }
    }
    if (is_widget(f)) {
      l.chrome = DropReason::kWidget;
      continue;
    }
    // "NAME says:" / "NAME said:": the header of a comment (WordPress and most blog themes).
    if (f.words <= 4 && f.ends_colon && (t.ends_with(" says:") || t.ends_with(" said:"))) {
      l.chrome = DropReason::kComments;
      l.ends_article = true;
      l.comment_header = true;
      continue;
    }
    PhraseHit hit = f.words <= kMaxLongChromeLineWords ? match_boilerplate(m.hashes, f.words) : PhraseHit{};
    bool prose = is_prose(f);
    if (hit && !(prose && hit.scope != PhraseScope::kAnywhere)) {
      l.chrome = hit.reason;
      l.ends_article = hit.ends_article;
      l.form_field = hit.reason == DropReason::kCommentForm && !hit.ends_article;
      continue;
    }
    if (opt.learned && opt.learned->is_boilerplate_key(site, l.key)) {
      l.chrome = DropReason::kRepeatedAcrossPages;
      continue;
    }
  }

  lines.resize(count);

  // A table of contents: a block of kTocMinLines or more lines in a row that each start with a
  // section number ("2.14 Notes and problems", "3.1. Variables") and are a heading, not a
  // sentence. The sections themselves stand apart, each with its text.
  {
    size_t run = 0;
    for (size_t i = 0; i <= lines.size(); ++i) {
      if (i < lines.size() && lines[i].chrome == DropReason::kNone && is_toc_entry(lines[i])) {
        ++run;
        continue;
      }
      if (run >= kTocMinLines)
        for (size_t k = i - run; k < i; ++k) lines[k].chrome = DropReason::kNavigation;
      run = 0;
    }
  }

  // 2. Kinds and scores; repeats within the page. One table of the line keys: how often each
  // comes, and the first line that is not chrome (a later copy is repeated_in_page).
  {
    size_t slots = 64;
    while (slots < 2 * lines.size()) slots *= 2;
    auto& table = m.keys;
    table.assign(slots, KeyCount{});
    std::vector<uint32_t>& slot_of_line = m.line_slot;
    slot_of_line.assign(lines.size(), UINT32_MAX);
    for (size_t i = 0; i < lines.size(); ++i) {
      Line& l = lines[i];
      if (!l.key) continue;
      size_t s = (l.key ^ (l.key >> 29)) & (slots - 1);
      while (table[s].key != 0 && table[s].key != l.key) s = (s + 1) & (slots - 1);
      KeyCount& e = table[s];
      e.key = l.key;
      ++e.count;
      slot_of_line[i] = static_cast<uint32_t>(s);
      if (l.chrome != DropReason::kNone) continue;
      if (e.first_plain == UINT32_MAX) {
        e.first_plain = static_cast<uint32_t>(i);
      } else {
        // A later copy goes, however long: a paragraph that the page prints again (an ad
        // disclosure under each promoted item, a teaser of the article) is no new text.
        l.chrome = DropReason::kRepeatedInPage;
        l.twin = e.first_plain;
      }
    }
    for (size_t i = 0; i < lines.size(); ++i)
      lines[i].copies = slot_of_line[i] == UINT32_MAX ? 0 : table[slot_of_line[i]].count;
  }
  for (Line& l : lines) {
    const LineFeatures& f = l.f;
    // A comment form's field as a label ("Email:", "Website:") that the page prints again and
    // again is the label of a repeated record (a directory, a list of companies), not the
    // form that ends the article: it goes as a label.
    if (l.chrome == DropReason::kCommentForm && l.copies >= kRecordMinRepeats && f.words <= 2 && f.ends_colon) {
      l.chrome = DropReason::kNavigation;
      l.ends_article = false;
      l.form_field = false;
    }
    if (l.chrome != DropReason::kNone) {
      l.score = is_end_marker(l.chrome) ? kEndMarkerPenalty
                : l.chrome == DropReason::kRepeatedInPage ? kShortPenalty
                : is_figure(l.f)                          ? kShortPenalty
                                                          : kChromePenalty;
      l.kind = Kind::kShort;
      continue;
    }
    if (is_prose(f)) {
      l.kind = Kind::kProse;
      l.score = std::min(kProseMaxWeight, f.words * kProseWeightPerWord);
    } else if (f.ends_sentence && f.words >= 4 && !is_nav_like(f)) {
      l.kind = Kind::kSentence;
      l.score = kSentenceWeight;
    } else {
      l.kind = Kind::kShort;
      l.score = is_nav_like(f) ? kNavPenalty : kShortPenalty;
    }
  }

  // A discussion page (its address names a forum, a thread, a topic): the replies are its
  // content, so the headings of a comment section and its forms ("Add a comment" under each
  // answer, the reply box) are chrome but do not end the article there.
  // The words are the conventions of forum software (phpBB viewtopic, vBulletin and XenForo
  // threads, Discourse /t/, Q&A /questions/), not of any one site.
  bool discussion = false;
  {
    static constexpr std::string_view kDiscussionUrl[] = {"forum", "thread", "discussion", "viewtopic", "/t/",
                                                          "/questions/"};
    for (std::string_view w : kDiscussionUrl) discussion |= ifind(url, w) != std::string_view::npos;
    // Invision's /topic/123-title; a /topic/cloud/ is a news site's section.
    const size_t topic = ifind(url, "/topic/");
    discussion |= topic != std::string_view::npos && topic + 7 < url.size() && url[topic + 7] >= '0' && url[topic + 7] <= '9';
    if (discussion)
      for (Line& l : lines)
        if ((l.ends_article || l.form_field) &&
            (l.chrome == DropReason::kComments || l.chrome == DropReason::kCommentForm)) {
          l.ends_article = false;
          l.form_field = false;
          l.score = kChromePenalty;
        }
  }
  // 3. The article: the maximum-sum run of lines, then other runs nearly as heavy.
  const size_t n = lines.size();
  std::vector<char>& in_article = m.in_article;
  in_article.assign(n, 0);
  // The scores in a compact array (the Line records are large; the run search reads only
  // this), a comment section's start as kRunBreak.
  constexpr double kRunBreak = -1e300;
  std::vector<double>& weight = m.weight;
  auto load_weights = [&] {
    weight.resize(n);
    // The author's box breaks the run too (its bio reads as prose), but unlike a comment
    // section it does not mark where the article ends (some templates print it above).
    for (size_t i = 0; i < n; ++i)
      weight[i] = lines[i].ends_article || lines[i].chrome == DropReason::kAuthorBio ? kRunBreak : lines[i].score;
  };
  auto best_run = [&](size_t from, size_t to, size_t& a, size_t& b) {
    double best = 0, cur = 0;
    size_t start = from;
    bool found = false;
    for (size_t i = from; i < to; ++i) {
      const double w = weight[i];
      if (w == kRunBreak) {  // no run crosses the start of a comment section
        cur = 0;
        start = i + 1;
        continue;
      }
      if (cur <= 0) {
        cur = 0;
        start = i;
      }
      cur += w;
      if (cur > best) {
        best = cur;
        a = start;
        b = i + 1;
        found = true;
      }
    }
    return found ? best : 0.0;
  };
  // The best run in [0, limit), then the runs left and right of it that are nearly as heavy.
  // Returns the best run's sum; a, b: its bounds.
  std::vector<char>& in_region = m.in_region;  // in a record region (find_records)
  in_region.assign(n, 0);
  bool avoid_records = false;          // extra runs may not come from record regions
  auto select = [&](size_t limit, size_t& a, size_t& b) {
    std::fill(in_article.begin(), in_article.end(), 0);
    load_weights();
    double best = 0;
    // The article comes before its comment section: a heavier run of comments after it does
    // not take its place. The fields of a form count here too ("Name", "Email": comments, a
    // newsletter, a contact form), though the article may go on after them (a newsletter box
    // in its middle), where a comment section's heading stops it.
    size_t comments = limit;
    for (size_t i = 0; i < limit; ++i)
        if ((lines[i].ends_article || lines[i].form_field) && !lines[i].comment_header) {
          comments = i;
          break;
        }
    best = best_run(0, limit, a, b);
    if (comments < limit && a > comments) {
      size_t a2 = 0, b2 = 0;
      const double before = best_run(0, comments, a2, b2);
      if (before >= kArticleBeforeCommentsMin && before >= kArticleBeforeCommentsShare * best) {
        best = before;
        a = a2;
        b = b2;
      }
    }
    if (best <= 0) return best;
    for (size_t i = a; i < b; ++i) in_article[i] = 1;
    // Not past a comment section, a form, the author's box or the copyright notice of the
    // page's footer (the legal small print under it is no part of the article) that follows
    // the article.
    size_t end = limit;
    for (size_t i = b; i < limit; ++i)
      if (lines[i].ends_article || lines[i].form_field || is_copyright_notice(lines[i]) ||
          lines[i].chrome == DropReason::kAuthorBio) {
        end = i;
        break;
      }
    std::vector<std::pair<size_t, size_t>> todo = {{0, a}, {b, end}};
    size_t scanned = 0;
    while (!todo.empty() && scanned <= kMaxRunScansPerLine * limit && !deadline.expired("run search")) {
      auto [from, to] = todo.back();
      todo.pop_back();
      if (from >= to) continue;
      scanned += to - from;
      size_t x = 0, y = 0;
      double s = best_run(from, to, x, y);
      size_t recs = 0;
      if (avoid_records)
        for (size_t i = x; i < y; ++i) recs += in_region[i];
      if (avoid_records && 2 * recs > y - x) {
        // A list of teasers, a comment thread: not the article's other part. The search goes
        // on either side of it.
        todo.push_back({from, x});
        todo.push_back({y, to});
        continue;
      }
      if (s >= kExtraRunMin && s >= kExtraRunShare * best) {
        for (size_t i = x; i < y; ++i) in_article[i] = 1;
        todo.push_back({from, x});
        todo.push_back({y, to});
      }
    }
    return best;
  };
  // Lines of a record region count as items; its labels ("Reply", "Add to cart") and varying
  // fields (dates, prices, counts) weigh nothing, so that the run goes through them.
  auto score_records = [&](size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) {
      Line& l = lines[i];
      l.in_records = true;
      l.ends_article = false;
      l.form_field = false;
      if (l.anchor) {
        l.score = 0;
        if (l.chrome == DropReason::kDateLine || l.chrome == DropReason::kWidget) l.chrome = DropReason::kNone;
        continue;
      }
      if (l.chrome == DropReason::kNone) l.score = std::max(l.score, kRecordItemWeight);
      else if (l.chrome == DropReason::kWidget || l.chrome == DropReason::kNoLetters ||
               l.chrome == DropReason::kDateLine)
        l.score = 0;  // a field of a record (a count, a date): no weight either way
    }
  };
  size_t a = 0, b = 0;
  const std::vector<RecordRegion> records = find_records(lines, m.keyed);
  for (const RecordRegion& r : records)
    for (size_t i = r.begin; i < r.end; ++i) in_region[i] = 1;
  // Comment counts that the records repeat ("0 comments", "14 comments" under each teaser)
  // are fields of the records, not the start of the page's comment section.
  auto is_count = [](const Line& l) { return l.ends_article && !l.comment_header && l.f.digits > 0 && l.f.words <= 3; };
  for (const RecordRegion& r : records) {
    size_t counts = 0;
    for (size_t i = r.begin; i < r.end; ++i) counts += is_count(lines[i]);
    if (counts < kRecordMinRepeats) continue;
    for (size_t i = r.begin; i < r.end; ++i)
      if (is_count(lines[i])) {
        lines[i].ends_article = false;
        lines[i].score = kChromePenalty;
      }
  }
  avoid_records = true;
  double best = select(n, a, b);
  avoid_records = false;
  // A thread: the article is one record of a repeated structure (the first post of a forum
  // thread, one teaser of a listing): the content is the whole structure.
  if (best > 0) {
    bool thread = false;
    for (const RecordRegion& r : records)
      if (r.varying && r.begin <= a && a < r.end && r.end > b) {
        score_records(r.begin, r.end);
        thread = true;
      }
    if (thread) best = select(n, a, b);
    (void)0;
  }
  // Pages without a dominant run of prose (listings, shops, home pages): their content is the
  // many short lines that the run search leaves out. There the search runs again with short
  // lines of 3+ words and the lines of record regions counted as items, so that it finds the
  // block of the list rather than the menus around it.
  {
    double run_words = 0, all_words = 0;
    size_t comments_at = n;  // the words of a comment section or a form after the article do not count
    for (size_t i = b; i < n && best > 0; ++i)
      if (lines[i].ends_article || lines[i].form_field) {
        comments_at = i;
        break;
      }
    for (size_t i = 0; i < comments_at; ++i) {
      if (lines[i].chrome != DropReason::kNone) continue;
      all_words += lines[i].f.words;
      if (in_article[i]) run_words += lines[i].f.words;
    }
    out.list_like = all_words > 0 && run_words < kListRunShare * all_words;
    if (out.list_like) {
      for (size_t i = 0; i < n; ++i) {
        Line& l = lines[i];
        if (l.chrome == DropReason::kNone && l.kind == Kind::kShort && l.f.words >= kListItemMinWords &&
            !is_nav_like(l.f))
          l.score = kListItemWeight;
      }
      // Records after an article of some length are its teasers ("Most popular": 1, 2, 3...),
      // not the list the page is about.
      size_t article_words = 0;
      for (size_t i = a; i < b; ++i) article_words += lines[i].f.words;
      const bool after_ok = article_words < kTeaserArticleWords;
      for (const RecordRegion& r : records)
        if (r.begin < comments_at && (r.begin < b || after_ok)) score_records(r.begin, std::min(r.end, comments_at));
      const size_t a0 = a, b0 = b;
      const double best0 = best;
      best = select(comments_at, a, b);
      // A page with an article of some weight: the list found around it does not stretch it
      // (the headlines of other stories above and below it); a list apart from it stays,
      // unless a short list heading that the page prints once or twice ("Most read",
      // "Related articles"; not a per-post button like "More sharing options") comes between:
      // what follows it is the page's teasers. Not on discussion pages: replies go on there.
      if (best0 >= kListKeepArticle && b0 > a0 && in_article[a0] && in_article[b0 - 1]) {
        size_t lo = a0, hi = b0, prose_lo = 0, prose_hi = 0;
        while (lo > 0 && in_article[lo - 1]) prose_lo += lines[--lo].kind == Kind::kProse;
        while (hi < n && in_article[hi]) prose_hi += lines[hi++].kind == Kind::kProse;
        if (prose_lo == 0)
          for (size_t i = lo; i < a0; ++i) in_article[i] = 0;
        if (prose_hi == 0)
          for (size_t i = b0; i < hi; ++i) in_article[i] = 0;
        if (!discussion) {
          size_t e = b0;
          while (e < n && !(lines[e].chrome == DropReason::kListHeading && lines[e].copies < kRecordMinRepeats &&
                            lines[e].f.words <= kListHeadingMaxWords))
            ++e;
          for (size_t i = e; i < n; ++i) in_article[i] = 0;
        }
      }
    }
  }
  size_t first = n, last = 0;
  for (size_t i = 0; i < n; ++i)
    if (in_article[i]) {
      first = std::min(first, i);
      last = i;
    }
  // The article starts at its headline. Before its first paragraph, a line of the run that names
  // the page (half of its words are words of the URL path, and it holds half of those) is
  // the headline; what the run holds above it are breadcrumbs, tabs and teasers.
  const std::vector<uint64_t> slug = url_words(url);
  std::unordered_set<uint64_t> slug_set(slug.begin(), slug.end());
  std::vector<uint64_t> slug_scratch;
  LineFeatures scratch;
  auto slug_hits = [&](const Line& l) {
    line_features(l.text, scratch, &slug_scratch, kLineKeyWords);
    size_t hit = 0;
    for (uint64_t h : slug_scratch) hit += slug_set.count(h);
    return hit;
  };
  if (first < n && slug_set.size() >= 2) {
    for (size_t i = first; i <= last && i < first + kHeadlineSearchLines; ++i) {
      const Line& l = lines[i];
      if (l.kind == Kind::kProse) {
        if (in_article[i]) break;
        continue;
      }
      if (l.f.words < kTitleMinWords || l.f.words > kTitleMaxWords) continue;
      const size_t hit = slug_hits(l);
      if (hit >= 2 && 2 * hit >= slug_scratch.size() && 2 * hit >= slug.size()) {
        for (size_t k = first; k < i; ++k) in_article[k] = 0;
        first = i;
        break;
      }
    }
  }
  // Between the first and the last line of the article every line belongs to it (short items
  // of a list, a table, a caption-less figure) unless it is chrome by itself.
  if (first < n)
    for (size_t i = first; i <= last; ++i) in_article[i] = 1;

  // A line the page repeats (a heading in a table of contents and again in the text, a teaser
  // that links to the article) counts once: where the article holds it.
  {
    for (size_t i = 0; i < n; ++i) {
      Line& l = lines[i];
      if (l.chrome != DropReason::kRepeatedInPage || !in_article[i] || l.twin == UINT32_MAX) continue;
      Line& twin = lines[l.twin];
      if (!in_article[l.twin] && twin.chrome == DropReason::kNone) {
        l.chrome = DropReason::kNone;
        twin.chrome = DropReason::kRepeatedInPage;
      }
    }
  }

  // 4. Headline and date.
  size_t title_at = n;
  if (first < n) {
    double best_score = 1.5;
    size_t lo = first > kTitleWindow ? first - kTitleWindow : 0;
    // The first line of the article too: a long headline can pass for prose.
    for (size_t i = lo; i <= first && i < n; ++i) {
      const Line& l = lines[i];
      const LineFeatures& f = l.f;
      if ((l.chrome != DropReason::kNone && l.chrome != DropReason::kRepeatedInPage) || l.has_date()) continue;
      const uint32_t words = f.words;
      if (words < kTitleMinWords || words > kTitleMaxWords || f.starts_bullet) continue;
      if (f.ends_sentence && !(l.text.ends_with("?") || l.text.ends_with("!"))) continue;
      if (f.has_url || f.has_email) continue;
      double s = 0.3 * std::min<uint32_t>(words, 15) - 0.25 * static_cast<double>(first - i);
      if (title_share(f) >= kTitleCaseShare) s += 1.0;
      if (!slug_set.empty()) {
        const size_t hit = slug_hits(l);
        s += 6.0 * static_cast<double>(hit) / std::max<size_t>(slug_scratch.size(), 1);
      }
      if (l.copies >= 2) s += 2.0;  // the page repeats it (a headline often comes twice)
      if (s > best_score) {
        best_score = s;
        title_at = i;
      }
    }
  }
  if (title_at < n) {
    out.title = std::string(lines[title_at].text);
    for (size_t i = 0; i < n; ++i)
      if (lines[i].key == lines[title_at].key && (!in_article[i] || i == first)) lines[i].chrome = DropReason::kTitle;
    lines[title_at].chrome = DropReason::kTitle;
  }
  {
    size_t anchor = title_at < n ? title_at : first;
    size_t best_dist = SIZE_MAX;
    for (size_t i = 0; i < n && anchor < n; ++i) {
      if (!lines[i].has_date()) continue;
      size_t dist = i > anchor ? i - anchor : anchor - i;
      bool near = i + 20 >= anchor && i <= first + 5;
      if (!near) continue;
      bool updated = ifind(lines[i].text, "updated") != std::string_view::npos ||
                     ifind(lines[i].text, "modified") != std::string_view::npos;
      if (updated) dist += 10;  // the publication date wins over the update
      if (dist < best_dist) {
        best_dist = dist;
        out.date = std::string(lines[i].date_view());
      }
    }
    if (out.date.empty()) out.date = url_date(url);
  }

  // 5. Verdicts and the text.
  for (size_t i = 0; i < n; ++i) {
    Line& l = lines[i];
    DropReason r = l.chrome;
    const bool kept_title = r == DropReason::kTitle && opt.keep_title && i == title_at;
    if (kept_title) r = DropReason::kNone;
    // Figures and widget-like lines inside the article are the cells of its tables ("$337", "45%",
    // "$3,000-$6,000/mo", "6. SONY A6700"): they stay. On a discussion page they are the posts'
    // vote and reply counts.
    if ((r == DropReason::kWidget || (r == DropReason::kNoLetters && is_figure(l.f))) && i > first && i < last &&
        !discussion)
      r = DropReason::kNone;
    // On a discussion page the posts are the content; the short lines between them that are no
    // sentence and stand next to no paragraph are the posts' headers: the poster's name, rank,
    // join date and post count, reaction counts.
    if (r == DropReason::kNone && in_article[i] && discussion && l.kind == Kind::kShort && !l.f.ends_sentence &&
        !l.f.ends_colon && l.f.words <= kPostHeaderMaxWords && (i == 0 || lines[i - 1].kind != Kind::kProse) &&
        (i + 1 >= n || lines[i + 1].kind != Kind::kProse))
      r = DropReason::kByline;
    if (r == DropReason::kNone && !in_article[i] && !kept_title) {
      const LineFeatures& f = l.f;
      r = is_nav_like(f) || (f.words <= 6 && !f.ends_sentence) ? DropReason::kNavigation
                                                               : DropReason::kOutsideArticle;
    }
    l.verdict = r;
  }
  // A handful of words and no sentence among them is no document (a shop tile, an app shell,
  // a gallery): as C4 and FineWeb drop pages with too few sentences, nothing is kept.
  {
    uint32_t words = 0;
    bool prose = false;
    for (const Line& l : lines)
      if (l.verdict == DropReason::kNone) {
        words += l.f.words;
        prose |= l.kind == Kind::kProse;
      }
    const bool too_little = words < kMinDocumentWords && !prose;
    if (too_little || out.list_like) {
      // Unless the page is one list (a directory, a schedule, a table of names): a block of
      // consecutive plain lines, no chrome among them, that holds a document's worth of words
      // and outweighs the rest of the plain lines of the page. The run search finds no such
      // block where every line is short; menus are rarely this long and are broken up by
      // chrome lines, or repeated. On a list-like page the same block is kept too when it
      // holds more words than what the run search kept (a directory of two-word names, which
      // the search scores as menu items, next to a paragraph of introduction).
      size_t bs = 0, be = 0, cur = 0;
      uint32_t bw = 0, cw = 0, all = 0;
      for (size_t i = 0; i <= n; ++i) {
        const bool plain = i < n && (lines[i].chrome == DropReason::kNone ||
                                     (lines[i].chrome == DropReason::kTitle && i > cur && cw > 0));
        if (plain) {
          if (cw == 0) cur = i;
          cw += lines[i].f.words;
          all += lines[i].f.words;
          continue;
        }
        if (cw > bw) {
          bw = cw;
          bs = cur;
          be = i;
        }
        cw = 0;
      }
      if (bw >= kMinDocumentWords && 2 * bw > all && be - bs >= kListBlockMinLines && (too_little || bw > words)) {
        for (size_t i = bs; i < be; ++i) lines[i].verdict = DropReason::kNone;
      } else if (words > 0 && too_little) {
        for (Line& l : lines)
          if (l.verdict == DropReason::kNone) l.verdict = DropReason::kTooLittleText;
      }
    }
  }
  auto& kept = m.kept;
  kept.clear();
  if (opt.list_dropped) out.dropped.reserve(n);
  out.text.reserve(text.size());
  bool pending_blank = false;
  for (size_t i = 0; i < n; ++i) {
    Line& l = lines[i];
    const DropReason r = l.verdict;
    if (r != DropReason::kNone) {
      if (opt.list_dropped) {
        DroppedLine& d = out.dropped.emplace_back();
        d.line = l.number;
        d.reason = drop_reason_name(r);
        cut_preview(l.text, d.text);
      }
      if (l.blank_before) pending_blank = true;
      continue;
    }
    if (!out.text.empty()) out.text += (l.blank_before || pending_blank) ? "\n\n" : "\n";
    pending_blank = false;
    out.text += l.text;
    kept.push_back(l.text);
  }
  if (!out.text.empty()) out.text.push_back('\n');
  out.lines = static_cast<uint32_t>(n);
  out.kept_lines = static_cast<uint32_t>(kept.size());
  out.noise = noise_signals(kept);
  if (deadline.spent())
    out.warnings.push_back("time budget hit: " + std::string(deadline.pass()) + " stopped after " +
                           std::to_string(opt.max_millis) + " ms");
  (void)last;
  return out;
}

}  // namespace pith
