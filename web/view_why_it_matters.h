// view_why_it_matters.h: step "why-it-matters": draws core::WhyItMatters, web-1's call hop
// by hop (call_path.h) and what the callee sees, then the callees to pick and, once the text
// has named them, the VPC CNI's settings that decide whether the room swaps the caller.
#pragma once

#include "context.h"
#include "steps/why_it_matters.h"

namespace web {

// What the view keeps of its own: when the call last changed (the new path fades in).
struct WhyItMattersUi {
    double changed_ms = -1e9;
    core::Ipv4 last_seen;  // what the callee saw the last frame, to notice a change
    core::Callee last_callee = core::Callee::SameNode;
};

// Draws the step's model and hands the learner's presses to core.
ViewOut draw_why_it_matters(const ViewContext& ctx, core::WhyItMatters& model, WhyItMattersUi& ui);

}  // namespace web
