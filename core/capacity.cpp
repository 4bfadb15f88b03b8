// capacity.cpp: max-pods with its derivation (see capacity.h, the facts file and
// docs/vpc-cni-today.md). Each rule names its source where it is implemented.
#include "capacity.h"
#include "format.h"
#include "lookup.h"

#include <algorithm>

namespace core {
namespace {

constexpr int kHostNetworkPods = 2;      // aws-node and kube-proxy use the node's address
constexpr int kAddressesPerPrefix = 16;  // a /28 prefix
// max-pods-calculator.sh (awslabs/amazon-eks-ami templates/al2/runtime, last version before
// b2289030, 2026-03-04): MAX_POD_CEILING_FOR_LOW_CPU=110, MAX_POD_CEILING_FOR_HIGH_CPU=250,
// `if [ "$CPU_COUNT" -gt 30 ]`: 250 above 30 vCPUs, 110 at 30 or fewer.
constexpr int kSmallNodeCap = 110;
constexpr int kLargeNodeCap = 250;
constexpr int kSmallNodeMaxVcpus = 30;
// IPv6: ipamd assigns one /80 to the primary ENI (README ENABLE_IPv6; pkg/ipamd/ipamd.go
// assignIPv6Prefix). ENABLE_V4_EGRESS (v1.15.1+, default true) reserves 169.254.172.0/22.
constexpr int kIpv6PrefixLength = 80;
constexpr const char* kV4EgressRange = "169.254.172.0/22";
constexpr long long kV4EgressAddresses = 1024;

std::string hypervisor_reason(const InstanceType& type) {
    if (type.hypervisor == Hypervisor::Xen) return "xen hypervisor";
    return "hypervisor unknown and not bare metal";
}

int cap_for(const InstanceType& type) {
    return type.vcpus > kSmallNodeMaxVcpus ? kLargeNodeCap : kSmallNodeCap;
}

std::string cap_text(const InstanceType& type) {
    if (type.vcpus <= 0) return num(kSmallNodeCap) + ": vCPU count unknown, taken as 30 or fewer";
    if (cap_for(type) == kSmallNodeCap) return num(kSmallNodeCap) + " for 30 vCPUs or fewer";
    return num(kLargeNodeCap) + " for more than 30 vCPUs";
}

// nodeadm's value: the EKS AL2023 AMI. awslabs/amazon-eks-ami
// nodeadm/internal/kubelet/eni_max_pods.go calculateStandardMaxPods (since #2446,
// 2025-10-03): DefaultMaxENIs * (Ipv4AddressesPerInterface - 1) + 2 from the embedded
// instance-info.jsonl, else from ec2:DescribeInstanceTypes (GetInstanceInfo), else kubelet's
// default 110 (config.go withDefaultReservedResources). It reads no CNI setting: prefix
// delegation, custom networking, trunk ENIs and IPv6 do not change it.
long long nodeadm_max_pods(const InstanceType& type) {
    return static_cast<long long>(type.max_enis) * std::max(type.ipv4_per_eni - 1, 0) +
           kHostNetworkPods;
}

}  // namespace

const char* node_group_kind_name(NodeGroupKind kind) {
    return kind == NodeGroupKind::Managed ? "managed" : "self-managed";
}

Result<NodeGroupKind> parse_node_group_kind(std::string_view text) {
    if (text == "managed") return NodeGroupKind::Managed;
    if (text == "self-managed") return NodeGroupKind::SelfManaged;
    std::string shown(text.substr(0, 40));
    for (char& c : shown) {
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) c = '?';
    }
    return make_error(
        "A node group kind is 'managed' (an EKS managed node group without a custom "
        "AMI) or 'self-managed' (self-managed nodes, or a custom AMI); got '" +
        shown + "'.");
}

