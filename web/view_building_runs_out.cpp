// view_building_runs_out.cpp: step "building-runs-out" (see view_building_runs_out.h).
#include "view_building_runs_out.h"

#include <algorithm>
#include <string>
#include <vector>

#include "draw_campus.h"
#include "imgui.h"
#include "locate.h"
#include "occupancy.h"
#include "ui.h"

namespace web {
namespace {

constexpr float kGap = 12;

// "Building B" in campus words, "subnet-b" in AWS words.
std::string building_name(const ViewContext& ctx, const core::Subnet& s) {
    return ctx.aws() ? s.id : s.name;
}

// "Room 2" / "node-2".
std::string room_name(const ViewContext& ctx, const std::string& node) {
    if (ctx.aws()) return node;
    const size_t dash = node.rfind('-');
    return capitalized(ctx.text("{room} ")) + node.substr(dash == std::string::npos ? 0 : dash + 1);
}

void outline(ImVec2 a, ImVec2 z) {
    ImGui::GetWindowDrawList()->AddRect(ImVec2(a.x - 3, a.y - 3), ImVec2(z.x + 3, z.y + 3),
                                        color::kHighlight, 9, 0, 2.5f);
}

// The line under a building's title: its range, and what part of it is kept for blocks.
std::string building_subtitle(const ViewContext& ctx, const core::Subnet& s) {
    std::string sub = core::format_cidr(s.cidr);
    if (s.prefix_reservation)
        sub += ", " + core::format_cidr(*s.prefix_reservation) + ctx.text(" kept for {blocks}");
    return sub;
}

// One building with its counts; returns its rectangle's corner.
ImVec2 draw_one_building(const ViewContext& ctx, const core::BuildingRunsOut& m,
                         const core::Subnet& s, float width, bool lit) {
    const std::string_view part = ctx.lit();
    BuildingStyle bs;
    bs.cluster = &m.cluster;
    bs.max_width = width;
    bs.show_counts = false;
    bs.title = building_name(ctx, s);
    bs.subtitle = building_subtitle(ctx, s);
    if (part == "reserved" || part == "usable" || part == "addresses")
        bs.lit_use = static_cast<int>(core::AddressUse::Reserved);
    if (part == "pool" || part == "used") bs.lit_use = static_cast<int>(core::AddressUse::Ip);
    if (part == "free") bs.lit_use = static_cast<int>(core::AddressUse::Free);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 size = draw_building(ctx, s, bs);
    if (lit) outline(at, ImVec2(at.x + size.x, at.y + size.y));
    const core::SubnetUsage u = core::subnet_usage(s);
    ImGui::PushFont(ctx.fonts.small);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + size.x);
    std::string counts = std::to_string(core::aws_usable_addresses(s.cidr)) +
                         ctx.text(" to hand out, ") + std::to_string(u.free) + " free";
    if (s.tags.count(core::kSubnetRoleTag) > 0) counts += ctx.text("; the {cnitag}");
    ImGui::TextColored(rgba(color::kMuted), "%s", counts.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    return ImVec2(at.x + size.x, ImGui::GetCursorScreenPos().y);
}

// The rooms' building, and building B (or C) beside it when the column is wide enough.
void draw_buildings(const ViewContext& ctx, const core::BuildingRunsOut& m) {
    const std::string_view part = ctx.lit();
    std::vector<const core::Subnet*> shown;
    for (const char* id : {core::kBuildingA, core::kBuildingC, core::kBuildingB}) {
        if (const core::Subnet* s = core::find_subnet(m.cluster.vpc, id)) shown.push_back(s);
    }
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool side = shown.size() > 1 && avail >= 300;
    const float w = side ? (avail - kGap) / 2 : std::min(avail, 560.0f);
    for (size_t i = 0; i < shown.size(); ++i) {
        const core::Subnet& s = *shown[i];
        const bool lit = (s.id == core::kBuildingA && part == "building") ||
                         (s.id == core::kBuildingB && (part == "second" || part == "freeb")) ||
                         (s.id == core::kBuildingC && part == "own") ||
                         (part == "reservation" && s.prefix_reservation);
        if (i > 0 && side && i % 2 == 1) ImGui::SameLine(0, kGap);
        ImGui::BeginGroup();
        draw_one_building(ctx, m, s, w, lit);
        ImGui::EndGroup();
    }
}

// The rooms side by side, each a third of the column at most.
void draw_rooms(const ViewContext& ctx, const core::BuildingRunsOut& m) {
    const std::string_view part = ctx.lit();
    const float avail = ImGui::GetContentRegionAvail().x;
    const size_t n = std::max<size_t>(1, m.cluster.nodes.size());
    const float w = std::max(110.0f, (avail - kGap * static_cast<float>(n - 1)) /
                                         static_cast<float>(std::max<size_t>(n, 3)));
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImVec2 bottom = top;
    float x = 0;
    for (size_t i = 0; i < m.cluster.nodes.size(); ++i) {
        const core::Node& node = m.cluster.nodes[i];
        if (i > 0) {
            if (x + kGap + w <= avail + 1) {
                ImGui::SameLine(0, kGap);
                x += kGap;
            } else {
                x = 0;
            }
        }
        RoomStyle rs;
        rs.max_width = w;
        rs.title = room_name(ctx, node.name);
        rs.show_pending = true;
        rs.highlight = part == "pool" ? kHighlightPodSlots : kHighlightNone;
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const ImVec2 used = draw_room(ctx, node, rs);
        x += used.x;
        bottom = ImVec2(std::max(bottom.x, at.x + used.x), std::max(bottom.y, at.y + used.y));
        if (part == "waiting" && !node.pending.empty())
            outline(at, ImVec2(at.x + used.x, at.y + used.y));
    }
    if (m.cluster.nodes.empty())
        wrapped_text(ctx.text("No {rooms} yet: add one below.").c_str(), color::kMuted);
    else if (part == "rooms" || part == "maxdesks")
        outline(top, bottom);
}

ImU32 block_color(core::BlockState b) {
    switch (b) {
        case core::BlockState::Free:
            return color::kSlotFree;
        case core::BlockState::Prefix:
            return color::kAddrPrefix;
        case core::BlockState::Broken:  // its own colour: orange is a panel's own number
            return color::kBadCell;
        case core::BlockState::Full:
            return color::kAddrIp;
        case core::BlockState::Reserved:
            return color::kAddrReserved;
    }
    return color::kSlotFree;
}

// One run's square: its colour, a green edge when free, a red slash when broken up. The
// key draws its squares with this too, so it shows what the strip shows.
void draw_block_cell(ImDrawList* dl, ImVec2 a, ImVec2 z, core::BlockState b) {
    dl->AddRectFilled(a, z, block_color(b), 3);
    if (b == core::BlockState::Free) dl->AddRect(a, z, color::kGood, 3, 0, 1.5f);
    if (b == core::BlockState::Broken)
        dl->AddLine(ImVec2(a.x + 2, a.y + 2), ImVec2(z.x - 2, z.y - 2), color::kBad, 2);
}

// One square per aligned run of 16 in the rooms' building, coloured by its state, with a key.
void draw_blocks(const ViewContext& ctx, const core::Subnet& s, bool lit) {
    const std::vector<core::BlockState> blocks = core::block_states(s);
    if (blocks.empty()) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImGui::PushFont(ctx.fonts.small);
    const std::string head = ctx.text("Runs of 16 in ") + building_name(ctx, s) + ":";
    ImGui::TextUnformatted(head.c_str());
    ImGui::SameLine();
    const float side = 14;
    const ImVec2 o = ImGui::GetCursorScreenPos();
    for (size_t i = 0; i < blocks.size(); ++i) {
        const ImVec2 a(o.x + static_cast<float>(i) * (side + 3), o.y + 1);
        const ImVec2 z(a.x + side, a.y + side);
        draw_block_cell(dl, a, z, blocks[i]);
    }
    const float w = static_cast<float>(blocks.size()) * (side + 3);
    ImGui::Dummy(ImVec2(w, side + 2));
    if (lit) outline(o, ImVec2(o.x + w, o.y + side + 2));
    // Only what the address key under the picture does not say already: a run that is a
    // block is purple there, one holding AWS's reserved numbers grey.
    const core::BlockState order[] = {core::BlockState::Free, core::BlockState::Broken,
                                      core::BlockState::Full};
    const char* names[] = {"free run", "broken up", "full of single {nums}"};
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    bool first = true;
    for (int k = 0; k < 3; ++k) {
        if (std::find(blocks.begin(), blocks.end(), order[k]) == blocks.end()) continue;
        const std::string label = ctx.text(names[k]);
        const float lw = 16 + ImGui::CalcTextSize(label.c_str()).x;
        if (!first) {
            ImGui::SameLine(0, 10);
            if (ImGui::GetCursorScreenPos().x + lw > right) ImGui::NewLine();
        }
        first = false;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        draw_block_cell(dl, ImVec2(p.x, p.y + 2), ImVec2(p.x + 11, p.y + 13), order[k]);
        ImGui::Dummy(ImVec2(11, 13));
        ImGui::SameLine(0, 5);
        ImGui::TextDisabled("%s", label.c_str());
    }
    ImGui::PopFont();
}

// Why a panel is in its building, in the learner's words.
std::string placement_why(const ViewContext& ctx, core::Placement placed) {
    switch (placed) {
        case core::Placement::NodeSubnet:
        case core::Placement::Trunk:
            return ctx.text("the {firstpanel} always stays in the {room}'s own {building}");
        case core::Placement::MostFree:
            return ctx.text("the most free {nums} of the {buildings} it may use");
        case core::Placement::NextEligible:
            return ctx.text("the next {building} it may use, after the first said no");
        case core::Placement::DiscoveryOff:
        case core::Placement::CustomNetworking:
            break;
    }
    return ctx.text("the only {building} it may use");
}

// Each room's panels in one line ("Room 1: 1 A, 2 A, 3 B"), then why, one line per reason,
// with the free numbers the first such panel saw.
void draw_placements(const ViewContext& ctx, const core::BuildingRunsOut& m) {
    auto letter = [&](const std::string& id) {  // "B", or "subnet-b" in AWS words
        const core::Subnet* s = core::find_subnet(m.cluster.vpc, id);
        if (s == nullptr) return id;
        return ctx.aws() || s->name.empty() ? s->id : s->name.substr(s->name.size() - 1);
    };
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const std::vector<core::PanelPlace> places = core::panel_places(m);
    ImGui::PushFont(ctx.fonts.small);
    std::string line;
    for (size_t i = 0; i < places.size(); ++i) {
        const core::PanelPlace& p = places[i];
        line += (p.device == 0 ? room_name(ctx, p.room) + ": " + ctx.text("{panels} ") : ", ") +
                std::to_string(p.device + 1) + " \xE2\x86\x92 " + letter(p.building);
        if (i + 1 == places.size() || places[i + 1].room != p.room) {
            wrapped_text(line.c_str());
            line.clear();
        }
    }
    std::vector<std::string> seen;  // one line per reason and building
    for (const core::PanelPlace& p : places) {
        const std::string key = std::to_string(static_cast<int>(p.placed)) + p.building;
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
        seen.push_back(key);
        std::string why =
            "\xE2\x86\x92 " + letter(p.building) + ": " + placement_why(ctx, p.placed);
        if (!p.ranked.empty()) {
            why += " (";
            for (size_t i = 0; i < p.ranked.size(); ++i)
                why += (i ? ", " : "") + letter(p.ranked[i].subnet_id) + " " +
                       std::to_string(p.ranked[i].free);
            why += ctx.text(" free then)");
        }
        wrapped_text(why.c_str(), p.building == core::kBuildingB ? color::kAccent : color::kMuted);
    }
    ImGui::PopFont();
    if (ctx.lit() == "placement" || ctx.lit() == "panelsb")
        outline(top,
                ImVec2(top.x + ImGui::GetContentRegionAvail().x, ImGui::GetCursorScreenPos().y));
    ImGui::Spacing();
}

// What holds the desks back: the AWS code and the first waiting desk's reason.
void draw_status(const ViewContext& ctx, const core::BuildingRunsOut& m) {
    const std::string code = core::blocking_code(m);
    const core::PodCounts pods = core::pod_counts(m.cluster);
    if (!code.empty()) {
        ImGui::PushFont(ctx.fonts.strong);
        ImGui::TextColored(rgba(color::kBad), "%s", code.c_str());
        ImGui::PopFont();
        if (pods.waiting == 0)
            wrapped_text(ctx.text("A {manager} asked AWS for more {nums} and was refused; every "
                                  "{desk} still has its {ext}.")
                             .c_str(),
                         color::kMuted);
    }
    if (pods.waiting > 0) {
        const std::string line = std::to_string(pods.waiting) + " " +
                                 ctx.text(pods.waiting == 1 ? "{desk}" : "{desks}") +
                                 ctx.text(" waiting in ContainerCreating for an {ext}.");
        wrapped_text(line.c_str(), color::kBad);
    }
    if (!m.message.empty()) wrapped_text(ctx.text(m.message).c_str(), color::kBad);
}

// Sets one knob of the model from the view; a refusal lands in the model's message.
void set_knob(const ViewContext& ctx, core::BuildingRunsOut& m, const char* name, long long n) {
    core::Status st = core::set(m, core::Setting{name, false, n, {}}, ctx.catalog);
    if (!st) m.message = st.error().message;
}

// Desks, rooms and the second building: the presses.
void draw_presses(const ViewContext& ctx, core::BuildingRunsOut& m) {
    const core::PodCounts pods = core::pod_counts(m.cluster);
    if (flow_button(ctx.text("Add a {desk}").c_str(), true))
        core::apply(m, core::BuildingPress::AddDesk);
    if (flow_button(ctx.text("Add 5 {desks}").c_str()))
        core::apply(m, core::BuildingPress::AddDesks);
    ImGui::BeginDisabled(pods.running + pods.waiting == 0);
    if (flow_button(ctx.text("Remove a {desk}").c_str()))
        core::apply(m, core::BuildingPress::RemoveDesk);
    ImGui::EndDisabled();
    if (flow_button(ctx.text("Add a {room}").c_str(), true))
        core::apply(m, core::BuildingPress::AddRoom);
    ImGui::BeginDisabled(m.cluster.nodes.empty());
    if (flow_button(ctx.text("Remove a {room}").c_str()))
        core::apply(m, core::BuildingPress::RemoveRoom);
    ImGui::EndDisabled();
}

// The settings: the building's size, prefix delegation and its cures, other things.
void draw_settings(const ViewContext& ctx, core::BuildingRunsOut& m) {
    ImGui::AlignTextToFramePadding();
    const core::Subnet* a = core::find_subnet(m.cluster.vpc, core::kBuildingA);
    ImGui::TextUnformatted(((a ? building_name(ctx, *a) : std::string("A")) + ": /").c_str());
    ImGui::SameLine(0, 2);
    int size = m.size;
    if (stepper("size", size, 24, 28)) set_knob(ctx, m, "size", size);
    const bool blocks_told = m.prefix || m.scatter || !m.cluster.others.empty();
    if (!blocks_told) {  // prefix delegation comes in a later beat
        if (flow_button("Start over", true)) core::apply(m, core::BuildingPress::StartOver);
        return;
    }
    bool on = m.prefix;
    if (checkbox_wrapped(ctx.text("A {block} in each {slot} (prefix delegation)").c_str(), &on))
        set_knob(ctx, m, "prefix", on);
    if (m.prefix) {
        ImGui::Indent(12);
        on = m.scatter;
        if (checkbox_wrapped(ctx.text("Single {nums} spread out, as EC2 does").c_str(), &on))
            set_knob(ctx, m, "scatter", on);
        on = m.reserve;
        ImGui::BeginDisabled(m.size >= 28);
        if (checkbox_wrapped(ctx.text("Cure: keep the upper half for {blocks}").c_str(), &on))
            set_knob(ctx, m, "reserve", on);
        ImGui::EndDisabled();
        on = m.dedicated;
        if (checkbox_wrapped(ctx.text("Cure: a {building} of the {rooms}' own").c_str(), &on))
            set_knob(ctx, m, "dedicated", on);
        ImGui::Unindent(12);
    }
    if (flow_button(ctx.text("Other things take 4 {nums}").c_str(), true))
        core::apply(m, core::BuildingPress::OthersTake);
    ImGui::BeginDisabled(m.cluster.others.empty());
    if (flow_button("They give them back")) core::apply(m, core::BuildingPress::OthersLeave);
    ImGui::EndDisabled();
    if (flow_button("Start over")) core::apply(m, core::BuildingPress::StartOver);
}

// The numbers in a sentence, for screen readers and the tests (AWS words).
std::string live_sentence(const core::BuildingRunsOut& m) {
    auto v = [&](const char* name) { return core::step_value(m, name); };
    std::string s = "subnet-a 10.0.1.0/" + v("size") + ": " + v("addresses") + " addresses, " +
                    v("usable") + " usable, " + v("used") + " used, " + v("free") + " free; " +
                    v("rooms") + " nodes in " + core::rooms_building(m) + ", " + v("running") +
                    " pods running, " + v("waiting") + " waiting in ContainerCreating";
    if (m.second != core::SecondBuilding::None)
        s += std::string("; subnet-b ") +
             (m.second == core::SecondBuilding::Tagged ? "tagged" : "untagged") + ", " +
             v("panelsb") + " ENIs in it";
    if (m.prefix) s += "; " + v("freeblocks") + " free aligned /28 blocks";
    const std::string code = core::blocking_code(m);
    if (!code.empty()) s += " (" + code + ")";
    return s + ".";
}

}  // namespace

ViewOut draw_building_runs_out(const ViewContext& ctx, core::BuildingRunsOut& m,
                               BuildingRunsOutUi&) {
    ViewOut out;
    const core::Subnet* home = core::find_subnet(m.cluster.vpc, core::rooms_building(m));
    if (home == nullptr) {
        wrapped_text(m.message.empty() ? "The building could not be built." : m.message.c_str(),
                     color::kBad);
        out.live = m.message;
        return out;
    }
    // The figure: the buildings, the rooms under them, where the panels went.
    out.figure_min = ImGui::GetCursorScreenPos();
    draw_buildings(ctx, m);
    // The sign goes right under the building it is for: the press and what it changes are
    // one glance apart, on a phone too.
    if (m.second == core::SecondBuilding::Untagged &&
        ImGui::Button(ctx.text("Give {building} B the {cnitag}").c_str()))
        core::apply(m, core::BuildingPress::SecondTagged);
    ImGui::Spacing();
    draw_rooms(ctx, m);
    if (m.prefix)
        draw_blocks(
            ctx, *home,
            ctx.lit() == "blocks" || ctx.lit() == "freeblocks" || ctx.lit() == "brokenblocks");
    if (m.second != core::SecondBuilding::None) draw_placements(ctx, m);
    out.figure_max =
        ImVec2(out.figure_min.x + ImGui::GetContentRegionAvail().x, ImGui::GetCursorScreenPos().y);
    unsigned legend = kLegendReserved | kLegendAddrFree | kLegendMainExt | kLegendPod | kLegendWarm;
    if (m.prefix) legend |= kLegendAddrPrefix;
    if (!m.cluster.others.empty()) legend |= kLegendAddrOther;
    draw_legend(ctx, legend);

    // The learner's hand, then what AWS answered: the answer appearing under the buttons
    // moves none of them from under the pointer.
    ImGui::Spacing();
    draw_presses(ctx, m);
    draw_status(ctx, m);
    ImGui::Spacing();
    draw_settings(ctx, m);
    out.live = live_sentence(m);
    return out;
}

}  // namespace web
