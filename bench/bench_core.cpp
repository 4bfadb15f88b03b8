// bench_core.cpp: how fast the core model answers, in numbers (no pass/fail).
//
// 1. max-pods for the whole catalog under every option combination.
// 2. A 1,000-node cluster growing to 50,000 pods, one add_pod at a time, each followed by
//    ipamd's warm-pool reconciliation (what add_pod does), plus add_node and the full
//    invariant check.
// 3. "One slider move" on a 100-node campus: a warm target changed on one node and settled,
//    every node's figures recomputed, a snapshot copy (undo), and the whole scenario rebuilt.
// Times are medians over several runs, from std::chrono::steady_clock, in microseconds.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "assets.h"
#include "capacity.h"
#include "catalog.h"
#include "cluster.h"
#include "ipam.h"
#include "scenario.h"
#include "vpc.h"

namespace {

using Clock = std::chrono::steady_clock;

double micros_since(Clock::time_point start) {
    return std::chrono::duration<double, std::micro>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    const std::size_t i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1));
    return v[i];
}

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "campus_bench: %s\n", what.c_str());
    std::exit(1);
}

template <typename T>
T must(core::Result<T> r, const char* what) {
    if (!r) die(std::string(what) + ": " + r.error().message);
    return std::move(r).value();
}

void must(const core::Status& s, const char* what) {
    if (!s) die(std::string(what) + ": " + s.error().message);
}

const core::InstanceType& type_named(const core::Catalog& catalog, const char* name) {
    return *must(core::find_instance_type(catalog, name), name);
}

// Keeps the optimiser from dropping a computed value.
volatile long long g_sink = 0;

// ---- 1. max-pods over the catalog ---------------------------------------------------------

void bench_max_pods(const core::Catalog& catalog) {
    constexpr int kRuns = 9;
    std::vector<double> runs;
    long long calls = 0;
    for (int run = 0; run < kRuns; ++run) {
        calls = 0;
        const Clock::time_point start = Clock::now();
        for (int combo = 0; combo < 8; ++combo) {
            core::CapacityOptions o;
            o.prefix_delegation = (combo & 1) != 0;
            o.custom_networking = (combo & 2) != 0;
            o.security_groups_for_pods = (combo & 4) != 0;
            for (const core::InstanceType& t : catalog.types) {
                const core::MaxPods m = core::max_pods(t, o);
                g_sink = g_sink + m.max_pods + static_cast<long long>(m.steps.size());
                ++calls;
            }
        }
        runs.push_back(micros_since(start));
    }
    const double total = median(runs);
    std::printf(
        "max-pods, whole catalog x 8 option combinations (%lld calls, with derivation "
        "text)\n",
        calls);
    std::printf("  median of %d runs: %.0f us total, %.2f us per call\n\n", kRuns, total,
                total / static_cast<double>(calls));
}

// ---- 2. 1,000 nodes, 50,000 pods ----------------------------------------------------------

constexpr int kBigNodes = 1000;
constexpr int kBigPods = 50000;

struct BigRun {
    double add_nodes_us = 0;
    double add_pods_us = 0;
    std::vector<double> per_pod_us;
    double invariants_us = 0;
    long long addresses_used = 0;
    int enis = 0;
    int pods_running = 0;
};

// VPC 10.0.0.0/16 + secondary 10.1.0.0/16, four /17 subnets over two zones (32,763 usable
// addresses each), 250 m5.2xlarge nodes per subnet in secondary-IP mode with the default
// WARM_ENI_TARGET=1. At 50 pods a node holds all 4 ENIs (4 primaries + 56 secondary IPs =
// 60 addresses): 15,000 of each subnet's addresses, 60,000 in all.
core::Cluster big_campus() {
    core::Vpc vpc = must(core::make_vpc("10.0.0.0/16"), "make_vpc");
    must(core::add_vpc_cidr(vpc, "10.1.0.0/16"), "add_vpc_cidr");
    const char* cidrs[] = {"10.0.0.0/17", "10.0.128.0/17", "10.1.0.0/17", "10.1.128.0/17"};
    const char* zones[] = {"us-east-1a", "us-east-1b", "us-east-1a", "us-east-1b"};
    for (int i = 0; i < 4; ++i) {
        core::SubnetDesc d;
        d.id = std::string("subnet-") + static_cast<char>('a' + i);
        d.az = zones[i];
        d.cidr = cidrs[i];
        must(core::add_subnet(vpc, d), "add_subnet");
    }
    return core::make_cluster(std::move(vpc));
}

