// campus.cpp: the small campuses of the steps (see campus.h).
#include "steps/campus.h"

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

PodCounts pod_counts(const Cluster& cluster) {
    PodCounts c;
    for (const Node& n : cluster.nodes) {
        c.running += static_cast<long long>(n.pods.size());
        c.waiting += static_cast<long long>(n.pending.size());
    }
    return c;
}

std::string new_eni_id(const Node* before, const Node* after) {
    if (after == nullptr) return {};
    for (const Eni& e : after->enis) {
        if (before == nullptr || find_eni(*before, e.id) == nullptr) return e.id;
    }
    return {};
}

}  // namespace core
