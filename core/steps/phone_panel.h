// phone_panel.h: step "phone-panel": one room whose desks take extensions one by one.
//
// The learner adds and removes desks (pods) in one room (a t3.small to start) and watches
// them take the slots of its phone panels (ENIs). This step shows the simple picture the
// text teaches first: the next panel is attached when the attached ones are full
// (WARM_IP_TARGET=1 in the model: one address kept ready), and the addresses ipamd holds
// for the next desks are drawn as empty slots. The warm pool comes in step "warm-pool".
//
//   core::PhonePanel m = core::make_phone_panel(catalog);
//   core::apply(m, core::DeskAction::AddDesk);
//   core::step_value(m, "panels");   // "1"
#pragma once

#include "steps/campus.h"
#include "steps/step_info.h"

namespace core {

// The room (a t3.small to start) with the simple pool (campus.h simple_pool_config).
// The learner's hand: campus.h DeskAction (add a desk, remove one, start over).
struct PhonePanel : DeskRoom {};

// What the step offers its lesson: knobs type (an instance type) and pods; values, parts
// and goals as listed in phone_panel.cpp.
// Sets a knob (a lesson beat or the learner): "type" rebuilds the room empty, "pods" rebuilds
// it with that many desks. An unknown type or knob is an error and changes nothing.
// A live number of the step by name ("" for an unknown name): pods, panels, maxpanels,
// ips, deskslots, capacity, maxpods.
// True when the goal is met: "second-panel" (a second panel is attached), "full-room"
// (every slot of every panel the room can hold is taken).
const StepCalls<PhonePanel>& step_calls(StepTag<PhonePanel>);
// The step's opening state: an empty t3.small (or the catalog's first type if it lacks one).
inline constexpr auto make_phone_panel = opening_state<PhonePanel>;

}  // namespace core
