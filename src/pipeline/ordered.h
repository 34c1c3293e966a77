// The one ordered thread pool: items are produced on one thread (reading input), worked on by
// N threads, and handed to `emit` on the calling thread in the order they were produced,
// whatever N is. At most `window` items, and about `max_inflight_bytes` of them, are in flight,
// so memory does not grow with the input. Used by pith run, pith extract and pith clean.
#pragma once
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace pith {

struct OrderedLimits {
  unsigned threads = 1;
  size_t window = 0;                      // items in flight; 0 = 16 per thread + 16
  size_t max_inflight_bytes = 256u << 20;  // bytes of items in flight (one item always fits)
};

// produce(item) fills the next item, false at the end; bytes(item) is its size in memory;
// work(item, worker) turns it into a result on worker thread `worker` (0..threads-1);
// emit(result) runs on the calling thread in input order and returns false to stop early
// (the items in flight are finished and dropped, nothing more is produced).
template <class Item, class Out>
void ordered_stream(const OrderedLimits& limits, const std::function<bool(Item&)>& produce,
                    const std::function<size_t(const Item&)>& bytes, const std::function<Out(Item&, unsigned)>& work,
                    const std::function<bool(Out&)>& emit) {
  if (limits.threads <= 1) {
    Item item;
    while (produce(item)) {
      Out out = work(item, 0);
      item = Item{};
      if (!emit(out)) return;
    }
    return;
  }
  const size_t window = limits.window ? limits.window : 16 * limits.threads + 16;
  std::mutex mu;
  std::condition_variable cv_work, cv_space, cv_done;
  std::deque<std::pair<uint64_t, Item>> queue;
  std::map<uint64_t, std::pair<Out, size_t>> done;
  uint64_t produced = 0, emitted = 0;
  size_t inflight = 0;
  bool finished = false, stop = false;

  std::thread reader([&] {
    while (true) {
      Item item;
      bool more;
      {
        std::unique_lock lock(mu);
        if (stop) break;
      }
      more = produce(item);
      if (!more) break;
      size_t b = bytes(item);
      std::unique_lock lock(mu);
      cv_space.wait(lock, [&] {
        return stop || (produced - emitted < window && (inflight + b <= limits.max_inflight_bytes || produced == emitted));
      });
      if (stop) break;
      inflight += b;
      queue.emplace_back(produced++, std::move(item));
      cv_work.notify_one();
    }
    std::lock_guard lock(mu);
    finished = true;
    cv_work.notify_all();
    cv_done.notify_all();
  });
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < limits.threads; ++t) {
    pool.emplace_back([&, t] {
      while (true) {
        std::pair<uint64_t, Item> job;
        {
          std::unique_lock lock(mu);
          cv_work.wait(lock, [&] { return !queue.empty() || finished; });
          if (queue.empty()) return;
          job = std::move(queue.front());
          queue.pop_front();
        }
        size_t b = bytes(job.second);
        Out out = work(job.second, t);
        job.second = Item{};  // free the input before waiting on the lock
        std::lock_guard lock(mu);
        done.emplace(job.first, std::make_pair(std::move(out), b));
        cv_done.notify_all();
      }
    });
  }
  while (true) {
    std::pair<Out, size_t> next;
    {
      std::unique_lock lock(mu);
      cv_done.wait(lock, [&] { return done.count(emitted) || (finished && emitted == produced); });
      auto it = done.find(emitted);
      if (it == done.end()) break;
      next = std::move(it->second);
      done.erase(it);
    }
    bool go_on = stop ? true : emit(next.first);
    {
      std::lock_guard lock(mu);
      inflight -= next.second;
      ++emitted;
      if (!go_on) stop = true;
    }
    cv_space.notify_all();
  }
  reader.join();
  for (auto& t : pool) t.join();
}

}  // namespace pith
