// platform_web.cpp: the browser side of platform.h (Emscripten, html5.h, EM_JS).
//
// Why our own input layer instead of Emscripten's built-in GLFW: GLFW 3.2 there knows no
// devicePixelRatio, and its wheel handler calls preventDefault on every event, so a blog
// page could not scroll past an embedded canvas. Pointer events (one path for mouse, pen
// and touch, with pointer capture for drags), a wheel handler that lets the page scroll
// unless the app would scroll, touch drags that scroll the app's text, a ResizeObserver on
// the canvas and a frame loop that stops when nothing changes are each a few lines here.
// (sokol_app.h does the same.)
//
// EM_JS bodies reach the module object as Module["name"], never Module.name: the closure
// compiler renames dotted properties, and the loader (campus-loader.js) sets these names.
#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

#include "assets.h"
#include "host_message.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "platform.h"

namespace {

platform::Callbacks g_cb;
bool g_loop_running = false;
int g_frames_left = 0;
long g_frames = 0;
bool g_visible = true;
bool g_moved_since_frame = false;  // the pointer moved; ImGui's hovered window is stale
// Keys and typed characters not yet seen by a frame. ImGui 1.86 reads keys as a state
// (io.KeysDown), not as a queue: a key pressed and released between two frames, or a
// character typed just before Enter, would be lost or reordered. A new key event draws
// the pending ones first (campus_key, campus_char), so fast typing keeps its order.
enum class KeysPending { None, Chars, Keys };
KeysPending g_keys_pending = KeysPending::None;
float g_css_w = 800, g_css_h = 600, g_dpr = 1;
EMSCRIPTEN_WEBGL_CONTEXT_HANDLE g_gl = 0;
std::map<std::string, std::string, std::less<>> g_start_assets;  // data the loader had at start
// ImGui 1.86 samples button state once per frame, so a press and release that arrive
// between two frames (a quick tap, a scripted click) would be lost. A release that comes
// before any frame saw its press is held back until one has.
long g_down_at[3] = {-1, -1, -1};
bool g_pending_up[3] = {false, false, false};
bool g_touch_lift = false;  // after a tap ends, move the pointer away: no hover stays
int g_text_input = -1;      // what text_input last told the page: 0 none, 1 text, 2 numbers
bool g_last_touch = false;  // the last press came from a finger

// One touch gesture: undecided until its first move; then it drags a widget (a slider),
// scrolls an ImGui window under the finger, or is left to the browser (page scroll).
enum class Touch { None, Pending, Widget, Scroll, Page };
Touch g_touch = Touch::None;
float g_touch_x0 = 0, g_touch_y0 = 0;
ImGuiID g_scroll_window = 0;
float g_scroll_y0 = 0;

// clang-format off
EM_JS(void, js_first_frame, (), {
    if (Module["onFirstFrame"]) Module["onFirstFrame"]();
});

EM_JS(void, js_fatal, (const char* message), {
    if (Module["onFatal"]) Module["onFatal"](UTF8ToString(message));
});

// The frame loop: one requestAnimationFrame callback a frame while _campus_tick says more.
// Each call into the module goes through the loader's guard: when code of the rest was
// needed and could not be downloaded, the half-drawn frame is closed (_campus_recover) and
// the loop goes on, drawing "Try again" where the rest is missing.
EM_JS(void, js_start_loop, (), {
    var guard = Module["guard"] || function(f) { return f(); };
    function tick(t) {
        if (guard(function() { return _campus_tick(t); }, 1)) requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
});

// Asset bytes the loader fetched before the module started (a link with a campus), or 0.
EM_JS(char*, js_start_asset, (const char* name, int* size), {
    var data = Module["startData"] && Module["startData"][UTF8ToString(name)];
    if (!data) return 0;
    var p = _malloc(data.length + 1);
    HEAPU8.set(data, p);
    HEAPU8[p + data.length] = 0;
    HEAP32[size >> 2] = data.length;
    return p;
});

EM_JS(int, js_preserve_drawing_buffer, (), { return Module["preserveDrawingBuffer"] ? 1 : 0; });
EM_JS(int, js_test_answers, (), { return Module["answers"] ? 1 : 0; });
// clang-format on

// ImGui 1.86 key indices we map DOM keyCodes onto (io.KeysDown has 512 entries).
void setup_keymap() {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_Tab] = 9;
    io.KeyMap[ImGuiKey_LeftArrow] = 37;
    io.KeyMap[ImGuiKey_RightArrow] = 39;
    io.KeyMap[ImGuiKey_UpArrow] = 38;
    io.KeyMap[ImGuiKey_DownArrow] = 40;
    io.KeyMap[ImGuiKey_PageUp] = 33;
    io.KeyMap[ImGuiKey_PageDown] = 34;
    io.KeyMap[ImGuiKey_Home] = 36;
    io.KeyMap[ImGuiKey_End] = 35;
    io.KeyMap[ImGuiKey_Insert] = 45;
    io.KeyMap[ImGuiKey_Delete] = 46;
    io.KeyMap[ImGuiKey_Backspace] = 8;
    io.KeyMap[ImGuiKey_Space] = 32;
    io.KeyMap[ImGuiKey_Enter] = 13;
    io.KeyMap[ImGuiKey_Escape] = 27;
    io.KeyMap[ImGuiKey_KeyPadEnter] = 13;
    io.KeyMap[ImGuiKey_A] = 65;
    io.KeyMap[ImGuiKey_C] = 67;
    io.KeyMap[ImGuiKey_V] = 86;
    io.KeyMap[ImGuiKey_X] = 88;
    io.KeyMap[ImGuiKey_Y] = 89;
    io.KeyMap[ImGuiKey_Z] = 90;
}

// Draws one frame and applies the input that waited for it (held-back releases, the
// pointer moved away after a tap).
void draw_frame() {
    g_cb.frame();
    ++g_frames;
    g_moved_since_frame = false;
    g_keys_pending = KeysPending::None;
    if (g_frames == 1) js_first_frame();
    ImGuiIO& io = ImGui::GetIO();
    bool released = false;
    for (int b = 0; b < 3; ++b) {
        if (g_pending_up[b]) {
            io.MouseDown[b] = false;
            g_pending_up[b] = false;
            released = true;
        }
    }
    if (g_touch_lift && !released && !io.MouseDown[0]) {
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        g_touch_lift = false;
        g_frames_left = std::max(g_frames_left, 2);
    }
    if (released) g_frames_left = std::max(g_frames_left, 3);
}

bool on_frame() {
    if (!g_visible) {
        g_loop_running = false;
        return false;
    }
    draw_frame();
    if (g_cb.wants_more && g_cb.wants_more())
        g_frames_left = std::max(g_frames_left, 2);  // survives the decrement below
    if (--g_frames_left <= 0) {
        g_loop_running = false;
        return false;
    }
    return true;
}

// Input that decides on ImGui's view of the pointer (what is hovered, what is active)
// must not read a state older than the pointer's last move: draw that frame first.
void catch_up() {
    if (g_moved_since_frame && g_visible) draw_frame();
}

EM_BOOL on_visibility(int, const EmscriptenVisibilityChangeEvent* e, void*) {
    g_visible = !e->hidden;
    if (g_visible) platform::request_frame();
    return EM_FALSE;
}

EM_BOOL on_context_lost(int, const void*, void*) {
    g_visible = false;
    js_fatal("The graphics context was lost. Reload the page to continue.");
    return EM_TRUE;
}

// True if an item (button, slider, scrollbar) holds the mouse, not just a click on a
// window's empty space (which makes the window's move id active).
bool widget_active() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.ActiveId == 0) return false;
    return !(g.ActiveIdWindow && g.ActiveId == g.ActiveIdWindow->MoveId);
}

