// cluster_test.cpp: ipamd at work on nodes of a cluster: the warm-pool behaviours the
// facts file lists (with numbers derived by its rules), subnet failures with AWS codes,
// custom networking, the trunk ENI, snapshots, failed calls that change nothing, and
// seeded random operation sequences checked by check_invariants after every step.
#include <doctest/doctest.h>

#include <initializer_list>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "cluster.h"
#include "test_support.h"

using namespace core;

namespace {

// VPC 10.0.0.0/16: subnet-a and subnet-b in us-east-1a, subnet-c in us-east-1b, and a
// 16-address subnet-tiny.
Cluster campus() {
    Result<Vpc> vpc = make_vpc("10.0.0.0/16");
    REQUIRE(vpc.ok());
    Cluster c = make_cluster(std::move(vpc).value());
    add_test_subnet(c.vpc, "subnet-a", "us-east-1a", "10.0.1.0/24");
    add_test_subnet(c.vpc, "subnet-b", "us-east-1a", "10.0.2.0/24");
    add_test_subnet(c.vpc, "subnet-c", "us-east-1b", "10.0.3.0/24");
    add_test_subnet(c.vpc, "subnet-tiny", "us-east-1a", "10.0.4.0/28");
    return c;
}

void add(Cluster& c, const char* name, const InstanceType& type, NodeConfig cfg = {},
         const char* subnet_id = "subnet-a") {
    NodeDesc d;
    d.name = name;
    d.type = type;
    d.subnet_id = subnet_id;
    d.config = std::move(cfg);
    Status s = add_node(c, d);
    REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
}

// The campus with node-1 of type in subnet_id, set up with cfg.
Cluster one_node(const InstanceType& type, NodeConfig cfg = {},
                 const char* subnet_id = "subnet-a") {
    Cluster c = campus();
    add(c, "node-1", type, std::move(cfg), subnet_id);
    return c;
}

// A node config with prefix delegation on, kubelet's max-pods by hand (0 keeps the default)
// and WARM_PREFIX_TARGET.
NodeConfig pd_config(int max_pods_override = 0, int warm_prefix_target = 1) {
    NodeConfig cfg;
    cfg.prefix_delegation = true;
    cfg.max_pods_override = max_pods_override;
    cfg.warm.warm_prefix_target = warm_prefix_target;
    return cfg;
}

// A node config with WARM_IP_TARGET and MINIMUM_IP_TARGET (0 = unset).
NodeConfig ip_targets(int warm_ip_target, int minimum_ip_target) {
    NodeConfig cfg;
    cfg.warm.warm_ip_target = warm_ip_target;
    cfg.warm.minimum_ip_target = minimum_ip_target;
    return cfg;
}

void pods(Cluster& c, const char* node, int n) {
    for (int i = 0; i < n; ++i) {
        Result<Pod> p = add_pod(c, node);
        REQUIRE_MESSAGE(p.ok(), (p.ok() ? "" : p.error().message));
    }
}

NodeStats stats(const Cluster& c, const char* node) {
    const Node* n = find_node(c, node);
    REQUIRE(n != nullptr);
    return node_stats(*n);
}

// Checks node's stats: rows as in check_values, e.g. "enis=2 ips=6 free_ips=5".
void check_stats(const Cluster& c, const char* node, const std::string& rows) {
    check_values(stats(c, node), node_stat, rows);
}

// Removes pod-first .. pod-last from node.
void remove_pods(Cluster& c, const char* node, int first, int last) {
    for (int i = first; i <= last; ++i)
        REQUIRE(remove_pod(c, node, "pod-" + std::to_string(i)).ok());
}

void invariants(const Cluster& c) {
    Status s = check_invariants(c);
    REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
}

int count_kind(const Cluster& c, const std::string& kind) {
    int n = 0;
    for (const Event& e : c.events)
        n += event_kind_name(e.kind) == kind ? 1 : 0;
    return n;
}

// The last event of kind; fails the calling test if there is none.
const Event& last_kind(const Cluster& c, const std::string& kind) {
    for (auto it = c.events.rbegin(); it != c.events.rend(); ++it) {
        if (event_kind_name(it->kind) == kind) return *it;
    }
    FAIL("no " << kind << " event");
    throw std::logic_error("unreachable");
}

// Checks that the last event of kind says each of parts.
void check_last(const Cluster& c, const std::string& kind,
                std::initializer_list<const char*> parts) {
    const Event& e = last_kind(c, kind);
    for (const char* part : parts) {
        CAPTURE(part);
        CHECK(has(e.text, part));
    }
}

}  // namespace

TEST_CASE("why 2 ENIs for 1 pod: t3.small with the default WARM_ENI_TARGET=1") {
    Cluster c = one_node(t3_small());
    // The primary ENI filled with its 3 secondary IPs.
    check_stats(c, "node-1", "enis=1 ips=3 free_ips=3");
    const Node& n = *find_node(c, "node-1");
    CHECK(format_ipv4(n.enis[0].primary_ip) == "10.0.1.4");  // .0-.3 are AWS-reserved

    Result<Pod> p = add_pod(c, "node-1", "web");
    REQUIRE(p.ok());
    CHECK(format_ipv4(p->ip) == "10.0.1.5");
    CHECK(p->eni_id == "eni-1");
    // Free 2 < 1 x 3: a whole second ENI is attached ahead of need.
    check_stats(c, "node-1", "enis=2 ips=6 free_ips=5");
    check_last(c, "attach-eni",
               {"Attached eni-2 (device 1) in subnet-a",
                "free IPs 2 < WARM_ENI_TARGET 1 x 3 IPs per ENI = 3"});
    invariants(c);
}

