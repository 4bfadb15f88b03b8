// view_panel.cpp: step "phone-panel": add and remove desks in one room and watch the
// phone panels fill (see view_panel.h).
#include "view_panel.h"

#include <algorithm>
#include <string>

#include "context.h"
#include "draw_campus.h"
#include "imgui.h"
#include "ipam.h"
#include "platform.h"
#include "ui.h"

namespace web {

namespace {

constexpr double kFlashMs = 900;

void rebuild(const ViewContext& ctx, PanelView& view) {
    const core::InstanceType& type = ctx.catalog.types[static_cast<size_t>(view.type)];
    core::Result<core::Cluster> c = demo_room(type);
    view.built_type = view.type;
    view.message.clear();
    view.fresh_eni.clear();
    if (c) {
        view.cluster = std::move(c).value();
    } else {
        view.cluster = core::Cluster{};
        view.message = c.error().message;
    }
}

// Runs an action on the room and flashes any ENI it attached.
template <typename F>
void act(ViewOut& out, PanelView& view, F action) {
    const core::Node* n = core::find_node(view.cluster, "node-1");
    const core::Node before = n ? *n : core::Node{};
    view.message = action();
    std::string fresh = new_eni_id(&before, core::find_node(view.cluster, "node-1"));
    if (!fresh.empty()) {
        view.fresh_eni = fresh;
        view.fresh_until_ms = platform::now_ms() + kFlashMs;
        out.animate(view.fresh_until_ms + 120);  // one frame past the end
    }
    platform::request_frame();
}

std::string add_desk(PanelView& view) {
    core::Result<core::Pod> p = core::add_pod(view.cluster, "node-1");
    return p ? std::string() : p.error().message;
}

std::string remove_desk(PanelView& view) {
    const core::Node* n = core::find_node(view.cluster, "node-1");
    if (!n) return "There is no room to take a desk from.";
    std::string name;
    if (!n->pending.empty())
        name = n->pending.back().name;
    else if (!n->pods.empty())
        name = n->pods.back().name;
    if (name.empty()) return {};
    core::Status st = core::remove_pod(view.cluster, "node-1", name);
    return st ? std::string() : st.error().message;
}

}  // namespace

ViewOut draw_panel(const ViewContext& ctx, PanelView& view) {
    ViewOut out;
    if (ctx.catalog.types.empty()) return ViewOut::nothing();
    if (view.type < 0) view.type = catalog_index(ctx, "t3.small");
    if (view.built_type != view.type) rebuild(ctx, view);

    // Controls: the room size, then the buttons (stacked when narrow).
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(capitalized(ctx.text("{instance}")).c_str());
    ImGui::SameLine();
    if (instance_type_picker(ctx, "panel", view.type, view.filter, sizeof(view.filter)))
        rebuild(ctx, view);

    const core::Node* node = core::find_node(view.cluster, "node-1");
    if (!node) {
        wrapped_text(view.message.empty() ? "The room could not be built." : view.message.c_str(),
                     color::kBad);
        out.live = view.message;
        return out;
    }
    const core::NodeStats st = core::node_stats(*node);

    const std::string add = ctx.text("Add a {desk}");
    const std::string remove = ctx.text("Remove a {desk}");
    if (ImGui::Button(add.c_str())) act(out, view, [&] { return add_desk(view); });
    ImGui::SameLine();
    ImGui::BeginDisabled(st.pods + st.pending == 0);
    if (ImGui::Button(remove.c_str())) act(out, view, [&] { return remove_desk(view); });
    ImGui::EndDisabled();
    ImGui::SameLine();
    const float start_w =
        ImGui::CalcTextSize("Start over").x + 2 * ImGui::GetStyle().FramePadding.x;
    if (ImGui::GetContentRegionAvail().x < start_w) ImGui::NewLine();
    if (ImGui::Button("Start over")) rebuild(ctx, view);
    node = core::find_node(view.cluster, "node-1");
    const core::NodeStats s = core::node_stats(*node);

    // The numbers the room shows.
    ImGui::Spacing();
    std::string counts = capitalized(ctx.text("{desks}: ")) + std::to_string(s.pods) +
                         ctx.text(" of ") + std::to_string(s.max_pods - s.host_network_pods) +
                         "   " + ctx.text("{panels}: ") + std::to_string(s.enis) + " of " +
                         std::to_string(s.max_enis) + " attached   " + ctx.text("spare {exts}: ") +
                         std::to_string(s.free_ips);
    ImGui::PushFont(ctx.fonts.strong);
    wrapped_text(counts.c_str());
    ImGui::PopFont();

    RoomStyle rs;
    rs.show_host_pods = true;
    const double now = platform::now_ms();
    if (!view.fresh_eni.empty() && now < view.fresh_until_ms) {
        rs.fresh_eni = view.fresh_eni;
        rs.fresh = static_cast<float>((view.fresh_until_ms - now) / kFlashMs);
        platform::request_frame();  // keep frames coming while the flash fades
    }
    draw_room(ctx, *node, rs);
    draw_legend(ctx, kLegendRoom | kLegendHostPods);

    if (!view.message.empty()) {
        ImGui::Spacing();
        wrapped_text(view.message.c_str(), color::kBad);
    } else if (s.pods >= s.max_pods - s.host_network_pods) {
        ImGui::Spacing();
        std::string full = ctx.text("The {room} is full: kubelet's {maxpods} is ") +
                           std::to_string(s.max_pods) + ctx.text(", counting the 2 {hostdesks}.");
        wrapped_text(full.c_str(), color::kMuted);
    }

    ImGui::Spacing();
    ImGui::PushFont(ctx.fonts.strong);
    ImGui::TextUnformatted("What just happened");
    ImGui::PopFont();
    draw_event_log(ctx, view.cluster, 4);

    out.live = node->type.name + ": " + std::to_string(s.enis) + " of " +
               std::to_string(s.max_enis) + " ENIs attached, " + std::to_string(s.pods) +
               (s.pods == 1 ? " pod, " : " pods, ") + std::to_string(s.free_ips) +
               " spare secondary IPs; max-pods " + std::to_string(s.max_pods);
    if (!view.message.empty()) out.live += ". " + view.message;
    return out;
}

}  // namespace web