// The innermost window under the pointer that can scroll vertically in the direction of
// a finger moving by dy (dy < 0: finger up, content moves up, scroll grows).
ImGuiWindow* scrollable_under_pointer(float dy) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    for (ImGuiWindow* w = g.HoveredWindow; w; w = w->ParentWindow) {
        bool can = w->ScrollMax.y > 0.0f && !(w->Flags & ImGuiWindowFlags_NoScrollWithMouse);
        if (can && dy < 0 && w->Scroll.y < w->ScrollMax.y) return w;
        if (can && dy > 0 && w->Scroll.y > 0.0f) return w;
        if (!(w->Flags & ImGuiWindowFlags_ChildWindow)) break;
    }
    return nullptr;
}

// JS side: pointer, touch, wheel, keys, resize and visibility observers, wired to the
// exported campus_* functions below (installed in that order by js_event_bridge and the three
// js_install_*). Text is never inserted as markup here.
// clang-format off
// The calls from events into the module, for the handlers below: guarded (see
// js_start_loop: the fallback when the rest is missing); and a pointer's place on the canvas.
EM_JS(void, js_event_bridge, (), {
    var canvas = Module["canvas"];
    var guard = Module["guard"] || function(f) { return f(); };
    Module["campusCall"] = function(f) {
        var args = Array.prototype.slice.call(arguments, 1);
        return guard(function() { return f.apply(null, args); }, 0);
    };
    Module["campusPos"] = function(e) {
        var r = canvas.getBoundingClientRect();
        return [e.clientX - r.left, e.clientY - r.top];
    };
});

