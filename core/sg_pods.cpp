// sg_pods.cpp: branch ENIs for pods with their own security groups (see sg_pods.h).
#include "sg_pods.h"

#include <algorithm>

#include "capacity.h"
#include "format.h"

namespace core {
namespace {

const char kPrefix[] = "branch.";

std::string label_for(std::string_view node, std::string_view pod) {
    return kPrefix + std::string(node) + "." + std::string(pod);
}

// The pod name of a branch label of this node, or "" if the label is not one.
std::string pod_of(const std::string& label, std::string_view node) {
    const std::string head = kPrefix + std::string(node) + ".";
    if (label.size() <= head.size() || label.compare(0, head.size(), head) != 0) return {};
    return label.substr(head.size());
}

bool has_trunk(const Node& n) {
    return std::any_of(n.enis.begin(), n.enis.end(), [](const Eni& e) { return e.trunk; });
}

bool name_taken(const Cluster& c, const Node& n, const std::string& pod) {
    if (find_pod(n, pod) != nullptr) return true;
    for (const SgPod& p : sg_pods(c, n.name)) {
        if (p.name == pod) return true;
    }
    return false;
}

// kubelet's refusal, worded like add_pod's.
Error too_many(const BranchState& b, const Node& n) {
    return make_error("kubelet refuses the pod: " + n.name + " already runs " +
                          num(b.pool_pods + b.sg_pods + kHostNetworkPods) + " pods (" +
                          num(b.sg_pods) + " on branch ENIs, " + num(b.pool_pods) +
                          " with pool addresses and the 2 host-network pods), its max-pods is " +
                          num(b.max_pods) + ".",
                      ErrorCode::TooManyPods);
}

}  // namespace

std::vector<SgPod> sg_pods(const Cluster& cluster, std::string_view node_name) {
    std::vector<SgPod> out;
    for (const OtherUse& o : cluster.others) {
        std::string pod = pod_of(o.label, node_name);
        if (pod.empty() || o.ips.empty()) continue;
        out.push_back(SgPod{pod, std::string(node_name), o.subnet_id, o.ips.front()});
    }
    return out;
}

BranchState branch_state(const Cluster& cluster, const Node& node) {
    BranchState b;
    CapacityOptions opts;
    opts.security_groups_for_pods = true;
    const MaxPods cap = max_pods(node.type, opts);
    b.supported = cap.sgp_supported;
    b.trunk = has_trunk(node);
    b.branch_limit = b.supported ? cap.branch_enis : 0;
    b.sg_pods = static_cast<int>(sg_pods(cluster, node.name).size());
    b.pool_pods = static_cast<int>(node.pods.size() + node.pending.size());
    b.max_pods = node.max_pods;
    b.free_branches = b.trunk ? std::max(b.branch_limit - b.sg_pods, 0) : 0;
    b.kubelet_room = std::max(b.max_pods - kHostNetworkPods - b.pool_pods - b.sg_pods, 0);
    if (!b.supported) {
        b.reason = node.type.name +
                   " has no branch ENIs, so no pod can have its own security "
                   "groups here.";
    } else if (!b.trunk) {
        b.reason = "Security groups for pods is off on " + node.name +
                   ": no trunk ENI, so no branch ENIs (" + node.type.name + " would offer " +
                   num(b.branch_limit) + ").";
    } else if (b.free_branches == 0) {
        b.reason =
            "All " + num(b.branch_limit) + " branch ENIs of " + node.type.name + " are in use.";
    } else if (b.kubelet_room == 0) {
        b.reason = "kubelet's max-pods " + num(b.max_pods) + " is reached (" + num(b.sg_pods) +
                   " on branch ENIs + " + num(b.pool_pods) +
                   " with pool addresses + 2 "
                   "host-network pods), although " +
                   num(b.free_branches) + " branch ENIs are free.";
    } else {
        const int more = std::min(b.free_branches, b.kubelet_room);
        b.reason = num(b.sg_pods) + " of " + num(b.branch_limit) + " branch ENIs in use; " +
                   num(more) + " more " + (more == 1 ? "pod" : "pods") +
                   " can have their own security groups" +
                   (b.kubelet_room < b.free_branches
                        ? " before max-pods " + num(b.max_pods) + " is reached."
                        : ".");
    }
    return b;
}

Result<SgPod> add_sg_pod(Cluster& cluster, std::string_view node_name, std::string_view pod_name) {
    const Node* n = find_node(cluster, node_name);
    if (n == nullptr) return make_error("There is no node named '" + std::string(node_name) + "'.");
    const BranchState b = branch_state(cluster, *n);
    if (!b.supported || !b.trunk || b.free_branches == 0) return make_error(b.reason);
    if (b.kubelet_room == 0) return too_many(b, *n);
    std::string pod(pod_name);
    if (pod.empty()) {
        for (int k = b.sg_pods + 1;; ++k) {
            pod = "sg-pod-" + num(k);
            if (!name_taken(cluster, *n, pod)) break;
        }
    } else if (name_taken(cluster, *n, pod)) {
        return make_error("There is already a pod named '" + pod + "' on " + n->name + ".");
    }
    const std::string node = n->name;
    const std::string subnet = n->subnet_id;
    std::string trunk_id;
    for (const Eni& e : n->enis) {
        if (e.trunk) trunk_id = e.id;
    }
    if (auto st = hold_addresses(cluster, subnet, 1, label_for(node, pod)); !st) {
        return make_error(pod + " gets no branch ENI: " + st.error().message, st.error().code);
    }
    const OtherUse& held = cluster.others.back();
    SgPod out{pod, node, subnet, held.ips.front()};
    record_event(cluster, node, EventKind::AttachBranchEni,
                 "Branch ENI for " + pod + " on trunk " + trunk_id + ": its own address " +
                     format_ipv4(out.ip) + " from " + subnet +
                     " and its own security groups (branch ENIs in use: " + num(b.sg_pods + 1) +
                     " of " + num(b.branch_limit) + ").");
    return out;
}

Status remove_sg_pod(Cluster& cluster, std::string_view node_name, std::string_view pod_name) {
    const std::string label = label_for(node_name, pod_name);
    const bool present = std::any_of(cluster.others.begin(), cluster.others.end(),
                                     [&](const OtherUse& o) { return o.label == label; });
    if (!present) {
        return make_error("No pod '" + std::string(pod_name) + "' with a branch ENI on '" +
                          std::string(node_name) + "'.");
    }
    if (auto st = release_held(cluster, label); !st) return st;
    record_event(cluster, node_name, EventKind::DetachEni,
                 "Branch ENI of " + std::string(pod_name) + " deleted; its address is free again.");
    return Ok{};
}

Result<Pod> add_pod_with_branches(Cluster& cluster, std::string_view node_name,
                                  std::string_view pod_name) {
    const Node* n = find_node(cluster, node_name);
    if (n == nullptr) return add_pod(cluster, node_name, pod_name);
    const BranchState b = branch_state(cluster, *n);
    if (b.sg_pods > 0 && b.kubelet_room == 0) return too_many(b, *n);
    return add_pod(cluster, node_name, pod_name);
}

}  // namespace core
