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

// A view that draws its step's model (core/steps/<step_id>.h), the StepModels member Member,
// with what it keeps of its own (animation times), the Views member UiMember.
template <auto Draw, auto Member, auto UiMember>
ViewOut draw_model(const ViewContext& ctx, Views& views, core::StepModels& models) {
    return Draw(ctx, models.*Member, views.*UiMember);
}

using S = core::StepModels;
using V = Views;
constexpr ViewEntry kViews[] = {
    {"big-picture", draw_model<draw_big_picture, &S::big_picture, &V::big_picture>},
    {"why-it-matters", draw_model<draw_why_it_matters, &S::why_it_matters, &V::why_it_matters>},
    {"phone-panel", draw_model<draw_phone_panel, &S::phone_panel, &V::phone_panel>},
    {"the-rules", draw_model<draw_the_rules, &S::the_rules, &V::the_rules>},
    {"desk-limit", draw_model<draw_desk_limit, &S::desk_limit, &V::desk_limit>},
    {"prefix-delegation",
     draw_model<draw_prefix_delegation, &S::prefix_delegation, &V::prefix_delegation>},
    {"building-runs-out",
     draw_model<draw_building_runs_out, &S::building_runs_out, &V::building_runs_out>},
    {"custom-networking",
     draw_model<draw_custom_networking, &S::custom_networking, &V::custom_networking>},
    {"secondary-cidrs", draw_model<draw_secondary_cidrs, &S::secondary_cidrs, &V::secondary_cidrs>},
    {"warm-pool", draw_model<draw_warm_pool, &S::warm_pool, &V::warm_pool>},
    {"security-groups-for-pods",
     draw_model<draw_security_groups_for_pods, &S::security_groups_for_pods,
                &V::security_groups_for_pods>},
    {"ipv6", draw_model<draw_ipv6, &S::ipv6, &V::ipv6>},
    {"choosing", draw_model<draw_choosing, &S::choosing, &V::choosing>},
    {"vpc-cni-vs-overlay",
     draw_model<draw_vpc_cni_vs_overlay, &S::vpc_cni_vs_overlay, &V::vpc_cni_vs_overlay>},
    {"takeaways", draw_model<draw_takeaways, &S::takeaways, &V::takeaways>},
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
