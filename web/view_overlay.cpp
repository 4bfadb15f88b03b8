// view_overlay.cpp: step "big-picture": two phone systems side by side, one call animated
// through each (core/traffic traces the calls; this file only lays them out).
#include "view_overlay.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

#include "context.h"
#include "imgui.h"
#include "platform.h"
#include "ui.h"

namespace web {
namespace {

constexpr float kSmall = 13.0f;
constexpr double kCallMs = 3200;  // one call from desk to callee
constexpr double kPauseMs = 500;  // between the two calls
constexpr double kTotalMs = 2 * kCallMs + kPauseMs;
constexpr ImU32 kOverlayDesk = IM_COL32(150, 110, 210, 255);  // a private overlay number
constexpr ImU32 kSwitchboard = IM_COL32(196, 112, 40, 255);

std::string ip(core::Ipv4 a) {
    return core::format_ipv4(a);
}

ImVec2 lerp(ImVec2 a, ImVec2 b, float t) {
    return ImVec2(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
}

float dist(ImVec2 a, ImVec2 b) {
    return std::sqrt((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y));
}

void text_at(ImDrawList* dl, ImFont* f, ImVec2 p, ImU32 c, const std::string& s) {
    dl->AddText(f, kSmall, p, c, s.c_str());
}

float text_w(ImFont* f, const std::string& s) {
    return f != nullptr ? f->CalcTextSizeA(kSmall, FLT_MAX, 0, s.c_str()).x : 0.0f;
}

// Text centred on x, shortened with "..." to fit max_w.
void centred(ImDrawList* dl, ImFont* f, float cx, float y, float max_w, ImU32 c, std::string s) {
    while (s.size() > 3 && text_w(f, s) > max_w)
        s = s.substr(0, s.size() - 4) + "...";
    text_at(dl, f, ImVec2(cx - text_w(f, s) / 2, y), c, s);
}

// Splits text into lines no wider than width (at spaces).
std::vector<std::string> wrap_lines(ImFont* f, const std::string& text, float width) {
    std::vector<std::string> lines;
    std::string cur;
    size_t i = 0;
    while (i < text.size()) {
        size_t sp = text.find(' ', i);
        if (sp == std::string::npos) sp = text.size();
        const std::string word = text.substr(i, sp - i);
        const std::string trial = cur.empty() ? word : cur + " " + word;
        if (!cur.empty() && text_w(f, trial) > width) {
            lines.push_back(cur);
            cur = word;
        } else {
            cur = trial;
        }
        i = sp + 1;
    }
    if (!cur.empty()) lines.push_back(cur);
    return lines;
}

// A label in a pill, centred on p.
void pill(ImDrawList* dl, ImFont* f, ImVec2 p, ImU32 bg, ImU32 fg, const std::string& s) {
    const float w = text_w(f, s) + 12;
    const ImVec2 a(p.x - w / 2, p.y - 10);
    dl->AddRectFilled(a, ImVec2(a.x + w, a.y + 20), bg, 10);
    text_at(dl, f, ImVec2(a.x + 6, a.y + 3), fg, s);
}

bool hover_tip(const ViewContext& ctx, ImVec2 a, ImVec2 b, const std::string& text) {
    if (!ImGui::IsMouseHoveringRect(a, b)) return false;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22);
    ImGui::TextUnformatted(ctx.text(text).c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
    return true;
}

// A point of the call's route and the source address the call carries from there on.
struct Waypoint {
    ImVec2 at;
    std::string label;
    bool changed = false;  // the call was translated or wrapped here
    std::string change;    // "node-a1: source 172.16.0.2 -> 10.0.1.4"
    ImVec2 box0, box1;     // the exit box at this point, to outline when it changes the call
};

struct Picture {
    ImVec2 desk_a, exit_a, desk_b, exit_b, rds;
    ImVec2 exit_box[2][2];  // [room][min, max]
    float net_y = 0;
};

std::string carried(const core::Hop& h) {
    if (h.outer_source.value != 0) return ip(h.outer_source) + " [" + ip(h.source) + "]";
    return ip(h.source);
}

Waypoint point(ImVec2 at, std::string label) {
    Waypoint w;
    w.at = at;
    w.label = std::move(label);
    return w;
}

std::vector<Waypoint> route(const Picture& pic, const core::TrafficPath& p, bool to_rds) {
    std::vector<Waypoint> w;
    const auto& h = p.hops;
    if (h.size() < 4) return w;
    w.push_back(point(pic.desk_a, carried(h[0])));
    w.push_back({pic.exit_a, carried(h[1]), !h[1].change.empty(), h[1].name + ": " + h[1].change,
                 pic.exit_box[0][0], pic.exit_box[0][1]});
    w.push_back(point(ImVec2(pic.exit_a.x, pic.net_y), carried(h[2])));
    if (to_rds) {
        w.push_back(point(ImVec2(pic.rds.x, pic.net_y), carried(h[2])));
        w.push_back(point(pic.rds, carried(h[3])));
    } else {
        w.push_back(point(ImVec2(pic.exit_b.x, pic.net_y), carried(h[2])));
        w.push_back({pic.exit_b, carried(h[3]), !h[3].change.empty(),
                     h[3].name + ": " + h[3].change, pic.exit_box[1][0], pic.exit_box[1][1]});
        if (h.size() > 4) w.push_back(point(pic.desk_b, carried(h[4])));
    }
    return w;
}

// Position along the route at fraction t (by length); index of the segment reached.
ImVec2 along(const std::vector<Waypoint>& w, float t, size_t& seg) {
    float total = 0;
    for (size_t i = 0; i + 1 < w.size(); ++i)
        total += dist(w[i].at, w[i + 1].at);
    float left = std::clamp(t, 0.0f, 1.0f) * total;
    for (size_t i = 0; i + 1 < w.size(); ++i) {
        const float d = dist(w[i].at, w[i + 1].at);
        if (left <= d || i + 2 == w.size()) {
            seg = i;
            return lerp(w[i].at, w[i + 1].at, d > 0 ? std::min(left / d, 1.0f) : 1.0f);
        }
        left -= d;
    }
    seg = 0;
    return w.empty() ? ImVec2() : w.front().at;
}

void draw_route(ImDrawList* dl, const std::vector<Waypoint>& w, ImU32 col, float thick) {
    for (size_t i = 0; i + 1 < w.size(); ++i)
        dl->AddLine(w[i].at, w[i + 1].at, col, thick);
}

// One system: two rooms, their exits, the campus network and RDS, and the calls.
float draw_system(const ViewContext& ctx, OverlayView& v, int sys, float width, double t_ms) {
    const core::TrafficCampus& c = v.campus[sys];
    const bool overlay = sys == 0;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* f = ctx.fonts.small;
    ImFont* b = ctx.fonts.strong != nullptr ? ctx.fonts.strong : f;
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const float pad = 8;
    // Layers, bottom to top: rooms, desks, the network bar and RDS; the call routes; the
    // labelled boxes the routes pass through (exits, the network's name, what RDS sees), so
    // a route never runs over their text; the travelling call.
    enum Layer { kBase, kRoutes, kLabels, kCall, kLayers };
    dl->ChannelsSplit(kLayers);
    dl->ChannelsSetCurrent(kBase);

    // Header.
    const std::string name = ctx.text(overlay ? "{overlaycni}" : "{vpccni}");
    dl->AddText(b, 16.0f, ImVec2(o.x + pad, o.y + 6), color::kInk, name.c_str());
    const core::PodRef& a = c.pods[0];
    const core::Subnet* home = core::find_subnet(c.cluster.vpc, a.subnet_id);
    const std::string sub =
        overlay ? ctx.text("private {nums}: ") + core::format_cidr(c.overlay_range)
                : ctx.text("{building} {nums}: ") +
                      (home != nullptr ? core::format_cidr(home->cidr) : std::string());
    centred(dl, f, o.x + width / 2, o.y + 28, width - 2 * pad, color::kMuted, sub);
    const float top = o.y + 50;

    // Rooms A and B with one desk each.
    const core::PodRef* pb = nullptr;
    core::Result<core::PodRef> callee = core::callee_pod(c, a.name, core::Callee::OtherNode);
    if (callee) pb = core::find_traffic_pod(c, callee->name);
    const float gap = std::max(16.0f, width * 0.1f);
    const float rw = (width - 2 * pad - gap) / 2;
    const float rh = 92;
    Picture pic;
    const core::PodRef* desks[2] = {&a, pb};
    ImVec2 exits[2];
    for (int r = 0; r < 2; ++r) {
        const core::PodRef* p = desks[r];
        if (p == nullptr) continue;
        const core::Node* node = core::find_node(c.cluster, p->node);
        const ImVec2 r0(o.x + pad + static_cast<float>(r) * (rw + gap), top);
        const ImVec2 r1(r0.x + rw, r0.y + rh);
        dl->AddRectFilled(r0, r1, color::kBuilding, 8);
        dl->AddRect(r0, r1, color::kLine, 8);
        const float cx = (r0.x + r1.x) / 2;
        centred(dl, f, cx, r0.y + 4, rw - 8, color::kMuted, ctx.text("{room} ") + p->node);
        const std::string main = node != nullptr ? ip(node->enis.front().primary_ip) : "";
        centred(dl, f, cx, r0.y + 19, rw - 8, IM_COL32(184, 104, 16, 255), main);
        hover_tip(ctx, r0, ImVec2(r1.x, r0.y + 34),
                  "{room} " + p->node + " (a " + (node ? node->type.name : std::string()) +
                      " EC2 instance); the {mainext} is " + main + ".");
        // The desk.
        const float dw = std::min(rw - 16, 120.0f);
        const ImVec2 d0(cx - dw / 2, r0.y + 38);
        const ImVec2 d1(cx + dw / 2, r0.y + 72);
        dl->AddRectFilled(d0, d1, overlay ? kOverlayDesk : color::kSlotDesk, 6);
        centred(dl, f, cx, d0.y + 2, dw - 6, IM_COL32_WHITE, ctx.text("{desk} ") + p->name);
        centred(dl, f, cx, d0.y + 17, dw - 6, IM_COL32_WHITE, ip(p->ip));
        hover_tip(ctx, d0, d1,
                  "{desk} " + p->name + " (pod): " +
                      (overlay ? "overlay {num} " + ip(p->ip) +
                                     ", private to the cluster: the {campus} cannot dial it."
                               : "{ext} " + ip(p->ip) + " from " + p->subnet_id +
                                     ", a real {campus} {num} anyone in the {campus} can dial."));
        // The exit: the switchboard (overlay) or the phone panel (VPC CNI).
        std::string exit_label =
            overlay ? ctx.text("{switchboard}") : ctx.text("{panel} ") + p->eni_id;
        if (text_w(f, exit_label) + 14 > rw - 8) exit_label = overlay ? "NAT" : p->eni_id;
        const float ew = std::min(rw - 8, std::max(70.0f, text_w(f, exit_label) + 14));
        const ImVec2 e0(cx - ew / 2, r1.y - 10);
        const ImVec2 e1(cx + ew / 2, r1.y + 10);
        dl->ChannelsSetCurrent(kLabels);
        dl->AddRectFilled(e0, e1, overlay ? kSwitchboard : color::kPanel, 5);
        centred(dl, f, cx, e0.y + 3, ew - 6, IM_COL32_WHITE, exit_label);
        dl->ChannelsSetCurrent(kBase);
        hover_tip(ctx, e0, e1,
                  overlay ? "The {switchboard} on " + p->node +
                                ": wraps calls to other {rooms} in the {room}'s own {num} "
                                "(VXLAN) and swaps the {desk}'s {num} for " +
                                main + " on calls to anything else (NAT)."
                          : "{panel} " + p->eni_id + " (ENI) of " + p->node + ": it holds " +
                                ip(p->ip) + ", so calls leave and arrive unchanged.");
        exits[r] = ImVec2(cx, r1.y + 10);
        pic.exit_box[r][0] = e0;
        pic.exit_box[r][1] = e1;
        if (r == 0) pic.desk_a = ImVec2(cx, d1.y);
        if (r == 1) pic.desk_b = ImVec2(cx, d1.y);
    }
    pic.exit_a = exits[0];
    pic.exit_b = exits[1];

    // The campus network and RDS.
    pic.net_y = top + rh + 34;
    dl->AddLine(ImVec2(o.x + pad, pic.net_y), ImVec2(o.x + width - pad, pic.net_y), color::kLine,
                6.0f);
    std::string net = ctx.text("{campus} network (VPC router)");
    if (text_w(f, net) > width - 2 * pad - 8) net = ctx.text("{campus} network");
    const float nw = text_w(f, net) + 10;
    dl->ChannelsSetCurrent(kLabels);
    dl->AddRectFilled(ImVec2(o.x + width / 2 - nw / 2, pic.net_y - 21),
                      ImVec2(o.x + width / 2 + nw / 2, pic.net_y - 4), color::kPaper, 4);
    centred(dl, f, o.x + width / 2, pic.net_y - 20, width - 2 * pad, color::kMuted, net);
    dl->ChannelsSetCurrent(kBase);
    hover_tip(ctx, ImVec2(o.x + pad, pic.net_y - 5), ImVec2(o.x + width - pad, pic.net_y + 5),
              "The VPC's router carries calls between {campus} {nums}: " +
                  core::format_cidr(c.cluster.vpc.cidrs.front()) +
                  (overlay ? ". It has never heard of " + core::format_cidr(c.overlay_range) + "."
                           : "."));
    const float rdsw = std::min(150.0f, width - 2 * pad);
    const ImVec2 s0(o.x + width / 2 - rdsw / 2, pic.net_y + 22);
    const ImVec2 s1(s0.x + rdsw, s0.y + 38);
    dl->AddRectFilled(s0, s1, color::kRoom, 6);
    dl->AddRect(s0, s1, color::kLine, 6);
    centred(dl, f, o.x + width / 2, s0.y + 3, rdsw - 6, color::kInk, "RDS database");
    centred(dl, f, o.x + width / 2, s0.y + 19, rdsw - 6, color::kMuted, ip(c.rds.ip));
    hover_tip(ctx, s0, s1, "RDS at " + ip(c.rds.ip) + " in " + c.rds.where + ".");
    pic.rds = ImVec2(o.x + width / 2, s0.y);
    const float caption_y = s1.y + 28;
    const float height = caption_y - o.y + 52;
    std::string caption[2] = {"Two calls from " + a.name + ": to " +
                                  (pb != nullptr ? pb->name : std::string()) + " on " +
                                  (pb != nullptr ? pb->node : std::string()) + ", then to RDS.",
                              ""};

    // The calls: faint routes when idle, a travelling call while playing.
    const bool playing = v.play_ms >= 0 && t_ms < kTotalMs;
    for (int k = 0; k < 2; ++k) {
        const core::TrafficPath& p = v.calls[sys][k];
        const std::vector<Waypoint> w = route(pic, p, k == 1);
        if (w.size() < 2) continue;
        const double start = static_cast<double>(k) * (kCallMs + kPauseMs);
        const float tk = static_cast<float>((t_ms - start) / kCallMs);
        dl->ChannelsSetCurrent(kRoutes);
        if (!playing) {
            draw_route(dl, w, k == 0 ? IM_COL32(37, 99, 235, 90) : IM_COL32(30, 140, 80, 90), 3);
        } else if (tk >= 0 && tk <= 1) {
            draw_route(dl, w, IM_COL32(37, 99, 235, 60), 3);
            size_t seg = 0;
            const ImVec2 at = along(w, tk, seg);
            caption[0] = "Call " + std::to_string(k + 1) + ": " + p.caller + " dials " +
                         p.callee_name + " (" + ip(p.callee_ip) + ").";
            caption[1] = ctx.text(overlay ? "" : "No translation: the {desk}'s own {num}.");
            for (size_t i = 1; i <= seg && i < w.size(); ++i) {
                if (!w[i].changed) continue;
                dl->AddRect(ImVec2(w[i].box0.x - 4, w[i].box0.y - 4),
                            ImVec2(w[i].box1.x + 4, w[i].box1.y + 4), kSwitchboard, 8, 0, 2.5f);
                caption[1] = w[i].change;
            }
            dl->ChannelsSetCurrent(kCall);
            dl->AddCircleFilled(at, 7, color::kAccent);
            const std::string label = "from " + w[seg].label;
            const ImU32 bg = w[seg].label == w.front().label
                                 ? (overlay ? kOverlayDesk : color::kSlotDesk)
                                 : kSwitchboard;
            const float lw = text_w(f, label) + 12;
            const float lx = std::clamp(at.x, o.x + lw / 2, o.x + width - lw / 2);
            pill(dl, f, ImVec2(lx, at.y - 18), bg, IM_COL32_WHITE, label);
        }
    }
    dl->ChannelsSetCurrent(kLabels);
    float cy = caption_y;
    for (int part = 0; part < 2; ++part) {
        for (const std::string& l : wrap_lines(f, ctx.text(caption[part]), width - 2 * pad)) {
            if (cy > caption_y + 40) break;  // three lines at most
            centred(dl, f, o.x + width / 2, cy, width - 2 * pad,
                    part == 0 ? color::kInk : kSwitchboard, l);
            cy += 16;
        }
    }
    // What RDS sees, once the call has arrived (or always when idle). The pod call's callee
    // is named in the verdicts under the pictures.
    {
        const core::TrafficPath& p = v.calls[sys][1];
        if (!playing || t_ms >= 2 * kCallMs + kPauseMs) {
            const bool own = p.seen_source == p.caller_ip;
            const ImU32 bg = own ? (overlay ? kOverlayDesk : color::kSlotDesk) : kSwitchboard;
            pill(dl, f, ImVec2(pic.rds.x, s1.y + 14), bg, IM_COL32_WHITE,
                 "sees " + ip(p.seen_source));
        }
    }
    dl->ChannelsMerge();
    ImGui::Dummy(ImVec2(width, height));
    return height;
}

void build(const ViewContext& ctx, OverlayView& v) {
    v.built = true;
    core::Result<const core::InstanceType*> type =
        core::find_instance_type(ctx.catalog, "m5.large");
    if (!type) {
        v.error = type.error().message;
        return;
    }
    for (int s = 0; s < 2; ++s) {
        core::TrafficOptions o;
        o.cni = s == 0 ? core::Cni::Overlay : core::Cni::Vpc;
        core::Result<core::TrafficCampus> c = core::make_traffic_campus(**type, o);
        if (!c) {
            v.error = c.error().message;
            return;
        }
        v.campus[s] = std::move(c).value();
        const std::string caller = v.campus[s].pods.front().name;
        const core::Callee to[2] = {core::Callee::OtherNode, core::Callee::Rds};
        for (int k = 0; k < 2; ++k) {
            core::Result<core::TrafficPath> p = core::trace_call(v.campus[s], caller, to[k]);
            if (!p) {
                v.error = p.error().message;
                return;
            }
            v.calls[s][k] = std::move(p).value();
        }
    }
}

bool chip(const std::string& label, bool selected) {
    if (selected) {
        ImGui::PushStyleColor(ImGuiCol_Button, color::kAccent);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, color::kAccent);
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    }
    const bool pressed = ImGui::Button(label.c_str());
    if (selected) ImGui::PopStyleColor(3);
    return pressed;
}

void flow(const std::string& label) {
    const float w = ImGui::CalcTextSize(label.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + w <= right) ImGui::SameLine();
}

}  // namespace

ViewOut draw_overlay(const ViewContext& ctx, OverlayView& v) {
    ViewOut out;
    if (!v.built) build(ctx, v);
    if (!v.error.empty()) {
        wrapped_text(v.error.c_str(), color::kBad);
        return out;
    }
    const double now = platform::now_ms();
    const double t = v.play_ms >= 0 ? now - v.play_ms : kTotalMs;
    const bool playing = t < kTotalMs;
    // Keeps frames coming while the call travels (the loop's wants_more alone ends it after
    // one frame: see the report to the lead).
    if (playing) platform::request_frame();

    const std::string play = playing ? "Playing..." : "\xE2\x96\xB6  Play the call";
    ImGui::PushStyleColor(ImGuiCol_Button, color::kGood);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(22, 110, 62, 255));
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    if (ImGui::Button(play.c_str())) {
        v.play_ms = now;
        out.animate(now + kTotalMs + 150);
    }
    ImGui::PopStyleColor(3);
    const std::string names[3] = {ctx.text("{overlaycni}"), ctx.text("{vpccni}"), "Both"};
    flow("Show:");
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("Show:");
    for (int s : {2, 0, 1}) {
        flow(names[s]);
        ImGui::PushID(s);
        if (chip(names[s], v.show == s)) v.show = s;
        ImGui::PopID();
    }

