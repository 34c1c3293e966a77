// The report of pith inspect (pith/inspect.h): one page of HTML made of escaped text, pith's own
// style sheet and pith's own script (tabs, opening a block); nothing of the inspected page is
// markup, and the Content-Security-Policy of report/html.h forbids every load.
#include "pith/inspect.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <unordered_map>

#include "core/strings.h"
#include "core/utf8.h"
#include "report/html.h"
#include "text/clean_json.h"

namespace pith {

namespace {

using report::append_escaped;

// Page types below this confidence are marked as unsure in the report and the index: the
// classifier's own guesses below 0.5 are wrong about as often as right on the dev set.
constexpr double kLowConfidence = 0.5;

constexpr std::string_view kInspectCss = R"css(
body{padding:1rem 1.5rem}
header.top{margin-bottom:.75rem}
header.top .where{word-break:break-all}
.counts span{display:inline-block;margin-right:1rem}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 380px;gap:1.5rem;align-items:start}
@media (max-width:900px){.layout{grid-template-columns:1fr}}
.tabs{display:flex;gap:.25rem;border-bottom:1px solid var(--line);margin-bottom:.75rem}
.tabs button{font:inherit;border:1px solid var(--line);border-bottom:none;background:var(--panel);padding:.3rem .8rem;border-radius:4px 4px 0 0;cursor:pointer}
.tabs button.active{background:var(--bg);font-weight:600;position:relative;top:1px}
.tab{display:none}.tab.active{display:block}
.filters{margin:.25rem 0 .5rem;color:var(--muted)}
ol.blocks{list-style:none;padding:0;margin:0}
.blk{border-left:3px solid var(--keep);padding:.35rem .6rem;margin:.3rem 0;cursor:pointer;border-radius:2px}
.blk:hover{background:var(--panel)}
.blk .txt{white-space:pre-wrap;word-break:break-word}
.blk.dropped{border-left-color:var(--drop);color:#7a828a;background:#f4f4f5}
.blk.dropped .head{font-size:12.5px}
.blk.collapsed .txt{display:none}
.blk .rule{display:inline-block;font:12px ui-monospace,monospace;background:#fde8e8;color:var(--drop);padding:0 .35rem;border-radius:3px;margin-right:.4rem}
.blk .el{font:12px ui-monospace,monospace}
.blk .info{display:none;margin:.4rem 0 0;padding:.4rem .6rem;background:var(--bg);border:1px solid var(--line);border-radius:4px;color:var(--fg);font-size:12.5px}
.blk.open .info{display:grid;grid-template-columns:6.5rem 1fr;gap:.15rem .6rem}
.blk .info dt{color:var(--muted)}.blk .info dd{margin:0;word-break:break-word}
.hide-dropped .blk.dropped{display:none}
aside.side h2:first-child{margin-top:0}
aside.side table{width:100%;font-size:13px}
aside.side td{word-break:break-word}
td.src{color:var(--muted);font:12px ui-monospace,monospace;white-space:nowrap}
.low{color:var(--drop);font-weight:600}
.bar{display:inline-block;height:.6rem;background:var(--drop);border-radius:2px;vertical-align:middle}
.md{border:1px solid var(--line);border-radius:6px;padding:.25rem 1rem}
.md .md-target{color:var(--muted);font-size:12px}
.md .md-link{color:var(--accent);text-decoration:underline}
.md table td,.md table th{border:1px solid var(--line)}
ul.warnings{padding-left:1.2rem;margin:.25rem 0}
)css";

// Tabs, and a click on a block that opens its details (and a dropped block's text). It reads
// the DOM pith wrote and changes classes only; no page data passes through it.
constexpr std::string_view kInspectScript = R"js(
(function () {
  var tabs = document.querySelectorAll('.tabs button');
  tabs.forEach(function (b) {
    b.addEventListener('click', function () {
      tabs.forEach(function (o) { o.classList.toggle('active', o === b); });
      document.querySelectorAll('.tab').forEach(function (t) {
        t.classList.toggle('active', t.id === 'tab-' + b.dataset.tab);
      });
    });
  });
  function toggle(blk) {
    blk.classList.toggle('open');
    if (blk.classList.contains('dropped')) blk.classList.toggle('collapsed', !blk.classList.contains('open'));
  }
  document.querySelectorAll('.blk').forEach(function (blk) {
    blk.addEventListener('click', function () { toggle(blk); });
    blk.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggle(blk); }
    });
  });
  var show = document.getElementById('show-dropped');
  if (show) show.addEventListener('change', function () {
    document.getElementById('blocks').classList.toggle('hide-dropped', !show.checked);
  });
})();
)js";

