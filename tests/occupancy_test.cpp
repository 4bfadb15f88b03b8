// occupancy_test.cpp: address maps of subnets held by nodes, pods, prefixes and others;
// subnet and /28 block counts under packing and scattering; VPC address space per CIDR
// block; where the next subnet fits; which node the next pod goes to. All readings, so
// each test also checks that the model it read is unchanged.
#include <doctest/doctest.h>

#include <string>

#include "occupancy.h"
#include "test_support.h"

using namespace core;

namespace {

Cluster campus(const char* node_cidr = "10.0.1.0/24", uint32_t scatter = 0) {
    Result<Vpc> vpc = make_vpc("10.0.0.0/16");
    REQUIRE(vpc.ok());
    Cluster c = make_cluster(std::move(vpc).value());
    add_test_subnet(c.vpc, "subnet-a", "us-east-1a", node_cidr, scatter);
    return c;
}

void add(Cluster& c, const char* name, const InstanceType& type, NodeConfig cfg = {}) {
    NodeDesc d;
    d.name = name;
    d.type = type;
    d.subnet_id = "subnet-a";
    d.config = cfg;
    Status s = add_node(c, d);
    REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
}

size_t count_holder(const std::vector<AddressInfo>& map, Holder h) {
    size_t n = 0;
    for (const AddressInfo& a : map)
        n += a.holder == h ? 1 : 0;
    return n;
}

// A subnet's usage by name, for check_values.
std::string usage(const SubnetUsage& u, const char* name) {
    return field(name, {FIELD(u, size), FIELD(u, reserved), FIELD(u, free), FIELD(u, single_ips),
                        FIELD(u, prefix_addresses), FIELD(u, prefixes), FIELD(u, blocks),
                        FIELD(u, delegatable), FIELD(u, free_blocks), FIELD(u, broken_blocks)});
}

}  // namespace

TEST_CASE("address_map: an empty subnet is free except the five reserved addresses") {
    Cluster c = campus("10.0.1.0/28");
    const std::vector<AddressInfo> map = address_map(c, c.vpc.subnets[0]);
    REQUIRE(map.size() == 16);
    CHECK(format_ipv4(map[0].ip) == "10.0.1.0");
    CHECK(format_ipv4(map[15].ip) == "10.0.1.15");
    CHECK(count_holder(map, Holder::Reserved) == 5);
    CHECK(count_holder(map, Holder::Free) == 11);
    CHECK(map[1].label == "VPC router");
    CHECK(map[2].label == "reserved (base + 2)");
    CHECK(map[15].holder == Holder::Reserved);
    CHECK(describe_address(map[1]) == "10.0.1.1: reserved by AWS (VPC router)");
    CHECK(describe_address(map[4]) == "10.0.1.4: free");
}

TEST_CASE("address_map: a t3.small's node IP, ENI primaries, pod IPs and spares") {
    Cluster c = campus();
    add(c, "node-1", t3_small());
    REQUIRE(add_pod(c, "node-1", "web").ok());
    const Cluster before = c;
    const std::vector<AddressInfo> map = address_map(c, c.vpc.subnets[0]);
    CHECK(c == before);
    // WARM_ENI_TARGET 1 with one pod: eni-1 (3 secondary IPs) plus eni-2 (3 more), so the
    // first pod's ENI has 2 spares and a second ENI is attached ahead of need.
    CHECK(count_holder(map, Holder::NodeIp) == 1);
    CHECK(count_holder(map, Holder::EniIp) == 1);
    CHECK(count_holder(map, Holder::PodIp) == 1);
    CHECK(count_holder(map, Holder::SpareIp) == 5);
    CHECK(count_holder(map, Holder::Reserved) == 5);
    CHECK(count_holder(map, Holder::Free) == 256 - 5 - 8);
    // Lowest-free allocation: the node's own address is 10.0.1.4.
    CHECK(map[4].holder == Holder::NodeIp);
    CHECK(map[4].node == "node-1");
    CHECK(has(describe_address(map[4]), "node-1's own address"));
    const Node& n = c.nodes[0];
    const Pod& pod = n.pods[0];
    const AddressInfo& at = map[pod.ip.value - c.vpc.subnets[0].cidr.base];
    CHECK(at.holder == Holder::PodIp);
    CHECK(at.pod == "web");
    CHECK(at.eni_id == pod.eni_id);
    CHECK(has(describe_address(at), "used by web"));
}

