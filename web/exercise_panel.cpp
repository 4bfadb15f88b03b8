// exercise_panel.cpp: exercises and progress (see exercise_panel.h).
#include "exercise_panel.h"

#include "json_read.h"

#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdio>
#include <utility>

#include "draw_campus.h"
#include "imgui.h"
#include "json_read.h"
#include "keyboard.h"
#include "locate.h"
#include "platform.h"
#include "ui.h"

namespace web {
namespace {

// Colours of the card's pieces (the theme's palette, ui.h).
using color::kCardBg;
using color::kCardLine;
using color::kOption;
using color::kOptionChosen;
using color::kOptionHover;
using color::kOptionRight;
using color::kOptionWrong;
using color::kRefused;
using color::kStepper;
using color::kStepperActive;
using color::kStepperHover;
// The check button and a waiting request read the same on either theme.
constexpr ImU32 kCheckButton = IM_COL32(29, 94, 216, 255);
constexpr ImU32 kCheckHover = IM_COL32(22, 78, 185, 255);
constexpr ImU32 kCheckActive = IM_COL32(16, 62, 150, 255);
constexpr ImU32 kWaiting = IM_COL32(232, 120, 60, 255);
constexpr float kPad = 12.0f;

void save(const ExercisePanel& p) {
    platform::storage_set("progress", core::encode_progress(p.progress));
}

uint32_t fresh_seed(ExercisePanel& p) {
    ++p.seeds_drawn;
    return p.seed_base + p.seeds_drawn * 0x9E3779B9u;
}

void fill_slot(ExerciseSlot& slot, const core::Exercise& ex) {
    slot = ExerciseSlot{};
    slot.ready = true;
    slot.exercise = ex;
    if (ex.kind == core::ExerciseKind::Number) slot.answer.number = ex.number.start;
    if (ex.kind == core::ExerciseKind::Setup) slot.answer.max_pods = ex.setup.max_pods_min;
    for (const core::Exercise& part : ex.parts) {
        ExerciseSlot s;
        fill_slot(s, part);
        slot.parts.push_back(std::move(s));
    }
}

// A fresh version of one exercise (or one question of the final check) from a new seed; the
// slot stays as it was if none can be made.
void generate_part(const ViewContext& ctx, ExercisePanel& p, ExerciseSlot& slot,
                   const std::string& id) {
    core::Result<core::Exercise> ex =
        core::generate_exercise(p.book, id, fresh_seed(p), ctx.catalog);
    if (ex) fill_slot(slot, *ex);
}

void generate(const ViewContext& ctx, ExercisePanel& p, ExerciseSlot& slot, const std::string& id) {
    core::Result<core::Exercise> ex =
        core::generate_exercise(p.book, id, fresh_seed(p), ctx.catalog);
    if (!ex) {
        slot = ExerciseSlot{};
        slot.error = ex.error().message;
        return;
    }
    fill_slot(slot, *ex);
}

ExerciseSlot& slot_for(const ViewContext& ctx, ExercisePanel& p, const std::string& id) {
    ExerciseSlot& slot = p.slots[id];
    if (!slot.ready && slot.error.empty()) generate(ctx, p, slot, id);
    return slot;
}

void mark_solved(ExercisePanel& p, const std::string& id) {
    if (core::mark_solved(p.progress, id)) save(p);
}

// ---- widgets ------------------------------------------------------------------------------

void text_wrapped(const std::string& text, float width, ImU32 col = color::kInk) {
    ImGui::PushStyleColor(ImGuiCol_Text, col);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void muted(const std::string& text, float width) {
    text_wrapped(text, width, color::kMuted);
}

// 0: plain, 1: shown right, 2: shown wrong.
bool option_card(const std::string& text, bool chosen, int verdict, float width, const char* id) {
    const ImVec2 pad(10, 7);
    const float radio = 7.0f;
    const float text_w = std::max(40.0f, width - 2 * pad.x - 2 * radio - 8);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, text_w);
    const ImVec2 box(width, std::max(size.y, ImGui::GetFontSize()) + 2 * pad.y);
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton(id, box);
    locate_note(id);  // InvisibleButton does not report itself to locate
    const bool hovered = ImGui::IsItemHovered();
    ImU32 bg = chosen ? kOptionChosen : (hovered ? kOptionHover : kOption);
    if (chosen && verdict == 1) bg = kOptionRight;
    if (chosen && verdict == 2) bg = kOptionWrong;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(o, ImVec2(o.x + box.x, o.y + box.y), bg, 6);
    // The chosen card is told by its filled radio and its tint, not by a blue outline: that
    // is the keyboard's focus ring, which may stand on another card.
    dl->AddRect(o, ImVec2(o.x + box.x, o.y + box.y), kCardLine, 6, 0, 1.0f);
    const ImVec2 c(o.x + pad.x + radio, o.y + pad.y + ImGui::GetFontSize() * 0.5f);
    dl->AddCircle(c, radio, chosen ? color::kAccent : color::kMuted, 16, 1.5f);
    if (chosen) dl->AddCircleFilled(c, radio - 3.0f, color::kAccent, 16);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(c.x + radio + 8, o.y + pad.y),
                color::kInk, text.c_str(), nullptr, text_w);
    return pressed;
}

// A number to type, with buttons to nudge it: [-10] [-1] [ 146 ] [+1] [+10]. The field takes
// digits only (on a phone the platform brings up a numeric keyboard).
bool stepper(const ViewContext& ctx, const char* id, long long& value, long long lo, long long hi,
             float width) {
    bool changed = false;
    ImGui::PushID(id);
    std::vector<long long> steps = {1};
    if (hi - lo > 20) steps.push_back(10);
    ImGui::PushStyleColor(ImGuiCol_Button, rgba(kStepper));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, rgba(kStepperHover));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, rgba(kStepperActive));
    const float gap = 4.0f;
    const float field_w = std::min(120.0f, std::max(72.0f, width * 0.28f));
    const int buttons = static_cast<int>(steps.size()) * 2;
    const float bw = std::min(
        64.0f, (width - field_w - gap * static_cast<float>(buttons)) / static_cast<float>(buttons));
    const float bh = ImGui::GetFrameHeight() + 6;
    // The buttons are for the pointer and the finger; the keyboard goes straight to the field
    // (Tab passes them by), where the arrows nudge the number.
    ImGui::PushAllowKeyboardFocus(false);
    for (size_t k = steps.size(); k-- > 0;) {
        char label[16];
        std::snprintf(label, sizeof label, "\xE2\x88\x92%lld", steps[k]);
        ImGui::BeginDisabled(value <= lo);
        if (ImGui::Button(label, ImVec2(bw, bh))) {
            value = std::max(lo, value - steps[k]);
            changed = true;
        }
        ImGui::EndDisabled();
        ImGui::SameLine(0, gap);
    }
    ImGui::PopAllowKeyboardFocus();
    ImGui::PushFont(ctx.fonts.strong);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(8, (bh - ImGui::GetFontSize()) * 0.5f));
    if (number_field("##answer", value, lo, hi, field_w)) changed = true;
    ImGui::PopStyleVar();
    ImGui::PopFont();
    ImGui::PushAllowKeyboardFocus(false);
    for (size_t k = 0; k < steps.size(); ++k) {
        ImGui::SameLine(0, gap);
        char label[16];
        std::snprintf(label, sizeof label, "+%lld", steps[k]);
        ImGui::BeginDisabled(value >= hi);
        if (ImGui::Button(label, ImVec2(bw, bh))) {
            value = std::min(hi, value + steps[k]);
            changed = true;
        }
        ImGui::EndDisabled();
    }
    ImGui::PopAllowKeyboardFocus();
    ImGui::PopStyleColor(3);
    ImGui::PopID();
    return changed;
}

