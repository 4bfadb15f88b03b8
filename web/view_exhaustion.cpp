// view_exhaustion.cpp: step "building-runs-out". One small building (subnet) and rooms
// (nodes) of a chosen size; every button calls core (add_node, add_pod, remove_node,
// hold_addresses) and the building's address map shows the pool draining until AWS says
// InsufficientFreeAddressesInSubnet. In prefix-delegation mode, scattered single addresses
// break up the aligned /28 blocks (InsufficientCidrBlocks while singles remain); a
// dedicated building for the rooms, or a subnet CIDR reservation of the building's upper
// half for prefixes, are the cures the learner can try.
#include "view_exhaustion.h"

#include <algorithm>
#include <string>

#include "context.h"
#include "draw_campus.h"
#include "imgui.h"
#include "locate.h"
#include "occupancy.h"
#include "platform.h"
#include "ui.h"

namespace web {

namespace {

constexpr int kSizes[] = {24, 25, 26, 27, 28};
constexpr int kSizeCount = 5;
const char* const kTypes[] = {"t3.small", "t3.medium", "m5.large", "m5.xlarge"};
constexpr int kTypeCount = 4;
constexpr const char* kShared = "subnet-a";
constexpr const char* kOwn = "subnet-b";
constexpr const char* kOwnCidr = "10.0.2.0/24";  // the cure: a roomy building for prefixes
constexpr uint32_t kScatterSeed = 7;
constexpr size_t kMaxActions = 400;
constexpr int kDesksPerPress = 10;
constexpr int kOthersPerPress = 10;

const core::InstanceType* room_type(const ViewContext& ctx, int index) {
    auto found =
        core::find_instance_type(ctx.catalog, kTypes[std::clamp(index, 0, kTypeCount - 1)]);
    return found ? *found : nullptr;
}

const char* rooms_subnet(const ExhaustionView& v) {
    return v.prefix_mode && v.dedicated ? kOwn : kShared;
}

// "10.0.1.0/26": the building's block, written out for the chosen size.
std::string building_cidr(const ExhaustionView& v, int third_octet) {
    return "10.0." + std::to_string(third_octet) + ".0/" + std::to_string(kSizes[v.size]);
}

void say(ExhaustionView& v, std::string text, std::string code = {}, bool failed = false) {
    v.message = std::move(text);
    v.code = std::move(code);
    v.failed = failed;
}

// Lets every room's ipamd run its periodic pass (waiting desks may get an address).
void settle_all(core::Cluster& c) {
    for (const core::Node& n : c.nodes)
        (void)core::reconcile(c, n.name);
}

void apply(const ViewContext& ctx, ExhaustionView& v, ExhaustionAction a) {
    core::Cluster& c = v.cluster;
    switch (a) {
        case ExhaustionAction::AddRoom: {
            const core::InstanceType* type = room_type(ctx, v.type);
            if (type == nullptr) {
                say(v, "The instance catalog has no " + std::string(kTypes[v.type]) + ".", {},
                    true);
                return;
            }
            core::NodeDesc d;
            d.name = "node-" + std::to_string(v.next_room);
            d.type = *type;
            d.subnet_id = rooms_subnet(v);
            d.config.prefix_delegation = v.prefix_mode;
            core::Status s = core::add_node(c, d);
            if (!s) {
                say(v, s.error().message, s.error().code, true);
                return;
            }
            ++v.next_room;
            const core::Node* n = core::find_node(c, d.name);
            if (n != nullptr && !n->pool_error.empty()) {
                say(v,
                    d.name + " joined with its own address, but ipamd cannot fill its pool: " +
                        n->pool_error,
                    n->pool_error_code, true);
            } else if (n != nullptr) {
                say(v, core::node_summary(*n) + ".");
            }
            return;
        }
        case ExhaustionAction::AddDesks: {
            if (c.nodes.empty()) {
                say(v, ctx.text("Add a {room} first: {desks} need a {room} to sit in."), {}, true);
                return;
            }
            int running = 0;
            int waiting = 0;
            bool full = false;
            std::string code;
            for (int i = 0; i < kDesksPerPress; ++i) {
                const core::Node* n = core::least_loaded_node(c);
                if (n == nullptr) {
                    full = true;
                    break;
                }
                const std::string name = n->name;
                core::Result<core::Pod> r = core::add_pod(c, name);
                if (r) {
                    ++running;
                } else {
                    ++waiting;
                    if (code.empty()) code = r.error().code;
                }
            }
            std::string text =
                std::to_string(running) + " new " + ctx.text("{desks}") + " got an address";
            if (waiting > 0)
                text += ", " + std::to_string(waiting) + (waiting == 1 ? " waits" : " wait") +
                        " in ContainerCreating";
            text += ".";
            if (full)
                text += " Every " + ctx.text("{room}") +
                        " is at its max-pods, so the scheduler places no more: add a " +
                        ctx.text("{room}") + ".";
            say(v, text, code, waiting > 0);
            return;
        }
        case ExhaustionAction::RemoveRoom: {
            if (c.nodes.empty()) {
                say(v, ctx.text("There is no {room} to remove."), {}, true);
                return;
            }
            const std::string name = c.nodes.back().name;
            core::Status s = core::remove_node(c, name);
            if (!s) {
                say(v, s.error().message, s.error().code, true);
                return;
            }
            settle_all(c);
            say(v, name + " removed: everything it held went back to the " +
                       ctx.text("{building}") + ".");
            return;
        }
        case ExhaustionAction::AddOthers: {
            const std::string label = "other-" + std::to_string(v.next_other);
            core::Status s = core::hold_addresses(c, kShared, kOthersPerPress, label);
            if (!s) {
                say(v, s.error().message, s.error().code, true);
                return;
            }
            ++v.next_other;
            say(v, std::to_string(kOthersPerPress) +
                       " single addresses taken by other things in Building A (Lambda, a "
                       "database, a load balancer)" +
                       (v.scatter ? ", spread over the building as EC2 does." : ", packed low."));
            return;
        }
        case ExhaustionAction::FreeOthers: {
            std::vector<std::string> labels;
            for (const core::OtherUse& o : c.others)
                labels.push_back(o.label);
            for (const std::string& l : labels)
                (void)core::release_held(c, l);
            settle_all(c);
            say(v, "The other things gave their addresses back.");
            return;
        }
    }
}

// A fresh campus for the current settings, then the learner's presses again.
void rebuild(const ViewContext& ctx, ExhaustionView& v, ViewOut& out) {
    core::Result<core::Vpc> vpc = core::make_vpc("10.0.0.0/16");
    if (!vpc) {
        say(v, vpc.error().message, vpc.error().code, true);
        return;
    }
    v.cluster = core::make_cluster(std::move(vpc).value());
    core::SubnetDesc a;
    a.id = kShared;
    a.name = "Building A";
    a.cidr = building_cidr(v, 1);
    a.scatter = v.scatter ? kScatterSeed : 0;
    if (v.prefix_mode && v.reserve) {
        // The upper half: a /25 of a /24 ... a /28 of a /27 (a /28 has no half to give).
        core::Result<core::Cidr> whole = core::parse_cidr(a.cidr);
        if (whole && whole->prefix < 28) {
            core::Result<std::vector<core::Cidr>> halves =
                core::cidr_split(*whole, whole->prefix + 1);
            if (halves && halves->size() == 2)
                a.prefix_reservation_cidr = core::format_cidr(halves->back());
        }
    }
    core::Status s = core::add_subnet(v.cluster.vpc, a);
    if (s && v.prefix_mode && v.dedicated) {
        core::SubnetDesc b = a;
        b.id = kOwn;
        b.name = "Building B";
        b.cidr = kOwnCidr;
        s = core::add_subnet(v.cluster.vpc, b);
    }
    if (!s) {
        say(v, s.error().message, s.error().code, true);
        return;
    }
    v.next_room = 1;
    v.next_other = 1;
    say(v, {});
    for (ExhaustionAction act : v.actions)
        apply(ctx, v, act);
    out.animate(platform::now_ms() + 300);
}

void press(const ViewContext& ctx, ExhaustionView& v, ExhaustionAction a, ViewOut& out) {
    if (v.actions.size() >= kMaxActions) {
        say(v, "That is a lot of presses: choose Start over to keep playing.", {}, true);
        return;
    }
    v.actions.push_back(a);
    apply(ctx, v, a);
    out.animate(platform::now_ms() + 300);
}

float button_width(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
}

// Places the next item on the same line if `width` still fits, else on a new line.
void flow(float width, float right) {
    ImGui::SameLine();
    if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
}

ImU32 block_color(core::BlockState b) {
    switch (b) {
        case core::BlockState::Free:
            return color::kSlotFree;
        case core::BlockState::Prefix:
            return color::kAddrPrefix;
        case core::BlockState::Broken:
            return IM_COL32(236, 176, 90, 255);
        case core::BlockState::Full:
            return color::kAddrIp;
        case core::BlockState::Reserved:
            return color::kAddrReserved;
    }
    return color::kSlotFree;
}

const char* block_words(core::BlockState b) {
    switch (b) {
        case core::BlockState::Free:
            return "wholly free: a {block} fits here";
        case core::BlockState::Prefix:
            return "handed out as a {block}";
        case core::BlockState::Broken:
            return "broken up: free {nums}, but a single {ext} sits inside";
        case core::BlockState::Full:
            return "full of single {exts}";
        case core::BlockState::Reserved:
            return "holds {nums} AWS keeps: never a {block}";
    }
    return "";
}

// One square per aligned /28 block of the subnet, coloured by its state.
void draw_blocks(const ViewContext& ctx, const core::Subnet& s) {
    const std::vector<core::BlockState> blocks = core::block_states(s);
    if (blocks.empty()) return;
    ImGui::PushFont(ctx.fonts.strong);
    std::string head = ctx.text("Aligned {blocks} in ") + s.name;
    ImGui::TextUnformatted(head.c_str());
    ImGui::PopFont();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float side =
        std::clamp((avail - 4) / static_cast<float>(blocks.size()) - 4, 10.0f, 34.0f);
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const int per_row = std::max(1, static_cast<int>((avail + 4) / (side + 4)));
    int hovered = -1;
    for (size_t i = 0; i < blocks.size(); ++i) {
        const int col = static_cast<int>(i) % per_row;
        const int row = static_cast<int>(i) / per_row;
        ImVec2 a(o.x + static_cast<float>(col) * (side + 4),
                 o.y + static_cast<float>(row) * (side + 4));
        ImVec2 z(a.x + side, a.y + side);
        dl->AddRectFilled(a, z, block_color(blocks[i]), 3);
        if (blocks[i] == core::BlockState::Free) dl->AddRect(a, z, color::kGood, 3, 0, 2);
        if (blocks[i] == core::BlockState::Broken) {
            dl->AddLine(ImVec2(a.x + 3, a.y + 3), ImVec2(z.x - 3, z.y - 3), color::kBad, 2);
        }
        if (ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(a, z))
            hovered = static_cast<int>(i);
    }
    const int rows = (static_cast<int>(blocks.size()) + per_row - 1) / per_row;
    ImGui::Dummy(ImVec2(avail, static_cast<float>(rows) * (side + 4)));
    if (hovered >= 0) {
        const core::Cidr block{s.cidr.base + static_cast<uint32_t>(hovered) * 16u, 28};
        ImGui::BeginTooltip();
        ImGui::Text("%s", core::format_cidr(block).c_str());
        ImGui::TextUnformatted(ctx.text(block_words(blocks[static_cast<size_t>(hovered)])).c_str());
        ImGui::EndTooltip();
    }
    // The key, wrapped.
    const core::BlockState order[] = {core::BlockState::Free, core::BlockState::Broken,
                                      core::BlockState::Prefix, core::BlockState::Full,
                                      core::BlockState::Reserved};
    const char* names[] = {"free", "broken up", "{block}", "full", "AWS-reserved"};
    const float right = ImGui::GetCursorScreenPos().x + avail;
    ImGui::PushFont(ctx.fonts.small);
    for (int k = 0; k < 5; ++k) {
        std::string label = ctx.text(names[k]);
        const float w = 16 + ImGui::CalcTextSize(label.c_str()).x;
        if (k > 0) flow(w, right);
        ImVec2 p = ImGui::GetCursorScreenPos();
        ImVec2 a(p.x, p.y + 2), z(p.x + 11, p.y + 13);
        dl->AddRectFilled(a, z, block_color(order[k]), 2);
        if (order[k] == core::BlockState::Free) dl->AddRect(a, z, color::kGood, 2);
        ImGui::Dummy(ImVec2(11, 13));
        ImGui::SameLine(0, 5);
        ImGui::TextDisabled("%s", label.c_str());
    }
    ImGui::PopFont();
}

// The big numbers: size, reserved, free singles, free aligned blocks.
void draw_cards(const ViewContext& ctx, const core::SubnetUsage& u) {
    const NumberCard cards[] = {{ctx.text("{nums} in the {building}"), std::to_string(u.size), {}},
                                {"kept by AWS", std::to_string(u.reserved), {}},
                                {ctx.text("free {nums}"), std::to_string(u.free), {}},
                                {ctx.text("free {blocks}"), std::to_string(u.free_blocks), {}}};
    number_cards(cards, 4, ImGui::GetContentRegionAvail().x >= 560 ? 4 : 2, ctx.fonts.big);
}

}  // namespace

ViewOut draw_exhaustion(const ViewContext& ctx, ExhaustionView& view) {
    ViewOut out;
    if (ctx.catalog.types.empty()) return ViewOut::nothing();
    if (!view.initialized) {
        view.initialized = true;
        view.actions = {ExhaustionAction::AddRoom};  // one room to start with
        rebuild(ctx, view, out);
    }
    const float avail = ImGui::GetContentRegionAvail().x;
    const float right = ImGui::GetCursorScreenPos().x + avail;
    bool changed = false;

    // Settings: building size, room size, mode.
    {
        ImGui::AlignTextToFramePadding();
        std::string label = ctx.text("{building} size");
        ImGui::TextUnformatted(label.c_str());
        ImGui::SameLine();
        std::string preview = "/" + std::to_string(kSizes[view.size]);
        ImGui::SetNextItemWidth(90);
        const bool size_open = ImGui::BeginCombo("##size", preview.c_str());
        locate_note("##size");
        if (size_open) {
            for (int i = 0; i < kSizeCount; ++i) {
                std::string item = "/" + std::to_string(kSizes[i]);
                if (ImGui::Selectable(item.c_str(), i == view.size) && i != view.size) {
                    view.size = i;
                    changed = true;
                }
            }
            ImGui::EndCombo();
        }
        std::string room_label = ctx.text("{instance}");
        flow(ImGui::CalcTextSize(room_label.c_str()).x + 150, right);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(room_label.c_str());
        ImGui::SameLine();
        ImGui::SetNextItemWidth(130);
        const bool type_open = ImGui::BeginCombo("##type", kTypes[view.type]);
        locate_note("##type");
        if (type_open) {
            for (int i = 0; i < kTypeCount; ++i) {
                if (ImGui::Selectable(kTypes[i], i == view.type) && i != view.type) {
                    view.type = i;
                    changed = true;
                }
            }
            ImGui::EndCombo();
        }
        int mode = view.prefix_mode ? 1 : 0;
        std::string single = ctx.text("{deskexts}");
        std::string blocks = "prefix delegation";
        if (ImGui::RadioButton(single.c_str(), &mode, 0)) changed = true;
        flow(button_width(blocks.c_str()) + 30, right);
        if (ImGui::RadioButton(blocks.c_str(), &mode, 1)) changed = true;
        view.prefix_mode = mode == 1;
        if (view.prefix_mode) {
            std::string scatter = ctx.text("scatter single {nums} (as EC2 does)");
            if (checkbox_wrapped(scatter.c_str(), &view.scatter)) changed = true;
            std::string own = ctx.text("cure: {rooms} in a /24 {building} of their own");
            flow(button_width(own.c_str()) + 30, right);
            if (checkbox_wrapped(own.c_str(), &view.dedicated)) changed = true;
            std::string half = ctx.text("cure: keep the upper half of Building A for {blocks}");
            flow(button_width(half.c_str()) + 30, right);
            ImGui::BeginDisabled(kSizes[view.size] >= 28);
            if (checkbox_wrapped(half.c_str(), &view.reserve)) changed = true;
            ImGui::EndDisabled();
            if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
                ImGui::SetTooltip("%s",
                                  kSizes[view.size] >= 28
                                      ? "A /28 building is one block: it has no half to reserve."
                                      : "A subnet CIDR reservation of type prefix: single numbers "
                                        "never come from it, blocks of 16 come from it first.");
            }
        }
    }
    if (changed) {
        rebuild(ctx, view, out);
        const std::string code = view.code;
        const bool failed = view.failed;
        const size_t n = view.actions.size();
        say(view,
            "New settings: a fresh " + ctx.text("{building}") +
                (n == 0 ? std::string(".")
                        : ", with your " +
                              (n == 1 ? std::string("press") : std::to_string(n) + " presses") +
                              " replayed."),
            code, failed);
    }

