// why_it_matters_test.cpp: step "why-it-matters" (core/steps/why_it_matters.h): calls inside
// the campus arrive as they are, calls leaving it are swapped by the room and the NAT gateway,
// and the settings that keep a desk's own number.
#include <doctest/doctest.h>

#include "knobs.h"
#include "steps/why_it_matters.h"
#include "test_support.h"

using namespace core;

TEST_CASE("why-it-matters opens on web-1 calling a desk in its own room, nothing swapped") {
    const WhyItMatters m = make_why_it_matters(test_catalog());
    REQUIRE(m.message.empty());
    CHECK_FALSE(m.show_settings);
    check_values(m, live,
                 "caller=web-1 own=10.0.1.5 callee=web-2 seen=10.0.1.5 roomext=10.0.1.4 "
                 "public=198.51.100.20 peer=192.168.0.0/16 hops=3 nothing=");
    CHECK_FALSE(goal_met(m, "swapped"));
}

TEST_CASE("inside the campus every callee sees web-1's own number") {
    WhyItMatters m = make_why_it_matters(test_catalog());
    for (Callee c : {Callee::SameNode, Callee::OtherNode, Callee::OtherSubnet, Callee::Rds,
                     Callee::ElastiCache}) {
        CAPTURE(callee_key(c));
        call(m, c);
        CHECK(step_value(m, "seen") == "10.0.1.5");
        CHECK_FALSE(goal_met(m, "swapped"));
        CHECK_FALSE(m.path.translated);
    }
    CHECK(step_value(m, "callee") == "ElastiCache");
}

TEST_CASE("leaving the campus: the room swaps, then the NAT gateway; the goal is met") {
    WhyItMatters m = make_why_it_matters(test_catalog());
    call(m, Callee::Peered);
    CHECK(step_value(m, "seen") == "10.0.1.4");  // room A1's main number
    check_goals(m, "swapped=1 peer-sees-desk=0");
    call(m, Callee::Internet);
    CHECK(step_value(m, "seen") == "198.51.100.20");
    CHECK(m.path.node_snat);
    CHECK(step_value(m, "hops") == "6");
}

TEST_CASE("EXTERNALSNAT, EXCLUDE_SNAT_CIDRS and own security groups keep web-1's number") {
    WhyItMatters m = make_why_it_matters(test_catalog());
    call(m, Callee::Peered);
    CallChoice c = m.choice;
    c.external_snat = true;
    choose(m, c);
    CHECK(step_value(m, "seen") == "10.0.1.5");
    CHECK(goal_met(m, "peer-sees-desk"));
    call(m, Callee::Internet);  // the NAT gateway still swaps internet calls, once
    CHECK(step_value(m, "seen") == "198.51.100.20");
    CHECK_FALSE(m.path.node_snat);

    c = m.choice;
    c.external_snat = false;
    c.exclude = SnatExclude::Peered;
    choose(m, c);
    CHECK(exclude_cidr(m, SnatExclude::Peered) == "192.168.0.0/16");
    CHECK(m.path.node_snat);  // the internet is not excluded: still swapped by the room
    call(m, Callee::Peered);
    CHECK(goal_met(m, "peer-sees-desk"));
    c = m.choice;
    c.exclude = SnatExclude::Internet;
    choose(m, c);
    CHECK(exclude_cidr(m, SnatExclude::Internet) == "203.0.113.0/24");
    CHECK_FALSE(goal_met(m, "peer-sees-desk"));

    c.exclude = SnatExclude::None;
    c.own_groups = true;  // strict mode: no swap in the room, the desk's groups apply
    choose(m, c);
    CHECK(goal_met(m, "peer-sees-desk"));
    CHECK(m.path.sg_per_pod);
    CHECK(exclude_cidr(m, SnatExclude::None).empty());
}

TEST_CASE("knobs: names from the lesson; a bad word changes nothing") {
    const Catalog& cat = test_catalog();
    WhyItMatters m = make_why_it_matters(cat);
    set_knobs(m, "callee=internet");
    CHECK(m.choice.callee == Callee::Internet);
    set_knobs(m, "externalsnat=1");
    CHECK(m.choice.external_snat);
    set_knobs(m, "exclude=peered");
    CHECK(m.choice.exclude == SnatExclude::Peered);
    set_knobs(m, "groups=1");
    CHECK(m.choice.own_groups);
    set_knobs(m, "settings=1");
    CHECK(m.show_settings);
    const WhyItMatters before = m;
    check_bad_knobs(m, {{"callee=mars", "same-room"},
                        {"externalsnat=2", "true or false"},
                        {"caller=web-2", "not a knob"}});
    CHECK(m.choice.callee == before.choice.callee);
    CHECK(m.choice.exclude == before.choice.exclude);
    CHECK(m.path.seen_source == before.path.seen_source);
    for (Callee c : {Callee::SameNode, Callee::Internet})
        CHECK(set(m, {"callee", true, 0, callee_key(c)}, cat).ok());
}

TEST_CASE("without m5.large the step says why and meets no goal") {
    Catalog empty;
    WhyItMatters m = make_why_it_matters(empty);
    CHECK_FALSE(m.message.empty());
    call(m, Callee::Internet);
    CHECK(step_value(m, "seen").empty());
    CHECK_FALSE(goal_met(m, "swapped"));
}
