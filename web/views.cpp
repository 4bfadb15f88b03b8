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

// A view that keeps its own state in web (a step not yet moved to core/steps).
template <typename View, ViewOut (*Draw)(const ViewContext&, View&), View Views::*Member>
ViewOut draw_member(const ViewContext& ctx, Views& views, core::StepModels&) {
    return Draw(ctx, views.*Member);
}

// A view that draws its step's model (core/steps/<step_id>.h), with what it keeps of its
// own (animation times).
template <typename Model, typename Ui, ViewOut (*Draw)(const ViewContext&, Model&, Ui&),
          Model core::StepModels::*Member, Ui Views::*UiMember>
ViewOut draw_model(const ViewContext& ctx, Views& views, core::StepModels& models) {
    return Draw(ctx, models.*Member, views.*UiMember);
}

constexpr ViewEntry kViews[] = {
    {"big-picture", draw_member<OverlayView, draw_overlay, &Views::overlay>},
    {"why-it-matters", draw_member<TrafficView, draw_traffic, &Views::traffic>},
    {"phone-panel", draw_model<core::PhonePanel, PhonePanelUi, draw_phone_panel,
                               &core::StepModels::phone_panel, &Views::phone_panel>},
    {"the-rules", draw_member<RulesView, draw_rules, &Views::rules>},
    {"desk-limit", draw_member<DeskLimitView, draw_desk_limit, &Views::desk_limit>},
    {"prefix-delegation", draw_member<PrefixView, draw_prefix, &Views::prefix>},
    {"building-runs-out",
     draw_model<core::BuildingRunsOut, BuildingRunsOutUi, draw_building_runs_out,
                &core::StepModels::building_runs_out, &Views::building_runs_out>},
    {"custom-networking", draw_member<CustomNetworkingView, draw_custom, &Views::custom>},
    {"secondary-cidrs", draw_member<SecondaryCidrView, draw_secondary, &Views::secondary>},
    {"warm-pool", draw_member<WarmPoolView, draw_warm_pool, &Views::warm_pool>},
    {"security-groups-for-pods",
     draw_member<SecurityGroupsView, draw_security_groups, &Views::security_groups>},
    {"choosing", draw_model<core::Choosing, ChoosingUi, draw_choosing, &core::StepModels::choosing,
                            &Views::choosing>},
    {"vpc-cni-vs-overlay", draw_member<ComparisonView, draw_comparison, &Views::comparison>},
    {"takeaways", draw_member<PlaygroundView, draw_playground, &Views::playground>},
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
