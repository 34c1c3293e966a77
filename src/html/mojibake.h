// Double-encoded UTF-8 ("mojibake"): UTF-8 text that was once read as windows-1252 and saved as
// UTF-8 again, so that "it’s" reads "itâ€™s" and "café" reads "cafÃ©". Crawled pages carry it
// where a database or a template re-encoded the article; the bytes are valid UTF-8, so no
// charset rule sees it, and every word holding such a character is lost to search and training.
#pragma once
#include <cstddef>
#include <string>

namespace pith {

// Repairs double-encoded sequences in s (UTF-8) in place and returns how many it repaired (0:
// s is unchanged). A sequence is the windows-1252 (or Latin-1, for C1 controls) reading of one
// UTF-8 character of 2-4 bytes. Only unmistakable ones count as evidence: a reading of 3 or 4
// bytes ("â€™", "æ¬¢"), or of 2 bytes that opens with "Â" or "Ã" ("Ã©", "Â°"); an accented
// letter followed by a symbol ("É®", "×\u00A0") is ordinary text. Nothing changes unless there
// are 2 such sequences and they are the page's main kind of non-ASCII text or there are 8 of
// them (a page that quotes one mojibake example is left as written). Where they are the main
// kind, the 2-byte readings of other lead letters ("Ð¡" for "С") are repaired too.
size_t repair_double_encoded_utf8(std::string& s);

}  // namespace pith
