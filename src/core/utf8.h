// UTF-8 helpers: validation, repair (bad bytes become U+FFFD), code point decode/encode.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace pith {

// Length (1-4) of the well-formed UTF-8 sequence starting at s[i], or 0 if it is malformed
// (overlong, surrogate, above U+10FFFF, truncated). Follows the Unicode "maximal subpart" rules.
size_t utf8_sequence_length(std::string_view s, size_t i);

bool is_valid_utf8(std::string_view s);

// Copies s to out, replacing each maximal malformed subpart by U+FFFD (as browsers do).
void repair_utf8(std::string_view s, std::string& out);

// Decodes the code point at s[i] (which must be valid); advances i.
char32_t utf8_decode(std::string_view s, size_t& i);

void utf8_append(char32_t cp, std::string& out);

// Number of code points (bytes that are not continuation bytes).
size_t utf8_length(std::string_view s);

}  // namespace pith
