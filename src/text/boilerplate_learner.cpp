// Cross-page line counts in fixed memory: HeavyKeeper (Gong et al., "HeavyKeeper: An Accurate
// Algorithm for Finding Top-k Elephant Flows", USENIX ATC 2018), one array of buckets.
//
// Keys are 64-bit hashes of (site, line), (site, "page count") and (site, page text). A bucket
// holds kWays slots of {key, count}. A key found in its bucket counts up; a new key takes an
// empty slot; in a full bucket, the smallest count decays by one with probability
// kDecayBase^-count and the new key takes the slot when it reaches zero. So a count never
// exceeds the number of pages that held the line (barring a 64-bit collision), lines that
// recur often keep their slots, and the one-off lines of article text churn through the rest.
#include "text/boilerplate_learner.h"

#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <new>
#include <string>
#include <unordered_set>

#include "core/strings.h"
#include "pith/clean.h"
#include "text/line_features.h"

namespace pith {

namespace {

constexpr size_t kWays = 4;            // 4 x 16 bytes: one 64-byte cache line per bucket
constexpr double kDecayBase = 1.08;    // HeavyKeeper's recommended b (Sec. 5 of the paper)
constexpr uint64_t kSiteMarker = 0x5349544550414745ull;  // "SITEPAGE"
constexpr uint64_t kPageMarker = 0x50414745544558ull;    // "PAGETEX"

struct Slot {  // trivial, so that a calloc'd table is all empty slots
  uint64_t key;
  uint32_t count;
  uint32_t pad;
};
struct Bucket {
  std::array<Slot, kWays> slots;
};
static_assert(sizeof(Bucket) == 64);

inline uint64_t combine(uint64_t a, uint64_t b) {
  uint64_t v[2] = {a, b};
  uint64_t h = XXH3_64bits(v, sizeof v);
  return h ? h : 1;
}

}  // namespace

// A multiply-rotate chain over the word hashes (themselves well mixed), finished by a 64-bit
// mixer: a few instructions per word, where a general hash of the array costs a call and setup.
uint64_t line_key(const std::vector<uint64_t>& word_hashes) {
  if (word_hashes.empty()) return 0;
  uint64_t h = 0x243F6A8885A308D3ull ^ word_hashes.size();
  for (uint64_t w : word_hashes) {
    h = (h ^ w) * 0x9E3779B97F4A7C15ull;
    h = (h << 31) | (h >> 33);
  }
  h ^= h >> 32;
  h *= 0xD6E8FEB86659FD93ull;
  h ^= h >> 32;
  return h ? h : 1;
}

std::string_view url_site(std::string_view url) {
  size_t p = url.find("://");
  std::string_view rest = p == std::string_view::npos ? url : url.substr(p + 3);
  size_t end = rest.find_first_of("/?#");
  std::string_view host = rest.substr(0, end);
  size_t at = host.rfind('@');
  if (at != std::string_view::npos) host = host.substr(at + 1);
  size_t colon = host.rfind(':');
  if (colon != std::string_view::npos && host.find(']') == std::string_view::npos) host = host.substr(0, colon);
  if (istarts_with(host, "www.")) host = host.substr(4);
  return host;
}

uint64_t site_key(std::string_view url) {
  std::string host = ascii_lowercase(url_site(url));
  uint64_t h = XXH3_64bits(host.data(), host.size());
  return h ? h : 1;
}

struct BoilerplateLearner::Impl {
  LearnerOptions opt;
  // calloc: the OS hands out zero pages lazily, so a large table costs nothing until used.
  std::unique_ptr<Bucket, decltype(&std::free)> table{nullptr, &std::free};
  size_t nbuckets = 0;
  std::array<double, 256> decay{};  // kDecayBase^-count; 0 beyond (1.08^-256 < 3e-9)
  uint64_t rng = 0x9E3779B97F4A7C15ull;  // fixed seed: the same input gives the same counts
  uint64_t pages = 0;
  // Scratch for observe().
  LineFeatures f;
  std::vector<uint64_t> hashes, keys;

  uint64_t next_random() {  // xorshift64*
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return rng * 0x2545F4914F6CDD1Dull;
  }
  Bucket& bucket(uint64_t key) { return table.get()[(key >> 7) % nbuckets]; }
  const Bucket& bucket(uint64_t key) const { return table.get()[(key >> 7) % nbuckets]; }

