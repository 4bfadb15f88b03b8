// view_playground.cpp: step "takeaways": build, undo, export, import and share a campus
// (see the header). Every number and every choice offered comes from core.
#include "view_playground.h"

#include <algorithm>
#include <string>
#include <vector>

#include "capacity.h"
#include "context.h"
#include "draw_campus.h"
#include "fragment.h"
#include "imgui.h"
#include "platform.h"
#include "scenario.h"
#include "scenario_export.h"
#include "subnet_plan.h"
#include "ui.h"

namespace web {

namespace {

constexpr size_t kUndoDepth = 12;
constexpr const char* kVpcChoices[] = {"10.0.0.0/16", "10.0.0.0/20", "172.16.0.0/16",
                                       "192.168.0.0/24"};
constexpr const char* kZones[] = {"us-east-1a", "us-east-1b", "us-east-1c"};
constexpr const char* kScenarioName = "my campus";

std::string plural(long long n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// A fresh campus: the VPC, one building of a /24 (or the whole VPC if smaller), one room
// with two desks. Errors carry core's message.
core::Result<core::Cluster> starter(const ViewContext& ctx, const char* vpc_cidr) {
    core::Result<core::Vpc> vpc = core::make_vpc(vpc_cidr);
    if (!vpc) return vpc.error();
    const int prefix = std::max(24, vpc->cidrs.front().prefix);
    core::Result<core::Cidr> block = core::next_free_subnet(*vpc, prefix);
    if (!block) return block.error();
    core::SubnetDesc sd;
    sd.id = core::next_subnet_id(*vpc);
    sd.name = "Building A";
    sd.cidr = core::format_cidr(*block);
    if (core::Status st = core::add_subnet(vpc.value(), sd); !st) return st.error();
    core::Cluster c = core::make_cluster(std::move(vpc).value());
    core::NodeDesc nd;
    nd.name = core::next_group_name(c) + "-1";
    core::Result<const core::InstanceType*> type =
        core::find_instance_type(ctx.catalog, "t3.small");
    if (!type) return type.error();
    nd.type = **type;
    nd.subnet_id = sd.id;
    if (core::Status st = core::add_node(c, nd); !st) return st.error();
    for (int i = 0; i < 2; ++i)
        (void)core::add_pod(c, nd.name);
    return c;
}

// Runs a change on the campus; keeps the old campus for undo when anything changed.
template <typename F>
void change(PlaygroundView& view, F action) {
    core::Cluster before = view.cluster;
    view.notice.clear();
    view.message = action();
    if (view.cluster != before) {
        view.undo.push_back(std::move(before));
        if (view.undo.size() > kUndoDepth) view.undo.erase(view.undo.begin());
    }
    platform::request_frame();
}

std::string status_text(const core::Status& st) {
    return st ? std::string() : st.error().message;
}

// A drop-down over fixed strings; true when the choice changed.
bool choice(const char* id, int& index, const std::vector<std::string>& items, float width) {
    if (items.empty()) return false;
    index = std::clamp(index, 0, static_cast<int>(items.size()) - 1);
    bool changed = false;
    // At least `width`, wide enough for the longest item when the line has room for it.
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
    return changed;
}

// A section heading, its first letter capitalised ("campus" -> "Campus").
void heading(const ViewContext& ctx, std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
        text[0] = static_cast<char>(text[0] - 32);
    ImGui::Spacing();
    ImGui::PushFont(ctx.fonts.strong);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopFont();
}

// Puts the next widget on the same line when `width` still fits, else on a new line.
void same_line_if(float width) {
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

float button_width(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
}

int text_resize(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* s = static_cast<std::string*>(data->UserData);
        s->resize(static_cast<size_t>(data->BufTextLen));
        data->Buf = s->data();
    }
    return 0;
}

// ---- the tools row: undo, reset, export, share, import --------------------------------

void draw_tools(const ViewContext& ctx, PlaygroundView& view) {
    ImGui::BeginDisabled(view.undo.empty());
    if (ImGui::Button("Undo")) {
        view.cluster = std::move(view.undo.back());
        view.undo.pop_back();
        view.message.clear();
        view.notice = "Undone.";
        platform::request_frame();
    }
    ImGui::EndDisabled();
    same_line_if(button_width("Reset to") + 170);
    if (ImGui::Button("Reset to")) {
        core::Result<core::Cluster> fresh = starter(ctx, kVpcChoices[view.vpc_choice]);
        change(view, [&] {
            if (!fresh) return fresh.error().message;
            view.cluster = std::move(fresh).value();
            view.open_settings.clear();
            return std::string();
        });
        if (view.message.empty()) view.notice = "A fresh campus; Undo brings the old one back.";
    }
    ImGui::SameLine(0, 4);
    std::vector<std::string> vpcs(std::begin(kVpcChoices), std::end(kVpcChoices));
    choice("##vpc", view.vpc_choice, vpcs, 160);

    same_line_if(button_width("Export JSON") + 8);
    if (ImGui::Button("Export JSON")) {
        core::Result<core::Scenario> s =
            core::scenario_from_cluster(view.cluster, kScenarioName, ctx.catalog);
        if (s) {
            view.import_text = core::save_scenario(*s);
            view.show_import = true;
            view.import_error.clear();
            platform::copy_text(view.import_text);
            view.message.clear();
            view.notice = "Copied the scenario JSON to the clipboard (" +
                          plural(static_cast<long long>(view.import_text.size()), "byte", "bytes") +
                          "); it is also in the box below.";
        } else {
            view.message = s.error().message;
        }
    }
    same_line_if(button_width("Share link") + 8);
    if (ImGui::Button("Share link")) {
        core::Result<core::Scenario> s =
            core::scenario_from_cluster(view.cluster, kScenarioName, ctx.catalog);
        core::Result<std::string> code = s ? core::encode_campus(core::save_scenario_compact(*s))
                                           : core::Result<std::string>(s.error());
        if (code) {
            core::Fragment f;
            f.step = "takeaways";
            if (ctx.aws()) f.terms = "aws";
            f.campus = *code;
            view.link = platform::page_base_url() + "#" + core::format_fragment(f);
            platform::copy_text(view.link);
            view.message.clear();
            view.notice =
                "Copied a link (" +
                plural(static_cast<long long>(view.link.size()), "character", "characters") +
                ") that opens this campus.";
        } else {
            view.message = code.error().message;
        }
    }
    same_line_if(button_width("Import...") + 8);
    if (ImGui::Button("Import...")) view.show_import = !view.show_import;

    if (view.show_import) {
        wrapped_text(
            "Paste or type scenario JSON, then Load. A scenario that does not load leaves "
            "your campus as it is.",
            color::kMuted);
        ImGui::InputTextMultiline(
            "##import", view.import_text.data(), view.import_text.capacity() + 1,
            ImVec2(-1, ImGui::GetTextLineHeight() * 9), ImGuiInputTextFlags_CallbackResize,
            text_resize, &view.import_text);
        if (ImGui::Button("Load")) {
            core::Result<core::Scenario> s = core::load_scenario(view.import_text, ctx.catalog);
            core::Result<core::Cluster> c =
                s ? core::build_cluster(*s, ctx.catalog) : core::Result<core::Cluster>(s.error());
            if (c) {
                change(view, [&] {
                    view.cluster = std::move(c).value();
                    view.open_settings.clear();
                    return std::string();
                });
                view.import_error.clear();
                view.notice = "Loaded the scenario '" + s->name + "'.";
            } else {
                view.import_error = c.error().message;
            }
        }
        ImGui::SameLine();
        if (ImGui::Button("Clear")) view.import_text.clear();
        ImGui::SameLine();
        if (ImGui::Button("Close")) view.show_import = false;
        if (!view.import_error.empty()) wrapped_text(view.import_error.c_str(), color::kBad);
    }
    if (!view.link.empty()) {
        ImGui::PushFont(ctx.fonts.small);
        const std::string shown =
            view.link.size() > 90 ? view.link.substr(0, 87) + "..." : view.link;
        wrapped_text(shown.c_str(), color::kMuted);
        ImGui::PopFont();
    }
}

// ---- campus and buildings ------------------------------------------------------------

void draw_buildings(const ViewContext& ctx, PlaygroundView& view) {
    core::Vpc& vpc = view.cluster.vpc;
    std::string ranges;
    for (const core::Cidr& c : vpc.cidrs)
        ranges += (ranges.empty() ? "" : ", ") + core::format_cidr(c);
    heading(ctx, ctx.text("{campus}: ") + ranges);

    // Another CIDR for the VPC, from core's suggestions.
    std::vector<core::Cidr> more = core::vpc_cidr_suggestions(vpc, 6);
    if (more.empty()) {
        ImGui::TextDisabled("No more CIDRs can be added (quota %d).", vpc.cidr_quota);
    } else {
        std::vector<std::string> names;
        for (const core::Cidr& c : more)
            names.push_back(core::format_cidr(c));
        if (ImGui::Button("+ CIDR")) {
            const std::string cidr = names[static_cast<size_t>(
                std::clamp(view.cidr_choice, 0, static_cast<int>(names.size()) - 1))];
            change(view, [&] {
                core::Status st = core::add_vpc_cidr(view.cluster.vpc, cidr);
                if (st) {
                    core::record_event(view.cluster, "", "note",
                                       "Added the CIDR block " + cidr + " to the VPC.");
                }
                return status_text(st);
            });
            view.cidr_choice = 0;
        }
        ImGui::SameLine(0, 4);
        choice("##cidr", view.cidr_choice, names, 160);
    }

    for (const core::Subnet& s : view.cluster.vpc.subnets) {
        ImGui::Spacing();
        BuildingStyle bs;
        bs.cluster = &view.cluster;
        bs.max_cell = 10;
        draw_building(ctx, s, bs);
    }

    // A new building: its size, then one of the free blocks of that size, then its zone.
    ImGui::Spacing();
    const std::vector<int> sizes = core::subnet_sizes_that_fit(view.cluster.vpc);
    if (sizes.empty()) {
        wrapped_text(
            ctx.text("The {campus} has no room for another {building}: add a CIDR.").c_str(),
            color::kMuted);
        return;
    }
    if (std::find(sizes.begin(), sizes.end(), view.subnet_prefix) == sizes.end()) {
        view.subnet_prefix =
            std::find(sizes.begin(), sizes.end(), 24) != sizes.end() ? 24 : sizes.back();
    }
    std::vector<std::string> size_names;
    int size_index = 0;
    for (size_t i = 0; i < sizes.size(); ++i) {
        size_names.push_back("/" + std::to_string(sizes[i]));
        if (sizes[i] == view.subnet_prefix) size_index = static_cast<int>(i);
    }
    const std::vector<core::Cidr> blocks =
        core::free_subnets(view.cluster.vpc, view.subnet_prefix, 8);
    std::vector<std::string> block_names;
    for (const core::Cidr& c : blocks)
        block_names.push_back(core::format_cidr(c));
    const std::string id = core::next_subnet_id(view.cluster.vpc);

    const std::string add = ctx.text("+ {building}");
    if (ImGui::Button(add.c_str()) && !blocks.empty()) {
        core::SubnetDesc d;
        d.id = id;
        d.name =
            "Building " +
            std::string(
                1, static_cast<char>('A' + static_cast<int>(view.cluster.vpc.subnets.size() % 26)));
        d.az = kZones[view.subnet_zone];
        d.cidr = block_names[static_cast<size_t>(
            std::clamp(view.subnet_choice, 0, static_cast<int>(block_names.size()) - 1))];
        change(view, [&] {
            core::Status st = core::add_subnet(view.cluster.vpc, d);
            if (st) {
                core::record_event(view.cluster, "", "note",
                                   "Added subnet " + d.id + " (" + d.cidr + ") in " + d.az + ".");
            }
            return status_text(st);
        });
        view.subnet_choice = 0;
    }
    ImGui::SameLine(0, 4);
    if (choice("##size", size_index, size_names, 70)) {
        view.subnet_prefix = sizes[static_cast<size_t>(size_index)];
        view.subnet_choice = 0;
    }
    same_line_if(160);
    choice("##block", view.subnet_choice, block_names, 150);
    same_line_if(130);
    std::vector<std::string> zones(std::begin(kZones), std::end(kZones));
    choice("##zone", view.subnet_zone, zones, 120);
}

// ---- rooms ---------------------------------------------------------------------------

// The settings of a running room: warm targets and max-pods change live (set_node_config);
// the rest is fixed once the room exists, as on AWS.
void draw_room_settings(const ViewContext& ctx, PlaygroundView& view, const core::Node& node) {
    core::NodeConfig next = node.config;
    struct Knob {
        const char* name;
        int* value;
        int max;
    } knobs[] = {
        {"WARM_ENI_TARGET", &next.warm.warm_eni_target, core::kMaxWarmEniTarget},
        {"WARM_IP_TARGET", &next.warm.warm_ip_target, core::kMaxWarmIpTarget},
        {"MINIMUM_IP_TARGET", &next.warm.minimum_ip_target, core::kMaxMinimumIpTarget},
        {"WARM_PREFIX_TARGET", &next.warm.warm_prefix_target, core::kMaxWarmPrefixTarget},
        {"max-pods (0: AMI value)", &next.max_pods_override, core::kMaxPodsOverrideLimit},
    };
    bool changed = false;
    const float label_w = ImGui::CalcTextSize("max-pods (0: AMI value)").x + 12;
    ImGui::Indent(12);
    for (const Knob& k : knobs) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(k.name);
        ImGui::SameLine(0, label_w - ImGui::CalcTextSize(k.name).x);
        changed = stepper(k.name, *k.value, 0, k.max) || changed;
    }
    std::string fixed;
    if (node.config.prefix_delegation) fixed += "prefix delegation; ";
    if (node.config.custom_networking) {
        fixed += "custom networking, pods in " + node.config.pod_subnet_id + "; ";
    }
    if (node.config.security_groups_for_pods) fixed += "security groups for pods (trunk ENI); ";
    fixed = fixed.empty() ? "Secondary IPs, no custom networking, no trunk ENI: "
                          : "Fixed on a running node: " + fixed;
    fixed += "remove the room and add a new one to change these.";
    ImGui::PushFont(ctx.fonts.small);
    wrapped_text(fixed.c_str(), color::kMuted);
    ImGui::PopFont();
    ImGui::Unindent(12);
    if (changed) {
        const std::string name = node.name;
        change(view, [&] { return status_text(core::set_node_config(view.cluster, name, next)); });
    }
}

void draw_rooms(const ViewContext& ctx, PlaygroundView& view) {
    heading(ctx, ctx.text("{rooms}"));
    if (view.cluster.nodes.empty()) {
        ImGui::TextDisabled("%s", ctx.text("No {rooms} yet.").c_str());
    }
    std::string remove_node;
    for (size_t i = 0; i < view.cluster.nodes.size(); ++i) {
        const core::Node& n = view.cluster.nodes[i];
        const std::string name = n.name;
        ImGui::PushID(name.c_str());
        ImGui::Spacing();
        const core::NodeStats s = core::node_stats(n);
        std::string line = name + ": " + n.type.name + " in " + n.subnet_id + ", " +
                           plural(s.pods, ctx.text("{desk}"), ctx.text("{desks}"));
        if (s.pending > 0) line += " (+" + std::to_string(s.pending) + " waiting)";
        line += ", " + ctx.text("{maxpods} ") + std::to_string(s.max_pods);
        if (s.prefix_delegation) line += ctx.text("; {blocks}");
        if (n.config.custom_networking) {
            line += ctx.text("; {desk} {nums} from ") + n.config.pod_subnet_id;
        }
        if (s.trunk) line += ctx.text("; {trunk}");
        ImGui::PushFont(ctx.fonts.strong);
        wrapped_text(line.c_str());
        ImGui::PopFont();
        const std::string add = ctx.text("+ {desk}");
        if (ImGui::Button(add.c_str())) {
            change(view, [&] {
                core::Result<core::Pod> p = core::add_pod(view.cluster, name);
                return p ? std::string() : p.error().message;
            });
        }
        ImGui::SameLine(0, 4);
        ImGui::BeginDisabled(s.pods + s.pending == 0);
        const std::string less = ctx.text("- {desk}");
        if (ImGui::Button(less.c_str())) {
            const std::string pod = !n.pending.empty()
                                        ? n.pending.back().name
                                        : (!n.pods.empty() ? n.pods.back().name : std::string());
            change(view, [&] { return status_text(core::remove_pod(view.cluster, name, pod)); });
        }
        ImGui::EndDisabled();
        ImGui::SameLine(0, 4);
        const bool open = view.open_settings == name;
        if (ImGui::Button(open ? "Hide settings" : "Settings")) {
            view.open_settings = open ? std::string() : name;
        }
        ImGui::SameLine(0, 4);
        if (ImGui::Button(ctx.text("Remove {room}").c_str())) remove_node = name;

        const core::Node* now = core::find_node(view.cluster, name);
        if (now != nullptr) {
            if (view.open_settings == name) draw_room_settings(ctx, view, *now);
            now = core::find_node(view.cluster, name);
            RoomStyle rs;
            rs.show_title = false;
            if (now != nullptr) draw_room(ctx, *now, rs);
        }
        ImGui::PopID();
    }
    if (!remove_node.empty()) {
        change(view, [&] { return status_text(core::remove_node(view.cluster, remove_node)); });
        if (view.open_settings == remove_node) view.open_settings.clear();
    }
}

void draw_add_room(const ViewContext& ctx, PlaygroundView& view) {
    heading(ctx, ctx.text("Add a {room}"));
    const std::vector<core::Subnet>& subnets = view.cluster.vpc.subnets;
    if (subnets.empty()) {
        ImGui::TextDisabled("%s", ctx.text("Add a {building} first.").c_str());
        return;
    }
    if (view.room_type < 0) view.room_type = catalog_index(ctx, "t3.small");
    const int last = static_cast<int>(subnets.size()) - 1;
    view.room_subnet = std::clamp(view.room_subnet, 0, last);
    view.room_pod_subnet = std::clamp(view.room_pod_subnet, 0, last);
    instance_type_picker(ctx, "room", view.room_type, view.room_filter, sizeof(view.room_filter));
    const core::InstanceType& type = ctx.catalog.types[static_cast<size_t>(view.room_type)];
    std::vector<std::string> names;
    for (const core::Subnet& s : subnets) {
        names.push_back(s.id + " (" + core::format_cidr(s.cidr) + ", " + s.az + ")");
    }
    same_line_if(230);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("in");
    ImGui::SameLine(0, 6);
    choice("##room-subnet", view.room_subnet, names, 230);

    core::NodeConfig& cfg = view.room_config;
    checkbox_wrapped("Prefix delegation", &cfg.prefix_delegation);
    same_line_if(200);
    if (checkbox_wrapped("Custom networking", &cfg.custom_networking) && cfg.custom_networking &&
        view.room_pod_subnet == view.room_subnet && subnets.size() > 1) {
        view.room_pod_subnet = view.room_subnet == 0 ? 1 : 0;  // pods in another building
    }
    const bool sgp_ok = core::supports_security_groups_for_pods(type);
    same_line_if(220);
    ImGui::BeginDisabled(!sgp_ok);
    bool sgp = cfg.security_groups_for_pods && sgp_ok;
    if (checkbox_wrapped("Security groups for pods", &sgp)) cfg.security_groups_for_pods = sgp;
    ImGui::EndDisabled();
    if (cfg.custom_networking) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(ctx.text("{desk} {nums} from").c_str());
        ImGui::SameLine(0, 6);
        choice("##pod-subnet", view.room_pod_subnet, names, 230);
    }

