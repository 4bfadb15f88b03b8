// view_rules.h: the "rules" view's UI state and draw function.
#pragma once

namespace web {

struct App;

struct RulesView {
    bool initialized = false;
};

// Draws the view; false if it has nothing to draw (the step shows its text alone).
bool draw_rules(App& app, RulesView& view);

}  // namespace web
