// warm_pool_test.cpp: step "warm-pool" (core/steps/warm_pool.h) and the words of its event log
// (core/event_words.h): the rows of amazon-vpc-cni-k8s docs/eni-and-ip-target.md for a
// t3.small, the targets overriding each other, the pool stopping at max-pods, spares going
// back, and every event worded in campus words without an AWS term.
#include <doctest/doctest.h>

#include "event_words.h"
#include "knobs.h"
#include "steps/warm_pool.h"
#include "test_support.h"

using namespace core;

TEST_CASE("warm-pool: an empty t3.small holds 3 spare; one desk brings a second panel") {
    WarmPool m = make_warm_pool(test_catalog());
    check_values(
        m, live,
        "pods=0 panels=1 held=3 free=3 need=3 threshold=6 warmeni=1 warmprefix=1 maxpods=11");
    CHECK_FALSE(goal_met(m, "two-panels"));
    apply(m, DeskAction::AddDesk);
    CHECK(goal_met(m, "two-panels"));
    check_values(m, live, "held=6 free=5");
    CHECK_FALSE(m.fresh_eni.empty());
    // The docs' row: 5 pods, 3 ENIs, 9 secondary IPs, 4 unused.
    check_beats(m, live, {{"pods=5", "panels=3 free=4"}});
    CHECK(check_invariants(m.cluster).ok());
}

TEST_CASE("WARM_IP_TARGET overrides WARM_ENI_TARGET; MINIMUM_IP_TARGET is a floor") {
    WarmPool m = make_warm_pool(test_catalog());
    set_knobs(m, "pods=1 warmip=2");
    CHECK(goal_met(m, "lean"));
    // panels 1: the second panel went back
    check_values(m, live, "free=2 held=3 panels=1");
    // The docs' row WARM_IP_TARGET 2, MINIMUM_IP_TARGET 5, no pods: 2 ENIs, 5 IPs.
    check_beats(m, live, {{"pods=0 minip=5", "held=5 panels=2"}});
    // MINIMUM_IP_TARGET alone freezes the pool: a desk takes the last spare, none comes.
    set_knobs(m, "warmip=0 pods=5");
    CHECK(step_value(m, "free") == "0");
    REQUIRE(room(m) != nullptr);
    CHECK(pool_state(*room(m)).why.rule == PoolRule::MinimumFrozen);
    CHECK(has(pool_words(pool_state(*room(m)).why), "freezes the {pool}"));
}

TEST_CASE("prefix delegation: WARM_PREFIX_TARGET counts blocks; the pool stops at max-pods") {
    WarmPool m = make_warm_pool(test_catalog());
    // prefix=1: a new room with the same desk
    check_beats(m, live, {{"pods=1 prefix=1", "pods=1 blocks=1 held=16"}});
    set_knobs(m, "warmprefix=3");
    // 16 addresses held >= max-pods 11: no second block, whatever the target.
    CHECK(step_value(m, "blocks") == "1");
    REQUIRE(room(m) != nullptr);
    const PoolState ps = pool_state(*room(m));
    CHECK(ps.why.rule == PoolRule::AtMaxPods);
    CHECK(pool_words(ps.why) ==
          "the {pool} holds 16 {exts}, as many as the {maxpods} of 11: it grows no more");
}

TEST_CASE("spares go back: a panel leaves at (WARM_ENI_TARGET + 1) x 3 spare") {
    WarmPool m = make_warm_pool(test_catalog());
    set_knobs(m, "pods=4");
    CHECK(step_value(m, "panels") == "3");
    CHECK_FALSE(goal_met(m, "panel-back"));
    set_knobs(m, "pods=1");
    CHECK(goal_met(m, "panel-back"));
    CHECK(step_value(m, "panels") == "2");
    const Event* detach = nullptr;
    for (const Event& e : m.cluster.events)
        if (e.kind == EventKind::DetachEni) detach = &e;
    REQUIRE(detach != nullptr);
    CHECK(detach->facts.why.rule == PoolRule::EniFree);
    CHECK(event_words(*detach) ==
          "{panel} 3 went back to the {building} with its 3 {deskexts}: 6 spare {exts} >= "
          "(WARM_ENI_TARGET 1 + 1) \xC3\x97 3 = 6, and no {desk} uses it.");
}

TEST_CASE("warm-pool knobs: bad values change nothing and say why") {
    WarmPool m = make_warm_pool(test_catalog());
    set_knobs(m, "pods=2");
    check_bad_knobs(m,
                    {{"warmeni=9", "outside 0 to 8"},
                     {"prefix=2", "true or false"},
                     {"type=t3.smol", "t3.small"},
                     {"pool=1", "not a knob"}},
                    &WarmPool::config);
    // A room size keeps the desks; free 16: 2 panels x 9, 2 taken.
    check_beats(m, live, {{"type=m5.large", "pods=2 free=16"}});
}

TEST_CASE("every event of a busy room reads in campus words with no AWS term left") {
    const Lessons& lessons = test_lessons();
    WarmPool m = make_warm_pool(test_catalog());
    set_knobs(m, "pods=6 warmip=2 minip=4 pods=0 warmeni=0 warmip=0 minip=0 prefix=1 pods=12");
    CHECK(has(m.message, "max-pods"));
    int worded = 0;
    for (const Event& e : m.cluster.events) {
        const std::string campus =
            render_terms(lessons, event_headline(e) + " " + event_words(e), Terms::Analogy);
        const std::string aws =
            render_terms(lessons, event_headline(e) + " " + event_words(e), Terms::Aws);
        INFO(event_kind_name(e.kind) << ": " << campus);
        CHECK(campus.find('{') == std::string::npos);
        for (const char* term :
             {"ENI", "IP", "pod", "node", "subnet", "ipamd", "max-pods", "prefix", "eni-"})
            CHECK_FALSE(has(campus, std::string(" ") + term));
        for (const char* word : {"panel", "desk", "extension", "room", "receptionist"})
            CHECK_FALSE(has(aws, std::string(" ") + word));
        if (!event_words(e).empty()) ++worded;
    }
    CHECK(worded >= 10);
    CHECK(event_kind("no-such-kind") == EventKind::Other);
    CHECK(event_headline(Event{0, "", EventKind::Other, "x", ErrorCode::None, {}}) == "other");
}

TEST_CASE("a warm-pool setting set to what it is already records nothing") {
    WarmPool m = make_warm_pool(test_catalog());
    const size_t events = m.cluster.events.size();
    set_knobs(m, "warmeni=1");
    CHECK(m.cluster.events.size() == events);
    set_knobs(m, "warmeni=2");
    CHECK(m.cluster.events.size() > events);
}
