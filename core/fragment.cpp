// fragment.cpp: strict decoding of URL fragments (see fragment.h).
#include "fragment.h"

#include <algorithm>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "format.h"
#include "json_read.h"
#include "scenario.h"

namespace core {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr int kMaxCampusDepth = 16;

// The 6-bit value of a base64url character, -1 outside the alphabet.
int sextet(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '-') return 62;
    if (c == '_') return 63;
    return -1;
}

bool id_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

bool valid_id(std::string_view v) {
    if (v.empty() || v.size() > 40) return false;
    for (char c : v) {
        if (!id_char(c)) return false;
    }
    return true;
}

// Shows a value in a message safely: printable ASCII only, at most 40 characters.
std::string quote(std::string_view v) {
    return safe_quote(v, 40);
}

}  // namespace

Fragment parse_fragment(std::string_view text) {
    Fragment f;
    if (!text.empty() && text.front() == '#') text.remove_prefix(1);
    if (text.size() > kMaxFragment + kMaxCampusLink) {
        f.problems.push_back("the link's fragment is longer than " +
                             with_commas(kMaxFragment + kMaxCampusLink) + " characters; ignored");
        return f;
    }
    while (!text.empty()) {
        size_t amp = text.find('&');
        std::string_view part = text.substr(0, amp);
        text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
        if (part.empty()) continue;
        size_t eq = part.find('=');
        std::string_view key = part.substr(0, eq);
        std::string_view value =
            eq == std::string_view::npos ? std::string_view() : part.substr(eq + 1);
        if (key == "step") {
            if (valid_id(value)) {
                f.step = std::string(value);
            } else {
                f.problems.push_back("step " + quote(value) + " is not a step name");
            }
        } else if (key == "lab") {
            if (valid_id(value)) {
                f.lab = std::string(value);
            } else {
                f.problems.push_back("lab " + quote(value) + " is not a lab name");
            }
        } else if (key == "beat") {
            const bool digits = !value.empty() && value.size() <= 2 &&
                                value.find_first_not_of("0123456789") == std::string_view::npos;
            int n = digits ? 0 : -1;
            for (char c : digits ? value : std::string_view())
                n = n * 10 + (c - '0');
            if (n >= 0 && n <= kMaxFragmentBeat) {
                f.beat = n;
            } else {
                f.problems.push_back("beat " + quote(value) + " must be a number from 0 to " +
                                     std::to_string(kMaxFragmentBeat));
            }
        } else if (key == "terms") {
            if (value == "aws" || value == "analogy") {
                f.terms = std::string(value);
            } else {
                f.problems.push_back("terms " + quote(value) + " must be 'aws' or 'analogy'");
            }
        } else if (key == "controls") {
            if (value == "min" || value == "full") {
                f.controls = std::string(value);
            } else {
                f.problems.push_back("controls " + quote(value) + " must be 'min' or 'full'");
            }
        } else if (key == "campus") {
            if (value.empty() || value.size() > kMaxCampusLink) {
                f.problems.push_back("the campus in the link is " +
                                     (value.empty() ? std::string("empty")
                                                    : with_commas(value.size()) +
                                                          " characters long, more than " +
                                                          with_commas(kMaxCampusLink)) +
                                     "; ignored");
            } else if (std::string_view body = value.substr(0, value.find_last_not_of('=') + 1);
                       body.find_first_not_of(kAlphabet) != std::string_view::npos ||
                       value.size() - body.size() > 2) {
                const std::size_t bad = body.find_first_not_of(kAlphabet);
                f.problems.push_back(
                    "the campus in the link has a character outside base64url at position " +
                    std::to_string((bad == std::string_view::npos ? body.size() : bad) + 1) +
                    "; ignored");
            } else {
                f.campus = std::string(value);
            }
        } else {
            f.problems.push_back("unknown link setting " + quote(key) + " ignored");
        }
    }
    if (!f.lab.empty() && (!f.step.empty() || f.beat >= 0)) {
        f.problems.push_back("a link opens a lab or a step, not both; the lab " + quote(f.lab) +
                             " opens");
        f.step.clear();
        f.beat = -1;
    }
    return f;
}

