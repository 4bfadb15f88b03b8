// decision_test.cpp: the decision guide's tree is whole, each symptom leads to its fix, and
// each fix, applied to the campus that shows the symptom, changes the numbers the facts
// file predicts (max-pods 11 -> 110 with prefix delegation, 29 -> 20 with custom
// networking, 27 -> 18 pod addresses with a trunk ENI, ...). Failed fixes change nothing.
#include <doctest/doctest.h>

#include <string>

#include "decision.h"
#include "test_support.h"

using namespace core;

namespace {

// Follows answers by their index from the start; returns the node reached.
const GuideNode& walk(std::initializer_list<size_t> picks) {
    const GuideNode* n = &decision_guide().front();
    for (size_t pick : picks) {
        REQUIRE(pick < n->answers.size());
        n = find_guide_node(n->answers[pick].next);
        REQUIRE(n != nullptr);
    }
    return *n;
}

// A fix at work: the problem campus, the same campus with the fix applied, what applying it
// did and the figures before and after (as the choosing step shows them).
struct FixDemo {
    Fix fix = Fix::PrefixDelegation;
    DemoCampus before;
    DemoCampus after;
    std::vector<std::string> steps;  // what applying the fix did, one sentence each
    std::vector<Figure> figures;
};

FixDemo demo(Fix fix) {
    Result<DemoCampus> before = build_problem(fix, test_catalog());
    REQUIRE_MESSAGE(before.ok(), (before.ok() ? "" : before.error().message));
    FixDemo d{fix, *before, *before, {}, {}};
    Result<std::vector<std::string>> steps = apply_fix(d.after, fix);
    REQUIRE_MESSAGE(steps.ok(), (steps.ok() ? "" : steps.error().message));
    d.steps = std::move(steps).value();
    d.figures = fix_figures(fix, d.before, d.after);
    return d;
}

const Figure& figure(const FixDemo& d, const std::string& label) {
    for (const Figure& f : d.figures) {
        if (f.label == label) return f;
    }
    FAIL("no figure " << label);
    return d.figures.front();
}

// The figure called label reads before without the fix and after with it.
void check_figure(const FixDemo& d, const std::string& label, long long before, long long after) {
    CAPTURE(label);
    const Figure& f = figure(d, label);
    CHECK(f.before == before);
    CHECK(f.after == after);
}

}  // namespace

TEST_CASE("the guide is a tree from the symptom question to every fix") {
    REQUIRE(check_decision_guide(decision_guide()).ok());
    CHECK(decision_guide().front().id == "start");
    CHECK(decision_guide().front().answers.size() == 4);
    CHECK(walk({0, 0}).fix == Fix::PrefixDelegation);
    CHECK(walk({0, 1}).fix == Fix::RaiseMaxPods);
    CHECK(walk({1, 0}).fix == Fix::SubnetDiscovery);
    CHECK(walk({1, 1}).fix == Fix::CustomNetworking);
    CHECK(walk({1, 2, 0}).fix == Fix::Ipv6);
    CHECK(walk({2, 0}).fix == Fix::Ipv6);
    CHECK(walk({2, 1, 0}).fix == Fix::SecondaryCidr);
    CHECK(walk({2, 1, 1}).fix == Fix::PrivateNat);
    CHECK(walk({3, 0}).fix == Fix::SubnetPerGroup);
    CHECK(walk({3, 1}).fix == Fix::SecurityGroupsForPods);
    for (const GuideNode& n : decision_guide()) {
        if (!n.outcome) continue;
        CHECK_FALSE(n.title.empty());
        CHECK(n.answers.empty());
    }
    CHECK(find_guide_node("nowhere") == nullptr);
    CHECK(std::string(fix_name(Fix::SecondaryCidr)) == "secondary-cidr");
}

TEST_CASE("check_decision_guide finds broken trees") {
    std::vector<GuideNode> g = decision_guide();
    g[1].answers[0].next = "missing";
    Status s = check_decision_guide(g);
    REQUIRE_FALSE(s.ok());
    CHECK(has(s.error().message, "'missing', which is not in the guide"));

    g = decision_guide();
    g[1].answers[0].next = "start";
    s = check_decision_guide(g);
    REQUIRE_FALSE(s.ok());
    CHECK(has(s.error().message, "loops back to 'start'"));

    g = decision_guide();
    g.push_back(g[1]);
    s = check_decision_guide(g);
    REQUIRE_FALSE(s.ok());
    CHECK(has(s.error().message, "appears twice"));

    g = decision_guide();
    g.front().answers.pop_back();  // "isolation" and the groups/SG outcomes become unreachable
    s = check_decision_guide(g);
    REQUIRE_FALSE(s.ok());
    CHECK(has(s.error().message, "cannot be reached"));
}