TEST_CASE("m5.large holds its primary ENI's 9 IPs with no pods, 2 ENIs with one pod") {
    Cluster c = one_node(m5_large());
    check_stats(c, "node-1", "enis=1 ips=9");
    pods(c, "node-1", 1);
    check_stats(c, "node-1", "enis=2 ips=18 free_ips=17");
    invariants(c);
}

TEST_CASE("WARM_ENI_TARGET=2 keeps two ENIs' worth of free IPs") {
    NodeConfig cfg;
    cfg.warm.warm_eni_target = 2;
    Cluster c = one_node(t3_small(), cfg);
    check_stats(c, "node-1", "enis=2 ips=6");
}

TEST_CASE("pool fills up to the ENI limit, kubelet stops at max-pods, release over target") {
    Cluster c = one_node(t3_small());
    pods(c, "node-1", 9);
    check_stats(c, "node-1", "enis=3 ips=9 free_ips=0");

    const Cluster before = c;
    Result<Pod> tenth = add_pod(c, "node-1");
    REQUIRE_FALSE(tenth.ok());
    CHECK(tenth.error().code == ErrorCode::TooManyPods);
    CHECK(has(tenth.error().message, "max-pods is 11 on this t3.small"));
    CHECK(has(tenth.error().message, "2 host-network pods (aws-node, kube-proxy)"));
    CHECK(c == before);

    // Pods 7-9 sit on eni-3, 4-6 on eni-2. Emptying eni-3 leaves free 3 < (1 + 1) x 3.
    remove_pods(c, "node-1", 7, 9);
    CHECK(stats(c, "node-1").enis == 3);
    // Emptying eni-2 too: free 6 >= (1 + 1) x 3, so one pod-less ENI goes (the highest).
    remove_pods(c, "node-1", 4, 6);
    check_stats(c, "node-1", "enis=2 ips=6");
    check_last(
        c, "detach-eni",
        {"Detached eni-3 (device 2)", "free IPs 6 >= (WARM_ENI_TARGET 1 + 1) x 3 IPs per ENI = 6"});
    invariants(c);
}

TEST_CASE("WARM_IP_TARGET=5 with MINIMUM_IP_TARGET=10 on m5.large") {
    Cluster c = one_node(m5_large(), ip_targets(5, 10));
    // short = max(5 - 0, 10 - 0) = 10: eni-1 takes 9, then a new ENI gets min(1, 9) = 1.
    check_stats(c, "node-1", "enis=2 ips=10");
    const Node& n = *find_node(c, "node-1");
    CHECK(n.enis[1].ips.size() == 1);

    pods(c, "node-1", 7);
    check_stats(c, "node-1", "ips=12 free_ips=5");  // 7 pods + WARM_IP_TARGET 5

    remove_pods(c, "node-1", 1, 7);
    // Back down to MINIMUM_IP_TARGET, released one IP at a time; eni-2 stays: without it
    // the node holds 9 < MINIMUM_IP_TARGET 10.
    check_stats(c, "node-1", "ips=10 enis=2");
    CHECK(count_kind(c, "release-ips") == 2);
    invariants(c);
}

TEST_CASE("WARM_IP_TARGET alone allocates only what it needs") {
    Cluster c = one_node(m5_large(), ip_targets(5, 0));
    CHECK(stats(c, "node-1").ips == 5);
    pods(c, "node-1", 6);
    check_stats(c, "node-1", "ips=11 enis=2");
    invariants(c);
}

TEST_CASE("MINIMUM_IP_TARGET without WARM_IP_TARGET freezes the pool") {
    Cluster c = one_node(m5_large(), ip_targets(0, 10));
    CHECK(stats(c, "node-1").ips == 10);
    pods(c, "node-1", 10);
    Result<Pod> p = add_pod(c, "node-1", "stuck");
    REQUIRE_FALSE(p.ok());
    CHECK(p.error().code == ErrorCode::NoAvailableIPAddresses);
    CHECK(has(p.error().message, "ContainerCreating"));
    CHECK(has(p.error().message, "freezes the pool"));
    const Node& n = *find_node(c, "node-1");
    REQUIRE(n.pending.size() == 1);
    CHECK(n.pending[0].name == "stuck");
    CHECK(has(n.pending[0].waiting, "failed to assign an IP address to container"));
    invariants(c);
}

TEST_CASE("prefix delegation: WARM_PREFIX_TARGET=1, and the AMI's max-pods caps the pool") {
    Cluster c = one_node(m5_large(), pd_config());
    check_stats(c, "node-1", "prefix_delegation=true prefixes=1 ips=16 secondary_ips=0");
    pods(c, "node-1", 1);
    CHECK(stats(c, "node-1").prefixes == 2);  // free 15 < 16
    pods(c, "node-1", 26);
    // 32 addresses >= max-pods 29: the pool stops growing.
    check_stats(c, "node-1", "pods=27 prefixes=2");
    Result<Pod> p = add_pod(c, "node-1");
    REQUIRE_FALSE(p.ok());
    CHECK(has(p.error().message, "raise max-pods"));
    CHECK(has(p.error().message, "space for 434 pods"));
    invariants(c);
}

