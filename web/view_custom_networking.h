// view_custom_networking.h: step "custom-networking": draws core::CustomNetworking. The figure
// is the room's building, the room and the building its desks take their extensions from,
// with cables between them, and right under it the custom-networking switch and "Replace the
// room" (cause and effect a glance apart, on a phone too). Then the ENIConfig's building, the
// numbers (kubelet's max-pods and who sets it, the formula, desk extensions, desks waiting),
// the desks, max-pods set by hand, prefix delegation and the room size.
#pragma once

#include "context.h"
#include "steps/custom_networking.h"

namespace web {

// What the view keeps of its own: the room-size picker's search text.
struct CustomNetworkingUi {
    char filter[32] = "";
};

// Draws the step's model and hands the learner's presses to core.
ViewOut draw_custom_networking(const ViewContext& ctx, core::CustomNetworking& model,
                               CustomNetworkingUi& ui);

}  // namespace web
