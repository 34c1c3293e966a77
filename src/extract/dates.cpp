#include "extract/dates.h"

#include <array>
#include <chrono>
#include <cstring>

#include "core/strings.h"
#include "core/utf8.h"

namespace pith {

namespace {

struct MonthName {
  std::string_view name;  // lower case
  int month;
};

// Month names and the abbreviations pages print, per language: en, de, fr, es, pt, it, nl,
// sv/da/no, pl and ru (genitive, as dates use them), tr, cs, sk, hr/sr/bs, sl, ro, hu, fi,
// et, id/ms, ca, el, uk, bg, ar, hi, mr, bn, ur, he, th. A trailing "." after an abbreviation is
// punctuation, so "Mar." and "févr." match too. A spelling two languages give different
// months is left out (Croatian "listopada" is October, Polish November; the Polish reading
// stays).
constexpr MonthName kMonthNames[] = {
    // English
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
    {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11},
    {"december", 12}, {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7},
    {"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
    // German
    {"januar", 1}, {"jänner", 1}, {"februar", 2}, {"märz", 3}, {"mai", 5}, {"juni", 6},
    {"juli", 7}, {"oktober", 10}, {"dezember", 12}, {"mär", 3}, {"mrz", 3}, {"okt", 10},
    {"dez", 12},
    // French
    {"janvier", 1}, {"février", 2}, {"fevrier", 2}, {"mars", 3}, {"avril", 4}, {"juin", 6},
    {"juillet", 7}, {"août", 8}, {"aout", 8}, {"septembre", 9}, {"octobre", 10},
    {"novembre", 11}, {"décembre", 12}, {"decembre", 12}, {"janv", 1}, {"févr", 2},
    {"fevr", 2}, {"avr", 4}, {"juil", 7}, {"déc", 12},
    // Spanish
    {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6},
    {"julio", 7}, {"agosto", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10},
    {"noviembre", 11}, {"diciembre", 12}, {"ene", 1}, {"abr", 4}, {"ago", 8}, {"dic", 12},
    // Portuguese
    {"janeiro", 1}, {"fevereiro", 2}, {"março", 3}, {"maio", 5}, {"junho", 6}, {"julho", 7},
    {"setembro", 9}, {"outubro", 10}, {"dezembro", 12}, {"fev", 2}, {"set", 9}, {"out", 10},
    // Italian
    {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6},
    {"luglio", 7}, {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12}, {"gen", 1},
    {"mag", 5}, {"giu", 6}, {"lug", 7}, {"ott", 10},
    // Dutch
    {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5}, {"augustus", 8}, {"mrt", 3},
    // Swedish, Danish, Norwegian
    {"marts", 3}, {"maj", 5}, {"augusti", 8}, {"desember", 12}, {"des", 12},
    // Polish (genitive)
    {"stycznia", 1}, {"lutego", 2}, {"marca", 3}, {"kwietnia", 4}, {"maja", 5},
    {"czerwca", 6}, {"lipca", 7}, {"sierpnia", 8}, {"września", 9}, {"października", 10},
    {"listopada", 11}, {"grudnia", 12},
    // Russian (genitive)
    {"января", 1}, {"февраля", 2}, {"марта", 3}, {"апреля", 4}, {"мая", 5}, {"июня", 6},
    {"июля", 7}, {"августа", 8}, {"сентября", 9}, {"октября", 10}, {"ноября", 11},
    {"декабря", 12},
    // Turkish
    {"ocak", 1}, {"şubat", 2}, {"mart", 3}, {"nisan", 4}, {"mayıs", 5}, {"haziran", 6},
    {"temmuz", 7}, {"ağustos", 8}, {"eylül", 9}, {"ekim", 10}, {"kasım", 11}, {"aralık", 12},
    // Czech (genitive, as dates use them: "5. března 2024")
    {"ledna", 1}, {"února", 2}, {"března", 3}, {"dubna", 4}, {"května", 5}, {"června", 6},
    {"července", 7}, {"srpna", 8}, {"září", 9}, {"října", 10}, {"listopadu", 11}, {"prosince", 12},
    // Slovak (genitive)
    {"januára", 1}, {"februára", 2}, {"apríla", 4}, {"mája", 5}, {"júna", 6}, {"júla", 7},
    {"augusta", 8}, {"septembra", 9}, {"októbra", 10}, {"novembra", 11}, {"decembra", 12},
    // Croatian (genitive and nominative), Serbian and Bosnian (Latin), Slovenian
    {"siječnja", 1}, {"veljače", 2}, {"ožujka", 3}, {"travnja", 4}, {"svibnja", 5}, {"lipnja", 6},
    {"srpnja", 7}, {"kolovoza", 8}, {"rujna", 9}, {"studenoga", 11}, {"studenog", 11},
    {"prosinca", 12}, {"siječanj", 1}, {"veljača", 2}, {"ožujak", 3}, {"travanj", 4},
    {"svibanj", 5}, {"lipanj", 6}, {"srpanj", 7}, {"kolovoz", 8}, {"rujan", 9}, {"studeni", 11},
    {"prosinac", 12}, {"avgust", 8}, {"septembar", 9}, {"oktobar", 10}, {"novembar", 11},
    {"decembar", 12}, {"januarja", 1}, {"februarja", 2}, {"marec", 3}, {"aprila", 4},
    {"junij", 6}, {"junija", 6}, {"julij", 7}, {"julija", 7}, {"avgusta", 8}, {"oktobra", 10},
    // Romanian
    {"ianuarie", 1}, {"februarie", 2}, {"martie", 3}, {"aprilie", 4}, {"iunie", 6}, {"iulie", 7},
    {"septembrie", 9}, {"octombrie", 10}, {"noiembrie", 11}, {"decembrie", 12}, {"ian", 1},
    // Hungarian ("2024. március 5.")
    {"január", 1}, {"február", 2}, {"március", 3}, {"április", 4}, {"május", 5}, {"június", 6},
    {"július", 7}, {"augusztus", 8}, {"szeptember", 9}, {"október", 10}, {"febr", 2},
    {"márc", 3}, {"ápr", 4}, {"máj", 5}, {"jún", 6}, {"júl", 7}, {"szept", 9},
    // Finnish (partitive, as dates use them: "5. maaliskuuta 2024")
    {"tammikuuta", 1}, {"helmikuuta", 2}, {"maaliskuuta", 3}, {"huhtikuuta", 4},
    {"toukokuuta", 5}, {"kesäkuuta", 6}, {"heinäkuuta", 7}, {"elokuuta", 8}, {"syyskuuta", 9},
    {"lokakuuta", 10}, {"marraskuuta", 11}, {"joulukuuta", 12},
    // Estonian
    {"jaanuar", 1}, {"veebruar", 2}, {"märts", 3}, {"aprill", 4}, {"juuni", 6}, {"juuli", 7},
    {"oktoober", 10}, {"detsember", 12},
    // Indonesian, Malay
    {"maret", 3}, {"agustus", 8}, {"mac", 3}, {"julai", 7}, {"ogos", 8},
    {"disember", 12},
    // Catalan
    {"gener", 1}, {"febrer", 2}, {"març", 3}, {"maig", 5}, {"juny", 6}, {"juliol", 7},
    {"agost", 8}, {"setembre", 9}, {"desembre", 12},
    // Greek (genitive)
    {"ιανουαρίου", 1}, {"φεβρουαρίου", 2}, {"μαρτίου", 3}, {"απριλίου", 4}, {"μαΐου", 5},
    {"ιουνίου", 6}, {"ιουλίου", 7}, {"αυγούστου", 8}, {"σεπτεμβρίου", 9}, {"οκτωβρίου", 10},
    {"νοεμβρίου", 11}, {"δεκεμβρίου", 12},
    // Ukrainian (genitive)
    {"січня", 1}, {"лютого", 2}, {"березня", 3}, {"квітня", 4}, {"травня", 5}, {"червня", 6},
    {"липня", 7}, {"серпня", 8}, {"вересня", 9}, {"жовтня", 10}, {"листопада", 11}, {"грудня", 12},
    // Bulgarian
    {"януари", 1}, {"февруари", 2}, {"март", 3}, {"април", 4}, {"май", 5}, {"юни", 6},
    {"юли", 7}, {"август", 8}, {"септември", 9}, {"октомври", 10}, {"ноември", 11}, {"декември", 12},
    // Arabic (the names of Egypt and the Gulf, with and without hamza; the Levant's one-word
    // names)
    {"يناير", 1}, {"فبراير", 2}, {"مارس", 3}, {"أبريل", 4}, {"ابريل", 4}, {"إبريل", 4},
    {"مايو", 5}, {"يونيو", 6}, {"يونية", 6}, {"يوليو", 7}, {"يولية", 7}, {"أغسطس", 8},
    {"اغسطس", 8}, {"سبتمبر", 9}, {"أكتوبر", 10}, {"اكتوبر", 10}, {"نوفمبر", 11}, {"ديسمبر", 12},
    {"شباط", 2}, {"آذار", 3}, {"نيسان", 4}, {"أيار", 5}, {"حزيران", 6}, {"تموز", 7}, {"آب", 8},
    {"أيلول", 9},
    // Hindi (both spellings of the nasal)
    {"जनवरी", 1}, {"फ़रवरी", 2}, {"फरवरी", 2}, {"मार्च", 3}, {"अप्रैल", 4}, {"मई", 5}, {"जून", 6},
    {"जुलाई", 7}, {"अगस्त", 8}, {"सितंबर", 9}, {"सितम्बर", 9}, {"अक्टूबर", 10}, {"नवंबर", 11},
    {"नवम्बर", 11}, {"दिसंबर", 12}, {"दिसम्बर", 12},
    // Marathi (the names Hindi spells otherwise)
    {"जानेवारी", 1}, {"फेब्रुवारी", 2}, {"एप्रिल", 4}, {"मे", 5}, {"जुलै", 7}, {"ऑगस्ट", 8},
    {"सप्टेंबर", 9}, {"ऑक्टोबर", 10}, {"नोव्हेंबर", 11}, {"डिसेंबर", 12},
    // Bengali: "য়" both as one code point (U+09DF) and as য + nukta, its canonical form
    {"জানুয়ারি", 1}, {"জানুয়ারী", 1}, {"জানুয়ারি", 1}, {"জানুয়ারী", 1}, {"ফেব্রুয়ারি", 2},
    {"ফেব্রুয়ারী", 2}, {"ফেব্রুয়ারি", 2}, {"ফেব্রুয়ারী", 2}, {"মার্চ", 3}, {"এপ্রিল", 4},
    {"মে", 5}, {"জুন", 6}, {"জুলাই", 7}, {"আগস্ট", 8}, {"অগস্ট", 8}, {"আগষ্ট", 8},
    {"সেপ্টেম্বর", 9}, {"অক্টোবর", 10}, {"নভেম্বর", 11}, {"ডিসেম্বর", 12},
    // Urdu
    {"جنوری", 1}, {"فروری", 2}, {"مارچ", 3}, {"اپریل", 4}, {"مئی", 5}, {"جون", 6}, {"جولائی", 7},
    {"اگست", 8}, {"ستمبر", 9}, {"اکتوبر", 10}, {"نومبر", 11}, {"دسمبر", 12},
    // Hebrew, bare and with the prefix "in" that dates use ("5 במרץ 2024")
    {"ינואר", 1}, {"פברואר", 2}, {"מרץ", 3}, {"אפריל", 4}, {"מאי", 5}, {"יוני", 6}, {"יולי", 7},
    {"אוגוסט", 8}, {"ספטמבר", 9}, {"אוקטובר", 10}, {"נובמבר", 11}, {"דצמבר", 12}, {"בינואר", 1},
    {"בפברואר", 2}, {"במרץ", 3}, {"באפריל", 4}, {"במאי", 5}, {"ביוני", 6}, {"ביולי", 7},
    {"באוגוסט", 8}, {"בספטמבר", 9}, {"באוקטובר", 10}, {"בנובמבר", 11}, {"בדצמבר", 12},
    // Thai (its dates count years in the Buddhist era: Tok::buddhist_era)
    {"มกราคม", 1}, {"กุมภาพันธ์", 2}, {"มีนาคม", 3}, {"เมษายน", 4}, {"พฤษภาคม", 5},
    {"มิถุนายน", 6}, {"กรกฎาคม", 7}, {"สิงหาคม", 8}, {"กันยายน", 9}, {"ตุลาคม", 10},
    {"พฤศจิกายน", 11}, {"ธันวาคม", 12},
};

// The Levant's month names of two words (Syria, Lebanon, Jordan, Iraq: "5 كانون الثاني 2020"),
// with and without the hamza of "الأول".
struct TwoWordMonth {
  std::string_view first, second;
  int month;
};
constexpr TwoWordMonth kTwoWordMonthNames[] = {
    {"كانون", "الثاني", 1}, {"كانون", "الأول", 12}, {"كانون", "الاول", 12},
    {"تشرين", "الأول", 10}, {"تشرين", "الاول", 10}, {"تشرين", "الثاني", 11},
};

// Weekday names and abbreviations, per language as kMonthNames (lower case; a trailing "." is
// punctuation).
constexpr std::string_view kWeekdayNames[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
    "thu", "thur", "thurs", "fri", "sat", "sun",                                                   // en
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "mo", "di", "mi", "do",
    "fr", "sa", "so",                                                                              // de
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lun", "mer", "jeu", "ven",
    "sam", "dim",                                                                                  // fr
    "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",                      // es
    "segunda", "terça", "quarta", "quinta", "sexta",                                               // pt
    "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",                  // it
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",                // nl
    "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag", "mandag", "tirsdag",
    "lørdag", "søndag",                                                                            // sv, da, no
};

// Words that may stand between the parts of a date: "21st of March", "21 de marzo de 2023".
constexpr std::string_view kDateFillers[] = {"of", "de", "del", "di"};

// Year ranges: values for machines may be old (archives); dates in running text outside
// 1970..2099 are more often something else (a year in a sentence, a product number).
constexpr int kMinMachineYear = 1900, kMinTextYear = 1970, kMaxYear = 2099;
// Thai dates count years in the Buddhist era, 543 years ahead of the Gregorian one.
constexpr int kBuddhistEraOffset = 543;

// The bytes a month's name can start with, in either case: the table's first bytes, their
// ASCII capitals, and the lead bytes of Greek and Cyrillic capitals (Greek small letters
// start with 0xCE or 0xCF, capitals with 0xCE; Cyrillic 0xD0 or 0xD1, capitals 0xD0). Latin
// letters beyond ASCII share their lead byte with their capital.
constexpr std::array<bool, 256> month_first_bytes() {
  std::array<bool, 256> first{};
  for (const auto& m : kMonthNames) {
    const auto b = static_cast<unsigned char>(m.name[0]);
    first[b] = true;
    if (b >= 'a' && b <= 'z') first[b - 32] = true;
    if (b == 0xCF) first[0xCE] = true;
    if (b == 0xD1) first[0xD0] = true;
  }
  return first;
}
constexpr std::array<bool, 256> kMonthFirstBytes = month_first_bytes();

// The first code point of each name in kMonthNames (the table's names are valid UTF-8), so
// that a word is compared with the few names that start like it.
constexpr char32_t first_code_point(std::string_view name) {
  const auto b0 = static_cast<unsigned char>(name[0]);
  if (b0 < 0x80) return b0;
  const auto b1 = static_cast<unsigned char>(name[1]) & 0x3Fu;
  if (b0 < 0xE0) return ((b0 & 0x1Fu) << 6) | b1;
  return ((b0 & 0x0Fu) << 12) | (b1 << 6) | (static_cast<unsigned char>(name[2]) & 0x3Fu);
}
constexpr auto month_first_code_points() {
  std::array<char32_t, std::size(kMonthNames)> first{};
  for (size_t i = 0; i < first.size(); ++i) first[i] = first_code_point(kMonthNames[i].name);
  return first;
}
constexpr auto kMonthFirstCodePoints = month_first_code_points();

char32_t lower_cp(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;  // Latin-1 capitals
  if (c >= 0x410 && c <= 0x42F) return c + 32;              // Cyrillic А..Я
  if (c >= 0x400 && c <= 0x40F) return c + 80;              // Cyrillic Ѐ..Џ
  if (c == 0x130) return 'i';                               // Turkish İ
  // Latin Extended-A (Č, Ř, Š, Ž, Ş, ...): capital and small letter are neighbours, the
  // capital even in two runs and odd in the two others.
  if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return (c & 1) ? c : c + 1;
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c & 1) ? c + 1 : c;
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 32;  // Greek Α..Ω
  if (c == 0x386) return 0x3AC;                             // Greek capitals with tonos
  if (c >= 0x388 && c <= 0x38A) return c + 37;
  if (c == 0x38C) return 0x3CC;
  if (c == 0x38E || c == 0x38F) return c + 63;
  return c;
}

// A word equals a lower-case table name, comparing code points case-insensitively.
bool word_is(std::string_view word, std::string_view lower_name) {
  size_t i = 0, j = 0;
  while (i < word.size() && j < lower_name.size()) {
    char32_t a = lower_cp(utf8_decode(word, i));
    char32_t b = utf8_decode(lower_name, j);
    if (a != b) return false;
  }
  return i == word.size() && j == lower_name.size();
}

int month_of(std::string_view word) {
  if (word.size() < 3 || word.size() > 32) return 0;  // Thai "กุมภาพันธ์" is 30 bytes
  // First bytes of the names (either case, and UTF-8 lead bytes): most words fail here.
  if (!kMonthFirstBytes[static_cast<unsigned char>(word[0])]) return 0;
  size_t i = 0;
  const char32_t first = lower_cp(utf8_decode(word, i));
  for (size_t k = 0; k < kMonthFirstCodePoints.size(); ++k)
    if (kMonthFirstCodePoints[k] == first && word_is(word, kMonthNames[k].name)) return kMonthNames[k].month;
  return 0;
}

}  // namespace

Ymd today_utc() {
  using namespace std::chrono;
  const year_month_day t{floor<days>(system_clock::now())};
  return {static_cast<int>(t.year()), static_cast<int>(static_cast<unsigned>(t.month())),
          static_cast<int>(static_cast<unsigned>(t.day()))};
}

bool is_month_or_weekday_name(std::string_view word) {
  while (!word.empty() && (word.back() == '.' || word.back() == ',')) word.remove_suffix(1);
  if (month_of(word) != 0) return true;
  for (auto w : kWeekdayNames)
    if (word_is(word, w)) return true;
  return false;
}

namespace {

bool is_filler(std::string_view word) {
  for (auto f : kDateFillers)
    if (word_is(word, f)) return true;
  return false;
}

// The digit at byte i and its length in bytes, or -1: ASCII, and the digits Arabic
// (U+0660..0669), Persian and Urdu (U+06F0..06F9), Devanagari (U+0966..096F: Marathi, Nepali,
// some Hindi), Bengali (U+09E6..09EF) and full-width CJK text (U+FF10..FF19) write dates with
// ("٥ مارس ٢٠٢٤", "१३ मे २०२४", "১৩ মে ২০২৪", "２０２４年３月５日").
int digit_at(std::string_view s, size_t i, size_t& len) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c >= '0' && c <= '9') {
    len = 1;
    return c - '0';
  }
  if ((c == 0xD9 || c == 0xDB) && i + 1 < s.size()) {
    const auto c1 = static_cast<unsigned char>(s[i + 1]);
    const unsigned char zero = c == 0xD9 ? 0xA0 : 0xB0;
    if (c1 >= zero && c1 <= zero + 9) {
      len = 2;
      return c1 - zero;
    }
  }
  if (c == 0xE0 && i + 2 < s.size() &&
      (static_cast<unsigned char>(s[i + 1]) == 0xA5 || static_cast<unsigned char>(s[i + 1]) == 0xA7)) {
    const auto c2 = static_cast<unsigned char>(s[i + 2]);
    if (c2 >= 0xA6 && c2 <= 0xAF) {
      len = 3;
      return c2 - 0xA6;
    }
  }
  if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC) {
    const auto c2 = static_cast<unsigned char>(s[i + 2]);
    if (c2 >= 0x90 && c2 <= 0x99) {
      len = 3;
      return c2 - 0x90;
    }
  }
  return -1;
}

