// decision.h: "choosing the right fix": a small tree of questions from a symptom to a fix,
// and each fix shown working on a small campus built and repaired with the model.
//
// decision_guide() holds the tree: question nodes with answers that lead to other nodes,
// and outcome nodes naming a Fix with why it answers the symptom and what it costs.
// build_problem() builds the campus that shows the symptom (a t3.small that turns pods
// away at max-pods, a /26 building that runs out with InsufficientFreeAddressesInSubnet, a
// VPC with no room left, two groups of pods sharing one building, pods sharing their
// node's security groups); apply_fix() repairs it the way an operator would (replace the
// nodes with the new setting, raise max-pods, add a VPC CIDR, subnets and ENIConfigs, tag a
// new subnet for subnet discovery, move nodes into a non-routable CIDR behind a private NAT
// gateway), then schedules the same pods again; fix_figures() lists the numbers that
// changed. IPv6 cannot be applied to a running (IPv4) cluster: apply_fix says so, and its
// figures are those of a new IPv6 cluster with the same nodes (capacity.h ipv6_node).
//
// Text holds lesson term tokens ("{desks}", "{maxpods}"); render them with render_terms.
// Facts: shared/reference/vpc-cni-facts.md (max-pods, prefix delegation, custom
// networking, secondary CIDRs, security groups for pods), docs/vpc-cni-today.md (subnet
// discovery, IPv6), VPC user guide nat-gateway-scenarios ("Enable communication between
// overlapping networks") and nat-gateway-pricing for the private NAT gateway.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "catalog.h"
#include "cluster.h"
#include "result.h"

namespace core {

enum class Fix {
    PrefixDelegation,       // turn on prefix delegation and raise max-pods with it
    RaiseMaxPods,           // prefix delegation is on already: raise kubelet's max-pods
    CustomNetworking,       // pod addresses from another subnet of the same zone (ENIConfig)
    SecondaryCidr,          // a 100.64.0.0/16 VPC CIDR, new subnets, custom networking
    SubnetPerGroup,         // one ENIConfig (subnet) per group of nodes
    SecurityGroupsForPods,  // ENABLE_POD_ENI: a trunk ENI, branch ENIs with their own groups
    SubnetDiscovery,        // a subnet tagged kubernetes.io/role/cni=1 in the same zone
    PrivateNat,             // nodes and pods in a non-routable CIDR, out via a private NAT GW
    Ipv6,                   // an IPv6 cluster (new clusters only)
};
inline constexpr int kFixCount = 9;

struct GuideAnswer {
    std::string label;  // "Yes, it is on already"
    std::string next;   // id of the node it leads to
};

// A question (answers not empty) or an outcome (outcome true, no answers).
struct GuideNode {
    std::string id;        // "start", "full-room", "pd", ...
    std::string question;  // question nodes: "What do you see?"
    std::vector<GuideAnswer> answers;
    bool outcome = false;
    Fix fix = Fix::PrefixDelegation;
    std::string title{};  // outcome: "Prefix delegation, and raise {maxpods}"
    std::string why{};    // outcome: why this fix answers the symptom
    std::string cost{};   // outcome: what it needs or costs
};

// A small campus and the pods it is asked to run.
struct DemoCampus {
    Cluster cluster;
    std::vector<int> wanted;  // pods each node should run, in node order
    std::string problem;      // the first failure a learner would see ("" if none)
};

// One number before and after the fix.
struct Figure {
    std::string label;  // "{desks} running"
    long long before = 0;
    long long after = 0;
};

// The guide's nodes; [0] ("start") is the first question.
const std::vector<GuideNode>& decision_guide();
// Finds a node by id, nullptr if absent.
const GuideNode* find_guide_node(std::string_view id);
// Checks a guide: unique ids, every answer leads to an existing node, questions have
// answers, outcomes none, every node reachable from [0], no cycles, every fix reached.
Status check_decision_guide(const std::vector<GuideNode>& guide);
// "prefix-delegation", ... (stable names for links and tests).
const char* fix_name(Fix fix);

// Builds the campus that shows the symptom a fix answers; its pods are placed already.
Result<DemoCampus> build_problem(Fix fix, const Catalog& catalog);
// Applies the fix and schedules the wanted pods again. Returns what was done; on failure
// (e.g. custom networking in a VPC with no room for a new subnet) the campus is unchanged.
Result<std::vector<std::string>> apply_fix(DemoCampus& campus, Fix fix);
// The numbers that show the fix at work, before and after.
std::vector<Figure> fix_figures(Fix fix, const DemoCampus& before, const DemoCampus& after);
// What the fix is tried on, with lesson term tokens: each fix has a small campus of its own,
// not the puzzle's ("Tried on a small {campus} of its own: 1 {room} (t3.small) wanting 30
// {desks}, in a /24 {building}.").
std::string demo_summary(const DemoCampus& campus);

// Pods with an address, waiting in ContainerCreating, and turned away by kubelet (wanted
// minus admitted), over the whole campus.
long long running_pods(const DemoCampus& campus);
long long waiting_pods(const DemoCampus& campus);
long long refused_pods(const DemoCampus& campus);
// The short name of a fix, with lesson term tokens ("Prefix delegation", "Tag a {building}").
const char* fix_short(Fix fix);
// The outcome node of the guide that leads to a fix, nullptr if none.
const GuideNode* guide_outcome(Fix fix);
// True when the campus runs every pod it wants: none waiting, none turned away.
bool all_pods_run(const DemoCampus& campus);
// The lowest aligned block of this size inside the VPC's CIDRs that overlaps no subnet.
Result<Cidr> free_vpc_block(const Vpc& vpc, int prefix);

}  // namespace core
