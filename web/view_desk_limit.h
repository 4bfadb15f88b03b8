// view_desk_limit.h: step "desk-limit": pick any instance type and see its panels, slots
// and pods, the seed's simple count beside kubelet's exact max-pods.
#pragma once

namespace web {

struct App;

struct DeskLimitView {
    int type = -1;         // index into the catalog; -1: not chosen yet (t3.small)
    char filter[32] = "";  // search text of the instance-type picker
    bool show_math = true;
};

// Draws the view; false if it has nothing to draw.
bool draw_desk_limit(App& app, DeskLimitView& view);

}  // namespace web
