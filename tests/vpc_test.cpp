// vpc_test.cpp: AWS's VPC CIDR rules, subnets, and the subnet allocator (lowest-free and
// scattered singles, aligned /28 prefixes, fragmentation, releases), each refusal checked
// for its message and for leaving the model unchanged.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "test_support.h"
#include "vpc.h"

using namespace core;

namespace {

Cidr cidr(std::string_view text) {
    Result<Cidr> r = parse_cidr(text);
    REQUIRE(r.ok());
    return *r;
}

Ipv4 ip(std::string_view text) {
    Result<Ipv4> r = parse_ipv4(text);
    REQUIRE(r.ok());
    return *r;
}

Vpc vpc(std::string_view primary) {
    Result<Vpc> r = make_vpc(primary);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    return *r;
}

// A VPC 10.0.0.0/16 holding one subnet; returns a copy of that subnet.
Subnet subnet(std::string_view text, uint32_t scatter = 0, bool prefix_reservation = false,
              std::string_view reservation_cidr = {}) {
    Vpc v = vpc("10.0.0.0/16");
    SubnetDesc d;
    d.id = "subnet-a";
    d.name = "Building A";
    d.cidr = std::string(text);
    d.scatter = scatter;
    d.prefix_reservation = prefix_reservation;
    d.prefix_reservation_cidr = std::string(reservation_cidr);
    Status s = add_subnet(v, d);
    REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
    return v.subnets.front();
}

// The error of op(model), which must be refused and leave the model as it was, e.g.
//   refused(s, allocate_prefix).code
template <class Model, class Op>
Error refused(Model& model, Op op) {
    const Model before = model;
    const auto r = op(model);
    REQUIRE_MESSAGE(!r.ok(), "expected a refusal");
    CHECK(model == before);
    return r.error();
}

// What op(model) hands out; fails the calling test if op is refused, e.g.
//   CHECK(granted(s, allocate_ip) == ip("10.0.1.4"))
template <class Model, class Op>
auto granted(Model& model, Op op) {
    auto r = op(model);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    return *r;
}

// add_vpc_cidr must refuse; returns the message and checks the VPC is unchanged.
std::string refuse_cidr(Vpc& v, std::string_view text) {
    INFO("adding " << std::string(text));
    return refused(v, [&](Vpc& m) { return add_vpc_cidr(m, text); }).message;
}

std::string refuse_vpc(std::string_view text) {
    Result<Vpc> r = make_vpc(text);
    REQUIRE_MESSAGE(!r.ok(), "expected " << std::string(text) << " to be refused");
    return r.error().message;
}

std::string refuse_subnet(Vpc& v, const SubnetDesc& d) {
    INFO("subnet " << d.cidr);
    return refused(v, [&](Vpc& m) { return add_subnet(m, d); }).message;
}

std::string refuse_release_ip(Subnet& s, Ipv4 addr) {
    INFO("releasing " << format_ipv4(addr));
    return refused(s, [&](Subnet& m) { return release_ip(m, addr); }).message;
}

std::string refuse_release_prefix(Subnet& s, const Cidr& p) {
    INFO("releasing " << format_cidr(p));
    return refused(s, [&](Subnet& m) { return release_prefix(m, p); }).message;
}

}  // namespace

TEST_CASE("make_vpc: sizes and unusable ranges") {
    const Vpc v = vpc("10.0.0.0/16");
    REQUIRE(v.cidrs.size() == 1);
    CHECK(v.cidrs[0] == cidr("10.0.0.0/16"));
    CHECK(v.cidr_quota == 5);
    CHECK(v.subnets.empty());
    CHECK(make_vpc("10.0.0.0/28").ok());
    CHECK(make_vpc("100.64.0.0/16").ok());
    CHECK(make_vpc("198.19.0.0/16").ok());

    check_messages(
        refuse_vpc,
        {{"10.0.0.0/8", "10.0.0.0/8 is too large for a VPC"},
         {"10.0.0.0/8", "/16 (65,536 addresses) down to /28 (16 addresses)"},
         {"10.0.0.0/8", "such as 10.0.0.0/16"},
         {"10.0.0.0/29", "10.0.0.0/29 is too small for a VPC"},
         {"10.0.0.1/16", "did you mean 10.0.0.0/16?"},
         {"169.254.0.0/16", "169.254.0.0/16 cannot be used in a VPC: it is the link-local range"},
         {"169.254.10.0/24", "it lies in 169.254.0.0/16, the link-local range"},
         {"127.0.0.0/16", "loopback"},
         {"0.1.0.0/16", "\"this network\""},
         {"224.0.0.0/16", "multicast"},
         {"239.255.0.0/16", "multicast"},
         {"240.0.0.0/16", "reserved for future use"},
         {"255.255.255.0/24", "it lies in 240.0.0.0/4"}});
    CHECK(make_vpc("10.0.0.0/16 x").error().code == ErrorCode::InvalidParameterValue);
    CHECK(make_vpc("240.0.0.0/16").error().code == ErrorCode::InvalidVpcRange);
}

