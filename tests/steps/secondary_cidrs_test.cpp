// secondary_cidrs_test.cpp: step "secondary-cidrs" (core/steps/secondary_cidrs.h): the address
// bar, AWS's rules checked as the learner tries blocks, the campus growing, new buildings.
#include <doctest/doctest.h>

#include "knobs.h"
#include "steps/secondary_cidrs.h"
#include "steps/steps.h"
#include "test_support.h"

using namespace core;

namespace {

Setting number(const char* name, long long n) {
    return Setting{name, false, n, {}};
}
Setting word(const char* name, const char* text) {
    return Setting{name, true, 0, text};
}

}  // namespace

TEST_CASE("secondary-cidrs opens on a full 10.0.0.0/16 and 100.64.0.0/10 on the bar") {
    const SecondaryCidrs m = make_secondary_cidrs();
    // usable 65,516: 4 x (16,384 - 5)
    check_values(m, live,
                 "primary=10.0.0.0/16 buildings=4 candidate=100.64.0.0/10 size=4,194,304 "
                 "total=65,536 blocks=1 quota=5 left=4 usable=65,516 nothing=");
    CHECK(verdict(m).refusal == CidrRefusal::TooLarge);
    CHECK(building_block(m) == nullptr);  // the primary is full of buildings
    CHECK_FALSE(goal_met(m, "grow"));
}

TEST_CASE("the bar: prefix and octets; host bits are cleared in the block, kept on the bar") {
    SecondaryCidrs m = make_secondary_cidrs();
    const Catalog& cat = test_catalog();
    REQUIRE(set(m, number("prefix", 16), cat).ok());
    check_values(m, live, "candidate=100.64.0.0/16 first=100.64.0.0 last=100.64.255.255");
    CHECK(verdict(m).refusal == CidrRefusal::None);
    REQUIRE(set_octet(m, 2, 77).ok());
    CHECK(octet(m, 2) == 77);
    CHECK(step_value(m, "candidate") == "100.64.0.0/16");  // .77 is a host bit
    REQUIRE(set(m, number("prefix", 24), cat).ok());
    CHECK(step_value(m, "candidate") == "100.64.77.0/24");
    CHECK(address_bit(m, 1));        // 100 = 0b01100100: bit 1 set
    CHECK_FALSE(address_bit(m, 0));  // bit 0 clear
    // Bad input is refused and changes nothing.
    const SecondaryCidrs before = m;
    CHECK(has(set_octet(m, 1, 256).error().message, "256 is not an octet"));
    CHECK_FALSE(set_octet(m, 4, 1).ok());
    CHECK(has(set(m, number("prefix", 31), cat).error().message, "31 is outside 8 to 30"));
    CHECK(has(set(m, word("address", "100.64.0"), cat).error().message, "100.64.0"));
    CHECK(step_value(m, "candidate") == step_value(before, "candidate"));
    REQUIRE(set(m, word("address", "198.19.0.0"), cat).ok());
    CHECK(octet(m, 0) == 198);
}

TEST_CASE("Add: 100.64.0.0/16 grows the campus; refusals change nothing and are remembered") {
    SecondaryCidrs m = make_secondary_cidrs();
    const Catalog& cat = test_catalog();
    apply(m, SecondaryCidrsAction::Add);  // /10: too large
    CHECK(has(m.message, "too large"));
    REQUIRE(m.tried.size() == 1);
    CHECK(m.tried[0].verdict.refusal == CidrRefusal::TooLarge);
    CHECK(goal_met(m, "refused"));
    CHECK(step_value(m, "blocks") == "1");
    REQUIRE(set(m, number("prefix", 16), cat).ok());
    apply(m, SecondaryCidrsAction::Add);
    CHECK(m.message.empty());
    check_values(m, live, "total=131,072 newest=100.64.0.0/16");
    check_goals(m, "grow=1 rfc6598=1");
    CHECK(verdict(m).refusal == CidrRefusal::Duplicate);  // the bar still holds it
    for (const char* a : {"198.19.0.0", "169.254.0.0", "192.168.0.0", "172.31.0.0"}) {
        REQUIRE(set(m, word("address", a), cat).ok());
        const Vpc before = m.vpc;
        apply(m, SecondaryCidrsAction::Add);
        CHECK(m.vpc == before);
        CHECK_FALSE(m.message.empty());
    }
    CHECK(m.tried.back().verdict.refusal == CidrRefusal::OtherPrivateRange);
    CHECK(m.tried[m.tried.size() - 3].verdict.refusal == CidrRefusal::Unusable);
    CHECK(m.tried[m.tried.size() - 4].verdict.refusal == CidrRefusal::Beside198_19);
    for (int i = 0; i < 10; ++i)
        apply(m, SecondaryCidrsAction::Add);
    CHECK(m.tried.size() == kMaxTries);
}