bool check_button(const char* label) {
    ImGui::PushStyleColor(ImGuiCol_Button, rgba(kCheckButton));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, rgba(kCheckHover));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, rgba(kCheckActive));
    ImGui::PushStyleColor(ImGuiCol_Text, rgba(IM_COL32_WHITE));
    const bool pressed =
        ImGui::Button(label, ImVec2(std::max(96.0f, ImGui::CalcTextSize(label).x + 32), 0));
    ImGui::PopStyleColor(4);
    return pressed;
}

// A legend entry: a small square in a colour and its words.
void legend(const char* text, ImU32 col, bool& first, float width, float& used) {
    const float w = ImGui::CalcTextSize(text).x + 22;
    if (!first && used + w < width) {
        ImGui::SameLine(0, 12);
    } else {
        used = 0;
    }
    first = false;
    used += w + 12;
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const float s = ImGui::GetFontSize() * 0.7f;
    const float y = o.y + (ImGui::GetTextLineHeight() - s) * 0.5f;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(o.x, y), ImVec2(o.x + s, y + s), col, 2);
    if (col == IM_COL32_WHITE) {
        ImGui::GetWindowDrawList()->AddRect(ImVec2(o.x, y), ImVec2(o.x + s, y + s), color::kLine,
                                            2);
    }
    ImGui::SetCursorScreenPos(ImVec2(o.x + s + 6, o.y));
    ImGui::TextUnformatted(text);
}

// The building of a "fix" exercise, drawn as every building of the tutorial is.
void draw_fix_building(const ViewContext& ctx, const core::Cluster& cluster,
                       const std::string& subnet_id, float width) {
    const core::Subnet* subnet = core::find_subnet(cluster.vpc, subnet_id);
    if (subnet == nullptr) return;
    BuildingStyle bs;
    bs.cluster = &cluster;
    bs.max_width = width;
    bs.max_cell = 15;
    draw_building(ctx, *subnet, bs);
    draw_legend(ctx, kLegendBuildingHolders | kLegendAddrOther, width);
}

// The pods of a "make it so" task: one square each, coloured by how the last check went.
void draw_desks(const ViewContext& ctx, int pods, const core::Check* check, float width) {
    const float gap = 3.0f;
    const float cell = 12.0f;
    const int cols = std::max(5, static_cast<int>((width - 16 + gap) / (cell + gap)));
    const int rows = (pods + cols - 1) / cols;
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const float w =
        std::min(width, static_cast<float>(std::min(cols, pods)) * (cell + gap) - gap + 16);
    const float h = static_cast<float>(rows) * (cell + gap) - gap + 16;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(o, ImVec2(o.x + w, o.y + h), color::kRoom, 6);
    dl->AddRect(o, ImVec2(o.x + w, o.y + h), color::kLine, 6);
    for (int i = 0; i < pods; ++i) {
        const float x = o.x + 8 + static_cast<float>(i % cols) * (cell + gap);
        const float y = o.y + 8 + static_cast<float>(i / cols) * (cell + gap);
        ImU32 c = color::kSlotFree;
        if (check != nullptr) {
            if (i < check->running) {
                c = color::kSlotDesk;
            } else if (i < check->running + check->waiting) {
                c = kWaiting;
            } else {
                c = kRefused;
            }
        }
        dl->AddRectFilled(ImVec2(x, y), ImVec2(x + cell, y + cell), c, 2);
    }
    ImGui::Dummy(ImVec2(w, h));
    // The key is there before Check too (without counts), so the grey desks are explained and
    // the row with Check does not jump when a check adds the counts or an edit takes them away.
    bool first = true;
    float used = 0;
    if (check == nullptr) legend("not placed until Check", color::kSlotFree, first, width, used);
    const auto count = [check](int n) { return check ? " " + std::to_string(n) : std::string(); };
    const std::string run = "running" + count(check ? check->running : 0);
    const std::string wait = "ContainerCreating" + count(check ? check->waiting : 0);
    const std::string ref =
        ctx.text("refused (over {maxpods})") + count(check ? check->refused : 0);
    legend(run.c_str(), color::kSlotDesk, first, width, used);
    legend(wait.c_str(), kWaiting, first, width, used);
    legend(ref.c_str(), kRefused, first, width, used);
}

// ---- one exercise -------------------------------------------------------------------------

// True once the learner has entered something the check can judge.
bool answered(const ExerciseSlot& slot) {
    switch (slot.exercise.kind) {
        case core::ExerciseKind::Choice:
        case core::ExerciseKind::Fix:
            return slot.answer.choice >= 0;
        case core::ExerciseKind::Setup:
            return slot.answer.type >= 0;
        default:
            return true;
    }
}