TEST_CASE("t3.small with prefix delegation still runs 9 pods until max-pods is raised") {
    NodeConfig pd = pd_config();
    Cluster c = one_node(t3_small(), pd);
    pods(c, "node-1", 9);
    CHECK(stats(c, "node-1").prefixes == 1);
    CHECK_FALSE(add_pod(c, "node-1").ok());

    pd.max_pods_override = 110;
    REQUIRE(set_node_config(c, "node-1", pd).ok());
    CHECK(stats(c, "node-1").max_pods == 110);
    pods(c, "node-1", 91);  // 100 pods
    // 112 addresses >= 110, 3 prefix slots per ENI on a t3.small.
    check_stats(c, "node-1", "pods=100 prefixes=7 enis=3");
    invariants(c);
}

TEST_CASE("prefix delegation releases wholly free prefixes above the target") {
    Cluster c = one_node(m5_large(), pd_config(110));
    pods(c, "node-1", 40);
    CHECK(stats(c, "node-1").prefixes == 4);
    remove_pods(c, "node-1", 1, 40);
    CHECK(stats(c, "node-1").prefixes == 1);
    check_last(c, "release-prefix", {"WARM_PREFIX_TARGET 1"});
    invariants(c);
}

TEST_CASE("WARM_PREFIX_TARGET=0 makes ipamd flap; the model records it once") {
    Cluster c = one_node(m5_large(), pd_config(0, 0));
    // The new prefix is wholly free, 1 > WARM_PREFIX_TARGET 0: released, then short again.
    CHECK(count_kind(c, "pool-flap") == 1);
    CHECK(stats(c, "node-1").prefixes == 1);
    pods(c, "node-1", 1);
    CHECK(stats(c, "node-1").prefixes == 1);  // 15 free > 0, no wholly free prefix
    CHECK(count_kind(c, "pool-flap") == 1);
    REQUIRE(remove_pod(c, "node-1", "pod-1").ok());
    CHECK(count_kind(c, "pool-flap") == 2);
    CHECK(count_kind(c, "release-prefix") == 2);
    CHECK(stats(c, "node-1").prefixes == 1);
    invariants(c);
}

TEST_CASE("prefix delegation on a xen type falls back to secondary IPs") {
    Cluster c = one_node(m4_large(), pd_config());
    check_stats(c, "node-1", "prefix_delegation=false secondary_ips=9");
    CHECK(has(c.events.front().text, "falls back to secondary IPs"));
}

TEST_CASE("subnet exhaustion: InsufficientFreeAddressesInSubnet, pod waits, then gets an IP") {
    Cluster c = one_node(t3_small(), {}, "subnet-tiny");  // 11 usable addresses
    pods(c, "node-1", 6);  // eni-1 + eni-2 hold 8; a third ENI would need 4, 3 are left
    CHECK(last_kind(c, "subnet-error").code == ErrorCode::InsufficientFreeAddressesInSubnet);
    Result<Pod> p = add_pod(c, "node-1", "late");
    REQUIRE_FALSE(p.ok());
    CHECK(p.error().code == ErrorCode::InsufficientFreeAddressesInSubnet);
    CHECK(has(p.error().message, "InsufficientFreeAddressesInSubnet"));
    CHECK(stats(c, "node-1").pending == 1);
    CHECK(count_kind(c, "subnet-error") == 1);  // the same failure is reported once
    invariants(c);

    REQUIRE(remove_pod(c, "node-1", "pod-2").ok());
    check_stats(c, "node-1", "pending=0 pods=6");
    const Node& n = *find_node(c, "node-1");
    CHECK(find_pod(n, "late")->waiting.empty());
    check_last(c, "pod-ip", {"late got"});
    invariants(c);
}

TEST_CASE("fragmented subnet: InsufficientCidrBlocks although addresses are free") {
    Cluster c = campus();
    add_test_subnet(c.vpc, "subnet-frag", "us-east-1a", "10.0.5.0/24", 7);
    REQUIRE(hold_addresses(c, "subnet-frag", 100, "lambda").ok());
    const Subnet* frag = find_subnet(c.vpc, "subnet-frag");
    REQUIRE(free_aligned_prefixes(*frag) == 0);
    REQUIRE(free_addresses(*frag) > 100);
    add(c, "node-1", m5_large(), pd_config(), "subnet-frag");
    CHECK(stats(c, "node-1").prefixes == 0);
    Result<Pod> p = add_pod(c, "node-1");
    REQUIRE_FALSE(p.ok());
    CHECK(p.error().code == ErrorCode::InsufficientCidrBlocks);
    CHECK(has(p.error().message, "fragmented"));
    invariants(c);
    REQUIRE(release_held(c, "lambda").ok());
    invariants(c);
}

TEST_CASE("custom networking: pod addresses from the ENIConfig subnet, none on the primary") {
    NodeConfig cn;
    cn.custom_networking = true;
    cn.pod_subnet_id = "subnet-b";
    Cluster c = one_node(m5_large(), cn);
    pods(c, "node-1", 18);
    const Node& n = *find_node(c, "node-1");
    CHECK(n.enis[0].subnet_id == "subnet-a");
    CHECK(n.enis[0].ips.empty());
    CHECK(n.max_pods == 29);  // the AMI value does not know about custom networking
    const Cidr b{0x0A000200u, 24};
    for (const Pod& p : n.pods)
        CHECK(cidr_contains(b, p.ip));
    for (size_t i = 1; i < n.enis.size(); ++i)
        CHECK(n.enis[i].subnet_id == "subnet-b");
    CHECK(stats(c, "node-1").address_capacity == 18);

    Result<Pod> p = add_pod(c, "node-1");  // kubelet admits it (21 < 29), no address left
    REQUIRE_FALSE(p.ok());
    CHECK(has(p.error().message, "custom networking"));
    CHECK(has(p.error().message, "ContainerCreating"));
    CHECK(stats(c, "node-1").pending == 1);
    invariants(c);
}

