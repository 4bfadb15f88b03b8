// view_secondary.h: step "secondary-cidrs": a campus (VPC) whose primary CIDR is full of
// buildings; the learner adds secondary CIDR blocks (core accepts or refuses each with
// AWS's rule) and builds new buildings in them, watching the usable addresses grow.
#pragma once

#include <string>
#include <vector>

#include "context.h"
#include "vpc.h"

namespace web {

struct SecondaryCidrView {
    bool initialized = false;
    int primary = 0;                   // index into the primary CIDRs offered
    int new_size = 1;                  // index into the sizes offered for new buildings
    core::Vpc vpc;                     // the model the buttons act on
    std::vector<std::string> results;  // per candidate: what core said ("" untried)
    std::vector<bool> accepted;        // per candidate: added to the VPC
    int next_building = 0;             // letters for new buildings' names
    std::string message;               // what the last press did
    bool failed = false;
};

// Draws the view; false if it has nothing to draw (the step shows its text alone).
ViewOut draw_secondary(const ViewContext& ctx, SecondaryCidrView& view);

}  // namespace web
