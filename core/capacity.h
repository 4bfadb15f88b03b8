// capacity.h: how many pods fit on a node, with the working shown.
//
// max_pods() returns the number and its derivation as data (each step a sentence with
// the numbers filled in), plus the seed article's simplified figure so the tutorial can
// show the simple picture first and the exact one next. Facts: shared/reference and
// docs/vpc-cni-today.md (every rule below with its source).
//
// Two numbers are easy to confuse, so they have two names:
// - max_pods: AWS's formula for these CNI settings, ENIs x (IPv4 per ENI - 1) [x 16] + 2,
//   as max-pods-calculator.sh --show-max-allowed computes it (custom networking takes off
//   the primary ENI; the trunk ENI of security groups for pods is in no AWS formula);
// - kubelet_max_pods: what kubelet enforces on a NEW node of the chosen node group kind when
//   nobody sets max-pods by hand. Who sets it depends on the kind (NodeGroupKind).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "catalog.h"
#include "result.h"

namespace core {

// Who starts the node, and so who writes kubelet's max-pods on it.
enum class NodeGroupKind {
    // Self-managed nodes, and managed node groups whose launch template names an AMI: the
    // AMI's bootstrap sets it. On the EKS AL2023 AMI nodeadm computes ENIs x (IPv4 per ENI -
    // 1) + 2 and knows nothing of the CNI's settings.
    SelfManaged,
    // An EKS managed node group without a custom AMI: EKS computes it with the max-pods
    // calculator's logic for the CNI's settings (prefix delegation counted), capped 110/250.
    Managed,
};
// "self-managed", "managed"
const char* node_group_kind_name(NodeGroupKind kind);
// Parses "self-managed" or "managed"; the error lists both.
Result<NodeGroupKind> parse_node_group_kind(std::string_view text);

// Where kubelet's max-pods on a new node comes from.
enum class MaxPodsSource {
    Nodeadm,           // nodeadm (AL2023 EKS AMI) from its instance table
    NodeadmEc2Api,     // nodeadm from ec2:DescribeInstanceTypes at boot (type not in its table)
    ManagedNodeGroup,  // EKS managed node group: the max-pods calculator's logic, capped
};
// "nodeadm", "nodeadm-ec2-api", "managed-node-group"
const char* max_pods_source_name(MaxPodsSource source);

struct CapacityOptions {
    bool prefix_delegation = false;         // ENABLE_PREFIX_DELEGATION
    bool custom_networking = false;         // AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG
    bool security_groups_for_pods = false;  // ENABLE_POD_ENI (trunk ENI)
    bool ipv6 = false;  // ENABLE_IPv6 (an IPv6 cluster; needs prefix delegation)
    NodeGroupKind node_group = NodeGroupKind::SelfManaged;
};

// The default options with prefix delegation, or custom networking, switched on.
inline CapacityOptions with_prefix_delegation() {
    CapacityOptions o;
    o.prefix_delegation = true;
    return o;
}
inline CapacityOptions with_custom_networking() {
    CapacityOptions o;
    o.custom_networking = true;
    return o;
}

struct DerivationStep {
    std::string label;    // "pod addresses"
    std::string formula;  // "3 ENIs x (4 - 1) addresses"
    long long value = 0;  // 9
};

// What kubelet enforces on a new node of one kind when nobody sets max-pods by hand.
struct KubeletMaxPods {
    NodeGroupKind node_group = NodeGroupKind::SelfManaged;
    long long value = 0;
    MaxPodsSource source = MaxPodsSource::Nodeadm;
    std::string source_text;  // one sentence: who computes it, how, from which table
    std::vector<DerivationStep> steps;
};

// An IPv6 node (ENABLE_IPv6): pods take addresses from one /80 prefix on the primary ENI.
struct Ipv6Node {
    int prefix_length = 80;                // the IPv6 prefix ipamd assigns to the primary ENI
    long long prefix_addresses = 0;        // 2^48 addresses in a /80
    int pod_enis = 1;                      // ENIs with pod addresses: the primary only
    std::string v4_egress_range;           // ENABLE_V4_EGRESS: "169.254.172.0/22"
    long long v4_egress_addresses = 0;     // 1,024 host-local IPv4 addresses, one per pod
    std::vector<std::string> unsupported;  // what IPv6 mode does not support, with sources
};

struct MaxPods {
    std::string instance_type;
    int enis = 0;                    // ENIs the instance can attach (default card)
    int ips_per_eni = 0;             // IPv4 per ENI, primary included
    int pod_enis = 0;                // ENIs that carry pod addresses
    bool prefix_delegation = false;  // true only where PD takes effect on this type
    bool prefix_delegation_requested = false;
    bool custom_networking = false;
    bool security_groups_for_pods = false;  // true only where the trunk ENI is attached
    bool security_groups_for_pods_requested = false;
    bool sgp_supported = false;          // branch ENIs available on this type
    int branch_enis = 0;                 // security-group pods possible (0 unsupported)
    long long pod_ips = 0;               // addresses available to pods
    long long max_pods = 0;              // AWS's formula for these settings (see above)
    long long ami_max_pods = 0;          // what nodeadm sets on a self-managed node: no options
    long long recommended_max_pods = 0;  // max-pods-calculator.sh: capped 110 / 250 by vCPU
    int recommended_cap = 0;             // 110 or 250
    NodeGroupKind node_group = NodeGroupKind::SelfManaged;
    KubeletMaxPods kubelet;          // what kubelet enforces on a new node of that kind
    long long managed_max_pods = 0;  // what a new managed-node-group node would get
    long long trunk_cost = 0;        // pod addresses the trunk ENI's slot takes (0 if none)
    // Admitted pods that would wait in ContainerCreating without an address on a full node:
    // kubelet's max-pods - 2 host-network pods - pod addresses, when positive (0: none wait).
    long long waiting_when_full = 0;
    bool ipv6 = false;              // IPv6 mode: pod addresses from a /80, see ipv6_node
    long long seed_figure = 0;      // the seed article's simplified number
    std::string seed_formula;       // "(3 x 4) - 3"
    bool seed_approximate = false;  // the seed shows its PD figure as "~189"
    std::vector<DerivationStep> steps;
    std::vector<std::string> notes;  // e.g. "prefix delegation has no effect on xen"
};

// Computes pod capacity for one instance type under the given options. Combinations AWS does
// not support (check_capacity_options) are still computed, with a note saying why.
MaxPods max_pods(const InstanceType& type, const CapacityOptions& options = {});
// Refuses combinations AWS does not support, saying why: IPv6 with custom networking, IPv6 on
// a type without prefix delegation (not Nitro, not bare metal).
Status check_capacity_options(const InstanceType& type, const CapacityOptions& options);
// What kubelet enforces on a new node of options.node_group when nobody sets max-pods.
KubeletMaxPods default_kubelet_max_pods(const InstanceType& type, const CapacityOptions& options);
// max-pods-calculator.sh for these settings: the formula, capped at 110 (30 vCPUs or fewer)
// or 250 unless `capped` is false (--show-max-allowed). Prefix delegation counts only on
// hypervisor "nitro", as the script reads DescribeInstanceTypes.
long long calculator_max_pods(const InstanceType& type, bool prefix_delegation,
                              bool custom_networking, bool capped);
// The IPv6 facts for a node of this type (the address limit is gone; see max_pods for the
// max-pods it gets).
Ipv6Node ipv6_node(const InstanceType& type);
// Why security groups for pods cannot be used on this type (empty if it can).
std::string sgp_unsupported_reason(const InstanceType& type);
// True if ipamd can use prefix delegation on this type (nitro or bare metal).
bool supports_prefix_delegation(const InstanceType& type);
// True for the burstable t family ("t2", "t3a", "t4g"...), which has no branch ENIs.
bool burstable_t_family(const InstanceType& type);
// True if the type supports security groups for pods (has branch ENIs).
bool supports_security_groups_for_pods(const InstanceType& type);

}  // namespace core
