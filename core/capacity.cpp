// capacity.cpp: max-pods with its derivation (see capacity.h and the facts file).
#include "capacity.h"

#include <algorithm>

namespace core {
namespace {

constexpr int kHostNetworkPods = 2;      // aws-node and kube-proxy use the node's address
constexpr int kAddressesPerPrefix = 16;  // a /28 prefix
constexpr int kSmallNodeCap = 110;       // max-pods-calculator.sh, 30 vCPUs or fewer
constexpr int kLargeNodeCap = 250;       // max-pods-calculator.sh, more than 30 vCPUs
constexpr int kSmallNodeMaxVcpus = 30;

std::string num(long long n) {
    return std::to_string(n);
}

// "1 ENI", "3 ENIs"
std::string count(long long n, const char* singular, const char* plural) {
    return num(n) + " " + (n == 1 ? singular : plural);
}

// "t2", "t3a", "t4g": the burstable t family, which has no branch ENIs.
bool t_family(const std::string& name) {
    return name.size() > 1 && name[0] == 't' && name[1] >= '0' && name[1] <= '9';
}

std::string hypervisor_reason(const InstanceType& type) {
    if (type.hypervisor == Hypervisor::Xen) return "xen hypervisor";
    return "hypervisor unknown and not bare metal";
}

}  // namespace

bool supports_prefix_delegation(const InstanceType& type) {
    return type.hypervisor == Hypervisor::Nitro || type.bare_metal;
}

bool supports_security_groups_for_pods(const InstanceType& type) {
    return type.branch_enis > 0;
}

MaxPods max_pods(const InstanceType& type, const CapacityOptions& options) {
    MaxPods r;
    r.instance_type = type.name;
    r.enis = type.max_enis;
    r.ips_per_eni = type.ipv4_per_eni;
    r.prefix_delegation_requested = options.prefix_delegation;
    r.prefix_delegation = options.prefix_delegation && supports_prefix_delegation(type);
    r.custom_networking = options.custom_networking;
    r.sgp_supported = supports_security_groups_for_pods(type);
    r.security_groups_for_pods_requested = options.security_groups_for_pods;
    r.security_groups_for_pods = options.security_groups_for_pods && r.sgp_supported;
    r.branch_enis = std::max(type.branch_enis, 0);

    const long long slots_per_eni = r.ips_per_eni - 1;  // the primary slot is the ENI's own
    const long long per_slot = r.prefix_delegation ? kAddressesPerPrefix : 1;

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
    }
    r.pod_enis = std::max(r.enis - reserved, 0);
    r.pod_ips = r.pod_enis * slots_per_eni * per_slot;
    r.max_pods = r.pod_ips + kHostNetworkPods;
    r.ami_max_pods = r.enis * slots_per_eni + kHostNetworkPods;

    const bool vcpus_known = type.vcpus > 0;
    r.recommended_cap =
        (vcpus_known && type.vcpus > kSmallNodeMaxVcpus) ? kLargeNodeCap : kSmallNodeCap;
    r.recommended_max_pods = std::min<long long>(r.max_pods, r.recommended_cap);

    // The seed article's simplified count: every slot times the ENIs, minus one per ENI.
    const long long seed_multiplier = r.prefix_delegation ? kAddressesPerPrefix : 1;
    r.seed_figure = static_cast<long long>(r.enis) * r.ips_per_eni * seed_multiplier - r.enis;
    r.seed_formula = "(" + num(r.enis) + " x " + num(r.ips_per_eni) +
                     (r.prefix_delegation ? " x " + num(kAddressesPerPrefix) : "") + ") - " +
                     num(r.enis);
    r.seed_approximate = r.prefix_delegation;

    // The derivation, step by step.
    std::string enis_formula;
    if (type.network_cards > 1) {
        enis_formula = num(r.enis) + " of " + num(type.enis_all_cards) + " ENIs over " +
                       num(type.network_cards) + " network cards; the CNI uses the default card";
    }
    r.steps.push_back({"ENIs on the default network card", enis_formula, r.enis});
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
    r.steps.push_back({"max-pods",
                       num(r.pod_ips) + " + " + num(kHostNetworkPods) +
                           " host-network pods (aws-node, kube-proxy)",
                       r.max_pods});
    std::string cap_text;
    if (!vcpus_known) {
        cap_text = num(kSmallNodeCap) + ": vCPU count unknown, taken as 30 or fewer";
    } else if (r.recommended_cap == kSmallNodeCap) {
        cap_text = num(kSmallNodeCap) + " for 30 vCPUs or fewer";
    } else {
        cap_text = num(kLargeNodeCap) + " for more than 30 vCPUs";
    }
    r.steps.push_back({"recommended max-pods", "min(" + num(r.max_pods) + ", " + cap_text + ")",
                       r.recommended_max_pods});

    // Notes: what changed, what silently did not, and the classic confusions.
    if (type.network_cards > 1) {
        r.notes.push_back(type.name + " has " + num(type.network_cards) + " network cards with " +
                          num(type.enis_all_cards) + " ENIs in all; the VPC CNI attaches ENIs on " +
                          "the default card only: " + count(r.enis, "ENI", "ENIs") + ".");
    }
    if (r.prefix_delegation_requested && !r.prefix_delegation) {
        r.notes.push_back("Prefix delegation has no effect on " + type.name + " (" +
                          hypervisor_reason(type) +
                          "): ipamd needs a nitro or bare-metal instance and silently falls back "
                          "to one secondary IP address per slot.");
    }
    if (r.prefix_delegation) {
        r.notes.push_back(
            "Turning on prefix delegation does not raise kubelet's max-pods by "
            "itself: the node keeps the AMI's value from eni-max-pods.txt (" +
            num(r.ami_max_pods) +
            ") until max-pods is set (recommended: " + num(r.recommended_max_pods) + ").");
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
    if (r.custom_networking) {
        r.notes.push_back(
            "Custom networking: the primary ENI keeps the node's address and carries "
            "no pod addresses; pods get addresses from the ENIConfig subnet. Set "
            "kubelet's max-pods to " +
            num(r.recommended_max_pods) +
            " or pods beyond that wait in ContainerCreating without an address.");
    }
    if (r.security_groups_for_pods) {
        r.notes.push_back(
            "Security groups for pods: the trunk ENI takes one ENI slot and carries "
            "no pod addresses. Up to " +
            num(r.branch_enis) +
            " pods can have their own security groups through branch ENIs; they "
            "still count against max-pods.");
    } else if (r.security_groups_for_pods_requested) {
        std::string why = t_family(type.name)    ? "no branch ENIs, like the whole t family"
                          : type.branch_enis < 0 ? "not listed with branch ENIs"
                                                 : "no branch ENIs";
        r.notes.push_back("Security groups for pods is not supported on " + type.name + " (" + why +
                          "): the option has no effect and no trunk ENI is attached.");
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
            "At exactly 30 vCPUs max-pods-calculator.sh caps at 110; the EKS "
            "best-practices guide words the cap as \"< 30 vCPUs: 110\", which "
            "would give 250 here.");
    }
    return r;
}

}  // namespace core
