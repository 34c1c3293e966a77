// The input layer's internals beside its public part (include/pith/input.h, which says what
// the layer does): whole-file reads and the old per-command listing.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "io/stream.h"
#include "pith/input.h"
#include "pith/result.h"

namespace pith {

// Reads a whole page file (plain or gzip) into memory; over max_bytes is kTooLarge.
Result<std::string> read_page_file(const std::string& path, size_t max_bytes);
// Inflates gzip data (one or more members) into out. Stops with kTooLarge past max_bytes.
Result<size_t> gunzip(std::string_view data, size_t max_bytes, std::string& out);

// Old per-command listing, kept until every command reads through list_inputs (removed then).
bool is_page_name(std::string_view name);
struct PathError {
  std::string path;
  std::string what;
};
std::vector<std::string> list_page_files(const std::vector<std::string>& paths, std::vector<PathError>& errors);

}  // namespace pith
