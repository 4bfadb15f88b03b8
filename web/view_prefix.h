// view_prefix.h: step "prefix-delegation": the same room with and without /28 blocks.
//
// A switch turns prefix delegation off and on for a one-node core::Cluster (the node is
// replaced, as on AWS, keeping its number of desks); slots turn into 4x4 blocks and the
// numbers change from core::max_pods with and without it. The classic surprise is live:
// until "raise kubelet max-pods" is on (NodeConfig::max_pods_override, set on the running
// node), kubelet keeps the AMI's max-pods and desks stop at 9 on a t3.small even with
// prefix delegation. The building below shows a whole /28 reserved for a single desk.
#pragma once

#include <string>

#include "cluster.h"
#include "context.h"

namespace web {

struct PrefixView {
    int type = -1;         // index into the catalog; -1: not chosen yet (t3.small)
    char filter[32] = "";  // search text of the instance-type picker
    bool prefix_delegation = true;
    bool raise_max_pods = false;  // kubelet max-pods raised to AWS's recommendation
    int desks = 1;                // pods the learner wants on the node (kept across rebuilds)
    int built_type = -1;          // what `cluster` was built with
    bool built_pd = false;
    core::Cluster cluster;  // the room the learner plays with
    std::string message;    // the last refusal or failure, "" if none
    bool show_math = false;
    double switched_ms = -1e9;  // when the switch last changed (the room fades in)
};

// Draws the view; false if it has nothing to draw (the step shows its text alone).
ViewOut draw_prefix(const ViewContext& ctx, PrefixView& view);

}  // namespace web
