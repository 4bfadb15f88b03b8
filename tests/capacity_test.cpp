// capacity_test.cpp: max-pods against AWS's published values, the option rules, the
// derivation steps, the seed figure, and properties over the whole catalog.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "capacity.h"
#include "catalog.h"
#include "test_support.h"

namespace {

using core::CapacityOptions;
using core::InstanceType;
using core::MaxPods;

constexpr CapacityOptions kPd{true, false, false};
constexpr CapacityOptions kCustom{false, true, false};
constexpr CapacityOptions kCustomPd{true, true, false};
constexpr CapacityOptions kSgp{false, false, true};
constexpr CapacityOptions kCustomSgp{false, true, true};

MaxPods pods(const char* name, const CapacityOptions& options = {}) {
    return core::max_pods(test_type(name), options);
}

bool any_note(const MaxPods& m, const std::string& part) {
    for (const std::string& note : m.notes) {
        if (note.find(part) != std::string::npos) return true;
    }
    return false;
}

// A synthetic nitro type for edge cases the catalog does not hold.
InstanceType synthetic(int vcpus) {
    InstanceType t;
    t.name = "x9.test";
    t.vcpus = vcpus;
    t.max_enis = 4;
    t.ipv4_per_eni = 15;
    t.hypervisor = core::Hypervisor::Nitro;
    t.branch_enis = 10;
    t.enis_all_cards = 4;
    return t;
}

}  // namespace

TEST_CASE("secondary IP mode matches eni-max-pods.txt") {
    struct Known {
        const char* name;
        long long max_pods;
    };
    // ENIs x (IPs per ENI - 1) + 2, as AWS publishes them.
    const Known known[] = {
        {"t3.nano", 4},        {"t3.micro", 4},      {"t3.small", 11},     {"t3.medium", 17},
        {"t3.large", 35},      {"m5.large", 29},     {"m5.xlarge", 58},    {"m5.2xlarge", 58},
        {"c5.large", 29},      {"c5.18xlarge", 737}, {"m5.24xlarge", 737}, {"t2.micro", 4},
        {"p4d.24xlarge", 737}, {"a1.medium", 8},
    };
    for (const Known& k : known) {
        CAPTURE(k.name);
        const MaxPods m = pods(k.name);
        CHECK(m.max_pods == k.max_pods);
        CHECK(m.pod_ips == k.max_pods - 2);
        CHECK(m.ami_max_pods == k.max_pods);
    }
}

TEST_CASE("t3.small: the worked example, step by step") {
    const MaxPods m = pods("t3.small");
    CHECK(m.instance_type == "t3.small");
    CHECK(m.enis == 3);
    CHECK(m.ips_per_eni == 4);
    CHECK(m.pod_enis == 3);
    CHECK(m.pod_ips == 9);
    CHECK(m.max_pods == 11);
    CHECK(m.recommended_cap == 110);
    CHECK(m.recommended_max_pods == 11);
    CHECK(m.seed_figure == 9);
    CHECK(m.seed_formula == "(3 x 4) - 3");
    CHECK_FALSE(m.seed_approximate);

    REQUIRE(m.steps.size() == 5);
    CHECK(m.steps[0].label == "ENIs on the default network card");
    CHECK(m.steps[0].formula.empty());
    CHECK(m.steps[0].value == 3);
    CHECK(m.steps[1].label == "addresses per ENI (primary included)");
    CHECK(m.steps[1].value == 4);
    CHECK(m.steps[2].label == "pod addresses");
    CHECK(m.steps[2].formula == "3 ENIs x (4 - 1) addresses");
    CHECK(m.steps[2].value == 9);
    CHECK(m.steps[3].label == "max-pods");
    CHECK(m.steps[3].formula == "9 + 2 host-network pods (aws-node, kube-proxy)");
    CHECK(m.steps[3].value == 11);
    CHECK(m.steps[4].label == "recommended max-pods");
    CHECK(m.steps[4].formula == "min(11, 110 for 30 vCPUs or fewer)");
    CHECK(m.steps[4].value == 11);
    CHECK(any_note(m, "The simple count (3 x 4) - 3 = 9"));
}

TEST_CASE("prefix delegation: 16 addresses per secondary slot, capped by vCPUs") {
    const MaxPods t3 = pods("t3.small", kPd);
    CHECK(t3.prefix_delegation);
    CHECK(t3.prefix_delegation_requested);
    CHECK(t3.pod_ips == 144);
    CHECK(t3.max_pods == 146);
    CHECK(t3.recommended_max_pods == 110);
    CHECK(t3.ami_max_pods == 11);
    CHECK(t3.seed_figure == 189);
    CHECK(t3.seed_formula == "(3 x 4 x 16) - 3");
    CHECK(t3.seed_approximate);
    CHECK(t3.steps[2].formula == "3 ENIs x (4 - 1) prefix slots x 16 addresses per /28 prefix");
    CHECK(t3.steps[4].formula == "min(146, 110 for 30 vCPUs or fewer)");
    CHECK(any_note(t3, "does not raise kubelet's max-pods by itself"));
    CHECK(any_note(t3, "(11)"));

    const MaxPods m5 = pods("m5.large", kPd);
    CHECK(m5.max_pods == 434);
    CHECK(m5.recommended_max_pods == 110);

    const MaxPods big = pods("c5.18xlarge", kPd);
    CHECK(big.max_pods == 15 * 49 * 16 + 2);
    CHECK(big.recommended_cap == 250);
    CHECK(big.recommended_max_pods == 250);
    CHECK(big.steps.back().formula == "min(11762, 250 for more than 30 vCPUs)");
}

