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
    ViewOut (*draw)(const ViewContext&, Views&);
};

template <typename View, ViewOut (*Draw)(const ViewContext&, View&), View Views::*Member>
ViewOut draw_member(const ViewContext& ctx, Views& views) {
    return Draw(ctx, views.*Member);
}

constexpr ViewEntry kViews[] = {
    {"overlay-vs-vpc", draw_member<OverlayView, draw_overlay, &Views::overlay>},
    {"traffic", draw_member<TrafficView, draw_traffic, &Views::traffic>},
    {"panel", draw_member<PanelView, draw_panel, &Views::panel>},
    {"rules", draw_member<RulesView, draw_rules, &Views::rules>},
    {"desk-limit", draw_member<DeskLimitView, draw_desk_limit, &Views::desk_limit>},
    {"prefix-delegation", draw_member<PrefixView, draw_prefix, &Views::prefix>},
    {"subnet-exhaustion", draw_member<ExhaustionView, draw_exhaustion, &Views::exhaustion>},
    {"custom-networking", draw_member<CustomNetworkingView, draw_custom, &Views::custom>},
    {"secondary-cidrs", draw_member<SecondaryCidrView, draw_secondary, &Views::secondary>},
    {"warm-pool", draw_member<WarmPoolView, draw_warm_pool, &Views::warm_pool>},
    {"security-groups",
     draw_member<SecurityGroupsView, draw_security_groups, &Views::security_groups>},
    {"decision-guide", draw_member<DecisionView, draw_decision, &Views::decision>},
    {"cni-comparison", draw_member<ComparisonView, draw_comparison, &Views::comparison>},
    {"playground", draw_member<PlaygroundView, draw_playground, &Views::playground>},
};

}  // namespace

ViewOut draw_view(const ViewContext& ctx, Views& views, const std::string& view) {
    for (const ViewEntry& e : kViews) {
        if (view == e.name) return e.draw(ctx, views);
    }
    return ViewOut::nothing();
}

}  // namespace web
