// Sorting more records than memory holds: records are buffered up to a budget, each full buffer
// is sorted and written to a run file, and the runs are merged from disk. When the runs are too
// many for one read buffer each within the budget, they are merged in passes of a few at a time.
// Records are fixed-size, trivially copyable and totally ordered by operator< (ties are equal
// records), so the output does not depend on how the input was cut into runs.
#pragma once
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <queue>
#include <string>
#include <type_traits>
#include <vector>

#include "pith/result.h"

namespace pith {

// Fewest records a buffer holds, whatever the budget: a run of fewer costs more in files than it
// saves in memory.
inline constexpr size_t kMinSortBufferRecords = 64;
// A read buffer of a run while merging: smaller ones make the merge seek more than it reads.
inline constexpr size_t kMinMergeBufferBytes = 4096;

template <class Rec>
class ExternalSorter {
  static_assert(std::is_trivially_copyable_v<Rec>);

 public:
  ExternalSorter(std::string tmp_dir, uint64_t budget_bytes) : dir_(std::move(tmp_dir)), budget_(budget_bytes) {
    cap_ = std::max<size_t>(kMinSortBufferRecords, budget_ / sizeof(Rec));
  }
  ~ExternalSorter() {
    for (const auto& r : runs_) std::remove(r.c_str());
  }

  Result<bool> add(const Rec& r) {
    if (buf_.empty()) buf_.reserve(std::min<size_t>(cap_, 1u << 16));
    buf_.push_back(r);
    ++count_;
    if (buf_.size() >= cap_) return spill();
    return true;
  }

  uint64_t count() const { return count_; }
  size_t runs() const { return runs_.size(); }

  // Hands every record to sink(const Rec&) in order; sink returns false to stop early.
  template <class Sink>
  Result<bool> finish(Sink&& sink) {
    if (runs_.empty()) {
      std::sort(buf_.begin(), buf_.end());
      for (const Rec& r : buf_)
        if (!sink(r)) break;
      buf_.clear();
      return true;
    }
    if (!buf_.empty()) {
      auto s = spill();
      if (!s) return s;
    }
    std::vector<Rec>().swap(buf_);
    // Runs merged at once: each needs a read buffer of at least kMinMergeBufferBytes.
    const size_t fan_in = std::max<size_t>(2, budget_ / std::max(kMinMergeBufferBytes, sizeof(Rec) * 4));
    while (runs_.size() > fan_in) {
      std::vector<std::string> next;
      for (size_t i = 0; i < runs_.size(); i += fan_in) {
        std::vector<std::string> group(runs_.begin() + i, runs_.begin() + std::min(runs_.size(), i + fan_in));
        if (group.size() == 1) {
          next.push_back(group[0]);
          continue;
        }
        std::string out = run_path();
        std::FILE* f = std::fopen(out.c_str(), "wb");
        if (!f) return io_error(out);
        bool ok = true;
        auto m = merge(group, [&](const Rec& r) {
          ok = std::fwrite(&r, sizeof r, 1, f) == 1;
          return ok;
        });
        if (std::fclose(f) != 0 || !ok) return io_error(out);
        if (!m) return m;
        for (const auto& g : group) std::remove(g.c_str());
        next.push_back(out);
      }
      runs_ = std::move(next);
    }
    auto m = merge(runs_, sink);
    for (const auto& r : runs_) std::remove(r.c_str());
    runs_.clear();
    return m;
  }

 private:
  struct Reader {
    std::FILE* f = nullptr;
    std::vector<Rec> buf;
    size_t pos = 0, n = 0;
    bool next(Rec& r) {
      if (pos == n) {
        n = std::fread(buf.data(), sizeof(Rec), buf.size(), f);
        pos = 0;
        if (n == 0) return false;
      }
      r = buf[pos++];
      return true;
    }
  };

  template <class Sink>
  Result<bool> merge(const std::vector<std::string>& files, Sink&& sink) {
    const size_t per_run =
        std::max<size_t>(kMinMergeBufferBytes / sizeof(Rec) + 1, budget_ / sizeof(Rec) / std::max<size_t>(1, files.size()));
    std::vector<Reader> readers(files.size());
    auto close_all = [&] {
      for (auto& r : readers)
        if (r.f) std::fclose(r.f);
    };
    using Head = std::pair<Rec, size_t>;
    auto greater = [](const Head& a, const Head& b) { return b.first < a.first || (!(a.first < b.first) && b.second < a.second); };
    std::priority_queue<Head, std::vector<Head>, decltype(greater)> heap(greater);
    for (size_t i = 0; i < files.size(); ++i) {
      readers[i].f = std::fopen(files[i].c_str(), "rb");
      if (!readers[i].f) {
        close_all();
        return io_error(files[i]);
      }
      readers[i].buf.resize(per_run);
      Rec r;
      if (readers[i].next(r)) heap.emplace(r, i);
    }
    while (!heap.empty()) {
      auto [r, i] = heap.top();
      heap.pop();
      if (!sink(r)) break;
      Rec n;
      if (readers[i].next(n)) heap.emplace(n, i);
    }
    bool failed = false;
    for (auto& r : readers) failed |= std::ferror(r.f) != 0;
    close_all();
    if (failed) return Error{ErrorCode::kIo, "cannot read a sort run in " + dir_};
    return true;
  }

  Result<bool> spill() {
    std::sort(buf_.begin(), buf_.end());
    std::string path = run_path();
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return io_error(path);
    bool ok = std::fwrite(buf_.data(), sizeof(Rec), buf_.size(), f) == buf_.size();
    ok = std::fclose(f) == 0 && ok;
    runs_.push_back(path);
    buf_.clear();
    if (!ok) return io_error(path);
    return true;
  }

  std::string run_path() { return dir_ + "/run-" + std::to_string(next_run_++) + ".bin"; }

  Error io_error(const std::string& path) const {
    return Error{ErrorCode::kIo, path + ": " + std::strerror(errno)};
  }

  std::string dir_;
  uint64_t budget_;
  size_t cap_;
  std::vector<Rec> buf_;
  std::vector<std::string> runs_;
  uint64_t count_ = 0;
  size_t next_run_ = 0;
};

}  // namespace pith
