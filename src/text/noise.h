// Noise signals of a cleaned document: quotation marks that do not pair or stand in the wrong
// place, sentence fragments glued across a quote, doubled words and punctuation. These are the
// marks machine translation, article spinning and sloppy extraction leave. Reported per
// document (pith/clean.h NoiseSignals); nothing is dropped for them.
#pragma once
#include <string_view>
#include <vector>

#include "pith/clean.h"

namespace pith {

// paragraphs: the kept lines, in order.
NoiseSignals noise_signals(const std::vector<std::string_view>& paragraphs);

}  // namespace pith