    // Buttons acting on the model.
    {
        std::string add_room = ctx.text("Add {room}");
        std::string add_desks = ctx.text("Add 10 {desks}");
        std::string remove_room = ctx.text("Remove {room}");
        std::string others = ctx.text("Other things take 10 {nums}");
        std::string free_others = "They give them back";
        if (ImGui::Button(add_room.c_str())) press(ctx, view, ExhaustionAction::AddRoom, out);
        flow(button_width(add_desks.c_str()), right);
        if (ImGui::Button(add_desks.c_str())) press(ctx, view, ExhaustionAction::AddDesks, out);
        flow(button_width(remove_room.c_str()), right);
        ImGui::BeginDisabled(view.cluster.nodes.empty());
        if (ImGui::Button(remove_room.c_str())) press(ctx, view, ExhaustionAction::RemoveRoom, out);
        ImGui::EndDisabled();
        if (view.prefix_mode) {
            flow(button_width(others.c_str()), right);
            if (ImGui::Button(others.c_str())) press(ctx, view, ExhaustionAction::AddOthers, out);
            if (!view.cluster.others.empty()) {
                flow(button_width(free_others.c_str()), right);
                if (ImGui::Button(free_others.c_str()))
                    press(ctx, view, ExhaustionAction::FreeOthers, out);
            }
        }
        flow(button_width("Start over"), right);
        if (ImGui::Button("Start over")) {
            view.actions = {ExhaustionAction::AddRoom};
            rebuild(ctx, view, out);
        }
    }

