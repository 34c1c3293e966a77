// pith/result.h: errors as values. The library never throws for a bad document, never prints
// and never exits; a per-document problem comes back as an Error inside a Result.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "pith/export.h"

namespace pith {

enum class ErrorCode {
  kEmptyInput,     // zero bytes, or nothing but whitespace
  kBinaryInput,    // the bytes are not text (NULs, control bytes, known binary magic)
  kTooLarge,       // over Budgets::max_input_bytes
  kDecode,         // a charset could not be converted
  kParse,          // the parser gave up
  kBudgetNodes,    // over Budgets::max_nodes (the DOM was cut, extraction went on)
  kBudgetTime,     // over Budgets::max_millis
  kNoContent,      // the page holds no main text
  kIo,             // a file could not be read or written
  kBadInput,       // a record or argument is malformed
};

// A stable short name per code ("empty_input", ...), used in stats and rejects.
PITH_API std::string_view error_code_name(ErrorCode code);

struct Error {
  ErrorCode code;
  std::string message;  // what went wrong, for a person
  size_t offset = 0;    // byte offset in the input where it is known, else 0
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}      // NOLINT
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const Error& error() const { return std::get<1>(v_); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace pith
