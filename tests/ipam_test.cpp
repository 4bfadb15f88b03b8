// ipam_test.cpp: ipamd's reading of one node: max-pods, capacity, knob validation and the
// pool check (short / over) with its numbers, on nodes built by hand.
#include <doctest/doctest.h>

#include <string>

#include "ipam.h"
#include "test_support.h"

using namespace core;

namespace {

Ipv4 ip(uint32_t a, uint32_t b, uint32_t c, uint32_t d) {
    return Ipv4{(a << 24) | (b << 16) | (c << 8) | d};
}

// node-1 of type in subnet-a, with kubelet's max-pods for config and no ENIs yet.
Node bare_node(const InstanceType& type, const NodeConfig& config) {
    Node n;
    n.name = "node-1";
    n.type = type;
    n.subnet_id = "subnet-a";
    n.config = config;
    n.max_pods = kubelet_max_pods(type, config);
    return n;
}

// A node with a primary ENI holding `ips` secondary IPs from 10.0.1.10 up and `pods` pods
// on the first of them.
Node ip_node(const InstanceType& type, int ips, int pods, NodeConfig config = {}) {
    Node n = bare_node(type, config);
    const int slots = slots_per_eni(type);
    int made = 0;
    for (int e = 0; made < ips || e == 0; ++e) {
        Eni eni;
        eni.id = "eni-" + std::to_string(e + 1);
        eni.device_index = e;
        eni.subnet_id = "subnet-a";
        eni.primary_ip = ip(10, 0, 2, static_cast<uint32_t>(e + 1));
        for (int k = 0; k < slots && made < ips; ++k, ++made) {
            eni.ips.push_back(ip(10, 0, 1, static_cast<uint32_t>(10 + made)));
        }
        n.enis.push_back(eni);
    }
    for (int p = 0; p < pods; ++p) {
        Pod pod;
        pod.name = "pod-" + std::to_string(p + 1);
        pod.ip = n.enis[static_cast<size_t>(p / slots)].ips[static_cast<size_t>(p % slots)];
        pod.eni_id = n.enis[static_cast<size_t>(p / slots)].id;
        n.pods.push_back(pod);
    }
    return n;
}

// A prefix-delegation node with `prefixes` /28s on the primary ENI (10.0.16.0/28 up) and
// `pods` pods packed into them.
Node pd_node(const InstanceType& type, int prefixes, int pods, NodeConfig config = {}) {
    config.prefix_delegation = true;
    Node n = bare_node(type, config);
    Eni eni;
    eni.id = "eni-1";
    eni.subnet_id = "subnet-a";
    eni.primary_ip = ip(10, 0, 1, 4);
    for (int k = 0; k < prefixes; ++k) {
        eni.prefixes.push_back(Cidr{ip(10, 0, 16, static_cast<uint32_t>(16 * k)).value, 28});
    }
    n.enis.push_back(eni);
    for (int p = 0; p < pods; ++p) {
        Pod pod;
        pod.name = "pod-" + std::to_string(p + 1);
        pod.ip =
            Ipv4{eni.prefixes[static_cast<size_t>(p / 16)].base + static_cast<uint32_t>(p % 16)};
        pod.eni_id = "eni-1";
        n.pods.push_back(pod);
    }
    return n;
}

}  // namespace

TEST_CASE("kubelet max-pods is the AMI's value unless raised by hand") {
    CHECK(ami_max_pods(t3_small()) == 11);
    CHECK(ami_max_pods(m5_large()) == 29);
    NodeConfig pd;
    pd.prefix_delegation = true;
    CHECK(kubelet_max_pods(t3_small(), pd) == 11);  // prefix delegation does not raise it
    NodeConfig cn;
    cn.custom_networking = true;
    cn.pod_subnet_id = "subnet-b";
    CHECK(kubelet_max_pods(m5_large(), cn) == 29);  // nor does custom networking lower it
    pd.max_pods_override = 110;
    CHECK(kubelet_max_pods(t3_small(), pd) == 110);
}

TEST_CASE("address capacity per mode, and prefix delegation only on nitro") {
    NodeConfig plain;
    CHECK(address_capacity(t3_small(), plain) == 9);
    CHECK(address_capacity(m5_large(), plain) == 27);
    NodeConfig pd;
    pd.prefix_delegation = true;
    CHECK(prefix_delegation_active(t3_small(), pd));
    CHECK(address_capacity(t3_small(), pd) == 144);
    CHECK_FALSE(prefix_delegation_active(m4_large(), pd));
    CHECK(address_capacity(m4_large(), pd) == 18);  // falls back to secondary IPs
    NodeConfig cn;
    cn.custom_networking = true;
    CHECK(max_pod_enis(m5_large(), cn) == 2);
    CHECK(address_capacity(m5_large(), cn) == 18);
    cn.prefix_delegation = true;
    CHECK(address_capacity(m5_large(), cn) == 288);
    NodeConfig sgp;
    sgp.security_groups_for_pods = true;
    CHECK(address_capacity(m5_large(), sgp) == 18);
    CHECK(slots_per_eni(m5_large()) == 9);
}