TEST_CASE("custom networking: the ENIConfig subnet must exist and share the node's zone") {
    Cluster c = campus();
    const Cluster before = c;
    NodeDesc d;
    d.name = "node-1";
    d.type = m5_large();
    d.subnet_id = "subnet-a";
    d.config.custom_networking = true;
    d.config.pod_subnet_id = "subnet-c";
    Status s = add_node(c, d);
    REQUIRE_FALSE(s.ok());
    CHECK(has(s.error().message, "ENIConfig subnet must be in the node's availability zone"));
    CHECK(has(s.error().message, "us-east-1b"));
    d.config.pod_subnet_id = "subnet-x";
    s = add_node(c, d);
    REQUIRE_FALSE(s.ok());
    CHECK(has(s.error().message, "There is no subnet 'subnet-x'"));
    d.config.pod_subnet_id.clear();
    CHECK(has(add_node(c, d).error().message, "ENIConfig subnet"));
    CHECK(c == before);
}

TEST_CASE("security groups for pods: the trunk ENI takes a slot and carries no pods") {
    NodeConfig sgp;
    sgp.security_groups_for_pods = true;
    Cluster c = one_node(m5_large(), sgp);
    const Node& n = *find_node(c, "node-1");
    REQUIRE(n.enis.size() >= 2);
    CHECK(n.enis[1].trunk);
    CHECK(n.enis[1].device_index == 1);
    pods(c, "node-1", 18);
    check_stats(c, "node-1", "enis=3 trunk=true ips=18");  // 27 regular pod IPs become 18
    CHECK(find_node(c, "node-1")->enis[1].ips.empty());
    Result<Pod> p = add_pod(c, "node-1");
    REQUIRE_FALSE(p.ok());
    CHECK(has(p.error().message, "trunk ENI carries none"));
    invariants(c);

    const Cluster before = c;
    NodeDesc d;
    d.name = "t3";
    d.type = t3_small();
    d.subnet_id = "subnet-a";
    d.config = sgp;
    Status bad = add_node(c, d);
    REQUIRE_FALSE(bad.ok());
    CHECK(has(bad.error().message, "no branch ENIs"));
    CHECK(c == before);
}

TEST_CASE("set_node_config re-sizes the pool; fixed settings need a new node") {
    Cluster c = one_node(t3_small());
    NodeConfig cfg;
    cfg.warm.warm_eni_target = 2;
    REQUIRE(set_node_config(c, "node-1", cfg).ok());
    CHECK(stats(c, "node-1").enis == 2);
    check_last(c, "config", {"WARM_ENI_TARGET 1 -> 2"});
    cfg.warm.warm_eni_target = 1;
    REQUIRE(set_node_config(c, "node-1", cfg).ok());
    CHECK(stats(c, "node-1").enis == 1);  // free 6 >= (1 + 1) x 3

    const Cluster before = c;
    NodeConfig pd = cfg;
    pd.prefix_delegation = true;
    Status s = set_node_config(c, "node-1", pd);
    REQUIRE_FALSE(s.ok());
    CHECK(has(s.error().message, "Prefix delegation cannot change on a running node"));
    pods(c, "node-1", 4);
    const Cluster with_pods = c;
    NodeConfig low = cfg;
    low.max_pods_override = 5;
    s = set_node_config(c, "node-1", low);
    REQUIRE_FALSE(s.ok());
    CHECK(has(s.error().message, "max-pods 5 is below the 6 pods"));
    CHECK(c == with_pods);
    NodeConfig bad = cfg;
    bad.warm.warm_ip_target = -4;
    CHECK(has(set_node_config(c, "node-1", bad).error().message, "WARM_IP_TARGET"));
    CHECK(c == with_pods);
    CHECK_FALSE(before == with_pods);
}

TEST_CASE("reconcile lets ipamd settle a node whose warm target was raised") {
    Cluster c = one_node(t3_small());
    const uint64_t settled = c.next_seq;
    REQUIRE(reconcile(c, "node-1").ok());
    CHECK(c.next_seq == settled);  // already settled: nothing happens
    find_node(c, "node-1")->config.warm.warm_eni_target = 2;
    REQUIRE(reconcile(c, "node-1").ok());
    CHECK(stats(c, "node-1").enis == 2);  // one ENI more, then settled
    CHECK(count_kind(c, "attach-eni") == 1);
    CHECK_FALSE(reconcile(c, "nope").ok());
    invariants(c);
}

TEST_CASE("failed calls name the problem and leave the cluster unchanged") {
    Cluster c = one_node(t3_small());
    pods(c, "node-1", 2);
    const Cluster before = c;

    NodeDesc d;
    d.name = "node-1";
    d.type = t3_small();
    d.subnet_id = "subnet-a";
    CHECK(has(add_node(c, d).error().message, "already a node named 'node-1'"));
    d.name = "bad name";
    CHECK(has(add_node(c, d).error().message, "A node name must be 1 to 63"));
    d.name = "node-2";
    d.subnet_id = "subnet-zz";
    CHECK(has(add_node(c, d).error().message, "There is no subnet 'subnet-zz'"));
    d.subnet_id = "subnet-a";
    d.type.ipv4_per_eni = 1;
    CHECK(has(add_node(c, d).error().message, "no usable network limits"));

    CHECK(has(add_pod(c, "node-9").error().message, "There is no node 'node-9'; nodes are node-1"));
    CHECK(has(add_pod(c, "node-1", "pod-1").error().message, "already has a pod named 'pod-1'"));
    CHECK(has(add_pod(c, "node-1", "a/b").error().message, "A pod name"));
    CHECK(has(remove_pod(c, "node-1", "ghost").error().message, "no pod named 'ghost'"));
    CHECK(has(remove_node(c, "node-7").error().message, "no node 'node-7'"));
    CHECK(has(hold_addresses(c, "subnet-tiny", 50, "rds").error().message,
              "InsufficientFreeAddressesInSubnet"));
    CHECK(has(release_held(c, "rds").error().message, "Nothing holds"));
    CHECK_FALSE(reconcile(c, "node-3").ok());
    CHECK(c == before);

    // A full subnet refuses a new node before anything is allocated.
    Cluster tiny = campus();
    REQUIRE(hold_addresses(tiny, "subnet-tiny", 11, "rds").ok());
    const Cluster full = tiny;
    d.type = t3_small();
    d.subnet_id = "subnet-tiny";
    Status s = add_node(tiny, d);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == ErrorCode::InsufficientFreeAddressesInSubnet);
    CHECK(has(s.error().message, "node-2 cannot join subnet-tiny"));
    CHECK(tiny == full);
}

