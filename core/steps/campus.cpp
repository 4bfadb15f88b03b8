// campus.cpp: the small campuses of the steps (see campus.h).
#include "steps/campus.h"

#include "sg_pods.h"

namespace core {

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

std::string new_eni_id(const Node* before, const Node* after) {
    if (after == nullptr) return {};
    for (const Eni& e : after->enis) {
        if (before == nullptr || find_eni(*before, e.id) == nullptr) return e.id;
    }
    return {};
}

InstanceType opening_type(const Catalog& catalog, std::string_view name) {
    Result<const InstanceType*> t = find_instance_type(catalog, name);
    if (t) return **t;
    return catalog.types.empty() ? InstanceType{} : catalog.types.front();
}

Result<bool> set_room_knob(const Setting& s, const Catalog& catalog, InstanceType& type,
                           NodeGroupKind& kind) {
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
