// view_prefix_delegation.cpp: step "prefix-delegation" (see view_prefix_delegation.h).
#include "view_prefix_delegation.h"

#include <algorithm>
#include <string>

#include "draw_campus.h"
#include "format.h"
#include "imgui.h"
#include "platform.h"
#include "ui.h"

namespace web {
namespace {

constexpr double kFadeMs = 450;

std::string value(const core::PrefixDelegation& m, const char* name) {
    return core::step_value(m, name);
}

// The part of the room a live token or a beat points at.
unsigned room_part(std::string_view part) {
    if (part == "panelmain") return kHighlightPanelMain;
    if (part == "ips") return kHighlightOnePanel;
    if (part == "panels" || part == "enis" || part == "cards" || part == "cardenis")
        return kHighlightPanels;
    if (part == "blocks" || part == "podips" || part == "podipson" || part == "podipsoff" ||
        part == "slots" || part == "desks" || part == "running" || part == "pods")
        return kHighlightPodSlots;
    return kHighlightNone;
}

// Parts outside the room: kubelet's max-pods and where it comes from.
bool max_pods_part(std::string_view part) {
    return part == "maxpods" || part == "nodeadm" || part == "managed" || part == "recommended" ||
           part == "cap" || part == "vcpus" || part == "refused" || part == "formula" ||
           part == "formulaon";
}

// Two buttons acting as an off/on switch; true when it changed.
bool switch_buttons(const char* id, bool on, bool& to) {
    bool changed = false;
    ImGui::PushID(id);
    for (int i = 0; i < 2; ++i) {
        const bool active = (i == 1) == on;
        if (active) {
            ImGui::PushStyleColor(ImGuiCol_Button, i == 1 ? color::kGood : color::kMuted);
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, i == 1 ? color::kGood : color::kMuted);
            ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
        }
        const std::string label = std::string(i == 0 ? "off##" : "on##") + id;
        if (ImGui::Button(label.c_str()) && !active) {
            to = i == 1;
            changed = true;
        }
        if (active) ImGui::PopStyleColor(3);
        if (i == 0) ImGui::SameLine(0, 2);
    }
    ImGui::PopID();
    return changed;
}

// The figure: the room (fading in after a new setting) and the switch that changes it.
void draw_figure(const ViewContext& ctx, core::PrefixDelegation& m, PrefixDelegationUi& ui,
                 ViewOut& out) {
    const core::Node& node = *core::room(m);
    out.figure_min = ImGui::GetCursorScreenPos();
    RoomStyle rs;
    rs.highlight = room_part(ctx.lit());
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 size = draw_room(ctx, node, rs);
    const double since = platform::now_ms() - std::max(ui.switched_ms, ctx.beat_ms);
    if (since < kFadeMs) {
        const int alpha = static_cast<int>(230.0 * (1.0 - since / kFadeMs));
        ImGui::GetWindowDrawList()->AddRectFilled(
            at, ImVec2(at.x + size.x, at.y + size.y),
            (color::kPaper & ~IM_COL32_A_MASK) | (ImU32(alpha) << IM_COL32_A_SHIFT), 10);
        out.animate(platform::now_ms() + kFadeMs);
    }
    const ImVec2 row = ImGui::GetCursorScreenPos();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Prefix delegation");
    ImGui::SameLine();
    bool to = m.prefix_delegation;
    if (switch_buttons("pd", m.prefix_delegation, to)) {
        core::apply(m, to ? core::PrefixDelegationAction::SwitchOn
                          : core::PrefixDelegationAction::SwitchOff);
        ui.switched_ms = platform::now_ms();
        out.animate(ui.switched_ms + kFadeMs + 120);  // one frame past the end
    }
    if (ctx.lit() == "switch") draw_lit_outline(row, ImGui::GetItemRectMax());
    out.figure_max =
        ImVec2(out.figure_min.x + ImGui::GetContentRegionAvail().x, ImGui::GetItemRectMax().y);
    const core::Node* now = core::room(m);
    if (now != nullptr && m.prefix_delegation &&
        !core::prefix_delegation_active(m.type, now->config)) {
        wrapped_text(ctx.text("This {instance} is not Nitro-based or bare metal: the {manager} "
                              "keeps one {ext} per {slot}.")
                         .c_str(),
                     color::kBad);
    }
}

// The numbers: desk extensions, the formula's max-pods, kubelet's max-pods.
void draw_numbers(const ViewContext& ctx, const core::PrefixDelegation& m) {
    const core::Node& node = *core::room(m);
    const bool binding = m.refused > 0;
    const std::string kind_note =
        m.max_pods_set > 0 ? ctx.text("set by hand")
        : m.node_group == core::NodeGroupKind::SelfManaged
            ? ctx.text("{selfmanaged}: the EKS AMI's value")
            : ctx.text("{managed}: counted by EKS, capped at ") + value(m, "cap");
    const NumberCard cards[3] = {
        {capitalized(ctx.text("{desk} {exts}")), value(m, "podips"),
         "off " + value(m, "podipsoff") + " \xC2\xB7 on " + value(m, "podipson")},
        {capitalized(ctx.text("{maxpods}, formula")), value(m, "formula"),
         ctx.text("with the 2 {hostdesks}")},
        {ctx.text("kubelet's {maxpods}"), std::to_string(node.max_pods), kind_note,
         binding ? color::kBad : color::kInk}};
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float avail = ImGui::GetContentRegionAvail().x;
    number_cards(cards, 3, 3, ctx.fonts.big, ctx.fonts.small);
    if (max_pods_part(ctx.lit()))
        draw_lit_outline(ImVec2(top.x + avail * 2 / 3, top.y),
                         ImVec2(top.x + avail - 8, ImGui::GetCursorScreenPos().y));
}

// The desks: more or fewer, and how kubelet and the room answered.
void draw_desks(const ViewContext& ctx, core::PrefixDelegation& m, PrefixDelegationUi& ui) {
    if (ImGui::Button(ctx.text("Add a {desk}").c_str()))
        core::apply(m, core::PrefixDelegationAction::AddDesk);
    ImGui::SameLine();
    ImGui::BeginDisabled(m.wanted == 0);
    if (ImGui::Button(ctx.text("Remove a {desk}").c_str()))
        core::apply(m, core::PrefixDelegationAction::RemoveDesk);
    ImGui::EndDisabled();
    // The tally and its note change height as desks come and go; the space kept for them
    // only grows, so the switches under them do not jump away from the pointer.
    const float tally_top = ImGui::GetCursorPosY();
    if (ui.tally_beat_ms != ctx.beat_ms) {
        ui.tally_beat_ms = ctx.beat_ms;
        ui.tally_h = 0;
    }
    std::string tally = core::count(core::pod_counts(m.cluster).running, ctx.text("{desk} running"),
                                    ctx.text("{desks} running"));
    if (value(m, "waiting") != "0")
        tally += ", " + value(m, "waiting") + ctx.text(" waiting for an {ext}");
    if (m.refused > 0) tally += ", " + value(m, "refused") + " refused by kubelet";
    ImGui::PushFont(ctx.fonts.strong);
    wrapped_text(tally.c_str(), m.refused > 0 ? color::kBad : color::kInk);
    ImGui::PopFont();
    if (m.refused > 0 && m.max_pods_set == 0 && core::room(m) != nullptr &&
        core::prefix_delegation_active(m.type, core::room(m)->config)) {
        const std::string why = ctx.text(
                                    "Prefix delegation is on, yet kubelet's {maxpods} is "
                                    "still ") +
                                value(m, "maxpods") + ".";
        wrapped_text(why.c_str(), color::kMuted);
    }
    const float used = ImGui::GetCursorPosY() - tally_top;
    ui.tally_h = std::max(ui.tally_h, used);
    if (used < ui.tally_h)
        ImGui::Dummy(ImVec2(1, ui.tally_h - used - ImGui::GetStyle().ItemSpacing.y));
}

// Who sets kubelet's max-pods, and max-pods set by hand.
void draw_max_pods(const ViewContext& ctx, core::PrefixDelegation& m, PrefixDelegationUi& ui) {
    if (node_group_setting(ctx, "pd-kind", m)) ui.switched_ms = platform::now_ms();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ctx.text("kubelet's {maxpods} by hand").c_str());
    ImGui::SameLine();
    int by_hand = m.max_pods_set > 0 ? m.max_pods_set : core::room(m)->max_pods;
    if (stepper("pd-maxpods", by_hand, 3, core::kMaxPodsOverrideLimit))
        (void)core::set(m, {"maxpods", false, by_hand, {}}, ctx.catalog);
    const std::string suggest = ctx.text("AWS's suggestion: ") + value(m, "recommended");
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(suggest.c_str()).x + 16)
        ImGui::NewLine();
    if (ImGui::Button(suggest.c_str())) core::apply(m, core::PrefixDelegationAction::Recommended);
    if (m.max_pods_set > 0) {
        ImGui::SameLine();
        if (ImGui::Button("Default##pd-maxpods"))
            core::apply(m, core::PrefixDelegationAction::DefaultMaxPods);
    }
}