TEST_CASE("add_vpc_cidr: allowed secondaries") {
    Vpc v = vpc("10.0.0.0/16");
    CHECK(add_vpc_cidr(v, "100.64.0.0/16").ok());
    CHECK(add_vpc_cidr(v, "100.65.0.0/16").ok());
    CHECK(add_vpc_cidr(v, "10.1.0.0/16").ok());
    REQUIRE(v.cidrs.size() == 4);
    CHECK(v.cidrs[0] == cidr("10.0.0.0/16"));  // the primary stays first
    CHECK(v.cidrs[3] == cidr("10.1.0.0/16"));

    Vpc w = vpc("172.16.0.0/16");
    CHECK(add_vpc_cidr(w, "172.30.0.0/16").ok());
    Vpc p = vpc("52.0.0.0/16");  // publicly routable primary
    CHECK(add_vpc_cidr(p, "198.19.0.0/16").ok());
}

TEST_CASE("add_vpc_cidr: size, overlap and never-usable ranges") {
    Vpc v = vpc("10.0.0.0/16");
    check_messages([&](const char* input) { return refuse_cidr(v, input); },
                   {{"100.64.0.0/10", "100.64.0.0/10 is too large for a VPC"},
                    {"100.64.0.0/10", "Add it a /16 at a time, such as 100.64.0.0/16"},
                    {"100.64.0.0/29", "too small"},
                    {"10.0.0.0/16", "10.0.0.0/16 is already one of the campus's"},
                    {"10.0.4.0/24", "10.0.4.0/24 overlaps the campus's CIDR block 10.0.0.0/16"},
                    {"169.254.0.0/16", "link-local"},
                    {"224.1.0.0/16", "multicast"},
                    {"127.0.0.0/16", "loopback"},
                    {"10.2.0.0/16 ", "ends with a space"},
                    {"", "empty"}});
}

TEST_CASE("add_vpc_cidr: RFC 1918 mixing, 172.31 and 198.19") {
    Vpc ten = vpc("10.0.0.0/16");
    std::string m = refuse_cidr(ten, "192.168.0.0/16");
    CHECK(has(m, "the primary CIDR 10.0.0.0/16 is in the private range 10.0.0.0/8"));
    CHECK(has(m, "another private (RFC 1918) range (192.168.0.0/16)"));
    CHECK(has(m, "100.64.0.0/10"));
    CHECK(has(refuse_cidr(ten, "172.20.0.0/16"), "(172.16.0.0/12)"));
    m = refuse_cidr(ten, "198.19.0.0/16");
    CHECK(has(m, "198.19.0.0/16 and a private (RFC 1918) range in the same VPC"));
    CHECK(has(m, "already has 10.0.0.0/16"));
    CHECK(has(refuse_cidr(ten, "198.19.4.0/24"), "198.19.0.0/16"));

    Vpc b = vpc("172.16.0.0/16");
    m = refuse_cidr(b, "172.31.0.0/16");
    CHECK(has(m, "in 172.16.0.0/12, AWS does not add a secondary block from 172.31.0.0/16"));
    CHECK(has(refuse_cidr(b, "172.31.128.0/20"), "172.31.0.0/16"));
    CHECK(has(refuse_cidr(b, "10.0.0.0/16"), "another private (RFC 1918) range (10.0.0.0/8)"));

    Vpc c = vpc("198.19.0.0/16");
    m = refuse_cidr(c, "10.0.0.0/16");
    CHECK(has(m, "198.19.0.0/16 and a private (RFC 1918) range"));
    CHECK(has(m, "already has 198.19.0.0/16"));
    CHECK(add_vpc_cidr(c, "100.64.0.0/16").ok());

    Vpc d = vpc("192.168.0.0/16");
    CHECK(has(refuse_cidr(d, "10.0.0.0/16"), "private range 192.168.0.0/16"));
    CHECK(add_vpc_cidr(d, "100.64.0.0/16").ok());
}

TEST_CASE("add_vpc_cidr: nothing from 10.0.0.0/16 beside a block in 10.0.0.0/15") {
    // VPC user guide, "IPv4 CIDR block association restrictions", row 10.0.0.0/8.
    Vpc v = vpc("10.1.0.0/16");
    std::string m = refuse_cidr(v, "10.0.0.0/16");
    CHECK(has(m, "already has 10.1.0.0/16, in 10.0.0.0/15"));
    CHECK(has(refuse_cidr(v, "10.0.128.0/20"), "10.0.0.0/16"));
    CHECK(check_secondary_cidr(v, *parse_cidr("10.0.4.0/24")).refusal == CidrRefusal::Range10_0);
    CHECK(add_vpc_cidr(v, "10.2.0.0/16").ok());
    Vpc far = vpc("10.8.0.0/16");  // no block in 10.0.0.0/15: 10.0.0.0/16 is fine
    CHECK(add_vpc_cidr(far, "10.0.0.0/16").ok());
}

