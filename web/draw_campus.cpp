// draw_campus.cpp: rooms (nodes) and buildings (subnets) drawn from core state; see
// draw_campus.h for what each picture shows. Only layout is computed here.
#include "draw_campus.h"
#include "format.h"

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <cmath>
#include <string>
#include <unordered_map>
#include <vector>

#include "capacity.h"
#include "cidr.h"
#include "context.h"
#include "event_words.h"
#include "occupancy.h"
#include "ui.h"

namespace web {

namespace {

constexpr ImU32 kPanelLabel = IM_COL32(255, 255, 255, 235);
using color::kAddrFree;
using color::kDashed;
using color::kGhostCell;
using color::kTrunk;
constexpr float kSmall = 13.0f;  // the small font's size

float fi(int v) {
    return static_cast<float>(v);
}

// A dashed rectangle outline (ImDrawList has none).
void dashed_rect(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float dash = 5, float gap = 4) {
    auto line = [&](ImVec2 p, ImVec2 q) {
        float len = std::sqrt((q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y));
        if (len <= 0) return;
        ImVec2 d((q.x - p.x) / len, (q.y - p.y) / len);
        for (float t = 0; t < len; t += dash + gap) {
            float e = std::min(len, t + dash);
            dl->AddLine(ImVec2(p.x + d.x * t, p.y + d.y * t), ImVec2(p.x + d.x * e, p.y + d.y * e),
                        col, 1.2f);
        }
    };
    line(a, ImVec2(b.x, a.y));
    line(ImVec2(b.x, a.y), b);
    line(b, ImVec2(a.x, b.y));
    line(ImVec2(a.x, b.y), a);
}

// Diagonal stripes inside a rectangle (trunk ENIs, slots that may not carry pods).
void stripes(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float step = 6) {
    dl->PushClipRect(a, b, true);
    float h = b.y - a.y;
    for (float x = a.x - h; x < b.x; x += step)
        dl->AddLine(ImVec2(x, b.y), ImVec2(x + h, a.y), col, 1.0f);
    dl->PopClipRect();
}

// True if slot i of the ENI at position p is one of the highlighted parts.
bool slot_lit(unsigned highlight, int p, int i, bool pod_slot) {
    if (highlight & kHighlightPanels) return true;
    if ((highlight & kHighlightMainExt) && p == 0 && i == 0) return true;
    if ((highlight & kHighlightPanelMain) && i == 0) return true;
    if ((highlight & kHighlightPodSlots) && i > 0 && pod_slot) return true;
    if ((highlight & kHighlightOnePanel) && p == 0) return true;
    return false;
}

// Pales a part that is not highlighted.
void dim(ImDrawList* dl, ImVec2 a, ImVec2 b, float strength = 1.0f) {
    const int alpha = static_cast<int>(165.0f * std::clamp(strength, 0.0f, 1.0f));
    dl->AddRectFilled(a, b, (color::kRoom & ~IM_COL32_A_MASK) | (ImU32(alpha) << IM_COL32_A_SHIFT),
                      2);
}

bool hovering(bool enabled, ImVec2 a, ImVec2 b) {
    return enabled && ImGui::IsMouseHoveringRect(a, b, false);
}

// Text drawn only if it fits the width; true if drawn.
bool fitted_text(ImDrawList* dl, ImFont* font, ImVec2 at, float width, ImU32 col,
                 const std::string& s) {
    if (s.empty() || !font) return false;
    ImVec2 sz = font->CalcTextSizeA(kSmall, FLT_MAX, 0, s.c_str());
    if (sz.x > width) return false;
    draw_text(dl, font, kSmall, at, col, s.c_str());
    return true;
}

// The words the tooltip adds in the campus vocabulary (nothing in AWS words).
std::string analogy(const ViewContext& ctx, const std::string& text) {
    if (ctx.aws()) return {};
    return ctx.text(text);
}

struct Tip {
    std::string line;   // AWS name and state
    std::string words;  // the same in campus words (may be empty)
};

// Ends a figure: takes its space in the layout and shows the tip of the cell under the mouse,
// one vocabulary at a time (in campus words the campus line, the AWS line where a cell has
// none; in AWS words the AWS line with its names and addresses). Returns the figure's size.
ImVec2 end_figure(ImVec2 size, const Tip& tip) {
    ImGui::Dummy(size);
    const std::string& text = tip.words.empty() ? tip.line : tip.words;
    if (text.empty()) return size;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
    return size;
}

// The geometry of one room, chosen to fit the width.
struct RoomLayout {
    bool prefixes = false;   // slots hold /28 blocks
    int slots = 0;           // slots per panel, the primary included
    int cols = 1, rows = 1;  // slot grid inside a panel
    float cell = 14;         // a slot (IP mode) or a mini cell (prefix mode)
    float gap = 3;           // between slots
    float block = 0;         // prefix mode: a slot's side (4 mini cells)
    bool minigrid = true;    // prefix mode: draw 16 cells per block (else one summary bar)
    float pad = 5;           // inside a panel
    float header = 18;       // panel label
    float panel_w = 0, panel_h = 0;
    float panel_gap = 8;
    float room_pad = 10;
    float title_h = 0;
    int positions = 0;  // panels drawn (attached + outlines)
    int per_row = 1;
};

float slot_side(const RoomLayout& l) {
    return l.prefixes ? l.block : l.cell;
}

void size_panels(RoomLayout& l) {
    if (l.prefixes) {
        l.block = 4 * l.cell + 3 * (l.cell >= 4 ? 1.0f : 0.0f);
        l.minigrid = l.cell >= 3;
        l.gap = l.cell >= 4 ? 4 : 2;
    } else {
        l.gap = l.cell >= 10 ? 3 : (l.cell >= 6 ? 2 : 1);
    }
    float s = slot_side(l);
    l.pad = l.cell >= 8 || l.prefixes ? 5 : 3;
    float inner_w = fi(l.cols) * s + fi(l.cols - 1) * l.gap;
    float inner_h = fi(l.rows) * s + fi(l.rows - 1) * l.gap;
    l.header = inner_w + 2 * l.pad >= 30 ? 18 : 6;
    l.panel_w = std::max(inner_w + 2 * l.pad, l.header > 6 ? 42.0f : 0.0f);
    l.panel_h = l.header + inner_h + 2 * l.pad;
}

RoomLayout layout_room(const core::Node& node, const RoomStyle& style, float width) {
    RoomLayout l;
    l.prefixes = core::prefix_delegation_active(node.type, node.config);
    l.slots = std::max(1, node.type.ipv4_per_eni);
    l.cols = std::clamp(static_cast<int>(std::ceil(std::sqrt(static_cast<double>(l.slots)))), 1, 8);
    l.rows = (l.slots + l.cols - 1) / l.cols;
    int attached = static_cast<int>(node.enis.size());
    l.positions = style.show_unattached ? std::max(attached, node.type.max_enis) : attached;
    l.positions = std::max(l.positions, 1);
    l.title_h = style.show_title ? 22 : 4;
    const float preferred = style.cell > 0 ? style.cell : (l.prefixes ? 11.0f : 30.0f);
    const float smallest = l.prefixes ? 2.0f : 5.0f;
    const float usable = width - 2 * l.room_pad;
    // The largest cell at which every panel fits on one row; else wrap at a middle size.
    float chosen = -1;
    for (float c = preferred; c >= smallest; c -= 1) {
        l.cell = c;
        size_panels(l);
        if (fi(l.positions) * (l.panel_w + l.panel_gap) - l.panel_gap <= usable) {
            chosen = c;
            break;
        }
    }
    if (chosen < 0) {
        l.cell = std::max(smallest, std::min(preferred, l.prefixes ? 3.0f : 8.0f));
        size_panels(l);
    }
    l.per_row = std::max(1, static_cast<int>((usable + l.panel_gap) / (l.panel_w + l.panel_gap)));
    l.per_row = std::min(l.per_row, l.positions);
    return l;
}

// What holds one address on a node: pod name by address.
using PodIndex = std::unordered_map<uint32_t, const core::Pod*>;

PodIndex index_pods(const core::Node& node) {
    PodIndex pods;
    for (const core::Pod& p : node.pods)
        pods[p.ip.value] = &p;
    return pods;
}

std::string eni_label(const core::Eni& e) {
    return e.id + ", device " + std::to_string(e.device_index);
}

// Draws one prefix slot (a /28 as a 4x4 grid); fills the tip when hovered.
void draw_prefix_slot(const ViewContext& ctx, ImDrawList* dl, const RoomLayout& l, ImVec2 o,
                      const core::Eni& eni, const core::Cidr& prefix, const PodIndex& pods,
                      bool tips, Tip& tip) {
    const float b = l.block;
    int used = 0;
    for (int k = 0; k < core::kAddressesPerPrefix; ++k)
        if (pods.count(prefix.base + static_cast<uint32_t>(k))) ++used;
    std::string prefix_line = "prefix " + core::format_cidr(prefix) + " on " + eni_label(eni) +
                              ": " + std::to_string(used) + " of " +
                              std::to_string(core::kAddressesPerPrefix) + " used";
    if (!l.minigrid) {
        dl->AddRectFilled(o, ImVec2(o.x + b, o.y + b), color::kSlotWarm, 1);
        float h = b * static_cast<float>(used) / fi(core::kAddressesPerPrefix);
        if (used > 0)
            dl->AddRectFilled(ImVec2(o.x, o.y + b - h), ImVec2(o.x + b, o.y + b), color::kSlotDesk,
                              1);
        if (hovering(tips, o, ImVec2(o.x + b, o.y + b))) {
            tip.line = prefix_line;
            tip.words = analogy(ctx, "a {block}: 16 {nums} handed over at once");
        }
        return;
    }
    const float step = l.cell + (l.cell >= 4 ? 1.0f : 0.0f);
    for (int k = 0; k < core::kAddressesPerPrefix; ++k) {
        ImVec2 a(o.x + fi(k % 4) * step, o.y + fi(k / 4) * step);
        ImVec2 z(a.x + l.cell, a.y + l.cell);
        core::Ipv4 ip{prefix.base + static_cast<uint32_t>(k)};
        auto it = pods.find(ip.value);
        dl->AddRectFilled(a, z, it != pods.end() ? color::kSlotDesk : color::kSlotWarm, 1);
        if (hovering(tips, a, ImVec2(z.x + 1, z.y + 1))) {
            tip.line = prefix_line + "\n" + core::format_ipv4(ip) +
                       (it != pods.end() ? " -> pod " + it->second->name : ": free");
            tip.words = analogy(ctx, it != pods.end() ? "a {desk}'s {num} inside a {block}"
                                                      : "a free {num} inside a {block}");
        }
    }
}

// Draws the slots of one attached ENI.
void draw_eni(const ViewContext& ctx, ImDrawList* dl, const RoomLayout& l, ImVec2 po,
              const core::Node& node, const core::Eni& eni, const PodIndex& pods,
              const RoomStyle& style, bool tips, Tip& tip) {
    const bool carries = core::carries_pod_addresses(node, eni);
    const ImVec2 pz(po.x + l.panel_w, po.y + l.panel_h);
    dl->AddRectFilled(po, pz, eni.trunk ? kTrunk : color::kPanel, 5);
    if (eni.trunk) stripes(dl, po, pz, IM_COL32(255, 255, 255, 40), 7);
    if (!style.fresh_eni.empty() && style.fresh_eni == eni.id && style.fresh > 0) {
        int alpha = static_cast<int>(255 * std::clamp(style.fresh, 0.0f, 1.0f));
        dl->AddRect(ImVec2(po.x - 3, po.y - 3), ImVec2(pz.x + 3, pz.y + 3),
                    IM_COL32(240, 164, 60, alpha), 7, 0, 3);
    }
    if (l.header > 6) {
        // AWS words name the ENI; campus words number the panels on the wall.
        std::string label = eni.trunk   ? ctx.text("{trunk}")
                            : ctx.aws() ? eni.id
                                        : "panel " + std::to_string(eni.device_index + 1);
        if (!fitted_text(dl, ctx.fonts.small, ImVec2(po.x + l.pad, po.y + 2), l.panel_w - 2 * l.pad,
                         kPanelLabel, label))
            fitted_text(dl, ctx.fonts.small, ImVec2(po.x + l.pad, po.y + 2), l.panel_w - 2 * l.pad,
                        kPanelLabel, "#" + std::to_string(eni.device_index + 1));
    }
    const std::string who = node.name + " (" + node.type.name + ")";
    const float s = slot_side(l);
    for (int i = 0; i < l.slots; ++i) {
        ImVec2 a(po.x + l.pad + fi(i % l.cols) * (s + l.gap),
                 po.y + l.header + l.pad + fi(i / l.cols) * (s + l.gap));
        ImVec2 z(a.x + s, a.y + s);
        const bool hov = hovering(tips, a, ImVec2(z.x + l.gap, z.y + l.gap));
        if (i == 0) {
            // The ENI's own primary address.
            if (l.prefixes) {
                dl->AddRectFilled(a, z, IM_COL32(255, 255, 255, 30), 2);
                float c = std::max(4.0f, s * 0.45f);
                ImVec2 m(a.x + (s - c) / 2, a.y + (s - c) / 2);
                dl->AddRectFilled(m, ImVec2(m.x + c, m.y + c), color::kSlotMain, 2);
            } else {
                dl->AddRectFilled(a, z, color::kSlotMain, 2);
            }
            if (hov) {
                bool node_ip = eni.device_index == 0;
                tip.line = "primary IP " + core::format_ipv4(eni.primary_ip) + " of " +
                           eni_label(eni) +
                           (node_ip ? ": the node itself (" + who + ")"
                                    : ": the ENI's own address, never a pod's");
                tip.words = analogy(ctx, node_ip ? "the {mainext}" : "this {panel}'s {panelmain}");
            }
            continue;
        }
        const size_t k = static_cast<size_t>(i - 1);
        // A free slot: what it has space for, in AWS words and in campus words.
        const auto empty_slot = [&](const char* space_for, const char* words) {
            dl->AddRectFilled(a, z, color::kSlotFree, 2);
            if (!hov) return;
            tip.line =
                eni_label(eni) + ", slot " + std::to_string(i) + ": empty (" + space_for + ")";
            tip.words = analogy(ctx, words);
        };
        if (eni.trunk || !carries) {
            dl->AddRect(a, z, IM_COL32(255, 255, 255, 70), 2);
            if (hov) {
                tip.line = eni.trunk ? eni_label(eni) +
                                           ": trunk ENI for security groups for pods; it carries "
                                           "no pod addresses (branch ENIs hang off it)"
                                     : eni_label(eni) +
                                           ": with custom networking the primary ENI carries no "
                                           "pod addresses";
                tip.words = analogy(ctx, eni.trunk ? "the {trunk}: no {desk} {exts} here"
                                                   : "no {desk} {exts} on the {firstpanel}");
            }
            continue;
        }
        if (l.prefixes) {
            if (k < eni.prefixes.size()) {
                draw_prefix_slot(ctx, dl, l, a, eni, eni.prefixes[k], pods, tips, tip);
            } else {
                empty_slot("space for one more /28 prefix",
                           "an empty {slot}: space for one {block}");
            }
            continue;
        }
        if (k < eni.ips.size() && (!style.simple || pods.count(eni.ips[k].value) > 0)) {
            core::Ipv4 ip = eni.ips[k];
            auto it = pods.find(ip.value);
            dl->AddRectFilled(a, z, it != pods.end() ? color::kSlotDesk : color::kSlotWarm, 2);
            if (hov) {
                tip.line = eni_label(eni) + ", secondary IP " + core::format_ipv4(ip) +
                           (it != pods.end() ? " -> pod " + it->second->name
                                             : ": held by ipamd, free for the next pod");
                tip.words = analogy(ctx, it != pods.end() ? "a {deskext} in use"
                                                          : "a spare {deskext} in the {pool}");
            }
        } else {
            empty_slot("room for one more secondary IP", "an empty {slot}");
        }
    }
}

// Draws an ENI position the instance could still attach.
void draw_unattached(const ViewContext& ctx, ImDrawList* dl, const RoomLayout& l, ImVec2 po,
                     int position, const core::Node& node, bool tips, Tip& tip) {
    ImVec2 pz(po.x + l.panel_w, po.y + l.panel_h);
    dashed_rect(dl, po, pz, kDashed);
    const float s = slot_side(l);
    for (int i = 0; i < l.slots; ++i) {
        ImVec2 a(po.x + l.pad + fi(i % l.cols) * (s + l.gap),
                 po.y + l.header + l.pad + fi(i / l.cols) * (s + l.gap));
        dl->AddRect(a, ImVec2(a.x + s, a.y + s), kGhostCell, 2);
    }
    if (l.header > 6)
        fitted_text(dl, ctx.fonts.small, ImVec2(po.x + l.pad, po.y + 2), l.panel_w - 2 * l.pad,
                    color::kMuted, "free");
    if (hovering(tips, po, pz)) {
        tip.line = "ENI " + std::to_string(position + 1) + " of " +
                   std::to_string(node.type.max_enis) + " on a " + node.type.name +
                   ": not attached yet (ipamd attaches it when the pool runs short)";
        tip.words = analogy(ctx, "a {panel} the {room} can still take");
    }
}

// The room's title and, when asked, its two host-network desks beside it.
void draw_room_title(const ViewContext& ctx, ImDrawList* dl, const RoomLayout& l, ImVec2 o,
                     ImVec2 oz, const std::string& title, float title_w, const RoomStyle& style,
                     bool tips, Tip& tip) {
    dl->PushClipRect(o, ImVec2(oz.x - 4, oz.y), true);
    draw_text(dl, ctx.fonts.small, kSmall, ImVec2(o.x + l.room_pad, o.y + 5), color::kMuted,
              title.c_str());
    dl->PopClipRect();
    if (!style.show_host_pods) return;
    float x = std::min(o.x + l.room_pad + title_w - 30, oz.x - 34);
    for (int h = 0; h < core::kHostNetworkPods; ++h) {
        ImVec2 c(x + fi(h) * 13 + 5, o.y + 12);
        dl->AddCircle(c, 5, color::kSlotMain, 12, 2);
    }
    if (style.highlight & kHighlightHostPods)
        dl->AddRect(ImVec2(x - 3, o.y + 3), ImVec2(x + 26, o.y + 21), color::kHighlight, 5, 0,
                    2.5f);
    if (hovering(tips, ImVec2(x, o.y + 4), ImVec2(x + 28, o.y + 20))) {
        tip.line =
            "aws-node and kube-proxy: host-network pods on the node's own address; "
            "they count against max-pods";
        tip.words = analogy(ctx, "two {hostdesks} sharing the {mainext}");
    }
}

// Where a panel position and a slot of it are drawn.
ImVec2 panel_at(const RoomLayout& l, ImVec2 base, int p) {
    return ImVec2(base.x + fi(p % l.per_row) * (l.panel_w + l.panel_gap),
                  base.y + fi(p / l.per_row) * (l.panel_h + l.panel_gap));
}
ImVec2 slot_at(const RoomLayout& l, ImVec2 base, int p, int i) {
    const ImVec2 po = panel_at(l, base, p);
    const float s = slot_side(l);
    return ImVec2(po.x + l.pad + fi(i % l.cols) * (s + l.gap),
                  po.y + l.header + l.pad + fi(i / l.cols) * (s + l.gap));
}

// Highlights: the parts a rule is about keep their colours and get an outline; the rest of
// the room is paled. The highlight eases in (style.highlight_strength) when a beat points at
// a new part.
void draw_room_highlights(ImDrawList* dl, const RoomLayout& l, ImVec2 base, const core::Node& node,
                          const RoomStyle& style) {
    const float strength = std::clamp(style.highlight_strength, 0.0f, 1.0f);
    if (style.highlight == kHighlightNone || strength <= 0) return;
    const float s = slot_side(l);
    const ImU32 hl = (color::kHighlight & ~IM_COL32_A_MASK) |
                     (static_cast<ImU32>(255.0f * strength) << IM_COL32_A_SHIFT);
    const int attached = static_cast<int>(node.enis.size());
    for (int p = 0; p < l.positions; ++p) {
        bool pod_panel = true;
        if (p < attached) {
            const core::Eni& e = node.enis[static_cast<size_t>(p)];
            pod_panel = !e.trunk && core::carries_pod_addresses(node, e);
        }
        for (int i = 0; i < l.slots; ++i) {
            ImVec2 a = slot_at(l, base, p, i);
            ImVec2 z(a.x + s, a.y + s);
            if (!slot_lit(style.highlight, p, i, pod_panel)) {
                dim(dl, a, z, strength);
            } else if (!(style.highlight & (kHighlightPanels | kHighlightOnePanel)) &&
                       p < attached) {
                dl->AddRect(ImVec2(a.x - 2, a.y - 2), ImVec2(z.x + 2, z.y + 2), hl, 4, 0, 2.5f);
            }
        }
    }
    if (style.highlight & kHighlightPanels) {
        for (int p = 0; p < l.positions; ++p) {
            ImVec2 po = panel_at(l, base, p);
            dl->AddRect(ImVec2(po.x - 3, po.y - 3),
                        ImVec2(po.x + l.panel_w + 3, po.y + l.panel_h + 3), hl, 7, 0, 3);
        }
    }
    if ((style.highlight & kHighlightOnePanel) && l.positions > 0) {
        ImVec2 a = slot_at(l, base, 0, 0);
        ImVec2 z = slot_at(l, base, 0, l.slots - 1);
        float right = panel_at(l, base, 0).x + l.panel_w - l.pad;
        dl->AddRect(ImVec2(a.x - 3, a.y - 3), ImVec2(right + 3, z.y + s + 3), hl, 5, 0, 3);
    }
}

// Pods waiting for an address, in a row under the panels ("+N" where the row is full).
void draw_room_waiting(const ViewContext& ctx, ImDrawList* dl, ImVec2 at, float right,
                       const core::Node& node, size_t waiting, bool tips, Tip& tip) {
    const float y = at.y;
    std::string label = ctx.text("waiting:");
    draw_text(dl, ctx.fonts.small, kSmall, at, color::kPending, label.c_str());
    float x = at.x +
              (ctx.fonts.small ? ctx.fonts.small->CalcTextSizeA(kSmall, FLT_MAX, 0, label.c_str()).x
                               : 50) +
              6;
    const float c = 12;
    for (size_t i = 0; i < waiting; ++i) {
        if (x + c > right && i + 1 < waiting) {
            std::string more = "+" + std::to_string(waiting - i);
            draw_text(dl, ctx.fonts.small, kSmall, ImVec2(x, y), color::kPending, more.c_str());
            break;
        }
        ImVec2 a(x, y + 2), z(x + c, y + 2 + c);
        dl->AddRect(a, z, color::kPending, 2, 0, 2);
        if (hovering(tips, a, z)) {
            const core::Pod& p = node.pending[i];
            tip.line = "pod " + p.name + ": ContainerCreating, " + p.waiting;
            tip.words = analogy(ctx, "a {desk} waiting for an {ext}");
        }
        x += c + 4;
    }
}

}  // namespace

ImVec2 draw_room(const ViewContext& ctx, const core::Node& node, const RoomStyle& style) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float width =
        std::max(120.0f, style.max_width > 0 ? std::min(style.max_width, avail) : avail);
    const RoomLayout l = layout_room(node, style, width);
    const bool tips = style.tooltips && ImGui::IsWindowHovered();
    const PodIndex pods = index_pods(node);
    Tip tip;

