// The pipeline for one page: check -> decode -> parse -> select content -> metadata -> render.
#include <algorithm>
#include <chrono>
#include <cstring>

#include "core/deadline.h"
#include "core/strings.h"
#include "extract/block_model.h"
#include "extract/blocks.h"
#include "extract/content.h"
#include "extract/metadata.h"
#include "extract/no_content.h"
#include "extract/page_type.h"
#include "extract/render.h"
#include "extract/rules.h"
#include "html/charset.h"
#include "html/parser.h"
#include "html/shadow.h"
#include "html/streamed.h"
#include "pith/extract.h"

namespace pith {

namespace {

// Known binary signatures, and the share of control bytes, tell junk from text. Uniform random
// bytes hold ~10.5% control bytes (27 of 256 values); real pages hold almost none, so the line
// sits at 5%: 11 standard deviations below random on a 4 KiB head, far above a page with a few
// stray NULs.
constexpr size_t kBinaryHeadBytes = 4096;
constexpr size_t kBinaryControlPercent = 5;

bool is_control_byte(unsigned char u) {
  return u == 0 || (u < 0x20 && u != '\n' && u != '\r' && u != '\t' && u != '\f' && u != 0x1B);
}

bool has_binary_magic(std::string_view b) {
  static constexpr std::string_view kMagic[] = {"\x89PNG", "GIF8", "%PDF", "PK\x03\x04", "\x1f\x8b",
                                               "\xFF\xD8\xFF", "RIFF", "\x7F" "ELF", "\x28\xB5\x2F\xFD"};
  for (auto m : kMagic)
    if (b.starts_with(m)) return true;
  return false;
}

bool looks_binary(std::string_view b) {
  if (b.starts_with("\xFF\xFE") || b.starts_with("\xFE\xFF")) return false;  // UTF-16 with BOM
  std::string_view head = b.substr(0, kBinaryHeadBytes);
  size_t bad = 0;
  for (char c : head) bad += is_control_byte(static_cast<unsigned char>(c));
  return bad * 100 > head.size() * kBinaryControlPercent;
}

// ASCII-heavy UTF-16 without a BOM: NUL in most bytes of one parity and few of the other.
bool looks_like_bomless_utf16(std::string_view b) {
  std::string_view head = b.substr(0, kBinaryHeadBytes);
  size_t nul[2] = {0, 0};
  for (size_t i = 0; i < head.size(); ++i) nul[i & 1] += head[i] == '\0';
  size_t half = head.size() / 2;
  if (half < 8) return false;
  return (nul[1] * 10 > half * 7 && nul[0] * 10 < half) || (nul[0] * 10 > half * 7 && nul[1] * 10 < half);
}

bool all_space(std::string_view b) {
  for (char c : b)
    if (!is_ascii_space(c)) return false;
  return true;
}

// The model that Options::block_model_text holds, parsed once per thread and text; null (and
// why in error) when the text is no model.
const BlockModel* model_of_text(std::string_view text, std::string& error) {
  thread_local std::string cached_text;
  thread_local BlockModel cached;
  thread_local std::string cached_error;
  if (cached_text.empty() || cached_text != text) {
    cached_text = std::string(text);
    cached_error.clear();
    if (!parse_block_model(text, cached, cached_error)) cached = BlockModel{};
  }
  error = cached_error;
  return error.empty() ? &cached : nullptr;
}

// Options::block_model: the text becomes the blocks the classifier keeps, in page order, each
// block's text as blocks.cpp gives it (a kept block as rendered, a dropped one collapsed), blank
// lines between them. A block of the rules' text that it drops is explained as "block-model".
void apply_block_model(const Document& doc, const ContentSelection& sel, const Options& opt, Extraction& out) {
  const BlockModel* model = &builtin_block_model();
  if (!opt.block_model_text.empty()) {
    std::string error;
    model = model_of_text(opt.block_model_text, error);
    if (model == nullptr) {
      out.warnings.push_back("block model not used: " + error);
      return;
    }
  }
  std::vector<Block> blocks;
  std::vector<BlockFacts> facts;
  std::vector<BlockFeatureRow> rows;
  collect_blocks(doc, sel, opt, blocks, facts);
  block_features(blocks, facts, rows);
  std::string text;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    if (block_probability(*model, rows[i]) >= 0.5) {
      if (b.text.empty()) continue;
      if (!text.empty()) text += "\n\n";
      text += b.text;
    } else if (b.kept && opt.explain) {
      Dropped d;
      d.rule = "block-model";
      d.element = b.element;
      d.chars = b.chars;
      d.preview = b.text.substr(0, 80);
      out.dropped.push_back(std::move(d));
    }
  }
  out.text = std::move(text);
}

// A frameset page shows other pages in its frames; a reader without frames (a crawler, a text
// browser, a screen reader of the time) gets what its <noframes> holds: often the site's whole
// front page or a forum archive's index. The HTML parser keeps that as raw text (HTML5 and
// libxml2 alike: its markup unparsed), so it was never text. The page's own <head> (title,
// metadata) and that markup are the page to read, unless it is the note that the browser
// cannot show frames (kNoframesNoticeMaxBytes of markup at most, with under
// kNoframesMinOwnChars of text beside the runs that name the browser: a studio's welcome
// paragraph next to "Your browser does not support frames" is the page).
constexpr size_t kNoframesNoticeMaxBytes = 1000;
constexpr size_t kNoframesMinOwnChars = 80;

// The characters of the markup's text runs (between tags) that do not name the browser or
// scripts.
size_t text_beside_browser_note(std::string_view markup) {
  size_t chars = 0;
  for (size_t i = 0; i < markup.size();) {
    const size_t tag = markup.find('<', i);
    const std::string_view run = trim(markup.substr(i, tag == std::string_view::npos ? std::string_view::npos : tag - i));
    if (!run.empty() && !names_script_or_browser(run)) chars += run.size();
    if (tag == std::string_view::npos) break;
    const size_t close = markup.find('>', tag);
    if (close == std::string_view::npos) break;
    i = close + 1;
  }
  return chars;
}

// A page without one '<' is a text file served as a page (a README, a FAQ posted as .txt, a
// mailing list's digest): browsers show it as written, line by line. It is read as one <pre>,
// its '&'s escaped so that the parser takes none for an entity.
std::string plain_text_page(std::string_view text) {
  std::string page = "<html><body><pre>";
  page.reserve(page.size() + text.size() + 32);
  for (char c : text) {
    if (c == '&') page += "&amp;";
    else page += c;
  }
  page += "</pre></body></html>";
  return page;
}

bool is_frameset_page(const Document& doc) {
  for (NodeId h = doc.node(doc.root()).first_child; h != kNoNode; h = doc.node(h).next_sibling) {
    if (!doc.is_element(h, Tag::k_html)) continue;
    for (NodeId c = doc.node(h).first_child; c != kNoNode; c = doc.node(c).next_sibling)
      if (doc.is_element(c, Tag::k_frameset)) return true;
  }
  return false;
}

// The markup to parse instead of a frameset page, or "" when the page is none or has nothing
// for readers without frames.
std::string noframes_page(const Document& doc, std::string_view utf8) {
  if (!is_frameset_page(doc)) return {};
  std::string markup;
  for (NodeId n = doc.root(); n != kNoNode; n = doc.next_in_subtree(n, doc.root()))
    if (doc.is_element(n, Tag::k_noframes)) doc.append_text(n, markup);
  if (trim(markup).empty()) return {};
  if (markup.size() <= kNoframesNoticeMaxBytes && names_script_or_browser(markup) &&
      text_beside_browser_note(markup) < kNoframesMinOwnChars)
    return {};
  const size_t frameset = ifind(utf8, "<frameset");
  std::string page(utf8.substr(0, frameset == std::string_view::npos ? 0 : frameset));
  page += markup;
  return page;
}

}  // namespace

