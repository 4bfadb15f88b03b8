// labs.cpp: a lab's campus as it runs, the levers, their costs and the check (see labs.h).
#include "labs.h"

#include <algorithm>
#include <map>

#include "cidr.h"
#include "format.h"
#include "ipam.h"
#include "lookup.h"
#include "vpc.h"

namespace core {
namespace {

LabGroup* find_group(LabCampus& c, std::string_view name) {
    return find_by(c.groups, name, &LabGroup::name);
}

const LabGroup* find_group(const LabCampus& c, std::string_view name) {
    return find_by(c.groups, name, &LabGroup::name);
}

Error no_group(std::string_view name) {
    return make_error("There is no node group '" + std::string(name) + "' on this campus.");
}

int on_node(const Node& n) {
    return static_cast<int>(n.pods.size() + n.pending.size());
}

// Pending pods of the group go to the node with the fewest pods that kubelet still admits
// them on (the scheduler's least-allocated spread, with max-pods as the only limit).
void schedule(Cluster& cluster, LabGroup& g) {
    while (!g.unscheduled.empty()) {
        const Node* best = nullptr;
        for (const std::string& name : g.nodes) {
            const Node* n = find_node(cluster, name);
            if (n == nullptr || on_node(*n) + kHostNetworkPods >= n->max_pods) continue;
            if (best == nullptr || on_node(*n) < on_node(*best)) best = n;
        }
        if (best == nullptr) return;
        (void)add_pod(cluster, best->name, g.unscheduled.front());  // may wait, recorded
        g.unscheduled.erase(g.unscheduled.begin());
    }
}

// Every node's ipamd settles (waiting pods get what is free), then Pending pods are scheduled.
void settle(LabCampus& c) {
    for (size_t i = 0; i < c.cluster.nodes.size(); ++i) {
        (void)reconcile(c.cluster, c.cluster.nodes[i].name);
    }
    for (LabGroup& g : c.groups)
        schedule(c.cluster, g);
}

std::string new_pod_name(LabGroup& g) {
    return g.name + "-pod-" + num(g.next_pod++);
}

Status add_group_node(LabCampus& c, LabGroup& g, const Catalog& catalog) {
    Result<const InstanceType*> type = find_instance_type(catalog, g.instance_type);
    if (!type) return type.error();
    NodeDesc d;
    d.name = g.name + "-" + num(g.next_node++);
    d.type = **type;
    d.subnet_id = g.subnet;
    d.config = g.configured;
    if (Status st = add_node(c.cluster, d); !st) return st;
    g.nodes.push_back(d.name);
    return Ok{};
}

// Takes a node out of the group; its pods are created again by their Deployment (Pending).
Status remove_group_node(LabCampus& c, LabGroup& g, const std::string& name) {
    const Node* n = find_node(c.cluster, name);
    if (n == nullptr) return make_error("There is no node '" + name + "'.");
    const int pods = on_node(*n);
    if (Status st = remove_node(c.cluster, name); !st) return st;
    g.nodes.erase(std::remove(g.nodes.begin(), g.nodes.end(), name), g.nodes.end());
    for (int k = 0; k < pods; ++k)
        g.unscheduled.push_back(new_pod_name(g));
    return Ok{};
}

// Every node of the group drained and terminated, then as many new ones started with the
// group's settings as it is meant to have.
Status replace_group(LabCampus& c, LabGroup& g, const Catalog& catalog) {
    const std::vector<std::string> old = g.nodes;
    for (const std::string& name : old) {
        if (Status st = remove_group_node(c, g, name); !st) return st;
    }
    for (int k = 0; k < g.count; ++k) {
        if (Status st = add_group_node(c, g, catalog); !st) return st;
    }
    return Ok{};
}

Status scale_group(LabCampus& c, LabGroup& g, int count, const Catalog& catalog) {
    g.count = count;
    while (static_cast<int>(g.nodes.size()) < count) {
        if (Status st = add_group_node(c, g, catalog); !st) return st;
    }
    while (static_cast<int>(g.nodes.size()) > count) {
        if (Status st = remove_group_node(c, g, g.nodes.back()); !st) return st;
    }
    return Ok{};
}

// aws-node's environment: read again on every node when aws-node restarts.
Status set_warm(LabCampus& c, LeverKind kind, int value) {
    auto set = [&](WarmConfig& w) {
        if (kind == LeverKind::WarmEniTarget) w.warm_eni_target = value;
        if (kind == LeverKind::WarmIpTarget) w.warm_ip_target = value;
        if (kind == LeverKind::MinimumIpTarget) w.minimum_ip_target = value;
        if (kind == LeverKind::WarmPrefixTarget) w.warm_prefix_target = value;
    };
    for (LabGroup& g : c.groups) {
        set(g.configured.warm);
        if (Status st = validate_warm_config(g.configured.warm); !st) return st;
    }
    const std::vector<Node> nodes = c.cluster.nodes;
    for (const Node& n : nodes) {
        NodeConfig config = n.config;
        set(config.warm);
        if (Status st = set_node_config(c.cluster, n.name, config); !st) return st;
    }
    return Ok{};
}

// A setting new nodes of every group get (aws-node's environment is one for the cluster).
Status set_for_new_nodes(LabCampus& c, const Lever& l, const Catalog& catalog) {
    for (LabGroup& g : c.groups) {
        NodeConfig config = g.configured;
        if (l.kind == LeverKind::PrefixDelegation) config.prefix_delegation = l.value != 0;
        if (l.kind == LeverKind::CustomNetworking) {
            config.custom_networking = true;
            config.pod_subnet_id = l.subnet;
        }
        Result<const InstanceType*> type = find_instance_type(catalog, g.instance_type);
        if (!type) return type.error();
        if (Status st = validate_node_config(c.cluster, **type, g.subnet, config); !st) {
            return make_error("Node group " + g.name + ": " + st.error().message, st.error().code);
        }
        g.configured = config;
    }
    return Ok{};
}

Status apply_group_lever(LabCampus& c, const Lever& l, const Catalog& catalog) {
    LabGroup* g = find_group(c, l.node_group);
    if (g == nullptr) return no_group(l.node_group);
    switch (l.kind) {
        case LeverKind::InstanceType: {
            Result<const InstanceType*> type = find_instance_type(catalog, l.instance_type);
            if (!type) return type.error();
            if (Status st = validate_node_config(c.cluster, **type, g->subnet, g->configured); !st)
                return st;
            g->instance_type = (*type)->name;
            return replace_group(c, *g, catalog);
        }
        case LeverKind::NodeGroupKind:
            g->configured.node_group = l.group_kind;
            return replace_group(c, *g, catalog);
        case LeverKind::Scale:
            return scale_group(c, *g, l.value, catalog);
        case LeverKind::ReplaceNodes:
            return replace_group(c, *g, catalog);
        case LeverKind::MaxPods: {
            NodeConfig config = g->configured;
            config.max_pods_override = l.value;
            Result<const InstanceType*> type = find_instance_type(catalog, g->instance_type);
            if (!type) return type.error();
            if (Status st = validate_node_config(**type, config); !st) return st;
            g->configured = config;
            return Ok{};
        }
        default:
            return Ok{};
    }
}

Status apply_lever(LabCampus& c, const Lever& l, const Catalog& catalog) {
    switch (l.kind) {
        case LeverKind::InstanceType:
        case LeverKind::NodeGroupKind:
        case LeverKind::Scale:
        case LeverKind::ReplaceNodes:
        case LeverKind::MaxPods:
            return apply_group_lever(c, l, catalog);
        case LeverKind::PrefixDelegation:
        case LeverKind::CustomNetworking:
            return set_for_new_nodes(c, l, catalog);
        case LeverKind::WarmEniTarget:
        case LeverKind::WarmIpTarget:
        case LeverKind::MinimumIpTarget:
        case LeverKind::WarmPrefixTarget:
            return set_warm(c, l.kind, l.value);
        case LeverKind::NewSubnet:
            // The file gives no scatter or prefix reservation: the new subnet has neither.
            return add_subnet(c.cluster.vpc, l.new_subnet);
        case LeverKind::TagSubnet: {
            const Subnet* s = find_subnet(c.cluster.vpc, l.subnet);
            if (s == nullptr) return make_error("There is no subnet '" + l.subnet + "'.");
            Tags tags = s->tags;
            tags[kSubnetRoleTag] = l.tag_value;
            return set_subnet_tags(c.cluster.vpc, l.subnet, tags);
        }
        case LeverKind::VpcCidr:
            return add_vpc_cidr(c.cluster.vpc, l.cidr);
        case LeverKind::Reservation:
            return reserve_prefixes(c.cluster.vpc, l.subnet, l.cidr);
    }
    return Ok{};
}

// The order fixes are made in, whatever order they were picked in: the VPC first (a CIDR
// block before the subnets in it, subnets before their tags), then aws-node's settings and the
// launch template, then the nodes (new node groups, sizes, and replacing the nodes last, so
// they start with everything else in place).
int lever_rank(LeverKind kind) {
    switch (kind) {
        case LeverKind::VpcCidr:
            return 0;
        case LeverKind::NewSubnet:
            return 1;
        case LeverKind::TagSubnet:
        case LeverKind::Reservation:
            return 2;
        case LeverKind::PrefixDelegation:
        case LeverKind::CustomNetworking:
        case LeverKind::WarmEniTarget:
        case LeverKind::WarmIpTarget:
        case LeverKind::MinimumIpTarget:
        case LeverKind::WarmPrefixTarget:
        case LeverKind::MaxPods:
            return 3;
        case LeverKind::InstanceType:
        case LeverKind::NodeGroupKind:
            return 4;
        case LeverKind::Scale:
            return 5;
        case LeverKind::ReplaceNodes:
            return 6;
    }
    return 6;
}

const LabFix* find_fix(const Lab& lab, std::string_view id) {
    return find_by(lab.fixes, id, &LabFix::id);
}

std::string fix_id_list(const Lab& lab) {
    std::string out;
    for (const LabFix& f : lab.fixes)
        out += (out.empty() ? "" : ", ") + f.id;
    return out;
}

// "3 x t3.small (2 vCPUs, 2 GiB each)"
std::string compute(int nodes, const std::string& type_name, const Catalog& catalog) {
    std::string text = num(nodes) + " x " + type_name;
    Result<const InstanceType*> t = find_instance_type(catalog, type_name);
    if (t && (*t)->vcpus > 0) {
        const int gib = (*t)->memory_mib / 1024;
        text += " (" + count((*t)->vcpus, "vCPU", "vCPUs") + ", " + num(gib) + " GiB each)";
    }
    return text;
}

std::string fill(std::string_view text, const std::map<std::string, std::string>& vars) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '$') {
            out += text[i];
            continue;
        }
        size_t end = i + 1;
        while (end < text.size() && text[end] >= 'a' && text[end] <= 'z')
            ++end;
        const auto it = vars.find(std::string(text.substr(i + 1, end - i - 1)));
        out += it == vars.end() ? std::string(text.substr(i, end - i)) : it->second;
        i = end - 1;
    }
    return out;
}

}  // namespace