// Pointer, touch and wheel.
EM_JS(void, js_install_pointer, (), {
    var canvas = Module["canvas"], call = Module["campusCall"], pos = Module["campusPos"];
    function isTouch(e) { return e.pointerType === "touch" ? 1 : 0; }
    canvas.addEventListener("pointerdown", function(e) {
        if (!e.isPrimary) return;
        var p = pos(e);
        if (document.activeElement !== canvas) canvas.focus({preventScroll: true});
        if (e.pointerType !== "touch") {
            try { canvas.setPointerCapture(e.pointerId); } catch (err) {}
        }
        call(_campus_pointer, 0, p[0], p[1], e.button, isTouch(e));
    });
    canvas.addEventListener("pointermove", function(e) {
        if (!e.isPrimary) return;
        var p = pos(e);
        call(_campus_pointer, 1, p[0], p[1], e.button, isTouch(e));
    });
    canvas.addEventListener("pointerup", function(e) {
        if (!e.isPrimary) return;
        var p = pos(e);
        call(_campus_pointer, 2, p[0], p[1], e.button, isTouch(e));
    });
    // The browser took the gesture (page scroll, pinch zoom): let go without a click.
    canvas.addEventListener("pointercancel", function(e) {
        if (e.isPrimary) call(_campus_pointer, 4, 0, 0, e.button, isTouch(e));
    });
    canvas.addEventListener("pointerleave", function(e) {
        if (e.pointerType !== "touch") call(_campus_pointer, 3, 0, 0, 0, 0);
    });
    // One-finger drags: the app decides on the first move whether it takes the drag (a
    // slider, or text that can scroll that way); otherwise the browser scrolls the page.
    canvas.addEventListener("touchmove", function(e) {
        if (e.touches.length !== 1) return;
        var p = pos(e.touches[0]);
        if (call(_campus_touch_move, p[0], p[1]) && e.cancelable) e.preventDefault();
    }, {passive: false});
    canvas.addEventListener("wheel", function(e) {
        if (e.ctrlKey) return;  // pinch-zoom on a touchpad: the browser's
        var p = pos(e);
        var scale = e.deltaMode === 1 ? 16 : (e.deltaMode === 2 ? canvas.clientHeight : 1);
        if (call(_campus_wheel, p[0], p[1], e.deltaX * scale, e.deltaY * scale)) e.preventDefault();
    }, {passive: false});
    canvas.addEventListener("contextmenu", function(e) { e.preventDefault(); });
});

