// view_secondary_cidrs.cpp: step "secondary-cidrs" (see view_secondary_cidrs.h). Every number
// and every verdict comes from core (core/steps/secondary_cidrs.h, core::vpc_space).
#include "view_secondary_cidrs.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "draw_campus.h"
#include "format.h"
#include "imgui.h"
#include "live_text.h"
#include "locate.h"
#include "lookup.h"
#include "occupancy.h"
#include "platform.h"
#include "ui.h"

namespace web {
namespace {

constexpr float kOctetPxPerStep = 6;    // sideways pixels per unit when dragging an octet
constexpr float kPrefixPxPerStep = 14;  // ... and the prefix length
constexpr double kFlashMs = 900;
const ImU32& kBitOn = color::kAccentFill;  // a fixed (network) bit, white digit
const ImU32& kBitHost = color::kSlotFree;  // a bit that counts numbers inside
const ImU32& kFresh = color::kPillHot;

bool is_bar_part(std::string_view p) {
    return p == "bar" || p == "octets" || p == "bits" || p == "prefix" || p == "verdict" ||
           p == "add" || p == "candidate" || p == "size" || p == "first" || p == "last" ||
           p == "quota" || p == "blocks" || p == "left";
}

void outline(ImVec2 a, ImVec2 b) {
    ImGui::GetWindowDrawList()->AddRect(ImVec2(a.x - 3, a.y - 3), ImVec2(b.x + 3, b.y + 3),
                                        color::kHighlight, 6, 0, 2.5f);
}

// A number on the bar the learner drags sideways or taps to type: an octet (0..3) or the
// prefix (4). Returns the new value when it changed.
std::optional<long long> draggable(const ViewContext& ctx, SecondaryCidrsUi& ui, int which,
                                   const std::string& text, long long value, ImU32 col,
                                   const core::Knob& knob) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 pad(6, 2);
    const ImVec2 b(at.x + size.x + 2 * pad.x, at.y + size.y + 2 * pad.y);
    dl->AddRectFilled(at, b, color::kPill, 6);
    draw_text(dl, ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(at.x + pad.x, at.y + pad.y), col,
              text.c_str());
    const std::string id = which < 4 ? "##octet-" + std::to_string(which + 1) : "##prefix";
    ImGui::InvisibleButton(id.c_str(), ImVec2(b.x - at.x, b.y - at.y));
    locate_note(id.c_str());
    if (ImGui::IsItemHovered() || ImGui::IsItemActive())
        ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    std::optional<long long> out;
    if (ImGui::IsItemActivated()) {
        ui.drag_start = static_cast<int>(value);
        ui.dragged = false;
    }
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 4.0f)) {
        const ImVec2 d = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left);
        if (ui.dragged || std::fabs(d.x) >= std::fabs(d.y)) {
            ui.dragged = true;
            const float px = which < 4 ? kOctetPxPerStep : kPrefixPxPerStep;
            const long long next = std::clamp(
                ui.drag_start + static_cast<long long>(std::lround(d.x / px)), knob.min, knob.max);
            if (next != value) out = next;
        }
    }
    const std::string popup = id + "-type";
    if (ImGui::IsItemDeactivated() && !ui.dragged) ImGui::OpenPopup(popup.c_str());
    ImGui::PushFont(ctx.fonts.strong);
    if (std::optional<long long> v = edit_popup(popup.c_str(), knob, value)) out = v;
    ImGui::PopFont();
    return out;
}

