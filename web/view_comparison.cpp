// view_comparison.cpp: step "vpc-cni-vs-overlay": a comparison table whose rows are
// demonstrated with numbers computed by core (core/traffic).
#include "view_comparison.h"

#include <algorithm>
#include <set>
#include <string>

#include "call_path.h"
#include "context.h"
#include "imgui.h"
#include "ui.h"

namespace web {
namespace {

constexpr ImU32 kNodeText = IM_COL32(184, 104, 16, 255);

std::string ip(core::Ipv4 a) {
    return core::format_ipv4(a);
}

enum Campus { kVpc = 0, kVpcSgp = 1, kOverlay = 2 };

void build(const ViewContext& ctx, ComparisonView& v) {
    v.built = true;
    core::Result<const core::InstanceType*> type =
        core::find_instance_type(ctx.catalog, "m5.large");
    if (!type) {
        v.error = type.error().message;
        return;
    }
    const core::TrafficOptions opts[3] = {
        {core::Cni::Vpc, false}, {core::Cni::Vpc, true}, {core::Cni::Overlay, false}};
    for (int i = 0; i < 3; ++i) {
        core::Result<core::TrafficCampus> c = core::make_traffic_campus(**type, opts[i]);
        if (!c) {
            v.error = c.error().message;
            return;
        }
        v.campus[i] = std::move(c).value();
    }
}

// A traced call; an empty path (with the error as verdict) if core refused.
core::TrafficPath trace(const core::TrafficCampus& c, const std::string& caller,
                        core::Callee callee) {
    core::Result<core::TrafficPath> p = core::trace_call(c, caller, callee);
    if (p) return *p;
    core::TrafficPath none;
    none.verdict = p.error().message;
    return none;
}

void refresh_use(const ViewContext& ctx, ComparisonView& v) {
    if (v.type < 0) v.type = catalog_index(ctx, "m5.large");
    if (v.type == v.used_type && v.nodes == v.used_nodes) return;
    v.used_type = v.type;
    v.used_nodes = v.nodes;
    v.use_error.clear();
    const core::InstanceType& t = ctx.catalog.types[static_cast<size_t>(v.type)];
    for (int i = 0; i < 2; ++i) {
        core::Result<core::CniAddressUse> u =
            core::address_use(t, v.nodes, i == 0 ? core::Cni::Vpc : core::Cni::Overlay);
        if (!u) {
            v.use_error = u.error().message;
            v.use[0] = v.use[1] = core::CniAddressUse{};
            return;
        }
        v.use[i] = *u;
    }
}

struct Row {
    std::string what, vpc, overlay;
};

std::vector<Row> rows(const ViewContext& ctx, ComparisonView& v) {
    const core::PodRef& a = v.campus[kVpc].pods.front();
    const core::PodRef& o = v.campus[kOverlay].pods.front();
    const core::Subnet* home = core::find_subnet(v.campus[kVpc].cluster.vpc, a.subnet_id);
    const core::TrafficPath vr = trace(v.campus[kVpc], a.name, core::Callee::Rds);
    const core::TrafficPath orr = trace(v.campus[kOverlay], o.name, core::Callee::Rds);
    const core::InstanceType& t = ctx.catalog.types[static_cast<size_t>(v.used_type)];
    std::vector<Row> r;
    r.push_back({"Where {desk} {nums} come from",
                 "a {building}: " + a.name + " has " + ip(a.ip) +
                     (home != nullptr ? " of " + core::format_cidr(home->cidr) : std::string()),
                 "a private range: " + o.name + " has " + ip(o.ip)});
    r.push_back({"Reaching AWS services", "direct: RDS sees " + ip(vr.seen_source),
                 "through the {switchboard}: RDS sees " + ip(orr.seen_source)});
    r.push_back(
        {"Security groups", "per {desk}, with security groups for pods", "per {room} only"});
    r.push_back({"Debugging", "flow logs show the {desk} itself", "flow logs show the {room}"});
    if (v.use_error.empty()) {
        r.push_back({"Addresses used in the {campus}",
                     std::to_string(v.use[0].vpc_addresses) + " for " +
                         std::to_string(v.used_nodes) + " " + t.name + " {rooms} at full {desks}",
                     std::to_string(v.use[1].vpc_addresses) + ": the {rooms} only"});
    } else {
        r.push_back({"Addresses used in the {campus}", "(choose fewer {rooms} below)",
                     "(choose fewer {rooms} below)"});
    }
    r.push_back({"Best for", "AWS-native workloads that talk to AWS services",
                 "multi-cloud setups and tight address plans"});
    return r;
}

void heading(const ViewContext& ctx, const std::string& text) {
    ImGui::PushFont(ctx.fonts.strong);
    wrapped_text(ctx.text(text).c_str());
    ImGui::PopFont();
}

void verdict(const ViewContext& ctx, const core::TrafficPath& p) {
    const bool direct = !p.translated && !p.encapsulated;
    wrapped_text(ctx.text(p.verdict).c_str(), direct ? color::kGood : kNodeText);
}

// Row 0: every pod's number under each system.
void demo_numbers(const ViewContext& ctx, ComparisonView& v, ViewOut& out) {
    const core::TrafficCampus& vc = v.campus[kVpc];
    const core::TrafficCampus& oc = v.campus[kOverlay];
    if (ImGui::BeginTable("##numbers", 3,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                              ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(ctx.text("{desk}").c_str());
        ImGui::TableSetupColumn(ctx.text("{vpccni}").c_str());
        ImGui::TableSetupColumn(ctx.text("{overlaycni}").c_str());
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < vc.pods.size() && i < oc.pods.size(); ++i) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%s (%s)", vc.pods[i].name.c_str(), vc.pods[i].node.c_str());
            ImGui::TableNextColumn();
            ImGui::TextColored(rgba(color::kGood), "%s", ip(vc.pods[i].ip).c_str());
            ImGui::TableNextColumn();
            ImGui::TextColored(rgba(IM_COL32(120, 80, 190, 255)), "%s", ip(oc.pods[i].ip).c_str());
        }
        ImGui::EndTable();
    }
    uint64_t used[2] = {0, 0};
    for (int s = 0; s < 2; ++s) {
        const core::TrafficCampus& c = s == 0 ? vc : oc;
        std::set<std::string> homes;  // the nodes' subnets
        for (const core::Node& n : c.cluster.nodes)
            homes.insert(n.subnet_id);
        for (const std::string& id : homes) {
            const core::Subnet* sub = core::find_subnet(c.cluster.vpc, id);
            if (sub != nullptr) used[s] += core::used_addresses(*sub);
        }
    }
    const std::string text =
        "The four {rooms} and their " + std::to_string(vc.pods.size()) + " {desks} hold " +
        std::to_string(used[0]) +
        " {building} {nums} with the {vpccni} (the {rooms}' own, "
        "their {desks}' and the spare ones), " +
        std::to_string(used[1]) + " with the overlay, whose {desk} {nums} come from " +
        core::format_cidr(oc.overlay_range) + ", a range the VPC's route tables never hear of.";
    wrapped_text(ctx.text(text).c_str(), color::kMuted);
    out.live = ctx.text("{vpccni}: " + vc.pods.front().name + " has " + ip(vc.pods.front().ip) +
                        "; {overlaycni}: " + ip(oc.pods.front().ip) + ". {building} {nums} held: " +
                        std::to_string(used[0]) + " versus " + std::to_string(used[1]) + ".");
}

void demo_services(const ViewContext& ctx, ComparisonView& v, ViewOut& out) {
    const std::string caller = v.campus[kVpc].pods.front().name;
    const core::TrafficPath vr = trace(v.campus[kVpc], caller, core::Callee::Rds);
    const core::TrafficPath orr = trace(v.campus[kOverlay], caller, core::Callee::Rds);
    heading(ctx, "{vpccni}");
    draw_call_path(ctx, vr);
    verdict(ctx, vr);
    ImGui::Spacing();
    heading(ctx, "{overlaycni}");
    draw_call_path(ctx, orr);
    verdict(ctx, orr);
    out.live = ctx.text(caller + " calls RDS. {vpccni}: RDS sees " + ip(vr.seen_source) +
                        "; {overlaycni}: RDS sees " + ip(orr.seen_source) + ".");
}

void demo_groups(const ViewContext& ctx, ComparisonView& v, ViewOut& out) {
    const std::string caller = v.campus[kVpc].pods.front().name;
    const core::TrafficPath own = trace(v.campus[kVpcSgp], caller, core::Callee::Rds);
    const core::TrafficPath shared = trace(v.campus[kVpc], caller, core::Callee::Rds);
    const core::TrafficPath ov = trace(v.campus[kOverlay], caller, core::Callee::Rds);
    const core::InstanceType& t = v.campus[kVpc].cluster.nodes.front().type;
    core::CapacityOptions sgp;
    sgp.security_groups_for_pods = true;
    const core::MaxPods m = core::max_pods(t, sgp);
    heading(ctx, "{vpccni} with security groups for pods");
    wrapped_text(ctx.text(own.security_groups).c_str(), color::kGood);
    wrapped_text(ctx.text("On a " + t.name + " up to " + std::to_string(m.branch_enis) +
                          " {desks} per {room} can have groups of their own; RDS's "
                          "security group can then allow exactly those {desks}.")
                     .c_str(),
                 color::kMuted);
    heading(ctx, "{vpccni} without it");
    wrapped_text(ctx.text(shared.security_groups).c_str());
    heading(ctx, "{overlaycni}");
    wrapped_text(ctx.text(ov.security_groups).c_str(), kNodeText);
    out.live = ctx.text("Security groups: per {desk} with the {vpccni} (up to " +
                        std::to_string(m.branch_enis) + " per " + t.name +
                        "), per {room} with the {overlaycni}.");
}

void demo_debugging(const ViewContext& ctx, ComparisonView& v, ViewOut& out) {
    wrapped_text(ctx.text("What a flow log at RDS records when both {desks} of the first "
                          "{room} call it:")
                     .c_str(),
                 color::kMuted);
    std::string live;
    for (int s : {kVpc, kOverlay}) {
        const core::TrafficCampus& c = v.campus[s];
        heading(ctx, s == kVpc ? "{vpccni}" : "{overlaycni}");
        std::set<uint32_t> sources;
        const std::string node = c.pods.front().node;
        ImGui::PushFont(ctx.fonts.small);
        for (const core::PodRef& p : c.pods) {
            if (p.node != node) continue;
            const core::TrafficPath t = trace(c, p.name, core::Callee::Rds);
            sources.insert(t.seen_source.value);
            ImGui::Text("srcaddr %-12s dstaddr %-10s ACCEPT    (really %s)",
                        ip(t.seen_source).c_str(), ip(t.callee_ip).c_str(), p.name.c_str());
        }
        ImGui::PopFont();
        const std::string says =
            sources.size() > 1
                ? "Each {desk} shows up with its own {num}: the log names the caller."
                : "Both {desks} show up as " + ip(c.cluster.nodes.front().enis.front().primary_ip) +
                      ", {room} " + node + ": the log cannot tell which {desk} called.";
        wrapped_text(ctx.text(says).c_str(), sources.size() > 1 ? color::kGood : kNodeText);
        live += ctx.text(s == kVpc ? "{vpccni}: " : " {overlaycni}: ") +
                std::to_string(sources.size()) +
                (sources.size() == 1 ? " distinct source address." : " distinct source addresses.");
    }
    out.live = live;
}

void demo_addresses(const ViewContext& ctx, ComparisonView& v, ViewOut& out) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ctx.text("{instance}").c_str());
    ImGui::SameLine();
    instance_type_picker(ctx, "cmp-type", v.type, v.filter, sizeof(v.filter));
    ImGui::SetNextItemWidth(std::min(260.0f, ImGui::GetContentRegionAvail().x));
    ImGui::SliderInt("##nodes", &v.nodes, 1, core::kMaxAddressUseNodes,
                     ctx.text("%d {rooms}").c_str(), ImGuiSliderFlags_AlwaysClamp);
    if (!ImGui::IsItemActive()) refresh_use(ctx, v);  // counted again once the slider is let go
    if (!v.use_error.empty()) {
        wrapped_text(v.use_error.c_str(), color::kBad);
        return;
    }
    const float width = ImGui::GetContentRegionAvail().x;
    const long long most =
        std::max<long long>(1, std::max(v.use[0].vpc_addresses, v.use[1].vpc_addresses));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int s = 0; s < 2; ++s) {
        const core::CniAddressUse& u = v.use[s];
        const std::string label = ctx.text(s == 0 ? "{vpccni}" : "{overlaycni}");
        const std::string count = std::to_string(u.vpc_addresses) + ctx.text(" {campus} {nums}");
        ImGui::TextUnformatted(label.c_str());
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float w =
            std::max(3.0f, width * static_cast<float>(u.vpc_addresses) / static_cast<float>(most));
        dl->AddRectFilled(p, ImVec2(p.x + width, p.y + 18), color::kSlotFree, 4);
        dl->AddRectFilled(p, ImVec2(p.x + w, p.y + 18), s == 0 ? color::kSlotDesk : kNodeText, 4);
        ImGui::Dummy(ImVec2(width, 18));
        ImGui::PushFont(ctx.fonts.strong);
        ImGui::TextUnformatted(count.c_str());
        ImGui::PopFont();
    }
    const std::string note = "Both run " + std::to_string(v.use[0].pods) + " {desks} (" +
                             std::to_string(v.use[0].pods_per_node) +
                             " per {room}: {maxpods} minus the two {hostdesks}). " +
                             "The overlay's " + std::to_string(v.use[1].overlay_addresses) +
                             " {desk} {nums} come from its private range instead.";
    wrapped_text(ctx.text(note).c_str(), color::kMuted);
    out.live =
        ctx.text(std::to_string(v.used_nodes) + " " +
                 ctx.catalog.types[static_cast<size_t>(v.used_type)].name +
                 " {rooms} at full {desks}: {vpccni} " + std::to_string(v.use[0].vpc_addresses) +
                 " {campus} {nums}, {overlaycni} " + std::to_string(v.use[1].vpc_addresses) + ".");
}

