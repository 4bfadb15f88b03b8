// view_overlay.h: step "big-picture": an overlay CNI beside the VPC CNI. One call goes from
// a pod in room A to a pod in room B, then to RDS; in the overlay picture it passes the
// switchboard, which wraps or translates it, in the VPC CNI picture it goes straight.
// Every address comes from core/traffic's example campus.
#pragma once

#include <string>

#include "context.h"
#include "traffic.h"

namespace web {

struct OverlayView {
    bool built = false;
    std::string error;
    core::TrafficCampus campus[2];  // [0] overlay CNI, [1] VPC CNI
    core::TrafficPath calls[2][2];  // [system][0: pod in room B, 1: RDS]
    int show = 2;                   // 0 overlay only, 1 VPC CNI only, 2 both
    double play_ms = -1;            // when "Play the call" was pressed; < 0: not yet
};

// Draws the view; false if it has nothing to draw.
ViewOut draw_overlay(const ViewContext& ctx, OverlayView& view);

}  // namespace web