// "100 . 64 . 0 . 0 / 10", each part draggable; an octet is blue while all its bits are fixed.
void draw_octets(const ViewContext& ctx, core::SecondaryCidrs& m, SecondaryCidrsUi& ui) {
    static const core::Knob kOctet{"octet", core::KnobKind::Number, 0, 255, {}};
    const core::Knob* prefix_knob =
        core::find_knob(core::step_info<core::SecondaryCidrs>(), "prefix");
    ImGui::PushFont(ctx.fonts.heading);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    for (int i = 0; i < 4; ++i) {
        if (i > 0) {
            ImGui::SameLine(0, 3);
            ImGui::TextUnformatted(".");
            ImGui::SameLine(0, 3);
        }
        const int fixed = std::clamp(m.prefix - 8 * i, 0, 8);
        const ImU32 col = fixed == 8 ? color::kAccent : (fixed == 0 ? color::kMuted : color::kInk);
        const int v = core::octet(m, i);
        if (std::optional<long long> next =
                draggable(ctx, ui, i, std::to_string(v), v, col, kOctet))
            (void)core::set_octet(m, i, static_cast<int>(*next));
    }
    ImGui::SameLine(0, 6);
    ImGui::TextUnformatted("/");
    ImGui::SameLine(0, 6);
    const ImVec2 prefix_at = ImGui::GetCursorScreenPos();
    if (std::optional<long long> next = draggable(ctx, ui, 4, std::to_string(m.prefix), m.prefix,
                                                  color::kHighlight, *prefix_knob)) {
        (void)core::set(m, core::Setting{"prefix", false, *next, {}}, ctx.catalog);
    }
    ImGui::PopFont();
    if (ctx.lit() == "octets")
        outline(start, ImVec2(prefix_at.x - 8, start.y + ImGui::GetFrameHeight() + 8));
    if (ctx.lit() == "prefix")
        outline(prefix_at, ImVec2(ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y));
}

// The 32 bits in four groups, the fixed ones blue; a handle between the fixed bits and the
// rest. A tap or a sideways drag on the strip moves the handle (a vertical swipe scrolls).
void draw_bits(const ViewContext& ctx, core::SecondaryCidrs& m, SecondaryCidrsUi& ui) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float w = std::min(ImGui::GetContentRegionAvail().x, 560.0f);
    const float gap = w < 450 ? 3.0f : 6.0f, cell = (w - 3 * gap) / 32, h = cell * 1.5f + 4;
    const ImVec2 o = ImGui::GetCursorScreenPos();
    auto cell_x = [&](int bit) {
        return o.x + static_cast<float>(bit) * cell + static_cast<float>(bit / 8) * gap;
    };
    ImGui::PushFont(ctx.fonts.small);
    for (int bit = 0; bit < 32; ++bit) {
        const ImVec2 a(cell_x(bit) + 1, o.y), b(cell_x(bit) + cell - 1, o.y + h);
        const bool fixed = bit < m.prefix;
        dl->AddRectFilled(a, b, fixed ? kBitOn : kBitHost, 2);
        const char* digit = core::address_bit(m, bit) ? "1" : "0";
        const ImVec2 ts = ImGui::CalcTextSize(digit);
        if (cell >= ts.x + 3)
            draw_text(dl, ImGui::GetFont(), ImGui::GetFontSize(),
                      ImVec2((a.x + b.x - ts.x) / 2, (a.y + b.y - ts.y) / 2),
                      fixed ? IM_COL32_WHITE : color::kMuted, digit);
    }
    ImGui::PopFont();
    // The handle: a bar between bit prefix-1 and bit prefix, its label under it.
    const float hx =
        m.prefix >= 32 ? cell_x(31) + cell : cell_x(m.prefix) - (m.prefix % 8 == 0 ? gap / 2 : 0);
    dl->AddLine(ImVec2(hx, o.y - 6), ImVec2(hx, o.y + h + 6), color::kHighlight, 3);
    dl->AddTriangleFilled(ImVec2(hx - 6, o.y + h + 12), ImVec2(hx + 6, o.y + h + 12),
                          ImVec2(hx, o.y + h + 5), color::kHighlight);
    ImGui::SetCursorScreenPos(ImVec2(o.x, o.y - 6));
    ImGui::InvisibleButton("##bits", ImVec2(w, h + 20));
    locate_note("##bits");
    if (ImGui::IsItemActivated()) ui.dragged = false;
    const ImVec2 d = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0);
    const bool sideways = std::fabs(d.x) >= std::fabs(d.y) || ui.dragged;
    if ((ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 4.0f) &&
         sideways) ||
        (ImGui::IsItemDeactivated() && std::fabs(d.y) < 6)) {
        ui.dragged = true;
        const float mx = ImGui::GetIO().MousePos.x;
        int best = m.prefix;
        float best_d = 1e9f;
        for (int k = core::kBarMinPrefix; k <= core::kBarMaxPrefix; ++k) {
            const float dist = std::fabs(cell_x(k) - mx);
            if (dist < best_d) best_d = dist, best = k;
        }
        if (best != m.prefix)
            (void)core::set(m, core::Setting{"prefix", false, best, {}}, ctx.catalog);
    }
    if (ctx.lit() == "bits") outline(o, ImVec2(o.x + w, o.y + h));
}

