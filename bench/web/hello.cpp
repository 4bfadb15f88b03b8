// hello.cpp: the smallest Dear ImGui page built with CNI Campus's web flags, for
// `./campus bench`: what the toolchain and ImGui cost before the tutorial adds anything.
// WebGL2 through html5.h, the OpenGL3 backend, one window with a text and a button, drawn
// only when something changed (the same idle policy as the tutorial). Never shipped.
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cmath>

#include "imgui.h"
#include "imgui_impl_opengl3.h"

namespace {

int g_frames_left = 0;
long g_frames = 0;
bool g_running = false;
int g_clicks = 0;

// clang-format off
EM_JS(void, js_first_frame, (), { if (Module["onFirstFrame"]) Module["onFirstFrame"](); });
// clang-format on

EM_BOOL frame(double, void*) {
    double w = 0, h = 0;
    emscripten_get_element_css_size("#canvas", &w, &h);
    const double dpr = emscripten_get_device_pixel_ratio();
    const int fw = static_cast<int>(std::lround(w * dpr)),
              fh = static_cast<int>(std::lround(h * dpr));
    emscripten_set_canvas_element_size("#canvas", fw, fh);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
    io.DisplayFramebufferScale = ImVec2(static_cast<float>(dpr), static_cast<float>(dpr));
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    ImGui::Begin("Hello");
    ImGui::TextUnformatted("Hello, Dear ImGui");
    if (ImGui::Button("Click")) ++g_clicks;
    ImGui::Text("clicks: %d", g_clicks);
    ImGui::End();
    ImGui::Render();
    glViewport(0, 0, fw, fh);
    glClearColor(0.98f, 0.98f, 0.99f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (++g_frames == 1) js_first_frame();
    if (--g_frames_left <= 0) {
        g_running = false;
        return EM_FALSE;
    }
    return EM_TRUE;
}

void request_frame() {
    g_frames_left = std::max(g_frames_left, 3);
    if (!g_running) {
        g_running = true;
        emscripten_request_animation_frame_loop(frame, nullptr);
    }
}

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(static_cast<float>(e->targetX), static_cast<float>(e->targetY));
    if (type == EMSCRIPTEN_EVENT_MOUSEDOWN) io.MouseDown[0] = true;
    if (type == EMSCRIPTEN_EVENT_MOUSEUP) io.MouseDown[0] = false;
    request_frame();
    return EM_FALSE;
}

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE long hello_frames() {
    return g_frames;
}

int main() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.alpha = EM_FALSE;
    attrs.antialias = EM_FALSE;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = emscripten_webgl_create_context("#canvas", &attrs);
    if (gl <= 0) return 1;
    emscripten_webgl_make_context_current(gl);
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::StyleColorsLight();
    ImGui_ImplOpenGL3_Init("#version 300 es");
    emscripten_set_mousedown_callback("#canvas", nullptr, EM_FALSE, on_mouse);
    emscripten_set_mouseup_callback("#canvas", nullptr, EM_FALSE, on_mouse);
    emscripten_set_mousemove_callback("#canvas", nullptr, EM_FALSE, on_mouse);
    request_frame();
    return 0;
}
