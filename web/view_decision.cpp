// view_decision.cpp: step "choosing": core's decision guide, and each fix shown at work on a
// small campus built and repaired by core/decision.
#include "view_decision.h"

#include <algorithm>
#include <string>

#include "context.h"
#include "draw_campus.h"
#include "imgui.h"
#include "platform.h"
#include "ui.h"

namespace web {
namespace {

const core::GuideNode& current(const DecisionView& v) {
    const core::GuideNode* n = v.path.empty() ? nullptr : core::find_guide_node(v.path.back());
    return n != nullptr ? *n : core::decision_guide().front();
}

// A full-width button whose label wraps.
bool wrap_button(const std::string& text, float width) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float inner = width - 2 * st.FramePadding.x - 14;
    const ImVec2 ts = ImGui::CalcTextSize(text.c_str(), nullptr, false, inner);
    const ImVec2 size(width, ts.y + 2 * st.FramePadding.y + 6);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton("##answer", size);
    const ImU32 bg = ImGui::GetColorU32(ImGui::IsItemActive()    ? ImGuiCol_ButtonActive
                                        : ImGui::IsItemHovered() ? ImGuiCol_ButtonHovered
                                                                 : ImGuiCol_Button);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), bg, st.FrameRounding);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                ImVec2(p.x + st.FramePadding.x, p.y + st.FramePadding.y + 3), color::kInk,
                text.c_str(), nullptr, inner);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                ImVec2(p.x + size.x - st.FramePadding.x - 10, p.y + size.y / 2 - 9), color::kAccent,
                "\xE2\x96\xB6");
    return pressed;
}

void reset_demo(DecisionView& v) {
    v.demo_ready = false;
    v.demo_for.clear();
    v.applied = false;
    v.steps.clear();
    v.figures.clear();
    v.error.clear();
}

void build_demo(const ViewContext& ctx, DecisionView& v, const core::GuideNode& n) {
    reset_demo(v);
    v.demo_for = n.id;
    core::Result<core::DemoCampus> c = core::build_problem(n.fix, ctx.catalog);
    if (!c) {
        v.error = c.error().message;
        return;
    }
    v.before = *c;
    v.after = *c;
    v.figures = core::fix_figures(n.fix, v.before, v.before);
    v.demo_ready = true;
}

void apply(DecisionView& v, const core::GuideNode& n, ViewOut& out) {
    core::DemoCampus fixed = v.before;
    core::Result<std::vector<std::string>> r = core::apply_fix(fixed, n.fix);
    if (!r) {
        v.error = r.error().message;
        return;
    }
    v.after = std::move(fixed);
    v.steps = *r;
    v.applied = true;
    v.show_after = true;
    v.figures = core::fix_figures(n.fix, v.before, v.after);
    v.changed_ms = platform::now_ms();
    out.animate(v.changed_ms + 600);
}

bool single_room(core::Fix f) {
    return f == core::Fix::PrefixDelegation || f == core::Fix::RaiseMaxPods ||
           f == core::Fix::SecurityGroupsForPods;
}

void draw_state(const ViewContext& ctx, const core::DemoCampus& c, core::Fix fix) {
    if (single_room(fix)) {
        for (const core::Node& n : c.cluster.nodes) {
            RoomStyle rs;
            rs.show_pending = true;
            draw_room(ctx, n, rs);
        }
        draw_legend(ctx, kLegendRoom);
    } else {
        for (const core::Subnet& s : c.cluster.vpc.subnets) {
            BuildingStyle bs;
            bs.cluster = &c.cluster;
            bs.max_cell = 14;
            draw_building(ctx, s, bs);
            ImGui::Spacing();
        }
        draw_legend(ctx, kLegendBuildingHolders);
    }
    // Every node in a line: its pods, the ones waiting, where their addresses come from.
    ImGui::PushFont(ctx.fonts.small);
    for (size_t i = 0; i < c.cluster.nodes.size(); ++i) {
        const core::Node& n = c.cluster.nodes[i];
        std::string line = n.name + " (" + n.type.name + ", " + n.subnet_id +
                           "): " + std::to_string(n.pods.size()) + " {desks} running";
        if (!n.pending.empty()) line += ", " + std::to_string(n.pending.size()) + " waiting";
        const int wanted = i < c.wanted.size() ? c.wanted[i] : 0;
        const long long refused = std::max<long long>(
            0, wanted - static_cast<long long>(n.pods.size() + n.pending.size()));
        if (refused > 0) line += ", " + std::to_string(refused) + " turned away";
        line += ", {maxpods} " + std::to_string(n.max_pods);
        if (n.config.custom_networking) line += ", {desk} {exts} from " + n.config.pod_subnet_id;
        const bool bad = !n.pending.empty() || refused > 0;
        wrapped_text(ctx.text(line).c_str(), bad ? color::kBad : color::kMuted);
    }
    ImGui::PopFont();
}

void draw_figures(const ViewContext& ctx, const DecisionView& v) {
    const float flash =
        v.applied ? static_cast<float>((platform::now_ms() - v.changed_ms) / 600.0) : 1.0f;
    if (flash < 1.0f) platform::request_frame();  // keep frames coming until the flash ends
    if (!ImGui::BeginTable("##figures", 3,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                               ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX)) {
        return;
    }
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 2.2f);
    ImGui::TableSetupColumn("Before", ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableSetupColumn("After", ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableHeadersRow();
    for (const core::Figure& f : v.figures) {
        ImGui::TableNextRow();
        const bool changed = v.applied && f.before != f.after;
        if (changed && flash < 1.0f) {
            const ImU32 a = static_cast<ImU32>(120.0f * (1.0f - flash));
            ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, IM_COL32(255, 230, 150, a));
        }
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(ctx.text(f.label).c_str());
        ImGui::PopTextWrapPos();
        ImGui::TableNextColumn();
        ImGui::Text("%lld", f.before);
        ImGui::TableNextColumn();
        if (!v.applied) {
            ImGui::TextDisabled("?");
        } else if (changed) {
            ImGui::PushFont(ctx.fonts.strong);
            ImGui::TextColored(rgba(color::kAccent), "%lld", f.after);
            ImGui::PopFont();
        } else {
            ImGui::TextDisabled("%lld", f.after);
        }
    }
    ImGui::EndTable();
}

