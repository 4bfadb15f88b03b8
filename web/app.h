// app.h: the App struct that combines the views, and the functions main.cpp calls.
//
// App holds the loaded model data (catalog, lessons), which step is shown, the vocabulary
// (analogy or AWS words) and each view's UI state. Views never compute capacity or CIDR
// math: they call core and draw what comes back (DESIGN.md).
#pragma once

#include <string>
#include <vector>

#include "catalog.h"
#include "context.h"
#include "exercise_panel.h"
#include "fonts.h"
#include "labs.h"
#include "lessons.h"
#include "platform.h"
#include "steps/steps.h"
#include "view_lab.h"
#include "views.h"

namespace web {

// The learner's choice of theme (localStorage "theme"); Auto follows the system's
// prefers-color-scheme.
enum class ThemeChoice { Auto, Light, Dark };

struct App {
    core::Catalog catalog;
    core::Lessons lessons;
    Fonts fonts;
    int step = 0;
    int beat = 0;  // the beat of the step shown; the last one may be the practice beat
    core::Terms terms = core::Terms::Analogy;
    ThemeChoice theme = ThemeChoice::Auto;
    int theme_shown = -1;        // what the palette holds: 0 light, 1 dark, -1 not set yet
    std::string error;           // last load or input problem, shown in a banner; "" if none
    bool step_list_open = true;  // wide layout: list on the left; narrow: a drop-down
    double anim_until_ms = 0;    // a short animation runs until then
    bool scroll_top = false;     // the content scrolls back up on a step change
    bool embed = false;          // embed.html in a blog's iframe: step drop-down, no side list
    bool min_controls = false;   // #controls=min: only the step's text and view, no chrome
    bool init_pending = false;   // app_finish_init has yet to run (after the first frame)
    std::string live;           // the view's key numbers in a sentence, mirrored for screen readers
    std::string live_sent;      // what was last mirrored
    std::string exercise_said;  // what the shown exercise's last Check said (then the live text)
    bool data_arrived = false;  // the full catalog, exercises and labs are in (app_data_arrived)
    bool mirror_numbers = false;       // the DOM mirror's paragraphs carry their live numbers
    std::string mirror_exercises_key;  // the exercises last mirrored as forms (exercise_panel.h)
    bool focus_practice = false;  // Next entered the practice beat: its exercise takes the ring
    std::string hot;              // the live token of the text under the pointer (last frame)
    double beat_ms = 0;           // when the current beat was entered (its change animates)
    bool scroll_view = false;     // the view scrolls its figure into sight (a beat change)
    float text_scroll = 0;        // where the beat's words and the view are scrolled to (for
    float view_scroll = 0;        // cniCampus.state(): a step opens at the top of both)
    // The step models (core/steps). Made on first use and moved to the shown beat just
    // before a view draws, so that work waits for the second part of a split module.
    bool models_made = false;
    core::StepModels models;
    int model_step = -1;  // the step and beat `models` were last moved to
    int model_beat = -1;
    Views views;
    ExercisePanel exercises;  // the "Try it" panels and the saved progress
    // The incident labs (assets/labs.json), listed after the steps. While one is open, `lab`
    // is its index and the page shows it instead of the step.
    core::Labs labs;
    int lab = -1;
    std::string pending_lab;  // a #lab= link that waits for the labs (app_read_rest_data)
    // The labs as fetched, until app_read_rest_data reads them: reading them (scenarios
    // validated against the full catalog) is code of the second part, which a returning
    // learner's data must not wait on; saved progress is checked against their ids alone.
    std::string labs_text;
    core::LabSession lab_session;
    LabUi lab_ui;
};

// Loads catalog and lessons from the embedded assets and picks the step from the URL:
// what the first frame needs. The rest waits for app_finish_init.
void app_init(App& app);
// The start-up work the first frame does not need (the URL, the DOM mirror and the step
// announcement; exercises and saved progress come with the fetched data, app_data_arrived);
// main calls it in the frame after the first, so the first picture reaches the screen
// sooner. Does nothing once done.
void app_finish_init(App& app);
// Applies a URL fragment ("step=ID&terms=aws"): unknown steps or settings leave the
// current step as it is and set a readable error.
void app_apply_fragment(App& app, const std::string& fragment);
// The data the web build fetches after the first frame (docs/size.md).
//
// The instance catalog (1,391 types), the exercises and the labs are not in the first download:
// campus.wasm embeds only the catalog rows the landing step draws, and the loader fetches
// catalog.json and exercises.json (compressed, named by their content) when the learner
// acts, for a deep link or an embed after the first frame, and for a returning learner,
// whose saved progress names exercises. Until they arrive, later steps show their text and
// wait (platform::rest_state); nothing saves progress before it has been read.
//
// Takes the fetched catalog, exercises and labs: the full catalog replaces the landing rows,
// the saved progress is read (against the exercises' and labs' ids), and the current step
// counts as seen. The exercises and labs themselves wait for app_read_rest_data.
void app_data_arrived(App& app, const std::string& catalog, const std::string& exercises,
                      const std::string& labs);
// Reads the fetched exercises and labs (the labs against the full catalog) once the rest of
// the module is there (platform::rest_state), and opens a #lab= link that waited for them;
// app_draw calls it each frame, and it does nothing before then or once done.
void app_read_rest_data(App& app);
// Sets the palette, the style and the page to the theme the learner chose (or, for Auto, the
// system's); call before ImGui::NewFrame. True when it changed (the whole canvas repaints).
bool app_update_theme(App& app);
// Draws the whole UI for one frame.
void app_draw(App& app);
// Switches to a step by id and one of its beats (0-based; -1: the first); false for an
// unknown id or a beat the step does not have (nothing changes).
bool app_go_to(App& app, const std::string& id, int beat = -1);
// Opens an incident lab by id at its starting campus; false for an unknown id (nothing
// changes).
bool app_open_lab(App& app, const std::string& id);
// Opens an incident lab by index (clamped); updates the URL.
void app_set_lab(App& app, int index);
// Switches to a step by index (clamped) at a beat (clamped), leaving a lab; updates URL,
// progress and the host page.
void app_set_step(App& app, int index, int beat = 0);
// Moves to a beat of the current step (clamped).
void app_set_beat(App& app, int beat);
// The next beat, or the next step's first after the last; the previous beat, or the previous
// step's last before the first.
void app_next(App& app);
void app_back(App& app);
// Beats of a step: its lesson's beats and, when it has takeaways, the practice beat
// (takeaways and exercises) after them.
int app_beat_count(const core::LessonStep& step);
// A plain JSON object for window.cniCampus.state().
std::string app_state_json(const App& app);
// A request from the DOM mirror's exercise forms (exercise_panel.h exercises_mirror_act) for
// the current step; the answer as JSON text.
std::string app_mirror_act(App& app, const std::string& request);
// True while an animation is running (the frame loop keeps going).
bool app_animating(const App& app);
// A key pressed on the canvas (mods as platform::Callbacks::key). Tab and Shift-Tab move the
// focus ring through the widgets (web/keyboard.h); while a widget has the ring, arrows, Space
// and Enter are ImGui's (move, press); without one, Left and Right go back and on a beat.
// Page Up/Down, Home and End scroll the lesson text; Up and Down (no ring) by a little.
// Escape ends a text edit or closes a popup, else the canvas gives up the focus. A lab has its
// own keys (1 to 9, Enter, H: lab_key).
platform::KeyOut app_key(App& app, int key_code, int mods);
// Renders lesson text in the current vocabulary.
std::string app_text(const App& app, const std::string& text);
// What the views of the current step are handed this frame.
ViewContext app_view_context(const App& app);

}  // namespace web
