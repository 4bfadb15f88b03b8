// subnet_plan.h: where the next building (subnet) or campus range (VPC CIDR) can go.
//
// The playground offers choices instead of free text: the free aligned blocks of a chosen
// size inside the VPC, the sizes that still fit, a fresh subnet id, and the secondary
// CIDRs for pods that AWS would accept now. Every candidate is checked with vpc.h's own
// rules (add_subnet / add_vpc_cidr on a copy), so no AWS rule is repeated here.
#pragma once

#include <string>
#include <vector>

#include "cidr.h"
#include "result.h"
#include "vpc.h"

namespace core {

// The lowest aligned /prefix block inside the VPC's CIDRs (in their order) that overlaps
// no subnet; an error that says why when none is left or the size is not a subnet size.
Result<Cidr> next_free_subnet(const Vpc& vpc, int prefix);
// Up to `max` free aligned /prefix blocks, lowest first (VPC CIDRs in order).
std::vector<Cidr> free_subnets(const Vpc& vpc, int prefix, int max);
// Subnet prefix lengths (/16 .. /28) for which a free block is left, largest block first.
std::vector<int> subnet_sizes_that_fit(const Vpc& vpc);
// An id no subnet uses yet: "subnet-a" .. "subnet-z", then "subnet-27", ...
std::string next_subnet_id(const Vpc& vpc);
// Secondary CIDRs for pod addresses that add_vpc_cidr accepts now, in the order the
// custom-networking guides suggest them (100.64.0.0/16, 100.65.0.0/16, ... of RFC 6598,
// then 198.19.0.0/16), at most `max`. Empty when the quota is used up.
std::vector<Cidr> vpc_cidr_suggestions(const Vpc& vpc, int max);

}  // namespace core
