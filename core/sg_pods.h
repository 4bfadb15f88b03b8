// sg_pods.h: security groups for pods: branch ENIs riding on a node's trunk ENI.
//
// With ENABLE_POD_ENI a node attaches a trunk ENI (cluster.h add_node). A pod that a
// SecurityGroupPolicy selects then gets a branch ENI of its own on that trunk: its own
// address from the node's subnet and its own security groups, not an address from ipamd's
// warm pool. The model records a branch ENI as one address held under the label
// "branch.<node>.<pod>" (cluster.h hold_addresses), so the subnet's counts and
// check_invariants see it. How many branch ENIs a node offers comes from the catalog
// (capacity.h MaxPods::branch_enis, m5.large: 9); pods on branch ENIs still count against
// kubelet's max-pods, so add_sg_pod and add_pod_with_branches refuse a pod that kubelet
// would not admit. Removing the node does not release its branch ENIs: remove them first.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cidr.h"
#include "cluster.h"
#include "ipam.h"
#include "result.h"

namespace core {

// One pod with its own security groups.
struct SgPod {
    std::string name;
    std::string node;
    std::string subnet_id;
    Ipv4 ip;  // the branch ENI's address
};

// What one node can still do with branch ENIs.
struct BranchState {
    bool supported = false;  // the instance type has branch ENIs
    bool trunk = false;      // the node has its trunk ENI (security groups for pods on)
    int branch_limit = 0;    // branch ENIs the type offers
    int sg_pods = 0;         // pods on branch ENIs now
    int pool_pods = 0;       // pods with (or waiting for) a warm-pool address
    int max_pods = 0;        // kubelet max-pods
    int free_branches = 0;   // branch ENIs still available
    int kubelet_room = 0;    // pods kubelet still admits: max-pods - 2 - pool pods - SG pods
    std::string reason;      // how many more SG pods fit and what limits them, with numbers
};

// The pods of a node that ride on branch ENIs, in the order they arrived.
std::vector<SgPod> sg_pods(const Cluster& cluster, std::string_view node_name);
// The node's branch ENI figures and the sentence that explains them.
BranchState branch_state(const Cluster& cluster, const Node& node);
// Gives a pod its own branch ENI (pod_name empty: "sg-pod-N"). Refused without a trunk,
// when every branch ENI is taken, when kubelet is at max-pods, or when the subnet is full.
Result<SgPod> add_sg_pod(Cluster& cluster, std::string_view node_name,
                         std::string_view pod_name = {});
// Deletes a pod on a branch ENI and returns its address to the subnet.
Status remove_sg_pod(Cluster& cluster, std::string_view node_name, std::string_view pod_name);
// add_pod, but kubelet also counts the node's pods on branch ENIs toward max-pods.
Result<Pod> add_pod_with_branches(Cluster& cluster, std::string_view node_name,
                                  std::string_view pod_name = {});

}  // namespace core