TEST_CASE("prefix delegation falls back silently where ipamd cannot use it") {
    const MaxPods xen = pods("t2.micro", kPd);
    CHECK(xen.prefix_delegation_requested);
    CHECK_FALSE(xen.prefix_delegation);
    CHECK(xen.pod_ips == 2);
    CHECK(xen.max_pods == 4);
    CHECK(xen.seed_formula == "(2 x 2) - 2");
    CHECK(any_note(xen, "no effect on t2.micro (xen hypervisor)"));
    CHECK(any_note(xen, "silently falls back"));
    CHECK_FALSE(core::supports_prefix_delegation(test_type("t2.micro")));

    // Unknown hypervisor, not bare metal: no PD either.
    const InstanceType& old = test_type("cr1.8xlarge");
    CHECK_FALSE(core::supports_prefix_delegation(old));
    CHECK_FALSE(core::max_pods(old, kPd).prefix_delegation);
    CHECK(any_note(core::max_pods(old, kPd), "hypervisor unknown and not bare metal"));
}

TEST_CASE("bare metal takes prefix delegation although its hypervisor is unknown") {
    const InstanceType& metal = test_type("m5.metal");
    CHECK(metal.hypervisor == core::Hypervisor::Unknown);
    CHECK(core::supports_prefix_delegation(metal));
    const MaxPods m = core::max_pods(metal, kPd);
    CHECK(m.prefix_delegation);
    CHECK(m.max_pods == 15 * 49 * 16 + 2);
    CHECK(m.recommended_max_pods == 250);
    CHECK(core::max_pods(metal).max_pods == 737);
}

TEST_CASE("custom networking: the primary ENI carries no pod addresses") {
    const MaxPods m = pods("m5.large", kCustom);
    CHECK(m.custom_networking);
    CHECK(m.pod_enis == 2);
    CHECK(m.pod_ips == 18);
    CHECK(m.max_pods == 20);
    CHECK(m.recommended_max_pods == 20);
    REQUIRE(m.steps.size() == 6);
    CHECK(m.steps[2].label == "ENIs that carry pod addresses");
    CHECK(m.steps[2].formula == "3 ENIs - 1 primary ENI (custom networking)");
    CHECK(m.steps[2].value == 2);
    CHECK(m.steps[3].formula == "2 ENIs x (10 - 1) addresses");
    CHECK(any_note(m, "ContainerCreating"));
    // The seed's simple count ignores custom networking.
    CHECK(m.seed_figure == 27);

    const MaxPods pd = pods("m5.large", kCustomPd);
    CHECK(pd.max_pods == 290);
    CHECK(pd.recommended_max_pods == 110);
}

TEST_CASE("security groups for pods: the trunk ENI takes a slot") {
    const MaxPods m = pods("m5.large", kSgp);
    CHECK(m.security_groups_for_pods);
    CHECK(m.security_groups_for_pods_requested);
    CHECK(m.sgp_supported);
    CHECK(m.branch_enis == 9);
    CHECK(m.pod_enis == 2);
    CHECK(m.pod_ips == 18);
    CHECK(m.max_pods == 20);
    CHECK(m.steps[2].formula == "3 ENIs - 1 trunk ENI (security groups for pods)");
    CHECK(any_note(m, "Up to 9 pods"));
    CHECK(any_note(m, "count against max-pods"));

    // Both reductions together.
    const MaxPods both = pods("m5.large", kCustomSgp);
    CHECK(both.pod_enis == 1);
    CHECK(both.pod_ips == 9);
    CHECK(both.max_pods == 11);
    CHECK(both.steps[2].formula ==
          "3 ENIs - 1 primary ENI (custom networking) - 1 trunk ENI (security groups for pods)");
    CHECK(both.steps[3].formula == "1 ENI x (10 - 1) addresses");
}

