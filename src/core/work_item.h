// The input a thread is working on, for the crash report: a fatal signal (a bug in pith, or in
// a library it calls) names the page that caused it, so that the page can be reported and
// skipped. Setting it costs one thread-local pointer store; the name must outlive the scope.
#pragma once

namespace pith {

namespace detail {
// volatile: a store that nothing in sight reads is still made, for the signal handler.
inline thread_local const char* volatile current_work_item = nullptr;
inline thread_local bool thread_prepared = false;
// Set by the crash report (io/writer.h): readies a thread for it (an alternate signal stack, so
// that a stack overflow is reported too), called once per thread on its first work item.
inline void (*prepare_thread)() = nullptr;
}

// The name of the input this thread works on now, or nullptr. Async-signal-safe to read from a
// handler running on this thread.
inline const char* current_work_item() { return detail::current_work_item; }

// Marks `name` (a file path, "file:offset", a URL) as this thread's input for its lifetime.
class WorkItemScope {
 public:
  explicit WorkItemScope(const char* name) : previous_(detail::current_work_item) {
    if (!detail::thread_prepared) {
      detail::thread_prepared = true;
      if (detail::prepare_thread) detail::prepare_thread();
    }
    detail::current_work_item = name;
  }
  ~WorkItemScope() { detail::current_work_item = previous_; }
  WorkItemScope(const WorkItemScope&) = delete;
  WorkItemScope& operator=(const WorkItemScope&) = delete;

 private:
  const char* previous_;
};

}  // namespace pith
