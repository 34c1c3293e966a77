// Consent dialogs on pages without class names or ARIA roles (content.cpp consent_block): a
// block at the page's start or end whose text names cookies and consent or privacy, with a
// button that accepts or rejects them. Made-up pages, no class or id anywhere.
#include <gtest/gtest.h>

#include <string>

#include "extract/content.h"
#include "selection.h"

namespace pith {
namespace {

using testing::select_text;

const std::string kArticle =
    "<div><h1>Harbour ferry returns after winter repairs</h1>"
    "<p>The old harbour ferry made its first crossing of the season on Saturday morning, after "
    "three months in the dry dock where its hull was scraped, patched and painted a bright green.</p>"
    "<p>Passengers queued along the pier well before the first departure, many of them carrying "
    "bicycles and baskets for the weekly market on the island across the bay.</p>"
    "<p>The crew said the engine now runs quieter than it has in years, and the crossing takes "
    "eleven minutes instead of fourteen when the tide is with them.</p></div>";

// A dialog of legal prose after the footer, heavier than the article, in German: its buttons
// say "Settings" and "Accept all".
const std::string kDialog =
    "<div><div><h3>Wir respektieren Ihre Privatsphäre</h3>"
    "<p>Wir und unsere Partner verwenden Cookies und ähnliche Technologien, um Informationen auf "
    "Ihrem Gerät zu speichern und abzurufen, Inhalte und Anzeigen zu personalisieren und die "
    "Nutzung unseres Angebots zu messen. Mit Ihrer Einwilligung verarbeiten wir dabei auch "
    "personenbezogene Daten wie Ihre IP-Adresse und Kennungen Ihres Geräts.</p>"
    "<p>Sie können Ihre Einwilligung jederzeit in den Einstellungen am Ende jeder Seite widerrufen "
    "oder anpassen. Weitere Informationen finden Sie in unserer Datenschutzerklärung, in der wir "
    "alle Zwecke der Verarbeitung und alle Partner ausführlich beschreiben.</p>"
    "<p>Einige Partner verarbeiten Ihre Daten auf Grundlage eines berechtigten Interesses, dem Sie "
    "in den Einstellungen widersprechen können, ohne dass sich dadurch der Zugang zu unseren "
    "Inhalten ändert oder Funktionen der Seite verloren gehen.</p></div>"
    "<div><button>Einstellungen</button><button>Alle akzeptieren</button></div></div>";

std::string page(const std::string& main, const std::string& after) {
  return "<html><body><div><a href=\"/\">Home</a> <a href=\"/news\">News</a></div><div>" + main +
         "</div><div><p>Made-up Harbour Times</p></div>" + after + "</body></html>";
}

TEST(ConsentText, DialogAfterFooterIsDropped) {
  const std::string text = select_text(page(kArticle, kDialog), {});
  EXPECT_NE(text.find("first crossing of the season"), std::string::npos) << text;
  EXPECT_EQ(text.find("Einwilligung"), std::string::npos) << text;
}

// The same dialog with only a close button, or an article on cookies and privacy with a share
// button: no button accepts them, nothing is dropped.
TEST(ConsentText, NoAcceptButtonNothingDropped) {
  std::string dialog = kDialog;
  dialog.replace(dialog.find("Alle akzeptieren"), 16, "Teilen");
  dialog.replace(dialog.find("Einstellungen</button>"), 13, "Drucken");
  const std::string text = select_text(page(kArticle, dialog), {});
  EXPECT_NE(text.find("Einwilligung"), std::string::npos) << text;
}

// A button that says "accept" inside an article that talks about cookies and consent, in the
// middle of the page: the article stays.
TEST(ConsentText, ArticleAboutCookiesKept) {
  const std::string article =
      "<div><h1>What the new cookie rules mean for small shops</h1>"
      "<p>Since the spring, shops must ask for consent before they set any cookie that is not "
      "needed for the basket to work, and the privacy regulator has started to check.</p>"
      "<p>Most small shops use a ready-made banner, but many of those banners still hide the "
      "reject option behind a second screen, which the regulator calls unfair.</p>"
      "<div><p>Try it yourself: this example banner shows what a fair choice looks like.</p>"
      "<button>Accept</button><button>Reject</button></div>"
      "<p>Owners who are unsure can ask their trade association for a checklist, which covers the "
      "wording, the buttons and how long a choice may be remembered.</p></div>";
  const std::string long_tail =
      "<div><p>More from the shop desk: the market hall reopens, the bakery on the corner adds "
      "a second oven, and the florist moves two streets down to a bigger place.</p></div>";
  const std::string text = select_text(page(article, long_tail), {});
  EXPECT_NE(text.find("example banner"), std::string::npos) << text;
  EXPECT_NE(text.find("privacy regulator"), std::string::npos) << text;
}

// A settings panel after the footer: no button accepts, but each kind of cookie has a toggle
// (a checkbox in a <label>, as the markup is usually indented).
TEST(ConsentText, TogglePanelIsDropped) {
  const std::string panel =
      "<div><div><button>Close</button><div>Privacy preferences</div></div><div>"
      "<p>This site uses several kinds of cookies, each for its own purpose. Choose below which of "
      "them may be stored on your device; you can change your choice at any time.</p>"
      "<h4>Necessary cookies\n      <label>\n        <input type=\"checkbox\" checked disabled>\n"
      "        <span></span>\n      </label>\n    </h4>"
      "<p>They keep the site working: the login, the language you picked and the security checks.</p>"
      "<h4>Analytics cookies\n      <label>\n        <input type=\"checkbox\">\n        <span></span>\n"
      "      </label>\n    </h4>"
      "<p>They count visits and tell which pages are read, without naming anyone who reads them.</p>"
      "</div></div>";
  const std::string text = select_text(page(kArticle, panel), {});
  EXPECT_NE(text.find("first crossing of the season"), std::string::npos) << text;
  EXPECT_EQ(text.find("count visits"), std::string::npos) << text;
}

// A short notice in the article, where an embedded post would be until its cookies are allowed:
// it leaves the text, the article stays.
TEST(ConsentText, EmbedPlaceholderInArticleIsDropped) {
  std::string article = kArticle;
  article.insert(article.find("<p>Passengers"),
                 "<div><p>This post is hidden by your cookie settings. Allow the cookies of the social "
                 "network to see it here.</p><div><button>Allow</button><button>Manage consent</button>"
                 "</div></div>");
  const std::string text = select_text(page(article, ""), {});
  EXPECT_NE(text.find("Passengers queued"), std::string::npos) << text;
  EXPECT_EQ(text.find("hidden by your cookie settings"), std::string::npos) << text;
}

// The closing part of a bakery's article names cookies (the baked kind) and its privacy once
// each in a long text (about 1,100 characters) and ends with a poll's "Agree" button: two such words in over 800
// characters are too sparse for a dialog (one per 400 at least), and the part stays.
TEST(ConsentText, SparseWordsAreNoDialog) {
  const std::string closing =
      "<div><p>The bakery on the corner has sold the same oat cookie since it opened, and the "
      "owners say the recipe came from a grandmother who baked for the whole street on Sundays. "
      "They still weigh the flour by hand, bake in the early morning before the market opens, and "
      "keep the ovens going until the last tray is sold in the late afternoon.</p>"
      "<p>Regulars say the place feels like a kitchen more than a shop: there is one long table, "
      "a kettle that is always warm, and a notebook where guests write what they would like to "
      "see on the shelves next month. The owners read every page, they say, but they keep the "
      "names in it to themselves out of respect for the privacy of their guests.</p>"
      "<p>On the first Sunday of each month the owners teach a baking class for children from the "
      "school across the road, who take home what they made in paper bags they painted themselves.</p>"
      "<p>In summer the long table moves out onto the pavement, and the owners hand out the broken "
      "pieces of the morning's batch to anyone who stops to chat about the weather or the harbour.</p>"
      "<p>Should the street keep its Sunday market open through the winter?</p>"
      "<button>Agree</button><button>Disagree</button></div>";
  std::string article = kArticle;
  article.insert(article.rfind("</div>"), closing);
  const std::string text = select_text(page(article, ""), {});
  EXPECT_NE(text.find("first crossing of the season"), std::string::npos) << text;
  EXPECT_NE(text.find("same oat cookie"), std::string::npos) << text;
}

// A banner whose only choice is a link that leads nowhere (a script answers it), before the page.
TEST(ConsentText, ScriptLinkChoiceIsDropped) {
  std::string banner = kDialog;
  banner.replace(banner.find("<div><button>Einstellungen</button><button>Alle akzeptieren</button></div>"),
                 73, "<div><a href=\"#\">Einstellungen</a> <a>Alle akzeptieren</a></div>");
  const std::string text = select_text(page(kArticle, banner), {});
  EXPECT_NE(text.find("first crossing of the season"), std::string::npos) << text;
  EXPECT_EQ(text.find("Einwilligung"), std::string::npos) << text;
}

// A thread of two short posts under a top bar that holds a consent notice, its role gone: the
// notice is short enough to stay in the page for the choice (a placeholder's notice inside an
// article must not move the choice), but the choice fell on it; it goes and the thread is chosen.
TEST(ConsentText, ShortNoticeChosenOverShortPostsGoes) {
  const std::string html =
      "<html><body><div><div><a href=\"/\">Home</a> <a href=\"/boards\">Boards</a> <a href=\"/new\">New "
      "posts</a> <a href=\"/help\">Help</a> <a href=\"/login\">Sign in</a><div><div><strong>We value your "
      "privacy</strong><br>Clicking Accept means you consent to cookies and to the processing of your "
      "personal data to measure visits and show offers that suit you. Click Close to deny consent and "
      "keep only the cookies the site needs to work.</div><button>Accept</button><button>Close</button>"
      "</div></div><div><h1>Which glue for a cracked mug?</h1><div><a href=\"/u/3\">lena_r</a> <a "
      "href=\"/p/1\">2 days ago</a> <a href=\"/r/1\">Reply</a> <a href=\"/q/1\">Quote</a></div><div>My "
      "favourite mug has a hairline crack near the handle. Which glue is safe for hot tea?</div><div><a "
      "href=\"/u/4\">tom_b</a> <a href=\"/p/2\">1 day ago</a> <a href=\"/r/2\">Reply</a> <a "
      "href=\"/q/2\">Quote</a></div><div>Any two-part epoxy rated food safe once it has cured.</div></div>"
      "<div><a href=\"/terms\">Terms</a> <a href=\"/privacy\">Privacy</a></div></div></body></html>";
  for (const SelectionHints& hints : {SelectionHints{}, hints_for_page_type("forum")}) {
    const std::string text = select_text(html, hints);
    EXPECT_NE(text.find("hairline crack"), std::string::npos) << text;
    EXPECT_EQ(text.find("deny consent"), std::string::npos) << text;
  }
}

// A dialog after the footer whose accepting button sits in a small settings panel of its own,
// below the policy's prose (two screens of it, heavier than the article): the panel is the
// first wrapper to pass, and the wrappers above it that pass too are the same dialog; the whole
// dialog goes, its prose with it.
TEST(ConsentText, DialogAroundSettingsPanelGoesWhole) {
  const std::string dialog =
      "<div><div><h2>How we use cookies</h2>"
      "<p>This notice explains how the publisher and its partners use cookies and similar tracking "
      "technologies when you visit the site, and which choices you have about them.</p>"
      "<p>A cookie is a small file that a site stores on your device. Some cookies are needed for the "
      "site to work; others remember your settings, count visits or show offers that suit you.</p>"
      "<p>Where the law asks for your consent, we only set optional cookies after you gave it, and you "
      "may withdraw your consent at any time from the privacy settings at the foot of each page.</p>"
      "<p>Partners that measure visits may combine what their cookies record with other data they "
      "hold about you; their own privacy notices say how long they keep it and who they share it with.</p>"
      "<p>You can also block or delete cookies in your browser, though some parts of the site may then "
      "stop working, such as the login, the saved reading list and the weather for your town.</p></div>"
      "<div><div><p>Cookie settings</p><p>Your consent choices</p></div>"
      "<div><button>Reject all</button><button>Accept all</button></div></div></div>";
  const std::string text = select_text(page(kArticle, dialog), {});
  EXPECT_NE(text.find("first crossing of the season"), std::string::npos) << text;
  EXPECT_EQ(text.find("withdraw your consent"), std::string::npos) << text;
}

// A consent banner in Chinese whose buttons say "accept all cookies" (接受) and "reject all"
// (拒绝), not "agree" (同意): it goes, the article stays.
TEST(ConsentText, ChineseAcceptButtonDialogIsDropped) {
  const std::string article =
      "<div><h1>港口渡轮完成冬季维修后恢复航行</h1>"
      "<p>这艘老渡轮在干船坞里停了三个月，船体经过清理、修补并重新刷成了鲜绿色，周六早上完成了本季第一次航行。</p>"
      "<p>乘客们在第一班船出发前很久就沿着码头排起了长队，很多人带着自行车和篮子，准备去海湾对面的小岛赶集。</p>"
      "<p>船员说发动机现在比这些年来都安静，顺着潮水航行时，一趟只需要十一分钟，而不是原来的十四分钟。</p></div>";
  const std::string dialog =
      "<div><div><p>我们使用 Cookie 以保证网站正常运行、个性化内容和广告、提供社交媒体功能并分析访问量。"
      "我们还会与社交媒体、广告和分析合作伙伴分享您使用本网站的信息。</p>"
      "<p>隐私偏好中心</p><p>您访问任何网站时，网站都可能在您的浏览器上存储或检索信息，大多数以 Cookie 的形式进行。"
      "这些信息可能与您、您的偏好或您的设备有关，主要用于让网站按照您期望的方式工作。"
      "您可以选择不允许某些类型的 Cookie，但阻止它们可能会影响您的网站体验和我们能够提供的服务。"
      "请在下方管理您的隐私选择，或者阅读我们的隐私政策以了解更多信息。</p></div>"
      "<div><button>接受所有 Cookie</button><button>全部拒绝</button></div></div>";
  const std::string text = select_text(page(article, dialog), {});
  EXPECT_NE(text.find("乘客们"), std::string::npos) << text;
  EXPECT_EQ(text.find("隐私偏好中心"), std::string::npos) << text;
}

// A feed of short posts, one of them an embed whose cookies are not allowed yet: the embed's
// notice goes, but the post around it stays, though its words name cookies often enough for a
// short wrapper: what the post adds to the notice is its own text, not more of a dialog's.
TEST(ConsentText, PostAroundEmbedNoticeStays) {
  const std::string post =
      "<div><div><p>Ferry timetable</p></div>"
      "<div><p>Tom Baker, 9:12 AM</p><p>Spring timetable is out.</p>"
      "<p>Crossings every twenty minutes at weekends, every forty in the week.</p>"
      "<div><p>This content isn't visible due to your cookie preferences. Allow the video site's cookies "
      "to see it here, or change your consent in the privacy settings.</p>"
      "<div><button>Allow cookies</button></div></div></div></div>";
  std::string article = kArticle;
  article.insert(article.rfind("</div>"), post);
  const std::string text = select_text(page(article, ""), {});
  EXPECT_NE(text.find("Crossings every twenty minutes"), std::string::npos) << text;
  EXPECT_EQ(text.find("isn't visible"), std::string::npos) << text;
}

}  // namespace
}  // namespace pith
