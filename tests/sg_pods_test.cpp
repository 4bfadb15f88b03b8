// sg_pods_test.cpp: security groups for pods: branch ENIs on the trunk, their limit from
// the catalog (m5.large: 9), kubelet's max-pods counting them, t-family refusals, and the
// cluster unchanged (and consistent) after every refusal.
#include <doctest/doctest.h>

#include <string>

#include "sg_pods.h"
#include "test_support.h"

using namespace core;

namespace {

Cluster campus(const char* type, bool sgp, const char* cidr = "10.0.1.0/24") {
    Cluster c = make_cluster(test_vpc("10.0.0.0/16", cidr));
    NodeDesc n;
    n.name = "node-1";
    n.type = test_type(type);
    n.subnet_id = "subnet-a";
    n.config.security_groups_for_pods = sgp;
    Status s = add_node(c, n);
    REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
    return c;
}

void consistent(const Cluster& c) {
    Status s = check_invariants(c);
    CHECK_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
}

// A node's branch ENI figures by name, for check_values.
std::string branch(const BranchState& b, const char* name) {
    return field(name,
                 {FIELD(b, supported), FIELD(b, trunk), FIELD(b, branch_limit), FIELD(b, sg_pods),
                  FIELD(b, free_branches), FIELD(b, max_pods), FIELD(b, kubelet_room)});
}

}  // namespace

TEST_CASE("branch_state: m5.large with the trunk offers 9 branch ENIs") {
    Cluster c = campus("m5.large", true);
    const BranchState b = branch_state(c, c.nodes[0]);
    check_values(b, branch,
                 "supported=true trunk=true branch_limit=9 sg_pods=0 free_branches=9 max_pods=29 "
                 "kubelet_room=27");
    CHECK(has(b.reason,
              "0 of 9 branch ENIs in use; 9 more pods can have their own security groups."));
}

TEST_CASE("add_sg_pod: a branch ENI with its own address from the node's subnet") {
    Cluster c = campus("m5.large", true);
    const uint64_t free_before = free_addresses(c.vpc.subnets[0]);
    Result<SgPod> p = add_sg_pod(c, "node-1");
    REQUIRE_MESSAGE(p.ok(), (p.ok() ? "" : p.error().message));
    CHECK(p->name == "sg-pod-1");
    CHECK(p->subnet_id == "subnet-a");
    CHECK(cidr_contains(c.vpc.subnets[0].cidr, p->ip));
    CHECK(free_addresses(c.vpc.subnets[0]) == free_before - 1);
    CHECK(has(c.events.back().text, "Branch ENI for sg-pod-1 on trunk eni-2"));
    CHECK(has(c.events.back().text, "branch ENIs in use: 1 of 9"));
    CHECK(c.events.back().kind == EventKind::AttachBranchEni);
    consistent(c);

    Result<SgPod> q = add_sg_pod(c, "node-1", "payments");
    REQUIRE(q.ok());
    CHECK(q->ip != p->ip);
    const std::vector<SgPod> all = sg_pods(c, "node-1");
    REQUIRE(all.size() == 2);
    CHECK(all[1].name == "payments");
    CHECK(branch_state(c, c.nodes[0]).free_branches == 7);
    CHECK(branch_state(c, c.nodes[0]).kubelet_room == 25);

    // A second name clash is refused, nothing changes.
    const Cluster before = c;
    Result<SgPod> dup = add_sg_pod(c, "node-1", "payments");
    REQUIRE_FALSE(dup.ok());
    CHECK(has(dup.error().message, "already a pod named 'payments'"));
    CHECK(c == before);

    REQUIRE(remove_sg_pod(c, "node-1", "sg-pod-1").ok());
    CHECK(free_addresses(c.vpc.subnets[0]) == free_before - 1);
    CHECK(sg_pods(c, "node-1").size() == 1);
    CHECK(c.events.back().kind == EventKind::DetachEni);
    consistent(c);
    Status again = remove_sg_pod(c, "node-1", "sg-pod-1");
    REQUIRE_FALSE(again.ok());
    CHECK(has(again.error().message, "No pod 'sg-pod-1' with a branch ENI on 'node-1'"));
}