// Keys, the focus (Tab into the canvas), the hidden text field of phones, pasting.
EM_JS(void, js_install_keys, (), {
    var canvas = Module["canvas"], call = Module["campusCall"];
    function mods(e) {
        return (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
    }
    function keydown(e) {
        var r = call(_campus_key, e.keyCode, 1, mods(e));
        if (r) e.preventDefault();
        if (r === 2) canvas.blur();  // Escape: the page has the keyboard again
        if (e.key && e.key.length === 1 && !e.ctrlKey && !e.metaKey) call(_campus_char, e.key.codePointAt(0));
    }
    canvas.addEventListener("keydown", keydown);
    // Whether the canvas gets the focus by Tab or Shift-Tab from the page (its first or last
    // widget takes it) or by a pointer or a script (no widget does).
    var tabbing = 0;
    window.addEventListener("keydown", function(e) {
        if (e.keyCode !== 9 || document.activeElement === canvas) return;
        tabbing = e.shiftKey ? 2 : 1;
        setTimeout(function() { tabbing = 0; }, 0);
    }, true);
    // A phone shows its keyboard only for a text field of the page: while the app edits
    // text after a touch, a hidden input holds the focus (platform::text_input). Hardware
    // keys reach it as keydown, a soft keyboard's text as beforeinput; either goes to the app
    // and the input itself stays empty.
    var field = document.createElement("input");
    field.type = "text";
    field.autocomplete = "off";
    field.spellcheck = false;
    field.setAttribute("autocapitalize", "off");
    field.setAttribute("aria-hidden", "true");
    field.tabIndex = -1;
    field.style.cssText = "position:fixed;left:0;bottom:0;width:1px;height:1px;opacity:0;" +
                          "font-size:16px;border:0;padding:0;margin:0;";
    field.addEventListener("keydown", function(e) {
        if (e.keyCode === 229) return;  // composing: the text comes as beforeinput
        keydown(e);
        e.preventDefault();
    });
    field.addEventListener("keyup", function(e) { if (call(_campus_key, e.keyCode, 0, mods(e))) e.preventDefault(); });
    field.addEventListener("beforeinput", function(e) {
        e.preventDefault();
        if (e["inputType"] === "deleteContentBackward") {  // quoted: kept by Closure
            call(_campus_key, 8, 1, 0);
            call(_campus_key, 8, 0, 0);
        } else if (e.data) {
            for (var i = 0; i < e.data.length; ++i) call(_campus_char, e.data.codePointAt(i));
        }
    });
    field.addEventListener("blur", function(e) { if (e.relatedTarget !== canvas) call(_campus_focus, 0, 0); });
    document.body.appendChild(field);
    Module["textField"] = field;
    var lastTouch = false;
    canvas.addEventListener("pointerdown", function(e) { lastTouch = e.pointerType === "touch"; }, true);
    Module["textInput"] = function(active, numeric) {
        if (active && lastTouch) {
            // An attribute, not the inputMode property: the release build's Closure pass renames
            // properties its externs do not know, and the phone would get a text keyboard.
            field.setAttribute("inputmode", numeric ? "decimal" : "text");
            if (document.activeElement !== field) field.focus({preventScroll: true});
        } else if (!active && document.activeElement === field) {
            canvas.focus({preventScroll: true});
        }
    };
    // Pasting from the system clipboard into a text box of the app (scenario import).
    document.addEventListener("paste", function(e) {
        if (document.activeElement !== canvas || !e.clipboardData) return;
        var text = e.clipboardData.getData("text/plain");
        if (!text || text.length > 1000000) return;
        var n = lengthBytesUTF8(text) + 1;
        var p = _malloc(n);
        stringToUTF8(text, p, n);
        if (call(_campus_paste, p)) e.preventDefault();
        _free(p);
    });
    canvas.addEventListener("keyup", function(e) {
        if (call(_campus_key, e.keyCode, 0, mods(e))) e.preventDefault();
    });
    canvas.addEventListener("blur", function(e) {
        if (e.relatedTarget !== Module["textField"]) call(_campus_focus, 0, 0);  // not to the text field
    });
    canvas.addEventListener("focus", function(e) {
        var via = e.relatedTarget === Module["textField"] ? 0 : tabbing;
        tabbing = 0;
        call(_campus_focus, 1, via);
    });
});

// The canvas's size and pixel ratio, and whether it is in view.
EM_JS(void, js_install_size, (), {
    var canvas = Module["canvas"], call = Module["campusCall"];
    // Size: CSS size from the layout, backing store in whole device pixels. Where the
    // browser reports the device-pixel box (Chrome, Firefox) it is used as is, so lines
    // stay crisp at fractional ratios (1.5, browser zoom 110 %).
    var last = "";
    var devW = 0, devH = 0;  // device-pixel box from the ResizeObserver, 0 if unknown
    function measure() {
        var r = canvas.getBoundingClientRect();
        var dpr = window.devicePixelRatio || 1;
        // The device-pixel box is trusted only where it agrees with CSS size x ratio (it
        // fixes rounding); emulated ratios (DevTools, headless) report unscaled boxes.
        var w = Math.round(r.width * dpr), h = Math.round(r.height * dpr);
        if (devW && Math.abs(devW - r.width * dpr) < 1.5) w = devW;
        if (devH && Math.abs(devH - r.height * dpr) < 1.5) h = devH;
        var key = r.width + "x" + r.height + "@" + dpr + ":" + w + "x" + h;
        if (key === last) return;
        last = key;
        call(_campus_resize, r.width, r.height, dpr, w, h);
    }
    if (window.ResizeObserver) {
        var ro = new ResizeObserver(function(entries) {
            var box = entries[entries.length - 1].devicePixelContentBoxSize;
            devW = box && box[0] ? box[0].inlineSize : 0;
            devH = box && box[0] ? box[0].blockSize : 0;
            measure();
        });
        try { ro.observe(canvas, {box: "device-pixel-content-box"}); }
        catch (err) { ro.observe(canvas); }
    }
    // Browser zoom changes the CSS size and devicePixelRatio but not always the device-pixel
    // box (a full-window canvas), so the observer alone would miss it.
    window.addEventListener("resize", measure);
    // A backstop where the ratio's media query stays silent (some emulations): the pointer
    // coming back to the canvas measures again.
    canvas.addEventListener("pointerenter", measure);
    (function watchRatio() {
        var mq = window.matchMedia("(resolution: " + (window.devicePixelRatio || 1) + "dppx)");
        var onChange = function() { measure(); watchRatio(); };
        if (mq.addEventListener) mq.addEventListener("change", onChange, {once: true});
    })();
    if (window.IntersectionObserver) {
        new IntersectionObserver(function(entries) {
            call(_campus_set_visible, entries[entries.length - 1].isIntersecting ? 1 : 0);
        }).observe(canvas);
    }
    measure();
});

EM_JS(char*, js_get_hash, (), {
    var s = "";
    try { s = decodeURIComponent(location.hash.slice(1)); } catch (e) { s = location.hash.slice(1); }
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});

EM_JS(void, js_set_hash, (const char* h), {
    var s = UTF8ToString(h);
    try { history.replaceState(null, "", s ? "#" + s : location.pathname + location.search); }
    catch (e) {}
});

EM_JS(char*, js_storage_get, (const char* k), {
    var v = null;
    try { v = window.localStorage.getItem("cni-campus:" + UTF8ToString(k)); } catch (e) {}
    if (v === null) return 0;
    var n = lengthBytesUTF8(v) + 1;
    var p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
});

EM_JS(void, js_storage_set, (const char* k, const char* v), {
    try { window.localStorage.setItem("cni-campus:" + UTF8ToString(k), UTF8ToString(v)); } catch (e) {}
});

EM_JS(void, js_announce_step, (const char* id, int index, const char* title, int beat, int beats), {
    if (Module["onStepChange"]) Module["onStepChange"](UTF8ToString(id), index, UTF8ToString(title), beat, beats);
});

EM_JS(void, js_mirror_text, (const char* heading, const char* body, const char* live), {
    if (Module["onMirror"]) Module["onMirror"](UTF8ToString(heading), UTF8ToString(body), UTF8ToString(live));
});

EM_JS(void, js_mirror_exercises, (const char* json), {
    if (Module["onMirrorExercises"]) Module["onMirrorExercises"](UTF8ToString(json));
});

EM_JS(void, js_copy_text, (const char* text), {
    var s = UTF8ToString(text);
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(s).catch(function() {});
});

EM_JS(int, js_reduced_motion, (), {
    if (!window.matchMedia) return 0;
    // Read each frame: a change in the system setting applies from the next frame on.
    if (!Module["motionQuery"]) Module["motionQuery"] = window.matchMedia("(prefers-reduced-motion: reduce)");
    return Module["motionQuery"].matches ? 1 : 0;
});

EM_JS(int, js_prefers_dark, (), {
    if (!window.matchMedia) return 0;
    if (!Module["schemeQuery"]) {
        var mq = window.matchMedia("(prefers-color-scheme: dark)");
        Module["schemeQuery"] = mq;
        // A change of the system setting while the page is open: draw a frame, which reads it.
        var guard = Module["guard"] || function(f) { return f(); };
        var wake = function() { guard(function() { _campus_scheme_changed(); }, 0); };
        if (mq.addEventListener) mq.addEventListener("change", wake);
        else if (mq.addListener) mq.addListener(wake);
    }
    return Module["schemeQuery"].matches ? 1 : 0;
});

EM_JS(void, js_set_page_theme, (int dark), {
    try { document.documentElement.setAttribute("data-theme", dark ? "dark" : "light"); } catch (e) {}
});

EM_JS(void, js_text_input, (int active, int numeric), {
    if (Module["textInput"]) Module["textInput"](active, numeric);
});

// Only https links, in a new tab that cannot reach back into this page.
EM_JS(void, js_open_url, (const char* url), {
    var s = UTF8ToString(url);
    if (s.indexOf("https://") !== 0) return;
    try { window.open(s, "_blank", "noopener,noreferrer"); } catch (e) {}
});

EM_JS(int, js_is_embed, (), { return Module["embed"] ? 1 : 0; });
// shell/campus-loader.js: 0 ready (or not split), 1 loading, 2 failed.
EM_JS(int, js_rest_state, (), { return Module["restState"] ? Module["restState"]() : 0; });

EM_JS(char*, js_page_base_url, (), {
    var s = "";
    try { s = new URL(".", location.href).href; } catch (e) {}
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});
// clang-format on

std::string take_js_string(char* p) {
    if (!p) return {};
    std::string s(p);
    std::free(p);
    return s;
}

}  // namespace

