#include "html/charset.h"

#include <unicode/ucnv.h>
#include <uchardet/uchardet.h>

#include <array>
#include <cstring>
#include <vector>

#include "core/strings.h"
#include "core/utf8.h"
#include "html/mojibake.h"

namespace pith {

std::string_view charset_source_name(CharsetSource s) {
  switch (s) {
    case CharsetSource::kBom: return "bom";
    case CharsetSource::kCaller: return "caller";
    case CharsetSource::kMeta: return "meta";
    case CharsetSource::kUtf8Valid: return "utf8-valid";
    case CharsetSource::kUtf8OverDeclared: return "utf8-valid-over-declared";
    case CharsetSource::kDetector: return "detector";
    case CharsetSource::kDefault: return "default";
    case CharsetSource::kLegacyOverDeclaredUtf8: return "legacy-over-declared-utf8";
  }
  return "default";
}

namespace {

// WHATWG Encoding Standard labels (the common ones) -> canonical name; and the ICU converter
// that decodes it the way browsers do.
struct Label {
  std::string_view label, canonical;
};
constexpr Label kLabels[] = {
    {"utf-8", "utf-8"}, {"utf8", "utf-8"}, {"unicode-1-1-utf-8", "utf-8"},
    {"us-ascii", "windows-1252"}, {"ascii", "windows-1252"}, {"iso-8859-1", "windows-1252"},
    {"iso8859-1", "windows-1252"}, {"latin1", "windows-1252"}, {"l1", "windows-1252"},
    {"windows-1252", "windows-1252"}, {"cp1252", "windows-1252"}, {"x-cp1252", "windows-1252"},
    {"cp819", "windows-1252"}, {"ibm819", "windows-1252"}, {"iso_8859-1", "windows-1252"},
    {"iso-8859-2", "iso-8859-2"}, {"latin2", "iso-8859-2"}, {"iso-8859-3", "iso-8859-3"},
    {"iso-8859-4", "iso-8859-4"}, {"iso-8859-5", "iso-8859-5"}, {"iso-8859-6", "iso-8859-6"},
    {"iso-8859-7", "iso-8859-7"}, {"greek", "iso-8859-7"}, {"iso-8859-8", "iso-8859-8"},
    {"iso-8859-8-i", "iso-8859-8-i"}, {"iso-8859-10", "iso-8859-10"}, {"iso-8859-13", "iso-8859-13"},
    {"iso-8859-14", "iso-8859-14"}, {"iso-8859-15", "iso-8859-15"}, {"latin9", "iso-8859-15"},
    {"iso-8859-16", "iso-8859-16"}, {"iso-8859-9", "windows-1254"}, {"latin5", "windows-1254"},
    {"iso-8859-11", "windows-874"}, {"tis-620", "windows-874"}, {"windows-874", "windows-874"},
    {"windows-1250", "windows-1250"}, {"cp1250", "windows-1250"}, {"windows-1251", "windows-1251"},
    {"cp1251", "windows-1251"}, {"windows-1253", "windows-1253"}, {"windows-1254", "windows-1254"},
    {"windows-1255", "windows-1255"}, {"windows-1256", "windows-1256"}, {"windows-1257", "windows-1257"},
    {"windows-1258", "windows-1258"}, {"koi8-r", "koi8-r"}, {"koi8", "koi8-r"}, {"koi8-u", "koi8-u"},
    {"ibm866", "ibm866"}, {"cp866", "ibm866"}, {"macintosh", "macintosh"}, {"mac", "macintosh"},
    {"shift_jis", "shift_jis"}, {"shift-jis", "shift_jis"}, {"sjis", "shift_jis"},
    {"ms_kanji", "shift_jis"}, {"windows-31j", "shift_jis"}, {"x-sjis", "shift_jis"},
    {"cp932", "shift_jis"}, {"euc-jp", "euc-jp"}, {"x-euc-jp", "euc-jp"},
    {"iso-2022-jp", "iso-2022-jp"}, {"euc-kr", "euc-kr"}, {"ks_c_5601-1987", "euc-kr"},
    {"windows-949", "euc-kr"}, {"cp949", "euc-kr"}, {"gb2312", "gbk"}, {"gbk", "gbk"},
    {"x-gbk", "gbk"}, {"cp936", "gbk"}, {"chinese", "gbk"}, {"gb18030", "gb18030"},
    {"big5", "big5"}, {"big5-hkscs", "big5"}, {"x-x-big5", "big5"}, {"cn-big5", "big5"},
    {"utf-16", "utf-16le"}, {"utf-16le", "utf-16le"}, {"utf-16be", "utf-16be"},
    {"x-mac-cyrillic", "x-mac-cyrillic"}, {"maccyrillic", "x-mac-cyrillic"},
};

// Canonical name -> ICU converter name. The browser mappings: Shift_JIS is decoded as CP932
// (Microsoft's superset), EUC-KR as windows-949, GBK as GB18030's superset, Big5 as HKSCS.
std::string_view icu_name(std::string_view canonical) {
  if (canonical == "shift_jis") return "ibm-943_P15A-2003";
  if (canonical == "euc-kr") return "windows-949";
  if (canonical == "gbk") return "gb18030";
  if (canonical == "big5") return "big5-hkscs";
  if (canonical == "iso-8859-8-i") return "iso-8859-8";
  if (canonical == "x-mac-cyrillic") return "x-mac-cyrillic";
  return canonical;
}

std::string_view detect_bom(std::string_view b, size_t& skip) {
  if (b.size() >= 3 && b.substr(0, 3) == "\xEF\xBB\xBF") return skip = 3, "utf-8";
  if (b.size() >= 2 && b.substr(0, 2) == "\xFF\xFE") return skip = 2, "utf-16le";
  if (b.size() >= 2 && b.substr(0, 2) == "\xFE\xFF") return skip = 2, "utf-16be";
  return {};
}

std::string label_after(std::string_view s, size_t pos) {
  while (pos < s.size() && (is_ascii_space(s[pos]) || s[pos] == '=')) ++pos;
  char quote = 0;
  if (pos < s.size() && (s[pos] == '"' || s[pos] == '\'')) quote = s[pos++];
  size_t end = pos;
  while (end < s.size() && s[end] != quote && !is_ascii_space(s[end]) && s[end] != ';' && s[end] != '>' &&
         s[end] != '"' && s[end] != '\'' && s[end] != '/')
    ++end;
  return std::string(s.substr(pos, end - pos));
}

}  // namespace

std::string canonical_charset(std::string_view label) {
  std::string l = ascii_lowercase(trim(label));
  for (const Label& e : kLabels)
    if (e.label == l) return std::string(e.canonical);
  return {};
}

std::string prescan_meta_charset(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 1024);
  size_t pos = 0;
  while ((pos = ifind(head, "<meta", pos)) != std::string_view::npos) {
    size_t end = head.find('>', pos);
    std::string_view tag = head.substr(pos, end == std::string_view::npos ? head.size() - pos : end - pos);
    pos += 5;
    size_t cs = ifind(tag, "charset");
    if (cs == std::string_view::npos) continue;
    std::string label = label_after(tag, cs + 7);
    std::string canon = canonical_charset(label);
    if (canon.empty()) continue;
    // A document that says it is UTF-16 but was found by an ASCII-compatible prescan is UTF-8.
    if (canon == "utf-16le" || canon == "utf-16be") canon = "utf-8";
    return canon;
  }
  return {};
}

