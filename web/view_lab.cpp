// view_lab.cpp: an incident lab (see view_lab.h). Every number and sentence comes from core:
// the campus, the symptoms, each change's words and cost, the verdict and the working.
#include "view_lab.h"

#include <algorithm>
#include <string>
#include <vector>

#include "draw_campus.h"
#include "imgui.h"
#include "keyboard.h"
#include "locate.h"
#include "platform.h"
#include "ui.h"

namespace web {
namespace {

constexpr float kWide = 760.0f;     // the figure beside the words from this width
constexpr int kSymptomsFolded = 6;  // lines shown before "Show all"
constexpr int kScrollFrames = 3;    // frames a Check takes to bring its verdict into sight
const ImU32& kPagerBg = color::kPager;
using color::kResultBad;
using color::kResultGood;

std::string n(long long v) {
    return std::to_string(v);
}

void heading(const ViewContext& ctx, const std::string& text) {
    ImGui::Spacing();
    ImGui::PushFont(ctx.fonts.strong);
    wrapped_text(capitalized(text).c_str());
    ImGui::PopFont();
}

void draw_counts(const ViewContext& ctx, const core::PodCounts& p) {
    const NumberCard cards[] = {
        {ctx.text("{desks} running"), n(p.running), "of " + n(p.wanted), color::kGood},
        {ctx.text("waiting for an {ext}"), n(p.waiting), "ContainerCreating",
         p.waiting > 0 ? color::kBad : color::kInk},
        {ctx.text("without a {room}"), n(p.pending), "Pending",
         p.pending > 0 ? color::kBad : color::kInk},
    };
    number_cards(cards, 3, 3, ctx.fonts.heading, ctx.fonts.small);
}

// The campus as the model runs it: its buildings, then every room.
void draw_figure(const ViewContext& ctx, const core::LabSession& s, ViewOut& out) {
    const core::LabCampus& c = core::shown_campus(s);
    out.figure_min = ImGui::GetCursorScreenPos();
    ImGui::PushFont(ctx.fonts.strong);
    wrapped_text(capitalized(ctx.text(s.checked ? "The {campus} after your changes"
                                                : "The {campus} as the pager found it"))
                     .c_str());
    ImGui::PopFont();
    draw_counts(ctx, core::count_pods(c));
    const float avail = ImGui::GetContentRegionAvail().x;
    // Buildings side by side, then rooms side by side, as many to a row as fit.
    const int per_row = std::max(1, static_cast<int>(avail / 175.0f));
    const float col = avail / static_cast<float>(per_row);
    BuildingStyle bs;
    bs.cluster = &c.cluster;
    bs.max_cell = avail < 500 ? 6.0f : 8.0f;  // a phone keeps the rooms near the top
    bs.max_width = col - 10;
    int b = 0;
    for (const core::Subnet& sub : c.cluster.vpc.subnets) {
        if (b % per_row != 0) ImGui::SameLine(static_cast<float>(b % per_row) * col);
        ImGui::PushID(sub.id.c_str());
        ImGui::BeginGroup();
        bs.title = ctx.text("{building} ") + sub.id;
        draw_building(ctx, sub, bs);
        ImGui::EndGroup();
        ImGui::PopID();
        ++b;
    }
    ImGui::Spacing();
    int i = 0;
    for (const core::LabGroup& g : c.groups) {
        for (const std::string& name : g.nodes) {
            const core::Node* node = core::find_node(c.cluster, name);
            if (node == nullptr) continue;
            if (i % per_row != 0) ImGui::SameLine(static_cast<float>(i % per_row) * col);
            ImGui::BeginGroup();
            RoomStyle rs;
            rs.max_width = col - 10;
            rs.cell = 13;
            draw_room(ctx, *node, rs);
            ImGui::EndGroup();
            ++i;
        }
    }
    out.figure_max = ImVec2(out.figure_min.x + avail, ImGui::GetCursorScreenPos().y);
    draw_legend(ctx, kLegendRoom | kLegendReserved | kLegendAddrFree | kLegendAddrOther);
}

bool is_problem(core::SymptomKind k) {
    return k == core::SymptomKind::Unschedulable || k == core::SymptomKind::SandboxFailed ||
           k == core::SymptomKind::Ec2Error || k == core::SymptomKind::StaleNode;
}

void draw_symptoms(const ViewContext& ctx, const core::LabSession& s, LabUi& ui) {
    heading(ctx, "What the cluster shows");
    std::vector<core::Symptom> all = core::lab_symptoms(core::shown_campus(s));
    std::stable_partition(all.begin(), all.end(),
                          [](const core::Symptom& x) { return is_problem(x.kind); });
    const int shown = ui.symptoms_shown == 1
                          ? static_cast<int>(all.size())
                          : std::min(static_cast<int>(all.size()), kSymptomsFolded);
    for (int i = 0; i < shown; ++i) {
        const core::Symptom& sy = all[static_cast<size_t>(i)];
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::PushFont(ctx.aws() ? ctx.fonts.small : ctx.fonts.body);
        wrapped_text(core::symptom_text(sy, ctx.lessons, ctx.terms).c_str(),
                     is_problem(sy.kind) ? color::kBad : color::kInk);
        ImGui::PopFont();
    }
    if (static_cast<int>(all.size()) > kSymptomsFolded) {
        const std::string label = ui.symptoms_shown == 1
                                      ? std::string("Show fewer")
                                      : "Show all " + n(static_cast<long long>(all.size()));
        if (ImGui::SmallButton((label + "##symptoms").c_str())) ui.symptoms_shown ^= 1;
    }
}

std::string goal_text(const ViewContext& ctx, const core::Lab& lab) {
    std::string g = "Goal: every {desk} running, none waiting or Pending";
    for (const core::SubnetFloor& f : lab.goal.floors)
        g += ", {building} " + f.subnet + " keeping at least " + n(f.free) + " free {nums}";
    if (lab.goal.kept_promises) g += ", no {room} admitting more {desks} than it has {exts} for";
    g += "; at most " + n(lab.goal.budget) + (lab.goal.budget == 1 ? " change." : " changes.");
    return ctx.text(g);
}

void draw_levers(const ViewContext& ctx, const core::Lab& lab, core::LabSession& s) {
    heading(ctx, "What you can change");
    ImGui::PushStyleColor(ImGuiCol_Text, color::kMuted);
    wrapped_text(("Picked: " + n(static_cast<long long>(s.chosen.size())) + " of at most " +
                  n(lab.goal.budget) + ". Changes are made in the order an engineer would: " +
                  ctx.text("the {campus} first, then settings, then {rooms}."))
                     .c_str());
    ImGui::PopStyleColor();
    for (const core::LabFix& f : lab.fixes) {
        const core::FixWords w = core::fix_words(f);
        bool on = core::fix_chosen(s, f.id);
        // No "##" in the label: checkbox_wrapped shows a long label whole (PushID keeps it
        // unique); the tests find the box by "##lab-fix-<id>".
        const std::string label = ctx.text(w.label);
        ImGui::PushID(f.id.c_str());
        if (checkbox_wrapped(label.c_str(), &on)) {
            core::toggle_fix(s, lab, f.id);
            platform::request_frame();
        }
        locate_note(("##lab-fix-" + f.id).c_str());
        ImGui::Indent(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);
        ImGui::PushFont(ctx.fonts.small);
        if (ctx.aws()) wrapped_text(w.aws_detail.c_str(), color::kMuted);
        for (const std::string& line : core::fix_cost(s.start, f, ctx.catalog).lines)
            wrapped_text(("Cost: " + ctx.text(line)).c_str(), color::kMuted);
        ImGui::PopFont();
        ImGui::Unindent(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);
        ImGui::PopID();
    }
}

// A tinted card the width of the column: begin_card opens it, its text inset by pad on
// every side; end_card fills it under what was drawn and moves below it.
struct Card {
    ImVec2 start;
    float w;
    ImVec2 pad;
    ImDrawList* dl;
};

Card begin_card(ImVec2 pad) {
    const Card c{ImGui::GetCursorScreenPos(), ImGui::GetContentRegionAvail().x, pad,
                 ImGui::GetWindowDrawList()};
    c.dl->ChannelsSplit(2);
    c.dl->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(c.start.x + pad.x, c.start.y + pad.y));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + c.w - 2 * pad.x);
    return c;
}

