// view_prefix.cpp: step "prefix-delegation": slots become /28 blocks, the numbers with and
// without, the seed's ~189 beside the exact figure, the max-pods surprise and the cost of a
// whole block per desk (see view_prefix.h).
#include "view_prefix.h"

#include <algorithm>
#include <string>

#include "capacity.h"
#include "context.h"
#include "draw_campus.h"
#include "imgui.h"
#include "ipam.h"
#include "platform.h"
#include "ui.h"
#include "vpc.h"

namespace web {

namespace {

constexpr double kFadeMs = 450;

std::string num(long long v) {
    return std::to_string(v);
}

const core::InstanceType& chosen(const ViewContext& ctx, const PrefixView& view) {
    return ctx.catalog.types[static_cast<size_t>(view.type)];
}

// The node's configuration for the current switches.
core::NodeConfig node_config(const ViewContext& ctx, const PrefixView& view) {
    core::NodeConfig c;
    c.prefix_delegation = view.prefix_delegation;
    if (view.raise_max_pods) {
        // Always the value AWS recommends with prefix delegation, so the box means one
        // number; without it the extra desks wait for addresses (ContainerCreating).
        core::CapacityOptions o;
        o.prefix_delegation = true;
        c.max_pods_override =
            static_cast<int>(core::max_pods(chosen(ctx, view), o).recommended_max_pods);
    }
    return c;
}

// Replaces the node (as AWS requires for a prefix-delegation change), keeping its desks.
void rebuild(const ViewContext& ctx, PrefixView& view, ViewOut& out) {
    view.built_type = view.type;
    view.built_pd = view.prefix_delegation;
    view.message.clear();
    core::Result<core::Cluster> c =
        core::one_room(chosen(ctx, view), node_config(ctx, view), view.desks);
    if (c) {
        view.cluster = std::move(c).value();
        if (const core::Node* n = core::find_node(view.cluster, "node-1"))
            view.desks = static_cast<int>(n->pods.size() + n->pending.size());
    } else {
        view.cluster = core::Cluster{};
        view.message = c.error().message;
    }
    view.switched_ms = platform::now_ms();
    out.animate(view.switched_ms + kFadeMs + 120);  // one frame past the end
}

// Two buttons acting as an off/on switch; true when it changed.
bool switch_buttons(const char* id, bool& on) {
    bool changed = false;
    ImGui::PushID(id);
    for (int i = 0; i < 2; ++i) {
        const bool active = (i == 1) == on;
        if (active) {
            ImGui::PushStyleColor(ImGuiCol_Button, i == 1 ? color::kGood : color::kMuted);
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, i == 1 ? color::kGood : color::kMuted);
            ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
        }
        if (ImGui::Button(i == 0 ? "off" : "on") && !active) {
            on = i == 1;
            changed = true;
        }
        if (active) ImGui::PopStyleColor(3);
        if (i == 0) ImGui::SameLine(0, 2);
    }
    ImGui::PopID();
    return changed;
}

}  // namespace