void demo_best(const ViewContext& ctx, ComparisonView& v, ViewOut& out) {
    const std::string caller = v.campus[kVpc].pods.front().name;
    const core::TrafficPath vr = trace(v.campus[kVpc], caller, core::Callee::Rds);
    const core::TrafficPath orr = trace(v.campus[kOverlay], caller, core::Callee::Rds);
    heading(ctx, "{vpccni}: AWS-native workloads");
    wrapped_text(ctx.text("RDS sees " + caller + " itself (" + ip(vr.seen_source) +
                          "), security groups can follow single {desks}, and flow "
                          "logs name the caller. The cost: " +
                          std::to_string(v.use[0].vpc_addresses) + " {campus} {nums} for " +
                          std::to_string(v.used_nodes) +
                          " full {rooms}, so plan {buildings} generously.")
                     .c_str());
    heading(ctx, "{overlaycni}: multi-cloud and tight address plans");
    wrapped_text(ctx.text("The same cluster uses " + std::to_string(v.use[1].vpc_addresses) +
                          " {campus} {nums}, and the pod network looks the same on any "
                          "cloud. The cost: RDS sees " +
                          ip(orr.seen_source) +
                          ", the {room}, and security groups stop at the {room}.")
                     .c_str());
    out.live =
        ctx.text("{vpccni}: RDS sees " + ip(vr.seen_source) + ", " +
                 std::to_string(v.use[0].vpc_addresses) + " {nums}; {overlaycni}: RDS sees " +
                 ip(orr.seen_source) + ", " + std::to_string(v.use[1].vpc_addresses) + " {nums}.");
}