TEST_CASE("security groups for pods is unsupported on the t family: no trunk is taken") {
    const MaxPods m = pods("t3.small", kSgp);
    CHECK(m.security_groups_for_pods_requested);
    CHECK_FALSE(m.security_groups_for_pods);
    CHECK_FALSE(m.sgp_supported);
    CHECK(m.branch_enis == 0);
    CHECK(m.pod_enis == 3);
    CHECK(m.max_pods == 11);
    CHECK(m.steps.size() == 5);
    CHECK(any_note(m, "not supported on t3.small"));
    CHECK(any_note(m, "t family"));
    CHECK_FALSE(core::supports_security_groups_for_pods(test_type("t3.large")));
    CHECK(core::supports_security_groups_for_pods(test_type("m5.large")));

    // Unlisted branch ENIs (-1) count as unsupported and report 0.
    const MaxPods unlisted = pods("bmn-sf1.metal", kSgp);
    CHECK_FALSE(unlisted.sgp_supported);
    CHECK(unlisted.branch_enis == 0);
    CHECK(unlisted.pod_enis == 15);
    CHECK(any_note(unlisted, "not listed with branch ENIs"));
}

TEST_CASE("multi-card instances use the default card's ENIs only") {
    const MaxPods m = pods("p4d.24xlarge");
    CHECK(m.enis == 15);
    CHECK(m.max_pods == 737);
    CHECK(m.steps[0].formula ==
          "15 of 60 ENIs over 4 network cards; the CNI uses the default card");
    CHECK(any_note(m, "4 network cards with 60 ENIs"));
}

TEST_CASE("recommended cap: 110 up to 30 vCPUs, 250 above, 110 when unknown") {
    CHECK(core::max_pods(synthetic(29), kPd).recommended_cap == 110);
    const MaxPods thirty = core::max_pods(synthetic(30), kPd);
    CHECK(thirty.recommended_cap == 110);
    CHECK(thirty.recommended_max_pods == 110);
    CHECK(any_note(thirty, "< 30 vCPUs: 110"));
    CHECK_FALSE(any_note(core::max_pods(synthetic(29), kPd), "< 30 vCPUs"));
    CHECK_FALSE(any_note(core::max_pods(synthetic(31), kPd), "< 30 vCPUs"));
    CHECK(core::max_pods(synthetic(31), kPd).recommended_cap == 250);
    CHECK(core::max_pods(synthetic(31), kPd).recommended_max_pods == 250);
    // The cap applies without prefix delegation too, and never raises max-pods.
    CHECK(core::max_pods(synthetic(31)).recommended_max_pods == 58);

    const MaxPods unknown = pods("bmn-sf1.metal", kPd);
    CHECK(unknown.recommended_cap == 110);
    CHECK(unknown.recommended_max_pods == 110);
    CHECK(any_note(unknown, "No public vCPU count for bmn-sf1.metal"));
    CHECK(unknown.steps.back().formula ==
          "min(11762, 110: vCPU count unknown, taken as 30 or fewer)");
}

TEST_CASE("an instance with a single ENI has none left under custom networking") {
    const MaxPods m = pods("hpc6id.32xlarge", kCustom);
    CHECK(m.enis == 1);
    CHECK(m.pod_enis == 0);
    CHECK(m.pod_ips == 0);
    CHECK(m.max_pods == 2);
    CHECK(m.steps[3].formula == "0 ENIs x (50 - 1) addresses");
    CHECK(any_note(m, "No ENI is left"));
}

TEST_CASE("properties over the whole catalog, every option combination") {
    const core::Catalog& catalog = test_catalog();
    REQUIRE(catalog.types.size() > 1000);
    for (const InstanceType& t : catalog.types) {
        CAPTURE(t.name);
        const MaxPods base = core::max_pods(t);
        // The seed's simple count is exactly the pod addresses of the default mode.
        CHECK(base.seed_figure == base.pod_ips);
        CHECK(base.ami_max_pods == base.max_pods);
        CHECK(base.pod_ips == static_cast<long long>(t.max_enis) * (t.ipv4_per_eni - 1));
        for (int bits = 0; bits < 8; ++bits) {
            const CapacityOptions o{(bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0};
            const MaxPods m = core::max_pods(t, o);
            CHECK(m.max_pods == m.pod_ips + 2);
            CHECK(m.recommended_max_pods <= m.max_pods);
            CHECK(m.recommended_max_pods <= m.recommended_cap);
            CHECK((m.recommended_cap == 110 || m.recommended_cap == 250));
            CHECK(m.pod_enis >= 0);
            CHECK(m.pod_enis <= m.enis);
            CHECK(m.prefix_delegation ==
                  (o.prefix_delegation && core::supports_prefix_delegation(t)));
            CHECK(m.steps.back().value == m.recommended_max_pods);
            CHECK(m.ami_max_pods == base.max_pods);

            const CapacityOptions with_pd{true, o.custom_networking, o.security_groups_for_pods};
            CHECK(core::max_pods(t, with_pd).max_pods >= m.max_pods);
            const CapacityOptions with_custom{o.prefix_delegation, true,
                                              o.security_groups_for_pods};
            CHECK(core::max_pods(t, with_custom).max_pods <= m.max_pods);
            const CapacityOptions with_sgp{o.prefix_delegation, o.custom_networking, true};
            CHECK(core::max_pods(t, with_sgp).max_pods <= m.max_pods);
        }
    }
}
