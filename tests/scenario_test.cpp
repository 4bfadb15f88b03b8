// scenario_test.cpp: scenario JSON: a full round trip, each kind of bad input with the
// field path in its message, limits against hostile files, and running scenarios.
#include <doctest/doctest.h>

#include <string>

#include "scenario.h"
#include "scenario_export.h"
#include "test_support.h"

using namespace core;

namespace {

// A scenario exercising every field.
const char* kFull = R"({
  "version": 1,
  "name": "two buildings",
  "description": "web nodes with default settings, api nodes with custom networking",
  "vpc": {"cidrs": ["10.0.0.0/16", "100.64.0.0/16"]},
  "subnets": [
    {"id": "subnet-a", "name": "Building A", "az": "us-east-1a", "cidr": "10.0.1.0/24"},
    {"id": "subnet-pods", "az": "us-east-1a", "cidr": "100.64.0.0/18", "scatter": 9},
    {"id": "subnet-pd", "az": "us-east-1a", "cidr": "10.0.16.0/20", "prefixReservation": true}
  ],
  "nodeGroups": [
    {"name": "web", "instanceType": "T3.Small", "subnet": "subnet-a", "count": 2},
    {"name": "api", "instanceType": "m5.large", "subnet": "subnet-a", "count": 1,
     "customNetworking": true, "podSubnet": "subnet-pods", "warmEniTarget": 0,
     "warmIpTarget": 5, "minimumIpTarget": 10, "maxPods": 20},
    {"name": "batch", "instanceType": "m5.large", "subnet": "subnet-a",
     "prefixDelegation": true, "warmPrefixTarget": 2, "securityGroupsForPods": true}
  ],
  "pods": [{"nodeGroup": "web", "count": 3}, {"nodeGroup": "api", "count": 4}],
  "otherAddresses": [{"subnet": "subnet-a", "count": 20, "label": "rds"}]
})";

// A small valid scenario; tests mutate its text to make one thing wrong.
const char* kSmall = R"({
  "version": 1,
  "name": "small",
  "vpc": {"cidrs": ["10.0.0.0/16"]},
  "subnets": [{"id": "subnet-a", "az": "us-east-1a", "cidr": "10.0.1.0/24"},
              {"id": "subnet-b", "az": "us-east-1b", "cidr": "10.0.2.0/24"}],
  "nodeGroups": [{"name": "web", "instanceType": "t3.small", "subnet": "subnet-a", "count": 2}],
  "pods": [{"nodeGroup": "web", "count": 3}]
})";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    text.replace(at, from.size(), to);
    return text;
}

// The message of a load that must fail.
std::string load_error(const std::string& text) {
    Result<Scenario> r = load_scenario(text, test_catalog());
    REQUIRE_MESSAGE(!r.ok(), "expected the scenario to be refused");
    return r.error().message;
}

// One edit of kSmall that the loader must refuse: from becomes to, and the message holds part.
struct RefusedEdit {
    const char* from;
    const char* to;
    const char* part;
};

// Checks each edit of kSmall, naming the edit when it fails.
void check_refused_edits(std::initializer_list<RefusedEdit> edits) {
    for (const RefusedEdit& e : edits) {
        CAPTURE(e.to);
        CHECK(has(load_error(replaced(kSmall, e.from, e.to)), e.part));
    }
}

Scenario loaded(const std::string& text) {
    Result<Scenario> r = load_scenario(text, test_catalog());
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    return std::move(r).value();
}

}  // namespace

