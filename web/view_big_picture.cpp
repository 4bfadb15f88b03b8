// view_big_picture.cpp: step "big-picture" (see view_big_picture.h).
#include "view_big_picture.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

#include "draw_campus.h"
#include "imgui.h"
#include "locate.h"
#include "platform.h"
#include "ui.h"

namespace web {
namespace {

constexpr double kHopMs = 1700;   // Play: one hop, with time to read its caption
constexpr double kGlideMs = 550;  // the call gliding to its next hop
constexpr double kSlack = 1000;   // how long a frame may take before the loop stops
constexpr float kPad = 6;

// Draw-list layers of a side, bottom to top: a route never runs over a label, the call is
// always on top.
enum Layer { kBase, kRoutes, kLabels, kTop, kLayers };

void layer(Layer l) {
    ImGui::GetWindowDrawList()->ChannelsSetCurrent(l);
}

std::string ip(core::Ipv4 a) {
    return core::format_ipv4(a);
}

// Sizes of one side; tighter in a short view (a phone).
struct Metrics {
    bool compact = false;
    float font = 13;     // the small font's size
    float line = 16;     // a caption line
    float room_h = 66;   // a room: its label, its desk, a lane for the call, half its exit
    float desk_h = 20;   // a desk inside it
    float net_gap = 26;  // from the exits down to the network
    float db_h = 36;     // the database
};

Metrics metrics(bool compact) {
    Metrics k;
    if (!compact) return k;
    k.compact = true;
    k.line = 15;
    k.room_h = 58;
    k.net_gap = 10;
    k.db_h = 34;
    return k;
}

// Where the parts of one side were drawn (screen pixels).
struct SideBox {
    ImVec2 o;
    float w = 0;
    float header_h = 0;
    ImVec2 room[2][2], desk[2][2], exit[2][2];
    float net_y = 0;
    ImVec2 db[2];
    ImVec2 net_label[2];
    float caption_y = 0;
    float bottom = 0;
};

ImFont* small(const ViewContext& ctx) {
    return ctx.fonts.small != nullptr ? ctx.fonts.small : ImGui::GetFont();
}

float text_w(ImFont* f, float size, const std::string& s) {
    return f->CalcTextSizeA(size, FLT_MAX, 0, s.c_str()).x;
}

// Splits text into lines no wider than width, at spaces.
std::vector<std::string> wrap(ImFont* f, float size, const std::string& text, float width) {
    std::vector<std::string> lines;
    std::string cur;
    size_t i = 0;
    while (i <= text.size()) {
        size_t sp = text.find(' ', i);
        if (sp == std::string::npos) sp = text.size();
        const std::string word = text.substr(i, sp - i);
        const std::string trial = cur.empty() ? word : cur + " " + word;
        if (!cur.empty() && text_w(f, size, trial) > width) {
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

// The first level at which every item's text fits the width (the last level if none does):
// the two rooms of a side say the same thing, each in the words that fit both.
size_t level_that_fits(ImFont* f, float size, float width,
                       const std::vector<std::vector<std::string>>& items) {
    size_t levels = 0;
    for (const auto& forms : items)
        levels = std::max(levels, forms.size());
    for (size_t l = 0; l + 1 < levels; ++l) {
        bool all = true;
        for (const auto& forms : items)
            all = all && text_w(f, size, forms[std::min(l, forms.size() - 1)]) <= width;
        if (all) return l;
    }
    return levels > 0 ? levels - 1 : 0;
}

// The first of the texts that fits the width, centred on cx (the last one if none fits).
void centred(ImDrawList* dl, ImFont* f, float size, float cx, float y, float width, ImU32 col,
             std::initializer_list<std::string> texts) {
    std::string s;
    for (const std::string& t : texts) {
        s = t;
        if (text_w(f, size, t) <= width) break;
    }
    draw_text(dl, f, size, ImVec2(cx - text_w(f, size, s) / 2, y), col, s.c_str());
}

void outline(ImDrawList* dl, ImVec2 a, ImVec2 b, bool lit) {
    if (lit)
        dl->AddRect(ImVec2(a.x - 3, a.y - 3), ImVec2(b.x + 3, b.y + 3), color::kHighlight, 7, 0,
                    2.5f);
}

void tip(const ViewContext& ctx, ImVec2 a, ImVec2 b, const std::string& text) {
    if (!ImGui::IsMouseHoveringRect(a, b) || !ImGui::IsWindowHovered()) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22);
    ImGui::TextUnformatted(ctx.text(text).c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

// The side's header: its name, and where its desks' numbers come from.
std::vector<std::string> header_lines(const ViewContext& ctx, const core::BigPicture& m,
                                      bool overlay, float width) {
    const std::string name = capitalized(ctx.text(overlay ? "{overlaycni}" : "{vpccni}"));
    const std::string from =
        overlay ? ctx.text("{desks}: private ") + core::step_value(m, "overlayrange")
                : ctx.text("{desks}: {building} A, ") + core::step_value(m, "vpcbuilding");
    const std::string both = name + "   " + from;
    ImFont* f = small(ctx);
    if (text_w(f, 14, both) <= width) return {both};
    return {name, from};
}

// Where everything of one side goes. The database has a place only when it is called.
SideBox layout_side(ImVec2 o, float w, float header_h, const Metrics& k, bool to_db,
                    int caption_lines) {
    SideBox b;
    b.o = o;
    b.w = w;
    b.header_h = header_h;
    const float top = o.y + header_h + 2;
    const float dbw = std::min(118.0f, std::max(96.0f, w * 0.26f));
    const float beside = to_db ? dbw + 10 : 0;  // the database stands beside the rooms
    const float gap = std::max(12.0f, w * 0.06f);
    const float rw = (w - 2 * kPad - gap - beside) / 2;
    for (int r = 0; r < 2; ++r) {
        const float x0 = o.x + kPad + static_cast<float>(r) * (rw + gap);
        b.room[r][0] = ImVec2(x0, top);
        b.room[r][1] = ImVec2(x0 + rw, top + k.room_h);
        const float cx = x0 + rw / 2;
        const float dw = std::min(rw - 6, 160.0f);
        b.desk[r][0] = ImVec2(cx - dw / 2, top + k.line + 2);
        b.desk[r][1] = ImVec2(cx + dw / 2, top + k.line + 2 + k.desk_h);
        const float ew = std::min(rw - 8, 110.0f);
        b.exit[r][0] = ImVec2(cx - ew / 2, top + k.room_h - 9);
        b.exit[r][1] = ImVec2(cx + ew / 2, top + k.room_h + 9);
    }
    b.net_y = top + k.room_h + 9 + k.net_gap;
    b.net_label[0] = ImVec2(o.x + kPad, b.net_y + 5);
    b.db[0] = ImVec2(o.x + w - kPad - dbw, top + k.room_h - k.db_h);
    b.db[1] = ImVec2(o.x + w - kPad, top + k.room_h);
    b.caption_y = b.net_y + 5 + k.line + 6;  // under the network's name
    b.bottom = b.caption_y + static_cast<float>(caption_lines) * k.line + 2;
    return b;
}

// One room of a side with its desk and its exit (switchboard or phone panel).
void draw_room_box(const ViewContext& ctx, const core::BigPictureSide& s, bool overlay,
                   const SideBox& b, const Metrics& k, int r, const core::PodRef& p,
                   const std::string& room_label, const std::string& desk_label, bool desk_lit) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* f = small(ctx);
    const std::string lit(ctx.lit());
    const core::Node* node = core::find_node(s.campus.cluster, p.node);
    const std::string main = node != nullptr ? ip(node->enis.front().primary_ip) : "";
    const ImVec2 r0 = b.room[r][0], r1 = b.room[r][1];
    const float cx = (r0.x + r1.x) / 2, rw = r1.x - r0.x;
    layer(kBase);
    dl->AddRectFilled(r0, r1, color::kBuilding, 7);
    dl->AddRect(r0, r1, color::kLine, 7);
    layer(kLabels);
    centred(dl, f, k.font, cx, r0.y + 2, rw - 6, color::kRoomNumber, {room_label});
    outline(dl, r0, ImVec2(r1.x, r0.y + k.line + 1), r == 0 && lit == "overlayroom" && overlay);
    tip(ctx, r0, ImVec2(r1.x, r0.y + k.line),
        "{room} " + p.node + " has its own {num} " + main + " in {building} A.");
    const ImVec2 d0 = b.desk[r][0], d1 = b.desk[r][1];
    dl->AddRectFilled(d0, d1, overlay ? color::kPrivateNumber : color::kOwnNumber, 5);
    centred(dl, f, k.font, cx, d0.y + (k.desk_h - k.font) / 2 - 1, d1.x - d0.x - 6, IM_COL32_WHITE,
            {desk_label});
    outline(dl, d0, d1, desk_lit);
    tip(ctx, d0, d1,
        overlay ? "{desk} " + p.name + " has the private {num} " + ip(p.ip) +
                      ": only the cluster knows it; the {campus} cannot dial it."
                : "{desk} " + p.name + " has the {ext} " + ip(p.ip) +
                      " of {building} A: any {room} or service in the {campus} can dial it.");
    const ImVec2 e0 = b.exit[r][0], e1 = b.exit[r][1];
    dl->AddRectFilled(e0, e1, overlay ? color::kSwap : color::kPanel, 5);
    const std::string exit = capitalized(ctx.text(overlay ? "{switchboard}" : "{panel}"));
    centred(dl, f, k.font, cx, e0.y + 2, e1.x - e0.x - 4, IM_COL32_WHITE, {exit});
    outline(dl, e0, e1, lit == (overlay ? "switchboard" : "panels"));
    tip(ctx, e0, e1,
        overlay ? "The {switchboard} in {room} " + p.node +
                      " wraps calls to other {rooms} in an envelope between the {rooms}' own "
                      "{nums}, and swaps the caller for " +
                      main + " on calls to anything else."
                : "{room} " + p.node + "'s {panel} holds " + ip(p.ip) +
                      ": calls leave and arrive as they are.");
}

// The header, both rooms, the network and the database of one side, lit where pointed at.
void draw_side(const ViewContext& ctx, const core::BigPicture& m, bool overlay, const SideBox& b,
               const Metrics& k, const std::vector<std::string>& header) {
    const core::BigPictureSide& s = overlay ? m.overlay : m.vpc;
    const bool to_db = m.call == core::BigPictureCall::ToDatabase;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* f = small(ctx);
    ImFont* bold = ctx.fonts.strong != nullptr ? ctx.fonts.strong : f;
    const std::string lit(ctx.lit());
    const ImVec2 side1(b.o.x + b.w, b.bottom);
    outline(dl, b.o, side1, lit == (overlay ? "overlay" : "vpc"));
    draw_text(dl, bold, 14, ImVec2(b.o.x + kPad, b.o.y + 2), color::kInk, header[0].c_str());
    if (header.size() > 1) {
        draw_text(dl, f, k.font, ImVec2(b.o.x + kPad, b.o.y + 20), color::kMuted,
                  header[1].c_str());
    }
    outline(dl, b.o, ImVec2(side1.x, b.o.y + b.header_h),
            lit == (overlay ? "overlayrange" : "vpcbuilding"));
    const core::PodRef& caller = s.campus.pods.front();
    core::Result<core::PodRef> callee =
        core::callee_pod(s.campus, caller.name, core::Callee::OtherNode);
    if (!callee) return;
    // Both rooms in the same words: the longest that fit both.
    std::vector<std::vector<std::string>> rooms, desks;
    const core::PodRef* const both[2] = {&caller, &callee.value()};
    for (const core::PodRef* p : both) {
        const core::Node* n = core::find_node(s.campus.cluster, p->node);
        const std::string main = n != nullptr ? ip(n->enis.front().primary_ip) : "";
        rooms.push_back({ctx.text("{room} ") + p->node + "  " + main, p->node + " " + main, main});
        const std::string a = ip(p->ip);
        desks.push_back({ctx.text("{desk} ") + p->name + "  " + a, p->name + " " + a, a});
    }
    const float rw = b.room[0][1].x - b.room[0][0].x;
    const size_t rl = level_that_fits(f, k.font, rw - 6, rooms);
    const size_t dlv = level_that_fits(f, k.font, b.desk[0][1].x - b.desk[0][0].x - 6, desks);
    draw_room_box(
        ctx, s, overlay, b, k, 0, caller, rooms[0][rl], desks[0][dlv],
        lit == "desks" || lit == "caller" || lit == (overlay ? "overlaydesk" : "vpcdesk"));
    draw_room_box(ctx, s, overlay, b, k, 1, *callee, rooms[1][rl], desks[1][dlv],
                  lit == "desks" || (lit == "callee" && !to_db));
    // The network and the database.
    const float x0 = b.o.x + kPad, x1 = b.o.x + b.w - kPad;
    layer(kBase);
    dl->AddLine(ImVec2(x0, b.net_y), ImVec2(x1, b.net_y), color::kLine, 5.0f);
    layer(kLabels);
    outline(dl, ImVec2(x0, b.net_y - 3), ImVec2(x1, b.net_y + 3), lit == "network");
    const std::string net = ctx.text("{campus} network");
    draw_text(dl, f, k.font, b.net_label[0], color::kMuted, net.c_str());
    tip(ctx, ImVec2(x0, b.net_y - 4), ImVec2(x1, b.net_y + 4),
        overlay ? "The {campus} router knows only {building} {nums}; it has never heard of " +
                      core::format_cidr(s.campus.overlay_range) + "."
                : "The {campus} router carries calls between {campus} {nums}, the {desks}' "
                  "too.");
    if (!to_db) return;  // the database enters the picture when the call goes to it
    layer(kBase);
    dl->AddRectFilled(b.db[0], b.db[1], color::kRoom, 6);
    layer(kLabels);
    dl->AddRect(b.db[0], b.db[1], color::kLine, 6);
    const float dcx = (b.db[0].x + b.db[1].x) / 2, dw = b.db[1].x - b.db[0].x - 6;
    centred(dl, f, k.font, dcx, b.db[0].y + 2, dw, color::kInk, {"RDS database", "RDS"});
    centred(dl, f, k.font, dcx, b.db[0].y + k.db_h / 2, dw, color::kMuted, {ip(s.campus.rds.ip)});
    outline(dl, b.db[0], b.db[1], lit == "database" || (lit == "callee" && to_db));
    tip(ctx, b.db[0], b.db[1],
        "An RDS database at " + ip(s.campus.rds.ip) + " in " + s.campus.rds.where + ".");
}

// The route of the call on a side: a point per hop, with the corners between them.
struct Route {
    std::vector<ImVec2> pts;
    std::vector<int> hop_at;  // index into pts of each hop
};

Route route(const SideBox& b, const core::TrafficPath& p) {
    Route r;
    // Each stop sits in a lane beside what it names, so the call never covers a label.
    auto cx = [](const ImVec2(&box)[2]) { return (box[0].x + box[1].x) / 2; };
    const float lane_a = (b.desk[0][1].y + b.exit[0][0].y) / 2;
    const ImVec2 desk_a(cx(b.desk[0]), lane_a), desk_b(cx(b.desk[1]), lane_a);
    const ImVec2 exit_a(cx(b.exit[0]), b.exit[0][1].y + 5),
        exit_b(cx(b.exit[1]), b.exit[1][1].y + 5);
    const bool to_db = p.callee == core::Callee::Rds;
    const ImVec2 db(cx(b.db), b.db[1].y + 5);
    const float far_x = to_db ? db.x : exit_b.x;
    auto hop = [&r](ImVec2 at) {
        r.hop_at.push_back(static_cast<int>(r.pts.size()));
        r.pts.push_back(at);
    };
    hop(desk_a);
    hop(exit_a);
    r.pts.push_back(ImVec2(exit_a.x, b.net_y));
    hop(ImVec2((exit_a.x + far_x) / 2, b.net_y));
    r.pts.push_back(ImVec2(far_x, b.net_y));
    if (to_db) {
        hop(db);
    } else {
        hop(exit_b);
        hop(desk_b);
    }
    r.hop_at.resize(std::min(r.hop_at.size(), p.hops.size()));
    return r;
}

// The point a fraction t of the way along pts[from..to] (by length).
ImVec2 along(const std::vector<ImVec2>& pts, int from, int to, float t) {
    if (from == to) return pts[static_cast<size_t>(to)];
    const int step = to > from ? 1 : -1;
    float total = 0;
    for (int i = from; i != to; i += step) {
        const ImVec2 a = pts[static_cast<size_t>(i)], c = pts[static_cast<size_t>(i + step)];
        total += std::hypot(c.x - a.x, c.y - a.y);
    }
    float left = std::clamp(t, 0.0f, 1.0f) * total;
    for (int i = from; i != to; i += step) {
        const ImVec2 a = pts[static_cast<size_t>(i)], c = pts[static_cast<size_t>(i + step)];
        const float d = std::hypot(c.x - a.x, c.y - a.y);
        if (left <= d && d > 0) {
            const float u = left / d;
            return ImVec2(a.x + (c.x - a.x) * u, a.y + (c.y - a.y) * u);
        }
        left -= d;
    }
    return pts[static_cast<size_t>(to)];
}

// The call: the route ahead faint, the way travelled solid, the call a dot.
void draw_call(const Route& r, int from_hop, int hop, float t, bool overlay) {
    if (r.hop_at.empty()) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const int last = static_cast<int>(r.hop_at.size()) - 1;
    const int a = r.hop_at[static_cast<size_t>(std::clamp(from_hop, 0, last))];
    const int b = r.hop_at[static_cast<size_t>(std::clamp(hop, 0, last))];
    const ImU32 col = overlay ? color::kPrivateNumber : color::kOwnNumber;
    layer(kRoutes);
    for (size_t i = 0; i + 1 < r.pts.size(); ++i)
        dl->AddLine(r.pts[i], r.pts[i + 1], IM_COL32(120, 130, 150, 70), 3.0f);
    const ImVec2 at = along(r.pts, a, b, t);
    const int reached = t >= 1.0f ? b : std::min(a, b);
    for (int i = 0; i < reached; ++i)
        dl->AddLine(r.pts[static_cast<size_t>(i)], r.pts[static_cast<size_t>(i + 1)], col, 3.0f);
    if (t < 1.0f && b > a) dl->AddLine(r.pts[static_cast<size_t>(a)], at, col, 3.0f);
    layer(kTop);
    dl->AddCircleFilled(at, 6, color::kAccent);
    dl->AddCircle(at, 6, IM_COL32_WHITE, 0, 2.0f);
}

// Where the call is on a hop, in words: "the {switchboard} in {room} A1".
std::string where(const core::Hop& h, bool overlay) {
    switch (h.kind) {
        case core::HopKind::Pod:
            return "{desk} " + h.name;
        case core::HopKind::Node:
            return overlay ? "the {switchboard} in " + h.name : h.name;
        case core::HopKind::Eni:
            return h.name + "'s {panel}";
        case core::HopKind::VpcRouter:
            return "the {campus} router";
        default:
            return h.name;
    }
}

// The caption of a side at a hop: what happens there, and whose number the call carries.
std::vector<std::pair<std::string, ImU32>> caption(const core::TrafficPath& p, int hop,
                                                   bool overlay) {
    const core::Hop& h = p.hops[static_cast<size_t>(hop)];
    const bool first = hop == 0, last = hop + 1 == static_cast<int>(p.hops.size());
    std::string what = where(h, overlay);
    if (first) {
        what += " places the call to " + p.callee_name + ".";
    } else if (last) {
        what += " takes the call.";
    } else if (h.change.empty()) {
        what += " passes it on as it is.";
    } else {
        what += " " + h.change + ".";
    }
    std::string carried;
    ImU32 col = h.source == p.caller_ip ? (overlay ? color::kPrivateNumber : color::kOwnNumber)
                                        : color::kRoomNumber;
    if (last) {
        carried = p.callee_name + " sees " + ip(p.seen_source) + ": " + p.seen_as + ".";
    } else if (h.outer_source.value != 0) {
        carried =
            "On the envelope: from " + ip(h.outer_source) + "; inside: from " + ip(h.source) + ".";
        col = color::kRoomNumber;
    } else {
        carried = "The call says it is from " + ip(h.source) + ".";
    }
    return {{what, h.change.empty() ? color::kInk : color::kRoomNumber}, {carried, col}};
}

int caption_lines(const ViewContext& ctx, const core::TrafficPath& p, bool overlay, float w,
                  float size) {
    int most = 0;
    for (int i = 0; i < static_cast<int>(p.hops.size()); ++i) {
        int n = 0;
        for (const auto& part : caption(p, i, overlay))
            n += static_cast<int>(
                wrap(small(ctx), size, capitalized(ctx.text(part.first)), w).size());
        most = std::max(most, n);
    }
    return most;
}

void draw_caption(const ViewContext& ctx, const core::TrafficPath& p, int hop, bool overlay,
                  const SideBox& b, const Metrics& k) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float y = b.caption_y;
    const std::string lit(ctx.lit());
    const bool seen_lit = lit == (overlay ? "overlayseen" : "vpcseen");
    for (const auto& part : caption(p, hop, overlay)) {
        for (const std::string& l :
             wrap(small(ctx), k.font, capitalized(ctx.text(part.first)), b.w - 2 * kPad)) {
            draw_text(dl, small(ctx), k.font, ImVec2(b.o.x + kPad, y), part.second, l.c_str());
            y += k.line;
        }
    }
    if (seen_lit && hop + 1 == static_cast<int>(p.hops.size()))
        outline(dl, ImVec2(b.o.x + kPad, b.caption_y), ImVec2(b.o.x + b.w - kPad, y), true);
}

// Play moves the calls on by itself; the figure glides them to each new hop.
void advance(core::BigPicture& m, BigPictureUi& ui, double now, ViewOut& out) {
    if (ui.playing && now >= ui.next_hop_ms) {
        core::apply(m, core::BigPictureAction::Step);
        ui.next_hop_ms = now + kHopMs;
        if (core::arrived(m)) ui.playing = false;
    }
    if (m.hop != ui.shown_hop) {
        ui.from_hop = ui.shown_hop;
        ui.shown_hop = m.hop;
        ui.moved_ms = now;
    }
    // Each frame of a glide or of Play asks for the next one, measured from its own time: a
    // slow frame (a busy machine) cannot end the loop before the deadline it waits for.
    if (ui.playing || now < ui.moved_ms + kGlideMs) {
        out.animate(now + kSlack);
        platform::request_frame();  // as the old overlay view did: the loop's own check alone
                                    // was seen to stop it now and then (headless Chromium)
    }
}

// Step, Play and Start over, with the hop count.
void draw_stepper(core::BigPicture& m, BigPictureUi& ui, double now) {
    const bool done = core::arrived(m);
    ImGui::BeginDisabled(done);
    ImGui::PushStyleColor(ImGuiCol_Button, color::kAccentFill);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, color::kAccentHover);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    if (ImGui::Button("Step")) {
        ui.playing = false;
        core::apply(m, core::BigPictureAction::Step);
    }
    ImGui::PopStyleColor(3);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ui.playing) {
        if (ImGui::Button("Pause")) ui.playing = false;
    } else if (ImGui::Button("Play")) {
        if (done) core::apply(m, core::BigPictureAction::StartOver);
        ui.playing = true;
        ui.next_hop_ms = now + kHopMs;
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(m.hop == 0);
    if (ImGui::Button("Start over")) {
        ui.playing = false;
        core::apply(m, core::BigPictureAction::StartOver);
    }
    ImGui::EndDisabled();
    const std::string count =
        "Hop " + core::step_value(m, "hop") + " of " + core::step_value(m, "hops");
    flow(ImGui::CalcTextSize(count.c_str()).x);
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", count.c_str());
}

}  // namespace

ViewOut draw_big_picture(const ViewContext& ctx, core::BigPicture& m, BigPictureUi& ui) {
    ViewOut out;
    if (!m.message.empty()) {
        wrapped_text(ctx.text(m.message).c_str(), color::kBad);
        out.live = ctx.text(m.message);
        return out;
    }
    const double now = platform::now_ms();
    advance(m, ui, now, out);
    out.figure_min = ImGui::GetCursorScreenPos();
    draw_stepper(m, ui, now);

    // The two sides, one above the other; tighter in a short view (a phone).
    const float width = ImGui::GetContentRegionAvail().x;
    const float w = width;
    const Metrics k = metrics(ImGui::GetContentRegionAvail().y < 520);
    const bool to_db = m.call == core::BigPictureCall::ToDatabase;
    const float t = static_cast<float>(std::clamp((now - ui.moved_ms) / kGlideMs, 0.0, 1.0));
    ImVec2 o = ImGui::GetCursorScreenPos();
    float bottom = o.y;
    const core::BigPictureSide* sides[2] = {&m.overlay, &m.vpc};
    int lines = 0;
    for (int i = 0; i < 2; ++i)
        lines = std::max(lines, caption_lines(ctx, core::shown_call(m, *sides[i]), i == 0,
                                              w - 2 * kPad, k.font));
    for (int i = 0; i < 2; ++i) {
        const bool overlay = i == 0;
        const core::BigPictureSide& s = *sides[i];
        const core::TrafficPath& p = core::shown_call(m, s);
        const std::vector<std::string> header = header_lines(ctx, m, overlay, w - 2 * kPad);
        const SideBox b = layout_side(o, w, header.size() > 1 ? 36.0f : 20.0f, k, to_db, lines);
        ImGui::GetWindowDrawList()->ChannelsSplit(kLayers);
        layer(kLabels);
        draw_side(ctx, m, overlay, b, k, header);
        const int hop = core::side_hop(m, s);
        draw_call(route(b, p), std::min(ui.from_hop, hop), hop, t, overlay);
        layer(kLabels);
        draw_caption(ctx, p, hop, overlay, b, k);
        ImGui::GetWindowDrawList()->ChannelsMerge();
        bottom = std::max(bottom, b.bottom);
        o = ImVec2(o.x, b.bottom + 8);
    }
    ImGui::Dummy(ImVec2(width, bottom - ImGui::GetCursorScreenPos().y));
    out.figure_max = ImVec2(out.figure_min.x + width, bottom);

    // Whom web-1 calls.
    const std::string to_desk = ctx.text("Call a {desk} in {room} A2");
    const std::string call_db = ctx.text("Call the database");
    if (chip(to_desk.c_str(), m.call == core::BigPictureCall::ToDesk)) {
        ui.playing = false;
        core::apply(m, core::BigPictureAction::CallDesk);
        ui.shown_hop = ui.from_hop = m.hop;
    }
    flow(chip_width(call_db.c_str()));
    if (chip(call_db.c_str(), m.call == core::BigPictureCall::ToDatabase)) {
        ui.playing = false;
        core::apply(m, core::BigPictureAction::CallDatabase);
        ui.shown_hop = ui.from_hop = m.hop;
    }

    const core::TrafficPath& ov = core::shown_call(m, m.overlay);
    const core::TrafficPath& vp = core::shown_call(m, m.vpc);
    out.live = ctx.text("Hop " + core::step_value(m, "hop") + " of " + core::step_value(m, "hops") +
                        ". {overlaycni}: " + ov.callee_name + " sees " + ip(ov.seen_source) +
                        ". {vpccni}: " + vp.callee_name + " sees " + ip(vp.seen_source) + "." +
                        (core::arrived(m) ? " Arrived." : ""));
    return out;
}

}  // namespace web
