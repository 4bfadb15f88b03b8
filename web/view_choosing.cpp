// view_choosing.cpp: step "choosing" (see view_choosing.h).
#include "view_choosing.h"

#include <algorithm>
#include <string>

#include "draw_campus.h"
#include "format.h"
#include "imgui.h"
#include "locate.h"
#include "occupancy.h"
#include "platform.h"
#include "ui.h"

namespace web {
namespace {

constexpr double kFlashMs = 600;

void outline(ImVec2 a, ImVec2 z) {
    ImGui::GetWindowDrawList()->AddRect(ImVec2(a.x - 3, a.y - 3), ImVec2(z.x + 3, z.y + 3),
                                        color::kHighlight, 8, 0, 2.5f);
}

// Runs `draw` and outlines what it drew when `lit`; when lit, the figure is that block (the
// part of the picture the beat talks about, kept in sight on a phone).
template <typename Draw>
void lit_block(bool lit, ViewOut& out, Draw draw) {
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    draw();
    if (!lit) return;
    const ImVec2 bottom(top.x + w, ImGui::GetCursorScreenPos().y);
    outline(top, bottom);
    out.figure_min = ImVec2(top.x, top.y - 4);
    out.figure_max = ImVec2(bottom.x, bottom.y + 4);
}

// A full-width button whose label wraps, with an arrow at its right.
bool wrap_button(const std::string& text, const char* id, float width) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float inner = width - 2 * st.FramePadding.x - 14;
    const ImVec2 ts = ImGui::CalcTextSize(text.c_str(), nullptr, false, inner);
    const ImVec2 size(width, ts.y + 2 * st.FramePadding.y + 6);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton(id, size);
    locate_note(text.c_str());
    const ImU32 bg = ImGui::GetColorU32(ImGui::IsItemActive()    ? ImGuiCol_ButtonActive
                                        : ImGui::IsItemHovered() ? ImGuiCol_ButtonHovered
                                                                 : ImGuiCol_Button);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), bg, st.FrameRounding);
    draw_text(dl, ImGui::GetFont(), ImGui::GetFontSize(),
              ImVec2(p.x + st.FramePadding.x, p.y + st.FramePadding.y + 3), color::kInk,
              text.c_str(), nullptr, inner);
    draw_text(dl, ImGui::GetFont(), ImGui::GetFontSize(),
              ImVec2(p.x + size.x - st.FramePadding.x - 10, p.y + size.y / 2 - 9), color::kAccent,
              "\xE2\x96\xB6");
    return pressed;
}

// Every subnet of a campus as one line: its name and range, a bar of what is used, the counts.
void draw_subnet_bars(const ViewContext& ctx, const core::DemoCampus& c) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImGui::PushFont(ctx.fonts.small);
    for (const core::Subnet& s : c.cluster.vpc.subnets) {
        const uint64_t usable = core::aws_usable_addresses(s.cidr);
        const uint64_t free = core::free_addresses(s);
        std::string line = (ctx.aws() ? s.id : ctx.text(s.name)) + " " + core::format_cidr(s.cidr);
        if (s.tags.count(core::kSubnetRoleTag) > 0) line += ctx.text(", the {cnitag}");
        ImGui::TextUnformatted(line.c_str());
        const float w = ImGui::GetContentRegionAvail().x;
        const ImVec2 a = ImGui::GetCursorScreenPos();
        const float bar = std::min(w * 0.6f, 260.0f);
        const float used =
            usable == 0 ? 0 : bar * static_cast<float>(usable - free) / static_cast<float>(usable);
        dl->AddRectFilled(a, ImVec2(a.x + bar, a.y + 10), color::kSlotFree, 3);
        dl->AddRectFilled(a, ImVec2(a.x + used, a.y + 10), free == 0 ? color::kBad : color::kAddrIp,
                          3);
        ImGui::Dummy(ImVec2(bar, 10));
        ImGui::SameLine();
        const std::string counts = std::to_string(usable - free) + " / " + std::to_string(usable) +
                                   ctx.text(" {nums} taken");
        ImGui::TextColored(rgba(color::kMuted), "%s", counts.c_str());
    }
    ImGui::PopFont();
}

// The numbers before and after a fix; changed ones in the accent colour (flashing a moment).
// A figure as the table shows it: thousands separated; a power of two past a million as
// 2^n (an IPv6 /80 holds 2^48, which written out does not fit a phone's column).
std::string figure_text(long long v) {
    if (v >= (1LL << 20) && (v & (v - 1)) == 0) {
        int n = 0;
        while ((1LL << n) < v)
            ++n;
        return "2^" + std::to_string(n);
    }
    return core::with_commas(v);
}

