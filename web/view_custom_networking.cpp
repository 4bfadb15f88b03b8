// view_custom_networking.cpp: step "custom-networking" (see view_custom_networking.h).
#include "view_custom_networking.h"

#include <algorithm>
#include <string>

#include "draw_campus.h"
#include "imgui.h"
#include "ui.h"

namespace web {
namespace {

using Action = core::CustomNetworkingAction;

constexpr int kMaxCables = 12;  // desks drawn with a cable to their building

std::string value(const core::CustomNetworking& m, const char* name) {
    return core::step_value(m, name);
}

// A building's name in the vocabulary: "Building P" or "Subnet P" (the lesson says "{building} P").
std::string building_name(const ViewContext& ctx, const std::string& name) {
    const std::string prefix = "Building ";
    if (name.rfind(prefix, 0) != 0) return name;
    return capitalized(ctx.text("{building}")) + " " + name.substr(prefix.size());
}

// The part of the room a live token or a beat points at.
unsigned room_part(std::string_view part) {
    if (part == "panelmain") return kHighlightOnePanel;
    if (part == "desks" || part == "running" || part == "podips" || part == "podipsplain" ||
        part == "podipspd")
        return kHighlightPodSlots;
    if (part == "enis") return kHighlightPanels;
    return kHighlightNone;
}

// Where the three pictures of the figure were drawn.
struct Placed {
    ImVec2 home, home_size, desks, desks_size, room, room_size;
};

// A cable from a to b, bending along the axis the two pictures are side by side on.
void cable(ImVec2 a, ImVec2 b, bool sideways, ImU32 col, float thick) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (sideways) {
        const float dx = (b.x - a.x) * 0.5f;
        dl->AddBezierCubic(a, ImVec2(a.x + dx, a.y), ImVec2(b.x - dx, b.y), b, col, thick);
    } else {
        const float dy = (b.y - a.y) * 0.5f;
        dl->AddBezierCubic(a, ImVec2(a.x, a.y + dy), ImVec2(b.x, b.y - dy), b, col, thick);
    }
}

// The room's main extension to its building (orange); each running desk (at most
// kMaxCables) to the building its extension comes from (green).
void draw_cables(const core::Node& node, const Placed& p, bool wide, bool desks_elsewhere) {
    const int desks = std::min(kMaxCables, static_cast<int>(node.pods.size()));
    if (wide) {
        cable(ImVec2(p.room.x, p.room.y + 24),
              ImVec2(p.home.x + p.home_size.x, p.home.y + p.home_size.y * 0.3f), true,
              color::kSlotMain, 3);
    } else {
        cable(ImVec2(p.room.x + 24, p.room.y),
              ImVec2(p.home.x + p.home_size.x * 0.3f, p.home.y + p.home_size.y), false,
              color::kSlotMain, 3);
    }
    for (int i = 0; i < desks; ++i) {
        const float t = desks == 1 ? 0.5f : static_cast<float>(i) / static_cast<float>(desks - 1);
        const ImVec2& to = desks_elsewhere ? p.desks : p.home;
        const ImVec2& to_size = desks_elsewhere ? p.desks_size : p.home_size;
        if (wide) {
            const float y = p.room.y + p.room_size.y * (0.35f + 0.55f * t);
            const ImVec2 from(desks_elsewhere ? p.room.x + p.room_size.x : p.room.x, y);
            const float tx = desks_elsewhere ? to.x : to.x + to_size.x;
            cable(from, ImVec2(tx, to.y + to_size.y * (0.35f + 0.45f * t)), true, color::kSlotDesk,
                  1.5f);
        } else {
            const float x = p.room.x + p.room_size.x * (0.3f + 0.6f * t);
            cable(ImVec2(x, p.room.y),
                  ImVec2(to.x + to_size.x * (0.2f + 0.6f * t), to.y + to_size.y), false,
                  color::kSlotDesk, 1.5f);
        }
    }
}

// The figure: Building A, the room and the ENIConfig's building, with their cables. Wide: in
// three columns; narrow: the two buildings side by side over the room.
void draw_picture(const ViewContext& ctx, const core::CustomNetworking& m) {
    const core::Node& node = *core::room(m);
    const core::Subnet* home = core::find_subnet(m.cluster.vpc, core::kRoomSubnet);
    const core::Subnet* desks = core::find_subnet(
        m.cluster.vpc, core::kEniConfigs[std::clamp(m.eniconfig, 0, 2)].subnet_id);
    if (home == nullptr || desks == nullptr) return;
    const bool elsewhere = node.config.custom_networking;
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool wide = avail >= 560;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    BuildingStyle bs;
    bs.cluster = &m.cluster;
    bs.show_counts = false;
    bs.title = building_name(ctx, home->name) + " \xC2\xB7 " + ctx.text("{rooms}");
    BuildingStyle ds = bs;
    ds.title = building_name(ctx, desks->name);
    const float gap = wide ? 30.0f : 12.0f;
    const float bw = wide ? std::clamp(avail * 0.27f, 150.0f, 240.0f) : (avail - gap - 8) * 0.5f;
    bs.max_width = ds.max_width = bw;
    bs.max_cell = ds.max_cell = wide ? 12.0f : 5.0f;
    Placed p;
    p.home = top;
    ImGui::SetCursorScreenPos(p.home);
    p.home_size = draw_building(ctx, *home, bs);
    p.desks = ImVec2(top.x + avail - bw - 8, top.y);
    ImGui::SetCursorScreenPos(p.desks);
    p.desks_size = draw_building(ctx, *desks, ds);
    RoomStyle rs;
    rs.highlight = room_part(ctx.lit());
    rs.max_width = wide ? avail - 2 * bw - 2 * gap - 8 : avail - 8;
    if (!wide) rs.cell = 16;
    p.room = wide ? ImVec2(top.x + bw + gap, top.y + 24)
                  : ImVec2(top.x, top.y + std::max(p.home_size.y, p.desks_size.y) + 28);
    ImGui::SetCursorScreenPos(p.room);
    p.room_size = draw_room(ctx, node, rs);
    draw_cables(node, p, wide, elsewhere);
    const std::string_view lit = ctx.lit();
    if (lit == "nodebuilding")
        draw_lit_outline(p.home, ImVec2(p.home.x + p.home_size.x, p.home.y + p.home_size.y));
    if (lit == "deskbuilding")
        draw_lit_outline(p.desks, ImVec2(p.desks.x + p.desks_size.x, p.desks.y + p.desks_size.y));
    if (lit == "room")
        draw_lit_outline(p.room, ImVec2(p.room.x + p.room_size.x, p.room.y + p.room_size.y));
    const float bottom =
        std::max({p.home.y + p.home_size.y, p.desks.y + p.desks_size.y, p.room.y + p.room_size.y});
    ImGui::SetCursorScreenPos(ImVec2(top.x, bottom + 6));
    ImGui::Dummy(ImVec2(avail, 1));
}

// The switch and the replacement, right under the picture.
void draw_switch(const ViewContext& ctx, core::CustomNetworking& m) {
    const ImVec2 top = ImGui::GetCursorScreenPos();
    bool on = m.custom;
    if (ImGui::Checkbox("Custom networking", &on))
        core::apply(m, on ? Action::SwitchOn : Action::SwitchOff);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true");
    const bool stale = core::room_is_stale(m);
    const std::string replace = ctx.text("Replace the {room}");
    ImGui::SameLine(0, 16);
    if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(replace.c_str()).x + 20)
        ImGui::NewLine();
    if (stale) {
        ImGui::PushStyleColor(ImGuiCol_Button, color::kAccentFill);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, color::kAccentHover);
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    }
    if (ImGui::Button(replace.c_str())) core::apply(m, Action::ReplaceRoom);
    if (stale) ImGui::PopStyleColor(3);
    const ImVec2 end = ImGui::GetItemRectMax();
    if (ctx.lit() == "switch")
        draw_lit_outline(top, ImVec2(top.x + ImGui::GetContentRegionAvail().x, end.y));
    if (stale) {
        wrapped_text(ctx.text("A running {room} keeps the layout it started with: replace it "
                              "to use these settings.")
                         .c_str(),
                     color::kMuted);
    }
}