TEST_CASE("a snapshot is a copy; restoring it undoes everything") {
    Cluster c = one_node(m5_large());
    const Cluster snapshot = c;
    pods(c, "node-1", 12);
    add(c, "node-2", t3_small());
    REQUIRE(remove_node(c, "node-1").ok());
    CHECK_FALSE(c == snapshot);
    c = snapshot;
    CHECK(c == snapshot);
    invariants(c);
    // The same steps from the snapshot give the same result (the model is deterministic).
    Cluster a = snapshot;
    Cluster b = snapshot;
    pods(a, "node-1", 5);
    pods(b, "node-1", 5);
    CHECK(a == b);
}

TEST_CASE("removing nodes returns every address; events say what happened") {
    Cluster c = one_node(m5_large());
    add(c, "node-2", m5_large(), pd_config());
    pods(c, "node-1", 10);
    pods(c, "node-2", 10);
    const uint64_t mark = c.next_seq;
    REQUIRE(remove_node(c, "node-1").ok());
    REQUIRE(remove_node(c, "node-2").ok());
    for (const Subnet& s : c.vpc.subnets)
        CHECK(used_addresses(s) == 0);
    REQUIRE(c.next_seq == mark + 2);  // one event per node removed
    const std::vector<Event> recent(c.events.end() - 2, c.events.end());
    CHECK(recent[0].kind == EventKind::NodeRemoved);
    // 10 pods: eni-1 full, eni-2 holds pod 10, free 8 < 9 brought eni-3.
    CHECK(has(recent[0].text, "node-1 removed: 3 ENIs detached, 27 secondary IPs"));
    CHECK(has(recent[1].text, "2 prefixes"));
    invariants(c);
}

TEST_CASE("the event log keeps the last 2,000 events and counts the rest") {
    Cluster c = one_node(m5_large());
    for (int round = 0; round < 1100; ++round) {
        REQUIRE(add_pod(c, "node-1", "p").ok());
        REQUIRE(remove_pod(c, "node-1", "p").ok());
    }
    CHECK(c.events.size() == kMaxEvents);
    CHECK(c.events_dropped > 0);
    CHECK(c.events_dropped + c.events.size() == c.next_seq - 1);
    CHECK(c.events.back().seq == c.next_seq - 1);
}

TEST_CASE("check_invariants catches a corrupted model") {
    Cluster c = one_node(t3_small());
    pods(c, "node-1", 2);
    invariants(c);

    Cluster twice = c;
    twice.nodes[0].pods[1].ip = twice.nodes[0].pods[0].ip;
    CHECK_FALSE(check_invariants(twice).ok());

    Cluster stray = c;
    stray.nodes[0].pods[0].ip = Ipv4{0x0A000163u};  // 10.0.1.99, not held by the node
    CHECK(has(check_invariants(stray).error().message, "not an address the node holds"));

    Cluster leak = c;
    Subnet* a = find_subnet(leak.vpc, "subnet-a");
    REQUIRE(release_ip(*a, leak.nodes[0].enis[0].ips[2]).ok());
    CHECK(has(check_invariants(leak).error().message, "marked in the subnet differently"));

    Cluster crowded = c;
    crowded.nodes[0].max_pods = 3;
    CHECK(has(check_invariants(crowded).error().message, "max-pods"));
}

TEST_CASE("a 1,000-node cluster builds and checks") {
    Result<Vpc> vpc = make_vpc("10.0.0.0/16");
    REQUIRE(vpc.ok());
    Cluster c = make_cluster(std::move(vpc).value());
    add_test_subnet(c.vpc, "subnet-a", "us-east-1a", "10.0.0.0/18");
    add_test_subnet(c.vpc, "subnet-b", "us-east-1a", "10.0.64.0/18");
    for (int i = 0; i < 1000; ++i) {
        NodeDesc d;
        d.name = "n" + std::to_string(i);
        d.type = i % 2 == 0 ? t3_small() : m5_large();
        d.subnet_id = i % 3 == 0 ? "subnet-a" : "subnet-b";
        REQUIRE(add_node(c, d).ok());
    }
    for (int i = 0; i < 1000; i += 7)
        pods(c, ("n" + std::to_string(i)).c_str(), 3);
    CHECK(c.nodes.size() == 1000);
    invariants(c);
}