const char* max_pods_source_name(MaxPodsSource source) {
    static constexpr EnumWord<MaxPodsSource> kNames[] = {
        {MaxPodsSource::NodeadmEc2Api, "nodeadm-ec2-api"},
        {MaxPodsSource::ManagedNodeGroup, "managed-node-group"}};
    return word_for(kNames, source, "nodeadm");
}

bool supports_prefix_delegation(const InstanceType& type) {
    return type.hypervisor == Hypervisor::Nitro || type.bare_metal;
}

bool burstable_t_family(const InstanceType& type) {
    const std::string& n = type.name;
    return n.size() > 1 && n[0] == 't' && n[1] >= '0' && n[1] <= '9';
}

bool supports_security_groups_for_pods(const InstanceType& type) {
    return type.branch_enis > 0;
}

std::string sgp_unsupported_reason(const InstanceType& type) {
    if (supports_security_groups_for_pods(type)) return "";
    if (burstable_t_family(type)) return "no branch ENIs, like the whole t family";
    if (type.branch_enis < 0) return "not listed with branch ENIs";
    return "no branch ENIs";
}

long long calculator_max_pods(const InstanceType& type, bool prefix_delegation,
                              bool custom_networking, bool capped) {
    // max-pods-calculator.sh: enis_for_pods = MaximumNetworkInterfaces of the default card,
    // minus 1 with --cni-custom-networking-enabled; the prefix formula only when
    // Hypervisor == "nitro" (bare-metal types report no hypervisor) and CNI >= 1.9.
    const long long enis = std::max(type.max_enis - (custom_networking ? 1 : 0), 0);
    const bool pd = prefix_delegation && type.hypervisor == Hypervisor::Nitro;
    const long long value =
        enis * std::max(type.ipv4_per_eni - 1, 0) * (pd ? kAddressesPerPrefix : 1) +
        kHostNetworkPods;
    return capped ? std::min<long long>(value, cap_for(type)) : value;
}

KubeletMaxPods default_kubelet_max_pods(const InstanceType& type, const CapacityOptions& options) {
    KubeletMaxPods k;
    k.node_group = options.node_group;
    if (options.node_group == NodeGroupKind::SelfManaged) {
        k.value = nodeadm_max_pods(type);
        k.source = type.in_nodeadm ? MaxPodsSource::Nodeadm : MaxPodsSource::NodeadmEc2Api;
        const std::string formula =
            count(type.max_enis, "ENI", "ENIs") + " x (" + num(type.ipv4_per_eni) + " - 1) + 2";
        k.source_text =
            type.in_nodeadm
                ? "nodeadm on the EKS AL2023 AMI computes it from its instance table: " + formula
                : "nodeadm on the EKS AL2023 AMI asks ec2:DescribeInstanceTypes at boot (" +
                      type.name + " is not in its instance table) and computes " + formula +
                      " (kubelet's default 110 if that call fails)";
        k.source_text += type.in_eni_max_pods
                             ? "; eni-max-pods.txt (amazon-vpc-cni-k8s) publishes the same value"
                             : "; eni-max-pods.txt (amazon-vpc-cni-k8s) does not list " + type.name;
        k.steps.push_back({"kubelet max-pods on a new self-managed node",
                           formula + " (nodeadm counts no CNI setting)", k.value});
        return k;
    }
    // Managed node group without a custom AMI: EKS applies the max-pods calculator's value for
    // the VPC CNI's settings (amazon-eks-user-guide create-managed-node-group: "calculates the
    // value using the script referenced in ... determine-max-pods"; cni-increase-ip-addresses-
    // procedure: computed for you with CNI >= 1.9, "enforces a maximum number on the value of
    // maxPods"). IPv6 clusters run with ENABLE_PREFIX_DELEGATION=true, so it counts there too.
    const bool pd = options.prefix_delegation || options.ipv6;
    const long long uncapped = calculator_max_pods(type, pd, options.custom_networking, false);
    k.value = std::min<long long>(uncapped, cap_for(type));
    k.source = MaxPodsSource::ManagedNodeGroup;
    const bool pd_counted = pd && type.hypervisor == Hypervisor::Nitro;
    const long long enis = std::max(type.max_enis - (options.custom_networking ? 1 : 0), 0);
    std::string formula = count(enis, "ENI", "ENIs") + " x (" + num(type.ipv4_per_eni) + " - 1)" +
                          (pd_counted ? " x 16" : "") + " + 2 = " + num(uncapped);
    k.source_text =
        "an EKS managed node group without a custom AMI: EKS applies the max-pods calculator's "
        "value for the VPC CNI's settings, " +
        formula + ", capped at " + num(cap_for(type)) +
        (type.vcpus > kSmallNodeMaxVcpus ? " (more than 30 vCPUs)" : " (30 vCPUs or fewer)");
    if (pd && !pd_counted) {
        k.source_text += "; the calculator counts prefix delegation only on hypervisor nitro";
    }
    k.steps.push_back({"max-pods calculator for these settings", formula, uncapped});
    k.steps.push_back({"kubelet max-pods on a new managed node",
                       "min(" + num(uncapped) + ", " + cap_text(type) + ")", k.value});
    return k;
}

