#include "text/stop_words.h"

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
constexpr std::string_view kItalianPortugueseDutch[] = {
    "il", "di", "che", "è", "e", "per", "non", "una", "sono", "della", "nel", "con", "anche",  // it
    "o", "os", "do", "da", "em", "não", "uma", "com", "mais", "foi", "pelo", "pela", "são",    // pt
    "het", "een", "van", "en", "is", "niet", "op", "te", "dat", "zijn", "voor", "met", "ook"};  // nl

StopWordTable build_table() {
  StopWordTable t;
  auto add_all = [&](auto& words) {
    for (std::string_view w : words) {
      t.set.add(word_hash(w));  // a word in two lists is added once
      if (w.size() > t.max_bytes) t.max_bytes = w.size();
    }
  };
  add_all(kEnglish);
  add_all(kGerman);
  add_all(kFrench);
  add_all(kSpanish);
  add_all(kItalianPortugueseDutch);
  return t;
}

}  // namespace

const StopWordTable& stop_word_table() {
  static const StopWordTable t = build_table();
  return t;
}
bool is_stop_word_hash(uint64_t hash) { return stop_word_table().has(hash); }

}  // namespace pith
