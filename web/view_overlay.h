// view_overlay.h: the "overlay-vs-vpc" view's UI state and draw function.
#pragma once

namespace web {

struct App;

struct OverlayView {
    bool initialized = false;
};

// Draws the view; false if it has nothing to draw (the step shows its text alone).
bool draw_overlay(App& app, OverlayView& view);

}  // namespace web
