#include "report/run_profile.h"

#include <algorithm>
#include <charconv>
#include <chrono>

#include "core/strings.h"
#include "core/utf8.h"

namespace pith::report {

namespace {

int64_t now_ms(auto clock_now) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(clock_now.time_since_epoch()).count();
}

// Values may hold any byte of a URL, a file name or a text: tab, newline, CR and backslash are
// escaped, as in a part's .done marker.
void append_field(std::string& out, std::string_view v) {
  out.push_back('\t');
  for (char c : v) {
    if (c == '\\') out += "\\\\";
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else out.push_back(c);
  }
}

std::string unescape_field(std::string_view v) {
  std::string out;
  out.reserve(v.size());
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] != '\\' || i + 1 == v.size()) {
      out.push_back(v[i]);
      continue;
    }
    char c = v[++i];
    out.push_back(c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c);
  }
  return out;
}

void append_number(std::string& out, uint64_t v) {
  out.push_back('\t');
  out += std::to_string(v);
}

bool parse_number(std::string_view s, uint64_t& v) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return !s.empty() && ec == std::errc() && end == s.data() + s.size();
}

// Cuts s to at most max bytes without splitting a UTF-8 character.
std::string_view cut_utf8(std::string_view s, size_t max) {
  if (s.size() <= max) return s;
  size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

std::string bounded(std::string_view s) { return std::string(cut_utf8(s, kSampleFieldBytes)); }

}  // namespace

size_t length_bin(uint64_t text_bytes) {
  auto it = std::upper_bound(kLengthBinEdges.begin(), kLengthBinEdges.end(), text_bytes);
  return static_cast<size_t>(it - kLengthBinEdges.begin()) - 1;
}

