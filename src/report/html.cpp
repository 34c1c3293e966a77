#include "report/html.h"

#include <xxhash.h>

#include <cstdio>

#include "core/utf8.h"

namespace pith::report {

void append_escaped(std::string& out, std::string_view text) {
  std::string repaired;
  if (!is_valid_utf8(text)) {
    repair_utf8(text, repaired);
    text = repaired;
  }
  size_t plain_from = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    std::string_view entity;
    switch (text[i]) {
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '"': entity = "&quot;"; break;
      case '\'': entity = "&#39;"; break;
      case '\0': entity = "\xEF\xBF\xBD"; break;  // NUL is a parse error in HTML: U+FFFD
      default: continue;
    }
    out.append(text.substr(plain_from, i - plain_from));
    out.append(entity);
    plain_from = i + 1;
  }
  out.append(text.substr(plain_from));
}

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  append_escaped(out, text);
  return out;
}

void append_json_for_script(std::string& out, std::string_view json) {
  for (char c : json) {
    if (c == '<') out.append("\\u003c");
    else out.push_back(c);
  }
}

namespace {

// The nonce is a hash of the script: the page is a static file, so the nonce cannot be secret,
// but it ties the policy to pith's one script, and the same report comes out byte for byte.
std::string script_nonce(std::string_view script) {
  if (script.empty()) return {};
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(XXH3_64bits(script.data(), script.size())));
  return hex;
}

constexpr std::string_view kBaseCss = R"css(
:root{--fg:#1d2329;--muted:#5f6b76;--line:#d8dee4;--bg:#fff;--panel:#f6f8fa;--keep:#2f855a;--drop:#c53030;--accent:#2b6cb0}
*{box-sizing:border-box}
body{margin:0;padding:1.5rem 2rem;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:1.5rem;margin:0 0 .25rem}
h2{font-size:1.15rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
h3{font-size:1rem;margin:1rem 0 .25rem}
.muted{color:var(--muted)}
table{border-collapse:collapse;margin:.5rem 0}
th,td{padding:.2rem .6rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
pre{white-space:pre-wrap;word-break:break-word;background:var(--panel);padding:.5rem;margin:.25rem 0;border-radius:4px}
details{margin:.25rem 0}
summary{cursor:pointer}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:1rem 2rem}
.card{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:.75rem 1rem}
svg.chart{display:block;max-width:100%;height:auto;font:11px system-ui,sans-serif}
svg.chart .bar{fill:var(--accent)}
svg.chart .bar.drop{fill:var(--drop)}
svg.chart .bar.keep{fill:var(--keep)}
svg.chart .axis{stroke:var(--muted);stroke-width:1}
svg.chart .grid{stroke:var(--line);stroke-width:1}
svg.chart .line{fill:none;stroke:var(--accent);stroke-width:2}
svg.chart .point{fill:var(--accent)}
svg.chart text{fill:var(--fg)}
svg.chart text.label{fill:var(--muted)}
)css";

}  // namespace

std::string_view base_css() { return kBaseCss; }

std::string content_security_policy(std::string_view script_nonce_value, std::string_view form_action) {
  std::string policy =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'none'; "
      "connect-src 'none'; form-action ";
  policy += form_action.empty() ? std::string_view("'none'") : form_action;
  policy += "; base-uri 'none'; script-src ";
  if (script_nonce_value.empty()) {
    policy += "'none'";
  } else {
    policy += "'nonce-";
    policy += script_nonce_value;
    policy += "'";
  }
  return policy;
}

std::string page_content_security_policy(const PageShell& shell) {
  return content_security_policy(script_nonce(shell.script), shell.form_action);
}

void page_begin(std::string& out, const PageShell& shell) {
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"";
  append_escaped(out, page_content_security_policy(shell));
  out += "\">\n<meta name=\"referrer\" content=\"no-referrer\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  append_escaped(out, shell.title);
  out += "</title>\n<style>";
  out += kBaseCss;
  out += shell.extra_css;
  out += "</style>\n</head>\n<body>\n";
}

void page_end(std::string& out, const PageShell& shell) {
  if (!shell.script.empty()) {
    out += "<script nonce=\"";
    out += script_nonce(shell.script);
    out += "\">\n";
    out += shell.script;
    out += "\n</script>\n";
  }
  out += "</body>\n</html>\n";
}

void append_heading(std::string& out, std::string_view id, std::string_view title) {
  out += "<h2 id=\"";
  out += id;
  out += "\">";
  append_escaped(out, title);
  out += "</h2>\n";
}

void append_paragraph(std::string& out, std::string_view css_class, std::string_view text) {
  out += "<p class=\"";
  out += css_class;
  out += "\">";
  append_escaped(out, text);
  out += "</p>\n";
}

void append_card(std::string& out, std::string_view id, std::string_view name, std::string_view value) {
  out += "<div class=\"card\" id=\"";
  out += id;
  out += "\"><div class=\"value\">";
  append_escaped(out, value);
  out += "</div><div class=\"name\">";
  append_escaped(out, name);
  out += "</div></div>";
}

}  // namespace pith::report
