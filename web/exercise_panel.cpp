// exercise_panel.cpp: exercises and progress (see exercise_panel.h).
#include "exercise_panel.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "app.h"
#include "imgui.h"
#include "platform.h"
#include "style.h"

namespace web {
namespace {

// Colours of the card's pieces. The option, stepper and check colours are used nowhere else
// on the page, so a browser test can find those widgets in a screenshot.
constexpr ImU32 kCardBg = IM_COL32(246, 248, 252, 255);
constexpr ImU32 kCardLine = IM_COL32(208, 216, 231, 255);
constexpr ImU32 kOption = IM_COL32(252, 250, 244, 255);
constexpr ImU32 kOptionHover = IM_COL32(245, 239, 222, 255);
constexpr ImU32 kOptionChosen = IM_COL32(221, 233, 253, 255);
constexpr ImU32 kOptionRight = IM_COL32(220, 243, 230, 255);
constexpr ImU32 kOptionWrong = IM_COL32(252, 231, 229, 255);
constexpr ImU32 kStepper = IM_COL32(226, 233, 246, 255);
constexpr ImU32 kStepperHover = IM_COL32(207, 220, 245, 255);
constexpr ImU32 kStepperActive = IM_COL32(186, 204, 240, 255);
constexpr ImU32 kCheckButton = IM_COL32(29, 94, 216, 255);
constexpr ImU32 kCheckHover = IM_COL32(22, 78, 185, 255);
constexpr ImU32 kCheckActive = IM_COL32(16, 62, 150, 255);
constexpr ImU32 kWaiting = IM_COL32(232, 120, 60, 255);
constexpr ImU32 kRefused = IM_COL32(170, 176, 190, 255);
constexpr ImU32 kOther = IM_COL32(120, 128, 148, 255);
constexpr ImU32 kReserved = IM_COL32(60, 66, 82, 255);
constexpr float kPad = 12.0f;

ExercisePanel& panel(App& app) {
    return app.views.exercises;
}

void save(App& app) {
    platform::storage_set("progress", core::encode_progress(panel(app).progress));
}

void sync_seen(App& app) {
    app.seen.assign(app.lessons.steps.size(), false);
    for (size_t i = 0; i < app.lessons.steps.size(); ++i)
        app.seen[i] = core::was_seen(panel(app).progress, app.lessons.steps[i].id);
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

void generate(App& app, ExerciseSlot& slot, const std::string& id) {
    ExercisePanel& p = panel(app);
    core::Result<core::Exercise> ex =
        core::generate_exercise(p.book, id, fresh_seed(p), app.catalog);
    if (!ex) {
        slot = ExerciseSlot{};
        slot.error = ex.error().message;
        return;
    }
    fill_slot(slot, *ex);
}

ExerciseSlot& slot_for(App& app, const std::string& id) {
    ExerciseSlot& slot = panel(app).slots[id];
    if (!slot.ready && slot.error.empty()) generate(app, slot, id);
    return slot;
}

void mark_solved(App& app, const std::string& id) {
    if (core::mark_solved(panel(app).progress, id)) save(app);
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
    const bool hovered = ImGui::IsItemHovered();
    ImU32 bg = chosen ? kOptionChosen : (hovered ? kOptionHover : kOption);
    if (chosen && verdict == 1) bg = kOptionRight;
    if (chosen && verdict == 2) bg = kOptionWrong;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(o, ImVec2(o.x + box.x, o.y + box.y), bg, 6);
    dl->AddRect(o, ImVec2(o.x + box.x, o.y + box.y), chosen ? color::kAccent : kCardLine, 6, 0,
                chosen ? 2.0f : 1.0f);
    const ImVec2 c(o.x + pad.x + radio, o.y + pad.y + ImGui::GetFontSize() * 0.5f);
    dl->AddCircle(c, radio, chosen ? color::kAccent : color::kMuted, 16, 1.5f);
    if (chosen) dl->AddCircleFilled(c, radio - 3.0f, color::kAccent, 16);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(c.x + radio + 8, o.y + pad.y),
                color::kInk, text.c_str(), nullptr, text_w);
    return pressed;
}

// A stepper: [-100] [-10] [-1]  value  [+1] [+10] [+100], then a slider for big moves.
bool stepper(App& app, const char* id, long long& value, long long lo, long long hi, float width) {
    bool changed = false;
    ImGui::PushID(id);
    const long long span = hi - lo;
    std::vector<long long> steps = {1};
    if (span > 20) steps.push_back(10);
    if (span > 200) steps.push_back(100);
    ImGui::PushStyleColor(ImGuiCol_Button, rgba(kStepper));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, rgba(kStepperHover));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, rgba(kStepperActive));
    const float gap = 4.0f;
    const float value_w = std::min(110.0f, std::max(64.0f, width * 0.2f));
    // Widest label that must fit; drop the biggest steps (the slider covers them) until the
    // row fits the width.
    float bw = 0;
    int buttons = 0;
    for (;;) {
        char widest[16];
        std::snprintf(widest, sizeof widest, "\xE2\x88\x92%lld", steps.back());
        bw = ImGui::CalcTextSize(widest).x + 2 * ImGui::GetStyle().FramePadding.x;
        buttons = static_cast<int>(steps.size()) * 2;
        const float total =
            bw * static_cast<float>(buttons) + value_w + gap * static_cast<float>(buttons);
        if (total <= width || steps.size() == 1) break;
        steps.pop_back();
    }
    bw = std::max(
        bw, (width - value_w - gap * static_cast<float>(buttons)) / static_cast<float>(buttons));
    const float bh = ImGui::GetFrameHeight() + 6;
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
    // The value, centred in its own box.
    {
        ImGui::PushFont(app.fonts.strong);
        const std::string v = std::to_string(value);
        const ImVec2 ts = ImGui::CalcTextSize(v.c_str());
        const ImVec2 o = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(value_w, bh));
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(o, ImVec2(o.x + value_w, o.y + bh), IM_COL32_WHITE, 5);
        dl->AddRect(o, ImVec2(o.x + value_w, o.y + bh), kCardLine, 5);
        dl->AddText(ImVec2(o.x + (value_w - ts.x) * 0.5f, o.y + (bh - ts.y) * 0.5f), color::kInk,
                    v.c_str());
        ImGui::PopFont();
    }
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
    ImGui::PopStyleColor(3);
    if (span > 20) {
        ImGui::SetNextItemWidth(width);
        long long v = value;
        if (ImGui::SliderScalar("##slider", ImGuiDataType_S64, &v, &lo, &hi, "")) {
            value = std::clamp(v, lo, hi);
            changed = true;
        }
    }
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