    const core::Subnet* home = core::find_subnet(view.cluster.vpc, rooms_subnet(view));
    const core::Subnet* shared = core::find_subnet(view.cluster.vpc, kShared);
    if (home == nullptr || shared == nullptr) {
        wrapped_text(view.message.c_str(), color::kBad);
        return out;
    }
    const core::SubnetUsage usage = core::subnet_usage(*home);

    ImGui::Spacing();
    draw_cards(ctx, usage);

    // What the last press did.
    if (!view.message.empty()) {
        ImGui::Spacing();
        if (!view.code.empty()) {
            ImGui::PushFont(ctx.fonts.strong);
            ImGui::TextColored(rgba(color::kBad), "%s", view.code.c_str());
            ImGui::PopFont();
        }
        wrapped_text(view.message.c_str(), view.failed ? color::kBad : color::kInk);
    }

    // Desks waiting for an address.
    int running = 0;
    int waiting = 0;
    const core::Pod* first_waiting = nullptr;
    std::string first_waiting_room;
    for (const core::Node& n : view.cluster.nodes) {
        running += static_cast<int>(n.pods.size());
        waiting += static_cast<int>(n.pending.size());
        if (first_waiting == nullptr && !n.pending.empty()) {
            first_waiting = &n.pending.front();
            first_waiting_room = n.name;
        }
    }
    if (first_waiting != nullptr) {
        ImGui::Spacing();
        std::string stuck = std::to_string(waiting) + " " +
                            ctx.text(waiting == 1 ? "{desk}" : "{desks}") +
                            " stuck in ContainerCreating. " + first_waiting->name + " on " +
                            first_waiting_room + ": " + first_waiting->waiting;
        wrapped_text(stuck.c_str(), color::kBad);
    }

