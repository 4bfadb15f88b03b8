// view_custom.cpp: step "custom-networking". Two buildings in one zone (the node subnet
// and the ENIConfig's pod subnet, a third in another zone to be refused) and one room. The
// custom-networking switch cannot change a running room (core says so), so the learner
// replaces it; the new room's desks take their addresses from the other building, its first
// panel carries none, and max-pods falls (core::max_pods). kubelet keeps the AMI's value
// until the learner lowers it, so the desks past the address count wait in
// ContainerCreating; "Set max-pods" fixes that and the scheduler keeps the rest Pending.
#include "view_custom.h"

#include <algorithm>
#include <string>
#include <vector>

#include "capacity.h"
#include "context.h"
#include "draw_campus.h"
#include "imgui.h"
#include "platform.h"
#include "ui.h"

namespace web {

namespace {

const char* const kTypes[] = {"m5.large", "t3.large", "m5.xlarge"};
constexpr int kTypeCount = 3;
constexpr const char* kNodeSubnet = "subnet-nodes";

struct PodSubnetChoice {
    const char* id;
    const char* name;
    const char* cidr;
    const char* az;
};
const PodSubnetChoice kPodSubnets[] = {
    {"subnet-pods", "Building P", "100.64.0.0/24", "us-east-1a"},
    {"subnet-b", "Building B", "10.0.2.0/24", "us-east-1a"},
    {"subnet-pods-b", "Building Q", "100.64.1.0/24", "us-east-1b"},
};
constexpr int kPodSubnetCount = 3;

const core::InstanceType* room_type(const ViewContext& ctx, int index) {
    auto found =
        core::find_instance_type(ctx.catalog, kTypes[std::clamp(index, 0, kTypeCount - 1)]);
    return found ? *found : nullptr;
}

void say(CustomNetworkingView& v, std::string text, std::string code = {}, bool failed = false) {
    v.message = std::move(text);
    v.code = std::move(code);
    v.failed = failed;
}

core::Node* room(CustomNetworkingView& v) {
    return v.cluster.nodes.empty() ? nullptr : &v.cluster.nodes.front();
}

// The configuration the learner has chosen, on top of the room's kubelet override.
core::NodeConfig desired(const CustomNetworkingView& v, int max_pods_override) {
    core::NodeConfig c;
    c.custom_networking = v.custom;
    c.pod_subnet_id = kPodSubnets[v.pod_subnet].id;
    c.max_pods_override = max_pods_override;
    return c;
}

// The max-pods the formula gives for the room as configured (no prefix delegation).
long long formula_max_pods(const core::Node& n) {
    core::CapacityOptions o;
    o.custom_networking = n.config.custom_networking;
    return core::max_pods(n.type, o).max_pods;
}

// Schedules `count` desks onto the room; returns how many kubelet refused (Too many pods).
int schedule(CustomNetworkingView& v, int count, int& running, int& waiting, std::string& why,
             std::string& code) {
    int refused = 0;
    for (int i = 0; i < count; ++i) {
        core::Node* n = room(v);
        if (n == nullptr) return count - i;
        core::Result<core::Pod> r = core::add_pod(v.cluster, n->name);
        if (r) {
            ++running;
        } else if (r.error().code == "TooManyPods") {
            ++refused;
            if (why.empty()) {
                why = r.error().message;
                code = r.error().code;
            }
        } else {
            ++waiting;
            if (why.empty() || code == "TooManyPods") {
                why = r.error().message;
                code = r.error().code;
            }
        }
    }
    return refused;
}

std::string tally(const ViewContext& ctx, int running, int waiting, int refused) {
    std::string t = std::to_string(running) + " " + ctx.text("{desks}") + " got an address";
    if (waiting > 0) t += ", " + std::to_string(waiting) + " wait in ContainerCreating";
    if (refused > 0)
        t += ", " + std::to_string(refused) + " refused by kubelet (Too many pods) stay Pending";
    return t + ".";
}

void rebuild(const ViewContext& ctx, CustomNetworkingView& v) {
    v.generation = 1;
    v.unscheduled = 0;
    say(v, {});
    core::Result<core::Vpc> vpc = core::make_vpc("10.0.0.0/16");
    if (!vpc) {
        say(v, vpc.error().message, vpc.error().code, true);
        return;
    }
    core::Vpc campus = std::move(vpc).value();
    core::Status s = core::add_vpc_cidr(campus, "100.64.0.0/16");
    core::SubnetDesc home;
    home.id = kNodeSubnet;
    home.name = "Building A";
    home.cidr = "10.0.1.0/24";
    home.az = "us-east-1a";
    if (s) s = core::add_subnet(campus, home);
    for (const PodSubnetChoice& p : kPodSubnets) {
        core::SubnetDesc d;
        d.id = p.id;
        d.name = p.name;
        d.cidr = p.cidr;
        d.az = p.az;
        if (s) s = core::add_subnet(campus, d);
    }
    if (!s) {
        say(v, s.error().message, s.error().code, true);
        return;
    }
    v.cluster = core::make_cluster(std::move(campus));
    const core::InstanceType* type = room_type(ctx, v.type);
    if (type == nullptr) {
        say(v, "The instance catalog has no " + std::string(kTypes[v.type]) + ".", {}, true);
        return;
    }
    core::NodeDesc d;
    d.name = "node-1";
    d.type = *type;
    d.subnet_id = kNodeSubnet;
    d.config = desired(v, 0);
    d.config.custom_networking = false;  // the room was there before custom networking
    core::Status added = core::add_node(v.cluster, d);
    if (!added) say(v, added.error().message, added.error().code, true);
    v.custom = false;
}

// Replaces the room with one built under the chosen settings, and reschedules its desks.
void replace_room(const ViewContext& ctx, CustomNetworkingView& v) {
    core::Node* n = room(v);
    if (n == nullptr) return;
    const core::NodeConfig next = desired(v, n->config.max_pods_override);
    if (core::Status ok = core::validate_node_config(v.cluster, n->type, kNodeSubnet, next); !ok) {
        say(v, ok.error().message, ok.error().code, true);
        return;
    }
    const int desks = static_cast<int>(n->pods.size() + n->pending.size()) + v.unscheduled;
    const std::string old_name = n->name;
    const core::InstanceType type = n->type;
    core::Cluster before = v.cluster;
    if (core::Status s = core::remove_node(v.cluster, old_name); !s) {
        say(v, s.error().message, s.error().code, true);
        return;
    }
    core::NodeDesc d;
    d.name = "node-" + std::to_string(v.generation + 1);
    d.type = type;
    d.subnet_id = kNodeSubnet;
    d.config = next;
    if (core::Status s = core::add_node(v.cluster, d); !s) {
        v.cluster = std::move(before);
        say(v, s.error().message, s.error().code, true);
        return;
    }
    ++v.generation;
    int running = 0;
    int waiting = 0;
    std::string why;
    std::string code;
    v.unscheduled = schedule(v, desks, running, waiting, why, code);
    std::string text = old_name + " replaced by " + d.name + " (custom networking " +
                       (next.custom_networking ? "on" : "off") + "); its " + std::to_string(desks) +
                       " " + ctx.text("{desks}") +
                       " were rescheduled: " + tally(ctx, running, waiting, v.unscheduled);
    if (waiting > 0) text += " " + why;
    say(v, text, waiting > 0 ? code : std::string(), waiting > 0);
}

void add_desks(const ViewContext& ctx, CustomNetworkingView& v, int count) {
    int running = 0;
    int waiting = 0;
    std::string why;
    std::string code;
    const int refused = schedule(v, count, running, waiting, why, code);
    v.unscheduled += refused;
    std::string text = tally(ctx, running, waiting, refused);
    if (!why.empty()) text += " " + why;
    say(v, text, code, waiting > 0 || refused > 0);
}

void remove_desks(const ViewContext& ctx, CustomNetworkingView& v) {
    core::Node* n = room(v);
    if (n == nullptr) return;
    std::vector<std::string> names;
    for (const core::Pod& p : n->pods)
        names.push_back(p.name);
    for (const core::Pod& p : n->pending)
        names.push_back(p.name);
    const std::string node = n->name;
    for (const std::string& name : names)
        (void)core::remove_pod(v.cluster, node, name);
    v.unscheduled = 0;
    say(v, "All " + ctx.text("{desks}") + " deleted.");
}

// kubelet's max-pods set to what the formula gives; waiting desks are deleted first (the
// model, like kubelet, will not set max-pods below what the node already runs) and
// scheduled again.
void set_max_pods(const ViewContext& ctx, CustomNetworkingView& v) {
    core::Node* n = room(v);
    if (n == nullptr) return;
    const long long target = formula_max_pods(*n);
    std::vector<std::string> stuck;
    for (const core::Pod& p : n->pending)
        stuck.push_back(p.name);
    core::Cluster before = v.cluster;
    const std::string node = n->name;
    for (const std::string& name : stuck)
        (void)core::remove_pod(v.cluster, node, name);
    n = room(v);
    core::NodeConfig c = n->config;
    c.max_pods_override = static_cast<int>(target);
    if (core::Status s = core::set_node_config(v.cluster, node, c); !s) {
        v.cluster = std::move(before);
        say(v, s.error().message, s.error().code, true);
        return;
    }
    int running = 0;
    int waiting = 0;
    std::string why;
    std::string code;
    const int again = static_cast<int>(stuck.size()) + v.unscheduled;
    v.unscheduled = schedule(v, again, running, waiting, why, code);
    std::string text = "kubelet max-pods on " + node + " is now " + std::to_string(target) + ".";
    if (again > 0) {
        text += " " + std::to_string(again) + " " + ctx.text("{desks}") +
                " scheduled again: " + tally(ctx, running, waiting, v.unscheduled);
        if (v.unscheduled > 0)
            text += " The scheduler now knows the " + ctx.text("{room}") +
                    " is full and would send them to another " + ctx.text("{room}") +
                    " instead of leaving them stuck.";
    }
    say(v, text, waiting > 0 ? code : std::string(), waiting > 0);
}

float button_width(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
}

void flow(float width, float right) {
    ImGui::SameLine();
    if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
}

// A cable from a to b (a curve bending vertically).
void cable(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float thick) {
    const float dy = (b.y - a.y) * 0.5f;
    dl->AddBezierCubic(a, ImVec2(a.x, a.y + dy), ImVec2(b.x, b.y - dy), b, col, thick);
}

}  // namespace

ViewOut draw_custom(const ViewContext& ctx, CustomNetworkingView& view) {
    ViewOut out;
    if (ctx.catalog.types.empty()) return ViewOut::nothing();
    if (!view.initialized) {
        view.initialized = true;
        rebuild(ctx, view);
    }
    const float avail = ImGui::GetContentRegionAvail().x;
    const float right = ImGui::GetCursorScreenPos().x + avail;

    // Settings: the room size, the switch, the ENIConfig's subnet.
    ImGui::AlignTextToFramePadding();
    std::string type_label = ctx.text("{instance}");
    ImGui::TextUnformatted(type_label.c_str());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(130);
    if (ImGui::BeginCombo("##cn-type", kTypes[view.type])) {
        for (int i = 0; i < kTypeCount; ++i) {
            if (ImGui::Selectable(kTypes[i], i == view.type) && i != view.type) {
                view.type = i;
                rebuild(ctx, view);
                say(view, ctx.text("A new {room}: ") + kTypes[i] + ".");
            }
        }
        ImGui::EndCombo();
    }
    flow(button_width("Start over"), right);
    if (ImGui::Button("Start over")) rebuild(ctx, view);

    core::Node* n = room(view);
    if (n == nullptr) {
        wrapped_text(view.message.c_str(), color::kBad);
        return out;
    }
    if (checkbox_wrapped("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true", &view.custom)) {
        // The setting reaches the running room only by replacing it: core says so.
        core::NodeConfig c = n->config;
        c.custom_networking = view.custom;
        // Only the switch changes here (the ENIConfig is another matter).
        core::Status s = core::set_node_config(view.cluster, n->name, c);
        if (!s) {
            say(view, s.error().message, s.error().code, true);
        } else {
            say(view, "Nothing to change on " + n->name + ".");
        }
        n = room(view);
    }
    std::string eniconfig = ctx.text("{eniconfig} {building}:");
    wrapped_text(eniconfig.c_str(), color::kMuted);
    for (int i = 0; i < kPodSubnetCount; ++i) {
        const PodSubnetChoice& p = kPodSubnets[i];
        std::string label = std::string(p.cidr) + " (" + p.az + ")##pod" + std::to_string(i);
        if (i > 0) flow(button_width(label.c_str()) + 30, right);
        if (ImGui::RadioButton(label.c_str(), view.pod_subnet == i) && view.pod_subnet != i) {
            view.pod_subnet = i;
            core::NodeConfig check = desired(view, 0);
            check.custom_networking = true;  // an ENIConfig only matters with it on
            core::Status ok = core::validate_node_config(view.cluster, n->type, kNodeSubnet, check);
            if (!ok) {
                say(view, ok.error().message, ok.error().code, true);
            } else {
                say(view, ctx.text("The {eniconfig} now names ") + p.id + " (" + p.cidr + ").");
            }
        }
    }

    // Does the running room match what the learner chose?
    const bool stale = n->config.custom_networking != view.custom ||
                       (view.custom && n->config.pod_subnet_id != kPodSubnets[view.pod_subnet].id);
    const long long formula = formula_max_pods(*n);

    // Buttons acting on the model.
    ImGui::Spacing();
    {
        std::string replace = ctx.text("Replace the {room}");
        std::string one = ctx.text("Add {desk}");
        std::string ten = ctx.text("Add 10 {desks}");
        std::string none = ctx.text("Delete all {desks}");
        if (stale) {
            ImGui::PushStyleColor(ImGuiCol_Button, color::kAccent);
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(29, 78, 216, 255));
            ImGui::PushStyleColor(ImGuiCol_ButtonActive, IM_COL32(30, 64, 175, 255));
            ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
            if (ImGui::Button(replace.c_str())) replace_room(ctx, view);
            ImGui::PopStyleColor(4);
            flow(button_width(one.c_str()), right);
        }
        if (ImGui::Button(one.c_str())) add_desks(ctx, view, 1);
        flow(button_width(ten.c_str()), right);
        if (ImGui::Button(ten.c_str())) add_desks(ctx, view, 10);
        flow(button_width(none.c_str()), right);
        if (ImGui::Button(none.c_str())) remove_desks(ctx, view);
        n = room(view);
        if (n != nullptr && n->max_pods != formula_max_pods(*n)) {
            std::string set_now = "Set max-pods to " + std::to_string(formula_max_pods(*n));
            flow(button_width(set_now.c_str()), right);
            if (ImGui::Button(set_now.c_str())) set_max_pods(ctx, view);
        }
    }
    n = room(view);
    if (n == nullptr) return out;