// What each reason of pith clean (text/boilerplate_phrases.h DropReason) means, for the report.
constexpr std::pair<std::string_view, std::string_view> kTextReasons[] = {
    {"title", "the headline: moved to the metadata"},
    {"date_line", "a line that is a date (moved to the metadata) or a byline with a date"},
    {"byline", "an author or reading-time line (\"By NAME\")"},
    {"widget", "weather, clock or stock ticker: numbers and units"},
    {"navigation", "menus, breadcrumbs, pagination, short link-like lines"},
    {"list_heading", "the heading of a list of other pages (\"Related news\")"},
    {"call_to_action", "\"Read more\", \"Click here\", \"Download now\""},
    {"comment_form", "a comment form's prompt or field (\"Leave a reply\")"},
    {"comments", "the comment section after the article"},
    {"feedback", "a page-rating widget (\"Was this page helpful?\")"},
    {"author_bio", "the author's box under the article (\"About the author\")"},
    {"share", "share and follow buttons"},
    {"subscribe", "newsletter and subscription prompts"},
    {"login", "sign in / register"},
    {"cookie_legal", "cookie banners, privacy and terms links"},
    {"copyright", "\"(c) 2023 ... All rights reserved.\""},
    {"advertisement", "\"Advertisement\", \"Sponsored\""},
    {"caption", "image credits: \"Photo: ...\", \"Getty Images\""},
    {"repeated_in_page", "the same line again on the same page"},
    {"repeated_across_pages", "learned: on many pages of the same site (--learn-boilerplate)"},
    {"outside_article", "not chrome by itself, but outside the article's run of prose"},
    {"overlong_line", "longer than any line of prose (--max-line-bytes)"},
    {"no_letters", "symbols, digits and punctuation only"},
    {"too_little_text", "what was left of the page is a few words and no sentence"},
};

std::string_view text_drop_description(std::string_view reason) {
  for (const auto& [name, text] : kTextReasons)
    if (name == reason) return text;
  return {};
}

