// pith run's internals beside its public part (include/pith/run.h, which says what a run does):
// the .done markers of finished parts and the helpers the tests reach.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "io/input.h"
#include "pipeline/stage.h"
#include "pipeline/stats.h"
#include "pith/extract.h"
#include "pith/result.h"
#include "pith/run.h"

namespace pith {

// What a part's .done marker holds.
struct PartMarker {
  std::string rel;                // the input's rel
  uint64_t size = 0;              // the input's size on disk
  std::string input_fingerprint;  // xxh3 of its first and last MiB and its size, hex
  std::string settings_fingerprint;
  std::map<std::string, std::string> settings;  // name -> value, what the fingerprint covers
  RunStats stats;
};
std::string format_part_marker(const PartMarker& marker);
// False when the text is not a whole marker (an older pith's marker has no input lines).
bool parse_part_marker(std::string_view text, PartMarker& out);

// The fingerprint of a file's content: xxh3 of its first and last MiB and its size, 16 hex
// digits. kIo when it cannot be read.
Result<std::string> file_fingerprint(const std::string& path);


// Normalises extracted text to one paragraph per line, as trafilatura and the FineWeb
// filters expect.
void one_paragraph_per_line(std::string& text);

}  // namespace pith