// The rows as a table: what, VPC CNI, overlay; a click selects a row.
void draw_table(const ViewContext& ctx, ComparisonView& v, const std::vector<Row>& r) {
    if (ImGui::BeginTable("##compare", 3,
                          ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter |
                              ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX)) {
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 0.8f);
        ImGui::TableSetupColumn(ctx.text("{vpccni}").c_str(), ImGuiTableColumnFlags_WidthStretch,
                                1.1f);
        ImGui::TableSetupColumn(ctx.text("{overlaycni}").c_str(),
                                ImGuiTableColumnFlags_WidthStretch, 1.1f);
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        for (int c = 0; c < 3; ++c) {
            ImGui::TableNextColumn();
            ImGui::PushFont(ctx.fonts.strong);
            wrapped_text(ctx.text(c == 0 ? "" : c == 1 ? "{vpccni}" : "{overlaycni}").c_str());
            ImGui::PopFont();
        }
        for (int i = 0; i < static_cast<int>(r.size()) && i < kComparisonRows; ++i) {
            ImGui::TableNextRow();
            if (i == v.row) {
                ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, IM_COL32(255, 243, 205, 255));
            }
            ImGui::TableNextColumn();
            const float y0 = ImGui::GetCursorPosY();
            ImGui::PushID(i);
            const float h = std::max(v.row_h[i], ImGui::GetTextLineHeight());
            if (ImGui::Selectable(
                    "##row", false,
                    ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap,
                    ImVec2(0, h))) {
                v.row = i;
            }
            ImGui::PopID();
            ImGui::SetCursorPosY(y0);
            float bottom = y0;
            ImGui::PushFont(ctx.fonts.strong);
            wrapped_text(ctx.text(r[static_cast<size_t>(i)].what).c_str());
            ImGui::PopFont();
            bottom = std::max(bottom, ImGui::GetCursorPosY());
            ImGui::TableNextColumn();
            wrapped_text(ctx.text(r[static_cast<size_t>(i)].vpc).c_str());
            bottom = std::max(bottom, ImGui::GetCursorPosY());
            ImGui::TableNextColumn();
            wrapped_text(ctx.text(r[static_cast<size_t>(i)].overlay).c_str());
            bottom = std::max(bottom, ImGui::GetCursorPosY());
            v.row_h[i] = bottom - y0 - ImGui::GetStyle().ItemSpacing.y;
        }
        ImGui::EndTable();
    }
}

