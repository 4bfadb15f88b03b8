// app.cpp: the page layout (top bar, step list, lesson text beside the live view,
// navigation) and the app-level state the JS API reports.
#include "app.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "assets.h"
#include "embed_button.h"
#include "exercise_panel.h"
#include "fragment.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "platform.h"
#include "style.h"

namespace web {
namespace {

constexpr float kWideLayout = 980.0f;  // step list beside the content
constexpr float kTwoColumns = 760.0f;  // lesson text beside the view

void write_fragment(const App& app) {
    core::Fragment f;
    f.step = app.lessons.steps[static_cast<size_t>(app.step)].id;
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
    announce(app);
}

void announce(App& app) {
    app.live_sent.clear();
    const core::LessonStep& s = app.lessons.steps[static_cast<size_t>(app.step)];
    std::string title = app_text(app, s.title);
    platform::announce_step(s.id, app.step, title);
    std::string body;
    for (const std::string& p : s.body)
        body += app_text(app, p) + "\n\n";
    platform::mirror_text(title, body, "");
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

    // Vocabulary switch, right-aligned.
    const char* labels[] = {"Campus words", "AWS words"};
    float w = ImGui::CalcTextSize(labels[0]).x + ImGui::CalcTextSize(labels[1]).x + 44;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - w));
    for (int i = 0; i < 2; ++i) {
        bool active = static_cast<int>(app.terms) == i;
        if (active) ImGui::PushStyleColor(ImGuiCol_Button, color::kAccent);
        if (active) ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
        if (ImGui::Button(labels[i]) && !active) {
            app.terms = i == 0 ? core::Terms::Analogy : core::Terms::Aws;
            publish(app);
        }
        if (active) ImGui::PopStyleColor(2);
        if (i == 0) ImGui::SameLine(0, 4);
    }
    ImGui::Separator();
}

void draw_step_list(App& app) {
    const float width = ImGui::GetContentRegionAvail().x;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float wrap = width - 2 * style.FramePadding.x - 10;  // room for the "seen" dot
    for (size_t i = 0; i < app.lessons.steps.size(); ++i) {
        std::string label =
            std::to_string(i + 1) + ".  " + app_text(app, app.lessons.steps[i].title);
        const bool selected = static_cast<int>(i) == app.step;
        const bool seen = i < app.seen.size() && app.seen[i];
        ImVec2 text = ImGui::CalcTextSize(label.c_str(), nullptr, false, wrap);
        ImGui::PushID(static_cast<int>(i));
        ImVec2 pos = ImGui::GetCursorScreenPos();
        if (ImGui::Selectable("##step", selected, 0, ImVec2(width, text.y + 6)))
            app_set_step(app, static_cast<int>(i));
        ImU32 col = selected ? color::kInk : (seen ? color::kMuted : color::kInk);
        ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                                            ImVec2(pos.x + style.FramePadding.x, pos.y + 3), col,
                                            label.c_str(), nullptr, wrap);
        if (seen && !selected) {
            ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(pos.x + width - 8, pos.y + 10), 3.0f,
                                                        color::kGood);
        }
        ImGui::PopID();
    }
}

void draw_step_combo(App& app) {
    const auto& steps = app.lessons.steps;
    std::string preview = std::to_string(app.step + 1) + ". " +
                          app_text(app, steps[static_cast<size_t>(app.step)].title);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##steps", preview.c_str())) {
        for (size_t i = 0; i < steps.size(); ++i) {
            std::string label = std::to_string(i + 1) + ". " + app_text(app, steps[i].title);
            if (ImGui::Selectable(label.c_str(), static_cast<int>(i) == app.step))
                app_set_step(app, static_cast<int>(i));
        }
        ImGui::EndCombo();
    }
}

