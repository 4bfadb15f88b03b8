// desk_room.h: the one-room figure and the hand that steps showing one room share
// (core/steps/campus.h DeskRoom: phone-panel, the-rules, desk-limit, warm-pool).
//
//   web::ViewOut out;
//   web::desk_room_figure(ctx, model, ui, style, out);       // the room, lit, a new panel flashing
//   web::DeskHand h = web::desk_room_hand(ctx, model, ui, "rules");  // Add / Remove / size
//   if (h.press == web::DeskPress::Add) core::apply(model, core::DeskAction::AddDesk);
#pragma once

#include <string>
#include <string_view>

#include "context.h"
#include "draw_campus.h"
#include "steps/campus.h"

namespace web {

// What the view keeps of its own for one room: how long the panel the last press attached
// flashes, and the search text of the room-size picker.
struct DeskRoomUi {
    double flash_until_ms = 0;
    char filter[32] = "";
};

// What the learner pressed under the room this frame; Type: a room size was picked (its name
// in DeskHand::type, for the step's "type" knob).
enum class DeskPress { None, Add, Remove, StartOver, Type };
struct DeskHand {
    DeskPress press = DeskPress::None;
    std::string type;
};

// The part of a room that a lesson's part name points at (mainext, panelmain, slots, ips,
// deskslots, desks, pods, capacity, panels, maxpanels, allslots, lost), kHighlightNone for others.
unsigned room_highlight(std::string_view part);
// The room's title in the current words: "room: t3.small" / "node: t3.small".
std::string room_title(const ViewContext& ctx, const core::Node& node);
// Draws the model's room at the cursor as the figure of the beat (out.figure_min/max), with
// the panel the last press attached flashing; a room that could not be built shows why.
void desk_room_figure(const ViewContext& ctx, const core::DeskRoom& model, DeskRoomUi& ui,
                      RoomStyle style, ViewOut& out);
// "Add a desk", "Remove a desk", "Start over" and the room-size picker under the room; what
// was pressed comes back for the step's own action (core::apply, or core::set for a size).
// `desks` false leaves the desk buttons out (a step whose room the text fills).
DeskHand desk_room_hand(const ViewContext& ctx, const core::DeskRoom& model, DeskRoomUi& ui,
                        const char* picker_id, bool desks = true);
// The model's last refusal in the current words (core::refusal_words), or its own message
// when core has no words for its code; nothing when there is none.
void desk_room_refusal(const ViewContext& ctx, const core::DeskRoom& model);
// Starts the flash of the panel the model's last action attached (fresh_eni), if it changed.
void flash_if_new(const core::DeskRoom& model, const std::string& before, DeskRoomUi& ui,
                  ViewOut& out);

}  // namespace web