// The quota: one small box per block the campus may hold, filled for those in use.
void draw_quota(const ViewContext& ctx, const core::VpcSpace& space, bool lit) {
    ImGui::AlignTextToFramePadding();
    const std::string label = capitalized(ctx.text("{range}s: ")) +
                              std::to_string(space.blocks.size()) + " of " +
                              std::to_string(space.quota);
    ImGui::TextUnformatted(label.c_str());
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float box = 12, gap = 3;
    ImGui::SameLine(0, 10);
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const float room = std::max(box, ImGui::GetContentRegionAvail().x);
    const int per_row = std::max(1, static_cast<int>((room + gap) / (box + gap)));
    const int rows = (space.quota + per_row - 1) / per_row;
    const float top = o.y + (ImGui::GetFrameHeight() - box) / 2;
    for (int i = 0; i < space.quota; ++i) {
        const ImVec2 a(o.x + static_cast<float>(i % per_row) * (box + gap),
                       top + static_cast<float>(i / per_row) * (box + gap));
        const ImVec2 b(a.x + box, a.y + box);
        if (i < static_cast<int>(space.blocks.size())) {
            dl->AddRectFilled(a, b, color::kPanel, 2);
        } else {
            dl->AddRect(a, b, color::kMuted, 2);
        }
    }
    const float w = static_cast<float>(std::min(per_row, space.quota)) * (box + gap);
    const float rows_h = static_cast<float>(rows) * (box + gap);
    ImGui::Dummy(ImVec2(w, std::max(ImGui::GetFrameHeight(), rows_h)));
    if (lit) outline(ImVec2(o.x - 2, top - 2), ImVec2(o.x + w, top + rows_h));
}

// A refusal said as words around the block or range it names (empty `after`: no block).
struct RefusalWords {
    core::CidrRefusal refusal;
    const char* before;
    const char* after;
};

const RefusalWords kRefusalWords[] = {
    {core::CidrRefusal::TooLarge, "Too large: a {campus} takes {range}s of /16 down to /28. Try ",
     "."},
    {core::CidrRefusal::TooSmall, "Too small: a {campus} takes {range}s of /16 down to /28.",
     nullptr},
    {core::CidrRefusal::Unusable, "Never allowed: ", " is a range no host may use."},
    {core::CidrRefusal::Overlap, "Refused: it overlaps ",
     ". Two {range}s of a {campus} never share {nums}."},
    {core::CidrRefusal::OtherPrivateRange, "Another private family: this {campus} began in ",
     ", and AWS adds no private {range} from outside it."},
    {core::CidrRefusal::Range172_31,
     "Refused: AWS adds nothing from 172.31.0.0/16 to a {campus} that began in 172.16.0.0/12.",
     nullptr},
    {core::CidrRefusal::Range10_0, "Refused: this {campus} has ",
     ", inside 10.0.0.0/15, so AWS adds nothing from 10.0.0.0/16."},
    {core::CidrRefusal::Beside198_19,
     "Refused: 198.19.0.0/16 never shares a {campus} with a private (RFC 1918) {range}, and "
     "this one has ",
     "."},
};