    const int panel_rows = (l.positions + l.per_row - 1) / l.per_row;
    const float panels_w = fi(l.per_row) * (l.panel_w + l.panel_gap) - l.panel_gap;
    const float panels_h = fi(panel_rows) * (l.panel_h + l.panel_gap) - l.panel_gap;
    const size_t waiting = style.show_pending ? node.pending.size() : 0;
    const float pending_h = waiting > 0 ? 26.0f : 0.0f;

    std::string title = style.title;
    if (title.empty()) title = ctx.text("{room}") + ": " + node.name + " (" + node.type.name + ")";
    float title_w = 0;
    if (style.show_title && ctx.fonts.small)
        title_w = ctx.fonts.small->CalcTextSizeA(kSmall, FLT_MAX, 0, title.c_str()).x +
                  (style.show_host_pods ? 40.0f : 0.0f);
    const float room_w = std::min(
        width, std::max(panels_w, std::min(title_w, width - 2 * l.room_pad)) + 2 * l.room_pad);
    const float room_h = l.title_h + panels_h + pending_h + l.room_pad;

    const ImVec2 o = ImGui::GetCursorScreenPos();
    const ImVec2 oz(o.x + room_w, o.y + room_h);
    dl->AddRectFilled(o, oz, color::kRoom, 10);
    dl->AddRect(o, oz, color::kLine, 10, 0, 1.5f);
    if (style.show_title && ctx.fonts.small)
        draw_room_title(ctx, dl, l, o, oz, title, title_w, style, tips, tip);