bool is_letter_cp(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if ((c >= 0x660 && c <= 0x669) || (c >= 0x6F0 && c <= 0x6F9) || (c >= 0xFF10 && c <= 0xFF19)) return false;
  if ((c >= 0x966 && c <= 0x96F) || (c >= 0x9E6 && c <= 0x9EF)) return false;
  if (c == 0xA0 || c == 0xAD || c == 0xB7 || c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x206F) return false;  // general punctuation: dashes, bullets
  if (c >= 0x3000 && c <= 0x3003) return false;
  if (c == 0x5E74 || c == 0x6708 || c == 0x65E5) return false;  // 年 月 日 stand alone
  if (c == 0xB144 || c == 0xC6D4 || c == 0xC77C) return false;  // 년 월 일
  if (c >= 0xFF00 && c <= 0xFF0F) return false;  // full-width punctuation
  if (c >= 0x2190 && c <= 0x2BFF) return false;  // arrows, symbols
  return true;
}

struct Tok {
  enum Kind : uint8_t { kNum, kWord, kPunct, kCjk } kind;
  uint8_t digits = 0;
  bool ordinal = false;  // 21st, 1er, 3º
  uint8_t month = 0;     // kWord: month number, else 0
  bool buddhist_era = false;  // kWord: a Thai month name, whose dates give the year + 543
  char32_t cp = 0;       // kPunct/kCjk: the character
  int value = 0;         // kNum
  size_t b = 0, e = 0;
};

