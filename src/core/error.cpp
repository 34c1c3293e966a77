#include "pith/result.h"

namespace pith {

std::string_view error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kEmptyInput: return "empty_input";
    case ErrorCode::kBinaryInput: return "binary_input";
    case ErrorCode::kTooLarge: return "too_large";
    case ErrorCode::kDecode: return "decode";
    case ErrorCode::kParse: return "parse";
    case ErrorCode::kBudgetNodes: return "budget_nodes";
    case ErrorCode::kBudgetTime: return "budget_time";
    case ErrorCode::kNoContent: return "no_content";
    case ErrorCode::kIo: return "io";
    case ErrorCode::kBadInput: return "bad_input";
  }
  return "unknown";
}

}  // namespace pith
