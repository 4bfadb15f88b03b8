// the_rules_test.cpp: step "the-rules" (core/steps/the_rules.h): a room filled until it is
// full, the four rules' numbers for any room size, and the knobs refusing bad values.
#include <doctest/doctest.h>

#include "event_words.h"
#include "knobs.h"
#include "steps/the_rules.h"
#include "test_support.h"

using namespace core;

TEST_CASE("the-rules opens on an empty t3.small: 3 panels x 4 slots, 3 lost, 9 desks") {
    TheRules m = make_the_rules(test_catalog());
    CHECK(m.type.name == "t3.small");
    REQUIRE(room(m) != nullptr);
    check_values(
        m, live,
        "pods=0 panels=1 maxpanels=3 ips=4 allslots=12 lost=3 deskslots=3 capacity=9 nothing=");
    check_goals(m, "full-room=0 more-panels=0 nothing=0");
}

TEST_CASE("the puzzle: desks fill the room at 9; the tenth is refused by kubelet, in words") {
    TheRules m = make_the_rules(test_catalog());
    for (int i = 0; i < 8; ++i)
        apply(m, DeskAction::AddDesk);
    CHECK_FALSE(goal_met(m, "full-room"));
    apply(m, DeskAction::AddDesk);
    CHECK(goal_met(m, "full-room"));
    CHECK(step_value(m, "panels") == "3");
    CHECK(m.message.empty());
    apply(m, DeskAction::AddDesk);
    CHECK(step_value(m, "pods") == "9");
    CHECK(m.code == ErrorCode::TooManyPods);
    const std::string words = refusal_words(m.code, *room(m));
    CHECK(has(words, "{maxpods} of 11"));
    CHECK(has(words, "11 {desks}"));
    CHECK(refusal_words(ErrorCode::InvalidParameterValue, *room(m)).empty());
    apply(m, DeskAction::RemoveDesk);
    CHECK(m.message.empty());
    CHECK(m.code == ErrorCode::None);
    CHECK_FALSE(goal_met(m, "full-room"));
    apply(m, DeskAction::StartOver);
    CHECK(step_value(m, "pods") == "0");
    CHECK(check_invariants(m.cluster).ok());
}

TEST_CASE("the rules hold for every size: allslots - one per panel = capacity") {
    const Catalog& cat = test_catalog();
    TheRules m = make_the_rules(cat);
    // The seed's four sizes, and one with more panels.
    for (const BeatRow& row : {BeatRow{"type=t3.small", "maxpanels=3 ips=4 capacity=9"},
                               BeatRow{"type=t3.large", "maxpanels=3 ips=12 capacity=33"},
                               BeatRow{"type=m5.large", "maxpanels=3 ips=10 capacity=27"},
                               BeatRow{"type=m5.xlarge", "maxpanels=4 ips=15 capacity=56"}}) {
        check_beats(m, live, {row});
        CHECK(std::stoll(step_value(m, "allslots")) - std::stoll(step_value(m, "lost")) ==
              std::stoll(step_value(m, "capacity")));
    }
    CHECK(goal_met(m, "more-panels"));  // m5.xlarge takes 4 panels
    // "pods" fills the room as far as it goes: 250 asks for more than 56.
    check_beats(m, live, {{"pods=250", "pods=56 panels=4", "full-room=1"}});
}

TEST_CASE("the-rules knobs: bad values change nothing and say why") {
    TheRules m = make_the_rules(test_catalog());
    set_knobs(m, "pods=4");
    check_bad_knobs(m,
                    {{"type=t3.smal", "t3.small"},
                     {"pods=251", "outside 0 to 250"},
                     {"panels=2", "not a knob"}},
                    &TheRules::type);
}