// What AWS's rules say of the block on the bar, in the learner's words.
std::string verdict_text(const ViewContext& ctx, const core::SecondaryCidrs& m) {
    const core::CidrVerdict v = core::verdict(m);
    const std::string block = step_value(m, "candidate");
    const std::string with = core::format_cidr(v.with);
    if (v.refusal == core::CidrRefusal::None)
        return ctx.text("Allowed: AWS would add ") + block + ctx.text(" to the {campus}.");
    if (v.refusal == core::CidrRefusal::Duplicate)
        return block + ctx.text(" is already a {range} of this {campus}.");
    if (v.refusal == core::CidrRefusal::Quota)
        return ctx.text("Quota reached: ") + step_value(m, "blocks") + " of " +
               step_value(m, "quota") +
               ctx.text(" {range}s in use. AWS raises the quota on request, up to 50.");
    if (v.refusal == core::CidrRefusal::Unusable && with == "169.254.0.0/16")
        return ctx.text(
            "Never allowed: 169.254.0.0/16 is link-local, where each {room} reaches services of "
            "its own host.");
    const RefusalWords* w = core::find_by(kRefusalWords, v.refusal, &RefusalWords::refusal);
    if (w == nullptr) return {};
    if (w->after == nullptr) return ctx.text(w->before);
    return ctx.text(w->before) + with + ctx.text(w->after);
}

