#include "io/jsonl_reader.h"

#include <simdjson.h>

#include "core/strings.h"

namespace pith {

struct JsonlReader::Parser {
  simdjson::ondemand::parser parser;
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

// Walks over a value that is not read, so that a broken record is found here (on-demand parsing
// would otherwise pass over it, and a command would write it back half-valid).
simdjson::error_code walk(simdjson::ondemand::value v) {
  using namespace simdjson;
  ondemand::json_type type;
  if (auto err = v.type().get(type)) return err;
  std::string_view raw;
  if (type == ondemand::json_type::object) {
    ondemand::object o;
    if (auto err = v.get_object().get(o)) return err;
    return o.raw_json().get(raw);
  }
  if (type == ondemand::json_type::array) {
    ondemand::array a;
    if (auto err = v.get_array().get(a)) return err;
    return a.raw_json().get(raw);
  }
  return SUCCESS;
}

}  // namespace

JsonlReader::Status JsonlReader::next(JsonlDoc& doc) {
  using namespace simdjson;
  bool too_long = false;
  do {
    doc.offset = in_.offset();
    if (!in_.read_line(line_, opt_.max_line_bytes, &too_long)) return kEnd;
    ++line_no_;
  } while (!too_long && trim(line_).empty());
  doc.line = line_no_;
  doc.id.clear();
  doc.url.clear();
  doc.date.clear();
  doc.content.clear();
  doc.content_null = false;
  doc.line_bytes.clear();
  doc.value_begin = doc.value_end = doc.object_end = 0;
  auto bad = [&](std::string what) {
    doc.error = Error{too_long ? ErrorCode::kTooLarge : ErrorCode::kBadInput, std::move(what), doc.offset};
    return kBad;
  };
  if (too_long) return bad("line over the budget of " + std::to_string(opt_.max_line_bytes) + " bytes (--max-bytes)");

  // simdjson reads up to SIMDJSON_PADDING bytes past the end: pad the line in place.
  const size_t len = line_.size();
  line_.append(SIMDJSON_PADDING, ' ');
  ondemand::document d;
  auto broken = [&](error_code err) { return bad(std::string("invalid JSON (") + error_message(err) + ")"); };
  if (auto err = parser_->parser.iterate(line_.data(), len, line_.size()).get(d)) {
    line_.resize(len);
    return broken(err);
  }
  ondemand::object obj;
  if (d.get_object().get(obj)) {
    line_.resize(len);
    return bad("not a JSON object");
  }
  bool have_field = false;
  Status status = kDoc;
  // One pass over the fields, in document order (on demand parsing reads each once).
  for (auto field : obj) {
    std::string_view key;
    if (auto err = field.unescaped_key().get(key)) {
      status = broken(err);
      break;
    }
    ondemand::value v;
    if (auto err = field.value().get(v)) {
      status = broken(err);
      break;
    }
    if (key == opt_.field && !have_field) {
      std::string_view token = trim(v.raw_json_token());
      doc.value_begin = static_cast<size_t>(token.data() - line_.data());
      doc.value_end = doc.value_begin + token.size();
      // null is an empty text (a page with no visible text, as `pith wet` writes it): the
      // record goes through with nothing in it, it is not lost.
      if (v.is_null().value_unsafe()) {
        doc.content_null = true;
      } else {
        std::string_view s;
        if (v.get_string().get(s)) {
          status = bad("field \"" + opt_.field + "\" is not a string");
          break;
        }
        doc.content.assign(s);
      }
      have_field = true;
    } else if (key == "id") {
      if (!scalar_text(v, doc.id) && walk(v)) {
        status = bad("invalid JSON");
        break;
      }
    } else if (key == opt_.url_field) {
      if (!scalar_text(v, doc.url) && walk(v)) {
        status = bad("invalid JSON");
        break;
      }
    } else if (key == "date") {
      if (!scalar_text(v, doc.date) && walk(v)) {
        status = bad("invalid JSON");
        break;
      }
    } else if (key == "metadata") {
      ondemand::object meta;
      if (v.get_object().get(meta)) {
        if (auto err = walk(v)) {
          status = broken(err);
          break;
        }
        continue;
      }
      for (auto mf : meta) {
        std::string_view mk;
        ondemand::value mv;
        if (mf.unescaped_key().get(mk) || mf.value().get(mv)) {
          status = bad("invalid JSON");
          break;
        }
        if (mk == "url" && doc.url.empty()) scalar_text(mv, doc.url);
        else if (mk == "date" && doc.date.empty()) scalar_text(mv, doc.date);
        else if (auto err = walk(mv)) {
          status = broken(err);
          break;
        }
      }
      if (status != kDoc) break;
    } else if (auto err = walk(v)) {
      status = broken(err);
      break;
    }
  }
  line_.resize(len);
  if (status == kDoc && !trim(line_).ends_with('}')) status = bad("invalid JSON (text after the object)");
  if (status != kDoc) return status;
  if (!have_field) return bad("no field \"" + opt_.field + "\" (--field)");
  if (opt_.keep_line) {
    size_t end = line_.find_last_of('}');
    doc.object_end = end == std::string::npos ? line_.size() : end;
    doc.line_bytes.swap(line_);  // no copy of the line: the next read refills line_
  }
  return kDoc;
}

}  // namespace pith
