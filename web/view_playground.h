// view_playground.h: step "takeaways": a free campus to build and share.
//
// The learner adds CIDRs to the VPC, buildings (subnets, chosen from the free blocks core
// offers: core/subnet_plan.h), rooms of any type with their settings (prefix delegation,
// custom networking with its pod subnet, security groups for pods; warm targets and
// max-pods also on a running room) and desks per room. Every change is a core::Cluster
// call; the event log shows what the CNI did. Undo keeps a few copies of the Cluster;
// reset starts a fresh campus. The campus exports as scenario JSON (core/scenario_export.h,
// copied to the clipboard), imports from pasted JSON (a refusal names the field and leaves
// the campus as it was) and travels in a share link ("#step=takeaways&campus=<base64url>",
// core/fragment.h).
#pragma once

#include <string>
#include <vector>

#include "cluster.h"
#include "context.h"
#include "ipam.h"

namespace web {

struct PlaygroundView {
    bool initialized = false;
    core::Cluster cluster;            // the campus
    std::vector<core::Cluster> undo;  // earlier campuses, newest last (a few)
    std::string message;              // the last refusal, "" if none
    std::string notice;               // the last success worth saying ("Copied ..."), "" if none
    int vpc_choice = 0;               // reset: which starting VPC CIDR
    int cidr_choice = 0;              // add a VPC CIDR: index into core's suggestions
    int subnet_prefix = 24;           // new building: its size (/prefix)
    int subnet_choice = 0;            // new building: index into the free blocks offered
    int subnet_zone = 0;              // new building: availability zone
    int room_type = -1;               // new room: index into the catalog (t3.small first)
    char room_filter[32] = "";        // new room: type picker search text
    int room_subnet = 0;              // new room: index into the VPC's subnets
    int room_pod_subnet = 0;          // new room, custom networking: the ENIConfig subnet
    core::NodeConfig room_config;     // new room: its settings
    std::string open_settings;        // the room whose settings are open, "" none
    bool show_import = false;         // the import box is open
    std::string import_text;          // scenario JSON pasted or typed by the learner
    std::string import_error;         // why the last import was refused, "" if none
    std::string link;                 // the last share link made, "" if none
};

// Draws the view; false if it has nothing to draw (the step shows its text alone).
ViewOut draw_playground(const ViewContext& ctx, PlaygroundView& view);

// Loads the campus of a share link ("campus=" value, base64url scenario JSON) into the
// playground: decoded strictly (core::decode_campus), then core::load_scenario and
// core::build_cluster. On failure returns false with a readable message in *error (field
// path included) and leaves the playground as it was. For app_init / hash changes.
bool playground_load_from_fragment(const core::Catalog& catalog, PlaygroundView& view,
                                   const std::string& encoded, std::string* error);

}  // namespace web