// The blocks tried with Add, newest first: each with a tick or a cross.
void draw_tries(const ViewContext& ctx, const core::SecondaryCidrs& m) {
    if (m.tried.empty()) return;
    ImGui::PushFont(ctx.fonts.small);
    ImGui::TextUnformatted("Tried:");
    for (size_t i = m.tried.size(); i-- > 0;) {
        const core::CidrTry& t = m.tried[i];
        const bool ok = t.verdict.refusal == core::CidrRefusal::None;
        const std::string item =
            core::format_cidr(t.cidr) + (ok ? " \xE2\x9C\x93" : " \xE2\x9C\x97");
        ImGui::SameLine(0, 8);
        if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(item.c_str()).x)
            ImGui::NewLine();
        ImGui::PushStyleColor(ImGuiCol_Text, rgba(ok ? color::kGood : color::kBad));
        ImGui::TextUnformatted(item.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PopFont();
}

// The figure of the bar beats: octets, bits, the block's span, the verdict and Add.
void draw_bar(const ViewContext& ctx, core::SecondaryCidrs& m, SecondaryCidrsUi& ui) {
    ImGui::Dummy(ImVec2(1, 4));
    draw_octets(ctx, m, ui);
    ImGui::Dummy(ImVec2(1, 8));
    draw_bits(ctx, m, ui);
    ImGui::PushFont(ctx.fonts.small);
    const std::string span = step_value(m, "first") + " \xE2\x80\x93 " + step_value(m, "last") +
                             "  \xC2\xB7  " + step_value(m, "size") + " " + ctx.text("{nums}");
    wrapped_text(span.c_str(), color::kMuted);
    ImGui::PopFont();
    ImGui::Spacing();
    const bool ok = core::verdict(m).refusal == core::CidrRefusal::None;
    const ImVec2 va = ImGui::GetCursorScreenPos();
    ImGui::PushFont(ctx.fonts.strong);
    wrapped_text(
        (std::string(ok ? "\xE2\x9C\x93 " : "\xE2\x9C\x97 ") + verdict_text(ctx, m)).c_str(),
        ok ? color::kGood : color::kBad);
    ImGui::PopFont();
    if (ctx.lit() == "verdict")
        outline(va, ImVec2(va.x + ImGui::GetContentRegionAvail().x, ImGui::GetItemRectMax().y));
    ImGui::Spacing();
    const std::string add =
        ctx.text("Add ") + step_value(m, "candidate") + ctx.text(" to the {campus}") + "##add";
    if (ImGui::Button(add.c_str())) core::apply(m, core::SecondaryCidrsAction::Add);
    locate_note("##add");
    if (ctx.lit() == "add") outline(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    draw_tries(ctx, m);
    const std::string_view lit = ctx.lit();
    draw_quota(ctx, core::vpc_space(m.vpc), lit == "quota" || lit == "blocks" || lit == "left");
}

// One number range as a bar, its buildings placed where their numbers lie.
void draw_block_bar(const ViewContext& ctx, const core::Vpc& vpc, const core::CidrSpace& block,
                    bool fresh, bool lit_block, bool lit_buildings, const std::string& newest) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float w = ImGui::GetContentRegionAvail().x, h = 34;
    const ImVec2 o = ImGui::GetCursorScreenPos(), oz(o.x + w, o.y + h);
    dl->AddRectFilled(o, oz, fresh ? kFresh : color::kSlotFree, 5);
    dl->AddRect(o, oz, color::kLine, 5);
    const double total = static_cast<double>(block.addresses);
    ImGui::PushFont(ctx.fonts.small);
    for (const core::SubnetSpan& s : block.subnets) {
        const float x0 = o.x + static_cast<float>(static_cast<double>(s.offset) / total * w);
        const float sw =
            std::max(4.0f, static_cast<float>(static_cast<double>(s.size) / total * w));
        const ImVec2 a(x0 + 1, o.y + 3), z(std::min(x0 + sw, oz.x) - 1, oz.y - 3);
        dl->AddRectFilled(a, z, color::kBuilding, 3);
        dl->AddRect(a, z, color::kPanel, 3, 0, 1.5f);
        const core::Subnet* sub = core::find_subnet(vpc, s.id);
        std::string label = ctx.aws() || sub == nullptr ? s.id : sub->name;
        const std::string full = label + " " + core::format_cidr(s.cidr);
        if (ImGui::CalcTextSize(full.c_str()).x + 8 < z.x - a.x) label = full;
        const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
        if (ts.x + 6 < z.x - a.x)
            draw_text(dl, ImGui::GetFont(), ImGui::GetFontSize(),
                      ImVec2((a.x + z.x - ts.x) / 2, (a.y + z.y - ts.y) / 2), color::kInk,
                      label.c_str());
        if (lit_buildings || (!newest.empty() && s.id == newest)) outline(a, z);
    }
    if (block.subnets.empty()) {
        const std::string none = ctx.text("no {buildings} yet");
        const ImVec2 ts = ImGui::CalcTextSize(none.c_str());
        draw_text(dl, ImGui::GetFont(), ImGui::GetFontSize(),
                  ImVec2(o.x + (w - ts.x) / 2, o.y + (h - ts.y) / 2), color::kMuted, none.c_str());
    }
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(w, h));
    if (lit_block) outline(o, oz);
}

