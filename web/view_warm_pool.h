// view_warm_pool.h: step "warm-pool": draws core::WarmPool, one room whose spare extensions
// (the warm pool) are lit, with the receptionist's (ipamd's) rule and its numbers under it.
// Then the hand: desks in and out, the room size, prefix delegation and the four settings
// (a tap on - or + changes one); then the event log in the current words.
#pragma once

#include "context.h"
#include "desk_room.h"
#include "steps/warm_pool.h"

namespace web {

// What the view keeps of its own: the room's flash and the size picker's text.
struct WarmPoolUi {
    DeskRoomUi room;
};

// Draws the step's model and hands the learner's presses to core.
ViewOut draw_warm_pool(const ViewContext& ctx, core::WarmPool& model, WarmPoolUi& ui);

}  // namespace web
