// Boilerplate rule tables (src/extract/rules.cpp): class patterns, on their own and on small pages.
#include <gtest/gtest.h>

#include <string>

#include "extract/rules.h"
#include "pages.h"
#include "pith/extract.h"
#include "selection.h"

namespace pith {
namespace {

using testing::kProse;
using testing::page;

Extraction run(const std::string& html) { return testing::extract_page(html); }

// A class naming a layout that has or lacks a part is not that part; the part itself still is.
TEST(ClassRules, NamesAnArticlesLead) {
  EXPECT_TRUE(names_article_lead("article__lead "));
  EXPECT_TRUE(names_article_lead("dek char-limit "));
  EXPECT_TRUE(names_article_lead("art_summary "));
  EXPECT_TRUE(names_article_lead(" story-teaser"));
  EXPECT_FALSE(names_article_lead("leaderboard "));  // an ad slot, not "lead"
  EXPECT_FALSE(names_article_lead("tile-excerpt "));  // a listicle's item blurb
  EXPECT_FALSE(names_article_lead("story-body "));
}

TEST(ClassRules, LayoutModifierIsNotThePart) {
  EXPECT_EQ(match_class("section-with-header").rule, "");
  EXPECT_EQ(match_class("layout has-sidebar").rule, "");
  EXPECT_EQ(match_class("page no-sidebar").rule, "");
  EXPECT_EQ(match_class("card has_footer").rule, "");
  EXPECT_EQ(match_class("site-header").rule, "class:header");
  EXPECT_EQ(match_class("header header--has-menu").rule, "class:header");
  EXPECT_EQ(match_class("left-sidebar").rule, "class:sidebar");
  EXPECT_EQ(match_class("mega-menu").rule, "class:nav");
  // Only right after the modifier word: "width-header" is no "with-".
  EXPECT_EQ(match_class("width-header").rule, "class:header");
}

// The modifier counts before any substring pattern, not only a layout part's: a product card's
// title row "with reviews" (its star rating beside the name) is the title, not the reviews.
TEST(ClassRules, ModifierBeforeAnyPatternIsNotThePart) {
  EXPECT_EQ(match_class("product-card_title-container product-card_title-container--with-reviews").rule, "");
  EXPECT_EQ(match_class("gallery has-share").rule, "");
  EXPECT_EQ(match_class("product-reviews").rule, "class:reviews");
  EXPECT_EQ(match_class("post-share-buttons").rule, "class:share");
}

// A class name opened by a negating modifier says what the element lacks or turns off: a
// teaser grid marked "hide-read-more-ad" (no read-more ad slot in it) is no ad and no read-more
// link, "no-ads" no ad. The other class names beside it still count, and a plain "ad" is an ad.
// A BEM element named for a list of other pages ("__recommend") is that list whatever content
// word its component's name holds ("story-content__"); a content word in the element's own part
// still offsets it, and a "__" that only parts a name from its hash (CSS modules) names no element.
TEST(ClassRules, RelatedBemElementIsNotOffsetByItsComponent) {
  EXPECT_EQ(match_class("story-content__recommend--box").rule, "class:related");
  EXPECT_LE(match_class("story-content__recommend--box").weight, -25);
  EXPECT_LE(match_class("story-body__related-list").weight, -25);
  EXPECT_GT(match_class("story-content-recommend-box").weight, -25);  // no BEM element: offset
  EXPECT_GT(match_class("story__recommend-content").weight, -25);         // content in its own part
  EXPECT_GT(match_class("answerview_answertextwrapper__x7k2q").weight, -25);
}

TEST(ClassRules, NegatedClassNamesDoNotCount) {
  EXPECT_EQ(match_class("summary-grid-items kfvbxq hide-read-more-ad").rule, "");
  EXPECT_EQ(match_class("story no-ads").rule, "");
  EXPECT_EQ(match_class("sidebar-box without-ads").rule, "class:sidebar");
  EXPECT_EQ(match_class("read-more-ad").rule, "class:ad");
  EXPECT_EQ(match_class("top ad").rule, "class:ad");
}

// Utility classes with an arbitrary value or variant (Tailwind) name a style, whatever words the
// value holds; the element's other class names still count.
TEST(ClassRules, ArbitraryValueUtilitiesDoNotCount) {
  EXPECT_EQ(match_class("stack lg:first:pt-[calc(var(--banner-min-height))] has-[>[data-slot=banner]]:pt-0").rule, "");
  EXPECT_EQ(match_class("grid [--sidebar-width:16rem] px-4").rule, "");
  EXPECT_EQ(match_class("site-banner pt-[calc(var(--header-h))]").rule, "class:banner");
}

// A shop's faceted filters beside its product list (the brands, prices and sizes to narrow it
// by, with their counts) are no part of the list, whatever the framework calls the facet or the
// box of filters; an item of a filterable list ("filter-active") is no filter.
TEST(ClassRules, FacetedFiltersGo) {
  EXPECT_EQ(match_class("facet-list").rule, "class:filters");
  EXPECT_EQ(match_class("search-facets_group__x1").rule, "class:filters");
  EXPECT_EQ(match_class("ProductList_filters__hr").rule, "class:filters");
  EXPECT_EQ(match_class("product-grid").rule, "");
  EXPECT_EQ(match_class("item filter-active").rule, "");
  Extraction e = run(page("<title>Trail shoes</title>",
                          "<main><h1>Trail Running Shoes</h1>" + kProse +
                              "<div class=\"search-facets\"><h2>Brand</h2><ul><li>Northpeak (41)</li>"
                              "<li>Ridgeway (17)</li></ul><h2>Price</h2><ul><li>Under 100 (23)</li></ul></div>"
                              "</main>"));
  EXPECT_NE(e.text.find("Storms moved across"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Northpeak"), std::string::npos) << e.text;
}

// Screen-reader-only text goes under every framework's name for it, not only "sr-only": on a
// Q&A page each poster's card spelled out its badges ("2 gold badges14 silver badges").
TEST(ClassRules, ScreenReaderOnlyTextUnderItsOtherNames) {
  for (const char* cls : {"v-visible-sr", "visuallyhidden", "element-invisible", "assistive-text"}) {
    const ClassMatch m = match_class(cls);
    EXPECT_EQ(m.rule, "class:hidden") << cls;
    EXPECT_TRUE(m.hidden) << cls;
  }
  EXPECT_EQ(match_class("invisible-border").rule, "");
  Extraction e = run(page("<title>Shortcuts</title>",
                          "<main>" + kProse +
                              "<div class=\"user-card\"><a href=\"/u/1\">Pup</a> <span>1,992</span>"
                              "<span class=\"v-visible-sr\">2 gold badges</span>"
                              "<span class=\"v-visible-sr\">14 silver badges</span></div></main>"));
  EXPECT_NE(e.text.find("Storms moved across"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("gold badges"), std::string::npos) << e.text;
}

// The prompt a forum prints in place of the reply box for a reader who is not logged in
// (Kunena, Asgaros, DW Question & Answer, Mumsnet's wording), however the sentence ends.
TEST(Phrases, LoginPromptInPlaceOfTheReplyBox) {
  EXPECT_EQ(boilerplate_phrase_rule("Please Log in or Create an account to join the conversation."),
            "phrase:comment-form");
  EXPECT_EQ(boilerplate_phrase_rule("Please login or Register to submit your answer"), "phrase:comment-form");
  EXPECT_EQ(boilerplate_phrase_rule("Please sign in or register to reply."), "phrase:comment-form");
  EXPECT_EQ(boilerplate_phrase_rule("Please create an account or log in to access all these features"),
            "phrase:comment-form");
  EXPECT_EQ(boilerplate_phrase_rule("Log in or register once and the settings follow you."), "");
}

// A share bar's "Copy link" button is chrome in any of the large web languages; a sentence
// about copying the link, or the bracketed forum control, is not the button.
TEST(Phrases, CopyLinkButton) {
  EXPECT_EQ(boilerplate_phrase_rule("Copy link"), "phrase:share");
  EXPECT_EQ(boilerplate_phrase_rule("Linki Kopyala"), "phrase:share");
  EXPECT_EQ(boilerplate_phrase_rule("\xE0\xA4\x95\xE0\xA5\x89\xE0\xA4\xAA\xE0\xA5\x80 "
                                    "\xE0\xA4\xB2\xE0\xA4\xBF\xE0\xA4\x82\xE0\xA4\x95"),
            "phrase:share");  // कॉपी लिंक
  EXPECT_EQ(boilerplate_phrase_rule("\xE5\xA4\x8D\xE5\x88\xB6\xE9\x93\xBE\xE6\x8E\xA5"), "phrase:share");  // 复制链接
  EXPECT_EQ(boilerplate_phrase_rule("Copy link to the report and send it to your team"), "");
  EXPECT_EQ(boilerplate_phrase_rule("[\xE5\xA4\x8D\xE5\x88\xB6\xE9\x93\xBE\xE6\x8E\xA5]"), "");
}

// A BEM modifier that hides its block ("story__page_hidden", "panel--hidden") hides it as the
// "hidden" class does: the later pages of an article served on one page go; a utility class that
// clips overflow ("u-overflow--hidden") hides nothing of its element.
TEST(ClassRules, HiddenStateModifierHides) {
  EXPECT_TRUE(match_class("story__page story__page_hidden").hidden);
  EXPECT_TRUE(match_class("panel panel--hidden").hidden);
  EXPECT_FALSE(match_class("u-overflow--hidden").hidden);
  EXPECT_FALSE(match_class("box overflow-x--hidden").hidden);
  EXPECT_FALSE(match_class("field--label-hidden").hidden);
  EXPECT_FALSE(match_class("--hidden").hidden);
  Extraction e = run(page("<title>Storms in the valley</title>",
                          "<article><h1>Storms in the valley</h1><div class=\"story__page\">" + kProse +
                              "</div><div class=\"story__page story__page_hidden\"><h2>Page two</h2><p>The "
                              "second page tells of the bridge that the flood carried away, and of the ferry that "
                              "the villagers ran until the new one was built in the spring.</p></div>"
                              "<div class=\"u-overflow--hidden\"><p>A closing paragraph sits in a box that clips "
                              "its overflow, as many layouts wrap their text, and it is read like any other.</p>"
                              "</div></article>"));
  EXPECT_NE(e.text.find("river rose"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("ferry"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("clips its overflow"), std::string::npos) << e.text;
}

// The "news code" line of an Iranian news article (the agency's number for the story, its date
// and views) is the article's catalogue entry; a sentence that mentions a news code is text.
TEST(Phrases, PersianNewsCodeLine) {
  EXPECT_EQ(boilerplate_phrase_rule("کد خبر : 48213 | 12 مهر 1402 | 1.2K بازدید"), "phrase:counter");
  EXPECT_EQ(boilerplate_phrase_rule("کد مطلب: 9051"), "phrase:counter");
  EXPECT_EQ(boilerplate_phrase_rule("این گزارش درباره کد خبر نیست"), "");
}

// The hiding helpers of CSS frameworks ("is-hidden", "u-hidden") hide as "hidden" does; their
// responsive forms hide on some screens only and do not count.
TEST(ClassRules, FrameworkHidingHelpersHide) {
  EXPECT_TRUE(match_class("card is-hidden").hidden);
  EXPECT_TRUE(match_class("u-hidden").hidden);
  EXPECT_FALSE(match_class("card is-hidden-mobile").hidden);
  Extraction e = run(page("<title>Storms in the valley</title>",
                          "<article><h1>Storms in the valley</h1>" + kProse +
                              "<div class=\"recipe-card is-hidden\"><p>A card kept for a later step of the page, "
                              "with a note on the old mill that the reader never sees before a script shows it.</p>"
                              "</div></article>"));
  EXPECT_NE(e.text.find("river rose"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("old mill"), std::string::npos) << e.text;
}

// The heading of a news site's box of its most read stories heads a list in the large web
// languages as "Most read" does; an article heading that starts with the same words is text.
TEST(Phrases, MostReadHeadingsInTheLargeWebLanguages) {
  bool heads_list = false;
  EXPECT_EQ(boilerplate_phrase_rule("Meistgelesen", &heads_list), "phrase:related");
  EXPECT_TRUE(heads_list);
  EXPECT_EQ(boilerplate_phrase_rule("Lo más leído"), "phrase:related");
  EXPECT_EQ(boilerplate_phrase_rule("EN ÇOK OKUNANLAR"), "");  // only ASCII is lower-cased
  EXPECT_EQ(boilerplate_phrase_rule("En çok okunanlar"), "phrase:related");
  EXPECT_EQ(boilerplate_phrase_rule("Самое читаемое"), "phrase:related");
  EXPECT_EQ(boilerplate_phrase_rule("热门文章"), "phrase:related");
  EXPECT_EQ(boilerplate_phrase_rule("Les plus lus de la semaine dans notre village"), "");
  Extraction e = run(page("<title>Regen im Tal</title>",
                          "<main><article><h1>Regen im Tal</h1>" + kProse +
                              "<section><h3>Meistgelesen</h3><ul><li><a href=\"/a\">Neue Br\xC3\xBC" "cke "
                              "f\xC3\xBCr das Dorf am Fluss er\xC3\xB6" "ffnet</a><p>Nach zwei Jahren Bauzeit fahren die "
                              "ersten Autos \xC3\xBC" "ber die neue Br\xC3\xBC" "cke am Fluss.</p></li><li><a href=\"/b\">Markt "
                              "zieht auf den Kirchplatz um</a><p>Ab dem Fr\xC3\xBChjahr stehen die St\xC3\xA4nde vor der "
                              "Kirche, sagte die Gemeinde am Montag.</p></li></ul></section></article></main>",
                          "de"));
  EXPECT_NE(e.text.find("river rose"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Kirchplatz"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Meistgelesen"), std::string::npos) << e.text;
}

// The headings of the other boxes of stories ("you may also like", "people also read", "more
// news", "latest news") head a list in each large web language; a sentence or a longer heading
// with the same words is text.
TEST(Phrases, MoreStoriesHeadingsInTheLargeWebLanguages) {
  for (const char* h : {"Das k\xC3\xB6nnte Ihnen auch gefallen", "Vous aimerez aussi", "Te puede interesar",
                        "Potrebbe interessarti", "Voc\xC3\xAA tamb\xC3\xA9m pode gostar", "Meer nieuws",
                        "Mo\xC5\xBC" "e ci\xC4\x99 zainteresowa\xC4\x87", "Son haberler", "Berita lainnya",
                        "\xD0\x94\xD1\x80\xD1\x83\xD0\xB3\xD0\xB8\xD0\xB5 \xD0\xBD\xD0\xBE\xD0\xB2\xD0\xBE\xD1\x81\xD1\x82\xD0\xB8",  // Другие новости
                        "あなたにおすすめ", "大家都在看", "其他人也在看", "你可能還想看", "인기 기사",
                        "\xD8\xA2\xD8\xAE\xD8\xB1 \xD8\xA7\xD9\x84\xD8\xA3\xD8\xAE\xD8\xA8\xD8\xA7\xD8\xB1",  // آخر الأخبار
                        "People also read", "Top stories"}) {
    bool heads_list = false;
    EXPECT_EQ(boilerplate_phrase_rule(h, &heads_list), "phrase:related") << h;
    EXPECT_TRUE(heads_list) << h;
  }
  EXPECT_EQ(boilerplate_phrase_rule("Berita lainnya dari desa itu datang terlambat."), "");
  EXPECT_EQ(boilerplate_phrase_rule("大家都在看这场比赛的最后一分钟"), "");
  EXPECT_EQ(boilerplate_phrase_rule("Recommended"), "");  // a spec sheet's "Recommended:" row
}

// The box of a site's or a poster's newest and recommended pieces, headed "最新发布" (latest
// posts), "热门推荐" (hot picks), "相关问题" (related questions) or "新着記事" (new articles),
// heads a list as "相关阅读" does; a heading that goes on after the same words is text.
TEST(Phrases, ChineseAndJapaneseLatestAndRecommendedHeadings) {
  bool heads_list = false;
  EXPECT_EQ(boilerplate_phrase_rule(" 最新发布 ", &heads_list), "phrase:related");
  EXPECT_TRUE(heads_list);
  EXPECT_EQ(boilerplate_phrase_rule("热门推荐"), "phrase:related");
  EXPECT_EQ(boilerplate_phrase_rule("相關問題"), "phrase:related");
  EXPECT_EQ(boilerplate_phrase_rule("新着記事"), "phrase:related");
  EXPECT_EQ(boilerplate_phrase_rule("最新发布的三款手机对比"), "");
  Extraction e = run(page("<title>阳台种花</title>",
                          "<main><article><h1>阳台种花</h1>" + kProse +
                              "<div class=\"box\"><div class=\"box-title\">热门推荐</div><ul><li><a href=\"/a\">"
                              "月季的冬季修剪方法</a></li><li><a href=\"/b\">多肉植物夏天怎么浇水</a></li><li><a "
                              "href=\"/c\">绿萝黄叶的几个原因</a></li></ul></div></article></main>",
                          "zh"));
  EXPECT_NE(e.text.find("river rose"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("热门推荐"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("多肉植物"), std::string::npos) << e.text;
}

// A Chinese user panel's or post footer's figures with their label before the number and no
// colon ("粉丝 0", "评论13", "主题148回复8": followers, comments, topics and replies) are a
// count, not text; a label without a number or with words after it is text.
TEST(Phrases, ChineseCountsAfterTheirLabel) {
  EXPECT_EQ(boilerplate_phrase_rule("粉丝 0"), "phrase:counter");
  EXPECT_EQ(boilerplate_phrase_rule("评论13"), "phrase:counter");
  EXPECT_EQ(boilerplate_phrase_rule("主题148回复8"), "phrase:counter");
  EXPECT_EQ(boilerplate_phrase_rule("获赞：1.2万 | 关注 35"), "phrase:counter");
  EXPECT_EQ(boilerplate_phrase_rule("粉丝 0 个"), "");
  EXPECT_EQ(boilerplate_phrase_rule("关注我们"), "");
  EXPECT_EQ(boilerplate_phrase_rule("主题 2024 年的花展"), "");
  EXPECT_EQ(boilerplate_phrase_rule("评论"), "phrase:widget");  // the button, as before
}

// "View all" under the first answers or comments, with their count or alone, is the control
// that loads the rest, in Chinese, Japanese and Korean; a longer line that only opens so
// stays, as does a sentence that opens with the same words.
TEST(Phrases, ViewAllControlsInChineseJapaneseKorean) {
  EXPECT_EQ(boilerplate_phrase_rule("查看全部 35 个回答"), "phrase:widget");
  EXPECT_EQ(boilerplate_phrase_rule("查看全部评论"), "phrase:widget");
  EXPECT_EQ(boilerplate_phrase_rule("顯示全部"), "phrase:widget");
  EXPECT_EQ(boilerplate_phrase_rule("すべて見る"), "phrase:widget");
  EXPECT_EQ(boilerplate_phrase_rule("전체보기"), "phrase:widget");
  EXPECT_EQ(boilerplate_phrase_rule("显示全部的植物名称之前，先按科属把它们分成几组，再按开花的季节排列，这样读者在花园里对照时最容易找到。"), "");
  EXPECT_EQ(boilerplate_phrase_rule("查看全部12条评论"), "phrase:widget");
  EXPECT_EQ(boilerplate_phrase_rule("查看全部文件的方法是输入 ls -a"), "");  // a tutorial's sentence
}

// The label over an ad slot inside an article is boilerplate in each language's own word
// ("Anzeige", "Reklam", "广告") and in the line that says the article goes on below the ad; the
// word in a sentence or a longer heading is text.
TEST(Phrases, AdLabelsInTheLargeWebLanguages) {
  EXPECT_EQ(boilerplate_phrase_rule("Anzeige"), "phrase:ad");
  EXPECT_EQ(boilerplate_phrase_rule("PUBLICIDAD"), "phrase:ad");
  EXPECT_EQ(boilerplate_phrase_rule("Publicit\xC3\xA9"), "phrase:ad");  // Publicité
  EXPECT_EQ(boilerplate_phrase_rule("Iklan"), "phrase:ad");
  EXPECT_EQ(boilerplate_phrase_rule("\xD0\xA0\xD0\xB5\xD0\xBA\xD0\xBB\xD0\xB0\xD0\xBC\xD0\xB0"), "phrase:ad");  // Реклама
  EXPECT_EQ(boilerplate_phrase_rule(" \xE5\xB9\xBF\xE5\x91\x8A "), "phrase:ad");  // 广告
  EXPECT_EQ(boilerplate_phrase_rule("\xE5\xBA\x83\xE5\x91\x8A"), "phrase:ad");    // 広告
  EXPECT_EQ(boilerplate_phrase_rule("Article continues below"), "phrase:ad");
  EXPECT_EQ(boilerplate_phrase_rule("Haberin Devamı"), "phrase:ad");
  EXPECT_EQ(boilerplate_phrase_rule("\xC4\xB0\xC3\xA7" "eri\xC4\x9Fin Devam\xC4\xB1 A\xC5\x9F" "a\xC4\x9F\xC4\xB1" "da"), "phrase:ad");  // İçeriğin Devamı Aşağıda
  EXPECT_EQ(boilerplate_phrase_rule("La suite apr\xC3\xA8s cette publicit\xC3\xA9"), "phrase:ad");
  EXPECT_EQ(boilerplate_phrase_rule("Continua ap\xC3\xB3s a publicidade"), "phrase:ad");
  EXPECT_EQ(boilerplate_phrase_rule("La suite apr\xC3\xA8s la publicit\xC3\xA9 de la marque a surpris les clients."), "");
  EXPECT_EQ(boilerplate_phrase_rule("Werbung im Wandel der Zeit"), "");
  EXPECT_EQ(boilerplate_phrase_rule("Die Anzeige ging bei der Polizei ein."), "");
}

// On a page: the label between two paragraphs goes; the same word leading a promoted link's
// line stays with the line, which is judged as a whole.
TEST(Phrases, AdLabelBetweenParagraphsGoesLabelInALinkStays) {
  Extraction e = run(page("<title>Regen im Tal</title>",
                          "<article><h1>Regen im Tal</h1><p>Am Dienstag zogen Gewitter durch das Tal und brachten "
                          "den Feldern den lange erwarteten Regen. Die Bauern sagten, er komme zu sp\xC3\xA4t f\xC3\xBCr "
                          "die erste Saat.</p><div class=\"slot\"><span>Anzeige</span><div class=\"slot-frame\"></div>"
                          "</div><p>Der Fluss stieg \xC3\xBC" "ber Nacht um einen halben Meter, und die Gemeinde sperrte zwei "
                          "Stra\xC3\x9F" "en am Ufer bis zum Abend.</p><p><a href=\"/leser/reise\"><b>Anzeige</b> "
                          "Leserreise an den Gardasee im Herbst</a></p></article>",
                          "de"));
  EXPECT_NE(e.text.find("Fluss stieg"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Anzeige\n"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("Anzeige Leserreise"), std::string::npos) << e.text;
}

// An ad set inline among the lines of an article's text, a link that opens with the label as an
// element of its own ("<a><i>广告</i><span>headline</span></a>" between <br>-broken lines),
// goes whole; a link that only names the word, and the lines around it, stay.
TEST(Phrases, InlineLinkOpenedByAnAdLabelGoesWhole) {
  Extraction e = run(page("<title>暴雨</title>",
                          "<article><h1>暴雨抵达山谷</h1><div class=\"body\">周二，暴雨席卷山谷，给等待了几个月雨水的农场"
                          "带来了充足的降水。农民们说，这场雨对早季作物来说来得太晚。<br><a href=\"/x\"><i>广告</i>"
                          "<span>山谷度假小屋限时优惠</span></a><br>河水在一夜之间上涨了半米，官员提醒司机避开河边的低洼道路。"
                          "<br>两个村庄的学校当天停课，<a href=\"/ads\">广告法</a>的新规也在同一天公布。</div></article>",
                          "zh"));
  EXPECT_NE(e.text.find("河水在一夜之间"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("度假小屋"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("广告法"), std::string::npos) << e.text;
}

// A Chinese or Japanese site's notice on reprinting closing an article, a line of the layout
// after the text (not a paragraph of it), goes as a reservation of rights does; an article
// sentence about reprints, in its own paragraph, stays.
TEST(Phrases, ReprintNoticeClosingAnArticleGoes) {
  EXPECT_TRUE(is_copyright_notice("转载请注明出处：示例文学网"));
  EXPECT_TRUE(is_copyright_notice("無断転載禁止"));
  EXPECT_FALSE(is_copyright_notice("这篇文章被多家报纸转载。"));
  Extraction e = run(page("<title>秋夜</title>",
                          "<div class=\"poem\"><h1>秋夜</h1><p>秋风吹过山谷，落叶铺满了小路。老人坐在门前，望着远方的群山，"
                          "想起了年轻时走过的那些地方。</p><p>夜深了，村里的灯一盏一盏熄灭，只有河水还在轻轻地流着，"
                          "像是在讲一个很长很长的故事。</p><p>这首诗后来被许多报纸转载。</p><br>"
                          "转载请注明：示例诗词网 » 秋夜</div>",
                          "zh"));
  EXPECT_NE(e.text.find("河水还在"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("许多报纸转载"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("转载请注明"), std::string::npos) << e.text;
}

// The controls forum and Q&A software draws as text between the posts are whole-block phrases:
// a quote's expander, an edit link, a prompt to ask or to log in. A sentence that only starts
// with the words is text.
TEST(Phrases, ForumControlsBetweenPosts) {
  EXPECT_EQ(boilerplate_phrase_rule("Click to expand..."), "phrase:widget");
  EXPECT_EQ(boilerplate_phrase_rule("Improve this answer"), "phrase:widget");
  EXPECT_EQ(boilerplate_phrase_rule("Ask Question"), "phrase:call-to-action");
  EXPECT_EQ(boilerplate_phrase_rule("Start asking to get answers"), "phrase:call-to-action");
  EXPECT_EQ(boilerplate_phrase_rule("Find the answer to your question by asking."), "phrase:call-to-action");
  EXPECT_EQ(boilerplate_phrase_rule("You must log in to answer this question."), "phrase:comment-form");
  EXPECT_EQ(boilerplate_phrase_rule("Click to expand the panel and check the fuse"), "");
  EXPECT_EQ(boilerplate_phrase_rule("Reply With Quote"), "phrase:widget");
  EXPECT_EQ(boilerplate_phrase_rule("Click to shrink..."), "phrase:widget");
  EXPECT_EQ(boilerplate_phrase_rule("Print view"), "phrase:widget");
  EXPECT_EQ(boilerplate_phrase_rule("Show activity on this post."), "phrase:widget");
  EXPECT_EQ(boilerplate_phrase_rule("Follow this answer to receive notifications"), "phrase:widget");
  // A word that names a button may be an inline name in the text (a Go package "quote").
  EXPECT_EQ(boilerplate_phrase_rule("quote"), "");
  const std::string post = "<div class=\"message\"><blockquote><p>Which fuse is it?</p>"
                           "<div class=\"expand\">Click to expand...</div></blockquote>" +
                           kProse + "</div>";
  Extraction e = run(page("<title>Fuses</title>", "<main><h1>Fuses</h1>" + post + post + "</main>"));
  EXPECT_NE(e.text.find("Storms moved across"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Click to expand"), std::string::npos) << e.text;
}

// A poster's statistics printed as bare "Label: value" lines beside the post, with no class to
// tell them apart (phpBB's <dd>, vBulletin's <div>): counts in several languages and the date
// the poster joined. A label with a word for a value, or a sentence, is text.
TEST(Phrases, PosterStatLines) {
  EXPECT_EQ(boilerplate_phrase_rule("Posts: 4032"), "phrase:poster-stat");
  EXPECT_EQ(boilerplate_phrase_rule("  Posts:  1,077 "), "phrase:poster-stat");
  EXPECT_EQ(boilerplate_phrase_rule("Beiträge: 52"), "phrase:poster-stat");
  EXPECT_EQ(boilerplate_phrase_rule("Join Date: Mar 2016"), "phrase:poster-stat");
  EXPECT_EQ(boilerplate_phrase_rule("Registered: 2019-04-02"), "phrase:poster-stat");
  EXPECT_EQ(boilerplate_phrase_rule("Posts: see the list below"), "");
  EXPECT_EQ(boilerplate_phrase_rule("Joined: Antiquity"), "");
  EXPECT_EQ(boilerplate_phrase_rule("Location: Leeds"), "");
  EXPECT_EQ(boilerplate_phrase_rule("Posts: 4032 of them were about fuses"), "");
  const std::string post = "<table><tr><td><a href=\"/u/1\">Pup</a><div>Join Date: Mar 2016</div>"
                           "<div>Posts: 1,077</div></td><td>" + kProse + "</td></tr></table>";
  Extraction e = run(page("<title>Fuses</title>", "<main><h1>Fuses</h1>" + post + post + "</main>"));
  EXPECT_NE(e.text.find("Storms moved across"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Posts:"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Join Date"), std::string::npos) << e.text;
}

// Expand, collapse, read the full text, load more, loading: a page's controls in Chinese, each
// a block of its own. A sentence about reading the full text is text.
TEST(Phrases, ChineseExpandAndLoadControls) {
  EXPECT_EQ(boilerplate_phrase_rule("展开"), "phrase:widget");
  EXPECT_EQ(boilerplate_phrase_rule("收起"), "phrase:widget");
  EXPECT_EQ(boilerplate_phrase_rule("阅读全文"), "phrase:widget");
  EXPECT_EQ(boilerplate_phrase_rule("加载更多新闻"), "phrase:widget");
  EXPECT_EQ(boilerplate_phrase_rule("加载中..."), "phrase:widget");
  EXPECT_EQ(boilerplate_phrase_rule("阅读全文之后，我才明白作者的意思"), "");
}

// A count and what it counts as a line of its own, the number first or in brackets after the
// noun, in Chinese and English: the figures under a post. A count of something else, or a
// sentence, is text.
TEST(Phrases, CounterLines) {
  EXPECT_EQ(boilerplate_phrase_rule("8条评论"), "phrase:counter");
  EXPECT_EQ(boilerplate_phrase_rule("4 个评论"), "phrase:counter");
  EXPECT_EQ(boilerplate_phrase_rule("浏览 (640)"), "phrase:counter");
  EXPECT_EQ(boilerplate_phrase_rule("1,024 Views"), "phrase:counter");
  EXPECT_EQ(boilerplate_phrase_rule("12 replies"), "phrase:counter");
  // a poster's post count under the name, an answer count over a question's answers
  EXPECT_EQ(boilerplate_phrase_rule("318 Posts"), "phrase:counter");
  EXPECT_EQ(boilerplate_phrase_rule("4 Answers"), "phrase:counter");
  EXPECT_EQ(boilerplate_phrase_rule("12 apples"), "");
  EXPECT_EQ(boilerplate_phrase_rule("浏览 (全部)"), "");
  EXPECT_EQ(boilerplate_phrase_rule("8条评论都说这家店的面很好吃"), "");
}

// The controls and notices between a Chinese thread's posts: view the starter's posts only or
// newest first, a deleted comment's placeholder, the end of a list that loads as it scrolls, a
// poster's default bio and the prompt to log in before commenting. A sentence that merely opens
// with "请登录后" is long, and stays.
TEST(Phrases, ChineseThreadControlsAndNotices) {
  EXPECT_EQ(boilerplate_phrase_rule("只看楼主"), "phrase:widget");
  EXPECT_EQ(boilerplate_phrase_rule("倒序看帖"), "phrase:widget");
  EXPECT_EQ(boilerplate_phrase_rule("该评论已删除"), "phrase:widget");
  EXPECT_EQ(boilerplate_phrase_rule("没有更多了"), "phrase:widget");
  EXPECT_EQ(boilerplate_phrase_rule("这个人很懒，什么都没有留下~"), "phrase:widget");
  EXPECT_EQ(boilerplate_phrase_rule("请 登录后发表观点"), "phrase:comment-form");
  EXPECT_EQ(boilerplate_phrase_rule("请登录后发表评论"), "phrase:comment-form");
  EXPECT_EQ(boilerplate_phrase_rule("请登录后在设置页面找到缓存选项，把它关掉之后重新启动客户端，问题就解决了"), "");
}

// A pager's buttons and the links to the previous and next article in Chinese, Japanese and
// Korean go as navigation; "下一篇" opening a sentence (the next part announced) is text.
TEST(Phrases, CjkPagerAndNextArticleLinks) {
  EXPECT_EQ(boilerplate_phrase_rule("次ページ"), "phrase:nav");
  EXPECT_EQ(boilerplate_phrase_rule("下一页"), "phrase:nav");
  EXPECT_EQ(boilerplate_phrase_rule("다음 페이지"), "phrase:nav");
  EXPECT_EQ(boilerplate_phrase_rule("上一篇：暴雨抵达山谷"), "phrase:nav");
  EXPECT_EQ(boilerplate_phrase_rule("下一篇: 河水上涨了半米"), "phrase:nav");
  EXPECT_EQ(boilerplate_phrase_rule("下一篇"), "phrase:nav");
  EXPECT_EQ(boilerplate_phrase_rule("下一篇我们讲讲缓存的持久化。"), "");
}

// A thread's counts above its first post, several "Label: count" figures in a row split by '|'
// (a Discuz board's "查看: 3481|回复: 3", with a full-width colon too), and Discuz's notice of a
// moderator's action on the thread. A row holding a figure that is not a count is text.
TEST(Phrases, ThreadStatLinesAndModeratorNotices) {
  EXPECT_EQ(boilerplate_phrase_rule("查看: 3481|回复: 3"), "phrase:poster-stat");
  EXPECT_EQ(boilerplate_phrase_rule("查看：3481 | 回复：3"), "phrase:poster-stat");
  EXPECT_EQ(boilerplate_phrase_rule("Views: 12,408 | Replies: 31"), "phrase:poster-stat");
  EXPECT_EQ(boilerplate_phrase_rule("Views: 12,408 | Location: Leeds"), "");
  EXPECT_EQ(boilerplate_phrase_rule("查看: 全部"), "");
  EXPECT_EQ(boilerplate_phrase_rule("本主题由 管理员 于 2024-4-6 20:46 审核通过"), "phrase:widget");
  EXPECT_EQ(boilerplate_phrase_rule("本主题由来已久，大家讨论了很多年，今天我想换个角度谈谈这件事情的来龙去脉以及它对我们的影响"), "");
}

// What forum software adds around a post (the poster's rank, join date and message count, the
// "Last edited" line) is not the poster's words; the post beside it stays.
TEST(ClassRules, ForumPostInfoAroundThePost) {
  EXPECT_EQ(match_class("message-userextras").rule, "class:post-info");
  EXPECT_EQ(match_class("message-lastedit").rule, "class:post-info");
  EXPECT_EQ(match_class("lastedited").rule, "class:post-info");
  EXPECT_EQ(match_class("profile-posts").rule, "class:post-info");
  EXPECT_EQ(match_class("user-action-time fl-grow1").rule, "class:post-info");
  EXPECT_EQ(match_class("ctopicoverview__item ctopicoverview__item--topposters").rule, "class:post-info");
  EXPECT_EQ(match_class("profile-joined").rule, "class:post-info");
  EXPECT_EQ(match_class("profile-rank").rule, "class:post-info");
  EXPECT_EQ(match_class("profile-custom-field profile-location").rule, "class:post-info");
  // phpBB's "no-profile-rank" marks the poster's name line that has no rank: the name stays.
  EXPECT_EQ(match_class("no-profile-rank has-avatar").rule, "");
  const std::string post = "<div class=\"message\"><div class=\"message-userExtras\"><dl><dt>Joined</dt>"
                           "<dd>Mar 3, 2011</dd></dl><dl><dt>Messages</dt><dd>4,032</dd></dl></div>" +
                           kProse + "<div class=\"message-lastEdit\">Last edited: Jul 5, 2024</div></div>";
  Extraction e = run(page("<title>Fuses</title>", "<main><h1>Fuses</h1>" + post + post + "</main>"));
  EXPECT_NE(e.text.find("Storms moved across"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Last edited"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Joined"), std::string::npos) << e.text;
}

// A heading is the title of a section: a layout part's name in its class says where it sits in
// that section ("sub-header", "accordion__header"), not that it is the page's header. Other rules
// still count on headings.
TEST(ClassRules, LayoutPartsDoNotCondemnAHeading) {
  EXPECT_EQ(match_class("sub-header", true).rule, "");
  EXPECT_EQ(match_class("accordion__header", true).rule, "");
  EXPECT_EQ(match_class("footer-title", true).rule, "");
  EXPECT_EQ(match_class("sub-header").rule, "class:header");
  EXPECT_EQ(match_class("related-header", true).rule, "class:related");
  EXPECT_EQ(match_class("share-title", true).rule, "class:share");
}

// An article's dek in an <h2 class="sub-header"> under its headline stays with the story; the
// site's header block beside it still goes.
TEST(ClassRules, SubHeaderHeadingStaysWithTheStory) {
  Extraction e = run(page("<title>Going Gray</title>",
                          "<div class=\"site-header\"><a href=\"/\">Home</a> <a href=\"/style\">Style</a> "
                          "<span>The magazine for the modern wardrobe</span></div><article><h1>Going Gray</h1>"
                          "<h2 class=\"sub-header\">This season designers updated a classic color with modern "
                          "shapes.</h2>" + kProse + "</article>"));
  EXPECT_NE(e.text.find("This season designers updated"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("Storms moved across"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("modern wardrobe"), std::string::npos) << e.text;
}

// A blog's front page in sections, each a heading row over its cards ("section-with-header"):
// the sections are the listing, not the site's header.
TEST(ClassRules, SectionsWithHeaderStayInTheListing) {
  std::string sections;
  const char* topics[] = {"Engineering", "Security", "Open source"};
  for (const char* topic : topics) {
    sections += std::string("<div class=\"wp-block-group section-with-header\"><h2>") + topic + "</h2>";
    for (int i = 0; i < 3; ++i)
      sections += std::string("<article class=\"card\"><h3><a href=\"/") + topic + std::to_string(i) + "\">" + topic +
                  " story number " + std::to_string(i) +
                  " about how our teams ship software</a></h3><p>A look at what changed this quarter in " + topic +
                  ", what we learned from it and what comes next for the people who build with us.</p></article>";
    sections += "</div>";
  }
  Extraction e = run(page("<title>The Blog</title>",
                          "<div class=\"site-header\"><a href=\"/\">Home</a> <a href=\"/about\">About</a></div>"
                          "<main><h1>The Blog</h1>" + kProse + sections + "</main>"));
  EXPECT_NE(e.text.find("Security story number 1"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("what comes next"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("About"), std::string::npos) << e.text;
}

// A class name closed by "-eligible" says what the element qualifies for: a product card's
// "subscription-eligible" wrapper (the product can be bought by subscription) is no
// subscription box. When that class took every card of a shop's grid, nothing was left, the
// class rules were relaxed and the prices' screen-reader labels came back with the cards.
TEST(ClassRules, EligibleForASubscriptionIsNoSubscriptionBox) {
  EXPECT_EQ(match_class("card-wrapper product-card-wrapper subscription-eligible").rule, "");
  EXPECT_EQ(match_class("shipping_eligible promo-eligible").rule, "");
  EXPECT_EQ(match_class("subscription-box").rule, "class:subscribe");
  EXPECT_EQ(match_class("newsletter-eligibility-form").rule, "class:newsletter");
  std::string cards;
  const char* names[] = {"Harbor Blend Tea", "Meadow Mint Sachets", "Ridge Green Leaves", "Maple Chai Pack",
                         "Orchard Apple Infusion", "Iced Tea Syrup"};
  for (int i = 0; i < 18; ++i)
    cards += std::string("<li class=\"grid__item\"><div class=\"card-wrapper subscription-eligible\"><h3><a href=\"/p/") +
             std::to_string(i) + "\">" + names[i % 6] + " " + std::to_string(i) +
             "</a></h3><div class=\"price\"><span class=\"visually-hidden\">Regular price</span><span>$" +
             std::to_string(12 + i) + ".99</span></div></div></li>";
  const std::string html = "<html><body><header><a href=\"/\">Home</a> <a href=\"/shop\">Shop</a></header>"
                           "<main><ul class=\"product-grid\">" + cards +
                           "</ul></main><footer><a href=\"/about\">About</a></footer></body></html>";
  const std::string typed = testing::select_text(html, hints_for_page_type("collection"));
  EXPECT_NE(typed.find("Ridge Green Leaves 2"), std::string::npos) << typed;
  EXPECT_NE(typed.find("$14.99"), std::string::npos) << typed;
  EXPECT_EQ(typed.find("Regular price"), std::string::npos) << typed;
}

// The edit link a wiki puts by each heading ("[edit]": MediaWiki's "mw-editsection") is a
// page tool: neither the text nor the headline has it.
TEST(ClassRules, WikiEditLinksAreTools) {
  const std::string edit =
      "<span class=\"mw-editsection\"><span class=\"mw-editsection-bracket\">[</span><a "
      "href=\"/w/index.php?title=Kite_knots&amp;action=edit&amp;section=1\">edit</a><span "
      "class=\"mw-editsection-bracket\">]</span></span>";
  Extraction e = run(page("<title>Kite knots - Kitepedia</title>",
                          "<main><h1><span class=\"mw-page-title-main\">Kite knots</span>" + edit + "</h1>" + kProse +
                              "<h2>History</h2>" + edit + kProse + "</main>"));
  EXPECT_EQ(e.title, "Kite knots");
  EXPECT_EQ(e.text.find("edit"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("History"), std::string::npos) << e.text;
}

// A box a script opens over the page, named a "dialog" in its class (as "modal" and "popup"
// do), is a popup: its question about the cart goes. The token whole: a "dialogue" is a play's.
TEST(ClassRules, DialogClassIsAPopup) {
  EXPECT_EQ(match_class("basket_dialog is-wide").rule, "class:popup");
  EXPECT_EQ(match_class("cart-dialog").rule, "class:popup");
  EXPECT_EQ(match_class("dialogue-lines").rule, "");
  Extraction e = run(page("<title>Folding kayak</title>",
                          "<main><h1>Folding kayak</h1>" + kProse +
                              "<div class=\"basket_dialog\"><div class=\"basket_dialog__head\">Move your basket?</div>"
                              "<div class=\"basket_dialog__text\"><p>You came here from our partner shop. Shall the items "
                              "you picked there be moved over into this basket before you go on?</p></div>"
                              "<div class=\"basket_dialog__foot\"><span>No</span> <span>Yes, move them</span></div></div>"
                              "</main>"));
  EXPECT_NE(e.text.find("river rose"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("partner shop"), std::string::npos) << e.text;
}

}  // namespace
}  // namespace pith