std::vector<LabFix> ordered_fixes(const Lab& lab, const std::vector<std::string>& ids) {
    std::vector<LabFix> out;
    for (const LabFix& f : lab.fixes) {
        if (std::find(ids.begin(), ids.end(), f.id) != ids.end()) out.push_back(f);
    }
    std::stable_sort(out.begin(), out.end(), [](const LabFix& a, const LabFix& b) {
        return lever_rank(a.lever.kind) < lever_rank(b.lever.kind);
    });
    return out;
}

Result<LabCampus> start_lab(const Lab& lab, const Catalog& catalog) {
    Result<Cluster> built = build_cluster(lab.campus, catalog);
    if (!built) return make_error("Lab '" + lab.id + "': " + built.error().message);
    LabCampus c;
    c.cluster = std::move(built).value();
    for (const NodeGroup& ng : lab.campus.node_groups) {
        LabGroup g;
        g.name = ng.name;
        g.instance_type = ng.instance_type;
        g.subnet = ng.subnet;
        g.count = ng.count;
        g.configured = ng.config;
        for (const LabConfigured& k : lab.configured) {
            if (k.node_group != ng.name) continue;
            if (k.custom_networking) {
                g.configured.custom_networking = true;
                g.configured.pod_subnet_id = k.pod_subnet;
            }
            if (k.prefix_delegation) g.configured.prefix_delegation = true;
            if (k.max_pods > 0) g.configured.max_pods_override = k.max_pods;
        }
        for (const PodGroup& p : lab.campus.pods) {
            if (p.node_group == ng.name) g.pods += p.count;
        }
        for (int k = 1; k <= ng.count; ++k)
            g.nodes.push_back(ng.name + "-" + num(k));
        g.next_node = ng.count + 1;
        // build_cluster names pods "<group>-pod-N" in order; those on no node stayed Pending.
        for (int k = 1; k <= g.pods; ++k) {
            const std::string pod = ng.name + "-pod-" + num(k);
            bool placed = false;
            for (const std::string& node : g.nodes) {
                const Node* n = find_node(c.cluster, node);
                placed = placed || (n != nullptr && find_pod(*n, pod) != nullptr);
            }
            if (!placed) g.unscheduled.push_back(pod);
        }
        g.next_pod = g.pods + 1;
        c.groups.push_back(std::move(g));
    }
    return c;
}

