// custom_networking_test.cpp: step "custom-networking" (core/steps/custom_networking.h): the
// switch changes no running room, a new room takes desks' addresses from the ENIConfig's
// building, and whether desks wait in ContainerCreating is computed from kubelet's max-pods
// and the room's pod addresses.
#include <doctest/doctest.h>

#include "knobs.h"
#include "steps/custom_networking.h"
#include "test_support.h"

using namespace core;

namespace {

// The subnet each running desk's address comes from.
std::vector<std::string> desk_subnets(const CustomNetworking& m) {
    std::vector<std::string> out;
    for (const Pod& p : room(m)->pods)
        out.push_back(find_eni(*room(m), p.eni_id)->subnet_id);
    return out;
}

}  // namespace

TEST_CASE("custom-networking opens on an m5.large whose desks use the room's building") {
    CustomNetworking m = make_custom_networking(test_catalog());
    REQUIRE(room(m) != nullptr);
    CHECK(room(m)->name == "node-1");
    check_values(m, live, "type=m5.large running=6 podips=27 maxpods=29");
    for (const std::string& s : desk_subnets(m))
        CHECK(s == kRoomSubnet);
    CHECK_FALSE(room_is_stale(m));
    CHECK_FALSE(goal_met(m, "desks-elsewhere"));
}

TEST_CASE("the switch changes no running room; a new room puts desks in Building P") {
    CustomNetworking m = make_custom_networking(test_catalog());
    const Cluster before = m.cluster;
    apply(m, CustomNetworkingAction::SwitchOn);
    CHECK(m.cluster == before);
    CHECK(room_is_stale(m));
    CHECK_FALSE(goal_met(m, "desks-elsewhere"));
    apply(m, CustomNetworkingAction::ReplaceRoom);
    REQUIRE(room(m) != nullptr);
    CHECK(room(m)->name == "node-2");
    CHECK_FALSE(room_is_stale(m));
    CHECK(goal_met(m, "desks-elsewhere"));
    CHECK(live(m, "running") == "6");
    for (const std::string& s : desk_subnets(m))
        CHECK(s == "subnet-pods");
    // The first panel keeps the room's own address in Building A and carries no desks.
    CHECK(room(m)->enis.front().subnet_id == kRoomSubnet);
    CHECK(room(m)->enis.front().ips.empty());
    check_values(m, live, "podips=18 podipsplain=27 formula=20");
    CHECK(check_invariants(m.cluster).ok());
    // A new room of the same layout keeps the name; the switch off again needs a new one.
    REQUIRE(set(m, {"pods", false, 8, {}}, test_catalog()).ok());
    CHECK(room(m)->name == "node-2");
    apply(m, CustomNetworkingAction::SwitchOff);
    apply(m, CustomNetworkingAction::ReplaceRoom);
    CHECK(room(m)->name == "node-3");
    CHECK_FALSE(goal_met(m, "desks-elsewhere"));
}

TEST_CASE("an ENIConfig building in another zone is refused and changes nothing") {
    CustomNetworking m = make_custom_networking(test_catalog());
    const Status st = choose_eniconfig(m, 2);
    REQUIRE_FALSE(st.ok());
    CHECK(has(st.error().message, "availability zone"));
    CHECK(has(m.message, "availability zone"));
    CHECK(m.eniconfig == 0);
    check_bad_knobs(m, {{"eniconfig=subnet-pods-b", "zone"}});
    CHECK(m.eniconfig == 0);
    REQUIRE(choose_eniconfig(m, 1).ok());  // Building B, 10.0.2.0/24 in the room's zone
    CHECK(m.message.empty());
    apply(m, CustomNetworkingAction::SwitchOn);
    apply(m, CustomNetworkingAction::ReplaceRoom);
    for (const std::string& s : desk_subnets(m))
        CHECK(s == "subnet-b");
    CHECK_FALSE(choose_eniconfig(m, 3).ok());
}

TEST_CASE("self-managed: kubelet admits 27 for 18 addresses, 9 wait; max-pods 20 fixes it") {
    CustomNetworking m = make_custom_networking(test_catalog());
    check_beats(m, live,
                {{"custom=1 pods=30",
                  "maxpods=29 admitted=27 running=18 waiting=9 refused=3 waitingfull=9"}});
    CHECK_FALSE(goal_met(m, "none-waiting"));
    apply(m, CustomNetworkingAction::FormulaMaxPods);
    check_values(m, live, "maxpods=20 running=18 waiting=0 refused=12 waitingfull=0");
    CHECK(goal_met(m, "none-waiting"));
    // Fewer desks than addresses is no fix: the goal asks for the full room.
    apply(m, CustomNetworkingAction::DefaultMaxPods);
    set_knobs(m, "pods=18");
    CHECK(live(m, "waiting") == "0");
    CHECK_FALSE(goal_met(m, "none-waiting"));
}

TEST_CASE("nothing waits on a managed node, or with prefix delegation; c5.18xlarge beyond 686") {
    CustomNetworking m = make_custom_networking(test_catalog());
    check_beats(m, live,
                {{"custom=1 pods=30 nodegroup=managed", "maxpods=20 waiting=0", "none-waiting=1"}});
    check_beats(m, live,
                {{"nodegroup=self-managed pd=1",
                  "podips=288 maxpods=29 running=27 waiting=0 waitingfull=0"}});
    CHECK(goal_met(m, "none-waiting"));
    // A big room waits too, but only beyond its 686 addresses (kubelet admits 735).
    check_beats(m, live, {{"pd=0 type=c5.18xlarge", "podips=686 maxpods=737 waitingfull=49"}});
    CHECK(check_invariants(m.cluster).ok());
}

TEST_CASE("desks come and go; bad knobs change nothing; start over keeps the size") {
    CustomNetworking m = make_custom_networking(test_catalog());
    apply(m, CustomNetworkingAction::AddTenDesks);
    check_values(m, live, "pods=16 running=16");
    apply(m, CustomNetworkingAction::AddTenDesks);
    CHECK(live(m, "running") == "26");
    apply(m, CustomNetworkingAction::AddTenDesks);  // kubelet admits 27 of 36
    check_values(m, live, "running=27 refused=9");
    apply(m, CustomNetworkingAction::RemoveDesk);
    CHECK(live(m, "refused") == "8");
    check_bad_knobs(m,
                    {{"type=m5.lrage", "m5.large"},
                     {"eniconfig=subnet-x", "not one of"},
                     {"pods=301", "outside"}},
                    &CustomNetworking::generation);
    set_knobs(m, "type=t3.large");
    apply(m, CustomNetworkingAction::SwitchOn);
    apply(m, CustomNetworkingAction::StartOver);
    check_values(m, live, "type=t3.large pods=6");
    CHECK_FALSE(m.custom);
    CHECK_FALSE(room_is_stale(m));
}
