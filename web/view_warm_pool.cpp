// view_warm_pool.cpp: step "warm-pool" (see view_warm_pool.h).
#include "view_warm_pool.h"

#include <algorithm>
#include <string>

#include "draw_campus.h"
#include "event_words.h"
#include "imgui.h"
#include "ui.h"

namespace web {
namespace {

// One of the four settings: its name as ipamd spells it, what it means in the current words.
struct Knob {
    const char* name;  // the aws-node variable
    const char* knob;  // the model's knob
    const char* hint;  // with {term} tokens
};

constexpr Knob kKnobs[] = {
    {"WARM_ENI_TARGET", "warmeni", "{panels}' worth of spare {exts} to keep"},
    {"WARM_IP_TARGET", "warmip", "spare {exts} to keep (0: not set)"},
    {"MINIMUM_IP_TARGET", "minip", "{exts} to hold in all (0: not set)"},
    {"WARM_PREFIX_TARGET", "warmprefix", "wholly spare {blocks} to keep"},
};

std::string value(const core::WarmPool& m, const char* name) {
    return core::step_value(m, name);
}

// The learner's press under the room, as the step's action or knob.
void take(const ViewContext& ctx, core::WarmPool& m, const DeskHand& hand) {
    core::Status st = core::Ok{};
    if (hand.press == DeskPress::Add) core::apply(m, core::DeskAction::AddDesk);
    if (hand.press == DeskPress::Remove) core::apply(m, core::DeskAction::RemoveDesk);
    if (hand.press == DeskPress::StartOver) core::apply(m, core::DeskAction::StartOver);
    if (hand.press == DeskPress::Type) st = core::set(m, {"type", true, 0, hand.type}, ctx.catalog);
    if (!st) m.message = st.error().message;
}

// Prefix delegation and the four settings, each with a tap-only stepper; the one that is not
// in effect now is greyed, with why.
void settings(const ViewContext& ctx, core::WarmPool& m, const core::PoolState& ps) {
    bool pd = m.config.prefix_delegation;
    core::Status st = core::Ok{};
    if (checkbox_wrapped(ctx.text("Prefix delegation ({blocks})").c_str(), &pd))
        st = core::set(m, {"prefix", false, pd ? 1 : 0, {}}, ctx.catalog);
    float name_w = 0;
    for (const Knob& k : kKnobs)
        name_w = std::max(name_w, ImGui::CalcTextSize(k.name).x);
    for (const Knob& k : kKnobs) {
        const bool idle = k.knob == std::string("warmeni")
                              ? (ps.prefix_delegation || ps.warm_ip_targets)
                              : (k.knob == std::string("warmprefix") &&
                                 (!ps.prefix_delegation || ps.warm_ip_targets));
        const float x0 = ImGui::GetCursorPosX();
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(rgba(idle ? color::kMuted : color::kInk), "%s", k.name);
        ImGui::SameLine(x0 + name_w + 10);
        int v = std::stoi(value(m, k.knob));
        const long long max = core::find_knob(core::step_info<core::WarmPool>(), k.knob)->max;
        if (stepper(k.knob, v, 0, static_cast<int>(max)))
            st = core::set(m, {k.knob, false, v, {}}, ctx.catalog);
        ImGui::PushFont(ctx.fonts.small);
        const std::string hint =
            idle ? ctx.text(k.knob == std::string("warmeni") ? "not used now: another setting rules"
                                                             : "not used now")
                 : ctx.text(k.hint);
        wrapped_text(hint.c_str(), color::kMuted);
        ImGui::PopFont();
    }
    if (!st) m.message = st.error().message;
}

// The counts under the room: panels, held, spare, desks, the desk limit.
std::string counts(const ViewContext& ctx, const core::WarmPool& m) {
    std::string s = capitalized(ctx.text("{panels}: ")) + value(m, "panels") + " of " +
                    value(m, "maxpanels") + "   " + capitalized(ctx.text("{desks}: ")) +
                    value(m, "pods") + "   " + ctx.text("spare: ") + value(m, "free") + "   " +
                    ctx.text("{maxpods}: ") + value(m, "maxpods");
    if (m.config.prefix_delegation) s += "   " + ctx.text("{blocks}: ") + value(m, "blocks");
    return s;
}

}  // namespace

ViewOut draw_warm_pool(const ViewContext& ctx, core::WarmPool& m, WarmPoolUi& ui) {
    ViewOut out;
    RoomStyle rs;
    rs.cell = 34;
    const std::string_view lit = ctx.lit();
    rs.highlight = lit == "free" || lit == "need" || lit == "threshold"
                       ? static_cast<unsigned>(kHighlightPodSlots)
                       : room_highlight(lit);
    desk_room_figure(ctx, m, ui.room, rs, out);
    const core::Node* node = core::room(m);
    if (node == nullptr) return out;
    const core::PoolState ps = core::pool_state(*node);
    ImGui::PushFont(ctx.fonts.strong);
    wrapped_text(counts(ctx, m).c_str());
    ImGui::PopFont();
    const std::string rule =
        capitalized(ctx.text("{manager}: ")) + ctx.text(core::pool_words(ps.why));
    wrapped_text(rule.c_str(), lit == "rule" ? color::kHighlight : color::kMuted);
    out.figure_max.y = ImGui::GetCursorScreenPos().y;
    draw_legend(ctx, kLegendRoom | (ps.prefix_delegation ? kLegendPrefix : 0u));

    ImGui::Spacing();
    const std::string before = m.fresh_eni;
    take(ctx, m, desk_room_hand(ctx, m, ui.room, "warm-pool"));
    ImGui::Spacing();
    settings(ctx, m, ps);
    flash_if_new(m, before, ui.room, out);
    if (!m.message.empty()) desk_room_refusal(ctx, m);

    ImGui::Spacing();
    ImGui::PushFont(ctx.fonts.strong);
    ImGui::TextUnformatted(ctx.text("What happened, newest first").c_str());
    ImGui::PopFont();
    draw_event_log(ctx, m.cluster, 6);

    node = core::room(m);
    if (node == nullptr) return out;
    const core::WarmConfig& w = m.config.warm;
    const core::NodeStats s = core::node_stats(*node);
    out.live = node->type.name + (s.prefix_delegation ? " with prefix delegation" : "") +
               ", WARM_ENI_TARGET " + std::to_string(w.warm_eni_target) + ", WARM_IP_TARGET " +
               std::to_string(w.warm_ip_target) + ", MINIMUM_IP_TARGET " +
               std::to_string(w.minimum_ip_target) + ", WARM_PREFIX_TARGET " +
               std::to_string(w.warm_prefix_target) + ": " + std::to_string(s.enis) + " of " +
               std::to_string(s.max_enis) + " ENIs, " + std::to_string(s.ips) + " IPs held, " +
               std::to_string(s.free_ips) + " free, " + std::to_string(s.pods) +
               (s.pods == 1 ? " pod" : " pods") + ", max-pods " + std::to_string(s.max_pods) +
               ". ipamd: " + core::pool_state(*node).reason;
    if (!m.message.empty()) out.live += ". " + m.message;
    return out;
}

}  // namespace web
