// traffic_test.cpp: the example campus is built from real allocations, and every caller /
// callee / CNI / SNAT combination that changes the answer gives the source address, the
// translations and the security-group scope the facts file ("Traffic") says it should.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "test_support.h"
#include "traffic.h"

using namespace core;

namespace {

Ipv4 addr(const char* text) {
    Result<Ipv4> a = parse_ipv4(text);
    REQUIRE(a.ok());
    return *a;
}

Cidr block(const char* text) {
    Result<Cidr> c = parse_cidr(text);
    REQUIRE(c.ok());
    return *c;
}

TrafficCampus campus(Cni cni = Cni::Vpc, bool sgp = false, const char* type = "m5.large") {
    TrafficOptions o;
    o.cni = cni;
    o.security_groups_for_pods = sgp;
    Result<TrafficCampus> t = make_traffic_campus(test_type(type), o);
    REQUIRE_MESSAGE(t.ok(), (t.ok() ? "" : t.error().message));
    return std::move(t).value();
}

TrafficPath trace(const TrafficCampus& t, const char* caller, Callee callee,
                  const SnatSettings& snat = {}) {
    Result<TrafficPath> p = trace_call(t, caller, callee, snat);
    REQUIRE_MESSAGE(p.ok(), (p.ok() ? "" : p.error().message));
    return std::move(p).value();
}

Ipv4 node_ip(const TrafficCampus& t, const char* node) {
    const Node* n = find_node(t.cluster, node);
    REQUIRE(n != nullptr);
    return n->enis.front().primary_ip;
}

std::string kinds(const TrafficPath& p) {
    std::string s;
    for (const Hop& h : p.hops)
        s += (s.empty() ? "" : ",") + std::string(hop_kind_name(h.kind));
    return s;
}

}  // namespace

TEST_CASE("the VPC CNI campus: nodes and pods hold real addresses of their subnets") {
    const TrafficCampus t = campus();
    CHECK(check_invariants(t.cluster).ok());
    REQUIRE(t.pods.size() == 8);
    // Lowest-free allocation: .0-.3 are reserved, A1 takes .4, its pods .5 and .6.
    CHECK(node_ip(t, "A1") == addr("10.0.1.4"));
    CHECK(find_traffic_pod(t, "web-1")->ip == addr("10.0.1.5"));
    CHECK(find_traffic_pod(t, "web-2")->ip == addr("10.0.1.6"));
    std::set<uint32_t> seen;
    for (const PodRef& p : t.pods) {
        const Node* n = find_node(t.cluster, p.node);
        REQUIRE(n != nullptr);
        const Pod* pod = find_pod(*n, p.name);
        REQUIRE(pod != nullptr);
        CHECK(pod->ip == p.ip);
        CHECK(pod->eni_id == p.eni_id);
        CHECK(cidr_contains(find_subnet(t.cluster.vpc, p.subnet_id)->cidr, p.ip));
        CHECK(seen.insert(p.ip.value).second);
    }
    CHECK(t.rds.ip == addr("10.0.3.4"));
    CHECK(t.elasticache.ip == addr("10.0.3.5"));
    CHECK(t.nat_gateway.ip == addr("10.0.0.4"));
    CHECK(t.peer.ip == addr("192.168.10.4"));
    CHECK(cidr_contains(t.peer_cidr, t.peer.ip));
    CHECK_FALSE(cidr_contains(t.cluster.vpc.cidrs.front(), t.internet.ip));
}

TEST_CASE("the overlay campus: nodes hold only their own address, pods overlay addresses") {
    const TrafficCampus t = campus(Cni::Overlay);
    CHECK(check_invariants(t.cluster).ok());
    for (const Node& n : t.cluster.nodes) {
        CHECK(n.enis.size() == 1);
        CHECK(n.enis.front().ips.empty());
        CHECK(n.pods.empty());
    }
    CHECK(used_addresses(*find_subnet(t.cluster.vpc, "subnet-a")) == 2);
    CHECK(node_ip(t, "A2") == addr("10.0.1.5"));
    REQUIRE(t.overlay_blocks.size() == 4);
    CHECK(t.overlay_blocks[1] == block("172.16.1.0/24"));
    CHECK(find_traffic_pod(t, "web-1")->ip == addr("172.16.0.2"));
    CHECK(find_traffic_pod(t, "api-2")->ip == addr("172.16.1.3"));
    for (const PodRef& p : t.pods) {
        CHECK(cidr_contains(t.overlay_range, p.ip));
        CHECK(p.eni_id.empty());
        for (const Cidr& c : t.cluster.vpc.cidrs)
            CHECK_FALSE(cidr_contains(c, p.ip));
    }
}

