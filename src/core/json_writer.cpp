#include "core/json_writer.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/utf8.h"

namespace pith {

namespace {

// The escape of one byte that needs one: '"', '\\', a control character or DEL.
void escape_byte(unsigned char c, std::string& out) {
  static const char kHex[] = "0123456789abcdef";
  switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\r': out += "\\r"; break;
    case '\t': out += "\\t"; break;
    case '\b': out += "\\b"; break;
    case '\f': out += "\\f"; break;
    default:
      out += "\\u00";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
  }
}

bool needs_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\' || c == 0x7F; }

// Bytes from p on that need no escape (and, with stop_high, are ASCII): 16 at a time while none
// does (SSE2: a byte under 0x20, '"', '\\', 0x7F, or one >= 0x80), else eight at a time (SWAR,
// "Bit Twiddling Hacks"), then byte by byte to the first one that does.
const char* plain_run(const char* p, const char* end, bool stop_high) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"'), slash = _mm_set1_epi8('\\'), del = _mm_set1_epi8(0x7F);
  const __m128i below_space = _mm_set1_epi8(0x1F);
  while (end - p >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // Unsigned v <= 0x1F: min(v, 0x1F) == v.
    __m128i hit = _mm_cmpeq_epi8(_mm_min_epu8(v, below_space), v);
    hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_or_si128(_mm_cmpeq_epi8(v, slash), _mm_cmpeq_epi8(v, del))));
    unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
    if (stop_high) mask |= static_cast<unsigned>(_mm_movemask_epi8(v));
    if (mask) return p + __builtin_ctz(mask);
    p += 16;
  }
#endif
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x80 * kOnes;
  while (end - p >= 8) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    const uint64_t quote = v ^ (kOnes * '"'), slash = v ^ (kOnes * '\\'), del = v ^ (kOnes * 0x7F);
    uint64_t hit = ((v - kOnes * 0x20) & ~v) | ((quote - kOnes) & ~quote) | ((slash - kOnes) & ~slash) |
                   ((del - kOnes) & ~del);
    if (stop_high) hit |= v;
    if (hit & kHigh) break;
    p += 8;
  }
  while (p < end) {
    const auto c = static_cast<unsigned char>(*p);
    if (needs_escape(c) || (stop_high && c >= 0x80)) break;
    ++p;
  }
  return p;
}

}  // namespace

void json_escape(std::string_view s, std::string& out) {
  out.push_back('"');
  const char* p = s.data();
  const char* const end = p + s.size();
  while (p < end) {
    const char* run = p;
    p = plain_run(p, end, true);
    out.append(run, static_cast<size_t>(p - run));
    if (p == end) break;
    const auto c = static_cast<unsigned char>(*p);
    if (c >= 0x80) {
      const size_t i = static_cast<size_t>(p - s.data());
      const size_t n = utf8_sequence_length(s, i);
      if (n == 0) {
        out += "\\ufffd";
        ++p;
      } else {
        out.append(p, n);
        p += n;
      }
      continue;
    }
    escape_byte(c, out);
    ++p;
  }
  out.push_back('"');
}

void json_escape_valid_utf8(std::string_view s, std::string& out) {
  out.push_back('"');
  const char* p = s.data();
  const char* const end = p + s.size();
  while (p < end) {
    const char* run = p;
    p = plain_run(p, end, false);
    out.append(run, static_cast<size_t>(p - run));
    if (p == end) break;
    escape_byte(static_cast<unsigned char>(*p), out);
    ++p;
  }
  out.push_back('"');
}

void JsonWriter::comma() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_.push_back(',');
    first_.back() = false;
  }
}

JsonWriter& JsonWriter::begin_object() {
  comma();
  out_.push_back('{');
  first_.push_back(true);
  return *this;
}
JsonWriter& JsonWriter::end_object() {
  out_.push_back('}');
  first_.pop_back();
  return *this;
}
JsonWriter& JsonWriter::begin_array() {
  comma();
  out_.push_back('[');
  first_.push_back(true);
  return *this;
}
JsonWriter& JsonWriter::end_array() {
  out_.push_back(']');
  first_.pop_back();
  return *this;
}
JsonWriter& JsonWriter::key(std::string_view k) {
  comma();
  json_escape(k, out_);
  out_.push_back(':');
  after_key_ = true;
  return *this;
}
JsonWriter& JsonWriter::value(std::string_view s) {
  comma();
  json_escape(s, out_);
  return *this;
}
JsonWriter& JsonWriter::value(double d) {
  comma();
  if (!std::isfinite(d)) {
    out_ += "null";
    return *this;
  }
  char buf[32];
  int n = std::snprintf(buf, sizeof buf, "%.4g", d);
  out_.append(buf, n);
  return *this;
}
JsonWriter& JsonWriter::value(int64_t i) {
  comma();
  out_ += std::to_string(i);
  return *this;
}
JsonWriter& JsonWriter::value(uint64_t i) {
  comma();
  out_ += std::to_string(i);
  return *this;
}
JsonWriter& JsonWriter::value(bool b) {
  comma();
  out_ += b ? "true" : "false";
  return *this;
}
JsonWriter& JsonWriter::null() {
  comma();
  out_ += "null";
  return *this;
}
JsonWriter& JsonWriter::field(std::string_view k, std::string_view v) {
  key(k);
  if (v.empty()) return null();
  return value(v);
}

}  // namespace pith
