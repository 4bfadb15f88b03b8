// view_custom.h: the "custom-networking" view's UI state and draw function.
#pragma once

namespace web {

struct App;

struct CustomNetworkingView {
    bool initialized = false;
};

// Draws the view; false if it has nothing to draw (the step shows its text alone).
bool draw_custom(App& app, CustomNetworkingView& view);

}  // namespace web
