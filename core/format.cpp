// format.cpp: see format.h.
#include "format.h"

namespace core {

std::string num(long long n) {
    return std::to_string(n);
}

std::string with_commas(unsigned long long n) {
    std::string digits = std::to_string(n);
    std::string out;
    out.reserve(digits.size() + digits.size() / 3);
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string count(long long n, std::string_view one, std::string_view many) {
    return num(n) + " " + std::string(n == 1 ? one : many);
}

}  // namespace core