TEST_CASE("check_secondary_cidr names the rule and the block in the way") {
    Vpc v = vpc("10.0.0.0/16");
    auto verdict = [&v](const char* text) { return check_secondary_cidr(v, *parse_cidr(text)); };
    CHECK(verdict("100.64.0.0/16").refusal == CidrRefusal::None);
    CHECK(verdict("100.64.0.0/10").refusal == CidrRefusal::TooLarge);
    CHECK(verdict("100.64.0.0/10").with == *parse_cidr("100.64.0.0/16"));
    CHECK(verdict("100.64.0.0/29").refusal == CidrRefusal::TooSmall);
    CHECK(verdict("169.254.0.0/16").refusal == CidrRefusal::Unusable);
    CHECK(verdict("169.254.8.0/24").with == *parse_cidr("169.254.0.0/16"));
    CHECK(verdict("10.0.0.0/16").refusal == CidrRefusal::Duplicate);
    CHECK(verdict("10.0.4.0/24").refusal == CidrRefusal::Overlap);
    CHECK(verdict("192.168.0.0/16").refusal == CidrRefusal::OtherPrivateRange);
    CHECK(verdict("192.168.0.0/16").with == *parse_cidr("10.0.0.0/8"));
    CHECK(verdict("198.19.0.0/16").refusal == CidrRefusal::Beside198_19);
    CHECK(check_secondary_cidr(vpc("172.16.0.0/16"), *parse_cidr("172.31.0.0/16")).refusal ==
          CidrRefusal::Range172_31);
    v.cidr_quota = 1;
    CHECK(verdict("100.64.0.0/16").refusal == CidrRefusal::Quota);
}

TEST_CASE("add_vpc_cidr: the quota") {
    Vpc v = vpc("10.0.0.0/16");
    for (const char* c : {"10.1.0.0/16", "10.2.0.0/16", "100.64.0.0/16", "100.65.0.0/16"}) {
        REQUIRE(add_vpc_cidr(v, c).ok());
    }
    REQUIRE(v.cidrs.size() == 5);
    const Error e = refused(v, [](Vpc& m) { return add_vpc_cidr(m, "100.66.0.0/16"); });
    CHECK(e.code == ErrorCode::CidrLimitExceeded);
    CHECK(has(e.message, "already has 5 CIDR blocks"));
    CHECK(has(e.message, "quota of IPv4 CIDR blocks per VPC (5)"));
    CHECK(has(e.message, "raised to 50"));
    v.cidr_quota = 6;
    CHECK(add_vpc_cidr(v, "100.66.0.0/16").ok());
    CHECK(v.cidrs.size() == 6);
}

TEST_CASE("add_subnet: valid subnets and their reserved addresses") {
    Vpc v = vpc("10.0.0.0/16");
    REQUIRE(add_vpc_cidr(v, "100.64.0.0/16").ok());
    SubnetDesc a{"subnet-a", "Building A", "us-east-1a", "10.0.1.0/24", 0, false};
    REQUIRE(add_subnet(v, a).ok());
    SubnetDesc pods{"subnet-pods", "Pod building", "us-east-1b", "100.64.0.0/16", 7, true};
    REQUIRE(add_subnet(v, pods).ok());
    SubnetDesc whole{"subnet-tiny", "Tiny", "us-east-1a", "10.0.2.0/28", 0, false};
    REQUIRE(add_subnet(v, whole).ok());

    const Subnet* s = find_subnet(v, "subnet-a");
    REQUIRE(s != nullptr);
    CHECK(s->name == "Building A");
    CHECK(s->az == "us-east-1a");
    CHECK(s->cidr == cidr("10.0.1.0/24"));
    REQUIRE(s->use.size() == 256);
    CHECK(std::count(s->use.begin(), s->use.end(), AddressUse::Reserved) == 5);
    CHECK(s->use[0] == AddressUse::Reserved);
    CHECK(s->use[3] == AddressUse::Reserved);
    CHECK(s->use[4] == AddressUse::Free);
    CHECK(s->use[255] == AddressUse::Reserved);
    CHECK(free_addresses(*s) == 251);
    CHECK(used_addresses(*s) == 0);
    CHECK(free_aligned_prefixes(*s) == 14);

    const Subnet* p = find_subnet(v, "subnet-pods");
    REQUIRE(p != nullptr);
    CHECK(p->use.size() == 65536);
    CHECK(p->scatter == 7);
    CHECK(p->prefix_reservation);
    CHECK(free_addresses(*p) == 65531);
    CHECK(free_aligned_prefixes(*p) == 4094);
    CHECK(free_addresses(*find_subnet(v, "subnet-tiny")) == 11);
    CHECK(free_aligned_prefixes(*find_subnet(v, "subnet-tiny")) == 0);

    CHECK(find_subnet(v, "subnet-z") == nullptr);
    const Vpc& cv = v;
    CHECK(find_subnet(cv, "subnet-pods") == p);
}