Status apply_fix(LabCampus& campus, const LabFix& fix, const Catalog& catalog) {
    LabCampus next = campus;
    if (Status st = apply_lever(next, fix.lever, catalog); !st) return st;
    settle(next);
    next.applied.push_back(fix.id);
    campus = std::move(next);
    return Ok{};
}

PodCounts count_pods(const LabCampus& c) {
    PodCounts p;
    for (const LabGroup& g : c.groups) {
        p.wanted += g.pods;
        p.pending += static_cast<int>(g.unscheduled.size());
        for (const std::string& name : g.nodes) {
            if (const Node* n = find_node(c.cluster, name)) {
                p.running += static_cast<int>(n->pods.size());
                p.waiting += static_cast<int>(n->pending.size());
            }
        }
    }
    return p;
}

namespace {

// The warm pool levers in words: what each keeps per node, and its aws-node variable.
struct WarmWords {
    LeverKind key;
    const char* keep;  // "Keep just "
    const char* one;   // what it counts, one and many
    const char* many;
    const char* env;
};
constexpr WarmWords kWarmWords[] = {
    {LeverKind::WarmEniTarget, "Keep ", "spare {panel}", "spare {panels}", "WARM_ENI_TARGET"},
    {LeverKind::WarmIpTarget, "Keep just ", "spare {ext}", "spare {exts}", "WARM_IP_TARGET"},
    {LeverKind::MinimumIpTarget, "Keep at least ", "{ext}", "{exts}", "MINIMUM_IP_TARGET"},
    {LeverKind::WarmPrefixTarget, "Keep ", "spare {block}", "spare {blocks}", "WARM_PREFIX_TARGET"},
};

}  // namespace