TEST_CASE("seeded random operation sequences keep every invariant") {
    const std::vector<InstanceType> types = {t3_small(), m5_large(), m4_large(),
                                             hand_type("c5.xlarge", 4, 15, Hypervisor::Nitro, 18)};
    for (uint32_t seed : {1u, 2u, 3u, 42u}) {
        CAPTURE(seed);
        std::mt19937 rng(seed);
        auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<uint32_t>(n)); };
        Cluster c = campus();
        add_test_subnet(c.vpc, "subnet-small", "us-east-1a", "10.0.6.0/26", seed);
        const std::vector<std::string> subnets = {"subnet-a", "subnet-b", "subnet-small",
                                                  "subnet-tiny"};
        int node_id = 0;
        int succeeded = 0;
        int failed = 0;
        for (int step = 0; step < 400; ++step) {
            CAPTURE(step);
            const int op = pick(10);
            const Cluster before = c;
            bool may_change_on_failure = false;
            Status result = Ok{};
            if (op == 0 || c.nodes.empty()) {
                NodeDesc d;
                d.name = "n" + std::to_string(++node_id);
                d.type = types[static_cast<size_t>(pick(4))];
                d.subnet_id = subnets[static_cast<size_t>(pick(4))];
                d.config.prefix_delegation = pick(2) == 0;
                d.config.warm.warm_eni_target = pick(3);
                d.config.warm.warm_prefix_target = pick(3);
                if (pick(3) == 0) d.config.warm.warm_ip_target = pick(12);
                if (pick(4) == 0) d.config.warm.minimum_ip_target = pick(20);
                if (pick(4) == 0) {
                    d.config.custom_networking = true;
                    d.config.pod_subnet_id = subnets[static_cast<size_t>(pick(4))];
                }
                d.config.security_groups_for_pods = pick(5) == 0;
                if (pick(4) == 0) d.config.max_pods_override = 5 + pick(120);
                result = add_node(c, d);
            } else {
                Node& n = c.nodes[static_cast<size_t>(pick(static_cast<int>(c.nodes.size())))];
                const std::string name = n.name;
                if (op <= 5) {
                    Result<Pod> p = add_pod(c, name);
                    if (!p.ok()) {
                        result = p.error();
                        may_change_on_failure = p.error().code != ErrorCode::TooManyPods;
                    }
                } else if (op <= 7 && !n.pods.empty()) {
                    const std::string pod =
                        n.pods[static_cast<size_t>(pick(static_cast<int>(n.pods.size())))].name;
                    result = remove_pod(c, name, pod);
                } else if (op == 8) {
                    NodeConfig cfg = n.config;
                    cfg.warm.warm_eni_target = pick(3);
                    cfg.warm.warm_ip_target = pick(2) == 0 ? 0 : pick(10);
                    cfg.warm.minimum_ip_target = pick(2) == 0 ? 0 : pick(15);
                    cfg.warm.warm_prefix_target = pick(3);
                    result = set_node_config(c, name, cfg);
                } else {
                    result = remove_node(c, name);
                }
            }
            ++(result.ok() ? succeeded : failed);
            if (!result.ok() && !may_change_on_failure) {
                CHECK_MESSAGE(c == before, result.error().message);
            }
            Status inv = check_invariants(c);
            REQUIRE_MESSAGE(inv.ok(), (inv.ok() ? "" : inv.error().message));
        }
        CHECK(succeeded > 200);  // the sequence does real work...
        CHECK(failed > 5);       // ...and runs into limits along the way
    }
}

// ---- subnet discovery (ENABLE_SUBNET_DISCOVERY) and the node group kind -------------------

namespace {

Subnet tagged(const char* id, Tags tags) {
    Subnet s;
    s.id = id;
    s.tags = std::move(tags);
    return s;
}

// Node subnet subnet-a (10.0.1.0/24), subnet-b (10.0.2.0/24) and subnet-c (another zone).
void tag(Cluster& c, const char* id, Tags tags) {
    Status s = set_subnet_tags(c.vpc, id, tags);
    REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
}

}  // namespace

TEST_CASE("subnet discovery: which subnets may hold a new secondary ENI (the tag rules)") {
    const Tags none;
    const Tags one{{kSubnetRoleTag, "1"}};
    const Tags zero{{kSubnetRoleTag, "0"}};
    const Tags empty{{kSubnetRoleTag, ""}};
    const Tags other_value{{kSubnetRoleTag, "shared"}};
    std::string why;
    // The node's own subnet: in unless tagged =0.
    CHECK(subnet_eligible_for_enis(tagged("s", none), true, "", &why));
    CHECK(why == "the node's own subnet, untagged: included");
    CHECK(subnet_eligible_for_enis(tagged("s", one), true, "", &why));
    CHECK_FALSE(subnet_eligible_for_enis(tagged("s", zero), true, "", &why));
    CHECK(why == "the node's own subnet, tagged kubernetes.io/role/cni=0: excluded");
    // Any other subnet: only with the tag and a value other than "0" (empty counts as none).
    CHECK_FALSE(subnet_eligible_for_enis(tagged("s", none), false, "", &why));
    CHECK(why == "no kubernetes.io/role/cni tag: not discovered");
    CHECK_FALSE(subnet_eligible_for_enis(tagged("s", empty), false, "", nullptr));
    CHECK_FALSE(subnet_eligible_for_enis(tagged("s", zero), false, "", nullptr));
    CHECK(subnet_eligible_for_enis(tagged("s", one), false, "", &why));
    CHECK(why == "tagged kubernetes.io/role/cni=1");
    CHECK(subnet_eligible_for_enis(tagged("s", other_value), false, "", nullptr));
    // Cluster-specific subnets serve only the clusters they name.
    Tags red = one;
    red[std::string(kClusterTagPrefix) + "red"] = "1";
    CHECK_FALSE(subnet_eligible_for_enis(tagged("s", red), false, "blue", nullptr));
    CHECK(subnet_eligible_for_enis(tagged("s", red), false, "red", nullptr));
    CHECK(subnet_eligible_for_enis(tagged("s", red), false, "", nullptr));  // CLUSTER_NAME unset
    // The old prefix kubernetes.io/cluster/ no longer limits (v1.22.4 moved it).
    Tags old = one;
    old["kubernetes.io/cluster/red"] = "owned";
    CHECK(subnet_eligible_for_enis(tagged("s", old), false, "blue", nullptr));
    // Exclusion of ENIs from pod addresses (IsSubnetExcluded).
    CHECK(subnet_excluded(tagged("s", zero), ""));
    CHECK_FALSE(subnet_excluded(tagged("s", none), ""));
    CHECK_FALSE(subnet_excluded(tagged("s", one), ""));
    CHECK(subnet_excluded(tagged("s", red), "blue"));
}

