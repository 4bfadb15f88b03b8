// exercises.h: the "Try it" exercises, generated from a seed and checked by the model.
//
// assets/exercises.json holds the words: for each exercise its step, title, prompt and
// named texts (hints, choices, working lines) with term tokens ("{panel}") and $variables
// ("$type"). The numbers never come from the file: generate_exercise() draws parameters
// from a seed (an instance type from a pool of sensible ones, pod counts, subnet sizes),
// asks capacity.h, ipam.h, cluster.h, vpc.h and cidr.h for the answer and its working,
// and fills the texts in. check_answer() says whether an answer is right; a wrong one gets
// the hint that names the likely misunderstanding ("that is the pod address count; kubelet
// adds the 2 host-network pods"), a right one the working.
//
// Kinds: a number (entered with a stepper or slider), a multiple choice, a "make it so"
// task (fit N pods: pick an instance type, toggle prefix delegation, set max-pods; checked
// by running the campus), a fix to pick for a broken campus (each fix is applied to the
// campus and run), and a quiz of several questions drawn from the others.
//
// Generation is deterministic: the same seed gives the same exercise on every platform
// (own random generator, no std::uniform_int_distribution).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "catalog.h"
#include "cluster.h"
#include "lessons.h"
#include "result.h"
#include "scenario.h"

namespace core {

inline constexpr int kExercisesVersion = 1;
inline constexpr std::size_t kMaxExercisesBytes = 256 * 1024;
inline constexpr int kQuizParts = 5;  // questions in the final check

enum class ExerciseKind { Number, Choice, Setup, Fix, Quiz };

// One exercise as written in assets/exercises.json.
struct ExerciseSpec {
    std::string id;    // "max-pods": names the generator and the progress entry
    std::string step;  // the lesson step it belongs to
    ExerciseKind kind = ExerciseKind::Number;  // set by the generator, not the file
    std::string title;                         // term tokens allowed
    std::string prompt;                        // term tokens and $variables
    std::map<std::string, std::string> texts;  // hints, choices, working, by key
};

struct ExerciseBook {
    std::vector<ExerciseSpec> specs;  // in file order (the order of the steps)
    // By step: the instance types its text uses as examples (filled when the book is loaded
    // with the lessons). Its exercises draw other types where their pool has any: transfer,
    // not recall.
    std::map<std::string, std::vector<std::string>> example_types;
};

// Parses and validates exercises JSON: version, known generator ids (each at most once),
// every text the generator needs present and no unknown ones; with lessons given, steps
// that exist and only defined {term} tokens. Errors name the exercise and field:
// "exercises[2] (max-pods).texts: 'hint-no-two' is missing".
Result<ExerciseBook> load_exercises(std::string_view json, const Lessons* lessons = nullptr);
// The ids the model can generate, in tutorial order.
const std::vector<std::string>& exercise_generators();
// The exercises of one step, in book order.
std::vector<const ExerciseSpec*> exercises_for_step(const ExerciseBook& book,
                                                    std::string_view step);
// An exercise by id, nullptr if absent.
const ExerciseSpec* find_exercise(const ExerciseBook& book, std::string_view id);
// "number", "choice", "setup", "fix", "quiz"
const char* exercise_kind_name(ExerciseKind kind);

// A number answer's input range; the widget starts at `start`, which is never the answer.
struct NumberInput {
    std::string label;  // "max-pods"
    long long min = 0;
    long long max = 100;
    long long start = 0;
};

// A wrong number that reveals a known misunderstanding, with its hint.
struct Miss {
    long long value = 0;
    std::string hint;
};

// "Make it so": fit `pods` pods on one node of a type from a short list.
struct SetupTask {
    int pods = 0;
    std::vector<std::string> types;  // offered instance types, catalog names
    std::vector<int> ami_max_pods;   // each type's max-pods as the AMI sets it (stepper start)
    int max_pods_min = 3;
    int max_pods_max = 250;
    Scenario base;  // the campus the node joins (its node group is filled in by the check)
};

// One generated exercise: everything the panel shows and everything the check needs.
struct Exercise {
    std::string id;
    std::string step;
    uint32_t seed = 0;
    ExerciseKind kind = ExerciseKind::Number;
    std::string title;   // term tokens
    std::string prompt;  // term tokens, numbers filled in
    // Number
    NumberInput number;
    long long answer = 0;
    std::vector<Miss> misses;
    std::string hint_other;  // for a wrong number that matches no known miss
    // Choice and Fix
    std::vector<std::string> choices;
    std::vector<std::string> choice_hints;  // why each choice is wrong ("" for the right one)
    int correct_choice = -1;                // Choice; for Fix the one fix that works
    // Setup
    SetupTask setup;
    // Fix: the campus with the problem, and the campus after each choice's fix
    Scenario campus;
    Cluster campus_built;                      // campus, run (what the panel draws)
    std::vector<Scenario> fixes;               // one per choice
    std::string group;                         // the node group whose pods must all run
    int target_pods = 0;                       // Setup and Fix: pods that must all run
    std::map<std::string, std::string> texts;  // Setup and Fix: texts the check fills in
    // Setup and Fix run scenarios against these instance types only
    Catalog catalog;
    // The working for the right answer (term tokens)
    std::vector<std::string> derivation;
    // Quiz
    std::vector<Exercise> parts;
};

// What the learner entered; only the fields of the exercise's kind are read.
struct Answer {
    long long number = 0;            // Number
    int choice = -1;                 // Choice, Fix
    int type = -1;                   // Setup: index into setup.types
    bool prefix_delegation = false;  // Setup
    int max_pods = 0;                // Setup: kubelet max-pods set on the node
};

struct Check {
    bool correct = false;
    std::string feedback;                 // the hint (wrong) or a one-line confirmation (right)
    std::vector<std::string> derivation;  // the working, for right answers
    // Setup and Fix: how the campus ran with this answer
    int running = 0;  // pods with an address
    int waiting = 0;  // pods in ContainerCreating
    int refused = 0;  // pods kubelet would not admit (max-pods)
};

// Generates exercise `id` from the book with parameters drawn from seed. Fails for an
// unknown id, or (never for the shipped book, see the tests) when no sound instance exists.
Result<Exercise> generate_exercise(const ExerciseBook& book, std::string_view id, uint32_t seed,
                                   const Catalog& catalog);
// Checks an answer. Setup and Fix answers are checked by running the campus; a Quiz is
// checked part by part (check its parts), so this returns "not checked" for the quiz itself.
Check check_answer(const Exercise& exercise, const Answer& answer);

// The right answer with its working, for a learner who asks to see it (after two tries).
// Setup answers are found by running the campus: the first offered instance type that fits
// the desks with the fewest changes (prefix delegation off before on, max-pods raised just
// enough). found is false only for a quiz (each question is revealed on its own).
struct Reveal {
    bool found = false;
    Answer answer;                        // an answer check_answer accepts
    std::string text;                     // that answer in words (term tokens)
    std::vector<std::string> derivation;  // its working (term tokens)
};
Reveal reveal_answer(const Exercise& exercise);

// What each address of a subnet is used for, for drawing a campus.
enum class AddressRole : uint8_t { Free, Reserved, Other, EniPrimary, Pod, Spare };
// One role per address of the subnet (empty if there is no such subnet).
std::vector<AddressRole> address_roles(const Cluster& cluster, std::string_view subnet_id);

}  // namespace core
