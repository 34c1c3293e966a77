#include "html/html5/foreign.h"

#include <algorithm>
#include <array>
#include <utility>

namespace pith::html5 {

namespace {

using Pair = std::pair<std::string_view, std::string_view>;

// 13.2.6.5, "any other start tag" in foreign content: the SVG tag name table. Sorted.
constexpr std::array<Pair, 37> kSvgElements = {{
    {"altglyph", "altGlyph"}, {"altglyphdef", "altGlyphDef"}, {"altglyphitem", "altGlyphItem"},
    {"animatecolor", "animateColor"}, {"animatemotion", "animateMotion"},
    {"animatetransform", "animateTransform"}, {"clippath", "clipPath"}, {"feblend", "feBlend"},
    {"fecolormatrix", "feColorMatrix"}, {"fecomponenttransfer", "feComponentTransfer"},
    {"fecomposite", "feComposite"}, {"feconvolvematrix", "feConvolveMatrix"},
    {"fediffuselighting", "feDiffuseLighting"}, {"fedisplacementmap", "feDisplacementMap"},
    {"fedistantlight", "feDistantLight"}, {"fedropshadow", "feDropShadow"}, {"feflood", "feFlood"},
    {"fefunca", "feFuncA"}, {"fefuncb", "feFuncB"}, {"fefuncg", "feFuncG"}, {"fefuncr", "feFuncR"},
    {"fegaussianblur", "feGaussianBlur"}, {"feimage", "feImage"}, {"femerge", "feMerge"},
    {"femergenode", "feMergeNode"}, {"femorphology", "feMorphology"}, {"feoffset", "feOffset"},
    {"fepointlight", "fePointLight"}, {"fespecularlighting", "feSpecularLighting"},
    {"fespotlight", "feSpotLight"}, {"fetile", "feTile"}, {"feturbulence", "feTurbulence"},
    {"foreignobject", "foreignObject"}, {"glyphref", "glyphRef"}, {"lineargradient", "linearGradient"},
    {"radialgradient", "radialGradient"}, {"textpath", "textPath"},
}};

// 13.2.6.1 "Adjust SVG attributes". Sorted.
constexpr std::array<Pair, 58> kSvgAttributes = {{
    {"attributename", "attributeName"}, {"attributetype", "attributeType"},
    {"basefrequency", "baseFrequency"}, {"baseprofile", "baseProfile"}, {"calcmode", "calcMode"},
    {"clippathunits", "clipPathUnits"}, {"diffuseconstant", "diffuseConstant"}, {"edgemode", "edgeMode"},
    {"filterunits", "filterUnits"}, {"glyphref", "glyphRef"}, {"gradienttransform", "gradientTransform"},
    {"gradientunits", "gradientUnits"}, {"kernelmatrix", "kernelMatrix"},
    {"kernelunitlength", "kernelUnitLength"}, {"keypoints", "keyPoints"}, {"keysplines", "keySplines"},
    {"keytimes", "keyTimes"}, {"lengthadjust", "lengthAdjust"}, {"limitingconeangle", "limitingConeAngle"},
    {"markerheight", "markerHeight"}, {"markerunits", "markerUnits"}, {"markerwidth", "markerWidth"},
    {"maskcontentunits", "maskContentUnits"}, {"maskunits", "maskUnits"}, {"numoctaves", "numOctaves"},
    {"pathlength", "pathLength"}, {"patterncontentunits", "patternContentUnits"},
    {"patterntransform", "patternTransform"}, {"patternunits", "patternUnits"}, {"pointsatx", "pointsAtX"},
    {"pointsaty", "pointsAtY"}, {"pointsatz", "pointsAtZ"}, {"preservealpha", "preserveAlpha"},
    {"preserveaspectratio", "preserveAspectRatio"}, {"primitiveunits", "primitiveUnits"}, {"refx", "refX"},
    {"refy", "refY"}, {"repeatcount", "repeatCount"}, {"repeatdur", "repeatDur"},
    {"requiredextensions", "requiredExtensions"}, {"requiredfeatures", "requiredFeatures"},
    {"specularconstant", "specularConstant"}, {"specularexponent", "specularExponent"},
    {"spreadmethod", "spreadMethod"}, {"startoffset", "startOffset"}, {"stddeviation", "stdDeviation"},
    {"stitchtiles", "stitchTiles"}, {"surfacescale", "surfaceScale"}, {"systemlanguage", "systemLanguage"},
    {"tablevalues", "tableValues"}, {"targetx", "targetX"}, {"targety", "targetY"},
    {"textlength", "textLength"}, {"viewbox", "viewBox"}, {"viewtarget", "viewTarget"},
    {"xchannelselector", "xChannelSelector"}, {"ychannelselector", "yChannelSelector"},
    {"zoomandpan", "zoomAndPan"},
}};

struct ForeignAttr {
  std::string_view name, prefix, local;
};
// 13.2.6.1 "Adjust foreign attributes". Sorted.
constexpr std::array<ForeignAttr, 11> kForeignAttributes = {{
    {"xlink:actuate", "xlink", "actuate"}, {"xlink:arcrole", "xlink", "arcrole"},
    {"xlink:href", "xlink", "href"}, {"xlink:role", "xlink", "role"}, {"xlink:show", "xlink", "show"},
    {"xlink:title", "xlink", "title"}, {"xlink:type", "xlink", "type"}, {"xml:lang", "xml", "lang"},
    {"xml:space", "xml", "space"}, {"xmlns", "xmlns", "xmlns"}, {"xmlns:xlink", "xmlns", "xlink"},
}};

template <class Table>
std::string_view lookup(const Table& table, std::string_view key) {
  auto it = std::lower_bound(table.begin(), table.end(), key, [](const Pair& p, std::string_view k) { return p.first < k; });
  return it != table.end() && it->first == key ? it->second : std::string_view();
}

}  // namespace

std::string_view svg_element_name(std::string_view lower) {
  std::string_view v = lookup(kSvgElements, lower);
  return v.empty() ? lower : v;
}

ForeignAttrName adjusted_attribute_name(Namespace ns, std::string_view lower) {
  if (ns == Namespace::kHtml) return {{}, lower};
  for (const ForeignAttr& f : kForeignAttributes)
    if (f.name == lower) return {f.prefix, f.local};
  if (ns == Namespace::kMathml) return {{}, lower == "definitionurl" ? std::string_view("definitionURL") : lower};
  std::string_view v = lookup(kSvgAttributes, lower);
  return {{}, v.empty() ? lower : v};
}

}  // namespace pith::html5
