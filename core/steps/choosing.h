// choosing.h: step "choosing": which fix for which symptom, each one checked by the model.
//
// The step opens on a puzzle: a campus whose building has run out (three m5.large nodes in a
// /26 subnet, 54 pods wanted, 18 waiting) while the VPC has room. The learner tries any of
// the guide's fixes on it (core/decision.h apply_fix) and sees whether it cures the campus:
// every pod running, none waiting or turned away. Then the decision guide: the learner
// answers its questions (or a beat jumps to a node) until an outcome names a fix, whose
// demo campus shows the symptom and, once applied, the cure with the numbers that changed.
// IPv6 cannot be applied to a running IPv4 campus: the model refuses, as AWS does, and shows
// the figures of a new IPv6 cluster with the same nodes instead.
//
//   core::Choosing m = core::make_choosing(catalog);
//   core::apply(m, {core::ChoosingPress::TryFix, int(core::Fix::SubnetDiscovery)}, catalog);
//   core::goal_met(m, "puzzle-cured");   // true
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "catalog.h"
#include "decision.h"
#include "steps/step_info.h"

namespace core {

struct Choosing {
    // The puzzle.
    DemoCampus puzzle;        // the symptom: a subnet out of addresses, room in the VPC
    std::vector<bool> cures;  // per Fix: does it cure the puzzle (computed at reset)
    int tried = -1;           // the Fix tried on the puzzle (-1: none yet)
    DemoCampus tried_after;   // the puzzle after that fix
    std::vector<Figure> tried_figures;
    std::string tried_error;  // why the fix could not be applied ("" if it was)
    // The guide.
    std::vector<std::string> path;  // node ids from "start"; empty: the puzzle is shown
    std::vector<int> picks;         // the answer taken at each question on the path
    // The demo of the outcome reached.
    std::string demo_for;  // the outcome id the demo belongs to ("" none)
    DemoCampus before, after;
    bool applied = false;
    bool apply_on_arrival = false;   // knob "applied": each outcome reached comes applied
    std::vector<std::string> steps;  // what applying the fix did (lesson term tokens)
    std::vector<Figure> figures;
    std::string error;  // why the fix could not be applied to the running campus
};

struct ChoosingPress {
    enum Kind { TryFix, Answer, Back, Guide, Puzzle, Apply, Undo } kind = TryFix;
    int index = 0;  // TryFix: a Fix; Answer: the answer's index
};

// Knobs: node (a guide node id, or "puzzle"), applied (switch), tried (a fix name or "none").
// Sets a knob (a beat or the learner). An unknown node or fix is an error and changes nothing.
// A live number of the step by name ("" for an unknown name): waiting, running, wanted,
// cures, fixes.
// True when the goal is met: "puzzle-cured" (the fix tried cures the puzzle).
const StepCalls<Choosing>& step_calls(StepTag<Choosing>);
// The opening state: the puzzle, no fix tried.
inline constexpr auto make_choosing = opening_state<Choosing>;
// The learner's hand: try a fix on the puzzle, answer a question, go back, open the guide or
// the puzzle, apply the outcome's fix or undo it. A press that does not fit (no such answer)
// changes nothing.
void apply(Choosing& model, const ChoosingPress& press, const Catalog& catalog);
// The guide node shown (the first question when the path is empty).
const GuideNode& current_node(const Choosing& model);
// True when the puzzle is shown rather than the guide.
bool puzzle_shown(const Choosing& model);

}  // namespace core