// The building of a "fix" exercise: one cell per address, coloured by what holds it.
void draw_building(App& app, const core::Cluster& cluster, const std::string& subnet_id,
                   float width) {
    const std::vector<core::AddressRole> roles = core::address_roles(cluster, subnet_id);
    const core::Subnet* subnet = core::find_subnet(cluster.vpc, subnet_id);
    if (roles.empty() || subnet == nullptr) return;
    const int cols = 16;
    const int n = static_cast<int>(roles.size());
    const int rows = (n + cols - 1) / cols;
    const float gap = 2.0f;
    const float cell = std::clamp((width - 16 - gap * (cols - 1)) / cols, 6.0f, 15.0f);
    const std::string caption =
        app_text(app, "{building} ") + core::format_cidr(subnet->cidr) + " (" + subnet->az + ")";
    muted(caption, width);
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const float grid_w = cols * (cell + gap) - gap + 16;
    const float grid_h = static_cast<float>(rows) * (cell + gap) - gap + 16;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(o, ImVec2(o.x + grid_w, o.y + grid_h), color::kBuilding, 6);
    int hovered = -1;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (int i = 0; i < n; ++i) {
        const float x = o.x + 8 + static_cast<float>(i % cols) * (cell + gap);
        const float y = o.y + 8 + static_cast<float>(i / cols) * (cell + gap);
        ImU32 c = color::kSlotFree;
        switch (roles[static_cast<size_t>(i)]) {
            case core::AddressRole::Free:
                c = IM_COL32_WHITE;
                break;
            case core::AddressRole::Reserved:
                c = kReserved;
                break;
            case core::AddressRole::Other:
                c = kOther;
                break;
            case core::AddressRole::EniPrimary:
                c = color::kSlotMain;
                break;
            case core::AddressRole::Pod:
                c = color::kSlotDesk;
                break;
            case core::AddressRole::Spare:
                c = color::kSlotWarm;
                break;
        }
        dl->AddRectFilled(ImVec2(x, y), ImVec2(x + cell, y + cell), c, 2);
        if (c == IM_COL32_WHITE)
            dl->AddRect(ImVec2(x, y), ImVec2(x + cell, y + cell), color::kLine, 2);
        if (mouse.x >= x && mouse.x < x + cell + gap && mouse.y >= y && mouse.y < y + cell + gap)
            hovered = i;
    }
    ImGui::Dummy(ImVec2(grid_w, grid_h));
    if (hovered >= 0 && ImGui::IsItemHovered()) {
        static const char* kRole[] = {
            "free",       "reserved by AWS", "held by another service", "an ENI's primary IP",
            "a pod's IP", "warm (spare) IP"};
        const core::Ipv4 ip{subnet->cidr.base + static_cast<uint32_t>(hovered)};
        ImGui::BeginTooltip();
        ImGui::Text("%s: %s", core::format_ipv4(ip).c_str(),
                    kRole[static_cast<int>(roles[static_cast<size_t>(hovered)])]);
        ImGui::EndTooltip();
    }
    bool first = true;
    float used = 0;
    legend(app_text(app, "free").c_str(), IM_COL32_WHITE, first, width, used);
    legend("AWS", kReserved, first, width, used);
    legend(app_text(app, "other services").c_str(), kOther, first, width, used);
    legend(app_text(app, "{panelmain}").c_str(), color::kSlotMain, first, width, used);
    legend(app_text(app, "{desk}").c_str(), color::kSlotDesk, first, width, used);
    legend(app_text(app, "spare").c_str(), color::kSlotWarm, first, width, used);
}

