// fuzz_fragment.cpp: libFuzzer target for the URL-fragment / share-link decoder
// (core/fragment.h).
//
// The input is whatever follows '#' in a link someone shared. Properties: decoding never
// fails or crashes; every kept field is from its fixed set or has id syntax (the campus:
// base64url within its length); every problem is short printable ASCII (it is shown to the
// learner); formatting what was kept and decoding it again gives the same fields with no
// problem, and formatting is stable (a fixed point). base64url: decoding an encoding gives
// the bytes back. A shared campus goes the whole way a link does: decode_campus, then
// load_scenario with the shipped catalog; a scenario that loads is saved, encoded into a new
// link and comes back equal.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fragment.h"
#include "fuzz_support.h"
#include "scenario.h"

namespace {

bool id_syntax(const std::string& s) {
    if (s.empty() || s.size() > 64) return false;
    for (char c : s) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    }
    return true;
}

bool base64url(const std::string& s) {
    for (char c : s) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '=';
        if (!ok) return false;
    }
    return true;
}

bool printable(const std::string& s) {
    for (char c : s) {
        if (c < 32 || c > 126) return false;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text = fuzz::text(data, size);
    const core::Fragment f = core::parse_fragment(text);

    FUZZ_CHECK(f.step.empty() || id_syntax(f.step), "step kept with bad syntax: " + f.step);
    FUZZ_CHECK(f.lab.empty() || id_syntax(f.lab), "lab kept with bad syntax: " + f.lab);
    FUZZ_CHECK(f.lab.empty() || (f.step.empty() && f.beat < 0), "a lab kept beside a step");
    FUZZ_CHECK(f.terms.empty() || f.terms == "aws" || f.terms == "analogy", "terms: " + f.terms);
    FUZZ_CHECK(f.controls.empty() || f.controls == "min" || f.controls == "full",
               "controls: " + f.controls);
    FUZZ_CHECK(f.campus.size() <= core::kMaxCampusLink && base64url(f.campus),
               "campus kept with bad syntax");
    FUZZ_CHECK(f.problems.size() <= size + 1, "more problems than input bytes");
    for (const std::string& p : f.problems) {
        FUZZ_CHECK(!p.empty() && p.size() <= 200 && printable(p), "problem text: " + p);
    }

    // Round trip: what was kept encodes to a link that decodes cleanly to the same fields.
    const std::string link = core::format_fragment(f);
    FUZZ_CHECK(link.size() <= size + 64, "formatted link longer than its source: " + link);
    const core::Fragment back = core::parse_fragment(link);
    FUZZ_CHECK(back.problems.empty(),
               "re-decoding " + link + ": " + (back.problems.empty() ? "" : back.problems[0]));
    FUZZ_CHECK(back.step == f.step && back.lab == f.lab && back.terms == f.terms &&
                   back.controls == f.controls && back.campus == f.campus,
               "round trip changed the fields of " + link);
    FUZZ_CHECK(core::format_fragment(back) == link, "format is not stable for " + link);
    FUZZ_CHECK(core::parse_fragment("#" + link).step == f.step, "leading '#' changes the step");

    // base64url on the raw bytes.
    const std::string code = core::base64url_encode(text);
    FUZZ_CHECK(code.size() == (size * 4 + 2) / 3, "encoded length");
    core::Result<std::string> bytes = core::base64url_decode(code);
    FUZZ_CHECK(bytes && *bytes == text, "base64url round trip");
    core::Result<std::string> raw = core::base64url_decode(text);
    if (raw) {
        core::Result<std::string> again = core::base64url_decode(core::base64url_encode(*raw));
        FUZZ_CHECK(again && *again == *raw, "decode(encode(decode(x))) != decode(x)");
    }

    // A campus from the link, the way the page opens it.
    if (f.campus.empty()) return 0;
    core::Result<std::string> json = core::decode_campus(f.campus);
    if (!json) {
        FUZZ_CHECK(!json.error().message.empty() && json.error().message.size() < 300,
                   "decode_campus message");
        return 0;
    }
    core::Result<core::Scenario> s = core::load_scenario(*json, fuzz::catalog());
    if (!s) return 0;
    core::Result<std::string> shared = core::encode_campus(core::save_scenario(*s));
    if (!shared) return 0;  // too big for a link once pretty-printed
    const core::Fragment opened = core::parse_fragment("#campus=" + *shared);
    FUZZ_CHECK(opened.problems.empty() && opened.campus == *shared, "a shared campus link");
    core::Result<std::string> json2 = core::decode_campus(opened.campus);
    FUZZ_CHECK(json2.ok(), "a shared campus does not decode");
    core::Result<core::Scenario> s2 = core::load_scenario(*json2, fuzz::catalog());
    FUZZ_CHECK(s2 && *s2 == *s, "a shared campus comes back different");
    return 0;
}