constexpr size_t kMaxTokens = 4096;  // find_dates reads short texts; longer ones are cut

// Splits text into numbers, words, CJK date markers and punctuation; white space only
// separates. Ordinal suffixes (st, nd, rd, th, er, º) are folded into their number.
void tokenize(std::string_view s, std::vector<Tok>& toks) {
  toks.clear();
  size_t i = 0;
  while (i < s.size() && toks.size() < kMaxTokens) {
    size_t b = i;
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t digit_len = 0;
    int digit = digit_at(s, i, digit_len);
    if (digit >= 0) {
      Tok t{Tok::kNum};
      t.b = b;
      int digits = 0;
      long long v = 0;
      while (digit >= 0) {
        if (digits < 9) v = v * 10 + digit;
        ++digits;
        i += digit_len;
        digit = i < s.size() ? digit_at(s, i, digit_len) : -1;
      }
      t.digits = static_cast<uint8_t>(digits > 255 ? 255 : digits);
      t.value = static_cast<int>(v);
      // Ordinal suffix directly after the number, not followed by more letters.
      static constexpr std::string_view kSuffixes[] = {"st", "nd", "rd", "th", "er", "e", "\xC2\xBA", "\xC2\xAA"};
      for (auto suf : kSuffixes) {
        if (i + suf.size() <= s.size() && iequals(s.substr(i, suf.size()), suf)) {
          size_t k = i + suf.size();
          bool more_letters = k < s.size() && ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z'));
          if (!more_letters && digits <= 2) {
            t.ordinal = true;
            i = k;
          }
          break;
        }
      }
      t.e = i;
      toks.push_back(t);
      continue;
    }
    if (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
      ++i;
      if (!is_ascii_space(static_cast<char>(c))) {
        Tok t{Tok::kPunct};
        t.cp = c;
        t.b = b;
        t.e = i;
        toks.push_back(t);
      }
      continue;
    }
    // A word: letters (any script) until a non-letter.
    size_t len = utf8_sequence_length(s, i);
    if (len == 0) {
      ++i;
      continue;
    }
    size_t j = i;
    char32_t cp = utf8_decode(s, j);
    if (!is_letter_cp(cp)) {
      i = j;
      if (cp == 0x5E74 || cp == 0x6708 || cp == 0x65E5 || cp == 0xB144 || cp == 0xC6D4 || cp == 0xC77C) {
        Tok t{Tok::kCjk};
        t.cp = cp;
        t.b = b;
        t.e = i;
        toks.push_back(t);
      } else if (cp != 0xA0 && cp != 0x3000 && !(cp >= 0x2000 && cp <= 0x200B)) {
        Tok t{Tok::kPunct};
        t.cp = cp;
        t.b = b;
        t.e = i;
        toks.push_back(t);
      }
      continue;
    }
    i = j;
    while (i < s.size()) {
      unsigned char d = static_cast<unsigned char>(s[i]);
      if (d < 0x80) {
        if ((d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z')) {
          ++i;
          continue;
        }
        break;
      }
      if (utf8_sequence_length(s, i) == 0) break;
      size_t k = i;
      char32_t w = utf8_decode(s, k);
      if (!is_letter_cp(w)) break;
      i = k;
    }
    Tok t{Tok::kWord};
    t.b = b;
    t.e = i;
    toks.push_back(t);
  }
  // Month names matter only next to a number (a day or a year): look those words up.
  const size_t n = toks.size();
  for (size_t k = 0; k < n; ++k) {
    Tok& w = toks[k];
    if (w.kind != Tok::kWord) continue;
    bool near_number = false;
    for (size_t d = 1; d <= 3 && !near_number; ++d)
      near_number = (k >= d && toks[k - d].kind == Tok::kNum) || (k + d < n && d <= 2 && toks[k + d].kind == Tok::kNum);
    if (!near_number) continue;
    w.month = static_cast<uint8_t>(month_of(s.substr(w.b, w.e - w.b)));
    // Thai script is U+0E00..0E7F, whose UTF-8 starts E0 B8 or E0 B9.
    w.buddhist_era = w.month && static_cast<unsigned char>(s[w.b]) == 0xE0 && w.e - w.b > 1 &&
                     (static_cast<unsigned char>(s[w.b + 1]) == 0xB8 || static_cast<unsigned char>(s[w.b + 1]) == 0xB9);
  }
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

Ymd make(int y, int m, int d, int min_year) {
  if (y < min_year || y > kMaxYear || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return {};
  return {y, m, d};
}

bool is_punct(const Tok& t, char32_t c) { return t.kind == Tok::kPunct && t.cp == c; }
bool is_day(const Tok& t) { return t.kind == Tok::kNum && t.digits <= 2 && t.value >= 1 && t.value <= 31; }
bool is_year(const Tok& t) { return t.kind == Tok::kNum && t.digits == 4 && !t.ordinal; }
bool adjacent(const Tok& a, const Tok& b) { return a.e == b.b; }

struct Scanner {
  std::string_view s;
  const std::vector<Tok>& t;
  DayOrder order;
  int min_year;

  bool word_filler(size_t i) const { return t[i].kind == Tok::kWord && is_filler(s.substr(t[i].b, t[i].e - t[i].b)); }

  // Skips punctuation a date may carry between its parts (",", ".") and filler words.
  size_t skip_soft(size_t j, bool fillers) const {
    for (int k = 0; k < 3 && j < t.size(); ++k) {
      if (is_punct(t[j], ',') || is_punct(t[j], '.')) {
        ++j;
      } else if (fillers && word_filler(j)) {
        ++j;
      } else {
        break;
      }
    }
    return j;
  }

  std::string_view word(size_t i) const { return s.substr(t[i].b, t[i].e - t[i].b); }

  // The month named at token j, and in next the token after its name; 0 if none. A name is
  // one word of kMonthNames or two of kTwoWordMonthNames; Arabic pages print a month's
  // Levantine and Egyptian names together, "28 آب/أغسطس 2013", "5 كانون الثاني/يناير 2020",
  // and the second, where it names the same month, belongs to the first.
  int month_at(size_t j, size_t& next) const {
    const size_t n = t.size();
    int month = 0;
    if (j < n && t[j].kind == Tok::kWord && t[j].month) {
      month = t[j].month;
      next = j + 1;
    } else if (j + 1 < n && t[j].kind == Tok::kWord && t[j + 1].kind == Tok::kWord) {
      for (const auto& m : kTwoWordMonthNames)
        if (word_is(word(j), m.first) && word_is(word(j + 1), m.second)) month = m.month;
      next = j + 2;
    }
    if (month == 0) return 0;
    if (next + 1 < n && is_punct(t[next], '/') && t[next + 1].kind == Tok::kWord && t[next + 1].month == month)
      next += 2;
    return month;
  }

  // Tries every pattern at token i; on a match sets hit and returns the index after it.
  size_t match(size_t i, DateHit& hit) const {
    const Tok& a = t[i];
    const size_t n = t.size();
    if (a.kind == Tok::kWord && a.month) {
      // March 21, 2023 | Mar. 21st 2023
      size_t j = i + 1;
      if (j < n && is_punct(t[j], '.')) ++j;
      if (j < n && is_day(t[j])) {
        size_t dj = j;
        j = skip_soft(j + 1, true);
        if (j < n && is_year(t[j])) {
          Ymd d = make(t[j].value, a.month, t[dj].value, min_year);
          if (d.ok()) {
            hit = {d, a.b, t[j].e};
            return j + 1;
          }
        }
      }
      return 0;
    }
    if (a.kind != Tok::kNum) return 0;
    if (is_year(a) && i + 4 < n) {
      // 2023-03-21 | 2023/03/21 | 2023.03.21
      {
        const Tok &s1 = t[i + 1], &m = t[i + 2], &s2 = t[i + 3], &d = t[i + 4];
        if (s1.kind == Tok::kPunct && (s1.cp == '-' || s1.cp == '/' || s1.cp == '.') && is_punct(s2, s1.cp) &&
            m.kind == Tok::kNum && m.digits <= 2 && d.kind == Tok::kNum && d.digits <= 2 && !m.ordinal &&
            adjacent(a, s1) && adjacent(s1, m) && adjacent(m, s2) && adjacent(s2, d)) {
          Ymd r = make(a.value, m.value, d.value, min_year);
          if (r.ok()) {
            hit = {r, a.b, d.e};
            return i + 5;
          }
        }
      }
    }
    if (is_year(a) && i + 5 < n) {
      // 2024. 5. 13. | 2024. 05. 13. (Korean and Hungarian: year, month and day, each closed by
      // a dot, with spaces between; without the day's dot, "2024. 5. 13 pages" is a list)
      const Tok &s1 = t[i + 1], &m = t[i + 2], &s2 = t[i + 3], &d = t[i + 4], &s3 = t[i + 5];
      if (is_punct(s1, '.') && is_punct(s2, '.') && is_punct(s3, '.') && m.kind == Tok::kNum && m.digits <= 2 &&
          d.kind == Tok::kNum && d.digits <= 2 && !m.ordinal && !d.ordinal && adjacent(a, s1) && adjacent(m, s2) &&
          adjacent(d, s3)) {
        Ymd r = make(a.value, m.value, d.value, min_year);
        if (r.ok()) {
          hit = {r, a.b, s3.e};
          return i + 6;
        }
      }
    }
    if (is_year(a) && i + 4 < n) {
      // 2023年3月21日 | 2023년 3월 21일
      {
        if (t[i + 1].kind == Tok::kCjk && (t[i + 1].cp == 0x5E74 || t[i + 1].cp == 0xB144) &&
            t[i + 2].kind == Tok::kNum && t[i + 3].kind == Tok::kCjk && t[i + 4].kind == Tok::kNum) {
          Ymd r = make(a.value, t[i + 2].value, t[i + 4].value, min_year);
          if (r.ok()) {
            size_t end = t[i + 4].e;
            size_t next = i + 5;
            if (next < n && t[next].kind == Tok::kCjk) end = t[next++].e;
            hit = {r, a.b, end};
            return next;
          }
        }
      }
    }
    if (is_year(a) && i + 3 < n && is_punct(t[i + 1], '.') && adjacent(a, t[i + 1]) && t[i + 2].kind == Tok::kWord &&
        t[i + 2].month) {
      // 2024. március 5. | 2024. márc. 5. (Hungarian: year, month, day)
      size_t j = i + 3;
      if (is_punct(t[j], '.')) ++j;
      if (j < n && is_day(t[j]) && !t[j].ordinal) {
        Ymd d = make(a.value, t[i + 2].month, t[j].value, min_year);
        if (d.ok()) {
          hit = {d, a.b, t[j].e};
          return j + 1;
        }
      }
    }
    if (is_day(a)) {
      // 21 March 2023 | 21. März 2023 | 21st of March, 2023 | 21 de marzo de 2023
      size_t j = skip_soft(i + 1, true);
      size_t after_month = 0;
      if (const int month = month_at(j, after_month); month != 0) {
        size_t mj = j;
        j = skip_soft(after_month, true);
        if (j < n && is_year(t[j])) {
          // "5 มีนาคม 2567" (a Thai page may also print 2024)
          const int year = t[mj].buddhist_era && t[j].value > kMaxYear ? t[j].value - kBuddhistEraOffset : t[j].value;
          Ymd d = make(year, month, a.value, min_year);
          if (d.ok()) {
            hit = {d, a.b, t[j].e};
            return j + 1;
          }
        }
      }
      // 21.03.2023 | 03/21/2023 | 21-03-2023
      if (i + 4 < n && a.digits <= 2 && !a.ordinal) {
        const Tok &s1 = t[i + 1], &b = t[i + 2], &s2 = t[i + 3], &y = t[i + 4];
        if (s1.kind == Tok::kPunct && (s1.cp == '-' || s1.cp == '/' || s1.cp == '.') && is_punct(s2, s1.cp) &&
            b.kind == Tok::kNum && b.digits <= 2 && !b.ordinal && is_year(y) && adjacent(a, s1) &&
            adjacent(s1, b) && adjacent(b, s2) && adjacent(s2, y)) {
          bool day_first = s1.cp == '.' || order == DayOrder::kDayFirst;
          if (a.value > 12) day_first = true;
          if (b.value > 12) day_first = false;
          Ymd r = day_first ? make(y.value, b.value, a.value, min_year) : make(y.value, a.value, b.value, min_year);
          if (r.ok()) {
            hit = {r, a.b, y.e, a.value <= 12 && b.value <= 12 && a.value != b.value};
            return i + 5;
          }
        }
      }
    }
    return 0;
  }
};

// Every pattern has a four-digit year: text without four digits in a row holds no date.
bool has_year_digits(std::string_view s) {
  int run = 0;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t len = 1;
    run = (c < 0x80 ? c >= '0' && c <= '9' : digit_at(s, i, len) >= 0) ? run + 1 : 0;
    if (run == 4) return true;
    i += len;
  }
  return false;
}

void scan(std::string_view text, DayOrder order, int min_year, std::vector<DateHit>& out, size_t max) {
  if (!has_year_digits(text)) return;
  std::vector<Tok> toks;
  tokenize(text, toks);
  Scanner sc{text, toks, order, min_year};
  size_t found = 0;
  for (size_t i = 0; i < toks.size() && found < max;) {
    DateHit hit;
    size_t next = sc.match(i, hit);
    if (next) {
      out.push_back(hit);
      ++found;
      i = next;
    } else {
      ++i;
    }
  }
}

// Proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's civil_from_days).
Ymd civil_from_days(long long z) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const long long doe = z - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long y = yoe + era * 400;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  const long long d = doy - (153 * mp + 2) / 5 + 1;
  const long long m = mp < 10 ? mp + 3 : mp - 9;
  return make(static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d), kMinMachineYear);
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int digits_value(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}


}  // namespace

