#include "html/tags.h"

#include <array>
#include <cstring>

#include "core/strings.h"

namespace pith {

namespace {

constexpr std::array<std::string_view, static_cast<size_t>(Tag::kCount)> kNames = {
    "",
#define PITH_TAG_NAME(name) #name,
    PITH_TAGS(PITH_TAG_NAME)
#undef PITH_TAG_NAME
};

// Open-addressing hash of the names, built once (constant data, no mutable global state).
struct NameTable {
  static constexpr size_t kSize = 512;
  std::array<uint16_t, kSize> slots{};
  static size_t hash(std::string_view s) {
    size_t h = 2166136261u;
    for (char c : s) h = (h ^ static_cast<unsigned char>(ascii_lower(c))) * 16777619u;
    return h;
  }
  NameTable() {
    for (size_t t = 1; t < kNames.size(); ++t) {
      size_t i = hash(kNames[t]) & (kSize - 1);
      while (slots[i]) i = (i + 1) & (kSize - 1);
      slots[i] = static_cast<uint16_t>(t);
    }
  }
  Tag find(std::string_view s) const {
    if (s.empty() || s.size() > 10) return Tag::kUnknown;
    size_t i = hash(s) & (kSize - 1);
    while (slots[i]) {
      if (iequals(kNames[slots[i]], s)) return static_cast<Tag>(slots[i]);
      i = (i + 1) & (kSize - 1);
    }
    return Tag::kUnknown;
  }
};

const NameTable& name_table() {
  static const NameTable table;
  return table;
}

}  // namespace

Tag tag_from_name(std::string_view name) { return name_table().find(name); }

std::string_view tag_name(Tag tag) { return kNames[static_cast<size_t>(tag)]; }

bool is_block_tag(Tag t) {
  switch (t) {
    case Tag::k_address: case Tag::k_article: case Tag::k_aside: case Tag::k_blockquote:
    case Tag::k_body: case Tag::k_br: case Tag::k_caption: case Tag::k_center: case Tag::k_dd:
    case Tag::k_details: case Tag::k_dialog: case Tag::k_dir: case Tag::k_div: case Tag::k_dl:
    case Tag::k_dt: case Tag::k_fieldset: case Tag::k_figcaption: case Tag::k_figure:
    case Tag::k_footer: case Tag::k_form: case Tag::k_h1: case Tag::k_h2: case Tag::k_h3:
    case Tag::k_h4: case Tag::k_h5: case Tag::k_h6: case Tag::k_header: case Tag::k_hgroup:
    case Tag::k_hr: case Tag::k_html: case Tag::k_legend: case Tag::k_li: case Tag::k_main:
    case Tag::k_menu: case Tag::k_nav: case Tag::k_ol: case Tag::k_p: case Tag::k_pre:
    case Tag::k_section: case Tag::k_summary: case Tag::k_table: case Tag::k_tbody: case Tag::k_td:
    case Tag::k_tfoot: case Tag::k_th: case Tag::k_thead: case Tag::k_tr: case Tag::k_ul:
    case Tag::k_search: case Tag::k_option: case Tag::k_textarea: case Tag::k_select:
    case Tag::k_plaintext: case Tag::k_xmp:
      return true;
    default:
      return false;
  }
}

bool is_void_tag(Tag t) {
  switch (t) {
    case Tag::k_area: case Tag::k_base: case Tag::k_br: case Tag::k_col: case Tag::k_embed:
    case Tag::k_hr: case Tag::k_img: case Tag::k_input: case Tag::k_link: case Tag::k_meta:
    case Tag::k_param: case Tag::k_source: case Tag::k_track: case Tag::k_wbr:
      return true;
    default:
      return false;
  }
}

bool is_heading_tag(Tag t) { return t >= Tag::k_h1 && t <= Tag::k_h6; }
int heading_level(Tag t) { return is_heading_tag(t) ? static_cast<int>(t) - static_cast<int>(Tag::k_h1) + 1 : 0; }

}  // namespace pith
