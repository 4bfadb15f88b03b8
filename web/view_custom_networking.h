// view_custom_networking.h: step "custom-networking": draws core::CustomNetworking. The figure
// is the room's building, the room and the building its desks take their extensions from,
// with cables between them, and right under it the custom-networking switch and "Replace the
// room" (cause and effect a glance apart, on a phone too). Then the ENIConfig's building, the
// numbers (kubelet's max-pods and who sets it, the formula, desk extensions, desks waiting),
// the desks, max-pods set by hand, prefix delegation and the room size.
#pragma once

#include "context.h"
#include "steps/custom_networking.h"
#include "ui.h"

namespace web {

using CustomNetworkingUi = RoomSizeUi;  // ui.h: the room-size picker's search text

// Draws the step's model and hands the learner's presses to core.
ViewOut draw_custom_networking(const ViewContext& ctx, core::CustomNetworking& model,
                               CustomNetworkingUi& ui);

}  // namespace web
