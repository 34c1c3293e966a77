// The JSON object of one cleaned page: what `pith clean --format json` prints per page, and
// what the Python module's pith.clean returns as a dict (one shape, written in one place).
#pragma once
#include <string>
#include <string_view>

#include "pith/clean.h"

namespace pith {

// source (first, when not empty), url, title, date, text, lines, kept_lines, list_like,
// dropped (line, reason, text), noise (score to 3 decimals and the raw counts), warnings.
// Empty strings are null, as in pith extract's JSON. One object, no trailing newline.
void write_clean_json(const Cleaned& c, std::string_view source, std::string_view url, std::string& out);

}  // namespace pith