TEST_CASE("a full scenario loads with every field, and saves back to an equal scenario") {
    const Scenario s = loaded(kFull);
    CHECK(s.name == "two buildings");
    REQUIRE(s.vpc_cidrs.size() == 2);
    REQUIRE(s.subnets.size() == 3);
    CHECK(s.subnets[0].name == "Building A");
    CHECK(s.subnets[1].scatter == 9);
    CHECK(s.subnets[2].prefix_reservation);
    REQUIRE(s.node_groups.size() == 3);
    CHECK(s.node_groups[0].instance_type == "t3.small");  // as the catalog spells it
    CHECK(s.node_groups[0].count == 2);
    CHECK(s.node_groups[0].config == NodeConfig{});  // defaults of the shipped manifest
    const NodeConfig& api = s.node_groups[1].config;
    CHECK(api.custom_networking);
    CHECK(api.pod_subnet_id == "subnet-pods");
    CHECK(api.warm.warm_eni_target == 0);
    CHECK(api.warm.warm_ip_target == 5);
    CHECK(api.warm.minimum_ip_target == 10);
    CHECK(api.max_pods_override == 20);
    CHECK(s.node_groups[2].count == 1);
    CHECK(s.node_groups[2].config.prefix_delegation);
    CHECK(s.node_groups[2].config.security_groups_for_pods);
    CHECK(s.node_groups[2].config.warm.warm_prefix_target == 2);
    REQUIRE(s.pods.size() == 2);
    CHECK(s.pods[1].count == 4);
    REQUIRE(s.other_addresses.size() == 1);
    CHECK(s.other_addresses[0].label == "rds");

    const std::string saved = save_scenario(s);
    const Scenario again = loaded(saved);
    CHECK(again == s);
    CHECK(save_scenario(again) == saved);
    CHECK(has(saved, "\"instanceType\": \"t3.small\""));
}

TEST_CASE("a scenario built in code round-trips and validates") {
    Scenario s;
    s.name = "built";
    s.vpc_cidrs = {"10.1.0.0/16"};
    s.subnets.push_back(ScenarioSubnet{"subnet-x", "X", "eu-west-1a", "10.1.0.0/20", 0, false});
    NodeGroup g;
    g.name = "g";
    g.instance_type = "m5.large";
    g.subnet = "subnet-x";
    g.count = 3;
    g.config.warm.warm_ip_target = 2;
    s.node_groups.push_back(g);
    s.pods.push_back(PodGroup{"g", 10});
    REQUIRE(validate_scenario(s, test_catalog()).ok());
    CHECK(loaded(save_scenario(s)) == s);
    Scenario other = s;
    other.pods[0].count = 11;
    CHECK_FALSE(other == s);
}

TEST_CASE("a partial prefix reservation loads, saves, builds, exports and is checked") {
    const std::string from = "\"scatter\": 9}";
    const std::string text =
        replaced(kFull, from, "\"scatter\": 9, \"prefixReservation\": \"100.64.32.0/19\"}");
    const Scenario s = loaded(text);
    CHECK(s.subnets[1].prefix_reservation_cidr == "100.64.32.0/19");
    CHECK_FALSE(s.subnets[1].prefix_reservation);
    const std::string saved = save_scenario(s);
    CHECK(has(saved, "\"prefixReservation\": \"100.64.32.0/19\""));
    CHECK(loaded(saved) == s);

    Result<Cluster> c = build_cluster(s, test_catalog());
    REQUIRE_MESSAGE(c.ok(), (c.ok() ? "" : c.error().message));
    const Subnet* pods = find_subnet(c->vpc, "subnet-pods");
    REQUIRE(pods != nullptr);
    REQUIRE(pods->prefix_reservation);
    CHECK(format_cidr(*pods->prefix_reservation) == "100.64.32.0/19");
    Result<Scenario> back = scenario_from_cluster(*c, "again", test_catalog());
    REQUIRE_MESSAGE(back.ok(), (back.ok() ? "" : back.error().message));
    CHECK(back->subnets[1].prefix_reservation_cidr == "100.64.32.0/19");
    CHECK(back->subnets[2].prefix_reservation);  // the whole-subnet one stays `true`
    CHECK(back->subnets[2].prefix_reservation_cidr.empty());

    CHECK(has(load_error(replaced(kFull, from, "\"scatter\": 9, \"prefixReservation\": 3}")),
              "subnets[1].prefixReservation: expected true, false or a CIDR inside the subnet, "
              "got the number 3"));
    CHECK(has(load_error(
                  replaced(kFull, from, "\"scatter\": 9, \"prefixReservation\": \"10.0.1.0/28\"}")),
              "not inside the subnet 100.64.0.0/18"));
    CHECK(has(load_error(replaced(kFull, from,
                                  "\"scatter\": 9, \"prefixReservation\": \"100.64.0.0/30\"}")),
              "smaller than one /28 prefix"));
}

