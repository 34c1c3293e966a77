#include "html/html5/names.h"

#include <array>
#include <cstring>

namespace pith::html5 {

namespace {

constexpr std::array<std::string_view, kAtomCount> kAtomNames = {
    "",
#define PITH_HTML5_TAG_NAME(name) #name,
    PITH_TAGS(PITH_HTML5_TAG_NAME)
#undef PITH_HTML5_TAG_NAME
#define PITH_HTML5_EXTRA_NAME(name, str) str,
    PITH_HTML5_EXTRA_ATOMS(PITH_HTML5_EXTRA_NAME)
#undef PITH_HTML5_EXTRA_NAME
};

// Open addressing over a hash of (length, first, second-to-last and last bytes): tag names are
// looked up once per tag token, so this must cost a few nanoseconds.
struct AtomTable {
  static constexpr size_t kSize = 1024;  // > 4x the atoms: short probe chains
  std::array<Atom, kSize> slots{};
  static constexpr size_t kMaxLength = 14;  // "annotation-xml"
  static size_t hash(const char* s, size_t n) {
    uint32_t h = static_cast<uint32_t>(n) * 0x9E3779B1u;
    h ^= static_cast<uint8_t>(s[0]) * 0x85EBCA77u;
    h ^= static_cast<uint8_t>(s[n - 1]) * 0xC2B2AE3Du;
    h ^= static_cast<uint8_t>(s[n / 2]) * 0x27D4EB2Fu;
    return (h ^ (h >> 15)) & (kSize - 1);
  }
  AtomTable() {
    for (size_t a = 1; a < kAtomNames.size(); ++a) {
      size_t i = hash(kAtomNames[a].data(), kAtomNames[a].size());
      while (slots[i]) i = (i + 1) & (kSize - 1);
      slots[i] = static_cast<Atom>(a);
    }
  }
  Atom find(std::string_view s) const {
    if (s.empty() || s.size() > kMaxLength) return atom::kUnknown;
    size_t i = hash(s.data(), s.size());
    while (Atom a = slots[i]) {
      std::string_view n = kAtomNames[a];
      if (n.size() == s.size() && std::memcmp(n.data(), s.data(), s.size()) == 0) return a;
      i = (i + 1) & (kSize - 1);
    }
    return atom::kUnknown;
  }
};

const AtomTable kTable;

}  // namespace

Atom atom_from_name(std::string_view lower_name) { return kTable.find(lower_name); }

std::string_view atom_name(Atom a) { return a < kAtomNames.size() ? kAtomNames[a] : std::string_view(); }

}  // namespace pith::html5