void draw_figures(const ViewContext& ctx, const std::vector<core::Figure>& figures, bool after,
                  double changed_ms) {
    const float flash = static_cast<float>((platform::now_ms() - changed_ms) / kFlashMs);
    if (!ImGui::BeginTable("##figures", 3,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                               ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX))
        return;
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn("Before", ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableSetupColumn("After", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableHeadersRow();
    for (const core::Figure& f : figures) {
        ImGui::TableNextRow();
        const bool changed = after && f.before != f.after;
        if (changed && flash < 1.0f) {
            const ImU32 alpha = static_cast<ImU32>(120.0f * (1.0f - flash));
            ImGui::TableSetBgColor(
                ImGuiTableBgTarget_RowBg1,
                (color::kMarkedRow & ~IM_COL32_A_MASK) | (alpha << IM_COL32_A_SHIFT));
        }
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(capitalized(ctx.text(f.label)).c_str());
        ImGui::PopTextWrapPos();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(figure_text(f.before).c_str());
        ImGui::TableNextColumn();
        if (!after) {
            ImGui::TextDisabled("?");
        } else if (changed) {
            ImGui::TextColored(rgba(color::kAccent), "%s", figure_text(f.after).c_str());
        } else {
            ImGui::TextDisabled("%lld", f.after);
        }
    }
    ImGui::EndTable();
}

// The puzzle's verdict on the fix tried.
std::string verdict(const ViewContext& ctx, const core::Choosing& m) {
    if (m.tried < 0) return ctx.text("No fix tried yet: pick one below.");
    const std::string name = ctx.text(core::fix_short(static_cast<core::Fix>(m.tried)));
    if (!m.tried_error.empty()) return name + ": refused. " + ctx.text(m.tried_error);
    if (core::all_pods_run(m.tried_after)) return name + ctx.text(": cured. Every {desk} runs.");
    const long long waiting = core::waiting_pods(m.tried_after);
    return name + ": not cured. " +
           core::count(waiting, ctx.text("{desk} still waits."), ctx.text("{desks} still wait."));
}

void draw_puzzle(const ViewContext& ctx, core::Choosing& m, ChoosingUi& ui, ViewOut& out) {
    const ImVec2 top = ImGui::GetCursorScreenPos();
    lit_block(ctx.lit() == "puzzle" || ctx.lit() == "waiting", out, [&] {
        draw_subnet_bars(ctx, m.tried >= 0 && m.tried_error.empty() ? m.tried_after : m.puzzle);
    });
    ImGui::Spacing();
    const bool cured = core::goal_met(m, "puzzle-cured");
    ImGui::PushFont(ctx.fonts.strong);
    wrapped_text(verdict(ctx, m).c_str(), m.tried < 0 ? color::kMuted
                                          : cured     ? color::kGood
                                                      : color::kBad);
    ImGui::PopFont();
    if (m.tried >= 0) draw_figures(ctx, m.tried_figures, m.tried_error.empty(), ui.changed_ms);
    out.figure_min = top;  // the campus, the verdict and its numbers
    out.figure_max =
        ImVec2(top.x + ImGui::GetContentRegionAvail().x, ImGui::GetCursorScreenPos().y);
    ImGui::Spacing();
    lit_block(ctx.lit() == "fixes" || ctx.lit() == "cures", out, [&] {
        for (int f = 0; f < core::kFixCount; ++f) {
            ImGui::PushID(f);
            const std::string label = ctx.text(core::fix_short(static_cast<core::Fix>(f)));
            if (flow_button(label.c_str(), f == 0)) {
                core::apply(m, {core::ChoosingPress::TryFix, f}, ctx.catalog);
                ui.changed_ms = platform::now_ms();
                out.animate(ui.changed_ms + kFlashMs);
            }
            ImGui::PopID();
        }
    });
    ImGui::Spacing();
    if (ImGui::Button("Open the guide"))
        core::apply(m, {core::ChoosingPress::Guide, 0}, ctx.catalog);
}

void draw_outcome(const ViewContext& ctx, core::Choosing& m, ChoosingUi& ui, ViewOut& out,
                  const core::GuideNode& n) {
    out.figure_min = ImGui::GetCursorScreenPos();
    ImGui::PushFont(ctx.fonts.heading);
    wrapped_text(ctx.text(n.title).c_str(), color::kGood);
    ImGui::PopFont();
    const ImVec2 title_top = out.figure_min;
    lit_block(ctx.lit() == "outcome", out, [&] { wrapped_text(ctx.text(n.why).c_str()); });
    if (ctx.lit() == "outcome") out.figure_min = title_top;
    lit_block(ctx.lit() == "cost", out, [&] {
        ImGui::PushFont(ctx.fonts.strong);
        ImGui::TextUnformatted("What it costs");
        ImGui::PopFont();
        wrapped_text(ctx.text(n.cost).c_str(), color::kMuted);
    });
    ImGui::Spacing();
    if (!m.applied) {
        if (ImGui::Button("Apply the fix")) {
            core::apply(m, {core::ChoosingPress::Apply, 0}, ctx.catalog);
            ui.changed_ms = platform::now_ms();
            out.animate(ui.changed_ms + kFlashMs);
        }
    } else if (ImGui::Button("Undo the fix")) {
        core::apply(m, {core::ChoosingPress::Undo, 0}, ctx.catalog);
    }
    const bool whole = ctx.lit() != "outcome" && ctx.lit() != "cost" && ctx.lit() != "figures";
    lit_block(ctx.lit() == "figures", out, [&] {
        // IPv6 is refused for a running cluster by design, and the table shows the new one:
        // said as the step's point, not in an error's red over a table where it works.
        const bool by_design = n.fix == core::Fix::Ipv6 && m.applied;
        if (!m.error.empty())
            wrapped_text(ctx.text(m.error).c_str(), by_design ? color::kMuted : color::kBad);
        wrapped_text(ctx.text(core::demo_summary(m.before)).c_str(), color::kMuted);
        if (n.fix == core::Fix::Ipv6 && m.applied)
            wrapped_text(
                ctx.text("After: a new IPv6 cluster with the same {rooms} and {desks}.").c_str(),
                color::kMuted);
        draw_figures(ctx, m.figures, m.applied, ui.changed_ms);
    });
    if (whole)
        out.figure_max = ImVec2(out.figure_min.x + ImGui::GetContentRegionAvail().x,
                                ImGui::GetCursorScreenPos().y);
    for (const std::string& s : m.steps) {
        ImGui::Bullet();
        ImGui::SameLine();
        wrapped_text(ctx.text(s).c_str());
    }
    if (!m.before.cluster.vpc.subnets.empty())
        draw_subnet_bars(ctx, m.applied && m.error.empty() ? m.after : m.before);
}

void draw_guide(const ViewContext& ctx, core::Choosing& m, ChoosingUi& ui, ViewOut& out) {
    // Where the learner has been.
    for (size_t i = 0; i + 1 < m.path.size() && i < m.picks.size(); ++i) {
        const core::GuideNode* q = core::find_guide_node(m.path[i]);
        if (q == nullptr || static_cast<size_t>(m.picks[i]) >= q->answers.size()) continue;
        const std::string line = ctx.text(q->question) + "  \xE2\x86\x92  " +
                                 ctx.text(q->answers[static_cast<size_t>(m.picks[i])].label);
        wrapped_text(line.c_str(), color::kMuted);
    }
    const core::GuideNode& n = core::current_node(m);
    if (n.outcome) {
        draw_outcome(ctx, m, ui, out, n);
    } else {
        out.figure_min = ImGui::GetCursorScreenPos();
        lit_block(ctx.lit() == "guide", out, [&] {
            ImGui::PushFont(ctx.fonts.heading);
            wrapped_text(ctx.text(n.question).c_str());
            ImGui::PopFont();
            const float width = ImGui::GetContentRegionAvail().x;
            for (size_t i = 0; i < n.answers.size(); ++i) {
                ImGui::PushID(static_cast<int>(i));
                if (wrap_button(ctx.text(n.answers[i].label), "##answer", width))
                    core::apply(m, {core::ChoosingPress::Answer, static_cast<int>(i)}, ctx.catalog);
                ImGui::PopID();
            }
        });
        out.figure_max = ImVec2(out.figure_min.x + ImGui::GetContentRegionAvail().x,
                                ImGui::GetCursorScreenPos().y);
    }
    ImGui::Spacing();
    if (m.path.size() > 1 && flow_button("Back", true))
        core::apply(m, {core::ChoosingPress::Back, 0}, ctx.catalog);
    if (flow_button("Start over", m.path.size() <= 1))
        core::apply(m, {core::ChoosingPress::Guide, 0}, ctx.catalog);
    if (flow_button("Back to the puzzle"))
        core::apply(m, {core::ChoosingPress::Puzzle, 0}, ctx.catalog);
}

std::string live(const ViewContext& ctx, const core::Choosing& m) {
    if (core::puzzle_shown(m)) {
        std::string s = "Puzzle: " + core::step_value(m, "waiting") + " of " +
                        core::step_value(m, "wanted") + " pods wait. ";
        s += verdict(ctx, m);
        return s;
    }
    const core::GuideNode& n = core::current_node(m);
    if (!n.outcome) {
        std::string s = "Question: " + n.question + " Answers: ";
        for (size_t i = 0; i < n.answers.size(); ++i)
            s += (i > 0 ? "; " : "") + n.answers[i].label;
        return ctx.text(s + ".");
    }
    std::string s = "Fix: " + n.title + "." + (m.applied ? " Applied:" : " Before the fix:");
    for (const core::Figure& f : m.figures) {
        s += " " + f.label + " " + std::to_string(f.before);
        if (m.applied) s += " -> " + std::to_string(f.after);
        s += ";";
    }
    return ctx.text(s);
}

}  // namespace

ViewOut draw_choosing(const ViewContext& ctx, core::Choosing& m, ChoosingUi& ui) {
    ViewOut out;
    if (core::decision_guide().empty()) return ViewOut::nothing();
    if (platform::now_ms() < ui.changed_ms + kFlashMs) out.animate(ui.changed_ms + kFlashMs);
    if (core::puzzle_shown(m)) {
        draw_puzzle(ctx, m, ui, out);
    } else {
        draw_guide(ctx, m, ui, out);
    }
    out.live = live(ctx, m);
    return out;
}

}  // namespace web
