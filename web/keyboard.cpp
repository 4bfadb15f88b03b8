// keyboard.cpp: see keyboard.h.
#include "keyboard.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

#include "imgui_internal.h"
#include "locate.h"
#include "platform.h"
#include "ui.h"

namespace {

// A widget the focus can move to, as it was added to a frame.
struct Stop {
    ImGuiID id = 0;
    ImGuiID window = 0;  // the window it was drawn in
    ImGuiID root = 0;    // that window's root: the page, or a popup
    bool popup = false;  // the root is a popup (a combo's list, a number's box)
    ImRect rect;
    bool text = false;  // takes typed input (a number field): editing starts when it is focused
};

std::vector<Stop> g_frame;  // the frame being drawn
std::vector<Stop> g_stops;  // the last frame drawn: the Tab order
ImGuiID g_pending = 0;      // focus this widget when it is added (the next frame)
int g_pending_frames = 0;
ImGuiID g_text_window = 0, g_text_window_frame = 0;
bool g_ring = false;  // the focused widget was drawn in this frame with the ring
ImRect g_ring_rect, g_ring_clip, g_ring_outer;
// Where the ring was in the Tab order of the last frame that drew it (-1: on no Tab stop), and
// in which window: when that widget is no longer drawn (greyed out, gone), the widget drawn in
// its place takes the ring, so one press does not send the keyboard back to the top.
int g_ring_index = -1, g_last_ring_index = -1;
ImGuiID g_ring_window = 0, g_last_ring_window = 0;
// A click on no widget: Tab goes on from there, as a browser does after a click on text.
ImGuiID g_click_window = 0;
bool g_focus_next = false;  // the next widget added takes the focus (keyboard_focus_next_widget)
bool g_skip = false;        // the skip link was pressed: the main part's first widget is next
ImVec2 g_click_pos;
web::FocusRing g_focus;

bool ring_visible(const ImGuiContext& g) {
    return g.NavId != 0 && !g.NavDisableHighlight;
}

// Asks for `id` to take the focus when it is added, in the next frame (given up after three).
void request_focus(ImGuiID id) {
    g_pending = id;
    g_pending_frames = 0;
    platform::request_frame();
}

// The widget with the ring was added: where to draw the ring, and where it stands in the Tab
// order (index -1: it is no Tab stop).
void note_ring(const ImRect& bb, const ImGuiWindow& w, int index) {
    g_ring = true;
    g_ring_index = index;
    g_ring_window = w.ID;
    g_ring_rect = bb;
    // Where the widget can be seen: its window's visible content (for a widget scrolled half
    // out of sight), the ring itself may go out to the window's edges and beyond.
    g_ring_clip = w.ClipRect;
    g_ring_outer = w.OuterRectClipped;
}

// The widgets Tab may go to: those of the open popup if there is one, else the page's.
std::vector<const Stop*> eligible() {
    const ImGuiContext& g = *GImGui;
    ImGuiID popup = 0;
    if (g.OpenPopupStack.Size > 0 && g.OpenPopupStack.back().Window != nullptr)
        popup = g.OpenPopupStack.back().Window->RootWindow->ID;
    std::vector<const Stop*> out;
    for (const Stop& s : g_stops) {
        if (popup != 0 ? s.root == popup : !s.popup) out.push_back(&s);
    }
    return out;
}

// Where Tab starts after a click on no widget: the first widget of the clicked window below
// (or right of) the click, else the first one drawn after that window's widgets.
int start_after_click(const std::vector<const Stop*>& list) {
    int last_in_window = -1;
    for (size_t i = 0; i < list.size(); ++i) {
        const Stop& s = *list[i];
        if (s.window != g_click_window) continue;
        last_in_window = static_cast<int>(i);
        if (s.rect.Min.y > g_click_pos.y ||
            (s.rect.Max.y > g_click_pos.y && s.rect.Min.x >= g_click_pos.x))
            return static_cast<int>(i);
    }
    return last_in_window >= 0 ? last_in_window + 1 : 0;
}

}  // namespace