  uint32_t get(uint64_t key) const {
    for (const Slot& s : bucket(key).slots)
      if (s.key == key) return s.count;
    return 0;
  }
  void add(uint64_t key) {
    Bucket& b = bucket(key);
    Slot* empty = nullptr;
    Slot* smallest = nullptr;
    for (Slot& s : b.slots) {
      if (s.key == key) {
        if (s.count != UINT32_MAX) ++s.count;
        return;
      }
      if (s.count == 0) empty = empty ? empty : &s;
      else if (!smallest || s.count < smallest->count) smallest = &s;
    }
    if (empty) {
      *empty = Slot{key, 1, 0};
      return;
    }
    double p = smallest->count < decay.size() ? decay[smallest->count] : 0.0;
    if (p > 0 && static_cast<double>(next_random() >> 11) * 0x1.0p-53 < p) {
      if (--smallest->count == 0) *smallest = Slot{key, 1, 0};
    }
  }
};

BoilerplateLearner::BoilerplateLearner(LearnerOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->opt = options;
  size_t n = std::max<size_t>(1, options.memory_bytes / sizeof(Bucket));
  impl_->table.reset(static_cast<Bucket*>(std::calloc(n, sizeof(Bucket))));
  if (!impl_->table) throw std::bad_alloc();  // setup error: the CLI reports it and stops
  impl_->nbuckets = n;
  for (size_t c = 0; c < impl_->decay.size(); ++c) impl_->decay[c] = std::pow(kDecayBase, -static_cast<double>(c));
}
BoilerplateLearner::~BoilerplateLearner() = default;
BoilerplateLearner::BoilerplateLearner(BoilerplateLearner&&) noexcept = default;
BoilerplateLearner& BoilerplateLearner::operator=(BoilerplateLearner&&) noexcept = default;

void BoilerplateLearner::observe(std::string_view text, std::string_view url) {
  Impl& m = *impl_;
  const uint64_t site = site_key(url);
  m.keys.clear();
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = trim(text.substr(pos, nl - pos));
    pos = nl + 1;
    if (line.empty() || line.size() > m.opt.max_line_bytes) continue;
    line_features(line, m.f, &m.hashes, kLineKeyWords);
    uint64_t k = line_key(m.hashes);
    if (k) m.keys.push_back(k);
  }
  // A page counts once per line, and a page seen before (same site, same bytes) not at all:
  // duplicate pages are the business of dedup, not boilerplate.
  std::sort(m.keys.begin(), m.keys.end());
  m.keys.erase(std::unique(m.keys.begin(), m.keys.end()), m.keys.end());
  uint64_t page = combine(combine(site, kPageMarker), XXH3_64bits(text.data(), text.size()));
  if (m.get(page) > 0) return;
  m.add(page);
  ++m.pages;
  m.add(combine(site, kSiteMarker));
  for (uint64_t k : m.keys) m.add(combine(site, k));
}

uint32_t BoilerplateLearner::line_pages(std::string_view line, std::string_view url) const {
  LineFeatures f;
  std::vector<uint64_t> hashes;
  line_features(trim(line), f, &hashes, kLineKeyWords);
  uint64_t k = line_key(hashes);
  return k ? impl_->get(combine(site_key(url), k)) : 0;
}

uint32_t BoilerplateLearner::site_pages(std::string_view url) const {
  return impl_->get(combine(site_key(url), kSiteMarker));
}

bool BoilerplateLearner::is_boilerplate(std::string_view line, std::string_view url) const {
  LineFeatures f;
  std::vector<uint64_t> hashes;
  line_features(trim(line), f, &hashes, kLineKeyWords);
  return is_boilerplate_key(site_key(url), line_key(hashes));
}

bool BoilerplateLearner::is_boilerplate_key(uint64_t site, uint64_t line) const {
  if (!line) return false;
  uint32_t n = impl_->get(combine(site, line));
  return n >= impl_->opt.min_pages && n >= impl_->opt.min_share * impl_->get(combine(site, kSiteMarker));
}

size_t BoilerplateLearner::memory_bytes() const { return impl_->nbuckets * sizeof(Bucket); }
uint64_t BoilerplateLearner::pages_observed() const { return impl_->pages; }
const LearnerOptions& BoilerplateLearner::options() const { return impl_->opt; }

}  // namespace pith
