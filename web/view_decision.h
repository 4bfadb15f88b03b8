// view_decision.h: step "choosing": the decision guide. The learner answers core's
// questions (core/decision) until they land on a fix; the fix is then shown on a small
// campus that has the symptom, before and after core applies it, with the numbers that
// changed.
#pragma once

#include <string>
#include <vector>

#include "context.h"
#include "decision.h"

namespace web {

struct DecisionView {
    std::vector<std::string> path;  // guide node ids visited; empty: at the start
    std::vector<int> picks;         // the answer chosen at each visited question
    bool demo_ready = false;        // before/after below belong to the current outcome
    std::string demo_for;           // the outcome id they were built for
    core::DemoCampus before;
    core::DemoCampus after;
    bool applied = false;  // "after" holds the fixed campus
    bool show_after = true;
    std::vector<std::string> steps;  // what applying the fix did
    std::vector<core::Figure> figures;
    std::string error;      // a failure from core, shown in the view
    double changed_ms = 0;  // when the fix was applied (the numbers flash)
};

// Draws the view; false if it has nothing to draw.
ViewOut draw_decision(const ViewContext& ctx, DecisionView& view);

}  // namespace web