// The pods of a "make it so" task: one square each, coloured by how the last check went.
void draw_desks(App& app, int pods, const core::Check* check, float width) {
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
    if (check != nullptr) {
        bool first = true;
        float used = 0;
        const std::string run = "running " + std::to_string(check->running);
        const std::string wait = "ContainerCreating " + std::to_string(check->waiting);
        const std::string ref =
            app_text(app, "refused (over {maxpods}) ") + std::to_string(check->refused);
        legend(run.c_str(), color::kSlotDesk, first, width, used);
        legend(wait.c_str(), kWaiting, first, width, used);
        legend(ref.c_str(), kRefused, first, width, used);
    }
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

// Checks the answer; returns true if this check solved the exercise.
bool run_check(App& app, ExerciseSlot& slot) {
    slot.check = core::check_answer(slot.exercise, slot.answer);
    slot.checked = true;
    if (answered(slot)) ++slot.attempts;
    app.anim_until_ms = platform::now_ms() + 200;
    return slot.check.correct;
}

void answer_changed(ExerciseSlot& slot) {
    slot.checked = false;
    slot.check = core::Check{};
}

void draw_number(App& app, ExerciseSlot& slot, float width) {
    const core::Exercise& ex = slot.exercise;
    muted(app_text(app, ex.number.label), width);
    if (stepper(app, "number", slot.answer.number, ex.number.min, ex.number.max, width)) {
        answer_changed(slot);
    }
}

void draw_options(App& app, ExerciseSlot& slot, float width) {
    const core::Exercise& ex = slot.exercise;
    for (size_t i = 0; i < ex.choices.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        const bool chosen = slot.answer.choice == static_cast<int>(i);
        const int verdict = slot.checked ? (slot.check.correct ? 1 : 2) : 0;
        if (option_card(app_text(app, ex.choices[i]), chosen, verdict, width, "##option") &&
            !chosen) {
            slot.answer.choice = static_cast<int>(i);
            answer_changed(slot);
        }
        ImGui::PopID();
    }
}

void draw_setup(App& app, ExerciseSlot& slot, float width) {
    const core::Exercise& ex = slot.exercise;
    const core::SetupTask& task = ex.setup;
    muted(app_text(app, "{instance}"), width);
    const size_t n = task.types.size();
    const float gap = 6.0f;
    const bool row = width >= 300;
    const float w = row ? (width - gap * static_cast<float>(n - 1)) / static_cast<float>(n) : width;
    for (size_t i = 0; i < n; ++i) {
        ImGui::PushID(static_cast<int>(100 + i));
        if (row && i > 0) ImGui::SameLine(0, gap);
        const bool chosen = slot.answer.type == static_cast<int>(i);
        if (option_card(task.types[i], chosen, 0, w, "##type") && !chosen) {
            slot.answer.type = static_cast<int>(i);
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
    muted(app_text(app, "kubelet's {maxpods}") +
              (slot.answer.type >= 0
                   ? " (the AMI sets " +
                         std::to_string(task.ami_max_pods[static_cast<size_t>(slot.answer.type)]) +
                         ")"
                   : ""),
          width);
    long long mp = slot.answer.max_pods;
    ImGui::BeginDisabled(slot.answer.type < 0);
    if (stepper(app, "maxpods", mp, task.max_pods_min, task.max_pods_max, width)) {
        slot.answer.max_pods = static_cast<int>(mp);
        slot.touched = true;
        answer_changed(slot);
    }
    ImGui::EndDisabled();
    ImGui::Spacing();
    muted(app_text(app, "The {room}'s {desks}"), width);
    draw_desks(app, task.pods, slot.checked ? &slot.check : nullptr, width);
}

void draw_fix(App& app, ExerciseSlot& slot, float width) {
    const core::Exercise& ex = slot.exercise;
    const std::string subnet = ex.campus.subnets.empty() ? "" : ex.campus.subnets[0].id;
    draw_building(app, ex.campus_built, subnet, width);
    int running = 0;
    int waiting = 0;
    for (const core::Node& node : ex.campus_built.nodes) {
        running += static_cast<int>(node.pods.size());
        waiting += static_cast<int>(node.pending.size());
    }
    muted(app_text(app, "Now: ") + std::to_string(running) + " running, " +
              std::to_string(waiting) + " in ContainerCreating.",
          width);
    ImGui::Spacing();
    draw_options(app, slot, width);
}

void draw_feedback(App& app, const ExerciseSlot& slot, float width) {
    if (!slot.checked) return;
    const core::Check& c = slot.check;
    if (!c.correct) {
        text_wrapped("\xE2\x9C\x97 " + app_text(app, c.feedback), width, color::kBad);
        return;
    }
    ImGui::PushFont(app.fonts.strong);
    text_wrapped("\xE2\x9C\x93 " + app_text(app, c.feedback), width, color::kGood);
    ImGui::PopFont();
    for (const std::string& d : c.derivation) {
        const ImVec2 o = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddCircleFilled(
            ImVec2(o.x + 4, o.y + ImGui::GetTextLineHeight() * 0.5f), 2.5f, color::kGood);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 14);
        text_wrapped(app_text(app, d), width - 14, color::kGood);
    }
}

// Prompt, inputs, Check, feedback. Returns true when this check solved it.
bool draw_body(App& app, ExerciseSlot& slot, float width) {
    const core::Exercise& ex = slot.exercise;
    text_wrapped(app_text(app, ex.prompt), width);
    ImGui::Spacing();
    switch (ex.kind) {
        case core::ExerciseKind::Number:
            draw_number(app, slot, width);
            break;
        case core::ExerciseKind::Choice:
            draw_options(app, slot, width);
            break;
        case core::ExerciseKind::Setup:
            draw_setup(app, slot, width);
            break;
        case core::ExerciseKind::Fix:
            draw_options(app, slot, width);
            break;
        case core::ExerciseKind::Quiz:
            break;
    }
    ImGui::Spacing();
    return check_button("Check") && run_check(app, slot);
}

void draw_quiz(App& app, ExerciseSlot& slot, const std::string& id, float width) {
    const int n = static_cast<int>(slot.parts.size());
    if (n == 0) return;
    slot.part = std::clamp(slot.part, 0, n - 1);
    int right = 0;
    for (const ExerciseSlot& p : slot.parts)
        right += p.checked && p.check.correct ? 1 : 0;
    text_wrapped(app_text(app, slot.exercise.prompt), width, color::kMuted);
    // One numbered button per question, green once answered right.
    for (int i = 0; i < n; ++i) {
        ImGui::PushID(i);
        if (i > 0) ImGui::SameLine(0, 6);
        const ExerciseSlot& p = slot.parts[static_cast<size_t>(i)];
        const bool ok = p.checked && p.check.correct;
        const bool here = i == slot.part;
        ImGui::PushStyleColor(ImGuiCol_Button,
                              rgba(ok ? color::kGood : (here ? color::kAccent : kStepper)));
        ImGui::PushStyleColor(ImGuiCol_Text, rgba(ok || here ? IM_COL32_WHITE : color::kInk));
        char label[8];
        std::snprintf(label, sizeof label, "%d", i + 1);
        if (ImGui::Button(label, ImVec2(32, 0))) slot.part = i;
        ImGui::PopStyleColor(2);
        ImGui::PopID();
    }
    ImGui::Spacing();
    ExerciseSlot& part = slot.parts[static_cast<size_t>(slot.part)];
    ImGui::PushFont(app.fonts.strong);
    text_wrapped("Question " + std::to_string(slot.part + 1) + " of " + std::to_string(n) + ": " +
                     app_text(app, part.exercise.title),
                 width);
    ImGui::PopFont();
    ImGui::PushID(slot.part);
    const bool solved = draw_body(app, part, width);
    ImGui::PopID();
    right = 0;
    for (const ExerciseSlot& p : slot.parts)
        right += p.checked && p.check.correct ? 1 : 0;
    if (solved && right == n) mark_solved(app, id);
    if (part.checked && part.check.correct && slot.part + 1 < n) {
        ImGui::SameLine();
        if (ImGui::Button("Next question")) ++slot.part;
    }
    draw_feedback(app, part, width);
    if (right == n) {
        ImGui::PushFont(app.fonts.strong);
        text_wrapped("All " + std::to_string(n) + " right. Well done!", width, color::kGood);
        ImGui::PopFont();
    }
}

}  // namespace

void exercises_init(App& app, std::string_view exercises_json) {
    ExercisePanel& p = panel(app);
    p.loaded = true;
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    const auto ticks = static_cast<unsigned long long>(
        std::chrono::duration_cast<std::chrono::microseconds>(now).count());
    p.seed_base = static_cast<uint32_t>(ticks ^ (ticks >> 32));
    for (const core::LessonStep& s : app.lessons.steps)
        p.step_ids.push_back(s.id);
    core::Result<core::ExerciseBook> book = core::load_exercises(exercises_json, &app.lessons);
    if (book) {
        p.book = std::move(book).value();
        for (const core::ExerciseSpec& s : p.book.specs)
            p.exercise_ids.push_back(s.id);
    } else {
        p.book_error = book.error().message;
    }
    const std::string stored = platform::storage_get("progress");
    core::Result<core::DecodedProgress> decoded =
        core::decode_progress(stored, p.step_ids, p.exercise_ids);
    if (decoded) {
        p.progress = decoded->progress;
    } else {
        p.progress = core::Progress{};
        app.error =
            "Saved progress could not be read and was reset: " + decoded.error().message + ".";
        save(app);
    }
    sync_seen(app);
}

void exercises_step_seen(App& app, int step) {
    // Before exercises_init has read the saved progress there is nothing to add to (saving
    // now would overwrite it); app_finish_init marks the step then.
    if (!panel(app).loaded) return;
    if (step < 0 || static_cast<size_t>(step) >= app.lessons.steps.size()) return;
    const std::string& id = app.lessons.steps[static_cast<size_t>(step)].id;
    if (core::mark_seen(panel(app).progress, id)) save(app);
    sync_seen(app);
}

void exercises_reset(App& app) {
    ExercisePanel& p = panel(app);
    p.progress = core::Progress{};
    p.slots.clear();
    p.shown.clear();
    if (app.step >= 0 && static_cast<size_t>(app.step) < app.lessons.steps.size()) {
        core::mark_seen(p.progress, app.lessons.steps[static_cast<size_t>(app.step)].id);
    }
    save(app);
    sync_seen(app);
    platform::request_frame();
}

void draw_progress_footer(App& app) {
    ExercisePanel& p = panel(app);
    if (p.book.specs.empty()) return;
    const std::string line = std::to_string(p.progress.solved.size()) + " of " +
                             std::to_string(p.book.specs.size()) + " exercises solved";
    ImGui::PushStyleColor(ImGuiCol_Text, color::kMuted);
    ImGui::TextUnformatted(line.c_str());
    ImGui::PopStyleColor();
    ImGui::PushID("progress-footer");
    if (ImGui::SmallButton("Reset progress")) ImGui::OpenPopup("##reset");
    if (ImGui::BeginPopup("##reset")) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 260);
        ImGui::TextUnformatted("Forget the steps you have seen and the exercises you solved?");
        ImGui::PopTextWrapPos();
        if (ImGui::Button("Reset")) {
            p.reset_requested = true;  // done before the next draw: slots are in use now
            platform::request_frame();
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Keep")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ImGui::PopID();
}

void draw_exercises(App& app, const std::string& step_id) {
    ExercisePanel& p = panel(app);
    if (p.reset_requested) {
        p.reset_requested = false;
        exercises_reset(app);
    }
    const std::vector<const core::ExerciseSpec*> specs = core::exercises_for_step(p.book, step_id);
    if (specs.empty()) return;
    const int count = static_cast<int>(specs.size());
    int& index = p.shown[step_id];
    index = std::clamp(index, 0, count - 1);
    const std::string id = specs[static_cast<size_t>(index)]->id;
    ExerciseSlot& slot = slot_for(app, id);

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
    ImGui::PushFont(app.fonts.heading);
    ImGui::TextUnformatted("Try it");
    ImGui::PopFont();
    if (count > 1) {
        const std::string where = std::to_string(index + 1) + " / " + std::to_string(count);
        const float nav_w = ImGui::CalcTextSize(where.c_str()).x + 2 * ImGui::GetFrameHeight() + 24;
        ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 12, left + width - nav_w));
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 3);
        ImGui::BeginDisabled(index == 0);
        if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) --index;
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s", where.c_str());
        ImGui::SameLine();
        ImGui::BeginDisabled(index >= count - 1);
        if (ImGui::ArrowButton("##next", ImGuiDir_Right)) ++index;
        ImGui::EndDisabled();
    }
    const bool solved_before = core::is_solved(p.progress, id);
    ImGui::PushFont(app.fonts.strong);
    text_wrapped(
        app_text(app, slot.ready ? slot.exercise.title : specs[static_cast<size_t>(index)]->title) +
            (solved_before ? "  \xE2\x9C\x93" : ""),
        width, solved_before ? color::kGood : color::kInk);
    ImGui::PopFont();

    ImGui::PushID(id.c_str());
    if (!slot.error.empty()) {
        text_wrapped("This exercise could not be made: " + slot.error, width, color::kBad);
    } else if (slot.exercise.kind == core::ExerciseKind::Quiz) {
        draw_quiz(app, slot, id, width);
    } else {
        if (slot.exercise.kind == core::ExerciseKind::Fix) {
            text_wrapped(app_text(app, slot.exercise.prompt), width);
            ImGui::Spacing();
            draw_fix(app, slot, width);
            ImGui::Spacing();
            if (check_button("Check") && run_check(app, slot)) mark_solved(app, id);
        } else if (draw_body(app, slot, width)) {
            mark_solved(app, id);
        }
        ImGui::SameLine();
        if (ImGui::Button("Another one")) {
            generate(app, slot, id);
            app.anim_until_ms = platform::now_ms() + 200;
        }
        draw_feedback(app, slot, width);
    }
    if (slot.exercise.kind == core::ExerciseKind::Quiz) {
        if (ImGui::Button("New questions")) generate(app, slot, id);
    }
    ImGui::PopID();

    ImGui::Spacing();
    {
        const ImVec2 o = ImGui::GetCursorScreenPos();
        dl->AddLine(o, ImVec2(o.x + width, o.y), kCardLine, 1.0f);
        ImGui::Dummy(ImVec2(width, 4));
    }
    draw_progress_footer(app);
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
}

nlohmann::json exercises_state(const App& app) {
    const ExercisePanel& p = app.views.exercises;
    nlohmann::json j;
    j["total"] = p.book.specs.size();
    j["solved"] = p.progress.solved.size();
    j["current"] = nullptr;
    if (app.step < 0 || static_cast<size_t>(app.step) >= app.lessons.steps.size()) return j;
    const std::string& step = app.lessons.steps[static_cast<size_t>(app.step)].id;
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
    c["answered"] = slot != nullptr && slot->checked && answered(*slot);
    c["correct"] = slot != nullptr && slot->checked && slot->check.correct;
    c["attempts"] = slot != nullptr ? slot->attempts : 0;
    c["choice"] = slot != nullptr ? slot->answer.choice : -1;
    c["value"] = slot != nullptr ? slot->answer.number : 0;
    c["type"] = slot != nullptr ? slot->answer.type : -1;
    c["prefixDelegation"] = slot != nullptr && slot->answer.prefix_delegation;
    c["maxPods"] = slot != nullptr ? slot->answer.max_pods : 0;
    j["current"] = c;
    return j;
}

}  // namespace web
