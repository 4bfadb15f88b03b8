// secondary_cidrs.h: step "secondary-cidrs": a full campus grows by another number range.
//
// The campus (VPC) opens with its only CIDR block, 10.0.0.0/16, shared out among four
// buildings (subnets). An address bar holds a candidate block, like cidr.xyz: four octets and
// a prefix length the learner drags. Every change of the bar is checked at once against AWS's
// rules for a secondary CIDR (core::check_secondary_cidr: /16 to /28, no overlap, never
// 169.254.0.0/16, one RFC 1918 family, 198.19.0.0/16 never beside RFC 1918, the quota of 5
// blocks, adjustable to 50); Add tries it for real. Accepted blocks grow the campus, and the
// learner can build new buildings in them.
//
//   core::SecondaryCidrs m = core::make_secondary_cidrs();
//   core::set(m, {"prefix", false, 16, {}}, catalog);      // 100.64.0.0/16 on the bar
//   core::apply(m, core::SecondaryCidrsAction::Add);       // the campus has two blocks
//   core::step_value(m, "total");                          // "131,072"
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "catalog.h"
#include "cidr.h"
#include "steps/step_info.h"
#include "vpc.h"

namespace core {

// A block the learner tried to add, and what AWS's rules said.
struct CidrTry {
    Cidr cidr;
    CidrVerdict verdict;
};

struct SecondaryCidrs {
    Vpc vpc;                     // the campus: its blocks (primary first) and buildings
    Ipv4 address;                // the address on the bar, as the learner set it
    int prefix = 10;             // the prefix length on the bar
    std::vector<CidrTry> tried;  // the blocks tried with Add, newest last (the last few)
    std::string message;         // what the last action said in AWS words ("" if nothing)
};

enum class SecondaryCidrsAction {
    Add,          // try the block on the bar as a secondary CIDR
    AddBuilding,  // build a building in the newest block that has room
    StartOver,    // the opening campus, the bar as it is
};

inline constexpr int kBarMinPrefix = 8;   // the bar's prefix handle: /8 ...
inline constexpr int kBarMaxPrefix = 30;  // ... to /30 (AWS takes /16 to /28)
inline constexpr size_t kMaxTries = 8;    // tries kept for the view's list

// What the step offers its lesson: knobs primary, address, prefix, quota and secondaries;
// values, parts and goals as listed in secondary_cidrs.cpp.
// Back to the opening state (the catalog is not used; the generic table passes it).
// Sets a knob: "primary" (the campus's first block: rebuilds it, carved in four buildings),
// "address" (dotted quad on the bar), "prefix" (8 to 30 on the bar), "quota" (5 to 50, not
// below the blocks the campus has), "secondaries" (the campus rebuilt with exactly these
// blocks after its primary: "100.64.0.0/16,100.65.0.0/16", or "none"). Bad input is an error
// and changes nothing.
// A live number or word of the step by name ("" for an unknown name): candidate, prefix,
// size, first, last, primary, start, total, blocks, quota, left, usable, buildings, newest.
// True when the goal is met: "grow" (a secondary block added), "rfc6598" (one from
// 100.64.0.0/10), "refused" (a try refused), "build" (a building in a secondary block),
// "quota-full" (every block of the quota in use).
const StepCalls<SecondaryCidrs>& step_calls(StepTag<SecondaryCidrs>);
// The opening state: 10.0.0.0/16 in four /18 buildings, 100.64.0.0/10 on the bar, quota 5.
SecondaryCidrs make_secondary_cidrs();
// Changes one octet (0 to 3) of the bar's address to value (0 to 255).
Status set_octet(SecondaryCidrs& model, int index, int value);
// Adds the block on the bar, builds a building, or starts over. A refusal changes the campus
// in nothing and is kept in `tried` and `message`.
void apply(SecondaryCidrs& model, SecondaryCidrsAction action);
// The block on the bar: the address with its host bits cleared, and the prefix.
Cidr candidate(const SecondaryCidrs& model);
// What AWS's rules say of the block on the bar now (None: it would be accepted).
CidrVerdict verdict(const SecondaryCidrs& model);
// Octet 0 to 3 of the bar's address.
int octet(const SecondaryCidrs& model, int index);
// Bit 0 (leftmost) to 31 of the bar's address.
bool address_bit(const SecondaryCidrs& model, int index);
// The block a new building goes into: the newest with room for one; nullptr if none has.
const Cidr* building_block(const SecondaryCidrs& model);
// The prefix of the next building in `block`: /18 (a quarter of a /16), or the whole block
// when it is smaller.
int building_prefix(const Cidr& block);

}  // namespace core
