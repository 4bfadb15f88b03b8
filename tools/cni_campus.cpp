// cni_campus.cpp: cni-campus, the command-line companion to the tutorial.
//
// Every number it prints comes from core/ (the same code and the same embedded catalog as
// the page): max-pods with its working, a node's warm pool after N pods, a subnet's
// reserved and delegatable addresses, a whole scenario run, the instance catalog.
// Output is readable text by default and JSON with --json. Bad input (unknown command or
// option, missing or non-numeric value, unknown instance type, bad CIDR, unreadable or
// invalid scenario) exits with status 2 and one clear message on stderr; an internal
// failure (the model breaking its own invariants) exits with 1.
#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "assets.h"
#include "capacity.h"
#include "catalog.h"
#include "cidr.h"
#include "cluster.h"
#include "format.h"
#include "ipam.h"
#include "labs.h"
#include "lessons.h"
#include "scenario.h"
#include "vpc.h"

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kVersion = "0.1.0";
constexpr int kExitUsage = 2;
constexpr int kExitInternal = 1;
constexpr long long kMaxWarmPoolPods = 100000;  // pods beyond max-pods are refused anyway
constexpr std::size_t kWrapWidth = 96;

// Bad input from the user: printed on stderr, exit status 2.
struct UsageError {
    std::string message;
};

// The model failed a check it should never fail: exit status 1.
struct InternalError {
    std::string message;
};

// The value `load` returns, loaded on the first call and kept; an embedded asset that does not
// load is the program's own fault ("the embedded catalog does not load: ...").
template <typename T, typename Load>
const T& loaded_once(const char* failure, Load load) {
    static const T loaded = [&] {
        core::Result<T> r = load();
        if (!r) throw InternalError{std::string(failure) + ": " + r.error().message};
        return std::move(r).value();
    }();
    return loaded;
}

[[noreturn]] void usage_error(std::string message) {
    throw UsageError{std::move(message)};
}

// ---- commands and their options ----------------------------------------------------------

struct OptionSpec {
    const char* name;        // "--pods"
    const char* value_name;  // "N", or nullptr for a flag
    const char* help;
};

struct Parsed;
using RunFn = int (*)(const Parsed&, const core::Catalog&);

struct Command {
    const char* name;
    const char* usage;    // arguments after the command name
    const char* summary;  // one line for the command list
    const char* details;  // paragraphs for COMMAND --help
    int min_positional;
    int max_positional;
    std::vector<OptionSpec> options;
    RunFn run;
};

struct Parsed {
    const Command* command = nullptr;
    std::vector<std::string> positional;
    std::map<std::string, std::string> values;  // options with a value
    std::set<std::string> flags;                // options without one
    bool has(const std::string& name) const { return flags.count(name) != 0; }
    const std::string* value(const std::string& name) const {
        auto it = values.find(name);
        return it == values.end() ? nullptr : &it->second;
    }
};

const OptionSpec kJson{"--json", nullptr, "print JSON instead of text"};

// ---- small text helpers -------------------------------------------------------------------

using core::num;
using core::with_commas;

std::string plural(long long n, const char* singular, const char* many) {
    return core::count(n, singular, many);
}

// Word-wraps `text` to kWrapWidth, the first line after `first`, the rest after `indent`.
std::string wrap(const std::string& text, const std::string& first, const std::string& indent) {
    std::string out = first;
    std::size_t column = first.size();
    std::istringstream words(text);
    std::string word;
    bool line_empty = true;
    while (words >> word) {
        if (!line_empty && column + 1 + word.size() > kWrapWidth) {
            out += "\n" + indent;
            column = indent.size();
            line_empty = true;
        }
        if (!line_empty) {
            out += ' ';
            ++column;
        }
        out += word;
        column += word.size();
        line_empty = false;
    }
    return out;
}

std::string pad_right(std::string s, std::size_t width) {
    if (s.size() < width) s.append(width - s.size(), ' ');
    return s;
}

std::string pad_left(const std::string& s, std::size_t width) {
    return s.size() < width ? std::string(width - s.size(), ' ') + s : s;
}

std::string lower(std::string s) {
    for (char& c : s) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return s;
}

void print_json(const Json& j) {
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

// ---- strict number parsing ----------------------------------------------------------------

// Parses a whole number from 0 to `max`: decimal digits only, no sign, no spaces, no
// trailing text. Messages name the option.
long long parse_count(const std::string& option, const std::string& text, long long max) {
    if (text.empty()) usage_error(option + " needs a whole number, got an empty value.");
    if (text[0] == '-') {
        bool digits = text.size() > 1;
        for (std::size_t i = 1; i < text.size(); ++i) {
            digits = digits && text[i] >= '0' && text[i] <= '9';
        }
        if (digits) {
            usage_error(option + " cannot be negative, got " + text + " (use 0 to " +
                        with_commas(max) + ").");
        }
    }
    long long value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') {
            usage_error(option + " needs a whole number (digits only), got '" + text + "'.");
        }
        const int digit = c - '0';
        if (value > (LLONG_MAX - digit) / 10) {
            usage_error(option + " is too large: " + text + " (at most " + with_commas(max) + ").");
        }
        value = value * 10 + digit;
    }
    if (value > max) {
        usage_error(option + " is too large: " + text + " (at most " + with_commas(max) + ").");
    }
    return value;
}

int parse_int_option(const Parsed& p, const std::string& option, int fallback) {
    const std::string* v = p.value(option);
    if (v == nullptr) return fallback;
    return static_cast<int>(parse_count(option, *v, INT_MAX));
}

// ---- catalog ------------------------------------------------------------------------------

const core::InstanceType& lookup_type(const core::Catalog& catalog, const std::string& name) {
    core::Result<const core::InstanceType*> t = core::find_instance_type(catalog, name);
    if (!t) usage_error(t.error().message);
    return **t;
}

std::string type_facts(const core::InstanceType& t) {
    std::string s = core::hypervisor_name(t.hypervisor);
    if (t.bare_metal) s += ", bare metal";
    s += ", " + (t.vcpus > 0 ? plural(t.vcpus, "vCPU", "vCPUs") : std::string("vCPUs unknown"));
    if (t.memory_mib > 0) s += ", " + with_commas(t.memory_mib) + " MiB";
    return s;
}

// ---- max-pods -----------------------------------------------------------------------------