    const ImVec2 base(o.x + l.room_pad, o.y + l.title_h);
    // ENIs by device index; gaps in the indices are filled in order.
    for (int p = 0; p < l.positions; ++p) {
        const ImVec2 po = panel_at(l, base, p);
        if (static_cast<size_t>(p) < node.enis.size())
            draw_eni(ctx, dl, l, po, node, node.enis[static_cast<size_t>(p)], pods, style, tips,
                     tip);
        else
            draw_unattached(ctx, dl, l, po, p, node, tips, tip);
    }
    draw_room_highlights(dl, l, base, node, style);
    if (waiting > 0)
        draw_room_waiting(ctx, dl, ImVec2(base.x, base.y + panels_h + 8),
                          o.x + room_w - l.room_pad - 30, node, waiting, tips, tip);

    return end_figure(ImVec2(room_w, room_h), tip);
}

// ---- buildings --------------------------------------------------------------------------

namespace {

ImU32 use_color(core::AddressUse u) {
    switch (u) {
        case core::AddressUse::Free:
            return kAddrFree;
        case core::AddressUse::Reserved:
            return color::kAddrReserved;
        case core::AddressUse::Ip:
            return color::kAddrIp;
        case core::AddressUse::Prefix:
            return color::kAddrPrefix;
    }
    return color::kSlotFree;
}

// Colours by holder, matching the room: orange ENI addresses, green pods, light blue spare.
ImU32 holder_color(core::Holder h) {
    switch (h) {
        case core::Holder::Free:
            return kAddrFree;
        case core::Holder::Reserved:
            return color::kAddrReserved;
        case core::Holder::NodeIp:
        case core::Holder::EniIp:
            return color::kSlotMain;
        case core::Holder::PodIp:
        case core::Holder::PodInPrefix:
            return color::kSlotDesk;
        case core::Holder::SpareIp:
            return color::kSlotWarm;
        case core::Holder::SpareInPrefix:
            return color::kAddrPrefix;
        case core::Holder::Other:
            return color::kAddrOther;
    }
    return color::kSlotFree;
}

// The subnet's own view of an address when no cluster says who holds it.
std::string describe_use(const core::Subnet& subnet, core::Ipv4 ip, core::AddressUse u) {
    const std::string at = core::format_ipv4(ip);
    switch (u) {
        case core::AddressUse::Free:
            return at + ": free";
        case core::AddressUse::Reserved:
            for (const core::ReservedAddress& r : core::aws_reserved_addresses(subnet.cidr))
                if (r.ip == ip) return at + ": reserved by AWS (" + r.role + ")";
            return at + ": reserved by AWS";
        case core::AddressUse::Ip:
            return at + ": in use (an ENI address or secondary IP)";
        case core::AddressUse::Prefix:
            return at + ": part of a delegated /28 prefix";
    }
    return at;
}

std::string plural(uint64_t n, const char* one, const char* many) {
    return core::count(static_cast<long long>(n), one, many);
}

// How a building's grid is laid out: addresses per cell (1 up to a /24, then a /28 per
// cell, more for very large subnets), the cells' size and the row labels' width.
struct BuildingGrid {
    size_t size = 0, per_cell = 1, cells = 0;
    int cols = 16, rows = 1;
    float pad = 10, label_w = 0, gap = 2, cell = 10;
    ImVec2 g;  // the top left of the first cell
};

BuildingGrid layout_building(const core::Subnet& subnet, float width, float max_cell) {
    BuildingGrid b;
    b.size = subnet.use.size();
    if (b.size > 256) {
        b.per_cell = 16;
        while (b.size / b.per_cell > 1024)
            b.per_cell *= 2;
    }
    b.cells = (b.size + b.per_cell - 1) / b.per_cell;
    b.label_w = b.per_cell == 1 && width >= 300 ? 34.0f : 0.0f;
    b.cols = b.per_cell == 1 ? 16 : (b.cells <= 256 ? 16 : 32);
    b.cols = static_cast<int>(std::min<size_t>(static_cast<size_t>(b.cols), b.cells));
    const float inner = width - 2 * b.pad - b.label_w;
    b.gap = inner / fi(b.cols) >= 10 ? 2.0f : 1.0f;
    b.cell = std::clamp(inner / fi(b.cols) - b.gap, 3.0f, max_cell);
    b.rows =
        static_cast<int>((b.cells + static_cast<size_t>(b.cols) - 1) / static_cast<size_t>(b.cols));
    return b;
}

// One address in a cell of its own: its holder's colour (or its use's), lit when the beat
// names its use, and a tip in both vocabularies.
void draw_address_cell(const ViewContext& ctx, ImDrawList* dl, const core::Subnet& subnet,
                       const std::vector<core::AddressInfo>& holders, size_t lo, ImVec2 a, ImVec2 z,
                       float cell, const BuildingStyle& style, bool hov, Tip& tip) {
    const core::AddressUse u = subnet.use[lo];
    const core::Ipv4 ip{subnet.cidr.base + static_cast<uint32_t>(lo)};
    const core::AddressInfo* info = lo < holders.size() ? &holders[lo] : nullptr;
    const float round = cell >= 8 ? 2.0f : 0.0f;
    if (info) {
        dl->AddRectFilled(a, z, holder_color(info->holder), round);
        if (info->holder == core::Holder::PodInPrefix && cell >= 6)
            dl->AddRect(a, z, color::kAddrPrefix, round, 0, std::max(1.0f, cell * 0.15f));
    } else {
        dl->AddRectFilled(a, z, use_color(u), round);
    }
    if (style.lit_use == static_cast<int>(u))
        dl->AddRect(ImVec2(a.x - 1, a.y - 1), ImVec2(z.x + 1, z.y + 1), color::kHighlight, round, 0,
                    2.0f);
    if (!hov) return;
    tip.line = info ? core::describe_address(*info) : describe_use(subnet, ip, u);
    const char* words = u == core::AddressUse::Reserved ? "kept by AWS, never a {desk}'s"
                        : u == core::AddressUse::Free   ? "a free {num} in the {building}"
                        : u == core::AddressUse::Prefix ? "part of a {block}"
                                                        : "a single {num} in use";
    if (u == core::AddressUse::Free && core::in_prefix_reservation(subnet, lo))
        words = "a free {num} kept for {blocks} (prefix reservation)";
    tip.words = analogy(ctx, words);
}

// A cell standing for several addresses: the used ones fill it from the bottom, in
// proportion (reserved, in prefixes, single).
void draw_summary_cell(const ViewContext& ctx, ImDrawList* dl, const core::Subnet& subnet,
                       size_t lo, size_t hi, ImVec2 a, ImVec2 z, float cell, bool hov, Tip& tip) {
    size_t n[4] = {0, 0, 0, 0};
    for (size_t i = lo; i < hi; ++i)
        ++n[static_cast<int>(subnet.use[i])];
    const float total = static_cast<float>(hi - lo);
    dl->AddRectFilled(a, z, kAddrFree, 1);
    float bottom = z.y;
    const core::AddressUse order[3] = {core::AddressUse::Reserved, core::AddressUse::Prefix,
                                       core::AddressUse::Ip};
    for (core::AddressUse u : order) {
        const size_t k = n[static_cast<int>(u)];
        if (k == 0) continue;
        float h = std::max(1.0f, cell * static_cast<float>(k) / total);
        dl->AddRectFilled(ImVec2(a.x, bottom - h), ImVec2(z.x, bottom), use_color(u), 0);
        bottom -= h;
    }
    if (!hov) return;
    tip.line = core::format_ipv4(core::Ipv4{subnet.cidr.base + static_cast<uint32_t>(lo)}) + " - " +
               core::format_ipv4(core::Ipv4{subnet.cidr.base + static_cast<uint32_t>(hi - 1)}) +
               " (" + std::to_string(hi - lo) +
               " addresses): " + std::to_string(n[static_cast<int>(core::AddressUse::Ip)]) +
               " single, " + std::to_string(n[static_cast<int>(core::AddressUse::Prefix)]) +
               " in prefixes, " + std::to_string(n[static_cast<int>(core::AddressUse::Free)]) +
               " free, " + std::to_string(n[static_cast<int>(core::AddressUse::Reserved)]) +
               " reserved";
    tip.words = analogy(ctx, "one cell stands for several {nums} of the {building}");
}

// A partial prefix reservation: an outline around its cells, row by row (whole rows make
// one rectangle).
void draw_reservation_outline(ImDrawList* dl, const core::Subnet& subnet, const BuildingGrid& b) {
    const size_t begin = (subnet.prefix_reservation->base - subnet.cidr.base) / b.per_cell;
    const size_t end = begin + (static_cast<size_t>(core::cidr_size(*subnet.prefix_reservation)) +
                                b.per_cell - 1) /
                                   b.per_cell;
    const size_t ncols = static_cast<size_t>(b.cols);
    const bool whole_rows = begin % ncols == 0 && end % ncols == 0;
    const float step = b.cell + b.gap;
    for (size_t r0 = begin / ncols; r0 * ncols < std::min(end, b.cells);) {
        const size_t c0 = std::max(begin, r0 * ncols);
        const size_t r1 = whole_rows ? end / ncols : r0 + 1;
        const size_t c1 = whole_rows ? r1 * ncols : std::min(end, (r0 + 1) * ncols);
        const ImVec2 a(b.g.x + fi(static_cast<int>(c0 % ncols)) * step - 2,
                       b.g.y + fi(static_cast<int>(r0)) * step - 2);
        const ImVec2 z(b.g.x + fi(static_cast<int>((c1 - 1) % ncols) + 1) * step - b.gap + 2,
                       b.g.y + fi(static_cast<int>(r1)) * step - b.gap + 2);
        dl->AddRect(a, z, color::kAddrPrefix, 3, 0, 2.0f);
        r0 = r1;
    }
}

// The row labels (".0", ".16", ...) at the small font's own size where the rows allow it:
// scaled down to 11 px they blurred at ratio 1 (".0" read as ",0").
void draw_row_labels(const ViewContext& ctx, ImDrawList* dl, const core::Subnet& subnet,
                     const BuildingGrid& b, float left) {
    if (b.label_w <= 0 || !ctx.fonts.small) return;
    for (int r = 0; r < b.rows; ++r) {
        if (b.rows > 16 && r % 4 != 0) continue;
        const size_t first = static_cast<size_t>(r) * static_cast<size_t>(b.cols) * b.per_cell;
        const float fs = std::min(kSmall, b.cell + b.gap);
        std::string lab = "." + std::to_string((subnet.cidr.base + first) & 0xFFu);
        draw_text(dl, ctx.fonts.small, fs,
                  ImVec2(left, b.g.y + fi(r) * (b.cell + b.gap) + (b.cell - fs) / 2), color::kMuted,
                  lab.c_str());
    }
}

}  // namespace

