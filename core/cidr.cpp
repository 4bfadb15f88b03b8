// cidr.cpp: strict IPv4 / CIDR parsing, formatting and block arithmetic.
//
// The parsers walk the text once, left to right, and stop at the first thing that is
// wrong, so every message names exactly one problem and quotes the text as typed.
#include "cidr.h"
#include "format.h"

#include <cstddef>

namespace core {
namespace {

uint32_t prefix_mask(int prefix) {
    if (prefix <= 0) return 0;
    if (prefix >= 32) return 0xFFFFFFFFu;
    return 0xFFFFFFFFu << (32 - prefix);
}

// The input as typed, in quotes; text from a file may be any length, so at most 64
// characters are quoted.
std::string quoted(std::string_view text) {
    if (text.size() > 64) return "\"" + std::string(text.substr(0, 64)) + "...\"";
    return "\"" + std::string(text) + "\"";
}

// A run of digits for a message, at most 12 of them (text from a file may be any length).
std::string shown_digits(std::string_view digits) {
    if (digits.size() > 12) return std::string(digits.substr(0, 12)) + "...";
    return std::string(digits);
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// The run of digits at `pos` (perhaps empty); `pos` moves past it.
std::string_view read_digits(std::string_view text, size_t& pos) {
    const size_t start = pos;
    while (pos < text.size() && is_digit(text[pos]))
        ++pos;
    return text.substr(start, pos - start);
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool all_space(std::string_view text) {
    for (char c : text) {
        if (!is_space(c)) return false;
    }
    return true;
}

// "a space", "'x'", ... for a character the parser did not expect.
std::string describe_char(char c) {
    if (c == ' ') return "a space";
    if (is_space(c)) return "a tab or line break";
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x7f) return "a character that is not a digit";
    return std::string("'") + c + "'";
}

// The message for an unexpected character at pos (inside the address or prefix).
Error unexpected_char(std::string_view input, size_t pos, bool cidr) {
    const std::string what = cidr ? "a CIDR block" : "an address";
    const char c = input[pos];
    if (is_space(c)) {
        if (all_space(input.substr(pos))) {
            return make_error(quoted(input) + " ends with " + describe_char(c) + "; remove it.");
        }
        return make_error(quoted(input) + " contains " + describe_char(c) + "; write " + what +
                          " without spaces.");
    }
    return make_error(quoted(input) + ": " + describe_char(c) + " is not a digit; " +
                      (cidr ? "a CIDR block is an address, a slash and a prefix length, "
                              "like 10.0.0.0/16."
                            : "an address is four numbers from 0 to 255 separated by dots, "
                              "like 10.0.1.5."));
}

// Digits without their leading zeros ("010" -> "10", "00" -> "0").
std::string strip_zeros(std::string_view digits) {
    size_t i = 0;
    while (i + 1 < digits.size() && digits[i] == '0')
        ++i;
    return std::string(digits.substr(i));
}

// Value of a digit run of at most 9 characters.
uint32_t digits_value(std::string_view digits) {
    uint32_t v = 0;
    for (char c : digits)
        v = v * 10u + static_cast<uint32_t>(c - '0');
    return v;
}

const char* kOrdinal[] = {"first", "second", "third", "fourth"};

// Parses the four dotted octets that start the text (empty text, or white space in front,
// is refused); on success pos is just after the fourth. `cidr` says whether the text is a
// CIDR block (else a single address), for messages.
Result<uint32_t> parse_quad(std::string_view input, size_t& pos, bool cidr) {
    if (input.empty()) {
        return make_error(cidr ? "The CIDR block is empty; write an address, a slash and a prefix "
                                 "length, like 10.0.0.0/16."
                               : "The address is empty; write four numbers separated by dots, "
                                 "like 10.0.1.5.");
    }
    if (is_space(input[0])) {
        return make_error(quoted(input) + " starts with " + describe_char(input[0]) +
                          "; remove it.");
    }
    uint32_t value = 0;
    for (int i = 0; i < 4; ++i) {
        if (i > 0) {
            if (pos >= input.size() || input[pos] == '/') {
                return make_error(quoted(input) + " has only " + std::to_string(i) +
                                  (i == 1 ? " octet" : " octets") +
                                  "; an IPv4 address has four numbers separated by dots, "
                                  "like 10.0.0.0.");
            }
            if (input[pos] != '.') return unexpected_char(input, pos, cidr);
            ++pos;
        }
        const std::string_view digits = read_digits(input, pos);
        if (digits.empty()) {
            if (pos < input.size() && input[pos] != '.' && input[pos] != '/') {
                return unexpected_char(input, pos, cidr);
            }
            if (i == 0 && pos < input.size() && input[pos] == '/') {
                return make_error(quoted(input) +
                                  " has no address before the slash; write "
                                  "one, like 10.0.0.0/16.");
            }
            return make_error(quoted(input) + ": the " + kOrdinal[i] +
                              " octet is empty; each of the four octets is a number from 0 "
                              "to 255.");
        }
        if (digits.size() > 1 && digits[0] == '0') {
            return make_error(quoted(input) + ": the " + kOrdinal[i] + " octet \"" +
                              shown_digits(digits) + "\" has a leading zero; write it as " +
                              shown_digits(strip_zeros(digits)) +
                              " (some tools read leading zeros as octal).");
        }
        if (digits.size() > 3 || digits_value(digits) > 255) {
            return make_error(quoted(input) + ": " + shown_digits(digits) +
                              " is not an octet (0-255).");
        }
        value = (value << 8) | digits_value(digits);
    }
    if (pos < input.size() && input[pos] == '.') {
        return make_error(quoted(input) +
                          " has more than four octets; an IPv4 address has exactly four, "
                          "like 10.0.0.0.");
    }
    return value;
}

}  // namespace

Result<Ipv4> parse_ipv4(std::string_view text) {
    size_t pos = 0;
    Result<uint32_t> quad = parse_quad(text, pos, false);
    if (!quad) return quad.error();
    if (pos < text.size()) {
        if (text[pos] == '/') {
            return make_error(quoted(text) +
                              " is a CIDR block; a single address has no /prefix, like "
                              "10.0.1.5.");
        }
        if (is_space(text[pos]) && all_space(text.substr(pos))) {
            return unexpected_char(text, pos, false);
        }
        return make_error(quoted(text) + ": unexpected text " + quoted(text.substr(pos)) +
                          " after the address.");
    }
    return Ipv4{*quad};
}

Result<Cidr> parse_cidr(std::string_view text) {
    size_t pos = 0;
    Result<uint32_t> quad = parse_quad(text, pos, true);
    if (!quad) return quad.error();
    if (pos >= text.size()) {
        return make_error(quoted(text) +
                          " has no prefix length; add one after a slash, like "
                          "10.0.0.0/16.");
    }
    if (text[pos] != '/') return unexpected_char(text, pos, true);
    ++pos;
    const std::string_view digits = read_digits(text, pos);
    if (digits.empty()) {
        if (pos >= text.size()) {
            return make_error(quoted(text) +
                              " has no prefix length after the slash; add one, like /16.");
        }
        return unexpected_char(text, pos, true);
    }
    if (digits.size() > 1 && digits[0] == '0') {
        return make_error(quoted(text) + ": the prefix length \"" + shown_digits(digits) +
                          "\" has a leading zero; write /" + shown_digits(strip_zeros(digits)) +
                          ".");
    }
    if (digits.size() > 2 || digits_value(digits) > 32) {
        return make_error(quoted(text) + ": the prefix length /" + shown_digits(digits) +
                          " is out of range; IPv4 prefixes run from /0 to /32.");
    }
    if (pos < text.size()) {
        if (is_space(text[pos]) && all_space(text.substr(pos))) {
            return unexpected_char(text, pos, true);
        }
        return make_error(quoted(text) + ": unexpected text " + quoted(text.substr(pos)) +
                          " after the prefix length.");
    }
    const int prefix = static_cast<int>(digits_value(digits));
    const uint32_t base = *quad;
    const uint32_t network = base & prefix_mask(prefix);
    if (network != base) {
        return make_error(quoted(text) + " has host bits set; did you mean " +
                          format_cidr(Cidr{network, prefix}) + "?");
    }
    return Cidr{network, prefix};
}

std::string format_ipv4(Ipv4 ip) {
    return std::to_string((ip.value >> 24) & 0xFFu) + "." +
           std::to_string((ip.value >> 16) & 0xFFu) + "." +
           std::to_string((ip.value >> 8) & 0xFFu) + "." + std::to_string(ip.value & 0xFFu);
}

std::string format_cidr(const Cidr& c) {
    return format_ipv4(Ipv4{c.base}) + "/" + std::to_string(c.prefix);
}

uint64_t cidr_size(const Cidr& c) {
    const int prefix = c.prefix < 0 ? 0 : (c.prefix > 32 ? 32 : c.prefix);
    return uint64_t{1} << (32 - prefix);
}

Ipv4 cidr_first(const Cidr& c) {
    return Ipv4{c.base & prefix_mask(c.prefix)};
}

Ipv4 cidr_last(const Cidr& c) {
    return Ipv4{static_cast<uint32_t>(cidr_first(c).value + (cidr_size(c) - 1))};
}

bool cidr_contains(const Cidr& c, Ipv4 ip) {
    const uint32_t mask = prefix_mask(c.prefix);
    return (ip.value & mask) == (c.base & mask);
}

bool cidr_contains(const Cidr& outer, const Cidr& inner) {
    return inner.prefix >= outer.prefix && cidr_contains(outer, cidr_first(inner));
}

bool cidr_overlaps(const Cidr& a, const Cidr& b) {
    return cidr_contains(a, b) || cidr_contains(b, a);
}

Result<std::vector<Cidr>> cidr_split(const Cidr& c, int new_prefix) {
    if (new_prefix < 0 || new_prefix > 32) {
        return make_error("/" + std::to_string(new_prefix) +
                          " is not a prefix length; IPv4 prefixes run from /0 to /32.");
    }
    if (new_prefix < c.prefix) {
        return make_error("Cannot split " + format_cidr(c) + " into /" +
                          std::to_string(new_prefix) + " blocks: a /" + std::to_string(new_prefix) +
                          " is larger than the block itself.");
    }
    const uint64_t count = uint64_t{1} << (new_prefix - c.prefix);
    if (count > 65536) {
        return make_error("Splitting " + format_cidr(c) + " into /" + std::to_string(new_prefix) +
                          " blocks would make " + with_commas(count) +
                          " blocks; at most 65,536 can be listed.");
    }
    std::vector<Cidr> blocks;
    blocks.reserve(static_cast<size_t>(count));
    const uint64_t step = uint64_t{1} << (32 - new_prefix);
    const uint32_t first = cidr_first(c).value;
    for (uint64_t i = 0; i < count; ++i) {
        blocks.push_back(Cidr{static_cast<uint32_t>(first + i * step), new_prefix});
    }
    return blocks;
}

std::vector<ReservedAddress> aws_reserved_addresses(const Cidr& subnet) {
    const uint32_t first = cidr_first(subnet).value;
    const uint64_t size = cidr_size(subnet);
    // AWS VPC user guide, "Subnet CIDR blocks": base + 2 is reserved by AWS in every subnet;
    // the VPC's DNS resolver is at the base of the VPC's (primary) range plus two, so only a
    // subnet that starts there holds the resolver at its base + 2.
    static const char* const kRoles[] = {"network address", "VPC router", "reserved (base + 2)",
                                         "future use"};
    std::vector<ReservedAddress> out;
    for (uint32_t i = 0; i < 4 && i < size; ++i) {
        out.push_back(ReservedAddress{Ipv4{first + i}, kRoles[i]});
    }
    if (size > 4) out.push_back(ReservedAddress{cidr_last(subnet), "broadcast"});
    return out;
}

bool is_aws_reserved(const Cidr& subnet, Ipv4 ip) {
    if (!cidr_contains(subnet, ip)) return false;
    const uint32_t offset = ip.value - cidr_first(subnet).value;
    return offset < 4 || ip == cidr_last(subnet);
}

uint64_t aws_usable_addresses(const Cidr& subnet) {
    if (subnet.prefix > 28) return 0;
    return cidr_size(subnet) - 5;
}

uint64_t delegatable_prefixes(const Cidr& subnet) {
    if (subnet.prefix > 28) return 0;
    const uint64_t blocks = cidr_size(subnet) / 16;
    // The first /28 holds .0-.3 and the last holds the broadcast address.
    return blocks >= 2 ? blocks - 2 : 0;
}

}  // namespace core