TEST_CASE("bad values are reported with their field path") {
    const std::string typo = load_error(replaced(kSmall, "\"t3.small\"", "\"m5.lage\""));
    CHECK(has(typo, "nodeGroups[0].instanceType: unknown instance type 'm5.lage'"));
    CHECK(has(typo, "did you mean m5.large"));
    check_refused_edits(
        {{"\"t3.small\"", "\"m5.lage\"", "nodeGroups[0].instanceType: "},
         {"\"count\": 2", "\"count\": \"three\"",
          "nodeGroups[0].count: expected a whole number, got the string 'three'"},
         {"\"count\": 2", "\"count\": 2.5",
          "nodeGroups[0].count: expected a whole number, got the number 2.5"},
         {"\"count\": 2", "\"count\": 0",
          "nodeGroups[0].count: count must be between 1 and 200, got 0"},
         {"\"count\": 2", "\"count\": 99999999999",
          "nodeGroups[0].count: the number 99999999999 is far too large"},
         {"\"count\": 2", "\"count\": 2, \"warmIpTarget\": -1",
          "nodeGroups[0].warmIpTarget: WARM_IP_TARGET must be between 0 and 4096, got -1"},
         {"\"count\": 2", "\"count\": 2, \"maxPods\": 9000", "nodeGroups[0].maxPods:"},
         {"\"count\": 2", "\"count\": 2, \"prefixDelegation\": \"yes\"",
          "nodeGroups[0].prefixDelegation: expected true or false"},
         {"\"subnet\": \"subnet-a\"", "\"subnet\": \"subnet-x\"",
          "nodeGroups[0].subnet: no subnet 'subnet-x'; subnets are subnet-a, subnet-b"},
         {"\"nodeGroup\": \"web\"", "\"nodeGroup\": \"db\"",
          "pods[0].nodeGroup: no node group 'db'; node groups are web"},
         {"\"count\": 3", "\"count\": -3", "pods[0].count: count must be between 0 and 20000"},
         {"\"version\": 1", "\"version\": 2", "version: this build reads version 1, got 2"},
         {"\"name\": \"small\"", "\"name\": \"\"", "name: a scenario needs a name"},
         {"\"cidr\": \"10.0.2.0/24\"", "\"cidr\": \"10.0.1.128/25\"", "subnets[1]:"},
         {"[\"10.0.0.0/16\"]", "[\"10.0.0.0/16\", \"169.254.0.0/16\"]", "vpc.cidrs[1]:"},
         {"[\"10.0.0.0/16\"]", "[\"10.0.0.0/33\"]", "vpc.cidrs[0]:"},
         {"[\"10.0.0.0/16\"]", "[16]", "vpc.cidrs[0]: expected a CIDR string, got the number 16"},
         {"\"id\": \"subnet-b\"", "\"id\": \"subnet-a\"",
          "subnets[1].id: 'subnet-a' is used by an earlier subnet"},
         {"\"id\": \"subnet-b\"", "\"id\": \"subnet b\"",
          "subnets[1].id: a subnet id is 1 to 63 letters"},
         {"\"name\": \"web\"", "\"name\": \"web/1\"",
          "nodeGroups[0].name: a node group name is 1 to 40"}});
}

TEST_CASE("node settings that AWS refuses are reported on the right field") {
    CHECK(has(load_error(replaced(kSmall, "\"count\": 2",
                                  "\"count\": 2, \"securityGroupsForPods\": true")),
              "nodeGroups[0].securityGroupsForPods: Security groups for pods needs branch ENIs"));
    CHECK(has(
        load_error(replaced(kSmall, "\"count\": 2", "\"count\": 2, \"customNetworking\": true")),
        "nodeGroups[0].podSubnet: custom networking needs the ENIConfig subnet"));
    CHECK(has(load_error(replaced(kSmall, "\"count\": 2",
                                  "\"count\": 2, \"customNetworking\": true, \"podSubnet\": "
                                  "\"subnet-b\"")),
              "nodeGroups[0].podSubnet: ENIConfig subnet must be in the node's availability "
              "zone"));
    CHECK(has(
        load_error(replaced(kSmall, "\"count\": 2", "\"count\": 2, \"podSubnet\": \"subnet-a\"")),
        "nodeGroups[0].podSubnet: set only with customNetworking: true"));
}