ImVec2 draw_building(const ViewContext& ctx, const core::Subnet& subnet,
                     const BuildingStyle& style) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float width =
        std::max(140.0f, style.max_width > 0 ? std::min(style.max_width, avail) : avail);
    const bool tips = style.tooltips && ImGui::IsWindowHovered();
    if (subnet.use.empty()) {  // not a subnet built by core::add_subnet
        std::string text = subnet.id + ": no addresses";
        ImGui::TextDisabled("%s", text.c_str());
        return ImGui::GetItemRectSize();
    }
    BuildingGrid b = layout_building(subnet, width, style.max_cell);

    // Who holds each address (only when a cluster is given and cells are single addresses).
    std::vector<core::AddressInfo> holders;
    if (style.cluster && b.per_cell == 1) holders = core::address_map(*style.cluster, subnet);

    const ImVec2 o = ImGui::GetCursorScreenPos();
    float y = o.y + 6;
    std::string title = style.title;
    // "Building A" in campus words, "subnet-a" in AWS words: one name, in the learner's words.
    if (title.empty()) title = ctx.aws() || subnet.name.empty() ? subnet.id : subnet.name;
    std::string sub = core::format_cidr(subnet.cidr) + ", " + subnet.az;
    const bool whole_reserved =
        subnet.prefix_reservation && *subnet.prefix_reservation == subnet.cidr;
    if (!style.subtitle.empty()) {
        sub = style.subtitle;
    } else if (whole_reserved) {
        sub += ", reserved for prefixes";
    } else if (subnet.prefix_reservation) {
        sub += ", " + core::format_cidr(*subnet.prefix_reservation) + " reserved for prefixes";
    }
    const float title_h = style.show_title ? 38.0f : 0.0f;
    std::string counts;
    if (style.show_counts) {
        counts =
            std::to_string(core::aws_usable_addresses(subnet.cidr)) + " usable, " +
            std::to_string(core::used_addresses(subnet)) + " in use, " +
            std::to_string(core::free_addresses(subnet)) + " free; " +
            plural(core::free_aligned_prefixes(subnet), ctx.text("free aligned {block}").c_str(),
                   ctx.text("free aligned {blocks}").c_str());
    }
    const float grid_h = fi(b.rows) * (b.cell + b.gap) - b.gap;
    const float counts_h = style.show_counts ? 40.0f : 0.0f;
    const float grid_w = b.label_w + fi(b.cols) * (b.cell + b.gap) - b.gap;
    const float b_w = std::min(width, grid_w + 2 * b.pad);
    const float b_h = 6 + title_h + grid_h + counts_h + b.pad;
    const ImVec2 oz(o.x + b_w, o.y + b_h);
    dl->AddRectFilled(o, oz, color::kBuilding, 8);
    dl->AddRect(o, oz, color::kLine, 8, 0, 1.5f);
    dl->PushClipRect(o, oz, true);
    if (style.show_title && ctx.fonts.small) {
        draw_text(dl, ctx.fonts.strong ? ctx.fonts.strong : ctx.fonts.small, kSmall + 1,
                  ImVec2(o.x + b.pad, y), color::kInk, title.c_str());
        draw_text(dl, ctx.fonts.small, kSmall, ImVec2(o.x + b.pad, y + 18), color::kMuted,
                  sub.c_str());
        y += title_h;
    }

    Tip tip;
    b.g = ImVec2(o.x + b.pad + b.label_w, y);
    draw_row_labels(ctx, dl, subnet, b, o.x + b.pad);
    for (size_t c = 0; c < b.cells; ++c) {
        const int col = static_cast<int>(c % static_cast<size_t>(b.cols));
        const int row = static_cast<int>(c / static_cast<size_t>(b.cols));
        ImVec2 a(b.g.x + fi(col) * (b.cell + b.gap), b.g.y + fi(row) * (b.cell + b.gap));
        ImVec2 z(a.x + b.cell, a.y + b.cell);
        const size_t lo = c * b.per_cell;
        const bool hov = hovering(tips, a, ImVec2(z.x + b.gap, z.y + b.gap));
        if (b.per_cell == 1)
            draw_address_cell(ctx, dl, subnet, holders, lo, a, z, b.cell, style, hov, tip);
        else
            draw_summary_cell(ctx, dl, subnet, lo, std::min(b.size, lo + b.per_cell), a, z, b.cell,
                              hov, tip);
    }
    if (subnet.prefix_reservation && !whole_reserved) draw_reservation_outline(dl, subnet, b);
    y = b.g.y + grid_h + 8;
    if (style.show_counts && ctx.fonts.small) {
        // Wraps inside the building.
        draw_text(dl, ctx.fonts.small, kSmall, ImVec2(o.x + b.pad, y), color::kInk, counts.c_str(),
                  nullptr, b_w - 2 * b.pad);
        if (b.per_cell > 1) {
            std::string scale = "one cell = " + std::to_string(b.per_cell) + " addresses";
            float sy =
                y +
                ctx.fonts.small->CalcTextSizeA(kSmall, FLT_MAX, b_w - 2 * b.pad, counts.c_str()).y;
            draw_text(dl, ctx.fonts.small, kSmall, ImVec2(o.x + b.pad, sy), color::kMuted,
                      scale.c_str());
        }
    }
    dl->PopClipRect();
    return end_figure(ImVec2(b_w, b_h), tip);
}

