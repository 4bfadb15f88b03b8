// view_playground.h: the "playground" view's UI state and draw function.
#pragma once

namespace web {

struct App;

struct PlaygroundView {
    bool initialized = false;
};

// Draws the view; false if it has nothing to draw (the step shows its text alone).
bool draw_playground(App& app, PlaygroundView& view);

}  // namespace web
