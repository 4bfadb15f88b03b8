// view_security_groups.h: step "security-groups-for-pods": one room with ENABLE_POD_ENI on
// or off. With it on, the trunk ENI takes one of the room's ENIs (core::max_pods with
// security_groups_for_pods: m5.large pod IPs 27 -> 18) and pods with their own security
// groups hang off it on branch ENIs (core/sg_pods.h: up to MaxPods::branch_enis, still
// counted against max-pods). A t-family type shows core's "not supported" note and gets no
// trunk. Switching the option or the type rebuilds the room (AWS: replace the node) with
// the same desks.
#pragma once

#include <string>

#include "cluster.h"
#include "context.h"

namespace web {

struct SecurityGroupsView {
    int type = -1;         // index into the catalog; -1: not chosen yet (m5.large)
    char filter[32] = "";  // search text of the instance-type picker
    bool pod_eni = true;   // ENABLE_POD_ENI as the learner set it
    int built_type = -1;   // the type `cluster` was built for
    bool built_pod_eni = false;
    core::Cluster cluster;  // the room
    std::string message;    // the last refusal, "" if none
};

// Draws the view; false if it has nothing to draw (the step shows its text alone).
ViewOut draw_security_groups(const ViewContext& ctx, SecurityGroupsView& view);

}  // namespace web
