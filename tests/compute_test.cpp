// compute_test.cpp: CPU and memory taken by a room full of pods, against hand-worked values.
#include <doctest/doctest.h>

#include <string>

#include "capacity.h"
#include "compute.h"
#include "test_support.h"

namespace {

bool mentions(const core::Error& e, const char* part) {
    return has(e.message, part);
}

}  // namespace

TEST_CASE("t3.small full of 100m / 128 MiB pods leaves CPU and memory idle") {
    const core::InstanceType& t = test_type("t3.small");  // 2 vCPU, 2048 MiB
    const core::MaxPods m = core::max_pods(t);
    REQUIRE(m.pod_ips == 9);
    auto r = core::compute_use(t, m.pod_ips, 100, 128);
    REQUIRE(r.ok());
    CHECK(r->known);
    CHECK(r->cpu_millis == 2000);
    CHECK(r->memory_mib == 2048);
    CHECK(r->cpu_used_millis == 900);
    CHECK(r->memory_used_mib == 1152);
    CHECK(r->cpu_fraction == doctest::Approx(0.45));
    CHECK(r->memory_fraction == doctest::Approx(0.5625));
    CHECK(r->pods_by_cpu == 20);
    CHECK(r->pods_by_memory == 16);
    CHECK(core::first_limit(*r, m.pod_ips) == core::PodLimit::Addresses);
    CHECK(std::string(core::pod_limit_name(core::first_limit(*r, m.pod_ips))) == "IP addresses");
}

TEST_CASE("large requests hit CPU or memory before the addresses") {
    const core::InstanceType& t = test_type("m5.large");  // 2 vCPU, 8192 MiB, 27 pod IPs
    auto cpu = core::compute_use(t, 27, 500, 128);
    REQUIRE(cpu.ok());
    CHECK(cpu->pods_by_cpu == 4);
    CHECK(cpu->cpu_fraction == doctest::Approx(6.75));
    CHECK(core::first_limit(*cpu, 27) == core::PodLimit::Cpu);
    auto mem = core::compute_use(t, 27, 50, 1024);
    REQUIRE(mem.ok());
    CHECK(mem->pods_by_memory == 8);
    CHECK(mem->pods_by_cpu == 40);
    CHECK(core::first_limit(*mem, 27) == core::PodLimit::Memory);
    CHECK(std::string(core::pod_limit_name(core::PodLimit::Memory)) == "memory");
    // A tie between addresses and CPU keeps the addresses as the limit.
    auto tie = core::compute_use(t, 27, 2000 / 27, 64);
    REQUIRE(tie.ok());
    CHECK(tie->pods_by_cpu == 27);
    CHECK(core::first_limit(*tie, 27) == core::PodLimit::Addresses);
}

TEST_CASE("pods_that_fit: the fewest of addresses, CPU and memory") {
    const core::InstanceType& t = test_type("t3.small");  // 2 vCPU, 2048 MiB, 9 pod IPs
    auto small = core::compute_use(t, 9, 100, 128);
    REQUIRE(small.ok());
    CHECK(core::pods_that_fit(*small, 9) == 9);  // addresses first
    auto cpu = core::compute_use(t, 9, 500, 128);
    REQUIRE(cpu.ok());
    CHECK(core::pods_that_fit(*cpu, 9) == 4);  // 2000m / 500m
    auto mem = core::compute_use(t, 9, 100, 1024);
    REQUIRE(mem.ok());
    CHECK(core::pods_that_fit(*mem, 9) == 2);  // 2048 MiB / 1024 MiB
    auto huge = core::compute_use(t, 9, 4000, 128);
    REQUIRE(huge.ok());
    CHECK(core::pods_that_fit(*huge, 9) == 0);  // one pod asks for more CPU than the room has
    core::InstanceType unknown;
    unknown.name = "x9.mystery";
    auto u = core::compute_use(unknown, 9, 4000, 128);
    REQUIRE(u.ok());
    CHECK(core::pods_that_fit(*u, 9) == 9);
}

TEST_CASE("zero pods use nothing") {
    auto r = core::compute_use(test_type("m5.large"), 0, 100, 128);
    REQUIRE(r.ok());
    CHECK(r->cpu_used_millis == 0);
    CHECK(r->cpu_fraction == 0.0);
    CHECK(r->memory_fraction == 0.0);
}

TEST_CASE("types without vCPU or memory say so") {
    core::InstanceType t;
    t.name = "x9.mystery";
    t.max_enis = 3;
    t.ipv4_per_eni = 4;
    auto r = core::compute_use(t, 9, 100, 128);
    REQUIRE(r.ok());
    CHECK_FALSE(r->known);
    CHECK(r->cpu_fraction == 0.0);
    CHECK(r->pods_by_cpu == 0);
    CHECK(has(r->note, "No public vCPU or memory figure for x9.mystery"));
    CHECK(core::first_limit(*r, 9) == core::PodLimit::Unknown);
    t.vcpus = 4;
    auto m = core::compute_use(t, 9, 100, 128);
    REQUIRE(m.ok());
    CHECK_FALSE(m->known);
    CHECK(has(m->note, "No public memory figure"));
    t.vcpus = 0;
    t.memory_mib = 4096;
    auto c = core::compute_use(t, 9, 100, 128);
    REQUIRE(c.ok());
    CHECK(has(c->note, "No public vCPU figure"));
}

TEST_CASE("the catalog's types without figures are reported, the others are known") {
    int unknown = 0;
    for (const core::InstanceType& t : test_catalog().types) {
        auto r = core::compute_use(t, 1, 100, 128);
        REQUIRE(r.ok());
        if (!r->known) {
            ++unknown;
            CHECK_FALSE(r->note.empty());
        } else {
            CHECK(r->cpu_millis == static_cast<long long>(t.vcpus) * 1000);
        }
    }
    CHECK(unknown < 20);
}

TEST_CASE("bad requests are refused with a readable message") {
    const core::InstanceType& t = test_type("t3.small");
    auto neg = core::compute_use(t, -1, 100, 128);
    REQUIRE_FALSE(neg.ok());
    CHECK(mentions(neg.error(), "cannot be negative (-1)"));
    auto cpu = core::compute_use(t, 9, 0, 128);
    REQUIRE_FALSE(cpu.ok());
    CHECK(mentions(cpu.error(), "CPU request must be between 1m"));
    CHECK(mentions(cpu.error(), "0m is not"));
    auto big = core::compute_use(t, 9, core::kMaxCpuRequestMillis + 1, 128);
    REQUIRE_FALSE(big.ok());
    auto mem = core::compute_use(t, 9, 100, -5);
    REQUIRE_FALSE(mem.ok());
    CHECK(mentions(mem.error(), "memory request must be between 1 MiB"));
    CHECK(mentions(mem.error(), "-5 MiB is not"));
}
