// html5lib tokenizer tests (../shared/conformance/html5lib-tests/tokenizer/*.test) against
// pith's HTML5 tokenizer. Each (test, initial state) pair is one case; a case that fails must be
// listed in html5_known_failures.txt with its reason, and a listed case that passes is an error
// too, so the list stays exact. Parse errors are not compared: pith does not report them.
// xmlViolation.test is not run: it expects the "coercing an HTML DOM into an infoset" tweaks,
// which an HTML parser does not apply.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "html/html5/tokenizer.h"
#include "html5_conformance_util.h"

namespace pith {
namespace {

using html5::State;
using html5::TokenKind;

void append_utf8(std::string& out, uint32_t cp) {
  // Generalized UTF-8: lone surrogates (which the tests use) get their 3-byte form; the
  // tokenizer passes non-ASCII bytes through, so they compare as written.
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// "doubleEscaped": \uHHHH sequences left in the decoded JSON string are code points.
std::string unescape(std::string_view s) {
  std::string out;
  auto hex4 = [&](size_t i, uint32_t& v) {
    if (i + 6 > s.size() || s[i] != '\\' || s[i + 1] != 'u') return false;
    v = 0;
    for (size_t k = i + 2; k < i + 6; ++k) {
      char c = s[k];
      uint32_t d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 99;
      if (d == 99) return false;
      v = v * 16 + d;
    }
    return true;
  };
  for (size_t i = 0; i < s.size();) {
    uint32_t v;
    if (hex4(i, v)) {
      uint32_t lo;
      if (v >= 0xD800 && v <= 0xDBFF && hex4(i + 6, lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00));
        i += 12;
      } else {
        append_utf8(out, v);
        i += 6;
      }
    } else {
      out += s[i++];
    }
  }
  return out;
}

struct TokenLine {
  std::string text;
};

std::string quote(std::string_view s) { return "\"" + test::printable(s) + "\""; }

// Runs the tokenizer and renders its tokens one per line, adjacent characters coalesced.
std::vector<std::string> run_tokenizer(std::string_view input, State state, const std::string* last_start_tag) {
  html5::Tokenizer tok;
  tok.reset(input);
  tok.set_state(state);
  if (last_start_tag) tok.set_last_start_tag(*last_start_tag);
  std::vector<std::string> out;
  std::string chars;
  bool in_chars = false;
  auto flush = [&] {
    if (in_chars) out.push_back("Character " + quote(chars));
    chars.clear();
    in_chars = false;
  };
  for (int guard = 0; guard < 100000; ++guard) {
    const html5::Token& t = tok.next();
    if (t.kind == TokenKind::kCharacters || t.kind == TokenKind::kNull) {
      chars.append(t.data);
      in_chars = true;
      continue;
    }
    flush();
    if (t.kind == TokenKind::kEof) break;
    switch (t.kind) {
      case TokenKind::kStartTag: {
        std::map<std::string, std::string> attrs;
        for (const auto& a : t.attrs) attrs.emplace(std::string(a.name), std::string(a.value));
        std::string line = "StartTag " + quote(t.data) + " {";
        for (const auto& [k, v] : attrs) line += quote(k) + "=" + quote(v) + " ";
        line += "}";
        if (t.self_closing) line += " self-closing";
        out.push_back(line);
        break;
      }
      case TokenKind::kEndTag: out.push_back("EndTag " + quote(t.data)); break;
      case TokenKind::kComment: out.push_back("Comment " + quote(t.data)); break;
      case TokenKind::kDoctype:
        out.push_back("DOCTYPE " + (t.has_name ? quote(t.data) : "null") + " " +
                      (t.has_public_id ? quote(t.public_id) : "null") + " " +
                      (t.has_system_id ? quote(t.system_id) : "null") + " " + (t.force_quirks ? "false" : "true"));
        break;
      default: break;
    }
  }
  return out;
}

std::string str_or_null(simdjson::dom::element e, bool double_escaped) {
  if (e.is_null()) return "null";
  std::string s(std::string_view(e.get_string()));
  return quote(double_escaped ? unescape(s) : s);
}

// The expected token list, rendered like run_tokenizer's (adjacent characters coalesced too).
std::vector<std::string> expected_tokens(simdjson::dom::array output, bool double_escaped) {
  std::vector<std::string> out;
  std::string chars;
  bool in_chars = false;
  auto text = [&](simdjson::dom::element e) {
    std::string s(std::string_view(e.get_string()));
    return double_escaped ? unescape(s) : s;
  };
  for (simdjson::dom::element tok : output) {
    simdjson::dom::array a = tok.get_array();
    std::string_view kind = a.at(0).get_string();
    if (kind == "Character") {
      chars += text(a.at(1));
      in_chars = true;
      continue;
    }
    if (in_chars) out.push_back("Character " + quote(chars));
    chars.clear();
    in_chars = false;
    if (kind == "StartTag") {
      std::map<std::string, std::string> attrs;
      for (auto [k, v] : a.at(2).get_object()) {
        std::string key(k);
        attrs.emplace(double_escaped ? unescape(key) : key, text(v));
      }
      std::string line = "StartTag " + quote(text(a.at(1))) + " {";
      for (const auto& [k, v] : attrs) line += quote(k) + "=" + quote(v) + " ";
      line += "}";
      if (a.size() > 3 && a.at(3).get_bool()) line += " self-closing";
      out.push_back(line);
    } else if (kind == "EndTag") {
      out.push_back("EndTag " + quote(text(a.at(1))));
    } else if (kind == "Comment") {
      out.push_back("Comment " + quote(text(a.at(1))));
    } else if (kind == "DOCTYPE") {
      out.push_back("DOCTYPE " + str_or_null(a.at(1), double_escaped) + " " + str_or_null(a.at(2), double_escaped) +
                    " " + str_or_null(a.at(3), double_escaped) + " " + (a.at(4).get_bool() ? "true" : "false"));
    }
  }
  if (in_chars) out.push_back("Character " + quote(chars));
  return out;
}

struct StateName {
  std::string_view spec, short_name;
  State state;
};
constexpr StateName kStates[] = {
    {"Data state", "Data", State::kData},
    {"PLAINTEXT state", "PLAINTEXT", State::kPlaintext},
    {"RCDATA state", "RCDATA", State::kRcdata},
    {"RAWTEXT state", "RAWTEXT", State::kRawtext},
    {"Script data state", "ScriptData", State::kScriptData},
    {"CDATA section state", "CDATA", State::kCdataSection},
};

TEST(Html5TokenizerConformance, Html5libTokenizerTests) {
  auto dir = test::html5lib_tests_dir() / "tokenizer";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "html5lib-tests not found at " << dir;
  auto known = test::load_known_failures();
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".test" && e.path().filename() != "xmlViolation.test") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  ASSERT_FALSE(files.empty());

