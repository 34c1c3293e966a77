#include "io/warc_reader.h"

#include <charconv>

#include "core/strings.h"

namespace pith {

namespace {

constexpr std::string_view kRecordStart = "WARC/1.";

std::string_view strip_angle(std::string_view s) {
  if (s.size() >= 2 && s.front() == '<' && s.back() == '>') return s.substr(1, s.size() - 2);
  return s;
}

bool parse_u64(std::string_view s, uint64_t& v) {
  s = trim(s);
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

WarcReader::WarcReader(std::unique_ptr<ByteSource> src, WarcReaderOptions options)
    : in_(std::move(src)), opt_(options) {}

bool WarcReader::wants_block(std::string_view type) const {
  return opt_.keep_all_blocks || type == "response" || type == "resource" || type == "conversion";
}

WarcReader::Status WarcReader::bad(WarcRecord& rec, std::string what, bool resync) {
  rec.error = Error{ErrorCode::kBadInput, std::move(what), rec.offset};
  if (resync) {
    bool found = false;
    skipped_bytes_ += in_.skip_to_line_starting(kRecordStart, &found);
  }
  return kBad;
}

WarcReader::Status WarcReader::next(WarcRecord& rec) {
  rec.version.clear();
  rec.type.clear();
  rec.target_uri.clear();
  rec.date.clear();
  rec.record_id.clear();
  rec.content_type.clear();
  rec.identified_payload_type.clear();
  rec.block.clear();
  rec.block_kept = false;
  rec.content_length = 0;

  // Blank lines between records are allowed; anything else must be a version line.
  bool too_long = false;
  do {
    rec.offset = in_.offset();
    if (!in_.read_line(line_, opt_.max_header_bytes, &too_long)) return kEnd;
  } while (line_.empty());
  if (!line_.starts_with(kRecordStart) || too_long)
    return bad(rec, "malformed WARC record: expected a WARC/1.0 or WARC/1.1 line", true);
  rec.version = line_;

  bool have_length = false;
  size_t header_bytes = line_.size();
  std::string* last = nullptr;
  while (true) {
    if (!in_.read_line(line_, opt_.max_header_bytes, &too_long))
      return bad(rec, "truncated WARC header (the file ends inside it)", false);
    if (line_.empty()) break;
    header_bytes += line_.size() + 2;
    if (too_long || header_bytes > opt_.max_header_bytes)
      return bad(rec, "malformed WARC header: over " + std::to_string(opt_.max_header_bytes) + " bytes", true);
    if ((line_[0] == ' ' || line_[0] == '\t') && last) {  // folded continuation line
      *last += " ";
      *last += trim(line_);
      continue;
    }
    size_t colon = line_.find(':');
    if (colon == std::string::npos || colon == 0)
      return bad(rec, "malformed WARC header line (no name: value): " + line_.substr(0, 80), true);
    std::string_view name = trim(std::string_view(line_).substr(0, colon));
    std::string_view value = trim(std::string_view(line_).substr(colon + 1));
    last = nullptr;
    if (iequals(name, "WARC-Type")) {
      rec.type = value;
      last = &rec.type;
    } else if (iequals(name, "WARC-Target-URI")) {
      rec.target_uri = strip_angle(value);
      last = &rec.target_uri;
    } else if (iequals(name, "WARC-Date")) {
      rec.date = value;
    } else if (iequals(name, "WARC-Record-ID")) {
      rec.record_id = strip_angle(value);
    } else if (iequals(name, "Content-Type")) {
      rec.content_type = value;
      last = &rec.content_type;
    } else if (iequals(name, "WARC-Identified-Payload-Type")) {
      rec.identified_payload_type = value;
    } else if (iequals(name, "Content-Length")) {
      if (!parse_u64(value, rec.content_length))
        return bad(rec, "malformed WARC header: Content-Length is not a number: " + std::string(value.substr(0, 40)),
                   true);
      have_length = true;
    }
  }
  if (!have_length) return bad(rec, "malformed WARC header: no Content-Length", true);
  if (rec.type.empty()) return bad(rec, "malformed WARC header: no WARC-Type", true);

  const bool keep = wants_block(rec.type) && rec.content_length <= opt_.max_block_bytes;
  uint64_t got;
  if (keep) {
    rec.block.reserve(rec.content_length);
    got = in_.read(rec.content_length, rec.block);
  } else {
    got = in_.skip(rec.content_length);
  }
  if (got < rec.content_length)
    return bad(rec,
               "truncated WARC record: Content-Length " + std::to_string(rec.content_length) + " but the file ends after " +
                   std::to_string(got) + " bytes of it",
               false);
  rec.block_kept = keep;

  // The block is followed by CRLF CRLF, then the next record or the end. Anything else means the
  // Content-Length is wrong.
  std::string_view trailer = in_.peek(64);  // CRLF CRLF, tolerating extra blank lines
  size_t k = 0;
  while (k < trailer.size() && (trailer[k] == '\r' || trailer[k] == '\n')) ++k;
  std::string consumed(trailer.substr(0, k));
  in_.skip(k);
  if (k > 0 && (in_.at_end() || in_.peek(kRecordStart.size()) == kRecordStart)) return kRecord;

  std::string what = "WARC record Content-Length " + std::to_string(rec.content_length) +
                     " does not match the record: ";
  if (keep) {
    // Too long: the next record starts inside what was read as this block.
    size_t h = rec.block.find("\nWARC/1.");
    if (h != std::string::npos) {
      in_.unread(consumed);
      in_.unread(std::string_view(rec.block).substr(h + 1));
      rec.block.resize(h + 1);
      rec.block_kept = false;
      return bad(rec, what + "the next record starts " + std::to_string(h + 1) + " bytes into the block", false);
    }
  }
  // The block ended on a line break but something other than a record follows: the record is
  // whole; the next call reports the garbage.
  if (k >= 2) return kRecord;
  // Too short: skip what is left of this record.
  rec.block_kept = false;
  bool found = false;
  size_t skipped = in_.skip_to_line_starting(kRecordStart, &found);
  skipped_bytes_ += skipped;
  return bad(rec, what + "skipped " + std::to_string(skipped) + " bytes to the next record", false);
}

// ---- HTTP ----

Result<HttpResponse> parse_http_response(std::string_view block) {
  HttpResponse r;
  size_t end = block.find("\r\n\r\n");
  size_t body_at;
  if (end != std::string_view::npos) {
    body_at = end + 4;
  } else {
    end = block.find("\n\n");
    if (end == std::string_view::npos) return Error{ErrorCode::kBadInput, "HTTP headers do not end"};
    body_at = end + 2;
  }
  std::string_view head = block.substr(0, end);
  r.body = block.substr(body_at);
  size_t nl = head.find('\n');
  std::string_view status_line = trim(head.substr(0, nl));
  if (!status_line.starts_with("HTTP/")) return Error{ErrorCode::kBadInput, "no HTTP status line"};
  size_t sp = status_line.find(' ');
  if (sp == std::string_view::npos) return Error{ErrorCode::kBadInput, "malformed HTTP status line"};
  std::string_view code = status_line.substr(sp + 1, 3);
  std::from_chars(code.data(), code.data() + code.size(), r.status);
  while (nl != std::string_view::npos) {
    size_t start = nl + 1;
    nl = head.find('\n', start);
    std::string_view line = trim(head.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view name = trim(line.substr(0, colon));
    std::string_view value = trim(line.substr(colon + 1));
    if (iequals(name, "Content-Type")) {
      size_t semi = value.find(';');
      r.mime = ascii_lowercase(trim(value.substr(0, semi)));
      while (semi != std::string_view::npos) {
        size_t next = value.find(';', semi + 1);
        std::string_view param = trim(value.substr(semi + 1, next == std::string_view::npos ? next : next - semi - 1));
        if (istarts_with(param, "charset=")) {
          std::string_view cs = trim(param.substr(8));
          if (cs.size() >= 2 && (cs.front() == '"' || cs.front() == '\'')) cs = cs.substr(1, cs.size() - 2);
          r.charset = cs;
        }
        semi = next;
      }
    } else if (iequals(name, "Transfer-Encoding")) {
      r.transfer_encoding = ascii_lowercase(value);
    } else if (iequals(name, "Content-Encoding")) {
      r.content_encoding = ascii_lowercase(value);
    }
  }
  return r;
}

std::string dechunk(std::string_view body) {
  std::string out;
  size_t pos = 0;
  while (pos < body.size()) {
    size_t nl = body.find('\n', pos);
    if (nl == std::string_view::npos) break;
    std::string_view size_line = trim(body.substr(pos, nl - pos));
    size_t semi = size_line.find(';');
    if (semi != std::string_view::npos) size_line = size_line.substr(0, semi);
    size_t n = 0;
    auto [p, ec] = std::from_chars(size_line.data(), size_line.data() + size_line.size(), n, 16);
    if (ec != std::errc() || size_line.empty()) break;
    if (n == 0) break;
    pos = nl + 1;
    out.append(body.substr(pos, n));
    pos += n;
    while (pos < body.size() && (body[pos] == '\r' || body[pos] == '\n')) ++pos;
  }
  return out;
}

}  // namespace pith
