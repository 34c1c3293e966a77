#include "extract/metadata.h"

#include "core/strings.h"

namespace pith {

namespace {

std::string meta_content(const Document& doc, std::string_view key) {
  for (NodeId n = doc.root(); n != kNoNode; n = doc.next_in_subtree(n, doc.root())) {
    if (!doc.is_element(n, Tag::k_meta)) continue;
    if (iequals(doc.attr(n, "property"), key) || iequals(doc.attr(n, "name"), key))
      return collapse_whitespace(doc.attr(n, "content"));
  }
  return {};
}

}  // namespace

void extract_metadata(const Document& doc, const PageInfo& page, const ContentSelection& sel, Extraction& out) {
  out.url = std::string(page.url);
  std::string title = meta_content(doc, "og:title");
  if (title.empty()) {
    for (NodeId n = doc.root(); n != kNoNode; n = doc.next_in_subtree(n, doc.root())) {
      if (doc.is_element(n, Tag::k_h1)) {
        std::string t;
        doc.append_text(n, t);
        title = collapse_whitespace(t);
        if (!title.empty()) break;
      }
    }
  }
  out.title = title;
  out.description = meta_content(doc, "description");
  out.sitename = meta_content(doc, "og:site_name");
  out.image = meta_content(doc, "og:image");
  std::string author = meta_content(doc, "author");
  if (!author.empty()) out.author = {author, "meta"};
  std::string date = meta_content(doc, "article:published_time");
  if (date.size() >= 10) out.date = {date.substr(0, 10), "meta"};
  for (NodeId n = doc.root(); n != kNoNode; n = doc.next_in_subtree(n, doc.root())) {
    if (doc.is_element(n, Tag::k_html)) {
      out.lang = collapse_whitespace(doc.attr(n, "lang"));
      break;
    }
  }
}

}  // namespace pith
