// subnet_plan_test.cpp: the free-block search behind the playground's subnet chooser, the
// subnet-size list, fresh ids and the secondary-CIDR suggestions, each checked against
// known layouts and against vpc.h's own rules.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "subnet_plan.h"

using namespace core;

namespace {

Vpc vpc(std::string_view primary) {
    Result<Vpc> r = make_vpc(primary);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    return *r;
}

void subnet(Vpc& v, const std::string& id, const std::string& cidr) {
    SubnetDesc d;
    d.id = id;
    d.cidr = cidr;
    Status s = add_subnet(v, d);
    REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
}

std::vector<std::string> texts(const std::vector<Cidr>& blocks) {
    std::vector<std::string> out;
    for (const Cidr& c : blocks)
        out.push_back(format_cidr(c));
    return out;
}

}  // namespace

TEST_CASE("next_free_subnet: the lowest aligned block that no subnet overlaps") {
    Vpc v = vpc("10.0.0.0/16");
    Result<Cidr> first = next_free_subnet(v, 24);
    REQUIRE(first.ok());
    CHECK(format_cidr(*first) == "10.0.0.0/24");

    subnet(v, "subnet-a", "10.0.0.0/24");
    subnet(v, "subnet-b", "10.0.1.0/26");
    Result<Cidr> next24 = next_free_subnet(v, 24);
    REQUIRE(next24.ok());
    CHECK(format_cidr(*next24) == "10.0.2.0/24");  // 10.0.1.0/24 is partly taken
    Result<Cidr> next26 = next_free_subnet(v, 26);
    REQUIRE(next26.ok());
    CHECK(format_cidr(*next26) == "10.0.1.64/26");  // fills the gap beside subnet-b
    Result<Cidr> next28 = next_free_subnet(v, 28);
    REQUIRE(next28.ok());
    CHECK(format_cidr(*next28) == "10.0.1.64/28");
}

TEST_CASE("next_free_subnet: every answer is accepted by add_subnet") {
    Vpc v = vpc("10.0.0.0/20");
    for (int i = 0; i < 20; ++i) {
        const int prefix = 22 + (i % 5);
        Result<Cidr> c = next_free_subnet(v, prefix);
        if (!c) break;
        SubnetDesc d;
        d.id = next_subnet_id(v);
        d.cidr = format_cidr(*c);
        Status s = add_subnet(v, d);
        CHECK_MESSAGE(s.ok(), d.cidr);
    }
    CHECK(v.subnets.size() >= 5);
}

TEST_CASE("next_free_subnet: a full VPC, a block larger than the VPC, a bad size") {
    Vpc v = vpc("10.0.0.0/24");
    subnet(v, "subnet-a", "10.0.0.0/25");
    subnet(v, "subnet-b", "10.0.0.128/25");
    const Vpc before = v;
    Result<Cidr> full = next_free_subnet(v, 28);
    REQUIRE_FALSE(full.ok());
    CHECK(full.error().message.find("No free /28 is left in the VPC (10.0.0.0/24)") !=
          std::string::npos);
    CHECK(v == before);

    Vpc small = vpc("10.0.0.0/24");
    Result<Cidr> big = next_free_subnet(small, 20);
    REQUIRE_FALSE(big.ok());
    CHECK(big.error().message.find("larger than every CIDR") != std::string::npos);

    Result<Cidr> bad = next_free_subnet(small, 29);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message.find("/16 to /28; /29") != std::string::npos);
    CHECK_FALSE(next_free_subnet(small, 15).ok());
}

TEST_CASE("next_free_subnet: looks into secondary CIDRs once the primary is full") {
    Vpc v = vpc("10.0.0.0/24");
    subnet(v, "subnet-a", "10.0.0.0/24");
    REQUIRE(add_vpc_cidr(v, "100.64.0.0/16").ok());
    Result<Cidr> c = next_free_subnet(v, 18);
    REQUIRE(c.ok());
    CHECK(format_cidr(*c) == "100.64.0.0/18");
}

TEST_CASE("free_subnets: several choices in order, capped") {
    Vpc v = vpc("10.0.0.0/16");
    subnet(v, "subnet-a", "10.0.1.0/24");
    CHECK(texts(free_subnets(v, 24, 3)) ==
          std::vector<std::string>{"10.0.0.0/24", "10.0.2.0/24", "10.0.3.0/24"});
    CHECK(free_subnets(v, 24, 0).empty());
    CHECK(free_subnets(v, 30, 4).empty());
    CHECK(free_subnets(v, 16, 4).empty());  // the only /16 overlaps subnet-a
}

TEST_CASE("subnet_sizes_that_fit: what is left decides") {
    Vpc v = vpc("10.0.0.0/24");
    CHECK(subnet_sizes_that_fit(v) == std::vector<int>{24, 25, 26, 27, 28});
    subnet(v, "subnet-a", "10.0.0.0/25");
    CHECK(subnet_sizes_that_fit(v) == std::vector<int>{25, 26, 27, 28});
    subnet(v, "subnet-b", "10.0.0.128/25");
    CHECK(subnet_sizes_that_fit(v).empty());
}

TEST_CASE("next_subnet_id: letters first, then numbers") {
    Vpc v = vpc("10.0.0.0/16");
    CHECK(next_subnet_id(v) == "subnet-a");
    subnet(v, "subnet-a", "10.0.0.0/24");
    subnet(v, "subnet-c", "10.0.2.0/24");
    CHECK(next_subnet_id(v) == "subnet-b");
    for (int i = 1; i < 26; ++i) {
        const std::string id = "subnet-" + std::string(1, static_cast<char>('a' + i));
        if (find_subnet(v, id) != nullptr) continue;
        subnet(v, id, "10.0." + std::to_string(10 + i) + ".0/24");
    }
    CHECK(next_subnet_id(v) == "subnet-27");
}

TEST_CASE("vpc_cidr_suggestions: RFC 6598 /16s first, only what AWS accepts") {
    Vpc v = vpc("10.0.0.0/16");
    CHECK(texts(vpc_cidr_suggestions(v, 2)) ==
          std::vector<std::string>{"100.64.0.0/16", "100.65.0.0/16"});
    REQUIRE(add_vpc_cidr(v, "100.64.0.0/16").ok());
    CHECK(texts(vpc_cidr_suggestions(v, 1)) == std::vector<std::string>{"100.65.0.0/16"});
    // 198.19.0.0/16 is never offered beside an RFC 1918 primary.
    for (const Cidr& c : vpc_cidr_suggestions(v, 100))
        CHECK(format_cidr(c) != "198.19.0.0/16");

    // A public primary may take 198.19.0.0/16.
    Vpc pub = vpc("203.0.113.0/24");
    std::vector<std::string> all = texts(vpc_cidr_suggestions(pub, 100));
    REQUIRE_FALSE(all.empty());
    CHECK(all.back() == "198.19.0.0/16");

    // The quota (5 by default) ends the list.
    for (int i = 0; i < 3; ++i) {
        std::vector<Cidr> s = vpc_cidr_suggestions(v, 1);
        REQUIRE(s.size() == 1);
        REQUIRE(add_vpc_cidr(v, format_cidr(s[0])).ok());
    }
    CHECK(v.cidrs.size() == 5);
    CHECK(vpc_cidr_suggestions(v, 4).empty());
}