Ipv6Node ipv6_node(const InstanceType& type) {
    Ipv6Node v;
    v.prefix_length = kIpv6PrefixLength;
    v.prefix_addresses = 1LL << (128 - kIpv6PrefixLength);
    v.pod_enis = 1;
    v.v4_egress_range = kV4EgressRange;
    v.v4_egress_addresses = kV4EgressAddresses;
    // README "VPC CNI Feature Matrix" (IPv6 row) and ENABLE_IPv6; EKS user guide cni-ipv6.
    v.unsupported = {
        "custom networking (EKS user guide, cni-ipv6: not supported with IPv6)",
        "instance types without prefix delegation: IPv6 needs Nitro or bare metal (README "
        "ENABLE_IPv6 and ENABLE_PREFIX_DELEGATION)",
        "secondary-IP mode: ENABLE_PREFIX_DELEGATION must be true (README feature matrix)",
        "WARM_IP_TARGET, MINIMUM_IP_TARGET and WARM_PREFIX_TARGET (README feature matrix)",
        "external SNAT (README feature matrix)",
        "Windows nodes (EKS user guide, cni-ipv6)",
        "changing the IP family of an existing cluster: it is chosen at creation (EKS user "
        "guide, cni-ipv6)",
    };
    if (!supports_prefix_delegation(type)) {
        v.unsupported.push_back(type.name + " itself (" + hypervisor_reason(type) + ")");
    }
    return v;
}

Status check_capacity_options(const InstanceType& type, const CapacityOptions& options) {
    if (!options.ipv6) return Ok{};
    if (options.custom_networking) {
        return make_error(
            "IPv6 and custom networking do not go together: in an IPv6 cluster pods take "
            "addresses from the primary ENI's /80 prefix, and the EKS user guide (cni-ipv6) "
            "says custom networking is not supported with IPv6.");
    }
    if (!supports_prefix_delegation(type)) {
        return make_error("IPv6 needs prefix delegation, which " + type.name + " (" +
                          hypervisor_reason(type) +
                          ") does not support: IPv6 clusters run on Nitro or bare-metal "
                          "instance types only.");
    }
    return Ok{};
}

