// The JSON record of one extraction: the shape `pith extract --format json|jsonl` prints.
#include "core/json_writer.h"
#include "pith/extract.h"

namespace pith {

void write_json(const Extraction& e, std::string_view source, std::string& out) {
  JsonWriter w(out);
  w.begin_object();
  if (!source.empty()) w.field("source", source);
  w.field("url", e.url);
  w.field("title", e.title);
  w.field("html_title", e.html_title);
  w.field("author", e.author.value);
  w.key("authors").begin_array();
  for (const auto& a : e.authors) w.value(a);
  w.end_array();
  w.field("author_source", e.author.source);
  w.field("date", e.date.value);
  w.field("date_source", e.date.source);
  w.field("modified", e.modified.value);
  w.field("modified_source", e.modified.source);
  w.field("sitename", e.sitename);
  w.field("description", e.description);
  w.field("lang", e.lang);
  w.field("lang_source", e.lang_source);
  w.key("tags").begin_array();
  for (const auto& t : e.tags) w.value(t);
  w.end_array();
  w.field("image", e.image);
  w.field("page_type", e.page_type);
  w.field("page_type_confidence", e.page_type_confidence);
  w.field("charset", e.charset);
  w.field("charset_source", e.charset_source);
  w.key("text").value(e.text);
  if (!e.markdown.empty()) w.key("markdown").value(e.markdown);
  w.field("comments", e.comments);
  if (!e.main_element.empty()) w.field("main_element", e.main_element);
  if (!e.trace.empty()) w.field("trace", e.trace);
  if (!e.dropped.empty()) {
    w.key("dropped").begin_array();
    for (const auto& d : e.dropped) {
      w.begin_object();
      w.field("rule", d.rule);
      w.field("element", d.element);
      w.field("chars", static_cast<uint64_t>(d.chars));
      w.field("preview", d.preview);
      w.end_object();
    }
    w.end_array();
  }
  if (!e.yielded.empty()) {
    w.key("yielded").begin_array();
    for (const auto& d : e.yielded) {
      w.begin_object();
      w.field("rule", d.rule);
      w.field("element", d.element);
      w.field("chars", static_cast<uint64_t>(d.chars));
      w.field("preview", d.preview);
      w.end_object();
    }
    w.end_array();
  }
  if (!e.warnings.empty()) {
    w.key("warnings").begin_array();
    for (const auto& s : e.warnings) w.value(s);
    w.end_array();
  }
  w.end_object();
}

}  // namespace pith
