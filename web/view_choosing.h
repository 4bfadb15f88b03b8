// view_choosing.h: step "choosing": draws core::Choosing. The puzzle first: the campus whose
// building ran out, the fix the learner tried on it and what it did, then a button per fix.
// Then the decision guide: the question with its answers, or the outcome with why it works,
// what it costs and the numbers its demo campus shows before and after.
#pragma once

#include "context.h"
#include "steps/choosing.h"

namespace web {

// What the view keeps of its own: when the last fix was run, so its numbers flash.
struct ChoosingUi {
    double changed_ms = 0;
};

// Draws the step's model and hands the learner's presses to core.
ViewOut draw_choosing(const ViewContext& ctx, core::Choosing& model, ChoosingUi& ui);

}  // namespace web
