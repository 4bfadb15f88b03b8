// desk_room.cpp: the one-room figure and hand several steps share (desk_room.h).
#include "desk_room.h"

#include <string>

#include "imgui.h"
#include "platform.h"
#include "ui.h"

namespace web {
namespace {

constexpr double kFlashMs = 900;

}  // namespace

unsigned room_highlight(std::string_view part) {
    if (part == "mainext") return kHighlightMainExt;
    if (part == "hostdesks") return kHighlightHostPods | kHighlightMainExt;
    if (part == "panelmain" || part == "lost") return kHighlightPanelMain;
    if (part == "slots" || part == "ips") return kHighlightOnePanel;
    if (part == "deskslots" || part == "desks" || part == "pods" || part == "capacity")
        return kHighlightPodSlots;
    if (part == "panels" || part == "maxpanels" || part == "allslots") return kHighlightPanels;
    return kHighlightNone;
}

std::string room_title(const ViewContext& ctx, const core::Node& node) {
    return ctx.text("{room}: ") + node.type.name;
}

void desk_room_figure(const ViewContext& ctx, const core::DeskRoom& m, DeskRoomUi& ui,
                      RoomStyle style, ViewOut& out) {
    const core::Node* node = core::room(m);
    out.figure_min = ImGui::GetCursorScreenPos();
    if (node == nullptr) {
        wrapped_text(m.message.c_str(), color::kBad);
    } else {
        const double now = platform::now_ms();
        if (!m.fresh_eni.empty() && now < ui.flash_until_ms) {
            style.fresh_eni = m.fresh_eni;
            style.fresh = static_cast<float>((ui.flash_until_ms - now) / kFlashMs);
            out.animate(ui.flash_until_ms);
        }
        if (style.title.empty()) style.title = room_title(ctx, *node);
        draw_room(ctx, *node, style);
    }
    out.figure_max =
        ImVec2(out.figure_min.x + ImGui::GetContentRegionAvail().x, ImGui::GetCursorScreenPos().y);
}

DeskHand desk_room_hand(const ViewContext& ctx, const core::DeskRoom& m, DeskRoomUi& ui,
                        const char* picker_id, bool desks) {
    DeskHand hand;
    const core::Node* node = core::room(m);
    if (desks) {
        const int n = node ? core::desk_count(*node) : 0;
        if (ImGui::Button(ctx.text("Add a {desk}").c_str())) hand.press = DeskPress::Add;
        ImGui::SameLine();
        ImGui::BeginDisabled(n == 0);
        if (ImGui::Button(ctx.text("Remove a {desk}").c_str())) hand.press = DeskPress::Remove;
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < chip_width("Start over")) ImGui::NewLine();
        if (ImGui::Button("Start over")) hand.press = DeskPress::StartOver;
    }
    if (room_size_row(ctx, picker_id, m.type.name, ui.filter, sizeof ui.filter, hand.type))
        hand.press = DeskPress::Type;
    return hand;
}

void desk_room_refusal(const ViewContext& ctx, const core::DeskRoom& m) {
    if (!m.message.empty()) refusal_text(ctx, m.message, m.code, core::room(m));
}

void flash_if_new(const core::DeskRoom& m, const std::string& before, DeskRoomUi& ui,
                  ViewOut& out) {
    if (m.fresh_eni.empty() || m.fresh_eni == before) return;
    ui.flash_until_ms = platform::now_ms() + kFlashMs;
    out.animate(ui.flash_until_ms + 120);  // one frame past the end
}

}  // namespace web
