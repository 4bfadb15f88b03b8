// scenario_export.cpp: Cluster -> Scenario, and compact scenario JSON (see the header).
#include "scenario_export.h"

#include <algorithm>
#include <set>
#include <utility>

#include <nlohmann/json.hpp>

namespace core {
namespace {

constexpr std::size_t kMaxGroupNameLength = 40;  // scenario.cpp's limit for group names

bool name_char(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '.' || ch == '-' || ch == '_';
}

bool group_name_ok(std::string_view s) {
    if (s.empty() || s.size() > kMaxGroupNameLength) return false;
    return std::all_of(s.begin(), s.end(), name_char);
}

// Splits "web-12" into ("web", 12); k is 0 when the name does not end in "-<number>".
std::pair<std::string, int> split_name(const std::string& name) {
    const std::size_t dash = name.rfind('-');
    if (dash == std::string::npos || dash == 0 || dash + 1 >= name.size()) return {name, 0};
    const std::string digits = name.substr(dash + 1);
    if (digits.size() > 6 || digits[0] == '0') return {name, 0};
    for (char ch : digits) {
        if (ch < '0' || ch > '9') return {name, 0};
    }
    return {name.substr(0, dash), std::stoi(digits)};
}

int pods_on(const Node& n) {
    return static_cast<int>(n.pods.size() + n.pending.size());
}

bool alike(const Node& a, const Node& b) {
    return a.type.name == b.type.name && a.subnet_id == b.subnet_id && a.config == b.config;
}

// Pod counts round-robin would deal: non-increasing, at most one apart.
bool round_robin_shape(const std::vector<const Node*>& run) {
    for (std::size_t i = 1; i < run.size(); ++i) {
        if (pods_on(*run[i]) > pods_on(*run[i - 1])) return false;
    }
    return pods_on(*run.front()) - pods_on(*run.back()) <= 1;
}

std::string unique_name(std::string wanted, const std::set<std::string>& used) {
    if (!group_name_ok(wanted)) wanted = "group";
    if (used.count(wanted) == 0) return wanted;
    for (int k = 2;; ++k) {
        std::string candidate =
            wanted.substr(0, kMaxGroupNameLength - 4) + "-g" + std::to_string(k);
        if (used.count(candidate) == 0) return candidate;
    }
}

}  // namespace

Result<Scenario> scenario_from_cluster(const Cluster& cluster, std::string_view name,
                                       const Catalog& catalog) {
    Scenario s;
    s.name = std::string(name);
    s.cluster_name = cluster.name;
    for (const Cidr& c : cluster.vpc.cidrs)
        s.vpc_cidrs.push_back(format_cidr(c));
    for (const Subnet& sn : cluster.vpc.subnets) {
        ScenarioSubnet out;
        out.id = sn.id;
        out.name = sn.name;
        out.az = sn.az;
        out.cidr = format_cidr(sn.cidr);
        out.scatter = sn.scatter;
        out.tags = sn.tags;
        if (sn.prefix_reservation && *sn.prefix_reservation == sn.cidr) {
            out.prefix_reservation = true;
        } else if (sn.prefix_reservation) {
            out.prefix_reservation_cidr = format_cidr(*sn.prefix_reservation);
        }
        s.subnets.push_back(std::move(out));
    }

    std::set<std::string> used;
    const std::vector<Node>& nodes = cluster.nodes;
    std::size_t i = 0;
    while (i < nodes.size()) {
        std::vector<const Node*> run{&nodes[i]};
        const auto [base, k] = split_name(nodes[i].name);
        std::string group;
        if (k == 1 && group_name_ok(base) && used.count(base) == 0) {
            while (i + run.size() < nodes.size()) {
                const Node& next = nodes[i + run.size()];
                const auto [next_base, next_k] = split_name(next.name);
                if (next_base != base || next_k != static_cast<int>(run.size()) + 1 ||
                    !alike(next, nodes[i])) {
                    break;
                }
                run.push_back(&next);
            }
            while (run.size() > 1 && !round_robin_shape(run))
                run.pop_back();
            group = base;
        } else {
            group = unique_name(nodes[i].name, used);
        }
        used.insert(group);
        NodeGroup g;
        g.name = group;
        g.instance_type = nodes[i].type.name;
        g.subnet = nodes[i].subnet_id;
        g.count = static_cast<int>(run.size());
        g.config = nodes[i].config;
        if (!g.config.custom_networking) g.config.pod_subnet_id.clear();
        int pods = 0;
        for (const Node* n : run)
            pods += pods_on(*n);
        s.node_groups.push_back(std::move(g));
        if (pods > 0) s.pods.push_back(PodGroup{group, pods});
        i += run.size();
    }

    for (const OtherUse& o : cluster.others) {
        if (o.ips.empty()) continue;
        s.other_addresses.push_back(
            OtherAddresses{o.subnet_id, static_cast<int>(o.ips.size()), o.label});
    }
    if (auto st = validate_scenario(s, catalog); !st) {
        return make_error("This campus cannot be written as a scenario: " + st.error().message);
    }
    return s;
}

std::string save_scenario_compact(const Scenario& s) {
    return scenario_text(s, true);
}

std::string next_group_name(const Cluster& cluster) {
    for (int i = 0;; ++i) {
        const std::string name = i < 26 ? "node-" + std::string(1, static_cast<char>('a' + i))
                                        : "node-" + std::to_string(i + 1);
        const bool taken = std::any_of(
            cluster.nodes.begin(), cluster.nodes.end(),
            [&](const Node& n) { return split_name(n.name).first == name || n.name == name; });
        if (!taken) return name;
    }
}

}  // namespace core