std::string url_host(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (size_t at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
  if (!rest.empty() && rest.front() == '[') {  // IPv6 literal: the port follows the bracket
    size_t close = rest.find(']');
    rest = rest.substr(0, close == std::string_view::npos ? rest.size() : close + 1);
  } else if (size_t colon = rest.find(':'); colon != std::string_view::npos) {
    rest = rest.substr(0, colon);
  }
  while (!rest.empty() && rest.back() == '.') rest.remove_suffix(1);
  std::string host = ascii_lowercase(cut_utf8(rest, kSampleFieldBytes));
  if (host.starts_with("www.")) host.erase(0, 4);
  return host;
}

std::string preview_of(std::string_view text) {
  // Lines are looked for in the first bytes only: a text of one long line costs no more.
  std::string_view window = text.substr(0, kSamplePreviewBytes + 1);
  size_t end = 0;
  for (size_t lines = 0; end < window.size() && lines < kSamplePreviewLines; ++lines) {
    size_t nl = window.find('\n', end);
    end = nl == std::string_view::npos ? window.size() : nl + 1;
  }
  std::string_view head = window.substr(0, end);
  bool cut = head.size() < text.size();
  if (head.size() > kSamplePreviewBytes) {
    head = cut_utf8(head, kSamplePreviewBytes);
    cut = true;
  }
  std::string out(trim(head));
  if (cut) out += " \xE2\x80\xA6";  // " …"
  return out;
}

void RunProfile::count(const RecordFacts& f) {
  if (!f.is_document) return;
  const bool written = f.reason.empty();
  if (!f.lang.empty()) {
    LabelCount& c = languages[std::string(f.lang)];
    ++c.seen;
    c.written += written;
  }
  if (!f.page_type.empty()) {
    LabelCount& c = page_types[std::string(f.page_type)];
    ++c.seen;
    c.written += written;
  }
  if (f.has_text) {
    LabelCount& c = lengths[length_bin(f.text_bytes)];
    ++c.seen;
    c.written += written;
  }
  HostCount& h = hosts[url_host(f.url)];
  ++h.records;
  h.rejected += !written;
}

bool RunProfile::wants_sample(std::string_view reason) const {
  auto it = samples_per_reason_.find(reason);
  return it == samples_per_reason_.end() || it->second < kSamplesPerReason;
}

void RunProfile::add_sample(Sample s) {
  size_t& n = samples_per_reason_[s.reason];
  if (n >= kSamplesPerReason) return;
  ++n;
  s.source = bounded(s.source);
  s.id = bounded(s.id);
  s.url = bounded(s.url);
  if (s.preview.size() > kSamplePreviewBytes + 8) s.preview = preview_of(s.preview);
  samples.push_back(std::move(s));
}

void RunProfile::trim_hosts() {
  if (hosts.size() <= kHostsPerPart) return;
  std::vector<std::pair<std::string, HostCount>> all(hosts.begin(), hosts.end());
  auto more = [](const auto& a, const auto& b) {
    if (a.second.rejected != b.second.rejected) return a.second.rejected > b.second.rejected;
    if (a.second.records != b.second.records) return a.second.records > b.second.records;
    return a.first < b.first;
  };
  std::nth_element(all.begin(), all.begin() + kHostsPerPart, all.end(), more);
  hosts.clear();
  for (size_t i = 0; i < all.size(); ++i) {
    if (i < kHostsPerPart) {
      hosts.emplace(std::move(all[i].first), all[i].second);
    } else {
      other_hosts.records += all[i].second.records;
      other_hosts.rejected += all[i].second.rejected;
    }
  }
}

void RunProfile::merge(const RunProfile& o) {
  for (const auto& [k, v] : o.languages) {
    languages[k].seen += v.seen;
    languages[k].written += v.written;
  }
  for (const auto& [k, v] : o.page_types) {
    page_types[k].seen += v.seen;
    page_types[k].written += v.written;
  }
  for (size_t i = 0; i < lengths.size(); ++i) {
    lengths[i].seen += o.lengths[i].seen;
    lengths[i].written += o.lengths[i].written;
  }
  for (const auto& [k, v] : o.hosts) {
    hosts[k].records += v.records;
    hosts[k].rejected += v.rejected;
  }
  other_hosts.records += o.other_hosts.records;
  other_hosts.rejected += o.other_hosts.rejected;
  for (const Sample& s : o.samples)
    if (wants_sample(s.reason)) add_sample(s);
  parts.insert(parts.end(), o.parts.begin(), o.parts.end());
  parts_without_profile += o.parts_without_profile;
}

std::string RunProfile::to_tsv() const {
  std::string out;
  auto labels = [&](std::string_view kind, const std::map<std::string, LabelCount>& m) {
    for (const auto& [k, v] : m) {
      out += kind;
      append_field(out, k);
      append_number(out, v.seen);
      append_number(out, v.written);
      out += '\n';
    }
  };
  labels("lang", languages);
  labels("page_type", page_types);
  for (size_t i = 0; i < lengths.size(); ++i) {
    if (!lengths[i].seen) continue;
    out += "length";
    append_number(out, kLengthBinEdges[i]);
    append_number(out, lengths[i].seen);
    append_number(out, lengths[i].written);
    out += '\n';
  }
  std::map<std::string_view, HostCount> sorted_hosts(hosts.begin(), hosts.end());  // same bytes every run
  for (const auto& [k, v] : sorted_hosts) {
    out += "host";
    append_field(out, k);
    append_number(out, v.records);
    append_number(out, v.rejected);
    out += '\n';
  }
  if (other_hosts.records) {
    out += "other_hosts\t";
    append_number(out, other_hosts.records);
    append_number(out, other_hosts.rejected);
    out += '\n';
  }
  for (const PartTime& p : parts) {
    out += "part";
    append_number(out, static_cast<uint64_t>(p.start_unix_ms));
    append_number(out, p.millis);
    append_number(out, p.tick_every);
    out += '\n';
    for (const Tick& t : p.ticks) {
      out += "tick";
      append_number(out, t.millis);
      append_number(out, t.records);
      append_number(out, t.bytes_raw);
      out += '\n';
    }
  }
  for (const Sample& s : samples) {
    out += "sample";
    append_field(out, s.reason);
    append_field(out, s.source);
    append_number(out, s.record);
    append_number(out, s.offset);
    append_field(out, s.id);
    append_field(out, s.url);
    append_field(out, s.preview);
    out += '\n';
  }
  if (parts_without_profile) {
    out += "parts_without_profile";
    append_number(out, parts_without_profile);
    out += '\n';
  }
  return out;
}

bool RunProfile::parse_tsv(std::string_view tsv, RunProfile& out) {
  out = RunProfile{};
  size_t pos = 0;
  std::vector<std::string_view> f;
  while (pos < tsv.size()) {
    size_t nl = tsv.find('\n', pos);
    if (nl == std::string_view::npos) return false;  // every line ends with a newline
    std::string_view line = tsv.substr(pos, nl - pos);
    pos = nl + 1;
    f.clear();
    for (size_t from = 0;;) {
      size_t tab = line.find('\t', from);
      f.push_back(line.substr(from, tab == std::string_view::npos ? std::string_view::npos : tab - from));
      if (tab == std::string_view::npos) break;
      from = tab + 1;
    }
    std::string_view kind = f[0];
    uint64_t a = 0, b = 0, c = 0;
    if (kind == "lang" || kind == "page_type") {
      if (f.size() != 4 || !parse_number(f[2], a) || !parse_number(f[3], b)) return false;
      LabelCount& l = (kind == "lang" ? out.languages : out.page_types)[unescape_field(f[1])];
      l.seen += a;
      l.written += b;
    } else if (kind == "length") {
      if (f.size() != 4 || !parse_number(f[1], c) || !parse_number(f[2], a) || !parse_number(f[3], b)) return false;
      LabelCount& l = out.lengths[length_bin(c)];
      l.seen += a;
      l.written += b;
    } else if (kind == "host" || kind == "other_hosts") {
      if (f.size() != 4 || !parse_number(f[2], a) || !parse_number(f[3], b)) return false;
      HostCount& h = kind == "host" ? out.hosts[unescape_field(f[1])] : out.other_hosts;
      h.records += a;
      h.rejected += b;
    } else if (kind == "part") {
      if (f.size() != 4 || !parse_number(f[1], a) || !parse_number(f[2], b) || !parse_number(f[3], c)) return false;
      out.parts.push_back({.start_unix_ms = static_cast<int64_t>(a), .millis = b, .tick_every = c, .ticks = {}});
    } else if (kind == "tick") {
      if (f.size() != 4 || out.parts.empty() || !parse_number(f[1], a) || !parse_number(f[2], b) ||
          !parse_number(f[3], c))
        return false;
      out.parts.back().ticks.push_back({a, b, c});
    } else if (kind == "sample") {
      Sample s;
      if (f.size() != 8 || !parse_number(f[3], s.record) || !parse_number(f[4], s.offset)) return false;
      s.reason = unescape_field(f[1]);
      s.source = unescape_field(f[2]);
      s.id = unescape_field(f[5]);
      s.url = unescape_field(f[6]);
      s.preview = unescape_field(f[7]);
      out.add_sample(std::move(s));
    } else if (kind == "parts_without_profile") {
      if (f.size() != 2 || !parse_number(f[1], a)) return false;
      out.parts_without_profile += a;
    } else {
      return false;
    }
  }
  return true;
}

void PartClock::start(PartTime& time) {
  start_steady_ms_ = now_ms(std::chrono::steady_clock::now());
  time.start_unix_ms = now_ms(std::chrono::system_clock::now());
  time.millis = 0;
  time.tick_every = kTickMillis;
  time.ticks.clear();
}

uint64_t PartClock::elapsed_ms() const {
  return static_cast<uint64_t>(std::max<int64_t>(0, now_ms(std::chrono::steady_clock::now()) - start_steady_ms_));
}

void add_tick(PartTime& time, const Tick& tick) {
  uint64_t last = time.ticks.empty() ? 0 : time.ticks.back().millis;
  if (tick.millis < last + time.tick_every) return;
  if (time.ticks.size() >= kTicksPerPart) {
    // Every second tick goes, the interval doubles: the first ticks stay as far apart as the rest.
    size_t kept = 0;
    for (size_t i = 1; i < time.ticks.size(); i += 2) time.ticks[kept++] = time.ticks[i];
    time.ticks.resize(kept);
    time.tick_every *= 2;
    if (tick.millis < time.ticks.back().millis + time.tick_every) return;
  }
  time.ticks.push_back(tick);
}

void PartClock::tick(uint64_t records, uint64_t bytes_raw, PartTime& time) {
  add_tick(time, {elapsed_ms(), records, bytes_raw});
}

void PartClock::finish(uint64_t records, uint64_t bytes_raw, PartTime& time) {
  time.millis = elapsed_ms();
  if (time.ticks.empty() || time.ticks.back().records != records) time.ticks.push_back({time.millis, records, bytes_raw});
}

}  // namespace pith::report
