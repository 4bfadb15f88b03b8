// draw_campus.h: the shared campus pictures: a node drawn as a room, a subnet as a building.
//
// Views call these to draw core state as it is; no numbers are computed here beyond layout.
//
//   core::Node node = ...;                          // e.g. *core::find_node(cluster, "node-1")
//   web::RoomStyle rs;                              // defaults: the available width
//   ImVec2 used = web::draw_room(ctx, node, rs);    // draws at the cursor, advances it
//
//   web::BuildingStyle bs;
//   bs.cluster = &cluster;                          // optional: tooltips name ENI, node, pod
//   web::draw_building(ctx, *core::find_subnet(cluster.vpc, "subnet-a"), bs);
//
//   web::draw_legend(ctx, web::kLegendRoom);        // colour key, wraps on narrow screens
//
// A room: a rounded white rectangle labelled "room: node-1 (t3.small)" holding one phone
// panel (ENI) per attached ENI, side by side, dark blue. Each panel's first slot is its own
// primary address (orange); the other slots hold secondary IPs given to pods (green), held
// but free (light blue) or nothing yet (grey). With prefix delegation each slot holds a /28
// drawn as a 4x4 grid of 16 cells (pods green, free light blue). A trunk ENI is drawn
// striped and labelled "trunk". ENIs the instance could still attach are dashed outlines.
// Pods waiting for an address are red outlined desks under the panels. Every cell has a
// tooltip with its AWS name and state. Everything scales down (and panels wrap) to fit
// style.max_width.
//
// A building: its name, CIDR and zone, then a grid of its addresses, one row per aligned
// /28 (16 addresses). Without a cluster, cells are coloured by core::AddressUse (reserved
// dark grey, free, single address blue, prefix lilac); with style.cluster, by who holds
// them (core::address_map): ENI addresses orange, pods green, spare light blue, spare
// inside a prefix lilac (a pod in a prefix: green with a lilac rim), others brown. Large
// subnets show one cell per 16 or more addresses, filled in proportion to what is used. Counts
// (usable, used, free, free aligned /28 blocks) come from vpc.h. Hover a cell for its addresses
// and, when a cluster is given, which ENI, node and pod hold them.
//
// Both draw at the current cursor position with the window's draw list, reserve their
// space with ImGui::Dummy and return the size used. They create no ImGui widgets with ids,
// so several can be drawn in one window.
#pragma once

#include <string>

#include "cluster.h"
#include "context.h"
#include "imgui.h"
#include "ipam.h"
#include "steps/campus.h"
#include "vpc.h"

