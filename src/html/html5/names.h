// Atoms: the element names the HTML5 tree builder reasons about, as small integers. Atoms below
// Tag::kCount are exactly pith's Tag values (so an atom converts to the DOM's Tag for free); the
// ones after are names the algorithm mentions that pith's Tag list does not carry: obsolete HTML
// elements and the MathML/SVG names that matter for scoping and integration points.
#pragma once
#include <cstdint>
#include <string_view>

#include "html/tags.h"

namespace pith::html5 {

using Atom = uint16_t;

#define PITH_HTML5_EXTRA_ATOMS(X)                                                        \
  X(basefont, "basefont") X(bgsound, "bgsound") X(big, "big") X(image, "image")          \
  X(keygen, "keygen") X(listing, "listing") X(marquee, "marquee") X(rb, "rb")            \
  X(rtc, "rtc") X(mi, "mi") X(mo, "mo") X(mn, "mn") X(ms, "ms") X(mtext, "mtext")         \
  X(annotation_xml, "annotation-xml") X(malignmark, "malignmark") X(mglyph, "mglyph")    \
  X(foreignobject, "foreignobject") X(desc, "desc")

namespace atom {
inline constexpr Atom kUnknown = 0;
#define PITH_HTML5_TAG_ATOM(name) inline constexpr Atom k_##name = static_cast<Atom>(Tag::k_##name);
PITH_TAGS(PITH_HTML5_TAG_ATOM)
#undef PITH_HTML5_TAG_ATOM
namespace detail {
enum Extra : Atom {
  kBeforeFirst = static_cast<Atom>(Tag::kCount) - 1,
#define PITH_HTML5_EXTRA_ENUM(name, str) e_##name,
  PITH_HTML5_EXTRA_ATOMS(PITH_HTML5_EXTRA_ENUM)
#undef PITH_HTML5_EXTRA_ENUM
  kEnd
};
}  // namespace detail
#define PITH_HTML5_EXTRA_ATOM(name, str) inline constexpr Atom k_##name = detail::e_##name;
PITH_HTML5_EXTRA_ATOMS(PITH_HTML5_EXTRA_ATOM)
#undef PITH_HTML5_EXTRA_ATOM
inline constexpr Atom kCount = detail::kEnd;
}  // namespace atom

inline constexpr Atom kAtomCount = atom::kCount;

// Lower-case name -> atom; atom::kUnknown for names outside the table. Case-sensitive: the
// tokenizer has already lower-cased tag names.
Atom atom_from_name(std::string_view lower_name);
std::string_view atom_name(Atom a);
// The DOM tag for an atom: its Tag, or Tag::kUnknown for the extra atoms (whose name the DOM
// then stores).
inline Tag atom_tag(Atom a) { return a < static_cast<Atom>(Tag::kCount) ? static_cast<Tag>(a) : Tag::kUnknown; }

// MathML text integration points: mi, mo, mn, ms, mtext (13.2.6 tree construction dispatcher).
inline bool is_mathml_text_integration_point_atom(Atom a) {
  return a == atom::k_mi || a == atom::k_mo || a == atom::k_mn || a == atom::k_ms || a == atom::k_mtext;
}

}  // namespace pith::html5