Json max_pods_json(const core::InstanceType& type, const core::MaxPods& m) {
    Json j;
    j["instance_type"] = m.instance_type;
    j["hypervisor"] = core::hypervisor_name(type.hypervisor);
    j["vcpus"] = type.vcpus;
    j["enis"] = m.enis;
    j["ips_per_eni"] = m.ips_per_eni;
    j["pod_enis"] = m.pod_enis;
    j["prefix_delegation"] = m.prefix_delegation;
    j["prefix_delegation_requested"] = m.prefix_delegation_requested;
    j["custom_networking"] = m.custom_networking;
    j["security_groups_for_pods"] = m.security_groups_for_pods;
    j["security_groups_for_pods_requested"] = m.security_groups_for_pods_requested;
    j["security_groups_for_pods_supported"] = m.sgp_supported;
    j["branch_enis"] = m.branch_enis;
    j["pod_ips"] = m.pod_ips;
    j["max_pods"] = m.max_pods;
    j["ami_max_pods"] = m.ami_max_pods;
    j["recommended_max_pods"] = m.recommended_max_pods;
    j["recommended_cap"] = m.recommended_cap;
    j["node_group"] = core::node_group_kind_name(m.node_group);
    j["kubelet_max_pods"] = m.kubelet.value;
    j["source"] = core::max_pods_source_name(m.kubelet.source);
    j["source_text"] = m.kubelet.source_text;
    j["managed_max_pods"] = m.managed_max_pods;
    j["trunk_cost"] = m.trunk_cost;
    j["waiting_when_full"] = m.waiting_when_full;
    j["ipv6"] = m.ipv6;
    if (m.ipv6) {
        const core::Ipv6Node v6 = core::ipv6_node(type);
        j["ipv6_supported"] = core::supports_prefix_delegation(type);
        j["ipv6_prefix_length"] = v6.prefix_length;
        j["ipv6_prefix_addresses"] = v6.prefix_addresses;
        j["v4_egress_range"] = v6.v4_egress_range;
        j["v4_egress_addresses"] = v6.v4_egress_addresses;
        j["ipv6_unsupported"] = v6.unsupported;
    }
    j["seed_figure"] = m.seed_figure;
    j["seed_formula"] = m.seed_formula;
    j["seed_approximate"] = m.seed_approximate;
    Json steps = Json::array();
    for (const core::DerivationStep& s : m.steps) {
        steps.push_back({{"label", s.label}, {"formula", s.formula}, {"value", s.value}});
    }
    j["steps"] = std::move(steps);
    Json kubelet_steps = Json::array();
    for (const core::DerivationStep& s : m.kubelet.steps) {
        kubelet_steps.push_back({{"label", s.label}, {"formula", s.formula}, {"value", s.value}});
    }
    j["kubelet_steps"] = std::move(kubelet_steps);
    j["notes"] = m.notes;
    return j;
}

void print_max_pods(const core::InstanceType& type, const core::MaxPods& m) {
    std::string options;
    if (m.prefix_delegation_requested) options += ", prefix delegation";
    if (m.custom_networking) options += ", custom networking";
    if (m.security_groups_for_pods_requested) options += ", security groups for pods";
    if (m.ipv6) options += ", IPv6";
    options += std::string(", ") + core::node_group_kind_name(m.node_group) + " node group";
    std::cout << m.instance_type << " (" << type_facts(type) << ")"
              << (options.empty() ? std::string() : "  options:" + options.substr(1)) << "\n\n";
    std::cout << "Working:\n";
    int i = 1;
    for (const core::DerivationStep& s : m.steps) {
        const std::string head = "  " + num(i++) + ". " + s.label + ": ";
        const std::string text =
            s.formula.empty() ? num(s.value) : s.formula + " = " + num(s.value);
        std::cout << wrap(text, head, "       ") << "\n";
    }
    std::cout << "\n";
    if (m.ipv6) {
        std::cout << "max-pods:             " << m.max_pods
                  << "  (no address limit: kubelet's ceiling, capped at " << m.recommended_cap
                  << ")\n";
    } else if (m.trunk_cost > 0) {
        std::cout << "max-pods:             " << m.max_pods << "  (AWS's formula; " << m.pod_ips
                  << " pod addresses after the trunk ENI's " << m.trunk_cost << ")\n";
    } else {
        std::cout << "max-pods:             " << m.max_pods << "  (" << m.pod_ips
                  << " pod addresses + 2 host-network pods)\n";
    }
    std::cout << "recommended max-pods: " << m.recommended_max_pods
              << "  (max-pods calculator, capped at " << m.recommended_cap << ")\n";
    std::cout << wrap(num(m.kubelet.value) + "  (" + m.kubelet.source_text + ")",
                      "kubelet on a new " + std::string(core::node_group_kind_name(m.node_group)) +
                          " node: ",
                      "                      ")
              << "\n";
    if (!m.ipv6) {
        std::cout << "simple count:         " << m.seed_formula << " = "
                  << (m.seed_approximate ? "~" : "") << m.seed_figure << "   exact: " << m.pod_ips
                  << " pod addresses, max-pods " << m.max_pods << "\n";
    }
    if (m.sgp_supported) {
        std::cout << "branch ENIs:          " << m.branch_enis
                  << " (pods with their own security groups)\n";
    }
    if (!m.notes.empty()) {
        std::cout << "\nNotes:\n";
        for (const std::string& n : m.notes)
            std::cout << wrap(n, "  - ", "    ") << "\n";
    }
}

core::NodeGroupKind node_group_option(const Parsed& p) {
    const std::string* kind = p.value("--node-group");
    if (kind == nullptr) return core::NodeGroupKind::SelfManaged;
    core::Result<core::NodeGroupKind> k = core::parse_node_group_kind(*kind);
    if (!k) usage_error("--node-group: " + k.error().message);
    return *k;
}

core::CapacityOptions capacity_options(const Parsed& p) {
    core::CapacityOptions o;
    o.prefix_delegation = p.has("--prefix-delegation");
    o.custom_networking = p.has("--custom-networking");
    o.security_groups_for_pods = p.has("--security-groups-for-pods");
    o.ipv6 = p.has("--ipv6");
    o.node_group = node_group_option(p);
    return o;
}

int run_max_pods(const Parsed& p, const core::Catalog& catalog) {
    const bool all = p.has("--all");
    if (all && !p.positional.empty()) {
        usage_error("max-pods: give one instance type or --all, not both.");
    }
    if (!all && p.positional.empty()) {
        usage_error(
            "max-pods needs an instance type (e.g. cni-campus max-pods m5.large) or --all.");
    }
    const core::CapacityOptions options = capacity_options(p);
    if (!all) {
        const core::InstanceType& type = lookup_type(catalog, p.positional[0]);
        if (auto s = core::check_capacity_options(type, options); !s) {
            usage_error("max-pods: " + s.error().message);
        }
        const core::MaxPods m = core::max_pods(type, options);
        if (p.has("--json")) {
            print_json(max_pods_json(type, m));
        } else {
            print_max_pods(type, m);
        }
        return 0;
    }
    if (options.ipv6 && options.custom_networking) {
        // The combination is refused whatever the type; types without prefix delegation are
        // listed with ipv6_supported false.
        usage_error("max-pods: " +
                    core::check_capacity_options(catalog.types.front(), options).error().message);
    }
    if (p.has("--json")) {
        Json all_types = Json::array();
        for (const core::InstanceType& t : catalog.types) {
            all_types.push_back(max_pods_json(t, core::max_pods(t, options)));
        }
        print_json(all_types);
        return 0;
    }
    std::cout << pad_right("type", 22) << pad_right("hypervisor", 11) << pad_left("vCPUs", 6)
              << pad_left("ENIs", 6) << pad_left("IPs/ENI", 9) << pad_left("pod IPs", 9)
              << pad_left("max-pods", 10) << pad_left("recommended", 13)
              << pad_left(
                     options.node_group == core::NodeGroupKind::Managed ? "managed" : "self-mgd",
                     10)
              << "  PD\n";
    for (const core::InstanceType& t : catalog.types) {
        const core::MaxPods m = core::max_pods(t, options);
        std::cout << pad_right(t.name, 22) << pad_right(core::hypervisor_name(t.hypervisor), 11)
                  << pad_left(t.vcpus > 0 ? num(t.vcpus) : "?", 6) << pad_left(num(m.enis), 6)
                  << pad_left(num(m.ips_per_eni), 9) << pad_left(num(m.pod_ips), 9)
                  << pad_left(num(m.max_pods), 10) << pad_left(num(m.recommended_max_pods), 13)
                  << pad_left(num(m.kubelet.value), 10) << "  "
                  << (m.prefix_delegation             ? "on"
                      : m.prefix_delegation_requested ? "no effect"
                                                      : "off")
                  << "\n";
    }
    std::cout << with_commas(static_cast<long long>(catalog.types.size())) << " instance types. "
              << (options.node_group == core::NodeGroupKind::Managed
                      ? "managed: what kubelet enforces on a new node of "
                        "an EKS managed node group (no custom AMI)."
                      : "self-mgd: what kubelet enforces on a new "
                        "self-managed node (nodeadm).")
              << "\n";
    return 0;
}