    const float width = ImGui::GetContentRegionAvail().x;
    const bool side = v.show == 2 && width >= 420;
    const float gap = 14;
    const float w = side ? (width - gap) / 2 : width;
    const double tt = v.play_ms >= 0 ? t : kTotalMs;
    if (v.show != 1) {
        ImGui::BeginGroup();
        draw_system(ctx, v, 0, w, tt);
        ImGui::EndGroup();
        if (side) ImGui::SameLine(0, gap);
    }
    if (v.show != 0) {
        ImGui::BeginGroup();
        draw_system(ctx, v, 1, w, tt);
        ImGui::EndGroup();
    }

    // The verdicts, in words.
    const core::TrafficPath& ov_pod = v.calls[0][0];
    const core::TrafficPath& ov_rds = v.calls[0][1];
    const core::TrafficPath& vpc_pod = v.calls[1][0];
    const core::TrafficPath& vpc_rds = v.calls[1][1];
    ImGui::Spacing();
    for (int s : {0, 1}) {
        if (v.show != 2 && v.show != s) continue;
        ImGui::PushFont(ctx.fonts.strong);
        wrapped_text(ctx.text(s == 0 ? "{overlaycni}" : "{vpccni}").c_str());
        ImGui::PopFont();
        for (int k : {0, 1}) {
            const core::TrafficPath& p = v.calls[s][k];
            const bool direct = !p.translated && !p.encapsulated;
            ImGui::Bullet();
            ImGui::SameLine();
            wrapped_text(ctx.text(p.verdict).c_str(), direct ? color::kGood : color::kInk);
        }
    }
    out.live = std::string(playing ? "Playing the call. " : "") + ctx.text("{overlaycni}") + ": " +
               ov_pod.callee_name + " sees " + ip(ov_pod.seen_source) + ", RDS sees " +
               ip(ov_rds.seen_source) + " (" + ov_rds.translated_by + "). " + ctx.text("{vpccni}") +
               ": " + vpc_pod.callee_name + " sees " + ip(vpc_pod.seen_source) + ", RDS sees " +
               ip(vpc_rds.seen_source) + ".";
    out.live = ctx.text(out.live);
    return out;
}

}  // namespace web
