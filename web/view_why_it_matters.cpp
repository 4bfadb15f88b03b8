// view_why_it_matters.cpp: step "why-it-matters" (see view_why_it_matters.h).
#include "view_why_it_matters.h"

#include <algorithm>
#include <string>

#include "call_path.h"
#include "draw_campus.h"
#include "imgui.h"
#include "platform.h"
#include "ui.h"

namespace web {
namespace {

constexpr double kFlashMs = 700;  // the verdict glows when what the callee sees changes

std::string ip(core::Ipv4 a) {
    return core::format_ipv4(a);
}

// The hops a part of the picture names (bit i: hop i).
unsigned lit_hops(const core::TrafficPath& p, std::string_view part) {
    unsigned bits = 0;
    const int n = static_cast<int>(p.hops.size());
    for (int i = 0; i < n && i < 32; ++i) {
        const core::Hop& h = p.hops[static_cast<size_t>(i)];
        const bool on =
            ((part == "caller" || part == "own") && i == 0) ||
            ((part == "callee" || part == "seen") && i == n - 1) ||
            ((part == "room" || part == "roomext") && i == 1 &&
             (h.kind == core::HopKind::Node || !h.change.empty())) ||
            (part == "panel" && h.kind == core::HopKind::Eni) ||
            (part == "network" && h.kind == core::HopKind::VpcRouter) ||
            ((part == "exchange" || part == "public") && h.kind == core::HopKind::NatGateway) ||
            ((part == "walkway" || part == "peer") && h.kind == core::HopKind::Peering);
        if (on) bits |= 1u << i;
    }
    return bits;
}

// Whose number the callee sees, as a colour.
ImU32 seen_color(const core::TrafficPath& p) {
    if (p.seen_source == p.caller_ip) return color::kOwnNumber;
    return p.callee == core::Callee::Internet ? color::kPublicNumber : color::kRoomNumber;
}

// The verdict under the call: who sees what; it glows for a moment when it changes.
void draw_verdict(const ViewContext& ctx, const core::TrafficPath& p, float glow) {
    const std::string line = capitalized(
        ctx.text(p.callee_name + " sees " + ip(p.seen_source) + ": " + p.seen_as + "."));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::PushFont(ctx.fonts.strong);
    const ImVec2 size =
        ImGui::CalcTextSize(line.c_str(), nullptr, false, ImGui::GetContentRegionAvail().x);
    if (glow > 0) {
        const ImU32 bg = (color::kMarkedRow & ~IM_COL32_A_MASK) |
                         (static_cast<ImU32>(255 * glow) << IM_COL32_A_SHIFT);
        ImGui::GetWindowDrawList()->AddRectFilled(
            ImVec2(at.x - 4, at.y - 2), ImVec2(at.x + size.x + 4, at.y + size.y + 2), bg, 4);
    }
    wrapped_text(line.c_str(), seen_color(p));
    ImGui::PopFont();
    if (ctx.lit() == "seen")
        ImGui::GetWindowDrawList()->AddRect(ImVec2(at.x - 5, at.y - 3),
                                            ImVec2(at.x + size.x + 5, at.y + size.y + 3),
                                            color::kHighlight, 4, 0, 2.5f);
}

// Whom web-1 calls: seven chips.
void draw_callees(const ViewContext& ctx, core::WhyItMatters& m) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ctx.text(m.path.caller + " calls").c_str());
    const core::Callee all[] = {core::Callee::SameNode,    core::Callee::OtherNode,
                                core::Callee::OtherSubnet, core::Callee::Rds,
                                core::Callee::ElastiCache, core::Callee::Peered,
                                core::Callee::Internet};
    for (core::Callee c : all) {
        const std::string label = ctx.text(core::callee_label(c));
        flow(chip_width(label.c_str()));
        if (chip(label.c_str(), m.choice.callee == c)) core::call(m, c);
    }
}

