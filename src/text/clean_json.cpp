// The JSON record of one cleaned page (clean_json.h).
#include "text/clean_json.h"

#include <cmath>

#include "core/json_writer.h"

namespace pith {

void write_clean_json(const Cleaned& c, std::string_view source, std::string_view url, std::string& out) {
  JsonWriter w(out);
  w.begin_object();
  if (!source.empty()) w.field("source", source);
  w.field("url", url).field("title", c.title).field("date", c.date).field("text", c.text);
  w.field("lines", static_cast<uint64_t>(c.lines)).field("kept_lines", static_cast<uint64_t>(c.kept_lines));
  w.field("list_like", c.list_like);
  w.key("dropped").begin_array();
  for (const auto& d : c.dropped)
    w.begin_object().field("line", static_cast<uint64_t>(d.line)).field("reason", d.reason).field("text", d.text).end_object();
  w.end_array();
  const NoiseSignals& n = c.noise;
  w.key("noise").begin_object();
  w.field("score", std::round(n.score * 1000) / 1000);
  w.field("quote_marks", static_cast<uint64_t>(n.quote_marks));
  w.field("unbalanced_quotes", static_cast<uint64_t>(n.unbalanced_quotes));
  w.field("misplaced_quotes", static_cast<uint64_t>(n.misplaced_quotes));
  w.field("glued_fragments", static_cast<uint64_t>(n.glued_fragments));
  w.field("doubled_punctuation", static_cast<uint64_t>(n.doubled_punctuation));
  w.field("replacement_chars", static_cast<uint64_t>(n.replacement_chars));
  w.end_object();
  w.key("warnings").begin_array();
  for (const auto& s : c.warnings) w.value(s);
  w.end_array();
  w.end_object();
}

}  // namespace pith
