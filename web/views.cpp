// views.cpp: the view dispatch and the widgets several views share.
#include "views.h"

#include <cctype>
#include <string>

#include "app.h"
#include "imgui.h"
#include "style.h"

namespace web {

namespace {

// One entry per view: the lesson's view name and a function that draws it with its state.
// Dispatching through this table (not an if-chain the optimiser inlines into one function)
// keeps each view its own function, so the web build can leave the views that the landing
// step does not draw out of the first download (web/split-keep.txt, docs/size.md).
struct ViewEntry {
    const char* name;
    bool (*draw)(App&);
};

template <typename View, bool (*Draw)(App&, View&), View Views::*Member>
bool draw_member(App& app) {
    return Draw(app, app.views.*Member);
}

constexpr ViewEntry kViews[] = {
    {"overlay-vs-vpc", draw_member<OverlayView, draw_overlay, &Views::overlay>},
    {"traffic", draw_member<TrafficView, draw_traffic, &Views::traffic>},
    {"panel", draw_member<PanelView, draw_panel, &Views::panel>},
    {"rules", draw_member<RulesView, draw_rules, &Views::rules>},
    {"desk-limit", draw_member<DeskLimitView, draw_desk_limit, &Views::desk_limit>},
    {"prefix-delegation", draw_member<PrefixView, draw_prefix, &Views::prefix>},
    {"subnet-exhaustion", draw_member<ExhaustionView, draw_exhaustion, &Views::exhaustion>},
    {"custom-networking", draw_member<CustomNetworkingView, draw_custom, &Views::custom>},
    {"secondary-cidrs", draw_member<SecondaryCidrView, draw_secondary, &Views::secondary>},
    {"warm-pool", draw_member<WarmPoolView, draw_warm_pool, &Views::warm_pool>},
    {"security-groups",
     draw_member<SecurityGroupsView, draw_security_groups, &Views::security_groups>},
    {"decision-guide", draw_member<DecisionView, draw_decision, &Views::decision>},
    {"cni-comparison", draw_member<ComparisonView, draw_comparison, &Views::comparison>},
    {"playground", draw_member<PlaygroundView, draw_playground, &Views::playground>},
};

}  // namespace

bool draw_view(App& app, const std::string& view) {
    for (const ViewEntry& e : kViews) {
        if (view == e.name) return e.draw(app);
    }
    return false;
}

int catalog_index(const App& app, const char* name) {
    const auto& types = app.catalog.types;
    for (size_t i = 0; i < types.size(); ++i) {
        if (types[i].name == name) return static_cast<int>(i);
    }
    return 0;
}

namespace {

bool matches(const std::string& name, const char* filter) {
    if (!*filter) return true;
    std::string f;
    for (const char* p = filter; *p; ++p)
        f += static_cast<char>(std::tolower(static_cast<unsigned char>(*p)));
    return name.find(f) != std::string::npos;
}

}  // namespace

bool instance_type_picker(App& app, const char* id, int& type, char* filter, int filter_size) {
    const auto& types = app.catalog.types;
    if (types.empty()) {
        ImGui::TextDisabled("(no instance catalog)");
        return false;
    }
    bool changed = false;
    const char* preview = type >= 0 ? types[static_cast<size_t>(type)].name.c_str() : "choose...";
    ImGui::PushID(id);
    ImGui::SetNextItemWidth(std::min(260.0f, ImGui::GetContentRegionAvail().x));
    if (ImGui::BeginCombo("##type", preview, ImGuiComboFlags_HeightLarge)) {
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##filter", "type to search, e.g. m5", filter,
                                 static_cast<size_t>(filter_size));
        int shown = 0;
        for (size_t i = 0; i < types.size() && shown < 400; ++i) {
            if (!matches(types[i].name, filter)) continue;
            ++shown;
            bool selected = static_cast<int>(i) == type;
            if (ImGui::Selectable(types[i].name.c_str(), selected)) {
                type = static_cast<int>(i);
                changed = true;
            }
            if (selected && ImGui::IsWindowAppearing()) ImGui::SetItemDefaultFocus();
        }
        if (shown == 0) ImGui::TextDisabled("no instance type matches");
        ImGui::EndCombo();
    }
    ImGui::PopID();
    return changed;
}

// "-  3  +": no typing (phones get no keyboard for the canvas).
bool stepper(const char* id, int& value, int lo, int hi) {
    bool changed = false;
    ImGui::PushID(id);
    ImGui::BeginDisabled(value <= lo);
    if (ImGui::Button("-", ImVec2(ImGui::GetFrameHeight() * 1.2f, 0))) {
        --value;
        changed = true;
    }
    ImGui::EndDisabled();
    ImGui::SameLine(0, 4);
    // The value, centred in a fixed width (screen coordinates: safe inside groups).
    const std::string v = std::to_string(value);
    const float w = ImGui::CalcTextSize("0000").x;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(w, ImGui::GetFrameHeight()));
    const ImVec2 size = ImGui::CalcTextSize(v.c_str());
    ImGui::GetWindowDrawList()->AddText(
        ImVec2(at.x + (w - size.x) * 0.5f, at.y + (ImGui::GetFrameHeight() - size.y) * 0.5f),
        ImGui::GetColorU32(ImGuiCol_Text), v.c_str());
    ImGui::SameLine(0, 4);
    ImGui::BeginDisabled(value >= hi);
    if (ImGui::Button("+", ImVec2(ImGui::GetFrameHeight() * 1.2f, 0))) {
        ++value;
        changed = true;
    }
    ImGui::EndDisabled();
    ImGui::PopID();
    return changed;
}

void show_math(App& app, const core::MaxPods& r, bool& open) {
    ImGui::PushID(&r);
    if (ImGui::Button(open ? "Hide the math" : "Show the math")) open = !open;
    if (open) {
        if (ImGui::BeginTable("##steps", 3,
                              ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersOuter | ImGuiTableFlags_PadOuterX)) {
            for (const core::DerivationStep& s : r.steps) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushTextWrapPos(0);
                ImGui::TextUnformatted(s.label.c_str());
                ImGui::PopTextWrapPos();
                ImGui::TableNextColumn();
                ImGui::PushTextWrapPos(0);
                ImGui::TextDisabled("%s", s.formula.c_str());
                ImGui::PopTextWrapPos();
                ImGui::TableNextColumn();
                ImGui::PushFont(app.fonts.strong);
                ImGui::Text("%lld", s.value);
                ImGui::PopFont();
            }
            ImGui::EndTable();
        }
        for (const std::string& n : r.notes)
            wrapped_text(n.c_str(), color::kMuted);
    }
    ImGui::PopID();
}

}  // namespace web
