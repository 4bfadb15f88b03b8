// view_secondary.h: the "secondary-cidrs" view's UI state and draw function.
#pragma once

namespace web {

struct App;

struct SecondaryCidrView {
    bool initialized = false;
};

// Draws the view; false if it has nothing to draw (the step shows its text alone).
bool draw_secondary(App& app, SecondaryCidrView& view);

}  // namespace web
