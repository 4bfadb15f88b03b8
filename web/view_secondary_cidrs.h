// view_secondary_cidrs.h: step "secondary-cidrs": draws core::SecondaryCidrs. First the
// address bar (like cidr.xyz): the four octets and the prefix length of a candidate block,
// each dragged sideways or tapped to type, the 32 bits with a handle between the fixed bits
// and the numbers inside, and AWS's verdict on the block as it stands. Then the campus: one bar
// per number range (CIDR block) with its buildings, the quota of blocks, and the buttons that
// add the block, build a building and start over.
#pragma once

#include "context.h"
#include "steps/secondary_cidrs.h"

namespace web {

// What the view keeps of its own: which part of the bar is being dragged and its value when
// the drag began, and how long a newly added block flashes.
struct SecondaryCidrsUi {
    int drag_start = 0;         // the octet or prefix when the drag began
    bool dragged = false;       // the press under way has moved sideways (not a tap)
    double flash_until_ms = 0;  // the newest block flashes until then
    size_t blocks_seen = 1;     // blocks drawn last frame: one more means a block was added
};

// Draws the step's model and hands the learner's presses to core.
ViewOut draw_secondary_cidrs(const ViewContext& ctx, core::SecondaryCidrs& model,
                             SecondaryCidrsUi& ui);

}  // namespace web
