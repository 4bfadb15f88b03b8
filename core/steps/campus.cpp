// campus.cpp: the small campuses of the steps (see campus.h).
#include "steps/campus.h"

#include <algorithm>

#include "occupancy.h"
#include "scenario_export.h"
#include "sg_pods.h"
#include "subnet_plan.h"

namespace core {

InstanceType catalog_type(const Catalog& catalog, std::string_view name) {
    Result<const InstanceType*> t = find_instance_type(catalog, name);
    if (t) return **t;
    return catalog.types.empty() ? InstanceType{} : catalog.types.front();
}

Result<Cluster> one_room(const InstanceType& type, const NodeConfig& config, int pods) {
    Result<Vpc> vpc = make_vpc("10.0.0.0/16");
    if (!vpc) return vpc.error();
    // A /24 is easy to read; larger rooms get a /20 so the building never runs dry here.
    const bool small = address_capacity(type, config) + type.max_enis <= 200;
    SubnetDesc sd;
    sd.id = kOneRoomSubnet;
    sd.name = "Building A";
    sd.cidr = small ? "10.0.1.0/24" : "10.0.16.0/20";
    Status st = add_subnet(vpc.value(), sd);
    if (!st) return st.error();
    Cluster cluster = make_cluster(std::move(vpc).value());
    NodeDesc nd;
    nd.name = kOneRoomNode;
    nd.type = type;
    nd.subnet_id = kOneRoomSubnet;
    nd.config = config;
    st = add_node(cluster, nd);
    if (!st) return st.error();
    for (int i = 0; i < pods; ++i) {
        Result<Pod> p = add_pod(cluster, kOneRoomNode);
        if (!p) break;
    }
    return cluster;
}

const std::vector<std::string>& tutorial_instance_types() {
    static const std::vector<std::string> types = {"t3.small", "m5.large", "t3.large", "m5.xlarge"};
    return types;
}

std::string new_eni_id(const Node* before, const Node* after) {
    if (after == nullptr) return {};
    for (const Eni& e : after->enis) {
        if (before == nullptr || find_eni(*before, e.id) == nullptr) return e.id;
    }
    return {};
}

Result<TrafficCampuses> traffic_campuses(const Catalog& catalog) {
    Result<const InstanceType*> type = find_instance_type(catalog, kTrafficRoomType);
    if (!type) return type.error();
    TrafficCampuses out;
    const struct {
        TrafficCampus TrafficCampuses::*member;
        TrafficOptions options;
    } kinds[] = {{&TrafficCampuses::vpc, {Cni::Vpc, false, {}}},
                 {&TrafficCampuses::vpc_own_groups, {Cni::Vpc, true, {}}},
                 {&TrafficCampuses::overlay, {Cni::Overlay, false, {}}}};
    for (const auto& k : kinds) {
        TrafficOptions options = k.options;
        // The overlay's rooms keep the numbers the VPC CNI campus gave them: one campus, two
        // ways, and no number stands for a room on one side and a desk on the other.
        if (options.cni == Cni::Overlay) {
            for (const Node& n : out.vpc.cluster.nodes)
                options.node_ips.push_back(n.enis.front().primary_ip);
        }
        Result<TrafficCampus> c = make_traffic_campus(**type, options);
        if (!c) return c.error();
        out.*k.member = std::move(c).value();
    }
    return out;
}

bool traffic_campuses(const Catalog& catalog, TrafficCampuses& out, std::string& message) {
    Result<TrafficCampuses> t = traffic_campuses(catalog);
    if (!t) {
        message = t.error().message;
        return false;
    }
    out = std::move(t).value();
    return true;
}

NodeConfig simple_pool_config() {
    NodeConfig c;
    c.warm.warm_eni_target = 0;
    c.warm.warm_ip_target = 1;
    return c;
}

int desk_count(const Node& n) {
    return static_cast<int>(n.pods.size() + n.pending.size());
}

Status add_desk(Cluster& cluster) {
    Result<Pod> p = add_pod(cluster, kOneRoomNode);
    if (!p) return p.error();
    return Ok{};
}

Status remove_desk(Cluster& cluster) {
    const Node* n = find_node(cluster, kOneRoomNode);
    if (n == nullptr) return make_error("There is no room to take a desk from.");
    std::string name;
    if (!n->pending.empty()) {
        name = n->pending.back().name;
    } else if (!n->pods.empty()) {
        name = n->pods.back().name;
    }
    if (name.empty()) return Ok{};
    return remove_pod(cluster, kOneRoomNode, name);
}

const Node* room(const DeskRoom& m) {
    return find_node(m.cluster, kOneRoomNode);
}

bool build_room(Cluster& cluster, std::string& message, const InstanceType& type,
                const NodeConfig& config, int pods) {
    message.clear();
    Result<Cluster> c = one_room(type, config, pods);
    if (!c) {
        cluster = Cluster{};
        message = c.error().message;
        return false;
    }
    cluster = std::move(c).value();
    return true;
}

void rebuild_room(DeskRoom& m, int pods) {
    m.code = ErrorCode::None;
    m.fresh_eni.clear();
    (void)build_room(m.cluster, m.message, m.type, m.config, pods);
}

void open_room(DeskRoom& m, const Catalog& catalog, std::string_view type, int pods) {
    Result<const InstanceType*> t = find_instance_type(catalog, type);
    if (t) {
        m.type = **t;
    } else if (!catalog.types.empty()) {
        m.type = catalog.types.front();
    }
    rebuild_room(m, pods);
}

std::vector<Knob> desk_room_knobs() {
    return {type_knob(), {"pods", KnobKind::Number, 0, kMaxRoomDesks, {}}};
}

Knob type_knob() {
    return {"type", KnobKind::Choice, 0, 0, {}};
}

Knob node_group_knob() {
    return {"nodegroup", KnobKind::Choice, 0, 0, {"self-managed", "managed"}};
}

Knob max_pods_knob() {
    return {"maxpods", KnobKind::Number, kHostNetworkPods + 1, kMaxPodsOverrideLimit, {}};
}

long long sent_desks_number(const InstanceType& type, const Node* room, int wanted, int refused,
                            long long kubelet, std::string_view name) {
    if (name == "pods") return wanted;
    if (name == "running") return room ? static_cast<long long>(room->pods.size()) : 0;
    if (name == "waiting") return room ? static_cast<long long>(room->pending.size()) : 0;
    if (name == "refused") return refused;
    if (name == "enis") return type.max_enis;
    if (name == "ips") return type.ipv4_per_eni;
    if (name == "maxpods") return kubelet;
    return -1;
}

void open_simple_room(DeskRoom& m, const Catalog& catalog) {
    m.config = simple_pool_config();
    open_room(m, catalog, kOpeningRoomType, 0);
}

long long room_number(const DeskRoom& m, std::string_view name) {
    const Node* n = room(m);
    if (name == "pods") return n ? desk_count(*n) : 0;
    if (name == "panels") return n ? static_cast<long long>(n->enis.size()) : 0;
    if (name == "maxpanels") return m.type.max_enis;
    if (name == "ips") return m.type.ipv4_per_eni;
    if (name == "deskslots") return slots_per_eni(m.type);
    return -1;
}

Status choose_type(DeskRoom& m, const Catalog& catalog, std::string_view type, int pods) {
    Result<const InstanceType*> t = find_instance_type(catalog, type);
    if (!t) return t.error();
    m.type = **t;
    rebuild_room(m, pods);
    return Ok{};
}

void change_desks(DeskRoom& m, bool add) {
    const Node* n = room(m);
    if (n == nullptr) {
        rebuild_room(m, 0);
        return;
    }
    const Node before = *n;
    Status st = add ? add_desk(m.cluster) : remove_desk(m.cluster);
    m.message = st ? std::string() : st.error().message;
    m.code = st ? ErrorCode::None : st.error().code;
    m.fresh_eni = new_eni_id(&before, room(m));
}

void apply(DeskRoom& m, DeskAction action) {
    if (action == DeskAction::StartOver) {
        rebuild_room(m, 0);
    } else {
        change_desks(m, action == DeskAction::AddDesk);
    }
}

Status set_room_knob(DeskRoom& m, const StepInfo& info, const Setting& s, const Catalog& catalog) {
    Status ok = check_setting(info, s);
    if (!ok) return ok;
    if (s.name == "type") return choose_type(m, catalog, s.text, 0);
    rebuild_room(m, static_cast<int>(s.number));
    return Ok{};
}

const char* building_zone(size_t n) {
    static const char* const kZones[] = {"us-east-1a", "us-east-1b", "us-east-1c"};
    return kZones[n % 3];
}

Result<Cidr> add_next_building(Vpc& vpc, const Cidr& within, int prefix) {
    Result<Cidr> where = next_free_subnet_cidr(vpc, within, prefix);
    if (!where) return where.error();
    SubnetDesc d;
    d.id = next_subnet_id(vpc);
    std::string letter = d.id.substr(d.id.find('-') + 1);
    for (char& c : letter)
        c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    d.name = "Building " + letter;
    d.az = building_zone(vpc.subnets.size());
    d.cidr = format_cidr(*where);
    Status st = add_subnet(vpc, d);
    if (!st) return st.error();
    return *where;
}

Result<Vpc> carved_campus(std::string_view primary, int prefix, int buildings) {
    Result<Vpc> vpc = make_vpc(primary);
    if (!vpc) return vpc.error();
    const Cidr block = vpc->cidrs.front();
    for (int i = 0; i < buildings; ++i) {
        Result<Cidr> b = add_next_building(vpc.value(), block, prefix);
        if (!b) return b.error();
    }
    return vpc;
}

Result<Cluster> starter_campus(const Catalog& catalog, std::string_view vpc_cidr, int desks) {
    Result<Vpc> vpc = make_vpc(vpc_cidr);
    if (!vpc) return vpc.error();
    const Cidr block = vpc->cidrs.front();
    Result<Cidr> b = add_next_building(vpc.value(), block, std::max(24, block.prefix));
    if (!b) return b.error();
    Result<const InstanceType*> type = find_instance_type(catalog, "t3.small");
    if (!type) return type.error();
    Cluster c = make_cluster(std::move(vpc).value());
    NodeDesc nd;
    nd.name = next_group_name(c) + "-1";
    nd.type = **type;
    nd.subnet_id = c.vpc.subnets.front().id;
    if (Status st = add_node(c, nd); !st) return st.error();
    for (int i = 0; i < desks; ++i) {
        if (!add_pod(c, nd.name)) break;
    }
    return c;
}

InstanceType opening_type(const Catalog& catalog, std::string_view name) {
    Result<const InstanceType*> t = find_instance_type(catalog, name);
    if (t) return **t;
    return catalog.types.empty() ? InstanceType{} : catalog.types.front();
}

Result<bool> set_type_or_kind(const StepInfo& info, const Setting& s, const Catalog& catalog,
                              InstanceType& type, NodeGroupKind& kind) {
    Status ok = check_setting(info, s);
    if (!ok) return ok.error();
    if (s.name == "type") {
        Result<const InstanceType*> t = find_instance_type(catalog, s.text);
        if (!t) return t.error();
        type = **t;
        return true;
    }
    if (s.name == "nodegroup") {
        Result<NodeGroupKind> k = parse_node_group_kind(s.text);
        if (!k) return k.error();
        kind = k.value();
        return true;
    }
    return false;
}

Scheduled schedule_desks(Cluster& cluster, std::string_view node, int count) {
    Scheduled s;
    for (int i = 0; i < count; ++i) {
        const Node* before = find_node(cluster, node);
        const size_t waiting = before ? before->pending.size() : 0;
        Result<Pod> p = add_pod_with_branches(cluster, node);
        const Node* after = find_node(cluster, node);
        if (p) {
            ++s.running;
        } else if (after != nullptr && after->pending.size() > waiting) {
            ++s.waiting;  // admitted, no address to be had
        } else {
            ++s.refused;  // kubelet at max-pods (or no such node)
        }
    }
    return s;
}

}  // namespace core