TEST_CASE("address_map: prefix delegation shows whole /28 blocks, and other holders") {
    Cluster c = campus();
    NodeConfig pd;
    pd.prefix_delegation = true;
    add(c, "node-1", m5_large(), pd);
    REQUIRE(add_pod(c, "node-1", "p1").ok());
    REQUIRE(hold_addresses(c, "subnet-a", 3, "rds").ok());
    const std::vector<AddressInfo> map = address_map(c, c.vpc.subnets[0]);
    const size_t in_prefix =
        count_holder(map, Holder::PodInPrefix) + count_holder(map, Holder::SpareInPrefix);
    CHECK(in_prefix % 16 == 0);
    CHECK(in_prefix >= 16);
    CHECK(count_holder(map, Holder::PodInPrefix) == 1);
    CHECK(count_holder(map, Holder::Other) == 3);
    for (const AddressInfo& a : map) {
        if (a.holder == Holder::PodInPrefix) {
            CHECK(a.pod == "p1");
            CHECK(a.prefix.prefix == 28);
            CHECK(has(describe_address(a), "in prefix " + format_cidr(a.prefix)));
        }
        if (a.holder == Holder::Other) CHECK(has(describe_address(a), "held by rds"));
    }
}

TEST_CASE("subnet_usage and block_states: packed versus scattered singles") {
    // A /24 has 16 aligned /28 blocks; the first and last hold reserved addresses.
    Cluster packed = campus("10.0.1.0/24");
    check_values(subnet_usage(packed.vpc.subnets[0]), usage,
                 "size=256 reserved=5 free=251 blocks=16 delegatable=14 free_blocks=14 "
                 "broken_blocks=0");

    // 40 single addresses packed from the bottom: blocks 0..2 fill (block 0 has 4 reserved,
    // so 12 + 16 + 12 = 40), leaving 12 wholly free blocks.
    REQUIRE(hold_addresses(packed, "subnet-a", 40, "singles").ok());
    check_values(subnet_usage(packed.vpc.subnets[0]), usage,
                 "single_ips=40 free=211 free_blocks=12 broken_blocks=1");
    std::vector<BlockState> b = block_states(packed.vpc.subnets[0]);
    REQUIRE(b.size() == 16);
    CHECK(b[0] == BlockState::Reserved);
    CHECK(b[1] == BlockState::Full);
    CHECK(b[2] == BlockState::Broken);
    CHECK(b[3] == BlockState::Free);
    CHECK(b[15] == BlockState::Reserved);

    // The same 40 singles spread EC2-style: fewer (here no) wholly free blocks, although
    // the same 211 single addresses remain.
    Cluster spread = campus("10.0.1.0/24", 7);
    REQUIRE(hold_addresses(spread, "subnet-a", 40, "singles").ok());
    const Cluster before = spread;
    const SubnetUsage u = subnet_usage(spread.vpc.subnets[0]);
    CHECK(spread == before);
    CHECK(u.free == 211);
    CHECK(u.free_blocks == free_aligned_prefixes(spread.vpc.subnets[0]));
    CHECK(u.free_blocks < 12);
    CHECK(u.broken_blocks > 1);
    CHECK(u.free_blocks + u.broken_blocks <= u.delegatable);
}

TEST_CASE("subnet_usage counts prefixes") {
    Cluster c = campus("10.0.1.0/24");
    Subnet& s = c.vpc.subnets[0];
    REQUIRE(allocate_prefix(s).ok());
    REQUIRE(allocate_prefix(s).ok());
    check_values(subnet_usage(s), usage, "prefixes=2 prefix_addresses=32 free_blocks=12");
    CHECK(block_states(s)[1] == BlockState::Prefix);
    CHECK(block_states(s)[2] == BlockState::Prefix);
}

