// Pages that have no main content at all: error pages (404, 410, "page not found", "no longer
// available", "access denied"), search pages with no results and login walls. What pith would
// otherwise extract from them is their chrome or the notice itself; the main text of such a page
// is empty, and a warning names why (kNoMainContentWarning + the reason).
//
// The signals hold across sites and languages: the HTTP status when the caller knows it; the
// notice in the page's <title> or <h1> (a phrase table in several languages, data below in
// no_content.cpp); the notice at the head of a short text, on its own or with robots noindex;
// a search URL or title with a "no results" notice; a password field under a "Sign in" title.
// Each rule but the HTTP status also asks that the text left is short: a real article about a
// 404 error or about logging in is long.
#pragma once
#include <string_view>

#include "extract/content.h"
#include "html/dom.h"
#include "pith/extract.h"

namespace pith {

// Why the page holds no main content ("http_status", "error_page", "no_results", "login_wall"),
// or empty when it may. text is the main text that the selection rendered.
std::string_view no_content_reason(const Document& doc, const PageInfo& page, std::string_view text);

}  // namespace pith
