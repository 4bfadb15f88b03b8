// building_runs_out_test.cpp: step "building-runs-out" (core/steps/building_runs_out.h): the
// shared pool and AWS's five reserved addresses, InsufficientFreeAddressesInSubnet with desks
// waiting, a tagged second building catching new panels (subnet discovery), prefix
// delegation's aligned blocks broken up (InsufficientCidrBlocks) and the two cures.
#include <doctest/doctest.h>

#include "knobs.h"
#include "occupancy.h"
#include "steps/building_runs_out.h"
#include "test_support.h"

using namespace core;

namespace {

// The prefix-delegation picture: a /25 with scattered single addresses, two rooms.
BuildingRunsOut fragmented(const Catalog& cat) {
    BuildingRunsOut m = make_building_runs_out(cat);
    set_knobs(m, "size=25 prefix=1 scatter=1 others=12");
    return m;
}

}  // namespace

TEST_CASE("building-runs-out opens on a /28 shared by two empty t3.small rooms") {
    BuildingRunsOut m = make_building_runs_out(test_catalog());
    CHECK(m.type.name == "t3.small");
    // used 8: each room: its own address and 3 spare ones on its panel
    // maxdesks 18: kubelet's 11, less the two host-network pods, x 2
    check_values(m, live,
                 "size=28 addresses=16 usable=11 reserved=5 rooms=2 used=8 desks=0 maxdesks=18");
    // base + 2: every subnet's is reserved; the VPC's DNS answers on the VPC range's.
    check_values(m, live, "third=10.0.1.2 dns=10.0.0.2");
    CHECK(blocking_code(m).empty());
    CHECK_FALSE(goal_met(m, "desk-waits"));
    CHECK(check_invariants(m.cluster).ok());
}

TEST_CASE("the building runs dry: InsufficientFreeAddressesInSubnet, desks wait") {
    BuildingRunsOut m = make_building_runs_out(test_catalog());
    apply(m, BuildingPress::AddDesk);
    // The first desk makes ipamd ask for a spare panel: 4 numbers, 3 free. Refused.
    CHECK(blocking_code(m) == "InsufficientFreeAddressesInSubnet");
    CHECK(live(m, "waiting") == "0");
    apply(m, BuildingPress::AddDesks);
    // running 6: one panel per room: 3 slots each
    check_values(m, live, "running=6 waiting=0");
    CHECK_FALSE(goal_met(m, "desk-waits"));
    apply(m, BuildingPress::AddDesk);  // the 7th desk: no panel can be had
    // free 3: a new panel needs 4: its own number and 3 for desks
    // ask 4: the beat says so with this value: 4 asked, 3 free
    check_values(m, live, "waiting=1 free=3 ask=4");
    CHECK(goal_met(m, "desk-waits"));
    // Removing a desk frees a slot; the waiting desk goes first.
    apply(m, BuildingPress::RemoveDesk);
    check_values(m, live, "waiting=0 running=6");
    CHECK(check_invariants(m.cluster).ok());
}

TEST_CASE("a larger building holds more: the size knob replays the presses") {
    BuildingRunsOut m = make_building_runs_out(test_catalog());
    check_beats(m, live,
                {{"desks=9", "running=6 waiting=3"},
                 {"size=24", "usable=251 addresses=256 running=9 waiting=0"},
                 {"size=27", "usable=27 running=9 rooms=2"}});
    CHECK(check_invariants(m.cluster).ok());
}

TEST_CASE("subnet discovery: a tagged second building catches the new panels") {
    const Catalog& cat = test_catalog();
    BuildingRunsOut m = make_building_runs_out(cat);
    set_knobs(m, "desks=8");
    REQUIRE(live(m, "waiting") == "2");
    // An untagged building in the same zone is never used for panels.
    apply(m, BuildingPress::SecondUntagged);
    CHECK(m.second == SecondBuilding::Untagged);
    CHECK_FALSE(second_eligible(m));
    check_values(m, live, "freeb=27 waiting=2 panelsb=0");
    CHECK_FALSE(goal_met(m, "desks-served"));
    // Tagged kubernetes.io/role/cni=1: each room's next panels go there, no room replaced.
    apply(m, BuildingPress::SecondTagged);
    CHECK(second_eligible(m));
    check_values(m, live, "waiting=0 running=8 panelsb=4");
    CHECK(goal_met(m, "desks-served"));
    for (const PanelPlace& p : panel_places(m)) {
        if (p.device == 0) {
            CHECK(p.building == kBuildingA);  // the primary panel stays in the room's building
            CHECK(p.placed == Placement::NodeSubnet);
            CHECK(p.ranked.empty());
        } else {
            CHECK(p.building == kBuildingB);
            CHECK(p.placed == Placement::MostFree);
            REQUIRE(p.ranked.size() == 2);
            CHECK(p.ranked.front().subnet_id == kBuildingB);  // most free first
            CHECK(p.ranked.front().free > p.ranked.back().free);
        }
    }
    CHECK(live(m, "maxdesks") == "18");  // the desk limit is what it was: no panel lost
    CHECK(check_invariants(m.cluster).ok());
    // The knob does the same, and a setting change replays it.
    BuildingRunsOut k = make_building_runs_out(cat);
    set_knobs(k, "desks=8 second=untagged second=tagged");
    CHECK(k.cluster == m.cluster);
    set_knobs(k, "size=27");
    CHECK(live(k, "waiting") == "0");
    set_knobs(k, "second=none");
    CHECK(k.second == SecondBuilding::None);
    CHECK(find_subnet(k.cluster.vpc, kBuildingB) == nullptr);
}

