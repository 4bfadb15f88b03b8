// custom_networking.h: step "custom-networking": desks take their extensions from another
// building than their room's, named by an ENIConfig.
//
// One room (an m5.large with 6 desks to start) in Building A, and the buildings an ENIConfig
// may name: P (100.64.0.0, same zone), B (10.0.x, same zone) and Q (100.64.x, another zone,
// refused). The custom-networking switch and the ENIConfig are settings of the aws-node
// daemon set: a running room keeps the layout it started with (AWS: "Enabling custom
// networking does not modify existing nodes"), so the learner replaces it; the new room's
// first panel carries no desks and its desks take addresses from the ENIConfig's building.
// Whether desks then wait in ContainerCreating is computed: kubelet admits max-pods - 2 desks,
// the room has pod addresses for fewer or more of them (node group kind, prefix delegation
// and max-pods set by hand all move one or the other).
//
// A knob set by a beat (or the learner in the text) always gives a new room with the current
// settings; the learner's switch and ENIConfig choice (apply, choose_eniconfig) change only
// the settings, until ReplaceRoom.
//
//   core::CustomNetworking m = core::make_custom_networking(catalog);
//   core::apply(m, core::CustomNetworkingAction::SwitchOn);    // the room is unchanged...
//   core::apply(m, core::CustomNetworkingAction::ReplaceRoom); // ...until replaced
//   core::step_value(m, "podips");                             // "18"
#pragma once

#include <string>
#include <string_view>

#include "capacity.h"
#include "catalog.h"
#include "cluster.h"
#include "steps/step_info.h"

namespace core {

// A building an ENIConfig may name.
struct EniConfigChoice {
    const char* subnet_id;  // "subnet-pods"
    const char* name;       // "Building P"
    const char* az;         // "us-east-1a"
};
inline constexpr int kEniConfigChoices = 3;
// P and B stand in the room's zone, Q in another one.
extern const EniConfigChoice kEniConfigs[kEniConfigChoices];
// The room's own building.
inline constexpr const char* kRoomSubnet = "subnet-a";

struct CustomNetworking {
    InstanceType type;               // the room's size; m5.large to start
    bool custom = false;             // AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG on aws-node
    int eniconfig = 0;               // the building the ENIConfig names (kEniConfigs)
    bool prefix_delegation = false;  // ENABLE_PREFIX_DELEGATION
    NodeGroupKind node_group = NodeGroupKind::SelfManaged;
    int max_pods_set = 0;  // kubelet max-pods set by hand; 0: what the node group kind gives
    int wanted = 6;        // desks sent to the room
    int refused = 0;       // of them, refused by kubelet (max-pods reached)
    int generation = 1;    // the room is "node-<generation>"; a new room counts up
    Cluster cluster;       // the buildings and the room
    std::string message;   // the last refusal (an ENIConfig in another zone...), "" if none
};

enum class CustomNetworkingAction {
    SwitchOn,        // custom networking on for aws-node; the running room is unchanged
    SwitchOff,       // off again; the running room is unchanged
    ReplaceRoom,     // a new room with the current settings, the same desks sent to it
    AddDesk,         // one more desk
    AddTenDesks,     // ten more
    RemoveDesk,      // one fewer (a refused one first, then a waiting one, then a running one)
    FormulaMaxPods,  // kubelet max-pods set by hand to the formula's value for the room
    DefaultMaxPods,  // forget max-pods set by hand
    StartOver,       // the opening state, the room size kept
};

// What the step offers its lesson: knobs type, custom, eniconfig, pd, nodegroup, pods,
// maxpods; values, parts and goals as listed in custom_networking.cpp.
// Sets a knob and gives a new room with the current settings. "eniconfig" names a building's
// subnet id; one in another zone than the room is refused. A bad value changes nothing.
// A live number of the step by name ("" for an unknown name); see custom_networking.cpp.
// "desks-elsewhere": the room runs custom networking and its desks have addresses in the
// ENIConfig's building; "none-waiting": so, with more desks asked for than its secondary IPs
// hold, and none waits in ContainerCreating.
const StepCalls<CustomNetworking>& step_calls(StepTag<CustomNetworking>);
// The opening state: an m5.large in Building A with 6 desks, custom networking off.
inline constexpr auto make_custom_networking = opening_state<CustomNetworking>;
// The learner's hand. A new room that cannot be built (the ENIConfig's building in another
// zone) is refused: message says why and the old room stays.
void apply(CustomNetworking& model, CustomNetworkingAction action);
// The learner picks the ENIConfig's building (index into kEniConfigs): refused, with the
// reason in message, if it stands in another zone than the room; the running room is
// unchanged either way.
Status choose_eniconfig(CustomNetworking& model, int index);
// The room, nullptr only if it could not be built (message says why).
const Node* room(const CustomNetworking& model);
// True when the running room does not run the current settings (it needs replacing).
bool room_is_stale(const CustomNetworking& model);
// The settings a new room would start with.
NodeConfig wanted_config(const CustomNetworking& model);

}  // namespace core
