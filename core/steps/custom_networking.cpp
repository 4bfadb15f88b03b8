// custom_networking.cpp: step "custom-networking" (see custom_networking.h).
#include "steps/custom_networking.h"

#include <algorithm>

#include "ipam.h"
#include "steps/campus.h"
#include "vpc.h"

namespace core {

const EniConfigChoice kEniConfigs[kEniConfigChoices] = {
    {"subnet-pods", "Building P", "us-east-1a"},
    {"subnet-b", "Building B", "us-east-1a"},
    {"subnet-pods-b", "Building Q", "us-east-1b"},
};

namespace {

constexpr const char* kFirstType = "m5.large";
constexpr int kFirstDesks = 6;
constexpr int kMaxDesks = 300;

// The campus for a room of this size: Building A for the room and the buildings an ENIConfig
// may name, each a /24 when the room's desks fit in one, else a /20.
Result<Cluster> campus(const InstanceType& type, const NodeConfig& config) {
    NodeConfig plain = config;
    plain.custom_networking = false;
    const bool small = address_capacity(type, plain) + type.max_enis <= 200;
    Result<Vpc> vpc = make_vpc("10.0.0.0/16");
    if (!vpc) return vpc.error();
    Status st = add_vpc_cidr(vpc.value(), "100.64.0.0/16");
    const char* cidrs[4] = {
        small ? "10.0.1.0/24" : "10.0.16.0/20", small ? "100.64.0.0/24" : "100.64.0.0/20",
        small ? "10.0.2.0/24" : "10.0.32.0/20", small ? "100.64.1.0/24" : "100.64.16.0/20"};
    for (int i = 0; i < 4 && st; ++i) {
        SubnetDesc d;
        d.id = i == 0 ? kRoomSubnet : kEniConfigs[i - 1].subnet_id;
        d.name = i == 0 ? "Building A" : kEniConfigs[i - 1].name;
        d.az = i == 0 ? "us-east-1a" : kEniConfigs[i - 1].az;
        d.cidr = cidrs[i];
        st = add_subnet(vpc.value(), d);
    }
    if (!st) return st.error();
    return make_cluster(std::move(vpc).value());
}

std::string node_name(int generation) {
    return "node-" + std::to_string(generation);
}

// A new room with these settings in a fresh campus, the wanted desks sent to it. It takes the
// next name (node-2, node-3...) when asked to, or when its layout (custom networking, the
// ENIConfig's building) differs from the running room's. Fails, changing nothing, if the
// settings cannot be (an ENIConfig's building in another zone).
Status new_room(CustomNetworking& m, const NodeConfig& config, bool renamed = false) {
    const Node* old = room(m);
    renamed = renamed || old == nullptr ||
              old->config.custom_networking != config.custom_networking ||
              (config.custom_networking && old->config.pod_subnet_id != config.pod_subnet_id);
    const int generation = renamed ? m.generation + 1 : m.generation;
    Result<Cluster> c = campus(m.type, config);
    if (!c) return c.error();
    Status ok = validate_node_config(c.value(), m.type, kRoomSubnet, config);
    if (!ok) return ok;
    NodeDesc d;
    d.name = node_name(generation);
    d.type = m.type;
    d.subnet_id = kRoomSubnet;
    d.config = config;
    ok = add_node(c.value(), d);
    if (!ok) return ok;
    m.cluster = std::move(c).value();
    m.generation = generation;
    m.message.clear();
    m.refused = schedule_desks(m.cluster, d.name, m.wanted).refused;
    return Ok{};
}

// The room with the current settings, or the message why it cannot be.
void replace(CustomNetworking& m, bool renamed) {
    Status st = new_room(m, wanted_config(m), renamed);
    if (!st) m.message = st.error().message;
}

// The settings the step opens with (the room size aside).
void opening_settings(CustomNetworking& m) {
    m.custom = false;
    m.eniconfig = 0;
    m.prefix_delegation = false;
    m.node_group = NodeGroupKind::SelfManaged;
    m.max_pods_set = 0;
    m.wanted = kFirstDesks;
}

// The capacity options of the running room n, or of the settings when there is none.
CapacityOptions options(const CustomNetworking& m, const Node* n) {
    return capacity_options(n ? n->config : wanted_config(m));
}

}  // namespace

NodeConfig wanted_config(const CustomNetworking& m) {
    NodeConfig c;
    c.custom_networking = m.custom;
    c.pod_subnet_id = kEniConfigs[std::clamp(m.eniconfig, 0, kEniConfigChoices - 1)].subnet_id;
    c.prefix_delegation = m.prefix_delegation;
    c.node_group = m.node_group;
    c.max_pods_override = m.max_pods_set;
    return c;
}

Status choose_eniconfig(CustomNetworking& m, int index) {
    if (index < 0 || index >= kEniConfigChoices)
        return make_error("There are " + std::to_string(kEniConfigChoices) +
                          " buildings to choose from (0 to " +
                          std::to_string(kEniConfigChoices - 1) + ").");
    NodeConfig check = wanted_config(m);
    check.custom_networking = true;  // an ENIConfig only matters with it on
    check.pod_subnet_id = kEniConfigs[index].subnet_id;
    Status ok = validate_node_config(m.cluster, m.type, kRoomSubnet, check);
    if (!ok) {
        m.message = ok.error().message;
        return ok;
    }
    m.eniconfig = index;
    m.message.clear();
    return Ok{};
}

void apply(CustomNetworking& m, CustomNetworkingAction action) {
    const Node* n = room(m);
    switch (action) {
        case CustomNetworkingAction::SwitchOn:
        case CustomNetworkingAction::SwitchOff:
            m.custom = action == CustomNetworkingAction::SwitchOn;
            m.message.clear();
            return;
        case CustomNetworkingAction::AddDesk:
        case CustomNetworkingAction::AddTenDesks: {
            const int more =
                std::min(action == CustomNetworkingAction::AddDesk ? 1 : 10, kMaxDesks - m.wanted);
            if (n == nullptr || more <= 0) return;
            m.wanted += more;
            m.refused += schedule_desks(m.cluster, n->name, more).refused;
            return;
        }
        case CustomNetworkingAction::RemoveDesk: {
            if (m.wanted == 0) return;
            --m.wanted;
            if (m.refused > 0 || n == nullptr) {
                m.refused = std::max(m.refused - 1, 0);
                return;
            }
            const std::vector<Pod>& from = n->pending.empty() ? n->pods : n->pending;
            if (!from.empty()) (void)remove_pod(m.cluster, n->name, from.back().name);
            return;
        }
        case CustomNetworkingAction::FormulaMaxPods:
            m.max_pods_set = static_cast<int>(
                std::clamp<long long>(max_pods(m.type, options(m, n)).max_pods,
                                      kHostNetworkPods + 1, kMaxPodsOverrideLimit));
            break;
        case CustomNetworkingAction::DefaultMaxPods:
            m.max_pods_set = 0;
            break;
        case CustomNetworkingAction::StartOver:
            opening_settings(m);
            break;
        case CustomNetworkingAction::ReplaceRoom:
            break;
    }
    replace(m, action == CustomNetworkingAction::ReplaceRoom);
}

const Node* room(const CustomNetworking& m) {
    return find_node(m.cluster, node_name(m.generation));
}

bool room_is_stale(const CustomNetworking& m) {
    const Node* n = room(m);
    if (n == nullptr) return true;
    return n->config.custom_networking != m.custom ||
           (m.custom && n->config.pod_subnet_id != wanted_config(m).pod_subnet_id);
}

namespace {

StepInfo info() {
    return {"custom-networking",
            {type_knob(),
             {"custom", KnobKind::Switch, 0, 1, {}},
             {"eniconfig",
              KnobKind::Choice,
              0,
              0,
              {kEniConfigs[0].subnet_id, kEniConfigs[1].subnet_id, kEniConfigs[2].subnet_id}},
             {"pd", KnobKind::Switch, 0, 1, {}},
             node_group_knob(),
             {"pods", KnobKind::Number, 0, kMaxDesks, {}},
             max_pods_knob()},
            {"type", "pods", "running", "waiting", "refused", "admitted", "enis", "ips", "podips",
             "podipsplain", "podipspd", "formula", "maxpods", "nodeadm", "managed", "waitingfull"},
            {"switch", "eniconfig", "nodebuilding", "deskbuilding", "room", "panelmain", "desks",
             "waiting", "maxpods", "nodegroup"},
            {"desks-elsewhere", "none-waiting"},
            kFirstType};
}

void open(CustomNetworking& m, const Catalog& catalog) {
    m.type = opening_type(catalog, kFirstType);
    opening_settings(m);
    m.generation = 0;
    m.cluster = Cluster{};
    m.refused = 0;
    replace(m, true);
}

Status set_knob(CustomNetworking& m, const Setting& s, const Catalog& catalog) {
    CustomNetworking next = m;
    Result<bool> room_knob =
        set_type_or_kind(step_info<CustomNetworking>(), s, catalog, next.type, next.node_group);
    if (!room_knob) return room_knob.error();
    if (room_knob.value()) {
        if (s.name == "type") next.max_pods_set = 0;  // a new node group: its kind sets max-pods
    } else if (s.name == "custom") {
        next.custom = s.number != 0;
    } else if (s.name == "eniconfig") {
        for (int i = 0; i < kEniConfigChoices; ++i) {
            if (s.text == kEniConfigs[i].subnet_id) next.eniconfig = i;
        }
    } else if (s.name == "pd") {
        next.prefix_delegation = s.number != 0;
    } else if (s.name == "pods") {
        next.wanted = static_cast<int>(s.number);
    } else {
        next.max_pods_set = static_cast<int>(s.number);
    }
    if (s.name == "eniconfig") {
        Status zone = choose_eniconfig(next, next.eniconfig);
        if (!zone) return zone;
    }
    Status ok = new_room(next, wanted_config(next));
    if (!ok) return ok;
    m = std::move(next);
    return Ok{};
}

std::string value(const CustomNetworking& m, std::string_view name) {
    if (name == "type") return m.type.name;
    const Node* n = room(m);
    const CapacityOptions o = options(m, n);
    const MaxPods now = max_pods(m.type, o);
    CapacityOptions plain = o;
    plain.custom_networking = false;
    CapacityOptions pd = o;
    pd.prefix_delegation = true;
    CapacityOptions managed = o;
    managed.node_group = NodeGroupKind::Managed;
    const long long kubelet = n ? n->max_pods : now.kubelet.value;
    const long long addresses = n ? address_capacity(*n) : now.pod_ips;
    long long v = sent_desks_number(m.type, n, m.wanted, m.refused, kubelet, name);
    if (name == "admitted") v = std::max<long long>(kubelet - kHostNetworkPods, 0);
    if (name == "podips") v = addresses;
    if (name == "podipsplain") v = max_pods(m.type, plain).pod_ips;
    if (name == "podipspd") v = max_pods(m.type, pd).pod_ips;
    if (name == "formula") v = now.max_pods;
    if (name == "nodeadm") v = now.ami_max_pods;
    if (name == "managed") v = max_pods(m.type, managed).kubelet.value;
    if (name == "waitingfull")
        v = m.max_pods_set > 0 ? std::max<long long>(kubelet - kHostNetworkPods - addresses, 0)
                               : now.waiting_when_full;
    return number_value(v);
}

bool goal(const CustomNetworking& m, std::string_view goal) {
    const Node* n = room(m);
    if (n == nullptr || !n->config.custom_networking) return false;
    if (goal == "desks-elsewhere") {
        if (n->pods.empty()) return false;
        for (const Pod& p : n->pods) {
            const Eni* e = find_eni(*n, p.eni_id);
            if (e == nullptr || e->subnet_id != n->config.pod_subnet_id) return false;
        }
        return true;
    }
    if (goal == "none-waiting") {
        CapacityOptions o = options(m, n);
        o.prefix_delegation = false;
        return n->pending.empty() && m.wanted > max_pods(m.type, o).pod_ips;
    }
    return false;
}

}  // namespace

const StepCalls<CustomNetworking>& step_calls(StepTag<CustomNetworking>) {
    static const StepCalls<CustomNetworking> calls{info(), open, set_knob, value, goal};
    return calls;
}

}  // namespace core
