// vpc.h: the campus (VPC), its buildings (subnets) and each subnet's address pool.
//
// A Vpc holds its IPv4 CIDRs (primary first) under AWS's rules and its subnets. Each
// Subnet owns an allocator that hands out single addresses (secondary IPs) and aligned
// /28 prefixes, and fails with AWS's error codes exactly where EC2 would:
// InsufficientFreeAddressesInSubnet when no address is free, InsufficientCidrBlocks when
// no free aligned /28 exists although single addresses may remain (fragmentation).
// Plain values: copying a Vpc is a snapshot.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cidr.h"
#include "result.h"

namespace core {

// Subnet tags: key -> value. The VPC CNI reads kubernetes.io/role/cni (subnet discovery) and
// cni.networking.k8s.aws/cluster/<name> (cluster-specific subnets); see cluster.h.
using Tags = std::map<std::string, std::string>;
inline constexpr std::size_t kMaxSubnetTags = 50;  // AWS: 50 tags per resource
inline constexpr std::size_t kMaxTagKey = 128;     // AWS: key 1 to 128 characters
inline constexpr std::size_t kMaxTagValue = 256;   // AWS: value 0 to 256 characters

// What each address of a subnet is doing.
enum class AddressUse : uint8_t { Free, Reserved, Ip, Prefix };

struct Subnet {
    std::string id;    // "subnet-a" (unique in the VPC)
    std::string name;  // "Building A"
    std::string az;    // "us-east-1a"
    Cidr cidr;
    // Subnet CIDR reservation of type prefix: single addresses never come from it, and
    // prefixes come from it first. The whole subnet, a part of it (/28 or larger), or none.
    std::optional<Cidr> prefix_reservation;
    std::vector<AddressUse> use;  // one per address, index = ip - cidr.base
    uint32_t scatter = 0;         // 0: lowest free first; else seed for EC2-like spread
    Tags tags;                    // e.g. {"kubernetes.io/role/cni": "1"}
    // Allocator state. Change `use` only through the functions below: the hints rely on it.
    uint32_t scatter_draws = 0;  // picks made so far in scatter mode (the pseudo-random state)
    uint32_t free_hint = 0;      // every address below this index is not Free
    uint32_t prefix_hint = 0;    // every /28 block below this block index is not wholly Free
};

// Same allocation state: all fields except the two hints, which are only caches.
bool operator==(const Subnet& a, const Subnet& b);
inline bool operator!=(const Subnet& a, const Subnet& b) {
    return !(a == b);
}

struct SubnetDesc {
    std::string id;
    std::string name;
    std::string az = "us-east-1a";
    std::string cidr;  // text, parsed strictly
    uint32_t scatter = 0;
    bool prefix_reservation = false;        // reserve the whole subnet for /28 prefixes
    std::string prefix_reservation_cidr{};  // or only this part of it ("10.0.1.128/25")
    Tags tags{};                            // checked by check_tags
};

struct Vpc {
    std::vector<Cidr> cidrs;  // [0] is the primary CIDR
    std::vector<Subnet> subnets;
    int cidr_quota = 5;  // IPv4 CIDR blocks per VPC (AWS default 5, adjustable to 50)
};

// Same CIDRs, subnets (see Subnet's ==) and quota.
bool operator==(const Vpc& a, const Vpc& b);
inline bool operator!=(const Vpc& a, const Vpc& b) {
    return !(a == b);
}

// AWS rules modelled by make_vpc / add_vpc_cidr (VPC user guide, "VPC CIDR blocks"):
// - every VPC CIDR is /16 to /28 and overlaps no other CIDR of the VPC;
// - never 169.254.0.0/16 (link-local), nor ranges no host may use: 0.0.0.0/8,
//   127.0.0.0/8 (loopback), 224.0.0.0/4 (multicast), 240.0.0.0/4 (reserved);
// - primary in one RFC 1918 range (10/8, 172.16/12, 192.168/16): no secondary from
//   another; primary in 172.16.0.0/12: nothing from 172.31.0.0/16 as a secondary;
// - 198.19.0.0/16 never beside an RFC 1918 block (either way round);
// - at most cidr_quota blocks (default 5, adjustable to 50 on request);
// - 100.64.0.0/10 (RFC 6598) is allowed, a /16 (or smaller) at a time;
// - a block from 10.0.0.0/16 never joins a VPC that has a block in 10.0.0.0/15.
// Not modelled: AWS's further limits on RFC 1918 secondaries when the primary CIDR is
// publicly routable or in 100.64.0.0/10.

// Which of those rules refuses a block as a secondary CIDR.
enum class CidrRefusal : uint8_t {
    None,               // AWS accepts it
    TooLarge,           // larger than /16
    TooSmall,           // smaller than /28
    Unusable,           // in 169.254.0.0/16 or another range no host may use
    Duplicate,          // already one of the VPC's blocks
    Overlap,            // shares addresses with one of the VPC's blocks
    OtherPrivateRange,  // another RFC 1918 range than the primary's
    Range172_31,        // 172.31.0.0/16 beside a primary in 172.16.0.0/12
    Range10_0,          // 10.0.0.0/16 beside a block in 10.0.0.0/15
    Beside198_19,       // 198.19.0.0/16 and an RFC 1918 block in one VPC
    Quota,              // the VPC has cidr_quota blocks already
};

// A refusal and the block or range it names (TooLarge: the /16 to add instead; Unusable:
// the range; Duplicate, Overlap, Range10_0, Beside198_19: the VPC's block in the way;
// OtherPrivateRange: the primary's RFC 1918 range; Range172_31: 172.31.0.0/16).
struct CidrVerdict {
    CidrRefusal refusal = CidrRefusal::None;
    Cidr with{};
};

// Creates a VPC with its primary CIDR (/16 to /28, not 169.254.0.0/16 etc.).
Result<Vpc> make_vpc(std::string_view primary_cidr);
// Adds a secondary CIDR under AWS's rules (size, overlap, restricted ranges, quota).
Status add_vpc_cidr(Vpc& vpc, std::string_view cidr);
// The first rule (in add_vpc_cidr's order) that refuses `cidr` as a secondary CIDR of the
// VPC; only the size and unusable ranges when the VPC has no block yet.
CidrVerdict check_secondary_cidr(const Vpc& vpc, const Cidr& cidr);
// Adds a subnet: /16 to /28, inside one of the VPC's CIDRs, not overlapping another
// subnet, unique id. Marks the five AWS-reserved addresses. A partial prefix reservation
// must lie inside the subnet and be a /28 or larger (it holds whole /28 prefixes).
Status add_subnet(Vpc& vpc, const SubnetDesc& desc);
// Adds a subnet CIDR reservation of type prefix to a subnet that has none (the whole subnet
// when `cidr` is empty). As in EC2 (VPC user guide, "Subnet CIDR reservations"), the range may
// hold addresses already in use and creating it unassigns none of them: it only keeps future
// single addresses out of it and hands out its free aligned /28 blocks first.
Status reserve_prefixes(Vpc& vpc, std::string_view subnet_id, std::string_view cidr);
// Checks tags against AWS's limits: at most 50, keys of 1 to 128 characters, values up to 256,
// no key starting with "aws:" (reserved by AWS).
Status check_tags(const Tags& tags);
// Replaces a subnet's tags (ENIs already attached stay where they are).
Status set_subnet_tags(Vpc& vpc, std::string_view subnet_id, const Tags& tags);
// Finds a subnet by id, nullptr if absent.
Subnet* find_subnet(Vpc& vpc, std::string_view id);
const Subnet* find_subnet(const Vpc& vpc, std::string_view id);

// Allocates one free address (a secondary IP or an ENI primary IP): the lowest free one
// when scatter == 0, else a pseudo-random free one drawn from (scatter, scatter_draws), as
// EC2 spreads secondary IPs over the subnet; copies of a Subnet draw the same sequence.
// Addresses inside the subnet's prefix reservation are never handed out singly: with
// no free address outside it, InsufficientFreeAddressesInSubnet.
Result<Ipv4> allocate_ip(Subnet& subnet);
// Allocates this very address, as EC2 does for an instance launched with a chosen private
// IP; refused when it is outside the subnet, kept by AWS, held for prefixes or taken.
Result<Ipv4> allocate_ip_at(Subnet& subnet, Ipv4 ip);
// Allocates the lowest free, aligned /28 whose 16 addresses are all free, inside the
// prefix reservation first; else fails with InsufficientCidrBlocks and says whether
// single addresses remain (fragmentation).
Result<Cidr> allocate_prefix(Subnet& subnet);
// Returns an address or prefix to the pool; errors if it was not allocated as such.
Status release_ip(Subnet& subnet, Ipv4 ip);
Status release_prefix(Subnet& subnet, const Cidr& prefix);

// Counts for display and tests.
uint64_t free_addresses(const Subnet& subnet);
// Whether the address at this index of subnet.use lies in the prefix reservation.
bool in_prefix_reservation(const Subnet& subnet, size_t index);
uint64_t used_addresses(const Subnet& subnet);         // Ip + Prefix (not reserved)
uint64_t free_aligned_prefixes(const Subnet& subnet);  // /28 blocks wholly free

}  // namespace core
