// format.h: numbers in words a learner reads, one home for all of core (and the views),
// and text made safe for a message or an HTML page.
//
//   core::num(1391)                     // "1391"
//   core::with_commas(131072)           // "131,072"
//   core::count(3, "ENI", "ENIs")       // "3 ENIs";  core::count(1, "ENI", "ENIs") -> "1 ENI"
//   core::safe_quote("st\x01ep", 40)    // "'st?ep'"
//   core::html_escape("a<b")            // "a&lt;b"
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace core {

// A whole number as digits.
std::string num(long long n);
// A whole number with a comma every three digits ("-1,024" for a negative one).
std::string with_commas(long long n);
// "n word" with the singular for exactly one.
std::string count(long long n, std::string_view one, std::string_view many);
// Text for HTML element content or a double- or single-quoted attribute: & < > " ' escaped.
std::string html_escape(std::string_view text);
// Text from outside (a link, a host page) in single quotes for a message: printable ASCII
// only (anything else shows as '?'), at most `limit` characters and "..." after a longer one.
std::string safe_quote(std::string_view text, std::size_t limit);

}  // namespace core