BigRun run_big(const core::Catalog& catalog) {
    BigRun r;
    core::Cluster c = big_campus();
    const core::InstanceType& type = type_named(catalog, "m5.2xlarge");
    std::vector<std::string> names;
    names.reserve(kBigNodes);

    Clock::time_point start = Clock::now();
    for (int i = 0; i < kBigNodes; ++i) {
        core::NodeDesc d;
        d.name = "node-" + std::to_string(i + 1);
        d.type = type;
        d.subnet_id = std::string("subnet-") + static_cast<char>('a' + i % 4);
        must(core::add_node(c, d), "add_node");
        names.push_back(d.name);
    }
    r.add_nodes_us = micros_since(start);

    r.per_pod_us.reserve(kBigPods);
    start = Clock::now();
    for (int i = 0; i < kBigPods; ++i) {
        const Clock::time_point one = Clock::now();
        core::Result<core::Pod> pod = core::add_pod(c, names[i % kBigNodes]);
        r.per_pod_us.push_back(micros_since(one));
        if (!pod) die("add_pod: " + pod.error().message);
    }
    r.add_pods_us = micros_since(start);

    start = Clock::now();
    must(core::check_invariants(c), "check_invariants");
    r.invariants_us = micros_since(start);

    for (const core::Subnet& s : c.vpc.subnets)
        r.addresses_used += static_cast<long long>(core::used_addresses(s));
    for (const core::Node& n : c.nodes) {
        r.enis += static_cast<int>(n.enis.size());
        r.pods_running += static_cast<int>(n.pods.size());
    }
    return r;
}

void bench_big_cluster(const core::Catalog& catalog) {
    constexpr int kRuns = 3;
    std::vector<double> nodes, pods, invariants, mean_pod, median_pod, p99_pod, max_pod;
    BigRun last;
    for (int run = 0; run < kRuns; ++run) {
        BigRun r = run_big(catalog);
        nodes.push_back(r.add_nodes_us);
        pods.push_back(r.add_pods_us);
        invariants.push_back(r.invariants_us);
        mean_pod.push_back(r.add_pods_us / kBigPods);
        median_pod.push_back(median(r.per_pod_us));
        p99_pod.push_back(percentile(r.per_pod_us, 0.99));
        max_pod.push_back(*std::max_element(r.per_pod_us.begin(), r.per_pod_us.end()));
        last = std::move(r);
    }
    std::printf(
        "cluster: %d m5.2xlarge nodes in 4 /17 subnets (VPC 10.0.0.0/16 + 10.1.0.0/16), "
        "secondary IPs, WARM_ENI_TARGET=1;\n"
        "         %d pods added round-robin, one add_pod each (ipamd settles after "
        "each)\n",
        kBigNodes, kBigPods);
    std::printf("  end state: %d pods running, %d ENIs, %lld VPC addresses in use\n",
                last.pods_running, last.enis, last.addresses_used);
    std::printf("  median of %d runs:\n", kRuns);
    std::printf("    add_node x %d:        %.0f us total, %.2f us per node\n", kBigNodes,
                median(nodes), median(nodes) / kBigNodes);
    std::printf("    add_pod x %d:        %.0f us total, %.2f us per add_pod (mean)\n", kBigPods,
                median(pods), median(mean_pod));
    std::printf("    per add_pod:           median %.2f us, p99 %.2f us, max %.0f us\n",
                median(median_pod), median(p99_pod), median(max_pod));
    std::printf("    check_invariants:      %.0f us for the whole cluster\n\n", median(invariants));
}

// ---- 3. one slider move on a 100-node campus -----------------------------------------------

constexpr int kSmallNodes = 100;
constexpr int kSmallPodsPerNode = 25;

core::Scenario small_scenario() {
    core::Scenario s;
    s.name = "bench campus";
    s.vpc_cidrs = {"10.0.0.0/16"};
    core::ScenarioSubnet a;
    a.id = "subnet-a";
    a.cidr = "10.0.0.0/18";
    core::ScenarioSubnet b;
    b.id = "subnet-b";
    b.az = "us-east-1b";
    b.cidr = "10.0.64.0/18";
    s.subnets = {a, b};
    for (const char* subnet : {"subnet-a", "subnet-b"}) {
        core::NodeGroup g;
        g.name = std::string("web-") + subnet[7];
        g.instance_type = "m5.2xlarge";
        g.subnet = subnet;
        g.count = kSmallNodes / 2;
        s.node_groups.push_back(g);
        core::PodGroup p;
        p.node_group = g.name;
        p.count = kSmallNodes / 2 * kSmallPodsPerNode;
        s.pods.push_back(p);
    }
    return s;
}

template <typename F>
double median_micros(int runs, F&& f) {
    std::vector<double> t;
    t.reserve(static_cast<std::size_t>(runs));
    for (int i = 0; i < runs; ++i) {
        const Clock::time_point start = Clock::now();
        f(i);
        t.push_back(micros_since(start));
    }
    return median(std::move(t));
}