extern "C" {

// type: 0 down, 1 move, 2 up, 3 left the canvas, 4 cancelled by the browser.
EMSCRIPTEN_KEEPALIVE void campus_pointer(int type, float x, float y, int button, int touch) {
    ImGuiIO& io = ImGui::GetIO();
    if (type == 0) g_last_touch = touch != 0;
    int b = button == 2 ? 1 : (button == 1 ? 2 : 0);
    if (touch && g_touch == Touch::Scroll) {
        // The finger scrolls a window: no hover, no press, until it lifts.
        if (type == 2 || type == 4) g_touch = Touch::None;
        return;
    }
    if (type == 1 && g_visible) {
        // A press not yet seen by a frame is drawn first where it happened: ImGui takes a
        // drag's start from the frame that sees the button down, so a fast drag would
        // otherwise start where the pointer has already moved to.
        for (int k = 0; k < 3; ++k) {
            if (io.MouseDown[k] && g_down_at[k] == g_frames) {
                draw_frame();
                break;
            }
        }
    }
    if (type == 3 || type == 4) {
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    } else {
        io.MousePos = ImVec2(x, y);
        g_moved_since_frame = true;
    }
    if (type == 0) {
        io.MouseDown[b] = true;
        g_pending_up[b] = false;
        g_down_at[b] = g_frames;
        g_touch_lift = false;
        g_touch = touch ? Touch::Pending : Touch::None;
        g_touch_x0 = x;
        g_touch_y0 = y;
    }
    if (type == 2 || type == 4) {
        if (type == 2 && g_down_at[b] == g_frames && io.MouseDown[b]) {
            g_pending_up[b] = true;
        } else {
            io.MouseDown[b] = false;
        }
        g_touch_lift = touch != 0;
        g_touch = Touch::None;
    }
    platform::request_frame();
}

// The loader instantiated the rest of the module, or gave up on it: draw what waited.
EMSCRIPTEN_KEEPALIVE void campus_rest_arrived() {
    platform::request_frame();
}

// The system's colour scheme changed (js_prefers_dark): the next frame reads it.
EMSCRIPTEN_KEEPALIVE void campus_scheme_changed() {
    platform::request_frame();
}

// One animation frame of the loop (js_start_loop): 1 while more frames are wanted.
EMSCRIPTEN_KEEPALIVE int campus_tick(double /*time*/) {
    return on_frame() ? 1 : 0;
}

// A call into the module stopped half-way because code of the rest could not be downloaded
// (the loader's guard): close the frame that was being drawn, so the next one starts clean
// and shows "Try again" where the rest is missing. What the interrupted frame had opened
// (a popup, a widget held by the pointer) is let go, or the next frame would call the
// missing code again.
EMSCRIPTEN_KEEPALIVE void campus_recover() {
    ImGuiContext* g = ImGui::GetCurrentContext();
    if (!g) return;
    if (g->WithinFrameScope) {
        ImGui::ErrorCheckEndFrameRecover(nullptr);
        ImGui::EndFrame();
    }
    if (g->OpenPopupStack.Size > 0) ImGui::ClosePopupToLevel(0, false);
    ImGui::ClearActiveID();
    platform::request_frame();
}

// The fetched data (shell/campus-loader.js), after the first frame; the loader frees it.
EMSCRIPTEN_KEEPALIVE void campus_data(const char* catalog, int catalog_size, const char* exercises,
                                      int exercises_size, const char* labs, int labs_size) {
    if (!g_cb.data_arrived || !catalog || !exercises || !labs || catalog_size < 0 ||
        exercises_size < 0 || labs_size < 0)
        return;
    g_cb.data_arrived(std::string(catalog, static_cast<size_t>(catalog_size)),
                      std::string(exercises, static_cast<size_t>(exercises_size)),
                      std::string(labs, static_cast<size_t>(labs_size)));
}

// A one-finger touch moved. 1: the app takes the drag (the page must not scroll).
EMSCRIPTEN_KEEPALIVE int campus_touch_move(float x, float y) {
    if (g_touch == Touch::Pending) {
        catch_up();
        ImGuiIO& io = ImGui::GetIO();
        const float dx = x - g_touch_x0, dy = y - g_touch_y0;
        if (std::fabs(dx) < 4 && std::fabs(dy) < 4) return 1;  // too small to tell the way yet
        ImGuiWindow* w = nullptr;
        const bool vertical = std::fabs(dy) >= std::fabs(dx);
        // A widget keeps a sideways drag (a slider, a number in the text); a swipe that is
        // mostly vertical scrolls instead, even when it starts on a widget, which lets go.
        if (widget_active() && !(vertical && scrollable_under_pointer(dy))) {
            g_touch = Touch::Widget;
        } else if (vertical && (w = scrollable_under_pointer(dy))) {
            ImGui::ClearActiveID();
            g_touch = Touch::Scroll;
            g_scroll_window = w->ID;
            g_scroll_y0 = w->Scroll.y;
            io.MouseDown[0] = false;  // nothing was pressed but a window's empty space
            g_pending_up[0] = false;
            io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        } else {
            g_touch = Touch::Page;
        }
    }
    if (g_touch == Touch::Scroll) {
        if (ImGuiWindow* w = ImGui::FindWindowByID(g_scroll_window)) {
            float target = std::clamp(g_scroll_y0 - (y - g_touch_y0), 0.0f, w->ScrollMax.y);
            ImGui::SetScrollY(w, target);
        }
        platform::request_frame();
    }
    return g_touch == Touch::Widget || g_touch == Touch::Scroll ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE int campus_wheel(float x, float y, float dx, float dy) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.MousePos.x != x || io.MousePos.y != y) {
        io.MousePos = ImVec2(x, y);
        g_moved_since_frame = true;
    }
    catch_up();
    bool scrolls = g_cb.wheel_scrolls_app && g_cb.wheel_scrolls_app(dy);
    if (scrolls) {
        io.MouseWheel -= dy / 100.0f;
        io.MouseWheelH -= dx / 100.0f;
    }
    platform::request_frame();
    return scrolls ? 1 : 0;
}

