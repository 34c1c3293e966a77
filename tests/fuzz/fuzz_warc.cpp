// libFuzzer target: raw bytes -> WarcReader over memory_source (plain, gzip or zstd, sniffed;
// WARC 1.x, WARC/0.17-0.18 or ARC, told apart by content), and the HTTP parts of what it reads.
//   byte 0: option bits (zlib instead of ISA-L, a small block cap, keep every block, a small
//           header cap)
//   the rest: the crawl file
// Beyond "no crash, no leak, no UB" (the sanitizers), it checks the reader's promises: every
// call that is not the end moves on by at least one byte (so reading ends) and offsets never go
// back; a bad record has a one-line message of printable bytes; a record has a type and a kept
// block is exactly Content-Length bytes, within the cap (memory stays bounded by the caps);
// stream errors have messages; dechunk never grows a body; unsupported_crawl_format is nothing
// or one printable line.
// Built with -DPITH_FUZZ=ON (clang, `make fuzz-warc`); replayed over tests/fuzz/corpus-warc by
// the ctest fuzz_warc_replay with any compiler (replay_main.cpp). See README.md.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "io/warc_reader.h"

namespace {

void check(bool ok, const char* what) { pith::fuzz::check(ok, "fuzz_warc", what); }

bool printable_line(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) return false;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const uint8_t bits = data[0];
  const std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);

  if (auto m = pith::unsupported_crawl_format(bytes)) check(!m->empty() && printable_line(*m), "format message");

  pith::WarcReaderOptions opt;
  if (bits & 2) opt.max_block_bytes = 300;
  opt.keep_all_blocks = bits & 4;
  if (bits & 8) opt.max_header_bytes = 200;
  pith::WarcReader reader(pith::memory_source(bytes, bits & 1 ? pith::Inflater::kZlib : pith::Inflater::kIsal), opt);
  pith::WarcRecord rec;
  uint64_t last_offset = 0, last_record = 0;
  while (true) {
    const uint64_t before = reader.offset();
    auto st = reader.next(rec);
    for (const auto& e : reader.take_stream_errors()) check(!e.message.empty(), "a stream error has a message");
    check(reader.offset() >= last_offset, "offset never goes back");
    last_offset = reader.offset();
    if (st == pith::WarcReader::kEnd) break;
    check(reader.offset() > before, "a record moves on by at least one byte");
    check(rec.offset >= before && rec.offset < reader.offset(), "a record's offset lies in the bytes it took");
    check(rec.offset >= last_record, "record offsets never go back");
    last_record = rec.offset;
    if (st == pith::WarcReader::kBad) {
      check(!rec.error.message.empty(), "a bad record has a message");
      check(printable_line(rec.error.message), "a message is one line of printable bytes");
      check(!rec.block_kept && rec.block.empty(), "a bad record keeps no block");
      continue;
    }
    check(!rec.type.empty(), "a record has a type");
    check(!rec.version.empty(), "a record has a version");
    if (rec.block_kept) {
      check(rec.block.size() == rec.content_length, "a kept block is Content-Length bytes");
      check(rec.content_length <= opt.max_block_bytes, "a kept block is within the cap");
      if (auto http = pith::parse_http_response(rec.block)) {
        check(http->body.size() <= rec.block.size(), "the body lies in the block");
        check(pith::dechunk(http->body).size() <= http->body.size(), "dechunk never grows a body");
      }
    } else {
      check(rec.block.empty(), "a skipped block is not kept");
    }
  }
  return 0;
}
