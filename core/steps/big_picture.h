// big_picture.h: step "big-picture": one call, followed hop by hop, through two ways of giving
// desks their numbers.
//
// On the left an overlay CNI (the "private intercom"): desks get private numbers that only
// the cluster knows, and a switchboard in every room wraps or swaps their calls. On the right
// the VPC CNI (the "direct-line system"): desks get real numbers of their building, and calls
// go straight. Desk web-1 in room A1 calls either a desk in room A2 or the RDS database; the
// learner steps the call along one hop at a time on both sides at once. Every address and
// every hop comes from core/traffic's example campus.
//
//   core::BigPicture m = core::make_big_picture(catalog);
//   core::apply(m, core::BigPictureAction::Step);     // both calls one hop further
//   core::step_value(m, "vpcseen");                   // what the callee sees, once arrived
#pragma once

#include <string>
#include <string_view>

#include "catalog.h"
#include "steps/step_info.h"
#include "traffic.h"

namespace core {

// Whom web-1 calls.
enum class BigPictureCall { ToDesk, ToDatabase };

// One way of giving desks numbers, with the two calls traced through it.
struct BigPictureSide {
    TrafficCampus campus;
    TrafficPath to_desk;      // web-1 in room A1 calls a desk in room A2
    TrafficPath to_database;  // web-1 calls the RDS database
};

struct BigPicture {
    BigPictureSide overlay;  // an overlay CNI
    BigPictureSide vpc;      // the VPC CNI
    BigPictureCall call = BigPictureCall::ToDesk;
    int hop = 0;          // where both calls are: 0 at the caller, last_hop() arrived
    std::string message;  // why the campus could not be built ("" if it was)
};

enum class BigPictureAction {
    Step,          // both calls one hop further (nothing once they have arrived)
    StepBack,      // one hop back
    StartOver,     // back to the caller
    CallDesk,      // the call goes to a desk in another room, from the start
    CallDatabase,  // the call goes to the RDS database, from the start
};

// What the step offers its lesson: knobs call ("desk", "database") and hop; values, parts
// and goals as listed in big_picture.cpp.
// Sets a knob: "call" chooses the callee and starts the call over; "hop" puts both calls at
// that hop. A hop past the call's end, or an unknown knob, is an error and changes nothing.
// A live value by name ("" for an unknown name): hop, hops, caller, callee, overlaydesk,
// overlayrange, overlayroom, vpcdesk, vpcbuilding, overlayseen, vpcseen.
// True when the goal is met: "desk-call-arrived", "database-call-arrived".
const StepCalls<BigPicture>& step_calls(StepTag<BigPicture>);
// The step's opening state: the call to a desk, at the caller.
inline constexpr auto make_big_picture = opening_state<BigPicture>;
// The learner's hand: step, step back, start over, choose the callee.
void apply(BigPicture& model, BigPictureAction action);
// The call shown on one side.
const TrafficPath& shown_call(const BigPicture& model, const BigPictureSide& side);
// The last hop of the longer of the two calls (both are at it once they have arrived).
int last_hop(const BigPicture& model);
// True once both calls have reached their callee.
bool arrived(const BigPicture& model);
// The hop a side's call is at (a shorter call waits at its callee).
int side_hop(const BigPicture& model, const BigPictureSide& side);

}  // namespace core