namespace web {

// Colours of the building's addresses (the room uses ui.h's kSlot* colours); light values,
// set_theme (ui.h) swaps them for the dark theme's.
namespace color {
inline ImU32 kAddrReserved = IM_COL32(88, 96, 112, 255);  // AWS-reserved (.0-.3, last)
inline ImU32 kAddrIp = IM_COL32(72, 128, 200, 255);       // a single address (ENI or secondary IP)
inline ImU32 kAddrPrefix = IM_COL32(150, 110, 210, 255);  // inside a delegated /28 prefix
inline ImU32 kAddrOther = IM_COL32(146, 104, 78, 255);    // held by something else (RDS, ...)
inline ImU32 kPending = IM_COL32(200, 50, 50, 255);       // a pod waiting for an address
inline ImU32 kHighlight = IM_COL32(225, 29, 116, 255);    // outline of a highlighted part
inline ImU32 kTrunk = IM_COL32(96, 74, 140, 255);         // a trunk ENI's panel
inline ImU32 kDashed = IM_COL32(150, 162, 184, 255);      // an ENI not attached yet
inline ImU32 kGhostCell = IM_COL32(210, 218, 232, 255);   // its slots
inline ImU32 kAddrFree = IM_COL32(255, 255, 255, 255);    // a free address in a building
}  // namespace color

// Parts of a room that draw_room can outline to point at them (bit flags, combine with |).
enum RoomHighlight : unsigned {
    kHighlightNone = 0,
    kHighlightMainExt = 1u << 0,    // the node's primary IP (slot 0 of the primary ENI)
    kHighlightPanelMain = 1u << 1,  // every ENI's own primary address (slot 0 of each)
    kHighlightPodSlots = 1u << 2,   // the slots that carry pod addresses
    kHighlightPanels = 1u << 3,     // every ENI position, attached or not (the ENI limit)
    kHighlightOnePanel = 1u << 4,   // the slots of the first ENI (the per-ENI slot limit)
    kHighlightHostPods = 1u << 5,   // the two host-network pods by the room's name
};

struct RoomStyle {
    float max_width = 0;     // 0: the available content width
    float cell = 0;          // preferred cell in px (shrunk to fit); 0: 30, or 11 per /28 mini cell
    bool show_title = true;  // "room: node-1 (t3.small)"
    std::string title;       // replaces the automatic title when not empty
    bool show_unattached = true;          // dashed outlines for ENIs not attached yet
    bool show_pending = true;             // a row of red desks for pods waiting for an address
    bool show_host_pods = false;          // two small marks for the host-network pods
    bool tooltips = true;                 // hover tooltips on every cell
    unsigned highlight = kHighlightNone;  // RoomHighlight flags: outlined, the rest paled
    float highlight_strength = 1;         // 0..1: eases the highlight in (beat_ease())
    bool simple = false;    // the simple picture: addresses held for the next desks drawn empty
    std::string fresh_eni;  // an ENI id to flash as just attached ("" none)
    float fresh = 0;        // 0..1: flash strength; while it fades, call platform::request_frame()
};

struct BuildingStyle {
    float max_width = 0;                     // 0: the available content width
    float max_cell = 18;                     // largest cell in px
    const core::Cluster* cluster = nullptr;  // optional: tooltips name holders and pods
    bool show_title = true;   // "building: Building A (subnet-a) 10.0.1.0/24, us-east-1a"
    std::string title;        // replaces the automatic title when not empty
    bool show_counts = true;  // "251 usable, 12 used, 239 free, 13 free /28 blocks"
    bool tooltips = true;
    std::string subtitle;  // replaces the automatic "10.0.1.0/24, us-east-1a" line when not empty
    int lit_use = -1;      // a core::AddressUse whose cells are outlined (-1: none)
};

// Which swatches draw_legend shows (bit flags).
enum LegendItems : unsigned {
    kLegendMainExt = 1u << 0,  // orange: an ENI's own address
    kLegendPod = 1u << 1,      // green: a pod's address
    kLegendWarm = 1u << 2,     // light blue: held, free for the next pod
    kLegendEmpty = 1u << 3,    // grey: an empty slot
    kLegendPrefix = 1u << 4,   // a 4x4 block: a /28 prefix
    kLegendUnattached = 1u << 5,
    kLegendRoom = kLegendMainExt | kLegendPod | kLegendWarm | kLegendEmpty | kLegendUnattached,
    kLegendReserved = 1u << 6,  // building: AWS-reserved
    kLegendAddrFree = 1u << 7,  // building: free
    kLegendAddrIp = 1u << 8,    // building: single addresses
    kLegendAddrPrefix = 1u << 9,
    kLegendAddrOther = 1u << 10,  // building: held by something else (RDS, ...)
    kLegendHostPods = 1u << 11,   // two rings by the room's name: aws-node and kube-proxy
    // A building drawn without a cluster (colours by core::AddressUse).
    kLegendBuilding = kLegendReserved | kLegendAddrFree | kLegendAddrIp | kLegendAddrPrefix,
    // A building drawn with a cluster (colours by who holds each address, as in the room).
    kLegendBuildingHolders = kLegendReserved | kLegendAddrFree | kLegendMainExt | kLegendPod |
                             kLegendWarm | kLegendAddrPrefix,
};

// Draws a node as a room at the cursor; returns the size used (the cursor moves below it).
ImVec2 draw_room(const ViewContext& ctx, const core::Node& node, const RoomStyle& style = {});
// Draws a subnet as a building at the cursor; returns the size used.
ImVec2 draw_building(const ViewContext& ctx, const core::Subnet& subnet,
                     const BuildingStyle& style = {});
// Draws the last `max_events` events of the cluster (newest first) with seq >= since: a
// short label in the current vocabulary ("New phone panel attached") over core's AWS text.
void draw_event_log(const ViewContext& ctx, const core::Cluster& cluster, int max_events,
                    uint64_t since = 0);
// The text with its first letter in upper case ("room size" -> "Room size").
std::string capitalized(std::string text);
// Outlines a rectangle (screen pixels) in the highlight colour: a part of a view that the
// beat or the learner's pointer lights, when it is not part of a room.
void draw_lit_outline(ImVec2 min, ImVec2 max);
// Draws a colour key for the chosen items (LegendItems), wrapping to the available width
// or to max_width when that is narrower (a column beside another drawing).
void draw_legend(const ViewContext& ctx, unsigned items, float max_width = 0);

}  // namespace web
