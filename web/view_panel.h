// view_panel.h: the "panel" view's UI state and draw function.
#pragma once

namespace web {

struct App;

struct PanelView {
    bool initialized = false;
};

// Draws the view; false if it has nothing to draw (the step shows its text alone).
bool draw_panel(App& app, PanelView& view);

}  // namespace web