TEST_CASE("unknown keys, wrong shapes and repeated keys are refused") {
    check_refused_edits(
        {{"\"instanceType\"", "\"instancetype\"",
          "nodeGroups[0]: unknown key 'instancetype'; did you mean instanceType?"},
         {"\"version\": 1,", "\"version\": 1, \"zzz\": 1,",
          "scenario: unknown key 'zzz' (expected version, name"},
         {"\"name\": \"small\",", "", "scenario: missing key 'name'"},
         {"\"cidr\": \"10.0.1.0/24\"", "\"zone\": 1", "subnets[0]: unknown key 'zone'"},
         {"{\"nodeGroup\": \"web\", \"count\": 3}", "7",
          "pods[0]: expected an object, got the number 7"}});
    CHECK(has(load_error(replaced(kSmall, "\"vpc\": {\"cidrs\": [\"10.0.0.0/16\"]}",
                                  "\"vpc\": [\"10.0.0.0/16\"]")),
              "vpc: expected an object, got an array"));
    CHECK(has(load_error("[]"), "must be a JSON object"));
    CHECK(has(load_error(replaced(kSmall, "\"count\": 2", "\"count\": 2, \"count\": 3")),
              "nodeGroups[0]: the key 'count' appears twice"));
    CHECK(has(load_error(replaced(kSmall, "\"version\": 1,", "\"version\": 1, \"version\": 1,")),
              "scenario: the key 'version' appears twice"));
}

TEST_CASE("malformed and truncated JSON report where") {
    const std::string truncated = std::string(kSmall).substr(0, 60);
    std::string m = load_error(truncated);
    CHECK(has(m, "not valid JSON at byte"));
    CHECK(has(m, "line 4"));  // cut inside a string on line 4
    m = load_error(replaced(kSmall, "\"name\": \"small\",", "\"name\": \"small\",,"));
    CHECK(has(m, "not valid JSON at byte 36 (line 3, column 19)"));
    CHECK(has(load_error(""), "not valid JSON"));
    CHECK(has(load_error("{\"version\": 1} trailing"), "not valid JSON"));
}

TEST_CASE("limits hold against hostile files") {
    CHECK(has(load_error(std::string(kMaxScenarioBytes + 1, ' ')), "the limit is 1048576"));
    std::string deep = std::string(17, '[') + std::string(17, ']');
    CHECK(has(load_error(deep), "nests deeper than 16 levels"));
    // Brackets inside strings do not count as nesting.
    CHECK_FALSE(has(load_error("{\"name\": \"" + std::string(40, '[') + "\"}"), "nests"));

    std::string subnets;
    for (int i = 0; i < 33; ++i) {
        subnets += (i ? "," : "") + std::string("{\"id\": \"s") + std::to_string(i) +
                   "\", \"cidr\": \"10.0." + std::to_string(i) + ".0/24\"}";
    }
    CHECK(has(load_error(replaced(kSmall,
                                  "[{\"id\": \"subnet-a\", \"az\": \"us-east-1a\", \"cidr\": "
                                  "\"10.0.1.0/24\"},\n              {\"id\": \"subnet-b\", "
                                  "\"az\": \"us-east-1b\", \"cidr\": \"10.0.2.0/24\"}]",
                                  "[" + subnets + "]")),
              "subnets: 33 subnets, the limit is 32"));

    const std::string groups =
        replaced(kSmall, "\"count\": 2}]",
                 "\"count\": 150}, {\"name\": \"more\", \"instanceType\": \"t3.small\", "
                 "\"subnet\": \"subnet-a\", \"count\": 60}]");
    CHECK(has(load_error(groups),
              "nodeGroups[1].count: the node groups add up to 210 nodes, the limit is 200"));

    const std::string pods = replaced(kSmall, "{\"nodeGroup\": \"web\", \"count\": 3}",
                                      "{\"nodeGroup\": \"web\", \"count\": 20000}, "
                                      "{\"nodeGroup\": \"web\", \"count\": 1}");
    CHECK(has(load_error(pods),
              "pods[1].count: the pod entries add up to 20001 pods, the limit is 20000"));

    std::string many;
    for (int i = 0; i < 1001; ++i)
        many += (i ? "," : "") + std::string("{\"nodeGroup\": \"web\", \"count\": 0}");
    CHECK(has(
        load_error(replaced(kSmall, "[{\"nodeGroup\": \"web\", \"count\": 3}]", "[" + many + "]")),
        "pods: 1001 pod entries, the limit is 1000"));
}

