// view_desk_limit.cpp: step "desk-limit" (see view_desk_limit.h).
#include "view_desk_limit.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <string>

#include "draw_campus.h"
#include "imgui.h"
#include "ui.h"

namespace web {
namespace {

// The steps the - and + buttons move through (the text's numbers take any value).
constexpr int kCpuSteps[] = {10, 25, 50, 100, 150, 200, 250, 300, 400, 500, 750, 1000, 2000, 4000};
constexpr int kMemorySteps[] = {16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384};
constexpr ImU32 kMemoryFill = IM_COL32(120, 80, 190, 255);

std::string value(const core::DeskLimit& m, const char* name) {
    return core::step_value(m, name);
}

// A labelled bar: label and value on one line, the bar under it, lit when the text points
// at its part. fraction may exceed 1.
void usage_bar(const ViewContext& ctx, const std::string& label, double fraction,
               const std::string& text, ImU32 fill, bool lit) {
    const float w = std::min(ImGui::GetContentRegionAvail().x, 460.0f);
    ImGui::PushFont(ctx.fonts.small);
    const float vw = ImGui::CalcTextSize(text.c_str()).x;
    ImGui::TextUnformatted(label.c_str());
    if (ImGui::CalcTextSize(label.c_str()).x + vw + 16 < w) ImGui::SameLine(w - vw);
    ImGui::PushStyleColor(ImGuiCol_Text, color::kMuted);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float h = 14;
    dl->AddRectFilled(a, ImVec2(a.x + w, a.y + h), color::kSlotFree, 4);
    const float f = static_cast<float>(std::clamp(fraction, 0.0, 1.0));
    if (f > 0) dl->AddRectFilled(a, ImVec2(a.x + std::max(3.0f, w * f), a.y + h), fill, 4);
    if (lit)
        dl->AddRect(ImVec2(a.x - 3, a.y - 3), ImVec2(a.x + w + 3, a.y + h + 3), color::kHighlight,
                    5, 0, 2.5f);
    ImGui::Dummy(ImVec2(w, h + 4));
}

// The room's desk extensions, CPU and memory as three bars.
void compute_bars(const ViewContext& ctx, const core::DeskLimit& m) {
    const std::string placed = value(m, "placed"), capacity = value(m, "capacity");
    const double taken = std::stod(placed) / std::max(1.0, std::stod(capacity));
    usage_bar(ctx, capitalized(ctx.text("{desk} {exts}")), taken,
              placed + " of " + capacity + " taken", color::kSlotDesk, ctx.lit() == "desks");
    if (!m.use.known) {
        wrapped_text(m.use.note.c_str(), color::kMuted);
        return;
    }
    usage_bar(ctx, "CPU", m.use.cpu_fraction,
              std::to_string(m.use.cpu_used_millis) + "m of " + std::to_string(m.use.cpu_millis) +
                  "m (" + value(m, "cpupct") + "%)",
              color::kAccent, ctx.lit() == "cpu" || ctx.lit() == "cpupct");
    usage_bar(ctx, ctx.text("Memory"), m.use.memory_fraction,
              std::to_string(m.use.memory_used_mib) + " of " + std::to_string(m.use.memory_mib) +
                  " MiB (" + value(m, "mempct") + "%)",
              kMemoryFill, ctx.lit() == "memory" || ctx.lit() == "mempct");
}

// The counts under the room: the simple one, and kubelet's exact one once the text has it.
void counts(const ViewContext& ctx, const core::DeskLimit& m) {
    ImGui::PushFont(ctx.fonts.strong);
    const std::string simple = "(" + value(m, "panels") + " \xC3\x97 " + value(m, "ips") + ") - " +
                               value(m, "lost") + " = " + value(m, "capacity") + " " +
                               ctx.text("{desks}");
    wrapped_text(simple.c_str());
    if (m.exact) {
        const std::string exact = capitalized(ctx.text("{maxpods}: ")) + value(m, "panels") +
                                  " \xC3\x97 (" + value(m, "ips") +
                                  " - 1) + 2 = " + value(m, "maxpods");
        wrapped_text(exact.c_str(), color::kAccent);
    }
    ImGui::PopFont();
}

// "-  250m  +" over a list of steps: a tap moves one step; true when the value changed.
bool ladder(const char* id, const char* label, float label_w, int& v, const int* steps, size_t n,
            const char* unit) {
    ImGui::PushID(id);
    const float x0 = ImGui::GetCursorPosX();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine(x0 + label_w + 8);
    const int* lower = std::lower_bound(steps, steps + n, v);
    const int* upper = std::upper_bound(steps, steps + n, v);
    bool changed = false;
    ImGui::BeginDisabled(lower == steps);
    if (ImGui::Button("-", ImVec2(ImGui::GetFrameHeight() * 1.2f, 0))) {
        v = *(lower - 1);
        changed = true;
    }
    ImGui::EndDisabled();
    ImGui::SameLine(0, 6);
    char text[32];
    std::snprintf(text, sizeof text, "%d%s", v, unit);
    const float w = ImGui::CalcTextSize("16384 MiB").x;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(w, ImGui::GetFrameHeight()));
    const ImVec2 size = ImGui::CalcTextSize(text);
    draw_text(ImGui::GetWindowDrawList(), ImGui::GetFont(), ImGui::GetFontSize(),
              ImVec2(at.x + (w - size.x) * 0.5f, at.y + (ImGui::GetFrameHeight() - size.y) * 0.5f),
              color::kInk, text);
    ImGui::SameLine(0, 6);
    ImGui::BeginDisabled(upper == steps + n);
    if (ImGui::Button("+", ImVec2(ImGui::GetFrameHeight() * 1.2f, 0))) {
        v = *upper;
        changed = true;
    }
    ImGui::EndDisabled();
    ImGui::PopID();
    return changed;
}

// The room size, and the CPU and memory of each desk once the text has turned to them.
void hand(const ViewContext& ctx, core::DeskLimit& m, DeskLimitUi& ui) {
    const DeskHand h = desk_room_hand(ctx, m, ui.room, "desk-limit", false);
    core::Status st = core::Ok{};
    if (h.press == DeskPress::Type) st = core::set(m, {"type", true, 0, h.type}, ctx.catalog);
    if (m.compute) {
        int cpu = m.cpu_millis, memory = m.memory_mib;
        const std::string cpu_label = ctx.text("CPU per {desk}");
        const std::string memory_label = ctx.text("Memory per {desk}");
        const float w = std::max(ImGui::CalcTextSize(cpu_label.c_str()).x,
                                 ImGui::CalcTextSize(memory_label.c_str()).x);
        if (ladder("cpu", cpu_label.c_str(), w, cpu, kCpuSteps, std::size(kCpuSteps), "m"))
            st = core::set(m, {"cpu", false, cpu, {}}, ctx.catalog);
        if (ladder("memory", memory_label.c_str(), w, memory, kMemorySteps, std::size(kMemorySteps),
                   " MiB"))
            st = core::set(m, {"memory", false, memory, {}}, ctx.catalog);
    }
    if (!st) m.message = st.error().message;
}

// The verdict under the bars: what ran out first, in the current words.
std::string verdict(const ViewContext& ctx, const core::DeskLimit& m) {
    switch (m.limit) {
        case core::PodLimit::Addresses:
            return ctx.text("The {exts} run out first: ") + value(m, "cpupct") +
                   "% of the CPU and " + value(m, "mempct") +
                   ctx.text(
                       "% of the memory are in use, and the next {desk} "
                       "is still refused.");
        case core::PodLimit::Cpu:
        case core::PodLimit::Memory:
            return std::string(m.limit == core::PodLimit::Cpu ? "CPU" : ctx.text("Memory")) +
                   ctx.text(" runs out first: ") + value(m, "placed") +
                   (value(m, "placed") == "1" ? ctx.text(" {desk} fits, and ")
                                              : ctx.text(" {desks} fit, and ")) +
                   value(m, "freeexts") +
                   (value(m, "freeexts") == "1" ? ctx.text(" {desk} {ext} stays free.")
                                                : ctx.text(" {desk} {exts} stay free."));
        case core::PodLimit::Unknown:
            break;
    }
    return {};
}

}  // namespace

