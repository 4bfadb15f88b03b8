// capacity_test.cpp: max-pods against AWS's published values, the option rules, the
// derivation steps, the seed figure, and properties over the whole catalog.
#include <doctest/doctest.h>

#include <algorithm>
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
        if (has(note, part)) return true;
    }
    return false;
}

// A MaxPods field by name, for check_values (the formulas, with their spaces, are checked
// one by one).
std::string figure(const MaxPods& m, const char* name) {
    return field(
        name, {FIELD(m, instance_type), FIELD(m, enis), FIELD(m, ips_per_eni), FIELD(m, pod_enis),
               FIELD(m, branch_enis), FIELD(m, pod_ips), FIELD(m, max_pods), FIELD(m, ami_max_pods),
               FIELD(m, recommended_max_pods), FIELD(m, recommended_cap), FIELD(m, trunk_cost),
               FIELD(m, seed_figure), FIELD(m, seed_approximate), FIELD(m, waiting_when_full),
               FIELD(m, kubelet.value),
               // The options asked for, and those that took effect on the type.
               FIELD(m, prefix_delegation), FIELD(m, prefix_delegation_requested),
               FIELD(m, custom_networking), FIELD(m, security_groups_for_pods),
               FIELD(m, security_groups_for_pods_requested), FIELD(m, sgp_supported)});
}

// A synthetic nitro type for edge cases the catalog does not hold.
InstanceType synthetic(int vcpus) {
    InstanceType t = hand_type("x9.test", 4, 15, core::Hypervisor::Nitro, 10);
    t.vcpus = vcpus;
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
    check_values(m, figure,
                 "instance_type=t3.small enis=3 ips_per_eni=4 pod_enis=3 pod_ips=9 max_pods=11 "
                 "recommended_cap=110 recommended_max_pods=11 seed_figure=9 "
                 "seed_approximate=false");
    CHECK(m.seed_formula == "(3 x 4) - 3");

    const core::DerivationStep steps[] = {
        {"ENIs on the default network card", "", 3},
        {"addresses per ENI (primary included)", "", 4},
        {"pod addresses", "3 ENIs x (4 - 1) addresses", 9},
        {"max-pods", "9 + 2 host-network pods (aws-node, kube-proxy)", 11},
        {"recommended max-pods", "min(11, 110 for 30 vCPUs or fewer)", 11},
    };
    REQUIRE(m.steps.size() == 5);
    for (size_t i = 0; i < m.steps.size(); ++i) {
        CAPTURE(i);
        CHECK(m.steps[i].label == steps[i].label);
        CHECK(m.steps[i].formula == steps[i].formula);
        CHECK(m.steps[i].value == steps[i].value);
    }
    CHECK(any_note(m, "The simple count (3 x 4) - 3 = 9"));
}

TEST_CASE("prefix delegation: 16 addresses per secondary slot, capped by vCPUs") {
    const MaxPods t3 = pods("t3.small", kPd);
    check_values(t3, figure,
                 "prefix_delegation=true prefix_delegation_requested=true pod_ips=144 "
                 "max_pods=146 recommended_max_pods=110 ami_max_pods=11 seed_figure=189 "
                 "seed_approximate=true");
    CHECK(t3.seed_formula == "(3 x 4 x 16) - 3");
    CHECK(t3.steps[2].formula == "3 ENIs x (4 - 1) prefix slots x 16 addresses per /28 prefix");
    CHECK(t3.steps[4].formula == "min(146, 110 for 30 vCPUs or fewer)");
    CHECK(any_note(t3, "does not raise kubelet's max-pods by itself"));
    CHECK(any_note(t3, "nodeadm still sets 11"));

    check_values(pods("m5.large", kPd), figure, "max_pods=434 recommended_max_pods=110");

    const MaxPods big = pods("c5.18xlarge", kPd);
    // 15 ENIs x 49 prefix slots x 16 addresses + 2.
    check_values(big, figure, "max_pods=11762 recommended_cap=250 recommended_max_pods=250");
    CHECK(big.steps.back().formula == "min(11762, 250 for more than 30 vCPUs)");
}

