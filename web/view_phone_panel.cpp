// view_phone_panel.cpp: step "phone-panel" (see view_phone_panel.h).
#include "view_phone_panel.h"

#include <string>

#include "draw_campus.h"
#include "imgui.h"
#include "platform.h"
#include "ui.h"

namespace web {
namespace {

constexpr double kFlashMs = 900;

// The part of the room a live token or a beat points at.
unsigned room_part(std::string_view part) {
    if (part == "mainext") return kHighlightMainExt;
    if (part == "panelmain") return kHighlightPanelMain;
    if (part == "slots" || part == "ips") return kHighlightOnePanel;
    if (part == "deskslots" || part == "desks" || part == "pods" || part == "capacity")
        return kHighlightPodSlots;
    if (part == "panels" || part == "maxpanels") return kHighlightPanels;
    return kHighlightNone;
}

}  // namespace

ViewOut draw_phone_panel(const ViewContext& ctx, core::PhonePanel& m, PhonePanelUi& ui) {
    ViewOut out;
    const core::Node* node = core::room(m);
    if (node == nullptr) {
        wrapped_text(m.message.empty() ? "The room could not be built." : m.message.c_str(),
                     color::kBad);
        out.live = m.message;
        return out;
    }

    // The figure: the room, lit where the beat or the learner points.
    const double now = platform::now_ms();
    RoomStyle rs;
    rs.simple = true;
    rs.cell = 46;  // as large as the column allows: this room is the whole picture
    rs.show_host_pods = false;
    rs.highlight = room_part(ctx.lit());
    // A beat's part eases in; a part the learner points at lights at once.
    rs.highlight_strength = ctx.hot.empty() ? ctx.beat_ease(now) : 1.0f;
    if (rs.highlight_strength < 1) out.animate(ctx.beat_ms + 450);
    if (!m.fresh_eni.empty() && now < ui.flash_until_ms && !ctx.reduced_motion) {
        rs.fresh_eni = m.fresh_eni;
        rs.fresh = static_cast<float>((ui.flash_until_ms - now) / kFlashMs);
        out.animate(ui.flash_until_ms);
    }
    out.figure_min = ImGui::GetCursorScreenPos();
    draw_room(ctx, *node, rs);
    out.figure_max =
        ImVec2(out.figure_min.x + ImGui::GetContentRegionAvail().x, ImGui::GetCursorScreenPos().y);
    draw_legend(ctx, kLegendMainExt | kLegendPod | kLegendEmpty | kLegendUnattached);

    // The learner's hand: desks in and out, the room's size.
    const core::NodeStats s = core::node_stats(*node);
    ImGui::Spacing();
    const std::string before = m.fresh_eni;
    if (ImGui::Button(ctx.text("Add a {desk}").c_str())) core::apply(m, core::DeskAction::AddDesk);
    ImGui::SameLine();
    ImGui::BeginDisabled(s.pods + s.pending == 0);
    if (ImGui::Button(ctx.text("Remove a {desk}").c_str()))
        core::apply(m, core::DeskAction::RemoveDesk);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < chip_width("Start over")) ImGui::NewLine();
    if (ImGui::Button("Start over")) core::apply(m, core::DeskAction::StartOver);
    if (!m.fresh_eni.empty() && m.fresh_eni != before) {
        ui.flash_until_ms = now + kFlashMs;
        out.animate(ui.flash_until_ms + 120);  // one frame past the end
    }
    std::string picked;
    if (room_size_row(ctx, "phone-panel", m.type.name, ui.filter, sizeof ui.filter, picked)) {
        core::Status st = core::set(m, {"type", true, 0, picked}, ctx.catalog);
        if (!st) m.message = st.error().message;
    }
    node = core::room(m);
    if (node == nullptr) return out;
    const core::NodeStats n = core::node_stats(*node);
    const int desk_capacity = n.max_enis * core::slots_per_eni(node->type);
    ImGui::PushFont(ctx.fonts.strong);
    wrapped_text((capitalized(ctx.text("{desks}: ")) + std::to_string(n.pods) + " of " +
                  std::to_string(desk_capacity) + "    " + capitalized(ctx.text("{panels}: ")) +
                  std::to_string(n.enis) + " of " + std::to_string(n.max_enis))
                     .c_str());
    ImGui::PopFont();
    if (!m.message.empty()) {
        wrapped_text(m.message.c_str(), color::kBad);
    } else if (n.pods >= desk_capacity) {
        wrapped_text(
            ctx.text("Every {slot} of every {panel} is taken: this {room} is full.").c_str(),
            color::kMuted);
    }

    out.live = node->type.name + ": " + std::to_string(n.enis) + " of " +
               std::to_string(n.max_enis) + " ENIs attached, " + std::to_string(n.pods) +
               (n.pods == 1 ? " pod" : " pods") + " of " + std::to_string(desk_capacity);
    if (!m.message.empty()) out.live += ". " + m.message;
    return out;
}

}  // namespace web
