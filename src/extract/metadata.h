// Metadata: title (the headline, not the <title> with the site name), author, published and
// modified dates, site name, description, language, tags, image and canonical URL, each with
// the signal it came from. Reads JSON-LD, <meta> tags, <time>, bylines and the URL.
#pragma once
#include "core/deadline.h"
#include "extract/content.h"
#include "html/dom.h"
#include "pith/extract.h"

namespace pith {

// Once the deadline is spent, the scan of the DOM stops where it is (the <head> comes first)
// and the fields come from what it found.
void extract_metadata(const Document& doc, const PageInfo& page, const ContentSelection& sel, Extraction& out,
                      Deadline* deadline = nullptr);

// The language of the page once its main text is known (out.text, out.lang from the markup).
// The markup's tag stands, except where CLD2 is sure the text is in another language: a page
// that names none (a third of some crawls), a tag that is no language ("utf"), or a template's
// tag whose script the text contradicts (lang="en" on every page of a Chinese site).
// lang_source is then "detected". Languages that CLD2 confuses with each other (Norwegian's
// written standards, Malay and Indonesian, the Serbo-Croatian standards) never overrule the page.
void settle_language(Extraction& out);

}  // namespace pith
