// view_desk_limit.h: step "desk-limit": pick any instance type and see its panels, slots
// and pods, the seed's simple count beside kubelet's exact max-pods, and the room's CPU and
// memory when every desk extension is taken.
#pragma once

#include <string>

#include "cluster.h"
#include "context.h"

namespace web {

struct DeskLimitView {
    int type = -1;         // index into the catalog; -1: not chosen yet (t3.small)
    char filter[32] = "";  // search text of the instance-type picker
    bool show_math = true;
    int cpu_millis = 100;   // CPU request per desk (pod), millicores
    int memory_mib = 128;   // memory request per desk (pod), MiB
    int built_type = -1;    // the type `cluster` was built for
    core::Cluster cluster;  // a room of that type with every pod address taken
    std::string error;      // why the room could not be built, "" if it was
};

// Draws the view; false if it has nothing to draw.
ViewOut draw_desk_limit(const ViewContext& ctx, DeskLimitView& view);

}  // namespace web
