// takeaways.h: step "takeaways": the playground, a free campus to build, undo, export and share.
//
// The step recaps the tutorial over a campus the learner builds: number ranges (VPC CIDRs),
// buildings (subnets, in the free blocks core/subnet_plan.h offers), rooms of any size with
// their settings (prefix delegation, custom networking and its pod building, security groups
// for pods; warm targets and max-pods also on a running room) and desks per room. It opens
// with a small task: seat `target` desks at once. Every change is a core::Cluster call, and a
// change that took effect keeps the campus before it for Undo. The campus exports as scenario
// JSON, imports from it (a refusal names the field and changes nothing) and travels in a share
// link ("#step=takeaways&campus=<base64url>", core/fragment.h). A campus opened from a link
// becomes the step's opening campus until the learner starts over.
//
//   core::Takeaways m = core::make_takeaways(catalog);
//   core::set_desks(m, "node-a-1", 9);                // the room's desks, up to its max-pods
//   core::Result<std::string> code = core::share_code(m, catalog);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog.h"
#include "cluster.h"
#include "steps/step_info.h"

namespace core {

// What the last action that went well did, for the view to say ("" message then).
enum class TakeawaysNotice { None, Undone, StartedOver, Exported, Linked, Imported, Opened };

struct Takeaways {
    Cluster cluster;                   // the campus
    std::vector<Cluster> undo;         // earlier campuses, newest last (kTakeawaysUndo at most)
    std::optional<Cluster> linked;     // the campus a share link opened: the opening campus
    int target = 30;                   // the opening task: seat this many desks at once
    std::string message;               // the last refusal in AWS words, "" if none
    ErrorCode code = ErrorCode::None;  // its machine code (TooManyPods), None if it has none
    std::string room;                  // the room it was about, "" if none
    TakeawaysNotice notice = TakeawaysNotice::None;
    std::string scenario_name;  // the name of the scenario last imported or opened
    std::string exported;       // the last export or share code ("" none)
};

// A new room: its size, building and settings (pod building with custom networking).
struct RoomChoice {
    InstanceType type;
    std::string subnet_id;
    NodeConfig config;
};

inline constexpr size_t kTakeawaysUndo = 12;
inline constexpr int kMaxDesksPerRoom = 250;

// What the step offers its lesson: knob target; values, parts and goals as listed in
// takeaways.cpp.
// Back to the opening state (a campus opened from a link stays the opening one).
// Sets a knob: "target" (10 to 500 desks).
// A live number or word of the step ("" for an unknown name): pods, waiting, target, rooms,
// buildings, ranges, maxpods, room, undo.
// True when the goal is met: "seat" (at least `target` desks seated at once).
const StepCalls<Takeaways>& step_calls(StepTag<Takeaways>);
// The opening state: the linked campus if one was opened, else 10.0.0.0/16 with one /24
// building and one t3.small room with two desks; target 30.
inline constexpr auto make_takeaways = opening_state<Takeaways>;
// A fresh starter campus in this VPC CIDR (no link campus any more); Undo brings the old one.
Status start_over(Takeaways& model, std::string_view vpc_cidr, const Catalog& catalog);
// Adds a CIDR block to the VPC (AWS's rules, core/vpc.h).
Status add_cidr(Takeaways& model, std::string_view cidr);
// Builds a building on this free block in this zone, named after the next letter.
Status add_building(Takeaways& model, std::string_view cidr, std::string_view zone);
// Adds a room ("node-b-1", ...) of this size in this building with these settings.
Status add_room(Takeaways& model, const RoomChoice& room);
// Removes a room and returns what it held to its buildings.
Status remove_room(Takeaways& model, std::string_view room);
// Adds or removes desks until the room has `desks` (running and waiting); stops at the first
// refusal (kubelet's max-pods), keeping the desks placed so far, and says why.
Status set_desks(Takeaways& model, std::string_view room, int desks);
// Changes a running room's warm targets or max-pods (the rest needs a new room, as on AWS).
Status set_room_config(Takeaways& model, std::string_view room, const NodeConfig& config);
// Brings back the campus before the last change; false if there is none.
bool undo(Takeaways& model);
// Replaces the campus by a scenario's (pasted JSON). A refusal names the field and changes
// nothing.
Status import_scenario(Takeaways& model, std::string_view json, const Catalog& catalog);
// Opens the campus of a share link ("campus=" value): decoded strictly, then built. It becomes
// the opening campus. A refusal says why and changes nothing.
Status open_link(Takeaways& model, std::string_view encoded, const Catalog& catalog);
// The campus as scenario JSON (pretty), kept in `exported`.
Result<std::string> export_scenario(Takeaways& model, const Catalog& catalog);
// The campus as a share link's "campus=" value, kept in `exported`.
Result<std::string> share_code(Takeaways& model, const Catalog& catalog);
// Desks with an extension (running pods) over all rooms.
int seated_desks(const Takeaways& model);
// Desks waiting for an extension over all rooms.
int waiting_desks(const Takeaways& model);

}  // namespace core