// The card's bottom right corner.
ImVec2 end_card(const Card& c, ImU32 fill) {
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const ImVec2 end(c.start.x + c.w, ImGui::GetItemRectMax().y + c.pad.y);
    c.dl->ChannelsSetCurrent(0);
    c.dl->AddRectFilled(c.start, end, fill, 6.0f);
    c.dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(c.start.x, end.y + 4));
    ImGui::Dummy(ImVec2(c.w, 0));
    return end;
}

void draw_result(const ViewContext& ctx, const core::LabSession& s, LabUi& ui) {
    const core::LabCheck& r = s.result;
    const Card card = begin_card(ImVec2(8, 6));
    ImGui::PushFont(ctx.fonts.strong);
    ImGui::TextColored(rgba(r.solved ? color::kGood : color::kBad), "%s",
                       r.solved ? "\xE2\x9C\x93 Healthy again" : "\xE2\x9C\x97 Not yet");
    ImGui::PopFont();
    locate_note(r.solved ? "##lab-solved" : "##lab-not-solved");
    ImGui::TextUnformatted(ctx.text(r.reason).c_str());
    // "\xE2\x86\x92": an arrow from before the changes to after them.
    const std::string counts =
        ctx.text("{desks} running ") + n(r.before.running) + " \xE2\x86\x92 " + n(r.after.running) +
        ", waiting " + n(r.before.waiting) + " \xE2\x86\x92 " + n(r.after.waiting) + ", Pending " +
        n(r.before.pending) + " \xE2\x86\x92 " + n(r.after.pending) + ".";
    ImGui::TextColored(rgba(color::kMuted), "%s", counts.c_str());
    if (!r.solved && r.before == r.after && r.refused.empty()) {
        ImGui::TextUnformatted(
            ctx.text("These changes did not move a single {desk}: look at the symptoms again.")
                .c_str());
    }
    if (!s.checked) {
        // Picks changed since: the verdict stays (the page does not jump), marked as old.
        ImGui::TextColored(rgba(color::kMuted), "%s",
                           "Your picks changed since this check: press Check to run them.");
    }
    const ImVec2 end = end_card(card, r.solved ? kResultGood : kResultBad);
    if (ui.scroll_to_result > 0) {
        // Scrolls the column until the verdict's bottom is in sight. The verdict may be new
        // this frame (the column's scroll range grows a frame later), so it is asked again
        // over a few frames; ImGui clamps a scroll beyond the end.
        scroll_down_to(end.y + 8);
        --ui.scroll_to_result;
        platform::request_frame();
    }
}

