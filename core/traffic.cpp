// traffic.cpp: the example campus and the path of one call (see traffic.h).
#include "traffic.h"

#include <algorithm>

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
    {"subnet-public", "Public", "us-east-1a", "10.0.0.0/24"},
    {"subnet-a", "Building A", "us-east-1a", "10.0.1.0/24"},
    {"subnet-b", "Building B", "us-east-1b", "10.0.2.0/24"},
    {"subnet-db", "Databases", "us-east-1a", "10.0.3.0/24"},
};

struct NodePlan {
    const char* name;
    const char* subnet;
    const char* pods[2];
};
constexpr NodePlan kNodes[] = {
    {"node-a1", "subnet-a", {"web-1", "web-2"}},
    {"node-a2", "subnet-a", {"api-1", "api-2"}},
    {"node-b1", "subnet-b", {"jobs-1", "jobs-2"}},
    {"node-b2", "subnet-b", {"cart-1", "cart-2"}},
};

constexpr const char* kOverlayRange = "172.16.0.0/16";  // the overlay's private pod range
constexpr int kOverlayBlockPrefix = 24;                 // one block per node
constexpr uint32_t kOverlayFirstPod = 2;                // .1 is the node's bridge
constexpr const char* kPeerVpc = "192.168.0.0/16";
constexpr const char* kPeerSubnet = "192.168.10.0/24";
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

std::string subnet_where(const Cluster& c, const std::string& id) {
    const Subnet* s = find_subnet(c.vpc, id);
    if (s == nullptr) return id;
    return s->id + " (" + s->name + ", " + format_cidr(s->cidr) + ")";
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

Hop make_hop(const char* kind, std::string name, std::string detail, Ipv4 source,
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
    std::string detail = "{desk} " + p.name + " on {room} " + p.node + ": ";
    if (campus.options.cni == Cni::Overlay) {
        detail += "overlay {num} " + ip(p.ip) + " from " + p.node + "'s block of " +
                  format_cidr(campus.overlay_range) + ", which the {campus} never sees.";
    } else {
        detail += "{ext} " + ip(p.ip) + " on " + p.eni_id + ", from " +
                  subnet_where(campus.cluster, p.subnet_id) + ".";
    }
    detail += caller ? " It places the call." : " It takes the call.";
    return make_hop("pod", p.name, detail, p.ip);
}

// The ENI a VPC CNI pod's call leaves or enters through.
Hop eni_hop(const PodRef& p, Ipv4 source, bool leaving) {
    std::string detail = leaving ? "The call leaves {room} " + p.node + " through " + p.eni_id +
                                       ", the {panel} that holds " + p.name + "'s " + ip(p.ip) + "."
                                 : "The call arrives at " + p.eni_id + " of {room} " + p.node +
                                       ", the {panel} that holds " + ip(p.ip) + ".";
    return make_hop("eni", p.node + " " + p.eni_id, detail, source);
}

Hop router_hop(Ipv4 source, std::string detail, Ipv4 outer = {}) {
    return make_hop("vpc-router", "VPC router", std::move(detail), source, {}, outer);
}

std::string groups_text(const TrafficCampus& campus, const PodRef& from, bool same_node) {
    std::string s;
    if (campus.options.cni == Cni::Overlay) {
        s = "The security groups of {room} " + from.node +
            " filter every call of its {desks}: an "
            "overlay cannot give one {desk} groups of its own.";
    } else if (campus.options.security_groups_for_pods) {
        s = from.name +
            "'s own security groups, on its {branch}, filter its calls; other {desks} "
            "on " +
            from.node + " can have other groups.";
    } else {
        s = "The security groups of " + from.node +
            "'s {panels} filter the call; every {desk} on " + from.node +
            " shares them (security groups for pods would give " + from.name + " its own).";
    }
    if (same_node) {
        s += " This call never leaves " + from.node + ", so no security group sees it.";
    }
    return s;
}

// An overlay CNI runs no ipamd: the node joins its subnet with its primary ENI and its own
// address only, and no warm pool follows.
Status add_overlay_node(Cluster& c, const std::string& name, const InstanceType& type,
                        const std::string& subnet_id) {
    Subnet* home = find_subnet(c.vpc, subnet_id);
    if (home == nullptr) return make_error("The campus has no subnet '" + subnet_id + "'.");
    Result<Ipv4> own = allocate_ip(*home);
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
    record_event(c, name, "node-added",
                 name + " (" + type.name + ") joined " + subnet_id + " with its own address " +
                     format_ipv4(*own) + " only: an overlay CNI takes no addresses for pods.");
    return Ok{};
}

}  // namespace

