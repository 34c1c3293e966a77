// Page type: article, forum, product, listing, collection, documentation, service or other,
// with a confidence in [0,1], from the URL, schema.org types, og:type and the DOM's shape.
//
// Signals become a fixed vector of features (PITH_PAGE_FEATURES below: schema.org types, URL
// words, prices and add-to-cart buttons, repeated cards, code blocks, forum vocabulary, ...),
// and a linear model per type scores them (softmax over the types). The weights are data:
// src/extract/page_type_model.inc, written by tools/train_page_type.py from features that a
// build with -DPITH_RECORD_FEATURES records (see docs/metadata.md).
#pragma once
#include <array>
#include <string_view>

#include "core/deadline.h"
#include "extract/content.h"
#include "html/dom.h"
#include "pith/extract.h"

namespace pith {

// Each feature is scaled to about [0,1].
#define PITH_PAGE_FEATURES(X)                                                                    \
  X(bias) X(url_known) X(url_root) X(url_depth) X(url_date) X(url_slug) X(url_doc) X(url_forum)  \
  X(url_product) X(url_collection) X(url_listing) X(url_article) X(url_service)                  \
  X(ld_article) X(ld_blog) X(ld_product) X(ld_forum) X(ld_qa) X(ld_collection) X(ld_itemlist)    \
  X(ld_docs) X(ld_service) X(ld_org) X(ld_faq) X(ld_offers) X(ld_listed) X(ld_webpage)           \
  X(ld_howto) X(og_article) X(og_product) X(og_website) X(gen_forum) X(gen_docs) X(gen_shop)     \
  X(gen_wp) X(has_author) X(has_date) X(main_share) X(long_paras) X(text_len) X(link_density)    \
  X(code_blocks) X(prices) X(cart) X(forum_words) X(cta_words) X(article_els) X(cards)           \
  X(times) X(headings) X(forms) X(toc) X(comments) X(images) X(list_items) X(pagination)         \
  X(title_question) X(h1_count) X(post_classes) X(product_classes) X(doc_classes)                \
  X(heading_links) X(read_more) X(dates_seen) X(main_link_density) X(slug_links) X(main_prices)   \
  X(main_headings) X(main_code)

enum class PageFeature : uint8_t {
#define PITH_PF_ENUM(name) k_##name,
  PITH_PAGE_FEATURES(PITH_PF_ENUM)
#undef PITH_PF_ENUM
  kCount
};
inline constexpr size_t kPageFeatureCount = static_cast<size_t>(PageFeature::kCount);
using PageFeatures = std::array<float, kPageFeatureCount>;

std::string_view page_feature_name(size_t i);

// The types in the order the model scores them.
inline constexpr std::string_view kPageTypeNames[] = {"article", "forum",         "product", "listing",
                                                      "collection", "documentation", "service"};
inline constexpr size_t kPageTypeCount = std::size(kPageTypeNames);

// Features of a page; `out` must already hold the metadata (url, author, date, title). Once the
// deadline is spent, the walk over the DOM stops where it is and the features count what it saw.
void page_features(const Document& doc, const PageInfo& page, const ContentSelection& sel, const Extraction& out,
                   PageFeatures& f, Deadline* deadline = nullptr);

// Sets out.page_type and its confidence. Returns how likely the page is a product page next to
// its type: the product's probability over the chosen type's (1 for a product page, 0 for
// "other").
double classify_page_type(const Document& doc, const PageInfo& page, const ContentSelection& sel, Extraction& out,
                          Deadline* deadline = nullptr);

// The type whose selection hints (content.h hints_for_page_type) a page gets: its own, or
// "product" for an article whose container holds a shop's buy box (buy_boxes > 0, buy_box.h) and
// for a page that the model finds nearly as likely a product page as its type (product_ratio,
// from classify_page_type, at kNearProductRatio or above).
std::string_view hints_page_type(std::string_view page_type, int buy_boxes, double product_ratio);

}  // namespace pith
