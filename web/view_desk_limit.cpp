// view_desk_limit.cpp: step "desk-limit": any instance type, its panels and slots, the
// seed's simple count beside the exact kubelet max-pods with the working shown, and the
// room's CPU and memory when every desk extension is taken (see view_desk_limit.h).
#include "view_desk_limit.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "capacity.h"
#include "compute.h"
#include "context.h"
#include "draw_campus.h"
#include "imgui.h"
#include "ipam.h"
#include "ui.h"

namespace web {

namespace {

std::string num(long long v) {
    return std::to_string(v);
}

void rebuild(const ViewContext& ctx, DeskLimitView& view) {
    const core::InstanceType& type = ctx.catalog.types[static_cast<size_t>(view.type)];
    view.built_type = view.type;
    view.error.clear();
    core::Result<core::Cluster> c = core::one_room(type, {}, core::ami_max_pods(type));
    if (c) {
        view.cluster = std::move(c).value();
    } else {
        view.cluster = core::Cluster{};
        view.error = c.error().message;
    }
}

// Four number cards in a row, or two rows of two when narrow.
void cards(const ViewContext& ctx, const std::string (&labels)[4], const long long (&values)[4]) {
    NumberCard cards[4];
    for (int i = 0; i < 4; ++i)
        cards[i] = {labels[i], std::to_string(values[i]), {}};
    number_cards(cards, 4, ImGui::GetContentRegionAvail().x >= 4 * 135.0f ? 4 : 2, ctx.fonts.big);
}

// A labelled bar: label and value on one line, the bar under them. fraction may exceed 1.
void usage_bar(const ViewContext& ctx, const std::string& label, double fraction,
               const std::string& value, ImU32 fill) {
    const float w = std::min(ImGui::GetContentRegionAvail().x, 460.0f);
    ImGui::PushFont(ctx.fonts.small);
    const float vw = ImGui::CalcTextSize(value.c_str()).x;
    ImGui::TextUnformatted(label.c_str());
    if (ImGui::CalcTextSize(label.c_str()).x + vw + 16 < w) {
        ImGui::SameLine(w - vw);
    }
    ImGui::PushStyleColor(ImGuiCol_Text, fraction > 1 ? color::kBad : color::kMuted);
    ImGui::TextUnformatted(value.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float h = 14;
    dl->AddRectFilled(a, ImVec2(a.x + w, a.y + h), color::kSlotFree, 4);
    const float f = static_cast<float>(std::clamp(fraction, 0.0, 1.0));
    if (f > 0)
        dl->AddRectFilled(a, ImVec2(a.x + std::max(3.0f, w * f), a.y + h),
                          fraction > 1 ? color::kBad : fill, 4);
    ImGui::Dummy(ImVec2(w, h + 4));
}

std::string percent(double fraction) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f%%", fraction * 100.0);
    return buf;
}

}  // namespace

ViewOut draw_desk_limit(const ViewContext& ctx, DeskLimitView& view) {
    ViewOut out;
    if (ctx.catalog.types.empty()) return ViewOut::nothing();
    if (view.type < 0) view.type = catalog_index(ctx, "t3.small");
    if (view.built_type != view.type) rebuild(ctx, view);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(capitalized(ctx.text("{instance}")).c_str());
    ImGui::SameLine();
    if (instance_type_picker(ctx, "desk-limit", view.type, view.filter, sizeof(view.filter)))
        rebuild(ctx, view);
    const core::InstanceType& type = ctx.catalog.types[static_cast<size_t>(view.type)];
    const core::MaxPods r = core::max_pods(type);

    ImGui::Spacing();
    const std::string labels[4] = {capitalized(ctx.text("{panels}")),
                                   capitalized(ctx.text("{slots} per {panel}")),
                                   capitalized(ctx.text("{desk} {exts}")), "max-pods"};
    const long long values[4] = {r.enis, r.ips_per_eni, r.pod_ips, r.max_pods};
    cards(ctx, labels, values);

    ImGui::Spacing();
    const core::Node* node = core::find_node(view.cluster, "node-1");
    if (node) {
        RoomStyle rs;
        rs.title = ctx.text("a full {room}: ") + type.name;
        draw_room(ctx, *node, rs);
        draw_legend(ctx, kLegendMainExt | kLegendPod | kLegendEmpty);
    } else {
        wrapped_text(view.error.c_str(), color::kBad);
    }

    ImGui::Spacing();
    std::string simple = ctx.text("The simple count: ({panels} \xC3\x97 {slots}) - {panels} = ") +
                         r.seed_formula + " = " + num(r.seed_figure) + " " + ctx.text("{desks}") +
                         ".";
    wrapped_text(simple.c_str(), color::kMuted);
    std::string exact = "Exactly: kubelet's max-pods is " + num(r.max_pods) + " (" +
                        num(r.pod_ips) + ctx.text(" + 2 {hostdesks}: aws-node and kube-proxy).");
    wrapped_text(exact.c_str());

    // CPU and memory beside the extensions: the room is full, the compute is not.
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::PushFont(ctx.fonts.strong);
    wrapped_text(ctx.text("Full of {desks}, but is the {room} busy?").c_str());
    ImGui::PopFont();
    const float slider_w = std::min(ImGui::GetContentRegionAvail().x * 0.55f, 260.0f);
    ImGui::SetNextItemWidth(slider_w);
    ImGui::SliderInt(ctx.text("CPU per {desk}").c_str(), &view.cpu_millis, 10, 4000, "%d m",
                     ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
    ImGui::SetNextItemWidth(slider_w);
    ImGui::SliderInt(ctx.text("memory per {desk}").c_str(), &view.memory_mib, 16, 16384, "%d MiB",
                     ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
    view.cpu_millis = std::clamp(view.cpu_millis, 10, 4000);
    view.memory_mib = std::clamp(view.memory_mib, 16, 16384);

    // The bars show the room as it really fills: every extension taken when the addresses
    // run out first, else only the desks its CPU or memory can hold.
    core::Result<core::ComputeUse> full =
        core::compute_use(type, r.pod_ips, view.cpu_millis, view.memory_mib);
    const long long placed = full ? core::pods_that_fit(*full, r.pod_ips) : r.pod_ips;
    core::Result<core::ComputeUse> use =
        placed == r.pod_ips ? full
                            : core::compute_use(type, placed, view.cpu_millis, view.memory_mib);
    std::string live_compute;
    if (!use) {
        wrapped_text(use.error().message.c_str(), color::kBad);
        live_compute = use.error().message;
    } else {
        const core::ComputeUse& u = *use;
        const double taken =
            r.pod_ips > 0 ? static_cast<double>(placed) / static_cast<double>(r.pod_ips) : 0.0;
        usage_bar(ctx, capitalized(ctx.text("{desk} {exts}")), taken,
                  num(placed) + " of " + num(r.pod_ips) + " taken", color::kSlotDesk);
        if (u.known) {
            usage_bar(ctx, "CPU", u.cpu_fraction,
                      num(u.cpu_used_millis) + "m of " + num(u.cpu_millis) + "m (" +
                          percent(u.cpu_fraction) + ")",
                      color::kAccent);
            usage_bar(ctx, "Memory", u.memory_fraction,
                      num(u.memory_used_mib) + " of " + num(u.memory_mib) + " MiB (" +
                          percent(u.memory_fraction) + ")",
                      IM_COL32(120, 80, 190, 255));
            const core::PodLimit limit = core::first_limit(*full, r.pod_ips);
            std::string verdict;
            if (limit == core::PodLimit::Addresses) {
                verdict = ctx.text(
                              "The {exts} run out first: with every {desk} {ext} taken, "
                              "the {room} uses ") +
                          percent(u.cpu_fraction) + " of its CPU and " +
                          percent(u.memory_fraction) +
                          ctx.text(
                              " of its memory. The rest sits idle, and the next {desk} is "
                              "still refused.");
            } else if (placed == 0) {
                verdict = ctx.text("Not even one {desk} this size fits: it asks for more ") +
                          core::pod_limit_name(limit) + ctx.text(" than the whole {room} has.");
            } else {
                verdict = ctx.text("With {desks} this size, ") + core::pod_limit_name(limit) +
                          ctx.text(" runs out first: ") + num(placed) +
                          ctx.text(placed == 1 ? " {desk} fits, and " : " {desks} fit, and ") +
                          num(r.pod_ips - placed) + ctx.text(" of the ") + num(r.pod_ips) +
                          ctx.text(" {exts} stay free.");
            }
            wrapped_text(verdict.c_str(),
                         limit == core::PodLimit::Addresses ? color::kInk : color::kMuted);
            wrapped_text(u.note.c_str(), color::kMuted);
            live_compute = num(placed) + " of " + num(r.pod_ips) + " pods fit at " +
                           num(view.cpu_millis) + "m and " + num(view.memory_mib) + " MiB: CPU " +
                           percent(u.cpu_fraction) + ", memory " + percent(u.memory_fraction) +
                           "; first limit " + core::pod_limit_name(limit);
        } else {
            wrapped_text(u.note.c_str(), color::kMuted);
            live_compute = u.note;
        }
    }

    ImGui::Spacing();
    show_math(ctx, r, view.show_math);

    out.live = type.name + ": " + num(r.enis) + " ENIs x " + num(r.ips_per_eni) + " IPs; " +
               num(r.pod_ips) + " pod addresses; max-pods " + num(r.max_pods) + "; " + live_compute;
    return out;
}

}  // namespace web
