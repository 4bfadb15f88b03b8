// vpc_cni_vs_overlay_test.cpp: step "vpc-cni-vs-overlay" (core/steps/vpc_cni_vs_overlay.h):
// each row's numbers come from the example campus and from address_use.
#include <doctest/doctest.h>

#include "knobs.h"
#include "steps/vpc_cni_vs_overlay.h"
#include "test_support.h"

using namespace core;

TEST_CASE("vpc-cni-vs-overlay opens on the address row: 50 full m5.large rooms") {
    const VpcCniVsOverlay m = make_vpc_cni_vs_overlay(test_catalog());
    REQUIRE(m.message.empty());
    CHECK(m.row == CompareRow::Addresses);
    // perroom 27: max-pods 29 minus 2 host pods
    // vpcused 1500: 3 ENIs x 10 per room
    // overlayused 50: the rooms' own only
    // buildingsize 4091: a /20 less 5 reserved
    check_values(m, live,
                 "nodes=50 type=m5.large perroom=27 pods=1350 vpcused=1500 overlayused=50 "
                 "buildingsize=4091 buildings=1");
    CHECK_FALSE(goal_met(m, "beyond-a-building"));
    CHECK(step_value(m, "nothing").empty());
}

TEST_CASE("more rooms than a /20 holds meet the goal; a count too large changes nothing") {
    const Catalog& cat = test_catalog();
    VpcCniVsOverlay m = make_vpc_cni_vs_overlay(cat);
    set_knobs(m, "nodes=136");
    CHECK(step_value(m, "vpcused") == "4080");
    CHECK_FALSE(goal_met(m, "beyond-a-building"));
    check_beats(m, live, {{"nodes=137", "vpcused=4110 buildings=2", "beyond-a-building=1"}});
    CHECK(step_value(m, "overlayused") == "137");
    // m5.24xlarge: 737 pods a room; 200 rooms would be more than the model counts at once.
    const VpcCniVsOverlay before = m;
    set_knobs(m, "nodes=200");
    Status big = set(m, {"type", true, 0, "m5.24xlarge"}, cat);
    REQUIRE_FALSE(big.ok());
    CHECK(has(big.error().message, "nodes or fewer"));
    CHECK(m.refused == big.error().message);  // the view shows why
    CHECK(m.type.name == "m5.large");
    CHECK(step_value(m, "nodes") == "200");
    check_bad_knobs(m, {{"type=m5.lrage", "m5.large"}, {"nodes=0", "outside 1 to 200"}});
    CHECK(before.nodes == 137);
    set_knobs(m, "nodes=10");
    CHECK(m.refused.empty());
}

TEST_CASE("the rows at work: numbers, services, groups, debugging") {
    VpcCniVsOverlay m = make_vpc_cni_vs_overlay(test_catalog());
    set_knobs(m, "row=services");
    CHECK(m.row == CompareRow::Services);
    CHECK(std::string(row_key(m.row)) == "services");
    // Where desk numbers come from: the building, or the overlay's private range.
    const std::vector<DeskNumbers> desks = desk_numbers(m);
    REQUIRE(desks.size() == 8);
    CHECK(format_ipv4(desks[0].vpc) == "10.0.1.5");
    CHECK(format_ipv4(desks[0].overlay) == "172.16.0.2");
    CHECK(step_value(m, "overlayrange") == "172.16.0.0/16");
    CHECK(numbers_held(m.campuses.overlay) == 4);  // four rooms, no desk numbers
    CHECK(numbers_held(m.campuses.vpc) > numbers_held(m.campuses.overlay));
    // Reaching RDS: the desk itself, or the room.
    check_values(m, live, "rdsvpc=10.0.1.5 rdsoverlay=10.0.1.4");
    // Security groups: up to 9 desks of an m5.large with groups of their own.
    CHECK(step_value(m, "branch") == "9");
    CHECK(database_call(m.campuses.vpc_own_groups).sg_per_pod);
    CHECK_FALSE(database_call(m.campuses.overlay).sg_per_pod);
    // Debugging: two desks of room A1 call RDS; the flow log tells them apart or not.
    const std::vector<FlowLogLine> vlog = flow_log(m.campuses.vpc);
    REQUIRE(vlog.size() == 2);
    CHECK(vlog[0].source != vlog[1].source);
    check_values(m, live, "vpcsources=2 overlaysources=1");
    // The table says the same numbers.
    const std::vector<CompareRowText> rows = compare_rows(m);
    REQUIRE(rows.size() == static_cast<size_t>(kCompareRows));
    CHECK(has(rows[1].vpc, "10.0.1.5"));
    CHECK(has(rows[1].overlay, "10.0.1.4"));
    CHECK(has(rows[4].vpc, "1500 for 50"));
    check_bad_knobs(m, {{"row=price", "numbers, services"}});
    CHECK(m.row == CompareRow::Services);
}
