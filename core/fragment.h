// fragment.h: the URL fragment and share-link format ("#step=prefix-delegation&terms=aws").
//
// The fragment is input from strangers (a shared link, a blog's iframe src), so decoding
// is strict: known keys only, bounded lengths, values from fixed sets or id syntax. An
// unknown key or value is reported and ignored; the rest of the fragment still applies.
//
// A share link may carry a whole playground campus: "campus=" followed by the scenario's
// compact JSON in base64url (RFC 4648 section 5, no padding), at most kMaxCampusLink
// characters. parse_fragment only checks its alphabet and length; decode_campus() turns it
// back into JSON and checks that it is a well-formed scenario object of a version this
// build reads. load_scenario (scenario.h) then checks the scenario itself.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "result.h"

namespace core {

struct Fragment {
    std::string step;                   // step id, "" if absent
    std::string lab;                    // incident lab id ("lab=idle-but-full"), "" if absent
    int beat = -1;                      // beat of the step, 0-based; -1 if absent
    std::string terms;                  // "analogy" | "aws" | ""
    std::string controls;               // "full" | "min" | ""
    std::string campus;                 // base64url scenario JSON for the playground, "" if absent
    std::vector<std::string> problems;  // readable notes on what was ignored
};

inline constexpr std::size_t kMaxFragment = 2048;     // the fragment without its campus
inline constexpr std::size_t kMaxCampusLink = 12000;  // base64url characters after campus=

inline constexpr int kMaxFragmentBeat = 16;  // beats are numbered 0 to this

// Decodes "step=ID&beat=2&terms=aws&controls=min&campus=..." or "lab=ID&terms=aws" (a leading
// '#' is allowed; a lab and a step in one link: the lab opens, the step is noted). Never
// fails: bad parts are dropped and described in problems. A fragment longer than
// kMaxFragment plus the campus allowance is refused whole.
Fragment parse_fragment(std::string_view text);
// Encodes the non-empty fields back, in a fixed order (campus last); beat only when above 0; a
// lab in place of the step.
std::string format_fragment(const Fragment& fragment);

// Base64url of the bytes (RFC 4648 section 5: '-' and '_', no '=' padding).
std::string base64url_encode(std::string_view bytes);
// Decodes base64url; '=' padding at the end is accepted. Errors name the first character
// outside the alphabet (with its position) or an impossible length.
Result<std::string> base64url_decode(std::string_view text);
// The "campus=" value for scenario JSON; an error when it would pass kMaxCampusLink.
Result<std::string> encode_campus(std::string_view scenario_json);
// The scenario JSON in a "campus=" value, strictly: length, alphabet, a JSON object nested
// at most 16 deep, with a whole-number "version" this build reads (a newer one says so).
Result<std::string> decode_campus(std::string_view encoded);

}  // namespace core
