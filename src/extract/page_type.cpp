#include "extract/page_type.h"

namespace pith {

void classify_page_type(const Document& doc, const PageInfo& page, const ContentSelection& sel, Extraction& out) {
  // Placeholder until the classifier lands: pages with an <article> are articles.
  out.page_type = "other";
  out.page_type_confidence = 0.0;
  for (NodeId n = doc.root(); n != kNoNode; n = doc.next_in_subtree(n, doc.root())) {
    if (doc.is_element(n, Tag::k_article)) {
      out.page_type = "article";
      out.page_type_confidence = 0.5;
      break;
    }
  }
}

}  // namespace pith
