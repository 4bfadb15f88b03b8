// view_security_groups.h: the "security-groups" view's UI state and draw function.
#pragma once

namespace web {

struct App;

struct SecurityGroupsView {
    bool initialized = false;
};

// Draws the view; false if it has nothing to draw (the step shows its text alone).
bool draw_security_groups(App& app, SecurityGroupsView& view);

}  // namespace web