    if (ImGui::Button(ctx.text("+ {room}").c_str())) {
        core::NodeDesc d;
        d.name = core::next_group_name(view.cluster) + "-1";
        d.type = type;
        d.subnet_id = subnets[static_cast<size_t>(view.room_subnet)].id;
        d.config = cfg;
        d.config.security_groups_for_pods = sgp;
        d.config.pod_subnet_id = cfg.custom_networking
                                     ? subnets[static_cast<size_t>(view.room_pod_subnet)].id
                                     : std::string();
        change(view, [&] { return status_text(core::add_node(view.cluster, d)); });
    }
    if (!sgp_ok) {
        ImGui::SameLine();
        ImGui::TextDisabled("(%s: no security groups for pods)", type.name.c_str());
    }
}

}  // namespace

bool playground_load_from_fragment(const core::Catalog& catalog, PlaygroundView& view,
                                   const std::string& encoded, std::string* error) {
    core::Result<std::string> text = core::decode_campus(encoded);
    core::Result<core::Scenario> s =
        text ? core::load_scenario(*text, catalog) : core::Result<core::Scenario>(text.error());
    core::Result<core::Cluster> c =
        s ? core::build_cluster(*s, catalog) : core::Result<core::Cluster>(s.error());
    if (!c) {
        if (error != nullptr) *error = c.error().message;
        return false;
    }
    if (view.initialized) {
        view.undo.push_back(view.cluster);
        if (view.undo.size() > kUndoDepth) view.undo.erase(view.undo.begin());
    }
    view.cluster = std::move(c).value();
    view.initialized = true;
    view.open_settings.clear();
    view.message.clear();
    view.notice = "Opened the campus '" + s->name + "' from the link.";
    return true;
}

