// view_rules.h: step "the-rules": the four rules that size a room, each pointed out on a
// full room of the chosen instance type.
//
// Rule 1: the room keeps its main extension (and, stricter, every panel keeps its first
// slot); rule 2: desks share the other slots; rule 3: the instance type limits the
// panels; rule 4: it limits the slots per panel. The room is a one-node core::Cluster
// filled to kubelet's max-pods, so every panel is attached.
#pragma once

#include <string>

#include "cluster.h"
#include "context.h"

namespace web {

struct RulesView {
    int type = -1;             // index into the catalog; -1: not chosen yet (t3.small)
    char filter[32] = "";      // search text of the instance-type picker
    int rule = 0;              // 0..3: the rule pointed out
    bool every_panel = false;  // rule 1: show that every panel keeps its first slot
    int built_type = -1;       // the type `cluster` was built for
    core::Cluster cluster;     // a full room of that type
    std::string error;         // why the room could not be built, "" if it was
};

// Draws the view; false if it has nothing to draw (the step shows its text alone).
ViewOut draw_rules(const ViewContext& ctx, RulesView& view);

}  // namespace web