// What the last Check of a slot said, for the page's live region ("" before a Check): the
// words under Check, after "Not yet." when wrong (right ones begin with "Right." and go on
// with the working).
std::string said_by_check(const ViewContext& ctx, const ExerciseSlot& slot) {
    if (!slot.checked) return {};
    std::string words = ctx.text(slot.check.feedback);
    if (!slot.check.correct) return "Not yet. " + words;
    for (const std::string& d : slot.check.derivation)  // the working, as it is shown
        words += " " + ctx.text(d);
    return words;
}

// What the live region says of an exercise before a Check (the page's screen reader hears the
// canvas through it): the card chosen, once one is; before that the question itself,
// `heading` first ("Question 2 of 5: ..." in the final check), so that a new question is
// heard when it replaces the last.
std::string said_before_check(const ViewContext& ctx, const ExerciseSlot& slot,
                              const std::string& heading) {
    const core::Exercise& ex = slot.exercise;
    const bool cards = ex.kind == core::ExerciseKind::Choice || ex.kind == core::ExerciseKind::Fix;
    if (cards && slot.answer.choice >= 0 &&
        slot.answer.choice < static_cast<int>(ex.choices.size()))
        return "Chosen: " + ctx.text(ex.choices[static_cast<size_t>(slot.answer.choice)]) + ".";
    const core::SetupTask& task = ex.setup;
    if (ex.kind == core::ExerciseKind::Setup && slot.answer.type >= 0 &&
        slot.answer.type < static_cast<int>(task.types.size())) {
        return "Chosen: " + task.types[static_cast<size_t>(slot.answer.type)] +
               (slot.answer.prefix_delegation ? ", prefix delegation on, "
                                              : ", prefix delegation off, ") +
               ctx.text("{maxpods} ") + std::to_string(slot.answer.max_pods) + ".";
    }
    // "Now what?" is not followed by a full stop.
    const char end = heading.empty() ? '.' : heading.back();
    return heading + (end == '?' || end == '.' || end == '!' ? " " : ". ") + ctx.text(ex.prompt);
}

// Checks the answer; returns true if this check solved the exercise.
bool run_check(ExerciseSlot& slot) {
    slot.check = core::check_answer(slot.exercise, slot.answer);
    slot.checked = true;
    slot.show_feedback = true;
    if (answered(slot)) {
        ++slot.attempts;
        if (!slot.check.correct) ++slot.wrong;
    }
    const bool solved = slot.check.correct && !slot.revealed;
    slot.solved = slot.solved || solved;
    return solved;
}

void answer_changed(ExerciseSlot& slot) {
    slot.checked = false;
    slot.check = core::Check{};
}

// Answered right by the learner (checked right, the answer not shown to them).
bool solved_here(const ExerciseSlot& slot) {
    return slot.checked && slot.check.correct && !slot.revealed;
}

// Every question of the final check answered right.
bool all_parts_solved(const ExerciseSlot& quiz) {
    return std::all_of(quiz.parts.begin(), quiz.parts.end(), solved_here);
}

// "Show the answer" (after two wrong tries): the answer with its working, not solved.
void show_answer(ExerciseSlot& slot) {
    slot.reveal = core::reveal_answer(slot.exercise);
    slot.revealed = slot.reveal.found;
    slot.show_feedback = true;
}

void draw_number(const ViewContext& ctx, ExerciseSlot& slot, float width) {
    const core::Exercise& ex = slot.exercise;
    muted(ctx.text(ex.number.label), width);
    if (stepper(ctx, "number", slot.answer.number, ex.number.min, ex.number.max, width)) {
        answer_changed(slot);
    }
}

// Card i of a group of option cards, drawn as a page's radio buttons behave: the group is one
// Tab stop (the chosen card, or the first), the arrows go from card to card and choose the
// one they reach, Space or a press chooses, and Enter chooses and sends the answer when
// `enter_sends` (the card is the whole answer). True when the card became the chosen one.
bool option_in_group(const std::string& text, int i, int& chosen, int verdict, float width,
                     const char* id, bool enter_sends) {
    ImGui::PushAllowKeyboardFocus(i == std::max(chosen, 0));
    const bool pressed = option_card(text, chosen == i, verdict, width, id);
    ImGui::PopAllowKeyboardFocus();
    if (pressed && enter_sends && keyboard_enter_down()) send_answer();
    if (chosen == i || !(pressed || keyboard_arrived_by_arrow())) return false;
    chosen = i;
    return true;
}

void draw_options(const ViewContext& ctx, ExerciseSlot& slot, float width) {
    const core::Exercise& ex = slot.exercise;
    const int verdict = slot.checked ? (slot.check.correct ? 1 : 2) : 0;
    const int n = static_cast<int>(ex.choices.size());
    ImGuiID first_card = 0;
    int wrap_to = -1;  // Up on the first card goes to the last, Down on the last to the first
    for (int i = 0; i < n; ++i) {
        ImGui::PushID(i);
        if (option_in_group(ctx.text(ex.choices[static_cast<size_t>(i)]), i, slot.answer.choice,
                            verdict, width, "##option", true))
            answer_changed(slot);
        if (i == 0) first_card = ImGui::GetID("##option");  // the card's id, as drawn
        if (keyboard_leaving_group(i == 0, i == n - 1)) wrap_to = i == 0 ? n - 1 : 0;
        if (i == n - 1 && wrap_to == n - 1) keyboard_take_focus_again();
        ImGui::PopID();
    }
    if (wrap_to == 0) keyboard_focus_id(first_card);
    if (wrap_to >= 0 && slot.answer.choice != wrap_to) {
        slot.answer.choice = wrap_to;
        answer_changed(slot);
    }
}

