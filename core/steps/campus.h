// campus.h: small campuses the steps build to play with (one home for them all).
//
//   core::Result<core::Cluster> room = core::one_room(type);          // an empty room
//   core::Result<core::Cluster> full = core::one_room(type, {}, 9);   // with 9 desks
#pragma once

#include <string>
#include <string_view>

#include "catalog.h"
#include "cluster.h"

namespace core {

inline constexpr const char* kOneRoomNode = "node-1";
inline constexpr const char* kOneRoomSubnet = "subnet-a";

// The named instance type, or the catalog's first when it lacks that one (an empty type for
// an empty catalog): a step's opening room size.
InstanceType catalog_type(const Catalog& catalog, std::string_view name);
// A one-node cluster: VPC 10.0.0.0/16 holding subnet-a ("Building A", us-east-1a;
// 10.0.1.0/24 when the node's addresses fit in it, else 10.0.16.0/20), node "node-1" of this
// type and configuration, then `pods` pods added one by one (stopping at the first refusal).
// Errors carry the model's message.
Result<Cluster> one_room(const InstanceType& type, const NodeConfig& config = {}, int pods = 0);
// Pods over a whole cluster: with an address, and waiting for one in ContainerCreating.
struct PodCounts {
    long long running = 0;
    long long waiting = 0;
};
PodCounts pod_counts(const Cluster& cluster);
// The id of the first ENI in `after` that `before` does not have ("" if none): which phone
// panel an action just attached, for a view to flash.
std::string new_eni_id(const Node* before, const Node* after);

}  // namespace core