FixWords fix_words(const LabFix& fix) {
    const Lever& l = fix.lever;
    const std::string v = num(l.value);
    switch (l.kind) {
        case LeverKind::InstanceType:
            return {"Move " + l.node_group + " to bigger {rooms}: {instance} " + l.instance_type,
                    "new node group " + l.node_group + " of " + l.instance_type +
                        ", the old one drained and deleted"};
        case LeverKind::NodeGroupKind:
            return {l.group_kind == NodeGroupKind::Managed
                        ? "Let EKS run " + l.node_group + " (a managed node group)"
                        : "Run " + l.node_group + " yourself (self-managed nodes)",
                    std::string(l.group_kind == NodeGroupKind::Managed
                                    ? "EKS managed node group without a custom AMI"
                                    : "self-managed node group") +
                        " replaces " + l.node_group};
        case LeverKind::Scale:
            return {"Give " + l.node_group + " " + count(l.value, "{room}", "{rooms}"),
                    "node group " + l.node_group + ": desired size " + v};
        case LeverKind::ReplaceNodes:
            return {"Replace every {room} of " + l.node_group,
                    "rolling replacement of " + l.node_group + " (drain, terminate, launch)"};
        case LeverKind::MaxPods:
            return {"Set the {maxpods} of " + l.node_group + "'s new {rooms} to " + v,
                    "launch template: kubelet maxPods: " + v};
        case LeverKind::PrefixDelegation:
            return {l.value != 0 ? "Hand out {blocks} instead of single {exts}"
                                 : "Hand out single {exts} instead of {blocks}",
                    std::string("ENABLE_PREFIX_DELEGATION=") + (l.value != 0 ? "true" : "false")};
        case LeverKind::WarmEniTarget:
        case LeverKind::WarmIpTarget:
        case LeverKind::MinimumIpTarget:
        case LeverKind::WarmPrefixTarget: {
            const WarmWords* w = find_by(kWarmWords, l.kind, &WarmWords::key);
            if (w == nullptr) break;
            return {w->keep + count(l.value, w->one, w->many) + " per {room}",
                    std::string(w->env) + "=" + v};
        }
        case LeverKind::CustomNetworking:
            return {"Give {desks} {exts} from " + l.subnet + " (an {eniconfig})",
                    "AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true, ENIConfig subnet " + l.subnet};
        case LeverKind::NewSubnet: {
            const auto tag = l.new_subnet.tags.find(kSubnetRoleTag);
            const bool tagged =
                tag != l.new_subnet.tags.end() && !tag->second.empty() && tag->second != "0";
            return {
                "Open a new {building} " + l.new_subnet.id + " (" + l.new_subnet.cidr + ")" +
                    (tagged ? ", tagged for the {vpccni}" : ""),
                "create subnet " + l.new_subnet.id + " " + l.new_subnet.cidr + " in " +
                    l.new_subnet.az +
                    (tagged ? ", tagged " + std::string(kSubnetRoleTag) + "=" + tag->second : "")};
        }
        case LeverKind::TagSubnet:
            return {l.tag_value == "0" ? "Keep {desks} out of {building} " + l.subnet
                                       : "Let the {manager} use {building} " + l.subnet,
                    "tag " + l.subnet + " " + kSubnetRoleTag + "=" + l.tag_value};
        case LeverKind::VpcCidr:
            return {"Add the {range} " + l.cidr + " to the {campus}",
                    "associate secondary CIDR " + l.cidr + " with the VPC"};
        case LeverKind::Reservation: {
            const std::string range = l.cidr.empty() ? "all of it" : l.cidr;
            return {"Reserve " + range + " of {building} " + l.subnet + " for {blocks}",
                    "create-subnet-cidr-reservation --subnet-id " + l.subnet +
                        " --reservation-type prefix" + (l.cidr.empty() ? "" : " --cidr " + l.cidr)};
        }
    }
    return {fix.id, fix.id};
}