// The rows stacked, for narrow screens: each row a block with both answers.
void draw_list(const ViewContext& ctx, ComparisonView& v, const std::vector<Row>& r) {
    for (int i = 0; i < static_cast<int>(r.size()) && i < kComparisonRows; ++i) {
        const Row& row = r[static_cast<size_t>(i)];
        ImGui::PushID(i);
        const ImVec2 p0 = ImGui::GetCursorScreenPos();
        const float y0 = ImGui::GetCursorPosY();
        const float w = ImGui::GetContentRegionAvail().x;
        const float h = std::max(v.row_h[i], ImGui::GetTextLineHeight());
        if (i == v.row) {
            ImGui::GetWindowDrawList()->AddRectFilled(p0, ImVec2(p0.x + w, p0.y + h),
                                                      IM_COL32(255, 243, 205, 255), 6);
        }
        if (ImGui::Selectable("##row", false, ImGuiSelectableFlags_AllowItemOverlap,
                              ImVec2(w, h))) {
            v.row = i;
        }
        ImGui::SetCursorPosY(y0);
        ImGui::PushFont(ctx.fonts.strong);
        wrapped_text(ctx.text(row.what).c_str());
        ImGui::PopFont();
        const std::string a = ctx.text("{vpccni}: " + row.vpc);
        const std::string b = ctx.text("{overlaycni}: " + row.overlay);
        wrapped_text(a.c_str(), color::kGood);
        wrapped_text(b.c_str(), kNodeText);
        v.row_h[i] = ImGui::GetCursorPosY() - y0 - ImGui::GetStyle().ItemSpacing.y;
        ImGui::PopID();
        ImGui::Separator();
    }
}

}  // namespace

