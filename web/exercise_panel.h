// exercise_panel.h: the "Try it" exercises under each step's text, and the learner's
// progress (steps seen, exercises solved) kept in localStorage through platform.h.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace web {

struct App;

struct ExercisePanel {
    bool loaded = false;
};

// Loads saved progress (a corrupt or foreign value is ignored with a notice in app.error).
void exercises_init(App& app);
// Records that a step was seen and saves progress.
void exercises_step_seen(App& app, int step);
// Draws the current step's exercises (nothing if the step has none).
void draw_exercises(App& app, const std::string& step_id);
// {"total": N, "solved": M} for cniCampus.state().exercises.
nlohmann::json exercises_state(const App& app);

}  // namespace web
