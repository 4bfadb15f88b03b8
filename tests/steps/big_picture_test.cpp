// big_picture_test.cpp: step "big-picture" (core/steps/big_picture.h): one call stepped hop
// by hop through an overlay and through the VPC CNI, and what each callee sees.
#include <doctest/doctest.h>

#include "knobs.h"
#include "steps/big_picture.h"
#include "steps/campus.h"
#include "test_support.h"

using namespace core;

TEST_CASE("big-picture opens on web-1 calling a desk in room A2, at the caller") {
    const BigPicture m = make_big_picture(test_catalog());
    REQUIRE(m.message.empty());
    CHECK(m.call == BigPictureCall::ToDesk);
    CHECK(m.hop == 0);
    CHECK_FALSE(arrived(m));
    CHECK_FALSE(goal_met(m, "desk-call-arrived"));
    check_values(m, live, "caller=web-1 callee=api-1 hop=1 hops=5");
    // The overlay's desk has a private number; the room keeps its building number.
    check_values(m, live, "overlaydesk=172.16.0.2 overlayrange=172.16.0.0/16 overlayroom=10.0.1.4");
    // The VPC CNI's desk has a real number of building A.
    check_values(m, live, "vpcdesk=10.0.1.5 vpcbuilding=10.0.1.0/24");
    // Desk to desk: both callees see the caller's own number (wrapped, not swapped).
    check_values(m, live, "overlayseen=172.16.0.2 vpcseen=10.0.1.5 nothing=");
}

TEST_CASE("Step moves both calls one hop at a time until they arrive") {
    BigPicture m = make_big_picture(test_catalog());
    for (int i = 0; i < 3; ++i)
        apply(m, BigPictureAction::Step);
    CHECK(m.hop == 3);
    CHECK_FALSE(goal_met(m, "desk-call-arrived"));
    apply(m, BigPictureAction::Step);
    CHECK(arrived(m));
    check_goals(m, "desk-call-arrived=1 database-call-arrived=0");
    apply(m, BigPictureAction::Step);  // nothing further once arrived
    CHECK(m.hop == 4);
    apply(m, BigPictureAction::StepBack);
    CHECK(m.hop == 3);
    apply(m, BigPictureAction::StartOver);
    CHECK(m.hop == 0);
    apply(m, BigPictureAction::StepBack);
    CHECK(m.hop == 0);
    // The overlay wraps at the switchboard; the VPC CNI leaves through the panel unchanged.
    const TrafficPath& ov = shown_call(m, m.overlay);
    const TrafficPath& vp = shown_call(m, m.vpc);
    CHECK(ov.encapsulated);
    CHECK(ov.hops[1].kind == HopKind::Node);
    CHECK_FALSE(ov.hops[1].change.empty());
    CHECK_FALSE(vp.encapsulated);
    CHECK(vp.hops[1].kind == HopKind::Eni);
    CHECK(vp.hops[1].change.empty());
}

TEST_CASE("the call to the database: the overlay's switchboard swaps in the room's number") {
    BigPicture m = make_big_picture(test_catalog());
    apply(m, BigPictureAction::Step);
    apply(m, BigPictureAction::CallDatabase);
    CHECK(m.hop == 0);  // a new callee starts the call over
    // overlayseen 10.0.1.4: room A1, not the desk
    // vpcseen 10.0.1.5: the desk itself
    check_values(m, live, "callee=RDS hops=4 overlayseen=10.0.1.4 vpcseen=10.0.1.5");
    for (int i = 0; i < 3; ++i)
        apply(m, BigPictureAction::Step);
    check_goals(m, "database-call-arrived=1 desk-call-arrived=0");
    CHECK(side_hop(m, m.overlay) == 3);
    CHECK(side_hop(m, m.vpc) == 3);
}

TEST_CASE("knobs: call and hop; a hop past the end or a bad word changes nothing") {
    const Catalog& cat = test_catalog();
    BigPicture m = make_big_picture(cat);
    set_knobs(m, "hop=2");
    CHECK(m.hop == 2);
    set_knobs(m, "call=database");
    CHECK(m.call == BigPictureCall::ToDatabase);
    CHECK(m.hop == 0);
    const BigPicture before = m;
    Status past = set(m, {"hop", false, 4, {}}, cat);
    REQUIRE_FALSE(past.ok());
    CHECK(has(past.error().message, "0 to 3"));
    check_bad_knobs(m, {{"call=internet", "desk, database"}, {"floor=1", "not a knob"}});
    CHECK(m.hop == before.hop);
    CHECK(m.call == before.call);
}

TEST_CASE("without m5.large in the catalog the step says why and shows nothing") {
    Catalog empty;
    const BigPicture m = make_big_picture(empty);
    CHECK_FALSE(m.message.empty());
    CHECK(step_value(m, "vpcdesk").empty());
    CHECK_FALSE(goal_met(m, "desk-call-arrived"));
    CHECK_FALSE(traffic_campuses(empty).ok());
}

TEST_CASE("the two sides are one campus: the overlay's rooms have the VPC CNI's room numbers") {
    Result<TrafficCampuses> t = traffic_campuses(test_catalog());
    REQUIRE(t.ok());
    const std::vector<Node>& vpc = t->vpc.cluster.nodes;
    const std::vector<Node>& overlay = t->overlay.cluster.nodes;
    REQUIRE(vpc.size() == overlay.size());
    for (size_t i = 0; i < vpc.size(); ++i) {
        INFO(vpc[i].name);
        CHECK(overlay[i].enis.front().primary_ip == vpc[i].enis.front().primary_ip);
        CHECK(overlay[i].enis.size() == 1);  // still no ENI or address for desks
    }
    // So no number is a room on one side and a desk on the other.
    for (const PodRef& desk : t->vpc.pods) {
        for (const Node& room : overlay) {
            INFO(desk.name << " and " << room.name);
            CHECK(desk.ip != room.enis.front().primary_ip);
        }
    }
    CHECK(check_invariants(t->overlay.cluster).ok());
}
