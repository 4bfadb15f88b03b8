// ipv6.cpp: step "ipv6" (see ipv6.h).
#include "steps/ipv6.h"

#include <algorithm>

#include "cidr.h"
#include "ipam.h"
#include "steps/campus.h"

namespace core {
namespace {

constexpr const char* kFirstType = "t3.medium";
constexpr int kFirstWant = 40;
constexpr int kMaxWant = 250;
constexpr int kMaxByHand = 250;
// A small building: 64 addresses, 59 usable, four aligned /28 blocks of which the first
// holds the reserved .0-.3 and the last the reserved broadcast address.
constexpr const char* kBuildingCidr = "10.0.1.0/26";
// Example IPv6 addresses from the documentation range (RFC 3849): the building's /64 and
// the /80 ipamd delegates to the room's primary ENI (80 bits: five groups).
constexpr const char* kRoomPrefix = "2001:db8:4a2:c100:7e3a::";
// ENABLE_V4_EGRESS: host-local hands pods addresses from 169.254.172.0/22; .1 is the
// gateway (amazon-vpc-cni-k8s cmd/egress-cni-plugin), so the first desk gets .2.
constexpr const char* kFirstLocal = "169.254.172.2";
// An IPv4-only service in another VPC (the user guide's case for the host-local address).
constexpr const char* kService = "172.31.5.20";

// 281474976710656 -> "281,474,976,710,656"
std::string grouped(long long n) {
    const std::string digits = std::to_string(n);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

CapacityOptions options(const Ipv6Step& m) {
    CapacityOptions o;
    o.ipv6 = m.family == IpFamily::Ipv6;
    o.prefix_delegation = m.family == IpFamily::Ipv4 && m.prefix_delegation;
    o.node_group = m.node_group;
    return o;
}

// The small building, empty.
Result<Cluster> empty_campus() {
    Result<Vpc> vpc = make_vpc("10.0.0.0/16");
    if (!vpc) return vpc.error();
    SubnetDesc sd;
    sd.id = kOneRoomSubnet;
    sd.name = "Building A";
    sd.cidr = kBuildingCidr;
    Status st = add_subnet(vpc.value(), sd);
    if (!st) return st.error();
    return make_cluster(std::move(vpc).value());
}

// The IPv4 campus: the room in the small building, then `want` desks one by one. Desks
// past kubelet's max-pods are refused (and every later one with them).
Result<Cluster> ipv4_campus(const Ipv6Step& m) {
    Result<Cluster> c = empty_campus();
    if (!c) return c;
    NodeDesc nd;
    nd.name = kOneRoomNode;
    nd.type = m.type;
    nd.subnet_id = kOneRoomSubnet;
    nd.config.prefix_delegation = m.prefix_delegation;
    nd.config.node_group = m.node_group;
    nd.config.max_pods_override = m.max_pods_by_hand;
    Status st = add_node(c.value(), nd);
    if (!st) return st.error();
    for (int i = 0; i < m.want; ++i) {
        const Node* n = find_node(c.value(), kOneRoomNode);
        const size_t before = n->pods.size() + n->pending.size();
        (void)add_pod(c.value(), kOneRoomNode);  // a waiting desk is an error, and expected
        n = find_node(c.value(), kOneRoomNode);
        if (n->pods.size() + n->pending.size() == before) break;  // kubelet refused it
    }
    return c;
}

// The IPv6 campus as the cluster model can hold it: the building, and the room with its
// primary ENI holding one IPv4 address, its own (the best-practices guide: "only a single
// IPv4 address from the dual-stack subnet is consumed"), so the building is drawn with the
// same colours as in the IPv4 campus. The cluster model's ipamd is IPv4 only, so the room is
// placed as it stands, not added through it; its desks and max-pods come from capacity.h
// (ipv6_room).
Result<Cluster> ipv6_campus(const Ipv6Step& m) {
    Result<Cluster> c = empty_campus();
    if (!c) return c;
    Subnet* s = find_subnet(c.value().vpc, kOneRoomSubnet);
    Result<Ipv4> ip = allocate_ip(*s);
    if (!ip) return ip.error();
    Node room;
    room.name = kOneRoomNode;
    room.type = m.type;
    room.subnet_id = kOneRoomSubnet;
    room.config.node_group = m.node_group;
    room.max_pods = kubelet_max_pods(m.type, room.config);  // the model's IPv4 view; unused
    Eni primary;
    primary.id = "eni-" + std::to_string(c.value().next_eni_id++);
    primary.subnet_id = kOneRoomSubnet;
    primary.primary_ip = *ip;
    primary.placement = "the node's own subnet (the primary ENI)";
    room.enis.push_back(std::move(primary));
    c.value().nodes.push_back(std::move(room));
    return c;
}

// Rebuilds the campus from the settings; on failure nothing changes and the error says why.
Status rebuild(Ipv6Step& m) {
    if (m.family == IpFamily::Ipv6) {
        Status ok = check_capacity_options(m.type, options(m));
        if (!ok) return ok;
    }
    Result<Cluster> c = m.family == IpFamily::Ipv6 ? ipv6_campus(m) : ipv4_campus(m);
    if (!c) return c.error();
    m.campus = std::move(c).value();
    m.message.clear();
    return Ok{};
}

const Subnet* building(const Ipv6Step& m) {
    return find_subnet(m.campus.vpc, kOneRoomSubnet);
}

// The room's primary IPv4 address (its main extension), in either campus.
std::string node_ipv4(const Ipv6Step& m) {
    const Node* n = find_node(m.campus, kOneRoomNode);
    return n && !n->enis.empty() ? format_ipv4(n->enis.front().primary_ip) : std::string();
}

// Whole /28 blocks the building offers a room whose only address is its own: the empty
// building with one single address taken (the first free, as EC2 gives the node's).
int building_blocks() {
    Result<Cluster> c = empty_campus();
    if (!c) return 0;
    Subnet* s = find_subnet(c.value().vpc, kOneRoomSubnet);
    if (!allocate_ip(*s)) return 0;
    return static_cast<int>(free_aligned_prefixes(*s));
}

}  // namespace

const char* ip_family_name(IpFamily family) {
    return family == IpFamily::Ipv6 ? "ipv6" : "ipv4";
}

Ipv6Room ipv6_room(const Ipv6Step& m) {
    Ipv6Room r;
    const Subnet* s = building(m);
    if (s == nullptr) return r;
    r.built = true;
    r.max_panels = m.type.max_enis;
    r.desk_slots = m.type.max_enis * slots_per_eni(m.type);
    r.building_blocks = building_blocks();
    r.building_free = static_cast<long long>(free_addresses(*s));
    r.building_used = static_cast<long long>(used_addresses(*s));
    r.node_ipv4 = node_ipv4(m);
    r.service = kService;
    r.by_hand = m.max_pods_by_hand > 0;
    const KubeletMaxPods k = default_kubelet_max_pods(m.type, options(m));
    r.source = k.source;
    r.max_pods = r.by_hand ? m.max_pods_by_hand : k.value;
    if (m.family == IpFamily::Ipv4) {
        const Node* n = find_node(m.campus, kOneRoomNode);
        if (n == nullptr) return r;
        const NodeStats st = node_stats(*n);
        r.running = st.pods;
        r.waiting = st.pending;
        r.refused = m.want - st.pods - st.pending;
        r.panels = st.enis;
        r.pod_addresses = st.address_capacity;
        r.wait_code = n->pool_error_code;
        return r;
    }
    const Ipv6Node v6 = ipv6_node(m.type);
    const long long admitted = std::max<long long>(r.max_pods - kHostNetworkPods, 0);
    r.running = static_cast<int>(std::min<long long>(m.want, admitted));
    r.refused = m.want - r.running;
    r.panels = v6.pod_enis;
    r.pod_addresses = v6.prefix_addresses;
    r.prefix = std::string(kRoomPrefix) + "/" + std::to_string(v6.prefix_length);
    r.desk_ipv6 = std::string(kRoomPrefix) + "1";
    r.desk_local = kFirstLocal;
    return r;
}

std::vector<std::string> ipv6_unsupported(const Ipv6Step& m) {
    // EKS user guide cni-ipv6 (Nitro, custom networking, Windows, chosen at creation), README
    // "VPC CNI Feature Matrix" and ENABLE_IPv6 (secondary-IP mode, WARM/MIN targets, external
    // SNAT); security groups for pods: the matrix says no, the user guide's
    // security-groups-for-pods page says yes with VPC CNI 1.16.0 or later.
    std::vector<std::string> out = {
        "Nitro {rooms} only (or bare metal): the {bigblock} needs prefix delegation",
        "no custom networking",
        "no {deskexts}: prefix delegation is always on",
        "no WARM_IP_TARGET, MINIMUM_IP_TARGET or WARM_PREFIX_TARGET",
        "no AWS_VPC_K8S_CNI_EXTERNALSNAT, no Windows {rooms}",
        "security groups for {desks}: they work from version 1.16.0 (EKS user guide, the newer "
        "source), though the amazon-vpc-cni-k8s README's feature table still says no",
    };
    if (!supports_prefix_delegation(m.type))
        out.push_back("not this {instance}, " + m.type.name + ": no prefix delegation");
    return out;
}

namespace {

StepInfo info() {
    return {"ipv6",
            {{"family", KnobKind::Choice, 0, 0, {"ipv4", "ipv6"}},
             {"pd", KnobKind::Switch, 0, 1, {}},
             {"nodegroup", KnobKind::Choice, 0, 0, {"managed", "self-managed"}},
             {"maxpods", KnobKind::Number, 0, kMaxByHand, {}},
             {"want", KnobKind::Number, 1, kMaxWant, {}},
             {"type", KnobKind::Choice, 0, 0, {}}},
            {"want",      "usable",  "free",    "running",   "waiting",     "refused",  "maxpods",
             "nodeadm",   "managed", "cap",     "deskslots", "blocks",      "panels",   "v4used",
             "prefixlen", "prefix",  "v6addrs", "egress",    "egressaddrs", "localnum", "mainext"},
            {"room", "panels", "prefix", "desks", "refused", "building", "maxpods", "egress",
             "localnum", "mainext", "system", "unsupported"},
            {"fit", "ipv6"},
            kFirstType};
}

void open(Ipv6Step& m, const Catalog& catalog) {
    m = Ipv6Step{};
    Result<const InstanceType*> t = find_instance_type(catalog, kFirstType);
    if (t) {
        m.type = **t;
    } else if (!catalog.types.empty()) {
        m.type = catalog.types.front();
    }
    m.want = kFirstWant;
    Status st = rebuild(m);
    if (!st) m.message = st.error().message;
}

Status set_knob(Ipv6Step& m, const Setting& s, const Catalog& catalog) {
    Status ok = check_setting(step_info<Ipv6Step>(), s);
    if (!ok) return ok;
    Ipv6Step next = m;
    if (s.name == "family") {
        next.family = s.text == "ipv6" ? IpFamily::Ipv6 : IpFamily::Ipv4;
    } else if (s.name == "pd") {
        next.prefix_delegation = s.number != 0;
    } else if (s.name == "nodegroup") {
        next.node_group =
            s.text == "self-managed" ? NodeGroupKind::SelfManaged : NodeGroupKind::Managed;
        next.max_pods_by_hand = 0;  // another node group: nobody has set it by hand yet
    } else if (s.name == "maxpods") {
        next.max_pods_by_hand = static_cast<int>(s.number);
    } else if (s.name == "want") {
        next.want = static_cast<int>(s.number);
    } else {
        Result<const InstanceType*> t = find_instance_type(catalog, s.text);
        if (!t) return t.error();
        next.type = **t;
    }
    Status st = rebuild(next);
    if (!st) return st;
    m = std::move(next);
    return Ok{};
}

std::string value(const Ipv6Step& m, std::string_view name) {
    const Ipv6Room r = ipv6_room(m);
    const Ipv6Node v6 = ipv6_node(m.type);
    CapacityOptions managed;
    managed.ipv6 = true;
    managed.node_group = NodeGroupKind::Managed;
    const Subnet* s = building(m);
    long long v = -1;
    if (name == "want") v = m.want;
    if (name == "usable") v = s ? static_cast<long long>(aws_usable_addresses(s->cidr)) : 0;
    if (name == "free") v = r.building_free;
    if (name == "running") v = r.running;
    if (name == "waiting") v = r.waiting;
    if (name == "refused") v = r.refused;
    if (name == "maxpods") v = r.max_pods;
    if (name == "nodeadm") v = ami_max_pods(m.type);
    if (name == "managed") v = default_kubelet_max_pods(m.type, managed).value;
    if (name == "cap") v = max_pods(m.type).recommended_cap;
    if (name == "deskslots") v = r.desk_slots;
    if (name == "blocks") v = r.building_blocks;
    if (name == "panels") v = r.panels;
    if (name == "v4used") v = r.building_used;
    if (name == "prefixlen") v = v6.prefix_length;
    if (name == "v6addrs") return grouped(v6.prefix_addresses);
    if (name == "egress") return v6.v4_egress_range;
    if (name == "egressaddrs") return grouped(v6.v4_egress_addresses);
    if (name == "prefix") return std::string(kRoomPrefix) + "/" + std::to_string(v6.prefix_length);
    if (name == "localnum") return kFirstLocal;
    if (name == "mainext") return r.node_ipv4;
    return number_value(v);  // plain: [[~want]] reads it back
}

bool goal(const Ipv6Step& m, std::string_view goal) {
    const Ipv6Room r = ipv6_room(m);
    if (goal == "fit") return r.built && r.running == m.want;
    if (goal == "ipv6") return m.family == IpFamily::Ipv6;
    return false;
}

}  // namespace

const StepCalls<Ipv6Step>& step_calls(StepTag<Ipv6Step>) {
    static const StepCalls<Ipv6Step> calls{info(), open, set_knob, value, goal};
    return calls;
}

}  // namespace core
