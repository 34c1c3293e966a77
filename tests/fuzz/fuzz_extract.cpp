// libFuzzer target: raw bytes -> decode -> parse -> select -> render, through the public API.
//   byte 0: option bits (markdown, comments, explain, links, images, no tables, precision,
//           html5 parser)
//   byte 1: the caller's charset hint, an index into kHints
//   the rest: the page
// Beyond "no crash, no leak, no UB" (the sanitizers), it checks what every extraction
// promises: valid UTF-8 out, no NUL bytes, a one-line JSON record, a named error otherwise.
// Built with -DPITH_FUZZ=ON (clang, `make fuzz`); replayed over tests/fuzz/corpus by the
// normal tests (replay_test.cpp) and by fuzz_extract_replay FILE... with any compiler
// (replay_main.cpp). See README.md.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "pith/extract.h"

namespace {

constexpr std::string_view kHints[] = {"",          "utf-8",    "windows-1252", "shift_jis", "utf-16le",
                                       "utf-16be",  "gbk",      "euc-kr",       "big5",      "iso-2022-jp",
                                       "x-unknown", "koi8-r",   "euc-jp",       "gb18030",   "iso-8859-8-i",
                                       "utf-16"};

void check(bool ok, const char* what) { pith::fuzz::check(ok, "fuzz_extract", what); }

pith::Extractor& extractor_for(uint8_t bits) {
  return pith::fuzz::engine_for<pith::Extractor>(bits, [](uint8_t b) {
    pith::Options o;
    o.markdown = b & 1;
    o.comments = b & 2;
    o.explain = b & 4;
    o.links = b & 8;
    o.images = b & 16;
    o.tables = !(b & 32);
    o.favor = b & 64 ? pith::Favor::kPrecision : pith::Favor::kBalanced;
    o.parser = b & 128 ? pith::Parser::kHtml5 : pith::Parser::kLibxml2;
    // Small budgets keep each run fast; the caps themselves are under test too.
    o.budgets.max_input_bytes = 1 << 20;
    o.budgets.max_nodes = 50'000;
    o.budgets.max_depth = 200;
    o.budgets.max_millis = 2'000;
    return std::make_unique<pith::Extractor>(o);
  });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  const uint8_t bits = data[0];
  pith::PageInfo info;
  info.charset = kHints[data[1] % std::size(kHints)];
  info.url = "https://example.com/2024/05/17/fuzz";
  std::string_view page(reinterpret_cast<const char*>(data + 2), size - 2);

  auto r = extractor_for(bits).extract(page, info);
  if (!r) {
    check(!r.error().message.empty(), "an error has a message");
    check(pith::error_code_name(r.error().code) != "unknown", "an error has a known code");
    return 0;
  }
  const pith::Extraction& e = *r;
  for (std::string_view s : {std::string_view(e.text), std::string_view(e.markdown), std::string_view(e.comments),
                             std::string_view(e.title), std::string_view(e.author.value), std::string_view(e.date.value),
                             std::string_view(e.description), std::string_view(e.sitename)}) {
    check(pith::fuzz::clean_utf8(s), "output is valid UTF-8 without NUL");
  }
  check(!e.charset.empty(), "the charset is named");
  std::string json;
  pith::write_json(e, "fuzz.html", json);
  check(pith::is_valid_utf8(json), "JSON is valid UTF-8");
  check(json.find('\n') == std::string::npos, "JSON is one line");
  check(json.front() == '{' && json.back() == '}', "JSON is one object");
  return 0;
}