TEST_CASE("buildings go into the newest block with room: /18 quarters, or a small block whole") {
    SecondaryCidrs m = make_secondary_cidrs();
    const Catalog& cat = test_catalog();
    apply(m, SecondaryCidrsAction::AddBuilding);
    CHECK(has(m.message, "add a block first"));
    CHECK(step_value(m, "buildings") == "4");
    REQUIRE(set(m, number("prefix", 16), cat).ok());
    apply(m, SecondaryCidrsAction::Add);
    CHECK_FALSE(goal_met(m, "build"));
    apply(m, SecondaryCidrsAction::AddBuilding);
    CHECK(goal_met(m, "build"));
    REQUIRE(m.vpc.subnets.size() == 5);
    CHECK(format_cidr(m.vpc.subnets[4].cidr) == "100.64.0.0/18");
    CHECK(m.vpc.subnets[4].name == "Building E");
    CHECK(step_value(m, "usable") == "81,895");  // 5 x 16,379
    REQUIRE(set(m, word("address", "100.65.0.0"), cat).ok());
    REQUIRE(set(m, number("prefix", 24), cat).ok());
    apply(m, SecondaryCidrsAction::Add);
    apply(m, SecondaryCidrsAction::AddBuilding);
    CHECK(format_cidr(m.vpc.subnets.back().cidr) == "100.65.0.0/24");
    apply(m, SecondaryCidrsAction::AddBuilding);  // the /24 is full: the /16 takes it
    CHECK(format_cidr(m.vpc.subnets.back().cidr) == "100.64.64.0/18");
    apply(m, SecondaryCidrsAction::StartOver);
    // candidate 100.65.0.0/24: the bar stays
    check_values(m, live, "blocks=1 candidate=100.65.0.0/24");
}

TEST_CASE("the quota: five blocks by default; raised, a sixth fits; never below what is there") {
    SecondaryCidrs m = make_secondary_cidrs();
    const Catalog& cat = test_catalog();
    REQUIRE(
        set(m, word("secondaries", "100.64.0.0/16,100.65.0.0/16,100.66.0.0/16,100.67.0.0/16"), cat)
            .ok());
    CHECK(goal_met(m, "quota-full"));
    REQUIRE(set(m, word("address", "100.68.0.0"), cat).ok());
    REQUIRE(set(m, number("prefix", 16), cat).ok());
    CHECK(verdict(m).refusal == CidrRefusal::Quota);
    CHECK(has(set(m, number("quota", 4), cat).error().message, "outside 5 to 50"));
    CHECK(has(set(m, number("quota", 51), cat).error().message, "outside 5 to 50"));
    REQUIRE(set(m, number("quota", 6), cat).ok());
    CHECK(verdict(m).refusal == CidrRefusal::None);
    apply(m, SecondaryCidrsAction::Add);
    CHECK(step_value(m, "blocks") == "6");
    CHECK(has(set(m, number("quota", 5), cat).error().message, "already has 6"));
    CHECK(step_value(m, "quota") == "6");
}

TEST_CASE("knobs primary and secondaries rebuild the campus; a refused list changes nothing") {
    SecondaryCidrs m = make_secondary_cidrs();
    const Catalog& cat = test_catalog();
    REQUIRE(set(m, word("primary", "192.168.0.0/16"), cat).ok());
    check_values(m, live, "primary=192.168.0.0/16 buildings=4");
    CHECK(has(set(m, word("primary", "10.9.0.0/16"), cat).error().message, "not one of"));
    const Vpc before = m.vpc;
    Status st = set(m, word("secondaries", "100.64.0.0/16,10.0.0.0/16"), cat);
    REQUIRE_FALSE(st.ok());
    CHECK(has(st.error().message, "another private (RFC 1918) range"));
    CHECK(m.vpc == before);
    REQUIRE(set(m, word("secondaries", "100.64.0.0/16"), cat).ok());
    CHECK(step_value(m, "blocks") == "2");
    REQUIRE(set(m, word("secondaries", "none"), cat).ok());
    CHECK(step_value(m, "blocks") == "1");
}

TEST_CASE("the shipped beats: the first asks to grow the campus, the quota beat is full") {
    const Lessons& lessons = test_lessons();
    const int i = find_step(lessons, "secondary-cidrs");
    REQUIRE(i >= 0);
    const LessonStep& step = lessons.steps[static_cast<size_t>(i)];
    CHECK(step.beats[0].goal == "grow");
    StepModels models = make_step_models(test_catalog());
    for (size_t b = 0; b < step.beats.size(); ++b) {
        REQUIRE(enter_beat(models, step, -1, static_cast<int>(b), test_catalog()).ok());
        if (step.beats[b].focus == "quota") CHECK(goal_met(models, step.id, "quota-full"));
    }
}
