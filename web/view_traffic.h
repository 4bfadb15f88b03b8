// view_traffic.h: the "traffic" view's UI state and draw function.
#pragma once

namespace web {

struct App;

struct TrafficView {
    bool initialized = false;
};

// Draws the view; false if it has nothing to draw (the step shows its text alone).
bool draw_traffic(App& app, TrafficView& view);

}  // namespace web