namespace {

// IPv6: ipamd manages the primary ENI (and the trunk ENI) only and gives it one /80
// (pkg/ipamd/ipamd.go setupENI: "In v6 PD mode, VPC CNI will manage the primary ENI,
// ENIs on NC > 0 and trunk ENI"). The address limit disappears; the ceiling is
// kubelet's max-pods: AWS's calculator ceilings 110 / 250 (EKS user guide
// choosing-instance-type), then CPU and memory.
void ipv6_capacity(MaxPods& r, const InstanceType& type, const CapacityOptions& options) {
    const Ipv6Node v6 = ipv6_node(type);
    r.pod_enis = 1;
    r.pod_ips = v6.prefix_addresses;
    r.max_pods = r.recommended_cap;
    r.recommended_max_pods = r.recommended_cap;
    r.steps.push_back({"IPv6 prefix on the primary ENI",
                       "one /" + num(v6.prefix_length) +
                           " (prefix delegation, always on "
                           "in IPv6)",
                       v6.prefix_length});
    r.steps.push_back({"pod addresses",
                       "2^(128 - 80) = " + with_commas(v6.prefix_addresses) +
                           " on the primary ENI; no further ENI is attached "
                           "for pods",
                       r.pod_ips});
    r.steps.push_back({"max-pods",
                       "no address limit: kubelet's ceiling, " + cap_text(type) +
                           " (the max-pods calculator's ceilings), then CPU and memory",
                       r.max_pods});
    r.steps.push_back({"kubelet max-pods on a new " +
                           std::string(node_group_kind_name(options.node_group)) + " node",
                       r.kubelet.source_text, r.kubelet.value});
    r.notes.push_back(
        "IPv6: pods get IPv6 addresses only (EKS has no dual-stack pods). For IPv4 "
        "destinations ENABLE_V4_EGRESS (v1.15.1+, default true) gives each pod a host-local "
        "address from " +
        v6.v4_egress_range + " (" + with_commas(v6.v4_egress_addresses) +
        " addresses) and the node SNATs that traffic to its own IPv4 address.");
    if (options.node_group == NodeGroupKind::SelfManaged) {
        r.notes.push_back(
            "On a self-managed node nodeadm still sets " + num(r.kubelet.value) +
            " (the IPv4 formula; it knows nothing of IPv6): set max-pods by hand to use the "
            "room the /80 gives (up to " +
            num(r.recommended_cap) + " as AWS recommends here).");
    } else {
        r.notes.push_back("A new managed-node-group node gets " + num(r.kubelet.value) +
                          ": EKS applies the calculator with prefix delegation (required "
                          "in IPv6), capped at " +
                          num(r.recommended_cap) + ".");
    }
    r.notes.push_back(
        "Not supported in IPv6 mode: custom networking, secondary-IP mode, the "
        "WARM_IP/MINIMUM_IP/WARM_PREFIX targets, external SNAT, Windows nodes, "
        "non-Nitro instance types; the IP family is chosen when the cluster "
        "is created and never changes.");
    r.notes.push_back(
        "Security groups for pods with IPv6: the VPC CNI README's feature matrix says no; "
        "the EKS user guide (cni-ipv6) says yes, on EC2 and Fargate nodes. The user guide "
        "is the newer source.");
    if (!supports_prefix_delegation(type)) {
        r.notes.push_back(type.name + " cannot run in an IPv6 cluster: " + hypervisor_reason(type) +
                          ", so no prefix delegation.");
    }
    if (options.custom_networking) {
        r.notes.push_back("Custom networking is not available in IPv6 mode.");
    }
}

// The IPv4 derivation, step by step; `reserved_text` names the ENIs that carry no pod
// addresses, `formula_enis` the ENIs AWS's formula counts.
void ipv4_steps(MaxPods& r, const InstanceType& type, int reserved,
                const std::string& reserved_text, long long formula_enis) {
    r.steps.push_back({"addresses per ENI (primary included)", "", r.ips_per_eni});
    if (reserved > 0) {
        r.steps.push_back({"ENIs that carry pod addresses",
                           count(r.enis, "ENI", "ENIs") + reserved_text, r.pod_enis});
    }
    std::string pod_formula =
        count(r.pod_enis, "ENI", "ENIs") + " x (" + num(r.ips_per_eni) + " - 1) ";
    if (r.prefix_delegation) {
        pod_formula += "prefix slots x " + num(kAddressesPerPrefix) + " addresses per /28 prefix";
    } else {
        pod_formula += "addresses";
    }
    r.steps.push_back({"pod addresses", pod_formula, r.pod_ips});
    std::string max_formula = num(r.max_pods - kHostNetworkPods) + " + " + num(kHostNetworkPods) +
                              " host-network pods (aws-node, kube-proxy)";
    if (r.security_groups_for_pods) {
        max_formula = count(formula_enis, "ENI", "ENIs") + " x (" + num(r.ips_per_eni) + " - 1)" +
                      (r.prefix_delegation ? " x 16" : "") +
                      " + 2: AWS's formula has no term for the trunk ENI";
    }
    r.steps.push_back({"max-pods", max_formula, r.max_pods});
    r.steps.push_back({"recommended max-pods",
                       "min(" + num(r.max_pods) + ", " + cap_text(type) + ")",
                       r.recommended_max_pods});
}

// IPv4 notes on network cards and prefix delegation: what changed, what silently did not,
// and the classic confusions of the simple count.
void card_and_prefix_notes(MaxPods& r, const InstanceType& type, const CapacityOptions& options,
                           long long slots_per_eni, int reserved) {
    if (type.network_cards > 1) {
        r.notes.push_back(type.name + " has " + num(type.network_cards) + " network cards with " +
                          num(type.enis_all_cards) + " ENIs in all; the VPC CNI attaches ENIs on " +
                          "the default card only: " + count(r.enis, "ENI", "ENIs") +
                          " (ENABLE_MULTI_NIC, v1.20.0+, off by default, lets it use every "
                          "card for pods that ask for one address per card).");
    }
    if (r.prefix_delegation_requested && !r.prefix_delegation) {
        r.notes.push_back("Prefix delegation has no effect on " + type.name + " (" +
                          hypervisor_reason(type) +
                          "): ipamd needs a nitro or bare-metal instance and silently falls back "
                          "to one secondary IP address per slot.");
    }
    if (r.prefix_delegation) {
        // Who sets max-pods decides whether turning prefix delegation on raises it.
        if (options.node_group == NodeGroupKind::SelfManaged) {
            r.notes.push_back(
                "On a self-managed node (or a managed node group with a custom AMI) turning on "
                "prefix delegation does not raise kubelet's max-pods by itself: nodeadm still "
                "sets " +
                num(r.kubelet.value) +
                " until max-pods is set by hand (max-pods-calculator.sh with "
                "--cni-prefix-delegation-enabled gives " +
                num(r.recommended_max_pods) +
                "). A new node of an EKS managed node group "
                "without a custom AMI would get " +
                num(r.managed_max_pods) + ".");
        } else {
            r.notes.push_back(
                "On a new node of an EKS managed node group without a custom AMI, EKS counts "
                "prefix delegation: max-pods " +
                num(r.kubelet.value) +
                ". Nodes started before prefix delegation was turned on keep their value until "
                "they are replaced; a self-managed node would keep nodeadm's " +
                num(r.ami_max_pods) + ".");
        }
        const long long exact =
            static_cast<long long>(r.enis) * slots_per_eni * kAddressesPerPrefix;
        r.notes.push_back(
            "The simple count " + r.seed_formula + " = ~" + num(r.seed_figure) +
            " treats each ENI's primary slot as a prefix slot and subtracts after "
            "multiplying; primary slots hold no prefix, so it is " +
            num(r.enis) + " x (" + num(r.ips_per_eni) + " - 1) x 16 = " + num(exact) +
            " pod addresses" +
            (reserved > 0 ? " before the custom-networking or trunk ENI is taken off." : "."));
    } else {
        r.notes.push_back("The simple count " + r.seed_formula + " = " + num(r.seed_figure) +
                          " counts addresses for pods; max-pods adds the " + num(kHostNetworkPods) +
                          " host-network pods (aws-node, kube-proxy), which use the node's own "
                          "address.");
    }
}

// IPv4 notes on the +2, custom networking, security groups for pods, waiting pods and the
// vCPU cap.
void option_notes(MaxPods& r, const InstanceType& type, const CapacityOptions& options,
                  long long slots_per_eni) {
    const bool vcpus_known = type.vcpus > 0;
    r.notes.push_back(
        "The +2 is AWS's allowance for aws-node and kube-proxy. Other host-network daemon sets "
        "(for example eks-pod-identity-agent) also use max-pods slots without taking a pod "
        "address.");
    if (r.custom_networking) {
        r.notes.push_back(
            "Custom networking: the primary ENI keeps the node's address and carries no pod "
            "addresses; pods get addresses from the ENIConfig subnet.");
    }
    if (r.security_groups_for_pods) {
        r.notes.push_back(
            "Security groups for pods: the trunk ENI takes one of the " +
            count(r.enis, "ENI slot", "ENI slots") + " and carries no pod addresses: " +
            num(slots_per_eni) + (r.prefix_delegation ? " prefix slots x 16 = " : " slots = ") +
            count(r.trunk_cost, "pod address", "pod addresses") + " fewer (" +
            num(r.pod_ips + r.trunk_cost) + " -> " + num(r.pod_ips) + "). Up to " +
            num(r.branch_enis) +
            " pods can have their own security groups through branch ENIs instead; they still "
            "count against max-pods. No AWS source lowers max-pods for this: AWS's "
            "best-practices guide (security groups per pod) says these pods are outside the "
            "max-pods formula and suggests considering a higher max-pods.");
    } else if (r.security_groups_for_pods_requested) {
        r.notes.push_back("Security groups for pods is not supported on " + type.name + " (" +
                          sgp_unsupported_reason(type) +
                          "): the option has no effect and no trunk ENI is attached.");
    }
    // When do pods wait in ContainerCreating? Only when kubelet admits more pods (max-pods
    // minus the host-network pods) than the node has pod addresses; computed, not assumed.
    if (r.custom_networking || r.security_groups_for_pods) {
        const std::string kind = node_group_kind_name(options.node_group);
        const long long admitted = std::max<long long>(r.kubelet.value - kHostNetworkPods, 0);
        if (r.waiting_when_full > 0) {
            std::string text = "On a new " + kind + " node kubelet's max-pods is " +
                               num(r.kubelet.value) + ": it admits " + num(admitted) +
                               " pods besides the host-network pods, but only " + num(r.pod_ips) +
                               " pod addresses exist";
            if (r.security_groups_for_pods) {
                text +=
                    " for pods without their own security groups: if none of the pods "
                    "uses branch ENIs, " +
                    num(r.waiting_when_full) +
                    " wait in ContainerCreating on a full node (each pod with its own "
                    "security groups takes a branch ENI instead of an address).";
            } else {
                text += ", so on a full node " + num(r.waiting_when_full) +
                        " wait in ContainerCreating. max-pods " +
                        num(std::min(r.max_pods, r.recommended_max_pods)) +
                        " (the max-pods calculator's value with custom networking) avoids "
                        "that.";
            }
            r.notes.push_back(text);
        } else {
            r.notes.push_back("On a new " + kind + " node kubelet's max-pods is " +
                              num(r.kubelet.value) + ": it admits " + num(admitted) +
                              " pods besides the host-network pods, no more than the " +
                              num(r.pod_ips) +
                              " pod addresses, so no pod waits for an address; kubelet refuses "
                              "pods beyond max-pods instead ('Too many pods').");
        }
    }
    if (r.pod_enis == 0) {
        r.notes.push_back("No ENI is left to carry pod addresses: only the " +
                          num(kHostNetworkPods) + " host-network pods fit.");
    }
    if (!vcpus_known) {
        r.notes.push_back("No public vCPU count for " + type.name + ": the recommended cap " +
                          "assumes 30 vCPUs or fewer (" + num(kSmallNodeCap) + ").");
    } else if (type.vcpus == kSmallNodeMaxVcpus) {
        r.notes.push_back(
            "At exactly 30 vCPUs max-pods-calculator.sh caps at 110; the EKS user guide words "
            "the managed node group's cap as \"less than 30 vCPUs: 110\", which would give 250 "
            "here.");
    }
}

}  // namespace

