// view_exhaustion.h: the "subnet-exhaustion" view's UI state and draw function.
#pragma once

namespace web {

struct App;

struct ExhaustionView {
    bool initialized = false;
};

// Draws the view; false if it has nothing to draw (the step shows its text alone).
bool draw_exhaustion(App& app, ExhaustionView& view);

}  // namespace web
