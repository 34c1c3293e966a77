// The input layer's internals beside its public part (include/pith/input.h, which says what
// the layer does): gzip in memory (HTTP Content-Encoding).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "io/stream.h"
#include "pith/input.h"
#include "pith/result.h"

namespace pith {

// Inflates gzip data (one or more members) into out. Stops with kTooLarge past max_bytes.
Result<size_t> gunzip(std::string_view data, size_t max_bytes, std::string& out);

}  // namespace pith
