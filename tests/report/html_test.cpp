#include "report/html.h"

#include <gtest/gtest.h>

namespace pith::report {
namespace {

TEST(ReportHtml, EscapesMarkupAndQuotes) {
  EXPECT_EQ(escape_html("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(escape_html("a\" onerror='x' &b"), "a&quot; onerror=&#39;x&#39; &amp;b");
  EXPECT_EQ(escape_html("plain text, é"), "plain text, é");
}

TEST(ReportHtml, RepairsBytesThatAreNotUtf8) {
  EXPECT_EQ(escape_html(std::string_view("a\xff<b", 4)), "a\xEF\xBF\xBD&lt;b");
  EXPECT_EQ(escape_html(std::string_view("a\0b", 3)), "a\xEF\xBF\xBD" "b");
}

TEST(ReportHtml, JsonForScriptCannotCloseTheScript) {
  std::string out;
  append_json_for_script(out, R"({"t":"</script><!--"})");
  EXPECT_EQ(out, R"({"t":"\u003c/script>\u003c!--"})");
}

TEST(ReportHtml, ShellForbidsNetworkAndAllowsOnlyItsOwnScript) {
  std::string page;
  PageShell shell{.title = "<b>t</b>", .extra_css = ".x{}", .script = ""};
  page_begin(page, shell);
  page += "<p>body</p>";
  page_end(page, shell);
  EXPECT_NE(page.find("default-src &#39;none&#39;"), std::string::npos) << page;
  EXPECT_NE(page.find("script-src &#39;none&#39;"), std::string::npos);
  EXPECT_NE(page.find("<title>&lt;b&gt;t&lt;/b&gt;</title>"), std::string::npos);
  EXPECT_NE(page.find(".x{}</style>"), std::string::npos);
  EXPECT_EQ(page.find("<script"), std::string::npos);

  std::string scripted;
  PageShell with_script{.title = "t", .extra_css = "", .script = "console.log(1)"};
  page_begin(scripted, with_script);
  page_end(scripted, with_script);
  size_t nonce_at = scripted.find("&#39;nonce-");
  ASSERT_NE(nonce_at, std::string::npos);
  std::string nonce = scripted.substr(nonce_at + 11, 16);
  EXPECT_NE(scripted.find("<script nonce=\"" + nonce + "\">"), std::string::npos) << scripted;
}

}  // namespace
}  // namespace pith::report
