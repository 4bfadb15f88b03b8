// subnet_plan.cpp: free-block search over a VPC (see subnet_plan.h).
#include "subnet_plan.h"

#include <cstdint>

namespace core {
namespace {

// The VPC without its address tables: CIDRs, quota, subnet ids and ranges. Enough for
// add_subnet / add_vpc_cidr to check a candidate, and cheap to copy.
Vpc skeleton(const Vpc& vpc) {
    Vpc v;
    v.cidrs = vpc.cidrs;
    v.cidr_quota = vpc.cidr_quota;
    for (const Subnet& s : vpc.subnets) {
        Subnet t;
        t.id = s.id;
        t.az = s.az;
        t.cidr = s.cidr;
        v.subnets.push_back(std::move(t));
    }
    return v;
}

// Every candidate is confirmed by the real rule on a copy of the VPC's skeleton.
bool subnet_accepted(const Vpc& bare, const Cidr& block) {
    Vpc copy = bare;
    SubnetDesc d;
    d.id = next_subnet_id(bare);
    d.cidr = format_cidr(block);
    return add_subnet(copy, d).ok();
}

// Walks the aligned /prefix blocks of each VPC CIDR, jumping over subnets.
std::vector<Cidr> search(const Vpc& vpc, int prefix, int max) {
    std::vector<Cidr> found;
    if (prefix < 16 || prefix > 28 || max <= 0) return found;
    const uint64_t size = uint64_t{1} << (32 - prefix);
    const Vpc bare = skeleton(vpc);
    for (const Cidr& range : vpc.cidrs) {
        if (range.prefix > prefix) continue;  // the block is larger than this CIDR
        const uint64_t end = uint64_t{range.base} + cidr_size(range);
        uint64_t at = range.base;
        while (at < end) {
            const Cidr block{static_cast<uint32_t>(at), prefix};
            const Subnet* hit = nullptr;
            for (const Subnet& s : vpc.subnets) {
                if (cidr_overlaps(s.cidr, block)) {
                    hit = &s;
                    break;
                }
            }
            if (hit == nullptr) {
                if (subnet_accepted(bare, block)) {
                    found.push_back(block);
                    if (static_cast<int>(found.size()) >= max) return found;
                }
                at += size;
                continue;
            }
            // Next aligned block after the subnet that is in the way.
            const uint64_t past = uint64_t{hit->cidr.base} + cidr_size(hit->cidr);
            const uint64_t aligned = (past + size - 1) / size * size;
            at = aligned > at ? aligned : at + size;
        }
    }
    return found;
}

}  // namespace

Result<Cidr> next_free_subnet(const Vpc& vpc, int prefix) {
    if (prefix < 16 || prefix > 28) {
        return make_error("A subnet is /16 to /28; /" + std::to_string(prefix) + " is not one.");
    }
    std::vector<Cidr> found = search(vpc, prefix, 1);
    if (found.empty()) {
        std::string ranges;
        for (const Cidr& c : vpc.cidrs)
            ranges += (ranges.empty() ? "" : ", ") + format_cidr(c);
        return make_error("No free /" + std::to_string(prefix) + " is left in the VPC (" + ranges +
                          "): the subnets fill it, or the block is larger than every CIDR. Try a "
                          "smaller subnet or add a CIDR to the VPC.");
    }
    return found.front();
}

std::vector<Cidr> free_subnets(const Vpc& vpc, int prefix, int max) {
    return search(vpc, prefix, max);
}

std::vector<int> subnet_sizes_that_fit(const Vpc& vpc) {
    std::vector<int> sizes;
    for (int p = 16; p <= 28; ++p) {
        if (!search(vpc, p, 1).empty()) sizes.push_back(p);
    }
    return sizes;
}

std::string next_subnet_id(const Vpc& vpc) {
    for (int i = 0;; ++i) {
        const std::string id = i < 26 ? "subnet-" + std::string(1, static_cast<char>('a' + i))
                                      : "subnet-" + std::to_string(i + 1);
        if (find_subnet(vpc, id) == nullptr) return id;
    }
}

std::vector<Cidr> vpc_cidr_suggestions(const Vpc& vpc, int max) {
    std::vector<Cidr> out;
    if (max <= 0) return out;
    std::vector<Cidr> candidates;
    const uint32_t rfc6598 = (100u << 24) | (64u << 16);  // 100.64.0.0/10, a /16 at a time
    for (uint32_t k = 0; k < 64; ++k)
        candidates.push_back(Cidr{rfc6598 + (k << 16), 16});
    candidates.push_back(Cidr{(198u << 24) | (19u << 16), 16});
    const Vpc bare = skeleton(vpc);
    for (const Cidr& c : candidates) {
        Vpc copy = bare;
        if (!add_vpc_cidr(copy, format_cidr(c)).ok()) continue;
        out.push_back(c);
        if (static_cast<int>(out.size()) >= max) break;
    }
    return out;
}

}  // namespace core
