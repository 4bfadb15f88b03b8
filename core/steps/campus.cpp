// campus.cpp: the small campuses of the steps (see campus.h).
#include "steps/campus.h"

#include <algorithm>

#include "occupancy.h"
#include "scenario_export.h"
#include "subnet_plan.h"

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

}  // namespace core
