// format.h: numbers in words a learner reads, one home for all of core (and the views).
//
//   core::num(1391)                     // "1391"
//   core::with_commas(131072)           // "131,072"
//   core::count(3, "ENI", "ENIs")       // "3 ENIs";  core::count(1, "ENI", "ENIs") -> "1 ENI"
#pragma once

#include <string>
#include <string_view>

namespace core {

// A whole number as digits.
std::string num(long long n);
// A whole number with a comma every three digits ("-1,024" for a negative one).
std::string with_commas(long long n);
// "n word" with the singular for exactly one.
std::string count(long long n, std::string_view one, std::string_view many);

}  // namespace core
