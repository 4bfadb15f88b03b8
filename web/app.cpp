// app.cpp: the page layout (top bar, step list, lesson text beside the live view,
// navigation) and the app-level state the JS API reports.
#include "app.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "assets.h"
#include "embed_button.h"
#include "exercise_panel.h"
#include "fragment.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "json_read.h"
#include "keyboard.h"
#include "live_text.h"
#include "locate.h"
#include "platform.h"
#include "ui.h"

namespace web {
namespace {

constexpr float kWideLayout = 980.0f;  // step list beside the content
constexpr float kTwoColumns = 760.0f;  // lesson text beside the view
constexpr double kBeatEaseMs = 450;    // a beat's change eases in (ViewContext::beat_ease)

const core::LessonStep& current(const App& app) {
    return app.lessons.steps[static_cast<size_t>(app.step)];
}

bool practice_beat(const App& app) {
    const core::LessonStep& s = current(app);
    return app.beat >= static_cast<int>(s.beats.size());
}

const core::Lab* current_lab(const App& app) {
    if (app.lab < 0 || static_cast<size_t>(app.lab) >= app.labs.labs.size()) return nullptr;
    return &app.labs.labs[static_cast<size_t>(app.lab)];
}

void write_fragment(const App& app) {
    core::Fragment f;
    if (const core::Lab* lab = current_lab(app)) {
        f.lab = lab->id;
    } else {
        f.step = current(app).id;
        f.beat = app.beat;
    }
    if (app.terms == core::Terms::Aws) f.terms = "aws";
    if (app.min_controls) f.controls = "min";
    platform::set_hash(core::format_fragment(f));
}

void announce(App& app);

// The step and settings go to the URL and the page (DOM mirror, stepchange, the embedding
// parent); until app_finish_init has run, it does this once for all.
void publish(App& app) {
    if (app.init_pending) return;
    write_fragment(app);
    if (const core::Lab* lab = current_lab(app)) {
        // A lab is not a step: the host page hears nothing; the DOM mirror gets its page.
        app.live_sent.clear();
        platform::mirror_text(app_text(app, lab->title),
                              app_text(app, core::lab_pager(*lab, app.lab_session.start)), "");
        return;
    }
    announce(app);
}

// The step's words for the DOM mirror: every beat as the static lesson page prints it (its
// numbers at that beat's own state), then the takeaways. A step's model runs only once the
// second part of a split module is there; until then its live numbers are left out, and the
// mirror is written again when the view first reports its numbers.
// The mirror's paragraphs can carry their live numbers once the step's model can be made:
// the view has made it (the landing step runs from the first download and its few instance
// types), or the rest of a split module and the full catalog are both here.
bool mirror_numbers_ready(const App& app) {
    if (!core::has_model(current(app).id)) return false;
    if (app.models_made && app.model_step == app.step) return true;
    return app.data_arrived && platform::rest_state() == platform::Rest::Ready;
}

std::string mirror_body(const App& app) {
    const core::LessonStep& s = current(app);
    const bool numbers = mirror_numbers_ready(app);
    std::string body;
    for (size_t b = 0; b < s.beats.size(); ++b) {
        body += numbers
                    ? core::render_beat(app.lessons, s, static_cast<int>(b), app.terms, app.catalog)
                    : core::render_live(app.lessons, core::StepModels{}, "", s.beats[b].text,
                                        app.terms);
        body += "\n\n";
    }
    if (!s.takeaways.empty()) {
        body += "Remember:";
        for (const std::string& t : s.takeaways)
            body += " " + app_text(app, t) + ".";
    }
    // The last step's practice beat lists what to read next; so does its mirror.
    if (app.step + 1 == static_cast<int>(app.lessons.steps.size())) {
        body += "\n\nFurther reading:";
        for (const core::LessonStep& each : app.lessons.steps) {
            for (const core::Reading& r : each.reading)
                body += " " + r.title + " (" + r.url + ");";
        }
    }
    return body;
}

void announce(App& app) {
    app.live_sent.clear();
    const core::LessonStep& s = current(app);
    std::string title = app_text(app, s.title);
    platform::announce_step(s.id, app.step, title, app.beat, app_beat_count(s));
    app.mirror_numbers = mirror_numbers_ready(app);
    platform::mirror_text(title, mirror_body(app), "");
}

const char* theme_word(ThemeChoice t) {
    return t == ThemeChoice::Light ? "light" : (t == ThemeChoice::Dark ? "dark" : "auto");
}

// The theme button: a small icon (a half-filled disc: Auto, a sun: Light, a crescent: Dark),
// a toggle: each press shows the other theme. Showing what the system asks for, it picks the
// other one (kept in localStorage "theme", it wins over the system); showing the other, it
// goes back to Auto, which follows the system's setting and its changes.
void draw_theme_button(App& app, float size) {
    const bool system_dark = platform::prefers_dark();
    const bool shown_dark = app.theme_shown == 1;
    if (ImGui::Button("##theme", ImVec2(size, size))) {
        if (shown_dark == system_dark) {
            app.theme = shown_dark ? ThemeChoice::Light : ThemeChoice::Dark;
        } else {
            app.theme = ThemeChoice::Auto;
        }
        platform::storage_set("theme", theme_word(app.theme));
        platform::request_frame();  // the next frame is drawn in the new colours
    }
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) {
        const char* now = shown_dark ? "Dark" : "Light";
        const char* how = app.theme == ThemeChoice::Auto ? ", as your system has it" : "";
        const char* next = shown_dark == system_dark
                               ? (shown_dark ? "light colours" : "dark colours")
                               : "your system's colours again";
        ImGui::SetTooltip("%s colours%s. Press for %s.", now, how, next);
    }
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const ImVec2 c((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f);
    const float r = size * 0.26f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 ink = color::kInk;
    if (app.theme == ThemeChoice::Light) {
        dl->AddCircleFilled(c, r * 0.6f, ink, 16);
        for (int i = 0; i < 8; ++i) {
            const float t = static_cast<float>(i) * IM_PI / 4;
            const ImVec2 d(std::cos(t), std::sin(t));
            dl->AddLine(ImVec2(c.x + d.x * r * 0.9f, c.y + d.y * r * 0.9f),
                        ImVec2(c.x + d.x * r * 1.3f, c.y + d.y * r * 1.3f), ink, 1.5f);
        }
    } else if (app.theme == ThemeChoice::Dark) {
        dl->AddCircleFilled(c, r, ink, 24);
        const ImU32 under = ImGui::GetColorU32(
            hovered ? (ImGui::IsItemActive() ? ImGuiCol_ButtonActive : ImGuiCol_ButtonHovered)
                    : ImGuiCol_Button);
        dl->AddCircleFilled(ImVec2(c.x + r * 0.55f, c.y - r * 0.4f), r * 0.85f, under, 24);
    } else {
        dl->AddCircle(c, r, ink, 24, 1.5f);
        dl->PathArcTo(c, r, IM_PI * 0.5f, IM_PI * 1.5f, 16);
        dl->PathFillConvex(ink);
    }
}

void draw_top_bar(App& app) {
    ImGui::PushFont(app.fonts.heading);
    ImGui::TextUnformatted("CNI Campus");
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, color::kMuted);
    float avail = ImGui::GetContentRegionAvail().x;
    if (avail > 560) {
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 5);
        ImGui::TextUnformatted("how pods get IP addresses on Amazon EKS");
    }
    ImGui::PopStyleColor();

