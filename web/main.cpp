// main.cpp: the thin entry. init / frame / event / shutdown; everything else lives in
// app.cpp (layout and state), the view_*.cpp files and platform_web.cpp (the browser).
#include <string>

#include "app.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "keyboard.h"
#include "locate.h"
#include "platform.h"
#include "render_gl.h"
#include "ui.h"

namespace {

web::App g_app;
double g_last_ms = 0;

// Hands the frame ImGui rendered last to the GL.
void draw_last_frame() {
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec4 bg = web::rgba(web::color::kPaper);
    web::render::draw(
        ImGui::GetDrawData(), static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
        static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y), bg.x, bg.y, bg.z);
}

void frame() {
    // The start-up work the first picture does not need runs at the start of the second
    // frame: the first has been shown by then.
    if (platform::frames_drawn() > 0 && g_app.init_pending) {
        web::app_finish_init(g_app);
        if (*web::render::failure())
            platform::fatal(std::string("The campus drawing could not start: ") +
                            web::render::failure() + ". Reload the page to try again.");
    }
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(platform::css_width(), platform::css_height());
    io.DisplayFramebufferScale = ImVec2(platform::pixel_ratio(), platform::pixel_ratio());
    double now = platform::now_ms();
    io.DeltaTime =
        g_last_ms > 0 ? static_cast<float>(std::max(0.001, (now - g_last_ms) / 1000.0)) : 1.0f / 60;
    g_last_ms = now;

    // The theme first: the whole frame is drawn in its colours, and all of it repaints.
    if (web::app_update_theme(g_app)) web::render::repaint_all();
    web::keyboard_before_frame();
    ImGui::NewFrame();
    web::app_draw(g_app);
    web::keyboard_draw_ring();
    ImGui::Render();
    draw_last_frame();
    web::locate_frame_done();
    web::keyboard_frame_done();
    // A phone's keyboard follows the app's text fields (numbers get a numeric one).
    const bool numbers = web::number_field_editing();
    platform::text_input(io.WantTextInput, numbers);
}

bool wants_more() {
    return web::app_animating(g_app);
}

void scale_changed(float dpr) {
    web::rebuild_fonts(g_app.fonts, dpr);
}

// The wheel belongs to the app only where the app would scroll; otherwise the host page
// scrolls (an embed must never trap the reader's scrolling).
bool wheel_scrolls_app(float dy) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGuiWindow* w = g.HoveredWindow;
    while (w && (w->Flags & ImGuiWindowFlags_ChildWindow) &&
           (w->ScrollMax.y == 0.0f || (w->Flags & ImGuiWindowFlags_NoScrollWithMouse)))
        w = w->ParentWindow;
    if (!w || w->ScrollMax.y == 0.0f || (w->Flags & ImGuiWindowFlags_NoScrollWithMouse))
        return false;
    if (dy < 0 && w->Scroll.y <= 0.0f) return false;            // already at the top
    if (dy > 0 && w->Scroll.y >= w->ScrollMax.y) return false;  // already at the bottom
    return true;
}

platform::KeyOut key(int key_code, bool down, int mods) {
    if (!down) return platform::KeyOut{true, false, false};  // releases always reach ImGui
    return web::app_key(g_app, key_code, mods);
}

// Tab from the page into the canvas focuses its first widget (Shift-Tab its last); leaving
// the canvas drops the ring.
void focus(bool focused, int via) {
    if (!focused) {
        web::keyboard_clear();
    } else if (via == 1 || via == 2) {
        web::keyboard_enter(via == 2);
    }
}

void data_arrived(const std::string& catalog, const std::string& exercises,
                  const std::string& labs) {
    web::app_data_arrived(g_app, catalog, exercises, labs);
}

}  // namespace

extern "C" {

// window.cniCampus.state(): a JSON text owned here, valid until the next call.
const char* campus_state_json() {
    static std::string json;
    json = web::app_state_json(g_app);
    return json.c_str();
}

// window.cniCampus.goTo(id, beat): 1 if the step (and that beat of it) exists, else 0
// (nothing changes). beat -1: the step's first beat.
int campus_go_to(const char* id, int beat) {
    return id && web::app_go_to(g_app, id, beat) ? 1 : 0;
}

// The URL fragment changed (a pasted link, back/forward): apply it.
void campus_hash_changed() {
    web::app_apply_fragment(g_app, platform::get_hash());
}

// window.cniCampus.viewText(): the words the step's view drew in the last frame (once
// locate has switched recording on).
const char* campus_view_text() {
    return web::locate_view_text().c_str();
}

// window.cniCampus.repaint(): paints the last frame again, all of it (tests compare that
// with the picture the frames' repaints of what changed have built).
void campus_repaint() {
    web::render::repaint_all();
    draw_last_frame();
}

// The DOM mirror's exercise forms: a check, a reveal or another variant (JSON in and out,
// exercise_panel.h exercises_mirror_act); valid until the next call.
const char* campus_mirror_act(const char* request) {
    static std::string json;
    json = web::app_mirror_act(g_app, request ? request : "");
    return json.c_str();
}

// window.cniCampus.locate(label, nth): a widget's rectangle as JSON, "" if not drawn.
const char* campus_locate(const char* label, int nth) {
    static std::string json;
    json = web::locate_json(label ? label : "", nth);
    return json.c_str();
}

}  // extern "C"

int main() {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // progress goes to localStorage through platform, not imgui.ini
    io.LogFilename = nullptr;
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    web::apply_theme();
    web::keyboard_init();

    platform::Callbacks cb;
    cb.frame = frame;
    cb.wants_more = wants_more;
    cb.scale_changed = scale_changed;
    cb.wheel_scrolls_app = wheel_scrolls_app;
    cb.key = key;
    cb.focus = focus;
    cb.data_arrived = data_arrived;
    if (!platform::init(cb)) return 1;
    // Fonts and lessons first (work on this thread), then the GL objects and the atlas
    // upload, which the GPU process takes on while the first frame is built.
    web::rebuild_fonts(g_app.fonts, platform::pixel_ratio(), false);
    web::app_init(g_app);
    web::render::init();
    web::render::upload_fonts();
    platform::run();
    return 0;
}
