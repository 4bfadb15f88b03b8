// views.h: one interactive view per concept, each holding only UI state.
//
// A lesson step names its view ("desk-limit"); draw_view() dispatches to it. Each view's
// state struct lives in its own header (view_<name>.h) beside its draw function: what the
// learner has chosen there (an instance type, a slider, a copy of the core model they
// play with). All numbers come from core calls.
#pragma once

#include <string>

#include "capacity.h"
#include "exercise_panel.h"
#include "view_comparison.h"
#include "view_custom.h"
#include "view_decision.h"
#include "view_desk_limit.h"
#include "view_exhaustion.h"
#include "view_overlay.h"
#include "view_panel.h"
#include "view_playground.h"
#include "view_prefix.h"
#include "view_rules.h"
#include "view_secondary.h"
#include "view_security_groups.h"
#include "view_traffic.h"
#include "view_warm_pool.h"

namespace web {

struct App;

struct Views {
    OverlayView overlay;
    TrafficView traffic;
    PanelView panel;
    RulesView rules;
    DeskLimitView desk_limit;
    PrefixView prefix;
    ExhaustionView exhaustion;
    CustomNetworkingView custom;
    SecondaryCidrView secondary;
    WarmPoolView warm_pool;
    SecurityGroupsView security_groups;
    DecisionView decision;
    ComparisonView comparison;
    PlaygroundView playground;
    ExercisePanel exercises;
};

// Draws the view named by a lesson step into the current region. False if the view
// drew nothing (the app then shows the step's text alone).
bool draw_view(App& app, const std::string& view);

// Shared widgets ------------------------------------------------------------------------
// A searchable instance-type picker over the whole catalog; true when the choice changed.
bool instance_type_picker(App& app, const char* id, int& type, char* filter, int filter_size);
// Index of a type in the catalog by name, or 0 if absent.
int catalog_index(const App& app, const char* name);
// A "-  3  +" stepper (no typing: phones get no keyboard); true when the value changed.
bool stepper(const char* id, int& value, int lo, int hi);
// "Show the math": the derivation steps from core, as a worked sum.
void show_math(App& app, const core::MaxPods& result, bool& open);

}  // namespace web