TEST_CASE("security groups for pods need a type with branch ENIs") {
    TrafficOptions o;
    o.security_groups_for_pods = true;
    Result<TrafficCampus> t = make_traffic_campus(test_type("t3.small"), o);
    REQUIRE_FALSE(t.ok());
    CHECK(has(t.error().message, "t3.small"));
    // The overlay ignores the option: it cannot give pods security groups at all.
    o.cni = Cni::Overlay;
    CHECK(make_traffic_campus(test_type("t3.small"), o).ok());
}

TEST_CASE("callees resolve relative to the caller") {
    const TrafficCampus t = campus();
    CHECK(callee_pod(t, "web-1", Callee::SameNode)->name == "web-2");
    CHECK(callee_pod(t, "web-1", Callee::OtherNode)->name == "api-1");
    CHECK(callee_pod(t, "web-1", Callee::OtherSubnet)->name == "jobs-1");
    CHECK(callee_pod(t, "cart-2", Callee::SameNode)->name == "cart-1");
    CHECK(callee_pod(t, "cart-2", Callee::OtherNode)->name == "jobs-1");
    CHECK(callee_pod(t, "cart-2", Callee::OtherSubnet)->name == "web-1");
    Result<PodRef> svc = callee_pod(t, "web-1", Callee::Rds);
    REQUIRE_FALSE(svc.ok());
    CHECK(has(svc.error().message, "service"));
    Result<TrafficPath> none = trace_call(t, "web-9", Callee::Rds);
    REQUIRE_FALSE(none.ok());
    CHECK(has(none.error().message, "no {desk} named 'web-9'"));
    CHECK(has(none.error().message, "web-1, web-2, api-1"));
}

TEST_CASE("VPC CNI: every call inside the VPC carries the pod's own address") {
    const TrafficCampus t = campus();
    const Ipv4 web1 = find_traffic_pod(t, "web-1")->ip;
    for (Callee c : {Callee::SameNode, Callee::OtherNode, Callee::OtherSubnet, Callee::Rds,
                     Callee::ElastiCache}) {
        CAPTURE(callee_label(c));
        const TrafficPath p = trace(t, "web-1", c);
        CHECK(p.inside_vpc);
        CHECK(p.seen_source == web1);
        CHECK_FALSE(p.translated);
        CHECK_FALSE(p.encapsulated);
        CHECK_FALSE(p.node_snat);
        CHECK(p.translated_by.empty());
        CHECK(p.seen_as == "the {desk}'s own {ext}");
        for (const Hop& h : p.hops)
            CHECK(h.change.empty());
        CHECK(p.hops.front().source == web1);
    }
    const TrafficPath rds = trace(t, "web-1", Callee::Rds);
    CHECK(rds.verdict == "Direct: RDS sees 10.0.1.5, the {desk}'s own {ext}.");
    CHECK(kinds(rds) == "pod,eni,vpc-router,service");
    CHECK(rds.hops[1].name == "{room} A1");
    CHECK(has(rds.hops[1].detail, "{room} A1's {panel} 1"));
    CHECK(kinds(trace(t, "web-1", Callee::SameNode)) == "pod,node,pod");
    const TrafficPath far = trace(t, "web-1", Callee::OtherSubnet);
    CHECK(kinds(far) == "pod,eni,vpc-router,eni,pod");
    CHECK(far.callee_name == "jobs-1");
    CHECK(far.callee_ip == find_traffic_pod(t, "jobs-1")->ip);
}