    // The theme button and the vocabulary switch, right-aligned.
    // On a phone the row is tight: the button and the gaps shrink a little.
    const char* labels[] = {"Campus words", "AWS words"};
    const float words = ImGui::CalcTextSize(labels[0]).x + ImGui::CalcTextSize(labels[1]).x + 44;
    const float right = ImGui::GetWindowContentRegionMax().x;
    const bool tight = ImGui::GetCursorPosX() + words + ImGui::GetFrameHeight() + 8 > right;
    const float icon = ImGui::GetFrameHeight() * (tight ? 0.85f : 1.0f);
    const float gap = tight ? 4.0f : 8.0f;
    if (tight) ImGui::SameLine(0, 6);  // closer to the title
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), right - words - icon - gap));
    draw_theme_button(app, icon);
    ImGui::SameLine(0, gap);
    for (int i = 0; i < 2; ++i) {
        bool active = static_cast<int>(app.terms) == i;
        if (active) {
            // Hovered (or with the keyboard's ring, which ImGui draws as hovered) keeps the white
            // words readable.
            ImGui::PushStyleColor(ImGuiCol_Button, color::kAccentFill);
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, color::kAccentHover);
            ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
        }
        if (ImGui::Button(labels[i]) && !active) {
            app.terms = i == 0 ? core::Terms::Analogy : core::Terms::Aws;
            publish(app);
        }
        if (active) ImGui::PopStyleColor(3);
        if (i == 0) ImGui::SameLine(0, 4);
    }
    ImGui::Separator();
}

// One row of the step list: a selectable the list's width with its label wrapped in it, and a
// dot when `done` (a step seen, a lab solved) on a row not selected; true when pressed.
bool step_list_row(int push_id, const std::string& id, const std::string& label, bool selected,
                   bool done, float width, float wrap) {
    const ImGuiStyle& style = ImGui::GetStyle();
    ImVec2 text = ImGui::CalcTextSize(label.c_str(), nullptr, false, wrap);
    ImGui::PushID(push_id);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::Selectable(id.c_str(), selected, 0, ImVec2(width, text.y + 6));
    // A done row keeps its ink (grey words read as "not available"); its dot says done.
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                                        ImVec2(pos.x + style.FramePadding.x, pos.y + 3),
                                        color::kInk, label.c_str(), nullptr, wrap);
    if (done && !selected) {
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(pos.x + width - 8, pos.y + 10), 3.0f,
                                                    color::kGood);
    }
    ImGui::PopID();
    return pressed;
}

void draw_step_list(App& app) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float wrap = width - 2 * ImGui::GetStyle().FramePadding.x - 10;  // room for the dot
    for (size_t i = 0; i < app.lessons.steps.size(); ++i) {
        std::string label =
            std::to_string(i + 1) + ".  " + app_text(app, app.lessons.steps[i].title);
        const bool selected = static_cast<int>(i) == app.step && app.lab < 0;
        const bool seen = exercises_seen(app.exercises, app.lessons.steps[i].id);
        if (step_list_row(static_cast<int>(i), "##step", label, selected, seen, width, wrap))
            app_set_step(app, static_cast<int>(i));
    }
    if (app.labs.labs.empty()) return;
    ImGui::Spacing();
    ImGui::PushFont(app.fonts.strong);
    ImGui::TextUnformatted("Labs");
    ImGui::PopFont();
    ImGui::PushStyleColor(ImGuiCol_Text, color::kMuted);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(app_text(app, "A {campus} in trouble: you fix it").c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    for (size_t i = 0; i < app.labs.labs.size(); ++i) {
        const core::Lab& lab = app.labs.labs[i];
        std::string label = "L" + std::to_string(i + 1) + ".  " + app_text(app, lab.title);
        const bool selected = static_cast<int>(i) == app.lab;
        const bool solved = exercises_lab_done(app.exercises, lab.id);
        if (step_list_row(static_cast<int>(app.lessons.steps.size() + i), "##lab-" + lab.id, label,
                          selected, solved, width, wrap))
            app_set_lab(app, static_cast<int>(i));
    }
}

void draw_step_combo(App& app) {
    const auto& steps = app.lessons.steps;
    const core::Lab* lab = current_lab(app);
    std::string preview =
        lab != nullptr ? "Lab L" + std::to_string(app.lab + 1) + ". " + app_text(app, lab->title)
                       : std::to_string(app.step + 1) + ". " +
                             app_text(app, steps[static_cast<size_t>(app.step)].title);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##steps", preview.c_str())) {
        for (size_t i = 0; i < steps.size(); ++i) {
            std::string label = std::to_string(i + 1) + ". " + app_text(app, steps[i].title);
            if (ImGui::Selectable(label.c_str(), lab == nullptr && static_cast<int>(i) == app.step))
                app_set_step(app, static_cast<int>(i));
        }
        if (!app.labs.labs.empty()) ImGui::Separator();
        for (size_t i = 0; i < app.labs.labs.size(); ++i) {
            const std::string label = "Lab L" + std::to_string(i + 1) + ". " +
                                      app_text(app, app.labs.labs[i].title) + "##lab-" +
                                      app.labs.labs[i].id;
            if (ImGui::Selectable(label.c_str(), static_cast<int>(i) == app.lab))
                app_set_lab(app, static_cast<int>(i));
        }
        ImGui::EndCombo();
    }
}

// Mirrors the view's live numbers into the DOM when they change (aria-live).
void mirror_live(App& app) {
    if (app.live == app.live_sent) return;
    app.live_sent = app.live;
    if (const core::Lab* lab = current_lab(app)) {
        platform::mirror_text(app_text(app, lab->title),
                              app_text(app, core::lab_pager(*lab, app.lab_session.start)),
                              app.live);
        return;
    }
    platform::mirror_text(app_text(app, current(app).title), mirror_body(app), app.live);
}

