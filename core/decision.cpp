// decision.cpp: the decision guide's tree and the fixes it leads to (see decision.h).
#include "decision.h"

#include <algorithm>
#include <map>
#include <set>

#include "capacity.h"
#include "format.h"
#include "lookup.h"
#include "steps/campus.h"

namespace core {
namespace {

GuideNode question(const char* id, const char* text, std::vector<GuideAnswer> answers) {
    return GuideNode{id, text, std::move(answers)};
}

GuideNode outcome(const char* id, Fix fix, const char* title, const char* why, const char* cost) {
    return GuideNode{id, "", {}, true, fix, title, why, cost};
}

std::vector<GuideNode> make_guide() {
    std::vector<GuideNode> g;
    g.push_back(
        question("start", "What do you see?",
                 {{"A {room} turns {desks} away while its CPU and memory sit idle", "full-room"},
                  {"A {building} has run out of {exts}", "building-out"},
                  {"The whole {campus} has run out of {nums}", "campus-out"},
                  {"Groups of {desks} must be kept apart", "isolation"}}));
    g.push_back(question(
        "full-room", "Is prefix delegation already on for this {room}?",
        {{"No, not yet", "pd"}, {"Yes, and still no more {desks} fit", "raise-max-pods"}}));
    g.push_back(question(
        "building-out",
        "Is there unused space in the {campus} for another {building} in the same {zone}?",
        {{"Yes, and the {desks} only need more {exts}", "subnet-discovery"},
         {"Yes, and the {desks} need a {building} apart from their {rooms}", "custom-networking"},
         {"No, the {campus} is full as well", "campus-out"}}));
    g.push_back(
        question("campus-out", "Are you creating the cluster now?",
                 {{"Yes, a new cluster", "ipv6"}, {"No, it runs on IPv4 already", "routable"}}));
    g.push_back(question(
        "routable", "Can the {rooms} keep {nums} that other networks can reach?",
        {{"Yes: only the {desks} need more {nums}", "secondary-cidr"},
         {"No: such {nums} are scarce, or our ranges overlap other networks", "private-nat"}}));
    g.push_back(question("isolation", "Apart by group of {rooms}, or {desk} by {desk}?",
                         {{"By group: each group in a {building} of its own", "per-group"},
                          {"{desk} by {desk}: each with its own security groups", "sg-for-pods"}}));
    g.push_back(outcome(
        "pd", Fix::PrefixDelegation, "Prefix delegation, and raise {maxpods} with it",
        "The {room} ran out of {slots}, not of CPU or memory. With prefix delegation every "
        "{slot} holds a whole {block} instead of a single {ext}, so the same {panels} serve "
        "many more {desks}.",
        "Needs a Nitro {instance} and free aligned /28 blocks in the {building}. On "
        "{selfmanaged}, kubelet keeps the AMI's {maxpods} until you raise it; {managed} get a "
        "raised one when new. Either way the {rooms} must be replaced to switch."));
    g.push_back(outcome(
        "raise-max-pods", Fix::RaiseMaxPods, "Raise kubelet's {maxpods}",
        "Prefix delegation already gave the {room} space for far more {desks}, but on a "
        "self-managed {room} kubelet still counts the AMI's {maxpods}, which assumes one {ext} "
        "per {slot}.",
        "Set max-pods in the node group's bootstrap settings; stay under the recommended cap "
        "for the {room}'s vCPUs (110, or 250 above 30 vCPUs)."));
    g.push_back(outcome(
        "custom-networking", Fix::CustomNetworking,
        "Custom networking: {desk} {exts} from another {building}",
        "The {rooms} keep their own {exts} where they are; an {eniconfig} for the {zone} sends "
        "the {desks}' {panels} to a roomier {building}.",
        "The {firstpanel} carries no {desks} any more, so {maxpods} drops and must be lowered to "
        "match; existing {rooms} must be replaced."));
    g.push_back(outcome(
        "secondary-cidr", Fix::SecondaryCidr, "A secondary CIDR, with custom networking",
        "With no space left in the {campus}, add a second {range} (usually a /16 of "
        "100.64.0.0/10), build a new {building} in it for each {zone}, and send {desk} {exts} "
        "there with custom networking.",
        "Everything custom networking costs, and the new {range} counts against the VPC's CIDR "
        "quota (5 by default)."));
    g.push_back(outcome(
        "subnet-discovery", Fix::SubnetDiscovery, "Tag a second {building} for {discovery}",
        "Since {vpccni} v1.18 (on by default), each {room}'s {manager} puts a new {panel} in the "
        "{building} of its {zone} with the most free {nums}: its own, or one tagged "
        "kubernetes.io/role/cni=1. Build a roomy {building} there and tag it; no {room} is "
        "replaced.",
        "Needs free space in the {campus} in that {zone}. The {firstpanel} and each {room}'s own "
        "{ext} stay in the full {building}, and the new {panels} keep the {room}'s security "
        "groups: for {desks} apart from their {rooms}, use custom networking."));
    g.push_back(outcome(
        "ipv6", Fix::Ipv6, "An IPv6 cluster",
        "Each {firstpanel} gets a /80 of IPv6 {nums}, 2^48 of them, so no {desk} waits "
        "for one: kubelet's {maxpods}, CPU and memory are the limits. AWS's best-practices guide "
        "recommends IPv6 first.",
        "Chosen when a cluster is created, never switched: a new cluster with dual-stack "
        "{buildings}. Its {desks} get IPv6 only and reach IPv4 through their {room}'s IPv4 {num}. "
        "Nitro {instances} only; no custom networking, no Windows."));
    g.push_back(outcome(
        "private-nat", Fix::PrivateNat, "A non-routable {range} behind a private {natgw}",
        "The {rooms} and {desks} move to {buildings} in a {range} that other networks never see "
        "(100.64.0.0/16, which other networks may use as well). A private {natgw} in a small "
        "routable {building} swaps their {num} for its own on the way out; load balancers there "
        "take calls in.",
        "The {natgw} is billed per hour and per GB it carries. Nothing outside reaches a {desk} "
        "directly, only through a load balancer, and the routes to other networks (a transit "
        "gateway) need planning. The {rooms} are replaced."));
    g.push_back(outcome(
        "per-group", Fix::SubnetPerGroup, "Custom networking with an {eniconfig} per group",
        "Give each group of {rooms} its own {eniconfig}: each group's {desks} take {exts} from "
        "their own {building}, behind that {eniconfig}'s security groups, so routes and network "
        "ACLs can tell the groups apart.",
        "A node group per group of {desks}, and the lower {maxpods} of custom networking."));
    g.push_back(outcome(
        "sg-for-pods", Fix::SecurityGroupsForPods, "Security groups for {desks}",
        "With ENABLE_POD_ENI a {trunk} lets chosen {desks} get a {branch} of their own, with "
        "security groups picked by a SecurityGroupPolicy.",
        "The {trunk} takes one {panel} slot, so the {room} holds fewer {desk} {exts}; {branch}s "
        "are limited per {instance}, and t-family {rooms} have none."));
    return g;
}

std::string group_of(const std::string& node_name) {
    const size_t dash = node_name.rfind('-');
    return dash == std::string::npos ? node_name : node_name.substr(0, dash);
}

Status subnet(Vpc& vpc, const char* id, const char* name, const char* az, const char* cidr) {
    SubnetDesc d;
    d.id = id;
    d.name = name;
    d.az = az;
    d.cidr = cidr;
    return add_subnet(vpc, d);
}

Result<const InstanceType*> type_named(const Catalog& catalog, const char* name) {
    return find_instance_type(catalog, name);
}

// Schedules pods until every node has what it wants (or kubelet refuses); keeps the first
// failure for the learner.
void place_pods(DemoCampus& c) {
    for (size_t i = 0; i < c.cluster.nodes.size() && i < c.wanted.size(); ++i) {
        const std::string name = c.cluster.nodes[i].name;
        for (;;) {
            const Node& n = c.cluster.nodes[i];
            if (static_cast<int>(n.pods.size() + n.pending.size()) >= c.wanted[i]) break;
            Result<Pod> p = add_pod(c.cluster, name);
            if (p) continue;
            if (c.problem.empty()) c.problem = p.error().message;
            if (p.error().code == ErrorCode::TooManyPods) break;
        }
    }
}

Result<DemoCampus> make_campus(const char* vpc_cidr) {
    Result<Vpc> vpc = make_vpc(vpc_cidr);
    if (!vpc) return vpc.error();
    DemoCampus c;
    c.cluster = make_cluster(std::move(vpc).value());
    return c;
}

Status add_demo_node(DemoCampus& c, const char* name, const InstanceType& type,
                     const char* subnet_id, int pods, NodeConfig config = {}) {
    NodeDesc d;
    d.name = name;
    d.type = type;
    d.subnet_id = subnet_id;
    d.config = std::move(config);
    if (auto s = add_node(c.cluster, d); !s) return s;
    c.wanted.push_back(pods);
    return Ok{};
}

// Replaces every node by one with the configuration `change` makes of its old one (AWS:
// prefix delegation, custom networking and security groups for pods need new nodes), then
// schedules the wanted pods again.
template <typename Change>
Status replace_nodes(DemoCampus& c, Change change) {
    std::vector<NodeDesc> descs;
    for (const Node& n : c.cluster.nodes) {
        NodeDesc d{n.name, n.type, n.subnet_id, n.config};
        change(d);
        descs.push_back(d);
    }
    for (const NodeDesc& d : descs) {
        if (auto s = remove_node(c.cluster, d.name); !s) return s;
    }
    for (const NodeDesc& d : descs) {
        if (auto s = add_node(c.cluster, d); !s) return s;
    }
    c.problem.clear();
    place_pods(c);
    return Ok{};
}

std::string node_list(const Cluster& c) {
    std::string s;
    for (size_t i = 0; i < c.nodes.size(); ++i) {
        if (i > 0) s += i + 1 == c.nodes.size() ? " and " : ", ";
        s += c.nodes[i].name;
    }
    return s;
}

std::string scheduled(const DemoCampus& c) {
    long long wanted = 0;
    for (int w : c.wanted)
        wanted += w;
    std::string s = "Scheduled the " + count(wanted, "{desk}", "{desks}") +
                    " again: " + num(running_pods(c)) + " running";
    if (waiting_pods(c) > 0) s += ", " + num(waiting_pods(c)) + " waiting for an {ext}";
    if (refused_pods(c) > 0) s += ", " + num(refused_pods(c)) + " turned away at {maxpods}";
    return s + ".";
}

// Custom networking onto new subnets: one per zone of the nodes (or per group of nodes),
// each of `prefix` size, with max-pods lowered to match.
Result<std::vector<std::string>> custom_networking(DemoCampus& c, int prefix, bool per_group) {
    std::vector<std::string> steps;
    std::map<std::string, std::string> pod_subnet;  // zone or group -> subnet id
    for (const Node& n : c.cluster.nodes) {
        const Subnet* home = find_subnet(c.cluster.vpc, n.subnet_id);
        if (home == nullptr) return make_error(n.name + "'s subnet is missing.");
        const std::string key = per_group ? group_of(n.name) : home->az;
        if (pod_subnet.count(key) > 0) continue;
        Result<Cidr> block = free_vpc_block(c.cluster.vpc, prefix);
        if (!block) return block.error();
        SubnetDesc d;
        d.id = "subnet-" + (per_group ? key : "pods-" + std::string(1, home->az.back()));
        d.name = per_group ? "{desks} of " + key : "{desks}, " + home->az;  // term tokens
        d.az = home->az;
        d.cidr = format_cidr(*block);
        if (auto s = add_subnet(c.cluster.vpc, d); !s) return s.error();
        pod_subnet[key] = d.id;
        steps.push_back("Added {building} " + d.id + " " + d.cidr + " in " + d.az + " (" +
                        num(static_cast<long long>(aws_usable_addresses(*block))) +
                        " {exts}) and an {eniconfig} named " + key + " that points at it.");
    }
    const Node& first = c.cluster.nodes.front();
    const int old_max = first.max_pods;
    CapacityOptions opts;
    opts.custom_networking = true;
    const int new_max = static_cast<int>(max_pods(first.type, opts).max_pods);
    const Vpc& vpc = c.cluster.vpc;
    if (auto s = replace_nodes(c,
                               [&](NodeDesc& d) {
                                   const Subnet* home = find_subnet(vpc, d.subnet_id);
                                   const std::string key = per_group ? group_of(d.name) : home->az;
                                   d.config.custom_networking = true;
                                   d.config.pod_subnet_id = pod_subnet[key];
                                   d.config.max_pods_override = new_max;
                               });
        !s) {
        return s.error();
    }
    steps.push_back("Replaced " + node_list(c.cluster) +
                    " with custom networking: each keeps its own {ext} in its {building}, its "
                    "{desks} get theirs from the {eniconfig}'s {building}.");
    steps.push_back("Lowered {maxpods} from " + num(old_max) + " to " + num(new_max) +
                    ": the {firstpanel} carries no {desks} now.");
    steps.push_back(scheduled(c));
    return steps;
}

// Adds the first /16 of 100.64.0.0/10 the VPC accepts as a secondary CIDR; returns it.
Result<std::string> add_cgnat_cidr(DemoCampus& c) {
    for (int second = 64; second < 128; ++second) {
        const std::string cidr = "100." + num(second) + ".0.0/16";
        Vpc trial = c.cluster.vpc;
        if (add_vpc_cidr(trial, cidr).ok()) {
            c.cluster.vpc = std::move(trial);
            return cidr;
        }
    }
    return make_error("No /16 of 100.64.0.0/10 can be added to this VPC (quota or overlap).");
}

// The zones of the campus's nodes, each with one node's subnet there.
std::map<std::string, std::string> node_zones(const DemoCampus& c) {
    std::map<std::string, std::string> zones;
    for (const Node& n : c.cluster.nodes) {
        if (const Subnet* home = find_subnet(c.cluster.vpc, n.subnet_id))
            zones.emplace(home->az, home->id);
    }
    return zones;
}

// A new subnet of `prefix` size per zone of the nodes, from the VPC's free space; steps say
// what was built. Returns zone -> subnet id.
Result<std::map<std::string, std::string>> subnet_per_zone(DemoCampus& c, int prefix,
                                                           const char* kind, Tags tags,
                                                           std::vector<std::string>& steps) {
    std::map<std::string, std::string> out;
    for (const auto& zone : node_zones(c)) {
        const std::string& az = zone.first;
        Result<Cidr> block = free_vpc_block(c.cluster.vpc, prefix);
        if (!block)
            return make_error("The VPC has no free /" + num(prefix) + " for a new subnet in " + az +
                              ": add a secondary CIDR first.");
        const std::string id = std::string("subnet-") + kind + "-" + az.back();
        const SubnetDesc d{
            id, std::string(kind) + ", " + az, az, format_cidr(*block), 0, false, {}, tags};
        if (auto st = add_subnet(c.cluster.vpc, d); !st) return st.error();
        out[az] = id;
        steps.push_back("Added {building} " + id + " " + d.cidr + " in " + az + " (" +
                        num(static_cast<long long>(aws_usable_addresses(*block))) + " {exts})" +
                        (tags.empty() ? std::string(".") : ", tagged kubernetes.io/role/cni=1."));
    }
    return out;
}

Result<std::vector<std::string>> subnet_discovery(DemoCampus& c) {
    std::vector<std::string> steps;
    for (const Node& n : c.cluster.nodes) {
        if (!n.config.subnet_discovery || n.config.custom_networking)
            return make_error(n.name + " has subnet discovery off (or custom networking on): " +
                              "a tagged subnet is not used for its ENIs.");
    }
    Result<std::map<std::string, std::string>> made =
        subnet_per_zone(c, 24, "more", Tags{{kSubnetRoleTag, "1"}}, steps);
    if (!made) return made.error();
    for (const Node& n : c.cluster.nodes)
        (void)reconcile(c.cluster, n.name);
    c.problem.clear();
    place_pods(c);
    steps.push_back(
        "No {room} was replaced: each {manager} put its next {panel} in the tagged "
        "{building}, which had the most free {exts}.");
    steps.push_back(scheduled(c));
    return steps;
}

Result<std::vector<std::string>> private_nat(DemoCampus& c) {
    const std::map<std::string, std::string> routable = node_zones(c);
    Result<std::string> cgnat = add_cgnat_cidr(c);
    if (!cgnat) return cgnat.error();
    std::vector<std::string> steps{"Added the non-routable CIDR " + *cgnat + " to the {campus}."};
    Result<std::map<std::string, std::string>> made =
        subnet_per_zone(c, 19, "nonroutable", {}, steps);
    if (!made) return made.error();
    const Vpc& vpc = c.cluster.vpc;
    if (auto st = replace_nodes(c,
                                [&](NodeDesc& d) {
                                    const Subnet* home = find_subnet(vpc, d.subnet_id);
                                    if (home != nullptr) d.subnet_id = made->at(home->az);
                                });
        !st) {
        return st.error();
    }
    steps.push_back("Replaced " + node_list(c.cluster) +
                    " in the non-routable {buildings}: {rooms} and {desks} take their {exts} "
                    "there.");
    const std::string nat_subnet = routable.begin()->second;
    if (auto st = hold_addresses(c.cluster, nat_subnet, 1, "private-nat-gateway"); !st)
        return st.error();
    steps.push_back("Put a private {natgw} in " + nat_subnet +
                    ": traffic to other networks leaves with its one routable {ext}.");
    steps.push_back(scheduled(c));
    return steps;
}

Result<std::vector<std::string>> apply(DemoCampus& c, Fix fix) {
    if (c.cluster.nodes.empty()) return make_error("The campus has no nodes to fix.");
    const Node& first = c.cluster.nodes.front();
    std::vector<std::string> steps;
    switch (fix) {
        case Fix::PrefixDelegation: {
            if (!supports_prefix_delegation(first.type)) {
                return make_error(first.name + " is a " + first.type.name + " (" +
                                  hypervisor_name(first.type.hypervisor) +
                                  "): prefix delegation needs a Nitro instance; move to a Nitro "
                                  "type first.");
            }
            const MaxPods cap = max_pods(first.type, with_prefix_delegation());
            const int old_max = first.max_pods;
            const int new_max = static_cast<int>(cap.recommended_max_pods);
            if (auto s = replace_nodes(c,
                                       [&](NodeDesc& d) {
                                           d.config.prefix_delegation = true;
                                           d.config.max_pods_override = new_max;
                                       });
                !s) {
                return s.error();
            }
            steps.push_back("Replaced " + node_list(c.cluster) +
                            " with ENABLE_PREFIX_DELEGATION=true: a running {room} cannot switch.");
            steps.push_back("Each {slot} now holds a {block}: space for " + num(cap.pod_ips) +
                            " {desk} {exts} on " + count(cap.pod_enis, "{panel}", "{panels}") +
                            ".");
            steps.push_back("Raised kubelet's {maxpods} from " + num(old_max) + " to " +
                            num(new_max) + " (" + num(cap.max_pods) + ", capped at " +
                            num(cap.recommended_cap) + " for a " + num(first.type.vcpus) +
                            "-vCPU {room}).");
            steps.push_back(scheduled(c));
            return steps;
        }
        case Fix::RaiseMaxPods: {
            if (!prefix_delegation_active(first.type, first.config)) {
                return make_error("Prefix delegation is not on for " + first.name +
                                  ": raising max-pods alone gives its pods no addresses; turn "
                                  "prefix delegation on first.");
            }
            const MaxPods cap = max_pods(first.type, with_prefix_delegation());
            const int old_max = first.max_pods;
            const int new_max = static_cast<int>(cap.recommended_max_pods);
            for (const Node& n : c.cluster.nodes) {
                NodeConfig cfg = n.config;
                cfg.max_pods_override = new_max;
                if (auto s = set_node_config(c.cluster, n.name, cfg); !s) return s.error();
            }
            steps.push_back("Raised kubelet's {maxpods} on " + node_list(c.cluster) + " from " +
                            num(old_max) + " to " + num(new_max) +
                            " (prefix delegation leaves space for " + num(cap.max_pods) +
                            ", capped at " + num(cap.recommended_cap) + ").");
            c.problem.clear();
            place_pods(c);
            steps.push_back(scheduled(c));
            return steps;
        }
        case Fix::CustomNetworking: {
            Result<Cidr> room = free_vpc_block(c.cluster.vpc, 20);
            if (!room) {
                return make_error(
                    "The VPC has no free /20 left for a new subnet: custom networking needs a "
                    "roomier subnet, so add a secondary CIDR first.");
            }
            return custom_networking(c, 20, false);
        }
        case Fix::SecondaryCidr: {
            Result<std::string> cgnat = add_cgnat_cidr(c);
            if (!cgnat) return cgnat.error();
            const std::string added = *cgnat;
            Result<std::vector<std::string>> rest = custom_networking(c, 19, false);
            if (!rest) return rest.error();
            steps.push_back("Added the secondary CIDR " + added +
                            " to the {campus} (RFC 6598 space, routable inside the VPC).");
            steps.insert(steps.end(), rest->begin(), rest->end());
            return steps;
        }
        case Fix::SubnetPerGroup:
            return custom_networking(c, 24, true);
        case Fix::SubnetDiscovery:
            return subnet_discovery(c);
        case Fix::PrivateNat:
            return private_nat(c);
        case Fix::Ipv6:
            return make_error(
                "This cluster runs on IPv4, and IPv6 is chosen when a cluster is created: it "
                "can never be switched on. Create a new IPv6 cluster and move the workloads to "
                "it.");
        case Fix::SecurityGroupsForPods: {
            CapacityOptions plain;
            CapacityOptions sgp;
            sgp.security_groups_for_pods = true;
            const MaxPods before = max_pods(first.type, plain);
            const MaxPods after = max_pods(first.type, sgp);
            if (auto s = replace_nodes(
                    c, [&](NodeDesc& d) { d.config.security_groups_for_pods = true; });
                !s) {
                return s.error();
            }
            steps.push_back("Replaced " + node_list(c.cluster) +
                            " with ENABLE_POD_ENI=true: a {trunk} takes one {panel} slot.");
            steps.push_back("Up to " + num(after.branch_enis) + " {desks} per {room} can get a " +
                            "{branch} with their own security groups (a SecurityGroupPolicy "
                            "picks them).");
            steps.push_back("{desk} {exts} on the regular {panels}: " + num(before.pod_ips) +
                            " -> " + num(after.pod_ips) + ".");
            steps.push_back(scheduled(c));
            return steps;
        }
    }
    return make_error("Unknown fix.");
}

long long max_pods_of(const DemoCampus& c) {
    return c.cluster.nodes.empty() ? 0 : c.cluster.nodes.front().max_pods;
}

long long node_capacity(const DemoCampus& c) {
    if (c.cluster.nodes.empty()) return 0;
    const Node& n = c.cluster.nodes.front();
    return address_capacity(n.type, n.config);
}

long long vpc_size(const DemoCampus& c) {
    long long s = 0;
    for (const Cidr& b : c.cluster.vpc.cidrs)
        s += static_cast<long long>(cidr_size(b));
    return s;
}

long long free_in(const DemoCampus& c, const std::string& subnet_id) {
    const Subnet* s = find_subnet(c.cluster.vpc, subnet_id);
    return s == nullptr ? 0 : static_cast<long long>(free_addresses(*s));
}

// Subnets holding pod addresses, and pods sharing a subnet with another group's pods.
std::map<std::string, std::set<std::string>> groups_by_subnet(const DemoCampus& c) {
    std::map<std::string, std::set<std::string>> m;
    for (const Node& n : c.cluster.nodes) {
        for (const Pod& p : n.pods) {
            for (const Eni& e : n.enis) {
                if (e.id == p.eni_id) m[e.subnet_id].insert(group_of(n.name));
            }
        }
    }
    return m;
}

long long pods_sharing(const DemoCampus& c) {
    const auto m = groups_by_subnet(c);
    long long shared = 0;
    for (const Node& n : c.cluster.nodes) {
        for (const Pod& p : n.pods) {
            const Eni* e = find_eni(n, p.eni_id);
            if (e != nullptr && m.at(e->subnet_id).size() > 1) ++shared;
        }
    }
    return shared;
}

long long own_group_pods(const DemoCampus& c) {
    long long total = 0;
    CapacityOptions sgp;
    sgp.security_groups_for_pods = true;
    for (const Node& n : c.cluster.nodes) {
        if (n.config.security_groups_for_pods) total += max_pods(n.type, sgp).branch_enis;
    }
    return total;
}

long long enis_of(const DemoCampus& c) {
    return c.cluster.nodes.empty() ? 0 : node_stats(c.cluster.nodes.front()).enis;
}

long long prefixes_of(const DemoCampus& c) {
    return c.cluster.nodes.empty() ? 0 : node_stats(c.cluster.nodes.front()).prefixes;
}

// ENIs of all nodes outside the subnet `home`.
long long enis_outside(const DemoCampus& c, const std::string& home) {
    long long n = 0;
    for (const Node& node : c.cluster.nodes) {
        for (const Eni& e : node.enis)
            n += e.subnet_id != home ? 1 : 0;
    }
    return n;
}

// Addresses in use in the subnets of the VPC's primary (routable) CIDR.
long long routable_used(const DemoCampus& c) {
    long long n = 0;
    if (c.cluster.vpc.cidrs.empty()) return 0;
    for (const Subnet& s : c.cluster.vpc.subnets) {
        if (cidr_contains(c.cluster.vpc.cidrs.front(), s.cidr))
            n += static_cast<long long>(used_addresses(s));
    }
    return n;
}

// A figure the guide shows before and after a fix, counted the same way on both campuses.
struct Measure {
    const char* label;  // term tokens
    long long (*of)(const DemoCampus&);
};
constexpr Measure kRunning = {"{desks} running, all {rooms}", running_pods};
constexpr Measure kWaiting = {"{desks} waiting for an {ext}, all {rooms}", waiting_pods};
constexpr Measure kRefused = {"{desks} turned away at {maxpods}, all {rooms}", refused_pods};
constexpr Measure kMaxPods = {"{maxpods} per {room}", max_pods_of};
constexpr Measure kCapacity = {"{desk} {exts} one {room} can hold", node_capacity};
constexpr Measure kEnis = {"{panels} per {room}", enis_of};
constexpr Measure kPrefixes = {"{blocks} per {room}", prefixes_of};
constexpr Measure kVpcSize = {"{nums} in the {campus}", vpc_size};
constexpr Measure kRoutable = {"routable {nums} in use", routable_used};
constexpr Measure kSharing = {"{desks} sharing a {building} with the other group, all {rooms}",
                              pods_sharing};
constexpr Measure kOwnGroups = {"{desks} that can have their own security groups, all {rooms}",
                                own_group_pods};
constexpr Measure kSubnets = {"{buildings}", [](const DemoCampus& c) {
                                  return static_cast<long long>(c.cluster.vpc.subnets.size());
                              }};

// The same nodes and pods in a new IPv6 cluster (capacity.h): pods take addresses from one
// /80 per node, so none waits; kubelet's max-pods for the node group kind still turns pods
// away.
std::vector<Figure> ipv6_figures(const DemoCampus& b) {
    long long running = 0;
    long long refused = 0;
    long long kubelet = 0;
    long long per_node = 0;
    for (size_t i = 0; i < b.cluster.nodes.size() && i < b.wanted.size(); ++i) {
        const Node& n = b.cluster.nodes[i];
        CapacityOptions v6;
        v6.ipv6 = true;
        v6.prefix_delegation = true;
        v6.node_group = n.config.node_group;
        kubelet = default_kubelet_max_pods(n.type, v6).value;
        per_node = ipv6_node(n.type).prefix_addresses;
        const long long fit = std::max(0LL, kubelet - kHostNetworkPods);
        running += std::min<long long>(b.wanted[i], fit);
        refused += std::max<long long>(0, b.wanted[i] - fit);
    }
    return {{"{desks} running, all {rooms}", running_pods(b), running},
            {"{desks} waiting for an {ext}, all {rooms}", waiting_pods(b), 0},
            {"{desks} turned away at {maxpods}, all {rooms}", refused_pods(b), refused},
            {"{desk} {nums} per {room}", node_capacity(b), per_node},
            {"{maxpods} per {room}", max_pods_of(b), kubelet}};
}

}  // namespace

const std::vector<GuideNode>& decision_guide() {
    static const std::vector<GuideNode> guide = make_guide();
    return guide;
}

const GuideNode* find_guide_node(std::string_view id) {
    return find_by(decision_guide(), id, &GuideNode::id);
}

namespace {

// Each fix's name in the model's own words and its short title, in term tokens.
constexpr EnumNames<Fix> kFixWords[] = {
    {Fix::PrefixDelegation, "prefix-delegation", "Prefix delegation"},
    {Fix::RaiseMaxPods, "raise-max-pods", "Raise the {maxpods}"},
    {Fix::CustomNetworking, "custom-networking", "Custom networking"},
    {Fix::SecondaryCidr, "secondary-cidr", "A secondary {range}"},
    {Fix::SubnetPerGroup, "subnet-per-group", "An {eniconfig} per group"},
    {Fix::SecurityGroupsForPods, "security-groups-for-pods", "Security groups for {desks}"},
    {Fix::SubnetDiscovery, "subnet-discovery", "Tag a second {building}"},
    {Fix::PrivateNat, "private-nat", "A private {natgw}"},
    {Fix::Ipv6, "ipv6", "IPv6"},
};

}  // namespace

const char* fix_name(Fix fix) {
    const EnumNames<Fix>* w = names_of(kFixWords, fix);
    return w != nullptr ? w->name : "";
}

const char* fix_short(Fix fix) {
    const EnumNames<Fix>* w = names_of(kFixWords, fix);
    return w != nullptr ? w->label : "";
}

const GuideNode* guide_outcome(Fix fix) {
    for (const GuideNode& n : decision_guide()) {
        if (n.outcome && n.fix == fix) return &n;
    }
    return nullptr;
}

bool all_pods_run(const DemoCampus& campus) {
    return running_pods(campus) > 0 && waiting_pods(campus) == 0 && refused_pods(campus) == 0;
}

Status check_decision_guide(const std::vector<GuideNode>& guide) {
    if (guide.empty()) return make_error("The guide has no nodes.");
    std::map<std::string, size_t> index;
    for (size_t i = 0; i < guide.size(); ++i) {
        const GuideNode& n = guide[i];
        if (n.id.empty())
            return make_error("Guide node " + num(static_cast<long long>(i)) + " has no id.");
        if (!index.emplace(n.id, i).second)
            return make_error("Guide node '" + n.id + "' appears twice.");
        if (n.outcome && !n.answers.empty()) {
            return make_error("Outcome '" + n.id + "' must not have answers.");
        }
        if (!n.outcome && (n.answers.empty() || n.question.empty())) {
            return make_error("Question '" + n.id + "' needs its question and answers.");
        }
        if (n.outcome && (n.title.empty() || n.why.empty() || n.cost.empty())) {
            return make_error("Outcome '" + n.id + "' needs a title, a why and a cost.");
        }
    }
    for (const GuideNode& n : guide) {
        for (const GuideAnswer& a : n.answers) {
            if (a.label.empty()) return make_error("'" + n.id + "' has an answer with no label.");
            if (index.count(a.next) == 0) {
                return make_error("'" + n.id + "' leads to '" + a.next +
                                  "', which is not in the guide.");
            }
        }
    }
    // Depth-first from [0]: every node reached, no node on its own path (no cycle).
    std::vector<int> state(guide.size(), 0);  // 0 new, 1 on the path, 2 done
    std::set<int> fixes;
    struct Frame {
        size_t node;
        size_t next_answer;
    };
    std::vector<Frame> stack{{0, 0}};
    state[0] = 1;
    while (!stack.empty()) {
        Frame& f = stack.back();
        const GuideNode& n = guide[f.node];
        if (n.outcome) fixes.insert(static_cast<int>(n.fix));
        if (f.next_answer >= n.answers.size()) {
            state[f.node] = 2;
            stack.pop_back();
            continue;
        }
        const size_t to = index[n.answers[f.next_answer++].next];
        if (state[to] == 1) return make_error("The guide loops back to '" + guide[to].id + "'.");
        if (state[to] == 0) {
            state[to] = 1;
            stack.push_back({to, 0});
        }
    }
    for (size_t i = 0; i < guide.size(); ++i) {
        if (state[i] == 0) return make_error("'" + guide[i].id + "' cannot be reached.");
    }
    if (static_cast<int>(fixes.size()) != kFixCount) {
        return make_error("Some fixes are never reached by the guide.");
    }
    return Ok{};
}

long long running_pods(const DemoCampus& campus) {
    return pod_counts(campus.cluster).running;
}

long long waiting_pods(const DemoCampus& campus) {
    return pod_counts(campus.cluster).waiting;
}

long long refused_pods(const DemoCampus& campus) {
    long long n = 0;
    for (size_t i = 0; i < campus.cluster.nodes.size() && i < campus.wanted.size(); ++i) {
        const Node& node = campus.cluster.nodes[i];
        n += std::max<long long>(
            0, campus.wanted[i] - static_cast<long long>(node.pods.size() + node.pending.size()));
    }
    return n;
}

Result<Cidr> free_vpc_block(const Vpc& vpc, int prefix) {
    for (const Cidr& c : vpc.cidrs) {
        if (prefix < c.prefix || prefix > 28) continue;
        if (prefix - c.prefix > 16) continue;  // at most 65,536 candidate blocks
        Result<std::vector<Cidr>> blocks = cidr_split(c, prefix);
        if (!blocks) continue;
        for (const Cidr& b : *blocks) {
            const bool used =
                std::any_of(vpc.subnets.begin(), vpc.subnets.end(),
                            [&](const Subnet& s) { return cidr_overlaps(s.cidr, b); });
            if (!used) return b;
        }
    }
    return make_error("The VPC has no free /" + num(prefix) + " outside its subnets.");
}

std::string demo_summary(const DemoCampus& c) {
    const std::vector<Node>& nodes = c.cluster.nodes;
    const std::vector<Subnet>& subnets = c.cluster.vpc.subnets;
    if (nodes.empty() || subnets.empty()) return {};
    long long wanted = 0;
    for (int w : c.wanted)
        wanted += w;
    std::string text =
        "Tried on a small {campus} of its own: " +
        (nodes.size() == 1 ? std::string("1 {room}")
                           : num(static_cast<long long>(nodes.size())) + " {rooms}") +
        " (" + nodes.front().type.name + ") wanting " + num(wanted) + " {desks}, in ";
    if (subnets.size() == 1) return text + "a /" + num(subnets[0].cidr.prefix) + " {building}.";
    text += "{buildings} of ";
    for (size_t i = 0; i < subnets.size(); ++i) {
        if (i > 0) text += i + 1 == subnets.size() ? " and " : ", ";
        text += "/" + num(subnets[i].cidr.prefix);
    }
    return text + ".";
}

Result<DemoCampus> build_problem(Fix fix, const Catalog& catalog) {
    const bool small = fix == Fix::PrefixDelegation || fix == Fix::RaiseMaxPods;
    Result<const InstanceType*> type = type_named(catalog, small ? "t3.small" : "m5.large");
    if (!type) return type.error();
    const InstanceType& t = **type;
    // IPv6 and the private NAT gateway answer the same symptom as a secondary CIDR (the whole
    // VPC is full); subnet discovery the same as custom networking (one subnet is).
    const bool whole_vpc = fix == Fix::SecondaryCidr || fix == Fix::PrivateNat || fix == Fix::Ipv6;
    Result<DemoCampus> made = make_campus(whole_vpc ? "10.0.0.0/26" : "10.0.0.0/16");
    if (!made) return made.error();
    DemoCampus c = std::move(made).value();
    Vpc& vpc = c.cluster.vpc;
    Status s = Ok{};
    switch (fix) {
        case Fix::PrefixDelegation:
        case Fix::RaiseMaxPods: {
            s = subnet(vpc, "subnet-a", "Building A", "us-east-1a", "10.0.1.0/24");
            NodeConfig cfg;
            cfg.prefix_delegation = fix == Fix::RaiseMaxPods;
            if (s) s = add_demo_node(c, "node-1", t, "subnet-a", 30, cfg);
            break;
        }
        case Fix::CustomNetworking:
        case Fix::SubnetDiscovery:
            s = subnet(vpc, "subnet-a", "Building A", "us-east-1a", "10.0.1.0/26");
            if (s) s = add_demo_node(c, "node-1", t, "subnet-a", 18);
            if (s) s = add_demo_node(c, "node-2", t, "subnet-a", 18);
            if (s) s = add_demo_node(c, "node-3", t, "subnet-a", 18);
            break;
        case Fix::SecondaryCidr:
        case Fix::PrivateNat:
        case Fix::Ipv6:
            s = subnet(vpc, "subnet-a", "Building A", "us-east-1a", "10.0.0.0/27");
            if (s) s = subnet(vpc, "subnet-b", "Building B", "us-east-1b", "10.0.0.32/27");
            if (s) s = add_demo_node(c, "node-a1", t, "subnet-a", 18);
            if (s) s = add_demo_node(c, "node-a2", t, "subnet-a", 18);
            if (s) s = add_demo_node(c, "node-b1", t, "subnet-b", 18);
            if (s) s = add_demo_node(c, "node-b2", t, "subnet-b", 18);
            break;
        case Fix::SubnetPerGroup:
            s = subnet(vpc, "subnet-a", "Building A", "us-east-1a", "10.0.1.0/24");
            if (s) s = add_demo_node(c, "frontend-1", t, "subnet-a", 4);
            if (s) s = add_demo_node(c, "payments-1", t, "subnet-a", 4);
            break;
        case Fix::SecurityGroupsForPods:
            s = subnet(vpc, "subnet-a", "Building A", "us-east-1a", "10.0.1.0/24");
            if (s) s = add_demo_node(c, "node-1", t, "subnet-a", 6);
            break;
    }
    if (!s) return s.error();
    place_pods(c);
    return c;
}

Result<std::vector<std::string>> apply_fix(DemoCampus& campus, Fix fix) {
    DemoCampus work = campus;
    Result<std::vector<std::string>> steps = apply(work, fix);
    if (steps) campus = std::move(work);
    return steps;
}

std::vector<Figure> fix_figures(Fix fix, const DemoCampus& b, const DemoCampus& a) {
    std::vector<Figure> f;
    auto add = [&](std::string label, long long before, long long after) {
        f.push_back(Figure{std::move(label), before, after});
    };
    auto measure = [&](std::initializer_list<Measure> measures) {
        for (const Measure& m : measures)
            add(m.label, m.of(b), m.of(a));
    };
    const std::string home =
        b.cluster.nodes.empty() ? std::string() : b.cluster.nodes.front().subnet_id;
    switch (fix) {
        case Fix::PrefixDelegation:
        case Fix::RaiseMaxPods:
            measure({kRunning, kWaiting, kRefused, kMaxPods, kCapacity, kEnis, kPrefixes});
            break;
        case Fix::CustomNetworking:
            measure({kRunning, kWaiting});
            add("free {exts} in the {room}s' {building}", free_in(b, home), free_in(a, home));
            measure({kSubnets, kMaxPods});
            break;
        case Fix::SecondaryCidr:
            add("{campus} {range}s", static_cast<long long>(b.cluster.vpc.cidrs.size()),
                static_cast<long long>(a.cluster.vpc.cidrs.size()));
            measure({kVpcSize, kRunning, kWaiting, kMaxPods});
            break;
        case Fix::SubnetPerGroup:
            add("{buildings} holding {desk} {exts}",
                static_cast<long long>(groups_by_subnet(b).size()),
                static_cast<long long>(groups_by_subnet(a).size()));
            measure({kSharing, kRunning, kMaxPods});
            break;
        case Fix::SubnetDiscovery:
            measure({kRunning, kWaiting, kSubnets});
            add("{panels} in the tagged {building}", 0, enis_outside(a, home));
            measure({kMaxPods});
            break;
        case Fix::PrivateNat:
            measure({kRunning, kWaiting, kRoutable, kVpcSize, kMaxPods});
            break;
        case Fix::Ipv6:
            return ipv6_figures(b);
        case Fix::SecurityGroupsForPods:
            measure({kOwnGroups, kEnis, kCapacity, kRunning});
            break;
    }
    return f;
}

}  // namespace core
