// views.cpp: the view dispatch and the widgets several views share.
#include "views.h"

#include <string>

#include "imgui.h"

namespace web {

namespace {

// One entry per view: the lesson's view name and a function that draws it with its state.
// Dispatching through this table (not an if-chain the optimiser inlines into one function)
// keeps each view its own function, so the web build can leave the views that the landing
// step does not draw out of the first download (web/split-keep.txt, docs/size.md).
struct ViewEntry {
    const char* name;
    ViewOut (*draw)(const ViewContext&, Views&, core::StepModels&);
};

// A view that draws its step's model (core/steps/<step_id>.h), with what it keeps of its
// own (animation times).
template <typename Model, typename Ui, ViewOut (*Draw)(const ViewContext&, Model&, Ui&),
          Model core::StepModels::*Member, Ui Views::*UiMember>
ViewOut draw_model(const ViewContext& ctx, Views& views, core::StepModels& models) {
    return Draw(ctx, models.*Member, views.*UiMember);
}

constexpr ViewEntry kViews[] = {
    {"big-picture", draw_model<core::BigPicture, BigPictureUi, draw_big_picture,
                               &core::StepModels::big_picture, &Views::big_picture>},
    {"why-it-matters", draw_model<core::WhyItMatters, WhyItMattersUi, draw_why_it_matters,
                                  &core::StepModels::why_it_matters, &Views::why_it_matters>},
    {"phone-panel", draw_model<core::PhonePanel, PhonePanelUi, draw_phone_panel,
                               &core::StepModels::phone_panel, &Views::phone_panel>},
    {"the-rules", draw_model<core::TheRules, TheRulesUi, draw_the_rules,
                             &core::StepModels::the_rules, &Views::the_rules>},
    {"desk-limit", draw_model<core::DeskLimit, DeskLimitUi, draw_desk_limit,
                              &core::StepModels::desk_limit, &Views::desk_limit>},
    {"prefix-delegation",
     draw_model<core::PrefixDelegation, PrefixDelegationUi, draw_prefix_delegation,
                &core::StepModels::prefix_delegation, &Views::prefix_delegation>},
    {"building-runs-out",
     draw_model<core::BuildingRunsOut, BuildingRunsOutUi, draw_building_runs_out,
                &core::StepModels::building_runs_out, &Views::building_runs_out>},
    {"custom-networking",
     draw_model<core::CustomNetworking, CustomNetworkingUi, draw_custom_networking,
                &core::StepModels::custom_networking, &Views::custom_networking>},
    {"secondary-cidrs", draw_model<core::SecondaryCidrs, SecondaryCidrsUi, draw_secondary_cidrs,
                                   &core::StepModels::secondary_cidrs, &Views::secondary_cidrs>},
    {"warm-pool", draw_model<core::WarmPool, WarmPoolUi, draw_warm_pool,
                             &core::StepModels::warm_pool, &Views::warm_pool>},
    {"security-groups-for-pods",
     draw_model<core::SecurityGroupsForPods, SecurityGroupsForPodsUi, draw_security_groups_for_pods,
                &core::StepModels::security_groups_for_pods, &Views::security_groups_for_pods>},
    {"ipv6", draw_model<core::Ipv6Step, Ipv6Ui, draw_ipv6, &core::StepModels::ipv6, &Views::ipv6>},
    {"choosing", draw_model<core::Choosing, ChoosingUi, draw_choosing, &core::StepModels::choosing,
                            &Views::choosing>},
    {"vpc-cni-vs-overlay",
     draw_model<core::VpcCniVsOverlay, VpcCniVsOverlayUi, draw_vpc_cni_vs_overlay,
                &core::StepModels::vpc_cni_vs_overlay, &Views::vpc_cni_vs_overlay>},
    {"takeaways", draw_model<core::Takeaways, TakeawaysUi, draw_takeaways,
                             &core::StepModels::takeaways, &Views::takeaways>},
};

}  // namespace

ViewOut draw_view(const ViewContext& ctx, Views& views, core::StepModels& models,
                  const std::string& step_id) {
    for (const ViewEntry& e : kViews) {
        if (step_id == e.name) return e.draw(ctx, views, models);
    }
    return ViewOut::nothing();
}

}  // namespace web