void draw_setup(const ViewContext& ctx, ExerciseSlot& slot, float width) {
    const core::Exercise& ex = slot.exercise;
    const core::SetupTask& task = ex.setup;
    muted(ctx.text("{instance}"), width);
    const size_t n = task.types.size();
    const float gap = 6.0f;
    const bool row = width >= 300;
    const float w = row ? (width - gap * static_cast<float>(n - 1)) / static_cast<float>(n) : width;
    for (size_t i = 0; i < n; ++i) {
        ImGui::PushID(static_cast<int>(100 + i));
        if (row && i > 0) ImGui::SameLine(0, gap);
        // Enter only chooses here: the answer has more parts below.
        if (option_in_group(task.types[i], static_cast<int>(i), slot.answer.type, 0, w, "##type",
                            false)) {
            if (!slot.touched) slot.answer.max_pods = task.ami_max_pods[i];
            answer_changed(slot);
        }
        ImGui::PopID();
    }
    ImGui::Spacing();
    if (checkbox_wrapped("Prefix delegation (ENABLE_PREFIX_DELEGATION)",
                         &slot.answer.prefix_delegation)) {
        answer_changed(slot);
    }
    muted(ctx.text("kubelet's {maxpods}") +
              (slot.answer.type >= 0
                   ? " (the AMI sets " +
                         std::to_string(task.ami_max_pods[static_cast<size_t>(slot.answer.type)]) +
                         ")"
                   : ""),
          width);
    long long mp = slot.answer.max_pods;
    if (slot.answer.type < 0)
        muted(ctx.text("Pick a {instance} first: it sets the starting value."), width);
    ImGui::BeginDisabled(slot.answer.type < 0);
    if (stepper(ctx, "maxpods", mp, task.max_pods_min, task.max_pods_max, width)) {
        slot.answer.max_pods = static_cast<int>(mp);
        slot.touched = true;
        answer_changed(slot);
    }
    ImGui::EndDisabled();
    ImGui::Spacing();
    muted(ctx.text("The {room}'s {desks}"), width);
    draw_desks(ctx, task.pods, slot.checked ? &slot.check : nullptr, width);
}

void draw_fix(const ViewContext& ctx, ExerciseSlot& slot, float width) {
    const core::Exercise& ex = slot.exercise;
    const std::string subnet = ex.campus.subnets.empty() ? "" : ex.campus.subnets[0].id;
    draw_fix_building(ctx, ex.campus_built, subnet, width);
    int running = 0;
    int waiting = 0;
    for (const core::Node& node : ex.campus_built.nodes) {
        running += static_cast<int>(node.pods.size());
        waiting += static_cast<int>(node.pending.size());
    }
    muted(ctx.text("Before the change: ") + std::to_string(running) + " running, " +
              std::to_string(waiting) + " in ContainerCreating.",
          width);
    ImGui::Spacing();
    draw_options(ctx, slot, width);
}

// The answer shown after two wrong tries: the answer and its working, marked as shown.
void draw_reveal(const ViewContext& ctx, const ExerciseSlot& slot, float width) {
    ImGui::PushFont(ctx.fonts.strong);
    text_wrapped("The answer: " + ctx.text(slot.reveal.text), width, color::kInk);
    ImGui::PopFont();
    for (const std::string& d : slot.reveal.derivation) {
        const ImVec2 o = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddCircleFilled(
            ImVec2(o.x + 4, o.y + ImGui::GetTextLineHeight() * 0.5f), 2.5f, color::kMuted);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 14);
        text_wrapped(ctx.text(d), width - 14, color::kInk);
    }
    muted("Shown, so not counted as solved. Try another one to solve it yourself.", width);
}

// What the last Check said, right under it: a hint when wrong, the working when right.
void draw_feedback(const ViewContext& ctx, const ExerciseSlot& slot, float width) {
    const core::Check& c = slot.check;
    if (!c.correct) {
        text_wrapped("\xE2\x9C\x97 " + ctx.text(c.feedback), width, color::kBad);
        return;
    }
    ImGui::PushFont(ctx.fonts.strong);
    text_wrapped("\xE2\x9C\x93 " + ctx.text(c.feedback), width, color::kGood);
    ImGui::PopFont();
    for (const std::string& d : c.derivation) {
        const ImVec2 o = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddCircleFilled(
            ImVec2(o.x + 4, o.y + ImGui::GetTextLineHeight() * 0.5f), 2.5f, color::kGood);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 14);
        text_wrapped(ctx.text(d), width - 14, color::kGood);
    }
}

// Brought here by the keyboard (Practice or Next question pressed with the ring on it): the
// ring goes on to the answer, drawn next, past the arrows between the step's exercises (one
// more Enter there would open the next exercise) and the question buttons.
void focus_answer_here(ExercisePanel& p) {
    if (std::exchange(p.focus_answer, false)) keyboard_focus_next_widget();
}

// The answer's inputs for the exercise's kind (a quiz has none of its own).
void draw_inputs(const ViewContext& ctx, ExerciseSlot& slot, float width) {
    struct Inputs {
        core::ExerciseKind kind;
        void (*draw)(const ViewContext&, ExerciseSlot&, float);
    };
    const Inputs kinds[] = {{core::ExerciseKind::Number, draw_number},
                            {core::ExerciseKind::Choice, draw_options},
                            {core::ExerciseKind::Setup, draw_setup},
                            {core::ExerciseKind::Fix, draw_fix}};
    for (const Inputs& row : kinds) {
        if (row.kind == slot.exercise.kind) row.draw(ctx, slot, width);
    }
}

// What the learner asked for in the row under an exercise.
struct RowPress {
    bool solved = false;   // this Check solved it
    bool another = false;  // "Another one" (or, in the final check, a new version)
};

