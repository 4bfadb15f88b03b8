// view_the_rules.h: step "the-rules": draws core::TheRules, one room the learner fills with
// desks, lit where the beat's rule lives (the main extension, the desks' slots, the panels,
// one panel's slots, every panel's own number). The room comes first, then the buttons,
// the room size and the counts that the four rules explain.
#pragma once

#include "context.h"
#include "desk_room.h"
#include "steps/the_rules.h"

namespace web {

// What the view keeps of its own: the room's flash and picker text.
struct TheRulesUi {
    DeskRoomUi room;
};

// Draws the step's model and hands the learner's presses to core.
ViewOut draw_the_rules(const ViewContext& ctx, core::TheRules& model, TheRulesUi& ui);

}  // namespace web