std::string live_sentence(const core::PrefixDelegation& m) {
    const core::Node& n = *core::room(m);
    const core::NodeStats s = core::node_stats(n);
    const char* pd = !m.prefix_delegation                               ? "off"
                     : core::prefix_delegation_active(m.type, n.config) ? "on"
                                                                        : "on without effect";
    return m.type.name + ", prefix delegation " + pd + ", " +
           core::node_group_kind_name(m.node_group) + ": " + value(m, "podips") +
           " pod addresses (" + value(m, "podipsoff") + " without prefixes, " +
           value(m, "podipson") + " with), max-pods " + value(m, "formula") +
           " by formula, kubelet max-pods " + std::to_string(n.max_pods) +
           (m.max_pods_set > 0 ? " set by hand" : "") + "; " + value(m, "pods") +
           " pods wanted: " + value(m, "running") + " running, " + value(m, "waiting") +
           " waiting, " + value(m, "refused") + " refused; they hold " + std::to_string(s.ips) +
           " addresses in " + std::to_string(s.prefixes) + " prefixes";
}

}  // namespace

ViewOut draw_prefix_delegation(const ViewContext& ctx, core::PrefixDelegation& m,
                               PrefixDelegationUi& ui) {
    ViewOut out;
    if (room_not_built(m, "Start over##pd", core::PrefixDelegationAction::StartOver, out))
        return out;
    draw_figure(ctx, m, ui, out);
    if (core::room(m) == nullptr) return out;
    ImGui::Spacing();
    draw_numbers(ctx, m);
    ImGui::Spacing();
    draw_desks(ctx, m, ui);
    if (core::room(m) == nullptr) return out;
    ImGui::Spacing();
    draw_max_pods(ctx, m, ui);
    if (core::room(m) == nullptr) return out;

    // The building the blocks come from.
    ImGui::Spacing();
    const core::Node& node = *core::room(m);
    if (const core::Subnet* subnet = core::find_subnet(m.cluster.vpc, node.subnet_id)) {
        const ImVec2 top = ImGui::GetCursorScreenPos();
        BuildingStyle bs;
        bs.cluster = &m.cluster;
        bs.max_cell = 14;
        draw_building(ctx, *subnet, bs);
        if (ctx.lit() == "building" || ctx.lit() == "held") {
            out.figure_min = top;
            out.figure_max =
                ImVec2(top.x + ImGui::GetContentRegionAvail().x, ImGui::GetCursorScreenPos().y);
        }
        draw_legend(ctx, kLegendBuildingHolders);
    }

    // The room size and the working.
    ImGui::Spacing();
    if (room_size_setting(ctx, "prefix-delegation", m, ui.filter))
        ui.switched_ms = platform::now_ms();
    if (core::room(m) == nullptr) return out;
    core::CapacityOptions o;
    o.prefix_delegation = m.prefix_delegation;
    o.node_group = m.node_group;
    show_math(ctx, core::max_pods(m.type, o), ui.show_math);
    out.live = live_sentence(m);
    return out;
}

}  // namespace web
