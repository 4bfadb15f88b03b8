// step_info.h: what a tutorial step's model offers its lesson text.
//
// Each step of the tutorial has a model in core/steps/<step_id>.h (state, actions and the
// numbers the step talks about). Its lesson in assets/lessons.json is a list of beats: a
// short paragraph and the state of the model it talks about. A beat may
//   - set knobs of the model:      "set": {"type": "m5.large", "pods": 3}
//   - light up a part of the figure: "focus": "panels"
//   - give the learner a goal the model checks: "goal": "second-panel"
// and its text may hold live tokens, filled in by the model as the learner changes it:
//   [[enis]]          a live number ("3"); pointing at it lights the figure's part "enis"
//   [[panelmain|- 1]] words that light a part of the figure when pointed at
//   [[~pods]]         a number the learner changes right there (drag or type)
// StepInfo lists the names a step accepts, so that a lesson naming anything else fails to
// load with a message naming the beat (tools/gen_static_lessons runs at build time).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "result.h"

namespace core {

struct Catalog;  // catalog.h

enum class KnobKind { Number, Switch, Choice };

// A setting of a step's model that a beat may set (and, for numbers, the learner edit).
struct Knob {
    std::string_view name;  // "pods"
    KnobKind kind = KnobKind::Number;
    long long min = 0;  // Number: the accepted range
    long long max = 0;
    std::vector<std::string_view> choices;  // Choice: the accepted words; empty: any text
                                            // the model checks itself (an instance type)
};

// What one step's model offers its lesson text.
struct StepInfo {
    std::string_view id;                   // the step's id, "phone-panel"
    std::vector<Knob> knobs;               // what beats may set
    std::vector<std::string_view> values;  // live numbers the text may show
    std::vector<std::string_view> parts;   // figure parts the text and beats may point at
    std::vector<std::string_view> goals;   // what a beat may ask the learner to bring about
    std::string_view example_type;         // the instance type the step opens with ("" none):
                                           // its exercises draw other types (transfer)
};

// One knob set by a beat: a number (switches are 0 or 1) or a word.
struct Setting {
    std::string name;
    bool is_text = false;
    long long number = 0;
    std::string text;
};

// One piece of a lesson text: plain words, or a live token.
struct TextSpan {
    enum class Kind { Plain, Value, Point, Edit };
    Kind kind = Kind::Plain;
    std::string text;  // Plain and Point: the words shown
    std::string name;  // Value, Point, Edit: the value, part or knob it names
};

// A live number as a step's value gives it: its digits, or "" for a negative one (the steps'
// "no such value").
inline std::string number_value(long long v) {
    return v < 0 ? std::string() : std::to_string(v);
}

// The step's model description; nullptr for a step whose model offers nothing yet.
const StepInfo* find_step_info(std::string_view step_id);
// Splits text (its {term} tokens already rendered or not) into plain words and live tokens.
// An unclosed "[[" or an empty name is kept as plain text; use check_live_text to refuse it.
std::vector<TextSpan> parse_live_text(std::string_view text);
// Checks every live token of a text against the step: "" if all are known, else a message
// ("[[eni]] is not a number step 'phone-panel' shows; it shows: enis, ips, pods").
std::string check_live_text(const StepInfo* info, std::string_view text);
// Checks one setting against the step's knobs (known name, kind, range, choice).
Status check_setting(const StepInfo& info, const Setting& setting);
// The knob of that name, nullptr if the step has none.
const Knob* find_knob(const StepInfo& info, std::string_view name);
// True if the list holds the name.
bool has_name(const std::vector<std::string_view>& names, std::string_view name);

// What a step's model offers the tutorial: its description and four calls. Each step's .cpp
// fills in one (core/steps/<step>.cpp); core/steps/<step>.h declares
//   const StepCalls<PhonePanel>& step_calls(StepTag<PhonePanel>);
// and the calls below reach any step through it, whatever the step:
//   core::reset(m, catalog);  core::step_value(m, "panels");  core::step_info<PhonePanel>().id
template <typename Model>
struct StepTag {};
template <typename Model>
struct StepCalls {
    StepInfo info;
    void (*reset)(Model&, const Catalog&);                      // back to the opening state
    Status (*set)(Model&, const Setting&, const Catalog&);      // a knob; an error changes nothing
    std::string (*value)(const Model&, std::string_view name);  // a live number, "" if unknown
    bool (*goal_met)(const Model&, std::string_view goal);      // true when the goal is met
};

// Only a step's model has these calls (its step_calls is found by argument-dependent lookup
// on StepTag<Model>); other types' own reset, set and goal_met are left alone.
template <typename Model>
using IfStep = decltype(step_calls(StepTag<Model>{}));

// The step's description: its id, knobs, values, parts and goals.
template <typename Model, typename = IfStep<Model>>
const StepInfo& step_info() {
    return step_calls(StepTag<Model>{}).info;
}
// Back to the opening state.
template <typename Model, typename = IfStep<Model>>
void reset(Model& m, const Catalog& catalog) {
    step_calls(StepTag<Model>{}).reset(m, catalog);
}
// Sets a knob (a lesson beat or the learner); an error changes nothing.
template <typename Model, typename = IfStep<Model>>
Status set(Model& m, const Setting& setting, const Catalog& catalog) {
    return step_calls(StepTag<Model>{}).set(m, setting, catalog);
}
// A live number (or word) of the step by name, "" for an unknown name.
template <typename Model, typename = IfStep<Model>>
std::string step_value(const Model& m, std::string_view name) {
    return step_calls(StepTag<Model>{}).value(m, name);
}
// True when the goal (one of the step's goals) is met.
template <typename Model, typename = IfStep<Model>>
bool goal_met(const Model& m, std::string_view goal) {
    return step_calls(StepTag<Model>{}).goal_met(m, goal);
}

// A step's model in its opening state: a default-made model put through the step's reset.
// Every step's make_<step> (core/steps/<step>.h) is this.
template <typename Model>
Model opening_state(const Catalog& catalog) {
    Model m;
    reset(m, catalog);
    return m;
}

}  // namespace core
