// fragment.h: the URL fragment and share-link format ("#step=prefix-delegation&terms=aws").
//
// The fragment is input from strangers (a shared link, a blog's iframe src), so decoding
// is strict: known keys only, bounded lengths, values from fixed sets or id syntax. An
// unknown key or value is reported and ignored; the rest of the fragment still applies.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "result.h"

namespace core {

struct Fragment {
    std::string step;      // step id, "" if absent
    std::string terms;     // "analogy" | "aws" | ""
    std::string controls;  // "full" | "min" | ""
    std::vector<std::string> problems;  // readable notes on what was ignored
};

// Decodes "step=ID&terms=aws&controls=min" (a leading '#' is allowed). Never fails: bad
// parts are dropped and described in problems. Input past 2,048 bytes is refused whole.
Fragment parse_fragment(std::string_view text);
// Encodes the non-empty fields back, in a fixed order.
std::string format_fragment(const Fragment& fragment);

}  // namespace core
