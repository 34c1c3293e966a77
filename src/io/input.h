// Reading pages from files: plain or gzip-compressed, and listing the pages of a folder.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "pith/result.h"

namespace pith {

// Reads a whole file; inflates it when it starts with the gzip magic (any number of members).
// max_bytes caps the (inflated) size: beyond it the result is an kTooLarge error.
Result<std::string> read_page_file(const std::string& path, size_t max_bytes);

// Inflates gzip data (one or more members) into out. Stops with kTooLarge past max_bytes.
Result<size_t> gunzip(std::string_view data, size_t max_bytes, std::string& out);

// True for names pith extract reads from folders: .html, .htm, .xhtml, and those + .gz.
bool is_page_name(std::string_view name);

// A path that could not be listed, and why ("no such file or folder").
struct PathError {
  std::string path;
  std::string what;
};

// Expands files and folders (recursively, sorted by path) into the list of page files.
// A path that does not exist or cannot be listed is reported in `errors`.
std::vector<std::string> list_page_files(const std::vector<std::string>& paths, std::vector<PathError>& errors);

}  // namespace pith