// A key on the canvas: 0 the browser's default action goes ahead (Tab past the last widget
// moves the focus on to the page), 1 prevented, 2 prevented and the canvas gives up the focus.
EMSCRIPTEN_KEEPALIVE int campus_key(int code, int down, int mods) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = (mods & 1) != 0;
    io.KeyShift = (mods & 2) != 0;
    io.KeyAlt = (mods & 4) != 0;
    io.KeySuper = (mods & 8) != 0;
    platform::request_frame();
    // Ctrl/Cmd+V goes to the browser, whose paste event brings the system clipboard in
    // (campus_paste); ImGui's own clipboard would only know what was copied inside it.
    if (code == 86 && (mods & (1 | 8)) != 0) return 0;
    // The focus order and the keys the app takes are read from the last frame: a key that
    // came before it must have been seen by one.
    if (g_keys_pending != KeysPending::None && g_visible) draw_frame();
    platform::KeyOut out;
    if (g_cb.key) {
        out = g_cb.key(code, down != 0, mods);
    } else {
        out.to_imgui = true;
    }
    if (code >= 0 && code < 512) io.KeysDown[code] = down != 0 && out.to_imgui;
    g_keys_pending = KeysPending::Keys;
    return out.leave ? 2 : (out.consumed ? 1 : 0);
}

