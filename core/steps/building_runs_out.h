// building_runs_out.h: step "building-runs-out": rooms share one building's numbers until
// AWS says no.
//
// Building A (10.0.1.0/28 to start, us-east-1a) holds t3.small rooms (nodes) whose desks
// (pods) take its addresses, with AWS's five reserved in every subnet. When the pool is dry,
// ipamd's request fails with InsufficientFreeAddressesInSubnet and new pods wait in
// ContainerCreating. A second building in the same zone (B, 10.0.2.0/27) catches new phone
// panels once it is tagged kubernetes.io/role/cni=1 (subnet discovery, VPC CNI v1.18+, on
// by default); the primary ENI stays in A. With prefix delegation, single addresses
// scattered through A (EC2 spreads them; other things hold some) break up the aligned /28
// blocks and prefixes fail with InsufficientCidrBlocks although addresses are free; the
// cures are a building of the rooms' own (C, 10.0.3.0/25) or a subnet CIDR reservation of
// type prefix over A's upper half.
//
// The learner's presses are kept as a log and replayed on a fresh campus whenever a setting
// changes, so a setting never loses what the learner built; the model is deterministic, so a
// replay gives the same campus as the presses did.
//
//   core::BuildingRunsOut m = core::make_building_runs_out(catalog);
//   core::apply(m, core::BuildingPress::AddDesks);
//   core::step_value(m, "waiting");   // "0"
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "catalog.h"
#include "cluster.h"
#include "steps/step_info.h"

namespace core {

inline constexpr const char* kBuildingA = "subnet-a";  // the rooms' shared building
inline constexpr const char* kBuildingB = "subnet-b";  // the second building, same zone
inline constexpr const char* kBuildingC = "subnet-c";  // the cure: the rooms' own building

// The second building in the rooms' zone: absent, there but untagged, or tagged
// kubernetes.io/role/cni=1.
enum class SecondBuilding : uint8_t { None, Untagged, Tagged };

// What the learner pressed, kept in order (n: desks or addresses for the counted ones).
// Second: building B appears or gets its tag (n: the SecondBuilding wanted), on the live
// campus, as an operator would do it while desks wait.
enum class BuildingAction : uint8_t {
    AddRoom,
    RemoveRoom,
    AddDesk,
    RemoveDesk,
    OthersTake,
    OthersLeave,
    Second
};
struct BuildingStep {
    BuildingAction action = BuildingAction::AddRoom;
    int n = 1;
};

struct BuildingRunsOut {
    InstanceType type;                             // the rooms' size: t3.small
    int size = 28;                                 // building A's prefix length, /24 to /28
    bool prefix = false;                           // rooms use prefix delegation
    bool scatter = false;                          // EC2 spreads single addresses (A and C)
    SecondBuilding second = SecondBuilding::None;  // as it stands now (a press changes it)
    bool dedicated = false;         // cure: the rooms stand in building C of their own
    bool reserve = false;           // cure: A's upper half is a prefix reservation
    std::vector<BuildingStep> log;  // the presses, replayed on a setting change
    Cluster cluster;
    std::string message;  // what the last press met that the picture cannot say ({term} tokens)
};

enum class BuildingPress {
    AddRoom,
    RemoveRoom,
    AddDesk,
    AddDesks,
    RemoveDesk,
    OthersTake,
    OthersLeave,
    SecondUntagged,
    SecondTagged,
    StartOver
};

inline constexpr int kDesksPerPress = 5;   // "Add 5 desks"
inline constexpr int kOthersPerPress = 4;  // "Other things take 4 numbers"

// One phone panel of a room and why it is in its building (Eni::placed, Eni::ranked).
struct PanelPlace {
    std::string room;
    std::string eni;
    int device = 0;
    std::string building;  // subnet id
    Placement placed = Placement::NodeSubnet;
    std::vector<RankedSubnet> ranked;
};

// Knobs: size (24-28), rooms (0-4), desks (0-40), others (0-40), prefix, scatter, dedicated,
// reserve (switches), second (none/untagged/tagged); values, parts and goals in the .cpp.
// Sets a knob. A setting rebuilds the campus and replays the presses; rooms, desks and
// others replace the presses by that many addresses held by other things, building B as it
// stands, that many rooms, then desks. "second" builds or tags building B on the live campus
// (as the presses do; "none" starts again without it). A bad knob or value is an error and
// changes nothing.
// A live number of the step by name ("" for an unknown name).
// True when the goal is met: "desk-waits" (a desk waits: InsufficientFreeAddressesInSubnet),
// "desks-served" (no desk waits, and building B holds a panel), "blocks-refused"
// (InsufficientCidrBlocks with 16 or more single addresses free).
const StepCalls<BuildingRunsOut>& step_calls(StepTag<BuildingRunsOut>);
// The opening state: building A a /28 with two empty t3.small rooms.
inline constexpr auto make_building_runs_out = opening_state<BuildingRunsOut>;
// The learner's hand. A press the model refuses (no room for a desk, kubelet's max-pods,
// 200 presses) changes nothing and says why in message.
void apply(BuildingRunsOut& model, BuildingPress press);

// The subnet the rooms stand in (A, or C with the dedicated cure).
const char* rooms_building(const BuildingRunsOut& model);
// The AWS error code that holds desks or panels back now (None if none): the first room's
// last subnet failure, rooms with waiting desks first.
ErrorCode blocking_error(const BuildingRunsOut& model);
// Its name, to show ("" if none).
std::string blocking_code(const BuildingRunsOut& model);
// Every room's panels with where they went and why, room by room.
std::vector<PanelPlace> panel_places(const BuildingRunsOut& model);
// True when subnet discovery may put the rooms' new panels in building B (it is there and
// tagged kubernetes.io/role/cni=1, and the rooms stand in A).
bool second_eligible(const BuildingRunsOut& model);

}  // namespace core