// ---- a one-node campus ----------------------------------------------------------------

// ---- events -----------------------------------------------------------------------------

namespace {

// The colour of each kind of event; its words are core's (event_words.h), one table for
// every view in either vocabulary.
ImU32 event_colour(core::EventKind kind) {
    switch (kind) {
        case core::EventKind::AttachEni:
        case core::EventKind::DetachEni:
        case core::EventKind::AttachBranchEni:
            return color::kPanel;
        case core::EventKind::AssignIps:
            return color::kAccent;
        case core::EventKind::AssignPrefix:
            return IM_COL32(120, 80, 190, 255);
        case core::EventKind::PodIp:
            return color::kGood;
        case core::EventKind::PodFailed:
        case core::EventKind::PodUnschedulable:
        case core::EventKind::SubnetError:
            return color::kBad;
        case core::EventKind::Other:
            return color::kInk;
        default:
            return color::kMuted;
    }
}

}  // namespace

void draw_event_log(const ViewContext& ctx, const core::Cluster& cluster, int max_events,
                    uint64_t since) {
    int shown = 0;
    for (auto it = cluster.events.rbegin(); it != cluster.events.rend() && shown < max_events;
         ++it) {
        const core::Event& e = *it;
        if (e.seq < since) break;
        ++shown;
        const std::string label = capitalized(ctx.text(core::event_headline(e)));
        const ImU32 col = event_colour(e.kind);
        // What happened and why in the current words; AWS words may fall back on core's text.
        const std::string words = core::event_words(e);
        const std::string detail = !words.empty() ? capitalized(ctx.text(words))
                                   : ctx.aws()    ? e.text
                                                  : "";
        ImGui::PushID(static_cast<int>(e.seq));
        ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + 5, p.y + h / 2), 4, col);
        ImGui::Indent(16);
        ImGui::PushFont(ctx.fonts.strong);
        ImGui::PushStyleColor(ImGuiCol_Text, col == color::kMuted ? color::kInk : col);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(label.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        ImGui::PopFont();
        if (!detail.empty()) {
            ImGui::PushFont(ctx.fonts.small);
            wrapped_text(detail.c_str(), color::kMuted);  // breaks at spaces, never in an address
            ImGui::PopFont();
        }
        ImGui::Unindent(16);
        ImGui::PopID();
    }
    if (shown == 0) ImGui::TextDisabled("(nothing yet)");
}

