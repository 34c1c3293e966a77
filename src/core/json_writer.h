// A small streaming JSON writer: objects, arrays, escaped strings. Output is always valid
// UTF-8 JSON, because every string that reaches it was sanitised by decode (U+FFFD for bad
// bytes); stray bytes that still are not UTF-8 are escaped as U+FFFD here too.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pith {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(double d);
  JsonWriter& value(int64_t i);
  JsonWriter& value(uint64_t i);
  JsonWriter& value(int i) { return value(static_cast<int64_t>(i)); }
  JsonWriter& value(bool b);
  JsonWriter& null();
  // key + value; an empty string_view writes null, so absent metadata reads as null.
  JsonWriter& field(std::string_view k, std::string_view v);
  JsonWriter& field(std::string_view k, const std::string& v) { return field(k, std::string_view(v)); }
  JsonWriter& field(std::string_view k, const char* v) { return field(k, std::string_view(v)); }
  template <class T>
  JsonWriter& field(std::string_view k, T v) { key(k); return value(v); }

 private:
  void comma();
  std::string& out_;
  std::vector<bool> first_;  // per open container: no element written yet
  bool after_key_ = false;
};

// Appends s to out as a JSON string literal (with quotes); bytes that are not UTF-8 become
// \ufffd.
void json_escape(std::string_view s, std::string& out);
// The same for text known to be valid UTF-8 (bytes >= 0x80 are copied unchecked): faster.
void json_escape_valid_utf8(std::string_view s, std::string& out);

}  // namespace pith