TEST_CASE("subnet discovery: most free addresses first, other zones never, =0 excluded") {
    Cluster c = one_node(m5_large());
    Node& n = *find_node(c, "node-1");
    // Untagged subnet-b is not discovered: only the node's subnet.
    std::vector<SubnetCandidate> order = eni_subnet_order(c, n);
    REQUIRE(order.size() == 3);  // subnet-a, then subnet-b and subnet-tiny (ineligible)
    CHECK(order[0].subnet_id == "subnet-a");
    CHECK(order[0].eligible);
    CHECK_FALSE(order[1].eligible);
    // Tagged subnet-b (251 free) beats the node's subnet (fewer free: the node holds some).
    tag(c, "subnet-b", {{kSubnetRoleTag, "1"}});
    tag(c, "subnet-c", {{kSubnetRoleTag, "1"}});  // another zone: never a candidate
    order = eni_subnet_order(c, *find_node(c, "node-1"));
    REQUIRE(order.size() == 3);
    CHECK(order[0].subnet_id == "subnet-b");
    CHECK(order[0].free == 251);
    CHECK(order[1].subnet_id == "subnet-a");
    CHECK(order[1].free < 251);
    CHECK(order[2].subnet_id == "subnet-tiny");
    CHECK_FALSE(order[2].eligible);
    // Tag the node's own subnet =0: it drops out.
    tag(c, "subnet-a", {{kSubnetRoleTag, "0"}});
    order = eni_subnet_order(c, *find_node(c, "node-1"));
    CHECK(order[0].subnet_id == "subnet-b");
    CHECK_FALSE(order[1].eligible);
    // Discovery off: the node's subnet alone, and =0 there means no ENI at all.
    Node off = *find_node(c, "node-1");
    off.config.subnet_discovery = false;
    order = eni_subnet_order(c, off);
    REQUIRE(order.size() == 1);
    CHECK_FALSE(order[0].eligible);
    // Custom networking: the ENIConfig's subnet alone.
    Node cn = off;
    cn.config.custom_networking = true;
    cn.config.pod_subnet_id = "subnet-tiny";
    order = eni_subnet_order(c, cn);
    REQUIRE(order.size() == 1);
    CHECK(order[0].subnet_id == "subnet-tiny");
    CHECK(order[0].why == "custom networking: the ENIConfig's subnet");
}

TEST_CASE("subnet discovery: a tagged second building catches new ENIs") {
    Cluster c = campus();
    tag(c, "subnet-b", {{kSubnetRoleTag, "1"}});
    add(c, "node-1", m5_large());
    pods(c, "node-1", 12);  // beyond the primary ENI's 9: ipamd attaches a second ENI
    invariants(c);
    const Node& n = *find_node(c, "node-1");
    REQUIRE(n.enis.size() >= 2);
    CHECK(n.enis[0].subnet_id == "subnet-a");  // the primary ENI stays in the node's subnet
    CHECK(n.enis[0].placement == "the primary ENI always stays in the node's subnet");
    CHECK(n.enis[1].subnet_id == "subnet-b");
    CHECK(has(n.enis[1].placement,
              "subnet discovery: subnet-b has the most free addresses of the eligible subnets"));
    CHECK(has(n.enis[1].placement, "subnet-b (251 free, tagged kubernetes.io/role/cni=1)"));
    const Event* attach = nullptr;
    for (const Event& e : c.events) {
        if (e.kind == EventKind::AttachEni && attach == nullptr) attach = &e;
    }
    REQUIRE(attach != nullptr);
    CHECK(has(attach->text, "Attached eni-2 (device 1) in subnet-b"));
    CHECK(has(attach->text, "Subnet: subnet discovery"));
    // kubelet's max-pods is untouched: the primary ENI still carries pods (unlike custom
    // networking).
    CHECK(stats(c, "node-1").address_capacity == 27);

    // The same campus with discovery off: the second ENI goes to the node's subnet.
    Cluster off = campus();
    tag(off, "subnet-b", {{kSubnetRoleTag, "1"}});
    NodeConfig no_discovery;
    no_discovery.subnet_discovery = false;
    add(off, "node-1", m5_large(), no_discovery);
    pods(off, "node-1", 12);
    const Node& m = *find_node(off, "node-1");
    REQUIRE(m.enis.size() >= 2);
    CHECK(m.enis[1].subnet_id == "subnet-a");
    CHECK(m.enis[1].placement == "subnet discovery is off: the node's subnet subnet-a");
}