// ---- warm-pool ----------------------------------------------------------------------------

constexpr const char* kWarmVpc = "10.0.0.0/16";
constexpr const char* kWarmNodeSubnet = "10.0.0.0/17";
constexpr const char* kWarmPodSubnet = "10.0.128.0/17";

core::Cluster warm_pool_campus(bool custom_networking) {
    core::Result<core::Vpc> vpc = core::make_vpc(kWarmVpc);
    if (!vpc) throw InternalError{vpc.error().message};
    core::SubnetDesc nodes;
    nodes.id = "subnet-nodes";
    nodes.name = "node subnet";
    nodes.cidr = kWarmNodeSubnet;
    if (auto s = core::add_subnet(vpc.value(), nodes); !s) throw InternalError{s.error().message};
    if (custom_networking) {
        core::SubnetDesc pods;
        pods.id = "subnet-pods";
        pods.name = "pod subnet (ENIConfig)";
        pods.cidr = kWarmPodSubnet;
        if (auto s = core::add_subnet(vpc.value(), pods); !s)
            throw InternalError{s.error().message};
    }
    return core::make_cluster(std::move(vpc).value());
}

Json eni_json(const core::Node& node, const core::Eni& e) {
    Json j;
    j["id"] = e.id;
    j["device_index"] = e.device_index;
    j["subnet"] = e.subnet_id;
    j["primary_ip"] = core::format_ipv4(e.primary_ip);
    j["placement"] = e.placement;
    j["trunk"] = e.trunk;
    j["excluded"] = e.excluded;
    j["carries_pod_addresses"] = core::carries_pod_addresses(node, e);
    Json ips = Json::array();
    for (core::Ipv4 ip : e.ips)
        ips.push_back(core::format_ipv4(ip));
    j["ips"] = std::move(ips);
    Json prefixes = Json::array();
    for (const core::Cidr& c : e.prefixes)
        prefixes.push_back(core::format_cidr(c));
    j["prefixes"] = std::move(prefixes);
    long long pods = 0;
    for (const core::Pod& p : node.pods) {
        if (p.eni_id == e.id) ++pods;
    }
    j["pods"] = pods;
    j["summary"] = core::eni_summary(node, e);
    return j;
}

// The figures of one node, as warm-pool and simulate print them.
Json node_json(const core::Node& node, bool with_pods) {
    const core::NodeStats s = core::node_stats(node);
    const core::PoolState st = core::pool_state(node);
    Json j;
    j["name"] = node.name;
    j["instance_type"] = node.type.name;
    j["subnet"] = node.subnet_id;
    j["node_group"] = core::node_group_kind_name(node.config.node_group);
    j["subnet_discovery"] = node.config.subnet_discovery;
    j["prefix_delegation"] = s.prefix_delegation;
    j["custom_networking"] = node.config.custom_networking;
    j["security_groups_for_pods"] = s.trunk;
    j["warm_eni_target"] = node.config.warm.warm_eni_target;
    j["warm_ip_target"] = node.config.warm.warm_ip_target;
    j["minimum_ip_target"] = node.config.warm.minimum_ip_target;
    j["warm_prefix_target"] = node.config.warm.warm_prefix_target;
    j["max_pods"] = s.max_pods;
    j["pods"] = s.pods;
    j["pending"] = s.pending;
    j["enis"] = s.enis;
    j["max_enis"] = s.max_enis;
    j["pod_enis"] = s.pod_enis;
    j["secondary_ips"] = s.secondary_ips;
    j["prefixes"] = s.prefixes;
    j["free_prefixes"] = s.free_prefixes;
    j["ips"] = s.ips;
    j["free_ips"] = s.free_ips;
    j["address_capacity"] = s.address_capacity;
    j["pool_low"] = st.low;
    j["pool_high"] = st.high;
    j["reason"] = st.reason;
    if (!node.pool_error.empty()) {
        j["pool_error"] = node.pool_error;
        j["pool_error_code"] = core::error_code_name(node.pool_error_code);
    }
    j["summary"] = core::node_summary(node);
    Json enis = Json::array();
    for (const core::Eni& e : node.enis)
        enis.push_back(eni_json(node, e));
    j["eni_list"] = std::move(enis);
    if (with_pods) {
        Json pods = Json::array();
        for (const core::Pod& p : node.pods) {
            pods.push_back({{"name", p.name}, {"ip", core::format_ipv4(p.ip)}, {"eni", p.eni_id}});
        }
        j["pod_list"] = std::move(pods);
    }
    Json waiting = Json::array();
    for (const core::Pod& p : node.pending)
        waiting.push_back({{"name", p.name}, {"waiting", p.waiting}});
    j["pending_list"] = std::move(waiting);
    return j;
}

void print_node(const core::Node& node, const std::string& indent) {
    const core::PoolState st = core::pool_state(node);
    std::cout << wrap(core::node_summary(node), indent, indent + "    ") << "\n";
    for (const core::Eni& e : node.enis) {
        std::cout << wrap(core::eni_summary(node, e), indent + "  ", indent + "      ") << "\n";
        if (!e.placement.empty()) {
            std::cout << wrap(e.placement, indent + "    why " + e.subnet_id + ": ",
                              indent + "      ")
                      << "\n";
        }
    }
    std::cout << wrap(st.reason, indent + "  pool: ", indent + "        ") << "\n";
    if (!node.pool_error.empty()) {
        std::cout << wrap(
                         node.pool_error + " [" + core::error_code_name(node.pool_error_code) + "]",
                         indent + "  last subnet error: ", indent + "    ")
                  << "\n";
    }
    // Waiting pods grouped by reason: a full node can have hundreds with the same one.
    std::vector<std::pair<std::string, std::vector<std::string>>> waiting;
    for (const core::Pod& p : node.pending) {
        auto same = std::find_if(waiting.begin(), waiting.end(),
                                 [&](const auto& w) { return w.first == p.waiting; });
        if (same == waiting.end()) {
            waiting.push_back({p.waiting, {p.name}});
        } else {
            same->second.push_back(p.name);
        }
    }
    for (const auto& [why, names] : waiting) {
        std::string who = names.front();
        if (names.size() > 1) {
            who = plural(static_cast<long long>(names.size()), "pod", "pods") + " (" +
                  names.front() + (names.size() > 2 ? " ... " : ", ") + names.back() + ")";
        }
        std::cout << wrap(who + ": " + why, indent + "  waiting: ", indent + "    ") << "\n";
    }
}

std::vector<std::string> event_lines(const core::Cluster& c) {
    std::vector<std::string> lines;
    lines.reserve(c.events.size());
    for (const core::Event& e : c.events)
        lines.push_back(core::format_event(e));
    return lines;
}