LabCost fix_cost(const LabCampus& campus, const LabFix& fix, const Catalog& catalog) {
    LabCost cost;
    const Lever& l = fix.lever;
    const LabGroup* g = find_group(campus, l.node_group);
    const int nodes = g != nullptr ? static_cast<int>(g->nodes.size()) : 0;
    auto replaced = [&]() {
        cost.nodes_replaced = nodes;
        cost.lines.push_back(count(nodes, "{room}", "{rooms}") +
                             " replaced: each is drained and its {desks} start again elsewhere");
    };
    switch (l.kind) {
        case LeverKind::InstanceType:
            replaced();
            if (g != nullptr) {
                cost.compute_before = compute(g->count, g->instance_type, catalog);
                cost.compute_after = compute(g->count, l.instance_type, catalog);
                cost.lines.push_back("Money: " + cost.compute_after + " instead of " +
                                     cost.compute_before);
            }
            break;
        case LeverKind::NodeGroupKind:
            replaced();
            cost.lines.push_back("A new node group to own: EKS then sets the {maxpods} itself");
            break;
        case LeverKind::Scale:
            if (g != nullptr) {
                cost.nodes_added = std::max(0, l.value - nodes);
                cost.nodes_removed = std::max(0, nodes - l.value);
                cost.compute_before = compute(nodes, g->instance_type, catalog);
                cost.compute_after = compute(l.value, g->instance_type, catalog);
                cost.lines.push_back("Money: " + cost.compute_after + " instead of " +
                                     cost.compute_before);
            }
            break;
        case LeverKind::ReplaceNodes:
            replaced();
            break;
        case LeverKind::MaxPods:
            cost.new_nodes_only = true;
            cost.lines.emplace_back(
                "A new launch template version: only {rooms} started after it use it");
            break;
        case LeverKind::PrefixDelegation:
        case LeverKind::CustomNetworking:
            cost.aws_node_restart = true;
            cost.new_nodes_only = true;
            cost.lines.emplace_back(
                "Every {room}'s {manager} restarts; only {rooms} started after it work the new "
                "way");
            break;
        case LeverKind::WarmEniTarget:
        case LeverKind::WarmIpTarget:
        case LeverKind::MinimumIpTarget:
        case LeverKind::WarmPrefixTarget:
            cost.aws_node_restart = true;
            cost.lines.emplace_back(
                "Every {room}'s {manager} restarts (seconds; {desks} keep their {exts})");
            break;
        case LeverKind::NewSubnet: {
            cost.subnets_added = 1;
            Result<Cidr> c = parse_cidr(l.new_subnet.cidr);
            const long long usable = c ? static_cast<long long>(aws_usable_addresses(*c)) : 0;
            cost.lines.push_back("A new {building}: " + with_commas(usable) +
                                 " usable {nums}, a route table and ACLs to keep");
            break;
        }
        case LeverKind::TagSubnet:
        case LeverKind::Reservation:
            cost.vpc_change = true;
            cost.lines.emplace_back("No {room} is touched; it applies to what comes next");
            break;
        case LeverKind::VpcCidr:
            cost.vpc_cidrs_added = 1;
            cost.lines.emplace_back(
                "One of the {campus}'s 5 {range} slots; nothing uses it until a {building} does");
            break;
    }
    return cost;
}