// The step's exercises as forms in the DOM mirror, once they can be made (the exercises and
// the rest of a split module are here); written again only when another exercise, variant or
// vocabulary is shown, so a form being filled in is never replaced under the reader.
void mirror_exercises(App& app) {
    if (!app.exercises.loaded || !app.data_arrived ||
        platform::rest_state() != platform::Rest::Ready)
        return;
    const std::string& step = current(app).id;
    std::string key = current_lab(app) != nullptr ? std::string("lab")
                      : core::exercises_for_step(app.exercises.book, step).empty()
                          ? step + "|none"
                          : exercises_mirror_key(app.exercises, step, static_cast<int>(app.terms));
    std::string json;
    if (key.empty()) {  // not all made yet: make them now
        json = exercises_mirror(app_view_context(app), app.exercises, step).dump();
        key = exercises_mirror_key(app.exercises, step, static_cast<int>(app.terms));
    }
    if (key == app.mirror_exercises_key) return;
    app.mirror_exercises_key = key;
    if (key == "lab" || key == step + "|none") {
        platform::mirror_exercises("null");
        return;
    }
    if (json.empty()) json = exercises_mirror(app_view_context(app), app.exercises, step).dump();
    platform::mirror_exercises(json);
}

// Writes the step's mirror again once its numbers can be filled in (the data or the rest of
// the module arrived after the step was announced).
void mirror_numbers(App& app) {
    if (app.mirror_numbers || current_lab(app) != nullptr || !mirror_numbers_ready(app)) return;
    app.mirror_numbers = true;
    app.live_sent = app.live;
    platform::mirror_text(app_text(app, current(app).title), mirror_body(app), app.live);
}

// In place of a step's view while the rest of the split module is on its way (the landing
// step's code is in the first download; every other step waits for the rest rather than
// stopping the page for a synchronous download). Only code the landing step runs may be
// used here: this draws before the rest has arrived.
void draw_rest_pending(App& app, platform::Rest rest) {
    ImGui::Spacing();
    if (rest == platform::Rest::Loading) {
        wrapped_text(app_text(app, "The {campus} for this step is still loading...").c_str(),
                     color::kMuted);
    } else {
        wrapped_text(
            "This part of the tutorial could not be downloaded. Check the connection, "
            "then try again.",
            color::kBad);
        // The press itself retries: after a failure the loader starts the download again on
        // the next pointer or key press (shell/campus-loader.js).
        ImGui::Button("Try again");
    }
}

// The models, made on first use and moved to the beat shown. Only called where a step's
// view draws, which waits for the second part of a split module.
core::StepModels& models_at_beat(App& app) {
    const core::LessonStep& step = current(app);
    // Each step's model is made when the step is entered (enter_beat from -1 resets it), so
    // the landing step runs no other step's model code (the split module's first part).
    if (!app.models_made) {
        app.models_made = true;
        app.model_step = -1;
    }
    const int beat = std::min(app.beat, static_cast<int>(step.beats.size()) - 1);
    if (app.model_step != app.step || app.model_beat != beat) {
        const int from = app.model_step == app.step ? app.model_beat : -1;
        core::Status st = core::enter_beat(app.models, step, from, beat, app.catalog);
        if (!st) app.error = st.error().message;
        app.model_step = app.step;
        app.model_beat = beat;
    }
    return app.models;
}

ViewContext view_context(const App& app) {
    ViewContext ctx = app_view_context(app);
    const core::LessonStep& step = current(app);
    if (!practice_beat(app)) ctx.focus = step.beats[static_cast<size_t>(app.beat)].focus;
    return ctx;
}

// Draws the step's view and takes what it hands back for the frame. On a beat change the
// view scrolls so that the figure the beat talks about is in sight.
void draw_step_view(App& app, const core::LessonStep& step) {
    if (core::has_model(step.id)) models_at_beat(app);
    const float top = ImGui::GetCursorScreenPos().y;
    locate_view_begin();
    const ViewOut out = draw_view(view_context(app), app.views, app.models, step.id);
    locate_view_end();
    app.live = out.live;
    app.anim_until_ms = std::max(app.anim_until_ms, out.animate_until_ms);
    if (out.figure_max.y > out.figure_min.y) {
        locate_rect("##figure", out.figure_min.x, out.figure_min.y, out.figure_max.x,
                    out.figure_max.y);
    }
    // A beat entered during this frame (Next, in the text column drawn before the view) also
    // asked for the view's top, which the next frame applies: bring the figure into sight
    // then, or that scroll to the top would undo it.
    if (app.scroll_view && !app.scroll_top) {
        app.scroll_view = false;
        const float fig = out.figure_max.y > out.figure_min.y ? out.figure_min.y : top;
        const float visible_top = ImGui::GetWindowPos().y;
        const float visible_bottom = visible_top + ImGui::GetWindowHeight();
        // Where the figure will be once a scroll asked for this frame applies (a step or beat
        // change scrolls the view to its top first).
        const ImGuiWindow* w = ImGui::GetCurrentWindow();
        const float shift =
            w->ScrollTarget.y < FLT_MAX ? ImGui::GetScrollY() - w->ScrollTarget.y : 0;
        if (out.figure_min.y + shift < visible_top || out.figure_max.y + shift > visible_bottom)
            ImGui::SetScrollY(std::max(0.0f, ImGui::GetScrollY() + fig - visible_top - 8));
        platform::request_frame();
    }
}

// One dot per beat: the current one filled, those seen before it lighter; a click jumps.
void draw_beat_dots(App& app, const core::LessonStep& step) {
    const int count = app_beat_count(step);
    if (count <= 1) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float r = 5.0f, gap = 8.0f, h = ImGui::GetFrameHeight();
    for (int i = 0; i < count; ++i) {
        ImGui::PushID(i);
        if (i > 0) ImGui::SameLine(0, gap);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        char label[24];
        std::snprintf(label, sizeof label, "##beat-%d", i);
        // One Tab stop for the row, the current beat's dot; the arrows go from dot to dot and
        // open each beat they reach, as the tabs of a page do.
        const bool other = i != app.beat;  // a press below changes app.beat
        ImGui::PushAllowKeyboardFocus(!other);
        const bool pressed = ImGui::InvisibleButton(label, ImVec2(2 * r + 6, h));
        ImGui::PopAllowKeyboardFocus();
        if (pressed) app_set_beat(app, i);
        locate_note(label);  // InvisibleButton does not report itself to locate
        if (!pressed && other && ImGui::IsItemFocused() && keyboard_focus_visible())
            app_set_beat(app, i);  // its beat_entered asks for the frames that draw the change
        const ImVec2 c(at.x + r + 3, at.y + h * 0.5f);
        const bool practice = i >= static_cast<int>(step.beats.size());
        if (i == app.beat) {
            dl->AddCircleFilled(c, r, color::kAccent);
        } else if (i < app.beat) {
            dl->AddCircleFilled(c, r, color::kLine);
        } else {
            dl->AddCircle(c, r, ImGui::IsItemHovered() ? color::kAccent : color::kMuted, 0, 1.5f);
        }
        if (practice) {  // the practice beat: a small square, not a dot
            dl->AddRect(ImVec2(c.x - r - 2, c.y - r - 2), ImVec2(c.x + r + 2, c.y + r + 2),
                        i == app.beat ? color::kAccent : color::kLine, 2.0f);
        }
        ImGui::PopID();
    }
    // The square after the dots is the practice beat, counted apart from the beats. Where
    // the count does not fit beside the dots (ten beats in a narrow column) it goes under them.
    const int beats = static_cast<int>(step.beats.size());
    std::string said = practice_beat(app)
                           ? std::string("Practice")
                           : std::to_string(app.beat + 1) + " of " + std::to_string(beats) +
                                 (count > beats ? ", then practice" : "");
    ImGui::SameLine(0, 12);
    if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(said.c_str()).x) ImGui::NewLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", said.c_str());
}

