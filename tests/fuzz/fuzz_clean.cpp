// libFuzzer target: raw bytes -> pith::Cleaner (pith clean's engine), through the public API.
//   byte 0: option bits (keep the headline, list the dropped lines, a small line budget)
//   byte 1: the page URL, an index into kUrls (none, an article with words in its path, a forum
//           thread, a section page)
//   the rest: the text
// Beyond "no crash, no leak, no UB" (the sanitizers), it checks what every clean promises:
// valid UTF-8 out without NUL bytes, a date that is YYYY-MM-DD or empty, kept lines within the
// page's lines, every dropped line numbered within the page and with a known reason, an error
// with a message otherwise.
// Built with -DPITH_FUZZ=ON (clang, `make fuzz-clean`); replayed over tests/fuzz/corpus-clean by
// the ctest fuzz_clean_replay with any compiler (replay_main.cpp). See README.md.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "pith/clean.h"

namespace {

constexpr std::string_view kUrls[] = {"", "https://news.example.org/2023/03/21/library-opening-hours-extended",
                                      "https://forum.example.org/threads/library-hours.1234/",
                                      "https://www.example.com/topic/libraries/"};

void check(bool ok, const char* what) { pith::fuzz::check(ok, "fuzz_clean", what); }

pith::Cleaner& cleaner_for(uint8_t bits) {
  return pith::fuzz::engine_for<pith::Cleaner>(bits, [](uint8_t b) {
    pith::CleanOptions o;
    o.keep_title = b & 1;
    o.list_dropped = b & 2;
    o.max_input_bytes = 1 << 20;
    if (b & 4) o.max_line_bytes = 64;
    return std::make_unique<pith::Cleaner>(o);
  });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  const uint8_t bits = data[0] & 7;
  const std::string_view url = kUrls[data[1] % std::size(kUrls)];
  const std::string_view text(reinterpret_cast<const char*>(data + 2), size - 2);

  auto r = cleaner_for(bits).clean(text, url);
  if (!r) {
    check(!r.error().message.empty(), "an error has a message");
    return 0;
  }
  const pith::Cleaned& c = *r;
  check(pith::fuzz::clean_utf8(c.text), "text is valid UTF-8 without NUL");
  check(pith::fuzz::clean_utf8(c.title), "title is valid UTF-8 without NUL");
  check(c.date.empty() || (c.date.size() == 10 && c.date[4] == '-' && c.date[7] == '-'), "date is YYYY-MM-DD");
  check(c.kept_lines <= c.lines, "kept lines within the page's lines");
  check(c.text.empty() == (c.kept_lines == 0), "text is empty exactly when no line is kept");
  static const std::set<std::string_view> names(pith::drop_reason_names().begin(), pith::drop_reason_names().end());
  for (const auto& d : c.dropped) {
    check(names.count(d.reason) == 1, "a dropped line has a known reason");
    check(d.line >= 1, "dropped lines are numbered from 1");
    check(pith::fuzz::clean_utf8(d.text), "a dropped line's preview is valid UTF-8 without NUL");
  }
  return 0;
}
