// locate.h: where a labelled widget was drawn in the last frame, for the browser tests
// (cniCampus.locate("Add a desk")) instead of fixed click positions that break whenever
// a layout moves. Built on Dear ImGui's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE,
// web/web.cmake): every button, checkbox, radio button, slider, combo and selectable
// reports its label and rectangle as it is drawn. The hooks stay off until the page first
// asks, so an ordinary visit records nothing.
#pragma once

#include <string>

namespace web {

// Records the last item under `label`, for widgets ImGui 1.86 does not report itself
// (BeginCombo): call right after it. Nothing happens until the page first asks.
void locate_note(const char* label);
// Records a rectangle (screen pixels) under `label`, for what is not one widget: a
// paragraph, a figure. Nothing happens until the page first asks.
void locate_rect(const char* label, float x0, float y0, float x1, float y1);
// The words a step's view drew, for the browser tests' vocabulary check: between these two
// calls ImGui logs the text it renders (labels, text, tooltips) and draw_text (ui.h) the text
// drawn straight onto the canvas. Nothing happens until the page first asks for locate.
void locate_view_begin();
void locate_view_end();
// What the view drew in the last frame ("" before recording is on).
const std::string& locate_view_text();
// Call once per frame after ImGui::Render(): the frame's items become the ones located.
void locate_frame_done();
// {"x":..,"y":..,"w":..,"h":..} (canvas CSS pixels) of the nth (0-based) widget whose
// visible label (the text before any "##") or whole label ("##size") is `label`, in the
// last frame; "" if there is none. The first call switches the hooks on and asks for a frame, so it
// returns "".
std::string locate_json(const std::string& label, int nth);

}  // namespace web