// "Your turn": the beat's goal, checked by the step's model.
void draw_goal(App& app, const core::LessonStep& step, const core::LessonBeat& beat) {
    if (beat.goal.empty() || !app.models_made || app.model_step != app.step) return;
    const bool met = core::goal_met(app.models, step.id, beat.goal);
    ImGui::Spacing();
    ImGui::PushFont(app.fonts.strong);
    if (met) {
        ImGui::TextColored(rgba(color::kGood), "\xE2\x9C\x93 Done");
    } else {
        ImGui::TextColored(rgba(color::kMuted), "Your turn: try it in the picture");
    }
    ImGui::PopFont();
    locate_note(met ? "##goal-met" : "##goal-open");
}

// Back and Next under the paragraph; Next leads on to the practice beat, then the next step.
void draw_beat_nav(App& app, const core::LessonStep& step) {
    const int count = app_beat_count(step);
    const int n = static_cast<int>(app.lessons.steps.size());
    ImGui::Spacing();
    ImGui::BeginDisabled(app.step == 0 && app.beat == 0);
    if (ImGui::Button("\xE2\x97\x80  Back")) app_back(app);
    ImGui::EndDisabled();
    ImGui::SameLine();
    const bool last = app.beat >= count - 1;
    const bool to_practice = !last && app.beat + 1 >= static_cast<int>(step.beats.size());
    // One id whatever it says, so the keyboard's focus stays on it as its words change.
    const char* next = last ? "Next step  \xE2\x96\xB6###beat-next"
                            : (to_practice ? "Practice  \xE2\x96\xB6###beat-next"
                                           : "Next  \xE2\x96\xB6###beat-next");
    ImGui::BeginDisabled(last && app.step >= n - 1);
    ImGui::PushStyleColor(ImGuiCol_Button, color::kAccentFill);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, color::kAccentHover);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    if (ImGui::Button(next)) app_next(app);
    ImGui::PopStyleColor(3);
    ImGui::EndDisabled();
}

// A link: its words wrapped in the accent colour, underlined under the pointer; a press
// opens the page in a new tab (only an https link of AWS's documentation, core checks it).
void draw_link(const core::Reading& r, int index) {
    const float wrap = ImGui::GetContentRegionAvail().x;
    const ImVec2 size = ImGui::CalcTextSize(r.title.c_str(), nullptr, false, wrap);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const std::string id = r.title + "##read-" + std::to_string(index);
    const bool pressed = ImGui::InvisibleButton(id.c_str(), ImVec2(std::max(size.x, 1.0f), size.y));
    locate_note(id.c_str());  // InvisibleButton does not report itself to locate
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, color::kAccent, r.title.c_str(),
                nullptr, wrap);
    if (hovered)
        dl->AddLine(ImVec2(at.x, at.y + size.y), ImVec2(at.x + size.x, at.y + size.y),
                    color::kAccent, 1.0f);
    if (pressed && core::check_reading_url(r.url).ok()) platform::open_url(r.url);
}

// "Further reading" on the last step: the AWS pages each step rests on.
void draw_reading(App& app) {
    ImGui::PushFont(app.fonts.strong);
    ImGui::TextUnformatted("Further reading");
    ImGui::PopFont();
    int index = 0;
    for (const core::LessonStep& s : app.lessons.steps) {
        if (s.reading.empty()) continue;
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_Text, color::kMuted);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(app_text(app, s.title).c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        for (const core::Reading& r : s.reading)
            draw_link(r, index++);
    }
    ImGui::Spacing();
}

// The step's takeaways, as a list under "Remember".
void draw_takeaways(App& app, const core::LessonStep& step) {
    for (const std::string& t : step.takeaways) {
        ImGui::Bullet();
        ImGui::SameLine();
        wrapped_text(app_text(app, t).c_str());
    }
    ImGui::Spacing();
}

// The practice beat: the step's exercises, then its takeaways folded under "Remember", so that
// an exercise is answered from memory, not read off the list above it (several ask just what
// a takeaway says). Until the exercises are here, the takeaways show open.
void draw_practice(App& app, const core::LessonStep& step, bool exercises) {
    if (!exercises) {
        ImGui::PushFont(app.fonts.strong);
        ImGui::TextUnformatted("Remember");
        ImGui::PopFont();
        draw_takeaways(app, step);
        return;  // the reading list comes with the exercises, like them after the rest
    }
    // Brought here by the keyboard (Next pressed with the ring on it): the ring goes on to
    // the exercise's answer, not left on "Next step", where one more Enter would leave the
    // step.
    if (app.focus_practice) {
        app.focus_practice = false;
        if (keyboard_focus_visible()) app.exercises.focus_answer = true;
    }
    const ViewOut out = draw_exercises(app_view_context(app), app.exercises, step.id);
    app.anim_until_ms = std::max(app.anim_until_ms, out.animate_until_ms);
    app.exercise_said = out.live;
    ImGui::Spacing();
    const std::string label = "Remember: this step in " + std::to_string(step.takeaways.size()) +
                              " points##remember-" + step.id;
    if (!step.takeaways.empty() &&
        ImGui::TreeNodeEx(label.c_str(), ImGuiTreeNodeFlags_NoTreePushOnOpen)) {
        const bool opened = ImGui::IsItemToggledOpen();
        draw_takeaways(app, step);
        if (opened) scroll_down_to(ImGui::GetCursorScreenPos().y);  // all of it in sight
    }
    // Like the exercises, only once the rest of a split module is here (draw_rest_pending).
    if (app.step + 1 == static_cast<int>(app.lessons.steps.size())) draw_reading(app);
}

// The words of the beat shown: dots, the paragraph (live numbers, pointers), the goal, Back
// and Next; on the practice beat the takeaways and exercises.
void draw_beat_text(App& app, const core::LessonStep& step, bool ready) {
    draw_beat_dots(app, step);
    if (practice_beat(app)) {
        draw_practice(app, step, ready);
        draw_beat_nav(app, step);
        return;
    }
    const core::LessonBeat& beat = step.beats[static_cast<size_t>(app.beat)];
    const bool live = ready && app.models_made && app.model_step == app.step;
    static const core::StepModels kNoModels{};
    const ViewContext ctx = view_context(app);
    LiveTextOut t =
        live_text(ctx, live ? app.models : kNoModels, live ? step.id : "", beat.text, app.hot);
    locate_rect("##beat-text", t.min.x, t.min.y, t.max.x, t.max.y);
    if (t.hot != app.hot) {
        app.hot = t.hot;
        platform::request_frame();  // the view lights (or unlights) its part
    }
    if (t.edit && live) {
        core::Status st = core::set_knob(app.models, step.id, *t.edit, app.catalog);
        if (!st) app.error = st.error().message;
        platform::request_frame();
    }
    draw_goal(app, step, beat);
    draw_beat_nav(app, step);
}

