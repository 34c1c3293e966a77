// Decoding as a browser does (WHATWG "encoding sniffing", simplified to what matters for
// crawled pages): BOM, then the charset the caller knows (HTTP/WARC header), then a prescan of
// the first 1024 bytes for <meta charset> / <meta http-equiv=content-type>, then "is it valid
// UTF-8?", then uchardet's guess. Labels are mapped as browsers map them (ISO-8859-1 and ASCII
// are windows-1252, Shift_JIS is CP932, GB2312 is GBK, ...). Bytes that the charset cannot
// decode become U+FFFD.
#pragma once
#include <string>
#include <string_view>

#include "pith/result.h"

namespace pith {

// Which rule decided the charset. kUtf8OverDeclared: the page declared a legacy charset (HTTP or
// <meta>) but its bytes are valid UTF-8 with multibyte sequences: it was re-saved as UTF-8 after
// the declaration was written (random legacy text is almost never valid UTF-8).
// kLegacyOverDeclaredUtf8: the page declared UTF-8 but its bytes hold not one well-formed
// multibyte sequence, and its non-ASCII bytes sit by ASCII letters as accented letters do: it
// was written in a Western legacy charset (an old page saved by a Windows editor under a
// template that declares UTF-8), which the detector names.
enum class CharsetSource { kBom, kCaller, kMeta, kUtf8Valid, kUtf8OverDeclared, kDetector, kDefault,
                           kLegacyOverDeclaredUtf8 };
std::string_view charset_source_name(CharsetSource s);

struct Decoded {
  std::string charset;  // canonical WHATWG name, e.g. "utf-8", "windows-1252", "shift_jis"
  CharsetSource source = CharsetSource::kDefault;
  size_t replaced = 0;  // bytes or sequences that became U+FFFD
  size_t double_encoded = 0;  // double-encoded characters repaired (html/mojibake.h)
};

// WHATWG label -> canonical name ("latin1" -> "windows-1252"); empty if unknown.
std::string canonical_charset(std::string_view label);

// Finds a charset label in the first 1024 bytes (<meta charset=...>, <meta http-equiv
// content="...; charset=...">). Empty if none.
std::string prescan_meta_charset(std::string_view bytes);

class CharsetDecoder {
 public:
  CharsetDecoder();
  ~CharsetDecoder();
  CharsetDecoder(const CharsetDecoder&) = delete;
  CharsetDecoder& operator=(const CharsetDecoder&) = delete;
  // Decodes bytes into out (UTF-8). hint: a charset label from the caller, may be empty.
  // Text that decodes as UTF-8 is also repaired where it was double-encoded (html/mojibake.h).
  Result<Decoded> decode(std::string_view bytes, std::string_view hint, std::string& out);

 private:
  struct Impl;
  Impl* impl_;
};

}  // namespace pith