// The cluster's events, one a line (wrapped), and how many older ones it did not keep.
void print_events(const core::Cluster& c) {
    for (const std::string& line : event_lines(c))
        std::cout << wrap(line, "  ", "      ") << "\n";
    if (c.events_dropped > 0) {
        std::cout << "  (" << with_commas(static_cast<long long>(c.events_dropped))
                  << " older events not kept)\n";
    }
}

void check_model(const core::Cluster& c) {
    if (auto s = core::check_invariants(c); !s) {
        throw InternalError{"the model broke its own rules: " + s.error().message};
    }
}

int run_warm_pool(const Parsed& p, const core::Catalog& catalog) {
    const core::InstanceType& type = lookup_type(catalog, p.positional[0]);
    const std::string* pods_text = p.value("--pods");
    if (pods_text == nullptr) {
        usage_error("warm-pool needs --pods N (how many pods arrive, one at a time).");
    }
    const long long pods = parse_count("--pods", *pods_text, kMaxWarmPoolPods);

    core::NodeConfig cfg;
    cfg.warm.warm_eni_target = parse_int_option(p, "--warm-eni-target", cfg.warm.warm_eni_target);
    cfg.warm.warm_ip_target = parse_int_option(p, "--warm-ip-target", cfg.warm.warm_ip_target);
    cfg.warm.minimum_ip_target =
        parse_int_option(p, "--minimum-ip-target", cfg.warm.minimum_ip_target);
    cfg.warm.warm_prefix_target =
        parse_int_option(p, "--warm-prefix-target", cfg.warm.warm_prefix_target);
    cfg.max_pods_override = parse_int_option(p, "--max-pods", 0);
    if (p.value("--max-pods") != nullptr && cfg.max_pods_override == 0) {
        usage_error("--max-pods must be at least 1 (leave it out to keep the AMI's value).");
    }
    cfg.prefix_delegation = p.has("--prefix-delegation");
    cfg.custom_networking = p.has("--custom-networking");
    cfg.security_groups_for_pods = p.has("--security-groups-for-pods");
    cfg.node_group = node_group_option(p);
    if (cfg.custom_networking) cfg.pod_subnet_id = "subnet-pods";
    // ENABLE_POD_ENI on a type without branch ENIs: no trunk ENI is attached and nothing
    // else changes (as max-pods says for the same type).
    std::vector<std::string> notes;
    if (cfg.security_groups_for_pods && !core::supports_security_groups_for_pods(type)) {
        cfg.security_groups_for_pods = false;
        notes.push_back("Security groups for pods is not supported on " + type.name + " (" +
                        core::sgp_unsupported_reason(type) +
                        "): the option has no effect and no trunk ENI is attached.");
    }

    core::Cluster c = warm_pool_campus(cfg.custom_networking);
    core::NodeDesc desc;
    desc.name = "node-1";
    desc.type = type;
    desc.subnet_id = "subnet-nodes";
    desc.config = cfg;
    if (auto s = core::add_node(c, desc); !s) usage_error("warm-pool: " + s.error().message);

    long long refused = 0;
    for (long long i = 0; i < pods; ++i) {
        core::Result<core::Pod> r = core::add_pod(c, desc.name);
        if (!r && r.error().code == core::ErrorCode::TooManyPods) {
            refused = pods - i;
            core::record_event(c, desc.name, core::EventKind::PodUnschedulable,
                               plural(refused, "pod stays", "pods stay") +
                                   " Pending, never admitted: " + r.error().message,
                               core::ErrorCode::TooManyPods);
            break;
        }
    }
    check_model(c);
    const core::Node& node = c.nodes.front();

    if (p.has("--json")) {
        Json j;
        j["instance_type"] = type.name;
        j["requested_pods"] = pods;
        Json n = node_json(node, true);
        for (auto it = n.begin(); it != n.end(); ++it) {
            if (it.key() != "name" && it.key() != "instance_type") j[it.key()] = it.value();
        }
        j["refused_pods"] = refused;
        j["notes"] = notes;
        j["events"] = event_lines(c);
        j["events_dropped"] = c.events_dropped;
        print_json(j);
        return 0;
    }
    const core::NodeStats s = core::node_stats(node);
    std::cout << type.name << " (" << type_facts(type) << "): ";
    if (pods == 0) {
        std::cout << "no pods; the node joins and ipamd fills its warm pool.\n";
    } else if (pods == 1) {
        std::cout << "1 pod arrives; ipamd settles after it.\n";
    } else {
        std::cout << with_commas(pods) << " pods arrive one at a time; ipamd settles after each.\n";
    }
    std::string knobs;
    if (s.prefix_delegation) {
        knobs = "WARM_PREFIX_TARGET=" + num(cfg.warm.warm_prefix_target);
    } else {
        knobs = "WARM_ENI_TARGET=" + num(cfg.warm.warm_eni_target);
    }
    if (cfg.warm.warm_ip_target > 0) knobs += " WARM_IP_TARGET=" + num(cfg.warm.warm_ip_target);
    if (cfg.warm.minimum_ip_target > 0) {
        knobs += " MINIMUM_IP_TARGET=" + num(cfg.warm.minimum_ip_target);
    }
    std::cout << "Settings: " << knobs
              << (s.prefix_delegation ? ", prefix delegation" : ", secondary IPs")
              << (cfg.prefix_delegation && !s.prefix_delegation
                      ? " (prefix delegation has no effect here)"
                      : "")
              << (cfg.custom_networking ? ", custom networking (pods in subnet-pods " +
                                              std::string(kWarmPodSubnet) + ")"
                                        : "")
              << (s.trunk ? ", trunk ENI" : "") << ", "
              << core::node_group_kind_name(cfg.node_group) << " node group; node in subnet-nodes "
              << kWarmNodeSubnet << ".\n";
    for (const std::string& n : notes)
        std::cout << wrap(n, "Note: ", "      ") << "\n";
    std::cout << "\nEvents:\n";
    print_events(c);
    std::cout << "\nSteady state:\n";
    print_node(node, "  ");
    std::cout << "\n  ENIs " << s.enis << " of " << s.max_enis << ", ";
    if (s.prefix_delegation) {
        std::cout << plural(s.prefixes, "prefix", "prefixes") << " = " << s.ips << " addresses";
    } else {
        std::cout << s.ips << " secondary IPs";
    }
    std::cout << ", " << s.free_ips << " free, " << plural(s.pods, "pod", "pods") << " running";
    if (s.pending > 0) std::cout << ", " << s.pending << " waiting for an address";
    if (refused > 0) std::cout << ", " << refused << " refused (max-pods " << s.max_pods << ")";
    std::cout << ".\n";
    return 0;
}

// ---- subnet -------------------------------------------------------------------------------