// Mirrors the view's live numbers into the DOM when they change (aria-live).
void mirror_live(App& app) {
    if (app.live == app.live_sent) return;
    app.live_sent = app.live;
    const core::LessonStep& s = app.lessons.steps[static_cast<size_t>(app.step)];
    std::string body;
    for (const std::string& p : s.body)
        body += app_text(app, p) + "\n\n";
    platform::mirror_text(app_text(app, s.title), body, app.live);
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

void draw_lesson_text(App& app, const core::LessonStep& step, bool exercises) {
    for (const std::string& p : step.body) {
        wrapped_text(app_text(app, p).c_str());
        ImGui::Spacing();
    }
    if (!step.takeaways.empty()) {
        ImGui::Spacing();
        ImGui::PushFont(app.fonts.strong);
        ImGui::TextUnformatted("Remember");
        ImGui::PopFont();
        for (const std::string& t : step.takeaways) {
            ImGui::Bullet();
            ImGui::SameLine();
            wrapped_text(app_text(app, t).c_str());
        }
    }
    ImGui::Spacing();
    if (exercises) draw_exercises(app, step.id);
}

void draw_navigation(App& app) {
    int n = static_cast<int>(app.lessons.steps.size());
    ImGui::Separator();
    ImGui::BeginDisabled(app.step == 0);
    if (ImGui::Button("\xE2\x97\x80  Previous")) app_set_step(app, app.step - 1);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (!app.embed && ImGui::GetIO().DisplaySize.x >= 600) {
        draw_embed_button(app);
        ImGui::SameLine();
    }
    std::string where = "Step " + std::to_string(app.step + 1) + " of " + std::to_string(n);
    float cw = ImGui::GetContentRegionAvail().x;
    float tw = ImGui::CalcTextSize(where.c_str()).x;
    float nw = ImGui::CalcTextSize("Next  \xE2\x96\xB6").x + 2 * ImGui::GetStyle().FramePadding.x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (cw - tw - nw) * 0.5f));
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", where.c_str());
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - nw);
    ImGui::BeginDisabled(app.step >= n - 1);
    if (ImGui::Button("Next  \xE2\x96\xB6")) app_set_step(app, app.step + 1);
    ImGui::EndDisabled();
}

}  // namespace

std::string app_text(const App& app, const std::string& text) {
    return core::render_terms(app.lessons, text, app.terms);
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
        s.view = "";
        s.body.push_back(app.error);
        app.lessons.steps.push_back(s);
    }
    app.seen.assign(app.lessons.steps.size(), false);

    app.step = -1;
    app.embed = platform::is_embed();
    app.init_pending = true;
    app_apply_fragment(app, platform::get_hash());
}

void app_finish_init(App& app) {
    if (!app.init_pending) return;
    app.init_pending = false;  // the exercises and progress follow the data (app_data.h)
    publish(app);
    platform::request_frame();
}

void app_apply_fragment(App& app, const std::string& text) {
    core::Fragment f = core::parse_fragment(text);
    if (f.terms == "aws") app.terms = core::Terms::Aws;
    if (f.terms == "analogy") app.terms = core::Terms::Analogy;
    if (!f.controls.empty()) app.min_controls = f.controls == "min";
    int index = f.step.empty() ? std::max(app.step, 0) : core::find_step(app.lessons, f.step);
    if (!f.campus.empty()) {
        std::string err;
        if (!playground_load_from_fragment(app, f.campus, &err))
            app.error = "The campus in the link could not be opened: " + err;
    }
    if (index < 0) {
        app.error = "There is no step called '" + f.step + "'; nothing was changed.";
        index = std::max(app.step, 0);
    } else if (!f.problems.empty()) {
        app.error = "Part of the link was ignored: " + f.problems.front();
    }
    if (index != app.step) {
        app.step = index;
        exercises_step_seen(app, index);
        app.scroll_top = true;
    }
    publish(app);
    platform::request_frame();
}

void app_set_step(App& app, int index) {
    int n = static_cast<int>(app.lessons.steps.size());
    index = std::clamp(index, 0, n - 1);
    if (index == app.step) return;
    app.step = index;
    exercises_step_seen(app, index);
    app.anim_until_ms = platform::now_ms() + 250;
    app.scroll_top = true;
    publish(app);
    platform::request_frame();
}