std::string format_double(double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// One block of the report, HTML page or text page alike.
struct ReportBlock {
  bool kept = false;
  std::string_view rule, element, path, reason, text;
  uint32_t chars = 0, link_chars = 0;
  bool scored = false;
  float score = 0;
  uint32_t line = 0;  // text pages: the input line
};

void append_block(std::string& out, const ReportBlock& b, size_t index) {
  out += b.kept ? "<li class=\"blk kept\" tabindex=\"0\" data-index=\"" : "<li class=\"blk dropped collapsed\" tabindex=\"0\" data-index=\"";
  out += std::to_string(index);
  out += "\" data-rule=\"";
  append_escaped(out, b.rule);
  out += "\">";
  if (!b.kept) {
    out += "<div class=\"head\"><span class=\"rule\">";
    append_escaped(out, b.rule);
    out += "</span><span class=\"el\">";
    append_escaped(out, b.element);
    out += "</span> \u00B7 " + std::to_string(b.chars) + " chars</div>";
  }
  out += "<div class=\"txt\">";
  append_escaped(out, b.text);
  out += "</div><dl class=\"info\"><dt>rule</dt><dd class=\"i-rule\">";
  append_escaped(out, b.kept ? std::string_view("kept") : b.rule);
  out += "</dd>";
  if (b.line) out += "<dt>line</dt><dd class=\"i-line\">" + std::to_string(b.line) + "</dd>";
  if (!b.path.empty()) {
    out += "<dt>element</dt><dd class=\"i-path mono\">";
    append_escaped(out, b.path);
    out += "</dd>";
  }
  if (b.scored) out += "<dt>score</dt><dd class=\"i-score\">" + format_double(b.score, 1) + "</dd>";
  out += "<dt>characters</dt><dd class=\"i-chars\">" + std::to_string(b.chars);
  if (b.link_chars) out += " (" + std::to_string(b.link_chars) + " in links)";
  out += "</dd>";
  if (!b.kept) {
    out += "<dt>why</dt><dd class=\"i-why\">";
    append_escaped(out, b.reason.empty() ? std::string_view("(no description for this rule)") : b.reason);
    out += "</dd>";
  }
  out += "</dl></li>\n";
}

struct MetaRow {
  std::string_view field;
  std::string value;
  std::string_view source;
};

void append_metadata(std::string& out, const std::vector<MetaRow>& rows) {
  out += "<h2>Metadata</h2>\n<table id=\"metadata\"><tr><th>field</th><th>value</th><th>from</th></tr>\n";
  for (const MetaRow& r : rows) {
    out += "<tr data-field=\"";
    append_escaped(out, r.field);
    out += "\"><th>";
    append_escaped(out, r.field);
    out += "</th><td class=\"value\">";
    if (r.value.empty()) out += "<span class=\"muted\">\u2014</span>";
    else append_escaped(out, r.value);
    out += "</td><td class=\"src\">";
    append_escaped(out, r.source);
    out += "</td></tr>\n";
  }
  out += "</table>\n";
}

void append_warnings(std::string& out, const std::vector<std::string>& warnings) {
  out += "<h2>Warnings</h2>\n";
  if (warnings.empty()) {
    out += "<p class=\"muted\" id=\"warnings-none\">none</p>\n";
    return;
  }
  out += "<ul class=\"warnings\" id=\"warnings\">";
  for (const std::string& w : warnings) {
    out += "<li>";
    append_escaped(out, w);
    out += "</li>";
  }
  out += "</ul>\n";
}

// Dropped characters by rule, most first.
void append_dropped_by_rule(std::string& out, const std::vector<ReportBlock>& blocks, uint32_t total_chars) {
  std::map<std::string_view, std::pair<uint32_t, uint32_t>> by_rule;  // rule -> blocks, chars
  for (const ReportBlock& b : blocks)
    if (!b.kept) {
      auto& [n, chars] = by_rule[b.rule];
      ++n;
      chars += b.chars;
    }
  std::vector<std::pair<std::string_view, std::pair<uint32_t, uint32_t>>> rows(by_rule.begin(), by_rule.end());
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second.second > b.second.second; });
  out += "<h2>Dropped characters by rule</h2>\n";
  if (rows.empty()) {
    out += "<p class=\"muted\">nothing dropped</p>\n";
    return;
  }
  out += "<table id=\"dropped-by-rule\"><tr><th>rule</th><th class=\"num\">blocks</th><th class=\"num\">chars</th><th></th></tr>\n";
  const double total = std::max<uint32_t>(1, total_chars);
  for (const auto& [rule, counts] : rows) {
    out += "<tr data-rule=\"";
    append_escaped(out, rule);
    out += "\"><td class=\"mono\">";
    append_escaped(out, rule);
    out += "</td><td class=\"num\">" + std::to_string(counts.first) + "</td><td class=\"num chars\">" +
           std::to_string(counts.second) + "</td><td><span class=\"bar\" style=\"width:" +
           format_double(std::max(1.0, 100.0 * counts.second / total), 0) + "px\"></span></td></tr>\n";
  }
  out += "</table>\n";
}

