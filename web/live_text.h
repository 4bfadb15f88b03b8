// live_text.h: a lesson paragraph whose numbers are live and point at the figure.
//
// The text holds {term} tokens and live tokens (core/steps/step_info.h):
//   [[enis]]           the model's number, in the accent colour; pointing at it (hover or
//                      tap) lights the figure's part of that name
//   [[panelmain|- 1]]  words that light a part of the figure when pointed at
//   [[~pods]]          a number the learner changes right there: drag it sideways, or tap
//                      it for a small box with - and + and a field to type in
// The paragraph wraps at spaces like wrapped_text. What the learner points at and changes
// comes back in LiveTextOut; the caller passes `hot` to the view (which lights that part)
// and hands an edit to core (core::set_knob), so the figure follows on the next frame.
//
//   web::LiveTextOut t = web::live_text(ctx, models, "phone-panel", beat.text);
//   if (t.edit) core::set_knob(models, "phone-panel", *t.edit, catalog);
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "context.h"
#include "imgui.h"
#include "steps/steps.h"

namespace web {

struct LiveTextOut {
    std::string hot;                    // the live token under the pointer ("" if none)
    std::optional<core::Setting> edit;  // a number the learner changed this frame
    ImVec2 min, max;                    // where the paragraph was drawn (screen pixels)
};

// Draws the paragraph at the cursor, wrapped to the available width, in the current font.
// `hot_in` is what the figure or the last frame points at: its tokens are drawn lit.
LiveTextOut live_text(const ViewContext& ctx, const core::StepModels& models,
                      std::string_view step_id, std::string_view text,
                      std::string_view hot_in = {});
// The box a tap on an editable number opens (ImGui::OpenPopup(popup) first): -, a field to
// type in, +, Done. The new value when the learner changed it, kept within the knob's range.
std::optional<long long> edit_popup(const char* popup, const core::Knob& k, long long value);

}  // namespace web
