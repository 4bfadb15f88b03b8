// vpc.cpp: VPC CIDR rules, subnets and the per-subnet address allocator.
//
// Every function checks everything first and changes the model only once nothing can
// fail any more, so a refused call leaves its Vpc or Subnet exactly as it was.
#include "vpc.h"
#include "format.h"
#include "lookup.h"

#include <algorithm>
#include <cstddef>

namespace core {
namespace {

constexpr uint32_t ip4(uint32_t a, uint32_t b, uint32_t c, uint32_t d) {
    return (a << 24) | (b << 16) | (c << 8) | d;
}

const Cidr kRfc1918[] = {
    {ip4(10, 0, 0, 0), 8}, {ip4(172, 16, 0, 0), 12}, {ip4(192, 168, 0, 0), 16}};
const Cidr k172_31{ip4(172, 31, 0, 0), 16};
const Cidr k198_19{ip4(198, 19, 0, 0), 16};
const Cidr k10_0_15{ip4(10, 0, 0, 0), 15};
const Cidr k10_0_16{ip4(10, 0, 0, 0), 16};

struct Unusable {
    Cidr range;
    const char* why;
};
const Unusable kUnusable[] = {
    {{ip4(0, 0, 0, 0), 8}, "the \"this network\" range, which no host may use"},
    {{ip4(127, 0, 0, 0), 8}, "the loopback range (127.0.0.1 is every machine talking to itself)"},
    {{ip4(169, 254, 0, 0), 16},
     "the link-local range, where each instance reaches its metadata service "
     "(169.254.169.254)"},
    {{ip4(224, 0, 0, 0), 4}, "the multicast range (one-to-many traffic), not host addresses"},
    {{ip4(240, 0, 0, 0), 4}, "a range reserved for future use, which no host may use"},
};

constexpr size_t kBlock = 16;  // addresses in a /28 prefix

std::string plural(uint64_t n, const char* one, const char* many) {
    return with_commas(n) + " " + (n == 1 ? one : many);
}

// "Building 'subnet-a' (10.0.1.0/24)"
std::string label(const Subnet& s) {
    return "Building '" + s.id + "' (" + format_cidr(s.cidr) + ")";
}

// The RFC 1918 range holding c, or nullptr.
const Cidr* rfc1918_range(const Cidr& c) {
    for (const Cidr& r : kRfc1918) {
        if (cidr_contains(r, c)) return &r;
    }
    return nullptr;
}

std::string join_cidrs(const std::vector<Cidr>& cidrs) {
    std::string out;
    for (const Cidr& c : cidrs) {
        if (!out.empty()) out += ", ";
        out += format_cidr(c);
    }
    return out;
}

// The size rule and the never-usable ranges: what a primary and a secondary CIDR share.
CidrVerdict block_verdict(const Cidr& c) {
    if (c.prefix < 16) return {CidrRefusal::TooLarge, Cidr{c.base, 16}};
    if (c.prefix > 28) return {CidrRefusal::TooSmall, {}};
    for (const Unusable& u : kUnusable) {
        if (cidr_overlaps(u.range, c)) return {CidrRefusal::Unusable, u.range};
    }
    return {};
}

const char* unusable_why(const Cidr& range) {
    for (const Unusable& u : kUnusable) {
        if (u.range == range) return u.why;
    }
    return "a range no host may use";
}

// The words of a verdict for one block (AWS words; the error codes EC2 gives).
Status verdict_status(const Vpc* vpc, const Cidr& c, const CidrVerdict& v) {
    const std::string text = format_cidr(c);
    const std::string with = format_cidr(v.with);
    switch (v.refusal) {
        case CidrRefusal::None:
            return Ok{};
        case CidrRefusal::TooLarge:
            return make_error(
                text +
                    " is too large for a VPC: AWS allows CIDR blocks from /16 (65,536 "
                    "addresses) down to /28 (16 addresses). Add it a /16 at a time, "
                    "such as " +
                    with + ".",
                ErrorCode::InvalidVpcRange);
        case CidrRefusal::TooSmall:
            return make_error(
                text +
                    " is too small for a VPC: AWS allows CIDR blocks from /16 (65,536 "
                    "addresses) down to /28 (16 addresses).",
                ErrorCode::InvalidVpcRange);
        case CidrRefusal::Unusable: {
            const std::string where = c == v.with ? "it is " : "it lies in " + with + ", ";
            return make_error(
                text + " cannot be used in a VPC: " + where + unusable_why(v.with) + ".",
                ErrorCode::InvalidVpcRange);
        }
        case CidrRefusal::Duplicate:
            return make_error(text + " is already one of the campus's CIDR blocks.",
                              ErrorCode::InvalidVpcRange);
        case CidrRefusal::Overlap:
            return make_error(text + " overlaps the campus's CIDR block " + with +
                                  "; the blocks of a VPC must not share addresses.",
                              ErrorCode::InvalidVpcRange);
        case CidrRefusal::OtherPrivateRange: {
            const Cidr& primary = vpc->cidrs.front();
            return make_error(text + " is refused: the primary CIDR " + format_cidr(primary) +
                                  " is in the private range " + with +
                                  ", and AWS does not add a block from another private (RFC 1918) "
                                  "range (" +
                                  format_cidr(*rfc1918_range(c)) + "). Use another block from " +
                                  with + ", or one from 100.64.0.0/10 for pods.",
                              ErrorCode::InvalidVpcRange);
        }
        case CidrRefusal::Range172_31:
            return make_error(text + " is refused: when the primary CIDR (" +
                                  format_cidr(vpc->cidrs.front()) +
                                  ") is in 172.16.0.0/12, AWS does not add a secondary block from "
                                  "172.31.0.0/16. Pick another part of 172.16.0.0/12, such as "
                                  "172.30.0.0/16.",
                              ErrorCode::InvalidVpcRange);
        case CidrRefusal::Range10_0:
            return make_error(text + " is refused: the campus already has " + with +
                                  ", in 10.0.0.0/15, and then AWS does not add a block from "
                                  "10.0.0.0/16. Pick another part of 10.0.0.0/8, such as "
                                  "10.2.0.0/16.",
                              ErrorCode::InvalidVpcRange);
        case CidrRefusal::Beside198_19:
            return make_error(text +
                                  " is refused: AWS does not put 198.19.0.0/16 and a private "
                                  "(RFC 1918) range in the same VPC, and the campus already "
                                  "has " +
                                  with + ". For pods, use 100.64.0.0/10 instead.",
                              ErrorCode::InvalidVpcRange);
        case CidrRefusal::Quota:
            return make_error(
                "The campus already has " + plural(vpc->cidrs.size(), "CIDR block", "CIDR blocks") +
                    " (" + join_cidrs(vpc->cidrs) + "), its quota of IPv4 CIDR blocks per VPC (" +
                    std::to_string(vpc->cidr_quota) +
                    "). The quota starts at 5 and can be raised to 50 on request.",
                ErrorCode::CidrLimitExceeded);
    }
    return Ok{};
}

// The reservation as a range of indexes [begin, end) of s.use; empty when there is none.
struct IndexRange {
    size_t begin = 0, end = 0;
    bool contains(size_t i) const { return i >= begin && i < end; }
};
IndexRange reserved_range(const Subnet& s) {
    if (!s.prefix_reservation) return {};
    const size_t begin = s.prefix_reservation->base - cidr_first(s.cidr).value;
    return {begin,
            std::min(s.use.size(), begin + static_cast<size_t>(cidr_size(*s.prefix_reservation)))};
}

bool block_free(const Subnet& s, size_t block) {
    const size_t start = block * kBlock;
    for (size_t i = start; i < start + kBlock; ++i) {
        if (s.use[i] != AddressUse::Free) return false;
    }
    return true;
}

// splitmix64 finaliser: a well-mixed 64-bit value from any input.
uint64_t mix64(uint64_t z) {
    z += 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

std::string reserved_role(const Subnet& s, Ipv4 ip) {
    for (const ReservedAddress& r : aws_reserved_addresses(s.cidr)) {
        if (r.ip == ip) return r.role;
    }
    return "reserved";
}

// Index of ip in s.use, or -1 if ip is not one of the subnet's addresses.
long long index_of(const Subnet& s, Ipv4 ip) {
    if (!cidr_contains(s.cidr, ip)) return -1;
    const uint32_t index = ip.value - cidr_first(s.cidr).value;
    if (index >= s.use.size()) return -1;
    return static_cast<long long>(index);
}

}  // namespace

bool operator==(const Subnet& a, const Subnet& b) {
    return a.id == b.id && a.name == b.name && a.az == b.az && a.cidr == b.cidr &&
           a.prefix_reservation == b.prefix_reservation && a.use == b.use &&
           a.scatter == b.scatter && a.scatter_draws == b.scatter_draws && a.tags == b.tags;
}

Status check_tags(const Tags& tags) {
    if (tags.size() > kMaxSubnetTags) {
        return make_error("A subnet has at most " + std::to_string(kMaxSubnetTags) + " tags; got " +
                              std::to_string(tags.size()) + ".",
                          ErrorCode::TagLimitExceeded);
    }
    for (const auto& [key, value] : tags) {
        if (key.empty() || key.size() > kMaxTagKey) {
            return make_error("A tag key is 1 to " + std::to_string(kMaxTagKey) +
                                  " characters; got one of " + std::to_string(key.size()) + ".",
                              ErrorCode::InvalidParameterValue);
        }
        if (key.rfind("aws:", 0) == 0) {
            return make_error("Tag keys starting with 'aws:' are reserved by AWS.",
                              ErrorCode::InvalidParameterValue);
        }
        if (value.size() > kMaxTagValue) {
            return make_error("A tag value is at most " + std::to_string(kMaxTagValue) +
                                  " characters; the value of '" + key.substr(0, 40) + "' has " +
                                  std::to_string(value.size()) + ".",
                              ErrorCode::InvalidParameterValue);
        }
    }
    return Ok{};
}

Status set_subnet_tags(Vpc& vpc, std::string_view subnet_id, const Tags& tags) {
    Subnet* s = find_subnet(vpc, subnet_id);
    if (s == nullptr) {
        return make_error("There is no building '" + std::string(subnet_id) + "'.");
    }
    if (auto st = check_tags(tags); !st) return st;
    s->tags = tags;
    return Ok{};
}

Status reserve_prefixes(Vpc& vpc, std::string_view subnet_id, std::string_view cidr) {
    Subnet* s = find_subnet(vpc, subnet_id);
    if (s == nullptr) {
        return make_error("There is no building '" + std::string(subnet_id) + "'.");
    }
    if (s->prefix_reservation) {
        return make_error(label(*s) + " already has the prefix reservation " +
                              format_cidr(*s->prefix_reservation) +
                              " (this model keeps one per subnet).",
                          ErrorCode::InvalidSubnetCidrReservationDuplicate);
    }
    Cidr range = s->cidr;
    if (!cidr.empty()) {
        Result<Cidr> r = parse_cidr(cidr);
        if (!r) return make_error(r.error().message, ErrorCode::InvalidParameterValue);
        if (!cidr_contains(s->cidr, *r)) {
            return make_error("The prefix reservation " + format_cidr(*r) +
                                  " is not inside the subnet " + format_cidr(s->cidr) + ".",
                              ErrorCode::InvalidSubnetCidrReservationRange);
        }
        if (r->prefix > 28) {
            return make_error("The prefix reservation " + format_cidr(*r) +
                                  " is smaller than one /28 prefix (16 addresses), so it could "
                                  "never hold one.",
                              ErrorCode::InvalidSubnetCidrReservationRange);
        }
        range = *r;
    }
    // Addresses in use stay where they are; the hints stay true (they speak of what is not
    // free, which a reservation does not change).
    s->prefix_reservation = range;
    return Ok{};
}

bool operator==(const Vpc& a, const Vpc& b) {
    return a.cidrs == b.cidrs && a.subnets == b.subnets && a.cidr_quota == b.cidr_quota;
}

CidrVerdict check_secondary_cidr(const Vpc& vpc, const Cidr& c) {
    const CidrVerdict size = block_verdict(c);
    if (size.refusal != CidrRefusal::None || vpc.cidrs.empty()) return size;
    for (const Cidr& have : vpc.cidrs) {
        if (have == c) return {CidrRefusal::Duplicate, have};
        if (cidr_overlaps(have, c)) return {CidrRefusal::Overlap, have};
    }
    const Cidr* primary_range = rfc1918_range(vpc.cidrs.front());
    const Cidr* new_range = rfc1918_range(c);
    if (primary_range && new_range && *primary_range != *new_range)
        return {CidrRefusal::OtherPrivateRange, *primary_range};
    if (primary_range && *primary_range == kRfc1918[1] && cidr_overlaps(k172_31, c))
        return {CidrRefusal::Range172_31, k172_31};
    if (cidr_contains(k10_0_16, c)) {
        for (const Cidr& have : vpc.cidrs) {
            if (cidr_contains(k10_0_15, have)) return {CidrRefusal::Range10_0, have};
        }
    }
    for (const Cidr& have : vpc.cidrs) {
        const bool new_is_198 = cidr_overlaps(k198_19, c);
        const bool have_is_198 = cidr_overlaps(k198_19, have);
        if ((new_is_198 && rfc1918_range(have)) || (have_is_198 && new_range))
            return {CidrRefusal::Beside198_19, have};
    }
    if (static_cast<long long>(vpc.cidrs.size()) >= vpc.cidr_quota) return {CidrRefusal::Quota, {}};
    return {};
}

Result<Vpc> make_vpc(std::string_view primary_cidr) {
    Result<Cidr> c = parse_cidr(primary_cidr);
    if (!c) return make_error(c.error().message, ErrorCode::InvalidParameterValue);
    Status ok = verdict_status(nullptr, *c, block_verdict(*c));
    if (!ok) return ok.error();
    Vpc vpc;
    vpc.cidrs.push_back(*c);
    return vpc;
}

Status add_vpc_cidr(Vpc& vpc, std::string_view cidr) {
    if (vpc.cidrs.empty()) {
        return make_error("The campus has no primary CIDR block yet; create it with one first.");
    }
    Result<Cidr> c = parse_cidr(cidr);
    if (!c) return make_error(c.error().message, ErrorCode::InvalidParameterValue);
    Status ok = verdict_status(&vpc, *c, check_secondary_cidr(vpc, *c));
    if (!ok) return ok;
    vpc.cidrs.push_back(*c);
    return Ok{};
}

Status add_subnet(Vpc& vpc, const SubnetDesc& desc) {
    if (desc.id.empty()) return make_error("A building needs an id, such as subnet-a.");
    if (const Subnet* other = find_subnet(vpc, desc.id)) {
        return make_error("There is already a building with id '" + desc.id + "' (" +
                          format_cidr(other->cidr) + "); each id must be unique.");
    }
    const std::string who = "Building '" + desc.id + "': ";
    Result<Cidr> parsed = parse_cidr(desc.cidr);
    if (!parsed) return make_error(who + parsed.error().message, ErrorCode::InvalidParameterValue);
    const Cidr c = *parsed;
    const std::string text = format_cidr(c);
    if (c.prefix < 16 || c.prefix > 28) {
        return make_error(who + text + " is too " + (c.prefix < 16 ? "large" : "small") +
                              " for a subnet: AWS allows subnets from /16 (65,536 addresses) "
                              "down to /28 (16 addresses).",
                          ErrorCode::InvalidSubnetRange);
    }
    const bool inside = std::any_of(vpc.cidrs.begin(), vpc.cidrs.end(),
                                    [&](const Cidr& v) { return cidr_contains(v, c); });
    if (!inside) {
        for (const Cidr& v : vpc.cidrs) {
            if (cidr_overlaps(v, c)) {
                return make_error(who + text + " spills over the edge of the campus's CIDR block " +
                                      format_cidr(v) +
                                      "; a subnet must lie inside a single CIDR block of the "
                                      "VPC (" +
                                      join_cidrs(vpc.cidrs) + ").",
                                  ErrorCode::InvalidSubnetRange);
            }
        }
        return make_error(who + text +
                              " lies outside the campus: it is in none of the VPC's CIDR "
                              "blocks (" +
                              join_cidrs(vpc.cidrs) + ").",
                          ErrorCode::InvalidSubnetRange);
    }
    for (const Subnet& s : vpc.subnets) {
        if (cidr_overlaps(s.cidr, c)) {
            return make_error(
                who + text + " overlaps " + label(s) + "; two buildings cannot share addresses.",
                ErrorCode::InvalidSubnetConflict);
        }
    }
    std::optional<Cidr> reservation;
    if (desc.prefix_reservation && !desc.prefix_reservation_cidr.empty()) {
        return make_error(who +
                              "give either a whole-subnet prefix reservation or a reserved "
                              "CIDR, not both.",
                          ErrorCode::InvalidParameterValue);
    }
    if (desc.prefix_reservation) reservation = c;
    if (!desc.prefix_reservation_cidr.empty()) {
        Result<Cidr> r = parse_cidr(desc.prefix_reservation_cidr);
        if (!r) {
            return make_error(who + "prefix reservation: " + r.error().message,
                              ErrorCode::InvalidParameterValue);
        }
        if (!cidr_contains(c, *r)) {
            return make_error(who + "the prefix reservation " + format_cidr(*r) +
                                  " is not inside the subnet " + text + ".",
                              ErrorCode::InvalidSubnetCidrReservationRange);
        }
        if (r->prefix > 28) {
            return make_error(who + "the prefix reservation " + format_cidr(*r) +
                                  " is smaller than one /28 prefix (16 addresses), so it could "
                                  "never hold one.",
                              ErrorCode::InvalidSubnetCidrReservationRange);
        }
        reservation = *r;
    }
    if (auto st = check_tags(desc.tags); !st) {
        return make_error(who + st.error().message, st.error().code);
    }
    Subnet s;
    s.id = desc.id;
    s.name = desc.name;
    s.tags = desc.tags;
    s.az = desc.az;
    s.cidr = c;
    s.prefix_reservation = reservation;
    s.scatter = desc.scatter;
    s.use.assign(static_cast<size_t>(cidr_size(c)), AddressUse::Free);
    for (const ReservedAddress& r : aws_reserved_addresses(c)) {
        s.use[r.ip.value - c.base] = AddressUse::Reserved;
    }
    vpc.subnets.push_back(std::move(s));
    return Ok{};
}

Subnet* find_subnet(Vpc& vpc, std::string_view id) {
    return find_by(vpc.subnets, id, &Subnet::id);
}

const Subnet* find_subnet(const Vpc& vpc, std::string_view id) {
    return find_by(vpc.subnets, id, &Subnet::id);
}

Result<Ipv4> allocate_ip_at(Subnet& subnet, Ipv4 ip) {
    const uint32_t base = cidr_first(subnet.cidr).value;
    const uint64_t i = static_cast<uint64_t>(ip.value) - base;
    if (ip.value < base || i >= subnet.use.size())
        return make_error(format_ipv4(ip) + " is not in " + label(subnet) + ".");
    const size_t at = static_cast<size_t>(i);
    if (subnet.use[at] != AddressUse::Free || reserved_range(subnet).contains(at))
        return make_error(format_ipv4(ip) + " in " + label(subnet) +
                          " is not free: AWS keeps it, prefixes hold it, or it is taken.");
    subnet.use[at] = AddressUse::Ip;  // nothing below free_hint becomes free: it still holds
    return ip;
}

Result<Ipv4> allocate_ip(Subnet& subnet) {
    if (subnet.prefix_reservation && *subnet.prefix_reservation == subnet.cidr) {
        return make_error(label(subnet) +
                              " is reserved for /28 prefixes (a subnet CIDR reservation covers "
                              "all of it), so it hands out no single addresses: "
                              "InsufficientFreeAddressesInSubnet",
                          ErrorCode::InsufficientFreeAddressesInSubnet);
    }
    const size_t n = subnet.use.size();
    const uint32_t base = cidr_first(subnet.cidr).value;
    const IndexRange held = reserved_range(subnet);
    if (subnet.scatter == 0) {
        const size_t hint = subnet.free_hint;
        for (size_t i = hint; i < n; ++i) {
            if (subnet.use[i] == AddressUse::Free && !held.contains(i)) {
                subnet.use[i] = AddressUse::Ip;
                // Below the hint nothing is free; free reserved addresses may lie below i.
                const bool skipped = held.begin <= i && held.end > hint;
                subnet.free_hint =
                    static_cast<uint32_t>(skipped ? std::max(hint, held.begin) : i + 1);
                return Ipv4{base + static_cast<uint32_t>(i)};
            }
        }
    } else if (n > held.end - held.begin) {
        // The draw lands among the addresses outside the reservation only, so the singles
        // spread over them evenly instead of piling up after the reserved range.
        const uint64_t draw =
            mix64((static_cast<uint64_t>(subnet.scatter) << 32) | subnet.scatter_draws);
        size_t start = static_cast<size_t>(draw % (n - (held.end - held.begin)));
        if (start >= held.begin) start += held.end - held.begin;
        for (size_t k = 0; k < n; ++k) {
            const size_t i = (start + k) % n;
            if (subnet.use[i] == AddressUse::Free && !held.contains(i)) {
                subnet.use[i] = AddressUse::Ip;
                ++subnet.scatter_draws;
                return Ipv4{base + static_cast<uint32_t>(i)};
            }
        }
    }
    if (held.end > held.begin) {
        return make_error(label(subnet) +
                              " has no free address left outside its prefix "
                              "reservation " +
                              format_cidr(*subnet.prefix_reservation) +
                              ", which hands out /28 prefixes only: "
                              "InsufficientFreeAddressesInSubnet",
                          ErrorCode::InsufficientFreeAddressesInSubnet);
    }
    return make_error(
        label(subnet) + " has no free address left: InsufficientFreeAddressesInSubnet",
        ErrorCode::InsufficientFreeAddressesInSubnet);
}

Result<Cidr> allocate_prefix(Subnet& subnet) {
    const size_t blocks = subnet.use.size() / kBlock;
    // Inside the reservation first. The hint moves only when the block taken is the
    // hint's own (free blocks outside the reservation may lie below this one).
    const IndexRange held = reserved_range(subnet);
    for (size_t b = std::max<size_t>(held.begin / kBlock, subnet.prefix_hint);
         b < held.end / kBlock; ++b) {
        if (block_free(subnet, b)) {
            for (size_t i = b * kBlock; i < (b + 1) * kBlock; ++i) {
                subnet.use[i] = AddressUse::Prefix;
            }
            if (b == subnet.prefix_hint) subnet.prefix_hint = static_cast<uint32_t>(b + 1);
            return Cidr{cidr_first(subnet.cidr).value + static_cast<uint32_t>(b * kBlock), 28};
        }
    }
    for (size_t b = subnet.prefix_hint; b < blocks; ++b) {
        if (block_free(subnet, b)) {
            for (size_t i = b * kBlock; i < (b + 1) * kBlock; ++i) {
                subnet.use[i] = AddressUse::Prefix;
            }
            subnet.prefix_hint = static_cast<uint32_t>(b + 1);
            const uint32_t offset = static_cast<uint32_t>(b * kBlock);
            return Cidr{cidr_first(subnet.cidr).value + offset, 28};
        }
    }
    std::string why;
    const uint64_t singles = free_addresses(subnet);
    if (delegatable_prefixes(subnet.cidr) == 0) {
        why =
            "Each of its /28 blocks holds AWS-reserved addresses, so a subnet this small can "
            "never hand out a prefix.";
    } else if (singles == 0) {
        why = "No address is free at all.";
    } else if (held.end > held.begin) {
        uint64_t outside = 0;
        for (size_t i = 0; i < subnet.use.size(); ++i)
            outside += subnet.use[i] == AddressUse::Free && !held.contains(i);
        why = "Its prefix reservation " + format_cidr(*subnet.prefix_reservation) +
              " has no free aligned block of 16 left (a block holding an AWS-reserved address "
              "never is one), and outside it " +
              plural(outside, "single address is", "single addresses are") +
              " free but no aligned block of 16 is.";
    } else {
        why = plural(singles, "single address is", "single addresses are") +
              " free, but no aligned block of 16 is: the subnet is fragmented.";
    }
    return make_error(
        label(subnet) + " has no free aligned /28 block: InsufficientCidrBlocks. " + why,
        ErrorCode::InsufficientCidrBlocks);
}

Status release_ip(Subnet& subnet, Ipv4 ip) {
    const std::string text = format_ipv4(ip);
    const long long index = index_of(subnet, ip);
    if (index < 0) return make_error(text + " is not in " + label(subnet) + ".");
    const auto i = static_cast<size_t>(index);
    switch (subnet.use[i]) {
        case AddressUse::Reserved:
            return make_error(text + " is reserved by AWS (" + reserved_role(subnet, ip) +
                              ") and is never handed out, so it cannot be released.");
        case AddressUse::Prefix: {
            const Cidr block{ip.value & ~uint32_t{15}, 28};
            return make_error(text + " is part of the prefix " + format_cidr(block) +
                              "; release the whole /28 prefix instead.");
        }
        case AddressUse::Free:
            return make_error(text + " is not allocated in " + label(subnet) +
                              ", so there is nothing to release.");
        case AddressUse::Ip:
            break;
    }
    subnet.use[i] = AddressUse::Free;
    subnet.free_hint = std::min(subnet.free_hint, static_cast<uint32_t>(i));
    subnet.prefix_hint = std::min(subnet.prefix_hint, static_cast<uint32_t>(i / kBlock));
    return Ok{};
}

Status release_prefix(Subnet& subnet, const Cidr& prefix) {
    const std::string text = format_ipv4(Ipv4{prefix.base}) + "/" + std::to_string(prefix.prefix);
    if (prefix.prefix != 28) {
        return make_error(text + " is not a /28: a prefix is a block of 16 addresses.");
    }
    if ((prefix.base & 15u) != 0) {
        return make_error(text +
                          " is not aligned: a /28 prefix starts at a multiple of 16, "
                          "such as " +
                          format_cidr(Cidr{prefix.base & ~uint32_t{15}, 28}) + ".");
    }
    const long long index = index_of(subnet, Ipv4{prefix.base});
    if (index < 0 || !cidr_contains(subnet.cidr, prefix) ||
        static_cast<size_t>(index) + kBlock > subnet.use.size()) {
        return make_error(text + " is not in " + label(subnet) + ".");
    }
    const auto start = static_cast<size_t>(index);
    size_t ips = 0;
    size_t reserved = 0;
    size_t prefixed = 0;
    for (size_t i = start; i < start + kBlock; ++i) {
        if (subnet.use[i] == AddressUse::Ip) ++ips;
        if (subnet.use[i] == AddressUse::Reserved) ++reserved;
        if (subnet.use[i] == AddressUse::Prefix) ++prefixed;
    }
    if (prefixed != kBlock) {
        if (ips > 0) {
            return make_error(text + " was not handed out as a prefix: " +
                              plural(ips, "of its addresses is a single secondary IP",
                                     "of its addresses are single secondary IPs") +
                              ".");
        }
        if (reserved > 0) {
            return make_error(text +
                              " holds AWS-reserved addresses and is never handed out "
                              "as a prefix.");
        }
        return make_error(text + " is not an allocated prefix in " + label(subnet) +
                          ", so there is nothing to release.");
    }
    for (size_t i = start; i < start + kBlock; ++i)
        subnet.use[i] = AddressUse::Free;
    subnet.free_hint = std::min(subnet.free_hint, static_cast<uint32_t>(start));
    subnet.prefix_hint = std::min(subnet.prefix_hint, static_cast<uint32_t>(start / kBlock));
    return Ok{};
}

bool in_prefix_reservation(const Subnet& subnet, size_t index) {
    return reserved_range(subnet).contains(index);
}

uint64_t free_addresses(const Subnet& subnet) {
    return static_cast<uint64_t>(
        std::count(subnet.use.begin(), subnet.use.end(), AddressUse::Free));
}

uint64_t used_addresses(const Subnet& subnet) {
    uint64_t n = 0;
    for (AddressUse u : subnet.use) {
        if (u == AddressUse::Ip || u == AddressUse::Prefix) ++n;
    }
    return n;
}

uint64_t free_aligned_prefixes(const Subnet& subnet) {
    uint64_t n = 0;
    const size_t blocks = subnet.use.size() / kBlock;
    for (size_t b = 0; b < blocks; ++b) {
        if (block_free(subnet, b)) ++n;
    }
    return n;
}

}  // namespace core