TEST_CASE("prefix delegation: a t3.small that refused pods at 11 runs them all at 110") {
    const FixDemo d = demo(Fix::PrefixDelegation);
    CHECK(has(d.before.problem, "max-pods is 11"));
    CHECK(has(d.before.problem, "Too many pods"));
    check_figure(d, "{desks} running, all {rooms}", 9, 30);
    check_figure(d, "{desks} turned away at {maxpods}, all {rooms}", 21, 0);
    // 110 after: 3 x 3 x 16 + 2 = 146, capped at 110
    check_figure(d, "{maxpods} per {room}", 11, 110);
    CHECK(figure(d, "{desk} {exts} one {room} can hold").after == 144);
    CHECK(figure(d, "{panels} per {room}").after == 1);
    CHECK(d.after.problem.empty());
    CHECK(check_invariants(d.before.cluster).ok());
    CHECK(check_invariants(d.after.cluster).ok());
    CHECK(has(d.steps[2], "from 11 to 110 (146, capped at 110 for a 2-vCPU {room})"));
}

TEST_CASE("each fix says what it is tried on: its own small campus, not the puzzle's") {
    CHECK(demo_summary(demo(Fix::PrefixDelegation).before) ==
          "Tried on a small {campus} of its own: 1 {room} (t3.small) wanting 30 {desks}, in a "
          "/24 {building}.");
    CHECK(demo_summary(demo(Fix::SecondaryCidr).before) ==
          "Tried on a small {campus} of its own: 4 {rooms} (m5.large) wanting 72 {desks}, in "
          "{buildings} of /27 and /27.");
    CHECK(demo_summary(DemoCampus{}).empty());
}

TEST_CASE("raise max-pods: prefix delegation was on, kubelet still said 11") {
    const FixDemo d = demo(Fix::RaiseMaxPods);
    CHECK(has(d.before.problem, "on a self-managed node max-pods is still nodeadm's value"));
    CHECK(figure(d, "{desk} {exts} one {room} can hold").before == 144);
    check_figure(d, "{maxpods} per {room}", 11, 110);
    CHECK(running_pods(d.after) == 30);
    // The node was not replaced: the same primary ENI.
    CHECK(d.before.cluster.nodes[0].enis[0].id == d.after.cluster.nodes[0].enis[0].id);
    CHECK(d.before.cluster.nodes[0].enis[0].primary_ip ==
          d.after.cluster.nodes[0].enis[0].primary_ip);
}

TEST_CASE("custom networking: a /26 building runs out; a new building in the zone takes pods") {
    const FixDemo d = demo(Fix::CustomNetworking);
    CHECK(has(d.before.problem, "InsufficientFreeAddressesInSubnet"));
    CHECK(waiting_pods(d.before) == 18);
    CHECK(running_pods(d.before) == 36);
    CHECK(waiting_pods(d.after) == 0);
    CHECK(running_pods(d.after) == 54);
    CHECK(refused_pods(d.after) == 0);
    CHECK(figure(d, "{maxpods} per {room}").after == 20);                    // 2 x 9 + 2
    CHECK(figure(d, "free {exts} in the {room}s' {building}").after == 56);  // 59 usable - 3 nodes
    const Subnet* pods = find_subnet(d.after.cluster.vpc, "subnet-pods-a");
    REQUIRE(pods != nullptr);
    CHECK(format_cidr(pods->cidr) == "10.0.16.0/20");
    CHECK(pods->az == "us-east-1a");
    for (const Node& n : d.after.cluster.nodes) {
        CHECK(n.config.custom_networking);
        CHECK(cidr_contains(find_subnet(d.after.cluster.vpc, "subnet-a")->cidr,
                            n.enis[0].primary_ip));
        for (const Pod& p : n.pods)
            CHECK(cidr_contains(pods->cidr, p.ip));
    }
    CHECK(check_invariants(d.after.cluster).ok());
}