std::string capitalized(std::string text) {
    if (!text.empty())
        text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    return text;
}

// ---- legend -----------------------------------------------------------------------------

void draw_legend(const ViewContext& ctx, unsigned items, float max_width) {
    struct Item {
        unsigned flag;
        ImU32 col;
        const char* words;
        int kind;  // 0 filled, 1 dashed, 2 4x4 block, 3 outlined circle
    };
    const Item all[] = {
        {kLegendMainExt, color::kSlotMain, "{panel}'s own {num}", 0},
        {kLegendPod, color::kSlotDesk, "{desk}'s {num}", 0},
        {kLegendWarm, color::kSlotWarm, "spare, in the {pool}", 0},
        {kLegendEmpty, color::kSlotFree, "empty {slot}", 0},
        {kLegendPrefix, color::kSlotWarm, "{block}", 2},
        {kLegendUnattached, kDashed, "{panel} not attached yet", 1},
        {kLegendReserved, color::kAddrReserved, "reserved by AWS", 0},
        {kLegendAddrFree, kAddrFree, "free", 0},
        {kLegendAddrIp, color::kAddrIp, "single {num}", 0},
        {kLegendAddrPrefix, color::kAddrPrefix, "in a {block}", 0},
        {kLegendAddrOther, color::kAddrOther, "held by something else", 0},
        {kLegendHostPods, color::kSlotMain, "{hostdesks} on the {mainext}", 3},
    };
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float right =
        ImGui::GetCursorScreenPos().x + (max_width > 0 ? std::min(avail, max_width) : avail);
    ImGui::PushFont(ctx.fonts.small);
    ImGui::PushStyleColor(ImGuiCol_Text, color::kMuted);
    bool first = true;
    for (const Item& it : all) {
        if (!(items & it.flag)) continue;
        std::string label = ctx.text(it.words);
        const float sw = it.kind == 1 ? 18.0f : it.kind == 3 ? 23.0f : 12.0f;
        const float w = sw + 5 + ImGui::CalcTextSize(label.c_str()).x;
        if (!first) {
            ImGui::SameLine(0, 14);
            if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
        }
        first = false;
        ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        ImVec2 a(p.x, p.y + (h - 12) / 2), z(p.x + sw, a.y + 12);
        if (it.kind == 0) {
            dl->AddRectFilled(a, z, it.col, 2);
            if (it.col == color::kSlotFree || it.col == kAddrFree)
                dl->AddRect(a, z, color::kLine, 2);
        } else if (it.kind == 1) {
            dashed_rect(dl, a, z, it.col, 3, 2);
        } else if (it.kind == 3) {  // as drawn by the room's name
            for (int k = 0; k < 2; ++k)
                dl->AddCircle(ImVec2(a.x + 5 + fi(k) * 13, a.y + 6), 5, it.col, 12, 2);
        } else {
            for (int k = 0; k < 16; ++k) {
                ImVec2 c(a.x + fi(k % 4) * 3, a.y + fi(k / 4) * 3);
                dl->AddRectFilled(c, ImVec2(c.x + 2.4f, c.y + 2.4f),
                                  k < 5 ? color::kSlotDesk : color::kSlotWarm);
            }
        }
        ImGui::Dummy(ImVec2(sw, h));
        ImGui::SameLine(0, 5);
        ImGui::TextUnformatted(label.c_str());
    }
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void draw_lit_outline(ImVec2 min, ImVec2 max) {
    ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x - 4, min.y - 3), ImVec2(max.x + 4, max.y + 3),
                                        color::kHighlight, 6, 0, 2.5f);
}

}  // namespace web
