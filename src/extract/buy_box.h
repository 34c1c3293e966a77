// A product page's own buy box: the block that holds the price next to the controls that buy
// the product (add-to-cart button, quantity field, size picker). Shops put it beside the
// description; it is what the page sells with, not what it says about the product (the name,
// description and specifications), so it is no part of the main text.
#pragma once
#include <string_view>
#include <vector>

#include "extract/content.h"
#include "html/dom.h"

namespace pith {

// Whether the page says it sells one product: schema.org Product or Offer markup (JSON-LD
// "@type": "Product"/"Offer", microdata itemtype .../Product or itemprop offers/price), or a
// form that posts to a cart.
bool sells_a_product(const Document& doc);

// Whether text (at most 200 bytes) holds a price: a currency sign or code right before or after
// a number ("$19.99", "249 €", "USD 99.60").
bool reads_as_price(std::string_view text);

// On a page that sells a product (sells_a_product), marks with "buy-box" (in drop, indexed by
// node) the lowest elements below scope that hold both
// a price (a currency sign or code by a number, or itemprop=price) and a control to buy with
// (<button>, <select>, a submit, number or button <input>, a link with role=button or an href
// or class that names adding to the cart), when such an element is small
// (stats[n].chars at most a few labels' worth, no prose), does not hold the page's heading
// (on_h1_path, per node) and is no card of a product grid (three or more such elements close
// together). Elements already dropped are left as they are. Returns how many were marked.
int mark_buy_boxes(const Document& doc, NodeId scope, const std::vector<NodeStats>& stats,
                   const std::vector<uint8_t>& on_h1_path, std::vector<std::string_view>& drop);

}  // namespace pith
