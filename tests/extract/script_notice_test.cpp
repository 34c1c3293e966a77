// <noscript> notices in every script (content.cpp is_script_notice): a "JavaScript is disabled"
// notice is no content in Chinese or Japanese either, where its characters weigh three Latin
// ones each (text/words.h text_width) and once outweighed a short post.
#include <gtest/gtest.h>

#include "pages.h"
#include "pith/extract.h"

namespace pith {
namespace {

using testing::page;

Extraction run(const std::string& html) { return testing::extract_page(html); }

// A short post (a status update) and a notice to readers without scripts, as a script-drawn
// site serves them.
std::string short_post(const std::string& notice) {
  return page("<title>Status</title>",
              "<noscript><div class=\"errorContainer\"><p>" + notice +
                  "</p></div></noscript><div id=\"react-root\"><article><div lang=\"en\">Founded in 1898, the "
                  "university pioneers research and teaching. Embracing the future, it continues to connect "
                  "minds.</div></article></div>");
}

TEST(ScriptNotice, ChineseNoticeDoesNotOutweighAShortPost) {
  // 70 Han characters weigh 210 Latin ones: over the 200 of a short <noscript>.
  Extraction e = run(short_post(
      "我们检测到浏览器禁用了 JavaScript。请启用 JavaScript 或改用支持的浏览器来继续访问本网站。你可以在我们的帮助中心查看支持的浏览器列表。"));
  EXPECT_NE(e.text.find("Founded in 1898"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("JavaScript"), std::string::npos) << e.text;
}

TEST(ScriptNotice, JapaneseAndKoreanNotices) {
  Extraction ja = run(short_post(
      "このブラウザではJavaScriptが無効になっています。このサイトを引き続き利用するには、JavaScriptを有効にするか、サポート"
      "されているブラウザに切り替えてください。サポートされているブラウザの一覧はヘルプセンターで確認できます。"));
  EXPECT_NE(ja.text.find("Founded in 1898"), std::string::npos) << ja.text;
  EXPECT_EQ(ja.text.find("JavaScript"), std::string::npos) << ja.text;
  Extraction ko = run(short_post(
      "이 브라우저에서 자바스크립트가 비활성화되어 있습니다. 계속하려면 자바스크립트를 활성화하거나 지원되는 브라우저로 전환하세요. "
      "지원되는 브라우저 목록은 고객센터에서 확인할 수 있습니다. 불편을 드려 죄송합니다. 감사합니다."));
  EXPECT_NE(ko.text.find("Founded in 1898"), std::string::npos) << ko.text;
  EXPECT_EQ(ko.text.find("브라우저"), std::string::npos) << ko.text;
}

TEST(ScriptNotice, ThreadServedInNoscriptIsKept) {
  // Some forums serve the whole thread to readers without scripts: long, and no notice.
  std::string posts;
  for (int i = 0; i < 4; ++i)
    posts += "<p>第" + std::to_string(i + 1) +
             "楼：我的服务器在升级到第四版以后总是报告缓存目录的权限错误，虽然这个目录属于网站用户，而且我已经清理过两次了。</p>";
  Extraction e = run(page("<title>帖子</title>", "<noscript><div class=\"thread\">" + posts + "</div></noscript>"));
  EXPECT_NE(e.text.find("第4楼"), std::string::npos) << e.text;
}

}  // namespace
}  // namespace pith