void bench_slider(const core::Catalog& catalog) {
    const core::Scenario scenario = small_scenario();
    must(core::validate_scenario(scenario, catalog), "validate_scenario");
    core::Cluster c = must(core::build_cluster(scenario, catalog), "build_cluster");
    const std::string node = c.nodes[kSmallNodes / 2].name;

    // a. WARM_IP_TARGET on one node moves between 2 and 20 (ipamd grows or shrinks the pool).
    const double set_config = median_micros(201, [&](int i) {
        core::NodeConfig cfg = core::find_node(c, node)->config;
        cfg.warm.warm_ip_target = (i % 2 == 0) ? 20 : 2;
        must(core::set_node_config(c, node, cfg), "set_node_config");
    });
    // b. What a view redraws: node_stats and pool_state of every node.
    const double all_stats = median_micros(201, [&](int) {
        for (const core::Node& n : c.nodes) {
            const core::NodeStats s = core::node_stats(n);
            const core::PoolState p = core::pool_state(n);
            g_sink = g_sink + s.ips + p.free + static_cast<long long>(p.reason.size());
        }
    });
    // c. A snapshot for undo ("copying a Cluster is a snapshot").
    const double snapshot = median_micros(51, [&](int) {
        core::Cluster copy = c;
        g_sink = g_sink + static_cast<long long>(copy.nodes.size());
    });
    // d. The whole scenario rebuilt from scratch (a view that re-runs the scenario).
    const double rebuild = median_micros(11, [&](int) {
        core::Cluster again = must(core::build_cluster(scenario, catalog), "build_cluster");
        g_sink = g_sink + static_cast<long long>(again.nodes.size());
    });
    std::printf("one slider move on a %d-node campus (m5.2xlarge, %d pods each, 2 subnets)\n",
                kSmallNodes, kSmallPodsPerNode);
    std::printf("  median:\n");
    std::printf("    WARM_IP_TARGET 2 <-> 20 on one node + settle: %9.1f us\n", set_config);
    std::printf("    node_stats + pool_state of all %d nodes:     %9.1f us\n", kSmallNodes,
                all_stats);
    std::printf("    snapshot copy of the cluster (undo):          %9.1f us\n", snapshot);
    std::printf("    rebuild the scenario from scratch:            %9.1f us\n", rebuild);
}

// Bad scenarios a learner might import are refused quickly, whatever their size: the two
// that once took seconds (tests/bad_input_test.cpp A8, A9 keep their messages right).
void bench_bad_scenarios(const core::Catalog& catalog) {
    std::string objects = R"({"version": 1, "name": "q", "pods": [)";
    while (objects.size() < core::kMaxScenarioBytes - 8)
        objects += "{},";
    objects += "{}]}";
    const std::string long_name =
        R"({"version": 1, "name": "small", "vpc": {"cidrs": ["10.0.0.0/16"]}, "subnets": )"
        R"([{"id": "subnet-a", "cidr": "10.0.1.0/24"}], "nodeGroups": [{"name": "web", )"
        R"("instanceType": ")" +
        std::string(100000, 'x') +
        R"(", "subnet": "subnet-a"}], "pods": [{"nodeGroup": "web", "count": 3}]})";
    constexpr int kRuns = 5;
    std::vector<double> array_us, name_us;
    for (int i = 0; i < kRuns; ++i) {
        Clock::time_point t = Clock::now();
        if (core::load_scenario(objects, catalog)) die("a 1 MiB array of objects was accepted");
        array_us.push_back(micros_since(t));
        t = Clock::now();
        if (core::load_scenario(long_name, catalog)) die("a 100,000-character type was accepted");
        name_us.push_back(micros_since(t));
    }
    std::printf("refusing bad scenarios (median of %d runs)\n", kRuns);
    std::printf("    1 MiB array of empty objects:             %9.0f us (once 20 min)\n",
                median(array_us));
    std::printf("    100,000-character instance type:          %9.0f us (once 7 s)\n\n",
                median(name_us));
}

}  // namespace

int main() {
    const Clock::time_point start = Clock::now();
    const core::Catalog catalog =
        must(core::load_catalog(core::asset("catalog.json")), "load_catalog");
    std::printf(
        "campus_bench: %zu instance types; times from std::chrono::steady_clock, in "
        "microseconds\n\n",
        catalog.types.size());
    bench_max_pods(catalog);
    bench_big_cluster(catalog);
    bench_slider(catalog);
    bench_bad_scenarios(catalog);
    std::printf("\nwhole bench: %.1f s\n", micros_since(start) / 1e6);
    return 0;
}