// The figure of the campus beats: every number range with its buildings, the quota, and the
// buttons that build and start over.
void draw_campus_blocks(const ViewContext& ctx, core::SecondaryCidrs& m, SecondaryCidrsUi& ui,
                        ViewOut& out) {
    const std::string_view lit = ctx.lit();
    const core::VpcSpace space = core::vpc_space(m.vpc);
    const double now = platform::now_ms();
    if (space.blocks.size() > ui.blocks_seen) ui.flash_until_ms = now + kFlashMs;
    ui.blocks_seen = space.blocks.size();
    const bool flashing = now < ui.flash_until_ms;
    if (flashing) out.animate(ui.flash_until_ms + 120);
    ImGui::PushFont(ctx.fonts.strong);
    wrapped_text((capitalized(ctx.text("{campus}: ")) + core::with_commas(space.addresses) + " " +
                  ctx.text("{nums}, ") + core::with_commas(space.usable) +
                  ctx.text(" in {buildings}"))
                     .c_str());
    ImGui::PopFont();
    const std::string newest =
        lit == "newbuilding" && core::goal_met(m, "build") ? m.vpc.subnets.back().id : "";
    for (size_t b = 0; b < space.blocks.size(); ++b) {
        const core::CidrSpace& block = space.blocks[b];
        const std::string role = b == 0 ? ctx.text(ctx.aws() ? "primary" : "first {range}")
                                        : ctx.text(ctx.aws() ? "secondary" : "added {range}");
        const std::string about = core::format_cidr(block.cidr) + "  \xC2\xB7  " + role +
                                  "  \xC2\xB7  " + core::with_commas(block.addresses) + " " +
                                  ctx.text("{nums}");
        ImGui::PushFont(ctx.fonts.small);
        wrapped_text(about.c_str(), color::kMuted);
        ImGui::PopFont();
        const bool lit_block = lit == "campus" || lit == "total" ||
                               (b == 0 && (lit == "primary" || lit == "start")) ||
                               (b > 0 && (lit == "secondary" || lit == "newest"));
        draw_block_bar(ctx, m.vpc, block, flashing && b + 1 == space.blocks.size(), lit_block,
                       lit == "buildings" || lit == "usable", newest);
    }
    ImGui::Spacing();
    const core::Cidr* where = core::building_block(m);
    const std::string build =
        ctx.text("Build a {building}") +
        (where ? ctx.text(" in ") + core::format_cidr(*where) : std::string()) + "##build";
    ImGui::BeginDisabled(where == nullptr);
    if (ImGui::Button(build.c_str())) core::apply(m, core::SecondaryCidrsAction::AddBuilding);
    ImGui::EndDisabled();
    locate_note("##build");
    if (lit == "newbuilding" && newest.empty())
        outline(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize("Start over").x + 20)
        ImGui::NewLine();
    if (ImGui::Button("Start over")) core::apply(m, core::SecondaryCidrsAction::StartOver);
}

// The view's numbers in a sentence, for screen readers and the tests.
std::string live_sentence(const ViewContext& ctx, const core::SecondaryCidrs& m) {
    const core::CidrVerdict v = core::verdict(m);
    std::string blocks;
    for (const core::Cidr& c : m.vpc.cidrs)
        blocks += (blocks.empty() ? "" : ", ") + core::format_cidr(c);
    return capitalized(ctx.text("{campus}: ")) + step_value(m, "blocks") + " of " +
           step_value(m, "quota") + ctx.text(" {range}s (") + blocks + "), " +
           step_value(m, "total") + ctx.text(" {nums}; ") + step_value(m, "buildings") +
           ctx.text(" {buildings}, ") + step_value(m, "usable") +
           " usable. Bar: " + step_value(m, "candidate") +
           (v.refusal == core::CidrRefusal::None ? ", allowed."
                                                 : ", refused: " + verdict_text(ctx, m));
}

}  // namespace

ViewOut draw_secondary_cidrs(const ViewContext& ctx, core::SecondaryCidrs& m,
                             SecondaryCidrsUi& ui) {
    ViewOut out;
    const std::string_view lit = ctx.lit();
    const ImVec2 bar_min = ImGui::GetCursorScreenPos();
    draw_bar(ctx, m, ui);
    const ImVec2 bar_max(bar_min.x + ImGui::GetContentRegionAvail().x,
                         ImGui::GetItemRectMax().y + 4);
    ImGui::Dummy(ImVec2(1, 10));
    const ImVec2 campus_min = ImGui::GetCursorScreenPos();
    draw_campus_blocks(ctx, m, ui, out);
    const ImVec2 campus_max(campus_min.x + ImGui::GetContentRegionAvail().x,
                            ImGui::GetCursorScreenPos().y);
    ImGui::Dummy(ImVec2(1, 12));  // the last outline is never cut at the view's edge
    const bool bar = lit.empty() || is_bar_part(lit);
    out.figure_min = bar ? bar_min : campus_min;
    out.figure_max = bar ? bar_max : campus_max;
    out.live = live_sentence(ctx, m);
    return out;
}

}  // namespace web