int run_subnet(const Parsed& p, const core::Catalog&) {
    const std::string& text = p.positional[0];
    core::Result<core::Cidr> cidr = core::parse_cidr(text);
    if (!cidr) usage_error(cidr.error().message);
    // The block must be able to be an AWS subnet, and core says why not: add_subnet into a
    // VPC spanning every address checks the subnet size alone; a VPC of the block itself
    // applies the address-range rules (link-local, loopback, multicast, ...).
    core::SubnetDesc d;
    d.id = "subnet";
    d.cidr = text;
    core::Vpc everywhere;
    everywhere.cidrs.push_back(core::Cidr{0, 0});
    if (auto s = core::add_subnet(everywhere, d); !s) {
        std::string message = s.error().message;
        const std::string who = "Building '" + d.id + "': ";
        if (message.rfind(who, 0) == 0) message = message.substr(who.size());
        usage_error(message);
    }
    core::Result<core::Vpc> vpc = core::make_vpc(text);
    if (!vpc) usage_error(vpc.error().message);
    if (auto s = core::add_subnet(vpc.value(), d); !s) usage_error(s.error().message);
    const core::Subnet& subnet = vpc->subnets.front();

    const std::vector<core::ReservedAddress> reserved = core::aws_reserved_addresses(*cidr);
    const uint64_t total = core::cidr_size(*cidr);
    const uint64_t usable = core::aws_usable_addresses(*cidr);
    const uint64_t blocks = total / core::kAddressesPerPrefix;
    const uint64_t delegatable = core::delegatable_prefixes(*cidr);
    if (p.has("--json")) {
        Json j;
        j["cidr"] = core::format_cidr(*cidr);
        j["prefix_length"] = cidr->prefix;
        j["first"] = core::format_ipv4(core::cidr_first(*cidr));
        j["last"] = core::format_ipv4(core::cidr_last(*cidr));
        j["total"] = total;
        Json r = Json::array();
        for (const core::ReservedAddress& a : reserved) {
            r.push_back({{"ip", core::format_ipv4(a.ip)}, {"role", a.role}});
        }
        j["reserved"] = std::move(r);
        j["usable"] = usable;
        j["prefix_blocks"] = blocks;
        j["delegatable_prefixes"] = delegatable;
        j["free_aligned_prefixes"] = core::free_aligned_prefixes(subnet);
        print_json(j);
        return 0;
    }
    std::cout << core::format_cidr(*cidr) << ": " << core::format_ipv4(core::cidr_first(*cidr))
              << " to " << core::format_ipv4(core::cidr_last(*cidr)) << "\n";
    std::cout << "  addresses:             " << with_commas(static_cast<long long>(total)) << "\n";
    std::cout << "  reserved by AWS:       " << reserved.size() << "\n";
    for (const core::ReservedAddress& a : reserved) {
        std::cout << "    " << pad_right(core::format_ipv4(a.ip), 17) << a.role << "\n";
    }
    std::cout << "  usable:                " << with_commas(static_cast<long long>(usable)) << "  ("
              << with_commas(static_cast<long long>(total)) << " - " << reserved.size() << ")\n";
    std::cout << "  /28 blocks:            " << with_commas(static_cast<long long>(blocks)) << "\n";
    std::cout << "  delegatable prefixes:  " << with_commas(static_cast<long long>(delegatable))
              << "  (/28 blocks holding no reserved address)\n";
    return 0;
}

// ---- simulate -----------------------------------------------------------------------------

std::string read_input(const std::string& path) {
    std::ostringstream bytes;
    if (path == "-") {
        bytes << std::cin.rdbuf();
        if (std::cin.bad()) usage_error("cannot read the scenario from standard input.");
        return bytes.str();
    }
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        usage_error("cannot read '" + path + "': it is a directory, not a scenario file.");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const int err = errno;
        usage_error("cannot read '" + path +
                    "': " + (err != 0 ? std::strerror(err) : "unreadable") + ".");
    }
    // Read a little past the scenario limit: load_scenario refuses oversized text itself.
    std::string text(core::kMaxScenarioBytes + 1, '\0');
    in.read(&text[0], static_cast<std::streamsize>(text.size()));
    if (in.bad()) usage_error("cannot read '" + path + "': read error.");
    text.resize(static_cast<std::size_t>(in.gcount()));
    return text;
}

int run_simulate(const Parsed& p, const core::Catalog& catalog) {
    const std::string& path = p.positional[0];
    const std::string text = read_input(path);
    core::Result<core::Scenario> scenario = core::load_scenario(text, catalog);
    const std::string where = path == "-" ? "standard input" : path;
    if (!scenario) usage_error(where + ": " + scenario.error().message);
    core::Result<core::Cluster> built = core::build_cluster(*scenario, catalog);
    if (!built) usage_error(where + ": " + built.error().message);
    const core::Cluster& c = *built;
    check_model(c);

    long long requested = 0, running = 0, waiting = 0;
    for (const core::PodGroup& g : scenario->pods)
        requested += g.count;
    for (const core::Node& n : c.nodes) {
        running += static_cast<long long>(n.pods.size());
        waiting += static_cast<long long>(n.pending.size());
    }
    const long long unscheduled = requested - running - waiting;

    if (p.has("--json")) {
        Json j;
        j["name"] = scenario->name;
        j["description"] = scenario->description;
        j["cluster_name"] = c.name;
        j["pods_requested"] = requested;
        j["pods_running"] = running;
        j["pods_waiting"] = waiting;
        j["pods_unscheduled"] = unscheduled;
        j["events"] = event_lines(c);
        j["events_dropped"] = c.events_dropped;
        Json nodes = Json::array();
        for (const core::Node& n : c.nodes)
            nodes.push_back(node_json(n, true));
        j["nodes"] = std::move(nodes);
        Json subnets = Json::array();
        for (const core::Subnet& s : c.vpc.subnets) {
            long long others = 0;
            for (const core::OtherUse& o : c.others) {
                if (o.subnet_id == s.id) others += static_cast<long long>(o.ips.size());
            }
            subnets.push_back({{"id", s.id},
                               {"name", s.name},
                               {"az", s.az},
                               {"cidr", core::format_cidr(s.cidr)},
                               {"total", core::cidr_size(s.cidr)},
                               {"usable", core::aws_usable_addresses(s.cidr)},
                               {"used", core::used_addresses(s)},
                               {"free", core::free_addresses(s)},
                               {"held_by_others", others},
                               {"free_aligned_prefixes", core::free_aligned_prefixes(s)},
                               {"tags", s.tags}});
        }
        j["subnets"] = std::move(subnets);
        Json others = Json::array();
        for (const core::OtherUse& o : c.others) {
            others.push_back({{"label", o.label},
                              {"subnet", o.subnet_id},
                              {"addresses", static_cast<long long>(o.ips.size())}});
        }
        j["other_addresses"] = std::move(others);
        print_json(j);
        return 0;
    }
    std::cout << "Scenario '" << scenario->name << "'";
    if (!scenario->description.empty()) std::cout << ": " << scenario->description;
    std::cout << "\n  VPC";
    for (const std::string& cidr : scenario->vpc_cidrs)
        std::cout << " " << cidr;
    std::cout << ", " << plural(static_cast<long long>(c.vpc.subnets.size()), "subnet", "subnets")
              << ", " << plural(static_cast<long long>(c.nodes.size()), "node", "nodes") << "; "
              << (requested == 1 ? std::string("1 pod") : with_commas(requested) + " pods")
              << " requested: " << with_commas(running) << " running, " << with_commas(waiting)
              << " waiting for an address, " << with_commas(unscheduled)
              << " not scheduled (max-pods).\n\nEvents:\n";
    print_events(c);
    std::cout << "\nNodes:\n";
    for (const core::Node& n : c.nodes)
        print_node(n, "  ");
    std::cout << "\nSubnets:\n";
    for (const core::Subnet& s : c.vpc.subnets) {
        std::cout << "  " << s.id << " " << core::format_cidr(s.cidr) << " (" << s.az << "): "
                  << with_commas(static_cast<long long>(core::aws_usable_addresses(s.cidr)))
                  << " usable, " << with_commas(static_cast<long long>(core::used_addresses(s)))
                  << " used, " << with_commas(static_cast<long long>(core::free_addresses(s)))
                  << " free, "
                  << plural(static_cast<long long>(core::free_aligned_prefixes(s)),
                            "free aligned /28", "free aligned /28s");
        for (const auto& tag : s.tags)
            std::cout << ", tag " << tag.first << "=" << tag.second;
        std::cout << "\n";
    }
    if (!c.others.empty()) {
        std::cout << "\nOther addresses:\n";
        for (const core::OtherUse& o : c.others) {
            std::cout << "  " << o.label << ": "
                      << plural(static_cast<long long>(o.ips.size()), "address", "addresses")
                      << " in " << o.subnet_id << "\n";
        }
    }
    return 0;
}

