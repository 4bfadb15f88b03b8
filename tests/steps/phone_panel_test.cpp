// phone_panel_test.cpp: step "phone-panel" (core/steps/phone_panel.h): the simple picture of
// desks taking slots, panels attached only when full, kubelet refusing at max-pods.
#include <doctest/doctest.h>

#include "knobs.h"
#include "steps/phone_panel.h"
#include "test_support.h"

using namespace core;

TEST_CASE("phone-panel opens on an empty t3.small with one panel") {
    PhonePanel m = make_phone_panel(test_catalog());
    CHECK(m.type.name == "t3.small");
    REQUIRE(room(m) != nullptr);
    check_values(m, live, "pods=0 panels=1 maxpanels=3 ips=4 deskslots=3 capacity=9 maxpods=11");
    CHECK_FALSE(goal_met(m, "second-panel"));
}

TEST_CASE("a second panel comes when the first is full (the simple picture)") {
    PhonePanel m = make_phone_panel(test_catalog());
    for (int i = 0; i < 2; ++i)
        apply(m, DeskAction::AddDesk);
    CHECK(step_value(m, "panels") == "1");
    CHECK_FALSE(goal_met(m, "second-panel"));
    apply(m, DeskAction::AddDesk);  // the third desk takes the first panel's last slot
    CHECK(step_value(m, "panels") == "2");
    CHECK(goal_met(m, "second-panel"));
    CHECK_FALSE(m.fresh_eni.empty());  // the panel this press attached, for the view to flash
    apply(m, DeskAction::AddDesk);
    CHECK(m.fresh_eni.empty());
    CHECK(step_value(m, "panels") == "2");
    // No panel comes and goes in a loop: each press attaches at most one, and none leaves.
    for (const Event& e : m.cluster.events)
        CHECK(e.kind != EventKind::DetachEni);
    CHECK(check_invariants(m.cluster).ok());
}

TEST_CASE("the room fills at 9 desks and kubelet refuses the tenth; removing frees a slot") {
    PhonePanel m = make_phone_panel(test_catalog());
    for (int i = 0; i < 9; ++i)
        apply(m, DeskAction::AddDesk);
    CHECK(goal_met(m, "full-room"));
    CHECK(step_value(m, "panels") == "3");
    CHECK(m.message.empty());
    apply(m, DeskAction::AddDesk);
    CHECK(has(m.message, "max-pods"));
    CHECK(step_value(m, "pods") == "9");
    apply(m, DeskAction::RemoveDesk);
    CHECK(m.message.empty());
    CHECK(step_value(m, "pods") == "8");
    apply(m, DeskAction::StartOver);
    CHECK(step_value(m, "pods") == "0");
    CHECK(m.type.name == "t3.small");
}

TEST_CASE("knobs: a room size rebuilds the room empty, pods rebuilds it with that many") {
    PhonePanel m = make_phone_panel(test_catalog());
    check_beats(m, live,
                {{"type=m5.large", "capacity=27 pods=0"},
                 // panels 2: 9 slots each: 10 desks need two panels
                 {"pods=10", "pods=10 panels=2"}});
    // A bad size or knob changes nothing and says why.
    check_bad_knobs(m, {{"type=m5.lrage", "m5.large"}, {"floor=1", "not a knob"}},
                    &PhonePanel::type);
}