Verdict judge(const Lab& lab, const LabCampus& campus, int changes) {
    const PodCounts p = count_pods(campus);
    if (changes > lab.goal.budget) {
        return {false, "That is " + count(changes, "change", "changes") +
                           "; this incident allows " + num(lab.goal.budget) + "."};
    }
    if (p.pending > 0) {
        return {false, count(p.pending, "{desk} stays", "{desks} stay") +
                           " Pending: every {room} that could take " +
                           (p.pending == 1 ? "it" : "them") +
                           " is at its {maxpods} (Too many pods)."};
    }
    if (p.waiting > 0) {
        std::string why = "no {panel} of their {rooms} has a free {slot} left";
        for (const Node& n : campus.cluster.nodes) {
            if (n.pending.empty() || n.pool_error_code == ErrorCode::None) continue;
            why = n.pool_error_code == ErrorCode::InsufficientCidrBlocks
                      ? "their {building} has free {nums} but no free {block} "
                        "(InsufficientCidrBlocks)"
                      : "their {building} has no free {num} left "
                        "(InsufficientFreeAddressesInSubnet)";
            break;
        }
        return {false, count(p.waiting, "{desk} waits", "{desks} wait") +
                           " in ContainerCreating for an {ext}: " + why + "."};
    }
    for (const SubnetFloor& f : lab.goal.floors) {
        const Subnet* s = find_subnet(campus.cluster.vpc, f.subnet);
        const long long free = s != nullptr ? static_cast<long long>(free_addresses(*s)) : 0;
        if (free < f.free) {
            return {false, "All " + num(p.running) + " {desks} run, but {building} " + f.subnet +
                               " keeps only " + count(free, "free {num}", "free {nums}") +
                               "; it must keep " + num(f.free) + " for what comes next."};
        }
    }
    if (lab.goal.kept_promises) {
        for (const Node& n : campus.cluster.nodes) {
            const long long room = address_capacity(n);
            if (n.max_pods - kHostNetworkPods > room) {
                return {false, "All " + num(p.running) + " {desks} run, but {room} " + n.name +
                                   " admits " + num(n.max_pods - kHostNetworkPods) +
                                   " {desks} ({maxpods} " + num(n.max_pods) +
                                   " - 2) with {exts} for only " + num(room) +
                                   ": the next ones would wait."};
            }
        }
    }
    std::string text = "Healthy: all " + num(p.running) + " {desks} run, none waits";
    for (const SubnetFloor& f : lab.goal.floors) {
        if (const Subnet* s = find_subnet(campus.cluster.vpc, f.subnet)) {
            text += ", {building} " + f.subnet + " keeps " +
                    count(static_cast<long long>(free_addresses(*s)), "free {num}", "free {nums}");
        }
    }
    return {true, text + ", with " + num(changes) + " of " +
                      count(lab.goal.budget, "change", "changes") + "."};
}