TEST_CASE("add_sg_pod: the branch ENI limit") {
    Cluster c = campus("m5.large", true);
    for (int i = 0; i < 9; ++i)
        REQUIRE(add_sg_pod(c, "node-1").ok());
    const Cluster before = c;
    Result<SgPod> tenth = add_sg_pod(c, "node-1");
    REQUIRE_FALSE(tenth.ok());
    CHECK(has(tenth.error().message, "All 9 branch ENIs of m5.large are in use."));
    CHECK(c == before);
    consistent(c);
}

TEST_CASE("branch pods count against max-pods, both ways") {
    Cluster c = campus("m5.large", true);
    for (int i = 0; i < 9; ++i)
        REQUIRE(add_sg_pod(c, "node-1").ok());
    // 29 max-pods - 2 host-network - 9 on branch ENIs = 18 pool pods.
    for (int i = 0; i < 18; ++i) {
        Result<Pod> p = add_pod_with_branches(c, "node-1");
        REQUIRE_MESSAGE(p.ok(), (p.ok() ? "" : p.error().message));
    }
    CHECK(branch_state(c, c.nodes[0]).kubelet_room == 0);
    const Cluster before = c;
    Result<Pod> extra = add_pod_with_branches(c, "node-1");
    REQUIRE_FALSE(extra.ok());
    CHECK(extra.error().code == ErrorCode::TooManyPods);
    CHECK(has(extra.error().message, "already runs 29 pods (9 on branch ENIs, 18 with pool"));
    CHECK(c == before);
    consistent(c);

    // Free a branch: kubelet admits one more pool pod, but the trunk left only 2 ENIs x 9
    // pool addresses, all taken: the pod waits in ContainerCreating.
    REQUIRE(remove_sg_pod(c, "node-1", "sg-pod-9").ok());
    Result<Pod> waits = add_pod_with_branches(c, "node-1");
    REQUIRE_FALSE(waits.ok());
    CHECK(c.nodes[0].pending.size() == 1);
    CHECK(c.nodes[0].pods.size() == 18);
    const Cluster full = c;
    Result<SgPod> sg = add_sg_pod(c, "node-1");
    REQUIRE_FALSE(sg.ok());
    CHECK(sg.error().code == ErrorCode::TooManyPods);
    CHECK(c == full);
    CHECK(has(branch_state(c, c.nodes[0]).reason, "max-pods 29 is reached"));
}

TEST_CASE("no trunk, no branch ENIs; the t family has none at all") {
    Cluster off = campus("m5.large", false);
    const BranchState b = branch_state(off, off.nodes[0]);
    check_values(b, branch, "supported=true trunk=false free_branches=0");
    CHECK(has(b.reason, "Security groups for pods is off on node-1: no trunk ENI"));
    const Cluster before = off;
    Result<SgPod> p = add_sg_pod(off, "node-1");
    REQUIRE_FALSE(p.ok());
    CHECK(off == before);

    Cluster t = campus("t3.small", false);
    const BranchState tb = branch_state(t, t.nodes[0]);
    check_values(tb, branch, "supported=false branch_limit=0");
    CHECK(has(tb.reason, "t3.small has no branch ENIs"));
    Result<SgPod> tp = add_sg_pod(t, "node-1");
    REQUIRE_FALSE(tp.ok());
    CHECK(has(tp.error().message, "no branch ENIs"));

    Result<SgPod> nobody = add_sg_pod(t, "node-9");
    REQUIRE_FALSE(nobody.ok());
    CHECK(has(nobody.error().message, "no node named 'node-9'"));
}

TEST_CASE("add_sg_pod: a full subnet refuses with AWS's code, nothing changes") {
    Cluster c = campus("m5.large", true, "10.0.1.0/28");  // 11 usable: node, trunk, 9 warm
    const Cluster before = c;
    Result<SgPod> p = add_sg_pod(c, "node-1");
    REQUIRE_FALSE(p.ok());
    CHECK(has(p.error().message, "sg-pod-1 gets no branch ENI"));
    CHECK(p.error().code == ErrorCode::InsufficientFreeAddressesInSubnet);
    CHECK(c == before);
}