TEST_CASE("build_cluster places pods round-robin and records what could not run") {
    const Scenario s = loaded(kSmall);
    Result<Cluster> c = build_cluster(s, test_catalog());
    REQUIRE(c.ok());
    REQUIRE(c->nodes.size() == 2);
    CHECK(c->nodes[0].name == "web-1");
    CHECK(c->nodes[0].pods.size() == 2);  // pods 1 and 3
    CHECK(c->nodes[1].pods.size() == 1);
    CHECK(c->nodes[0].pods[1].name == "web-pod-3");
    CHECK(check_invariants(*c).ok());

    // 12 pods on one t3.small: 9 run, 3 find no node under max-pods.
    const Scenario crowded = loaded(replaced(replaced(kSmall, "\"count\": 2}]", "\"count\": 1}]"),
                                             "\"count\": 3}", "\"count\": 12}"));
    Result<Cluster> full = build_cluster(crowded, test_catalog());
    REQUIRE(full.ok());
    CHECK(full->nodes[0].pods.size() == 9);
    int unschedulable = 0;
    for (const Event& e : full->events) {
        if (e.kind == EventKind::PodUnschedulable) {
            ++unschedulable;
            CHECK(has(e.text, "0/1 nodes are available: 1 Too many pods"));
        }
    }
    CHECK(unschedulable == 3);
}

TEST_CASE("the full scenario runs: custom networking, trunk ENI, other addresses") {
    Result<Cluster> c = build_cluster(loaded(kFull), test_catalog());
    REQUIRE_MESSAGE(c.ok(), (c.ok() ? "" : c.error().message));
    CHECK(check_invariants(*c).ok());
    const Node* api = find_node(*c, "api-1");
    REQUIRE(api != nullptr);
    CHECK(api->max_pods == 20);
    CHECK(api->pods.size() == 4);
    for (const Pod& p : api->pods)
        CHECK(cidr_contains(Cidr{0x64400000u, 18}, p.ip));
    const Node* batch = find_node(*c, "batch-1");
    REQUIRE(batch != nullptr);
    CHECK(batch->enis[1].trunk);
    CHECK(node_stats(*batch).prefixes == 2);  // WARM_PREFIX_TARGET 2
    CHECK(c->others.size() == 1);
    const Subnet* a = find_subnet(c->vpc, "subnet-a");
    REQUIRE(a != nullptr);
    CHECK(used_addresses(*a) > 20);
}

TEST_CASE("a scenario whose pods exhaust the pod subnet records waiting pods, not an error") {
    const std::string text = R"({
      "version": 1, "name": "exhausted",
      "vpc": {"cidrs": ["10.0.0.0/16"]},
      "subnets": [{"id": "nodes", "cidr": "10.0.1.0/24"},
                  {"id": "pods", "cidr": "10.0.2.0/28"}],
      "nodeGroups": [{"name": "w", "instanceType": "m5.large", "subnet": "nodes",
                      "customNetworking": true, "podSubnet": "pods"}],
      "pods": [{"nodeGroup": "w", "count": 25}]
    })";
    Result<Cluster> c = build_cluster(loaded(text), test_catalog());
    REQUIRE(c.ok());
    const Node& n = c->nodes[0];
    // The /28 has 11 usable addresses: one pod ENI of 1 + 9 fits, the second does not.
    CHECK(n.pods.size() == 9);
    CHECK(n.pending.size() == 16);
    bool saw_code = false;
    for (const Event& e : c->events) {
        saw_code = saw_code || e.code == ErrorCode::InsufficientFreeAddressesInSubnet;
    }
    CHECK(saw_code);
    CHECK(check_invariants(*c).ok());
}