ViewOut draw_desk_limit(const ViewContext& ctx, core::DeskLimit& m, DeskLimitUi& ui) {
    ViewOut out;
    RoomStyle rs;
    rs.simple = true;
    rs.cell = m.compute ? 26 : 40;  // the bars share the figure's height
    rs.show_host_pods = m.exact;
    rs.highlight = room_highlight(ctx.lit());
    desk_room_figure(ctx, m, ui.room, rs, out);
    counts(ctx, m);
    if (m.compute) {
        ImGui::Spacing();
        compute_bars(ctx, m);
    }
    out.figure_max.y = ImGui::GetCursorScreenPos().y;
    if (m.compute)
        wrapped_text(verdict(ctx, m).c_str(),
                     m.limit == core::PodLimit::Addresses ? color::kInk : color::kMuted);
    draw_legend(ctx, kLegendMainExt | kLegendPod | (m.exact ? kLegendHostPods : 0u));

    ImGui::Spacing();
    hand(ctx, m, ui);
    if (!m.message.empty()) wrapped_text(m.message.c_str(), color::kBad);

    out.live = m.type.name + ": " + value(m, "panels") + " ENIs x " + value(m, "ips") + " IPs; " +
               value(m, "capacity") + " pod addresses; max-pods " + value(m, "maxpods") + "; " +
               value(m, "placed") + " of " + value(m, "capacity") + " pods fit at " +
               value(m, "cpu") + "m and " + value(m, "memory") + " MiB";
    if (m.use.known)
        out.live += ": CPU " + value(m, "cpupct") + "%, memory " + value(m, "mempct") +
                    "%; first limit " + core::pod_limit_name(m.limit);
    return out;
}

}  // namespace web
