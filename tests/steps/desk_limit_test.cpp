// desk_limit_test.cpp: step "desk-limit" (core/steps/desk_limit.h): the simple count, kubelet's
// exact max-pods, and the room's CPU and memory when the extensions run out (or run out first).
#include <doctest/doctest.h>

#include "knobs.h"
#include "steps/desk_limit.h"
#include "test_support.h"

using namespace core;

TEST_CASE("desk-limit opens on a full t3.small: 9 desks, max-pods 11, CPU and memory idle") {
    DeskLimit m = make_desk_limit(test_catalog());
    CHECK(m.type.name == "t3.small");
    check_values(
        m, live,
        "panels=3 ips=4 allslots=12 lost=3 capacity=9 maxpods=11 hostdesks=2 placed=9 freeexts=0");
    // 9 x 100m of 2 vCPUs, 9 x 128 MiB of 2 GiB.
    check_values(m, live, "cpupct=45 mempct=56");
    CHECK(m.limit == PodLimit::Addresses);
    CHECK_FALSE(m.exact);
    CHECK_FALSE(m.compute);
    check_goals(m, "over-50=0 cpu-first=0 nothing=0");
    CHECK(step_value(m, "nothing").empty());
    REQUIRE(room(m) != nullptr);
    CHECK(room(m)->enis.size() == 3);  // full: every panel attached
}

TEST_CASE("the seed's four sizes: simple count and kubelet's max-pods, 2 apart") {
    const Catalog& cat = test_catalog();
    DeskLimit m = make_desk_limit(cat);
    struct Want {
        BeatRow beat;
        bool over_50;
    };
    for (const Want& w : {Want{{"type=t3.small", "capacity=9 maxpods=11"}, false},
                          Want{{"type=t3.large", "capacity=33 maxpods=35"}, false},
                          Want{{"type=m5.large", "capacity=27 maxpods=29"}, false},
                          Want{{"type=m5.xlarge", "capacity=56 maxpods=58"}, true}}) {
        check_beats(m, live, {w.beat});
        CHECK(goal_met(m, "over-50") == w.over_50);
    }
}

TEST_CASE("bigger desks: the CPU runs out first and extensions stay free") {
    DeskLimit m = make_desk_limit(test_catalog());
    // Before the step looks at CPU and memory, the room shows the formula: every address.
    set_knobs(m, "cpu=250");
    CHECK(step_value(m, "placed") == "9");
    set_knobs(m, "type=m5.xlarge");
    CHECK(step_value(m, "placed") == "56");
    set_knobs(m, "type=t3.small");
    // Then 2 vCPUs hold 8 desks of 250m: 8 of the 9 desk extensions are taken, 1 stays free.
    set_knobs(m, "compute=1");
    CHECK(goal_met(m, "cpu-first"));
    CHECK(m.limit == PodLimit::Cpu);
    check_values(m, live, "placed=8 freeexts=1 cpupct=100");
    REQUIRE(room(m) != nullptr);
    CHECK(desk_count(*room(m)) == 8);
    // Memory first: 9 desks of 1 GiB do not fit in 2 GiB; 2 do.
    set_knobs(m, "cpu=10 memory=1024");
    CHECK(m.limit == PodLimit::Memory);
    CHECK(step_value(m, "placed") == "2");
    CHECK_FALSE(goal_met(m, "cpu-first"));
    // m5.large: 2 vCPUs and 27 desk addresses, so even 100m desks fill the CPU at 20.
    set_knobs(m, "memory=128 cpu=100 type=m5.large");
    CHECK(step_value(m, "placed") == "20");
    CHECK(goal_met(m, "cpu-first"));
    CHECK(check_invariants(m.cluster).ok());
}

TEST_CASE("desk-limit knobs: switches show parts; bad values change nothing and say why") {
    DeskLimit m = make_desk_limit(test_catalog());
    set_knobs(m, "exact=1 compute=1");
    CHECK(m.exact);
    CHECK(m.compute);
    check_bad_knobs(m,
                    {{"cpu=5", "outside 10 to 4000"},
                     {"memory=20000", "outside 16 to 16384"},
                     {"exact=2", "true or false"},
                     {"type=m5.huge", "m5"}},
                    &DeskLimit::type, &DeskLimit::cpu_millis, &DeskLimit::memory_mib);
}