void draw_outcome(const ViewContext& ctx, DecisionView& v, const core::GuideNode& n, ViewOut& out) {
    if (v.demo_for != n.id) build_demo(ctx, v, n);
    ImGui::PushFont(ctx.fonts.heading);
    wrapped_text(ctx.text(n.title).c_str(), color::kGood);
    ImGui::PopFont();
    wrapped_text(ctx.text(n.why).c_str());
    ImGui::Spacing();
    ImGui::PushFont(ctx.fonts.strong);
    ImGui::TextUnformatted("What it costs");
    ImGui::PopFont();
    wrapped_text(ctx.text(n.cost).c_str(), color::kMuted);
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::PushFont(ctx.fonts.strong);
    wrapped_text(ctx.text("See it on a small {campus}").c_str());
    ImGui::PopFont();
    if (!v.error.empty()) wrapped_text(v.error.c_str(), color::kBad);
    if (!v.demo_ready) return;

    if (!v.before.problem.empty()) {
        wrapped_text(("The symptom: " + v.before.problem).c_str(), color::kBad);
    } else {
        wrapped_text(ctx.text("The symptom: nothing fails yet; look at where the {desks}' "
                              "{exts} come from.")
                         .c_str(),
                     color::kMuted);
    }
    if (!v.applied) {
        ImGui::PushStyleColor(ImGuiCol_Button, color::kGood);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(22, 110, 62, 255));
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
        if (ImGui::Button("Apply the fix")) apply(v, n, out);
        ImGui::PopStyleColor(3);
    } else {
        if (ImGui::RadioButton("Before", !v.show_after)) v.show_after = false;
        ImGui::SameLine();
        if (ImGui::RadioButton("After", v.show_after)) v.show_after = true;
        ImGui::SameLine();
        if (ImGui::Button("Start again")) {
            v.applied = false;
            v.after = v.before;
            v.steps.clear();
            v.figures = core::fix_figures(n.fix, v.before, v.before);
        }
    }
    draw_figures(ctx, v);
    if (v.applied) {
        for (const std::string& s : v.steps) {
            ImGui::Bullet();
            ImGui::SameLine();
            wrapped_text(ctx.text(s).c_str());
        }
    }
    ImGui::Spacing();
    draw_state(ctx, v.applied && v.show_after ? v.after : v.before, n.fix);
}

std::string live(const ViewContext& ctx, const DecisionView& v, const core::GuideNode& n) {
    if (!n.outcome) {
        std::string s = "Question: " + n.question + " Answers: ";
        for (size_t i = 0; i < n.answers.size(); ++i) {
            s += (i > 0 ? "; " : "") + n.answers[i].label;
        }
        return ctx.text(s + ".");
    }
    std::string s = "Fix: " + n.title + ".";
    s += v.applied ? " Applied:" : " Before the fix:";
    for (const core::Figure& f : v.figures) {
        s += " " + f.label + " " + std::to_string(f.before);
        if (v.applied) s += " -> " + std::to_string(f.after);
        s += ";";
    }
    return ctx.text(s);
}

}  // namespace

ViewOut draw_decision(const ViewContext& ctx, DecisionView& v) {
    ViewOut out;
    if (core::decision_guide().empty()) return ViewOut::nothing();
    if (v.path.empty()) v.path.push_back(core::decision_guide().front().id);

    // Where the learner has been, with a way back.
    for (size_t i = 0; i + 1 < v.path.size() && i < v.picks.size(); ++i) {
        const core::GuideNode* q = core::find_guide_node(v.path[i]);
        if (q == nullptr || v.picks[i] < 0 || static_cast<size_t>(v.picks[i]) >= q->answers.size())
            continue;
        const std::string line = ctx.text(q->question) + "  \xE2\x86\x92  " +
                                 ctx.text(q->answers[static_cast<size_t>(v.picks[i])].label);
        wrapped_text(line.c_str(), color::kMuted);
    }
    if (v.path.size() > 1) {
        if (ImGui::SmallButton("Back")) {
            v.path.pop_back();
            if (!v.picks.empty()) v.picks.pop_back();
        }
        ImGui::SameLine();
        if (ImGui::SmallButton("Start over")) {
            v.path.resize(1);
            v.picks.clear();
        }
        ImGui::Separator();
    }

    const core::GuideNode& n = current(v);
    if (!n.outcome) {
        ImGui::PushFont(ctx.fonts.heading);
        wrapped_text(ctx.text(n.question).c_str());
        ImGui::PopFont();
        ImGui::Spacing();
        const float width = ImGui::GetContentRegionAvail().x;
        for (size_t i = 0; i < n.answers.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            if (wrap_button(ctx.text(n.answers[i].label), width)) {
                v.path.push_back(n.answers[i].next);
                v.picks.push_back(static_cast<int>(i));
            }
            ImGui::PopID();
        }
    } else {
        draw_outcome(ctx, v, n, out);
    }
    out.live = live(ctx, v, current(v));
    return out;
}

}  // namespace web