// A button of the pager below the view, greyed at its end; true when pressed.
bool nav_button(const char* label, bool at_end) {
    ImGui::BeginDisabled(at_end);
    const bool pressed = ImGui::Button(label);
    ImGui::EndDisabled();
    return pressed;
}

// Under a lab: the previous and next lab, and the way back to the tutorial.
void draw_lab_navigation(App& app) {
    const int n = static_cast<int>(app.labs.labs.size());
    ImGui::Separator();
    if (nav_button("\xE2\x97\x80  Previous lab", app.lab == 0)) app_set_lab(app, app.lab - 1);
    ImGui::SameLine();
    if (ImGui::Button("Back to the steps")) app_set_step(app, app.step, app.beat);
    ImGui::SameLine();
    const std::string where = "Lab " + std::to_string(app.lab + 1) + " of " + std::to_string(n);
    const float nw = chip_width("Next lab  \xE2\x96\xB6");
    if (ImGui::GetContentRegionAvail().x > nw + ImGui::CalcTextSize(where.c_str()).x + 24) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s", where.c_str());
    }
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - nw);
    if (nav_button("Next lab  \xE2\x96\xB6", app.lab >= n - 1)) app_set_lab(app, app.lab + 1);
}

// A lab in place of a step: its title, then its view (core/labs.h, web/view_lab.h).
void draw_lab_page(App& app, const core::Lab& lab) {
    ImGui::PushFont(app.fonts.heading);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(("Lab: " + app_text(app, lab.title)).c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    const bool was_solved = app.lab_session.checked && app.lab_session.result.solved;
    locate_view_begin();
    const ViewOut out = draw_lab(app_view_context(app), lab, app.lab_session, app.lab_ui);
    locate_view_end();
    app.live = out.live;
    if (!was_solved && app.lab_session.checked && app.lab_session.result.solved)
        exercises_lab_solved(app.exercises, lab.id);
}

void draw_navigation(App& app) {
    int n = static_cast<int>(app.lessons.steps.size());
    ImGui::Separator();
    if (nav_button("\xE2\x97\x80  Previous step", app.step == 0)) app_set_step(app, app.step - 1);
    ImGui::SameLine();
    if (!app.embed && ImGui::GetIO().DisplaySize.x >= 600) {
        draw_embed_button(app_view_context(app), current(app));
        ImGui::SameLine();
    }
    std::string where = "Step " + std::to_string(app.step + 1) + " of " + std::to_string(n);
    float cw = ImGui::GetContentRegionAvail().x;
    float tw = ImGui::CalcTextSize(where.c_str()).x;
    float nw = chip_width("Next step  \xE2\x96\xB6");
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (cw - tw - nw) * 0.5f));
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", where.c_str());
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - nw);
    if (nav_button("Next step  \xE2\x96\xB6", app.step >= n - 1)) app_set_step(app, app.step + 1);
}

// The view's child window, with a few pixels of padding so that the outline lighting a part
// at its top or left edge (drawn a few pixels outside the part) is not cut off.
void begin_view_child(ImVec2 size) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(5, 5));
    ImGui::BeginChild("##view", size, false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
}

// Scrolls the window being drawn to its top when asked (a step or beat change).
void scroll_to_top(bool& flag) {
    if (!flag) return;
    ImGui::SetScrollY(0);
    flag = false;
}

// Wide: the beat's words in a column beside the view. Narrow (a phone): the view on top,
// the words under it, each scrolling on its own so both stay on the screen.
void draw_step(App& app, const core::LessonStep& step) {
    const float content_w = ImGui::GetContentRegionAvail().x;
    const platform::Rest rest = platform::rest_state();  // asked every frame, landing too
    const bool waiting = app.step != 0 && rest != platform::Rest::Ready;
    const bool practice = practice_beat(app);
    bool text_top = app.scroll_top, view_top = app.scroll_top;
    app.scroll_top = false;
    auto view = [&] {
        scroll_to_top(view_top);
        if (waiting) {
            draw_rest_pending(app, rest);
        } else {
            draw_step_view(app, step);
        }
    };
    if (content_w >= kTwoColumns) {
        ImGui::PushFont(app.fonts.heading);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(app_text(app, step.title).c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        ImGui::Spacing();
        const float text_w = std::max(300.0f, content_w * 0.38f);
        ImGui::BeginChild("##text", ImVec2(text_w, 0), false);
        keyboard_mark_text_window();
        scroll_to_top(text_top);
        draw_beat_text(app, step, !waiting);
        app.text_scroll = ImGui::GetScrollY();
        ImGui::EndChild();
        ImGui::SameLine(0, 18);
        begin_view_child(ImVec2(0, 0));
        if (practice && !waiting) {  // beside the exercises, the picture is a place to try
            ImGui::PushStyleColor(ImGuiCol_Text, color::kMuted);
            wrapped_text(app_text(app,
                                  "The lesson's picture still works: try ideas on it. The "
                                  "exercises ask about {rooms} of their own.")
                             .c_str());
            ImGui::PopStyleColor();
            ImGui::Spacing();
        }
        view();
        app.view_scroll = ImGui::GetScrollY();
        ImGui::EndChild();
        return;
    }
    const float avail_h = ImGui::GetContentRegionAvail().y;
    if (!practice) {
        const float view_h = std::clamp(avail_h * 0.55f, std::min(200.0f, avail_h * 0.5f),
                                        std::max(120.0f, avail_h - 230.0f));
        begin_view_child(ImVec2(0, view_h));
        view();
        app.view_scroll = ImGui::GetScrollY();
        ImGui::EndChild();
        ImGui::Separator();
    } else {
        app.view_scroll = 0;
    }
    ImGui::BeginChild("##text", ImVec2(0, 0), false);
    keyboard_mark_text_window();
    scroll_to_top(text_top);
    draw_beat_text(app, step, !waiting);
    app.text_scroll = ImGui::GetScrollY();
    ImGui::EndChild();
}

// Enters a beat of the current step: the view animates the change and shows its figure,
// the words start at the top.
void beat_entered(App& app) {
    app.beat_ms = platform::now_ms();  // the view eases the beat's change in from here
    app.anim_until_ms = std::max(app.anim_until_ms, app.beat_ms + kBeatEaseMs);
    app.scroll_view = true;
    app.hot.clear();
    publish(app);
    platform::request_frame();
}

// Keys in a lab: 1 to 9 pick or unpick a change, Enter checks (when no widget has the focus
// ring: then Enter presses it), H shows the next hint.
bool lab_key(App& app, const core::Lab& lab, int key_code) {
    core::LabSession& s = app.lab_session;
    if (key_code >= 49 && key_code <= 57) {  // 1..9
        const size_t i = static_cast<size_t>(key_code - 49);
        if (i >= lab.fixes.size()) return false;
        core::toggle_fix(s, lab, lab.fixes[i].id);
    } else if (key_code == 13) {  // Enter
        if (core::Status st = core::check_session(s, lab, app.catalog); !st)
            app.error = st.error().message;
        app.lab_ui.scroll_to_result = 3;  // frames to bring the verdict into sight
        if (s.checked && s.result.solved) exercises_lab_solved(app.exercises, lab.id);
    } else if (key_code == 72) {  // H
        core::next_hint(s, lab);
    } else {
        return false;
    }
    platform::request_frame();
    return true;
}

}  // namespace

