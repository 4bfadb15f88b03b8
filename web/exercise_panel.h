// exercise_panel.h: the "Try it" exercises under each step's text, and the learner's
// progress (steps seen, exercises solved) kept in localStorage through platform.h.
//
// core/exercises.h generates each exercise from a seed and checks answers; this panel only
// holds what the learner entered and draws it: a number to type (a numeric keyboard on
// phones) or nudge with - and +, choice cards, a tiny campus for the "make it so" tasks.
// The feedback sits right under Check and is scrolled into sight; after two wrong tries
// the learner may see the answer with its working (not counted as solved) and take
// another variant; a question of the final check that was missed can be retried alone. Progress is
// encoded and decoded by core/progress.h; a saved value that cannot be read is replaced, with a
// notice, never a broken page.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "context.h"
#include "exercises.h"
#include "progress.h"

namespace web {

// One exercise as the learner sees it: the generated exercise and what they entered.
struct ExerciseSlot {
    bool ready = false;
    std::string error;  // generation failed (shown instead of the exercise)
    core::Exercise exercise;
    core::Answer answer;
    bool checked = false;  // the current answer was checked
    bool solved = false;   // this version was answered right here once (an edit since keeps it)
    core::Check check;
    int attempts = 0;       // checks of an answer (a wrong one twice: the answer may be shown)
    int wrong = 0;          // of those, wrong ones
    bool revealed = false;  // the learner asked for the answer: shown, not counted as solved
    core::Reveal reveal;
    bool show_feedback = false;       // the last Check's feedback is scrolled into sight
    bool touched = false;             // Setup: the learner changed max-pods by hand
    std::vector<ExerciseSlot> parts;  // Quiz: one slot per question
    int part = 0;                     // Quiz: the question shown
};

struct ExercisePanel {
    bool loaded = false;
    core::ExerciseBook book;
    std::string book_error;  // exercises.json could not be loaded (the panel shows nothing)
    std::string book_text;   // exercises.json until exercises_read_book reads it
    core::Progress progress;
    std::vector<std::string> step_ids;
    std::vector<std::string> exercise_ids;
    std::vector<std::string> lab_ids;  // the incident labs (their solved state is saved too)
    std::map<std::string, ExerciseSlot> slots;  // by exercise id
    std::map<std::string, int> shown;           // by step id: which of its exercises is shown
    bool reset_requested = false;  // "Reset progress" was confirmed; done at the next draw
    bool focus_answer = false;     // the keyboard's ring goes to the shown exercise's answer
    uint32_t seed_base = 0;
    uint32_t seeds_drawn = 0;
};

// Takes the exercises (exercises.json, fetched after the first frame: app_data_arrived in
// app.h) and reads the saved progress against their ids and the labs' (whose solved ones it
// keeps). Returns "" or, when the saved value could not be read (it is then replaced), a
// notice for the learner. The exercises themselves are read by exercises_read_book.
std::string exercises_init(ExercisePanel& panel, const core::Lessons& lessons,
                           std::string_view exercises_json,
                           const std::vector<std::string>& lab_ids = {});
// Reads the exercises exercises_init took (checked against the lessons and the generators):
// code of a split module's second part, so the app calls it once that is there; the panel
// draws them only then anyway. Returns "" or why they could not be read; does nothing twice.
std::string exercises_read_book(ExercisePanel& panel, const core::Lessons& lessons);
// Records that a step was seen and saves progress (nothing before exercises_init).
void exercises_step_seen(ExercisePanel& panel, const std::string& step_id);
// True if the learner has seen the step (saved progress).
bool exercises_seen(const ExercisePanel& panel, const std::string& step_id);
// Records an incident lab as solved and saves progress (nothing before exercises_init).
void exercises_lab_solved(ExercisePanel& panel, const std::string& lab_id);
// True if the learner has solved the incident lab (saved progress).
bool exercises_lab_done(const ExercisePanel& panel, const std::string& lab_id);
// Draws the step's exercises; out.drawn is false if the step has none.
ViewOut draw_exercises(const ViewContext& ctx, ExercisePanel& panel, const std::string& step_id);
// {"total": N, "solved": M, "current": {...}} for cniCampus.state().exercises; "current"
// describes the exercise shown on this step (null if none): id, kind, whether the answer
// was checked and found right, wrong tries, whether the answer was shown, the choice or
// number entered.
nlohmann::json exercises_state(const ExercisePanel& panel, const std::string& step_id,
                               const core::Lessons& lessons, core::Terms terms);
// The DOM mirror's copy of the step's exercises, for a reader who does not use the canvas
// (a screen reader, a keyboard): the same exercises the canvas shows, made now if the canvas
// has not yet. {"step", "exercises": [{"id", "title", "questions": [{"part", "kind",
// "heading", "prompt", "situation", "label", "min", "max", "choices", "types", "maxPodsMin",
// "maxPodsMax"}]}]}; a question per exercise, or one per question of the final check. Words
// in the learner's vocabulary (exercises_mirror_key tells when it would change).
nlohmann::json exercises_mirror(const ViewContext& ctx, ExercisePanel& panel,
                                const std::string& step_id);
// The key exercises_mirror would give now, without making anything ("" if the step has no
// exercises, or one of them is not made yet).
std::string exercises_mirror_key(const ExercisePanel& panel, const std::string& step_id, int terms);
// What the mirror's form asks, as JSON: {"exercise", "part", "action": "check" | "reveal" |
// "another", and for check "number" | "choice" | ("type", "prefixDelegation", "maxPods")}.
// Check runs exactly as on the canvas (the same exercise, the tries counted, progress saved).
// Returns {"correct", "feedback", "working": [...], "mayReveal"}, {"answer", "working"} for
// reveal, {} for another (the mirror is then rebuilt), or {"error"} for a request that does
// not fit the exercise; nothing changes then.
nlohmann::json exercises_mirror_act(const ViewContext& ctx, ExercisePanel& panel,
                                    const std::string& step_id, std::string_view request);
// Forgets every seen step and solved exercise (the current step counts as seen again).
void exercises_reset(ExercisePanel& panel, const std::string& current_step_id);
// A small "Reset progress" line (solved count and the button), for the step list.
void draw_progress_footer(ExercisePanel& panel);

}  // namespace web
