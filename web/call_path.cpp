// call_path.cpp: a traced call as boxes and arrows (see call_path.h).
#include "call_path.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include "draw_campus.h"
#include "imgui.h"
#include "ui.h"

namespace web {
namespace {

constexpr float kSmall = 13.0f;
constexpr float kMinBox = 100.0f;
constexpr float kRowGap = 28.0f;
constexpr float kLine = 16.0f;
constexpr float kPad = 7.0f;

// Shortens text with "..." until it fits the width.
std::string fit(ImFont* font, const std::string& text, float width) {
    if (font->CalcTextSizeA(kSmall, FLT_MAX, 0, text.c_str()).x <= width) return text;
    std::string s = text;
    while (!s.empty()) {
        s.pop_back();
        const std::string t = s + "...";
        if (font->CalcTextSizeA(kSmall, FLT_MAX, 0, t.c_str()).x <= width) return t;
    }
    return s;
}

void arrow(ImDrawList* dl, ImVec2 from, ImVec2 to, ImU32 col) {
    dl->AddLine(from, to, col, 2.0f);
    const float dx = to.x - from.x, dy = to.y - from.y;
    const float len = std::max(1.0f, std::sqrt(dx * dx + dy * dy));
    const ImVec2 u(dx / len, dy / len), n(-u.y, u.x);
    const float s = 6.0f;
    dl->AddTriangleFilled(
        to, ImVec2(to.x - u.x * s * 1.4f + n.x * s, to.y - u.y * s * 1.4f + n.y * s),
        ImVec2(to.x - u.x * s * 1.4f - n.x * s, to.y - u.y * s * 1.4f - n.y * s), col);
}

size_t first_public_hop(const core::TrafficPath& p) {
    for (size_t i = 0; i < p.hops.size(); ++i) {
        if (p.hops[i].kind == core::HopKind::NatGateway) return i;
    }
    return p.hops.size();
}

// Whose number the call carries after hop i.
ImU32 number_color(const core::TrafficPath& p, size_t i) {
    if (i >= first_public_hop(p)) return color::kPublicNumber;
    if (p.hops[i].source == p.caller_ip)
        return p.cni == core::Cni::Overlay ? color::kPrivateNumber : color::kOwnNumber;
    return color::kRoomNumber;
}

void hop_tooltip(const ViewContext& ctx, const core::Hop& h) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22);
    ImGui::TextUnformatted(ctx.text(h.detail).c_str());
    if (!h.change.empty()) ImGui::TextColored(rgba(color::kRoomNumber), "%s", h.change.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

}  // namespace

float draw_call_path(const ViewContext& ctx, const core::TrafficPath& path, unsigned lit) {
    const auto& hops = path.hops;
    if (hops.empty()) return 0;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* font = ctx.fonts.small != nullptr ? ctx.fonts.small : ImGui::GetFont();
    ImFont* bold = ctx.fonts.strong != nullptr ? ctx.fonts.strong : font;
    const float width = std::max(120.0f, ImGui::GetContentRegionAvail().x);
    const int n = static_cast<int>(hops.size());
    const float gap = width < 500 ? 16.0f : 24.0f;  // a phone takes three boxes to a row
    int per_row = std::clamp(static_cast<int>((width + gap) / (kMinBox + gap)), 1, n);
    const int rows = (n + per_row - 1) / per_row;
    per_row = (n + rows - 1) / rows;  // even rows out
    const float bw = std::min(
        170.0f, (width - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row));
    const bool wrapped = std::any_of(hops.begin(), hops.end(),
                                     [](const core::Hop& h) { return h.outer_source.value != 0; });
    const float bh = kPad * 2 + kLine * (wrapped ? 4.0f : 3.0f);
    const ImVec2 o = ImGui::GetCursorScreenPos();
    auto box_min = [&](int i) {
        return ImVec2(o.x + static_cast<float>(i % per_row) * (bw + gap),
                      o.y + static_cast<float>(i / per_row) * (bh + kRowGap));
    };
    for (int i = 0; i < n; ++i) {
        const core::Hop& h = hops[static_cast<size_t>(i)];
        const ImVec2 p0 = box_min(i), p1(p0.x + bw, p0.y + bh);
        const bool changes = !h.change.empty();
        dl->AddRectFilled(p0, p1, color::kRoom, 6);
        dl->AddRect(p0, p1, changes ? color::kSwap : color::kLine, 6, 0, changes ? 2.5f : 1.0f);
        if ((lit >> i) & 1u)
            dl->AddRect(ImVec2(p0.x - 3, p0.y - 3), ImVec2(p1.x + 3, p1.y + 3), color::kHighlight,
                        8, 0, 2.5f);
        const float tw = bw - 2 * kPad;
        float y = p0.y + kPad;
        const std::string kind = fit(font, capitalized(ctx.text(core::hop_kind_label(h.kind))), tw);
        draw_text(dl, font, kSmall, ImVec2(p0.x + kPad, y), color::kMuted, kind.c_str());
        y += kLine;
        const std::string name = fit(bold, ctx.text(h.name), tw);
        draw_text(dl, bold, kSmall, ImVec2(p0.x + kPad, y), color::kInk, name.c_str());
        y += kLine;
        const std::string from = "from " + core::format_ipv4(h.source);
        const bool fits = font->CalcTextSizeA(kSmall, FLT_MAX, 0, from.c_str()).x <= tw;
        const std::string src = fit(font, fits ? from : core::format_ipv4(h.source), tw);
        draw_text(dl, font, kSmall, ImVec2(p0.x + kPad, y),
                  number_color(path, static_cast<size_t>(i)), src.c_str());
        if (h.outer_source.value != 0) {
            const std::string outer =
                fit(font, ctx.text("in an envelope from ") + core::format_ipv4(h.outer_source), tw);
            draw_text(dl, font, kSmall, ImVec2(p0.x + kPad, y + kLine), color::kRoomNumber,
                      outer.c_str());
        }
        if (ImGui::IsMouseHoveringRect(p0, p1) && ImGui::IsWindowHovered()) hop_tooltip(ctx, h);
        if (i + 1 == n) break;
        const ImVec2 q0 = box_min(i + 1);
        if ((i + 1) % per_row != 0) {
            arrow(dl, ImVec2(p1.x + 2, p0.y + bh / 2), ImVec2(q0.x - 2, q0.y + bh / 2),
                  color::kPanel);
        } else {  // down to the next row: an elbow to the first box below
            const float mid = p1.y + kRowGap / 2;
            const ImVec2 start(p0.x + bw / 2, p1.y + 2);
            dl->AddLine(start, ImVec2(start.x, mid), color::kPanel, 2.0f);
            dl->AddLine(ImVec2(start.x, mid), ImVec2(q0.x + bw / 2, mid), color::kPanel, 2.0f);
            arrow(dl, ImVec2(q0.x + bw / 2, mid), ImVec2(q0.x + bw / 2, q0.y - 2), color::kPanel);
        }
    }
    const float height = static_cast<float>(rows) * bh + static_cast<float>(rows - 1) * kRowGap;
    ImGui::Dummy(ImVec2(width, height));
    return height;
}

void draw_call_key(const ViewContext& ctx, const core::TrafficPath& path) {
    bool own = false, room = false, pub = false;
    for (size_t i = 0; i < path.hops.size(); ++i) {
        const ImU32 c = number_color(path, i);
        own |= c == color::kOwnNumber || c == color::kPrivateNumber;
        room |= c == color::kRoomNumber;
        pub |= c == color::kPublicNumber;
    }
    const bool swap = std::any_of(path.hops.begin(), path.hops.end(),
                                  [](const core::Hop& h) { return !h.change.empty(); });
    bool first = true;
    auto key = [&](bool show, ImU32 col, const char* words) {
        if (!show) return;
        const std::string label = ctx.text(words);
        if (!first) flow(ImGui::CalcTextSize(label.c_str()).x + 18);
        first = false;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float s = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + s * 0.25f),
                                                  ImVec2(p.x + s * 0.5f, p.y + s * 0.75f), col, 2);
        ImGui::Dummy(ImVec2(s * 0.5f + 4, s));
        ImGui::SameLine(0, 4);
        ImGui::TextDisabled("%s", label.c_str());
    };
    ImGui::PushFont(ctx.fonts.small);
    const bool overlay = path.cni == core::Cni::Overlay;
    key(own, overlay ? color::kPrivateNumber : color::kOwnNumber,
        overlay ? "the {desk}'s private {num}" : "the {desk}'s own {ext}");
    key(room, color::kRoomNumber, "the {mainext}");
    key(pub, color::kPublicNumber, "the {natgw}'s {eip}");
    key(swap, color::kSwap, "orange frame: the call is changed here");
    ImGui::PopFont();
}

}  // namespace web
