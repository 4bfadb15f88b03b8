// ipv6_test.cpp: step "ipv6" (core/steps/ipv6.h): a small building where no IPv4 setting
// fits 40 desks in a t3.medium and an IPv6 campus does; who sets max-pods there; the
// egress path; what a bad knob gets.
#include <doctest/doctest.h>

#include "knobs.h"
#include "steps/ipv6.h"
#include "test_support.h"

using namespace core;

namespace {

Ipv6Step with(std::initializer_list<Setting> settings) {
    Ipv6Step m = make_ipv6_step(test_catalog());
    for (const Setting& s : settings)
        REQUIRE_MESSAGE(set(m, s, test_catalog()).ok(), s.name);
    return m;
}

Setting word(const char* name, const char* text) {
    return Setting{name, true, 0, text};
}

Setting number(const char* name, long long n) {
    return Setting{name, false, n, {}};
}

}  // namespace

TEST_CASE("ipv6 opens on an IPv4 campus: a t3.medium of a managed node group, 40 desks") {
    const Ipv6Step m = make_ipv6_step(test_catalog());
    CHECK(m.type.name == "t3.medium");
    CHECK(m.family == IpFamily::Ipv4);
    CHECK(m.node_group == NodeGroupKind::Managed);
    // usable 59: a /26: 64 - 5 reserved
    check_values(m, live, "want=40 usable=59");
    // Secondary IPs: 3 ENIs x (6 - 1) = 15 slots; the calculator gives 17, so kubelet
    // admits 15 and turns 25 away. Nothing waits: the slots and max-pods agree.
    check_values(m, live, "deskslots=15 maxpods=17 running=15 refused=25 waiting=0 panels=3");
    check_goals(m, "fit=0 ipv6=0");
    CHECK(m.message.empty());
    CHECK(check_invariants(m.campus).ok());
}

TEST_CASE("prefix delegation does not fit 40 either: the /26 has two free runs of 16") {
    const Ipv6Step m = with({number("pd", 1)});
    // maxpods 110: managed: 3 x 5 x 16 + 2 = 242, capped at 110
    check_values(m, live, "blocks=2 maxpods=110 running=32 waiting=8 refused=0");
    CHECK(ipv6_room(m).wait_code == ErrorCode::InsufficientCidrBlocks);
    CHECK_FALSE(goal_met(m, "fit"));
    // Self-managed: nodeadm's 17 whatever prefix delegation says.
    const Ipv6Step s = with({number("pd", 1), word("nodegroup", "self-managed")});
    check_values(s, live, "maxpods=17 running=15 refused=25");
    // No IPv4 setting of this step fits 40 desks in this room; IPv6 does.
    for (int pd = 0; pd <= 1; ++pd) {
        for (const char* kind : {"managed", "self-managed"}) {
            for (int by_hand : {0, 42, 110, 250}) {
                const Ipv6Step v4 =
                    with({number("pd", pd), word("nodegroup", kind), number("maxpods", by_hand)});
                INFO(pd << " " << kind << " " << by_hand);
                CHECK_FALSE(goal_met(v4, "fit"));
            }
        }
    }
}

TEST_CASE("an IPv6 campus: one /80 on the primary ENI, one IPv4 address from the building") {
    const Ipv6Step m = with({word("family", "ipv6")});
    check_goals(m, "ipv6=1 fit=1");
    check_values(m, live,
                 "prefixlen=80 v6addrs=281,474,976,710,656 prefix=2001:db8:4a2:c100:7e3a::/80 "
                 "panels=1 v4used=1 free=58 mainext=10.0.1.4");
    CHECK(check_invariants(m.campus).ok());  // the room's one address is its primary ENI's
    // Managed: the calculator with prefix delegation, capped at 110 for 2 vCPUs.
    check_values(m, live, "maxpods=110 managed=110 cap=110 running=40 refused=0 waiting=0");
    // The egress path: a host-local address from 169.254.172.0/22, SNAT to the node's IPv4.
    check_values(m, live, "egress=169.254.172.0/22 egressaddrs=1,024 localnum=169.254.172.2");
    const Ipv6Room r = ipv6_room(m);
    CHECK(r.desk_ipv6 == "2001:db8:4a2:c100:7e3a::1");
    CHECK(r.node_ipv4 == "10.0.1.4");
    CHECK_FALSE(r.service.empty());
    // Past kubelet's ceiling, desks are turned away, not left waiting.
    const Ipv6Step many = with({word("family", "ipv6"), number("want", 200)});
    check_values(many, live, "running=108 refused=92");
    CHECK_FALSE(goal_met(many, "fit"));
}