void draw_check(const ViewContext& ctx, const core::Lab& lab, core::LabSession& s, LabUi& ui) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Button, color::kAccentFill);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, color::kAccentHover);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    const bool pressed = ImGui::Button("Check");
    ImGui::PopStyleColor(3);
    if (pressed) {
        if (core::Status st = core::check_session(s, lab, ctx.catalog); !st) {
            s.error = st.error().message;
        }
        ui.scroll_to_result = kScrollFrames;
        platform::request_frame();
    }
    ImGui::SameLine();
    if (ImGui::Button("Start over")) {
        core::reset_session(s);
        platform::request_frame();
    }
    if (s.has_result) draw_result(ctx, s, ui);
    ImGui::PushFont(ctx.fonts.small);
    wrapped_text(
        "Keys: 1 to 9 pick a change, Enter checks, H shows a hint; Tab moves through the "
        "buttons, Space or Enter presses the one with the ring.",
        color::kMuted);
    ImGui::PopFont();
}

void draw_hints(const ViewContext& ctx, const core::Lab& lab, core::LabSession& s) {
    const int total = static_cast<int>(lab.hints.size());
    for (int i = 0; i < std::min(s.hints, total); ++i) {
        ImGui::PushFont(ctx.fonts.strong);
        ImGui::TextUnformatted(("Hint " + n(i + 1)).c_str());
        ImGui::PopFont();
        wrapped_text(ctx.text(lab.hints[static_cast<size_t>(i)]).c_str());
    }
    if (s.hints > total) {
        ImGui::PushFont(ctx.fonts.strong);
        wrapped_text("The reference fix");
        ImGui::PopFont();
        for (const core::LabFix& f : core::ordered_fixes(lab, lab.reference)) {
            ImGui::Bullet();
            ImGui::SameLine();
            const core::FixWords w = core::fix_words(f);
            wrapped_text(
                (ctx.text(w.label) + (ctx.aws() ? " (" + w.aws_detail + ")" : "")).c_str());
        }
        ImGui::PushFont(ctx.fonts.small);
        for (const std::string& line : core::reference_working(lab, ctx.catalog))
            wrapped_text(ctx.text(line).c_str(), color::kMuted);
        ImGui::PopFont();
        return;
    }
    ImGui::Spacing();
    const std::string label = s.hints < total
                                  ? "Show a hint (" + n(s.hints + 1) + " of " + n(total) + ")"
                                  : std::string("Show the reference fix");
    if (ImGui::Button(label.c_str())) {
        core::next_hint(s, lab);
        platform::request_frame();
    }
    locate_note("##lab-hint");
}

