// Stop words: the most frequent function words of a language. Prose is dense with them; menus,
// headlines and widgets are not (jusText, Pomikalek 2011, classifies paragraphs this way).
#pragma once
#include <cstdint>

namespace pith {

// True if the hash (word_hash() of the lower-cased word) is a stop word of any table.
bool is_stop_word_hash(uint64_t hash);

}  // namespace pith
