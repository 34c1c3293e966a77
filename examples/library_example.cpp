// The README's ten-line example, compiled with the tests so that it stays true.
#include <pith/pith.h>

#include <iostream>

int main() {
  pith::Extractor extractor;  // one per thread, reused across pages
  std::string html = "<html><body><article><p>Hello, world.</p></article></body></html>";
  pith::Result<pith::Extraction> r = extractor.extract(html, {.url = "https://example.com/"});
  if (!r) {
    std::cerr << r.error().message << "\n";
    return 1;
  }
  std::cout << r->title << "\n" << r->text << "\n";
}
