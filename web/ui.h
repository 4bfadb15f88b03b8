// ui.h: the ui kit: colours, the theme and the widgets several views share.
#pragma once

#include <string>

#include "capacity.h"
#include "context.h"
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
// Whose number a call carries (the steps about calls).
constexpr ImU32 kOwnNumber = IM_COL32(22, 128, 82, 255);       // the desk's own, real number
constexpr ImU32 kPrivateNumber = IM_COL32(130, 88, 200, 255);  // an overlay's private number
constexpr ImU32 kRoomNumber = IM_COL32(184, 104, 16, 255);     // a room's main number
constexpr ImU32 kPublicNumber = IM_COL32(37, 99, 235, 255);    // the exchange's outside number
constexpr ImU32 kSwap = IM_COL32(240, 164, 60, 255);           // a hop that changes the call
}  // namespace color

inline ImVec4 rgba(ImU32 c) {
    return ImGui::ColorConvertU32ToFloat4(c);
}

// ImDrawList::AddText that also tells ImGui's log (the browser tests read the words a view
// drew through it, web/locate.h). Every word drawn straight onto the canvas goes through it.
void draw_text(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 col, const char* text,
               const char* end = nullptr, float wrap_width = 0.0f);
// Applies the CNI Campus theme to the current ImGui style.
void apply_theme();
// The end of the longest head of the word [s, word_end) that fits in width at this font
// size, never empty: after the last '_', '=', '/' or '.' in its second half if there is
// one, else at a character (a word wider than a phone's line, such as a setting's name).
const char* overlong_word_cut(ImFont* font, float size, float width, const char* s,
                              const char* word_end);
// Text wrapped to the current column width, in a colour.
void wrapped_text(const char* text, ImU32 color = color::kInk);
// ImGui::Checkbox, whose label wraps (wrapped_text) when it is wider than the line, as a
// long setting name is on a phone; a click on the wrapped label toggles it too.
bool checkbox_wrapped(const char* label, bool* value);
// A button on the current line if it fits there, else at the start of the next (a row of
// buttons that wraps on a phone); `first` starts a new row. True when pressed.
bool flow_button(const char* label, bool first = false);
// A big number under a muted label, with an optional muted caption under it.
struct NumberCard {
    std::string label;
    std::string value;
    std::string caption;
    ImU32 value_color = color::kInk;
};
// Cards side by side, per_row to a row across the available width, each label wrapped to
// its column. The labels of a row take the tallest one's height, so the numbers of a row
// stay on one line when one label wraps.
void number_cards(const NumberCard* cards, int count, int per_row, ImFont* big,
                  ImFont* caption_font = nullptr);

// A field for a whole number, typed (digits only) and clamped to [lo, hi]; true when the
// value changed. While it is being edited, a phone gets a numeric keyboard (main.cpp asks
// number_field_editing() once a frame and tells the platform).
bool number_field(const char* id, long long& value, long long lo, long long hi, float width);
// True if a number_field was being edited in the frame just drawn; resets for the next.
bool number_field_editing();

// Shared widgets ------------------------------------------------------------------------
// A searchable instance-type picker over the whole catalog; true when the choice changed.
bool instance_type_picker(const ViewContext& ctx, const char* id, int& type, char* filter,
                          int filter_size, const std::vector<std::string>& step_types = {});
// "Room size [picker]" on one line: true when the learner picked another type (its name in
// `picked`), to hand to the step's model.
bool room_size_row(const ViewContext& ctx, const char* id, const std::string& current, char* filter,
                   int filter_size, std::string& picked);
// Index of a type in the catalog by name, or 0 if absent.
int catalog_index(const ViewContext& ctx, const char* name);
// A "-  3  +" stepper (no typing: phones get no keyboard); true when the value changed.
bool stepper(const char* id, int& value, int lo, int hi);
// In place of a step's view when its room could not be built: the model's reason in red and a
// button labelled `start_over` (none if null); true when it was pressed.
bool room_not_built(const std::string& message, const char* start_over = nullptr);
// Who sets kubelet's max-pods: two radio buttons, "{selfmanaged}" and "{managed}" in the
// current vocabulary; true when the choice changed.
bool node_group_picker(const ViewContext& ctx, const char* id, core::NodeGroupKind& kind);
// "Show the math": the derivation steps from core, as a worked sum.
void show_math(const ViewContext& ctx, const core::MaxPods& result, bool& open);
// The width of a button (or chip) with this label.
float chip_width(const char* label);
// Continues the line if `width` more pixels fit after the last item, else starts a new one:
// a row of buttons that wraps on a phone.
void flow(float width);
// A button of a row of choices, filled when it is the chosen one; true when pressed.
bool chip(const char* label, bool selected);

}  // namespace web
