// The page of pith serve (pith/inspect.h inspect_form_page): a form without script that posts a
// pasted or chosen page to the same server. Its policy loads nothing and lets the form post to
// its own origin only, so even a page served under another origin's name cannot redirect it.
#include <string>

#include "pith/inspect.h"
#include "report/html.h"

namespace pith {

namespace {

constexpr std::string_view kFormCss = R"css(
body{max-width:60rem}
form{display:grid;gap:.75rem}
label{font-weight:600}
label .muted{font-weight:400}
input[type=text],textarea{font:inherit;width:100%;padding:.35rem .5rem;border:1px solid var(--line);border-radius:4px}
textarea{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px;min-height:18rem}
fieldset{border:1px solid var(--line);border-radius:4px;padding:.4rem .75rem}
fieldset label{font-weight:400;margin-right:1.25rem}
button{font:inherit;font-weight:600;padding:.45rem 1.25rem;border:1px solid var(--accent);background:var(--accent);color:#fff;border-radius:4px;cursor:pointer;justify-self:start}
)css";

// Bytes as people read them: "64 MiB", "512 KiB", "1000 bytes".
std::string describe_bytes(size_t n) {
  if (n >= (1u << 20) && n % (1u << 20) == 0) return std::to_string(n >> 20) + " MiB";
  if (n >= (1u << 10) && n % (1u << 10) == 0) return std::to_string(n >> 10) + " KiB";
  return std::to_string(n) + " bytes";
}

}  // namespace

InspectFormPage inspect_form_page(const InspectFormOptions& options) {
  report::PageShell shell{.title = "pith: inspect a page", .extra_css = kFormCss, .script = {}, .form_action = "'self'"};
  InspectFormPage page;
  page.content_security_policy = report::page_content_security_policy(shell);
  std::string& out = page.html;
  report::page_begin(out, shell);
  out += "<h1>pith: inspect a page</h1>\n<p class=\"muted\">Paste a page's HTML or choose a file: pith shows the "
         "blocks it keeps and drops, with the rule for each, the metadata and where it came from, and the text, "
         "Markdown and JSON it writes. Nothing is fetched (not even the URL), written or kept: each page is "
         "inspected in memory and forgotten.</p>\n";
  out += "<form id=\"inspect-form\" method=\"post\" enctype=\"multipart/form-data\" accept-charset=\"utf-8\" action=\"";
  report::append_escaped(out, options.action);
  out += "\">\n";
  out += "<label for=\"url\">URL <span class=\"muted\">(optional: metadata such as the site and the date in the "
         "path; never fetched)</span></label>\n<input type=\"text\" inputmode=\"url\" id=\"url\" name=\"";
  report::append_escaped(out, kInspectFieldUrl);
  out += "\" placeholder=\"https://example.com/2024/05/01/story\" autocomplete=\"off\">\n";
  out += "<label for=\"html\">HTML</label>\n<textarea id=\"html\" name=\"";
  report::append_escaped(out, kInspectFieldHtml);
  out += "\" spellcheck=\"false\" placeholder=\"&lt;!doctype html&gt;&lt;html&gt;...\"></textarea>\n";
  out += "<label for=\"file\">or a file <span class=\"muted\">(used instead of the text above)</span></label>\n"
         "<input type=\"file\" id=\"file\" name=\"";
  report::append_escaped(out, kInspectFieldFile);
  out += "\">\n<fieldset><legend>The page is</legend><label><input type=\"radio\" name=\"";
  report::append_escaped(out, kInspectFieldKind);
  out += "\" value=\"html\" id=\"kind-html\" checked> HTML (pith extract)</label><label><input type=\"radio\" "
         "name=\"";
  report::append_escaped(out, kInspectFieldKind);
  out += "\" value=\"text\" id=\"kind-text\"> text a crawler extracted (pith clean)</label></fieldset>\n";
  out += "<button type=\"submit\" id=\"inspect\">Inspect</button>\n</form>\n";
  out += "<p class=\"muted\" id=\"limits\">Up to " + describe_bytes(options.max_bytes) + " and " +
         std::to_string(options.max_millis) + " ms per page.</p>\n";
  report::page_end(out, shell);
  return page;
}

}  // namespace pith