TEST_CASE("VPC CNI: leaving the VPC, the node SNATs to its primary IP by default") {
    const TrafficCampus t = campus();
    const Ipv4 web1 = find_traffic_pod(t, "web-1")->ip;
    const Ipv4 node = node_ip(t, "A1");
    const TrafficPath peer = trace(t, "web-1", Callee::Peered);
    CHECK_FALSE(peer.inside_vpc);
    CHECK(peer.node_snat);
    CHECK(peer.translated);
    CHECK(peer.seen_source == node);
    CHECK(peer.translated_by == "{room} A1");
    CHECK(kinds(peer) == "pod,eni,vpc-router,peering,service");
    CHECK(has(peer.hops[1].detail, "{firstpanel}"));  // SNATed calls leave the primary ENI
    CHECK(peer.hops[1].change == "swaps the caller 10.0.1.5 for 10.0.1.4");
    CHECK(peer.verdict ==
          "{snat} in {room} A1: server sees 10.0.1.4, the {mainext} ({room} A1), not the "
          "{desk}'s own {ext} 10.0.1.5.");

    const TrafficPath net = trace(t, "web-1", Callee::Internet);
    CHECK(net.node_snat);
    CHECK(net.seen_source == t.nat_public_ip);
    CHECK(net.seen_source == addr("198.51.100.20"));
    CHECK(net.translated_by == "{room} A1, then the {natgw}");
    CHECK(kinds(net) == "pod,eni,vpc-router,nat-gateway,internet-gateway,internet");
    CHECK(net.hops[2].source == node);
    CHECK(net.hops[3].change == "swaps the caller 10.0.1.4 for 198.51.100.20");
    CHECK(net.seen_as == "the {natgw}'s {eip}");
    CHECK(net.hops.front().source == web1);
}

TEST_CASE("VPC CNI: external SNAT leaves translation to the NAT gateway") {
    const TrafficCampus t = campus();
    const Ipv4 web1 = find_traffic_pod(t, "web-1")->ip;
    SnatSettings s;
    s.external_snat = true;
    const TrafficPath peer = trace(t, "web-1", Callee::Peered, s);
    CHECK_FALSE(peer.node_snat);
    CHECK_FALSE(peer.translated);
    CHECK(peer.seen_source == web1);
    CHECK(has(peer.hops[1].detail, "AWS_VPC_K8S_CNI_EXTERNALSNAT=true"));

    const TrafficPath net = trace(t, "web-1", Callee::Internet, s);
    CHECK_FALSE(net.node_snat);
    CHECK(net.translated);
    CHECK(net.translated_by == "the {natgw}");
    CHECK(net.hops[2].source == web1);  // the VPC router still sees the pod
    CHECK(net.hops[3].change == "swaps the caller 10.0.1.5 for 198.51.100.20");
    CHECK(net.seen_source == t.nat_public_ip);
    CHECK(has(net.verdict, "Swapped once"));

    // Inside the VPC nothing changes.
    CHECK(trace(t, "web-1", Callee::Rds, s).seen_source == web1);
}

TEST_CASE("VPC CNI: an excluded CIDR keeps the pod's address for that destination only") {
    const TrafficCampus t = campus();
    const Ipv4 web1 = find_traffic_pod(t, "web-1")->ip;
    SnatSettings s;
    s.exclude_cidrs = {t.peer_cidr};
    const TrafficPath peer = trace(t, "web-1", Callee::Peered, s);
    CHECK_FALSE(peer.node_snat);
    CHECK(peer.seen_source == web1);
    CHECK(has(peer.hops[1].detail, "EXCLUDE_SNAT_CIDRS"));
    // The internet is not excluded: still translated at the node.
    CHECK(trace(t, "web-1", Callee::Internet, s).node_snat);
    // Excluding the internet server's block: the node leaves it, the NAT gateway translates.
    s.exclude_cidrs = {block("203.0.113.0/24")};
    const TrafficPath net = trace(t, "web-1", Callee::Internet, s);
    CHECK_FALSE(net.node_snat);
    CHECK(net.seen_source == t.nat_public_ip);
    CHECK(trace(t, "web-1", Callee::Peered, s).node_snat);
    // A CIDR that covers neither changes nothing.
    s.exclude_cidrs = {block("172.20.0.0/16")};
    CHECK(trace(t, "web-1", Callee::Peered, s).seen_source == node_ip(t, "A1"));
}

TEST_CASE("VPC CNI: the SNAT rule reads every VPC CIDR, the exclusions and the pod's groups") {
    const TrafficCampus t = campus();
    Vpc vpc = t.cluster.vpc;
    const Ipv4 cgnat = addr("100.64.3.7");
    CHECK(vpc_cni_snats(vpc, cgnat, {}, false));
    REQUIRE(add_vpc_cidr(vpc, "100.64.0.0/16").ok());
    CHECK_FALSE(vpc_cni_snats(vpc, cgnat, {}, false));  // a secondary CIDR is inside the VPC
    CHECK(vpc_cni_snats(vpc, t.peer.ip, {}, false));
    CHECK_FALSE(vpc_cni_snats(vpc, t.peer.ip, {}, true));
    SnatSettings s;
    s.exclude_cidrs = {block("192.168.10.0/24"), block("10.20.0.0/16")};
    CHECK_FALSE(vpc_cni_snats(vpc, t.peer.ip, s, false));
    CHECK(vpc_cni_snats(vpc, addr("192.168.11.1"), s, false));
}