// ---- instance-types -----------------------------------------------------------------------

int run_instance_types(const Parsed& p, const core::Catalog& catalog) {
    std::vector<const core::InstanceType*> chosen;
    const std::string* family = p.value("--family");
    std::string wanted = family != nullptr ? lower(*family) : std::string();
    if (family != nullptr && wanted.empty()) usage_error("--family needs a name, e.g. m5.");
    std::set<std::string> families;
    for (const core::InstanceType& t : catalog.types) {
        const std::string f = core::instance_family(t.name);
        families.insert(f);
        if (family == nullptr || f == wanted) chosen.push_back(&t);
    }
    if (chosen.empty()) {
        std::vector<std::pair<int, std::string>> near;
        for (const std::string& f : families)
            near.emplace_back(core::edit_distance(f, wanted), f);
        std::sort(near.begin(), near.end());
        std::vector<std::string> close;
        for (std::size_t i = 0; i < near.size() && i < 3 && near[i].first <= 2; ++i) {
            close.push_back(near[i].second);
        }
        std::string suggestions;
        for (std::size_t i = 0; i < close.size(); ++i) {
            suggestions += (i == 0 ? "" : i + 1 == close.size() ? " or " : ", ") + close[i];
        }
        usage_error("unknown instance family '" + *family + "'" +
                    (suggestions.empty() ? std::string(" (families look like m5, c6g, t3a)")
                                         : "; did you mean " + suggestions + "?"));
    }
    if (p.has("--json")) {
        Json all = Json::array();
        for (const core::InstanceType* t : chosen) {
            all.push_back({{"name", t->name},
                           {"family", core::instance_family(t->name)},
                           {"vcpus", t->vcpus},
                           {"memory_mib", t->memory_mib},
                           {"max_enis", t->max_enis},
                           {"ipv4_per_eni", t->ipv4_per_eni},
                           {"hypervisor", core::hypervisor_name(t->hypervisor)},
                           {"bare_metal", t->bare_metal},
                           {"branch_enis", t->branch_enis},
                           {"network_cards", t->network_cards},
                           {"enis_all_cards", t->enis_all_cards},
                           {"ami_max_pods", core::ami_max_pods(*t)},
                           {"prefix_delegation_supported", core::supports_prefix_delegation(*t)},
                           {"security_groups_for_pods_supported",
                            core::supports_security_groups_for_pods(*t)}});
        }
        print_json(all);
        return 0;
    }
    std::cout << pad_right("type", 22) << pad_right("hypervisor", 11) << pad_left("vCPUs", 6)
              << pad_left("MiB", 9) << pad_left("ENIs", 6) << pad_left("IPs/ENI", 9)
              << pad_left("max-pods", 10) << pad_left("branch", 8) << "  cards\n";
    for (const core::InstanceType* t : chosen) {
        std::cout << pad_right(t->name, 22) << pad_right(core::hypervisor_name(t->hypervisor), 11)
                  << pad_left(t->vcpus > 0 ? num(t->vcpus) : "?", 6)
                  << pad_left(t->memory_mib > 0 ? num(t->memory_mib) : "?", 9)
                  << pad_left(num(t->max_enis), 6) << pad_left(num(t->ipv4_per_eni), 9)
                  << pad_left(num(core::ami_max_pods(*t)), 10)
                  << pad_left(t->branch_enis > 0 ? num(t->branch_enis) : "-", 8) << "  "
                  << t->network_cards << (t->bare_metal ? "  metal" : "") << "\n";
    }
    std::cout << plural(static_cast<long long>(chosen.size()), "instance type", "instance types")
              << ". max-pods: what nodeadm (EKS AL2023 AMI) sets on a self-managed node; branch: "
                 "ENIs for security groups for pods "
                 "(see cni-campus max-pods TYPE for the working).\n";
    return 0;
}

// ---- lab: the incident labs of assets/labs.json --------------------------------------------

const core::Lessons& lessons() {
    return loaded_once<core::Lessons>("the embedded lessons do not load", [] {
        return core::load_lessons(core::asset("lessons.json"));
    });
}

// Lab text in AWS words (the CLI speaks AWS, like the page with "AWS words" on).
std::string aws_words(const std::string& text) {
    return core::render_terms(lessons(), text, core::Terms::Aws);
}

const core::Labs& labs(const core::Catalog& catalog) {
    return loaded_once<core::Labs>("the embedded labs do not load", [&catalog] {
        return core::load_labs(core::asset("labs.json"), catalog, &lessons());
    });
}

Json id_list(const std::vector<std::string>& ids) {
    Json a = Json::array();
    for (const std::string& id : ids)
        a.push_back(id);
    return a;
}

Json counts_json(const core::PodCounts& c) {
    return Json{{"wanted", c.wanted},
                {"running", c.running},
                {"waiting", c.waiting},
                {"pending", c.pending}};
}

std::string counts_text(const core::PodCounts& c) {
    return num(c.running) + " running, " + num(c.waiting) + " waiting, " + num(c.pending) +
           " Pending (of " + num(c.wanted) + ")";
}

std::string joined(const std::vector<std::string>& ids, const char* sep) {
    std::string out;
    for (const std::string& id : ids)
        out += (out.empty() ? "" : sep) + id;
    return out;
}

int run_lab_list(const Parsed& p, const core::Catalog& catalog) {
    const core::Labs& all = labs(catalog);
    Json out = Json::array();
    for (const core::Lab& lab : all.labs) {
        Json fixes = Json::array();
        for (const core::LabFix& f : lab.fixes) {
            const core::FixWords w = core::fix_words(f);
            fixes.push_back(Json{{"id", f.id},
                                 {"lever", core::lever_name(f.lever.kind)},
                                 {"label", aws_words(w.label)},
                                 {"detail", w.aws_detail}});
        }
        Json decoys = Json::array();
        for (const std::vector<std::string>& d : lab.decoys)
            decoys.push_back(id_list(d));
        out.push_back(Json{{"id", lab.id},
                           {"title", aws_words(lab.title)},
                           {"budget", lab.goal.budget},
                           {"fixes", fixes},
                           {"reference", id_list(lab.reference)},
                           {"decoys", decoys}});
    }
    if (p.has("--json")) {
        print_json(out);
        return 0;
    }
    for (const Json& lab : out) {
        std::cout << lab["id"].get<std::string>() << ": " << lab["title"].get<std::string>()
                  << " (at most " << lab["budget"].get<int>() << " changes)\n";
        for (const Json& f : lab["fixes"]) {
            std::cout << "  " << pad_right(f["id"].get<std::string>(), 18)
                      << f["label"].get<std::string>() << " [" << f["detail"].get<std::string>()
                      << "]\n";
        }
    }
    std::cout << "\nTry one: cni-campus lab check ID --apply FIX,FIX\n";
    return 0;
}