    // The building(s).
    ImGui::Spacing();
    BuildingStyle bs;
    bs.cluster = &view.cluster;
    const bool two = home != shared;
    if (two && avail >= 600) {
        bs.max_width = (avail - 16) / 2;
        draw_building(ctx, *home, bs);
        ImGui::SameLine(0, 16);
        draw_building(ctx, *shared, bs);
    } else {
        bs.max_width = std::min(avail, 560.0f);
        draw_building(ctx, *home, bs);
        if (two) draw_building(ctx, *shared, bs);
    }
    draw_legend(ctx, kLegendBuildingHolders | kLegendAddrOther);
    if (view.prefix_mode) {
        ImGui::Spacing();
        draw_blocks(ctx, *home);
    }

    // The rooms, side by side where they fit.
    if (!view.cluster.nodes.empty()) {
        ImGui::Spacing();
        float room_w = avail >= 600 ? (avail - 12) / 2 : avail;
        RoomStyle rs;
        rs.max_width = room_w;
        rs.show_unattached = true;
        float x_used = 0;
        for (size_t i = 0; i < view.cluster.nodes.size(); ++i) {
            if (i > 0) {
                if (x_used + 12 + room_w <= avail + 1) {
                    ImGui::SameLine(0, 12);
                    x_used += 12;
                } else {
                    x_used = 0;
                }
            }
            ImVec2 used = draw_room(ctx, view.cluster.nodes[i], rs);
            x_used += used.x;
            room_w = used.x;  // the next room (same size) needs as much
        }
        draw_legend(ctx, kLegendRoom);
    } else {
        wrapped_text(ctx.text("No {rooms} yet: press Add {room}.").c_str(), color::kMuted);
    }

