// view_vpc_cni_vs_overlay.h: step "vpc-cni-vs-overlay": draws core::VpcCniVsOverlay, the row
// being compared at work (the figure), then the comparison table whose rows the learner
// picks, and for the address row the room size and how many rooms.
#pragma once

#include "context.h"
#include "steps/vpc_cni_vs_overlay.h"

namespace web {

// What the view keeps of its own: the room-size picker's search text and each table row's
// height in the last frame (a row is one selectable across its cells).
struct VpcCniVsOverlayUi {
    char filter[32] = "";
    float row_h[core::kCompareRows] = {};
};

// Draws the step's model and hands the learner's presses to core.
ViewOut draw_vpc_cni_vs_overlay(const ViewContext& ctx, core::VpcCniVsOverlay& model,
                                VpcCniVsOverlayUi& ui);

}  // namespace web
