// view_vpc_cni_vs_overlay.cpp: step "vpc-cni-vs-overlay" (see view_vpc_cni_vs_overlay.h).
#include "view_vpc_cni_vs_overlay.h"

#include <algorithm>
#include <string>
#include <vector>

#include "call_path.h"
#include "draw_campus.h"
#include "imgui.h"
#include "ui.h"

namespace web {
namespace {

using color::kChosenRow;

std::string ip(core::Ipv4 a) {
    return core::format_ipv4(a);
}

std::string value(const core::VpcCniVsOverlay& m, const char* name) {
    return core::step_value(m, name);
}

void heading(const ViewContext& ctx, const std::string& text) {
    ImGui::PushFont(ctx.fonts.strong);
    wrapped_text(capitalized(ctx.text(text)).c_str());
    ImGui::PopFont();
}

// Outlines what was drawn since `top` when the text points at `part`.
void lit_since(const ViewContext& ctx, ImVec2 top, std::string_view part) {
    if (ctx.lit() != part) return;
    const ImVec2 end(top.x + ImGui::GetContentRegionAvail().x, ImGui::GetCursorScreenPos().y);
    ImGui::GetWindowDrawList()->AddRect(ImVec2(top.x - 4, top.y - 3), end, color::kHighlight, 5, 0,
                                        2.5f);
}

// One bar of the address count, on a scale shared by both.
void address_bar(const ViewContext& ctx, const std::string& label, long long used, double scale,
                 ImU32 col, std::string_view part) {
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::TextUnformatted(label.c_str());
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = std::max(
        3.0f, static_cast<float>(static_cast<double>(width) * static_cast<double>(used) / scale));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + 20), color::kSlotFree, 4);
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + 20), col, 4);
    ImGui::Dummy(ImVec2(width, 20));
    ImGui::PushFont(ctx.fonts.strong);
    ImGui::TextUnformatted((std::to_string(used) + ctx.text(" {building} {nums}")).c_str());
    ImGui::PopFont();
    lit_since(ctx, top, part);
}

// The address row: both counts as bars, with the size of a /20 building marked.
void demo_addresses(const ViewContext& ctx, const core::VpcCniVsOverlay& m) {
    const long long size = std::atoll(value(m, "buildingsize").c_str());
    const double scale = static_cast<double>(std::max(
                             {m.use_vpc.vpc_addresses, m.use_overlay.vpc_addresses, size})) *
                         1.08;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    heading(ctx, value(m, "nodes") + " " + m.type.name + " {rooms}, full of {desks}");
    address_bar(ctx, capitalized(ctx.text("{vpccni}")), m.use_vpc.vpc_addresses, scale,
                color::kOwnNumber, "vpcused");
    address_bar(ctx, capitalized(ctx.text("{overlaycni}")), m.use_overlay.vpc_addresses, scale,
                color::kRoomNumber, "overlayused");
    // The marker: what one /20 building holds.
    const float x =
        top.x + static_cast<float>(static_cast<double>(width) * static_cast<double>(size) / scale);
    const float y1 = ImGui::GetCursorScreenPos().y;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (float y = top.y + 22; y < y1 - 4; y += 8)
        dl->AddLine(ImVec2(x, y), ImVec2(x, y + 4), color::kInk, 1.5f);
    const std::string mark = ctx.text("a /20 {building} holds ") + value(m, "buildingsize");
    const ImVec2 ts = ImGui::CalcTextSize(mark.c_str());
    const float tx = std::clamp(x - ts.x / 2, top.x, top.x + width - ts.x);
    ImGui::Dummy(ts);
    dl->AddRectFilled(ImVec2(tx - 2, y1), ImVec2(tx + ts.x + 2, y1 + ts.y), color::kRoom);
    draw_text(dl, ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(tx, y1),
              ctx.lit() == "buildingsize" ? color::kHighlight : color::kMuted, mark.c_str());
    wrapped_text(ctx.text("Both run " + value(m, "pods") + " {desks}, " + value(m, "perroom") +
                          " to a {room} ({maxpods} less the two {hostdesks}). The overlay's "
                          "{desk} {nums} come from its private range instead.")
                     .c_str(),
                 color::kMuted);
}

