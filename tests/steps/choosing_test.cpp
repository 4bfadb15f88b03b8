// choosing_test.cpp: step "choosing" (core/steps/choosing.h): the puzzle tries each fix on a
// campus whose subnet ran out and says which cure it; the guide's path, answers and demos.
#include <doctest/doctest.h>

#include "knobs.h"
#include "steps/choosing.h"
#include "test_support.h"

using namespace core;

namespace {

void press(Choosing& m, ChoosingPress::Kind kind, int index = 0) {
    apply(m, ChoosingPress{kind, index}, test_catalog());
}

Setting word(const char* name, const char* text) {
    return {name, true, 0, text};
}

}  // namespace

TEST_CASE("choosing opens on the puzzle: a full subnet, room in the VPC") {
    const Choosing m = make_choosing(test_catalog());
    CHECK(puzzle_shown(m));
    check_values(m, live, "wanted=54 waiting=18 running=36 fixes=9 cures=5");
    // Why 9 free numbers do not help: a new m5.large panel asks for 10 at once.
    check_values(m, live, "rooms=3 free=9 ask=10");
    CHECK_FALSE(goal_met(m, "puzzle-cured"));
}

TEST_CASE("the puzzle runs each fix: five cure it, the others are refused or leave pods waiting") {
    Choosing m = make_choosing(test_catalog());
    for (Fix f : {Fix::SubnetDiscovery, Fix::CustomNetworking, Fix::SecondaryCidr,
                  Fix::SubnetPerGroup, Fix::PrivateNat}) {
        press(m, ChoosingPress::TryFix, static_cast<int>(f));
        INFO(fix_name(f));
        CHECK(goal_met(m, "puzzle-cured"));
        CHECK(m.tried_error.empty());
        CHECK(waiting_pods(m.tried_after) == 0);
    }
    press(m, ChoosingPress::TryFix, static_cast<int>(Fix::PrefixDelegation));
    CHECK_FALSE(goal_met(m, "puzzle-cured"));
    CHECK(waiting_pods(m.tried_after) == 22);  // the /26 has too few aligned blocks: worse
    press(m, ChoosingPress::TryFix, static_cast<int>(Fix::Ipv6));
    CHECK_FALSE(goal_met(m, "puzzle-cured"));
    CHECK(has(m.tried_error, "chosen when a cluster is created"));
    CHECK(m.tried_after.cluster == m.puzzle.cluster);  // refused: nothing changed
    press(m, ChoosingPress::TryFix, static_cast<int>(Fix::RaiseMaxPods));
    CHECK(has(m.tried_error, "Prefix delegation is not on"));
    press(m, ChoosingPress::TryFix, 99);  // no such fix: nothing changes
    CHECK(m.tried == static_cast<int>(Fix::RaiseMaxPods));
}

TEST_CASE("the guide: answers lead to an outcome; its fix is applied to its own campus") {
    Choosing m = make_choosing(test_catalog());
    press(m, ChoosingPress::Guide);
    CHECK(current_node(m).id == "start");
    press(m, ChoosingPress::Answer, 1);  // a building ran out
    CHECK(current_node(m).id == "building-out");
    press(m, ChoosingPress::Answer, 0);  // room in the VPC, desks only need more room
    REQUIRE(current_node(m).outcome);
    CHECK(current_node(m).fix == Fix::SubnetDiscovery);
    CHECK(m.demo_for == "subnet-discovery");
    CHECK_FALSE(m.applied);
    press(m, ChoosingPress::Apply);
    CHECK(m.applied);
    CHECK(m.error.empty());
    CHECK(all_pods_run(m.after));
    CHECK_FALSE(m.steps.empty());
    press(m, ChoosingPress::Undo);
    CHECK_FALSE(m.applied);
    CHECK(m.after.cluster == m.before.cluster);
    press(m, ChoosingPress::Back);
    CHECK(current_node(m).id == "building-out");
    press(m, ChoosingPress::Answer, 7);  // no such answer: nothing changes
    CHECK(current_node(m).id == "building-out");
    press(m, ChoosingPress::Puzzle);
    CHECK(puzzle_shown(m));
}

TEST_CASE("knobs: a beat jumps to a node and applies its fix; IPv6 is refused on IPv4") {
    const Catalog& cat = test_catalog();
    Choosing m = make_choosing(cat);
    REQUIRE(set(m, word("node", "ipv6"), cat).ok());
    CHECK(m.path == std::vector<std::string>{"start", "building-out", "campus-out", "ipv6"});
    set_knobs(m, "applied=1");
    CHECK(has(m.error, "chosen when a cluster is created"));
    REQUIRE_FALSE(m.figures.empty());
    CHECK(m.figures[1].after == 0);  // a new IPv6 cluster: no pod waits for an address
    REQUIRE(set(m, word("node", "private-nat"), cat).ok());
    CHECK(m.demo_for == "private-nat");
    CHECK(m.applied);  // "applied" holds for each outcome reached after it
    CHECK(all_pods_run(m.after));
    set_knobs(m, "applied=0");
    CHECK_FALSE(m.applied);
    CHECK(m.after.cluster == m.before.cluster);
    REQUIRE(set(m, word("tried", "subnet-discovery"), cat).ok());
    CHECK(goal_met(m, "puzzle-cured"));
    REQUIRE(set(m, word("node", "puzzle"), cat).ok());
    CHECK(puzzle_shown(m));
    const Choosing before = m;
    CHECK(has(set(m, word("node", "nowhere"), cat).error().message, "not one of"));
    CHECK(has(set(m, word("tried", "magic"), cat).error().message, "not one of"));
    CHECK(m.path == before.path);
    CHECK(m.tried == before.tried);
    // A beat's knobs come in any order: "applied" before "node" still applies the fix.
    Choosing order = make_choosing(cat);
    set_knobs(order, "applied=1");
    REQUIRE(set(order, word("node", "subnet-discovery"), cat).ok());
    CHECK(order.applied);
    CHECK(all_pods_run(order.after));
}