// Check, Another one and, after two wrong tries, Show the answer; then the feedback, kept
// in sight: a learner who presses Check always sees what it said.
RowPress check_row(const ViewContext& ctx, ExerciseSlot& slot, const std::string& heading,
                   const char* another, float width, ViewOut& out) {
    RowPress press;
    ImGui::Spacing();
    const bool entered = answer_entered();  // Enter in the answer sends it, as on a page
    if (check_button("Check") || entered) {
        press.solved = run_check(slot);
        out.animate(platform::now_ms() + 200);
    }
    ImGui::SameLine();
    if (ImGui::Button(another)) press.another = true;
    const bool may_reveal =
        !slot.revealed && slot.wrong >= 2 && !(slot.checked && slot.check.correct);
    if (may_reveal) {
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize("Show the answer").x + 20)
            ImGui::NewLine();
        if (ImGui::Button("Show the answer")) show_answer(slot);
    }
    if (!slot.checked && !slot.revealed) {
        out.live = said_before_check(ctx, slot, heading);
        return press;
    }
    out.live = said_by_check(ctx, slot);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::BeginGroup();
    if (slot.checked) draw_feedback(ctx, slot, width);
    if (slot.revealed) draw_reveal(ctx, slot, width);
    ImGui::EndGroup();
    const ImVec2 bottom = ImGui::GetItemRectMax();
    locate_rect("##feedback", top.x, top.y, top.x + width, bottom.y);
    if (slot.show_feedback) {
        // The feedback's bottom in sight; the column stays put when it already is (a scroll
        // back would move Check from under the finger that pressed it).
        slot.show_feedback = false;
        scroll_down_to(bottom.y + ImGui::GetStyle().ItemSpacing.y);
        platform::request_frame();
    }
    return press;
}

void draw_quiz(const ViewContext& ctx, ExercisePanel& panel, ExerciseSlot& slot,
               const std::string& id, float width, ViewOut& out) {
    const int n = static_cast<int>(slot.parts.size());
    if (n == 0) return;
    slot.part = std::clamp(slot.part, 0, n - 1);
    text_wrapped(ctx.text(slot.exercise.prompt), width, color::kMuted);
    // One numbered button per question: green once answered right, red while answered wrong.
    for (int i = 0; i < n; ++i) {
        ImGui::PushID(i);
        if (i > 0) ImGui::SameLine(0, 6);
        const ExerciseSlot& p = slot.parts[static_cast<size_t>(i)];
        const bool ok = solved_here(p);
        const bool wrong = p.checked && !p.check.correct;  // answered wrong, not yet again
        const bool here = i == slot.part;
        const bool dark = ok || wrong || here;
        const ImU32 fill =
            ok ? color::kGood : (wrong ? color::kBad : (here ? color::kAccentFill : kStepper));
        ImGui::PushStyleColor(ImGuiCol_Button, rgba(fill));
        // Hovered, or with the keyboard's ring: white words stay on a dark fill.
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, rgba(dark ? fill : kStepperHover));
        ImGui::PushStyleColor(ImGuiCol_Text, rgba(dark ? IM_COL32_WHITE : color::kInk));
        char label[24];
        std::snprintf(label, sizeof label, "%d##question", i + 1);
        if (ImGui::Button(label, ImVec2(32, 0))) slot.part = i;
        ImGui::PopStyleColor(3);
        if (here) {  // the question shown: a bar under its button, as under a page's tab
            const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
            ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(a.x, b.y + 2), ImVec2(b.x, b.y + 5),
                                                      color::kInk, 1.5f);
        }
        ImGui::PopID();
    }
    ImGui::Spacing();
    ExerciseSlot& part = slot.parts[static_cast<size_t>(slot.part)];
    const std::string heading = "Question " + std::to_string(slot.part + 1) + " of " +
                                std::to_string(n) + ": " + ctx.text(part.exercise.title);
    ImGui::PushFont(ctx.fonts.strong);
    text_wrapped(heading, width);
    ImGui::PopFont();
    ImGui::PushID(slot.part);
    text_wrapped(ctx.text(part.exercise.prompt), width);
    ImGui::Spacing();
    focus_answer_here(panel);
    draw_inputs(ctx, part, width);
    // A question answered wrong is tried again with a new version of itself; the others stay.
    const RowPress press =
        check_row(ctx, part, heading, "New version of this question", width, out);
    ImGui::PopID();
    if (press.another) {
        generate_part(ctx, panel, part, part.exercise.id);
        out.animate(platform::now_ms() + 200);
    }
    const bool all_right = all_parts_solved(slot);
    if (press.solved && all_right) mark_solved(panel, id);
    if (part.checked && part.check.correct && slot.part + 1 < n) {
        if (ImGui::Button("Next question")) {
            ++slot.part;
            if (keyboard_focus_visible()) panel.focus_answer = true;
        }
    }
    if (all_right) {
        ImGui::PushFont(ctx.fonts.strong);
        text_wrapped("All " + std::to_string(n) + " right. Well done!", width, color::kGood);
        ImGui::PopFont();
    }
}

}  // namespace

std::string exercises_init(ExercisePanel& p, const core::Lessons& lessons,
                           std::string_view exercises_json,
                           const std::vector<std::string>& lab_ids) {
    p.loaded = true;
    p.lab_ids = lab_ids;
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    const auto ticks = static_cast<unsigned long long>(
        std::chrono::duration_cast<std::chrono::microseconds>(now).count());
    p.seed_base = static_cast<uint32_t>(ticks ^ (ticks >> 32));
    for (const core::LessonStep& s : lessons.steps)
        p.step_ids.push_back(s.id);
    p.book_text = exercises_json;
    p.exercise_ids = core::json_list_ids(exercises_json, "exercises");
    const std::string stored = platform::storage_get("progress");
    core::Result<core::DecodedProgress> decoded =
        core::decode_progress(stored, p.step_ids, p.exercise_ids, p.lab_ids);
    if (decoded) {
        p.progress = decoded->progress;
        return {};
    }
    p.progress = core::Progress{};
    save(p);
    return "Saved progress could not be read and was reset: " + decoded.error().message + ".";
}

std::string exercises_read_book(ExercisePanel& p, const core::Lessons& lessons) {
    if (p.book_text.empty()) return {};
    core::Result<core::ExerciseBook> book = core::load_exercises(p.book_text, &lessons);
    p.book_text.clear();
    if (!book) {
        p.book_error = book.error().message;
        return "The exercises could not be loaded: " + p.book_error;
    }
    p.book = std::move(book).value();
    return {};
}

void exercises_step_seen(ExercisePanel& p, const std::string& step_id) {
    // Before exercises_init has read the saved progress there is nothing to add to (saving
    // now would overwrite it); app_finish_init marks the step then.
    if (!p.loaded) return;
    if (core::mark_seen(p.progress, step_id)) save(p);
}

