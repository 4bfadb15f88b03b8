// view_custom.h: step "custom-networking": one room (node) in a node building, its desks'
// addresses taken from a second building named by an ENIConfig; turning it on means
// replacing the room; max-pods must be lowered or desks wait in ContainerCreating.
#pragma once

#include <string>

#include "cluster.h"
#include "context.h"

namespace web {

struct CustomNetworkingView {
    bool initialized = false;
    int type = 0;           // index into the room types offered (m5.large first)
    bool custom = false;    // AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG as the learner set it
    int pod_subnet = 0;     // index into the ENIConfig subnets offered
    core::Cluster cluster;  // the model the buttons act on
    int generation = 1;     // the room is "node-<generation>"; replacing it counts up
    int unscheduled = 0;    // desks the scheduler could not place (Too many pods)
    std::string message;    // what the last action did, in words
    std::string code;       // its AWS or kubelet code, "" if none
    bool failed = false;    // the last action met a refusal
};

// Draws the view; false if it has nothing to draw (the step shows its text alone).
ViewOut draw_custom(const ViewContext& ctx, CustomNetworkingView& view);

}  // namespace web