TEST_CASE("vpc_space: per CIDR block and totals") {
    Result<Vpc> made = make_vpc("10.0.0.0/22");
    REQUIRE(made.ok());
    Vpc v = std::move(made).value();
    add_test_subnet(v, "a", "us-east-1a", "10.0.0.0/24");
    add_test_subnet(v, "b", "us-east-1a", "10.0.1.0/24");
    REQUIRE(add_vpc_cidr(v, "100.64.0.0/16").ok());
    add_test_subnet(v, "p", "us-east-1a", "100.64.0.0/20");
    const Vpc before = v;
    const VpcSpace s = vpc_space(v);
    CHECK(v == before);
    REQUIRE(s.blocks.size() == 2);
    CHECK(s.blocks[0].primary);
    CHECK_FALSE(s.blocks[1].primary);
    CHECK(s.blocks[0].addresses == 1024);
    REQUIRE(s.blocks[0].subnets.size() == 2);
    CHECK(s.blocks[0].subnets[0].id == "a");
    CHECK(s.blocks[0].subnets[1].id == "b");
    CHECK(s.blocks[0].subnets[1].offset == 256);
    CHECK(s.blocks[0].subnets[1].size == 256);
    CHECK(s.blocks[0].subnets[1].usable == 251);
    REQUIRE(s.blocks[1].subnets.size() == 1);
    CHECK(s.blocks[1].subnets[0].offset == 0);
    CHECK(s.blocks[1].subnets[0].size == 4096);
    CHECK(s.blocks[0].in_subnets == 512);
    CHECK(s.blocks[0].usable == 502);
    CHECK(s.blocks[0].unassigned == 512);
    CHECK(s.blocks[1].addresses == 65536);
    CHECK(s.blocks[1].usable == 4091);
    CHECK(s.blocks[1].free == 4091);
    CHECK(s.addresses == 66560);
    CHECK(s.usable == 4593);
    CHECK(s.unassigned == 512 + 65536 - 4096);
    CHECK(s.quota == 5);
    CHECK(s.blocks_left == 3);
}

TEST_CASE("next_free_subnet_cidr: lowest free aligned block, skipping subnets") {
    Result<Vpc> made = make_vpc("10.0.0.0/22");
    REQUIRE(made.ok());
    Vpc v = std::move(made).value();
    const Cidr whole = v.cidrs[0];
    Result<Cidr> first = next_free_subnet_cidr(v, whole, 24);
    REQUIRE(first.ok());
    CHECK(format_cidr(*first) == "10.0.0.0/24");
    add_test_subnet(v, "a", "us-east-1a", "10.0.0.0/24");
    add_test_subnet(v, "c", "us-east-1a", "10.0.2.16/28");
    Result<Cidr> next = next_free_subnet_cidr(v, whole, 24);
    REQUIRE(next.ok());
    CHECK(format_cidr(*next) == "10.0.1.0/24");
    add_test_subnet(v, "b", "us-east-1a", "10.0.1.0/24");
    // 10.0.2.0/24 is taken in part by the /28, so the next /24 is 10.0.3.0/24 ...
    next = next_free_subnet_cidr(v, whole, 24);
    REQUIRE(next.ok());
    CHECK(format_cidr(*next) == "10.0.3.0/24");
    // ... while a /28 still fits below it.
    Result<Cidr> small = next_free_subnet_cidr(v, whole, 28);
    REQUIRE(small.ok());
    CHECK(format_cidr(*small) == "10.0.2.0/28");
    add_test_subnet(v, "d", "us-east-1a", "10.0.3.0/24");
    const Vpc before = v;
    Result<Cidr> none = next_free_subnet_cidr(v, whole, 24);
    REQUIRE_FALSE(none.ok());
    CHECK(has(none.error().message, "10.0.0.0/22 has no free /24 left"));
    CHECK(v == before);
    Result<Cidr> big = next_free_subnet_cidr(v, whole, 20);
    REQUIRE_FALSE(big.ok());
    CHECK(has(big.error().message, "larger than 10.0.0.0/22"));
    Result<Cidr> odd = next_free_subnet_cidr(v, whole, 30);
    REQUIRE_FALSE(odd.ok());
    CHECK(has(odd.error().message, "/16 to /28"));
}

TEST_CASE("least_loaded_node: fewest pods among nodes under max-pods") {
    Cluster c = campus();
    CHECK(least_loaded_node(c) == nullptr);
    add(c, "node-1", t3_small());
    add(c, "node-2", t3_small());
    const Node* n = least_loaded_node(c);
    REQUIRE(n != nullptr);
    CHECK(n->name == "node-1");
    REQUIRE(add_pod(c, "node-1").ok());
    n = least_loaded_node(c);
    REQUIRE(n != nullptr);
    CHECK(n->name == "node-2");
    // t3.small: max-pods 11, so 9 pods fill a node.
    for (int i = 0; i < 8; ++i)
        REQUIRE(add_pod(c, "node-1").ok());
    for (int i = 0; i < 9; ++i)
        REQUIRE(add_pod(c, "node-2").ok());
    CHECK(least_loaded_node(c) == nullptr);
    const Cluster before = c;
    CHECK_FALSE(add_pod(c, "node-1").ok());
    CHECK(c == before);
}
