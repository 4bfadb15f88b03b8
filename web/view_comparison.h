// view_comparison.h: the "cni-comparison" view's UI state and draw function.
#pragma once

namespace web {

struct App;

struct ComparisonView {
    bool initialized = false;
};

// Draws the view; false if it has nothing to draw (the step shows its text alone).
bool draw_comparison(App& app, ComparisonView& view);

}  // namespace web