TEST_CASE("subnet discovery: a tagged subnet in the zone takes the new ENIs, no node replaced") {
    const FixDemo d = demo(Fix::SubnetDiscovery);
    CHECK(waiting_pods(d.before) == 18);
    CHECK(waiting_pods(d.after) == 0);
    CHECK(running_pods(d.after) == 54);
    CHECK(all_pods_run(d.after));
    CHECK_FALSE(all_pods_run(d.before));
    CHECK(figure(d, "{maxpods} per {room}").after == 29);  // unlike custom networking's 20
    CHECK(figure(d, "{panels} in the tagged {building}").after > 0);
    const Subnet* more = find_subnet(d.after.cluster.vpc, "subnet-more-a");
    REQUIRE(more != nullptr);
    CHECK(more->tags.at(kSubnetRoleTag) == "1");
    CHECK(more->az == "us-east-1a");
    for (size_t i = 0; i < d.after.cluster.nodes.size(); ++i) {
        const Node& n = d.after.cluster.nodes[i];
        CHECK(n.enis[0] == d.before.cluster.nodes[i].enis[0]);  // the same node, not replaced
        CHECK(n.enis[0].subnet_id == "subnet-a");
    }
    CHECK(check_invariants(d.after.cluster).ok());
    // With subnet discovery off the tagged subnet is never used: the fix says so.
    Result<DemoCampus> off = build_problem(Fix::SubnetDiscovery, test_catalog());
    REQUIRE(off.ok());
    DemoCampus c = *off;
    for (Node& n : c.cluster.nodes)
        n.config.subnet_discovery = false;
    const DemoCampus before = c;
    CHECK(has(apply_fix(c, Fix::SubnetDiscovery).error().message, "subnet discovery off"));
    CHECK(c.cluster == before.cluster);
}

TEST_CASE("private NAT gateway: nodes and pods move to 100.64.0.0/16, one routable address") {
    const FixDemo d = demo(Fix::PrivateNat);
    CHECK(waiting_pods(d.before) > 0);
    CHECK(all_pods_run(d.after));
    // 40 before: 4 nodes x 10 on their primary ENIs; 1 after: the private NAT gateway's
    check_figure(d, "routable {nums} in use", 40, 1);
    CHECK(figure(d, "{maxpods} per {room}").after == 29);  // no custom networking needed
    for (const Node& n : d.after.cluster.nodes) {
        CHECK(cidr_contains(*parse_cidr("100.64.0.0/16"), n.enis[0].primary_ip));
        CHECK_FALSE(n.config.custom_networking);
    }
    CHECK(check_invariants(d.after.cluster).ok());
}

TEST_CASE(
    "IPv6: refused on a running IPv4 cluster; a new one runs every pod that max-pods admits") {
    Result<DemoCampus> problem = build_problem(Fix::Ipv6, test_catalog());
    REQUIRE(problem.ok());
    DemoCampus c = *problem;
    const DemoCampus before = c;
    CHECK(has(apply_fix(c, Fix::Ipv6).error().message, "chosen when a cluster is created"));
    CHECK(c.cluster == before.cluster);
    const FixDemo d{Fix::Ipv6, before, before, {}, fix_figures(Fix::Ipv6, before, before)};
    CHECK(figure(d, "{desks} waiting for an {ext}, all {rooms}").after == 0);
    CHECK(figure(d, "{desks} running, all {rooms}").after ==
          72);  // 4 nodes x 18: nodeadm's 29 admits 27
    CHECK(figure(d, "{desk} {nums} per {room}").after == 281474976710656LL);
    CHECK(figure(d, "{maxpods} per {room}").after == 29);  // self-managed: the IPv4 formula
}

