// view_traffic.cpp: step "why-it-matters": who can call whom, hop by hop (core/traffic).
#include "view_traffic.h"

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

constexpr float kSmall = 13.0f;                            // the small font's size
constexpr ImU32 kOwnText = IM_COL32(22, 128, 82, 255);     // the pod's own address
constexpr ImU32 kNodeText = IM_COL32(184, 104, 16, 255);   // a node's primary IP
constexpr ImU32 kPublicText = IM_COL32(37, 99, 235, 255);  // the NAT gateway's Elastic IP
constexpr ImU32 kChanged = IM_COL32(240, 164, 60, 255);    // border of a hop that translates

std::string ip(core::Ipv4 a) {
    return core::format_ipv4(a);
}

ImU32 fade_color(ImU32 c, float a) {
    const ImU32 alpha = static_cast<ImU32>(static_cast<float>((c >> IM_COL32_A_SHIFT) & 0xFF) *
                                           std::clamp(a, 0.0f, 1.0f));
    return (c & ~IM_COL32_A_MASK) | (alpha << IM_COL32_A_SHIFT);
}

// Shortens text with "..." until it fits the width.
std::string fit(ImFont* font, const std::string& text, float width) {
    if (font == nullptr) return text;
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
    const float dx = to.x - from.x;
    const float dy = to.y - from.y;
    const float len = std::max(1.0f, std::sqrt(dx * dx + dy * dy));
    const ImVec2 u(dx / len, dy / len);
    const ImVec2 n(-u.y, u.x);
    const float s = 6.0f;
    dl->AddTriangleFilled(
        to, ImVec2(to.x - u.x * s * 1.4f + n.x * s, to.y - u.y * s * 1.4f + n.y * s),
        ImVec2(to.x - u.x * s * 1.4f - n.x * s, to.y - u.y * s * 1.4f - n.y * s), col);
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

float chip_width(const std::string& label) {
    return ImGui::CalcTextSize(label.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x;
}

const core::TrafficCampus& current(const TrafficView& v) {
    if (v.cni == 1) return v.campus[2];
    return v.campus[v.security_groups_for_pods ? 1 : 0];
}

void build(const ViewContext& ctx, TrafficView& v) {
    v.built = true;
    core::Result<const core::InstanceType*> type =
        core::find_instance_type(ctx.catalog, "m5.large");
    if (!type) {
        v.error = type.error().message;
        return;
    }
    const core::TrafficOptions opts[3] = {
        {core::Cni::Vpc, false}, {core::Cni::Vpc, true}, {core::Cni::Overlay, false}};
    for (int i = 0; i < 3; ++i) {
        core::Result<core::TrafficCampus> c = core::make_traffic_campus(**type, opts[i]);
        if (!c) {
            v.error = c.error().message;
            return;
        }
        v.campus[i] = std::move(c).value();
    }
}

void touched(TrafficView& v) {
    v.changed_ms = platform::now_ms();
}

void draw_controls(const ViewContext& ctx, TrafficView& v) {
    const core::TrafficCampus& t = current(v);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Caller");
    ImGui::SameLine();
    const core::PodRef& from = t.pods[static_cast<size_t>(v.caller)];
    const std::string preview = ctx.text("{desk} ") + from.name + " (" + from.node + ")";
    ImGui::SetNextItemWidth(std::min(280.0f, ImGui::GetContentRegionAvail().x));
    if (ImGui::BeginCombo("##caller", preview.c_str())) {
        for (size_t i = 0; i < t.pods.size(); ++i) {
            const core::PodRef& p = t.pods[i];
            const std::string label = p.name + " on " + p.node + ", " + ip(p.ip);
            if (ImGui::Selectable(label.c_str(), static_cast<int>(i) == v.caller)) {
                v.caller = static_cast<int>(i);
                touched(v);
            }
        }
        ImGui::EndCombo();
    }

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("calls");
    for (int c = 0; c < core::kCalleeCount; ++c) {
        const std::string label = ctx.text(core::callee_label(static_cast<core::Callee>(c)));
        flow(chip_width(label));
        ImGui::PushID(c);
        if (chip(label, v.callee == c)) {
            v.callee = c;
            touched(v);
        }
        ImGui::PopID();
    }

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ctx.text("with the").c_str());
    for (int c = 0; c < 2; ++c) {
        const std::string label =
            ctx.text(core::cni_label(c == 0 ? core::Cni::Vpc : core::Cni::Overlay));
        flow(chip_width(label));
        ImGui::PushID(100 + c);
        if (chip(label, v.cni == c)) {
            v.cni = c;
            touched(v);
        }
        ImGui::PopID();
    }
}

// The VPC CNI's SNAT and security-group settings.
void draw_settings(const ViewContext& ctx, TrafficView& v) {
    const core::TrafficCampus& t = current(v);
    ImGui::PushFont(ctx.fonts.strong);
    ImGui::TextUnformatted(ctx.text("{vpccni} settings").c_str());
    ImGui::PopFont();
    ImGui::BeginDisabled(v.cni == 1);
    if (checkbox_wrapped("Security groups for pods", &v.security_groups_for_pods)) touched(v);
    flow(ImGui::CalcTextSize("AWS_VPC_K8S_CNI_EXTERNALSNAT=true").x + ImGui::GetFrameHeight() + 12);
    if (checkbox_wrapped("AWS_VPC_K8S_CNI_EXTERNALSNAT=true", &v.external_snat)) touched(v);
    const std::vector<core::Cidr> choices = core::exclude_snat_choices(t);
    const std::string none = "none";
    const std::string shown =
        v.exclude == 0 ? none : core::format_cidr(choices[static_cast<size_t>(v.exclude - 1)]);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("EXCLUDE_SNAT_CIDRS");
    flow(160);
    ImGui::SetNextItemWidth(std::min(230.0f, ImGui::GetContentRegionAvail().x));
    if (ImGui::BeginCombo("##exclude", shown.c_str())) {
        if (ImGui::Selectable(none.c_str(), v.exclude == 0)) {
            v.exclude = 0;
            touched(v);
        }
        const char* what[] = {" (peered VPC)", " (internet server)"};
        for (size_t i = 0; i < choices.size(); ++i) {
            const std::string label = core::format_cidr(choices[i]) + (i < 2 ? what[i] : "");
            if (ImGui::Selectable(label.c_str(), v.exclude == static_cast<int>(i) + 1)) {
                v.exclude = static_cast<int>(i) + 1;
                touched(v);
            }
        }
        ImGui::EndCombo();
    }
    ImGui::EndDisabled();
    if (v.cni == 1) {
        wrapped_text(ctx.text("The {overlaycni} ignores the {vpccni}'s settings: its "
                              "{switchboard} translates every call that leaves the {desks}' "
                              "private range.")
                         .c_str(),
                     color::kMuted);
    }
}

}  // namespace

