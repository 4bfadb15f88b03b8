// knobs.h: setting a step's knobs in the step tests, as a lesson beat does.
//
// A knob is written "name=value": a number (switches 0 or 1), or a word where the value is
// not a number (an instance type, a node group kind, a building):
//   set_knobs(m, "podeni=1 pods=27");                        // each must apply
//   check_beats(m, live, {{"pods=27", "running=18 waiting=9"}});  // knobs, then what they show
//   check_bad_knobs(m, {{"pods=251", "outside 0 to 250"}});    // each must fail, saying why
//   check_goals(m, "full-room=1 more-panels=0");              // goals met and not met
#pragma once

#include <cstdlib>
#include <initializer_list>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include <doctest/doctest.h>

#include "steps/step_info.h"
#include "test_support.h"

// The setting a row "name=value" stands for.
inline core::Setting knob_setting(const std::string& row) {
    const size_t eq = row.find('=');
    REQUIRE_MESSAGE(eq != std::string::npos, row);
    core::Setting s;
    s.name = row.substr(0, eq);
    const std::string value = row.substr(eq + 1);
    char* end = nullptr;
    s.number = std::strtoll(value.c_str(), &end, 10);
    s.is_text = value.empty() || *end != '\0';
    if (s.is_text) {
        s.number = 0;
        s.text = value;
    }
    return s;
}

// Sets each knob of rows ("name=value name=value ...") on the model in turn, with the shipped
// catalog; fails the calling test, naming the row, if one does not apply.
template <class Model>
void set_knobs(Model& model, const std::string& rows) {
    std::istringstream in(rows);
    for (std::string row; in >> row;) {
        CAPTURE(row);
        core::Status st = set(model, knob_setting(row), test_catalog());
        REQUIRE_MESSAGE(st.ok(), (st.ok() ? "" : st.error().message));
    }
}

// True for a step model with a campus of its own (a member `cluster`).
template <class Model, class = void>
struct HasCluster : std::false_type {};
template <class Model>
struct HasCluster<Model, std::void_t<decltype(std::declval<Model>().cluster)>> : std::true_type {};

// Checks that each knob (input "name=value") is refused with a message holding part, and that
// the refusals leave the model's campus as it was (for a model with one) and each member named
// in `kept` as it was, e.g.
//   check_bad_knobs(m, {{"pods=251", "outside"}}, &DeskLimit::type, &DeskLimit::cpu_millis);
template <class Model, class... Kept>
void check_bad_knobs(Model& model, std::initializer_list<MessageRow> rows, Kept... kept) {
    const Model before = model;
    check_messages(
        [&model](const char* row) {
            core::Status st = set(model, knob_setting(row), test_catalog());
            return st.ok() ? std::string("(applied)") : st.error().message;
        },
        rows);
    if constexpr (HasCluster<Model>::value) CHECK(model.cluster == before.cluster);
    [[maybe_unused]] const auto same = [&](auto member) { CHECK(model.*member == before.*member); };
    (same(kept), ...);
}

// What check_values and check_beats read of a step model: its live values (core::step_value).
inline constexpr auto live = [](const auto& model, std::string_view name) {
    return core::step_value(model, name);
};

// Checks a step's goals: rows "goal=1 goal=0 ...", 1 for a goal the model meets, 0 for one it
// does not (as check_values reads them).
template <class Model>
void check_goals(const Model& model, const std::string& rows) {
    const auto met = [](const Model& m, std::string_view goal) {
        return std::string(goal_met(m, goal) ? "1" : "0");
    };
    check_values(model, met, rows);
}

// A beat of a step test: the knobs it sets ("pods=27"), then the values the step must show
// ("running=18 waiting=9", as check_values reads them) and, if given, its goals met or not
// ("full-room=1", as check_goals reads them).
struct BeatRow {
    const char* knobs;
    const char* values;
    const char* goals = nullptr;
};

// For each row in turn: sets its knobs (set_knobs), then checks its values (check_values) and
// goals (check_goals).
template <class Model, class Value>
void check_beats(Model& model, Value value, std::initializer_list<BeatRow> rows) {
    for (const BeatRow& row : rows) {
        CAPTURE(row.knobs);
        set_knobs(model, row.knobs);
        check_values(model, value, row.values);
        if (row.goals != nullptr) check_goals(model, row.goals);
    }
}
