// fragment.cpp: strict decoding of URL fragments (see fragment.h).
#include "fragment.h"

namespace core {
namespace {

bool id_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

bool valid_id(std::string_view v) {
    if (v.empty() || v.size() > 40) return false;
    for (char c : v) {
        if (!id_char(c)) return false;
    }
    return true;
}

// Shows a value in a message safely: printable ASCII only, at most 40 characters.
std::string quote(std::string_view v) {
    std::string out;
    for (char c : v.substr(0, 40)) out += (c >= 32 && c < 127) ? c : '?';
    if (v.size() > 40) out += "...";
    return "'" + out + "'";
}

}  // namespace

Fragment parse_fragment(std::string_view text) {
    Fragment f;
    if (!text.empty() && text.front() == '#') text.remove_prefix(1);
    if (text.size() > 2048) {
        f.problems.push_back("the link's fragment is longer than 2,048 characters; ignored");
        return f;
    }
    while (!text.empty()) {
        size_t amp = text.find('&');
        std::string_view part = text.substr(0, amp);
        text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
        if (part.empty()) continue;
        size_t eq = part.find('=');
        std::string_view key = part.substr(0, eq);
        std::string_view value = eq == std::string_view::npos ? std::string_view() : part.substr(eq + 1);
        if (key == "step") {
            if (valid_id(value)) {
                f.step = std::string(value);
            } else {
                f.problems.push_back("step " + quote(value) + " is not a step name");
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
        } else {
            f.problems.push_back("unknown link setting " + quote(key) + " ignored");
        }
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
    add("step", fragment.step);
    add("terms", fragment.terms);
    add("controls", fragment.controls);
    return out;
}

}  // namespace core
