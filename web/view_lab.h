// view_lab.h: an incident lab (core/labs.h): draws core::LabSession and hands the learner's
// picks to core. The figure comes first (the campus: its buildings and rooms as the model runs
// them, and the desks running, waiting and Pending), then the page from the pager, what the
// cluster shows, the changes an engineer could make with what each costs, Check with the
// model's answer under it, the hints in stages and Start over. Wide screens put the figure
// beside the words; a phone stacks them, figure first.
#pragma once

#include "context.h"
#include "labs.h"

namespace web {

// What the view keeps of its own: where the last Check's answer is, so it is scrolled into
// sight once.
struct LabUi {
    int scroll_to_result = 0;  // frames left to bring the verdict into sight (after Check)
    bool scroll_top = true;    // a lab opens at the top of its page (the pager first)
    int symptoms_shown = 0;    // 0: the first few; 1: all of them
};

// Draws the lab (lab must be labs.labs[session.lab]) and hands presses to core.
ViewOut draw_lab(const ViewContext& ctx, const core::Lab& lab, core::LabSession& session,
                 LabUi& ui);

}  // namespace web
