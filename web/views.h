// views.h: one interactive view per concept, each holding only UI state.
//
// A lesson step names its view ("desk-limit"); draw_view() dispatches to it. Each view's
// struct is what the learner has chosen there (an instance type, a slider position, a
// copy of the core model they are playing with); all numbers come from core calls.
#pragma once

#include <string>

#include "capacity.h"

namespace web {

struct App;

struct DeskLimitView {
    int type = -1;          // index into the catalog; -1: not chosen yet (t3.small)
    char filter[32] = "";   // search text of the instance-type picker
    bool show_math = true;
};

struct Views {
    DeskLimitView desk_limit;
};

// Draws the view named by a lesson step into the current ImGui window region.
// False if no such view exists (the app then shows the step's text alone).
bool draw_view(App& app, const std::string& view);

// Shared widgets ------------------------------------------------------------------------
// A searchable instance-type picker over the whole catalog; true when the choice changed.
bool instance_type_picker(App& app, const char* id, int& type, char* filter, int filter_size);
// "Show the math": the derivation steps from core, as a worked sum.
void show_math(App& app, const core::MaxPods& result, bool& open);

}  // namespace web
