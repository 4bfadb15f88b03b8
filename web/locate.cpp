// locate.cpp: see locate.h. The four functions ImGui calls when it is compiled with
// IMGUI_ENABLE_TEST_ENGINE live here; only ItemInfo records anything.
#include "locate.h"

#include <cmath>
#include <string>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"
#include "keyboard.h"
#include "platform.h"

namespace {

struct Item {
    std::string label;   // as given to ImGui, "Add room" or "##size"
    size_t visible_end;  // the visible part: label[0, visible_end)
    ImRect rect;
};
std::vector<Item> g_frame;     // items of the frame being drawn
std::vector<Item> g_last;      // items of the last frame drawn
std::string g_view_text;       // text the view drew in the frame being drawn
std::string g_last_view_text;  // ... and in the last frame
// The hooks are on from the start for the keyboard's focus order (web/keyboard.h); labels
// and the view's words are recorded only once the page has asked for locate.
bool g_recording = false;

// A coordinate with one decimal ("12.5", "-3.0"), by integer arithmetic: printf's floating
// point formatting would be the only user of that code in the first download (docs/size.md).
std::string tenths(float v) {
    const long t = std::lround(static_cast<double>(v) * 10.0);
    const long a = t < 0 ? -t : t;
    return (t < 0 ? "-" : "") + std::to_string(a / 10) + "." + std::to_string(a % 10);
}

}  // namespace

// Every widget with an id, in the order it is added (the keyboard's Tab order).
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, const ImRect& bb, ImGuiID id) {
    web::keyboard_item_added(ctx, bb, id);
}

// Called by labelled widgets right after ItemAdd, so LastItemData holds their rectangle.
void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID, const char* label,
                                  ImGuiItemStatusFlags) {
    if (!g_recording || label == nullptr || g_frame.size() >= 4096) return;
    const auto visible = static_cast<size_t>(ImGui::FindRenderedTextEnd(label) - label);
    // The rows of the item its window shows: a widget half scrolled under a column's top or
    // bottom edge is pressed where it can be seen.
    ImRect r = ctx->LastItemData.Rect;
    if (ctx->CurrentWindow != nullptr) {
        const ImRect& clip = ctx->CurrentWindow->ClipRect;
        if (r.Min.y < clip.Max.y && r.Max.y > clip.Min.y) {
            r.Min.y = ImMax(r.Min.y, clip.Min.y);
            r.Max.y = ImMin(r.Max.y, clip.Max.y);
        }
    }
    g_frame.push_back(Item{label, visible, r});
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) {
    return nullptr;
}

namespace web {

void locate_note(const char* label) {
    ImGuiContext* g = GImGui;
    if (g && g_recording)
        ImGuiTestEngineHook_ItemInfo(g, g->LastItemData.ID, label, g->LastItemData.StatusFlags);
}

void locate_rect(const char* label, float x0, float y0, float x1, float y1) {
    ImGuiContext* g = GImGui;
    if (g == nullptr || !g_recording || g_frame.size() >= 4096) return;
    const auto visible = static_cast<size_t>(ImGui::FindRenderedTextEnd(label) - label);
    g_frame.push_back(Item{label, visible, ImRect(x0, y0, x1, y1)});
}

void locate_view_begin() {
    ImGuiContext* g = GImGui;
    if (g == nullptr || !g_recording || g->LogEnabled) return;
    ImGui::LogToBuffer();
}

void locate_view_end() {
    ImGuiContext* g = GImGui;
    if (g == nullptr || !g->LogEnabled || g->LogType != ImGuiLogType_Buffer) return;
    g_view_text.append(g->LogBuffer.c_str());
    g_view_text += '\n';
    ImGui::LogFinish();
}

const std::string& locate_view_text() {
    return g_last_view_text;
}

void locate_frame_done() {
    if (!GImGui || !g_recording) return;
    g_last.swap(g_frame);
    g_frame.clear();
    g_last_view_text.swap(g_view_text);
    g_view_text.clear();
}

std::string locate_json(const std::string& label, int nth) {
    ImGuiContext* g = GImGui;
    if (g == nullptr) return "";
    if (!g_recording) {
        g_recording = true;
        g->TestEngineHookItems = true;
        platform::request_frame();
        return "";
    }
    int seen = 0;
    for (const Item& it : g_last) {
        const bool visible_match =
            label.size() == it.visible_end && it.label.compare(0, it.visible_end, label) == 0;
        if ((it.label != label && !visible_match) || seen++ != nth) continue;
        return "{\"x\":" + tenths(it.rect.Min.x) + ",\"y\":" + tenths(it.rect.Min.y) +
               ",\"w\":" + tenths(it.rect.GetWidth()) + ",\"h\":" + tenths(it.rect.GetHeight()) +
               "}";
    }
    return "";
}

}  // namespace web