int run_lab_check(const Parsed& p, const core::Catalog& catalog) {
    if (p.positional.size() < 2) usage_error("lab check needs a lab id (cni-campus lab list).");
    const core::Labs& all = labs(catalog);
    const int index = core::find_lab(all, p.positional[1]);
    if (index < 0) {
        usage_error("unknown lab '" + p.positional[1].substr(0, 40) +
                    "'; the labs: " + joined(core::lab_ids(all), ", ") + ".");
    }
    const core::Lab& lab = all.labs[static_cast<std::size_t>(index)];
    std::vector<std::string> fixes;
    if (const std::string* apply = p.value("--apply")) {
        std::string item;
        std::istringstream in(*apply);
        while (std::getline(in, item, ',')) {
            if (item.empty()) usage_error("--apply: an empty fix id in '" + *apply + "'.");
            fixes.push_back(item);
        }
    }
    core::Result<core::LabCheck> c = core::check_lab(lab, fixes, catalog);
    if (!c) usage_error(c.error().message);
    check_model(c->after_campus.cluster);
    const std::vector<core::Symptom> symptoms = core::lab_symptoms(c->after_campus);
    if (p.has("--json")) {
        Json s = Json::array();
        for (const core::Symptom& sy : symptoms) {
            s.push_back(Json{{"kind", core::symptom_kind_name(sy.kind)},
                             {"subject", sy.subject},
                             {"text", sy.aws}});
        }
        print_json(Json{{"lab", lab.id},
                        {"applied", id_list(c->applied)},
                        {"solved", c->solved},
                        {"reason", aws_words(c->reason)},
                        {"before", counts_json(c->before)},
                        {"after", counts_json(c->after)},
                        {"refused", id_list(c->refused)},
                        {"symptoms", s}});
        return 0;
    }
    std::cout << "lab " << lab.id << ": " << aws_words(lab.title) << "\n"
              << "applied: " << (fixes.empty() ? "nothing" : joined(c->applied, ", ")) << "\n"
              << "before:  " << counts_text(c->before) << "\n"
              << "after:   " << counts_text(c->after) << "\n"
              << (c->solved ? "solved:  yes. " : "solved:  no. ") << aws_words(c->reason)
              << "\n\nWhat the cluster shows now:\n";
    for (const core::Symptom& sy : symptoms)
        std::cout << wrap(sy.aws, "  ", "    ") << "\n";
    return 0;
}

int run_lab(const Parsed& p, const core::Catalog& catalog) {
    const std::string& what = p.positional[0];
    if (what == "list") {
        if (p.positional.size() > 1) usage_error("lab list takes no lab id.");
        if (p.value("--apply") != nullptr) usage_error("--apply goes with lab check.");
        return run_lab_list(p, catalog);
    }
    if (what == "check") return run_lab_check(p, catalog);
    usage_error("lab: unknown action '" + what.substr(0, 40) + "' (list or check).");
}

// ---- the command table, help and argument parsing -----------------------------------------

const std::vector<Command>& commands() {
    static const std::vector<Command> all = {
        {"max-pods",
         "TYPE | --all",
         "pod capacity of an instance type, with the working",
         "Computes how many pods fit on an instance type, step by step: ENIs, addresses per ENI, "
         "the ENIs that carry pod addresses, pod addresses, max-pods (+2 host-network pods), and "
         "the recommended max-pods (capped at 110 or 250 by vCPU count). Beside it: what kubelet "
         "enforces on a new node of the node group kind (self-managed: nodeadm's value, which "
         "counts no CNI setting; managed: the max-pods calculator's value for the settings, "
         "capped) and where that number comes from, and the seed article's simple figure. "
         "--ipv6 shows an IPv6 node (a /80 on the primary ENI: no address limit); IPv6 with "
         "custom networking or on a type without prefix delegation is refused. --all does every "
         "instance type.",
         0,
         1,
         {{"--all", nullptr, "every instance type in the catalog (a table, or a JSON array)"},
          {"--prefix-delegation", nullptr, "ENABLE_PREFIX_DELEGATION: /28 prefixes per slot"},
          {"--custom-networking", nullptr, "the primary ENI carries no pod addresses"},
          {"--security-groups-for-pods", nullptr, "ENABLE_POD_ENI: a trunk ENI takes a slot"},
          {"--ipv6", nullptr, "ENABLE_IPv6: an IPv6 cluster (prefix delegation implied)"},
          {"--node-group", "KIND",
           "self-managed (default: nodeadm sets max-pods) or managed (EKS sets it)"},
          kJson},
         run_max_pods},
        {"warm-pool",
         "TYPE --pods N",
         "a node's warm pool after N pods arrive",
         "Starts one node of TYPE in a fresh VPC (node subnet 10.0.0.0/17; with custom networking "
         "pods use 10.0.128.0/17), then schedules N pods one at a time; after each, ipamd settles. "
         "Prints every event (ENIs attached, addresses assigned or released) and the steady state: "
         "ENIs, addresses held, free addresses, and the warm-pool rule with its numbers. Pods "
         "beyond max-pods are refused by kubelet and counted.",
         1,
         1,
         {{"--pods", "N", "pods that arrive, one at a time (required)"},
          {"--warm-eni-target", "N", "WARM_ENI_TARGET (default 1)"},
          {"--warm-ip-target", "N", "WARM_IP_TARGET (default 0: unset)"},
          {"--minimum-ip-target", "N", "MINIMUM_IP_TARGET (default 0: unset)"},
          {"--warm-prefix-target", "N", "WARM_PREFIX_TARGET (default 1, prefix delegation only)"},
          {"--prefix-delegation", nullptr, "ENABLE_PREFIX_DELEGATION"},
          {"--custom-networking", nullptr, "pods get addresses from an ENIConfig subnet"},
          {"--security-groups-for-pods", nullptr, "ENABLE_POD_ENI: attach a trunk ENI"},
          {"--max-pods", "N", "kubelet max-pods set by hand (default: the node group's value)"},
          {"--node-group", "KIND", "self-managed (default) or managed: who sets max-pods"},
          kJson},
         run_warm_pool},
        {"subnet",
         "CIDR",
         "addresses of an AWS subnet: reserved, usable, /28 prefixes",
         "Shows what AWS does with a subnet's addresses: the five it reserves (network, VPC "
         "router, base + 2, future use, broadcast; the VPC's DNS resolver is the VPC range's base "
         "+ 2, not every subnet's), the usable rest, and how many aligned /28 blocks "
         "could ever be delegated as prefixes. The CIDR must be a valid AWS subnet block (/16 to "
         "/28, host bits zero).",
         1,
         1,
         {kJson},
         run_subnet},
        {"simulate",
         "SCENARIO.json",
         "run a scenario file and show events and final state",
         "Loads a scenario (VPC, subnets with their tags, node groups of either kind, pods, "
         "other address holders; see tools/examples/*.json and core/scenario.h for the format), "
         "runs it (pods placed round-robin, one at a time, ipamd settling after each) and prints "
         "the events and the final state of every node and subnet: each ENI's subnet and why it "
         "is there (subnet discovery: kubernetes.io/role/cni tags, most free addresses first). "
         "'-' reads the scenario from standard input.",
         1,
         1,
         {kJson},
         run_simulate},
        {"lab",
         "list | check ID",
         "incident labs: a campus in trouble and the fixes that do (not) work",
         "lab list shows each incident lab of the tutorial with the fixes an engineer could make "
         "(their ids), the reference fix and the tempting fixes that do not solve it (decoys). "
         "lab check ID applies the fixes given with --apply (VPC changes first, then settings, "
         "replacing nodes last, whatever the order given) to the lab's "
         "campus, runs it in the model and says whether the cluster is healthy, with the pods "
         "running, waiting and Pending before and after, the reason in one sentence and what "
         "the cluster shows (events, ipamd's EC2 errors, subnets, nodes, aws-node). Unknown lab "
         "or fix ids exit 2 with the known ones.",
         1,
         2,
         {{"--apply", "FIX,FIX", "fix ids to apply (lab check)"}, kJson},
         run_lab},
        {"instance-types",
         "",
         "the instance catalog and its network limits",
         "Lists instance types with their network limits: ENIs on the default network card, IPv4 "
         "addresses per ENI (primary included), branch ENIs for security groups for pods, network "
         "cards, and the max-pods the EKS AMI sets.",
         0,
         0,
         {{"--family", "F", "only this family, e.g. m5 or c6g"}, kJson},
         run_instance_types},
    };
    return all;
}

