#include "io/warc_reader.h"

#include <charconv>

#include "core/strings.h"

namespace pith {

namespace {

constexpr std::string_view kWarcPrefix = "WARC/";
constexpr std::string_view kArcPrefix = "filedesc://";
// Bytes looked at after a block: its CRLF CRLF (writers add extra blank lines) and the start of
// the next record.
constexpr size_t kTrailerPeek = 64;
// Versions with the named-field header of WARC 1.0: 1.x, and the drafts that ClueWeb09 and
// Heritrix wrote before the ISO standard.
constexpr std::string_view kDraftVersions[] = {"WARC/0.17", "WARC/0.18"};
// ARC URL-record lines: v1 has URL IP date type length, v2 adds result code, checksum,
// location, offset and file name before the length.
constexpr size_t kArcV1Fields = 5, kArcV2Fields = 10;

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

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// Input bytes for a message: printable ASCII as is, anything else as \xNN (no terminal control
// sequences), at most max_len input bytes.
std::string escaped(std::string_view s, size_t max_len) {
  std::string out;
  for (size_t i = 0; i < s.size() && i < max_len; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
    } else {
      static const char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  if (s.size() > max_len) out += "...";
  return out;
}

bool supported_version(std::string_view line) {
  line = trim(line);
  if (line.starts_with("WARC/1.")) return all_digits(line.substr(7));
  for (std::string_view v : kDraftVersions)
    if (line == v) return true;
  return false;
}

size_t crlf_run(std::string_view s) {
  size_t k = 0;
  while (k < s.size() && (s[k] == '\r' || s[k] == '\n')) ++k;
  return k;
}

enum class HeaderStatus { kOk, kMalformed, kTruncated };

// Parses the WARC header at the start of v (v holds everything left when at_eof) into rec.
// *length: the header's bytes with its blank line.
HeaderStatus parse_warc_header(std::string_view v, bool at_eof, size_t max_header, WarcRecord& rec,
                               size_t* length, std::string* error) {
  size_t pos = 0;
  bool first = true, have_length = false;
  std::string* last = nullptr;
  while (true) {
    size_t nl = v.find('\n', pos);
    if (nl == std::string_view::npos || nl > max_header) {
      if (v.size() >= max_header || !at_eof) {
        *error = "malformed WARC header: over " + std::to_string(max_header) + " bytes";
        return HeaderStatus::kMalformed;
      }
      *error = "truncated WARC header (the file ends inside it)";
      return HeaderStatus::kTruncated;
    }
    std::string_view line = v.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = nl + 1;
    if (first) {
      if (!supported_version(line)) {
        *error = "malformed WARC record: expected a WARC/1.0 or WARC/1.1 line (or WARC/0.17, WARC/0.18)";
        return HeaderStatus::kMalformed;
      }
      rec.version = trim(line);
      first = false;
      continue;
    }
    if (line.empty()) break;
    if ((line[0] == ' ' || line[0] == '\t') && last) {  // folded continuation line
      *last += " ";
      *last += trim(line);
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      *error = "malformed WARC header line (no name: value): " + escaped(line, 80);
      return HeaderStatus::kMalformed;
    }
    std::string_view name = trim(line.substr(0, colon));
    std::string_view value = trim(line.substr(colon + 1));
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
    } else if (iequals(name, "WARC-IP-Address")) {
      rec.ip_address = value;
    } else if (iequals(name, "Content-Length")) {
      if (!parse_u64(value, rec.content_length)) {
        *error = "malformed WARC header: Content-Length is not a number: " + escaped(value, 40);
        return HeaderStatus::kMalformed;
      }
      have_length = true;
    }
  }
  if (!have_length) {
    *error = "malformed WARC header: no Content-Length";
    return HeaderStatus::kMalformed;
  }
  if (rec.type.empty()) {
    *error = "malformed WARC header: no WARC-Type";
    return HeaderStatus::kMalformed;
  }
  *length = pos;
  return HeaderStatus::kOk;
}

// An ARC URL-record line: URL IP date content-type [v2 fields] length.
bool parse_arc_header(std::string_view line, WarcRecord& rec) {
  std::string_view f[kArcV2Fields];
  size_t n = 0;
  for (size_t pos = 0; pos < line.size();) {
    size_t sp = line.find(' ', pos);
    if (sp == std::string_view::npos) sp = line.size();
    if (sp > pos) {
      if (n == kArcV2Fields) return false;
      f[n++] = line.substr(pos, sp - pos);
    }
    pos = sp + 1;
  }
  if (n != kArcV1Fields && n != kArcV2Fields) return false;
  if (f[0].find(':') == std::string_view::npos) return false;
  if (!all_digits(f[2]) || f[2].size() < 8 || f[2].size() > 14) return false;
  if (!parse_u64(f[n - 1], rec.content_length)) return false;
  rec.target_uri = f[0];
  rec.ip_address = f[1];
  std::string_view d = f[2];
  if (d.size() == 14) {
    rec.date = std::string(d.substr(0, 4)) + "-" + std::string(d.substr(4, 2)) + "-" + std::string(d.substr(6, 2)) +
               "T" + std::string(d.substr(8, 2)) + ":" + std::string(d.substr(10, 2)) + ":" +
               std::string(d.substr(12, 2)) + "Z";
  } else {
    rec.date = d;
  }
  rec.content_type = f[3];
  return true;
}

}  // namespace

bool looks_like_crawl_file(std::string_view head) {
  head = head.substr(crlf_run(head));
  return head.starts_with(kWarcPrefix) || head.starts_with(kArcPrefix);
}

std::optional<std::string> unsupported_crawl_format(std::string_view head) {
  head = head.substr(crlf_run(head));
  if (head.starts_with(kArcPrefix)) return std::nullopt;
  std::string_view line = head.substr(0, head.find('\n'));
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (head.starts_with(kWarcPrefix)) {
    if (supported_version(line)) return std::nullopt;
    return "unsupported WARC version: the file starts with \"" + escaped(line, 60) +
           "\"; pith reads WARC/1.0, WARC/1.1, WARC/0.17, WARC/0.18 and ARC files";
  }
  return "not a WARC or ARC file: it starts with \"" + escaped(line, 60) + "\"";
}

WarcReader::WarcReader(std::unique_ptr<ByteSource> src, WarcReaderOptions options)
    : in_(std::move(src)), opt_(options) {}

bool WarcReader::wants_block(std::string_view type) const {
  return opt_.keep_all_blocks || type == "response" || type == "resource" || type == "conversion";
}

WarcReader::Status WarcReader::bad(WarcRecord& rec, std::string what) {
  rec.error = Error{ErrorCode::kBadInput, std::move(what), rec.offset};
  rec.block.clear();
  rec.block_kept = false;
  return kBad;
}

bool WarcReader::header_parses_here() {
  if (format_ == Format::kArc) {
    std::string_view v = in_.peek(opt_.max_header_bytes);
    size_t nl = v.find('\n');
    if (nl == std::string_view::npos) return false;
    std::string_view line = v.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    WarcRecord probe;
    return parse_arc_header(line, probe);
  }
  std::string_view v = in_.peek(opt_.max_header_bytes + 4);
  WarcRecord probe;
  size_t length = 0;
  std::string error;
  return parse_warc_header(v, v.size() < opt_.max_header_bytes + 4, opt_.max_header_bytes, probe, &length, &error) ==
         HeaderStatus::kOk;
}

bool WarcReader::resync() {
  bool found = false;
  if (format_ == Format::kArc) {
    // ARC records start at a line start.
    if (header_parses_here()) return true;
    while (true) {
      skipped_bytes_ += in_.skip_to("\n", &found);
      if (!found) return false;
      skipped_bytes_ += in_.skip(1);
      if (header_parses_here()) return true;
    }
  }
  // A WARC header is taken where it starts, at a line start or not: the decoder of a gzip member
  // cut short leaves its garbage right before the next record's first byte.
  while (true) {
    skipped_bytes_ += in_.skip_to(kWarcPrefix, &found);
    if (!found) return false;
    if (header_parses_here()) return true;
    skipped_bytes_ += in_.skip(1);
  }
}

WarcReader::Status WarcReader::next(WarcRecord& rec) {
  rec.version.clear();
  rec.type.clear();
  rec.target_uri.clear();
  rec.date.clear();
  rec.record_id.clear();
  rec.content_type.clear();
  rec.identified_payload_type.clear();
  rec.ip_address.clear();
  rec.block.clear();
  rec.block_kept = false;
  rec.content_length = 0;

  // Blank lines between records are allowed.
  while (true) {
    std::string_view v = in_.peek(kTrailerPeek);
    size_t k = crlf_run(v);
    if (k == 0) break;
    in_.skip(k);
  }
  rec.offset = in_.offset();
  if (in_.at_end()) return kEnd;
  if (format_ == Format::kUnknown) format_ = in_.peek(kArcPrefix.size()) == kArcPrefix ? Format::kArc : Format::kWarc;
  return format_ == Format::kArc ? next_arc(rec) : next_warc(rec);
}

WarcReader::Status WarcReader::next_warc(WarcRecord& rec) {
  std::string_view v = in_.peek(opt_.max_header_bytes + 4);
  size_t length = 0;
  std::string error;
  HeaderStatus h =
      parse_warc_header(v, v.size() < opt_.max_header_bytes + 4, opt_.max_header_bytes, rec, &length, &error);
  if (h != HeaderStatus::kOk) {
    // Past this header's first byte, so that it is not found again.
    skipped_bytes_ += in_.skip(1);
    resync();
    return bad(rec, std::move(error));
  }
  in_.skip(length);
  return read_block(rec);
}

WarcReader::Status WarcReader::next_arc(WarcRecord& rec) {
  std::string_view v = in_.peek(opt_.max_header_bytes);
  size_t nl = v.find('\n');
  std::string_view line = v.substr(0, nl);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (nl == std::string_view::npos || !parse_arc_header(line, rec)) {
    std::string what = nl == std::string_view::npos && v.size() < opt_.max_header_bytes
                           ? "truncated ARC record header (the file ends inside it)"
                           : "malformed ARC record header: " + escaped(line, 80);
    skipped_bytes_ += in_.skip(1);
    resync();
    return bad(rec, std::move(what));
  }
  const bool version_block = rec.target_uri.starts_with(kArcPrefix);
  in_.skip(nl + 1);
  std::string_view block_head = in_.peek(std::min<uint64_t>(rec.content_length, 16));
  if (version_block) {
    // Its block starts with "<version> <reserved> <origin>": 1 or 2.
    rec.type = "warcinfo";
    if (block_head.starts_with("2 ")) arc_version_ = "ARC/2";
  } else if (block_head.starts_with("HTTP/")) {
    rec.type = "response";
    rec.content_type = "application/http; msgtype=response";
  } else {
    rec.type = "resource";
  }
  rec.version = arc_version_;
  return read_block(rec);
}

WarcReader::Status WarcReader::read_block(WarcRecord& rec) {
  const uint64_t cl = rec.content_length;
  const bool over_cap = cl > opt_.max_block_bytes;
  const bool keep = wants_block(rec.type) && !over_cap;
  const size_t want = static_cast<size_t>(over_cap ? opt_.max_block_bytes : cl) + kTrailerPeek;
  const uint64_t block_start = in_.offset();
  std::string_view w = in_.peek(want);
  const bool window_at_eof = w.size() < want;

  // A record boundary after `at` bytes of the window: line breaks, then the end or a record.
  auto boundary_after = [&](size_t at, size_t& run) {
    std::string_view rest = in_.peek(at + kTrailerPeek).substr(at);
    run = crlf_run(rest);
    if (run == 0) return false;
    std::string_view next = rest.substr(run);
    if (next.empty()) return in_.peek(at + run + 1).size() == at + run;
    if (format_ == Format::kWarc) return next.starts_with("WARC/1.") || next.starts_with("WARC/0.");
    // ARC: the next line must parse (a URL line is longer than the trailer window).
    std::string_view more = in_.peek(at + run + opt_.max_header_bytes).substr(at + run);
    std::string_view line = more.substr(0, more.find('\n'));
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    WarcRecord probe;
    return parse_arc_header(line, probe);
  };

  if (!over_cap && w.size() >= cl) {
    size_t run = 0;
    // run >= 2 with something else after it: the record is whole and the next call reports
    // what follows.
    if (boundary_after(cl, run) || run >= 2 || (run == 0 && window_at_eof && w.size() == cl)) {
      if (keep) rec.block.assign(in_.peek(cl).data(), cl);
      rec.block_kept = keep;
      in_.skip(cl + run);
      return kRecord;
    }
  } else if (over_cap && !window_at_eof) {
    // Too large to hold: skipped unseen. Only the bytes after it can say whether it was right.
    uint64_t got = in_.skip(cl);
    if (got < cl)
      return bad(rec, "truncated WARC record: Content-Length " + std::to_string(cl) + " but the file ends after " +
                          std::to_string(got) + " bytes of it");
    size_t run = 0;
    if (boundary_after(0, run) || run >= 2 || (run == 0 && in_.at_end())) {
      in_.skip(run);
      return kRecord;
    }
    bool found = resync();
    return bad(rec, "WARC record Content-Length " + std::to_string(cl) + " does not match the record: " +
                        (found ? "skipped " + std::to_string(in_.offset() - block_start - cl) +
                                     " bytes after it to the next record"
                               : std::string("no record follows it")));
  }

  // The Content-Length is wrong (too long, too short, past the end of the file): the next record
  // is the first header that parses after this record's own header, even inside the span the
  // Content-Length claimed.
  const uint64_t available = w.size();
  bool found = resync();
  uint64_t at = in_.offset() - block_start;
  std::string what = "WARC record Content-Length " + std::to_string(cl) + " does not match the record: ";
  if (found && at < cl) return bad(rec, what + "the next record starts " + std::to_string(at) + " bytes into the block");
  if (found) return bad(rec, what + "skipped " + std::to_string(at) + " bytes to the next record");
  if (available < cl)
    return bad(rec, "truncated WARC record: Content-Length " + std::to_string(cl) + " but the file ends after " +
                        std::to_string(at) + " bytes of it");
  return bad(rec, what + "no record follows it");
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

std::optional<std::string> try_dechunk(std::string_view body) {
  std::string out;
  size_t pos = 0;
  bool first = true;
  // Past the first chunk the body is chunked but damaged: the rest is kept as it is.
  auto damaged = [&]() -> std::optional<std::string> {
    if (first) return std::nullopt;
    out.append(body.substr(pos));
    return out;
  };
  while (pos < body.size()) {
    size_t nl = body.find('\n', pos);
    if (nl == std::string_view::npos) return damaged();
    std::string_view size_line = trim(body.substr(pos, nl - pos));
    size_t semi = size_line.find(';');
    if (semi != std::string_view::npos) size_line = trim(size_line.substr(0, semi));
    uint64_t n = 0;
    auto [p, ec] = std::from_chars(size_line.data(), size_line.data() + size_line.size(), n, 16);
    if (size_line.empty() || ec != std::errc() || p != size_line.data() + size_line.size()) return damaged();
    if (n == 0) return out;
    size_t data = nl + 1;
    if (n >= body.size() - data) {  // a capture cut inside its last chunk
      out.append(body.substr(data));
      return out;
    }
    size_t end = data + static_cast<size_t>(n);
    if (body[end] != '\r' && body[end] != '\n') return damaged();
    out.append(body.substr(data, static_cast<size_t>(n)));
    pos = end + (body[end] == '\r' && end + 1 < body.size() && body[end + 1] == '\n' ? 2 : 1);
    first = false;
  }
  return out;
}

std::string dechunk(std::string_view body) {
  if (auto d = try_dechunk(body)) return std::move(*d);
  return std::string(body);
}

}  // namespace pith