  bool verbose = std::getenv("PITH_HTML5_VERBOSE") != nullptr;
  size_t total = 0, passed = 0;
  std::vector<std::string> new_failures, fixed;
  simdjson::dom::parser parser;
  for (const auto& path : files) {
    std::string json = test::read_file(path);
    simdjson::dom::element root;
    ASSERT_EQ(parser.parse(json).get(root), simdjson::SUCCESS) << path;
    simdjson::dom::array tests;
    ASSERT_EQ(root["tests"].get_array().get(tests), simdjson::SUCCESS) << path;
    size_t index = 0;
    for (simdjson::dom::element t : tests) {
      ++index;
      bool double_escaped = false;
      if (auto de = t["doubleEscaped"]; de.error() == simdjson::SUCCESS) double_escaped = de.get_bool();
      std::string input(std::string_view(t["input"].get_string()));
      if (double_escaped) input = unescape(input);
      std::string last_start_tag;
      bool has_last = false;
      if (auto l = t["lastStartTag"]; l.error() == simdjson::SUCCESS) {
        last_start_tag = std::string(std::string_view(l.get_string()));
        has_last = true;
      }
      std::vector<std::string_view> states;
      if (auto s = t["initialStates"]; s.error() == simdjson::SUCCESS) {
        for (simdjson::dom::element st : s.get_array()) states.push_back(st.get_string());
      } else {
        states.push_back("Data state");
      }
      auto expected = expected_tokens(t["output"].get_array(), double_escaped);
      for (std::string_view sname : states) {
        const StateName* st = nullptr;
        for (const auto& s : kStates)
          if (s.spec == sname) st = &s;
        ASSERT_NE(st, nullptr) << "unknown state " << sname;
        std::string id = "tokenizer/" + path.filename().string() + "#" + std::to_string(index) + "/" +
                         std::string(st->short_name);
        ++total;
        auto got = run_tokenizer(input, st->state, has_last ? &last_start_tag : nullptr);
        bool ok = got == expected;
        passed += ok;
        bool listed = known.count(id) > 0;
        if (!ok && !listed) new_failures.push_back(id);
        if (ok && listed) fixed.push_back(id);
        if (!ok && (verbose || !listed)) {
          std::string msg = id + "  " + std::string(std::string_view(t["description"].get_string())) +
                            "\n  input:    " + quote(input) + "\n  expected:";
          for (const auto& l : expected) msg += "\n    " + l;
          msg += "\n  got:";
          for (const auto& l : got) msg += "\n    " + l;
          std::fprintf(stderr, "%s\n", msg.c_str());
        }
      }
    }
  }
  std::fprintf(stderr, "html5lib tokenizer: %zu/%zu cases pass (%.2f%%)\n", passed, total, 100.0 * passed / total);
  for (const auto& id : new_failures) ADD_FAILURE() << "new failure (not in html5_known_failures.txt): " << id;
  for (const auto& id : fixed) ADD_FAILURE() << "listed as a known failure but passes; remove it: " << id;
  EXPECT_GE(passed * 100, total * 99) << "below the 99% target";
}

}  // namespace
}  // namespace pith
