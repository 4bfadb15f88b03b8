// views.h: one interactive view per concept, each holding only UI state.
//
// A lesson step names its view ("desk-limit"); draw_view() dispatches to it. Each view's
// state struct lives in its own header (view_<name>.h) beside its draw function: what the
// learner has chosen there (an instance type, a slider, a copy of the core model they
// play with). All numbers come from core calls.
#pragma once

#include <string>

#include "context.h"
#include "steps/steps.h"
#include "view_building_runs_out.h"
#include "view_choosing.h"
#include "view_comparison.h"
#include "view_custom.h"
#include "view_desk_limit.h"
#include "view_overlay.h"
#include "view_phone_panel.h"
#include "view_playground.h"
#include "view_prefix.h"
#include "view_rules.h"
#include "view_secondary.h"
#include "view_security_groups.h"
#include "view_traffic.h"
#include "view_warm_pool.h"

namespace web {

struct Views {
    OverlayView overlay;
    TrafficView traffic;
    RulesView rules;
    DeskLimitView desk_limit;
    PrefixView prefix;
    CustomNetworkingView custom;
    SecondaryCidrView secondary;
    WarmPoolView warm_pool;
    SecurityGroupsView security_groups;
    ComparisonView comparison;
    PlaygroundView playground;
    PhonePanelUi phone_panel;
    BuildingRunsOutUi building_runs_out;
    ChoosingUi choosing;
};

// Draws the view named by a lesson step into the current region, with its state from
// `views`. out.drawn is false if the view drew nothing (the step's text then stands alone).
ViewOut draw_view(const ViewContext& ctx, Views& views, core::StepModels& models,
                  const std::string& step_id);

}  // namespace web
