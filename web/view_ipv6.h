// view_ipv6.h: step "ipv6": draws core::Ipv6Step, one room that must run a number of desks
// in a small building, on a campus built with the classic phone system (IPv4) or the new one
// (IPv6). The figure comes first: the room (its phone panels, or its one /80 and its desks up
// to kubelet's limit), the building's IPv4 addresses, and on the egress beat the way a call
// from an IPv6 desk reaches an IPv4-only service. Then the switches that change it.
#pragma once

#include "context.h"
#include "steps/ipv6.h"

namespace web {

// What the view keeps of its own: until when a freshly built campus flashes.
struct Ipv6Ui {
    double built_until_ms = 0;
};

// Draws the step's model and hands the learner's changes to core.
ViewOut draw_ipv6(const ViewContext& ctx, core::Ipv6Step& model, Ipv6Ui& ui);

}  // namespace web
