#include "text/stop_words.h"

#include <algorithm>
#include <iterator>
#include <string_view>
#include <vector>

#include "text/line_features.h"

namespace pith {

namespace {

// The most frequent function words per language (articles, pronouns, prepositions, auxiliaries,
// conjunctions), from the frequency heads of the Snowball stop-word lists. Lower case, as
// word_hash() normalises (apostrophes removed).
constexpr std::string_view kEnglish[] = {
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "because",
    "been", "before", "being", "but", "by", "can", "could", "did", "do", "does", "doing", "dont",
    "during", "each", "even", "for", "from", "had", "has", "have", "having", "he", "her", "here",
    "him", "his", "how", "i", "if", "in", "into", "is", "isnt", "it", "its", "just", "like", "many",
    "may", "me", "might", "more", "most", "much", "must", "my", "no", "not", "now", "of", "on",
    "one", "only", "or", "other", "our", "out", "over", "said", "says", "she", "should", "since",
    "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they",
    "this", "those", "through", "to", "too", "under", "until", "up", "us", "very", "was", "we",
    "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
    "would", "you", "your", "while", "well", "who", "both", "between", "against", "again", "off",
    "own", "same", "few", "further", "once", "youre", "theyre", "its", "thats", "whats", "im",
    "ive", "youve", "weve", "cant", "wont", "didnt", "doesnt", "wasnt", "arent", "however",
    "although", "though", "yet", "still", "every", "within", "without", "upon", "onto", "around"};
constexpr std::string_view kGerman[] = {
    "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "einen", "einem", "einer", "zu",
    "den", "dem", "des", "mit", "sich", "auf", "für", "von", "im", "auch", "es", "an", "als",
    "wird", "werden", "sind", "wie", "bei", "oder", "aus", "nach", "wenn", "nur", "noch", "hat",
    "haben", "kann", "dass", "sie", "wir", "ich", "er", "aber", "so", "vor", "über", "zum", "zur"};
constexpr std::string_view kFrench[] = {
    "le", "la", "les", "de", "des", "du", "un", "une", "et", "est", "en", "que", "qui", "dans",
    "pour", "pas", "sur", "au", "aux", "avec", "ce", "cette", "il", "elle", "ils", "nous", "vous",
    "sont", "par", "plus", "ne", "se", "son", "sa", "ses", "mais", "ou", "leur", "être", "été",
    "aussi", "comme", "lors", "était", "ont", "fait", "qu", "cest", "dun", "dune"};
constexpr std::string_view kSpanish[] = {
    "el", "la", "los", "las", "de", "del", "y", "en", "que", "un", "una", "es", "por", "con",
    "para", "no", "se", "su", "sus", "al", "lo", "como", "más", "pero", "o", "este", "esta",
    "son", "fue", "ha", "han", "también", "sobre", "entre", "cuando", "muy", "sin", "porque"};
constexpr std::string_view kItalian[] = {
    "il", "di", "che", "è", "e", "per", "non", "una", "sono", "della", "nel", "con", "anche"};
constexpr std::string_view kPortuguese[] = {
    "o", "os", "do", "da", "em", "não", "uma", "com", "mais", "foi", "pelo", "pela", "são"};
constexpr std::string_view kDutch[] = {
    "het", "een", "van", "en", "is", "niet", "op", "te", "dat", "zijn", "voor", "met", "ook"};

struct Table {
  std::string_view language;  // primary subtag
  const std::string_view* words;
  size_t size;
};
template <size_t N>
constexpr Table table(std::string_view language, const std::string_view (&words)[N]) {
  return {language, words, N};
}
constexpr Table kTables[] = {table("en", kEnglish), table("de", kGerman),  table("fr", kFrench), table("es", kSpanish),
                             table("it", kItalian), table("pt", kPortuguese), table("nl", kDutch)};
constexpr size_t kLanguages = std::size(kTables);

// Every stop word's hash with the tables that hold it (bit l: kTables[l]), sorted by hash, for
// stop_word_fit.
struct LanguageMasks {
  std::vector<std::pair<uint64_t, uint32_t>> of_hash;
  uint32_t of(uint64_t hash) const {
    auto it = std::lower_bound(of_hash.begin(), of_hash.end(), std::pair<uint64_t, uint32_t>{hash, 0});
    return it != of_hash.end() && it->first == hash ? it->second : 0;
  }
};
const LanguageMasks& language_masks() {
  static const LanguageMasks m = [] {
    std::vector<std::pair<uint64_t, uint32_t>> all;
    for (size_t l = 0; l < kLanguages; ++l)
      for (size_t i = 0; i < kTables[l].size; ++i) all.emplace_back(word_hash(kTables[l].words[i]), 1u << l);
    std::sort(all.begin(), all.end());
    LanguageMasks out;
    for (const auto& [hash, bit] : all) {
      if (!out.of_hash.empty() && out.of_hash.back().first == hash) out.of_hash.back().second |= bit;
      else out.of_hash.emplace_back(hash, bit);
    }
    return out;
  }();
  return m;
}

StopWordTable build_table() {
  StopWordTable t;
  auto add = [&](std::string_view w) {
    t.set.add(word_hash(w));  // a word in two lists is added once
    if (w.size() > t.max_bytes) t.max_bytes = w.size();
  };
  for (const Table& table : kTables)
    for (size_t i = 0; i < table.size; ++i) add(table.words[i]);
  return t;
}

}  // namespace

const StopWordTable& stop_word_table() {
  static const StopWordTable t = build_table();
  return t;
}
bool is_stop_word_hash(uint64_t hash) { return stop_word_table().has(hash); }

StopWordFit stop_word_fit(std::string_view language, std::string_view text, size_t max_bytes) {
  // Words read, and stop words of the best other language, before the text can contradict a
  // tag; and how many of that language's stop words one of the tag's own outweighs.
  constexpr uint32_t kMinWords = 40;
  constexpr uint32_t kMinOtherStopWords = 8;
  constexpr uint32_t kOtherPerOwn = 3;
  constexpr size_t kMaxWords = 200;
  size_t own = kLanguages;
  for (size_t l = 0; l < kLanguages; ++l)
    if (kTables[l].language == language) own = l;
  if (own == kLanguages) return StopWordFit::kUnknownLanguage;
  size_t n = std::min(text.size(), max_bytes);
  while (n < text.size() && n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;  // whole code points
  LineFeatures f;
  std::vector<uint64_t> hashes;
  line_features(text.substr(0, n), f, &hashes, kMaxWords);
  if (hashes.size() < kMinWords) return StopWordFit::kFits;
  const StopWordTable& any = stop_word_table();  // two compares: most words are no stop word
  const LanguageMasks& masks = language_masks();
  uint32_t hits[kLanguages] = {};
  for (uint64_t h : hashes) {
    if (!any.has(h)) continue;
    const uint32_t mask = masks.of(h);
    for (size_t l = 0; l < kLanguages; ++l) hits[l] += (mask >> l) & 1;
  }
  uint32_t best_other = 0;
  for (size_t l = 0; l < kLanguages; ++l)
    if (l != own) best_other = std::max(best_other, hits[l]);
  return best_other >= kMinOtherStopWords && best_other > kOtherPerOwn * hits[own] ? StopWordFit::kContradicts
                                                                                    : StopWordFit::kFits;
}

}  // namespace pith
