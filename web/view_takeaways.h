// view_takeaways.h: step "takeaways": draws core::Takeaways, the playground. A toolbar (undo,
// start over, export, share link, import), then the rooms with the opening task's count (desks
// seated of the target) and each room's desks, to nudge or type; then adding a room with its
// features, the buildings and number ranges, and what the CNI did (the event log).
#pragma once

#include <string>

#include "context.h"
#include "ipam.h"
#include "steps/takeaways.h"

namespace web {

// What the view keeps of its own: the choices of the forms (new range, building and room),
// which room's settings are open, a desk count being typed, the import box and its text, and
// the last link made.
struct TakeawaysUi {
    int vpc_choice = 0;            // start over: which VPC CIDR
    int cidr_choice = 0;           // add a range: index into core's suggestions
    int subnet_prefix = 24;        // new building: its size (/prefix)
    int subnet_choice = 0;         // new building: index into the free blocks offered
    int subnet_zone = 0;           // new building: availability zone
    int room_type = -1;            // new room: index into the catalog (t3.small first)
    char room_filter[32] = "";     // new room: type picker search text
    int room_subnet = 0;           // new room: index into the VPC's subnets
    int room_pod_subnet = 0;       // new room, custom networking: the ENIConfig subnet
    core::NodeConfig room_config;  // new room: its settings
    std::string open_settings;     // the room whose settings are open, "" none
    std::string editing_room;      // the room whose desk count is being typed, "" none
    int editing_desks = 0;         // the count typed so far
    bool show_import = false;      // the import box is open
    std::string import_text;       // scenario JSON pasted or typed by the learner
    std::string import_error;      // why the last import was refused, "" if none
    std::string link;              // the last share link made, "" if none
};

// Draws the step's model and hands the learner's presses to core.
ViewOut draw_takeaways(const ViewContext& ctx, core::Takeaways& model, TakeawaysUi& ui);

}  // namespace web
