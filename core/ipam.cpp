// ipam.cpp: ipamd's view of one node (see ipam.h and the facts file, "Warm pool (ipamd)").
#include "ipam.h"

#include <algorithm>

#include "capacity.h"
#include "format.h"

namespace core {
namespace {

long long div_ceil(long long x, long long y) {
    return (x + y - 1) / y;
}

Status check_range(const char* what, int value, int low, int high, const char* unset_note) {
    if (value >= low && value <= high) return Ok{};
    return make_error(std::string(what) + " must be between " + num(low) + " and " + num(high) +
                      unset_note + ", got " + num(value) + ".");
}

// What the pods of a node hold, counted once.
struct Holdings {
    long long secondary_ips = 0;
    int prefixes = 0;
    int free_prefixes = 0;
    int pod_enis = 0;
};

Holdings holdings(const Node& node) {
    Holdings h;
    std::vector<uint32_t> pod_blocks;
    pod_blocks.reserve(node.pods.size());
    for (const Pod& p : node.pods)
        pod_blocks.push_back(p.ip.value & ~uint32_t{15});
    std::sort(pod_blocks.begin(), pod_blocks.end());
    for (const Eni& e : node.enis) {
        if (!carries_pod_addresses(node, e)) continue;
        ++h.pod_enis;
        h.secondary_ips += static_cast<long long>(e.ips.size());
        h.prefixes += static_cast<int>(e.prefixes.size());
        for (const Cidr& c : e.prefixes) {
            if (!std::binary_search(pod_blocks.begin(), pod_blocks.end(), c.base)) {
                ++h.free_prefixes;
            }
        }
    }
    return h;
}

std::string warm_ip_names(const WarmConfig& w) {
    std::string s;
    if (w.warm_ip_target != 0) s += "WARM_IP_TARGET " + num(w.warm_ip_target);
    if (w.minimum_ip_target != 0) {
        if (!s.empty()) s += " and ";
        s += "MINIMUM_IP_TARGET " + num(w.minimum_ip_target);
    }
    return s;
}

}  // namespace

bool operator==(const WarmConfig& a, const WarmConfig& b) {
    return a.warm_eni_target == b.warm_eni_target && a.warm_ip_target == b.warm_ip_target &&
           a.minimum_ip_target == b.minimum_ip_target &&
           a.warm_prefix_target == b.warm_prefix_target;
}

bool operator==(const NodeConfig& a, const NodeConfig& b) {
    return a.warm == b.warm && a.prefix_delegation == b.prefix_delegation &&
           a.custom_networking == b.custom_networking &&
           a.security_groups_for_pods == b.security_groups_for_pods &&
           a.pod_subnet_id == b.pod_subnet_id && a.max_pods_override == b.max_pods_override &&
           a.node_group == b.node_group && a.subnet_discovery == b.subnet_discovery;
}

bool operator==(const Eni& a, const Eni& b) {
    return a.id == b.id && a.device_index == b.device_index && a.subnet_id == b.subnet_id &&
           a.primary_ip == b.primary_ip && a.ips == b.ips && a.prefixes == b.prefixes &&
           a.trunk == b.trunk && a.excluded == b.excluded && a.placement == b.placement &&
           a.placed == b.placed && a.ranked.size() == b.ranked.size() &&
           std::equal(a.ranked.begin(), a.ranked.end(), b.ranked.begin(),
                      [](const RankedSubnet& x, const RankedSubnet& y) {
                          return x.subnet_id == y.subnet_id && x.free == y.free;
                      });
}

bool operator==(const Pod& a, const Pod& b) {
    return a.name == b.name && a.ip == b.ip && a.eni_id == b.eni_id && a.waiting == b.waiting;
}

bool operator==(const Node& a, const Node& b) {
    return a.name == b.name && a.type == b.type && a.subnet_id == b.subnet_id &&
           a.config == b.config && a.max_pods == b.max_pods && a.enis == b.enis &&
           a.pods == b.pods && a.pending == b.pending && a.pool_error == b.pool_error &&
           a.pool_error_code == b.pool_error_code;
}

bool operator==(const PoolWhy& a, const PoolWhy& b) {
    return a.rule == b.rule && a.low == b.low && a.high == b.high && a.free == b.free &&
           a.total == b.total && a.target == b.target && a.per == b.per &&
           a.max_pods == b.max_pods && a.warm_ip == b.warm_ip && a.min_ip == b.min_ip &&
           a.result == b.result;
}

bool operator==(const EventFacts& a, const EventFacts& b) {
    return a.known == b.known && a.device == b.device && a.prefixes == b.prefixes &&
           a.count == b.count && a.what == b.what && a.pod == b.pod && a.subnet == b.subnet &&
           a.why == b.why;
}

bool operator==(const Event& a, const Event& b) {
    return a.seq == b.seq && a.node == b.node && a.kind == b.kind && a.text == b.text &&
           a.code == b.code && a.facts == b.facts;
}

int ami_max_pods(const InstanceType& type) {
    CapacityOptions self_managed;
    self_managed.node_group = NodeGroupKind::SelfManaged;
    return static_cast<int>(default_kubelet_max_pods(type, self_managed).value);
}

CapacityOptions capacity_options(const NodeConfig& config) {
    CapacityOptions o;
    o.prefix_delegation = config.prefix_delegation;
    o.custom_networking = config.custom_networking;
    o.security_groups_for_pods = config.security_groups_for_pods;
    o.node_group = config.node_group;
    return o;
}

int kubelet_max_pods(const InstanceType& type, const NodeConfig& config) {
    if (config.max_pods_override > 0) return config.max_pods_override;
    return static_cast<int>(default_kubelet_max_pods(type, capacity_options(config)).value);
}

bool prefix_delegation_active(const InstanceType& type, const NodeConfig& config) {
    return config.prefix_delegation && supports_prefix_delegation(type);
}

int slots_per_eni(const InstanceType& type) {
    return std::max(type.ipv4_per_eni - 1, 0);
}

int max_pod_enis(const InstanceType& type, const NodeConfig& config) {
    int n = type.max_enis;
    if (config.security_groups_for_pods) --n;
    if (config.custom_networking) --n;
    return std::max(n, 0);
}

long long address_capacity(const InstanceType& type, const NodeConfig& config) {
    const long long per_slot = prefix_delegation_active(type, config) ? kAddressesPerPrefix : 1;
    return static_cast<long long>(max_pod_enis(type, config)) * slots_per_eni(type) * per_slot;
}

int max_pod_enis(const Node& node) {
    const bool primary_excluded =
        !node.enis.empty() && node.enis[0].excluded && !node.config.custom_networking;
    return std::max(max_pod_enis(node.type, node.config) - (primary_excluded ? 1 : 0), 0);
}

long long address_capacity(const Node& node) {
    const long long per_slot =
        prefix_delegation_active(node.type, node.config) ? kAddressesPerPrefix : 1;
    return static_cast<long long>(max_pod_enis(node)) * slots_per_eni(node.type) * per_slot;
}

bool carries_pod_addresses(const Node& node, const Eni& eni) {
    if (eni.trunk || eni.excluded) return false;
    if (eni.device_index == 0 && node.config.custom_networking) return false;
    return true;
}

Status validate_warm_config(const WarmConfig& warm) {
    const char* none = "";
    const char* unset = " (0 leaves it unset)";
    if (auto s = check_range("WARM_ENI_TARGET", warm.warm_eni_target, 0, kMaxWarmEniTarget, none);
        !s) {
        return s;
    }
    if (auto s = check_range("WARM_IP_TARGET", warm.warm_ip_target, 0, kMaxWarmIpTarget, unset);
        !s) {
        return s;
    }
    if (auto s =
            check_range("MINIMUM_IP_TARGET", warm.minimum_ip_target, 0, kMaxMinimumIpTarget, unset);
        !s) {
        return s;
    }
    return check_range("WARM_PREFIX_TARGET", warm.warm_prefix_target, 0, kMaxWarmPrefixTarget,
                       none);
}

Status validate_node_config(const InstanceType& type, const NodeConfig& config) {
    if (auto s = validate_warm_config(config.warm); !s) return s;
    // The two host-network pods count against max-pods, so a value under 2 could never hold
    // even them (and would break the pods + 2 <= max-pods invariant).
    if (config.max_pods_override != 0 && (config.max_pods_override < kHostNetworkPods ||
                                          config.max_pods_override > kMaxPodsOverrideLimit)) {
        return make_error("max-pods must be between " + num(kHostNetworkPods) + " and " +
                          num(kMaxPodsOverrideLimit) +
                          " (0 keeps the AMI's value; the 2 host-network pods count against it), "
                          "got " +
                          num(config.max_pods_override) + ".");
    }
    if (config.security_groups_for_pods && !supports_security_groups_for_pods(type)) {
        std::string why = type.branch_enis == 0 ? type.name + " has no branch ENIs"
                                                : type.name + " is not listed with branch ENIs";
        if (burstable_t_family(type)) why += " (t-family instances never have them)";
        return make_error("Security groups for pods needs branch ENIs on a trunk ENI, and " + why +
                          ".");
    }
    const int needed =
        1 + (config.security_groups_for_pods ? 1 : 0) + (config.custom_networking ? 1 : 0);
    if (type.max_enis < needed) {
        std::string who;
        if (config.custom_networking) who = "custom networking (the primary ENI carries no pods)";
        if (config.security_groups_for_pods) {
            if (!who.empty()) who += " and ";
            who += "security groups for pods (the trunk ENI carries no pods)";
        }
        return make_error(type.name + " attaches " + count(type.max_enis, "ENI", "ENIs") +
                          ", too few for " + who + " to leave one ENI for pod addresses.");
    }
    return Ok{};
}

namespace {

// datastoreTargetState: the WARM_IP_TARGET / MINIMUM_IP_TARGET arithmetic (only with those set).
void target_state(PoolState& st, const WarmConfig& w) {
    st.short_ips = std::max<long long>(w.warm_ip_target - st.free, 0);
    st.short_ips = std::max<long long>(st.short_ips, w.minimum_ip_target - st.total);
    st.over_ips = std::max<long long>(st.free - w.warm_ip_target, 0);
    st.over_ips = std::max<long long>(std::min(st.over_ips, st.total - w.minimum_ip_target), 0);
    if (st.prefix_delegation) {
        st.short_prefixes = static_cast<int>(div_ceil(st.short_ips, kAddressesPerPrefix));
        const long long need_warm = div_ceil(st.assigned + w.warm_ip_target, kAddressesPerPrefix);
        const long long need_min = div_ceil(w.minimum_ip_target, kAddressesPerPrefix);
        long long over =
            std::max<long long>(std::min<long long>(st.free_prefixes, st.prefixes - need_warm), 0);
        over = std::max<long long>(std::min<long long>(over, st.prefixes - need_min), 0);
        st.over_prefixes = static_cast<int>(over);
    }
}

// isDatastorePoolTooLow: sets st.at_max_pods and st.low and the rule in `why` (whose other
// fields it fills in); returns the rule with its numbers.
std::string pool_too_low(PoolState& st, const Node& node, PoolWhy& why) {
    const WarmConfig& w = node.config.warm;
    const char* unit = st.prefix_delegation ? "addresses" : "IPs";
    std::string reason;
    st.at_max_pods = st.total >= node.max_pods;
    why.free = st.free;
    why.total = st.total;
    why.max_pods = node.max_pods;
    why.warm_ip = w.warm_ip_target;
    why.min_ip = w.minimum_ip_target;
    if (st.at_max_pods) {
        why.rule = PoolRule::AtMaxPods;
        st.low = false;
        reason = "the pool holds " + count(st.total, "address", "addresses") + " >= max-pods " +
                 num(node.max_pods) + ", so it stops growing";
    } else if (st.warm_ip_targets) {
        st.low = st.short_ips > 0;
        why.rule = !st.low && w.warm_ip_target == 0 && st.free == 0 ? PoolRule::MinimumFrozen
                                                                    : PoolRule::WarmIp;
        why.result = st.short_ips;
        reason = "short = max(WARM_IP_TARGET " + num(w.warm_ip_target) + " - free " + num(st.free) +
                 ", MINIMUM_IP_TARGET " + num(w.minimum_ip_target) + " - total " + num(st.total) +
                 ") = " + num(st.short_ips);
        if (st.prefix_delegation && st.low) {
            reason += ", rounded up to " + count(st.short_prefixes, "prefix", "prefixes");
        }
        if (!st.low && w.warm_ip_target == 0 && st.free == 0) {
            reason +=
                ": MINIMUM_IP_TARGET without WARM_IP_TARGET freezes the pool at the "
                "minimum";
        }
    } else {
        const long long per = st.prefix_delegation ? kAddressesPerPrefix : st.slots_per_eni;
        const int target = st.prefix_delegation ? w.warm_prefix_target : w.warm_eni_target;
        const std::string knob = st.prefix_delegation ? "WARM_PREFIX_TARGET" : "WARM_ENI_TARGET";
        const std::string per_text =
            st.prefix_delegation ? "16 addresses per prefix" : num(per) + " IPs per ENI";
        st.low = st.free < per * target || (target == 0 && st.free == 0);
        why.rule = st.prefix_delegation ? PoolRule::WarmPrefix : PoolRule::WarmEni;
        why.target = target;
        why.per = per;
        if (target == 0) {
            reason = st.free == 0 ? "no free " + std::string(unit) + " and " + knob + " is 0"
                                  : "free " + std::string(unit) + " " + num(st.free) +
                                        " > 0 with " + knob + " 0";
        } else {
            reason = "free " + std::string(unit) + " " + num(st.free) + (st.low ? " < " : " >= ") +
                     knob + " " + num(target) + " x " + per_text + " = " + num(per * target);
        }
    }
    return reason;
}

// isDatastorePoolTooHigh: sets st.high and the rule in `why` (a copy of the low rule's);
// returns the rule with its numbers ("" when no rule applies).
std::string pool_too_high(PoolState& st, const WarmConfig& w, PoolWhy& why) {
    why.high = true;
    std::string reason;
    if (st.warm_ip_targets) {
        if (st.prefix_delegation) {
            st.high = st.over_prefixes > 0;
            why.rule = PoolRule::PrefixesOverIp;
            why.free = st.free_prefixes;
            why.result = st.over_prefixes;
            reason = count(st.over_prefixes, "wholly free prefix is", "wholly free prefixes are") +
                     " more than " + warm_ip_names(w) + " need";
        } else {
            st.high = st.over_ips > 0;
            why.rule = PoolRule::WarmIp;
            why.result = st.over_ips;
            reason = "over = min(free " + num(st.free) + " - WARM_IP_TARGET " +
                     num(w.warm_ip_target) + ", total " + num(st.total) + " - MINIMUM_IP_TARGET " +
                     num(w.minimum_ip_target) + ") = " + num(st.over_ips);
        }
    } else if (st.prefix_delegation) {
        st.high = st.free_prefixes > w.warm_prefix_target;
        why.rule = PoolRule::FreePrefixes;
        why.free = st.free_prefixes;
        why.target = w.warm_prefix_target;
        reason = count(st.free_prefixes, "wholly free prefix", "wholly free prefixes") +
                 (st.high ? " > " : " <= ") + "WARM_PREFIX_TARGET " + num(w.warm_prefix_target);
    }
    return reason;
}

}  // namespace

PoolState pool_state(const Node& node) {
    PoolState st;
    const WarmConfig& w = node.config.warm;
    const Holdings h = holdings(node);
    st.prefix_delegation = prefix_delegation_active(node.type, node.config);
    st.slots_per_eni = slots_per_eni(node.type);
    st.prefixes = h.prefixes;
    st.free_prefixes = h.free_prefixes;
    st.total = st.prefix_delegation ? static_cast<long long>(h.prefixes) * kAddressesPerPrefix
                                    : h.secondary_ips;
    st.assigned = static_cast<long long>(node.pods.size());
    st.free = std::max(st.total - st.assigned, 0LL);
    st.warm_ip_targets = w.warm_ip_target != 0 || w.minimum_ip_target != 0;

    if (st.warm_ip_targets) target_state(st, w);

    PoolWhy low_why;
    const std::string low_reason = pool_too_low(st, node, low_why);
    PoolWhy high_why = low_why;
    const std::string high_reason = pool_too_high(st, w, high_why);

    low_why.low = st.low;
    if (st.low) {
        st.reason = low_reason;
        st.why = low_why;
    } else if (st.high) {
        st.reason = high_reason;
        st.why = high_why;
    } else {
        st.why = low_why;
        st.reason = st.at_max_pods ? low_reason : low_reason + ": the pool is warm";
    }
    return st;
}

NodeStats node_stats(const Node& node) {
    NodeStats s;
    const Holdings h = holdings(node);
    s.enis = static_cast<int>(node.enis.size());
    s.max_enis = node.type.max_enis;
    s.pod_enis = h.pod_enis;
    s.secondary_ips = static_cast<int>(h.secondary_ips);
    s.prefixes = h.prefixes;
    s.free_prefixes = h.free_prefixes;
    s.prefix_delegation = prefix_delegation_active(node.type, node.config);
    s.ips = s.prefix_delegation ? static_cast<long long>(h.prefixes) * kAddressesPerPrefix
                                : h.secondary_ips;
    s.pods = static_cast<int>(node.pods.size());
    s.pending = static_cast<int>(node.pending.size());
    s.free_ips = std::max(s.ips - s.pods, 0LL);
    s.max_pods = node.max_pods;
    s.address_capacity = address_capacity(node);
    for (const Eni& e : node.enis)
        s.trunk = s.trunk || e.trunk;
    return s;
}

const Eni* find_eni(const Node& node, std::string_view eni_id) {
    for (const Eni& e : node.enis) {
        if (e.id == eni_id) return &e;
    }
    return nullptr;
}

const Pod* find_pod(const Node& node, std::string_view pod_name) {
    for (const Pod& p : node.pods) {
        if (p.name == pod_name) return &p;
    }
    for (const Pod& p : node.pending) {
        if (p.name == pod_name) return &p;
    }
    return nullptr;
}

std::string node_summary(const Node& node) {
    const NodeStats s = node_stats(node);
    std::string text = node.name + " (" + node.type.name + " in " + node.subnet_id;
    if (s.prefix_delegation) text += ", prefix delegation";
    if (node.config.custom_networking) text += ", custom networking";
    if (s.trunk) text += ", trunk ENI";
    text += "): " + count(s.enis, "ENI", "ENIs") + ", ";
    if (s.prefix_delegation) {
        text +=
            count(s.prefixes, "prefix", "prefixes") + " = " + count(s.ips, "address", "addresses");
    } else {
        text += count(s.ips, "secondary IP", "secondary IPs");
    }
    text += " (" + num(s.free_ips) + " free), " + count(s.pods, "pod", "pods");
    if (s.pending > 0) {
        text += ", " + count(s.pending, "pod", "pods") + " waiting for an address";
    }
    text += ", max-pods " + num(s.max_pods);
    return text;
}

std::string eni_summary(const Node& node, const Eni& eni) {
    std::string text = eni.id + " device " + num(eni.device_index);
    if (eni.device_index == 0) text += " (primary)";
    if (eni.trunk) text += " (trunk)";
    text += " in " + eni.subnet_id + ", " + format_ipv4(eni.primary_ip) + ": ";
    if (eni.trunk) {
        return text + "no pod addresses (security-group pods use branch ENIs on it)";
    }
    if (!carries_pod_addresses(node, eni)) {
        return text + "no pod addresses under custom networking";
    }
    long long pods = 0;
    for (const Pod& p : node.pods) {
        if (p.eni_id == eni.id) ++pods;
    }
    if (prefix_delegation_active(node.type, node.config)) {
        text += count(static_cast<long long>(eni.prefixes.size()), "prefix", "prefixes");
        for (size_t i = 0; i < eni.prefixes.size(); ++i) {
            text += (i == 0 ? " (" : ", ") + format_cidr(eni.prefixes[i]);
        }
        if (!eni.prefixes.empty()) text += ")";
    } else {
        text += count(static_cast<long long>(eni.ips.size()), "secondary IP", "secondary IPs");
    }
    return text + ", " + count(pods, "pod", "pods");
}

std::string format_event(const Event& event) {
    std::string text = "#" + std::to_string(event.seq) + " ";
    if (!event.node.empty()) text += event.node + " ";
    text += std::string(event_kind_name(event.kind)) + ": " + event.text;
    const std::string code = error_code_name(event.code);
    if (!code.empty() && event.text.find(code) == std::string::npos) {
        text += " [" + code + "]";
    }
    return text;
}

}  // namespace core
