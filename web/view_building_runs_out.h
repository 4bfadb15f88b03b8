// view_building_runs_out.h: step "building-runs-out": draws core::BuildingRunsOut. The
// figure is the building's number grid with its rooms right under it (and the second
// building beside it once there is one), then where each room's phone panels went and why;
// the buttons that add desks and rooms, tag the second building and try the cures follow.
#pragma once

#include "context.h"
#include "steps/building_runs_out.h"

namespace web {

// What the view keeps of its own: nothing yet (every press goes to the model, which replays
// itself); the place for animation times when the view gains some.
struct BuildingRunsOutUi {};

// Draws the step's model and hands the learner's presses to core.
ViewOut draw_building_runs_out(const ViewContext& ctx, core::BuildingRunsOut& model,
                               BuildingRunsOutUi& ui);

}  // namespace web
