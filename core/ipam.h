// ipam.h: one node as ipamd (the VPC CNI's IP address manager) sees it.
//
// A Node is an EC2 instance (a "room") with its ENIs ("phone panels"), the secondary IPs or
// /28 prefixes each ENI holds, and its pods ("desks"). Everything here is a pure reading of a
// Node: pool statistics, whether the warm pool is short of or over its targets (with the
// rule and numbers spelled out), kubelet's max-pods. cluster.h carries ipamd's decisions out
// against the VPC's subnets and records what happened as events.
//
// The rules follow amazon-vpc-cni-k8s v1.23 pkg/ipamd (shared/reference/vpc-cni-facts.md,
// "Warm pool (ipamd)"). Where this model chooses, it says so:
// - kubelet max-pods follows the node group kind (capacity.h NodeGroupKind). A self-managed
//   node keeps nodeadm's value, ENIs x (IPs per ENI - 1) + 2, computed WITHOUT prefix
//   delegation, custom networking or a trunk ENI: enabling prefix delegation does not raise
//   it (t3.small stays at 11), and custom networking or security groups for pods do not
//   lower it, so kubelet may admit pods that then wait in ContainerCreating for an address.
//   A node of an EKS managed node group (no custom AMI) gets the max-pods calculator's value
//   for its settings, capped at 110/250. NodeConfig::max_pods_override is the learner
//   raising (or lowering) max-pods by hand. max-pods counts the two host-network pods
//   (aws-node, kube-proxy) that every node runs on its own address, so at most max-pods - 2
//   modelled pods fit.
// - Subnet discovery (ENABLE_SUBNET_DISCOVERY, v1.18.0+, default true) picks the subnet of
//   each new secondary ENI; cluster.h has the rules. An ENI in a subnet tagged
//   kubernetes.io/role/cni=0 (v1.22.0+, discovery on) carries no pod addresses: Eni::excluded.
// - Time is not modelled: no 30 s IP cooldown, no 5 s pool interval, no minimum ENI
//   lifetime, no 2 minute back-off after a subnet error. Released addresses are free at
//   once. cluster.h's reconcile() repeats ipamd's pool pass until nothing changes, which is
//   where ipamd settles a few seconds after each pod arrives or leaves.
// - Go iterates ipamd's ENI map in random order; the model is deterministic instead: pods
//   get addresses from the lowest device index first, addresses and ENIs are released from
//   the highest device index first.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "capacity.h"
#include "catalog.h"
#include "cidr.h"
#include "result.h"

