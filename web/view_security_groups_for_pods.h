// view_security_groups_for_pods.h: step "security-groups-for-pods": draws
// core::SecurityGroupsForPods. The figure is the room (its trunk panel striped), the trunk's
// branch panels under it (taken by a desk with its own security groups, or free) and the
// ENABLE_POD_ENI switch. Then the numbers (desk extensions with and without the trunk, branch
// panels in use, kubelet's max-pods and who sets it, desks waiting), both kinds of desks, the
// node group kind and the room size.
#pragma once

#include "context.h"
#include "steps/security_groups_for_pods.h"
#include "ui.h"

namespace web {

using SecurityGroupsForPodsUi = RoomSizeUi;  // ui.h: the room-size picker's search text

// Draws the step's model and hands the learner's presses to core.
ViewOut draw_security_groups_for_pods(const ViewContext& ctx, core::SecurityGroupsForPods& model,
                                      SecurityGroupsForPodsUi& ui);

}  // namespace web