Result<LabCheck> check_lab(const Lab& lab, const std::vector<std::string>& fix_ids,
                           const Catalog& catalog) {
    for (size_t i = 0; i < fix_ids.size(); ++i) {
        if (find_fix(lab, fix_ids[i]) == nullptr) {
            return make_error("Lab '" + lab.id + "' has no fix '" + fix_ids[i].substr(0, 40) +
                                  "'; its fixes: " + fix_id_list(lab) + ".",
                              ErrorCode::UnknownFix);
        }
        if (std::find(fix_ids.begin(), fix_ids.begin() + static_cast<long>(i), fix_ids[i]) !=
            fix_ids.begin() + static_cast<long>(i)) {
            return make_error("The fix '" + fix_ids[i] + "' is given twice.",
                              ErrorCode::UnknownFix);
        }
    }
    Result<LabCampus> start = start_lab(lab, catalog);
    if (!start) return start.error();
    LabCheck check;
    check.before = count_pods(*start);
    LabCampus c = std::move(start).value();
    std::string first_refusal;  // in the learner's words: the change's label, then why
    for (const LabFix& f : ordered_fixes(lab, fix_ids)) {
        check.applied.push_back(f.id);
        if (Status st = apply_fix(c, f, catalog); !st) {
            check.refused.push_back(f.id + ": " + st.error().message);
            if (first_refusal.empty())
                first_refusal =
                    "\"" + fix_words(f).label + "\" could not be made: " + st.error().message;
        }
    }
    check.after = count_pods(c);
    const Verdict v = judge(lab, c, static_cast<int>(fix_ids.size()));
    check.solved = v.solved && check.refused.empty();
    check.reason = v.reason;
    if (!check.refused.empty()) {
        check.reason = "The change " + first_refusal + " " +
                       (v.solved ? "So the fix is not complete." : v.reason);
    }
    check.after_campus = std::move(c);
    return check;
}

std::vector<std::string> reference_working(const Lab& lab, const Catalog& catalog) {
    std::vector<std::string> lines;
    Result<LabCampus> start = start_lab(lab, catalog);
    if (!start) return {start.error().message};
    LabCampus c = *start;
    auto counts = [](const PodCounts& p) {
        return num(p.running) + " running, " + num(p.waiting) + " waiting, " + num(p.pending) +
               " Pending";
    };
    lines.push_back("Before: " + counts(count_pods(c)) + ".");
    for (const LabFix& f : ordered_fixes(lab, lab.reference)) {
        const FixWords w = fix_words(f);
        if (Status st = apply_fix(c, f, catalog); !st) {
            lines.push_back(w.label + " (" + w.aws_detail + "): refused: " + st.error().message);
            continue;
        }
        lines.push_back(w.label + " (" + w.aws_detail + "): then " + counts(count_pods(c)) + ".");
    }
    for (const LabGroup& g : c.groups) {
        for (const LabGroup& g0 : start->groups) {
            if (g0.name != g.name || g0.nodes.empty() || g.nodes.empty()) continue;
            const Node* a = find_node(start->cluster, g0.nodes.front());
            const Node* b = find_node(c.cluster, g.nodes.front());
            if (a == nullptr || b == nullptr) continue;
            lines.push_back("Each {room} of " + g.name + ": {maxpods} " + num(a->max_pods) +
                            " -> " + num(b->max_pods) + ", {exts} for {desks} " +
                            num(address_capacity(*a)) + " -> " + num(address_capacity(*b)) + ".");
        }
    }
    for (const SubnetFloor& f : lab.goal.floors) {
        const Subnet* a = find_subnet(start->cluster.vpc, f.subnet);
        const Subnet* b = find_subnet(c.cluster.vpc, f.subnet);
        if (a == nullptr || b == nullptr) continue;
        lines.push_back("{building} " + f.subnet + ": free {nums} " +
                        with_commas(free_addresses(*a)) + " -> " + with_commas(free_addresses(*b)) +
                        " (at least " + num(f.free) + ").");
    }
    lines.push_back(judge(lab, c, static_cast<int>(lab.reference.size())).reason);
    return lines;
}

