// The keys that cross-page boilerplate is counted by (pith/clean.h BoilerplateLearner).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace pith {

// A line's key: its normalised words (text/line_features.h word_hash: case, punctuation and
// digits do not matter), so "© 2022 Foo. All rights reserved" and "(c) 2023 foo - all rights
// reserved" are one line. 0 for a line without words.
inline constexpr size_t kLineKeyWords = 64;  // words of a line that its key covers

uint64_t line_key(const std::vector<uint64_t>& word_hashes);
uint64_t site_key(std::string_view url);

}  // namespace pith
