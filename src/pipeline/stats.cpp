#include "pipeline/stats.h"

#include <charconv>

#include "core/json_writer.h"

namespace pith {

StageCounts& RunStats::stage(const std::string& name) {
  auto it = stages.find(name);
  if (it != stages.end()) return it->second;
  stage_order.push_back(name);
  return stages[name];
}

void RunStats::add(const RunStats& o) {
  files += o.files;
  records += o.records;
  written += o.written;
  rejected += o.rejected;
  bytes_raw += o.bytes_raw;
  bytes_uncompressed += o.bytes_uncompressed;
  text_bytes_written += o.text_bytes_written;
  emails_masked += o.emails_masked;
  ips_masked += o.ips_masked;
  for (const auto& name : o.stage_order) {
    const StageCounts& src = o.stages.at(name);
    StageCounts& dst = stage(name);
    dst.in += src.in;
    dst.kept += src.kept;
    for (const auto& [k, v] : src.dropped) dst.dropped[k] += v;
  }
  for (const auto& [k, v] : o.input_errors) input_errors[k] += v;
}

std::string RunStats::to_tsv() const {
  std::string out;
  auto line = [&](std::string_view a, std::string_view b, std::string_view c, uint64_t v) {
    out.append(a).append("\t").append(b).append("\t").append(c).append("\t").append(std::to_string(v)).append("\n");
  };
  line("files", "", "", files);
  line("records", "", "", records);
  line("written", "", "", written);
  line("rejected", "", "", rejected);
  line("bytes_raw", "", "", bytes_raw);
  line("bytes_uncompressed", "", "", bytes_uncompressed);
  line("text_bytes_written", "", "", text_bytes_written);
  line("emails_masked", "", "", emails_masked);
  line("ips_masked", "", "", ips_masked);
  for (const auto& name : stage_order) {
    const StageCounts& s = stages.at(name);
    line("stage_in", name, "", s.in);
    line("stage_kept", name, "", s.kept);
    for (const auto& [k, v] : s.dropped) line("stage_dropped", name, k, v);
  }
  for (const auto& [k, v] : input_errors) line("input_error", k, "", v);
  return out;
}

bool RunStats::parse_tsv(std::string_view tsv, RunStats& o) {
  o = RunStats{};
  size_t pos = 0;
  while (pos < tsv.size()) {
    size_t nl = tsv.find('\n', pos);
    if (nl == std::string_view::npos) return false;  // a marker always ends with a newline
    std::string_view line = tsv.substr(pos, nl - pos);
    pos = nl + 1;
    std::string_view f[4];
    for (int i = 0; i < 3; ++i) {
      size_t tab = line.find('\t');
      if (tab == std::string_view::npos) return false;
      f[i] = line.substr(0, tab);
      line.remove_prefix(tab + 1);
    }
    f[3] = line;
    uint64_t v = 0;
    if (std::from_chars(f[3].data(), f[3].data() + f[3].size(), v).ec != std::errc()) return false;
    std::string a(f[0]), b(f[1]), c(f[2]);
    if (a == "files") o.files = v;
    else if (a == "records") o.records = v;
    else if (a == "written") o.written = v;
    else if (a == "rejected") o.rejected = v;
    else if (a == "bytes_raw") o.bytes_raw = v;
    else if (a == "bytes_uncompressed") o.bytes_uncompressed = v;
    else if (a == "text_bytes_written") o.text_bytes_written = v;
    else if (a == "emails_masked") o.emails_masked = v;
    else if (a == "ips_masked") o.ips_masked = v;
    else if (a == "stage_in") o.stage(b).in = v;
    else if (a == "stage_kept") o.stage(b).kept = v;
    else if (a == "stage_dropped") o.stage(b).dropped[c] = v;
    else if (a == "input_error") o.input_errors[b] = v;
    else return false;
  }
  return true;
}

std::string RunStats::to_json(std::string_view extra) const {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.field("files", files);
  w.field("records", records);
  w.field("written", written);
  w.field("rejected", rejected);
  // rejected, by "stage/reason": these add up to `rejected`
  w.key("rejected_by_reason").begin_object();
  for (const auto& name : stage_order)
    for (const auto& [k, v] : stages.at(name).dropped) w.field(name + "/" + k, v);
  w.end_object();
  w.key("stages").begin_array();
  for (const auto& name : stage_order) {
    const StageCounts& s = stages.at(name);
    w.begin_object().field("stage", name).field("in", s.in).field("kept", s.kept);
    w.key("dropped").begin_object();
    for (const auto& [k, v] : s.dropped) w.field(k, v);
    w.end_object().end_object();
  }
  w.end_array();
  w.key("input_errors").begin_object();
  for (const auto& [k, v] : input_errors) w.field(k, v);
  w.end_object();
  w.field("bytes_raw", bytes_raw);
  w.field("bytes_uncompressed", bytes_uncompressed);
  w.field("text_bytes_written", text_bytes_written);
  w.field("emails_masked", emails_masked);
  w.field("ips_masked", ips_masked);
  w.end_object();
  if (!extra.empty()) {
    out.pop_back();
    out += ",";
    out += extra;
    out += "}";
  }
  out += "\n";
  return out;
}

}  // namespace pith
