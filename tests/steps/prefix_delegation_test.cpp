// prefix_delegation_test.cpp: step "prefix-delegation" (core/steps/prefix_delegation.h):
// slots turn into /28 blocks, the node group kind decides kubelet's max-pods, max-pods set by
// hand lets the room use its blocks.
#include <doctest/doctest.h>

#include "knobs.h"
#include "steps/prefix_delegation.h"
#include "test_support.h"

using namespace core;

TEST_CASE("prefix-delegation opens on a full self-managed t3.small without prefixes") {
    PrefixDelegation m = make_prefix_delegation(test_catalog());
    REQUIRE(room(m) != nullptr);
    check_values(m, live,
                 "type=t3.small pods=9 running=9 refused=0 podips=9 podipsoff=9 podipson=144 "
                 "formula=11 formulaon=146 maxpods=11 seed=189 blocks=0 nosuch=");
    check_goals(m, "pd-on=0 all-run=0");
}

TEST_CASE("switching prefix delegation on: blocks, 144 addresses, but max-pods stays 11") {
    PrefixDelegation m = make_prefix_delegation(test_catalog());
    apply(m, PrefixDelegationAction::SwitchOn);
    CHECK(goal_met(m, "pd-on"));
    // blocks 1: nine desks fit in one /28
    check_values(m, live, "podips=144 formula=146 blocks=1 held=16");
    // The classic surprise: a self-managed node keeps nodeadm's 11, so a tenth desk is refused.
    CHECK(live(m, "maxpods") == "11");
    apply(m, PrefixDelegationAction::AddDesk);
    check_values(m, live, "pods=10 running=9 refused=1");
    CHECK_FALSE(goal_met(m, "all-run"));
    // Removing a desk takes the refused one first.
    apply(m, PrefixDelegationAction::RemoveDesk);
    check_values(m, live, "refused=0 running=9");
    apply(m, PrefixDelegationAction::RemoveDesk);
    CHECK(live(m, "running") == "8");
    CHECK(check_invariants(m.cluster).ok());
}

TEST_CASE("the node group kind decides max-pods: managed gets the calculator's capped value") {
    PrefixDelegation m = make_prefix_delegation(test_catalog());
    set_knobs(m, "pd=1 pods=20");
    CHECK(live(m, "running") == "9");
    check_beats(m, live,
                {{"nodegroup=managed", "maxpods=110 managed=110 cap=110 running=20", "all-run=1"}});
    // Without prefix delegation a managed node gets the formula's 11 as well.
    apply(m, PrefixDelegationAction::SwitchOff);
    check_values(m, live, "maxpods=11 running=9 refused=11");
}

TEST_CASE("max-pods set by hand on a self-managed room lets the desks in; default again") {
    PrefixDelegation m = make_prefix_delegation(test_catalog());
    check_beats(m, live, {{"pd=1 pods=30 maxpods=22", "maxpods=22 running=20 refused=10"}});
    CHECK_FALSE(goal_met(m, "all-run"));  // ten are still refused
    apply(m, PrefixDelegationAction::RemoveDesk);
    set_knobs(m, "pods=20");
    CHECK(goal_met(m, "all-run"));
    CHECK(live(m, "recommended") == "110");
    apply(m, PrefixDelegationAction::DefaultMaxPods);
    check_values(m, live, "maxpods=11 running=9");
    // Off again with max-pods raised: only 9 addresses, so the admitted desks beyond wait.
    set_knobs(m, "maxpods=22");
    apply(m, PrefixDelegationAction::SwitchOff);
    check_values(m, live, "pods=20 running=9 waiting=11 refused=0");
    apply(m, PrefixDelegationAction::Recommended);  // the calculator's 110 with prefixes
    CHECK(live(m, "maxpods") == "110");
    CHECK(check_invariants(m.cluster).ok());
}

TEST_CASE("on a Xen room the switch changes nothing; a multi-card room counts card 0 only") {
    PrefixDelegation m = make_prefix_delegation(test_catalog());
    set_knobs(m, "type=m4.large pd=1");
    CHECK_FALSE(goal_met(m, "pd-on"));
    check_values(m, live, "podips=18 blocks=0");
    check_beats(
        m, live,
        {{"type=p5.48xlarge", "cards=32 cardenis=64 enis=2 nodeadm=100 vcpus=192 cap=250"}});
}

TEST_CASE("a bad knob value says why and changes nothing; start over keeps the room size") {
    PrefixDelegation m = make_prefix_delegation(test_catalog());
    set_knobs(m, "type=m5.large");
    check_bad_knobs(m,
                    {{"type=m5.lrage", "m5.large"},
                     {"nodegroup=fargate", "self-managed"},
                     {"maxpods=1", "outside"},
                     {"pods=251", "outside"}},
                    &PrefixDelegation::type);
    set_knobs(m, "pd=1");
    apply(m, PrefixDelegationAction::StartOver);
    check_values(m, live, "type=m5.large pods=9");
    CHECK_FALSE(goal_met(m, "pd-on"));
}