TEST_CASE("add_subnet: refusals name the problem and change nothing") {
    Vpc v = vpc("10.0.0.0/16");
    REQUIRE(add_vpc_cidr(v, "10.1.0.0/16").ok());
    REQUIRE(add_subnet(v, SubnetDesc{"subnet-a", "A", "us-east-1a", "10.0.1.0/24"}).ok());

    CHECK(has(refuse_subnet(v, SubnetDesc{"", "X", "us-east-1a", "10.0.9.0/24"}), "needs an id"));
    std::string m = refuse_subnet(v, SubnetDesc{"subnet-a", "X", "us-east-1a", "10.0.9.0/24"});
    CHECK(has(m, "already a building with id 'subnet-a' (10.0.1.0/24)"));
    m = refuse_subnet(v, SubnetDesc{"subnet-b", "B", "us-east-1a", "10.0.9.1/24"});
    CHECK(has(m, "Building 'subnet-b': \"10.0.9.1/24\" has host bits set"));
    CHECK(has(refuse_subnet(v, SubnetDesc{"subnet-b", "B", "us-east-1a", "10.0.9.0/33"}),
              "out of range"));
    m = refuse_subnet(v, SubnetDesc{"subnet-b", "B", "us-east-1a", "10.0.0.0/15"});
    CHECK(has(m, "10.0.0.0/15 is too large for a subnet"));
    m = refuse_subnet(v, SubnetDesc{"subnet-b", "B", "us-east-1a", "10.0.9.0/29"});
    CHECK(has(m, "10.0.9.0/29 is too small for a subnet"));

    m = refuse_subnet(v, SubnetDesc{"subnet-b", "B", "us-east-1a", "10.2.0.0/24"});
    CHECK(has(m, "10.2.0.0/24 lies outside the campus"));
    CHECK(has(m, "(10.0.0.0/16, 10.1.0.0/16)"));

    Vpc small = vpc("10.2.0.0/24");
    REQUIRE(add_vpc_cidr(small, "10.2.1.0/24").ok());
    m = refuse_subnet(small, SubnetDesc{"subnet-b", "B", "us-east-1a", "10.2.0.0/23"});
    CHECK(has(m, "spills over the edge of the campus's CIDR block 10.2.0.0/24"));

    m = refuse_subnet(v, SubnetDesc{"subnet-b", "B", "us-east-1a", "10.0.1.128/25"});
    CHECK(has(m, "10.0.1.128/25 overlaps Building 'subnet-a' (10.0.1.0/24)"));
    Status s = add_subnet(v, SubnetDesc{"subnet-b", "B", "us-east-1a", "10.0.0.0/16"});
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == ErrorCode::InvalidSubnetConflict);

    CHECK(add_subnet(v, SubnetDesc{"subnet-b", "B", "us-east-1a", "10.0.2.0/24"}).ok());
    CHECK(v.subnets.size() == 2);
}

TEST_CASE("allocate_ip_at: that very address, or a refusal that changes nothing") {
    Subnet s = subnet("10.0.1.16/28");
    Result<Ipv4> at = allocate_ip_at(s, ip("10.0.1.25"));
    REQUIRE(at.ok());
    CHECK(*at == ip("10.0.1.25"));
    CHECK(used_addresses(s) == 1);
    // The lowest free still comes first afterwards, and .25 is skipped.
    CHECK(*allocate_ip(s) == ip("10.0.1.20"));
    const Subnet before = s;
    for (const char* taken : {"10.0.1.25", "10.0.1.16", "10.0.1.31", "10.0.1.15", "10.0.2.20"}) {
        INFO(taken);
        CHECK_FALSE(allocate_ip_at(s, ip(taken)).ok());
        CHECK(s == before);
    }
    CHECK(has(allocate_ip_at(s, ip("10.0.2.20")).error().message, "is not in"));
    CHECK(has(allocate_ip_at(s, ip("10.0.1.16")).error().message, "is not free"));
    for (uint32_t i = 0; i < 9; ++i)  // the other 9: every address handed out once
        REQUIRE(allocate_ip(s).ok());
    CHECK(free_addresses(s) == 0);
}

