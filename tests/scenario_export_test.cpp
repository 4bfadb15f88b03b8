// scenario_export_test.cpp: a running cluster written back as a scenario (groups, pods,
// other holders, settings), rebuilt to the same campus, and compact JSON that loads back
// to an equal scenario.
#include <doctest/doctest.h>

#include <string>

#include "scenario_export.h"
#include "test_support.h"

using namespace core;

namespace {

Scenario loaded(const std::string& text) {
    Result<Scenario> r = load_scenario(text, test_catalog());
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    return std::move(r).value();
}

Cluster built(const Scenario& s) {
    Result<Cluster> c = build_cluster(s, test_catalog());
    REQUIRE_MESSAGE(c.ok(), (c.ok() ? "" : c.error().message));
    return std::move(c).value();
}

Scenario exported(const Cluster& c, const char* name = "mine") {
    Result<Scenario> s = scenario_from_cluster(c, name, test_catalog());
    REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
    return std::move(s).value();
}

const char* kCampus = R"({
  "version": 1, "name": "mine",
  "vpc": {"cidrs": ["10.0.0.0/16", "100.64.0.0/16"]},
  "subnets": [
    {"id": "subnet-a", "name": "Building A", "cidr": "10.0.1.0/24"},
    {"id": "subnet-b", "az": "us-east-1b", "cidr": "10.0.2.0/24", "scatter": 7},
    {"id": "subnet-pods", "cidr": "100.64.0.0/18"},
    {"id": "subnet-pd", "cidr": "10.0.16.0/20", "prefixReservation": true}
  ],
  "nodeGroups": [
    {"name": "web", "instanceType": "t3.small", "subnet": "subnet-a", "count": 3},
    {"name": "api", "instanceType": "m5.large", "subnet": "subnet-a",
     "customNetworking": true, "podSubnet": "subnet-pods", "warmEniTarget": 0,
     "warmIpTarget": 5, "minimumIpTarget": 10, "maxPods": 20},
    {"name": "batch", "instanceType": "m5.large", "subnet": "subnet-b",
     "prefixDelegation": true, "warmPrefixTarget": 2, "securityGroupsForPods": true},
    {"name": "idle", "instanceType": "t3.medium", "subnet": "subnet-b"}
  ],
  "pods": [{"nodeGroup": "web", "count": 7}, {"nodeGroup": "api", "count": 4},
           {"nodeGroup": "batch", "count": 2}],
  "otherAddresses": [{"subnet": "subnet-b", "count": 20, "label": "rds"}]
})";

}  // namespace

TEST_CASE("scenario_from_cluster: a built scenario comes back equal") {
    const Scenario original = loaded(kCampus);
    const Cluster c = built(original);
    const Scenario back = exported(c);
    CHECK(back == original);
    REQUIRE(back.node_groups.size() == 4);
    CHECK(back.node_groups[0].count == 3);  // web-1..web-3 with 3, 2, 2 pods
    CHECK(back.pods[0].count == 7);

    // And rebuilt, it is the same campus: same nodes, same settings, same pod counts.
    const Cluster again = built(back);
    REQUIRE(again.nodes.size() == c.nodes.size());
    for (size_t i = 0; i < c.nodes.size(); ++i) {
        CHECK(again.nodes[i].name == c.nodes[i].name);
        CHECK(again.nodes[i].config == c.nodes[i].config);
        CHECK(again.nodes[i].pods.size() == c.nodes[i].pods.size());
    }
    CHECK(again.vpc == c.vpc);  // same order of events: the same addresses too
}

TEST_CASE("scenario_from_cluster: nodes changed by hand keep their own pod counts") {
    Cluster c = built(loaded(kCampus));
    // web-3 loses both pods: 3, 2, 0 is not what round-robin deals, so web splits.
    REQUIRE(remove_pod(c, "web-3", c.nodes[2].pods[0].name).ok());
    REQUIRE(remove_pod(c, "web-3", c.nodes[2].pods[0].name).ok());
    const Scenario s = exported(c);
    REQUIRE(s.node_groups.size() == 5);
    CHECK(s.node_groups[0].name == "web");
    CHECK(s.node_groups[0].count == 2);
    CHECK(s.node_groups[1].name == "web-3");  // rebuilt as web-3-1
    CHECK(s.node_groups[1].count == 1);
    CHECK(s.pods[0].node_group == "web");
    CHECK(s.pods[0].count == 5);
    // No pods on web-3: no pod entry for it.
    for (const PodGroup& p : s.pods)
        CHECK(p.node_group != "web-3");

    const Cluster again = built(s);
    CHECK(find_node(again, "web-3-1") != nullptr);
    CHECK(find_node(again, "web-3-1")->pods.empty());
}

