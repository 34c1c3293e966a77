// Ordered parallel map for the CLI: work(i, worker) runs on N threads, emit(i, result) runs on
// the calling thread in input order, whatever N is. At most `window` results wait in memory.
#pragma once
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace pith::cli {

template <class R>
void ordered_parallel(size_t n, unsigned threads, const std::function<R(size_t, unsigned)>& work,
                      const std::function<void(size_t, R&)>& emit, size_t window = 512) {
  if (threads <= 1 || n <= 1) {
    for (size_t i = 0; i < n; ++i) {
      R r = work(i, 0);
      emit(i, r);
    }
    return;
  }
  std::vector<std::optional<R>> slots(window);
  std::mutex mu;
  std::condition_variable ready, space;
  size_t next = 0, emitted = 0;
  auto worker = [&](unsigned id) {
    while (true) {
      size_t i;
      {
        std::unique_lock lock(mu);
        space.wait(lock, [&] { return next >= n || next < emitted + window; });
        if (next >= n) return;
        i = next++;
      }
      R r = work(i, id);
      {
        std::lock_guard lock(mu);
        slots[i % window].emplace(std::move(r));
      }
      ready.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker, t);
  for (size_t i = 0; i < n; ++i) {
    R r;
    {
      std::unique_lock lock(mu);
      ready.wait(lock, [&] { return slots[i % window].has_value(); });
      r = std::move(*slots[i % window]);
      slots[i % window].reset();
    }
    emit(i, r);
    {
      std::lock_guard lock(mu);
      emitted = i + 1;
    }
    space.notify_all();
  }
  for (auto& t : pool) t.join();
}

}  // namespace pith::cli
