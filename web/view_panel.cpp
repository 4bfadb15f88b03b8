// view_panel.cpp: step "phone-panel": add and remove desks in one room and watch the
// phone panels fill (see view_panel.h).
#include "view_panel.h"

#include <algorithm>
#include <string>

#include "app.h"
#include "draw_campus.h"
#include "imgui.h"
#include "ipam.h"
#include "platform.h"
#include "style.h"

namespace web {

namespace {

constexpr double kFlashMs = 900;

void rebuild(App& app, PanelView& view) {
    const core::InstanceType& type = app.catalog.types[static_cast<size_t>(view.type)];
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
void act(App& app, PanelView& view, F action) {
    const core::Node* n = core::find_node(view.cluster, "node-1");
    const core::Node before = n ? *n : core::Node{};
    view.message = action();
    std::string fresh = new_eni_id(&before, core::find_node(view.cluster, "node-1"));
    if (!fresh.empty()) {
        view.fresh_eni = fresh;
        view.fresh_until_ms = platform::now_ms() + kFlashMs;
        app.anim_until_ms = view.fresh_until_ms + 120;  // one frame past the end
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

bool draw_panel(App& app, PanelView& view) {
    if (app.catalog.types.empty()) return false;
    if (view.type < 0) view.type = catalog_index(app, "t3.small");
    if (view.built_type != view.type) rebuild(app, view);

    // Controls: the room size, then the buttons (stacked when narrow).
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(capitalized(app_text(app, "{instance}")).c_str());
    ImGui::SameLine();
    if (instance_type_picker(app, "panel", view.type, view.filter, sizeof(view.filter)))
        rebuild(app, view);

    const core::Node* node = core::find_node(view.cluster, "node-1");
    if (!node) {
        wrapped_text(view.message.empty() ? "The room could not be built." : view.message.c_str(),
                     color::kBad);
        app.live = view.message;
        return true;
    }
    const core::NodeStats st = core::node_stats(*node);

    const std::string add = app_text(app, "Add a {desk}");
    const std::string remove = app_text(app, "Remove a {desk}");
    if (ImGui::Button(add.c_str())) act(app, view, [&] { return add_desk(view); });
    ImGui::SameLine();
    ImGui::BeginDisabled(st.pods + st.pending == 0);
    if (ImGui::Button(remove.c_str())) act(app, view, [&] { return remove_desk(view); });
    ImGui::EndDisabled();
    ImGui::SameLine();
    const float start_w =
        ImGui::CalcTextSize("Start over").x + 2 * ImGui::GetStyle().FramePadding.x;
    if (ImGui::GetContentRegionAvail().x < start_w) ImGui::NewLine();
    if (ImGui::Button("Start over")) rebuild(app, view);
    node = core::find_node(view.cluster, "node-1");
    const core::NodeStats s = core::node_stats(*node);

    // The numbers the room shows.
    ImGui::Spacing();
    std::string counts = capitalized(app_text(app, "{desks}: ")) + std::to_string(s.pods) +
                         app_text(app, " of ") + std::to_string(s.max_pods - s.host_network_pods) +
                         "   " + app_text(app, "{panels}: ") + std::to_string(s.enis) + " of " +
                         std::to_string(s.max_enis) + " attached   " +
                         app_text(app, "spare {exts}: ") + std::to_string(s.free_ips);
    ImGui::PushFont(app.fonts.strong);
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
    draw_room(app, *node, rs);
    draw_legend(app, kLegendRoom | kLegendHostPods);

    if (!view.message.empty()) {
        ImGui::Spacing();
        wrapped_text(view.message.c_str(), color::kBad);
    } else if (s.pods >= s.max_pods - s.host_network_pods) {
        ImGui::Spacing();
        std::string full = app_text(app, "The {room} is full: kubelet's {maxpods} is ") +
                           std::to_string(s.max_pods) +
                           app_text(app, ", counting the 2 {hostdesks}.");
        wrapped_text(full.c_str(), color::kMuted);
    }

    ImGui::Spacing();
    ImGui::PushFont(app.fonts.strong);
    ImGui::TextUnformatted("What just happened");
    ImGui::PopFont();
    draw_event_log(app, view.cluster, 4);

    app.live = node->type.name + ": " + std::to_string(s.enis) + " of " +
               std::to_string(s.max_enis) + " ENIs attached, " + std::to_string(s.pods) +
               (s.pods == 1 ? " pod, " : " pods, ") + std::to_string(s.free_ips) +
               " spare secondary IPs; max-pods " + std::to_string(s.max_pods);
    if (!view.message.empty()) app.live += ". " + view.message;
    return true;
}

}  // namespace web
