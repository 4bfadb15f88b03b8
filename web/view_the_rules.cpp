// view_the_rules.cpp: step "the-rules" (see view_the_rules.h).
#include "view_the_rules.h"

#include <string>

#include "draw_campus.h"
#include "imgui.h"
#include "ui.h"

namespace web {
namespace {

// The learner's press, as the step's action or knob.
void take(const ViewContext& ctx, core::TheRules& m, const DeskHand& hand) {
    switch (hand.press) {
        case DeskPress::Add:
            core::apply(m, core::DeskAction::AddDesk);
            break;
        case DeskPress::Remove:
            core::apply(m, core::DeskAction::RemoveDesk);
            break;
        case DeskPress::StartOver:
            core::apply(m, core::DeskAction::StartOver);
            break;
        case DeskPress::Type: {
            core::Status st = core::set(m, {"type", true, 0, hand.type}, ctx.catalog);
            if (!st) m.message = st.error().message;
            break;
        }
        case DeskPress::None:
            break;
    }
}

// One count under the room: "Slots: 12  ·  lost: 3  ·  desks: 9 of 9".
std::string counts(const ViewContext& ctx, const core::TheRules& m) {
    auto v = [&m](const char* name) { return core::step_value(m, name); };
    return capitalized(ctx.text("{slots}: ")) + v("allslots") + " on " + v("maxpanels") + " " +
           ctx.text("{panels}") + "    " + capitalized(ctx.text("{desks}: ")) + v("pods") + " of " +
           v("capacity");
}

}  // namespace

ViewOut draw_the_rules(const ViewContext& ctx, core::TheRules& m, TheRulesUi& ui) {
    ViewOut out;
    RoomStyle rs;
    rs.simple = true;  // no spare pool yet: held addresses are drawn as empty slots
    rs.cell = 44;
    rs.highlight = room_highlight(ctx.lit());
    desk_room_figure(ctx, m, ui.room, rs, out);
    draw_legend(ctx, kLegendMainExt | kLegendPod | kLegendEmpty | kLegendUnattached);

    ImGui::Spacing();
    const std::string before = m.fresh_eni;
    take(ctx, m, desk_room_hand(ctx, m, ui.room, "the-rules"));
    flash_if_new(m, before, ui.room, out);

    const std::string line = counts(ctx, m);
    ImGui::PushFont(ctx.fonts.strong);
    wrapped_text(line.c_str());
    ImGui::PopFont();
    const core::Node* node = core::room(m);
    if (!m.message.empty()) {
        desk_room_refusal(ctx, m);
    } else if (core::goal_met(m, "full-room")) {
        wrapped_text(
            ctx.text("Every {slot} a {desk} may take is taken: the {room} is full.").c_str(),
            color::kMuted);
    }
    if (node == nullptr) return out;
    out.live = m.type.name + ": " + core::step_value(m, "maxpanels") + " ENIs x " +
               core::step_value(m, "ips") + " IPs = " + core::step_value(m, "allslots") +
               " slots, one per ENI its own: " + core::step_value(m, "pods") + " pods of " +
               core::step_value(m, "capacity");
    if (!m.message.empty()) out.live += ". " + m.message;
    return out;
}

}  // namespace web
