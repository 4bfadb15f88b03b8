// view_prefix_delegation.h: step "prefix-delegation": draws core::PrefixDelegation, one room
// whose slots turn into /28 blocks. The room and the prefix-delegation switch come first
// (the figure), then the numbers with and without blocks, kubelet's max-pods with who sets
// it (node group kind) and max-pods set by hand, the desks, the building, the room size.
#pragma once

#include "context.h"
#include "steps/prefix_delegation.h"

namespace web {

// What the view keeps of its own: when the learner last gave the room a new setting (the
// new room fades in), the room-size picker's search text, the math folded or open.
struct PrefixDelegationUi {
    double switched_ms = -1e9;
    char filter[32] = "";
    bool show_math = false;
    float tally_h = 0;          // the tallest the desks' tally has been in this beat: the controls
    double tally_beat_ms = -1;  // under it stay put; a new beat starts afresh
};

// Draws the step's model and hands the learner's presses to core.
ViewOut draw_prefix_delegation(const ViewContext& ctx, core::PrefixDelegation& model,
                               PrefixDelegationUi& ui);

}  // namespace web