bool exercises_seen(const ExercisePanel& p, const std::string& step_id) {
    return core::was_seen(p.progress, step_id);
}

void exercises_lab_solved(ExercisePanel& p, const std::string& lab_id) {
    if (!p.loaded) return;
    if (core::mark_lab_solved(p.progress, lab_id)) save(p);
}

bool exercises_lab_done(const ExercisePanel& p, const std::string& lab_id) {
    return core::lab_solved(p.progress, lab_id);
}

void exercises_reset(ExercisePanel& p, const std::string& current_step_id) {
    p.progress = core::Progress{};
    p.slots.clear();
    p.shown.clear();
    core::mark_seen(p.progress, current_step_id);
    save(p);
    platform::request_frame();
}

void draw_progress_footer(ExercisePanel& p) {
    if (p.exercise_ids.empty()) return;
    const std::string line = std::to_string(p.progress.solved.size()) + " of " +
                             std::to_string(p.exercise_ids.size()) + " exercises solved";
    ImGui::PushStyleColor(ImGuiCol_Text, color::kMuted);
    ImGui::TextUnformatted(line.c_str());
    ImGui::PopStyleColor();
    ImGui::PushID("progress-footer");
    if (ImGui::SmallButton("Reset progress")) ImGui::OpenPopup("##reset");
    if (ImGui::BeginPopup("##reset")) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 260);
        ImGui::TextUnformatted("Forget the steps you have seen and the exercises you solved?");
        ImGui::PopTextWrapPos();
        // Keep first, and where the keyboard starts: a second Enter must not forget it all.
        if (ImGui::Button("Keep")) ImGui::CloseCurrentPopup();
        if (ImGui::IsWindowAppearing()) ImGui::SetItemDefaultFocus();
        ImGui::SameLine();
        if (ImGui::Button("Reset")) {
            p.reset_requested = true;  // done before the next draw: slots are in use now
            platform::request_frame();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    ImGui::PopID();
}

ViewOut draw_exercises(const ViewContext& ctx, ExercisePanel& p, const std::string& step_id) {
    ViewOut out;
    if (p.reset_requested) {
        p.reset_requested = false;
        exercises_reset(p, step_id);
    }
    const std::vector<const core::ExerciseSpec*> specs = core::exercises_for_step(p.book, step_id);
    if (specs.empty()) return ViewOut::nothing();
    const int count = static_cast<int>(specs.size());
    int& index = p.shown[step_id];
    index = std::clamp(index, 0, count - 1);
    const std::string id = specs[static_cast<size_t>(index)]->id;
    ExerciseSlot& slot = slot_for(ctx, p, id);

    ImGui::PushID("exercises");
    ImGui::Spacing();
    const float outer = ImGui::GetContentRegionAvail().x;
    const float width = std::max(120.0f, outer - 2 * kPad);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(start.x + kPad, start.y + kPad));
    ImGui::BeginGroup();
    const float left = ImGui::GetCursorPosX();

    // Header: "Try it", which of the step's exercises, solved mark.
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted("Try it");
    ImGui::PopFont();
    if (count > 1) {
        const std::string where = std::to_string(index + 1) + " / " + std::to_string(count);
        const float nav_w = ImGui::CalcTextSize(where.c_str()).x + 2 * ImGui::GetFrameHeight() + 24;
        ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 12, left + width - nav_w));
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 3);
        ImGui::BeginDisabled(index == 0);
        if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) --index;
        locate_note("##prev");
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s", where.c_str());
        ImGui::SameLine();
        ImGui::BeginDisabled(index >= count - 1);
        if (ImGui::ArrowButton("##next", ImGuiDir_Right)) ++index;
        locate_note("##next");
        ImGui::EndDisabled();
    }
    const bool solved_before = core::is_solved(p.progress, id);
    ImGui::PushFont(ctx.fonts.strong);
    text_wrapped(
        ctx.text(slot.ready ? slot.exercise.title : specs[static_cast<size_t>(index)]->title) +
            (solved_before ? "  \xE2\x9C\x93" : ""),
        width, solved_before ? color::kGood : color::kInk);
    ImGui::PopFont();
    // A returning learner finds a new version of what was solved on an earlier visit: say so,
    // until this version is solved (an answer changed after that is still this version).
    const bool quiz = slot.exercise.kind == core::ExerciseKind::Quiz;
    const bool solved_now = quiz ? std::all_of(slot.parts.begin(), slot.parts.end(),
                                               [](const ExerciseSlot& q) { return q.solved; })
                                 : slot.solved;
    if (solved_before && slot.ready && !solved_now) {
        muted("You solved this one before. This is a new version of it.", width);
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        locate_rect("##solved-before", a.x, a.y, b.x, b.y);
    }

    ImGui::PushID(id.c_str());
    if (!slot.error.empty()) {
        text_wrapped("This exercise could not be made: " + slot.error, width, color::kBad);
    } else if (slot.exercise.kind == core::ExerciseKind::Quiz) {
        draw_quiz(ctx, p, slot, id, width, out);
        // Every question anew: the ones answered right are asked again in a new version.
        if (ImGui::Button("Start again with new questions")) generate(ctx, p, slot, id);
    } else {
        text_wrapped(ctx.text(slot.exercise.prompt), width);
        ImGui::Spacing();
        focus_answer_here(p);
        draw_inputs(ctx, slot, width);
        const RowPress press =
            check_row(ctx, slot, ctx.text(slot.exercise.title), "Another one", width, out);
        if (press.solved) mark_solved(p, id);
        if (press.another) {
            generate(ctx, p, slot, id);
            out.animate(platform::now_ms() + 200);
        }
    }
    ImGui::PopID();

    ImGui::Spacing();
    {
        const ImVec2 o = ImGui::GetCursorScreenPos();
        dl->AddLine(o, ImVec2(o.x + width, o.y), kCardLine, 1.0f);
        ImGui::Dummy(ImVec2(width, 4));
    }
    draw_progress_footer(p);
    ImGui::EndGroup();
    const ImVec2 end = ImGui::GetItemRectMax();
    dl->ChannelsSetCurrent(0);
    const ImVec2 box_max(start.x + outer, end.y + kPad);
    dl->AddRectFilled(start, box_max, kCardBg, 8);
    dl->AddRect(start, box_max, kCardLine, 8);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(start.x, box_max.y));
    ImGui::Dummy(ImVec2(outer, 4));
    ImGui::PopID();
    return out;
}