MaxPods max_pods(const InstanceType& type, const CapacityOptions& options) {
    MaxPods r;
    r.instance_type = type.name;
    r.enis = type.max_enis;
    r.ips_per_eni = type.ipv4_per_eni;
    r.ipv6 = options.ipv6;
    r.node_group = options.node_group;
    r.prefix_delegation_requested = options.prefix_delegation || options.ipv6;
    r.prefix_delegation = r.prefix_delegation_requested && supports_prefix_delegation(type);
    r.custom_networking = options.custom_networking;
    r.sgp_supported = supports_security_groups_for_pods(type);
    r.security_groups_for_pods_requested = options.security_groups_for_pods;
    r.security_groups_for_pods = options.security_groups_for_pods && r.sgp_supported;
    r.branch_enis = std::max(type.branch_enis, 0);

    const long long slots_per_eni = std::max(r.ips_per_eni - 1, 0);  // the primary slot is the
                                                                     // ENI's own
    const long long per_slot = r.prefix_delegation ? kAddressesPerPrefix : 1;
    r.recommended_cap = cap_for(type);
    r.ami_max_pods = nodeadm_max_pods(type);
    r.kubelet = default_kubelet_max_pods(type, options);
    CapacityOptions managed = options;
    managed.node_group = NodeGroupKind::Managed;
    r.managed_max_pods = default_kubelet_max_pods(type, managed).value;

    // ENIs that carry pod addresses.
    int reserved = 0;
    std::string reserved_text;
    if (r.custom_networking) {
        ++reserved;
        reserved_text += " - 1 primary ENI (custom networking)";
    }
    if (r.security_groups_for_pods) {
        ++reserved;
        reserved_text += " - 1 trunk ENI (security groups for pods)";
        r.trunk_cost = slots_per_eni * per_slot;
    }

    std::string enis_formula;
    if (type.network_cards > 1) {
        enis_formula = num(r.enis) + " of " + num(type.enis_all_cards) + " ENIs over " +
                       num(type.network_cards) + " network cards; the CNI uses the default card";
    }
    r.steps.push_back({"ENIs on the default network card", enis_formula, r.enis});

    if (options.ipv6) {
        ipv6_capacity(r, type, options);
        return r;
    }

    r.pod_enis = std::max(r.enis - reserved, 0);
    r.pod_ips = r.pod_enis * slots_per_eni * per_slot;
    // AWS's formula for these settings (max-pods-calculator.sh --show-max-allowed, with
    // ipamd's rule for where prefix delegation works): no term for the trunk ENI.
    const long long formula_enis = std::max(r.enis - (r.custom_networking ? 1 : 0), 0);
    r.max_pods = formula_enis * slots_per_eni * per_slot + kHostNetworkPods;
    r.recommended_max_pods = std::min<long long>(r.max_pods, r.recommended_cap);
    r.waiting_when_full = std::max<long long>(r.kubelet.value - kHostNetworkPods - r.pod_ips, 0);

    // The seed article's simplified count: every slot times the ENIs, minus one per ENI.
    const long long seed_multiplier = r.prefix_delegation ? kAddressesPerPrefix : 1;
    r.seed_figure = static_cast<long long>(r.enis) * r.ips_per_eni * seed_multiplier - r.enis;
    r.seed_formula = "(" + num(r.enis) + " x " + num(r.ips_per_eni) +
                     (r.prefix_delegation ? " x " + num(kAddressesPerPrefix) : "") + ") - " +
                     num(r.enis);
    r.seed_approximate = r.prefix_delegation;

    ipv4_steps(r, type, reserved, reserved_text, formula_enis);
    card_and_prefix_notes(r, type, options, slots_per_eni, reserved);
    option_notes(r, type, options, slots_per_eni);
    return r;
}

}  // namespace core