TEST_CASE("build_cluster refuses an invalid scenario built in code") {
    Scenario s = loaded(kSmall);
    s.node_groups[0].instance_type = "t3.smal";
    Result<Cluster> c = build_cluster(s, test_catalog());
    REQUIRE_FALSE(c.ok());
    CHECK(has(c.error().message, "nodeGroups[0].instanceType: unknown instance type 't3.smal'"));
    s = loaded(kSmall);
    s.other_addresses.push_back(OtherAddresses{"subnet-a", 300, "big"});
    c = build_cluster(s, test_catalog());
    REQUIRE_FALSE(c.ok());
    CHECK(has(c.error().message, "otherAddresses[0]:"));
    CHECK(has(c.error().message, "InsufficientFreeAddressesInSubnet"));
}

TEST_CASE("scenarios tag subnets, name the node group kind and run subnet discovery") {
    const char* text = R"({
  "version": 1, "name": "discovery", "clusterName": "blue",
  "vpc": {"cidrs": ["10.0.0.0/16"]},
  "subnets": [{"id": "subnet-a", "cidr": "10.0.1.0/24"},
              {"id": "subnet-b", "cidr": "10.0.2.0/24",
               "tags": {"kubernetes.io/role/cni": "1"}}],
  "nodeGroups": [{"name": "web", "instanceType": "t3.small", "subnet": "subnet-a",
                  "prefixDelegation": true, "kind": "managed"},
                 {"name": "api", "instanceType": "m5.large", "subnet": "subnet-a",
                  "subnetDiscovery": false}],
  "pods": [{"nodeGroup": "web", "count": 30}, {"nodeGroup": "api", "count": 12}]
})";
    const Scenario s = loaded(text);
    CHECK(s.cluster_name == "blue");
    CHECK(s.subnets[1].tags.at("kubernetes.io/role/cni") == "1");
    CHECK(s.node_groups[0].config.node_group == NodeGroupKind::Managed);
    CHECK(s.node_groups[1].config.node_group == NodeGroupKind::SelfManaged);
    CHECK_FALSE(s.node_groups[1].config.subnet_discovery);
    CHECK(loaded(save_scenario(s)) == s);

    Result<Cluster> c = build_cluster(s, test_catalog());
    REQUIRE(c.ok());
    CHECK(c->name == "blue");
    const Node* web = find_node(*c, "web-1");
    REQUIRE(web != nullptr);
    CHECK(web->max_pods == 110);  // managed: prefix delegation counted
    CHECK(web->pods.size() == 30);
    const Node* api = find_node(*c, "api-1");
    REQUIRE(api->enis.size() >= 2);
    CHECK(api->enis[1].subnet_id == "subnet-a");  // discovery off
    CHECK(check_invariants(*c).ok());

    CHECK(has(load_error(replaced(text, R"("kind": "managed")", R"("kind": "eks")")),
              "nodeGroups[0].kind: A node group kind is 'managed'"));
    CHECK(has(load_error(replaced(text, R"("kubernetes.io/role/cni": "1")",
                                  R"("kubernetes.io/role/cni": 1)")),
              "subnets[1].tags.kubernetes.io/role/cni: expected a string, got the number 1"));
    CHECK(has(load_error(replaced(text, R"("kubernetes.io/role/cni": "1")", R"("aws:x": "1")")),
              "subnets[1].tags: Tag keys starting with 'aws:' are reserved by AWS."));
    CHECK(has(load_error(replaced(text, R"("tags": {"kubernetes.io/role/cni": "1"})",
                                  R"("tags": ["kubernetes.io/role/cni"])")),
              "subnets[1].tags: expected an object of tag keys and string values"));
    CHECK(has(load_error(replaced(text, R"("clusterName": "blue")", R"("clusterName": "b l")")),
              "clusterName: a cluster name is"));
}
