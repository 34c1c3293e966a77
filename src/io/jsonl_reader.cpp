#include "io/jsonl_reader.h"

#include <simdjson.h>

#include "core/strings.h"

namespace pith {

struct JsonlReader::Parser {
  simdjson::ondemand::parser parser;
  simdjson::padded_string padded;
};

JsonlReader::JsonlReader(std::unique_ptr<ByteSource> src, JsonlReaderOptions options)
    : in_(std::move(src)), opt_(std::move(options)), parser_(std::make_unique<Parser>()) {}

JsonlReader::~JsonlReader() = default;

namespace {

// A string or a number as text; false for anything else.
bool scalar_text(simdjson::ondemand::value v, std::string& out) {
  simdjson::ondemand::json_type t;
  if (v.type().get(t)) return false;
  if (t == simdjson::ondemand::json_type::string) {
    std::string_view s;
    if (v.get_string().get(s)) return false;
    out.assign(s);
    return true;
  }
  if (t == simdjson::ondemand::json_type::number) {
    std::string_view raw = v.raw_json_token();
    out.assign(trim(raw));
    return true;
  }
  return false;
}

}  // namespace

JsonlReader::Status JsonlReader::next(JsonlDoc& doc) {
  bool too_long = false;
  do {
    doc.offset = in_.offset();
    if (!in_.read_line(line_, opt_.max_line_bytes, &too_long)) return kEnd;
    ++line_no_;
  } while (trim(line_).empty());
  doc.line = line_no_;
  doc.id.clear();
  doc.url.clear();
  doc.date.clear();
  doc.content.clear();
  auto bad = [&](std::string what) {
    doc.error = Error{too_long ? ErrorCode::kTooLarge : ErrorCode::kBadInput, std::move(what), doc.offset};
    return kBad;
  };
  if (too_long) return bad("JSONL line " + std::to_string(line_no_) + " is over " + std::to_string(opt_.max_line_bytes) + " bytes");

  Parser& p = *parser_;
  p.padded = simdjson::padded_string(line_);
  simdjson::ondemand::document d;
  if (p.parser.iterate(p.padded).get(d)) return bad("broken JSONL line " + std::to_string(line_no_));
  simdjson::ondemand::object obj;
  if (d.get_object().get(obj)) return bad("JSONL line " + std::to_string(line_no_) + " is not an object");
  bool have_field = false;
  // One pass over the fields, in document order (on demand parsing reads each once).
  for (auto field : obj) {
    std::string_view key;
    if (field.unescaped_key().get(key)) return bad("broken JSONL line " + std::to_string(line_no_));
    simdjson::ondemand::value v;
    if (field.value().get(v)) return bad("broken JSONL line " + std::to_string(line_no_));
    if (key == opt_.field) {
      std::string_view s;
      if (v.get_string().get(s))
        return bad("JSONL line " + std::to_string(line_no_) + ": field \"" + opt_.field + "\" is not a string");
      doc.content.assign(s);
      have_field = true;
    } else if (key == "id") {
      scalar_text(v, doc.id);
    } else if (key == "url") {
      scalar_text(v, doc.url);
    } else if (key == "date") {
      scalar_text(v, doc.date);
    } else if (key == "metadata") {
      simdjson::ondemand::object meta;
      if (v.get_object().get(meta)) continue;
      for (auto mf : meta) {
        std::string_view mk;
        if (mf.unescaped_key().get(mk)) break;
        simdjson::ondemand::value mv;
        if (mf.value().get(mv)) break;
        if (mk == "url" && doc.url.empty()) scalar_text(mv, doc.url);
        else if (mk == "date" && doc.date.empty()) scalar_text(mv, doc.date);
      }
    }
  }
  if (!have_field) return bad("JSONL line " + std::to_string(line_no_) + " has no field \"" + opt_.field + "\"");
  return kDoc;
}

}  // namespace pith