TEST_CASE("knob validation names the knob and its bounds") {
    NodeConfig c;
    CHECK(validate_node_config(m5_large(), c).ok());
    c.warm.warm_ip_target = -1;
    Status s = validate_node_config(m5_large(), c);
    REQUIRE_FALSE(s.ok());
    CHECK(has(s.error().message, "WARM_IP_TARGET must be between 0 and 4096"));
    c = NodeConfig{};
    c.warm.warm_eni_target = 65;
    s = validate_node_config(m5_large(), c);
    REQUIRE_FALSE(s.ok());
    CHECK(has(s.error().message, "WARM_ENI_TARGET"));
    c = NodeConfig{};
    c.warm.warm_prefix_target = -2;
    CHECK(has(validate_node_config(m5_large(), c).error().message, "WARM_PREFIX_TARGET"));
    c = NodeConfig{};
    c.warm.minimum_ip_target = 5000;
    CHECK(has(validate_node_config(m5_large(), c).error().message, "MINIMUM_IP_TARGET"));
    c = NodeConfig{};
    c.max_pods_override = 5000;
    CHECK(has(validate_node_config(m5_large(), c).error().message, "max-pods must be between"));
}

TEST_CASE("security groups for pods needs branch ENIs; small types need room for pod ENIs") {
    NodeConfig sgp;
    sgp.security_groups_for_pods = true;
    Status s = validate_node_config(t3_small(), sgp);
    REQUIRE_FALSE(s.ok());
    CHECK(has(s.error().message, "t3.small has no branch ENIs"));
    CHECK(has(s.error().message, "t-family"));
    CHECK(validate_node_config(m5_large(), sgp).ok());

    InstanceType one = hand_type("x1.tiny", 1, 4, Hypervisor::Nitro, 0);
    NodeConfig cn;
    cn.custom_networking = true;
    s = validate_node_config(one, cn);
    REQUIRE_FALSE(s.ok());
    CHECK(has(s.error().message, "attaches 1 ENI, too few for custom networking"));
}

TEST_CASE("WARM_ENI_TARGET: short while free IPs < target x IPs per ENI") {
    Node n = ip_node(t3_small(), 0, 0);
    PoolState st = pool_state(n);
    CHECK(st.low);
    CHECK(st.total == 0);
    CHECK(has(st.reason, "free IPs 0 < WARM_ENI_TARGET 1 x 3 IPs per ENI = 3"));

    n = ip_node(t3_small(), 3, 0);
    st = pool_state(n);
    CHECK_FALSE(st.low);
    CHECK_FALSE(st.high);  // without WARM_IP_TARGET only whole ENIs are ever released
    CHECK(has(st.reason, "the pool is warm"));

    n = ip_node(t3_small(), 3, 1);
    st = pool_state(n);
    CHECK(st.low);
    CHECK(st.free == 2);
    CHECK(st.assigned == 1);

    NodeConfig zero;
    zero.warm.warm_eni_target = 0;
    n = ip_node(m5_large(), 9, 8, zero);
    CHECK_FALSE(pool_state(n).low);  // one free IP is enough with a target of 0
    n = ip_node(m5_large(), 9, 9, zero);
    st = pool_state(n);
    CHECK(st.low);
    CHECK(has(st.reason, "no free IPs and WARM_ENI_TARGET is 0"));
}

TEST_CASE("WARM_IP_TARGET and MINIMUM_IP_TARGET: short and over") {
    NodeConfig c;
    c.warm.warm_ip_target = 5;
    c.warm.minimum_ip_target = 10;

    Node n = ip_node(m5_large(), 8, 2, c);  // total 8, free 6
    PoolState st = pool_state(n);
    CHECK(st.warm_ip_targets);
    CHECK(st.short_ips == 2);  // max(5 - 6, 10 - 8)
    CHECK(st.over_ips == 0);
    CHECK(st.low);
    CHECK(has(st.reason, "MINIMUM_IP_TARGET 10 - total 8) = 2"));

    n = ip_node(m5_large(), 14, 0, c);  // total 14, free 14
    st = pool_state(n);
    CHECK(st.short_ips == 0);
    CHECK(st.over_ips == 4);  // min(14 - 5, 14 - 10)
    CHECK_FALSE(st.low);
    CHECK(st.high);
    CHECK(has(st.reason,
              "over = min(free 14 - WARM_IP_TARGET 5, total 14 - MINIMUM_IP_TARGET "
              "10) = 4"));

    n = ip_node(m5_large(), 12, 9, c);  // free 3 < 5
    st = pool_state(n);
    CHECK(st.short_ips == 2);
    CHECK(st.low);
}

