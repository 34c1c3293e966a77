// A container inside the page's own footer is no main text on a typed page (content.cpp, end of
// ContentSelector::select, "chrome-only"): a shop page whose products a script draws leaves only
// the footer's newsletter consent as prose.
#include <gtest/gtest.h>

#include <string>

#include "selection.h"

namespace pith {
namespace {

using testing::select_text;

const std::string kConsent =
    "<p>By joining the list you agree to hear from us about new arrivals, repairs and seasonal offers. You can "
    "leave the list at any time from the link at the bottom of every message we send.</p>";

std::string script_drawn_shop(const std::string& footer_tag_open, const std::string& footer_tag_close) {
  return "<html><body><header><a href=\"/\">Home</a> <a href=\"/shop\">Shop</a></header>"
         "<main><div id=\"grid\" data-src=\"/api/items\"></div></main>" +
         footer_tag_open + "<div class=\"footer-links\"><a href=\"/help\">Help</a> <a href=\"/returns\">Returns</a>"
         "</div><div class=\"footer-signup\"><h2>Join</h2>" + kConsent + "</div>" + footer_tag_close +
         "</body></html>";
}

TEST(FooterContainer, TypedPageHasNoTextInItsFooter) {
  for (const auto& [open, close] : {std::pair<std::string, std::string>{"<footer>", "</footer>"},
                                    std::pair<std::string, std::string>{"<div role=\"contentinfo\">", "</div>"}}) {
    const std::string html = script_drawn_shop(open, close);
    const std::string typed = select_text(html, hints_for_page_type("collection"));
    EXPECT_EQ(typed.find("leave the list"), std::string::npos) << open << ": " << typed;
    // Untyped, the first selection keeps it, so that the typed selection runs at all.
    const std::string untyped = select_text(html, SelectionHints{});
    EXPECT_NE(untyped.find("leave the list"), std::string::npos) << open << ": " << untyped;
  }
}

// A footer inside an <article> is the article's own (its notes), not the page's.
TEST(FooterContainer, ArticleFooterIsNotThePagesFooter) {
  const std::string html =
      "<html><body><main><article><h1>Mending a torn sleeve</h1><div id=\"gallery\"></div><footer>" + kConsent +
      "</footer></article></main></body></html>";
  const std::string typed = select_text(html, hints_for_page_type("collection"));
  EXPECT_NE(typed.find("leave the list"), std::string::npos) << typed;
}

// The same page without its semantic tags (an old layout, a copy stripped of them): the script
// leaves a menu bar and a footer of link columns, all of it in <div>s, and no <h1>. On a
// product page such a container (80% links, no weight, no <h1> on the page) is the page's
// chrome, not its text (not on a listing, whose cards may be only links).
std::string link_column(const char* const* words, int count, const std::string& prefix) {
  std::string out = "<div><ul>";
  for (int i = 0; i < count; ++i)
    out += "<li><a href=\"/" + prefix + std::to_string(i) + "\">" + words[i] + "</a></li>";
  return out + "</ul></div>";
}

std::string tagless_shell() {
  const char* menu[] = {"Lamps", "Chairs", "Tables", "Rugs", "Shelves", "Mirrors", "Outdoor", "Sale"};
  const char* help[] = {"Help Centre", "Returns and Refunds", "Track an Order", "Delivery Options", "Gift Cards",
                        "Store Finder", "Careers With Us", "Press Enquiries"};
  return "<html><body><div>" + link_column(menu, 8, "c") + "</div><div><div></div></div><div>" +
         link_column(help, 8, "h") + link_column(menu, 8, "f") + "</div>"
         "</body></html>";
}

TEST(FooterContainer, TaglessChromeIsNoTextOnATypedPage) {
  const std::string typed = select_text(tagless_shell(), hints_for_page_type("product"));
  EXPECT_TRUE(typed.empty()) << typed;
  // Untyped, the first selection keeps its links, so that the typed selection runs at all.
  const std::string untyped = select_text(tagless_shell(), SelectionHints{});
  EXPECT_FALSE(untyped.empty());
}

}  // namespace
}  // namespace pith