ViewOut draw_comparison(const ViewContext& ctx, ComparisonView& v) {
    ViewOut out;
    if (ctx.catalog.types.empty()) return ViewOut::nothing();
    if (!v.built) build(ctx, v);
    if (!v.error.empty()) {
        wrapped_text(v.error.c_str(), color::kBad);
        return out;
    }
    if (v.used_type < 0) refresh_use(ctx, v);
    const std::vector<Row> r = rows(ctx, v);
    wrapped_text("Select a row to see it at work.", color::kMuted);
    if (ImGui::GetContentRegionAvail().x < 480) {
        draw_list(ctx, v, r);
    } else {
        draw_table(ctx, v, r);
    }
    ImGui::Spacing();
    ImGui::PushFont(ctx.fonts.heading);
    wrapped_text(ctx.text(r[static_cast<size_t>(v.row)].what).c_str());
    ImGui::PopFont();
    switch (v.row) {
        case 0:
            demo_numbers(ctx, v, out);
            break;
        case 1:
            demo_services(ctx, v, out);
            break;
        case 2:
            demo_groups(ctx, v, out);
            break;
        case 3:
            demo_debugging(ctx, v, out);
            break;
        case 4:
            demo_addresses(ctx, v, out);
            break;
        default:
            demo_best(ctx, v, out);
            break;
    }
    return out;
}

}  // namespace web