std::string app_text(const App& app, const std::string& text) {
    return core::render_terms(app.lessons, text, app.terms);
}

ViewContext app_view_context(const App& app) {
    ViewContext ctx{app.catalog, app.lessons, app.fonts, app.terms, 0, {}, {}, 0};
    ctx.beat = app.beat;
    ctx.hot = app.hot;
    ctx.beat_ms = app.beat_ms;
    ctx.reduced_motion = platform::reduced_motion();
    return ctx;
}

int app_beat_count(const core::LessonStep& step) {
    return static_cast<int>(step.beats.size()) + (step.takeaways.empty() ? 0 : 1);
}

void app_init(App& app) {
    auto catalog = core::load_catalog(platform::asset("catalog.json"));
    if (catalog) {
        app.catalog = std::move(catalog).value();
    } else {
        app.error = "The instance catalog could not be loaded: " + catalog.error().message;
    }
    auto lessons = core::load_lessons(core::asset("lessons.json"));
    if (lessons) {
        app.lessons = std::move(lessons).value();
    } else {
        app.error = "The lessons could not be loaded: " + lessons.error().message;
        core::LessonStep s;
        s.id = "error";
        s.title = "CNI Campus could not start";
        s.beats.push_back(core::LessonBeat{app.error, {}, {}, {}});
        app.lessons.steps.push_back(s);
    }

    // The incident labs come with the catalog and the exercises after the first frame
    // (app_data_arrived): they name instance types and steps, so they are read after both.

    const std::string theme = platform::storage_get("theme");
    if (theme == "light") app.theme = ThemeChoice::Light;
    if (theme == "dark") app.theme = ThemeChoice::Dark;

    app.step = -1;
    app.embed = platform::is_embed();
    app.init_pending = true;
    app_apply_fragment(app, platform::get_hash());
    // The page opens on its beat's end state: an ease-in at load would only cost frames
    // (and time to a still first picture) with nothing before it to ease from.
    app.beat_ms = -1e9;
    app.anim_until_ms = 0;
}

void app_finish_init(App& app) {
    if (!app.init_pending) return;
    app.init_pending = false;  // the exercises and progress follow the data (app_data_arrived)
    publish(app);
    platform::request_frame();
}

void app_apply_fragment(App& app, const std::string& text) {
    core::Fragment f = core::parse_fragment(text);
    if (f.terms == "aws") app.terms = core::Terms::Aws;
    if (f.terms == "analogy") app.terms = core::Terms::Analogy;
    if (!f.controls.empty()) app.min_controls = f.controls == "min";
    if (!f.lab.empty() && app.labs.labs.empty()) {
        // The labs come with the data after the first frame (app_data_arrived): the link waits.
        app.pending_lab = f.lab;
        if (app.step < 0) app.step = 0;
        publish(app);
        platform::request_frame();
        return;
    }
    if (!f.lab.empty()) {
        const int lab = core::find_lab(app.labs, f.lab);
        if (lab < 0) {
            std::string known;
            for (const std::string& id : core::lab_ids(app.labs))
                known += (known.empty() ? "" : ", ") + id;
            app.error = "There is no lab called '" + f.lab + "' (the labs: " + known +
                        "); nothing was changed.";
        } else if (!f.problems.empty()) {
            app.error = "Part of the link was ignored: " + f.problems.front();
        }
        if (app.step < 0) app.step = 0;  // the steps are there behind the lab
        if (lab >= 0 && lab != app.lab) {
            app_set_lab(app, lab);
        } else {
            publish(app);
        }
        platform::request_frame();
        return;
    }
    int index = f.step.empty() ? std::max(app.step, 0) : core::find_step(app.lessons, f.step);
    if (!f.campus.empty()) {
        if (!app.models_made) {
            app.models_made = true;
            app.model_step = -1;
        }
        // The campus becomes the playground's opening campus (core/steps/takeaways.h).
        core::Status st = core::open_link(app.models.takeaways, f.campus, app.catalog);
        if (!st) app.error = "The campus in the link could not be opened: " + st.error().message;
    }
    int beat = f.beat < 0 ? (index == app.step ? app.beat : 0) : f.beat;
    if (index < 0) {
        app.error = "There is no step called '" + f.step + "'; nothing was changed.";
        index = std::max(app.step, 0);
        beat = app.step == index ? app.beat : 0;
    } else if (beat >= app_beat_count(app.lessons.steps[static_cast<size_t>(index)])) {
        app.error =
            "Step '" + app.lessons.steps[static_cast<size_t>(index)].id + "' has " +
            std::to_string(app_beat_count(app.lessons.steps[static_cast<size_t>(index)])) +
            " beats (0 to " +
            std::to_string(app_beat_count(app.lessons.steps[static_cast<size_t>(index)]) - 1) +
            "); it opens at its first.";
        beat = 0;
    } else if (!f.problems.empty()) {
        app.error = "Part of the link was ignored: " + f.problems.front();
    }
    if (index != app.step) {
        app.step = index;
        app.beat = beat;
        exercises_step_seen(app.exercises, current(app).id);
        app.scroll_top = true;
        beat_entered(app);
    } else if (beat != app.beat) {
        app.beat = beat;
        beat_entered(app);
    }
    publish(app);
    platform::request_frame();
}

void app_set_step(App& app, int index, int beat) {
    const int n = static_cast<int>(app.lessons.steps.size());
    index = std::clamp(index, 0, n - 1);
    beat = std::clamp(beat, 0, app_beat_count(app.lessons.steps[static_cast<size_t>(index)]) - 1);
    const bool leaving_lab = app.lab >= 0;
    app.lab = -1;
    if (index == app.step && beat == app.beat && !leaving_lab) return;
    if (index != app.step) {
        app.step = index;
        exercises_step_seen(app.exercises, current(app).id);
    }
    app.beat = beat;
    app.scroll_top = true;
    beat_entered(app);
}

void app_set_lab(App& app, int index) {
    const int n = static_cast<int>(app.labs.labs.size());
    if (n == 0) return;
    index = std::clamp(index, 0, n - 1);
    if (index != app.lab) {
        app.lab = index;
        app.lab_session = core::open_lab(app.labs, index, app.catalog);
        app.lab_ui = LabUi{};
    }
    app.scroll_top = true;
    app.hot.clear();
    publish(app);
    platform::request_frame();
}

