// cidr.h: IPv4 addresses and CIDR blocks, parsed strictly.
//
// Every parser returns a Result with a message that names what is wrong with the text
// ("300.1.2.3/16: 300 is not an octet (0-255)"). Addresses are host-order uint32_t.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "result.h"

namespace core {

struct Ipv4 {
    uint32_t value = 0;
    friend bool operator==(Ipv4 a, Ipv4 b) { return a.value == b.value; }
    friend bool operator!=(Ipv4 a, Ipv4 b) { return a.value != b.value; }
    friend bool operator<(Ipv4 a, Ipv4 b) { return a.value < b.value; }
};

struct Cidr {
    uint32_t base = 0;  // network address, host bits zero
    int prefix = 32;    // 0..32
    friend bool operator==(const Cidr& a, const Cidr& b) {
        return a.base == b.base && a.prefix == b.prefix;
    }
    friend bool operator!=(const Cidr& a, const Cidr& b) { return !(a == b); }
};

// Parses dotted quad "10.0.1.5": exactly four decimal octets 0-255, no leading '+', no
// spaces, no trailing text. Leading zeros ("010") are rejected (ambiguous octal).
Result<Ipv4> parse_ipv4(std::string_view text);
// Parses "10.0.0.0/16". Rejects a missing or out-of-range prefix, host bits set (the
// message suggests the aligned network), empty input and trailing text.
Result<Cidr> parse_cidr(std::string_view text);
// "10.0.1.5"
std::string format_ipv4(Ipv4 ip);
// "10.0.0.0/16"
std::string format_cidr(const Cidr& c);
// A count with thousands separators: "65,536".
std::string with_commas(uint64_t n);

// Number of addresses in the block (2^(32-prefix)); uint64_t so /0 fits.
uint64_t cidr_size(const Cidr& c);
// First and last address of the block.
Ipv4 cidr_first(const Cidr& c);
Ipv4 cidr_last(const Cidr& c);
// True if ip lies inside c.
bool cidr_contains(const Cidr& c, Ipv4 ip);
// True if inner lies entirely inside outer.
bool cidr_contains(const Cidr& outer, const Cidr& inner);
// True if a and b share at least one address.
bool cidr_overlaps(const Cidr& a, const Cidr& b);
// Splits c into blocks of new_prefix (new_prefix >= c.prefix; at most 65,536 blocks).
Result<std::vector<Cidr>> cidr_split(const Cidr& c, int new_prefix);

// AWS reserves five addresses in every subnet: network (.0), VPC router (.1), DNS (.2),
// future use (.3) and the last address. Returned in ascending order with their roles.
struct ReservedAddress {
    Ipv4 ip;
    std::string role;  // "network address", "VPC router", "DNS", "future use", "broadcast"
};
std::vector<ReservedAddress> aws_reserved_addresses(const Cidr& subnet);
// True if ip is one of the five AWS-reserved addresses of subnet.
bool is_aws_reserved(const Cidr& subnet, Ipv4 ip);
// Usable addresses in an AWS subnet: size - 5 (0 for blocks smaller than /28).
uint64_t aws_usable_addresses(const Cidr& subnet);
// Number of aligned /28 blocks inside subnet that contain no reserved address, i.e. that
// could ever be delegated as prefixes (a /24 has 16 blocks, 14 delegatable).
uint64_t delegatable_prefixes(const Cidr& subnet);

}  // namespace core