TEST_CASE("MINIMUM_IP_TARGET alone freezes the pool once the minimum is met") {
    NodeConfig c;
    c.warm.minimum_ip_target = 10;
    Node n = ip_node(m5_large(), 10, 10, c);
    const PoolState st = pool_state(n);
    CHECK(st.free == 0);
    CHECK_FALSE(st.low);
    CHECK(has(st.reason, "freezes the pool"));
}

TEST_CASE("prefix delegation: WARM_PREFIX_TARGET, max-pods cap, release over target") {
    NodeConfig c;
    Node n = pd_node(m5_large(), 2, 20, c);  // 32 addresses, 12 free
    n.max_pods = 110;
    PoolState st = pool_state(n);
    CHECK(st.prefix_delegation);
    CHECK(st.total == 32);
    CHECK(st.free == 12);
    CHECK(st.free_prefixes == 0);
    CHECK(st.low);
    CHECK(has(st.reason, "free addresses 12 < WARM_PREFIX_TARGET 1 x 16 addresses per prefix"));

    n = pd_node(t3_small(), 1, 0, c);  // 16 addresses >= max-pods 11
    st = pool_state(n);
    CHECK(st.at_max_pods);
    CHECK_FALSE(st.low);
    CHECK(has(st.reason, "16 addresses >= max-pods 11, so it stops growing"));

    n = pd_node(m5_large(), 3, 0, c);
    st = pool_state(n);
    CHECK(st.free_prefixes == 3);
    CHECK(st.high);
    CHECK(has(st.reason, "3 wholly free prefixes > WARM_PREFIX_TARGET 1"));

    NodeConfig w;
    w.warm.warm_ip_target = 5;
    n = pd_node(m5_large(), 3, 1, w);
    n.max_pods = 110;
    st = pool_state(n);
    CHECK(st.over_prefixes == 2);  // one prefix covers 1 pod + WARM_IP_TARGET 5
    CHECK(st.high);
    n = pd_node(m5_large(), 1, 12, w);
    n.max_pods = 110;
    st = pool_state(n);
    CHECK(st.short_ips == 1);
    CHECK(st.short_prefixes == 1);  // a shortfall of 1 address rounds up to a whole prefix
    CHECK(st.low);
}

TEST_CASE("node stats, summaries and event lines") {
    Node n = ip_node(t3_small(), 6, 1);
    check_values(node_stats(n), node_stat,
                 "enis=2 pod_enis=2 ips=6 free_ips=5 pods=1 max_pods=11 address_capacity=9");
    CHECK(node_summary(n) ==
          "node-1 (t3.small in subnet-a): 2 ENIs, 6 secondary IPs (5 free), 1 pod, max-pods 11");
    CHECK(eni_summary(n, n.enis[0]) ==
          "eni-1 device 0 (primary) in subnet-a, 10.0.2.1: 3 secondary IPs, 1 pod");
    CHECK(find_eni(n, "eni-2") == &n.enis[1]);
    CHECK(find_eni(n, "eni-9") == nullptr);
    CHECK(find_pod(n, "pod-1") != nullptr);

    Node p = pd_node(m5_large(), 2, 20);
    CHECK(has(node_summary(p), "2 prefixes = 32 addresses (12 free), 20 pods"));

    Event e;
    e.seq = 7;
    e.node = "node-1";
    e.kind = EventKind::SubnetError;
    e.text = "no room";
    e.code = ErrorCode::InsufficientCidrBlocks;
    CHECK(format_event(e) == "#7 node-1 subnet-error: no room [InsufficientCidrBlocks]");
}

TEST_CASE("event kinds: every kind has one name, and the name gives the kind back") {
    CHECK(std::string(event_kind_name(EventKind::AttachEni)) == "attach-eni");
    CHECK(std::string(event_kind_name(EventKind::PodUnschedulable)) == "pod-unschedulable");
    CHECK(event_kind("attach-branch-eni") == EventKind::AttachBranchEni);
    CHECK(event_kind("no-such-kind") == EventKind::Other);
    for (int k = 0; k < static_cast<int>(EventKind::Other); ++k) {
        const EventKind kind = static_cast<EventKind>(k);
        CHECK(event_kind(event_kind_name(kind)) == kind);
    }
}