// The numbers row: every desk's number under each CNI.
void demo_numbers(const ViewContext& ctx, const core::VpcCniVsOverlay& m) {
    const ImVec2 top = ImGui::GetCursorScreenPos();
    if (ImGui::BeginTable("##numbers", 3,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                              ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(capitalized(ctx.text("{desk}")).c_str());
        ImGui::TableSetupColumn(capitalized(ctx.text("{vpccni}")).c_str());
        ImGui::TableSetupColumn(capitalized(ctx.text("{overlaycni}")).c_str());
        ImGui::TableHeadersRow();
        for (const core::DeskNumbers& d : core::desk_numbers(m)) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted((d.pod + ctx.text(", {room} ") + d.node).c_str());
            ImGui::TableNextColumn();
            ImGui::TextColored(rgba(color::kOwnNumber), "%s", ip(d.vpc).c_str());
            ImGui::TableNextColumn();
            ImGui::TextColored(rgba(color::kPrivateNumber), "%s", ip(d.overlay).c_str());
        }
        ImGui::EndTable();
    }
    lit_since(ctx, top, ctx.lit() == "vpcdesk" ? "vpcdesk" : "overlayrange");
    wrapped_text(ctx.text("In the {rooms}' {buildings} these four {rooms} hold " +
                          std::to_string(core::numbers_held(m.campuses.vpc)) +
                          " {nums} with the {vpccni}, " +
                          std::to_string(core::numbers_held(m.campuses.overlay)) +
                          " with the overlay: its {desks}' {nums} come from " +
                          value(m, "overlayrange") + ", a range the {campus} never hears of.")
                     .c_str(),
                 color::kMuted);
}

// The services row: web-1's call to RDS under each CNI.
void demo_services(const ViewContext& ctx, const core::VpcCniVsOverlay& m) {
    const core::TrafficPath sides[2] = {core::database_call(m.campuses.vpc),
                                        core::database_call(m.campuses.overlay)};
    const char* names[2] = {"{vpccni}", "{overlaycni}"};
    const char* parts[2] = {"rdsvpc", "rdsoverlay"};
    const bool narrow = ImGui::GetContentRegionAvail().x < 500;  // a phone: in words
    for (int i = 0; i < 2; ++i) {
        const core::TrafficPath& p = sides[i];
        heading(ctx, names[i]);
        if (narrow) {
            std::string changes;
            for (const core::Hop& h : p.hops) {
                if (!h.change.empty())
                    changes += (h.kind == core::HopKind::Node ? "The {switchboard} in " + h.name
                                                              : h.name) +
                               " " + h.change + ". ";
            }
            wrapped_text(
                ctx.text(changes.empty() ? "Nothing changes the call on its way." : changes)
                    .c_str(),
                color::kMuted);
        } else {
            draw_call_path(ctx, p);
        }
        const ImVec2 top = ImGui::GetCursorScreenPos();
        wrapped_text(capitalized(ctx.text(p.callee_name + " sees " + ip(p.seen_source) + ": " +
                                          p.seen_as + "."))
                         .c_str(),
                     i == 0 ? color::kOwnNumber : color::kRoomNumber);
        lit_since(ctx, top, parts[i]);
        ImGui::Spacing();
    }
}

// The security-group row: per desk with the VPC CNI's security groups for pods, per room
// otherwise.
void demo_groups(const ViewContext& ctx, const core::VpcCniVsOverlay& m) {
    heading(ctx, "{vpccni} with security groups for {desks}");
    wrapped_text(ctx.text(core::database_call(m.campuses.vpc_own_groups).security_groups).c_str(),
                 color::kOwnNumber);
    const std::string type =
        m.campuses.vpc.cluster.nodes.empty() ? "" : m.campuses.vpc.cluster.nodes[0].type.name;
    wrapped_text(ctx.text("Up to " + value(m, "branch") + " {desks} of each " + type +
                          " {room} can have groups of their own; RDS's group can then let in "
                          "exactly those {desks}.")
                     .c_str(),
                 color::kMuted);
    heading(ctx, "{vpccni} without them");
    wrapped_text(ctx.text(core::database_call(m.campuses.vpc).security_groups).c_str());
    heading(ctx, "{overlaycni}");
    wrapped_text(ctx.text(core::database_call(m.campuses.overlay).security_groups).c_str(),
                 color::kRoomNumber);
}

