// campus.h: small campuses the steps build to play with (one home for them all).
//
//   core::Result<core::Cluster> room = core::one_room(type);          // an empty room
//   core::Result<core::Cluster> full = core::one_room(type, {}, 9);   // with 9 desks
//   core::Result<core::TrafficCampuses> t = core::traffic_campuses(catalog);  // the calls' campus
#pragma once

#include <string>
#include <vector>

#include "catalog.h"
#include "cluster.h"
#include "traffic.h"

namespace core {

inline constexpr const char* kOneRoomNode = "node-1";
inline constexpr const char* kOneRoomSubnet = "subnet-a";

// A one-node cluster: VPC 10.0.0.0/16 holding subnet-a ("Building A", us-east-1a;
// 10.0.1.0/24 when the node's addresses fit in it, else 10.0.16.0/20), node "node-1" of this
// type and configuration, then `pods` pods added one by one (stopping at the first refusal).
// Errors carry the model's message.
Result<Cluster> one_room(const InstanceType& type, const NodeConfig& config = {}, int pods = 0);
// The instance types the tutorial meets first (the blog post's four), which every room-size
// picker offers before the learner searches the whole catalog.
const std::vector<std::string>& tutorial_instance_types();
// The id of the first ENI in `after` that `before` does not have ("" if none): which phone
// panel an action just attached, for a view to flash.
std::string new_eni_id(const Node* before, const Node* after);

// The example campus of the steps about calls (traffic.h), once per way of giving desks
// their numbers, its rooms m5.large (a type that can give desks their own security groups).
struct TrafficCampuses {
    TrafficCampus vpc;             // the VPC CNI
    TrafficCampus vpc_own_groups;  // the VPC CNI with security groups for pods
    TrafficCampus overlay;         // an overlay CNI
};
inline constexpr const char* kTrafficRoomType = "m5.large";
// Builds the three; fails (with the catalog's or the model's message) if the catalog lacks
// the room type.
Result<TrafficCampuses> traffic_campuses(const Catalog& catalog);

}  // namespace core
