// Thousands separators, the one home of the rule every layer prints with: the reader's messages,
// the analyses' findings and the reports (report::count and report::fixed call it).
//
//   base::thousands(589824)        // "589,824"
//   base::groupThousands("-12345.6") // "-12,345.6"
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gigaplan::base {

/// Inserts a comma every three digits of the integer part of a plain decimal text ("-12345.6").
std::string groupThousands(const std::string& text);
/// A whole number with thousands separated by commas: 24576 → "24,576", -1234 → "-1,234".
std::string thousands(std::int64_t n);
/// A count with its noun, singular or plural: counted(1, "hall") → "1 hall", counted(1536, "rack") →
/// "1,536 racks", counted(2, "busway", "busways") (plural "" = singular + "s").
std::string counted(std::int64_t n, std::string_view singular, std::string_view plural = {});

}  // namespace gigaplan::base