TEST_CASE("prefix delegation falls back silently where ipamd cannot use it") {
    const MaxPods xen = pods("t2.micro", kPd);
    check_values(xen, figure,
                 "prefix_delegation_requested=true prefix_delegation=false pod_ips=2 max_pods=4");
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
    // 15 ENIs x 49 prefix slots x 16 addresses + 2, as on c5.18xlarge.
    check_values(core::max_pods(metal, kPd), figure,
                 "prefix_delegation=true max_pods=11762 recommended_max_pods=250");
    CHECK(core::max_pods(metal).max_pods == 737);
}

TEST_CASE("custom networking: the primary ENI carries no pod addresses") {
    const MaxPods m = pods("m5.large", kCustom);
    check_values(m, figure,
                 "custom_networking=true pod_enis=2 pod_ips=18 max_pods=20 "
                 "recommended_max_pods=20");
    REQUIRE(m.steps.size() == 6);
    CHECK(m.steps[2].label == "ENIs that carry pod addresses");
    CHECK(m.steps[2].formula == "3 ENIs - 1 primary ENI (custom networking)");
    CHECK(m.steps[2].value == 2);
    CHECK(m.steps[3].formula == "2 ENIs x (10 - 1) addresses");
    CHECK(any_note(m, "ContainerCreating"));
    // The seed's simple count ignores custom networking.
    CHECK(m.seed_figure == 27);

    check_values(pods("m5.large", kCustomPd), figure, "max_pods=290 recommended_max_pods=110");
}

TEST_CASE("security groups for pods: the trunk ENI takes a slot") {
    const MaxPods m = pods("m5.large", kSgp);
    // AWS's formula has no term for the trunk ENI: max-pods stays 29.
    check_values(m, figure,
                 "security_groups_for_pods=true security_groups_for_pods_requested=true "
                 "sgp_supported=true branch_enis=9 pod_enis=2 pod_ips=18 max_pods=29 "
                 "trunk_cost=9");
    CHECK(m.steps[2].formula == "3 ENIs - 1 trunk ENI (security groups for pods)");
    CHECK(any_note(m, "Up to 9 pods"));
    CHECK(any_note(m, "count against max-pods"));

    // Both reductions together.
    const MaxPods both = pods("m5.large", kCustomSgp);
    // Custom networking counts in max-pods, the trunk does not.
    check_values(both, figure, "pod_enis=1 pod_ips=9 max_pods=20 trunk_cost=9");
    CHECK(both.steps[2].formula ==
          "3 ENIs - 1 primary ENI (custom networking) - 1 trunk ENI (security groups for pods)");
    CHECK(both.steps[3].formula == "1 ENI x (10 - 1) addresses");
}

TEST_CASE("security groups for pods is unsupported on the t family: no trunk is taken") {
    const MaxPods m = pods("t3.small", kSgp);
    check_values(m, figure,
                 "security_groups_for_pods_requested=true security_groups_for_pods=false "
                 "sgp_supported=false branch_enis=0 pod_enis=3 max_pods=11");
    CHECK(m.steps.size() == 5);
    CHECK(any_note(m, "not supported on t3.small"));
    CHECK(any_note(m, "t family"));
    CHECK_FALSE(core::supports_security_groups_for_pods(test_type("t3.large")));
    CHECK(core::supports_security_groups_for_pods(test_type("m5.large")));

    // Unlisted branch ENIs (-1) count as unsupported and report 0.
    const MaxPods unlisted = pods("bmn-sf1.metal", kSgp);
    check_values(unlisted, figure, "sgp_supported=false branch_enis=0 pod_enis=15");
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
    check_values(thirty, figure, "recommended_cap=110 recommended_max_pods=110");
    CHECK(any_note(thirty, "less than 30 vCPUs: 110"));
    CHECK_FALSE(any_note(core::max_pods(synthetic(29), kPd), "less than 30 vCPUs"));
    CHECK_FALSE(any_note(core::max_pods(synthetic(31), kPd), "less than 30 vCPUs"));
    CHECK(core::max_pods(synthetic(31), kPd).recommended_cap == 250);
    CHECK(core::max_pods(synthetic(31), kPd).recommended_max_pods == 250);
    // The cap applies without prefix delegation too, and never raises max-pods.
    CHECK(core::max_pods(synthetic(31)).recommended_max_pods == 58);

    const MaxPods unknown = pods("bmn-sf1.metal", kPd);
    check_values(unknown, figure, "recommended_cap=110 recommended_max_pods=110");
    CHECK(any_note(unknown, "No public vCPU count for bmn-sf1.metal"));
    CHECK(unknown.steps.back().formula ==
          "min(11762, 110: vCPU count unknown, taken as 30 or fewer)");
}