// The settings that decide whether the room swaps the caller, once the text has named them.
void draw_settings(const ViewContext& ctx, core::WhyItMatters& m) {
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::PushFont(ctx.fonts.strong);
    wrapped_text(capitalized(ctx.text("{vpccni} settings")).c_str());
    ImGui::PopFont();
    core::CallChoice choice = m.choice;
    if (checkbox_wrapped("AWS_VPC_K8S_CNI_EXTERNALSNAT=true", &choice.external_snat))
        core::choose(m, choice);
    wrapped_text("AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS:", color::kMuted);
    const struct {
        core::SnatExclude e;
        std::string label;
    } choices[] = {
        {core::SnatExclude::None, "none"},
        {core::SnatExclude::Peered,
         core::exclude_cidr(m, core::SnatExclude::Peered) + ctx.text(" (the {peered})")},
        {core::SnatExclude::Internet,
         core::exclude_cidr(m, core::SnatExclude::Internet) + " (the web server's range)"},
    };
    bool first = true;
    for (const auto& c : choices) {
        if (!first) flow(chip_width(c.label.c_str()));
        first = false;
        if (chip(c.label.c_str(), m.choice.exclude == c.e)) {
            choice = m.choice;
            choice.exclude = c.e;
            core::choose(m, choice);
        }
    }
    choice = m.choice;
    const std::string sg = ctx.text("Security groups for {desks} (every {desk} its own)");
    if (checkbox_wrapped(sg.c_str(), &choice.own_groups)) core::choose(m, choice);
    wrapped_text(ctx.text(m.path.security_groups).c_str(), color::kMuted);
    if (ctx.lit() == "settings") {
        const ImVec2 end(top.x + ImGui::GetContentRegionAvail().x, ImGui::GetCursorScreenPos().y);
        ImGui::GetWindowDrawList()->AddRect(ImVec2(top.x - 4, top.y - 4), end, color::kHighlight, 6,
                                            0, 2.5f);
    }
}

}  // namespace

ViewOut draw_why_it_matters(const ViewContext& ctx, core::WhyItMatters& m, WhyItMattersUi& ui) {
    ViewOut out;
    if (!m.message.empty() || m.path.hops.empty()) {
        const std::string why = m.message.empty() ? "The call could not be traced." : m.message;
        wrapped_text(ctx.text(why).c_str(), color::kBad);
        out.live = ctx.text(why);
        return out;
    }
    const double now = platform::now_ms();
    if (m.path.seen_source != ui.last_seen || m.choice.callee != ui.last_callee) {
        ui.changed_ms = now;
        ui.last_seen = m.path.seen_source;
        ui.last_callee = m.choice.callee;
    }
    const float glow =
        static_cast<float>(std::clamp(1.0 - (now - ui.changed_ms) / kFlashMs, 0.0, 1.0));
    if (glow > 0) out.animate(ui.changed_ms + kFlashMs + 400);

    // The figure: the call hop by hop, and what the callee sees.
    const core::TrafficPath& p = m.path;
    out.figure_min = ImGui::GetCursorScreenPos();
    ImGui::PushFont(ctx.fonts.strong);
    wrapped_text(ctx.text("{desk} " + p.caller + " (" + ip(p.caller_ip) + ") calls " +
                          p.callee_name + " (" + ip(p.callee_ip) + ")")
                     .c_str());
    ImGui::PopFont();
    draw_call_path(ctx, p, lit_hops(p, ctx.lit()));
    ImGui::Spacing();
    draw_verdict(ctx, p, glow);
    draw_call_key(ctx, p);
    out.figure_max =
        ImVec2(out.figure_min.x + ImGui::GetContentRegionAvail().x, ImGui::GetCursorScreenPos().y);

    // The learner's hand: whom to call; the settings once the text has named them (and then
    // first, as the beats about them choose the callee themselves).
    ImGui::Spacing();
    if (m.show_settings) {
        draw_settings(ctx, m);
        ImGui::Spacing();
        ImGui::Separator();
    }
    draw_callees(ctx, m);

    out.live = ctx.text(p.caller + " calls " + p.callee_name + ": " + p.callee_name + " sees " +
                        ip(m.path.seen_source) + ", " + m.path.seen_as + "." +
                        (m.choice.external_snat ? " AWS_VPC_K8S_CNI_EXTERNALSNAT=true." : "") +
                        (m.choice.exclude != core::SnatExclude::None
                             ? " AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS=" +
                                   core::exclude_cidr(m, m.choice.exclude) + "."
                             : "") +
                        (m.choice.own_groups ? " Every {desk} has its own security groups." : ""));
    return out;
}

}  // namespace web
