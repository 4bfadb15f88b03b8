// desk_limit_test.cpp: step "desk-limit" (core/steps/desk_limit.h): the simple count, kubelet's
// exact max-pods, and the room's CPU and memory when the extensions run out (or run out first).
#include <doctest/doctest.h>

#include "steps/desk_limit.h"
#include "test_support.h"

using namespace core;

TEST_CASE("desk-limit opens on a full t3.small: 9 desks, max-pods 11, CPU and memory idle") {
    DeskLimit m = make_desk_limit(test_catalog());
    CHECK(m.type.name == "t3.small");
    check_values(
        m, desk_limit_value,
        "panels=3 ips=4 allslots=12 lost=3 capacity=9 maxpods=11 hostdesks=2 placed=9 freeexts=0");
    // 9 x 100m of 2 vCPUs, 9 x 128 MiB of 2 GiB.
    check_values(m, desk_limit_value, "cpupct=45 mempct=56");
    CHECK(m.limit == PodLimit::Addresses);
    CHECK_FALSE(m.exact);
    CHECK_FALSE(m.compute);
    CHECK_FALSE(goal_met(m, "over-50"));
    CHECK_FALSE(goal_met(m, "cpu-first"));
    CHECK_FALSE(goal_met(m, "nothing"));
    CHECK(desk_limit_value(m, "nothing").empty());
    REQUIRE(room(m) != nullptr);
    CHECK(room(m)->enis.size() == 3);  // full: every panel attached
}

TEST_CASE("the seed's four sizes: simple count and kubelet's max-pods, 2 apart") {
    const Catalog& cat = test_catalog();
    DeskLimit m = make_desk_limit(cat);
    struct Want {
        const char* type;
        const char* capacity;
        const char* maxpods;
        bool over_50;
    };
    for (const Want& w :
         {Want{"t3.small", "9", "11", false}, Want{"t3.large", "33", "35", false},
          Want{"m5.large", "27", "29", false}, Want{"m5.xlarge", "56", "58", true}}) {
        INFO(w.type);
        REQUIRE(set(m, {"type", true, 0, w.type}, cat).ok());
        CHECK(desk_limit_value(m, "capacity") == w.capacity);
        CHECK(desk_limit_value(m, "maxpods") == w.maxpods);
        CHECK(goal_met(m, "over-50") == w.over_50);
    }
}

TEST_CASE("bigger desks: the CPU runs out first and extensions stay free") {
    const Catalog& cat = test_catalog();
    DeskLimit m = make_desk_limit(cat);
    // Before the step looks at CPU and memory, the room shows the formula: every address.
    REQUIRE(set(m, {"cpu", false, 250, {}}, cat).ok());
    CHECK(desk_limit_value(m, "placed") == "9");
    REQUIRE(set(m, {"type", true, 0, "m5.xlarge"}, cat).ok());
    CHECK(desk_limit_value(m, "placed") == "56");
    REQUIRE(set(m, {"type", true, 0, "t3.small"}, cat).ok());
    // Then 2 vCPUs hold 8 desks of 250m: 8 of the 9 desk extensions are taken, 1 stays free.
    REQUIRE(set(m, {"compute", false, 1, {}}, cat).ok());
    CHECK(goal_met(m, "cpu-first"));
    CHECK(m.limit == PodLimit::Cpu);
    check_values(m, desk_limit_value, "placed=8 freeexts=1 cpupct=100");
    REQUIRE(room(m) != nullptr);
    CHECK(desk_count(*room(m)) == 8);
    // Memory first: 9 desks of 1 GiB do not fit in 2 GiB; 2 do.
    REQUIRE(set(m, {"cpu", false, 10, {}}, cat).ok());
    REQUIRE(set(m, {"memory", false, 1024, {}}, cat).ok());
    CHECK(m.limit == PodLimit::Memory);
    CHECK(desk_limit_value(m, "placed") == "2");
    CHECK_FALSE(goal_met(m, "cpu-first"));
    // m5.large: 2 vCPUs and 27 desk addresses, so even 100m desks fill the CPU at 20.
    REQUIRE(set(m, {"memory", false, 128, {}}, cat).ok());
    REQUIRE(set(m, {"cpu", false, 100, {}}, cat).ok());
    REQUIRE(set(m, {"type", true, 0, "m5.large"}, cat).ok());
    CHECK(desk_limit_value(m, "placed") == "20");
    CHECK(goal_met(m, "cpu-first"));
    CHECK(check_invariants(m.cluster).ok());
}

TEST_CASE("desk-limit knobs: switches show parts; bad values change nothing and say why") {
    const Catalog& cat = test_catalog();
    DeskLimit m = make_desk_limit(cat);
    REQUIRE(set(m, {"exact", false, 1, {}}, cat).ok());
    REQUIRE(set(m, {"compute", false, 1, {}}, cat).ok());
    CHECK(m.exact);
    CHECK(m.compute);
    const DeskLimit before = m;
    CHECK(has(set(m, {"cpu", false, 5, {}}, cat).error().message, "outside 10 to 4000"));
    CHECK(has(set(m, {"memory", false, 20000, {}}, cat).error().message, "outside 16 to 16384"));
    CHECK(has(set(m, {"exact", false, 2, {}}, cat).error().message, "true or false"));
    CHECK(has(set(m, {"type", true, 0, "m5.huge"}, cat).error().message, "m5"));
    CHECK(m.type == before.type);
    CHECK(m.cpu_millis == before.cpu_millis);
    CHECK(m.memory_mib == before.memory_mib);
    CHECK(m.cluster == before.cluster);
}