TEST_CASE("VPC CNI with security groups for pods: per-pod groups and no node SNAT") {
    const TrafficCampus t = campus(Cni::Vpc, true);
    CHECK(check_invariants(t.cluster).ok());
    for (const Node& n : t.cluster.nodes)
        CHECK(n.enis.size() == 3);  // primary, trunk, one more
    const Ipv4 web1 = find_traffic_pod(t, "web-1")->ip;
    const TrafficPath rds = trace(t, "web-1", Callee::Rds);
    CHECK(rds.sg_per_pod);
    CHECK(has(rds.security_groups, "web-1's own security groups"));
    const TrafficPath peer = trace(t, "web-1", Callee::Peered);
    CHECK_FALSE(peer.node_snat);
    CHECK(peer.seen_source == web1);
    CHECK(has(peer.hops[1].detail, "its own security groups"));
    const TrafficPath net = trace(t, "web-1", Callee::Internet);
    CHECK(net.translated_by == "the {natgw}");

    const TrafficCampus plain = campus();
    const TrafficPath shared = trace(plain, "web-1", Callee::Rds);
    CHECK_FALSE(shared.sg_per_pod);
    CHECK(has(shared.security_groups, "every {desk} in {room} A1 shares them"));
    CHECK(has(trace(plain, "web-1", Callee::SameNode).security_groups, "never leaves {room} A1"));
}

TEST_CASE("overlay: pod to pod is wrapped between nodes, never translated") {
    const TrafficCampus t = campus(Cni::Overlay);
    const Ipv4 web1 = addr("172.16.0.2");
    const TrafficPath same = trace(t, "web-1", Callee::SameNode);
    CHECK(same.seen_source == web1);
    CHECK_FALSE(same.encapsulated);
    CHECK(kinds(same) == "pod,node,pod");
    CHECK(same.seen_as == "the {desk}'s private {num}");
    CHECK_FALSE(same.inside_vpc);

    const TrafficPath far = trace(t, "web-1", Callee::OtherSubnet);
    CHECK(far.cni == Cni::Overlay);
    CHECK(far.encapsulated);
    CHECK_FALSE(far.translated);
    CHECK(far.seen_source == web1);
    CHECK(kinds(far) == "pod,node,vpc-router,node,pod");
    CHECK(far.hops[1].outer_source == node_ip(t, "A1"));
    CHECK(far.hops[2].outer_source == addr("10.0.1.4"));
    CHECK(far.hops[1].change == "wraps the call in an envelope from 10.0.1.4 to 10.0.2.4");
    CHECK(far.hops[3].change == "unwraps the call");
    CHECK(has(far.verdict, "only sees the {rooms}' 10.0.1.4 and 10.0.2.4"));
}

TEST_CASE("overlay: every call leaving the pod network is masqueraded to the node") {
    const TrafficCampus t = campus(Cni::Overlay, true);
    const Ipv4 node = node_ip(t, "A1");
    SnatSettings s;  // the VPC CNI's settings mean nothing to an overlay
    s.external_snat = true;
    s.exclude_cidrs = {t.peer_cidr};
    for (Callee c : {Callee::Rds, Callee::ElastiCache, Callee::Peered}) {
        CAPTURE(callee_label(c));
        const TrafficPath p = trace(t, "web-1", c, s);
        CHECK(p.node_snat);
        CHECK(p.seen_source == node);
        CHECK(p.translated_by == "the {switchboard} in {room} A1");
        CHECK(p.hops[1].change == "swaps the caller 172.16.0.2 for 10.0.1.4");
        CHECK_FALSE(p.sg_per_pod);
        CHECK(has(p.security_groups, "the {overlaycni} cannot give one {desk} groups"));
    }
    CHECK(trace(t, "web-1", Callee::Rds).verdict ==
          "Swapped at the {switchboard}: RDS sees 10.0.1.4, the {mainext} ({room} A1), not the "
          "{desk}'s private {num} 172.16.0.2.");
    const TrafficPath net = trace(t, "web-1", Callee::Internet, s);
    CHECK(net.translated_by == "{room} A1, then the {natgw}");
    CHECK(net.seen_source == t.nat_public_ip);
}