struct Extractor::Impl {
  Options options;
  CharsetDecoder decoder;
  std::unique_ptr<HtmlParser> parser;
  Document doc;
  ContentSelector selector;
  ContentSelection sel;
  std::string utf8;
};

Extractor::Extractor(Options options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->parser = make_parser(impl_->options.parser == Parser::kHtml5 ? ParserKind::kHtml5 : ParserKind::kLibxml2);
}
Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;
const Options& Extractor::options() const { return impl_->options; }

Result<Extraction> Extractor::extract(std::string_view bytes, const PageInfo& page) {
  Impl& m = *impl_;
  const Options& opt = m.options;
  const auto start = std::chrono::steady_clock::now();
  if (bytes.size() > opt.budgets.max_input_bytes)
    return Error{ErrorCode::kTooLarge,
                 "page of " + std::to_string(bytes.size()) + " bytes is over the budget of " +
                     std::to_string(opt.budgets.max_input_bytes) + " bytes (--max-bytes)"};
  if (all_space(bytes)) return Error{ErrorCode::kEmptyInput, "empty page"};
  if (has_binary_magic(bytes)) return Error{ErrorCode::kBinaryInput, "not HTML: binary data"};
  // A caller who says UTF-16 knows the NUL bytes are text.
  const std::string hint = canonical_charset(page.charset);
  if (hint != "utf-16le" && hint != "utf-16be" && looks_binary(bytes)) {
    if (looks_like_bomless_utf16(bytes))
      return Error{ErrorCode::kBinaryInput, "not HTML: looks like UTF-16 without a byte-order mark (give its charset)"};
    return Error{ErrorCode::kBinaryInput, "not HTML: binary data"};
  }

  Extraction out;
  auto decoded = m.decoder.decode(bytes, page.charset, m.utf8);
  if (!decoded) return decoded.error();
  out.charset = decoded->charset;
  out.charset_source = std::string(charset_source_name(decoded->source));
  if (decoded->replaced) out.warnings.push_back("invalid bytes for " + out.charset + " replaced by U+FFFD");
  if (decoded->double_encoded)
    out.warnings.push_back(std::to_string(decoded->double_encoded) +
                           " double-encoded characters repaired (UTF-8 once read as windows-1252: \"\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2\" for \"\xE2\x80\x99\")");

  ParseLimits limits;
  limits.max_nodes = opt.budgets.max_nodes;
  limits.max_depth = opt.budgets.max_depth;
  limits.deadline = start + std::chrono::milliseconds(opt.budgets.max_millis);
  if (m.utf8.find('<') == std::string::npos) m.utf8 = plain_text_page(m.utf8);
  auto parsed = m.parser->parse(m.utf8, limits, m.doc);
  if (!parsed) return parsed.error();
  if (std::string alternative = noframes_page(m.doc, m.utf8); !alternative.empty()) {
    m.utf8 = std::move(alternative);
    parsed = m.parser->parse(m.utf8, limits, m.doc);
    if (!parsed) return parsed.error();
  }
  if (parsed->templates > 0) {
    place_streamed_parts(m.doc);
    flatten_shadow_roots(m.doc);
  }
  if (parsed->node_budget_hit)
    out.warnings.push_back("node budget hit: DOM cut at " + std::to_string(limits.max_nodes) + " nodes");
  // One clock for the whole page: each pass after parsing checks it and, once it has run out,
  // takes its short way to a result (content.h, metadata.h, page_type.h).
  Deadline deadline(limits.deadline);
  if (parsed->time_budget_hit) {
    deadline.spend("parsing");
    out.warnings.push_back("time budget hit: parsing stopped after " + std::to_string(opt.budgets.max_millis) + " ms");
  }
  if (parsed->depth_capped)
    out.warnings.push_back("depth budget hit: elements deeper than " + std::to_string(limits.max_depth) +
                           " attached at that depth");

  m.selector.select(m.doc, opt, m.sel, {}, &deadline);
  extract_metadata(m.doc, page, m.sel, out, &deadline);
  const double product_ratio = classify_page_type(m.doc, page, m.sel, out, &deadline);
  render(m.doc, m.sel, m.sel.main, RenderMode::kText, opt, out.text);
  // Some page types want a wider selection than an article (content.h SelectionHints); the
  // metadata and the type stay those of the first selection. A page where that found no main
  // text is left so: widening it would only add chrome around nothing. Nor is there a second
  // selection once the time budget is spent: the first one is the result.
  // An article that the first selection took for a listing on little prose (a short story
  // beside long link lists) is selected again with the stricter listing switch.
  // A page taken for an article whose container holds a shop's buy box (a price beside the
  // controls that buy, on a page with product markup: buy_box.h) is one product's page: it is
  // selected again as a product, whatever the type's confidence. Its type stays as classified.
  // So is a page that the type model finds nearly as likely a product page as the type it chose
  // (page_type.h hints_page_type), whatever the type's confidence (low, as the model hesitates
  // between the two): a shop's page for one game, one phone or one watch reads as a collection,
  // a service or an article too.
  const std::string_view hints_type = hints_page_type(out.page_type, m.sel.buy_boxes, product_ratio);
  const bool as_product = hints_type != out.page_type;  // whatever the type's confidence
  const SelectionHints hints = hints_for_page_type(hints_type, m.sel);
  if (hints.any() && !out.text.empty() && (out.page_type_confidence >= opt.type_hints_min_confidence || as_product) &&
      !deadline.expired_now("typed selection")) {
    m.selector.select(m.doc, opt, m.sel, hints, &deadline);
    render(m.doc, m.sel, m.sel.main, RenderMode::kText, opt, out.text);
  }
  if (opt.block_model && !out.text.empty()) apply_block_model(m.doc, m.sel, opt, out);
  if (deadline.spent() && deadline.pass() != "parsing")
    out.warnings.push_back("time budget hit: " + std::string(deadline.pass()) + " stopped after " +
                           std::to_string(opt.budgets.max_millis) + " ms");
  // An error page, an empty search or a login wall has no main text, whatever chrome or notice
  // the selection found (no_content.h).
  const std::string_view no_content = no_content_reason(m.doc, page, out.text);
  if (!no_content.empty()) {
    out.text.clear();
    out.warnings.push_back(std::string(kNoMainContentWarning) + std::string(no_content));
  } else if (out.text.empty()) {
    // Not an error: the metadata of such a page (often rendered by script) is still worth having.
    out.warnings.push_back(std::string(kNoMainTextWarning));
  }
  settle_language(out);
  if (opt.markdown && no_content.empty()) render(m.doc, m.sel, m.sel.main, RenderMode::kMarkdown, opt, out.markdown);
  if (opt.comments && m.sel.comments_root != kNoNode) {
    // The comment section was dropped from the text; render it on its own.
    std::string_view rule = m.sel.drop[m.sel.comments_root];
    m.sel.drop[m.sel.comments_root] = {};
    render(m.doc, m.sel, m.sel.comments_root, RenderMode::kText, opt, out.comments);
    m.sel.drop[m.sel.comments_root] = rule;
  }
  if (opt.blocks) record_blocks(m.doc, m.sel, opt, out);
#ifdef PITH_RECORD_FEATURES
  // Every block to the warnings (blocks.cpp), for tools/train_blocks.py.
  // Fields split by U+001F: kept, rule, in main, depth, on path, element, path, characters, link
  // characters, score, features (block_model.h), text.
  {
    std::vector<Block> blocks;
    std::vector<BlockFacts> facts;
    std::vector<BlockFeatureRow> rows;
    collect_blocks(m.doc, m.sel, opt, blocks, facts);
    block_features(blocks, facts, rows);
    for (size_t i = 0; i < blocks.size(); ++i) {
      const Block& b = blocks[i];
      std::string rec = "block:";
      for (std::string_view f : {std::string_view(b.kept ? "1" : "0"), std::string_view(b.rule),
                                 std::string_view(facts[i].in_main ? "1" : "0")}) {
        rec += '\x1f';
        rec += f;
      }
      rec += "\x1f" + std::to_string(facts[i].depth) + "\x1f" + (facts[i].on_path ? "1" : "0") + "\x1f" +
             b.element + "\x1f" + b.path + "\x1f" + std::to_string(b.chars) + "\x1f" +
             std::to_string(b.link_chars) + "\x1f" + std::to_string(b.score) + "\x1f" +
             format_block_features(rows[i]) + "\x1f" + b.text;
      out.warnings.push_back(std::move(rec));
    }
  }
#endif
  if (opt.explain) {
    out.main_element = describe_element(m.doc, m.sel.main);
    out.trace = trace_selection(m.doc, m.sel);
    std::string buf;
    for (NodeId n = m.sel.body; n != kNoNode;) {
      std::string_view rule = m.sel.drop[n];
      const bool raw_text = m.doc.node(n).kind == NodeKind::kText && rule == "raw-code";  // debris.h
      if (rule.empty() || (m.doc.node(n).kind != NodeKind::kElement && !raw_text)) {
        n = rule.empty() ? m.doc.next_in_subtree(n, m.sel.body) : m.doc.next_skip_children(n, m.sel.body);
        continue;
      }
      buf.clear();
      m.doc.append_text(n, buf);
      std::string text = collapse_whitespace(buf);
      if (!text.empty() && rule != "tag:script" && rule != "tag:style") {
        Dropped d;
        d.rule = std::string(rule);
        d.element = raw_text ? "#text" : describe_element(m.doc, n);
        d.chars = static_cast<uint32_t>(text.size());
        d.preview = text.substr(0, 80);
        out.dropped.push_back(std::move(d));
      }
      n = m.doc.next_skip_children(n, m.sel.body);
    }
    std::vector<NodeId> spared;  // pruning runs again when it ate the container, and yields again
    for (const auto& [n, rule] : m.sel.yielded) {
      if (std::find(spared.begin(), spared.end(), n) != spared.end()) continue;
      spared.push_back(n);
      Dropped d;
      d.rule = std::string(rule);
      d.element = describe_element(m.doc, n);
      buf.clear();
      m.doc.append_text(n, buf);
      std::string text = collapse_whitespace(buf);
      d.chars = static_cast<uint32_t>(text.size());
      d.preview = text.substr(0, 80);
      out.yielded.push_back(std::move(d));
    }
    // Text outside the main container is dropped as a whole, by one rule.
    for (NodeId a = m.sel.main; a != m.sel.body && a != kNoNode; a = m.doc.node(a).parent) {
      NodeId parent = m.doc.node(a).parent;
      if (parent == kNoNode) break;
      for (NodeId s = m.doc.node(parent).first_child; s != kNoNode; s = m.doc.node(s).next_sibling) {
        if (s == a || !m.sel.drop[s].empty() || m.sel.stats[s].chars == 0) continue;
        buf.clear();
        m.doc.append_text(s, buf);
        std::string text = collapse_whitespace(buf);
        Dropped d;
        d.rule = "outside-main";
        d.element = m.doc.node(s).kind == NodeKind::kElement ? describe_element(m.doc, s) : "#text";
        d.chars = static_cast<uint32_t>(text.size());
        d.preview = text.substr(0, 80);
        out.dropped.push_back(std::move(d));
      }
    }
  }
  return out;
}

}  // namespace pith