std::string format_fragment(const Fragment& fragment) {
    std::string out;
    auto add = [&](const char* key, const std::string& value) {
        if (value.empty()) return;
        if (!out.empty()) out += '&';
        out += key;
        out += '=';
        out += value;
    };
    if (!fragment.lab.empty()) {
        add("lab", fragment.lab);
    } else {
        add("step", fragment.step);
        add("beat", fragment.beat > 0 ? std::to_string(fragment.beat) : std::string());
    }
    add("terms", fragment.terms);
    add("controls", fragment.controls);
    add("campus", fragment.campus);
    return out;
}

std::string base64url_encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const uint32_t v = (static_cast<uint32_t>(static_cast<unsigned char>(bytes[i])) << 16) |
                           (static_cast<uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8) |
                           static_cast<uint32_t>(static_cast<unsigned char>(bytes[i + 2]));
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += kAlphabet[(v >> 6) & 63];
        out += kAlphabet[v & 63];
    }
    const std::size_t rest = bytes.size() - i;
    if (rest > 0) {
        uint32_t v = static_cast<uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
        if (rest == 2) v |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        if (rest == 2) out += kAlphabet[(v >> 6) & 63];
    }
    return out;
}

Result<std::string> base64url_decode(std::string_view text) {
    std::size_t end = text.size();
    while (end > 0 && text.size() - end < 2 && text[end - 1] == '=')
        --end;
    const std::string_view body = text.substr(0, end);
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (sextet(body[i]) < 0) {
            std::string shown = (body[i] >= 32 && body[i] < 127) ? std::string(1, body[i]) : "?";
            return make_error("The campus code has '" + shown + "' at position " +
                              std::to_string(i + 1) +
                              ", which is not base64url (letters, digits, '-' and '_'); the link "
                              "may have been cut or changed.");
        }
    }
    if (body.size() % 4 == 1) {
        return make_error("The campus code is " + with_commas(body.size()) +
                          " characters long, which no base64url text can be; the link may have "
                          "been cut off.");
    }
    std::string out;
    out.reserve(body.size() * 3 / 4);
    uint32_t acc = 0;
    int bits = 0;
    for (char c : body) {
        acc = (acc << 6) | static_cast<uint32_t>(sextet(c));
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((acc >> bits) & 0xFF);
        }
    }
    return out;
}

Result<std::string> encode_campus(std::string_view scenario_json) {
    std::string code = base64url_encode(scenario_json);
    if (code.size() > kMaxCampusLink) {
        return make_error("This campus is too big for a link: " + with_commas(code.size()) +
                          " characters, the limit is " + with_commas(kMaxCampusLink) +
                          ". Export it as JSON instead.");
    }
    return code;
}

Result<std::string> decode_campus(std::string_view encoded) {
    if (encoded.empty()) return make_error("The link's campus is empty.");
    if (encoded.size() > kMaxCampusLink) {
        return make_error("The link's campus is " + with_commas(encoded.size()) +
                          " characters long; the limit is " + with_commas(kMaxCampusLink) + ".");
    }
    Result<std::string> json_text = base64url_decode(encoded);
    if (!json_text) return json_text.error();
    const std::string& text = *json_text;
    if (json_nesting(text) > kMaxCampusDepth) {
        return make_error("The link's campus nests deeper than " + std::to_string(kMaxCampusDepth) +
                          " levels; it is not a scenario.");
    }
    nlohmann::json doc;
    if (!parse_json(text, doc)) {
        return make_error(
            "The link's campus decodes to text that is not valid JSON; the link may have been "
            "cut or changed.");
    }
    if (!doc.is_object()) return make_error("The link's campus is JSON but not a scenario object.");
    const auto version = doc.find("version");
    if (version == doc.end() || !version->is_number_integer()) {
        return make_error(
            "The link's campus has no whole-number \"version\"; it is not a scenario.");
    }
    const long long v =
        version->is_number_unsigned()
            ? static_cast<long long>(std::min<uint64_t>(version->get<uint64_t>(), 1000000))
            : version->get<long long>();
    if (v > kScenarioVersion) {
        return make_error("The link was made by a newer CNI Campus (scenario version " +
                          std::to_string(v) + "); this page reads version " +
                          std::to_string(kScenarioVersion) + ". Open it in the current page.");
    }
    if (v != kScenarioVersion) {
        return make_error("The link's campus has scenario version " + std::to_string(v) +
                          "; this page reads version " + std::to_string(kScenarioVersion) + ".");
    }
    return text;
}

}  // namespace core