const Command* find_command(const std::string& name) {
    for (const Command& c : commands()) {
        if (name == c.name) return &c;
    }
    return nullptr;
}

std::string closest(const std::string& word, const std::vector<std::string>& candidates) {
    std::string best;
    int best_distance = 3;  // suggest only close matches
    for (const std::string& c : candidates) {
        const int d = core::edit_distance(word, c);
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    return best;
}

void print_main_help() {
    std::cout << "cni-campus " << kVersion
              << ": how the AWS VPC CNI gives pods addresses, from the command line.\n\n"
                 "Usage: cni-campus COMMAND [ARGS] [--json]\n\nCommands:\n";
    for (const Command& c : commands()) {
        std::cout << "  " << pad_right(c.name, 16) << c.summary << "\n";
    }
    std::cout
        << "\nOptions:\n  --help          this text (cni-campus COMMAND --help: one command)\n"
           "  --version       the version and the catalog size\n\n"
           "Examples:\n"
           "  cni-campus max-pods t3.small --prefix-delegation --node-group managed\n"
           "  cni-campus max-pods m5.large --ipv6\n"
           "  cni-campus warm-pool t3.small --pods 1\n"
           "  cni-campus subnet 10.0.0.0/24 --json\n"
           "  cni-campus simulate tools/examples/why-two-enis.json\n"
           "  cni-campus lab check idle-but-full --apply pd,max-pods,replace\n\n"
           "Exit status: 0 done, 2 bad input (message on stderr), 1 internal error.\n";
}

// "cni-campus warm-pool TYPE --pods N"
std::string usage_line(const Command& c) {
    return std::string("cni-campus ") + c.name + (c.usage[0] != '\0' ? " " : "") + c.usage;
}

void print_command_help(const Command& c) {
    std::cout << "Usage: " << usage_line(c) << " [options]\n\n"
              << wrap(c.details, "", "") << "\n\nOptions:\n";
    for (const OptionSpec& o : c.options) {
        std::string head =
            std::string(o.name) + (o.value_name ? " " + std::string(o.value_name) : "");
        std::cout << "  " << pad_right(head, 30) << o.help << "\n";
    }
    std::cout << "  " << pad_right("--help", 30) << "this text\n";
}

// Parses the arguments after the command name. Returns false if help was printed.
bool parse_arguments(const Command& c, int argc, char** argv, Parsed& p) {
    p.command = &c;
    bool options_done = false;
    for (int i = 0; i < argc; ++i) {
        const std::string arg = argv[i];
        if (!options_done && (arg == "--help" || arg == "-h")) {
            print_command_help(c);
            return false;
        }
        if (!options_done && arg == "--") {
            options_done = true;
            continue;
        }
        const bool looks_like_option = arg.size() > 1 && arg[0] == '-';
        if (options_done || !looks_like_option) {
            p.positional.push_back(arg);
            continue;
        }
        const std::size_t eq = arg.find('=');
        const std::string name = arg.substr(0, eq);
        const OptionSpec* spec = nullptr;
        std::vector<std::string> names;
        for (const OptionSpec& o : c.options) {
            names.emplace_back(o.name);
            if (name == o.name) spec = &o;
        }
        if (spec == nullptr) {
            const std::string near = closest(name, names);
            usage_error(std::string(c.name) + ": unknown option '" + name + "'" +
                        (near.empty() ? "" : "; did you mean " + near + "?") + " (see cni-campus " +
                        c.name + " --help)");
        }
        if (p.has(name) || p.value(name) != nullptr) {
            usage_error(std::string(c.name) + ": " + name + " is given twice.");
        }
        if (spec->value_name == nullptr) {
            if (eq != std::string::npos) usage_error(name + " takes no value.");
            p.flags.insert(name);
            continue;
        }
        std::string value;
        if (eq != std::string::npos) {
            value = arg.substr(eq + 1);
        } else if (i + 1 < argc && std::string(argv[i + 1]).rfind("--", 0) != 0) {
            value = argv[++i];
        } else {
            usage_error(name + " needs a value (" + name + " " + spec->value_name + ").");
        }
        p.values[name] = value;
    }
    const int n = static_cast<int>(p.positional.size());
    if (n > c.max_positional) {
        usage_error(std::string(c.name) + ": unexpected argument '" +
                    p.positional[c.max_positional] + "' (usage: " + usage_line(c) + ")");
    }
    if (n < c.min_positional) {
        usage_error(std::string(c.name) + ": missing argument (usage: " + usage_line(c) + ")");
    }
    return true;
}

const core::Catalog& catalog() {
    return loaded_once<core::Catalog>("the embedded catalog does not load", [] {
        return core::load_catalog(core::asset("catalog.json"));
    });
}

int run(int argc, char** argv) {
    if (argc < 2) {
        usage_error(
            "no command given (usage: cni-campus COMMAND [ARGS] [--json]; cni-campus --help "
            "lists the commands).");
    }
    const std::string first = argv[1];
    if (first == "--help" || first == "-h" || first == "help") {
        if (first == "help" && argc > 2) {
            const Command* c = find_command(argv[2]);
            if (c == nullptr) usage_error(std::string("unknown command '") + argv[2] + "'.");
            print_command_help(*c);
        } else {
            print_main_help();
        }
        return 0;
    }
    if (first == "--version") {
        std::cout << "cni-campus " << kVersion
                  << " (catalog: " << with_commas(static_cast<long long>(catalog().types.size()))
                  << " instance types)\n";
        return 0;
    }
    const Command* c = find_command(first);
    if (c == nullptr) {
        std::vector<std::string> names;
        for (const Command& k : commands())
            names.emplace_back(k.name);
        const std::string near = closest(first, names);
        usage_error("unknown command '" + first + "'" +
                    (near.empty() ? "" : "; did you mean " + near + "?") +
                    " (see cni-campus --help)");
    }
    Parsed p;
    if (!parse_arguments(*c, argc - 2, argv + 2, p)) return 0;
    return c->run(p, catalog());
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const int status = run(argc, argv);
        std::cout.flush();
        return status;
    } catch (const UsageError& e) {
        std::cout.flush();
        std::cerr << "cni-campus: " << e.message << "\n";
        return kExitUsage;
    } catch (const InternalError& e) {
        std::cout.flush();
        std::cerr << "cni-campus: internal error: " << e.message << "\n";
        return kExitInternal;
    } catch (const std::exception& e) {
        std::cerr << "cni-campus: internal error: " << e.what() << "\n";
        return kExitInternal;
    }
}