TEST_CASE("subnet discovery: when the node's subnet runs out, new ENIs go elsewhere") {
    Cluster c = one_node(m5_large(), {}, "subnet-tiny");  // 11 usable addresses
    // The primary ENI holds 1 + 9; one address is left. Tag subnet-b afterwards.
    tag(c, "subnet-b", {{kSubnetRoleTag, "1"}});
    pods(c, "node-1", 9);
    // Pool short after 9 pods: the new ENI cannot fit in subnet-tiny but fits in subnet-b.
    invariants(c);
    const Node& n = *find_node(c, "node-1");
    REQUIRE(n.enis.size() == 2);
    CHECK(n.enis[1].subnet_id == "subnet-b");
    CHECK(n.pool_error.empty());
    pods(c, "node-1", 9);
    CHECK(stats(c, "node-1").pending == 0);

    // Without the tag the pods would wait: the pool cannot grow.
    Cluster stuck = campus();
    add(stuck, "node-1", m5_large(), {}, "subnet-tiny");
    pods(stuck, "node-1", 9);
    Result<Pod> p = add_pod(stuck, "node-1");
    CHECK_FALSE(p.ok());
    CHECK(p.error().code == ErrorCode::InsufficientFreeAddressesInSubnet);
    invariants(stuck);
}

TEST_CASE("subnet discovery: the node's subnet tagged =0 keeps pods out of it") {
    Cluster c = campus();
    tag(c, "subnet-a", {{kSubnetRoleTag, "0"}});
    tag(c, "subnet-b", {{kSubnetRoleTag, "1"}});
    add(c, "node-1", m5_large());
    const Node& n = *find_node(c, "node-1");
    CHECK(n.enis[0].excluded);
    CHECK_FALSE(carries_pod_addresses(n, n.enis[0]));
    CHECK(max_pod_enis(n) == 2);
    CHECK(address_capacity(n) == 18);
    check_last(c, "node-added", {"the primary ENI carries no pod addresses"});
    // kubelet's 29 admits 27; 18 get addresses in subnet-b, 9 wait.
    for (int i = 0; i < 27; ++i)
        (void)add_pod(c, "node-1");
    invariants(c);
    check_stats(c, "node-1", "pods=18 pending=9");
    for (const Eni& e : find_node(c, "node-1")->enis) {
        if (e.device_index > 0) CHECK(e.subnet_id == "subnet-b");
    }
    CHECK(has(find_node(c, "node-1")->pending[0].waiting,
              "the primary ENI carries none: its subnet is tagged kubernetes.io/role/cni=0"));

    // With discovery off, =0 on the node's subnet leaves no subnet for a secondary ENI.
    Cluster off = campus();
    tag(off, "subnet-a", {{kSubnetRoleTag, "0"}});
    NodeConfig no_discovery;
    no_discovery.subnet_discovery = false;
    add(off, "node-1", m5_large(), no_discovery);
    CHECK_FALSE(find_node(off, "node-1")->enis[0].excluded);
    pods(off, "node-1", 9);
    Result<Pod> p = add_pod(off, "node-1");
    CHECK_FALSE(p.ok());
    CHECK(has(p.error().message, "tagged kubernetes.io/role/cni=0 and subnet discovery is off"));
    CHECK(p.error().code == ErrorCode::NoAvailableIPAddresses);
    invariants(off);
}

TEST_CASE("subnet discovery: cluster-specific subnets") {
    Cluster c = campus();
    c.name = "blue";
    tag(c, "subnet-b", {{kSubnetRoleTag, "1"}, {std::string(kClusterTagPrefix) + "red", "shared"}});
    add(c, "node-1", m5_large());
    pods(c, "node-1", 12);
    CHECK(find_node(c, "node-1")->enis[1].subnet_id == "subnet-a");
    c.name = "red";
    add(c, "node-2", m5_large());
    pods(c, "node-2", 12);
    CHECK(find_node(c, "node-2")->enis[1].subnet_id == "subnet-b");
    invariants(c);
}

TEST_CASE("the node group kind sets a new node's kubelet max-pods") {
    Cluster c = campus();
    const NodeConfig pd = pd_config();
    add(c, "self", t3_small(), pd);
    NodeConfig managed = pd;
    managed.node_group = NodeGroupKind::Managed;
    add(c, "managed", t3_small(), managed);
    CHECK(find_node(c, "self")->max_pods == 11);
    CHECK(find_node(c, "managed")->max_pods == 110);
    check_last(c, "node-added", {"an EKS managed node group without a custom AMI"});
    pods(c, "managed", 40);  // 40 pods fit on the managed node without touching max-pods
    CHECK(stats(c, "managed").pods == 40);
    Result<Pod> refused = [&] {
        for (int i = 0; i < 9; ++i)
            (void)add_pod(c, "self");
        return add_pod(c, "self");
    }();
    CHECK_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::TooManyPods);
    CHECK(has(refused.error().message, "on a self-managed node max-pods is still nodeadm's value"));
    // The kind cannot change on a running node.
    NodeConfig changed = find_node(c, "self")->config;
    changed.node_group = NodeGroupKind::Managed;
    Status s = set_node_config(c, "self", changed);
    CHECK_FALSE(s.ok());
    CHECK(has(s.error().message, "The node group kind cannot change on a running node"));
    // Nor subnet discovery: ipamd decides ENI exclusion when it sets an ENI up.
    NodeConfig no_discovery = find_node(c, "self")->config;
    no_discovery.subnet_discovery = false;
    const Cluster before = c;
    s = set_node_config(c, "self", no_discovery);
    CHECK_FALSE(s.ok());
    CHECK(has(s.error().message, "Subnet discovery cannot change on a running node"));
    CHECK(c == before);
    invariants(c);
}
