// Template debris: what a page's templating or page builder failed to render and left in the
// visible text. Unrendered shortcodes (`[vc_row ...]`, `[caption id="..."]`, `[/et_pb_section]`),
// template tags (`{{ title }}`, `{% if %}`, `<%= x %>`) and blocks of raw JSON, CSS,
// JavaScript or HTML markup printed as text (escaped tags in a <noscript>) are never the page's
// content. Code that a page shows on purpose
// sits in <pre>, <code> and their kin, or in a block whose class says it is code, and is never
// touched (content.cpp asks is_code_element before looking at text).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "html/dom.h"

namespace pith {

// Whether a text node of its own reads as raw JSON, CSS, JavaScript or HTML markup rather than
// prose.
bool looks_like_raw_code(std::string_view text);

// Whether element n shows code on purpose: <pre>, <code>, <kbd>, <samp>, <tt>, <xmp>,
// <textarea>, or a class/id naming code ("highlight", "language-json", "code-example", ...).
bool is_code_element(const Document& doc, NodeId n);

// Marks with "raw-code" (in drop, indexed by node) the text nodes below scope that read as
// raw code, outside code elements and subtrees already dropped. A text node that is its
// parent's only child takes the parent with it, so that --explain names the element.
void mark_raw_code(const Document& doc, NodeId scope, std::vector<std::string_view>& drop);

// Whether text may hold a shortcode or template tag (a cheap test before strip_template_markup).
bool may_hold_template_markup(std::string_view text);

// Copies text to out without its shortcodes and template tags; returns whether any were found.
// A bracket that is prose ("[1]", "[sic]", "[Editor's note: ...]") stays.
bool strip_template_markup(std::string_view text, std::string& out);

}  // namespace pith
