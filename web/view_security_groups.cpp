// view_security_groups.cpp: step "security-groups-for-pods": the trunk ENI, its cost in
// pod addresses and the branch ENIs hanging off it (see the header).
#include "view_security_groups.h"

#include <algorithm>
#include <string>
#include <vector>

#include "capacity.h"
#include "context.h"
#include "draw_campus.h"
#include "imgui.h"
#include "platform.h"
#include "sg_pods.h"
#include "ui.h"

namespace web {

namespace {

constexpr const char* kNode = "node-1";
constexpr ImU32 kTrunkColor = IM_COL32(96, 74, 140, 255);  // draw_campus's trunk colour

// A fresh room with the chosen type and option, carrying over both kinds of desks.
void rebuild(const ViewContext& ctx, SecurityGroupsView& view) {
    int pool_pods = 0;
    int sg = 0;
    if (const core::Node* n = core::find_node(view.cluster, kNode)) {
        pool_pods = static_cast<int>(n->pods.size() + n->pending.size());
        sg = static_cast<int>(core::sg_pods(view.cluster, kNode).size());
    } else {
        sg = 2;  // first visit: two payments-style desks show the branches
    }
    const core::InstanceType& type = ctx.catalog.types[static_cast<size_t>(view.type)];
    core::NodeConfig cfg;
    cfg.security_groups_for_pods = view.pod_eni && core::supports_security_groups_for_pods(type);
    core::Result<core::Cluster> c = core::one_room(type, cfg, pool_pods);
    view.built_type = view.type;
    view.built_pod_eni = view.pod_eni;
    if (!c) {
        view.message = c.error().message;
        return;
    }
    view.cluster = std::move(c).value();
    view.message.clear();
    if (cfg.security_groups_for_pods) {
        for (int i = 0; i < sg; ++i) {
            if (!core::add_sg_pod(view.cluster, kNode)) break;
        }
    }
    platform::request_frame();
}

// The trunk ENI as a bar with one box per branch ENI hanging under it: taken (a desk with
// its own address) or free (dashed).
void draw_trunk(const ViewContext& ctx, const core::Node& node, const core::BranchState& b,
                const std::vector<core::SgPod>& pods) {
    const core::Eni* trunk = nullptr;
    for (const core::Eni& e : node.enis) {
        if (e.trunk) trunk = &e;
    }
    if (trunk == nullptr) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float box_w = 74, box_h = 46, gap = 8;
    const int per_row = std::max(1, static_cast<int>((avail - 12 + gap) / (box_w + gap)));
    const int shown = std::min(b.branch_limit, per_row * 3);
    const int rows = (shown + per_row - 1) / per_row;
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const float bar_h = 24;
    const float width =
        std::min(avail, static_cast<float>(std::min(shown, per_row)) * (box_w + gap) + 12);
    dl->AddRectFilled(o, ImVec2(o.x + width, o.y + bar_h), kTrunkColor, 5);
    const std::string title =
        ctx.text("{trunk} ") + trunk->id + " " + core::format_ipv4(trunk->primary_ip);
    dl->AddText(ctx.fonts.small, 13, ImVec2(o.x + 8, o.y + 5), IM_COL32_WHITE, title.c_str());
    if (ImGui::IsMouseHoveringRect(o, ImVec2(o.x + width, o.y + bar_h))) {
        ImGui::BeginTooltip();
        ImGui::Text("%s", core::eni_summary(node, *trunk).c_str());
        ImGui::EndTooltip();
    }
    // Rows below the first hang from a cable that runs down the left edge from the bar.
    const float row_h = box_h + 18;
    if (rows > 1) {
        const float last_y = o.y + bar_h + 14 + static_cast<float>(rows - 1) * row_h - 7;
        dl->AddLine(ImVec2(o.x + 2, o.y + bar_h), ImVec2(o.x + 2, last_y), kTrunkColor, 2);
        for (int r = 1; r < rows; ++r) {
            const float y = o.y + bar_h + 14 + static_cast<float>(r) * row_h - 7;
            const int in_row = std::min(per_row, shown - r * per_row);
            dl->AddLine(
                ImVec2(o.x + 2, y),
                ImVec2(o.x + 6 + static_cast<float>(in_row - 1) * (box_w + gap) + box_w / 2, y),
                kTrunkColor, 2);
        }
    }
    for (int i = 0; i < shown; ++i) {
        const float x = o.x + 6 + static_cast<float>(i % per_row) * (box_w + gap);
        const float y = o.y + bar_h + 14 + static_cast<float>(i / per_row) * row_h;
        dl->AddLine(ImVec2(x + box_w / 2, y - (i < per_row ? 14.0f : 7.0f)),
                    ImVec2(x + box_w / 2, y), kTrunkColor, 2);
        const ImVec2 a(x, y), z(x + box_w, y + box_h);
        if (i < static_cast<int>(pods.size())) {
            const core::SgPod& p = pods[static_cast<size_t>(i)];
            dl->AddRectFilled(a, z, color::kPanel, 5);
            dl->AddText(ctx.fonts.small, 13, ImVec2(x + 5, y + 3), IM_COL32_WHITE,
                        ctx.text("{branch}").substr(0, 12).c_str());
            dl->AddRectFilled(ImVec2(x + 5, y + 22), ImVec2(x + 19, y + 36), color::kSlotDesk, 2);
            dl->AddText(ctx.fonts.small, 13, ImVec2(x + 23, y + 22), IM_COL32_WHITE,
                        p.name.substr(0, 8).c_str());
            if (ImGui::IsMouseHoveringRect(a, z)) {
                ImGui::BeginTooltip();
                ImGui::Text("branch ENI for %s: %s in %s", p.name.c_str(),
                            core::format_ipv4(p.ip).c_str(), p.subnet_id.c_str());
                ImGui::TextColored(rgba(color::kMuted), "%s",
                                   ctx.text("its own security groups, not the {panel}'s").c_str());
                ImGui::EndTooltip();
            }
        } else {
            dl->AddRect(a, z, color::kLine, 5, 0, 1.5f);
            dl->AddText(ctx.fonts.small, 13, ImVec2(x + 6, y + 15), color::kMuted, "free");
        }
    }
    float h = bar_h + 14 + static_cast<float>(rows) * row_h;
    ImGui::Dummy(ImVec2(width, h));
    if (b.branch_limit > shown) {
        const std::string more =
            "+ " + std::to_string(b.branch_limit - shown) + " more " + ctx.text("{branch}s");
        ImGui::TextDisabled("%s", more.c_str());
    }
}

void figure(const ViewContext& ctx, const std::string& label, const std::string& value,
            float& x_used, float avail) {
    const float w = std::max(ImGui::CalcTextSize(label.c_str()).x,
                             ImGui::CalcTextSize(value.c_str()).x * 1.6f) +
                    22;
    if (x_used > 0 && x_used + w <= avail) {
        ImGui::SameLine(x_used);
    } else {
        x_used = 0;
    }
    ImGui::BeginGroup();
    ImGui::PushFont(ctx.fonts.small);
    ImGui::TextColored(rgba(color::kMuted), "%s", label.c_str());
    ImGui::PopFont();
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted(value.c_str());
    ImGui::PopFont();
    ImGui::EndGroup();
    x_used += w;
}

}  // namespace

ViewOut draw_security_groups(const ViewContext& ctx, SecurityGroupsView& view) {
    ViewOut out;
    if (ctx.catalog.types.empty()) return ViewOut::nothing();
    if (view.type < 0) view.type = catalog_index(ctx, "m5.large");
    if (view.built_type != view.type || view.built_pod_eni != view.pod_eni) rebuild(ctx, view);
    const float avail = ImGui::GetContentRegionAvail().x;

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ctx.text("{instance}").c_str());
    ImGui::SameLine();
    if (instance_type_picker(ctx, "sgp", view.type, view.filter, sizeof(view.filter))) {
        rebuild(ctx, view);
    }
    const core::InstanceType& type = ctx.catalog.types[static_cast<size_t>(view.type)];
    const bool supported = core::supports_security_groups_for_pods(type);
    bool on = view.pod_eni && supported;
    ImGui::BeginDisabled(!supported);
    if (checkbox_wrapped("ENABLE_POD_ENI (security groups for pods)", &on)) {
        view.pod_eni = on;
        rebuild(ctx, view);
    }
    ImGui::EndDisabled();

