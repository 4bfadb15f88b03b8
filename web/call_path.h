// call_path.h: one traced call (core::TrafficPath) drawn as boxes joined by arrows, for the
// steps about calls. Each box names a place the call passes and the number the call says it
// comes from after it, coloured by whose number that is; a box where the call is changed has
// an orange frame. Rows wrap on a narrow screen. Hover a box for its sentence.
#pragma once

#include "context.h"
#include "traffic.h"

namespace web {

// Draws the call at the cursor across the available width. Bit i of `lit` outlines hop i (the
// part the beat or the learner points at). Returns the height drawn.
float draw_call_path(const ViewContext& ctx, const core::TrafficPath& path, unsigned lit = 0);
// The colour key for the numbers the call carries (only those it does carry).
void draw_call_key(const ViewContext& ctx, const core::TrafficPath& path);

}  // namespace web
