// vpc_cni_vs_overlay.h: step "vpc-cni-vs-overlay": the VPC CNI and an overlay CNI compared,
// one row at a time, each row shown at work with numbers core computes.
//
// Rows: where desk numbers come from, reaching AWS services, security groups, debugging
// (what a flow log at RDS records), the building numbers a cluster takes (address_use for a
// number of full rooms of a type), and what each suits. The example campus is core/traffic's,
// built by traffic_campuses(); the address count runs its own nodes.
//
//   core::VpcCniVsOverlay m = core::make_vpc_cni_vs_overlay(catalog);
//   core::set(m, {"nodes", false, 150, {}}, catalog);
//   core::step_value(m, "vpcused");   // "4500"
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "catalog.h"
#include "steps/campus.h"
#include "steps/step_info.h"
#include "traffic.h"

namespace core {

enum class CompareRow { Numbers, Services, Groups, Debugging, Addresses, BestFor };
inline constexpr int kCompareRows = 6;

// One row of the comparison, in term tokens.
struct CompareRowText {
    CompareRow row = CompareRow::Numbers;
    std::string what;     // "Where {desk} {nums} come from"
    std::string vpc;      // the VPC CNI's answer
    std::string overlay;  // the overlay's answer
};

// A desk's number under each CNI.
struct DeskNumbers {
    std::string pod;   // "web-1"
    std::string node;  // "A1"
    Ipv4 vpc;          // a number of its building
    Ipv4 overlay;      // a private number of the overlay's range
};

// One line of a flow log on the database's network interface: what it records as the
// caller, and which desk really called.
struct FlowLogLine {
    Ipv4 source;
    Ipv4 destination;
    std::string really;  // the desk that called
};

struct VpcCniVsOverlay {
    TrafficCampuses campuses;  // the example campus under each CNI
    CompareRow row = CompareRow::Addresses;
    InstanceType type;          // the rooms of the address count; m5.large to start
    int nodes = 50;             // how many full rooms are counted
    CniAddressUse use_vpc;      // what they take with the VPC CNI
    CniAddressUse use_overlay;  // and with an overlay
    std::string message;        // why the example campus could not be built ("" if it was)
    std::string refused;        // why the last count asked for was refused ("" if none)
};

// What the step offers its lesson: knobs row, nodes, type; values, parts and goals as listed
// in vpc_cni_vs_overlay.cpp.
// Sets a knob: "row" shows a row, "nodes" and "type" count again. A count the model refuses
// (too many desks), an unknown type or knob is an error, kept in `refused`, and changes
// nothing else.
// A live value by name ("" for an unknown name): nodes, type, perroom, pods, vpcused,
// overlayused, buildingsize, buildings, vpcdesk, overlayrange, rdsvpc, rdsoverlay, branch,
// vpcsources, overlaysources.
// True when the goal is met: "beyond-a-building" (the VPC CNI's count is more than a /20
// building holds).
const StepCalls<VpcCniVsOverlay>& step_calls(StepTag<VpcCniVsOverlay>);
// The step's opening state: the address row, 50 full m5.large rooms.
inline constexpr auto make_vpc_cni_vs_overlay = opening_state<VpcCniVsOverlay>;
// The learner picks a row.
void show_row(VpcCniVsOverlay& model, CompareRow row);
// The rows, with the numbers of the model in them.
std::vector<CompareRowText> compare_rows(const VpcCniVsOverlay& model);
// Every desk of the example campus with its number under each CNI.
std::vector<DeskNumbers> desk_numbers(const VpcCniVsOverlay& model);
// Building numbers the example campus's rooms and desks hold under a CNI.
uint64_t numbers_held(const TrafficCampus& campus);
// What a flow log at the database records when both desks of the first room call it.
std::vector<FlowLogLine> flow_log(const TrafficCampus& campus);
// web-1's call to the database (an empty path if it could not be traced).
TrafficPath database_call(const TrafficCampus& campus);
// The lesson's word for a row ("numbers", ..., "best").
const char* row_key(CompareRow row);

}  // namespace core
