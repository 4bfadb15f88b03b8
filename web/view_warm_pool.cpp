// view_warm_pool.cpp: step "warm-pool": the warm-pool knobs on one room (see the header).
#include "view_warm_pool.h"

#include <algorithm>
#include <string>

#include "context.h"
#include "draw_campus.h"
#include "imgui.h"
#include "platform.h"
#include "ui.h"

namespace web {

namespace {

constexpr double kFlashMs = 900;
constexpr const char* kNode = "node-1";

int pods_on(const core::Cluster& c) {
    const core::Node* n = core::find_node(c, kNode);
    return n ? static_cast<int>(n->pods.size() + n->pending.size()) : 0;
}

void flash_new_eni(WarmPoolView& view, const core::Node& before, ViewOut& out) {
    std::string fresh = core::new_eni_id(&before, core::find_node(view.cluster, kNode));
    if (fresh.empty()) return;
    view.fresh_eni = fresh;
    view.fresh_until_ms = platform::now_ms() + kFlashMs;
    out.animate(view.fresh_until_ms);
}

// A fresh room of the chosen type and settings with `pods` desks (AWS: replace the node).
void rebuild(const ViewContext& ctx, WarmPoolView& view, int pods) {
    view.show_me_seq = 0;
    const core::InstanceType& type = ctx.catalog.types[static_cast<size_t>(view.type)];
    core::Result<core::Cluster> c = core::one_room(type, view.config, pods);
    view.built_type = view.type;
    view.fresh_eni.clear();
    if (c) {
        view.cluster = std::move(c).value();
        view.message.clear();
    } else {
        view.message = c.error().message;
    }
    platform::request_frame();
}

// Applies new settings: on the running node when core allows it, else by replacing it.
void apply(const ViewContext& ctx, WarmPoolView& view, const core::NodeConfig& next, ViewOut& out) {
    const core::Node* n = core::find_node(view.cluster, kNode);
    if (n == nullptr || next.prefix_delegation != n->config.prefix_delegation) {
        const core::NodeConfig old = view.config;
        view.config = next;
        rebuild(ctx, view, pods_on(view.cluster));
        if (!view.message.empty()) view.config = old;
        return;
    }
    const core::Node before = *n;
    view.show_me_seq = 0;
    core::Status st = core::set_node_config(view.cluster, kNode, next);
    if (st) {
        view.config = next;
        view.message.clear();
        flash_new_eni(view, before, out);
    } else {
        view.message = st.error().message;
    }
    platform::request_frame();
}

struct Knob {
    const char* name;  // the aws-node variable
    int* value;
    int max;
    std::string hint;  // what it means, in the current words
    std::string note;  // "ignored now: ..." when core says it is not in effect
};

// One knob: its name, the stepper (beside the name when `inline_stepper`), and a muted line
// saying what it does or why it is idle.
bool draw_knob(const ViewContext& ctx, const Knob& k, float width, bool inline_stepper) {
    ImGui::BeginGroup();
    const float x0 = ImGui::GetCursorScreenPos().x;
    ImGui::PushFont(ctx.fonts.strong);
    ImGui::PushStyleColor(ImGuiCol_Text, k.note.empty() ? color::kInk : color::kMuted);
    if (inline_stepper) ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(k.name);
    float widest = 0;
    for (const char* n :
         {"WARM_ENI_TARGET", "WARM_IP_TARGET", "MINIMUM_IP_TARGET", "WARM_PREFIX_TARGET"}) {
        widest = std::max(widest, ImGui::CalcTextSize(n).x);
    }
    const float gap = widest + 14 - ImGui::CalcTextSize(k.name).x;
    ImGui::PopStyleColor();
    ImGui::PopFont();
    if (inline_stepper) ImGui::SameLine(0, gap);
    bool changed = stepper(k.name, *k.value, 0, k.max);
    ImGui::PushFont(ctx.fonts.small);
    ImGui::PushTextWrapPos(x0 - ImGui::GetWindowPos().x + ImGui::GetScrollX() + width - 8);
    ImGui::PushStyleColor(ImGuiCol_Text, k.note.empty() ? color::kMuted : color::kBad);
    ImGui::TextUnformatted((k.note.empty() ? k.hint : k.note).c_str());
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::EndGroup();
    return changed;
}

// A small labelled figure; figures flow left to right and wrap.
void figure(const ViewContext& ctx, const std::string& label, const std::string& value,
            float& x_used, float avail) {
    const float w = std::max(ImGui::CalcTextSize(label.c_str()).x,
                             ImGui::CalcTextSize(value.c_str()).x * 1.6f) +
                    22;
    if (x_used > 0 && x_used + w <= avail) {
        ImGui::SameLine(x_used);
    } else {
        x_used = 0;
    }
    ImGui::BeginGroup();
    ImGui::PushFont(ctx.fonts.small);
    ImGui::TextColored(rgba(color::kMuted), "%s", label.c_str());
    ImGui::PopFont();
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted(value.c_str());
    ImGui::PopFont();
    ImGui::EndGroup();
    x_used += w;
}

}  // namespace

ViewOut draw_warm_pool(const ViewContext& ctx, WarmPoolView& view) {
    ViewOut out;
    if (ctx.catalog.types.empty()) return ViewOut::nothing();
    if (view.type < 0) view.type = catalog_index(ctx, "t3.small");
    if (view.built_type != view.type) rebuild(ctx, view, std::max(pods_on(view.cluster), 1));
    const float avail = ImGui::GetContentRegionAvail().x;

    // The room size and prefix delegation; the "show me" button.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ctx.text("{instance}").c_str());
    ImGui::SameLine();
    if (instance_type_picker(ctx, "warm", view.type, view.filter, sizeof(view.filter))) {
        rebuild(ctx, view, pods_on(view.cluster));
    }
    ImGui::SameLine();
    bool pd = view.config.prefix_delegation;
    const char* pd_label = "Prefix delegation";
    const float pd_w = ImGui::CalcTextSize(pd_label).x + ImGui::GetFrameHeight() + 12;
    if (ImGui::GetContentRegionAvail().x < pd_w) ImGui::NewLine();
    if (checkbox_wrapped(pd_label, &pd)) {
        core::NodeConfig next = view.config;
        next.prefix_delegation = pd;
        apply(ctx, view, next, out);
    }
    const std::string show_me = ctx.text("Show me: 1 {desk} on a t3.small");
    if (ImGui::Button(show_me.c_str())) {
        view.type = catalog_index(ctx, "t3.small");
        view.config = core::NodeConfig{};
        rebuild(ctx, view, 1);
        view.show_me_seq = view.cluster.next_seq;
    }

    const core::Node* node = core::find_node(view.cluster, kNode);
    if (node == nullptr) {
        wrapped_text(view.message.empty() ? "The room could not be built." : view.message.c_str(),
                     color::kBad);
        out.live = view.message;
        return out;
    }
    const core::PoolState pool = core::pool_state(*node);

    // The knobs, two per row when there is room.
    ImGui::Spacing();
    core::NodeConfig next = view.config;
    const bool ip_targets = pool.warm_ip_targets;
    const std::string overridden = "ignored now: WARM_IP_TARGET or MINIMUM_IP_TARGET is set";
    Knob knobs[4] = {
        {"WARM_ENI_TARGET", &next.warm.warm_eni_target, core::kMaxWarmEniTarget,
         ctx.text("keep this many {panel}s' worth of free {exts}"),
         pool.prefix_delegation ? "ignored now: prefix delegation is on"
                                : (ip_targets ? overridden : "")},
        {"WARM_IP_TARGET", &next.warm.warm_ip_target, core::kMaxWarmIpTarget,
         ctx.text("keep this many free {exts} (0: unset)"), ""},
        {"MINIMUM_IP_TARGET", &next.warm.minimum_ip_target, core::kMaxMinimumIpTarget,
         ctx.text("hold at least this many {exts} in all (0: unset)"), ""},
        {"WARM_PREFIX_TARGET", &next.warm.warm_prefix_target, core::kMaxWarmPrefixTarget,
         ctx.text("keep this many free {blocks}"),
         !pool.prefix_delegation ? "only with prefix delegation" : (ip_targets ? overridden : "")},
    };
    const int per_row = avail >= 400 ? 2 : 1;
    const float col_w = avail / static_cast<float>(per_row);
    bool changed = false;
    for (int i = 0; i < 4; ++i) {
        if (i % per_row != 0) ImGui::SameLine(col_w * static_cast<float>(i % per_row));
        changed = draw_knob(ctx, knobs[i], col_w, per_row == 1) || changed;
    }
    if (changed) apply(ctx, view, next, out);

    // Desks.
    ImGui::Spacing();
    ImGui::AlignTextToFramePadding();
    ImGui::PushFont(ctx.fonts.strong);
    ImGui::TextUnformatted(ctx.text("{desks}").c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    int desks = pods_on(view.cluster);
    const int shown_desks = desks;
    if (stepper("desks", desks, 0, 500)) {
        node = core::find_node(view.cluster, kNode);
        const core::Node before = *node;
        view.show_me_seq = 0;
        if (desks > shown_desks) {
            core::Result<core::Pod> p = core::add_pod(view.cluster, kNode);
            view.message = p ? std::string() : p.error().message;
        } else {
            const std::string name =
                !before.pending.empty() ? before.pending.back().name : before.pods.back().name;
            core::Status st = core::remove_pod(view.cluster, kNode, name);
            view.message = st ? std::string() : st.error().message;
        }
        flash_new_eni(view, before, out);
    }

    node = core::find_node(view.cluster, kNode);
    const core::NodeStats s = core::node_stats(*node);
    const core::PoolState ps = core::pool_state(*node);

    // ipamd's check, in its own words and numbers.
    ImGui::Spacing();
    ImGui::PushFont(ctx.fonts.strong);
    std::string rule = ctx.text("{manager}'s rule, with numbers");
    if (!rule.empty() && rule[0] >= 'a' && rule[0] <= 'z')
        rule[0] = static_cast<char>(rule[0] - 32);
    ImGui::TextUnformatted(rule.c_str());
    ImGui::PopFont();
    const std::string verdict = (ps.low ? "short: " : (ps.high ? "too many: " : "")) + ps.reason;
    wrapped_text(verdict.c_str(), ps.low || ps.high ? color::kBad : color::kGood);
    if (view.config.prefix_delegation && !s.prefix_delegation) {
        std::string no_pd = "ENABLE_PREFIX_DELEGATION has no effect on " + node->type.name +
                            ": it is not a Nitro instance, so ipamd uses secondary IPs.";
        wrapped_text(no_pd.c_str(), color::kMuted);
    }

    // "Why two panels for one desk?": the attach event of the set-up, in core's words.
    if (view.show_me_seq > 0) {
        const core::Event* why = nullptr;
        for (const core::Event& e : view.cluster.events) {
            if (e.kind == "attach-eni" && e.seq < view.show_me_seq) why = &e;
        }
        if (why != nullptr) {
            ImGui::Spacing();
            const std::string q = ctx.text("Why two {panels} for one {desk}?");
            ImGui::PushFont(ctx.fonts.strong);
            wrapped_text(q.c_str(), color::kAccent);
            ImGui::PopFont();
            wrapped_text(why->text.c_str());
        }
    }

    // The figures.
    ImGui::Spacing();
    float x = 0;
    figure(ctx, ctx.text("{panels}"), std::to_string(s.enis) + " / " + std::to_string(s.max_enis),
           x, avail);
    if (s.prefix_delegation) {
        figure(ctx, ctx.text("{blocks}"), std::to_string(s.prefixes), x, avail);
    }
    figure(ctx, ctx.text("{exts} held"), std::to_string(s.ips), x, avail);
    figure(ctx, ctx.text("free (warm)"), std::to_string(s.free_ips), x, avail);
    figure(ctx, ctx.text("{desks}"),
           std::to_string(s.pods) + (s.pending > 0 ? " +" + std::to_string(s.pending) : ""), x,
           avail);
    figure(ctx, ctx.text("{maxpods}"), std::to_string(s.max_pods), x, avail);

    ImGui::Spacing();
    RoomStyle rs;
    rs.show_host_pods = true;
    const double now = platform::now_ms();
    if (!view.fresh_eni.empty() && now < view.fresh_until_ms) {
        rs.fresh_eni = view.fresh_eni;
        rs.fresh = static_cast<float>((view.fresh_until_ms - now) / kFlashMs);
    }
    draw_room(ctx, *node, rs);
    draw_legend(ctx, kLegendRoom | kLegendHostPods | (s.prefix_delegation ? kLegendPrefix : 0u));

    if (!view.message.empty()) {
        ImGui::Spacing();
        wrapped_text(view.message.c_str(), color::kBad);
    }

    ImGui::Spacing();
    ImGui::PushFont(ctx.fonts.strong);
    ImGui::TextUnformatted(
        ctx.text("Event log: {manager}, kubelet and EC2 (newest first)").c_str());
    ImGui::PopFont();
    draw_event_log(ctx, view.cluster, 6);

    const core::WarmConfig& w = view.config.warm;
    out.live = node->type.name + (s.prefix_delegation ? " with prefix delegation" : "") +
               ", WARM_ENI_TARGET " + std::to_string(w.warm_eni_target) + ", WARM_IP_TARGET " +
               std::to_string(w.warm_ip_target) + ", MINIMUM_IP_TARGET " +
               std::to_string(w.minimum_ip_target) + ", WARM_PREFIX_TARGET " +
               std::to_string(w.warm_prefix_target) + ": " + std::to_string(s.enis) + " of " +
               std::to_string(s.max_enis) + " ENIs, " + std::to_string(s.ips) + " IPs held, " +
               std::to_string(s.free_ips) + " free, " + std::to_string(s.pods) +
               (s.pods == 1 ? " pod" : " pods") + ", max-pods " + std::to_string(s.max_pods) +
               ". ipamd: " + ps.reason;
    if (!view.message.empty()) out.live += ". " + view.message;
    return out;
}

}  // namespace web
