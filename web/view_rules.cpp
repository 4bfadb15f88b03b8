// view_rules.cpp: step "the-rules": four tabs, each outlining on a full room the part one
// rule is about, with that rule's number for the chosen instance type (see view_rules.h).
#include "view_rules.h"

#include <string>

#include "capacity.h"
#include "context.h"
#include "draw_campus.h"
#include "imgui.h"
#include "ipam.h"
#include "ui.h"

namespace web {

namespace {

void rebuild(const ViewContext& ctx, RulesView& view) {
    const core::InstanceType& type = ctx.catalog.types[static_cast<size_t>(view.type)];
    view.built_type = view.type;
    view.error.clear();
    // Filled to max-pods, so every ENI the instance can take is attached.
    core::Result<core::Cluster> c = core::one_room(type, {}, core::ami_max_pods(type));
    if (c) {
        view.cluster = std::move(c).value();
    } else {
        view.cluster = core::Cluster{};
        view.error = c.error().message;
    }
}

// A row of tab buttons that wraps when narrow; returns true when the choice changed.
bool rule_tabs(const ViewContext& ctx, int& rule) {
    const char* labels[] = {"1 \xC2\xB7 the {room}'s own {ext}",
                            "2 \xC2\xB7 {desks} share the rest", "3 \xC2\xB7 how many {panels}",
                            "4 \xC2\xB7 {slots} per {panel}"};
    bool changed = false;
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    for (int i = 0; i < 4; ++i) {
        std::string label = ctx.text(labels[i]);
        float w = ImGui::CalcTextSize(label.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x;
        if (i > 0) {
            ImGui::SameLine(0, 6);
            if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
        }
        const bool active = rule == i;
        if (active) {
            ImGui::PushStyleColor(ImGuiCol_Button, color::kAccent);
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, color::kAccent);
            ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
        }
        if (ImGui::Button(label.c_str()) && !active) {
            rule = i;
            changed = true;
        }
        if (active) ImGui::PopStyleColor(3);
    }
    return changed;
}

std::string num(long long v) {
    return std::to_string(v);
}

// The derivation step of max_pods with this label, or nullptr.
const core::DerivationStep* find_step(const core::MaxPods& r, const char* label) {
    for (const core::DerivationStep& s : r.steps)
        if (s.label == label) return &s;
    return nullptr;
}

}  // namespace

ViewOut draw_rules(const ViewContext& ctx, RulesView& view) {
    ViewOut out;
    if (ctx.catalog.types.empty()) return ViewOut::nothing();
    if (view.type < 0) view.type = catalog_index(ctx, "t3.small");
    if (view.built_type != view.type) rebuild(ctx, view);

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(capitalized(ctx.text("{instance}")).c_str());
    ImGui::SameLine();
    if (instance_type_picker(ctx, "rules", view.type, view.filter, sizeof(view.filter)))
        rebuild(ctx, view);
    const core::InstanceType& type = ctx.catalog.types[static_cast<size_t>(view.type)];
    const core::MaxPods r = core::max_pods(type);

    ImGui::Spacing();
    rule_tabs(ctx, view.rule);
    ImGui::Spacing();

    const core::Node* node = core::find_node(view.cluster, "node-1");
    std::string head, detail;
    unsigned highlight = kHighlightNone;
    switch (view.rule) {
        case 0: {
            head = ctx.text("Rule 1: the {room} keeps one {ext} for itself.");
            std::string ip = node && !node->enis.empty()
                                 ? core::format_ipv4(node->enis.front().primary_ip)
                                 : std::string("?");
            detail = ctx.text("The {mainext} is ") + ip +
                     ctx.text(
                         ", the first {slot} of the {firstpanel}: the {num} the {room} "
                         "itself answers on.");
            highlight = view.every_panel ? kHighlightPanelMain : kHighlightMainExt;
            break;
        }
        case 1:
            head = ctx.text("Rule 2: the {desks} share the {exts} that are left.");
            detail = ctx.text("Outlined: every {slot} a {desk} can use, ") + num(r.pod_ips) +
                     ctx.text(" in all on the ") + type.name + ".";
            highlight = kHighlightPodSlots;
            break;
        case 2:
            head = ctx.text("Rule 3: the {instance} sets how many {panels} fit.");
            detail = ctx.text("The ") + type.name + ctx.text(" can hold ") + num(r.enis) +
                     ctx.text(r.enis == 1 ? " {panel}." : " {panels}.");
            highlight = kHighlightPanels;
            break;
        default:
            head = ctx.text("Rule 4: the {instance} sets how many {slots} each {panel} has.");
            detail = ctx.text("Each {panel} of the ") + type.name + ctx.text(" has ") +
                     num(r.ips_per_eni) +
                     ctx.text(" {slots}; the first holds the {panel}'s own {panelmain}.");
            highlight = kHighlightOnePanel;
            break;
    }
    ImGui::PushFont(ctx.fonts.strong);
    wrapped_text(head.c_str());
    ImGui::PopFont();
    wrapped_text(detail.c_str());
    if (view.rule == 0) {
        std::string label = ctx.text("Stricter: every {panel} keeps its first {slot}");
        checkbox_wrapped(label.c_str(), &view.every_panel);
        if (view.every_panel) {
            std::string lost =
                num(r.enis) + ctx.text(r.enis == 1 ? " {panel}, so " : " {panels}, so ") +
                num(r.enis) +
                ctx.text(r.enis == 1 ? " {slot} is never a {desk}'s."
                                     : " {slots} are never a {desk}'s: one per {panel}.");
            wrapped_text(lost.c_str(), color::kMuted);
        }
    }
    ImGui::Spacing();

    if (!node) {
        wrapped_text(view.error.empty() ? "The room could not be built." : view.error.c_str(),
                     color::kBad);
        out.live = view.error;
        return out;
    }
    RoomStyle rs;
    rs.highlight = highlight;
    rs.cell = 40;  // large for small rooms; big rooms shrink to fit
    std::string title = ctx.text("a full {room}: ") + type.name;
    rs.title = title;
    draw_room(ctx, *node, rs);
    draw_legend(ctx, kLegendMainExt | kLegendPod | kLegendEmpty | kLegendUnattached);

    ImGui::Spacing();
    if (const core::DerivationStep* s = find_step(r, "pod addresses")) {
        std::string sum = ctx.text("All four together: ") + s->formula + " = " + num(s->value) +
                          ctx.text(" {desk} {exts}.");
        wrapped_text(sum.c_str());
    }
    for (const std::string& n : r.notes)
        if (n.find("network card") != std::string::npos) wrapped_text(n.c_str(), color::kMuted);

    const char* rule_names[] = {"rule 1, the node's primary IP", "rule 2, pod addresses",
                                "rule 3, ENI limit", "rule 4, IPs per ENI"};
    out.live = type.name + ": " + rule_names[view.rule] + ". " + num(r.enis) + " ENIs x " +
               num(r.ips_per_eni) + " IPs per ENI, one per ENI its own: " + num(r.pod_ips) +
               " pod addresses";
    return out;
}

}  // namespace web
