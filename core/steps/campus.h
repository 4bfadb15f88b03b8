// campus.h: small campuses the steps build to play with (one home for them all).
//
//   core::Result<core::Cluster> room = core::one_room(type);          // an empty room
//   core::Result<core::Cluster> full = core::one_room(type, {}, 9);   // with 9 desks
#pragma once

#include <string>
#include <string_view>

#include "catalog.h"
#include "cluster.h"
#include "steps/step_info.h"

namespace core {

inline constexpr const char* kOneRoomNode = "node-1";
inline constexpr const char* kOneRoomSubnet = "subnet-a";

// A one-node cluster: VPC 10.0.0.0/16 holding subnet-a ("Building A", us-east-1a;
// 10.0.1.0/24 when the node's addresses fit in it, else 10.0.16.0/20), node "node-1" of this
// type and configuration, then `pods` pods added one by one (stopping at the first refusal).
// Errors carry the model's message.
Result<Cluster> one_room(const InstanceType& type, const NodeConfig& config = {}, int pods = 0);
// The id of the first ENI in `after` that `before` does not have ("" if none): which phone
// panel an action just attached, for a view to flash.
std::string new_eni_id(const Node* before, const Node* after);

// The catalog's type of that name; the catalog's first type if it has none (an empty type if
// the catalog is empty): the room a step opens with.
InstanceType opening_type(const Catalog& catalog, std::string_view name);

// The two knobs of a step that shows one room: "type" (the catalog's instance type of that
// name, into `type`) and "nodegroup" ("self-managed" or "managed", into `kind`). True if the
// setting was one of them, false if it is another knob; an error (nothing changed) for a bad
// value.
Result<bool> set_room_knob(const Setting& setting, const Catalog& catalog, InstanceType& type,
                           NodeGroupKind& kind);

// Desks sent to one room by schedule_desks, by how kubelet and ipamd answered.
struct Scheduled {
    int running = 0;  // got an address
    int waiting = 0;  // admitted by kubelet, waiting for an address (ContainerCreating)
    int refused = 0;  // refused by kubelet: max-pods reached ("Too many pods")
};
// Sends `count` desks to the node one by one, as the scheduler does: kubelet admits each
// (it gets an address or waits for one) or refuses it at max-pods, counting the node's desks
// on branch ENIs too (sg_pods.h). Refused desks are counted, not placed.
Scheduled schedule_desks(Cluster& cluster, std::string_view node, int count);

}  // namespace core
