// A per-page time budget that every pass of extraction and cleaning checks cheaply: the clock
// is read once every kStride checks, so a pass may check once per node or line. The first pass
// that finds the budget spent is remembered, for the warning that names it; from then on every
// check answers "expired" at once, and each pass takes its short way to a result.
#pragma once
#include <chrono>
#include <cstdint>
#include <string_view>

namespace pith {

class Deadline {
 public:
  using Clock = std::chrono::steady_clock;

  Deadline() = default;  // never expires
  explicit Deadline(Clock::time_point at) : at_(at) {}

  // Whether the budget is spent; pass names the caller ("content selection"), kept from the
  // first call that found it so. The clock is read on the first check and then every kStride.
  bool expired(std::string_view pass) {
    if (spent_) return true;
    if (at_ == Clock::time_point::max() || ticks_++ % kStride != 0) return false;
    if (Clock::now() <= at_) return false;
    spent_ = true;
    pass_ = pass;
    return true;
  }
  // Reads the clock now (between passes, where a check is rare anyway).
  bool expired_now(std::string_view pass) {
    ticks_ = 0;
    return expired(pass);
  }

  // Marks the budget spent by a pass that keeps its own clock (the parser).
  void spend(std::string_view pass) {
    if (spent_) return;
    spent_ = true;
    pass_ = pass;
  }

  bool spent() const { return spent_; }
  std::string_view pass() const { return pass_; }  // the first pass that found it spent

 private:
  // A node or line costs tens of nanoseconds, a clock read about as much: 256 checks keep the
  // clock under 1% of the time and find an expiry within microseconds.
  static constexpr uint32_t kStride = 256;
  Clock::time_point at_ = Clock::time_point::max();
  uint32_t ticks_ = 0;
  bool spent_ = false;
  std::string_view pass_;
};

}  // namespace pith
