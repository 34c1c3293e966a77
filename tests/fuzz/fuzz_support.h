// What the libFuzzer targets share: the promise check that aborts (so that libFuzzer keeps the
// input), text that is valid UTF-8 without NUL, and one engine per option set, reused across
// inputs (what one input leaves in an engine's buffers must not change the next; the CLI
// reuses engines the same way).
#pragma once
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string_view>

#include "core/utf8.h"

namespace pith::fuzz {

inline void check(bool ok, const char* target, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "%s: property violated: %s\n", target, what);
  std::abort();
}

inline bool clean_utf8(std::string_view s) { return is_valid_utf8(s) && s.find('\0') == std::string_view::npos; }

// The engine for these option bits, made by make(bits) the first time.
template <class Engine, class Make>
Engine& engine_for(uint8_t bits, Make make) {
  static std::map<uint8_t, std::unique_ptr<Engine>> cache;
  auto& slot = cache[bits];
  if (!slot) slot = make(bits);
  return *slot;
}

}  // namespace pith::fuzz
