// scenario.h: a whole campus described as JSON, loaded strictly and run.
//
// A scenario names a VPC (its CIDRs), its subnets, node groups (instance type, subnet,
// count and CNI settings) and how many pods each group runs. load_scenario() treats the
// text as input from strangers: bounded size and nesting (checked before parsing),
// known keys only, exact types, limits on counts, and every message names the field
// ("nodeGroups[1].instanceType: unknown instance type 'm5.lage'; did you mean m5.large?").
// build_cluster() runs a scenario: VPC, subnets, nodes, then pods placed round-robin over
// their group's nodes, one at a time, each followed by ipamd settling. Pods that find no
// room or no address are recorded as events, not errors.
//
// Format (version 1; optional keys shown with their defaults):
// {
//   "version": 1, "name": "why two ENIs", "description": "",
//   "vpc": {"cidrs": ["10.0.0.0/16"]},
//   "clusterName": "",   (CLUSTER_NAME: which cni.networking.k8s.aws/cluster/* tags match)
//   "subnets": [{"id": "subnet-a", "name": "", "az": "us-east-1a", "cidr": "10.0.1.0/24",
//                "scatter": 0, "prefixReservation": false,
//                "tags": {"kubernetes.io/role/cni": "1"}}],
//   ("prefixReservation": true reserves the whole subnet for /28 prefixes; a CIDR text
//    such as "10.0.1.128/25" reserves that part of it, a /28 or larger.)
//   "nodeGroups": [{"name": "web", "instanceType": "t3.small", "subnet": "subnet-a",
//                   "count": 1, "prefixDelegation": false, "customNetworking": false,
//                   "podSubnet": "", "securityGroupsForPods": false, "warmEniTarget": 1,
//                   "warmIpTarget": 0, "minimumIpTarget": 0, "warmPrefixTarget": 1,
//                   "maxPods": 0, "kind": "self-managed", "subnetDiscovery": true}],
//   ("kind": "managed" is an EKS managed node group without a custom AMI: EKS sets max-pods;
//    "self-managed" nodes keep nodeadm's value. capacity.h NodeGroupKind.)
//   "pods": [{"nodeGroup": "web", "count": 1}],
//   "otherAddresses": [{"subnet": "subnet-a", "count": 20, "label": "rds"}]
// }
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "catalog.h"
#include "cluster.h"
#include "ipam.h"
#include "result.h"

namespace core {

inline constexpr int kScenarioVersion = 1;
inline constexpr std::size_t kMaxScenarioBytes = 1024 * 1024;  // 1 MiB of JSON text
inline constexpr int kMaxScenarioDepth = 16;                   // nesting of [ and {
inline constexpr int kMaxScenarioSubnets = 32;
inline constexpr int kMaxScenarioNodes = 200;   // summed over node groups
inline constexpr int kMaxScenarioPods = 20000;  // summed over pod entries
inline constexpr int kMaxScenarioVpcCidrs = 50;
inline constexpr int kMaxScenarioEntries = 1000;       // pod entries, other-address entries
inline constexpr std::size_t kMaxScenarioText = 1000;  // characters in a name (description: 4000)

// A scenario's subnet is what add_subnet takes (vpc.h): its "scatter" (0: lowest free address
// first; else EC2-like spread), "prefixReservation" (true: all of it for prefixes, or a part:
// "10.0.1.128/25") and "tags" ({"kubernetes.io/role/cni": "1"}).
using ScenarioSubnet = SubnetDesc;

struct NodeGroup {
    std::string name;           // nodes are named "<name>-1", "<name>-2", ...
    std::string instance_type;  // catalog name, as the catalog spells it
    std::string subnet;
    int count = 1;
    NodeConfig config;  // podSubnet, maxPods and the warm targets map onto it
};

struct PodGroup {
    std::string node_group;
    int count = 0;
};

struct OtherAddresses {
    std::string subnet;
    int count = 0;
    std::string label;
};

struct Scenario {
    int version = kScenarioVersion;
    std::string name;
    std::string description;
    std::string cluster_name;            // "clusterName" (CLUSTER_NAME); "" unset
    std::vector<std::string> vpc_cidrs;  // [0] is the primary CIDR
    std::vector<ScenarioSubnet> subnets;
    std::vector<NodeGroup> node_groups;
    std::vector<PodGroup> pods;
    std::vector<OtherAddresses> other_addresses;
};

bool operator==(const Scenario& a, const Scenario& b);
inline bool operator!=(const Scenario& a, const Scenario& b) {
    return !(a == b);
}

// Parses and validates scenario JSON; instance types are looked up in the catalog and
// stored as the catalog spells them. Errors name the field and, for malformed JSON, the
// byte, line and column.
Result<Scenario> load_scenario(std::string_view json, const Catalog& catalog);
// Checks a scenario built in code the way load_scenario checks a file (limits, names,
// references, instance types, node settings, and that its VPC and subnets can be built).
Status validate_scenario(const Scenario& scenario, const Catalog& catalog);
// The scenario as JSON (2-space indent, every node-group field written); load_scenario of
// the result gives back an equal Scenario.
std::string save_scenario(const Scenario& scenario);
// The one writer of scenario JSON: every field, indented (save_scenario), or compact: one
// line, leaving out fields that hold their defaults (save_scenario_compact).
std::string scenario_text(const Scenario& scenario, bool compact);
// Runs the scenario into a fresh cluster (see the purpose block). Fails only if the
// scenario is invalid or a node cannot join its subnet.
Result<Cluster> build_cluster(const Scenario& scenario, const Catalog& catalog);

}  // namespace core