// The debugging row: what a flow log at RDS records for the two desks of room A1.
void demo_debugging(const ViewContext& ctx, const core::VpcCniVsOverlay& m) {
    wrapped_text(ctx.text("A flow log at RDS, when both {desks} of {room} A1 call it:").c_str(),
                 color::kMuted);
    const core::TrafficCampus* sides[2] = {&m.campuses.vpc, &m.campuses.overlay};
    const char* names[2] = {"{vpccni}", "{overlaycni}"};
    const char* parts[2] = {"vpcsources", "overlaysources"};
    for (int i = 0; i < 2; ++i) {
        const ImVec2 top = ImGui::GetCursorScreenPos();
        heading(ctx, names[i]);
        const std::vector<core::FlowLogLine> log = core::flow_log(*sides[i]);
        ImGui::PushFont(ctx.fonts.small);
        for (const core::FlowLogLine& l : log) {
            ImGui::Text("srcaddr %-11s dstaddr %s  ACCEPT", ip(l.source).c_str(),
                        ip(l.destination).c_str());
            ImGui::SameLine();
            ImGui::TextDisabled("(%s)", ctx.text("really {desk} " + l.really).c_str());
        }
        ImGui::PopFont();
        const bool apart = log.size() > 1 && log[0].source != log[1].source;
        wrapped_text(ctx.text(apart ? "Each {desk} shows up with its own {num}: the log names "
                                      "the caller."
                                    : "Both {desks} show up as {room} A1: the log cannot tell "
                                      "which {desk} called.")
                         .c_str(),
                     apart ? color::kOwnNumber : color::kRoomNumber);
        lit_since(ctx, top, parts[i]);
    }
}

// The last row: what each suits.
void demo_best(const ViewContext& ctx, const core::VpcCniVsOverlay& m) {
    heading(ctx, "{vpccni}");
    wrapped_text(ctx.text("Workloads that talk to AWS services: RDS sees the {desk} itself (" +
                          value(m, "rdsvpc") +
                          "), security groups can guard single {desks}, flow logs name the "
                          "caller. The price: " +
                          value(m, "vpcused") + " {building} {nums} for " + value(m, "nodes") +
                          " full {rooms}; plan {buildings} generously.")
                     .c_str());
    ImGui::Spacing();
    heading(ctx, "{overlaycni}");
    wrapped_text(ctx.text("Tight address plans, and a network that looks the same on any cloud: " +
                          value(m, "overlayused") +
                          " {building} {nums} for the same {rooms}. The price: RDS sees the "
                          "{room} (" +
                          value(m, "rdsoverlay") + "), and security groups stop at the {room}.")
                     .c_str());
}

// The figure of each row, in the order of core::CompareRow.
void (*const kDemos[core::kCompareRows])(const ViewContext&, const core::VpcCniVsOverlay&) = {
    demo_numbers, demo_services, demo_groups, demo_debugging, demo_addresses, demo_best};

void demo(const ViewContext& ctx, const core::VpcCniVsOverlay& m) {
    kDemos[static_cast<int>(m.row)](ctx, m);
}

// The room size and how many rooms (the address row).
void draw_count_controls(const ViewContext& ctx, core::VpcCniVsOverlay& m, VpcCniVsOverlayUi& ui) {
    room_size_setting(ctx, "vpc-cni-vs-overlay", m, ui.filter);  // a refusal: m.refused
    int nodes = m.nodes;
    // NoInput: focused by Tab, the slider moves with the arrows (after Space), as a slider of a
    // web page does; it does not turn into a text field (web/keyboard.h).
    ImGui::SetNextItemWidth(std::min(260.0f, ImGui::GetContentRegionAvail().x));
    if (ImGui::SliderInt("##nodes", &nodes, 1, core::kMaxAddressUseNodes,
                         ctx.text("%d {rooms}").c_str(),
                         ImGuiSliderFlags_AlwaysClamp | ImGuiSliderFlags_NoInput) &&
        nodes != m.nodes) {
        (void)core::set(m, {"nodes", false, nodes, {}}, ctx.catalog);
    }
}

