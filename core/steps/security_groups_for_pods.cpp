// security_groups_for_pods.cpp: step "security-groups-for-pods" (see the header).
#include "steps/security_groups_for_pods.h"

#include <algorithm>

#include "ipam.h"
#include "sg_pods.h"
#include "steps/campus.h"

namespace core {
namespace {

constexpr const char* kFirstType = "m5.large";
constexpr int kFirstDesks = 6;
constexpr int kMaxDesks = 250;
constexpr int kMaxOwnGroups = 120;  // above every type's branch ENI limit

bool trunk_possible(const SecurityGroupsForPods& m) {
    return m.pod_eni && supports_security_groups_for_pods(m.type);
}

// A new room with the model's settings; the desks with their own security groups are sent
// first, then the ordinary ones.
void rebuild(SecurityGroupsForPods& m) {
    m.refused = 0;
    m.sg_refused = 0;
    NodeConfig c;
    c.security_groups_for_pods = trunk_possible(m);
    c.node_group = m.node_group;
    if (!build_room(m.cluster, m.message, m.type, c)) return;
    for (int i = 0; i < m.sg_wanted; ++i) {
        if (!add_sg_pod(m.cluster, kOneRoomNode)) ++m.sg_refused;
    }
    m.refused = schedule_desks(m.cluster, kOneRoomNode, m.wanted).refused;
}

CapacityOptions options(const SecurityGroupsForPods& m) {
    CapacityOptions o;
    o.security_groups_for_pods = m.pod_eni;
    o.node_group = m.node_group;
    return o;
}

// The settings the step opens with (the room size aside).
void opening_settings(SecurityGroupsForPods& m) {
    m.pod_eni = false;
    m.node_group = NodeGroupKind::SelfManaged;
    m.wanted = kFirstDesks;
    m.sg_wanted = 0;
}

}  // namespace

void apply(SecurityGroupsForPods& m, SecurityGroupsForPodsAction action) {
    switch (action) {
        case SecurityGroupsForPodsAction::SwitchOn:
        case SecurityGroupsForPodsAction::SwitchOff:
            m.pod_eni = action == SecurityGroupsForPodsAction::SwitchOn;
            break;
        case SecurityGroupsForPodsAction::AddDesk:
        case SecurityGroupsForPodsAction::RemoveDesk:
            m.wanted = std::clamp(
                m.wanted + (action == SecurityGroupsForPodsAction::AddDesk ? 1 : -1), 0, kMaxDesks);
            break;
        case SecurityGroupsForPodsAction::AddOwnGroups:
        case SecurityGroupsForPodsAction::RemoveOwnGroups:
            m.sg_wanted = std::clamp(
                m.sg_wanted + (action == SecurityGroupsForPodsAction::AddOwnGroups ? 1 : -1), 0,
                kMaxOwnGroups);
            break;
        case SecurityGroupsForPodsAction::StartOver:
            opening_settings(m);
            break;
    }
    rebuild(m);
}

const Node* room(const SecurityGroupsForPods& m) {
    return find_node(m.cluster, kOneRoomNode);
}

namespace {

StepInfo info() {
    return {"security-groups-for-pods",
            {type_knob(),
             {"podeni", KnobKind::Switch, 0, 1, {}},
             node_group_knob(),
             {"pods", KnobKind::Number, 0, kMaxDesks, {}},
             {"sgpods", KnobKind::Number, 0, kMaxOwnGroups, {}}},
            {"type", "pods", "sgpods", "running", "sgrunning", "waiting", "refused", "branches",
             "enis", "ips", "slots", "podips", "podipsoff", "trunkcost", "trunkcostpd", "maxpods",
             "managed", "admitted", "waitingfull"},
            {"switch", "trunk", "branches", "panels", "desks", "maxpods", "nodegroup", "waiting"},
            {"own-sg", "full-no-wait"},
            kFirstType};
}

void open(SecurityGroupsForPods& m, const Catalog& catalog) {
    m.type = opening_type(catalog, kFirstType);
    opening_settings(m);
    rebuild(m);
}

Status set_knob(SecurityGroupsForPods& m, const Setting& s, const Catalog& catalog) {
    Result<bool> room_knob =
        set_type_or_kind(step_info<SecurityGroupsForPods>(), s, catalog, m.type, m.node_group);
    if (!room_knob) return room_knob.error();
    if (s.name == "podeni") {
        m.pod_eni = s.number != 0;
    } else if (s.name == "pods") {
        m.wanted = static_cast<int>(s.number);
    } else if (s.name == "sgpods") {
        m.sg_wanted = static_cast<int>(s.number);
    }
    rebuild(m);
    return Ok{};
}

std::string value(const SecurityGroupsForPods& m, std::string_view name) {
    if (name == "type") return m.type.name;
    const Node* n = room(m);
    const MaxPods now = max_pods(m.type, options(m));
    CapacityOptions with = options(m);
    with.security_groups_for_pods = true;
    CapacityOptions with_pd = with;
    with_pd.prefix_delegation = true;
    CapacityOptions managed = options(m);
    managed.node_group = NodeGroupKind::Managed;
    const long long kubelet = n ? n->max_pods : now.kubelet.value;
    long long v = sent_desks_number(m.type, n, m.wanted, m.refused + m.sg_refused, kubelet, name);
    if (name == "sgpods") v = m.sg_wanted;
    if (name == "sgrunning")
        v = n ? static_cast<long long>(sg_pods(m.cluster, kOneRoomNode).size()) : 0;
    if (name == "branches") v = now.branch_enis;
    if (name == "slots") v = slots_per_eni(m.type);
    if (name == "podips") v = n ? address_capacity(*n) : now.pod_ips;
    if (name == "podipsoff") v = max_pods(m.type).pod_ips;
    if (name == "trunkcost") v = max_pods(m.type, with).trunk_cost;
    if (name == "trunkcostpd") v = max_pods(m.type, with_pd).trunk_cost;
    if (name == "managed") v = max_pods(m.type, managed).kubelet.value;
    if (name == "admitted") v = std::max<long long>(kubelet - kHostNetworkPods, 0);
    if (name == "waitingfull") v = now.waiting_when_full;
    return number_value(v);
}

bool goal(const SecurityGroupsForPods& m, std::string_view goal) {
    const Node* n = room(m);
    if (n == nullptr) return false;
    const long long own = static_cast<long long>(sg_pods(m.cluster, kOneRoomNode).size());
    if (goal == "own-sg") return own > 0;
    if (goal == "full-no-wait") {
        const bool trunk =
            std::any_of(n->enis.begin(), n->enis.end(), [](const Eni& e) { return e.trunk; });
        return trunk && n->pending.empty() &&
               static_cast<long long>(n->pods.size()) + own + kHostNetworkPods >= n->max_pods;
    }
    return false;
}

}  // namespace

const StepCalls<SecurityGroupsForPods>& step_calls(StepTag<SecurityGroupsForPods>) {
    static const StepCalls<SecurityGroupsForPods> calls{info(), open, set_knob, value, goal};
    return calls;
}

}  // namespace core
