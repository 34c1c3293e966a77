#include "extract/buy_box.h"

#include "core/strings.h"

namespace pith {

namespace {

// The buy box is a price, a few labels and controls; a block with more text around its price
// is a description that mentions one.
constexpr uint32_t kBuyBoxMaxChars = 300;
// A buy box this many levels below an ancestor that holds three or more of them is a card of a
// product grid (each card has its price and "Add to cart"); two are one box and its copy for
// small screens.
constexpr int kGridLevels = 4;
constexpr int kGridMinBoxes = 3;

// Currency signs and the ISO codes shops print by a price.
constexpr std::string_view kCurrencySigns[] = {"$", "€", "£", "¥", "₹", "₽", "₩", "₺", "₫", "₴", "₪", "฿", "zł", "kr", "R$"};
constexpr std::string_view kCurrencyCodes[] = {"usd", "eur", "gbp", "jpy", "cad", "aud", "chf", "inr", "cny", "sek"};


bool currency_before(std::string_view s, size_t pos) {
  const std::string_view head = s.substr(0, pos > 0 && s[pos - 1] == ' ' ? pos - 1 : pos);
  for (std::string_view sign : kCurrencySigns)
    if (head.ends_with(sign)) return true;
  if (head.size() < 3) return false;
  char code[3];
  for (size_t k = 0; k < 3; ++k) code[k] = ascii_lower(head[head.size() - 3 + k]);
  for (std::string_view c : kCurrencyCodes)
    if (std::string_view(code, 3) == c) return true;
  return false;
}

bool currency_after(std::string_view s, size_t end) {
  const std::string_view tail = s.substr(end < s.size() && s[end] == ' ' ? end + 1 : end);
  for (std::string_view sign : kCurrencySigns)
    if (tail.starts_with(sign)) return true;
  if (tail.size() < 3) return false;
  char code[3];
  for (size_t k = 0; k < 3; ++k) code[k] = ascii_lower(tail[k]);
  for (std::string_view c : kCurrencyCodes)
    if (std::string_view(code, 3) == c) return true;
  return false;
}

}  // namespace

// A currency sign or code right before or after a number ("$19.99", "249€", "USD 99.60").
// One pass: only the ends of each run of digits are looked at.
bool reads_as_price(std::string_view text) {
  if (text.size() > 200) return false;  // a price is printed on its own, not inside a paragraph
  for (size_t i = 0; i < text.size(); ++i) {
    if (!is_ascii_digit(text[i])) continue;
    if ((i == 0 || !is_ascii_digit(text[i - 1])) && currency_before(text, i)) return true;
    if ((i + 1 == text.size() || !is_ascii_digit(text[i + 1])) && currency_after(text, i + 1)) return true;
  }
  return false;
}

namespace {

// How shop platforms name the link or element that puts the product in the cart, when it is
// no <button> ("?add-to-cart=ID", "add_to_cart_button", "addToCart"): the words before "cart".
constexpr std::string_view kAddToCartPrefixes[] = {"add-to-", "add_to_", "addto"};

// Hrefs are long: the word is found with the library's fast search, in the two cases platforms
// write it ("add-to-cart", "addToCart"), then what precedes it is looked at.
bool names_add_to_cart(std::string_view value) {
  for (std::string_view word : {std::string_view("cart"), std::string_view("Cart")})
    for (size_t at = value.find(word); at != std::string_view::npos; at = value.find(word, at + 4))
      for (std::string_view prefix : kAddToCartPrefixes)
        if (at >= prefix.size() && iequals(value.substr(at - prefix.size(), prefix.size()), prefix)) return true;
  return false;
}

bool is_buy_control(const Document& doc, NodeId n) {
  const Node& node = doc.node(n);
  if (node.tag == Tag::k_button || node.tag == Tag::k_select) return true;
  if (node.tag == Tag::k_a)
    return iequals(doc.attr(n, "role"), "button") || names_add_to_cart(doc.attr(n, "href")) ||
           names_add_to_cart(doc.attr(n, "class"));
  if (node.tag != Tag::k_input) return false;
  const std::string_view type = doc.attr(n, "type");
  return iequals(type, "submit") || iequals(type, "number") || iequals(type, "button") || iequals(type, "image");
}

bool names_product_type(std::string_view type) {
  const size_t slash = type.rfind('/');
  const std::string_view last = slash == std::string_view::npos ? type : type.substr(slash + 1);
  return iequals(trim(last), "product") || iequals(trim(last), "offer") || iequals(trim(last), "aggregateoffer");
}

}  // namespace

bool sells_a_product(const Document& doc) {
  // Every node once, in storage order (the order does not matter), each attribute once: this
  // runs on every page.
  for (NodeId n = 0; n < doc.size(); ++n) {
    const Node& node = doc.node(n);
    if (node.kind != NodeKind::kElement || node.attr_count == 0) continue;
    if (node.tag == Tag::k_script) {
      if (!iequals(doc.attr(n, "type"), "application/ld+json")) continue;
      for (NodeId c = node.first_child; c != kNoNode; c = doc.node(c).next_sibling) {
        if (doc.node(c).kind != NodeKind::kText) continue;
        const std::string_view text = doc.text(c);
        for (std::string_view t : {"\"Product\"", "\"Offer\"", "\"AggregateOffer\""})
          if (text.find(t) != std::string_view::npos) return true;
      }
      continue;
    }
    for (const Attr* a = doc.attrs_begin(n); a != doc.attrs_end(n); ++a) {
      const std::string_view name = doc.str(a->name);
      if (name.size() < 6 || name[0] != 'i' || name[1] != 't') continue;  // itemtype, itemprop
      const std::string_view value = doc.str(a->value);
      if (name == "itemprop" && (iequals(value, "offers") || iequals(value, "price"))) return true;
      if (name == "itemtype")
        for (std::string_view type : split_any(value, " \t\n\r\f"))
          if (names_product_type(type)) return true;
    }
    if (node.tag == Tag::k_form && ascii_lowercase(doc.attr(n, "action")).find("cart") != std::string::npos)
      return true;
  }
  return false;
}

int mark_buy_boxes(const Document& doc, NodeId scope, const std::vector<NodeStats>& stats,
                   const std::vector<uint8_t>& on_h1_path, std::vector<std::string_view>& drop) {
  // Where a buy box can be: around each control, its largest ancestor of at most a buy box's
  // size. Only these regions' text is read, not the whole container's. (Subtree sizes grow
  // going up, so the controls of one region all climb to the same top, one after the other.)
  std::vector<NodeId> regions;
  for (NodeId n = scope; n != kNoNode; n = doc.next_in_subtree(n, scope)) {
    if (doc.node(n).kind != NodeKind::kElement || !is_buy_control(doc, n)) continue;
    NodeId top = n;
    while (top != scope && stats[doc.node(top).parent].chars <= kBuyBoxMaxChars) top = doc.node(top).parent;
    if (regions.empty() || regions.back() != top) regions.push_back(top);
  }
  if (regions.empty()) return 0;
  // Bottom up in each region: what each element holds (bit 1 a price, bit 2 a control, also in
  // dropped subtrees: a hidden "final sale" button still makes its price a buy box); the lowest
  // elements holding both are the candidates.
  constexpr uint8_t kPrice = 1, kControl = 2, kBoth = 3;
  std::vector<uint8_t> holds(doc.size(), 0);
  std::vector<NodeId> order, candidates;
  for (NodeId region : regions) {
    order.clear();
    for (NodeId n = region; n != kNoNode; n = doc.next_in_subtree(n, region)) order.push_back(n);
    for (size_t i = order.size(); i-- > 0;) {
      const NodeId n = order[i];
      const Node& node = doc.node(n);
      if (node.kind == NodeKind::kText) {
        if (reads_as_price(doc.text(n))) holds[n] = kPrice;
        continue;
      }
      if (node.kind != NodeKind::kElement) continue;
      uint8_t h = is_buy_control(doc, n) ? kControl : 0;
      if (iequals(doc.attr(n, "itemprop"), "price")) h |= kPrice;
      bool child_has_both = false;
      for (NodeId c = node.first_child; c != kNoNode; c = doc.node(c).next_sibling) {
        h |= holds[c];
        child_has_both = child_has_both || holds[c] == kBoth;
      }
      holds[n] = h;
      if (h == kBoth && !child_has_both) candidates.push_back(n);
    }
  }
  // A candidate inside a dropped block (a modal, a hidden drawer) is neither a box nor a grid's
  // card; the others count for their ancestors up to kGridLevels above.
  auto in_dropped = [&](NodeId n) {
    for (NodeId a = n; a != kNoNode; a = doc.node(a).parent)
      if (!drop[a].empty()) return true;
    return false;
  };
  std::vector<uint16_t> boxes_below(doc.size(), 0);
  std::vector<NodeId> live;
  for (NodeId n : candidates) {
    if (in_dropped(n)) continue;
    live.push_back(n);
    NodeId a = n;
    for (int level = 0; a != kNoNode && level <= kGridLevels; ++level, a = doc.node(a).parent) ++boxes_below[a];
  }
  std::vector<NodeId> boxes_found;
  for (NodeId n : live) {
    // Prose beside a price and a button is an answer that names a cost under its toggle.
    if (stats[n].chars > kBuyBoxMaxChars || stats[n].prose_chars > 0 || on_h1_path[n]) continue;
    bool in_grid = false;
    NodeId a = n;
    for (int level = 0; a != kNoNode && level <= kGridLevels; ++level, a = doc.node(a).parent)
      in_grid = in_grid || boxes_below[a] >= kGridMinBoxes;
    if (!in_grid) boxes_found.push_back(n);
  }
  // Asked last: the page-wide look-up costs more than the walk of the container.
  if (boxes_found.empty() || !sells_a_product(doc)) return 0;
  for (NodeId n : boxes_found) drop[n] = "buy-box";
  return static_cast<int>(boxes_found.size());
}

}  // namespace pith