    // Why prefix requests fail, and the cures.
    if (view.prefix_mode) {
        ImGui::Spacing();
        std::string counts =
            "Free single " + ctx.text("{nums}") + ": " + std::to_string(usage.free) +
            ". Free aligned " + ctx.text("{blocks}") + ": " + std::to_string(usage.free_blocks) +
            " (" + std::to_string(usage.broken_blocks) + " broken up by single addresses, " +
            std::to_string(usage.blocks - usage.delegatable) + " hold AWS-reserved addresses).";
        wrapped_text(counts.c_str());
        wrapped_text(
            ctx.text("Cures: a {building} of their own for the {rooms} (the switch above), or a "
                     "subnet CIDR reservation of type prefix, which keeps single {exts} out of "
                     "part of the {building} so {blocks} always find room there.")
                .c_str(),
            color::kMuted);
    }

    // The live sentence for screen readers.
    std::string live = home->name + " " + core::format_cidr(home->cidr) + ": " +
                       std::to_string(usage.size) + " " + ctx.text("{nums}") + ", " +
                       std::to_string(usage.reserved) + " reserved by AWS, " +
                       std::to_string(usage.free) + " free, " + std::to_string(usage.free_blocks) +
                       " free aligned /28 blocks; " + std::to_string(view.cluster.nodes.size()) +
                       " " + ctx.text(view.cluster.nodes.size() == 1 ? "{room}" : "{rooms}") +
                       ", " + std::to_string(running) + " " + ctx.text("{desks}") + " running, " +
                       std::to_string(waiting) + " waiting in ContainerCreating";
    if (!view.code.empty()) live += " (" + view.code + ")";
    out.live = live + ".";
    return out;
}

}  // namespace web
