// why_it_matters.h: step "why-it-matters": who can call whom, and who the callee sees.
//
// Desk web-1 in room A1 (building A of core/traffic's example campus, VPC CNI) calls one of
// seven callees, from a desk in its own room to a web server on the internet. Each call is
// traced hop by hop (trace_call); the step builds up from calls inside the campus, which
// arrive as they are, to calls leaving it, where the room swaps the caller (SNAT) and the NAT
// gateway swaps it again. Then the settings that change that: AWS_VPC_K8S_CNI_EXTERNALSNAT,
// AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS and security groups for pods.
//
//   core::WhyItMatters m = core::make_why_it_matters(catalog);
//   core::call(m, core::Callee::Internet);
//   core::step_value(m, "seen");   // "198.51.100.20", the NAT gateway's Elastic IP
#pragma once

#include <string>
#include <string_view>

#include "catalog.h"
#include "steps/campus.h"
#include "steps/step_info.h"
#include "traffic.h"

namespace core {

// Which of the example ranges AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS lists.
enum class SnatExclude { None, Peered, Internet };

// Whom web-1 calls, and the settings the call runs under.
struct CallChoice {
    Callee callee = Callee::SameNode;
    bool external_snat = false;  // AWS_VPC_K8S_CNI_EXTERNALSNAT=true
    SnatExclude exclude = SnatExclude::None;
    bool own_groups = false;  // every desk with its own security groups (strict mode)
};

struct WhyItMatters {
    TrafficCampuses campuses;  // its vpc and vpc_own_groups campuses are used
    CallChoice choice;
    bool show_settings = false;  // the settings are on screen (once the text has named them)
    TrafficPath path;            // web-1's call as things stand
    std::string message;         // why the campus or the call could not be made ("" if fine)
};

// What the step offers its lesson: knobs callee, externalsnat, exclude, groups, settings;
// values, parts and goals as listed in why_it_matters.cpp.
// Sets a knob (a beat or the learner). An unknown knob or word is an error and changes
// nothing.
// A live value by name ("" for an unknown name): caller, own, callee, calleeip, seen,
// roomext, public, peer, hops.
// True when the goal is met: "swapped" (the callee sees another number than web-1's own),
// "peer-sees-desk" (the peered VPC sees web-1's own number).
const StepCalls<WhyItMatters>& step_calls(StepTag<WhyItMatters>);
// The step's opening state: web-1 calls a desk in its own room, default settings, the
// settings not yet shown.
inline constexpr auto make_why_it_matters = opening_state<WhyItMatters>;
// The learner's hand: another callee or other settings; the call is traced again.
void choose(WhyItMatters& model, const CallChoice& choice);
// web-1 calls another callee, the settings as they are.
void call(WhyItMatters& model, Callee callee);
// The campus the call runs in (with or without security groups for pods).
const TrafficCampus& call_campus(const WhyItMatters& model);
// The range an exclusion choice lists ("" for none): the peered VPC's, the internet server's.
std::string exclude_cidr(const WhyItMatters& model, SnatExclude exclude);
// The name of a callee as the lesson's knob spells it: "same-room", ..., "internet".
const char* callee_key(Callee callee);

}  // namespace core