EMSCRIPTEN_KEEPALIVE void campus_char(int codepoint) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput && codepoint > 0 && codepoint < 0x10000) {
        if (g_keys_pending == KeysPending::Keys && g_visible) draw_frame();
        io.AddInputCharacter(static_cast<unsigned int>(codepoint));
        g_keys_pending = KeysPending::Chars;
    }
    platform::request_frame();
}

EMSCRIPTEN_KEEPALIVE int campus_paste(const char* utf8) {
    ImGuiIO& io = ImGui::GetIO();
    if (!io.WantTextInput || !utf8) return 0;
    io.AddInputCharactersUTF8(utf8);
    platform::request_frame();
    return 1;
}

// via: see Callbacks::focus.
EMSCRIPTEN_KEEPALIVE void campus_focus(int focused, int via) {
    ImGuiIO& io = ImGui::GetIO();
    if (!focused) {
        for (bool& k : io.KeysDown)
            k = false;
        io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
    }
    if (g_cb.focus) g_cb.focus(focused != 0, via);
    platform::request_frame();
}

// CSS size, devicePixelRatio, and the backing store in device pixels (px_w x px_h).
EMSCRIPTEN_KEEPALIVE void campus_resize(float css_w, float css_h, float dpr, int px_w, int px_h) {
    if (!(css_w > 0) || !(css_h > 0) || !(dpr > 0)) return;
    dpr = std::min(std::max(dpr, 0.5f), 4.0f);
    if (px_w <= 0 || px_h <= 0) {
        px_w = static_cast<int>(std::lround(css_w * dpr));
        px_h = static_cast<int>(std::lround(css_h * dpr));
    }
    px_w = std::min(px_w, 8192);
    px_h = std::min(px_h, 8192);
    bool scale_changed = std::fabs(dpr - g_dpr) > 0.001f;
    g_css_w = css_w;
    g_css_h = css_h;
    g_dpr = dpr;
    emscripten_set_canvas_element_size("#canvas", px_w, px_h);
    if (scale_changed && g_cb.scale_changed) g_cb.scale_changed(dpr);
    platform::request_frame();
}

EMSCRIPTEN_KEEPALIVE void campus_set_visible(int visible) {
    bool was = g_visible;
    EmscriptenVisibilityChangeEvent status;
    bool hidden =
        emscripten_get_visibility_status(&status) == EMSCRIPTEN_RESULT_SUCCESS && status.hidden;
    g_visible = visible != 0 && !hidden;
    if (g_visible && !was) platform::request_frame();
}

// A message from the embedding page, as JSON text. Returns the step id to go to, with
// "@" and the beat when the message names one ("desk-limit@2"); "" for a message that is
// not ours; "!" + the reason for one of ours that was refused.
EMSCRIPTEN_KEEPALIVE const char* campus_host_message(const char* json) {
    static std::string out;
    core::Result<core::HostMessage> m = core::decode_host_message(json ? json : "");
    if (m) {
        out = m->step;
        if (m->beat >= 0) out += "@" + std::to_string(m->beat);
    } else if (m.error().code == core::ErrorCode::NotOurs) {
        out.clear();
    } else {
        out = "!" + m.error().message;
    }
    return out.c_str();
}

}  // extern "C"

