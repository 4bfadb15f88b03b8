// prefix_delegation.cpp: step "prefix-delegation" (see prefix_delegation.h).
#include "steps/prefix_delegation.h"

#include <algorithm>

#include "ipam.h"

namespace core {
namespace {

constexpr const char* kFirstType = "t3.small";
constexpr int kFirstDesks = 9;
constexpr int kMaxDesks = 250;

// Builds a new room of the model's settings and sends it the wanted desks.
void rebuild(PrefixDelegation& m) {
    m.refused = 0;
    if (build_room(m.cluster, m.message, m.type, node_config(m)))
        m.refused = schedule_desks(m.cluster, kOneRoomNode, m.wanted).refused;
}

// The settings the step opens with (the room size aside).
void opening_settings(PrefixDelegation& m) {
    m.prefix_delegation = false;
    m.node_group = NodeGroupKind::SelfManaged;
    m.max_pods_set = 0;
    m.wanted = kFirstDesks;
}

CapacityOptions options(const PrefixDelegation& m, bool pd) {
    CapacityOptions o;
    o.prefix_delegation = pd;
    o.node_group = m.node_group;
    return o;
}

}  // namespace

NodeConfig node_config(const PrefixDelegation& m) {
    NodeConfig c;
    c.prefix_delegation = m.prefix_delegation;
    c.node_group = m.node_group;
    c.max_pods_override = m.max_pods_set;
    return c;
}

void apply(PrefixDelegation& m, PrefixDelegationAction action) {
    switch (action) {
        case PrefixDelegationAction::AddDesk:
            if (m.wanted >= kMaxDesks) return;
            ++m.wanted;
            if (room(m) == nullptr) {
                rebuild(m);
            } else {
                m.refused += schedule_desks(m.cluster, kOneRoomNode, 1).refused;
            }
            return;
        case PrefixDelegationAction::RemoveDesk: {
            if (m.wanted == 0) return;
            --m.wanted;
            const Node* n = room(m);
            if (m.refused > 0 || n == nullptr) {
                m.refused = m.refused > 0 ? m.refused - 1 : 0;
                return;
            }
            const std::vector<Pod>& from = n->pending.empty() ? n->pods : n->pending;
            if (!from.empty()) (void)remove_pod(m.cluster, kOneRoomNode, from.back().name);
            return;
        }
        case PrefixDelegationAction::SwitchOn:
        case PrefixDelegationAction::SwitchOff:
            m.prefix_delegation = action == PrefixDelegationAction::SwitchOn;
            break;
        case PrefixDelegationAction::DefaultMaxPods:
            m.max_pods_set = 0;
            break;
        case PrefixDelegationAction::Recommended:
            m.max_pods_set = static_cast<int>(std::min<long long>(
                max_pods(m.type, options(m, true)).recommended_max_pods, kMaxPodsOverrideLimit));
            break;
        case PrefixDelegationAction::StartOver:
            opening_settings(m);
            break;
    }
    rebuild(m);
}

const Node* room(const PrefixDelegation& m) {
    return find_node(m.cluster, kOneRoomNode);
}

namespace {

StepInfo info() {
    return {
        "prefix-delegation",
        {type_knob(),
         {"pd", KnobKind::Switch, 0, 1, {}},
         node_group_knob(),
         {"pods", KnobKind::Number, 0, kMaxDesks, {}},
         max_pods_knob()},
        {"type",      "pods",    "running", "waiting",   "refused",     "enis",
         "ips",       "slots",   "podips",  "podipsoff", "podipson",    "formula",
         "formulaon", "maxpods", "nodeadm", "managed",   "recommended", "cap",
         "vcpus",     "seed",    "held",    "blocks",    "cards",       "cardenis"},
        {"switch", "blocks", "panelmain", "panels", "desks", "maxpods", "nodegroup", "building"},
        {"pd-on", "all-run"},
        kFirstType};
}

void open(PrefixDelegation& m, const Catalog& catalog) {
    m.type = opening_type(catalog, kFirstType);
    opening_settings(m);
    rebuild(m);
}

Status set_knob(PrefixDelegation& m, const Setting& s, const Catalog& catalog) {
    Result<bool> room_knob =
        set_type_or_kind(step_info<PrefixDelegation>(), s, catalog, m.type, m.node_group);
    if (!room_knob) return room_knob.error();
    if (room_knob.value()) {
        if (s.name == "type") m.max_pods_set = 0;  // a new node group: its kind sets max-pods
    } else if (s.name == "pd") {
        m.prefix_delegation = s.number != 0;
    } else if (s.name == "pods") {
        m.wanted = static_cast<int>(s.number);
    } else {
        m.max_pods_set = static_cast<int>(s.number);
    }
    rebuild(m);
    return Ok{};
}

std::string value(const PrefixDelegation& m, std::string_view name) {
    if (name == "type") return m.type.name;
    const Node* n = room(m);
    const NodeStats s = n ? node_stats(*n) : NodeStats{};
    const MaxPods now = max_pods(m.type, options(m, m.prefix_delegation));
    const MaxPods off = max_pods(m.type, options(m, false));
    const MaxPods on = max_pods(m.type, options(m, true));
    long long v = sent_desks_number(m.type, n, m.wanted, m.refused,
                                    n ? n->max_pods : now.kubelet.value, name);
    if (name == "slots") v = slots_per_eni(m.type);
    if (name == "podips") v = now.pod_ips;
    if (name == "podipsoff") v = off.pod_ips;
    if (name == "podipson") v = on.pod_ips;
    if (name == "formula") v = now.max_pods;
    if (name == "formulaon") v = on.max_pods;
    if (name == "nodeadm") v = on.ami_max_pods;
    if (name == "managed") v = on.managed_max_pods;
    if (name == "recommended") v = on.recommended_max_pods;
    if (name == "cap") v = on.recommended_cap;
    if (name == "vcpus") v = m.type.vcpus;
    if (name == "seed") v = on.seed_figure;
    if (name == "held") v = s.ips;
    if (name == "blocks") v = s.prefixes;
    if (name == "cards") v = m.type.network_cards;
    if (name == "cardenis") v = m.type.enis_all_cards;
    return number_value(v);
}

bool goal(const PrefixDelegation& m, std::string_view goal) {
    const Node* n = room(m);
    if (n == nullptr) return false;
    const bool on = prefix_delegation_active(m.type, n->config);
    if (goal == "pd-on") return on;
    if (goal == "all-run")
        return on && m.refused == 0 && n->pending.empty() &&
               static_cast<long long>(n->pods.size()) == m.wanted &&
               m.wanted > max_pods(m.type, options(m, false)).pod_ips;
    return false;
}

}  // namespace

const StepCalls<PrefixDelegation>& step_calls(StepTag<PrefixDelegation>) {
    static const StepCalls<PrefixDelegation> calls{info(), open, set_knob, value, goal};
    return calls;
}

}  // namespace core
