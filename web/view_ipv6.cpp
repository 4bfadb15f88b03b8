// view_ipv6.cpp: step "ipv6" (see view_ipv6.h).
#include "view_ipv6.h"

#include <algorithm>
#include <string>

#include "draw_campus.h"
#include "imgui.h"
#include "platform.h"
#include "ui.h"

namespace web {
namespace {

constexpr double kBuiltMs = 700;
constexpr float kSmallSize = 13.0f;  // the small font's size (fonts.h)

bool lit_any(const ViewContext& ctx, std::initializer_list<std::string_view> parts) {
    const std::string_view lit = ctx.lit();
    return std::find(parts.begin(), parts.end(), lit) != parts.end();
}

void outline(ImDrawList* dl, ImVec2 a, ImVec2 z, float pad = 3) {
    dl->AddRect(ImVec2(a.x - pad, a.y - pad), ImVec2(z.x + pad, z.y + pad), color::kHighlight, 6, 0,
                2.5f);
}

void small_text(const ViewContext& ctx, ImDrawList* dl, ImVec2 at, ImU32 col,
                const std::string& text, float max_w) {
    dl->PushClipRect(at, ImVec2(at.x + max_w, at.y + 18), true);
    draw_text(dl, ctx.fonts.small, kSmallSize, at, col, text.c_str());
    dl->PopClipRect();
}

// Small text wrapped to a width; returns its height.
float small_wrapped(const ViewContext& ctx, ImDrawList* dl, ImVec2 at, ImU32 col,
                    const std::string& text, float width) {
    const ImVec2 size = ctx.fonts.small->CalcTextSizeA(kSmallSize, FLT_MAX, width, text.c_str());
    draw_text(dl, ctx.fonts.small, kSmallSize, at, col, text.c_str(), nullptr, width);
    return size.y;
}

// The desks asked for, one cell each: green with an address, red outline waiting for one,
// grey with a cross when kubelet turned them away. Returns the height used.
float draw_desks(const ViewContext& ctx, ImDrawList* dl, ImVec2 o, float width,
                 const core::Ipv6Room& r) {
    const int total = r.running + r.waiting + r.refused;
    const float gap = 3;
    const float cell = std::clamp((width - 19 * gap) / 20, 8.0f, 14.0f);
    const int per_row = std::max(1, static_cast<int>((width + gap) / (cell + gap)));
    for (int i = 0; i < total; ++i) {
        const ImVec2 a(o.x + static_cast<float>(i % per_row) * (cell + gap),
                       o.y + static_cast<float>(i / per_row) * (cell + gap));
        const ImVec2 z(a.x + cell, a.y + cell);
        if (i < r.running) {
            dl->AddRectFilled(a, z, color::kSlotDesk, 2);
        } else if (i < r.running + r.waiting) {
            dl->AddRect(a, z, color::kPending, 2, 0, 1.5f);
        } else {
            dl->AddRect(a, z, color::kMuted, 2, 0, 1.2f);
            dl->AddLine(a, z, color::kMuted, 1.2f);
        }
    }
    const int rows = (total + per_row - 1) / per_row;
    const float h = static_cast<float>(rows) * (cell + gap);
    if (ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(o, ImVec2(o.x + width, o.y + h)))
        ImGui::SetTooltip("%s", ctx.text("Green: a {desk} with a {num}. Red outline: waiting for "
                                         "one. Grey cross: turned away by kubelet's {maxpods}.")
                                    .c_str());
    if (lit_any(ctx, {"desks", "running"}) && r.running > 0) {
        const int last_row = (r.running - 1) / per_row;
        outline(dl, o,
                ImVec2(o.x + static_cast<float>(std::min(r.running, per_row)) * (cell + gap) - gap,
                       o.y + static_cast<float>(last_row + 1) * (cell + gap) - gap));
    }
    if (lit_any(ctx, {"refused", "maxpods"}) && r.refused > 0) {
        const int first = r.running + r.waiting;
        const ImVec2 a(o.x + static_cast<float>(first % per_row) * (cell + gap),
                       o.y + static_cast<float>(first / per_row) * (cell + gap));
        outline(dl, a, ImVec2(a.x + cell, a.y + cell));
    }
    return h;
}

// Who set kubelet's max-pods, in the current words.
std::string max_pods_line(const ViewContext& ctx, const core::Ipv6Room& r) {
    std::string who;
    if (r.by_hand) {
        who = "set by hand";
    } else if (r.source == core::MaxPodsSource::ManagedNodeGroup) {
        who = ctx.text("{managed}: AWS's calculator, capped");
    } else {
        who = ctx.text("{selfmanaged}: nodeadm's IPv4 formula");
    }
    return ctx.text("kubelet's {maxpods}: ") + std::to_string(r.max_pods) + " (" + who + ")";
}

// The IPv6 room: its first panel with the room's own number and the /80, the panels it
// could attach but never needs for desks, then the desks. Returns the size used.
ImVec2 draw_v6_room(const ViewContext& ctx, const core::Ipv6Step& m, const core::Ipv6Room& r,
                    float fresh) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float w = ImGui::GetContentRegionAvail().x;
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const float pad = 10, title_h = 24, panel_h = 52;
    // Beside the first panel, the panels the room could still take; on a phone, a caption.
    const bool narrow = w < 480;
    const int others = m.type.max_enis - 1;
    const float panel_w = others > 0 && !narrow ? w * 0.66f : w - 2 * pad;
    const ImVec2 p0(o.x + pad, o.y + title_h);
    const ImVec2 p1(p0.x + panel_w, p0.y + panel_h);
    float y = p1.y + 6;
    if (narrow && others > 0) {
        const std::string more =
            std::to_string(others) + ctx.text(" more {panels} possible, not needed for {desks}");
        y += small_wrapped(ctx, dl, ImVec2(o.x + pad, y), color::kMuted, more, w - 2 * pad) + 4;
    }
    const bool limit_lit = lit_any(ctx, {"maxpods", "nodeadm", "managed", "cap"});
    y += small_wrapped(ctx, dl, ImVec2(o.x + pad, y), limit_lit ? color::kHighlight : color::kInk,
                       max_pods_line(ctx, r), w - 2 * pad) +
         6;
    const float desks_h = draw_desks(ctx, dl, ImVec2(o.x + pad, y), w - 2 * pad, r);
    const ImVec2 oz(o.x + w, y + desks_h + 6);
    dl->AddRect(o, oz, color::kLine, 10, 0, 1.5f);
    if (fresh > 0) dl->AddRect(o, oz, color::kAccent, 10, 0, 1.5f + 3 * fresh);
    small_text(ctx, dl, ImVec2(o.x + pad, o.y + 5), color::kMuted,
               ctx.text("{room}: ") + "node-1 (" + m.type.name + "), " + ctx.text("{newsystem}"),
               w - 2 * pad);
    // The first panel: the room's own IPv4 number, then the /80.
    dl->AddRectFilled(p0, p1, color::kPanel, 6);
    const float s = panel_h - 26;
    const ImVec2 main_a(p0.x + 6, p0.y + 20);
    dl->AddRectFilled(main_a, ImVec2(main_a.x + s, main_a.y + s), color::kSlotMain, 3);
    small_text(ctx, dl, ImVec2(p0.x + 6, p0.y + 3), IM_COL32_WHITE, ctx.text("{firstpanel}"),
               panel_w - 12);
    const ImVec2 pre_a(main_a.x + s + 6, main_a.y);
    const ImVec2 pre_z(p1.x - 6, main_a.y + s);
    dl->AddRectFilled(pre_a, pre_z, color::kAddrPrefix, 3);
    small_text(ctx, dl, ImVec2(pre_a.x + 5, pre_a.y + (s - kSmallSize) * 0.5f), IM_COL32_WHITE,
               "/80: " + core::step_value(m, "v6addrs") + ctx.text(" {longnums}"),
               pre_z.x - pre_a.x - 8);
    if (lit_any(ctx, {"mainext"})) outline(dl, main_a, ImVec2(main_a.x + s, main_a.y + s));
    if (lit_any(ctx, {"prefix", "v6addrs", "prefixlen"})) outline(dl, pre_a, pre_z);
    if (lit_any(ctx, {"panels"})) outline(dl, p0, p1);
    if (others > 0 && !narrow) {
        const float ow =
            (w - 2 * pad - panel_w - 6 * static_cast<float>(others)) / static_cast<float>(others);
        for (int i = 0; i < others; ++i) {
            const ImVec2 a(p1.x + 6 + static_cast<float>(i) * (ow + 6), p0.y);
            dl->AddRect(a, ImVec2(a.x + ow, p1.y), color::kLine, 6, 0, 1.0f);
            small_text(ctx, dl, ImVec2(a.x + 5, p0.y + 3), color::kMuted, "not needed", ow - 8);
        }
    }
    if (ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(p0, p1)) {
        ImGui::SetTooltip("%s", (ctx.text("{firstpanel}: the {mainext} ") + r.node_ipv4 + "\n" +
                                 ctx.text("{bigblock} ") + r.prefix + ctx.text(": {desks} take ") +
                                 ctx.text("{longnums} from it, ") + r.desk_ipv6 + ", ...")
                                    .c_str());
    }
    ImGui::Dummy(ImVec2(w, oz.y - o.y));
    return ImVec2(w, oz.y - o.y);
}

// The IPv4 room: the shared room drawing, then the desks kubelet turned away.
void draw_v4_room(const ViewContext& ctx, const core::Ipv6Step& m, const core::Ipv6Room& r,
                  float fresh) {
    const core::Node* node = core::find_node(m.campus, core::kOneRoomNode);
    if (node == nullptr) return;
    RoomStyle rs;
    rs.show_host_pods = false;
    rs.cell = 26;  // leaves room for the building under it on a phone
    rs.title = ctx.text("{room}: ") + "node-1 (" + m.type.name + "), " + ctx.text("{oldsystem}");
    if (lit_any(ctx, {"panels", "deskslots"})) rs.highlight = kHighlightPanels;
    if (lit_any(ctx, {"desks", "running"})) rs.highlight = kHighlightPodSlots;
    if (lit_any(ctx, {"mainext"})) rs.highlight = kHighlightMainExt;
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const ImVec2 size = draw_room(ctx, *node, rs);
    if (fresh > 0)
        ImGui::GetWindowDrawList()->AddRect(o, ImVec2(o.x + size.x, o.y + size.y), color::kAccent,
                                            10, 0, 1.5f + 3 * fresh);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float w = ImGui::GetContentRegionAvail().x;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const bool limit_lit = lit_any(ctx, {"maxpods", "nodeadm", "managed", "cap"});
    float h = small_wrapped(ctx, dl, at, limit_lit ? color::kHighlight : color::kInk,
                            max_pods_line(ctx, r), w) +
              6;
    if (r.refused > 0) {
        core::Ipv6Room turned = r;
        turned.running = 0;
        turned.waiting = 0;
        h += draw_desks(ctx, dl, ImVec2(at.x, at.y + h), w, turned);
    }
    ImGui::Dummy(ImVec2(w, h));
}

// The building's IPv4 addresses (lit when the beat points at it).
void draw_small_building(const ViewContext& ctx, const core::Ipv6Step& m) {
    const core::Subnet* s = core::find_subnet(m.campus.vpc, core::kOneRoomSubnet);
    if (s == nullptr) return;
    BuildingStyle bs;
    bs.max_cell = 12;
    bs.cluster = &m.campus;
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const ImVec2 size = draw_building(ctx, *s, bs);
    if (lit_any(ctx, {"building", "blocks", "usable", "free", "v4used"}))
        outline(ImGui::GetWindowDrawList(), o, ImVec2(o.x + size.x, o.y + size.y));
}

// A call from an IPv6 desk to an IPv4-only service: host-local number, swapped for the
// room's own number on the way out.
void draw_egress(const ViewContext& ctx, const core::Ipv6Room& r) {
    struct Hop {
        std::string label;
        std::string address;
        ImU32 col;
        bool lit;
    };
    const Hop hops[] = {
        {ctx.text("a {desk}'s {longnum}"), r.desk_ipv6, color::kSlotDesk, false},
        {ctx.text("its {localnum}"), r.desk_local, color::kSlotWarm,
         lit_any(ctx, {"localnum", "egress"})},
        {ctx.text("swapped for the {mainext} ({snat})"), r.node_ipv4, color::kSlotMain,
         lit_any(ctx, {"mainext"})},
        {"an IPv4-only service", r.service, color::kAddrOther, false},
    };
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float w = ImGui::GetContentRegionAvail().x;
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const float row = 36;
    for (size_t i = 0; i < 4; ++i) {
        const ImVec2 a(o.x, o.y + static_cast<float>(i) * row);
        dl->AddRectFilled(ImVec2(a.x, a.y + 4), ImVec2(a.x + 14, a.y + 18), hops[i].col, 3);
        small_text(ctx, dl, ImVec2(a.x + 22, a.y), hops[i].lit ? color::kHighlight : color::kMuted,
                   hops[i].label, w - 22);
        small_text(ctx, dl, ImVec2(a.x + 22, a.y + 15), color::kInk, hops[i].address, w - 22);
        if (hops[i].lit) outline(dl, a, ImVec2(a.x + w - 6, a.y + row - 6));
        if (i < 3)
            dl->AddTriangleFilled(ImVec2(a.x + 3, a.y + 22), ImVec2(a.x + 11, a.y + 22),
                                  ImVec2(a.x + 7, a.y + 30), color::kMuted);
    }
    ImGui::Dummy(ImVec2(w, 4 * row));
}

// What IPv6 mode leaves out, from core.
void draw_unsupported(const ViewContext& ctx, const core::Ipv6Step& m) {
    const ImVec2 o = ImGui::GetCursorScreenPos();
    ImGui::PushFont(ctx.fonts.strong);
    ImGui::TextUnformatted(capitalized(ctx.text("what the {newsystem} leaves out")).c_str());
    ImGui::PopFont();
    for (const std::string& line : core::ipv6_unsupported(m)) {
        ImGui::Bullet();
        ImGui::SameLine();
        wrapped_text(ctx.text(line).c_str());
    }
    if (lit_any(ctx, {"unsupported"}))
        outline(ImGui::GetWindowDrawList(), o,
                ImVec2(o.x + ImGui::GetContentRegionAvail().x, ImGui::GetCursorScreenPos().y));
    ImGui::Dummy(ImVec2(1, 6));
}

void apply_setting(const ViewContext& ctx, core::Ipv6Step& m, const core::Setting& s) {
    core::Status st = core::set(m, s, ctx.catalog);
    if (!st) m.message = st.error().message;
}

// The learner's hand: the phone system, prefix delegation, the node group kind, max-pods by
// hand and the desks asked for.
void draw_controls(const ViewContext& ctx, core::Ipv6Step& m, const core::Ipv6Room& r, Ipv6Ui& ui) {
    const bool v6 = m.family == core::IpFamily::Ipv6;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ctx.text("Build the {campus} with").c_str());
    const std::string old_label = ctx.text("{oldsystem}");
    const std::string new_label = ctx.text("{newsystem}");
    if (ImGui::RadioButton(old_label.c_str(), !v6) && v6) {
        apply_setting(ctx, m, {"family", true, 0, "ipv4"});
        ui.built_until_ms = platform::now_ms() + kBuiltMs;
    }
    ImGui::SameLine();
    if (ImGui::RadioButton(new_label.c_str(), v6) && !v6) {
        apply_setting(ctx, m, {"family", true, 0, "ipv6"});
        ui.built_until_ms = platform::now_ms() + kBuiltMs;
    }
    if (!v6) {
        bool pd = m.prefix_delegation;
        if (checkbox_wrapped(ctx.text("Prefix delegation: {blocks}").c_str(), &pd))
            apply_setting(ctx, m, {"pd", false, pd ? 1 : 0, {}});
    }
    const bool managed = m.node_group == core::NodeGroupKind::Managed;
    if (ImGui::RadioButton(ctx.text("{managed}").c_str(), managed) && !managed)
        apply_setting(ctx, m, {"nodegroup", true, 0, "managed"});
    ImGui::SameLine();
    if (ImGui::RadioButton(ctx.text("{selfmanaged}").c_str(), !managed) && managed)
        apply_setting(ctx, m, {"nodegroup", true, 0, "self-managed"});
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(capitalized(ctx.text("{maxpods}")).c_str());
    ImGui::SameLine();
    int limit = static_cast<int>(r.max_pods);
    if (stepper("maxpods", limit, 3, 250)) apply_setting(ctx, m, {"maxpods", false, limit, {}});
    if (r.by_hand) {
        ImGui::SameLine();
        if (ImGui::SmallButton("Unset")) apply_setting(ctx, m, {"maxpods", false, 0, {}});
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(capitalized(ctx.text("{desks} wanted")).c_str());
    ImGui::SameLine();
    int want = m.want;
    if (stepper("want", want, 1, 250)) apply_setting(ctx, m, {"want", false, want, {}});
}

}  // namespace