nlohmann::json exercises_state(const ExercisePanel& p, const std::string& step,
                               const core::Lessons& lessons, core::Terms terms) {
    nlohmann::json j;
    j["total"] = p.exercise_ids.size();
    j["solved"] = p.progress.solved.size();
    j["current"] = nullptr;
    const std::vector<const core::ExerciseSpec*> specs = core::exercises_for_step(p.book, step);
    if (specs.empty()) return j;
    const auto shown = p.shown.find(step);
    const int index = std::clamp(shown == p.shown.end() ? 0 : shown->second, 0,
                                 static_cast<int>(specs.size()) - 1);
    const std::string& id = specs[static_cast<size_t>(index)]->id;
    nlohmann::json c;
    c["id"] = id;
    c["step"] = step;
    c["index"] = index;
    c["count"] = specs.size();
    c["kind"] = core::exercise_kind_name(specs[static_cast<size_t>(index)]->kind);
    c["solved"] = core::is_solved(p.progress, id);
    const auto it = p.slots.find(id);
    const ExerciseSlot* slot = it == p.slots.end() ? nullptr : &it->second;
    if (slot != nullptr && slot->exercise.kind == core::ExerciseKind::Quiz &&
        !slot->parts.empty()) {
        c["part"] = slot->part;
        c["parts"] = slot->parts.size();
        slot = &slot->parts[static_cast<size_t>(
            std::clamp(slot->part, 0, static_cast<int>(slot->parts.size()) - 1))];
        c["partKind"] = core::exercise_kind_name(slot->exercise.kind);
    }
    c["prompt"] = slot != nullptr && slot->ready
                      ? core::render_terms(lessons, slot->exercise.prompt, terms)
                      : std::string();
    c["answered"] = slot != nullptr && slot->checked && answered(*slot);
    c["correct"] = slot != nullptr && slot->checked && slot->check.correct;
    c["attempts"] = slot != nullptr ? slot->attempts : 0;
    c["wrong"] = slot != nullptr ? slot->wrong : 0;
    c["revealed"] = slot != nullptr && slot->revealed;
    c["choice"] = slot != nullptr ? slot->answer.choice : -1;
    c["value"] = slot != nullptr ? slot->answer.number : 0;
    c["type"] = slot != nullptr ? slot->answer.type : -1;
    c["prefixDelegation"] = slot != nullptr && slot->answer.prefix_delegation;
    c["maxPods"] = slot != nullptr ? slot->answer.max_pods : 0;
    // An answer the check accepts, as core works it out (the page shows it after two wrong
    // tries): the browser tests answer every exercise with it, from the keyboard. Only for
    // them (platform::test_answers): a learner's console does not give it away.
    if (slot != nullptr && slot->ready && platform::test_answers()) {
        const core::Reveal r = core::reveal_answer(slot->exercise);
        if (r.found) {
            c["key"] = {{"choice", r.answer.choice},
                        {"value", r.answer.number},
                        {"type", r.answer.type},
                        {"prefixDelegation", r.answer.prefix_delegation},
                        {"maxPods", r.answer.max_pods}};
        }
    }
    j["current"] = c;
    return j;
}

// ---- the DOM mirror's exercises ------------------------------------------------------------

namespace {

nlohmann::json mirror_question(const ViewContext& ctx, const ExerciseSlot& slot, int part,
                               int parts) {
    const core::Exercise& ex = slot.exercise;
    nlohmann::json q;
    q["part"] = part;
    q["kind"] = core::exercise_kind_name(ex.kind);
    q["heading"] = part < 0 ? std::string()
                            : "Question " + std::to_string(part + 1) + " of " +
                                  std::to_string(parts) + ": " + ctx.text(ex.title);
    q["prompt"] = ctx.text(ex.prompt);
    nlohmann::json choices = nlohmann::json::array();
    for (const std::string& c : ex.choices)
        choices.push_back(ctx.text(c));
    q["choices"] = choices;
    if (ex.kind == core::ExerciseKind::Number) {
        q["label"] = ctx.text(ex.number.label);
        q["min"] = ex.number.min;
        q["max"] = ex.number.max;
    }
    if (ex.kind == core::ExerciseKind::Setup) {
        q["types"] = ex.setup.types;
        q["maxPodsMin"] = ex.setup.max_pods_min;
        q["maxPodsMax"] = ex.setup.max_pods_max;
        q["label"] = ctx.text("kubelet's {maxpods}");
    }
    if (ex.kind == core::ExerciseKind::Fix) {  // what the canvas shows as a picture
        int running = 0, waiting = 0;
        for (const core::Node& node : ex.campus_built.nodes) {
            running += static_cast<int>(node.pods.size());
            waiting += static_cast<int>(node.pending.size());
        }
        q["situation"] = ctx.text("Now: ") + std::to_string(running) + " running, " +
                         std::to_string(waiting) + " in ContainerCreating.";
    }
    return q;
}

// The specs of a step's exercises, each with its slot made.
std::vector<std::string> step_exercise_ids(const ExercisePanel& p, const std::string& step_id) {
    std::vector<std::string> ids;
    for (const core::ExerciseSpec* spec : core::exercises_for_step(p.book, step_id))
        ids.push_back(spec->id);
    return ids;
}

nlohmann::json mirror_error(const std::string& why) {
    return nlohmann::json{{"error", why}};
}

// A field of the request, or `none` when it is missing or of another type (json's value()
// would stop the page on a wrong type: JSON_NOEXCEPTION).
long long int_field(const nlohmann::json& r, const char* key, long long none) {
    const auto it = r.find(key);
    return it != r.end() && it->is_number_integer() ? it->get<long long>() : none;
}
std::string text_field(const nlohmann::json& r, const char* key, const std::string& none) {
    const auto it = r.find(key);
    return it != r.end() && it->is_string() ? it->get<std::string>() : none;
}
bool bool_field(const nlohmann::json& r, const char* key) {
    const auto it = r.find(key);
    return it != r.end() && it->is_boolean() && it->get<bool>();
}

}  // namespace