void draw_call_path(const ViewContext& ctx, const core::TrafficPath& path, float fade) {
    const auto& hops = path.hops;
    if (hops.empty()) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* font = ctx.fonts.small;
    ImFont* bold = ctx.fonts.strong != nullptr ? ctx.fonts.strong : font;
    const float width = std::max(120.0f, ImGui::GetContentRegionAvail().x);
    const int n = static_cast<int>(hops.size());
    const float gap = 26.0f;
    const float row_gap = 30.0f;
    int per_row = std::max(1, static_cast<int>((width + gap) / (118.0f + gap)));
    per_row = std::min(per_row, n);
    const int rows = (n + per_row - 1) / per_row;
    per_row = (n + rows - 1) / rows;  // even rows out
    const float bw = std::min(
        180.0f, (width - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row));
    bool wrapped = false;
    size_t nat_index = hops.size();
    for (size_t i = 0; i < hops.size(); ++i) {
        if (hops[i].outer_source.value != 0) wrapped = true;
        if (hops[i].kind == core::HopKind::NatGateway && nat_index == hops.size()) nat_index = i;
    }
    const float line = 16.0f;
    const float pad = 7.0f;
    const float bh = pad * 2 + line * (wrapped ? 4.0f : 3.0f);
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const float a = std::clamp(fade, 0.15f, 1.0f);

    auto box_min = [&](int i) {
        const int r = i / per_row;
        const int c = i % per_row;
        return ImVec2(o.x + static_cast<float>(c) * (bw + gap),
                      o.y + static_cast<float>(r) * (bh + row_gap));
    };

    for (int i = 0; i < n; ++i) {
        const core::Hop& h = hops[static_cast<size_t>(i)];
        const ImVec2 p0 = box_min(i);
        const ImVec2 p1(p0.x + bw, p0.y + bh);
        // Only the part of the path already "travelled" is drawn fully.
        const float shown =
            std::clamp(a * static_cast<float>(n) - static_cast<float>(i), 0.15f, 1.0f);
        const bool changes = !h.change.empty();
        dl->AddRectFilled(p0, p1, fade_color(color::kRoom, shown), 6);
        dl->AddRect(p0, p1, fade_color(changes ? kChanged : color::kLine, shown), 6, 0,
                    changes ? 2.5f : 1.0f);
        const float tw = bw - 2 * pad;
        float y = p0.y + pad;
        const std::string kind = fit(font, ctx.text(core::hop_kind_label(h.kind)), tw);
        dl->AddText(font, kSmall, ImVec2(p0.x + pad, y), fade_color(color::kMuted, shown),
                    kind.c_str());
        y += line;
        const std::string name = fit(bold, h.name, tw);
        dl->AddText(bold, kSmall, ImVec2(p0.x + pad, y), fade_color(color::kInk, shown),
                    name.c_str());
        y += line;
        ImU32 src_col = kNodeText;
        if (h.source == path.caller_ip) src_col = kOwnText;
        if (static_cast<size_t>(i) >= nat_index) src_col = kPublicText;
        const std::string src = fit(font, "from " + ip(h.source), tw);
        dl->AddText(font, kSmall, ImVec2(p0.x + pad, y), fade_color(src_col, shown), src.c_str());
        y += line;
        if (h.outer_source.value != 0) {
            const std::string outer = fit(font, "inside " + ip(h.outer_source), tw);
            dl->AddText(font, kSmall, ImVec2(p0.x + pad, y), fade_color(kNodeText, shown),
                        outer.c_str());
        }
        if (ImGui::IsMouseHoveringRect(p0, p1)) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22);
            ImGui::TextUnformatted(ctx.text(h.detail).c_str());
            if (changes) {
                ImGui::TextColored(rgba(kNodeText), "%s", ctx.text(h.change).c_str());
            }
            ImGui::TextDisabled("source after this hop: %s", ip(h.source).c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        if (i + 1 < n) {
            const ImVec2 q0 = box_min(i + 1);
            const ImU32 col = fade_color(color::kPanel, std::clamp(shown, 0.15f, 1.0f));
            if ((i + 1) % per_row != 0) {
                arrow(dl, ImVec2(p1.x + 2, p0.y + bh / 2), ImVec2(q0.x - 2, q0.y + bh / 2), col);
            } else {
                // Down to the next row: an elbow from this box to the first box below.
                const float mid = p1.y + row_gap / 2;
                const ImVec2 start(p0.x + bw / 2, p1.y + 2);
                dl->AddLine(start, ImVec2(start.x, mid), col, 2.0f);
                dl->AddLine(ImVec2(start.x, mid), ImVec2(q0.x + bw / 2, mid), col, 2.0f);
                arrow(dl, ImVec2(q0.x + bw / 2, mid), ImVec2(q0.x + bw / 2, q0.y - 2), col);
            }
        }
    }
    ImGui::Dummy(
        ImVec2(width, static_cast<float>(rows) * bh + static_cast<float>(rows - 1) * row_gap));

    // Colour key for the addresses that occur.
    bool own = false, node = false, pub = false;
    for (size_t i = 0; i < hops.size(); ++i) {
        if (i >= nat_index) {
            pub = true;
        } else if (hops[i].source == path.caller_ip) {
            own = true;
        } else {
            node = true;
        }
    }
    auto key = [&](bool show, ImU32 col, const char* words, bool& first) {
        if (!show) return;
        const std::string label = ctx.text(words);
        const float w = ImGui::CalcTextSize(label.c_str()).x + 18;
        if (!first) flow(w);
        first = false;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float s = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + s * 0.25f),
                                                  ImVec2(p.x + s * 0.5f, p.y + s * 0.75f), col, 2);
        ImGui::Dummy(ImVec2(s * 0.5f + 4, s));
        ImGui::SameLine(0, 4);
        ImGui::PushStyleColor(ImGuiCol_Text, color::kMuted);
        ImGui::TextUnformatted(label.c_str());
        ImGui::PopStyleColor();
    };
    bool first = true;
    ImGui::PushFont(ctx.fonts.small);
    key(own, kOwnText,
        path.cni == core::Cni::Overlay ? "the {desk}'s overlay {num}" : "the {desk}'s own {num}",
        first);
    key(node, kNodeText, "the {mainext}", first);
    key(pub, kPublicText, "the {natgw}'s public {num}", first);
    const bool any_change =
        std::any_of(hops.begin(), hops.end(), [](const core::Hop& h) { return !h.change.empty(); });
    key(any_change, kChanged, "orange frame: this hop changes the call", first);
    ImGui::PopFont();
}