struct ReportParts {
  std::string_view title, source, url;
  std::vector<ReportBlock> blocks;
  std::vector<MetaRow> metadata;
  std::vector<MetaRow> page_rows;  // page type, charset, container
  const std::vector<std::string>* warnings = nullptr;
  std::string_view text, markdown, json, trace;
  bool has_markdown = false;
};

// Writes result.html and result.content_security_policy, and the block counts of result.summary.
void build_page(const ReportParts& p, InspectReport& result) {
  InspectSummary& summary = result.summary;
  uint32_t total_chars = 0;
  for (const ReportBlock& b : p.blocks) {
    total_chars += b.chars;
    if (b.kept) ++summary.kept_blocks;
    else {
      ++summary.dropped_blocks;
      summary.dropped_chars += b.chars;
    }
  }
  std::string page_title = "pith inspect: " + std::string(p.source.empty() ? std::string_view("page") : p.source);
  report::PageShell shell{.title = page_title, .extra_css = kInspectCss, .script = kInspectScript};
  result.content_security_policy = report::page_content_security_policy(shell);
  std::string& out = result.html;
  out.reserve(4096 + p.text.size() * 3 + p.json.size() * 2 + p.markdown.size() * 2);
  report::page_begin(out, shell);

  out += "<header class=\"top\"><h1 id=\"page-title\">";
  if (p.title.empty()) out += "<span class=\"muted\">(no title)</span>";
  else append_escaped(out, p.title);
  out += "</h1>\n<div class=\"where muted\"><span id=\"source\">";
  append_escaped(out, p.source);
  out += "</span>";
  if (!p.url.empty()) {
    out += " \u00B7 <span id=\"url\">";
    append_escaped(out, p.url);
    out += "</span>";
  }
  out += "</div>\n<div class=\"counts\"><span id=\"count-kept\">" + std::to_string(summary.kept_blocks) +
         " blocks kept</span><span id=\"count-dropped\">" + std::to_string(summary.dropped_blocks) +
         " dropped</span><span id=\"count-text\">" + std::to_string(summary.text_chars) +
         " characters of text</span><span>" + std::to_string(summary.dropped_chars) +
         " characters dropped</span></div>\n</header>\n";

  out += "<div class=\"layout\">\n<main>\n<nav class=\"tabs\">";
  out += "<button type=\"button\" data-tab=\"blocks\" class=\"active\">Blocks</button>";
  out += "<button type=\"button\" data-tab=\"text\">Text</button>";
  if (p.has_markdown) out += "<button type=\"button\" data-tab=\"markdown\">Markdown</button>";
  out += "<button type=\"button\" data-tab=\"json\">JSON</button>";
  if (!p.trace.empty()) out += "<button type=\"button\" data-tab=\"trace\">Trace</button>";
  out += "</nav>\n";

  out += "<section class=\"tab active\" id=\"tab-blocks\">\n<div class=\"filters\"><label><input type=\"checkbox\" "
         "id=\"show-dropped\" checked> show dropped blocks</label> \u00B7 click a block for its rule, path, score "
         "and reason</div>\n<ol class=\"blocks\" id=\"blocks\">\n";
  for (size_t i = 0; i < p.blocks.size(); ++i) append_block(out, p.blocks[i], i);
  out += "</ol>\n";
  if (p.blocks.empty()) out += "<p class=\"muted\">no visible text on this page</p>\n";
  out += "</section>\n";

  out += "<section class=\"tab\" id=\"tab-text\"><pre id=\"text-output\">";
  append_escaped(out, p.text);
  out += "</pre></section>\n";
  if (p.has_markdown) {
    out += "<section class=\"tab\" id=\"tab-markdown\"><div class=\"md\" id=\"markdown-rendered\">\n";
    out += markdown_to_safe_html(p.markdown);
    out += "</div>\n<details><summary>Markdown source</summary><pre id=\"markdown-source\">";
    append_escaped(out, p.markdown);
    out += "</pre></details></section>\n";
  }
  out += "<section class=\"tab\" id=\"tab-json\"><pre id=\"json-output\">";
  append_escaped(out, p.json);
  out += "</pre></section>\n";
  if (!p.trace.empty()) {
    out += "<section class=\"tab\" id=\"tab-trace\"><p class=\"muted\">The scored tree around the main container "
           "(pith extract --explain's trace).</p><pre id=\"trace\">";
    append_escaped(out, p.trace);
    out += "</pre></section>\n";
  }
  out += "</main>\n<aside class=\"side\">\n";
  append_metadata(out, p.metadata);
  out += "<h2>Page</h2>\n<table id=\"page-facts\">";
  for (const MetaRow& r : p.page_rows) {
    out += "<tr data-field=\"";
    append_escaped(out, r.field);
    out += "\"><th>";
    append_escaped(out, r.field);
    out += "</th><td class=\"value\">";
    append_escaped(out, r.value);
    out += "</td><td class=\"src\">";
    append_escaped(out, r.source);
    out += "</td></tr>";
  }
  out += "</table>\n";
  append_warnings(out, *p.warnings);
  append_dropped_by_rule(out, p.blocks, total_chars);
  out += "</aside>\n</div>\n";
  report::page_end(out, shell);
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const std::string& s : v) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

}  // namespace

