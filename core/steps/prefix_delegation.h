// prefix_delegation.h: step "prefix-delegation": each slot holds a /28 block, and who sets
// kubelet's max-pods decides whether the room can use them.
//
// One room (a t3.small full with 9 desks to start) with prefix delegation off or on, a node
// group kind (self-managed: nodeadm sets max-pods; managed: EKS applies the calculator) and,
// optionally, max-pods set by hand. Every setting gives a NEW room (AWS: create new nodes when
// switching prefix delegation; kubelet's max-pods is read when kubelet starts) and the wanted
// desks are sent to it again: kubelet admits them up to max-pods, ipamd gives them addresses.
// The classic surprise is live: prefix delegation on a self-managed t3.small still stops at 9
// desks, because nodeadm keeps max-pods at 11.
//
//   core::PrefixDelegation m = core::make_prefix_delegation(catalog);
//   core::apply(m, core::PrefixDelegationAction::SwitchOn);
//   core::step_value(m, "podips");   // "144"
#pragma once

#include <string>
#include <string_view>

#include "capacity.h"
#include "catalog.h"
#include "cluster.h"
#include "steps/campus.h"
#include "steps/step_info.h"

namespace core {

struct PrefixDelegation {
    InstanceType type;               // the room's size; t3.small to start
    bool prefix_delegation = false;  // ENABLE_PREFIX_DELEGATION as set (in effect on nitro and
                                     // bare metal only)
    NodeGroupKind node_group = NodeGroupKind::SelfManaged;
    int max_pods_set = 0;  // kubelet max-pods set by hand; 0: what the node group kind gives
    int wanted = 9;        // desks sent to the room
    int refused = 0;       // of them, refused by kubelet (max-pods reached)
    Cluster cluster;       // the room (node-1) in Building A
    std::string message;   // why the room could not be built, "" if it was
};

enum class PrefixDelegationAction {
    AddDesk,         // one more desk sent to the room
    RemoveDesk,      // one fewer (a refused one first, then a waiting one, then a running one)
    SwitchOn,        // prefix delegation on: a new room, the same desks
    SwitchOff,       // off again
    DefaultMaxPods,  // forget max-pods set by hand: the node group kind sets it again
    Recommended,     // max-pods set by hand to the calculator's value with prefix delegation
    StartOver,       // the opening state, the room size kept
};

// What the step offers its lesson: knobs type, pd, nodegroup, pods, maxpods; values, parts
// and goals as listed in prefix_delegation.cpp.
// Sets a knob (a beat or the learner): "type" (an instance type), "pd" (0/1), "nodegroup"
// ("self-managed" or "managed"), "pods" (desks wanted), "maxpods" (kubelet max-pods set by
// hand; a new type forgets it). Each gives a new room with the same desks. A bad value changes
// nothing.
// A live number of the step by name ("" for an unknown name); see prefix_delegation.cpp.
// "pd-on": prefix delegation is on and in effect; "all-run": with it, every wanted desk runs,
// and they are more than the room has addresses for without it.
const StepCalls<PrefixDelegation>& step_calls(StepTag<PrefixDelegation>);
// The step's opening state: a t3.small, prefix delegation off, self-managed, 9 desks.
inline constexpr auto make_prefix_delegation = opening_state<PrefixDelegation>;
// The learner's hand.
void apply(PrefixDelegation& model, PrefixDelegationAction action);
// The room, nullptr only if it could not be built (message says why).
const Node* room(const PrefixDelegation& model);
// The room's settings as a node configuration.
NodeConfig node_config(const PrefixDelegation& model);

}  // namespace core
