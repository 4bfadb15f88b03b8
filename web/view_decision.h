// view_decision.h: the "decision-guide" view's UI state and draw function.
#pragma once

namespace web {

struct App;

struct DecisionView {
    bool initialized = false;
};

// Draws the view; false if it has nothing to draw (the step shows its text alone).
bool draw_decision(App& app, DecisionView& view);

}  // namespace web