bool app_open_lab(App& app, const std::string& id) {
    const int index = core::find_lab(app.labs, id);
    if (index < 0) return false;
    app_set_lab(app, index);
    return true;
}

void app_set_beat(App& app, int beat) {
    app_set_step(app, app.step, beat);
}

void app_next(App& app) {
    if (app.beat + 1 < app_beat_count(current(app))) {
        app.focus_practice = app.beat + 1 == static_cast<int>(current(app).beats.size());
        app_set_beat(app, app.beat + 1);
    } else if (app.step + 1 < static_cast<int>(app.lessons.steps.size())) {
        app_set_step(app, app.step + 1, 0);
    }
}

void app_back(App& app) {
    if (app.beat > 0) {
        app_set_beat(app, app.beat - 1);
    } else if (app.step > 0) {
        const int prev = app.step - 1;
        app_set_step(app, prev, app_beat_count(app.lessons.steps[static_cast<size_t>(prev)]) - 1);
    }
}

bool app_go_to(App& app, const std::string& id, int beat) {
    const int index = core::find_step(app.lessons, id);
    if (index < 0) return false;
    if (beat >= app_beat_count(app.lessons.steps[static_cast<size_t>(index)])) return false;
    app_set_step(app, index, std::max(beat, 0));
    return true;
}

bool app_animating(const App& app) {
    // With reduced motion the views draw end states, so no frame waits for an animation.
    return !platform::reduced_motion() && platform::now_ms() < app.anim_until_ms;
}

platform::KeyOut app_key(App& app, int key_code, int mods) {
    constexpr platform::KeyOut kImGui{true, true, false};   // ImGui's, the page's default not
    constexpr platform::KeyOut kTaken{false, true, false};  // the app's alone
    constexpr platform::KeyOut kPage{false, false, false};  // the browser's (the host page's)
    const ImGuiIO& io = ImGui::GetIO();
    const bool command = (mods & (1 | 4 | 8)) != 0;  // Ctrl, Alt or Meta held
    if (key_code == 9) {  // Tab: the next widget, or on to the page after the last one
        if (command) return kPage;
        return keyboard_tab((mods & 2) != 0) ? kTaken : kPage;
    }
    // A text field takes every key (Enter ends the edit, Escape takes it back); in a number
    // Page Up and Page Down add or take 10, as Up and Down do 1.
    if (io.WantTextInput) {
        if ((key_code == 33 || key_code == 34) && number_field_nudge(key_code == 33 ? 10 : -10))
            return kTaken;
        return kImGui;
    }
    const bool popup = ImGui::GetCurrentContext()->OpenPopupStack.Size > 0;
    const bool busy = ImGui::IsAnyItemActive() || popup;  // a slider held, a list open
    const bool ring = keyboard_focus_visible();
    const bool nav_key = key_code == 13 || key_code == 32 ||
                         (key_code >= 37 && key_code <= 40);  // Enter, Space, arrows
    if (key_code == 27) {  // Escape: let go of a widget or a popup, else leave the canvas
        if (busy) return kImGui;
        keyboard_clear();
        return platform::KeyOut{false, true, true};
    }
    if (nav_key && (ring || busy)) return kImGui;
    if (command || busy) return platform::KeyOut{true, false, false};
    switch (key_code) {
        case 33:  // Page Up
            return keyboard_scroll_text(-1) ? kTaken : kPage;
        case 34:  // Page Down
            return keyboard_scroll_text(1) ? kTaken : kPage;
        case 36:  // Home
            return keyboard_scroll_text(-1000) ? kTaken : kPage;
        case 35:  // End
            return keyboard_scroll_text(1000) ? kTaken : kPage;
        case 38:  // Up
            return keyboard_scroll_text(-0.15f) ? kTaken : kPage;
        case 40:  // Down
            return keyboard_scroll_text(0.15f) ? kTaken : kPage;
        default:
            break;
    }
    if (const core::Lab* lab = current_lab(app))
        return lab_key(app, *lab, key_code) ? kTaken : kPage;
    switch (key_code) {
        case 37:  // Left
            app_back(app);
            return kTaken;
        case 39:  // Right
            app_next(app);
            return kTaken;
        default:
            return platform::KeyOut{!nav_key, false, false};
    }
}

std::string app_mirror_act(App& app, const std::string& request) {
    if (!app.exercises.loaded || current_lab(app) != nullptr)
        return R"({"error":"There are no exercises here."})";
    const nlohmann::json out =
        exercises_mirror_act(app_view_context(app), app.exercises, current(app).id, request);
    return out.dump();
}