std::string lab_pager(const Lab& lab, const LabCampus& start) {
    const PodCounts p = count_pods(start);
    std::map<std::string, std::string> vars;
    vars["wanted"] = num(p.wanted);
    vars["running"] = num(p.running);
    vars["waiting"] = num(p.waiting);
    vars["pending"] = num(p.pending);
    vars["nodes"] = num(static_cast<long long>(start.cluster.nodes.size()));
    if (!start.groups.empty()) {
        const LabGroup& g = start.groups.front();
        vars["type"] = g.instance_type;
        vars["group"] = g.name;
        if (!g.nodes.empty()) {
            if (const Node* n = find_node(start.cluster, g.nodes.front()))
                vars["maxpods"] = num(n->max_pods);
        }
        if (const Subnet* s = find_subnet(start.cluster.vpc, g.subnet))
            vars["free"] = with_commas(free_addresses(*s));
    }
    return fill(lab.pager, vars);
}

std::string verify_lab(const Lab& lab, const Catalog& catalog) {
    Result<LabCheck> ref = check_lab(lab, lab.reference, catalog);
    if (!ref) return "lab '" + lab.id + "': " + ref.error().message;
    if (!ref->solved) {
        return "lab '" + lab.id + "': the reference fix does not solve it: " + ref->reason;
    }
    for (const std::vector<std::string>& d : lab.decoys) {
        Result<LabCheck> c = check_lab(lab, d, catalog);
        if (!c) return "lab '" + lab.id + "': " + c.error().message;
        if (c->solved) {
            std::string ids;
            for (const std::string& id : d)
                ids += (ids.empty() ? "" : ",") + id;
            return "lab '" + lab.id + "': the decoy " + ids + " solves it: " + c->reason;
        }
    }
    Result<LabCampus> start = start_lab(lab, catalog);
    if (!start) return start.error().message;
    if (judge(lab, *start, 0).solved) return "lab '" + lab.id + "': the campus is healthy already";
    return {};
}

LabSession open_lab(const Labs& labs, int index, const Catalog& catalog) {
    LabSession s;
    if (index < 0 || static_cast<size_t>(index) >= labs.labs.size()) {
        s.error = "There is no lab number " + num(index + 1) + ".";
        return s;
    }
    s.lab = index;
    Result<LabCampus> start = start_lab(labs.labs[static_cast<size_t>(index)], catalog);
    if (start) {
        s.start = std::move(start).value();
    } else {
        s.error = start.error().message;
    }
    return s;
}

bool toggle_fix(LabSession& s, const Lab& lab, std::string_view fix_id) {
    if (find_fix(lab, fix_id) == nullptr) return false;
    const auto it = std::find(s.chosen.begin(), s.chosen.end(), fix_id);
    if (it == s.chosen.end()) {
        s.chosen.emplace_back(fix_id);
    } else {
        s.chosen.erase(it);
    }
    s.checked = false;
    return true;
}

bool fix_chosen(const LabSession& s, std::string_view fix_id) {
    return std::find(s.chosen.begin(), s.chosen.end(), fix_id) != s.chosen.end();
}

Status check_session(LabSession& s, const Lab& lab, const Catalog& catalog) {
    Result<LabCheck> c = check_lab(lab, s.chosen, catalog);
    if (!c) return c.error();
    s.result = std::move(c).value();
    s.checked = true;
    s.has_result = true;
    return Ok{};
}

void reset_session(LabSession& s) {
    s.chosen.clear();
    s.checked = false;
    s.has_result = false;
    s.result = LabCheck{};
}

void next_hint(LabSession& s, const Lab& lab) {
    s.hints = std::min(s.hints + 1, static_cast<int>(lab.hints.size()) + 1);
}

const LabCampus& shown_campus(const LabSession& s) {
    // The campus changes when Check runs it, not while changes are being picked.
    return s.has_result ? s.result.after_campus : s.start;
}

}  // namespace core