TEST_CASE("AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS parses like the variable") {
    Result<std::vector<Cidr>> two = parse_exclude_snat_cidrs("192.168.0.0/16, 10.20.0.0/16");
    REQUIRE(two.ok());
    REQUIRE(two->size() == 2);
    CHECK((*two)[1] == block("10.20.0.0/16"));
    CHECK(parse_exclude_snat_cidrs("").value().empty());
    CHECK(parse_exclude_snat_cidrs("  ").value().empty());
    Result<std::vector<Cidr>> bad = parse_exclude_snat_cidrs("192.168.0.1/16");
    REQUIRE_FALSE(bad.ok());
    CHECK(has(bad.error().message, "AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS"));
    CHECK(has(bad.error().message, "192.168.0.0/16"));
    Result<std::vector<Cidr>> empty = parse_exclude_snat_cidrs("10.1.0.0/16,,10.2.0.0/16");
    REQUIRE_FALSE(empty.ok());
    CHECK(has(empty.error().message, "empty entry"));
    CHECK_FALSE(parse_exclude_snat_cidrs("10.1.0.0/16,").ok());
    const TrafficCampus t = campus();
    const std::vector<Cidr> choices = exclude_snat_choices(t);
    REQUIRE(choices.size() == 2);
    CHECK(choices[0] == t.peer_cidr);
    CHECK(cidr_contains(choices[1], t.internet.ip));
}

TEST_CASE("address use: the VPC CNI spends a VPC address per pod, an overlay per node") {
    Result<CniAddressUse> vpc = address_use(test_type("m5.large"), 50, Cni::Vpc);
    REQUIRE(vpc.ok());
    CHECK(vpc->pods_per_node == 27);  // max-pods 29 minus the 2 host-network pods
    CHECK(vpc->pods == 1350);
    CHECK(vpc->vpc_addresses == 1500);  // 3 ENIs x 10 addresses per node, all in use
    Result<CniAddressUse> ov = address_use(test_type("m5.large"), 50, Cni::Overlay);
    REQUIRE(ov.ok());
    CHECK(ov->pods == 1350);
    CHECK(ov->vpc_addresses == 50);
    CHECK(ov->overlay_addresses == 1350);
    Result<CniAddressUse> small = address_use(test_type("t3.small"), 1, Cni::Vpc);
    REQUIRE(small.ok());
    CHECK(small->pods == 9);
    CHECK(small->vpc_addresses == 12);
    Result<CniAddressUse> none = address_use(test_type("m5.large"), 0, Cni::Vpc);
    REQUIRE_FALSE(none.ok());
    CHECK(has(none.error().message, "between 1 and 200"));
    CHECK_FALSE(address_use(test_type("m5.large"), kMaxAddressUseNodes + 1, Cni::Vpc).ok());
    // 8 x 1512 pods would be too many to simulate; the message says how many nodes fit.
    Result<CniAddressUse> big = address_use(test_type("c8a.48xlarge"), 8, Cni::Vpc);
    REQUIRE_FALSE(big.ok());
    CHECK(has(big.error().message, "12096 pods"));
    CHECK(has(big.error().message, "choose 6 nodes or fewer"));
}

TEST_CASE("every caller reaches every callee under every setting") {
    for (Cni cni : {Cni::Vpc, Cni::Overlay}) {
        for (bool sgp : {false, true}) {
            const TrafficCampus t = campus(cni, sgp);
            for (const PodRef& from : t.pods) {
                for (int c = 0; c < kCalleeCount; ++c) {
                    for (bool ext : {false, true}) {
                        SnatSettings s;
                        s.external_snat = ext;
                        Result<TrafficPath> p = trace_call(t, from.name, static_cast<Callee>(c), s);
                        REQUIRE(p.ok());
                        CHECK(p->hops.size() >= 3);
                        CHECK(p->hops.front().source == from.ip);
                        CHECK(p->hops.back().source == p->seen_source);
                        CHECK_FALSE(p->verdict.empty());
                        CHECK_FALSE(p->security_groups.empty());
                        for (const Hop& h : p->hops)
                            CHECK_FALSE(h.detail.empty());
                    }
                }
            }
        }
    }
}
