// views.cpp: the view dispatch and the widgets several views share.
#include "views.h"

#include <cctype>
#include <string>

#include "app.h"
#include "imgui.h"
#include "style.h"

namespace web {

void draw_desk_limit(App& app, DeskLimitView& view);

bool draw_view(App& app, const std::string& view) {
    if (view == "desk-limit") {
        draw_desk_limit(app, app.views.desk_limit);
        return true;
    }
    return false;
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
        for (const std::string& n : r.notes) wrapped_text(n.c_str(), color::kMuted);
    }
    ImGui::PopID();
}

}  // namespace web
