// cluster.h: a campus of nodes, each running ipamd against the VPC's subnets.
//
// A Cluster is a Vpc plus its nodes and a log of events. Adding a node allocates its
// primary ENI (and the trunk ENI with security groups for pods) from the node's subnet,
// then lets ipamd fill the warm pool. Pods arrive and leave one at a time; after each,
// the node's ipamd settles (reconcile). Every ENI attach, address assignment, release and
// failure is recorded as an Event with the rule that caused it, so the learner can see why
// a t3.small with one pod holds two ENIs.
//
// Plain values: copying a Cluster is a snapshot (undo, "restart this step"). Calls that
// fail leave the cluster as it was, with one deliberate exception, add_pod when the pod is
// admitted but no address can be found (see there).
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "ipam.h"
#include "result.h"
#include "vpc.h"

namespace core {

inline constexpr std::size_t kMaxEvents = 2000;  // older events are dropped (and counted)
inline constexpr std::size_t kMaxClusterNodes = 5000;
inline constexpr int kMaxNameLength = 63;

// Addresses held by something other than a node (an RDS instance, Lambda ENIs, a load
// balancer): they make a building fuller or more fragmented.
struct OtherUse {
    std::string label;  // "rds"
    std::string subnet_id;
    std::vector<Ipv4> ips;
};

struct Cluster {
    std::string name;  // CLUSTER_NAME of aws-node; "" unset (cluster subnet tags not checked)
    Vpc vpc;
    std::vector<Node> nodes;
    std::vector<OtherUse> others;
    std::deque<Event> events;     // the last kMaxEvents
    uint64_t next_seq = 1;        // seq of the next event
    uint64_t events_dropped = 0;  // events pushed out of the log
    int next_eni_id = 1;          // "eni-1", "eni-2", ... across the cluster
    int next_pod_id = 1;          // automatic pod names "pod-1", ...
};

// Same VPC, nodes, other holdings, events and counters.
bool operator==(const Cluster& a, const Cluster& b);
inline bool operator!=(const Cluster& a, const Cluster& b) {
    return !(a == b);
}

// What add_node needs.
struct NodeDesc {
    std::string name;  // "node-1": letters, digits, '.', '-', '_'; at most 63
    InstanceType type;
    std::string subnet_id;  // the node's subnet (primary ENI, trunk ENI)
    NodeConfig config;
};

// Subnet discovery (ENABLE_SUBNET_DISCOVERY, v1.18.0+, default true), as ipamd does it in
// aws/amazon-vpc-cni-k8s pkg/awsutils/awsutils.go (createENI, GetVpcSubnets,
// isSubnetValidForENICreation, IsSubnetExcluded; v1.22.4+ rules):
// - a new secondary ENI (never the primary; not with custom networking, which uses the
//   ENIConfig's subnet) may go to any subnet of the node's VPC in the node's zone that is
//   eligible: the node's own subnet unless tagged kubernetes.io/role/cni=0; any other subnet
//   only if tagged kubernetes.io/role/cni with a value other than "0" (an empty value counts
//   as no tag); a subnet with such a tag that also carries cni.networking.k8s.aws/cluster/*
//   tags is eligible only for the cluster named in one of them (Cluster::name; unset: no
//   check);
// - eligible subnets are tried most free addresses first (a stable sort: ties keep the
//   VPC's order); the first ENI creation that succeeds wins;
// - with discovery on, an ENI in a subnet tagged kubernetes.io/role/cni=0 (the primary ENI
//   included) carries no pod addresses (pkg/ipamd/ipamd.go excludedENIBasedOnSubnetTags);
// - with discovery off every secondary ENI goes to the node's subnet, and none is created
//   if that subnet is tagged kubernetes.io/role/cni=0;
// - when an attached ENI's subnet has no addresses left, ipamd with discovery on moves on
//   (to the next ENI, then a new ENI elsewhere) instead of waiting (ipamd.go
//   tryAssignIPs/tryAssignPrefixes).
// Not modelled: DescribeSubnets denied by IAM (then: the node's subnet), the security groups
// of discovered-subnet ENIs (the node's), tags changed under attached ENIs.
inline constexpr const char* kSubnetRoleTag = "kubernetes.io/role/cni";
inline constexpr const char* kClusterTagPrefix = "cni.networking.k8s.aws/cluster/";

// One subnet as subnet discovery sees it for a node.
struct SubnetCandidate {
    std::string subnet_id;
    uint64_t free = 0;         // free addresses (EC2's AvailableIpAddressCount)
    bool eligible = false;     // may hold a new secondary ENI of this node
    bool node_subnet = false;  // the node's own subnet
    std::string why;  // "tagged kubernetes.io/role/cni=1", "the node's own subnet, untagged"
};

// Whether a subnet may hold a new secondary ENI (isSubnetValidForENICreation); `why` says why.
bool subnet_eligible_for_enis(const Subnet& subnet, bool node_subnet, std::string_view cluster_name,
                              std::string* why = nullptr);
// Whether ipamd excludes ENIs in this subnet from pod addresses (IsSubnetExcluded).
bool subnet_excluded(const Subnet& subnet, std::string_view cluster_name);
// The subnets of the node's zone in the order ipamd would try them for a new secondary ENI:
// eligible ones, most free first, then the others (eligible false) with their reason. With
// custom networking: the ENIConfig subnet alone; with discovery off: the node's subnet alone.
std::vector<SubnetCandidate> eni_subnet_order(const Cluster& cluster, const Node& node);

// A cluster around a VPC.
Cluster make_cluster(Vpc vpc);
// Finds a node by name, nullptr if absent.
Node* find_node(Cluster& cluster, std::string_view name);
const Node* find_node(const Cluster& cluster, std::string_view name);

// Checks a node configuration against the cluster: validate_node_config plus, with custom
// networking, an ENIConfig subnet that exists and lies in the node subnet's zone.
Status validate_node_config(const Cluster& cluster, const InstanceType& type,
                            std::string_view node_subnet_id, const NodeConfig& config);
// Adds a node: its primary ENI with a primary IP from its subnet (and the trunk ENI with
// security groups for pods), then ipamd fills the warm pool (events say how).
Status add_node(Cluster& cluster, const NodeDesc& desc);
// Removes a node and returns all it held (pods' addresses, secondary IPs, prefixes, ENI
// primaries) to the subnets.
Status remove_node(Cluster& cluster, std::string_view name);

// Schedules a pod onto a node (pod_name empty: "pod-N"). kubelet refuses it when the node
// already has max-pods pods (the two host-network pods count): an error, nothing changes.
// Otherwise the pod gets a free address from the pool, after ipamd has grown the pool if
// none was free; then ipamd settles. If no address can be had (ENIs full, subnet
// exhausted, pool frozen), the pod is admitted anyway and waits in ContainerCreating: it is
// recorded in node.pending with a pod-failed event, the pool may have changed, and the
// call returns an error whose code is the AWS code where one applies
// (InsufficientFreeAddressesInSubnet, InsufficientCidrBlocks) or "NoAvailableIPAddresses".
Result<Pod> add_pod(Cluster& cluster, std::string_view node_name, std::string_view pod_name = {});
// Deletes a pod (running or waiting); its address is free at once (no cooldown); then
// ipamd settles, which may release addresses or ENIs and give waiting pods an address.
Status remove_pod(Cluster& cluster, std::string_view node_name, std::string_view pod_name);
// Lets the node's ipamd settle: pool passes until nothing changes, giving waiting pods an
// address as soon as one is free.
Status reconcile(Cluster& cluster, std::string_view node_name);
// Changes a running node's warm-pool knobs or max-pods override, then ipamd settles.
// Prefix delegation, custom networking, the ENIConfig subnet, security groups for pods, the
// node group kind and subnet discovery cannot change on a running node (replace the node).
Status set_node_config(Cluster& cluster, std::string_view node_name, const NodeConfig& config);

// Takes `count` addresses of a subnet for something other than a node (label names it).
Status hold_addresses(Cluster& cluster, std::string_view subnet_id, int count,
                      std::string_view label);
// Returns every address held under the label.
Status release_held(Cluster& cluster, std::string_view label);

// Pods of a campus by how they stand: the one way core counts them.
struct PodCounts {
    int wanted = 0;   // pods the teams run (running + waiting + pending)
    int running = 0;  // with an address
    int waiting = 0;  // admitted, in ContainerCreating without an address
    int pending = 0;  // Pending: no node would admit them (max-pods); known to the scheduler
                      // of a campus that has one (labs.h), 0 for the cluster alone
};
bool operator==(const PodCounts& a, const PodCounts& b);
// Running and waiting pods over every node of the cluster (wanted: the two together).
PodCounts pod_counts(const Cluster& cluster);

// Appends an event (for scenario runs and lessons: PodUnschedulable, Note, ...).
void record_event(Cluster& cluster, std::string_view node, EventKind kind, std::string_view text,
                  ErrorCode code = ErrorCode::None);

// Checks the model's invariants: no address held twice across the cluster, none
// AWS-reserved, every held address inside its ENI's subnet, prefixes aligned /28s, subnet
// `use` exactly matching what ENIs and other holders hold, ENI counts and slots within the
// instance limits, trunk and custom-networking rules, pods only on addresses their node
// holds (once each), pods + waiting pods + 2 host-network pods <= max-pods. Linear in the
// size of the cluster.
Status check_invariants(const Cluster& cluster);

}  // namespace core
