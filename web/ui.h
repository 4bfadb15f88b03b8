// ui.h: the ui kit: colours, the theme and the widgets several views share.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "capacity.h"
#include "cluster.h"
#include "context.h"
#include "imgui.h"
#include "steps/step_info.h"

namespace web {

// The palette. The values written here are the light theme's (a light page that sits well
// inside a blog); set_theme(true) swaps every one of them for its dark value (ui.cpp), and
// set_theme(false) brings the light ones back. Read them where they are drawn, never copy
// one into a static: the learner can switch themes at any time.
namespace color {
inline ImU32 kInk = IM_COL32(28, 35, 51, 255);
inline ImU32 kMuted = IM_COL32(92, 102, 122, 255);
inline ImU32 kLine = IM_COL32(205, 212, 224, 255);
inline ImU32 kPaper = IM_COL32(250, 251, 253, 255);
inline ImU32 kBuilding = IM_COL32(232, 238, 248, 255);
inline ImU32 kRoom = IM_COL32(255, 255, 255, 255);  // a room, a card, a child window
inline ImU32 kPanel = IM_COL32(52, 84, 140, 255);
inline ImU32 kSlotFree = IM_COL32(226, 232, 242, 255);
inline ImU32 kSlotMain = IM_COL32(240, 164, 60, 255);
inline ImU32 kSlotDesk = IM_COL32(46, 160, 110, 255);
inline ImU32 kSlotWarm = IM_COL32(150, 200, 240, 255);
inline ImU32 kAccent = IM_COL32(37, 99, 235, 255);       // accent words, dots, outlines
inline ImU32 kAccentFill = IM_COL32(37, 99, 235, 255);   // a button filled under white words
inline ImU32 kAccentHover = IM_COL32(29, 78, 200, 255);  // the same, hovered or focused
inline ImU32 kBad = IM_COL32(200, 50, 50, 255);
inline ImU32 kGood = IM_COL32(30, 140, 80, 255);
// Whose number a call carries (the steps about calls).
inline ImU32 kOwnNumber = IM_COL32(22, 128, 82, 255);       // the desk's own, real number
inline ImU32 kPrivateNumber = IM_COL32(130, 88, 200, 255);  // an overlay's private number
inline ImU32 kRoomNumber = IM_COL32(184, 104, 16, 255);     // a room's main number
inline ImU32 kPublicNumber = IM_COL32(37, 99, 235, 255);    // the exchange's outside number
inline ImU32 kSwap = IM_COL32(240, 164, 60, 255);           // a hop that changes the call
// Surfaces: controls, cards, pills, rows a view marks.
inline ImU32 kFrame = IM_COL32(237, 242, 250, 255);  // a field, a checkbox
inline ImU32 kFrameHover = IM_COL32(222, 232, 247, 255);
inline ImU32 kFrameActive = IM_COL32(209, 224, 247, 255);
inline ImU32 kButton = IM_COL32(230, 237, 250, 255);
inline ImU32 kButtonHover = IM_COL32(204, 222, 250, 255);
inline ImU32 kButtonActive = IM_COL32(179, 204, 247, 255);
inline ImU32 kHeader = IM_COL32(217, 230, 250, 255);  // a selected row of a list
inline ImU32 kHeaderHover = IM_COL32(199, 219, 250, 255);
inline ImU32 kHeaderActive = IM_COL32(179, 204, 247, 255);
inline ImU32 kPopup = IM_COL32(255, 255, 255, 250);
inline ImU32 kCardBg = IM_COL32(246, 248, 252, 255);  // an exercise's card
inline ImU32 kCardLine = IM_COL32(208, 216, 231, 255);
inline ImU32 kOption = IM_COL32(252, 250, 244, 255);  // a choice of an exercise
inline ImU32 kOptionHover = IM_COL32(245, 239, 222, 255);
inline ImU32 kOptionChosen = IM_COL32(221, 233, 253, 255);
inline ImU32 kOptionRight = IM_COL32(220, 243, 230, 255);  // a choice answered right
inline ImU32 kOptionWrong = IM_COL32(252, 231, 229, 255);  // a choice answered wrong
inline ImU32 kResultGood = IM_COL32(232, 246, 237, 255);   // behind a fixed lab
inline ImU32 kResultBad = IM_COL32(253, 236, 234, 255);    // behind a lab not fixed, an error
inline ImU32 kStepper = IM_COL32(226, 233, 246, 255);
inline ImU32 kStepperHover = IM_COL32(207, 220, 245, 255);
inline ImU32 kStepperActive = IM_COL32(186, 204, 240, 255);
inline ImU32 kRefused = IM_COL32(170, 176, 190, 255);    // a request the model refused
inline ImU32 kPill = IM_COL32(221, 233, 253, 255);       // a number of the text the learner edits
inline ImU32 kPillHot = IM_COL32(252, 222, 236, 255);    // the same, lit (under the pointer)
inline ImU32 kPager = IM_COL32(255, 247, 230, 255);      // a lab's page from the on-call pager
inline ImU32 kMarkedRow = IM_COL32(255, 236, 170, 255);  // a row a view picks out (yellow)
inline ImU32 kChosenRow = IM_COL32(255, 243, 205, 255);  // the row of the learner's choice
inline ImU32 kBadCell = IM_COL32(246, 190, 190, 255);    // a cell of a building that ran out
}  // namespace color

// Sets the palette and ImGui's style colours to the dark (true) or light theme.
void set_theme(bool dark);
// True while the dark theme is set.
bool theme_dark();

inline ImVec4 rgba(ImU32 c) {
    return ImGui::ColorConvertU32ToFloat4(c);
}

// ImDrawList::AddText that also tells ImGui's log (the browser tests read the words a view
// drew through it, web/locate.h). Every word drawn straight onto the canvas goes through it.
void draw_text(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 col, const char* text,
               const char* end = nullptr, float wrap_width = 0.0f);
// Applies the CNI Campus style (sizes, roundings; the colours of the theme set) to ImGui.
void apply_theme();
// The end of the longest head of the word [s, word_end) that fits in width at this font
// size, never empty: after the last '_', '=', '/' or '.' in its second half if there is
// one, else at a character (a word wider than a phone's line, such as a setting's name).
const char* overlong_word_cut(ImFont* font, float size, float width, const char* s,
                              const char* word_end);
// Text wrapped to the current column width, in a colour.
void wrapped_text(const char* text, ImU32 color = color::kInk);
// A refusal, in red: in the learner's words when its code has them for this room
// (core/event_words.h refusal_words), else as core said it.
void refusal_text(const ViewContext& ctx, const std::string& message, core::ErrorCode code,
                  const core::Node* room);
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
// Four cards in the big font, on one row when the width allows (560 px) and two by two when
// not; card i is outlined when the beat points at one of the names in lit[i].
void four_number_cards(const ViewContext& ctx, const NumberCard (&cards)[4],
                       const std::vector<std::string_view> (&lit)[4]);

// A field for a whole number, typed (digits only) and clamped to [lo, hi]; true when the
// value changed. While it is being edited, a phone gets a numeric keyboard (main.cpp asks
// number_field_editing() once a frame and tells the platform).
bool number_field(const char* id, long long& value, long long lo, long long hi, float width);
// True if a number_field was being edited in the frame just drawn; resets for the next
// (answer_entered too).
bool number_field_editing();
// True once after a number_field was left with Enter, or send_answer was called (this frame):
// the form it belongs to is sent, as Enter sends a form on a web page (the exercise's Check).
// Reading it clears it; the form reads it after its fields, in the same frame.
bool answer_entered();
// Sends the form as Enter in a number field does: an option card pressed with Enter.
void send_answer();
// Adds `by` to the number field being edited, in the next frame (Page Up / Page Down: +-10).
// False if no number field is being edited.
bool number_field_nudge(long long by);

// Scrolls the current window down, in the next frame, until `bottom` (a screen y: the end of
// what was just drawn, a check's verdict) is in sight; never up, so that what the learner
// pressed stays under the finger when the verdict is already in sight. True if it scrolls.
bool scroll_down_to(float bottom);

// Shared widgets ------------------------------------------------------------------------
// A searchable instance-type picker over the whole catalog; true when the choice changed.
bool instance_type_picker(const ViewContext& ctx, const char* id, int& type, char* filter,
                          int filter_size, const std::vector<std::string>& step_types = {});
// "Room size [picker]" on one line: true when the learner picked another type (its name in
// `picked`), to hand to the step's model.
bool room_size_row(const ViewContext& ctx, const char* id, const std::string& current, char* filter,
                   int filter_size, std::string& picked);
// What a view keeps of its own when that is only the room-size picker's search text.
struct RoomSizeUi {
    char filter[32] = "";
};
// room_size_row for a step's model: the type picked goes to core's set(model, "type") (its
// Status unread); true when the learner picked one.
template <typename Model>
bool room_size_setting(const ViewContext& ctx, const char* id, Model& model, char (&filter)[32]) {
    std::string picked;
    if (!room_size_row(ctx, id, model.type.name, filter, sizeof filter, picked)) return false;
    (void)set(model, core::Setting{"type", true, 0, picked}, ctx.catalog);
    return true;
}
// Index of a type in the catalog by name, or 0 if absent.
int catalog_index(const ViewContext& ctx, const char* name);
// A "-  3  +" stepper (no typing: phones get no keyboard); true when the value changed.
bool stepper(const char* id, int& value, int lo, int hi);
// In place of a step's view when its room could not be built: the model's reason in red and a
// button labelled `start_over` (none if null); true when it was pressed.
bool room_not_built(const std::string& message, const char* start_over = nullptr);
// The same for a step's model whose room may be missing (core's room(model) is null): the
// reason, and `start_over` whose press applies `again` to the model; out.live is the reason.
// True when the room is missing: the view draws nothing more this frame.
template <typename Model, typename Action>
bool room_not_built(Model& model, const char* start_over, Action again, ViewOut& out) {
    if (room(model) != nullptr) return false;
    if (room_not_built(model.message, start_over)) apply(model, again);
    out.live = model.message;
    return true;
}
// Who sets kubelet's max-pods: two radio buttons, "{selfmanaged}" and "{managed}" in the
// current vocabulary, outlined when the beat points at "nodegroup"; true when the choice
// changed.
bool node_group_picker(const ViewContext& ctx, const char* id, core::NodeGroupKind& kind);
// node_group_picker for a step's model: the kind chosen goes to core's set(model,
// "nodegroup"); true when the learner chose another.
template <typename Model>
bool node_group_setting(const ViewContext& ctx, const char* id, Model& model) {
    core::NodeGroupKind kind = model.node_group;
    if (!node_group_picker(ctx, id, kind)) return false;
    (void)set(model, core::Setting{"nodegroup", true, 0, core::node_group_kind_name(kind)},
              ctx.catalog);
    return true;
}
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
