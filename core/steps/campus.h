// campus.h: small campuses the steps build to play with (one home for them all).
//
//   core::Result<core::Cluster> room = core::one_room(type);          // an empty room
//   core::Result<core::Cluster> full = core::one_room(type, {}, 9);   // with 9 desks
//   core::Result<core::TrafficCampuses> t = core::traffic_campuses(catalog);  // the calls' campus
//   core::Result<core::Vpc> vpc = core::carved_campus("10.0.0.0/16", 18, 4);  // four buildings
//   core::Result<core::Cluster> play = core::starter_campus(catalog, "10.0.0.0/16");
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "catalog.h"
#include "cluster.h"
#include "steps/step_info.h"
#include "traffic.h"

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
// The instance types the tutorial meets first (the blog post's four), which every room-size
// picker offers before the learner searches the whole catalog.
const std::vector<std::string>& tutorial_instance_types();
// The id of the first ENI in `after` that `before` does not have ("" if none): which phone
// panel an action just attached, for a view to flash.
std::string new_eni_id(const Node* before, const Node* after);
// The simple picture's pool, for steps that come before the warm pool: another panel only
// when the attached ones are full. WARM_IP_TARGET=1 keeps one address ready, so ipamd asks
// for the next ENI as the last slot is taken (WARM_ENI_TARGET=0 alone would make the real
// ipamd attach and detach a spare ENI in a loop).
NodeConfig simple_pool_config();
// Desks on the node, with an address or waiting for one.
int desk_count(const Node& node);
// One more desk in the one room (node-1), or the refusal (code "TooManyPods": kubelet's
// max-pods; a desk left waiting for an address: its AWS code).
Status add_desk(Cluster& cluster);
// Takes the newest desk out of the one room (a waiting one first); none there is no error.
Status remove_desk(Cluster& cluster);

// One room a step plays with: its size and settings, the room itself (node-1 in Building A),
// the last refusal and the panel the last action attached. The models of steps that show one
// room derive from it (PhonePanel, TheRules, ...); copying one is a snapshot.
struct DeskRoom {
    InstanceType type;    // the room's size
    NodeConfig config;    // the settings the room runs with
    Cluster cluster;      // the room (node-1) in Building A
    std::string message;  // the last refusal ("kubelet's max-pods is 11..."), "" if none
    ErrorCode code = ErrorCode::None;  // its code (TooManyPods; event_words.h words it)
    std::string fresh_eni;             // the ENI the last action attached ("" none), to flash
};

// Builds one room (one_room: node-1 of this type and settings with `pods` desks) into cluster.
// False if it cannot be built: the cluster is then empty and message says why ("" otherwise).
bool build_room(Cluster& cluster, std::string& message, const InstanceType& type,
                const NodeConfig& config, int pods = 0);
// The room, nullptr only if it could not be built (message says why).
const Node* room(const DeskRoom& model);
// Rebuilds the room of the model's type and settings with `pods` desks (stopping at the
// first refusal); if it cannot be built the room is empty and message says why.
void rebuild_room(DeskRoom& model, int pods);
// The type of that name from the catalog, or the catalog's first type when it lacks it (an
// empty catalog leaves the type as it is); then the room is rebuilt with `pods` desks.
void open_room(DeskRoom& model, const Catalog& catalog, std::string_view type, int pods);
// A room size picked by name: an unknown name is an error and changes nothing; otherwise the
// room is rebuilt with `pods` desks.
Status choose_type(DeskRoom& model, const Catalog& catalog, std::string_view type, int pods);
// One desk more (add) or fewer: a refusal goes to message and code, a panel it attached to
// fresh_eni.
void change_desks(DeskRoom& model, bool add);

// The room size a one-room step opens with, and the most desks its "pods" knob asks for.
inline constexpr const char* kOpeningRoomType = "t3.small";
inline constexpr int kMaxRoomDesks = 250;
// The knobs of a step that shows one room of desks: "type" (an instance type, checked by
// the model) and "pods" (0 to kMaxRoomDesks).
std::vector<Knob> desk_room_knobs();
// The opening of a one-room step before the warm pool: the simple pool and an empty room of
// kOpeningRoomType (or the catalog's first type).
void open_simple_room(DeskRoom& model, const Catalog& catalog);

// A number the steps before the warm pool show of their room, by name: pods (desks in the
// room), panels (attached), maxpanels (the room size's limit), ips (slots per panel), deskslots
// (slots per panel a desk may take); -1 for another name.
long long room_number(const DeskRoom& model, std::string_view name);

// The learner's hand on a room of desks (the steps before the warm pool share it).
enum class DeskAction { AddDesk, RemoveDesk, StartOver };
// Adds or removes a desk, or starts over with the same room size. A refused desk leaves the
// room as it was and sets message and code.
void apply(DeskRoom& model, DeskAction action);
// The knobs "type" (rebuilds the room empty) and "pods" (rebuilds it with that many desks,
// as many as fit), checked against the step's info first: a bad one changes nothing.
Status set_room_knob(DeskRoom& model, const StepInfo& info, const Setting& setting,
                     const Catalog& catalog);
// The reset and set of a step whose model is the simple room and nothing more (phone-panel,
// the-rules): open_simple_room, and set_room_knob against the step's own knobs.
template <typename Room>
void open_simple(Room& model, const Catalog& catalog) {
    open_simple_room(model, catalog);
}
template <typename Room>
Status set_simple_knob(Room& model, const Setting& setting, const Catalog& catalog) {
    return set_room_knob(model, step_info<Room>(), setting, catalog);
}

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
// The same into `out` for a step's reset: false, the reason in `message` and `out` as it was,
// when they cannot be built.
bool traffic_campuses(const Catalog& catalog, TrafficCampuses& out, std::string& message);

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

// The catalog's type of that name; the catalog's first type if it has none (an empty type if
// the catalog is empty): the room a step opens with.
InstanceType opening_type(const Catalog& catalog, std::string_view name);

// A knob of a step that shows one room, checked against the step's info first (an error for
// a bad one), then the two every such step has: "type" (the catalog's instance type of that
// name, into `type`) and "nodegroup" ("self-managed" or "managed", into `kind`). True if the
// setting was one of them, false if it is another knob of the step; an error (nothing
// changed) for a bad value.
Result<bool> set_type_or_kind(const StepInfo& info, const Setting& setting, const Catalog& catalog,
                              InstanceType& type, NodeGroupKind& kind);

// The knobs of a step that sends desks to a room of a node group: "type" (an instance type,
// checked by the model), "nodegroup" (set_type_or_kind), "maxpods" (kubelet's max-pods set by
// hand, above the host-network desks).
Knob type_knob();
Knob node_group_knob();
Knob max_pods_knob();

// A number the steps that send desks to one room show alike, by name: pods (desks sent), running
// and waiting (in the room; 0 without one), refused (by kubelet), enis and ips (the type's),
// maxpods (kubelet's, as given); -1 for another name.
long long sent_desks_number(const InstanceType& type, const Node* room, int wanted, int refused,
                            long long kubelet, std::string_view name);

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
