// exercise_panel.h: the "Try it" exercises under each step's text, and the learner's
// progress (steps seen, exercises solved) kept in localStorage through platform.h.
//
// core/exercises.h generates each exercise from a seed and checks answers; this panel only
// holds what the learner entered and draws it: number steppers and a slider (no typing, so
// phones work), choice cards, a tiny campus for the "make it so" tasks. Progress is encoded
// and decoded by core/progress.h; a saved value that cannot be read is replaced, with a
// notice, never a broken page.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "exercises.h"
#include "progress.h"

namespace web {

struct App;

// One exercise as the learner sees it: the generated exercise and what they entered.
struct ExerciseSlot {
    bool ready = false;
    std::string error;  // generation failed (shown instead of the exercise)
    core::Exercise exercise;
    core::Answer answer;
    bool checked = false;  // the current answer was checked
    core::Check check;
    int attempts = 0;
    bool touched = false;             // Setup: the learner changed max-pods by hand
    std::vector<ExerciseSlot> parts;  // Quiz: one slot per question
    int part = 0;                     // Quiz: the question shown
};

struct ExercisePanel {
    bool loaded = false;
    core::ExerciseBook book;
    std::string book_error;  // exercises.json could not be loaded (the panel shows nothing)
    core::Progress progress;
    std::vector<std::string> step_ids;
    std::vector<std::string> exercise_ids;
    std::map<std::string, ExerciseSlot> slots;  // by exercise id
    std::map<std::string, int> shown;           // by step id: which of its exercises is shown
    bool reset_requested = false;  // "Reset progress" was confirmed; done at the next draw
    uint32_t seed_base = 0;
    uint32_t seeds_drawn = 0;
};

// Reads the exercises (exercises.json) and the saved progress (a corrupt or foreign value
// is ignored with a notice in app.error).
void exercises_init(App& app, std::string_view exercises_json);
// Records that a step was seen and saves progress.
void exercises_step_seen(App& app, int step);
// Draws the current step's exercises (nothing if the step has none).
void draw_exercises(App& app, const std::string& step_id);
// {"total": N, "solved": M, "current": {...}} for cniCampus.state().exercises; "current"
// describes the exercise shown on this step (null if none): id, kind, whether the answer
// was checked and found right, the choice or number entered.
nlohmann::json exercises_state(const App& app);
// Forgets every seen step and solved exercise (the current step counts as seen again).
void exercises_reset(App& app);
// A small "Reset progress" line (solved count and the button), for the step list.
void draw_progress_footer(App& app);

}  // namespace web
