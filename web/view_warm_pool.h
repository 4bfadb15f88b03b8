// view_warm_pool.h: step "warm-pool": one room and the four knobs that size ipamd's warm
// pool (WARM_ENI_TARGET, WARM_IP_TARGET, MINIMUM_IP_TARGET, WARM_PREFIX_TARGET), prefix
// delegation on or off, and the number of desks.
//
// The room is a one-node core::Cluster. Knob changes go through core::set_node_config, so
// the event log shows ipamd attaching or releasing what the new targets ask for. A setting
// core refuses on a running node (prefix delegation, the instance type) rebuilds the room
// with the new configuration and the same number of desks, as AWS would replace the node.
// Under the room: core::pool_state's reason (the rule with its numbers) and node_stats.
#pragma once

#include <cstdint>
#include <string>

#include "cluster.h"
#include "context.h"
#include "ipam.h"

namespace web {

struct WarmPoolView {
    int type = -1;              // index into the catalog; -1: not chosen yet (t3.small)
    char filter[32] = "";       // search text of the instance-type picker
    int built_type = -1;        // the type `cluster` was built for
    core::NodeConfig config;    // the settings the learner chose (those the node runs)
    core::Cluster cluster;      // the room
    std::string message;        // the last refusal, "" if none
    std::string fresh_eni;      // an ENI the last action attached, flashed briefly
    double fresh_until_ms = 0;  // when the flash ends
    uint64_t show_me_seq = 0;   // events before this seq are the "show me" set-up; 0: not shown
};

// Draws the view; false if it has nothing to draw (the step shows its text alone).
ViewOut draw_warm_pool(const ViewContext& ctx, WarmPoolView& view);

}  // namespace web