namespace core {

inline constexpr int kHostNetworkPods = 2;      // aws-node and kube-proxy: the node's own address
inline constexpr int kAddressesPerPrefix = 16;  // a /28 prefix

// Upper bounds accepted for the knobs (sane values; ipamd itself takes any integer).
inline constexpr int kMaxWarmEniTarget = 64;
inline constexpr int kMaxWarmIpTarget = 4096;
inline constexpr int kMaxMinimumIpTarget = 4096;
inline constexpr int kMaxWarmPrefixTarget = 512;
inline constexpr int kMaxPodsOverrideLimit = 2000;

// The aws-node environment variables that size the warm pool. Defaults are those of the
// shipped manifest (WARM_PREFIX_TARGET is 0 in code but 1 in the manifest).
struct WarmConfig {
    int warm_eni_target = 1;     // WARM_ENI_TARGET
    int warm_ip_target = 0;      // WARM_IP_TARGET, 0 = unset
    int minimum_ip_target = 0;   // MINIMUM_IP_TARGET, 0 = unset
    int warm_prefix_target = 1;  // WARM_PREFIX_TARGET (prefix delegation only)
};

// How one node's CNI is configured.
struct NodeConfig {
    WarmConfig warm;
    bool prefix_delegation = false;         // ENABLE_PREFIX_DELEGATION (nitro/bare metal only)
    bool custom_networking = false;         // AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG
    bool security_groups_for_pods = false;  // ENABLE_POD_ENI: a trunk ENI takes one slot
    std::string pod_subnet_id;  // the ENIConfig's subnet, used with custom networking only
    int max_pods_override = 0;  // kubelet max-pods set by hand; 0 keeps the default
    NodeGroupKind node_group = NodeGroupKind::SelfManaged;  // who sets max-pods (capacity.h)
    bool subnet_discovery = true;  // ENABLE_SUBNET_DISCOVERY (v1.18.0+, default true)
};

// Why an ENI is in its subnet (cluster.h has the rules), for views that say it in their words.
enum class Placement : uint8_t {
    NodeSubnet,        // the primary ENI: always the node's own subnet
    Trunk,             // the trunk ENI: the node's subnet too
    CustomNetworking,  // the ENIConfig's subnet
    DiscoveryOff,      // subnet discovery off: the node's subnet
    MostFree,          // subnet discovery: the eligible subnet with the most free addresses
    NextEligible,      // subnet discovery: the next eligible one, after those ahead failed
};

// One eligible subnet as subnet discovery ranked it when an ENI was placed.
struct RankedSubnet {
    std::string subnet_id;
    uint64_t free = 0;  // free addresses then
};

// One elastic network interface attached to a node.
struct Eni {
    std::string id;        // "eni-3", unique in the cluster
    int device_index = 0;  // 0 is the primary ENI
    std::string subnet_id;
    Ipv4 primary_ip;             // the ENI's own address; never a pod's
    std::vector<Ipv4> ips;       // secondary IPs (secondary-IP mode)
    std::vector<Cidr> prefixes;  // /28 prefixes (prefix delegation)
    bool trunk = false;          // security groups for pods: carries no pod addresses
    // In a subnet tagged kubernetes.io/role/cni=0 when it was attached, with subnet discovery
    // on (v1.22.0+ ipamd excludes such ENIs from pod addresses): carries no pod addresses.
    bool excluded = false;
    std::string placement;  // why the ENI is in its subnet, in words (cluster.h)
    // The same as a value, and for MostFree and NextEligible the eligible subnets in order.
    Placement placed = Placement::NodeSubnet;
    std::vector<RankedSubnet> ranked;
};

// A pod on a node. A pod waiting for an address has ip 0, no ENI and `waiting` set.
struct Pod {
    std::string name;
    Ipv4 ip;
    std::string eni_id;
    std::string waiting;  // why it is still in ContainerCreating; empty once it has an address
};

// One EC2 instance running kubelet and ipamd.
struct Node {
    std::string name;
    InstanceType type;
    std::string subnet_id;  // the node's own subnet (its primary ENI)
    NodeConfig config;
    int max_pods = 0;          // kubelet max-pods in effect (see kubelet_max_pods)
    std::vector<Eni> enis;     // sorted by device index; [0] is the primary ENI
    std::vector<Pod> pods;     // pods with an address
    std::vector<Pod> pending;  // admitted by kubelet, waiting for an address
    std::string pool_error;    // last subnet failure while growing the pool, "" if none
    ErrorCode pool_error_code = ErrorCode::None;  // its AWS code, e.g. InsufficientCidrBlocks
};

// Which of ipamd's pool rules decided, with its numbers (PoolState::why, EventFacts::why):
// the same decision as PoolState::reason, as values that core/event_words.h words in either
// vocabulary.
enum class PoolRule {
    None,
    AtMaxPods,       // total >= max-pods: the pool stops growing
    WarmEni,         // free vs WARM_ENI_TARGET x IPs per ENI
    WarmPrefix,      // free vs WARM_PREFIX_TARGET x 16
    WarmIp,          // short / over from WARM_IP_TARGET and MINIMUM_IP_TARGET
    MinimumFrozen,   // MINIMUM_IP_TARGET without WARM_IP_TARGET: nothing free, nothing added
    FreePrefixes,    // wholly free prefixes vs WARM_PREFIX_TARGET
    PrefixesOverIp,  // wholly free prefixes more than the warm IP targets need
    EniFree,         // detach: free >= (WARM_ENI_TARGET + 1) x IPs per ENI, ENI without pods
    EniFreeIp,       // detach: the other ENIs still meet the warm IP targets
    EniFreePrefix,   // detach: the other ENIs keep WARM_PREFIX_TARGET wholly free prefixes
};
struct PoolWhy {
    PoolRule rule = PoolRule::None;
    bool low = false;        // the rule finds the pool short
    bool high = false;       // the rule finds the pool over its target
    long long free = 0;      // free addresses (or wholly free prefixes for the prefix rules)
    long long total = 0;     // addresses held
    long long target = 0;    // WARM_ENI_TARGET or WARM_PREFIX_TARGET
    long long per = 0;       // addresses per ENI (or per prefix)
    long long max_pods = 0;  // kubelet max-pods
    long long warm_ip = 0;   // WARM_IP_TARGET
    long long min_ip = 0;    // MINIMUM_IP_TARGET
    long long result = 0;    // short or over (WarmIp), the threshold (EniFree), ...
};
bool operator==(const PoolWhy& a, const PoolWhy& b);

// The values of an event, so that core/event_words.h can word it in either vocabulary.
// Events recorded with text only (record_event) leave known false.
struct EventFacts {
    bool known = false;
    int device = -1;        // the ENI's device index (its panel on the wall, from 0)
    bool prefixes = false;  // count and what are /28 prefixes, not single addresses
    long long count = 0;    // addresses or prefixes the event moved
    std::string what;       // those addresses or prefixes, listed ("10.0.1.5 and 10.0.1.6")
    std::string pod;        // the pod's name
    std::string subnet;     // the subnet it concerns
    PoolWhy why;            // the pool rule that caused it
};

// The kinds of event core records. Their names ("attach-eni") and headlines are one table
// in event_words.cpp.
enum class EventKind {
    NodeAdded,
    NodeRemoved,
    AttachEni,
    DetachEni,
    AssignIps,
    ReleaseIps,
    AssignPrefix,
    ReleasePrefix,
    PodIp,
    PodFailed,
    PodReleased,
    PodUnschedulable,
    SubnetError,
    PoolFlap,
    Config,
    Note,
    AttachBranchEni,  // security groups for pods, core/sg_pods.h
    Other,            // event_kind of a name the table does not know
};
// The kind's name: "attach-eni" ("other" for Other).
const char* event_kind_name(EventKind kind);
// The kind of that name ("attach-eni"); Other for an unknown name.
EventKind event_kind(std::string_view name);

// Something ipamd, kubelet or EC2 did, in words a learner can follow.
struct Event {
    uint64_t seq = 0;
    std::string node;
    EventKind kind = EventKind::Note;
    std::string text;  // "Attached eni-2 (device 1) in subnet-a with 3 secondary IPs: ..."
    ErrorCode code = ErrorCode::None;  // AWS error code where one applies
    EventFacts facts;                  // its values, for words in either vocabulary (event_words.h)
};

bool operator==(const WarmConfig& a, const WarmConfig& b);
bool operator==(const NodeConfig& a, const NodeConfig& b);
bool operator==(const Eni& a, const Eni& b);
bool operator==(const Pod& a, const Pod& b);
bool operator==(const Node& a, const Node& b);
bool operator==(const EventFacts& a, const EventFacts& b);
bool operator==(const Event& a, const Event& b);
inline bool operator!=(const Node& a, const Node& b) {
    return !(a == b);
}

// What ipamd's pool check sees on one node and what it decides.
struct PoolState {
    bool prefix_delegation = false;  // in effect on this node
    int slots_per_eni = 0;           // secondary IPs or prefixes per ENI (IPv4 per ENI - 1)
    long long total = 0;             // pod addresses held (IPs, or prefixes x 16)
    long long assigned = 0;          // given to pods
    long long free = 0;              // total - assigned
    int prefixes = 0;
    int free_prefixes = 0;         // prefixes with no pod in them
    bool warm_ip_targets = false;  // WARM_IP_TARGET or MINIMUM_IP_TARGET set
    long long short_ips = 0;       // with warm IP targets: addresses short
    long long over_ips = 0;        // with warm IP targets: addresses over
    int short_prefixes = 0;        // prefix delegation + warm IP targets, rounded up
    int over_prefixes = 0;
    bool at_max_pods = false;  // total >= max-pods: the pool stops growing
    bool low = false;          // ipamd would add addresses
    bool high = false;         // ipamd would release addresses or prefixes
    std::string reason;        // the rule with its numbers: "free IPs 0 < WARM_ENI_TARGET ..."
    PoolWhy why;               // the same rule as values (event_words.h words it)
};

// Per-node figures for summaries, the warm-pool view and the CLI.
struct NodeStats {
    int enis = 0;      // attached ENIs, primary and trunk included
    int max_enis = 0;  // the instance's limit
    int pod_enis = 0;  // attached ENIs that hold pod addresses
    int secondary_ips = 0;
    int prefixes = 0;
    int free_prefixes = 0;
    long long ips = 0;       // pod-usable addresses held: secondary IPs, or prefixes x 16
    long long free_ips = 0;  // of those, not given to a pod
    int pods = 0;            // pods with an address
    int pending = 0;         // pods waiting in ContainerCreating
    int host_network_pods = kHostNetworkPods;
    int max_pods = 0;                // kubelet max-pods
    long long address_capacity = 0;  // pod addresses with every possible ENI full
    bool prefix_delegation = false;  // in effect (requested and supported)
    bool trunk = false;              // a trunk ENI is attached
};

// The max-pods nodeadm (EKS AL2023 AMI) sets on a self-managed node: ENIs x (IPv4 per ENI -
// 1) + 2, no prefix delegation, no custom networking, no trunk (capacity.h).
int ami_max_pods(const InstanceType& type);
// The capacity options a node configuration stands for (its CNI settings and kind).
CapacityOptions capacity_options(const NodeConfig& config);
// kubelet max-pods for a node with this configuration: the override, else what its node
// group kind gives a new node (capacity.h default_kubelet_max_pods).
int kubelet_max_pods(const InstanceType& type, const NodeConfig& config);
// True if prefix delegation is requested and the type supports it (else ipamd falls back
// to secondary IPs without complaint).
bool prefix_delegation_active(const InstanceType& type, const NodeConfig& config);
// Secondary-IP (or prefix) slots per ENI: IPv4 per ENI minus the ENI's primary address.
int slots_per_eni(const InstanceType& type);
// ENIs of this node that may ever carry pod addresses (limit minus trunk, minus the
// primary ENI under custom networking).
int max_pod_enis(const InstanceType& type, const NodeConfig& config);
// Pod addresses the node holds with every pod ENI full.
long long address_capacity(const InstanceType& type, const NodeConfig& config);
// ENIs of this node that may ever carry pod addresses, counting an excluded primary ENI.
int max_pod_enis(const Node& node);
// Pod addresses this node holds with every pod ENI full, counting an excluded primary ENI.
long long address_capacity(const Node& node);
// True if this ENI of the node may hold pod addresses (not the trunk; not the primary ENI
// under custom networking; not an ENI excluded by its subnet's kubernetes.io/role/cni=0 tag).
bool carries_pod_addresses(const Node& node, const Eni& eni);

// Checks the warm-pool knobs: none negative, each under its sane bound.
Status validate_warm_config(const WarmConfig& warm);
// Checks a configuration against the instance type (knob bounds, max-pods override,
// security groups for pods supported, room for the trunk ENI or a pod ENI). Subnet checks
// (ENIConfig subnet exists and is in the node's zone) live in cluster.h.
Status validate_node_config(const InstanceType& type, const NodeConfig& config);

// ipamd's pool check on the node as it stands.
PoolState pool_state(const Node& node);
// Counts for display.
NodeStats node_stats(const Node& node);

// Finds an ENI of the node by id, nullptr if absent.
const Eni* find_eni(const Node& node, std::string_view eni_id);
// The pod (with an address or waiting) of that name, nullptr if absent.
const Pod* find_pod(const Node& node, std::string_view pod_name);

// "node-1 (t3.small in subnet-a): 2 ENIs, 6 secondary IPs (5 free), 1 pod, max-pods 11"
std::string node_summary(const Node& node);
// "eni-2 device 1 in subnet-a, primary 10.0.1.9: 3 secondary IPs, 1 pod"
std::string eni_summary(const Node& node, const Eni& eni);
// "#12 node-1 attach-eni: Attached eni-2 ... [InsufficientCidrBlocks]"
std::string format_event(const Event& event);

}  // namespace core
