// style.h: colours and small drawing helpers shared by the views.
#pragma once

#include "imgui.h"

namespace web {

// The palette: a light page that sits well inside a blog.
namespace color {
constexpr ImU32 kInk = IM_COL32(28, 35, 51, 255);
constexpr ImU32 kMuted = IM_COL32(92, 102, 122, 255);
constexpr ImU32 kLine = IM_COL32(205, 212, 224, 255);
constexpr ImU32 kPaper = IM_COL32(250, 251, 253, 255);
constexpr ImU32 kBuilding = IM_COL32(232, 238, 248, 255);
constexpr ImU32 kRoom = IM_COL32(255, 255, 255, 255);
constexpr ImU32 kPanel = IM_COL32(52, 84, 140, 255);
constexpr ImU32 kSlotFree = IM_COL32(226, 232, 242, 255);
constexpr ImU32 kSlotMain = IM_COL32(240, 164, 60, 255);
constexpr ImU32 kSlotDesk = IM_COL32(46, 160, 110, 255);
constexpr ImU32 kSlotWarm = IM_COL32(150, 200, 240, 255);
constexpr ImU32 kAccent = IM_COL32(37, 99, 235, 255);
constexpr ImU32 kBad = IM_COL32(200, 50, 50, 255);
constexpr ImU32 kGood = IM_COL32(30, 140, 80, 255);
}  // namespace color

inline ImVec4 rgba(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

// Applies the CNI Campus theme to the current ImGui style.
void apply_theme();
// Text wrapped to the current column width, in a colour.
void wrapped_text(const char* text, ImU32 color = color::kInk);
// A labelled big number: "max-pods  29".
void number_card(const char* label, long long value, const char* caption, ImFont* big);

}  // namespace web