// The ENIConfig's building: P or B in the room's zone, Q in another (refused).
void draw_eniconfig(const ViewContext& ctx, core::CustomNetworking& m) {
    const ImVec2 top = ImGui::GetCursorScreenPos();
    wrapped_text(capitalized(ctx.text("the {building} the {eniconfig} names:")).c_str(),
                 color::kMuted);
    for (int i = 0; i < core::kEniConfigChoices; ++i) {
        const core::EniConfigChoice& c = core::kEniConfigs[i];
        const core::Subnet* s = core::find_subnet(m.cluster.vpc, c.subnet_id);
        const std::string label = building_name(ctx, c.name) + " (" +
                                  (s ? core::format_cidr(s->cidr) : std::string()) + ", " + c.az +
                                  ")";
        if (i > 0) {
            ImGui::SameLine();
            if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(label.c_str()).x + 40)
                ImGui::NewLine();
        }
        if (ImGui::RadioButton(label.c_str(), m.eniconfig == i) && m.eniconfig != i)
            (void)core::choose_eniconfig(m, i);
    }
    if (ctx.lit() == "eniconfig")
        draw_lit_outline(
            top, ImVec2(top.x + ImGui::GetContentRegionAvail().x, ImGui::GetItemRectMax().y));
    if (!m.message.empty()) {
        const std::string why =
            m.message.find("availability zone") != std::string::npos
                ? ctx.text(
                      "Refused: the {eniconfig}'s {building} must stand in the {room}'s "
                      "{zone}.")
                : m.message;
        wrapped_text(why.c_str(), color::kBad);
    }
}