struct CharsetDecoder::Impl {
  uchardet_t detector = uchardet_new();
  ~Impl() { uchardet_delete(detector); }
  // uchardet's guess over the first 64 KiB, as a canonical name; empty when it has none.
  std::string guess(std::string_view bytes) {
    uchardet_reset(detector);
    uchardet_handle_data(detector, bytes.data(), std::min<size_t>(bytes.size(), 64 * 1024));
    uchardet_data_end(detector);
    const char* name = uchardet_get_charset(detector);
    return name ? canonical_charset(name) : "";
  }
};

CharsetDecoder::CharsetDecoder() : impl_(new Impl) {}
CharsetDecoder::~CharsetDecoder() { delete impl_; }

namespace {

Result<size_t> convert_icu(std::string_view bytes, std::string_view canonical, std::string& out) {
  UErrorCode err = U_ZERO_ERROR;
  std::string name(icu_name(canonical));
  UConverter* conv = ucnv_open(name.c_str(), &err);
  if (U_FAILURE(err) || !conv) return Error{ErrorCode::kDecode, "no converter for charset " + std::string(canonical)};
  // Bad bytes become U+FFFD (ICU's to-Unicode substitute callback writes U+FFFD).
  ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_SUBSTITUTE, nullptr, nullptr, nullptr, &err);
  std::vector<UChar> u16(bytes.size() + 16);
  err = U_ZERO_ERROR;
  int32_t n16 = ucnv_toUChars(conv, u16.data(), static_cast<int32_t>(u16.size()), bytes.data(),
                              static_cast<int32_t>(bytes.size()), &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) {
    u16.resize(static_cast<size_t>(n16) + 16);
    err = U_ZERO_ERROR;
    ucnv_resetToUnicode(conv);
    n16 = ucnv_toUChars(conv, u16.data(), static_cast<int32_t>(u16.size()), bytes.data(),
                        static_cast<int32_t>(bytes.size()), &err);
  }
  ucnv_close(conv);
  if (U_FAILURE(err)) return Error{ErrorCode::kDecode, "cannot decode as " + std::string(canonical)};
  size_t replaced = 0;
  out.clear();
  out.reserve(static_cast<size_t>(n16) * 3 / 2);
  for (int32_t i = 0; i < n16; ++i) {
    char32_t cp = u16[i];
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < n16 && u16[i + 1] >= 0xDC00 && u16[i + 1] <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (u16[i + 1] - 0xDC00);
      ++i;
    } else if ((cp >= 0xD800 && cp <= 0xDFFF) || cp == 0x1A) {
      cp = 0xFFFD;
    }
    if (cp == 0xFFFD) ++replaced;
    utf8_append(cp, out);
  }
  return replaced;
}

