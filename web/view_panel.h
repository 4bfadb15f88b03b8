// view_panel.h: step "phone-panel": one room whose desks take extensions one by one.
//
// The learner picks a room size (instance type, t3.small first) and adds or removes desks
// (pods). The room is a one-node core::Cluster; every button calls core (add_pod,
// remove_pod) and the room, its numbers and the event log redraw from the result: desks
// take secondary IPs, ipamd attaches the next ENI ahead of need, kubelet refuses a desk at
// max-pods.
#pragma once

#include <string>

#include "cluster.h"
#include "context.h"

namespace web {

struct PanelView {
    int type = -1;              // index into the catalog; -1: not chosen yet (t3.small)
    char filter[32] = "";       // search text of the instance-type picker
    int built_type = -1;        // the type `cluster` was built for
    core::Cluster cluster;      // the room the learner plays with
    std::string message;        // the last refusal or failure, "" if none
    std::string fresh_eni;      // the ENI attached by the last action, flashed briefly
    double fresh_until_ms = 0;  // when the flash ends
};

// Draws the view; false if it has nothing to draw (the step shows its text alone).
ViewOut draw_panel(const ViewContext& ctx, PanelView& view);

}  // namespace web
