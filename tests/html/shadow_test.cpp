// Declarative shadow DOM (src/html/shadow.h): a host's <template shadowrootmode> replaces its
// children, each <slot> showing the host children assigned to it or its own fallback, as a
// browser renders it.
#include <gtest/gtest.h>

#include <string>

#include "html/parser.h"
#include "html/shadow.h"
#include "pith/extract.h"

namespace pith {
namespace {

std::string text_of(const Document& doc) {
  std::string out;
  doc.append_text(doc.root(), out);
  return out;
}

std::string flattened(std::string_view html, size_t expected_roots, ParserKind kind = ParserKind::kHtml5) {
  Document doc;
  auto parser = make_parser(kind);
  auto report = parser->parse(html, ParseLimits{}, doc);
  EXPECT_TRUE(report.ok());
  EXPECT_EQ(flatten_shadow_roots(doc), expected_roots);
  return text_of(doc);
}

TEST(ShadowRoots, SlotsShowTheHostChildrenAssignedToThem) {
  const std::string text = flattened(
      "<body><card-box><template shadowrootmode=\"open\">[<slot name=\"head\">no head</slot>]"
      "(<slot></slot>){<slot name=\"foot\">default foot</slot>}</template>"
      "body text<b slot=\"head\">Head</b><i>more body</i><span slot=\"other\">never shown</span>"
      "</card-box></body>",
      1);
  EXPECT_EQ(text, "[Head](body textmore body){default foot}");
}

TEST(ShadowRoots, NestedRootsAndTheLegacyAttribute) {
  // The inner host sits in the outer shadow tree; the outer one uses the pre-2023 attribute.
  const std::string text = flattened(
      "<body><outer-box><template shadowroot=\"open\"><inner-box><template shadowrootmode=\"closed\">"
      "<em><slot></slot></em></template><slot></slot></inner-box></template>slotted twice</outer-box>"
      "<plain-box><template>an inert template</template>kept</plain-box></body>",
      2);
  EXPECT_NE(text.find("slotted twice"), std::string::npos) << text;
  EXPECT_NE(text.find("kept"), std::string::npos) << text;
}

TEST(ShadowRoots, OnlyTheFirstDeclarativeRootAttaches) {
  const std::string text = flattened(
      "<body><x-a><template shadowrootmode=\"open\">first <slot></slot></template>"
      "<template shadowrootmode=\"open\">second</template>light</x-a></body>",
      1);
  // The second template is a host child with no slot of its own name: unassigned text goes to
  // the unnamed slot, and an element without a slot attribute too.
  EXPECT_EQ(text.rfind("first ", 0), 0u) << text;
  EXPECT_NE(text.find("light"), std::string::npos) << text;
}

TEST(ShadowRoots, ExtractionReadsTheShadowTree) {
  const std::string page =
      "<html><head><title>Pond life</title></head><body><article><h1>Pond life in winter</h1>"
      "<story-body><template shadowrootmode=\"open\"><p>Under the ice the water stays at four degrees, and "
      "frogs rest in the mud at the bottom of the pond until the spring comes back.</p><slot></slot>"
      "</template><p>Fish slow down and hardly eat until the ice melts in March.</p></story-body>"
      "</article></body></html>";
  Extractor ex;
  auto r = ex.extract(page, PageInfo{});
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->text.find("Under the ice the water stays"), std::string::npos) << r->text;
  EXPECT_NE(r->text.find("Fish slow down"), std::string::npos) << r->text;
  EXPECT_LT(r->text.find("Under the ice"), r->text.find("Fish slow down"));
}

}  // namespace
}  // namespace pith