namespace web {

void keyboard_init() {
    ImGuiContext& g = *GImGui;
    g.IO.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    g.TestEngineHookItems = true;  // keyboard_item_added; locate records only once asked
    // The ring is drawn here for every widget (keyboard_draw_ring), ImGui's own only by some.
    g.Style.Colors[ImGuiCol_NavHighlight] = ImVec4(0, 0, 0, 0);
}

void keyboard_item_added(ImGuiContext* ctx, const ImRect& bb, ImGuiID id) {
    ImGuiContext& g = *ctx;
    ImGuiWindow* w = g.CurrentWindow;
    // A child window reports itself as an item of its parent: its widgets count, not it. A
    // scrollbar is reported by ButtonBehavior without ItemAdd (LastItemData is another's).
    // ImGui's implicit "Debug" window (never shown here) and a title bar are no widgets either.
    if (w == nullptr || g.WithinEndChild || g.LastItemData.ID != id) return;
    if (w->IsFallbackWindow || id == w->MoveId) return;
    const ImGuiItemFlags flags = g.LastItemData.InFlags;
    if ((flags & (ImGuiItemFlags_NoNav | ImGuiItemFlags_Disabled)) ||
        (w->Flags & ImGuiWindowFlags_NoNavInputs))
        return;
    // A widget that is no Tab stop (a beat dot other than the current one) is reached with
    // the arrows, from a neighbour that is: it shows the ring, but Tab passes it by.
    if (flags & ImGuiItemFlags_NoTabStop) {
        if (id == g.NavId && !g.NavDisableHighlight) note_ring(bb, *w, -1);
        return;
    }
    const bool text = (flags & ImGuiItemFlags_Inputable) != 0;
    if (g_focus_next) {  // keyboard_focus_next_widget: this one takes the ring next frame
        g_focus_next = false;
        request_focus(id);
    }
    if (g_frame.size() < 4096 && (g_frame.empty() || g_frame.back().id != id)) {
        const bool popup = (w->RootWindow->Flags & ImGuiWindowFlags_Popup) != 0;
        g_frame.push_back(Stop{id, w->ID, w->RootWindow->ID, popup, bb, text});
    }
    if (id == g_pending) {
        g_pending = 0;
        g_click_window = 0;
        if (g.ActiveId != 0 && g.ActiveId != id) ImGui::ClearActiveID();  // a text edit ends
        ImGui::SetFocusID(id, w);
        g.NavDisableHighlight = false;
        g.NavDisableMouseHover = true;
        g.NavIdIsAlive = true;
        if (text) {  // a field takes the typing at once (and selects what it holds)
            g.NavActivateInputId = id;
            g.NavActivateFlags = ImGuiActivateFlags_PreferInput;
        }
        ImGui::ScrollToRectEx(
            w, bb, ImGuiScrollFlags_KeepVisibleEdgeX | ImGuiScrollFlags_KeepVisibleEdgeY);
        platform::request_frame();
    }
    if (id == g.NavId && !g.NavDisableHighlight)
        note_ring(bb, *w, static_cast<int>(g_frame.size()) - 1);
}

void keyboard_before_frame() {
    ImGuiContext& g = *GImGui;
    ImGuiIO& io = g.IO;
    const int enter = io.KeyMap[ImGuiKey_Enter];
    if (enter < 0 || !io.KeysDown[enter] || !ring_visible(g) || g.ActiveId != 0) return;
    for (const Stop& s : g_stops) {
        if (s.id == g.NavId && !s.text) io.NavInputs[ImGuiNavInput_Activate] = 1.0f;
    }
}

void keyboard_draw_ring() {
    if (!g_ring || !g_ring_clip.Overlaps(g_ring_rect)) return;
    const ImGuiIO& io = ImGui::GetIO();
    const float thick = 3.0f, gap = 2.0f;
    ImRect r = g_ring_rect;
    r.Expand(gap + thick * 0.5f);
    // The ring may stand out of its window by its own width, no further; in the direction a
    // window scrolls (a widget half out of sight), no further than the window's content.
    ImRect clip = g_ring_outer;
    clip.Expand(gap + thick + 1.0f);
    clip.Min.y = std::max(clip.Min.y, g_ring_clip.Min.y - gap - thick - 1.0f);
    clip.Max.y = std::min(clip.Max.y, g_ring_clip.Max.y + gap + thick + 1.0f);
    clip.ClipWith(ImRect(ImVec2(0, 0), io.DisplaySize));
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    dl->PushClipRect(clip.Min, clip.Max, false);
    dl->AddRect(r.Min, r.Max, color::kAccent, 5.0f, 0, thick);
    dl->PopClipRect();
}

void keyboard_frame_done() {
    ImGuiContext& g = *GImGui;
    if (g.IO.MouseClicked[0]) {
        // A click (or a tap) hides the ring, as on a web page; on no widget it also sets where
        // Tab goes on from.
        g.NavDisableHighlight = true;
        const bool widget =
            g.HoveredId != 0 || (g.ActiveId != 0 && !(g.ActiveIdWindow != nullptr &&
                                                      g.ActiveId == g.ActiveIdWindow->MoveId));
        g_click_window = !widget && g.HoveredWindow != nullptr ? g.HoveredWindow->ID : 0;
        g_click_pos = g.IO.MouseClickedPos[0];
    }
    g_stops.swap(g_frame);
    g_frame.clear();
    if (g_ring) {
        g_last_ring_index = g_ring_index;
        g_last_ring_window = g_ring_window;
    } else if (ring_visible(g) && g_pending == 0 && !g.IO.MouseClicked[0] &&
               g_last_ring_index >= 0 && g_last_ring_index < static_cast<int>(g_stops.size()) &&
               g_stops[static_cast<size_t>(g_last_ring_index)].window == g_last_ring_window) {
        request_focus(g_stops[static_cast<size_t>(g_last_ring_index)].id);
        g_last_ring_index = -1;
    }
    if (g_pending != 0 && ++g_pending_frames > 3) g_pending = 0;  // no longer drawn
    g_text_window = g_text_window_frame;
    g_text_window_frame = 0;
    if (g_ring && ring_visible(g)) {
        g_focus = {true, g_ring_rect.Min.x, g_ring_rect.Min.y, g_ring_rect.GetWidth(),
                   g_ring_rect.GetHeight()};
    } else {
        g_focus = web::FocusRing{};
    }
    g_ring = false;
}

bool keyboard_tab(bool back) {
    const std::vector<const Stop*> list = eligible();
    const ImGuiContext& g = *GImGui;
    const int n = static_cast<int>(list.size());
    int next = -1;
    if (g_click_window != 0) {
        const int start = start_after_click(list);
        next = back ? start - 1 : start;
        g_click_window = 0;
    } else {
        int at = -1;
        for (int i = 0; i < n && g.NavId != 0; ++i) {
            if (list[static_cast<size_t>(i)]->id == g.NavId) at = i;
        }
        next = at < 0 ? (back ? n - 1 : 0) : at + (back ? -1 : 1);
    }
    if (next < 0 || next >= n) {
        keyboard_clear();
        return false;
    }
    request_focus(list[static_cast<size_t>(next)]->id);
    return true;
}

void keyboard_enter(bool back) {
    g_click_window = 0;
    const std::vector<const Stop*> list = eligible();
    if (list.empty()) return;
    request_focus(back ? list.back()->id : list.front()->id);
}

void keyboard_focus_next_widget() {
    if (keyboard_focus_visible()) g_focus_next = true;
}

void keyboard_skip_link(const char* label, ImVec2 pos) {
    const ImVec2 back = ImGui::GetCursorScreenPos();
    const ImVec2 pad(10, 6);
    const ImVec2 text = ImGui::CalcTextSize(label);
    const ImVec2 size(text.x + 2 * pad.x, text.y + 2 * pad.y);
    ImGui::SetCursorScreenPos(pos);
    const bool pressed = ImGui::InvisibleButton(label, size);
    locate_note(label);  // InvisibleButton does not report itself to locate
    const bool shown = ImGui::IsItemFocused() && keyboard_focus_visible();
    if (shown) {
        ImDrawList* dl = ImGui::GetForegroundDrawList();
        dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), color::kAccentFill, 5.0f);
        dl->AddText(ImVec2(pos.x + pad.x, pos.y + pad.y), IM_COL32_WHITE, label);
    }
    if (pressed && keyboard_focus_visible()) g_skip = true;
    ImGui::SetCursorScreenPos(back);
}

