// style.cpp: the theme and shared drawing helpers (see style.h).
#include "style.h"

#include <string>

namespace web {

void apply_theme() {
    ImGuiStyle& s = ImGui::GetStyle();
    ImGui::StyleColorsLight(&s);
    s.WindowRounding = 0;
    s.ChildRounding = 6;
    s.FrameRounding = 5;
    s.GrabRounding = 5;
    s.PopupRounding = 6;
    s.TabRounding = 5;
    s.WindowPadding = ImVec2(16, 12);
    s.FramePadding = ImVec2(10, 6);
    s.ItemSpacing = ImVec2(10, 8);
    s.ScrollbarSize = 12;
    s.GrabMinSize = 14;
    s.WindowBorderSize = 0;
    s.ChildBorderSize = 1;
    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = rgba(color::kInk);
    c[ImGuiCol_TextDisabled] = rgba(color::kMuted);
    c[ImGuiCol_WindowBg] = rgba(color::kPaper);
    c[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_Border] = rgba(color::kLine);
    c[ImGuiCol_FrameBg] = ImVec4(0.93f, 0.95f, 0.98f, 1);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.87f, 0.91f, 0.97f, 1);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.82f, 0.88f, 0.97f, 1);
    c[ImGuiCol_Button] = ImVec4(0.90f, 0.93f, 0.98f, 1);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.80f, 0.87f, 0.98f, 1);
    c[ImGuiCol_ButtonActive] = ImVec4(0.70f, 0.80f, 0.97f, 1);
    c[ImGuiCol_Header] = ImVec4(0.85f, 0.90f, 0.98f, 1);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.78f, 0.86f, 0.98f, 1);
    c[ImGuiCol_HeaderActive] = ImVec4(0.70f, 0.80f, 0.97f, 1);
    c[ImGuiCol_SliderGrab] = rgba(color::kAccent);
    c[ImGuiCol_SliderGrabActive] = ImVec4(0.10f, 0.30f, 0.80f, 1);
    c[ImGuiCol_CheckMark] = rgba(color::kAccent);
    c[ImGuiCol_PopupBg] = ImVec4(1, 1, 1, 0.98f);
}

void wrapped_text(const char* text, ImU32 col) {
    ImGui::PushStyleColor(ImGuiCol_Text, col);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void number_card(const char* label, long long value, const char* caption, ImFont* big) {
    ImGui::BeginGroup();
    ImGui::PushStyleColor(ImGuiCol_Text, color::kMuted);
    ImGui::TextUnformatted(label);
    ImGui::PopStyleColor();
    ImGui::PushFont(big);
    std::string v = std::to_string(value);
    ImGui::TextUnformatted(v.c_str());
    ImGui::PopFont();
    if (caption && *caption) {
        ImGui::PushStyleColor(ImGuiCol_Text, color::kMuted);
        ImGui::TextUnformatted(caption);
        ImGui::PopStyleColor();
    }
    ImGui::EndGroup();
}

}  // namespace web
