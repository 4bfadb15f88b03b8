// ipv6.h: step "ipv6": a campus built with the new phone system, whose numbers never run out.
//
// One room (a t3.medium to start) must run a number of desks, and its building is small
// (10.0.1.0/26). The learner builds the campus with one of two phone systems, chosen when
// the campus is built and never switched:
// - IPv4 (the VPC CNI's default): every desk takes an IPv4 address from the building, one
//   per slot of the room's ENIs, or sixteen at a time with prefix delegation. The room is
//   run by the cluster model (core/cluster.h), so its ENIs, waiting pods and the building's
//   addresses are exactly what ipamd would do.
// - IPv6 (ENABLE_IPv6, v1.10.0+): ipamd gives the primary ENI one /80 prefix (2^48
//   addresses) and attaches no further ENI for pods; the room takes one IPv4 address from
//   the building, its own. Desks are limited by kubelet's max-pods only: on a managed node
//   group the max-pods calculator's value capped at 110/250, on self-managed nodes nodeadm's
//   IPv4 formula until someone sets max-pods by hand (core/capacity.h
//   default_kubelet_max_pods). A desk reaching an IPv4-only service goes out through a
//   host-local address from 169.254.172.0/22, SNATed to the room's own IPv4 address
//   (ENABLE_V4_EGRESS, v1.15.1+, on by default).
// The facts and their sources: docs/vpc-cni-today.md, section IPv6.
//
//   core::Ipv6Step m = core::make_ipv6_step(catalog);
//   core::set(m, {"family", true, 0, "ipv6"}, catalog);   // a new campus, built with IPv6
//   core::step_value(m, "running");                       // "40"
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "capacity.h"
#include "catalog.h"
#include "cluster.h"
#include "steps/step_info.h"

namespace core {

// The phone system a campus is built with (the cluster's IP family).
enum class IpFamily { Ipv4, Ipv6 };

struct Ipv6Step {
    InstanceType type;                                  // the room's size; t3.medium to start
    IpFamily family = IpFamily::Ipv4;                   // chosen when the campus is built
    bool prefix_delegation = false;                     // IPv4 only (IPv6 always delegates)
    NodeGroupKind node_group = NodeGroupKind::Managed;  // who sets kubelet's max-pods
    int max_pods_by_hand = 0;                           // 0: as the node group sets it
    int want = 40;                                      // desks the room must run
    // IPv4: the room in its building, run with `want` desks. IPv6: the building alone, with
    // the one IPv4 address the room holds in it (the room's main extension).
    Cluster campus;
    std::string message;  // why the last change was refused, "" if none
};

// The room as the step shows it, in either phone system (numbers from the models).
struct Ipv6Room {
    bool built = false;      // false: the campus could not be built (message says why)
    long long max_pods = 0;  // kubelet's max-pods in effect
    bool by_hand = false;    // max-pods was set by hand
    MaxPodsSource source = MaxPodsSource::Nodeadm;  // who set it, when not by hand
    int running = 0;                                // desks with an address
    int waiting = 0;              // admitted, waiting in ContainerCreating for an address
    int refused = 0;              // not admitted: kubelet's max-pods (2 host-network pods count)
    int panels = 0;               // ENIs attached
    int max_panels = 0;           // ENIs the instance type allows
    long long pod_addresses = 0;  // addresses for desks the room can ever hold
    int desk_slots = 0;           // IPv4 without prefixes: desks the slots hold
    int building_blocks = 0;      // IPv4: whole /28 blocks the building offers the room
    long long building_free = 0;  // addresses free in the building now
    long long building_used = 0;  // IPv4 addresses the room holds in the building
    ErrorCode wait_code = ErrorCode::None;  // the AWS code waiting desks got
    std::string node_ipv4;                  // the room's main extension (primary IPv4 address)
    std::string prefix;                     // IPv6: the /80 on the primary ENI
    std::string desk_ipv6;                  // IPv6: the first desk's address
    std::string desk_local;                 // IPv6: the first desk's host-local IPv4 address
    std::string service;                    // an IPv4-only service in another VPC
};

// What the step offers its lesson: knobs family, pd, nodegroup, maxpods, want, type; values,
// parts and goals as listed in ipv6.cpp.
// Sets a knob (a beat or the learner): "family" builds a new campus with that phone system
// ("ipv4", "ipv6"); "pd" (IPv4 only), "nodegroup" ("managed", "self-managed"; clears a
// max-pods set by hand), "maxpods" (by hand, 0: as the node group sets it), "want" (desks)
// and "type" rebuild the campus. A change AWS refuses (IPv6 on a type without prefix
// delegation, prefix delegation in an IPv6 campus) is an error and changes nothing.
// A live value of the step by name ("" for an unknown name): want, free, running, waiting,
// refused, maxpods, nodeadm, managed, cap, deskslots, blocks, panels, v4used, prefixlen,
// prefix, v6addrs, egress, egressaddrs, localnum, mainext.
// True when the goal is met: "fit" (every desk asked for runs), "ipv6" (the campus is built
// with IPv6).
const StepCalls<Ipv6Step>& step_calls(StepTag<Ipv6Step>);
// The step's opening state: an IPv4 campus, a t3.medium of a managed node group, 40 desks.
inline constexpr auto make_ipv6_step = opening_state<Ipv6Step>;
// The room in the campus as built.
Ipv6Room ipv6_room(const Ipv6Step& model);
// What IPv6 mode does not support, one line each with {term} tokens (sources in ipv6.cpp);
// the last names the README and user guide disagreeing on security groups for pods.
std::vector<std::string> ipv6_unsupported(const Ipv6Step& model);
// "ipv4", "ipv6"
const char* ip_family_name(IpFamily family);

}  // namespace core