    core::CapacityOptions with;
    with.security_groups_for_pods = true;
    const core::MaxPods plain = core::max_pods(type);
    const core::MaxPods trunk = core::max_pods(type, with);
    if (!supported) {
        for (const std::string& n : trunk.notes) {
            if (n.find("not supported") != std::string::npos) wrapped_text(n.c_str(), color::kBad);
        }
    }

    const core::Node* node = core::find_node(view.cluster, kNode);
    if (node == nullptr) {
        wrapped_text(view.message.empty() ? "The room could not be built." : view.message.c_str(),
                     color::kBad);
        out.live = view.message;
        return out;
    }
    const core::BranchState b = core::branch_state(view.cluster, *node);
    const core::MaxPods& now = b.trunk ? trunk : plain;

    // The cost in numbers: pod addresses without and with the trunk, branches, max-pods.
    ImGui::Spacing();
    float x = 0;
    const std::string ips = std::to_string(plain.pod_ips) +
                            (b.trunk ? " \xE2\x86\x92 " + std::to_string(trunk.pod_ips) : "");
    figure(ctx, ctx.text("{desk} {exts} on {panels}"), ips, x, avail);
    figure(ctx, ctx.text("{panels} for {desk}s"),
           std::to_string(now.pod_enis) + " of " + std::to_string(now.enis), x, avail);
    figure(ctx, ctx.text("{branch}s"),
           b.trunk ? std::to_string(b.sg_pods) + " / " + std::to_string(b.branch_limit)
                   : std::string(supported ? "off" : "none"),
           x, avail);
    figure(ctx, ctx.text("{maxpods}"), std::to_string(node->max_pods), x, avail);

