// security_groups_for_pods.h: step "security-groups-for-pods": a trunk ENI takes one of the
// room's panels, and desks with their own security groups ride on branch ENIs.
//
// One room (an m5.large with 6 ordinary desks to start) with ENABLE_POD_ENI off or on, desks
// of both kinds and a node group kind. Every change gives a new room with the wanted desks
// sent to it again, those with their own security groups first (each on a branch ENI, up to
// the type's limit, core/sg_pods.h), then the ordinary ones (an address from the pool each).
// kubelet counts both kinds against max-pods; no AWS formula lowers max-pods for the trunk, so
// on a full room more desks can be admitted than there are pool addresses: they wait.
//
//   core::SecurityGroupsForPods m = core::make_security_groups_for_pods(catalog);
//   core::apply(m, core::SecurityGroupsForPodsAction::SwitchOn);
//   core::step_value(m, "podips");   // "18"
#pragma once

#include <string>
#include <string_view>

#include "capacity.h"
#include "catalog.h"
#include "cluster.h"
#include "steps/step_info.h"

namespace core {

struct SecurityGroupsForPods {
    InstanceType type;     // the room's size; m5.large to start
    bool pod_eni = false;  // ENABLE_POD_ENI (in effect only where the type has branch ENIs)
    NodeGroupKind node_group = NodeGroupKind::SelfManaged;
    int wanted = 6;       // ordinary desks sent to the room
    int sg_wanted = 0;    // desks with their own security groups sent to it
    int refused = 0;      // ordinary desks kubelet refused (max-pods reached)
    int sg_refused = 0;   // own-security-group desks refused (no trunk, no branch left, max-pods)
    Cluster cluster;      // the room (node-1) in Building A
    std::string message;  // why the room could not be built, "" if it was
};

enum class SecurityGroupsForPodsAction {
    SwitchOn,         // ENABLE_POD_ENI on: a new room with a trunk (where the type has one)
    SwitchOff,        // off: a new room without
    AddDesk,          // one more ordinary desk
    RemoveDesk,       // one fewer ordinary desk
    AddOwnGroups,     // one more desk with its own security groups
    RemoveOwnGroups,  // one fewer
    StartOver,        // the opening state, the room size kept
};

// What the step offers its lesson: knobs type, podeni, nodegroup, pods, sgpods; values,
// parts and goals as listed in security_groups_for_pods.cpp.
// Sets a knob: "type", "podeni" (0/1), "nodegroup", "pods" (ordinary desks), "sgpods" (desks
// with their own security groups). Each gives a new room with the same desks. A bad value
// changes nothing.
// A live number of the step by name ("" for an unknown name); see the .cpp.
// "own-sg": a desk runs with its own security groups; "full-no-wait": the trunk is on, kubelet
// admits no more desks (max-pods reached) and none waits for an address.
const StepCalls<SecurityGroupsForPods>& step_calls(StepTag<SecurityGroupsForPods>);
// The opening state: an m5.large without the trunk, 6 ordinary desks.
inline constexpr auto make_security_groups_for_pods = opening_state<SecurityGroupsForPods>;
// The learner's hand.
void apply(SecurityGroupsForPods& model, SecurityGroupsForPodsAction action);
// The room, nullptr only if it could not be built (message says why).
const Node* room(const SecurityGroupsForPods& model);

}  // namespace core
