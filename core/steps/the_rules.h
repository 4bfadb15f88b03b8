// the_rules.h: step "the-rules": the four rules that decide how many desks fit in a room.
//
// One room (a t3.small to start) that the learner fills with desks (pods) until kubelet
// refuses one, then reads the rules off the picture: the room keeps its main extension
// (the node's primary IP); desks share the other slots; the room size (instance type) sets
// how many phone panels (ENIs) the wall takes and how many slots each has; and, stricter,
// every panel keeps its first slot for its own number, so a room loses one slot per panel.
// The pool is the simple one (campus.h simple_pool_config): the warm pool comes later.
//
//   core::TheRules m = core::make_the_rules(catalog);
//   core::apply(m, core::DeskAction::AddDesk);
//   core::step_value(m, "allslots");   // "12": 3 panels x 4 slots
#pragma once

#include "steps/campus.h"
#include "steps/step_info.h"

namespace core {

// One room of desks (campus.h DeskRoom); the learner's hand is campus.h DeskAction (add a
// desk, remove one, start over).
struct TheRules : DeskRoom {};

// What the step offers its lesson: knobs type (an instance type) and pods; values, parts and
// goals as listed in the_rules.cpp.
// Sets a knob: "type" rebuilds the room empty, "pods" rebuilds it with that many desks (as
// many as fit). An unknown type or knob, or a number out of range, is an error and changes
// nothing.
// A live number by name ("" for an unknown name): pods (desks in the room), panels
// (attached), maxpanels (the type's limit), ips (slots per panel), allslots (every slot of
// every panel), lost (slots no desk may take: one per panel), deskslots (slots per panel a
// desk may take), capacity (desks the room can hold).
// True when the goal is met: "full-room" (every slot a desk may take is taken), "more-panels"
// (the room size takes more than 3 panels).
const StepCalls<TheRules>& step_calls(StepTag<TheRules>);
// The step's opening state: an empty t3.small (or the catalog's first type if it lacks one).
inline constexpr auto make_the_rules = opening_state<TheRules>;

}  // namespace core