std::string app_state_json(const App& app) {
    nlohmann::json j;
    const core::LessonStep& s = current(app);
    j["step"] = {{"id", s.id}, {"index", app.step}, {"title", app_text(app, s.title)}};
    nlohmann::json beat = {
        {"index", app.beat}, {"count", app_beat_count(s)}, {"practice", practice_beat(app)}};
    if (!practice_beat(app)) {
        const core::LessonBeat& b = s.beats[static_cast<size_t>(app.beat)];
        beat["focus"] = b.focus;
        beat["goal"] = b.goal;
        beat["goalMet"] = !b.goal.empty() && app.models_made && app.model_step == app.step &&
                          core::goal_met(app.models, s.id, b.goal);
    }
    j["beat"] = beat;
    j["hot"] = app.hot;
    j["animating"] = app_animating(app);
    j["scroll"] = {{"text", app.text_scroll}, {"view", app.view_scroll}};
    nlohmann::json steps = nlohmann::json::array();
    for (const auto& st : app.lessons.steps) {
        steps.push_back({{"id", st.id},
                         {"title", app_text(app, st.title)},
                         {"beats", app_beat_count(st)},
                         {"model", core::has_model(st.id)}});
    }
    j["steps"] = steps;
    j["frames"] = platform::frames_drawn();
    j["error"] = app.error.empty() ? nlohmann::json(nullptr) : nlohmann::json(app.error);
    j["terms"] = core::terms_name(app.terms);
    j["catalogSize"] = app.catalog.types.size();
    j["exercises"] = exercises_state(app.exercises, s.id, app.lessons, app.terms);
    nlohmann::json labs = {{"total", app.labs.labs.size()}, {"current", nullptr}};
    int solved = 0;
    for (const core::Lab& l : app.labs.labs)
        solved += exercises_lab_done(app.exercises, l.id) ? 1 : 0;
    labs["solved"] = solved;
    if (const core::Lab* lab = current_lab(app)) {
        const core::LabSession& ls = app.lab_session;
        const core::PodCounts p = core::count_pods(core::shown_campus(ls));
        labs["current"] = {{"id", lab->id},
                           {"index", app.lab},
                           {"title", app_text(app, lab->title)},
                           {"picked", ls.chosen},
                           {"checked", ls.checked},
                           {"solved", ls.checked && ls.result.solved},
                           {"reason", ls.checked ? app_text(app, ls.result.reason) : ""},
                           {"hints", ls.hints},
                           {"pods",
                            {{"wanted", p.wanted},
                             {"running", p.running},
                             {"waiting", p.waiting},
                             {"pending", p.pending}}}};
    }
    j["labs"] = labs;
    j["live"] = app.live;
    j["controls"] = app.min_controls ? "min" : "full";
    j["embed"] = app.embed;
    j["theme"] = app.theme_shown == 1 ? "dark" : "light";  // what the canvas shows
    j["themeChoice"] = theme_word(app.theme);              // the learner's choice
    // The widget with the keyboard's focus ring, or null.
    const FocusRing ring = keyboard_focus();
    j["focus"] = nullptr;
    if (ring.shown) {
        j["focus"] = {{"x", std::lround(ring.x)},
                      {"y", std::lround(ring.y)},
                      {"w", std::lround(ring.w)},
                      {"h", std::lround(ring.h)},
                      {"ring", true}};
    }
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool app_update_theme(App& app) {
    const bool dark = app.theme == ThemeChoice::Dark ||
                      (app.theme == ThemeChoice::Auto && platform::prefers_dark());
    if (app.theme_shown == (dark ? 1 : 0)) return false;
    app.theme_shown = dark ? 1 : 0;
    set_theme(dark);
    platform::set_page_theme(dark);
    return true;
}

void app_draw(App& app) {
    ImGuiIO& io = ImGui::GetIO();
    app.live.clear();
    app.exercise_said.clear();
    app_read_rest_data(app);
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("##root", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    const bool wide = !app.embed && !app.min_controls && io.DisplaySize.x >= kWideLayout;
    // The step list comes before the lesson in the Tab order (it is drawn first, at the left):
    // a keyboard's first stop skips it, as a web page's "skip to content" link does.
    if (wide) {
        keyboard_skip_link(current_lab(app) != nullptr ? "Skip to the lab" : "Skip to the lesson",
                           ImGui::GetCursorScreenPos());
    }
    if (!app.min_controls) draw_top_bar(app);

    if (!app.error.empty()) {
        // The banner grows to fit its message (up to six lines, then it scrolls), so
        // a long message on a phone is not cut off mid-sentence.
        const ImGuiStyle& st = ImGui::GetStyle();
        const float button_w = ImGui::CalcTextSize("Dismiss").x + st.FramePadding.x * 2;
        const float text_w = ImGui::GetContentRegionAvail().x - st.WindowPadding.x * 2 - button_w -
                             st.ItemSpacing.x * 2;
        const float line_h = ImGui::GetTextLineHeight();
        const float text_h = ImGui::CalcTextSize(app.error.c_str(), nullptr, false, text_w).y;
        const float h = std::min(text_h, line_h * 6) + st.WindowPadding.y * 2 + 2;
        ImGui::PushStyleColor(ImGuiCol_ChildBg, color::kResultBad);
        ImGui::BeginChild("##error", ImVec2(0, h), true);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_w);
        ImGui::TextColored(rgba(color::kBad), "%s", app.error.c_str());
        ImGui::PopTextWrapPos();
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - button_w);
        if (ImGui::SmallButton("Dismiss")) app.error.clear();
        ImGui::EndChild();
        ImGui::PopStyleColor();
    }

    const float nav_h =
        app.min_controls ? 0.0f
                         : ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y + 4;
    if (wide) {
        ImGui::BeginChild("##steplist", ImVec2(230, -nav_h), false);
        draw_step_list(app);
        ImGui::EndChild();
        ImGui::SameLine();
    } else if (!app.min_controls) {
        draw_step_combo(app);
    }

    ImGui::BeginChild("##content", ImVec2(0, -nav_h), false, ImGuiWindowFlags_NoScrollbar);
    keyboard_main_begins();
    const core::Lab* lab = current_lab(app);
    if (lab != nullptr) {
        draw_lab_page(app, *lab);
    } else {
        draw_step(app, current(app));
    }
    ImGui::EndChild();
    if (!app.min_controls) {
        if (lab != nullptr) {
            draw_lab_navigation(app);
        } else {
            draw_navigation(app);
        }
    }
    ImGui::End();
    // A Check pressed on the canvas is heard, as the page's own form says it (mirror): while
    // its words show, they are what the live region says (the view's numbers did not change).
    if (!app.exercise_said.empty()) app.live = app.exercise_said;
    mirror_numbers(app);
    mirror_live(app);
    mirror_exercises(app);
}

void app_data_arrived(App& app, const std::string& catalog, const std::string& exercises,
                      const std::string& labs) {
    // Views copy the instance type they show (a node keeps its own), so replacing the
    // landing rows leaves nothing pointing into the old catalog.
    core::Result<core::Catalog> full = core::load_catalog(catalog);
    if (full) {
        app.catalog = std::move(full).value();
    } else {
        app.error = "The instance catalog could not be loaded: " + full.error().message;
    }
    app.labs_text = labs;
    app.data_arrived = true;
    const std::string notice =
        exercises_init(app.exercises, app.lessons, exercises, core::json_list_ids(labs, "labs"));
    if (!notice.empty()) app.error = notice;
    if (app.step >= 0 && app.step < static_cast<int>(app.lessons.steps.size()))
        exercises_step_seen(app.exercises, app.lessons.steps[static_cast<size_t>(app.step)].id);
    // A step's model made before the data keeps its state: only the landing step draws one
    // then (the others wait for the rest), its instance types are copies, and the learner's
    // first press in it (the press that fetched the data) must not be undone.
    platform::request_frame();
}

void app_read_rest_data(App& app) {
    // Nothing fetched yet or all read: no question to the page (rest_state) in every frame.
    if (app.labs_text.empty() && app.exercises.book_text.empty()) return;
    if (platform::rest_state() != platform::Rest::Ready) return;
    const std::string notice = exercises_read_book(app.exercises, app.lessons);
    if (!notice.empty()) app.error = notice;
    if (app.labs_text.empty()) return;
    // The labs run on the full catalog (their campuses use many room sizes).
    core::Result<core::Labs> loaded = core::load_labs(app.labs_text, app.catalog, &app.lessons);
    app.labs_text.clear();
    if (loaded) {
        app.labs = std::move(loaded).value();
    } else {
        app.error = "The incident labs could not be loaded: " + loaded.error().message;
    }
    if (!app.pending_lab.empty()) {
        const std::string id = std::move(app.pending_lab);
        app.pending_lab.clear();
        if (!app_open_lab(app, id)) {
            std::string known;
            for (const std::string& k : core::lab_ids(app.labs))
                known += (known.empty() ? "" : ", ") + k;
            app.error = "There is no lab called '" + id + "' (the labs: " + known +
                        "); nothing was changed.";
        }
    }
    platform::request_frame();
}

}  // namespace web