TEST_CASE("exhausting a /28: 11 addresses, then InsufficientFreeAddressesInSubnet") {
    Subnet s = subnet("10.0.1.16/28");
    for (uint32_t i = 0; i < 11; ++i) {
        // Lowest free first: .20 to .30.
        CHECK(granted(s, allocate_ip) == Ipv4{ip("10.0.1.20").value + i});
    }
    CHECK(free_addresses(s) == 0);
    CHECK(used_addresses(s) == 11);
    const Error r = refused(s, allocate_ip);
    CHECK(r.code == ErrorCode::InsufficientFreeAddressesInSubnet);
    CHECK(r.message ==
          "Building 'subnet-a' (10.0.1.16/28) has no free address left: "
          "InsufficientFreeAddressesInSubnet");

    const Error p = refused(s, allocate_prefix);
    CHECK(p.code == ErrorCode::InsufficientCidrBlocks);
    CHECK(has(p.message, "so a subnet this small can never hand out a prefix"));

    // A released address is the next one handed out.
    REQUIRE(release_ip(s, ip("10.0.1.25")).ok());
    CHECK(free_addresses(s) == 1);
    CHECK(granted(s, allocate_ip) == ip("10.0.1.25"));
}

TEST_CASE("prefixes: lowest aligned /28 first, 14 in a /24") {
    Subnet s = subnet("10.0.1.0/24");
    for (uint32_t b = 1; b <= 14; ++b) {
        CHECK(granted(s, allocate_prefix) == Cidr{ip("10.0.1.0").value + 16 * b, 28});
    }
    CHECK(free_aligned_prefixes(s) == 0);
    CHECK(used_addresses(s) == 224);
    CHECK(free_addresses(s) == 27);  // .4-.15 and .240-.254
    const std::string full = refused(s, allocate_prefix).message;
    CHECK(has(full,
              "Building 'subnet-a' (10.0.1.0/24) has no free aligned /28 block: "
              "InsufficientCidrBlocks."));
    CHECK(has(full, "27 single addresses are free, but no aligned block of 16"));

    // Single addresses still come from the edges.
    CHECK(granted(s, allocate_ip) == ip("10.0.1.4"));

    REQUIRE(release_prefix(s, cidr("10.0.1.96/28")).ok());
    CHECK(free_aligned_prefixes(s) == 1);
    CHECK(granted(s, allocate_prefix) == cidr("10.0.1.96/28"));
}

TEST_CASE("fragmentation: singles remain but no aligned /28 (InsufficientCidrBlocks)") {
    Subnet s = subnet("10.0.1.0/24");
    while (allocate_ip(s).ok()) {
    }
    REQUIRE(free_addresses(s) == 0);
    // Free a few scattered addresses in every /28 block, never a whole block.
    uint64_t freed = 0;
    for (uint32_t offset = 4; offset < 255; offset += 5) {
        REQUIRE(release_ip(s, Ipv4{ip("10.0.1.0").value + offset}).ok());
        ++freed;
    }
    CHECK(freed == 51);
    CHECK(free_addresses(s) == 51);
    CHECK(free_aligned_prefixes(s) == 0);
    const Error p = refused(s, allocate_prefix);
    CHECK(p.code == ErrorCode::InsufficientCidrBlocks);
    CHECK(has(p.message,
              "51 single addresses are free, but no aligned block of 16 is: "
              "the subnet is fragmented"));

    // Emptying one block cures it.
    for (uint32_t offset = 32; offset < 48; ++offset) {
        const Ipv4 a{ip("10.0.1.0").value + offset};
        if (s.use[offset] == AddressUse::Ip) REQUIRE(release_ip(s, a).ok());
    }
    CHECK(granted(s, allocate_prefix) == cidr("10.0.1.32/28"));
}

TEST_CASE("no address free at all") {
    Subnet s = subnet("10.0.1.0/27");
    while (allocate_ip(s).ok()) {
    }
    Subnet t = subnet("10.0.1.0/24");
    while (allocate_ip(t).ok()) {
    }
    Result<Cidr> p = allocate_prefix(t);
    REQUIRE_FALSE(p.ok());
    CHECK(has(p.error().message, "No address is free at all."));
}

