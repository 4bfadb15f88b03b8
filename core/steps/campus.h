// campus.h: small campuses the steps build to play with (one home for them all).
//
//   core::Result<core::Cluster> room = core::one_room(type);          // an empty room
//   core::Result<core::Cluster> full = core::one_room(type, {}, 9);   // with 9 desks
//   core::Result<core::Vpc> vpc = core::carved_campus("10.0.0.0/16", 18, 4);  // four buildings
//   core::Result<core::Cluster> play = core::starter_campus(catalog, "10.0.0.0/16");
#pragma once

#include <string>
#include <string_view>

#include "catalog.h"
#include "cluster.h"

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

// The zone of the n-th building a campus builds: us-east-1a, -1b, -1c in turn.
const char* building_zone(size_t n);
// Builds the next building of /prefix in the lowest free aligned block inside `within` (one of
// the VPC's CIDR blocks): id from next_subnet_id ("subnet-e"), name "Building E", zone by
// building_zone. Returns where it went; errors (no room left) change nothing.
Result<Cidr> add_next_building(Vpc& vpc, const Cidr& within, int prefix);
// A VPC of this primary CIDR already shared out among `buildings` buildings of /prefix
// (add_next_building one after another). Errors carry the model's message.
Result<Vpc> carved_campus(std::string_view primary, int prefix, int buildings);
// The playground's opening campus: the VPC, one building (a /24, or the whole VPC if smaller)
// and one t3.small room ("node-a-1") with `desks` desks. Errors carry the model's message.
Result<Cluster> starter_campus(const Catalog& catalog, std::string_view vpc_cidr, int desks = 2);

}  // namespace core
