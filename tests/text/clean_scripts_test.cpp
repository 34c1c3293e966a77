// pith clean's word counts in scripts without spaces (text/words.h): "a prose line needs 9
// words" holds for Thai and Chinese as for English.
#include <gtest/gtest.h>

#include <string>

#include "pith/clean.h"
#include "clean_support.h"
#include "text/line_features.h"

namespace pith {
namespace {

// Thai prose: a few phrases separated by spaces, no final stop (Thai writes none).
const char* const kThai[] = {
    "ประเทศไทยมีประชากรประมาณหกสิบเก้าล้านคน กรุงเทพมหานครเป็นเมืองหลวงและเมืองที่ใหญ่ที่สุดของประเทศ "
    "ภาษาไทยเป็นภาษาราชการที่ใช้กันทั่วประเทศและในโรงเรียนทุกแห่ง",
    "เศรษฐกิจของประเทศไทยพึ่งพาการส่งออกและการท่องเที่ยวเป็นหลัก นักท่องเที่ยวจำนวนมากเดินทางมาเยี่ยมชม"
    "วัดวาอารามและชายหาดที่สวยงามทางภาคใต้ของประเทศทุกปี",
    "อาหารไทยมีชื่อเสียงไปทั่วโลกเพราะรสชาติที่กลมกล่อม ต้มยำกุ้งและผัดไทยเป็นอาหารที่ชาวต่างชาติรู้จักกันดี"
    "และมีร้านอาหารไทยเปิดอยู่ในหลายประเทศ",
};

TEST(CleanScripts, ThaiLineCountsItsWords) {
  LineFeatures f;
  line_features(kThai[0], f);
  EXPECT_GE(f.words, 25u);  // ~150 code points; split on spaces it was 3 words
}

TEST(CleanScripts, ChineseLineCountsWordsNotCharacters) {
  LineFeatures f;
  line_features("今天天气很好我们去公园散", f);  // 12 characters: 8 words, not 12
  EXPECT_EQ(f.words, 8u);
}

TEST(CleanScripts, ThaiParagraphsAreProse) {
  Cleaner cleaner;
  std::string page = "หน้าแรก\n";
  for (const char* p : kThai) page += std::string(p) + "\n";
  auto r = cleaner.clean(page);
  ASSERT_TRUE(r.ok());
  for (const char* p : kThai) EXPECT_TRUE(kept(*r, std::string(p).substr(0, 30))) << r->text;
}

}  // namespace
}  // namespace pith
