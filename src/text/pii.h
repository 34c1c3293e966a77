// Personal data masking: e-mail addresses and public IPv4 addresses are replaced by fixed
// placeholders, as datatrove's PIIFormatter does for FineWeb (its first replacement values:
// "email@example.com" and "22.214.171.124"; private and reserved IPs are left alone).
#pragma once
#include <string>

namespace pith {

struct PiiCounts {
  size_t emails = 0;
  size_t ips = 0;
};

inline constexpr const char* kEmailReplacement = "email@example.com";  // datatrove PIIFormatter
inline constexpr const char* kIpReplacement = "22.214.171.124";        // datatrove PIIFormatter

// Rewrites text in place; returns how many of each were masked.
PiiCounts mask_pii(std::string& text);

}  // namespace pith
