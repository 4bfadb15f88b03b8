// capacity.h: how many pods fit on a node, with the working shown.
//
// max_pods() returns the number and its derivation as data (each step a sentence with
// the numbers filled in), plus the seed article's simplified figure so the tutorial can
// show the simple picture first and the exact one next. Facts: shared/reference.
#pragma once

#include <string>
#include <vector>

#include "catalog.h"

namespace core {

struct CapacityOptions {
    bool prefix_delegation = false;         // ENABLE_PREFIX_DELEGATION
    bool custom_networking = false;         // AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG
    bool security_groups_for_pods = false;  // ENABLE_POD_ENI (trunk ENI)
};

struct DerivationStep {
    std::string label;    // "pod addresses"
    std::string formula;  // "3 ENIs x (4 - 1) addresses"
    long long value = 0;  // 9
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
    long long max_pods = 0;              // kubelet max-pods as AWS computes it (pod_ips + 2)
    long long ami_max_pods = 0;          // eni-max-pods.txt, what the EKS AMI sets: no options
    long long recommended_max_pods = 0;  // max-pods-calculator.sh: capped 110 / 250 by vCPU
    int recommended_cap = 0;             // 110 or 250
    long long seed_figure = 0;           // the seed article's simplified number
    std::string seed_formula;            // "(3 x 4) - 3"
    bool seed_approximate = false;       // the seed shows its PD figure as "~189"
    std::vector<DerivationStep> steps;
    std::vector<std::string> notes;  // e.g. "prefix delegation has no effect on xen"
};

// Computes pod capacity for one instance type under the given options.
MaxPods max_pods(const InstanceType& type, const CapacityOptions& options = {});
// True if ipamd can use prefix delegation on this type (nitro or bare metal).
bool supports_prefix_delegation(const InstanceType& type);
// True if the type supports security groups for pods (has branch ENIs).
bool supports_security_groups_for_pods(const InstanceType& type);

}  // namespace core
