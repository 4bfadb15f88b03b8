// view_exhaustion.h: step "building-runs-out": rooms fill one small building until AWS
// refuses (InsufficientFreeAddressesInSubnet); with prefix delegation, scattered single
// addresses break up every aligned /28 (InsufficientCidrBlocks) and a dedicated building
// cures it.
#pragma once

#include <string>
#include <vector>

#include "cluster.h"
#include "context.h"

namespace web {

// What the learner pressed, replayed on a fresh building when a setting changes.
enum class ExhaustionAction : unsigned char {
    AddRoom,
    AddDesks,
    RemoveRoom,
    AddOthers,
    FreeOthers
};

struct ExhaustionView {
    bool initialized = false;
    int size = 2;                           // index into the building sizes (/24 ... /28); 2: /26
    int type = 0;                           // index into the room types offered
    bool prefix_mode = false;               // rooms use prefix delegation
    bool scatter = false;                   // EC2-like spread of single addresses in the building
    bool dedicated = false;                 // cure: the rooms get a building of their own
    bool reserve = false;                   // cure: the upper half is a prefix reservation
    std::vector<ExhaustionAction> actions;  // replayed on a setting change
    core::Cluster cluster;                  // the model the buttons act on
    int next_room = 1;                      // "node-1", "node-2", ...
    int next_other = 1;                     // "other-1", ... labels of held addresses
    std::string message;                    // what the last press did, in words
    std::string code;                       // its AWS error code, "" if none
    bool failed = false;                    // the last press met a refusal
};

// Draws the view; false if it has nothing to draw (the step shows its text alone).
ViewOut draw_exhaustion(const ViewContext& ctx, ExhaustionView& view);

}  // namespace web
