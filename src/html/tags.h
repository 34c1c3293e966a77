// The HTML element names pith knows, as a compact enum. Unknown names map to Tag::kUnknown and
// keep their name in the DOM.
#pragma once
#include <cstdint>
#include <string_view>

namespace pith {

#define PITH_TAGS(X)                                                                              \
  X(a) X(abbr) X(address) X(applet) X(area) X(article) X(aside) X(audio) X(b) X(base) X(bdi)     \
  X(bdo) X(blockquote) X(body) X(br) X(button) X(canvas) X(caption) X(center) X(cite) X(code)    \
  X(col) X(colgroup) X(data) X(datalist) X(dd) X(del) X(details) X(dfn) X(dialog) X(dir) X(div)  \
  X(dl) X(dt) X(em) X(embed) X(fieldset) X(figcaption) X(figure) X(font) X(footer) X(form)       \
  X(frame) X(frameset) X(h1) X(h2) X(h3) X(h4) X(h5) X(h6) X(head) X(header) X(hgroup) X(hr)      \
  X(html) X(i) X(iframe) X(img) X(input) X(ins) X(kbd) X(label) X(legend) X(li) X(link) X(main)  \
  X(map) X(mark) X(math) X(menu) X(meta) X(meter) X(nav) X(nobr) X(noembed) X(noframes)          \
  X(noscript) X(object) X(ol) X(optgroup) X(option) X(output) X(p) X(param) X(picture)           \
  X(plaintext) X(pre) X(progress) X(q) X(rp) X(rt) X(ruby) X(s) X(samp) X(script) X(search)      \
  X(section) X(select) X(slot) X(small) X(source) X(span) X(strike) X(strong) X(style) X(sub)    \
  X(summary) X(sup) X(svg) X(table) X(tbody) X(td) X(template) X(textarea) X(tfoot) X(th)        \
  X(thead) X(time) X(title) X(tr) X(track) X(tt) X(u) X(ul) X(var) X(video) X(wbr) X(xmp)

enum class Tag : uint16_t {
  kUnknown = 0,
#define PITH_TAG_ENUM(name) k_##name,
  PITH_TAGS(PITH_TAG_ENUM)
#undef PITH_TAG_ENUM
  kCount
};

// Lower-case ASCII name -> Tag (case-insensitive). Unknown names give Tag::kUnknown.
Tag tag_from_name(std::string_view name);
std::string_view tag_name(Tag tag);

// Elements that the HTML spec renders as blocks (a line break before and after their text).
bool is_block_tag(Tag tag);
// Elements with no content (br, img, ...).
bool is_void_tag(Tag tag);
bool is_heading_tag(Tag tag);
// 1 for <h1> to 6 for <h6>; 0 for any other tag.
int heading_level(Tag tag);

}  // namespace pith
