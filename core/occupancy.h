// occupancy.h: who holds what in the campus, read from a Cluster or a Vpc for display.
//
// The views draw buildings (subnets) address by address and campuses (VPCs) block by block;
// this module answers the questions those drawings ask, so no address or CIDR arithmetic
// lives in web/:
// - address_map(): every address of a subnet with what holds it (an AWS-reserved role, a
//   node's own address, another ENI's primary, a pod's secondary IP, a spare one, an address
//   inside a /28 prefix, something other than a node) and who.
// - subnet_usage() / block_states(): the counts the subnet-exhaustion step shows side by
//   side (free single addresses versus free aligned /28 blocks) and the state of each
//   aligned /28 block (free, a prefix, broken up by single addresses, ...).
// - vpc_space(): per VPC CIDR block, its size, its subnets and their usable addresses.
// - next_free_subnet_cidr(): where the next building of a given size fits in a block.
// - least_loaded_node(): the node a scheduler would send one more pod to.
// All functions are pure readings; none changes the model.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cidr.h"
#include "cluster.h"
#include "result.h"
#include "vpc.h"

namespace core {

// What one address of a subnet is doing, and for whom.
enum class Holder : uint8_t {
    Free,           // nobody holds it
    Reserved,       // one of the five AWS-reserved addresses
    NodeIp,         // a node's own address: the primary IP of its primary ENI
    EniIp,          // the primary IP of another ENI (a secondary or trunk ENI)
    PodIp,          // a secondary IP given to a pod
    SpareIp,        // a secondary IP held by a node's ENI, no pod on it yet (warm)
    PodInPrefix,    // an address inside a /28 prefix, given to a pod
    SpareInPrefix,  // an address inside a /28 prefix, no pod on it yet
    Other,          // held by something other than a node (OtherUse: "rds", ...)
};

struct AddressInfo {
    Ipv4 ip;
    Holder holder = Holder::Free;
    std::string node;    // the node whose ENI holds it; "" otherwise
    std::string eni_id;  // that ENI
    std::string pod;     // the pod using it; "" if none
    std::string label;   // reserved role ("VPC router") or the other holder's label ("rds")
    Cidr prefix;         // the /28 prefix it lies in (PodInPrefix, SpareInPrefix)
};

// One entry per address of the subnet, in ascending address order. Addresses the subnet's
// allocation map marks as used but no node or other holder claims show as Other with the
// label "unknown" (check_invariants reports such a model as broken).
std::vector<AddressInfo> address_map(const Cluster& cluster, const Subnet& subnet);
// "10.0.1.9: secondary IP of eni-2 on node-1, used by pod-3" (AWS words, for tooltips).
std::string describe_address(const AddressInfo& info);

// Counts over one subnet's allocation map.
struct SubnetUsage {
    uint64_t size = 0;              // addresses in the CIDR
    uint64_t reserved = 0;          // AWS-reserved (5)
    uint64_t free = 0;              // free single addresses
    uint64_t single_ips = 0;        // handed out one by one (ENI primaries, secondary IPs, others)
    uint64_t prefix_addresses = 0;  // inside allocated /28 prefixes
    uint64_t prefixes = 0;          // allocated /28 prefixes
    uint64_t blocks = 0;            // aligned /28 blocks in the subnet
    uint64_t delegatable = 0;       // blocks without a reserved address (could ever be prefixes)
    uint64_t free_blocks = 0;       // delegatable blocks wholly free: a prefix fits there now
    uint64_t broken_blocks = 0;     // delegatable blocks with free addresses but a single IP in
                                    // them: fragmentation
};

// Counts addresses and aligned /28 blocks by what they are doing.
SubnetUsage subnet_usage(const Subnet& subnet);

// The state of one aligned /28 block of a subnet.
enum class BlockState : uint8_t {
    Free,      // all 16 free: a prefix can go here
    Prefix,    // allocated as a /28 prefix
    Broken,    // some free addresses, but at least one single IP: no prefix fits
    Full,      // no free address left, single IPs only
    Reserved,  // holds AWS-reserved addresses: never a prefix (the first and last block)
};

// One state per aligned /28 block, ascending (block i covers addresses 16i .. 16i+15).
std::vector<BlockState> block_states(const Subnet& subnet);

// One subnet inside a VPC CIDR block, placed for drawing.
struct SubnetSpan {
    std::string id;
    Cidr cidr;
    uint64_t offset = 0;  // its first address minus the block's first address
    uint64_t size = 0;    // addresses in the subnet
    uint64_t usable = 0;  // size minus the 5 AWS-reserved addresses
    uint64_t free = 0;    // free addresses now
};

// One VPC CIDR block with the subnets inside it.
struct CidrSpace {
    Cidr cidr;
    bool primary = false;
    uint64_t addresses = 0;           // size of the block
    std::vector<SubnetSpan> subnets;  // subnets inside it, in VPC order
    uint64_t in_subnets = 0;          // addresses covered by those subnets
    uint64_t usable = 0;              // their addresses minus 5 reserved each
    uint64_t free = 0;                // their free addresses now
    uint64_t unassigned = 0;          // addresses in no subnet yet (room for buildings)
};

// The whole campus's address space.
struct VpcSpace {
    std::vector<CidrSpace> blocks;  // in VPC order, the primary first
    uint64_t addresses = 0;         // all CIDR blocks together
    uint64_t in_subnets = 0;
    uint64_t usable = 0;
    uint64_t free = 0;
    uint64_t unassigned = 0;
    int quota = 0;        // CIDR blocks allowed (cidr_quota)
    int blocks_left = 0;  // quota - blocks used
};

// Sums the VPC's address space per CIDR block and in total.
VpcSpace vpc_space(const Vpc& vpc);

// The lowest aligned block of /prefix inside `within` that overlaps none of the VPC's
// subnets. Fails (with a reason) when prefix is not /16 to /28, lies outside within's size,
// or every such block already overlaps a subnet.
Result<Cidr> next_free_subnet_cidr(const Vpc& vpc, const Cidr& within, int prefix);

// The node a scheduler sends one more pod to: among nodes with room under kubelet's
// max-pods (pods, waiting pods and the 2 host-network pods counted), the one with the
// fewest pods, the first such in cluster order on a tie. nullptr if every node is full or
// there is none.
const Node* least_loaded_node(const Cluster& cluster);

}  // namespace core
