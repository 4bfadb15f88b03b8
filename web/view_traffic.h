// view_traffic.h: step "why-it-matters": pick a caller pod, a callee and the CNI and SNAT
// settings; core/traffic traces the call and the view draws its hops as boxes and arrows,
// with the source address after every hop and a verdict on what the callee sees.
// draw_call_path() is shared with the comparison view.
#pragma once

#include <string>

#include "context.h"
#include "traffic.h"

namespace web {

struct TrafficView {
    bool built = false;
    std::string error;              // the example campus could not be built
    core::TrafficCampus campus[3];  // VPC CNI, VPC CNI + security groups for pods, overlay
    int caller = 0;                 // index into campus[..].pods
    int callee = static_cast<int>(core::Callee::Rds);
    int cni = 0;  // 0 VPC CNI, 1 overlay
    bool security_groups_for_pods = false;
    bool external_snat = false;
    int exclude = 0;        // 0: no EXCLUDE_SNAT_CIDRS, else 1 + index into exclude_snat_choices
    double changed_ms = 0;  // when the call last changed (the path fades in)
};

// Draws the view; false if it has nothing to draw.
ViewOut draw_traffic(const ViewContext& ctx, TrafficView& view);

// Draws a traced call as boxes joined by arrows, wrapping onto more rows when narrow. Each
// box names the hop and the source address the call carries after it; hover for details.
// `fade` (0..1) fades the path in after a change.
void draw_call_path(const ViewContext& ctx, const core::TrafficPath& path, float fade = 1.0f);

}  // namespace web