// One row of the table (wide) or of the list (narrow); a click anywhere on it picks it.
// Returns where it starts (screen y).
float draw_row(const ViewContext& ctx, core::VpcCniVsOverlay& m, VpcCniVsOverlayUi& ui,
               const core::CompareRowText& r, int i, bool table) {
    const float y0 = ImGui::GetCursorPosY();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float h = std::max(ui.row_h[i], ImGui::GetTextLineHeight());
    const std::string id = std::string("##row-") + core::row_key(r.row);
    const bool chosen = m.row == r.row;
    if (table && chosen) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, kChosenRow);
    if (!table && chosen)
        ImGui::GetWindowDrawList()->AddRectFilled(
            p0, ImVec2(p0.x + ImGui::GetContentRegionAvail().x, p0.y + h), kChosenRow, 6);
    const ImGuiSelectableFlags flags =
        ImGuiSelectableFlags_AllowItemOverlap | (table ? ImGuiSelectableFlags_SpanAllColumns : 0);
    if (ImGui::Selectable(id.c_str(), false, flags, ImVec2(0, h))) core::show_row(m, r.row);
    ImGui::SetCursorPosY(y0);
    heading(ctx, r.what);
    float bottom = ImGui::GetCursorPosY();
    if (table) {
        ImGui::TableNextColumn();
        wrapped_text(ctx.text(r.vpc).c_str());
        bottom = std::max(bottom, ImGui::GetCursorPosY());
        ImGui::TableNextColumn();
        wrapped_text(ctx.text(r.overlay).c_str());
        bottom = std::max(bottom, ImGui::GetCursorPosY());
    } else {
        wrapped_text(capitalized(ctx.text("{vpccni}: " + r.vpc)).c_str(), color::kOwnNumber);
        wrapped_text(capitalized(ctx.text("{overlaycni}: " + r.overlay)).c_str(),
                     color::kRoomNumber);
        bottom = ImGui::GetCursorPosY();
    }
    ui.row_h[i] = bottom - y0 - ImGui::GetStyle().ItemSpacing.y;
    return p0.y;
}

// The comparison, row by row; the learner picks the row the figure shows.
void draw_rows(const ViewContext& ctx, core::VpcCniVsOverlay& m, VpcCniVsOverlayUi& ui) {
    const std::vector<core::CompareRowText> rows = core::compare_rows(m);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const bool table = width >= 480;
    float lit_y = -1, lit_h = 0;  // the row the text points at, outlined across the table
    auto row = [&](int i) {
        const float y = draw_row(ctx, m, ui, rows[static_cast<size_t>(i)], i, table);
        if (ctx.lit() == core::row_key(rows[static_cast<size_t>(i)].row)) {
            lit_y = y;
            lit_h = ui.row_h[i];
        }
    };
    if (table &&
        ImGui::BeginTable("##compare", 3,
                          ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter |
                              ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX)) {
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 0.8f);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 1.1f);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 1.1f);
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        for (const char* h : {"", "{vpccni}", "{overlaycni}"}) {
            ImGui::TableNextColumn();
            heading(ctx, h);
        }
        for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(i);
            row(i);
            ImGui::PopID();
        }
        ImGui::EndTable();
    } else if (!table) {
        for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
            ImGui::PushID(i);
            row(i);
            ImGui::PopID();
            ImGui::Separator();
        }
    }
    lit_since(ctx, top, "rows");
    if (lit_y >= 0)
        ImGui::GetWindowDrawList()->AddRect(ImVec2(top.x - 2, lit_y - 3),
                                            ImVec2(top.x + width + 2, lit_y + lit_h + 3),
                                            color::kHighlight, 4, 0, 2.5f);
}

}  // namespace

ViewOut draw_vpc_cni_vs_overlay(const ViewContext& ctx, core::VpcCniVsOverlay& m,
                                VpcCniVsOverlayUi& ui) {
    ViewOut out;
    if (m.campuses.vpc.pods.empty() || m.campuses.overlay.pods.empty()) {
        wrapped_text(ctx.text(m.message).c_str(), color::kBad);
        out.live = ctx.text(m.message);
        return out;
    }
    // The figure: the row being compared, at work.
    out.figure_min = ImGui::GetCursorScreenPos();
    demo(ctx, m);
    out.figure_max =
        ImVec2(out.figure_min.x + ImGui::GetContentRegionAvail().x, ImGui::GetCursorScreenPos().y);
    if (m.row == core::CompareRow::Addresses) draw_count_controls(ctx, m, ui);
    if (!m.refused.empty()) wrapped_text(ctx.text(m.refused).c_str(), color::kBad);
    ImGui::Spacing();
    wrapped_text("Pick a row to see it at work:", color::kMuted);
    draw_rows(ctx, m, ui);

    const core::CompareRowText row = core::compare_rows(m)[static_cast<size_t>(m.row)];
    out.live = capitalized(ctx.text(row.what)) + ". " +
               capitalized(ctx.text("{vpccni}: " + row.vpc)) + ". " +
               capitalized(ctx.text("{overlaycni}: " + row.overlay)) + ".";
    return out;
}

}  // namespace web