std::string exercises_mirror_key(const ExercisePanel& p, const std::string& step_id, int terms) {
    std::string key = step_id + "|" + std::to_string(terms);
    const std::vector<std::string> ids = step_exercise_ids(p, step_id);
    if (ids.empty()) return {};
    for (const std::string& id : ids) {
        const auto it = p.slots.find(id);
        if (it == p.slots.end() || (!it->second.ready && it->second.error.empty())) return {};
        key += "|" + id + ":" + std::to_string(it->second.exercise.seed);
        for (const ExerciseSlot& part : it->second.parts)
            key += "," + std::to_string(part.exercise.seed);
    }
    return key;
}

nlohmann::json exercises_mirror(const ViewContext& ctx, ExercisePanel& p,
                                const std::string& step_id) {
    nlohmann::json out;
    out["step"] = step_id;
    out["exercises"] = nlohmann::json::array();
    for (const std::string& id : step_exercise_ids(p, step_id)) {
        const ExerciseSlot& slot = slot_for(ctx, p, id);
        nlohmann::json e;
        e["id"] = id;
        e["title"] = slot.ready ? ctx.text(slot.exercise.title) : id;
        if (core::is_solved(p.progress, id))
            e["title"] = e["title"].get<std::string>() + " (solved before)";
        e["questions"] = nlohmann::json::array();
        if (!slot.error.empty()) {
            e["error"] = "This exercise could not be made: " + slot.error;
        } else if (slot.exercise.kind == core::ExerciseKind::Quiz) {
            e["intro"] = ctx.text(slot.exercise.prompt);
            const int n = static_cast<int>(slot.parts.size());
            for (int i = 0; i < n; ++i)
                e["questions"].push_back(
                    mirror_question(ctx, slot.parts[static_cast<size_t>(i)], i, n));
        } else {
            e["questions"].push_back(mirror_question(ctx, slot, -1, 1));
        }
        out["exercises"].push_back(e);
    }
    return out;
}

nlohmann::json exercises_mirror_act(const ViewContext& ctx, ExercisePanel& p,
                                    const std::string& step_id, std::string_view request) {
    const nlohmann::json r = nlohmann::json::parse(request, nullptr, false);
    const std::string id = r.is_object() ? text_field(r, "exercise", "") : std::string();
    if (id.empty()) return mirror_error("The request names no exercise.");
    const std::vector<std::string> ids = step_exercise_ids(p, step_id);
    if (std::find(ids.begin(), ids.end(), id) == ids.end())
        return mirror_error("'" + id + "' is not an exercise of this step.");
    ExerciseSlot& slot = slot_for(ctx, p, id);
    if (!slot.ready) return mirror_error("This exercise could not be made.");
    const long long part = int_field(r, "part", -1);
    const bool quiz = slot.exercise.kind == core::ExerciseKind::Quiz;
    if (quiz != (part >= 0) || (quiz && part >= static_cast<long long>(slot.parts.size())))
        return mirror_error("That question is not part of this exercise.");
    ExerciseSlot& target = quiz ? slot.parts[static_cast<size_t>(part)] : slot;
    if (quiz) slot.part = static_cast<int>(part);  // the canvas shows the question answered
    const std::string action = text_field(r, "action", "check");
    platform::request_frame();
    if (action == "another") {
        if (quiz) {
            generate_part(ctx, p, target, target.exercise.id);
        } else {
            generate(ctx, p, slot, id);
        }
        return nlohmann::json::object();
    }
    if (action == "reveal") {
        if (target.wrong < 2) return mirror_error("The answer can be shown after two wrong tries.");
        show_answer(target);
        nlohmann::json working = nlohmann::json::array();
        for (const std::string& d : target.reveal.derivation)
            working.push_back(ctx.text(d));
        return {{"answer", ctx.text(target.reveal.text)}, {"working", working}};
    }
    if (action != "check") return mirror_error("Unknown action '" + action + "'.");
    core::Answer a = target.answer;
    const core::Exercise& ex = target.exercise;
    switch (ex.kind) {
        case core::ExerciseKind::Number:
            if (int_field(r, "number", LLONG_MIN) == LLONG_MIN)
                return mirror_error("Type a whole number.");
            a.number = int_field(r, "number", 0);
            break;
        case core::ExerciseKind::Choice:
        case core::ExerciseKind::Fix:
            if (int_field(r, "choice", -1) < 0 ||
                int_field(r, "choice", -1) >= static_cast<long long>(ex.choices.size()))
                return mirror_error("Pick one of the answers.");
            a.choice = static_cast<int>(int_field(r, "choice", -1));
            break;
        case core::ExerciseKind::Setup:
            if (int_field(r, "type", -1) < 0 ||
                int_field(r, "type", -1) >= static_cast<long long>(ex.setup.types.size()))
                return mirror_error("Pick an instance type.");
            a.type = static_cast<int>(int_field(r, "type", -1));
            a.prefix_delegation = bool_field(r, "prefixDelegation");
            if (int_field(r, "maxPods", -1) < ex.setup.max_pods_min ||
                int_field(r, "maxPods", -1) > ex.setup.max_pods_max)
                return mirror_error("max-pods goes from " + std::to_string(ex.setup.max_pods_min) +
                                    " to " + std::to_string(ex.setup.max_pods_max) + ".");
            a.max_pods = static_cast<int>(int_field(r, "maxPods", 0));
            target.touched = true;
            break;
        case core::ExerciseKind::Quiz:
            return mirror_error("Answer the questions one by one.");
    }
    target.answer = a;
    answer_changed(target);
    const bool solved = run_check(target);
    if (solved && (!quiz || all_parts_solved(slot))) mark_solved(p, id);
    nlohmann::json working = nlohmann::json::array();
    for (const std::string& d : target.check.derivation)
        working.push_back(ctx.text(d));
    return {{"correct", target.check.correct},
            {"feedback", ctx.text(target.check.feedback)},
            {"working", working},
            {"mayReveal", !target.revealed && target.wrong >= 2 && !target.check.correct}};
}

}  // namespace web
