// view_comparison.h: step "vpc-cni-vs-overlay": the two systems compared row by row;
// selecting a row demonstrates it with numbers from core (the traced calls of
// core/traffic, the VPC addresses a whole cluster takes under each CNI).
#pragma once

#include <string>

#include "context.h"
#include "traffic.h"

namespace web {

inline constexpr int kComparisonRows = 6;

struct ComparisonView {
    bool built = false;
    std::string error;
    core::TrafficCampus campus[3];      // VPC CNI, VPC CNI + security groups for pods, overlay
    int row = 1;                        // the row being demonstrated
    float row_h[kComparisonRows] = {};  // each row's height in the last frame
    int type = -1;                      // catalog index for the address-use row (m5.large)
    char filter[32] = "";
    int nodes = 50;
    int used_type = -1;  // inputs of the cached address counts
    int used_nodes = -1;
    core::CniAddressUse use[2];  // [0] VPC CNI, [1] overlay
    std::string use_error;
};

// Draws the view; false if it has nothing to draw.
ViewOut draw_comparison(const ViewContext& ctx, ComparisonView& view);

}  // namespace web
