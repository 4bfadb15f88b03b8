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
#include "view_big_picture.h"
#include "view_building_runs_out.h"
#include "view_choosing.h"
#include "view_custom_networking.h"
#include "view_desk_limit.h"
#include "view_ipv6.h"
#include "view_phone_panel.h"
#include "view_prefix_delegation.h"
#include "view_secondary_cidrs.h"
#include "view_security_groups_for_pods.h"
#include "view_takeaways.h"
#include "view_the_rules.h"
#include "view_vpc_cni_vs_overlay.h"
#include "view_warm_pool.h"
#include "view_why_it_matters.h"

namespace web {

struct Views {
    PhonePanelUi phone_panel;
    Ipv6Ui ipv6;
    BigPictureUi big_picture;
    WhyItMattersUi why_it_matters;
    VpcCniVsOverlayUi vpc_cni_vs_overlay;
    TheRulesUi the_rules;
    DeskLimitUi desk_limit;
    WarmPoolUi warm_pool;
    SecondaryCidrsUi secondary_cidrs;
    TakeawaysUi takeaways;
    PrefixDelegationUi prefix_delegation;
    CustomNetworkingUi custom_networking;
    SecurityGroupsForPodsUi security_groups_for_pods;
    BuildingRunsOutUi building_runs_out;
    ChoosingUi choosing;
};

// Draws the view named by a lesson step into the current region, with its state from
// `views`. out.drawn is false if the view drew nothing (the step's text then stands alone).
ViewOut draw_view(const ViewContext& ctx, Views& views, core::StepModels& models,
                  const std::string& step_id);

}  // namespace web
