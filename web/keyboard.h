// keyboard.h: the canvas used from the keyboard, like a web page: Tab and Shift-Tab move a
// focus ring through every widget in the order it is drawn (buttons, choices, steppers,
// checkboxes, number fields, the beat dots, the words of the text that can be pressed), and
// past the first or the last widget the browser takes the focus on to the page.
//
// Dear ImGui 1.86 tabs only between text fields, and its own ring is drawn only by some
// widgets (never by an InvisibleButton). So the focus order is recorded here, through the
// ItemAdd hook of ImGui's test engine (web/locate.cpp): every widget with an id reports
// itself as it is added, in submission order. Tab asks for the focus of the next one; the
// request is applied when that widget is added in the next frame (ImGui's SetFocusID is made
// for that moment), which also scrolls it into sight. ImGui's keyboard navigation
// (ImGuiConfigFlags_NavEnableKeyboard) does the rest: Space and Enter press the focused
// widget, arrows move between widgets or change a slider or a list, Escape ends a text edit.
#pragma once

#include "imgui.h"

struct ImGuiContext;
struct ImRect;

namespace web {

// Turns on ImGui's keyboard navigation and the item hook. Call once after CreateContext.
void keyboard_init();
// From the ItemAdd hook (web/locate.cpp): a widget with an id was added to the frame.
void keyboard_item_added(ImGuiContext* ctx, const ImRect& bb, ImGuiID id);
// Call right before ImGui::NewFrame: Enter presses a focused button as Space does (1.86
// maps Enter to text input only).
void keyboard_before_frame();
// Call after the app has drawn and before ImGui::Render: draws the focus ring.
void keyboard_draw_ring();
// Call once per frame after ImGui::Render: this frame's widgets become the Tab order.
void keyboard_frame_done();

// Tab (back: Shift-Tab). True if the focus moved to another widget of the canvas; false at
// either end, where the ring is dropped and the browser moves the focus on to the page.
bool keyboard_tab(bool back);
// The canvas got the focus from the page by Tab (back: Shift-Tab): the first (last) widget.
void keyboard_enter(bool back);
// While the ring shows, the next widget drawn takes it (the practice beat's first exercise
// control once Next has brought the keyboard there), in the next frame.
void keyboard_focus_next_widget();
// A skip link, as a web page puts before its navigation: the canvas's first stop where a
// list of links (the step list) comes before the lesson. It takes no room and shows only
// while the ring is on it, at `pos` over what is drawn there; pressed (Enter or Space), the
// ring goes to the first widget drawn after keyboard_main_begins, in the same frame's
// order. A mouse press does nothing (the ring is not shown then).
void keyboard_skip_link(const char* label, ImVec2 pos);
// Where the main part's widgets begin: call every frame, before its first widget.
void keyboard_main_begins();
// Call right after a widget: while the ring shows, it takes the ring (and, a field, the
// typing) again in the next frame, as a page's field keeps the focus after Enter sent its form.
void keyboard_take_focus_again();
// For a group of choices that are one Tab stop (the beat dots, an exercise's option cards),
// as a page's tabs and radio buttons: true if the widget just drawn took the ring in this
// frame by an arrow key, so the group chooses it.
bool keyboard_arrived_by_arrow();
// For such a group drawn one widget under the other, whose arrows go round it as a page's
// radio buttons do: call right after a widget of it. True if that widget has the ring and an
// arrow of this frame would take the ring out of the group past it (Up on the first, Down on
// the last); ImGui's move is then cancelled and the caller moves the ring round
// (keyboard_take_focus_again on the last, keyboard_focus_id for the first).
bool keyboard_leaving_group(bool first, bool last);
// Gives the ring to the widget `id` in the next frame (while the ring shows).
void keyboard_focus_id(ImGuiID id);
// True while Enter is held: a press in this frame came from Enter, not Space or a pointer (a
// radio button of a page's form sends the form on Enter).
bool keyboard_enter_down();
// Drops the ring (the canvas lost the focus, Escape, a click).
void keyboard_clear();
// True while a widget shows the focus ring.
bool keyboard_focus_visible();
// The window whose scroll PageUp, PageDown, Home and End move (the lesson text, a lab's
// words): call right after its BeginChild, every frame it is drawn.
void keyboard_mark_text_window();
// Scrolls that window: by a page (pages = +-1), a line (+-0.1), or to an end (+-1000).
// False if there is no such window or it cannot scroll that way.
bool keyboard_scroll_text(float pages);
// Where the focus ring was drawn in the last frame (for cniCampus.state().focus).
struct FocusRing {
    bool shown = false;
    float x = 0, y = 0, w = 0, h = 0;
};
FocusRing keyboard_focus();

}  // namespace web