ViewOut draw_prefix(const ViewContext& ctx, PrefixView& view) {
    ViewOut out;
    if (ctx.catalog.types.empty()) return ViewOut::nothing();
    if (view.type < 0) view.type = catalog_index(ctx, "t3.small");
    if (view.built_type != view.type || view.built_pd != view.prefix_delegation)
        rebuild(ctx, view, out);

    // Controls: room size, the switch, the max-pods checkbox.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(capitalized(ctx.text("{instance}")).c_str());
    ImGui::SameLine();
    if (instance_type_picker(ctx, "prefix", view.type, view.filter, sizeof(view.filter))) {
        view.raise_max_pods = false;
        rebuild(ctx, view, out);
    }
    const core::InstanceType& type = chosen(ctx, view);
    core::CapacityOptions pd;
    pd.prefix_delegation = true;
    const core::MaxPods off = core::max_pods(type);
    const core::MaxPods on = core::max_pods(type, pd);

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Prefix delegation");
    ImGui::SameLine();
    if (switch_buttons("pd", view.prefix_delegation)) rebuild(ctx, view, out);
    const std::string raise = "Raise kubelet max-pods to " + num(on.recommended_max_pods);
    bool raise_now = view.raise_max_pods;
    if (checkbox_wrapped(raise.c_str(), &raise_now)) {
        view.raise_max_pods = raise_now;
        core::Status st = core::set_node_config(view.cluster, "node-1", node_config(ctx, view));
        if (st) {
            view.message.clear();
        } else {
            view.raise_max_pods = !raise_now;
            view.message = st.error().message;
        }
    }
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::TextUnformatted("AWS's recommended max-pods for this instance type");
        ImGui::EndTooltip();
    }

    // The desks: added and removed on the node itself.
    const core::Node* node = core::find_node(view.cluster, "node-1");
    if (node) {
        const std::string add = ctx.text("Add a {desk}");
        const std::string remove = ctx.text("Remove a {desk}");
        if (ImGui::Button(add.c_str())) {
            core::Result<core::Pod> p = core::add_pod(view.cluster, "node-1");
            view.message = p ? std::string() : p.error().message;
        }
        ImGui::SameLine();
        ImGui::BeginDisabled(node->pods.empty() && node->pending.empty());
        if (ImGui::Button(remove.c_str())) {
            const core::Node* n = core::find_node(view.cluster, "node-1");
            std::string name = !n->pending.empty() ? n->pending.back().name : n->pods.back().name;
            core::Status st = core::remove_pod(view.cluster, "node-1", name);
            view.message = st ? std::string() : st.error().message;
        }
        ImGui::EndDisabled();
        node = core::find_node(view.cluster, "node-1");
        view.desks = static_cast<int>(node->pods.size() + node->pending.size());
        const core::NodeStats s = core::node_stats(*node);
        if (!view.message.empty()) wrapped_text(view.message.c_str(), color::kBad);
        if (view.message.empty() && s.prefix_delegation && !view.raise_max_pods &&
            s.pods + s.pending >= s.max_pods - s.host_network_pods) {
            std::string surprise = ctx.text("Prefix delegation is on, yet the {room} stops at ") +
                                   num(s.max_pods - s.host_network_pods) +
                                   ctx.text(" {desks}: kubelet still has {maxpods} ") +
                                   num(s.max_pods) + ". Tick the box above to raise it.";
            wrapped_text(surprise.c_str(), color::kInk);
        }
    }

    // The numbers, without and with prefix delegation.
    ImGui::Spacing();
    const std::string arrow = " \xE2\x86\x92 ";
    // kubelet's max-pods in red while it, not the addresses, stops the desks.
    const bool binding =
        node && node->max_pods < on.max_pods && on.prefix_delegation && view.prefix_delegation;
    const NumberCard cards[4] = {
        {capitalized(ctx.text("{desk} {exts}")), num(off.pod_ips) + arrow + num(on.pod_ips),
         "prefix delegation off" + arrow + "on"},
        {"max-pods (formula)", num(off.max_pods) + arrow + num(on.max_pods),
         ctx.text("off" + arrow + "on, with 2 {hostdesks}")},
        {"recommended", num(on.recommended_max_pods), "capped at " + num(on.recommended_cap)},
        {"kubelet max-pods now", node ? num(node->max_pods) : std::string("-"),
         view.raise_max_pods ? "raised by hand" : "the AMI's value",
         binding ? color::kBad : color::kInk}};
    // As many cards per row as the widest value allows.
    float need = 120;
    ImGui::PushFont(ctx.fonts.big);
    for (const NumberCard& c : cards)
        need = std::max(need, ImGui::CalcTextSize(c.value.c_str()).x + 20);
    ImGui::PopFont();
    const float avail = ImGui::GetContentRegionAvail().x;
    number_cards(cards, 4, avail >= 4 * need ? 4 : (avail >= 2 * need ? 2 : 1), ctx.fonts.big,
                 ctx.fonts.small);

    // Where prefix delegation has no effect, core says why.
    if (!on.prefix_delegation) {
        for (const std::string& n : on.notes)
            if (n.find("no effect") != std::string::npos) wrapped_text(n.c_str(), color::kBad);
    }

    // The room and its building.
    ImGui::Spacing();
    if (!node) {
        wrapped_text(view.message.c_str(), color::kBad);
        out.live = view.message;
        return out;
    }
    const core::NodeStats s = core::node_stats(*node);

    const float view_w = ImGui::GetContentRegionAvail().x;
    const bool side = view_w >= 640;
    ImGui::BeginGroup();
    RoomStyle rs;
    rs.max_width = side ? view_w * 0.5f - 8 : 0;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 size = draw_room(ctx, *node, rs);
    // Fade the new room in after the switch.
    const double since = platform::now_ms() - view.switched_ms;
    if (since < kFadeMs) {
        const int alpha = static_cast<int>(230.0 * (1.0 - since / kFadeMs));
        ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y),
                                                  IM_COL32(250, 251, 253, alpha), 10);
        platform::request_frame();  // keep frames coming while the room fades in
    }
    // Beside the building, the key wraps within the room's column: on one line it was
    // wider than the room and pushed the building off the right edge (an embed at 1280 px).
    draw_legend(ctx,
                kLegendMainExt | kLegendPod | kLegendWarm | kLegendEmpty |
                    (s.prefix_delegation ? kLegendPrefix : 0u),
                side ? rs.max_width : 0.0f);
    ImGui::EndGroup();
    if (side) ImGui::SameLine(0, 16);
    if (const core::Subnet* subnet = core::find_subnet(view.cluster.vpc, node->subnet_id)) {
        ImGui::BeginGroup();
        BuildingStyle bs;
        bs.cluster = &view.cluster;
        bs.max_cell = 14;
        draw_building(ctx, *subnet, bs);
        draw_legend(ctx, kLegendBuildingHolders);
        ImGui::EndGroup();
    }

    // What the room holds of the building: the trade-off.
    std::string held =
        num(s.pods) +
        ctx.text(s.pods == 1 ? " {desk} on this {room} holds " : " {desks} on this {room} hold ") +
        num(s.ips) + ctx.text(" {nums} of the {building}");
    if (s.prefix_delegation)
        held += " in " + num(s.prefixes) + ctx.text(s.prefixes == 1 ? " {block}" : " {blocks}");
    held += ".";
    if (s.prefix_delegation && s.pods <= 1)
        held += ctx.text(" A {block} is reserved whole, however few {desks} use it.");
    wrapped_text(held.c_str());

    // The simple count beside the exact figure.
    ImGui::Spacing();
    ImGui::PushFont(ctx.fonts.strong);
    std::string seed = "Why not ~" + num(on.seed_figure) + "?";
    ImGui::TextUnformatted(seed.c_str());
    ImGui::PopFont();
    for (const std::string& n : on.notes)
        if (n.rfind("The simple count ", 0) == 0) wrapped_text(n.c_str(), color::kMuted);
    show_math(ctx, on, view.show_math);

    const char* pd_state = !view.prefix_delegation ? "off"
                           : s.prefix_delegation   ? "on"
                                                   : "on but without effect on this type";
    out.live = type.name + ", prefix delegation " + pd_state + ": " + num(on.pod_ips) +
               " pod addresses with prefixes (" + num(off.pod_ips) + " without), max-pods " +
               num(on.max_pods) + " by formula (" + num(off.max_pods) + " without), recommended " +
               num(on.recommended_max_pods) + "; kubelet max-pods now " + num(s.max_pods) + "; " +
               num(s.pods) + (s.pods == 1 ? " pod holds " : " pods hold ") + num(s.ips) +
               " addresses" +
               (s.prefix_delegation ? " in " + num(s.prefixes) + " prefixes" : std::string());
    if (s.pending > 0) out.live += "; " + num(s.pending) + " waiting for an address";
    if (!view.message.empty()) out.live += ". " + view.message;
    return out;
}

}  // namespace web