ViewOut draw_playground(const ViewContext& ctx, PlaygroundView& view) {
    ViewOut out;
    if (ctx.catalog.types.empty()) return ViewOut::nothing();
    if (!view.initialized) {
        core::Result<core::Cluster> c = starter(ctx, kVpcChoices[0]);
        if (!c) {
            wrapped_text(c.error().message.c_str(), color::kBad);
            return out;
        }
        view.cluster = std::move(c).value();
        view.initialized = true;
    }

    draw_tools(ctx, view);
    if (!view.message.empty()) wrapped_text(view.message.c_str(), color::kBad);
    if (!view.notice.empty()) wrapped_text(view.notice.c_str(), color::kGood);

    draw_buildings(ctx, view);
    draw_rooms(ctx, view);
    draw_add_room(ctx, view);
    draw_legend(ctx, kLegendRoom | kLegendBuildingHolders);

    heading(ctx, ctx.text("What the {vpccni} did (newest first)"));
    ImGui::BeginChild("##log", ImVec2(0, 260), true);
    draw_event_log(ctx, view.cluster, 400);
    ImGui::EndChild();

    // The live sentence: the campus in numbers and the latest event.
    long long pods = 0;
    long long waiting = 0;
    for (const core::Node& n : view.cluster.nodes) {
        pods += static_cast<long long>(n.pods.size());
        waiting += static_cast<long long>(n.pending.size());
    }
    std::string ranges;
    for (const core::Cidr& c : view.cluster.vpc.cidrs) {
        ranges += (ranges.empty() ? "" : ", ") + core::format_cidr(c);
    }
    out.live =
        "Playground: VPC " + ranges + ", " +
        plural(static_cast<long long>(view.cluster.vpc.subnets.size()), "subnet", "subnets") +
        ", " + plural(static_cast<long long>(view.cluster.nodes.size()), "node", "nodes") + ", " +
        plural(pods, "pod", "pods") +
        (waiting > 0 ? " (+" + std::to_string(waiting) + " waiting)" : "") + "; undo " +
        std::to_string(view.undo.size());
    // Sentences joined with exactly one full stop between them.
    auto add = [&out](const std::string& sentence) {
        if (!out.live.empty() && out.live.back() != '.') out.live += '.';
        out.live += " " + sentence;
    };
    if (!view.cluster.events.empty()) add("Last: " + view.cluster.events.back().text);
    if (!view.message.empty()) add(view.message);
    if (!view.import_error.empty()) add("Import refused: " + view.import_error);
    return out;
}

}  // namespace web