void keyboard_take_focus_again() {
    if (keyboard_focus_visible()) request_focus(ImGui::GetItemID());
}

bool keyboard_arrived_by_arrow() {
    const ImGuiContext& g = *GImGui;
    return ring_visible(g) && g.NavJustMovedToId != 0 && g.NavJustMovedToId == g.LastItemData.ID;
}

bool keyboard_leaving_group(bool first, bool last) {
    ImGuiContext& g = *GImGui;
    if (!ring_visible(g) || !g.NavMoveSubmitted || g.NavId != g.LastItemData.ID) return false;
    const bool leaving =
        (first && g.NavMoveDir == ImGuiDir_Up) || (last && g.NavMoveDir == ImGuiDir_Down);
    if (leaving) ImGui::NavMoveRequestCancel();
    return leaving;
}

void keyboard_focus_id(ImGuiID id) {
    if (keyboard_focus_visible()) request_focus(id);
}

bool keyboard_enter_down() {
    const ImGuiIO& io = ImGui::GetIO();
    const int enter = io.KeyMap[ImGuiKey_Enter];
    return enter >= 0 && io.KeysDown[enter];
}

void keyboard_main_begins() {
    if (!g_skip) return;
    g_skip = false;
    g_focus_next = true;
}

void keyboard_clear() {
    if (ImGuiContext* g = GImGui) g->NavDisableHighlight = true;
    g_pending = 0;
    platform::request_frame();
}

bool keyboard_focus_visible() {
    return GImGui != nullptr && ring_visible(*GImGui);
}

void keyboard_mark_text_window() {
    g_text_window_frame = ImGui::GetCurrentWindow()->ID;
}

bool keyboard_scroll_text(float pages) {
    ImGuiWindow* w = g_text_window != 0 ? ImGui::FindWindowByID(g_text_window) : nullptr;
    if (w == nullptr || w->ScrollMax.y <= 0.0f) return false;
    // A scroll asked for and not yet drawn counts: two quick presses go two pages.
    const float from = w->ScrollTarget.y < FLT_MAX && w->ScrollTargetCenterRatio.y == 0.0f
                           ? w->ScrollTarget.y
                           : w->Scroll.y;
    const float page = std::max(40.0f, w->InnerRect.GetHeight() - 3 * ImGui::GetFontSize());
    const float to = std::clamp(from + pages * page, 0.0f, w->ScrollMax.y);
    if (std::fabs(to - from) < 0.5f) return false;
    ImGui::SetScrollY(w, to);
    platform::request_frame();
    return true;
}

FocusRing keyboard_focus() {
    return g_focus;
}

}  // namespace web
