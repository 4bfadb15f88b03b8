// view_secondary.cpp: step "secondary-cidrs". A campus whose primary CIDR block is already
// carved into buildings; a list of candidate secondary blocks, each added through
// core::add_vpc_cidr (accepted, or refused with AWS's rule and the quota); new buildings
// placed in any block by core::next_free_subnet_cidr and core::add_subnet; every count from
// core::vpc_space.
#include "view_secondary.h"

#include <algorithm>
#include <string>

#include "context.h"
#include "imgui.h"
#include "occupancy.h"
#include "platform.h"
#include "ui.h"

namespace web {

namespace {

struct PrimaryChoice {
    const char* cidr;
    int building_prefix;  // the four buildings that fill it
};
const PrimaryChoice kPrimaries[] = {
    {"10.0.0.0/22", 24},
    {"10.0.0.0/16", 18},
    {"172.16.0.0/16", 18},
    {"192.168.0.0/16", 18},
};
constexpr int kPrimaryCount = 4;
constexpr int kStartBuildings = 4;

const char* const kCandidates[] = {
    "100.64.0.0/16", "100.65.0.0/16",  "198.19.0.0/16", "192.168.0.0/16",
    "172.31.0.0/16", "169.254.0.0/16", "10.1.0.0/16",   "10.0.0.0/16",
    "100.64.0.0/10", "100.66.0.0/16",  "100.67.0.0/16",
};
constexpr int kCandidateCount = 11;

constexpr int kNewSizes[] = {24, 20, 18};
constexpr int kNewSizeCount = 3;
const char* const kZones[] = {"us-east-1a", "us-east-1b", "us-east-1c"};

// "65,536"
std::string grouped(uint64_t n) {
    std::string digits = std::to_string(n);
    std::string out;
    const int len = static_cast<int>(digits.size());
    for (int i = 0; i < len; ++i) {
        if (i > 0 && (len - i) % 3 == 0) out += ',';
        out += digits[static_cast<size_t>(i)];
    }
    return out;
}

std::string building_letter(int index) {
    std::string s;
    int i = index;
    do {
        s.insert(s.begin(), static_cast<char>('A' + i % 26));
        i = i / 26 - 1;
    } while (i >= 0);
    return s;
}

void say(SecondaryCidrView& v, std::string text, bool failed) {
    v.message = std::move(text);
    v.failed = failed;
}

// Adds the next building of /prefix inside `block`; false (with the message) if none fits.
bool add_building(const ViewContext& ctx, SecondaryCidrView& v, const core::Cidr& block,
                  int prefix) {
    core::Result<core::Cidr> where = core::next_free_subnet_cidr(v.vpc, block, prefix);
    if (!where) {
        say(v, where.error().message, true);
        return false;
    }
    const std::string letter = building_letter(v.next_building);
    core::SubnetDesc d;
    d.id = "subnet-" + letter;
    for (char& c : d.id)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    d.name = "Building " + letter;
    d.az = kZones[v.next_building % 3];
    d.cidr = core::format_cidr(*where);
    core::Status s = core::add_subnet(v.vpc, d);
    if (!s) {
        say(v, s.error().message, true);
        return false;
    }
    ++v.next_building;
    say(v,
        d.name + " (" + d.cidr + ", " + d.az +
            ") built: " + grouped(core::aws_usable_addresses(*where)) + " " + ctx.text("{nums}") +
            " to hand out.",
        false);
    return true;
}

void rebuild(const ViewContext& ctx, SecondaryCidrView& v) {
    v.results.assign(kCandidateCount, std::string());
    v.accepted.assign(kCandidateCount, false);
    v.next_building = 0;
    core::Result<core::Vpc> made = core::make_vpc(kPrimaries[v.primary].cidr);
    if (!made) {
        say(v, made.error().message, true);
        return;
    }
    v.vpc = std::move(made).value();
    const core::Cidr primary = v.vpc.cidrs.front();
    for (int i = 0; i < kStartBuildings; ++i) {
        if (!add_building(ctx, v, primary, kPrimaries[v.primary].building_prefix)) return;
    }
    say(v,
        ctx.text("The {campus} starts with ") + kPrimaries[v.primary].cidr +
            ctx.text(", already shared out among 4 {buildings}."),
        false);
}

float button_width(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
}

void flow(float width, float right) {
    ImGui::SameLine();
    if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
}

// One CIDR block as a bar, its buildings placed where their addresses lie.
void draw_block_bar(const ViewContext& ctx, const core::Vpc& vpc, const core::CidrSpace& block) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = 34;
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const ImVec2 oz(o.x + w, o.y + h);
    dl->AddRectFilled(o, oz, color::kSlotFree, 5);
    dl->AddRect(o, oz, color::kLine, 5);
    const bool hover_ok = ImGui::IsWindowHovered();
    std::string tip;
    const double total = static_cast<double>(block.addresses);
    for (const core::SubnetSpan& s : block.subnets) {
        const float x0 = o.x + static_cast<float>(static_cast<double>(s.offset) / total * w);
        const float sw =
            std::max(4.0f, static_cast<float>(static_cast<double>(s.size) / total * w));
        const ImVec2 a(x0, o.y + 3), z(std::min(x0 + sw, oz.x), oz.y - 3);
        dl->AddRectFilled(a, z, color::kBuilding, 3);
        dl->AddRect(a, z, color::kPanel, 3, 0, 1.5f);
        const core::Subnet* sub = core::find_subnet(vpc, s.id);
        const std::string name = sub != nullptr ? sub->name : s.id;
        std::string label = name + " " + core::format_cidr(s.cidr);
        ImVec2 ts = ImGui::CalcTextSize(label.c_str());
        if (ts.x + 6 >= z.x - a.x) {
            label = name.substr(name.find(' ') + 1);  // the letter alone
            ts = ImGui::CalcTextSize(label.c_str());
        }
        if (ts.x + 6 < z.x - a.x)
            dl->AddText(ImVec2((a.x + z.x - ts.x) / 2, (a.y + z.y - ts.y) / 2), color::kInk,
                        label.c_str());
        if (hover_ok && ImGui::IsMouseHoveringRect(a, z)) {
            tip = name + " (" + s.id + ") " + core::format_cidr(s.cidr) +
                  (sub != nullptr ? ", " + sub->az : std::string()) + ": " + grouped(s.size) +
                  " addresses, " + grouped(s.usable) + " usable, " + grouped(s.free) + " free";
        }
    }
    if (tip.empty() && hover_ok && ImGui::IsMouseHoveringRect(o, oz)) {
        tip = core::format_cidr(block.cidr) + ": " + grouped(block.unassigned) +
              ctx.text(" {nums} in no {building} yet");
    }
    if (block.subnets.empty()) {
        const std::string none = ctx.text("no {buildings} yet");
        const ImVec2 ts = ImGui::CalcTextSize(none.c_str());
        dl->AddText(ImVec2(o.x + (w - ts.x) / 2, o.y + (h - ts.y) / 2), color::kMuted,
                    none.c_str());
    }
    ImGui::Dummy(ImVec2(w, h));
    if (!tip.empty()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
        ImGui::TextUnformatted(tip.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

}  // namespace

ViewOut draw_secondary(const ViewContext& ctx, SecondaryCidrView& view) {
    ViewOut out;
    if (!view.initialized) {
        view.initialized = true;
        rebuild(ctx, view);
    }
    const float avail = ImGui::GetContentRegionAvail().x;
    const float right = ImGui::GetCursorScreenPos().x + avail;

    // Settings: the primary CIDR, the size of new buildings.
    ImGui::AlignTextToFramePadding();
    std::string primary_label = ctx.text("First {range}");
    ImGui::TextUnformatted(primary_label.c_str());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(160);
    if (ImGui::BeginCombo("##primary", kPrimaries[view.primary].cidr)) {
        for (int i = 0; i < kPrimaryCount; ++i) {
            if (ImGui::Selectable(kPrimaries[i].cidr, i == view.primary) && i != view.primary) {
                view.primary = i;
                rebuild(ctx, view);
                out.animate(platform::now_ms() + 300);
            }
        }
        ImGui::EndCombo();
    }
    std::string size_label = ctx.text("New {buildings}");
    flow(ImGui::CalcTextSize(size_label.c_str()).x + 110, right);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(size_label.c_str());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(80);
    std::string size_preview = "/" + std::to_string(kNewSizes[view.new_size]);
    if (ImGui::BeginCombo("##newsize", size_preview.c_str())) {
        for (int i = 0; i < kNewSizeCount; ++i) {
            std::string item = "/" + std::to_string(kNewSizes[i]);
            if (ImGui::Selectable(item.c_str(), i == view.new_size)) view.new_size = i;
        }
        ImGui::EndCombo();
    }
    flow(button_width("Start over"), right);
    if (ImGui::Button("Start over")) rebuild(ctx, view);

    // Totals, from core.
    const core::VpcSpace space = core::vpc_space(view.vpc);
    ImGui::Spacing();
    {
        const NumberCard cards[] = {
            {ctx.text("{nums} in the {campus}"), grouped(space.addresses), {}},
            {ctx.text("usable in {buildings}"), grouped(space.usable), {}},
            {ctx.text("{range}s"),
             std::to_string(space.blocks.size()) + " of " + std::to_string(space.quota),
             {}}};
        number_cards(cards, 3, avail >= 560 ? 3 : 2, ctx.fonts.big);
    }

    // Candidate secondary blocks: each Add asks core.
    ImGui::Spacing();
    ImGui::PushFont(ctx.fonts.strong);
    ImGui::TextUnformatted(ctx.text("Add a secondary {range}").c_str());
    ImGui::PopFont();
    const float cidr_w = ImGui::CalcTextSize("169.254.0.0/16").x + 8;
    const float add_w = ImGui::CalcTextSize("Added").x + 2 * ImGui::GetStyle().FramePadding.x + 4;
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(6, 4));
    const bool table =
        ImGui::BeginTable("##candidates", 3,
                          ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg |
                              ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_PadOuterX);
    if (table) {
        ImGui::TableSetupColumn("cidr", ImGuiTableColumnFlags_WidthFixed, cidr_w);
        ImGui::TableSetupColumn("add", ImGuiTableColumnFlags_WidthFixed, add_w);
        ImGui::TableSetupColumn("result", ImGuiTableColumnFlags_WidthStretch);
        for (int i = 0; i < kCandidateCount; ++i) {
            ImGui::PushID(i);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(kCandidates[i]);
            ImGui::TableNextColumn();
            const bool done = view.accepted[static_cast<size_t>(i)];
            ImGui::BeginDisabled(done);
            if (ImGui::SmallButton(done ? "Added" : "Add")) {
                core::Status s = core::add_vpc_cidr(view.vpc, kCandidates[i]);
                if (s) {
                    view.accepted[static_cast<size_t>(i)] = true;
                    view.results[static_cast<size_t>(i)] =
                        ctx.text("accepted: room for new {buildings}");
                    say(view,
                        std::string(kCandidates[i]) +
                            ctx.text(" added to the {campus}: build {buildings} in it."),
                        false);
                } else {
                    view.results[static_cast<size_t>(i)] = s.error().message;
                    say(view, s.error().message, true);
                }
                out.animate(platform::now_ms() + 300);
            }
            ImGui::EndDisabled();
            ImGui::TableNextColumn();
            const std::string& r = view.results[static_cast<size_t>(i)];
            if (!r.empty()) {
                // One line per row (the rows stay put); the whole text on hover.
                const float room = ImGui::GetContentRegionAvail().x;
                std::string shown = r;
                if (avail < 480) {
                    // Narrow screens: the whole reason, wrapped (rows grow).
                    wrapped_text(r.c_str(), done ? color::kGood : color::kBad);
                    ImGui::PopID();
                    continue;
                }
                if (ImGui::CalcTextSize(shown.c_str()).x > room) {
                    while (!shown.empty() &&
                           ImGui::CalcTextSize((shown + "\xE2\x80\xA6").c_str()).x > room)
                        shown.pop_back();
                    shown += "\xE2\x80\xA6";
                }
                ImGui::PushStyleColor(ImGuiCol_Text, done ? color::kGood : color::kBad);
                ImGui::TextUnformatted(shown.c_str());
                ImGui::PopStyleColor();
                if (ImGui::IsItemHovered() && shown != r) {
                    ImGui::BeginTooltip();
                    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
                    ImGui::TextUnformatted(r.c_str());
                    ImGui::PopTextWrapPos();
                    ImGui::EndTooltip();
                }
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::PopStyleVar();

    // What the last press did, in full.
    if (!view.message.empty())
        wrapped_text(view.message.c_str(), view.failed ? color::kBad : color::kInk);

    // The campus: one bar per CIDR block.
    ImGui::Spacing();
    for (size_t b = 0; b < space.blocks.size(); ++b) {
        const core::CidrSpace& block = space.blocks[b];
        ImGui::PushID(static_cast<int>(b));
        ImGui::PushFont(ctx.fonts.strong);
        ImGui::TextUnformatted(core::format_cidr(block.cidr).c_str());
        ImGui::PopFont();
        std::string about = std::string(block.primary ? "primary" : "secondary") + " \xC2\xB7 " +
                            grouped(block.addresses) + " " + ctx.text("{nums}") + " \xC2\xB7 " +
                            std::to_string(block.subnets.size()) + " " +
                            ctx.text(block.subnets.size() == 1 ? "{building}" : "{buildings}") +
                            ", " + grouped(block.usable) + " usable";
        flow(ImGui::CalcTextSize(about.c_str()).x, right);
        ImGui::TextDisabled("%s", about.c_str());
        std::string add = ctx.text("Add a /") + std::to_string(kNewSizes[view.new_size]) +
                          ctx.text(" {building} here");
        flow(button_width(add.c_str()), right);
        if (ImGui::SmallButton(add.c_str())) {
            add_building(ctx, view, block.cidr, kNewSizes[view.new_size]);
            out.animate(platform::now_ms() + 300);
        }
        draw_block_bar(ctx, view.vpc, block);
        ImGui::PopID();
        ImGui::Spacing();
    }

    // The live sentence for screen readers.
    std::string blocks;
    for (const core::CidrSpace& b : space.blocks) {
        if (!blocks.empty()) blocks += ", ";
        blocks += core::format_cidr(b.cidr);
    }
    size_t buildings = view.vpc.subnets.size();
    out.live = ctx.text("{campus}: ") + std::to_string(space.blocks.size()) + " of " +
               std::to_string(space.quota) + " CIDR blocks (" + blocks + "), " +
               grouped(space.addresses) + " " + ctx.text("{nums}") + "; " +
               std::to_string(buildings) + " " + ctx.text("{buildings}") + " with " +
               grouped(space.usable) + " usable." +
               (view.message.empty() ? std::string() : " " + view.message);
    return out;
}

}  // namespace web
