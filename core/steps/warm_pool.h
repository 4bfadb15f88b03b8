// warm_pool.h: step "warm-pool": the spare extensions the receptionist (ipamd) keeps ready.
//
// One room (a t3.small to start) with the VPC CNI's default settings: the learner adds a desk
// and finds two phone panels for one desk (WARM_ENI_TARGET=1 keeps one panel's worth of spare
// extensions), then changes the four settings that size the warm pool (WARM_ENI_TARGET,
// WARM_IP_TARGET, MINIMUM_IP_TARGET, WARM_PREFIX_TARGET) and prefix delegation, sees the pool
// stop at kubelet's max-pods, and watches spares go back as desks leave. Every change goes to
// the running node (core::set_node_config), so the event log says what ipamd did and why;
// prefix delegation and the room size replace the node with the same desks, as on AWS.
//
//   core::WarmPool m = core::make_warm_pool(catalog);
//   core::apply(m, core::DeskAction::AddDesk);
//   core::step_value(m, "panels");   // "2": two panels for one desk
#pragma once

#include "steps/campus.h"
#include "steps/step_info.h"

namespace core {

// One room of desks (campus.h DeskRoom); the learner's hand is campus.h DeskAction (add a
// desk, remove one, start over).
struct WarmPool : DeskRoom {};

// What the step offers its lesson: knobs type, pods, warmeni, warmip, minip, warmprefix,
// prefix; values, parts and goals as listed in warm_pool.cpp.
// Sets a knob: "type" and "prefix" replace the room (same desks); "pods" adds or removes
// desks one by one; "warmeni", "warmip", "minip", "warmprefix" change the running room's
// setting. An unknown type or knob, a value out of range or a setting the room refuses is an
// error and changes nothing.
// A live number by name ("" for an unknown name): pods, panels (attached), maxpanels, slots
// (desk slots per panel), held (desk addresses the room holds), free (spare), blocks (/28
// prefixes), maxpods, warmeni, warmip, minip, warmprefix, need (WARM_ENI_TARGET x slots: the
// spares it asks for), threshold ((WARM_ENI_TARGET + 1) x slots: spares before a panel goes).
// True when the goal is met: "two-panels" (one desk, two panels), "lean" (WARM_IP_TARGET set
// and at most 2 spare), "panel-back" (a panel was detached since the beat began).
const StepCalls<WarmPool>& step_calls(StepTag<WarmPool>);
// The opening state: an empty t3.small (or the catalog's first type) with the default
// settings (WARM_ENI_TARGET 1, WARM_PREFIX_TARGET 1 as the shipped manifest has them).
inline constexpr auto make_warm_pool = opening_state<WarmPool>;

}  // namespace core