TEST_CASE("scatter: EC2-like spread fragments the subnet, reproducibly") {
    Subnet lowest = subnet("10.0.1.0/24", 0);
    Subnet spread = subnet("10.0.1.0/24", 42);
    for (int i = 0; i < 60; ++i) {
        REQUIRE(allocate_ip(lowest).ok());
        REQUIRE(allocate_ip(spread).ok());
    }
    CHECK(used_addresses(spread) == 60);
    CHECK(free_aligned_prefixes(lowest) == 11);  // .4-.63 used: blocks 4..14 untouched
    CHECK(free_aligned_prefixes(spread) < free_aligned_prefixes(lowest));

    // Two copies draw the same sequence; a copy taken midway replays the rest.
    Subnet a = subnet("10.0.1.0/24", 42);
    Subnet b = subnet("10.0.1.0/24", 42);
    Subnet c = subnet("10.0.1.0/24", 43);
    std::vector<uint32_t> seq_a;
    std::vector<uint32_t> seq_c;
    Subnet midway;
    std::vector<uint32_t> tail_a;
    for (int i = 0; i < 100; ++i) {
        if (i == 50) midway = a;
        Result<Ipv4> ra = allocate_ip(a);
        Result<Ipv4> rb = allocate_ip(b);
        Result<Ipv4> rc = allocate_ip(c);
        REQUIRE((ra.ok() && rb.ok() && rc.ok()));
        CHECK(*ra == *rb);
        seq_a.push_back(ra->value);
        seq_c.push_back(rc->value);
        if (i >= 50) tail_a.push_back(ra->value);
    }
    CHECK(a == b);
    CHECK(seq_a != seq_c);
    std::vector<uint32_t> sorted = seq_a;
    std::sort(sorted.begin(), sorted.end());
    CHECK(seq_a != sorted);  // not lowest-first
    for (uint32_t expected : tail_a) {
        Result<Ipv4> r = allocate_ip(midway);
        REQUIRE(r.ok());
        CHECK(r->value == expected);
    }

    // A scattered /28 still hands out exactly its 11 addresses, then refuses.
    Subnet tiny = subnet("10.0.1.0/28", 9);
    std::set<uint32_t> got;
    for (int i = 0; i < 11; ++i) {
        Result<Ipv4> r = allocate_ip(tiny);
        REQUIRE(r.ok());
        CHECK_FALSE(is_aws_reserved(tiny.cidr, *r));
        got.insert(r->value);
    }
    CHECK(got.size() == 11);
    CHECK(refused(tiny, allocate_ip).code == ErrorCode::InsufficientFreeAddressesInSubnet);
}

TEST_CASE("prefix reservation: prefixes only") {
    Subnet s = subnet("10.0.1.0/24", 0, true);
    const Error r = refused(s, allocate_ip);
    CHECK(r.code == ErrorCode::InsufficientFreeAddressesInSubnet);
    CHECK(has(r.message, "is reserved for /28 prefixes"));
    CHECK(has(r.message, "hands out no single addresses"));
    CHECK(granted(s, allocate_prefix) == cidr("10.0.1.16/28"));
}

TEST_CASE("prefix reservation of part of a subnet: singles outside, prefixes inside first") {
    // A /26 with its upper /27 reserved: singles come from .4-.31 only (28 addresses);
    // prefixes from .32/28 first (.48/28 holds the reserved last address), then below.
    Subnet s = subnet("10.0.1.0/26", 0, false, "10.0.1.32/27");
    REQUIRE(s.prefix_reservation);
    CHECK(*s.prefix_reservation == cidr("10.0.1.32/27"));
    CHECK(in_prefix_reservation(s, 32));
    CHECK_FALSE(in_prefix_reservation(s, 31));
    CHECK(granted(s, allocate_prefix) == cidr("10.0.1.32/28"));
    for (int i = 0; i < 28; ++i) {
        CHECK(granted(s, allocate_ip).value < cidr("10.0.1.32/27").base);
    }
    const Subnet full = s;
    Result<Ipv4> none = allocate_ip(s);
    REQUIRE_FALSE(none.ok());
    CHECK(s == full);
    CHECK(none.error().code == ErrorCode::InsufficientFreeAddressesInSubnet);
    CHECK(has(none.error().message, "outside its prefix reservation 10.0.1.32/27"));
    CHECK(free_addresses(s) == 15);  // .48-.62: free, but reserved for prefixes
    // The singles below took .16/28, so no prefix is left: InsufficientCidrBlocks.
    Result<Cidr> second = allocate_prefix(s);
    REQUIRE_FALSE(second.ok());
    CHECK(second.error().code == ErrorCode::InsufficientCidrBlocks);

    // Scattered singles never land in the reservation either.
    Subnet spread = subnet("10.0.1.0/24", 9, false, "10.0.1.128/25");
    for (int i = 0; i < 124; ++i) {  // .4-.127
        Result<Ipv4> r = allocate_ip(spread);
        REQUIRE(r.ok());
        CHECK_FALSE(in_prefix_reservation(spread, r->value - spread.cidr.base));
    }
    CHECK_FALSE(allocate_ip(spread).ok());
    // ... and the reserved half still gives 7 prefixes (.240/28 holds .255).
    for (int i = 0; i < 7; ++i)
        CHECK(allocate_prefix(spread).ok());
    CHECK_FALSE(allocate_prefix(spread).ok());
}