bool app_go_to(App& app, const std::string& id) {
    int index = core::find_step(app.lessons, id);
    if (index < 0) return false;
    app_set_step(app, index);
    return true;
}

bool app_animating(const App& app) {
    return platform::now_ms() < app.anim_until_ms;
}

bool app_key(App& app, int key_code) {
    if (ImGui::GetIO().WantTextInput || ImGui::IsAnyItemActive()) return false;
    int n = static_cast<int>(app.lessons.steps.size());
    switch (key_code) {
        case 37:
            app_set_step(app, app.step - 1);
            return true;  // Left
        case 39:
            app_set_step(app, app.step + 1);
            return true;  // Right
        case 36:
            app_set_step(app, 0);
            return true;  // Home
        case 35:
            app_set_step(app, n - 1);
            return true;  // End
        default:
            return false;
    }
}

std::string app_state_json(const App& app) {
    nlohmann::json j;
    const core::LessonStep& s = app.lessons.steps[static_cast<size_t>(app.step)];
    j["step"] = {{"id", s.id}, {"index", app.step}, {"title", app_text(app, s.title)}};
    nlohmann::json steps = nlohmann::json::array();
    for (const auto& st : app.lessons.steps)
        steps.push_back({{"id", st.id}, {"title", app_text(app, st.title)}});
    j["steps"] = steps;
    j["frames"] = platform::frames_drawn();
    j["error"] = app.error.empty() ? nlohmann::json(nullptr) : nlohmann::json(app.error);
    j["terms"] = core::terms_name(app.terms);
    j["catalogSize"] = app.catalog.types.size();
    j["exercises"] = exercises_state(app);
    j["live"] = app.live;
    j["controls"] = app.min_controls ? "min" : "full";
    j["embed"] = app.embed;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void app_draw(App& app) {
    ImGuiIO& io = ImGui::GetIO();
    app.live.clear();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("##root", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
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
        ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(253, 236, 234, 255));
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
    const bool wide = !app.embed && !app.min_controls && io.DisplaySize.x >= kWideLayout;
    if (wide) {
        ImGui::BeginChild("##steplist", ImVec2(230, -nav_h), false);
        draw_step_list(app);
        ImGui::EndChild();
        ImGui::SameLine();
    } else if (!app.min_controls) {
        draw_step_combo(app);
    }

    const core::LessonStep& step = app.lessons.steps[static_cast<size_t>(app.step)];
    ImGui::BeginChild("##content", ImVec2(0, -nav_h), false);
    if (app.scroll_top) {
        ImGui::SetScrollY(0);
        app.scroll_top = false;
    }
    ImGui::PushFont(app.fonts.heading);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(app_text(app, step.title).c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::Spacing();

    const float content_w = ImGui::GetContentRegionAvail().x;
    const platform::Rest rest = platform::rest_state();  // asked every frame, landing too
    const bool waiting = app.step != 0 && rest != platform::Rest::Ready;
    if (content_w >= kTwoColumns) {
        float text_w = std::max(300.0f, content_w * 0.38f);
        ImGui::BeginChild("##text", ImVec2(text_w, 0), false);
        draw_lesson_text(app, step, !waiting);
        ImGui::EndChild();
        ImGui::SameLine(0, 18);
        ImGui::BeginChild("##view", ImVec2(0, 0), false);
        if (waiting)
            draw_rest_pending(app, rest);
        else
            draw_view(app, step.view);
        ImGui::EndChild();
    } else {
        draw_lesson_text(app, step, !waiting);
        ImGui::Spacing();
        if (waiting)
            draw_rest_pending(app, rest);
        else
            draw_view(app, step.view);
    }
    ImGui::EndChild();
    if (!app.min_controls) draw_navigation(app);
    ImGui::End();
    mirror_live(app);
}

}  // namespace web
