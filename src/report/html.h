// The HTML that pith's reports are made of (pith run's report.html, pith inspect's pages):
// escaping, and a self-contained page shell that opens from disk and loads nothing.
//
// Everything a report shows that came from a crawl (hosts, ids, URLs, text) is data, never
// markup: it goes through append_escaped, and the page's Content-Security-Policy forbids every
// network load, so that even a bug in escaping cannot fetch or run anything from outside.
#pragma once
#include <string>
#include <string_view>

namespace pith::report {

// Appends text escaped for HTML element content and quoted attribute values (& < > " ' become
// entities). Bytes that are not UTF-8 become U+FFFD, so a hostile record cannot break the page's
// encoding.
void append_escaped(std::string& out, std::string_view text);
std::string escape_html(std::string_view text);

// Appends JSON text for use inside an inline <script> element: every '<' becomes \u003c (JSON
// has '<' only inside strings, where the escape means the same), so "</script>" or "<!--" in the
// data cannot end or change the script element.
void append_json_for_script(std::string& out, std::string_view json);

// The Content-Security-Policy of every report: nothing from the network or another file
// (default-src 'none'), inline styles, images only as data: URLs, no forms, no <base>; inline
// script only when the page has a script and only that script (its nonce).
// form_action: where the page's forms may post (a CSP source list such as "'self'"); empty for
// none.
std::string content_security_policy(std::string_view script_nonce, std::string_view form_action = {});

struct PageShell {
  std::string_view title;       // escaped here
  std::string_view extra_css;   // appended to the shared style sheet; pith's own, not data
  std::string_view script;      // pith's own inline JavaScript, or empty for a page without one
  std::string_view form_action = {};  // CSP form-action sources (pith serve's form: "'self'"); empty: no forms
};

// The Content-Security-Policy that page_begin writes into the page's <meta>, for a server to
// send as a header too.
std::string page_content_security_policy(const PageShell& shell);

// The start of a page: doctype, charset, the CSP meta, the title, the style sheet, <body>.
// The body's content follows; page_end closes it (and carries the script, if any, whose nonce
// page_begin put into the CSP: both take the same shell).
void page_begin(std::string& out, const PageShell& shell);
void page_end(std::string& out, const PageShell& shell);

// The shared style sheet: system fonts, tables, the chart classes, collapsible <details>.
std::string_view base_css();

// Building blocks of the reports (run and dedup), every text escaped: a section heading, a
// paragraph with a class, a summary card (its value over its name).
void append_heading(std::string& out, std::string_view id, std::string_view title);
void append_paragraph(std::string& out, std::string_view css_class, std::string_view text);
void append_card(std::string& out, std::string_view id, std::string_view name, std::string_view value);

}  // namespace pith::report