bool has_non_ascii(std::string_view b) {
  for (char c : b)
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  return false;
}

// Valid UTF-8, or valid UTF-8 cut inside its last character (crawlers cap page sizes, so a
// page often ends mid-character; one bad tail must not send the page to the detector).
bool is_utf8_maybe_cut(std::string_view b) {
  if (is_valid_utf8(b)) return true;
  for (size_t k = 1; k <= 3 && k <= b.size(); ++k) {
    auto c = static_cast<unsigned char>(b[b.size() - k]);
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte: look further back for the lead
    size_t need = c >= 0xF5 ? 0 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (need <= k) return false;
    // The tail must be the start of some valid sequence: complete it with continuation bytes
    // (E0 needs A0.., F0 needs 90.., ED and F4 need ..9F/..8F, so try three).
    bool prefix = false;
    for (char pad : {'\x80', '\x90', '\xA0'}) {
      std::string probe(b.substr(b.size() - k));
      probe.append(need - k, pad);
      prefix = prefix || utf8_sequence_length(probe, 0) == need;
    }
    return prefix && is_valid_utf8(b.substr(0, b.size() - k));
  }
  return false;
}

// Whether b reads as Western text in a legacy charset: non-ASCII bytes, not one of them
// starting a well-formed multibyte UTF-8 sequence (real UTF-8 text with a few broken bytes still
// has its good sequences), and at least half of them touching an ASCII letter, as accented
// letters and curly quotes do inside and around words ("caf\xE9", "cr\xE8me", "\x93fresh\x94").
// Stray bad bytes between spaces are damage, left to become U+FFFD as browsers show them; so
// are fewer than kMinLegacyBytes by letters ("Tues\xFF\xFEday"): a legacy page shows its
// accents and quotes again and again, and a detector's guess on two bytes is a coin toss.
constexpr size_t kMinLegacyBytes = 3;
bool reads_as_legacy_western(std::string_view b) {
  auto ascii_letter = [&](size_t i) {
    const char c = b[i];
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  };
  size_t non_ascii = 0, by_letter = 0;
  for (size_t i = 0; i < b.size(); ++i) {
    if (static_cast<unsigned char>(b[i]) < 0x80) continue;
    if (utf8_sequence_length(b, i) > 1) return false;
    ++non_ascii;
    if ((i > 0 && ascii_letter(i - 1)) || (i + 1 < b.size() && ascii_letter(i + 1))) ++by_letter;
  }
  return by_letter >= kMinLegacyBytes && 2 * by_letter >= non_ascii;
}

}  // namespace