// The numbers: kubelet's max-pods and who sets it, the formula, desk extensions, waiting.
void draw_numbers(const ViewContext& ctx, const core::CustomNetworking& m) {
    const core::Node& n = *core::room(m);
    const std::string kind = m.max_pods_set > 0 ? ctx.text("set by hand")
                             : n.config.node_group == core::NodeGroupKind::SelfManaged
                                 ? ctx.text("{selfmanaged}: the EKS AMI's value")
                                 : ctx.text("{managed}: counted by EKS");
    const bool waiting = value(m, "waiting") != "0";
    const NumberCard cards[4] = {
        {ctx.text("kubelet's {maxpods}"), value(m, "maxpods"), kind},
        {capitalized(ctx.text("{maxpods}, formula")), value(m, "formula"), {}},
        {capitalized(ctx.text("{desk} {exts}")), value(m, "podips"), {}},
        {ctx.text("Waiting in ContainerCreating"), value(m, "waiting"),
         m.refused > 0 ? value(m, "refused") + ctx.text(" turned away") : std::string(),
         waiting ? color::kBad : color::kInk}};
    four_number_cards(ctx, cards,
                      {{"maxpods", "admitted", "nodeadm", "managed"},
                       {},
                       {},
                       {"waiting", "refused", "waitingfull"}});
}

// The desks, kubelet's max-pods by hand, who sets it, prefix delegation, the room size.
void draw_controls(const ViewContext& ctx, core::CustomNetworking& m, CustomNetworkingUi& ui) {
    if (ImGui::Button(ctx.text("Add a {desk}").c_str())) core::apply(m, Action::AddDesk);
    ImGui::SameLine();
    if (ImGui::Button(ctx.text("Add 10 {desks}").c_str())) core::apply(m, Action::AddTenDesks);
    ImGui::SameLine();
    ImGui::BeginDisabled(m.wanted == 0);
    if (ImGui::Button(ctx.text("Remove a {desk}").c_str())) core::apply(m, Action::RemoveDesk);
    ImGui::EndDisabled();
    const std::string formula = ctx.text("kubelet's {maxpods} = formula, ") + value(m, "formula");
    ImGui::BeginDisabled(m.max_pods_set > 0 && value(m, "maxpods") == value(m, "formula"));
    if (ImGui::Button(formula.c_str())) core::apply(m, Action::FormulaMaxPods);
    ImGui::EndDisabled();
    if (m.max_pods_set > 0) {
        ImGui::SameLine();
        if (ImGui::Button("Default##cn-maxpods")) core::apply(m, Action::DefaultMaxPods);
    }
    node_group_setting(ctx, "cn-kind", m);
    bool pd = m.prefix_delegation;
    if (ImGui::Checkbox("Prefix delegation##cn", &pd))
        (void)core::set(m, {"pd", false, pd ? 1 : 0, {}}, ctx.catalog);
    room_size_setting(ctx, "custom-networking", m, ui.filter);
    if (ImGui::Button("Start over##cn")) core::apply(m, Action::StartOver);
}

// Empty when the controls took the room away.
std::string live_sentence(const core::CustomNetworking& m) {
    if (core::room(m) == nullptr) return {};
    const core::Node& n = *core::room(m);
    std::string where = "pods in " + n.subnet_id;
    if (n.config.custom_networking) where = "pods in " + n.config.pod_subnet_id;
    return n.name + " (" + m.type.name + ", " + core::node_group_kind_name(n.config.node_group) +
           "), custom networking " + (n.config.custom_networking ? "on" : "off") +
           (core::room_is_stale(m)
                ? " (aws-node: " + std::string(m.custom ? "on" : "off") + ", replace the node)"
                : std::string()) +
           ", " + where + ": kubelet max-pods " + value(m, "maxpods") + ", formula " +
           value(m, "formula") + ", " + value(m, "podips") + " pod addresses; " + value(m, "pods") +
           " pods wanted: " + value(m, "running") + " running, " + value(m, "waiting") +
           " waiting in ContainerCreating, " + value(m, "refused") + " refused" +
           (m.message.empty() ? "" : ". " + m.message);
}

}  // namespace

ViewOut draw_custom_networking(const ViewContext& ctx, core::CustomNetworking& m,
                               CustomNetworkingUi& ui) {
    ViewOut out;
    if (room_not_built(m, "Start over##cn", Action::StartOver, out)) return out;
    // The switch heads the figure: the building where desks land stays in sight of it, on a
    // phone too.
    out.figure_min = ImGui::GetCursorScreenPos();
    draw_switch(ctx, m);
    if (core::room(m) == nullptr) return out;
    draw_picture(ctx, m);
    out.figure_max =
        ImVec2(out.figure_min.x + ImGui::GetContentRegionAvail().x, ImGui::GetCursorScreenPos().y);
    draw_legend(ctx, kLegendMainExt | kLegendPod | kLegendWarm | kLegendReserved | kLegendAddrFree);
    ImGui::Spacing();
    const ImVec2 choice = ImGui::GetCursorScreenPos();
    draw_eniconfig(ctx, m);
    if (ctx.lit() == "eniconfig") {  // the beat is about the choice: keep it in sight
        out.figure_min = choice;
        out.figure_max =
            ImVec2(choice.x + ImGui::GetContentRegionAvail().x, ImGui::GetCursorScreenPos().y);
    }
    ImGui::Spacing();
    draw_numbers(ctx, m);
    ImGui::Spacing();
    draw_controls(ctx, m, ui);
    out.live = live_sentence(m);
    return out;
}

}  // namespace web