struct Inspector::Impl {
  InspectOptions options;
  Options extract_options;
  Extractor extractor;
  Cleaner cleaner;
  explicit Impl(InspectOptions o)
      : options(std::move(o)),
        extract_options(with_inspection(options.extract)),
        extractor(extract_options),
        cleaner(options.clean) {}
  static Options with_inspection(Options o) {
    o.blocks = true;
    o.explain = true;
    o.markdown = true;
    return o;
  }
  Result<InspectReport> inspect_html(const InspectPage& page);
  Result<InspectReport> inspect_text(const InspectPage& page);
};

Inspector::Inspector(InspectOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Inspector::~Inspector() = default;
Inspector::Inspector(Inspector&&) noexcept = default;
Inspector& Inspector::operator=(Inspector&&) noexcept = default;

Result<InspectReport> Inspector::inspect(const InspectPage& page) {
  return page.text ? impl_->inspect_text(page) : impl_->inspect_html(page);
}

Result<InspectReport> Inspector::Impl::inspect_html(const InspectPage& page) {
  auto r = extractor.extract(page.bytes, page.info);
  if (!r) return r.error();
  const Extraction& e = *r;
  // The JSON tab: what `pith extract --format json` prints with the same options, so without
  // what the inspector turned on (markdown only with --format markdown, the explanations only
  // with --explain).
  Extraction plain = e;
  plain.blocks.clear();
  if (!options.extract.markdown) plain.markdown.clear();
  if (!options.extract.explain) {
    plain.dropped.clear();
    plain.main_element.clear();
    plain.trace.clear();
  }
  std::string json;
  write_json(plain, page.source, json);

  InspectReport report;
  InspectSummary& s = report.summary;
  s.source = std::string(page.source);
  s.title = e.title;
  s.url = e.url;
  s.page_type = e.page_type;
  s.page_type_confidence = e.page_type_confidence;
  s.text_chars = static_cast<uint32_t>(utf8_length(e.text));
  s.warnings = e.warnings;

  ReportParts p;
  p.title = e.title;
  p.source = page.source;
  p.url = e.url;
  for (const Block& b : e.blocks)
    p.blocks.push_back({.kept = b.kept, .rule = b.rule, .element = b.element, .path = b.path, .reason = b.reason,
                        .text = b.text, .chars = b.chars, .link_chars = b.link_chars,
                        .scored = b.kept || b.rule == "outside-main", .score = b.score});
  p.metadata = {
      {"title", e.title, e.title.empty() ? "" : "title"},
      {"author", e.author.value, e.author.source},
      {"date", e.date.value, e.date.source},
      {"modified", e.modified.value, e.modified.source},
      {"sitename", e.sitename, ""},
      {"description", e.description, ""},
      {"lang", e.lang, e.lang_source},
      {"tags", join(e.tags, ", "), ""},
      {"image", e.image, ""},
      {"url", e.url, ""},
  };
  std::string confidence = format_double(e.page_type_confidence, 2);
  p.page_rows = {
      {"page type", e.page_type, e.page_type_confidence < kLowConfidence ? "low confidence" : ""},
      {"confidence", confidence, ""},
      {"charset", e.charset, e.charset_source},
      {"container", e.main_element, ""},
  };
  p.warnings = &e.warnings;
  p.text = e.text;
  p.markdown = e.markdown;
  p.has_markdown = true;
  p.json = json;
  p.trace = e.trace;
  build_page(p, report);
  return report;
}

Result<InspectReport> Inspector::Impl::inspect_text(const InspectPage& page) {
  auto r = cleaner.clean(page.bytes, page.info.url);
  if (!r) return r.error();
  const Cleaned& c = *r;
  std::string json;
  write_clean_json(c, page.source, page.info.url, json);

  InspectReport report;
  InspectSummary& s = report.summary;
  s.source = std::string(page.source);
  s.title = c.title;
  s.url = std::string(page.info.url);
  s.page_type = "text";
  s.page_type_confidence = 1;
  s.text_chars = static_cast<uint32_t>(utf8_length(c.text));
  s.warnings = c.warnings;

  // The input's lines are the blocks: the cleaner names each dropped one by its line number.
  std::unordered_map<uint32_t, const DroppedLine*> dropped;
  for (const DroppedLine& d : c.dropped) dropped[d.line] = &d;
  std::vector<std::string> lines;  // repaired UTF-8, trimmed
  std::vector<uint32_t> numbers;
  std::string_view text = page.bytes;
  uint32_t number = 0;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    ++number;
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    std::string repaired;
    if (!is_valid_utf8(line)) {
      repair_utf8(line, repaired);
      line = repaired;
    }
    std::string collapsed = collapse_whitespace(line);
    if (collapsed.empty()) continue;
    lines.push_back(std::move(collapsed));
    numbers.push_back(number);
    if (end == text.size()) break;
  }
  ReportParts p;
  for (size_t i = 0; i < lines.size(); ++i) {
    auto it = dropped.find(numbers[i]);
    ReportBlock b;
    b.kept = it == dropped.end();
    b.text = lines[i];
    b.chars = static_cast<uint32_t>(utf8_length(lines[i]));
    b.line = numbers[i];
    if (!b.kept) {
      b.rule = it->second->reason;
      b.reason = text_drop_description(b.rule);
    }
    p.blocks.push_back(b);
  }
  p.title = c.title;
  p.source = page.source;
  p.url = page.info.url;
  p.metadata = {
      {"title", c.title, c.title.empty() ? "" : "headline line"},
      {"date", c.date, c.date.empty() ? "" : "date line"},
      {"url", std::string(page.info.url), ""},
  };
  std::string lines_kept = std::to_string(c.kept_lines) + " of " + std::to_string(c.lines);
  std::string noise = format_double(c.noise.score, 3);
  p.page_rows = {
      {"kind", "text page (pith clean)", ""},
      {"lines kept", lines_kept, ""},
      {"list-like", c.list_like ? "yes: no dominant run of prose" : "no", ""},
      {"noise score", noise, "0 = clean"},
  };
  p.warnings = &c.warnings;
  p.text = c.text;
  p.json = json;
  build_page(p, report);
  return report;
}