ViewOut draw_ipv6(const ViewContext& ctx, core::Ipv6Step& m, Ipv6Ui& ui) {
    ViewOut out;
    const core::Ipv6Room r = core::ipv6_room(m);
    if (!r.built) {
        wrapped_text(m.message.empty() ? "The campus could not be built." : m.message.c_str(),
                     color::kBad);
        out.live = m.message;
        return out;
    }
    const double now = platform::now_ms();
    const float fresh =
        now < ui.built_until_ms ? static_cast<float>((ui.built_until_ms - now) / kBuiltMs) : 0.0f;
    if (fresh > 0) out.animate(ui.built_until_ms + 120);

    // The figure: the room, its building, and what the beat points at.
    out.figure_min = ImGui::GetCursorScreenPos();
    // On the beat about what IPv6 leaves out, that list comes first (a phone shows little
    // more than it); otherwise the room, then what the beat points at under it.
    const bool unsupported = lit_any(ctx, {"unsupported"});
    if (unsupported) draw_unsupported(ctx, m);
    if (m.family == core::IpFamily::Ipv6) {
        draw_v6_room(ctx, m, r, fresh);
    } else {
        draw_v4_room(ctx, m, r, fresh);
    }
    if (lit_any(ctx, {"egress", "localnum", "mainext"}) && m.family == core::IpFamily::Ipv6) {
        draw_egress(ctx, r);
    } else if (!unsupported) {
        draw_small_building(ctx, m);
    }
    out.figure_max =
        ImVec2(out.figure_min.x + ImGui::GetContentRegionAvail().x, ImGui::GetCursorScreenPos().y);

    // The result, then the switches.
    ImGui::PushFont(ctx.fonts.strong);
    wrapped_text((capitalized(ctx.text("{desks}: ")) + std::to_string(r.running) + " of " +
                  std::to_string(m.want) + " run" +
                  (r.waiting > 0 ? ", " + std::to_string(r.waiting) + " wait" : "") +
                  (r.refused > 0 ? ", " + std::to_string(r.refused) + " turned away" : ""))
                     .c_str(),
                 r.running == m.want ? color::kGood : color::kInk);
    ImGui::PopFont();
    if (!m.message.empty()) wrapped_text(m.message.c_str(), color::kBad);
    ImGui::Spacing();
    draw_controls(ctx, m, r, ui);

    out.live = std::string(m.family == core::IpFamily::Ipv6 ? "IPv6" : "IPv4") + " cluster, " +
               m.type.name + ": " + std::to_string(r.running) + " of " + std::to_string(m.want) +
               " pods running, " + std::to_string(r.waiting) + " waiting, " +
               std::to_string(r.refused) + " refused; kubelet max-pods " +
               std::to_string(r.max_pods);
    if (!m.message.empty()) out.live += ". " + m.message;
    return out;
}

}  // namespace web