TEST_CASE("self-managed IPv6 nodes keep nodeadm's IPv4 formula until max-pods is set by hand") {
    Ipv6Step m = with({word("family", "ipv6"), word("nodegroup", "self-managed")});
    check_values(m, live, "nodeadm=17 maxpods=17 running=15");
    CHECK_FALSE(goal_met(m, "fit"));
    REQUIRE(set(m, number("maxpods", 41), test_catalog()).ok());
    CHECK_FALSE(goal_met(m, "fit"));  // 41 - 2 host-network pods = 39
    REQUIRE(set(m, number("maxpods", 42), test_catalog()).ok());
    CHECK(goal_met(m, "fit"));
    CHECK(ipv6_room(m).by_hand);
    // Another node group kind starts without a value set by hand.
    REQUIRE(set(m, word("nodegroup", "managed"), test_catalog()).ok());
    CHECK_FALSE(ipv6_room(m).by_hand);
    CHECK(step_value(m, "maxpods") == "110");
}

TEST_CASE("a bigger room: the 250 cap above 30 vCPUs, the uncapped calculator is not used") {
    const Ipv6Step m = with({word("type", "c5.12xlarge"), word("family", "ipv6")});
    check_values(m, live, "cap=250 maxpods=250");
    const Ipv6Step s = with(
        {word("type", "c5.12xlarge"), word("family", "ipv6"), word("nodegroup", "self-managed")});
    CHECK(step_value(s, "maxpods") == "234");  // nodeadm: 8 x (30 - 1) + 2
}

TEST_CASE("bad settings change nothing and say why") {
    const Catalog& cat = test_catalog();
    Ipv6Step m = with({word("family", "ipv6")});
    const Ipv6Step before = m;
    // A Xen type cannot run in an IPv6 campus: no prefix delegation.
    Status st = set(m, word("type", "m4.large"), cat);
    REQUIRE_FALSE(st.ok());
    CHECK(has(st.error().message, "IPv6 needs prefix delegation"));
    CHECK(m.type == before.type);
    CHECK(m.campus == before.campus);
    // The same type is fine in an IPv4 campus, and then IPv6 is refused for it.
    Ipv6Step v4 = make_ipv6_step(cat);
    REQUIRE(set(v4, word("type", "m4.large"), cat).ok());
    CHECK(has(set(v4, word("family", "ipv6"), cat).error().message, "Nitro or bare-metal"));
    CHECK(v4.family == IpFamily::Ipv4);
    // Unknown knobs, words and ranges.
    CHECK(has(set(m, word("family", "ipv5"), cat).error().message, "not one of: ipv4, ipv6"));
    CHECK(has(set(m, number("want", 0), cat).error().message, "outside 1 to 250"));
    CHECK(has(set(m, number("maxpods", 251), cat).error().message, "outside 0 to 250"));
    CHECK(has(set(m, word("type", "t3.mediun"), cat).error().message, "t3.medium"));
    CHECK(has(set(m, number("floor", 1), cat).error().message, "not a knob"));
    CHECK(m.type == before.type);
    CHECK(m.want == before.want);
    CHECK(m.campus == before.campus);
    CHECK(step_value(m, "nothing").empty());
    CHECK_FALSE(goal_met(m, "nothing"));
}

TEST_CASE("what IPv6 mode does not support, and the security-groups disagreement named") {
    const Ipv6Step m = with({word("family", "ipv6")});
    const std::vector<std::string> u = ipv6_unsupported(m);
    REQUIRE(u.size() == 6);
    CHECK(has(u[1], "custom networking"));
    CHECK(has(u[2], "{deskexts}"));
    CHECK(has(u[3], "WARM_IP_TARGET"));
    CHECK(has(u.back(), "README's feature table still says no"));
    CHECK(has(u.back(), "they work from version 1.16.0 (EKS user guide"));
    // A Xen type in an IPv4 campus: the list says it could not go to IPv6.
    const Ipv6Step xen = with({word("type", "m4.large")});
    CHECK(has(ipv6_unsupported(xen).back(), "m4.large"));
    for (const std::string& line : ipv6_unsupported(xen))
        CHECK(render_terms(test_lessons(), line, Terms::Aws).find('{') == std::string::npos);
}