    if (!view.message.empty()) {
        if (!view.code.empty()) {
            ImGui::PushFont(ctx.fonts.strong);
            ImGui::TextColored(rgba(color::kBad), "%s", view.code.c_str());
            ImGui::PopFont();
        }
        wrapped_text(view.message.c_str(), view.failed ? color::kBad : color::kInk);
    }
    if (stale) {
        std::string hint = n->name + ctx.text(" still runs with custom networking ") +
                           (n->config.custom_networking ? "on" : "off") +
                           ctx.text(": a running {room} keeps its layout. Replace it.");
        wrapped_text(hint.c_str(), color::kMuted);
    }

    // The numbers, all from core.
    const core::NodeStats st = core::node_stats(*n);
    core::CapacityOptions pd;
    pd.custom_networking = n->config.custom_networking;
    pd.prefix_delegation = true;
    const long long with_pd = core::max_pods(n->type, pd).max_pods;
    // The picture: the two buildings, the room, and cables from the room to where its
    // desks' extensions live.
    const core::Subnet* home = core::find_subnet(view.cluster.vpc, kNodeSubnet);
    const core::Subnet* pods = core::find_subnet(view.cluster.vpc, kPodSubnets[view.pod_subnet].id);
    if (home == nullptr || pods == nullptr) return out;
    const bool custom_on = n->config.custom_networking;
    const core::Subnet* desk_home =
        custom_on ? core::find_subnet(view.cluster.vpc, n->config.pod_subnet_id) : home;
    if (desk_home == nullptr) desk_home = home;
    ImGui::Spacing();
    BuildingStyle bs;
    bs.cluster = &view.cluster;
    bs.max_cell = avail >= 560 ? 9.0f : 12.0f;
    bs.show_counts = true;
    BuildingStyle ps = bs;
    bs.title = home->name + " \xC2\xB7 " + ctx.text("{rooms}");
    ps.title = pods->name + " \xC2\xB7 " + ctx.text("{desks}");
    RoomStyle rs;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 home_o, home_sz, pods_o, pods_sz, room_o, room_sz;
    const bool wide = avail >= 560;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    if (wide) {
        // Three columns: the node building, the room, the pod building; cables between.
        const float gap = 30;
        const float bw = std::clamp(avail * 0.27f, 150.0f, 240.0f);
        const float room_w = avail - 2 * bw - 2 * gap;
        bs.max_width = bw;
        ps.max_width = bw;
        bs.show_counts = bw >= 220;  // the counts need room to read
        ps.show_counts = bs.show_counts;
        home_o = top;
        ImGui::SetCursorScreenPos(home_o);
        home_sz = draw_building(ctx, *home, bs);
        pods_o = ImVec2(top.x + avail - bw, top.y);
        ImGui::SetCursorScreenPos(pods_o);
        pods_sz = draw_building(ctx, *pods, ps);
        rs.max_width = room_w;
        room_o = ImVec2(top.x + bw + gap, top.y + 30);
        ImGui::SetCursorScreenPos(room_o);
        room_sz = draw_room(ctx, *n, rs);
        const float bottom = std::max({home_sz.y, pods_sz.y, room_sz.y + 30});
        ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + bottom + 8));
        ImGui::Dummy(ImVec2(avail, 1));
    } else {
        bs.max_width = avail;
        ps.max_width = avail;
        home_o = top;
        home_sz = draw_building(ctx, *home, bs);
        ImGui::Dummy(ImVec2(1, 40));
        rs.max_width = avail;
        room_o = ImGui::GetCursorScreenPos();
        room_sz = draw_room(ctx, *n, rs);
        ImGui::Dummy(ImVec2(1, 40));
        pods_o = ImGui::GetCursorScreenPos();
        pods_sz = draw_building(ctx, *pods, ps);
    }
    // Cables: the room's own address to its building (orange), one per running desk (at
    // most 12 drawn) to the building its address comes from (green).
    const int desks = std::min(12, st.pods);
    const bool to_pods = desk_home == pods && desk_home != home;
    if (wide) {
        auto hcable = [&](ImVec2 a, ImVec2 b, ImU32 col, float thick) {
            const float dx = (b.x - a.x) * 0.5f;
            dl->AddBezierCubic(a, ImVec2(a.x + dx, a.y), ImVec2(b.x - dx, b.y), b, col, thick);
        };
        const float home_right = home_o.x + home_sz.x;
        const float room_right = room_o.x + room_sz.x;
        hcable(ImVec2(room_o.x, room_o.y + 24), ImVec2(home_right, home_o.y + home_sz.y * 0.3f),
               color::kSlotMain, 3);
        for (int i = 0; i < desks; ++i) {
            const float t =
                desks == 1 ? 0.5f : static_cast<float>(i) / static_cast<float>(desks - 1);
            const float ry = room_o.y + room_sz.y * (0.35f + 0.55f * t);
            if (to_pods) {
                hcable(ImVec2(room_right, ry),
                       ImVec2(pods_o.x, pods_o.y + pods_sz.y * (0.3f + 0.45f * t)),
                       color::kSlotDesk, 1.5f);
            } else {
                hcable(ImVec2(room_o.x, ry),
                       ImVec2(home_right, home_o.y + home_sz.y * (0.35f + 0.45f * t)),
                       color::kSlotDesk, 1.5f);
            }
        }
    } else {
        const float room_mid = room_o.x + room_sz.x * 0.5f;
        cable(dl, ImVec2(room_o.x + 24, room_o.y),
              ImVec2(home_o.x + home_sz.x * 0.3f, home_o.y + home_sz.y), color::kSlotMain, 3);
        for (int i = 0; i < desks; ++i) {
            const float t =
                desks == 1 ? 0.5f : static_cast<float>(i) / static_cast<float>(desks - 1);
            const float rx = room_mid - room_sz.x * 0.25f + room_sz.x * 0.5f * t;
            if (to_pods) {
                cable(dl, ImVec2(rx, room_o.y + room_sz.y),
                      ImVec2(pods_o.x + pods_sz.x * (0.3f + 0.5f * t), pods_o.y), color::kSlotDesk,
                      1.5f);
            } else {
                cable(dl, ImVec2(rx, room_o.y),
                      ImVec2(home_o.x + home_sz.x * (0.4f + 0.5f * t), home_o.y + home_sz.y),
                      color::kSlotDesk, 1.5f);
            }
        }
    }
    draw_legend(ctx, kLegendRoom | kLegendReserved | kLegendAddrFree);

    std::string desk_where =
        custom_on ? ctx.text("{desks} take their {exts} from ") + desk_home->name + " (" +
                        core::format_cidr(desk_home->cidr) + "); the {firstpanel} carries none."
                  : ctx.text("{desks} take their {exts} from the {room}'s own {building}.");
    wrapped_text(ctx.text(desk_where).c_str(), color::kMuted);

    // The numbers, all from core.
    {
        ImGui::Spacing();
        const NumberCard cards[] = {
            {"kubelet max-pods", std::to_string(n->max_pods), {}},
            {"max-pods by the formula", std::to_string(formula), {}},
            {ctx.text("{desk} {exts}"), std::to_string(st.address_capacity), {}},
            {ctx.text("{desks} in ContainerCreating"), std::to_string(st.pending),
             view.unscheduled > 0
                 ? "+" + std::to_string(view.unscheduled) + " Pending (Too many pods)"
                 : std::string()}};
        number_cards(cards, 4, avail >= 560 ? 4 : 2, ctx.fonts.big);
        core::CapacityOptions o;
        o.custom_networking = n->config.custom_networking;
        const core::MaxPods mp = core::max_pods(n->type, o);
        std::string why = n->type.name + ":";
        for (const core::DerivationStep& step : mp.steps) {
            if (step.label != "pod addresses" && step.label != "max-pods") continue;
            why += " " + step.label + " " + step.formula + " = " + std::to_string(step.value) + ";";
        }
        why += " " + std::to_string(with_pd) + " with prefix delegation. kubelet has " +
               std::to_string(n->max_pods) +
               (n->config.max_pods_override > 0 ? " (set by hand)." : " (the AMI's value).");
        wrapped_text(why.c_str(), color::kMuted);
    }

    out.live =
        n->name + " (" + n->type.name + "), custom networking " +
        (custom_on ? "on, " + ctx.text("{desks}") + " from " + core::format_cidr(desk_home->cidr)
                   : std::string("off")) +
        ": kubelet max-pods " + std::to_string(n->max_pods) + ", formula " +
        std::to_string(formula) + ", " + std::to_string(st.address_capacity) + " " +
        ctx.text("{desk} {exts}") + "; " + std::to_string(st.pods) + " " + ctx.text("{desks}") +
        " running, " + std::to_string(st.pending) + " waiting in ContainerCreating, " +
        std::to_string(view.unscheduled) + " Pending (Too many pods)." +
        (view.message.empty() ? "" : " " + view.message);
    return out;
}

}  // namespace web
