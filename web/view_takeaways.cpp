// view_takeaways.cpp: step "takeaways", the playground (see view_takeaways.h). Every change
// is a call into core/steps/takeaways.h; every choice offered comes from core.
#include "view_takeaways.h"

#include <algorithm>
#include <string>
#include <vector>

#include "capacity.h"
#include "draw_campus.h"
#include "fragment.h"
#include "imgui.h"
#include "ipam.h"
#include "locate.h"
#include "platform.h"
#include "subnet_plan.h"
#include "ui.h"

namespace web {
namespace {

constexpr const char* kVpcChoices[] = {"10.0.0.0/16", "10.0.0.0/20", "172.16.0.0/16",
                                       "192.168.0.0/24"};
constexpr const char* kZones[] = {"us-east-1a", "us-east-1b", "us-east-1c"};

std::string count(const ViewContext& ctx, size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + ctx.text(n == 1 ? one : many);
}

// A room's name as the learner reads it: "node-a-1" stays in AWS words, "room a-1" else.
std::string room_name(const ViewContext& ctx, const std::string& node) {
    if (ctx.aws() || node.rfind("node-", 0) != 0) return node;
    return "room " + node.substr(5);
}

// A building's name: its id in AWS words ("subnet-b"), its name else ("Building B").
std::string building_name(const ViewContext& ctx, const core::Vpc& vpc, const std::string& id) {
    const core::Subnet* s = core::find_subnet(vpc, id);
    return ctx.aws() || s == nullptr ? id : s->name;
}

// A drop-down over fixed strings; true when the choice changed.
bool choice(const char* id, int& index, const std::vector<std::string>& items, float width) {
    if (items.empty()) return false;
    index = std::clamp(index, 0, static_cast<int>(items.size()) - 1);
    bool changed = false;
    float fit = 0;
    for (const std::string& item : items)
        fit = std::max(fit, ImGui::CalcTextSize(item.c_str()).x);
    fit += ImGui::GetFrameHeight() + 2 * ImGui::GetStyle().FramePadding.x;
    ImGui::SetNextItemWidth(std::min(std::max(width, fit), ImGui::GetContentRegionAvail().x));
    if (ImGui::BeginCombo(id, items[static_cast<size_t>(index)].c_str())) {
        for (size_t i = 0; i < items.size(); ++i) {
            if (ImGui::Selectable(items[i].c_str(), static_cast<int>(i) == index)) {
                index = static_cast<int>(i);
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    locate_note(id);
    return changed;
}

void heading(const ViewContext& ctx, const std::string& text) {
    ImGui::Spacing();
    ImGui::PushFont(ctx.fonts.strong);
    ImGui::TextUnformatted(capitalized(text).c_str());
    ImGui::PopFont();
}

// Puts the next widget on the same line when `width` still fits, else on a new line.
void same_line_if(float width) {
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

int text_resize(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* s = static_cast<std::string*>(data->UserData);
        s->resize(static_cast<size_t>(data->BufTextLen));
        data->Buf = s->data();
    }
    return 0;
}

void outline_section(const ViewContext& ctx, std::string_view part, ImVec2 a) {
    if (ctx.lit() != part) return;
    const ImVec2 b(a.x + ImGui::GetContentRegionAvail().x, ImGui::GetCursorScreenPos().y);
    ImGui::GetWindowDrawList()->AddRect(ImVec2(a.x + 1, a.y), ImVec2(b.x - 3, b.y - 1),
                                        color::kHighlight, 6, 0, 2.0f);
}

// ---- the tools: undo, start over, export, share, import --------------------------------

void draw_import(const ViewContext& ctx, core::Takeaways& m, TakeawaysUi& ui) {
    wrapped_text(
        "Paste or type scenario JSON, then Load. A scenario that does not load leaves your "
        "campus as it is.",
        color::kMuted);
    ImGui::InputTextMultiline("##import", ui.import_text.data(), ui.import_text.capacity() + 1,
                              ImVec2(-1, ImGui::GetTextLineHeight() * 9),
                              ImGuiInputTextFlags_CallbackResize, text_resize, &ui.import_text);
    locate_note("##import");
    if (ImGui::Button("Load")) {
        core::Status st = core::import_scenario(m, ui.import_text, ctx.catalog);
        ui.import_error = st ? std::string() : st.error().message;
        if (st) ui.open_settings.clear();
    }
    ImGui::SameLine();
    if (ImGui::Button("Clear")) ui.import_text.clear();
    ImGui::SameLine();
    if (ImGui::Button("Close")) ui.show_import = false;
    if (!ui.import_error.empty()) wrapped_text(ui.import_error.c_str(), color::kBad);
}

// The last refusal, in red, in the learner's words where it was about a room.
void draw_refusal(const ViewContext& ctx, const core::Takeaways& m) {
    refusal_text(ctx, m.message, m.code,
                 m.room.empty() ? nullptr : core::find_node(m.cluster, m.room));
}

// What the last action said: a refusal in red (under its room when it was about one, beside
// the button pressed), a success in green.
void draw_notice(const ViewContext& ctx, const core::Takeaways& m, const TakeawaysUi& ui) {
    if (!m.message.empty() && (m.room.empty() || !core::find_node(m.cluster, m.room)))
        draw_refusal(ctx, m);
    std::string said;
    switch (m.notice) {
        case core::TakeawaysNotice::None:
            break;
        case core::TakeawaysNotice::Undone:
            said = "Undone.";
            break;
        case core::TakeawaysNotice::StartedOver:
            said = ctx.text("A fresh {campus}; Undo brings the old one back.");
            break;
        case core::TakeawaysNotice::Exported:
            said = "Copied the scenario JSON to the clipboard (" +
                   std::to_string(m.exported.size()) + " bytes); it is also in the box below.";
            break;
        case core::TakeawaysNotice::Linked:
            said = "Copied a link (" + std::to_string(ui.link.size()) +
                   ctx.text(" characters) that opens this {campus}.");
            break;
        case core::TakeawaysNotice::Imported:
            said = "Loaded the scenario '" + m.scenario_name + "'.";
            break;
        case core::TakeawaysNotice::Opened:
            said = ctx.text("Opened the {campus} '") + m.scenario_name + "' from the link.";
            break;
    }
    if (!said.empty()) wrapped_text(said.c_str(), color::kGood);
}

void draw_tools(const ViewContext& ctx, core::Takeaways& m, TakeawaysUi& ui) {
    ImGui::BeginDisabled(m.undo.empty());
    if (ImGui::Button("Undo") && core::undo(m)) ui.open_settings.clear();
    ImGui::EndDisabled();
    same_line_if(chip_width("Start over with") + 170);
    if (ImGui::Button("Start over with") &&
        core::start_over(m, kVpcChoices[ui.vpc_choice], ctx.catalog))
        ui.open_settings.clear();
    ImGui::SameLine(0, 4);
    choice("##vpc", ui.vpc_choice, {std::begin(kVpcChoices), std::end(kVpcChoices)}, 160);
    same_line_if(chip_width("Export JSON") + 8);
    if (ImGui::Button("Export JSON")) {
        core::Result<std::string> json = core::export_scenario(m, ctx.catalog);
        if (json) {
            ui.import_text = *json;
            ui.show_import = true;
            ui.import_error.clear();
            platform::copy_text(*json);
        }
    }
    same_line_if(chip_width("Share link") + 8);
    if (ImGui::Button("Share link")) {
        core::Result<std::string> code = core::share_code(m, ctx.catalog);
        if (code) {
            core::Fragment f;
            f.step = "takeaways";
            if (ctx.aws()) f.terms = "aws";
            f.campus = *code;
            ui.link = platform::page_base_url() + "#" + core::format_fragment(f);
            platform::copy_text(ui.link);
        }
    }
    same_line_if(chip_width("Import...") + 8);
    if (ImGui::Button("Import...")) ui.show_import = !ui.show_import;
    if (ui.show_import) draw_import(ctx, m, ui);
    if (!ui.link.empty() && m.notice == core::TakeawaysNotice::Linked) {
        ImGui::PushFont(ctx.fonts.small);
        const std::string shown = ui.link.size() > 90 ? ui.link.substr(0, 87) + "..." : ui.link;
        wrapped_text(shown.c_str(), color::kMuted);
        ImGui::PopFont();
    }
    draw_notice(ctx, m, ui);
}

// ---- rooms ---------------------------------------------------------------------------

// The settings of a running room: warm targets and max-pods change live; the rest is fixed
// once the room exists, as on AWS.
void draw_room_settings(const ViewContext& ctx, core::Takeaways& m, const core::Node& node) {
    core::NodeConfig next = node.config;
    // kubelet's max-pods starts at what the room was built with (its AMI's or AWS's value)
    // and steps from there; setting it back to that value is the same as not setting it.
    const int built_max_pods = core::kubelet_max_pods(node.type, [&] {
        core::NodeConfig c = node.config;
        c.max_pods_override = 0;
        return c;
    }());
    int max_pods = core::kubelet_max_pods(node.type, node.config);
    const std::string pods_label = ctx.text("{maxpods}");
    struct Knob {
        std::string name;
        int* value;
        int min;
        int max;
    } knobs[] = {
        {"WARM_ENI_TARGET", &next.warm.warm_eni_target, 0, core::kMaxWarmEniTarget},
        {"WARM_IP_TARGET", &next.warm.warm_ip_target, 0, core::kMaxWarmIpTarget},
        {"MINIMUM_IP_TARGET", &next.warm.minimum_ip_target, 0, core::kMaxMinimumIpTarget},
        {"WARM_PREFIX_TARGET", &next.warm.warm_prefix_target, 0, core::kMaxWarmPrefixTarget},
        {pods_label, &max_pods, core::kHostNetworkPods, core::kMaxPodsOverrideLimit},
    };
    bool changed = false;
    const float label_w = ImGui::CalcTextSize("MINIMUM_IP_TARGET").x + 12;
    ImGui::Indent(12);
    for (const Knob& k : knobs) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(k.name.c_str());
        ImGui::SameLine(0, std::max(8.0f, label_w - ImGui::CalcTextSize(k.name.c_str()).x));
        if (ImGui::GetContentRegionAvail().x < 100) ImGui::NewLine();
        changed = stepper(k.name.c_str(), *k.value, k.min, k.max) || changed;
    }
    // The calculator's value for this room's settings (110 or 250 cap), a press away: raising
    // max-pods after prefix delegation one step at a time would take a hundred presses.
    const long long suggested =
        core::max_pods(node.type, core::capacity_options(node.config)).recommended_max_pods;
    if (suggested >= core::kHostNetworkPods && suggested != max_pods) {
        ImGui::SameLine();
        if (ImGui::SmallButton(
                (ctx.text("AWS's suggestion: ") + std::to_string(suggested)).c_str())) {
            max_pods = static_cast<int>(suggested);
            changed = true;
        }
    }
    next.max_pods_override = max_pods == built_max_pods ? 0 : max_pods;
    std::string fixed;
    if (node.config.prefix_delegation) fixed += "prefix delegation; ";
    if (node.config.custom_networking)
        fixed += ctx.text("custom networking, {desks} in ") +
                 building_name(ctx, m.cluster.vpc, node.config.pod_subnet_id) + "; ";
    if (node.config.security_groups_for_pods) fixed += ctx.text("security groups for {desks}; ");
    fixed = fixed.empty() ? ctx.text("One {ext} per {slot}, no custom networking, no {trunk}: ")
                          : ctx.text("Fixed on a running {room}: ") + fixed;
    fixed += ctx.text("remove the {room} and add a new one to change these.");
    ImGui::PushFont(ctx.fonts.small);
    wrapped_text(fixed.c_str(), color::kMuted);
    ImGui::PopFont();
    ImGui::Unindent(12);
    if (changed) (void)core::set_room_config(m, node.name, next);
}

// One room: its line, its desks (-, a number to type, +), its buttons and its drawing.
// Returns false when the learner removed it.
bool draw_one_room(const ViewContext& ctx, core::Takeaways& m, TakeawaysUi& ui,
                   const core::Node& n) {
    const std::string name = n.name;
    const core::NodeStats s = core::node_stats(n);
    std::string line = capitalized(room_name(ctx, name)) + ": " + n.type.name + " in " +
                       building_name(ctx, m.cluster.vpc, n.subnet_id) + ", " +
                       ctx.text("{maxpods} ") + std::to_string(s.max_pods);
    if (s.prefix_delegation) line += ctx.text("; {blocks}");
    if (n.config.custom_networking)
        line += ctx.text("; {desk} {nums} from ") +
                building_name(ctx, m.cluster.vpc, n.config.pod_subnet_id);
    if (s.trunk) line += ctx.text("; {trunk}");
    ImGui::PushFont(ctx.fonts.strong);
    wrapped_text(line.c_str());
    ImGui::PopFont();
    int desks = s.pods + s.pending;
    if (ImGui::Button(ctx.text("- {desk}").c_str()) && desks > 0)
        (void)core::set_desks(m, name, desks - 1);
    ImGui::SameLine(0, 4);
    ImGui::SetNextItemWidth(ImGui::CalcTextSize("0000").x + 12);
    const std::string field = "##desks-" + name;
    // While the field is being typed in, its number lives in ui (the model changes on Enter).
    int typed = ui.editing_room == name ? ui.editing_desks : desks;
    ImGui::InputInt(field.c_str(), &typed, 0, 0, ImGuiInputTextFlags_CharsDecimal);
    locate_note(field.c_str());
    if (ImGui::IsItemActive()) {
        ui.editing_room = name;
        ui.editing_desks = typed;
    }
    if (ImGui::IsItemDeactivated()) ui.editing_room.clear();
    if (ImGui::IsItemDeactivatedAfterEdit()) (void)core::set_desks(m, name, typed);
    ImGui::SameLine(0, 4);
    if (ImGui::Button(ctx.text("+ {desk}").c_str())) (void)core::set_desks(m, name, desks + 1);
    if (s.pending > 0) {
        ImGui::SameLine();
        ImGui::TextColored(rgba(color::kBad), "%d waiting", s.pending);
    }
    const bool open = ui.open_settings == name;
    same_line_if(chip_width("Hide settings") + chip_width("Remove room") + 12);
    if (ImGui::Button(open ? "Hide settings" : "Settings"))
        ui.open_settings = open ? std::string() : name;
    ImGui::SameLine(0, 4);
    if (ImGui::Button(ctx.text("Remove {room}").c_str())) {
        (void)core::remove_room(m, name);
        return false;
    }
    if (!m.message.empty() && m.room == name) draw_refusal(ctx, m);
    const core::Node* now = core::find_node(m.cluster, name);
    if (now != nullptr && ui.open_settings == name) draw_room_settings(ctx, m, *now);
    now = core::find_node(m.cluster, name);
    if (now == nullptr) return false;
    RoomStyle rs;
    rs.show_title = false;
    rs.cell = 24;
    draw_room(ctx, *now, rs);
    return true;
}

// The opening task's count, then every room.
void draw_rooms(const ViewContext& ctx, core::Takeaways& m, TakeawaysUi& ui) {
    const bool met = core::goal_met(m, "seat");
    ImGui::PushFont(ctx.fonts.heading);
    const std::string seated = capitalized(ctx.text("{desks} seated: ")) +
                               core::step_value(m, "pods") + " of " + core::step_value(m, "target");
    ImGui::TextColored(rgba(met ? color::kGood : color::kInk), "%s", seated.c_str());
    ImGui::PopFont();
    if (m.cluster.nodes.empty()) ImGui::TextDisabled("%s", ctx.text("No {rooms} yet.").c_str());
    for (size_t i = 0; i < m.cluster.nodes.size(); ++i) {
        const std::string name = m.cluster.nodes[i].name;
        ImGui::PushID(name.c_str());
        ImGui::Spacing();
        const core::Node* n = core::find_node(m.cluster, name);
        const bool kept = n != nullptr && draw_one_room(ctx, m, ui, *n);
        ImGui::PopID();
        if (!kept) {
            if (ui.open_settings == name) ui.open_settings.clear();
            break;  // the list changed under us: the next frame draws it anew
        }
    }
    draw_legend(ctx, kLegendRoom);
}

// A new room: its size, building, features and, with custom networking, the pod building.
void draw_add_room(const ViewContext& ctx, core::Takeaways& m, TakeawaysUi& ui) {
    heading(ctx, ctx.text("Add a {room}"));
    const std::vector<core::Subnet>& subnets = m.cluster.vpc.subnets;
    if (subnets.empty()) {
        ImGui::TextDisabled("%s", ctx.text("Add a {building} first.").c_str());
        return;
    }
    if (ui.room_type < 0) ui.room_type = catalog_index(ctx, "t3.small");
    const int last = static_cast<int>(subnets.size()) - 1;
    ui.room_subnet = std::clamp(ui.room_subnet, 0, last);
    ui.room_pod_subnet = std::clamp(ui.room_pod_subnet, 0, last);
    instance_type_picker(ctx, "room", ui.room_type, ui.room_filter, sizeof(ui.room_filter));
    const core::InstanceType& type = ctx.catalog.types[static_cast<size_t>(ui.room_type)];
    std::vector<std::string> names;
    for (const core::Subnet& s : subnets)
        names.push_back(building_name(ctx, m.cluster.vpc, s.id) + " (" + core::format_cidr(s.cidr) +
                        ", " + s.az + ")");
    same_line_if(230);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("in");
    ImGui::SameLine(0, 6);
    choice("##room-subnet", ui.room_subnet, names, 230);
    core::NodeConfig& cfg = ui.room_config;
    checkbox_wrapped("Prefix delegation", &cfg.prefix_delegation);
    same_line_if(200);
    if (checkbox_wrapped("Custom networking", &cfg.custom_networking) && cfg.custom_networking &&
        ui.room_pod_subnet == ui.room_subnet && subnets.size() > 1)
        ui.room_pod_subnet = ui.room_subnet == 0 ? 1 : 0;  // desks in another building
    const bool sgp_ok = core::supports_security_groups_for_pods(type);
    const std::string sgp_label = ctx.text("Security groups for {desks}");
    same_line_if(220);
    ImGui::BeginDisabled(!sgp_ok);
    bool sgp = cfg.security_groups_for_pods && sgp_ok;
    if (checkbox_wrapped(sgp_label.c_str(), &sgp)) cfg.security_groups_for_pods = sgp;
    ImGui::EndDisabled();
    if (cfg.custom_networking) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(capitalized(ctx.text("{desk} {nums} from")).c_str());
        ImGui::SameLine(0, 6);
        choice("##pod-subnet", ui.room_pod_subnet, names, 230);
    }
    if (ImGui::Button(ctx.text("+ {room}").c_str())) {
        core::RoomChoice r{type, subnets[static_cast<size_t>(ui.room_subnet)].id, cfg};
        r.config.security_groups_for_pods = sgp;
        r.config.pod_subnet_id = subnets[static_cast<size_t>(ui.room_pod_subnet)].id;
        (void)core::add_room(m, r);
    }
    if (!sgp_ok) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s",
                            (type.name + ctx.text(": no security groups for {desks}")).c_str());
    }
}

// ---- buildings and number ranges ----------------------------------------------------------

void draw_add_range(const ViewContext& ctx, core::Takeaways& m, TakeawaysUi& ui) {
    const std::vector<core::Cidr> more = core::vpc_cidr_suggestions(m.cluster.vpc, 6);
    if (more.empty()) {
        const std::string full = ctx.text("No more {range}s can be added (quota ") +
                                 std::to_string(m.cluster.vpc.cidr_quota) + ").";
        ImGui::TextDisabled("%s", full.c_str());
        return;
    }
    std::vector<std::string> names;
    for (const core::Cidr& c : more)
        names.push_back(core::format_cidr(c));
    if (ImGui::Button(ctx.text("+ {range}").c_str())) {
        const size_t i =
            static_cast<size_t>(std::clamp(ui.cidr_choice, 0, static_cast<int>(names.size()) - 1));
        (void)core::add_cidr(m, names[i]);
        ui.cidr_choice = 0;
    }
    ImGui::SameLine(0, 4);
    choice("##cidr", ui.cidr_choice, names, 160);
}

void draw_add_building(const ViewContext& ctx, core::Takeaways& m, TakeawaysUi& ui) {
    const std::vector<int> sizes = core::subnet_sizes_that_fit(m.cluster.vpc);
    if (sizes.empty()) {
        wrapped_text(
            ctx.text("The {campus} has no room for another {building}: add a {range}.").c_str(),
            color::kMuted);
        return;
    }
    if (std::find(sizes.begin(), sizes.end(), ui.subnet_prefix) == sizes.end())
        ui.subnet_prefix =
            std::find(sizes.begin(), sizes.end(), 24) != sizes.end() ? 24 : sizes.back();
    std::vector<std::string> size_names;
    int size_index = 0;
    for (size_t i = 0; i < sizes.size(); ++i) {
        size_names.push_back("/" + std::to_string(sizes[i]));
        if (sizes[i] == ui.subnet_prefix) size_index = static_cast<int>(i);
    }
    std::vector<std::string> blocks;
    for (const core::Cidr& c : core::free_subnets(m.cluster.vpc, ui.subnet_prefix, 8))
        blocks.push_back(core::format_cidr(c));
    if (ImGui::Button(ctx.text("+ {building}").c_str()) && !blocks.empty()) {
        const size_t i = static_cast<size_t>(
            std::clamp(ui.subnet_choice, 0, static_cast<int>(blocks.size()) - 1));
        (void)core::add_building(m, blocks[i], kZones[ui.subnet_zone]);
        ui.subnet_choice = 0;
    }
    ImGui::SameLine(0, 4);
    if (choice("##size", size_index, size_names, 70)) {
        ui.subnet_prefix = sizes[static_cast<size_t>(size_index)];
        ui.subnet_choice = 0;
    }
    same_line_if(160);
    choice("##block", ui.subnet_choice, blocks, 150);
    same_line_if(130);
    choice("##zone", ui.subnet_zone, {std::begin(kZones), std::end(kZones)}, 120);
}

void draw_buildings(const ViewContext& ctx, core::Takeaways& m, TakeawaysUi& ui) {
    std::string ranges;
    for (const core::Cidr& c : m.cluster.vpc.cidrs)
        ranges += (ranges.empty() ? "" : ", ") + core::format_cidr(c);
    heading(ctx, ctx.text("{campus}: ") + ranges);
    draw_add_range(ctx, m, ui);
    for (const core::Subnet& s : m.cluster.vpc.subnets) {
        ImGui::Spacing();
        BuildingStyle bs;
        bs.cluster = &m.cluster;
        bs.max_cell = 10;
        bs.title = building_name(ctx, m.cluster.vpc, s.id);
        draw_building(ctx, s, bs);
    }
    ImGui::Spacing();
    draw_add_building(ctx, m, ui);
    draw_legend(ctx, kLegendBuildingHolders);
}

// The live sentence: the campus in numbers, the task, the latest event and refusal.
std::string live_sentence(const ViewContext& ctx, const core::Takeaways& m, const TakeawaysUi& ui) {
    std::string ranges;
    for (const core::Cidr& c : m.cluster.vpc.cidrs)
        ranges += (ranges.empty() ? "" : ", ") + core::format_cidr(c);
    const int waiting = core::waiting_desks(m);
    std::string out = ctx.text("Playground: {campus} ") + ranges + ", " +
                      count(ctx, m.cluster.vpc.subnets.size(), "{building}", "{buildings}") + ", " +
                      count(ctx, m.cluster.nodes.size(), "{room}", "{rooms}") + ", " +
                      count(ctx, static_cast<size_t>(core::seated_desks(m)), "{desk}", "{desks}") +
                      " seated of " + core::step_value(m, "target") +
                      (waiting > 0 ? " (+" + std::to_string(waiting) + " waiting)" : "") +
                      "; undo " + std::to_string(m.undo.size()) + ".";
    if (!m.cluster.events.empty()) out += " Last: " + m.cluster.events.back().text;
    auto add = [&out](const std::string& sentence) {
        if (!out.empty() && out.back() != '.') out += '.';
        out += " " + sentence;
    };
    if (!m.message.empty()) add(m.message);
    if (!ui.import_error.empty()) add("Import refused: " + ui.import_error);
    return out;
}

}  // namespace