Result<Decoded> CharsetDecoder::decode(std::string_view bytes, std::string_view hint, std::string& out) {
  Decoded d;
  size_t skip = 0;
  std::string canon;
  if (auto bom = detect_bom(bytes, skip); !bom.empty()) {
    canon = bom;
    d.source = CharsetSource::kBom;
    bytes.remove_prefix(skip);
  } else if (!hint.empty() && !(canon = canonical_charset(hint)).empty()) {
    d.source = CharsetSource::kCaller;
  } else if (!(canon = prescan_meta_charset(bytes)).empty()) {
    d.source = CharsetSource::kMeta;
  } else if (is_utf8_maybe_cut(bytes)) {
    canon = "utf-8";
    d.source = CharsetSource::kUtf8Valid;
  } else {
    canon = impl_->guess(bytes);
    d.source = CharsetSource::kDetector;
    if (canon.empty()) {
      canon = "windows-1252";  // the browser default for an unlabelled Western page
      d.source = CharsetSource::kDefault;
    }
  }
  // A declared legacy charset yields to bytes that are valid UTF-8 and hold multibyte sequences
  // (the browser's order still holds for bytes that are not valid UTF-8, and for pure ASCII,
  // which reads the same either way). UTF-16 declarations are left alone.
  if ((d.source == CharsetSource::kCaller || d.source == CharsetSource::kMeta) && canon != "utf-8" &&
      !canon.starts_with("utf-16") && has_non_ascii(bytes) && is_utf8_maybe_cut(bytes)) {
    canon = "utf-8";
    d.source = CharsetSource::kUtf8OverDeclared;
  }
  // The other way round: a UTF-8 declaration over bytes that are a Western legacy charset's
  // (reads_as_legacy_western). Browsers show replacement characters there; the text is better
  // read as the detector names it, or as the browser default for an unlabelled Western page.
  if ((d.source == CharsetSource::kCaller || d.source == CharsetSource::kMeta) && canon == "utf-8" &&
      !is_utf8_maybe_cut(bytes) && reads_as_legacy_western(bytes)) {
    canon = impl_->guess(bytes);
    if (canon.empty() || canon == "utf-8") canon = "windows-1252";
    d.source = CharsetSource::kLegacyOverDeclaredUtf8;
  }
  d.charset = canon;
  if (canon == "utf-8") {
    out.clear();
    if (is_valid_utf8(bytes)) {
      out.assign(bytes);
    } else {
      repair_utf8(bytes, out);
      // Count replacement characters introduced.
      d.replaced = 1;
    }
    d.double_encoded = repair_double_encoded_utf8(out);
    return d;
  }
  auto r = convert_icu(bytes, canon, out);
  if (!r) {
    // An unknown converter: fall back to repaired UTF-8 rather than losing the page.
    out.clear();
    repair_utf8(bytes, out);
    d.charset = "utf-8";
    d.source = CharsetSource::kDefault;
    return d;
  }
  d.replaced = r.value();
  return d;
}

}  // namespace pith