// The page from the pager, on a tinted card, and the goal.
void draw_pager(const ViewContext& ctx, const core::Lab& lab, const core::LabSession& s) {
    const Card card = begin_card(ImVec2(10, 8));
    ImGui::PushFont(ctx.fonts.strong);
    ImGui::TextUnformatted("Page from the pager");
    ImGui::PopFont();
    ImGui::TextUnformatted(ctx.text(core::lab_pager(lab, s.start)).c_str());
    const ImVec2 end = end_card(card, kPagerBg);
    locate_rect("##lab-pager", card.start.x, card.start.y, end.x, end.y);
    ImGui::PushFont(ctx.fonts.small);
    wrapped_text(goal_text(ctx, lab).c_str(), color::kMuted);
    ImGui::PopFont();
}

// What the cluster shows, what can be changed, Check and the hints.
void draw_work(const ViewContext& ctx, const core::Lab& lab, core::LabSession& s, LabUi& ui) {
    draw_symptoms(ctx, s, ui);
    draw_levers(ctx, lab, s);
    draw_check(ctx, lab, s, ui);
    ImGui::Spacing();
    draw_hints(ctx, lab, s);
}

}  // namespace

ViewOut draw_lab(const ViewContext& ctx, const core::Lab& lab, core::LabSession& s, LabUi& ui) {
    ViewOut out;
    if (!s.error.empty()) {
        wrapped_text(s.error.c_str(), color::kBad);
        out.live = s.error;
        return out;
    }
    const float w = ImGui::GetContentRegionAvail().x;
    const bool top = ui.scroll_top;
    ui.scroll_top = false;
    if (w >= kWide) {
        ImGui::BeginChild("##lab-figure", ImVec2(w * 0.5f, 0), false);
        if (top) ImGui::SetScrollY(0);
        draw_figure(ctx, s, out);
        ImGui::EndChild();
        ImGui::SameLine(0, 18);
        ImGui::BeginChild("##lab-words", ImVec2(0, 0), false);
        keyboard_mark_text_window();
        if (top) ImGui::SetScrollY(0);
        draw_pager(ctx, lab, s);
        draw_work(ctx, lab, s, ui);
        ImGui::EndChild();
    } else {
        // On a narrow page the pager's words come first, then the picture, then the work.
        ImGui::BeginChild("##lab-all", ImVec2(0, 0), false);
        keyboard_mark_text_window();
        if (top) ImGui::SetScrollY(0);
        draw_pager(ctx, lab, s);
        ImGui::Spacing();
        draw_figure(ctx, s, out);
        ImGui::Separator();
        draw_work(ctx, lab, s, ui);
        ImGui::EndChild();
    }
    const core::PodCounts p = core::count_pods(core::shown_campus(s));
    out.live = ctx.text(lab.title) + ": " + n(p.running) + " of " + n(p.wanted) + " running, " +
               n(p.waiting) + " waiting, " + n(p.pending) + " Pending.";
    if (s.checked) {
        out.live += std::string(s.result.solved ? " Healthy again. " : " Not yet. ") +
                    ctx.text(s.result.reason);
    }
    return out;
}

}  // namespace web
