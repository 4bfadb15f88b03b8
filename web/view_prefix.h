// view_prefix.h: the "prefix-delegation" view's UI state and draw function.
#pragma once

namespace web {

struct App;

struct PrefixView {
    bool initialized = false;
};

// Draws the view; false if it has nothing to draw (the step shows its text alone).
bool draw_prefix(App& app, PrefixView& view);

}  // namespace web