ViewOut draw_traffic(const ViewContext& ctx, TrafficView& v) {
    ViewOut out;
    if (!v.built) build(ctx, v);
    if (!v.error.empty()) {
        wrapped_text(v.error.c_str(), color::kBad);
        return out;
    }
    draw_controls(ctx, v);
    const core::TrafficCampus& t = current(v);
    v.caller = std::clamp(v.caller, 0, static_cast<int>(t.pods.size()) - 1);

    core::SnatSettings snat;
    snat.external_snat = v.external_snat;
    const std::vector<core::Cidr> choices = core::exclude_snat_choices(t);
    if (v.exclude > 0 && static_cast<size_t>(v.exclude) <= choices.size()) {
        snat.exclude_cidrs.push_back(choices[static_cast<size_t>(v.exclude - 1)]);
    }
    const core::PodRef& from = t.pods[static_cast<size_t>(v.caller)];
    core::Result<core::TrafficPath> r =
        core::trace_call(t, from.name, static_cast<core::Callee>(v.callee), snat);
    ImGui::Separator();
    if (!r) {
        wrapped_text(r.error().message.c_str(), color::kBad);
        out.live = r.error().message;
        return out;
    }
    const core::TrafficPath& p = *r;
    const std::string head = ctx.text("{desk} ") + p.caller + " (" + ip(p.caller_ip) + ") calls " +
                             p.callee_name + " (" + ip(p.callee_ip) + ")";
    ImGui::PushFont(ctx.fonts.strong);
    wrapped_text(head.c_str());
    ImGui::PopFont();

    const double now = platform::now_ms();
    const float fade = v.changed_ms > 0 ? static_cast<float>((now - v.changed_ms) / 450.0) : 1.0f;
    if (fade < 1.0f) {
        out.animate(v.changed_ms + 460);
        platform::request_frame();  // keep frames coming until the fade ends
    }
    draw_call_path(ctx, p, fade);

    ImGui::Spacing();
    ImGui::PushFont(ctx.fonts.strong);
    const bool direct = !p.translated && !p.encapsulated;
    wrapped_text(ctx.text(p.verdict).c_str(), direct ? color::kGood : kNodeText);
    ImGui::PopFont();
    if (!p.translated_by.empty()) {
        wrapped_text(ctx.text("Translated by " + p.translated_by + ".").c_str(), color::kMuted);
    }
    wrapped_text(ctx.text(p.security_groups).c_str(), color::kMuted);
    ImGui::Spacing();
    ImGui::Separator();
    draw_settings(ctx, v);

    out.live = p.caller + " calls " + p.callee_name + " with the " +
               ctx.text(core::cni_label(v.cni == 0 ? core::Cni::Vpc : core::Cni::Overlay)) +
               (v.cni == 0 && v.external_snat ? ", external SNAT on" : "") +
               (v.cni == 0 && v.exclude > 0 ? ", an excluded CIDR" : "") +
               (v.cni == 0 && v.security_groups_for_pods ? ", security groups for pods" : "") +
               ": " + ctx.text(p.verdict);
    return out;
}

}  // namespace web