TEST_CASE("an instance with a single ENI has none left under custom networking") {
    const MaxPods m = pods("hpc6id.32xlarge", kCustom);
    check_values(m, figure, "enis=1 pod_enis=0 pod_ips=0 max_pods=2");
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
            CHECK(m.max_pods == m.pod_ips + m.trunk_cost + 2);
            CHECK(m.trunk_cost == (m.security_groups_for_pods
                                       ? (t.ipv4_per_eni - 1) * (m.prefix_delegation ? 16 : 1)
                                       : 0));
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
            CHECK(core::max_pods(t, with_sgp).max_pods == m.max_pods);
            CHECK(core::max_pods(t, with_sgp).pod_ips <= m.pod_ips);
        }
    }
}

// ---- issue 15: who sets max-pods, the corrected claims, IPv6 ------------------------------

namespace {

CapacityOptions with_kind(CapacityOptions o, core::NodeGroupKind kind) {
    o.node_group = kind;
    return o;
}

constexpr core::NodeGroupKind kSelf = core::NodeGroupKind::SelfManaged;
constexpr core::NodeGroupKind kManaged = core::NodeGroupKind::Managed;

}  // namespace

TEST_CASE("kubelet max-pods on a new node: managed = calculator capped, self-managed = nodeadm") {
    // Over all 1,391 types and all 8 option combinations, computed here from the rules
    // themselves: max-pods-calculator.sh (enis - custom networking) x (IPs - 1) x (16 with
    // prefix delegation on hypervisor nitro) + 2, capped at 110 up to 30 vCPUs and 250 above;
    // nodeadm's ENIs x (IPs - 1) + 2 whatever the CNI settings.
    const core::Catalog& catalog = test_catalog();
    REQUIRE(catalog.types.size() == 1391);
    int raised_by_pd = 0;
    for (const InstanceType& t : catalog.types) {
        CAPTURE(t.name);
        const long long nodeadm = static_cast<long long>(t.max_enis) * (t.ipv4_per_eni - 1) + 2;
        const long long cap = t.vcpus > 30 ? 250 : 110;
        for (int bits = 0; bits < 8; ++bits) {
            const CapacityOptions o{(bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0};
            const core::KubeletMaxPods self = core::default_kubelet_max_pods(t, o);
            CHECK(self.node_group == kSelf);
            CHECK(self.value == nodeadm);
            CHECK(self.source == (t.in_nodeadm ? core::MaxPodsSource::Nodeadm
                                               : core::MaxPodsSource::NodeadmEc2Api));
            const long long enis = t.max_enis - (o.custom_networking ? 1 : 0);
            const bool pd = o.prefix_delegation && t.hypervisor == core::Hypervisor::Nitro;
            const long long calculator = enis * (t.ipv4_per_eni - 1) * (pd ? 16 : 1) + 2;
            const core::KubeletMaxPods managed =
                core::default_kubelet_max_pods(t, with_kind(o, kManaged));
            CHECK(managed.value == std::min(calculator, cap));
            CHECK(managed.source == core::MaxPodsSource::ManagedNodeGroup);
            CHECK(core::calculator_max_pods(t, o.prefix_delegation, o.custom_networking, true) ==
                  managed.value);
            const MaxPods m = core::max_pods(t, with_kind(o, kManaged));
            CHECK(m.kubelet.value == managed.value);
            CHECK(m.managed_max_pods == managed.value);
            CHECK(m.ami_max_pods == nodeadm);
            if (bits == 1 && managed.value > nodeadm) ++raised_by_pd;
        }
    }
    // Prefix delegation raises a new managed node's max-pods on 548 of today's types (the
    // others already reach the cap without it, or have no prefix delegation); never a
    // self-managed one's.
    CHECK(raised_by_pd == 548);
}

TEST_CASE("who sets max-pods: pinned values") {
    const InstanceType& t3 = test_type("t3.small");
    CHECK(core::default_kubelet_max_pods(t3, kPd).value == 11);
    CHECK(core::default_kubelet_max_pods(t3, with_kind(kPd, kManaged)).value == 110);
    CHECK(core::default_kubelet_max_pods(t3, with_kind({}, kManaged)).value == 11);
    const InstanceType& big = test_type("c5.18xlarge");
    CHECK(core::default_kubelet_max_pods(big, with_kind({}, kManaged)).value == 250);
    CHECK(core::default_kubelet_max_pods(big, {}).value == 737);
    // Bare metal: ipamd delegates prefixes, but the calculator reads no "nitro" hypervisor.
    const InstanceType& metal = test_type("a1.metal");
    CHECK(core::calculator_max_pods(metal, true, false, false) == 8 * 29 + 2);
    CHECK(core::default_kubelet_max_pods(metal, with_kind(kPd, kManaged))
              .source_text.find("only on hypervisor nitro") != std::string::npos);
    CHECK(core::node_group_kind_name(kManaged) == std::string("managed"));
    CHECK(core::parse_node_group_kind("self-managed").value() == kSelf);
    CHECK(core::parse_node_group_kind("managed").value() == kManaged);
    CHECK_FALSE(core::parse_node_group_kind("eks").ok());
}

TEST_CASE("claim 1: 'prefix delegation does not raise max-pods' names its node group kind") {
    const MaxPods self = pods("t3.small", kPd);
    CHECK(self.kubelet.value == 11);
    CHECK(any_note(self,
                   "On a self-managed node (or a managed node group with a custom AMI) "
                   "turning on prefix delegation does not raise kubelet's max-pods"));
    CHECK(any_note(self, "would get 110"));
    const MaxPods managed = pods("t3.small", with_kind(kPd, kManaged));
    CHECK(managed.kubelet.value == 110);
    CHECK(any_note(managed, "EKS counts prefix delegation: max-pods 110"));
    CHECK_FALSE(any_note(managed, "does not raise"));
}

TEST_CASE("claim 2: pods wait in ContainerCreating only when max-pods - 2 exceeds the addresses") {
    // m5.large, custom networking + prefix delegation: nodeadm's 29 is far below the 288 pod
    // addresses, so nothing waits (the old note said to set 110 or pods would wait).
    const MaxPods m5 = pods("m5.large", kCustomPd);
    check_values(m5, figure, "pod_ips=288 kubelet.value=29 waiting_when_full=0");
    CHECK(any_note(m5,
                   "admits 27 pods besides the host-network pods, no more than the 288 pod "
                   "addresses, so no pod waits"));
    // c5.18xlarge, custom networking: pods wait only beyond 686, not beyond 250.
    const MaxPods c5 = pods("c5.18xlarge", kCustom);
    check_values(c5, figure, "pod_ips=686 kubelet.value=737 waiting_when_full=49");
    CHECK(any_note(c5,
                   "admits 735 pods besides the host-network pods, but only 686 pod "
                   "addresses exist, so on a full node 49 wait in ContainerCreating"));
    CHECK_FALSE(any_note(c5, "250 or pods"));
    // A managed node group counts custom networking: 250 admitted, nothing waits.
    const MaxPods c5m = pods("c5.18xlarge", with_kind(kCustom, kManaged));
    CHECK(c5m.kubelet.value == 250);
    CHECK(c5m.waiting_when_full == 0);
    // The classic case still waits: m5.large custom networking, self-managed.
    const MaxPods classic = pods("m5.large", kCustom);
    CHECK(classic.waiting_when_full == 27 - 18);
    // Over the catalog: the waiting count is exactly the excess of admitted pods.
    for (const InstanceType& t : test_catalog().types) {
        const MaxPods m = core::max_pods(t, kCustom);
        CHECK(m.waiting_when_full == std::max(m.kubelet.value - 2 - m.pod_ips, 0LL));
    }
}

TEST_CASE("claim 3: security groups for pods lowers no max-pods; the trunk's cost is exact") {
    const MaxPods m = pods("m5.large", kSgp);
    CHECK(m.trunk_cost == 9);
    CHECK(m.pod_ips == 18);
    CHECK(m.recommended_max_pods == 29);
    CHECK(m.kubelet.value == 29);
    CHECK(any_note(m, "9 slots = 9 pod addresses fewer (27 -> 18)"));
    CHECK(any_note(m, "No AWS source lowers max-pods for this"));
    CHECK_FALSE(any_note(m, "recommended 20"));
    CHECK(m.waiting_when_full == 9);
    const MaxPods pd = pods("m5.large", CapacityOptions{true, false, true});
    CHECK(pd.trunk_cost == 144);
    CHECK(any_note(pd, "9 prefix slots x 16 = 144 pod addresses fewer (432 -> 288)"));
}

TEST_CASE("claim 4: the source of the self-managed value is named") {
    const MaxPods c8 = pods("c8ib.12xlarge");
    CHECK(c8.kubelet.source == core::MaxPodsSource::Nodeadm);
    CHECK(c8.kubelet.source_text.find("nodeadm on the EKS AL2023 AMI computes it") == 0);
    const MaxPods f1 = pods("f1.2xlarge");
    CHECK(f1.kubelet.source == core::MaxPodsSource::NodeadmEc2Api);
    CHECK(has(f1.kubelet.source_text, "ec2:DescribeInstanceTypes"));
    CHECK(core::max_pods_source_name(core::MaxPodsSource::ManagedNodeGroup) ==
          std::string("managed-node-group"));
    int not_in_nodeadm = 0;
    for (const InstanceType& t : test_catalog().types) {
        CHECK(t.in_eni_max_pods);
        not_in_nodeadm += t.in_nodeadm ? 0 : 1;
    }
    CHECK(not_in_nodeadm == 7);
}

TEST_CASE("other host-network daemon sets use max-pods slots too") {
    CHECK(any_note(pods("m5.large"), "eks-pod-identity-agent"));
}

TEST_CASE("IPv6: a /80 on the primary ENI, max-pods from kubelet's ceiling, not from slots") {
    CapacityOptions v6;
    v6.ipv6 = true;
    const MaxPods m = pods("m5.large", v6);
    CHECK(m.ipv6);
    CHECK(m.prefix_delegation);
    CHECK(m.pod_enis == 1);
    CHECK(m.pod_ips == 281474976710656LL);
    CHECK(m.max_pods == 110);
    CHECK(m.kubelet.value == 29);  // nodeadm knows nothing of IPv6
    CHECK(any_note(m, "nodeadm still sets 29"));
    CHECK(any_note(m, "169.254.172.0/22 (1,024 addresses)"));
    CHECK(any_note(m, "The user guide is the newer source"));
    const MaxPods managed = pods("m5.large", with_kind(v6, kManaged));
    CHECK(managed.kubelet.value == 110);
    CHECK(pods("c5.18xlarge", v6).max_pods == 250);
    // A tiny type: the managed node group's calculator still counts IPv4 prefix slots.
    CHECK(pods("t3.nano", with_kind(v6, kManaged)).kubelet.value == 2 * 1 * 16 + 2);

    const core::Ipv6Node node = core::ipv6_node(test_type("m5.large"));
    CHECK(node.prefix_length == 80);
    CHECK(node.v4_egress_range == "169.254.172.0/22");
    CHECK(node.v4_egress_addresses == 1024);
    CHECK(node.unsupported.size() == 7);

    CHECK(core::check_capacity_options(test_type("m5.large"), v6).ok());
    CHECK(core::check_capacity_options(test_type("m5.metal"), v6).ok());
    CapacityOptions v6cn = v6;
    v6cn.custom_networking = true;
    const core::Status cn = core::check_capacity_options(test_type("m5.large"), v6cn);
    REQUIRE_FALSE(cn.ok());
    CHECK(has(cn.error().message, "custom networking is not supported with IPv6"));
    const core::Status xen = core::check_capacity_options(test_type("m4.large"), v6);
    REQUIRE_FALSE(xen.ok());
    CHECK(has(xen.error().message, "Nitro or bare-metal"));
}
