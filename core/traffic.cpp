// traffic.cpp: the example campus and the path of one call (see traffic.h).
#include "traffic.h"

#include <algorithm>
#include <optional>

#include "lookup.h"

namespace core {
namespace {

struct SubnetPlan {
    const char* id;
    const char* name;
    const char* az;
    const char* cidr;
};

// The campus: a public subnet for the NAT gateway, two pod buildings in two zones, and a
// database subnet.
constexpr const char* kVpcCidr = "10.0.0.0/16";
constexpr SubnetPlan kSubnets[] = {
    {"subnet-public", "the public {building}", "us-east-1a", "10.0.0.0/24"},
    {"subnet-a", "{building} A", "us-east-1a", "10.0.1.0/24"},
    {"subnet-b", "{building} B", "us-east-1b", "10.0.2.0/24"},
    {"subnet-db", "the databases' {building}", "us-east-1a", "10.0.3.0/24"},
};

struct NodePlan {
    const char* name;
    const char* subnet;
    const char* pods[2];
};
constexpr NodePlan kNodes[] = {
    {"A1", "subnet-a", {"web-1", "web-2"}},
    {"A2", "subnet-a", {"api-1", "api-2"}},
    {"B1", "subnet-b", {"jobs-1", "jobs-2"}},
    {"B2", "subnet-b", {"cart-1", "cart-2"}},
};

constexpr const char* kOverlayRange = "172.16.0.0/16";  // the overlay's private pod range
constexpr int kOverlayBlockPrefix = 24;                 // one block per node
constexpr uint32_t kOverlayFirstPod = 2;                // .1 is the node's bridge
constexpr const char* kPeerVpc = "192.168.0.0/16";
constexpr SubnetPlan kPeerSubnet = {"subnet-peer", "Peered servers", "us-east-1a",
                                    "192.168.10.0/24"};
// address_use's campus: one subnet as large as the VPC.
constexpr SubnetPlan kNodesSubnet = {"subnet-nodes", "Nodes", "us-east-1a", kVpcCidr};
// Public addresses from the documentation ranges (RFC 5737): nothing real is named.
constexpr const char* kInternetServer = "203.0.113.10";
constexpr const char* kInternetBlock = "203.0.113.0/24";
constexpr const char* kNatElasticIp = "198.51.100.20";

std::string ip(Ipv4 a) {
    return format_ipv4(a);
}

Status add_plan_subnet(Vpc& vpc, const SubnetPlan& plan) {
    SubnetDesc d;
    d.id = plan.id;
    d.name = plan.name;
    d.az = plan.az;
    d.cidr = plan.cidr;
    return add_subnet(vpc, d);
}

Result<Ipv4> held_address(Cluster& c, const char* subnet, const char* label) {
    if (auto s = hold_addresses(c, subnet, 1, label); !s) return s.error();
    return c.others.back().ips.front();
}

// "{building} A (10.0.1.0/24)": the subnet's name (term tokens) and its range.
std::string subnet_where(const Cluster& c, const std::string& id) {
    const Subnet* s = find_subnet(c.vpc, id);
    if (s == nullptr) return id;
    return s->name + " (" + format_cidr(s->cidr) + ")";
}

std::string room(const std::string& node) {
    return "{room} " + node;
}

// "{room} A1's {panel} 2": the ENI by its place on the node (device index + 1).
std::string panel_of(const Cluster& c, const std::string& node, const std::string& eni_id) {
    const Node* n = find_node(c, node);
    const Eni* e = n != nullptr ? find_eni(*n, eni_id) : nullptr;
    const int number = e != nullptr ? e->device_index + 1 : 1;
    return room(node) + "'s {panel} " + std::to_string(number);
}

bool in_vpc(const Vpc& vpc, Ipv4 a) {
    return std::any_of(vpc.cidrs.begin(), vpc.cidrs.end(),
                       [&](const Cidr& c) { return cidr_contains(c, a); });
}

std::string pod_names(const TrafficCampus& campus) {
    std::string s;
    for (const PodRef& p : campus.pods) {
        if (!s.empty()) s += ", ";
        s += p.name;
    }
    return s;
}

std::string trim(std::string_view t) {
    size_t b = 0;
    size_t e = t.size();
    while (b < e && (t[b] == ' ' || t[b] == '\t'))
        ++b;
    while (e > b && (t[e - 1] == ' ' || t[e - 1] == '\t'))
        --e;
    return std::string(t.substr(b, e - b));
}

Hop make_hop(HopKind kind, std::string name, std::string detail, Ipv4 source,
             std::string change = {}, Ipv4 outer = {}) {
    Hop h;
    h.kind = kind;
    h.name = std::move(name);
    h.detail = std::move(detail);
    h.source = source;
    h.outer_source = outer;
    h.change = std::move(change);
    return h;
}

Hop pod_hop(const TrafficCampus& campus, const PodRef& p, bool caller) {
    std::string detail = "{desk} " + p.name + " in " + room(p.node) + " has ";
    if (campus.options.cni == Cni::Overlay) {
        detail += "the private {num} " + ip(p.ip) + ", from " + room(p.node) + "'s share of " +
                  format_cidr(campus.overlay_range) + ", a range the {campus} never sees.";
    } else {
        detail += "the {ext} " + ip(p.ip) + " on " + panel_of(campus.cluster, p.node, p.eni_id) +
                  ", from " + subnet_where(campus.cluster, p.subnet_id) + ".";
    }
    detail += caller ? " It places the call." : " It takes the call.";
    return make_hop(HopKind::Pod, p.name, detail, p.ip);
}

// The ENI a VPC CNI pod's call leaves or enters through.
Hop eni_hop(const TrafficCampus& campus, const PodRef& p, Ipv4 source, bool leaving) {
    const std::string panel = panel_of(campus.cluster, p.node, p.eni_id);
    std::string detail = leaving
                             ? "The call leaves through " + panel + ", which holds " + p.name +
                                   "'s " + ip(p.ip) + "."
                             : "The call arrives at " + panel + ", which holds " + ip(p.ip) + ".";
    return make_hop(HopKind::Eni, room(p.node), detail, source);
}

Hop router_hop(Ipv4 source, std::string detail, Ipv4 outer = {}) {
    return make_hop(HopKind::VpcRouter, "router", std::move(detail), source, {}, outer);
}

std::string groups_text(const TrafficCampus& campus, const PodRef& from, bool same_node) {
    std::string s;
    const std::string r = room(from.node);
    if (campus.options.cni == Cni::Overlay) {
        s = "The security groups of " + r +
            " filter every call of its {desks}: the {overlaycni} cannot give one {desk} groups "
            "of its own.";
    } else if (campus.options.security_groups_for_pods) {
        s = from.name +
            "'s own security groups, on its {branch}, filter its calls; other {desks} "
            "in " +
            r + " can have other groups.";
    } else {
        s = "The security groups of " + r + "'s {panels} filter the call; every {desk} in " + r +
            " shares them (security groups for {desks} would give " + from.name + " its own).";
    }
    if (same_node) s += " This call never leaves " + r + ", so no security group sees it.";
    return s;
}

// An overlay CNI runs no ipamd: the node joins its subnet with its primary ENI and its own
// address only, and no warm pool follows.
// `at`: the node's address, or the subnet's next free one when it is unset.
Status add_overlay_node(Cluster& c, const std::string& name, const InstanceType& type,
                        const std::string& subnet_id, std::optional<Ipv4> at) {
    Subnet* home = find_subnet(c.vpc, subnet_id);
    if (home == nullptr) return make_error("The campus has no subnet '" + subnet_id + "'.");
    Result<Ipv4> own = at ? allocate_ip_at(*home, *at) : allocate_ip(*home);
    if (!own)
        return make_error(name + " cannot join " + subnet_id + ": " + own.error().message,
                          own.error().code);
    Node n;
    n.name = name;
    n.type = type;
    n.subnet_id = subnet_id;
    n.max_pods = ami_max_pods(type);
    Eni primary;
    primary.id = "eni-" + std::to_string(c.next_eni_id++);
    primary.subnet_id = subnet_id;
    primary.primary_ip = *own;
    n.enis.push_back(primary);
    c.nodes.push_back(std::move(n));
    record_event(c, name, EventKind::NodeAdded,
                 name + " (" + type.name + ") joined " + subnet_id + " with its own address " +
                     format_ipv4(*own) + " only: an overlay CNI takes no addresses for pods.");
    return Ok{};
}

}  // namespace

const PodRef* find_traffic_pod(const TrafficCampus& campus, std::string_view name) {
    return find_by(campus.pods, name, &PodRef::name);
}

const char* callee_label(Callee callee) {
    static constexpr EnumWord<Callee> kLabels[] = {
        {Callee::SameNode, "a {desk} in the same {room}"},
        {Callee::OtherNode, "a {desk} in another {room}"},
        {Callee::OtherSubnet, "a {desk} in another {building}"},
        {Callee::Rds, "RDS"},
        {Callee::ElastiCache, "ElastiCache"},
        {Callee::Peered, "a {peered}"},
        {Callee::Internet, "the internet"}};
    return word_for(kLabels, callee);
}

namespace {

// Each hop kind's name in the model's own words and what it is, in term tokens.
constexpr EnumNames<HopKind> kHopKinds[] = {
    {HopKind::Pod, "pod", "{desk}"},
    {HopKind::Node, "node", "{room}"},
    {HopKind::Eni, "eni", "{panel}"},
    {HopKind::VpcRouter, "vpc-router", "{campus} network"},
    {HopKind::NatGateway, "nat-gateway", "{natgw}"},
    {HopKind::InternetGateway, "internet-gateway", "{igw}"},
    {HopKind::Peering, "peering", "{peering}"},
    {HopKind::Service, "service", "service"},
    {HopKind::Internet, "internet", "internet"},
};

const EnumNames<HopKind>& hop_kind_words(HopKind kind) {
    const EnumNames<HopKind>* w = names_of(kHopKinds, kind);
    return w != nullptr ? *w : kHopKinds[0];
}

}  // namespace

const char* hop_kind_name(HopKind kind) {
    return hop_kind_words(kind).name;
}

const char* hop_kind_label(HopKind kind) {
    return hop_kind_words(kind).label;
}

Result<TrafficCampus> make_traffic_campus(const InstanceType& type, const TrafficOptions& options) {
    Result<Vpc> vpc = make_vpc(kVpcCidr);
    if (!vpc) return vpc.error();
    TrafficCampus t;
    t.options = options;
    t.cluster = make_cluster(std::move(vpc).value());
    for (const SubnetPlan& plan : kSubnets) {
        if (auto s = add_plan_subnet(t.cluster.vpc, plan); !s) return s.error();
    }
    const bool overlay = options.cni == Cni::Overlay;
    Result<Cidr> range = parse_cidr(kOverlayRange);
    if (!range) return range.error();
    t.overlay_range = *range;
    Result<std::vector<Cidr>> blocks = cidr_split(t.overlay_range, kOverlayBlockPrefix);
    if (!blocks) return blocks.error();

    // NAT gateway first (the public subnet), then the nodes and their pods.
    Result<Ipv4> nat = held_address(t.cluster, "subnet-public", "nat-gateway");
    if (!nat) return nat.error();
    t.nat_gateway = Endpoint{"{natgw}", subnet_where(t.cluster, "subnet-public"), *nat};
    Result<Ipv4> eip = parse_ipv4(kNatElasticIp);
    if (!eip) return eip.error();
    t.nat_public_ip = *eip;

    size_t index = 0;
    for (const NodePlan& plan : kNodes) {
        NodeDesc d;
        d.name = plan.name;
        d.type = type;
        d.subnet_id = plan.subnet;
        d.config.security_groups_for_pods = options.security_groups_for_pods && !overlay;
        const std::optional<Ipv4> at = index < options.node_ips.size()
                                           ? std::optional<Ipv4>(options.node_ips[index])
                                           : std::nullopt;
        if (auto s = overlay ? add_overlay_node(t.cluster, d.name, type, d.subnet_id, at)
                             : add_node(t.cluster, d);
            !s) {
            return s.error();
        }
        const Cidr block = (*blocks)[index];
        if (overlay) t.overlay_blocks.push_back(block);
        uint32_t next = kOverlayFirstPod;
        for (const char* pod_name : plan.pods) {
            PodRef r;
            r.name = pod_name;
            r.node = plan.name;
            r.subnet_id = plan.subnet;
            if (overlay) {
                r.ip = Ipv4{block.base + next++};
            } else {
                Result<Pod> pod = add_pod(t.cluster, plan.name, pod_name);
                if (!pod) return pod.error();
                r.ip = pod->ip;
                r.eni_id = pod->eni_id;
            }
            t.pods.push_back(r);
        }
        ++index;
    }

    Result<Ipv4> rds = held_address(t.cluster, "subnet-db", "rds");
    if (!rds) return rds.error();
    t.rds = Endpoint{"RDS", subnet_where(t.cluster, "subnet-db"), *rds};
    Result<Ipv4> cache = held_address(t.cluster, "subnet-db", "elasticache");
    if (!cache) return cache.error();
    t.elasticache = Endpoint{"ElastiCache", subnet_where(t.cluster, "subnet-db"), *cache};

    // The peered VPC is a VPC of its own; its server's address is allocated there.
    Result<Vpc> peer = make_vpc(kPeerVpc);
    if (!peer) return peer.error();
    if (auto s = add_plan_subnet(peer.value(), kPeerSubnet); !s) return s.error();
    Result<Ipv4> peer_ip = allocate_ip(peer.value().subnets.front());
    if (!peer_ip) return peer_ip.error();
    t.peer_cidr = peer->cidrs.front();
    t.peer = Endpoint{"server", "the {peered} " + format_cidr(t.peer_cidr), *peer_ip};

    Result<Ipv4> server = parse_ipv4(kInternetServer);
    if (!server) return server.error();
    t.internet = Endpoint{"web server", "the internet", *server};
    return t;
}

Result<PodRef> callee_pod(const TrafficCampus& campus, std::string_view caller, Callee callee) {
    const PodRef* from = find_traffic_pod(campus, caller);
    if (from == nullptr) {
        return make_error("There is no {desk} named '" + std::string(caller) +
                          "'; the {desks} are " + pod_names(campus) + ".");
    }
    for (const PodRef& p : campus.pods) {
        if (p.name == from->name) continue;
        const bool same_node = p.node == from->node;
        const bool same_subnet = p.subnet_id == from->subnet_id;
        if ((callee == Callee::SameNode && same_node) ||
            (callee == Callee::OtherNode && !same_node && same_subnet) ||
            (callee == Callee::OtherSubnet && !same_subnet)) {
            return p;
        }
    }
    if (callee == Callee::SameNode || callee == Callee::OtherNode ||
        callee == Callee::OtherSubnet) {
        return make_error(std::string("The {campus} has no {desk} that is ") +
                          callee_label(callee) + " for " + from->name + ".");
    }
    return make_error(std::string(callee_label(callee)) + " is a service, not a {desk}.");
}

bool vpc_cni_snats(const Vpc& vpc, Ipv4 destination, const SnatSettings& snat,
                   bool pod_has_security_groups) {
    if (in_vpc(vpc, destination)) return false;
    if (snat.external_snat || pod_has_security_groups) return false;
    return std::none_of(snat.exclude_cidrs.begin(), snat.exclude_cidrs.end(),
                        [&](const Cidr& c) { return cidr_contains(c, destination); });
}

Result<std::vector<Cidr>> parse_exclude_snat_cidrs(std::string_view text) {
    std::vector<Cidr> out;
    if (trim(text).empty()) return out;
    size_t start = 0;
    while (start <= text.size()) {
        size_t comma = text.find(',', start);
        if (comma == std::string_view::npos) comma = text.size();
        const std::string item = trim(text.substr(start, comma - start));
        if (item.empty()) {
            return make_error("AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS has an empty entry: '" +
                              std::string(text) + "'.");
        }
        Result<Cidr> c = parse_cidr(item);
        if (!c) {
            return make_error("AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS: " + c.error().message);
        }
        out.push_back(*c);
        start = comma + 1;
    }
    return out;
}

std::vector<Cidr> exclude_snat_choices(const TrafficCampus& campus) {
    std::vector<Cidr> out{campus.peer_cidr};
    Result<Cidr> block = parse_cidr(kInternetBlock);
    if (block) out.push_back(*block);
    return out;
}

namespace {

// What the caller carries into every trace: its pod, its node, and the words for its own
// address.
struct Caller {
    const PodRef* pod = nullptr;
    const Node* node = nullptr;
    Ipv4 node_ip;
    bool overlay = false;
    bool own_groups = false;
    std::string own_ip;  // "the {desk}'s own {ext}" or "the {desk}'s private {num}"
};

// A pod to a pod: on the same node, across the VPC, or wrapped by an overlay.
Result<TrafficPath> trace_to_pod(const TrafficCampus& campus, const Caller& c, Callee callee,
                                 TrafficPath p) {
    const PodRef& from = *c.pod;
    Result<PodRef> to = callee_pod(campus, from.name, callee);
    if (!to) return to.error();
    p.callee_name = to->name;
    p.callee_ip = to->ip;
    p.inside_vpc = in_vpc(campus.cluster.vpc, to->ip);
    p.seen_source = from.ip;
    p.seen_as = c.own_ip;
    p.security_groups = groups_text(campus, from, callee == Callee::SameNode);
    const std::string r = room(from.node);
    if (callee == Callee::SameNode) {
        p.hops.push_back(make_hop(HopKind::Node, r,
                                  r + " passes the call from " + from.name + " to " + to->name +
                                      ": it never reaches the {campus}'s network.",
                                  from.ip));
        p.verdict =
            "Direct inside " + r + ": " + to->name + " sees " + ip(from.ip) + ", " + c.own_ip + ".";
    } else if (c.overlay) {
        const Node* far = find_node(campus.cluster, to->node);
        const Ipv4 far_ip = far != nullptr ? far->enis.front().primary_ip : Ipv4{};
        const std::string fr = room(to->node);
        p.encapsulated = true;
        p.hops.push_back(make_hop(
            HopKind::Node, r,
            "The {switchboard} in " + r + " wraps the call in an envelope from " + ip(c.node_ip) +
                " to " + ip(far_ip) + ": the {campus} only carries {room} {nums}.",
            from.ip, "wraps the call in an envelope from " + ip(c.node_ip) + " to " + ip(far_ip),
            c.node_ip));
        p.hops.push_back(router_hop(from.ip,
                                    "The {campus} router sees a call from " + ip(c.node_ip) +
                                        " to " + ip(far_ip) +
                                        ", two {rooms}; the {desks} inside are invisible to it.",
                                    c.node_ip));
        p.hops.push_back(make_hop(
            HopKind::Node, fr,
            "The {switchboard} in " + fr + " unwraps the call and hands it to " + to->name + ".",
            from.ip, "unwraps the call"));
        p.verdict = "Wrapped by the {switchboard}: " + to->name + " sees " + ip(from.ip) + ", " +
                    c.own_ip + "; the {campus} in between only sees the {rooms}' " + ip(c.node_ip) +
                    " and " + ip(far_ip) + ".";
    } else {
        p.hops.push_back(eni_hop(campus, from, from.ip, true));
        p.hops.push_back(router_hop(from.ip, "The {campus} router delivers " + ip(from.ip) +
                                                 " -> " + ip(to->ip) +
                                                 " like any other call: both are real {campus} "
                                                 "{nums}."));
        p.hops.push_back(eni_hop(campus, *to, from.ip, false));
        p.verdict = "Direct: " + to->name + " sees " + ip(from.ip) + ", " + c.own_ip + ".";
    }
    p.hops.push_back(pod_hop(campus, *to, false));
    p.hops.back().source = p.seen_source;  // the callee sees the caller's address
    return p;
}

const Endpoint& service(const TrafficCampus& campus, Callee callee) {
    switch (callee) {
        case Callee::Rds:
            return campus.rds;
        case Callee::ElastiCache:
            return campus.elasticache;
        case Callee::Peered:
            return campus.peer;
        default:
            return campus.internet;
    }
}

// The first hop of a call to a service: the node swaps the source or leaves it alone.
Hop leaving_hop(const TrafficCampus& campus, const Caller& c, const TrafficPath& p,
                const Endpoint& target, const SnatSettings& snat) {
    const PodRef& from = *c.pod;
    const std::string r = room(from.node);
    if (p.node_snat && c.overlay) {
        return make_hop(HopKind::Node, r,
                        "The {switchboard} in " + r + " swaps the private {num} " + ip(from.ip) +
                            " for the {room}'s own " + ip(c.node_ip) +
                            ": the {campus} cannot route private {nums}.",
                        c.node_ip, "swaps the caller " + ip(from.ip) + " for " + ip(c.node_ip));
    }
    if (p.node_snat) {
        return make_hop(HopKind::Eni, r,
                        r + " swaps the caller ({snat}): " + ip(target.ip) +
                            " is outside the {campus}, so the call goes out from the {mainext} " +
                            ip(c.node_ip) + ", through " + r + "'s {firstpanel}.",
                        c.node_ip, "swaps the caller " + ip(from.ip) + " for " + ip(c.node_ip));
    }
    Hop h = eni_hop(campus, from, from.ip, true);
    if (!p.inside_vpc) {
        std::string reason;
        if (c.own_groups) {
            reason = from.name +
                     " has its own security groups, so its caller stays as it is for "
                     "them to apply";
        } else if (snat.external_snat) {
            reason = "AWS_VPC_K8S_CNI_EXTERNALSNAT=true: " + r + " leaves the caller alone";
        } else {
            reason = "the destination is in AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS: " + r +
                     " leaves the caller alone";
        }
        h.detail += " No {snat}: " + reason + ".";
    }
    return h;
}

// What the call passes between the node and the service; returns what the service sees.
Ipv4 service_hops(const TrafficCampus& campus, Callee callee, const Endpoint& target,
                  Ipv4 after_node, TrafficPath& p) {
    if (callee == Callee::Rds || callee == Callee::ElastiCache) {
        p.hops.push_back(router_hop(after_node,
                                    "The {campus} router delivers the call inside the "
                                    "{campus}: " +
                                        target.name + " is at " + ip(target.ip) + " in " +
                                        target.where + "."));
        return after_node;
    }
    if (callee == Callee::Peered) {
        p.hops.push_back(router_hop(
            after_node,
            "The route table sends " + format_cidr(campus.peer_cidr) + " to the {peering}."));
        p.hops.push_back(make_hop(
            HopKind::Peering, "{peered}",
            "The {peering} carries the call as it is to " + target.where + ".", after_node));
        return after_node;
    }
    p.hops.push_back(router_hop(after_node,
                                "The private {building}'s route table sends 0.0.0.0/0 to the "
                                "{natgw} in " +
                                    campus.nat_gateway.where + "."));
    p.hops.push_back(
        make_hop(HopKind::NatGateway, "public {building}",
                 "The {natgw} (" + ip(campus.nat_gateway.ip) + ") swaps any caller for its {eip} " +
                     ip(campus.nat_public_ip) + ".",
                 campus.nat_public_ip,
                 "swaps the caller " + ip(after_node) + " for " + ip(campus.nat_public_ip)));
    p.hops.push_back(make_hop(HopKind::InternetGateway, "to the internet",
                              "The {igw} joins the {campus} to the internet.",
                              campus.nat_public_ip));
    return campus.nat_public_ip;
}

// The verdict of a call to a service, once the hops are known.
void service_verdict(const Caller& c, const Endpoint& target, bool natgw, TrafficPath& p) {
    const std::string r = room(c.pod->node);
    const std::string seen = ip(p.seen_source);
    if (natgw) {
        p.seen_as = "the {natgw}'s {eip}";
        p.verdict = p.node_snat
                        ? "Swapped twice: " + r + " puts in its {mainext} " + ip(c.node_ip) +
                              ", then the {natgw} its {eip}: the " + target.name + " sees " + seen +
                              "."
                        : "Swapped once, by the {natgw}: the " + target.name + " sees " + seen +
                              "; " + r + " left " + c.own_ip + " " + ip(c.pod->ip) + " alone.";
    } else if (p.node_snat) {
        p.seen_as = "the {mainext} (" + r + ")";
        p.verdict = (c.overlay ? "Swapped at the {switchboard}: " : "{snat} in " + r + ": ") +
                    target.name + " sees " + seen + ", " + p.seen_as + ", not " + c.own_ip + " " +
                    ip(c.pod->ip) + ".";
    } else {
        p.seen_as = c.own_ip;
        p.verdict = "Direct: " + target.name + " sees " + seen + ", " + c.own_ip + ".";
    }
}

// A pod to a service: in the VPC (RDS, ElastiCache) or outside it (peer, internet).
TrafficPath trace_to_service(const TrafficCampus& campus, const Caller& c, Callee callee,
                             const SnatSettings& snat, TrafficPath p) {
    const Endpoint& target = service(campus, callee);
    p.callee_name = target.name;
    p.callee_ip = target.ip;
    p.inside_vpc = in_vpc(campus.cluster.vpc, target.ip);
    p.security_groups = groups_text(campus, *c.pod, false);
    p.node_snat = c.overlay || vpc_cni_snats(campus.cluster.vpc, target.ip, snat, c.own_groups);
    const Ipv4 after_node = p.node_snat ? c.node_ip : c.pod->ip;
    p.hops.push_back(leaving_hop(campus, c, p, target, snat));
    p.seen_source = service_hops(campus, callee, target, after_node, p);
    p.hops.push_back(make_hop(callee == Callee::Internet ? HopKind::Internet : HopKind::Service,
                              target.name,
                              target.name + " at " + ip(target.ip) + " in " + target.where +
                                  " sees the call coming from " + ip(p.seen_source) + ".",
                              p.seen_source));
    const bool natgw = callee == Callee::Internet;
    const std::string r = room(c.pod->node);
    p.translated = p.node_snat || natgw;
    if (p.node_snat && natgw) {
        p.translated_by = r + ", then the {natgw}";
    } else if (natgw) {
        p.translated_by = "the {natgw}";
    } else if (p.node_snat) {
        p.translated_by = c.overlay ? "the {switchboard} in " + r : r;
    }
    service_verdict(c, target, natgw, p);
    return p;
}

}  // namespace

Result<TrafficPath> trace_call(const TrafficCampus& campus, std::string_view caller, Callee callee,
                               const SnatSettings& snat) {
    Caller c;
    c.pod = find_traffic_pod(campus, caller);
    if (c.pod == nullptr) {
        return make_error("There is no {desk} named '" + std::string(caller) +
                          "'; the {desks} are " + pod_names(campus) + ".");
    }
    c.node = find_node(campus.cluster, c.pod->node);
    if (c.node == nullptr || c.node->enis.empty()) {
        return make_error("The {campus} has no " + room(c.pod->node) + " for " + c.pod->name + ".");
    }
    c.node_ip = c.node->enis.front().primary_ip;
    c.overlay = campus.options.cni == Cni::Overlay;
    c.own_groups = !c.overlay && campus.options.security_groups_for_pods;
    c.own_ip = c.overlay ? "the {desk}'s private {num}" : "the {desk}'s own {ext}";

    TrafficPath p;
    p.cni = campus.options.cni;
    p.callee = callee;
    p.caller = c.pod->name;
    p.caller_ip = c.pod->ip;
    p.sg_per_pod = c.own_groups;
    p.hops.push_back(pod_hop(campus, *c.pod, true));
    if (callee == Callee::SameNode || callee == Callee::OtherNode ||
        callee == Callee::OtherSubnet) {
        return trace_to_pod(campus, c, callee, std::move(p));
    }
    return trace_to_service(campus, c, callee, snat, std::move(p));
}

Result<CniAddressUse> address_use(const InstanceType& type, int nodes, Cni cni) {
    if (nodes < 1 || nodes > kMaxAddressUseNodes) {
        return make_error("Choose between 1 and " + std::to_string(kMaxAddressUseNodes) +
                          " nodes, got " + std::to_string(nodes) + ".");
    }
    Result<Vpc> vpc = make_vpc(kVpcCidr);
    if (!vpc) return vpc.error();
    if (auto s = add_plan_subnet(vpc.value(), kNodesSubnet); !s) return s.error();
    Cluster c = make_cluster(std::move(vpc).value());

    CniAddressUse u;
    u.cni = cni;
    u.nodes = nodes;
    u.pods_per_node = std::max(ami_max_pods(type) - kHostNetworkPods, 0);
    if (static_cast<long long>(nodes) * u.pods_per_node > kMaxAddressUsePods) {
        const long long most =
            std::max<long long>(1, kMaxAddressUsePods / std::max(1, u.pods_per_node));
        return make_error(std::to_string(nodes) + " " + type.name + " nodes would run " +
                          std::to_string(static_cast<long long>(nodes) * u.pods_per_node) +
                          " pods; the model runs at most " + std::to_string(kMaxAddressUsePods) +
                          " at once: choose " + std::to_string(most) + " nodes or fewer.");
    }
    for (int i = 0; i < nodes; ++i) {
        NodeDesc d;
        d.name = "node-" + std::to_string(i + 1);
        d.type = type;
        d.subnet_id = kNodesSubnet.id;
        if (auto s = cni == Cni::Overlay
                         ? add_overlay_node(c, d.name, type, d.subnet_id, std::nullopt)
                         : add_node(c, d);
            !s) {
            return s.error();
        }
        for (int k = 0; k < u.pods_per_node; ++k) {
            if (cni == Cni::Overlay) {
                ++u.pods;
                ++u.overlay_addresses;
            } else if (add_pod(c, d.name).ok()) {
                ++u.pods;
            }
        }
    }
    u.vpc_addresses = static_cast<long long>(used_addresses(c.vpc.subnets.front()));
    return u;
}

}  // namespace core
