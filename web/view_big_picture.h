// view_big_picture.h: step "big-picture": draws core::BigPicture, one call followed hop by
// hop through an overlay (the private intercom) and through the VPC CNI (the direct-line
// system), side by side (stacked on a phone). Under each side a caption says where the call
// is and whose number it carries; it stays until the next hop. Then the controls: Step,
// Play, the callee.
#pragma once

#include "context.h"
#include "steps/big_picture.h"

namespace web {

// What the view keeps of its own: Play's clock and the glide of the call to its new hop.
struct BigPictureUi {
    bool playing = false;
    double next_hop_ms = 0;  // Play: when the calls move on
    int shown_hop = 0;       // the hop the figure last drew the calls at
    int from_hop = 0;        // the hop they glide from
    double moved_ms = -1e9;  // when they started to glide
};

// Draws the step's model and hands the learner's presses to core.
ViewOut draw_big_picture(const ViewContext& ctx, core::BigPicture& model, BigPictureUi& ui);

}  // namespace web
