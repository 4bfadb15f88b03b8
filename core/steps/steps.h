// steps.h: every step's model in one value, and what the tutorial does with any of them.
//
// The page, the static lesson pages and the tests move through a step beat by beat with
// the same calls, whatever the step:
//
//   core::StepModels models = core::make_step_models(catalog);
//   core::enter_beat(models, lessons.steps[2], -1, 0, catalog);     // the step's first beat
//   core::enter_beat(models, lessons.steps[2], 0, 1, catalog);      // Next: that beat's knobs
//   core::live_value(models, "phone-panel", "panels");             // "1"
//   core::render_beat(lessons, step, 1, core::Terms::Aws, catalog); // words, numbers filled in
//
// Copying StepModels is a snapshot of every step (restart a step, undo).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "catalog.h"
#include "lessons.h"
#include "result.h"
#include "steps/big_picture.h"
#include "steps/building_runs_out.h"
#include "steps/choosing.h"
#include "steps/custom_networking.h"
#include "steps/desk_limit.h"
#include "steps/ipv6.h"
#include "steps/phone_panel.h"
#include "steps/prefix_delegation.h"
#include "steps/secondary_cidrs.h"
#include "steps/security_groups_for_pods.h"
#include "steps/takeaways.h"
#include "steps/the_rules.h"
#include "steps/vpc_cni_vs_overlay.h"
#include "steps/warm_pool.h"
#include "steps/why_it_matters.h"

namespace core {

struct StepModels {
    PhonePanel phone_panel;
    Ipv6Step ipv6;
    BigPicture big_picture;
    WhyItMatters why_it_matters;
    VpcCniVsOverlay vpc_cni_vs_overlay;
    TheRules the_rules;
    DeskLimit desk_limit;
    WarmPool warm_pool;
    SecondaryCidrs secondary_cidrs;
    Takeaways takeaways;
    PrefixDelegation prefix_delegation;
    CustomNetworking custom_networking;
    SecurityGroupsForPods security_groups_for_pods;
    BuildingRunsOut building_runs_out;
    Choosing choosing;
};

// Every step in its opening state.
StepModels make_step_models(const Catalog& catalog);
// True if the step has a model (a step without one is text and a view of its own).
bool has_model(std::string_view step_id);
// Puts one step's model back in its opening state (before its first beat).
void reset_step(StepModels& models, std::string_view step_id, const Catalog& catalog);
// Moves a step's model from beat `from` to beat `to` (0-based; `from` -1: from outside the
// step). Going on to the next beat sets that beat's knobs on top of what the learner made;
// any other move (back, a jump, a deep link) replays the step from its opening state
// through beat `to`. A beat that fails to apply (only a lesson file not checked against
// this build could cause it) is reported; the model keeps what applied before it.
Status enter_beat(StepModels& models, const LessonStep& step, int from, int to,
                  const Catalog& catalog);
// Sets one knob of a step's model (a beat, or the learner changing [[~name]] in the text).
Status set_knob(StepModels& models, std::string_view step_id, const Setting& setting,
                const Catalog& catalog);
// A live number of a step ("" if the step or the name is unknown).
std::string live_value(const StepModels& models, std::string_view step_id, std::string_view name);
// True if the step's model meets the goal.
bool goal_met(const StepModels& models, std::string_view step_id, std::string_view goal);
// A beat's text as the page shows it with the step in that beat's opening state: terms in
// the vocabulary, live numbers filled in, [[part|words]] as its words. For the DOM mirror and
// the static lesson pages.
std::string render_beat(const Lessons& lessons, const LessonStep& step, int beat, Terms terms,
                        const Catalog& catalog);
// The instance types a step's text uses as its examples: the type its model opens with and
// every type a beat sets. Its exercises draw other ones (transfer, not recall).
std::vector<std::string> example_instance_types(const LessonStep& step);
// Any lesson text with its live tokens filled in from the models as they are now.
std::string render_live(const Lessons& lessons, const StepModels& models, std::string_view step_id,
                        std::string_view text, Terms terms);

}  // namespace core
