// view_desk_limit.h: step "desk-limit": draws core::DeskLimit, a full room of any size with
// its counts: the simple one, kubelet's exact max-pods (the built-in desks drawn by the
// room's name once the text has met them), and the room's CPU and memory beside its
// extensions once the text turns to them. Under the figure: the room size, and the CPU and
// memory each desk asks for (steps of - and +: a tap changes them, a swipe never does).
#pragma once

#include "context.h"
#include "desk_room.h"
#include "steps/desk_limit.h"

namespace web {

// What the view keeps of its own: the picker's search text (the room never flashes here).
struct DeskLimitUi {
    DeskRoomUi room;
};

// Draws the step's model and hands the learner's choices to core.
ViewOut draw_desk_limit(const ViewContext& ctx, core::DeskLimit& model, DeskLimitUi& ui);

}  // namespace web
