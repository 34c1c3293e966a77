// Small pages for the extraction tests: a paragraph of prose, so that a page has a main text,
// and the HTML around a head and a body.
#pragma once
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "pith/extract.h"

namespace pith::testing {

inline const std::string kProse =
    "<p>Storms moved across the valley on Tuesday, bringing heavy rain to farms that had waited months for "
    "water. Farmers said the rain came too late for the early crops but would help the autumn harvest, and "
    "the river rose by half a metre overnight.</p><p>Officials warned drivers to avoid low roads near the "
    "river until the water goes down, and schools in two villages stayed closed for the day.</p>";

inline std::string page(std::string_view head, std::string_view body, std::string_view lang = "en") {
  return "<!doctype html><html lang=\"" + std::string(lang) + "\"><head><meta charset=\"utf-8\">" + std::string(head) +
         "</head><body>" + std::string(body) + "</body></html>";
}

// The extraction of html, which must succeed (a failed one is an empty Extraction).
inline Extraction extract_page(const std::string& html, const Options& options = {}) {
  Extractor ex(options);
  auto r = ex.extract(html);
  EXPECT_TRUE(r.ok());
  return r.ok() ? *r : Extraction{};
}

}  // namespace pith::testing
