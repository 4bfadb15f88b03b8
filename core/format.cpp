// format.cpp: see format.h.
#include "format.h"

namespace core {

std::string num(long long n) {
    return std::to_string(n);
}

std::string with_commas(long long n) {
    // The magnitude in unsigned arithmetic, so that the most negative number has one too.
    const unsigned long long magnitude =
        n < 0 ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
    const std::string digits = std::to_string(magnitude);
    std::string out = n < 0 ? "-" : "";
    out.reserve(out.size() + digits.size() + digits.size() / 3);
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string count(long long n, std::string_view one, std::string_view many) {
    return num(n) + " " + std::string(n == 1 ? one : many);
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string safe_quote(std::string_view text, std::size_t limit) {
    std::string out;
    for (char c : text.substr(0, limit))
        out += (c >= 32 && c < 127) ? c : '?';
    if (text.size() > limit) out += "...";
    return "'" + out + "'";
}

}  // namespace core