namespace platform {

bool init(const Callbacks& callbacks) {
    g_cb = callbacks;
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = EM_FALSE;
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    attrs.antialias = EM_FALSE;
    // Kept only for the browser tests, which read the canvas back (the loader's switch):
    // otherwise the browser may hand the buffer to the compositor instead of copying it.
    attrs.preserveDrawingBuffer = js_preserve_drawing_buffer() ? EM_TRUE : EM_FALSE;
    // The WebGL 2 renderer (render_gl.cpp) needs no extension. Emscripten would otherwise enable
    // every one the browser offers at creation: ~170 ms of the first frame under SwiftShader.
    attrs.enableExtensionsByDefault = EM_FALSE;
    g_gl = emscripten_webgl_create_context("#canvas", &attrs);
    if (g_gl <= 0) {
        js_fatal(
            "This browser could not start WebGL 2 for the campus drawing. The lessons are "
            "also available as a plain page.");
        return false;
    }
    emscripten_webgl_make_context_current(g_gl);
    emscripten_set_webglcontextlost_callback(
        "#canvas", nullptr, EM_FALSE, reinterpret_cast<em_webgl_context_callback>(on_context_lost));
    emscripten_set_visibilitychange_callback(nullptr, EM_FALSE, on_visibility);
    setup_keymap();
    double w = 0, h = 0;
    emscripten_get_element_css_size("#canvas", &w, &h);
    g_dpr = static_cast<float>(emscripten_get_device_pixel_ratio());
    if (w > 0 && h > 0) {
        g_css_w = static_cast<float>(w);
        g_css_h = static_cast<float>(h);
    }
    emscripten_set_canvas_element_size("#canvas", static_cast<int>(std::lround(g_css_w * g_dpr)),
                                       static_cast<int>(std::lround(g_css_h * g_dpr)));
    return true;
}

void run() {
    js_event_bridge();
    js_install_pointer();
    js_install_keys();
    js_install_size();
    request_frame();
}

void request_frame() {
    g_frames_left = std::max(g_frames_left, 3);  // input needs a frame or two to settle
    if (!g_loop_running && g_visible) {
        g_loop_running = true;
        js_start_loop();
    }
}

long frames_drawn() {
    return g_frames;
}
float css_width() {
    return g_css_w;
}
float css_height() {
    return g_css_h;
}
float pixel_ratio() {
    return g_dpr;
}
double now_ms() {
    return emscripten_get_now();
}

std::string get_hash() {
    return take_js_string(js_get_hash());
}
void set_hash(const std::string& hash) {
    js_set_hash(hash.c_str());
}
std::string storage_get(const std::string& key) {
    return take_js_string(js_storage_get(key.c_str()));
}
void storage_set(const std::string& key, const std::string& value) {
    js_storage_set(key.c_str(), value.c_str());
}
void announce_step(const std::string& id, int index, const std::string& title, int beat,
                   int beats) {
    js_announce_step(id.c_str(), index, title.c_str(), beat, beats);
}
bool test_answers() {
    static const bool on = js_test_answers() != 0;
    return on;
}

void mirror_exercises(const std::string& json) {
    js_mirror_exercises(json.c_str());
}

void mirror_text(const std::string& heading, const std::string& body, const std::string& live) {
    js_mirror_text(heading.c_str(), body.c_str(), live.c_str());
}
void fatal(const std::string& message) {
    js_fatal(message.c_str());
}
void copy_text(const std::string& text) {
    js_copy_text(text.c_str());
}
bool reduced_motion() {
    return js_reduced_motion() != 0;
}
bool prefers_dark() {
    return js_prefers_dark() != 0;
}
void set_page_theme(bool dark) {
    js_set_page_theme(dark ? 1 : 0);
}
bool touch_input() {
    return g_last_touch;
}
void text_input(bool active, bool numeric) {
    const int now = active ? (numeric ? 2 : 1) : 0;
    if (now == g_text_input) return;  // only changes cross over to the page
    g_text_input = now;
    js_text_input(active ? 1 : 0, numeric ? 1 : 0);
}
void open_url(const std::string& url) {
    if (url.rfind("https://", 0) == 0) js_open_url(url.c_str());
}
bool is_embed() {
    return js_is_embed() != 0;
}
Rest rest_state() {
    const int s = js_rest_state();
    return s == 1 ? Rest::Loading : s == 2 ? Rest::Failed : Rest::Ready;
}
std::string page_base_url() {
    return take_js_string(js_page_base_url());
}
std::string_view asset(std::string_view name) {
    auto it = g_start_assets.find(name);
    if (it == g_start_assets.end()) {
        int size = 0;
        char* p = js_start_asset(std::string(name).c_str(), &size);
        if (!p) return core::asset(name);
        it = g_start_assets.emplace(std::string(name), std::string(p, static_cast<size_t>(size)))
                 .first;
        std::free(p);
    }
    return it->second;
}

}  // namespace platform
