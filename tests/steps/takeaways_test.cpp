// takeaways_test.cpp: step "takeaways" (core/steps/takeaways.h): the playground's campus,
// its opening task, undo, import, export and share links.
#include <doctest/doctest.h>

#include "knobs.h"
#include "steps/takeaways.h"
#include "test_support.h"

using namespace core;

namespace {

const InstanceType& type(const char* name) {
    return **find_instance_type(test_catalog(), name);
}

}  // namespace

TEST_CASE("takeaways opens on one t3.small room with two desks and the task of seating 30") {
    const Takeaways m = make_takeaways(test_catalog());
    check_values(m, live,
                 "rooms=1 room=t3.small pods=2 maxpods=11 target=30 buildings=1 ranges=1 nothing=");
    CHECK_FALSE(goal_met(m, "seat"));
    CHECK(m.undo.empty());
}

TEST_CASE("set_desks fills a room up to max-pods, says why it stops, and undo steps back") {
    Takeaways m = make_takeaways(test_catalog());
    const std::string room = m.cluster.nodes.front().name;
    REQUIRE(set_desks(m, room, 9).ok());
    CHECK(step_value(m, "pods") == "9");
    CHECK(m.undo.size() == 1);
    Status st = set_desks(m, room, 12);  // kubelet: 9 pods + 2 host-network pods = 11
    REQUIRE_FALSE(st.ok());
    CHECK(has(m.message, "max-pods"));
    // The code and the room go with it, so the view can say it in campus words too.
    CHECK(m.code == ErrorCode::TooManyPods);
    CHECK(m.room == room);
    CHECK(step_value(m, "pods") == "9");
    CHECK(m.undo.size() == 1);  // nothing changed, nothing to undo
    const Cluster before = m.cluster;
    CHECK(has(set_desks(m, room, -1).error().message, "0 to 250"));
    CHECK(m.cluster == before);
    REQUIRE(set_desks(m, room, 3).ok());
    CHECK(step_value(m, "pods") == "3");
    CHECK(m.code == ErrorCode::None);  // a change that went well forgets the last refusal
    CHECK(undo(m));
    CHECK(step_value(m, "pods") == "9");
    CHECK(m.notice == TakeawaysNotice::Undone);
    CHECK(has(set_desks(m, "node-z-9", 1).error().message, "no node"));
}

TEST_CASE("the task is met by another room: 9 + 27 desks seated at once") {
    Takeaways m = make_takeaways(test_catalog());
    REQUIRE(set_desks(m, m.cluster.nodes.front().name, 9).ok());
    RoomChoice r{type("m5.large"), m.cluster.vpc.subnets.front().id, {}};
    REQUIRE(add_room(m, r).ok());
    CHECK(step_value(m, "rooms") == "2");
    const std::string second = m.cluster.nodes.back().name;
    CHECK(second == "node-b-1");
    REQUIRE(set_desks(m, second, 20).ok());
    CHECK_FALSE(goal_met(m, "seat"));  // 29
    REQUIRE(set_desks(m, second, 21).ok());
    CHECK(goal_met(m, "seat"));  // 30
    REQUIRE(remove_room(m, second).ok());
    CHECK_FALSE(goal_met(m, "seat"));
    REQUIRE(set(m, Setting{"target", false, 10, {}}, test_catalog()).ok());
    CHECK_FALSE(goal_met(m, "seat"));  // 9 seated
    REQUIRE(set_desks(m, m.cluster.nodes.front().name, 8).ok());
    REQUIRE(add_room(m, RoomChoice{type("t3.small"), m.cluster.vpc.subnets.front().id, {}}).ok());
    REQUIRE(set_desks(m, m.cluster.nodes.back().name, 2).ok());
    CHECK(goal_met(m, "seat"));  // 8 + 2
    CHECK_FALSE(set(m, Setting{"target", false, 5, {}}, test_catalog()).ok());
}

TEST_CASE("ranges, buildings and room settings go through core's rules") {
    Takeaways m = make_takeaways(test_catalog());
    REQUIRE(add_cidr(m, "100.64.0.0/16").ok());
    CHECK(step_value(m, "ranges") == "2");
    const Cluster before = m.cluster;
    CHECK(has(add_cidr(m, "192.168.0.0/16").error().message, "RFC 1918"));
    CHECK(m.cluster == before);
    CHECK_FALSE(m.message.empty());
    REQUIRE(add_building(m, "100.64.0.0/20", "us-east-1b").ok());
    CHECK(m.message.empty());
    CHECK(m.cluster.vpc.subnets.back().name == "Building B");
    CHECK(has(add_building(m, "100.64.0.0/24", "us-east-1a").error().message, "overlaps"));
    NodeConfig c = m.cluster.nodes.front().config;
    c.warm.warm_ip_target = 2;
    REQUIRE(set_room_config(m, m.cluster.nodes.front().name, c).ok());
    CHECK(m.cluster.nodes.front().config.warm.warm_ip_target == 2);
    c.prefix_delegation = true;
    CHECK(has(set_room_config(m, m.cluster.nodes.front().name, c).error().message, "running node"));
}

TEST_CASE("import: bad JSON is refused with the field named; a scenario replaces the campus") {
    Takeaways m = make_takeaways(test_catalog());
    const Cluster before = m.cluster;
    Status st = import_scenario(m, R"({"version":1,"nmae":"x"})", test_catalog());
    REQUIRE_FALSE(st.ok());
    CHECK(has(st.error().message, "unknown key 'nmae'; did you mean name?"));
    CHECK(m.cluster == before);
    CHECK(m.undo.empty());
    Result<std::string> json = export_scenario(m, test_catalog());
    REQUIRE(json.ok());
    CHECK(has(*json, "\"t3.small\""));
    REQUIRE(set_desks(m, m.cluster.nodes.front().name, 5).ok());
    REQUIRE(import_scenario(m, *json, test_catalog()).ok());
    CHECK(m.notice == TakeawaysNotice::Imported);
    CHECK(m.scenario_name == "my campus");
    CHECK(step_value(m, "pods") == "2");
    CHECK(undo(m));
    CHECK(step_value(m, "pods") == "5");
}

TEST_CASE("share links: the code reopens the campus, which stays the opening one") {
    Takeaways m = make_takeaways(test_catalog());
    REQUIRE(add_room(m, RoomChoice{type("m5.large"), m.cluster.vpc.subnets.front().id, {}}).ok());
    REQUIRE(set_desks(m, "node-b-1", 7).ok());
    Result<std::string> code = share_code(m, test_catalog());
    REQUIRE(code.ok());
    Takeaways other = make_takeaways(test_catalog());
    REQUIRE(open_link(other, *code, test_catalog()).ok());
    CHECK(other.notice == TakeawaysNotice::Opened);
    check_values(other, live, "rooms=2 pods=9");
    reset(other, test_catalog());  // a beat replayed from the start: the link's campus
    CHECK(step_value(other, "rooms") == "2");
    REQUIRE(start_over(other, "10.0.0.0/20", test_catalog()).ok());
    CHECK(step_value(other, "rooms") == "1");
    reset(other, test_catalog());
    CHECK(step_value(other, "pods") == "2");
    // Bad links: refused with a reason, the campus as it was.
    const Cluster before = other.cluster;
    CHECK(has(open_link(other, "abc*def", test_catalog()).error().message, "base64url"));
    CHECK(has(open_link(other, "e30", test_catalog()).error().message, "no whole-number"));
    CHECK(other.cluster == before);
    CHECK(has(start_over(other, "10.0.0.0/8", test_catalog()).error().message, "too large"));
    CHECK(other.cluster == before);
}
