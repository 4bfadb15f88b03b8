// desk_limit.h: step "desk-limit": how many desks fit in a room of any size.
//
// The learner picks a room size (instance type) and reads three counts off one full room:
// the simple count, panels x slots minus one per panel (the pod addresses); kubelet's exact
// max-pods, two more for the built-in desks (host-network pods aws-node and kube-proxy), the
// value a self-managed node gets from the EKS AMI; and, with every desk asking for the same
// CPU and memory, how much of the room's CPU and memory sits idle when the extensions run
// out (or which runs out first). The room holds as many desks as fit: every desk address
// when the addresses run out first, else what the CPU or memory holds.
//
//   core::DeskLimit m = core::make_desk_limit(catalog);
//   core::step_value(m, "capacity");   // "9" on the opening t3.small
//   core::set(m, {"cpu", false, 500, {}}, catalog);
//   core::goal_met(m, "cpu-first");          // true: 4 desks of 500m fill 2 vCPUs
#pragma once

#include <string>
#include <string_view>

#include "catalog.h"
#include "compute.h"
#include "steps/campus.h"
#include "steps/step_info.h"

namespace core {

inline constexpr int kDeskCpuMin = 10, kDeskCpuMax = 4000;         // millicores per desk
inline constexpr int kDeskMemoryMin = 16, kDeskMemoryMax = 16384;  // MiB per desk

struct DeskLimit : DeskRoom {
    int cpu_millis = 100;                // CPU each desk asks for (requests.cpu)
    int memory_mib = 128;                // memory each desk asks for (requests.memory)
    bool exact = false;                  // kubelet's exact count shown (the built-in desks drawn)
    bool compute = false;                // the room's CPU and memory shown
    ComputeUse use;                      // the room's CPU and memory with the desks it holds
    PodLimit limit = PodLimit::Unknown;  // what runs out first with desks of this size
};

// What the step offers its lesson: knobs type, cpu, memory, exact, compute; values, parts
// and goals as listed in desk_limit.cpp.
// Sets a knob: "type" (a room size), "cpu" (millicores per desk), "memory" (MiB per desk),
// "exact" and "compute" (what the picture shows). The room is refilled with as many desks as
// fit. An unknown type or knob, or a number out of range, is an error and changes nothing.
// A live number by name ("" for an unknown name or one the type has no figure for): panels,
// ips, allslots, lost, capacity (desk addresses), maxpods (kubelet's, the AMI's value),
// hostdesks (2), cpu, memory, placed (desks the room holds), cpupct, mempct (of the room's
// CPU and memory they use, rounded), freeexts (desk addresses left free).
// True when the goal is met: "over-50" (the room size fits more than 50 desks), "cpu-first"
// (desks of this size fill the CPU before the extensions run out).
const StepCalls<DeskLimit>& step_calls(StepTag<DeskLimit>);
// The opening state: a full t3.small (or the catalog's first type), desks of 100m and 128 MiB.
inline constexpr auto make_desk_limit = opening_state<DeskLimit>;

}  // namespace core