TEST_CASE("secondary CIDR: a full VPC gets 100.64.0.0/16 and a pod subnet per zone") {
    Result<DemoCampus> problem = build_problem(Fix::SecondaryCidr, test_catalog());
    REQUIRE(problem.ok());
    CHECK(has(problem->problem, "InsufficientFreeAddressesInSubnet"));
    // Custom networking alone has nowhere to go, and the campus stays as it was.
    DemoCampus tried = *problem;
    Result<std::vector<std::string>> cn = apply_fix(tried, Fix::CustomNetworking);
    REQUIRE_FALSE(cn.ok());
    CHECK(has(cn.error().message, "add a secondary CIDR first"));
    CHECK(tried.cluster == problem->cluster);

    const FixDemo d = demo(Fix::SecondaryCidr);
    CHECK(figure(d, "{campus} {range}s").after == 2);
    check_figure(d, "{nums} in the {campus}", 64, 64 + 65536);
    CHECK(waiting_pods(d.before) == 36);
    CHECK(waiting_pods(d.after) == 0);
    CHECK(running_pods(d.after) == 72);
    CHECK(format_cidr(d.after.cluster.vpc.cidrs[1]) == "100.64.0.0/16");
    CHECK(format_cidr(find_subnet(d.after.cluster.vpc, "subnet-pods-b")->cidr) == "100.64.32.0/19");
    CHECK(find_subnet(d.after.cluster.vpc, "subnet-pods-b")->az == "us-east-1b");
    CHECK(check_invariants(d.after.cluster).ok());
}

TEST_CASE("a subnet per group: each group's pods in a building of their own") {
    const FixDemo d = demo(Fix::SubnetPerGroup);
    check_figure(d, "{buildings} holding {desk} {exts}", 1, 2);
    check_figure(d, "{desks} sharing a {building} with the other group, all {rooms}", 8, 0);
    const Node* pay = find_node(d.after.cluster, "payments-1");
    REQUIRE(pay != nullptr);
    CHECK(pay->config.pod_subnet_id == "subnet-payments");
    CHECK(running_pods(d.after) == 8);
}

TEST_CASE("security groups for pods: a trunk ENI, 9 branch ENIs, 27 -> 18 pod addresses") {
    const FixDemo d = demo(Fix::SecurityGroupsForPods);
    check_figure(d, "{desks} that can have their own security groups, all {rooms}", 0, 9);
    check_figure(d, "{desk} {exts} one {room} can hold", 27, 18);
    CHECK(d.after.cluster.nodes[0].enis[1].trunk);
    CHECK(running_pods(d.after) == 6);
}

TEST_CASE("fixes that cannot apply say why and change nothing") {
    // Prefix delegation on a xen type.
    DemoCampus c;
    c.cluster = make_cluster(test_vpc("10.0.0.0/16", "10.0.1.0/24"));
    NodeDesc nd;
    nd.name = "node-1";
    nd.type = test_type("m4.large");
    nd.subnet_id = "subnet-a";
    REQUIRE(add_node(c.cluster, nd).ok());
    c.wanted = {12};
    const DemoCampus before = c;
    Result<std::vector<std::string>> r = apply_fix(c, Fix::PrefixDelegation);
    REQUIRE_FALSE(r.ok());
    CHECK(has(r.error().message, "needs a Nitro instance"));
    CHECK(c.cluster == before.cluster);

    // Raising max-pods without prefix delegation gives pods no addresses.
    r = apply_fix(c, Fix::RaiseMaxPods);
    REQUIRE_FALSE(r.ok());
    CHECK(has(r.error().message, "turn prefix delegation on first"));
    CHECK(c.cluster == before.cluster);

    // Security groups for pods on a t3.small: no branch ENIs.
    Result<DemoCampus> small = build_problem(Fix::PrefixDelegation, test_catalog());
    REQUIRE(small.ok());
    const Cluster kept = small->cluster;
    r = apply_fix(small.value(), Fix::SecurityGroupsForPods);
    REQUIRE_FALSE(r.ok());
    CHECK(small->cluster == kept);

    DemoCampus empty;
    CHECK_FALSE(apply_fix(empty, Fix::SubnetPerGroup).ok());
}

TEST_CASE("free_vpc_block finds the lowest aligned block outside the subnets") {
    const Vpc vpc = test_vpc("10.0.0.0/16", "10.0.0.0/24");
    CHECK(format_cidr(free_vpc_block(vpc, 24).value()) == "10.0.1.0/24");
    CHECK(format_cidr(free_vpc_block(vpc, 20).value()) == "10.0.16.0/20");
    Result<Cidr> none = free_vpc_block(vpc, 16);
    REQUIRE_FALSE(none.ok());
    CHECK(has(none.error().message, "no free /16"));
}