ViewOut draw_takeaways(const ViewContext& ctx, core::Takeaways& m, TakeawaysUi& ui) {
    ViewOut out;
    if (ctx.catalog.types.empty()) return ViewOut::nothing();
    const std::string_view lit = ctx.lit();
    struct Section {
        const char* part;
        void (*draw)(const ViewContext&, core::Takeaways&, TakeawaysUi&);
    };
    const Section sections[] = {{"tools", draw_tools},
                                {"rooms", draw_rooms},
                                {"addroom", draw_add_room},
                                {"buildings", draw_buildings},
                                {"log", nullptr}};
    for (const Section& s : sections) {
        const ImVec2 a = ImGui::GetCursorScreenPos();
        if (s.draw != nullptr) {
            s.draw(ctx, m, ui);
        } else {
            heading(ctx, ctx.text("What the {vpccni} did (newest first)"));
            ImGui::BeginChild("##log", ImVec2(0, 220), true);
            draw_event_log(ctx, m.cluster, 400);
            ImGui::EndChild();
        }
        ImGui::Spacing();
        const std::string_view part = s.part;
        const bool here = part == lit || (part == "addroom" && lit == "features") ||
                          (part == "rooms" && (lit.empty() || lit == "pods" || lit == "target" ||
                                               lit == "maxpods" || lit == "room"));
        if (here) {
            out.figure_min = a;
            out.figure_max =
                ImVec2(a.x + ImGui::GetContentRegionAvail().x, ImGui::GetCursorScreenPos().y);
        }
        outline_section(ctx, part == "addroom" && lit == "features" ? "features" : part, a);
    }
    ImGui::Dummy(ImVec2(1, 12));  // the last buttons never sit on the view's edge
    out.live = live_sentence(ctx, m, ui);
    return out;
}

}  // namespace web