TEST_CASE("prefix reservation: bad ranges are refused") {
    Vpc v = vpc("10.0.0.0/16");
    auto refused = [&](const char* reservation, bool whole = false) {
        SubnetDesc d{"subnet-a", "A", "us-east-1a", "10.0.1.0/24"};
        d.prefix_reservation = whole;
        d.prefix_reservation_cidr = reservation;
        const Vpc before = v;
        Status s = add_subnet(v, d);
        REQUIRE_MESSAGE(!s.ok(), reservation);
        CHECK(v == before);
        return s.error().message;
    };
    check_messages(refused, {{"10.0.2.0/28", "not inside the subnet 10.0.1.0/24"},
                             {"10.0.0.0/16", "not inside the subnet"},
                             {"10.0.1.16/29", "smaller than one /28 prefix"},
                             {"10.0.1.17/28", "host bits"}});
    CHECK(has(refused("10.0.1.0/25", true), "not both"));
}

TEST_CASE("release_ip refusals change nothing") {
    Subnet s = subnet("10.0.1.0/24");
    REQUIRE(allocate_ip(s).ok());      // 10.0.1.4
    REQUIRE(allocate_prefix(s).ok());  // 10.0.1.16/28
    CHECK(has(refuse_release_ip(s, ip("10.0.2.5")),
              "10.0.2.5 is not in Building 'subnet-a' (10.0.1.0/24)."));
    CHECK(has(refuse_release_ip(s, ip("10.0.1.9")),
              "10.0.1.9 is not allocated in Building 'subnet-a' (10.0.1.0/24), so there is "
              "nothing to release."));
    CHECK(has(refuse_release_ip(s, ip("10.0.1.1")), "reserved by AWS (VPC router)"));
    CHECK(has(refuse_release_ip(s, ip("10.0.1.2")), "reserved by AWS (reserved (base + 2))"));
    CHECK(has(refuse_release_ip(s, ip("10.0.1.255")), "reserved by AWS (broadcast)"));
    CHECK(has(refuse_release_ip(s, ip("10.0.1.20")),
              "10.0.1.20 is part of the prefix 10.0.1.16/28; release the whole /28 prefix"));
    CHECK(release_ip(s, ip("10.0.1.4")).ok());
    CHECK(has(refuse_release_ip(s, ip("10.0.1.4")), "is not allocated"));  // not twice
}

TEST_CASE("release_prefix refusals change nothing") {
    Subnet s = subnet("10.0.1.0/24");
    REQUIRE(allocate_prefix(s).ok());  // 10.0.1.16/28
    for (int i = 0; i < 20; ++i)
        REQUIRE(allocate_ip(s).ok());  // .4-.15, then .32-.39

    CHECK(has(refuse_release_prefix(s, cidr("10.0.1.0/27")),
              "10.0.1.0/27 is not a /28: a prefix is a block of 16 addresses."));
    CHECK(has(refuse_release_prefix(s, Cidr{ip("10.0.1.24").value, 28}),
              "10.0.1.24/28 is not aligned: a /28 prefix starts at a multiple of 16, such as "
              "10.0.1.16/28."));
    CHECK(has(refuse_release_prefix(s, cidr("10.0.2.16/28")),
              "10.0.2.16/28 is not in Building 'subnet-a' (10.0.1.0/24)."));
    CHECK(has(refuse_release_prefix(s, cidr("10.0.1.64/28")),
              "10.0.1.64/28 is not an allocated prefix"));
    CHECK(has(refuse_release_prefix(s, cidr("10.0.1.32/28")),
              "was not handed out as a prefix: 8 of its addresses are single secondary IPs"));
    CHECK(has(refuse_release_prefix(s, cidr("10.0.1.0/28")),
              "was not handed out as a prefix: 12 of its addresses"));
    CHECK(has(refuse_release_prefix(s, cidr("10.0.1.240/28")), "holds AWS-reserved addresses"));

    REQUIRE(release_prefix(s, cidr("10.0.1.16/28")).ok());
    CHECK(has(refuse_release_prefix(s, cidr("10.0.1.16/28")), "is not an allocated prefix"));
    CHECK(used_addresses(s) == 20);
}

TEST_CASE("a /16 allocates fast enough to recompute a campus") {
    Subnet s = subnet("10.0.0.0/16");
    uint64_t n = 0;
    while (allocate_ip(s).ok())
        ++n;
    CHECK(n == 65531);
    Subnet p = subnet("10.0.0.0/16");
    uint64_t prefixes = 0;
    while (allocate_prefix(p).ok())
        ++prefixes;
    CHECK(prefixes == 4094);
    CHECK(free_addresses(p) == 27);
}

