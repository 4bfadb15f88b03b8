// steps.cpp: the table of step models and the calls that work on any of them (steps.h).
#include "steps/steps.h"

#include <algorithm>
#include <array>
#include <type_traits>
#include <utility>

namespace core {
namespace {

// One row per step that has a model: how the generic calls reach it.
struct StepOps {
    const StepInfo& (*info)();
    void (*reset)(StepModels&, const Catalog&);
    Status (*set)(StepModels&, const Setting&, const Catalog&);
    std::string (*value)(const StepModels&, std::string_view);
    bool (*goal)(const StepModels&, std::string_view);
};

// The row of the step whose model is StepModels member Member.
template <auto Member>
constexpr StepOps ops() {
    using Model = std::remove_reference_t<decltype(std::declval<StepModels&>().*Member)>;
    return StepOps{
        step_info<Model>,
        [](StepModels& s, const Catalog& c) { reset(s.*Member, c); },
        [](StepModels& s, const Setting& k, const Catalog& c) { return set(s.*Member, k, c); },
        [](const StepModels& s, std::string_view n) { return step_value(s.*Member, n); },
        [](const StepModels& s, std::string_view g) { return goal_met(s.*Member, g); },
    };
}

// The rows of the steps whose models are these StepModels members.
template <auto... Members>
constexpr std::array<StepOps, sizeof...(Members)> table() {
    return {ops<Members>()...};
}

using S = StepModels;
const auto kSteps =
    table<&S::phone_panel, &S::ipv6, &S::big_picture, &S::why_it_matters, &S::vpc_cni_vs_overlay,
          &S::the_rules, &S::desk_limit, &S::warm_pool, &S::secondary_cidrs, &S::takeaways,
          &S::prefix_delegation, &S::custom_networking, &S::security_groups_for_pods,
          &S::building_runs_out, &S::choosing>();

const StepOps* find_ops(std::string_view step_id) {
    for (const StepOps& o : kSteps) {
        if (o.info().id == step_id) return &o;
    }
    return nullptr;
}

}  // namespace

const StepInfo* find_step_info(std::string_view step_id) {
    const StepOps* o = find_ops(step_id);
    return o ? &o->info() : nullptr;
}

StepModels make_step_models(const Catalog& catalog) {
    StepModels m;
    for (const StepOps& o : kSteps)
        o.reset(m, catalog);
    return m;
}

bool has_model(std::string_view step_id) {
    return find_ops(step_id) != nullptr;
}

void reset_step(StepModels& models, std::string_view step_id, const Catalog& catalog) {
    if (const StepOps* o = find_ops(step_id)) o->reset(models, catalog);
}

Status set_knob(StepModels& models, std::string_view step_id, const Setting& setting,
                const Catalog& catalog) {
    const StepOps* o = find_ops(step_id);
    if (o == nullptr) return make_error("step '" + std::string(step_id) + "' has no knobs");
    return o->set(models, setting, catalog);
}

Status enter_beat(StepModels& models, const LessonStep& step, int from, int to,
                  const Catalog& catalog) {
    const StepOps* o = find_ops(step.id);
    if (o == nullptr || step.beats.empty()) return Ok{};
    const int last = static_cast<int>(step.beats.size()) - 1;
    to = to < 0 ? 0 : (to > last ? last : to);
    int first = to;
    if (from < 0 || to != from + 1) {
        o->reset(models, catalog);
        first = 0;
    }
    for (int b = first; b <= to; ++b) {
        for (const Setting& s : step.beats[static_cast<size_t>(b)].settings) {
            Status st = o->set(models, s, catalog);
            if (!st)
                return make_error(step.id + ", beat " + std::to_string(b + 1) + ": " +
                                  st.error().message);
        }
    }
    return Ok{};
}

std::string live_value(const StepModels& models, std::string_view step_id, std::string_view name) {
    const StepOps* o = find_ops(step_id);
    return o ? o->value(models, name) : std::string();
}

bool goal_met(const StepModels& models, std::string_view step_id, std::string_view goal) {
    const StepOps* o = find_ops(step_id);
    return o != nullptr && o->goal(models, goal);
}

std::vector<std::string> example_instance_types(const LessonStep& step) {
    std::vector<std::string> out;
    auto add = [&out](std::string_view name) {
        if (!name.empty() && std::find(out.begin(), out.end(), name) == out.end())
            out.emplace_back(name);
    };
    if (const StepInfo* info = find_step_info(step.id)) add(info->example_type);
    for (const LessonBeat& b : step.beats) {
        for (const Setting& s : b.settings) {
            if (s.name == "type" && s.is_text) add(s.text);
        }
    }
    return out;
}

std::string render_live(const Lessons& lessons, const StepModels& models, std::string_view step_id,
                        std::string_view text, Terms terms) {
    std::string out;
    for (const TextSpan& s : parse_live_text(render_terms(lessons, text, terms))) {
        if (s.kind == TextSpan::Kind::Plain || s.kind == TextSpan::Kind::Point) {
            out += s.text;
        } else {
            out += live_value(models, step_id, s.name);
        }
    }
    return out;
}

std::string render_beat(const Lessons& lessons, const LessonStep& step, int beat, Terms terms,
                        const Catalog& catalog) {
    if (beat < 0 || static_cast<size_t>(beat) >= step.beats.size()) return {};
    StepModels models;  // only this step's model is made: enter_beat from -1 resets it
    (void)enter_beat(models, step, -1, beat, catalog);
    return render_live(lessons, models, step.id, step.beats[static_cast<size_t>(beat)].text, terms);
}

}  // namespace core
