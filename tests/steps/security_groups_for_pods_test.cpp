// security_groups_for_pods_test.cpp: step "security-groups-for-pods"
// (core/steps/security_groups_for_pods.h): the trunk ENI's exact cost in pod addresses, desks
// with their own security groups on branch ENIs, both kinds counted against max-pods, and no
// trunk at all on the t family.
#include <doctest/doctest.h>

#include "knobs.h"
#include "steps/security_groups_for_pods.h"
#include "test_support.h"

using namespace core;

TEST_CASE("security-groups-for-pods opens on an m5.large without a trunk") {
    SecurityGroupsForPods m = make_security_groups_for_pods(test_catalog());
    REQUIRE(room(m) != nullptr);
    check_values(m, live,
                 "type=m5.large running=6 podips=27 podipsoff=27 trunkcost=9 trunkcostpd=144 "
                 "branches=9 maxpods=29 nosuch=");
    CHECK_FALSE(goal_met(m, "own-sg"));
    // Without the trunk a desk cannot have its own security groups.
    apply(m, SecurityGroupsForPodsAction::AddOwnGroups);
    check_values(m, live, "sgrunning=0 refused=1");
    CHECK_FALSE(goal_met(m, "own-sg"));
}

TEST_CASE("the trunk takes a panel: 27 -> 18 desk addresses; a desk gets its own groups") {
    SecurityGroupsForPods m = make_security_groups_for_pods(test_catalog());
    apply(m, SecurityGroupsForPodsAction::SwitchOn);
    const Node* n = room(m);
    REQUIRE(n != nullptr);
    int trunks = 0;
    for (const Eni& e : n->enis)
        trunks += e.trunk ? 1 : 0;
    CHECK(trunks == 1);
    // maxpods 29: no AWS source lowers it for the trunk
    check_values(m, live, "podips=18 maxpods=29 managed=29");
    apply(m, SecurityGroupsForPodsAction::AddOwnGroups);
    CHECK(goal_met(m, "own-sg"));
    check_values(m, live, "sgrunning=1 running=6");
    apply(m, SecurityGroupsForPodsAction::RemoveOwnGroups);
    CHECK_FALSE(goal_met(m, "own-sg"));
    CHECK(check_invariants(m.cluster).ok());
}

TEST_CASE("a full room: 27 admitted for 18 addresses, 9 wait; 9 on branches and none waits") {
    SecurityGroupsForPods m = make_security_groups_for_pods(test_catalog());
    check_beats(
        m, live,
        {{"podeni=1 pods=27", "admitted=27 running=18 waiting=9 waitingfull=9", "full-no-wait=0"},
         // refused 9: kubelet counts the branch desks too: 27 in all
         {"sgpods=9", "sgrunning=9 running=18 refused=9 waiting=0", "full-no-wait=1"},
         {"pods=18", "waiting=0 refused=0", "full-no-wait=1"}});
    // A tenth desk with its own groups finds no branch ENI left.
    apply(m, SecurityGroupsForPodsAction::AddOwnGroups);
    check_values(m, live, "sgrunning=9 refused=1");
    CHECK(check_invariants(m.cluster).ok());
}

TEST_CASE("the t family has no branch ENIs: the switch attaches no trunk") {
    SecurityGroupsForPods m = make_security_groups_for_pods(test_catalog());
    set_knobs(m, "type=t3.large podeni=1");
    for (const Eni& e : room(m)->enis)
        CHECK_FALSE(e.trunk);
    check_values(m, live, "podips=33 branches=0 trunkcost=0");
    set_knobs(m, "sgpods=1");
    CHECK_FALSE(goal_met(m, "own-sg"));
}

TEST_CASE("bad knob values change nothing; start over keeps the room size") {
    SecurityGroupsForPods m = make_security_groups_for_pods(test_catalog());
    check_bad_knobs(
        m,
        {{"type=m5.lrage", "m5.large"}, {"sgpods=121", "outside"}, {"podeni=2", "true or false"}});
    set_knobs(m, "type=c5.large");
    apply(m, SecurityGroupsForPodsAction::SwitchOn);
    apply(m, SecurityGroupsForPodsAction::AddDesk);
    apply(m, SecurityGroupsForPodsAction::StartOver);
    check_values(m, live, "type=c5.large pods=6");
    CHECK_FALSE(m.pod_eni);
}
