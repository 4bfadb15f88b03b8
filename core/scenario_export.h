// scenario_export.h: a running campus written back as a scenario, and compact JSON for links.
//
// scenario_from_cluster() describes a Cluster the way scenario.h's format does: the VPC's
// CIDRs, its subnets, one node group per run of alike nodes, the pods each group runs and
// the addresses held by others. A scenario is a recipe, not a snapshot: build_cluster() of
// the result gives a campus with the same nodes, settings and pod counts, while addresses
// and the event log may differ (pods are placed group by group).
//
// Node groups. build_cluster names a group's nodes "<group>-1", "<group>-2", ... and deals
// the group's pods round-robin. So nodes named g-1 .. g-n in a row, with the same type,
// subnet and settings and pod counts that round-robin would give (non-increasing, at most
// one apart), become group g with count n; a node named g-1 alone becomes group g. Any
// other node becomes a group named after itself (rebuilt, it is called "<name>-1").
#pragma once

#include <string>
#include <string_view>

#include "catalog.h"
#include "cluster.h"
#include "result.h"
#include "scenario.h"

namespace core {

// The cluster as a scenario with this name (validated; the error names what cannot be
// written, e.g. a name longer than a group name may be).
Result<Scenario> scenario_from_cluster(const Cluster& cluster, std::string_view name,
                                       const Catalog& catalog);
// The scenario as one line of JSON without the keys that hold their default value
// (load_scenario of the result gives back an equal Scenario); for share links.
std::string save_scenario_compact(const Scenario& scenario);
// A node-group name no node of the cluster starts with yet: "node-a", "node-b", ... The
// playground names each new room "<that>-1", so every room exports as its own group.
std::string next_group_name(const Cluster& cluster);

}  // namespace core