std::string Ymd::iso() const {
  if (!ok()) return {};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

DayOrder day_order_for_lang(std::string_view lang) {
  if (lang.empty() || iequals(lang, "en") || istarts_with(lang, "en-us") || istarts_with(lang, "en_us") ||
      iequals(lang, "en-ca") || iequals(lang, "en-ph"))
    return DayOrder::kMonthFirst;
  return DayOrder::kDayFirst;
}

Ymd parse_date(std::string_view s, DayOrder order) {
  s = trim(s);
  if (s.size() > 256) s = s.substr(0, 256);
  if (all_digits(s)) {
    if (s.size() == 8) return make(digits_value(s.substr(0, 4)), digits_value(s.substr(4, 2)), digits_value(s.substr(6, 2)), kMinMachineYear);
    if (s.size() == 10 || s.size() == 13) {  // Unix time in seconds or milliseconds
      long long v = 0;
      for (size_t i = 0; i < 10; ++i) v = v * 10 + (s[i] - '0');
      return civil_from_days(v / 86400);
    }
    return {};
  }
  std::vector<DateHit> hits;
  scan(s, order, kMinMachineYear, hits, 1);
  return hits.empty() ? Ymd{} : hits[0].date;
}

void find_dates(std::string_view text, DayOrder order, std::vector<DateHit>& out, size_t max) {
  scan(text, order, kMinTextYear, out, max);
}

Ymd date_in_url(std::string_view url) {
  size_t scheme = url.find("://");
  size_t path = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (path == std::string_view::npos) return {};
  std::string_view p = url.substr(path);
  size_t q = p.find_first_of("?#");
  if (q != std::string_view::npos) p = p.substr(0, q);
  auto sep = [](char c) { return c == '/' || c == '-' || c == '_' || c == '.'; };
  for (size_t i = 1; i + 8 <= p.size(); ++i) {
    if (!sep(p[i - 1]) || !is_ascii_digit(p[i])) continue;
    // YYYY?MM?DD with one separator kind
    if (i + 10 <= p.size() && all_digits(p.substr(i, 4)) && sep(p[i + 4]) && all_digits(p.substr(i + 5, 2)) &&
        p[i + 7] == p[i + 4]) {
      size_t j = i + 8;
      size_t dlen = 0;
      while (j + dlen < p.size() && is_ascii_digit(p[j + dlen]) && dlen < 3) ++dlen;
      if ((dlen == 1 || dlen == 2) && (j + dlen == p.size() || sep(p[j + dlen]))) {
        Ymd d = make(digits_value(p.substr(i, 4)), digits_value(p.substr(i + 5, 2)),
                     digits_value(p.substr(j, dlen)), kMinTextYear);
        if (d.ok()) return d;
      }
    }
    // /YYYY/M/D/: a month or day of one digit, only as folders of their own (/2024/5/13/); in a
    // slug, numbers joined by dashes are as often a version (/2024-4-4-upgrade-fails).
    if (p[i - 1] == '/' && i + 4 < p.size() && all_digits(p.substr(i, 4)) && p[i + 4] == '/') {
      auto folder_number = [&](size_t at, size_t& len) {
        len = 0;
        while (at + len < p.size() && is_ascii_digit(p[at + len]) && len < 3) ++len;
        return (len == 1 || len == 2) && (at + len == p.size() || p[at + len] == '/');
      };
      size_t mlen = 0, dlen = 0;
      const size_t m_at = i + 5;
      if (folder_number(m_at, mlen) && m_at + mlen < p.size() && folder_number(m_at + mlen + 1, dlen) &&
          (mlen == 1 || dlen == 1)) {
        Ymd d = make(digits_value(p.substr(i, 4)), digits_value(p.substr(m_at, mlen)),
                     digits_value(p.substr(m_at + mlen + 1, dlen)), kMinTextYear);
        if (d.ok()) return d;
      }
    }
    // YYYYMMDD between separators
    if (all_digits(p.substr(i, 8)) && (i + 8 == p.size() || sep(p[i + 8]))) {
      Ymd d = make(digits_value(p.substr(i, 4)), digits_value(p.substr(i + 4, 2)), digits_value(p.substr(i + 6, 2)),
                   kMinTextYear);
      if (d.ok()) return d;
    }
    // /YYYY/month-name/DD/: CMSs that file posts under the month's name (/2023/october/03/)
    if (p[i - 1] == '/' && i + 4 < p.size() && all_digits(p.substr(i, 4)) && p[i + 4] == '/') {
      const size_t m_begin = i + 5, m_end = p.find('/', m_begin);
      if (m_end == std::string_view::npos) continue;
      const int month = month_of(p.substr(m_begin, m_end - m_begin));
      size_t dlen = 0;
      while (m_end + 1 + dlen < p.size() && is_ascii_digit(p[m_end + 1 + dlen]) && dlen < 3) ++dlen;
      const size_t d_end = m_end + 1 + dlen;
      if (month != 0 && (dlen == 1 || dlen == 2) && (d_end == p.size() || p[d_end] == '/')) {
        Ymd d = make(digits_value(p.substr(i, 4)), month, digits_value(p.substr(m_end + 1, dlen)), kMinTextYear);
        if (d.ok()) return d;
      }
    }
  }
  return {};
}

namespace {

struct LabelWord {
  std::string_view word;  // lower case
  DateLabel label;
};

// Words that say which date follows. The nearest one before the date wins
// ("Published May 1 · Updated June 2": June 2 is the modified date).
constexpr LabelWord kLabelWords[] = {
    {"updated", DateLabel::kModified},      {"update", DateLabel::kModified},
    {"modified", DateLabel::kModified},     {"revised", DateLabel::kModified},
    {"edited", DateLabel::kModified},       {"reviewed", DateLabel::kModified},
    {"aktualisiert", DateLabel::kModified}, {"geändert", DateLabel::kModified},
    {"mis à jour", DateLabel::kModified},   {"mise à jour", DateLabel::kModified},
    {"actualizado", DateLabel::kModified},  {"atualizado", DateLabel::kModified},
    {"aggiornato", DateLabel::kModified},   {"bijgewerkt", DateLabel::kModified},
    {"published", DateLabel::kPublished},   {"posted", DateLabel::kPublished},
    {"created", DateLabel::kPublished},     {"written", DateLabel::kPublished},
    {"released", DateLabel::kPublished},    {"submitted", DateLabel::kPublished},
    {"started by", DateLabel::kPublished},  {"veröffentlicht", DateLabel::kPublished},
    {"publié", DateLabel::kPublished},      {"publicado", DateLabel::kPublished},
    {"pubblicato", DateLabel::kPublished},  {"gepubliceerd", DateLabel::kPublished},
    {"publiceret", DateLabel::kPublished},  {"publicerad", DateLabel::kPublished},
    {"publisert", DateLabel::kPublished},   {"uppdaterad", DateLabel::kModified},
    {"uppdaterat", DateLabel::kModified},   {"opdateret", DateLabel::kModified},
    {"oppdatert", DateLabel::kModified},
    {"erschienen", DateLabel::kPublished},  {"joined", DateLabel::kOther},
    {"registered", DateLabel::kOther},      {"member since", DateLabel::kOther},
    {"last post", DateLabel::kOther},       {"last active", DateLabel::kOther},
    {"last seen", DateLabel::kOther},       {"last visit", DateLabel::kOther},
    {"founded", DateLabel::kOther},         // a forum profile's "Founded: Dec 11, 2021"
    {"birthday", DateLabel::kOther},        {"deadline", DateLabel::kOther},
    {"expires", DateLabel::kOther},         {"valid until", DateLabel::kOther},
    // pl, ru, tr, zh, ja, ko (matched as bytes: Russian words without their first letter,
    // whose capital is another byte sequence). CJK labels are whole phrases ("发布时间",
    // release time): the bare words are also the site's buttons and links ("注册" Register,
    // "发布" Post, "修改" Edit) that stand before the first date of many pages. Chinese forums
    // print "发表于" (posted at) on every post and "最后发表于" (last post) in lists.
    {"opublikowano", DateLabel::kPublished}, {"zaktualizowano", DateLabel::kModified},
    {"публиковано", DateLabel::kPublished},  {"публикации", DateLabel::kPublished},
    {"бновлено", DateLabel::kModified},      {"yayınlan", DateLabel::kPublished},
    {"yayımlan", DateLabel::kPublished},     {"güncelle", DateLabel::kModified},
    {"发布时间", DateLabel::kPublished},     {"发布日期", DateLabel::kPublished},
    {"发布于", DateLabel::kPublished},       {"發佈時間", DateLabel::kPublished},
    {"發佈於", DateLabel::kPublished},       {"发表于", DateLabel::kPublished},
    {"發表於", DateLabel::kPublished},       {"公開日", DateLabel::kPublished},
    {"投稿日", DateLabel::kPublished},       {"작성일", DateLabel::kPublished},
    {"게시일", DateLabel::kPublished},       {"更新时间", DateLabel::kModified},
    {"更新于", DateLabel::kModified},        {"更新日", DateLabel::kModified},
    {"更新時間", DateLabel::kModified},      {"更新於", DateLabel::kModified},
    {"修改时间", DateLabel::kModified},      {"수정일", DateLabel::kModified},
    {"업데이트", DateLabel::kModified},      {"dołączył", DateLabel::kOther},
    {"арегистрирован", DateLabel::kOther},   {"mitglied seit", DateLabel::kOther},
    {"membre depuis", DateLabel::kOther},    {"miembro desde", DateLabel::kOther},
    {"最后发表于", DateLabel::kOther},       {"最後發表於", DateLabel::kOther},
    {"注册时间", DateLabel::kOther},         {"註冊時間", DateLabel::kOther},
    {"가입일", DateLabel::kOther},
    // cs, sk, hu, ro, ca, fi, et, id/ms, hr/sr/bs/sl, ar, hi, he, th, vi, bn, ur; el, uk, bg as bytes without
    // the first letter, like Russian ("Δημοσίευση", "Опубліковано", "Обновено").
    {"publikováno", DateLabel::kPublished},  {"zveřejněno", DateLabel::kPublished},
    {"aktualizováno", DateLabel::kModified}, {"publikované", DateLabel::kPublished},
    {"aktualizované", DateLabel::kModified}, {"közzétéve", DateLabel::kPublished},
    {"publikálva", DateLabel::kPublished},   {"frissítve", DateLabel::kModified},
    {"módosítva", DateLabel::kModified},     {"publicat", DateLabel::kPublished},
    {"actualizat", DateLabel::kModified},    {"actualitzat", DateLabel::kModified},
    {"julkaistu", DateLabel::kPublished},    {"päivitetty", DateLabel::kModified},
    {"avaldatud", DateLabel::kPublished},    {"uuendatud", DateLabel::kModified},
    {"diterbitkan", DateLabel::kPublished},  {"dipublikasikan", DateLabel::kPublished},
    {"diperbarui", DateLabel::kModified},    {"dikemaskini", DateLabel::kModified},
    {"objavljen", DateLabel::kPublished},    {"ažurirano", DateLabel::kModified},
    {"posodobljeno", DateLabel::kModified},  {"ημοσιε", DateLabel::kPublished},
    {"ημοσίε", DateLabel::kPublished},       {"νημερ", DateLabel::kModified},
    {"νημέρ", DateLabel::kModified},
    {"публіковано", DateLabel::kPublished},  {"новлено", DateLabel::kModified},
    {"убликувано", DateLabel::kPublished},   {"бновено", DateLabel::kModified},
    {"ктуализирано", DateLabel::kModified},  {"نشر", DateLabel::kPublished},
    {"تحديث", DateLabel::kModified},         {"प्रकाशित", DateLabel::kPublished},
    {"अपडेट", DateLabel::kModified},         {"פורסם", DateLabel::kPublished},
    {"cập nhật", DateLabel::kModified},     {"প্রকাশিত", DateLabel::kPublished},
    {"আপডেট", DateLabel::kModified},         {"شائع", DateLabel::kPublished},
    {"اپ ڈیٹ", DateLabel::kModified},
    {"עודכן", DateLabel::kModified},         {"เผยแพร่", DateLabel::kPublished},
    {"อัปเดต", DateLabel::kModified},        {"อัพเดท", DateLabel::kModified},
};

}  // namespace

DateLabel label_before(std::string_view text) {
  constexpr size_t kWindow = 48;  // bytes before the date that may hold its label
  if (text.size() > kWindow) text = text.substr(text.size() - kWindow);
  size_t best = std::string_view::npos, best_end = 0;
  DateLabel label = DateLabel::kNone;
  for (const auto& w : kLabelWords) {
    size_t at = std::string_view::npos;
    for (size_t p = ifind(text, w.word); p != std::string_view::npos; p = ifind(text, w.word, p + 1)) at = p;
    if (at == std::string_view::npos) continue;
    // The nearest label wins; of two overlapping ones, the phrase that starts first
    // ("最后发表于", last posted: "最后发表" over the "发表于" inside it).
    const bool overlaps = best != std::string_view::npos && at < best_end && best < at + w.word.size();
    const bool wins = best == std::string_view::npos || (overlaps ? at < best : at > best);
    if (wins) {
      best = at;
      best_end = at + w.word.size();
      label = w.label;
    }
  }
  return label;
}

}  // namespace pith
