// view_phone_panel.h: step "phone-panel": draws core::PhonePanel, one room whose desks take
// the slots of its phone panels. The room comes first (the figure every beat talks about),
// then the buttons that add and remove desks, the room size and the counts.
#pragma once

#include "context.h"
#include "steps/phone_panel.h"

namespace web {

// What the view keeps of its own: how long the panel the last press attached flashes, and
// the search text of the room-size picker.
struct PhonePanelUi {
    double flash_until_ms = 0;
    char filter[32] = "";
};

// Draws the step's model and hands the learner's presses to core.
ViewOut draw_phone_panel(const ViewContext& ctx, core::PhonePanel& model, PhonePanelUi& ui);

}  // namespace web
