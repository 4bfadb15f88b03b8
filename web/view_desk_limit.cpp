// view_desk_limit.cpp: step "desk-limit": any instance type, its panels and slots, the
// seed's simple count beside the exact kubelet max-pods, with the working shown.
#include <algorithm>
#include <string>

#include "view_desk_limit.h"
#include "app.h"
#include "capacity.h"
#include "imgui.h"
#include "style.h"

namespace web {

namespace {

// Draws one room: a row of panels, each a column of slots. The first slot of every
// panel is that panel's own address; the rest carry desks.
void draw_room(const App& app, const core::MaxPods& r) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float avail = ImGui::GetContentRegionAvail().x;
    const int panels = r.enis;
    const int slots = r.ips_per_eni;
    const float gap = 8.0f;
    float panel_w = std::min(90.0f, (avail - gap * static_cast<float>(panels - 1) - 16) / static_cast<float>(panels));
    panel_w = std::max(panel_w, 10.0f);
    const int cols = panel_w >= 60 ? 3 : (panel_w >= 30 ? 2 : 1);
    const float cell = std::max(4.0f, std::min(14.0f, (panel_w - 8) / static_cast<float>(cols) - 2));
    const int rows = (slots + cols - 1) / cols;
    const float panel_h = 30 + static_cast<float>(rows) * (cell + 2);
    ImVec2 o = ImGui::GetCursorScreenPos();
    const float room_w = static_cast<float>(panels) * (panel_w + gap) + 8;
    dl->AddRectFilled(o, ImVec2(o.x + room_w, o.y + panel_h + 28), color::kRoom, 8);
    dl->AddRect(o, ImVec2(o.x + room_w, o.y + panel_h + 28), color::kLine, 8);
    std::string room = app_text(app, "{room}") + ": " + r.instance_type;
    dl->AddText(app.fonts.small, 13, ImVec2(o.x + 8, o.y + 4), color::kMuted, room.c_str());
    for (int p = 0; p < panels; ++p) {
        ImVec2 po(o.x + 8 + static_cast<float>(p) * (panel_w + gap), o.y + 24);
        dl->AddRectFilled(po, ImVec2(po.x + panel_w, po.y + panel_h), color::kPanel, 5);
        for (int s = 0; s < slots; ++s) {
            float x = po.x + 4 + static_cast<float>(s % cols) * (cell + 2);
            float y = po.y + 24 + static_cast<float>(s / cols) * (cell + 2);
            bool pod_panel = p >= r.enis - r.pod_enis;
            ImU32 c = s == 0 ? color::kSlotMain : (pod_panel ? color::kSlotDesk : color::kSlotFree);
            dl->AddRectFilled(ImVec2(x, y), ImVec2(x + cell, y + cell), c, 2);
        }
        if (panel_w >= 40) {
            std::string label = "#" + std::to_string(p + 1);
            dl->AddText(app.fonts.small, 13, ImVec2(po.x + 5, po.y + 5), IM_COL32_WHITE, label.c_str());
        }
    }
    ImGui::Dummy(ImVec2(room_w, panel_h + 34));
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::Text("%d %s x %d %s", r.enis, app_text(app, "{panel}s").c_str(), r.ips_per_eni,
                    app_text(app, "{slot}s").c_str());
        ImGui::TextColored(rgba(color::kSlotMain), "orange: each %s's own address",
                           app_text(app, "{panel}").c_str());
        ImGui::TextColored(rgba(color::kSlotDesk), "green: addresses for %s",
                           app_text(app, "{desk}s").c_str());
        ImGui::EndTooltip();
    }
}

}  // namespace

bool draw_desk_limit(App& app, DeskLimitView& view) {
    if (app.catalog.types.empty()) return false;
    if (view.type < 0) view.type = catalog_index(app, "t3.small");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Instance type");
    ImGui::SameLine();
    instance_type_picker(app, "desk-limit", view.type, view.filter, sizeof(view.filter));
    const core::InstanceType& type = app.catalog.types[static_cast<size_t>(view.type)];
    const core::MaxPods r = core::max_pods(type);

    ImGui::Spacing();
    const float col = std::max(120.0f, ImGui::GetContentRegionAvail().x / 4 - 8);
    std::string panels = app_text(app, "{panel}s");
    std::string slots = app_text(app, "{slot}s per {panel}");
    number_card(panels.c_str(), r.enis, "", app.fonts.big);
    ImGui::SameLine(col);
    number_card(slots.c_str(), r.ips_per_eni, "", app.fonts.big);
    ImGui::SameLine(col * 2);
    std::string desks = app_text(app, "{desk} addresses");
    number_card(desks.c_str(), r.pod_ips, "", app.fonts.big);
    ImGui::SameLine(col * 3);
    number_card("max-pods", r.max_pods, "", app.fonts.big);

    ImGui::Spacing();
    draw_room(app, r);

    std::string simple = "The simple count: " + r.seed_formula + " = " + std::to_string(r.seed_figure) +
                         " " + app_text(app, "{desk}s") + ".";
    wrapped_text(simple.c_str(), color::kMuted);
    std::string exact = "Exactly: kubelet's max-pods is " + std::to_string(r.max_pods) + " (" +
                        std::to_string(r.pod_ips) + " + 2 host-network pods).";
    wrapped_text(exact.c_str());
    ImGui::Spacing();
    show_math(app, r, view.show_math);
    return true;
}

}  // namespace web