TEST_CASE("prefix delegation: scattered singles break every aligned block") {
    const Catalog& cat = test_catalog();
    BuildingRunsOut m = fragmented(cat);
    CHECK(blocking_code(m) == "InsufficientCidrBlocks");
    // free 109: plenty of single numbers are free
    check_values(m, live, "freeblocks=0 free=109 brokenblocks=6");
    CHECK(goal_met(m, "blocks-refused"));
    // A beat sets its knobs in any order: numbers asked for in a /28 come when it grows.
    BuildingRunsOut other_order = make_building_runs_out(cat);
    set_knobs(other_order, "others=12 scatter=1 prefix=1 size=25");
    CHECK(other_order.cluster == m.cluster);
    // Without the scatter the same building hands out blocks.
    BuildingRunsOut packed = m;
    set_knobs(packed, "scatter=0");
    CHECK(blocking_code(packed).empty());
    CHECK_FALSE(goal_met(packed, "blocks-refused"));
    CHECK(check_invariants(m.cluster).ok());
}

TEST_CASE("the cures: a prefix reservation, or a building of the rooms' own") {
    const Catalog& cat = test_catalog();
    BuildingRunsOut m = fragmented(cat);
    set_knobs(m, "reserve=1");
    const Subnet* a = find_subnet(m.cluster.vpc, kBuildingA);
    REQUIRE(a != nullptr);
    REQUIRE(a->prefix_reservation.has_value());
    CHECK(format_cidr(*a->prefix_reservation) == "10.0.1.64/26");
    CHECK(blocking_code(m).empty());
    for (const Node& n : m.cluster.nodes) {
        REQUIRE(n.enis.front().prefixes.size() == 1);
        CHECK(cidr_contains(*a->prefix_reservation, n.enis.front().prefixes.front()));
    }
    BuildingRunsOut own = fragmented(cat);
    set_knobs(own, "dedicated=1");
    CHECK(rooms_building(own) == std::string(kBuildingC));
    CHECK(blocking_code(own).empty());
    for (const Node& n : own.cluster.nodes)
        CHECK(n.subnet_id == kBuildingC);
    CHECK(check_invariants(own.cluster).ok());
}

TEST_CASE("presses and knobs: refusals change nothing and say why") {
    const Catalog& cat = test_catalog();
    BuildingRunsOut m = make_building_runs_out(cat);
    set_knobs(m, "size=24");
    apply(m, BuildingPress::AddRoom);
    apply(m, BuildingPress::AddRoom);
    CHECK(live(m, "rooms") == "4");
    const BuildingRunsOut full = m;
    apply(m, BuildingPress::AddRoom);
    CHECK(has(m.message, "4 {rooms} at most"));
    CHECK(m.cluster == full.cluster);
    // Desks beyond every room's max-pods are refused by kubelet, not left waiting.
    BuildingRunsOut big = make_building_runs_out(cat);
    set_knobs(big, "size=24");
    for (int i = 0; i < 4; ++i)
        apply(big, BuildingPress::AddDesks);
    CHECK(live(big, "desks") == "18");
    CHECK(has(big.message, "{maxpods} (11)"));
    // Other things hold numbers, and give them back.
    apply(m, BuildingPress::OthersTake);
    CHECK(live(m, "others") == "4");
    apply(m, BuildingPress::OthersLeave);
    CHECK(live(m, "others") == "0");
    apply(m, BuildingPress::StartOver);
    CHECK(live(m, "rooms") == "2");
    CHECK(m.log.size() == 2);
    // In the full /28 other things find too few numbers: refused, nothing changes.
    set_knobs(m, "size=28");
    const BuildingRunsOut small = m;
    apply(m, BuildingPress::OthersTake);
    CHECK(has(m.message, "InsufficientFreeAddressesInSubnet"));
    CHECK(m.cluster == small.cluster);
    // Bad knobs change nothing.
    check_bad_knobs(m,
                    {{"size=29", "outside 24 to 28"},
                     {"second=maybe", "not one of"},
                     {"floors=1", "not a knob"}},
                    &BuildingRunsOut::size);
}