TEST_CASE("scenario_from_cluster: names that are not <group>-<n>, other holders, waiting pods") {
    Cluster c = make_cluster(test_vpc("10.0.0.0/24", "10.0.0.0/28"));  // 11 usable addresses
    NodeDesc n;
    n.name = "alpha";
    n.type = test_type("t3.small");
    n.subnet_id = "subnet-a";
    REQUIRE(add_node(c, n).ok());
    REQUIRE(hold_addresses(c, "subnet-a", 4, "lambda").ok());
    for (int i = 0; i < 6; ++i)
        (void)add_pod(c, "alpha");
    REQUIRE_FALSE(c.nodes[0].pending.empty());  // the /28 ran dry

    const Scenario s = exported(c, "tiny");
    CHECK(s.name == "tiny");
    REQUIRE(s.node_groups.size() == 1);
    CHECK(s.node_groups[0].name == "alpha");
    REQUIRE(s.pods.size() == 1);
    CHECK(s.pods[0].count == 6);  // waiting pods count: kubelet admitted them
    REQUIRE(s.other_addresses.size() == 1);
    CHECK(s.other_addresses[0].label == "lambda");
    CHECK(s.other_addresses[0].count == 4);
}

TEST_CASE("scenario_from_cluster: an empty campus, and a name the format refuses") {
    Result<Vpc> v = make_vpc("10.0.0.0/16");
    REQUIRE(v.ok());
    const Cluster c = make_cluster(*v);
    const Scenario s = exported(c);
    CHECK(s.vpc_cidrs == std::vector<std::string>{"10.0.0.0/16"});
    CHECK(s.subnets.empty());
    CHECK(s.node_groups.empty());

    Result<Scenario> bad = scenario_from_cluster(c, "", test_catalog());
    REQUIRE_FALSE(bad.ok());
    CHECK(
        has(bad.error().message, "cannot be written as a scenario: name: a scenario needs a name"));
}

TEST_CASE("save_scenario_compact: one line, defaults left out, loads back equal") {
    const Scenario s = loaded(kCampus);
    const std::string text = save_scenario_compact(s);
    CHECK(text.find('\n') == std::string::npos);
    CHECK_FALSE(has(text, "us-east-1a"));
    CHECK_FALSE(has(text, "\"count\":1,"));
    CHECK_FALSE(has(text, "\"maxPods\":0"));
    CHECK(has(text, "\"maxPods\":20"));
    CHECK(has(text, "\"az\":\"us-east-1b\""));
    CHECK(text.size() < save_scenario(s).size() / 2);
    CHECK(loaded(text) == s);

    Scenario bare;
    bare.name = "x";
    bare.vpc_cidrs = {"10.0.0.0/16"};
    CHECK(
        save_scenario_compact(bare) ==
        R"({"version":1,"name":"x","vpc":{"cidrs":["10.0.0.0/16"]},"subnets":[],"nodeGroups":[]})");
    CHECK(loaded(save_scenario_compact(bare)) == bare);
}

TEST_CASE("next_group_name: node-a, node-b, ... skipping names in use") {
    Cluster c = make_cluster(test_vpc("10.0.0.0/16", "10.0.1.0/24"));
    CHECK(next_group_name(c) == "node-a");
    NodeDesc n;
    n.type = test_type("t3.small");
    n.subnet_id = "subnet-a";
    n.name = "node-a-1";
    REQUIRE(add_node(c, n).ok());
    n.name = "node-b";
    REQUIRE(add_node(c, n).ok());
    CHECK(next_group_name(c) == "node-c");
}