TEST_CASE("property: random allocate/release sequences keep every invariant") {
    struct Case {
        const char* cidr;
        uint32_t scatter;
        const char* reservation;  // part of the subnet reserved for prefixes, "" for none
    };
    for (const Case& c :
         {Case{"10.0.1.0/24", 0, ""}, Case{"10.0.1.0/24", 5, ""}, Case{"10.0.4.0/22", 0, ""},
          Case{"10.0.4.0/22", 77, ""}, Case{"10.0.1.64/26", 3, ""}, Case{"10.0.1.16/28", 0, ""},
          Case{"10.0.1.0/24", 0, "10.0.1.128/25"}, Case{"10.0.4.0/22", 11, "10.0.5.0/24"},
          Case{"10.0.4.0/22", 0, "10.0.4.64/26"}}) {
        CAPTURE(c.cidr);
        CAPTURE(c.scatter);
        CAPTURE(c.reservation);
        Subnet s = subnet(c.cidr, c.scatter, false, c.reservation);
        auto free_outside = [&] {
            uint64_t n = 0;
            for (size_t i = 0; i < s.use.size(); ++i)
                n += s.use[i] == AddressUse::Free && !in_prefix_reservation(s, i);
            return n;
        };
        std::mt19937 rng(12345u + c.scatter);
        std::set<uint32_t> ips;       // singles handed out and not yet released
        std::set<uint32_t> prefixes;  // bases of /28s handed out
        const uint64_t usable = aws_usable_addresses(s.cidr);
        for (int step = 0; step < 3000; ++step) {
            const auto op = rng() % 10;
            const Subnet before = s;
            if (op < 4) {
                Result<Ipv4> r = allocate_ip(s);
                if (r.ok()) {
                    CHECK(cidr_contains(s.cidr, *r));
                    CHECK_FALSE(is_aws_reserved(s.cidr, *r));
                    CHECK_FALSE(in_prefix_reservation(s, r->value - s.cidr.base));
                    CHECK(ips.count(r->value) == 0);
                    CHECK(prefixes.count(r->value & ~15u) == 0);
                    ips.insert(r->value);
                } else {
                    CHECK(s == before);
                    CHECK(free_outside() == 0);
                }
            } else if (op < 6) {
                Result<Cidr> r = allocate_prefix(s);
                if (r.ok()) {
                    CHECK(r->prefix == 28);
                    CHECK((r->base & 15u) == 0);
                    CHECK(cidr_contains(s.cidr, *r));
                    CHECK(prefixes.count(r->base) == 0);
                    for (uint32_t a = r->base; a < r->base + 16; ++a) {
                        CHECK(ips.count(a) == 0);
                        CHECK_FALSE(is_aws_reserved(s.cidr, Ipv4{a}));
                    }
                    prefixes.insert(r->base);
                } else {
                    CHECK(s == before);
                    CHECK(free_aligned_prefixes(s) == 0);
                }
            } else if (op < 8) {
                // Release a held single, or try a random address (usually refused).
                if (!ips.empty() && rng() % 4 != 0) {
                    auto it = ips.begin();
                    std::advance(it, static_cast<long>(rng() % ips.size()));
                    REQUIRE(release_ip(s, Ipv4{*it}).ok());
                    ips.erase(it);
                } else {
                    const Ipv4 a{s.cidr.base + static_cast<uint32_t>(rng() % s.use.size())};
                    if (release_ip(s, a).ok()) {
                        CHECK(ips.erase(a.value) == 1);
                    } else {
                        CHECK(s == before);
                        CHECK(ips.count(a.value) == 0);
                    }
                }
            } else {
                if (!prefixes.empty() && rng() % 4 != 0) {
                    auto it = prefixes.begin();
                    std::advance(it, static_cast<long>(rng() % prefixes.size()));
                    REQUIRE(release_prefix(s, Cidr{*it, 28}).ok());
                    prefixes.erase(it);
                } else {
                    const Cidr p{(s.cidr.base + static_cast<uint32_t>(rng() % s.use.size())) & ~15u,
                                 28};
                    if (release_prefix(s, p).ok()) {
                        CHECK(prefixes.erase(p.base) == 1);
                    } else {
                        CHECK(s == before);
                        CHECK(prefixes.count(p.base) == 0);
                    }
                }
            }
            // Counts agree with the shadow model.
            const uint64_t used = ips.size() + 16 * prefixes.size();
            REQUIRE(used_addresses(s) == used);
            REQUIRE(free_addresses(s) == usable - used);
            REQUIRE(std::count(s.use.begin(), s.use.end(), AddressUse::Reserved) == 5);
        }
        // Every address's state matches the shadow model at the end.
        for (size_t i = 0; i < s.use.size(); ++i) {
            const uint32_t a = s.cidr.base + static_cast<uint32_t>(i);
            AddressUse expected = AddressUse::Free;
            if (is_aws_reserved(s.cidr, Ipv4{a})) expected = AddressUse::Reserved;
            if (ips.count(a)) expected = AddressUse::Ip;
            if (prefixes.count(a & ~15u)) expected = AddressUse::Prefix;
            REQUIRE(s.use[i] == expected);
        }
    }
}
