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

}  // namespace pith