const PodRef* find_traffic_pod(const TrafficCampus& campus, std::string_view name) {
    for (const PodRef& p : campus.pods) {
        if (p.name == name) return &p;
    }
    return nullptr;
}

const char* callee_label(Callee callee) {
    switch (callee) {
        case Callee::SameNode:
            return "a {desk} in the same {room}";
        case Callee::OtherNode:
            return "a {desk} in another {room}";
        case Callee::OtherSubnet:
            return "a {desk} in another {building}";
        case Callee::Rds:
            return "RDS";
        case Callee::ElastiCache:
            return "ElastiCache";
        case Callee::Peered:
            return "a peered VPC / on-premises";
        case Callee::Internet:
            return "the internet";
    }
    return "";
}

const char* cni_label(Cni cni) {
    return cni == Cni::Vpc ? "{vpccni}" : "{overlaycni}";
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
    t.nat_gateway = Endpoint{"NAT gateway", subnet_where(t.cluster, "subnet-public"), *nat};
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
        if (auto s = overlay ? add_overlay_node(t.cluster, d.name, type, d.subnet_id)
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
    SubnetDesc ps;
    ps.id = "subnet-peer";
    ps.name = "Peered servers";
    ps.cidr = kPeerSubnet;
    if (auto s = add_subnet(peer.value(), ps); !s) return s.error();
    Result<Ipv4> peer_ip = allocate_ip(peer.value().subnets.front());
    if (!peer_ip) return peer_ip.error();
    t.peer_cidr = peer->cidrs.front();
    t.peer = Endpoint{"peered server", "peered VPC " + format_cidr(t.peer_cidr), *peer_ip};

    Result<Ipv4> server = parse_ipv4(kInternetServer);
    if (!server) return server.error();
    t.internet = Endpoint{"internet server", "the internet", *server};
    return t;
}

Result<PodRef> callee_pod(const TrafficCampus& campus, std::string_view caller, Callee callee) {
    const PodRef* from = find_traffic_pod(campus, caller);
    if (from == nullptr) {
        return make_error("There is no pod named '" + std::string(caller) + "'; the pods are " +
                          pod_names(campus) + ".");
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
        return make_error(std::string("The campus has no pod that is ") + callee_label(callee) +
                          " for " + from->name + ".");
    }
    return make_error(std::string(callee_label(callee)) + " is a service, not a pod.");
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

Result<TrafficPath> trace_call(const TrafficCampus& campus, std::string_view caller, Callee callee,
                               const SnatSettings& snat) {
    const PodRef* from = find_traffic_pod(campus, caller);
    if (from == nullptr) {
        return make_error("There is no pod named '" + std::string(caller) + "'; the pods are " +
                          pod_names(campus) + ".");
    }
    const Node* node = find_node(campus.cluster, from->node);
    if (node == nullptr || node->enis.empty()) {
        return make_error("The campus has no node '" + from->node + "' for " + from->name + ".");
    }
    const Ipv4 node_ip = node->enis.front().primary_ip;
    const bool overlay = campus.options.cni == Cni::Overlay;
    const bool own_groups = !overlay && campus.options.security_groups_for_pods;
    const Vpc& vpc = campus.cluster.vpc;

    TrafficPath p;
    p.cni = campus.options.cni;
    p.callee = callee;
    p.caller = from->name;
    p.caller_ip = from->ip;
    p.sg_per_pod = own_groups;
    p.hops.push_back(pod_hop(campus, *from, true));
    const std::string own_ip = overlay ? "the {desk}'s overlay {num}" : "the {desk}'s own {ext}";

    // Pod to pod.
    if (callee == Callee::SameNode || callee == Callee::OtherNode ||
        callee == Callee::OtherSubnet) {
        Result<PodRef> to = callee_pod(campus, caller, callee);
        if (!to) return to.error();
        p.callee_name = to->name;
        p.callee_ip = to->ip;
        p.inside_vpc = in_vpc(vpc, to->ip);
        p.seen_source = from->ip;
        p.seen_as = own_ip;
        p.security_groups = groups_text(campus, *from, callee == Callee::SameNode);
        if (callee == Callee::SameNode) {
            p.hops.push_back(make_hop(
                "node", node->name,
                "{room} " + node->name + " passes the call from " + from->name + " to " + to->name +
                    (overlay ? " across its bridge" : " between their veth pairs") +
                    ": it never reaches the {campus}'s network.",
                from->ip));
            p.verdict = "Direct inside the {room}: " + to->name + " sees " + ip(from->ip) + ", " +
                        own_ip + ".";
        } else if (overlay) {
            const Node* far = find_node(campus.cluster, to->node);
            const Ipv4 far_ip = far != nullptr ? far->enis.front().primary_ip : Ipv4{};
            p.encapsulated = true;
            p.hops.push_back(make_hop(
                "node", node->name,
                "The {switchboard} on " + node->name + " wraps the call in a packet from " +
                    ip(node_ip) + " to " + ip(far_ip) +
                    " (VXLAN): the {campus} only carries "
                    "{room} {nums}.",
                from->ip, "wrapped: outer " + ip(node_ip) + " -> " + ip(far_ip), node_ip));
            p.hops.push_back(router_hop(from->ip,
                                        "The VPC router sees " + ip(node_ip) + " -> " + ip(far_ip) +
                                            ", two {rooms}; the {desks} inside "
                                            "are invisible to it.",
                                        node_ip));
            p.hops.push_back(make_hop("node", to->node,
                                      "The {switchboard} on " + to->node +
                                          " unwraps the call and hands it to " + to->name + ".",
                                      from->ip, "unwrapped"));
            p.verdict = "Wrapped by the {switchboard}: " + to->name + " sees " + ip(from->ip) +
                        ", " + own_ip + "; the {campus} in between only sees the {rooms}' " +
                        ip(node_ip) + " and " + ip(far_ip) + ".";
        } else {
            p.hops.push_back(eni_hop(*from, from->ip, true));
            p.hops.push_back(router_hop(
                from->ip, "The VPC router delivers " + ip(from->ip) + " -> " + ip(to->ip) +
                              " like any other VPC traffic: both are real {campus} {nums}."));
            p.hops.push_back(eni_hop(*to, from->ip, false));
            p.verdict = "Direct: " + to->name + " sees " + ip(from->ip) + ", " + own_ip + ".";
        }
        p.hops.push_back(pod_hop(campus, *to, false));
        p.hops.back().source = p.seen_source;  // the callee sees the caller's address
        return p;
    }

    // Pod to a service: in the VPC (RDS, ElastiCache) or outside it (peer, internet).
    const Endpoint* target = nullptr;
    switch (callee) {
        case Callee::Rds:
            target = &campus.rds;
            break;
        case Callee::ElastiCache:
            target = &campus.elasticache;
            break;
        case Callee::Peered:
            target = &campus.peer;
            break;
        default:
            target = &campus.internet;
            break;
    }
    p.callee_name = target->name;
    p.callee_ip = target->ip;
    p.inside_vpc = in_vpc(vpc, target->ip);
    p.security_groups = groups_text(campus, *from, false);
    p.node_snat = overlay || vpc_cni_snats(vpc, target->ip, snat, own_groups);
    const Ipv4 after_node = p.node_snat ? node_ip : from->ip;

    if (p.node_snat) {
        const Eni& primary = node->enis.front();
        const std::string why =
            overlay ? "The {switchboard} on " + node->name + " rewrites the overlay {num} " +
                          ip(from->ip) + " to the {room}'s own " + ip(node_ip) +
                          ": the {campus} cannot route overlay {nums}."
                    : node->name + " applies {snat}: " + ip(target->ip) +
                          " is outside the VPC's CIDRs and not excluded, so the source becomes "
                          "the {mainext} " +
                          ip(node_ip) + " and the call leaves through the primary {panel} " +
                          primary.id + ".";
        p.hops.push_back(make_hop(overlay ? "node" : "eni",
                                  overlay ? node->name : node->name + " " + primary.id, why,
                                  node_ip, "source " + ip(from->ip) + " -> " + ip(node_ip)));
    } else {
        Hop h = eni_hop(*from, from->ip, true);
        if (!p.inside_vpc) {
            std::string reason;
            if (own_groups) {
                reason = from->name +
                         " has its own security groups, so EKS leaves its source "
                         "alone for them to apply";
            } else if (snat.external_snat) {
                reason = "AWS_VPC_K8S_CNI_EXTERNALSNAT=true: the node leaves the source alone";
            } else {
                reason =
                    "the destination is in AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS: the node "
                    "leaves the source alone";
            }
            h.detail += " No {snat}: " + reason + ".";
        }
        p.hops.push_back(h);
    }

    Ipv4 seen = after_node;
    if (callee == Callee::Rds || callee == Callee::ElastiCache) {
        p.hops.push_back(router_hop(after_node,
                                    "The VPC router delivers the call inside the "
                                    "{campus}: " +
                                        target->name + " is at " + ip(target->ip) + " in " +
                                        target->where + "."));
    } else if (callee == Callee::Peered) {
        p.hops.push_back(router_hop(after_node, "The route table sends " +
                                                    format_cidr(campus.peer_cidr) +
                                                    " to the VPC peering connection."));
        p.hops.push_back(
            make_hop("peering", "VPC peering",
                     "The peering connection carries the call unchanged to " + target->where + ".",
                     after_node));
    } else {
        p.hops.push_back(router_hop(after_node,
                                    "The route table of the private subnet sends "
                                    "0.0.0.0/0 to the {natgw} in " +
                                        campus.nat_gateway.where + "."));
        p.hops.push_back(make_hop(
            "nat-gateway", "NAT gateway",
            "The {natgw} (" + ip(campus.nat_gateway.ip) + ") swaps any source for its Elastic IP " +
                ip(campus.nat_public_ip) + ".",
            campus.nat_public_ip, "source " + ip(after_node) + " -> " + ip(campus.nat_public_ip)));
        p.hops.push_back(make_hop("internet-gateway", "internet gateway",
                                  "The internet gateway connects the VPC to the internet.",
                                  campus.nat_public_ip));
        seen = campus.nat_public_ip;
    }
    p.hops.push_back(make_hop(callee == Callee::Internet ? "internet" : "service", target->name,
                              target->name + " at " + ip(target->ip) + " in " + target->where +
                                  " sees the call coming from " + ip(seen) + ".",
                              seen));
    p.seen_source = seen;
    const bool natgw = callee == Callee::Internet;
    p.translated = p.node_snat || natgw;
    if (p.node_snat && natgw) {
        p.translated_by = node->name + ", then the {natgw}";
    } else if (natgw) {
        p.translated_by = "the {natgw}";
    } else if (p.node_snat) {
        p.translated_by = overlay ? "the {switchboard} on " + node->name : node->name;
    }

    if (natgw) {
        p.seen_as = "the {natgw}'s Elastic IP";
        if (p.node_snat) {
            p.verdict = "Translated twice: " + node->name + " swaps in the {mainext} " +
                        ip(node_ip) + ", then the {natgw} its Elastic IP: the " + target->name +
                        " sees " + ip(seen) + ".";
        } else {
            p.verdict = "Translated once, by the {natgw}: the " + target->name + " sees " +
                        ip(seen) + "; " + node->name + " left " + own_ip + " " + ip(from->ip) +
                        " alone.";
        }
    } else if (p.node_snat) {
        p.seen_as = "the {mainext} (" + node->name + ")";
        p.verdict = std::string(overlay ? "Translated at the {switchboard}: "
                                        : "{snat} at " + node->name + ": ") +
                    target->name + " sees " + ip(seen) + ", " + p.seen_as + ", not " + own_ip +
                    " " + ip(from->ip) + ".";
    } else {
        p.seen_as = own_ip;
        p.verdict = "Direct: " + target->name + " sees " + ip(seen) + ", " + own_ip + ".";
    }
    return p;
}

Result<CniAddressUse> address_use(const InstanceType& type, int nodes, Cni cni) {
    if (nodes < 1 || nodes > kMaxAddressUseNodes) {
        return make_error("Choose between 1 and " + std::to_string(kMaxAddressUseNodes) +
                          " nodes, got " + std::to_string(nodes) + ".");
    }
    Result<Vpc> vpc = make_vpc(kVpcCidr);
    if (!vpc) return vpc.error();
    SubnetDesc sd;
    sd.id = "subnet-nodes";
    sd.name = "Nodes";
    sd.cidr = kVpcCidr;
    if (auto s = add_subnet(vpc.value(), sd); !s) return s.error();
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
        d.subnet_id = sd.id;
        if (auto s = cni == Cni::Overlay ? add_overlay_node(c, d.name, type, d.subnet_id)
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
