// view_security_groups_for_pods.cpp: step "security-groups-for-pods" (see the header).
#include "view_security_groups_for_pods.h"

#include <algorithm>
#include <string>
#include <vector>

#include "draw_campus.h"
#include "imgui.h"
#include "sg_pods.h"
#include "ui.h"

namespace web {
namespace {

using Action = core::SecurityGroupsForPodsAction;

const ImU32& kTrunkColor = color::kTrunk;  // draw_campus's trunk colour

std::string value(const core::SecurityGroupsForPods& m, const char* name) {
    return core::step_value(m, name);
}

// The part of the room a live token or a beat points at.
unsigned room_part(std::string_view part) {
    if (part == "panels" || part == "enis" || part == "trunk") return kHighlightPanels;
    if (part == "desks" || part == "podips" || part == "running" || part == "slots" ||
        part == "trunkcost" || part == "podipsoff")
        return kHighlightPodSlots;
    return kHighlightNone;
}

// The trunk's branch panels as a bar with one box per branch under it: taken by a desk with
// its own security groups, or free (outlined). At most two rows; the rest are counted.
void draw_branches(const ViewContext& ctx, const core::BranchState& b,
                   const std::vector<core::SgPod>& pods) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float avail = ImGui::GetContentRegionAvail().x - 8;
    const float box_w = 46, box_h = 30, gap = 6, bar_h = 22;
    const int per_row = std::max(1, static_cast<int>((avail + gap) / (box_w + gap)));
    const int shown = std::min(b.branch_limit, per_row * 2);
    const int rows = (shown + per_row - 1) / per_row;
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const float width =
        std::max(static_cast<float>(std::min(shown, per_row)) * (box_w + gap) - gap, 200.0f);
    dl->AddRectFilled(o, ImVec2(o.x + width, o.y + bar_h), kTrunkColor, 5);
    const std::string title = capitalized(ctx.text("{trunk}: ")) + std::to_string(b.branch_limit) +
                              ctx.text(" {branch}s");
    ImGui::PushFont(ctx.fonts.small);
    const float size = ImGui::GetFontSize();  // the font as the window draws it (scaled)
    ImGui::PopFont();
    draw_text(dl, ctx.fonts.small, size, ImVec2(o.x + 8, o.y + (bar_h - size) / 2), IM_COL32_WHITE,
              title.c_str());
    for (int i = 0; i < shown; ++i) {
        const float x = o.x + static_cast<float>(i % per_row) * (box_w + gap);
        const float y = o.y + bar_h + 10 + static_cast<float>(i / per_row) * (box_h + 10);
        dl->AddLine(ImVec2(x + box_w / 2, y - 10), ImVec2(x + box_w / 2, y), kTrunkColor, 2);
        const ImVec2 a(x, y), z(x + box_w, y + box_h);
        if (i >= static_cast<int>(pods.size())) {
            dl->AddRect(a, z, color::kLine, 4, 0, 1.5f);
            continue;
        }
        dl->AddRectFilled(a, z, color::kPanel, 4);
        dl->AddRectFilled(ImVec2(x + 6, y + 7), ImVec2(x + box_w - 6, y + box_h - 7),
                          color::kSlotDesk, 3);
        if (ImGui::IsMouseHoveringRect(a, z)) {
            const core::SgPod& p = pods[static_cast<size_t>(i)];
            const std::string tip = p.name + " " + core::format_ipv4(p.ip) +
                                    ctx.text(": a {desk} with its own security groups");
            ImGui::SetTooltip("%s", tip.c_str());
        }
    }
    ImGui::Dummy(ImVec2(width, bar_h + 10 + static_cast<float>(rows) * (box_h + 10)));
    if (b.branch_limit > shown) {
        const std::string more = "+ " + std::to_string(b.branch_limit - shown) + ctx.text(" more");
        ImGui::TextDisabled("%s", more.c_str());
    }
}

// The figure: the room, the trunk's branches, and the switch that attaches the trunk.
void draw_figure(const ViewContext& ctx, core::SecurityGroupsForPods& m, ViewOut& out) {
    const core::Node& node = *core::room(m);
    out.figure_min = ImGui::GetCursorScreenPos();
    RoomStyle rs;
    rs.highlight = room_part(ctx.lit());
    rs.show_host_pods = true;
    draw_room(ctx, node, rs);
    const core::BranchState b = core::branch_state(m.cluster, node);
    if (b.trunk) {
        const ImVec2 top = ImGui::GetCursorScreenPos();
        draw_branches(ctx, b, core::sg_pods(m.cluster, node.name));
        if (ctx.lit() == "branches" || ctx.lit() == "sgrunning" || ctx.lit() == "sgpods")
            draw_lit_outline(top, ImVec2(top.x + ImGui::GetContentRegionAvail().x - 8,
                                         ImGui::GetItemRectMax().y));
    }
    const ImVec2 row = ImGui::GetCursorScreenPos();
    const bool supported = core::supports_security_groups_for_pods(m.type);
    bool on = m.pod_eni;
    ImGui::BeginDisabled(!supported);
    if (ImGui::Checkbox(ctx.text("Security groups for {desks}").c_str(), &on))
        core::apply(m, on ? Action::SwitchOn : Action::SwitchOff);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("ENABLE_POD_ENI=true");
    if (ctx.lit() == "switch")
        draw_lit_outline(row, ImVec2(ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y));
    out.figure_max =
        ImVec2(out.figure_min.x + ImGui::GetContentRegionAvail().x, ImGui::GetItemRectMax().y);
    if (!supported) {
        wrapped_text(ctx.text("This {instance} has no {branch}s (no t family type has any): "
                              "the switch attaches no {trunk}.")
                         .c_str(),
                     color::kBad);
    }
}

// The numbers: desk extensions with and without the trunk, branches, max-pods, waiting.
void draw_numbers(const ViewContext& ctx, const core::SecurityGroupsForPods& m) {
    const std::string kind = m.node_group == core::NodeGroupKind::SelfManaged
                                 ? ctx.text("{selfmanaged}: the EKS AMI's value")
                                 : ctx.text("{managed}: counted by EKS");
    const bool waiting = value(m, "waiting") != "0";
    const NumberCard cards[4] = {
        {capitalized(ctx.text("{desk} {exts}")), value(m, "podips"),
         ctx.text("without the {trunk}: ") + value(m, "podipsoff")},
        {capitalized(ctx.text("{branch}s in use")), value(m, "sgrunning"),
         "of " + value(m, "branches")},
        {ctx.text("kubelet's {maxpods}"), value(m, "maxpods"), kind},
        {ctx.text("Waiting in ContainerCreating"), value(m, "waiting"),
         value(m, "refused") != "0" ? value(m, "refused") + ctx.text(" turned away")
                                    : std::string(),
         waiting ? color::kBad : color::kInk}};
    four_number_cards(
        ctx, cards,
        {{}, {}, {"maxpods", "admitted", "managed"}, {"waiting", "waitingfull", "refused"}});
}

// Both kinds of desks, who sets max-pods, the room size.
void draw_controls(const ViewContext& ctx, core::SecurityGroupsForPods& m,
                   SecurityGroupsForPodsUi& ui) {
    if (ImGui::Button(ctx.text("Add a {desk}").c_str())) core::apply(m, Action::AddDesk);
    ImGui::SameLine();
    ImGui::BeginDisabled(m.wanted == 0);
    if (ImGui::Button(ctx.text("Remove a {desk}").c_str())) core::apply(m, Action::RemoveDesk);
    ImGui::EndDisabled();
    const std::string own = ctx.text("+ {desk} with its own security groups");
    if (ImGui::Button(own.c_str())) core::apply(m, Action::AddOwnGroups);
    ImGui::SameLine(0, 4);
    ImGui::BeginDisabled(m.sg_wanted == 0);
    if (ImGui::Button("-##own-groups")) core::apply(m, Action::RemoveOwnGroups);
    ImGui::EndDisabled();
    node_group_setting(ctx, "sg-kind", m);
    room_size_setting(ctx, "security-groups", m, ui.filter);
    if (ImGui::Button("Start over##sg")) core::apply(m, Action::StartOver);
}

// Empty when the controls took the room away.
std::string live_sentence(const core::SecurityGroupsForPods& m) {
    if (core::room(m) == nullptr) return {};
    const core::Node& n = *core::room(m);
    const core::BranchState b = core::branch_state(m.cluster, n);
    return m.type.name + ", security groups for pods " + (b.trunk ? "on" : "off") +
           (m.pod_eni && !b.supported ? " (not supported on " + m.type.name + ")" : "") + ", " +
           core::node_group_kind_name(m.node_group) + ": " + value(m, "podips") +
           " pod addresses (" + value(m, "podipsoff") + " without the trunk ENI); " +
           value(m, "sgrunning") + " of " + value(m, "branches") +
           " branch ENIs in use; kubelet max-pods " + value(m, "maxpods") + "; " +
           value(m, "running") + " ordinary pods running, " + value(m, "waiting") + " waiting, " +
           value(m, "refused") + " refused";
}

}  // namespace

ViewOut draw_security_groups_for_pods(const ViewContext& ctx, core::SecurityGroupsForPods& m,
                                      SecurityGroupsForPodsUi& ui) {
    ViewOut out;
    if (room_not_built(m, "Start over##sg", Action::StartOver, out)) return out;
    draw_figure(ctx, m, out);
    if (core::room(m) == nullptr) return out;
    draw_legend(ctx, kLegendMainExt | kLegendPod | kLegendWarm | kLegendEmpty | kLegendHostPods);
    ImGui::Spacing();
    draw_numbers(ctx, m);
    ImGui::Spacing();
    draw_controls(ctx, m, ui);
    out.live = live_sentence(m);
    return out;
}

}  // namespace web