    // Desks of both kinds.
    ImGui::Spacing();
    const std::vector<core::SgPod> sg = core::sg_pods(view.cluster, kNode);
    ImGui::BeginDisabled(!b.trunk);
    const std::string add_sg = ctx.text("+ {desk} with its own security groups");
    if (ImGui::Button(add_sg.c_str())) {
        core::Result<core::SgPod> p = core::add_sg_pod(view.cluster, kNode);
        view.message = p ? std::string() : p.error().message;
        platform::request_frame();
    }
    ImGui::SameLine(0, 4);
    ImGui::BeginDisabled(sg.empty());
    if (ImGui::Button("-##sg")) {
        core::Status st = core::remove_sg_pod(view.cluster, kNode, sg.back().name);
        view.message = st ? std::string() : st.error().message;
        platform::request_frame();
    }
    ImGui::EndDisabled();
    ImGui::EndDisabled();
    const std::string add_plain = ctx.text("+ ordinary {desk}");
    const float plain_w = ImGui::CalcTextSize(add_plain.c_str()).x + 70;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < plain_w) ImGui::NewLine();
    node = core::find_node(view.cluster, kNode);
    if (ImGui::Button(add_plain.c_str())) {
        core::Result<core::Pod> p = core::add_pod_with_branches(view.cluster, kNode);
        view.message = p ? std::string() : p.error().message;
        platform::request_frame();
    }
    ImGui::SameLine(0, 4);
    ImGui::BeginDisabled(node->pods.empty() && node->pending.empty());
    if (ImGui::Button("-##plain")) {
        const std::string name =
            !node->pending.empty() ? node->pending.back().name : node->pods.back().name;
        core::Status st = core::remove_pod(view.cluster, kNode, name);
        view.message = st ? std::string() : st.error().message;
        platform::request_frame();
    }
    ImGui::EndDisabled();

    node = core::find_node(view.cluster, kNode);
    const core::BranchState bs = core::branch_state(view.cluster, *node);
    const std::vector<core::SgPod> sg_now = core::sg_pods(view.cluster, kNode);
    ImGui::Spacing();
    wrapped_text(bs.reason.c_str(), bs.trunk ? color::kInk : color::kMuted);

    // The room, then the trunk with its branches.
    ImGui::Spacing();
    RoomStyle rs;
    rs.show_host_pods = true;
    draw_room(ctx, *node, rs);
    if (bs.trunk) {
        ImGui::Spacing();
        draw_trunk(ctx, *node, bs, sg_now);
    }
    draw_legend(ctx, kLegendRoom | kLegendHostPods);

    if (!view.message.empty()) {
        ImGui::Spacing();
        wrapped_text(view.message.c_str(), color::kBad);
    }
    ImGui::Spacing();
    ImGui::PushFont(ctx.fonts.strong);
    ImGui::TextUnformatted("What just happened");
    ImGui::PopFont();
    draw_event_log(ctx, view.cluster, 4);

    const core::NodeStats s = core::node_stats(*node);
    out.live =
        type.name + ", ENABLE_POD_ENI " + (bs.trunk ? "on" : "off") +
        (supported ? "" : " (not supported on " + type.name + ")") + ": pod IPs " +
        std::to_string(plain.pod_ips) +
        (bs.trunk ? " -> " + std::to_string(trunk.pod_ips) + " (the trunk ENI takes 1 of " +
                        std::to_string(trunk.enis) + " ENIs); " + std::to_string(bs.sg_pods) +
                        " of " + std::to_string(bs.branch_limit) + " branch ENIs in use"
                  : std::string()) +
        "; " + std::to_string(s.pods) + " ordinary pods; max-pods " + std::to_string(s.max_pods);
    if (!view.message.empty()) out.live += ". " + view.message;
    return out;
}

}  // namespace web
