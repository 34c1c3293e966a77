// pith wet (hidden, for the clean benchmark): every visible text line of HTML pages in
// document order, as a Common Crawl WET record holds it. Block elements (html/tags.h
// is_block_tag) and <br> end a line; script, style, template, iframe, noembed, noframes,
// textarea, title and <head> are not rendered (noscript is: a crawler runs no scripts, so a browser
// without them shows it); white space inside a line collapses to one space; empty lines are
// skipped.
// Output: JSONL {"source": PATH, "text": LINES} per page, or the text alone.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>
#include <optional>

#include "commands.h"
#include "common.h"
#include "core/json_writer.h"
#include "core/strings.h"
#include "html/charset.h"
#include "html/parser.h"
#include "io/input.h"

namespace pith::cli {

namespace {

struct WetArgs {
  std::vector<std::string> inputs;
  std::string format = "jsonl";
  std::string output;
  std::string parser = "libxml2";  // the clean benchmark's input was built with it
};

bool is_unrendered(Tag t) {
  // iframe, noembed and noframes hold raw text that a browser never shows (the frame or the
  // embed is shown instead), and a textarea's text is a form control's value, not page text
  // (extraction drops all four too); libxml2's adapter drops those bodies, HTML5 keeps them.
  // A <title> out of <head> is not shown either (display: none in every browser).
  return t == Tag::k_script || t == Tag::k_style || t == Tag::k_template || t == Tag::k_head ||
         t == Tag::k_title || t == Tag::k_iframe || t == Tag::k_noembed || t == Tag::k_noframes || t == Tag::k_textarea;
}

void end_line(std::string& line, std::string& out) {
  std::string l = collapse_whitespace(line);
  line.clear();
  if (l.empty()) return;
  out += l;
  out.push_back('\n');
}

// Iterative walk (no recursion: DOM depth is capped, but the stack here is the parent links).
void visible_lines(const Document& doc, std::string& out) {
  std::string line;
  NodeId n = doc.node(doc.root()).first_child;
  while (n != kNoNode) {
    const Node& node = doc.node(n);
    bool descend = false;
    if (node.kind == NodeKind::kText) {
      line += doc.text(n);
    } else if (node.kind == NodeKind::kElement) {
      if (!is_unrendered(node.tag)) {
        if (is_block_tag(node.tag)) end_line(line, out);
        descend = node.first_child != kNoNode;
      }
    }
    if (descend) {
      n = node.first_child;
      continue;
    }
    // Leave n and every ancestor whose children are done, ending block lines on the way up.
    while (n != kNoNode) {
      const Node& cur = doc.node(n);
      if (cur.kind == NodeKind::kElement && is_block_tag(cur.tag)) end_line(line, out);
      if (cur.next_sibling != kNoNode) {
        n = cur.next_sibling;
        break;
      }
      n = cur.parent;
      if (n == doc.root()) n = kNoNode;
    }
  }
  end_line(line, out);
}

int run_wet(const WetArgs& a) {
  Console& con = console();
  InputList in = list_inputs(a.inputs, {.exclude = {a.output}, .walk = {InputFormat::kHtml}});
  for (const auto& e : in.errors) con.error("io", e.path, e.what);
  if (std::string clash = check_outputs(in, a.output, false); !clash.empty()) {
    report(clash);
    return kExitFailed;
  }
  Output out;
  if (!out.open(a.output)) return kExitFailed;
  CharsetDecoder decoder;
  auto parser = make_parser(a.parser == "html5" ? ParserKind::kHtml5 : ParserKind::kLibxml2);
  Document doc;
  std::string utf8, text, record;
  uint64_t total_size = 0;
  for (const auto& f : in.files) total_size += f.size;
  con.start_progress({.unit = "pages", .items = in.files.size(), .bytes = total_size});
  size_t rejected = in.errors.size(), pages = 0;
  ReaderOptions ro;
  ro.want = PageKind::kHtml;
  ro.format = InputFormat::kHtml;  // every file is one page (bench/clean's input)
  InputStream stream(in, ro);
  StreamRecord item;
  while (stream.next(item)) {
    const std::string& path = in.files[item.file].path;
    const InputRecord& rec = item.rec;
    con.progress({.items = pages, .bytes = stream.raw_done(), .files = stream.files_done()});
    if (item.trailing) continue;
    ++pages;
    if (rec.kind != InputRecord::kHtml) {
      con.error(rec.reason, path, rec.error.offset ? std::optional<uint64_t>(rec.error.offset) : std::nullopt,
                rec.error.message);
      ++rejected;
      continue;
    }
    auto decoded = decoder.decode(rec.body, "", utf8);
    if (!decoded) {
      con.error(error_code_name(decoded.error().code), path, decoded.error().message);
      ++rejected;
      continue;
    }
    auto parsed = parser->parse(utf8, ParseLimits{}, doc);
    if (!parsed) {
      con.error(error_code_name(parsed.error().code), path, parsed.error().message);
      ++rejected;
      continue;
    }
    text.clear();
    visible_lines(doc, text);
    record.clear();
    if (a.format == "jsonl") {
      JsonWriter w(record);
      w.begin_object().field("source", path).key("text").value(text).end_object();  // "" when empty
      record.push_back('\n');
    } else {
      record = text;
    }
    out.write(record);
  }
  con.finish();
  if (!out.close()) return kExitFailed;
  return rejected ? kExitSomeRejected : kExitOk;
}

}  // namespace

Runner add_wet_command(CLI::App& app) {
  auto a = std::make_shared<WetArgs>();
  CLI::App* sub = app.add_subcommand("wet", "Dev tool: the visible text lines of HTML pages, as a WET record");
  sub->group("");  // hidden from --help: it builds the input of bench/clean, it is not a product
  sub->add_option("inputs", a->inputs, "HTML files or folders")->required();
  sub->add_option("-f,--format", a->format, "jsonl (source + text per page) or text")
      ->check(CLI::IsMember({"jsonl", "text"}));
  sub->add_option("-o,--output", a->output, "Write here instead of stdout");
  sub->add_option("--parser", a->parser, "libxml2 (the default: bench/clean's input) or html5 (tools/parser_diff.py)")
      ->check(CLI::IsMember({"html5", "libxml2"}));
  return [a] { return run_wet(*a); };
}

}  // namespace pith::cli
