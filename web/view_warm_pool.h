// view_warm_pool.h: the "warm-pool" view's UI state and draw function.
#pragma once

namespace web {

struct App;

struct WarmPoolView {
    bool initialized = false;
};

// Draws the view; false if it has nothing to draw (the step shows its text alone).
bool draw_warm_pool(App& app, WarmPoolView& view);

}  // namespace web
