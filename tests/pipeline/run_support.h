// What the pipeline tests share: input files as pith run's command line gives them.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "io/input.h"

namespace pith::testing {

// Files named on the command line: rel is the file name (as list_inputs gives it).
inline std::vector<InputFile> input_files(const std::vector<std::string>& paths) {
  std::vector<InputFile> out;
  for (const auto& p : paths) {
    std::error_code ec;
    uint64_t size = std::filesystem::file_size(p, ec);
    out.push_back(InputFile{p, p, std::filesystem::path(p).filename().string(), ec ? 0 : size});
  }
  return out;
}

}  // namespace pith::testing