std::string inspect_index_html(const std::vector<InspectIndexEntry>& entries) {
  static constexpr std::string_view kIndexCss = R"css(
table.index th{cursor:pointer;user-select:none;white-space:nowrap}
table.index th.sorted-asc::after{content:" \25B2"}table.index th.sorted-desc::after{content:" \25BC"}
table.index td{max-width:28rem;word-break:break-word}
tr.empty td.text{color:var(--drop);font-weight:600}
tr.error td{color:var(--drop)}
)css";
  // Sorts the rows by a column's data-sort values (numbers as numbers); a second click reverses.
  static constexpr std::string_view kIndexScript = R"js(
(function () {
  var table = document.getElementById('index');
  var body = table.tBodies[0];
  table.querySelectorAll('th').forEach(function (th, col) {
    th.addEventListener('click', function () {
      var asc = !th.classList.contains('sorted-asc');
      table.querySelectorAll('th').forEach(function (o) { o.classList.remove('sorted-asc', 'sorted-desc'); });
      th.classList.add(asc ? 'sorted-asc' : 'sorted-desc');
      var numeric = th.dataset.type === 'num';
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].dataset.sort, y = b.cells[col].dataset.sort;
        var d = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
        return asc ? d : -d;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
})();
)js";
  report::PageShell shell{.title = "pith inspect: index", .extra_css = kIndexCss, .script = kIndexScript};
  std::string out;
  report::page_begin(out, shell);
  out += "<h1>pith inspect</h1>\n<p class=\"muted\">" + std::to_string(entries.size()) +
         " pages. Click a column to sort: text (empty first), confidence (lowest first), warnings (most "
         "first on a second click).</p>\n";
  out += "<table class=\"index\" id=\"index\"><thead><tr><th data-type=\"str\">page</th><th data-type=\"str\">title</th>"
         "<th data-type=\"str\">type</th><th data-type=\"num\" class=\"num\">confidence</th>"
         "<th data-type=\"num\" class=\"num\">text chars</th><th data-type=\"num\" class=\"num\">kept</th>"
         "<th data-type=\"num\" class=\"num\">dropped</th><th data-type=\"num\" class=\"num\">dropped chars</th>"
         "<th data-type=\"num\" class=\"num\">warnings</th></tr></thead>\n<tbody>\n";
  auto cell = [&](std::string_view sort, std::string_view shown, std::string_view cls = {}) {
    out += "<td";
    if (!cls.empty()) {
      out += " class=\"";
      out += cls;
      out += "\"";
    }
    out += " data-sort=\"";
    append_escaped(out, sort);
    out += "\">";
    append_escaped(out, shown);
    out += "</td>";
  };
  for (const InspectIndexEntry& e : entries) {
    const InspectSummary& s = e.summary;
    std::string cls = !e.error.empty() ? "error" : s.text_chars == 0 ? "empty" : "";
    out += "<tr class=\"" + cls + "\">";
    out += "<td data-sort=\"";
    append_escaped(out, s.source);
    out += "\">";
    if (!e.href.empty()) {
      out += "<a href=\"";
      append_escaped(out, e.href);
      out += "\">";
      append_escaped(out, s.source);
      out += "</a>";
    } else {
      append_escaped(out, s.source);
    }
    out += "</td>";
    if (!e.error.empty()) {
      cell("", "error: " + e.error);
      for (int k = 0; k < 7; ++k) cell("-1", "");
      out += "</tr>\n";
      continue;
    }
    cell(s.title, s.title);
    cell(s.page_type, s.page_type);
    std::string conf = format_double(s.page_type_confidence, 2);
    cell(conf, conf, s.page_type_confidence < kLowConfidence ? "num low" : "num");
    cell(std::to_string(s.text_chars), std::to_string(s.text_chars), "num text");
    cell(std::to_string(s.kept_blocks), std::to_string(s.kept_blocks), "num");
    cell(std::to_string(s.dropped_blocks), std::to_string(s.dropped_blocks), "num");
    cell(std::to_string(s.dropped_chars), std::to_string(s.dropped_chars), "num");
    cell(std::to_string(s.warnings.size()), std::to_string(s.warnings.size()), "num warnings");
    out += "</tr>\n";
  }
  out += "</tbody></table>\n";
  report::page_end(out, shell);
  return out;
}

}  // namespace pith
